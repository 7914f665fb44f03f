/* gtm-metric.h — a metric the launch is measured by, with its target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"
#include "gtm-enums.h"

G_BEGIN_DECLS

typedef enum
{
  GTM_METRIC_KIND_CUSTOM,
  GTM_METRIC_KIND_MARKET_PENETRATION,  /* customers / target market size × 100 */
  GTM_METRIC_KIND_NPS,                 /* % promoters − % detractors */
  GTM_METRIC_KIND_ROI,                 /* (return − cost) / cost */
  GTM_METRIC_KIND_LTV,
  GTM_METRIC_KIND_CONVERSION_RATE,
} GtmMetricKind;

#define GTM_METRIC_VALUE_LIMIT 1e15  /* |target|, |current| */

/* Slots (property ids) of GtmMetric, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_METRIC_SLOT_NAME = 2,
  GTM_METRIC_SLOT_KIND,
  GTM_METRIC_SLOT_FORMULA,
  GTM_METRIC_SLOT_TARGET,
  GTM_METRIC_SLOT_CURRENT,
  GTM_METRIC_SLOT_UNIT,
} GtmMetricSlot;

#define GTM_TYPE_METRIC (gtm_metric_get_type ())

G_DECLARE_FINAL_TYPE (GtmMetric, gtm_metric, GTM, METRIC, GtmNode)

GtmMetric     *gtm_metric_new         (GtmMetricKind  kind,
                                       const char    *name);
const char    *gtm_metric_get_name    (GtmMetric     *self);
GtmMetricKind  gtm_metric_get_kind    (GtmMetric     *self);
const char    *gtm_metric_get_formula (GtmMetric     *self);
double         gtm_metric_get_target  (GtmMetric     *self);
double         gtm_metric_get_current (GtmMetric     *self);
const char    *gtm_metric_get_unit    (GtmMetric     *self);

G_END_DECLS
