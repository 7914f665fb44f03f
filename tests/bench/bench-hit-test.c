/* bench-hit-test.c — how fast GtmSpatialIndex finds items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Boards as the canvas issue describes them: frames of 100 items each (a
 * frame, 50 notes with English and Chinese text, 25 shapes of every kind
 * and 24 connectors along the rows, a third of them labelled), 10,000 and
 * 100,000 items. Prints one line per figure, "name value unit":
 *
 *   index_build_100k       indexing an opened board (text of frame titles and
 *                          connector labels measured for the first time)
 *   index_rebuild_100k     the same once text is measured: the index's own cost
 *   hit_test_median_100k   gtm_spatial_index_hit() at random points
 *   hit_test_p99_100k
 *   rubber_band_10k        a CONTAINS rectangle around the whole board (median)
 *   index_update_drag_10k  the index's share of moving one item (and its
 *                          connectors) through the history, per frame (median)
 *   index_cells_100k       grid cells in use
 *
 * With GTM_BENCH_SMOKE=1 the boards hold 1,000 and 400 items, with fewer
 * hits, bands and drag frames (a smoke run: the same calls and the same
 * names, meaningless figures).
 */

#define G_LOG_DOMAIN "bench-hit-test"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "bench-common.h"

#include "gtm-spatial-index.h"

#define N_HITS        20000
#define N_BANDS       21
#define N_DRAG_FRAMES 600    /* ten seconds at 60 frames a second */

/* What a run uses: the figures above, or tiny ones for a smoke run. */
typedef struct
{
  guint frames_100k;          /* frames of 100 items, and how many across */
  guint columns_100k;
  guint frames_10k;
  guint columns_10k;
  guint n_hits;
  guint n_bands;
  guint n_drag_frames;        /* a multiple of 60: a drag every 60 frames */
} Sizes;

static const Sizes full_sizes = { 1000, 40, 100, 10, N_HITS, N_BANDS, N_DRAG_FRAMES };
static const Sizes smoke_sizes = { 10, 5, 4, 2, 500, 3, 120 };
static const Sizes *sizes = &full_sizes;

static void
print_figure (const char *name,
              double      value,
              const char *unit)
{
  printf ("%s %.*f %s\n", name, value >= 1000 ? 0 : value < 10 ? 2 : 1, value, unit);
  fflush (stdout);
}

static void
bench_100k (void)
{
  g_autoptr(GtmBoard) board = bench_build_mixed_board (sizes->frames_100k, sizes->columns_100k, NULL);
  g_autoptr(GtmSpatialIndex) index = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint n_hits = sizes->n_hits;
  g_autofree double *times = g_new (double, n_hits);
  GtmRect extents;
  double start;
  guint n_found = 0;

  g_assert (gtm_board_get_n_items (board) == sizes->frames_100k * 100);

  start = bench_now_us ();
  index = gtm_spatial_index_new (board);
  print_figure ("index_build_100k", (bench_now_us () - start) / 1000, "ms");

  g_clear_object (&index);
  start = bench_now_us ();
  index = gtm_spatial_index_new (board);
  print_figure ("index_rebuild_100k", (bench_now_us () - start) / 1000, "ms");

  gtm_render_board_bounds (board, &extents);
  for (guint i = 0; i < n_hits; i++)
    {
      double x = g_rand_double_range (rand, extents.x, extents.x + extents.width);
      double y = g_rand_double_range (rand, extents.y, extents.y + extents.height);
      double tolerance = 4.0 / g_rand_double_range (rand, 0.1, 2.0);

      start = bench_now_us ();
      n_found += gtm_spatial_index_hit (index, x, y, tolerance) != NULL;
      times[i] = bench_now_us () - start;
    }

  /* The points fall mostly on frames: nearly all of them hit something. */
  if (n_found < n_hits / 2)
    g_error ("only %u of %u points hit an item", n_found, n_hits);

  print_figure ("hit_test_median_100k", bench_median (times, n_hits), "us");
  print_figure ("hit_test_p99_100k", bench_percentile (times, n_hits, 0.99), "us");
  print_figure ("index_cells_100k", gtm_spatial_index_get_n_cells (index), "cells");
}

static void
on_changed_first (GtmNode *board,
                  GtmNode *origin,
                  double  *start)
{
  *start = bench_now_us ();
}

static void
on_changed_last (GtmNode *board,
                 GtmNode *origin,
                 double  *end)
{
  *end = bench_now_us ();
}

static void
bench_10k (void)
{
  g_autoptr(GPtrArray) movable = g_ptr_array_new ();
  g_autoptr(GtmBoard) board = bench_build_mixed_board (sizes->frames_10k, sizes->columns_10k, movable);
  g_autoptr(GtmHistory) history = gtm_history_new ();
  g_autoptr(GtmSpatialIndex) index = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double times[MAX (N_BANDS, N_DRAG_FRAMES)];
  double handler_start = 0, handler_end = 0;
  GtmRect extents;
  GtmItem *item = NULL;
  double x = 0, y = 0;
  guint n_items = sizes->frames_10k * 100;

  g_assert (gtm_board_get_n_items (board) == n_items);
  g_assert (sizes->n_bands <= G_N_ELEMENTS (times));
  g_assert (sizes->n_drag_frames <= G_N_ELEMENTS (times));

  /* Handlers run in the order they were connected: these two bracket the
   * index's own. */
  g_signal_connect (board, "changed", G_CALLBACK (on_changed_first), &handler_start);
  index = gtm_spatial_index_new (board);
  g_signal_connect (board, "changed", G_CALLBACK (on_changed_last), &handler_end);

  gtm_render_board_bounds (board, &extents);
  extents.x -= 10;
  extents.y -= 10;
  extents.width += 20;
  extents.height += 20;

  for (guint i = 0; i < sizes->n_bands; i++)
    {
      double start = bench_now_us ();
      g_autoptr(GPtrArray) selected = gtm_spatial_index_query_rect (index, &extents,
                                                                    GTM_RECT_MATCH_CONTAINS);

      times[i] = bench_now_us () - start;
      if (selected->len != n_items)
        g_error ("the rubber band picked %u items of %u", selected->len, n_items);
    }
  print_figure ("rubber_band_10k", bench_median (times, sizes->n_bands) / 1000, "ms");

  /* A drag every 60 frames, each of a note joined to its neighbour. */
  for (guint i = 0; i < sizes->n_drag_frames; i++)
    {
      if (i % 60 == 0)
        {
          if (item != NULL)
            gtm_history_end (history);
          item = g_ptr_array_index (movable, g_rand_int_range (rand, 0, movable->len));
          x = gtm_item_get_x (item);
          y = gtm_item_get_y (item);
          gtm_history_begin (history, "Move");
        }

      x += 3.5;
      y += 1.5;
      gtm_history_set (history, GTM_NODE (item), "x", x, "y", y, NULL);
      times[i] = handler_end - handler_start;
    }
  gtm_history_end (history);

  print_figure ("index_update_drag_10k", bench_median (times, sizes->n_drag_frames), "us");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (bench_smoke ())
    sizes = &smoke_sizes;

  bench_100k ();
  bench_10k ();

  return 0;
}
