/* gtm-competitors-form.c — the competitors' page of the workbench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-competitors-form"

#include "config.h"

#include <glib/gi18n.h>

#include "gtm-competitor.h"
#include "gtm-workbench-page.h"

static const char *
tier_to_label (int tier)
{
  switch ((GtmCompetitorTier) tier)
    {
    case GTM_COMPETITOR_TIER_PRIMARY:
      return _("Primary — same product, same audience");
    case GTM_COMPETITOR_TIER_SECONDARY:
      return _("Secondary — similar product, different audience");
    case GTM_COMPETITOR_TIER_TERTIARY:
      return _("Tertiary — adjacent tools");
    default:
      return "";
    }
}

static void
update_subtitle (GtkWidget *row,
                 GtmNode   *node)
{
  const char *subtitle = gtm_competitor_tier_to_label (gtm_competitor_get_tier (GTM_COMPETITOR (node)));

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static void
add_strings (GtmForm    *form,
             GtkWidget  *container,
             const char *property,
             const char *title,
             const char *description,
             const char *add_label)
{
  AdwPreferencesGroup *group = gtm_form_add_strings (form, container, property, title, add_label);

  if (description != NULL)
    adw_preferences_group_set_description (group, description);
}

static void
build_competitor (GtmForm   *form,
                  GtkWidget *container,
                  gpointer   user_data)
{
  GtkWidget *tier;

  gtm_form_add_entry (form, container, "name", _("Name"));
  tier = gtm_form_add_choice (form, container, "tier", _("Tier"), tier_to_label);
  /* The tier's whole label, which the row's end has no room for. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (tier), TRUE);
  gtm_form_add_entry (form, container, "target-audience", _("Target audience"));
  gtm_form_add_entry (form, container, "pricing", _("Pricing"));

  add_strings (form, container, "strengths", _("Strengths"), NULL, _("Add Strength"));
  add_strings (form, container, "weaknesses", _("Weaknesses"), NULL, _("Add Weakness"));
  add_strings (form, container, "differentiators", _("Differentiators"),
               _("What they offer that others don’t."), _("Add Differentiator"));

  gtm_form_add_text (form, container, "how-we-win", _("How we win"));
  add_strings (form, container, "landmines", _("Landmines"),
               _("Questions for sales to ask that expose their weak spots."), _("Add Landmine"));
  add_strings (form, container, "objections", _("Objection Handling"),
               _("What prospects say in their favour, and how to answer."), _("Add Objection"));

  gtm_form_follow (form, container, FALSE, update_subtitle);
}

static GtmNode *
new_competitor (gpointer user_data)
{
  return GTM_NODE (gtm_competitor_new (GTM_COMPETITOR_TIER_PRIMARY, NULL));
}

void
gtm_competitors_form_build (GtmWorkbenchPage   *self,
                            GtmForm            *form,
                            AdwPreferencesPage *page)
{
  AdwPreferencesGroup *competitors;

  competitors = gtm_form_add_nodes (form, "competitors", _("Competitors"), _("Add Competitor"),
                                    "name", _("Unnamed competitor"),
                                    build_competitor, new_competitor, NULL);
  adw_preferences_group_set_description (competitors,
                                         _("Primary competitors sell the same kind of product to the same "
                                           "audience, secondary ones a similar product to a different audience; "
                                           "tertiary ones are adjacent tools that extend yours. For each, what "
                                           "sales need to win against it."));
  adw_preferences_page_add (page, competitors);
}
