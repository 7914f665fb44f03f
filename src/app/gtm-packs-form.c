/* gtm-packs-form.c — the asset packs' page of the workbench: the project's
 * packs, each a name and an ordered list of assets, and the built-in packs
 * it has not customized
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-packs-form"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gtm-asset.h"
#include "gtm-pack.h"
#include "gtm-workbench-page.h"

/* What a pack may list besides the project's assets. */
static const char * const wildcards[] = {
  "persona:" GTM_PACK_WILDCARD,
  "battlecard:" GTM_PACK_WILDCARD,
  "board:" GTM_PACK_WILDCARD,
};

typedef struct
{
  GtmWorkbenchPage    *page;
  AdwPreferencesGroup *builtin;
  GPtrArray           *builtin_rows;
  char                *builtin_key;  /* the names the built-in group shows */
  GtmProject          *project;      /* followed, or NULL */
  gulong               changed_id;
} PacksPage;

/* The rows of one pack, kept on its assets group. */
typedef struct
{
  PacksPage *data;
  GtmPack   *pack;
  GtkWidget *name_row;
  GtkWidget *group;        /* the assets */
  GPtrArray *asset_rows;
  char      *shown_name;   /* the name the name row last showed */
  GStrv      shown_assets; /* the assets the rows show */
  gboolean   updating;
} PackRows;

static void
pack_rows_free (PackRows *rows)
{
  g_clear_object (&rows->pack);
  g_ptr_array_unref (rows->asset_rows);
  g_free (rows->shown_name);
  g_strfreev (rows->shown_assets);
  g_free (rows);
}

/* An asset as the user reads it; the wildcards too. */
static char *
dup_asset_label (const char *asset)
{
  if (g_strcmp0 (asset, "persona:" GTM_PACK_WILDCARD) == 0)
    return g_strdup (_("Every persona sheet"));
  if (g_strcmp0 (asset, "battlecard:" GTM_PACK_WILDCARD) == 0)
    return g_strdup (_("Every battlecard"));
  if (g_strcmp0 (asset, "board:" GTM_PACK_WILDCARD) == 0)
    return g_strdup (_("Every board"));

  return gtm_asset_dup_label (asset);
}

static gboolean
is_wildcard (const char *asset)
{
  return g_str_has_suffix (asset, ":" GTM_PACK_WILDCARD);
}

/* The labels of @assets, one after the other. */
static char *
dup_assets_summary (const char * const *assets)
{
  g_autoptr(GString) summary = g_string_new (NULL);

  for (guint i = 0; assets != NULL && assets[i] != NULL; i++)
    {
      g_autofree char *label = dup_asset_label (assets[i]);

      if (i > 0)
        /* Translators: between the assets of a pack in a list of them */
        g_string_append (summary, _(", "));
      g_string_append (summary, label);
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

/* The assets of a pack */

/* Replaces the assets of @rows' pack, one undo step. */
static void
set_assets (PackRows           *rows,
            const char * const *assets)
{
  g_autoptr(GError) error = NULL;

  if (rows->data->project == NULL)
    return;

  if (!gtm_pack_set_assets (rows->data->project, rows->pack, assets, &error))
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (rows->group), error->message);
}

static GStrv
dup_assets (PackRows *rows)
{
  const char * const *assets = gtm_pack_get_assets (rows->pack);

  return assets != NULL ? g_strdupv ((char **) assets) : g_new0 (char *, 1);
}

static void
on_add_asset (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  PackRows *rows = user_data;
  g_auto(GStrv) assets = dup_assets (rows);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) added = NULL;

  g_strv_builder_addv (builder, (const char **) assets);
  g_strv_builder_add (builder, g_variant_get_string (parameter, NULL));
  added = g_strv_builder_end (builder);
  set_assets (rows, (const char * const *) added);
}

static void
on_move_asset (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  PackRows *rows = user_data;
  g_auto(GStrv) assets = dup_assets (rows);
  guint n = g_strv_length (assets);
  guint index = g_variant_get_uint32 (parameter);
  guint other = g_str_equal (g_action_get_name (G_ACTION (action)), "move-up") ? index - 1 : index + 1;
  char *swap;

  if (index >= n || other >= n)
    return;

  swap = assets[index];
  assets[index] = assets[other];
  assets[other] = swap;
  set_assets (rows, (const char * const *) assets);
}

static void
on_remove_asset (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PackRows *rows = user_data;
  g_auto(GStrv) assets = dup_assets (rows);
  guint n = g_strv_length (assets);
  guint index = g_variant_get_uint32 (parameter);

  if (index >= n)
    return;

  g_free (assets[index]);
  memmove (&assets[index], &assets[index + 1], (n - index) * sizeof (char *));
  set_assets (rows, (const char * const *) assets);
}

static GtkWidget *
asset_button_new (const char *icon_name,
                  const char *tooltip,
                  const char *action_name,
                  guint       index,
                  gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  gtk_widget_set_sensitive (button, sensitive);

  return button;
}

static void
show_assets (PackRows *rows)
{
  g_auto(GStrv) assets = dup_assets (rows);
  guint n = g_strv_length (assets);

  if (rows->shown_assets != NULL && g_strv_equal ((const char * const *) rows->shown_assets,
                                                  (const char * const *) assets))
    return;

  for (guint i = 0; i < rows->asset_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (rows->group),
                                  g_ptr_array_index (rows->asset_rows, i));
  g_ptr_array_set_size (rows->asset_rows, 0);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (rows->group),
                                         n == 0 ? _("This pack is empty: add the assets to export together.") : NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = dup_asset_label (assets[i]);
      g_autofree char *title = g_markup_escape_text (label, -1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      /* A persona or competitor may be gone, and come back. */
      if (!is_wildcard (assets[i]) && rows->data->project != NULL
          && !gtm_asset_lookup (rows->data->project, assets[i], NULL, NULL))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not in this project"));

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 asset_button_new ("go-up-symbolic", _("Move Up"), "pack.move-up", i, i > 0));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 asset_button_new ("go-down-symbolic", _("Move Down"), "pack.move-down", i, i + 1 < n));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 asset_button_new ("user-trash-symbolic", _("Remove"), "pack.remove", i, TRUE));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (rows->group), row);
      g_ptr_array_add (rows->asset_rows, row);
    }

  g_strfreev (rows->shown_assets);
  rows->shown_assets = g_steal_pointer (&assets);
}

/* The menu of what may be added: every asset of the project, then the
 * wildcards. Made when it opens, so that it lists the project as it is. */
static void
create_add_menu (GtkMenuButton *button,
                 gpointer       user_data)
{
  PackRows *rows = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) every = g_menu_new ();
  g_auto(GStrv) names = NULL;

  if (rows->data->project != NULL)
    names = gtm_asset_list_names (rows->data->project);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *label = dup_asset_label (names[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "pack.add-asset", "s", names[i]);
      g_menu_append_item (menu, item);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wildcards); i++)
    {
      g_autofree char *label = dup_asset_label (wildcards[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "pack.add-asset", "s", wildcards[i]);
      g_menu_append_item (every, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (every));

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* The name of a pack */

/* Why @rows' pack cannot be called @name, or NULL. */
static char *
dup_name_problem (PackRows   *rows,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  GtmPack *other;

  if (!gtm_pack_check_name (name, &error))
    return g_strdup (error->message);

  other = rows->data->project != NULL ? gtm_pack_find (rows->data->project, stripped) : NULL;
  if (other != NULL && other != rows->pack)
    /* Translators: %s is the name of an asset pack */
    return g_strdup_printf (_("There is already a pack called “%s”."), gtm_pack_get_name (other));

  return NULL;
}

static void
on_name_changed (GtkEditable *editable,
                 PackRows    *rows)
{
  g_autofree char *problem = NULL;

  if (rows->updating)
    return;

  problem = dup_name_problem (rows, gtk_editable_get_text (editable));
  gtm_form_row_set_error (rows->name_row, problem);
}

static void
on_name_apply (AdwEntryRow *row,
               PackRows    *rows)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (rows->data->project == NULL)
    return;

  if (!gtm_pack_rename (rows->data->project, rows->pack, text, &error))
    gtm_form_row_set_error (rows->name_row, error->message);
}

static void
update_pack (GtkWidget *group,
             GtmNode   *node)
{
  PackRows *rows = g_object_get_data (G_OBJECT (group), "gtm-pack-rows");
  const char *name = gtm_pack_get_name (GTM_PACK (node));

  /* What the user is typing stays, until the name itself changes. */
  if (g_strcmp0 (name, rows->shown_name) != 0)
    {
      rows->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (rows->name_row), name);
      rows->updating = FALSE;
      gtm_form_row_set_error (rows->name_row, NULL);
      g_free (rows->shown_name);
      rows->shown_name = g_strdup (name);
    }

  show_assets (rows);
}

static void
build_pack (GtmForm   *form,
            GtkWidget *container,
            gpointer   user_data)
{
  PackRows *rows = g_new0 (PackRows, 1);
  const GActionEntry entries[] = {
    { "add-asset", on_add_asset, "s" },
    { "move-up", on_move_asset, "u" },
    { "move-down", on_move_asset, "u" },
    { "remove", on_remove_asset, "u" },
  };
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  GtkWidget *holder, *add;

  rows->data = user_data;
  rows->pack = g_object_ref (GTM_PACK (gtm_form_get_node (form)));
  rows->asset_rows = g_ptr_array_new ();

  rows->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->name_row), _("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (rows->name_row), TRUE);
  g_signal_connect (rows->name_row, "changed", G_CALLBACK (on_name_changed), rows);
  g_signal_connect (rows->name_row, "apply", G_CALLBACK (on_name_apply), rows);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (container), rows->name_row);

  rows->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (rows->group), _("Assets"));
  g_object_set_data_full (G_OBJECT (rows->group), "gtm-pack-rows", rows, (GDestroyNotify) pack_rows_free);
  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries), rows);
  gtk_widget_insert_action_group (rows->group, "pack", G_ACTION_GROUP (actions));

  add = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (add), _("Add Asset"));
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (add), create_add_menu, rows, NULL);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (rows->group), add);

  /* As gtm_form_add_strings() puts a group in an expander row. */
  holder = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
  gtk_widget_set_focusable (holder, FALSE);
  gtk_widget_set_margin_start (rows->group, 12);
  gtk_widget_set_margin_end (rows->group, 12);
  gtk_widget_set_margin_top (rows->group, 6);
  gtk_widget_set_margin_bottom (rows->group, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), rows->group);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (container), holder);

  gtm_form_follow (form, rows->group, FALSE, update_pack);
}

static GtmNode *
new_pack (gpointer user_data)
{
  PacksPage *data = user_data;
  g_autofree char *name = g_strdup (_("New Pack"));

  /* Two packs never share a name. */
  for (guint i = 2; data->project != NULL && gtm_pack_find (data->project, name) != NULL; i++)
    {
      g_free (name);
      /* Translators: the name of a new asset pack when “New Pack” is taken */
      name = g_strdup_printf (_("New Pack %u"), i);
    }

  return GTM_NODE (gtm_pack_new (name, NULL));
}

/* The built-in packs */

static void
on_customize_clicked (GtkButton *button,
                      PacksPage *data)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  const char *name = g_object_get_data (G_OBJECT (button), "gtm-pack-name");
  g_autoptr(GError) error = NULL;
  GtmPack *pack;
  GtkWidget *pack_row;

  if (data->project == NULL)
    return;

  /* The default's assets, for the user to edit. */
  pack = gtm_pack_add (data->project, name, NULL, &error);
  if (pack == NULL)
    {
      gtm_form_row_set_error (row, error->message);
      return;
    }

  pack_row = gtm_workbench_page_find_row (data->page, GTM_NODE (pack), NULL);
  if (pack_row != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (pack_row), TRUE);
      gtk_widget_grab_focus (pack_row);
    }
}

static void
update_builtin (PacksPage *data)
{
  g_auto(GStrv) names = data->project != NULL ? gtm_pack_list_names (data->project) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) shown = NULL;
  g_autofree char *key = NULL;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (gtm_pack_is_default (names[i]) && gtm_pack_find (data->project, names[i]) == NULL)
      g_strv_builder_add (builder, names[i]);
  shown = g_strv_builder_end (builder);

  key = g_strjoinv ("\n", shown);
  if (g_strcmp0 (key, data->builtin_key) == 0)
    return;
  g_free (data->builtin_key);
  data->builtin_key = g_steal_pointer (&key);

  for (guint i = 0; i < data->builtin_rows->len; i++)
    adw_preferences_group_remove (data->builtin, g_ptr_array_index (data->builtin_rows, i));
  g_ptr_array_set_size (data->builtin_rows, 0);

  gtk_widget_set_visible (GTK_WIDGET (data->builtin), shown[0] != NULL);

  for (guint i = 0; shown[i] != NULL; i++)
    {
      g_auto(GStrv) assets = gtm_pack_dup_assets (data->project, shown[i], NULL);
      g_autofree char *summary = dup_assets_summary ((const char * const *) assets);
      g_autofree char *title = g_markup_escape_text (shown[i], -1);
      g_autofree char *subtitle = g_markup_escape_text (summary, -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Customize"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Make a pack of this project from it, to edit"));
      g_object_set_data_full (G_OBJECT (button), "gtm-pack-name", g_strdup (shown[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_customize_clicked), data);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (data->builtin, row);
      g_ptr_array_add (data->builtin_rows, row);
    }
}

static void
on_project_changed (GtmNode   *project,
                    GtmNode   *origin,
                    PacksPage *data)
{
  update_builtin (data);
}

static void
set_project (PacksPage  *data,
             GtmProject *project)
{
  if (data->project != NULL)
    {
      g_clear_signal_handler (&data->changed_id, data->project);
      g_clear_object (&data->project);
    }
  if (project != NULL)
    {
      data->project = g_object_ref (project);
      data->changed_id = g_signal_connect (project, "changed", G_CALLBACK (on_project_changed), data);
    }
  update_builtin (data);
}

static void
on_page_project (GtmWorkbenchPage *page,
                 GParamSpec       *pspec,
                 PacksPage        *data)
{
  set_project (data, gtm_workbench_page_get_project (page));
}

static void
packs_page_free (PacksPage *data)
{
  if (data->project != NULL)
    g_clear_signal_handler (&data->changed_id, data->project);
  g_clear_object (&data->project);
  g_ptr_array_unref (data->builtin_rows);
  g_free (data->builtin_key);
  g_free (data);
}

void
gtm_packs_form_build (GtmWorkbenchPage   *self,
                      GtmForm            *form,
                      AdwPreferencesPage *page)
{
  PacksPage *data = g_new0 (PacksPage, 1);
  AdwPreferencesGroup *packs;

  data->page = self;
  data->builtin_rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (self), "gtm-packs-page", data, (GDestroyNotify) packs_page_free);

  packs = gtm_form_add_nodes (form, "packs", _("Packs"), _("Add Pack"),
                              "name", _("Unnamed pack"),
                              build_pack, new_pack, data);
  adw_preferences_group_set_description (packs,
                                         _("A pack is a list of assets exported together from Export "
                                           "(Ctrl+E): one PDF of them all, in order, plus a PDF and a "
                                           "PNG of each. A pack called as a built-in one replaces it."));
  adw_preferences_page_add (page, packs);

  data->builtin = ADW_PREFERENCES_GROUP (gtm_workbench_page_add_group (page, _("Built-in Packs"),
                                                                       _("Always there to export. Customize one to change what it holds.")));

  g_signal_connect (self, "notify::project", G_CALLBACK (on_page_project), data);
}
