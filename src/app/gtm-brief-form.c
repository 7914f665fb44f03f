/* gtm-brief-form.c — the product brief's page of the workbench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-brief-form"

#include "config.h"

#include <glib/gi18n.h>

#include "gtm-brief.h"
#include "gtm-workbench-page.h"

static const char *
business_goal_to_label (int goal)
{
  return gtm_business_goal_to_label ((GtmBusinessGoal) goal);
}

void
gtm_brief_form_build (GtmWorkbenchPage   *self,
                      GtmForm            *form,
                      AdwPreferencesPage *page)
{
  AdwPreferencesGroup *scenarios;
  GtkWidget *group;

  group = gtm_workbench_page_add_group (page, _("Vision"),
                     _("What the product is and where it is going, in a sentence or two."));
  gtm_form_add_text (form, group, "vision", _("Vision"));
  gtm_form_add_entry (form, group, "audience", _("Who uses it"));

  adw_preferences_page_add (page, gtm_form_add_strings (form, NULL, "problems",
                                                        _("Problems It Solves"),
                                                        _("Add Problem")));
  adw_preferences_page_add (page, gtm_form_add_strings (form, NULL, "success-measures",
                                                        _("How Success Is Measured"),
                                                        _("Add Measure")));

  group = gtm_workbench_page_add_group (page, _("Business Goal"),
                     _("What the product does for the business, tied to the company’s goal."));
  gtm_form_add_choice (form, group, "business-goal", _("Goal"), business_goal_to_label);
  gtm_form_add_entry (form, group, "company-goal", _("Company goal it serves"));

  scenarios = gtm_form_add_strings (form, NULL, "scenarios", _("Usage Scenarios"), _("Add Scenario"));
  adw_preferences_group_set_description (scenarios,
                                         _("One per type of customer: a chain and a franchise may use the same product differently."));
  adw_preferences_page_add (page, scenarios);

  group = gtm_workbench_page_add_group (page, _("Onboarding"), NULL);
  gtm_form_add_text (form, group, "onboarding-friction", _("What makes first use hard"));
}
