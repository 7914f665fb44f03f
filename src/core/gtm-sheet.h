/* gtm-sheet.h — generated layouts: one-pagers, persona sheets, battlecards, …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "gtm-project.h"

G_BEGIN_DECLS

/*
 * A sheet lays a project's content out into pages with Pango, in the
 * project's brand kit (gtm_project_get_brand()). It reads the project when
 * it is made (text through gtm_link_resolve(), so linked fields show their
 * values) and holds what it drew, so drawing a page later does not touch
 * the project.
 *
 * Pages are @page_width × @page_height points with @margin around the
 * content. Text wraps; what a fixed box cannot hold ends in "…" and is
 * reported as a GTM_FINDING_OVERFLOW. Empty fields the layout needs, text
 * with glyphs no font has, broken linked fields and pictures (the logo, a
 * persona's) below print resolution are reported too. A finding names its
 * node by id; a singleton read from a file has none and is named as links
 * name it ("messaging", "pricing"), so gtm_link_lookup() finds either.
 */

typedef enum
{
  GTM_SHEET_ONE_PAGER,        /* one page */
  GTM_SHEET_PERSONA,          /* one page: @subject is the GtmPersona */
  GTM_SHEET_BATTLECARD,       /* one page: @subject is the GtmCompetitor */
  GTM_SHEET_MESSAGING_DOC,    /* several pages */
  GTM_SHEET_PRICING,          /* pricing sheet */
  GTM_SHEET_LAUNCH_TIMELINE,
} GtmSheetKind;

typedef struct _GtmSheet GtmSheet;

/* @asset is the asset's name, recorded in the findings. */
GtmSheet   *gtm_sheet_new           (GtmProject   *project,
                                     GtmSheetKind  kind,
                                     GtmNode      *subject,
                                     const char   *asset,
                                     double        page_width,
                                     double        page_height,
                                     double        margin);
void        gtm_sheet_free          (GtmSheet     *sheet);

guint       gtm_sheet_get_n_pages   (GtmSheet     *sheet);
/* Draws page @page (from 0) with its top left corner at the origin, in
 * points, background included. */
void        gtm_sheet_draw_page     (GtmSheet     *sheet,
                                     guint         page,
                                     cairo_t      *cr);
/* (transfer none) (element-type GtmFinding) */
GPtrArray  *gtm_sheet_get_findings  (GtmSheet     *sheet);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GtmSheet, gtm_sheet_free)

G_END_DECLS
