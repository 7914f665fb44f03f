/* test-document.c — opening and saving a project as the application does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "gtm-core.h"
#include "gtm-document.h"
#include "gtm-core-test-utils.h"

/* A project with one board holding one note, written to @path. */
static GtmProject *
write_project (const char *path)
{
  GtmProject *project = gtm_project_new ("Launch 发布");
  g_autoptr(GtmBoard) board = gtm_board_new ("Ideas");
  g_autoptr(GtmItem) note = gtm_note_new (10, 20, "Hello 你好");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_append (G_LIST_STORE (gtm_board_get_items (board)), note);
  g_list_store_append (G_LIST_STORE (gtm_project_get_boards (project)), board);

  bytes = gtm_format_write_bytes (project);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return project;
}

static GtmItem *
first_item (GtmDocument *document)
{
  GListModel *boards = gtm_project_get_boards (gtm_document_get_project (document));
  g_autoptr(GtmBoard) board = g_list_model_get_item (boards, 0);
  g_autoptr(GtmItem) item = g_list_model_get_item (gtm_board_get_items (board), 0);

  return item; /* owned by the board */
}

static GtmProject *
read_back (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtmProject *project = gtm_format_read_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static void
on_async_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static void
test_untitled (void)
{
  g_autoptr(GtmDocument) document = gtm_document_new_untitled ();
  GListModel *boards = gtm_project_get_boards (gtm_document_get_project (document));
  g_autoptr(GtmBoard) board = g_list_model_get_item (boards, 0);
  g_autoptr(GError) error = NULL;

  g_assert_null (gtm_document_get_file (document));
  g_assert_cmpstr (gtm_document_get_title (document), ==, "Untitled Project");
  g_assert_false (gtm_document_get_modified (document));
  g_assert_false (gtm_document_get_saving (document));
  g_assert_true (gtm_document_is_pristine (document));
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 1);
  g_assert_cmpstr (gtm_board_get_name (board), ==, "Board 1");
  /* Creating it is not an undoable step. */
  g_assert_false (gtm_history_can_undo (gtm_document_get_history (document)));

  /* Saving needs a file first. */
  g_assert_false (gtm_document_save (document, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
}

static void
test_title_follows_project (void)
{
  g_autoptr(GtmDocument) document = gtm_document_new_untitled ();
  GtmProject *project = gtm_document_get_project (document);
  guint notified = 0;

  g_signal_connect (document, "notify::title", G_CALLBACK (count_notify), &notified);
  gtm_history_set (gtm_document_get_history (document), GTM_NODE (project),
                   "title", "Beacon 信标", NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (gtm_document_get_title (document), ==, "Beacon 信标");

  /* An empty title shows as untitled. */
  gtm_history_set (gtm_document_get_history (document), GTM_NODE (project), "title", "", NULL);
  g_assert_cmpstr (gtm_document_get_title (document), ==, "Untitled Project");
}

static void
test_load_async (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-document");
  g_autofree char *path = g_build_filename (dir, "launch.gtm", NULL);
  g_autoptr(GtmProject) written = write_project (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GtmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  gtm_document_load_async (file, NULL, on_async_done, &result);
  document = gtm_document_load_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);

  g_assert_true (g_file_equal (gtm_document_get_file (document), file));
  g_assert_cmpstr (gtm_document_get_title (document), ==, "Launch 发布");
  g_assert_false (gtm_document_get_modified (document));
  g_assert_false (gtm_document_is_pristine (document));
  g_assert_cmpstr (gtm_item_get_text (first_item (document)), ==, "Hello 你好");

  gtm_core_test_remove_tree (dir);
}

static void
test_load_errors_name_the_file (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-document");
  g_autofree char *path = g_build_filename (dir, "broken 坏.gtm", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GtmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "{ \"format\": \"gtm-studio\", ", -1, NULL));

  gtm_document_load_async (file, NULL, on_async_done, &result);
  document = gtm_document_load_finish (wait_for_result (&result), &error);
  g_assert_null (document);
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_TRUNCATED);
  g_assert_true (g_str_has_prefix (error->message, "Could not open “broken 坏.gtm”: "));
  g_clear_error (&error);

  document = gtm_document_load (missing, NULL, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not open “missing.gtm”: "));

  gtm_core_test_remove_tree (dir);
}

static void
test_save_async (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-document");
  g_autofree char *path = g_build_filename (dir, "launch.gtm", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.gtm", NULL);
  g_autoptr(GtmProject) written = write_project (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GtmDocument) document = gtm_document_load (file, NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GtmProject) reread = NULL;
  g_autoptr(GtmBoard) board = NULL;
  g_autoptr(GtmItem) item = NULL;
  g_autoptr(GError) error = NULL;
  GtmHistory *history = gtm_document_get_history (document);
  guint modified_notified = 0;

  g_signal_connect (document, "notify::modified", G_CALLBACK (count_notify), &modified_notified);
  gtm_history_set (history, GTM_NODE (first_item (document)), "x", 150.0, NULL);
  g_assert_true (gtm_document_get_modified (document));
  g_assert_cmpuint (modified_notified, ==, 1);

  /* Save As: written off the main thread; "saving" until the callback. */
  gtm_document_save_async (document, copy, NULL, on_async_done, &result);
  g_assert_true (gtm_document_get_saving (document));
  g_assert_true (gtm_document_save_finish (document, wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  g_assert_false (gtm_document_get_saving (document));
  g_assert_false (gtm_document_get_modified (document));
  g_assert_true (g_file_equal (gtm_document_get_file (document), copy));

  reread = read_back (copy_path);
  board = g_list_model_get_item (gtm_project_get_boards (reread), 0);
  item = g_list_model_get_item (gtm_board_get_items (board), 0);
  g_assert_cmpfloat (gtm_item_get_x (item), ==, 150.0);
  g_clear_object (&reread);
  g_clear_object (&board);
  g_clear_object (&item);

  /* The original was not touched. */
  reread = read_back (path);
  board = g_list_model_get_item (gtm_project_get_boards (reread), 0);
  item = g_list_model_get_item (gtm_board_get_items (board), 0);
  g_assert_cmpfloat (gtm_item_get_x (item), ==, 10.0);

  /* Undo after saving makes it modified again. */
  gtm_history_undo (history);
  g_assert_true (gtm_document_get_modified (document));
  gtm_history_redo (history);
  g_assert_false (gtm_document_get_modified (document));

  gtm_core_test_remove_tree (dir);
}

static void
test_edit_during_save_stays_modified (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-document");
  g_autofree char *path = g_build_filename (dir, "launch.gtm", NULL);
  g_autoptr(GtmProject) written = write_project (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtmDocument) document = gtm_document_load (file, NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GtmProject) reread = NULL;
  g_autoptr(GtmBoard) board = NULL;
  g_autoptr(GtmItem) item = NULL;
  g_autoptr(GError) error = NULL;
  GtmHistory *history = gtm_document_get_history (document);

  gtm_history_set (history, GTM_NODE (first_item (document)), "x", 100.0, NULL);
  gtm_document_save_async (document, NULL, NULL, on_async_done, &result);

  /* An edit while the file is written, and a second save attempt, which
   * is refused rather than racing the first. */
  gtm_history_set (history, GTM_NODE (first_item (document)), "y", 300.0, NULL);
  gtm_document_save_async (document, NULL, NULL, on_async_done, &second);
  g_assert_false (gtm_document_save_finish (document, wait_for_result (&second), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);

  g_assert_true (gtm_document_save_finish (document, wait_for_result (&result), &error));
  g_assert_no_error (error);

  /* The file has the first edit only, so the document is still modified. */
  g_assert_true (gtm_document_get_modified (document));
  reread = read_back (path);
  board = g_list_model_get_item (gtm_project_get_boards (reread), 0);
  item = g_list_model_get_item (gtm_board_get_items (board), 0);
  g_assert_cmpfloat (gtm_item_get_x (item), ==, 100.0);
  g_assert_cmpfloat (gtm_item_get_y (item), ==, 20.0);

  gtm_core_test_remove_tree (dir);
}

static void
test_save_failure_keeps_everything (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-document");
  g_autofree char *path = g_build_filename (dir, "launch.gtm", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *bad_path = g_build_filename (blocker, "launch.gtm", NULL);
  g_autoptr(GtmProject) written = write_project (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GtmDocument) document = gtm_document_load (file, NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  GtmProject *project;

  g_assert_true (g_file_set_contents (blocker, "a regular file", -1, NULL));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* Last saved long ago, so that a stamp of now would show. */
  project = gtm_document_get_project (document);
  g_object_set (project, "modified", "2020-02-03T04:05:06Z", NULL);

  gtm_history_set (gtm_document_get_history (document), GTM_NODE (first_item (document)),
                   "x", 42.0, NULL);

  gtm_document_save_async (document, bad, NULL, on_async_done, &result);
  g_assert_false (gtm_document_save_finish (document, wait_for_result (&result), &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "launch.gtm"));

  g_assert_false (gtm_document_get_saving (document));
  g_assert_true (gtm_document_get_modified (document));
  g_assert_true (g_file_equal (gtm_document_get_file (document), file));
  g_assert_cmpfloat (gtm_item_get_x (first_item (document)), ==, 42.0);
  /* The failed save did not stamp the project as modified now. */
  g_assert_cmpstr (gtm_project_get_modified (project), ==, "2020-02-03T04:05:06Z");
  g_clear_error (&error);

  /* Nor does a failed save on the calling thread (the command line's). */
  g_assert_false (gtm_document_save (document, bad, NULL, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_FAILED);
  g_assert_false (gtm_document_get_saving (document));
  g_assert_cmpstr (gtm_project_get_modified (project), ==, "2020-02-03T04:05:06Z");

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  gtm_core_test_remove_tree (dir);
}

/* A project the reader would refuse is never written: the user could not
 * open it again. The file on disk stays as it was. */
static void
test_save_refuses_unreadable_project (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-document");
  g_autofree char *path = g_build_filename (dir, "launch.gtm", NULL);
  g_autoptr(GtmProject) written = write_project (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtmDocument) document = gtm_document_load (file, NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GListModel *boards = gtm_project_get_boards (gtm_document_get_project (document));
  g_autoptr(GtmBoard) board = g_list_model_get_item (boards, 0);
  g_autoptr(GtmItem) link = gtm_connector_new (gtm_node_get_id (GTM_NODE (first_item (document))),
                                               "note-deleted-meanwhile");

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  gtm_board_add_item (board, gtm_document_get_history (document), link);

  gtm_document_save_async (document, NULL, NULL, on_async_done, &result);
  g_assert_false (gtm_document_save_finish (document, wait_for_result (&result), &error));
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "launch.gtm"));
  g_assert_nonnull (strstr (error->message, "boards[0].items[1].target"));
  g_assert_false (gtm_document_get_saving (document));
  g_assert_true (gtm_document_get_modified (document));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  gtm_core_test_remove_tree (dir);
}

/* The command line's upgrade: read an old version, save through the same
 * path, and the file is in the current version. */
static void
test_upgrade_old_version (void)
{
  const char *data_dir = g_getenv ("GTM_TEST_DATA");
  g_autofree char *fixture = NULL;
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-document");
  g_autofree char *path = g_build_filename (dir, "old.gtm", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_nonnull (data_dir);
  fixture = g_build_filename (data_dir, "format-v0.gtm", NULL);
  if (!g_file_test (fixture, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("tests/data/format-v0.gtm is missing");
      return;
    }

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_clear_pointer (&contents, g_free);

  document = gtm_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gtm_document_save (document, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"version\": 1"));
  g_object_unref (read_back (path));

  gtm_core_test_remove_tree (dir);
}

/* Temporary files an interrupted save left next to the file go away when
 * it is opened. */
static void
test_load_cleans_stale_temp_files (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-document");
  g_autofree char *path = g_build_filename (dir, "launch.gtm", NULL);
  g_autofree char *stale = g_build_filename (dir, ".launch.gtm.999999999-0badf00d.gtm-save~", NULL);
  g_autoptr(GtmProject) written = write_project (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtmDocument) document = NULL;

  g_assert_true (g_file_set_contents (stale, "half a save", -1, NULL));
  document = gtm_document_load (file, NULL, NULL);
  g_assert_nonnull (document);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));

  gtm_core_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

  g_test_add_func ("/document/untitled", test_untitled);
  g_test_add_func ("/document/title-follows-project", test_title_follows_project);
  g_test_add_func ("/document/load-async", test_load_async);
  g_test_add_func ("/document/load-errors-name-the-file", test_load_errors_name_the_file);
  g_test_add_func ("/document/save-async", test_save_async);
  g_test_add_func ("/document/edit-during-save-stays-modified", test_edit_during_save_stays_modified);
  g_test_add_func ("/document/save-failure-keeps-everything", test_save_failure_keeps_everything);
  g_test_add_func ("/document/save-refuses-unreadable-project", test_save_refuses_unreadable_project);
  g_test_add_func ("/document/upgrade-old-version", test_upgrade_old_version);
  g_test_add_func ("/document/load-cleans-stale-temp-files", test_load_cleans_stale_temp_files);

  return g_test_run ();
}
