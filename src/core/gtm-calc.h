/* gtm-calc.h — the standard product marketing metric formulas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Every formula checks its input and either stores a finite result and
 * returns TRUE, or leaves the result alone, returns FALSE and sets a
 * GTM_CALC_ERROR with a short message that names the field at fault, ready
 * to show inline next to that field. No formula ever gives NaN or infinity.
 *
 * Rates and shares are in percent (0 to 100), as a form shows them: a gross
 * margin of 60 % is 60.0, a churn rate of 5 % a month is 5.0. Counts are
 * doubles, as the model stores them; they need not be whole numbers.
 */

#define GTM_CALC_ERROR (gtm_calc_error_quark ())

typedef enum
{
  GTM_CALC_ERROR_NEGATIVE,          /* a count, cost or rate below zero */
  GTM_CALC_ERROR_ZERO_DENOMINATOR,  /* a value divided by is zero */
  GTM_CALC_ERROR_OUT_OF_RANGE,      /* a share over 100 %, or a result too large */
  GTM_CALC_ERROR_NOT_A_NUMBER,      /* text that is no number, NaN or infinity */
  GTM_CALC_ERROR_INCONSISTENT,      /* values that contradict one another */
} GtmCalcError;

GQuark   gtm_calc_error_quark         (void);

/* Reads a number a user typed into a form field. Accepts the number in the
 * current locale’s form (“1.234,5” in German) and in the C form (“1234.5”),
 * with an optional sign (+, - or −) and optional thousands separators: the
 * locale’s, a comma in the C form, and spaces (ordinary, no-break and narrow
 * no-break) in either. Separated groups must have three digits. The locale’s
 * form wins where both read the text (“1,234” is 1.234 in German).
 * Refuses empty text, words, NaN and infinity (GTM_CALC_ERROR_NOT_A_NUMBER)
 * and numbers too large for a double (GTM_CALC_ERROR_OUT_OF_RANGE). */
gboolean gtm_calc_parse_number        (const char  *text,
                                       double      *value,
                                       GError     **error);

/* customers / target market size × 100, in percent (0 to 100). More
 * customers than the market has is GTM_CALC_ERROR_INCONSISTENT. */
gboolean gtm_calc_market_penetration  (double       customers,
                                       double       target_market_size,
                                       double      *percent,
                                       GError     **error);

/* Net promoter score from the answers to a 0–10 survey: promoters (9–10),
 * passives (7–8) and detractors (0–6). (promoters − detractors) / total ×
 * 100, from −100 to 100. No answers at all is an error. */
gboolean gtm_calc_nps                 (double       promoters,
                                       double       passives,
                                       double       detractors,
                                       double      *nps,
                                       GError     **error);

/* Return on investment, (@returns − @cost) / @cost, as a ratio (1.5 is a
 * gain of one and a half times the cost). The cost must be more than zero;
 * the return may be anything, a negative return being a loss beyond the
 * cost. */
gboolean gtm_calc_roi                 (double       returns,
                                       double       cost,
                                       double      *ratio,
                                       GError     **error);
/* The same in percent (150 for a ratio of 1.5). */
gboolean gtm_calc_roi_percent         (double       returns,
                                       double       cost,
                                       double      *percent,
                                       GError     **error);

/* Conversion from one funnel stage to the next: @to_count / @from_count ×
 * 100, in percent. The names are the stages’ names as the user sees them;
 * error messages quote them. A stage with nobody in it converts nobody, so
 * an empty @from stage is GTM_CALC_ERROR_ZERO_DENOMINATOR. A funnel only
 * narrows: a later stage larger than the one before it is an error,
 * GTM_CALC_ERROR_INCONSISTENT, not a conversion over 100 %. */
gboolean gtm_calc_conversion          (double       from_count,
                                       const char  *from_name,
                                       double       to_count,
                                       const char  *to_name,
                                       double      *percent,
                                       GError     **error);

/* Every step of a funnel of @n_stages stages (at least two, in order:
 * awareness → interest → trial → purchase → loyalty, say): @step_percent
 * (may be NULL) receives the @n_stages − 1 conversions of
 * gtm_calc_conversion(), @overall_percent (may be NULL) the last stage /
 * the first × 100. Fails on the first step in error, storing nothing; a form
 * that shows each step’s message calls gtm_calc_conversion() per step. */
gboolean gtm_calc_funnel              (const double       *counts,
                                       const char * const *names,
                                       guint               n_stages,
                                       double             *step_percent,
                                       double             *overall_percent,
                                       GError            **error);

/* Expected customer lifetime in periods from the churn rate per period, in
 * percent: 100 / churn (a churn of 5 % a month is a lifetime of 20 months).
 * The churn must be more than 0 and at most 100. */
gboolean gtm_calc_lifetime_from_churn (double       churn_percent,
                                       double      *periods,
                                       GError     **error);

/* Customer lifetime value: average revenue per customer per period × gross
 * margin (in percent, 0 to 100) / 100 × expected lifetime in periods. */
gboolean gtm_calc_ltv                 (double       revenue_per_period,
                                       double       gross_margin_percent,
                                       double       lifetime_periods,
                                       double      *ltv,
                                       GError     **error);
/* The same with the lifetime from the churn rate per period, in percent. */
gboolean gtm_calc_ltv_from_churn      (double       revenue_per_period,
                                       double       gross_margin_percent,
                                       double       churn_percent,
                                       double      *ltv,
                                       GError     **error);

G_END_DECLS
