/* gtm-core.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-core"

#include "config.h"

#include "gtm-core.h"

void
gtm_core_init (void)
{
  g_type_ensure (GTM_TYPE_PROJECT);
  g_type_ensure (GTM_TYPE_BOARD);
  g_type_ensure (GTM_TYPE_NOTE);
  g_type_ensure (GTM_TYPE_TEXT_BOX);
  g_type_ensure (GTM_TYPE_SHAPE);
  g_type_ensure (GTM_TYPE_IMAGE);
  g_type_ensure (GTM_TYPE_CONNECTOR);
  g_type_ensure (GTM_TYPE_FRAME);
  g_type_ensure (GTM_TYPE_PERSONA_CARD);
  g_type_ensure (GTM_TYPE_PERSONA);
  g_type_ensure (GTM_TYPE_TRAIT);
  g_type_ensure (GTM_TYPE_BRIEF);
  g_type_ensure (GTM_TYPE_SEGMENT);
  g_type_ensure (GTM_TYPE_COMPETITOR);
  g_type_ensure (GTM_TYPE_SWOT);
  g_type_ensure (GTM_TYPE_MESSAGING);
  g_type_ensure (GTM_TYPE_KEY_MESSAGE);
  g_type_ensure (GTM_TYPE_PRICING);
  g_type_ensure (GTM_TYPE_PRICE_TIER);
  g_type_ensure (GTM_TYPE_LAUNCH_PLAN);
  g_type_ensure (GTM_TYPE_ACTIVITY);
  g_type_ensure (GTM_TYPE_METRICS);
  g_type_ensure (GTM_TYPE_FUNNEL_STAGE);
  g_type_ensure (GTM_TYPE_METRIC);
  g_type_ensure (GTM_TYPE_BRAND);
  g_type_ensure (GTM_TYPE_PACK);
}
