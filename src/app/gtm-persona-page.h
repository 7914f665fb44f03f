/* gtm-persona-page.h — the form of a persona: picture, profile, goals,
 * personality, jobs to be done and notes, edited through the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gtm-persona.h"

G_BEGIN_DECLS

/* The longer side, in pixels, of a persona's picture: a chosen image is
 * cut to its middle square and scaled down to this. */
#define GTM_PERSONA_PAGE_AVATAR_SIDE 256

#define GTM_TYPE_PERSONA_PAGE (gtm_persona_page_get_type ())

G_DECLARE_FINAL_TYPE (GtmPersonaPage, gtm_persona_page, GTM, PERSONA_PAGE, AdwBin)

GtkWidget  *gtm_persona_page_new         (void);
GtmPersona *gtm_persona_page_get_persona (GtmPersonaPage *self);
/* The row showing @field of the persona; see gtm_form_find_row(). */
GtkWidget  *gtm_persona_page_find_row    (GtmPersonaPage *self,
                                          GtmNode        *node,
                                          const char     *field);
/* Edits go through the history of the project @persona is in (a persona
 * outside a project gets a history of its own). */
void        gtm_persona_page_set_persona (GtmPersonaPage *self,
                                          GtmPersona     *persona);

/* Makes @file, an image in any format gdk-pixbuf reads, the persona's
 * picture: imported in a worker thread, then set as one undo step; an
 * error is shown in the window. What "Choose Image…" and a drop call. */
void        gtm_persona_page_set_image_file (GtmPersonaPage *self,
                                             GFile          *file);

G_END_DECLS
