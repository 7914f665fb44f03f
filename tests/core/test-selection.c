/* test-selection.c — the selected items of a board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-selection"

#include "config.h"

#include "gtm-arrange.h"
#include "gtm-core.h"

typedef struct
{
  GtmProject   *project;
  GtmHistory   *history;
  GtmBoard     *board;
  GtmItem      *items[4];
  GtmSelection *selection;
  guint         n_changed;
} Fixture;

static void
on_changed (GtmSelection *selection,
            Fixture      *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GtmBoard) board = gtm_board_new ("SWOT");

  f->project = gtm_project_new ("Launch");
  f->history = gtm_project_get_history (f->project);
  g_list_store_append (gtm_node_get_list (GTM_NODE (f->project), "boards"), board);
  f->board = board;

  for (guint i = 0; i < G_N_ELEMENTS (f->items); i++)
    {
      f->items[i] = gtm_note_new (i * 300, 0, "Strengths");
      gtm_board_add_item (f->board, f->history, f->items[i]);
    }

  f->selection = gtm_selection_new (f->board);
  g_signal_connect (f->selection, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->selection);
  for (guint i = 0; i < G_N_ELEMENTS (f->items); i++)
    g_object_unref (f->items[i]);
  g_assert_finalize_object (f->project);
}

static void
assert_selected (Fixture *f,
                 ...)
{
  GtmItem * const *items;
  guint n, expected = 0;
  va_list args;
  int index;

  items = gtm_selection_get_items (f->selection, &n);

  va_start (args, f);
  while ((index = va_arg (args, int)) >= 0)
    {
      g_assert_cmpuint (expected, <, n);
      g_assert_true (items[expected] == f->items[index]);
      g_assert_true (gtm_selection_contains (f->selection, f->items[index]));
      expected++;
    }
  va_end (args);

  g_assert_cmpuint (n, ==, expected);
  g_assert_cmpuint (gtm_selection_get_n_items (f->selection), ==, expected);
}

static void
test_set_add_remove (Fixture       *f,
                     gconstpointer  data)
{
  GtmItem *picked[] = { f->items[2], f->items[0], f->items[2] };
  g_autoptr(GtmItem) stranger = gtm_note_new (0, 0, "Not on the board");

  assert_selected (f, -1);
  g_assert_null (gtm_selection_get_single (f->selection));

  /* Kept in z-order, each once. */
  gtm_selection_set (f->selection, picked, G_N_ELEMENTS (picked));
  assert_selected (f, 0, 2, -1);
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* The same set again is no change. */
  gtm_selection_set (f->selection, picked, 2);
  g_assert_cmpuint (f->n_changed, ==, 1);

  gtm_selection_add (f->selection, &f->items[1], 1);
  assert_selected (f, 0, 1, 2, -1);
  g_assert_cmpuint (f->n_changed, ==, 2);

  /* Items of other boards are never selected. */
  gtm_selection_add (f->selection, &stranger, 1);
  g_assert_cmpuint (f->n_changed, ==, 2);
  g_assert_false (gtm_selection_contains (f->selection, stranger));

  gtm_selection_remove (f->selection, &f->items[0], 1);
  assert_selected (f, 1, 2, -1);
  gtm_selection_remove (f->selection, &f->items[0], 1);
  g_assert_cmpuint (f->n_changed, ==, 3);

  gtm_selection_remove (f->selection, &f->items[1], 1);
  g_assert_true (gtm_selection_get_single (f->selection) == f->items[2]);

  gtm_selection_select_all (f->selection);
  assert_selected (f, 0, 1, 2, 3, -1);
  gtm_selection_clear (f->selection);
  assert_selected (f, -1);
  gtm_selection_clear (f->selection);
  g_assert_cmpuint (f->n_changed, ==, 6);
}

/* Deleting drops the item; undo doesn't select it again by itself. */
static void
test_follows_board (Fixture       *f,
                    gconstpointer  data)
{
  gtm_selection_set (f->selection, f->items, 2);
  gtm_board_remove_item (f->board, f->history, f->items[1]);
  assert_selected (f, 0, -1);
  g_assert_cmpuint (f->n_changed, ==, 2);

  gtm_history_undo (f->history);
  assert_selected (f, 0, -1);

  /* Restacking keeps the selection and its order follows the board. */
  gtm_selection_set (f->selection, (GtmItem *[]) { f->items[0], f->items[3] }, 2);
  f->n_changed = 0;
  g_assert_true (gtm_arrange_reorder (f->board, f->history, &f->items[0], 1,
                                      GTM_ARRANGE_BRING_TO_FRONT));
  g_assert_cmpuint (f->n_changed, ==, 0);
  assert_selected (f, 3, 0, -1);

  gtm_history_undo (f->history);
  assert_selected (f, 0, 3, -1);
  g_assert_cmpuint (f->n_changed, ==, 0);
}

/* Delete takes the unlocked selected items in one step; the locked one
 * stays, still selected; undo brings the others back. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  guint n_undo;

  g_assert_true (gtm_arrange_set_locked (f->board, f->history, &f->items[1], 1, TRUE));
  gtm_selection_set (f->selection, f->items, 3);
  n_undo = gtm_history_get_n_undo (f->history);

  g_assert_true (gtm_selection_delete (f->selection, f->history));
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, n_undo + 1);
  g_assert_cmpuint (gtm_board_get_n_items (f->board), ==, 2);
  assert_selected (f, 1, -1);

  /* Only locked items: nothing to delete. */
  g_assert_false (gtm_selection_delete (f->selection, f->history));
  assert_selected (f, 1, -1);

  gtm_history_undo (f->history);
  g_assert_cmpuint (gtm_board_get_n_items (f->board), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/selection/set-add-remove", Fixture, NULL,
              fixture_set_up, test_set_add_remove, fixture_tear_down);
  g_test_add ("/selection/follows-board", Fixture, NULL,
              fixture_set_up, test_follows_board, fixture_tear_down);
  g_test_add ("/selection/delete", Fixture, NULL,
              fixture_set_up, test_delete, fixture_tear_down);

  return g_test_run ();
}
