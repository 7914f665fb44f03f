/* gtm-swot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-swot"

#include "config.h"

#include "gtm-swot.h"

struct _GtmSwot
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmSwot, gtm_swot, GTM_TYPE_NODE)

static void
gtm_swot_class_init (GtmSwotClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_boxed ("strengths", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("weaknesses", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("opportunities", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("threats", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) == GTM_SWOT_SLOT_THREATS - GTM_SWOT_SLOT_STRENGTHS + 1);

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_SWOT_SLOT_STRENGTHS);
}

static void
gtm_swot_init (GtmSwot *self)
{
}

/**
 * gtm_swot_new:
 *
 * A project has exactly one SWOT, created with it; this is for SWOTs
 * outside a project (templates, tests).
 *
 * Returns: (transfer full): a new, empty SWOT with a fresh id
 */
GtmSwot *
gtm_swot_new (void)
{
  g_autofree char *id = gtm_node_new_id ("swot");

  return g_object_new (GTM_TYPE_SWOT, "id", id, NULL);
}

static const char * const *
get_quadrant (GtmSwot *self,
              guint    slot)
{
  static const char * const none[] = { NULL };
  const char * const *entries = gtm_node_get_strv (GTM_NODE (self), slot);

  return entries != NULL ? entries : none;
}

/**
 * gtm_swot_get_strengths:
 *
 * Returns: (transfer none): the strengths, possibly none
 */
const char * const *
gtm_swot_get_strengths (GtmSwot *self)
{
  g_return_val_if_fail (GTM_IS_SWOT (self), NULL);

  return get_quadrant (self, GTM_SWOT_SLOT_STRENGTHS);
}

/**
 * gtm_swot_get_weaknesses:
 *
 * Returns: (transfer none): the weaknesses, possibly none
 */
const char * const *
gtm_swot_get_weaknesses (GtmSwot *self)
{
  g_return_val_if_fail (GTM_IS_SWOT (self), NULL);

  return get_quadrant (self, GTM_SWOT_SLOT_WEAKNESSES);
}

/**
 * gtm_swot_get_opportunities:
 *
 * Returns: (transfer none): the opportunities, possibly none
 */
const char * const *
gtm_swot_get_opportunities (GtmSwot *self)
{
  g_return_val_if_fail (GTM_IS_SWOT (self), NULL);

  return get_quadrant (self, GTM_SWOT_SLOT_OPPORTUNITIES);
}

/**
 * gtm_swot_get_threats:
 *
 * Returns: (transfer none): the threats, possibly none
 */
const char * const *
gtm_swot_get_threats (GtmSwot *self)
{
  g_return_val_if_fail (GTM_IS_SWOT (self), NULL);

  return get_quadrant (self, GTM_SWOT_SLOT_THREATS);
}
