/* test-window.c — a project window: opening, boards, undo/redo, saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <string.h>

#include "gtm-core.h"
#include "gtm-board-editor.h"
#include "gtm-persona-page.h"
#include "gtm-test-utils.h"
#include "gtm-workbench-page.h"

/* Helpers ----------------------------------------------------------------- */

static GtmBoard *
board_at (GtmWindow *window,
          guint      index)
{
  g_autoptr(GtmBoard) board = g_list_model_get_item (gtm_project_get_boards (gtm_test_window_project (window)), index);

  return board; /* owned by the project */
}

/* The first note of @board, or NULL. */
static GtmItem *
find_note (GtmBoard *board)
{
  GListModel *items = gtm_board_get_items (board);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (items, i);

      if (GTM_IS_NOTE (item))
        return item;
    }

  return NULL;
}

static const char *
window_subtitle (GtmWindow *window)
{
  GObject *title = gtk_widget_get_template_child (GTK_WIDGET (window), GTM_TYPE_WINDOW, "window_title");

  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

static const char *
window_title (GtmWindow *window)
{
  GObject *title = gtk_widget_get_template_child (GTK_WIDGET (window), GTM_TYPE_WINDOW, "window_title");

  return adw_window_title_get_title (ADW_WINDOW_TITLE (title));
}

/* Whether @board's note (if any) is drawn in the board view and the
 * background around the items is the board's colour. */
static void
assert_board_drawn (GtmWindow *window,
                    GtmBoard  *board)
{
  GtmBoardView *view = gtm_window_get_board_view (window);
  guint32 background = gtm_test_parse_color (gtm_board_get_background (board));
  g_autoptr(GdkTexture) texture = NULL;
  GtmItem *note = find_note (board);

  g_assert_true (gtm_board_view_get_board (view) == board);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (view), gtm_window_get_visible_page (window)));
  gtm_test_wait_until (gtm_board_view_get_n_draws (view) > 0);

  texture = gtm_test_render_widget (GTK_WIDGET (view));

  /* The view is fitted to the items with a margin, so a corner is empty. */
  g_assert_false (gtm_test_colors_differ (gtm_test_texture_pixel (texture, 2, 2), background, 3));

  if (note != NULL)
    {
      double x, y;

      gtm_board_view_to_widget (view,
                                gtm_item_get_x (note) + gtm_item_get_width (note) / 2.0,
                                gtm_item_get_y (note) + gtm_item_get_height (note) / 2.0,
                                &x, &y);
      g_assert_cmpfloat (x, >, 0);
      g_assert_cmpfloat (y, >, 0);
      g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (view)));
      g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (view)));

      /* A note is drawn there: something other than the background. Text
       * may cross the centre, so look at a few points around it. */
      {
        gboolean found = FALSE;
        int probes[][2] = { { 0, 0 }, { -8, -8 }, { 8, 8 }, { -8, 8 }, { 8, -8 } };

        for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
          found |= gtm_test_colors_differ (gtm_test_texture_pixel (texture, x + probes[i][0], y + probes[i][1]),
                                           background, 10);
        g_assert_true (found);
      }
    }
}

/* Tests ------------------------------------------------------------------- */

static void
test_open_sample (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);
  GtmProject *project = gtm_test_window_project (window);
  GListModel *boards = gtm_project_get_boards (project);
  GListModel *personas = gtm_project_get_personas (project);
  GtkListBox *sidebar = gtm_window_get_sidebar (window);
  guint n_boards = g_list_model_get_n_items (boards);
  guint n_personas = g_list_model_get_n_items (personas);
  GSettings *settings = gtm_application_get_settings (gtm_test_get_app ());
  g_auto(GStrv) recent = NULL;
  g_autofree char *uri = g_file_get_uri (sample);
  GtkWidget *header;

  g_assert_cmpuint (n_boards, >=, 2);
  g_assert_cmpuint (n_personas, >=, 1);

  /* The title is the project's, unmodified; the subtitle says where. */
  g_assert_cmpstr (window_title (window), ==, gtm_project_get_title (project));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, gtm_project_get_title (project));
  g_assert_true (g_str_has_suffix (window_subtitle (window), "saas-launch.gtm"));
  g_assert_false (gtm_test_action_enabled (window, "undo"));
  g_assert_false (gtm_test_action_enabled (window, "redo"));
  g_assert_true (gtm_test_action_enabled (window, "save"));

  /* The sidebar: a row per board, then a row per persona, under headings. */
  for (guint i = 0; i < n_boards; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);
      g_autoptr(GtmBoard) board = g_list_model_get_item (boards, i);

      g_assert_nonnull (row);
      g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (row), gtm_board_get_name (board)));
    }
  for (guint i = 0; i < n_personas; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, n_boards + i);
      g_autoptr(GtmPersona) persona = g_list_model_get_item (personas, i);

      g_assert_nonnull (row);
      g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (row), gtm_persona_get_name (persona)));
      g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (row),
                                        gtm_persona_kind_to_label (gtm_persona_get_kind (persona))));
    }
  /* Then the workbench's pages, each once. */
  {
    guint n_pages;
    const GtmWorkbenchPageInfo *infos = gtm_workbench_page_get_infos (&n_pages);

    for (guint i = 0; i < n_pages; i++)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, n_boards + n_personas + i);

        g_assert_nonnull (row);
        g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (row), infos[i].title));
      }
    g_assert_null (gtk_list_box_get_row_at_index (sidebar, n_boards + n_personas + n_pages));
    header = gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (sidebar, n_boards + n_personas));
    g_assert_true (GTK_IS_LABEL (header));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, "Workbench");
  }

  header = gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (sidebar, 0));
  g_assert_true (GTK_IS_LABEL (header));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, "Boards");
  header = gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (sidebar, n_boards));
  g_assert_true (GTK_IS_LABEL (header));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, "Personas");
  g_assert_null (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (sidebar, 1)));

  /* The first board is selected and drawn. */
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == gtk_list_box_get_row_at_index (sidebar, 0));
  assert_board_drawn (window, board_at (window, 0));

  /* It is now the most recent project. */
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_nonnull (recent[0]);
  g_assert_cmpstr (recent[0], ==, uri);

  /* Opening it again presents the same window. */
  gtm_application_open_file (gtm_test_get_app (), sample, NULL);
  gtm_test_settle ();
  g_assert_cmpuint (gtm_test_count_windows (), ==, 1);
  g_assert_true (gtm_application_find_window (gtm_test_get_app (), sample) == window);

  gtm_test_close_all ();
}

static void
test_recent_menu (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmApplication *app = gtm_test_get_app ();
  GMenuModel *menu = gtm_application_get_recent_menu (app);
  g_autoptr(GMenuModel) section = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *uri = g_file_get_uri (sample);
  g_autofree char *missing_uri = g_strconcat (uri, "-gone.gtm", NULL);
  const char *recent[] = { missing_uri, uri, NULL };
  g_autofree char *label = NULL;
  GtmWindow *window;

  /* A file that no longer exists is left out of the menu. */
  g_settings_set_strv (gtm_application_get_settings (app), "recent-projects", recent);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 1);
  target = g_menu_model_get_item_attribute_value (section, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
  g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  g_assert_cmpstr (label, ==, "saas-launch.gtm");

  /* Choosing it opens the project. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", target);
  gtm_test_wait_until ((window = gtm_application_find_window (app, sample)) != NULL);

  /* Opening moved it to the top and dropped nothing else. */
  {
    g_auto(GStrv) now = g_settings_get_strv (gtm_application_get_settings (app), "recent-projects");

    g_assert_cmpstr (now[0], ==, uri);
  }

  gtm_test_close_all ();

  /* Nothing recent: one insensitive entry says so. */
  g_settings_set_strv (gtm_application_get_settings (app), "recent-projects", NULL);
  g_clear_object (&section);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 1);
  g_clear_pointer (&label, g_free);
  g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  g_assert_cmpstr (label, ==, "No Recent Projects");
  g_assert_false (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", NULL));
}

static void
test_new_window_is_reused (void)
{
  GtmApplication *app = gtm_test_get_app ();
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window;

  gtm_test_assert_accel ("app.new", "<Control>n");
  gtm_test_assert_accel ("app.open", "<Control>o");

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  gtm_test_wait_until (gtm_test_count_windows () == 1);
  window = GTM_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_cmpstr (window_title (window), ==, "Untitled Project");
  g_assert_cmpstr (window_subtitle (window), ==, "Draft");
  g_assert_true (gtm_document_is_pristine (gtm_window_get_document (window)));

  /* An untouched untitled window takes the project the user opens. */
  gtm_application_open_file (app, sample, window);
  gtm_test_wait_until (gtm_application_find_window (app, sample) != NULL);
  g_assert_true (gtm_application_find_window (app, sample) == window);
  g_assert_cmpuint (gtm_test_count_windows (), ==, 1);

  /* A new window after that is a second one. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  gtm_test_wait_until (gtm_test_count_windows () == 2);

  gtm_test_close_all ();
}

static void
test_switch_boards (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);
  GtmBoardView *view = gtm_window_get_board_view (window);
  GtkListBox *sidebar = gtm_window_get_sidebar (window);
  guint n_boards = g_list_model_get_n_items (gtm_project_get_boards (gtm_test_window_project (window)));
  g_autoptr(GtmPersona) persona = g_list_model_get_item (gtm_project_get_personas (gtm_test_window_project (window)), 0);
  GtkWidget *persona_page;
  guint draws;

  gtm_test_wait_until (gtm_board_view_get_n_draws (view) > 0);
  draws = gtm_board_view_get_n_draws (view);

  /* Selecting the second board's row shows that board. */
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 1));
  g_assert_true (gtm_board_view_get_board (view) == board_at (window, 1));
  gtm_test_wait_until (gtm_board_view_get_n_draws (view) > draws);
  assert_board_drawn (window, board_at (window, 1));
  g_assert_true (gtm_test_action_enabled (window, "zoom-in"));

  /* A persona's row shows its summary; zooming has nothing to do. */
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, n_boards));
  persona_page = gtm_window_get_visible_page (window);
  g_assert_true (GTM_IS_PERSONA_PAGE (persona_page));
  g_assert_true (gtm_persona_page_get_persona (GTM_PERSONA_PAGE (persona_page)) == persona);
  g_assert_true (gtm_test_widget_shows_text (persona_page, gtm_persona_get_name (persona)));
  g_assert_false (gtm_test_action_enabled (window, "zoom-in"));

  /* And back to the first board. */
  gtm_window_select_board (window, 0);
  assert_board_drawn (window, board_at (window, 0));

  gtm_test_close_all ();
}

static void
test_zoom (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);
  GtmBoardView *view = gtm_window_get_board_view (window);
  GtkWidget *editor = gtk_widget_get_ancestor (GTK_WIDGET (view), GTM_TYPE_BOARD_EDITOR);
  GtkLabel *zoom_label = GTK_LABEL (gtk_widget_get_template_child (editor, GTM_TYPE_BOARD_EDITOR,
                                                                   "zoom_label"));
  double fitted = gtm_board_view_get_zoom (view);

  gtm_test_assert_accel ("win.zoom-in", "<Control>plus");
  gtm_test_assert_accel ("win.zoom-out", "<Control>minus");
  gtm_test_assert_accel ("win.zoom-reset", "<Control>1");
  gtm_test_assert_accel ("win.zoom-fit", "<Control>0");

  gtm_test_activate (window, "zoom-reset");
  g_assert_cmpfloat (gtm_board_view_get_zoom (view), ==, 1.0);
  g_assert_cmpstr (gtk_label_get_text (zoom_label), ==, "100%");

  gtm_test_activate (window, "zoom-in");
  g_assert_cmpfloat (gtm_board_view_get_zoom (view), ==, 1.25);
  g_assert_cmpstr (gtk_label_get_text (zoom_label), ==, "125%");

  gtm_test_activate (window, "zoom-out");
  gtm_test_activate (window, "zoom-out");
  g_assert_cmpfloat (gtm_board_view_get_zoom (view), ==, 0.75);

  for (guint i = 0; i < 20; i++)
    gtm_test_activate (window, "zoom-in");
  g_assert_cmpfloat (gtm_board_view_get_zoom (view), ==, 8.0);

  gtm_test_activate (window, "zoom-fit");
  g_assert_cmpfloat_with_epsilon (gtm_board_view_get_zoom (view), fitted, 1e-9);
  assert_board_drawn (window, board_at (window, 0));

  gtm_test_close_all ();
}

static void
test_undo_redo (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);
  GtmBoardView *view = gtm_window_get_board_view (window);
  GtmHistory *history = gtm_document_get_history (gtm_window_get_document (window));
  const char *title = gtm_project_get_title (gtm_test_window_project (window));
  g_autofree char *marked = g_strdup_printf ("• %s", title);
  GtmItem *note = find_note (board_at (window, 0));
  double x;
  guint draws;

  g_assert_nonnull (note);
  x = gtm_item_get_x (note);
  gtm_test_assert_accel ("win.undo", "<Control>z");
  gtm_test_assert_accel ("win.redo", "<Control><Shift>z");

  gtm_test_wait_until (gtm_board_view_get_n_draws (view) > 0);
  draws = gtm_board_view_get_n_draws (view);

  /* An edit: the title gets the mark and the board is drawn again. */
  gtm_history_set (history, GTM_NODE (note), "x", x + 80.0, NULL);
  g_assert_cmpstr (window_title (window), ==, marked);
  g_assert_true (gtm_test_action_enabled (window, "undo"));
  g_assert_false (gtm_test_action_enabled (window, "redo"));
  gtm_test_wait_until (gtm_board_view_get_n_draws (view) > draws);

  /* Undo puts it back; the mark goes. */
  draws = gtm_board_view_get_n_draws (view);
  gtm_test_activate (window, "undo");
  g_assert_cmpfloat (gtm_item_get_x (note), ==, x);
  g_assert_cmpstr (window_title (window), ==, title);
  g_assert_false (gtm_test_action_enabled (window, "undo"));
  g_assert_true (gtm_test_action_enabled (window, "redo"));
  gtm_test_wait_until (gtm_board_view_get_n_draws (view) > draws);

  /* Redo applies it again. */
  gtm_test_activate (window, "redo");
  g_assert_cmpfloat (gtm_item_get_x (note), ==, x + 80.0);
  g_assert_cmpstr (window_title (window), ==, marked);
  g_assert_true (gtm_test_action_enabled (window, "undo"));
  g_assert_false (gtm_test_action_enabled (window, "redo"));

  gtm_test_close_all ();
}

static void
test_save_as (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);
  GtmDocument *document = gtm_window_get_document (window);
  GtmProject *project = gtm_test_window_project (window);
  GtmItem *note = find_note (board_at (window, 0));
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "copy 副本.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *sample_before = NULL;
  g_autofree char *sample_after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) recent = NULL;
  const char *check[] = { "check", path, NULL };

  gtm_test_assert_accel ("win.save", "<Control>s");
  gtm_test_assert_accel ("win.save-as", "<Control><Shift>s");
  g_assert_true (g_file_load_contents (sample, NULL, &sample_before, NULL, NULL, NULL));

  gtm_history_set (gtm_document_get_history (document), GTM_NODE (note),
                   "text", "Saved as a copy 另存为", NULL);
  g_assert_true (g_str_has_prefix (window_title (window), "• "));

  /* What the Save As dialog does once the user picked a file. */
  gtm_window_save_to_file (window, file);
  g_assert_true (gtm_document_get_saving (document));
  g_assert_false (gtm_test_action_enabled (window, "save"));

  /* A second choice made while the first save runs is refused aloud. */
  {
    g_autofree char *other_path = g_build_filename (dir, "second.gtm", NULL);
    g_autoptr(GFile) other = g_file_new_for_path (other_path);
    AdwToast *toast;

    gtm_window_save_to_file (window, other);
    toast = gtm_window_get_error_toast (window);
    g_assert_nonnull (toast);
    g_assert_cmpstr (adw_toast_get_title (toast), ==, "Could not save “second.gtm”");
    adw_toast_dismiss (toast);
    gtm_test_wait_until (!gtm_document_get_saving (document));
    g_assert_false (g_file_query_exists (other, NULL));
  }

  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_null (gtm_window_get_error_toast (window));
  g_assert_cmpstr (window_title (window), ==, gtm_project_get_title (project));
  g_assert_true (g_str_has_suffix (window_subtitle (window), "copy 副本.gtm"));
  g_assert_true (g_file_equal (gtm_document_get_file (document), file));
  g_assert_true (gtm_test_action_enabled (window, "save"));

  /* The saved file passes `gtm-studio check` and holds the edit; the
   * sample it came from is untouched. */
  g_assert_cmpint (gtm_test_run_cli (check, &out), ==, 0);
  expected = g_strdup_printf ("%s: ok, %u boards, %u items, %u personas\n", path,
                              g_list_model_get_n_items (gtm_project_get_boards (project)),
                              gtm_project_count_items (project),
                              g_list_model_get_n_items (gtm_project_get_personas (project)));
  g_assert_cmpstr (out, ==, expected);
  {
    g_autoptr(GtmDocument) reread = gtm_document_load (file, NULL, NULL);
    GtmBoard *board = NULL;
    g_autoptr(GtmBoard) first = g_list_model_get_item (gtm_project_get_boards (gtm_document_get_project (reread)), 0);

    board = first;
    g_assert_cmpstr (gtm_item_get_text (find_note (board)), ==, "Saved as a copy 另存为");
  }
  g_assert_true (g_file_load_contents (sample, NULL, &sample_after, NULL, NULL, NULL));
  g_assert_cmpstr (sample_before, ==, sample_after);

  /* The copy is now the most recent project. */
  recent = g_settings_get_strv (gtm_application_get_settings (gtm_test_get_app ()), "recent-projects");
  g_assert_cmpstr (recent[0], ==, uri);

  gtm_test_close_all ();
}

static void
test_save_failure_keeps_edits (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);
  GtmDocument *document = gtm_window_get_document (window);
  GtmItem *note = find_note (board_at (window, 0));
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *blocker = g_build_filename (dir, "a-file", NULL);
  g_autofree char *path = g_build_filename (blocker, "project.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwToast *toast;

  /* A path inside a regular file: ENOTDIR, even for root. */
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));

  gtm_history_set (gtm_document_get_history (document), GTM_NODE (note), "y", 777.0, NULL);
  gtm_window_save_to_file (window, file);
  gtm_test_wait_until (!gtm_document_get_saving (document));

  /* The user sees why; the edits and the modified mark stay. */
  toast = gtm_window_get_error_toast (window);
  g_assert_nonnull (toast);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (toast), "Could not save “project.gtm”"));
  g_assert_true (g_str_has_prefix (window_title (window), "• "));
  g_assert_true (gtm_document_get_modified (document));
  g_assert_true (g_file_equal (gtm_document_get_file (document), sample));
  g_assert_cmpfloat (gtm_item_get_y (note), ==, 777.0);
  g_assert_false (g_file_query_exists (file, NULL));

  /* Its Details button gives the whole reason. */
  g_signal_emit_by_name (toast, "button-clicked");
  {
    AdwMessageDialog *dialog;

    gtm_test_wait_until ((dialog = gtm_test_find_message_dialog (GTK_WINDOW (window))) != NULL);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is not a folder"));
    gtm_test_respond (dialog, "close");
  }

  gtm_test_close_all ();
}

/* The “GTM Studio Projects” filter of @chooser shows projects by name and
 * by type, as the file manager knows them, and nothing else. */
static void
assert_project_filter (GtkFileChooser *chooser)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);
  g_autoptr(GFileInfo) by_type = g_file_info_new ();
  g_autoptr(GFileInfo) by_name = g_file_info_new ();
  g_autoptr(GFileInfo) other = g_file_info_new ();
  GtkFilter *projects = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (g_strcmp0 (gtk_file_filter_get_name (filter), "GTM Studio Projects") == 0)
        projects = GTK_FILTER (filter);
    }
  g_assert_nonnull (projects);
  g_assert_true (gtk_file_chooser_get_filter (chooser) == GTK_FILE_FILTER (projects));

  g_file_info_set_display_name (by_type, "launch");
  g_file_info_set_content_type (by_type, "application/x-gtm-studio");
  g_file_info_set_display_name (by_name, "launch.gtm");
  g_file_info_set_content_type (by_name, "application/octet-stream");
  g_file_info_set_display_name (other, "notes.txt");
  g_file_info_set_content_type (other, "text/plain");

  g_assert_true (gtk_filter_match (projects, by_type));
  g_assert_true (gtk_filter_match (projects, by_name));
  g_assert_false (gtk_filter_match (projects, other));
}

/* The Open and Save dialogs show the same projects. */
static void
test_project_filter (void)
{
  GtmApplication *app = gtm_test_get_app ();
  GtmWindow *window = gtm_application_new_window (app);
  GtkFileChooser *chooser;

  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  g_action_group_activate_action (G_ACTION_GROUP (app), "open", NULL);
  gtm_test_wait_until ((chooser = gtm_test_find_file_chooser ()) != NULL);
  assert_project_filter (chooser);
  gtm_test_click_button (GTK_WIDGET (chooser), "_Cancel");
  gtm_test_wait_until (gtm_test_find_file_chooser () == NULL);

  g_action_group_activate_action (G_ACTION_GROUP (window), "save-as", NULL);
  gtm_test_wait_until ((chooser = gtm_test_find_file_chooser ()) != NULL);
  assert_project_filter (chooser);
  gtm_test_click_button (GTK_WIDGET (chooser), "_Cancel");
  gtm_test_wait_until (gtm_test_find_file_chooser () == NULL);

  gtm_test_close_all ();
}

/* Renames the first board: an edit any project can take. */
static void
rename_board (GtmWindow  *window,
              const char *name)
{
  GtmDocument *document = gtm_window_get_document (window);

  gtm_history_set (gtm_document_get_history (document), GTM_NODE (board_at (window, 0)),
                   "name", name, NULL);
  g_assert_true (gtm_document_get_modified (document));
}

/* Saves @window through its Save As dialog, typing @name. */
static void
save_as_typing (GtmWindow  *window,
                const char *folder,
                const char *name)
{
  GtkFileChooser *chooser;

  g_action_group_activate_action (G_ACTION_GROUP (window), "save-as", NULL);
  gtm_test_wait_until ((chooser = gtm_test_find_file_chooser ()) != NULL);
  gtm_test_choose_file (chooser, folder, name, "_Save");
  gtm_test_wait_until (gtm_test_find_file_chooser () == NULL);
}

static char *
board_name_in (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmDocument) document = gtm_document_load (file, NULL, &error);
  g_autoptr(GtmBoard) board = NULL;

  g_assert_no_error (error);
  board = g_list_model_get_item (gtm_project_get_boards (gtm_document_get_project (document)), 0);

  return g_strdup (gtm_board_get_name (board));
}

/* A name typed without an extension is saved as a .gtm file; the file
 * that name stands for is asked about before it is replaced. */
static void
test_save_as_adds_extension (void)
{
  GtmApplication *app = gtm_test_get_app ();
  GtmWindow *window = gtm_application_new_window (app);
  GtmDocument *document = gtm_window_get_document (window);
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *typed = g_build_filename (dir, "Launch plan", NULL);
  g_autofree char *expected = g_build_filename (dir, "Launch plan.gtm", NULL);
  g_autofree char *versioned = g_build_filename (dir, "Plan v2.0.gtm", NULL);
  g_autofree char *existing = g_build_filename (dir, "Existing.gtm", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  rename_board (window, "Plan 计划");
  save_as_typing (window, dir, "Launch plan");
  gtm_test_wait_until (!gtm_document_get_saving (document));

  g_assert_null (gtm_window_get_error_toast (window));
  g_assert_false (g_file_test (typed, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (g_file_peek_path (gtm_document_get_file (document)), ==, expected);
  g_assert_false (gtm_document_get_modified (document));
  name = board_name_in (expected);
  g_assert_cmpstr (name, ==, "Plan 计划");
  g_clear_pointer (&name, g_free);

  /* A dot in a name is not yet an extension. */
  rename_board (window, "Version 2");
  save_as_typing (window, dir, "Plan v2.0");
  gtm_test_wait_until (!gtm_document_get_saving (document));
  g_assert_cmpstr (g_file_peek_path (gtm_document_get_file (document)), ==, versioned);
  g_assert_false (gtm_document_get_modified (document));

  /* “Existing” stands for “Existing.gtm”, which is there: the user is
   * asked; Cancel leaves it alone and the edit unsaved. */
  g_assert_true (g_file_set_contents (existing, "older work", -1, NULL));
  rename_board (window, "Replacement");
  save_as_typing (window, dir, "Existing");
  gtm_test_wait_until ((dialog = gtm_test_find_message_dialog (GTK_WINDOW (window))) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Replace “Existing.gtm”?");
  gtm_test_respond (dialog, "cancel");
  gtm_test_settle ();
  g_assert_false (gtm_document_get_saving (document));
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "older work");
  g_assert_true (gtm_document_get_modified (document));
  g_assert_cmpstr (g_file_peek_path (gtm_document_get_file (document)), ==, versioned);

  /* Replace writes it. */
  save_as_typing (window, dir, "Existing");
  gtm_test_wait_until ((dialog = gtm_test_find_message_dialog (GTK_WINDOW (window))) != NULL);
  gtm_test_respond (dialog, "replace");
  gtm_test_wait_until (!gtm_document_get_saving (document) &&
                       !gtm_document_get_modified (document));
  g_assert_cmpstr (g_file_peek_path (gtm_document_get_file (document)), ==, existing);
  name = board_name_in (existing);
  g_assert_cmpstr (name, ==, "Replacement");

  gtm_test_close_all ();
}

/* Saving over a project open in another window would have the two windows
 * overwrite each other's work: refused, with the reason. */
static void
test_save_as_onto_open_file (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "open.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtmWindow *shown;
  GtmWindow *window;
  GtmDocument *document;
  AdwToast *toast;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_copy (sample, file, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  shown = gtm_test_open (file);
  window = gtm_test_open (sample);
  document = gtm_window_get_document (window);
  g_assert_true (shown != window);

  rename_board (window, "Not over the other window's file");
  /* What the Save As dialog does once the user picked the file. */
  gtm_window_save_to_file (window, file);
  g_assert_false (gtm_document_get_saving (document));

  toast = gtm_window_get_error_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Could not save “open.gtm”");
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_true (g_file_equal (gtm_document_get_file (document), sample));
  g_assert_true (gtm_document_get_modified (document));
  g_assert_false (gtm_document_get_modified (gtm_window_get_document (shown)));

  g_signal_emit_by_name (toast, "button-clicked");
  gtm_test_wait_until ((dialog = gtm_test_find_message_dialog (GTK_WINDOW (window))) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "open in another window"));
  gtm_test_respond (dialog, "close");

  gtm_test_close_all ();
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* Files dropped on a window open, the first in the window if it holds an
 * untouched untitled project, the others in windows of their own. */
static void
test_drop_files (void)
{
  GtmApplication *app = gtm_test_get_app ();
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  g_autoptr(GFile) other = gtm_test_get_data_file ("format-v1.gtm");
  g_autoptr(GSList) files = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target;
  GtmWindow *window;
  gboolean accepted = FALSE;

  window = gtm_application_new_window (app);
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  target = find_drop_target (GTK_WIDGET (window));
  g_assert_nonnull (target);

  files = g_slist_append (files, sample);
  files = g_slist_append (files, other);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));

  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);

  gtm_test_wait_until (gtm_application_find_window (app, sample) != NULL &&
                       gtm_application_find_window (app, other) != NULL);
  g_assert_cmpuint (gtm_test_count_windows (), ==, 2);
  g_assert_true (gtm_application_find_window (app, sample) == window ||
                 gtm_application_find_window (app, other) == window);

  gtm_test_close_all ();
}

/* The window's size is remembered for the next one. */
static void
test_window_size_remembered (void)
{
  GtmApplication *app = gtm_test_get_app ();
  GSettings *settings = gtm_application_get_settings (app);
  GtmWindow *window = gtm_application_new_window (app);
  int width, height;

  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  /* What a resize by the user leaves in the default size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1010, 707);
  gtk_window_close (GTK_WINDOW (window));
  gtm_test_wait_until (gtm_test_count_windows () == 0);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1010);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 707);

  window = gtm_application_new_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 707);

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/window/open-sample", test_open_sample);
  g_test_add_func ("/window/recent-menu", test_recent_menu);
  g_test_add_func ("/window/new-window-is-reused", test_new_window_is_reused);
  g_test_add_func ("/window/switch-boards", test_switch_boards);
  g_test_add_func ("/window/zoom", test_zoom);
  g_test_add_func ("/window/undo-redo", test_undo_redo);
  g_test_add_func ("/window/save-as", test_save_as);
  g_test_add_func ("/window/save-failure-keeps-edits", test_save_failure_keeps_edits);
  g_test_add_func ("/window/project-filter", test_project_filter);
  g_test_add_func ("/window/save-as-adds-extension", test_save_as_adds_extension);
  g_test_add_func ("/window/save-as-onto-open-file", test_save_as_onto_open_file);
  g_test_add_func ("/window/drop-files", test_drop_files);
  g_test_add_func ("/window/size-remembered", test_window_size_remembered);

  return gtm_test_run ();
}
