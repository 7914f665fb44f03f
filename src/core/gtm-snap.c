/* gtm-snap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-snap"

#include "config.h"

#include <math.h>

#include "gtm-item.h"
#include "gtm-snap.h"

/* Lines closer than this, in board units, are the same line. Coordinates
 * stay within ±10⁶, where a double still resolves 10⁻¹⁰. */
#define LINE_EPSILON 1e-6

typedef enum
{
  AXIS_X,
  AXIS_Y,
} Axis;

typedef enum
{
  DRIVER_AUTO,
  DRIVER_X,
  DRIVER_Y,
} Driver;

static double
rect_start (const GtmRect *rect,
            Axis           axis)
{
  return axis == AXIS_X ? rect->x : rect->y;
}

static double
rect_size (const GtmRect *rect,
           Axis           axis)
{
  return axis == AXIS_X ? rect->width : rect->height;
}

/* Start, centre and end of @rect along @axis. */
static void
rect_lines (const GtmRect *rect,
            Axis           axis,
            double         lines[3])
{
  double start = rect_start (rect, axis);
  double size = rect_size (rect, axis);

  lines[0] = start;
  lines[1] = start + size / 2.0;
  lines[2] = start + size;
}

void
gtm_snap_options_init (GtmSnapOptions *options,
                       double          zoom,
                       double          grid)
{
  g_return_if_fail (options != NULL);

  options->flags = GTM_SNAP_ALL;
  options->zoom = zoom;
  options->threshold = GTM_SNAP_THRESHOLD_PX;
  options->grid = grid;
}

static gboolean
options_are_valid (const GtmSnapOptions *options)
{
  return isfinite (options->zoom) && options->zoom > 0 &&
         isfinite (options->threshold) && isfinite (options->grid);
}

/* The smallest correction, at most @reach, that puts one of @lines on a
 * start, centre or end of one of @others. */
static gboolean
nearest_item_line (const double  *lines,
                   guint          n_lines,
                   Axis           axis,
                   const GtmRect *others,
                   guint          n_others,
                   double         reach,
                   double        *correction)
{
  gboolean found = FALSE;
  double best = 0.0;

  for (guint i = 0; i < n_others; i++)
    {
      double other_lines[3];

      rect_lines (&others[i], axis, other_lines);
      for (guint j = 0; j < n_lines; j++)
        for (guint k = 0; k < G_N_ELEMENTS (other_lines); k++)
          {
            double d = other_lines[k] - lines[j];

            if (fabs (d) <= reach && (!found || fabs (d) < fabs (best)))
              {
                best = d;
                found = TRUE;
              }
          }
    }

  *correction = best;
  return found;
}

/* Snaps one axis: to the items' lines when one is in reach, else @grid_line
 * to the grid. */
static GtmSnapTarget
snap_axis (const double         *lines,
           guint                 n_lines,
           double                grid_line,
           Axis                  axis,
           const GtmSnapOptions *options,
           const GtmRect        *others,
           guint                 n_others,
           double               *correction)
{
  *correction = 0.0;

  if ((options->flags & GTM_SNAP_ITEMS) && options->threshold > 0 &&
      nearest_item_line (lines, n_lines, axis, others, n_others,
                         options->threshold / options->zoom, correction))
    return GTM_SNAP_TARGET_ITEM;

  if ((options->flags & GTM_SNAP_GRID) && options->grid > 0)
    {
      *correction = round (grid_line / options->grid) * options->grid - grid_line;
      return GTM_SNAP_TARGET_GRID;
    }

  return GTM_SNAP_TARGET_NONE;
}

/* Adds the guide through @position along @axis (x lines give vertical
 * guides) if one of @others has an edge or centre on it. */
static void
add_guide (GtmSnapResult *result,
           Axis           axis,
           double         position,
           const GtmRect *others,
           guint          n_others)
{
  GtmGuideOrientation orientation = axis == AXIS_X ? GTM_GUIDE_VERTICAL : GTM_GUIDE_HORIZONTAL;
  Axis across = axis == AXIS_X ? AXIS_Y : AXIS_X;
  double start = rect_start (&result->rect, across);
  double end = start + rect_size (&result->rect, across);
  gboolean found = FALSE;
  GtmGuide *guide;

  if (result->n_guides == GTM_SNAP_MAX_GUIDES)
    return;

  for (guint i = 0; i < result->n_guides; i++)
    if (result->guides[i].orientation == orientation &&
        fabs (result->guides[i].position - position) <= LINE_EPSILON)
      return;

  for (guint i = 0; i < n_others; i++)
    {
      double lines[3];

      rect_lines (&others[i], axis, lines);
      for (guint k = 0; k < G_N_ELEMENTS (lines); k++)
        if (fabs (lines[k] - position) <= LINE_EPSILON)
          {
            double other_start = rect_start (&others[i], across);

            start = MIN (start, other_start);
            end = MAX (end, other_start + rect_size (&others[i], across));
            found = TRUE;
            break;
          }
    }

  if (!found)
    return;

  guide = &result->guides[result->n_guides++];
  guide->orientation = orientation;
  guide->position = position;
  guide->start = start;
  guide->end = end;
}

static void
result_init (GtmSnapResult *result,
             const GtmRect *rect)
{
  result->rect = *rect;
  result->x_target = GTM_SNAP_TARGET_NONE;
  result->y_target = GTM_SNAP_TARGET_NONE;
  result->n_guides = 0;
}

void
gtm_snap_move (const GtmRect        *rect,
               const GtmSnapOptions *options,
               const GtmRect        *others,
               guint                 n_others,
               GtmSnapResult        *result)
{
  double lines[3];
  double cx, cy;

  g_return_if_fail (rect != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (others != NULL || n_others == 0);
  g_return_if_fail (result != NULL);

  result_init (result, rect);

  if (!options_are_valid (options))
    g_return_if_reached ();

  rect_lines (rect, AXIS_X, lines);
  result->x_target = snap_axis (lines, 3, rect->x, AXIS_X, options, others, n_others, &cx);
  rect_lines (rect, AXIS_Y, lines);
  result->y_target = snap_axis (lines, 3, rect->y, AXIS_Y, options, others, n_others, &cy);

  result->rect.x += cx;
  result->rect.y += cy;

  if (!(options->flags & GTM_SNAP_ITEMS))
    return;

  rect_lines (&result->rect, AXIS_X, lines);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    add_guide (result, AXIS_X, lines[i], others, n_others);
  rect_lines (&result->rect, AXIS_Y, lines);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    add_guide (result, AXIS_Y, lines[i], others, n_others);
}

/* Which edge a handle moves along each axis: -1 the start (left, top),
 * +1 the end (right, bottom), 0 neither. */
static void
handle_sides (GtmResizeHandle  handle,
              int             *side_x,
              int             *side_y)
{
  static const int sides[][2] = {
    [GTM_RESIZE_HANDLE_NONE]         = {  0,  0 },
    [GTM_RESIZE_HANDLE_TOP_LEFT]     = { -1, -1 },
    [GTM_RESIZE_HANDLE_TOP]          = {  0, -1 },
    [GTM_RESIZE_HANDLE_TOP_RIGHT]    = {  1, -1 },
    [GTM_RESIZE_HANDLE_RIGHT]        = {  1,  0 },
    [GTM_RESIZE_HANDLE_BOTTOM_RIGHT] = {  1,  1 },
    [GTM_RESIZE_HANDLE_BOTTOM]       = {  0,  1 },
    [GTM_RESIZE_HANDLE_BOTTOM_LEFT]  = { -1,  1 },
    [GTM_RESIZE_HANDLE_LEFT]         = { -1,  0 },
  };

  if ((guint) handle >= G_N_ELEMENTS (sides))
    handle = GTM_RESIZE_HANDLE_NONE;

  *side_x = sides[handle][0];
  *side_y = sides[handle][1];
}

/* One axis of a resize. */
typedef struct
{
  double start;   /* of the original */
  double size;    /* of the original, within the item limits */
  int    side;    /* the edge the handle moves, as in handle_sides() */
  double anchor;  /* the edge that stays */
  double edge;    /* where the pointer took the moving edge */
  double extent;  /* edge − anchor, positive on the original side */
} Span;

static void
span_init (Span   *span,
           double  start,
           double  size,
           int     side,
           double  delta)
{
  span->start = start;
  span->size = CLAMP (size, GTM_ITEM_SIZE_MIN, GTM_ITEM_SIZE_MAX);
  span->side = side;
  span->anchor = side >= 0 ? start : start + span->size;
  span->edge = (side >= 0 ? start + span->size : start) + (side != 0 ? delta : 0.0);
  span->extent = (span->edge - span->anchor) * (side != 0 ? side : 1);
}

/* Lays out @size along the span: from the anchor towards the pointer, or
 * about the original centre for the axis the handle does not move. */
static void
span_place (const Span *span,
            double      size,
            double     *start,
            double     *moving_edge)
{
  int direction;

  if (span->side == 0)
    {
      *start = span->start + (span->size - size) / 2.0;
      *moving_edge = *start + size;
      return;
    }

  direction = span->extent < 0 ? -span->side : span->side;
  *start = direction > 0 ? span->anchor : span->anchor - size;
  *moving_edge = span->anchor + direction * size;
}

/* gtm_resize_rect(), also giving where the moving edges ended up. With
 * the aspect kept on a corner, @driver names the side that sets the
 * scale. */
static void
resize (const GtmRect   *original,
        GtmResizeHandle  handle,
        double           dx,
        double           dy,
        GtmResizeFlags   flags,
        Driver           driver,
        GtmRect         *result,
        double          *edge_x,
        double          *edge_y)
{
  int side_x, side_y;
  Span span_x, span_y;
  double width, height;

  handle_sides (handle, &side_x, &side_y);
  span_init (&span_x, original->x, original->width, side_x, dx);
  span_init (&span_y, original->y, original->height, side_y, dy);

  if (!(flags & GTM_RESIZE_KEEP_ASPECT) || (side_x == 0 && side_y == 0))
    {
      width = side_x != 0
        ? CLAMP (fabs (span_x.extent), GTM_ITEM_SIZE_MIN, GTM_ITEM_SIZE_MAX)
        : span_x.size;
      height = side_y != 0
        ? CLAMP (fabs (span_y.extent), GTM_ITEM_SIZE_MIN, GTM_ITEM_SIZE_MAX)
        : span_y.size;
    }
  else
    {
      /* One factor for both sides, within the limits of each. */
      double lowest = MAX (GTM_ITEM_SIZE_MIN / span_x.size, GTM_ITEM_SIZE_MIN / span_y.size);
      double highest = MIN (GTM_ITEM_SIZE_MAX / span_x.size, GTM_ITEM_SIZE_MAX / span_y.size);
      double factor_x = fabs (span_x.extent) / span_x.size;
      double factor_y = fabs (span_y.extent) / span_y.size;
      double factor;

      if (side_y == 0)
        factor = factor_x;
      else if (side_x == 0)
        factor = factor_y;
      else if (driver == DRIVER_X)
        factor = factor_x;
      else if (driver == DRIVER_Y)
        factor = factor_y;
      else
        factor = fabs (factor_x - 1.0) >= fabs (factor_y - 1.0) ? factor_x : factor_y;

      factor = CLAMP (factor, lowest, highest);
      width = span_x.size * factor;
      height = span_y.size * factor;

      /* The side the pointer drives keeps its exact length. */
      if (side_x != 0 && factor == factor_x)
        width = fabs (span_x.extent);
      if (side_y != 0 && factor == factor_y)
        height = fabs (span_y.extent);
    }

  result->width = width;
  result->height = height;
  span_place (&span_x, width, &result->x, edge_x);
  span_place (&span_y, height, &result->y, edge_y);
}

void
gtm_resize_rect (const GtmRect   *original,
                 GtmResizeHandle  handle,
                 double           dx,
                 double           dy,
                 GtmResizeFlags   flags,
                 GtmRect         *result)
{
  double edge_x, edge_y;

  g_return_if_fail (original != NULL);
  g_return_if_fail (result != NULL);

  resize (original, handle, dx, dy, flags, DRIVER_AUTO, result, &edge_x, &edge_y);
}

/* Whether snapping by @b_correction to @b beats snapping by @a_correction
 * to @a: items before the grid, then the nearer. */
static gboolean
snap_is_better (GtmSnapTarget b,
                double        b_correction,
                GtmSnapTarget a,
                double        a_correction)
{
  if (a != b)
    return b == GTM_SNAP_TARGET_ITEM || a == GTM_SNAP_TARGET_NONE;

  return fabs (b_correction) < fabs (a_correction);
}

void
gtm_snap_resize (const GtmRect        *original,
                 GtmResizeHandle       handle,
                 double                dx,
                 double                dy,
                 GtmResizeFlags        flags,
                 const GtmSnapOptions *options,
                 const GtmRect        *others,
                 guint                 n_others,
                 GtmSnapResult        *result)
{
  GtmRect rect;
  int side_x, side_y;
  double edge_x, edge_y;
  double cx = 0.0, cy = 0.0;
  double target_x, target_y;
  GtmSnapTarget x_target = GTM_SNAP_TARGET_NONE;
  GtmSnapTarget y_target = GTM_SNAP_TARGET_NONE;
  Driver driver = DRIVER_AUTO;
  gboolean corner_with_aspect;

  g_return_if_fail (original != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (others != NULL || n_others == 0);
  g_return_if_fail (result != NULL);

  handle_sides (handle, &side_x, &side_y);
  resize (original, handle, dx, dy, flags, DRIVER_AUTO, &rect, &edge_x, &edge_y);
  result_init (result, &rect);

  if (!options_are_valid (options))
    g_return_if_reached ();

  if (side_x != 0)
    x_target = snap_axis (&edge_x, 1, edge_x, AXIS_X, options, others, n_others, &cx);
  if (side_y != 0)
    y_target = snap_axis (&edge_y, 1, edge_y, AXIS_Y, options, others, n_others, &cy);

  /* Keeping the ratio, one side can snap; the other follows it. */
  corner_with_aspect = (flags & GTM_RESIZE_KEEP_ASPECT) && side_x != 0 && side_y != 0;
  if (corner_with_aspect && x_target != GTM_SNAP_TARGET_NONE && y_target != GTM_SNAP_TARGET_NONE)
    {
      if (snap_is_better (y_target, cy, x_target, cx))
        x_target = GTM_SNAP_TARGET_NONE;
      else
        y_target = GTM_SNAP_TARGET_NONE;
    }

  target_x = edge_x + cx;
  target_y = edge_y + cy;

  if (x_target != GTM_SNAP_TARGET_NONE || y_target != GTM_SNAP_TARGET_NONE)
    {
      /* The pointer delta that takes the moving edge to its target. */
      if (x_target != GTM_SNAP_TARGET_NONE)
        {
          dx = target_x - (side_x > 0 ? original->x + CLAMP (original->width, GTM_ITEM_SIZE_MIN, GTM_ITEM_SIZE_MAX)
                                      : original->x);
          if (corner_with_aspect)
            driver = DRIVER_X;
        }
      if (y_target != GTM_SNAP_TARGET_NONE)
        {
          dy = target_y - (side_y > 0 ? original->y + CLAMP (original->height, GTM_ITEM_SIZE_MIN, GTM_ITEM_SIZE_MAX)
                                      : original->y);
          if (corner_with_aspect)
            driver = DRIVER_Y;
        }

      resize (original, handle, dx, dy, flags, driver, &result->rect, &edge_x, &edge_y);

      /* The size limits win over a snap. */
      if (fabs (edge_x - target_x) > LINE_EPSILON)
        x_target = GTM_SNAP_TARGET_NONE;
      if (fabs (edge_y - target_y) > LINE_EPSILON)
        y_target = GTM_SNAP_TARGET_NONE;
    }

  result->x_target = x_target;
  result->y_target = y_target;

  if (!(options->flags & GTM_SNAP_ITEMS))
    return;

  if (side_x != 0)
    add_guide (result, AXIS_X, edge_x, others, n_others);
  if (side_y != 0)
    add_guide (result, AXIS_Y, edge_y, others, n_others);
}

void
gtm_resize_handle_get_point (const GtmRect   *rect,
                             GtmResizeHandle  handle,
                             double          *x,
                             double          *y)
{
  int side_x, side_y;

  g_return_if_fail (rect != NULL);
  g_return_if_fail (handle != GTM_RESIZE_HANDLE_NONE);

  handle_sides (handle, &side_x, &side_y);

  if (x != NULL)
    *x = rect->x + rect->width * (side_x + 1) / 2.0;
  if (y != NULL)
    *y = rect->y + rect->height * (side_y + 1) / 2.0;
}

GtmResizeHandle
gtm_resize_handle_at (const GtmRect *rect,
                      double         zoom,
                      double         radius,
                      double         x,
                      double         y)
{
  /* Corners first, so that they win ties on small items. */
  static const GtmResizeHandle order[] = {
    GTM_RESIZE_HANDLE_TOP_LEFT, GTM_RESIZE_HANDLE_TOP_RIGHT,
    GTM_RESIZE_HANDLE_BOTTOM_RIGHT, GTM_RESIZE_HANDLE_BOTTOM_LEFT,
    GTM_RESIZE_HANDLE_TOP, GTM_RESIZE_HANDLE_RIGHT,
    GTM_RESIZE_HANDLE_BOTTOM, GTM_RESIZE_HANDLE_LEFT,
  };
  GtmResizeHandle best = GTM_RESIZE_HANDLE_NONE;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (rect != NULL, GTM_RESIZE_HANDLE_NONE);
  g_return_val_if_fail (zoom > 0, GTM_RESIZE_HANDLE_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      double hx, hy, distance;

      gtm_resize_handle_get_point (rect, order[i], &hx, &hy);
      /* Handles are squares on screen. */
      distance = MAX (fabs (x - hx), fabs (y - hy)) * zoom;
      if (distance <= radius && distance < best_distance)
        {
          best = order[i];
          best_distance = distance;
        }
    }

  return best;
}
