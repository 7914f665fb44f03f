/* gtm-selection.h — the selected items of a board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-board.h"
#include "gtm-history.h"

G_BEGIN_DECLS

/*
 * What the user has selected on one board, shared by the canvas, the
 * properties panel and the outline list. The items are kept in the board's
 * z-order (bottom first), each once, and an item that leaves the board —
 * deleted, or taken away by undo — leaves the selection too.
 *
 * GtmSelection::changed is emitted once per change of the set, never for a
 * call that changes nothing.
 */

#define GTM_TYPE_SELECTION (gtm_selection_get_type ())

G_DECLARE_FINAL_TYPE (GtmSelection, gtm_selection, GTM, SELECTION, GObject)

GtmSelection    *gtm_selection_new          (GtmBoard         *board);

GtmBoard        *gtm_selection_get_board    (GtmSelection     *self);
guint            gtm_selection_get_n_items  (GtmSelection     *self);
/* The items, bottom first. Valid until the selection or the board changes. */
GtmItem * const *gtm_selection_get_items    (GtmSelection     *self,
                                             guint            *n_items);
/* The one selected item, or NULL when none or several are selected. */
GtmItem         *gtm_selection_get_single   (GtmSelection     *self);
gboolean         gtm_selection_contains     (GtmSelection     *self,
                                             GtmItem          *item);

/* Items that are not on the board are ignored. */
void             gtm_selection_set          (GtmSelection     *self,
                                             GtmItem * const  *items,
                                             guint             n_items);
void             gtm_selection_add          (GtmSelection     *self,
                                             GtmItem * const  *items,
                                             guint             n_items);
void             gtm_selection_remove       (GtmSelection     *self,
                                             GtmItem * const  *items,
                                             guint             n_items);
void             gtm_selection_select_all   (GtmSelection     *self);
void             gtm_selection_clear        (GtmSelection     *self);

/* Deletes the selected items that are not locked, with their connectors,
 * as one step (gtm_arrange_delete()); the locked ones stay selected.
 * Returns whether anything was deleted. */
gboolean         gtm_selection_delete       (GtmSelection     *self,
                                             GtmHistory       *history);

G_END_DECLS
