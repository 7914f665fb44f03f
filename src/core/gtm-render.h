/* gtm-render.h — the one function that draws a board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "gtm-board.h"
#include "gtm-connector.h"
#include "gtm-persona.h"

G_BEGIN_DECLS

/*
 * The canvas, PNG and PDF export, thumbnails and printing all draw boards
 * through gtm_render_board(). Selection handles, hover and guides are the
 * canvas's own business and are drawn on top, so they never reach exports.
 *
 * Text is laid out once, in board units, with unhinted metrics and unrounded
 * glyph positions, so a note wraps the same way at every zoom, on screen, in
 * a PNG and in a PDF. Layouts and decoded images are cached on the items and
 * follow their edits; like the rest of the model, a board is drawn from one
 * thread at a time.
 */

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} GtmRect;

typedef enum
{
  GTM_RENDER_NONE       = 0,
  /* Paint the board's background colour over the whole clip first. */
  GTM_RENDER_BACKGROUND = 1 << 0,
  /* Leave out text: the canvas's text editor shows it while it is
   * edited. */
  GTM_RENDER_NO_TEXT    = 1 << 1,
  /* Draw as in an exported file: linked values are not underlined. */
  GTM_RENDER_EXPORT     = 1 << 2,
} GtmRenderFlags;

/* Space kept around the items by gtm_render_board_to_surface(), in board
 * units (it scales with the picture). */
#define GTM_RENDER_MARGIN      32.0
/* Limits of gtm_render_board_to_surface(): cairo's own limit per side, and
 * a pixel budget (160 MB of ARGB) that keeps huge boards from exhausting
 * memory. A larger request is scaled down to fit both. */
#define GTM_RENDER_MAX_SIDE    32767
#define GTM_RENDER_MAX_PIXELS  (40 * 1000 * 1000)

/* Draws @board in board coordinates (1 unit = 1 px at zoom 1) into @cr using
 * cr's current transform. Only items intersecting the clip (in user space)
 * are drawn, so drawing a small part of a 10,000-item board is cheap. On
 * raster targets, text smaller than about 2 device pixels is drawn as grey
 * bars; vector targets (PDF, SVG, PostScript, recordings) always get the
 * real text. */
void             gtm_render_board             (GtmBoard        *board,
                                               cairo_t         *cr,
                                               GtmRenderFlags   flags);

/* Decides, for gtm_render_board_skipping(), which items are left out. */
typedef gboolean (*GtmRenderSkipFunc) (GtmItem  *item,
                                       gpointer  user_data);

/* gtm_render_board() without the items @skip returns TRUE for: the canvas
 * draws the items being dragged apart from the rest. */
void             gtm_render_board_skipping    (GtmBoard          *board,
                                               cairo_t           *cr,
                                               GtmRenderFlags     flags,
                                               GtmRenderSkipFunc  skip,
                                               gpointer           user_data);

/* Draws just @items, in this order, as gtm_render_board() draws them;
 * GTM_RENDER_BACKGROUND is ignored. */
void             gtm_render_items             (GtmBoard          *board,
                                               cairo_t           *cr,
                                               GtmRenderFlags     flags,
                                               GtmItem * const   *items,
                                               guint              n_items);

/* The bounding box of what gtm_render_board() draws for @item (shadow,
 * stroke, arrowheads, frame title and connector label included), in board
 * coordinates. Empty (width and height 0) for an item that draws nothing,
 * such as a connector whose ends are missing. */
void             gtm_render_item_bounds       (GtmBoard        *board,
                                               GtmItem         *item,
                                               GtmRect         *bounds);

/* The union of the bounds of every item. Returns FALSE, with @bounds empty,
 * when nothing on the board draws anything. */
gboolean         gtm_render_board_bounds      (GtmBoard        *board,
                                               GtmRect         *bounds);

/* The corner radius of a rounded-rectangle shape drawn in @box. */
double           gtm_render_shape_radius      (const GtmRect   *box);

/* The line drawn for @connector: between the centres of the items it
 * joins, cut at their outlines. FALSE when nothing is drawn (an end is
 * missing, or the items overlap). */
gboolean         gtm_render_connector_line    (GtmBoard        *board,
                                               GtmConnector    *connector,
                                               double          *x1,
                                               double          *y1,
                                               double          *x2,
                                               double          *y2);

/* Where the text of @item is laid out (a note's text inside its padding, a
 * frame's title above it, a connector's label at its middle), so that the
 * canvas can put its text editor exactly over it. Returns FALSE for items
 * without text (images, connectors whose ends are missing). */
gboolean         gtm_render_item_text_area    (GtmBoard        *board,
                                               GtmItem         *item,
                                               GtmRect         *area);

/* How the text an item draws fits; see gtm_render_item_text_fit(). */
typedef struct
{
  gboolean cut;            /* part of the text is not drawn */
  guint    unknown_glyphs; /* characters drawn as a box: no installed font has them */
  gunichar first_unknown;  /* the first of those, or 0 */
} GtmRenderTextFit;

/* Measures the text @item draws — a note's, shape's or text box's text in
 * its box, a frame's title, a connector's label, what a persona card shows
 * of its persona — with the very layouts gtm_render_board() draws with
 * GTM_RENDER_EXPORT. @fit->cut is set when some of it is not drawn: it
 * ends in "…" where its box ends, or would spill out of the item and is
 * cut at its edges, or the box is too small for any text. The unknown
 * glyphs are counted in what is drawn. Returns FALSE, @fit zeroed, for an
 * item that draws no text of its own (an image, empty or invisible text,
 * a connector that is not drawn, a persona card without its persona). */
gboolean         gtm_render_item_text_fit     (GtmBoard         *board,
                                               GtmItem          *item,
                                               GtmRenderTextFit *fit);

/* @scale lowered as far as needed for a picture @width × @height board
 * units big to stay within GTM_RENDER_MAX_SIDE a side and
 * GTM_RENDER_MAX_PIXELS in all; sets the picture's size in pixels. */
double           gtm_render_fit_scale         (double           width,
                                               double           height,
                                               double           scale,
                                               int             *pixel_width,
                                               int             *pixel_height);

/* Renders the whole board — gtm_render_board_bounds() plus
 * GTM_RENDER_MARGIN on each side, background included — into a new ARGB
 * image surface of ceil ((bounds + 2 × margin) × scale) pixels a side. If
 * that exceeds GTM_RENDER_MAX_SIDE or GTM_RENDER_MAX_PIXELS, the scale is
 * lowered until it fits. An empty board gives a blank picture of the
 * margins. Fails on a scale that is not a positive number and when the
 * memory for the picture cannot be had. */
cairo_surface_t *gtm_render_board_to_surface  (GtmBoard        *board,
                                               double           scale,
                                               GError         **error);

/* Draws @persona's avatar as its card shows it — its picture, or its
 * initials on its colour — in a circle @size wide at the origin, for the
 * application's own avatars to look the same. */
void             gtm_render_persona_avatar    (cairo_t         *cr,
                                               GtmPersona      *persona,
                                               double           size);

/* The PNG picture in @bytes (a persona's avatar, the brand's logo) as an
 * image surface, or NULL when it cannot be drawn: too large, not a PNG,
 * damaged. @owner is the node it belongs to, for the debug log. */
cairo_surface_t *gtm_render_decode_png        (GtmNode         *owner,
                                               GBytes          *bytes);

G_END_DECLS
