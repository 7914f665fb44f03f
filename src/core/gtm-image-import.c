/* gtm-image-import.c — turn dropped, opened or pasted pictures into image items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-image-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>

#include "gtm-document.h"
#include "gtm-image.h"
#include "gtm-image-import.h"

/* Bytes handed to the decoder at a time: a refusal from size-prepared stops
 * the feeding early, and cancellation is checked between chunks. */
#define WRITE_CHUNK (64 * 1024)

/* Bytes read from a file at a time. */
#define READ_CHUNK  (1024 * 1024)

G_DEFINE_QUARK (gtm-image-import-error-quark, gtm_image_import_error)

static const guint8 png_end[12] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82 };

/* ------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------ */

static void
set_input_too_large (GError **error)
{
  g_autofree char *limit_text = g_format_size_full (GTM_IMAGE_IMPORT_MAX_INPUT_BYTES,
                                                    G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_TOO_LARGE,
               /* Translators: %s is a size such as “64.0 MiB” */
               _("The image file is larger than %s, the most GTM Studio imports."),
               limit_text);
}

static void
set_broken (GError **error)
{
  g_set_error_literal (error, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_BROKEN,
                       _("The image is damaged or incomplete."));
}

static void
set_out_of_memory (GError **error)
{
  g_set_error_literal (error, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_TOO_LARGE,
                       _("The image is too large to import."));
}

/* Data no decoder took: an image in a format nothing here reads (named, in
 * the words of the MIME database), or not an image at all. */
static void
set_unrecognized (GError       **error,
                  const guint8  *data,
                  gsize          size)
{
  g_autofree char *content_type = g_content_type_guess (NULL, data, size, NULL);
  g_autofree char *mime_type = g_content_type_get_mime_type (content_type);

  if (mime_type != NULL && g_str_has_prefix (mime_type, "image/"))
    {
      g_autofree char *description = g_content_type_get_description (content_type);

      g_set_error (error, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_UNSUPPORTED_FORMAT,
                   /* Translators: %s names a file format, such as “AVIF image” */
                   _("GTM Studio can’t read this kind of image (%s)."),
                   description ? description : mime_type);
      return;
    }

  g_set_error_literal (error, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_NOT_AN_IMAGE,
                       _("This is not an image GTM Studio can read."));
}

/* Turns an error of gdk-pixbuf or of one of its loaders into ours. Their
 * own messages speak of decoder internals, so they only go to the debug
 * log. */
static void
set_decoder_error (GError       **error,
                   const GError  *decoder_error,
                   const guint8  *data,
                   gsize          size)
{
  g_debug ("Decoder error: %s", decoder_error->message);

  if (decoder_error->domain == GDK_PIXBUF_ERROR &&
      (decoder_error->code == GDK_PIXBUF_ERROR_UNKNOWN_TYPE ||
       decoder_error->code == GDK_PIXBUF_ERROR_UNSUPPORTED_OPERATION))
    set_unrecognized (error, data, size);
  else if (decoder_error->domain == GDK_PIXBUF_ERROR &&
           decoder_error->code == GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY)
    set_out_of_memory (error);
  else
    set_broken (error);
}

/* ------------------------------------------------------------------------
 * Sizes
 * ------------------------------------------------------------------------ */

/* The largest size of @width × @height's aspect ratio within the project's
 * limits, never larger than it is. */
static void
fit_within_limits (double  width,
                   double  height,
                   int    *out_width,
                   int    *out_height)
{
  double factor = 1.0;
  int w, h;

  factor = MIN (factor, GTM_IMAGE_MAX_SIDE / width);
  factor = MIN (factor, GTM_IMAGE_MAX_SIDE / height);
  factor = MIN (factor, sqrt (GTM_IMAGE_MAX_PIXELS / (width * height)));

  w = MAX (1, (int) floor (width * factor));
  h = MAX (1, (int) floor (height * factor));

  /* Rounding in sqrt() must not take the product over the limit. */
  while ((gint64) w * h > GTM_IMAGE_MAX_PIXELS)
    {
      if (w >= h)
        w--;
      else
        h--;
    }

  *out_width = w;
  *out_height = h;
}

/* ------------------------------------------------------------------------
 * What the decoders don't tell
 * ------------------------------------------------------------------------ */

/* An absolute length such as “200”, “12.5cm” or “3em”: not a percentage,
 * not “auto”. */
static gboolean
is_absolute_length (const char *value)
{
  char *end = NULL;
  double number;

  while (g_ascii_isspace (*value))
    value++;
  number = g_ascii_strtod (value, &end);

  return end != value && number > 0.0 && isfinite (number) && strchr (end, '%') == NULL;
}

typedef struct
{
  gboolean root_seen;
  gboolean has_size;
} SvgRoot;

static void
svg_root_start_element (GMarkupParseContext  *context,
                        const char           *element_name,
                        const char          **attribute_names,
                        const char          **attribute_values,
                        gpointer              user_data,
                        GError              **error)
{
  SvgRoot *root = user_data;
  gboolean has_width = FALSE;
  gboolean has_height = FALSE;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      if (strcmp (attribute_names[i], "width") == 0)
        has_width = is_absolute_length (attribute_values[i]);
      else if (strcmp (attribute_names[i], "height") == 0)
        has_height = is_absolute_length (attribute_values[i]);
    }

  root->root_seen = TRUE;
  root->has_size = has_width && has_height;

  /* Only the root element matters: stop reading. */
  g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "root element read");
}

/* Whether an SVG document gives its own width and height. Without them
 * librsvg falls back to the viewBox (often an icon's 24 × 24) or to the
 * extent of the drawing. Data that isn't plain XML (a compressed .svgz)
 * counts as sized: librsvg's size is then the best there is. */
static gboolean
svg_has_intrinsic_size (const guint8 *data,
                        gsize         size)
{
  static const GMarkupParser parser = { svg_root_start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  SvgRoot root = { FALSE, TRUE };

  if (size > G_MAXSSIZE)
    return TRUE;

  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &root, NULL);
  g_markup_parse_context_parse (context, (const char *) data, (gssize) size, NULL);

  return !root.root_seen || root.has_size;
}

static gboolean
is_restart_marker (guint8 marker)
{
  return marker >= 0xd0 && marker <= 0xd7;
}

/* What the decoder doesn't say about a JPEG file: libjpeg makes up the
 * missing end of a truncated file (grey rows) with no more than a warning,
 * and decodes a header claiming 65000 × 65000 pixels in front of a few
 * bytes of data just as quietly, spending seconds and hundreds of MB on
 * grey. So the data must reach its end-of-image marker, and a Huffman-coded
 * file (nearly all of them) must hold at least the bit that each 8 × 8
 * block of a scan takes; a quarter of that is asked, for subsampled
 * first components.
 *
 * This walks the data as libjpeg does: marker segments by their lengths,
 * and after each start of scan the entropy-coded data, in which 0xFF is
 * only ever followed by 0x00 (a stuffed byte) or a restart marker. */
static gboolean
jpeg_is_whole (const guint8 *data,
               gsize         size)
{
  guint64 n_blocks = 0;
  gboolean huffman = FALSE;
  gsize i = 2;

  if (size < 2 || data[0] != 0xff || data[1] != 0xd8)
    return FALSE;

  while (i < size)
    {
      const guint8 *next;
      guint8 marker;
      gsize length;

      /* libjpeg skips stray bytes before a marker, and fill bytes 0xFF. */
      next = memchr (data + i, 0xff, size - i);
      if (next == NULL)
        return FALSE;
      i = next - data;
      while (i < size && data[i] == 0xff)
        i++;
      if (i >= size)
        return FALSE;
      marker = data[i++];

      if (marker == 0xd9)
        return !huffman || (guint64) size * 8 * 4 >= n_blocks;
      if (marker == 0x00 || marker == 0x01 || is_restart_marker (marker))
        continue;

      if (size - i < 2)
        return FALSE;
      length = ((gsize) data[i] << 8) | data[i + 1];
      if (length < 2 || size - i < length)
        return FALSE;

      /* A start of frame: precision, height, width. Huffman-coded frames
       * are SOF0–3 and SOF5–7; the others are arithmetic-coded. */
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc &&
          length >= 7 && n_blocks == 0)
        {
          guint height = ((guint) data[i + 3] << 8) | data[i + 4];
          guint width = ((guint) data[i + 5] << 8) | data[i + 6];

          huffman = marker <= 0xc7;
          n_blocks = (guint64) ((width + 7) / 8) * ((height + 7) / 8);
        }

      i += length;
      if (marker != 0xda)
        continue;

      /* Start of scan: skip the entropy-coded data. */
      while (i < size)
        {
          next = memchr (data + i, 0xff, size - i);
          if (next == NULL || (gsize) (next - data) + 1 >= size)
            return FALSE;
          i = next - data;
          if (data[i + 1] != 0x00 && !is_restart_marker (data[i + 1]))
            break;
          i += 2;
        }
    }

  return FALSE;
}

/* Formats whose decoders report each row once it holds its pixels (top
 * down, bottom up or interlaced), and say nothing when the data stops
 * short: for them a row never reported is a sign of truncation. */
static gboolean
reports_rows (const char *format_name)
{
  return g_strcmp0 (format_name, "png") == 0 ||
         g_strcmp0 (format_name, "bmp") == 0 ||
         g_strcmp0 (format_name, "ico") == 0;
}

/* ------------------------------------------------------------------------
 * Decoding
 * ------------------------------------------------------------------------ */

typedef struct
{
  const guint8 *data;
  gsize         size;

  int           original_width;
  int           original_height;
  gboolean      scaled;       /* the decoder was asked for another size */
  gboolean      refused;      /* too large to decode */
  gboolean      no_size;      /* the image says it has no pixels */

  guint8       *rows;         /* a bit per row reported done, or NULL */
  int           n_rows;
} Decoding;

static void
decoding_clear (Decoding *decoding)
{
  g_clear_pointer (&decoding->rows, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Decoding, decoding_clear)

/* The pixels that decoding a @width × @height image takes, its decoder
 * asked for @target_width × @target_height. */
static double
pixels_to_decode (gboolean    scalable,
                  const char *format_name,
                  int         width,
                  int         height,
                  int         target_width,
                  int         target_height)
{
  int denominator = 1;

  if (scalable)
    return (double) target_width * target_height;

  if (g_strcmp0 (format_name, "jpeg") != 0)
    return (double) width * height;

  /* libjpeg decodes at 1/2, 1/4 or 1/8 when that still gives at least the
   * size asked for. */
  while (denominator < 8 &&
         width / (denominator * 2) >= target_width &&
         height / (denominator * 2) >= target_height)
    denominator *= 2;

  return ceil ((double) width / denominator) * ceil ((double) height / denominator);
}

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  Decoding        *decoding)
{
  GdkPixbufFormat *format = gdk_pixbuf_loader_get_format (loader);
  gboolean scalable = format != NULL && gdk_pixbuf_format_is_scalable (format);
  g_autofree char *format_name = format ? gdk_pixbuf_format_get_name (format) : NULL;
  double natural_width = width;
  double natural_height = height;
  int target_width, target_height;

  decoding->original_width = width;
  decoding->original_height = height;

  if (width <= 0 || height <= 0)
    {
      decoding->no_size = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  if (scalable && !svg_has_intrinsic_size (decoding->data, decoding->size))
    {
      double factor = GTM_IMAGE_IMPORT_SVG_DEFAULT_SIDE / MAX (natural_width, natural_height);

      natural_width = MAX (1.0, round (width * factor));
      natural_height = MAX (1.0, round (height * factor));
    }

  fit_within_limits (natural_width, natural_height, &target_width, &target_height);

  if (pixels_to_decode (scalable, format_name, width, height, target_width, target_height) >
      GTM_IMAGE_IMPORT_MAX_DECODE_PIXELS)
    {
      /* A size of 0 makes the decoders stop before taking any memory. */
      decoding->refused = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  /* Other decoders would decode at full size and scale afterwards anyway;
   * that is left to decode_image(), after the checks for truncation. */
  if ((scalable || g_strcmp0 (format_name, "jpeg") == 0) &&
      (target_width != width || target_height != height))
    {
      decoding->scaled = TRUE;
      gdk_pixbuf_loader_set_size (loader, target_width, target_height);
    }

  if (!decoding->scaled && reports_rows (format_name))
    {
      g_free (decoding->rows);
      decoding->n_rows = height;
      decoding->rows = g_malloc0 ((gsize) height / 8 + 1);
    }
}

static void
on_area_updated (GdkPixbufLoader *loader,
                 int              x,
                 int              y,
                 int              width,
                 int              height,
                 Decoding        *decoding)
{
  int end;

  if (decoding->rows == NULL)
    return;

  end = MIN (decoding->n_rows, y + height);
  for (int row = MAX (0, y); row < end; row++)
    decoding->rows[row / 8] |= 1 << (row % 8);
}

static gboolean
all_rows_reported (const Decoding *decoding)
{
  for (int row = 0; row < decoding->n_rows; row++)
    if ((decoding->rows[row / 8] & (1 << (row % 8))) == 0)
      return FALSE;

  return TRUE;
}

/* Decodes @data into an upright pixbuf within the project's limits.
 * @out_keep is set when @data is a PNG that may be embedded as it is. */
static GdkPixbuf *
decode_image (GBytes        *data,
              GCancellable  *cancellable,
              gboolean      *out_keep,
              GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_auto(Decoding) decoding = { 0 };
  GdkPixbufFormat *format;
  g_autofree char *format_name = NULL;
  const char *orientation;
  GdkPixbuf *pixbuf;
  gboolean ok = TRUE;
  int width, height;
  int target_width, target_height;

  decoding.data = g_bytes_get_data (data, &decoding.size);
  *out_keep = FALSE;

  if (decoding.size == 0)
    {
      g_set_error_literal (error, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_NOT_AN_IMAGE,
                           _("This is empty, not an image."));
      return NULL;
    }

  if (decoding.size > GTM_IMAGE_IMPORT_MAX_INPUT_BYTES)
    {
      set_input_too_large (error);
      return NULL;
    }

  /* JPEG's signature, as gdk-pixbuf knows it. */
  if (decoding.size >= 2 && decoding.data[0] == 0xff && decoding.data[1] == 0xd8 &&
      !jpeg_is_whole (decoding.data, decoding.size))
    {
      set_broken (error);
      return NULL;
    }

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &decoding);
  g_signal_connect (loader, "area-updated", G_CALLBACK (on_area_updated), &decoding);

  for (gsize offset = 0; ok && offset < decoding.size && !decoding.refused && !decoding.no_size;)
    {
      gsize chunk = MIN (WRITE_CHUNK, decoding.size - offset);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          gdk_pixbuf_loader_close (loader, NULL);
          return NULL;
        }

      ok = gdk_pixbuf_loader_write (loader, decoding.data + offset, chunk, &local_error);
      offset += chunk;
    }

  /* Always closed: a loader finalized open complains. */
  if (ok)
    ok = gdk_pixbuf_loader_close (loader, &local_error);
  else
    gdk_pixbuf_loader_close (loader, NULL);

  if (decoding.refused)
    {
      g_set_error (error, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: the image's width and height in pixels */
                   _("The image is too large to import (%d × %d pixels)."),
                   decoding.original_width, decoding.original_height);
      return NULL;
    }

  if (decoding.no_size)
    {
      g_set_error_literal (error, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_BROKEN,
                           _("The image has no size: there is nothing in it to show."));
      return NULL;
    }

  if (!ok)
    {
      set_decoder_error (error, local_error, decoding.data, decoding.size);
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  format = gdk_pixbuf_loader_get_format (loader);
  if (pixbuf == NULL || format == NULL)
    {
      set_broken (error);
      return NULL;
    }

  format_name = gdk_pixbuf_format_get_name (format);
  if (decoding.rows != NULL && !all_rows_reported (&decoding))
    {
      set_broken (error);
      return NULL;
    }

  orientation = gdk_pixbuf_get_option (pixbuf, "orientation");
  upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (upright == NULL)
    {
      set_out_of_memory (error);
      return NULL;
    }

  width = gdk_pixbuf_get_width (upright);
  height = gdk_pixbuf_get_height (upright);
  fit_within_limits (width, height, &target_width, &target_height);

  if (target_width != width || target_height != height)
    {
      GdkPixbuf *scaled = gdk_pixbuf_scale_simple (upright, target_width, target_height,
                                                   GDK_INTERP_BILINEAR);

      if (scaled == NULL)
        set_out_of_memory (error);
      return scaled;
    }

  *out_keep = g_strcmp0 (format_name, "png") == 0 &&
              !decoding.scaled &&
              (orientation == NULL || strcmp (orientation, "1") == 0) &&
              decoding.size >= sizeof png_end &&
              memcmp (decoding.data + decoding.size - sizeof png_end, png_end, sizeof png_end) == 0 &&
              gtm_image_check_data (data, "image/png", NULL, NULL, NULL);

  return g_steal_pointer (&upright);
}

/* ------------------------------------------------------------------------
 * Encoding
 * ------------------------------------------------------------------------ */

static GBytes *
encode_png (GdkPixbuf  *pixbuf,
            GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &local_error, NULL))
    {
      g_debug ("PNG encoder error: %s", local_error->message);
      set_out_of_memory (error);
      return NULL;
    }

  return g_bytes_new_take (buffer, size);
}

/* PNG bytes of @pixbuf, scaled down until they fit GTM_IMAGE_MAX_BYTES. */
static GBytes *
encode_within_limit (GdkPixbuf  *pixbuf,
                     GError    **error)
{
  g_autoptr(GBytes) png = NULL;
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);

  png = encode_png (pixbuf, error);
  while (png != NULL && g_bytes_get_size (png) > GTM_IMAGE_MAX_BYTES)
    {
      g_autoptr(GdkPixbuf) smaller = NULL;
      /* The size of a PNG follows its pixel count; aim a little under. */
      double factor = 0.95 * sqrt ((double) GTM_IMAGE_MAX_BYTES / g_bytes_get_size (png));
      int new_width = MAX (1, (int) floor (width * factor));
      int new_height = MAX (1, (int) floor (height * factor));

      if (new_width == width && new_height == height)
        {
          set_out_of_memory (error);
          return NULL;
        }

      width = new_width;
      height = new_height;
      /* Always from the original, so quality is lost only once. */
      smaller = gdk_pixbuf_scale_simple (pixbuf, width, height, GDK_INTERP_BILINEAR);
      if (smaller == NULL)
        {
          set_out_of_memory (error);
          return NULL;
        }

      g_clear_pointer (&png, g_bytes_unref);
      png = encode_png (smaller, error);
    }

  return g_steal_pointer (&png);
}

static GBytes *
import_bytes (GBytes        *data,
              GCancellable  *cancellable,
              int           *width,
              int           *height,
              GError       **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean keep = FALSE;
  guint png_width, png_height;

  pixbuf = decode_image (data, cancellable, &keep, error);
  if (pixbuf == NULL)
    return NULL;

  if (keep)
    png = g_bytes_ref (data);
  else
    png = encode_within_limit (pixbuf, error);
  if (png == NULL)
    return NULL;

  /* Holds by construction; checked because the file reader will check. */
  if (!gtm_image_check_data (png, "image/png", &png_width, &png_height, &local_error))
    {
      g_critical ("Imported image refused: %s", local_error->message);
      set_out_of_memory (error);
      return NULL;
    }

  if (width)
    *width = (int) png_width;
  if (height)
    *height = (int) png_height;

  return g_steal_pointer (&png);
}

/**
 * gtm_image_import_bytes:
 * @data: the bytes of an image file in any format gdk-pixbuf reads
 * @width: (out) (optional): the width of the result in pixels
 * @height: (out) (optional): the height of the result in pixels
 * @error: the place for an error in %GTM_IMAGE_IMPORT_ERROR
 *
 * Converts @data into PNG bytes that gtm_image_check_data() accepts; see
 * the top of gtm-image-import.h for how.
 *
 * Returns: (transfer full) (nullable): PNG bytes, or %NULL with @error set
 */
GBytes *
gtm_image_import_bytes (GBytes  *data,
                        int     *width,
                        int     *height,
                        GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return import_bytes (data, NULL, width, height, error);
}

/* ------------------------------------------------------------------------
 * Files
 * ------------------------------------------------------------------------ */

static void
set_read_error (GError       **error,
                const GError  *io_error)
{
  const char *message;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    message = _("The file does not exist.");
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    message = _("You are not allowed to read the file.");
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    message = _("This is a folder, not an image.");
  else
    message = io_error->message;

  g_set_error_literal (error, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_UNREADABLE,
                       message);
}

/* The whole file, refusing one over GTM_IMAGE_IMPORT_MAX_INPUT_BYTES
 * without reading it; no more than the limit is read whatever size the
 * file claims (a file may grow, a device may never end). */
static GBytes *
read_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  const gsize limit = (gsize) GTM_IMAGE_IMPORT_MAX_INPUT_BYTES + 1;
  guint64 size_hint = 0;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    goto failed;

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE) &&
      g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_UNREADABLE,
                           _("This is a folder, not an image."));
      return NULL;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size_hint = (guint64) g_file_info_get_size (info);
  if (size_hint > GTM_IMAGE_IMPORT_MAX_INPUT_BYTES)
    {
      set_input_too_large (error);
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    goto failed;

  buffer = g_byte_array_sized_new ((guint) MIN (size_hint + 1, limit));
  while (buffer->len < limit)
    {
      gsize chunk = MIN ((gsize) READ_CHUNK, limit - buffer->len);
      guint old_len = buffer->len;
      gssize n_read;

      g_byte_array_set_size (buffer, old_len + chunk);
      n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + old_len,
                                    chunk, cancellable, &local_error);
      g_byte_array_set_size (buffer, old_len + MAX (n_read, 0));
      if (n_read < 0)
        goto failed;
      if (n_read == 0)
        break;
    }

  if (buffer->len > GTM_IMAGE_IMPORT_MAX_INPUT_BYTES)
    {
      set_input_too_large (error);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

failed:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    set_read_error (error, local_error);
  return NULL;
}

/**
 * gtm_image_import_file:
 * @file: an image file
 * @cancellable: (nullable): a #GCancellable
 * @width: (out) (optional): the width of the result in pixels
 * @height: (out) (optional): the height of the result in pixels
 * @error: the place for an error naming the file
 *
 * Reads @file and converts it as gtm_image_import_bytes() does, on the
 * calling thread.
 *
 * Returns: (transfer full) (nullable): PNG bytes, or %NULL with @error set
 */
GBytes *
gtm_image_import_file (GFile         *file,
                       GCancellable  *cancellable,
                       int           *width,
                       int           *height,
                       GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = read_file (file, cancellable, &local_error);
  if (data != NULL)
    png = import_bytes (data, cancellable, width, height, &local_error);

  if (png == NULL)
    {
      g_autofree char *name = gtm_file_dup_display_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the first %s is a file name, the second the reason */
                   _("Could not import “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&png);
}

typedef struct
{
  GBytes *png;
  int     width;
  int     height;
} ImportResult;

static void
import_result_free (ImportResult *result)
{
  g_bytes_unref (result->png);
  g_free (result);
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ImportResult *result = g_new0 (ImportResult, 1);
  GError *error = NULL;

  result->png = gtm_image_import_file (source_object, cancellable,
                                       &result->width, &result->height, &error);
  if (result->png == NULL)
    {
      g_free (result);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, result, (GDestroyNotify) import_result_free);
}

/**
 * gtm_image_import_file_async:
 * @file: an image file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context when done
 * @user_data: data for @callback
 *
 * Runs gtm_image_import_file() in a worker thread.
 */
void
gtm_image_import_file_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, gtm_image_import_file_async);
  g_task_set_name (task, "[gtm] gtm_image_import_file_async");
  g_task_run_in_thread (task, import_file_thread);
}

/**
 * gtm_image_import_file_finish:
 * @result: the result passed to the callback
 * @width: (out) (optional): the width of the result in pixels
 * @height: (out) (optional): the height of the result in pixels
 * @error: the place for an error naming the file
 *
 * Returns: (transfer full) (nullable): PNG bytes, or %NULL with @error set
 */
GBytes *
gtm_image_import_file_finish (GAsyncResult  *result,
                              int           *width,
                              int           *height,
                              GError       **error)
{
  ImportResult *import;
  GBytes *png;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gtm_image_import_file_async, NULL);

  import = g_task_propagate_pointer (G_TASK (result), error);
  if (import == NULL)
    return NULL;

  if (width)
    *width = import->width;
  if (height)
    *height = import->height;
  png = g_bytes_ref (import->png);
  import_result_free (import);

  return png;
}

/* ------------------------------------------------------------------------
 * Items
 * ------------------------------------------------------------------------ */

/**
 * gtm_image_import_item_from_png:
 * @png_data: PNG bytes made by gtm_image_import_bytes() or
 *   gtm_image_import_file()
 * @center_x: where the item's centre goes on the board
 * @center_y: where the item's centre goes on the board
 * @error: the place for an error of gtm_image_check_data()
 *
 * Returns: (transfer full) (nullable): a new image item, not yet on any
 *   board, or %NULL with @error set
 */
GtmItem *
gtm_image_import_item_from_png (GBytes  *png_data,
                                double   center_x,
                                double   center_y,
                                GError **error)
{
  guint width, height;
  double scale, item_width, item_height;

  g_return_val_if_fail (png_data != NULL, NULL);
  g_return_val_if_fail (isfinite (center_x) && isfinite (center_y), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!gtm_image_check_data (png_data, "image/png", &width, &height, error))
    return NULL;

  /* One board unit a pixel, as large as an image may come in. */
  scale = MIN (1.0, GTM_IMAGE_IMPORT_MAX_ITEM_SIDE / MAX (width, height));
  item_width = MAX (width * scale, GTM_ITEM_SIZE_MIN);
  item_height = MAX (height * scale, GTM_ITEM_SIZE_MIN);

  return gtm_image_new (CLAMP (center_x - item_width / 2, -GTM_ITEM_COORD_LIMIT, GTM_ITEM_COORD_LIMIT),
                        CLAMP (center_y - item_height / 2, -GTM_ITEM_COORD_LIMIT, GTM_ITEM_COORD_LIMIT),
                        item_width, item_height, png_data);
}

/**
 * gtm_image_import_item:
 * @data: the bytes of an image file in any format gdk-pixbuf reads
 * @center_x: where the item's centre goes on the board
 * @center_y: where the item's centre goes on the board
 * @error: the place for an error in %GTM_IMAGE_IMPORT_ERROR
 *
 * Converts @data as gtm_image_import_bytes() does and makes an image item
 * of it; see gtm_image_import_item_from_png() for its size.
 *
 * Returns: (transfer full) (nullable): a new image item, not yet on any
 *   board, or %NULL with @error set
 */
GtmItem *
gtm_image_import_item (GBytes  *data,
                       double   center_x,
                       double   center_y,
                       GError **error)
{
  g_autoptr(GBytes) png = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (isfinite (center_x) && isfinite (center_y), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  png = import_bytes (data, NULL, NULL, NULL, error);
  if (png == NULL)
    return NULL;

  return gtm_image_import_item_from_png (png, center_x, center_y, error);
}
