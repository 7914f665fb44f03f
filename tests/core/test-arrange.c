/* test-arrange.c — align, distribute, stacking order and nudging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-arrange"

#include "config.h"

#include <string.h>

#include "gtm-arrange.h"
#include "gtm-core.h"

#define EPSILON 1e-9

#define assert_pos(r, ex, ey) G_STMT_START { \
    g_assert_cmpfloat_with_epsilon ((r)->x, (ex), EPSILON); \
    g_assert_cmpfloat_with_epsilon ((r)->y, (ey), EPSILON); \
  } G_STMT_END

/* Three rectangles of different sizes; together they cover
 * x -5 … 130, y 0 … 110. */
static const GtmRect three[] = {
  { 10, 0, 50, 20 },
  { 30, 40, 100, 10 },
  { -5, 80, 20, 30 },
};

static void
align (GtmArrangeAlign  how,
       GtmRect         *rects)
{
  memcpy (rects, three, sizeof three);
  gtm_arrange_align_rects (rects, G_N_ELEMENTS (three), how);
}

static void
test_align_rects (void)
{
  GtmRect r[G_N_ELEMENTS (three)];
  GtmRect bounds;

  g_assert_true (gtm_arrange_rects_bounds (three, G_N_ELEMENTS (three), &bounds));
  g_assert_cmpfloat (bounds.x, ==, -5);
  g_assert_cmpfloat (bounds.y, ==, 0);
  g_assert_cmpfloat (bounds.width, ==, 135);
  g_assert_cmpfloat (bounds.height, ==, 110);
  g_assert_false (gtm_arrange_rects_bounds (NULL, 0, &bounds));

  /* Horizontal alignments change x only, vertical ones y only. */
  align (GTM_ARRANGE_ALIGN_LEFT, r);
  assert_pos (&r[0], -5, 0);
  assert_pos (&r[1], -5, 40);
  assert_pos (&r[2], -5, 80);

  align (GTM_ARRANGE_ALIGN_CENTER, r);
  assert_pos (&r[0], 37.5, 0);
  assert_pos (&r[1], 12.5, 40);
  assert_pos (&r[2], 52.5, 80);

  align (GTM_ARRANGE_ALIGN_RIGHT, r);
  assert_pos (&r[0], 80, 0);
  assert_pos (&r[1], 30, 40);
  assert_pos (&r[2], 110, 80);

  align (GTM_ARRANGE_ALIGN_TOP, r);
  assert_pos (&r[0], 10, 0);
  assert_pos (&r[1], 30, 0);
  assert_pos (&r[2], -5, 0);

  align (GTM_ARRANGE_ALIGN_MIDDLE, r);
  assert_pos (&r[0], 10, 45);
  assert_pos (&r[1], 30, 50);
  assert_pos (&r[2], -5, 40);

  align (GTM_ARRANGE_ALIGN_BOTTOM, r);
  assert_pos (&r[0], 10, 90);
  assert_pos (&r[1], 30, 100);
  assert_pos (&r[2], -5, 80);

  /* Sizes never change. */
  for (guint i = 0; i < G_N_ELEMENTS (three); i++)
    {
      g_assert_cmpfloat (r[i].width, ==, three[i].width);
      g_assert_cmpfloat (r[i].height, ==, three[i].height);
    }
}

static void
test_distribute_rects (void)
{
  /* Out of order in the array and of different widths: ordered by centre
   * they are A (5), D (30), B (65), C (210). */
  GtmRect r[] = {
    { 0, 0, 10, 10 },     /* A */
    { 50, 5, 30, 10 },    /* B */
    { 200, 0, 20, 10 },   /* C */
    { 25, 7, 10, 10 },    /* D */
  };
  GtmRect two[] = { { 0, 0, 10, 10 }, { 50, 0, 10, 10 } };

  gtm_arrange_distribute_rects (r, G_N_ELEMENTS (r), GTM_ARRANGE_HORIZONTAL);

  /* A and C stay; the 190 between them less the 40 of D and B leaves
   * three gaps of 50. */
  assert_pos (&r[0], 0, 0);
  assert_pos (&r[3], 60, 7);
  assert_pos (&r[1], 120, 5);
  assert_pos (&r[2], 200, 0);

  /* The same vertically, with heights of 10, 40, 10 and 20. */
  {
    GtmRect v[] = {
      { 0, 100, 10, 10 },
      { 5, 0, 10, 10 },
      { 9, 30, 10, 40 },
      { 3, 300, 10, 20 },
    };

    gtm_arrange_distribute_rects (v, G_N_ELEMENTS (v), GTM_ARRANGE_VERTICAL);
    /* From 10 to 300 less 50 of the two inner ones: gaps of 80. */
    assert_pos (&v[1], 5, 0);
    assert_pos (&v[2], 9, 90);
    assert_pos (&v[0], 0, 210);
    assert_pos (&v[3], 3, 300);
  }

  /* Too wide to fit: equal negative gaps, the ends still in place. */
  {
    GtmRect o[] = { { 0, 0, 10, 10 }, { 5, 0, 40, 10 }, { 20, 0, 10, 10 } };

    gtm_arrange_distribute_rects (o, G_N_ELEMENTS (o), GTM_ARRANGE_HORIZONTAL);
    assert_pos (&o[0], 0, 0);
    assert_pos (&o[1], -5, 0);
    assert_pos (&o[2], 20, 0);
  }

  /* Two rectangles have no gap to share. */
  gtm_arrange_distribute_rects (two, G_N_ELEMENTS (two), GTM_ARRANGE_HORIZONTAL);
  assert_pos (&two[0], 0, 0);
  assert_pos (&two[1], 50, 0);
}

/* Applies the moves to "abcdef…" and returns the new order. */
static char *
reorder (const char      *list,
         const guint     *selected,
         guint            n_selected,
         GtmArrangeOrder  order)
{
  g_autoptr(GArray) moves = gtm_arrange_reorder_moves (strlen (list), selected, n_selected, order);
  GString *s = g_string_new (list);

  for (guint i = 0; i < moves->len; i++)
    {
      const GtmArrangeMove *m = &g_array_index (moves, GtmArrangeMove, i);
      char c;

      g_assert_cmpuint (m->from, <, s->len);
      g_assert_cmpuint (m->to, <, s->len);
      g_assert_cmpuint (m->from, !=, m->to);
      c = s->str[m->from];
      g_string_erase (s, m->from, 1);
      g_string_insert_c (s, m->to, c);
    }

  return g_string_free (s, FALSE);
}

#define assert_reorder(list, order, expected, ...) G_STMT_START { \
    const guint sel_[] = { __VA_ARGS__ }; \
    g_autofree char *got_ = reorder ((list), sel_, G_N_ELEMENTS (sel_), (order)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_reorder_moves (void)
{
  /* Bottom first: "a" is under everything, "f" on top. */

  /* Forward: past the one unselected neighbour above, no further. */
  assert_reorder ("abcdef", GTM_ARRANGE_BRING_FORWARD, "acbdef", 1);
  assert_reorder ("abcdef", GTM_ARRANGE_BRING_FORWARD, "adbcef", 1, 2);
  assert_reorder ("abcdef", GTM_ARRANGE_BRING_FORWARD, "acbdfe", 1, 4);
  /* Already on top: stays; the one under it does not overtake it. */
  assert_reorder ("abcdef", GTM_ARRANGE_BRING_FORWARD, "abcdef", 5);
  assert_reorder ("abcdef", GTM_ARRANGE_BRING_FORWARD, "abcdef", 4, 5);
  assert_reorder ("abcdef", GTM_ARRANGE_BRING_FORWARD, "acbdef", 1, 5);

  /* Backward, the mirror image. */
  assert_reorder ("abcdef", GTM_ARRANGE_SEND_BACKWARD, "bacdef", 1);
  assert_reorder ("abcdef", GTM_ARRANGE_SEND_BACKWARD, "bcadef", 1, 2);
  assert_reorder ("abcdef", GTM_ARRANGE_SEND_BACKWARD, "bacedf", 1, 4);
  assert_reorder ("abcdef", GTM_ARRANGE_SEND_BACKWARD, "abcdef", 0, 1);

  /* To front and back keep the selection's own order. */
  assert_reorder ("abcdef", GTM_ARRANGE_BRING_TO_FRONT, "befacd", 0, 2, 3);
  assert_reorder ("abcdef", GTM_ARRANGE_BRING_TO_FRONT, "abcedf", 3, 5);
  assert_reorder ("abcdef", GTM_ARRANGE_BRING_TO_FRONT, "abcdef", 4, 5);
  assert_reorder ("abcdef", GTM_ARRANGE_SEND_TO_BACK, "bdface", 1, 3, 5);
  assert_reorder ("abcdef", GTM_ARRANGE_SEND_TO_BACK, "acbdef", 0, 2);
  assert_reorder ("abcdef", GTM_ARRANGE_SEND_TO_BACK, "abcdef", 0, 1);

  /* Listed in any order, twice, or out of range: the same. */
  assert_reorder ("abcdef", GTM_ARRANGE_BRING_TO_FRONT, "befacd", 3, 0, 2, 0, 99);

  /* Nothing selected, nothing to do. */
  {
    g_autoptr(GArray) moves = gtm_arrange_reorder_moves (6, NULL, 0, GTM_ARRANGE_BRING_TO_FRONT);

    g_assert_cmpuint (moves->len, ==, 0);
  }
}

/* A board with three shapes of different sizes and a connector between the
 * first two, built outside the history as the reader does. */
typedef struct
{
  GtmProject *project;
  GtmHistory *history;
  GtmBoard   *board;
  GtmItem    *items[4]; /* a, b, c, connector */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GtmBoard) board = gtm_board_new ("SWOT");
  GListStore *store = gtm_node_get_list (GTM_NODE (board), "items");

  f->project = gtm_project_new ("Launch");
  f->history = gtm_project_get_history (f->project);
  f->items[0] = gtm_shape_new (GTM_SHAPE_RECTANGLE, 10, 0, 50, 20);
  f->items[1] = gtm_shape_new (GTM_SHAPE_ELLIPSE, 30, 40, 100, 10);
  f->items[2] = gtm_shape_new (GTM_SHAPE_DIAMOND, -5, 80, 20, 30);
  f->items[3] = gtm_connector_new (gtm_node_get_id (GTM_NODE (f->items[0])),
                                   gtm_node_get_id (GTM_NODE (f->items[1])));
  for (guint i = 0; i < G_N_ELEMENTS (f->items); i++)
    g_list_store_append (store, f->items[i]);
  g_list_store_append (gtm_node_get_list (GTM_NODE (f->project), "boards"), board);
  f->board = board;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (f->items); i++)
    g_clear_object (&f->items[i]);
  g_clear_object (&f->project);
}

static void
assert_item_at (GtmItem *item,
                double   x,
                double   y)
{
  g_assert_cmpfloat_with_epsilon (gtm_item_get_x (item), x, EPSILON);
  g_assert_cmpfloat_with_epsilon (gtm_item_get_y (item), y, EPSILON);
}

static void
assert_original_places (Fixture *f)
{
  assert_item_at (f->items[0], 10, 0);
  assert_item_at (f->items[1], 30, 40);
  assert_item_at (f->items[2], -5, 80);
}

/* The items' order on the board, as indices into f->items. */
static char *
board_order (Fixture *f)
{
  GListModel *list = gtm_board_get_items (f->board);
  GString *s = g_string_new (NULL);

  for (guint p = 0; p < g_list_model_get_n_items (list); p++)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (list, p);

      for (guint i = 0; i < G_N_ELEMENTS (f->items); i++)
        if (item == f->items[i])
          g_string_append_c (s, "abcC"[i]);
    }

  return g_string_free (s, FALSE);
}

static void
test_apply_align (Fixture       *f,
                  gconstpointer  data)
{
  /* The connector is selected too: it follows its ends and is left out
   * (setting its hidden position would be refused loudly). */
  g_assert_true (gtm_arrange_align (f->board, f->history, f->items, 4, GTM_ARRANGE_ALIGN_RIGHT));
  assert_item_at (f->items[0], 80, 0);
  assert_item_at (f->items[1], 30, 40);
  assert_item_at (f->items[2], 110, 80);

  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 1);
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Align Right");

  g_assert_true (gtm_history_undo (f->history));
  assert_original_places (f);
  g_assert_true (gtm_history_redo (f->history));
  assert_item_at (f->items[2], 110, 80);

  /* Aligned already: no change, no step. */
  g_assert_false (gtm_arrange_align (f->board, f->history, f->items, 3, GTM_ARRANGE_ALIGN_RIGHT));
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 1);

  g_assert_true (gtm_arrange_align (f->board, f->history, f->items, 3, GTM_ARRANGE_ALIGN_MIDDLE));
  assert_item_at (f->items[0], 80, 45);
  assert_item_at (f->items[1], 30, 50);
  assert_item_at (f->items[2], 110, 40);
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 2);
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Align Middle");

  /* Two undos: back exactly where they were. */
  gtm_history_undo (f->history);
  gtm_history_undo (f->history);
  assert_original_places (f);
  g_assert_false (gtm_history_get_modified (f->history));

  /* One item (plus a connector) has nothing to align with. */
  {
    GtmItem *one[] = { f->items[0], f->items[3] };

    g_assert_false (gtm_arrange_align (f->board, f->history, one, 2, GTM_ARRANGE_ALIGN_LEFT));
    assert_original_places (f);
  }
}

static void
test_apply_distribute (Fixture       *f,
                       gconstpointer  data)
{
  GtmItem *selection[] = { f->items[2], f->items[0], f->items[1], f->items[0] };

  /* Vertically by centres: a (10), b (45), c (95). a and c stay; the 60
   * between a's bottom (20) and c's top (80), less b's 10, gives gaps of
   * 25. */
  g_assert_true (gtm_arrange_distribute (f->board, f->history, selection,
                                         G_N_ELEMENTS (selection), GTM_ARRANGE_VERTICAL));
  assert_item_at (f->items[0], 10, 0);
  assert_item_at (f->items[1], 30, 45);
  assert_item_at (f->items[2], -5, 80);
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 1);
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Distribute Vertically");

  g_assert_true (gtm_history_undo (f->history));
  assert_original_places (f);

  /* Two distinct items (one listed twice) are not enough. */
  {
    GtmItem *two[] = { f->items[0], f->items[1], f->items[0], f->items[3] };

    g_assert_false (gtm_arrange_distribute (f->board, f->history, two, 4, GTM_ARRANGE_HORIZONTAL));
  }
}

static void
test_apply_reorder (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *order = NULL;
  GtmItem *ac[] = { f->items[2], f->items[0] };

  /* Forward: a passes b only; c (just under the connector) passes it. */
  g_assert_true (gtm_arrange_reorder (f->board, f->history, ac, 2, GTM_ARRANGE_BRING_FORWARD));
  order = board_order (f);
  g_assert_cmpstr (order, ==, "baCc");
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 1);
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Bring Forward");
  g_clear_pointer (&order, g_free);

  g_assert_true (gtm_history_undo (f->history));
  order = board_order (f);
  g_assert_cmpstr (order, ==, "abcC");
  g_clear_pointer (&order, g_free);

  /* To the back, keeping their order (a under c). */
  {
    GtmItem *cC[] = { f->items[3], f->items[2] };

    g_assert_true (gtm_arrange_reorder (f->board, f->history, cC, 2, GTM_ARRANGE_SEND_TO_BACK));
    order = board_order (f);
    g_assert_cmpstr (order, ==, "cCab");
    g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Send to Back");
    g_clear_pointer (&order, g_free);
  }

  g_assert_true (gtm_arrange_reorder (f->board, f->history, ac, 2, GTM_ARRANGE_BRING_TO_FRONT));
  order = board_order (f);
  g_assert_cmpstr (order, ==, "Cbca");
  g_clear_pointer (&order, g_free);
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 2);

  /* Already in front: nothing to do, no step. */
  g_assert_false (gtm_arrange_reorder (f->board, f->history, ac, 2, GTM_ARRANGE_BRING_TO_FRONT));
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 2);

  g_assert_true (gtm_arrange_reorder (f->board, f->history, ac, 2, GTM_ARRANGE_SEND_BACKWARD));
  order = board_order (f);
  g_assert_cmpstr (order, ==, "Ccab");
  g_clear_pointer (&order, g_free);

  /* Each was one step: three undos restore the order of the file. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtm_history_undo (f->history));
  order = board_order (f);
  g_assert_cmpstr (order, ==, "abcC");
  g_clear_pointer (&order, g_free);
  g_assert_false (gtm_history_get_modified (f->history));

  /* And redo replays them. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtm_history_redo (f->history));
  g_assert_false (gtm_history_can_redo (f->history));
  order = board_order (f);
  g_assert_cmpstr (order, ==, "Ccab");
}

static void
test_apply_nudge (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_true (gtm_arrange_nudge (f->board, f->history, f->items, 4, 10, -1));
  assert_item_at (f->items[0], 20, -1);
  assert_item_at (f->items[1], 40, 39);
  assert_item_at (f->items[2], 5, 79);
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 1);
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Move");

  g_assert_true (gtm_history_undo (f->history));
  assert_original_places (f);

  g_assert_false (gtm_arrange_nudge (f->board, f->history, f->items, 4, 0, 0));
  g_assert_false (gtm_arrange_nudge (f->board, f->history, &f->items[3], 1, 10, 0));
  g_assert_false (gtm_history_can_undo (f->history));
}

/* ------------------------------------------------------------------------
 * Groups and locks
 * ------------------------------------------------------------------------ */

static const char *
group_of (GtmItem *item)
{
  return gtm_item_get_group (item);
}

/* The items of @array as indices into f->items, in the array's order. */
static char *
names_of (Fixture   *f,
          GPtrArray *array)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < array->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (f->items); j++)
      if (g_ptr_array_index (array, i) == f->items[j])
        g_string_append_c (s, "abcC"[j]);

  return g_string_free (s, FALSE);
}

static void
assert_expands_to (Fixture    *f,
                   GtmItem    *item,
                   const char *expected)
{
  g_autoptr(GPtrArray) expanded = gtm_board_expand_groups (f->board, &item, 1);
  g_autofree char *names = names_of (f, expanded);

  g_assert_cmpstr (names, ==, expected);
}

static void
test_apply_group (Fixture       *f,
                  gconstpointer  data)
{
  GtmItem *a = f->items[0], *b = f->items[1], *c = f->items[2];
  GtmItem *ba[] = { b, a, b };
  GtmItem *ac[] = { a, c };
  g_autoptr(GBytes) before = gtm_format_write_bytes (f->project);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *first = NULL;
  g_autofree char *merged = NULL;

  /* Listed in any order, twice: one new group of a and b, one step. */
  g_assert_true (gtm_arrange_group (f->board, f->history, ba, G_N_ELEMENTS (ba)));
  first = g_strdup (group_of (a));
  g_assert_true (gtm_format_is_valid_id (first));
  g_assert_cmpstr (group_of (b), ==, first);
  g_assert_cmpstr (group_of (c), ==, "");
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 1);
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Group");

  /* A click on either takes both, bottom first; c stays alone. */
  assert_expands_to (f, b, "ab");
  assert_expands_to (f, a, "ab");
  assert_expands_to (f, c, "c");

  /* Already one group, whole or in part; a single item: nothing to do. */
  g_assert_false (gtm_arrange_group (f->board, f->history, ba, 2));
  g_assert_false (gtm_arrange_group (f->board, f->history, &a, 1));
  g_assert_false (gtm_arrange_group (f->board, f->history, &c, 1));
  g_assert_false (gtm_arrange_group (f->board, f->history, NULL, 0));
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 1);
  g_assert_cmpstr (group_of (a), ==, first);

  /* Grouping a member with c puts the whole group and c in a new one: b
   * comes along though it was not listed. */
  g_assert_true (gtm_arrange_group (f->board, f->history, ac, G_N_ELEMENTS (ac)));
  merged = g_strdup (group_of (c));
  g_assert_cmpstr (merged, !=, first);
  g_assert_cmpstr (merged, !=, "");
  g_assert_cmpstr (group_of (a), ==, merged);
  g_assert_cmpstr (group_of (b), ==, merged);
  g_assert_cmpstr (group_of (f->items[3]), ==, "");
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 2);
  assert_expands_to (f, c, "abc");
  after = gtm_format_write_bytes (f->project);

  /* Undo and redo restore the groups exactly, ids included. */
  g_assert_true (gtm_history_undo (f->history));
  g_assert_cmpstr (group_of (a), ==, first);
  g_assert_cmpstr (group_of (b), ==, first);
  g_assert_cmpstr (group_of (c), ==, "");
  assert_expands_to (f, c, "c");
  assert_expands_to (f, a, "ab");
  g_assert_true (gtm_history_redo (f->history));
  {
    g_autoptr(GBytes) redone = gtm_format_write_bytes (f->project);

    g_assert_true (g_bytes_equal (after, redone));
  }
  assert_expands_to (f, a, "abc");

  /* Ungrouping any member dissolves the whole group, one step. */
  g_assert_true (gtm_arrange_ungroup (f->board, f->history, &b, 1));
  g_assert_cmpstr (group_of (a), ==, "");
  g_assert_cmpstr (group_of (b), ==, "");
  g_assert_cmpstr (group_of (c), ==, "");
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 3);
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Ungroup");
  assert_expands_to (f, a, "a");
  g_assert_false (gtm_arrange_ungroup (f->board, f->history, f->items, 4));
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 3);

  g_assert_true (gtm_history_undo (f->history));
  g_assert_cmpstr (group_of (b), ==, merged);
  g_assert_true (gtm_history_undo (f->history));
  g_assert_true (gtm_history_undo (f->history));
  {
    g_autoptr(GBytes) undone = gtm_format_write_bytes (f->project);

    g_assert_true (g_bytes_equal (before, undone));
  }
  g_assert_false (gtm_history_get_modified (f->history));

  /* A connector may be grouped with its ends; the project stays valid. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (gtm_arrange_group (f->board, f->history, f->items, 4));
    assert_expands_to (f, f->items[3], "abcC");
    gtm_format_validate (f->project, &error);
    g_assert_no_error (error);
  }
}

static void
test_apply_lock (Fixture       *f,
                 gconstpointer  data)
{
  GtmItem *a = f->items[0], *b = f->items[1], *c = f->items[2];
  GtmItem *aab[] = { a, a, b };
  GtmItem *ac[] = { a, c };
  g_autoptr(GBytes) before = gtm_format_write_bytes (f->project);

  g_assert_true (gtm_arrange_set_locked (f->board, f->history, aab, G_N_ELEMENTS (aab), TRUE));
  g_assert_true (gtm_item_get_locked (a));
  g_assert_true (gtm_item_get_locked (b));
  g_assert_false (gtm_item_get_locked (c));
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 1);
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Lock");

  /* Locked already: no step. Partly: only the others change. */
  g_assert_false (gtm_arrange_set_locked (f->board, f->history, aab, 2, TRUE));
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 1);
  g_assert_true (gtm_arrange_set_locked (f->board, f->history, ac, 2, TRUE));
  g_assert_true (gtm_item_get_locked (c));
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 2);

  g_assert_true (gtm_arrange_set_locked (f->board, f->history, &a, 1, FALSE));
  g_assert_false (gtm_item_get_locked (a));
  g_assert_true (gtm_item_get_locked (b));
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Unlock");
  g_assert_false (gtm_arrange_set_locked (f->board, f->history, &a, 1, FALSE));

  /* Undo restores each state exactly; redo replays. */
  g_assert_true (gtm_history_undo (f->history));
  g_assert_true (gtm_item_get_locked (a));
  g_assert_true (gtm_history_undo (f->history));
  g_assert_false (gtm_item_get_locked (c));
  g_assert_true (gtm_item_get_locked (b));
  g_assert_true (gtm_history_undo (f->history));
  {
    g_autoptr(GBytes) undone = gtm_format_write_bytes (f->project);

    g_assert_true (g_bytes_equal (before, undone));
  }
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtm_history_redo (f->history));
  g_assert_false (gtm_item_get_locked (a));
  g_assert_true (gtm_item_get_locked (b));
  g_assert_true (gtm_item_get_locked (c));
}

/* Locked items stay put; the others are arranged as if the locked ones
 * were not selected. */
static void
test_locked_stay_put (Fixture       *f,
                      gconstpointer  data)
{
  GtmItem *a = f->items[0], *b = f->items[1], *c = f->items[2];
  g_autoptr(GtmItem) d = gtm_shape_new (GTM_SHAPE_RECTANGLE, 200, 0, 20, 10);
  GtmItem *abcd[] = { a, b, c, d };
  g_autofree char *order = NULL;

  g_assert_true (gtm_arrange_set_locked (f->board, f->history, &b, 1, TRUE));

  /* Align right: a (right edge 60) and c line up on their own box; b,
   * whose right edge (130) would otherwise be the line, stays. */
  g_assert_true (gtm_arrange_align (f->board, f->history, f->items, 4, GTM_ARRANGE_ALIGN_RIGHT));
  assert_item_at (a, 10, 0);
  assert_item_at (b, 30, 40);
  assert_item_at (c, 40, 80);
  g_assert_true (gtm_history_undo (f->history));
  assert_original_places (f);

  /* One unlocked item has nothing to align with. */
  {
    GtmItem *ab[] = { a, b };

    g_assert_false (gtm_arrange_align (f->board, f->history, ab, 2, GTM_ARRANGE_ALIGN_LEFT));
  }

  /* Nudge moves the others only; a locked item alone doesn't move. */
  g_assert_true (gtm_arrange_nudge (f->board, f->history, f->items, 4, 10, -1));
  assert_item_at (a, 20, -1);
  assert_item_at (b, 30, 40);
  assert_item_at (c, 5, 79);
  g_assert_true (gtm_history_undo (f->history));
  g_assert_false (gtm_arrange_nudge (f->board, f->history, &b, 1, 10, -1));
  assert_original_places (f);
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, 1);

  /* Distribute with c locked: a, b and d by centres (35, 80, 210); a and
   * d stay, b goes halfway: (200 - 60 - 100) / 2 = 20 from each. c stays
   * out of it, although its centre (5) would make it the first. */
  g_list_store_append (gtm_node_get_list (GTM_NODE (f->board), "items"), d);
  g_assert_true (gtm_arrange_set_locked (f->board, f->history, &b, 1, FALSE));
  g_assert_true (gtm_arrange_set_locked (f->board, f->history, &c, 1, TRUE));
  g_assert_true (gtm_arrange_distribute (f->board, f->history, abcd, 4, GTM_ARRANGE_HORIZONTAL));
  assert_item_at (a, 10, 0);
  assert_item_at (b, 80, 40);
  assert_item_at (c, -5, 80);
  assert_item_at (d, 200, 0);
  g_assert_true (gtm_history_undo (f->history));

  /* Two unlocked items have no gap to share. */
  g_assert_true (gtm_arrange_set_locked (f->board, f->history, &d, 1, TRUE));
  g_assert_false (gtm_arrange_distribute (f->board, f->history, abcd, 4, GTM_ARRANGE_HORIZONTAL));
  assert_original_places (f);

  /* The stacking order applies to locked items as to others. */
  g_assert_true (gtm_arrange_reorder (f->board, f->history, &c, 1, GTM_ARRANGE_SEND_TO_BACK));
  order = board_order (f);
  g_assert_cmpstr (order, ==, "cabC");
}

/* gtm_board_expand_groups() against a plain scan of the board, on random
 * boards edited at random through the history, which must keep its cached
 * index of the groups up to date. */
static GPtrArray *
expand_by_scan (GtmBoard        *board,
                GtmItem * const *items,
                guint            n_items)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *list = gtm_board_get_items (board);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_items; i++)
    {
      g_hash_table_add (chosen, items[i]);
      if (gtm_item_get_group (items[i])[0] != '\0')
        g_hash_table_add (groups, (gpointer) gtm_item_get_group (items[i]));
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      GtmItem *item = g_list_model_get_item (list, i);

      if (g_hash_table_contains (chosen, item) ||
          g_hash_table_contains (groups, gtm_item_get_group (item)))
        g_ptr_array_add (result, item);
      else
        g_object_unref (item);
    }

  return result;
}

static GPtrArray *
random_items (GtmBoard *board,
              GRand    *rand,
              guint     max)
{
  GListModel *list = gtm_board_get_items (board);
  guint n = g_list_model_get_n_items (list);
  guint count = n ? g_rand_int_range (rand, 0, MIN (max, n) + 1) : 0;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < count; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, g_rand_int_range (rand, 0, n)));

  return items;
}

static void
test_expand_groups_random (void)
{
  static const char * const tags[] = { "", "", "group-a", "group-b", "group-c", "g_4" };
  guint n_rounds = g_test_thorough () ? 400 : 80;
  guint32 seed = g_test_rand_int ();

  g_test_message ("seed %u", seed);

  for (guint round = 0; round < n_rounds; round++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed + round);
      g_autoptr(GtmProject) project = gtm_project_new ("Groups");
      g_autoptr(GtmBoard) board = gtm_board_new ("Board");
      GtmHistory *history = gtm_project_get_history (project);
      GListStore *store = gtm_node_get_list (GTM_NODE (board), "items");
      guint n = g_rand_int_range (rand, 0, 60);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GtmItem) item = gtm_note_new (i, i, "");

          g_object_set (item, "group", tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))], NULL);
          g_list_store_append (store, item);
        }
      g_list_store_append (gtm_node_get_list (GTM_NODE (project), "boards"), board);

      for (guint step = 0; step < 40; step++)
        {
          g_autoptr(GPtrArray) query = random_items (board, rand, 4);
          g_autoptr(GPtrArray) expected = expand_by_scan (board, (GtmItem **) query->pdata, query->len);
          g_autoptr(GPtrArray) got = gtm_board_expand_groups (board, (GtmItem **) query->pdata, query->len);
          g_autoptr(GPtrArray) picked = random_items (board, rand, 5);
          guint count = gtm_board_get_n_items (board);

          g_assert_cmpuint (got->len, ==, expected->len);
          for (guint i = 0; i < got->len; i++)
            g_assert_true (g_ptr_array_index (got, i) == g_ptr_array_index (expected, i));

          /* Then one random edit that may change the answer. */
          switch (g_rand_int_range (rand, 0, 9))
            {
            case 0:
              gtm_arrange_group (board, history, (GtmItem **) picked->pdata, picked->len);
              break;
            case 1:
              gtm_arrange_ungroup (board, history, (GtmItem **) picked->pdata, picked->len);
              break;
            case 2:
              if (picked->len > 0)
                gtm_history_set (history, g_ptr_array_index (picked, 0), "group",
                                 tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))], NULL);
              break;
            case 3:
              if (count > 1)
                gtm_history_move (history, GTM_NODE (board), "items",
                                  g_rand_int_range (rand, 0, count), g_rand_int_range (rand, 0, count));
              break;
            case 4:
              if (picked->len > 0)
                gtm_board_remove_item (board, history, g_ptr_array_index (picked, 0));
              break;
            case 5:
              {
                g_autoptr(GtmItem) added = gtm_shape_new (GTM_SHAPE_ELLIPSE, 0, 0, 10, 10);

                g_object_set (added, "group", tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))], NULL);
                gtm_board_add_item (board, history, added);
              }
              break;
            case 6:
              gtm_history_undo (history);
              break;
            case 7:
              gtm_history_redo (history);
              break;
            default:
              /* Moving changes no group: the index stays valid. */
              gtm_arrange_nudge (board, history, (GtmItem **) picked->pdata, picked->len, 3, 4);
              break;
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arrange/align-rects", test_align_rects);
  g_test_add_func ("/arrange/distribute-rects", test_distribute_rects);
  g_test_add_func ("/arrange/reorder-moves", test_reorder_moves);
  g_test_add ("/arrange/apply/align", Fixture, NULL,
              fixture_set_up, test_apply_align, fixture_tear_down);
  g_test_add ("/arrange/apply/distribute", Fixture, NULL,
              fixture_set_up, test_apply_distribute, fixture_tear_down);
  g_test_add ("/arrange/apply/reorder", Fixture, NULL,
              fixture_set_up, test_apply_reorder, fixture_tear_down);
  g_test_add ("/arrange/apply/nudge", Fixture, NULL,
              fixture_set_up, test_apply_nudge, fixture_tear_down);
  g_test_add ("/arrange/apply/group", Fixture, NULL,
              fixture_set_up, test_apply_group, fixture_tear_down);
  g_test_add ("/arrange/apply/lock", Fixture, NULL,
              fixture_set_up, test_apply_lock, fixture_tear_down);
  g_test_add ("/arrange/apply/locked-stay-put", Fixture, NULL,
              fixture_set_up, test_locked_stay_put, fixture_tear_down);
  g_test_add_func ("/arrange/expand-groups/random", test_expand_groups_random);

  return g_test_run ();
}
