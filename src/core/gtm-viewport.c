/* gtm-viewport.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-viewport"

#include "config.h"

#include <math.h>

#include "gtm-viewport.h"

/* Relative tolerance when comparing zoom levels, so that 0.75 reached
 * through arithmetic still counts as the 75 % step. */
#define ZOOM_EPSILON 1e-6

static const double zoom_levels[] = {
  0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0,
};

void
gtm_viewport_init (GtmViewport *self)
{
  g_return_if_fail (self != NULL);

  self->zoom = 1.0;
  self->offset_x = 0.0;
  self->offset_y = 0.0;
}

double
gtm_viewport_clamp_zoom (double zoom)
{
  if (isnan (zoom))
    return 1.0;

  return CLAMP (zoom, GTM_VIEWPORT_ZOOM_MIN, GTM_VIEWPORT_ZOOM_MAX);
}

void
gtm_viewport_to_board (const GtmViewport *self,
                       double             widget_x,
                       double             widget_y,
                       double            *board_x,
                       double            *board_y)
{
  g_return_if_fail (self != NULL);

  if (board_x != NULL)
    *board_x = (widget_x - self->offset_x) / self->zoom;
  if (board_y != NULL)
    *board_y = (widget_y - self->offset_y) / self->zoom;
}

void
gtm_viewport_to_widget (const GtmViewport *self,
                        double             board_x,
                        double             board_y,
                        double            *widget_x,
                        double            *widget_y)
{
  g_return_if_fail (self != NULL);

  if (widget_x != NULL)
    *widget_x = board_x * self->zoom + self->offset_x;
  if (widget_y != NULL)
    *widget_y = board_y * self->zoom + self->offset_y;
}

gboolean
gtm_viewport_zoom_at (GtmViewport *self,
                      double       zoom,
                      double       anchor_x,
                      double       anchor_y)
{
  double board_x, board_y;

  g_return_val_if_fail (self != NULL, FALSE);

  zoom = gtm_viewport_clamp_zoom (zoom);
  if (zoom == self->zoom)
    return FALSE;

  gtm_viewport_to_board (self, anchor_x, anchor_y, &board_x, &board_y);
  self->zoom = zoom;
  self->offset_x = anchor_x - board_x * zoom;
  self->offset_y = anchor_y - board_y * zoom;

  return TRUE;
}

void
gtm_viewport_pan (GtmViewport *self,
                  double       dx,
                  double       dy)
{
  g_return_if_fail (self != NULL);

  if (isfinite (dx))
    self->offset_x += dx;
  if (isfinite (dy))
    self->offset_y += dy;
}

void
gtm_viewport_fit (GtmViewport *self,
                  double       x,
                  double       y,
                  double       width,
                  double       height,
                  double       widget_width,
                  double       widget_height,
                  double       margin)
{
  double avail_width, avail_height, zoom;

  g_return_if_fail (self != NULL);

  avail_width = MAX (widget_width - 2 * margin, 1.0);
  avail_height = MAX (widget_height - 2 * margin, 1.0);
  width = MAX (width, 1.0);
  height = MAX (height, 1.0);

  zoom = MIN (avail_width / width, avail_height / height);
  zoom = gtm_viewport_clamp_zoom (MIN (zoom, 1.0));

  self->zoom = zoom;
  self->offset_x = widget_width / 2.0 - (x + width / 2.0) * zoom;
  self->offset_y = widget_height / 2.0 - (y + height / 2.0) * zoom;
}

double
gtm_viewport_zoom_level_above (double zoom)
{
  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > zoom * (1.0 + ZOOM_EPSILON))
      return zoom_levels[i];

  return GTM_VIEWPORT_ZOOM_MAX;
}

double
gtm_viewport_zoom_level_below (double zoom)
{
  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < zoom * (1.0 - ZOOM_EPSILON))
      return zoom_levels[i - 1];

  return GTM_VIEWPORT_ZOOM_MIN;
}
