/* gtm-price-tier.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-price-tier"

#include "config.h"

#include "gtm-price-tier.h"

struct _GtmPriceTier
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmPriceTier, gtm_price_tier, GTM_TYPE_NODE)

static void
gtm_price_tier_class_init (GtmPriceTierClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_string ("name", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED),
    g_param_spec_double ("price", NULL, NULL, 0.0, GTM_PRICE_TIER_PRICE_MAX, 0.0,
                         GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("period", NULL, NULL, "month", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("audience", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("features", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) ==
                   GTM_PRICE_TIER_SLOT_FEATURES - GTM_PRICE_TIER_SLOT_NAME + 1);

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_PRICE_TIER_SLOT_NAME);
}

static void
gtm_price_tier_init (GtmPriceTier *self)
{
}

/**
 * gtm_price_tier_new:
 * @name: (nullable): the plan's name
 * @price: the price per period, from 0 to %GTM_PRICE_TIER_PRICE_MAX
 *
 * Returns: (transfer full): a new price tier with a fresh id
 */
GtmPriceTier *
gtm_price_tier_new (const char *name,
                    double      price)
{
  g_autofree char *id = gtm_node_new_id ("tier");

  g_return_val_if_fail (price >= 0.0 && price <= GTM_PRICE_TIER_PRICE_MAX, NULL);

  return g_object_new (GTM_TYPE_PRICE_TIER,
                       "id", id,
                       "name", name ? name : "",
                       "price", price,
                       NULL);
}

const char *
gtm_price_tier_get_name (GtmPriceTier *self)
{
  g_return_val_if_fail (GTM_IS_PRICE_TIER (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PRICE_TIER_SLOT_NAME);
}

double
gtm_price_tier_get_price (GtmPriceTier *self)
{
  g_return_val_if_fail (GTM_IS_PRICE_TIER (self), 0.0);

  return gtm_node_get_double (GTM_NODE (self), GTM_PRICE_TIER_SLOT_PRICE);
}

const char *
gtm_price_tier_get_period (GtmPriceTier *self)
{
  g_return_val_if_fail (GTM_IS_PRICE_TIER (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PRICE_TIER_SLOT_PERIOD);
}

/**
 * gtm_price_tier_get_features:
 *
 * Returns: (transfer none): what the plan includes, possibly nothing
 */
const char * const *
gtm_price_tier_get_features (GtmPriceTier *self)
{
  static const char * const none[] = { NULL };
  const char * const *features;

  g_return_val_if_fail (GTM_IS_PRICE_TIER (self), NULL);

  features = gtm_node_get_strv (GTM_NODE (self), GTM_PRICE_TIER_SLOT_FEATURES);
  return features != NULL ? features : none;
}
