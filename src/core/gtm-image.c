/* gtm-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-image"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gtm-image.h"

struct _GtmImage
{
  GtmItem parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmImage, gtm_image, GTM_TYPE_ITEM)

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/**
 * gtm_image_check_data:
 * @data: the image file's bytes
 * @mime_type: its MIME type
 * @out_width: (out) (optional): the width in pixels
 * @out_height: (out) (optional): the height in pixels
 *
 * Checks, without decoding it, that @data is a PNG file within the limits
 * the format allows, so that hostile files never reach a decoder.
 */
gboolean
gtm_image_check_data (GBytes      *data,
                      const char  *mime_type,
                      guint       *out_width,
                      guint       *out_height,
                      GError     **error)
{
  const guint8 *bytes;
  gsize size;
  guint32 width, height;

  if (g_strcmp0 (mime_type, "image/png") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("images must be PNG (image/png), not “%s”"),
                   mime_type ? mime_type : "");
      return FALSE;
    }

  if (data == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the image has no data"));
      return FALSE;
    }

  bytes = g_bytes_get_data (data, &size);
  if (size > GTM_IMAGE_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the image is %llu bytes; the limit is %d"),
                   (unsigned long long) size, GTM_IMAGE_MAX_BYTES);
      return FALSE;
    }

  /* Signature, then the IHDR chunk: length 13, "IHDR", width, height. */
  if (size < 33 || memcmp (bytes, png_signature, sizeof png_signature) != 0 ||
      read_be32 (bytes + 8) != 13 || memcmp (bytes + 12, "IHDR", 4) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the image data is not a PNG file"));
      return FALSE;
    }

  width = read_be32 (bytes + 16);
  height = read_be32 (bytes + 20);
  if (width == 0 || height == 0 ||
      width > GTM_IMAGE_MAX_SIDE || height > GTM_IMAGE_MAX_SIDE ||
      (guint64) width * height > GTM_IMAGE_MAX_PIXELS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the image is %u × %u pixels; the limit is %d pixels a side and %d pixels in all"),
                   width, height, GTM_IMAGE_MAX_SIDE, GTM_IMAGE_MAX_PIXELS);
      return FALSE;
    }

  if (out_width)
    *out_width = width;
  if (out_height)
    *out_height = height;

  return TRUE;
}

static gboolean
gtm_image_validate (GtmNode     *node,
                    GtmNode     *root,
                    const char **field,
                    GError     **error)
{
  GtmImage *self = GTM_IMAGE (node);

  return gtm_image_check_data (gtm_image_get_data (self),
                               gtm_image_get_mime_type (self),
                               NULL, NULL, error);
}

static void
gtm_image_class_init (GtmImageClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[2];
  G_GNUC_UNUSED guint first;

  node_class->kind = "image";
  node_class->validate = gtm_image_validate;

  pspecs[0] = g_param_spec_boxed ("data", NULL, NULL, G_TYPE_BYTES,
                                  GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED);
  pspecs[1] = g_param_spec_string ("mime-type", NULL, NULL, "image/png",
                                   GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED);
  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_IMAGE_SLOT_DATA);

  /* An image holds no text. */
  gtm_node_class_hide_field (node_class, "text-color");
  gtm_node_class_hide_field (node_class, "font-size");
  gtm_node_class_hide_field (node_class, "bold");
  gtm_node_class_hide_field (node_class, "align");
  gtm_node_class_hide_field (node_class, "text");
}

static void
gtm_image_init (GtmImage *self)
{
}

/**
 * gtm_image_new:
 * @png_data: the bytes of a PNG file, already checked with
 *   gtm_image_check_data()
 *
 * Returns: (transfer full): an image item
 */
GtmItem *
gtm_image_new (double  x,
               double  y,
               double  width,
               double  height,
               GBytes *png_data)
{
  g_autofree char *id = gtm_node_new_id ("image");

  g_return_val_if_fail (png_data != NULL, NULL);

  return g_object_new (GTM_TYPE_IMAGE,
                       "id", id,
                       "x", x,
                       "y", y,
                       "width", width,
                       "height", height,
                       "data", png_data,
                       "mime-type", "image/png",
                       NULL);
}

/**
 * gtm_image_get_data:
 *
 * Returns: (transfer none) (nullable): the PNG file's bytes
 */
GBytes *
gtm_image_get_data (GtmImage *self)
{
  g_return_val_if_fail (GTM_IS_IMAGE (self), NULL);

  return gtm_node_get_bytes (GTM_NODE (self), GTM_IMAGE_SLOT_DATA);
}

const char *
gtm_image_get_mime_type (GtmImage *self)
{
  g_return_val_if_fail (GTM_IS_IMAGE (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_IMAGE_SLOT_MIME_TYPE);
}
