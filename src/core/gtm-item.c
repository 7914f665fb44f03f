/* gtm-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-item"

#include "config.h"

#include "gtm-item.h"

G_DEFINE_ABSTRACT_TYPE (GtmItem, gtm_item, GTM_TYPE_NODE)

#define TEXT_FLAGS (GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE)

static void
gtm_item_class_init (GtmItemClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[GTM_ITEM_N_SLOTS - 1];
  G_GNUC_UNUSED guint first;

  pspecs[GTM_ITEM_SLOT_X - 2] =
    g_param_spec_double ("x", NULL, NULL,
                         -GTM_ITEM_COORD_LIMIT, GTM_ITEM_COORD_LIMIT, 0,
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED);
  pspecs[GTM_ITEM_SLOT_Y - 2] =
    g_param_spec_double ("y", NULL, NULL,
                         -GTM_ITEM_COORD_LIMIT, GTM_ITEM_COORD_LIMIT, 0,
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED);
  pspecs[GTM_ITEM_SLOT_WIDTH - 2] =
    g_param_spec_double ("width", NULL, NULL,
                         GTM_ITEM_SIZE_MIN, GTM_ITEM_SIZE_MAX, 160,
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED);
  pspecs[GTM_ITEM_SLOT_HEIGHT - 2] =
    g_param_spec_double ("height", NULL, NULL,
                         GTM_ITEM_SIZE_MIN, GTM_ITEM_SIZE_MAX, 160,
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED);
  pspecs[GTM_ITEM_SLOT_FILL - 2] =
    g_param_spec_string ("fill", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_COLOR);
  pspecs[GTM_ITEM_SLOT_STROKE - 2] =
    g_param_spec_string ("stroke", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_COLOR);
  pspecs[GTM_ITEM_SLOT_TEXT_COLOR - 2] =
    g_param_spec_string ("text-color", NULL, NULL, "#1e1e1e",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_COLOR);
  pspecs[GTM_ITEM_SLOT_FONT_SIZE - 2] =
    g_param_spec_double ("font-size", NULL, NULL,
                         GTM_ITEM_FONT_MIN, GTM_ITEM_FONT_MAX, 16,
                         GTM_NODE_DEFAULT_FLAGS);
  pspecs[GTM_ITEM_SLOT_BOLD - 2] =
    g_param_spec_boolean ("bold", NULL, NULL, FALSE,
                          GTM_NODE_DEFAULT_FLAGS);
  pspecs[GTM_ITEM_SLOT_ALIGN - 2] =
    g_param_spec_enum ("align", NULL, NULL,
                       GTM_TYPE_ALIGN, GTM_ALIGN_CENTER,
                       GTM_NODE_DEFAULT_FLAGS);
  pspecs[GTM_ITEM_SLOT_TEXT - 2] =
    g_param_spec_string ("text", NULL, NULL, "", TEXT_FLAGS);
  pspecs[GTM_ITEM_SLOT_GROUP - 2] =
    g_param_spec_string ("group", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_TAG);
  pspecs[GTM_ITEM_SLOT_LOCKED - 2] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          GTM_NODE_DEFAULT_FLAGS);

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_ITEM_SLOT_X);
}

static void
gtm_item_init (GtmItem *self)
{
}

double
gtm_item_get_x (GtmItem *self)
{
  return gtm_node_get_double (GTM_NODE (self), GTM_ITEM_SLOT_X);
}

double
gtm_item_get_y (GtmItem *self)
{
  return gtm_node_get_double (GTM_NODE (self), GTM_ITEM_SLOT_Y);
}

double
gtm_item_get_width (GtmItem *self)
{
  return gtm_node_get_double (GTM_NODE (self), GTM_ITEM_SLOT_WIDTH);
}

double
gtm_item_get_height (GtmItem *self)
{
  return gtm_node_get_double (GTM_NODE (self), GTM_ITEM_SLOT_HEIGHT);
}

const char *
gtm_item_get_fill (GtmItem *self)
{
  return gtm_node_get_string (GTM_NODE (self), GTM_ITEM_SLOT_FILL);
}

const char *
gtm_item_get_stroke (GtmItem *self)
{
  return gtm_node_get_string (GTM_NODE (self), GTM_ITEM_SLOT_STROKE);
}

const char *
gtm_item_get_text_color (GtmItem *self)
{
  return gtm_node_get_string (GTM_NODE (self), GTM_ITEM_SLOT_TEXT_COLOR);
}

double
gtm_item_get_font_size (GtmItem *self)
{
  return gtm_node_get_double (GTM_NODE (self), GTM_ITEM_SLOT_FONT_SIZE);
}

gboolean
gtm_item_get_bold (GtmItem *self)
{
  return gtm_node_get_boolean (GTM_NODE (self), GTM_ITEM_SLOT_BOLD);
}

GtmAlign
gtm_item_get_align (GtmItem *self)
{
  return gtm_node_get_enum (GTM_NODE (self), GTM_ITEM_SLOT_ALIGN);
}

const char *
gtm_item_get_text (GtmItem *self)
{
  return gtm_node_get_string (GTM_NODE (self), GTM_ITEM_SLOT_TEXT);
}

const char *
gtm_item_get_group (GtmItem *self)
{
  return gtm_node_get_string (GTM_NODE (self), GTM_ITEM_SLOT_GROUP);
}

gboolean
gtm_item_get_locked (GtmItem *self)
{
  return gtm_node_get_boolean (GTM_NODE (self), GTM_ITEM_SLOT_LOCKED);
}
