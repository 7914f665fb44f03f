/* gtm-core-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <grp.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "gtm-core-test-utils.h"

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
