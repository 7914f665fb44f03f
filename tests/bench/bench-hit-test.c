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
#include <stdlib.h>
#include <time.h>

#include "gtm-spatial-index.h"
#include "gtm-connector.h"
#include "gtm-frame.h"
#include "gtm-note.h"
#include "gtm-shape.h"

#define COLUMNS       10     /* cells per frame, across */
#define ROWS          8      /* cells per frame, down */
#define CELL          200.0
#define FRAME_WIDTH   (COLUMNS * CELL + 40)
#define FRAME_HEIGHT  (ROWS * CELL + 40)
#define FRAME_STEP_X  (FRAME_WIDTH + 160)
#define FRAME_STEP_Y  (FRAME_HEIGHT + 160)
#define N_HITS        20000
#define N_BANDS       21
#define N_DRAG_FRAMES 600    /* ten seconds at 60 frames a second */

static const char *note_texts[] = {
  "Buyer persona: CMO of a mid-size SaaS company",
  "用户画像：每天运行营销活动的市场专员",
  "Pain: positioning lives in a dozen decks that drift apart",
  "痛点：定位和价格在十几份材料里不一致",
  "Gain: one source of truth for the launch",
  "价值主张：一个文件，集中管理所有上线材料",
};

static const char *shape_texts[] = {
  "Awareness", "认知", "Interest", "兴趣", "Trial", "试用",
};

static const char *label_texts[] = {
  "influences", "驱动", "converts 12%", "转化",
};

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);

  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (double *values,
            guint   n,
            double  p)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[MIN (n - 1, (guint) (p * n))];
}

/* @n_frames frames of 100 items, @columns frames across; put on the board
 * in one splice, as the reader does when a file is opened. @movable gets
 * the notes that have connectors. */
static GtmBoard *
build_board (guint      n_frames,
             guint      columns,
             GPtrArray *movable)
{
  GtmBoard *board = gtm_board_new ("Benchmark");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = 0;

  for (guint f = 0; f < n_frames; f++)
    {
      double ox = (f % columns) * FRAME_STEP_X;
      double oy = (f / columns) * FRAME_STEP_Y;
      g_autofree char *title = g_strdup_printf ("Launch %u · 上线计划", f);
      GtmItem *cells[COLUMNS * ROWS];

      g_ptr_array_add (batch, gtm_frame_new (ox, oy, FRAME_WIDTH, FRAME_HEIGHT, title));

      for (guint i = 0; i < COLUMNS * ROWS; i++)
        {
          double x = ox + 40 + (i % COLUMNS) * CELL;
          double y = oy + 40 + (i / COLUMNS) * CELL;
          GtmItem *item;

          /* 50 notes and 25 shapes, the last 5 cells empty. */
          if (i >= 75)
            {
              cells[i] = NULL;
              continue;
            }
          if (i % 3 != 2)
            item = gtm_note_new (x, y, note_texts[n++ % G_N_ELEMENTS (note_texts)]);
          else
            {
              item = gtm_shape_new ((GtmShapeKind) (i % 4), x, y, 160, 110);
              g_object_set (item, "text", shape_texts[n++ % G_N_ELEMENTS (shape_texts)], NULL);
            }

          g_ptr_array_add (batch, item);
          cells[i] = item;
        }

      /* 24 connectors along the rows. */
      for (guint i = 0, made = 0; made < 24; i++)
        {
          GtmItem *connector;

          if (i % COLUMNS == COLUMNS - 1 || cells[i] == NULL || cells[i + 1] == NULL)
            continue;

          connector = gtm_connector_new (gtm_node_get_id (GTM_NODE (cells[i])),
                                         gtm_node_get_id (GTM_NODE (cells[i + 1])));
          if (made % 3 == 0)
            g_object_set (connector, "text", label_texts[made % G_N_ELEMENTS (label_texts)], NULL);
          g_ptr_array_add (batch, connector);
          if (movable != NULL && GTM_IS_NOTE (cells[i]))
            g_ptr_array_add (movable, cells[i]);
          made++;
        }
    }

  g_list_store_splice (G_LIST_STORE (gtm_board_get_items (board)), 0, 0,
                       batch->pdata, batch->len);

  return board;
}

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
  g_autoptr(GtmBoard) board = build_board (1000, 40, NULL);
  g_autoptr(GtmSpatialIndex) index = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree double *times = g_new (double, N_HITS);
  GtmRect extents;
  double start;
  guint n_found = 0;

  g_assert (gtm_board_get_n_items (board) == 100000);

  start = now_us ();
  index = gtm_spatial_index_new (board);
  print_figure ("index_build_100k", (now_us () - start) / 1000, "ms");

  g_clear_object (&index);
  start = now_us ();
  index = gtm_spatial_index_new (board);
  print_figure ("index_rebuild_100k", (now_us () - start) / 1000, "ms");

  gtm_render_board_bounds (board, &extents);
  for (guint i = 0; i < N_HITS; i++)
    {
      double x = g_rand_double_range (rand, extents.x, extents.x + extents.width);
      double y = g_rand_double_range (rand, extents.y, extents.y + extents.height);
      double tolerance = 4.0 / g_rand_double_range (rand, 0.1, 2.0);

      start = now_us ();
      n_found += gtm_spatial_index_hit (index, x, y, tolerance) != NULL;
      times[i] = now_us () - start;
    }

  /* The points fall mostly on frames: nearly all of them hit something. */
  if (n_found < N_HITS / 2)
    g_error ("only %u of %u points hit an item", n_found, N_HITS);

  print_figure ("hit_test_median_100k", percentile (times, N_HITS, 0.5), "us");
  print_figure ("hit_test_p99_100k", percentile (times, N_HITS, 0.99), "us");
  print_figure ("index_cells_100k", gtm_spatial_index_get_n_cells (index), "cells");
}

static void
on_changed_first (GtmNode *board,
                  GtmNode *origin,
                  double  *start)
{
  *start = now_us ();
}

static void
on_changed_last (GtmNode *board,
                 GtmNode *origin,
                 double  *end)
{
  *end = now_us ();
}

static void
bench_10k (void)
{
  g_autoptr(GPtrArray) movable = g_ptr_array_new ();
  g_autoptr(GtmBoard) board = build_board (100, 10, movable);
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
      double start = now_us ();
      g_autoptr(GPtrArray) selected = gtm_spatial_index_query_rect (index, &extents,
                                                                    GTM_RECT_MATCH_CONTAINS);

      times[i] = now_us () - start;
      if (selected->len != 10000)
        g_error ("the rubber band picked %u items of 10000", selected->len);
    }
  print_figure ("rubber_band_10k", percentile (times, N_BANDS, 0.5) / 1000, "ms");

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

  print_figure ("index_update_drag_10k", percentile (times, N_DRAG_FRAMES, 0.5), "us");
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
