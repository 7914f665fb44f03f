/* gtm-segment.h — a market segment worth targeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"

G_BEGIN_DECLS

#define GTM_SEGMENT_MARKET_SIZE_MAX 1e15
#define GTM_SEGMENT_PRIORITY_MIN    1
#define GTM_SEGMENT_PRIORITY_MAX    5

/* Slots (property ids) of GtmSegment, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_SEGMENT_SLOT_NAME = 2,
  GTM_SEGMENT_SLOT_INDUSTRY,
  GTM_SEGMENT_SLOT_COMPANY_SIZE,
  GTM_SEGMENT_SLOT_GEOGRAPHY,
  GTM_SEGMENT_SLOT_BUYING_BEHAVIOUR,
  GTM_SEGMENT_SLOT_MARKET_SIZE,     /* number of target companies or customers */
  GTM_SEGMENT_SLOT_PRIORITY,        /* 1 (highest) to 5 */
  GTM_SEGMENT_SLOT_RATIONALE,
} GtmSegmentSlot;

#define GTM_TYPE_SEGMENT (gtm_segment_get_type ())

G_DECLARE_FINAL_TYPE (GtmSegment, gtm_segment, GTM, SEGMENT, GtmNode)

GtmSegment *gtm_segment_new             (const char *name);
const char *gtm_segment_get_name        (GtmSegment *self);
double      gtm_segment_get_market_size (GtmSegment *self);
int         gtm_segment_get_priority    (GtmSegment *self);

G_END_DECLS
