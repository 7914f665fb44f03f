/* gtm-note.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-item.h"

G_BEGIN_DECLS

/* A sticky note: a filled square of text. Kind "note". */
#define GTM_TYPE_NOTE (gtm_note_get_type ())
G_DECLARE_FINAL_TYPE (GtmNote, gtm_note, GTM, NOTE, GtmItem)

GtmItem *gtm_note_new (double x, double y, const char *text);

G_END_DECLS
