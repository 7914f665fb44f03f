/* test-metrics.c — the launch plan and the funnel & metrics pages of the
 * workbench, reached through the sidebar and typed into with real keys: a
 * metric's calculator and its result, bad input refused on its row, undo;
 * a funnel's conversions and their errors; an activity ending before it
 * starts; save and reopen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-metrics"

#include "config.h"

#include "gtm-core.h"
#include "gtm-test-utils.h"

typedef struct
{
  GtmWindow  *window;
  GtmProject *project;
  GtmHistory *history;
  GtmMetrics *metrics;
  GtmNode    *plan;
} Fixture;

static void
fixture_set_window (Fixture   *f,
                    GtmWindow *window)
{
  GtmDocument *document = gtm_window_get_document (window);

  f->window = window;
  f->project = gtm_document_get_project (document);
  f->history = gtm_document_get_history (document);
  f->metrics = GTM_METRICS (gtm_project_get_metrics (f->project));
  f->plan = gtm_project_get_launch_plan (f->project);
}

/* A new window on a new project. */
static gboolean
open_window (Fixture *f)
{
  GtmWindow *window;

  window = gtm_test_new_input_window ();
  if (window == NULL)
    return FALSE;
  fixture_set_window (f, window);

  return TRUE;
}

/* Expander row @index of the list @group: the rows of its nodes. */
static GtkWidget *
get_expander (GtkWidget *group,
              guint      index)
{
  g_autoptr(GPtrArray) expanders = gtm_test_find_all (group, ADW_TYPE_EXPANDER_ROW);

  g_assert_cmpuint (index, <, expanders->len);
  return expanders->pdata[index];
}

/* Activates the add row of the list @group from the keyboard, as a user
 * tabbing to it would; returns the new node's row, open. */
static GtkWidget *
add_to_list (GtkWidget  *group,
             GListModel *list)
{
  GtkWidget *add_row = g_object_get_data (G_OBJECT (group), "gtm-form-add-row");
  guint n = g_list_model_get_n_items (list);
  GtkWidget *expander;

  g_assert_nonnull (add_row);
  gtk_widget_grab_focus (add_row);
  gtm_test_settle ();
  gtm_test_keys ("Return", NULL);
  gtm_test_wait_until (g_list_model_get_n_items (list) == n + 1);
  gtm_test_settle ();

  expander = get_expander (group, n);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  return expander;
}

/* Picks item @index of @row's drop-down from the keyboard: Return opens
 * it on the item chosen now, arrows move, Return picks. */
static void
choose_with_keys (GtkWidget *row,
                  guint      index)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  gtk_widget_grab_focus (row);
  gtm_test_settle ();
  gtm_test_keys ("Return", NULL);
  gtm_test_settle ();
  for (; selected < index; selected++)
    gtm_test_keys ("Down", NULL);
  gtm_test_keys ("Return", NULL);
  gtm_test_wait_until (adw_combo_row_get_selected (ADW_COMBO_ROW (row)) == index);
  gtm_test_settle ();
}

/* Whether a label on screen (drawn, not only visible) in @widget reads
 * @text. */
static gboolean
shows_on_screen (GtkWidget  *widget,
                 const char *text)
{
  g_autoptr(GPtrArray) labels = gtm_test_find_all (widget, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
has_word (const char *text,
          const char *word)
{
  g_auto(GStrv) words = g_regex_split_simple ("[^[:alnum:]]+", text, 0, 0);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (words[i], word) == 0)
      return TRUE;

  return FALSE;
}

/* No label and no entry in @widget says “nan” or “inf”. */
static void
assert_no_nan (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = gtm_test_find_all (widget, GTK_TYPE_LABEL);
  g_autoptr(GPtrArray) editables = gtm_test_find_all (widget, GTK_TYPE_EDITABLE);
  static const char * const bad[] = { "nan", "inf", "infinity" };

  for (guint i = 0; i < labels->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (bad); j++)
      if (has_word (gtk_label_get_text (labels->pdata[i]), bad[j]))
        g_error ("a label reads “%s”", gtk_label_get_text (labels->pdata[i]));

  for (guint i = 0; i < editables->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (bad); j++)
      if (has_word (gtk_editable_get_text (editables->pdata[i]), bad[j]))
        g_error ("an entry reads “%s”", gtk_editable_get_text (editables->pdata[i]));
}

static const char *
subtitle (GtkWidget *expander)
{
  return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander));
}

static double
metric_input (GtmMetric   *metric,
              GtmMetricSlot slot)
{
  return gtm_node_get_double (GTM_NODE (metric), slot);
}

/* Adds a metric on the metrics page @page, names it @name, makes it an
 * NPS and types 50 promoters, 30 passives and 20 detractors; returns its
 * row. */
static GtkWidget *
add_nps_metric (Fixture    *f,
                GtkWidget  *page,
                const char *name,
                GtmMetric **metric)
{
  GListModel *metrics = gtm_metrics_get_metrics (f->metrics);
  GtkWidget *expander, *result;

  expander = add_to_list (gtm_test_find_group (page, "Metrics"), metrics);
  *metric = g_list_model_get_item (metrics, g_list_model_get_n_items (metrics) - 1);
  g_object_unref (*metric);
  g_assert_true (gtm_metric_get_kind (*metric) == GTM_METRIC_KIND_CUSTOM);

  /* The new metric's name has the focus. */
  gtm_test_type (name);
  gtm_test_wait_until (g_strcmp0 (gtm_metric_get_name (*metric), name) == 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==, name);

  /* A custom metric has no calculator. */
  result = gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Result");
  g_assert_false (gtk_widget_get_visible (result));
  g_assert_false (gtk_widget_get_visible (gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW,
                                                             "Promoters (answered 9–10)")));
  g_assert_true (gtk_widget_get_visible (gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Current value")));

  choose_with_keys (gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Kind"), GTM_METRIC_KIND_NPS);
  g_assert_true (gtm_metric_get_kind (*metric) == GTM_METRIC_KIND_NPS);
  g_assert_true (gtk_widget_get_visible (result));
  g_assert_true (gtk_widget_get_visible (gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW,
                                                            "Promoters (answered 9–10)")));
  g_assert_false (gtk_widget_get_visible (gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Customers")));
  g_assert_false (gtk_widget_get_visible (gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Current value")));
  /* Nothing entered yet: nothing wrong. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (result)), ==, "Fill in the values above to compute it.");
  g_assert_false (gtk_widget_has_css_class (result, "error"));

  gtm_test_type_into_row (gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Promoters (answered 9–10)"), "50");
  gtm_test_type_into_row (gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Passives (answered 7–8)"), "30");
  gtm_test_type_into_row (gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Detractors (answered 0–6)"), "20");
  gtm_test_wait_until (metric_input (*metric, GTM_METRIC_SLOT_DETRACTORS) == 20);

  return expander;
}

/* A metric made an NPS and typed into shows its score in its collapsed
 * row; a negative count is refused on its row; undo takes back one run of
 * typing and the score follows. */
static void
test_nps (void)
{
  Fixture f = { 0 };
  GtmMetric *metric;
  GtkWidget *page, *expander, *detractors, *result;
  guint n_undo;

  if (!open_window (&f))
    return;

  page = gtm_test_show_workbench_page (f.window, "metrics");
  expander = add_nps_metric (&f, page, "Launch NPS", &metric);
  result = gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Result");
  detractors = gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Detractors (answered 0–6)");

  /* (50 − 20) / 100 × 100 */
  g_assert_cmpfloat (metric_input (metric, GTM_METRIC_SLOT_PROMOTERS), ==, 50);
  g_assert_cmpfloat (metric_input (metric, GTM_METRIC_SLOT_PASSIVES), ==, 30);
  g_assert_cmpfloat (metric_input (metric, GTM_METRIC_SLOT_DETRACTORS), ==, 20);
  g_assert_cmpstr (subtitle (expander), ==, "NPS 30");
  g_assert_true (shows_on_screen (result, "NPS 30"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (result)), ==, "");

  /* A negative count typed over the good one: said on the row, not
   * written, and the field keeps its last good value. */
  n_undo = gtm_history_get_n_undo (f.history);
  gtk_widget_grab_focus (detractors);
  gtm_test_settle ();
  gtm_test_keys ("ctrl+a", "minus", "5", NULL);
  gtm_test_wait_until (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (detractors)), "-5") == 0);
  g_assert_true (gtm_test_row_shows_error (detractors, "Enter a number of 0 or more."));
  g_assert_true (gtk_widget_has_css_class (detractors, "error"));
  g_assert_true (gtm_test_row_shows_error (detractors, NULL));
  g_assert_cmpfloat (metric_input (metric, GTM_METRIC_SLOT_DETRACTORS), ==, 20);
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, n_undo);
  g_assert_cmpstr (subtitle (expander), ==, "NPS 30");
  assert_no_nan (page);
  gtm_test_screenshot ("metrics-nps-negative");

  /* Collapsed, the row still tells the score. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), FALSE);
  gtm_test_wait_until (!gtk_widget_get_mapped (result));
  g_assert_true (shows_on_screen (expander, "NPS 30"));

  /* Ctrl+Z takes back the run that typed 20 detractors: the score and
   * the row follow, the refused text goes. */
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (metric_input (metric, GTM_METRIC_SLOT_DETRACTORS) == 0);
  g_assert_cmpfloat (metric_input (metric, GTM_METRIC_SLOT_PASSIVES), ==, 30);
  /* 50 / 80 × 100 */
  g_assert_cmpstr (subtitle (expander), ==, "NPS 62.5");
  g_assert_true (shows_on_screen (expander, "NPS 62.5"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (detractors)), ==, "0");
  g_assert_false (gtk_widget_has_css_class (detractors, "error"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  gtm_test_wait_until (gtk_widget_get_mapped (result));
  g_assert_false (gtm_test_row_shows_error (detractors, NULL));
  g_assert_true (shows_on_screen (result, "NPS 62.5"));

  /* And the one before it, the passives. */
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (metric_input (metric, GTM_METRIC_SLOT_PASSIVES) == 0);
  g_assert_cmpstr (subtitle (expander), ==, "NPS 100");
  assert_no_nan (page);

  gtm_test_close_all ();
}

/* Two stages typed into show the second's conversion; a later stage
 * larger than the one before it says so on its row. */
static void
test_funnel (void)
{
  Fixture f = { 0 };
  GListModel *funnel;
  g_autoptr(GtmFunnelStage) first = NULL;
  g_autoptr(GtmFunnelStage) second = NULL;
  GtkWidget *page, *group, *top, *bottom;

  if (!open_window (&f))
    return;

  funnel = gtm_metrics_get_funnel (f.metrics);
  g_assert_cmpuint (g_list_model_get_n_items (funnel), ==, 0);
  page = gtm_test_show_workbench_page (f.window, "metrics");
  group = gtm_test_find_group (page, "Funnel");

  add_to_list (group, funnel);
  gtm_test_type ("Trial");
  add_to_list (group, funnel);
  gtm_test_type ("Paid");
  first = g_list_model_get_item (funnel, 0);
  second = g_list_model_get_item (funnel, 1);
  gtm_test_wait_until (g_strcmp0 (gtm_funnel_stage_get_name (second), "Paid") == 0);
  g_assert_cmpstr (gtm_funnel_stage_get_name (first), ==, "Trial");

  top = get_expander (group, 0);
  bottom = get_expander (group, 1);
  gtm_test_type_into_row (gtm_test_find_row (top, ADW_TYPE_PREFERENCES_ROW,
                                             "People or companies reaching it"), "1000");
  gtm_test_type_into_row (gtm_test_find_row (bottom, ADW_TYPE_PREFERENCES_ROW,
                                             "People or companies reaching it"), "250");
  gtm_test_wait_until (gtm_funnel_stage_get_count (second) == 250);
  g_assert_cmpfloat (gtm_funnel_stage_get_count (first), ==, 1000);

  g_assert_cmpstr (subtitle (top), ==, "Top of the funnel");
  g_assert_cmpstr (subtitle (bottom), ==, "25 % of “Trial”");
  g_assert_true (shows_on_screen (bottom, "25 % of “Trial”"));
  g_assert_false (gtk_widget_has_css_class (bottom, "error"));

  /* More paying than trying. */
  gtm_test_type_into_row (gtm_test_find_row (bottom, ADW_TYPE_PREFERENCES_ROW,
                                             "People or companies reaching it"), "1500");
  gtm_test_wait_until (gtm_funnel_stage_get_count (second) == 1500);
  g_assert_cmpstr (subtitle (bottom), ==, "“Paid” can’t be larger than “Trial”, the stage before it.");
  g_assert_true (shows_on_screen (bottom, "“Paid” can’t be larger than “Trial”, the stage before it."));
  g_assert_true (gtk_widget_has_css_class (bottom, "error"));
  g_assert_cmpstr (subtitle (top), ==, "Top of the funnel");
  assert_no_nan (page);
  gtm_test_screenshot ("metrics-funnel-widening");

  /* Widening the stage before it mends it. */
  gtm_test_type_into_row (gtm_test_find_row (top, ADW_TYPE_PREFERENCES_ROW,
                                             "People or companies reaching it"), "3000");
  gtm_test_wait_until (gtm_funnel_stage_get_count (first) == 3000);
  g_assert_cmpstr (subtitle (bottom), ==, "50 % of “Trial”");
  g_assert_false (gtk_widget_has_css_class (bottom, "error"));

  gtm_test_close_all ();
}

/* A target market of 0: the result row says what is wrong, naming the
 * field, and marks it; no NaN anywhere. */
static void
test_market_penetration_zero (void)
{
  Fixture f = { 0 };
  GListModel *metrics;
  g_autoptr(GtmMetric) metric = NULL;
  GtkWidget *page, *expander, *result, *customers, *size;
  const char *message;

  if (!open_window (&f))
    return;

  page = gtm_test_show_workbench_page (f.window, "metrics");
  metrics = gtm_metrics_get_metrics (f.metrics);
  expander = add_to_list (gtm_test_find_group (page, "Metrics"), metrics);
  metric = g_list_model_get_item (metrics, g_list_model_get_n_items (metrics) - 1);
  choose_with_keys (gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW,
                                       "Kind"), GTM_METRIC_KIND_MARKET_PENETRATION);
  g_assert_true (gtm_metric_get_kind (metric) == GTM_METRIC_KIND_MARKET_PENETRATION);

  result = gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Result");
  customers = gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Customers");
  size = gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Target market size");
  gtm_test_type_into_row (size, "500");
  gtm_test_type_into_row (customers, "100");
  gtm_test_wait_until (metric_input (metric, GTM_METRIC_SLOT_CUSTOMERS) == 100);
  g_assert_cmpstr (subtitle (expander), ==, "Penetration 20 %");
  g_assert_true (shows_on_screen (result, "Penetration 20 %"));

  gtm_test_type_into_row (size, "0");
  gtm_test_wait_until (metric_input (metric, GTM_METRIC_SLOT_MARKET_SIZE) == 0);
  message = adw_action_row_get_subtitle (ADW_ACTION_ROW (result));
  g_assert_cmpstr (message, ==, "The target market size must be more than zero.");
  g_assert_true (shows_on_screen (result, message));
  g_assert_true (gtk_widget_has_css_class (result, "error"));
  g_assert_true (gtk_widget_has_css_class (size, "error"));
  g_assert_false (gtk_widget_has_css_class (customers, "error"));
  g_assert_true (shows_on_screen (result, "—"));
  /* Closed, the row still says what is wrong. */
  g_assert_cmpstr (subtitle (expander), ==, message);
  assert_no_nan (page);
  gtm_test_screenshot ("metrics-market-size-zero");

  /* Back to a market: the marks go. */
  gtm_test_type_into_row (size, "400");
  gtm_test_wait_until (metric_input (metric, GTM_METRIC_SLOT_MARKET_SIZE) == 400);
  g_assert_cmpstr (subtitle (expander), ==, "Penetration 25 %");
  g_assert_false (gtk_widget_has_css_class (size, "error"));
  g_assert_false (gtk_widget_has_css_class (result, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (result)), ==, "");

  gtm_test_close_all ();
}

/* An activity that ends before it starts is refused on the End row; the
 * right end is written; the activity and a metric save and read back. */
static void
test_launch_plan_save (void)
{
  Fixture f = { 0 };
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "launch.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtmActivity) activity = NULL;
  g_autoptr(GtmActivity) read = NULL;
  g_autoptr(GtmMetric) metric_read = NULL;
  g_autofree char *activity_id = NULL;
  g_autofree char *metric_id = NULL;
  GtmMetric *metric;
  GListModel *activities;
  GtkWidget *page, *group, *expander, *end;
  guint n;

  if (!open_window (&f))
    return;

  page = gtm_test_show_workbench_page (f.window, "launch-plan");
  group = gtm_test_find_group (page, "Activities and Milestones");
  activities = gtm_launch_plan_get_activities (GTM_LAUNCH_PLAN (f.plan));
  n = g_list_model_get_n_items (activities);
  expander = add_to_list (group, activities);
  activity = g_list_model_get_item (activities, n);
  g_assert_cmpstr (subtitle (expander), ==, "Not scheduled");

  gtm_test_type ("Partner webinar");
  gtm_test_wait_until (g_strcmp0 (gtm_activity_get_name (activity), "Partner webinar") == 0);
  gtm_test_type_into_row (gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Start (YYYY-MM-DD)"), "2024-07-01");
  gtm_test_wait_until (g_strcmp0 (gtm_activity_get_start (activity), "2024-07-01") == 0);

  /* A month before the start. */
  end = gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "End (YYYY-MM-DD)");
  gtm_test_type_into_row (end, "2024-06-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end)), ==, "2024-06-01");
  g_assert_true (gtk_widget_has_css_class (end, "error"));
  g_assert_true (gtm_test_row_shows_error (end, "The activity ends (2024-06-01) before it starts (2024-07-01)."));
  g_assert_cmpstr (gtm_activity_get_end (activity), ==, "");
  g_assert_cmpstr (subtitle (expander), ==, "1 Jul");
  gtm_test_screenshot ("launch-end-before-start");

  gtm_test_type_into_row (end, "2024-07-05");
  gtm_test_wait_until (g_strcmp0 (gtm_activity_get_end (activity), "2024-07-05") == 0);
  g_assert_false (gtk_widget_has_css_class (end, "error"));
  g_assert_false (gtm_test_row_shows_error (end, NULL));
  g_assert_cmpstr (subtitle (expander), ==, "1 Jul – 5 Jul");

  page = gtm_test_show_workbench_page (f.window, "metrics");
  add_nps_metric (&f, page, "Launch NPS", &metric);
  activity_id = g_strdup (gtm_node_get_id (GTM_NODE (activity)));
  metric_id = g_strdup (gtm_node_get_id (GTM_NODE (metric)));

  gtm_window_save_to_file (f.window, file);
  gtm_test_wait_until (!gtm_history_get_modified (f.history));
  gtm_test_close_all ();

  /* Read back, and shown again. */
  f = (Fixture) { 0 };
  fixture_set_window (&f, gtm_test_open (file));
  activities = gtm_launch_plan_get_activities (GTM_LAUNCH_PLAN (f.plan));
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, n + 1);
  read = g_list_model_get_item (activities, n);
  g_assert_cmpstr (gtm_node_get_id (GTM_NODE (read)), ==, activity_id);
  g_assert_cmpstr (gtm_activity_get_name (read), ==, "Partner webinar");
  g_assert_cmpstr (gtm_activity_get_start (read), ==, "2024-07-01");
  g_assert_cmpstr (gtm_activity_get_end (read), ==, "2024-07-05");
  g_assert_cmpstr (gtm_activity_get_team (read), ==, "");
  g_assert_false (gtm_activity_get_milestone (read));

  g_assert_cmpuint (g_list_model_get_n_items (gtm_metrics_get_metrics (f.metrics)), ==, 1);
  metric_read = g_list_model_get_item (gtm_metrics_get_metrics (f.metrics), 0);
  g_assert_cmpstr (gtm_node_get_id (GTM_NODE (metric_read)), ==, metric_id);
  g_assert_cmpstr (gtm_metric_get_name (metric_read), ==, "Launch NPS");
  g_assert_true (gtm_metric_get_kind (metric_read) == GTM_METRIC_KIND_NPS);
  g_assert_cmpfloat (metric_input (metric_read, GTM_METRIC_SLOT_PROMOTERS), ==, 50);
  g_assert_cmpfloat (metric_input (metric_read, GTM_METRIC_SLOT_PASSIVES), ==, 30);
  g_assert_cmpfloat (metric_input (metric_read, GTM_METRIC_SLOT_DETRACTORS), ==, 20);

  page = gtm_test_show_workbench_page (f.window, "metrics");
  expander = get_expander (gtm_test_find_group (page, "Metrics"), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==, "Launch NPS");
  g_assert_cmpstr (subtitle (expander), ==, "NPS 30");
  g_assert_true (shows_on_screen (expander, "NPS 30"));

  page = gtm_test_show_workbench_page (f.window, "launch-plan");
  expander = get_expander (gtm_test_find_group (page, "Activities and Milestones"), n);
  g_assert_cmpstr (subtitle (expander), ==, "1 Jul – 5 Jul");
  g_assert_true (shows_on_screen (expander, "1 Jul – 5 Jul"));

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_use_own_display (argc, argv);
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/metrics/nps", test_nps);
  g_test_add_func ("/metrics/funnel", test_funnel);
  g_test_add_func ("/metrics/market-penetration-zero", test_market_penetration_zero);
  g_test_add_func ("/metrics/launch-plan-save", test_launch_plan_save);

  return gtm_test_run ();
}
