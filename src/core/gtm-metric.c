/* gtm-metric.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-metric"

#include "config.h"

#include "gtm-metric.h"

struct _GtmMetric
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmMetric, gtm_metric, GTM_TYPE_NODE)

static void
gtm_metric_class_init (GtmMetricClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_string ("name", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED),
    g_param_spec_enum ("kind", NULL, NULL,
                       GTM_TYPE_METRIC_KIND, GTM_METRIC_KIND_CUSTOM,
                       GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("formula", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_double ("target", NULL, NULL,
                         -GTM_METRIC_VALUE_LIMIT, GTM_METRIC_VALUE_LIMIT, 0.0,
                         GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_double ("current", NULL, NULL,
                         -GTM_METRIC_VALUE_LIMIT, GTM_METRIC_VALUE_LIMIT, 0.0,
                         GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("unit", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) == GTM_METRIC_SLOT_UNIT - GTM_METRIC_SLOT_NAME + 1);

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_METRIC_SLOT_NAME);
}

static void
gtm_metric_init (GtmMetric *self)
{
}

/**
 * gtm_metric_new:
 * @kind: which well-known metric it is, or %GTM_METRIC_KIND_CUSTOM
 * @name: (nullable): the metric's name
 *
 * Returns: (transfer full): a new metric with a fresh id
 */
GtmMetric *
gtm_metric_new (GtmMetricKind  kind,
                const char    *name)
{
  g_autofree char *id = gtm_node_new_id ("metric");

  return g_object_new (GTM_TYPE_METRIC,
                       "id", id,
                       "kind", kind,
                       "name", name ? name : "",
                       NULL);
}

const char *
gtm_metric_get_name (GtmMetric *self)
{
  g_return_val_if_fail (GTM_IS_METRIC (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_METRIC_SLOT_NAME);
}

GtmMetricKind
gtm_metric_get_kind (GtmMetric *self)
{
  g_return_val_if_fail (GTM_IS_METRIC (self), GTM_METRIC_KIND_CUSTOM);

  return gtm_node_get_enum (GTM_NODE (self), GTM_METRIC_SLOT_KIND);
}

const char *
gtm_metric_get_formula (GtmMetric *self)
{
  g_return_val_if_fail (GTM_IS_METRIC (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_METRIC_SLOT_FORMULA);
}

double
gtm_metric_get_target (GtmMetric *self)
{
  g_return_val_if_fail (GTM_IS_METRIC (self), 0.0);

  return gtm_node_get_double (GTM_NODE (self), GTM_METRIC_SLOT_TARGET);
}

double
gtm_metric_get_current (GtmMetric *self)
{
  g_return_val_if_fail (GTM_IS_METRIC (self), 0.0);

  return gtm_node_get_double (GTM_NODE (self), GTM_METRIC_SLOT_CURRENT);
}

const char *
gtm_metric_get_unit (GtmMetric *self)
{
  g_return_val_if_fail (GTM_IS_METRIC (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_METRIC_SLOT_UNIT);
}
