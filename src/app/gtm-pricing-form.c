/* gtm-pricing-form.c — the pricing page of the workbench: the strategy,
 * the currency and the plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-pricing-form"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gtm-price-tier.h"
#include "gtm-pricing.h"
#include "gtm-workbench-page.h"

static const char *
strategy_to_label (int strategy)
{
  return gtm_pricing_strategy_to_label ((GtmPricingStrategy) strategy);
}

static const char *
strategy_to_description (GtmPricingStrategy strategy)
{
  switch (strategy)
    {
    case GTM_PRICING_STRATEGY_COMPETITIVE:
      return _("Priced close to the alternatives buyers compare you with.");
    case GTM_PRICING_STRATEGY_VALUE_BASED:
      return _("Priced on what the product is worth to the customer, not on what it costs to make.");
    case GTM_PRICING_STRATEGY_PREMIUM:
      return _("Priced above the market, to signal quality and exclusivity.");
    case GTM_PRICING_STRATEGY_PROMOTIONAL:
      return _("Priced below the market for a while to win attention, then raised.");
    case GTM_PRICING_STRATEGY_COMMODITY:
      return _("Priced low and sold on volume, for products buyers see as interchangeable.");
    case GTM_PRICING_STRATEGY_SKIMMING:
      return _("Priced high at launch for early adopters, then lowered step by step.");
    default:
      return "";
    }
}

static void
on_strategy_selected (AdwComboRow *row,
                      GParamSpec  *pspec,
                      GtkLabel    *description)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (GTM_TYPE_PRICING_STRATEGY);
  guint selected = adw_combo_row_get_selected (row);

  /* The drop-down lists the values in their order. */
  if (selected < enum_class->n_values)
    gtk_label_set_label (description, strategy_to_description (enum_class->values[selected].value));
}

/* Plans */

/* The symbol a price shows with, for the common currency codes; other
 * codes show as they are. */
static const char *
currency_symbol (const char *code)
{
  static const struct {
    const char *code;
    const char *symbol;
  } symbols[] = {
    { "CNY", "¥" }, { "RMB", "¥" }, { "JPY", "¥" }, { "USD", "$" },
    { "EUR", "€" }, { "GBP", "£" }, { "HKD", "HK$" }, { "TWD", "NT$" },
    { "KRW", "₩" }, { "INR", "₹" }, { "SGD", "S$" }, { "AUD", "A$" },
    { "CAD", "C$" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_ascii_strcasecmp (code, symbols[i].code) == 0)
      return symbols[i].symbol;

  return code;
}

/* "¥ 4,800 / year": the price in the user's locale, with its currency and
 * period when they are known. */
static char *
format_price (double      price,
              const char *currency,
              const char *period)
{
  g_autofree char *amount = NULL;
  g_autofree char *with_currency = NULL;

  /* The locale's digit grouping. */
  if (price == floor (price))
    amount = g_strdup_printf ("%'.0f", price);
  else
    amount = g_strdup_printf ("%'.2f", price);

  if (currency != NULL && *currency != '\0')
    /* Translators: a price: %1$s is the currency's symbol or code, %2$s the amount, e.g. “¥ 4,800” */
    with_currency = g_strdup_printf (_("%1$s %2$s"), currency_symbol (currency), amount);
  else
    with_currency = g_steal_pointer (&amount);

  if (period == NULL || *period == '\0')
    return g_steal_pointer (&with_currency);

  /* Translators: a price per period: %1$s is the price, %2$s the period as the user wrote it, e.g. “¥ 4,800 / year” */
  return g_strdup_printf (_("%1$s / %2$s"), with_currency, period);
}

/* A plan's expander row shows its price, in the pricing's currency, as
 * its subtitle. */
static void
update_tier_row (GtkWidget *row,
                 GtmNode   *tier)
{
  GtmNode *pricing = gtm_node_get_parent (tier);
  g_autofree char *price = NULL;
  g_autofree char *escaped = NULL;

  if (pricing == NULL)
    return;

  price = format_price (gtm_price_tier_get_price (GTM_PRICE_TIER (tier)),
                        gtm_pricing_get_currency (GTM_PRICING (pricing)),
                        gtm_price_tier_get_period (GTM_PRICE_TIER (tier)));
  escaped = g_markup_escape_text (price, -1);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
}

static void
build_tier (GtmForm   *form,
            GtkWidget *container,
            gpointer   user_data)
{
  gtm_form_follow (form, container, TRUE, update_tier_row);

  gtm_form_add_entry (form, container, "name", _("Name"));
  /* Translators: the price of a plan, a number, in the pricing's currency */
  gtm_form_add_entry (form, container, "price", _("Price"));
  /* Translators: what the price is paid for, e.g. “month” or “year” */
  gtm_form_add_entry (form, container, "period", _("Per (month, year, seat…)"));
  gtm_form_add_entry (form, container, "audience", _("Who it fits"));
  gtm_form_add_strings (form, container, "features", _("What’s Included"), _("Add Feature"));
}

static GtmNode *
new_tier (gpointer user_data)
{
  return GTM_NODE (gtm_price_tier_new (NULL, 0));
}

void
gtm_pricing_form_build (GtmWorkbenchPage   *self,
                        GtmForm            *form,
                        AdwPreferencesPage *page)
{
  AdwPreferencesGroup *tiers;
  GtkWidget *group, *row, *description;

  group = gtm_workbench_page_add_group (page, _("Strategy"),
                                        _("How the price is set, and what it says about the product."));

  /* What the chosen strategy means, under the choice: a group puts
   * widgets other than rows below its rows. */
  row = gtm_form_add_choice (form, group, "strategy", _("Strategy"), strategy_to_label);
  description = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_widget_set_margin_top (description, 6);
  gtk_widget_set_margin_start (description, 6);
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_add_css_class (description, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), description);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, description, NULL,
                                  -1);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_strategy_selected), description, 0);
  on_strategy_selected (ADW_COMBO_ROW (row), NULL, GTK_LABEL (description));

  group = gtm_workbench_page_add_group (page, NULL, NULL);
  /* Translators: a currency code such as USD or CNY */
  gtm_form_add_entry (form, group, "currency", _("Currency (e.g. USD, CNY)"));
  gtm_form_add_text (form, group, "notes", _("Notes"));

  tiers = gtm_form_add_nodes (form, "tiers", _("Plans"), _("Add Plan"),
                              "name", _("Untitled plan"),
                              build_tier, new_tier, self);
  adw_preferences_group_set_description (tiers, _("Cheapest first: what each plan costs, who it fits and what it includes."));
  adw_preferences_page_add (page, tiers);
}
