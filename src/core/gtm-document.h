/* gtm-document.h — a project together with the file it lives in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gtm-project.h"

G_BEGIN_DECLS

#define GTM_TYPE_DOCUMENT (gtm_document_get_type ())

G_DECLARE_FINAL_TYPE (GtmDocument, gtm_document, GTM, DOCUMENT, GObject)

/* An untitled project with one empty board. */
GtmDocument *gtm_document_new_untitled (void);
GtmDocument *gtm_document_new          (GtmProject           *project,
                                        GFile                *file);

GtmProject  *gtm_document_get_project  (GtmDocument          *self);
GtmHistory  *gtm_document_get_history  (GtmDocument          *self);
GFile       *gtm_document_get_file     (GtmDocument          *self);
const char  *gtm_document_get_title    (GtmDocument          *self);
gboolean     gtm_document_get_modified (GtmDocument          *self);
gboolean     gtm_document_get_saving   (GtmDocument          *self);
/* TRUE for a document that was never saved nor edited: the window showing
 * it may be reused to show a file the user opens. */
gboolean     gtm_document_is_pristine  (GtmDocument          *self);

/* Reading. Errors name the file: “Could not open “x.gtm”: …”. The async
 * variant reads and parses in a worker thread. */
GtmDocument *gtm_document_load         (GFile                *file,
                                        GCancellable         *cancellable,
                                        GError              **error);
void         gtm_document_load_async   (GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
GtmDocument *gtm_document_load_finish  (GAsyncResult         *result,
                                        GError              **error);

/* Writing, to @file or, when it is NULL, to the document's own file. The
 * project is serialized on the calling thread, then written safely (a
 * temporary file, synced, renamed over the original). On success the
 * document takes @file and the state that was written counts as saved;
 * on failure nothing changes and the error names the file. Only one save
 * may run at a time. */
gboolean     gtm_document_save         (GtmDocument          *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GError              **error);
void         gtm_document_save_async   (GtmDocument          *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean     gtm_document_save_finish  (GtmDocument          *self,
                                        GAsyncResult         *result,
                                        GError              **error);

/* The name of @file to show in messages: its base name for display. */
char        *gtm_file_dup_display_name (GFile *file);

G_END_DECLS
