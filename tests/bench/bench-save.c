/* bench-save.c — how long a safe save of 1 MB and 20 MB takes
 *
 * Prints figures; asserts nothing. Usage: bench-save [FOLDER]
 * (default: the temporary folder; the file system matters, since every
 * save syncs the file and its folder to disk). With GTM_BENCH_SMOKE=1
 * it saves 1 MB three times and 2 MB twice instead (a smoke run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-save"

#include "config.h"

#include <errno.h>
#include <sys/vfs.h>

#include <glib/gstdio.h>

#include "bench-common.h"

#include "gtm-save.h"

static const char *
file_system_name (const char *folder)
{
  struct statfs st;

  if (statfs (folder, &st) != 0)
    return "unknown";

  switch ((unsigned long) st.f_type)
    {
    case 0xEF53:     return "ext2/3/4";
    case 0x01021994: return "tmpfs";
    case 0x9123683E: return "btrfs";
    case 0x58465342: return "xfs";
    case 0x794C7630: return "overlayfs";
    case 0x6969:     return "nfs";
    case 0x65735546: return "fuse";
    default:         return "other";
    }
}

static void
bench (const char *folder,
       gsize       size,
       guint       runs)
{
  g_autofree char *path = g_build_filename (folder, "bench-save.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree double *times = g_new (double, runs);
  g_autoptr(GBytes) bytes = NULL;
  guint8 *data = g_malloc (size);
  double median_ms;

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) ('a' + i % 26);
  bytes = g_bytes_new_take (data, size);

  /* The first save creates the file; the timed ones replace it, as saving
   * an open project does. */
  for (guint run = 0; run <= runs; run++)
    {
      g_autoptr(GError) error = NULL;
      double start = bench_now_us ();

      if (!gtm_save_bytes (file, bytes, NULL, &error))
        g_error ("%s", error->message);
      if (run > 0)
        times[run - 1] = (bench_now_us () - start) / 1000;
    }

  g_unlink (path);

  median_ms = bench_median (times, runs);
  g_print ("save %2" G_GSIZE_FORMAT " MB: median %7.2f ms (min %.2f, max %.2f, N=%u), %.0f MB/s\n",
           size / (1024 * 1024), median_ms,
           bench_percentile (times, runs, 0), bench_percentile (times, runs, 1),
           runs, (size / (1024.0 * 1024.0)) / (median_ms / 1000.0));
}

int
main (int   argc,
      char *argv[])
{
  const char *folder = argc > 1 ? argv[1] : g_get_tmp_dir ();
  g_autofree char *dir = g_build_filename (folder, "gtm-bench-save-XXXXXX", NULL);

  if (g_mkdtemp (dir) == NULL)
    {
      g_printerr ("bench-save: can't make a folder in %s: %s\n", folder, g_strerror (errno));
      return 1;
    }

  g_print ("bench-save: safe save (temp file, fsync, rename, folder fsync) in %s (%s)\n",
           folder, file_system_name (folder));
  if (bench_smoke ())
    {
      bench (dir, 1024 * 1024, 3);
      bench (dir, 2 * 1024 * 1024, 2);
    }
  else
    {
      bench (dir, 1024 * 1024, 21);
      bench (dir, 20 * 1024 * 1024, 7);
    }

  g_rmdir (dir);

  return 0;
}
