/* gtm-link-chooser.h — a popover to pick a linked field to insert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gtm-project.h"

G_BEGIN_DECLS

#define GTM_TYPE_LINK_CHOOSER (gtm_link_chooser_get_type ())

G_DECLARE_FINAL_TYPE (GtmLinkChooser, gtm_link_chooser, GTM, LINK_CHOOSER, GtkPopover)

/*
 * Lists the fields of a project one can link to (gtm_link_list_fields()),
 * each with its current value, under a search entry that filters them as
 * one types. Up and Down move through the matches, Enter or a click picks
 * one: the popover emits ::field-chosen with its token and closes. Escape
 * closes it.
 */

GtkWidget  *gtm_link_chooser_new          (void);
/* Fills the list with the fields of @project as they are now and clears
 * the search; call before each popup. */
void        gtm_link_chooser_set_project  (GtmLinkChooser *self,
                                           GtmProject     *project);
/* The token of the match Enter would pick, or NULL if nothing matches. */
const char *gtm_link_chooser_get_selected (GtmLinkChooser *self);
/* How many fields match the search. */
guint       gtm_link_chooser_get_n_matches (GtmLinkChooser *self);

G_END_DECLS
