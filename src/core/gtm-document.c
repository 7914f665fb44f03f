/* gtm-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gtm-document.h"
#include "gtm-format.h"
#include "gtm-save.h"

struct _GtmDocument
{
  GObject     parent_instance;

  GtmProject *project;
  GtmHistory *history;
  GFile      *file;
  guint       saving : 1;
};

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_SAVING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GtmDocument, gtm_document, G_TYPE_OBJECT)

/* The name a user knows the file by, for messages: its base name. */
/**
 * gtm_file_dup_display_name:
 *
 * Returns: (transfer full): the name of @file to show in messages
 */
char *
gtm_file_dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

static void
on_project_notify_title (GtmDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
on_history_notify_modified (GtmDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
gtm_document_set_project (GtmDocument *self,
                          GtmProject  *project)
{
  g_assert (self->project == NULL);

  self->project = project ? g_object_ref (project) : gtm_project_new (_("Untitled Project"));
  self->history = g_object_ref (gtm_project_get_history (self->project));

  g_signal_connect_object (self->project, "notify::title",
                           G_CALLBACK (on_project_notify_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (on_history_notify_modified), self,
                           G_CONNECT_SWAPPED);
}

static void
gtm_document_set_file (GtmDocument *self,
                       GFile       *file)
{
  if (self->file == file || (self->file && file && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
gtm_document_set_saving (GtmDocument *self,
                         gboolean     saving)
{
  saving = !!saving;
  if (self->saving == saving)
    return;

  self->saving = saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static void
gtm_document_dispose (GObject *object)
{
  GtmDocument *self = GTM_DOCUMENT (object);

  g_clear_object (&self->history);
  g_clear_object (&self->project);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (gtm_document_parent_class)->dispose (object);
}

static void
gtm_document_constructed (GObject *object)
{
  GtmDocument *self = GTM_DOCUMENT (object);

  G_OBJECT_CLASS (gtm_document_parent_class)->constructed (object);

  if (self->project == NULL)
    gtm_document_set_project (self, NULL);
}

static void
gtm_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GtmDocument *self = GTM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, gtm_document_get_title (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, gtm_document_get_modified (self));
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtm_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GtmDocument *self = GTM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      if (g_value_get_object (value) != NULL)
        gtm_document_set_project (self, g_value_get_object (value));
      break;

    case PROP_FILE:
      gtm_document_set_file (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtm_document_class_init (GtmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gtm_document_dispose;
  object_class->constructed = gtm_document_constructed;
  object_class->get_property = gtm_document_get_property;
  object_class->set_property = gtm_document_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         GTM_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gtm_document_init (GtmDocument *self)
{
}

/**
 * gtm_document_new:
 * @project: the project
 * @file: (nullable): the file it was read from, or %NULL if untitled
 *
 * Returns: (transfer full): a document for @project
 */
GtmDocument *
gtm_document_new (GtmProject *project,
                  GFile      *file)
{
  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (!file || G_IS_FILE (file), NULL);

  return g_object_new (GTM_TYPE_DOCUMENT,
                       "project", project,
                       "file", file,
                       NULL);
}

/**
 * gtm_document_new_untitled:
 *
 * Returns: (transfer full): an untitled, unmodified document whose project
 *   has one empty board
 */
GtmDocument *
gtm_document_new_untitled (void)
{
  g_autoptr(GtmProject) project = gtm_project_new (_("Untitled Project"));
  g_autoptr(GtmBoard) board = gtm_board_new (_("Board 1"));

  /* Part of creating the project, like reading a file: not an undoable
   * step, and the new project is not modified. */
  g_list_store_append (gtm_node_get_list (GTM_NODE (project), "boards"), board);

  return gtm_document_new (project, NULL);
}

/**
 * gtm_document_get_project:
 *
 * Returns: (transfer none): the project
 */
GtmProject *
gtm_document_get_project (GtmDocument *self)
{
  g_return_val_if_fail (GTM_IS_DOCUMENT (self), NULL);

  return self->project;
}

/**
 * gtm_document_get_history:
 *
 * Returns: (transfer none): the project's history
 */
GtmHistory *
gtm_document_get_history (GtmDocument *self)
{
  g_return_val_if_fail (GTM_IS_DOCUMENT (self), NULL);

  return self->history;
}

/**
 * gtm_document_get_file:
 *
 * Returns: (transfer none) (nullable): the file, or %NULL if untitled
 */
GFile *
gtm_document_get_file (GtmDocument *self)
{
  g_return_val_if_fail (GTM_IS_DOCUMENT (self), NULL);

  return self->file;
}

const char *
gtm_document_get_title (GtmDocument *self)
{
  const char *title;

  g_return_val_if_fail (GTM_IS_DOCUMENT (self), NULL);

  title = gtm_project_get_title (self->project);
  if (title == NULL || title[0] == '\0')
    return _("Untitled Project");

  return title;
}

gboolean
gtm_document_get_modified (GtmDocument *self)
{
  g_return_val_if_fail (GTM_IS_DOCUMENT (self), FALSE);

  return gtm_history_get_modified (self->history);
}

gboolean
gtm_document_get_saving (GtmDocument *self)
{
  g_return_val_if_fail (GTM_IS_DOCUMENT (self), FALSE);

  return self->saving;
}

gboolean
gtm_document_is_pristine (GtmDocument *self)
{
  g_return_val_if_fail (GTM_IS_DOCUMENT (self), FALSE);

  return self->file == NULL &&
         !self->saving &&
         !gtm_history_get_modified (self->history) &&
         !gtm_history_can_undo (self->history) &&
         !gtm_history_can_redo (self->history);
}

/* Loading */

static void
propagate_open_error (GError **error,
                      GFile   *file,
                      GError  *local_error)
{
  g_autofree char *name = gtm_file_dup_display_name (file);

  g_set_error (error, local_error->domain, local_error->code,
               /* Translators: the first %s is a file name, the second the reason */
               _("Could not open “%s”: %s"), name, local_error->message);
}

static GtmProject *
read_project (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GtmProject) project = NULL;

  project = gtm_format_read_file (file, cancellable, &local_error);
  if (project == NULL)
    {
      propagate_open_error (error, file, local_error);
      return NULL;
    }

  /* Temporary files left next to it by an interrupted save. */
  gtm_save_cleanup_stale (file);

  return g_steal_pointer (&project);
}

/**
 * gtm_document_load:
 * @file: a .gtm file
 * @cancellable: (nullable): a #GCancellable
 * @error: the place for an error naming the file
 *
 * Reads @file on the calling thread.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
GtmDocument *
gtm_document_load (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GtmProject) project = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  project = read_project (file, cancellable, error);
  if (project == NULL)
    return NULL;

  return gtm_document_new (project, file);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  GtmProject *project;

  project = read_project (file, cancellable, &error);
  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

void
gtm_document_load_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gtm_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * gtm_document_load_finish:
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set
 */
GtmDocument *
gtm_document_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_autoptr(GtmProject) project = NULL;
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == gtm_document_load_async, NULL);

  project = g_task_propagate_pointer (task, error);
  if (project == NULL)
    return NULL;

  return gtm_document_new (project, g_task_get_task_data (task));
}

/* Saving */

typedef struct
{
  GFile  *file;
  guint64 state;
  char   *previous_modified; /* the stamp before this save */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->previous_modified, g_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

/* The part of a save that runs on the main thread: checks, stamps the
 * modified time and serializes. @previous_modified receives the stamp it
 * replaced, for save_abandon(). */
static GBytes *
save_prepare (GtmDocument  *self,
              GFile       **file,
              guint64      *state,
              char        **previous_modified,
              GError      **error)
{
  if (*file == NULL)
    *file = self->file;

  if (*file == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("Could not save “%s”: the project has no file yet; choose where to save it"),
                   gtm_document_get_title (self));
      return NULL;
    }

  if (self->saving)
    {
      g_autofree char *name = gtm_file_dup_display_name (*file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                   _("Could not save “%s”: the project is already being saved"), name);
      return NULL;
    }

  /* Never write a file the reader would refuse: the user could not open
   * their project again. */
  {
    g_autoptr(GError) local_error = NULL;

    if (!gtm_format_validate (self->project, &local_error))
      {
        g_autofree char *name = gtm_file_dup_display_name (*file);

        g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
                     /* Translators: the first %s is a file name, the second a problem
                      * such as “boards[0].items[2].target: “note-1” is not an item on this board” */
                     _("Could not save “%s”: the project has a problem that would make the file unreadable (%s)"),
                     name, local_error->message);
        return NULL;
      }
  }

  *previous_modified = g_strdup (gtm_project_get_modified (self->project));
  gtm_project_touch (self->project);
  *state = gtm_history_get_state (self->history);

  return gtm_format_write_bytes (self->project);
}

/* A save that failed changes nothing: the project keeps the modified
 * time it had, as the file on disk does. */
static void
save_abandon (GtmDocument *self,
              const char  *previous_modified)
{
  g_object_set (self->project, "modified", previous_modified, NULL);
  gtm_document_set_saving (self, FALSE);
}

static void
cleanup_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  gtm_save_cleanup_stale (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
save_commit (GtmDocument *self,
             GFile       *file,
             guint64      state,
             gboolean     in_thread)
{
  g_object_freeze_notify (G_OBJECT (self));
  gtm_document_set_file (self, file);
  gtm_history_mark_saved (self->history, state);
  g_object_thaw_notify (G_OBJECT (self));

  /* Temporary files an earlier, interrupted save left in the new folder.
   * Listing a folder is I/O: the async path does it off the main thread. */
  if (in_thread)
    {
      g_autoptr(GTask) cleanup = g_task_new (NULL, NULL, NULL, NULL);

      g_task_set_task_data (cleanup, g_object_ref (file), g_object_unref);
      g_task_run_in_thread (cleanup, cleanup_thread);
    }
  else
    {
      gtm_save_cleanup_stale (file);
    }
}

/**
 * gtm_document_save:
 * @self: a #GtmDocument
 * @file: (nullable): where to save, or %NULL for the document's file
 * @cancellable: (nullable): a #GCancellable
 * @error: the place for an error naming the file
 *
 * Saves on the calling thread, through the same safe path as
 * gtm_document_save_async().
 *
 * Returns: %TRUE on success
 */
gboolean
gtm_document_save (GtmDocument   *self,
                   GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *previous_modified = NULL;
  guint64 state = 0;

  g_return_val_if_fail (GTM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (!file || G_IS_FILE (file), FALSE);

  bytes = save_prepare (self, &file, &state, &previous_modified, error);
  if (bytes == NULL)
    return FALSE;

  g_object_ref (file);
  gtm_document_set_saving (self, TRUE);

  /* gtm_save_bytes() errors already name the file. */
  if (!gtm_save_bytes (file, bytes, cancellable, error))
    {
      save_abandon (self, previous_modified);
      g_object_unref (file);
      return FALSE;
    }

  save_commit (self, file, state, FALSE);
  gtm_document_set_saving (self, FALSE);
  g_object_unref (file);

  return TRUE;
}

static void
on_save_bytes_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtmDocument *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  /* gtm_save_bytes() errors already name the file. */
  if (!gtm_save_bytes_finish (data->file, result, &error))
    {
      save_abandon (self, data->previous_modified);
      g_task_return_error (task, error);
      return;
    }

  save_commit (self, data->file, data->state, TRUE);
  gtm_document_set_saving (self, FALSE);
  g_task_return_boolean (task, TRUE);
}

/**
 * gtm_document_save_async:
 * @self: a #GtmDocument
 * @file: (nullable): where to save, or %NULL for the document's file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or the save failed
 * @user_data: data for @callback
 *
 * Serializes the project now and writes it off the main thread. The
 * "saving" property is %TRUE until @callback runs.
 */
void
gtm_document_save_async (GtmDocument         *self,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SaveData) data = NULL;
  GError *error = NULL;

  g_return_if_fail (GTM_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gtm_document_save_async);

  data = g_new0 (SaveData, 1);
  bytes = save_prepare (self, &file, &data->state, &data->previous_modified, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->file = g_object_ref (file);
  g_task_set_task_data (task, g_steal_pointer (&data), (GDestroyNotify) save_data_free);

  gtm_document_set_saving (self, TRUE);
  gtm_save_bytes_async (file, bytes, cancellable, on_save_bytes_done, g_steal_pointer (&task));
}

gboolean
gtm_document_save_finish (GtmDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (GTM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
