/* gtm-board-editor.h — a board's canvas with its palette and side panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gtm-board-view.h"
#include "gtm-history.h"
#include "gtm-selection.h"

G_BEGIN_DECLS

#define GTM_TYPE_BOARD_EDITOR (gtm_board_editor_get_type ())

G_DECLARE_FINAL_TYPE (GtmBoardEditor, gtm_board_editor, GTM, BOARD_EDITOR, AdwBin)

GtkWidget    *gtm_board_editor_new           (void);
GtmBoardView *gtm_board_editor_get_view      (GtmBoardEditor *self);
/* The board edited, through the history of its project. NULL shows
 * nothing. */
void          gtm_board_editor_set_board     (GtmBoardEditor *self,
                                              GtmBoard       *board,
                                              GtmHistory     *history);
GtmSelection *gtm_board_editor_get_selection (GtmBoardEditor *self);

G_END_DECLS
