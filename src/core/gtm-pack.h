/* gtm-pack.h — asset packs: named, ordered lists of assets exported together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-export.h"
#include "gtm-node.h"
#include "gtm-project.h"

G_BEGIN_DECLS

/*
 * A pack is the "+1" of the GTM package (PMM.md): a name and an ordered
 * list of asset names (see gtm-asset.h), where "board:*", "persona:*" and
 * "battlecard:*" stand for every board, persona or competitor of the
 * project, in the project's order.
 *
 * Five default packs are always there and never saved: "Messaging
 * strategy document", "Internal marketing kit", "Sales & CS kit",
 * "Customer-facing" and "Case studies". A pack of the project called as a
 * default (in the user's language or in English) replaces it.
 *
 * Exported, a pack is a folder: "<pack name>.pdf" with the pages of every
 * asset in order, plus "<stem>.pdf" and "<stem>.png" per asset (see
 * gtm_asset_dup_file_stem(); a PNG of several pages is "<stem>-1.png", …).
 */

#define GTM_PACK_WILDCARD "*"

/* Slots (property ids) of GtmPack, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_PACK_SLOT_NAME = 2,
  GTM_PACK_SLOT_ASSETS,   /* asset names, or KIND:* */
} GtmPackSlot;

#define GTM_TYPE_PACK (gtm_pack_get_type ())

G_DECLARE_FINAL_TYPE (GtmPack, gtm_pack, GTM, PACK, GtmNode)

GtmPack            *gtm_pack_new          (const char          *name,
                                           const char * const  *assets);
const char         *gtm_pack_get_name     (GtmPack             *self);
/* The assets as the user listed them, wildcards unexpanded; may be NULL. */
const char * const *gtm_pack_get_assets   (GtmPack             *self);

/* The names of every pack of @project: the defaults (translated, or the
 * name of the project's pack replacing one), then the project's own packs,
 * in order, each name once. (transfer full) */
GStrv               gtm_pack_list_names   (GtmProject          *project);

/* The project's pack called @name, or NULL (a default that no pack of the
 * project replaces, or no pack at all). (transfer none) */
GtmPack            *gtm_pack_find         (GtmProject          *project,
                                           const char          *name);

/* Whether @name names a default pack, translated or in English. */
gboolean            gtm_pack_is_default   (const char          *name);

/* The asset list of the pack called @name as the user would edit it,
 * wildcards unexpanded: a project pack's, or a default's. Fails with
 * GTM_ASSET_ERROR_UNKNOWN when there is no such pack. (transfer full) */
GStrv               gtm_pack_dup_assets   (GtmProject          *project,
                                           const char          *name,
                                           GError             **error);

/* The assets of the pack called @name (a project pack, or a default by its
 * translated or English name) with the wildcards expanded in project order,
 * names that no longer name an asset of @project skipped, each asset once.
 * Fails with GTM_ASSET_ERROR_UNKNOWN when there is no such pack, and with
 * G_IO_ERROR_INVALID_ARGUMENT when it holds no asset of @project.
 * (transfer full) */
GStrv               gtm_pack_expand       (GtmProject          *project,
                                           const char          *pack_name,
                                           GError             **error);

/* Whether @asset may be listed in a pack: an asset name of gtm-asset.h,
 * with NAME not empty, or "board:*", "persona:*", "battlecard:*". It need
 * not name an asset of the project (a persona may come back). */
gboolean            gtm_pack_check_asset  (const char          *asset,
                                           GError             **error);

/* Whether @name, without the white space around it, may name a pack:
 * not empty, one line, not too long. */
gboolean            gtm_pack_check_name   (const char          *name,
                                           GError             **error);

/* Edits, each one undo step of the project's history with a label ("Add
 * Pack", "Rename Pack", …). Two packs of a project never share a name:
 * adding or renaming to a taken name fails with G_IO_ERROR_EXISTS. */

/* Adds a pack called @name at the end, listing @assets (NULL: none, or
 * the default's assets when @name is a default's). Fails as
 * gtm_pack_check_name() and gtm_pack_check_asset() do, with
 * G_IO_ERROR_EXISTS, or with G_IO_ERROR_NO_SPACE when the project holds
 * GTM_PROJECT_MAX_ENTRIES packs. (transfer none) */
GtmPack            *gtm_pack_add          (GtmProject          *project,
                                           const char          *name,
                                           const char * const  *assets,
                                           GError             **error);
gboolean            gtm_pack_rename       (GtmProject          *project,
                                           GtmPack             *pack,
                                           const char          *name,
                                           GError             **error);
gboolean            gtm_pack_set_assets   (GtmProject          *project,
                                           GtmPack             *pack,
                                           const char * const  *assets,
                                           GError             **error);
/* Moves the pack at @from to @to, as gtm_project_move_board(). */
void                gtm_pack_move         (GtmProject          *project,
                                           guint                from,
                                           guint                to);
/* Removes @pack; a default it replaced comes back. */
void                gtm_pack_remove       (GtmProject          *project,
                                           GtmPack             *pack);

/* Export --------------------------------------------------------------- */

/* Called after each asset, in order and on the thread that called
 * gtm_export_pack(): @done of @total assets are written, the last one
 * being @asset_label (gtm_asset_dup_label()). It may cancel the export. */
typedef void (*GtmPackProgress) (guint       done,
                                 guint       total,
                                 const char *asset_label,
                                 gpointer    user_data);

/* The name of the pack's own PDF in the folder it is exported to:
 * "<pack name>.pdf", the name as gtm_pack_list_names() lists it, made fit
 * for a file name. (transfer full) */
char    *gtm_pack_dup_pdf_name (GtmProject           *project,
                                const char           *pack_name);

/* Exports the pack called @pack_name into the folder @dir (made if
 * missing): "<pack name>.pdf" and every asset's PDF and PNG, replacing
 * files of the same names. PDFs follow @options' page settings (the pack
 * PDF titled with the pack's name, each asset's with its label), PNGs its
 * scale or dpi and transparency; @options->format is not used.
 *
 * Everything is first written into a temporary folder inside @dir and
 * moved into @dir only when all of it is written; a failed or cancelled
 * export leaves nothing new in @dir (nor @dir, if it made it). Errors are
 * those of gtm_pack_expand(), gtm_asset_new() and gtm_export_asset(), and
 * GIO's for the folder. A file whose name another asset's file (or the
 * pack's PDF) already has is named "<stem> (2)". Blocks, using a worker
 * thread per processor for the PNGs: run it in a thread from the UI; the
 * project must not be edited meanwhile. */
gboolean gtm_export_pack (GtmProject             *project,
                          const char             *pack_name,
                          GFile                  *dir,
                          const GtmExportOptions *options,
                          GtmPackProgress         progress,
                          gpointer                user_data,
                          GCancellable           *cancellable,
                          GError                **error);

G_END_DECLS
