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
  /* The calculator's saved inputs, optional (0 when absent), each used by
   * one kind: */
  GTM_METRIC_SLOT_CUSTOMERS,           /* market penetration */
  GTM_METRIC_SLOT_MARKET_SIZE,
  GTM_METRIC_SLOT_PROMOTERS,           /* NPS: answers 9–10 */
  GTM_METRIC_SLOT_PASSIVES,            /* 7–8 */
  GTM_METRIC_SLOT_DETRACTORS,          /* 0–6 */
  GTM_METRIC_SLOT_RETURN,              /* ROI */
  GTM_METRIC_SLOT_COST,
  GTM_METRIC_SLOT_REVENUE,             /* LTV: revenue per customer per period */
  GTM_METRIC_SLOT_GROSS_MARGIN,        /* percent */
  GTM_METRIC_SLOT_CHURN,               /* percent per period */
  GTM_METRIC_SLOT_FROM_COUNT,          /* conversion rate: who started */
  GTM_METRIC_SLOT_TO_COUNT,            /* who converted */
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

/* The names of the saved inputs @kind's calculator reads, in the order a
 * form lists them (NULL-terminated; empty for a custom metric). */
const char * const *gtm_metric_kind_get_inputs (GtmMetricKind kind);

/* Runs the calculator of the metric's kind (gtm-calc.h) on its saved
 * inputs: market penetration, conversion rate and ROI in percent, NPS in
 * points from −100 to 100, LTV in the metric's unit; a custom metric's
 * result is its current value. On bad input returns FALSE with a
 * GTM_CALC_ERROR naming the field at fault and, in @field (nullable), that
 * field's name ("cost"), or NULL when no one input is at fault. */
gboolean       gtm_metric_compute     (GtmMetric     *self,
                                       double        *result,
                                       const char   **field,
                                       GError       **error);

G_END_DECLS
