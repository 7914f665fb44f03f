/* gtm-scene.h — what the canvas shows, drawn once and kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-render.h"
#include "gtm-viewport.h"

G_BEGIN_DECLS

/*
 * The canvas's picture of a board: the board drawn through a viewport into
 * an image the size of the widget, kept between frames so that a frame
 * redraws only what changed.
 *
 *  - Panning by whole device pixels moves the kept picture and draws only
 *    the strips that come into view.
 *  - While items are dragged they are "floating": left out of the picture
 *    and drawn on top each frame (gtm_scene_draw_floating()), with the
 *    connectors attached to them, so moving them costs what drawing them
 *    costs, not what drawing the board costs. Their edits don't touch the
 *    picture.
 *  - Any other change of the board redraws the picture on the next frame.
 *  - During a zoom gesture frames scale the last sharp picture; the
 *    picture is drawn sharp again when the gesture ends.
 *
 * The benchmark in tests/bench drives the same object the canvas uses.
 */

#define GTM_TYPE_SCENE (gtm_scene_get_type ())

G_DECLARE_FINAL_TYPE (GtmScene, gtm_scene, GTM, SCENE, GObject)

GtmScene        *gtm_scene_new            (GtmBoard          *board);
GtmBoard        *gtm_scene_get_board      (GtmScene          *self);

/* Items drawn apart from the picture (plus the connectors attached to
 * them); NULL for none. */
void             gtm_scene_set_floating   (GtmScene          *self,
                                           GtmItem * const   *items,
                                           guint              n_items);
gboolean         gtm_scene_is_floating    (GtmScene          *self,
                                           GtmItem           *item);

/* The picture of the board for a widget of @width × @height logical
 * pixels at @scale device pixels each, through @viewport: an ARGB image
 * surface with its device scale set. It stays valid until the next call.
 * @damaged, when given, is set to whether the picture differs from what
 * the previous call returned. */
cairo_surface_t *gtm_scene_render         (GtmScene          *self,
                                           const GtmViewport *viewport,
                                           int                width,
                                           int                height,
                                           int                scale,
                                           gboolean          *damaged);

/* Draws the floating items into @cr, which is set up in widget
 * coordinates: the viewport of the last gtm_scene_render() is applied.
 * @flags as for gtm_render_items(). */
void             gtm_scene_draw_floating  (GtmScene          *self,
                                           cairo_t           *cr,
                                           GtmRenderFlags     flags);

/* While a zoom gesture runs, a change of zoom shows the last sharp
 * picture scaled (and the board's background where it doesn't reach), so
 * each frame costs a scaled copy; when it ends, the next frame is drawn
 * sharp. Pans still draw what comes into view sharp. */
void             gtm_scene_set_zooming    (GtmScene          *self,
                                           gboolean           zooming);

/* Forgets the picture: the next frame draws it whole. */
void             gtm_scene_invalidate     (GtmScene          *self);

G_END_DECLS
