/* gtm-item.h — an item on a board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"
#include "gtm-enums.h"

G_BEGIN_DECLS

/* Limits shared by the reader, the history and the editor. */
#define GTM_ITEM_COORD_LIMIT  1000000.0  /* |x|, |y| */
#define GTM_ITEM_SIZE_MIN     1.0
#define GTM_ITEM_SIZE_MAX     100000.0
#define GTM_ITEM_FONT_MIN     4.0
#define GTM_ITEM_FONT_MAX     400.0

typedef enum
{
  GTM_ALIGN_START,
  GTM_ALIGN_CENTER,
  GTM_ALIGN_END,
} GtmAlign;

/* Slots (property ids) of GtmItem, for gtm_node_get_*(). */
typedef enum
{
  GTM_ITEM_SLOT_X = 2,
  GTM_ITEM_SLOT_Y,
  GTM_ITEM_SLOT_WIDTH,
  GTM_ITEM_SLOT_HEIGHT,
  GTM_ITEM_SLOT_FILL,
  GTM_ITEM_SLOT_STROKE,
  GTM_ITEM_SLOT_TEXT_COLOR,
  GTM_ITEM_SLOT_FONT_SIZE,
  GTM_ITEM_SLOT_BOLD,
  GTM_ITEM_SLOT_ALIGN,
  GTM_ITEM_SLOT_TEXT,
  GTM_ITEM_SLOT_GROUP,
  GTM_ITEM_SLOT_LOCKED,
  /* The last slot of GtmItem; subclasses number theirs from the next. */
  GTM_ITEM_N_SLOTS = GTM_ITEM_SLOT_LOCKED,
} GtmItemSlot;

#define GTM_TYPE_ITEM (gtm_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (GtmItem, gtm_item, GTM, ITEM, GtmNode)

struct _GtmItemClass
{
  GtmNodeClass parent_class;
};

double      gtm_item_get_x          (GtmItem *self);
double      gtm_item_get_y          (GtmItem *self);
double      gtm_item_get_width      (GtmItem *self);
double      gtm_item_get_height     (GtmItem *self);
const char *gtm_item_get_fill       (GtmItem *self);
const char *gtm_item_get_stroke     (GtmItem *self);
const char *gtm_item_get_text_color (GtmItem *self);
double      gtm_item_get_font_size  (GtmItem *self);
gboolean    gtm_item_get_bold       (GtmItem *self);
GtmAlign    gtm_item_get_align      (GtmItem *self);
const char *gtm_item_get_text       (GtmItem *self);
/* Items of one board with the same non-empty group form a group, selected
 * and moved as one (see gtm_arrange_group()); "" for none. */
const char *gtm_item_get_group      (GtmItem *self);
/* A locked item stays where it is: align, distribute and nudge leave its
 * position alone (see gtm-arrange.h), and so do the canvas's drags. */
gboolean    gtm_item_get_locked     (GtmItem *self);

G_END_DECLS
