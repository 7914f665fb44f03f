/* gtm-launch-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-launch-plan"

#include "config.h"

#include "gtm-activity.h"
#include "gtm-launch-plan.h"

struct _GtmLaunchPlan
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmLaunchPlan, gtm_launch_plan, GTM_TYPE_NODE)

static void
gtm_launch_plan_class_init (GtmLaunchPlanClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_string ("launch-date", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_DATE),
  };
  guint first;

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_LAUNCH_PLAN_SLOT_LAUNCH_DATE);

  gtm_node_class_add_list (node_class, "activities", GTM_TYPE_ACTIVITY,
                           GTM_LAUNCH_PLAN_MAX_ACTIVITIES);
}

static void
gtm_launch_plan_init (GtmLaunchPlan *self)
{
}

/**
 * gtm_launch_plan_new:
 *
 * A project has exactly one launch plan, created with it; this is for plans
 * outside a project (templates, tests).
 *
 * Returns: (transfer full): a new, empty launch plan with a fresh id
 */
GtmLaunchPlan *
gtm_launch_plan_new (void)
{
  g_autofree char *id = gtm_node_new_id ("plan");

  return g_object_new (GTM_TYPE_LAUNCH_PLAN, "id", id, NULL);
}

const char *
gtm_launch_plan_get_launch_date (GtmLaunchPlan *self)
{
  g_return_val_if_fail (GTM_IS_LAUNCH_PLAN (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_LAUNCH_PLAN_SLOT_LAUNCH_DATE);
}

/**
 * gtm_launch_plan_get_activities:
 *
 * Returns: (transfer none): the activities, a GListModel of GtmActivity
 */
GListModel *
gtm_launch_plan_get_activities (GtmLaunchPlan *self)
{
  g_return_val_if_fail (GTM_IS_LAUNCH_PLAN (self), NULL);

  return G_LIST_MODEL (gtm_node_get_list (GTM_NODE (self), "activities"));
}
