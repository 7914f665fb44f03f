/* gtm-links-dialog.h — where each linked field is used, and broken links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gtm-window.h"

G_BEGIN_DECLS

#define GTM_TYPE_LINKS_DIALOG (gtm_links_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GtmLinksDialog, gtm_links_dialog, GTM, LINKS_DIALOG, AdwWindow)

/*
 * Lists the fields of @window's project that board text links to, each
 * with its value and the items that use it (activating one shows it on its
 * board in @window), optionally the fields nobody links to yet, and the
 * links whose field is gone. Follows the project as it changes.
 */

/* Shows @window's dialog, making it the first time. */
GtmLinksDialog *gtm_links_dialog_present         (GtmWindow      *window);

gboolean        gtm_links_dialog_get_show_unused (GtmLinksDialog *self);
void            gtm_links_dialog_set_show_unused (GtmLinksDialog *self,
                                                  gboolean        show_unused);

G_END_DECLS
