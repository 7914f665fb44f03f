/* gtm-text-box.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-item.h"

G_BEGIN_DECLS

/* Free text without a box. Kind "text". */
#define GTM_TYPE_TEXT_BOX (gtm_text_box_get_type ())
G_DECLARE_FINAL_TYPE (GtmTextBox, gtm_text_box, GTM, TEXT_BOX, GtmItem)

GtmItem *gtm_text_box_new (double x, double y, const char *text);

G_END_DECLS
