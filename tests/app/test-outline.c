/* test-outline.c — the outline list of a board: rows, selection, keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-outline"

#include "config.h"

#include <string.h>

#include "gtm-core.h"
#include "gtm-board-editor.h"
#include "gtm-outline.h"
#include "gtm-test-utils.h"

/* ------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------ */

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  GByteArray *array = g_byte_array_new ();

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_to_array, array), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}

/* An outline in a window of its own, beside a button to tab to, showing a
 * board of a project built outside the history, as the reader does. */
typedef struct
{
  GtmProject   *project;
  GtmHistory   *history;
  GtmBoard     *board;
  GtmSelection *selection;
  GtkWindow    *window;
  GtmOutline   *outline;
  GtkWidget    *button;
  GtmItem      *activated;
  guint         n_selection_changes;
} Fixture;

static void
on_activate_item (GtmOutline *outline,
                  GtmItem    *item,
                  Fixture    *f)
{
  g_set_object (&f->activated, item);
}

static void
on_selection_changed (GtmSelection *selection,
                      Fixture      *f)
{
  f->n_selection_changes++;
}

static void
fixture_open (Fixture  *f,
              GtmItem **items,
              guint     n_items)
{
  g_autoptr(GtmBoard) board = gtm_board_new ("SWOT");
  GtkWidget *box;

  gtm_test_get_app ();

  g_list_store_splice (gtm_node_get_list (GTM_NODE (board), "items"), 0, 0, (gpointer *) items, n_items);
  f->project = gtm_project_new ("Launch");
  f->history = gtm_project_get_history (f->project);
  g_list_store_append (gtm_node_get_list (GTM_NODE (f->project), "boards"), board);
  f->board = board;
  f->selection = gtm_selection_new (board);
  g_signal_connect (f->selection, "changed", G_CALLBACK (on_selection_changed), f);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 300, 480);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  f->outline = GTM_OUTLINE (gtm_outline_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (f->outline), TRUE);
  f->button = gtk_button_new_with_label ("Elsewhere");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->outline));
  gtk_box_append (GTK_BOX (box), f->button);
  gtk_window_set_child (f->window, box);
  g_signal_connect (f->outline, "activate-item", G_CALLBACK (on_activate_item), f);

  gtm_outline_set_selection (f->outline, f->selection, f->history);
  gtk_window_present (f->window);
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (f->outline)) &&
                       gtk_widget_get_height (GTK_WIDGET (f->outline)) > 0);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->activated);
  g_clear_object (&f->selection);
  g_clear_object (&f->project);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkListView *
list_view_of (GtmOutline *outline)
{
  GtkWidget *list_view = find_widget (GTK_WIDGET (outline), GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list_view);

  return GTK_LIST_VIEW (list_view);
}

static GtkSelectionModel *
rows_of (GtmOutline *outline)
{
  return gtk_list_view_get_model (list_view_of (outline));
}

typedef struct
{
  double     y;
  GtkWidget *row;
} ShownRow;

static int
compare_shown_rows (gconstpointer a,
                    gconstpointer b)
{
  const ShownRow *row_a = a, *row_b = b;

  return (row_a->y > row_b->y) - (row_a->y < row_b->y);
}

/* The row widgets on screen, top to bottom. */
static GArray *
shown_rows (GtmOutline *outline)
{
  GtkWidget *list_view = GTK_WIDGET (list_view_of (outline));
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (ShownRow));

  for (GtkWidget *child = gtk_widget_get_first_child (list_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      ShownRow row = { 0, child };

      if (!gtk_widget_get_mapped (child) || !gtk_widget_compute_bounds (child, list_view, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 ||
          bounds.origin.y >= gtk_widget_get_height (list_view))
        continue;

      row.y = bounds.origin.y;
      g_array_append_val (rows, row);
    }

  g_array_sort (rows, compare_shown_rows);

  return rows;
}

static const char *
row_label (GtkWidget *row)
{
  GtkWidget *label = find_widget (row, GTK_TYPE_LABEL);

  g_assert_nonnull (label);

  return gtk_label_get_text (GTK_LABEL (label));
}

static const char *
row_icon (GtkWidget *row)
{
  GtkWidget *image = find_widget (row, GTK_TYPE_IMAGE);

  g_assert_nonnull (image);

  return gtk_image_get_icon_name (GTK_IMAGE (image));
}

/* The labels of the rows on screen, top to bottom, joined by “|”. */
static char *
shown_labels (GtmOutline *outline)
{
  g_autoptr(GArray) rows = shown_rows (outline);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;

  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (builder, row_label (g_array_index (rows, ShownRow, i).row));
  labels = g_strv_builder_end (builder);

  return g_strjoinv ("|", labels);
}

/* Waits for the rows on screen to show @expected (labels joined by “|”). */
static void
assert_rows (GtmOutline *outline,
             const char *expected)
{
  gint64 end = g_get_monotonic_time () + GTM_TEST_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, gtm_test_wake, NULL);

  for (;;)
    {
      g_autofree char *shown = shown_labels (outline);

      if (g_strcmp0 (shown, expected) == 0)
        break;
      if (g_get_monotonic_time () > end)
        g_error ("the outline shows “%s”, not “%s”", shown, expected);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

/* The row on screen labelled @label. */
static GtkWidget *
find_row (GtmOutline *outline,
          const char *label)
{
  g_autoptr(GArray) rows = shown_rows (outline);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_array_index (rows, ShownRow, i).row;

      if (g_strcmp0 (row_label (row), label) == 0)
        return row;
    }

  g_error ("no row labelled “%s” on screen", label);
  return NULL;
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
           gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;

  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers);

  return FALSE;
}

static gboolean
run_key_bindings (GtkWidget       *widget,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_BUBBLE)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

/* Presses a key as GTK delivers it to key bindings: from the focus
 * widget up to the window, the first binding of the key that handles it
 * wins. In-process, so that parallel tests sharing one X display can't
 * take each other's keys. */
static void
press (GtkWindow       *window,
       guint            keyval,
       GdkModifierType  modifiers)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (GtkWidget *widget = focus != NULL ? focus : GTK_WIDGET (window);
       widget != NULL;
       widget = gtk_widget_get_parent (widget))
    if (run_key_bindings (widget, keyval, modifiers))
      break;

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* What a click on a row does (GtkListItemWidget's own click handler):
 * focus the row and select it, Ctrl extending the selection by it. */
static void
click_row (Fixture    *f,
           const char *label,
           gboolean    ctrl)
{
  GtkWidget *row = find_row (f->outline, label);

  gtk_widget_grab_focus (row);
  g_assert_true (gtk_widget_activate_action (row, "listitem.select", "(bb)", ctrl, FALSE));
  gtm_test_settle ();
}

/* The rows on screen, once there are some. */
static GArray *
wait_for_rows (GtmOutline *outline)
{
  gint64 end = g_get_monotonic_time () + GTM_TEST_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, gtm_test_wake, NULL);
  GArray *rows;

  while ((rows = shown_rows (outline))->len == 0)
    {
      g_array_unref (rows);
      if (g_get_monotonic_time () > end)
        g_error ("the outline shows no rows");
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);

  return rows;
}

static void
assert_selected (GtmSelection *selection,
                 GtmItem     **expected,
                 guint         n_expected)
{
  g_assert_cmpuint (gtm_selection_get_n_items (selection), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_true (gtm_selection_contains (selection, expected[i]));
}

/* Whether the rows selected are exactly those labelled in @labels
 * (NULL-terminated). */
static gboolean
rows_selected (GtmOutline         *outline,
               const char * const *labels)
{
  g_autoptr(GArray) rows = shown_rows (outline);
  GtkSelectionModel *model = rows_of (outline);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);
  guint n_found = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_array_index (rows, ShownRow, i).row;
      gboolean want = g_strv_contains (labels, row_label (row));
      /* GtkListItemWidget shows the state of the selection model. */
      gboolean shown = (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0;

      if (want != shown)
        return FALSE;
      n_found += want;
    }

  return n_found == g_strv_length ((GStrv) labels) &&
         gtk_bitset_get_size (selected) == n_found;
}

/* ------------------------------------------------------------------------
 * Tests
 * ------------------------------------------------------------------------ */

/* A note, an ellipse with no text, a connector between them, a frame, a
 * text box and an image: bottom first. */
static void
open_swot (Fixture *f)
{
  g_autoptr(GBytes) png = make_png (4, 3);
  GtmItem *items[6];

  items[0] = gtm_frame_new (0, 0, 600, 400, "Q3 launch");
  items[1] = gtm_note_new (20, 40, "Strengths\nfast onboarding");
  items[2] = gtm_shape_new (GTM_SHAPE_ELLIPSE, 300, 40, 120, 80);
  items[3] = gtm_connector_new (gtm_node_get_id (GTM_NODE (items[1])),
                                gtm_node_get_id (GTM_NODE (items[2])));
  items[4] = gtm_text_box_new (20, 300, "\n  Risks  \nmore");
  items[5] = gtm_image_new (400, 300, 40, 30, png);

  fixture_open (f, items, G_N_ELEMENTS (items));

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_object_unref (items[i]);
}

static GtmItem *
item_at (Fixture *f,
         guint    index)
{
  g_autoptr(GtmItem) item = g_list_model_get_item (gtm_board_get_items (f->board), index);

  return item; /* owned by the board */
}

static void
test_rows (void)
{
  Fixture f = { 0 };
  GtkWidget *row;
  GtmItem *note, *added;

  open_swot (&f);
  note = item_at (&f, 1);

  /* Topmost first; the text's first line that isn't blank, or the kind. */
  assert_rows (f.outline, "Image|Risks|Connector: Strengths → Ellipse|Ellipse|Strengths|Q3 launch");

  row = find_row (f.outline, "Strengths");
  g_assert_cmpstr (row_icon (row), ==, "gtm-note-symbolic");
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, "Sticky note: Strengths");
  g_assert_cmpstr (row_icon (find_row (f.outline, "Ellipse")), ==, "gtm-ellipse-symbolic");
  g_assert_cmpstr (row_icon (find_row (f.outline, "Image")), ==, "image-x-generic-symbolic");
  g_assert_cmpstr (row_icon (find_row (f.outline, "Q3 launch")), ==, "gtm-frame-symbolic");
  g_assert_cmpstr (row_icon (find_row (f.outline, "Risks")), ==, "gtm-text-box-symbolic");
  gtk_test_accessible_assert_property (find_row (f.outline, "Risks"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Text box: Risks");
  gtk_test_accessible_assert_property (find_row (f.outline, "Ellipse"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ellipse");
  gtk_test_accessible_assert_property (find_row (f.outline, "Connector: Strengths → Ellipse"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Connector: Strengths → Ellipse");

  /* Text edits show at once, in the item's row and its connectors'. */
  gtm_history_set (f.history, GTM_NODE (note), "text", "Weaknesses", NULL);
  assert_rows (f.outline, "Image|Risks|Connector: Weaknesses → Ellipse|Ellipse|Weaknesses|Q3 launch");
  gtk_test_accessible_assert_property (find_row (f.outline, "Weaknesses"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Sticky note: Weaknesses");
  gtm_history_set (f.history, GTM_NODE (item_at (&f, 3)), "text", "leads to", NULL);
  assert_rows (f.outline, "Image|Risks|leads to|Ellipse|Weaknesses|Q3 launch");
  gtk_test_accessible_assert_property (find_row (f.outline, "leads to"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Connector: Weaknesses → Ellipse: leads to");
  g_assert_true (gtm_history_undo (f.history));
  g_assert_true (gtm_history_undo (f.history));
  assert_rows (f.outline, "Image|Risks|Connector: Strengths → Ellipse|Ellipse|Strengths|Q3 launch");

  /* Additions go on top; undo and redo take them away and back. */
  added = gtm_shape_new (GTM_SHAPE_DIAMOND, 0, 0, 50, 50);
  gtm_board_add_item (f.board, f.history, added);
  g_object_unref (added);
  assert_rows (f.outline, "Diamond|Image|Risks|Connector: Strengths → Ellipse|Ellipse|Strengths|Q3 launch");
  g_assert_cmpstr (row_icon (find_row (f.outline, "Diamond")), ==, "gtm-diamond-symbolic");
  g_assert_true (gtm_history_undo (f.history));
  assert_rows (f.outline, "Image|Risks|Connector: Strengths → Ellipse|Ellipse|Strengths|Q3 launch");
  g_assert_true (gtm_history_redo (f.history));
  assert_rows (f.outline, "Diamond|Image|Risks|Connector: Strengths → Ellipse|Ellipse|Strengths|Q3 launch");

  /* Removing the note takes its connector along; undo brings both back
   * where they were. */
  gtm_board_remove_item (f.board, f.history, note);
  assert_rows (f.outline, "Diamond|Image|Risks|Ellipse|Q3 launch");
  g_assert_true (gtm_history_undo (f.history));
  assert_rows (f.outline, "Diamond|Image|Risks|Connector: Strengths → Ellipse|Ellipse|Strengths|Q3 launch");

  /* A board with nothing on it says so. */
  gtm_outline_set_selection (f.outline, NULL, NULL);
  assert_rows (f.outline, "");
  g_assert_nonnull (find_widget (GTK_WIDGET (f.outline), GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_widget (GTK_WIDGET (f.outline),
                                                                              GTK_TYPE_STACK))),
                   ==, "empty");

  fixture_close (&f);
}

static void
test_selection (void)
{
  Fixture f = { 0 };
  GtmItem *items[3];
  guint changes;

  open_swot (&f);
  items[0] = item_at (&f, 1); /* Strengths */
  items[1] = item_at (&f, 2); /* Ellipse */
  items[2] = item_at (&f, 5); /* Image */
  assert_rows (f.outline, "Image|Risks|Connector: Strengths → Ellipse|Ellipse|Strengths|Q3 launch");

  /* Rows to canvas: a click selects one item, Ctrl+click adds one. */
  changes = f.n_selection_changes;
  click_row (&f, "Strengths", FALSE);
  assert_selected (f.selection, items, 1);
  g_assert_cmpuint (f.n_selection_changes, ==, changes + 1);
  click_row (&f, "Ellipse", TRUE);
  assert_selected (f.selection, items, 2);
  g_assert_cmpuint (f.n_selection_changes, ==, changes + 2);
  g_assert_true (rows_selected (f.outline, (const char *[]) { "Strengths", "Ellipse", NULL }));

  /* Canvas to rows, without coming back. */
  changes = f.n_selection_changes;
  gtm_selection_set (f.selection, &items[2], 1);
  gtm_test_wait_until (rows_selected (f.outline, (const char *[]) { "Image", NULL }));
  gtm_selection_clear (f.selection);
  gtm_test_wait_until (rows_selected (f.outline, (const char *[]) { NULL }));
  gtm_selection_set (f.selection, items, 2);
  gtm_test_wait_until (rows_selected (f.outline, (const char *[]) { "Strengths", "Ellipse", NULL }));
  gtm_test_settle ();
  g_assert_cmpuint (f.n_selection_changes, ==, changes + 3);
  assert_selected (f.selection, items, 2);

  /* Restacking keeps the rows of the selected items selected. */
  g_assert_true (gtm_arrange_reorder (f.board, f.history, items, 2, GTM_ARRANGE_BRING_TO_FRONT));
  assert_rows (f.outline, "Ellipse|Strengths|Image|Risks|Connector: Strengths → Ellipse|Q3 launch");
  gtm_test_wait_until (rows_selected (f.outline, (const char *[]) { "Strengths", "Ellipse", NULL }));
  assert_selected (f.selection, items, 2);

  /* Deleting a selected item takes its row and its selection away. */
  gtm_board_remove_item (f.board, f.history, items[1]);
  gtm_test_wait_until (rows_selected (f.outline, (const char *[]) { "Strengths", NULL }));
  assert_selected (f.selection, items, 1);

  fixture_close (&f);
}

static void
test_keyboard (void)
{
  Fixture f = { 0 };
  GtmItem *note, *ellipse, *text_box;
  double x, y;
  guint n_undo;

  open_swot (&f);
  note = item_at (&f, 1);
  ellipse = item_at (&f, 2);
  text_box = item_at (&f, 4);
  assert_rows (f.outline, "Image|Risks|Connector: Strengths → Ellipse|Ellipse|Strengths|Q3 launch");

  /* Up and Down, Tab and Shift+Tab go from item to item and select it. */
  click_row (&f, "Ellipse", FALSE);
  press (f.window, GDK_KEY_Down, 0);
  assert_selected (f.selection, &note, 1);
  g_assert_true (focus_is_in (find_row (f.outline, "Strengths")));
  press (f.window, GDK_KEY_Up, 0);
  assert_selected (f.selection, &ellipse, 1);
  press (f.window, GDK_KEY_Tab, 0);
  assert_selected (f.selection, &note, 1);
  g_assert_true (focus_is_in (find_row (f.outline, "Strengths")));
  press (f.window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  press (f.window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  press (f.window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  assert_selected (f.selection, &text_box, 1);
  g_assert_true (focus_is_in (find_row (f.outline, "Risks")));
  g_assert_true (rows_selected (f.outline, (const char *[]) { "Risks", NULL }));

  /* Enter asks the canvas to edit the item's text. */
  g_assert_null (f.activated);
  press (f.window, GDK_KEY_Return, 0);
  g_assert_true (f.activated == text_box);

  /* Alt+arrows move the selected items by the canvas's steps, each press
   * one undo step. */
  x = gtm_item_get_x (text_box);
  y = gtm_item_get_y (text_box);
  n_undo = gtm_history_get_n_undo (f.history);
  press (f.window, GDK_KEY_Right, GDK_ALT_MASK);
  g_assert_cmpfloat (gtm_item_get_x (text_box), ==, x + GTM_NUDGE_STEP);
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, n_undo + 1);
  press (f.window, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK);
  g_assert_cmpfloat (gtm_item_get_y (text_box), ==, y + GTM_NUDGE_STEP_LARGE);
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, n_undo + 2);
  g_assert_true (gtm_history_undo (f.history));
  g_assert_true (gtm_history_undo (f.history));
  g_assert_cmpfloat (gtm_item_get_x (text_box), ==, x);
  g_assert_cmpfloat (gtm_item_get_y (text_box), ==, y);
  /* The selection and the focus stayed. */
  assert_selected (f.selection, &text_box, 1);
  g_assert_true (focus_is_in (find_row (f.outline, "Risks")));

  /* Delete removes the selected items, connectors with their ends, as one
   * undo step; the focus goes to the row that took their place. */
  click_row (&f, "Strengths", FALSE);
  click_row (&f, "Ellipse", TRUE);
  n_undo = gtm_history_get_n_undo (f.history);
  press (f.window, GDK_KEY_Delete, 0);
  assert_rows (f.outline, "Image|Risks|Q3 launch");
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, n_undo + 1);
  g_assert_cmpuint (gtm_selection_get_n_items (f.selection), ==, 0);
  g_assert_true (focus_is_in (find_row (f.outline, "Q3 launch")));
  g_assert_true (gtm_history_undo (f.history));
  assert_rows (f.outline, "Image|Risks|Connector: Strengths → Ellipse|Ellipse|Strengths|Q3 launch");

  /* Locked items stay, as on the canvas. */
  g_assert_true (gtm_arrange_set_locked (f.board, f.history, &ellipse, 1, TRUE));
  click_row (&f, "Ellipse", FALSE);
  n_undo = gtm_history_get_n_undo (f.history);
  press (f.window, GDK_KEY_Delete, 0);
  g_assert_true (gtm_node_get_parent (GTM_NODE (ellipse)) == GTM_NODE (f.board));
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, n_undo);
  g_assert_true (gtm_history_undo (f.history));
  g_assert_false (gtm_item_get_locked (ellipse));

  /* Tab past the last item leaves the list. */
  click_row (&f, "Q3 launch", FALSE);
  press (f.window, GDK_KEY_Tab, 0);
  g_assert_false (focus_is_in (GTK_WIDGET (f.outline)));
  g_assert_true (focus_is_in (f.button));

  /* With nothing selected, the keys do nothing. */
  gtm_selection_clear (f.selection);
  gtm_test_settle ();
  gtk_widget_grab_focus (find_row (f.outline, "Risks"));
  n_undo = gtm_history_get_n_undo (f.history);
  press (f.window, GDK_KEY_Delete, 0);
  press (f.window, GDK_KEY_Left, GDK_ALT_MASK);
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, n_undo);
  g_assert_cmpuint (g_list_model_get_n_items (gtm_board_get_items (f.board)), ==, 6);

  fixture_close (&f);
}

static void
test_double_click (void)
{
  Fixture f = { 0 };

  open_swot (&f);
  assert_rows (f.outline, "Image|Risks|Connector: Strengths → Ellipse|Ellipse|Strengths|Q3 launch");

  /* What GtkListItemWidget does on a double click, on the row of the
   * note (the fifth from the top). */
  g_assert_true (gtk_widget_activate_action (find_row (f.outline, "Strengths"), "list.activate-item", "u", 4));
  g_assert_true (f.activated == item_at (&f, 1));

  fixture_close (&f);
}

/* 100,000 notes: the outline makes widgets for the rows on screen only,
 * and following the canvas's selection to the bottom item stays quick. */
static void
test_large_board (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *last = NULL;
  g_autoptr(GArray) rows = NULL;
  GtmItem *bottom;
  gint64 start;
  guint n_children = 0;

  for (guint i = 0; i < GTM_BOARD_MAX_ITEMS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Idea %u", i);

      g_ptr_array_add (items, gtm_note_new ((i % 300) * 220.0, (i / 300) * 220.0, text));
    }

  start = g_get_monotonic_time ();
  fixture_open (&f, (GtmItem **) items->pdata, items->len);
  last = g_strdup_printf ("Idea %u", GTM_BOARD_MAX_ITEMS - 1);
  rows = wait_for_rows (f.outline);
  g_assert_cmpstr (row_label (g_array_index (rows, ShownRow, 0).row), ==, last);
  g_test_message ("100,000 items: window with the outline shown in %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list_view_of (f.outline)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_children++;
  /* GTK 4.8 keeps about 200 rows around the ones on screen. */
  g_assert_cmpuint (n_children, <, 1000);

  /* Selecting the bottom item on the canvas scrolls its row into view. */
  bottom = items->pdata[0];
  start = g_get_monotonic_time ();
  gtm_selection_set (f.selection, &bottom, 1);
  gtm_test_wait_until (rows_selected (f.outline, (const char *[]) { "Idea 0", NULL }));
  g_test_message ("100,000 items: the bottom item's row selected and shown in %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  fixture_close (&f);
}

/* In the board editor, the outline follows the board shown, catches up
 * with the canvas's selection when it is shown, and Enter on a row
 * selects its item. */
static void
test_board_editor (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);
  GtmBoardView *view = gtm_window_get_board_view (window);
  GtkWidget *editor = gtk_widget_get_ancestor (GTK_WIDGET (view), GTM_TYPE_BOARD_EDITOR);
  GtmBoard *board = gtm_board_view_get_board (view);
  GtmSelection *selection;
  GtmOutline *outline;
  GtkWidget *side_stack, *first_row;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GtmItem) top = NULL;
  g_autoptr(GtmItem) below = NULL;
  guint n_items;

  g_assert_nonnull (editor);
  g_assert_nonnull (board);
  selection = gtm_board_editor_get_selection (GTM_BOARD_EDITOR (editor));
  outline = GTM_OUTLINE (gtk_widget_get_template_child (editor, GTM_TYPE_BOARD_EDITOR, "outline"));
  g_assert_nonnull (outline);
  n_items = gtm_board_get_n_items (board);
  g_assert_cmpuint (n_items, >=, 2);
  top = g_list_model_get_item (gtm_board_get_items (board), n_items - 1);
  below = g_list_model_get_item (gtm_board_get_items (board), n_items - 2);

  /* Selected while the outline is hidden behind the properties. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (outline)));
  gtm_selection_set (selection, &top, 1);
  gtm_test_settle ();

  side_stack = gtk_widget_get_ancestor (GTK_WIDGET (outline), GTK_TYPE_STACK);
  gtk_stack_set_visible_child_name (GTK_STACK (side_stack), "outline");
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (outline)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows_of (outline))), ==, n_items);
  rows = wait_for_rows (outline);
  g_assert_cmpuint (rows->len, >=, 2);

  /* The top row is the topmost item, and selected. */
  first_row = g_array_index (rows, ShownRow, 0).row;
  g_assert_true (gtk_selection_model_is_selected (rows_of (outline), 0));
  gtm_test_wait_until (gtk_widget_get_state_flags (first_row) & GTK_STATE_FLAG_SELECTED);

  /* Enter on the second row selects its item for the canvas to edit. */
  gtk_widget_grab_focus (g_array_index (rows, ShownRow, 1).row);
  press (GTK_WINDOW (window), GDK_KEY_Return, 0);
  assert_selected (selection, (GtmItem **) &below, 1);

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_use_own_display (argc, argv);

  /* GTK's test accessibility backend, which keeps what screen readers
   * would be told (the suite's "none" keeps nothing), without a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/outline/rows", test_rows);
  g_test_add_func ("/outline/selection", test_selection);
  g_test_add_func ("/outline/keyboard", test_keyboard);
  g_test_add_func ("/outline/double-click", test_double_click);
  g_test_add_func ("/outline/large-board", test_large_board);
  g_test_add_func ("/outline/board-editor", test_board_editor);

  return gtm_test_run ();
}
