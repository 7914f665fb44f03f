/* gtm-preflight.h — what to fix before exporting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gtm-export.h"
#include "gtm-finding.h"
#include "gtm-project.h"

G_BEGIN_DECLS

/* Pictures look sharp in print from this many pixels per inch. */
#define GTM_PREFLIGHT_MIN_DPI 150.0

/*
 * Checks @assets (asset names, see gtm-asset.h) as they would be exported
 * with @options and returns the problems found, in asset order, no
 * duplicates: what each asset's layout found (gtm_asset_get_findings()),
 * and on boards, item by item,
 *
 *  - GTM_FINDING_OVERFLOW: text that is not all drawn, cut with "…" or at
 *    its item's edges (see gtm_render_item_text_fit());
 *  - GTM_FINDING_MISSING_GLYPHS: characters no installed font has;
 *  - GTM_FINDING_LOW_RESOLUTION: a picture below GTM_PREFLIGHT_MIN_DPI on
 *    the exported page (on a PDF page the board is fitted to; in a PNG at
 *    the options' scale or dpi, where a picture is only blamed for being
 *    less sharp than the PNG itself);
 *  - GTM_FINDING_BROKEN_LINK: linked fields whose source is gone, and
 *    persona cards whose persona was deleted;
 *  - GTM_FINDING_EMPTY_FIELD: persona cards that show no persona.
 *
 * A board's findings name the item (its id; field "text" for its text)
 * and the board. Names that are not assets of @project, or that cannot be
 * laid out with @options, are left out: exporting them fails with an
 * error of its own. Blocks. Run in a thread, it needs the project not
 * to be edited nor its boards drawn meanwhile: items keep the layouts the
 * check makes, as they keep gtm_render_board()'s.
 *
 * Returns: (transfer full) (element-type GtmFinding) (nullable): the
 * findings, or NULL when @cancellable was cancelled
 */
GPtrArray *gtm_preflight_check (GtmProject             *project,
                                const char * const     *assets,
                                const GtmExportOptions *options,
                                GCancellable           *cancellable);

G_END_DECLS
