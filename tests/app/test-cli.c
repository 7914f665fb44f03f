/* test-cli.c — gtm-studio check, upgrade, export and --version, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <cairo.h>

#include "gtm-core.h"
#include "gtm-test-utils.h"

static char *
sample_path (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();

  return g_file_get_path (sample);
}

static char *
expected_ok_line (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmProject) project = gtm_format_read_file (file, NULL, &error);

  g_assert_no_error (error);
  return g_strdup_printf ("%s: ok, %u boards, %u items, %u personas\n", path,
                          g_list_model_get_n_items (gtm_project_get_boards (project)),
                          gtm_project_count_items (project),
                          g_list_model_get_n_items (gtm_project_get_personas (project)));
}

static void
test_version (void)
{
  const char *argv[] = { "--version", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (gtm_test_run_cli (argv, &out), ==, 0);
  g_assert_cmpstr (out, ==, "gtm-studio " PACKAGE_VERSION "\n");
}

static void
test_check_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *expected = expected_ok_line (path);
  const char *argv[] = { "check", path, NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (gtm_test_run_cli (argv, &out), ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_check_broken (void)
{
  g_autoptr(GFile) bad = gtm_test_get_data_file ("bad/boards-not-list.gtm");
  g_autofree char *bad_path = g_file_get_path (bad);
  g_autofree char *path = sample_path ();
  g_autofree char *ok_line = expected_ok_line (path);
  g_autofree char *prefix = g_strdup_printf ("%s: ", bad_path);
  const char *argv[] = { "check", bad_path, NULL };
  const char *both[] = { "check", path, bad_path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  /* One line naming the file and the problem; status 1. */
  g_assert_cmpint (gtm_test_run_cli (argv, &out), ==, 1);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[1], ==, "");
  g_assert_true (g_str_has_prefix (lines[0], prefix));
  g_assert_nonnull (strstr (lines[0], "boards"));
  g_assert_false (g_str_has_prefix (lines[0] + strlen (prefix), "ok"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&lines, g_strfreev);

  /* Valid and invalid together: a line each, in order, and status 1. */
  g_assert_cmpint (gtm_test_run_cli (both, &out), ==, 1);
  g_assert_true (g_str_has_prefix (out, ok_line));
  g_assert_true (g_str_has_prefix (out + strlen (ok_line), prefix));
  g_clear_pointer (&out, g_free);

  /* A file that does not exist. */
  {
    const char *missing[] = { "check", "/nonexistent/x.gtm", NULL };

    g_assert_cmpint (gtm_test_run_cli (missing, &out), ==, 1);
    g_assert_true (g_str_has_prefix (out, "/nonexistent/x.gtm: "));
  }
}

static void
test_check_without_files (void)
{
  const char *argv[] = { "check", NULL };
  const char *binary = g_getenv ("GTM_STUDIO_BIN");
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  /* A usage message on stderr and a non-zero status. */
  g_spawn_sync (NULL, (char *[]) { (char *) binary, (char *) argv[0], NULL }, NULL,
                G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, "check FILE"));
}

static void
test_upgrade (void)
{
  g_autoptr(GFile) old = gtm_test_get_data_file ("format-v0.gtm");
  g_autoptr(GFile) bad = gtm_test_get_data_file ("bad/boards-not-list.gtm");
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "old 旧.gtm", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.gtm", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autoptr(GFile) bad_copy = g_file_new_for_path (bad_path);
  g_autofree char *contents = NULL;
  g_autofree char *bad_before = NULL;
  g_autofree char *bad_after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  const char *upgrade[] = { "upgrade", path, NULL };
  const char *upgrade_bad[] = { "upgrade", bad_path, NULL };
  const char *check[] = { "check", path, NULL };
  g_autoptr(GError) error = NULL;

  g_file_copy (old, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_copy (bad, bad_copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"version\": 0"));
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (gtm_test_run_cli (upgrade, &out), ==, 0);
  expected = g_strdup_printf ("%s: saved in format version %d\n", path, GTM_FORMAT_VERSION);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);

  /* Rewritten as version 1, and valid. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"version\": 1"));
  g_assert_cmpint (gtm_test_run_cli (check, &out), ==, 0);
  g_clear_pointer (&out, g_free);

  /* A broken file is reported and left as it was. */
  g_assert_true (g_file_get_contents (bad_path, &bad_before, NULL, NULL));
  g_assert_cmpint (gtm_test_run_cli (upgrade_bad, &out), ==, 1);
  g_assert_true (g_str_has_prefix (out, bad_path));
  g_assert_true (g_file_get_contents (bad_path, &bad_after, NULL, NULL));
  g_assert_cmpstr (bad_before, ==, bad_after);
}

/* export ------------------------------------------------------------------- */

#define POSITIONING "board:Positioning & personas 定位与画像"

/* The standard output of a poppler tool, or NULL (and the test skipped)
 * when it is not installed. */
static char *
run_poppler (const char *tool,
             const char *pdf)
{
  g_autofree char *found = g_find_program_in_path (tool);
  const char *argv[] = { tool, pdf, g_str_equal (tool, "pdftotext") ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (found == NULL)
    {
      g_test_skip ("poppler-utils are not installed");
      return NULL;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
test_export_list (void)
{
  g_autofree char *path = sample_path ();
  const char *argv[] = { "export", path, "--list", NULL };
  g_autofree char *out = NULL;

  /* The sample's five boards, its generated layouts (a persona sheet per
   * persona, a battlecard per competitor) and the default packs, in
   * order, one per line. */
  g_assert_cmpint (gtm_test_run_cli (argv, &out), ==, 0);
  g_assert_cmpstr (out, ==,
                   "board:Launch overview 发布总览\n"
                   POSITIONING "\n"
                   "board:SWOT\n"
                   "board:Value proposition canvas 客户价值图\n"
                   "board:Customer journey 用户旅程\n"
                   "one-pager\n"
                   "persona:张伟 Zhang Wei\n"
                   "persona:林莎 Sarah Lin\n"
                   "persona:李丽 Lily Li\n"
                   "battlecard:LensIQ 透镜数据\n"
                   "battlecard:Northwind BI\n"
                   "battlecard:SheetFlow 表格流\n"
                   "messaging-doc\n"
                   "pricing-sheet\n"
                   "launch-timeline\n"
                   "pack:Messaging strategy document\n"
                   "pack:Internal marketing kit\n"
                   "pack:Sales & CS kit\n"
                   "pack:Customer-facing\n"
                   "pack:Case studies\n");
}

static void
test_export_pdf (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "positioning 定位.pdf", NULL);
  const char *argv[] = { "export", path, "--asset", POSITIONING, "--format", "pdf",
                         "--page-size", "a4", "-o", pdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  const char *line;
  double w = 0, h = 0;

  g_assert_cmpint (gtm_test_run_cli (argv, &out), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  if ((info = run_poppler ("pdfinfo", pdf)) == NULL)
    return;

  /* An A4 page, titled with the board's name, with its text. */
  line = strstr (info, "Page size:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Page size: %lf x %lf", &w, &h), ==, 2);
  g_assert_cmpint ((int) (w + 0.5), ==, 595);
  g_assert_cmpint ((int) (h + 0.5), ==, 842);
  g_assert_nonnull (strstr (info, "Positioning & personas 定位与画像"));

  text = run_poppler ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "定位"));
}

/* Exports the positioning board as a PNG at @scale; returns its size. */
static void
export_png (const char *dir,
            const char *scale,
            int        *width,
            int        *height)
{
  g_autofree char *path = sample_path ();
  g_autofree char *name = g_strdup_printf ("board@%s.png", scale);
  g_autofree char *png = g_build_filename (dir, name, NULL);
  const char *argv[] = { "export", path, "--asset", POSITIONING, "--format", "png",
                         "--scale", scale, "-o", png, NULL };
  g_autofree char *out = NULL;
  cairo_surface_t *surface;

  g_assert_cmpint (gtm_test_run_cli (argv, &out), ==, 0);

  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  *width = cairo_image_surface_get_width (surface);
  *height = cairo_image_surface_get_height (surface);
  cairo_surface_destroy (surface);
}

static void
test_export_png (void)
{
  g_autofree char *dir = gtm_test_make_temp_dir ();
  int w1, h1, w2, h2;

  export_png (dir, "1", &w1, &h1);
  export_png (dir, "2", &w2, &h2);

  g_assert_cmpint (w1, >, 100);
  g_assert_cmpint (h1, >, 100);
  g_assert_cmpint (abs (w2 - 2 * w1), <=, 1);
  g_assert_cmpint (abs (h2 - 2 * h1), <=, 1);
}

static void
test_export_svg (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *svg = g_build_filename (dir, "board.svg", NULL);
  const char *argv[] = { "export", path, "--asset", "board:SWOT", "--format", "svg",
                         "-o", svg, NULL };
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (gtm_test_run_cli (argv, &out), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
}

/* The number of pages pdfinfo counts in @pdf, or 0 (and the test skipped)
 * without poppler. */
static guint
count_pages (const char *pdf)
{
  g_autofree char *info = run_poppler ("pdfinfo", pdf);
  const char *line;
  guint pages = 0;

  if (info == NULL)
    return 0;

  line = strstr (info, "\nPages:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "\nPages: %u", &pages), ==, 1);
  return pages;
}

static void
test_export_one_pager (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "one-pager.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "one-pager.png", NULL);
  g_autofree char *png2 = g_build_filename (dir, "one-pager@2x.png", NULL);
  const char *to_pdf[] = { "export", path, "--asset", "one-pager", "--format", "pdf",
                           "--page-size", "letter", "-o", pdf, NULL };
  const char *to_png[] = { "export", path, "--asset", "one-pager", "--format", "png",
                           "-o", png, NULL };
  const char *to_png2[] = { "export", path, "--asset", "one-pager", "--format", "png",
                            "--scale", "2", "-o", png2, NULL };
  g_autofree char *out = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  const char *line;
  double w = 0, h = 0;
  int width;

  /* A PDF on a Letter page, titled, with the product's name. */
  g_assert_cmpint (gtm_test_run_cli (to_pdf, &out), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  if ((info = run_poppler ("pdfinfo", pdf)) == NULL)
    return;
  line = strstr (info, "Page size:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Page size: %lf x %lf", &w, &h), ==, 2);
  g_assert_cmpint ((int) (w + 0.5), ==, 612);
  g_assert_cmpint ((int) (h + 0.5), ==, 792);
  g_assert_nonnull (strstr (info, "One-pager"));
  text = run_poppler ("pdftotext", pdf);
  g_assert_cmpuint (strlen (text), >, 0);

  /* A PNG of the A4 page at 96 dpi, and twice as wide at scale 2. */
  g_assert_cmpint (gtm_test_run_cli (to_png, &out), ==, 0);
  g_clear_pointer (&out, g_free);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (surface);
  g_assert_cmpint (width, ==, 794);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1123);
  cairo_surface_destroy (surface);

  g_assert_cmpint (gtm_test_run_cli (to_png2, &out), ==, 0);
  surface = cairo_image_surface_create_from_png (png2);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (abs (cairo_image_surface_get_width (surface) - 2 * width), <=, 1);
  cairo_surface_destroy (surface);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
test_export_pack (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *kit = g_build_filename (dir, "kit 套件", NULL);
  g_autofree char *pack_pdf = g_build_filename (kit, "Customer-facing.pdf", NULL);
  const char *argv[] = { "export", path, "--pack", "Customer-facing", "--page-size", "letter",
                         "-o", kit, NULL };
  const char *prefixed[] = { "export", path, "--pack", "pack:Customer-facing", "-o", kit, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  g_autofree char *joined = NULL;
  const char *name;
  guint pages;

  /* The folder is made; the last line says what was written. */
  g_assert_cmpint (gtm_test_run_cli_full (argv, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  expected = g_strdup_printf ("%s: wrote “Customer-facing.pdf” with the pages of 2 assets, "
                              "and a PDF and PNG of each\n", kit);
  g_assert_cmpstr (out, ==, expected);

  /* The pack's PDF, and a PDF and a PNG per asset: nothing else. */
  listing = g_dir_open (kit, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (" ", (char **) names->pdata);
  g_assert_cmpstr (joined, ==, "Customer-facing.pdf one-pager.pdf one-pager.png "
                               "pricing-sheet.pdf pricing-sheet.png");

  if ((pages = count_pages (pack_pdf)) == 0)
    return;
  {
    g_autofree char *one_pager = g_build_filename (kit, "one-pager.pdf", NULL);
    g_autofree char *pricing = g_build_filename (kit, "pricing-sheet.pdf", NULL);

    g_assert_cmpuint (pages, ==, count_pages (one_pager) + count_pages (pricing));
  }

  /* Again, named as --list names it: the files are replaced. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (gtm_test_run_cli (prefixed, &out), ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_export_errors (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) bad = gtm_test_get_data_file ("bad/boards-not-list.gtm");
  g_autofree char *bad_path = g_file_get_path (bad);
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "out.png", NULL);
  g_autofree char *unwritable = g_build_filename (dir, "missing", "out.png", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "missing", NULL);
  const struct {
    const char *argv[12];
    int status;
    const char *says[3];
  } cases[] = {
    /* The project can't be read. */
    { { "export", "/nonexistent/x.gtm", "--list" }, 1, { "/nonexistent/x.gtm: " } },
    { { "export", bad_path, "--asset", "board:SWOT", "--format", "png", "-o", target },
      1, { bad_path, "boards" } },
    /* No such asset: the names that exist, and --list. */
    { { "export", path, "--asset", "board:Nope", "--format", "png", "-o", target },
      1, { "board:Nope", "board:SWOT", "--list" } },
    { { "export", path, "--asset", "SWOT", "--format", "png", "-o", target },
      1, { "“SWOT”", "board:SWOT" } },
    /* Bad option values. */
    { { "export", path, "--asset", "board:SWOT", "--format", "bmp", "-o", target },
      2, { "bmp", "--format", "pdf, png or svg" } },
    { { "export", path, "--asset", "board:SWOT", "--format", "png", "--scale", "0", "-o", target },
      2, { "“0”", "--scale" } },
    { { "export", path, "--asset", "board:SWOT", "--format", "png", "--scale", "abc", "-o", target },
      2, { "“abc”", "--scale" } },
    { { "export", path, "--asset", "board:SWOT", "--format", "pdf", "--page-size", "a3", "-o", target },
      2, { "a3", "--page-size", "a4, letter or slide" } },
    { { "export", path, "--asset", "board:SWOT", "--format", "png", "--bogus", "-o", target },
      2, { "--bogus" } },
    /* Something missing. */
    { { "export", path, "--asset", "board:SWOT", "--format", "png" }, 2, { "-o FILE" } },
    { { "export", path, "--asset", "board:SWOT", "-o", target }, 2, { "--format" } },
    { { "export", path }, 2, { "--list", "--asset" } },
    { { "export", path, "--list", "--asset", "board:SWOT" }, 2, { "--list", "--asset" } },
    { { "export" }, 2, { "export PROJECT.gtm", "--pack NAME -o FOLDER" } },
    /* Packs: unknown, or with options that don't go with them. */
    { { "export", path, "--pack", "Nope", "-o", dir },
      1, { "“Nope”", "Sales & CS kit", "--list" } },
    { { "export", path, "--pack", "Sales & CS kit", "--format", "svg", "-o", dir },
      2, { "--format", "--pack" } },
    { { "export", path, "--pack", "Sales & CS kit", "--format", "pdf", "-o", dir },
      2, { "--format", "--pack" } },
    { { "export", path, "--asset", "one-pager", "--pack", "Sales & CS kit", "-o", dir },
      2, { "--asset", "--pack" } },
    { { "export", path, "--list", "--pack", "Sales & CS kit" }, 2, { "--list", "--pack" } },
    { { "export", path, "--pack", "Sales & CS kit" }, 2, { "-o FOLDER" } },
    { { "export", path, "--pack", "Sales & CS kit", "--scale", "-1", "-o", dir },
      2, { "“-1”", "--scale" } },
    /* Generated layouts: no SVG, and a pack is not an asset. */
    { { "export", path, "--asset", "one-pager", "--format", "svg", "-o", target },
      2, { "One-pager", "SVG" } },
    { { "export", path, "--asset", "pack:Sales & CS kit", "--format", "pdf", "-o", target },
      2, { "--pack" } },
    { { "export", path, "--asset", "persona:Nobody", "--format", "pdf", "-o", target },
      1, { "“persona:Nobody”", "persona:张伟 Zhang Wei", "battlecard:Northwind BI" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("case %u: %s", i, cases[i].argv[2]);
      g_assert_cmpint (gtm_test_run_cli_full (cases[i].argv, &out, &err), ==, cases[i].status);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_suffix (err, "\n"));
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].says) && cases[i].says[j] != NULL; j++)
        if (strstr (err, cases[i].says[j]) == NULL)
          g_error ("case %u: “%s” not in: %s", i, cases[i].says[j], err);

      /* Nothing written. */
      g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
      {
        g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);

        g_assert_nonnull (listing);
        g_assert_null (g_dir_read_name (listing));
      }
    }

  /* An output in a folder that does not exist: the error names it, and no
   * file or folder is left behind. */
  {
    const char *argv[] = { "export", path, "--asset", "board:SWOT", "--format", "png",
                           "-o", unwritable, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autoptr(GDir) listing = NULL;

    g_assert_cmpint (gtm_test_run_cli_full (argv, &out, &err), ==, 1);
    g_assert_true (g_str_has_prefix (err, unwritable));
    g_assert_nonnull (strstr (err, missing_dir));
    g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
    listing = g_dir_open (dir, 0, NULL);
    g_assert_nonnull (listing);
    g_assert_null (g_dir_read_name (listing));
  }

  /* A pack into a folder that can't be made: the error names it, and
   * nothing is left behind. */
  {
    g_autofree char *file = g_build_filename (dir, "file", NULL);
    g_autofree char *below = g_build_filename (file, "kit", NULL);
    const char *argv[] = { "export", path, "--pack", "Customer-facing", "-o", below, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autoptr(GDir) listing = NULL;

    g_assert_true (g_file_set_contents (file, "", -1, NULL));
    g_assert_cmpint (gtm_test_run_cli_full (argv, &out, &err), ==, 1);
    g_assert_cmpstr (out, ==, "");
    g_assert_true (g_str_has_prefix (err, below));
    listing = g_dir_open (dir, 0, NULL);
    g_assert_cmpstr (g_dir_read_name (listing), ==, "file");
    g_assert_null (g_dir_read_name (listing));
  }
}

int
main (int   argc,
      char *argv[])
{
  /* No gtm_test_init(): this program needs no display either. */
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/check-sample", test_check_sample);
  g_test_add_func ("/cli/check-broken", test_check_broken);
  g_test_add_func ("/cli/check-without-files", test_check_without_files);
  g_test_add_func ("/cli/upgrade", test_upgrade);
  g_test_add_func ("/cli/export-list", test_export_list);
  g_test_add_func ("/cli/export-pdf", test_export_pdf);
  g_test_add_func ("/cli/export-png", test_export_png);
  g_test_add_func ("/cli/export-svg", test_export_svg);
  g_test_add_func ("/cli/export-one-pager", test_export_one_pager);
  g_test_add_func ("/cli/export-pack", test_export_pack);
  g_test_add_func ("/cli/export-errors", test_export_errors);

  return gtm_test_run ();
}
