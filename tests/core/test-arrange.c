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

  return g_test_run ();
}
