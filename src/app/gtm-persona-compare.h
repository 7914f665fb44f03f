/* gtm-persona-compare.h — personas side by side, one column each, their
 * fields in aligned rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gtm-core.h"

G_BEGIN_DECLS

/* Personas chosen at first, of the project's (the first ones); more can be
 * chosen, and the view scrolls sideways. */
#define GTM_PERSONA_COMPARE_DEFAULT_COLUMNS 4
/* Fewer can't be chosen, unless the project has fewer. */
#define GTM_PERSONA_COMPARE_MIN_COLUMNS     2

#define GTM_TYPE_PERSONA_COMPARE (gtm_persona_compare_get_type ())

G_DECLARE_FINAL_TYPE (GtmPersonaCompare, gtm_persona_compare, GTM, PERSONA_COMPARE, AdwBin)

/* Signals: "close" (no arguments), when the user leaves the view with its
 * Back button or Escape. */

GtkWidget  *gtm_persona_compare_new         (void);

GtmProject *gtm_persona_compare_get_project (GtmPersonaCompare *self);
/* Shows the personas of @project, the first
 * GTM_PERSONA_COMPARE_DEFAULT_COLUMNS of them chosen; the view follows
 * the project's changes (edits, undo, redo). */
void        gtm_persona_compare_set_project (GtmPersonaCompare *self,
                                             GtmProject        *project);

gboolean    gtm_persona_compare_get_chosen  (GtmPersonaCompare *self,
                                             GtmPersona        *persona);
/* Shows or hides the column of @persona, a persona of the project; what the
 * check buttons of the Personas menu do. */
void        gtm_persona_compare_set_chosen  (GtmPersonaCompare *self,
                                             GtmPersona        *persona,
                                             gboolean           chosen);

/* The personas with a column, left to right: the chosen ones, in the
 * project's order. */
GPtrArray  *gtm_persona_compare_dup_columns (GtmPersonaCompare *self);

G_END_DECLS
