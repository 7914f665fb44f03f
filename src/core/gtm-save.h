/* gtm-save.h — write bytes to a file without ever damaging the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Saving knows nothing about projects: it puts a GBytes into a file so that
 * at every instant — including a crash, a kill -9 or a power cut — the file
 * holds either its old content or the new one, never a mix, never nothing.
 *
 * The bytes go to a temporary file in the same folder as the real file
 * (".<name>.<pid>-<random>.gtm-save~"), which is written, flushed to disk,
 * given the original's permissions and renamed over the original; then the
 * folder is flushed too. A symbolic link is followed and stays a link.
 * Refused, leaving everything as it was: a file with other hard links (the
 * rename would separate them: the user should Save As), a read-only file,
 * and anything that is not a regular file (folder, pipe, device).
 *
 * Errors are in GTM_SAVE_ERROR, except cancellation (G_IO_ERROR_CANCELLED,
 * so callers can treat every cancelled operation alike). Every message names
 * the file and says what went wrong in words meant for the user.
 */

#define GTM_SAVE_ERROR (gtm_save_error_quark ())

typedef enum
{
  GTM_SAVE_ERROR_NOT_REGULAR,       /* the target is a folder, a pipe, a device, … */
  GTM_SAVE_ERROR_FAILED,            /* any other failure; the message says which */
  GTM_SAVE_ERROR_HARD_LINKS,        /* the target has other hard links: use Save As */
  GTM_SAVE_ERROR_NO_SPACE,          /* the disk is full or the quota is used up */
  GTM_SAVE_ERROR_PERMISSION_DENIED, /* file or folder not writable, or a read-only disk */
  GTM_SAVE_ERROR_NOT_LOCAL,         /* the GFile has no local path (a URI GIO can't map) */
} GtmSaveError;

GQuark   gtm_save_error_quark   (void);

gboolean gtm_save_bytes         (GFile                *file,
                                 GBytes               *bytes,
                                 GCancellable         *cancellable,
                                 GError              **error);

/* Runs gtm_save_bytes() in a worker thread; @callback runs in the thread-default
 * main context of the caller. The callback only runs once the worker has
 * finished with the file, even when @cancellable is cancelled, so "save has
 * ended" is always true in the callback; cancellation takes effect at the next
 * step of the save, and once the new content is in place the save reports
 * success even if @cancellable was cancelled meanwhile. */
void     gtm_save_bytes_async   (GFile                *file,
                                 GBytes               *bytes,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
gboolean gtm_save_bytes_finish  (GFile                *file,
                                 GAsyncResult         *result,
                                 GError              **error);

/* Removes the temporary files that interrupted saves of @file left next to
 * it: those whose writer process no longer runs, or that are more than a
 * day old; a temporary file some process is still writing is never removed.
 * Returns how many were removed. Never fails: what it can't remove it leaves. */
guint    gtm_save_cleanup_stale (GFile                *file);

G_END_DECLS
