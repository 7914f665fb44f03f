/* gtm-swot.h — strengths, weaknesses, opportunities and threats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"

G_BEGIN_DECLS

/* Slots (property ids) of GtmSwot, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_SWOT_SLOT_STRENGTHS = 2,
  GTM_SWOT_SLOT_WEAKNESSES,
  GTM_SWOT_SLOT_OPPORTUNITIES,
  GTM_SWOT_SLOT_THREATS,
} GtmSwotSlot;

#define GTM_TYPE_SWOT (gtm_swot_get_type ())

G_DECLARE_FINAL_TYPE (GtmSwot, gtm_swot, GTM, SWOT, GtmNode)

GtmSwot            *gtm_swot_new               (void);
const char * const *gtm_swot_get_strengths     (GtmSwot *self);
const char * const *gtm_swot_get_weaknesses    (GtmSwot *self);
const char * const *gtm_swot_get_opportunities (GtmSwot *self);
const char * const *gtm_swot_get_threats       (GtmSwot *self);

G_END_DECLS
