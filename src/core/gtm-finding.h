/* gtm-finding.h — a problem preflight found before exporting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GTM_FINDING_OVERFLOW,        /* text does not fit its box */
  GTM_FINDING_MISSING_GLYPHS,  /* characters no available font can draw */
  GTM_FINDING_LOW_RESOLUTION,  /* a picture below print resolution */
  GTM_FINDING_BROKEN_LINK,     /* a linked field whose source is gone */
  GTM_FINDING_EMPTY_FIELD,     /* a field a generated layout needs is empty */
} GtmFindingKind;

/*
 * Where a finding is: @node_id is the node to show the user (a board item,
 * a persona, a competitor, the messaging, …) and @field the name of its
 * field when the finding is about one ("positioning", "text"), else NULL.
 * @asset is the name of the asset it was found in ("one-pager",
 * "board:Launch plan").
 */
typedef struct
{
  GtmFindingKind  kind;
  char           *asset;
  char           *node_id;
  char           *field;
  char           *message; /* for the user, translated */
} GtmFinding;

GtmFinding *gtm_finding_new  (GtmFindingKind  kind,
                              const char     *asset,
                              const char     *node_id,
                              const char     *field,
                              const char     *message);
void        gtm_finding_free (GtmFinding     *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GtmFinding, gtm_finding_free)

G_END_DECLS
