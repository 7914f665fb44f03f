/* test-asset.c — what a project can export, laid out into pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "gtm-core.h"
#include "gtm-core-test-utils.h"

/* The sample lists its boards, then the one-pager, its personas, its
 * competitors' battlecards and the project-wide documents, in the
 * project's order; each name looks up its node. */
static void
test_names (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  g_auto(GStrv) names = gtm_asset_list_names (project);
  const char *expected[] = {
    "board:Launch overview 发布总览",
    "board:Positioning & personas 定位与画像",
    "board:SWOT",
    "board:Value proposition canvas 客户价值图",
    "board:Customer journey 用户旅程",
    "one-pager",
    "persona:张伟 Zhang Wei",
    "persona:林莎 Sarah Lin",
    "persona:李丽 Lily Li",
    "battlecard:LensIQ 透镜数据",
    "battlecard:Northwind BI",
    "battlecard:SheetFlow 表格流",
    "messaging-doc",
    "pricing-sheet",
    "launch-timeline",
    NULL
  };
  GtmAssetKind kind;
  GtmNode *node;

  g_assert_cmpstrv (names, expected);

  g_assert_true (gtm_asset_lookup (project, "persona:林莎 Sarah Lin", &kind, &node));
  g_assert_cmpint (kind, ==, GTM_ASSET_PERSONA);
  g_assert_true (GTM_IS_PERSONA (node));
  g_assert_cmpstr (gtm_persona_get_name (GTM_PERSONA (node)), ==, "林莎 Sarah Lin");

  g_assert_true (gtm_asset_lookup (project, "battlecard:Northwind BI", &kind, &node));
  g_assert_cmpint (kind, ==, GTM_ASSET_BATTLECARD);
  g_assert_true (GTM_IS_COMPETITOR (node));

  g_assert_true (gtm_asset_lookup (project, "one-pager", &kind, &node));
  g_assert_cmpint (kind, ==, GTM_ASSET_ONE_PAGER);
  g_assert_null (node);

  g_assert_false (gtm_asset_lookup (project, "persona:Nobody", NULL, NULL));
  g_assert_false (gtm_asset_lookup (project, "board", NULL, NULL));
  g_assert_false (gtm_asset_lookup (project, "one-pager:x", NULL, NULL));
  g_assert_false (gtm_asset_lookup (project, "", NULL, NULL));
}

static void
test_labels_and_stems (void)
{
  struct { const char *name, *label, *stem; } cases[] = {
    { "board:SWOT", "Board: SWOT", "board-SWOT" },
    { "persona:张伟 Zhang Wei", "Persona sheet: 张伟 Zhang Wei", "persona-张伟 Zhang Wei" },
    { "battlecard:A/B: \"C\"?", "Battlecard: A/B: \"C\"?", "battlecard-A-B- -C--" },
    { "one-pager", "One-pager", "one-pager" },
    { "messaging-doc", "Messaging strategy document", "messaging-doc" },
    { "board:.hidden", "Board: .hidden", "board-.hidden" },
    { ".x", ".x", "-x" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = gtm_asset_dup_label (cases[i].name);
      g_autofree char *stem = gtm_asset_dup_file_stem (cases[i].name);

      g_assert_cmpstr (label, ==, cases[i].label);
      g_assert_cmpstr (stem, ==, cases[i].stem);
    }

  /* Long names are cut on a character, not inside one. */
  {
    g_autoptr(GString) name = g_string_new ("board:");
    g_autofree char *stem = NULL;

    for (guint i = 0; i < 200; i++)
      g_string_append (name, "灯");
    stem = gtm_asset_dup_file_stem (name->str);
    g_assert_true (g_utf8_validate (stem, -1, NULL));
    g_assert_cmpuint (strlen (stem), <=, 203);
  }
}

/* Unknown names and SVGs of generated layouts are refused with a message
 * naming them. */
static void
test_errors (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  g_autoptr(GError) error = NULL;
  GtmExportOptions options;
  GtmAsset *asset;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  asset = gtm_asset_new (project, "battlecard:Nobody", &options, &error);
  g_assert_null (asset);
  g_assert_error (error, GTM_ASSET_ERROR, GTM_ASSET_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "battlecard:Nobody"));
  g_clear_error (&error);

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_SVG);
  asset = gtm_asset_new (project, "one-pager", &options, &error);
  g_assert_null (asset);
  g_assert_error (error, GTM_ASSET_ERROR, GTM_ASSET_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "One-pager"));
}

/* A board fits one page, or at 100 % spans as many as it needs, each page
 * showing its own piece; as a PNG or SVG it is one page in board units. */
static void
test_board_pages (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  g_autoptr(GtmAsset) fit = NULL;
  g_autoptr(GtmAsset) span = NULL;
  g_autoptr(GtmAsset) picture = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = "board:Launch overview 发布总览";
  GtmExportOptions options;
  GtmRect bounds;
  GtmNode *board;
  double width, height, room_width, room_height;
  guint columns, rows;

  g_assert_true (gtm_asset_lookup (project, name, NULL, &board));
  gtm_render_board_bounds (GTM_BOARD (board), &bounds);

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  fit = gtm_asset_new (project, name, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gtm_asset_get_n_pages (fit), ==, 1);
  gtm_asset_get_page_size (fit, 0, &width, &height);
  g_assert_cmpint ((int) round (width), ==, 595);
  g_assert_cmpint ((int) round (height), ==, 842);
  g_assert_cmpfloat (gtm_asset_get_units_dpi (fit), ==, 72);
  g_assert_cmpfloat_with_epsilon (gtm_asset_get_board_scale (fit),
                                  MIN ((width - 72) / (bounds.width + 2 * GTM_RENDER_MARGIN),
                                       (height - 72) / (bounds.height + 2 * GTM_RENDER_MARGIN)),
                                  1e-9);

  options.span_pages = TRUE;
  span = gtm_asset_new (project, name, &options, &error);
  g_assert_no_error (error);
  room_width = width - 72;
  room_height = height - 72;
  columns = (guint) ceil ((bounds.width + 2 * GTM_RENDER_MARGIN) * 0.75 / room_width);
  rows = (guint) ceil ((bounds.height + 2 * GTM_RENDER_MARGIN) * 0.75 / room_height);
  g_assert_cmpuint (columns * rows, >, 1);
  g_assert_cmpuint (gtm_asset_get_n_pages (span), ==, columns * rows);
  g_assert_cmpfloat (gtm_asset_get_board_scale (span), ==, 0.75);

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PNG);
  picture = gtm_asset_new (project, name, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gtm_asset_get_n_pages (picture), ==, 1);
  gtm_asset_get_page_size (picture, 0, &width, &height);
  g_assert_cmpfloat (width, ==, bounds.width + 2 * GTM_RENDER_MARGIN);
  g_assert_cmpfloat (height, ==, bounds.height + 2 * GTM_RENDER_MARGIN);
  g_assert_cmpfloat (gtm_asset_get_units_dpi (picture), ==, 96);
}

/* The pixels per metre a PNG says it has (its pHYs chunk), or 0. */
static guint32
png_pixels_per_metre (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  guint32 value;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (gsize i = 0; i + 13 <= length; i++)
    if (memcmp (data + i, "pHYs", 4) == 0 && data[i + 12] == 1)
      {
        memcpy (&value, data + i + 4, sizeof value);
        return GUINT32_FROM_BE (value);
      }

  return 0;
}

/* A board spread over pages becomes a PDF of that many pages, or one PNG
 * per page named -1, -2, …; a PNG of a generated layout is at 96 dpi per
 * scale step, so an A4 page at 1× is 794 × 1123 pixels. */
static void
test_export_pages (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-asset");
  g_autofree char *pdf = g_build_filename (dir, "overview.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "overview.png", NULL);
  g_autofree char *sheet_png = g_build_filename (dir, "one-pager.png", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) sheet_file = g_file_new_for_path (sheet_png);
  g_autoptr(GtmAsset) span = NULL;
  g_autoptr(GtmAsset) sheet = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = "board:Launch overview 发布总览";
  GtmExportOptions options;
  GtmExportResult result;
  guint n_pages;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  options.span_pages = TRUE;
  span = gtm_asset_new (project, name, &options, &error);
  g_assert_no_error (error);
  n_pages = gtm_asset_get_n_pages (span);

  g_assert_true (gtm_export_asset (span, pdf_file, &options, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_pages, ==, n_pages);
  if (gtm_core_test_have_poppler ())
    g_assert_cmpuint (gtm_core_test_count_pdf_pages (pdf), ==, n_pages);

  options.format = GTM_EXPORT_FORMAT_PNG;
  g_assert_true (gtm_export_asset (span, png_file, &options, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_pages, ==, n_pages);
  files = gtm_export_get_png_files (png_file, n_pages);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *basename = g_file_get_basename (g_ptr_array_index (files, i));
      g_autofree char *expected = g_strdup_printf ("overview-%u.png", i + 1);

      g_assert_cmpstr (basename, ==, expected);
      g_assert_true (g_file_query_exists (g_ptr_array_index (files, i), NULL));
    }
  g_assert_false (g_file_query_exists (png_file, NULL));

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PNG);
  sheet = gtm_asset_new (project, "one-pager", &options, &error);
  g_assert_no_error (error);
  g_assert_true (gtm_export_asset (sheet, sheet_file, &options, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (result.width, ==, 794);
  g_assert_cmpfloat (result.height, ==, 1123);
  g_assert_cmpuint (result.n_pages, ==, 1);
  /* It says it is 96 dpi, so it prints at A4; 300 dpi when asked. */
  g_assert_cmpuint (png_pixels_per_metre (sheet_png), ==, 3780);
  options.dpi = 300;
  g_assert_true (gtm_export_asset (sheet, sheet_file, &options, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (result.width, ==, 2481);
  g_assert_cmpuint (png_pixels_per_metre (sheet_png), ==, 11811);

  gtm_core_test_remove_tree (dir);
}

/* A PDF's title names the product and the asset, as a reader shows it. */
static void
test_pdf_title (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-asset");
  g_autofree char *pdf = g_build_filename (dir, "battlecard.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autofree char *label = gtm_asset_dup_label ("battlecard:Northwind BI");
  g_autofree char *info = NULL;
  g_autoptr(GtmAsset) asset = NULL;
  g_autoptr(GError) error = NULL;
  GtmExportOptions options;

  if (!gtm_core_test_have_poppler ())
    return;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  options.title = label;
  asset = gtm_asset_new (project, "battlecard:Northwind BI", &options, &error);
  g_assert_no_error (error);
  g_assert_true (gtm_export_asset (asset, file, &options, NULL, NULL, &error));
  g_assert_no_error (error);

  info = gtm_core_test_run_poppler ("pdfinfo", pdf);
  gtm_core_test_assert_text_contains (info, "Title: Beacon Analytics 灯塔分析 — Battlecard: Northwind BI");
  gtm_core_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

  g_test_add_func ("/asset/names", test_names);
  g_test_add_func ("/asset/labels-and-stems", test_labels_and_stems);
  g_test_add_func ("/asset/errors", test_errors);
  g_test_add_func ("/asset/board-pages", test_board_pages);
  g_test_add_func ("/asset/export-pages", test_export_pages);
  g_test_add_func ("/asset/pdf-title", test_pdf_title);

  return g_test_run ();
}
