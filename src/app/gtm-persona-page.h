/* gtm-persona-page.h — a read-only summary of a persona
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gtm-persona.h"

G_BEGIN_DECLS

#define GTM_TYPE_PERSONA_PAGE (gtm_persona_page_get_type ())

G_DECLARE_FINAL_TYPE (GtmPersonaPage, gtm_persona_page, GTM, PERSONA_PAGE, AdwBin)

GtkWidget  *gtm_persona_page_new         (void);
GtmPersona *gtm_persona_page_get_persona (GtmPersonaPage *self);
void        gtm_persona_page_set_persona (GtmPersonaPage *self,
                                          GtmPersona     *persona);

/* Labels a user sees for a persona's kind and role, shared with the
 * sidebar. */
const char *gtm_persona_kind_to_label    (GtmPersonaKind  kind);
const char *gtm_buying_role_to_label     (GtmBuyingRole   role);

G_END_DECLS
