/* gtm-clipboard.h — copy, paste and duplicate of board items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-board.h"
#include "gtm-history.h"
#include "gtm-item.h"

G_BEGIN_DECLS

/*
 * The display-free half of cut, copy, paste and duplicate; the canvas puts
 * the bytes on a GdkClipboard and reads them back.
 *
 * What is copied: the selected items that are not connectors, plus every
 * connector of the board that joins two of them, whether or not it was
 * selected (a copied diagram keeps its arrows). A selected connector with
 * an end outside the selection is left out: a connector can't exist
 * without both ends. Items keep the board's stacking order.
 *
 * The data is a fragment of the file format (see gtm_format_write_items()):
 * every saved field of each item, images' PNG bytes included, under a
 * "format"/"version" header, so that a paste from a newer GTM Studio is
 * refused with a message rather than misread. Pasting checks the data as
 * the file reader checks a file, gives every item a fresh id, points the
 * copied connectors at the copies, and adds everything on top of the board
 * as one undo step.
 *
 * Groups: the copies of the members of one group form a new group of their
 * own, never joining the original's (pasting a group twice makes two
 * groups); a copy of a group's only copied member is in no group. Locked
 * items stay locked in their copies, as in Figma: the copy is the same
 * thing, in the same state.
 */

/* The MIME type of the data of gtm_clipboard_serialize(). */
#define GTM_CLIPBOARD_MIME_TYPE "application/x-gtm-studio-items"

/* How far a duplicate, or a paste onto the copied items themselves, lands
 * from the original: right and down, in board units. */
#define GTM_CLIPBOARD_OFFSET 16.0

/* Plain text pasted from other applications becomes at most this many
 * sticky notes (one per paragraph), each holding at most this many
 * characters; more is dropped, and the caller is told. */
#define GTM_CLIPBOARD_MAX_TEXT_NOTES  100
#define GTM_CLIPBOARD_MAX_NOTE_CHARS  2000

GBytes    *gtm_clipboard_serialize      (GtmBoard         *board,
                                         GtmItem * const  *items,
                                         guint             n_items);
char      *gtm_clipboard_to_text        (GtmItem * const  *items,
                                         guint             n_items);

GPtrArray *gtm_clipboard_paste          (GtmBoard         *board,
                                         GtmHistory       *history,
                                         GBytes           *data,
                                         double            x,
                                         double            y,
                                         GError          **error);
GPtrArray *gtm_clipboard_paste_in_place (GtmBoard         *board,
                                         GtmHistory       *history,
                                         GBytes           *data,
                                         GError          **error);
GPtrArray *gtm_clipboard_paste_text     (GtmBoard         *board,
                                         GtmHistory       *history,
                                         const char       *text,
                                         double            x,
                                         double            y,
                                         gboolean         *truncated,
                                         GError          **error);

GPtrArray *gtm_clipboard_duplicate      (GtmBoard         *board,
                                         GtmHistory       *history,
                                         GtmItem * const  *items,
                                         guint             n_items,
                                         GError          **error);

G_END_DECLS
