/* gtm-snap.h — snapping, alignment guides and resize math of the canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gtm-render.h"

G_BEGIN_DECLS

/*
 * The geometry of a drag, as plain arithmetic so that it is tested without
 * a display. The canvas turns pointer motion into board units, calls these
 * functions with the rectangle the pointer asks for, moves the items to the
 * rectangle they return and draws the guides they report.
 *
 * All rectangles are in board units. Each call starts from the geometry at
 * the start of the gesture plus the whole pointer delta, so snapping never
 * accumulates.
 */

/* How far, in screen pixels, an edge or centre is pulled to another item's. */
#define GTM_SNAP_THRESHOLD_PX 6.0
/* Room for the guides of one call: three lines a side. */
#define GTM_SNAP_MAX_GUIDES   6

typedef enum
{
  GTM_SNAP_NONE  = 0,
  /* Pull edges and centres to the other items' edges and centres. */
  GTM_SNAP_ITEMS = 1 << 0,
  /* Put the rectangle on the grid where no item is in reach. */
  GTM_SNAP_GRID  = 1 << 1,
  GTM_SNAP_ALL   = GTM_SNAP_ITEMS | GTM_SNAP_GRID,
} GtmSnapFlags;

typedef struct
{
  /* GTM_SNAP_NONE while Alt is held. */
  GtmSnapFlags flags;
  /* Screen pixels per board unit (the viewport's zoom). */
  double       zoom;
  /* The reach of item snapping, in screen pixels: it is the same on screen
   * at every zoom, so threshold / zoom board units. 0 turns it off. */
  double       threshold;
  /* Spacing of the grid in board units; 0 means no grid. */
  double       grid;
} GtmSnapOptions;

typedef enum
{
  GTM_SNAP_TARGET_NONE,
  GTM_SNAP_TARGET_ITEM,
  GTM_SNAP_TARGET_GRID,
} GtmSnapTarget;

typedef enum
{
  /* A line x = position from y = start to y = end. */
  GTM_GUIDE_VERTICAL,
  /* A line y = position from x = start to x = end. */
  GTM_GUIDE_HORIZONTAL,
} GtmGuideOrientation;

/* An alignment guide: a line through an edge or centre of the moving
 * rectangle that other items share, long enough to span the moving
 * rectangle and every item on the line. */
typedef struct
{
  GtmGuideOrientation orientation;
  double              position;
  double              start;
  double              end;
} GtmGuide;

typedef struct
{
  GtmRect       rect;      /* where the rectangle goes */
  GtmSnapTarget x_target;  /* what its horizontal position snapped to */
  GtmSnapTarget y_target;  /* what its vertical position snapped to */
  guint         n_guides;
  GtmGuide      guides[GTM_SNAP_MAX_GUIDES];
} GtmSnapResult;

/* The eight handles of a selected item, clockwise from the top left. */
typedef enum
{
  GTM_RESIZE_HANDLE_NONE,
  GTM_RESIZE_HANDLE_TOP_LEFT,
  GTM_RESIZE_HANDLE_TOP,
  GTM_RESIZE_HANDLE_TOP_RIGHT,
  GTM_RESIZE_HANDLE_RIGHT,
  GTM_RESIZE_HANDLE_BOTTOM_RIGHT,
  GTM_RESIZE_HANDLE_BOTTOM,
  GTM_RESIZE_HANDLE_BOTTOM_LEFT,
  GTM_RESIZE_HANDLE_LEFT,
} GtmResizeHandle;

typedef enum
{
  GTM_RESIZE_NONE        = 0,
  /* Shift: keep the width-to-height ratio of the original. */
  GTM_RESIZE_KEEP_ASPECT = 1 << 0,
} GtmResizeFlags;

/* Options with the usual threshold (GTM_SNAP_THRESHOLD_PX), everything on. */
void            gtm_snap_options_init      (GtmSnapOptions       *options,
                                            double                zoom,
                                            double                grid);

/* Snaps a rectangle being moved. Its left edge, centre and right edge are
 * pulled to the nearest left edge, centre or right edge of @others within
 * the threshold, and likewise top, middle and bottom; where no item is in
 * reach, its top left corner goes to the nearest grid point. The two axes
 * snap independently. The guides show every line the moved rectangle then
 * shares with @others (the caller leaves the moving items out of @others). */
void            gtm_snap_move              (const GtmRect        *rect,
                                            const GtmSnapOptions *options,
                                            const GtmRect        *others,
                                            guint                 n_others,
                                            GtmSnapResult        *result);

/* Resizes @original by dragging @handle by (dx, dy) as gtm_resize_rect()
 * does, snapping only the edges the handle moves, to others' edges and
 * centres or else to the grid. With GTM_RESIZE_KEEP_ASPECT on a corner,
 * the edge nearer to a snap decides the size and the other edge follows
 * the ratio. Guides are reported for the moving edges only. */
void            gtm_snap_resize            (const GtmRect        *original,
                                            GtmResizeHandle       handle,
                                            double                dx,
                                            double                dy,
                                            GtmResizeFlags        flags,
                                            const GtmSnapOptions *options,
                                            const GtmRect        *others,
                                            guint                 n_others,
                                            GtmSnapResult        *result);

/* The rectangle @original becomes when @handle is dragged by (dx, dy) board
 * units. The edges the handle does not touch stay put. Sizes are held to
 * GTM_ITEM_SIZE_MIN … GTM_ITEM_SIZE_MAX.
 *
 * Dragging a handle past the opposite edge flips the rectangle: it grows on
 * the other side of that edge, so the handle stays under the pointer (items
 * have no orientation, so nothing is mirrored). Near the crossing the size
 * is held at the minimum.
 *
 * With GTM_RESIZE_KEEP_ASPECT, a corner handle scales both sides by the
 * factor of the side the pointer changed more, relative to its length,
 * keeping the opposite corner; an edge handle scales the other side by the
 * same factor about its centre. */
void            gtm_resize_rect            (const GtmRect        *original,
                                            GtmResizeHandle       handle,
                                            double                dx,
                                            double                dy,
                                            GtmResizeFlags        flags,
                                            GtmRect              *result);

/* Where @handle of @rect is drawn, in board units. */
void            gtm_resize_handle_get_point (const GtmRect       *rect,
                                             GtmResizeHandle      handle,
                                             double              *x,
                                             double              *y);

/* The handle of @rect under the board point (x, y) at @zoom: handles are
 * squares reaching @radius screen pixels from their point each way. The
 * nearest wins where they overlap on a small item, corners first when
 * equally near. GTM_RESIZE_HANDLE_NONE if no handle is there. */
GtmResizeHandle gtm_resize_handle_at       (const GtmRect        *rect,
                                            double                zoom,
                                            double                radius,
                                            double                x,
                                            double                y);

G_END_DECLS
