/* gtm-asset.h — what a project can export: its boards and generated layouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "gtm-export.h"
#include "gtm-project.h"

G_BEGIN_DECLS

/*
 * Assets are named as on the command line:
 *
 *   board:NAME        a board
 *   one-pager         the product one-pager
 *   persona:NAME      a persona sheet
 *   battlecard:NAME   a battlecard against the competitor NAME
 *   messaging-doc     the messaging strategy document
 *   pricing-sheet     the pricing sheet
 *   launch-timeline   the launch timeline
 *
 * A GtmAsset is an asset laid out into pages for one set of export options.
 * It holds everything it draws; it keeps the project alive but does not
 * read it after gtm_asset_new(), except a board asset, which draws the
 * board when asked (so the board must not be edited from another thread
 * meanwhile).
 *
 * Pages and units: a generated layout is laid out on the options' page, in
 * points. A board exported to PDF fits one page of the options' page size,
 * or spans several when options->span_pages is set; to PNG or SVG it is one
 * page the size of its drawn bounds plus GTM_RENDER_MARGIN, in board units
 * (pixels at 96 dpi). SVG is for boards only.
 */

#define GTM_ASSET_ERROR (gtm_asset_error_quark ())

typedef enum
{
  GTM_ASSET_ERROR_UNKNOWN,      /* no asset of that name in the project */
  GTM_ASSET_ERROR_UNSUPPORTED,  /* the asset cannot be exported to that format */
} GtmAssetError;

typedef enum
{
  GTM_ASSET_BOARD,
  GTM_ASSET_ONE_PAGER,
  GTM_ASSET_PERSONA,
  GTM_ASSET_BATTLECARD,
  GTM_ASSET_MESSAGING_DOC,
  GTM_ASSET_PRICING_SHEET,
  GTM_ASSET_LAUNCH_TIMELINE,
} GtmAssetKind;

#define GTM_TYPE_ASSET (gtm_asset_get_type ())

G_DECLARE_FINAL_TYPE (GtmAsset, gtm_asset, GTM, ASSET, GObject)

GQuark        gtm_asset_error_quark       (void);

/* Every asset of @project, in the order above: boards and personas and
 * competitors in the project's order. (transfer full) */
GStrv         gtm_asset_list_names        (GtmProject             *project);

/* The node an asset is about (the board, persona or competitor), or NULL
 * for the project-wide layouts and for names that name nothing. Sets
 * @kind when not NULL. Returns FALSE for a name that is not an asset of
 * @project. */
gboolean      gtm_asset_lookup            (GtmProject             *project,
                                           const char             *name,
                                           GtmAssetKind           *kind,
                                           GtmNode               **node);

/* The asset's name for people, translated: "Battlecard: Acme". */
char         *gtm_asset_dup_label         (const char             *name);

/* A file name for the asset without extension: the name with characters
 * that cannot be in a file name replaced ("battlecard-Acme"). */
char         *gtm_asset_dup_file_stem     (const char             *name);

GtmAsset     *gtm_asset_new               (GtmProject             *project,
                                           const char             *name,
                                           const GtmExportOptions *options,
                                           GError                **error);

/* @board, in a project or not, as gtm_asset_new() lays out "board:NAME". */
GtmAsset     *gtm_asset_new_for_board     (GtmBoard               *board,
                                           const GtmExportOptions *options,
                                           GError                **error);

/* The project the asset comes from; NULL for a board outside one. */
GtmProject   *gtm_asset_get_project       (GtmAsset               *self);
const char   *gtm_asset_get_name          (GtmAsset               *self);
GtmAssetKind  gtm_asset_get_kind          (GtmAsset               *self);
guint         gtm_asset_get_n_pages       (GtmAsset               *self);
/* The page's size in its units; see above. */
void          gtm_asset_get_page_size     (GtmAsset               *self,
                                           guint                   page,
                                           double                 *width,
                                           double                 *height);
/* A board asset's page units per board unit: the fit to the page, 0.75
 * when it spans pages at 100 %, 1 for PNG and SVG. */
double        gtm_asset_get_board_scale   (GtmAsset               *self);
/* Dots per inch of the page's units: 72 for points, 96 for board units. */
double        gtm_asset_get_units_dpi     (GtmAsset               *self);
/* Draws page @page at the origin in its units, as it is exported, linked
 * values not underlined. A board's background is left out when
 * @transparent; a generated layout is always drawn on its paper. */
void          gtm_asset_draw_page         (GtmAsset               *self,
                                           guint                   page,
                                           cairo_t                *cr,
                                           gboolean                transparent);
/* What the layout found wrong (overflowing text, empty fields, …).
 * (transfer none) (element-type GtmFinding) */
GPtrArray    *gtm_asset_get_findings      (GtmAsset               *self);

G_END_DECLS
