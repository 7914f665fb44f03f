/* gtm-viewport.h — zoom and pan of a board on screen, as plain arithmetic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GTM_VIEWPORT_ZOOM_MIN 0.1
#define GTM_VIEWPORT_ZOOM_MAX 8.0

/*
 * Where a board sits in a widget: a board point (bx, by) is drawn at
 *
 *   wx = bx * zoom + offset_x
 *   wy = by * zoom + offset_y
 *
 * in widget coordinates. Kept free of GTK so that the arithmetic of zooming
 * at the pointer, panning and fitting is unit tested without a display.
 */
typedef struct
{
  double zoom;
  double offset_x;
  double offset_y;
} GtmViewport;

void     gtm_viewport_init             (GtmViewport       *self);
double   gtm_viewport_clamp_zoom       (double             zoom);

void     gtm_viewport_to_board         (const GtmViewport *self,
                                        double             widget_x,
                                        double             widget_y,
                                        double            *board_x,
                                        double            *board_y);
void     gtm_viewport_to_widget        (const GtmViewport *self,
                                        double             board_x,
                                        double             board_y,
                                        double            *widget_x,
                                        double            *widget_y);

/* Sets the zoom (clamped to the limits) keeping the board point under the
 * widget point (anchor_x, anchor_y) where it is. Returns TRUE if anything
 * changed. */
gboolean gtm_viewport_zoom_at          (GtmViewport       *self,
                                        double             zoom,
                                        double             anchor_x,
                                        double             anchor_y);
void     gtm_viewport_pan              (GtmViewport       *self,
                                        double             dx,
                                        double             dy);

/* Zoom and offset showing the rectangle (x, y, width, height) of the board
 * centred in a widget of widget_width × widget_height, with @margin pixels
 * around it, never zoomed in beyond 100 %. */
void     gtm_viewport_fit              (GtmViewport       *self,
                                        double             x,
                                        double             y,
                                        double             width,
                                        double             height,
                                        double             widget_width,
                                        double             widget_height,
                                        double             margin);

/* The next zoom level of the zoom-in / zoom-out buttons: round steps
 * (…, 50 %, 75 %, 100 %, 125 %, …) within the limits. */
double   gtm_viewport_zoom_level_above (double             zoom);
double   gtm_viewport_zoom_level_below (double             zoom);

G_END_DECLS
