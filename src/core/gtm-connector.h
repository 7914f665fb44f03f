/* gtm-connector.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-item.h"

G_BEGIN_DECLS

/* A line from one item to another, with arrowheads and an optional label
 * (its text). Kind "connector". Its geometry comes from its ends. */
#define GTM_CONNECTOR_SLOT_SOURCE      (GTM_ITEM_N_SLOTS + 1)
#define GTM_CONNECTOR_SLOT_TARGET      (GTM_ITEM_N_SLOTS + 2)
#define GTM_CONNECTOR_SLOT_ARROW_START (GTM_ITEM_N_SLOTS + 3)
#define GTM_CONNECTOR_SLOT_ARROW_END   (GTM_ITEM_N_SLOTS + 4)

#define GTM_TYPE_CONNECTOR (gtm_connector_get_type ())
G_DECLARE_FINAL_TYPE (GtmConnector, gtm_connector, GTM, CONNECTOR, GtmItem)

GtmItem    *gtm_connector_new             (const char *source_id, const char *target_id);
const char *gtm_connector_get_source      (GtmConnector *self);
const char *gtm_connector_get_target      (GtmConnector *self);
gboolean    gtm_connector_get_arrow_start (GtmConnector *self);
gboolean    gtm_connector_get_arrow_end   (GtmConnector *self);

G_END_DECLS
