/* gtm-shape.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-shape"

#include "config.h"

#include "gtm-shape.h"

struct _GtmShape
{
  GtmItem parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmShape, gtm_shape, GTM_TYPE_ITEM)

static void
gtm_shape_class_init (GtmShapeClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[1];
  G_GNUC_UNUSED guint first;

  node_class->kind = "shape";

  pspecs[0] = g_param_spec_enum ("shape", NULL, NULL,
                                 GTM_TYPE_SHAPE_KIND, GTM_SHAPE_RECTANGLE,
                                 GTM_NODE_DEFAULT_FLAGS);
  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_SHAPE_SLOT_SHAPE);
}

static void
gtm_shape_init (GtmShape *self)
{
}

/**
 * gtm_shape_new:
 *
 * Returns: (transfer full): a blue-grey shape with a dark outline
 */
GtmItem *
gtm_shape_new (GtmShapeKind shape,
               double       x,
               double       y,
               double       width,
               double       height)
{
  g_autofree char *id = gtm_node_new_id ("shape");

  return g_object_new (GTM_TYPE_SHAPE,
                       "id", id,
                       "shape", shape,
                       "x", x,
                       "y", y,
                       "width", width,
                       "height", height,
                       "fill", "#dbe7f6",
                       "stroke", "#3d5a80",
                       NULL);
}

GtmShapeKind
gtm_shape_get_shape (GtmShape *self)
{
  g_return_val_if_fail (GTM_IS_SHAPE (self), GTM_SHAPE_RECTANGLE);

  return gtm_node_get_enum (GTM_NODE (self), GTM_SHAPE_SLOT_SHAPE);
}
