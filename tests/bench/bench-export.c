/* bench-export.c — how fast assets and packs export, and how big they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints, as "name value unit" (median of a few runs, on the sample
 * project's content):
 *
 *   export_one_pager_pdf   ms   the one-pager laid out and written as PDF
 *   one_pager_pdf_size     KB   that PDF (the sample has no photos)
 *   export_board_2k_pdf    ms   a 2,000-item board fitted to an A4 PDF
 *   export_board_2k_png2x  ms   the same board as a PNG at 2×
 *   export_pack_50_pdf     ms   a pack of 50 pages: its PDF, plus the PDF
 *                               and PNG of each asset
 *   export_pack_50_pdf_only ms  the pack's one PDF alone
 *   rsvg_ratio_pdf             rsvg-convert's time to turn our SVG of the
 *   rsvg_ratio_png             2,000-item board into a PDF / 2× PNG,
 *                               divided by ours (above 1: we are faster)
 *
 * With GTM_BENCH_SMOKE=1 the board has 200 items, the pack fewer pages and
 * each figure one run (a smoke run: the same calls, meaningless figures).
 */

#define G_LOG_DOMAIN "bench-export"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "bench-common.h"

#include "gtm-asset.h"
#include "gtm-competitor.h"
#include "gtm-core.h"
#include "gtm-export.h"
#include "gtm-format.h"
#include "gtm-pack.h"

#define RUNS        5
#define PACK_PAGES  50

static guint runs = RUNS;
static char *dir;

static GtmProject *
read_sample (void)
{
  g_autofree char *path = g_build_filename (SAMPLES_DIR, "saas-launch.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtmProject *project = gtm_format_read_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static char *
path_in_dir (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* Median milliseconds of exporting @name of @project to @path. */
static double
time_asset (GtmProject             *project,
            const char             *name,
            const GtmExportOptions *options,
            const char             *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double times[RUNS];

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GtmAsset) asset = NULL;
      g_autoptr(GError) error = NULL;
      double start = bench_now_us ();

      asset = gtm_asset_new (project, name, options, &error);
      g_assert_no_error (error);
      gtm_export_asset (asset, file, options, NULL, NULL, &error);
      g_assert_no_error (error);
      times[i] = (bench_now_us () - start) / 1000;
    }

  return bench_median (times, runs);
}

static double
file_size_kb (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size / 1024.0;
}

/* Median milliseconds rsvg-convert takes over @args. */
static double
time_rsvg (const char * const *args)
{
  double times[RUNS];

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      int status = 0;
      double start = bench_now_us ();

      g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                    NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_spawn_check_wait_status (status, &error);
      g_assert_no_error (error);
      times[i] = (bench_now_us () - start) / 1000;
    }

  return bench_median (times, runs);
}

static void
bench_one_pager (GtmProject *project)
{
  g_autofree char *path = path_in_dir ("one-pager.pdf");
  GtmExportOptions options;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  bench_print_figure ("export_one_pager_pdf", time_asset (project, "one-pager", &options, path), "ms");
  bench_print_figure ("one_pager_pdf_size", file_size_kb (path), "KB");
}

static void
bench_board (guint n_frames)
{
  g_autoptr(GtmProject) project = bench_build_mixed_project (n_frames, 5);
  g_autofree char *pdf = path_in_dir ("board.pdf");
  g_autofree char *png = path_in_dir ("board.png");
  g_autofree char *svg = path_in_dir ("board.svg");
  g_autofree char *rsvg_pdf = path_in_dir ("rsvg.pdf");
  g_autofree char *rsvg_png = path_in_dir ("rsvg.png");
  g_auto(GStrv) names = gtm_asset_list_names (project);
  GtmExportOptions options;
  double ours_pdf, ours_png;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  ours_pdf = time_asset (project, names[0], &options, pdf);
  bench_print_figure ("export_board_2k_pdf", ours_pdf, "ms");

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PNG);
  options.scale = 2;
  ours_png = time_asset (project, names[0], &options, png);
  bench_print_figure ("export_board_2k_png2x", ours_png, "ms");

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_SVG);
  time_asset (project, names[0], &options, svg);

  if (g_find_program_in_path ("rsvg-convert") == NULL)
    {
      printf ("rsvg_ratio_pdf: rsvg-convert is not installed (Debian: librsvg2-bin)\n");
      return;
    }

  {
    const char *to_pdf[] = { "rsvg-convert", "-f", "pdf", "-o", rsvg_pdf, svg, NULL };
    const char *to_png[] = { "rsvg-convert", "-f", "png", "-z", "2", "-o", rsvg_png, svg, NULL };

    bench_print_figure ("rsvg_ratio_pdf", time_rsvg (to_pdf) / ours_pdf, "");
    bench_print_figure ("rsvg_ratio_png", time_rsvg (to_png) / ours_png, "");
  }
}

/* Adds competitors to the sample until its "Sales & CS kit" pack holds
 * @pages pages, and returns how many it holds. */
static guint
grow_pack (GtmProject *project,
           const char *pack,
           guint       pages)
{
  GListStore *competitors = gtm_node_get_list (GTM_NODE (project), "competitors");
  GtmExportOptions options;
  guint total;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  for (guint n = 1;; n++)
    {
      g_auto(GStrv) assets = gtm_pack_expand (project, pack, NULL);
      g_autoptr(GtmCompetitor) competitor = NULL;
      g_autofree char *name = NULL;

      total = 0;
      for (guint i = 0; assets[i] != NULL; i++)
        {
          g_autoptr(GtmAsset) asset = gtm_asset_new (project, assets[i], &options, NULL);

          total += gtm_asset_get_n_pages (asset);
        }
      if (total >= pages)
        return total;

      name = g_strdup_printf ("Rival %u 竞品 %u", n, n);
      competitor = gtm_competitor_new (GTM_COMPETITOR_TIER_PRIMARY, name);
      g_object_set (competitor,
                    "how-we-win", "Faster onboarding, half the price, and a team in Shanghai. "
                                  "上手更快，价格减半，上海本地团队支持。",
                    NULL);
      g_list_store_append (competitors, competitor);
    }
}

static double
time_pack (GtmProject *project,
           const char *pack)
{
  GtmExportOptions options;
  double times[RUNS];

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *name = g_strdup_printf ("pack-%u", i);
      g_autofree char *path = path_in_dir (name);
      g_autoptr(GFile) out = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      double start = bench_now_us ();

      gtm_export_pack (project, pack, out, &options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      times[i] = (bench_now_us () - start) / 1000;
    }

  return bench_median (times, runs);
}

static double
time_pack_pdf_only (GtmProject *project,
                    const char *pack)
{
  g_autofree char *path = path_in_dir ("pack-only.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GStrv) names = gtm_pack_expand (project, pack, NULL);
  GtmExportOptions options;
  double times[RUNS];

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GPtrArray) assets = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      double start = bench_now_us ();

      for (guint j = 0; names[j] != NULL; j++)
        g_ptr_array_add (assets, gtm_asset_new (project, names[j], &options, NULL));
      gtm_export_assets_to_pdf ((GtmAsset * const *) assets->pdata, assets->len, file,
                                &options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      times[i] = (bench_now_us () - start) / 1000;
    }

  return bench_median (times, runs);
}

static void
bench_pack (GtmProject *project,
            guint       pages)
{
  const char *pack = "Sales & CS kit";
  guint total = grow_pack (project, pack, pages);

  printf ("pack “%s”: %u pages\n", pack, total);
  bench_print_figure ("export_pack_50_pdf", time_pack (project, pack), "ms");
  bench_print_figure ("export_pack_50_pdf_only", time_pack_pdf_only (project, pack), "ms");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtmProject) project = NULL;
  g_autoptr(GError) error = NULL;
  guint n_frames = 20;
  guint pages = PACK_PAGES;

  setlocale (LC_ALL, "");
  gtm_core_init ();

  if (bench_smoke ())
    {
      runs = 1;
      n_frames = 2;
      pages = 12;
    }

  dir = g_dir_make_tmp ("gtm-bench-export-XXXXXX", &error);
  g_assert_no_error (error);

  project = read_sample ();
  bench_one_pager (project);
  bench_board (n_frames);
  bench_pack (project, pages);

  {
    const char *remove[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) remove, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                  NULL, NULL, NULL, NULL);
  }
  g_free (dir);

  return 0;
}
