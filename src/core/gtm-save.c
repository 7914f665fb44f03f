/* gtm-save.c — write bytes to a file without ever damaging the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-save"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gtm-save.h"

/* Plain POSIX rather than g_file_replace(): GIO falls back to truncating the
 * file in place for symlinks, hard links and unwritable folders, and a crash
 * then leaves an empty or half-written file. Here the original is never
 * opened for writing: a complete, synced copy takes its name in one rename. */

#define TEMP_SUFFIX        ".gtm-save~"
#define MAX_LINK_DEPTH     40          /* the kernel's own limit (MAXSYMLINKS) */
#define MAX_NAME_IN_TEMP   200         /* bytes of the file name kept in the temp name */
#define MAX_TEMP_ATTEMPTS  100
#define STALE_AGE_SECONDS  (24 * 60 * 60)
#define WRITE_CHUNK        (1024 * 1024) /* cancellation is checked between chunks */

G_DEFINE_QUARK (gtm-save-error-quark, gtm_save_error)

static void
set_cancelled_error (GError     **error,
                     const char  *display_name)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
               _("Saving “%s” was cancelled"), display_name);
}

/* Turns the errno of a failed step into a message a user can act on. @folder
 * is the folder the step worked in (in the file system's encoding). */
static void
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *display_name,
                 const char  *folder)
{
  g_autofree char *display_folder = g_filename_display_name (folder);
  const char *reason = g_strerror (errsv);

  switch (errsv)
    {
    case ECANCELED:
      set_cancelled_error (error, display_name);
      break;

    case ENOSPC:
      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_NO_SPACE,
                   _("Could not save “%s”: the disk is full (%s)"),
                   display_name, reason);
      break;

    case EDQUOT:
      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_NO_SPACE,
                   _("Could not save “%s”: your disk quota is used up (%s)"),
                   display_name, reason);
      break;

    case EFBIG:
      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_NO_SPACE,
                   _("Could not save “%s”: the file is larger than this disk or this "
                     "program may write (%s)"),
                   display_name, reason);
      break;

    case EROFS:
      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_PERMISSION_DENIED,
                   _("Could not save “%s”: the folder “%s” is on a read-only disk (%s)"),
                   display_name, display_folder, reason);
      break;

    case EACCES:
    case EPERM:
      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_PERMISSION_DENIED,
                   _("Could not save “%s”: you do not have permission to write in the "
                     "folder “%s” (%s)"),
                   display_name, display_folder, reason);
      break;

    case ENOENT:
      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_FAILED,
                   _("Could not save “%s”: the folder “%s” does not exist or was removed "
                     "while saving (%s)"),
                   display_name, display_folder, reason);
      break;

    case ENOTDIR:
      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_FAILED,
                   _("Could not save “%s”: part of the path “%s” is not a folder (%s)"),
                   display_name, display_folder, reason);
      break;

    case ELOOP:
      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_FAILED,
                   _("Could not save “%s”: it is a symbolic link that leads in a circle "
                     "or through too many other links (%s)"),
                   display_name, reason);
      break;

    case ENAMETOOLONG:
      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_FAILED,
                   _("Could not save “%s”: the name or the folder path is too long (%s)"),
                   display_name, reason);
      break;

    case EIO:
      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_FAILED,
                   _("Could not save “%s”: the disk reported an error while writing (%s)"),
                   display_name, reason);
      break;

    default:
      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_FAILED,
                   _("Could not save “%s”: %s"),
                   display_name, reason);
      break;
    }
}

static void
set_not_regular_error (GError     **error,
                       mode_t       mode,
                       const char  *display_name)
{
  const char *format;

  if (S_ISDIR (mode))
    format = _("Could not save “%s”: a folder already has that name");
  else if (S_ISFIFO (mode))
    format = _("Could not save “%s”: it is a pipe, not a regular file");
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    format = _("Could not save “%s”: it is a device, not a regular file");
  else if (S_ISSOCK (mode))
    format = _("Could not save “%s”: it is a socket, not a regular file");
  else
    format = _("Could not save “%s”: it is not a regular file");

  g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_NOT_REGULAR, format, display_name);
}

static char *
read_link (const char *path,
           int        *errsv)
{
  for (gsize size = 256; size <= 65536; size *= 2)
    {
      g_autofree char *buffer = g_malloc (size);
      gssize n = readlink (path, buffer, size);

      if (n < 0)
        {
          *errsv = errno;
          return NULL;
        }

      if ((gsize) n < size)
        {
          buffer[n] = '\0';
          return g_steal_pointer (&buffer);
        }
    }

  *errsv = ENAMETOOLONG;
  return NULL;
}

/* Follows symbolic links from @path to the file they end at, so that the new
 * content replaces the real file and every link keeps pointing at it. On
 * success *@exists says whether that file exists and @st describes it (never
 * a link). A link to a missing file resolves to that missing file: saving
 * then creates it, as writing through a dangling link does in a shell. */
static gboolean
resolve_target (const char   *path,
                char        **real_path,
                struct stat  *st,
                gboolean     *exists,
                int          *errsv)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; ; depth++)
    {
      g_autofree char *link = NULL;

      if (lstat (current, st) != 0)
        {
          if (errno != ENOENT)
            {
              *errsv = errno;
              return FALSE;
            }

          *exists = FALSE;
          *real_path = g_steal_pointer (&current);
          return TRUE;
        }

      if (!S_ISLNK (st->st_mode))
        {
          *exists = TRUE;
          *real_path = g_steal_pointer (&current);
          return TRUE;
        }

      if (depth >= MAX_LINK_DEPTH)
        {
          *errsv = ELOOP;
          return FALSE;
        }

      link = read_link (current, errsv);
      if (link == NULL)
        return FALSE;

      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
      else
        {
          g_autofree char *folder = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (folder, link, NULL);
        }
    }
}

/* ".<name>." — what every temporary file of @name starts with. Very long
 * names are cut (at a character boundary when the name is UTF-8) so that the
 * temporary name stays within the 255 bytes a file name may have. */
static char *
temp_prefix (const char *name)
{
  gsize len = strlen (name);

  if (len > MAX_NAME_IN_TEMP)
    {
      len = MAX_NAME_IN_TEMP;
      while (len > 0 && ((guchar) name[len] & 0xC0) == 0x80)
        len--;
    }

  return g_strdup_printf (".%.*s.", (int) len, name);
}

/* Parses ".<name>.<pid>-<8 hex digits>.gtm-save~" for the given prefix. */
static gboolean
parse_temp_name (const char *entry,
                 const char *prefix,
                 pid_t      *pid)
{
  gsize prefix_len = strlen (prefix);
  gsize suffix_len = strlen (TEMP_SUFFIX);
  gsize entry_len = strlen (entry);
  g_autofree char *middle = NULL;
  const char *dash;
  guint64 value;

  if (entry_len <= prefix_len + suffix_len ||
      !g_str_has_prefix (entry, prefix) ||
      !g_str_has_suffix (entry, TEMP_SUFFIX))
    return FALSE;

  middle = g_strndup (entry + prefix_len, entry_len - prefix_len - suffix_len);
  dash = strchr (middle, '-');
  if (dash == NULL || strlen (dash + 1) != 8)
    return FALSE;

  for (const char *p = dash + 1; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;

  for (const char *p = middle; p < dash; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  if (dash == middle || dash - middle > 10)
    return FALSE;

  value = g_ascii_strtoull (middle, NULL, 10);
  if (value == 0 || value > G_MAXINT)
    return FALSE;

  *pid = (pid_t) value;
  return TRUE;
}

/* Creates a new temporary file in @folder for @name; returns its descriptor
 * or -1 with *@errsv set. O_EXCL|O_NOFOLLOW: never write through something
 * that already has the name, be it a file, a link or a pipe. */
static int
open_temp (const char  *folder,
           const char  *name,
           mode_t       mode,
           char       **temp_path,
           int         *errsv)
{
  g_autofree char *prefix = temp_prefix (name);

  for (guint attempt = 0; attempt < MAX_TEMP_ATTEMPTS; attempt++)
    {
      g_autofree char *temp_name = g_strdup_printf ("%s%ld-%08x" TEMP_SUFFIX,
                                                    prefix, (long) getpid (),
                                                    g_random_int ());
      g_autofree char *candidate = g_build_filename (folder, temp_name, NULL);
      int fd;

      do
        fd = open (candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
      while (fd < 0 && errno == EINTR);

      if (fd >= 0)
        {
          /* The lock tells gtm_save_cleanup_stale() that a writer still owns
           * this file even when it can't see the writer's pid (another pid
           * namespace, such as a second sandboxed instance, or another
           * machine sharing the folder). The kernel drops it when the
           * process dies, kill -9 included. A file system without locks
           * leaves only the pid test, so a failure here is not an error. */
          (void) flock (fd, LOCK_EX | LOCK_NB);
          *temp_path = g_steal_pointer (&candidate);
          return fd;
        }

      if (errno != EEXIST)
        break;
    }

  *errsv = errno;
  return -1;
}

static int
write_all (int            fd,
           const guint8  *data,
           gsize          len,
           GCancellable  *cancellable)
{
  while (len > 0)
    {
      gssize n;

      if (g_cancellable_is_cancelled (cancellable))
        return ECANCELED;

      n = write (fd, data, MIN (len, WRITE_CHUNK));
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return errno;
        }

      /* A regular file that takes nothing has no room left. */
      if (n == 0)
        return ENOSPC;

      data += n;
      len -= n;
    }

  return 0;
}

/* Writes, syncs and closes the temporary file; returns 0 or an errno
 * (ECANCELED for cancellation). @fd is closed in every case. */
static int
fill_temp (int                fd,
           GBytes            *bytes,
           const struct stat *original,
           GCancellable      *cancellable)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  int errsv;

  errsv = write_all (fd, data, len, cancellable);

  if (errsv == 0 && original != NULL)
    {
      /* Keep the original's owner and permissions. Both only fail where they
       * can't matter more than the content: chown when the user isn't root
       * (the file becomes theirs, as with every editor that saves safely),
       * chmod on disks without Unix permissions (FAT, some network shares).
       * The set-id bits are not carried over: a document is not a program. */
      if (original->st_uid != geteuid () || original->st_gid != getegid ())
        (void) fchown (fd, original->st_uid, original->st_gid);
      (void) fchmod (fd, original->st_mode & (S_IRWXU | S_IRWXG | S_IRWXO));
    }

  if (errsv == 0 && g_cancellable_is_cancelled (cancellable))
    errsv = ECANCELED;

  if (errsv == 0)
    {
      int r;

      do
        r = fsync (fd);
      while (r != 0 && errno == EINTR);

      if (r != 0)
        errsv = errno;
    }

  /* close() can report a delayed write error (NFS); count it. */
  if (close (fd) != 0 && errsv == 0 && errno != EINTR)
    errsv = errno;

  return errsv;
}

/* Makes the rename itself durable. Some file systems can't sync a folder
 * (EINVAL) and a folder may be writable but not readable; the new content
 * is in place by now, so only a real disk error is worth reporting. */
static int
sync_folder (const char *folder)
{
  int errsv = 0;
  int fd;

  fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return 0;

  if (fsync (fd) != 0 && errno == EIO)
    errsv = EIO;

  close (fd);

  return errsv;
}

/**
 * gtm_save_bytes:
 * @file: the file to save to
 * @bytes: the complete new content
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces the content of @file by @bytes atomically: if this fails or the
 * process dies at any moment, @file holds its old content or the new one,
 * complete. Symbolic links are followed and kept. A file with other hard
 * links is refused (%GTM_SAVE_ERROR_HARD_LINKS), as are a read-only file
 * (%GTM_SAVE_ERROR_PERMISSION_DENIED) and anything that is not a regular
 * file (%GTM_SAVE_ERROR_NOT_REGULAR). Blocks: call it from a worker thread
 * or use gtm_save_bytes_async().
 *
 * Returns: %TRUE once the new content is on disk
 */
gboolean
gtm_save_bytes (GFile         *file,
                GBytes        *bytes,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temp_path = NULL;
  struct stat st;
  gboolean exists = FALSE;
  int errsv = 0;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);

      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_NOT_LOCAL,
                   _("Could not save “%s”: only files on this computer or on a mounted "
                     "drive can be saved"),
                   parse_name);
      return FALSE;
    }

  display_name = g_filename_display_basename (path);

  if (g_cancellable_is_cancelled (cancellable))
    {
      set_cancelled_error (error, display_name);
      return FALSE;
    }

  if (!resolve_target (path, &real_path, &st, &exists, &errsv))
    {
      g_autofree char *given_folder = g_path_get_dirname (path);

      set_errno_error (error, errsv, display_name, given_folder);
      return FALSE;
    }

  folder = g_path_get_dirname (real_path);
  name = g_path_get_basename (real_path);

  if (exists && !S_ISREG (st.st_mode))
    {
      set_not_regular_error (error, st.st_mode, display_name);
      return FALSE;
    }

  /* Several hard links are several names for one file. Renaming a new file
   * over one of them would give that name new content and leave the other
   * names on the old one: the file the user thinks of as one would silently
   * become two. Writing in place would keep the links but give up the
   * atomicity this module exists for: a crash would then damage the file
   * under every name at once. Neither should happen behind the user's back,
   * so refuse and let the user choose a new name. */
  if (exists && st.st_nlink > 1)
    {
      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_HARD_LINKS,
                   _("Could not save “%s”: the file has other hard links; saving would "
                     "separate them. Use Save As."),
                   display_name);
      return FALSE;
    }

  /* The folder would let a rename replace a file the user may not write,
   * but making a file read-only is how people protect it: respect that, as
   * other editors do. (Root may write any file, so root saves it.) */
  if (exists && faccessat (AT_FDCWD, real_path, W_OK, AT_EACCESS) != 0 && errno == EACCES)
    {
      g_set_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_PERMISSION_DENIED,
                   _("Could not save “%s”: the file is read-only (%s)"),
                   display_name, g_strerror (EACCES));
      return FALSE;
    }

  /* A new file gets the usual 0666 less the umask; a replacement starts
   * private and receives the original's mode once written. */
  fd = open_temp (folder, name, exists ? 0600 : 0666, &temp_path, &errsv);
  if (fd < 0)
    {
      set_errno_error (error, errsv, display_name, folder);
      return FALSE;
    }

  errsv = fill_temp (fd, bytes, exists ? &st : NULL, cancellable);

  if (errsv == 0 && g_cancellable_is_cancelled (cancellable))
    errsv = ECANCELED;

  if (errsv == 0 && rename (temp_path, real_path) != 0)
    errsv = errno;

  if (errsv != 0)
    {
      g_unlink (temp_path);
      set_errno_error (error, errsv, display_name, folder);
      return FALSE;
    }

  /* The new content has the name now; from here on cancelling has no effect. */
  errsv = sync_folder (folder);
  if (errsv != 0)
    {
      set_errno_error (error, errsv, display_name, folder);
      return FALSE;
    }

  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (gtm_save_bytes (G_FILE (source_object), task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * gtm_save_bytes_async:
 * @file: the file to save to
 * @bytes: the complete new content
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context when done
 * @user_data: data for @callback
 *
 * Runs gtm_save_bytes() in a worker thread.
 */
void
gtm_save_bytes_async (GFile               *file,
                      GBytes              *bytes,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (bytes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, gtm_save_bytes_async);
  g_task_set_name (task, "[gtm] gtm_save_bytes_async");
  /* The result must say what happened to the file: a cancel that comes
   * after the rename must not turn a completed save into an error, and the
   * callback must not run while the worker still writes (so the default
   * return-on-cancel FALSE stays). */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, save_thread);
}

/**
 * gtm_save_bytes_finish:
 * @file: the file passed to gtm_save_bytes_async()
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the new content is on disk
 */
gboolean
gtm_save_bytes_finish (GFile         *file,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gtm_save_bytes_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* A temporary file is stale when nobody holds its lock and its writer's pid
 * is gone (or it is older than a day, as the pid may have been reused). */
static gboolean
remove_if_stale (const char *path,
                 pid_t       pid,
                 gint64      now)
{
  gboolean removed = FALSE;
  struct stat st;
  int fd;

  /* O_NONBLOCK and O_NOFOLLOW: a pipe or a link with a matching name must
   * neither block us nor lead us elsewhere. */
  fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return FALSE;

  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) &&
      (flock (fd, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK))
    {
      gboolean writer_gone = kill (pid, 0) != 0 && errno == ESRCH;
      gboolean old = now - (gint64) st.st_mtime > STALE_AGE_SECONDS;

      if ((writer_gone || old) && g_unlink (path) == 0)
        removed = TRUE;
    }

  close (fd);

  return removed;
}

/**
 * gtm_save_cleanup_stale:
 * @file: a file saved with gtm_save_bytes()
 *
 * Removes the temporary files that interrupted saves of @file left in its
 * folder (the folder of the file a symbolic link leads to, where saves
 * write them).
 *
 * Returns: the number of files removed
 */
guint
gtm_save_cleanup_stale (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;
  struct stat st;
  gboolean exists;
  gint64 now = (gint64) time (NULL);
  guint removed = 0;
  int errsv;

  g_return_val_if_fail (G_IS_FILE (file), 0);

  path = g_file_get_path (file);
  if (path == NULL)
    return 0;

  if (!resolve_target (path, &real_path, &st, &exists, &errsv))
    real_path = g_strdup (path);

  folder = g_path_get_dirname (real_path);
  name = g_path_get_basename (real_path);
  prefix = temp_prefix (name);

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return 0;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *entry_path = NULL;
      pid_t pid;

      if (!parse_temp_name (entry, prefix, &pid))
        continue;

      entry_path = g_build_filename (folder, entry, NULL);
      if (remove_if_stale (entry_path, pid, now))
        removed++;
    }

  return removed;
}
