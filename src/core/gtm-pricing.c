/* gtm-pricing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-pricing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gtm-price-tier.h"
#include "gtm-pricing.h"

struct _GtmPricing
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmPricing, gtm_pricing, GTM_TYPE_NODE)

static void
gtm_pricing_class_init (GtmPricingClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_enum ("strategy", NULL, NULL,
                       GTM_TYPE_PRICING_STRATEGY, GTM_PRICING_STRATEGY_VALUE_BASED,
                       GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("currency", NULL, NULL, "USD", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("notes", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) == GTM_PRICING_SLOT_NOTES - GTM_PRICING_SLOT_STRATEGY + 1);

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_PRICING_SLOT_STRATEGY);

  gtm_node_class_add_list (node_class, "tiers", GTM_TYPE_PRICE_TIER, GTM_PRICING_MAX_TIERS);
}

static void
gtm_pricing_init (GtmPricing *self)
{
}

/**
 * gtm_pricing_new:
 *
 * A project has exactly one pricing, created with it; this is for pricing
 * outside a project (templates, tests).
 *
 * Returns: (transfer full): a new pricing without tiers, with a fresh id
 */
GtmPricing *
gtm_pricing_new (void)
{
  g_autofree char *id = gtm_node_new_id ("pricing");

  return g_object_new (GTM_TYPE_PRICING, "id", id, NULL);
}

GtmPricingStrategy
gtm_pricing_get_strategy (GtmPricing *self)
{
  g_return_val_if_fail (GTM_IS_PRICING (self), GTM_PRICING_STRATEGY_VALUE_BASED);

  return gtm_node_get_enum (GTM_NODE (self), GTM_PRICING_SLOT_STRATEGY);
}

const char *
gtm_pricing_get_currency (GtmPricing *self)
{
  g_return_val_if_fail (GTM_IS_PRICING (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PRICING_SLOT_CURRENCY);
}

/**
 * gtm_pricing_get_tiers:
 *
 * Returns: (transfer none): the plans, a GListModel of GtmPriceTier
 */
GListModel *
gtm_pricing_get_tiers (GtmPricing *self)
{
  g_return_val_if_fail (GTM_IS_PRICING (self), NULL);

  return G_LIST_MODEL (gtm_node_get_list (GTM_NODE (self), "tiers"));
}

/* The strategy as a label: "Value-based". */
const char *
gtm_pricing_strategy_to_label (GtmPricingStrategy strategy)
{
  switch (strategy)
    {
    case GTM_PRICING_STRATEGY_COMPETITIVE:
      /* Translators: a pricing strategy */
      return _("Competitive");
    case GTM_PRICING_STRATEGY_VALUE_BASED:
      /* Translators: a pricing strategy */
      return _("Value-based");
    case GTM_PRICING_STRATEGY_PREMIUM:
      /* Translators: a pricing strategy */
      return _("Premium");
    case GTM_PRICING_STRATEGY_PROMOTIONAL:
      /* Translators: a pricing strategy */
      return _("Promotional");
    case GTM_PRICING_STRATEGY_COMMODITY:
      /* Translators: a pricing strategy */
      return _("Commodity");
    case GTM_PRICING_STRATEGY_SKIMMING:
      /* Translators: a pricing strategy, as in “price skimming” */
      return _("Skimming");
    default:
      return "";
    }
}
