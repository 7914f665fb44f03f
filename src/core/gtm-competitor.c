/* gtm-competitor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-competitor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gtm-competitor.h"

struct _GtmCompetitor
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmCompetitor, gtm_competitor, GTM_TYPE_NODE)

static void
gtm_competitor_class_init (GtmCompetitorClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_string ("name", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED),
    g_param_spec_enum ("tier", NULL, NULL,
                       GTM_TYPE_COMPETITOR_TIER, GTM_COMPETITOR_TIER_PRIMARY,
                       GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("strengths", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("weaknesses", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("differentiators", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("pricing", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("target-audience", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("how-we-win", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
    g_param_spec_boxed ("landmines", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("objections", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) ==
                   GTM_COMPETITOR_SLOT_OBJECTIONS - GTM_COMPETITOR_SLOT_NAME + 1);

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_COMPETITOR_SLOT_NAME);
}

static void
gtm_competitor_init (GtmCompetitor *self)
{
}

/**
 * gtm_competitor_new:
 * @tier: how directly it competes
 * @name: (nullable): the competing product's name
 *
 * Returns: (transfer full): a new competitor with a fresh id
 */
GtmCompetitor *
gtm_competitor_new (GtmCompetitorTier  tier,
                    const char        *name)
{
  g_autofree char *id = gtm_node_new_id ("competitor");

  return g_object_new (GTM_TYPE_COMPETITOR,
                       "id", id,
                       "tier", tier,
                       "name", name ? name : "",
                       NULL);
}

const char *
gtm_competitor_get_name (GtmCompetitor *self)
{
  g_return_val_if_fail (GTM_IS_COMPETITOR (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_COMPETITOR_SLOT_NAME);
}

GtmCompetitorTier
gtm_competitor_get_tier (GtmCompetitor *self)
{
  g_return_val_if_fail (GTM_IS_COMPETITOR (self), GTM_COMPETITOR_TIER_PRIMARY);

  return gtm_node_get_enum (GTM_NODE (self), GTM_COMPETITOR_SLOT_TIER);
}

/* The tier as a label: "Primary competitor". */
const char *
gtm_competitor_tier_to_label (GtmCompetitorTier tier)
{
  switch (tier)
    {
    case GTM_COMPETITOR_TIER_PRIMARY:
      return _("Primary competitor");
    case GTM_COMPETITOR_TIER_SECONDARY:
      return _("Secondary competitor");
    case GTM_COMPETITOR_TIER_TERTIARY:
      return _("Tertiary competitor");
    default:
      return "";
    }
}
