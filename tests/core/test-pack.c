/* test-pack.c — asset packs: the defaults, the user's own, their edits and
 * undo, and a pack exported into a folder as a reader of the files sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gtm-core.h"
#include "gtm-asset.h"
#include "gtm-core-test-utils.h"

#define SALES_KIT "Sales & CS kit"

static const char * const default_names[] = {
  "Messaging strategy document",
  "Internal marketing kit",
  SALES_KIT,
  "Customer-facing",
  "Case studies",
  NULL
};

/* "PREFIX:NAME" for each node of @list, in order. */
static void
add_names (GPtrArray  *names,
           const char *prefix,
           GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtmNode) node = g_list_model_get_item (list, i);
      g_autofree char *name = NULL;

      g_object_get (node, "name", &name, NULL);
      g_ptr_array_add (names, g_strconcat (prefix, name, NULL));
    }
}

/* What "Sales & CS kit" must expand to in @project. */
static GStrv
expected_sales_kit (GtmProject *project)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (names, g_strdup ("one-pager"));
  add_names (names, "battlecard:", gtm_project_get_competitors (project));
  add_names (names, "persona:", gtm_project_get_personas (project));
  g_ptr_array_add (names, g_strdup ("pricing-sheet"));
  g_ptr_array_add (names, NULL);

  return g_strdupv ((char **) names->pdata);
}

static void
assert_strv (const char * const *actual,
             const char * const *expected)
{
  g_autofree char *a = g_strjoinv (" | ", (char **) actual);
  g_autofree char *e = g_strjoinv (" | ", (char **) expected);

  g_assert_cmpstr (a, ==, e);
}

static void
test_defaults (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Empty");
  g_autoptr(GtmProject) sample = gtm_core_test_read_sample ();
  g_auto(GStrv) names = gtm_pack_list_names (project);
  g_auto(GStrv) expanded = NULL;
  g_autoptr(GError) error = NULL;

  /* Always there, in this order, never stored. */
  assert_strv ((const char * const *) names, default_names);
  g_assert_cmpuint (g_list_model_get_n_items (gtm_project_get_packs (project)), ==, 0);
  for (guint i = 0; default_names[i] != NULL; i++)
    g_assert_true (gtm_pack_is_default (default_names[i]));
  g_assert_false (gtm_pack_is_default ("Launch day"));

  expanded = gtm_pack_expand (project, "Messaging strategy document", &error);
  g_assert_no_error (error);
  assert_strv ((const char * const *) expanded, (const char * const[]) { "messaging-doc", NULL });
  g_clear_pointer (&expanded, g_strfreev);

  expanded = gtm_pack_expand (project, "Customer-facing", &error);
  g_assert_no_error (error);
  assert_strv ((const char * const *) expanded,
               (const char * const[]) { "one-pager", "pricing-sheet", NULL });
  g_clear_pointer (&expanded, g_strfreev);

  /* A project with no boards: the case studies are the one-pager. */
  expanded = gtm_pack_expand (project, "Case studies", &error);
  g_assert_no_error (error);
  assert_strv ((const char * const *) expanded, (const char * const[]) { "one-pager", NULL });
  g_clear_pointer (&expanded, g_strfreev);

  /* In the sample, every board after it. */
  expanded = gtm_pack_expand (sample, "Case studies", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (expanded[0], ==, "one-pager");
  g_assert_cmpuint (g_strv_length (expanded),
                    ==, 1 + g_list_model_get_n_items (gtm_project_get_boards (sample)));
  for (guint i = 1; expanded[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (expanded[i], "board:"));
  g_clear_pointer (&expanded, g_strfreev);

  /* An unknown pack: a message naming it. */
  expanded = gtm_pack_expand (project, "Nope", &error);
  g_assert_null (expanded);
  g_assert_error (error, GTM_ASSET_ERROR, GTM_ASSET_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "“Nope”"));
}

static void
test_wildcards (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmHistory *history = gtm_project_get_history (project);
  g_auto(GStrv) expected = expected_sales_kit (project);
  g_auto(GStrv) expanded = NULL;
  g_autoptr(GError) error = NULL;
  GtmPersona *persona;

  /* The sample's three competitors and three personas. */
  g_assert_cmpuint (g_strv_length (expected), ==, 8);
  expanded = gtm_pack_expand (project, SALES_KIT, &error);
  g_assert_no_error (error);
  assert_strv ((const char * const *) expanded, (const char * const *) expected);
  g_clear_pointer (&expanded, g_strfreev);

  /* The project changes, the pack follows: a new persona… */
  persona = gtm_project_add_persona (project, GTM_PERSONA_KIND_BUYER,
                                     g_list_model_get_n_items (gtm_project_get_personas (project)),
                                     "Wang Fang 王芳", &error);
  g_assert_no_error (error);
  g_assert_nonnull (persona);
  /* …and a competitor less. */
  gtm_history_begin (history, "Delete Competitor");
  gtm_history_remove (history, GTM_NODE (project), "competitors", 0);
  gtm_history_end (history);

  g_clear_pointer (&expected, g_strfreev);
  expected = expected_sales_kit (project);
  g_assert_cmpstr (expected[6], ==, "persona:Wang Fang 王芳");
  expanded = gtm_pack_expand (project, SALES_KIT, &error);
  g_assert_no_error (error);
  assert_strv ((const char * const *) expanded, (const char * const *) expected);
  g_clear_pointer (&expanded, g_strfreev);

  /* Names that no longer exist are skipped, and each asset comes once. */
  g_assert_nonnull (gtm_pack_add (project, "Personas",
                                  (const char * const[]) { "persona:Nobody", "persona:Wang Fang 王芳",
                                                           "persona:*", "one-pager", "one-pager",
                                                           NULL },
                                  &error));
  g_assert_no_error (error);
  expanded = gtm_pack_expand (project, "Personas", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (expanded[0], ==, "persona:Wang Fang 王芳");
  g_assert_cmpuint (g_strv_length (expanded),
                    ==, g_list_model_get_n_items (gtm_project_get_personas (project)) + 1);
  g_assert_cmpstr (expanded[g_strv_length (expanded) - 1], ==, "one-pager");
  g_clear_pointer (&expanded, g_strfreev);

  /* A pack with nothing left to export says so. */
  g_assert_nonnull (gtm_pack_add (project, "Gone", (const char * const[]) { "board:Old", NULL },
                                  &error));
  g_assert_no_error (error);
  g_assert_null (gtm_pack_expand (project, "Gone", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "“Gone”"));
  g_assert_nonnull (strstr (error->message, "nothing to export"));
  g_clear_error (&error);

  g_assert_nonnull (gtm_pack_add (project, "Empty", NULL, &error));
  g_assert_null (gtm_pack_expand (project, "Empty", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_override (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) expanded = NULL;
  g_auto(GStrv) assets = NULL;
  g_autoptr(GError) error = NULL;
  GtmPack *kit;
  GtmPack *own;
  GtmPack *cases;

  /* The user's own packs come after the defaults. */
  own = gtm_pack_add (project, "  Launch day 发布日 ",
                      (const char * const[]) { "launch-timeline", "one-pager", NULL }, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtm_pack_get_name (own), ==, "Launch day 发布日");

  /* A pack called as a default replaces it, in its place. */
  kit = gtm_pack_add (project, SALES_KIT,
                      (const char * const[]) { "one-pager", "battlecard:*", NULL }, &error);
  g_assert_no_error (error);

  names = gtm_pack_list_names (project);
  g_assert_cmpuint (g_strv_length (names), ==, 6);
  for (guint i = 0; default_names[i] != NULL; i++)
    g_assert_cmpstr (names[i], ==, default_names[i]);
  g_assert_cmpstr (names[5], ==, "Launch day 发布日");
  g_assert_true (gtm_pack_find (project, SALES_KIT) == kit);
  g_assert_null (gtm_pack_find (project, "Customer-facing"));

  expanded = gtm_pack_expand (project, SALES_KIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (expanded[0], ==, "one-pager");
  g_assert_cmpuint (g_strv_length (expanded),
                    ==, 1 + g_list_model_get_n_items (gtm_project_get_competitors (project)));
  g_clear_pointer (&expanded, g_strfreev);

  /* Two packs never share a name. */
  g_assert_null (gtm_pack_add (project, SALES_KIT, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, SALES_KIT));
  g_clear_error (&error);
  g_assert_false (gtm_pack_rename (project, own, SALES_KIT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* Added with no assets, a default's pack starts as the default. */
  cases = gtm_pack_add (project, "Case studies", NULL, &error);
  g_assert_no_error (error);
  assert_strv (gtm_pack_get_assets (cases), (const char * const[]) { "one-pager", "board:*", NULL });
  assets = gtm_pack_dup_assets (project, "Internal marketing kit", &error);
  g_assert_no_error (error);
  assert_strv ((const char * const *) assets,
               (const char * const[]) { "one-pager", "persona:*", "messaging-doc", NULL });

  /* Removed, the default comes back. */
  gtm_pack_remove (project, kit);
  expanded = gtm_pack_expand (project, SALES_KIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (expanded), ==, 8);
}

static void
test_edits_undo (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmHistory *history = gtm_project_get_history (project);
  GListModel *packs = gtm_project_get_packs (project);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GtmProject) reread = NULL;
  g_autoptr(GtmPack) first = NULL;
  g_autoptr(GError) error = NULL;
  const char * const webinar[] = { "one-pager", "persona:*", NULL };
  GtmPack *pack;
  GtmPack *second;
  guint n_undo;

  /* Add: one step. */
  n_undo = gtm_history_get_n_undo (history);
  pack = gtm_pack_add (project, "Webinar", webinar, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpstr (gtm_history_get_undo_label (history), ==, "Add Pack");
  g_assert_true (gtm_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (packs), ==, 0);
  g_assert_true (gtm_history_redo (history));
  g_assert_cmpuint (g_list_model_get_n_items (packs), ==, 1);
  g_assert_true (gtm_pack_find (project, "Webinar") == pack);

  /* Rename. */
  g_assert_true (gtm_pack_rename (project, pack, "Webinar kit 网络研讨会", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtm_history_get_undo_label (history), ==, "Rename Pack");
  g_assert_true (gtm_history_undo (history));
  g_assert_cmpstr (gtm_pack_get_name (pack), ==, "Webinar");
  g_assert_true (gtm_history_redo (history));
  g_assert_cmpstr (gtm_pack_get_name (pack), ==, "Webinar kit 网络研讨会");

  /* Set the assets; the same again records nothing. */
  g_assert_true (gtm_pack_set_assets (project, pack,
                                      (const char * const[]) { "pricing-sheet", "battlecard:*", NULL },
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtm_history_get_undo_label (history), ==, "Change Pack");
  n_undo = gtm_history_get_n_undo (history);
  g_assert_true (gtm_pack_set_assets (project, pack,
                                      (const char * const[]) { "pricing-sheet", "battlecard:*", NULL },
                                      &error));
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, n_undo);
  g_assert_true (gtm_history_undo (history));
  assert_strv (gtm_pack_get_assets (pack), webinar);

  /* Move. */
  second = gtm_pack_add (project, "Board walk", (const char * const[]) { "board:*", NULL }, &error);
  g_assert_no_error (error);
  gtm_pack_move (project, 1, 0);
  g_assert_cmpstr (gtm_history_get_undo_label (history), ==, "Move Pack");
  first = g_list_model_get_item (packs, 0);
  g_assert_true (first == second);
  g_assert_true (gtm_history_undo (history));
  g_clear_object (&first);
  first = g_list_model_get_item (packs, 0);
  g_assert_true (first == pack);

  /* Remove: undone, the pack is back with its assets. */
  gtm_pack_remove (project, pack);
  g_assert_cmpstr (gtm_history_get_undo_label (history), ==, "Delete Pack");
  g_assert_null (gtm_pack_find (project, "Webinar kit 网络研讨会"));
  g_assert_true (gtm_history_undo (history));
  g_assert_true (gtm_pack_find (project, "Webinar kit 网络研讨会") == pack);
  assert_strv (gtm_pack_get_assets (pack), webinar);

  /* Refused edits change nothing. */
  n_undo = gtm_history_get_n_undo (history);
  g_assert_false (gtm_pack_rename (project, pack, "  ", &error));
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gtm_pack_rename (project, pack, "Two\nlines", &error));
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gtm_pack_add (project, "Bad", (const char * const[]) { "poster", NULL }, &error));
  g_assert_error (error, GTM_ASSET_ERROR, GTM_ASSET_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "“poster”"));
  g_clear_error (&error);
  g_assert_false (gtm_pack_set_assets (project, pack, (const char * const[]) { "persona:", NULL },
                                       &error));
  g_assert_error (error, GTM_ASSET_ERROR, GTM_ASSET_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, n_undo);
  assert_strv (gtm_pack_get_assets (pack), webinar);

  /* Saved and read back, in order. */
  saved = gtm_format_write_bytes (project);
  reread = gtm_format_read_bytes (saved, &error);
  g_assert_no_error (error);
  packs = gtm_project_get_packs (reread);
  g_assert_cmpuint (g_list_model_get_n_items (packs), ==, 2);
  g_clear_object (&first);
  first = g_list_model_get_item (packs, 0);
  g_assert_cmpstr (gtm_pack_get_name (first), ==, "Webinar kit 网络研讨会");
  assert_strv (gtm_pack_get_assets (first), webinar);
}

/* Export ------------------------------------------------------------------ */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  return names;
}

static char *
join_dir (const char *path)
{
  g_autoptr(GPtrArray) names = list_dir (path);

  g_ptr_array_add (names, NULL);
  return g_strjoinv (" | ", (char **) names->pdata);
}

typedef struct
{
  guint         calls;
  guint         total;
  GPtrArray    *labels;
  guint         cancel_at;
  GCancellable *cancellable;
  GThread      *thread;
} Progress;

static void
on_progress (guint       done,
             guint       total,
             const char *asset_label,
             gpointer    user_data)
{
  Progress *progress = user_data;

  /* On the thread that exports, whatever threads do the work. */
  g_assert_true (g_thread_self () == progress->thread);
  progress->calls++;
  g_assert_cmpuint (done, ==, progress->calls);
  g_assert_cmpuint (done, <=, total);
  progress->total = total;
  g_ptr_array_add (progress->labels, g_strdup (asset_label));

  if (done == progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_export (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  g_autofree char *tmp = gtm_core_test_make_dir ("gtm-pack");
  g_autofree char *path = g_build_filename (tmp, "kit 套件", "sales", NULL);
  g_autofree char *pack_pdf = g_build_filename (path, SALES_KIT ".pdf", NULL);
  g_autofree char *stale = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found = NULL;
  g_auto(GStrv) names = expected_sales_kit (project);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };
  GtmExportOptions options;
  guint sum = 0;
  pid_t dead;
  int status;

  if (!gtm_core_test_have_poppler ())
    return;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  options.scale = 1;

  /* A folder an export killed midway left behind; its process is gone. */
  dead = fork ();
  g_assert_cmpint (dead, >=, 0);
  if (dead == 0)
    _exit (0);
  g_assert_cmpint (waitpid (dead, &status, 0), ==, dead);
  g_assert_no_errno (g_mkdir_with_parents (path, 0700));
  stale = g_strdup_printf ("%s/.old.%ld-0badf00d.gtm-pack~", path, (long) dead);
  g_assert_no_errno (g_mkdir (stale, 0700));
  {
    g_autofree char *inside = g_build_filename (stale, "one-pager.pdf", NULL);

    g_assert_true (g_file_set_contents (inside, "half", -1, NULL));
  }
  /* An older export of the same pack, replaced. */
  {
    g_autofree char *old = g_build_filename (path, "one-pager.pdf", NULL);

    g_assert_true (g_file_set_contents (old, "old", -1, NULL));
  }

  progress.labels = g_ptr_array_new_with_free_func (g_free);
  progress.thread = g_thread_self ();
  g_assert_true (gtm_export_pack (project, SALES_KIT, dir, &options, on_progress, &progress,
                                  NULL, &error));
  g_assert_no_error (error);

  /* Progress after each asset, by its label. */
  g_assert_cmpuint (progress.calls, ==, g_strv_length (names));
  g_assert_cmpuint (progress.total, ==, g_strv_length (names));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *label = gtm_asset_dup_label (names[i]);

      g_assert_cmpstr (g_ptr_array_index (progress.labels, i), ==, label);
    }
  g_ptr_array_unref (progress.labels);

  /* The folder: the pack's PDF, and a PDF and PNGs per asset. */
  g_ptr_array_add (expected, g_strdup (SALES_KIT ".pdf"));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GtmAsset) asset = gtm_asset_new (project, names[i], &options, &error);
      g_autofree char *stem = gtm_asset_dup_file_stem (names[i]);
      g_autofree char *png = g_strconcat (stem, ".png", NULL);
      g_autoptr(GFile) png_file = g_file_get_child (dir, png);
      g_autoptr(GPtrArray) pngs = NULL;
      g_autofree char *pdf = g_strconcat (stem, ".pdf", NULL);
      g_autofree char *pdf_path = g_build_filename (path, pdf, NULL);
      guint n_pages;

      g_assert_no_error (error);
      n_pages = gtm_asset_get_n_pages (asset);
      g_assert_cmpuint (gtm_core_test_count_pdf_pages (pdf_path), ==, n_pages);
      sum += n_pages;

      g_ptr_array_add (expected, g_steal_pointer (&pdf));
      pngs = gtm_export_get_png_files (png_file, n_pages);
      for (guint j = 0; j < pngs->len; j++)
        {
          g_autofree char *png_path = g_file_get_path (g_ptr_array_index (pngs, j));
          cairo_surface_t *surface = cairo_image_surface_create_from_png (png_path);

          /* An A4 page at 96 dpi. */
          g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 794);
          g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1123);
          cairo_surface_destroy (surface);
          g_ptr_array_add (expected, g_file_get_basename (g_ptr_array_index (pngs, j)));
        }
    }
  g_ptr_array_sort (expected, compare_names);
  g_ptr_array_add (expected, NULL);
  {
    g_autofree char *want = g_strjoinv (" | ", (char **) expected->pdata);
    g_autofree char *have = join_dir (path);

    /* The stale folder is cleaned up too. */
    g_assert_cmpstr (have, ==, want);
  }

  /* Files named as the assets, Chinese and all. */
  {
    g_autofree char *battlecard = g_build_filename (path, "battlecard-LensIQ 透镜数据.pdf", NULL);
    g_autofree char *picture = g_build_filename (path, "battlecard-SheetFlow 表格流.png", NULL);

    g_assert_true (g_file_test (battlecard, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (picture, G_FILE_TEST_IS_REGULAR));
  }

  /* The pack's PDF: every asset's pages, in order, with their text in
   * English and Chinese. */
  g_assert_cmpuint (gtm_core_test_count_pdf_pages (pack_pdf), ==, sum);
  text = gtm_core_test_run_poppler ("pdftotext", pack_pdf);
  gtm_core_test_assert_text_contains (text, "Northwind BI");
  gtm_core_test_assert_text_contains (text, "透镜数据");
  gtm_core_test_assert_text_contains (text, "Zhang Wei");
  gtm_core_test_assert_text_contains (text, "张伟");
  g_clear_pointer (&text, g_free);
  {
    g_autofree char *info = gtm_core_test_run_poppler ("pdfinfo", pack_pdf);

    g_assert_nonnull (strstr (info, SALES_KIT));
  }

  found = list_dir (path);
  g_assert_cmpuint (found->len, ==, expected->len - 1);

  gtm_core_test_remove_tree (tmp);
}

/* A pack of boards only, made by the calling thread alone: a page each in
 * the PDFs, and PNGs of the boards' own size. */
static void
test_export_boards (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  g_autofree char *tmp = gtm_core_test_make_dir ("gtm-pack");
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  GtmExportOptions options, png;
  guint n_boards = g_list_model_get_n_items (gtm_project_get_boards (project));
  g_autofree char *pack_pdf = g_build_filename (tmp, "Boards 看板.pdf", NULL);

  if (!gtm_core_test_have_poppler ())
    return;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  options.page = GTM_EXPORT_PAGE_SLIDE_16_9;
  options.scale = 2;
  png = options;
  png.format = GTM_EXPORT_FORMAT_PNG;

  g_assert_nonnull (gtm_pack_add (project, "Boards 看板", (const char * const[]) { "board:*", NULL },
                                  &error));
  g_assert_no_error (error);
  g_assert_true (gtm_export_pack (project, "Boards 看板", dir, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (gtm_core_test_count_pdf_pages (pack_pdf), ==, n_boards);
  names = gtm_pack_expand (project, "Boards 看板", &error);
  g_assert_cmpuint (g_strv_length (names), ==, n_boards);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GtmAsset) asset = gtm_asset_new (project, names[i], &png, &error);
      g_autofree char *stem = gtm_asset_dup_file_stem (names[i]);
      g_autofree char *png_name = g_strconcat (stem, ".png", NULL);
      g_autofree char *png_path = g_build_filename (tmp, png_name, NULL);
      g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
      g_autofree char *pdf_path = g_build_filename (tmp, pdf_name, NULL);
      cairo_surface_t *surface = cairo_image_surface_create_from_png (png_path);
      double width, height;

      g_assert_no_error (error);
      gtm_asset_get_page_size (asset, 0, &width, &height);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (abs (cairo_image_surface_get_width (surface) - (int) (2 * width)), <=, 1);
      g_assert_cmpint (abs (cairo_image_surface_get_height (surface) - (int) (2 * height)), <=, 1);
      cairo_surface_destroy (surface);
      g_assert_cmpuint (gtm_core_test_count_pdf_pages (pdf_path), ==, 1);
    }

  gtm_core_test_remove_tree (tmp);
}

static void
test_export_cancel (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  g_autofree char *tmp = gtm_core_test_make_dir ("gtm-pack");
  g_autofree char *missing = g_build_filename (tmp, "new", "kit", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(GFile) missing_dir = g_file_new_for_path (missing);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };
  GtmExportOptions options;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  {
    g_autofree char *mine = g_build_filename (tmp, "notes.txt", NULL);
    g_autofree char *older = g_build_filename (tmp, "one-pager.pdf", NULL);

    g_assert_true (g_file_set_contents (mine, "mine", -1, NULL));
    g_assert_true (g_file_set_contents (older, "older", -1, NULL));
  }
  before = join_dir (tmp);

  /* Cancelled after the second asset: nothing new, nothing replaced. */
  progress.labels = g_ptr_array_new_with_free_func (g_free);
  progress.thread = g_thread_self ();
  progress.cancel_at = 2;
  progress.cancellable = cancellable;
  g_assert_false (gtm_export_pack (project, SALES_KIT, dir, &options, on_progress, &progress,
                                   cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (progress.calls, ==, 2);
  after = join_dir (tmp);
  g_assert_cmpstr (after, ==, before);
  {
    g_autofree char *older = g_build_filename (tmp, "one-pager.pdf", NULL);
    g_autofree char *content = NULL;

    g_assert_true (g_file_get_contents (older, &content, NULL, NULL));
    g_assert_cmpstr (content, ==, "older");
  }

  /* Into a folder it had to make: the folder goes too. */
  g_ptr_array_set_size (progress.labels, 0);
  progress.calls = 0;
  g_cancellable_reset (cancellable);
  g_assert_false (gtm_export_pack (project, SALES_KIT, missing_dir, &options, on_progress,
                                   &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = join_dir (tmp);
  g_assert_cmpstr (after, ==, before);

  /* Cancelled before it starts. */
  g_assert_false (gtm_export_pack (project, SALES_KIT, dir, &options, NULL, NULL,
                                   cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = join_dir (tmp);
  g_assert_cmpstr (after, ==, before);

  /* A picture that can't be made, by a worker (generated layouts) or by
   * the calling thread (boards): its error, and nothing left behind. */
  options.scale = 0;
  for (guint i = 0; i < 2; i++)
    {
      const char *pack = i == 0 ? "Customer-facing" : "Case studies";

      g_assert_false (gtm_export_pack (project, pack, dir, &options, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, "scale"));
      g_clear_error (&error);
      g_clear_pointer (&after, g_free);
      after = join_dir (tmp);
      g_assert_cmpstr (after, ==, before);
    }
  options.scale = 1;

  /* An unknown pack, and a pack with nothing in it: clear errors. */
  g_assert_false (gtm_export_pack (project, "Nope", dir, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, GTM_ASSET_ERROR, GTM_ASSET_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "Nope"));
  g_clear_error (&error);

  g_ptr_array_unref (progress.labels);
  gtm_core_test_remove_tree (tmp);
}

static void
test_export_unwritable (void)
{
  g_autoptr(GtmProject) project = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *below = NULL;
  g_autofree char *file_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) below_dir = NULL;
  g_autoptr(GFile) not_dir = NULL;
  g_autoptr(GError) error = NULL;
  GtmExportOptions options;

  if (!gtm_core_test_run_as_ordinary_user ())
    return;

  project = gtm_core_test_read_sample ();
  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  tmp = gtm_core_test_make_dir ("gtm-pack");
  locked = g_build_filename (tmp, "locked", NULL);
  g_assert_no_errno (g_mkdir (locked, 0700));
  {
    g_autofree char *older = g_build_filename (locked, "one-pager.pdf", NULL);

    g_assert_true (g_file_set_contents (older, "older", -1, NULL));
  }
  g_assert_no_errno (g_chmod (locked, 0555));
  before = join_dir (locked);

  /* A folder that can't be written to. */
  dir = g_file_new_for_path (locked);
  g_assert_false (gtm_export_pack (project, "Customer-facing", dir, &options, NULL, NULL,
                                   NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, locked));
  g_clear_error (&error);
  after = join_dir (locked);
  g_assert_cmpstr (after, ==, before);

  /* Nor a folder below it. */
  below = g_build_filename (locked, "kit", NULL);
  below_dir = g_file_new_for_path (below);
  g_assert_false (gtm_export_pack (project, "Customer-facing", below_dir, &options, NULL, NULL,
                                   NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, below));
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = join_dir (locked);
  g_assert_cmpstr (after, ==, before);

  /* A file where the folder should be. */
  file_path = g_build_filename (tmp, "file", NULL);
  g_assert_true (g_file_set_contents (file_path, "x", -1, NULL));
  not_dir = g_file_new_for_path (file_path);
  g_assert_false (gtm_export_pack (project, "Customer-facing", not_dir, &options, NULL, NULL,
                                   NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, file_path));
  g_clear_error (&error);

  gtm_core_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

  g_test_add_func ("/pack/defaults", test_defaults);
  g_test_add_func ("/pack/wildcards", test_wildcards);
  g_test_add_func ("/pack/override", test_override);
  g_test_add_func ("/pack/edits-undo", test_edits_undo);
  g_test_add_func ("/pack/export", test_export);
  g_test_add_func ("/pack/export-boards", test_export_boards);
  g_test_add_func ("/pack/export-cancel", test_export_cancel);
  g_test_add_func ("/pack/export-unwritable", test_export_unwritable);

  return g_test_run ();
}
