/* gtm-calc.c — the standard product marketing metric formulas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-calc"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gtm-calc.h"

/* Characters of a user’s text quoted at most in “… is not a number.” */
#define QUOTE_MAX_CHARS 24

G_DEFINE_QUARK (gtm-calc-error-quark, gtm_calc_error)

/* Spaces that group thousands in any form: ordinary, no-break (U+00A0) and
 * narrow no-break (U+202F, what glibc’s French locale uses). */
static const char * const space_separators[] = { " ", "\xc2\xa0", "\xe2\x80\xaf" };

/* ------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------ */

static gboolean
check_finite (double        value,
              const char   *message,
              GError      **error)
{
  if (isfinite (value))
    return TRUE;

  g_set_error_literal (error, GTM_CALC_ERROR, GTM_CALC_ERROR_NOT_A_NUMBER, message);
  return FALSE;
}

/* A finite value of at least zero. */
static gboolean
check_count (double        value,
             const char   *nan_message,
             const char   *negative_message,
             GError      **error)
{
  if (!check_finite (value, nan_message, error))
    return FALSE;

  if (value < 0.0)
    {
      g_set_error_literal (error, GTM_CALC_ERROR, GTM_CALC_ERROR_NEGATIVE, negative_message);
      return FALSE;
    }

  return TRUE;
}

/* A finite value of more than zero, divided by. */
static gboolean
check_denominator (double        value,
                   const char   *nan_message,
                   const char   *not_positive_message,
                   GError      **error)
{
  if (!check_finite (value, nan_message, error))
    return FALSE;

  if (value <= 0.0)
    {
      g_set_error_literal (error, GTM_CALC_ERROR,
                           value < 0.0 ? GTM_CALC_ERROR_NEGATIVE : GTM_CALC_ERROR_ZERO_DENOMINATOR,
                           not_positive_message);
      return FALSE;
    }

  return TRUE;
}

/* Stores @value in @result when it is finite: finite input can still give
 * infinity (a huge return over a tiny cost). */
static gboolean
set_result (double   value,
            double  *result,
            GError **error)
{
  if (!isfinite (value))
    {
      g_set_error_literal (error, GTM_CALC_ERROR, GTM_CALC_ERROR_OUT_OF_RANGE,
                           _("The result is too large to show."));
      return FALSE;
    }

  if (result != NULL)
    *result = value;
  return TRUE;
}

/* ------------------------------------------------------------------------
 * Parsing
 * ------------------------------------------------------------------------ */

/* The length of the separator in @separators that @p starts with, or 0. */
static gsize
match_separator (const char         *p,
                 const char * const *separators,
                 guint               n_separators)
{
  for (guint i = 0; i < n_separators; i++)
    {
      gsize len = strlen (separators[i]);

      if (len > 0 && strncmp (p, separators[i], len) == 0)
        return len;
    }

  return 0;
}

/* Turns @text, a number written with @decimal as its decimal mark and
 * @separators between groups of thousands, into the C form in @out.
 * FALSE if @text is not such a number. */
static gboolean
normalize_number (const char         *text,
                  const char         *decimal,
                  const char * const *separators,
                  guint               n_separators,
                  GString            *out)
{
  const char *p = text;
  gsize decimal_len = strlen (decimal);
  gboolean in_fraction = FALSE;
  gboolean grouped = FALSE;
  guint group_digits = 0;
  guint digits = 0;

  if (*p == '+')
    p++;
  else if (*p == '-')
    {
      g_string_append_c (out, '-');
      p++;
    }
  else if (g_str_has_prefix (p, "\xe2\x88\x92")) /* − MINUS SIGN */
    {
      g_string_append_c (out, '-');
      p += 3;
    }

  while (*p != '\0')
    {
      gsize len;

      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p);
          group_digits++;
          digits++;
          p++;
        }
      else if (!in_fraction && decimal_len > 0 && strncmp (p, decimal, decimal_len) == 0)
        {
          if (grouped && group_digits != 3)
            return FALSE;
          g_string_append_c (out, '.');
          in_fraction = TRUE;
          p += decimal_len;
        }
      else if (!in_fraction && (len = match_separator (p, separators, n_separators)) > 0)
        {
          /* The first group has one to three digits, the others three. */
          if (group_digits == 0 || group_digits > 3 || (grouped && group_digits != 3))
            return FALSE;
          grouped = TRUE;
          group_digits = 0;
          p += len;
        }
      else
        return FALSE;
    }

  if (!in_fraction && grouped && group_digits != 3)
    return FALSE;

  return digits > 0;
}

/* Reads @text in one form; FALSE if it is not a number in that form. */
static gboolean
parse_in_form (const char *text,
               const char *decimal,
               const char *thousands,
               double     *value)
{
  g_autoptr(GString) normalized = g_string_new (NULL);
  const char *separators[G_N_ELEMENTS (space_separators) + 1];
  guint n_separators = 0;
  char *end = NULL;

  if (thousands != NULL && thousands[0] != '\0' && strcmp (thousands, decimal) != 0)
    separators[n_separators++] = thousands;
  for (guint i = 0; i < G_N_ELEMENTS (space_separators); i++)
    separators[n_separators++] = space_separators[i];

  if (!normalize_number (text, decimal, separators, n_separators, normalized))
    return FALSE;

  *value = g_ascii_strtod (normalized->str, &end);
  return end != NULL && *end == '\0';
}

gboolean
gtm_calc_parse_number (const char  *text,
                       double      *value,
                       GError     **error)
{
  g_autofree char *stripped = NULL;
  struct lconv *conv;
  g_autofree char *decimal = NULL;
  g_autofree char *thousands = NULL;
  double result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, GTM_CALC_ERROR, GTM_CALC_ERROR_NOT_A_NUMBER,
                           _("Enter a number."));
      return FALSE;
    }

  /* Copied at once: the next setlocale() or localeconv() may change them. */
  conv = localeconv ();
  decimal = g_strdup (conv->decimal_point != NULL && conv->decimal_point[0] != '\0'
                      ? conv->decimal_point : ".");
  thousands = g_strdup (conv->thousands_sep != NULL ? conv->thousands_sep : "");

  if (!parse_in_form (stripped, decimal, thousands, &result)
      && !parse_in_form (stripped, ".", ",", &result))
    {
      g_autofree char *valid = g_utf8_make_valid (stripped, -1);
      g_autofree char *quoted = NULL;

      if (g_utf8_strlen (valid, -1) > QUOTE_MAX_CHARS)
        {
          g_autofree char *start = g_utf8_substring (valid, 0, QUOTE_MAX_CHARS - 1);

          quoted = g_strconcat (start, "…", NULL);
        }
      else
        quoted = g_steal_pointer (&valid);

      g_set_error (error, GTM_CALC_ERROR, GTM_CALC_ERROR_NOT_A_NUMBER,
                   /* Translators: %s is what the user typed into a number field */
                   _("“%s” is not a number."), quoted);
      return FALSE;
    }

  if (!isfinite (result))
    {
      g_set_error_literal (error, GTM_CALC_ERROR, GTM_CALC_ERROR_OUT_OF_RANGE,
                           _("The number is too large."));
      return FALSE;
    }

  *value = result;
  return TRUE;
}

/* ------------------------------------------------------------------------
 * Formulas
 * ------------------------------------------------------------------------ */

gboolean
gtm_calc_market_penetration (double   customers,
                             double   target_market_size,
                             double  *percent,
                             GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_count (customers,
                    _("The number of customers is not a number."),
                    _("The number of customers can’t be negative."),
                    error)
      || !check_denominator (target_market_size,
                             _("The target market size is not a number."),
                             _("The target market size must be more than zero."),
                             error))
    return FALSE;

  if (customers > target_market_size)
    {
      g_set_error_literal (error, GTM_CALC_ERROR, GTM_CALC_ERROR_INCONSISTENT,
                           _("The number of customers can’t be more than the target market size."));
      return FALSE;
    }

  return set_result (customers / target_market_size * 100.0, percent, error);
}

gboolean
gtm_calc_nps (double   promoters,
              double   passives,
              double   detractors,
              double  *nps,
              GError **error)
{
  double largest;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_count (promoters,
                    _("The number of promoters is not a number."),
                    _("The number of promoters can’t be negative."),
                    error)
      || !check_count (passives,
                       _("The number of passives is not a number."),
                       _("The number of passives can’t be negative."),
                       error)
      || !check_count (detractors,
                       _("The number of detractors is not a number."),
                       _("The number of detractors can’t be negative."),
                       error))
    return FALSE;

  largest = MAX (promoters, MAX (passives, detractors));
  if (largest == 0.0)
    {
      g_set_error_literal (error, GTM_CALC_ERROR, GTM_CALC_ERROR_ZERO_DENOMINATOR,
                           _("Promoters, passives and detractors add up to zero."));
      return FALSE;
    }

  /* Scaled by the largest count first, so that the total of three huge
   * counts does not overflow to infinity. */
  promoters /= largest;
  passives /= largest;
  detractors /= largest;

  return set_result ((promoters - detractors) / (promoters + passives + detractors) * 100.0,
                     nps, error);
}

gboolean
gtm_calc_roi (double   returns,
              double   cost,
              double  *ratio,
              GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_finite (returns, _("The return is not a number."), error)
      || !check_finite (cost, _("The cost is not a number."), error))
    return FALSE;

  if (cost < 0.0)
    {
      g_set_error_literal (error, GTM_CALC_ERROR, GTM_CALC_ERROR_NEGATIVE,
                           _("The cost can’t be negative."));
      return FALSE;
    }

  if (cost == 0.0)
    {
      g_set_error_literal (error, GTM_CALC_ERROR, GTM_CALC_ERROR_ZERO_DENOMINATOR,
                           _("The cost must be more than zero."));
      return FALSE;
    }

  /* return / cost − 1 rather than (return − cost) / cost: the difference of
   * two huge values of opposite signs would overflow. */
  return set_result (returns / cost - 1.0, ratio, error);
}

gboolean
gtm_calc_roi_percent (double   returns,
                      double   cost,
                      double  *percent,
                      GError **error)
{
  double ratio;

  if (!gtm_calc_roi (returns, cost, &ratio, error))
    return FALSE;

  return set_result (ratio * 100.0, percent, error);
}

gboolean
gtm_calc_conversion (double       from_count,
                     const char  *from_name,
                     double       to_count,
                     const char  *to_name,
                     double      *percent,
                     GError     **error)
{
  const double counts[] = { from_count, to_count };
  const char *names[] = { from_name, to_name };

  g_return_val_if_fail (from_name != NULL, FALSE);
  g_return_val_if_fail (to_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      if (!isfinite (counts[i]))
        {
          g_set_error (error, GTM_CALC_ERROR, GTM_CALC_ERROR_NOT_A_NUMBER,
                       /* Translators: %s is the name of a funnel stage, such as “Trial” */
                       _("The number in “%s” is not a number."), names[i]);
          return FALSE;
        }

      if (counts[i] < 0.0)
        {
          g_set_error (error, GTM_CALC_ERROR, GTM_CALC_ERROR_NEGATIVE,
                       /* Translators: %s is the name of a funnel stage, such as “Trial” */
                       _("The number in “%s” can’t be negative."), names[i]);
          return FALSE;
        }
    }

  if (to_count > from_count)
    {
      g_set_error (error, GTM_CALC_ERROR, GTM_CALC_ERROR_INCONSISTENT,
                   /* Translators: both are names of funnel stages: “Purchase” can’t
                    * be larger than “Trial”, the stage before it. */
                   _("“%s” can’t be larger than “%s”, the stage before it."),
                   to_name, from_name);
      return FALSE;
    }

  if (from_count == 0.0)
    {
      g_set_error (error, GTM_CALC_ERROR, GTM_CALC_ERROR_ZERO_DENOMINATOR,
                   /* Translators: both are names of funnel stages: no one reached
                    * “Trial”, so there is no conversion to “Purchase”. */
                   _("No one reached “%s”, so there is no conversion to “%s”."),
                   from_name, to_name);
      return FALSE;
    }

  return set_result (to_count / from_count * 100.0, percent, error);
}

gboolean
gtm_calc_funnel (const double       *counts,
                 const char * const *names,
                 guint               n_stages,
                 double             *step_percent,
                 double             *overall_percent,
                 GError            **error)
{
  g_autofree double *steps = NULL;

  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (names != NULL, FALSE);
  g_return_val_if_fail (n_stages >= 2, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  steps = g_new (double, n_stages - 1);
  for (guint i = 0; i + 1 < n_stages; i++)
    {
      if (!gtm_calc_conversion (counts[i], names[i], counts[i + 1], names[i + 1],
                                &steps[i], error))
        return FALSE;
    }

  /* Every step passed: the first stage is more than zero and the last at
   * most the first, so the overall conversion is at most 100 %. */
  if (step_percent != NULL)
    memcpy (step_percent, steps, (n_stages - 1) * sizeof (double));
  if (overall_percent != NULL)
    *overall_percent = counts[n_stages - 1] / counts[0] * 100.0;

  return TRUE;
}

gboolean
gtm_calc_lifetime_from_churn (double   churn_percent,
                              double  *periods,
                              GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_denominator (churn_percent,
                          _("The churn rate is not a number."),
                          _("The churn rate must be more than zero."),
                          error))
    return FALSE;

  if (churn_percent > 100.0)
    {
      g_set_error_literal (error, GTM_CALC_ERROR, GTM_CALC_ERROR_OUT_OF_RANGE,
                           _("The churn rate can’t be more than 100 percent."));
      return FALSE;
    }

  return set_result (100.0 / churn_percent, periods, error);
}

gboolean
gtm_calc_ltv (double   revenue_per_period,
              double   gross_margin_percent,
              double   lifetime_periods,
              double  *ltv,
              GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_count (revenue_per_period,
                    _("The average revenue per customer is not a number."),
                    _("The average revenue per customer can’t be negative."),
                    error)
      || !check_finite (gross_margin_percent, _("The gross margin is not a number."), error))
    return FALSE;

  if (gross_margin_percent < 0.0 || gross_margin_percent > 100.0)
    {
      g_set_error_literal (error, GTM_CALC_ERROR,
                           gross_margin_percent < 0.0 ? GTM_CALC_ERROR_NEGATIVE : GTM_CALC_ERROR_OUT_OF_RANGE,
                           _("The gross margin must be from 0 to 100 percent."));
      return FALSE;
    }

  if (!check_count (lifetime_periods,
                    _("The expected lifetime is not a number."),
                    _("The expected lifetime can’t be negative."),
                    error))
    return FALSE;

  return set_result (revenue_per_period * (gross_margin_percent / 100.0) * lifetime_periods,
                     ltv, error);
}

gboolean
gtm_calc_ltv_from_churn (double   revenue_per_period,
                         double   gross_margin_percent,
                         double   churn_percent,
                         double  *ltv,
                         GError **error)
{
  double lifetime;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The revenue and margin first, as a form lists them. */
  if (!gtm_calc_ltv (revenue_per_period, gross_margin_percent, 0.0, NULL, error)
      || !gtm_calc_lifetime_from_churn (churn_percent, &lifetime, error))
    return FALSE;

  return gtm_calc_ltv (revenue_per_period, gross_margin_percent, lifetime, ltv, error);
}
