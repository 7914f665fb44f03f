/* test-history.c — undo, redo and the saved marker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gtm-core.h"

static GtmItem *
first_note (GtmBoard *board)
{
  return g_list_model_get_item (gtm_board_get_items (board), 0);
}

static GtmProject *
project_with_board (void)
{
  GtmProject *project = gtm_project_new ("Launch");
  g_autoptr(GtmBoard) board = gtm_board_new ("Overview");
  g_autoptr(GtmItem) note = gtm_note_new (10, 10, "Why now");

  /* Built outside the history, as the reader does. */
  g_list_store_append (gtm_node_get_list (GTM_NODE (board), "items"), note);
  g_list_store_append (gtm_node_get_list (GTM_NODE (project), "boards"), board);

  return project;
}

static void
test_set_undo_redo (void)
{
  g_autoptr(GtmProject) project = project_with_board ();
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GtmBoard) board = g_list_model_get_item (gtm_project_get_boards (project), 0);
  g_autoptr(GtmItem) note = first_note (board);

  g_assert_false (gtm_history_can_undo (history));
  g_assert_false (gtm_history_get_modified (history));

  gtm_history_set (history, GTM_NODE (note), "x", 50.0, "text", "为什么是现在", NULL);
  g_assert_cmpfloat (gtm_item_get_x (note), ==, 50);
  g_assert_cmpstr (gtm_item_get_text (note), ==, "为什么是现在");
  g_assert_true (gtm_history_can_undo (history));
  g_assert_true (gtm_history_get_modified (history));
  /* Both fields in one call are one step. */
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 1);

  g_assert_true (gtm_history_undo (history));
  g_assert_cmpfloat (gtm_item_get_x (note), ==, 10);
  g_assert_cmpstr (gtm_item_get_text (note), ==, "Why now");
  g_assert_false (gtm_history_get_modified (history));
  g_assert_true (gtm_history_can_redo (history));
  g_assert_false (gtm_history_undo (history));

  g_assert_true (gtm_history_redo (history));
  g_assert_cmpfloat (gtm_item_get_x (note), ==, 50);
  g_assert_false (gtm_history_redo (history));
}

static void
test_no_op_and_limits (void)
{
  g_autoptr(GtmProject) project = project_with_board ();
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GtmBoard) board = g_list_model_get_item (gtm_project_get_boards (project), 0);
  g_autoptr(GtmItem) note = first_note (board);

  /* Setting what is already there records nothing. */
  gtm_history_set (history, GTM_NODE (note), "x", 10.0, NULL);
  g_assert_false (gtm_history_can_undo (history));
  g_assert_false (gtm_history_get_modified (history));

  /* Values are held to the field's limits. */
  gtm_history_set (history, GTM_NODE (note), "width", 1e9, "font-size", 0.5, NULL);
  g_assert_cmpfloat (gtm_item_get_width (note), ==, GTM_ITEM_SIZE_MAX);
  g_assert_cmpfloat (gtm_item_get_font_size (note), ==, GTM_ITEM_FONT_MIN);
}

static void
test_gesture_is_one_step (void)
{
  g_autoptr(GtmProject) project = project_with_board ();
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GtmBoard) board = g_list_model_get_item (gtm_project_get_boards (project), 0);
  g_autoptr(GtmItem) note = first_note (board);

  gtm_history_begin (history, "Move");
  for (int i = 1; i <= 500; i++)
    gtm_history_set (history, GTM_NODE (note), "x", 10.0 + i, "y", 10.0 + 2 * i, NULL);
  /* Nothing can be undone in the middle of a gesture. */
  g_assert_false (gtm_history_can_undo (history));
  gtm_history_end (history);

  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (gtm_history_get_undo_label (history), ==, "Move");
  g_assert_cmpfloat (gtm_item_get_x (note), ==, 510);

  gtm_history_undo (history);
  g_assert_cmpfloat (gtm_item_get_x (note), ==, 10);
  g_assert_cmpfloat (gtm_item_get_y (note), ==, 10);
  g_assert_cmpstr (gtm_history_get_redo_label (history), ==, "Move");

  /* An empty gesture leaves no step. */
  gtm_history_begin (history, "Nothing");
  gtm_history_end (history);
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 0);
}

static void
test_saved_marker (void)
{
  g_autoptr(GtmProject) project = project_with_board ();
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GtmBoard) board = g_list_model_get_item (gtm_project_get_boards (project), 0);
  g_autoptr(GtmItem) note = first_note (board);
  guint64 saved;

  gtm_history_set (history, GTM_NODE (note), "x", 1.0, NULL);
  gtm_history_set (history, GTM_NODE (note), "x", 2.0, NULL);
  saved = gtm_history_get_state (history);
  gtm_history_mark_saved (history, saved);
  g_assert_false (gtm_history_get_modified (history));

  /* Undoing past the save and redoing back to it is unmodified again. */
  gtm_history_undo (history);
  g_assert_true (gtm_history_get_modified (history));
  gtm_history_redo (history);
  g_assert_false (gtm_history_get_modified (history));

  /* An edit made while a save was being written keeps the project
   * modified once that save completes. */
  gtm_history_set (history, GTM_NODE (note), "x", 3.0, NULL);
  gtm_history_mark_saved (history, saved);
  g_assert_true (gtm_history_get_modified (history));

  /* A new branch after undoing past the save never returns to it. */
  gtm_history_mark_saved (history, gtm_history_get_state (history));
  gtm_history_undo (history);
  gtm_history_set (history, GTM_NODE (note), "x", 4.0, NULL);
  g_assert_true (gtm_history_get_modified (history));
  g_assert_false (gtm_history_can_redo (history));
  gtm_history_undo (history);
  g_assert_true (gtm_history_get_modified (history));
}

static void
type_text (GtmHistory *history,
           GtmItem    *note,
           const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  gtm_history_set_typing (history, GTM_NODE (note), "text", &value);
}

static void
test_typing_is_one_step (void)
{
  g_autoptr(GtmProject) project = project_with_board ();
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GtmBoard) board = g_list_model_get_item (gtm_project_get_boards (project), 0);
  g_autoptr(GtmItem) note = first_note (board);
  guint64 saved;

  /* Keystrokes in one field are one step. */
  type_text (history, note, "W");
  type_text (history, note, "Wh");
  type_text (history, note, "Why");
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (gtm_item_get_text (note), ==, "Why");

  /* A save during the run: typing on makes the project modified again. */
  saved = gtm_history_get_state (history);
  gtm_history_mark_saved (history, saved);
  type_text (history, note, "Why?");
  g_assert_true (gtm_history_get_modified (history));
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 1);

  gtm_history_undo (history);
  g_assert_cmpstr (gtm_item_get_text (note), ==, "Why now");
  gtm_history_redo (history);
  g_assert_cmpstr (gtm_item_get_text (note), ==, "Why?");

  /* After a redo, typing starts a new step; so it does after leaving the
   * field, or after another edit. */
  type_text (history, note, "Why? 为何");
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 2);
  gtm_history_stop_typing (history);
  type_text (history, note, "Why? 为何现在");
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 3);
  gtm_history_set (history, GTM_NODE (note), "x", 1.0, NULL);
  type_text (history, note, "Why? 为何现在!");
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 5);
  /* Typing back to where the run started leaves nothing to undo. */
  type_text (history, note, "Why? 为何现在");
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 4);
  g_assert_cmpstr (gtm_item_get_text (note), ==, "Why? 为何现在");
}

static void
test_remove_persona (void)
{
  g_autoptr(GtmProject) project = project_with_board ();
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GtmPersona) cmo = gtm_persona_new (GTM_PERSONA_KIND_BUYER, "首席营销官");
  g_autoptr(GtmKeyMessage) message = gtm_key_message_new (gtm_node_get_id (GTM_NODE (cmo)),
                                                           "See every campaign's return");
  GtmNode *messaging = gtm_project_get_messaging (project);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GtmProject) reread = NULL;
  g_autoptr(GError) error = NULL;

  gtm_history_insert (history, GTM_NODE (project), "personas", 0, GTM_NODE (cmo));
  gtm_history_insert (history, messaging, "key-messages", 0, GTM_NODE (message));

  /* The message outlives its persona, addressed to no one, and the file
   * stays loadable. */
  gtm_project_remove_persona (project, GTM_NODE (cmo));
  g_assert_cmpuint (g_list_model_get_n_items (gtm_project_get_personas (project)), ==, 0);
  g_assert_cmpstr (gtm_key_message_get_persona (message), ==, "");
  bytes = gtm_format_write_bytes (project);
  reread = gtm_format_read_bytes (bytes, &error);
  g_assert_no_error (error);

  /* One step brings both back. */
  gtm_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (gtm_project_get_personas (project)), ==, 1);
  g_assert_cmpstr (gtm_key_message_get_persona (message), ==, gtm_node_get_id (GTM_NODE (cmo)));
}

/* Edits of the project itself must not keep it alive through its own
 * history, and nodes that outlive it must not point back at it. */
static void
test_no_leak_no_dangling_parent (void)
{
  GtmProject *project = project_with_board ();
  /* Held beyond the project, as a document may. */
  g_autoptr(GtmHistory) history = g_object_ref (gtm_project_get_history (project));
  g_autoptr(GtmBoard) board = g_list_model_get_item (gtm_project_get_boards (project), 0);
  g_autoptr(GtmBoard) added = gtm_board_new ("SWOT");
  g_autoptr(GtmItem) note = first_note (board);
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_USER, "Analyst");

  gtm_history_set (history, GTM_NODE (project), "title", "Q3 launch", NULL);
  gtm_history_insert (history, GTM_NODE (project), "boards", 1, GTM_NODE (added));
  gtm_history_insert (history, GTM_NODE (project), "personas", 0, GTM_NODE (persona));
  gtm_project_remove_persona (project, GTM_NODE (persona));
  gtm_history_set (history, GTM_NODE (note), "text", "after", NULL);
  g_assert_null (gtm_node_get_parent (GTM_NODE (persona)));
  g_assert_true (gtm_node_get_parent (GTM_NODE (added)) == GTM_NODE (project));

  g_assert_finalize_object (project);

  /* Its steps name the project that is gone: none can be undone. */
  g_assert_false (gtm_history_can_undo (history));
  g_assert_false (gtm_history_undo (history));

  /* The board still lives here; its changes reach no freed project. */
  g_assert_null (gtm_node_get_parent (GTM_NODE (board)));
  g_assert_null (gtm_node_get_parent (GTM_NODE (added)));
  g_object_set (note, "text", "still editable", NULL);
  gtm_node_emit_changed (GTM_NODE (note), GTM_NODE (note));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notifications (void)
{
  g_autoptr(GtmProject) project = project_with_board ();
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GtmBoard) board = g_list_model_get_item (gtm_project_get_boards (project), 0);
  g_autoptr(GtmItem) note = first_note (board);
  guint can_undo = 0, modified = 0;

  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_notify), &can_undo);
  g_signal_connect (history, "notify::modified", G_CALLBACK (count_notify), &modified);

  gtm_history_set (history, GTM_NODE (note), "bold", TRUE, NULL);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (modified, ==, 1);
  gtm_history_set (history, GTM_NODE (note), "bold", FALSE, NULL);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (modified, ==, 1);
  gtm_history_undo (history);
  gtm_history_undo (history);
  g_assert_cmpuint (can_undo, ==, 2);
  g_assert_cmpuint (modified, ==, 2);
}

/* Random edit sequences. Whatever the user does, undoing all of it gives
 * back the file as saved, byte for byte, and redoing all of it gives back
 * the edited file. */

/* The last text is only for fields that may hold several lines. */
static const char *texts[] = {
  "", "Pain: manual reports", "痛点：手工报表", "價值主張", "Gain ✓", "a\nb",
};
#define N_SINGLE_LINE_TEXTS (G_N_ELEMENTS (texts) - 1)
static const char *colors[] = { "", "#ffffff", "#fff3a3", "#3d5a8080", "#000000" };

static GtmBoard *
random_board (GtmProject *project,
              GRand      *rand)
{
  GListModel *boards = gtm_project_get_boards (project);
  guint n = g_list_model_get_n_items (boards);

  if (n == 0)
    return NULL;
  return g_list_model_get_item (boards, g_rand_int_range (rand, 0, n));
}

static GtmItem *
random_item (GtmBoard *board,
             GRand    *rand,
             gboolean  boxed_only)
{
  GListModel *items = gtm_board_get_items (board);
  guint n = g_list_model_get_n_items (items);

  for (int tries = 0; n > 0 && tries < 8; tries++)
    {
      GtmItem *item = g_list_model_get_item (items, g_rand_int_range (rand, 0, n));

      if (!boxed_only || !GTM_IS_CONNECTOR (item))
        return item;
      g_object_unref (item);
    }

  return NULL;
}

static void
random_edit (GtmProject *project,
             GRand      *rand)
{
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GtmBoard) board = random_board (project, rand);
  g_autoptr(GtmItem) item = board ? random_item (board, rand, FALSE) : NULL;
  double x = g_rand_double_range (rand, -2000, 2000);
  double y = g_rand_double_range (rand, -2000, 2000);
  const char *text = texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))];
  const char *name = texts[g_rand_int_range (rand, 0, N_SINGLE_LINE_TEXTS)];

  switch (g_rand_int_range (rand, 0, 18))
    {
    case 0:
      {
        g_autoptr(GtmBoard) added = gtm_board_new (name);
        guint n = g_list_model_get_n_items (gtm_project_get_boards (project));

        gtm_history_insert (history, GTM_NODE (project), "boards",
                            g_rand_int_range (rand, 0, n + 1), GTM_NODE (added));
      }
      break;
    case 1:
      if (board != NULL && g_rand_boolean (rand))
        {
          guint position;

          g_list_store_find (G_LIST_STORE (gtm_project_get_boards (project)), board, &position);
          gtm_history_remove (history, GTM_NODE (project), "boards", position);
        }
      break;
    case 2:
      if (board)
        gtm_history_set (history, GTM_NODE (board), "name", name,
                         "background", colors[g_rand_int_range (rand, 0, G_N_ELEMENTS (colors))],
                         NULL);
      break;
    case 3:
    case 4:
      if (board)
        {
          g_autoptr(GtmItem) added = NULL;

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0: added = gtm_note_new (x, y, text); break;
            case 1: added = gtm_text_box_new (x, y, text); break;
            case 2: added = gtm_frame_new (x, y, 400, 300, name); break;
            default:
              added = gtm_shape_new (g_rand_int_range (rand, 0, 4), x, y,
                                     g_rand_double_range (rand, 1, 500),
                                     g_rand_double_range (rand, 1, 500));
            }
          gtm_board_add_item (board, history, added);
        }
      break;
    case 5:
      if (board)
        {
          g_autoptr(GtmItem) a = random_item (board, rand, TRUE);
          g_autoptr(GtmItem) b = random_item (board, rand, TRUE);

          if (a && b)
            {
              g_autoptr(GtmItem) link = gtm_connector_new (gtm_node_get_id (GTM_NODE (a)),
                                                           gtm_node_get_id (GTM_NODE (b)));

              gtm_history_set (history, GTM_NODE (link), "text", text, NULL);
              gtm_board_add_item (board, history, link);
            }
        }
      break;
    case 6:
      if (item)
        gtm_board_remove_item (board, history, item);
      break;
    case 7:
      if (item && !GTM_IS_CONNECTOR (item))
        {
          /* A drag: many updates, one step. */
          gtm_history_begin (history, "Move");
          for (int i = 0; i < 10; i++)
            gtm_history_set (history, GTM_NODE (item), "x", x + i, "y", y - i, NULL);
          gtm_history_end (history);
        }
      break;
    case 8:
      if (item && !GTM_IS_CONNECTOR (item))
        gtm_history_set (history, GTM_NODE (item),
                         "width", g_rand_double_range (rand, 1, 900),
                         "height", g_rand_double_range (rand, 1, 900),
                         NULL);
      break;
    case 9:
      if (item)
        gtm_history_set (history, GTM_NODE (item),
                         "text", text,
                         "bold", g_rand_boolean (rand),
                         "font-size", g_rand_double_range (rand, 4, 120),
                         "align", g_rand_int_range (rand, 0, 3),
                         "stroke", colors[g_rand_int_range (rand, 0, G_N_ELEMENTS (colors))],
                         NULL);
      break;
    case 10:
      if (board)
        {
          guint n = gtm_board_get_n_items (board);

          if (n > 1)
            gtm_history_move (history, GTM_NODE (board), "items",
                              g_rand_int_range (rand, 0, n), g_rand_int_range (rand, 0, n));
        }
      break;
    case 11:
      {
        g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_BUYER, "Li Wei");

        gtm_history_begin (history, "Add Persona");
        gtm_history_set (history, GTM_NODE (persona), "name", name, NULL);
        gtm_history_insert (history, GTM_NODE (project), "personas",
                            g_list_model_get_n_items (gtm_project_get_personas (project)),
                            GTM_NODE (persona));
        gtm_history_end (history);
      }
      break;
    case 12:
      gtm_history_set (history, gtm_project_get_messaging (project),
                       "elevator-pitch", text, NULL);
      gtm_history_set (history, GTM_NODE (project), "title", name[0] ? name : "Launch", NULL);
      break;
    case 13:
      /* Undo a little, so that later edits start a new branch. */
      for (int i = g_rand_int_range (rand, 0, 4); i > 0; i--)
        gtm_history_undo (history);
      break;
    case 14:
      {
        GListModel *personas = gtm_project_get_personas (project);
        guint n = g_list_model_get_n_items (personas);
        g_autoptr(GtmNode) persona = n ? g_list_model_get_item (personas, g_rand_int_range (rand, 0, n)) : NULL;
        g_autoptr(GtmKeyMessage) message =
          gtm_key_message_new (persona ? gtm_node_get_id (persona) : "", name);
        GtmNode *messaging = gtm_project_get_messaging (project);

        gtm_history_insert (history, messaging, "key-messages",
                            g_list_model_get_n_items (gtm_messaging_get_key_messages (GTM_MESSAGING (messaging))),
                            GTM_NODE (message));
      }
      break;
    case 15:
      {
        GListModel *personas = gtm_project_get_personas (project);
        guint n = g_list_model_get_n_items (personas);

        if (n > 0)
          {
            g_autoptr(GtmNode) persona = g_list_model_get_item (personas, g_rand_int_range (rand, 0, n));

            gtm_project_remove_persona (project, persona);
          }
      }
      break;
    case 16:
    case 17:
      if (board)
        {
          g_autoptr(GPtrArray) picked = g_ptr_array_new_with_free_func (g_object_unref);

          for (int i = g_rand_int_range (rand, 0, 4); i > 0; i--)
            {
              GtmItem *other = random_item (board, rand, FALSE);

              if (other)
                g_ptr_array_add (picked, other);
            }

          if (g_rand_boolean (rand))
            gtm_arrange_group (board, history, (GtmItem **) picked->pdata, picked->len);
          else if (g_rand_boolean (rand))
            gtm_arrange_ungroup (board, history, (GtmItem **) picked->pdata, picked->len);
          else
            gtm_arrange_set_locked (board, history, (GtmItem **) picked->pdata, picked->len,
                                    g_rand_boolean (rand));

          /* Locked items stay put, the others move. */
          gtm_arrange_nudge (board, history, (GtmItem **) picked->pdata, picked->len, x / 100, y / 100);
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_random_sequences (void)
{
  guint n_sequences = g_test_thorough () ? 20000 : 5000;
  guint32 seed = g_test_rand_int ();

  g_test_message ("seed %u, %u sequences", seed, n_sequences);

  for (guint s = 0; s < n_sequences; s++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed + s);
      g_autoptr(GtmProject) project = project_with_board ();
      GtmHistory *history = gtm_project_get_history (project);
      g_autoptr(GBytes) saved = gtm_format_write_bytes (project);
      g_autoptr(GBytes) edited = NULL;
      g_autoptr(GBytes) undone = NULL;
      g_autoptr(GBytes) redone = NULL;
      guint n_edits = g_rand_int_range (rand, 1, 40);
      guint n_steps;

      for (guint e = 0; e < n_edits; e++)
        random_edit (project, rand);

      /* Every state the history can produce is a loadable file. */
      edited = gtm_format_write_bytes (project);
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GtmProject) reread = gtm_format_read_bytes (edited, &error);

        if (error != NULL)
          g_error ("sequence %u (seed %u): %s", s, seed + s, error->message);
      }

      n_steps = gtm_history_get_n_undo (history);
      while (gtm_history_undo (history))
        ;
      undone = gtm_format_write_bytes (project);
      if (!g_bytes_equal (saved, undone))
        g_error ("sequence %u (seed %u): undoing everything did not restore the saved file",
                 s, seed + s);
      g_assert_false (gtm_history_get_modified (history));

      /* Steps undone by the sequence itself stay undone. */
      for (guint i = 0; i < n_steps; i++)
        g_assert_true (gtm_history_redo (history));
      redone = gtm_format_write_bytes (project);
      if (!g_bytes_equal (edited, redone))
        g_error ("sequence %u (seed %u): redoing everything did not restore the edited file",
                 s, seed + s);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

  g_test_add_func ("/history/set-undo-redo", test_set_undo_redo);
  g_test_add_func ("/history/no-op-and-limits", test_no_op_and_limits);
  g_test_add_func ("/history/gesture-is-one-step", test_gesture_is_one_step);
  g_test_add_func ("/history/saved-marker", test_saved_marker);
  g_test_add_func ("/history/notifications", test_notifications);
  g_test_add_func ("/history/typing-is-one-step", test_typing_is_one_step);
  g_test_add_func ("/history/remove-persona", test_remove_persona);
  g_test_add_func ("/history/no-leak-no-dangling-parent", test_no_leak_no_dangling_parent);
  g_test_add_func ("/history/random-sequences", test_random_sequences);

  return g_test_run ();
}
