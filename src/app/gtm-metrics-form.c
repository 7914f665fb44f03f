/* gtm-metrics-form.c — the funnel and metrics page of the workbench: the
 * funnel's stages with their conversions, and the metrics with the
 * calculators of their kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-metrics-form"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gtm-calc.h"
#include "gtm-funnel-stage.h"
#include "gtm-metric.h"
#include "gtm-metrics.h"
#include "gtm-workbench-page.h"

/* The rows of one metric that follow its kind and its result. */
typedef struct
{
  GtmForm    *form;
  GHashTable *inputs;   /* input name → its entry row */
  GtkWidget  *result;   /* AdwActionRow */
  GtkWidget  *value;    /* the result, at the end of the result row */
  GtkWidget  *current;
  GtkWidget  *formula;
  GtkWidget  *marked;   /* the input row marked as the result's error, or NULL */
} MetricRows;

static void
metric_rows_free (MetricRows *rows)
{
  g_object_unref (rows->form);
  g_hash_table_unref (rows->inputs);
  g_free (rows);
}

/* @value with up to @decimals decimals, as people write it here. */
static char *
format_value (double value,
              int    decimals)
{
  g_autofree char *text = g_strdup_printf ("%.*f", decimals, value);
  const char *point = localeconv ()->decimal_point;
  char *mark = strstr (text, point);

  if (mark != NULL)
    {
      char *end = text + strlen (text);

      while (end > mark + strlen (point) && end[-1] == '0')
        *--end = '\0';
      if (end == mark + strlen (point))
        *mark = '\0';
    }

  /* No “-0”. */
  if (strcmp (text, "-0") == 0)
    return g_strdup ("0");

  return g_steal_pointer (&text);
}

/* Funnel */

static void
update_stage_row (GtkWidget *row,
                  GtmNode   *node)
{
  g_autoptr(GtmFunnelStage) previous = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  GListModel *funnel;
  guint position;
  double percent;

  if (gtm_node_get_parent (node) == NULL)
    return;

  funnel = gtm_metrics_get_funnel (GTM_METRICS (gtm_node_get_parent (node)));
  if (!g_list_store_find (G_LIST_STORE (funnel), node, &position))
    return;

  if (position == 0)
    {
      gtm_form_row_set_error (row, NULL);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _("Top of the funnel"));
      return;
    }

  previous = g_list_model_get_item (funnel, position - 1);
  if (gtm_calc_conversion (gtm_funnel_stage_get_count (previous),
                           gtm_funnel_stage_get_name (previous),
                           gtm_funnel_stage_get_count (GTM_FUNNEL_STAGE (node)),
                           gtm_funnel_stage_get_name (GTM_FUNNEL_STAGE (node)),
                           &percent, &error))
    {
      g_autofree char *number = format_value (percent, 1);

      gtm_form_row_set_error (row, NULL);
      /* Translators: a funnel stage's conversion from the stage before it:
       * “6 % of “Awareness”” */
      text = g_strdup_printf (_("%s %% of “%s”"), number, gtm_funnel_stage_get_name (previous));
    }
  else
    {
      gtm_form_row_set_error (row, error->message);
      text = g_strdup (error->message);
    }

  escaped = g_markup_escape_text (text, -1);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
}

static void
build_stage (GtmForm   *form,
             GtkWidget *container,
             gpointer   user_data)
{
  gtm_form_add_entry (form, container, "name", _("Stage"));
  gtm_form_add_entry (form, container, "count", _("People or companies reaching it"));

  gtm_form_follow (form, container, TRUE, update_stage_row);
}

static GtmNode *
new_stage (gpointer user_data)
{
  return GTM_NODE (gtm_funnel_stage_new (NULL, 0.0));
}

/* Metrics */

static const char *
metric_kind_to_label (int kind)
{
  switch ((GtmMetricKind) kind)
    {
    case GTM_METRIC_KIND_CUSTOM:
      return _("Custom");
    case GTM_METRIC_KIND_MARKET_PENETRATION:
      return _("Market penetration");
    case GTM_METRIC_KIND_NPS:
      return _("Net Promoter Score (NPS)");
    case GTM_METRIC_KIND_ROI:
      return _("Return on investment (ROI)");
    case GTM_METRIC_KIND_LTV:
      return _("Customer lifetime value (LTV)");
    case GTM_METRIC_KIND_CONVERSION_RATE:
      return _("Conversion rate");
    default:
      return "";
    }
}

static const struct
{
  const char *name;
  const char *title;
} input_titles[] = {
  { "customers", N_("Customers") },
  { "market-size", N_("Target market size") },
  { "promoters", N_("Promoters (answered 9–10)") },
  { "passives", N_("Passives (answered 7–8)") },
  { "detractors", N_("Detractors (answered 0–6)") },
  { "return", N_("Return") },
  { "cost", N_("Cost") },
  { "revenue", N_("Revenue per customer per period") },
  { "gross-margin", N_("Gross margin (%)") },
  { "churn", N_("Churn per period (%)") },
  { "from-count", N_("Started (e.g. trials)") },
  { "to-count", N_("Converted (e.g. paying customers)") },
};

/* The result as the result row shows it: “NPS 32”, “ROI 150 %”. */
static char *
format_result (GtmMetric *metric,
               double     result)
{
  const char *unit = gtm_metric_get_unit (metric);

  switch (gtm_metric_get_kind (metric))
    {
    case GTM_METRIC_KIND_MARKET_PENETRATION:
      {
        g_autofree char *number = format_value (result, 1);

        /* Translators: market penetration in percent */
        return g_strdup_printf (_("Penetration %s %%"), number);
      }
    case GTM_METRIC_KIND_NPS:
      {
        g_autofree char *number = format_value (result, 1);

        return g_strdup_printf (_("NPS %s"), number);
      }
    case GTM_METRIC_KIND_ROI:
      {
        g_autofree char *number = format_value (result, 1);

        /* Translators: return on investment in percent */
        return g_strdup_printf (_("ROI %s %%"), number);
      }
    case GTM_METRIC_KIND_LTV:
      {
        g_autofree char *number = format_value (result, 2);

        if (unit[0] == '\0')
          return g_strdup_printf (_("LTV %s"), number);
        /* Translators: customer lifetime value and its unit: “LTV 32000 CNY” */
        return g_strdup_printf (_("LTV %s %s"), number, unit);
      }
    case GTM_METRIC_KIND_CONVERSION_RATE:
      {
        g_autofree char *number = format_value (result, 1);

        /* Translators: a conversion rate in percent */
        return g_strdup_printf (_("Conversion %s %%"), number);
      }
    case GTM_METRIC_KIND_CUSTOM:
    default:
      return format_value (result, 2);
    }
}

static void
update_metric_row (GtkWidget *row,
                   GtmNode   *node)
{
  MetricRows *rows = g_object_get_data (G_OBJECT (row), "gtm-metrics-rows");
  GtmMetric *metric;
  GtmMetricKind kind;
  const char * const *inputs;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  gboolean entered = FALSE;
  GHashTableIter iter;
  gpointer name, input;
  double result;

  metric = GTM_METRIC (node);
  kind = gtm_metric_get_kind (metric);
  inputs = gtm_metric_kind_get_inputs (kind);

  /* The kind's inputs, and the custom metric's own value and formula. */
  g_hash_table_iter_init (&iter, rows->inputs);
  while (g_hash_table_iter_next (&iter, &name, &input))
    gtk_widget_set_visible (input, g_strv_contains (inputs, name));
  gtk_widget_set_visible (rows->current, kind == GTM_METRIC_KIND_CUSTOM);
  gtk_widget_set_visible (rows->formula, kind == GTM_METRIC_KIND_CUSTOM);
  gtk_widget_set_visible (rows->result, kind != GTM_METRIC_KIND_CUSTOM);

  if (rows->marked != NULL)
    gtk_widget_remove_css_class (rows->marked, "error");
  rows->marked = NULL;

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), "");
  if (kind == GTM_METRIC_KIND_CUSTOM)
    return;

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (node), inputs[i]);

      entered |= gtm_node_get_double (node, pspec->param_id) != 0.0;
    }

  if (gtm_metric_compute (metric, &result, &field, &error))
    {
      g_autofree char *text = format_result (metric, result);

      g_autofree char *escaped = g_markup_escape_text (text, -1);

      gtk_label_set_label (GTK_LABEL (rows->value), text);
      gtm_form_row_set_error (rows->result, NULL);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
      return;
    }
  else if (!entered)
    {
      /* A new metric: nothing wrong yet, nothing to compute. */
      gtk_label_set_label (GTK_LABEL (rows->value), "—");
      gtm_form_row_set_error (rows->result, NULL);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (rows->result),
                                   _("Fill in the values above to compute it."));
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      gtk_label_set_label (GTK_LABEL (rows->value), "—");
      gtm_form_row_set_error (rows->result, error->message);
      /* Closed, the row still says what is wrong. */
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
      if (field != NULL)
        {
          rows->marked = g_hash_table_lookup (rows->inputs, field);
          if (rows->marked != NULL)
            gtk_widget_add_css_class (rows->marked, "error");
        }
    }
}

static void
on_metric_input_changed (GtkWidget *row)
{
  MetricRows *rows = g_object_get_data (G_OBJECT (row), "gtm-metrics-rows");
  GtmNode *node = gtm_form_get_node (rows->form);

  /* (A row the list is taking away shows no node.) */
  if (node != NULL)
    update_metric_row (row, node);
}

static void
build_metric (GtmForm   *form,
              GtkWidget *container,
              gpointer   user_data)
{
  MetricRows *rows = g_new0 (MetricRows, 1);

  rows->form = g_object_ref (form);
  rows->inputs = g_hash_table_new (g_str_hash, g_str_equal);

  gtm_form_add_entry (form, container, "name", _("Name"));
  gtm_form_add_choice (form, container, "kind", _("Kind"), metric_kind_to_label);

  for (guint i = 0; i < G_N_ELEMENTS (input_titles); i++)
    {
      GtkWidget *input = gtm_form_add_entry (form, container, input_titles[i].name,
                                             _(input_titles[i].title));

      g_hash_table_insert (rows->inputs, (gpointer) input_titles[i].name, input);
      /* The form clears an entry's error mark on each keystroke it reads,
       * even one that leaves the value as it was (“0” typed over “0”):
       * mark the input the result's error is about again after it. */
      g_signal_connect_data (input, "changed", G_CALLBACK (on_metric_input_changed), container,
                             NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  rows->result = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->result), _("Result"));
  rows->value = gtk_label_new ("—");
  gtk_label_set_selectable (GTK_LABEL (rows->value), TRUE);
  gtk_widget_add_css_class (rows->value, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (rows->result), rows->value);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (container), rows->result);

  rows->current = gtm_form_add_entry (form, container, "current", _("Current value"));
  rows->formula = gtm_form_add_text (form, container, "formula", _("How it is computed"));
  gtm_form_add_entry (form, container, "target", _("Target"));
  gtm_form_add_entry (form, container, "unit", _("Unit"));

  g_object_set_data_full (G_OBJECT (container), "gtm-metrics-rows", rows,
                          (GDestroyNotify) metric_rows_free);
  gtm_form_follow (form, container, FALSE, update_metric_row);
}

static GtmNode *
new_metric (gpointer user_data)
{
  return GTM_NODE (gtm_metric_new (GTM_METRIC_KIND_CUSTOM, NULL));
}

void
gtm_metrics_form_build (GtmWorkbenchPage   *self,
                        GtmForm            *form,
                        AdwPreferencesPage *page)
{
  AdwPreferencesGroup *group;

  group = gtm_form_add_nodes (form, "funnel", _("Funnel"), _("Add Stage"), "name",
                              _("Untitled stage"), build_stage, new_stage, self);
  adw_preferences_group_set_description (group,
                                         _("From the widest stage to the narrowest: awareness, interest, trial, purchase, loyalty. Each stage shows how many of the stage before it reach it."));
  adw_preferences_page_add (page, group);

  group = gtm_form_add_nodes (form, "metrics", _("Metrics"), _("Add Metric"), "name",
                              _("Untitled metric"), build_metric, new_metric, self);
  adw_preferences_group_set_description (group,
                                         _("Track three to five metrics per plan: the few that tell whether the launch works. Market penetration, NPS, ROI and LTV compute themselves from the values you enter."));
  adw_preferences_page_add (page, group);
}
