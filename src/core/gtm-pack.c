/* gtm-pack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-pack"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gtm-pack.h"
#include "gtm-asset.h"
#include "gtm-format.h"
#include "gtm-link.h"

struct _GtmPack
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmPack, gtm_pack, GTM_TYPE_NODE)

#define MAX_DEFAULT_ASSETS 4

/* The five packs of PMM.md's GTM package. */
static const struct
{
  const char *name;
  const char *assets[MAX_DEFAULT_ASSETS + 1];
} default_packs[] = {
  /* Translators: the name of a default asset pack: the messaging strategy
     document alone, for internal reference */
  { N_("Messaging strategy document"), { "messaging-doc" } },
  /* Translators: the name of a default asset pack: what marketing reuses
     on every channel */
  { N_("Internal marketing kit"), { "one-pager", "persona:*", "messaging-doc" } },
  /* Translators: the name of a default asset pack: the one-pager,
     battlecards, persona sheets and the pricing sheet for the sales and
     customer success teams */
  { N_("Sales & CS kit"), { "one-pager", "battlecard:*", "persona:*", "pricing-sheet" } },
  /* Translators: the name of a default asset pack: what is handed to
     customers */
  { N_("Customer-facing"), { "one-pager", "pricing-sheet" } },
  /* Translators: the name of a default asset pack: case-study and
     reference-customer material */
  { N_("Case studies"), { "one-pager", "board:*" } },
};

/* The asset names of gtm-asset.h: whole names, then prefixes. */
static const char * const project_assets[] = {
  "one-pager", "messaging-doc", "pricing-sheet", "launch-timeline",
};
static const char * const asset_prefixes[] = {
  "board:", "persona:", "battlecard:",
};

static void
gtm_pack_class_init (GtmPackClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_string ("name", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED),
    g_param_spec_boxed ("assets", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) == GTM_PACK_SLOT_ASSETS - GTM_PACK_SLOT_NAME + 1);

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_PACK_SLOT_NAME);
}

static void
gtm_pack_init (GtmPack *self)
{
}

/**
 * gtm_pack_new:
 * @name: (nullable): the pack's name
 * @assets: (nullable) (array zero-terminated=1): its assets
 *
 * Returns: (transfer full): a new pack with a fresh id
 */
GtmPack *
gtm_pack_new (const char         *name,
              const char * const *assets)
{
  g_autofree char *id = gtm_node_new_id ("pack");

  return g_object_new (GTM_TYPE_PACK,
                       "id", id,
                       "name", name ? name : "",
                       "assets", assets != NULL && assets[0] != NULL ? assets : NULL,
                       NULL);
}

const char *
gtm_pack_get_name (GtmPack *self)
{
  g_return_val_if_fail (GTM_IS_PACK (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PACK_SLOT_NAME);
}

const char * const *
gtm_pack_get_assets (GtmPack *self)
{
  g_return_val_if_fail (GTM_IS_PACK (self), NULL);

  return gtm_node_get_strv (GTM_NODE (self), GTM_PACK_SLOT_ASSETS);
}

/* Names ------------------------------------------------------------------- */

/* The default pack @name names, translated or in English, or -1. */
static int
default_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_packs); i++)
    if (g_strcmp0 (name, default_packs[i].name) == 0
        || g_strcmp0 (name, _(default_packs[i].name)) == 0)
      return (int) i;

  return -1;
}

/* Whether @a and @b name the same pack: the same name, or two names of
 * one default. */
static gboolean
same_name (const char *a,
           const char *b)
{
  int index;

  if (g_strcmp0 (a, b) == 0)
    return TRUE;

  index = default_index (a);
  return index >= 0 && index == default_index (b);
}

gboolean
gtm_pack_is_default (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return default_index (name) >= 0;
}

GtmPack *
gtm_pack_find (GtmProject *project,
               const char *name)
{
  GListModel *packs;
  guint n;

  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  packs = gtm_project_get_packs (project);
  n = g_list_model_get_n_items (packs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmPack) pack = g_list_model_get_item (packs, i);

      if (same_name (gtm_pack_get_name (pack), name))
        return pack; /* the project holds it */
    }

  return NULL;
}

/**
 * gtm_pack_list_names:
 * @project: a #GtmProject
 *
 * Returns: (transfer full): the names of the default packs, translated,
 *   or those of the project's packs that replace them, then the names of
 *   the project's other packs, in order, each once
 */
GStrv
gtm_pack_list_names (GtmProject *project)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *packs;
  guint n;

  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (default_packs); i++)
    {
      GtmPack *pack = gtm_pack_find (project, _(default_packs[i].name));
      const char *name = pack ? gtm_pack_get_name (pack) : _(default_packs[i].name);

      g_strv_builder_add (builder, name);
      g_hash_table_add (seen, (gpointer) name);
    }

  packs = gtm_project_get_packs (project);
  n = g_list_model_get_n_items (packs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmPack) pack = g_list_model_get_item (packs, i);
      const char *name = gtm_pack_get_name (pack);

      if (default_index (name) < 0 && g_hash_table_add (seen, (gpointer) name))
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

static gboolean
unknown_pack (const char  *name,
              GError     **error)
{
  g_set_error (error, GTM_ASSET_ERROR, GTM_ASSET_ERROR_UNKNOWN,
               /* Translators: %s is the name of an asset pack */
               _("There is no pack “%s”."), name);
  return FALSE;
}

/**
 * gtm_pack_dup_assets:
 * @project: a #GtmProject
 * @name: the name of a pack
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the assets the pack lists, as
 *   listed, or %NULL with @error set (%GTM_ASSET_ERROR_UNKNOWN) when there
 *   is no pack called @name
 */
GStrv
gtm_pack_dup_assets (GtmProject  *project,
                     const char  *name,
                     GError     **error)
{
  GtmPack *pack;
  int index;

  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((pack = gtm_pack_find (project, name)) != NULL)
    {
      const char * const *assets = gtm_pack_get_assets (pack);

      return assets ? g_strdupv ((char **) assets) : g_new0 (char *, 1);
    }

  if ((index = default_index (name)) >= 0)
    return g_strdupv ((char **) default_packs[index].assets);

  unknown_pack (name, error);
  return NULL;
}

/* The name of the pack called @name as lists show it: the project pack's
 * own, or the default's translated. */
static const char *
display_name (GtmProject *project,
              const char *name)
{
  GtmPack *pack = gtm_pack_find (project, name);
  int index;

  if (pack != NULL)
    return gtm_pack_get_name (pack);
  if ((index = default_index (name)) >= 0)
    return _(default_packs[index].name);

  return name;
}

/**
 * gtm_pack_expand:
 * @project: a #GtmProject
 * @pack_name: the name of a pack of @project, or of a default pack
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the names of the assets to export,
 *   in order, or %NULL with @error set
 */
GStrv
gtm_pack_expand (GtmProject  *project,
                 const char  *pack_name,
                 GError     **error)
{
  g_auto(GStrv) listed = NULL;
  g_auto(GStrv) all = NULL;
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  GStrv expanded;

  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (pack_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((listed = gtm_pack_dup_assets (project, pack_name, error)) == NULL)
    return NULL;

  all = gtm_asset_list_names (project);
  taken = g_hash_table_new (g_str_hash, g_str_equal);
  builder = g_strv_builder_new ();

  for (guint i = 0; listed[i] != NULL; i++)
    {
      const char *asset = listed[i];

      if (g_str_has_suffix (asset, ":" GTM_PACK_WILDCARD))
        {
          gsize prefix_length = strlen (asset) - strlen (GTM_PACK_WILDCARD);

          for (guint j = 0; all[j] != NULL; j++)
            if (strncmp (all[j], asset, prefix_length) == 0
                && g_hash_table_add (taken, all[j]))
              g_strv_builder_add (builder, all[j]);
        }
      else
        {
          /* A name of @all, so that @taken holds strings that live on. */
          for (guint j = 0; all[j] != NULL; j++)
            if (strcmp (all[j], asset) == 0)
              {
                if (g_hash_table_add (taken, all[j]))
                  g_strv_builder_add (builder, all[j]);
                break;
              }
        }
    }

  expanded = g_strv_builder_end (builder);
  if (expanded[0] == NULL)
    {
      g_strfreev (expanded);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is the name of an asset pack */
                   _("The pack “%s” has nothing to export: none of the assets it lists is in this project."),
                   display_name (project, pack_name));
      return NULL;
    }

  return expanded;
}

/* Checks ------------------------------------------------------------------ */

gboolean
gtm_pack_check_asset (const char  *asset,
                      GError     **error)
{
  g_return_val_if_fail (asset != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (project_assets); i++)
    if (strcmp (asset, project_assets[i]) == 0)
      return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (asset_prefixes); i++)
    if (g_str_has_prefix (asset, asset_prefixes[i])
        && asset[strlen (asset_prefixes[i])] != '\0'
        && strlen (asset) <= GTM_FORMAT_MAX_LINE_LENGTH
        && strchr (asset, '\n') == NULL)
      return TRUE;

  g_set_error (error, GTM_ASSET_ERROR, GTM_ASSET_ERROR_UNKNOWN,
               /* Translators: %s is what was asked for; the names after
                  “are” are not translated */
               _("“%s” is not an asset name: asset names are board:NAME, one-pager, persona:NAME, battlecard:NAME, messaging-doc, pricing-sheet and launch-timeline."),
               asset);
  return FALSE;
}

gboolean
gtm_pack_check_name (const char  *name,
                     GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GTypeClass) klass = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
                           _("A pack needs a name."));
      return FALSE;
    }

  if (strchr (stripped, '\n') != NULL || strchr (stripped, '\r') != NULL)
    {
      g_set_error_literal (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
                           _("A pack’s name is one line."));
      return FALSE;
    }

  if (strlen (stripped) > GTM_FORMAT_MAX_LINE_LENGTH)
    {
      g_set_error_literal (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
                           _("This name is too long."));
      return FALSE;
    }

  /* Whatever else the reader would refuse. */
  klass = g_type_class_ref (GTM_TYPE_PACK);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, stripped);

  return gtm_format_check_value (g_object_class_find_property (G_OBJECT_CLASS (klass), "name"),
                                 &value, error);
}

static gboolean
check_assets (const char * const  *assets,
              GError             **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  for (guint i = 0; assets != NULL && assets[i] != NULL; i++)
    if (!gtm_pack_check_asset (assets[i], error))
      return FALSE;

  klass = g_type_class_ref (GTM_TYPE_PACK);
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, assets);

  return gtm_format_check_value (g_object_class_find_property (G_OBJECT_CLASS (klass), "assets"),
                                 &value, error);
}

/* Whether a pack of @project other than @except is called @name. */
static gboolean
check_name_free (GtmProject  *project,
                 GtmPack     *except,
                 const char  *name,
                 GError     **error)
{
  GtmPack *other = gtm_pack_find (project, name);

  if (other == NULL || other == except)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               /* Translators: %s is the name of an asset pack */
               _("There is already a pack called “%s”."), gtm_pack_get_name (other));
  return FALSE;
}

/* Edits ------------------------------------------------------------------- */

/**
 * gtm_pack_add:
 * @project: a #GtmProject
 * @name: the name of the new pack, as typed
 * @assets: (nullable) (array zero-terminated=1): its assets, or %NULL
 * @error: return location for an error
 *
 * Adds a pack at the end of the project's packs, as one undo step. With
 * @assets %NULL, a pack called as a default starts with the default's
 * assets, any other with none.
 *
 * Returns: (transfer none) (nullable): the new pack, owned by the
 *   project, or %NULL with @error set
 */
GtmPack *
gtm_pack_add (GtmProject          *project,
              const char          *name,
              const char * const  *assets,
              GError             **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GtmPack) pack = NULL;
  GtmHistory *history;
  GListModel *packs;
  int index;

  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!gtm_pack_check_name (name, error) || !check_assets (assets, error))
    return NULL;

  stripped = g_strstrip (g_strdup (name));
  if (!check_name_free (project, NULL, stripped, error))
    return NULL;

  packs = gtm_project_get_packs (project);
  if (g_list_model_get_n_items (packs) >= GTM_PROJECT_MAX_ENTRIES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("There is no room for another pack: a project holds at most %d packs."),
                   GTM_PROJECT_MAX_ENTRIES);
      return NULL;
    }

  if (assets == NULL && (index = default_index (stripped)) >= 0)
    assets = default_packs[index].assets;

  pack = gtm_pack_new (stripped, assets);
  history = gtm_project_get_history (project);
  /* Translators: an undo step, shown as “Undo Add Pack” */
  gtm_history_begin (history, _("Add Pack"));
  gtm_history_insert (history, GTM_NODE (project), "packs",
                      g_list_model_get_n_items (packs), GTM_NODE (pack));
  gtm_history_end (history);

  return pack; /* the project holds it */
}

static gboolean
is_pack_of (GtmProject *project,
            GtmPack    *pack,
            guint      *position)
{
  return g_list_store_find (G_LIST_STORE (gtm_project_get_packs (project)), pack, position);
}

/**
 * gtm_pack_rename:
 * @project: a #GtmProject
 * @pack: a pack of @project
 * @name: the new name, as typed
 * @error: return location for an error
 *
 * Renames @pack to @name without the white space around it, as one undo
 * step (none if the name does not change).
 *
 * Returns: %TRUE if renamed, or %FALSE with @error set
 */
gboolean
gtm_pack_rename (GtmProject  *project,
                 GtmPack     *pack,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *stripped = NULL;
  GtmHistory *history;

  g_return_val_if_fail (GTM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (GTM_IS_PACK (pack), FALSE);
  g_return_val_if_fail (is_pack_of (project, pack, NULL), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gtm_pack_check_name (name, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  if (!check_name_free (project, pack, stripped, error))
    return FALSE;

  history = gtm_project_get_history (project);
  /* Translators: an undo step, shown as “Undo Rename Pack” */
  gtm_history_begin (history, _("Rename Pack"));
  gtm_history_set (history, GTM_NODE (pack), "name", stripped, NULL);
  gtm_history_end (history);

  return TRUE;
}

/**
 * gtm_pack_set_assets:
 * @project: a #GtmProject
 * @pack: a pack of @project
 * @assets: (nullable) (array zero-terminated=1): the assets, in order
 * @error: return location for an error
 *
 * Sets what @pack exports, as one undo step (none if nothing changes).
 *
 * Returns: %TRUE if set, or %FALSE with @error set as
 *   gtm_pack_check_asset() sets it
 */
gboolean
gtm_pack_set_assets (GtmProject          *project,
                     GtmPack             *pack,
                     const char * const  *assets,
                     GError             **error)
{
  const char * const *old;
  const char * const empty[] = { NULL };
  GtmHistory *history;

  g_return_val_if_fail (GTM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (GTM_IS_PACK (pack), FALSE);
  g_return_val_if_fail (is_pack_of (project, pack, NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_assets (assets, error))
    return FALSE;

  old = gtm_pack_get_assets (pack);
  if (g_strv_equal ((const char * const *) (old ? old : empty),
                    (const char * const *) (assets ? assets : empty)))
    return TRUE;

  history = gtm_project_get_history (project);
  /* Translators: an undo step (a change of the assets a pack exports),
     shown as “Undo Change Pack” */
  gtm_history_begin (history, _("Change Pack"));
  gtm_history_set (history, GTM_NODE (pack), "assets",
                   assets != NULL && assets[0] != NULL ? assets : NULL, NULL);
  gtm_history_end (history);

  return TRUE;
}

void
gtm_pack_move (GtmProject *project,
               guint       from,
               guint       to)
{
  GtmHistory *history;
  guint n;

  g_return_if_fail (GTM_IS_PROJECT (project));
  n = g_list_model_get_n_items (gtm_project_get_packs (project));
  g_return_if_fail (from < n && to < n);

  history = gtm_project_get_history (project);
  /* Translators: an undo step (a change of the order of the packs),
     shown as “Undo Move Pack” */
  gtm_history_begin (history, _("Move Pack"));
  gtm_history_move (history, GTM_NODE (project), "packs", from, to);
  gtm_history_end (history);
}

void
gtm_pack_remove (GtmProject *project,
                 GtmPack    *pack)
{
  GtmHistory *history;
  guint position;

  g_return_if_fail (GTM_IS_PROJECT (project));
  g_return_if_fail (GTM_IS_PACK (pack));

  if (!is_pack_of (project, pack, &position))
    g_return_if_reached ();

  history = gtm_project_get_history (project);
  /* Translators: an undo step, shown as “Undo Delete Pack” */
  gtm_history_begin (history, _("Delete Pack"));
  gtm_history_remove (history, GTM_NODE (project), "packs", position);
  gtm_history_end (history);
}

/* Export ------------------------------------------------------------------ */

/* The temporary folder of an export into DIR:
 * "DIR/.<pack stem>.<pid>-<random>.gtm-pack~". */
#define TEMP_SUFFIX        ".gtm-pack~"
#define MAX_TEMP_ATTEMPTS  100
#define STALE_AGE_SECONDS  (24 * 60 * 60)

/*
 * Speed: the calling thread writes the pack's PDF while a pool of worker
 * threads, one per processor, writes each generated layout's own PDF and
 * PNG. Boards' own files are written by the calling thread, the only one
 * that may draw them (drawing a board fills caches on its items). Pango
 * is safe across threads only with a font map per thread, so a worker
 * lays out the asset it draws itself; the layouts read the project, which
 * GListStore does not allow from two threads at once, so they are made
 * one at a time, all before the calling thread draws anything. Progress is
 * reported on the calling thread, in order.
 */

typedef struct
{
  char     *name;
  char     *label;
  GtmAsset *pages;    /* laid out for PDF */
  GtmAsset *picture;  /* a board's, laid out for PNG; NULL for a worker's */
  GFile    *pdf;      /* in the temporary folder */
  GFile    *png;
  gboolean  in_pack;     /* its pages are in the pack's PDF (calling thread only) */
  gboolean  files_done;  /* its own PDF and PNG are written or given up (under @lock) */
} Entry;

typedef struct
{
  GtmProject             *project;
  Entry                  *entries;
  guint                   n_entries;
  guint                   n_reported;
  GtmExportOptions        pdf_options;
  GtmExportOptions        png_options;
  GtmPackProgress         progress;
  gpointer                user_data;
  GCancellable           *cancellable; /* ours: the caller's, or a failure */

  GMutex                  lock;
  GCond                   cond;
  guint                   n_laid_out;  /* by the workers */
  GError                 *error;       /* the first failure, under @lock */
} Export;

static void
entry_clear (Entry *entry)
{
  g_free (entry->name);
  g_free (entry->label);
  g_clear_object (&entry->pages);
  g_clear_object (&entry->picture);
  g_clear_object (&entry->pdf);
  g_clear_object (&entry->png);
}

/* Whether a worker writes the asset's own files. */
static gboolean
entry_in_pool (Entry *entry)
{
  return gtm_asset_get_kind (entry->pages) != GTM_ASSET_BOARD;
}

/* Keeps the first failure and stops everything else. */
static void
fail (Export *self,
      GError *error)
{
  g_mutex_lock (&self->lock);
  if (self->error == NULL)
    self->error = g_steal_pointer (&error);
  g_mutex_unlock (&self->lock);

  g_clear_error (&error);
  g_cancellable_cancel (self->cancellable);
}

static void
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *format,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               format, display, g_strerror (errsv));
}

/* Makes the folder @path and its missing parents; *@made is the topmost
 * folder made, NULL if @path was there. */
static gboolean
make_folder (const char  *path,
             char       **made,
             GError     **error)
{
  g_autofree char *top = NULL;
  GStatBuf st;

  *made = NULL;

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        return TRUE;

      set_errno_error (error, ENOTDIR,
                       /* Translators: %s is a folder, the second %s why */
                       _("Could not export into “%s”: %s"), path);
      return FALSE;
    }

  top = g_strdup (path);
  for (;;)
    {
      char *parent = g_path_get_dirname (top);

      if (strcmp (parent, top) == 0 || g_file_test (parent, G_FILE_TEST_EXISTS))
        {
          g_free (parent);
          break;
        }
      g_free (top);
      top = parent;
    }

  if (g_mkdir_with_parents (path, 0777) != 0)
    {
      int errsv = errno;

      set_errno_error (error, errsv,
                       /* Translators: %s is a folder, the second %s why */
                       _("Could not make the folder “%s”: %s"), path);
      return FALSE;
    }

  *made = g_steal_pointer (&top);
  return TRUE;
}

/* Removes the folders make_folder() made, if they are empty. */
static void
unmake_folder (const char *path,
               const char *made)
{
  g_autofree char *folder = g_strdup (path);

  if (made == NULL)
    return;

  while (g_rmdir (folder) == 0 && strcmp (folder, made) != 0)
    {
      char *parent = g_path_get_dirname (folder);

      g_free (folder);
      folder = parent;
    }
}

/* Removes the temporary folder @path and the files in it. */
static void
remove_temp_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, entry, NULL);

      g_unlink (child);
    }

  g_rmdir (path);
}

/* Whether @name is a temporary folder's, and whose. */
static gboolean
parse_temp_name (const char *name,
                 pid_t      *pid)
{
  g_autofree char *rest = NULL;
  const char *dot;
  char *end;
  guint64 value;

  if (name[0] != '.' || !g_str_has_suffix (name, TEMP_SUFFIX))
    return FALSE;

  rest = g_strndup (name, strlen (name) - strlen (TEMP_SUFFIX));
  dot = strrchr (rest, '.');
  if (dot == NULL || dot == rest)
    return FALSE;

  value = g_ascii_strtoull (dot + 1, &end, 10);
  if (end == dot + 1 || *end != '-' || strlen (end + 1) != 8 || value == 0 || value > G_MAXINT)
    return FALSE;

  *pid = (pid_t) value;
  return TRUE;
}

/* Removes the temporary folders that interrupted exports left in @folder:
 * those nobody holds the lock of whose process is gone or that are more
 * than a day old, as gtm_save_cleanup_stale() does for files. */
static void
cleanup_stale (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = (gint64) time (NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      pid_t pid;
      int fd;

      if (!parse_temp_name (entry, &pid))
        continue;

      path = g_build_filename (folder, entry, NULL);
      fd = open (path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0)
        continue;

      if (fstat (fd, &st) == 0 &&
          (flock (fd, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK))
        {
          gboolean writer_gone = kill (pid, 0) != 0 && errno == ESRCH;
          gboolean old = now - (gint64) st.st_mtime > STALE_AGE_SECONDS;

          if (writer_gone || old)
            remove_temp_folder (path);
        }

      close (fd);
    }
}

/* Makes the temporary folder in @folder and locks it (the lock says to
 * cleanup_stale() that it is in use); returns the lock's descriptor. */
static int
make_temp_folder (const char  *folder,
                  const char  *stem,
                  char       **path,
                  GError     **error)
{
  int errsv = 0;

  for (guint attempt = 0; attempt < MAX_TEMP_ATTEMPTS; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%ld-%08x" TEMP_SUFFIX, stem,
                                               (long) getpid (), g_random_int ());
      g_autofree char *candidate = g_build_filename (folder, name, NULL);
      int fd;

      if (g_mkdir (candidate, 0700) != 0)
        {
          errsv = errno;
          if (errsv == EEXIST)
            continue;
          break;
        }

      fd = open (candidate, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0)
        {
          errsv = errno;
          g_rmdir (candidate);
          break;
        }

      /* A file system without locks leaves only the pid test. */
      (void) flock (fd, LOCK_EX | LOCK_NB);
      *path = g_steal_pointer (&candidate);
      return fd;
    }

  set_errno_error (error, errsv,
                   /* Translators: %s is a folder, the second %s why */
                   _("Could not write into the folder “%s”: %s"), folder);
  return -1;
}

/* A file name stem for each asset, none of whose files is called as
 * another's or as @taken (the pack's PDF). */
static void
name_files (Export     *self,
            GFile      *temp,
            const char *taken)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_add (used, g_strdup (taken));

  for (guint i = 0; i < self->n_entries; i++)
    {
      Entry *entry = &self->entries[i];
      g_autofree char *base = gtm_asset_dup_file_stem (entry->name);
      /* A generated layout has the same pages in either format. */
      guint n_pictures = gtm_asset_get_n_pages (entry->picture ? entry->picture : entry->pages);

      for (guint n = 1; ; n++)
        {
          /* Translators: a file name made unique; %s is the asset's, %u a
             number from 2 on */
          g_autofree char *stem = n == 1 ? g_strdup (base) : g_strdup_printf (_("%s (%u)"), base, n);
          g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
          g_autofree char *png_name = g_strconcat (stem, ".png", NULL);
          g_autoptr(GFile) png = g_file_get_child (temp, png_name);
          g_autoptr(GPtrArray) pictures = gtm_export_get_png_files (png, n_pictures);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          gboolean free = TRUE;

          g_ptr_array_add (names, g_steal_pointer (&pdf_name));
          for (guint j = 0; j < pictures->len; j++)
            g_ptr_array_add (names, g_file_get_basename (g_ptr_array_index (pictures, j)));

          for (guint j = 0; j < names->len && free; j++)
            free = !g_hash_table_contains (used, g_ptr_array_index (names, j));
          if (!free)
            continue;

          for (guint j = 0; j < names->len; j++)
            g_hash_table_add (used, g_strdup (g_ptr_array_index (names, j)));
          entry->pdf = g_file_get_child (temp, g_ptr_array_index (names, 0));
          entry->png = g_steal_pointer (&png);
          break;
        }
    }
}

/* A worker: lays out the asset (one worker at a time) and writes its PDF
 * and PNG. */
static void
write_own_files (gpointer data,
                 gpointer user_data)
{
  Entry *entry = data;
  Export *self = user_data;
  GtmExportOptions pdf_options = self->pdf_options;
  g_autoptr(GtmAsset) asset = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&self->lock);
  if (!g_cancellable_is_cancelled (self->cancellable))
    asset = gtm_asset_new (self->project, entry->name, &self->png_options, &error);
  self->n_laid_out++;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  /* A generated layout is the same for either format. */
  pdf_options.title = entry->label;
  if (asset != NULL &&
      gtm_export_asset (asset, entry->pdf, &pdf_options, NULL, self->cancellable, &error))
    gtm_export_asset (asset, entry->png, &self->png_options, NULL, self->cancellable, &error);

  if (error != NULL)
    fail (self, g_steal_pointer (&error));

  /* Its layouts go with this thread's font map, here. */
  g_clear_object (&asset);

  g_mutex_lock (&self->lock);
  entry->files_done = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* Reports, in order, the assets whose files are all written; with @wait,
 * waits for the workers until every asset is reported or something
 * failed. */
static void
report_done (Export   *self,
             gboolean  wait)
{
  g_mutex_lock (&self->lock);

  while (self->n_reported < self->n_entries && self->error == NULL &&
         !g_cancellable_is_cancelled (self->cancellable))
    {
      Entry *entry = &self->entries[self->n_reported];

      if (!entry->in_pack)
        break;

      if (!entry->files_done)
        {
          if (!wait)
            break;
          g_cond_wait (&self->cond, &self->lock);
          continue;
        }

      self->n_reported++;
      if (self->progress != NULL)
        {
          g_mutex_unlock (&self->lock);
          self->progress (self->n_reported, self->n_entries, entry->label, self->user_data);
          g_mutex_lock (&self->lock);
        }
    }

  g_mutex_unlock (&self->lock);
}

/* After the pack's PDF has the pages of asset @done: a board's own files,
 * and the progress so far. */
static void
pass_asset (guint    done,
            gpointer user_data)
{
  Export *self = user_data;
  Entry *entry = &self->entries[done - 1];
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (entry->picture != NULL)
    {
      GtmExportOptions pdf_options = self->pdf_options;

      pdf_options.title = entry->label;
      if (!gtm_export_asset (entry->pages, entry->pdf, &pdf_options, NULL,
                             self->cancellable, &error) ||
          !gtm_export_asset (entry->picture, entry->png, &self->png_options, NULL,
                             self->cancellable, &error))
        {
          fail (self, g_steal_pointer (&error));
          return;
        }

      g_mutex_lock (&self->lock);
      entry->files_done = TRUE;
      g_mutex_unlock (&self->lock);
    }

  entry->in_pack = TRUE;
  report_done (self, FALSE);
}

static void
cancel_ours (GCancellable *theirs,
             GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

/* Moves every file of @temp into @folder, replacing files of the same
 * names; if one can't be moved, takes back those it added. */
static gboolean
move_files (const char  *temp,
            const char  *folder,
            GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gboolean));
  const char *entry;
  guint moved;
  int fd;

  if ((dir = g_dir_open (temp, 0, NULL)) == NULL)
    {
      set_errno_error (error, EIO, _("Could not write into the folder “%s”: %s"), folder);
      return FALSE;
    }
  while ((entry = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (entry));

  /* A folder where a file goes would stop the moves halfway. */
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *target = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      GStatBuf st;
      gboolean exists = g_lstat (target, &st) == 0;

      if (exists && S_ISDIR (st.st_mode))
        {
          set_errno_error (error, EISDIR,
                           /* Translators: %s is a file, the second %s why */
                           _("Could not replace “%s”: %s"), target);
          return FALSE;
        }
      g_array_append_val (added, (gboolean) { !exists });
    }

  for (moved = 0; moved < names->len; moved++)
    {
      const char *name = g_ptr_array_index (names, moved);
      g_autofree char *source = g_build_filename (temp, name, NULL);
      g_autofree char *target = g_build_filename (folder, name, NULL);

      if (g_rename (source, target) != 0)
        {
          int errsv = errno;

          set_errno_error (error, errsv, _("Could not replace “%s”: %s"), target);
          break;
        }
    }

  if (moved < names->len)
    {
      for (guint i = 0; i < moved; i++)
        if (g_array_index (added, gboolean, i))
          {
            g_autofree char *target = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

            g_unlink (target);
          }
      return FALSE;
    }

  /* The new names on disk, as gtm_save_bytes() does for one file. */
  fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      (void) fsync (fd);
      close (fd);
    }

  return TRUE;
}

/**
 * gtm_pack_dup_pdf_name:
 * @project: a #GtmProject
 * @pack_name: the name of a pack
 *
 * Returns: (transfer full): the file name of the pack's PDF
 */
char *
gtm_pack_dup_pdf_name (GtmProject *project,
                       const char *pack_name)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (pack_name != NULL, NULL);

  stem = gtm_asset_dup_file_stem (display_name (project, pack_name));
  return g_strconcat (stem, ".pdf", NULL);
}

/**
 * gtm_export_pack:
 * @project: a #GtmProject
 * @pack_name: the name of a pack, as gtm_pack_expand() takes it
 * @dir: the folder to export into, made if missing
 * @options: page settings for the PDFs, scale or dpi for the PNGs
 * @progress: (nullable) (scope call): called after each asset
 * @user_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Exports the pack into @dir; see gtm-pack.h.
 *
 * Returns: %TRUE if every file is in @dir, or %FALSE with @error set and
 *   nothing new in @dir
 */
gboolean
gtm_export_pack (GtmProject             *project,
                 const char             *pack_name,
                 GFile                  *dir,
                 const GtmExportOptions *options,
                 GtmPackProgress         progress,
                 gpointer                user_data,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_auto(GStrv) names = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *made = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *pack_stem = NULL;
  g_autofree char *pack_file_name = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GFile) pack_file = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GCancellable) ours = NULL;
  g_autoptr(GError) local_error = NULL;
  Export self = { 0 };
  GtmExportOptions pack_options;
  GThreadPool *pool = NULL;
  const char *display;
  guint n_pool = 0;
  gulong handler = 0;
  gboolean ok = FALSE;
  int lock = -1;

  g_return_val_if_fail (GTM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (pack_name != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((folder = g_file_get_path (dir)) == NULL)
    {
      g_autofree char *uri = g_file_get_parse_name (dir);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is a location */
                   _("Could not export into “%s”: packs are exported to a folder on this computer"),
                   uri);
      return FALSE;
    }

  if ((names = gtm_pack_expand (project, pack_name, error)) == NULL)
    return FALSE;

  display = display_name (project, pack_name);
  self.project = project;
  self.n_entries = g_strv_length (names);
  self.entries = g_new0 (Entry, self.n_entries);
  self.pdf_options = *options;
  self.pdf_options.format = GTM_EXPORT_FORMAT_PDF;
  self.png_options = *options;
  self.png_options.format = GTM_EXPORT_FORMAT_PNG;
  self.progress = progress;
  self.user_data = user_data;
  self.cancellable = ours = g_cancellable_new ();
  g_mutex_init (&self.lock);
  g_cond_init (&self.cond);
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_ours), ours, NULL);

  /* The calling thread's layouts: every asset's pages, and boards' PNGs. */
  pages = g_ptr_array_new ();
  for (guint i = 0; i < self.n_entries; i++)
    {
      Entry *entry = &self.entries[i];

      if (g_cancellable_set_error_if_cancelled (ours, &local_error))
        goto out;

      entry->name = g_strdup (names[i]);
      entry->label = gtm_asset_dup_label (names[i]);
      entry->pages = gtm_asset_new (project, names[i], &self.pdf_options, &local_error);
      if (entry->pages == NULL)
        goto out;

      if (entry_in_pool (entry))
        n_pool++;
      else if ((entry->picture = gtm_asset_new (project, names[i], &self.png_options,
                                                &local_error)) == NULL)
        goto out;

      g_ptr_array_add (pages, entry->pages);
    }

  if (!make_folder (folder, &made, &local_error))
    goto out;

  cleanup_stale (folder);

  pack_stem = gtm_asset_dup_file_stem (display);
  if ((lock = make_temp_folder (folder, pack_stem, &temp_path, &local_error)) < 0)
    goto out;

  temp = g_file_new_for_path (temp_path);
  pack_file_name = gtm_pack_dup_pdf_name (project, pack_name);
  pack_file = g_file_get_child (temp, pack_file_name);
  name_files (&self, temp, pack_file_name);

  if (n_pool > 0)
    {
      /* Made lazily on the project: made here, before threads read it. */
      gtm_link_get_generation (project);

      pool = g_thread_pool_new (write_own_files, &self,
                                (int) MIN (n_pool, MAX (g_get_num_processors (), 1)),
                                TRUE, &local_error);
      if (pool == NULL)
        goto out;

      for (guint i = 0; i < self.n_entries; i++)
        if (entry_in_pool (&self.entries[i]))
          g_thread_pool_push (pool, &self.entries[i], NULL);

      /* The workers read the project while they lay out; boards are drawn
       * after. */
      g_mutex_lock (&self.lock);
      while (self.n_laid_out < n_pool)
        g_cond_wait (&self.cond, &self.lock);
      g_mutex_unlock (&self.lock);
    }

  /* The pack's PDF, passing each asset in turn. */
  pack_options = self.pdf_options;
  pack_options.title = display;
  if (!gtm_export_assets_to_pdf ((GtmAsset * const *) pages->pdata, pages->len, pack_file,
                                 &pack_options, pass_asset, &self, ours, &local_error))
    goto out;

  report_done (&self, TRUE);
  if (g_cancellable_set_error_if_cancelled (ours, &local_error))
    goto out;

  ok = move_files (temp_path, folder, &local_error);

out:
  /* The first failure, rather than the cancellations it causes. */
  if (local_error != NULL)
    fail (&self, g_steal_pointer (&local_error));

  if (pool != NULL)
    {
      /* Workers stop at their next step once cancelled. */
      if (!ok)
        g_cancellable_cancel (ours);
      g_thread_pool_free (pool, FALSE, TRUE);
    }

  if (temp_path != NULL)
    {
      if (!ok)
        remove_temp_folder (temp_path);
      else
        g_rmdir (temp_path);
    }
  if (lock >= 0)
    close (lock);
  if (!ok)
    unmake_folder (folder, made);

  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);

  for (guint i = 0; i < self.n_entries; i++)
    entry_clear (&self.entries[i]);
  g_free (self.entries);
  g_mutex_clear (&self.lock);
  g_cond_clear (&self.cond);

  if (self.error != NULL)
    g_propagate_error (error, self.error);

  return ok;
}
