/* test-image-import.c — PNG, JPEG, SVG and GIF files become embeddable PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-image-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "gtm-core.h"
#include "gtm-core-test-utils.h"

/* For LeakSanitizer (build-aux/test.sh): gdk-pixbuf sniffs formats with
 * g_content_type_guess(), and GIO's MIME database keeps what it loads then
 * for the life of the process. Telling that apart from real leaks takes
 * whole stacks, which the fast unwinder doesn't get through system
 * libraries. */
const char *__asan_default_options (void);
const char *__lsan_default_suppressions (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

const char *
__lsan_default_suppressions (void)
{
  return "leak:g_content_type_guess\n";
}

/* ------------------------------------------------------------------------
 * Fixtures, all made here
 * ------------------------------------------------------------------------ */

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

/* @width × @height, left half @left, right half @right (0xRRGGBB). */
static GdkPixbuf *
make_halves (int     width,
             int     height,
             guint32 left,
             guint32 right)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GdkPixbuf) right_half = NULL;

  gdk_pixbuf_fill (pixbuf, left << 8 | 0xff);
  right_half = gdk_pixbuf_new_subpixbuf (pixbuf, width / 2, 0, width - width / 2, height);
  gdk_pixbuf_fill (right_half, right << 8 | 0xff);

  return pixbuf;
}

/* Noise, which no encoder can compress. */
static GdkPixbuf *
make_noise (int width,
            int height)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 3; x++)
      pixels[y * rowstride + x] = (guint8) g_rand_int (rand);

  return pixbuf;
}

static GBytes *
save (GdkPixbuf  *pixbuf,
      const char *type,
      ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  const char *key;
  char *buffer = NULL;
  gsize size = 0;
  va_list args;

  va_start (args, type);
  while ((key = va_arg (args, const char *)) != NULL)
    {
      g_ptr_array_add (keys, (char *) key);
      g_ptr_array_add (values, va_arg (args, char *));
    }
  va_end (args);
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (values, NULL);

  gdk_pixbuf_save_to_bufferv (pixbuf, &buffer, &size, type,
                              (char **) keys->pdata, (char **) values->pdata, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (buffer, size);
}

static GBytes *
make_jpeg (int width,
           int height)
{
  g_autoptr(GdkPixbuf) pixbuf = make_halves (width, height, 0xff0000, 0x0000ff);

  return save (pixbuf, "jpeg", "quality", "95", NULL);
}

static GBytes *
make_png (int width,
          int height)
{
  g_autoptr(GdkPixbuf) pixbuf = make_halves (width, height, 0x00ff00, 0xffffff);

  return save (pixbuf, "png", NULL);
}

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* The first @size bytes of @bytes. */
static GBytes *
truncate_bytes (GBytes *bytes,
                gsize   size)
{
  g_assert_cmpuint (size, <=, g_bytes_get_size (bytes));

  return g_bytes_new_from_bytes (bytes, 0, size);
}

/* A JPEG whose EXIF data says: turn 90° clockwise to show (orientation 6). */
static GBytes *
add_exif_orientation (GBytes *jpeg,
                      guint8  orientation)
{
  const guint8 exif[] = {
    0xff, 0xe1, 0x00, 0x22,                      /* APP1, 34 bytes */
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0, 42, 0, 0, 0, 8,                 /* TIFF header, big endian */
    0, 1,                                        /* one entry */
    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, /* Orientation, SHORT */
    0, 0, 0, 0,                                  /* no next IFD */
  };
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);
  GByteArray *array = g_byte_array_new ();

  g_byte_array_append (array, data, 2);          /* SOI */
  g_byte_array_append (array, exif, sizeof exif);
  g_byte_array_append (array, data + 2, size - 2);

  return g_byte_array_free_to_bytes (array);
}

/* @jpeg with the size in its frame header changed: a lie. */
static GBytes *
set_jpeg_size (GBytes  *jpeg,
               guint16  width,
               guint16  height)
{
  gsize size;
  guint8 *data = g_memdup2 (g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg));

  size = g_bytes_get_size (jpeg);
  for (gsize i = 2; i + 8 < size; i++)
    {
      /* SOF0: length (2), precision (1), height (2), width (2) */
      if (data[i] == 0xff && data[i + 1] == 0xc0)
        {
          data[i + 5] = height >> 8;
          data[i + 6] = height & 0xff;
          data[i + 7] = width >> 8;
          data[i + 8] = width & 0xff;
          return g_bytes_new_take (data, size);
        }
    }

  g_assert_not_reached ();
}

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         size)
{
  crc = ~crc;
  for (gsize i = 0; i < size; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }

  return ~crc;
}

static void
append_be32 (GByteArray *array,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (array, bytes, 4);
}

static void
append_png_chunk (GByteArray   *array,
                  const char   *type,
                  const guint8 *data,
                  gsize         size)
{
  guint32 crc;

  append_be32 (array, size);
  g_byte_array_append (array, (const guint8 *) type, 4);
  g_byte_array_append (array, data, size);
  crc = crc32_update (0, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, size);
  append_be32 (array, crc);
}

/* A well-formed PNG header claiming @width × @height, followed by a few
 * bytes of image data: a decompression bomb as far as any reader that
 * trusts the header can tell. */
static GBytes *
make_png_bomb (guint32 width,
               guint32 height)
{
  GByteArray *array = g_byte_array_new ();
  guint8 ihdr[13] = {
    width >> 24, width >> 16, width >> 8, width,
    height >> 24, height >> 16, height >> 8, height,
    8, 2, 0, 0, 0,                               /* 8-bit RGB */
  };
  /* zlib: a stored block of 6 bytes, then nothing more. */
  const guint8 idat[] = { 0x78, 0x01, 0x00, 0x06, 0x00, 0xf9, 0xff, 0, 0, 0, 0, 0, 0 };

  g_byte_array_append (array, png_signature, sizeof png_signature);
  append_png_chunk (array, "IHDR", ihdr, sizeof ihdr);
  append_png_chunk (array, "IDAT", idat, sizeof idat);
  append_png_chunk (array, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (array);
}

/* GIF: gdk-pixbuf can't write it, so here is a small encoder. Pixels are
 * palette indices 0–3; the LZW stream holds only literal codes, with a
 * clear code after every two so that codes stay 3 bits wide. */
typedef struct
{
  GByteArray *bytes;
  guint32     bits;
  int         n_bits;
} BitWriter;

static void
put_code (BitWriter *writer,
          guint      code)
{
  writer->bits |= code << writer->n_bits;
  writer->n_bits += 3;
  while (writer->n_bits >= 8)
    {
      guint8 byte = writer->bits & 0xff;

      g_byte_array_append (writer->bytes, &byte, 1);
      writer->bits >>= 8;
      writer->n_bits -= 8;
    }
}

static void
append_le16 (GByteArray *array,
             guint16     value)
{
  guint8 bytes[2] = { value & 0xff, value >> 8 };

  g_byte_array_append (array, bytes, 2);
}

static void
append_gif_frame (GByteArray   *gif,
                  int           width,
                  int           height,
                  const guint8 *pixels)
{
  const guint8 control[] = { 0x21, 0xf9, 4, 0x04, 10, 0, 0, 0 }; /* keep, 0.1 s */
  const guint8 min_code_size = 2;
  BitWriter writer = { g_byte_array_new (), 0, 0 };
  guint8 descriptor = 0x2c;
  guint8 packed = 0;
  guint8 terminator = 0;

  g_byte_array_append (gif, control, sizeof control);
  g_byte_array_append (gif, &descriptor, 1);
  append_le16 (gif, 0);
  append_le16 (gif, 0);
  append_le16 (gif, width);
  append_le16 (gif, height);
  g_byte_array_append (gif, &packed, 1);

  for (int i = 0; i < width * height; i++)
    {
      if (i % 2 == 0)
        put_code (&writer, 4);                   /* clear */
      put_code (&writer, pixels[i]);
    }
  put_code (&writer, 5);                         /* end of information */
  if (writer.n_bits > 0)
    put_code (&writer, 0);                       /* pad the last byte */

  g_byte_array_append (gif, &min_code_size, 1);
  for (guint offset = 0; offset < writer.bytes->len; offset += 255)
    {
      guint8 length = MIN (255, writer.bytes->len - offset);

      g_byte_array_append (gif, &length, 1);
      g_byte_array_append (gif, writer.bytes->data + offset, length);
    }
  g_byte_array_append (gif, &terminator, 1);
  g_byte_array_unref (writer.bytes);
}

/* A GIF of @n_frames frames, @width × @height: frame 0 red, frame 1 blue. */
static GBytes *
make_gif (int width,
          int height,
          int n_frames)
{
  const guint8 header[] = { 'G', 'I', 'F', '8', '9', 'a' };
  const guint8 screen[] = { 0x81, 0, 0 };        /* global palette of 4 */
  const guint8 palette[] = { 0xff, 0, 0,  0, 0, 0xff,  0, 0xff, 0,  0xff, 0xff, 0xff };
  const guint8 trailer = 0x3b;
  GByteArray *gif = g_byte_array_new ();
  g_autofree guint8 *pixels = g_malloc ((gsize) width * height);

  g_byte_array_append (gif, header, sizeof header);
  append_le16 (gif, width);
  append_le16 (gif, height);
  g_byte_array_append (gif, screen, sizeof screen);
  g_byte_array_append (gif, palette, sizeof palette);

  for (int frame = 0; frame < n_frames; frame++)
    {
      memset (pixels, frame % 2, (gsize) width * height);
      append_gif_frame (gif, width, height, pixels);
    }
  g_byte_array_append (gif, &trailer, 1);

  return g_byte_array_free_to_bytes (gif);
}

/* ------------------------------------------------------------------------
 * Checks
 * ------------------------------------------------------------------------ */

/* Decodes PNG bytes that must be embeddable, and checks their size. */
static GdkPixbuf *
decode_png (GBytes *png,
            int     width,
            int     height)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  guint checked_width, checked_height;
  gsize size;
  const guint8 *data = g_bytes_get_data (png, &size);

  g_assert_cmpuint (size, >, sizeof png_signature);
  g_assert_cmpmem (data, sizeof png_signature, png_signature, sizeof png_signature);
  g_assert_cmpuint (size, <=, GTM_IMAGE_MAX_BYTES);

  g_assert_true (gtm_image_check_data (png, "image/png", &checked_width, &checked_height, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (checked_width, ==, width);
  g_assert_cmpuint (checked_height, ==, height);

  loader = gdk_pixbuf_loader_new_with_type ("png", &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_write_bytes (loader, png, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (gdk_pixbuf_loader_get_pixbuf (loader)), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (gdk_pixbuf_loader_get_pixbuf (loader)), ==, height);

  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

/* The colour at (@x, @y) is @rgb, give or take JPEG's losses. */
static void
assert_pixel (GdkPixbuf *pixbuf,
              int        x,
              int        y,
              guint32    rgb)
{
  const guint8 *pixel = gdk_pixbuf_read_pixels (pixbuf) +
                        y * gdk_pixbuf_get_rowstride (pixbuf) +
                        x * gdk_pixbuf_get_n_channels (pixbuf);

  g_assert_cmpint (abs (pixel[0] - (int) (rgb >> 16 & 0xff)), <=, 24);
  g_assert_cmpint (abs (pixel[1] - (int) (rgb >> 8 & 0xff)), <=, 24);
  g_assert_cmpint (abs (pixel[2] - (int) (rgb & 0xff)), <=, 24);
}

static GBytes *
import_ok (GBytes *data,
           int     expected_width,
           int     expected_height)
{
  g_autoptr(GError) error = NULL;
  int width = -1, height = -1;
  GBytes *png = gtm_image_import_bytes (data, &width, &height, &error);

  g_assert_no_error (error);
  g_assert_nonnull (png);
  g_assert_cmpint (width, ==, expected_width);
  g_assert_cmpint (height, ==, expected_height);
  g_object_unref (decode_png (png, width, height));

  return png;
}

static void
assert_refused (GBytes *data,
                int     code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  int width = -1, height = -1;

  png = gtm_image_import_bytes (data, &width, &height, &error);
  g_assert_null (png);
  g_assert_error (error, GTM_IMAGE_IMPORT_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 10);
  /* A sentence, not a decoder's internals. */
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_null (strstr (error->message, "JPEG library"));
  g_assert_null (strstr (error->message, "XML"));
  g_assert_cmpint (width, ==, -1);
  g_assert_cmpint (height, ==, -1);
}

/* ------------------------------------------------------------------------
 * Tests
 * ------------------------------------------------------------------------ */

/* CI installs the loaders (build-aux/deps.sh); a machine without them must
 * fail here, saying what is missing, rather than pass by skipping. */
static void
test_loaders_installed (void)
{
  const char *needed[][2] = {
    { "png", "gdk-pixbuf's built-in PNG loader (libgdk-pixbuf-2.0-0)" },
    { "jpeg", "gdk-pixbuf's built-in JPEG loader (libgdk-pixbuf-2.0-0)" },
    { "gif", "gdk-pixbuf's GIF loader (libgdk-pixbuf-2.0-0)" },
    { "svg", "librsvg's SVG loader (librsvg2-common)" },
  };
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      gboolean found = FALSE;

      for (GSList *l = formats; l != NULL; l = l->next)
        {
          g_autofree char *name = gdk_pixbuf_format_get_name (l->data);

          if (g_strcmp0 (name, needed[i][0]) == 0 && !gdk_pixbuf_format_is_disabled (l->data))
            found = TRUE;
        }

      if (!found)
        g_test_fail_printf ("gdk-pixbuf has no “%s” loader: install %s; build-aux/deps.sh does",
                            needed[i][0], needed[i][1]);
    }
}

static void
test_png_kept (void)
{
  g_autoptr(GBytes) input = make_png (300, 200);
  g_autoptr(GBytes) png = import_ok (input, 300, 200);

  /* Byte for byte: no re-encoding. */
  g_assert_true (g_bytes_equal (png, input));
}

static void
test_png_without_end (void)
{
  g_autoptr(GBytes) input = make_png (300, 200);
  g_autoptr(GBytes) cut = truncate_bytes (input, g_bytes_get_size (input) - 12);
  g_autoptr(GBytes) png = import_ok (cut, 300, 200);
  g_autoptr(GdkPixbuf) pixbuf = decode_png (png, 300, 200);

  /* Every pixel is there, but the file lacks its IEND chunk, which strict
   * readers need: it is written anew. */
  g_assert_false (g_bytes_equal (png, cut));
  assert_pixel (pixbuf, 10, 10, 0x00ff00);
  assert_pixel (pixbuf, 290, 190, 0xffffff);
}

static void
test_png_truncated (void)
{
  g_autoptr(GdkPixbuf) noise = make_noise (300, 200);
  g_autoptr(GBytes) input = save (noise, "png", NULL);

  for (int tenths = 1; tenths < 10; tenths++)
    {
      g_autoptr(GBytes) cut = truncate_bytes (input, g_bytes_get_size (input) * tenths / 10);

      assert_refused (cut, GTM_IMAGE_IMPORT_ERROR_BROKEN);
    }
}

static void
test_png_over_byte_limit (void)
{
  /* 2400 × 2400 noise: 17.3 MB of pixels no compression shrinks, stored
   * uncompressed, so over GTM_IMAGE_MAX_BYTES however it is encoded. */
  g_autoptr(GdkPixbuf) noise = make_noise (2400, 2400);
  g_autoptr(GBytes) input = save (noise, "png", "compression", "0", NULL);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  int width, height;

  g_assert_cmpuint (g_bytes_get_size (input), >, GTM_IMAGE_MAX_BYTES);
  g_assert_false (gtm_image_check_data (input, "image/png", NULL, NULL, NULL));

  png = gtm_image_import_bytes (input, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (png), <=, GTM_IMAGE_MAX_BYTES);
  /* Scaled down, but no more than needed, and still square. */
  g_assert_cmpint (width, <, 2400);
  g_assert_cmpint (width, >, 1800);
  g_assert_cmpint (height, ==, width);
  g_object_unref (decode_png (png, width, height));
}

static void
test_png_over_pixel_limit (void)
{
  /* 7000 × 6000 = 42 Mpx, over GTM_IMAGE_MAX_PIXELS. */
  g_autoptr(GdkPixbuf) pixbuf = make_halves (7000, 6000, 0xff0000, 0x0000ff);
  g_autoptr(GBytes) input = save (pixbuf, "png", NULL);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkPixbuf) result = NULL;
  g_autoptr(GError) error = NULL;
  int width, height;

  png = gtm_image_import_bytes (input, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((gint64) width * height, <=, GTM_IMAGE_MAX_PIXELS);
  g_assert_cmpint ((gint64) width * height, >, GTM_IMAGE_MAX_PIXELS / 100 * 99);
  g_assert_cmpfloat_with_epsilon ((double) width / height, 7000.0 / 6000.0, 0.001);

  result = decode_png (png, width, height);
  assert_pixel (result, 10, 10, 0xff0000);
  assert_pixel (result, width - 10, height - 10, 0x0000ff);
}

static void
test_png_bomb (void)
{
  g_autoptr(GBytes) bomb = make_png_bomb (100000, 100000);
  g_autoptr(GBytes) wide = make_png_bomb (1000000, 200);
  gint64 start = g_get_monotonic_time ();

  assert_refused (bomb, GTM_IMAGE_IMPORT_ERROR_TOO_LARGE);
  assert_refused (wide, GTM_IMAGE_IMPORT_ERROR_TOO_LARGE);

  /* Refused from the header, not after decoding 40 GB of pixels. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_jpeg (void)
{
  g_autoptr(GBytes) input = make_jpeg (300, 200);
  g_autoptr(GBytes) png = import_ok (input, 300, 200);
  g_autoptr(GdkPixbuf) pixbuf = decode_png (png, 300, 200);

  assert_pixel (pixbuf, 20, 100, 0xff0000);
  assert_pixel (pixbuf, 280, 100, 0x0000ff);
}

static void
test_jpeg_orientation (void)
{
  g_autoptr(GBytes) jpeg = make_jpeg (300, 200);
  g_autoptr(GBytes) rotated = add_exif_orientation (jpeg, 6);
  g_autoptr(GBytes) png = import_ok (rotated, 200, 300);
  g_autoptr(GdkPixbuf) pixbuf = decode_png (png, 200, 300);

  /* Turned a quarter clockwise: the left (red) half is now on top. */
  assert_pixel (pixbuf, 100, 20, 0xff0000);
  assert_pixel (pixbuf, 100, 280, 0x0000ff);
}

static void
test_jpeg_truncated (void)
{
  g_autoptr(GdkPixbuf) noise = make_noise (300, 200);
  g_autoptr(GBytes) input = save (noise, "jpeg", "quality", "90", NULL);
  g_autoptr(GBytes) whole = import_ok (input, 300, 200);
  gsize sizes[] = { 2, 20, 300, g_bytes_get_size (input) / 2, g_bytes_get_size (input) - 2 };

  /* libjpeg fills what is missing with grey and decodes “successfully”. */
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GBytes) cut = truncate_bytes (input, sizes[i]);

      assert_refused (cut, GTM_IMAGE_IMPORT_ERROR_BROKEN);
    }
}

static void
test_jpeg_bomb (void)
{
  g_autoptr(GBytes) jpeg = make_jpeg (64, 64);
  g_autoptr(GBytes) huge = set_jpeg_size (jpeg, 65000, 65000);
  g_autoptr(GBytes) large = set_jpeg_size (jpeg, 6000, 6000);
  gint64 start = g_get_monotonic_time ();

  /* A few hundred bytes can't hold millions of 8 × 8 blocks: libjpeg would
   * spend seconds making up grey ones. */
  assert_refused (huge, GTM_IMAGE_IMPORT_ERROR_BROKEN);
  assert_refused (large, GTM_IMAGE_IMPORT_ERROR_BROKEN);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_jpeg_trailing_data (void)
{
  g_autoptr(GBytes) jpeg = make_jpeg (64, 48);
  GByteArray *array = g_byte_array_new ();
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GBytes) png = NULL;

  /* Some cameras and editors append data after the end marker. */
  g_byte_array_append (array, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg));
  g_byte_array_append (array, (const guint8 *) "\xff\x00trailer\xff", 10);
  input = g_byte_array_free_to_bytes (array);
  png = import_ok (input, 64, 48);
}

static void
test_svg_sized (void)
{
  g_autoptr(GBytes) input = bytes_from_string (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- made by hand -->\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">"
    "<rect width=\"100\" height=\"100\" fill=\"#ff0000\"/>"
    "<rect x=\"100\" width=\"100\" height=\"100\" fill=\"#0000ff\"/>"
    "</svg>");
  g_autoptr(GBytes) png = import_ok (input, 200, 100);
  g_autoptr(GdkPixbuf) pixbuf = decode_png (png, 200, 100);

  assert_pixel (pixbuf, 50, 50, 0xff0000);
  assert_pixel (pixbuf, 150, 50, 0x0000ff);
}

static void
test_svg_unsized (void)
{
  g_autoptr(GBytes) view_box = bytes_from_string (
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 12'>"
    "<rect width='24' height='12' fill='#00ff00'/></svg>");
  g_autoptr(GBytes) percent = bytes_from_string (
    "<svg xmlns='http://www.w3.org/2000/svg' width='100%' height='100%' viewBox='0 0 30 10'>"
    "<rect width='30' height='10' fill='#00ff00'/></svg>");
  g_autoptr(GBytes) bare = bytes_from_string (
    "<svg xmlns='http://www.w3.org/2000/svg'><circle cx='50' cy='50' r='40'/></svg>");
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  /* An icon's 24 × 12 would be a blur: the default size, same shape. */
  png = import_ok (view_box, GTM_IMAGE_IMPORT_SVG_DEFAULT_SIDE, GTM_IMAGE_IMPORT_SVG_DEFAULT_SIDE / 2);
  pixbuf = decode_png (png, GTM_IMAGE_IMPORT_SVG_DEFAULT_SIDE, GTM_IMAGE_IMPORT_SVG_DEFAULT_SIDE / 2);
  assert_pixel (pixbuf, 480, 240, 0x00ff00);
  g_clear_pointer (&png, g_bytes_unref);

  png = import_ok (percent, GTM_IMAGE_IMPORT_SVG_DEFAULT_SIDE, GTM_IMAGE_IMPORT_SVG_DEFAULT_SIDE / 3);
  g_clear_pointer (&png, g_bytes_unref);

  png = import_ok (bare, GTM_IMAGE_IMPORT_SVG_DEFAULT_SIDE, GTM_IMAGE_IMPORT_SVG_DEFAULT_SIDE);
}

static void
test_svg_huge (void)
{
  /* Rendered straight at the largest size allowed, never at the size the
   * file asks for. */
  g_autoptr(GBytes) wide = bytes_from_string (
    "<svg xmlns='http://www.w3.org/2000/svg' width='100000' height='1000'>"
    "<rect width='100000' height='1000' fill='#0000ff'/></svg>");
  g_autoptr(GBytes) square = bytes_from_string (
    "<svg xmlns='http://www.w3.org/2000/svg' width='100000' height='100000'>"
    "<rect width='100000' height='100000' fill='#0000ff'/></svg>");
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  int width, height;

  png = import_ok (wide, GTM_IMAGE_MAX_SIDE, GTM_IMAGE_MAX_SIDE / 100);
  g_clear_pointer (&png, g_bytes_unref);

  png = gtm_image_import_bytes (square, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpint (width, ==, height);
  g_assert_cmpint ((gint64) width * height, <=, GTM_IMAGE_MAX_PIXELS);
  g_assert_cmpint ((gint64) width * height, >, GTM_IMAGE_MAX_PIXELS / 100 * 99);
  g_object_unref (decode_png (png, width, height));
}

static void
test_svg_broken (void)
{
  g_autoptr(GBytes) truncated = bytes_from_string (
    "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect");
  g_autoptr(GBytes) empty = bytes_from_string ("<svg xmlns='http://www.w3.org/2000/svg'/>");

  assert_refused (truncated, GTM_IMAGE_IMPORT_ERROR_BROKEN);
  assert_refused (empty, GTM_IMAGE_IMPORT_ERROR_BROKEN);
}

static void
test_gif (void)
{
  g_autoptr(GBytes) still = make_gif (40, 30, 1);
  g_autoptr(GBytes) animation = make_gif (40, 30, 2);
  g_autoptr(GBytes) cut = truncate_bytes (animation, g_bytes_get_size (animation) / 2);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  png = import_ok (still, 40, 30);
  pixbuf = decode_png (png, 40, 30);
  assert_pixel (pixbuf, 20, 15, 0xff0000);
  g_clear_object (&pixbuf);
  g_clear_pointer (&png, g_bytes_unref);

  /* The first frame (red), not the second (blue). */
  png = import_ok (animation, 40, 30);
  pixbuf = decode_png (png, 40, 30);
  assert_pixel (pixbuf, 20, 15, 0xff0000);

  assert_refused (cut, GTM_IMAGE_IMPORT_ERROR_BROKEN);
}

static void
test_not_an_image (void)
{
  const char *texts[] = {
    "",
    "Launch plan for Q3: pricing, personas, channels.\n",
    "<!DOCTYPE html><html><body><p>hello</p></body></html>",
    "<?xml version='1.0'?><project><board/></project>",
    "{ \"format\": \"gtm-studio\", \"version\": 1 }",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree guint8 *noise = g_malloc (4096);
  g_autoptr(GBytes) random_bytes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) data = bytes_from_string (texts[i]);

      assert_refused (data, GTM_IMAGE_IMPORT_ERROR_NOT_AN_IMAGE);
    }

  for (guint i = 0; i < 4096; i++)
    noise[i] = (guint8) g_rand_int (rand);
  random_bytes = g_bytes_new (noise, 4096);
  assert_refused (random_bytes, GTM_IMAGE_IMPORT_ERROR_NOT_AN_IMAGE);
}

static void
test_unsupported_format (void)
{
  /* The header of a Photoshop file, which no gdk-pixbuf loader reads. */
  const guint8 psd[] = {
    '8', 'B', 'P', 'S', 0, 1, 0, 0, 0, 0, 0, 0, 0, 3,
    0, 0, 0, 8, 0, 0, 0, 8, 0, 8, 0, 3,
  };
  g_autoptr(GBytes) data = g_bytes_new (psd, sizeof psd);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;

  assert_refused (data, GTM_IMAGE_IMPORT_ERROR_UNSUPPORTED_FORMAT);

  /* The message names the format. */
  png = gtm_image_import_bytes (data, NULL, NULL, &error);
  g_assert_nonnull (strstr (error->message, "Photoshop"));
}

static void
test_input_too_large (void)
{
  gsize size = (gsize) GTM_IMAGE_IMPORT_MAX_INPUT_BYTES + 1;
  g_autoptr(GBytes) data = g_bytes_new_take (g_malloc0 (size), size);

  assert_refused (data, GTM_IMAGE_IMPORT_ERROR_TOO_LARGE);
}

static void
assert_item (GtmItem *item,
             GBytes  *png,
             double   x,
             double   y,
             double   width,
             double   height)
{
  g_assert_true (GTM_IS_IMAGE (item));
  g_assert_true (g_bytes_equal (gtm_image_get_data (GTM_IMAGE (item)), png));
  g_assert_cmpstr (gtm_image_get_mime_type (GTM_IMAGE (item)), ==, "image/png");
  g_assert_cmpfloat_with_epsilon (gtm_item_get_x (item), x, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtm_item_get_y (item), y, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtm_item_get_width (item), width, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtm_item_get_height (item), height, 1e-9);
}

static void
test_item_size (void)
{
  struct {
    int    width, height;
    double item_width, item_height;
  } cases[] = {
    { 40, 30, 40, 30 },                          /* small: one unit a pixel */
    { 480, 100, 480, 100 },                      /* just fits */
    { 1000, 500, 480, 240 },                     /* large: longer side 480 */
    { 300, 1200, 120, 480 },
    { 2000, 2, 480, GTM_ITEM_SIZE_MIN },         /* a hairline stays visible */
    { 1, 1, 1, 1 },
  };

  g_assert_cmpfloat (GTM_IMAGE_IMPORT_MAX_ITEM_SIDE, ==, 480.0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) png = make_png (cases[i].width, cases[i].height);
      g_autoptr(GtmItem) item = NULL;
      g_autoptr(GError) error = NULL;

      item = gtm_image_import_item (png, 100, 50, &error);
      g_assert_no_error (error);
      assert_item (item, png,
                   100 - cases[i].item_width / 2, 50 - cases[i].item_height / 2,
                   cases[i].item_width, cases[i].item_height);
    }
}

static void
test_item_from_other_formats (void)
{
  g_autoptr(GBytes) jpeg = make_jpeg (600, 300);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GtmItem) item = NULL;
  g_autoptr(GtmItem) from_png = NULL;
  g_autoptr(GtmItem) at_edge = NULL;
  g_autoptr(GError) error = NULL;
  int width, height;

  item = gtm_image_import_item (jpeg, -20, 30, &error);
  g_assert_no_error (error);
  png = gtm_image_import_bytes (jpeg, &width, &height, &error);
  g_assert_no_error (error);
  assert_item (item, png, -260, -90, 480, 240);

  from_png = gtm_image_import_item_from_png (png, 0, 0, &error);
  g_assert_no_error (error);
  assert_item (from_png, png, -240, -120, 480, 240);

  /* Never outside the board. */
  at_edge = gtm_image_import_item_from_png (png, -GTM_ITEM_COORD_LIMIT, GTM_ITEM_COORD_LIMIT, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (gtm_item_get_x (at_edge), ==, -GTM_ITEM_COORD_LIMIT);
  g_assert_cmpfloat (gtm_item_get_y (at_edge), <=, GTM_ITEM_COORD_LIMIT);
}

static void
test_item_refused (void)
{
  g_autoptr(GBytes) text = bytes_from_string ("not a picture");
  g_autoptr(GBytes) jpeg = make_jpeg (30, 20);
  g_autoptr(GtmItem) item = NULL;
  g_autoptr(GtmItem) from_png = NULL;
  g_autoptr(GError) error = NULL;

  item = gtm_image_import_item (text, 0, 0, &error);
  g_assert_null (item);
  g_assert_error (error, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_NOT_AN_IMAGE);
  g_clear_error (&error);

  /* The PNG variant takes PNG only. */
  from_png = gtm_image_import_item_from_png (jpeg, 0, 0, &error);
  g_assert_null (from_png);
  g_assert_nonnull (error);
}

static void
on_async_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static void
write_file (const char *path,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
assert_file_refused (GFile      *file,
                     GQuark      domain,
                     int         code,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;

  png = gtm_image_import_file (file, NULL, NULL, NULL, &error);
  g_assert_null (png);
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_cmpuint (strlen (error->message), >, strlen (name) + 10);
}

static void
test_file (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-image-import");
  g_autofree char *jpeg_path = g_build_filename (dir, "photo 照片.jpg", NULL);
  g_autofree char *text_path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.png", NULL);
  g_autofree char *big_path = g_build_filename (dir, "huge.png", NULL);
  g_autoptr(GBytes) jpeg = make_jpeg (300, 200);
  g_autoptr(GBytes) text = bytes_from_string ("hello");
  g_autoptr(GFile) jpeg_file = g_file_new_for_path (jpeg_path);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing_path);
  g_autoptr(GFile) big_file = g_file_new_for_path (big_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  int width, height;
  FILE *big;

  write_file (jpeg_path, jpeg);
  write_file (text_path, text);
  /* Sparse: over the limit without writing 64 MiB. */
  big = g_fopen (big_path, "wb");
  g_assert_nonnull (big);
  g_assert_cmpint (fseek (big, GTM_IMAGE_IMPORT_MAX_INPUT_BYTES, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', big), ==, 'x');
  g_assert_cmpint (fclose (big), ==, 0);

  png = gtm_image_import_file (jpeg_file, NULL, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpint (width, ==, 300);
  g_assert_cmpint (height, ==, 200);
  g_object_unref (decode_png (png, 300, 200));

  assert_file_refused (text_file, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_NOT_AN_IMAGE, "notes.txt");
  assert_file_refused (missing_file, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_UNREADABLE, "missing.png");
  assert_file_refused (folder, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_UNREADABLE, "gtm-image-import");
  assert_file_refused (big_file, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_TOO_LARGE, "huge.png");

  gtm_core_test_remove_tree (dir);
}

static void
test_file_async (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-image-import");
  g_autofree char *svg_path = g_build_filename (dir, "logo.svg", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "cut.jpg", NULL);
  g_autoptr(GBytes) svg = bytes_from_string (
    "<svg xmlns='http://www.w3.org/2000/svg' width='64' height='32'/>");
  g_autoptr(GBytes) jpeg = make_jpeg (300, 200);
  g_autoptr(GBytes) cut = truncate_bytes (jpeg, g_bytes_get_size (jpeg) / 2);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) bad_result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) bad_png = NULL;
  g_autoptr(GBytes) cancelled_png = NULL;
  g_autoptr(GError) error = NULL;
  int width = 0, height = 0;

  write_file (svg_path, svg);
  write_file (bad_path, cut);

  gtm_image_import_file_async (svg_file, NULL, on_async_done, &result);
  png = gtm_image_import_file_finish (wait_for_result (&result), &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpint (width, ==, 64);
  g_assert_cmpint (height, ==, 32);
  g_object_unref (decode_png (png, 64, 32));

  gtm_image_import_file_async (bad_file, NULL, on_async_done, &bad_result);
  bad_png = gtm_image_import_file_finish (wait_for_result (&bad_result), NULL, NULL, &error);
  g_assert_null (bad_png);
  g_assert_error (error, GTM_IMAGE_IMPORT_ERROR, GTM_IMAGE_IMPORT_ERROR_BROKEN);
  g_assert_nonnull (strstr (error->message, "cut.jpg"));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  gtm_image_import_file_async (svg_file, cancellable, on_async_done, &cancelled_result);
  cancelled_png = gtm_image_import_file_finish (wait_for_result (&cancelled_result), NULL, NULL, &error);
  g_assert_null (cancelled_png);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  gtm_core_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

  g_test_add_func ("/image-import/loaders", test_loaders_installed);
  g_test_add_func ("/image-import/png/kept", test_png_kept);
  g_test_add_func ("/image-import/png/without-end", test_png_without_end);
  g_test_add_func ("/image-import/png/truncated", test_png_truncated);
  g_test_add_func ("/image-import/png/over-byte-limit", test_png_over_byte_limit);
  g_test_add_func ("/image-import/png/over-pixel-limit", test_png_over_pixel_limit);
  g_test_add_func ("/image-import/png/bomb", test_png_bomb);
  g_test_add_func ("/image-import/jpeg/decoded", test_jpeg);
  g_test_add_func ("/image-import/jpeg/orientation", test_jpeg_orientation);
  g_test_add_func ("/image-import/jpeg/truncated", test_jpeg_truncated);
  g_test_add_func ("/image-import/jpeg/bomb", test_jpeg_bomb);
  g_test_add_func ("/image-import/jpeg/trailing-data", test_jpeg_trailing_data);
  g_test_add_func ("/image-import/svg/sized", test_svg_sized);
  g_test_add_func ("/image-import/svg/unsized", test_svg_unsized);
  g_test_add_func ("/image-import/svg/huge", test_svg_huge);
  g_test_add_func ("/image-import/svg/broken", test_svg_broken);
  g_test_add_func ("/image-import/gif", test_gif);
  g_test_add_func ("/image-import/refused/not-an-image", test_not_an_image);
  g_test_add_func ("/image-import/refused/unsupported-format", test_unsupported_format);
  g_test_add_func ("/image-import/refused/input-too-large", test_input_too_large);
  g_test_add_func ("/image-import/item/size", test_item_size);
  g_test_add_func ("/image-import/item/other-formats", test_item_from_other_formats);
  g_test_add_func ("/image-import/item/refused", test_item_refused);
  g_test_add_func ("/image-import/file/sync", test_file);
  g_test_add_func ("/image-import/file/async", test_file_async);

  return g_test_run ();
}
