/* gtm-properties-panel.h — the side panel that edits the selected items of a board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gtm-history.h"
#include "gtm-selection.h"

G_BEGIN_DECLS

#define GTM_TYPE_PROPERTIES_PANEL (gtm_properties_panel_get_type ())

G_DECLARE_FINAL_TYPE (GtmPropertiesPanel, gtm_properties_panel, GTM, PROPERTIES_PANEL, AdwBin)

GtkWidget *gtm_properties_panel_new           (void);
/* The items edited, and the history their edits go through. The panel shows
 * only the controls that apply to every selected item and follows the
 * selection and the items as they change. NULL clears. */
void       gtm_properties_panel_set_selection (GtmPropertiesPanel *self,
                                               GtmSelection       *selection,
                                               GtmHistory         *history);

G_END_DECLS
