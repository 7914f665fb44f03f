/* test-boards.c — adding, renaming, duplicating, deleting and reordering
 * boards in the sidebar, with undo and redo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-boards"

#include "config.h"

#include <string.h>

#include "gtm-core.h"
#include "gtm-test-utils.h"
#include "gtm-workbench-page.h"

/* Helpers ----------------------------------------------------------------- */

static GListModel *
window_boards (GtmWindow *window)
{
  return gtm_project_get_boards (gtm_test_window_project (window));
}

static guint
n_boards (GtmWindow *window)
{
  return g_list_model_get_n_items (window_boards (window));
}

static GtmBoard *
board_at (GtmWindow *window,
          guint      index)
{
  g_autoptr(GtmBoard) board = g_list_model_get_item (window_boards (window), index);

  return board; /* owned by the project */
}

static const char *
window_title (GtmWindow *window)
{
  return adw_window_title_get_title (ADW_WINDOW_TITLE (gtm_test_template_child (window, "window_title")));
}

static GtkLabel *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* The text of the first label of the sidebar row at @index. */
static const char *
row_text (GtmWindow *window,
          guint      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (gtm_window_get_sidebar (window), index);

  g_assert_nonnull (row);
  return gtk_label_get_text (find_label (GTK_WIDGET (row)));
}

/* The sidebar lists the boards by name, in the project's order, then the
 * personas, then the workbench's pages; the row of @shown is selected and
 * its board is in the view. */
static void
assert_sidebar (GtmWindow *window,
                GtmBoard  *shown)
{
  GtkListBox *sidebar = gtm_window_get_sidebar (window);
  GListModel *personas = gtm_project_get_personas (gtm_test_window_project (window));
  guint n = n_boards (window);
  guint n_personas = g_list_model_get_n_items (personas);
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (sidebar);
  guint n_pages;
  const GtmWorkbenchPageInfo *pages = gtm_workbench_page_get_infos (&n_pages);
  GtkWidget *header;

  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (row_text (window, i), ==, gtm_board_get_name (board_at (window, i)));
  for (guint i = 0; i < n_personas; i++)
    {
      g_autoptr(GtmPersona) persona = g_list_model_get_item (personas, i);

      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, n + i);

      g_assert_nonnull (row);
      g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (row), gtm_persona_get_name (persona)));
    }
  for (guint i = 0; i < n_pages; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, n + n_personas + i);

      g_assert_nonnull (row);
      g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (row), pages[i].title));
    }
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, n + n_personas + n_pages));

  if (n > 0)
    {
      header = gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (sidebar, 0));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, "Boards");
    }

  if (shown == NULL)
    return;

  g_assert_nonnull (selected);
  g_assert_cmpint (gtk_list_box_row_get_index (selected), <, n);
  g_assert_true (board_at (window, gtk_list_box_row_get_index (selected)) == shown);
  g_assert_true (gtm_board_view_get_board (gtm_window_get_board_view (window)) == shown);
}

static void
assert_modified (GtmWindow *window,
                 gboolean   modified)
{
  const char *title = gtm_project_get_title (gtm_test_window_project (window));
  g_autofree char *marked = g_strdup_printf ("• %s", title);

  g_assert_cmpint (gtm_document_get_modified (gtm_window_get_document (window)), ==, modified);
  g_assert_cmpstr (window_title (window), ==, modified ? marked : title);
}

/* Presses @accelerator in the sidebar: runs what the sidebar's shortcuts
 * for it do, as a key press there would: each in turn until one acts (a
 * key has one for boards and one for personas, the other kind's action
 * disabled). */
static void
press_in_sidebar (GtmWindow  *window,
                  const char *accelerator)
{
  GtkWidget *sidebar = GTK_WIDGET (gtm_window_get_sidebar (window));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (sidebar);
  g_autoptr(GtkShortcutTrigger) pressed = gtk_shortcut_trigger_parse_string (accelerator);
  gboolean found = FALSE;

  g_assert_nonnull (pressed);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          gboolean matches = gtk_shortcut_trigger_equal (trigger, pressed);

          if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
            matches = gtk_shortcut_trigger_equal (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), pressed) ||
                      gtk_shortcut_trigger_equal (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), pressed);

          if (!matches)
            continue;

          found = TRUE;
          if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, sidebar, NULL))
            return;
        }
    }

  if (found)
    g_error ("no shortcut %s of the sidebar acts", accelerator);
  g_error ("the sidebar has no shortcut %s", accelerator);
}

static GtmWindow *
open_sample (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);

  g_assert_cmpuint (n_boards (window), >=, 3);
  assert_sidebar (window, board_at (window, 0));
  assert_modified (window, FALSE);

  return window;
}

static void
select_board (GtmWindow *window,
              guint      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (gtm_window_get_sidebar (window), index);

  gtm_window_select_board (window, index);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  assert_sidebar (window, board_at (window, index));
}

static void
type_name (GtmWindow  *window,
           const char *name)
{
  GtkEditable *entry = gtm_test_template_child (window, "rename_entry");

  gtk_editable_set_text (entry, name);
  g_signal_emit_by_name (entry, "activate");
}

/* Tests ------------------------------------------------------------------- */

/* The new board is shown, named by the user, and undone in two steps;
 * without boards, the empty page offers one. */
static void
test_add (void)
{
  GtmApplication *app = gtm_test_get_app ();
  GtmWindow *window;
  GtkPopover *rename_popover;
  GtkEditable *entry;
  GtmBoard *first, *board;

  gtm_test_assert_accel ("win.add-board", "<Control><Shift>b");

  /* A new project, with its first board. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  gtm_test_wait_until (gtm_test_count_windows () == 1);
  window = GTM_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  rename_popover = gtm_test_template_child (window, "rename_popover");
  entry = gtm_test_template_child (window, "rename_entry");
  g_assert_cmpuint (n_boards (window), ==, 1);
  first = board_at (window, 0);
  g_assert_cmpstr (gtm_board_get_name (first), ==, "Board 1");
  assert_sidebar (window, first);

  /* The sidebar's button adds a board, shows it and offers to name it. */
  {
    /* The split button's own button; its arrow opens the menu. */
    GtkWidget *button = gtk_widget_get_first_child (gtm_test_template_child (window, "add_board_button"));

    g_assert_true (GTK_IS_BUTTON (button));
    g_signal_emit_by_name (button, "clicked");
  }
  g_assert_cmpuint (n_boards (window), ==, 2);
  board = board_at (window, 1);
  g_assert_cmpstr (gtm_board_get_name (board), ==, "Board 2");
  assert_sidebar (window, board);
  assert_modified (window, TRUE);
  g_assert_cmpstr (gtm_history_get_undo_label (gtm_test_window_history (window)), ==, "Add Board");
  gtm_test_wait_until (gtk_widget_get_visible (GTK_WIDGET (rename_popover)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Board 2");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (entry)));

  type_name (window, "Launch plan 发布计划");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rename_popover)));
  g_assert_cmpstr (gtm_board_get_name (board), ==, "Launch plan 发布计划");
  assert_sidebar (window, board);

  /* Ctrl+Shift+B: another; the popover may be dismissed, keeping the
   * name it has. */
  gtm_test_activate (window, "add-board");
  gtm_test_wait_until (gtk_widget_get_visible (GTK_WIDGET (rename_popover)));
  gtk_popover_popdown (rename_popover);
  g_assert_cmpstr (gtm_board_get_name (board_at (window, 2)), ==, "Board 3");
  assert_sidebar (window, board_at (window, 2));

  /* Undo: each step goes, and the sidebar follows. */
  gtm_test_activate (window, "undo");
  g_assert_cmpuint (n_boards (window), ==, 2);
  assert_sidebar (window, board);
  gtm_test_activate (window, "undo");
  g_assert_cmpstr (gtm_board_get_name (board), ==, "Board 2");
  assert_sidebar (window, board);
  gtm_test_activate (window, "undo");
  g_assert_cmpuint (n_boards (window), ==, 1);
  assert_sidebar (window, first);
  assert_modified (window, FALSE);

  /* Redo brings the board back, shown, and then its name. */
  gtm_test_activate (window, "redo");
  assert_sidebar (window, board);
  gtm_test_activate (window, "redo");
  g_assert_cmpstr (gtm_board_get_name (board), ==, "Launch plan 发布计划");
  assert_sidebar (window, board);
  assert_modified (window, TRUE);

  /* Without boards (and personas), the workbench's first page is shown;
   * the New Board button still adds one. */
  gtm_test_activate (window, "delete-board");
  gtm_test_activate (window, "delete-board");
  g_assert_cmpuint (n_boards (window), ==, 0);
  assert_sidebar (window, NULL);
  g_assert_true (gtk_list_box_get_selected_row (gtm_window_get_sidebar (window)) ==
                 gtk_list_box_get_row_at_index (gtm_window_get_sidebar (window), 0));
  g_assert_true (GTM_IS_WORKBENCH_PAGE (gtm_window_get_visible_page (window)));
  g_assert_false (gtm_test_action_enabled (window, "rename-board"));
  g_assert_false (gtm_test_action_enabled (window, "delete-board"));
  g_signal_emit_by_name (gtk_widget_get_first_child (gtm_test_template_child (window, "add_board_button")),
                         "clicked");
  g_assert_cmpuint (n_boards (window), ==, 1);
  g_assert_cmpstr (gtm_board_get_name (board_at (window, 0)), ==, "Board 1");
  assert_sidebar (window, board_at (window, 0));

  gtm_test_close_all ();
}

/* F2 renames the selected board in a popover; a name it can't take is
 * refused there, with the reason. */
static void
test_rename (void)
{
  GtmWindow *window = open_sample ();
  GtkPopover *rename_popover = gtm_test_template_child (window, "rename_popover");
  GtkEditable *entry = gtm_test_template_child (window, "rename_entry");
  GtkRevealer *error_revealer = gtm_test_template_child (window, "rename_error_revealer");
  GtkLabel *error_label = gtm_test_template_child (window, "rename_error_label");
  GtkWidget *rename_button = gtm_test_template_child (window, "rename_button");
  g_autofree char *old_name = NULL;
  GtmBoard *board;

  select_board (window, 1);
  board = board_at (window, 1);
  old_name = g_strdup (gtm_board_get_name (board));

  press_in_sidebar (window, "F2");
  gtm_test_wait_until (gtk_widget_get_visible (GTK_WIDGET (rename_popover)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, old_name);
  g_assert_false (gtk_revealer_get_reveal_child (error_revealer));
  g_assert_true (gtk_widget_get_sensitive (rename_button));

  /* An empty name is refused in the popover as the user types. */
  gtk_editable_set_text (entry, "   ");
  g_assert_true (gtk_revealer_get_reveal_child (error_revealer));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, "A board needs a name.");
  g_assert_false (gtk_widget_get_sensitive (rename_button));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rename_popover)));
  g_assert_cmpstr (gtm_board_get_name (board), ==, old_name);
  assert_modified (window, FALSE);

  /* A good one is taken, trimmed, as one step. */
  gtk_editable_set_text (entry, "Market");
  g_assert_false (gtk_revealer_get_reveal_child (error_revealer));
  gtm_test_click_button (GTK_WIDGET (rename_popover), "_Rename");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rename_popover)));
  g_assert_cmpstr (gtm_board_get_name (board), ==, "Market");
  assert_sidebar (window, board);
  assert_modified (window, TRUE);
  g_assert_cmpstr (gtm_history_get_undo_label (gtm_test_window_history (window)), ==, "Rename Board");
  g_assert_cmpuint (gtm_history_get_n_undo (gtm_test_window_history (window)), ==, 1);

  /* Back in the sidebar, on the board's row. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (gtm_window_get_sidebar (window), 1)));

  gtm_test_activate (window, "undo");
  g_assert_cmpstr (gtm_board_get_name (board), ==, old_name);
  assert_sidebar (window, board);
  assert_modified (window, FALSE);
  gtm_test_activate (window, "redo");
  g_assert_cmpstr (gtm_board_get_name (board), ==, "Market");
  assert_sidebar (window, board);

  /* From the menu too, with the same popover; Escape changes nothing. */
  gtm_test_activate (window, "rename-board");
  gtm_test_wait_until (gtk_widget_get_visible (GTK_WIDGET (rename_popover)));
  gtk_editable_set_text (entry, "Not this");
  gtk_popover_popdown (rename_popover);
  g_assert_cmpstr (gtm_board_get_name (board), ==, "Market");
  g_assert_cmpuint (gtm_history_get_n_undo (gtm_test_window_history (window)), ==, 1);

  /* The window may close with the popover open. */
  press_in_sidebar (window, "F2");
  gtm_test_wait_until (gtk_widget_get_visible (GTK_WIDGET (rename_popover)));

  gtm_test_close_all ();
}

/* Asserts that @copy holds copies of @original's items: new ids, the same
 * kinds in the same order, connectors joining the copies. */
static void
assert_items_copied (GtmBoard *copy,
                     GtmBoard *original)
{
  GListModel *originals = gtm_board_get_items (original);
  GListModel *copies = gtm_board_get_items (copy);
  guint n = g_list_model_get_n_items (originals);
  g_autoptr(GHashTable) copy_of = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_connectors = 0;

  g_assert_cmpuint (g_list_model_get_n_items (copies), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmNode) a = g_list_model_get_item (originals, i);
      g_autoptr(GtmNode) b = g_list_model_get_item (copies, i);

      g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
      g_assert_cmpstr (gtm_node_get_id (a), !=, gtm_node_get_id (b));
      g_hash_table_insert (copy_of, (gpointer) gtm_node_get_id (a), (gpointer) gtm_node_get_id (b));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmNode) a = g_list_model_get_item (originals, i);
      g_autoptr(GtmNode) b = g_list_model_get_item (copies, i);

      if (!GTM_IS_CONNECTOR (a))
        continue;

      n_connectors++;
      g_assert_cmpstr (gtm_connector_get_source (GTM_CONNECTOR (b)), ==,
                       g_hash_table_lookup (copy_of, gtm_connector_get_source (GTM_CONNECTOR (a))));
      g_assert_cmpstr (gtm_connector_get_target (GTM_CONNECTOR (b)), ==,
                       g_hash_table_lookup (copy_of, gtm_connector_get_target (GTM_CONNECTOR (a))));
      g_assert_nonnull (gtm_board_lookup_item (copy, gtm_connector_get_source (GTM_CONNECTOR (b))));
    }

  g_assert_cmpuint (n_connectors, >, 0);
}

/* Duplicate puts a deep copy right after the board, and shows it. */
static void
test_duplicate (void)
{
  GtmWindow *window = open_sample ();
  GtmBoard *original = board_at (window, 0);
  GtmBoard *next = board_at (window, 1);
  guint n = n_boards (window);
  g_autofree char *copy_name = g_strdup_printf ("%s (Copy)", gtm_board_get_name (original));
  GtmBoard *copy;

  gtm_test_activate (window, "duplicate-board");
  g_assert_cmpuint (n_boards (window), ==, n + 1);
  copy = board_at (window, 1);
  g_assert_true (copy != original);
  g_assert_true (board_at (window, 2) == next);
  g_assert_cmpstr (gtm_board_get_name (copy), ==, copy_name);
  g_assert_cmpstr (gtm_board_get_background (copy), ==, gtm_board_get_background (original));
  assert_items_copied (copy, original);
  assert_sidebar (window, copy);
  assert_modified (window, TRUE);
  g_assert_cmpstr (gtm_history_get_undo_label (gtm_test_window_history (window)), ==, "Duplicate Board");

  /* Undo takes the copy away; the board that took its place is shown. */
  gtm_test_activate (window, "undo");
  g_assert_cmpuint (n_boards (window), ==, n);
  assert_sidebar (window, next);
  assert_modified (window, FALSE);

  gtm_test_activate (window, "redo");
  g_assert_true (board_at (window, 1) == copy);
  assert_sidebar (window, copy);
  assert_items_copied (copy, original);

  gtm_test_close_all ();
}

/* Delete shows a neighbour and a toast whose Undo brings the board back;
 * Ctrl+Z does too. */
static void
test_delete (void)
{
  GtmWindow *window = open_sample ();
  guint n = n_boards (window);
  GtmBoard *victim = board_at (window, 1);
  GtmBoard *next = board_at (window, 2);
  /* The title is markup. */
  g_autofree char *toast_title = g_markup_printf_escaped ("“%s” deleted", gtm_board_get_name (victim));
  AdwToast *toast;

  select_board (window, 1);
  gtm_test_activate (window, "delete-board");
  g_assert_cmpuint (n_boards (window), ==, n - 1);
  g_assert_null (gtm_node_get_parent (GTM_NODE (victim)));
  assert_sidebar (window, next);
  assert_modified (window, TRUE);
  g_assert_cmpstr (gtm_history_get_undo_label (gtm_test_window_history (window)), ==, "Delete Board");

  toast = gtm_window_get_delete_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, toast_title);
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  gtm_test_settle ();
  gtm_test_click_button (GTK_WIDGET (gtm_test_template_child (window, "toast_overlay")), "_Undo");
  g_assert_cmpuint (n_boards (window), ==, n);
  g_assert_true (board_at (window, 1) == victim);
  assert_sidebar (window, victim);
  assert_modified (window, FALSE);
  gtm_test_wait_until (gtm_window_get_delete_toast (window) == NULL);

  /* The Delete key in the sidebar; Ctrl+Z (win.undo) and Ctrl+Shift+Z. */
  press_in_sidebar (window, "Delete");
  g_assert_cmpuint (n_boards (window), ==, n - 1);
  assert_sidebar (window, next);
  gtm_test_activate (window, "undo");
  assert_sidebar (window, victim);
  gtm_test_wait_until (gtm_window_get_delete_toast (window) == NULL);
  gtm_test_activate (window, "redo");
  assert_sidebar (window, next);

  /* The last board's neighbour is the one before it. */
  select_board (window, n_boards (window) - 1);
  gtm_test_activate (window, "delete-board");
  assert_sidebar (window, board_at (window, n_boards (window) - 1));

  gtm_test_close_all ();
}

/* Deleting again while the last toast is still sliding away (an undo
 * dismissed it) shows the new toast once that one is gone: libadwaita 1.2
 * crashes when a toast comes while another goes. */
static void
test_delete_undo_quickly (void)
{
  GtmWindow *window = open_sample ();
  guint n = n_boards (window);

  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  select_board (window, 1);
  for (guint i = 0; i < 6; i++)
    {
      gtm_test_activate (window, "delete-board");
      g_assert_cmpuint (n_boards (window), ==, n - 1);
      g_assert_nonnull (gtm_window_get_delete_toast (window));
      gtm_test_settle ();
      gtm_test_activate (window, "undo");
      g_assert_cmpuint (n_boards (window), ==, n);
      /* A deleted board came back: its toast has nothing left to undo. */
      gtm_test_wait_until (gtm_window_get_delete_toast (window) == NULL);
    }

  /* Two deletions in a row: one toast, about the last. */
  gtm_test_activate (window, "delete-board");
  gtm_test_activate (window, "delete-board");
  g_assert_cmpuint (n_boards (window), ==, n - 2);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (gtm_window_get_delete_toast (window)), "“"));
  gtm_test_wait_until (gtm_test_widget_shows_text (GTK_WIDGET (gtm_test_template_child (window, "toast_overlay")),
                                                   adw_toast_get_title (gtm_window_get_delete_toast (window))));
  gtm_test_click_button (GTK_WIDGET (gtm_test_template_child (window, "toast_overlay")), "_Undo");
  g_assert_cmpuint (n_boards (window), ==, n - 1);

  gtm_test_close_all ();
}

/* Move Up / Move Down (Alt+Up / Alt+Down) and drag and drop reorder the
 * boards as one step; the board shown stays shown and focused. */
static void
test_reorder (void)
{
  GtmWindow *window = open_sample ();
  GtkListBox *sidebar = gtm_window_get_sidebar (window);
  GtmBoardView *view = gtm_window_get_board_view (window);
  GtmBoard *first = board_at (window, 0);
  GtmBoard *second = board_at (window, 1);
  GtmBoard *third = board_at (window, 2);
  guint last = n_boards (window) - 1;

  select_board (window, 0);
  g_assert_false (gtm_test_action_enabled (window, "move-board-up"));
  g_assert_true (gtm_test_action_enabled (window, "move-board-down"));

  gtm_test_activate (window, "move-board-down");
  g_assert_true (board_at (window, 0) == second);
  g_assert_true (board_at (window, 1) == first);
  assert_sidebar (window, first);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 1)));
  g_assert_true (gtm_test_action_enabled (window, "move-board-up"));
  assert_modified (window, TRUE);
  g_assert_cmpstr (gtm_history_get_undo_label (gtm_test_window_history (window)), ==, "Move Board");

  gtm_test_activate (window, "undo");
  g_assert_true (board_at (window, 0) == first);
  assert_sidebar (window, first);
  assert_modified (window, FALSE);
  gtm_test_activate (window, "redo");
  g_assert_true (board_at (window, 1) == first);
  assert_sidebar (window, first);

  /* Alt+Down, Alt+Up, from the keyboard focus on the row. */
  press_in_sidebar (window, "<Alt>Down");
  g_assert_true (board_at (window, 2) == first);
  assert_sidebar (window, first);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 2)));
  press_in_sidebar (window, "<Alt>Up");
  press_in_sidebar (window, "<Alt>Up");
  g_assert_true (board_at (window, 0) == first);
  assert_sidebar (window, first);
  g_assert_false (gtm_test_action_enabled (window, "move-board-up"));
  g_assert_cmpuint (gtm_history_get_n_undo (gtm_test_window_history (window)), ==, 4);

  /* The last board can't go further down. */
  select_board (window, last);
  g_assert_false (gtm_test_action_enabled (window, "move-board-down"));

  /* Dropping the first board on the lower half of the third's row puts it
   * after the third; the view keeps showing the board it shows. (What a
   * drop target is given by a drag of the first row: a real drag needs
   * pointer input this test doesn't have.) */
  select_board (window, 1);
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, 2);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));
    g_auto(GValue) value = G_VALUE_INIT;
    GtkDropTarget *target = NULL;
    gboolean dropped = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    /* Laid out, as a row the pointer is over is. */
    gtm_test_wait_until (gtk_widget_get_height (GTK_WIDGET (row)) > 0);

    g_value_init (&value, GTM_TYPE_BOARD);
    g_value_set_object (&value, first);
    g_signal_emit_by_name (target, "drop", &value, 10.0,
                           gtk_widget_get_height (GTK_WIDGET (row)) - 2.0, &dropped);
    g_assert_true (dropped);
  }
  g_assert_true (board_at (window, 0) == second);
  g_assert_true (board_at (window, 1) == third);
  g_assert_true (board_at (window, 2) == first);
  assert_sidebar (window, second);
  g_assert_true (gtm_board_view_get_board (view) == second);
  g_assert_cmpstr (gtm_history_get_undo_label (gtm_test_window_history (window)), ==, "Move Board");

  gtm_test_activate (window, "undo");
  g_assert_true (board_at (window, 0) == first);
  g_assert_true (board_at (window, 1) == second);
  assert_sidebar (window, second);

  gtm_test_close_all ();
}

/* The menu of a board row offers what the actions do, enabled for the
 * board it is opened on. */
static void
test_menu (void)
{
  GtmWindow *window = open_sample ();
  GtkPopover *menu = gtm_test_template_child (window, "board_menu_popover");
  GMenuModel *model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
  static const char * const expected[] = {
    "win.rename-board", "win.duplicate-board", "win.move-board-up", "win.move-board-down",
    "win.delete-board",
  };
  guint found = 0;

  for (int s = 0; s < g_menu_model_get_n_items (model); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, s, G_MENU_LINK_SECTION);

      for (int i = 0; i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION,
                                                          "s", &action));
          g_assert_cmpstr (action, ==, expected[found]);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));

  /* Shift+F10 opens it at the selected row. */
  select_board (window, 0);
  press_in_sidebar (window, "<Shift>F10");
  gtm_test_wait_until (gtk_widget_get_visible (GTK_WIDGET (menu)));
  g_assert_false (gtm_test_action_enabled (window, "move-board-up"));
  g_assert_true (gtm_test_action_enabled (window, "move-board-down"));
  gtk_popover_popdown (menu);

  /* Persona rows have none. */
  gtk_list_box_select_row (gtm_window_get_sidebar (window),
                           gtk_list_box_get_row_at_index (gtm_window_get_sidebar (window),
                                                          n_boards (window)));
  g_assert_false (gtm_test_action_enabled (window, "rename-board"));
  g_assert_false (gtm_test_action_enabled (window, "delete-board"));
  g_assert_false (gtm_test_action_enabled (window, "duplicate-board"));

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/boards/add", test_add);
  g_test_add_func ("/boards/rename", test_rename);
  g_test_add_func ("/boards/duplicate", test_duplicate);
  g_test_add_func ("/boards/delete", test_delete);
  g_test_add_func ("/boards/delete-undo-quickly", test_delete_undo_quickly);
  g_test_add_func ("/boards/reorder", test_reorder);
  g_test_add_func ("/boards/menu", test_menu);

  return gtm_test_run ();
}
