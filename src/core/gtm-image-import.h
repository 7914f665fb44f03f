/* gtm-image-import.h — turn dropped, opened or pasted pictures into image items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gtm-item.h"

G_BEGIN_DECLS

/*
 * A project embeds images only as PNG within the limits of gtm-image.h.
 * Import reads anything gdk-pixbuf can decode (PNG, JPEG, SVG, the first
 * frame of a GIF, BMP, TIFF, ICO, WebP where its loader is installed, …)
 * and hands back PNG bytes that gtm_image_check_data() accepts:
 *
 * - JPEG (and any format carrying an EXIF orientation) is turned upright.
 * - Images over GTM_IMAGE_MAX_SIDE or GTM_IMAGE_MAX_PIXELS are scaled down,
 *   keeping their aspect ratio; a PNG still over GTM_IMAGE_MAX_BYTES is
 *   scaled down further until it fits.
 * - Decompression bombs are refused before their pixels are decoded: input
 *   over GTM_IMAGE_IMPORT_MAX_INPUT_BYTES, and images whose decoding would
 *   take more than GTM_IMAGE_IMPORT_MAX_DECODE_PIXELS pixels (SVG is
 *   rendered at the scaled size, JPEG decoded at 1/2, 1/4 or 1/8 when that
 *   is enough, other formats at full size).
 * - An SVG without a width and height of its own is rendered with its
 *   longer side GTM_IMAGE_IMPORT_SVG_DEFAULT_SIDE pixels long.
 * - A PNG within the limits is kept byte for byte, once it decodes whole.
 * - Truncated or damaged data is refused, not imported half grey.
 *
 * Every function here is display-free and may run in a worker thread.
 * Nothing here changes a document: the caller adds the item to a board
 * through GtmHistory.
 */

/* Input larger than this is refused unread. */
#define GTM_IMAGE_IMPORT_MAX_INPUT_BYTES   (64 * 1024 * 1024)
/* Pixels decoded at most, before scaling down to the project's limits. */
#define GTM_IMAGE_IMPORT_MAX_DECODE_PIXELS (100 * 1000 * 1000)
/* The longer side, in pixels, of an SVG that gives no size of its own. */
#define GTM_IMAGE_IMPORT_SVG_DEFAULT_SIDE  960
/* The longer side, in board units, of a newly imported image item. */
#define GTM_IMAGE_IMPORT_MAX_ITEM_SIDE     480.0

#define GTM_IMAGE_IMPORT_ERROR (gtm_image_import_error_quark ())

typedef enum
{
  GTM_IMAGE_IMPORT_ERROR_NOT_AN_IMAGE,       /* empty, text, random bytes, … */
  GTM_IMAGE_IMPORT_ERROR_UNSUPPORTED_FORMAT, /* an image, in a format no loader reads */
  GTM_IMAGE_IMPORT_ERROR_BROKEN,             /* damaged or truncated image data */
  GTM_IMAGE_IMPORT_ERROR_TOO_LARGE,          /* too many bytes or pixels to import */
  GTM_IMAGE_IMPORT_ERROR_UNREADABLE,         /* the file could not be read */
} GtmImageImportError;

GQuark   gtm_image_import_error_quark   (void);

GBytes  *gtm_image_import_bytes         (GBytes               *data,
                                         int                  *width,
                                         int                  *height,
                                         GError              **error);

/* Errors name the file: “Could not import “x.jpg”: …”. Cancellation is
 * reported as G_IO_ERROR_CANCELLED; everything else in
 * GTM_IMAGE_IMPORT_ERROR. The async variant reads and converts in a worker
 * thread. */
GBytes  *gtm_image_import_file          (GFile                *file,
                                         GCancellable         *cancellable,
                                         int                  *width,
                                         int                  *height,
                                         GError              **error);
void     gtm_image_import_file_async    (GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GBytes  *gtm_image_import_file_finish   (GAsyncResult         *result,
                                         int                  *width,
                                         int                  *height,
                                         GError              **error);

/* A new image item centred on the board point (@center_x, @center_y): one
 * board unit a pixel, scaled down so that its longer side is at most
 * GTM_IMAGE_IMPORT_MAX_ITEM_SIDE, neither side under GTM_ITEM_SIZE_MIN. */
GtmItem *gtm_image_import_item          (GBytes               *data,
                                         double                center_x,
                                         double                center_y,
                                         GError              **error);
/* The same for PNG bytes already imported (by gtm_image_import_file_finish(),
 * say); @png_data is checked with gtm_image_check_data(). */
GtmItem *gtm_image_import_item_from_png (GBytes               *png_data,
                                         double                center_x,
                                         double                center_y,
                                         GError              **error);

G_END_DECLS
