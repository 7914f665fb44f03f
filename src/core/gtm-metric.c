/* gtm-metric.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-metric"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "gtm-calc.h"
#include "gtm-metric.h"

struct _GtmMetric
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmMetric, gtm_metric, GTM_TYPE_NODE)

/* A calculator's input: optional, so that files from before it read. */
static GParamSpec *
count_pspec (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, 0.0, GTM_METRIC_VALUE_LIMIT, 0.0,
                              GTM_NODE_DEFAULT_FLAGS);
}

static GParamSpec *
percent_pspec (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, 0.0, 100.0, 0.0, GTM_NODE_DEFAULT_FLAGS);
}

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
    count_pspec ("customers"),
    count_pspec ("market-size"),
    count_pspec ("promoters"),
    count_pspec ("passives"),
    count_pspec ("detractors"),
    g_param_spec_double ("return", NULL, NULL,
                         -GTM_METRIC_VALUE_LIMIT, GTM_METRIC_VALUE_LIMIT, 0.0,
                         GTM_NODE_DEFAULT_FLAGS),
    count_pspec ("cost"),
    count_pspec ("revenue"),
    percent_pspec ("gross-margin"),
    percent_pspec ("churn"),
    count_pspec ("from-count"),
    count_pspec ("to-count"),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) == GTM_METRIC_SLOT_TO_COUNT - GTM_METRIC_SLOT_NAME + 1);

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

const char * const *
gtm_metric_kind_get_inputs (GtmMetricKind kind)
{
  static const char * const none[] = { NULL };
  static const char * const penetration[] = { "customers", "market-size", NULL };
  static const char * const nps[] = { "promoters", "passives", "detractors", NULL };
  static const char * const roi[] = { "return", "cost", NULL };
  static const char * const ltv[] = { "revenue", "gross-margin", "churn", NULL };
  static const char * const conversion[] = { "from-count", "to-count", NULL };

  switch (kind)
    {
    case GTM_METRIC_KIND_MARKET_PENETRATION:
      return penetration;
    case GTM_METRIC_KIND_NPS:
      return nps;
    case GTM_METRIC_KIND_ROI:
      return roi;
    case GTM_METRIC_KIND_LTV:
      return ltv;
    case GTM_METRIC_KIND_CONVERSION_RATE:
      return conversion;
    case GTM_METRIC_KIND_CUSTOM:
    default:
      return none;
    }
}

/* A count the formulas refuse (below zero, or no number). */
static gboolean
is_bad_count (double value)
{
  return !isfinite (value) || value < 0.0;
}

/* The input a failed formula is about: the formulas check their inputs in
 * the order of gtm_metric_kind_get_inputs(). */
static const char *
find_bad_input (GtmMetric *self,
                double    *values)
{
  switch (gtm_metric_get_kind (self))
    {
    case GTM_METRIC_KIND_MARKET_PENETRATION:
      /* More customers than the market: the customers are wrong. */
      return !is_bad_count (values[0]) && (is_bad_count (values[1]) || values[1] == 0.0)
             ? "market-size" : "customers";

    case GTM_METRIC_KIND_NPS:
      for (guint i = 0; i < 3; i++)
        if (is_bad_count (values[i]))
          return gtm_metric_kind_get_inputs (GTM_METRIC_KIND_NPS)[i];
      /* No answers at all: no one of them is wrong. */
      return NULL;

    case GTM_METRIC_KIND_ROI:
      return isfinite (values[0]) ? "cost" : "return";

    case GTM_METRIC_KIND_LTV:
      if (is_bad_count (values[0]))
        return "revenue";
      if (!isfinite (values[1]) || values[1] < 0.0 || values[1] > 100.0)
        return "gross-margin";
      return "churn";

    case GTM_METRIC_KIND_CONVERSION_RATE:
      /* A later stage larger than the earlier: the later is wrong. */
      if (is_bad_count (values[0]))
        return "from-count";
      if (is_bad_count (values[1]) || values[1] > values[0])
        return "to-count";
      return "from-count";

    case GTM_METRIC_KIND_CUSTOM:
    default:
      return NULL;
    }
}

gboolean
gtm_metric_compute (GtmMetric   *self,
                    double      *result,
                    const char **field,
                    GError     **error)
{
  const char * const *inputs;
  double values[3] = { 0.0, 0.0, 0.0 };
  double value = 0.0;
  gboolean ok;

  g_return_val_if_fail (GTM_IS_METRIC (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (field != NULL)
    *field = NULL;

  inputs = gtm_metric_kind_get_inputs (gtm_metric_get_kind (self));
  for (guint i = 0; inputs[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), inputs[i]);

      g_assert (i < G_N_ELEMENTS (values));
      values[i] = gtm_node_get_double (GTM_NODE (self), pspec->param_id);
    }

  switch (gtm_metric_get_kind (self))
    {
    case GTM_METRIC_KIND_MARKET_PENETRATION:
      ok = gtm_calc_market_penetration (values[0], values[1], &value, error);
      break;

    case GTM_METRIC_KIND_NPS:
      ok = gtm_calc_nps (values[0], values[1], values[2], &value, error);
      break;

    case GTM_METRIC_KIND_ROI:
      ok = gtm_calc_roi_percent (values[0], values[1], &value, error);
      break;

    case GTM_METRIC_KIND_LTV:
      ok = gtm_calc_ltv_from_churn (values[0], values[1], values[2], &value, error);
      break;

    case GTM_METRIC_KIND_CONVERSION_RATE:
      /* Translators: the two ends of a conversion, in messages such as
       * “Converted” can’t be larger than “Started” */
      ok = gtm_calc_conversion (values[0], C_("conversion", "Started"),
                                values[1], C_("conversion", "Converted"),
                                &value, error);
      break;

    case GTM_METRIC_KIND_CUSTOM:
    default:
      value = gtm_metric_get_current (self);
      ok = TRUE;
      break;
    }

  if (!ok)
    {
      if (field != NULL)
        *field = find_bad_input (self, values);
      return FALSE;
    }

  if (result != NULL)
    *result = value;
  return TRUE;
}
