/* gtm-export.h — a board as a PDF page, a PNG picture or an SVG drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gtm-board.h"

G_BEGIN_DECLS

/*
 * Exports draw through gtm_render_board(), so a board looks in a file as it
 * does on the canvas, without selection, hover or guides.
 *
 *  - PDF: one page of the chosen size; the board (its drawn bounds plus
 *    GTM_RENDER_MARGIN) is scaled to fit inside the page margins and
 *    centred, on the board's background colour. Vector: text stays text,
 *    with its fonts subset-embedded by cairo.
 *  - SVG: a drawing the size of the board's bounds plus GTM_RENDER_MARGIN,
 *    1 board unit = 1 px, background included.
 *  - PNG: the same area in pixels at a scale, with the background or with a
 *    transparent one. A picture that would exceed GTM_RENDER_MAX_SIDE pixels
 *    a side or GTM_RENDER_MAX_PIXELS pixels in all is made at a lower scale,
 *    which the result reports.
 *
 * The file is written through gtm_save_bytes(): the target holds its old
 * content or the whole new one, never part of it, and a failed or
 * cancelled export leaves nothing behind. Errors are those of
 * gtm_save_bytes() (GTM_SAVE_ERROR, or G_IO_ERROR_CANCELLED), plus
 * G_IO_ERROR_INVALID_ARGUMENT for options that make no picture and
 * G_IO_ERROR_FAILED / G_IO_ERROR_NO_SPACE when drawing fails.
 */

typedef enum
{
  GTM_EXPORT_FORMAT_PDF,
  GTM_EXPORT_FORMAT_PNG,
  GTM_EXPORT_FORMAT_SVG,
} GtmExportFormat;

typedef enum
{
  GTM_EXPORT_PAGE_A4,         /* 210 × 297 mm */
  GTM_EXPORT_PAGE_LETTER,     /* 8.5 × 11 in */
  GTM_EXPORT_PAGE_SLIDE_16_9, /* 13.333 × 7.5 in, always landscape */
  GTM_EXPORT_PAGE_CUSTOM,     /* page_width × page_height, as given */
} GtmExportPage;

/* Sizes in points (1/72 in). */
#define GTM_EXPORT_PAGE_MIN_SIDE   36.0   /* half an inch */
#define GTM_EXPORT_PAGE_MAX_SIDE   14400.0 /* 200 in, the PDF limit */
/* The most pages a board spread over pages may take. */
#define GTM_EXPORT_MAX_PAGES       1000

typedef struct
{
  GtmExportFormat format;

  /* PDF */
  GtmExportPage   page;
  double          page_width;     /* GTM_EXPORT_PAGE_CUSTOM only */
  double          page_height;
  gboolean        landscape;      /* the long side across (A4, Letter) */
  double          margin;         /* on every side of the page */
  const char     *title;          /* document metadata; NULL or "" for none */
  const char     *author;
  gboolean        span_pages;     /* a board at 100 % across as many pages as it needs */

  /* PNG */
  double          scale;          /* pixels per board unit: 1, 2, … */
  double          dpi;            /* when > 0, replaces scale: dpi / 96 */
  gboolean        transparent;    /* leave out the board's background */
} GtmExportOptions;

/* What an export made. */
typedef struct
{
  double   width;   /* PNG: pixels; PDF: the page in points; SVG: px */
  double   height;
  double   scale;   /* board units to pixels (PNG) or points (PDF); 1 for SVG */
  gboolean clamped; /* PNG: the scale asked for was lowered to fit the limits */
  guint    n_pages; /* PDF: pages; PNG: files written (one per page) */
} GtmExportResult;

typedef struct _GtmAsset GtmAsset;

/* Fills @options with defaults for @format: A4 portrait, 36 pt margins,
 * scale 1 at no particular dpi, opaque, no title or author. */
void     gtm_export_options_init     (GtmExportOptions       *options,
                                      GtmExportFormat         format);

/* The page of a PDF export, in points, with the orientation applied.
 * Returns FALSE when the custom size is not between
 * GTM_EXPORT_PAGE_MIN_SIDE and GTM_EXPORT_PAGE_MAX_SIDE. */
gboolean gtm_export_get_page_size    (const GtmExportOptions *options,
                                      double                 *width,
                                      double                 *height);

/* The usual file name extension of @format, without the dot ("pdf"). */
const char *gtm_export_format_get_extension (GtmExportFormat format);

/* Exports @board to @file. @result, when not NULL, is filled in on
 * success. Blocks while drawing and writing: run it in a thread for large
 * boards (the board must not be edited meanwhile). @cancellable is checked
 * between drawing and writing and while writing. */
gboolean gtm_export_board            (GtmBoard               *board,
                                      GFile                  *file,
                                      const GtmExportOptions *options,
                                      GtmExportResult        *result,
                                      GCancellable           *cancellable,
                                      GError                **error);

/* Exports @asset, laid out for @options (see gtm_asset_new()), to @file.
 * A PDF holds every page. A PNG of one page is written to @file; a PNG of
 * several pages is one file per page, named as @file with "-1", "-2", …
 * before its extension, all written or none. @result's width, height and
 * scale are those of the first page. */
gboolean gtm_export_asset            (GtmAsset               *asset,
                                      GFile                  *file,
                                      const GtmExportOptions *options,
                                      GtmExportResult        *result,
                                      GCancellable           *cancellable,
                                      GError                **error);

/* Writes the pages of @n_assets assets one after the other into one PDF
 * (an asset pack's document), each page at its own size. @progress, when
 * not NULL, is called after each asset with the number done. */
gboolean gtm_export_assets_to_pdf    (GtmAsset * const       *assets,
                                      guint                   n_assets,
                                      GFile                  *file,
                                      const GtmExportOptions *options,
                                      void                  (*progress) (guint    done,
                                                                         gpointer user_data),
                                      gpointer                user_data,
                                      GCancellable           *cancellable,
                                      GError                **error);

/* The names @file would get for a PNG of @n_pages pages, as above.
 * (transfer full) (element-type GFile) */
GPtrArray *gtm_export_get_png_files  (GFile                  *file,
                                      guint                   n_pages);

G_END_DECLS
