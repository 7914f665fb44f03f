/* test-save-kill.c — kill -9 a saving process at any moment: the file is
 * always one complete version, never empty, truncated or mixed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-save-kill"
#define _GNU_SOURCE /* prctl () */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gtm-save.h"

#define PAYLOAD_SIZE  (2 * 1024 * 1024)
#define HEADER_SIZE   128
#define DEFAULT_KILLS 200

/* "GTM-KILL-TEST <tag> <body size> <sha256 of body>\n", padded to
 * HEADER_SIZE, then random bytes: a payload that can tell by itself whether
 * it is whole. */
static GBytes *
make_payload (char    tag,
              GRand  *rand)
{
  guint8 *data = g_malloc (PAYLOAD_SIZE);
  g_autofree char *checksum = NULL;
  g_autofree char *header = NULL;

  for (gsize i = HEADER_SIZE; i < PAYLOAD_SIZE; i += 4)
    {
      guint32 value = g_rand_int (rand);
      memcpy (data + i, &value, 4);
    }

  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data + HEADER_SIZE,
                                          PAYLOAD_SIZE - HEADER_SIZE);
  header = g_strdup_printf ("GTM-KILL-TEST %c %d %s\n", tag, PAYLOAD_SIZE - HEADER_SIZE,
                            checksum);
  g_assert_cmpuint (strlen (header), <, HEADER_SIZE);
  memset (data, ' ', HEADER_SIZE);
  memcpy (data, header, strlen (header));

  return g_bytes_new_take (data, PAYLOAD_SIZE);
}

/* Whether @data is a whole payload, judged by its own header. */
static gboolean
payload_is_whole (const guint8 *data,
                  gsize         len)
{
  g_autofree char *header = NULL;
  g_autofree char *checksum = NULL;
  g_auto(GStrv) fields = NULL;

  if (len != PAYLOAD_SIZE)
    return FALSE;

  header = g_strndup ((const char *) data, HEADER_SIZE);
  fields = g_strsplit_set (header, " \n", -1);
  if (g_strv_length (fields) < 4 || g_strcmp0 (fields[0], "GTM-KILL-TEST") != 0 ||
      atoi (fields[2]) != PAYLOAD_SIZE - HEADER_SIZE)
    return FALSE;

  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data + HEADER_SIZE,
                                          PAYLOAD_SIZE - HEADER_SIZE);
  return g_strcmp0 (fields[3], checksum) == 0;
}

static guint
count_other_entries (const char *dir_path,
                     const char *keep)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_strcmp0 (entry, keep) != 0)
      count++;

  return count;
}

/* The child: save A, B, A, B, … until killed. Never returns. */
static void G_GNUC_NORETURN
run_writer (GFile  *file,
            GBytes *first,
            GBytes *second)
{
#ifdef PR_SET_PDEATHSIG
  /* Don't outlive a test that crashed. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif

  for (guint i = 0; ; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!gtm_save_bytes (file, i % 2 == 0 ? first : second, NULL, &error))
        {
          g_printerr ("writer: %s\n", error->message);
          _exit (1);
        }
    }
}

/* How long a writer takes from fork() to the end of its first save: what
 * a kill has to wait for to ever see a save completed, on this machine and
 * under its current load. */
static gint64
time_forked_save (GFile  *file,
                  GBytes *bytes)
{
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (gtm_save_bytes (file, bytes, NULL, NULL) ? 0 : 1);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  return g_get_monotonic_time () - start;
}

static void
test_kill_anytime (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gtm-save-kill-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GRand) payload_rand = g_rand_new_with_seed (1);
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  const char *seed_env = g_getenv ("GTM_SAVE_KILL_SEED");
  const char *kills_env = g_getenv ("GTM_SAVE_KILLS");
  guint32 seed;
  guint kills = kills_env != NULL ? (guint) atoi (kills_env) : DEFAULT_KILLS;
  guint seen_a = 0, seen_b = 0, mid_save = 0;
  gint64 save_time, max_delay, start;

  g_assert_no_error (error);
  path = g_build_filename (dir, "plan.gtm", NULL);
  file = g_file_new_for_path (path);

  seed = seed_env != NULL ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : g_random_int ();
  rand = g_rand_new_with_seed (seed);
  g_test_message ("seed %u (rerun with GTM_SAVE_KILL_SEED=%u)", seed, seed);

  a = make_payload ('A', payload_rand);
  b = make_payload ('B', payload_rand);
  g_assert_true (payload_is_whole (g_bytes_get_data (a, NULL), g_bytes_get_size (a)));
  g_assert_false (g_bytes_equal (a, b));

  /* Kill moments spread over about two saves, so they land before the
   * first write, mid-write, during fsync, around the rename and between
   * saves. The slowest of three measures keeps a busy machine (CI runs
   * tests in parallel) from killing every writer before its first save
   * completes; the cap keeps a slow disk from making the test long. */
  save_time = time_forked_save (file, b);
  save_time = MAX (save_time, time_forked_save (file, b));
  save_time = MAX (save_time, time_forked_save (file, a));
  max_delay = CLAMP (2 * save_time, 3000, 100000);
  g_test_message ("fork and one save of %d bytes take %.1f ms; kills within %.1f ms of the start",
                  PAYLOAD_SIZE, save_time / 1000.0, max_delay / 1000.0);

  start = g_get_monotonic_time ();

  for (guint kill_no = 0; kill_no < kills; kill_no++)
    {
      gboolean a_first = g_rand_boolean (rand);
      gint64 delay = g_rand_int_range (rand, 0, (gint32) max_delay);
      g_autofree char *data = NULL;
      gsize len = 0;
      guint removed;
      int status = 0;
      pid_t pid;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        run_writer (file, a_first ? a : b, a_first ? b : a);

      g_usleep (delay);
      g_assert_no_errno (kill (pid, SIGKILL));
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_error ("kill %u: the writer ended by itself (status %d) instead of being killed",
                 kill_no, status);

      g_file_get_contents (path, &data, &len, &error);
      g_assert_no_error (error);
      if (!payload_is_whole ((const guint8 *) data, len))
        g_error ("kill %u after %.3f ms (seed %u): the file is damaged (%" G_GSIZE_FORMAT
                 " bytes)", kill_no, delay / 1000.0, seed, len);

      if (len == g_bytes_get_size (a) && memcmp (data, g_bytes_get_data (a, NULL), len) == 0)
        seen_a++;
      else if (len == g_bytes_get_size (b) && memcmp (data, g_bytes_get_data (b, NULL), len) == 0)
        seen_b++;
      else
        g_error ("kill %u (seed %u): the file is neither A nor B", kill_no, seed);

      /* A writer killed mid-save leaves at most its one temporary file. */
      removed = gtm_save_cleanup_stale (file);
      g_assert_cmpuint (removed, <=, 1);
      mid_save += removed;
      g_assert_cmpuint (count_other_entries (dir, "plan.gtm"), ==, 0);
    }

  g_test_message ("%u kills in %.1f s: %u left a temporary file behind (killed mid-save), "
                  "file was A %u times, B %u times",
                  kills, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
                  mid_save, seen_a, seen_b);

  /* The kills really hit saves in progress, and saves really completed. */
  g_assert_cmpuint (mid_save, >, kills / 4);
  g_assert_cmpuint (seen_a, >, 0);
  g_assert_cmpuint (seen_b, >, 0);

  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save/kill-anytime", test_kill_anytime);

  return g_test_run ();
}
