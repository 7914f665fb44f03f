/* gtm-hit-test.h — which item a point or a rectangle picks, as plain geometry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-render.h"
#include "gtm-connector.h"

G_BEGIN_DECLS

/*
 * What the pointer picks on a board, decided from the items' real outlines
 * rather than their bounding boxes, so that clicking beside an ellipse or in
 * the corner cut off a diamond picks what shows there:
 *
 *  - notes, text boxes, images: their box;
 *  - shapes: rectangles by their box, rounded rectangles with their corners
 *    cut, ellipses and diamonds by their exact outline;
 *  - frames: their whole box, like in Miro, because a frame is drawn filled
 *    (opaque by default) and covers what lies below it in z-order; and their
 *    title, which is drawn above the box;
 *  - connectors: within @tolerance of their line, or on their label.
 *
 * Filled outlines are hit exactly; @tolerance (in board units, so that a
 * canvas passes e.g. 4 px / zoom) widens only connectors, whose line is a
 * couple of units thin. Everything here is free of any index: GtmSpatialIndex
 * picks the candidates, these functions decide, and tests compare the two
 * with a plain scan of every item.
 */

typedef enum
{
  /* The item's drawn bounds overlap the rectangle (what is visible in it). */
  GTM_RECT_MATCH_INTERSECTS,
  /* The item lies wholly inside the rectangle (rubber-band selection): its
   * box for items that have one (a note's shadow or a frame's title may
   * stick out), its drawn bounds for connectors. */
  GTM_RECT_MATCH_CONTAINS,
} GtmRectMatch;

/* Points on the outline count as inside. A box of negative width or height
 * contains nothing. */
gboolean gtm_hit_test_point_in_box          (const GtmRect *box,
                                             double         x,
                                             double         y);
/* @radius is clamped to half the smaller side. */
gboolean gtm_hit_test_point_in_rounded_box  (const GtmRect *box,
                                             double         radius,
                                             double         x,
                                             double         y);
/* The ellipse inscribed in @box. */
gboolean gtm_hit_test_point_in_ellipse      (const GtmRect *box,
                                             double         x,
                                             double         y);
/* The rhombus joining the middles of @box's sides. */
gboolean gtm_hit_test_point_in_diamond      (const GtmRect *box,
                                             double         x,
                                             double         y);
/* Distance from (x, y) to the segment (x1, y1)–(x2, y2). */
double   gtm_hit_test_segment_distance      (double         x1,
                                             double         y1,
                                             double         x2,
                                             double         y2,
                                             double         x,
                                             double         y);

/* The box (x, y, width, height) of an item that has one; connectors have
 * none and give FALSE. */
gboolean gtm_hit_test_item_box              (GtmItem       *item,
                                             GtmRect       *box);
/* Whether (x, y) lies inside the filled outline of @item (the body of a
 * frame, without its title). FALSE for connectors. */
gboolean gtm_hit_test_point_in_outline      (GtmItem       *item,
                                             double         x,
                                             double         y);
/* Whether the point (x, y) picks @item, whose drawn bounds are @bounds (as
 * given by gtm_render_item_bounds(); NULL to have them computed). An item
 * that draws nothing is never picked. Only the point matters, not what lies
 * above: choosing the topmost is the caller's business. */
gboolean gtm_hit_test_item                  (GtmBoard      *board,
                                             GtmItem       *item,
                                             const GtmRect *bounds,
                                             double         x,
                                             double         y,
                                             double         tolerance);
/* The rule of gtm_hit_test_item_in_rect() on known geometry: @box is the
 * item's box (NULL for a connector), @bounds its drawn bounds. Rectangles
 * of negative width or height are taken from their other corner, as a
 * rubber band dragged up or left. */
gboolean gtm_hit_test_rect_matches          (const GtmRect *box,
                                             const GtmRect *bounds,
                                             const GtmRect *rect,
                                             GtmRectMatch   match);
/* Whether @item, whose drawn bounds are @bounds (NULL to have them
 * computed), matches @rect; an item that draws nothing never does. */
gboolean gtm_hit_test_item_in_rect          (GtmBoard      *board,
                                             GtmItem       *item,
                                             const GtmRect *bounds,
                                             const GtmRect *rect,
                                             GtmRectMatch   match);

G_END_DECLS
