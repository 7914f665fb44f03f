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

static AdwMessageDialog *
wait_for_dialog (GtmWindow *window)
{
  AdwMessageDialog *dialog;

  gtm_test_wait_until ((dialog = gtm_test_find_message_dialog (GTK_WINDOW (window))) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");

  return dialog;
}

/* Closing again while the question is up asks nothing more; the one
 * answer closes the window once. */
static void
test_close_twice_asks_once (void)
{
  g_autoptr(GFile) file = copy_sample ();
  GtmWindow *window = gtm_test_open (file);
  AdwMessageDialog *dialog;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_toplevels;

  edit (window);
  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_dialog (window);
  n_toplevels = g_list_model_get_n_items (toplevels);

  g_action_group_activate_action (G_ACTION_GROUP (window), "close", NULL);
  gtk_window_close (GTK_WINDOW (window));
  gtm_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels);
  g_assert_true (gtm_test_find_message_dialog (GTK_WINDOW (window)) == dialog);

  gtm_test_respond (dialog, "discard");
  gtm_test_wait_until (!window_is_open (window));
  gtm_test_settle ();
  g_assert_null (gtm_test_find_message_dialog (NULL));
}

/* A window that agreed to quit stays usable while another window asks;
 * an edit made there meanwhile is asked about again, not thrown away. */
static void
test_quit_asks_again_after_edit (void)
{
  GtmApplication *app = gtm_test_get_app ();
  g_autoptr(GFile) file_b = copy_sample ();
  g_autoptr(GFile) file_a = copy_sample ();
  GtmWindow *b = gtm_test_open (file_b);
  GtmWindow *a = gtm_test_open (file_a);
  double x_a = saved_x (file_a);
  double x_b = saved_x (file_b);
  AdwMessageDialog *dialog;

  edit (b);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  dialog = wait_for_dialog (b);
  gtm_test_settle ();
  g_assert_null (gtm_test_find_message_dialog (GTK_WINDOW (a)));

  /* While B asks, the user goes on working in A. */
  edit (a);
  gtm_test_respond (dialog, "discard");
  gtm_test_settle ();

  /* A is not closed with its edit lost: it asks, and nothing has closed. */
  g_assert_true (window_is_open (a));
  g_assert_true (gtm_document_get_modified (gtm_window_get_document (a)));
  dialog = wait_for_dialog (a);
  g_assert_true (window_is_open (b));

  gtm_test_respond (dialog, "save");
  gtm_test_wait_until (gtm_test_count_windows () == 0);
  g_assert_cmpfloat (saved_x (file_a), ==, x_a + 25.0);
  g_assert_cmpfloat (saved_x (file_b), ==, x_b);
}

/* A window closed by the user while a quit is pending is not asked again,
 * and the quit goes on. */
static void
test_quit_skips_closed_window (void)
{
  GtmApplication *app = gtm_test_get_app ();
  g_autoptr(GFile) first_file = copy_sample ();
  g_autoptr(GFile) second_file = copy_sample ();
  GtmWindow *first = gtm_test_open (first_file);
  GtmWindow *second = gtm_test_open (second_file);
  GtmWindow *asked, *other;
  AdwMessageDialog *dialog;

  edit (first);
  edit (second);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gtm_test_wait_until ((dialog = gtm_test_find_message_dialog (GTK_WINDOW (first))) != NULL ||
                       (dialog = gtm_test_find_message_dialog (GTK_WINDOW (second))) != NULL);
  asked = GTM_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  other = asked == first ? second : first;

  /* The other window, not asked yet, is closed by the user, discarding. */
  gtk_window_close (GTK_WINDOW (other));
  gtm_test_respond (wait_for_dialog (other), "discard");
  gtm_test_wait_until (!window_is_open (other));

  /* Answering the first question ends the quit: nothing is asked twice. */
  gtm_test_respond (dialog, "discard");
  gtm_test_wait_until (gtm_test_count_windows () == 0);
  g_assert_null (gtm_test_find_message_dialog (NULL));
}

/* Quit while a window already asks about its own close: the answer to
 * that question is the answer for the quit too. */
static void
test_quit_joins_pending_question (void)
{
  GtmApplication *app = gtm_test_get_app ();
  g_autoptr(GFile) modified_file = copy_sample ();
  g_autoptr(GFile) untouched_file = copy_sample ();
  GtmWindow *modified = gtm_test_open (modified_file);
  GtmWindow *untouched = gtm_test_open (untouched_file);
  AdwMessageDialog *dialog;

  edit (modified);
  gtk_window_close (GTK_WINDOW (modified));
  dialog = wait_for_dialog (modified);

  /* Cancel answers both: nothing closes, and a later quit still works. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gtm_test_settle ();
  g_assert_true (gtm_test_find_message_dialog (GTK_WINDOW (modified)) == dialog);
  gtm_test_respond (dialog, "cancel");
  gtm_test_settle ();
  g_assert_cmpuint (gtm_test_count_windows (), ==, 2);

  gtk_window_close (GTK_WINDOW (modified));
  dialog = wait_for_dialog (modified);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gtm_test_settle ();

  /* Discard closes the window and lets the quit go on. */
  gtm_test_respond (dialog, "discard");
  gtm_test_wait_until (gtm_test_count_windows () == 0);
  g_assert_false (window_is_open (untouched));
}

/* Closing while the Save As dialog is open: Save in the Save Changes
 * dialog brings up that same file dialog, and cancelling it cancels the
 * close, which can then be asked again. */
static void
test_close_with_save_as_open (void)
{
  GtmApplication *app = gtm_test_get_app ();
  GtmWindow *window = gtm_application_new_window (app);
  GtmDocument *document = gtm_window_get_document (window);
  g_autoptr(GtmBoard) board = g_list_model_get_item (gtm_project_get_boards (gtm_document_get_project (document)), 0);
  GtkFileChooser *chooser;
  AdwMessageDialog *dialog;

  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  gtm_history_set (gtm_document_get_history (document), GTM_NODE (board), "name", "Ideas 想法", NULL);

  g_action_group_activate_action (G_ACTION_GROUP (window), "save-as", NULL);
  gtm_test_wait_until ((chooser = gtm_test_find_file_chooser ()) != NULL);

  gtk_window_close (GTK_WINDOW (window));
  gtm_test_respond (wait_for_dialog (window), "save");
  gtm_test_settle ();
  g_assert_true (gtm_test_find_file_chooser () == chooser);

  gtm_test_click_button (GTK_WIDGET (chooser), "_Cancel");
  gtm_test_wait_until (gtm_test_find_file_chooser () == NULL);
  gtm_test_settle ();
  g_assert_true (window_is_open (window));
  g_assert_true (gtm_document_get_modified (document));

  /* Not stuck: closing asks again, and so does quitting. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_dialog (window);
  gtm_test_respond (dialog, "cancel");
  gtm_test_wait_until (gtm_test_find_message_dialog (GTK_WINDOW (window)) == NULL);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gtm_test_respond (wait_for_dialog (window), "discard");
  gtm_test_wait_until (gtm_test_count_windows () == 0);
}

/* Quitting while a project is being saved: the application runs until
 * the file is written, and then quits. Runs the application's own main
 * loop, which a quit ends for good, so in a process of its own. */
typedef struct
{
  GFile       *file_a;
  double       x_a;
  GtmDocument *document_a;
} QuitDuringSave;

static gboolean
quit_during_save (gpointer user_data)
{
  QuitDuringSave *state = user_data;
  GtmApplication *app = gtm_test_get_app ();
  g_autoptr(GFile) file_b = copy_sample ();
  GtmWindow *b, *a;
  AdwMessageDialog *dialog;

  state->file_a = copy_sample ();
  state->x_a = saved_x (state->file_a);
  b = gtm_test_open (file_b);
  a = gtm_test_open (state->file_a);
  state->document_a = g_object_ref (gtm_window_get_document (a));

  edit (b);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  dialog = wait_for_dialog (b);
  gtm_test_settle ();

  /* While B asks, A is edited and saved; B's answer comes while the file
   * is still being written. */
  edit (a);
  g_action_group_activate_action (G_ACTION_GROUP (a), "save", NULL);
  g_assert_true (gtm_document_get_saving (state->document_a));
  gtm_test_respond (dialog, "discard");
  g_assert_true (gtm_document_get_saving (state->document_a));
  g_assert_true (window_is_open (a));

  return G_SOURCE_REMOVE;
}

static void
test_quit_waits_for_save (void)
{
  QuitDuringSave state = { NULL, };
  GtmApplication *app;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
      return;
    }

  app = gtm_test_get_app ();
  g_idle_add (quit_during_save, &state);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);

  /* The application quit only once the save had ended, with the file
   * complete, and nothing is left to run after it. */
  g_assert_nonnull (state.document_a);
  g_assert_false (gtm_document_get_saving (state.document_a));
  g_assert_false (gtm_document_get_modified (state.document_a));
  g_assert_cmpfloat (saved_x (state.file_a), ==, state.x_a + 25.0);
  g_assert_cmpuint (gtm_test_count_windows (), ==, 0);
  gtm_test_settle ();

  g_clear_object (&state.document_a);
  g_clear_object (&state.file_a);
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
  g_test_add_func ("/close/twice-asks-once", test_close_twice_asks_once);
  g_test_add_func ("/close/with-save-as-open", test_close_with_save_as_open);
  g_test_add_func ("/close/quit-asks-each-window", test_quit_asks_each_window);
  g_test_add_func ("/close/quit-asks-again-after-edit", test_quit_asks_again_after_edit);
  g_test_add_func ("/close/quit-skips-closed-window", test_quit_skips_closed_window);
  g_test_add_func ("/close/quit-joins-pending-question", test_quit_joins_pending_question);
  g_test_add_func ("/close/quit-waits-for-save", test_quit_waits_for_save);

  return gtm_test_run ();
}
