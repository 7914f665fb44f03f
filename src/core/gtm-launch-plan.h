/* gtm-launch-plan.h — the launch timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"

G_BEGIN_DECLS

#define GTM_LAUNCH_PLAN_MAX_ACTIVITIES 10000

/* Slots (property ids) of GtmLaunchPlan, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_LAUNCH_PLAN_SLOT_LAUNCH_DATE = 2,  /* "" or "YYYY-MM-DD" */
} GtmLaunchPlanSlot;

#define GTM_TYPE_LAUNCH_PLAN (gtm_launch_plan_get_type ())

G_DECLARE_FINAL_TYPE (GtmLaunchPlan, gtm_launch_plan, GTM, LAUNCH_PLAN, GtmNode)

GtmLaunchPlan *gtm_launch_plan_new             (void);
const char    *gtm_launch_plan_get_launch_date (GtmLaunchPlan *self);
/* A GListModel of GtmActivity. */
GListModel    *gtm_launch_plan_get_activities  (GtmLaunchPlan *self);

G_END_DECLS
