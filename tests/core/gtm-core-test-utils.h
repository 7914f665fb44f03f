/* gtm-core-test-utils.h — helpers shared by the display-free tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new empty folder under the temporary folder, named after @prefix. */
char *gtm_core_test_make_dir    (const char *prefix);
/* Removes @path and everything below it, making folders writable first
 * (tests make some read-only). Symlinks are removed, not followed. */
void  gtm_core_test_remove_tree (const char *path);

G_END_DECLS
