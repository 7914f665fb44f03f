/* gtm-core-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <cairo.h>
#include <glib/gstdio.h>

#include "gtm-core-test-utils.h"
#include "gtm-format.h"

char *
gtm_core_test_make_dir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", prefix);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
gtm_core_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *entry;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, entry, NULL);

          gtm_core_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

/* Whether this root process can become an ordinary user (nobody), to test
 * what permissions do to a user. Probed in a throwaway child. */
static gboolean
can_drop_privileges (void)
{
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (setgroups (0, NULL) == 0 && setgid (65534) == 0 && setuid (65534) == 0 ? 0 : 1);

  waitpid (pid, &status, 0);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

gboolean
gtm_core_test_run_as_ordinary_user (void)
{
  if (geteuid () != 0)
    return TRUE;

  if (g_test_subprocess ())
    {
      g_assert_no_errno (setgroups (0, NULL));
      g_assert_no_errno (setgid (65534));
      g_assert_no_errno (setuid (65534));
      g_assert_cmpint (geteuid (), !=, 0);
      return TRUE;
    }

  if (!can_drop_privileges ())
    {
      g_test_skip ("running as root and can't become an ordinary user, for whom "
                   "permissions apply");
      return FALSE;
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

gboolean
gtm_core_test_have_poppler (void)
{
  const char *tools[] = { "pdfinfo", "pdffonts", "pdftotext" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *found = g_find_program_in_path (tools[i]);

      if (found == NULL)
        {
          g_test_skip ("poppler-utils (pdfinfo, pdffonts, pdftotext) are not installed");
          return FALSE;
        }
    }

  return TRUE;
}

char *
gtm_core_test_run_poppler (const char *tool,
                           const char *pdf)
{
  const char *argv[] = { tool, pdf, g_str_equal (tool, "pdftotext") ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed: %s", tool, pdf, err);

  return out;
}

guint
gtm_core_test_count_pdf_pages (const char *pdf)
{
  g_autofree char *info = gtm_core_test_run_poppler ("pdfinfo", pdf);
  const char *line = strstr (info, "\nPages:");
  guint pages = 0;

  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "\nPages: %u", &pages), ==, 1);
  return pages;
}

void
gtm_core_test_assert_text_contains (const char *text,
                                    const char *needle)
{
  g_autoptr(GString) flat = g_string_new (text);

  g_string_replace (flat, "\n", " ", 0);
  while (g_string_replace (flat, "  ", " ", 0) > 0)
    ;
  if (strstr (flat->str, needle) == NULL)
    g_error ("“%s” is not in the exported text:\n%s", needle, flat->str);
}

void
gtm_core_test_assert_fonts_embedded (const char *pdf)
{
  g_autofree char *fonts = gtm_core_test_run_poppler ("pdffonts", pdf);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  const char *header;
  gsize emb_column;
  guint n_fonts = 0;

  /* name type encoding emb sub uni object ID, under a header and a rule */
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  header = lines[0];
  g_assert_nonnull (strstr (header, "emb"));
  emb_column = strstr (header, "emb") - header;
  g_assert_null (strstr (fonts, "Type 3"));

  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_assert_cmpuint (strlen (lines[i]), >, emb_column + 3);
      if (!g_str_has_prefix (lines[i] + emb_column, "yes"))
        g_error ("font not embedded in %s: %s", pdf, lines[i]);
      n_fonts++;
    }

  g_assert_cmpuint (n_fonts, >, 0);
}

GtmProject *
gtm_core_test_read_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GTM_SAMPLES_DIR"), "saas-launch.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtmProject *project = gtm_format_read_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * gtm_core_test_make_png:
 *
 * Returns: (transfer full): an opaque blue PNG of @width × @height pixels
 */
GBytes *
gtm_core_test_make_png (int width,
                        int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *array = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_to_array, array), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}
