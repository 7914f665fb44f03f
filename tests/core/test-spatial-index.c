/* test-spatial-index.c — hit testing, rubber bands and the spatial index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The geometry of what a point picks is checked case by case and against
 * what gtm_render_board() paints; the index is checked against a plain scan
 * of every item on random boards, before and after random edits, undo and
 * redo. Random runs print their seed; set GTM_TEST_SEED to replay one.
 */

#define G_LOG_DOMAIN "test-spatial-index"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gtm-spatial-index.h"
#include "gtm-connector.h"
#include "gtm-frame.h"
#include "gtm-image.h"
#include "gtm-note.h"
#include "gtm-shape.h"
#include "gtm-text-box.h"

typedef struct
{
  GtmBoard        *board;
  GtmHistory      *history;
  GtmSpatialIndex *index;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->board = gtm_board_new ("Launch");
  f->history = gtm_history_new ();
  f->index = gtm_spatial_index_new (f->board);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->index);
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

static GtmItem *
add_shape (Fixture      *f,
           GtmShapeKind  kind,
           double        x,
           double        y,
           double        width,
           double        height)
{
  return add (f, gtm_shape_new (kind, x, y, width, height));
}

static GtmItem *
add_connector (Fixture *f,
               GtmItem *source,
               GtmItem *target)
{
  return add (f, gtm_connector_new (gtm_node_get_id (GTM_NODE (source)),
                                    gtm_node_get_id (GTM_NODE (target))));
}

static const char *
describe (GtmItem *item)
{
  return item != NULL ? gtm_node_get_id (GTM_NODE (item)) : "nothing";
}

#define assert_hit(f, x, y, tolerance, expected) \
  g_assert_cmpstr (describe (gtm_spatial_index_hit ((f)->index, (x), (y), (tolerance))), ==, \
                   describe (expected))

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
tiny_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
  GByteArray *bytes = g_byte_array_new ();
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, bytes), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (bytes);
}


/* Geometry */

static void
test_geometry_box (void)
{
  GtmRect box = { 10, 20, 100, 50 };
  GtmRect flat = { 0, 0, -5, 10 };

  g_assert_true (gtm_hit_test_point_in_box (&box, 10, 20));
  g_assert_true (gtm_hit_test_point_in_box (&box, 110, 70));
  g_assert_true (gtm_hit_test_point_in_box (&box, 60, 45));
  g_assert_false (gtm_hit_test_point_in_box (&box, 9.99, 45));
  g_assert_false (gtm_hit_test_point_in_box (&box, 60, 70.01));
  g_assert_false (gtm_hit_test_point_in_box (&flat, -2, 5));
}

static void
test_geometry_rounded_box (void)
{
  GtmRect box = { 0, 0, 100, 60 };

  /* The corner's circle has its centre at (10, 10). */
  g_assert_true (gtm_hit_test_point_in_rounded_box (&box, 10, 50, 30));
  g_assert_true (gtm_hit_test_point_in_rounded_box (&box, 10, 0, 30));
  g_assert_true (gtm_hit_test_point_in_rounded_box (&box, 10, 3, 3));    /* 9.9 from the centre */
  g_assert_false (gtm_hit_test_point_in_rounded_box (&box, 10, 2, 2));   /* 11.3 from it */
  g_assert_false (gtm_hit_test_point_in_rounded_box (&box, 10, 0.5, 0.5));
  g_assert_false (gtm_hit_test_point_in_rounded_box (&box, 10, 99.5, 59.5));
  g_assert_true (gtm_hit_test_point_in_rounded_box (&box, 0, 0.5, 0.5));
  g_assert_false (gtm_hit_test_point_in_rounded_box (&box, 10, -1, 30));

  /* A radius larger than the box allows becomes a stadium. */
  g_assert_true (gtm_hit_test_point_in_rounded_box (&box, 500, 50, 0));
  g_assert_false (gtm_hit_test_point_in_rounded_box (&box, 500, 5, 5));

  /* Shapes round their corners by a fifth of the smaller side, up to 16. */
  g_assert_cmpfloat_with_epsilon (gtm_render_shape_radius (&box), 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtm_render_shape_radius (&(GtmRect) { 0, 0, 300, 200 }), 16, 1e-9);
}

static void
test_geometry_ellipse (void)
{
  GtmRect box = { 0, 0, 200, 100 };

  g_assert_true (gtm_hit_test_point_in_ellipse (&box, 100, 50));
  g_assert_true (gtm_hit_test_point_in_ellipse (&box, 0, 50));
  g_assert_true (gtm_hit_test_point_in_ellipse (&box, 100, 0));
  g_assert_true (gtm_hit_test_point_in_ellipse (&box, 199, 50));
  /* Inside the box, outside the ellipse. */
  g_assert_false (gtm_hit_test_point_in_ellipse (&box, 10, 10));
  g_assert_false (gtm_hit_test_point_in_ellipse (&box, 190, 90));
  /* At 45°: (100 + 100 cos, 50 + 50 sin) is on the outline. */
  g_assert_true (gtm_hit_test_point_in_ellipse (&box, 100 + 70.7, 50 + 35.3));
  g_assert_false (gtm_hit_test_point_in_ellipse (&box, 100 + 71.0, 50 + 35.6));
  g_assert_false (gtm_hit_test_point_in_ellipse (&(GtmRect) { 0, 0, 0, 10 }, 0, 5));
}

static void
test_geometry_diamond (void)
{
  GtmRect box = { 0, 0, 200, 100 };

  g_assert_true (gtm_hit_test_point_in_diamond (&box, 100, 50));
  g_assert_true (gtm_hit_test_point_in_diamond (&box, 100, 0));
  g_assert_true (gtm_hit_test_point_in_diamond (&box, 0, 50));
  g_assert_true (gtm_hit_test_point_in_diamond (&box, 50, 25));   /* on the edge */
  g_assert_false (gtm_hit_test_point_in_diamond (&box, 49, 24));
  g_assert_false (gtm_hit_test_point_in_diamond (&box, 5, 5));
  g_assert_false (gtm_hit_test_point_in_diamond (&box, 195, 95));
  g_assert_true (gtm_hit_test_point_in_diamond (&box, 150, 74));
}

static void
test_geometry_segment (void)
{
  g_assert_cmpfloat_with_epsilon (gtm_hit_test_segment_distance (0, 0, 100, 0, 50, 3), 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtm_hit_test_segment_distance (0, 0, 100, 0, 50, -4), 4, 1e-9);
  /* Beyond an end, the distance is to the end. */
  g_assert_cmpfloat_with_epsilon (gtm_hit_test_segment_distance (0, 0, 100, 0, 103, 4), 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtm_hit_test_segment_distance (0, 0, 100, 0, -3, -4), 5, 1e-9);
  /* Diagonal. */
  g_assert_cmpfloat_with_epsilon (gtm_hit_test_segment_distance (0, 0, 10, 10, 0, 10), sqrt (50), 1e-9);
  /* A segment of no length is a point. */
  g_assert_cmpfloat_with_epsilon (gtm_hit_test_segment_distance (5, 5, 5, 5, 8, 9), 5, 1e-9);
}

static void
test_geometry_rect_matches (void)
{
  GtmRect box = { 10, 10, 100, 100 };
  GtmRect bounds = { 3, 6, 114, 114 };   /* a note's shadow around it */
  GtmRect around_box = { 5, 8, 110, 105 };
  GtmRect empty = { 10, 10, 0, 0 };

  /* A rubber band around the box picks the note even if the shadow sticks
   * out; one that cuts the box does not. */
  g_assert_true (gtm_hit_test_rect_matches (&box, &bounds, &around_box, GTM_RECT_MATCH_CONTAINS));
  g_assert_false (gtm_hit_test_rect_matches (&box, &bounds, &(GtmRect) { 20, 0, 200, 200 },
                                             GTM_RECT_MATCH_CONTAINS));
  /* Dragged up and to the left. */
  g_assert_true (gtm_hit_test_rect_matches (&box, &bounds, &(GtmRect) { 115, 113, -110, -105 },
                                            GTM_RECT_MATCH_CONTAINS));
  /* Connectors have no box: their drawn bounds must be inside. */
  g_assert_false (gtm_hit_test_rect_matches (NULL, &bounds, &around_box, GTM_RECT_MATCH_CONTAINS));
  g_assert_true (gtm_hit_test_rect_matches (NULL, &bounds, &(GtmRect) { 3, 6, 114, 114 },
                                            GTM_RECT_MATCH_CONTAINS));

  /* Intersecting is by the drawn bounds, and touching is not enough. */
  g_assert_true (gtm_hit_test_rect_matches (&box, &bounds, &(GtmRect) { 116, 50, 10, 10 },
                                            GTM_RECT_MATCH_INTERSECTS));
  g_assert_false (gtm_hit_test_rect_matches (&box, &bounds, &(GtmRect) { 117, 50, 10, 10 },
                                             GTM_RECT_MATCH_INTERSECTS));
  /* What draws nothing matches nothing. */
  g_assert_false (gtm_hit_test_rect_matches (NULL, &empty, &(GtmRect) { 0, 0, 100, 100 },
                                             GTM_RECT_MATCH_INTERSECTS));
}

/* The outlines used for hit testing are those gtm_render_board() paints:
 * every pixel whose surroundings (2.5 units around, beyond the stroke and
 * antialiasing) are all inside is painted opaque, all outside untouched. */
static void
test_geometry_matches_rendering (Fixture       *f,
                                 gconstpointer  data)
{
  static const struct { GtmShapeKind kind; GtmRect box; } cases[] = {
    { GTM_SHAPE_RECTANGLE, { 20, 20, 160, 100 } },
    { GTM_SHAPE_ROUNDED_RECTANGLE, { 20, 20, 160, 100 } },
    { GTM_SHAPE_ROUNDED_RECTANGLE, { 20, 20, 45, 30 } },
    { GTM_SHAPE_ELLIPSE, { 20, 20, 160, 100 } },
    { GTM_SHAPE_DIAMOND, { 20, 20, 160, 100 } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const GtmRect *box = &cases[c].box;
      GtmItem *shape = add_shape (f, cases[c].kind, box->x, box->y, box->width, box->height);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 140);
      cairo_t *cr = cairo_create (surface);
      guint n_inside = 0, n_outside = 0;
      const guchar *pixels;
      int stride;

      gtm_render_board (f->board, cr, GTM_RENDER_NONE);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      pixels = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);

      for (int py = 0; py < 140; py++)
        for (int px = 0; px < 200; px++)
          {
            double x = px + 0.5, y = py + 0.5;
            gboolean all_in = gtm_hit_test_point_in_outline (shape, x, y);
            gboolean all_out = !all_in;
            guint alpha = ((const guint32 *) (pixels + py * stride))[px] >> 24;

            for (int k = 0; k < 24; k++)
              {
                double angle = k * G_PI / 12;
                gboolean in = gtm_hit_test_point_in_outline (shape, x + 2.5 * cos (angle),
                                                             y + 2.5 * sin (angle));

                all_in = all_in && in;
                all_out = all_out && !in;
              }

            if (all_in)
              {
                if (alpha != 255)
                  g_error ("shape %u: (%d, %d) is inside but alpha is %u", c, px, py, alpha);
                n_inside++;
              }
            else if (all_out)
              {
                if (alpha != 0)
                  g_error ("shape %u: (%d, %d) is outside but alpha is %u", c, px, py, alpha);
                n_outside++;
              }
          }

      g_assert_cmpuint (n_inside, >, 500);
      g_assert_cmpuint (n_outside, >, 5000);

      cairo_surface_destroy (surface);
      gtm_board_remove_item (f->board, f->history, shape);
    }
}


/* Exact hits */

static void
test_hit_ellipse_corner (Fixture       *f,
                         gconstpointer  data)
{
  GtmItem *below = add_shape (f, GTM_SHAPE_RECTANGLE, 0, 0, 200, 100);
  GtmItem *ellipse = add_shape (f, GTM_SHAPE_ELLIPSE, 0, 0, 200, 100);

  assert_hit (f, 100, 50, 0, ellipse);
  assert_hit (f, 5, 5, 0, below);      /* the ellipse's box, not the ellipse */
  assert_hit (f, 195, 95, 4, below);   /* tolerance does not widen shapes */
  assert_hit (f, 1, 50, 0, ellipse);

  gtm_board_remove_item (f->board, f->history, below);
  assert_hit (f, 5, 5, 0, NULL);
}

static void
test_hit_diamond_corner (Fixture       *f,
                         gconstpointer  data)
{
  GtmItem *diamond = add_shape (f, GTM_SHAPE_DIAMOND, 0, 0, 200, 100);

  assert_hit (f, 100, 50, 0, diamond);
  assert_hit (f, 100, 2, 0, diamond);
  assert_hit (f, 10, 10, 0, NULL);
  assert_hit (f, 190, 90, 0, NULL);
  assert_hit (f, 48, 23, 0, NULL);
  assert_hit (f, 52, 27, 0, diamond);
}

static void
test_hit_rounded_corner (Fixture       *f,
                         gconstpointer  data)
{
  /* Radius 16: the corner's circle is centred on (16, 16). */
  GtmItem *rounded = add_shape (f, GTM_SHAPE_ROUNDED_RECTANGLE, 0, 0, 200, 100);
  GtmItem *rectangle = add_shape (f, GTM_SHAPE_RECTANGLE, 300, 0, 200, 100);

  assert_hit (f, 2, 2, 0, NULL);
  assert_hit (f, 6, 6, 0, rounded);
  assert_hit (f, 198, 98, 0, NULL);
  assert_hit (f, 0.5, 50, 0, rounded);
  assert_hit (f, 302, 2, 0, rectangle);
}

static void
test_hit_topmost (Fixture       *f,
                  gconstpointer  data)
{
  GtmItem *a = add (f, gtm_note_new (0, 0, "A"));
  GtmItem *b = add (f, gtm_note_new (100, 100, "B"));
  GtmItem *c = add_shape (f, GTM_SHAPE_RECTANGLE, 50, 50, 100, 100);

  assert_hit (f, 120, 120, 0, c);
  assert_hit (f, 60, 60, 0, c);
  assert_hit (f, 20, 20, 0, a);
  assert_hit (f, 250, 250, 0, b);

  /* Send the rectangle to the bottom: the notes cover it. */
  gtm_history_move (f->history, GTM_NODE (f->board), "items", 2, 0);
  assert_hit (f, 120, 120, 0, b);
  assert_hit (f, 60, 60, 0, a);
  assert_hit (f, 140, 60, 0, a);   /* a note is 160 wide */
  g_assert_cmpint (gtm_spatial_index_get_z (f->index, c), ==, 0);
  g_assert_cmpint (gtm_spatial_index_get_z (f->index, a), ==, 1);
  g_assert_cmpint (gtm_spatial_index_get_z (f->index, b), ==, 2);

  gtm_history_undo (f->history);
  assert_hit (f, 120, 120, 0, c);
  g_assert_cmpint (gtm_spatial_index_get_z (f->index, c), ==, 2);
}

static void
test_hit_connector (Fixture       *f,
                    gconstpointer  data)
{
  /* Two boxes 400 apart; the connector runs along y = 50 between their
   * centres (x = 0 and 500), drawn from 53 to 447. */
  GtmItem *left = add_shape (f, GTM_SHAPE_RECTANGLE, -50, 0, 100, 100);
  GtmItem *right = add_shape (f, GTM_SHAPE_RECTANGLE, 450, 0, 100, 100);
  GtmItem *connector = add_connector (f, left, right);
  double x1, y1, x2, y2;

  /* Drawn from the outlines, with a gap of 3. */
  g_assert_true (gtm_render_connector_line (f->board, GTM_CONNECTOR (connector), &x1, &y1, &x2, &y2));
  g_assert_cmpfloat_with_epsilon (x1, 53, 1e-9);
  g_assert_cmpfloat_with_epsilon (y1, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (x2, 447, 1e-9);
  g_assert_cmpfloat_with_epsilon (y2, 50, 1e-9);

  assert_hit (f, 250, 50, 0, connector);
  assert_hit (f, 250, 53.5, 4, connector);
  assert_hit (f, 250, 46.5, 4, connector);
  assert_hit (f, 250, 55, 4, NULL);
  assert_hit (f, 250, 53.5, 2, NULL);
  /* At low zoom the canvas passes a larger tolerance. */
  assert_hit (f, 250, 60, 4 / 0.25, connector);

  /* The connector is on top, but where the line would cross the items
   * they are what the pointer is on. */
  assert_hit (f, 40, 50, 4, left);
  assert_hit (f, 460, 51, 4, right);
  assert_hit (f, 52, 50, 4, connector);

  /* Moving an end moves the line: the index follows. */
  gtm_history_set (f->history, GTM_NODE (right), "y", 400.0, NULL);
  assert_hit (f, 250, 50, 4, NULL);
  assert_hit (f, 250, 250, 4, connector);
  gtm_history_undo (f->history);
  assert_hit (f, 250, 50, 4, connector);
  assert_hit (f, 250, 250, 4, NULL);

  /* A connector whose end goes away draws nothing and is never hit;
   * undo brings both back. */
  gtm_board_remove_item (f->board, f->history, right);
  g_assert_cmpuint (gtm_board_get_n_items (f->board), ==, 1);
  assert_hit (f, 250, 50, 4, NULL);
  gtm_history_undo (f->history);
  assert_hit (f, 250, 50, 4, connector);

  /* Reattached elsewhere. */
  {
    GtmItem *below = add_shape (f, GTM_SHAPE_ELLIPSE, -50, 400, 100, 100);

    gtm_history_set (f->history, GTM_NODE (connector),
                     "target", gtm_node_get_id (GTM_NODE (below)), NULL);
    assert_hit (f, 250, 50, 4, NULL);
    assert_hit (f, 1, 250, 4, connector);
    /* The old end moving no longer moves the connector; the new one does. */
    gtm_history_set (f->history, GTM_NODE (right), "x", 1000.0, NULL);
    assert_hit (f, 1, 250, 4, connector);
    gtm_history_set (f->history, GTM_NODE (below), "x", 450.0, NULL);
    assert_hit (f, 1, 250, 4, NULL);
    assert_hit (f, 250, 250, 4, connector);
  }
}

/* A connector's end may come and go by itself (a paste of the connector
 * before its items, a list edit in the middle of a step): the connector
 * appears and disappears with it. */
static void
test_hit_connector_end_comes_and_goes (Fixture       *f,
                                       gconstpointer  data)
{
  GtmItem *left = add_shape (f, GTM_SHAPE_RECTANGLE, -50, 0, 100, 100);
  GtmItem *right = gtm_shape_new (GTM_SHAPE_RECTANGLE, 450, 0, 100, 100);
  GtmItem *connector = add_connector (f, left, right);
  GtmRect bounds;

  g_assert_false (gtm_spatial_index_get_bounds (f->index, connector, &bounds));
  assert_hit (f, 250, 50, 4, NULL);

  add (f, right);
  g_assert_true (gtm_spatial_index_get_bounds (f->index, connector, &bounds));
  assert_hit (f, 250, 50, 4, connector);

  /* Taken off the list alone, without its connectors. */
  gtm_history_remove (f->history, GTM_NODE (f->board), "items", 2);
  g_assert_cmpint (gtm_spatial_index_get_z (f->index, right), ==, -1);
  assert_hit (f, 250, 50, 4, NULL);
  assert_hit (f, 500, 50, 4, NULL);

  gtm_history_undo (f->history);
  assert_hit (f, 250, 50, 4, connector);
  assert_hit (f, 500, 50, 4, right);
}

static void
test_hit_connector_label (Fixture       *f,
                          gconstpointer  data)
{
  GtmItem *left = add_shape (f, GTM_SHAPE_RECTANGLE, -50, 0, 100, 100);
  GtmItem *right = add_shape (f, GTM_SHAPE_RECTANGLE, 450, 0, 100, 100);
  GtmItem *connector = add_connector (f, left, right);
  GtmRect area;

  gtm_history_set (f->history, GTM_NODE (connector), "text", "驱动 · converts 12%", NULL);
  g_assert_true (gtm_render_item_text_area (f->board, connector, &area));
  g_assert_cmpfloat (area.height, >, 8);

  /* On the label, well off the line. */
  assert_hit (f, area.x + 2, area.y + 1, 0, connector);
  assert_hit (f, area.x + area.width - 1, area.y + area.height - 1, 0, connector);
  assert_hit (f, area.x - 10, area.y - 10, 0, NULL);
}

static void
test_hit_frame (Fixture       *f,
                gconstpointer  data)
{
  GtmItem *inside = add (f, gtm_note_new (100, 100, "Strengths 优势"));
  GtmItem *frame = add (f, gtm_frame_new (0, 0, 1000, 800, "SWOT"));
  GtmItem *above = add (f, gtm_note_new (600, 100, "Weaknesses"));
  GtmRect title;

  /* The frame is hit over its whole body, under its title and over what
   * it covers (it is drawn filled); what lies above it wins. */
  assert_hit (f, 500, 700, 0, frame);
  assert_hit (f, 1, 1, 0, frame);
  assert_hit (f, 150, 150, 0, frame);
  assert_hit (f, 650, 150, 0, above);
  assert_hit (f, 1001, 400, 0, NULL);

  g_assert_true (gtm_render_item_text_area (f->board, frame, &title));
  g_assert_cmpfloat (title.y + title.height, <=, 0);
  assert_hit (f, title.x + 5, title.y + title.height / 2, 0, frame);

  /* Frames are usually kept at the bottom. */
  gtm_history_move (f->history, GTM_NODE (f->board), "items", 1, 0);
  assert_hit (f, 150, 150, 0, inside);
  assert_hit (f, 500, 700, 0, frame);

  /* No title, nothing above. */
  gtm_history_set (f->history, GTM_NODE (frame), "text", "", NULL);
  assert_hit (f, title.x + 5, title.y + title.height / 2, 0, NULL);
}

static void
test_hit_other_items (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) png = tiny_png ();
  GtmItem *note = add (f, gtm_note_new (0, 0, ""));
  GtmItem *text = add (f, gtm_text_box_new (300, 0, "Elevator pitch"));
  GtmItem *image = add (f, gtm_image_new (600, 0, 120, 80, png));

  gtm_history_set (f->history, GTM_NODE (text), "width", 200.0, "height", 60.0, NULL);

  assert_hit (f, 1, 1, 0, note);
  assert_hit (f, 159, 159, 0, note);
  /* A note's shadow is drawn but is not the note. */
  assert_hit (f, 80, 163, 0, NULL);
  assert_hit (f, 301, 59, 0, text);
  assert_hit (f, 719, 79, 0, image);
  assert_hit (f, 721, 79, 0, NULL);
}


/* Queries */

static char *
describe_items (GPtrArray *items)
{
  GString *s = g_string_new ("");

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? " " : "", describe (g_ptr_array_index (items, i)));

  return g_string_free (s, FALSE);
}

static void
assert_items (GPtrArray *items,
              ...)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autofree char *got = describe_items (items);
  g_autofree char *want = NULL;
  va_list args;
  GtmItem *item;

  va_start (args, items);
  while ((item = va_arg (args, GtmItem *)) != NULL)
    g_ptr_array_add (expected, item);
  va_end (args);

  want = describe_items (expected);
  g_assert_cmpstr (got, ==, want);
}

static void
test_query_rect (Fixture       *f,
                 gconstpointer  data)
{
  GtmItem *frame = add (f, gtm_frame_new (0, 0, 1000, 600, "Launch plan"));
  GtmItem *a = add (f, gtm_note_new (100, 100, "A"));
  GtmItem *b = add_shape (f, GTM_SHAPE_ELLIPSE, 400, 100, 200, 100);
  GtmItem *c = add (f, gtm_note_new (700, 300, "C"));
  GtmItem *ab = add_connector (f, a, b);
  g_autoptr(GPtrArray) band = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) touching = NULL;
  g_autoptr(GPtrArray) upward = NULL;
  g_autoptr(GPtrArray) none = NULL;

  /* A rubber band around a and b (boxes, not shadows) picks them and the
   * connector between them, bottom first. */
  band = gtm_spatial_index_query_rect (f->index, &(GtmRect) { 95, 95, 510, 210 },
                                       GTM_RECT_MATCH_CONTAINS);
  assert_items (band, a, b, ab, NULL);

  /* Around everything but the frame's title. */
  all = gtm_spatial_index_query_rect (f->index, &(GtmRect) { -1, -1, 1002, 602 },
                                      GTM_RECT_MATCH_CONTAINS);
  assert_items (all, frame, a, b, c, ab, NULL);

  /* Touching: the frame and whatever is drawn across the rectangle. */
  touching = gtm_spatial_index_query_rect (f->index, &(GtmRect) { 650, 250, 100, 100 },
                                           GTM_RECT_MATCH_INTERSECTS);
  assert_items (touching, frame, c, NULL);

  /* Dragged from bottom right to top left. */
  upward = gtm_spatial_index_query_rect (f->index, &(GtmRect) { 605, 305, -510, -210 },
                                         GTM_RECT_MATCH_CONTAINS);
  assert_items (upward, a, b, ab, NULL);

  none = gtm_spatial_index_query_rect (f->index, &(GtmRect) { 2000, 2000, 100, 100 },
                                       GTM_RECT_MATCH_INTERSECTS);
  assert_items (none, NULL);
}

static void
test_query_visible (Fixture       *f,
                    gconstpointer  data)
{
  GtmItem *near = add (f, gtm_note_new (100, 100, "near"));
  GtmItem *far = add (f, gtm_note_new (5000, 100, "far"));
  GtmViewport viewport;
  g_autoptr(GPtrArray) at_home = NULL;
  g_autoptr(GPtrArray) zoomed_out = NULL;
  g_autoptr(GPtrArray) panned = NULL;

  gtm_viewport_init (&viewport);
  at_home = gtm_spatial_index_query_visible (f->index, &viewport, 1920, 1080);
  assert_items (at_home, near, NULL);

  gtm_viewport_zoom_at (&viewport, 0.25, 0, 0);
  zoomed_out = gtm_spatial_index_query_visible (f->index, &viewport, 1920, 1080);
  assert_items (zoomed_out, near, far, NULL);

  gtm_viewport_init (&viewport);
  gtm_viewport_pan (&viewport, -4500, 0);
  panned = gtm_spatial_index_query_visible (f->index, &viewport, 1920, 1080);
  assert_items (panned, far, NULL);
}

/* Items as large as allowed and as far apart as allowed cost a few cells
 * each, and are found. */
static void
test_huge_and_far (Fixture       *f,
                   gconstpointer  data)
{
  GtmItem *huge = add (f, gtm_frame_new (-50000, -50000, GTM_ITEM_SIZE_MAX, GTM_ITEM_SIZE_MAX, "All"));
  GtmItem *corners[4];
  GtmItem *across;
  GtmItem *small;
  g_autoptr(GPtrArray) everything = NULL;

  for (guint i = 0; i < 4; i++)
    {
      double x = (i % 2 ? 1 : -1) * (GTM_ITEM_COORD_LIMIT - 300);
      double y = (i / 2 ? 1 : -1) * (GTM_ITEM_COORD_LIMIT - 300);

      corners[i] = add (f, gtm_note_new (x, y, "far"));
    }
  across = add_connector (f, corners[0], corners[3]);
  small = add_shape (f, GTM_SHAPE_ELLIPSE, 10, 10, 1, 1);

  g_assert_cmpuint (gtm_spatial_index_get_n_cells (f->index), <=, 4 * 7);

  assert_hit (f, 1000, -1000, 0, huge);
  assert_hit (f, 10.5, 10.5, 0, small);
  assert_hit (f, -GTM_ITEM_COORD_LIMIT + 310, -GTM_ITEM_COORD_LIMIT + 310, 0, corners[0]);
  assert_hit (f, GTM_ITEM_COORD_LIMIT - 250, GTM_ITEM_COORD_LIMIT - 250, 0, corners[3]);
  assert_hit (f, 500000, 500000, 4, across);
  assert_hit (f, 500000, -500000, 4, NULL);
  assert_hit (f, 60000, 60000, 0, across);

  everything = gtm_spatial_index_query_rect (f->index,
                                             &(GtmRect) { -2e6, -2e6, 4e6, 4e6 },
                                             GTM_RECT_MATCH_CONTAINS);
  assert_items (everything, huge, corners[0], corners[1], corners[2], corners[3], across, small, NULL);

  /* Far beyond anything. */
  assert_hit (f, 1e12, -1e12, 1e3, NULL);
}

/* An index dropped before its board stops following it. */
static void
test_lifetime (Fixture       *f,
               gconstpointer  data)
{
  GtmItem *note = add (f, gtm_note_new (0, 0, "A"));
  GtmSpatialIndex *second = gtm_spatial_index_new (f->board);

  g_assert_true (gtm_spatial_index_get_board (second) == f->board);
  g_assert_true (gtm_spatial_index_hit (second, 10, 10, 0) == note);
  g_object_unref (second);

  gtm_history_set (f->history, GTM_NODE (note), "x", 500.0, NULL);
  add (f, gtm_note_new (0, 0, "B"));
  assert_hit (f, 510, 10, 0, note);
}


/* Random boards against a plain scan */

static guint32
base_seed (void)
{
  const char *text = g_getenv ("GTM_TEST_SEED");

  return text != NULL ? (guint32) g_ascii_strtoull (text, NULL, 0) : 20240611u;
}

static GBytes *random_png;

static double
rand_coord (GRand  *rand,
            double  spread)
{
  return g_rand_double_range (rand, -spread, spread);
}

static GtmItem *
random_box_item (GRand  *rand,
                 double  spread)
{
  double x = rand_coord (rand, spread);
  double y = rand_coord (rand, spread);
  double width = g_rand_double_range (rand, 1, 400);
  double height = g_rand_double_range (rand, 1, 300);
  guint kind = g_rand_int_range (rand, 0, 100);
  GtmItem *item;

  if (kind < 30)
    item = gtm_note_new (x, y, "");
  else if (kind < 70)
    item = gtm_shape_new ((GtmShapeKind) g_rand_int_range (rand, 0, 4), x, y, width, height);
  else if (kind < 80)
    item = gtm_text_box_new (x, y, "Messaging pillar");
  else if (kind < 85)
    item = gtm_image_new (x, y, width, height, random_png);
  else
    {
      /* Frames, a few of them huge, a few titled. */
      if (g_rand_int_range (rand, 0, 4) == 0)
        width = height = MIN (GTM_ITEM_SIZE_MAX, spread * 2);
      else
        {
          width *= 4;
          height *= 4;
        }
      item = gtm_frame_new (x, y, width, height,
                            g_rand_int_range (rand, 0, 3) == 0 ? "竞争对手 Competitors" : "");
    }

  if (!GTM_IS_FRAME (item))
    g_object_set (item, "width", width, "height", height, NULL);

  return item;
}

/* Any item on the board, or NULL. */
static GtmItem *
random_on_board (GRand    *rand,
                 GtmBoard *board)
{
  GListModel *items = gtm_board_get_items (board);
  guint n = g_list_model_get_n_items (items);
  GtmItem *item;

  if (n == 0)
    return NULL;

  item = g_list_model_get_item (items, g_rand_int_range (rand, 0, n));
  g_object_unref (item);

  return item;
}

static GtmItem *
random_connector (GRand    *rand,
                  GtmBoard *board)
{
  GtmItem *source = random_on_board (rand, board);
  GtmItem *target = random_on_board (rand, board);
  GtmItem *connector;

  if (source == NULL || target == NULL)
    return NULL;

  /* Mostly between boxes; now and then dangling or between connectors,
   * which draws nothing. */
  connector = gtm_connector_new (gtm_node_get_id (GTM_NODE (source)),
                                 g_rand_int_range (rand, 0, 20) == 0
                                 ? "note-00000000dead"
                                 : gtm_node_get_id (GTM_NODE (target)));
  if (g_rand_int_range (rand, 0, 5) == 0)
    g_object_set (connector, "text", g_rand_boolean (rand) ? "influences" : "驱动", NULL);

  return connector;
}

static void
fill_board (GRand      *rand,
            GtmBoard   *board,
            GtmHistory *history,
            guint       n,
            double      spread)
{
  gtm_history_begin (history, "Fill");
  for (guint i = 0; i < n; i++)
    {
      GtmItem *item = NULL;

      if (i > 2 && g_rand_int_range (rand, 0, 4) == 0)
        item = random_connector (rand, board);
      if (item == NULL)
        item = random_box_item (rand, spread);

      gtm_board_add_item (board, history, item);
      g_object_unref (item);
    }
  gtm_history_end (history);
}

/* The plain scan: every item's bounds computed afresh, every item tried. */
typedef struct
{
  GPtrArray *items;   /* GtmItem*, z-order */
  GArray    *bounds;  /* GtmRect */
} Scan;

static void
scan_init (Scan     *scan,
           GtmBoard *board)
{
  GListModel *items = gtm_board_get_items (board);
  guint n = g_list_model_get_n_items (items);

  scan->items = g_ptr_array_new_full (n, g_object_unref);
  scan->bounds = g_array_sized_new (FALSE, FALSE, sizeof (GtmRect), n);
  for (guint i = 0; i < n; i++)
    {
      GtmItem *item = g_list_model_get_item (items, i);
      GtmRect bounds;

      gtm_render_item_bounds (board, item, &bounds);
      g_ptr_array_add (scan->items, item);
      g_array_append_val (scan->bounds, bounds);
    }
}

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->items, g_ptr_array_unref);
  g_clear_pointer (&scan->bounds, g_array_unref);
}

static GtmItem *
scan_hit (Scan     *scan,
          GtmBoard *board,
          double    x,
          double    y,
          double    tolerance)
{
  for (guint i = scan->items->len; i > 0; i--)
    if (gtm_hit_test_item (board, g_ptr_array_index (scan->items, i - 1),
                           &g_array_index (scan->bounds, GtmRect, i - 1), x, y, tolerance))
      return g_ptr_array_index (scan->items, i - 1);

  return NULL;
}

static GPtrArray *
scan_rect (Scan          *scan,
           GtmBoard      *board,
           const GtmRect *rect,
           GtmRectMatch   match)
{
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < scan->items->len; i++)
    if (gtm_hit_test_item_in_rect (board, g_ptr_array_index (scan->items, i),
                                   &g_array_index (scan->bounds, GtmRect, i), rect, match))
      g_ptr_array_add (result, g_ptr_array_index (scan->items, i));

  return result;
}

/* A point near some item, where hits are interesting, or anywhere. */
static void
random_point (GRand *rand,
              Scan  *scan,
              double spread,
              double *x,
              double *y)
{
  if (scan->items->len > 0 && g_rand_int_range (rand, 0, 4) != 0)
    {
      const GtmRect *r = &g_array_index (scan->bounds, GtmRect,
                                         g_rand_int_range (rand, 0, scan->items->len));

      *x = r->x + r->width * g_rand_double_range (rand, -0.1, 1.1);
      *y = r->y + r->height * g_rand_double_range (rand, -0.1, 1.1);
    }
  else
    {
      *x = rand_coord (rand, spread * 1.2);
      *y = rand_coord (rand, spread * 1.2);
    }
}

static double
random_tolerance (GRand *rand)
{
  static const double tolerances[] = { 0, 0.5, 4, 4 / 0.25, 4 / 0.1 };

  return tolerances[g_rand_int_range (rand, 0, G_N_ELEMENTS (tolerances))];
}

/* Fails, saying which run and what differed. */
#define mismatch(seed, ...) \
  G_STMT_START { \
    g_autofree char *what_ = g_strdup_printf (__VA_ARGS__); \
    g_test_message ("seed %u: %s", (seed), what_); \
    g_error ("seed %u: %s (rerun with GTM_TEST_SEED)", (seed), what_); \
  } G_STMT_END

static void
check_against_scan (GtmSpatialIndex *index,
                    GtmBoard        *board,
                    GRand           *rand,
                    guint32          seed,
                    double           spread,
                    guint            n_points,
                    guint            n_rects)
{
  Scan scan;

  scan_init (&scan, board);

  /* The index holds every item, where it is drawn, in z-order. */
  for (guint i = 0; i < scan.items->len; i++)
    {
      GtmItem *item = g_ptr_array_index (scan.items, i);
      const GtmRect *want = &g_array_index (scan.bounds, GtmRect, i);
      gboolean draws = want->width > 0 && want->height > 0;
      GtmRect got;

      if (gtm_spatial_index_get_z (index, item) != (int) i)
        mismatch (seed, "%s is at %d in the index, %u on the board",
                  describe (item), gtm_spatial_index_get_z (index, item), i);
      if (gtm_spatial_index_get_bounds (index, item, &got) != draws ||
          (draws && memcmp (&got, want, sizeof got) != 0))
        mismatch (seed, "%s: indexed bounds (%g, %g, %g, %g), drawn (%g, %g, %g, %g)",
                  describe (item), got.x, got.y, got.width, got.height,
                  want->x, want->y, want->width, want->height);
    }

  for (guint i = 0; i < n_points; i++)
    {
      double x, y, tolerance = random_tolerance (rand);
      GtmItem *want, *got;

      random_point (rand, &scan, spread, &x, &y);
      want = scan_hit (&scan, board, x, y, tolerance);
      got = gtm_spatial_index_hit (index, x, y, tolerance);
      if (got != want)
        mismatch (seed, "at (%.17g, %.17g) ± %g the index picks %s, a scan %s",
                  x, y, tolerance, describe (got), describe (want));
    }

  for (guint i = 0; i < n_rects + 1; i++)
    {
      GtmRectMatch match = g_rand_boolean (rand) ? GTM_RECT_MATCH_CONTAINS : GTM_RECT_MATCH_INTERSECTS;
      g_autoptr(GPtrArray) want = NULL;
      g_autoptr(GPtrArray) got = NULL;
      g_autofree char *want_text = NULL;
      g_autofree char *got_text = NULL;
      GtmRect rect;

      if (i == n_rects)
        /* All of it. */
        rect = (GtmRect) { -2e6, -2e6, 4e6, 4e6 };
      else
        {
          double x1, y1, x2, y2;

          random_point (rand, &scan, spread, &x1, &y1);
          random_point (rand, &scan, spread, &x2, &y2);
          rect = (GtmRect) { x1, y1, x2 - x1, y2 - y1 };
        }

      want = scan_rect (&scan, board, &rect, match);
      got = gtm_spatial_index_query_rect (index, &rect, match);
      want_text = describe_items (want);
      got_text = describe_items (got);
      if (g_strcmp0 (want_text, got_text) != 0)
        mismatch (seed, "rectangle (%.17g, %.17g, %.17g, %.17g) %s: index [%s], scan [%s]",
                  rect.x, rect.y, rect.width, rect.height,
                  match == GTM_RECT_MATCH_CONTAINS ? "contains" : "intersects",
                  got_text, want_text);
    }

  scan_clear (&scan);
}

static void
test_random_small (void)
{
  guint32 seed = base_seed ();

  g_test_message ("seeds %u to %u", seed, seed + 999);

  for (guint run = 0; run < 1000; run++)
    {
      g_autoptr(GtmBoard) board = gtm_board_new ("Random");
      g_autoptr(GtmHistory) history = gtm_history_new ();
      g_autoptr(GtmSpatialIndex) index = NULL;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed + run);
      guint n = g_rand_int_range (rand, 0, 60);
      /* Crowded, spread out, and a million units apart. */
      double spread = run % 10 == 9 ? GTM_ITEM_COORD_LIMIT - GTM_ITEM_SIZE_MAX
                                    : g_rand_double_range (rand, 100, 3000);

      /* Half the runs index a full board, half follow it being filled. */
      if (run % 2 == 0)
        {
          fill_board (rand, board, history, n, spread);
          index = gtm_spatial_index_new (board);
        }
      else
        {
          index = gtm_spatial_index_new (board);
          fill_board (rand, board, history, n, spread);
        }

      check_against_scan (index, board, rand, seed + run, spread, 100, 10);
    }
}

static void
test_random_large (void)
{
  guint32 seed = base_seed () + 5000;
  guint n_boards = g_test_slow () ? 5 : 3;

  g_test_message ("seeds %u to %u", seed, seed + n_boards - 1);

  for (guint run = 0; run < n_boards; run++)
    {
      g_autoptr(GtmBoard) board = gtm_board_new ("Random");
      g_autoptr(GtmHistory) history = gtm_history_new ();
      g_autoptr(GtmSpatialIndex) index = NULL;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed + run);
      double spread = run == 1 ? GTM_ITEM_COORD_LIMIT - GTM_ITEM_SIZE_MAX : 20000;

      fill_board (rand, board, history, 10000, spread);
      index = gtm_spatial_index_new (board);
      check_against_scan (index, board, rand, seed + run, spread, 400, 20);
    }
}

/* One random edit through the history, as the editor would make it. */
static void
random_edit (GRand      *rand,
             GtmBoard   *board,
             GtmHistory *history,
             double      spread)
{
  GListModel *items = gtm_board_get_items (board);
  guint n = g_list_model_get_n_items (items);
  GtmItem *item = random_on_board (rand, board);
  guint what = g_rand_int_range (rand, 0, 100);

  if (item == NULL || what < 12)
    {
      GtmItem *added = g_rand_int_range (rand, 0, 3) == 0 ? random_connector (rand, board) : NULL;

      if (added == NULL)
        added = random_box_item (rand, spread);
      gtm_board_add_item (board, history, added);
      g_object_unref (added);
    }
  else if (what < 30)
    {
      /* A drag: many small moves, one step. */
      double x = gtm_item_get_x (item), y = gtm_item_get_y (item);
      double dx = g_rand_double_range (rand, -30, 30), dy = g_rand_double_range (rand, -30, 30);

      gtm_history_begin (history, "Move");
      for (guint i = 1; i <= 6; i++)
        gtm_history_set (history, GTM_NODE (item), "x", x + i * dx, "y", y + i * dy, NULL);
      gtm_history_end (history);
    }
  else if (what < 38)
    gtm_history_set (history, GTM_NODE (item),
                     "x", rand_coord (rand, spread), "y", rand_coord (rand, spread), NULL);
  else if (what < 46)
    gtm_history_set (history, GTM_NODE (item),
                     "width", g_rand_double_range (rand, 1, 800),
                     "height", g_rand_double_range (rand, 1, 800), NULL);
  else if (what < 53)
    gtm_board_remove_item (board, history, item);
  else if (what < 56)
    /* Alone: its connectors stay, dangling, until undone. */
    gtm_history_remove (history, GTM_NODE (board), "items", g_rand_int_range (rand, 0, n));
  else if (what < 64 && n > 1)
    gtm_history_move (history, GTM_NODE (board), "items",
                      g_rand_int_range (rand, 0, n), g_rand_int_range (rand, 0, n));
  else if (what < 68)
    gtm_history_set (history, GTM_NODE (item), "text",
                     g_rand_boolean (rand) ? "" : "定价 Pricing tiers", NULL);
  else if (what < 72 && GTM_IS_SHAPE (item))
    gtm_history_set (history, GTM_NODE (item), "shape", g_rand_int_range (rand, 0, 4), NULL);
  else if (what < 78 && GTM_IS_CONNECTOR (item))
    {
      GtmItem *end = random_on_board (rand, board);

      /* Files never hold a connector joined to itself (nor to another
       * connector, which the index copes with: such a connector draws
       * nothing), and gtm_board_remove_item() does not expect one. */
      if (end == item)
        return;

      gtm_history_set (history, GTM_NODE (item),
                       g_rand_boolean (rand) ? "source" : "target",
                       gtm_node_get_id (GTM_NODE (end)), NULL);
    }
  else if (what < 90)
    gtm_history_undo (history);
  else
    gtm_history_redo (history);
}

static void
test_random_edits (void)
{
  guint32 seed = base_seed () + 10000;
  guint n_runs = g_test_slow () ? 1000 : 200;

  g_test_message ("seeds %u to %u", seed, seed + n_runs - 1);

  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr(GtmBoard) board = gtm_board_new ("Random");
      g_autoptr(GtmHistory) history = gtm_history_new ();
      g_autoptr(GtmSpatialIndex) index = gtm_spatial_index_new (board);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed + run);
      double spread = run % 10 == 9 ? GTM_ITEM_COORD_LIMIT - GTM_ITEM_SIZE_MAX : 600;

      fill_board (rand, board, history, g_rand_int_range (rand, 0, 40), spread);

      for (guint step = 0; step < 40; step++)
        {
          random_edit (rand, board, history, spread);
          check_against_scan (index, board, rand, seed + run, spread, 20, 2);
        }

      /* Everything undone, then everything redone. */
      while (gtm_history_undo (history))
        ;
      check_against_scan (index, board, rand, seed + run, spread, 20, 2);
      while (gtm_history_redo (history))
        ;
      check_against_scan (index, board, rand, seed + run, spread, 20, 2);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  random_png = tiny_png ();

  g_test_add_func ("/hit-test/geometry/box", test_geometry_box);
  g_test_add_func ("/hit-test/geometry/rounded-box", test_geometry_rounded_box);
  g_test_add_func ("/hit-test/geometry/ellipse", test_geometry_ellipse);
  g_test_add_func ("/hit-test/geometry/diamond", test_geometry_diamond);
  g_test_add_func ("/hit-test/geometry/segment", test_geometry_segment);
  g_test_add_func ("/hit-test/geometry/rect-matches", test_geometry_rect_matches);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hit-test/geometry/matches-rendering", test_geometry_matches_rendering);
  ADD ("/spatial-index/hit/ellipse-corner", test_hit_ellipse_corner);
  ADD ("/spatial-index/hit/diamond-corner", test_hit_diamond_corner);
  ADD ("/spatial-index/hit/rounded-corner", test_hit_rounded_corner);
  ADD ("/spatial-index/hit/topmost", test_hit_topmost);
  ADD ("/spatial-index/hit/connector", test_hit_connector);
  ADD ("/spatial-index/hit/connector-end-comes-and-goes", test_hit_connector_end_comes_and_goes);
  ADD ("/spatial-index/hit/connector-label", test_hit_connector_label);
  ADD ("/spatial-index/hit/frame", test_hit_frame);
  ADD ("/spatial-index/hit/other-items", test_hit_other_items);
  ADD ("/spatial-index/query/rect", test_query_rect);
  ADD ("/spatial-index/query/visible", test_query_visible);
  ADD ("/spatial-index/huge-and-far", test_huge_and_far);
  ADD ("/spatial-index/lifetime", test_lifetime);

  g_test_add_func ("/spatial-index/random/small-boards", test_random_small);
  g_test_add_func ("/spatial-index/random/large-boards", test_random_large);
  g_test_add_func ("/spatial-index/random/edits", test_random_edits);

  status = g_test_run ();

  g_bytes_unref (random_png);

  return status;
}
