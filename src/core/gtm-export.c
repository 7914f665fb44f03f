/* gtm-export.c — a board as a PDF page, a PNG picture or an SVG drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <png.h>
#include <glib/gi18n-lib.h>

#include "gtm-asset.h"
#include "gtm-export.h"
#include "gtm-render.h"
#include "gtm-save.h"

/* Board units are pixels at 96 dpi, as on the canvas at 100 %. */
#define BOARD_DPI 96.0

/* The largest scale a PNG may be asked for: far beyond any limit anyway. */
#define MAX_SCALE 1000.0

/* Page sizes in points, portrait. */
#define A4_WIDTH      (210.0 / 25.4 * 72.0)
#define A4_HEIGHT     (297.0 / 25.4 * 72.0)
#define LETTER_WIDTH  (8.5 * 72.0)
#define LETTER_HEIGHT (11.0 * 72.0)
#define SLIDE_WIDTH   960.0 /* 13.333 in */
#define SLIDE_HEIGHT  540.0 /* 7.5 in */

void
gtm_export_options_init (GtmExportOptions *options,
                         GtmExportFormat   format)
{
  g_return_if_fail (options != NULL);

  *options = (GtmExportOptions) {
    .format = format,
    .page = GTM_EXPORT_PAGE_A4,
    .page_width = A4_WIDTH,
    .page_height = A4_HEIGHT,
    .landscape = FALSE,
    .margin = 36.0,
    .title = NULL,
    .author = NULL,
    .scale = 1.0,
    .dpi = 0.0,
    .transparent = FALSE,
  };
}

gboolean
gtm_export_get_page_size (const GtmExportOptions *options,
                          double                 *width,
                          double                 *height)
{
  double w, h;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  switch (options->page)
    {
    case GTM_EXPORT_PAGE_A4:
      w = A4_WIDTH;
      h = A4_HEIGHT;
      break;

    case GTM_EXPORT_PAGE_LETTER:
      w = LETTER_WIDTH;
      h = LETTER_HEIGHT;
      break;

    case GTM_EXPORT_PAGE_SLIDE_16_9:
      *width = SLIDE_WIDTH;
      *height = SLIDE_HEIGHT;
      return TRUE;

    case GTM_EXPORT_PAGE_CUSTOM:
      *width = options->page_width;
      *height = options->page_height;
      return options->page_width >= GTM_EXPORT_PAGE_MIN_SIDE &&
             options->page_width <= GTM_EXPORT_PAGE_MAX_SIDE &&
             options->page_height >= GTM_EXPORT_PAGE_MIN_SIDE &&
             options->page_height <= GTM_EXPORT_PAGE_MAX_SIDE;

    default:
      *width = *height = 0;
      return FALSE;
    }

  *width = options->landscape ? h : w;
  *height = options->landscape ? w : h;
  return TRUE;
}

const char *
gtm_export_format_get_extension (GtmExportFormat format)
{
  switch (format)
    {
    case GTM_EXPORT_FORMAT_PDF:
      return "pdf";
    case GTM_EXPORT_FORMAT_PNG:
      return "png";
    case GTM_EXPORT_FORMAT_SVG:
      return "svg";
    default:
      g_return_val_if_reached (NULL);
    }
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 const char    *display_name,
                 GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
               _("Exporting “%s” was cancelled"), display_name);
  return FALSE;
}

static gboolean
check_status (cairo_status_t   status,
              const char      *display_name,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  if (status == CAIRO_STATUS_NO_MEMORY)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("Could not export “%s”: there is not enough memory"),
                 display_name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not export “%s”: drawing failed (%s)"),
                 display_name, cairo_status_to_string (status));
  return FALSE;
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  cairo_pdf_metadata_t key,
                  const char      *value)
{
  if (value != NULL && *value != '\0' && g_utf8_validate (value, -1, NULL))
    cairo_pdf_surface_set_metadata (surface, key, value);
}

/* Finishes @surface drawn through @cr, and says whether all went well. */
static gboolean
finish_vector (cairo_surface_t  *surface,
               cairo_t          *cr,
               const char       *display_name,
               GError          **error)
{
  cairo_status_t status = cairo_status (cr);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_status (status, display_name, error);
}

/* The title a PDF carries: @title after the product's name, as a
 * reader's window or a file manager shows it ("Beacon — One-pager"). */
static char *
document_title (GtmAsset   *asset,
                const char *title)
{
  GtmProject *project = gtm_asset_get_project (asset);
  const char *product = project != NULL ? gtm_project_get_product_name (project) : NULL;

  if (title == NULL || *title == '\0')
    return g_strdup (product);
  if (product == NULL || *product == '\0' || strstr (title, product) != NULL)
    return g_strdup (title);

  /* Translators: a PDF's title: the product's name, then what the
     document is ("Beacon Analytics — Battlecard: Northwind BI") */
  return g_strdup_printf (_("%s — %s"), product, title);
}

/* The author a PDF carries: @author, or the user's name when known. */
static const char *
document_author (const char *author)
{
  const char *name = g_get_real_name ();

  if (author != NULL && *author != '\0')
    return author;

  return g_strcmp0 (name, "Unknown") != 0 ? name : NULL;
}

static GByteArray *
export_pdf (GtmAsset * const       *assets,
            guint                   n_assets,
            const GtmExportOptions *options,
            void                  (*progress) (guint    done,
                                               gpointer user_data),
            gpointer                user_data,
            GtmExportResult        *result,
            GCancellable           *cancellable,
            const char             *display_name,
            GError                **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  guint n_pages = 0;

  gtm_asset_get_page_size (assets[0], 0, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes, width, height);
  title = document_title (assets[0], options->title);
  set_pdf_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  set_pdf_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, document_author (options->author));
  set_pdf_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "GTM Studio " PACKAGE_VERSION);
  cr = cairo_create (surface);

  for (guint i = 0; i < n_assets; i++)
    {
      for (guint page = 0, n = gtm_asset_get_n_pages (assets[i]); page < n; page++)
        {
          if (g_cancellable_is_cancelled (cancellable))
            break;

          gtm_asset_get_page_size (assets[i], page, &width, &height);
          cairo_pdf_surface_set_size (surface, width, height);
          gtm_asset_draw_page (assets[i], page, cr, FALSE);
          cairo_show_page (cr);
          n_pages++;
        }

      if (progress != NULL && !g_cancellable_is_cancelled (cancellable))
        progress (i + 1, user_data);
    }

  if (!finish_vector (surface, cr, display_name, error))
    return NULL;

  gtm_asset_get_page_size (assets[0], 0, &result->width, &result->height);
  result->scale = 1;
  result->n_pages = n_pages;
  return g_steal_pointer (&bytes);
}

static GByteArray *
export_svg (GtmAsset         *asset,
            GtmExportResult  *result,
            const char       *display_name,
            GError          **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  gtm_asset_get_page_size (asset, 0, &width, &height);
  surface = cairo_svg_surface_create_for_stream (append_to_array, bytes, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  gtm_asset_draw_page (asset, 0, cr, FALSE);
  cairo_show_page (cr);

  if (!finish_vector (surface, cr, display_name, error))
    return NULL;

  result->width = width;
  result->height = height;
  result->scale = 1;
  result->n_pages = 1;
  return g_steal_pointer (&bytes);
}

/* The scale, in pixels per unit, a PNG of @asset is asked for. */
static gboolean
png_scale (GtmAsset                *asset,
           const GtmExportOptions  *options,
           const char              *display_name,
           double                  *scale,
           GError                 **error)
{
  double dpi = options->dpi > 0 ? options->dpi : options->scale * BOARD_DPI;

  *scale = dpi / gtm_asset_get_units_dpi (asset);
  if (!(options->scale > 0 || options->dpi > 0) || !(*scale > 0) || !(*scale <= MAX_SCALE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export “%s”: a picture’s scale must be more than 0 and "
                     "at most %g"),
                   display_name, MAX_SCALE);
      return FALSE;
    }

  return TRUE;
}

/* A PNG is drawn in bands of about this many bytes, and each band is
 * compressed in another thread while the next is drawn: drawing and
 * compressing share the cores, and the whole picture is never in memory. */
#define PNG_BAND_BYTES (8 * 1024 * 1024)

/* zlib's level 3 on unfiltered rows: a 2,000-item board at 2× is 8 %
 * bigger than cairo's PNG (level 6, a filter chosen per row) and takes about
 * an eighth of the time. Filtering every row "Up" saves 5 % more for 20 %
 * more time; compression is the slower half of the work. */
#define PNG_COMPRESSION_LEVEL 3

typedef struct
{
  cairo_surface_t *surface;
  int              n_rows;
} PngBand;

typedef struct
{
  png_structp  png;
  png_infop    info;
  GByteArray  *bytes;
  int          width;
  gboolean     opaque;
  guchar      *row;

  /* Bands drawn, to compress, and then &end; bands compressed, to draw. */
  GAsyncQueue *drawn;
  GAsyncQueue *free;
  PngBand      bands[2];
  PngBand      end;
  int          failed; /* atomic: libpng gave up */
} PngWriter;

static void
png_writer_error (png_structp      png,
                  png_const_charp  message)
{
  g_debug ("libpng: %s", message);
  png_longjmp (png, 1);
}

static void
png_writer_warning (png_structp      png,
                    png_const_charp  message)
{
  g_debug ("libpng: %s", message);
}

static void
png_writer_append (png_structp png,
                   png_bytep   data,
                   size_t      length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
png_writer_flush (png_structp png)
{
}

/* Starts a PNG of @width × @height pixels at @dpi, RGB when @opaque and
 * RGBA otherwise, with two bands of @band_rows rows to draw into. */
static cairo_status_t
png_writer_init (PngWriter *self,
                 int        width,
                 int        height,
                 double     dpi,
                 int        band_rows,
                 gboolean   opaque)
{
  *self = (PngWriter) {
    .bytes = g_byte_array_new (),
    .width = width,
    .opaque = opaque,
    .row = g_malloc (width * 4),
    .drawn = g_async_queue_new (),
    .free = g_async_queue_new (),
  };

  for (guint i = 0; i < G_N_ELEMENTS (self->bands); i++)
    {
      self->bands[i].surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, band_rows);
      if (cairo_surface_status (self->bands[i].surface) != CAIRO_STATUS_SUCCESS)
        return CAIRO_STATUS_NO_MEMORY;
      g_async_queue_push (self->free, &self->bands[i]);
    }

  self->png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL,
                                       png_writer_error, png_writer_warning);
  if (self->png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  self->info = png_create_info_struct (self->png);
  if (self->info == NULL)
    return CAIRO_STATUS_NO_MEMORY;

  if (setjmp (png_jmpbuf (self->png)))
    return CAIRO_STATUS_WRITE_ERROR;

  png_set_write_fn (self->png, self->bytes, png_writer_append, png_writer_flush);
  png_set_IHDR (self->png, self->info, width, height, 8,
                opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  /* So that the picture prints at the size asked for. */
  png_set_pHYs (self->png, self->info, (png_uint_32) round (dpi / 0.0254),
                (png_uint_32) round (dpi / 0.0254), PNG_RESOLUTION_METER);
  png_set_compression_level (self->png, PNG_COMPRESSION_LEVEL);
  png_set_filter (self->png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info (self->png, self->info);

  return CAIRO_STATUS_SUCCESS;
}

static void
png_writer_clear (PngWriter *self)
{
  if (self->png != NULL)
    png_destroy_write_struct (&self->png, &self->info);
  for (guint i = 0; i < G_N_ELEMENTS (self->bands); i++)
    g_clear_pointer (&self->bands[i].surface, cairo_surface_destroy);
  g_clear_pointer (&self->drawn, g_async_queue_unref);
  g_clear_pointer (&self->free, g_async_queue_unref);
  g_clear_pointer (&self->row, g_free);
  g_clear_pointer (&self->bytes, g_byte_array_unref);
}

/* Turns one row of cairo's premultiplied native-endian ARGB into PNG's
 * RGB or RGBA bytes. An opaque picture is laid on white, which shows
 * where the drawing leaves it uncovered: in the partly covered last
 * column and row, and through a board's see-through background. */
static void
png_writer_convert_row (PngWriter     *self,
                        const guint32 *pixels)
{
  guchar *out = self->row;

  if (self->opaque)
    {
      for (int x = 0; x < self->width; x++, out += 3)
        {
          guint32 p = pixels[x];
          guint white = 255 - (p >> 24);

          out[0] = ((p >> 16) & 0xff) + white;
          out[1] = ((p >> 8) & 0xff) + white;
          out[2] = (p & 0xff) + white;
        }
      return;
    }

  for (int x = 0; x < self->width; x++, out += 4)
    {
      guint32 p = pixels[x];
      guint alpha = p >> 24;

      if (alpha == 0xff)
        {
          out[0] = p >> 16;
          out[1] = p >> 8;
          out[2] = p;
        }
      else if (alpha == 0)
        {
          out[0] = out[1] = out[2] = 0;
        }
      else
        {
          out[0] = (((p >> 16) & 0xff) * 255 + alpha / 2) / alpha;
          out[1] = (((p >> 8) & 0xff) * 255 + alpha / 2) / alpha;
          out[2] = ((p & 0xff) * 255 + alpha / 2) / alpha;
        }
      out[3] = alpha;
    }
}

/* Compresses @band's rows; runs in the writer's thread. */
static gboolean
png_writer_write_band (PngWriter *self,
                       PngBand   *band)
{
  const guchar *data = cairo_image_surface_get_data (band->surface);
  int stride = cairo_image_surface_get_stride (band->surface);

  if (setjmp (png_jmpbuf (self->png)))
    return FALSE;

  for (int y = 0; y < band->n_rows; y++)
    {
      png_writer_convert_row (self, (const guint32 *) (data + (gsize) y * stride));
      png_write_row (self->png, self->row);
    }

  return TRUE;
}

static gpointer
png_writer_run (gpointer data)
{
  PngWriter *self = data;
  PngBand *band;

  while ((band = g_async_queue_pop (self->drawn)) != &self->end)
    {
      if (!g_atomic_int_get (&self->failed) && !png_writer_write_band (self, band))
        g_atomic_int_set (&self->failed, TRUE);
      g_async_queue_push (self->free, band);
    }

  return NULL;
}

static cairo_status_t
png_writer_finish (PngWriter *self)
{
  if (setjmp (png_jmpbuf (self->png)))
    return CAIRO_STATUS_WRITE_ERROR;

  png_write_end (self->png, self->info);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
export_png_page (GtmAsset                *asset,
                 guint                    page,
                 const GtmExportOptions  *options,
                 double                   asked,
                 GtmExportResult         *result,
                 GCancellable            *cancellable,
                 const char              *display_name,
                 GError                 **error)
{
  PngWriter writer;
  GBytes *bytes = NULL;
  GThread *thread;
  cairo_status_t status;
  double width, height, scale;
  int pixel_width, pixel_height, band_rows;

  gtm_asset_get_page_size (asset, page, &width, &height);
  scale = gtm_render_fit_scale (width, height, asked, &pixel_width, &pixel_height);
  band_rows = PNG_BAND_BYTES / cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, pixel_width);
  band_rows = CLAMP (band_rows, 1, pixel_height);

  status = png_writer_init (&writer, pixel_width, pixel_height,
                            scale * gtm_asset_get_units_dpi (asset),
                            band_rows, !options->transparent);
  if (status == CAIRO_STATUS_NO_MEMORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Could not export “%s”: there is not enough memory for a picture "
                     "of %d × %d pixels"),
                   display_name, pixel_width, pixel_height);
      png_writer_clear (&writer);
      return NULL;
    }
  if (!check_status (status, display_name, error))
    {
      png_writer_clear (&writer);
      return NULL;
    }

  /* The renderer keeps text layouts on the items: only this thread draws. */
  thread = g_thread_new ("gtm-export-png", png_writer_run, &writer);
  for (int first_row = 0; first_row < pixel_height; first_row += band_rows)
    {
      PngBand *band = g_async_queue_pop (writer.free);
      cairo_t *cr;

      if (g_cancellable_is_cancelled (cancellable) || g_atomic_int_get (&writer.failed))
        break;

      cr = cairo_create (band->surface);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      cairo_translate (cr, 0, -first_row);
      cairo_scale (cr, scale, scale);
      gtm_asset_draw_page (asset, page, cr, options->transparent);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status != CAIRO_STATUS_SUCCESS)
        break;

      cairo_surface_flush (band->surface);
      band->n_rows = MIN (band_rows, pixel_height - first_row);
      g_async_queue_push (writer.drawn, band);
    }
  g_async_queue_push (writer.drawn, &writer.end);
  g_thread_join (thread);

  if (status == CAIRO_STATUS_SUCCESS && g_atomic_int_get (&writer.failed))
    status = CAIRO_STATUS_WRITE_ERROR;
  if (status == CAIRO_STATUS_SUCCESS && !g_cancellable_is_cancelled (cancellable))
    status = png_writer_finish (&writer);

  if (check_cancelled (cancellable, display_name, error) &&
      check_status (status, display_name, error))
    {
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&writer.bytes));
      if (page == 0)
        {
          result->width = pixel_width;
          result->height = pixel_height;
          result->scale = scale;
        }
      result->clamped |= scale < asked;
    }
  png_writer_clear (&writer);

  return bytes;
}

/* Writes every page as a PNG file, all of them or none. */
static gboolean
export_png (GtmAsset                *asset,
            GFile                   *file,
            const GtmExportOptions  *options,
            GtmExportResult         *result,
            GCancellable            *cancellable,
            const char              *display_name,
            GError                 **error)
{
  guint n_pages = gtm_asset_get_n_pages (asset);
  g_autoptr(GPtrArray) files = gtm_export_get_png_files (file, n_pages);
  g_autoptr(GPtrArray) pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  double asked;
  guint written;

  if (!png_scale (asset, options, display_name, &asked, error))
    return FALSE;

  for (guint page = 0; page < n_pages; page++)
    {
      GBytes *picture;

      if (!check_cancelled (cancellable, display_name, error))
        return FALSE;

      picture = export_png_page (asset, page, options, asked, result, cancellable,
                                 display_name, error);
      if (picture == NULL)
        return FALSE;
      g_ptr_array_add (pictures, picture);
    }

  for (written = 0; written < n_pages; written++)
    if (!gtm_save_bytes (g_ptr_array_index (files, written),
                         g_ptr_array_index (pictures, written),
                         cancellable, error))
      break;

  if (written < n_pages)
    {
      /* All or none: take back the pages already written. */
      for (guint i = 0; i < written; i++)
        g_file_delete (g_ptr_array_index (files, i), NULL, NULL);
      return FALSE;
    }

  result->n_pages = n_pages;
  return TRUE;
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename != NULL)
    return g_filename_display_name (basename);

  return g_file_get_parse_name (file);
}

/**
 * gtm_export_get_png_files:
 *
 * Returns: (transfer full) (element-type GFile): the files of a PNG export
 */
GPtrArray *
gtm_export_get_png_files (GFile *file,
                          guint  n_pages)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  GPtrArray *files;
  const char *dot;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  files = g_ptr_array_new_with_free_func (g_object_unref);
  if (n_pages == 1)
    {
      g_ptr_array_add (files, g_object_ref (file));
      return files;
    }

  parent = g_file_get_parent (file);
  basename = g_file_get_basename (file);
  dot = strrchr (basename, '.');
  if (dot == NULL || dot == basename)
    dot = basename + strlen (basename);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *name = g_strdup_printf ("%.*s-%u%s", (int) (dot - basename), basename,
                                               i + 1, dot);

      g_ptr_array_add (files, parent != NULL ? g_file_get_child (parent, name)
                                             : g_file_new_for_path (name));
    }

  return files;
}

static gboolean
save_array (GByteArray    *array,
            GFile         *file,
            GCancellable  *cancellable,
            const char    *display_name,
            GError       **error)
{
  g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes (array);

  return check_cancelled (cancellable, display_name, error) &&
         gtm_save_bytes (file, bytes, cancellable, error);
}

gboolean
gtm_export_asset (GtmAsset               *asset,
                  GFile                  *file,
                  const GtmExportOptions *options,
                  GtmExportResult        *result,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autofree char *display_name = NULL;
  GtmExportResult made = { 0 };
  GByteArray *array;

  g_return_val_if_fail (GTM_IS_ASSET (asset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = dup_display_name (file);
  if (!check_cancelled (cancellable, display_name, error))
    return FALSE;

  switch (options->format)
    {
    case GTM_EXPORT_FORMAT_PDF:
      array = export_pdf (&asset, 1, options, NULL, NULL, &made, cancellable, display_name, error);
      if (array == NULL || !save_array (array, file, cancellable, display_name, error))
        return FALSE;
      break;

    case GTM_EXPORT_FORMAT_PNG:
      if (!export_png (asset, file, options, &made, cancellable, display_name, error))
        return FALSE;
      break;

    case GTM_EXPORT_FORMAT_SVG:
      if (gtm_asset_get_n_pages (asset) != 1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Could not export “%s”: an SVG drawing holds one page"), display_name);
          return FALSE;
        }
      array = export_svg (asset, &made, display_name, error);
      if (array == NULL || !save_array (array, file, cancellable, display_name, error))
        return FALSE;
      break;

    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export “%s”: unknown file format"), display_name);
      return FALSE;
    }

  if (result != NULL)
    *result = made;

  return TRUE;
}

gboolean
gtm_export_assets_to_pdf (GtmAsset * const       *assets,
                          guint                   n_assets,
                          GFile                  *file,
                          const GtmExportOptions *options,
                          void                  (*progress) (guint    done,
                                                             gpointer user_data),
                          gpointer                user_data,
                          GCancellable           *cancellable,
                          GError                **error)
{
  g_autofree char *display_name = NULL;
  GtmExportResult made = { 0 };
  GByteArray *array;

  g_return_val_if_fail (assets != NULL && n_assets > 0, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = dup_display_name (file);
  if (!check_cancelled (cancellable, display_name, error))
    return FALSE;

  array = export_pdf (assets, n_assets, options, progress, user_data, &made,
                      cancellable, display_name, error);

  return array != NULL && save_array (array, file, cancellable, display_name, error);
}

gboolean
gtm_export_board (GtmBoard               *board,
                  GFile                  *file,
                  const GtmExportOptions *options,
                  GtmExportResult        *result,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autoptr(GtmAsset) asset = NULL;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  asset = gtm_asset_new_for_board (board, options, error);

  return asset != NULL &&
         gtm_export_asset (asset, file, options, result, cancellable, error);
}
