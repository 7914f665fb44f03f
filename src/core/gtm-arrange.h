/* gtm-arrange.h — align, distribute, stacking order and nudging of a selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-board.h"
#include "gtm-history.h"
#include "gtm-render.h"

G_BEGIN_DECLS

/* How far the arrow keys move the selection (gtm_arrange_nudge()), in
 * board units, on the canvas and in the outline: with Shift, the large
 * step. */
#define GTM_NUDGE_STEP       1.0
#define GTM_NUDGE_STEP_LARGE 10.0

/*
 * Each command comes twice: as arithmetic on plain rectangles or positions
 * (tested on its own), and as an edit of a selection on a board that applies
 * that arithmetic through the history as one undo step.
 *
 * A selection is an array of items of one board; an item listed twice
 * counts once. Connectors take their geometry from their ends, so align,
 * distribute and nudge leave them out; they do take part in the stacking
 * order.
 *
 * Locked items (gtm_item_get_locked()) never move: align, distribute and
 * nudge act on the unlocked items of the selection as if the locked ones
 * were not selected — a locked background frame caught in a rubber-band
 * selection is neither moved nor used as the line to align to, as in
 * Figma and Miro, where locked items can't be selected on the canvas. The
 * stacking order applies to locked items as to any other.
 *
 * Groups (gtm_item_get_group()) are one level deep: an item is in at most
 * one group. The canvas selects whole groups (gtm_board_expand_groups());
 * the edits below act on exactly the items they are given, but for
 * grouping and ungrouping, which take whole groups.
 */

typedef enum
{
  GTM_ARRANGE_ALIGN_LEFT,
  GTM_ARRANGE_ALIGN_CENTER,
  GTM_ARRANGE_ALIGN_RIGHT,
  GTM_ARRANGE_ALIGN_TOP,
  GTM_ARRANGE_ALIGN_MIDDLE,
  GTM_ARRANGE_ALIGN_BOTTOM,
} GtmArrangeAlign;

typedef enum
{
  GTM_ARRANGE_HORIZONTAL,
  GTM_ARRANGE_VERTICAL,
} GtmArrangeAxis;

typedef enum
{
  GTM_ARRANGE_BRING_FORWARD,
  GTM_ARRANGE_SEND_BACKWARD,
  GTM_ARRANGE_BRING_TO_FRONT,
  GTM_ARRANGE_SEND_TO_BACK,
} GtmArrangeOrder;

/* One reordering of a list, as gtm_history_move() does it: the element at
 * @from is taken out, then put in at @to. */
typedef struct
{
  guint from;
  guint to;
} GtmArrangeMove;

/* The arithmetic. */

/* The rectangle covering @rects. FALSE, with @bounds empty, if n_rects is 0. */
gboolean    gtm_arrange_rects_bounds      (const GtmRect    *rects,
                                           guint             n_rects,
                                           GtmRect          *bounds);

/* Lines the rectangles up on the edge or centre line of the box covering
 * them all; only x or y changes. */
void        gtm_arrange_align_rects       (GtmRect          *rects,
                                           guint             n_rects,
                                           GtmArrangeAlign   align);

/* Spaces the rectangles so that the gaps between neighbours are equal.
 * Neighbours are ordered by their centres (ties keep the array order); the
 * first and the last stay where they are and the others keep their sizes,
 * so the gaps are negative when the others are too wide to fit between
 * them. Fewer than three rectangles stay put. */
void        gtm_arrange_distribute_rects  (GtmRect          *rects,
                                           guint             n_rects,
                                           GtmArrangeAxis    axis);

/* The moves that restack a list of @n_items (bottom first) so that the
 * elements at the positions in @selected go:
 *  - forward: each run of selected elements above the unselected element
 *    right above it;
 *  - backward: each run below the unselected element right below it;
 *  - to front / to back: all of them to the top / bottom.
 * Selected elements keep their order among themselves. Positions out of
 * range are ignored. Apply the moves in the array's order.
 *
 * Returns: (transfer full) (element-type GtmArrangeMove): the moves, none
 *   if the order would not change */
GArray     *gtm_arrange_reorder_moves     (guint             n_items,
                                           const guint      *selected,
                                           guint             n_selected,
                                           GtmArrangeOrder   order);

/* The edits. Each is one step in @history (none if nothing changes) and
 * returns whether anything changed. */

gboolean    gtm_arrange_align             (GtmBoard         *board,
                                           GtmHistory       *history,
                                           GtmItem * const  *items,
                                           guint             n_items,
                                           GtmArrangeAlign   align);
gboolean    gtm_arrange_distribute        (GtmBoard         *board,
                                           GtmHistory       *history,
                                           GtmItem * const  *items,
                                           guint             n_items,
                                           GtmArrangeAxis    axis);
gboolean    gtm_arrange_reorder           (GtmBoard         *board,
                                           GtmHistory       *history,
                                           GtmItem * const  *items,
                                           guint             n_items,
                                           GtmArrangeOrder   order);
/* Deletes the items that are not locked, with the connectors attached to
 * them, as Delete does. */
gboolean    gtm_arrange_delete            (GtmBoard         *board,
                                           GtmHistory       *history,
                                           GtmItem * const  *items,
                                           guint             n_items);
/* Moves the items by (dx, dy) board units, as the arrow keys do. */
gboolean    gtm_arrange_nudge             (GtmBoard         *board,
                                           GtmHistory       *history,
                                           GtmItem * const  *items,
                                           guint             n_items,
                                           double            dx,
                                           double            dy);

/* Puts the items, with every member of the groups they are in, into one
 * new group: grouping items of different groups, or groups and single
 * items, merges them. Fewer than two items in all, or items that are
 * exactly one group already, change nothing. */
gboolean    gtm_arrange_group             (GtmBoard         *board,
                                           GtmHistory       *history,
                                           GtmItem * const  *items,
                                           guint             n_items);
/* Dissolves the groups the items are in: every member of them, selected
 * or not, is left in no group. */
gboolean    gtm_arrange_ungroup           (GtmBoard         *board,
                                           GtmHistory       *history,
                                           GtmItem * const  *items,
                                           guint             n_items);
/* Locks or unlocks the items (only those given: pass an expanded selection
 * to lock whole groups). */
gboolean    gtm_arrange_set_locked        (GtmBoard         *board,
                                           GtmHistory       *history,
                                           GtmItem * const  *items,
                                           guint             n_items,
                                           gboolean          locked);

G_END_DECLS
