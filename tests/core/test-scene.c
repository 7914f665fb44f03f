/* test-scene.c — the canvas's kept picture: panned, redrawn, floating items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A kept picture is only right if it is the picture a fresh render would
 * make: after pans, zooms and edits, it is compared with one pixel for
 * pixel, allowing no difference. Also the level-of-detail rules of
 * gtm-render.c that test-render.c leaves out: small items become plain
 * boxes on raster targets, never on PDF.
 */

#define _GNU_SOURCE /* memmem () */
#define G_LOG_DOMAIN "test-scene"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>

#include "gtm-color.h"
#include "gtm-connector.h"
#include "gtm-frame.h"
#include "gtm-link.h"
#include "gtm-note.h"
#include "gtm-project.h"
#include "gtm-scene.h"
#include "gtm-shape.h"

#define WIDTH  320
#define HEIGHT 240

#define NOTE_FILL   "#fff3a3"
#define BACKGROUND  "#fafafa"

static const char *texts[] = {
  "Positioning 定位",
  "Launch plan: beta in May, general availability in June",
  "电梯演讲：一分钟讲清楚我们的产品",
  "Pricing tiers · 价格分层",
  "",
};


/* Pictures */

/* A copy of @surface, device scale included: a scene's picture lasts only
 * until its next render. */
static cairo_surface_t *
copy_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  cairo_surface_t *copy = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  double sx, sy;
  cairo_t *cr;

  cairo_surface_get_device_scale (surface, &sx, &sy);
  cairo_surface_set_device_scale (copy, sx, sy);

  cr = cairo_create (copy);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  return copy;
}

/* The picture a new scene makes of @board at @viewport. */
static cairo_surface_t *
fresh_render (GtmBoard          *board,
              const GtmViewport *viewport,
              int                scale)
{
  g_autoptr(GtmScene) scene = gtm_scene_new (board);
  gboolean damaged = FALSE;
  cairo_surface_t *picture = gtm_scene_render (scene, viewport, WIDTH, HEIGHT, scale, &damaged);

  g_assert_true (damaged);

  return copy_surface (picture);
}

/* The largest difference of a colour channel between two ARGB pixels. */
static int
pixel_difference (guint32 a,
                  guint32 b)
{
  int largest = 0;

  for (int shift = 0; shift < 32; shift += 8)
    largest = MAX (largest, ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));

  return largest;
}

/* Asserts that @a and @b differ in at most @max_different pixels, of
 * which at most @max_strong by more than STRONG_DIFFERENCE in a channel,
 * and says where they differ if not. */
#define STRONG_DIFFERENCE 32

static void
assert_pixels_within (cairo_surface_t *a,
                      cairo_surface_t *b,
                      guint            max_different,
                      guint            max_strong)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int stride_a = cairo_image_surface_get_stride (a);
  int stride_b = cairo_image_surface_get_stride (b);
  const guint8 *data_a, *data_b;
  guint n_different = 0, n_strong = 0;
  int first_x = -1, first_y = -1;
  guint32 first_a = 0, first_b = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  data_a = cairo_image_surface_get_data (a);
  data_b = cairo_image_surface_get_data (b);

  for (int y = 0; y < height; y++)
    {
      const guint32 *row_a = (const guint32 *) (const void *) (data_a + y * stride_a);
      const guint32 *row_b = (const guint32 *) (const void *) (data_b + y * stride_b);

      if (memcmp (row_a, row_b, width * 4) == 0)
        continue;
      for (int x = 0; x < width; x++)
        {
          if (row_a[x] == row_b[x])
            continue;
          if (pixel_difference (row_a[x], row_b[x]) > STRONG_DIFFERENCE)
            n_strong++;
          if (n_different++ == 0)
            {
              first_x = x;
              first_y = y;
              first_a = row_a[x];
              first_b = row_b[x];
            }
        }
    }

  if (n_different > max_different || n_strong > max_strong)
    g_error ("%u of %d pixels differ, %u of them strongly; the first at (%d, %d): %08x instead of %08x",
             n_different, width * height, n_strong, first_x, first_y, first_a, first_b);
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  assert_pixels_within (a, b, 0, 0);
}

/* Cairo and Pango don't draw a board shifted by whole pixels exactly
 * shifted: an edge cut by the picture's border is cut at a rounded point,
 * which bends it by a hair (a few levels on pixels along it), and now and
 * then a run of glyphs lands a pixel over. Two fresh renders of a board of
 * text whose viewports differ by a pan of (-21, 24) were seen to differ in
 * 34 pixels by more than STRONG_DIFFERENCE. So a picture built by pans
 * matches a fresh render of such a board only nearly: here, in at most 2 %
 * of its pixels, at most 0.5 % strongly (seen: 0.6 % and 0.2 %). Each pan
 * is checked pixel by pixel by assert_panned(), and a whole series of
 * them against a fresh render, exactly, on a board cairo does draw exactly
 * (test_pan_exact()). */
static void
assert_pixels_close (cairo_surface_t *a,
                     cairo_surface_t *b)
{
  guint n_pixels = cairo_image_surface_get_width (a) * cairo_image_surface_get_height (a);

  assert_pixels_within (a, b, n_pixels / 50, n_pixels / 200);
}

/* The pixel at device pixel (x, y), as "#rrggbb" (opaque pictures). */
static char *
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data;
  guint32 pixel;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  pixel = *(const guint32 *) (const void *) (data + y * cairo_image_surface_get_stride (surface) + 4 * x);
  g_assert_cmphex (pixel >> 24, ==, 0xff);

  return g_strdup_printf ("#%06x", pixel & 0xffffff);
}

static void
assert_pixel (cairo_surface_t *surface,
              int              x,
              int              y,
              const char      *expected)
{
  g_autofree char *pixel = pixel_at (surface, x, y);

  g_assert_cmpstr (pixel, ==, expected);
}

/* The device pixel showing the board point (bx, by). */
static void
device_pixel (const GtmViewport *viewport,
              int                scale,
              double             bx,
              double             by,
              int               *x,
              int               *y)
{
  double wx, wy;

  gtm_viewport_to_widget (viewport, bx, by, &wx, &wy);
  *x = (int) floor (wx * scale);
  *y = (int) floor (wy * scale);
}


/* Boards */

/* Whether @a and @b are at least @gap apart, across or down. */
static gboolean
apart (GtmItem *a,
       GtmItem *b,
       double   gap)
{
  return gtm_item_get_x (a) + gtm_item_get_width (a) + gap < gtm_item_get_x (b) ||
         gtm_item_get_x (b) + gtm_item_get_width (b) + gap < gtm_item_get_x (a) ||
         gtm_item_get_y (a) + gtm_item_get_height (a) + gap < gtm_item_get_y (b) ||
         gtm_item_get_y (b) + gtm_item_get_height (b) + gap < gtm_item_get_y (a);
}

/* Notes, shapes and frames with English and Chinese text scattered over
 * about 1200 × 900 units, and connectors between them, some labelled. */
static GtmBoard *
random_board (GRand *rand)
{
  GtmBoard *board = gtm_board_new ("Random");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_boxes;

  for (guint i = 0; i < 40; i++)
    {
      double x = g_rand_double_range (rand, -100, 1100);
      double y = g_rand_double_range (rand, -100, 800);
      const char *text = texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))];
      int kind = g_rand_int_range (rand, 0, 10);
      GtmItem *item;

      if (kind < 5)
        item = gtm_note_new (x, y, text);
      else if (kind < 9)
        {
          item = gtm_shape_new ((GtmShapeKind) g_rand_int_range (rand, 0, 4), x, y,
                                g_rand_double_range (rand, 40, 240), g_rand_double_range (rand, 30, 160));
          g_object_set (item, "text", text, NULL);
        }
      else
        item = gtm_frame_new (x, y, g_rand_double_range (rand, 200, 500),
                              g_rand_double_range (rand, 150, 400), text);

      g_ptr_array_add (batch, item);
    }

  /* Connectors join items at least an arrowhead apart: between closer
   * ones, the arrowhead of a line shorter than itself reaches beyond
   * gtm_render_item_bounds(), so a strip drawn next to it leaves it out.
   * That is the renderer's to fix and test, not the scene's. */
  n_boxes = batch->len;
  for (guint i = 0; i < 15; i++)
    {
      GtmItem *source = g_ptr_array_index (batch, g_rand_int_range (rand, 0, n_boxes));
      GtmItem *target = g_ptr_array_index (batch, g_rand_int_range (rand, 0, n_boxes));
      GtmItem *connector;

      if (!apart (source, target, 40))
        continue;
      connector = gtm_connector_new (gtm_node_get_id (GTM_NODE (source)),
                                     gtm_node_get_id (GTM_NODE (target)));
      if (i % 3 == 0)
        g_object_set (connector, "text", i % 2 ? "drives 驱动" : "converts 12%", NULL);
      g_ptr_array_add (batch, connector);
    }

  g_list_store_splice (G_LIST_STORE (gtm_board_get_items (board)), 0, 0, batch->pdata, batch->len);

  return board;
}

static GRand *
test_rand (void)
{
  return g_rand_new_with_seed (g_test_rand_int ());
}


/* Panning and zooming */

/* Rectangles of many colours with outlines, corners on whole units, no
 * text: what cairo draws the same wherever it lies, to the last bit, at
 * zoom 1 and 2 with whole offsets. */
static GtmBoard *
rectangles_board (GRand *rand)
{
  GtmBoard *board = gtm_board_new ("Rectangles");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 80; i++)
    {
      GtmItem *item = gtm_shape_new (GTM_SHAPE_RECTANGLE,
                                     g_rand_int_range (rand, -100, 700),
                                     g_rand_int_range (rand, -100, 500),
                                     g_rand_int_range (rand, 4, 120),
                                     g_rand_int_range (rand, 4, 120));
      g_autofree char *fill = g_strdup_printf ("#%06x", g_rand_int_range (rand, 0, 0x1000000));
      g_autofree char *stroke = g_strdup_printf ("#%06x", g_rand_int_range (rand, 0, 0x1000000));

      g_object_set (item, "fill", fill, "stroke", stroke, NULL);
      g_ptr_array_add (batch, item);
    }

  g_list_store_splice (G_LIST_STORE (gtm_board_get_items (board)), 0, 0, batch->pdata, batch->len);

  return board;
}

static guint32
pixel_value (cairo_surface_t *surface,
             int              x,
             int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (const void *) (data + y * cairo_image_surface_get_stride (surface) + 4 * x);
}

/* Whether (x, y) of a picture panned by (dx, dy) is next to the strips
 * that came into view. */
static gboolean
next_to_strip (int x,
               int y,
               int dx,
               int dy,
               int width,
               int height)
{
  return (dx > 0 && x == dx) || (dx < 0 && x == width + dx - 1) ||
         (dy > 0 && y == dy) || (dy < 0 && y == height + dy - 1);
}

/* Asserts that @picture is @old moved by (dx, dy) device pixels, exactly,
 * with the strips that came into view drawn as in @fresh. On a board cairo
 * draws @exact-ly, that is all. On a board of text it is not, and cairo's
 * failings at the edges of a clip show:
 *
 *  - it draws some glyphs a pixel row beyond a clip rectangle on whole
 *    pixels (a layout of "Positioning 定位" at zoom 0.51 clipped to
 *    y ≥ 235 changes three pixels of row 234; another, by 55 levels), and
 *    the scene draws its strips so clipped: the row or column of moved
 *    pixels next to the strips is not checked. Drawn through
 *    cairo_push_group() inside the clip, strips don't leak.
 *  - now and then it leaves out part of a glyph that the clip cuts, or
 *    moves it a pixel: a few strip pixels may differ strongly from @fresh
 *    (at most 0.5 % of the picture; a stale or missing strip is found on
 *    the exact board). */
static void
assert_panned (cairo_surface_t *old,
               cairo_surface_t *picture,
               cairo_surface_t *fresh,
               int              dx,
               int              dy,
               gboolean         exact)
{
  int width = cairo_image_surface_get_width (picture);
  int height = cairo_image_surface_get_height (picture);
  int max_strong = exact ? 0 : width * height / 200;
  int n_strong = 0;

  cairo_surface_flush (old);
  cairo_surface_flush (picture);
  cairo_surface_flush (fresh);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = pixel_value (picture, x, y);
        guint32 expected;
        int from_x = x - dx, from_y = y - dy;

        if (from_x >= 0 && from_x < width && from_y >= 0 && from_y < height)
          {
            expected = pixel_value (old, from_x, from_y);
            if (pixel != expected && (exact || !next_to_strip (x, y, dx, dy, width, height)))
              g_error ("pixel (%d, %d) is %08x, not the %08x moved there by a pan of (%d, %d)",
                       x, y, pixel, expected, dx, dy);
            continue;
          }

        expected = pixel_value (fresh, x, y);
        if (exact ? pixel != expected : pixel_difference (pixel, expected) > STRONG_DIFFERENCE)
          {
            if (++n_strong > max_strong)
              g_error ("pixel (%d, %d), in view after a pan of (%d, %d), is %08x instead of %08x",
                       x, y, dx, dy, pixel, expected);
          }
      }
}

/* Pans by whole device pixels (some as large as the picture, which can't
 * be moved, then random ones), each checked against the picture before it
 * and a fresh render by assert_panned(); the last picture is compared
 * with a fresh render too, exactly if @exact. */
static void
pan_steps (GtmBoard          *board,
           const GtmViewport *start,
           int                scale,
           GRand             *rand,
           gboolean           exact)
{
  g_autoptr(GtmScene) scene = gtm_scene_new (board);
  int pans[][2] = {
    { 3, 0 }, { 0, -5 }, { -7, 4 }, { 1, 1 }, { 0, 0 }, { 41, -29 },
    { -WIDTH * scale, 0 }, { 12, HEIGHT * scale + 3 }, { -1, 0 }, { 0, 1 },
    { WIDTH * scale - 1, 2 }, { -3, -(HEIGHT * scale - 1) },
  };
  GtmViewport viewport = *start;
  cairo_surface_t *picture, *fresh;
  gboolean damaged = FALSE;

  picture = gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, scale, &damaged);
  g_assert_true (damaged);
  g_assert_cmpint (cairo_image_surface_get_width (picture), ==, WIDTH * scale);
  g_assert_cmpint (cairo_image_surface_get_height (picture), ==, HEIGHT * scale);

  for (guint i = 0; i < G_N_ELEMENTS (pans) + 20; i++)
    {
      cairo_surface_t *old = copy_surface (picture);
      int dx, dy;

      if (i < G_N_ELEMENTS (pans))
        {
          dx = pans[i][0];
          dy = pans[i][1];
        }
      else
        {
          dx = g_rand_int_range (rand, -60, 61);
          dy = g_rand_int_range (rand, -60, 61);
        }

      gtm_viewport_pan (&viewport, (double) dx / scale, (double) dy / scale);
      picture = gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, scale, &damaged);
      g_assert_cmpint (damaged, ==, dx != 0 || dy != 0);

      fresh = fresh_render (board, &viewport, scale);
      if (ABS (dx) >= WIDTH * scale || ABS (dy) >= HEIGHT * scale)
        assert_same_pixels (picture, fresh);
      else
        assert_panned (old, picture, fresh, dx, dy, exact);
      cairo_surface_destroy (fresh);
      cairo_surface_destroy (old);
    }

  fresh = fresh_render (board, &viewport, scale);
  if (exact)
    assert_same_pixels (picture, fresh);
  else
    assert_pixels_close (picture, fresh);
  cairo_surface_destroy (fresh);
}

/* Pans by whole device pixels move the kept picture and draw the strips
 * that come into view: the picture is the one a fresh render makes, bit
 * for bit, on a board cairo draws exactly wherever it lies. */
static void
test_pan_exact (gconstpointer data)
{
  int scale = GPOINTER_TO_INT (data);
  g_autoptr(GRand) rand = test_rand ();
  g_autoptr(GtmBoard) board = rectangles_board (rand);
  GtmViewport viewport = { scale, 23, -17 };

  pan_steps (board, &viewport, scale, rand, TRUE);
}

/* The same on a board of notes, shapes, frames and connectors with text,
 * at a zoom of no particular value: the picture is a fresh render's but
 * for the few pixels where cairo itself is inexact. */
static void
test_pan_whole_pixels (gconstpointer data)
{
  int scale = GPOINTER_TO_INT (data);
  g_autoptr(GRand) rand = test_rand ();
  g_autoptr(GtmBoard) board = random_board (rand);
  GtmViewport viewport = { 0.6, 23.375, 17.75 };

  pan_steps (board, &viewport, scale, rand, FALSE);
}

/* Pans by parts of a device pixel and changes of zoom draw the picture
 * again, the same as a fresh render. */
static void
test_part_pixels_and_zoom (gconstpointer data)
{
  int scale = GPOINTER_TO_INT (data);
  g_autoptr(GRand) rand = test_rand ();
  g_autoptr(GtmBoard) board = random_board (rand);
  g_autoptr(GtmScene) scene = gtm_scene_new (board);
  GtmViewport viewport = { 0.75, -12.0, 31.0 };
  gboolean damaged = FALSE;

  gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, scale, &damaged);

  for (guint i = 0; i < 12; i++)
    {
      cairo_surface_t *picture, *fresh, *old;

      switch (i % 4)
        {
        case 0:
          /* Half a device pixel. */
          gtm_viewport_pan (&viewport, 0.5 / scale, 0);
          break;
        case 1:
          gtm_viewport_pan (&viewport, 3, -0.3 / scale);
          break;
        case 2:
          gtm_viewport_zoom_at (&viewport, viewport.zoom * 1.2, g_rand_double_range (rand, 0, WIDTH),
                                g_rand_double_range (rand, 0, HEIGHT));
          break;
        default:
          gtm_viewport_zoom_at (&viewport, viewport.zoom / 1.45, WIDTH / 2.0, HEIGHT / 2.0);
          break;
        }

      picture = gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, scale, &damaged);
      g_assert_true (damaged);
      fresh = fresh_render (board, &viewport, scale);
      assert_same_pixels (picture, fresh);
      cairo_surface_destroy (fresh);

      /* And a whole-pixel pan after it moves the new picture. */
      old = copy_surface (picture);
      gtm_viewport_pan (&viewport, 2, -5);
      picture = gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, scale, &damaged);
      g_assert_true (damaged);
      fresh = fresh_render (board, &viewport, scale);
      assert_panned (old, picture, fresh, 2 * scale, -5 * scale, FALSE);
      cairo_surface_destroy (fresh);
      cairo_surface_destroy (old);
    }
}

/* During a zoom gesture the picture is the last sharp one scaled: a zoom
 * step costs no drawing of the board, the background fills what it
 * doesn't reach, and the end of the gesture draws it sharp, as fresh. */
static void
test_zoom_gesture (void)
{
  g_autoptr(GRand) rand = test_rand ();
  g_autoptr(GtmBoard) board = random_board (rand);
  g_autoptr(GtmScene) scene = gtm_scene_new (board);
  GtmViewport viewport = { 1.0, 0, 0 };
  cairo_surface_t *picture, *fresh;
  gboolean damaged = FALSE;
  guint32 corner;

  gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, 1, &damaged);

  gtm_scene_set_zooming (scene, TRUE);
  gtm_viewport_zoom_at (&viewport, 0.5, 0, 0);
  picture = gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, 1, &damaged);
  g_assert_true (damaged);

  /* The far corner lies outside the old picture scaled by half: it shows
   * the board's background (the test boards' is opaque). */
  cairo_surface_flush (picture);
  corner = *(guint32 *) (cairo_image_surface_get_data (picture) +
                         (HEIGHT - 1) * cairo_image_surface_get_stride (picture) + (WIDTH - 1) * 4);
  fresh = fresh_render (board, &(GtmViewport) { 1.0, -10 * WIDTH, -10 * HEIGHT }, 1);
  cairo_surface_flush (fresh);
  g_assert_cmphex (corner, ==, *(guint32 *) cairo_image_surface_get_data (fresh));
  cairo_surface_destroy (fresh);

  /* A second step scales the same sharp picture, not the scaled one. */
  gtm_viewport_zoom_at (&viewport, 0.25, 0, 0);
  gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, 1, &damaged);
  g_assert_true (damaged);

  gtm_scene_set_zooming (scene, FALSE);
  picture = gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, 1, &damaged);
  g_assert_true (damaged);
  fresh = fresh_render (board, &viewport, 1);
  assert_same_pixels (picture, fresh);
  cairo_surface_destroy (fresh);
}

/* Whether @a and @b differ anywhere. */
static gboolean
surfaces_differ (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  cairo_surface_flush (a);
  cairo_surface_flush (b);

  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) height * stride) != 0;
}

/* A note showing a linked field is drawn again when the field changes
 * elsewhere in the project, and as before after undo; a deleted target
 * draws differently (the broken placeholder). */
static void
test_linked_fields (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GtmBoard) board = gtm_board_new ("SWOT");
  GtmNode *messaging = gtm_project_get_messaging (project);
  g_autoptr(GtmScene) scene = NULL;
  g_autoptr(GtmItem) note = NULL;
  g_autofree char *token = NULL;
  GtmViewport viewport = { 1.0, 0, 0 };
  cairo_surface_t *first, *picture;
  gboolean damaged = FALSE;

  g_list_store_append (gtm_node_get_list (GTM_NODE (project), "boards"), board);
  gtm_history_set (history, messaging, "differentiator", "Setup in an hour", NULL);
  token = gtm_link_format (messaging, "differentiator");
  note = gtm_note_new (20, 20, token);
  gtm_board_add_item (board, history, note);

  scene = gtm_scene_new (board);
  first = copy_surface (gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, 1, &damaged));

  gtm_history_set (history, messaging, "differentiator", "一小时接入主流 POS", NULL);
  picture = gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, 1, &damaged);
  g_assert_true (damaged);
  g_assert_true (surfaces_differ (first, picture));

  g_assert_true (gtm_history_undo (history));
  picture = gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, 1, &damaged);
  g_assert_true (damaged);
  assert_same_pixels (first, picture);

  /* The same text written out, not linked, has no underline. */
  gtm_history_set (history, GTM_NODE (note), "text", "Setup in an hour", NULL);
  picture = gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, 1, &damaged);
  g_assert_true (surfaces_differ (first, picture));

  cairo_surface_destroy (first);
}

/* A picture of another size is drawn whole at that size. */
static void
test_resize (void)
{
  g_autoptr(GRand) rand = test_rand ();
  g_autoptr(GtmBoard) board = random_board (rand);
  g_autoptr(GtmScene) scene = gtm_scene_new (board);
  GtmViewport viewport = { 0.5, 10, 10 };
  cairo_surface_t *picture;
  gboolean damaged = FALSE;
  double sx, sy;

  gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, 1, &damaged);
  picture = gtm_scene_render (scene, &viewport, WIDTH, HEIGHT, 1, &damaged);
  g_assert_false (damaged);

  picture = gtm_scene_render (scene, &viewport, WIDTH / 2, HEIGHT, 2, &damaged);
  g_assert_true (damaged);
  g_assert_cmpint (cairo_image_surface_get_width (picture), ==, WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (picture), ==, HEIGHT * 2);
  cairo_surface_get_device_scale (picture, &sx, &sy);
  g_assert_cmpfloat (sx, ==, 2);
  g_assert_cmpfloat (sy, ==, 2);

  /* An invalidated picture is drawn again, the same. */
  gtm_scene_invalidate (scene);
  picture = gtm_scene_render (scene, &viewport, WIDTH / 2, HEIGHT, 2, &damaged);
  g_assert_true (damaged);
}


/* Floating items */

typedef struct
{
  GtmBoard   *board;
  GtmHistory *history;
  GtmScene   *scene;
  GtmItem    *dragged;    /* a note, joined to… */
  GtmItem    *joined;     /* …this note by… */
  GtmItem    *connector;  /* …this connector */
  GtmItem    *other;      /* a shape on its own */
  GtmViewport viewport;
} Fixture;

/* Apart from each other but for the connector, so that drawing the
 * floating items on top of the picture gives what drawing the board in
 * z-order gives. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtmItem *items[4];

  f->board = gtm_board_new ("Floating");
  f->history = gtm_history_new ();
  f->dragged = items[0] = gtm_note_new (20, 20, "Dragged 拖动");
  f->joined = items[1] = gtm_note_new (420, 20, "");
  f->other = items[2] = gtm_shape_new (GTM_SHAPE_ELLIPSE, 40, 300, 200, 100);
  f->connector = items[3] = gtm_connector_new (gtm_node_get_id (GTM_NODE (f->dragged)),
                                               gtm_node_get_id (GTM_NODE (f->joined)));
  g_object_set (f->other, "text", "Other 其他", NULL);
  g_list_store_splice (G_LIST_STORE (gtm_board_get_items (f->board)), 0, 0, (gpointer *) items, 4);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_object_unref (items[i]);

  f->scene = gtm_scene_new (f->board);
  f->viewport = (GtmViewport) { 0.5, 8.3, 4.6 };
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->scene);
  g_clear_object (&f->history);
  g_clear_object (&f->board);
}

static cairo_surface_t *
render (Fixture  *f,
        int       scale,
        gboolean  expect_damaged)
{
  gboolean damaged = !expect_damaged;
  cairo_surface_t *picture = gtm_scene_render (f->scene, &f->viewport, WIDTH, HEIGHT, scale, &damaged);

  g_assert_cmpint (damaged, ==, expect_damaged);

  return picture;
}

/* The picture with the floating items drawn over it, as the canvas shows
 * it. */
static cairo_surface_t *
composite (Fixture         *f,
           cairo_surface_t *picture)
{
  cairo_surface_t *frame = copy_surface (picture);
  cairo_t *cr = cairo_create (frame);

  gtm_scene_draw_floating (f->scene, cr, GTM_RENDER_NONE);
  cairo_destroy (cr);

  return frame;
}

/* A device pixel of @item's fill, below its text. */
static void
fill_pixel (Fixture *f,
            GtmItem *item,
            int      scale,
            int     *x,
            int     *y)
{
  device_pixel (&f->viewport, scale,
                gtm_item_get_x (item) + gtm_item_get_width (item) / 2,
                gtm_item_get_y (item) + gtm_item_get_height (item) * 0.85,
                x, y);
}

/* The middle of the connector's line, in device pixels. */
static void
connector_middle (Fixture *f,
                  int      scale,
                  int     *x,
                  int     *y)
{
  double x1, y1, x2, y2;

  g_assert_true (gtm_render_connector_line (f->board, GTM_CONNECTOR (f->connector), &x1, &y1, &x2, &y2));
  device_pixel (&f->viewport, scale, (x1 + x2) / 2, (y1 + y2) / 2, x, y);
}

static void
assert_not_pixel (cairo_surface_t *surface,
                  int              x,
                  int              y,
                  const char      *unexpected)
{
  g_autofree char *pixel = pixel_at (surface, x, y);

  g_assert_cmpstr (pixel, !=, unexpected);
}

/* A floating item and the connectors attached to it are left out of the
 * picture and drawn by gtm_scene_draw_floating(); together they make
 * what a fresh render of the board makes. */
static void
test_floating (Fixture       *f,
               gconstpointer  data)
{
  int scale = GPOINTER_TO_INT (data);
  cairo_surface_t *picture, *frame, *fresh;
  int nx, ny, jx, jy, cx, cy;

  fill_pixel (f, f->dragged, scale, &nx, &ny);
  fill_pixel (f, f->joined, scale, &jx, &jy);
  connector_middle (f, scale, &cx, &cy);

  picture = render (f, scale, TRUE);
  assert_pixel (picture, nx, ny, NOTE_FILL);
  assert_not_pixel (picture, cx, cy, BACKGROUND);
  fresh = copy_surface (picture);

  gtm_scene_set_floating (f->scene, &f->dragged, 1);
  g_assert_true (gtm_scene_is_floating (f->scene, f->dragged));
  g_assert_true (gtm_scene_is_floating (f->scene, f->connector));
  g_assert_false (gtm_scene_is_floating (f->scene, f->joined));
  g_assert_false (gtm_scene_is_floating (f->scene, f->other));

  picture = render (f, scale, TRUE);
  assert_pixel (picture, nx, ny, BACKGROUND);
  assert_pixel (picture, cx, cy, BACKGROUND);
  assert_pixel (picture, jx, jy, NOTE_FILL);

  frame = composite (f, picture);
  assert_pixel (frame, nx, ny, NOTE_FILL);
  assert_same_pixels (frame, fresh);
  cairo_surface_destroy (frame);

  /* Nothing floating: the picture is whole again. */
  gtm_scene_set_floating (f->scene, NULL, 0);
  g_assert_false (gtm_scene_is_floating (f->scene, f->dragged));
  g_assert_false (gtm_scene_is_floating (f->scene, f->connector));
  picture = render (f, scale, TRUE);
  assert_same_pixels (picture, fresh);

  /* With nothing floating, nothing is drawn on top. */
  frame = composite (f, picture);
  assert_same_pixels (frame, fresh);
  cairo_surface_destroy (frame);
  cairo_surface_destroy (fresh);
}

/* A connector joining two floating items floats once, not twice. */
static void
test_floating_both_ends (Fixture       *f,
                         gconstpointer  data)
{
  GtmItem *both[] = { f->joined, f->dragged };
  cairo_surface_t *picture, *frame, *fresh;

  fresh = copy_surface (render (f, 1, TRUE));

  gtm_scene_set_floating (f->scene, both, G_N_ELEMENTS (both));
  g_assert_true (gtm_scene_is_floating (f->scene, f->connector));
  picture = render (f, 1, TRUE);
  frame = composite (f, picture);
  assert_same_pixels (frame, fresh);

  cairo_surface_destroy (frame);
  cairo_surface_destroy (fresh);
}

/* Edits of floating items, as a drag makes them, leave the picture as it
 * is; any other edit draws it again. */
static void
test_floating_edits (Fixture       *f,
                     gconstpointer  data)
{
  cairo_surface_t *picture, *frame, *fresh;
  int nx, ny, ox, oy;

  fill_pixel (f, f->dragged, 1, &ox, &oy);
  render (f, 1, TRUE);
  gtm_scene_set_floating (f->scene, &f->dragged, 1);
  render (f, 1, TRUE);
  render (f, 1, FALSE);

  gtm_history_begin (f->history, "Move");
  for (guint i = 1; i <= 10; i++)
    {
      gtm_history_set (f->history, GTM_NODE (f->dragged),
                       "x", 20.0 + 15 * i, "y", 20.0 + 10 * i, NULL);
      picture = render (f, 1, FALSE);
    }
  gtm_history_end (f->history);

  /* The note is drawn where it was dragged, not in the picture. */
  fill_pixel (f, f->dragged, 1, &nx, &ny);
  assert_pixel (picture, nx, ny, BACKGROUND);
  frame = composite (f, picture);
  assert_pixel (frame, nx, ny, NOTE_FILL);
  assert_pixel (frame, ox, oy, BACKGROUND);
  cairo_surface_destroy (frame);

  /* The floating connector's own edits don't reach the picture either. */
  gtm_history_set (f->history, GTM_NODE (f->connector), "stroke", "#e01b24", NULL);
  render (f, 1, FALSE);

  /* The other end of the connector is not floating: its edits do. */
  gtm_history_set (f->history, GTM_NODE (f->joined), "fill", "#dbe7f6", NULL);
  render (f, 1, TRUE);
  render (f, 1, FALSE);
  gtm_history_set (f->history, GTM_NODE (f->other), "x", 60.0, NULL);
  render (f, 1, TRUE);
  gtm_history_set (f->history, GTM_NODE (f->board), "background", "#ffffff", NULL);
  picture = render (f, 1, TRUE);
  assert_pixel (picture, nx, ny, "#ffffff");

  /* Undoing the drag moves a floating item: no new picture. */
  gtm_history_undo (f->history);
  gtm_history_undo (f->history);
  gtm_history_undo (f->history);
  render (f, 1, TRUE);
  gtm_history_undo (f->history);
  gtm_history_undo (f->history);
  render (f, 1, FALSE);

  /* Dropped: the picture holds everything again, as a fresh one does. */
  gtm_scene_set_floating (f->scene, NULL, 0);
  picture = render (f, 1, TRUE);
  fresh = fresh_render (f->board, &f->viewport, 1);
  assert_same_pixels (picture, fresh);
  assert_pixel (picture, ox, oy, NOTE_FILL);
  cairo_surface_destroy (fresh);
}


/* Level of detail */

static cairo_surface_t *
render_board (GtmBoard *board,
              int       width,
              int       height,
              double    zoom,
              int       scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_scale (cr, zoom, zoom);
  gtm_render_board (board, cr, GTM_RENDER_BACKGROUND);
  cairo_destroy (cr);

  return surface;
}

/* A note less than three device pixels across is a box of its colour on
 * screen: no shadow below, no text. A larger one has its shadow. */
static void
test_small_items_simplified (void)
{
  g_autoptr(GtmBoard) board = gtm_board_new ("Far away");
  GtmItem *note = gtm_note_new (100, 100, "Far away 远处的文字");
  cairo_surface_t *surface;

  g_object_set (note, "width", 200.0, "height", 200.0, NULL);
  g_list_store_append (G_LIST_STORE (gtm_board_get_items (board)), note);
  g_object_unref (note);

  /* 2 × 2 device pixels at (1, 1). */
  surface = render_board (board, 10, 10, 0.01, 1);
  assert_pixel (surface, 1, 1, NOTE_FILL);
  assert_pixel (surface, 2, 2, NOTE_FILL);
  assert_pixel (surface, 1, 3, BACKGROUND);
  assert_pixel (surface, 2, 3, BACKGROUND);
  assert_pixel (surface, 3, 1, BACKGROUND);
  cairo_surface_destroy (surface);

  /* 4 × 4 device pixels at (2, 2): a note, with the line standing for its
   * shadow below. */
  surface = render_board (board, 10, 10, 0.02, 1);
  assert_pixel (surface, 3, 3, NOTE_FILL);
  assert_not_pixel (surface, 3, 6, BACKGROUND);
  cairo_surface_destroy (surface);

  /* The same zoom on a screen of twice the density: 4 device pixels. */
  surface = render_board (board, 10, 10, 0.01, 2);
  assert_not_pixel (surface, 3, 6, BACKGROUND);
  cairo_surface_destroy (surface);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
contains (GByteArray *bytes,
          const char *needle)
{
  return memmem (bytes->data, bytes->len, needle, strlen (needle)) != NULL;
}

/* Printed or exported, a far-away item is drawn whole, text included,
 * however small: the reader may zoom into the PDF. */
static void
test_small_items_on_pdf (void)
{
  g_autoptr(GtmBoard) board = gtm_board_new ("Far away");
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  GtmItem *note = gtm_note_new (100, 100, "Far away 远处的文字");
  cairo_surface_t *surface;
  cairo_t *cr;

  g_object_set (note, "width", 200.0, "height", 200.0, NULL);
  g_list_store_append (G_LIST_STORE (gtm_board_get_items (board)), note);
  g_object_unref (note);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 10, 10);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.01, 0.01);
  gtm_render_board (board, cr, GTM_RENDER_BACKGROUND);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* The glyphs are there, in fonts of their own. */
  g_assert_true (contains (pdf, "/Type /Font"));

  /* Without text, a PDF holds no font at all: the check above tells. */
  g_byte_array_set_size (pdf, 0);
  g_object_set (note, "text", "", NULL);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 10, 10);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.01, 0.01);
  gtm_render_board (board, cr, GTM_RENDER_BACKGROUND);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_false (contains (pdf, "/Type /Font"));
  g_assert_true (contains (pdf, "%PDF"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (int scale = 1; scale <= 2; scale++)
    {
      g_autofree char *exact = g_strdup_printf ("/scene/pan/exact/scale-%d", scale);
      g_autofree char *pan = g_strdup_printf ("/scene/pan/whole-pixels/scale-%d", scale);
      g_autofree char *zoom = g_strdup_printf ("/scene/pan/part-pixels-and-zoom/scale-%d", scale);
      g_autofree char *floating = g_strdup_printf ("/scene/floating/scale-%d", scale);

      g_test_add_data_func (exact, GINT_TO_POINTER (scale), test_pan_exact);
      g_test_add_data_func (pan, GINT_TO_POINTER (scale), test_pan_whole_pixels);
      g_test_add_data_func (zoom, GINT_TO_POINTER (scale), test_part_pixels_and_zoom);
      g_test_add (floating, Fixture, GINT_TO_POINTER (scale),
                  fixture_set_up, test_floating, fixture_tear_down);
    }
  g_test_add_func ("/scene/resize", test_resize);
  g_test_add_func ("/scene/zoom-gesture", test_zoom_gesture);
  g_test_add_func ("/scene/linked-fields", test_linked_fields);
  g_test_add ("/scene/floating/both-ends", Fixture, NULL,
              fixture_set_up, test_floating_both_ends, fixture_tear_down);
  g_test_add ("/scene/floating/edits", Fixture, NULL,
              fixture_set_up, test_floating_edits, fixture_tear_down);
  g_test_add_func ("/scene/level-of-detail/raster", test_small_items_simplified);
  g_test_add_func ("/scene/level-of-detail/pdf", test_small_items_on_pdf);

  return g_test_run ();
}
