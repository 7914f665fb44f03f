/* gtm-core-test-utils.h — helpers shared by the display-free tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gtm-project.h"

G_BEGIN_DECLS

/* A new empty folder under the temporary folder, named after @prefix. */
char *gtm_core_test_make_dir    (const char *prefix);
/* Removes @path and everything below it, making folders writable first
 * (tests make some read-only). Symlinks are removed, not followed. */
void  gtm_core_test_remove_tree (const char *path);

/* Root ignores permissions: a root test runs itself again as nobody in a
 * subprocess (or skips when it can't). Returns FALSE when the caller has
 * nothing more to do, TRUE where the test goes on as an ordinary user. */
gboolean gtm_core_test_run_as_ordinary_user (void);

/* poppler-utils: whether pdfinfo, pdffonts and pdftotext are installed
 * (the test is skipped when not); the standard output of one run on @pdf
 * (pdftotext writing to it); the number of pages pdfinfo counts; and
 * whether text search finds @needle in @text whatever line breaks wrapping
 * put into it. */
gboolean gtm_core_test_have_poppler        (void);
char    *gtm_core_test_run_poppler         (const char *tool,
                                            const char *pdf);
guint    gtm_core_test_count_pdf_pages     (const char *pdf);
void     gtm_core_test_assert_text_contains (const char *text,
                                            const char *needle);
/* Every font pdffonts lists in @pdf is embedded, and none is a Type 3
 * font (glyphs drawn as pictures, which printers and text search handle
 * badly). */
void     gtm_core_test_assert_fonts_embedded (const char *pdf);

/* An opaque blue PNG of @width × @height pixels. */
GBytes  *gtm_core_test_make_png            (int         width,
                                            int         height);

/* The sample project, data/samples/saas-launch.gtm. */
GtmProject *gtm_core_test_read_sample      (void);

G_END_DECLS
