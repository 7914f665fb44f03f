/* gtm-trait.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-trait"

#include "config.h"

#include "gtm-trait.h"

struct _GtmTrait
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmTrait, gtm_trait, GTM_TYPE_NODE)

static void
gtm_trait_class_init (GtmTraitClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_string ("left", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("right", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_int ("value", NULL, NULL,
                      GTM_TRAIT_VALUE_MIN, GTM_TRAIT_VALUE_MAX, GTM_TRAIT_VALUE_DEFAULT,
                      GTM_NODE_DEFAULT_FLAGS),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) == GTM_TRAIT_SLOT_VALUE - GTM_TRAIT_SLOT_LEFT + 1);

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_TRAIT_SLOT_LEFT);
}

static void
gtm_trait_init (GtmTrait *self)
{
}

/**
 * gtm_trait_new:
 * @left: (nullable): the pole at %GTM_TRAIT_VALUE_MIN, e.g. "Introvert"
 * @right: (nullable): the pole at %GTM_TRAIT_VALUE_MAX, e.g. "Extrovert"
 * @value: where the persona stands between them, held to
 *   %GTM_TRAIT_VALUE_MIN … %GTM_TRAIT_VALUE_MAX
 *
 * Returns: (transfer full): a new personality slider with a fresh id
 */
GtmTrait *
gtm_trait_new (const char *left,
               const char *right,
               int         value)
{
  g_autofree char *id = gtm_node_new_id ("trait");

  return g_object_new (GTM_TYPE_TRAIT,
                       "id", id,
                       "left", left ? left : "",
                       "right", right ? right : "",
                       "value", CLAMP (value, GTM_TRAIT_VALUE_MIN, GTM_TRAIT_VALUE_MAX),
                       NULL);
}

const char *
gtm_trait_get_left (GtmTrait *self)
{
  g_return_val_if_fail (GTM_IS_TRAIT (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_TRAIT_SLOT_LEFT);
}

const char *
gtm_trait_get_right (GtmTrait *self)
{
  g_return_val_if_fail (GTM_IS_TRAIT (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_TRAIT_SLOT_RIGHT);
}

int
gtm_trait_get_value (GtmTrait *self)
{
  g_return_val_if_fail (GTM_IS_TRAIT (self), GTM_TRAIT_VALUE_DEFAULT);

  return gtm_node_get_int (GTM_NODE (self), GTM_TRAIT_SLOT_VALUE);
}
