/* gtm-project.h — one product or launch: boards, personas and PMM content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"
#include "gtm-board.h"
#include "gtm-persona.h"
#include "gtm-history.h"

G_BEGIN_DECLS

#define GTM_PROJECT_MAX_BOARDS   1000
#define GTM_PROJECT_MAX_ENTRIES  10000 /* personas, segments, competitors, … */

typedef enum
{
  GTM_PROJECT_SLOT_TITLE = 2,
  GTM_PROJECT_SLOT_PRODUCT_NAME,
  GTM_PROJECT_SLOT_LANGUAGE,
  GTM_PROJECT_SLOT_CREATED,
  GTM_PROJECT_SLOT_MODIFIED,
  GTM_PROJECT_SLOT_CANDIDATE_MARKETS,
} GtmProjectSlot;

#define GTM_TYPE_PROJECT (gtm_project_get_type ())

G_DECLARE_FINAL_TYPE (GtmProject, gtm_project, GTM, PROJECT, GtmNode)

/* An empty project created now: no boards, no personas. */
GtmProject *gtm_project_new              (const char *title);

GtmHistory *gtm_project_get_history      (GtmProject *self);

const char *gtm_project_get_title        (GtmProject *self);
const char *gtm_project_get_product_name (GtmProject *self);
const char *gtm_project_get_language     (GtmProject *self);
const char *gtm_project_get_created      (GtmProject *self);
const char *gtm_project_get_modified     (GtmProject *self);
/* The modified time is stamped by saving, outside the history. */
void        gtm_project_touch            (GtmProject *self);

GListModel *gtm_project_get_boards       (GtmProject *self); /* GtmBoard */
GListModel *gtm_project_get_personas     (GtmProject *self); /* GtmPersona */
GListModel *gtm_project_get_segments     (GtmProject *self); /* GtmSegment */
GListModel *gtm_project_get_competitors  (GtmProject *self); /* GtmCompetitor */
GListModel *gtm_project_get_packs        (GtmProject *self); /* GtmPack */

/* Singletons, always present. */
GtmNode    *gtm_project_get_brief        (GtmProject *self); /* GtmBrief */
GtmNode    *gtm_project_get_swot         (GtmProject *self); /* GtmSwot */
GtmNode    *gtm_project_get_messaging    (GtmProject *self); /* GtmMessaging */
GtmNode    *gtm_project_get_pricing      (GtmProject *self); /* GtmPricing */
GtmNode    *gtm_project_get_launch_plan  (GtmProject *self); /* GtmLaunchPlan */
GtmNode    *gtm_project_get_metrics      (GtmProject *self); /* GtmMetrics */
GtmNode    *gtm_project_get_brand        (GtmProject *self); /* GtmBrand */

guint       gtm_project_count_items      (GtmProject *self);

/* Boards. Each edit below is one undo step in the project's history, with
 * a label naming it ("Add Board", "Rename Board", …). */

/* Adds an empty board called @name (NULL: "Board N", N the number of
 * boards with it, or the next one no other board's name has) at @position.
 * Fails with G_IO_ERROR_NO_SPACE when the project holds
 * GTM_PROJECT_MAX_BOARDS. */
GtmBoard   *gtm_project_add_board        (GtmProject  *self,
                                          guint        position,
                                          const char  *name,
                                          GError     **error);
/* Adds a copy of @board right after it, called "NAME (Copy)" (numbered if
 * taken): every field and item copied, items with new ids, connectors
 * joining the copies, images sharing their bytes. Fails as
 * gtm_project_add_board() does. */
GtmBoard   *gtm_project_duplicate_board  (GtmProject  *self,
                                          GtmBoard    *board,
                                          GError     **error);
/* Whether @name, without the white space around it, may name a board:
 * not empty, one line, not too long. The message is for the user. */
gboolean    gtm_project_check_board_name (const char  *name,
                                          GError     **error);
/* Renames @board to @name without the white space around it, if
 * gtm_project_check_board_name() accepts it. */
gboolean    gtm_project_rename_board     (GtmProject  *self,
                                          GtmBoard    *board,
                                          const char  *name,
                                          GError     **error);
/* Moves the board at @from to @to, as g_list_store positions after the
 * move. */
void        gtm_project_move_board       (GtmProject  *self,
                                          guint        from,
                                          guint        to);
void        gtm_project_remove_board     (GtmProject  *self,
                                          GtmBoard    *board);

/* Personas, edited as boards are, each edit one undo step ("Add
 * Persona", "Rename Persona", …). */

/* Adds an empty persona of @kind called @name (NULL: "Buyer persona N" or
 * "User persona N", N the number of personas of @kind with it, or the next
 * one no other persona's name has) at @position. Fails with
 * G_IO_ERROR_NO_SPACE when the project holds GTM_PROJECT_MAX_ENTRIES
 * personas. */
GtmPersona *gtm_project_add_persona      (GtmProject      *self,
                                          GtmPersonaKind   kind,
                                          guint            position,
                                          const char      *name,
                                          GError         **error);
/* Adds a deep copy of @persona right after it, called "NAME (Copy)"
 * (numbered if taken), with a new id, as do its personality sliders. */
GtmPersona *gtm_project_duplicate_persona (GtmProject  *self,
                                           GtmPersona  *persona,
                                           GError     **error);
/* The checks of gtm_project_check_board_name(), for a persona's name. */
gboolean    gtm_project_check_persona_name (const char  *name,
                                            GError     **error);
gboolean    gtm_project_rename_persona   (GtmProject  *self,
                                          GtmPersona  *persona,
                                          const char  *name,
                                          GError     **error);
/* Moves the persona at @from to @to, as gtm_project_move_board(). */
void        gtm_project_move_persona     (GtmProject  *self,
                                          guint        from,
                                          guint        to);
/* Removes @persona, and points the key messages written for it at no
 * persona, as one step. */
void        gtm_project_remove_persona   (GtmProject *self,
                                          GtmNode    *persona);

G_END_DECLS
