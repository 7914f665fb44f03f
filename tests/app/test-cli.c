/* test-cli.c — gtm-studio check, upgrade and --version, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "gtm-core.h"
#include "gtm-test-utils.h"

static char *
sample_path (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();

  return g_file_get_path (sample);
}

static char *
expected_ok_line (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmProject) project = gtm_format_read_file (file, NULL, &error);

  g_assert_no_error (error);
  return g_strdup_printf ("%s: ok, %u boards, %u items, %u personas\n", path,
                          g_list_model_get_n_items (gtm_project_get_boards (project)),
                          gtm_project_count_items (project),
                          g_list_model_get_n_items (gtm_project_get_personas (project)));
}

static void
test_version (void)
{
  const char *argv[] = { "--version", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (gtm_test_run_cli (argv, &out), ==, 0);
  g_assert_cmpstr (out, ==, "gtm-studio " PACKAGE_VERSION "\n");
}

static void
test_check_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *expected = expected_ok_line (path);
  const char *argv[] = { "check", path, NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (gtm_test_run_cli (argv, &out), ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_check_broken (void)
{
  g_autoptr(GFile) bad = gtm_test_get_data_file ("bad/boards-not-list.gtm");
  g_autofree char *bad_path = g_file_get_path (bad);
  g_autofree char *path = sample_path ();
  g_autofree char *ok_line = expected_ok_line (path);
  g_autofree char *prefix = g_strdup_printf ("%s: ", bad_path);
  const char *argv[] = { "check", bad_path, NULL };
  const char *both[] = { "check", path, bad_path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  /* One line naming the file and the problem; status 1. */
  g_assert_cmpint (gtm_test_run_cli (argv, &out), ==, 1);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[1], ==, "");
  g_assert_true (g_str_has_prefix (lines[0], prefix));
  g_assert_nonnull (strstr (lines[0], "boards"));
  g_assert_false (g_str_has_prefix (lines[0] + strlen (prefix), "ok"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&lines, g_strfreev);

  /* Valid and invalid together: a line each, in order, and status 1. */
  g_assert_cmpint (gtm_test_run_cli (both, &out), ==, 1);
  g_assert_true (g_str_has_prefix (out, ok_line));
  g_assert_true (g_str_has_prefix (out + strlen (ok_line), prefix));
  g_clear_pointer (&out, g_free);

  /* A file that does not exist. */
  {
    const char *missing[] = { "check", "/nonexistent/x.gtm", NULL };

    g_assert_cmpint (gtm_test_run_cli (missing, &out), ==, 1);
    g_assert_true (g_str_has_prefix (out, "/nonexistent/x.gtm: "));
  }
}

static void
test_check_without_files (void)
{
  const char *argv[] = { "check", NULL };
  const char *binary = g_getenv ("GTM_STUDIO_BIN");
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  /* A usage message on stderr and a non-zero status. */
  g_spawn_sync (NULL, (char *[]) { (char *) binary, (char *) argv[0], NULL }, NULL,
                G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, "check FILE"));
}

static void
test_upgrade (void)
{
  g_autoptr(GFile) old = gtm_test_get_data_file ("format-v0.gtm");
  g_autoptr(GFile) bad = gtm_test_get_data_file ("bad/boards-not-list.gtm");
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "old 旧.gtm", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.gtm", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autoptr(GFile) bad_copy = g_file_new_for_path (bad_path);
  g_autofree char *contents = NULL;
  g_autofree char *bad_before = NULL;
  g_autofree char *bad_after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  const char *upgrade[] = { "upgrade", path, NULL };
  const char *upgrade_bad[] = { "upgrade", bad_path, NULL };
  const char *check[] = { "check", path, NULL };
  g_autoptr(GError) error = NULL;

  g_file_copy (old, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_copy (bad, bad_copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"version\": 0"));
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (gtm_test_run_cli (upgrade, &out), ==, 0);
  expected = g_strdup_printf ("%s: saved in format version %d\n", path, GTM_FORMAT_VERSION);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);

  /* Rewritten as version 1, and valid. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"version\": 1"));
  g_assert_cmpint (gtm_test_run_cli (check, &out), ==, 0);
  g_clear_pointer (&out, g_free);

  /* A broken file is reported and left as it was. */
  g_assert_true (g_file_get_contents (bad_path, &bad_before, NULL, NULL));
  g_assert_cmpint (gtm_test_run_cli (upgrade_bad, &out), ==, 1);
  g_assert_true (g_str_has_prefix (out, bad_path));
  g_assert_true (g_file_get_contents (bad_path, &bad_after, NULL, NULL));
  g_assert_cmpstr (bad_before, ==, bad_after);
}

int
main (int   argc,
      char *argv[])
{
  /* No gtm_test_init(): this program needs no display either. */
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/check-sample", test_check_sample);
  g_test_add_func ("/cli/check-broken", test_check_broken);
  g_test_add_func ("/cli/check-without-files", test_check_without_files);
  g_test_add_func ("/cli/upgrade", test_upgrade);

  return gtm_test_run ();
}
