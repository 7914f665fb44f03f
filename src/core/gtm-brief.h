/* gtm-brief.h — the product brief: who it is for, what it solves, why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"
#include "gtm-enums.h"

G_BEGIN_DECLS

/* What the product is meant to do for the business. */
typedef enum
{
  GTM_BUSINESS_GOAL_ACQUIRE,  /* win new customers */
  GTM_BUSINESS_GOAL_RETAIN,   /* keep existing customers */
  GTM_BUSINESS_GOAL_EXPAND,   /* sell more to existing customers */
} GtmBusinessGoal;

/* Slots (property ids) of GtmBrief, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_BRIEF_SLOT_AUDIENCE = 2,
  GTM_BRIEF_SLOT_PROBLEMS,
  GTM_BRIEF_SLOT_SUCCESS_MEASURES,
  GTM_BRIEF_SLOT_BUSINESS_GOAL,
  GTM_BRIEF_SLOT_COMPANY_GOAL,
  GTM_BRIEF_SLOT_SCENARIOS,
  GTM_BRIEF_SLOT_ONBOARDING_FRICTION,
  GTM_BRIEF_SLOT_VISION,
} GtmBriefSlot;

#define GTM_TYPE_BRIEF (gtm_brief_get_type ())

G_DECLARE_FINAL_TYPE (GtmBrief, gtm_brief, GTM, BRIEF, GtmNode)

GtmBrief           *gtm_brief_new               (void);
const char         *gtm_brief_get_audience      (GtmBrief *self);
const char * const *gtm_brief_get_problems      (GtmBrief *self);
GtmBusinessGoal     gtm_brief_get_business_goal (GtmBrief *self);
const char         *gtm_business_goal_to_label  (GtmBusinessGoal goal);
const char         *gtm_brief_get_vision        (GtmBrief *self);

G_END_DECLS
