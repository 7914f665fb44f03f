/* gtm-activity.h — one activity or milestone of the launch plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"

G_BEGIN_DECLS

/* Slots (property ids) of GtmActivity, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_ACTIVITY_SLOT_NAME = 2,
  GTM_ACTIVITY_SLOT_TEAM,
  GTM_ACTIVITY_SLOT_OWNER,
  GTM_ACTIVITY_SLOT_START,           /* "" or "YYYY-MM-DD" */
  GTM_ACTIVITY_SLOT_END,             /* "" or "YYYY-MM-DD", not before start */
  GTM_ACTIVITY_SLOT_MILESTONE,
  GTM_ACTIVITY_SLOT_EXTERNAL,        /* customer-facing rather than internal */
} GtmActivitySlot;

#define GTM_TYPE_ACTIVITY (gtm_activity_get_type ())

G_DECLARE_FINAL_TYPE (GtmActivity, gtm_activity, GTM, ACTIVITY, GtmNode)

GtmActivity *gtm_activity_new           (const char  *name,
                                         const char  *start,
                                         const char  *end);
const char  *gtm_activity_get_name      (GtmActivity *self);
const char  *gtm_activity_get_team      (GtmActivity *self);
const char  *gtm_activity_get_owner     (GtmActivity *self);
const char  *gtm_activity_get_start     (GtmActivity *self);
const char  *gtm_activity_get_end       (GtmActivity *self);
gboolean     gtm_activity_get_milestone (GtmActivity *self);
gboolean     gtm_activity_get_external  (GtmActivity *self);

G_END_DECLS
