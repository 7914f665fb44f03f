/* gtm-hit-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-hit-test"

#include "config.h"

#include <math.h>

#include "gtm-hit-test.h"
#include "gtm-frame.h"
#include "gtm-shape.h"

gboolean
gtm_hit_test_point_in_box (const GtmRect *box,
                           double         x,
                           double         y)
{
  g_return_val_if_fail (box != NULL, FALSE);

  return x >= box->x && x <= box->x + box->width &&
         y >= box->y && y <= box->y + box->height;
}

gboolean
gtm_hit_test_point_in_rounded_box (const GtmRect *box,
                                   double         radius,
                                   double         x,
                                   double         y)
{
  double cx, cy;

  g_return_val_if_fail (box != NULL, FALSE);

  if (!gtm_hit_test_point_in_box (box, x, y))
    return FALSE;

  radius = CLAMP (radius, 0, MIN (box->width, box->height) / 2);
  if (radius <= 0)
    return TRUE;

  /* The centre of the corner's circle nearest to the point; outside the
   * corner squares the point is in the box proper. */
  cx = CLAMP (x, box->x + radius, box->x + box->width - radius);
  cy = CLAMP (y, box->y + radius, box->y + box->height - radius);

  return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
}

gboolean
gtm_hit_test_point_in_ellipse (const GtmRect *box,
                               double         x,
                               double         y)
{
  double rx, ry, dx, dy;

  g_return_val_if_fail (box != NULL, FALSE);

  rx = box->width / 2;
  ry = box->height / 2;
  if (!(rx > 0 && ry > 0))
    return FALSE;

  dx = (x - (box->x + rx)) / rx;
  dy = (y - (box->y + ry)) / ry;

  return dx * dx + dy * dy <= 1.0;
}

gboolean
gtm_hit_test_point_in_diamond (const GtmRect *box,
                               double         x,
                               double         y)
{
  double rx, ry;

  g_return_val_if_fail (box != NULL, FALSE);

  rx = box->width / 2;
  ry = box->height / 2;
  if (!(rx > 0 && ry > 0))
    return FALSE;

  return fabs (x - (box->x + rx)) / rx + fabs (y - (box->y + ry)) / ry <= 1.0;
}

double
gtm_hit_test_segment_distance (double x1,
                               double y1,
                               double x2,
                               double y2,
                               double x,
                               double y)
{
  double dx = x2 - x1;
  double dy = y2 - y1;
  double length2 = dx * dx + dy * dy;
  double t = 0;

  if (length2 > 0)
    t = CLAMP (((x - x1) * dx + (y - y1) * dy) / length2, 0.0, 1.0);

  return hypot (x - (x1 + t * dx), y - (y1 + t * dy));
}

gboolean
gtm_hit_test_item_box (GtmItem *item,
                       GtmRect *box)
{
  g_return_val_if_fail (GTM_IS_ITEM (item), FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  if (GTM_IS_CONNECTOR (item))
    {
      *box = (GtmRect) { 0, 0, 0, 0 };
      return FALSE;
    }

  box->x = gtm_item_get_x (item);
  box->y = gtm_item_get_y (item);
  box->width = gtm_item_get_width (item);
  box->height = gtm_item_get_height (item);

  return TRUE;
}

gboolean
gtm_hit_test_point_in_outline (GtmItem *item,
                               double   x,
                               double   y)
{
  GtmRect box;

  g_return_val_if_fail (GTM_IS_ITEM (item), FALSE);

  if (!gtm_hit_test_item_box (item, &box))
    return FALSE;

  if (GTM_IS_SHAPE (item))
    {
      switch (gtm_shape_get_shape (GTM_SHAPE (item)))
        {
        case GTM_SHAPE_ROUNDED_RECTANGLE:
          return gtm_hit_test_point_in_rounded_box (&box, gtm_render_shape_radius (&box), x, y);
        case GTM_SHAPE_ELLIPSE:
          return gtm_hit_test_point_in_ellipse (&box, x, y);
        case GTM_SHAPE_DIAMOND:
          return gtm_hit_test_point_in_diamond (&box, x, y);
        case GTM_SHAPE_RECTANGLE:
        default:
          break;
        }
    }

  return gtm_hit_test_point_in_box (&box, x, y);
}

/* The items a connector joins, when it joins two distinct boxed items. */
static gboolean
connector_ends (GtmBoard      *board,
                GtmConnector  *connector,
                GtmItem      **source,
                GtmItem      **target)
{
  *source = gtm_board_lookup_item (board, gtm_connector_get_source (connector));
  *target = gtm_board_lookup_item (board, gtm_connector_get_target (connector));

  return *source != NULL && *target != NULL && *source != *target &&
         !GTM_IS_CONNECTOR (*source) && !GTM_IS_CONNECTOR (*target);
}

static gboolean
has_text (GtmItem *item)
{
  const char *text = gtm_item_get_text (item);

  return text != NULL && text[0] != '\0';
}

static gboolean
point_in_text_area (GtmBoard *board,
                    GtmItem  *item,
                    double    grow,
                    double    x,
                    double    y)
{
  GtmRect area;

  if (!has_text (item) || !gtm_render_item_text_area (board, item, &area))
    return FALSE;

  area.x -= grow;
  area.y -= grow;
  area.width += 2 * grow;
  area.height += 2 * grow;

  return gtm_hit_test_point_in_box (&area, x, y);
}

static gboolean
connector_hit (GtmBoard *board,
               GtmItem  *item,
               double    x,
               double    y,
               double    tolerance)
{
  GtmConnector *connector = GTM_CONNECTOR (item);
  GtmItem *source, *target;
  double sx, sy, tx, ty;

  /* The label is drawn over the line and whatever lies below. */
  if (point_in_text_area (board, item, tolerance, x, y))
    return TRUE;

  if (!connector_ends (board, connector, &source, &target) ||
      !gtm_render_connector_line (board, connector, &sx, &sy, &tx, &ty))
    return FALSE;

  if (gtm_hit_test_segment_distance (sx, sy, tx, ty, x, y) > tolerance)
    return FALSE;

  /* The drawn line stops short of the items it joins: over them, the
   * pointer is on the item, not on the connector. */
  return !gtm_hit_test_point_in_outline (source, x, y) &&
         !gtm_hit_test_point_in_outline (target, x, y);
}

static gboolean
draws_something (const GtmRect *bounds)
{
  return bounds->width > 0 && bounds->height > 0 &&
         isfinite (bounds->x) && isfinite (bounds->y) &&
         isfinite (bounds->width) && isfinite (bounds->height);
}

gboolean
gtm_hit_test_item (GtmBoard      *board,
                   GtmItem       *item,
                   const GtmRect *bounds,
                   double         x,
                   double         y,
                   double         tolerance)
{
  GtmRect own;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (GTM_IS_ITEM (item), FALSE);

  if (bounds == NULL)
    {
      gtm_render_item_bounds (board, item, &own);
      bounds = &own;
    }

  if (!(tolerance > 0))
    tolerance = 0;

  /* Nothing outside what is drawn is ever hit, which also lets an index
   * find every candidate from the bounds alone. */
  if (!draws_something (bounds) ||
      x < bounds->x - tolerance || x > bounds->x + bounds->width + tolerance ||
      y < bounds->y - tolerance || y > bounds->y + bounds->height + tolerance)
    return FALSE;

  if (GTM_IS_CONNECTOR (item))
    return connector_hit (board, item, x, y, tolerance);

  if (gtm_hit_test_point_in_outline (item, x, y))
    return TRUE;

  /* A frame's title sits above its box. */
  return GTM_IS_FRAME (item) && point_in_text_area (board, item, 0, x, y);
}

gboolean
gtm_hit_test_rect_matches (const GtmRect *box,
                           const GtmRect *bounds,
                           const GtmRect *rect,
                           GtmRectMatch   match)
{
  double x1, y1, x2, y2;

  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!draws_something (bounds))
    return FALSE;

  x1 = MIN (rect->x, rect->x + rect->width);
  x2 = MAX (rect->x, rect->x + rect->width);
  y1 = MIN (rect->y, rect->y + rect->height);
  y2 = MAX (rect->y, rect->y + rect->height);

  if (match == GTM_RECT_MATCH_CONTAINS)
    {
      const GtmRect *r = box != NULL ? box : bounds;

      return r->x >= x1 && r->x + r->width <= x2 &&
             r->y >= y1 && r->y + r->height <= y2;
    }

  /* Strict, as gtm_render_board() culls: touching is not overlapping. */
  return bounds->x < x2 && bounds->x + bounds->width > x1 &&
         bounds->y < y2 && bounds->y + bounds->height > y1;
}

gboolean
gtm_hit_test_item_in_rect (GtmBoard      *board,
                           GtmItem       *item,
                           const GtmRect *bounds,
                           const GtmRect *rect,
                           GtmRectMatch   match)
{
  GtmRect own, box;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (GTM_IS_ITEM (item), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (bounds == NULL)
    {
      gtm_render_item_bounds (board, item, &own);
      bounds = &own;
    }

  return gtm_hit_test_rect_matches (gtm_hit_test_item_box (item, &box) ? &box : NULL,
                                    bounds, rect, match);
}
