/* gtm-core.h — everything of the display-free document engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-activity.h"
#include "gtm-arrange.h"
#include "gtm-board.h"
#include "gtm-brand.h"
#include "gtm-brief.h"
#include "gtm-calc.h"
#include "gtm-clipboard.h"
#include "gtm-color.h"
#include "gtm-competitor.h"
#include "gtm-connector.h"
#include "gtm-document.h"
#include "gtm-enums.h"
#include "gtm-export.h"
#include "gtm-format.h"
#include "gtm-frame.h"
#include "gtm-funnel-stage.h"
#include "gtm-history.h"
#include "gtm-hit-test.h"
#include "gtm-image.h"
#include "gtm-image-import.h"
#include "gtm-item.h"
#include "gtm-key-message.h"
#include "gtm-launch-plan.h"
#include "gtm-link.h"
#include "gtm-messaging.h"
#include "gtm-metric.h"
#include "gtm-metrics.h"
#include "gtm-node.h"
#include "gtm-note.h"
#include "gtm-asset.h"
#include "gtm-finding.h"
#include "gtm-pack.h"
#include "gtm-persona.h"
#include "gtm-persona-card.h"
#include "gtm-preflight.h"
#include "gtm-price-tier.h"
#include "gtm-pricing.h"
#include "gtm-project.h"
#include "gtm-reading-time.h"
#include "gtm-render.h"
#include "gtm-save.h"
#include "gtm-scene.h"
#include "gtm-segment.h"
#include "gtm-selection.h"
#include "gtm-shape.h"
#include "gtm-snap.h"
#include "gtm-spatial-index.h"
#include "gtm-swot.h"
#include "gtm-text-box.h"
#include "gtm-trait.h"
#include "gtm-viewport.h"

G_BEGIN_DECLS

/* Registers every node type, so that gtm_node_type_from_kind() finds the
 * kinds of a file. Call once before reading files; calling again is cheap. */
void gtm_core_init (void);

G_END_DECLS
