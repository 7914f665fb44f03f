/* gtm-image.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-item.h"

G_BEGIN_DECLS

/* An embedded PNG image. Kind "image". The bytes are the file's own. */
#define GTM_IMAGE_MAX_BYTES   (16 * 1024 * 1024)
#define GTM_IMAGE_MAX_SIDE    16384
#define GTM_IMAGE_MAX_PIXELS  (40 * 1000 * 1000)

#define GTM_IMAGE_SLOT_DATA      (GTM_ITEM_N_SLOTS + 1)
#define GTM_IMAGE_SLOT_MIME_TYPE (GTM_ITEM_N_SLOTS + 2)

#define GTM_TYPE_IMAGE (gtm_image_get_type ())
G_DECLARE_FINAL_TYPE (GtmImage, gtm_image, GTM, IMAGE, GtmItem)

GtmItem    *gtm_image_new           (double x, double y, double width, double height,
                                     GBytes *png_data);
GBytes     *gtm_image_get_data      (GtmImage *self);
const char *gtm_image_get_mime_type (GtmImage *self);
gboolean    gtm_image_check_data    (GBytes      *data,
                                     const char  *mime_type,
                                     guint       *out_width,
                                     guint       *out_height,
                                     GError     **error);

G_END_DECLS
