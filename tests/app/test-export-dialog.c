/* test-export-dialog.c — the export dialog (Ctrl+E): what it offers for
 * what the window shows, its live preview, exporting to a file, the
 * settings it remembers, preflight findings that show their place; and
 * printing (Ctrl+P) through GtkPrintOperation, to a PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-export-dialog"

#include "config.h"

#include "gtm-asset.h"
#include "gtm-core.h"
#include "gtm-export-dialog.h"
#include "gtm-pack.h"
#include "gtm-test-utils.h"
#include "gtm-workbench-page.h"

#define OVERFLOW_TEXT_LINES 80

static GtkWidget *
child (GtmExportDialog *dialog,
       const char      *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), GTM_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* Opens the dialog with Ctrl+E, pressed for real when input can be sent,
 * and waits for its preview. */
static GtmExportDialog *
open_dialog (GtmWindow *window)
{
  GtmExportDialog *dialog;

  gtm_test_assert_accel ("win.export", "<Control>e");
  if (gtm_test_can_send_input ())
    {
      /* Keys go to the window under the pointer. */
      gtm_test_pointer_move (GTK_WIDGET (gtm_window_get_board_view (window)), 200, 200);
      gtm_test_keys ("ctrl+e", NULL);
    }
  else
    gtm_test_activate (window, "export");

  gtm_test_wait_until ((dialog = GTM_EXPORT_DIALOG (gtm_test_find_toplevel (GTM_TYPE_EXPORT_DIALOG))) != NULL &&
                       gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  gtm_test_settle ();

  return dialog;
}

static void
select_format (GtmExportDialog *dialog,
               const char      *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (child (dialog, "format_row"));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }

  g_error ("the format row offers no %s", label);
}

static gboolean
format_offered (GtmExportDialog *dialog,
                const char      *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (child (dialog, "format_row")));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      return TRUE;

  return FALSE;
}

static gboolean
shown (GtmExportDialog *dialog,
       const char      *name)
{
  return gtk_widget_get_visible (child (dialog, name));
}

/* Exports to @path and waits for the dialog to close. */
static void
export_to (GtmExportDialog *dialog,
           const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtmExportDialog *gone = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &gone);
  gtm_export_dialog_export_to (dialog, file);
  g_assert_true (gtm_export_dialog_get_busy (dialog));
  gtm_test_wait_until (gone == NULL);
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, NULL, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_str_equal (tool, "pdftotext"))
    argv[2] = "-";
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static char *
dup_board_asset (GtmWindow *window)
{
  GtmBoard *board = gtm_board_view_get_board (gtm_window_get_board_view (window));

  g_assert_nonnull (board);
  return g_strconcat ("board:", gtm_board_get_name (board), NULL);
}

static void
test_open_and_options (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);
  g_autofree char *board = dup_board_asset (window);
  GtmExportDialog *dialog = open_dialog (window);
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *preview;
  guint32 background;
  gboolean drawn = FALSE;
  int width, height;

  /* What the window shows is what is exported. */
  g_assert_cmpstr (gtm_export_dialog_get_target (dialog), ==, board);
  g_assert_true (format_offered (dialog, "SVG"));

  /* PDF: a page, no picture settings. */
  g_assert_true (shown (dialog, "page_group"));
  g_assert_true (shown (dialog, "fit_row"));
  g_assert_false (shown (dialog, "picture_group"));
  /* PNG of a board: its own size, at a scale. */
  select_format (dialog, "PNG");
  g_assert_false (shown (dialog, "page_group"));
  g_assert_true (shown (dialog, "picture_group"));
  g_assert_false (shown (dialog, "dpi_row"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "resolution_row")), 2);
  g_assert_true (shown (dialog, "dpi_row"));
  /* SVG: neither. */
  select_format (dialog, "SVG");
  g_assert_false (shown (dialog, "page_group"));
  g_assert_false (shown (dialog, "picture_group"));
  select_format (dialog, "PDF");
  g_assert_true (shown (dialog, "page_group"));

  /* Custom sizes are asked for. */
  g_assert_false (shown (dialog, "width_row"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "page_size_row")), 3);
  g_assert_true (shown (dialog, "width_row"));
  g_assert_true (shown (dialog, "height_row"));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (child (dialog, "width_spin"))),
                                  210.0, 0.1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "page_size_row")), 0);

  /* A generated layout has no SVG, and a page whatever its format. */
  g_assert_true (gtm_export_dialog_set_target (dialog, "one-pager"));
  g_assert_false (format_offered (dialog, "SVG"));
  select_format (dialog, "PNG");
  g_assert_true (shown (dialog, "page_group"));
  g_assert_false (shown (dialog, "fit_row"));
  g_assert_true (shown (dialog, "picture_group"));
  select_format (dialog, "PDF");

  /* The preview draws the page: on the dialog's background, something
   * else, and “Page 1 of N” under it. */
  g_assert_true (gtm_export_dialog_set_target (dialog, board));
  gtm_test_wait_until (gtm_test_widget_shows_text (GTK_WIDGET (dialog), "Page 1 of 1"));
  preview = child (dialog, "preview");
  width = gtk_widget_get_width (preview);
  height = gtk_widget_get_height (preview);
  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);
  texture = gtm_test_render_widget (preview);
  background = gtm_test_texture_pixel (texture, 1, 1);
  for (int y = 0; y < height && !drawn; y += 4)
    for (int x = 0; x < width && !drawn; x += 4)
      drawn = gtm_test_colors_differ (gtm_test_texture_pixel (texture, x, y), background, 16);
  g_assert_true (drawn);
  gtm_test_screenshot ("export-dialog");

  /* Cancel closes it. */
  gtm_test_click_button (GTK_WIDGET (dialog), "_Cancel");
  gtm_test_wait_until (gtm_test_find_toplevel (GTM_TYPE_EXPORT_DIALOG) == NULL);

  gtm_test_close_all ();
}

/* The dialog and printing start from what the window shows. */
static void
test_what_is_shown (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);
  GtmProject *project = gtm_test_window_project (window);
  g_autoptr(GtmPersona) persona = g_list_model_get_item (gtm_project_get_personas (project), 0);
  g_autoptr(GtmCompetitor) competitor = g_list_model_get_item (gtm_project_get_competitors (project), 1);
  g_autofree char *asset = NULL;
  GtkWidget *page;
  GtmExportDialog *dialog;
  GtmAssetKind kind;
  GtmNode *node;

  g_assert_nonnull (persona);
  g_assert_nonnull (competitor);

  /* A persona: its sheet. */
  page = gtm_window_show_node (window, GTM_NODE (persona));
  g_assert_true (page == gtm_window_get_visible_page (window));
  asset = gtm_export_dup_shown_asset (window);
  g_assert_true (gtm_asset_lookup (project, asset, &kind, &node));
  g_assert_cmpint (kind, ==, GTM_ASSET_PERSONA);
  g_assert_true (node == GTM_NODE (persona));
  dialog = open_dialog (window);
  g_assert_cmpstr (gtm_export_dialog_get_target (dialog), ==, asset);
  g_assert_false (format_offered (dialog, "SVG"));
  gtk_window_close (GTK_WINDOW (dialog));
  gtm_test_wait_until (gtm_test_find_toplevel (GTM_TYPE_EXPORT_DIALOG) == NULL);
  g_clear_pointer (&asset, g_free);

  /* Workbench pages: their documents. */
  page = gtm_window_show_node (window, gtm_project_get_messaging (project));
  g_assert_true (GTM_IS_WORKBENCH_PAGE (page));
  asset = gtm_export_dup_shown_asset (window);
  g_assert_cmpstr (asset, ==, "messaging-doc");
  g_clear_pointer (&asset, g_free);
  gtm_window_show_node (window, gtm_project_get_launch_plan (project));
  asset = gtm_export_dup_shown_asset (window);
  g_assert_cmpstr (asset, ==, "launch-timeline");
  g_clear_pointer (&asset, g_free);

  /* The competitors: the battlecard of the one open. */
  page = gtm_window_show_node (window, GTM_NODE (competitor));
  g_assert_true (GTM_IS_WORKBENCH_PAGE (page));
  g_assert_cmpstr (gtm_workbench_page_get_info (GTM_WORKBENCH_PAGE (page))->name, ==, "competitors");
  asset = gtm_export_dup_shown_asset (window);
  g_assert_null (asset);
  {
    g_autoptr(GPtrArray) rows = gtm_test_find_all (page, ADW_TYPE_EXPANDER_ROW);

    g_assert_cmpuint (rows->len, >, 1);
    adw_expander_row_set_expanded (g_ptr_array_index (rows, 1), TRUE);
  }
  asset = gtm_export_dup_shown_asset (window);
  g_assert_true (gtm_asset_lookup (project, asset, &kind, &node));
  g_assert_cmpint (kind, ==, GTM_ASSET_BATTLECARD);
  g_assert_true (node == GTM_NODE (competitor));
  g_clear_pointer (&asset, g_free);

  /* Elsewhere, the one-pager when nothing was exported before. */
  gtm_window_show_node (window, gtm_project_get_brief (project));
  g_assert_null (gtm_export_dup_shown_asset (window));
  dialog = open_dialog (window);
  g_assert_cmpstr (gtm_export_dialog_get_target (dialog), ==, "one-pager");
  gtk_window_close (GTK_WINDOW (dialog));
  gtm_test_wait_until (gtm_test_find_toplevel (GTM_TYPE_EXPORT_DIALOG) == NULL);

  gtm_test_close_all ();
}

static void
test_export_and_remember (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);
  GtmProject *project = gtm_test_window_project (window);
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *board_pdf = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *doc_pdf = g_build_filename (dir, "messaging.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "board.png", NULL);
  g_autofree char *board = dup_board_asset (window);
  g_autoptr(GtmAsset) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtmExportOptions options;
  GtmExportDialog *dialog;

  /* A board fitted to one page, with its text. */
  dialog = open_dialog (window);
  export_to (dialog, board_pdf);
  g_assert_cmpuint (pdf_pages (board_pdf), ==, 1);
  g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (window), "Exported “board.pdf”"));

  /* A document of several pages, as many as it lays out. */
  dialog = open_dialog (window);
  g_assert_true (gtm_export_dialog_set_target (dialog, "messaging-doc"));
  export_to (dialog, doc_pdf);
  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  doc = gtm_asset_new (project, "messaging-doc", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (doc_pdf), ==, gtm_asset_get_n_pages (doc));
  g_assert_cmpuint (pdf_pages (doc_pdf), >, 1);

  /* Settings of the last export come back, for what the window shows. */
  dialog = open_dialog (window);
  select_format (dialog, "PNG");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "resolution_row")), 1);
  gtk_switch_set_active (GTK_SWITCH (child (dialog, "transparent_switch")), TRUE);
  export_to (dialog, png);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  dialog = open_dialog (window);
  g_assert_cmpstr (gtm_export_dialog_get_target (dialog), ==, board);
  g_assert_true (shown (dialog, "picture_group"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (dialog, "resolution_row"))), ==, 1);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (child (dialog, "transparent_switch"))));
  gtk_window_close (GTK_WINDOW (dialog));
  gtm_test_wait_until (gtm_test_find_toplevel (GTM_TYPE_EXPORT_DIALOG) == NULL);

  /* Remembered in the user's state folder, by the project's URI. */
  {
    g_autofree char *ini = g_build_filename (g_get_user_state_dir (), "gtm-studio", "export.ini", NULL);
    g_autofree char *uri = g_file_get_uri (sample);
    g_autoptr(GKeyFile) file = g_key_file_new ();
    g_autofree char *format = NULL;

    g_assert_true (g_key_file_load_from_file (file, ini, G_KEY_FILE_NONE, &error));
    format = g_key_file_get_string (file, uri, "format", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (format, ==, "png");
  }

  text = run_tool ("pdftotext", board_pdf);
  g_assert_cmpuint (strlen (g_strstrip (text)), >, 0);

  /* A file that cannot be written: the window says why, the dialog stays
   * for another try. */
  {
    g_autofree char *bad = g_build_filename (board_pdf, "inside-a-file.pdf", NULL);
    g_autoptr(GFile) bad_file = g_file_new_for_path (bad);

    g_assert_null (gtm_window_get_error_toast (window));
    dialog = open_dialog (window);
    gtm_export_dialog_export_to (dialog, bad_file);
    gtm_test_wait_until (!gtm_export_dialog_get_busy (dialog));
    g_assert_nonnull (gtm_window_get_error_toast (window));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
    g_assert_true (gtk_widget_get_sensitive (child (dialog, "export_button")));
    gtk_window_close (GTK_WINDOW (dialog));
    gtm_test_wait_until (gtm_test_find_toplevel (GTM_TYPE_EXPORT_DIALOG) == NULL);
  }

  gtm_test_close_all ();
}

/* A new project's export has the defaults, and leaves them as they were. */
static void
test_untitled (void)
{
  GtmWindow *window = gtm_application_new_window (gtm_test_get_app ());
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *ini = g_build_filename (g_get_user_state_dir (), "gtm-studio", "export.ini", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtmExportDialog *dialog;

  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)) &&
                       gtk_widget_get_width (GTK_WIDGET (gtm_window_get_board_view (window))) > 0);
  g_file_get_contents (ini, &before, NULL, NULL);

  dialog = open_dialog (window);
  g_assert_cmpstr (gtm_export_dialog_get_target (dialog), ==, "board:Board 1");
  g_assert_true (shown (dialog, "page_group"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (dialog, "page_size_row"))), ==, 0);
  g_assert_false (shown (dialog, "picture_group"));
  export_to (dialog, path);
  g_assert_cmpuint (pdf_pages (path), ==, 1);

  g_file_get_contents (ini, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);

  gtm_test_close_all ();
}

/* A pack: a folder chooser's folder, with progress; cancelled, nothing. */
static void
test_pack (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);
  GtmProject *project = gtm_test_window_project (window);
  g_auto(GStrv) packs = gtm_pack_list_names (project);
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *cancelled = g_build_filename (dir, "cancelled", NULL);
  g_autofree char *done = g_build_filename (dir, "done", NULL);
  g_autofree char *target = NULL;
  g_autofree char *pdf_name = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GFile) cancelled_file = g_file_new_for_path (cancelled);
  GtmExportDialog *dialog;

  g_assert_nonnull (packs[0]);
  target = g_strconcat ("pack:", packs[0], NULL);

  dialog = open_dialog (window);
  g_assert_true (gtm_export_dialog_set_target (dialog, target));
  g_assert_false (shown (dialog, "format_group"));
  g_assert_true (shown (dialog, "page_group"));
  g_assert_true (shown (dialog, "picture_group"));
  gtm_test_settle ();
  gtm_test_screenshot ("export-dialog-pack");

  /* Cancel stops it, the dialog stays, and nothing is left. */
  gtm_export_dialog_export_to (dialog, cancelled_file);
  g_assert_true (gtm_export_dialog_get_busy (dialog));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "export_button")));
  gtm_test_click_button (GTK_WIDGET (dialog), "_Cancel");
  gtm_test_wait_until (!gtm_export_dialog_get_busy (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "export_button")));
  g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
  g_assert_null (gtm_window_get_error_toast (window));

  /* Exported: the pack's document and each asset's files. */
  export_to (dialog, done);
  pdf_name = g_strconcat (packs[0], ".pdf", NULL);
  pdf = g_build_filename (done, pdf_name, NULL);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (pdf_pages (pdf), >, 1);
  g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (window), "Exported “done”"));

  /* Closing the dialog while it exports stops the export too. */
  dialog = open_dialog (window);
  g_assert_true (gtm_export_dialog_set_target (dialog, target));
  {
    g_autofree char *closed = g_build_filename (dir, "closed", NULL);
    g_autoptr(GFile) closed_file = g_file_new_for_path (closed);
    GtmExportDialog *gone = dialog;

    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &gone);
    gtm_export_dialog_export_to (dialog, closed_file);
    gtk_window_close (GTK_WINDOW (dialog));
    gtm_test_wait_until (gone == NULL);
    g_assert_false (g_file_test (closed, G_FILE_TEST_EXISTS));
    g_assert_null (gtm_window_get_error_toast (window));
  }

  /* Closing the window meanwhile is no trouble. */
  dialog = open_dialog (window);
  g_assert_true (gtm_export_dialog_set_target (dialog, target));
  {
    g_autofree char *closed = g_build_filename (dir, "window-closed", NULL);
    g_autoptr(GFile) closed_file = g_file_new_for_path (closed);
    GtmExportDialog *gone = dialog;

    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &gone);
    gtm_export_dialog_export_to (dialog, closed_file);
    gtm_window_close_confirmed (window);
    gtm_test_wait_until (gone == NULL);
    /* Finished before the window went, or not there at all. */
    if (g_file_test (closed, G_FILE_TEST_EXISTS))
      {
        g_autofree char *closed_pdf = g_build_filename (closed, pdf_name, NULL);

        g_assert_cmpuint (pdf_pages (closed_pdf), ==, pdf_pages (pdf));
      }
  }

  gtm_test_close_all ();
}

/* A project whose board has a note with more text than it can show. */
static GFile *
write_overflowing_project (const char  *dir,
                           char       **note_id)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Overflow");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_build_filename (dir, "overflow.gtm", NULL);
  GtmBoard *board;
  GtmItem *note;

  board = gtm_project_add_board (project, 0, "Plan", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < OVERFLOW_TEXT_LINES; i++)
    g_string_append_printf (text, "Line %u of a note that says far too much\n", i + 1);
  note = gtm_note_new (100, 100, text->str);
  gtm_board_add_item (board, gtm_project_get_history (project), note);
  *note_id = g_strdup (gtm_node_get_id (GTM_NODE (note)));
  g_object_unref (note);

  bytes = gtm_format_write_bytes (project);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* The first finding that shows its place when activated. */
static GtkWidget *
find_finding_row (GtkWidget *group)
{
  g_autoptr(GPtrArray) rows = gtm_test_find_all (group, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (gtk_list_box_row_get_activatable (g_ptr_array_index (rows, i)))
      return g_ptr_array_index (rows, i);

  return NULL;
}

/* The finding about @field. */
static GtkWidget *
find_finding_row_for (GtkWidget  *group,
                      const char *field)
{
  g_autoptr(GPtrArray) rows = gtm_test_find_all (group, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (rows, i), "gtm-field"), field) == 0)
      return g_ptr_array_index (rows, i);

  return NULL;
}

static void
test_preflight (void)
{
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *note_id = NULL;
  g_autoptr(GFile) file = write_overflowing_project (dir, &note_id);
  GtmWindow *window = gtm_test_open (file);
  GtmProject *project = gtm_test_window_project (window);
  GtmNode *note = gtm_node_find (GTM_NODE (project), note_id);
  GtmSelection *selection = gtm_board_view_get_selection (gtm_window_get_board_view (window));
  GtmExportDialog *dialog;
  GtmWorkbenchPage *page;
  GtkWidget *group, *row, *field_row;

  g_assert_nonnull (note);
  gtm_selection_clear (selection);
  g_assert_false (gtm_selection_contains (selection, GTM_ITEM (note)));

  dialog = open_dialog (window);
  group = child (dialog, "preflight_group");
  gtm_test_wait_until ((row = find_finding_row (group)) != NULL);
  gtm_test_screenshot ("export-dialog-preflight");

  /* Activating it closes the dialog and shows the note, selected. */
  g_signal_emit_by_name (row, "activated");
  gtm_test_wait_until (gtm_test_find_toplevel (GTM_TYPE_EXPORT_DIALOG) == NULL);
  gtm_test_wait_until (gtm_selection_contains (selection, GTM_ITEM (note)));
  g_assert_cmpuint (gtm_selection_get_n_items (selection), ==, 1);

  /* The one-pager of a project without messaging misses its call to
   * action: the finding opens the workbench page where it is written,
   * with the keyboard in its row. */
  dialog = open_dialog (window);
  g_assert_true (gtm_export_dialog_set_target (dialog, "one-pager"));
  group = child (dialog, "preflight_group");
  gtm_test_wait_until ((row = find_finding_row_for (group, "call-to-action")) != NULL);
  g_signal_emit_by_name (row, "activated");
  gtm_test_wait_until (gtm_test_find_toplevel (GTM_TYPE_EXPORT_DIALOG) == NULL);
  g_assert_true (GTM_IS_WORKBENCH_PAGE (gtm_window_get_visible_page (window)));
  page = GTM_WORKBENCH_PAGE (gtm_window_get_visible_page (window));
  g_assert_cmpstr (gtm_workbench_page_get_info (page)->name, ==, "messaging");
  field_row = gtm_workbench_page_find_row (page, gtm_project_get_messaging (project), "call-to-action");
  g_assert_nonnull (field_row);
  gtm_test_wait_until (gtk_root_get_focus (GTK_ROOT (window)) != NULL &&
                       gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), field_row));

  gtm_test_close_all ();
}

static void
test_print_to_file (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);
  GtmBoard *board = gtm_board_view_get_board (gtm_window_get_board_view (window));
  GListModel *items = gtm_board_get_items (board);
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  gboolean found = FALSE;

  gtm_test_assert_accel ("win.print", "<Control>p");
  g_assert_true (gtm_test_action_enabled (window, "print"));

  operation = gtm_export_print_operation_new (window);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path), ==, 1);

  /* The board's text is text in the PDF: some item's first word is. */
  text = run_tool ("pdftotext", path);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  for (guint i = 0; i < g_list_model_get_n_items (items) && !found; i++)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (items, i);
      g_auto(GStrv) words = g_strsplit_set (gtm_item_get_text (item), " \n", 2);

      found = words[0] != NULL && g_utf8_strlen (words[0], -1) >= 4 &&
              !g_str_has_prefix (words[0], "{") && strstr (flat, words[0]) != NULL;
    }
  g_assert_true (found);

  /* On the messaging page, its document, every page of it. */
  {
    g_autofree char *doc_path = g_build_filename (dir, "document.pdf", NULL);
    g_autoptr(GtkPrintOperation) doc_operation = NULL;
    g_autofree char *doc_text = NULL;

    gtm_window_show_node (window, gtm_project_get_messaging (gtm_test_window_project (window)));
    doc_operation = gtm_export_print_operation_new (window);
    gtk_print_operation_set_export_filename (doc_operation, doc_path);
    g_assert_cmpint (gtk_print_operation_run (doc_operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                              GTK_WINDOW (window), &error),
                     ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    g_assert_cmpuint (pdf_pages (doc_path), >, 1);
    doc_text = run_tool ("pdftotext", doc_path);
    g_assert_nonnull (strstr (doc_text, gtm_project_get_product_name (gtm_test_window_project (window))));
  }

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;

  gtm_test_use_own_display (argc, argv);

  /* The settings the dialog remembers go to a folder of the test's own. */
  state = gtm_test_make_temp_dir ();
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/export-dialog/open-and-options", test_open_and_options);
  g_test_add_func ("/export-dialog/what-is-shown", test_what_is_shown);
  g_test_add_func ("/export-dialog/export-and-remember", test_export_and_remember);
  g_test_add_func ("/export-dialog/untitled", test_untitled);
  g_test_add_func ("/export-dialog/pack", test_pack);
  g_test_add_func ("/export-dialog/preflight", test_preflight);
  g_test_add_func ("/export-dialog/print-to-file", test_print_to_file);

  return gtm_test_run ();
}
