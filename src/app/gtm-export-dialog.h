/* gtm-export-dialog.h — export an asset or a pack with a live preview, and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gtm-window.h"

G_BEGIN_DECLS

#define GTM_TYPE_EXPORT_DIALOG (gtm_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GtmExportDialog, gtm_export_dialog, GTM, EXPORT_DIALOG, AdwWindow)

/*
 * The export dialog of a window: what to export (an asset of the project
 * or a pack), in which format and on which page, with a preview of the
 * first page and the preflight's findings, which show their place in the
 * window when activated. Its settings are remembered per project file.
 * The export runs in a thread on a copy of the project, so editing goes
 * on meanwhile; a finished export closes the dialog and says so in a
 * toast of the window.
 */

/* Shows a new export dialog for @window, modal, set up for what the window
 * shows or else as it was last time for the project. */
GtmExportDialog   *gtm_export_dialog_present      (GtmWindow       *window);

/* The asset ("board:Plan", "one-pager") or pack ("pack:Sales kit") chosen. */
const char        *gtm_export_dialog_get_target   (GtmExportDialog *self);
/* Chooses @target; FALSE if the project has no such asset or pack. */
gboolean           gtm_export_dialog_set_target   (GtmExportDialog *self,
                                                   const char      *target);

/* Exports to @file (a folder for a pack), as after the user chose it in
 * the file chooser that Export… opens. */
void               gtm_export_dialog_export_to    (GtmExportDialog *self,
                                                   GFile           *file);
/* Whether an export is running. */
gboolean           gtm_export_dialog_get_busy     (GtmExportDialog *self);

/* The print operation of the asset @window shows (its board, its persona's
 * sheet, the document of its workbench page, else the one-pager), drawn
 * as the export draws it. Errors are shown in @window. */
GtkPrintOperation *gtm_export_print_operation_new (GtmWindow       *window);

/* Prints what @window shows, after the print dialog. */
void               gtm_export_print               (GtmWindow       *window);

/* The asset @window shows: "board:NAME" for a board, "persona:NAME" for a
 * persona, the document of a workbench page, or NULL. */
char              *gtm_export_dup_shown_asset     (GtmWindow       *window);

G_END_DECLS
