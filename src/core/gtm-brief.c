/* gtm-brief.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-brief"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gtm-brief.h"

struct _GtmBrief
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmBrief, gtm_brief, GTM_TYPE_NODE)

static void
gtm_brief_class_init (GtmBriefClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_string ("audience", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("problems", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("success-measures", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_enum ("business-goal", NULL, NULL,
                       GTM_TYPE_BUSINESS_GOAL, GTM_BUSINESS_GOAL_ACQUIRE,
                       GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("company-goal", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("scenarios", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("onboarding-friction", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
    g_param_spec_string ("vision", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) == GTM_BRIEF_SLOT_VISION - GTM_BRIEF_SLOT_AUDIENCE + 1);

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_BRIEF_SLOT_AUDIENCE);
}

static void
gtm_brief_init (GtmBrief *self)
{
}

/**
 * gtm_brief_new:
 *
 * A project has exactly one brief, created with it; this is for briefs
 * outside a project (templates, tests).
 *
 * Returns: (transfer full): a new, empty brief with a fresh id
 */
GtmBrief *
gtm_brief_new (void)
{
  g_autofree char *id = gtm_node_new_id ("brief");

  return g_object_new (GTM_TYPE_BRIEF, "id", id, NULL);
}

const char *
gtm_brief_get_audience (GtmBrief *self)
{
  g_return_val_if_fail (GTM_IS_BRIEF (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_BRIEF_SLOT_AUDIENCE);
}

/**
 * gtm_brief_get_problems:
 *
 * Returns: (transfer none): the problems the product solves, possibly none
 */
const char * const *
gtm_brief_get_problems (GtmBrief *self)
{
  static const char * const none[] = { NULL };
  const char * const *problems;

  g_return_val_if_fail (GTM_IS_BRIEF (self), NULL);

  problems = gtm_node_get_strv (GTM_NODE (self), GTM_BRIEF_SLOT_PROBLEMS);
  return problems != NULL ? problems : none;
}

GtmBusinessGoal
gtm_brief_get_business_goal (GtmBrief *self)
{
  g_return_val_if_fail (GTM_IS_BRIEF (self), GTM_BUSINESS_GOAL_ACQUIRE);

  return gtm_node_get_enum (GTM_NODE (self), GTM_BRIEF_SLOT_BUSINESS_GOAL);
}

const char *
gtm_brief_get_vision (GtmBrief *self)
{
  g_return_val_if_fail (GTM_IS_BRIEF (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_BRIEF_SLOT_VISION);
}

/* The goal as a label: "Win new customers". */
const char *
gtm_business_goal_to_label (GtmBusinessGoal goal)
{
  switch (goal)
    {
    case GTM_BUSINESS_GOAL_ACQUIRE:
      return _("Win new customers");
    case GTM_BUSINESS_GOAL_RETAIN:
      return _("Keep existing customers");
    case GTM_BUSINESS_GOAL_EXPAND:
      return _("Sell more to existing customers");
    default:
      return "";
    }
}
