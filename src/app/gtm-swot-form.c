/* gtm-swot-form.c — the SWOT page of the workbench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-swot-form"

#include "config.h"

#include <glib/gi18n.h>

#include "gtm-swot.h"
#include "gtm-workbench-page.h"

void
gtm_swot_form_build (GtmWorkbenchPage   *self,
                     GtmForm            *form,
                     AdwPreferencesPage *page)
{
  const struct {
    const char *property;
    const char *title;
    const char *description;
    const char *add_label;
  } quadrants[] = {
    { "strengths", N_("Strengths"),
      N_("Inside the company: what the product does better than the alternatives."), N_("Add Strength") },
    { "weaknesses", N_("Weaknesses"),
      N_("Inside the company: where it falls short today."), N_("Add Weakness") },
    { "opportunities", N_("Opportunities"),
      N_("In the market: changes the product can take advantage of."), N_("Add Opportunity") },
    { "threats", N_("Threats"),
      N_("In the market: changes and rivals that could hurt it."), N_("Add Threat") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    {
      AdwPreferencesGroup *group = gtm_form_add_strings (form, NULL, quadrants[i].property,
                                                         _(quadrants[i].title),
                                                         _(quadrants[i].add_label));

      adw_preferences_group_set_description (group, _(quadrants[i].description));
      adw_preferences_page_add (page, group);
    }
}
