/* test-metric.c — a metric's calculator on its saved inputs, against
 * hand-computed values, naming the input at fault; the inputs in files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-metric"

#include "config.h"

#include <string.h>

#include "gtm-core.h"

#define EPSILON 1e-9

static GtmMetric *
metric_new (GtmMetricKind  kind,
            const char    *first_input,
            ...)
{
  GtmMetric *metric = gtm_metric_new (kind, "Metric");
  va_list args;

  va_start (args, first_input);
  g_object_set_valist (G_OBJECT (metric), first_input, args);
  va_end (args);

  return metric;
}

static double
compute_ok (GtmMetric *metric)
{
  g_autoptr(GError) error = NULL;
  const char *field = "unset";
  double result = -12345.0;

  g_assert_true (gtm_metric_compute (metric, &result, &field, &error));
  g_assert_no_error (error);
  g_assert_null (field);

  return result;
}

static void
assert_compute_error (GtmMetric    *metric,
                      GtmCalcError  code,
                      const char   *expected_field,
                      const char   *expected_message)
{
  g_autoptr(GError) error = NULL;
  const char *field = "unset";
  double result = -12345.0;

  g_assert_false (gtm_metric_compute (metric, &result, &field, &error));
  g_assert_error (error, GTM_CALC_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, expected_message);
  g_assert_cmpstr (field, ==, expected_field);
  g_assert_cmpfloat (result, ==, -12345.0);
}

static void
test_inputs (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (GTM_TYPE_METRIC);
  const char * const *inputs = gtm_metric_kind_get_inputs (GTM_METRIC_KIND_NPS);

  g_assert_cmpuint (g_strv_length ((GStrv) inputs), ==, 3);
  g_assert_cmpstr (inputs[0], ==, "promoters");
  g_assert_cmpstr (inputs[2], ==, "detractors");
  g_assert_cmpuint (g_strv_length ((GStrv) gtm_metric_kind_get_inputs (GTM_METRIC_KIND_CUSTOM)), ==, 0);
  g_assert_cmpstr (gtm_metric_kind_get_inputs (GTM_METRIC_KIND_LTV)[1], ==, "gross-margin");

  /* Every input is a field of the metric. */
  for (GtmMetricKind kind = GTM_METRIC_KIND_CUSTOM; kind <= GTM_METRIC_KIND_CONVERSION_RATE; kind++)
    {
      inputs = gtm_metric_kind_get_inputs (kind);
      for (guint i = 0; inputs[i] != NULL; i++)
        g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass), inputs[i]));
    }
}

static void
test_compute (void)
{
  g_autoptr(GtmMetric) penetration = NULL;
  g_autoptr(GtmMetric) nps = NULL;
  g_autoptr(GtmMetric) roi = NULL;
  g_autoptr(GtmMetric) ltv = NULL;
  g_autoptr(GtmMetric) conversion = NULL;
  g_autoptr(GtmMetric) custom = NULL;

  /* 420 of 10,000 retailers: 4.2 %. */
  penetration = metric_new (GTM_METRIC_KIND_MARKET_PENETRATION,
                            "customers", 420.0, "market-size", 10000.0, NULL);
  g_assert_cmpfloat_with_epsilon (compute_ok (penetration), 4.2, EPSILON);

  /* 50 promoters, 30 passives, 20 detractors: 50 % − 20 % = 30. */
  nps = metric_new (GTM_METRIC_KIND_NPS,
                    "promoters", 50.0, "passives", 30.0, "detractors", 20.0, NULL);
  g_assert_cmpfloat_with_epsilon (compute_ok (nps), 30.0, EPSILON);
  /* 10, 0, 30: (10 − 30) / 40 = −50. */
  g_object_set (nps, "promoters", 10.0, "passives", 0.0, "detractors", 30.0, NULL);
  g_assert_cmpfloat_with_epsilon (compute_ok (nps), -50.0, EPSILON);

  /* 250,000 back on 100,000 spent: 150 %. */
  roi = metric_new (GTM_METRIC_KIND_ROI, "return", 250000.0, "cost", 100000.0, NULL);
  g_assert_cmpfloat_with_epsilon (compute_ok (roi), 150.0, EPSILON);
  /* A loss beyond the cost: −50,000 back on 100,000 is −150 %. */
  g_object_set (roi, "return", -50000.0, NULL);
  g_assert_cmpfloat_with_epsilon (compute_ok (roi), -150.0, EPSILON);

  /* 2,000 a month at 80 % margin, 5 % churn a month (20 months): 32,000. */
  ltv = metric_new (GTM_METRIC_KIND_LTV,
                    "revenue", 2000.0, "gross-margin", 80.0, "churn", 5.0, NULL);
  g_assert_cmpfloat_with_epsilon (compute_ok (ltv), 32000.0, EPSILON);

  /* 1,500 trials, 300 paying: 20 %. */
  conversion = metric_new (GTM_METRIC_KIND_CONVERSION_RATE,
                           "from-count", 1500.0, "to-count", 300.0, NULL);
  g_assert_cmpfloat_with_epsilon (compute_ok (conversion), 20.0, EPSILON);

  /* A custom metric has no calculator: its result is its current value. */
  custom = metric_new (GTM_METRIC_KIND_CUSTOM, "current", 17.5, "customers", 3.0, NULL);
  g_assert_cmpfloat_with_epsilon (compute_ok (custom), 17.5, EPSILON);

  /* The kind picks the inputs: the same metric as NPS reads the counts. */
  g_object_set (custom, "kind", GTM_METRIC_KIND_NPS, "promoters", 3.0, NULL);
  g_assert_cmpfloat_with_epsilon (compute_ok (custom), 100.0, EPSILON);
}

static void
test_compute_errors (void)
{
  g_autoptr(GtmMetric) penetration = NULL;
  g_autoptr(GtmMetric) nps = NULL;
  g_autoptr(GtmMetric) roi = NULL;
  g_autoptr(GtmMetric) ltv = NULL;
  g_autoptr(GtmMetric) conversion = NULL;

  /* A new metric has all inputs at zero. */
  penetration = gtm_metric_new (GTM_METRIC_KIND_MARKET_PENETRATION, "Penetration");
  assert_compute_error (penetration, GTM_CALC_ERROR_ZERO_DENOMINATOR, "market-size",
                        "The target market size must be more than zero.");
  g_object_set (penetration, "customers", 200.0, "market-size", 100.0, NULL);
  assert_compute_error (penetration, GTM_CALC_ERROR_INCONSISTENT, "customers",
                        "The number of customers can’t be more than the target market size.");

  /* No answers: no one count is wrong. */
  nps = gtm_metric_new (GTM_METRIC_KIND_NPS, "NPS");
  assert_compute_error (nps, GTM_CALC_ERROR_ZERO_DENOMINATOR, NULL,
                        "Promoters, passives and detractors add up to zero.");

  roi = metric_new (GTM_METRIC_KIND_ROI, "return", 5000.0, NULL);
  assert_compute_error (roi, GTM_CALC_ERROR_ZERO_DENOMINATOR, "cost",
                        "The cost must be more than zero.");

  ltv = metric_new (GTM_METRIC_KIND_LTV, "revenue", 2000.0, "gross-margin", 80.0, NULL);
  assert_compute_error (ltv, GTM_CALC_ERROR_ZERO_DENOMINATOR, "churn",
                        "The churn rate must be more than zero.");

  conversion = metric_new (GTM_METRIC_KIND_CONVERSION_RATE,
                           "from-count", 300.0, "to-count", 1500.0, NULL);
  assert_compute_error (conversion, GTM_CALC_ERROR_INCONSISTENT, "to-count",
                        "“Converted” can’t be larger than “Started”, the stage before it.");
  g_object_set (conversion, "from-count", 0.0, "to-count", 0.0, NULL);
  assert_compute_error (conversion, GTM_CALC_ERROR_ZERO_DENOMINATOR, "from-count",
                        "No one reached “Started”, so there is no conversion to “Converted”.");
}

static GtmMetric *
first_metric (GtmProject *project)
{
  GListModel *metrics = gtm_metrics_get_metrics (GTM_METRICS (gtm_project_get_metrics (project)));
  g_autoptr(GtmMetric) metric = g_list_model_get_item (metrics, 0);

  return metric;
}

static void
test_file_round_trip (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  g_autoptr(GtmMetric) nps = metric_new (GTM_METRIC_KIND_NPS,
                                         "promoters", 50.0, "passives", 30.0,
                                         "detractors", 20.0, NULL);
  g_autoptr(GtmProject) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autoptr(GBytes) old_bytes = NULL;
  g_autoptr(GtmProject) old = NULL;
  GtmMetric *metric;
  const char *text;
  char *start;

  gtm_history_insert (gtm_project_get_history (project), gtm_project_get_metrics (project),
                      "metrics", 0, GTM_NODE (nps));

  bytes = gtm_format_write_bytes (project);
  text = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (text, "\"promoters\": 50"));
  g_assert_nonnull (strstr (text, "\"market-size\": 0"));

  read = gtm_format_read_bytes (bytes, &error);
  g_assert_no_error (error);
  metric = first_metric (read);
  g_assert_cmpfloat (gtm_node_get_double (GTM_NODE (metric), GTM_METRIC_SLOT_PROMOTERS), ==, 50.0);
  g_assert_cmpfloat (gtm_node_get_double (GTM_NODE (metric), GTM_METRIC_SLOT_DETRACTORS), ==, 20.0);
  g_assert_cmpfloat_with_epsilon (compute_ok (metric), 30.0, EPSILON);
  again = gtm_format_write_bytes (read);
  g_assert_true (g_bytes_equal (bytes, again));

  /* A file from before the calculators, without the inputs, reads with
   * them at zero. */
  old_text = g_strdup (text);
  start = strstr (old_text, "\"customers\"");
  g_assert_nonnull (start);
  while (*start != ',')
    start--;
  memmove (start, strchr (strstr (start, "\"to-count\""), '\n'),
           strlen (strchr (strstr (start, "\"to-count\""), '\n')) + 1);
  g_assert_null (strstr (old_text, "\"promoters\""));
  old_bytes = g_bytes_new (old_text, strlen (old_text));
  old = gtm_format_read_bytes (old_bytes, &error);
  g_assert_no_error (error);
  metric = first_metric (old);
  g_assert_cmpint (gtm_metric_get_kind (metric), ==, GTM_METRIC_KIND_NPS);
  g_assert_cmpfloat (gtm_node_get_double (GTM_NODE (metric), GTM_METRIC_SLOT_PROMOTERS), ==, 0.0);

  /* Out of range in a file is refused, naming the field. */
  {
    g_autoptr(GString) bad_text = g_string_new (text);
    g_autoptr(GBytes) bad_bytes = NULL;
    g_autoptr(GtmProject) bad = NULL;
    g_autoptr(GError) bad_error = NULL;

    g_assert_cmpuint (g_string_replace (bad_text, "\"gross-margin\": 0", "\"gross-margin\": 900", 1), ==, 1);
    bad_bytes = g_bytes_new (bad_text->str, bad_text->len);
    bad = gtm_format_read_bytes (bad_bytes, &bad_error);
    g_assert_null (bad);
    g_assert_error (bad_error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
    g_assert_nonnull (strstr (bad_error->message, "gross-margin"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metric/inputs", test_inputs);
  g_test_add_func ("/metric/compute", test_compute);
  g_test_add_func ("/metric/compute/errors", test_compute_errors);
  g_test_add_func ("/metric/file-round-trip", test_file_round_trip);

  return g_test_run ();
}
