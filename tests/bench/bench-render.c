/* bench-render.c — how fast gtm_render_board() draws a 10,000-item board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds 100 frames of 100 items each (50 notes with English and Chinese
 * text, 25 shapes, 24 connectors, a third of them labelled) in one splice,
 * as opening a file does, then prints milliseconds per frame for a
 * 1920×1080 viewport panned over the board at zoom 1 and 0.25 (median and
 * 95th percentile of 60 frames; the first frames lay out text the caches do
 * not hold yet, as when a canvas first shows a region), and the time to
 * render the whole board to a picture at zoom 0.1.
 *
 * With GTM_BENCH_SMOKE=1 the board is 2×2 frames (400 items) and each pass
 * draws 5 frames (a smoke run: the same calls, meaningless figures).
 */

#define G_LOG_DOMAIN "bench-render"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "bench-common.h"

#include "gtm-render.h"

#define GRID          10     /* frames per side */
#define VIEW_WIDTH    1920
#define VIEW_HEIGHT   1080
#define N_FRAMES      60

#define SMOKE_GRID     2
#define SMOKE_FRAMES   5

static guint grid = GRID;
static guint n_frames = N_FRAMES;

/* n_frames frames of a viewport panned diagonally across the board, then
 * back and forth across its middle, as a user scrolling around would. */
static void
bench_viewport (GtmBoard *board,
                double    zoom)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  double board_width = grid * BENCH_FRAME_STEP_X;
  double board_height = grid * BENCH_FRAME_STEP_Y;
  double view_width = VIEW_WIDTH / zoom;
  double view_height = VIEW_HEIGHT / zoom;
  double times[N_FRAMES];

  for (guint i = 0; i < n_frames; i++)
    {
      double t = (double) i / (n_frames - 1);
      double x = t * MAX (0, board_width - view_width);
      double y = (i % 2 == 0 ? t : 0.5) * MAX (0, board_height - view_height);
      double start;
      cairo_t *cr;

      start = bench_now_us ();
      cr = cairo_create (surface);
      cairo_scale (cr, zoom, zoom);
      cairo_translate (cr, -x, -y);
      gtm_render_board (board, cr, GTM_RENDER_BACKGROUND);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      times[i] = (bench_now_us () - start) / 1000;
    }

  printf ("viewport %dx%d zoom %.2f: median %.1f ms, p95 %.1f ms, max %.1f ms per frame\n",
          VIEW_WIDTH, VIEW_HEIGHT, zoom,
          bench_median (times, n_frames),
          bench_percentile (times, n_frames, 0.95),
          bench_percentile (times, n_frames, 1.0));

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
      double start = bench_now_us ();
      cairo_surface_t *surface = gtm_render_board_to_surface (board, scale, &error);

      times[i] = (bench_now_us () - start) / 1000;
      if (surface == NULL)
        g_error ("%s", error->message);
      width = cairo_image_surface_get_width (surface);
      height = cairo_image_surface_get_height (surface);
      cairo_surface_destroy (surface);
    }

  printf ("whole board to a %dx%d picture at zoom %.2f: first %.1f ms, median %.1f ms\n",
          width, height, scale, times[0], bench_median (times, G_N_ELEMENTS (times)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtmBoard) board = NULL;
  double start;

  setlocale (LC_ALL, "");

  if (bench_smoke ())
    {
      grid = SMOKE_GRID;
      n_frames = SMOKE_FRAMES;
    }

  start = bench_now_us ();
  board = bench_build_mixed_board (grid * grid, grid, NULL);
  printf ("board: %u items built in %.0f ms\n",
          gtm_board_get_n_items (board), (bench_now_us () - start) / 1000);

  bench_viewport (board, 1.0);
  bench_viewport (board, 0.25);
  bench_whole_board (board, 0.1);
  /* Again, now that every layout is cached. */
  bench_viewport (board, 1.0);
  bench_viewport (board, 0.25);

  return 0;
}
