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
  g_autoptr(GtmBoard) board = bench_build_mixed_board (1000, 40, NULL);
  g_autoptr(GtmSpatialIndex) index = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree double *times = g_new (double, N_HITS);
  GtmRect extents;
  double start;
  guint n_found = 0;

  g_assert (gtm_board_get_n_items (board) == 100000);

  start = bench_now_us ();
  index = gtm_spatial_index_new (board);
  print_figure ("index_build_100k", (bench_now_us () - start) / 1000, "ms");

  g_clear_object (&index);
  start = bench_now_us ();
  index = gtm_spatial_index_new (board);
  print_figure ("index_rebuild_100k", (bench_now_us () - start) / 1000, "ms");

  gtm_render_board_bounds (board, &extents);
  for (guint i = 0; i < N_HITS; i++)
    {
      double x = g_rand_double_range (rand, extents.x, extents.x + extents.width);
      double y = g_rand_double_range (rand, extents.y, extents.y + extents.height);
      double tolerance = 4.0 / g_rand_double_range (rand, 0.1, 2.0);

      start = bench_now_us ();
      n_found += gtm_spatial_index_hit (index, x, y, tolerance) != NULL;
      times[i] = bench_now_us () - start;
    }

  /* The points fall mostly on frames: nearly all of them hit something. */
  if (n_found < N_HITS / 2)
    g_error ("only %u of %u points hit an item", n_found, N_HITS);

  print_figure ("hit_test_median_100k", bench_median (times, N_HITS), "us");
  print_figure ("hit_test_p99_100k", bench_percentile (times, N_HITS, 0.99), "us");
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
  g_autoptr(GtmBoard) board = bench_build_mixed_board (100, 10, movable);
  g_autoptr(GtmHistory) history = gtm_history_new ();
  g_autoptr(GtmSpatialIndex) index = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double times[MAX (N_BANDS, N_DRAG_FRAMES)];
  double handler_start = 0, handler_end = 0;
  GtmRect extents;
  GtmItem *item = NULL;
  double x = 0, y = 0;

  g_assert (gtm_board_get_n_items (board) == 10000);

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

  for (guint i = 0; i < N_BANDS; i++)
    {
      double start = bench_now_us ();
      g_autoptr(GPtrArray) selected = gtm_spatial_index_query_rect (index, &extents,
                                                                    GTM_RECT_MATCH_CONTAINS);

      times[i] = bench_now_us () - start;
      if (selected->len != 10000)
        g_error ("the rubber band picked %u items of 10000", selected->len);
    }
  print_figure ("rubber_band_10k", bench_median (times, N_BANDS) / 1000, "ms");

  /* A drag every 60 frames, each of a note joined to its neighbour. */
  for (guint i = 0; i < N_DRAG_FRAMES; i++)
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

  print_figure ("index_update_drag_10k", bench_median (times, N_DRAG_FRAMES), "us");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  bench_100k ();
  bench_10k ();

  return 0;
}
