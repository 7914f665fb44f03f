/* test-render.c — what gtm_render_board() puts on the page, pixel by pixel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pixels and bounding boxes are asserted with tolerances, never against a
 * golden image: fonts differ between machines. Text "ink" is found by
 * comparing a drawing with the same drawing without the text.
 */

#define G_LOG_DOMAIN "test-render"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <gobject/gvaluecollector.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "gtm-render.h"
#include "gtm-color.h"
#include "gtm-core-test-utils.h"
#include "gtm-connector.h"
#include "gtm-frame.h"
#include "gtm-image.h"
#include "gtm-format.h"
#include "gtm-note.h"
#include "gtm-persona-card.h"
#include "gtm-project.h"
#include "gtm-scene.h"
#include "gtm-shape.h"
#include "gtm-text-box.h"
#include "gtm-trait.h"

#define WHITE "#ffffff"

typedef struct
{
  GtmBoard   *board;
  GtmHistory *history;
  GtmProject *project;  /* for persona cards */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->board = gtm_board_new ("Launch");
  f->history = gtm_history_new ();
  gtm_history_set (f->history, GTM_NODE (f->board), "background", WHITE, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->history);
  g_clear_object (&f->board);
}

/* Puts @item (a new reference, taken) on the board through the history. */
static GtmItem *
add (Fixture *f,
     GtmItem *item)
{
  gtm_board_add_item (f->board, f->history, item);
  g_object_unref (item);

  return item;
}

static void
set (Fixture    *f,
     GtmItem    *item,
     const char *property,
     ...)
{
  GValue value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_autofree char *error = NULL;
  va_list args;

  g_assert_nonnull (pspec);
  va_start (args, property);
  G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
  va_end (args);
  g_assert_null (error);

  gtm_history_set_value (f->history, GTM_NODE (item), property, &value);
  g_value_unset (&value);
}

/* Draws the board into a @width × @height picture where board point (x, y)
 * lands on pixel (x * zoom + dx, y * zoom + dy). */
static cairo_surface_t *
render_full (Fixture *f,
             int      width,
             int      height,
             double   zoom,
             double   dx,
             double   dy)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, dx, dy);
  cairo_scale (cr, zoom, zoom);
  gtm_render_board (f->board, cr, GTM_RENDER_BACKGROUND);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static cairo_surface_t *
render (Fixture *f,
        int      width,
        int      height)
{
  return render_full (f, width, height, 1.0, 0, 0);
}

typedef struct
{
  double r, g, b, a;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;
  double a;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  memcpy (&value, data + y * stride + x * 4, sizeof value);
  a = (value >> 24) / 255.0;
  if (a == 0)
    return (Pixel) { 0, 0, 0, 0 };

  /* Cairo stores premultiplied alpha. */
  return (Pixel) {
    ((value >> 16) & 0xff) / 255.0 / a,
    ((value >> 8) & 0xff) / 255.0 / a,
    (value & 0xff) / 255.0 / a,
    a,
  };
}

static double
pixel_distance (Pixel a,
                Pixel b)
{
  return MAX (MAX (fabs (a.r - b.r), fabs (a.g - b.g)),
              MAX (fabs (a.b - b.b), fabs (a.a - b.a)));
}

static double
luminance (Pixel p)
{
  return 0.2126 * p.r + 0.7152 * p.g + 0.0722 * p.b;
}

static void
assert_pixel_impl (cairo_surface_t *surface,
                   int              x,
                   int              y,
                   const char      *color,
                   double           tolerance,
                   const char      *file,
                   int              line)
{
  GtmColor expected;
  Pixel p = pixel_at (surface, x, y);
  Pixel e;

  g_assert_true (gtm_color_parse (color, &expected));
  e = (Pixel) { expected.red, expected.green, expected.blue, expected.alpha };
  if (e.a == 0)
    e = (Pixel) { 0, 0, 0, 0 };

  if (pixel_distance (p, e) > tolerance)
    {
      g_autofree char *message =
        g_strdup_printf ("pixel (%d, %d) is rgba(%.3f, %.3f, %.3f, %.3f), expected %s ± %.2f",
                         x, y, p.r, p.g, p.b, p.a, color, tolerance);
      g_assertion_message (G_LOG_DOMAIN, file, line, G_STRFUNC, message);
    }
}

#define assert_pixel(s, x, y, color) \
  assert_pixel_impl (s, x, y, color, 0.03, __FILE__, __LINE__)
#define assert_pixel_near(s, x, y, color, tolerance) \
  assert_pixel_impl (s, x, y, color, tolerance, __FILE__, __LINE__)

typedef struct
{
  guint n;             /* pixels that differ */
  int   x1, y1, x2, y2; /* their bounding box, inclusive */
} Ink;

/* The pixels where @a and @b differ by more than @threshold, within the
 * rectangle (x, y, width, height) of both. */
static Ink
diff_in (cairo_surface_t *a,
         cairo_surface_t *b,
         double           threshold,
         int              x,
         int              y,
         int              width,
         int              height)
{
  Ink ink = { 0, G_MAXINT, G_MAXINT, -1, -1 };

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (cairo_image_surface_get_height (a), ==, cairo_image_surface_get_height (b));

  for (int j = y; j < y + height; j++)
    for (int i = x; i < x + width; i++)
      if (pixel_distance (pixel_at (a, i, j), pixel_at (b, i, j)) > threshold)
        {
          ink.n++;
          ink.x1 = MIN (ink.x1, i);
          ink.y1 = MIN (ink.y1, j);
          ink.x2 = MAX (ink.x2, i);
          ink.y2 = MAX (ink.y2, j);
        }

  return ink;
}

static Ink
diff (cairo_surface_t *a,
      cairo_surface_t *b,
      double           threshold)
{
  return diff_in (a, b, threshold, 0, 0,
                  cairo_image_surface_get_width (a), cairo_image_surface_get_height (a));
}

/* Pixels of @a whose colour is within @tolerance of @color. */
static guint
count_color (cairo_surface_t *a,
             const char      *color,
             double           tolerance,
             int              x,
             int              y,
             int              width,
             int              height)
{
  GtmColor c;
  Pixel e;
  guint n = 0;

  g_assert_true (gtm_color_parse (color, &c));
  e = (Pixel) { c.red, c.green, c.blue, c.alpha };

  for (int j = y; j < y + height; j++)
    for (int i = x; i < x + width; i++)
      if (pixel_distance (pixel_at (a, i, j), e) <= tolerance)
        n++;

  return n;
}

/* Every pixel of @ink at least touches @bounds: a clip holding any of
 * those pixels intersects the bounds, so the item is not culled. */
static void
assert_ink_inside_impl (Ink            ink,
                        const GtmRect *bounds,
                        const char    *file,
                        int            line)
{
  if (!(ink.x1 + 1 > bounds->x && ink.y1 + 1 > bounds->y &&
        ink.x2 < bounds->x + bounds->width && ink.y2 < bounds->y + bounds->height))
    {
      g_autofree char *message =
        g_strdup_printf ("ink (%d, %d)–(%d, %d) is not inside the bounds (%g, %g) %g × %g",
                         ink.x1, ink.y1, ink.x2, ink.y2,
                         bounds->x, bounds->y, bounds->width, bounds->height);
      g_assertion_message (G_LOG_DOMAIN, file, line, G_STRFUNC, message);
    }
}

#define assert_ink_inside(ink, bounds) \
  assert_ink_inside_impl (ink, bounds, __FILE__, __LINE__)

static void
test_background (Fixture       *f,
                 gconstpointer  data)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  gtm_history_set (f->history, GTM_NODE (f->board), "background", "#204a87", NULL);

  surface = render (f, 64, 48);
  assert_pixel (surface, 0, 0, "#204a87");
  assert_pixel (surface, 32, 24, "#204a87");
  assert_pixel (surface, 63, 47, "#204a87");
  cairo_surface_destroy (surface);

  /* Without the flag the background is left to the caller. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 48);
  cr = cairo_create (surface);
  gtm_render_board (f->board, cr, GTM_RENDER_NONE);
  cairo_destroy (cr);
  assert_pixel (surface, 32, 24, "");
  cairo_surface_destroy (surface);

  /* "None" is transparent even with the flag. */
  gtm_history_set (f->history, GTM_NODE (f->board), "background", "", NULL);
  surface = render (f, 64, 48);
  assert_pixel (surface, 32, 24, "");
  cairo_surface_destroy (surface);
}

static void
test_note (Fixture       *f,
           gconstpointer  data)
{
  cairo_surface_t *surface;
  GtmItem *note = add (f, gtm_note_new (40, 40, ""));
  Pixel below;

  surface = render (f, 260, 260);
  /* The fill in the middle, up to near the edges. */
  assert_pixel (surface, 120, 120, "#fff3a3");
  assert_pixel (surface, 43, 120, "#fff3a3");
  assert_pixel (surface, 196, 196, "#fff3a3");
  /* The board around it. */
  assert_pixel (surface, 20, 120, WHITE);
  assert_pixel (surface, 120, 20, WHITE);
  assert_pixel (surface, 250, 250, WHITE);
  /* A soft shadow just below: darker than the board, but only a little. */
  below = pixel_at (surface, 120, 202);
  g_assert_cmpfloat (luminance (below), <, 0.97);
  g_assert_cmpfloat (luminance (below), >, 0.6);
  cairo_surface_destroy (surface);

  /* Edits are drawn. */
  set (f, note, "fill", "#99c1f1");
  set (f, note, "x", 10.0);
  surface = render (f, 260, 260);
  assert_pixel (surface, 120, 120, "#99c1f1");
  assert_pixel (surface, 180, 120, WHITE);
  cairo_surface_destroy (surface);
}

static void
test_z_order (Fixture       *f,
              gconstpointer  data)
{
  cairo_surface_t *surface;
  GtmItem *bottom = add (f, gtm_note_new (20, 20, ""));
  GtmItem *top = add (f, gtm_note_new (100, 100, ""));

  set (f, bottom, "fill", "#ff0000");
  set (f, top, "fill", "#0000ff");

  surface = render (f, 300, 300);
  assert_pixel (surface, 50, 50, "#ff0000");
  assert_pixel (surface, 140, 140, "#0000ff");  /* overlap: the top one wins */
  assert_pixel (surface, 240, 240, "#0000ff");
  cairo_surface_destroy (surface);

  /* Raise the red one to the top. */
  gtm_history_move (f->history, GTM_NODE (f->board), "items", 0, 1);
  surface = render (f, 300, 300);
  assert_pixel (surface, 140, 140, "#ff0000");
  assert_pixel (surface, 240, 240, "#0000ff");
  cairo_surface_destroy (surface);

  gtm_history_undo (f->history);
  surface = render (f, 300, 300);
  assert_pixel (surface, 140, 140, "#0000ff");
  cairo_surface_destroy (surface);
}

static GtmItem *
add_shape (Fixture      *f,
           GtmShapeKind  kind,
           double        x,
           double        y)
{
  GtmItem *shape = add (f, gtm_shape_new (kind, x, y, 100, 60));

  set (f, shape, "fill", "#00ff00");
  set (f, shape, "stroke", "#000000");

  return shape;
}

static void
test_shapes (Fixture       *f,
             gconstpointer  data)
{
  cairo_surface_t *surface;

  add_shape (f, GTM_SHAPE_RECTANGLE, 10, 10);
  add_shape (f, GTM_SHAPE_ROUNDED_RECTANGLE, 130, 10);
  add_shape (f, GTM_SHAPE_ELLIPSE, 250, 10);
  add_shape (f, GTM_SHAPE_DIAMOND, 370, 10);

  surface = render (f, 480, 80);

  /* Rectangle: square corners, filled inside the outline. */
  assert_pixel (surface, 10, 10, "#000000");
  assert_pixel (surface, 14, 14, "#00ff00");
  assert_pixel (surface, 60, 40, "#00ff00");

  /* Rounded rectangle: the corner is cut off, the edges are not. */
  assert_pixel (surface, 131, 11, WHITE);
  assert_pixel (surface, 130, 40, "#000000");
  assert_pixel (surface, 180, 40, "#00ff00");

  /* Ellipse: its bounding box's corner is board, its middle fill, and it
   * touches the middle of each side. */
  assert_pixel (surface, 254, 14, WHITE);
  assert_pixel (surface, 300, 40, "#00ff00");
  assert_pixel_near (surface, 250, 40, "#000000", 0.3);
  assert_pixel_near (surface, 300, 10, "#000000", 0.3);

  /* Diamond: all four corners of the box are board, the middle is fill. */
  assert_pixel (surface, 374, 14, WHITE);
  assert_pixel (surface, 466, 14, WHITE);
  assert_pixel (surface, 374, 66, WHITE);
  assert_pixel (surface, 466, 66, WHITE);
  assert_pixel (surface, 420, 40, "#00ff00");
  assert_pixel (surface, 380, 40, "#00ff00");

  cairo_surface_destroy (surface);
}

static void
test_connector (Fixture       *f,
                gconstpointer  data)
{
  cairo_surface_t *surface, *empty;
  GtmItem *a = add (f, gtm_note_new (20, 20, ""));
  GtmItem *b = add (f, gtm_note_new (420, 20, ""));
  GtmItem *connector;
  GtmRect bounds;
  Ink ink;

  empty = render (f, 600, 220);

  connector = add (f, gtm_connector_new (gtm_node_get_id (GTM_NODE (a)),
                                         gtm_node_get_id (GTM_NODE (b))));
  surface = render (f, 600, 220);

  /* The line runs between the notes at the height of their centres... */
  assert_pixel_near (surface, 300, 100, "#5e5c64", 0.1);
  assert_pixel (surface, 300, 90, WHITE);
  /* ...from one border to the other, not over the notes. */
  ink = diff (surface, empty, 0.05);
  g_assert_cmpint (ink.x1, >=, 180);
  g_assert_cmpint (ink.x1, <=, 186);
  g_assert_cmpint (ink.x2, <=, 420);
  g_assert_cmpint (ink.x2, >=, 414);
  g_assert_cmpint (ink.y1, >=, 90);
  g_assert_cmpint (ink.y2, <=, 110);

  /* Everything drawn lies in its reported bounds. */
  gtm_render_item_bounds (f->board, connector, &bounds);
  assert_ink_inside (ink, &bounds);
  cairo_surface_destroy (surface);

  /* Moving an end moves the line. */
  set (f, b, "y", 220.0);
  surface = render (f, 600, 420);
  assert_pixel (surface, 300, 100, WHITE);
  assert_pixel_near (surface, 300, 200, "#5e5c64", 0.25);
  cairo_surface_destroy (surface);
  gtm_history_undo (f->history);

  /* An end that is not on the board: nothing at all, and empty bounds. */
  set (f, connector, "target", "note-000000000000");
  surface = render (f, 600, 220);
  ink = diff (surface, empty, 0.01);
  g_assert_cmpuint (ink.n, ==, 0);
  gtm_render_item_bounds (f->board, connector, &bounds);
  g_assert_cmpfloat (bounds.width, ==, 0);
  g_assert_cmpfloat (bounds.height, ==, 0);
  cairo_surface_destroy (surface);

  /* Deleting an item deletes its connectors; the picture follows. */
  set (f, connector, "target", gtm_node_get_id (GTM_NODE (b)));
  gtm_board_remove_item (f->board, f->history, b);
  surface = render (f, 600, 220);
  assert_pixel (surface, 300, 100, WHITE);
  cairo_surface_destroy (surface);

  cairo_surface_destroy (empty);
}

static void
test_connector_arrows (Fixture       *f,
                       gconstpointer  data)
{
  cairo_surface_t *surface;
  GtmItem *a = add (f, gtm_note_new (20, 20, ""));
  GtmItem *b = add (f, gtm_note_new (420, 20, ""));
  GtmItem *connector = add (f, gtm_connector_new (gtm_node_get_id (GTM_NODE (a)),
                                                  gtm_node_get_id (GTM_NODE (b))));
  guint near_target, near_source, middle;

  set (f, connector, "stroke", "#000000");

  /* By default an arrowhead points at the target: ink beside the line near
   * the target, none beside it in the middle or at the source. */
  surface = render (f, 600, 220);
  near_target = count_color (surface, "#000000", 0.5, 404, 94, 12, 4) +
                count_color (surface, "#000000", 0.5, 404, 103, 12, 4);
  middle = count_color (surface, "#000000", 0.5, 294, 94, 12, 4) +
           count_color (surface, "#000000", 0.5, 294, 103, 12, 4);
  near_source = count_color (surface, "#000000", 0.5, 184, 94, 12, 4) +
                count_color (surface, "#000000", 0.5, 184, 103, 12, 4);
  g_assert_cmpuint (near_target, >, 20);
  g_assert_cmpuint (middle, ==, 0);
  g_assert_cmpuint (near_source, ==, 0);
  /* The tip stops short of the target. */
  assert_pixel (surface, 421, 100, "#fff3a3");
  cairo_surface_destroy (surface);

  set (f, connector, "arrow-start", TRUE);
  set (f, connector, "arrow-end", FALSE);
  surface = render (f, 600, 220);
  near_target = count_color (surface, "#000000", 0.5, 404, 94, 12, 4) +
                count_color (surface, "#000000", 0.5, 404, 103, 12, 4);
  near_source = count_color (surface, "#000000", 0.5, 184, 94, 12, 4) +
                count_color (surface, "#000000", 0.5, 184, 103, 12, 4);
  g_assert_cmpuint (near_target, ==, 0);
  g_assert_cmpuint (near_source, >, 20);
  cairo_surface_destroy (surface);
}

/* Between items closer than an arrowhead is long, the head reaches back
 * past the line's start: its bounds must cover it, or culling and the
 * canvas's strips would cut it off. */
static void
test_connector_short_arrow_bounds (Fixture       *f,
                                   gconstpointer  data)
{
  GtmItem *a = add (f, gtm_shape_new (GTM_SHAPE_RECTANGLE, 0, 0, 100, 100));
  GtmItem *b = add (f, gtm_shape_new (GTM_SHAPE_RECTANGLE, 108, 0, 100, 100));
  GtmItem *connector = add (f, gtm_connector_new (gtm_node_get_id (GTM_NODE (a)),
                                                  gtm_node_get_id (GTM_NODE (b))));
  cairo_surface_t *surface;
  cairo_t *cr;
  GtmRect bounds;
  double ink_x1, ink_y1, ink_x2, ink_y2;

  set (f, connector, "stroke", "#000000");
  gtm_render_item_bounds (f->board, connector, &bounds);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  gtm_render_items (f->board, cr, GTM_RENDER_NONE, &connector, 1);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &ink_x1, &ink_y1, &ink_x2, &ink_y2);
  cairo_surface_destroy (surface);

  g_assert_cmpfloat (ink_x2, >, 0);
  g_assert_cmpfloat (bounds.x, <=, ink_x1);
  g_assert_cmpfloat (bounds.y, <=, ink_y1);
  g_assert_cmpfloat (bounds.x + bounds.width, >=, ink_x1 + ink_x2);
  g_assert_cmpfloat (bounds.y + bounds.height, >=, ink_y1 + ink_y2);
}

static void
test_connector_outlines (Fixture       *f,
                         gconstpointer  data)
{
  cairo_surface_t *surface, *empty;
  GtmItem *a = add_shape (f, GTM_SHAPE_ELLIPSE, 20, 20);
  GtmItem *b = add_shape (f, GTM_SHAPE_DIAMOND, 320, 220);
  GtmItem *connector;
  GtmRect bounds;
  Ink ink;

  empty = render (f, 460, 320);
  connector = add (f, gtm_connector_new (gtm_node_get_id (GTM_NODE (a)),
                                         gtm_node_get_id (GTM_NODE (b))));
  set (f, connector, "arrow-start", TRUE);
  surface = render (f, 460, 320);

  /* Diagonal from centre (70, 50) to centre (370, 250), cut where it leaves
   * the ellipse (about (104, 73)) and meets the diamond (about (345, 233)),
   * not at the corners of their boxes. */
  ink = diff (surface, empty, 0.05);
  g_assert_cmpuint (ink.n, >, 200);
  gtm_render_item_bounds (f->board, connector, &bounds);
  g_assert_cmpfloat (bounds.x, >, 95);
  g_assert_cmpfloat (bounds.x, <, 105);
  g_assert_cmpfloat (bounds.x + bounds.width, >, 340);
  g_assert_cmpfloat (bounds.x + bounds.width, <, 352);
  assert_ink_inside (ink, &bounds);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (empty);
}

static void
test_connector_label (Fixture       *f,
                      gconstpointer  data)
{
  cairo_surface_t *plain, *labelled;
  GtmItem *a = add (f, gtm_note_new (20, 20, ""));
  GtmItem *b = add (f, gtm_note_new (420, 20, ""));
  GtmItem *connector = add (f, gtm_connector_new (gtm_node_get_id (GTM_NODE (a)),
                                                  gtm_node_get_id (GTM_NODE (b))));
  GtmRect bounds, area;
  Ink ink;
  guint dark;

  plain = render (f, 600, 220);
  set (f, connector, "text", "驱动 drives");
  labelled = render (f, 600, 220);

  /* The label sits on a pill of the board's colour that hides the line
   * below it, with dark text in the middle. */
  ink = diff (labelled, plain, 0.05);
  g_assert_cmpint (ink.x1, >, 240);
  g_assert_cmpint (ink.x2, <, 360);
  g_assert_cmpint (ink.y1, <, 95);
  g_assert_cmpint (ink.y2, >, 105);
  dark = count_color (labelled, "#1e1e1e", 0.35, ink.x1, ink.y1,
                      ink.x2 - ink.x1 + 1, ink.y2 - ink.y1 + 1);
  g_assert_cmpuint (dark, >, 15);

  g_assert_true (gtm_render_item_text_area (f->board, connector, &area));
  g_assert_cmpfloat (fabs (area.x + area.width / 2 - 300), <, 1);
  g_assert_cmpfloat (fabs (area.y + area.height / 2 - 100), <, 1);

  gtm_render_item_bounds (f->board, connector, &bounds);
  assert_ink_inside (ink, &bounds);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (labelled);
}

/* Renders @note with and without @text and returns the difference. */
static Ink
text_ink (Fixture    *f,
          GtmItem    *note,
          const char *text,
          int         width,
          int         height,
          double      zoom)
{
  cairo_surface_t *without, *with;
  Ink ink;

  set (f, note, "text", "");
  without = render_full (f, width, height, zoom, 0, 0);
  set (f, note, "text", text);
  with = render_full (f, width, height, zoom, 0, 0);
  ink = diff (with, without, 0.1);

  cairo_surface_destroy (without);
  cairo_surface_destroy (with);

  return ink;
}

static void
check_note_text (Fixture *f)
{
  GtmItem *note = add (f, gtm_note_new (20, 20, ""));
  cairo_surface_t *surface;
  guint dark;
  Ink ink;

  ink = text_ink (f, note, "Launch plan", 200, 200, 1.0);
  g_assert_cmpuint (ink.n, >, 40);
  /* Centred in the note. */
  g_assert_cmpint (ink.x1, >, 34);
  g_assert_cmpint (ink.x2, <, 166);
  g_assert_cmpint (ABS ((ink.x1 + ink.x2) / 2 - 100), <, 6);
  g_assert_cmpint (ABS ((ink.y1 + ink.y2) / 2 - 100), <, 8);

  ink = text_ink (f, note, "产品定位", 200, 200, 1.0);
  g_assert_cmpuint (ink.n, >, 40);
  g_assert_cmpint (ink.x1, >, 34);
  g_assert_cmpint (ink.x2, <, 166);

  /* The text is dark on the yellow note. */
  surface = render (f, 200, 200);
  dark = count_color (surface, "#1e1e1e", 0.3, 34, 34, 132, 132);
  g_assert_cmpuint (dark, >, 20);
  cairo_surface_destroy (surface);

  /* In the colour asked for, and gone when the colour is none. */
  set (f, note, "text-color", "#c01c28");
  surface = render (f, 200, 200);
  g_assert_cmpuint (count_color (surface, "#c01c28", 0.3, 34, 34, 132, 132), >, 20);
  g_assert_cmpuint (count_color (surface, "#1e1e1e", 0.3, 34, 34, 132, 132), ==, 0);
  cairo_surface_destroy (surface);

  set (f, note, "text-color", "");
  surface = render (f, 200, 200);
  g_assert_cmpuint (count_color (surface, "#fff3a3", 0.01, 20, 20, 160, 160), >=, 159 * 159);
  cairo_surface_destroy (surface);
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  check_note_text (f);
}

/* The same, in a process whose locale is simplified Chinese: a new one,
 * since Pango takes its default language from the locale once. */
static void
test_text_chinese_locale (Fixture       *f,
                          gconstpointer  data)
{
  locale_t chinese;

  if (g_test_subprocess ())
    {
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
      g_assert_cmpstr (pango_language_to_string (pango_language_get_default ()), ==, "zh-cn");
      check_note_text (f);
      return;
    }

  chinese = newlocale (LC_ALL_MASK, "zh_CN.UTF-8", (locale_t) 0);
  if (chinese == (locale_t) 0)
    {
      g_test_skip ("The zh_CN.UTF-8 locale is not installed");
      return;
    }
  freelocale (chinese);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_text_wraps_inside (Fixture       *f,
                        gconstpointer  data)
{
  static const char *texts[] = {
    "For busy marketing teams who lose track of launches, GTM Studio keeps "
    "positioning, personas, pricing and the launch plan in one file, so every "
    "deck says the same thing. Unlike slides, it stays in sync. "
    "Supercalifragilisticexpialidociousandevenlongerwordsthatdonotfit.",
    "产品定位：为忙碌的市场团队提供一个文件，集中管理定位、画像、定价和上线计划，"
    "让每一份材料说的都是同一件事。与幻灯片不同，它始终保持同步，团队再也不会"
    "拿着过时的信息去见客户。",
    "Message pillar 1\nMessage pillar 2\nMessage pillar 3\nMessage pillar 4\n"
    "Message pillar 5\nMessage pillar 6\nMessage pillar 7\nMessage pillar 8\n"
    "Message pillar 9\nMessage pillar 10\nMessage pillar 11\nMessage pillar 12",
  };
  GtmItem *note = add (f, gtm_note_new (20, 20, ""));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      Ink ink = text_ink (f, note, texts[i], 200, 220, 1.0);

      /* Several lines, all of them inside the note: nothing spills out. */
      g_assert_cmpuint (ink.n, >, 200);
      g_assert_cmpint (ink.x1, >=, 20);
      g_assert_cmpint (ink.y1, >=, 20);
      g_assert_cmpint (ink.x2, <, 180);
      g_assert_cmpint (ink.y2, <, 180);
      g_assert_cmpint (ink.y2 - ink.y1, >, 80);
      g_assert_cmpint (ink.x2 - ink.x1, >, 100);
    }
}

/* Text cut short says so: paragraphs left out below the last line shown
 * put an ellipsis at its end, so the note differs from one holding only
 * the lines shown. */
static void
test_text_cut_shows_ellipsis (Fixture       *f,
                              gconstpointer  data)
{
  GtmItem *note = add (f, gtm_note_new (20, 20, ""));
  GString *text = g_string_new ("Pillar 1");
  GString *longer = NULL;
  cairo_surface_t *all, *shown;
  int height = 0;
  Ink ink;

  /* Add lines for as long as the text grows taller. */
  for (guint n = 2; n < 40 && longer == NULL; n++)
    {
      g_autofree char *next = g_strdup_printf ("%s\nPillar %u", text->str, n);
      Ink lines = text_ink (f, note, next, 200, 200, 1.0);

      if (lines.y2 - lines.y1 > height + 10)
        {
          height = lines.y2 - lines.y1;
          g_string_assign (text, next);
        }
      else
        longer = g_string_new (next);
    }
  g_assert_nonnull (longer);
  g_assert_cmpint (height, >, 80);

  set (f, note, "text", text->str);
  shown = render (f, 200, 200);
  g_string_append (longer, "\nPillar left out\nAnd another");
  set (f, note, "text", longer->str);
  all = render (f, 200, 200);

  ink = diff (all, shown, 0.1);
  g_assert_cmpuint (ink.n, >, 3);
  g_assert_cmpint (ink.y2, <, 180);

  cairo_surface_destroy (all);
  cairo_surface_destroy (shown);
  g_string_free (text, TRUE);
  g_string_free (longer, TRUE);
}

/* Text is laid out once, in board units: at zoom 2 it takes the same lines,
 * twice as big. The PDF export relies on this to wrap like the canvas. */
static void
test_text_zoom_invariant (Fixture       *f,
                          gconstpointer  data)
{
  GtmItem *note = add (f, gtm_note_new (0, 0, ""));
  const char *text = "Positioning for 产品市场经理: one source of truth, many assets";
  Ink small, big;

  set (f, note, "width", 230.0);
  small = text_ink (f, note, text, 240, 180, 1.0);
  big = text_ink (f, note, text, 480, 360, 2.0);

  g_assert_cmpuint (small.n, >, 100);
  g_assert_cmpint (ABS (big.y1 - 2 * small.y1), <=, 3);
  g_assert_cmpint (ABS (big.y2 - 2 * small.y2), <=, 3);
  g_assert_cmpint (ABS (big.x1 - 2 * small.x1), <=, 3);
  g_assert_cmpint (ABS (big.x2 - 2 * small.x2), <=, 3);
}

/* Far away, text becomes grey bars where the lines would be. */
static void
test_text_level_of_detail (Fixture       *f,
                           gconstpointer  data)
{
  GtmItem *note = add (f, gtm_note_new (0, 0, ""));
  cairo_surface_t *surface;
  Ink ink;

  set (f, note, "width", 800.0);
  set (f, note, "height", 800.0);
  ink = text_ink (f, note, "Elevator pitch 电梯演讲 within one minute", 100, 100, 0.1);
  g_assert_cmpuint (ink.n, >, 4);
  g_assert_cmpint (ink.x1, >=, 1);
  g_assert_cmpint (ink.x2, <=, 79);

  /* Grey, not text-dark. */
  surface = render_full (f, 100, 100, 0.1, 0, 0);
  g_assert_cmpuint (count_color (surface, "#1e1e1e", 0.3, 0, 0, 100, 100), ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_text_box_and_frame (Fixture       *f,
                         gconstpointer  data)
{
  GtmItem *frame = add (f, gtm_frame_new (20, 60, 300, 200, ""));
  GtmItem *text = add (f, gtm_text_box_new (40, 100, ""));
  cairo_surface_t *surface;
  GtmRect bounds, area;
  Ink ink;

  surface = render (f, 360, 300);
  assert_pixel (surface, 200, 230, "#f6f5f4");
  assert_pixel_near (surface, 20, 160, "#c0bfbc", 0.1);
  assert_pixel (surface, 10, 160, WHITE);
  cairo_surface_destroy (surface);

  /* The frame's title sits above its top edge, at the left. */
  ink = text_ink (f, frame, "Value Proposition Canvas", 360, 300, 1.0);
  g_assert_cmpuint (ink.n, >, 50);
  g_assert_cmpint (ink.y2, <, 60);
  g_assert_cmpint (ink.y1, >, 20);
  g_assert_cmpint (ink.x1, >=, 20);
  g_assert_cmpint (ink.x1, <, 26);
  g_assert_cmpint (ink.x2, <, 320);
  gtm_render_item_bounds (f->board, frame, &bounds);
  g_assert_cmpfloat (bounds.y, <=, ink.y1);
  g_assert_true (gtm_render_item_text_area (f->board, frame, &area));
  g_assert_cmpfloat (area.y + area.height, <=, 60);

  /* A title longer than the frame is cut short at its width. */
  ink = text_ink (f, frame, "客户价值图 Value Proposition Canvas: jobs, pains, gains, "
                  "products and services, pain relievers, gain creators", 360, 300, 1.0);
  g_assert_cmpint (ink.x2, <, 321);
  g_assert_cmpint (ink.x2, >, 250);

  /* A text box starts at its top left. */
  ink = text_ink (f, text, "Key message 核心信息", 360, 300, 1.0);
  g_assert_cmpuint (ink.n, >, 50);
  g_assert_cmpint (ink.x1, >=, 40);
  g_assert_cmpint (ink.x1, <, 52);
  g_assert_cmpint (ink.y1, >=, 100);
  g_assert_cmpint (ink.y1, <, 116);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_png (int          width,
          int          height,
          const char  *left,
          const char  *right)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *bytes = g_byte_array_new ();
  GtmColor l, r;

  g_assert_true (gtm_color_parse (left, &l));
  g_assert_true (gtm_color_parse (right, &r));
  cairo_set_source_rgb (cr, l.red, l.green, l.blue);
  cairo_rectangle (cr, 0, 0, width / 2.0, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, r.red, r.green, r.blue);
  cairo_rectangle (cr, width / 2.0, 0, width / 2.0, height);
  cairo_fill (cr);
  cairo_destroy (cr);

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, bytes),
                   ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (bytes);
}

static void
test_image (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GBytes) png = make_png (40, 20, "#e01b24", "#1c71d8");
  g_autoptr(GBytes) other = make_png (40, 20, "#26a269", "#26a269");
  GtmItem *image = add (f, gtm_image_new (10, 10, 80, 80, png));
  cairo_surface_t *surface;

  /* 40 × 20 fitted into 80 × 80: 80 × 40, centred vertically. */
  surface = render (f, 100, 100);
  assert_pixel (surface, 30, 50, "#e01b24");
  assert_pixel (surface, 70, 50, "#1c71d8");
  assert_pixel (surface, 30, 33, "#e01b24");
  assert_pixel (surface, 50, 20, WHITE);
  assert_pixel (surface, 50, 80, WHITE);
  cairo_surface_destroy (surface);

  /* Drawn again from the decoded picture, the same. */
  surface = render (f, 100, 100);
  assert_pixel (surface, 30, 50, "#e01b24");
  cairo_surface_destroy (surface);

  /* A new picture replaces the old one, and undo brings it back. */
  set (f, image, "data", other);
  surface = render (f, 100, 100);
  assert_pixel (surface, 30, 50, "#26a269");
  assert_pixel (surface, 70, 50, "#26a269");
  cairo_surface_destroy (surface);

  gtm_history_undo (f->history);
  surface = render (f, 100, 100);
  assert_pixel (surface, 70, 50, "#1c71d8");
  cairo_surface_destroy (surface);

  /* Scaled up with the board. */
  surface = render_full (f, 200, 200, 2.0, 0, 0);
  assert_pixel (surface, 60, 100, "#e01b24");
  assert_pixel (surface, 140, 100, "#1c71d8");
  cairo_surface_destroy (surface);
}

/* A large picture drawn small comes from a reduced copy; drawn large again,
 * from the original. */
static void
test_image_zoomed_out (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) png = make_png (1000, 500, "#e01b24", "#1c71d8");
  cairo_surface_t *surface;

  add (f, gtm_image_new (0, 0, 1000, 500, png));

  for (double zoom = 0.04; zoom < 1.1; zoom *= 2.5)
    {
      int width = (int) floor (1000 * zoom), height = (int) floor (500 * zoom);

      surface = render_full (f, width, height, zoom, 0, 0);
      assert_pixel (surface, width / 4, height / 2, "#e01b24");
      assert_pixel (surface, 3 * width / 4, height / 2, "#1c71d8");
      /* Edge pixels are the picture's, not faded into the board. */
      assert_pixel (surface, 0, 0, "#e01b24");
      assert_pixel (surface, width - 1, height - 1, "#1c71d8");
      cairo_surface_destroy (surface);
    }

  /* Full size: the edge between the halves is sharp. */
  surface = render_full (f, 1000, 500, 1.0, 0, 0);
  assert_pixel (surface, 498, 250, "#e01b24");
  assert_pixel (surface, 501, 250, "#1c71d8");
  cairo_surface_destroy (surface);
}

static void
test_image_corrupt (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) png = make_png (40, 20, "#e01b24", "#1c71d8");
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (png, 0, g_bytes_get_size (png) / 2);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("this is not a picture", 21);
  g_autofree guint8 *mangled_data = g_memdup2 (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_autoptr(GBytes) mangled = NULL;
  GBytes *broken[3];
  GtmItem *image = NULL;

  /* A valid header followed by scrambled picture data. */
  for (gsize i = 41; i < g_bytes_get_size (png) - 12; i++)
    mangled_data[i] ^= 0x5a;
  mangled = g_bytes_new (mangled_data, g_bytes_get_size (png));

  broken[0] = truncated;
  broken[1] = garbage;
  broken[2] = mangled;

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      cairo_surface_t *surface;
      Pixel middle, corner;

      if (image == NULL)
        image = add (f, gtm_image_new (10, 10, 80, 60, broken[i]));
      else
        set (f, image, "data", broken[i]);

      /* A grey box with a cross, not nothing and not a crash. */
      surface = render (f, 100, 100);
      middle = pixel_at (surface, 50, 40);
      corner = pixel_at (surface, 25, 40);
      g_assert_cmpfloat (luminance (middle), <, 0.75);
      g_assert_cmpfloat (luminance (corner), <, 0.96);
      g_assert_cmpfloat (luminance (corner), >, 0.8);
      assert_pixel (surface, 5, 40, WHITE);
      assert_pixel (surface, 50, 80, WHITE);
      cairo_surface_destroy (surface);
    }
}

/* A clip that leaves an item out leaves its pixels alone; and drawing a
 * board tile by tile, each tile with its own clip, gives the same picture
 * as drawing it at once — shadows, arrowheads, titles and labels that
 * reach into a tile from an item outside it included. */
static void
test_clip (Fixture       *f,
           gconstpointer  data)
{
  GtmItem *a = add (f, gtm_note_new (20, 60, "Buyer persona: CMO"));
  GtmItem *b = add (f, gtm_note_new (300, 60, "用户画像"));
  GtmItem *connector;
  cairo_surface_t *whole, *tiled;
  cairo_t *cr;
  Ink ink;

  add (f, gtm_frame_new (10, 270, 440, 100, "SWOT 分析"));
  add_shape (f, GTM_SHAPE_ELLIPSE, 200, 290);
  connector = add (f, gtm_connector_new (gtm_node_get_id (GTM_NODE (a)),
                                         gtm_node_get_id (GTM_NODE (b))));
  set (f, connector, "text", "influences");
  set (f, connector, "arrow-start", TRUE);

  /* Only the left half: the right note is not drawn over the sentinel. */
  tiled = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 480, 400);
  cr = cairo_create (tiled);
  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  cairo_rectangle (cr, 0, 0, 200, 400);
  cairo_clip (cr);
  gtm_render_board (f->board, cr, GTM_RENDER_BACKGROUND);
  cairo_destroy (cr);
  cairo_surface_flush (tiled);
  assert_pixel (tiled, 40, 80, "#fff3a3");
  assert_pixel (tiled, 380, 140, "#ff00ff");
  assert_pixel (tiled, 250, 140, "#ff00ff");
  cairo_surface_destroy (tiled);

  whole = render (f, 480, 400);
  tiled = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 480, 400);
  cr = cairo_create (tiled);
  for (int y = 0; y < 400; y += 23)
    for (int x = 0; x < 480; x += 37)
      {
        cairo_save (cr);
        cairo_rectangle (cr, x, y, 37, 23);
        cairo_clip (cr);
        gtm_render_board (f->board, cr, GTM_RENDER_BACKGROUND);
        cairo_restore (cr);
      }
  cairo_destroy (cr);
  cairo_surface_flush (tiled);

  /* Cairo rasterizes a clipped stroke with a slightly different
   * antialiasing at the clip's edge, so allow a handful of pixels a few
   * levels apart; anything culled by mistake differs over whole edges. */
  ink = diff (whole, tiled, 12.5 / 255);
  g_assert_cmpuint (ink.n, ==, 0);
  ink = diff (whole, tiled, 2.5 / 255);
  g_assert_cmpuint (ink.n, <=, 12);

  cairo_surface_destroy (whole);
  cairo_surface_destroy (tiled);
}

/* Whatever an item draws lies inside gtm_render_item_bounds(). */
static void
test_item_bounds (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) png = make_png (40, 20, "#e01b24", "#1c71d8");
  GtmItem *items[8];
  cairo_surface_t *empty;

  items[0] = gtm_note_new (100, 100, "Pains 痛点");
  items[1] = gtm_shape_new (GTM_SHAPE_DIAMOND, 100, 100, 120, 80);
  items[2] = gtm_shape_new (GTM_SHAPE_RECTANGLE, 100, 100, 120, 80);
  items[3] = gtm_text_box_new (100, 100, "Gains");
  items[4] = gtm_frame_new (100, 100, 200, 150, "Launch plan 上线计划");
  items[5] = gtm_image_new (100, 100, 120, 60, png);
  items[6] = gtm_shape_new (GTM_SHAPE_ELLIPSE, 100, 100, 120, 80);
  items[7] = gtm_text_box_new (100, 100, "Filled");
  set (f, items[3], "stroke", "#000000");
  set (f, items[7], "fill", "#3584e4");
  set (f, items[7], "stroke", "#1a5fb4");

  empty = render (f, 400, 400);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      cairo_surface_t *surface;
      GtmRect bounds;
      Ink ink;

      add (f, items[i]);
      surface = render (f, 400, 400);
      ink = diff (surface, empty, 1.5 / 255);
      gtm_render_item_bounds (f->board, items[i], &bounds);

      g_test_message ("%s: ink (%d, %d)–(%d, %d), bounds (%g, %g) %g × %g",
                      G_OBJECT_TYPE_NAME (items[i]), ink.x1, ink.y1, ink.x2, ink.y2,
                      bounds.x, bounds.y, bounds.width, bounds.height);
      g_assert_cmpuint (ink.n, >, 0);
      assert_ink_inside (ink, &bounds);
      /* ...and not much more than that. */
      g_assert_cmpfloat (bounds.x, >, ink.x1 - 8);
      g_assert_cmpfloat (bounds.y, >, ink.y1 - 8);
      g_assert_cmpfloat (bounds.x + bounds.width, <, ink.x2 + 9);
      g_assert_cmpfloat (bounds.y + bounds.height, <, ink.y2 + 9);

      gtm_board_remove_item (f->board, f->history, items[i]);
      cairo_surface_destroy (surface);
    }

  cairo_surface_destroy (empty);
}

static void
test_to_surface (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  GtmRect bounds;
  int x, y;

  add (f, gtm_note_new (100, 50, ""));
  add (f, gtm_note_new (400, 300, ""));
  g_assert_true (gtm_render_board_bounds (f->board, &bounds));
  /* The notes, their shadows included. */
  g_assert_cmpfloat (bounds.x, <=, 100);
  g_assert_cmpfloat (bounds.x, >, 90);
  g_assert_cmpfloat (bounds.y, <=, 50);
  g_assert_cmpfloat (bounds.x + bounds.width, >=, 560);
  g_assert_cmpfloat (bounds.y + bounds.height, >=, 460);
  g_assert_cmpfloat (bounds.y + bounds.height, <, 480);

  for (double scale = 0.5; scale <= 2.0; scale *= 2)
    {
      surface = gtm_render_board_to_surface (f->board, scale, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==,
                       (int) ceil ((bounds.width + 2 * GTM_RENDER_MARGIN) * scale));
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==,
                       (int) ceil ((bounds.height + 2 * GTM_RENDER_MARGIN) * scale));

      /* The margin is background, the notes are where they should be. */
      assert_pixel (surface, 1, 1, WHITE);
      x = (int) ((100 + 80 - bounds.x + GTM_RENDER_MARGIN) * scale);
      y = (int) ((50 + 80 - bounds.y + GTM_RENDER_MARGIN) * scale);
      assert_pixel (surface, x, y, "#fff3a3");
      x = (int) ((400 + 80 - bounds.x + GTM_RENDER_MARGIN) * scale);
      y = (int) ((300 + 80 - bounds.y + GTM_RENDER_MARGIN) * scale);
      assert_pixel (surface, x, y, "#fff3a3");
      cairo_surface_destroy (surface);
    }

  /* Nonsense scales are refused with a message. */
  g_assert_null (gtm_render_board_to_surface (f->board, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "scale"));
  g_clear_error (&error);
  g_assert_null (gtm_render_board_to_surface (f->board, NAN, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
}

static void
test_to_surface_empty (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  GtmRect bounds;

  g_assert_false (gtm_render_board_bounds (f->board, &bounds));
  surface = gtm_render_board_to_surface (f->board, 1.0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2 * GTM_RENDER_MARGIN);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 2 * GTM_RENDER_MARGIN);
  assert_pixel (surface, 10, 10, WHITE);
  cairo_surface_destroy (surface);
}

static void
test_to_surface_capped (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  GtmItem *near, *far;
  int width, height;

  /* A long strip: cairo's 32767 pixels a side is the limit. */
  near = add (f, gtm_note_new (-GTM_ITEM_COORD_LIMIT, 0, ""));
  far = add (f, gtm_note_new (GTM_ITEM_COORD_LIMIT - 160, 0, ""));
  surface = gtm_render_board_to_surface (f->board, 1.0, &error);
  g_assert_no_error (error);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  g_assert_cmpint (width, <=, GTM_RENDER_MAX_SIDE);
  g_assert_cmpint (width, >, GTM_RENDER_MAX_SIDE - 20);
  g_assert_cmpint (height, >=, 2);
  /* Both notes are still in the picture, a few pixels each. */
  assert_pixel_near (surface, 2, height / 2, "#fff3a3", 0.1);
  assert_pixel_near (surface, width - 3, height / 2, "#fff3a3", 0.1);
  cairo_surface_destroy (surface);

  /* A huge square: the pixel budget is the limit. */
  set (f, near, "y", -GTM_ITEM_COORD_LIMIT);
  set (f, far, "y", GTM_ITEM_COORD_LIMIT - 160);
  surface = gtm_render_board_to_surface (f->board, 4.0, &error);
  g_assert_no_error (error);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  g_assert_cmpint ((gint64) width * height, <=, GTM_RENDER_MAX_PIXELS);
  g_assert_cmpint ((gint64) width * height, >, GTM_RENDER_MAX_PIXELS * 0.99);
  g_assert_cmpint (ABS (width - height), <=, 2);
  cairo_surface_destroy (surface);
}

/* Persona cards: on a board of a project, showing one of its personas. */

#define CARD_GREEN "#26a269"
#define CARD_RED   "#c01c28"
#define CARD_DARK  "#241f31"

static void
card_set_up (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->project = gtm_project_new ("Lighthouse");
  f->board = g_object_ref (gtm_project_add_board (f->project, 0, NULL, &error));
  g_assert_no_error (error);
  f->history = g_object_ref (gtm_project_get_history (f->project));
  gtm_history_set (f->history, GTM_NODE (f->board), "background", WHITE, NULL);
}

static void
card_tear_down (Fixture       *f,
                gconstpointer  data)
{
  fixture_tear_down (f, data);
  g_clear_object (&f->project);
}

/* Adds a persona to the project through the history. */
static GtmPersona *
add_persona (Fixture        *f,
             GtmPersonaKind  kind,
             const char     *name)
{
  g_autoptr(GtmPersona) persona = gtm_persona_new (kind, name);
  GListModel *personas = gtm_project_get_personas (f->project);

  gtm_history_insert (f->history, GTM_NODE (f->project), "personas",
                      g_list_model_get_n_items (personas), GTM_NODE (persona));

  return persona;
}

static GtmPersona *
add_buyer (Fixture *f)
{
  const char *goals[] = { "Grow the pipeline by 30%", "Prove marketing's return", NULL };
  const char *challenges[] = { "Too many tools", NULL };
  GtmPersona *persona = add_persona (f, GTM_PERSONA_KIND_BUYER, "Ada Lovelace");

  gtm_history_set (f->history, GTM_NODE (persona),
                   "avatar-color", CARD_GREEN,
                   "job-title", "CMO",
                   "buying-role", GTM_BUYING_ROLE_DECISION_MAKER,
                   "goals", goals,
                   "challenges", challenges,
                   NULL);

  return persona;
}

/* Pixels within @tolerance of @color in the card of 320 × 400 at (20, 20),
 * rendered 360 × 440. */
static guint
count_in_card (cairo_surface_t *surface,
               const char      *color,
               double           tolerance)
{
  return count_color (surface, color, tolerance, 20, 20, 320, 400);
}

static void
test_persona_card (Fixture       *f,
                   gconstpointer  data)
{
  GtmPersona *persona = add_buyer (f);
  GtmItem *card = add (f, gtm_persona_card_new (20, 20, gtm_node_get_id (GTM_NODE (persona))));
  cairo_surface_t *surface;
  GtmRect bounds;

  g_assert_true (gtm_persona_card_get_persona (GTM_PERSONA_CARD (card)) == persona);
  g_assert_cmpfloat (gtm_item_get_width (card), ==, GTM_PERSONA_CARD_WIDTH);
  g_assert_cmpfloat (gtm_item_get_height (card), ==, GTM_PERSONA_CARD_HEIGHT);

  surface = render (f, 360, 440);
  /* The header band, in the avatar's colour, right of the avatar. */
  assert_pixel (surface, 200, 40, CARD_GREEN);
  assert_pixel (surface, 330, 70, CARD_GREEN);
  /* The card's white body, inside a light grey border, on the board. */
  assert_pixel (surface, 330, 410, WHITE);
  g_assert_cmpfloat (luminance (pixel_at (surface, 20, 250)), <, 0.95);
  g_assert_cmpfloat (luminance (pixel_at (surface, 20, 250)), >, 0.7);
  assert_pixel (surface, 10, 250, WHITE);
  assert_pixel (surface, 350, 250, WHITE);
  /* The avatar: a circle in the colour with white initials, left of the
   * band's end, reaching below it. */
  assert_pixel (surface, 76 - 25, 82 + 20, CARD_GREEN);
  g_assert_cmpuint (count_color (surface, WHITE, 0.15, 60, 70, 32, 24), >, 10);
  /* The name and the kind beside it, the sections below: dark text. */
  g_assert_cmpuint (count_color (surface, CARD_DARK, 0.3, 118, 86, 200, 30), >, 40);
  g_assert_cmpuint (count_color (surface, CARD_DARK, 0.3, 40, 140, 280, 200), >, 150);
  /* Not broken. */
  g_assert_cmpuint (count_in_card (surface, CARD_RED, 0.3), ==, 0);
  cairo_surface_destroy (surface);

  /* Nothing is drawn outside the box; it has no text to edit. */
  gtm_render_item_bounds (f->board, card, &bounds);
  g_assert_cmpfloat (bounds.x, >=, 18);
  g_assert_cmpfloat (bounds.x + bounds.width, <=, 342);
  g_assert_false (gtm_render_item_text_area (f->board, card, &bounds));
}

/* Shows the user persona's own sections, in Chinese too. */
static void
test_persona_card_user_chinese (Fixture       *f,
                                gconstpointer  data)
{
  const char *jobs[] = { "每周向团队汇报营销效果", "快速搭建活动页面", NULL };
  const char *pains[] = { "数据分散在多个工具里", NULL };
  GtmPersona *persona = add_persona (f, GTM_PERSONA_KIND_USER, "王芳");
  cairo_surface_t *surface;

  gtm_history_set (f->history, GTM_NODE (persona),
                   "avatar-color", "#e66100", "job-title", "市场运营经理",
                   "jobs", jobs, "pains", pains, NULL);
  add (f, gtm_persona_card_new (20, 20, gtm_node_get_id (GTM_NODE (persona))));

  surface = render (f, 360, 440);
  assert_pixel (surface, 200, 40, "#e66100");
  g_assert_cmpuint (count_color (surface, CARD_DARK, 0.3, 118, 86, 200, 30), >, 40);
  g_assert_cmpuint (count_color (surface, CARD_DARK, 0.3, 40, 140, 280, 200), >, 150);
  cairo_surface_destroy (surface);
}

/* A card whose persona is gone is drawn broken, and files keep it. */
static void
test_persona_card_broken (Fixture       *f,
                          gconstpointer  data)
{
  GtmPersona *persona = add_buyer (f);
  GtmItem *card = add (f, gtm_persona_card_new (20, 20, gtm_node_get_id (GTM_NODE (persona))));
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  gtm_project_remove_persona (f->project, GTM_NODE (persona));
  g_assert_null (gtm_persona_card_get_persona (GTM_PERSONA_CARD (card)));

  surface = render (f, 360, 440);
  /* A dashed red outline: red on each edge, with gaps. */
  g_assert_cmpuint (count_color (surface, CARD_RED, 0.35, 40, 19, 280, 4), >, 100);
  g_assert_cmpuint (count_color (surface, CARD_RED, 0.35, 40, 19, 280, 4), <, 280 * 3);
  g_assert_cmpuint (count_color (surface, CARD_RED, 0.35, 19, 40, 4, 360), >, 100);
  /* “Persona deleted” in the middle; no band. */
  g_assert_cmpuint (count_color (surface, CARD_RED, 0.35, 40, 200, 280, 40), >, 40);
  g_assert_cmpuint (count_in_card (surface, CARD_GREEN, 0.1), ==, 0);
  cairo_surface_destroy (surface);

  /* The project saves and reads back with the card as it is. */
  g_assert_true (gtm_format_validate (f->project, &error));
  g_assert_no_error (error);

  /* Undo brings the persona, and the card, back. */
  g_assert_true (gtm_history_undo (f->history));
  surface = render (f, 360, 440);
  assert_pixel (surface, 200, 40, CARD_GREEN);
  g_assert_cmpuint (count_in_card (surface, CARD_RED, 0.3), ==, 0);
  cairo_surface_destroy (surface);
}

/* The card follows the persona's edits, and their undo, in plain renders
 * and in the canvas's kept picture. */
static void
test_persona_card_follows_persona (Fixture       *f,
                                   gconstpointer  data)
{
  GtmPersona *persona = add_buyer (f);
  g_autoptr(GtmScene) scene = NULL;
  cairo_surface_t *before, *after, *undone, *picture;
  g_autofree guint8 *kept = NULL;
  GtmViewport viewport;
  gboolean damaged;
  gsize size;
  Ink ink;

  add (f, gtm_persona_card_new (20, 20, gtm_node_get_id (GTM_NODE (persona))));
  gtm_viewport_init (&viewport);
  scene = gtm_scene_new (f->board);
  picture = gtm_scene_render (scene, &viewport, 360, 440, 1, &damaged);
  size = (gsize) cairo_image_surface_get_stride (picture) * 440;
  kept = g_memdup2 (cairo_image_surface_get_data (picture), size);
  gtm_scene_render (scene, &viewport, 360, 440, 1, &damaged);
  g_assert_false (damaged);

  before = render (f, 360, 440);
  gtm_history_set (f->history, GTM_NODE (persona), "name", "Grace Hopper", NULL);
  after = render (f, 360, 440);
  ink = diff_in (before, after, 0.1, 0, 0, 360, 440);
  /* The name and the avatar's initials changed, nothing below them. */
  g_assert_cmpuint (ink.n, >, 40);
  g_assert_cmpuint (diff_in (before, after, 0.1, 118, 86, 200, 30).n, >, 40);
  g_assert_cmpint (ink.y1, >=, 46);
  g_assert_cmpint (ink.y2, <, 130);

  picture = gtm_scene_render (scene, &viewport, 360, 440, 1, &damaged);
  g_assert_true (damaged);
  g_assert_true (memcmp (kept, cairo_image_surface_get_data (picture), size) != 0);

  g_assert_true (gtm_history_undo (f->history));
  undone = render (f, 360, 440);
  g_assert_cmpuint (diff (before, undone, 0).n, ==, 0);
  picture = gtm_scene_render (scene, &viewport, 360, 440, 1, &damaged);
  g_assert_true (damaged);
  g_assert_true (memcmp (kept, cairo_image_surface_get_data (picture), size) == 0);

  /* A new colour repaints the band. */
  gtm_history_set (f->history, GTM_NODE (persona), "avatar-color", "#1c71d8", NULL);
  cairo_surface_destroy (after);
  after = render (f, 360, 440);
  assert_pixel (after, 200, 40, "#1c71d8");

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (undone);
}

/* Personality sliders: the dot sits at the value, between the poles. */
static void
test_persona_card_personality (Fixture       *f,
                               gconstpointer  data)
{
  GtmPersona *persona = add_buyer (f);
  g_autoptr(GtmTrait) trait = gtm_trait_new ("Introvert", "Extrovert", 0);
  cairo_surface_t *surface;

  add (f, gtm_persona_card_new (20, 20, gtm_node_get_id (GTM_NODE (persona))));
  gtm_history_insert (f->history, GTM_NODE (persona), "personality", 0, GTM_NODE (trait));

  /* Below the band, the avatar's colour is only the dot. */
  surface = render (f, 360, 440);
  g_assert_cmpuint (count_color (surface, CARD_GREEN, 0.1, 20, 200, 80, 220), >, 30);
  g_assert_cmpuint (count_color (surface, CARD_GREEN, 0.1, 260, 200, 80, 220), ==, 0);
  cairo_surface_destroy (surface);

  gtm_history_set (f->history, GTM_NODE (trait), "value", 100, NULL);
  surface = render (f, 360, 440);
  g_assert_cmpuint (count_color (surface, CARD_GREEN, 0.1, 20, 200, 80, 220), ==, 0);
  g_assert_cmpuint (count_color (surface, CARD_GREEN, 0.1, 260, 200, 80, 220), >, 30);
  cairo_surface_destroy (surface);
}

/* Text that does not fit is cut at the card's bottom, never drawn past. */
static void
test_persona_card_long_text (Fixture       *f,
                             gconstpointer  data)
{
  const char *goals[] = {
    "Build a repeatable, measurable pipeline that sales trusts, with every campaign "
    "traced from the first touch to closed revenue across all regions and segments",
    "Consolidate the marketing stack into fewer tools that the whole team can use "
    "without waiting for operations to build every report by hand each quarter",
    "Hire and onboard a product marketing team that owns launches end to end",
    NULL
  };
  GtmPersona *persona = add_buyer (f);
  cairo_surface_t *surface;

  gtm_history_set (f->history, GTM_NODE (persona), "goals", goals, "challenges", goals, NULL);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(GtmTrait) trait = gtm_trait_new ("Cautious", "Bold", 50);

      gtm_history_insert (f->history, GTM_NODE (persona), "personality", i, GTM_NODE (trait));
    }
  add (f, gtm_persona_card_new (20, 20, gtm_node_get_id (GTM_NODE (persona))));

  surface = render (f, 360, 500);
  /* Text reaches down to the bottom padding… */
  g_assert_cmpuint (count_color (surface, CARD_DARK, 0.3, 40, 360, 280, 40), >, 40);
  /* …and the board below the card is untouched. */
  g_assert_cmpuint (count_color (surface, WHITE, 0, 0, 422, 360, 78), ==, 360 * 78);
  cairo_surface_destroy (surface);
}

/* Cards, and cards whose persona is gone, go through files and the
 * clipboard's fragments unchanged. */
static void
test_persona_card_round_trip (Fixture       *f,
                              gconstpointer  data)
{
  GtmPersona *persona = add_buyer (f);
  const char *id = gtm_node_get_id (GTM_NODE (persona));
  GtmItem *items[2];
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) fragment = NULL;
  g_autoptr(GtmProject) copy = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GtmBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *copied;

  items[0] = add (f, gtm_persona_card_new (20, 20, id));
  items[1] = add (f, gtm_persona_card_new (400, 20, "persona-gone"));
  set (f, items[0], "width", 280.0);

  bytes = gtm_format_write_bytes (f->project);
  copy = gtm_format_read_bytes (bytes, &error);
  g_assert_no_error (error);

  board = g_list_model_get_item (gtm_project_get_boards (copy), 0);
  copied = gtm_board_get_items (board);
  g_assert_cmpuint (g_list_model_get_n_items (copied), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (copied, i);

      g_assert_true (GTM_IS_PERSONA_CARD (item));
      g_assert_cmpstr (gtm_node_get_id (GTM_NODE (item)), ==, gtm_node_get_id (GTM_NODE (items[i])));
      g_assert_cmpstr (gtm_persona_card_get_persona_id (GTM_PERSONA_CARD (item)), ==,
                       gtm_persona_card_get_persona_id (GTM_PERSONA_CARD (items[i])));
      g_assert_cmpfloat (gtm_item_get_width (item), ==, gtm_item_get_width (items[i]));
      if (i == 0)
        g_assert_cmpstr (gtm_node_get_id (GTM_NODE (gtm_persona_card_get_persona (GTM_PERSONA_CARD (item)))),
                         ==, id);
      else
        g_assert_null (gtm_persona_card_get_persona (GTM_PERSONA_CARD (item)));
    }

  /* Copied without their persona, the cards paste. */
  fragment = gtm_format_write_items (items, G_N_ELEMENTS (items));
  pasted = gtm_format_read_items (fragment, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pasted->len, ==, 2);
  g_assert_cmpstr (gtm_persona_card_get_persona_id (GTM_PERSONA_CARD (g_ptr_array_index (pasted, 0))),
                   ==, id);

  /* A reference that may dangle still has to be an id. */
  {
    g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_autoptr(GBytes) bad = NULL;
    g_autoptr(GtmProject) refused = NULL;

    g_assert_cmpuint (g_string_replace (text, "\"persona-gone\"", "\"persona gone\"", 1), ==, 1);
    bad = g_bytes_new (text->str, text->len);
    refused = gtm_format_read_bytes (bad, &error);
    g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
    g_assert_null (refused);
  }
}

/* A persona's avatar alone, as the application shows it: initials on the
 * persona's colour inside a circle, its picture once it has one. */
static void
test_persona_avatar (void)
{
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_BUYER, "王芳 Wang Fang");
  g_autoptr(GBytes) png = make_png (40, 20, "#e01b24", "#e01b24");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_t *cr = cairo_create (surface);
  Pixel top, corner, middle;

  g_object_set (persona, "avatar-color", "#26a269", NULL);
  gtm_render_persona_avatar (cr, persona, 64);
  cairo_surface_flush (surface);

  /* The colour inside the circle, nothing outside it, white initials in
   * the middle. */
  top = pixel_at (surface, 32, 6);
  g_assert_cmpfloat_with_epsilon (top.g, 0xa2 / 255.0, 0.02);
  g_assert_cmpfloat_with_epsilon (top.r, 0x26 / 255.0, 0.02);
  corner = pixel_at (surface, 1, 1);
  g_assert_cmpfloat (corner.a, ==, 0);
  {
    gboolean white = FALSE;

    for (int x = 12; x < 52 && !white; x++)
      {
        middle = pixel_at (surface, x, 32);
        white = middle.r > 0.9 && middle.g > 0.9 && middle.b > 0.9;
      }
    g_assert_true (white);
  }

  /* With a picture: the picture, cut to the circle. */
  g_object_set (persona, "avatar", png, NULL);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  gtm_render_persona_avatar (cr, persona, 64);
  cairo_surface_flush (surface);
  middle = pixel_at (surface, 32, 32);
  g_assert_cmpfloat_with_epsilon (middle.r, 0xe0 / 255.0, 0.02);
  g_assert_cmpfloat_with_epsilon (middle.g, 0x1b / 255.0, 0.02);
  corner = pixel_at (surface, 1, 1);
  g_assert_cmpfloat (corner.a, ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The initials an avatar shows, read back from a PDF of it. */
static char *
avatar_text (const char *name)
{
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_USER, name);
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-render");
  g_autofree char *pdf = g_build_filename (dir, "avatar.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 64, 64);
  cairo_t *cr = cairo_create (surface);
  char *text;

  gtm_render_persona_avatar (cr, persona, 64);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  text = g_strstrip (gtm_core_test_run_poppler ("pdftotext", pdf));
  gtm_core_test_remove_tree (dir);
  return text;
}

/* Initials of the first and last word; a name starting in Chinese shows
 * the last two of its Chinese characters, never a mix such as 张W. */
static void
test_persona_initials (void)
{
  struct { const char *name, *initials; } cases[] = {
    { "Sarah Lin", "SL" },
    { "sarah", "S" },
    { "张伟 Zhang Wei", "张伟" },
    { "欧阳娜娜", "娜娜" },
    { "林Sarah", "林" },
    { "Lily 李丽", "L李" },
  };

  if (!gtm_core_test_have_poppler ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = avatar_text (cases[i].name);

      g_assert_cmpstr (text, ==, cases[i].initials);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/render/background", test_background);
  ADD ("/render/note", test_note);
  ADD ("/render/z-order", test_z_order);
  ADD ("/render/shapes", test_shapes);
  ADD ("/render/connector", test_connector);
  ADD ("/render/connector/arrows", test_connector_arrows);
  ADD ("/render/connector/short-arrow-bounds", test_connector_short_arrow_bounds);
  ADD ("/render/connector/outlines", test_connector_outlines);
  ADD ("/render/connector/label", test_connector_label);
  ADD ("/render/text", test_text);
  ADD ("/render/text/chinese-locale", test_text_chinese_locale);
  ADD ("/render/text/wraps-inside", test_text_wraps_inside);
  ADD ("/render/text/cut-shows-ellipsis", test_text_cut_shows_ellipsis);
  ADD ("/render/text/zoom-invariant", test_text_zoom_invariant);
  ADD ("/render/text/level-of-detail", test_text_level_of_detail);
  ADD ("/render/text-box-and-frame", test_text_box_and_frame);
  ADD ("/render/image", test_image);
  ADD ("/render/image/zoomed-out", test_image_zoomed_out);
  ADD ("/render/image/corrupt", test_image_corrupt);
  ADD ("/render/clip", test_clip);
  ADD ("/render/item-bounds", test_item_bounds);
  ADD ("/render/to-surface", test_to_surface);
  ADD ("/render/to-surface/empty", test_to_surface_empty);
  ADD ("/render/to-surface/capped", test_to_surface_capped);

#define ADD_CARD(path, func) \
  g_test_add (path, Fixture, NULL, card_set_up, func, card_tear_down)

  ADD_CARD ("/render/persona-card", test_persona_card);
  ADD_CARD ("/render/persona-card/user-chinese", test_persona_card_user_chinese);
  ADD_CARD ("/render/persona-card/broken", test_persona_card_broken);
  ADD_CARD ("/render/persona-card/follows-persona", test_persona_card_follows_persona);
  ADD_CARD ("/render/persona-card/personality", test_persona_card_personality);
  ADD_CARD ("/render/persona-card/long-text", test_persona_card_long_text);
  ADD_CARD ("/render/persona-card/round-trip", test_persona_card_round_trip);
  g_test_add_func ("/render/persona-avatar", test_persona_avatar);
  g_test_add_func ("/render/persona-initials", test_persona_initials);

  return g_test_run ();
}
