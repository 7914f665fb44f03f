/* gtm-board-view.h — shows one board, zoomed and panned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gtm-board.h"

G_BEGIN_DECLS

#define GTM_TYPE_BOARD_VIEW (gtm_board_view_get_type ())

G_DECLARE_FINAL_TYPE (GtmBoardView, gtm_board_view, GTM, BOARD_VIEW, GtkWidget)

GtkWidget *gtm_board_view_new          (void);

GtmBoard  *gtm_board_view_get_board    (GtmBoardView *self);
void       gtm_board_view_set_board    (GtmBoardView *self,
                                        GtmBoard     *board);

double     gtm_board_view_get_zoom     (GtmBoardView *self);
/* Zooms about the centre of the view. */
void       gtm_board_view_set_zoom     (GtmBoardView *self,
                                        double        zoom);
void       gtm_board_view_zoom_in      (GtmBoardView *self);
void       gtm_board_view_zoom_out     (GtmBoardView *self);
void       gtm_board_view_zoom_fit     (GtmBoardView *self);

/* Board coordinates of a point of the widget, for hit testing. */
void       gtm_board_view_to_board     (GtmBoardView *self,
                                        double        widget_x,
                                        double        widget_y,
                                        double       *board_x,
                                        double       *board_y);
/* Widget coordinates of a board point. */
void       gtm_board_view_to_widget    (GtmBoardView *self,
                                        double        board_x,
                                        double        board_y,
                                        double       *widget_x,
                                        double       *widget_y);

/* How many times the board has been drawn: lets tests wait for a redraw. */
guint      gtm_board_view_get_n_draws  (GtmBoardView *self);

G_END_DECLS
