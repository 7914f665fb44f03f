/* gtm-competitor.h — a competing product, with what sales need to beat it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"
#include "gtm-enums.h"

G_BEGIN_DECLS

typedef enum
{
  GTM_COMPETITOR_TIER_PRIMARY,    /* same product, same audience */
  GTM_COMPETITOR_TIER_SECONDARY,  /* similar product, different audience */
  GTM_COMPETITOR_TIER_TERTIARY,   /* adjacent tools that extend ours */
} GtmCompetitorTier;

/* Slots (property ids) of GtmCompetitor, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_COMPETITOR_SLOT_NAME = 2,
  GTM_COMPETITOR_SLOT_TIER,
  GTM_COMPETITOR_SLOT_STRENGTHS,
  GTM_COMPETITOR_SLOT_WEAKNESSES,
  GTM_COMPETITOR_SLOT_DIFFERENTIATORS,
  GTM_COMPETITOR_SLOT_PRICING,
  GTM_COMPETITOR_SLOT_TARGET_AUDIENCE,
  GTM_COMPETITOR_SLOT_HOW_WE_WIN,
  GTM_COMPETITOR_SLOT_LANDMINES,
  GTM_COMPETITOR_SLOT_OBJECTIONS,
} GtmCompetitorSlot;

#define GTM_TYPE_COMPETITOR (gtm_competitor_get_type ())

G_DECLARE_FINAL_TYPE (GtmCompetitor, gtm_competitor, GTM, COMPETITOR, GtmNode)

GtmCompetitor     *gtm_competitor_new      (GtmCompetitorTier  tier,
                                            const char        *name);
const char        *gtm_competitor_get_name (GtmCompetitor     *self);
GtmCompetitorTier  gtm_competitor_get_tier (GtmCompetitor     *self);
const char        *gtm_competitor_tier_to_label (GtmCompetitorTier tier);

G_END_DECLS
