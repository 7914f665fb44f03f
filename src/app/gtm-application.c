/* gtm-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gtm-application.h"
#include "gtm-cli.h"
#include "gtm-core.h"
#include "gtm-window.h"

struct _GtmApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GMenu          *recent_menu;
  GHashTable     *loading;   /* URIs being read */

  /* Quitting: what each window agreed to, while a quit is pending, and
   * which quit the answers in flight belong to. */
  GPtrArray      *quit_entries;
  guint           quit_serial;
};

G_DEFINE_FINAL_TYPE (GtmApplication, gtm_application, ADW_TYPE_APPLICATION)

static GtmWindow *
get_active_window (GtmApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (GTM_IS_WINDOW (window))
    return GTM_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (GTM_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Recent projects */

/* GMenu labels take mnemonics: keep a file's underscores. */
static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
rebuild_recent_menu (GtmApplication *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GHashTable) seen_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_menu_remove_all (self->recent_menu);

  /* Files that no longer exist are left out. Only local files are checked:
   * a query on a remote mount could block. */
  for (guint i = 0; uris[i] != NULL && files->len < GTM_RECENT_PROJECTS_MAX; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);

      if (g_file_is_native (file) && !g_file_query_exists (file, NULL))
        continue;

      g_ptr_array_add (files, g_steal_pointer (&file));
    }

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *basename = g_file_get_basename (g_ptr_array_index (files, i));
      g_autofree char *name = g_filename_display_name (basename);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen_names, name));

      g_hash_table_insert (seen_names, g_steal_pointer (&name), GUINT_TO_POINTER (count + 1));
    }

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = g_filename_display_name (basename);
      g_autofree char *label = NULL;
      g_autofree char *escaped = NULL;
      g_autoptr(GMenuItem) item = NULL;

      /* Two projects of the same name: say which folder each is in. */
      if (GPOINTER_TO_UINT (g_hash_table_lookup (seen_names, name)) > 1)
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("");

          /* Translators: a recent project's file name and its folder */
          label = g_strdup_printf (_("%s — %s"), name, folder);
        }
      else
        {
          label = g_strdup (name);
        }

      escaped = escape_mnemonic (label);
      item = g_menu_item_new (escaped, NULL);
      g_menu_item_set_action_and_target_value (item, "app.open-recent", g_variant_new_string (uri));
      g_menu_append_item (section, item);
    }

  if (files->len == 0)
    {
      /* An item without an action is shown insensitive. */
      g_menu_append (section, _("No Recent Projects"), NULL);
    }

  g_menu_append_section (self->recent_menu, _("Recent Projects"), G_MENU_MODEL (section));
}

/**
 * gtm_application_get_recent_menu:
 *
 * Returns: (transfer none): the menu of recent projects
 */
GMenuModel *
gtm_application_get_recent_menu (GtmApplication *self)
{
  g_return_val_if_fail (GTM_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}

static void
update_recent (GtmApplication *self,
               GFile          *file,
               gboolean        add)
{
  g_auto(GStrv) uris = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;
  g_autofree char *uri = NULL;
  guint n = 0;

  if (self->settings == NULL)
    return;

  uri = g_file_get_uri (file);
  uris = g_settings_get_strv (self->settings, "recent-projects");
  builder = g_strv_builder_new ();

  if (add)
    {
      g_strv_builder_add (builder, uri);
      n++;
    }

  for (guint i = 0; uris[i] != NULL && n < GTM_RECENT_PROJECTS_MAX; i++)
    {
      if (g_strcmp0 (uris[i], uri) == 0)
        continue;
      g_strv_builder_add (builder, uris[i]);
      n++;
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) updated);
}

void
gtm_application_add_recent (GtmApplication *self,
                            GFile          *file)
{
  g_return_if_fail (GTM_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  update_recent (self, file, TRUE);
}

void
gtm_application_remove_recent (GtmApplication *self,
                               GFile          *file)
{
  g_return_if_fail (GTM_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  update_recent (self, file, FALSE);
}

/* Windows and files */

GtmWindow *
gtm_application_new_window (GtmApplication *self)
{
  GtmWindow *window;

  g_return_val_if_fail (GTM_IS_APPLICATION (self), NULL);

  window = gtm_window_new (self, NULL);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/**
 * gtm_application_find_window:
 *
 * Returns: (transfer none) (nullable): the window showing @file
 */
GtmWindow *
gtm_application_find_window (GtmApplication *self,
                             GFile          *file)
{
  g_return_val_if_fail (GTM_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *shown;

      if (!GTM_IS_WINDOW (l->data))
        continue;

      shown = gtm_document_get_file (gtm_window_get_document (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

guint
gtm_application_get_n_loading (GtmApplication *self)
{
  g_return_val_if_fail (GTM_IS_APPLICATION (self), 0);

  return g_hash_table_size (self->loading);
}

typedef struct
{
  GtmApplication *app;
  GFile          *file;
  char           *uri;
  GWeakRef        window;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->app);
  g_clear_object (&data->file);
  g_clear_pointer (&data->uri, g_free);
  g_weak_ref_clear (&data->window);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
on_document_loaded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(GtmWindow) requested = g_weak_ref_get (&data->window);
  g_autoptr(GtmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtmApplication *self = data->app;
  GtmWindow *window;

  g_hash_table_remove (self->loading, data->uri);

  document = gtm_document_load_finish (result, &error);
  if (document == NULL)
    {
      window = requested ? requested : get_active_window (self);
      if (window == NULL)
        window = gtm_application_new_window (self);

      gtk_window_present (GTK_WINDOW (window));
      {
        g_autofree char *name = gtm_file_dup_display_name (data->file);
        /* Translators: %s is a file name */
        g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);

        gtm_window_show_error (window, heading, error);
      }

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        gtm_application_remove_recent (self, data->file);

      g_application_release (G_APPLICATION (self));
      return;
    }

  /* Opened meanwhile, through another path to the same file. */
  window = gtm_application_find_window (self, data->file);
  if (window == NULL)
    {
      window = requested ? requested : get_active_window (self);

      /* Like GNOME Text Editor: a window with an untouched untitled
       * project is reused rather than left behind empty. */
      if (window == NULL || !gtm_document_is_pristine (gtm_window_get_document (window)))
        window = gtm_window_new (self, document);
      else
        gtm_window_set_document (window, document);
    }

  gtk_window_present (GTK_WINDOW (window));
  gtm_application_add_recent (self, data->file);

  g_application_release (G_APPLICATION (self));
}

void
gtm_application_open_file (GtmApplication *self,
                           GFile          *file,
                           GtmWindow      *window)
{
  OpenData *data;
  GtmWindow *existing;
  g_autofree char *uri = NULL;

  g_return_if_fail (GTM_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!window || GTM_IS_WINDOW (window));

  existing = gtm_application_find_window (self, file);
  if (existing != NULL)
    {
      gtk_window_present (GTK_WINDOW (existing));
      return;
    }

  uri = g_file_get_uri (file);
  if (g_hash_table_contains (self->loading, uri))
    return;

  g_hash_table_add (self->loading, g_strdup (uri));

  data = g_new0 (OpenData, 1);
  data->app = g_object_ref (self);
  data->file = g_object_ref (file);
  data->uri = g_steal_pointer (&uri);
  g_weak_ref_init (&data->window, window);

  /* The process must outlive the read even with no window open yet, as
   * when started with files on the command line. */
  g_application_hold (G_APPLICATION (self));
  gtm_document_load_async (file, NULL, on_document_loaded, data);
}

/**
 * gtm_project_filter_new:
 *
 * Returns: (transfer full): the filter of the Open and Save dialogs that
 *   shows GTM Studio projects, by name or by type
 */
GtkFileFilter *
gtm_project_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("GTM Studio Projects"));
  gtk_file_filter_add_pattern (filter, "*.gtm");
  gtk_file_filter_add_mime_type (filter, "application/x-gtm-studio");

  return filter;
}

/* Actions */

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  GtmApplication  *self)
{
  g_autoptr(GtmWindow) window = g_object_steal_data (G_OBJECT (chooser), "gtm-window");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          gtm_application_open_file (self, file, window);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
action_open (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtmApplication *self = user_data;
  GtmWindow *window = get_active_window (self);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) projects = gtm_project_filter_new ();
  g_autoptr(GtkFileFilter) all = NULL;

  chooser = gtk_file_chooser_native_new (_("Open Project"),
                                         GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), projects);

  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), projects);

  if (window != NULL)
    g_object_set_data_full (G_OBJECT (chooser), "gtm-window", g_object_ref (window), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_open_recent (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtmApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  gtm_application_open_file (self, file, get_active_window (self));
}

static void
action_new (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  gtm_application_new_window (GTM_APPLICATION (user_data));
}

/* Quitting
 *
 * Each window is asked in turn; only when all have agreed are they
 * closed. While one window's question is up the others stay usable, so
 * an answer holds only for the project as it was when it was given: just
 * before closing, every window is checked again, in the same turn of the
 * main loop as the closing, and one edited, or saving, since it agreed is
 * asked (or waited for) again. So no save is in flight when the windows
 * close and the application quits: each save belongs to a window, and a
 * window refuses to close while its save runs. */

typedef struct
{
  GWeakRef     window;
  GtmDocument *agreed_document; /* NULL until the window agreed */
  guint64      agreed_state;
} QuitEntry;

static void
quit_entry_free (QuitEntry *entry)
{
  g_weak_ref_clear (&entry->window);
  g_clear_object (&entry->agreed_document);
  g_free (entry);
}

static void quit_next (GtmApplication *self);

static gboolean
has_window (GtmApplication *self,
            gpointer        window)
{
  return window != NULL &&
         g_list_find (gtk_application_get_windows (GTK_APPLICATION (self)), window) != NULL;
}

static QuitEntry *
find_quit_entry (GtmApplication *self,
                 GtmWindow      *window)
{
  for (guint i = 0; i < self->quit_entries->len; i++)
    {
      QuitEntry *entry = g_ptr_array_index (self->quit_entries, i);
      g_autoptr(GtmWindow) entry_window = g_weak_ref_get (&entry->window);

      if (entry_window == window)
        return entry;
    }

  return NULL;
}

/* Whether @window may close now on the strength of its answer. */
static gboolean
quit_entry_holds (QuitEntry *entry,
                  GtmWindow *window)
{
  GtmDocument *document = gtm_window_get_document (window);

  if (entry->agreed_document != document || gtm_document_get_saving (document))
    return FALSE;

  return !gtm_document_get_modified (document) ||
         gtm_history_get_state (gtm_document_get_history (document)) == entry->agreed_state;
}

/* A question asked for a quit; a late answer to an abandoned quit is
 * ignored. */
typedef struct
{
  GtmApplication *app;
  guint           serial;
} QuitRequest;

static void
quit_request_free (QuitRequest *request)
{
  g_clear_object (&request->app);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuitRequest, quit_request_free)

static void
quit_abort (GtmApplication *self)
{
  g_clear_pointer (&self->quit_entries, g_ptr_array_unref);
}

static void
on_quit_window_confirmed (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(QuitRequest) request = user_data;
  GtmApplication *self = request->app;
  GtmWindow *window = GTM_WINDOW (object);
  gboolean may_close;
  QuitEntry *entry;

  may_close = gtm_window_confirm_close_finish (window, result, NULL);

  /* An answer to a quit that was given up meanwhile. */
  if (self->quit_entries == NULL || request->serial != self->quit_serial)
    return;

  /* Closed while it was being asked: nothing left to ask there. */
  if (!has_window (self, window))
    {
      quit_next (self);
      return;
    }

  if (!may_close)
    {
      quit_abort (self);
      return;
    }

  entry = find_quit_entry (self, window);
  if (entry != NULL)
    {
      GtmDocument *document = gtm_window_get_document (window);

      g_set_object (&entry->agreed_document, document);
      entry->agreed_state = gtm_history_get_state (gtm_document_get_history (document));
    }

  quit_next (self);
}

static void
quit_next (GtmApplication *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) windows = NULL;

  /* Windows opened since the quit began are asked too. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      QuitEntry *entry;

      if (!GTM_IS_WINDOW (l->data) || find_quit_entry (self, l->data) != NULL)
        continue;

      entry = g_new0 (QuitEntry, 1);
      g_weak_ref_init (&entry->window, l->data);
      g_ptr_array_add (self->quit_entries, entry);
    }

  for (guint i = 0; i < self->quit_entries->len; i++)
    {
      QuitEntry *entry = g_ptr_array_index (self->quit_entries, i);
      g_autoptr(GtmWindow) window = g_weak_ref_get (&entry->window);

      /* Closed by the user meanwhile: nothing to ask. */
      if (!has_window (self, window))
        continue;

      if (!quit_entry_holds (entry, window))
        {
          QuitRequest *request = g_new0 (QuitRequest, 1);

          request->app = g_object_ref (self);
          request->serial = self->quit_serial;
          gtm_window_confirm_close_async (window, NULL, on_quit_window_confirmed, request);
          return;
        }
    }

  /* Everything agreed, as it stands now: close. */
  entries = g_steal_pointer (&self->quit_entries);
  windows = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));

  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      if (GTM_IS_WINDOW (window))
        gtm_window_close_confirmed (GTM_WINDOW (window));
      else
        gtk_window_destroy (window);
    }

  /* Anything else (an About window, a dialog) goes too. */
  g_application_quit (G_APPLICATION (self));
}

static void
action_quit (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtmApplication *self = user_data;

  /* Already quitting: the question being asked is on screen. */
  if (self->quit_entries != NULL)
    return;

  self->quit_entries = g_ptr_array_new_with_free_func ((GDestroyNotify) quit_entry_free);
  self->quit_serial++;
  quit_next (self);
}

static void
action_about (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtmApplication *self = user_data;
  static const char *developers[] = {
    "The GTM Studio developers https://github.com/gtmstudio/gtm-studio",
    NULL
  };
  GtmWindow *window = get_active_window (self);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", _("GTM Studio"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The GTM Studio developers"),
                        "developers", developers,
                        "comments", _("Plan a product launch in one project: canvas boards, "
                                      "personas, positioning, pricing and the launch plan"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/gtmstudio/gtm-studio",
                        "issue-url", "https://github.com/gtmstudio/gtm-studio/issues",
                        /* Translators: your names, one per line, as you wish to be credited */
                        "translator-credits", _("translator-credits"),
                        "copyright", _("© 2026 The GTM Studio developers"),
                        NULL);
  /* GTK 4.8 forgets a transient parent only when the dialog goes away:
   * the window must not be freed before. */
  if (window != NULL)
    g_object_set_data_full (G_OBJECT (about), "gtm-transient-parent",
                            g_object_ref (window), g_object_unref);
  gtk_window_present (GTK_WINDOW (about));
}

static void
action_shortcuts (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtmWindow *window = get_active_window (GTM_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_actions[] = {
  { "new", action_new },
  { "open", action_open },
  { "open-recent", action_open_recent, "s" },
  { "quit", action_quit },
  { "about", action_about },
  { "shortcuts", action_shortcuts },
};

static const struct {
  const char *action;
  const char *accels[4];
} accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.zoom-reset", { "<Control>1", "<Control>KP_1", NULL } },
  { "win.zoom-fit", { "<Control>0", "<Control>KP_0", NULL } },
  { "win.add-board", { "<Control><Shift>b", NULL } },
  { "win.add-buyer-persona", { "<Control><Shift>p", NULL } },
};

/* GApplication */

static gboolean
gtm_application_local_command_line (GApplication   *application,
                                    char         ***arguments,
                                    int            *exit_status)
{
  /* check, upgrade and export run here, before GTK is initialised, so that they
   * work without a display. */
  if (gtm_cli_run (*arguments, exit_status))
    return TRUE;

  return G_APPLICATION_CLASS (gtm_application_parent_class)->local_command_line (application,
                                                                                arguments,
                                                                                exit_status);
}

static int
gtm_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("gtm-studio %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
gtm_application_startup (GApplication *application)
{
  GtmApplication *self = GTM_APPLICATION (application);

  G_APPLICATION_CLASS (gtm_application_parent_class)->startup (application);

  gtm_core_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);
}

static void
gtm_application_activate (GApplication *application)
{
  GtmApplication *self = GTM_APPLICATION (application);
  GtmWindow *window = get_active_window (self);

  if (window == NULL)
    window = gtm_application_new_window (self);

  gtk_window_present (GTK_WINDOW (window));
}

static void
gtm_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GtmApplication *self = GTM_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    gtm_application_open_file (self, files[i], NULL);
}

static void
gtm_application_dispose (GObject *object)
{
  GtmApplication *self = GTM_APPLICATION (object);

  g_clear_pointer (&self->quit_entries, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gtm_application_parent_class)->dispose (object);
}

static void
gtm_application_finalize (GObject *object)
{
  GtmApplication *self = GTM_APPLICATION (object);

  g_clear_object (&self->recent_menu);
  g_clear_pointer (&self->loading, g_hash_table_unref);

  G_OBJECT_CLASS (gtm_application_parent_class)->finalize (object);
}

static void
gtm_application_class_init (GtmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = gtm_application_dispose;
  object_class->finalize = gtm_application_finalize;

  app_class->local_command_line = gtm_application_local_command_line;
  app_class->handle_local_options = gtm_application_handle_local_options;
  app_class->startup = gtm_application_startup;
  app_class->activate = gtm_application_activate;
  app_class->open = gtm_application_open;
}

static void
gtm_application_init (GtmApplication *self)
{
  static const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  self->recent_menu = g_menu_new ();
  self->loading = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     _("[FILE…] | check FILE… | upgrade FILE… | "
                                                       "export PROJECT.gtm --list | "
                                                       "export PROJECT.gtm --asset NAME --format FORMAT -o FILE"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Open GTM Studio projects, or check, upgrade or "
                                              "export them without opening a window. "
                                              "“gtm-studio export --help” lists the export options."));
}

/**
 * gtm_application_new:
 * @extra_flags: flags added to %G_APPLICATION_HANDLES_OPEN, e.g.
 *   %G_APPLICATION_NON_UNIQUE for tests
 *
 * Returns: (transfer full): the application
 */
GtmApplication *
gtm_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (GTM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | extra_flags,
                       "resource-base-path", "/io/github/gtmstudio/GtmStudio",
                       NULL);
}

/**
 * gtm_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings, once it
 *   has started
 */
GSettings *
gtm_application_get_settings (GtmApplication *self)
{
  g_return_val_if_fail (GTM_IS_APPLICATION (self), NULL);

  return self->settings;
}
