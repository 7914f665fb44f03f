/* test-close.c — closing and quitting never lose unsaved work silently
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-close"

#include "config.h"

#include <string.h>

#include "gtm-core.h"
#include "gtm-test-utils.h"

/* A copy of the sample in a temporary folder, so saving it is harmless. */
static GFile *
copy_sample (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "launch.gtm", NULL);
  GFile *copy = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_copy (sample, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return copy;
}

static GtmItem *
first_item (GtmWindow *window)
{
  GtmProject *project = gtm_document_get_project (gtm_window_get_document (window));
  g_autoptr(GtmBoard) board = g_list_model_get_item (gtm_project_get_boards (project), 0);
  g_autoptr(GtmItem) item = g_list_model_get_item (gtm_board_get_items (board), 0);

  return item; /* owned by the board */
}

static void
edit (GtmWindow *window)
{
  GtmItem *item = first_item (window);

  gtm_history_set (gtm_document_get_history (gtm_window_get_document (window)), GTM_NODE (item),
                   "x", gtm_item_get_x (item) + 25.0, NULL);
  g_assert_true (gtm_document_get_modified (gtm_window_get_document (window)));
}

static gboolean
window_is_open (GtmWindow *window)
{
  return g_list_find (gtk_application_get_windows (GTK_APPLICATION (gtm_test_get_app ())), window) != NULL;
}

static double
saved_x (GFile *file)
{
  g_autoptr(GtmDocument) document = gtm_document_load (file, NULL, NULL);
  GtmProject *project = gtm_document_get_project (document);
  g_autoptr(GtmBoard) board = g_list_model_get_item (gtm_project_get_boards (project), 0);
  g_autoptr(GtmItem) item = g_list_model_get_item (gtm_board_get_items (board), 0);

  return gtm_item_get_x (item);
}

static void
test_unsaved_cancel_then_discard (void)
{
  g_autoptr(GFile) file = copy_sample ();
  GtmWindow *window = gtm_test_open (file);
  const char *title = gtm_document_get_title (gtm_window_get_document (window));
  double x = saved_x (file);
  AdwMessageDialog *dialog;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (gtm_test_get_app ()),
                                                                "win.close");

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>w"));
  edit (window);

  /* Closing a modified project asks first. */
  gtk_window_close (GTK_WINDOW (window));
  gtm_test_wait_until ((dialog = gtm_test_find_message_dialog (GTK_WINDOW (window))) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), title));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "save"), ==,
                   ADW_RESPONSE_SUGGESTED);
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");

  /* Cancel: the window and the edit stay. */
  gtm_test_respond (dialog, "cancel");
  gtm_test_wait_until (gtm_test_find_message_dialog (GTK_WINDOW (window)) == NULL);
  gtm_test_settle ();
  g_assert_true (window_is_open (window));
  g_assert_true (gtm_document_get_modified (gtm_window_get_document (window)));

  /* Ctrl+W asks again; Discard closes without saving. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "close", NULL);
  gtm_test_wait_until ((dialog = gtm_test_find_message_dialog (GTK_WINDOW (window))) != NULL);
  gtm_test_respond (dialog, "discard");
  gtm_test_wait_until (!window_is_open (window));
  g_assert_cmpfloat (saved_x (file), ==, x);

  gtm_test_close_all ();
}

static void
test_unsaved_save (void)
{
  g_autoptr(GFile) file = copy_sample ();
  GtmWindow *window = gtm_test_open (file);
  double x = saved_x (file);
  AdwMessageDialog *dialog;

  edit (window);
  gtk_window_close (GTK_WINDOW (window));
  gtm_test_wait_until ((dialog = gtm_test_find_message_dialog (GTK_WINDOW (window))) != NULL);

  /* Save writes the file, then the window closes. */
  gtm_test_respond (dialog, "save");
  gtm_test_wait_until (!window_is_open (window));
  g_assert_cmpfloat (saved_x (file), ==, x + 25.0);

  gtm_test_close_all ();
}

static void
test_unmodified_closes_at_once (void)
{
  g_autoptr(GFile) file = copy_sample ();
  GtmWindow *window = gtm_test_open (file);

  gtk_window_close (GTK_WINDOW (window));
  gtm_test_wait_until (!window_is_open (window));
  g_assert_null (gtm_test_find_message_dialog (NULL));
}

static void
test_close_waits_for_save (void)
{
  g_autoptr(GFile) file = copy_sample ();
  GtmWindow *window = gtm_test_open (file);
  GtmDocument *document = gtm_window_get_document (window);
  double x = saved_x (file);

  edit (window);
  gtm_window_save_to_file (window, NULL);
  g_assert_true (gtm_document_get_saving (document));

  /* Refused while the file is being written, without asking anything… */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (window_is_open (window));
  g_assert_null (gtm_test_find_message_dialog (GTK_WINDOW (window)));

  /* …and closed as soon as the save has ended. */
  gtm_test_wait_until (!window_is_open (window));
  g_assert_cmpfloat (saved_x (file), ==, x + 25.0);

  gtm_test_close_all ();
}

static void
test_quit_asks_each_window (void)
{
  GtmApplication *app = gtm_test_get_app ();
  g_autoptr(GFile) first_file = copy_sample ();
  g_autoptr(GFile) second_file = copy_sample ();
  GtmWindow *first = gtm_test_open (first_file);
  GtmWindow *second = gtm_test_open (second_file);
  GtmWindow *untouched;
  AdwMessageDialog *dialog;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>q"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  gtm_test_wait_until (gtm_test_count_windows () == 3);
  untouched = GTM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (untouched != first && untouched != second);

  edit (first);
  edit (second);

  /* Quit asks about the first modified window; Cancel stops quitting. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gtm_test_wait_until ((dialog = gtm_test_find_message_dialog (GTK_WINDOW (first))) != NULL ||
                       (dialog = gtm_test_find_message_dialog (GTK_WINDOW (second))) != NULL);
  gtm_test_respond (dialog, "cancel");
  gtm_test_settle ();
  g_assert_cmpuint (gtm_test_count_windows (), ==, 3);
  g_assert_null (gtm_test_find_message_dialog (GTK_WINDOW (first)));
  g_assert_null (gtm_test_find_message_dialog (GTK_WINDOW (second)));

  /* Quit again: one dialog per modified window, in turn; nothing closes
   * until every window has been answered. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gtm_test_wait_until ((dialog = gtm_test_find_message_dialog (GTK_WINDOW (first))) != NULL ||
                       (dialog = gtm_test_find_message_dialog (GTK_WINDOW (second))) != NULL);
  gtm_test_respond (dialog, "discard");
  gtm_test_wait_until ((dialog = gtm_test_find_message_dialog (GTK_WINDOW (first))) != NULL ||
                       (dialog = gtm_test_find_message_dialog (GTK_WINDOW (second))) != NULL);
  g_assert_cmpuint (gtm_test_count_windows (), ==, 3);
  gtm_test_respond (dialog, "save");

  gtm_test_wait_until (gtm_test_count_windows () == 0);
  /* Exactly one of the two was saved. */
  g_assert_cmpint ((saved_x (first_file) != saved_x (second_file)), ==, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/close/unsaved-cancel-then-discard", test_unsaved_cancel_then_discard);
  g_test_add_func ("/close/unsaved-save", test_unsaved_save);
  g_test_add_func ("/close/unmodified-closes-at-once", test_unmodified_closes_at_once);
  g_test_add_func ("/close/waits-for-save", test_close_waits_for_save);
  /* Last: it quits the application. */
  g_test_add_func ("/close/quit-asks-each-window", test_quit_asks_each_window);

  return gtm_test_run ();
}
