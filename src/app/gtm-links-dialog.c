/* gtm-links-dialog.c — where each linked field is used, and broken links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-links-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gtm-core.h"
#include "gtm-links-dialog.h"

/* How much of an item's text a row shows. */
#define MAX_LINE_CHARS 80

#define DIALOG_KEY "gtm-links-dialog"

struct _GtmLinksDialog
{
  AdwWindow            parent_instance;

  GtmWindow           *window;
  GtmProject          *project;
  gulong               changed_id;
  guint                rebuild_id;
  gboolean             show_unused;
  /* What the rows show, to rebuild them only when it changed. */
  char                *shown;

  AdwPreferencesGroup *used_group;
  AdwPreferencesGroup *unused_group;
  AdwPreferencesGroup *broken_group;
  GtkSwitch           *unused_switch;
  GPtrArray           *rows;  /* (element-type AdwPreferencesGroup GtkWidget) pairs */
};

G_DEFINE_FINAL_TYPE (GtmLinksDialog, gtm_links_dialog, ADW_TYPE_WINDOW)

/* A linkable field with the items that use it. */
typedef struct
{
  char      *token;
  char      *label;
  char      *value;
  GPtrArray *uses;  /* GtmItem, referenced */
} Field;

/* A token in @item's text whose field is gone. */
typedef struct
{
  char    *token;
  GtmItem *item;
} Broken;

static void
field_free (Field *field)
{
  g_free (field->token);
  g_free (field->label);
  g_free (field->value);
  g_ptr_array_unref (field->uses);
  g_free (field);
}

static void
broken_free (Broken *broken)
{
  g_free (broken->token);
  g_object_unref (broken->item);
  g_free (broken);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Field, field_free)

/* The first line of @text with something in it, cut short. */
static char *
first_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      if (g_utf8_strlen (line, -1) > MAX_LINE_CHARS)
        {
          g_autofree char *cut = g_utf8_substring (line, 0, MAX_LINE_CHARS);

          return g_strconcat (cut, "…", NULL);
        }
      return g_strdup (line);
    }

  return g_strdup ("");
}

static Field *
field_new (GtmProject *project,
           const char *token,
           const char *label)
{
  Field *field = g_new0 (Field, 1);
  g_autofree char *value = gtm_link_resolve (GTM_NODE (project), token, NULL, NULL);

  field->token = g_strdup (token);
  field->label = g_strdup (label);
  field->value = first_line (value);
  field->uses = g_ptr_array_new_with_free_func (g_object_unref);

  return field;
}

/* The fields one can link to, in the order of the chooser, then those
 * linked to that it does not offer, each with its uses; and the broken
 * links. One pass over the items' text. */
static void
collect (GtmProject  *project,
         GPtrArray  **out_fields,
         GPtrArray  **out_broken)
{
  g_autoptr(GPtrArray) linkable = gtm_link_list_fields (project);
  g_autoptr(GHashTable) by_token = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  GPtrArray *broken = g_ptr_array_new_with_free_func ((GDestroyNotify) broken_free);
  GListModel *boards = gtm_project_get_boards (project);

  for (guint i = 0; i < linkable->len; i++)
    {
      GtmLinkField *linked = g_ptr_array_index (linkable, i);
      Field *field;

      if (g_hash_table_contains (by_token, linked->token))
        continue;
      field = field_new (project, linked->token, linked->label);
      g_ptr_array_add (fields, field);
      g_hash_table_insert (by_token, field->token, field);
    }

  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(GtmBoard) board = g_list_model_get_item (boards, i);
      GListModel *items = gtm_board_get_items (board);

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(GtmItem) item = g_list_model_get_item (items, j);
          const char *text = gtm_item_get_text (item);
          GtmLinkIter iter;
          GtmLinkToken token;

          gtm_link_iter_init (&iter, text);
          while (gtm_link_iter_next (&iter, &token))
            {
              GtmNode *node = gtm_link_lookup (GTM_NODE (project), token.name);
              g_autofree char *key = NULL;
              Field *field;

              if (node == NULL || !gtm_link_is_linkable (node, token.field))
                {
                  Broken *last = broken->len > 0 ? g_ptr_array_index (broken, broken->len - 1) : NULL;
                  g_autofree char *written = g_strndup (text + token.start, token.end - token.start);
                  Broken *entry;

                  if (last != NULL && last->item == item && g_str_equal (last->token, written))
                    continue;
                  entry = g_new0 (Broken, 1);
                  entry->token = g_steal_pointer (&written);
                  entry->item = g_object_ref (item);
                  g_ptr_array_add (broken, entry);
                  continue;
                }

              key = gtm_link_format (node, token.field);
              field = g_hash_table_lookup (by_token, key);
              if (field == NULL)
                {
                  /* A field the chooser does not offer, linked by hand. */
                  field = field_new (project, key, key);
                  g_ptr_array_add (fields, field);
                  g_hash_table_insert (by_token, field->token, field);
                }

              if (field->uses->len == 0 || g_ptr_array_index (field->uses, field->uses->len - 1) != item)
                g_ptr_array_add (field->uses, g_object_ref (item));
            }
        }
    }

  *out_fields = fields;
  *out_broken = broken;
}

/* Rows */

static void
on_use_activated (AdwActionRow   *row,
                  GtmLinksDialog *self)
{
  GtmItem *item = g_object_get_data (G_OBJECT (row), "gtm-item");

  if (self->window != NULL && item != NULL)
    gtm_window_show_item (self->window, item);
}

static void
add_row (GtmLinksDialog      *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static void
set_row_text (AdwPreferencesRow *row,
              const char        *title,
              const char        *subtitle)
{
  adw_preferences_row_set_use_markup (row, FALSE);
  adw_preferences_row_set_title (row, title);
  if (ADW_IS_ACTION_ROW (row))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
    }
  else
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

/* A row that shows @item on its board. */
static GtkWidget *
create_item_row (GtmLinksDialog *self,
                 GtmItem        *item,
                 const char     *title)
{
  GtmNode *board = gtm_node_get_parent (GTM_NODE (item));
  g_autofree char *resolved = gtm_link_resolve (GTM_NODE (self->project), gtm_item_get_text (item), NULL, NULL);
  g_autofree char *line = first_line (resolved);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  const char *board_name = GTM_IS_BOARD (board) ? gtm_board_get_name (GTM_BOARD (board)) : "";

  if (title == NULL)
    set_row_text (ADW_PREFERENCES_ROW (row), *line != '\0' ? line : _("Item without text"), board_name);
  else
    {
      /* Translators: where a broken link is: a board's name, then the
       * first line of the item's text */
      subtitle = g_strdup_printf (_("%s — %s"), board_name, line);
      set_row_text (ADW_PREFERENCES_ROW (row), title, subtitle);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show on the board"));
  g_object_set_data_full (G_OBJECT (row), "gtm-item", g_object_ref (item), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (on_use_activated), self);

  return row;
}

static const char *
value_or_empty (Field *field)
{
  /* Translators: the value of a linked field that has none yet */
  return *field->value != '\0' ? field->value : _("Empty");
}

/* The tokens of the expanded rows. */
static GHashTable *
get_expanded (GtmLinksDialog *self)
{
  GHashTable *expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 1; i < self->rows->len; i += 2)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (ADW_IS_EXPANDER_ROW (row) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (expanded, g_strdup (g_object_get_data (G_OBJECT (row), "gtm-token")));
    }

  return expanded;
}

static void
clear_rows (GtmLinksDialog *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i), g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

/* What the rows would show, to compare. */
static char *
describe (GtmLinksDialog *self,
          GPtrArray      *fields,
          GPtrArray      *broken)
{
  GString *out = g_string_new (self->show_unused ? "unused\n" : "\n");

  for (guint i = 0; i < fields->len; i++)
    {
      Field *field = g_ptr_array_index (fields, i);

      g_string_append_printf (out, "%s\t%s\t%s\n", field->token, field->label, field->value);
      for (guint j = 0; j < field->uses->len; j++)
        {
          GtmItem *item = g_ptr_array_index (field->uses, j);
          GtmNode *board = gtm_node_get_parent (GTM_NODE (item));

          g_string_append_printf (out, "\t%p\t%s\t%s\n", (gpointer) item,
                                  gtm_board_get_name (GTM_BOARD (board)), gtm_item_get_text (item));
        }
    }

  for (guint i = 0; i < broken->len; i++)
    {
      Broken *entry = g_ptr_array_index (broken, i);
      GtmNode *board = gtm_node_get_parent (GTM_NODE (entry->item));

      g_string_append_printf (out, "!%s\t%p\t%s\t%s\n", entry->token, (gpointer) entry->item,
                              gtm_board_get_name (GTM_BOARD (board)), gtm_item_get_text (entry->item));
    }

  return g_string_free (out, FALSE);
}

static void
rebuild (GtmLinksDialog *self)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) broken = NULL;
  g_autoptr(GHashTable) expanded = NULL;
  g_autofree char *shown = NULL;
  guint n_used = 0, n_unused = 0;

  if (self->project == NULL)
    {
      clear_rows (self);
      return;
    }

  collect (self->project, &fields, &broken);
  shown = describe (self, fields, broken);
  if (g_strcmp0 (shown, self->shown) == 0)
    return;
  g_free (self->shown);
  self->shown = g_steal_pointer (&shown);

  expanded = get_expanded (self);
  clear_rows (self);

  for (guint i = 0; i < fields->len; i++)
    {
      Field *field = g_ptr_array_index (fields, i);
      GtkWidget *row;

      if (field->uses->len == 0)
        {
          if (!self->show_unused)
            continue;

          row = adw_action_row_new ();
          set_row_text (ADW_PREFERENCES_ROW (row), field->label, value_or_empty (field));
          gtk_widget_set_tooltip_text (row, field->token);
          add_row (self, self->unused_group, row);
          n_unused++;
          continue;
        }

      row = adw_expander_row_new ();
      set_row_text (ADW_PREFERENCES_ROW (row), field->label, value_or_empty (field));
      gtk_widget_set_tooltip_text (row, field->token);
      g_object_set_data_full (G_OBJECT (row), "gtm-token", g_strdup (field->token), g_free);
      {
        guint n = field->uses->len;
        g_autofree char *count = g_strdup_printf (ngettext ("%u use", "%u uses", n), n);
        GtkWidget *label = gtk_label_new (count);

        gtk_widget_add_css_class (label, "dim-label");
        gtk_widget_add_css_class (label, "numeric");
        gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
        adw_expander_row_add_action (ADW_EXPANDER_ROW (row), label);
      }
      for (guint j = 0; j < field->uses->len; j++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  create_item_row (self, g_ptr_array_index (field->uses, j), NULL));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (expanded, field->token));
      add_row (self, self->used_group, row);
      n_used++;
    }

  for (guint i = 0; i < broken->len; i++)
    {
      Broken *entry = g_ptr_array_index (broken, i);

      add_row (self, self->broken_group, create_item_row (self, entry->item, entry->token));
    }

  adw_preferences_group_set_description (self->used_group,
                                         n_used > 0 ? NULL
                                         : _("No board links to a field yet. While editing an item’s text, "
                                             "press Ctrl+K to insert one."));
  gtk_widget_set_visible (GTK_WIDGET (self->unused_group), n_unused > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->broken_group), broken->len > 0);
}

static gboolean
rebuild_idle (gpointer data)
{
  GtmLinksDialog *self = data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

/* Any change may add or remove a use or change a value or a name: the
 * rows follow once the change is done; a change nobody sees (an item
 * moved) compares equal and leaves them be. */
static void
on_project_changed (GtmLinksDialog *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_LOW, rebuild_idle, self, NULL);
}

static void
set_project (GtmLinksDialog *self,
             GtmProject     *project)
{
  if (self->project == project)
    return;

  g_clear_signal_handler (&self->changed_id, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->changed_id = g_signal_connect_swapped (project, "changed", G_CALLBACK (on_project_changed), self);

  g_clear_pointer (&self->shown, g_free);
  rebuild (self);
}

static void
on_window_notify_document (GtmLinksDialog *self)
{
  GtmDocument *document = gtm_window_get_document (self->window);

  set_project (self, document != NULL ? gtm_document_get_project (document) : NULL);
}

static void
on_unused_switch_active (GtmLinksDialog *self)
{
  gtm_links_dialog_set_show_unused (self, gtk_switch_get_active (self->unused_switch));
}

/* GObject */

static void
gtm_links_dialog_dispose (GObject *object)
{
  GtmLinksDialog *self = GTM_LINKS_DIALOG (object);
  /* GTK 4.8 forgets the transient parent only when the dialog goes away:
   * the window stays alive until then. */
  g_autoptr(GtmWindow) window = g_steal_pointer (&self->window);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  set_project (self, NULL);
  if (window != NULL)
    {
      g_signal_handlers_disconnect_by_data (window, self);
      if (g_object_get_data (G_OBJECT (window), DIALOG_KEY) == self)
        g_object_set_data (G_OBJECT (window), DIALOG_KEY, NULL);
    }

  G_OBJECT_CLASS (gtm_links_dialog_parent_class)->dispose (object);
}

static void
gtm_links_dialog_finalize (GObject *object)
{
  GtmLinksDialog *self = GTM_LINKS_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->shown);

  G_OBJECT_CLASS (gtm_links_dialog_parent_class)->finalize (object);
}

static void
gtm_links_dialog_class_init (GtmLinksDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtm_links_dialog_dispose;
  object_class->finalize = gtm_links_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  return ADW_PREFERENCES_GROUP (group);
}

static void
gtm_links_dialog_init (GtmLinksDialog *self)
{
  GtkWidget *box, *header, *page, *row;
  AdwPreferencesGroup *options;

  self->rows = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Linked Fields"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  options = add_group (ADW_PREFERENCES_PAGE (page), NULL);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Show _Unused Fields"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Also list the fields no board links to yet"));
  self->unused_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->unused_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->unused_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->unused_switch));
  adw_preferences_group_add (options, row);
  g_signal_connect_swapped (self->unused_switch, "notify::active", G_CALLBACK (on_unused_switch_active), self);

  self->used_group = add_group (ADW_PREFERENCES_PAGE (page), _("Linked Fields in Use"));
  self->broken_group = add_group (ADW_PREFERENCES_PAGE (page), _("Broken Links"));
  adw_preferences_group_set_description (self->broken_group,
                                         _("The field these links show was deleted: "
                                           "the board shows a placeholder instead."));
  self->unused_group = add_group (ADW_PREFERENCES_PAGE (page), _("Unused Fields"));
  gtk_widget_set_visible (GTK_WIDGET (self->broken_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->unused_group), FALSE);

  adw_window_set_content (ADW_WINDOW (self), box);
}

GtmLinksDialog *
gtm_links_dialog_present (GtmWindow *window)
{
  GtmLinksDialog *self;

  g_return_val_if_fail (GTM_IS_WINDOW (window), NULL);

  self = g_object_get_data (G_OBJECT (window), DIALOG_KEY);
  if (self == NULL)
    {
      self = g_object_new (GTM_TYPE_LINKS_DIALOG,
                           "transient-for", window,
                           NULL);
      self->window = g_object_ref (window);
      g_object_set_data (G_OBJECT (window), DIALOG_KEY, self);
      g_signal_connect_swapped (window, "notify::document", G_CALLBACK (on_window_notify_document), self);
      on_window_notify_document (self);
    }

  gtk_window_present (GTK_WINDOW (self));

  return self;
}

gboolean
gtm_links_dialog_get_show_unused (GtmLinksDialog *self)
{
  g_return_val_if_fail (GTM_IS_LINKS_DIALOG (self), FALSE);

  return self->show_unused;
}

void
gtm_links_dialog_set_show_unused (GtmLinksDialog *self,
                                  gboolean        show_unused)
{
  g_return_if_fail (GTM_IS_LINKS_DIALOG (self));

  show_unused = !!show_unused;
  if (self->show_unused == show_unused)
    return;

  self->show_unused = show_unused;
  gtk_switch_set_active (self->unused_switch, show_unused);
  rebuild (self);
}
