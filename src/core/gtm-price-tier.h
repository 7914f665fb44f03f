/* gtm-price-tier.h — one plan of the price list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"

G_BEGIN_DECLS

#define GTM_PRICE_TIER_PRICE_MAX 1e9

/* Slots (property ids) of GtmPriceTier, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_PRICE_TIER_SLOT_NAME = 2,
  GTM_PRICE_TIER_SLOT_PRICE,         /* in the pricing's currency */
  GTM_PRICE_TIER_SLOT_PERIOD,        /* e.g. "month", "year" */
  GTM_PRICE_TIER_SLOT_AUDIENCE,
  GTM_PRICE_TIER_SLOT_FEATURES,
} GtmPriceTierSlot;

#define GTM_TYPE_PRICE_TIER (gtm_price_tier_get_type ())

G_DECLARE_FINAL_TYPE (GtmPriceTier, gtm_price_tier, GTM, PRICE_TIER, GtmNode)

GtmPriceTier       *gtm_price_tier_new          (const char   *name,
                                                 double        price);
const char         *gtm_price_tier_get_name     (GtmPriceTier *self);
double              gtm_price_tier_get_price    (GtmPriceTier *self);
const char         *gtm_price_tier_get_period   (GtmPriceTier *self);
const char * const *gtm_price_tier_get_features (GtmPriceTier *self);

G_END_DECLS
