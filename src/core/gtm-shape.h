/* gtm-shape.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-item.h"

G_BEGIN_DECLS

/* A geometric shape with optional text inside. Kind "shape". */
typedef enum
{
  GTM_SHAPE_RECTANGLE,
  GTM_SHAPE_ROUNDED_RECTANGLE,
  GTM_SHAPE_ELLIPSE,
  GTM_SHAPE_DIAMOND,
} GtmShapeKind;

#define GTM_SHAPE_SLOT_SHAPE (GTM_ITEM_N_SLOTS + 1)

#define GTM_TYPE_SHAPE (gtm_shape_get_type ())
G_DECLARE_FINAL_TYPE (GtmShape, gtm_shape, GTM, SHAPE, GtmItem)

GtmItem      *gtm_shape_new       (GtmShapeKind shape, double x, double y, double width, double height);
GtmShapeKind  gtm_shape_get_shape (GtmShape *self);

G_END_DECLS
