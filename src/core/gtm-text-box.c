/* gtm-text-box.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-text-box"

#include "config.h"

#include "gtm-text-box.h"

struct _GtmTextBox
{
  GtmItem parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmTextBox, gtm_text_box, GTM_TYPE_ITEM)

static void
gtm_text_box_class_init (GtmTextBoxClass *klass)
{
  GTM_NODE_CLASS (klass)->kind = "text";
}

static void
gtm_text_box_init (GtmTextBox *self)
{
}

/**
 * gtm_text_box_new:
 *
 * Returns: (transfer full): a 240×60 left-aligned text box without fill
 */
GtmItem *
gtm_text_box_new (double      x,
                  double      y,
                  const char *text)
{
  g_autofree char *id = gtm_node_new_id ("text");

  return g_object_new (GTM_TYPE_TEXT_BOX,
                       "id", id,
                       "x", x,
                       "y", y,
                       "width", 240.0,
                       "height", 60.0,
                       "align", GTM_ALIGN_START,
                       "text", text ? text : "",
                       NULL);
}
