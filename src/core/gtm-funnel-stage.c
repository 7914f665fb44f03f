/* gtm-funnel-stage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-funnel-stage"

#include "config.h"

#include "gtm-funnel-stage.h"

struct _GtmFunnelStage
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmFunnelStage, gtm_funnel_stage, GTM_TYPE_NODE)

static void
gtm_funnel_stage_class_init (GtmFunnelStageClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_string ("name", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED),
    g_param_spec_double ("count", NULL, NULL, 0.0, GTM_FUNNEL_STAGE_COUNT_MAX, 0.0,
                         GTM_NODE_DEFAULT_FLAGS),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) ==
                   GTM_FUNNEL_STAGE_SLOT_COUNT - GTM_FUNNEL_STAGE_SLOT_NAME + 1);

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_FUNNEL_STAGE_SLOT_NAME);
}

static void
gtm_funnel_stage_init (GtmFunnelStage *self)
{
}

/**
 * gtm_funnel_stage_new:
 * @name: (nullable): the stage, e.g. “Awareness”
 * @count: how many people or companies reach it, from 0 to
 *   %GTM_FUNNEL_STAGE_COUNT_MAX
 *
 * Returns: (transfer full): a new funnel stage with a fresh id
 */
GtmFunnelStage *
gtm_funnel_stage_new (const char *name,
                      double      count)
{
  g_autofree char *id = gtm_node_new_id ("stage");

  g_return_val_if_fail (count >= 0.0 && count <= GTM_FUNNEL_STAGE_COUNT_MAX, NULL);

  return g_object_new (GTM_TYPE_FUNNEL_STAGE,
                       "id", id,
                       "name", name ? name : "",
                       "count", count,
                       NULL);
}

const char *
gtm_funnel_stage_get_name (GtmFunnelStage *self)
{
  g_return_val_if_fail (GTM_IS_FUNNEL_STAGE (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_FUNNEL_STAGE_SLOT_NAME);
}

double
gtm_funnel_stage_get_count (GtmFunnelStage *self)
{
  g_return_val_if_fail (GTM_IS_FUNNEL_STAGE (self), 0.0);

  return gtm_node_get_double (GTM_NODE (self), GTM_FUNNEL_STAGE_SLOT_COUNT);
}
