/* gtm-pricing.h — the pricing strategy and its plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"
#include "gtm-enums.h"

G_BEGIN_DECLS

typedef enum
{
  GTM_PRICING_STRATEGY_COMPETITIVE,
  GTM_PRICING_STRATEGY_VALUE_BASED,
  GTM_PRICING_STRATEGY_PREMIUM,
  GTM_PRICING_STRATEGY_PROMOTIONAL,  /* below market to win attention, then back up */
  GTM_PRICING_STRATEGY_COMMODITY,
  GTM_PRICING_STRATEGY_SKIMMING,
} GtmPricingStrategy;

#define GTM_PRICING_MAX_TIERS 100

/* Slots (property ids) of GtmPricing, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_PRICING_SLOT_STRATEGY = 2,
  GTM_PRICING_SLOT_CURRENCY,         /* e.g. "USD", "CNY" */
  GTM_PRICING_SLOT_NOTES,
} GtmPricingSlot;

#define GTM_TYPE_PRICING (gtm_pricing_get_type ())

G_DECLARE_FINAL_TYPE (GtmPricing, gtm_pricing, GTM, PRICING, GtmNode)

GtmPricing         *gtm_pricing_new          (void);
GtmPricingStrategy  gtm_pricing_get_strategy (GtmPricing *self);
const char         *gtm_pricing_strategy_to_label (GtmPricingStrategy strategy);
const char         *gtm_pricing_get_currency (GtmPricing *self);
/* A GListModel of GtmPriceTier, cheapest first by convention. */
GListModel         *gtm_pricing_get_tiers    (GtmPricing *self);

G_END_DECLS
