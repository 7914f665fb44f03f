/* bench-canvas.c — frame times of the canvas, through GtmScene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each frame is what the canvas (src/app/gtm-board-view.c) does: the
 * picture from gtm_scene_render(); when it changed, its pixels copied into
 * new bytes as gdk_memory_texture_new() gets them; those bytes painted onto
 * a frame-sized ARGB surface, standing in for the texture drawn by GSK; then
 * the floating items and a selection outline drawn on top with cairo. A
 * spatial index follows the board throughout, as the canvas keeps one.
 *
 * Boards of frames of 100 items (bench_build_mixed_board(): notes with
 * English and Chinese text, shapes, connectors). The 10,000-item board is
 * written to a project file and measured in a child process (this program
 * run again with --child-10k FILE), so that its peak memory is its own.
 * Prints one line per figure, "name value unit":
 *
 *   open_10k            from the file on disk to the first frame: reading
 *                       the document, indexing, fitting, the first picture
 *                       (after the fonts were used once, as by the app's UI)
 *   open_read_10k       its parts: gtm_document_load(),
 *   open_index_10k      the spatial index, the bounds and fitting,
 *   open_first_frame_10k  and the first frame
 *   open_median_10k     open_10k again, median of a few more opens
 *   pan_p95_10k         95th percentile over all frames of three scripts at
 *                       1920×1080, scale 1: a 120-frame pan by whole pixels,
 *                       as a mouse drags, at "zoom to fit"; the same at 100 %;
 *                       120 frames of Ctrl+scroll zoom steps around the
 *                       pointer, 100 % → 10 % → 100 %, as two gestures
 *                       (out, in) whose steps scale the last sharp picture
 *                       as the canvas does, each ended by the frame that
 *                       draws it sharp again
 *   pan_median_10k      median of the pan frames
 *   pan_fit_p95_10k     95th percentile of the pan at "zoom to fit"
 *   pan_100_p95_10k     … and at 100 %
 *   zoom_p95_10k        95th percentile of the zoom frames
 *   zoom_median_10k
 *   zoom_settle_max_10k the slower of the two sharp frames after a gesture
 *   peak_rss_10k        the child's peak resident memory after opening the
 *                       board and drawing those frames
 *   drag_p95_10k        one note (and its connectors) dragged for 120
 *                       frames, at "zoom to fit" and at 100 %: the first
 *                       frame makes it float, each sets x and y through the
 *                       history (one group) and draws a frame
 *   drag_first_10k      the slower of the two first frames, which draw the
 *                       picture without the note
 *   drop_median_10k     the frame after the drop, when the note goes back
 *                       into the picture (median of the two drags)
 *   bare_cairo_p95_10k  a baseline over the same pan and zoom frames: the
 *                       visible items (from the spatial index) drawn
 *                       straight into the frame with plain cairo calls from
 *                       data prepared beforehand, text with
 *                       pango_cairo_show_layout() of layouts made
 *                       beforehand; no kept picture, no level of detail, no
 *                       shadows
 *   canvas_to_bare_ratio  pan_p95_10k / bare_cairo_p95_10k
 *
 * then, for 100,000 items, pan_p95_100k, pan_median_100k, pan_fit_p95_100k,
 * pan_100_p95_100k, zoom_p95_100k and zoom_median_100k.
 *
 * With GTM_BENCH_SMOKE=1 the boards hold 400 and 1,000 items and each script
 * has 6 frames (a smoke run: the same calls and names, meaningless figures).
 */

#define G_LOG_DOMAIN "bench-canvas"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "bench-common.h"

#include "gtm-core.h"

#define VIEW_WIDTH   1920
#define VIEW_HEIGHT  1080
/* As the canvas fits a board into view. */
#define FIT_MARGIN   48.0

typedef struct
{
  guint frames_10k;           /* frames of 100 items, and how many across */
  guint columns_10k;
  guint frames_100k;
  guint columns_100k;
  guint n_pan;                /* frames of each pan script */
  guint n_zoom;               /* frames of the zoom script, even */
  guint n_drag;
  guint n_opens;              /* opens after the first, for a median */
} Sizes;

static const Sizes full_sizes = { 100, 10, 1000, 40, 120, 120, 120, 4 };
static const Sizes smoke_sizes = { 4, 2, 10, 5, 6, 6, 6, 1 };
static const Sizes *sizes = &full_sizes;


/* The canvas */

typedef struct
{
  GtmBoard        *board;
  GtmSpatialIndex *index;
  GtmScene        *scene;
  GtmViewport      viewport;
  GtmItem         *selected;
  /* The window's frame. */
  cairo_surface_t *frame;
  /* The picture's pixels as handed to gdk_memory_texture_new(), and a
   * surface reading them, to paint the "texture" into the frame. */
  GBytes          *texture;
  cairo_surface_t *texture_surface;
} Canvas;

static void
canvas_init (Canvas *canvas)
{
  cairo_t *cr;

  memset (canvas, 0, sizeof *canvas);
  gtm_viewport_init (&canvas->viewport);

  /* The window is on screen already: its memory is in use. */
  canvas->frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  cr = cairo_create (canvas->frame);
  cairo_paint (cr);
  cairo_destroy (cr);
}

/* What the canvas does when it is given a board: index it, fit it. */
static void
canvas_set_board (Canvas   *canvas,
                  GtmBoard *board)
{
  GtmRect bounds;

  canvas->board = g_object_ref (board);
  canvas->index = gtm_spatial_index_new (board);
  canvas->scene = gtm_scene_new (board);

  if (!gtm_render_board_bounds (board, &bounds))
    g_error ("the board draws nothing");
  gtm_viewport_fit (&canvas->viewport, bounds.x, bounds.y, bounds.width, bounds.height,
                    VIEW_WIDTH, VIEW_HEIGHT, FIT_MARGIN);
}

static void
canvas_clear (Canvas *canvas)
{
  g_clear_pointer (&canvas->texture_surface, cairo_surface_destroy);
  g_clear_pointer (&canvas->texture, g_bytes_unref);
  g_clear_pointer (&canvas->frame, cairo_surface_destroy);
  g_clear_object (&canvas->scene);
  g_clear_object (&canvas->index);
  g_clear_object (&canvas->board);
}

/* A one-pixel outline around the selected item with the eight handles, as
 * the canvas draws it over the picture. */
static void
draw_selection (cairo_t           *cr,
                const GtmViewport *viewport,
                GtmItem           *item)
{
  double x1, y1, x2, y2;

  if (item == NULL)
    return;

  gtm_viewport_to_widget (viewport, gtm_item_get_x (item), gtm_item_get_y (item), &x1, &y1);
  gtm_viewport_to_widget (viewport,
                          gtm_item_get_x (item) + gtm_item_get_width (item),
                          gtm_item_get_y (item) + gtm_item_get_height (item),
                          &x2, &y2);
  x1 = round (x1) - 0.5;
  y1 = round (y1) - 0.5;
  x2 = round (x2) + 0.5;
  y2 = round (y2) + 0.5;

  cairo_set_line_width (cr, 1.0);
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_rectangle (cr, x1, y1, x2 - x1, y2 - y1);
  cairo_stroke (cr);

  for (guint i = 0; i < 9; i++)
    {
      double hx = x1 + (x2 - x1) * (i % 3) / 2.0;
      double hy = y1 + (y2 - y1) * (i / 3) / 2.0;

      if (i == 4)
        continue;
      cairo_rectangle (cr, round (hx) - 3.5, round (hy) - 3.5, 7, 7);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_stroke (cr);
}

/* One frame; returns its time in milliseconds. */
static double
canvas_frame (Canvas *canvas)
{
  double start = bench_now_us ();
  cairo_surface_t *picture;
  gboolean damaged;
  cairo_t *cr;

  picture = gtm_scene_render (canvas->scene, &canvas->viewport, VIEW_WIDTH, VIEW_HEIGHT, 1, &damaged);

  if (damaged || canvas->texture == NULL)
    {
      int stride = cairo_image_surface_get_stride (picture);
      int width = cairo_image_surface_get_width (picture);
      int height = cairo_image_surface_get_height (picture);

      cairo_surface_flush (picture);
      g_clear_pointer (&canvas->texture_surface, cairo_surface_destroy);
      g_clear_pointer (&canvas->texture, g_bytes_unref);
      canvas->texture = g_bytes_new (cairo_image_surface_get_data (picture), (gsize) stride * height);
      canvas->texture_surface =
        cairo_image_surface_create_for_data ((guchar *) g_bytes_get_data (canvas->texture, NULL),
                                             CAIRO_FORMAT_ARGB32, width, height, stride);
    }

  cr = cairo_create (canvas->frame);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, canvas->texture_surface, 0, 0);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  gtm_scene_draw_floating (canvas->scene, cr, GTM_RENDER_NONE);
  draw_selection (cr, &canvas->viewport, canvas->selected);
  cairo_destroy (cr);
  cairo_surface_flush (canvas->frame);

  return (bench_now_us () - start) / 1000;
}


/* Scripts: the viewport of each frame */

/* @n frames of a mouse dragging the board around a loop, by whole pixels,
 * speeding up and slowing down; it ends near where it started. */
static GArray *
pan_script (const GtmViewport *start,
            guint              n)
{
  GArray *script = g_array_sized_new (FALSE, FALSE, sizeof (GtmViewport), n);
  GtmViewport viewport = *start;

  for (guint i = 0; i < n; i++)
    {
      double angle = 2 * G_PI * i / n;
      double speed = 6 + 18 * fabs (sin (3 * G_PI * i / n));

      gtm_viewport_pan (&viewport, round (speed * cos (angle)), round (0.6 * speed * sin (angle)));
      g_array_append_val (script, viewport);
    }

  return script;
}

/* @n frames of Ctrl+scroll (smooth scrolling) around a resting pointer:
 * zooming out from @start to 10 % in the first half, back in the second. */
static GArray *
zoom_script (const GtmViewport *start,
             guint              n)
{
  GArray *script = g_array_sized_new (FALSE, FALSE, sizeof (GtmViewport), n);
  GtmViewport viewport = *start;
  double anchor_x = VIEW_WIDTH * 0.62, anchor_y = VIEW_HEIGHT * 0.41;
  double step = pow (GTM_VIEWPORT_ZOOM_MIN / start->zoom, 2.0 / n);

  for (guint i = 0; i < n; i++)
    {
      double factor = i < n / 2 ? step : 1 / step;

      gtm_viewport_zoom_at (&viewport, viewport.zoom * factor, anchor_x, anchor_y);
      g_array_append_val (script, viewport);
    }

  return script;
}

/* The viewport at 100 % showing the middle of what @fit shows. */
static GtmViewport
actual_size (const GtmViewport *fit)
{
  GtmViewport viewport = *fit;

  gtm_viewport_zoom_at (&viewport, 1.0, VIEW_WIDTH / 2.0, VIEW_HEIGHT / 2.0);

  return viewport;
}

static void
run_script (Canvas *canvas,
            GArray *script,
            double *times)
{
  for (guint i = 0; i < script->len; i++)
    {
      canvas->viewport = g_array_index (script, GtmViewport, i);
      times[i] = canvas_frame (canvas);
    }
}

/* The frames that draw the picture sharp after each of the zoom script's
 * two gestures. */
#define ZOOM_SETTLE_FRAMES 2

typedef struct
{
  GArray *pan_fit;
  GArray *pan_100;
  GArray *zoom;
} Scripts;

static void
scripts_init (Scripts           *scripts,
              const GtmViewport *fit)
{
  GtmViewport full = actual_size (fit);

  scripts->pan_fit = pan_script (fit, sizes->n_pan);
  scripts->pan_100 = pan_script (&full, sizes->n_pan);
  scripts->zoom = zoom_script (&g_array_index (scripts->pan_100, GtmViewport, sizes->n_pan - 1),
                               sizes->n_zoom);
}

static void
scripts_clear (Scripts *scripts)
{
  g_clear_pointer (&scripts->pan_fit, g_array_unref);
  g_clear_pointer (&scripts->pan_100, g_array_unref);
  g_clear_pointer (&scripts->zoom, g_array_unref);
}

/* The zoom script as the canvas plays a wheel zoom: two gestures, out and
 * back in, whose steps show the picture scaled (gtm_scene_set_zooming()),
 * each followed by the frame that draws it sharp when the wheel stops.
 * Those two frames come last in @times. */
static void
run_zoom_script (Canvas *canvas,
                 GArray *script,
                 double *times)
{
  guint half = script->len / 2;

  for (guint gesture = 0; gesture < 2; gesture++)
    {
      gtm_scene_set_zooming (canvas->scene, TRUE);
      for (guint i = gesture * half; i < (gesture + 1) * half; i++)
        {
          canvas->viewport = g_array_index (script, GtmViewport, i);
          times[i] = canvas_frame (canvas);
        }
      gtm_scene_set_zooming (canvas->scene, FALSE);
      times[script->len + gesture] = canvas_frame (canvas);
    }
}

/* The frame times of the three scripts, one after the other: the pans at
 * "zoom to fit" and at 100 %, then the zoom with its two sharp frames. */
static double *
run_scripts (Canvas  *canvas,
             Scripts *scripts,
             guint   *n_times)
{
  guint n_pan = sizes->n_pan, n_zoom = sizes->n_zoom + ZOOM_SETTLE_FRAMES;
  double *times = g_new (double, 2 * n_pan + n_zoom);

  run_script (canvas, scripts->pan_fit, times);
  run_script (canvas, scripts->pan_100, times + n_pan);
  run_zoom_script (canvas, scripts->zoom, times + 2 * n_pan);
  *n_times = 2 * n_pan + n_zoom;

  return times;
}

static double
percentile_of (const double *values,
               guint         n,
               double        p)
{
  g_autofree double *copy = g_memdup2 (values, n * sizeof (double));

  return bench_percentile (copy, n, p);
}

/* Prints the figures of run_scripts() for @size ("10k", "100k"); returns
 * the 95th percentile over all frames. */
static double
print_script_figures (const double *times,
                      guint         n_times,
                      const char   *size)
{
  guint n_pan = sizes->n_pan, n_zoom = sizes->n_zoom + ZOOM_SETTLE_FRAMES;
  double all = percentile_of (times, n_times, 0.95);
  const double *settle = times + 2 * n_pan + sizes->n_zoom;
  g_autofree char *zoom_settle = g_strdup_printf ("zoom_settle_max_%s", size);
  g_autofree char *pan_p95 = g_strdup_printf ("pan_p95_%s", size);
  g_autofree char *pan_median = g_strdup_printf ("pan_median_%s", size);
  g_autofree char *fit_p95 = g_strdup_printf ("pan_fit_p95_%s", size);
  g_autofree char *full_p95 = g_strdup_printf ("pan_100_p95_%s", size);
  g_autofree char *zoom_p95 = g_strdup_printf ("zoom_p95_%s", size);
  g_autofree char *zoom_median = g_strdup_printf ("zoom_median_%s", size);

  bench_print_figure (pan_p95, all, "ms");
  bench_print_figure (pan_median, percentile_of (times, 2 * n_pan, 0.5), "ms");
  bench_print_figure (fit_p95, percentile_of (times, n_pan, 0.95), "ms");
  bench_print_figure (full_p95, percentile_of (times + n_pan, n_pan, 0.95), "ms");
  bench_print_figure (zoom_p95, percentile_of (times + 2 * n_pan, n_zoom, 0.95), "ms");
  bench_print_figure (zoom_median, percentile_of (times + 2 * n_pan, n_zoom, 0.5), "ms");
  bench_print_figure (zoom_settle, MAX (settle[0], settle[1]), "ms");

  return all;
}


/* Dragging */

/* A note joined by a connector, the one nearest the middle of the board. */
static GtmItem *
pick_note (GtmBoard *board)
{
  GListModel *items = gtm_board_get_items (board);
  guint n = g_list_model_get_n_items (items);
  GtmItem *best = NULL;
  double best_distance = G_MAXDOUBLE;
  GtmRect bounds;

  gtm_render_board_bounds (board, &bounds);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (items, i);
      GtmItem *source;
      double dx, dy;

      if (!GTM_IS_CONNECTOR (item))
        continue;
      source = gtm_board_lookup_item (board, gtm_connector_get_source (GTM_CONNECTOR (item)));
      if (!GTM_IS_NOTE (source))
        continue;

      dx = gtm_item_get_x (source) - (bounds.x + bounds.width / 2);
      dy = gtm_item_get_y (source) - (bounds.y + bounds.height / 2);
      if (hypot (dx, dy) < best_distance)
        {
          best_distance = hypot (dx, dy);
          best = source;
        }
    }

  if (best == NULL)
    g_error ("no note with a connector on the board");

  return best;
}

/* Drags @item through @history for n_drag frames, the pointer tracing a
 * figure of eight in whole pixels; fills @times, returns the time of the
 * frame after the drop. The move is undone afterwards. */
static double
drag (Canvas     *canvas,
      GtmHistory *history,
      GtmItem    *item,
      double     *times)
{
  GtmItem *items[] = { item };
  double x0 = gtm_item_get_x (item), y0 = gtm_item_get_y (item);
  double zoom = canvas->viewport.zoom;
  double start, dropped;

  canvas->selected = item;
  canvas_frame (canvas);

  for (guint i = 0; i < sizes->n_drag; i++)
    {
      double t = 2 * G_PI * (i + 1) / sizes->n_drag;
      double px = round (700 * sin (t));
      double py = round (250 * sin (2 * t));

      start = bench_now_us ();
      if (i == 0)
        {
          gtm_scene_set_floating (canvas->scene, items, 1);
          gtm_history_begin (history, "Move");
        }
      gtm_history_set (history, GTM_NODE (item), "x", x0 + px / zoom, "y", y0 + py / zoom, NULL);
      canvas_frame (canvas);
      times[i] = (bench_now_us () - start) / 1000;
    }

  start = bench_now_us ();
  gtm_history_end (history);
  gtm_scene_set_floating (canvas->scene, NULL, 0);
  canvas_frame (canvas);
  dropped = (bench_now_us () - start) / 1000;

  gtm_history_undo (history);
  canvas->selected = NULL;
  canvas_frame (canvas);

  return dropped;
}


/* The bare-cairo baseline */

typedef enum
{
  BARE_NOTE,
  BARE_SHAPE,
  BARE_FRAME,
  BARE_CONNECTOR,
} BareKind;

/* What drawing an item takes, found beforehand. */
typedef struct
{
  BareKind      kind;
  GtmShapeKind  shape;
  GtmRect       box;
  double        radius;
  GtmColor      fill;
  GtmColor      stroke;
  GtmColor      text_color;
  PangoLayout  *layout;        /* NULL without text */
  double        text_x;
  double        text_y;
  double        x1, y1, x2, y2;  /* a connector's line */
  gboolean      has_line;
} BareItem;

static void
bare_item_free (gpointer data)
{
  BareItem *bare = data;

  g_clear_object (&bare->layout);
  g_free (bare);
}

static PangoLayout *
bare_layout (PangoContext *context,
             GtmItem      *item,
             double        width,
             double        height)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  PangoRectangle logical;

  pango_font_description_set_absolute_size (font, gtm_item_get_font_size (item) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_height (layout, height > 0 ? (int) (height * PANGO_SCALE) : -3);
  pango_layout_set_text (layout, gtm_item_get_text (item), -1);
  /* Lay it out now, not in the first frame. */
  pango_layout_get_extents (layout, NULL, &logical);

  return layout;
}

static BareItem *
bare_item_new (GtmBoard     *board,
               PangoContext *context,
               GtmItem      *item)
{
  BareItem *bare = g_new0 (BareItem, 1);
  const char *text = gtm_item_get_text (item);
  gboolean has_text = text != NULL && text[0] != '\0';
  GtmRect *box = &bare->box;
  PangoRectangle logical;

  gtm_color_parse (gtm_item_get_fill (item), &bare->fill);
  gtm_color_parse (gtm_item_get_stroke (item), &bare->stroke);
  gtm_color_parse (gtm_item_get_text_color (item), &bare->text_color);
  *box = (GtmRect) { gtm_item_get_x (item), gtm_item_get_y (item),
                     gtm_item_get_width (item), gtm_item_get_height (item) };

  if (GTM_IS_CONNECTOR (item))
    {
      bare->kind = BARE_CONNECTOR;
      bare->has_line = gtm_render_connector_line (board, GTM_CONNECTOR (item),
                                                  &bare->x1, &bare->y1, &bare->x2, &bare->y2);
      if (has_text && bare->has_line)
        {
          bare->layout = bare_layout (context, item, 200, -1);
          pango_layout_get_extents (bare->layout, NULL, &logical);
          bare->text_x = (bare->x1 + bare->x2) / 2 - logical.width / (2.0 * PANGO_SCALE);
          bare->text_y = (bare->y1 + bare->y2) / 2 - logical.height / (2.0 * PANGO_SCALE);
        }
      return bare;
    }

  if (GTM_IS_FRAME (item))
    {
      bare->kind = BARE_FRAME;
      bare->radius = 10;
      if (has_text)
        {
          bare->layout = bare_layout (context, item, box->width, -1);
          pango_layout_get_extents (bare->layout, NULL, &logical);
          bare->text_x = box->x;
          bare->text_y = box->y - 6 - logical.height / (double) PANGO_SCALE;
        }
      return bare;
    }

  bare->kind = GTM_IS_SHAPE (item) ? BARE_SHAPE : BARE_NOTE;
  bare->shape = GTM_IS_SHAPE (item) ? gtm_shape_get_shape (GTM_SHAPE (item)) : GTM_SHAPE_ROUNDED_RECTANGLE;
  bare->radius = bare->kind == BARE_NOTE ? 4 : MIN (16, MIN (box->width, box->height) * 0.2);
  if (has_text)
    {
      double inset = bare->shape == GTM_SHAPE_ELLIPSE || bare->shape == GTM_SHAPE_DIAMOND ? 0.22 : 0.08;

      bare->layout = bare_layout (context, item, box->width * (1 - 2 * inset), box->height * (1 - 2 * inset));
      pango_layout_get_extents (bare->layout, NULL, &logical);
      bare->text_x = box->x + box->width * inset;
      bare->text_y = box->y + (box->height - logical.height / (double) PANGO_SCALE) / 2;
    }

  return bare;
}

static void
bare_rounded_rectangle (cairo_t       *cr,
                        const GtmRect *r,
                        double         radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
bare_set_color (cairo_t        *cr,
                const GtmColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
bare_draw (cairo_t        *cr,
           const BareItem *bare)
{
  const GtmRect *box = &bare->box;

  switch (bare->kind)
    {
    case BARE_CONNECTOR:
      if (!bare->has_line)
        return;
      {
        double dx = bare->x2 - bare->x1, dy = bare->y2 - bare->y1;
        double length = MAX (hypot (dx, dy), 1e-6);
        double ux = dx / length, uy = dy / length;

        bare_set_color (cr, &bare->stroke);
        cairo_set_line_width (cr, 2);
        cairo_move_to (cr, bare->x1, bare->y1);
        cairo_line_to (cr, bare->x2 - ux * 7, bare->y2 - uy * 7);
        cairo_stroke (cr);
        cairo_move_to (cr, bare->x2, bare->y2);
        cairo_line_to (cr, bare->x2 - ux * 12 - uy * 5.5, bare->y2 - uy * 12 + ux * 5.5);
        cairo_line_to (cr, bare->x2 - ux * 12 + uy * 5.5, bare->y2 - uy * 12 - ux * 5.5);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
      if (bare->layout != NULL)
        {
          PangoRectangle logical;
          GtmRect pill;

          pango_layout_get_extents (bare->layout, NULL, &logical);
          pill = (GtmRect) { bare->text_x - 6, bare->text_y - 3,
                             logical.width / (double) PANGO_SCALE + 12,
                             logical.height / (double) PANGO_SCALE + 6 };
          bare_rounded_rectangle (cr, &pill, 5);
          cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
          cairo_fill (cr);
        }
      break;

    case BARE_SHAPE:
      switch (bare->shape)
        {
        case GTM_SHAPE_ELLIPSE:
          cairo_save (cr);
          cairo_translate (cr, box->x + box->width / 2, box->y + box->height / 2);
          cairo_scale (cr, box->width / 2, box->height / 2);
          cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
          cairo_restore (cr);
          break;
        case GTM_SHAPE_DIAMOND:
          cairo_move_to (cr, box->x + box->width / 2, box->y);
          cairo_line_to (cr, box->x + box->width, box->y + box->height / 2);
          cairo_line_to (cr, box->x + box->width / 2, box->y + box->height);
          cairo_line_to (cr, box->x, box->y + box->height / 2);
          cairo_close_path (cr);
          break;
        case GTM_SHAPE_RECTANGLE:
          cairo_rectangle (cr, box->x, box->y, box->width, box->height);
          break;
        case GTM_SHAPE_ROUNDED_RECTANGLE:
        default:
          bare_rounded_rectangle (cr, box, bare->radius);
          break;
        }
      goto fill_and_stroke;

    case BARE_NOTE:
    case BARE_FRAME:
    default:
      bare_rounded_rectangle (cr, box, bare->radius);
    fill_and_stroke:
      if (bare->fill.alpha > 0)
        {
          bare_set_color (cr, &bare->fill);
          cairo_fill_preserve (cr);
        }
      if (bare->stroke.alpha > 0)
        {
          bare_set_color (cr, &bare->stroke);
          cairo_set_line_width (cr, 2);
          cairo_stroke_preserve (cr);
        }
      cairo_new_path (cr);
      break;
    }

  if (bare->layout != NULL)
    {
      bare_set_color (cr, &bare->text_color);
      cairo_move_to (cr, bare->text_x, bare->text_y);
      pango_cairo_show_layout (cr, bare->layout);
    }
}

static double
bare_frame (Canvas     *canvas,
            GHashTable *bare_items)
{
  double start = bench_now_us ();
  const GtmViewport *viewport = &canvas->viewport;
  g_autoptr(GPtrArray) visible = gtm_spatial_index_query_visible (canvas->index, viewport,
                                                                  VIEW_WIDTH, VIEW_HEIGHT);
  cairo_t *cr = cairo_create (canvas->frame);

  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);

  cairo_save (cr);
  cairo_translate (cr, viewport->offset_x, viewport->offset_y);
  cairo_scale (cr, viewport->zoom, viewport->zoom);
  for (guint i = 0; i < visible->len; i++)
    bare_draw (cr, g_hash_table_lookup (bare_items, g_ptr_array_index (visible, i)));
  cairo_restore (cr);

  draw_selection (cr, viewport, canvas->selected);
  cairo_destroy (cr);
  cairo_surface_flush (canvas->frame);

  return (bench_now_us () - start) / 1000;
}

/* The baseline over the frames of @scripts: returns its 95th percentile. */
static double
bench_bare (Canvas  *canvas,
            Scripts *scripts)
{
  g_autoptr(GHashTable) bare_items = g_hash_table_new_full (NULL, NULL, NULL, bare_item_free);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  GListModel *items = gtm_board_get_items (canvas->board);
  guint n = g_list_model_get_n_items (items);
  GArray *all[] = { scripts->pan_fit, scripts->pan_100, scripts->zoom };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (items, i);

      g_hash_table_insert (bare_items, item, bare_item_new (canvas->board, context, item));
    }

  for (guint s = 0; s < G_N_ELEMENTS (all); s++)
    for (guint i = 0; i < all[s]->len; i++)
      {
        double time;

        canvas->viewport = g_array_index (all[s], GtmViewport, i);
        time = bare_frame (canvas, bare_items);
        g_array_append_val (times, time);
      }

  g_object_unref (context);

  return bench_percentile ((double *) (void *) times->data, times->len, 0.95);
}


/* The 10,000-item board, in a process of its own */

/* The app has drawn its window before it opens a file: lay out some text
 * in both scripts once, so that the first open does not pay for loading
 * fonts. */
static void
use_fonts (void)
{
  g_autoptr(GtmBoard) board = gtm_board_new ("Fonts");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 200);
  GtmItem *note = gtm_note_new (0, 0, "Fonts 字体");
  cairo_t *cr = cairo_create (surface);

  g_list_store_append (G_LIST_STORE (gtm_board_get_items (board)), note);
  g_object_unref (note);
  gtm_render_board (board, cr, GTM_RENDER_BACKGROUND);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The parts of opening a file, in milliseconds. */
typedef struct
{
  double read;     /* gtm_document_load() */
  double index;    /* the spatial index, the board's bounds, fitting */
  double frame;    /* the first frame */
  double total;
} OpenTimes;

/* Opens @path and draws the first frame into @canvas. */
static OpenTimes
open_board (Canvas       *canvas,
            const char   *path,
            GtmDocument **document)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmBoard) board = NULL;
  double start = bench_now_us ();
  double read, indexed;
  OpenTimes times;

  *document = gtm_document_load (file, NULL, &error);
  if (*document == NULL)
    g_error ("%s", error->message);
  board = g_list_model_get_item (gtm_project_get_boards (gtm_document_get_project (*document)), 0);
  read = bench_now_us ();
  canvas_set_board (canvas, board);
  indexed = bench_now_us ();
  canvas_frame (canvas);

  times.read = (read - start) / 1000;
  times.index = (indexed - read) / 1000;
  times.total = (bench_now_us () - start) / 1000;
  times.frame = times.total - times.read - times.index;

  return times;
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    g_error ("getrusage: %s", g_strerror (errno));

  /* Kilobytes on Linux. */
  return usage.ru_maxrss / 1024.0;
}

static int
child_10k (const char *path)
{
  g_autoptr(GtmDocument) document = NULL;
  g_autofree double *times = NULL;
  g_autofree double *drag_times = g_new (double, 2 * sizes->n_drag);
  g_autofree double *opens = g_new (double, sizes->n_opens);
  double dropped[2];
  double canvas_p95, bare_p95;
  Scripts scripts;
  GtmViewport fit;
  GtmItem *item;
  GtmHistory *history;
  OpenTimes opened;
  Canvas canvas;
  guint n_times;

  use_fonts ();

  canvas_init (&canvas);
  opened = open_board (&canvas, path, &document);
  bench_print_figure ("open_10k", opened.total, "ms");
  bench_print_figure ("open_read_10k", opened.read, "ms");
  bench_print_figure ("open_index_10k", opened.index, "ms");
  bench_print_figure ("open_first_frame_10k", opened.frame, "ms");

  fit = canvas.viewport;
  scripts_init (&scripts, &fit);
  times = run_scripts (&canvas, &scripts, &n_times);
  canvas_p95 = print_script_figures (times, n_times, "10k");
  bench_print_figure ("peak_rss_10k", peak_rss_mb (), "MB");

  /* Drags at "zoom to fit" and at 100 %, centred on the note. */
  history = gtm_document_get_history (document);
  item = pick_note (canvas.board);
  canvas.viewport = fit;
  dropped[0] = drag (&canvas, history, item, drag_times);
  canvas.viewport = fit;
  gtm_viewport_zoom_at (&canvas.viewport, 1.0, VIEW_WIDTH / 2.0, VIEW_HEIGHT / 2.0);
  gtm_viewport_pan (&canvas.viewport,
                    round (VIEW_WIDTH / 2.0 - (gtm_item_get_x (item) * canvas.viewport.zoom + canvas.viewport.offset_x)),
                    round (VIEW_HEIGHT / 2.0 - (gtm_item_get_y (item) * canvas.viewport.zoom + canvas.viewport.offset_y)));
  dropped[1] = drag (&canvas, history, item, drag_times + sizes->n_drag);
  bench_print_figure ("drag_first_10k", MAX (drag_times[0], drag_times[sizes->n_drag]), "ms");
  bench_print_figure ("drag_p95_10k", bench_percentile (drag_times, 2 * sizes->n_drag, 0.95), "ms");
  bench_print_figure ("drop_median_10k", (dropped[0] + dropped[1]) / 2, "ms");

  bare_p95 = bench_bare (&canvas, &scripts);
  bench_print_figure ("bare_cairo_p95_10k", bare_p95, "ms");
  bench_print_figure ("canvas_to_bare_ratio", canvas_p95 / bare_p95, "x");

  scripts_clear (&scripts);
  canvas_clear (&canvas);
  g_clear_object (&document);

  /* Opening again, for a steadier figure than the first open. */
  for (guint i = 0; i < sizes->n_opens; i++)
    {
      canvas_init (&canvas);
      opens[i] = open_board (&canvas, path, &document).total;
      canvas_clear (&canvas);
      g_clear_object (&document);
    }
  bench_print_figure ("open_median_10k", bench_median (opens, sizes->n_opens), "ms");

  return 0;
}

/* Writes the 10,000-item project to a file and runs child_10k() on it in
 * a new process. */
static void
bench_10k (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-canvas-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtmDocument) document = NULL;
  g_autoptr(GtmProject) project = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "board-10k.gtm", NULL);
  file = g_file_new_for_path (path);

  project = bench_build_mixed_project (sizes->frames_10k, sizes->columns_10k);
  document = gtm_document_new (project, NULL);
  if (!gtm_document_save (document, file, NULL, &error))
    g_error ("%s", error->message);
  g_clear_object (&document);
  g_clear_object (&project);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    g_error ("%s", error->message);
  bench_print_figure ("file_10k", g_file_info_get_size (info) / 1e6, "MB");

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                            "/proc/self/exe", "--child-10k", path, NULL);
  if (child == NULL || !g_subprocess_wait_check (child, NULL, &error))
    g_error ("the 10,000-item run failed: %s", error->message);

  if (!g_file_delete (file, NULL, &error) || g_rmdir (dir) != 0)
    g_error ("could not remove %s: %s", dir, error != NULL ? error->message : g_strerror (errno));
}


/* The 100,000-item board */

static void
bench_100k (void)
{
  g_autoptr(GtmBoard) board = bench_build_mixed_board (sizes->frames_100k, sizes->columns_100k, NULL);
  g_autofree double *times = NULL;
  Scripts scripts;
  Canvas canvas;
  guint n_times;

  canvas_init (&canvas);
  canvas_set_board (&canvas, board);
  canvas_frame (&canvas);

  scripts_init (&scripts, &canvas.viewport);
  times = run_scripts (&canvas, &scripts, &n_times);
  print_script_figures (times, n_times, "100k");

  scripts_clear (&scripts);
  canvas_clear (&canvas);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (bench_smoke ())
    sizes = &smoke_sizes;

  if (argc == 3 && g_str_equal (argv[1], "--child-10k"))
    return child_10k (argv[2]);

  bench_10k ();
  bench_100k ();

  return 0;
}
