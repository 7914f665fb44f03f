/* gtm-frame.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-item.h"

G_BEGIN_DECLS

/* A titled region (its text is the title) that groups the items lying inside
 * it. Kind "frame". */
#define GTM_TYPE_FRAME (gtm_frame_get_type ())
G_DECLARE_FINAL_TYPE (GtmFrame, gtm_frame, GTM, FRAME, GtmItem)

GtmItem *gtm_frame_new      (double x, double y, double width, double height, const char *title);
gboolean gtm_frame_contains (GtmFrame *self, GtmItem *item);

G_END_DECLS
