/* gtm-spatial-index.h — the items of a board by where they are drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-board.h"
#include "gtm-hit-test.h"
#include "gtm-viewport.h"

G_BEGIN_DECLS

/*
 * Finds the item under the pointer, the items inside a rubber band and the
 * items in view without looking at every item of the board. It follows the
 * board by itself: item edits, additions, removals and changes of z-order,
 * whether made directly or by undo and redo, and the connectors that follow
 * a moved item. Items are indexed by what gtm_render_board() draws for them
 * (gtm_render_item_bounds()); which item a point picks is decided by
 * gtm_hit_test_item().
 *
 * Changes of the board's list are followed on the list's items-changed
 * signal, whose ordinary handlers run before GtmNode::changed is emitted
 * for the change: a handler of GtmNode::changed finds the index already up
 * to date. Field changes are seen in GtmNode::changed itself, by handlers
 * connected after the index.
 *
 * Items whose drawn bounds reach beyond GTM_SPATIAL_INDEX_LIMIT (a thousand
 * times the coordinate limit of items, so only a damaged file gets there) or
 * that draw nothing are never found.
 */

#define GTM_SPATIAL_INDEX_LIMIT 1e9

#define GTM_TYPE_SPATIAL_INDEX (gtm_spatial_index_get_type ())

G_DECLARE_FINAL_TYPE (GtmSpatialIndex, gtm_spatial_index, GTM, SPATIAL_INDEX, GObject)

GtmSpatialIndex *gtm_spatial_index_new            (GtmBoard          *board);
GtmBoard        *gtm_spatial_index_get_board      (GtmSpatialIndex   *self);

/* The topmost item picked by the point (x, y) in board coordinates, or
 * NULL. @tolerance, in board units, widens thin connectors (pass e.g.
 * 4 px / zoom). */
GtmItem         *gtm_spatial_index_hit            (GtmSpatialIndex   *self,
                                                   double             x,
                                                   double             y,
                                                   double             tolerance);

/* The items matching @rect (see GtmRectMatch), in z-order, bottom first. */
GPtrArray       *gtm_spatial_index_query_rect     (GtmSpatialIndex   *self,
                                                   const GtmRect     *rect,
                                                   GtmRectMatch       match);

/* The items drawn in a widget of @width × @height pixels showing the board
 * through @viewport, in z-order, bottom first: what a canvas must draw. */
GPtrArray       *gtm_spatial_index_query_visible  (GtmSpatialIndex   *self,
                                                   const GtmViewport *viewport,
                                                   double             width,
                                                   double             height);

/* The drawn bounds of @item as indexed, for a canvas to know which area
 * an edit dirties. FALSE, with @bounds empty, for an item that is not on
 * the board or draws nothing. */
gboolean         gtm_spatial_index_get_bounds     (GtmSpatialIndex   *self,
                                                   GtmItem           *item,
                                                   GtmRect           *bounds);

/* The position of @item in the board's z-order (0 = bottom), or -1 when it
 * is not on the board. */
int              gtm_spatial_index_get_z          (GtmSpatialIndex   *self,
                                                   GtmItem           *item);

/* How many cells of the grid hold items: memory use, for tests and
 * benchmarks. */
guint            gtm_spatial_index_get_n_cells    (GtmSpatialIndex   *self);

G_END_DECLS
