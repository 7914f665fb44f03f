/* gtm-outline.h — the items of a board as a list, following the selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gtm-history.h"
#include "gtm-selection.h"

G_BEGIN_DECLS

/*
 * The outline lists every item of a board, topmost first as layer lists do,
 * each with the icon of its kind and its text's first line (or the kind's
 * name). Selecting rows selects the items on the canvas and the other way
 * round. It is also how keyboard and screen reader users reach the items:
 * Up/Down and Tab/Shift+Tab go from item to item and select it, Enter
 * emits GtmOutline::activate-item (the canvas then edits the text),
 * Alt+arrows move the selected items (with Shift, further) and Delete
 * removes them (locked items stay, as on the canvas), each as one undo
 * step.
 */

#define GTM_TYPE_OUTLINE (gtm_outline_get_type ())

G_DECLARE_FINAL_TYPE (GtmOutline, gtm_outline, GTM, OUTLINE, GtkWidget)

GtkWidget *gtm_outline_new           (void);

/* Shows the items of @selection's board; edits go through @history. NULL
 * shows nothing. */
void       gtm_outline_set_selection (GtmOutline   *self,
                                      GtmSelection *selection,
                                      GtmHistory   *history);

G_END_DECLS
