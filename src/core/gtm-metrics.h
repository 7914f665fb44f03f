/* gtm-metrics.h — the funnel and the metrics a launch is measured by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"

G_BEGIN_DECLS

#define GTM_METRICS_MAX_FUNNEL_STAGES 100
#define GTM_METRICS_MAX_METRICS       1000

#define GTM_TYPE_METRICS (gtm_metrics_get_type ())

G_DECLARE_FINAL_TYPE (GtmMetrics, gtm_metrics, GTM, METRICS, GtmNode)

GtmMetrics *gtm_metrics_new         (void);
/* A GListModel of GtmFunnelStage, widest stage first. */
GListModel *gtm_metrics_get_funnel  (GtmMetrics *self);
/* A GListModel of GtmMetric. */
GListModel *gtm_metrics_get_metrics (GtmMetrics *self);

G_END_DECLS
