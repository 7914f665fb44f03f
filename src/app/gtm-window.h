/* gtm-window.h — the window of one open project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gtm-application.h"
#include "gtm-board-view.h"
#include "gtm-document.h"

G_BEGIN_DECLS

#define GTM_TYPE_WINDOW (gtm_window_get_type ())

G_DECLARE_FINAL_TYPE (GtmWindow, gtm_window, GTM, WINDOW, AdwApplicationWindow)

GtmWindow    *gtm_window_new                (GtmApplication      *application,
                                             GtmDocument         *document);

GtmDocument  *gtm_window_get_document       (GtmWindow           *self);
void          gtm_window_set_document       (GtmWindow           *self,
                                             GtmDocument         *document);

/* The window's title text: the project title, with “• ” in front while
 * the project has unsaved changes. */
const char   *gtm_window_get_title_text     (GtmWindow           *self);

/* Saves to @file (NULL: the document's file), off the main thread. A
 * failure is shown in the window; the edits stay. A file open in another
 * window is refused, with the reason. This is what the Save As dialog
 * calls once the user has chosen a file. */
void          gtm_window_save_to_file       (GtmWindow           *self,
                                             GFile               *file);

/* Shows @heading (what failed, e.g. "Could not open “x.gtm”") in a toast
 * whose Details button shows @error's message (why). */
void          gtm_window_show_error         (GtmWindow           *self,
                                             const char          *heading,
                                             const GError        *error);
/* gtm_window_show_error() in the window @widget is in; logged as a
 * warning when it is in none. */
void          gtm_window_show_error_for     (GtkWidget           *widget,
                                             const char          *heading,
                                             const GError        *error);
/* The error toast currently shown, if any. */
AdwToast     *gtm_window_get_error_toast    (GtmWindow           *self);
/* The toast offering to undo the deletion of a board, while it is shown. */
AdwToast     *gtm_window_get_delete_toast   (GtmWindow           *self);

/* Asks what to do with unsaved changes if there are any and waits for a
 * save in flight. Completes with TRUE when the window may close. A call
 * made while a question is pending (the window's own close, a quit) waits
 * for the same answer. */
void          gtm_window_confirm_close_async  (GtmWindow           *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      gtm_window_confirm_close_finish (GtmWindow           *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* Closes without asking anything; used once the user has confirmed. */
void          gtm_window_close_confirmed    (GtmWindow           *self);

/* The parts of the window tests and other widgets drive. */
GtkListBox   *gtm_window_get_sidebar        (GtmWindow           *self);
GtmBoardView *gtm_window_get_board_view     (GtmWindow           *self);
GtkWidget    *gtm_window_get_visible_page   (GtmWindow           *self);
/* Selects the board at @index in the project's list of boards. */
void          gtm_window_select_board       (GtmWindow           *self,
                                             guint                index);
/* Shows the board @item is on, with @item selected and in view. */
void          gtm_window_show_item          (GtmWindow           *self,
                                             GtmItem             *item);

/* Shows @node where the window edits it (see gtm-window.c); returns the
 * page shown, or NULL. */
GtkWidget    *gtm_window_show_node          (GtmWindow           *self,
                                             GtmNode             *node);
/* Shows @toast in the window, which takes it. */
void          gtm_window_add_toast          (GtmWindow           *self,
                                             AdwToast            *toast);

G_END_DECLS
