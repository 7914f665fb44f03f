/* test-save.c — saving never damages the user's file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-save"
#define _GNU_SOURCE /* unshare (), setgroups () */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "gtm-save.h"
#include "gtm-core-test-utils.h"

/* Helpers ----------------------------------------------------------------- */

static GBytes *
make_payload (gsize   size,
              guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int_range (rand, 'a', 'z' + 1);

  return g_bytes_new_take (data, size);
}

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
write_file (const char *path,
            GBytes     *content,
            mode_t      mode)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (content, &len);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  g_assert_no_errno (chmod (path, mode));
}

static void
assert_content (const char *path,
                GBytes     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  gsize expected_len;
  const char *expected_data = g_bytes_get_data (expected, &expected_len);

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (data, len, expected_data, expected_len);
}

/* Temporary files of interrupted or failed saves left in @dir. */
static guint
count_temps (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".gtm-save~"))
      count++;

  return count;
}

static guint
count_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint count = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    count++;

  return count;
}

static mode_t
file_mode (const char *path)
{
  struct stat st;

  g_assert_no_errno (lstat (path, &st));
  return st.st_mode & 07777;
}

static gboolean
save_path (const char  *path,
           GBytes      *bytes,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gtm_save_bytes (file, bytes, NULL, error);
}

/* The message names the file and gives the system's reason. */
static void
assert_message (const GError *error,
                const char   *name,
                int           errsv)
{
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, name));
  if (errsv != 0)
    g_assert_nonnull (strstr (error->message, g_strerror (errsv)));
}

/* A pid that no process has: a child that has exited and been reaped. */
static pid_t
dead_pid (void)
{
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return pid;
}

/* Whether this process may make a private mount namespace and mount a tmpfs
 * in it (root in most containers and CI machines). Probed in a throwaway
 * child so that nothing changes here. */
static gboolean
can_mount_privately (void)
{
  g_autofree char *probe = g_build_filename (g_get_tmp_dir (), "gtm-save-probe-XXXXXX", NULL);
  int status = 0;
  pid_t pid;

  if (g_mkdtemp (probe) == NULL)
    return FALSE;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      gboolean ok = unshare (CLONE_NEWNS) == 0 &&
                    mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0 &&
                    mount ("tmpfs", probe, "tmpfs", 0, "size=64k") == 0;
      _exit (ok ? 0 : 1);
    }

  waitpid (pid, &status, 0);
  g_rmdir (probe);

  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* In a test subprocess: from now on, mounts are this process's own and
 * disappear with it. */
static void
enter_private_mount_namespace (void)
{
  g_assert_no_errno (unshare (CLONE_NEWNS));
  g_assert_no_errno (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL));
}

static void
run_in_subprocess (void)
{
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Saving ------------------------------------------------------------------ */

static void
test_new_file (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *path = g_build_filename (dir, "plan.gtm", NULL);
  g_autoptr(GBytes) content = bytes_from_string ("{\"version\": 1, \"name\": \"新品发布\"}\n");
  g_autoptr(GError) error = NULL;
  mode_t mask = umask (022);

  umask (mask);

  g_assert_true (save_path (path, content, &error));
  g_assert_no_error (error);

  assert_content (path, content);
  /* A new file gets the permissions any new file of the user gets. */
  g_assert_cmpint (file_mode (path), ==, 0666 & ~mask);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  gtm_core_test_remove_tree (dir);
}

static void
test_replace_existing (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *path = g_build_filename (dir, "plan.gtm", NULL);
  g_autoptr(GBytes) old_content = make_payload (100 * 1024, 1);
  g_autoptr(GBytes) new_content = bytes_from_string ("new and shorter");
  g_autoptr(GError) error = NULL;
  g_autofree char *seen = NULL;
  gboolean root = geteuid () == 0;
  struct stat before, after;
  int reader;

  write_file (path, old_content, 0640);
  if (root)
    g_assert_no_errno (chown (path, 4242, 4343));
  g_assert_no_errno (stat (path, &before));

  /* Someone reading the file while it is saved keeps reading the old,
   * complete content: the original is never written in place. */
  reader = open (path, O_RDONLY);
  g_assert_cmpint (reader, >=, 0);

  g_assert_true (save_path (path, new_content, &error));
  g_assert_no_error (error);

  assert_content (path, new_content);
  g_assert_no_errno (stat (path, &after));
  g_assert_cmpint (after.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  if (root)
    {
      /* Root saving someone else's file leaves it theirs. */
      g_assert_cmpint (after.st_uid, ==, 4242);
      g_assert_cmpint (after.st_gid, ==, 4343);
    }

  seen = g_malloc (g_bytes_get_size (old_content));
  g_assert_cmpint (read (reader, seen, g_bytes_get_size (old_content)), ==,
                   (gssize) g_bytes_get_size (old_content));
  g_assert_cmpmem (seen, g_bytes_get_size (old_content),
                   g_bytes_get_data (old_content, NULL), g_bytes_get_size (old_content));
  close (reader);

  g_assert_cmpuint (count_entries (dir), ==, 1);

  gtm_core_test_remove_tree (dir);
}

static void
test_chinese_and_long_names (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autoptr(GBytes) content = bytes_from_string ("内容");
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *short_path = g_build_filename (dir, "产品发布计划.gtm", NULL);
  g_autofree char *long_path = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (save_path (short_path, content, &error));
  g_assert_no_error (error);
  assert_content (short_path, content);

  /* 82 three-byte characters + ".gtm": 250 bytes, close to the 255 a name
   * may have; the temporary name must still fit. */
  for (guint i = 0; i < 82; i++)
    g_string_append (long_name, "营");
  g_string_append (long_name, ".gtm");
  g_assert_cmpuint (long_name->len, ==, 250);
  long_path = g_build_filename (dir, long_name->str, NULL);

  g_assert_true (save_path (long_path, content, &error));
  g_assert_no_error (error);
  g_assert_true (save_path (long_path, content, &error));
  g_assert_no_error (error);
  assert_content (long_path, content);
  g_assert_cmpuint (count_entries (dir), ==, 2);

  gtm_core_test_remove_tree (dir);
}

/* Links ------------------------------------------------------------------- */

static void
test_symlink (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *real_dir = g_build_filename (dir, "real", NULL);
  g_autofree char *real_path = g_build_filename (real_dir, "plan.gtm", NULL);
  g_autofree char *link1 = g_build_filename (dir, "link1.gtm", NULL);
  g_autofree char *link2 = g_build_filename (dir, "link2.gtm", NULL);
  g_autofree char *target = NULL;
  g_autoptr(GBytes) old_content = bytes_from_string ("old");
  g_autoptr(GBytes) new_content = bytes_from_string ("new");
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir (real_dir, 0755));
  write_file (real_path, old_content, 0600);
  /* link2 → link1 (relative) → real/plan.gtm (absolute). */
  g_assert_no_errno (symlink (real_path, link1));
  g_assert_no_errno (symlink ("link1.gtm", link2));

  g_assert_true (save_path (link2, new_content, &error));
  g_assert_no_error (error);

  assert_content (real_path, new_content);
  g_assert_cmpint (file_mode (real_path), ==, 0600);
  g_assert_true (g_file_test (link1, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (link2, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (target, ==, "link1.gtm");
  g_clear_pointer (&target, g_free);
  target = g_file_read_link (link1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (target, ==, real_path);

  /* The temporary file lived next to the real file and is gone. */
  g_assert_cmpuint (count_entries (real_dir), ==, 1);
  g_assert_cmpuint (count_entries (dir), ==, 3);

  gtm_core_test_remove_tree (dir);
}

static void
test_symlink_dangling (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *link = g_build_filename (dir, "link.gtm", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.gtm", NULL);
  g_autoptr(GBytes) content = bytes_from_string ("created through the link");
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (symlink ("missing.gtm", link));

  g_assert_true (save_path (link, content, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_content (missing, content);
  assert_content (link, content);

  gtm_core_test_remove_tree (dir);
}

static void
test_symlink_loop (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *a = g_build_filename (dir, "a.gtm", NULL);
  g_autofree char *b = g_build_filename (dir, "b.gtm", NULL);
  g_autoptr(GBytes) content = bytes_from_string ("x");
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (symlink ("b.gtm", a));
  g_assert_no_errno (symlink ("a.gtm", b));

  g_assert_false (save_path (a, content, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_FAILED);
  assert_message (error, "a.gtm", ELOOP);

  g_assert_true (g_file_test (a, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpuint (count_entries (dir), ==, 2);

  gtm_core_test_remove_tree (dir);
}

static void
test_hard_link (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *path = g_build_filename (dir, "plan.gtm", NULL);
  g_autofree char *other = g_build_filename (dir, "copy.gtm", NULL);
  g_autoptr(GBytes) old_content = bytes_from_string ("shared by two names");
  g_autoptr(GBytes) new_content = bytes_from_string ("new");
  g_autoptr(GError) error = NULL;
  struct stat st;

  write_file (path, old_content, 0644);
  g_assert_no_errno (link (path, other));

  g_assert_false (save_path (path, new_content, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_HARD_LINKS);
  assert_message (error, "plan.gtm", 0);
  /* The way out is in the message (checked where it isn't translated). */
  if (g_str_has_prefix (error->message, "Could not save"))
    g_assert_nonnull (strstr (error->message, "Save As"));

  assert_content (path, old_content);
  assert_content (other, old_content);
  g_assert_no_errno (stat (path, &st));
  g_assert_cmpuint (st.st_nlink, ==, 2);
  g_assert_cmpuint (count_temps (dir), ==, 0);

  gtm_core_test_remove_tree (dir);
}

/* Refusals and failures --------------------------------------------------- */

static void
test_not_regular (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *folder = g_build_filename (dir, "folder.gtm", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.gtm", NULL);
  g_autofree char *link = g_build_filename (dir, "device.gtm", NULL);
  g_autoptr(GBytes) content = bytes_from_string ("x");
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir (folder, 0755));
  g_assert_false (save_path (folder, content, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_NOT_REGULAR);
  assert_message (error, "folder.gtm", 0);
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* Opening a pipe with no writer would block forever: the save must refuse
   * it without opening it. */
  g_assert_no_errno (mkfifo (fifo, 0644));
  g_assert_false (save_path (fifo, content, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_NOT_REGULAR);
  assert_message (error, "pipe.gtm", 0);
  g_clear_error (&error);

  /* A device, reached through a link. */
  g_assert_no_errno (symlink ("/dev/null", link));
  g_assert_false (save_path (link, content, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_NOT_REGULAR);
  assert_message (error, "device.gtm", 0);
  g_clear_error (&error);

  g_assert_cmpuint (count_entries (dir), ==, 3);

  gtm_core_test_remove_tree (dir);
}

static void
test_not_local (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri ("https://example.com/plan.gtm");
  g_autoptr(GBytes) content = bytes_from_string ("x");
  g_autoptr(GError) error = NULL;

  g_assert_false (gtm_save_bytes (file, content, NULL, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_NOT_LOCAL);
  g_assert_nonnull (strstr (error->message, "plan.gtm"));
}

static void
test_missing_folder (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *path = g_build_filename (dir, "gone", "plan.gtm", NULL);
  g_autoptr(GBytes) content = bytes_from_string ("x");
  g_autoptr(GError) error = NULL;

  g_assert_false (save_path (path, content, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_FAILED);
  assert_message (error, "plan.gtm", ENOENT);
  g_assert_nonnull (strstr (error->message, "gone"));
  g_assert_cmpuint (count_entries (dir), ==, 0);

  gtm_core_test_remove_tree (dir);
}

static void
test_folder_is_a_file (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *not_folder = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *path = g_build_filename (not_folder, "plan.gtm", NULL);
  g_autoptr(GBytes) old_content = bytes_from_string ("a file where a folder should be");
  g_autoptr(GBytes) content = bytes_from_string ("x");
  g_autoptr(GError) error = NULL;

  write_file (not_folder, old_content, 0644);

  g_assert_false (save_path (path, content, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_FAILED);
  assert_message (error, "plan.gtm", ENOTDIR);

  assert_content (not_folder, old_content);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  gtm_core_test_remove_tree (dir);
}

/* An existing file in a folder the user may not write: the save fails with a
 * permission error and the file is untouched. */
static void
test_unwritable_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) old_content = bytes_from_string ("keep me");
  g_autoptr(GBytes) new_content = make_payload (4096, 2);
  g_autoptr(GError) error = NULL;

  if (!gtm_core_test_run_as_ordinary_user ())
    return;

  dir = gtm_core_test_make_dir ("gtm-save");
  path = g_build_filename (dir, "plan.gtm", NULL);
  write_file (path, old_content, 0644);
  g_assert_no_errno (chmod (dir, 0555));

  g_assert_false (save_path (path, new_content, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_PERMISSION_DENIED);
  assert_message (error, "plan.gtm", EACCES);

  assert_content (path, old_content);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  gtm_core_test_remove_tree (dir);
}

/* A read-only file in a writable folder: a rename could replace it, but
 * read-only is how users protect a file, so the save is refused. Root may
 * write any file, and saves it, keeping the mode. */
static void
test_read_only_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) old_content = bytes_from_string ("protected");
  g_autoptr(GBytes) new_content = bytes_from_string ("new");
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0 && !g_test_subprocess ())
    {
      dir = gtm_core_test_make_dir ("gtm-save");
      path = g_build_filename (dir, "plan.gtm", NULL);
      write_file (path, old_content, 0444);
      g_assert_true (save_path (path, new_content, &error));
      g_assert_no_error (error);
      assert_content (path, new_content);
      g_assert_cmpint (file_mode (path), ==, 0444);
      gtm_core_test_remove_tree (dir);
      g_clear_pointer (&dir, g_free);
      g_clear_pointer (&path, g_free);
    }

  if (!gtm_core_test_run_as_ordinary_user ())
    return;

  dir = gtm_core_test_make_dir ("gtm-save");
  path = g_build_filename (dir, "plan.gtm", NULL);
  write_file (path, old_content, 0444);

  g_assert_false (save_path (path, new_content, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_PERMISSION_DENIED);
  assert_message (error, "plan.gtm", EACCES);

  assert_content (path, old_content);
  g_assert_cmpint (file_mode (path), ==, 0444);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  gtm_core_test_remove_tree (dir);
}

/* A real full disk: a 64 KiB tmpfs. The write fails midway with ENOSPC. */
static void
test_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *new_path = NULL;
  g_autoptr(GBytes) old_content = make_payload (8 * 1024, 3);
  g_autoptr(GBytes) new_content = make_payload (512 * 1024, 4);
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      if (!can_mount_privately ())
        {
          g_test_skip ("no mount namespaces here; /save/file-too-large fails a save midway");
          return;
        }
      run_in_subprocess ();
      return;
    }

  enter_private_mount_namespace ();
  dir = gtm_core_test_make_dir ("gtm-save");
  g_assert_no_errno (mount ("tmpfs", dir, "tmpfs", 0, "size=64k,mode=0755"));

  path = g_build_filename (dir, "plan.gtm", NULL);
  write_file (path, old_content, 0644);

  g_assert_false (save_path (path, new_content, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_NO_SPACE);
  assert_message (error, "plan.gtm", ENOSPC);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  assert_content (path, old_content);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* A new file that doesn't fit leaves nothing behind either. */
  new_path = g_build_filename (dir, "new.gtm", NULL);
  g_assert_false (save_path (new_path, new_content, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_NO_SPACE);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* Once there is room again, saving works. */
  g_clear_error (&error);
  g_assert_no_errno (mount (NULL, dir, NULL, MS_REMOUNT, "size=2m"));
  g_assert_true (save_path (path, new_content, &error));
  g_assert_no_error (error);
  assert_content (path, new_content);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_no_errno (umount (dir));
  gtm_core_test_remove_tree (dir);
}

/* A read-only disk: the folder's file system is remounted read-only. */
static void
test_read_only_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) old_content = bytes_from_string ("written before the disk became read-only");
  g_autoptr(GBytes) new_content = bytes_from_string ("x");
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      if (!can_mount_privately ())
        {
          g_test_skip ("no mount namespaces here");
          return;
        }
      run_in_subprocess ();
      return;
    }

  enter_private_mount_namespace ();
  dir = gtm_core_test_make_dir ("gtm-save");
  g_assert_no_errno (mount ("tmpfs", dir, "tmpfs", 0, "size=1m,mode=0755"));
  path = g_build_filename (dir, "plan.gtm", NULL);
  write_file (path, old_content, 0644);
  g_assert_no_errno (mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL));

  g_assert_false (save_path (path, new_content, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_PERMISSION_DENIED);
  assert_message (error, "plan.gtm", EROFS);
  assert_content (path, old_content);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_no_errno (umount (dir));
  gtm_core_test_remove_tree (dir);
}

/* The save fails midway without any privilege: with RLIMIT_FSIZE the kernel
 * accepts part of the first write (a short write) and refuses the next with
 * EFBIG. Run in a subprocess so the limit doesn't outlive the test. */
static void
test_file_too_large (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) old_content = make_payload (1000, 5);
  g_autoptr(GBytes) new_content = make_payload (3 * 1024 * 1024 + 7, 6);
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 256 * 1024, 256 * 1024 };

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  dir = gtm_core_test_make_dir ("gtm-save");
  path = g_build_filename (dir, "plan.gtm", NULL);
  write_file (path, old_content, 0644);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limit));

  g_assert_false (save_path (path, new_content, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_NO_SPACE);
  assert_message (error, "plan.gtm", EFBIG);

  assert_content (path, old_content);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  gtm_core_test_remove_tree (dir);
}

/* Cancellation ------------------------------------------------------------ */

typedef struct
{
  GMainLoop *loop;
  GThread   *thread;
  gboolean   in_context;
  gboolean   done;
  gboolean   ok;
  GError    *error;
} AsyncState;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *state = user_data;

  state->thread = g_thread_self ();
  state->in_context = g_main_context_is_owner (g_main_loop_get_context (state->loop));
  state->ok = gtm_save_bytes_finish (G_FILE (source), result, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static void
save_async_and_wait (GFile        *file,
                     GBytes       *bytes,
                     GCancellable *cancellable,
                     AsyncState   *state)
{
  state->loop = g_main_loop_new (g_main_context_get_thread_default (), FALSE);
  gtm_save_bytes_async (file, bytes, cancellable, on_saved, state);
  /* The callback never runs before the caller's main loop does. */
  g_assert_false (state->done);
  g_main_loop_run (state->loop);
  g_clear_pointer (&state->loop, g_main_loop_unref);
}

static void
test_cancel_before (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *path = g_build_filename (dir, "plan.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) old_content = bytes_from_string ("old");
  g_autoptr(GBytes) new_content = bytes_from_string ("new");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };

  write_file (path, old_content, 0644);
  g_cancellable_cancel (cancellable);

  g_assert_false (gtm_save_bytes (file, new_content, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_message (error, "plan.gtm", 0);
  assert_content (path, old_content);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  save_async_and_wait (file, new_content, cancellable, &state);
  g_assert_false (state.ok);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  assert_content (path, old_content);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  gtm_core_test_remove_tree (dir);
}

static void
test_cancel_after (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *path = g_build_filename (dir, "plan.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) old_content = bytes_from_string ("old");
  g_autoptr(GBytes) new_content = make_payload (64 * 1024, 7);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  write_file (path, old_content, 0644);

  g_assert_true (gtm_save_bytes (file, new_content, cancellable, &error));
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);

  assert_content (path, new_content);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  gtm_core_test_remove_tree (dir);
}

/* Cancelling while a big save runs in the worker: whatever moment the cancel
 * lands at, the file is the old content with an error or the new content
 * with success — never anything else — and no temporary file is left. */
static void
test_cancel_during (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *path = g_build_filename (dir, "plan.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) old_content = make_payload (1024, 8);
  g_autoptr(GBytes) new_content = make_payload (8 * 1024 * 1024, 9);
  guint cancelled = 0;

  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      AsyncState state = { 0 };

      write_file (path, old_content, 0644);
      state.loop = g_main_loop_new (NULL, FALSE);
      gtm_save_bytes_async (file, new_content, cancellable, on_saved, &state);
      g_usleep (round * 2000);
      g_cancellable_cancel (cancellable);
      g_main_loop_run (state.loop);
      g_clear_pointer (&state.loop, g_main_loop_unref);

      if (state.ok)
        {
          assert_content (path, new_content);
        }
      else
        {
          g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_clear_error (&state.error);
          assert_content (path, old_content);
          cancelled++;
        }
      g_assert_cmpuint (count_entries (dir), ==, 1);
    }

  g_test_message ("%u of 6 saves were cancelled", cancelled);
  gtm_core_test_remove_tree (dir);
}

/* Asynchronous saving ----------------------------------------------------- */

static void
test_async (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *path = g_build_filename (dir, "plan.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) old_content = bytes_from_string ("old");
  g_autoptr(GBytes) new_content = make_payload (2 * 1024 * 1024, 10);
  AsyncState state = { 0 };

  write_file (path, old_content, 0644);

  save_async_and_wait (file, new_content, NULL, &state);
  g_assert_true (state.ok);
  g_assert_no_error (state.error);
  g_assert_true (state.thread == g_thread_self ());
  g_assert_true (state.in_context);

  assert_content (path, new_content);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  gtm_core_test_remove_tree (dir);
}

typedef struct
{
  GFile  *file;
  GBytes *bytes;
  AsyncState state;
  GMainContext *context;
} ThreadJob;

static gpointer
save_from_thread (gpointer data)
{
  ThreadJob *job = data;

  job->context = g_main_context_new ();
  g_main_context_push_thread_default (job->context);
  save_async_and_wait (job->file, job->bytes, NULL, &job->state);
  g_main_context_pop_thread_default (job->context);

  return NULL;
}

/* Started from a thread with its own main context, the callback runs in that
 * thread and context, not the main one. */
static void
test_async_from_thread (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *path = g_build_filename (dir, "plan.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) content = make_payload (1024 * 1024, 11);
  ThreadJob job = { file, content, { 0 }, NULL };
  GThread *thread;

  thread = g_thread_new ("save-caller", save_from_thread, &job);
  g_thread_join (thread);

  g_assert_true (job.state.ok);
  g_assert_no_error (job.state.error);
  g_assert_true (job.state.thread == thread);
  g_assert_true (job.state.in_context);
  g_main_context_unref (job.context);

  assert_content (path, content);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  gtm_core_test_remove_tree (dir);
}

/* Two saves of the same file racing: the file ends as one of them. */
static void
test_async_concurrent (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *path = g_build_filename (dir, "plan.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) a = make_payload (3 * 1024 * 1024, 12);
  g_autoptr(GBytes) b = make_payload (3 * 1024 * 1024, 13);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncState first = { loop }, second = { loop };
  g_autoptr(GBytes) result = NULL;
  g_autofree char *data = NULL;
  gsize len;

  gtm_save_bytes_async (file, a, NULL, on_saved, &first);
  gtm_save_bytes_async (file, b, NULL, on_saved, &second);
  while (!first.done || !second.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (first.ok);
  g_assert_true (second.ok);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  result = g_bytes_new_take (g_steal_pointer (&data), len);
  g_assert_true (g_bytes_equal (result, a) || g_bytes_equal (result, b));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  gtm_core_test_remove_tree (dir);
}

/* Cleaning up after interrupted saves -------------------------------------- */

static char *
make_temp (const char *dir,
           const char *name,
           const char *pid,
           const char *random)
{
  g_autofree char *temp_name = g_strdup_printf (".%s.%s-%s.gtm-save~", name, pid, random);
  g_autoptr(GBytes) content = bytes_from_string ("half a save");
  char *path = g_build_filename (dir, temp_name, NULL);

  write_file (path, content, 0600);
  return path;
}

static void
test_cleanup_stale (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *path = g_build_filename (dir, "plan.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) content = bytes_from_string ("the user's file");
  g_autofree char *dead = g_strdup_printf ("%d", (int) dead_pid ());
  g_autofree char *alive = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *dead_temp = make_temp (dir, "plan.gtm", dead, "0badf00d");
  g_autofree char *live_temp = make_temp (dir, "plan.gtm", alive, "0000beef");
  g_autofree char *old_temp = make_temp (dir, "plan.gtm", alive, "00000001");
  g_autofree char *locked_temp = make_temp (dir, "plan.gtm", dead, "00c0ffee");
  g_autofree char *other_temp = make_temp (dir, "other.gtm", dead, "12345678");
  g_autofree char *bad_pid_temp = make_temp (dir, "plan.gtm", "abc", "12345678");
  g_autofree char *dir_temp = g_strdup_printf ("%s/.plan.gtm.%s-87654321.gtm-save~", dir, dead);
  gint64 two_days_ago = g_get_real_time () / G_USEC_PER_SEC - 2 * 24 * 60 * 60;
  struct utimbuf times = { (time_t) two_days_ago, (time_t) two_days_ago };
  int locked_fd;

  write_file (path, content, 0644);
  g_assert_no_errno (utime (old_temp, &times));
  g_assert_no_errno (g_mkdir (dir_temp, 0755));

  /* A writer whose pid we can't see (another pid namespace) but which still
   * holds its temporary file's lock. */
  locked_fd = open (locked_temp, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (locked_fd, >=, 0);
  g_assert_no_errno (flock (locked_fd, LOCK_EX));

  g_assert_cmpuint (gtm_save_cleanup_stale (file), ==, 2);

  g_assert_false (g_file_test (dead_temp, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_temp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live_temp, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (locked_temp, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (other_temp, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (bad_pid_temp, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (dir_temp, G_FILE_TEST_IS_DIR));
  assert_content (path, content);

  /* Nothing left to do: the survivors are still not stale. */
  g_assert_cmpuint (gtm_save_cleanup_stale (file), ==, 0);

  /* Once the writer is gone its file goes too. */
  close (locked_fd);
  g_assert_cmpuint (gtm_save_cleanup_stale (file), ==, 1);
  g_assert_false (g_file_test (locked_temp, G_FILE_TEST_EXISTS));

  gtm_core_test_remove_tree (dir);
}

/* Temporary files are next to the real file, so cleanup through a link
 * looks there. */
static void
test_cleanup_through_symlink (void)
{
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-save");
  g_autofree char *real_dir = g_build_filename (dir, "real", NULL);
  g_autofree char *real_path = g_build_filename (real_dir, "plan.gtm", NULL);
  g_autofree char *link = g_build_filename (dir, "link.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GBytes) content = bytes_from_string ("x");
  g_autofree char *dead = g_strdup_printf ("%d", (int) dead_pid ());
  g_autofree char *temp = NULL;

  g_assert_no_errno (g_mkdir (real_dir, 0755));
  write_file (real_path, content, 0644);
  g_assert_no_errno (symlink ("real/plan.gtm", link));
  temp = make_temp (real_dir, "plan.gtm", dead, "aaaaaaaa");

  g_assert_cmpuint (gtm_save_cleanup_stale (file), ==, 1);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (real_dir), ==, 1);

  gtm_core_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save/new-file", test_new_file);
  g_test_add_func ("/save/replace-existing", test_replace_existing);
  g_test_add_func ("/save/chinese-and-long-names", test_chinese_and_long_names);
  g_test_add_func ("/save/symlink", test_symlink);
  g_test_add_func ("/save/symlink-dangling", test_symlink_dangling);
  g_test_add_func ("/save/symlink-loop", test_symlink_loop);
  g_test_add_func ("/save/hard-link", test_hard_link);
  g_test_add_func ("/save/not-regular", test_not_regular);
  g_test_add_func ("/save/not-local", test_not_local);
  g_test_add_func ("/save/missing-folder", test_missing_folder);
  g_test_add_func ("/save/folder-is-a-file", test_folder_is_a_file);
  g_test_add_func ("/save/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/save/read-only-file", test_read_only_file);
  g_test_add_func ("/save/disk-full", test_disk_full);
  g_test_add_func ("/save/read-only-disk", test_read_only_disk);
  g_test_add_func ("/save/file-too-large", test_file_too_large);
  g_test_add_func ("/save/cancel-before", test_cancel_before);
  g_test_add_func ("/save/cancel-after", test_cancel_after);
  g_test_add_func ("/save/cancel-during", test_cancel_during);
  g_test_add_func ("/save/async", test_async);
  g_test_add_func ("/save/async-from-thread", test_async_from_thread);
  g_test_add_func ("/save/async-concurrent", test_async_concurrent);
  g_test_add_func ("/save/cleanup-stale", test_cleanup_stale);
  g_test_add_func ("/save/cleanup-through-symlink", test_cleanup_through_symlink);

  return g_test_run ();
}
