/* gtm-export.c — a board as a PDF page, a PNG picture or an SVG drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-export"

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

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

/* The area exported: what the board draws plus the render margin, as in
 * gtm_render_board_to_surface(). */
static void
get_export_area (GtmBoard *board,
                 GtmRect  *area)
{
  gtm_render_board_bounds (board, area);
  area->x -= GTM_RENDER_MARGIN;
  area->y -= GTM_RENDER_MARGIN;
  area->width += 2 * GTM_RENDER_MARGIN;
  area->height += 2 * GTM_RENDER_MARGIN;
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

/* Draws the area of the board into a vector surface, with the background
 * on the area only; returns the surface's status after finishing it. */
static cairo_status_t
draw_vector (cairo_surface_t *surface,
             GtmBoard        *board,
             const GtmRect   *area,
             double           x,
             double           y,
             double           scale)
{
  cairo_status_t status;
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area->x, -area->y);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);
  gtm_render_board (board, cr, GTM_RENDER_BACKGROUND);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);

  return status;
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  cairo_pdf_metadata_t key,
                  const char      *value)
{
  if (value != NULL && *value != '\0' && g_utf8_validate (value, -1, NULL))
    cairo_pdf_surface_set_metadata (surface, key, value);
}

static GByteArray *
export_pdf (GtmBoard               *board,
            const GtmExportOptions *options,
            GtmExportResult        *result,
            const char             *display_name,
            GError                **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  GtmRect area;
  double page_width, page_height, room_width, room_height, scale;

  if (!gtm_export_get_page_size (options, &page_width, &page_height))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export “%s”: a page must be between %.0f and %.0f points "
                     "wide and high"),
                   display_name, GTM_EXPORT_PAGE_MIN_SIDE, GTM_EXPORT_PAGE_MAX_SIDE);
      return NULL;
    }

  room_width = page_width - 2 * options->margin;
  room_height = page_height - 2 * options->margin;
  if (!(options->margin >= 0) || !(room_width >= 1) || !(room_height >= 1))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export “%s”: margins of %g points leave no room on the page"),
                   display_name, options->margin);
      return NULL;
    }

  get_export_area (board, &area);
  scale = MIN (room_width / area.width, room_height / area.height);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes,
                                                 page_width, page_height);
  set_pdf_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->title);
  set_pdf_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, options->author);
  set_pdf_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "GTM Studio " PACKAGE_VERSION);

  status = draw_vector (surface, board, &area,
                        (page_width - area.width * scale) / 2,
                        (page_height - area.height * scale) / 2,
                        scale);
  cairo_surface_destroy (surface);

  if (!check_status (status, display_name, error))
    return NULL;

  result->width = page_width;
  result->height = page_height;
  result->scale = scale;
  return g_steal_pointer (&bytes);
}

static GByteArray *
export_svg (GtmBoard         *board,
            GtmExportResult  *result,
            const char       *display_name,
            GError          **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  GtmRect area;

  get_export_area (board, &area);

  surface = cairo_svg_surface_create_for_stream (append_to_array, bytes,
                                                 area.width, area.height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  status = draw_vector (surface, board, &area, 0, 0, 1);
  cairo_surface_destroy (surface);

  if (!check_status (status, display_name, error))
    return NULL;

  result->width = area.width;
  result->height = area.height;
  result->scale = 1;
  return g_steal_pointer (&bytes);
}

static GByteArray *
export_png (GtmBoard                *board,
            const GtmExportOptions  *options,
            GtmExportResult         *result,
            GCancellable            *cancellable,
            const char              *display_name,
            GError                 **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  GtmRect area;
  double asked, scale;
  int pixel_width, pixel_height;

  asked = options->dpi > 0 ? options->dpi / BOARD_DPI : options->scale;
  if (!(asked > 0) || !(asked <= MAX_SCALE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export “%s”: a picture’s scale must be more than 0 and "
                     "at most %g"),
                   display_name, MAX_SCALE);
      return NULL;
    }

  get_export_area (board, &area);

  scale = gtm_render_fit_scale (area.width, area.height, asked, &pixel_width, &pixel_height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Could not export “%s”: there is not enough memory for a picture "
                     "of %d × %d pixels"),
                   display_name, pixel_width, pixel_height);
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area.x, -area.y);
  gtm_render_board (board, cr, options->transparent ? GTM_RENDER_NONE : GTM_RENDER_BACKGROUND);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (check_status (status, display_name, error) &&
      check_cancelled (cancellable, display_name, error))
    {
      bytes = g_byte_array_new ();
      cairo_surface_flush (surface);
      status = cairo_surface_write_to_png_stream (surface, append_to_array, bytes);
      if (!check_status (status, display_name, error))
        g_clear_pointer (&bytes, g_byte_array_unref);
    }
  cairo_surface_destroy (surface);

  if (bytes == NULL)
    return NULL;

  result->width = pixel_width;
  result->height = pixel_height;
  result->scale = scale;
  result->clamped = scale < asked;
  return g_steal_pointer (&bytes);
}

gboolean
gtm_export_board (GtmBoard               *board,
                  GFile                  *file,
                  const GtmExportOptions *options,
                  GtmExportResult        *result,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GByteArray) array = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GtmExportResult made = { 0 };

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_file_get_basename (file);
  if (display_name != NULL)
    {
      char *utf8 = g_filename_display_name (display_name);

      g_free (display_name);
      display_name = utf8;
    }
  else
    display_name = g_file_get_parse_name (file);

  if (!check_cancelled (cancellable, display_name, error))
    return FALSE;

  switch (options->format)
    {
    case GTM_EXPORT_FORMAT_PDF:
      array = export_pdf (board, options, &made, display_name, error);
      break;

    case GTM_EXPORT_FORMAT_PNG:
      array = export_png (board, options, &made, cancellable, display_name, error);
      break;

    case GTM_EXPORT_FORMAT_SVG:
      array = export_svg (board, &made, display_name, error);
      break;

    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export “%s”: unknown file format"), display_name);
      return FALSE;
    }

  if (array == NULL || !check_cancelled (cancellable, display_name, error))
    return FALSE;

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&array));
  if (!gtm_save_bytes (file, bytes, cancellable, error))
    return FALSE;

  if (result != NULL)
    *result = made;

  return TRUE;
}
