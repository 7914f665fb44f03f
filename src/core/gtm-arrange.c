/* gtm-arrange.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-arrange"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "gtm-arrange.h"
#include "gtm-connector.h"

gboolean
gtm_arrange_rects_bounds (const GtmRect *rects,
                          guint          n_rects,
                          GtmRect       *bounds)
{
  double x1, y1, x2, y2;

  g_return_val_if_fail (rects != NULL || n_rects == 0, FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (n_rects == 0)
    {
      *bounds = (GtmRect) { 0, 0, 0, 0 };
      return FALSE;
    }

  x1 = rects[0].x;
  y1 = rects[0].y;
  x2 = rects[0].x + rects[0].width;
  y2 = rects[0].y + rects[0].height;
  for (guint i = 1; i < n_rects; i++)
    {
      x1 = MIN (x1, rects[i].x);
      y1 = MIN (y1, rects[i].y);
      x2 = MAX (x2, rects[i].x + rects[i].width);
      y2 = MAX (y2, rects[i].y + rects[i].height);
    }

  *bounds = (GtmRect) { x1, y1, x2 - x1, y2 - y1 };
  return TRUE;
}

void
gtm_arrange_align_rects (GtmRect         *rects,
                         guint            n_rects,
                         GtmArrangeAlign  align)
{
  double left, top, right, bottom;

  g_return_if_fail (rects != NULL || n_rects == 0);

  if (n_rects == 0)
    return;

  left = rects[0].x;
  top = rects[0].y;
  right = rects[0].x + rects[0].width;
  bottom = rects[0].y + rects[0].height;
  for (guint i = 1; i < n_rects; i++)
    {
      left = MIN (left, rects[i].x);
      top = MIN (top, rects[i].y);
      right = MAX (right, rects[i].x + rects[i].width);
      bottom = MAX (bottom, rects[i].y + rects[i].height);
    }

  /* A rectangle already on the line is left alone: recomputing its
   * position from the line could move it by a rounding error. */
  for (guint i = 0; i < n_rects; i++)
    {
      GtmRect *r = &rects[i];

      switch (align)
        {
        case GTM_ARRANGE_ALIGN_LEFT:
          r->x = left;
          break;
        case GTM_ARRANGE_ALIGN_CENTER:
          if (r->x + r->width / 2.0 != (left + right) / 2.0)
            r->x = (left + right) / 2.0 - r->width / 2.0;
          break;
        case GTM_ARRANGE_ALIGN_RIGHT:
          if (r->x + r->width != right)
            r->x = right - r->width;
          break;
        case GTM_ARRANGE_ALIGN_TOP:
          r->y = top;
          break;
        case GTM_ARRANGE_ALIGN_MIDDLE:
          if (r->y + r->height / 2.0 != (top + bottom) / 2.0)
            r->y = (top + bottom) / 2.0 - r->height / 2.0;
          break;
        case GTM_ARRANGE_ALIGN_BOTTOM:
          if (r->y + r->height != bottom)
            r->y = bottom - r->height;
          break;
        default:
          g_return_if_reached ();
        }
    }
}

typedef struct
{
  guint  index;
  double centre;
} Ranked;

static int
compare_ranked (const void *a,
                const void *b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  if (ra->centre != rb->centre)
    return ra->centre < rb->centre ? -1 : 1;

  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

void
gtm_arrange_distribute_rects (GtmRect        *rects,
                              guint           n_rects,
                              GtmArrangeAxis  axis)
{
  g_autofree Ranked *ranked = NULL;
  gboolean horizontal = axis == GTM_ARRANGE_HORIZONTAL;
  double first_end, last_start, inner = 0.0, gap, position;

#define START(r) (horizontal ? (r)->x : (r)->y)
#define SIZE(r)  (horizontal ? (r)->width : (r)->height)

  g_return_if_fail (rects != NULL || n_rects == 0);
  g_return_if_fail (axis == GTM_ARRANGE_HORIZONTAL || axis == GTM_ARRANGE_VERTICAL);

  if (n_rects < 3)
    return;

  ranked = g_new (Ranked, n_rects);
  for (guint i = 0; i < n_rects; i++)
    {
      ranked[i].index = i;
      ranked[i].centre = START (&rects[i]) + SIZE (&rects[i]) / 2.0;
    }
  qsort (ranked, n_rects, sizeof *ranked, compare_ranked);

  first_end = START (&rects[ranked[0].index]) + SIZE (&rects[ranked[0].index]);
  last_start = START (&rects[ranked[n_rects - 1].index]);
  for (guint k = 1; k + 1 < n_rects; k++)
    inner += SIZE (&rects[ranked[k].index]);

  gap = (last_start - first_end - inner) / (n_rects - 1);

  position = first_end + gap;
  for (guint k = 1; k + 1 < n_rects; k++)
    {
      GtmRect *r = &rects[ranked[k].index];

      if (horizontal)
        r->x = position;
      else
        r->y = position;
      position += SIZE (r) + gap;
    }

#undef START
#undef SIZE
}

GArray *
gtm_arrange_reorder_moves (guint            n_items,
                           const guint     *selected,
                           guint            n_selected,
                           GtmArrangeOrder  order)
{
  GArray *moves = g_array_new (FALSE, FALSE, sizeof (GtmArrangeMove));
  g_autofree gboolean *mask = NULL;
  guint block, moved;

  g_return_val_if_fail (selected != NULL || n_selected == 0, moves);

  if (n_items == 0)
    return moves;

  mask = g_new0 (gboolean, n_items);
  for (guint i = 0; i < n_selected; i++)
    if (selected[i] < n_items)
      mask[selected[i]] = TRUE;

#define ADD_MOVE(f, t) G_STMT_START { \
    GtmArrangeMove move_ = { (f), (t) }; \
    g_array_append_val (moves, move_); \
  } G_STMT_END

  switch (order)
    {
    case GTM_ARRANGE_BRING_TO_FRONT:
      /* The selected elements already on top stay; the others go just
       * under them, lowest first, so that each lands above the last. */
      for (block = 0; block < n_items && mask[n_items - 1 - block]; block++)
        ;
      moved = 0;
      for (guint p = 0; p + block < n_items; p++)
        if (mask[p])
          {
            ADD_MOVE (p - moved, n_items - 1 - block);
            moved++;
          }
      break;

    case GTM_ARRANGE_SEND_TO_BACK:
      for (block = 0; block < n_items && mask[block]; block++)
        ;
      moved = 0;
      for (guint p = n_items; p > block; p--)
        if (mask[p - 1])
          {
            ADD_MOVE (p - 1 + moved, block);
            moved++;
          }
      break;

    case GTM_ARRANGE_BRING_FORWARD:
      /* Each run of selected elements swaps with the unselected element
       * above it: that element moves under the run. The runs are apart, so
       * no move shifts another's positions. */
      for (guint p = n_items; p > 0; p--)
        {
          guint end = p - 1, start;

          if (!mask[end])
            continue;
          for (start = end; start > 0 && mask[start - 1]; start--)
            ;
          if (end + 1 < n_items)
            ADD_MOVE (end + 1, start);
          p = start + 1;
        }
      break;

    case GTM_ARRANGE_SEND_BACKWARD:
      for (guint p = 0; p < n_items; p++)
        {
          guint start = p, end;

          if (!mask[start])
            continue;
          for (end = start; end + 1 < n_items && mask[end + 1]; end++)
            ;
          if (start > 0)
            ADD_MOVE (start - 1, end);
          p = end;
        }
      break;

    default:
      g_critical ("Unknown stacking order %d", order);
      break;
    }

#undef ADD_MOVE

  return moves;
}

/* The distinct items of the selection that have a geometry of their own
 * and may move (not locked), and their rectangles. */
static GPtrArray *
placed_items (GtmItem * const  *items,
              guint             n_items,
              GtmRect         **rects)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *placed = g_ptr_array_new ();

  for (guint i = 0; i < n_items; i++)
    if (!GTM_IS_CONNECTOR (items[i]) && !gtm_item_get_locked (items[i]) &&
        g_hash_table_add (seen, items[i]))
      g_ptr_array_add (placed, items[i]);

  *rects = g_new (GtmRect, MAX (placed->len, 1));
  for (guint i = 0; i < placed->len; i++)
    {
      GtmItem *item = g_ptr_array_index (placed, i);

      (*rects)[i] = (GtmRect) {
        gtm_item_get_x (item),
        gtm_item_get_y (item),
        gtm_item_get_width (item),
        gtm_item_get_height (item),
      };
    }

  return placed;
}

/* Moves each item to its rectangle's position, as one step. */
static gboolean
apply_positions (GtmHistory    *history,
                 const char    *label,
                 GPtrArray     *items,
                 const GtmRect *rects)
{
  gboolean changed = FALSE;

  gtm_history_begin (history, label);
  for (guint i = 0; i < items->len; i++)
    {
      GtmItem *item = g_ptr_array_index (items, i);
      double x = gtm_item_get_x (item);
      double y = gtm_item_get_y (item);

      gtm_history_set (history, GTM_NODE (item), "x", rects[i].x, "y", rects[i].y, NULL);
      changed |= gtm_item_get_x (item) != x || gtm_item_get_y (item) != y;
    }
  gtm_history_end (history);

  return changed;
}

static const char *
align_label (GtmArrangeAlign align)
{
  switch (align)
    {
    case GTM_ARRANGE_ALIGN_LEFT:
      /* Translators: an undo step, shown as “Undo Align Left” */
      return _("Align Left");
    case GTM_ARRANGE_ALIGN_CENTER:
      /* Translators: an undo step: items lined up on a common vertical
         centre line, shown as “Undo Align Center” */
      return _("Align Center");
    case GTM_ARRANGE_ALIGN_RIGHT:
      /* Translators: an undo step, shown as “Undo Align Right” */
      return _("Align Right");
    case GTM_ARRANGE_ALIGN_TOP:
      /* Translators: an undo step, shown as “Undo Align Top” */
      return _("Align Top");
    case GTM_ARRANGE_ALIGN_MIDDLE:
      /* Translators: an undo step: items lined up on a common horizontal
         centre line, shown as “Undo Align Middle” */
      return _("Align Middle");
    case GTM_ARRANGE_ALIGN_BOTTOM:
      /* Translators: an undo step, shown as “Undo Align Bottom” */
      return _("Align Bottom");
    default:
      return NULL;
    }
}

gboolean
gtm_arrange_align (GtmBoard         *board,
                   GtmHistory       *history,
                   GtmItem * const  *items,
                   guint             n_items,
                   GtmArrangeAlign   align)
{
  g_autoptr(GPtrArray) placed = NULL;
  g_autofree GtmRect *rects = NULL;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (GTM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);
  g_return_val_if_fail (gtm_board_holds_items (board, items, n_items), FALSE);
  g_return_val_if_fail (align_label (align) != NULL, FALSE);

  placed = placed_items (items, n_items, &rects);
  if (placed->len < 2)
    return FALSE;

  gtm_arrange_align_rects (rects, placed->len, align);

  return apply_positions (history, align_label (align), placed, rects);
}

gboolean
gtm_arrange_distribute (GtmBoard         *board,
                        GtmHistory       *history,
                        GtmItem * const  *items,
                        guint             n_items,
                        GtmArrangeAxis    axis)
{
  g_autoptr(GPtrArray) placed = NULL;
  g_autofree GtmRect *rects = NULL;
  const char *label;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (GTM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);
  g_return_val_if_fail (gtm_board_holds_items (board, items, n_items), FALSE);
  g_return_val_if_fail (axis == GTM_ARRANGE_HORIZONTAL || axis == GTM_ARRANGE_VERTICAL, FALSE);

  placed = placed_items (items, n_items, &rects);
  if (placed->len < 3)
    return FALSE;

  gtm_arrange_distribute_rects (rects, placed->len, axis);

  if (axis == GTM_ARRANGE_HORIZONTAL)
    /* Translators: an undo step: equal gaps between items from left to
       right, shown as “Undo Distribute Horizontally” */
    label = _("Distribute Horizontally");
  else
    /* Translators: an undo step: equal gaps between items from top to
       bottom, shown as “Undo Distribute Vertically” */
    label = _("Distribute Vertically");

  return apply_positions (history, label, placed, rects);
}

static const char *
order_label (GtmArrangeOrder order)
{
  switch (order)
    {
    case GTM_ARRANGE_BRING_FORWARD:
      /* Translators: an undo step: items raised one level in the stacking
         order, shown as “Undo Bring Forward” */
      return _("Bring Forward");
    case GTM_ARRANGE_SEND_BACKWARD:
      /* Translators: an undo step: items lowered one level in the stacking
         order, shown as “Undo Send Backward” */
      return _("Send Backward");
    case GTM_ARRANGE_BRING_TO_FRONT:
      /* Translators: an undo step: items put on top of all others, shown as
         “Undo Bring to Front” */
      return _("Bring to Front");
    case GTM_ARRANGE_SEND_TO_BACK:
      /* Translators: an undo step: items put under all others, shown as
         “Undo Send to Back” */
      return _("Send to Back");
    default:
      return NULL;
    }
}

gboolean
gtm_arrange_reorder (GtmBoard         *board,
                     GtmHistory       *history,
                     GtmItem * const  *items,
                     guint             n_items,
                     GtmArrangeOrder   order)
{
  g_autoptr(GHashTable) selected = NULL;
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GArray) moves = NULL;
  GListModel *list;
  guint n;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (GTM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);
  g_return_val_if_fail (gtm_board_holds_items (board, items, n_items), FALSE);
  g_return_val_if_fail (order_label (order) != NULL, FALSE);

  if (n_items == 0)
    return FALSE;

  selected = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_items; i++)
    g_hash_table_add (selected, items[i]);

  /* One pass over the board, however large the selection. */
  list = gtm_board_get_items (board);
  n = g_list_model_get_n_items (list);
  positions = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint p = 0; p < n; p++)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (list, p);

      if (g_hash_table_contains (selected, item))
        g_array_append_val (positions, p);
    }

  moves = gtm_arrange_reorder_moves (n, (const guint *) positions->data, positions->len, order);
  if (moves->len == 0)
    return FALSE;

  gtm_history_begin (history, order_label (order));
  for (guint i = 0; i < moves->len; i++)
    {
      const GtmArrangeMove *move = &g_array_index (moves, GtmArrangeMove, i);

      gtm_history_move (history, GTM_NODE (board), "items", move->from, move->to);
    }
  gtm_history_end (history);

  return TRUE;
}

gboolean
gtm_arrange_nudge (GtmBoard         *board,
                   GtmHistory       *history,
                   GtmItem * const  *items,
                   guint             n_items,
                   double            dx,
                   double            dy)
{
  g_autoptr(GPtrArray) placed = NULL;
  g_autofree GtmRect *rects = NULL;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (GTM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);
  g_return_val_if_fail (gtm_board_holds_items (board, items, n_items), FALSE);
  g_return_val_if_fail (isfinite (dx) && isfinite (dy), FALSE);

  placed = placed_items (items, n_items, &rects);
  if (placed->len == 0 || (dx == 0 && dy == 0))
    return FALSE;

  for (guint i = 0; i < placed->len; i++)
    {
      rects[i].x += dx;
      rects[i].y += dy;
    }

  /* Translators: an undo step, shown as “Undo Move” */
  return apply_positions (history, _("Move"), placed, rects);
}

gboolean
gtm_arrange_delete (GtmBoard         *board,
                    GtmHistory       *history,
                    GtmItem * const  *items,
                    guint             n_items)
{
  g_autoptr(GPtrArray) doomed = NULL;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (GTM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);
  g_return_val_if_fail (gtm_board_holds_items (board, items, n_items), FALSE);

  doomed = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    {
      if (!gtm_item_get_locked (items[i]))
        g_ptr_array_add (doomed, g_object_ref (items[i]));
    }

  gtm_board_remove_items (board, history, (GtmItem * const *) doomed->pdata, doomed->len);

  return doomed->len > 0;
}

/* Puts each of @items in @group ("" for none), as one step called
 * @label; returns whether any changed. */
static gboolean
set_group (GtmHistory *history,
           const char *label,
           GPtrArray  *items,
           const char *group)
{
  gboolean changed = FALSE;

  gtm_history_begin (history, label);
  for (guint i = 0; i < items->len; i++)
    {
      GtmItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (gtm_item_get_group (item), group) == 0)
        continue;
      gtm_history_set (history, GTM_NODE (item), "group", group, NULL);
      changed = TRUE;
    }
  gtm_history_end (history);

  return changed;
}

gboolean
gtm_arrange_group (GtmBoard         *board,
                   GtmHistory       *history,
                   GtmItem * const  *items,
                   guint             n_items)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *group = NULL;
  const char *first;
  gboolean one_group;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (GTM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);
  g_return_val_if_fail (gtm_board_holds_items (board, items, n_items), FALSE);

  members = gtm_board_expand_groups (board, items, n_items);
  if (members->len < 2)
    return FALSE;

  /* Expanded, items of one group are all of it. */
  first = gtm_item_get_group (g_ptr_array_index (members, 0));
  one_group = first[0] != '\0';
  for (guint i = 1; i < members->len && one_group; i++)
    one_group = strcmp (gtm_item_get_group (g_ptr_array_index (members, i)), first) == 0;
  if (one_group)
    return FALSE;

  group = gtm_board_new_group_id (board);

  /* Translators: an undo step: the selected items made into one group,
     shown as “Undo Group” */
  return set_group (history, _("Group"), members, group);
}

gboolean
gtm_arrange_ungroup (GtmBoard         *board,
                     GtmHistory       *history,
                     GtmItem * const  *items,
                     guint             n_items)
{
  g_autoptr(GPtrArray) members = NULL;
  gboolean grouped = FALSE;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (GTM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);
  g_return_val_if_fail (gtm_board_holds_items (board, items, n_items), FALSE);

  members = gtm_board_expand_groups (board, items, n_items);
  for (guint i = 0; i < members->len && !grouped; i++)
    grouped = gtm_item_get_group (g_ptr_array_index (members, i))[0] != '\0';
  if (!grouped)
    return FALSE;

  /* Translators: an undo step: the groups of the selected items
     dissolved, shown as “Undo Ungroup” */
  return set_group (history, _("Ungroup"), members, "");
}

gboolean
gtm_arrange_set_locked (GtmBoard         *board,
                        GtmHistory       *history,
                        GtmItem * const  *items,
                        guint             n_items,
                        gboolean          locked)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (GTM_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);
  g_return_val_if_fail (gtm_board_holds_items (board, items, n_items), FALSE);

  locked = !!locked;
  for (guint i = 0; i < n_items && !changed; i++)
    changed = gtm_item_get_locked (items[i]) != locked;
  if (!changed)
    return FALSE;

  gtm_history_begin (history, locked ?
                     /* Translators: an undo step: the selected items fixed in
                        place, shown as “Undo Lock” */
                     _("Lock") :
                     /* Translators: an undo step, shown as “Undo Unlock” */
                     _("Unlock"));
  /* Setting a field to the value it has records nothing, so an item listed
   * twice, or already in the state, costs nothing. */
  for (guint i = 0; i < n_items; i++)
    gtm_history_set (history, GTM_NODE (items[i]), "locked", locked, NULL);
  gtm_history_end (history);

  return TRUE;
}
