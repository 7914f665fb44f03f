/* test-calc.c — the metric formulas against hand-computed values, and their errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-calc"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "gtm-calc.h"

#define EPSILON 1e-9

/* A result the formulas must leave alone when they fail. */
#define UNTOUCHED -12345.0

#define assert_calc_error(call, result, code, expected_message) G_STMT_START { \
    g_autoptr(GError) calc_error = NULL; \
    double calc_result = UNTOUCHED; \
    g_assert_false (call); \
    g_assert_error (calc_error, GTM_CALC_ERROR, (code)); \
    g_assert_cmpstr (calc_error->message, ==, (expected_message)); \
    g_assert_cmpfloat ((result), ==, UNTOUCHED); \
  } G_STMT_END

/* ------------------------------------------------------------------------
 * Parsing
 * ------------------------------------------------------------------------ */

static double
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  double value = UNTOUCHED;

  g_assert_true (gtm_calc_parse_number (text, &value, &error));
  g_assert_no_error (error);
  g_assert_true (isfinite (value));
  return value;
}

static void
assert_parse_fails (const char  *text,
                    int          code,
                    const char  *message)
{
  g_autoptr(GError) error = NULL;
  double value = UNTOUCHED;

  g_assert_false (gtm_calc_parse_number (text, &value, &error));
  g_assert_error (error, GTM_CALC_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpfloat (value, ==, UNTOUCHED);
}

/* Sets LC_NUMERIC to @locale, keeping the one before in @old; FALSE (and
 * the test skipped) if @locale is not installed. */
static gboolean
set_numeric_locale (const char *locale,
                    char      **old)
{
  *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  if (setlocale (LC_NUMERIC, locale) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("locale %s is not installed", locale);

      g_test_skip (message);
      g_clear_pointer (old, g_free);
      return FALSE;
    }
  return TRUE;
}

static void
test_parse_c_form (void)
{
  g_autofree char *old = NULL;

  if (!set_numeric_locale ("C", &old))
    return;

  g_assert_cmpfloat_with_epsilon (parse_ok ("0"), 0.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("42"), 42.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("1234.5"), 1234.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok (".5"), 0.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("  7  "), 7.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("+3"), 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("-3.25"), -3.25, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("−3.25"), -3.25, EPSILON); /* U+2212 */
  /* Thousands separators: commas, spaces, no-break and narrow no-break spaces. */
  g_assert_cmpfloat_with_epsilon (parse_ok ("1,234.5"), 1234.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("12,345,678"), 12345678.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("1 234 567"), 1234567.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("1\xc2\xa0" "234.5"), 1234.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("1\xe2\x80\xaf" "234"), 1234.0, EPSILON);

  setlocale (LC_NUMERIC, old);
}

static void
test_parse_locale_form (void)
{
  g_autofree char *old = NULL;

  /* German: a point groups thousands, a comma is the decimal mark. */
  if (!set_numeric_locale ("de_DE.UTF-8", &old))
    return;

  g_assert_cmpfloat_with_epsilon (parse_ok ("1.234,5"), 1234.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("1 234,5"), 1234.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("0,25"), 0.25, EPSILON);
  /* The locale’s form wins where both read the text… */
  g_assert_cmpfloat_with_epsilon (parse_ok ("1,234"), 1.234, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("1.234"), 1234.0, EPSILON);
  /* …and the C form still reads what the locale’s does not. */
  g_assert_cmpfloat_with_epsilon (parse_ok ("1.5"), 1.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (parse_ok ("1,234.5"), 1234.5, EPSILON);

  setlocale (LC_NUMERIC, old);
}

static void
test_parse_errors (void)
{
  g_autofree char *old = NULL;

  if (!set_numeric_locale ("C", &old))
    return;

  assert_parse_fails ("", GTM_CALC_ERROR_NOT_A_NUMBER, "Enter a number.");
  assert_parse_fails ("   ", GTM_CALC_ERROR_NOT_A_NUMBER, "Enter a number.");
  assert_parse_fails ("abc", GTM_CALC_ERROR_NOT_A_NUMBER, "“abc” is not a number.");
  assert_parse_fails ("12abc", GTM_CALC_ERROR_NOT_A_NUMBER, "“12abc” is not a number.");
  assert_parse_fails ("NaN", GTM_CALC_ERROR_NOT_A_NUMBER, "“NaN” is not a number.");
  assert_parse_fails ("nan", GTM_CALC_ERROR_NOT_A_NUMBER, "“nan” is not a number.");
  assert_parse_fails ("inf", GTM_CALC_ERROR_NOT_A_NUMBER, "“inf” is not a number.");
  assert_parse_fails ("-Infinity", GTM_CALC_ERROR_NOT_A_NUMBER, "“-Infinity” is not a number.");
  assert_parse_fails ("0x10", GTM_CALC_ERROR_NOT_A_NUMBER, "“0x10” is not a number.");
  assert_parse_fails ("1e5", GTM_CALC_ERROR_NOT_A_NUMBER, "“1e5” is not a number.");
  assert_parse_fails ("-", GTM_CALC_ERROR_NOT_A_NUMBER, "“-” is not a number.");
  assert_parse_fails (".", GTM_CALC_ERROR_NOT_A_NUMBER, "“.” is not a number.");
  assert_parse_fails ("1.2.3", GTM_CALC_ERROR_NOT_A_NUMBER, "“1.2.3” is not a number.");
  assert_parse_fails ("--1", GTM_CALC_ERROR_NOT_A_NUMBER, "“--1” is not a number.");
  /* Groups of thousands have three digits, after a first of one to three. */
  assert_parse_fails ("1,23", GTM_CALC_ERROR_NOT_A_NUMBER, "“1,23” is not a number.");
  assert_parse_fails ("1234,567", GTM_CALC_ERROR_NOT_A_NUMBER, "“1234,567” is not a number.");
  assert_parse_fails (",123", GTM_CALC_ERROR_NOT_A_NUMBER, "“,123” is not a number.");
  assert_parse_fails ("1,,234", GTM_CALC_ERROR_NOT_A_NUMBER, "“1,,234” is not a number.");
  assert_parse_fails ("1.234,5", GTM_CALC_ERROR_NOT_A_NUMBER, "“1.234,5” is not a number.");
  assert_parse_fails ("1 2", GTM_CALC_ERROR_NOT_A_NUMBER, "“1 2” is not a number.");
  /* Long text is quoted shortened. */
  assert_parse_fails ("this is a sentence, not a number at all",
                      GTM_CALC_ERROR_NOT_A_NUMBER,
                      "“this is a sentence, not…” is not a number.");
  /* Invalid UTF-8 does not reach the message. */
  assert_parse_fails ("1\xff", GTM_CALC_ERROR_NOT_A_NUMBER, "“1\xef\xbf\xbd” is not a number.");
  /* 400 digits: more than a double holds. */
  {
    g_autofree char *huge = g_strnfill (400, '9');

    assert_parse_fails (huge, GTM_CALC_ERROR_OUT_OF_RANGE, "The number is too large.");
  }

  setlocale (LC_NUMERIC, old);
}

/* ------------------------------------------------------------------------
 * Market penetration
 * ------------------------------------------------------------------------ */

static void
test_market_penetration (void)
{
  g_autoptr(GError) error = NULL;
  double percent = UNTOUCHED;

  /* 1,200 customers of a 48,000 market: 1200 / 48000 = 0.025, × 100 = 2.5 %. */
  g_assert_true (gtm_calc_market_penetration (1200, 48000, &percent, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (percent, 2.5, EPSILON);

  /* 0 / 1000 = 0 %; 500 / 500 = 100 %; 1 / 3 = 33.333… %. */
  g_assert_true (gtm_calc_market_penetration (0, 1000, &percent, NULL));
  g_assert_cmpfloat_with_epsilon (percent, 0.0, EPSILON);
  g_assert_true (gtm_calc_market_penetration (500, 500, &percent, NULL));
  g_assert_cmpfloat_with_epsilon (percent, 100.0, EPSILON);
  g_assert_true (gtm_calc_market_penetration (1, 3, &percent, NULL));
  g_assert_cmpfloat_with_epsilon (percent, 100.0 / 3.0, EPSILON);
}

static void
test_market_penetration_errors (void)
{
  assert_calc_error (gtm_calc_market_penetration (-1, 100, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NEGATIVE,
                     "The number of customers can’t be negative.");
  assert_calc_error (gtm_calc_market_penetration (NAN, 100, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NOT_A_NUMBER,
                     "The number of customers is not a number.");
  assert_calc_error (gtm_calc_market_penetration (10, 0, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_ZERO_DENOMINATOR,
                     "The target market size must be more than zero.");
  assert_calc_error (gtm_calc_market_penetration (10, -50, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NEGATIVE,
                     "The target market size must be more than zero.");
  assert_calc_error (gtm_calc_market_penetration (10, INFINITY, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NOT_A_NUMBER,
                     "The target market size is not a number.");
  assert_calc_error (gtm_calc_market_penetration (101, 100, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_INCONSISTENT,
                     "The number of customers can’t be more than the target market size.");
}

/* ------------------------------------------------------------------------
 * NPS
 * ------------------------------------------------------------------------ */

static void
test_nps (void)
{
  g_autoptr(GError) error = NULL;
  double nps = UNTOUCHED;

  /* 60 promoters, 25 passives, 15 detractors: total 100;
   * 60 % − 15 % = (60 − 15) / 100 × 100 = 45. */
  g_assert_true (gtm_calc_nps (60, 25, 15, &nps, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (nps, 45.0, EPSILON);

  /* 3, 0, 9: total 12; (3 − 9) / 12 × 100 = −50. */
  g_assert_true (gtm_calc_nps (3, 0, 9, &nps, NULL));
  g_assert_cmpfloat_with_epsilon (nps, -50.0, EPSILON);

  /* 1, 1, 1: (1 − 1) / 3 = 0. Only passives: 0. */
  g_assert_true (gtm_calc_nps (1, 1, 1, &nps, NULL));
  g_assert_cmpfloat_with_epsilon (nps, 0.0, EPSILON);
  g_assert_true (gtm_calc_nps (0, 8, 0, &nps, NULL));
  g_assert_cmpfloat_with_epsilon (nps, 0.0, EPSILON);

  /* The ends of the range: all promoters 100, all detractors −100. */
  g_assert_true (gtm_calc_nps (7, 0, 0, &nps, NULL));
  g_assert_cmpfloat_with_epsilon (nps, 100.0, EPSILON);
  g_assert_true (gtm_calc_nps (0, 0, 7, &nps, NULL));
  g_assert_cmpfloat_with_epsilon (nps, -100.0, EPSILON);

  /* 1e308 promoters and passives: their total overflows a double, yet the
   * score is (1 − 0) / 2 × 100 = 50, not 0 or NaN. */
  g_assert_true (gtm_calc_nps (1e308, 1e308, 0, &nps, NULL));
  g_assert_cmpfloat_with_epsilon (nps, 50.0, EPSILON);
}

static void
test_nps_errors (void)
{
  assert_calc_error (gtm_calc_nps (-1, 5, 5, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NEGATIVE,
                     "The number of promoters can’t be negative.");
  assert_calc_error (gtm_calc_nps (5, -1, 5, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NEGATIVE,
                     "The number of passives can’t be negative.");
  assert_calc_error (gtm_calc_nps (5, 5, -1, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NEGATIVE,
                     "The number of detractors can’t be negative.");
  assert_calc_error (gtm_calc_nps (NAN, 5, 5, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NOT_A_NUMBER,
                     "The number of promoters is not a number.");
  assert_calc_error (gtm_calc_nps (5, INFINITY, 5, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NOT_A_NUMBER,
                     "The number of passives is not a number.");
  assert_calc_error (gtm_calc_nps (5, 5, -INFINITY, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NOT_A_NUMBER,
                     "The number of detractors is not a number.");
  assert_calc_error (gtm_calc_nps (0, 0, 0, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_ZERO_DENOMINATOR,
                     "Promoters, passives and detractors add up to zero.");
}

/* ------------------------------------------------------------------------
 * ROI
 * ------------------------------------------------------------------------ */

static void
test_roi (void)
{
  g_autoptr(GError) error = NULL;
  double ratio = UNTOUCHED;
  double percent = UNTOUCHED;

  /* Return 15,000 on a cost of 10,000: (15000 − 10000) / 10000 = 0.5, 50 %. */
  g_assert_true (gtm_calc_roi (15000, 10000, &ratio, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ratio, 0.5, EPSILON);
  g_assert_true (gtm_calc_roi_percent (15000, 10000, &percent, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (percent, 50.0, EPSILON);

  /* Return 2,500 on 10,000: (2500 − 10000) / 10000 = −0.75, −75 %. */
  g_assert_true (gtm_calc_roi (2500, 10000, &ratio, NULL));
  g_assert_cmpfloat_with_epsilon (ratio, -0.75, EPSILON);
  g_assert_true (gtm_calc_roi_percent (2500, 10000, &percent, NULL));
  g_assert_cmpfloat_with_epsilon (percent, -75.0, EPSILON);

  /* Nothing back on 400: (0 − 400) / 400 = −1. Break-even: 0. */
  g_assert_true (gtm_calc_roi (0, 400, &ratio, NULL));
  g_assert_cmpfloat_with_epsilon (ratio, -1.0, EPSILON);
  g_assert_true (gtm_calc_roi (400, 400, &ratio, NULL));
  g_assert_cmpfloat_with_epsilon (ratio, 0.0, EPSILON);

  /* Return 1,250 on 500: (1250 − 500) / 500 = 1.5, 150 %. */
  g_assert_true (gtm_calc_roi_percent (1250, 500, &percent, NULL));
  g_assert_cmpfloat_with_epsilon (percent, 150.0, EPSILON);

  /* A loss beyond the cost: (−100 − 100) / 100 = −2. */
  g_assert_true (gtm_calc_roi (-100, 100, &ratio, NULL));
  g_assert_cmpfloat_with_epsilon (ratio, -2.0, EPSILON);
}

static void
test_roi_errors (void)
{
  assert_calc_error (gtm_calc_roi (100, 0, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_ZERO_DENOMINATOR,
                     "The cost must be more than zero.");
  assert_calc_error (gtm_calc_roi_percent (100, 0, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_ZERO_DENOMINATOR,
                     "The cost must be more than zero.");
  assert_calc_error (gtm_calc_roi (100, -5, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NEGATIVE,
                     "The cost can’t be negative.");
  assert_calc_error (gtm_calc_roi (NAN, 5, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NOT_A_NUMBER,
                     "The return is not a number.");
  assert_calc_error (gtm_calc_roi (5, INFINITY, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NOT_A_NUMBER,
                     "The cost is not a number.");
  /* Finite input, infinite result: 1e308 / 1e-10 overflows. */
  assert_calc_error (gtm_calc_roi (1e308, 1e-10, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_OUT_OF_RANGE,
                     "The result is too large to show.");
  /* The ratio fits, the percent does not: 1e307 × 100. */
  assert_calc_error (gtm_calc_roi_percent (1e307, 1, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_OUT_OF_RANGE,
                     "The result is too large to show.");
}

/* ------------------------------------------------------------------------
 * Funnel
 * ------------------------------------------------------------------------ */

static const char * const stage_names[] = { "Awareness", "Interest", "Trial", "Purchase", "Loyalty" };

static void
test_funnel (void)
{
  /* 10,000 aware → 4,000 interested → 1,000 trying → 250 buying → 100 loyal:
   * 4000 / 10000 = 40 %, 1000 / 4000 = 25 %, 250 / 1000 = 25 %,
   * 100 / 250 = 40 %; overall 100 / 10000 = 1 %
   * (= 0.40 × 0.25 × 0.25 × 0.40 = 0.01). */
  const double counts[] = { 10000, 4000, 1000, 250, 100 };
  g_autoptr(GError) error = NULL;
  double steps[4] = { UNTOUCHED, UNTOUCHED, UNTOUCHED, UNTOUCHED };
  double overall = UNTOUCHED;
  double percent = UNTOUCHED;

  g_assert_true (gtm_calc_funnel (counts, stage_names, 5, steps, &overall, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (steps[0], 40.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (steps[1], 25.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (steps[2], 25.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (steps[3], 40.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (overall, 1.0, EPSILON);

  /* Either output may be left out. */
  overall = UNTOUCHED;
  g_assert_true (gtm_calc_funnel (counts, stage_names, 5, NULL, &overall, NULL));
  g_assert_cmpfloat_with_epsilon (overall, 1.0, EPSILON);
  g_assert_true (gtm_calc_funnel (counts, stage_names, 5, NULL, NULL, NULL));

  /* Two stages: 300 → 300 is 100 %; a stage nobody reached converts 0 %. */
  {
    const double equal[] = { 300, 300 };
    const double none[] = { 300, 0 };

    g_assert_true (gtm_calc_funnel (equal, stage_names, 2, steps, &overall, NULL));
    g_assert_cmpfloat_with_epsilon (steps[0], 100.0, EPSILON);
    g_assert_cmpfloat_with_epsilon (overall, 100.0, EPSILON);
    g_assert_true (gtm_calc_funnel (none, stage_names, 2, steps, &overall, NULL));
    g_assert_cmpfloat_with_epsilon (steps[0], 0.0, EPSILON);
    g_assert_cmpfloat_with_epsilon (overall, 0.0, EPSILON);
  }

  /* One step on its own: 3 of 8 trials bought, 37.5 %. */
  g_assert_true (gtm_calc_conversion (8, "Trial", 3, "Purchase", &percent, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (percent, 37.5, EPSILON);
}

static void
test_funnel_errors (void)
{
  double steps[4] = { UNTOUCHED, UNTOUCHED, UNTOUCHED, UNTOUCHED };
  double overall = UNTOUCHED;

  /* More trying than interested: inconsistent, and nothing is stored. */
  {
    const double counts[] = { 10000, 4000, 5000, 250, 100 };
    g_autoptr(GError) error = NULL;

    g_assert_false (gtm_calc_funnel (counts, stage_names, 5, steps, &overall, &error));
    g_assert_error (error, GTM_CALC_ERROR, GTM_CALC_ERROR_INCONSISTENT);
    g_assert_cmpstr (error->message, ==, "“Trial” can’t be larger than “Interest”, the stage before it.");
    g_assert_cmpfloat (steps[0], ==, UNTOUCHED);
    g_assert_cmpfloat (overall, ==, UNTOUCHED);
  }

  /* Nobody interested: the step from interest to trial has no base. */
  {
    const double counts[] = { 10000, 0, 0, 0, 0 };
    g_autoptr(GError) error = NULL;

    g_assert_false (gtm_calc_funnel (counts, stage_names, 5, steps, &overall, &error));
    g_assert_error (error, GTM_CALC_ERROR, GTM_CALC_ERROR_ZERO_DENOMINATOR);
    g_assert_cmpstr (error->message, ==, "No one reached “Interest”, so there is no conversion to “Trial”.");
    g_assert_cmpfloat (steps[0], ==, UNTOUCHED);
    g_assert_cmpfloat (overall, ==, UNTOUCHED);
  }

  /* A negative count and a count that is no number name their stage. */
  {
    const double counts[] = { 10000, 4000, 1000, -250, 100 };
    g_autoptr(GError) error = NULL;

    g_assert_false (gtm_calc_funnel (counts, stage_names, 5, steps, &overall, &error));
    g_assert_error (error, GTM_CALC_ERROR, GTM_CALC_ERROR_NEGATIVE);
    g_assert_cmpstr (error->message, ==, "The number in “Purchase” can’t be negative.");
  }
  {
    const double counts[] = { NAN, 4000, 1000, 250, 100 };
    g_autoptr(GError) error = NULL;

    g_assert_false (gtm_calc_funnel (counts, stage_names, 5, steps, &overall, &error));
    g_assert_error (error, GTM_CALC_ERROR, GTM_CALC_ERROR_NOT_A_NUMBER);
    g_assert_cmpstr (error->message, ==, "The number in “Awareness” is not a number.");
  }

  /* The same errors from one step. */
  assert_calc_error (gtm_calc_conversion (0, "Awareness", 0, "Interest", &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_ZERO_DENOMINATOR,
                     "No one reached “Awareness”, so there is no conversion to “Interest”.");
  assert_calc_error (gtm_calc_conversion (0, "Awareness", 5, "Interest", &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_INCONSISTENT,
                     "“Interest” can’t be larger than “Awareness”, the stage before it.");
  assert_calc_error (gtm_calc_conversion (10, "Trial", INFINITY, "Purchase", &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NOT_A_NUMBER,
                     "The number in “Purchase” is not a number.");
  assert_calc_error (gtm_calc_conversion (-10, "Trial", 5, "Purchase", &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NEGATIVE,
                     "The number in “Trial” can’t be negative.");
}

/* ------------------------------------------------------------------------
 * LTV
 * ------------------------------------------------------------------------ */

static void
test_ltv (void)
{
  g_autoptr(GError) error = NULL;
  double ltv = UNTOUCHED;
  double lifetime = UNTOUCHED;

  /* 50 a month at a 60 % margin for 24 months: 50 × 0.6 × 24 = 720. */
  g_assert_true (gtm_calc_ltv (50, 60, 24, &ltv, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ltv, 720.0, EPSILON);

  /* The ends of the margin: 0 % gives 0, 100 % the whole revenue,
   * 80 × 1 × 12 = 960. No lifetime, no value. */
  g_assert_true (gtm_calc_ltv (80, 0, 12, &ltv, NULL));
  g_assert_cmpfloat_with_epsilon (ltv, 0.0, EPSILON);
  g_assert_true (gtm_calc_ltv (80, 100, 12, &ltv, NULL));
  g_assert_cmpfloat_with_epsilon (ltv, 960.0, EPSILON);
  g_assert_true (gtm_calc_ltv (80, 50, 0, &ltv, NULL));
  g_assert_cmpfloat_with_epsilon (ltv, 0.0, EPSILON);

  /* A churn of 5 % a month: a lifetime of 100 / 5 = 20 months.
   * 4 % a month: 25 months. 100 %: a single month. */
  g_assert_true (gtm_calc_lifetime_from_churn (5, &lifetime, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (lifetime, 20.0, EPSILON);
  g_assert_true (gtm_calc_lifetime_from_churn (4, &lifetime, NULL));
  g_assert_cmpfloat_with_epsilon (lifetime, 25.0, EPSILON);
  g_assert_true (gtm_calc_lifetime_from_churn (100, &lifetime, NULL));
  g_assert_cmpfloat_with_epsilon (lifetime, 1.0, EPSILON);

  /* 50 a month at 60 % with 5 % churn: 50 × 0.6 × 20 = 600. */
  g_assert_true (gtm_calc_ltv_from_churn (50, 60, 5, &ltv, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ltv, 600.0, EPSILON);

  /* 1,200 a year at 75 % with 8 % churn a year: 1200 × 0.75 × 12.5 = 11,250. */
  g_assert_true (gtm_calc_ltv_from_churn (1200, 75, 8, &ltv, NULL));
  g_assert_cmpfloat_with_epsilon (ltv, 11250.0, EPSILON);
}

static void
test_ltv_errors (void)
{
  assert_calc_error (gtm_calc_ltv (-50, 60, 24, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NEGATIVE,
                     "The average revenue per customer can’t be negative.");
  assert_calc_error (gtm_calc_ltv (NAN, 60, 24, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NOT_A_NUMBER,
                     "The average revenue per customer is not a number.");
  assert_calc_error (gtm_calc_ltv (50, 120, 24, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_OUT_OF_RANGE,
                     "The gross margin must be from 0 to 100 percent.");
  assert_calc_error (gtm_calc_ltv (50, -10, 24, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NEGATIVE,
                     "The gross margin must be from 0 to 100 percent.");
  assert_calc_error (gtm_calc_ltv (50, NAN, 24, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NOT_A_NUMBER,
                     "The gross margin is not a number.");
  assert_calc_error (gtm_calc_ltv (50, 60, -1, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NEGATIVE,
                     "The expected lifetime can’t be negative.");
  assert_calc_error (gtm_calc_ltv (50, 60, INFINITY, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NOT_A_NUMBER,
                     "The expected lifetime is not a number.");
  /* Finite input, infinite result: 1e300 × 1 × 1e300. */
  assert_calc_error (gtm_calc_ltv (1e300, 100, 1e300, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_OUT_OF_RANGE,
                     "The result is too large to show.");

  assert_calc_error (gtm_calc_lifetime_from_churn (0, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_ZERO_DENOMINATOR,
                     "The churn rate must be more than zero.");
  assert_calc_error (gtm_calc_lifetime_from_churn (-3, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NEGATIVE,
                     "The churn rate must be more than zero.");
  assert_calc_error (gtm_calc_lifetime_from_churn (101, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_OUT_OF_RANGE,
                     "The churn rate can’t be more than 100 percent.");
  assert_calc_error (gtm_calc_lifetime_from_churn (NAN, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NOT_A_NUMBER,
                     "The churn rate is not a number.");
  /* 100 / 1e-320 overflows. */
  assert_calc_error (gtm_calc_lifetime_from_churn (1e-320, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_OUT_OF_RANGE,
                     "The result is too large to show.");

  /* The churn form checks revenue and margin before the churn. */
  assert_calc_error (gtm_calc_ltv_from_churn (50, 60, 0, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_ZERO_DENOMINATOR,
                     "The churn rate must be more than zero.");
  assert_calc_error (gtm_calc_ltv_from_churn (-50, 60, 0, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_NEGATIVE,
                     "The average revenue per customer can’t be negative.");
  assert_calc_error (gtm_calc_ltv_from_churn (50, 160, 5, &calc_result, &calc_error),
                     calc_result, GTM_CALC_ERROR_OUT_OF_RANGE,
                     "The gross margin must be from 0 to 100 percent.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calc/parse/c-form", test_parse_c_form);
  g_test_add_func ("/calc/parse/locale-form", test_parse_locale_form);
  g_test_add_func ("/calc/parse/errors", test_parse_errors);
  g_test_add_func ("/calc/market-penetration", test_market_penetration);
  g_test_add_func ("/calc/market-penetration/errors", test_market_penetration_errors);
  g_test_add_func ("/calc/nps", test_nps);
  g_test_add_func ("/calc/nps/errors", test_nps_errors);
  g_test_add_func ("/calc/roi", test_roi);
  g_test_add_func ("/calc/roi/errors", test_roi_errors);
  g_test_add_func ("/calc/funnel", test_funnel);
  g_test_add_func ("/calc/funnel/errors", test_funnel_errors);
  g_test_add_func ("/calc/ltv", test_ltv);
  g_test_add_func ("/calc/ltv/errors", test_ltv_errors);

  return g_test_run ();
}
