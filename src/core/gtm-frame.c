/* gtm-frame.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-frame"

#include "config.h"

#include "gtm-frame.h"
#include "gtm-connector.h"

struct _GtmFrame
{
  GtmItem parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmFrame, gtm_frame, GTM_TYPE_ITEM)

static void
gtm_frame_class_init (GtmFrameClass *klass)
{
  GTM_NODE_CLASS (klass)->kind = "frame";
}

static void
gtm_frame_init (GtmFrame *self)
{
}

/**
 * gtm_frame_new:
 *
 * Returns: (transfer full): a frame titled @title
 */
GtmItem *
gtm_frame_new (double      x,
               double      y,
               double      width,
               double      height,
               const char *title)
{
  g_autofree char *id = gtm_node_new_id ("frame");

  return g_object_new (GTM_TYPE_FRAME,
                       "id", id,
                       "x", x,
                       "y", y,
                       "width", width,
                       "height", height,
                       "fill", "#f6f5f4",
                       "stroke", "#c0bfbc",
                       "align", GTM_ALIGN_START,
                       "bold", TRUE,
                       "text", title ? title : "",
                       NULL);
}

/**
 * gtm_frame_contains:
 *
 * A frame groups the items whose boxes lie wholly inside its own. Connectors
 * have no box of their own and are never contained.
 */
gboolean
gtm_frame_contains (GtmFrame *self,
                    GtmItem  *item)
{
  GtmItem *frame = GTM_ITEM (self);
  double fx, fy, ix, iy;

  g_return_val_if_fail (GTM_IS_FRAME (self), FALSE);
  g_return_val_if_fail (GTM_IS_ITEM (item), FALSE);

  if (item == frame || GTM_IS_CONNECTOR (item))
    return FALSE;

  fx = gtm_item_get_x (frame);
  fy = gtm_item_get_y (frame);
  ix = gtm_item_get_x (item);
  iy = gtm_item_get_y (item);

  return ix >= fx && iy >= fy &&
         ix + gtm_item_get_width (item) <= fx + gtm_item_get_width (frame) &&
         iy + gtm_item_get_height (item) <= fy + gtm_item_get_height (frame);
}
