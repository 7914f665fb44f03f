/* gtm-metrics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-metrics"

#include "config.h"

#include "gtm-funnel-stage.h"
#include "gtm-metric.h"
#include "gtm-metrics.h"

struct _GtmMetrics
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmMetrics, gtm_metrics, GTM_TYPE_NODE)

static void
gtm_metrics_class_init (GtmMetricsClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);

  gtm_node_class_add_list (node_class, "funnel", GTM_TYPE_FUNNEL_STAGE,
                           GTM_METRICS_MAX_FUNNEL_STAGES);
  gtm_node_class_add_list (node_class, "metrics", GTM_TYPE_METRIC,
                           GTM_METRICS_MAX_METRICS);
}

static void
gtm_metrics_init (GtmMetrics *self)
{
}

/**
 * gtm_metrics_new:
 *
 * A project has exactly one set of metrics, created with it; this is for
 * metrics outside a project (templates, tests).
 *
 * Returns: (transfer full): a new, empty set of metrics with a fresh id
 */
GtmMetrics *
gtm_metrics_new (void)
{
  g_autofree char *id = gtm_node_new_id ("metrics");

  return g_object_new (GTM_TYPE_METRICS, "id", id, NULL);
}

/**
 * gtm_metrics_get_funnel:
 *
 * Returns: (transfer none): the funnel, a GListModel of GtmFunnelStage
 */
GListModel *
gtm_metrics_get_funnel (GtmMetrics *self)
{
  g_return_val_if_fail (GTM_IS_METRICS (self), NULL);

  return G_LIST_MODEL (gtm_node_get_list (GTM_NODE (self), "funnel"));
}

/**
 * gtm_metrics_get_metrics:
 *
 * Returns: (transfer none): the metrics, a GListModel of GtmMetric
 */
GListModel *
gtm_metrics_get_metrics (GtmMetrics *self)
{
  g_return_val_if_fail (GTM_IS_METRICS (self), NULL);

  return G_LIST_MODEL (gtm_node_get_list (GTM_NODE (self), "metrics"));
}
