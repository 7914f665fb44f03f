/* gtm-board.h — a canvas board: a named, coloured surface of items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"
#include "gtm-item.h"
#include "gtm-history.h"

G_BEGIN_DECLS

#define GTM_BOARD_MAX_ITEMS 100000

typedef enum
{
  GTM_BOARD_SLOT_NAME = 2,
  GTM_BOARD_SLOT_BACKGROUND,
} GtmBoardSlot;

#define GTM_TYPE_BOARD (gtm_board_get_type ())

G_DECLARE_FINAL_TYPE (GtmBoard, gtm_board, GTM, BOARD, GtmNode)

GtmBoard   *gtm_board_new            (const char *name);
const char *gtm_board_get_name       (GtmBoard   *self);
const char *gtm_board_get_background (GtmBoard   *self);

/* The items in z-order, bottom first: a GListModel of GtmItem. */
GListModel *gtm_board_get_items      (GtmBoard   *self);
guint       gtm_board_get_n_items    (GtmBoard   *self);
GtmItem    *gtm_board_lookup_item    (GtmBoard   *self,
                                      const char *id);

/* The rectangle covering every item, in board coordinates. Returns FALSE
 * for an empty board. */
gboolean    gtm_board_get_extents    (GtmBoard   *self,
                                      double     *x,
                                      double     *y,
                                      double     *width,
                                      double     *height);

/* Whether every one of @items is an item on this board. */
gboolean    gtm_board_holds_items    (GtmBoard         *self,
                                      GtmItem * const  *items,
                                      guint             n_items);

/* The items plus every item of the board sharing a group with one of them
 * (see gtm_item_get_group()), each once, bottom first: what a click on
 * them selects. Cheap enough for every click on the largest board. */
GPtrArray  *gtm_board_expand_groups  (GtmBoard         *self,
                                      GtmItem * const  *items,
                                      guint             n_items);
/* A group id that no item of this board has. */
char       *gtm_board_new_group_id   (GtmBoard         *self);

/* Edits, recorded in @history. */
void        gtm_board_add_item       (GtmBoard   *self,
                                      GtmHistory *history,
                                      GtmItem    *item);
/* Removes @item and the connectors attached to it, as one step. */
void        gtm_board_remove_item    (GtmBoard   *self,
                                      GtmHistory *history,
                                      GtmItem    *item);
/* Removes @items and the connectors attached to any of them, as one step,
 * in one pass over the board. */
void        gtm_board_remove_items   (GtmBoard         *self,
                                      GtmHistory       *history,
                                      GtmItem * const  *items,
                                      guint             n_items);

G_END_DECLS
