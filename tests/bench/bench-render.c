/* bench-render.c — how fast gtm_render_board() draws a 10,000-item board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds 100 frames of 100 items each (50 notes with English and Chinese
 * text, 25 shapes, 24 connectors, a third of them labelled), then prints
 * milliseconds per frame for a 1920×1080 viewport panned over the board at
 * zoom 1 and 0.25 (median and 95th percentile of 60 frames; the first frames
 * lay out text the caches do not hold yet, as when a canvas first shows a
 * region), and the time to render the whole board to a picture at zoom 0.1.
 */

#define G_LOG_DOMAIN "bench-render"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "gtm-render.h"
#include "gtm-connector.h"
#include "gtm-frame.h"
#include "gtm-note.h"
#include "gtm-shape.h"

#define GRID          10     /* frames per side */
#define COLUMNS       10     /* cells per frame, across */
#define ROWS          8      /* cells per frame, down */
#define CELL          200.0
#define FRAME_WIDTH   (COLUMNS * CELL + 40)
#define FRAME_HEIGHT  (ROWS * CELL + 40)
#define FRAME_STEP_X  (FRAME_WIDTH + 160)
#define FRAME_STEP_Y  (FRAME_HEIGHT + 160)
#define VIEW_WIDTH    1920
#define VIEW_HEIGHT   1080
#define N_FRAMES      60

static const char *note_texts[] = {
  "Buyer persona: CMO of a mid-size SaaS company",
  "用户画像：每天运行营销活动的市场专员",
  "Pain: positioning lives in a dozen decks that drift apart",
  "痛点：定位和价格在十几份材料里不一致",
  "Gain: one source of truth for the launch",
  "价值主张：一个文件，集中管理所有上线材料",
  "Competitor A wins on price, loses on integrations",
  "上线计划：销售培训、发布会、促销",
  "NPS target 45 by Q3",
  "电梯演讲：一分钟讲清楚",
};

static const char *shape_texts[] = {
  "Awareness", "认知", "Interest", "兴趣", "Trial", "试用", "Purchase", "购买", "Loyalty", "忠诚",
};

static const char *label_texts[] = {
  "influences", "驱动", "converts 12%", "转化",
};

static GtmBoard *
build_board (void)
{
  GtmBoard *board = gtm_board_new ("Benchmark");
  g_autoptr(GtmHistory) history = gtm_history_new ();
  guint n = 0;

  gtm_history_begin (history, "Build");

  for (int fy = 0; fy < GRID; fy++)
    for (int fx = 0; fx < GRID; fx++)
      {
        double ox = fx * FRAME_STEP_X;
        double oy = fy * FRAME_STEP_Y;
        g_autofree char *title = g_strdup_printf ("Launch %d · 上线计划 %d", fy * GRID + fx, fx);
        GtmItem *cells[COLUMNS * ROWS];
        GtmItem *frame = gtm_frame_new (ox, oy, FRAME_WIDTH, FRAME_HEIGHT, title);

        gtm_board_add_item (board, history, frame);
        g_object_unref (frame);

        for (int i = 0; i < COLUMNS * ROWS; i++)
          {
            double x = ox + 20 + (i % COLUMNS) * CELL + 20;
            double y = oy + 20 + (i / COLUMNS) * CELL + 20;
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
                gtm_history_set (history, GTM_NODE (item),
                                 "text", shape_texts[n++ % G_N_ELEMENTS (shape_texts)], NULL);
              }

            gtm_board_add_item (board, history, item);
            g_object_unref (item);
            cells[i] = item;
          }

        /* 24 connectors along the rows. */
        for (int i = 0, made = 0; made < 24; i++)
          {
            GtmItem *connector;

            if (i % COLUMNS == COLUMNS - 1 || cells[i] == NULL || cells[i + 1] == NULL)
              continue;

            connector = gtm_connector_new (gtm_node_get_id (GTM_NODE (cells[i])),
                                           gtm_node_get_id (GTM_NODE (cells[i + 1])));
            if (made % 3 == 0)
              gtm_history_set (history, GTM_NODE (connector),
                               "text", label_texts[made % G_N_ELEMENTS (label_texts)], NULL);
            gtm_board_add_item (board, history, connector);
            g_object_unref (connector);
            made++;
          }
      }

  gtm_history_end (history);

  return board;
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

/* N_FRAMES frames of a viewport panned diagonally across the board, then
 * back and forth across its middle, as a user scrolling around would. */
static void
bench_viewport (GtmBoard *board,
                double    zoom)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  double board_width = GRID * FRAME_STEP_X;
  double board_height = GRID * FRAME_STEP_Y;
  double view_width = VIEW_WIDTH / zoom;
  double view_height = VIEW_HEIGHT / zoom;
  double times[N_FRAMES];

  for (guint i = 0; i < N_FRAMES; i++)
    {
      double t = (double) i / (N_FRAMES - 1);
      double x = t * MAX (0, board_width - view_width);
      double y = (i % 2 == 0 ? t : 0.5) * MAX (0, board_height - view_height);
      gint64 start;
      cairo_t *cr;

      start = g_get_monotonic_time ();
      cr = cairo_create (surface);
      cairo_scale (cr, zoom, zoom);
      cairo_translate (cr, -x, -y);
      gtm_render_board (board, cr, GTM_RENDER_BACKGROUND);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  printf ("viewport %dx%d zoom %.2f: median %.1f ms, p95 %.1f ms, max %.1f ms per frame\n",
          VIEW_WIDTH, VIEW_HEIGHT, zoom,
          percentile (times, N_FRAMES, 0.5),
          percentile (times, N_FRAMES, 0.95),
          percentile (times, N_FRAMES, 1.0));

  cairo_surface_destroy (surface);
}

static void
bench_whole_board (GtmBoard *board,
                   double    scale)
{
  double times[5];
  int width = 0, height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      cairo_surface_t *surface = gtm_render_board_to_surface (board, scale, &error);

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (surface == NULL)
        g_error ("%s", error->message);
      width = cairo_image_surface_get_width (surface);
      height = cairo_image_surface_get_height (surface);
      cairo_surface_destroy (surface);
    }

  printf ("whole board to a %dx%d picture at zoom %.2f: first %.1f ms, median %.1f ms\n",
          width, height, scale, times[0], percentile (times, G_N_ELEMENTS (times), 0.5));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtmBoard) board = NULL;
  gint64 start;

  setlocale (LC_ALL, "");

  start = g_get_monotonic_time ();
  board = build_board ();
  printf ("board: %u items built in %.0f ms\n",
          gtm_board_get_n_items (board), (g_get_monotonic_time () - start) / 1000.0);

  bench_viewport (board, 1.0);
  bench_viewport (board, 0.25);
  bench_whole_board (board, 0.1);
  /* Again, now that every layout is cached. */
  bench_viewport (board, 1.0);
  bench_viewport (board, 0.25);

  return 0;
}
