/* gtm-segment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-segment"

#include "config.h"

#include "gtm-segment.h"

struct _GtmSegment
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmSegment, gtm_segment, GTM_TYPE_NODE)

static void
gtm_segment_class_init (GtmSegmentClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_string ("name", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED),
    g_param_spec_string ("industry", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("company-size", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("geography", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("buying-behaviour", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_double ("market-size", NULL, NULL, 0.0, GTM_SEGMENT_MARKET_SIZE_MAX, 0.0,
                         GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_int ("priority", NULL, NULL,
                      GTM_SEGMENT_PRIORITY_MIN, GTM_SEGMENT_PRIORITY_MAX, 3,
                      GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("rationale", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) == GTM_SEGMENT_SLOT_RATIONALE - GTM_SEGMENT_SLOT_NAME + 1);

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_SEGMENT_SLOT_NAME);
}

static void
gtm_segment_init (GtmSegment *self)
{
}

/**
 * gtm_segment_new:
 * @name: (nullable): the segment's name
 *
 * Returns: (transfer full): a new segment with a fresh id
 */
GtmSegment *
gtm_segment_new (const char *name)
{
  g_autofree char *id = gtm_node_new_id ("segment");

  return g_object_new (GTM_TYPE_SEGMENT,
                       "id", id,
                       "name", name ? name : "",
                       NULL);
}

const char *
gtm_segment_get_name (GtmSegment *self)
{
  g_return_val_if_fail (GTM_IS_SEGMENT (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_SEGMENT_SLOT_NAME);
}

double
gtm_segment_get_market_size (GtmSegment *self)
{
  g_return_val_if_fail (GTM_IS_SEGMENT (self), 0.0);

  return gtm_node_get_double (GTM_NODE (self), GTM_SEGMENT_SLOT_MARKET_SIZE);
}

int
gtm_segment_get_priority (GtmSegment *self)
{
  g_return_val_if_fail (GTM_IS_SEGMENT (self), GTM_SEGMENT_PRIORITY_MAX);

  return gtm_node_get_int (GTM_NODE (self), GTM_SEGMENT_SLOT_PRIORITY);
}
