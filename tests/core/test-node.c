/* test-node.c — the generic node model, boards and items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gtm-core.h"

static gboolean
class_has_field (GType       type,
                 const char *name)
{
  GtmNodeClass *klass = g_type_class_ref (type);
  gboolean found = FALSE;

  for (guint i = 0; i < gtm_node_class_get_n_fields (klass); i++)
    found |= g_str_equal (gtm_node_class_get_field (klass, i)->name, name);

  g_type_class_unref (klass);
  return found;
}

static void
test_class_description (void)
{
  /* Items save their geometry and style; connectors take their geometry
   * from their ends and images hold no text. */
  g_assert_true (class_has_field (GTM_TYPE_NOTE, "id"));
  g_assert_true (class_has_field (GTM_TYPE_NOTE, "x"));
  g_assert_true (class_has_field (GTM_TYPE_NOTE, "text"));
  g_assert_true (class_has_field (GTM_TYPE_SHAPE, "shape"));
  g_assert_true (class_has_field (GTM_TYPE_CONNECTOR, "source"));
  g_assert_false (class_has_field (GTM_TYPE_CONNECTOR, "x"));
  g_assert_false (class_has_field (GTM_TYPE_CONNECTOR, "fill"));
  g_assert_true (class_has_field (GTM_TYPE_CONNECTOR, "text"));
  g_assert_true (class_has_field (GTM_TYPE_IMAGE, "data"));
  g_assert_false (class_has_field (GTM_TYPE_IMAGE, "text"));
  /* Hiding a field in one subclass does not hide it in its siblings. */
  g_assert_true (class_has_field (GTM_TYPE_FRAME, "x"));
  g_assert_true (class_has_field (GTM_TYPE_NOTE, "text"));

  g_assert_true (gtm_node_type_from_kind (GTM_TYPE_ITEM, "note") == GTM_TYPE_NOTE);
  g_assert_true (gtm_node_type_from_kind (GTM_TYPE_ITEM, "text") == GTM_TYPE_TEXT_BOX);
  g_assert_true (gtm_node_type_from_kind (GTM_TYPE_ITEM, "shape") == GTM_TYPE_SHAPE);
  g_assert_true (gtm_node_type_from_kind (GTM_TYPE_ITEM, "image") == GTM_TYPE_IMAGE);
  g_assert_true (gtm_node_type_from_kind (GTM_TYPE_ITEM, "connector") == GTM_TYPE_CONNECTOR);
  g_assert_true (gtm_node_type_from_kind (GTM_TYPE_ITEM, "frame") == GTM_TYPE_FRAME);
  g_assert_true (gtm_node_type_from_kind (GTM_TYPE_ITEM, "board") == G_TYPE_INVALID);
  g_assert_true (gtm_node_type_from_kind (GTM_TYPE_ITEM, NULL) == G_TYPE_INVALID);
}

static void
test_constructors (void)
{
  g_autoptr(GtmItem) note = gtm_note_new (10, 20, "定位");
  g_autoptr(GtmItem) other = gtm_note_new (0, 0, NULL);
  g_autoptr(GtmItem) shape = gtm_shape_new (GTM_SHAPE_DIAMOND, 1, 2, 30, 40);
  g_autoptr(GtmItem) frame = gtm_frame_new (0, 0, 500, 400, "Launch");

  g_assert_cmpstr (gtm_node_get_id (GTM_NODE (note)), !=, gtm_node_get_id (GTM_NODE (other)));
  g_assert_true (g_str_has_prefix (gtm_node_get_id (GTM_NODE (note)), "note-"));
  g_assert_cmpfloat (gtm_item_get_x (note), ==, 10);
  g_assert_cmpfloat (gtm_item_get_y (note), ==, 20);
  g_assert_cmpstr (gtm_item_get_text (note), ==, "定位");
  g_assert_cmpstr (gtm_item_get_text (other), ==, "");
  g_assert_cmpint (gtm_shape_get_shape (GTM_SHAPE (shape)), ==, GTM_SHAPE_DIAMOND);
  g_assert_cmpfloat (gtm_item_get_height (shape), ==, 40);
  g_assert_cmpstr (gtm_item_get_text (frame), ==, "Launch");

  /* A frame groups what lies wholly inside it. */
  g_assert_true (gtm_frame_contains (GTM_FRAME (frame), note));
  g_assert_true (gtm_frame_contains (GTM_FRAME (frame), shape));
  g_assert_false (gtm_frame_contains (GTM_FRAME (frame), frame));
  {
    g_autoptr(GtmItem) outside = gtm_note_new (450, 300, NULL); /* 160×160 */

    g_assert_false (gtm_frame_contains (GTM_FRAME (frame), outside));
  }
}

static void
count_changed (GtmNode *node,
               GtmNode *origin,
               guint   *count)
{
  (*count)++;
}

static void
test_changed_bubbles (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("P");
  g_autoptr(GtmBoard) board = gtm_board_new ("B");
  g_autoptr(GtmItem) note = gtm_note_new (0, 0, "a");
  GtmHistory *history = gtm_project_get_history (project);
  guint project_changes = 0, board_changes = 0;

  g_signal_connect (project, "changed", G_CALLBACK (count_changed), &project_changes);
  g_signal_connect (board, "changed", G_CALLBACK (count_changed), &board_changes);

  gtm_history_insert (history, GTM_NODE (project), "boards", 0, GTM_NODE (board));
  g_assert_cmpuint (project_changes, ==, 1);
  g_assert_true (gtm_node_get_parent (GTM_NODE (board)) == GTM_NODE (project));

  gtm_board_add_item (board, history, note);
  g_assert_cmpuint (board_changes, ==, 1);
  g_assert_cmpuint (project_changes, ==, 2);
  g_assert_true (gtm_node_get_root (GTM_NODE (note)) == GTM_NODE (project));

  gtm_history_set (history, GTM_NODE (note), "text", "b", NULL);
  g_assert_cmpuint (board_changes, ==, 2);
  g_assert_cmpuint (project_changes, ==, 3);

  g_assert_true (gtm_node_find (GTM_NODE (project), gtm_node_get_id (GTM_NODE (note))) == GTM_NODE (note));
  g_assert_null (gtm_node_find (GTM_NODE (project), "no-such-id"));
  g_assert_true (gtm_project_get_brief (project) != NULL);
  g_assert_true (gtm_node_get_parent (gtm_project_get_brief (project)) == GTM_NODE (project));
}

static void
test_board_lookup_and_extents (void)
{
  g_autoptr(GtmHistory) history = gtm_history_new ();
  g_autoptr(GtmBoard) board = gtm_board_new ("B");
  g_autoptr(GtmItem) a = gtm_note_new (-50, 10, NULL);
  g_autoptr(GtmItem) b = gtm_shape_new (GTM_SHAPE_ELLIPSE, 300, 400, 100, 50);
  g_autoptr(GtmItem) link = NULL;
  double x, y, w, h;

  g_assert_false (gtm_board_get_extents (board, &x, &y, &w, &h));

  gtm_board_add_item (board, history, a);
  gtm_board_add_item (board, history, b);
  link = gtm_connector_new (gtm_node_get_id (GTM_NODE (a)), gtm_node_get_id (GTM_NODE (b)));
  gtm_board_add_item (board, history, link);

  g_assert_true (gtm_board_lookup_item (board, gtm_node_get_id (GTM_NODE (b))) == b);
  g_assert_null (gtm_board_lookup_item (board, "nope"));
  {
    GtmItem *both[] = { a, b };
    g_autoptr(GtmItem) stranger = gtm_note_new (0, 0, NULL);
    GtmItem *mixed[] = { a, stranger };

    g_assert_true (gtm_board_holds_items (board, both, G_N_ELEMENTS (both)));
    g_assert_false (gtm_board_holds_items (board, mixed, G_N_ELEMENTS (mixed)));
  }

  g_assert_true (gtm_board_get_extents (board, &x, &y, &w, &h));
  g_assert_cmpfloat (x, ==, -50);
  g_assert_cmpfloat (y, ==, 10);
  g_assert_cmpfloat (w, ==, 450);
  g_assert_cmpfloat (h, ==, 440);

  /* Deleting an item takes its connectors with it, as one step. */
  gtm_board_remove_item (board, history, a);
  g_assert_cmpuint (gtm_board_get_n_items (board), ==, 1);
  g_assert_null (gtm_board_lookup_item (board, gtm_node_get_id (GTM_NODE (link))));
  g_assert_false (gtm_board_holds_items (board, &a, 1));
  g_assert_true (gtm_history_undo (history));
  g_assert_cmpuint (gtm_board_get_n_items (board), ==, 3);
  g_assert_true (gtm_board_holds_items (board, &a, 1));
  g_assert_true (gtm_board_lookup_item (board, gtm_node_get_id (GTM_NODE (link))) == link);
  /* …in the z-order they had. */
  {
    g_autoptr(GtmItem) first = g_list_model_get_item (gtm_board_get_items (board), 0);
    g_autoptr(GtmItem) last = g_list_model_get_item (gtm_board_get_items (board), 2);

    g_assert_true (first == a);
    g_assert_true (last == link);
  }
}

static void
lookup_on_changed (GtmNode  *board,
                   GtmNode  *origin,
                   gboolean *found)
{
  *found = gtm_board_lookup_item (GTM_BOARD (board), "note-looked-up") != NULL;
}

/* Listeners of "changed" see the board's id table as the list now is. */
static void
test_lookup_during_changed (void)
{
  g_autoptr(GtmHistory) history = gtm_history_new ();
  g_autoptr(GtmBoard) board = gtm_board_new ("B");
  g_autoptr(GtmItem) note = g_object_new (GTM_TYPE_NOTE, "id", "note-looked-up", NULL);
  gboolean found = FALSE;

  g_assert_null (gtm_board_lookup_item (board, "note-looked-up"));
  g_signal_connect (board, "changed", G_CALLBACK (lookup_on_changed), &found);

  gtm_board_add_item (board, history, note);
  g_assert_true (found);
  gtm_history_undo (history);
  g_assert_false (found);
}

static void
test_image_check (void)
{
  /* A 1×1 PNG header; the check reads the header only. */
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };
  guint8 huge[sizeof png];
  g_autoptr(GBytes) good = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) bad = g_bytes_new_static ("GIF89a not a png at all, no no no", 33);
  g_autoptr(GBytes) big = NULL;
  g_autoptr(GError) error = NULL;
  guint w = 0, h = 0;

  g_assert_true (gtm_image_check_data (good, "image/png", &w, &h, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (w, ==, 1);
  g_assert_cmpuint (h, ==, 1);

  g_assert_false (gtm_image_check_data (good, "image/gif", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "PNG"));
  g_clear_error (&error);

  g_assert_false (gtm_image_check_data (bad, "image/png", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "not a PNG"));
  g_clear_error (&error);

  /* 100,000 × 100,000 pixels: refused before anything is decoded. */
  memcpy (huge, png, sizeof png);
  huge[16] = 0; huge[17] = 0x01; huge[18] = 0x86; huge[19] = 0xa0;
  huge[20] = 0; huge[21] = 0x01; huge[22] = 0x86; huge[23] = 0xa0;
  big = g_bytes_new (huge, sizeof huge);
  g_assert_false (gtm_image_check_data (big, "image/png", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "100000"));
}

static void
test_color (void)
{
  GtmColor color;
  g_autofree char *text = NULL;

  g_assert_true (gtm_color_parse ("#ff8000", &color));
  g_assert_cmpfloat_with_epsilon (color.red, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (color.green, 128 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (color.alpha, 1.0, 1e-9);
  g_assert_true (gtm_color_parse ("#FF800080", &color));
  g_assert_cmpfloat_with_epsilon (color.alpha, 128 / 255.0, 1e-9);
  text = gtm_color_to_string (&color);
  g_assert_cmpstr (text, ==, "#ff800080");
  g_assert_true (gtm_color_parse ("", &color));
  g_assert_cmpfloat (color.alpha, ==, 0);

  g_assert_false (gtm_color_parse ("red", &color));
  g_assert_false (gtm_color_parse ("#ff80", &color));
  g_assert_false (gtm_color_parse ("#gg0000", &color));
  g_assert_false (gtm_color_parse ("#ff0000ff00", &color));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

  g_test_add_func ("/node/class-description", test_class_description);
  g_test_add_func ("/node/constructors", test_constructors);
  g_test_add_func ("/node/changed-bubbles", test_changed_bubbles);
  g_test_add_func ("/node/board-lookup-and-extents", test_board_lookup_and_extents);
  g_test_add_func ("/node/lookup-during-changed", test_lookup_during_changed);
  g_test_add_func ("/node/image-check", test_image_check);
  g_test_add_func ("/node/color", test_color);

  return g_test_run ();
}
