/* gtm-launch-form.c — the launch plan's page of the workbench: the launch
 * date and the activities and milestones leading to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-launch-form"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gtm-activity.h"
#include "gtm-launch-plan.h"
#include "gtm-workbench-page.h"

/* "YYYY-MM-DD" as a short date of the user's language ("12 Jul"), or
 * NULL for "". */
static char *
format_short_date (const char *date)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *iso = NULL;

  if (date == NULL || date[0] == '\0')
    return NULL;

  iso = g_strconcat (date, "T00:00:00Z", NULL);
  time = g_date_time_new_from_iso8601 (iso, NULL);
  if (time == NULL)
    return g_strdup (date);

  /* Translators: a day in a launch plan, as g_date_time_format() writes it:
   * “12 Jul”; “%-m月%-d日” in Chinese */
  return g_date_time_format (time, C_("short date", "%-d %b"));
}

/* The activity in one line: “12 Jul – 15 Jul · Sales · milestone”. */
static char *
describe_activity (GtmActivity *activity)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *start = format_short_date (gtm_activity_get_start (activity));
  g_autofree char *end = format_short_date (gtm_activity_get_end (activity));
  const char *team = gtm_activity_get_team (activity);

  if (start != NULL && end != NULL && g_strcmp0 (start, end) != 0)
    /* Translators: from one day to another in a launch plan */
    g_ptr_array_add (parts, g_strdup_printf (_("%s – %s"), start, end));
  else if (start != NULL || end != NULL)
    g_ptr_array_add (parts, g_strdup (start != NULL ? start : end));
  else
    g_ptr_array_add (parts, g_strdup (_("Not scheduled")));

  if (team != NULL && team[0] != '\0')
    g_ptr_array_add (parts, g_strdup (team));
  if (gtm_activity_get_milestone (activity))
    g_ptr_array_add (parts, g_strdup (_("milestone")));
  if (gtm_activity_get_external (activity))
    g_ptr_array_add (parts, g_strdup (_("customer-facing")));
  g_ptr_array_add (parts, NULL);

  /* Translators: between the parts of an activity's summary */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
update_activity_row (GtkWidget *row,
                     GtmNode   *node)
{
  g_autofree char *summary = NULL;
  g_autofree char *escaped = NULL;

  summary = describe_activity (GTM_ACTIVITY (node));
  escaped = g_markup_escape_text (summary, -1);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
}

static void
build_activity (GtmForm   *form,
                GtkWidget *container,
                gpointer   user_data)
{
  gtm_form_add_entry (form, container, "name", _("What happens"));
  gtm_form_add_entry (form, container, "team", _("Team"));
  gtm_form_add_entry (form, container, "owner", _("Owner"));
  /* Translators: keep YYYY-MM-DD as it is, it is the format to type */
  gtm_form_add_entry (form, container, "start", _("Start (YYYY-MM-DD)"));
  /* Translators: keep YYYY-MM-DD as it is, it is the format to type */
  gtm_form_add_entry (form, container, "end", _("End (YYYY-MM-DD)"));
  gtm_form_add_switch (form, container, "milestone", _("Milestone"),
                       _("A moment the launch is measured against, such as launch day"));
  gtm_form_add_switch (form, container, "external", _("Customer-facing"),
                       _("Seen by customers, not only by the teams"));

  gtm_form_follow (form, container, FALSE, update_activity_row);
}

static GtmNode *
new_activity (gpointer user_data)
{
  return GTM_NODE (gtm_activity_new (NULL, NULL, NULL));
}

/* Earlier starts first; unscheduled ones last, in their order. */
static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  GtmActivity *first = *(GtmActivity **) a;
  GtmActivity *second = *(GtmActivity **) b;
  const char *first_start = gtm_activity_get_start (first);
  const char *second_start = gtm_activity_get_start (second);

  if (first_start[0] == '\0' || second_start[0] == '\0')
    return (first_start[0] == '\0') - (second_start[0] == '\0');

  /* YYYY-MM-DD: text order is date order. */
  return strcmp (first_start, second_start);
}

static void
on_sort_clicked (GtkButton        *button,
                 GtmWorkbenchPage *self)
{
  GtmNode *plan = gtm_workbench_page_get_node (self);
  GtmProject *project = gtm_workbench_page_get_project (self);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  GtmHistory *history;
  GListModel *activities;
  guint n;

  if (plan == NULL || project == NULL)
    return;

  history = gtm_project_get_history (project);
  activities = gtm_launch_plan_get_activities (GTM_LAUNCH_PLAN (plan));
  n = g_list_model_get_n_items (activities);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (activities, i));
  /* g_ptr_array_sort() is stable: activities that start the same day keep
   * their order. */
  g_ptr_array_sort (sorted, compare_starts);

  gtm_history_stop_typing (history);
  gtm_history_begin (history, _("Sort Activities by Start Date"));
  for (guint i = 0; i < n; i++)
    {
      gpointer wanted = g_ptr_array_index (sorted, i);

      for (guint j = i; j < n; j++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (activities, j);

          if (item == wanted)
            {
              if (j != i)
                gtm_history_move (history, plan, "activities", j, i);
              break;
            }
        }
    }
  gtm_history_end (history);
}

void
gtm_launch_form_build (GtmWorkbenchPage   *self,
                       GtmForm            *form,
                       AdwPreferencesPage *page)
{
  AdwPreferencesGroup *activities;
  GtkWidget *group, *sort;

  group = gtm_workbench_page_add_group (page, _("Launch"),
                                        _("The day the product is available to customers; the activities below lead up to it and follow it."));
  /* Translators: keep YYYY-MM-DD as it is, it is the format to type */
  gtm_form_add_entry (form, group, "launch-date", _("Launch date (YYYY-MM-DD)"));

  activities = gtm_form_add_nodes (form, "activities", _("Activities and Milestones"),
                                   _("Add Activity"), "name", _("Untitled activity"),
                                   build_activity, new_activity, self);
  adw_preferences_group_set_description (activities,
                                         _("Who does what and when: beta, sales training, press, launch day, the review after it."));

  sort = gtk_button_new_with_label (_("Sort by Start Date"));
  gtk_widget_set_valign (sort, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (sort, _("Put the activities in the order they start"));
  gtk_widget_add_css_class (sort, "flat");
  g_signal_connect (sort, "clicked", G_CALLBACK (on_sort_clicked), self);
  adw_preferences_group_set_header_suffix (activities, sort);

  adw_preferences_page_add (page, activities);
}
