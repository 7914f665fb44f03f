/* gtm-board-view.h — shows one board, zoomed and panned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gtm-board.h"
#include "gtm-history.h"
#include "gtm-selection.h"

G_BEGIN_DECLS

/* What a click or a drag on empty board space does. */
typedef enum
{
  GTM_TOOL_SELECT,
  GTM_TOOL_NOTE,
  GTM_TOOL_TEXT_BOX,
  GTM_TOOL_RECTANGLE,
  GTM_TOOL_ROUNDED_RECTANGLE,
  GTM_TOOL_ELLIPSE,
  GTM_TOOL_DIAMOND,
  GTM_TOOL_FRAME,
  GTM_TOOL_CONNECTOR,
} GtmTool;

#define GTM_TYPE_TOOL (gtm_tool_get_type ())
GType gtm_tool_get_type (void) G_GNUC_CONST;

#define GTM_TYPE_BOARD_VIEW (gtm_board_view_get_type ())

G_DECLARE_FINAL_TYPE (GtmBoardView, gtm_board_view, GTM, BOARD_VIEW, GtkWidget)

GtkWidget *gtm_board_view_new          (void);

GtmBoard  *gtm_board_view_get_board    (GtmBoardView *self);

/* Edits go through @history; the selection is shown and edited. */
void       gtm_board_view_set_document (GtmBoardView *self,
                                        GtmBoard     *board,
                                        GtmHistory   *history,
                                        GtmSelection *selection);
GtmSelection *gtm_board_view_get_selection (GtmBoardView *self);
GtmTool    gtm_board_view_get_tool     (GtmBoardView *self);
void       gtm_board_view_set_tool     (GtmBoardView *self,
                                        GtmTool       tool);
/* Adds an item made by @tool (not GTM_TOOL_SELECT) centred at the board
 * point (x, y), selects it and, for items with text, starts editing. A
 * connector joins the two topmost selected items, or is not made. */
GtmItem   *gtm_board_view_insert       (GtmBoardView *self,
                                        GtmTool       tool,
                                        double        x,
                                        double        y);
/* The board point at the centre of the view. */
void       gtm_board_view_get_center   (GtmBoardView *self,
                                        double       *board_x,
                                        double       *board_y);
/* Starts editing the text of the selected item, if it has text. */
gboolean   gtm_board_view_edit_text    (GtmBoardView *self);
/* Selects @item, an item of the board shown, and pans it into view if it
 * is out of it. */
void       gtm_board_view_show_item    (GtmBoardView *self,
                                        GtmItem      *item);
/* Pixels on the left that zoom to fit keeps free (a palette lies there). */
void       gtm_board_view_set_fit_inset (GtmBoardView *self,
                                         int           inset);
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
