/* test-open-error.c — a file that can't be opened is explained in the
 * window, and the application carries on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-open-error"

#include "config.h"

#include <string.h>

#include "gtm-core.h"
#include "gtm-test-utils.h"

static void
assert_open_fails_in (GtmWindow  *window,
                      GFile      *file,
                      const char *reason)
{
  GtmApplication *app = gtm_test_get_app ();
  GtmDocument *before = gtm_window_get_document (window);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf ("Could not open “%s”", basename);
  guint n_windows = gtm_test_count_windows ();
  AdwToast *toast;
  AdwMessageDialog *dialog;

  if (gtm_window_get_error_toast (window) != NULL)
    adw_toast_dismiss (gtm_window_get_error_toast (window));
  g_assert_null (gtm_window_get_error_toast (window));

  gtm_application_open_file (app, file, window);
  gtm_test_wait_until ((toast = gtm_window_get_error_toast (window)) != NULL);
  g_assert_cmpuint (gtm_application_get_n_loading (app), ==, 0);

  /* The toast names the file; its details say why. */
  g_assert_cmpstr (adw_toast_get_title (toast), ==, heading);
  g_signal_emit_by_name (toast, "button-clicked");
  gtm_test_wait_until ((dialog = gtm_test_find_message_dialog (GTK_WINDOW (window))) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  g_assert_false (g_str_has_prefix (adw_message_dialog_get_body (dialog), "Could not"));
  if (reason != NULL)
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), reason));
  gtm_test_respond (dialog, "close");
  gtm_test_wait_until (gtm_test_find_message_dialog (GTK_WINDOW (window)) == NULL);

  /* Nothing else changed. */
  g_assert_cmpuint (gtm_test_count_windows (), ==, n_windows);
  g_assert_true (gtm_window_get_document (window) == before);
  g_assert_null (gtm_application_find_window (app, file));
}

static void
test_broken_files (void)
{
  GtmApplication *app = gtm_test_get_app ();
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  g_autoptr(GFile) bad = gtm_test_get_data_file ("bad/boards-not-list.gtm");
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *garbage_path = g_build_filename (dir, "garbage 乱码.gtm", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.gtm", NULL);
  g_autoptr(GFile) garbage = g_file_new_for_path (garbage_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autofree char *missing_uri = g_file_get_uri (missing);
  GtmWindow *window = gtm_test_open (sample);
  GtmWindow *other;
  GtmItem *item;
  g_autoptr(GtmBoard) board = NULL;
  g_autoptr(GtmItem) first = NULL;
  double zoom;

  g_assert_true (g_file_set_contents (garbage_path, "\x89PNG\r\n\x1a\n\xff\xfe not a project", -1, NULL));

  assert_open_fails_in (window, bad, "boards");
  assert_open_fails_in (window, garbage, NULL);

  /* A recent project that has gone is dropped from the list. */
  gtm_application_add_recent (app, missing);
  assert_open_fails_in (window, missing, NULL);
  {
    g_auto(GStrv) recent = g_settings_get_strv (gtm_application_get_settings (app), "recent-projects");

    g_assert_false (g_strv_contains ((const char * const *) recent, missing_uri));
  }

  /* The application is alive: a new window opens… */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  gtm_test_wait_until (gtm_test_count_windows () == 2);
  other = GTM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (other != window);
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (other)));

  /* …and the project window still works: zoom, edit, undo. */
  zoom = gtm_board_view_get_zoom (gtm_window_get_board_view (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-in", NULL);
  g_assert_cmpfloat (gtm_board_view_get_zoom (gtm_window_get_board_view (window)), >, zoom);

  board = g_list_model_get_item (gtm_project_get_boards (gtm_document_get_project (gtm_window_get_document (window))), 0);
  first = g_list_model_get_item (gtm_board_get_items (board), 0);
  item = first;
  gtm_history_set (gtm_document_get_history (gtm_window_get_document (window)), GTM_NODE (item),
                   "x", gtm_item_get_x (item) + 10, NULL);
  g_assert_true (gtm_document_get_modified (gtm_window_get_document (window)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_false (gtm_document_get_modified (gtm_window_get_document (window)));

  gtm_test_close_all ();
}

/* With no window at all (started with a broken file on the command line),
 * a window opens to say what went wrong. */
static void
test_broken_file_without_window (void)
{
  GtmApplication *app = gtm_test_get_app ();
  g_autoptr(GFile) bad = gtm_test_get_data_file ("bad/boards-not-list.gtm");
  GtmWindow *window;

  g_assert_cmpuint (gtm_test_count_windows (), ==, 0);
  g_application_open (G_APPLICATION (app), &bad, 1, "");
  gtm_test_wait_until (gtm_test_count_windows () == 1);

  window = GTM_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  gtm_test_wait_until (gtm_window_get_error_toast (window) != NULL);
  g_assert_true (g_str_has_prefix (adw_toast_get_title (gtm_window_get_error_toast (window)),
                                   "Could not open “boards-not-list.gtm”"));
  g_assert_true (gtm_document_is_pristine (gtm_window_get_document (window)));

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/open-error/broken-files", test_broken_files);
  g_test_add_func ("/open-error/broken-file-without-window", test_broken_file_without_window);

  return gtm_test_run ();
}
