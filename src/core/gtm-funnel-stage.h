/* gtm-funnel-stage.h — one stage of the funnel (awareness, interest, …)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"

G_BEGIN_DECLS

#define GTM_FUNNEL_STAGE_COUNT_MAX 1e15

/* Slots (property ids) of GtmFunnelStage, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_FUNNEL_STAGE_SLOT_NAME = 2,
  GTM_FUNNEL_STAGE_SLOT_COUNT,
} GtmFunnelStageSlot;

#define GTM_TYPE_FUNNEL_STAGE (gtm_funnel_stage_get_type ())

G_DECLARE_FINAL_TYPE (GtmFunnelStage, gtm_funnel_stage, GTM, FUNNEL_STAGE, GtmNode)

GtmFunnelStage *gtm_funnel_stage_new       (const char     *name,
                                            double          count);
const char     *gtm_funnel_stage_get_name  (GtmFunnelStage *self);
double          gtm_funnel_stage_get_count (GtmFunnelStage *self);

G_END_DECLS
