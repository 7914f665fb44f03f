/* gtm-persona-compare.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-persona-compare"

#include "config.h"

#include <glib/gi18n.h>

#include "gtm-persona-avatar.h"
#include "gtm-persona-compare.h"
#include "gtm-persona-page.h"

/* The rows, one field each, below the row of avatars and names. */
typedef enum
{
  FIELD_STRING,
  FIELD_STRV,
  FIELD_AGE,
  FIELD_ROLE,
  FIELD_PERSONALITY, /* the "traits" keywords and the sliders */
} FieldKind;

static const struct {
  const char *property;
  const char *title;
  FieldKind   kind;
} fields[] = {
  { "job-title",  N_("Job title"),       FIELD_STRING },
  { "buying-role", N_("Role"),           FIELD_ROLE },
  { "age",        N_("Age"),             FIELD_AGE },
  { "location",   N_("Location"),        FIELD_STRING },
  { "goals",      N_("Goals"),           FIELD_STRV },
  { "challenges", N_("Challenges"),      FIELD_STRV },
  { "traits",     N_("Personality"),     FIELD_PERSONALITY },
  { "influences", N_("Influences"),      FIELD_STRV },
  { "jobs",       N_("Jobs to be done"), FIELD_STRV },
  { "pains",      N_("Pains"),           FIELD_STRV },
  { "gains",      N_("Gains"),           FIELD_STRV },
  { "scenario",   N_("Usage scenario"),  FIELD_STRING },
};

#define COLUMN_WIDTH 220

struct _GtmPersonaCompare
{
  AdwBin      parent_instance;

  GtmProject *project;
  GListModel *personas;
  /* GtmPersona → itself: the chosen ones, and every one the view has met
   * (a persona an undo brings back keeps its choice; one never met is
   * chosen while there are few columns). */
  GHashTable *chosen;
  GHashTable *seen;
  /* GtmPersona → "changed" handler id, for every persona of the project. */
  GHashTable *handlers;

  GtkStack   *stack;
  GtkGrid    *grid;
  GtkBox     *choice_box;
};

enum {
  SIGNAL_CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GtmPersonaCompare, gtm_persona_compare, ADW_TYPE_BIN)

static GtkWidget *
new_text (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);

  return label;
}

static GtkWidget *
new_empty (void)
{
  GtkWidget *label = new_text ("—");

  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A bullet list, each item's lines indented past its bullet; a dash when
 * @strv holds no text. */
static GtkWidget *
create_list (const char * const *strv)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gboolean empty = TRUE;

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (strv[i]));
      GtkWidget *line, *text;

      if (item[0] == '\0')
        continue;

      line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      text = new_text (item);
      /* As wide as the column: a wrapped label asks for less. */
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (line), new_text ("•"));
      gtk_box_append (GTK_BOX (line), text);
      gtk_box_append (GTK_BOX (box), line);
      empty = FALSE;
    }

  if (empty)
    {
      g_object_ref_sink (box);
      g_object_unref (box);
      return new_empty ();
    }

  return box;
}

/* One personality slider: its two poles with a bar between; the poles
 * take the widths of @lefts and @rights, so that a persona's bars line
 * up. */
static GtkWidget *
create_slider (GtmTrait     *trait,
               GtkSizeGroup *lefts,
               GtkSizeGroup *rights)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *left = new_text (gtm_trait_get_left (trait));
  GtkWidget *right = new_text (gtm_trait_get_right (trait));
  GtkWidget *bar = gtk_level_bar_new_for_interval (GTM_TRAIT_VALUE_MIN, GTM_TRAIT_VALUE_MAX);
  g_autofree char *description = NULL;

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), gtm_trait_get_value (trait));
  /* Its value is no level to reach: one colour throughout. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_size_request (bar, 48, -1);
  /* Translators: how far a persona leans between two poles of a
     personality slider, e.g. “Introvert – Extrovert: 70 of 100” */
  description = g_strdup_printf (_("%s – %s: %d of %d"),
                                 gtm_trait_get_left (trait), gtm_trait_get_right (trait),
                                 gtm_trait_get_value (trait), GTM_TRAIT_VALUE_MAX);
  gtk_widget_set_tooltip_text (bar, description);

  gtk_widget_add_css_class (left, "caption");
  gtk_widget_add_css_class (right, "caption");
  gtk_label_set_xalign (GTK_LABEL (right), 1.0);
  gtk_widget_set_valign (left, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (right, GTK_ALIGN_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (left), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (right), 12);
  gtk_size_group_add_widget (lefts, left);
  gtk_size_group_add_widget (rights, right);

  gtk_box_append (GTK_BOX (box), left);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), right);

  return box;
}

static GtkWidget *
create_personality (GtmPersona *persona)
{
  GListModel *sliders = gtm_persona_get_personality (persona);
  guint n_sliders = g_list_model_get_n_items (sliders);
  const char * const *traits = gtm_node_get_strv (GTM_NODE (persona), GTM_PERSONA_SLOT_TRAITS);
  g_autofree char *keywords = NULL;
  g_autoptr(GtkSizeGroup) lefts = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_autoptr(GtkSizeGroup) rights = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  GtkWidget *box;

  if (traits != NULL && traits[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) traits);

      keywords = g_strstrip (g_steal_pointer (&joined));
    }

  if ((keywords == NULL || keywords[0] == '\0') && n_sliders == 0)
    return new_empty ();

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (keywords != NULL && keywords[0] != '\0')
    gtk_box_append (GTK_BOX (box), new_text (keywords));
  for (guint i = 0; i < n_sliders; i++)
    {
      g_autoptr(GtmTrait) trait = g_list_model_get_item (sliders, i);

      gtk_box_append (GTK_BOX (box), create_slider (trait, lefts, rights));
    }

  return box;
}

/* The cell of @persona in the row of fields[@index]. */
static GtkWidget *
create_cell (GtmPersona *persona,
             guint       index)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (persona),
                                                    fields[index].property);
  const GValue *value = gtm_node_peek_value (GTM_NODE (persona), pspec->param_id);
  g_autofree char *text = NULL;

  switch (fields[index].kind)
    {
    case FIELD_STRING:
      text = g_strstrip (g_value_dup_string (value));
      break;

    case FIELD_STRV:
      return create_list (g_value_get_boxed (value));

    case FIELD_AGE:
      if (g_value_get_int (value) > 0)
        text = g_strdup_printf ("%d", g_value_get_int (value));
      break;

    case FIELD_ROLE:
      text = g_strdup (gtm_buying_role_to_label (g_value_get_enum (value)));
      break;

    case FIELD_PERSONALITY:
      return create_personality (persona);

    default:
      g_assert_not_reached ();
    }

  if (text == NULL || text[0] == '\0')
    return new_empty ();

  return new_text (text);
}

/* Avatar, name and kind. */
static GtkWidget *
create_header (GtmPersona *persona)
{
  const char *name = gtm_persona_get_name (persona);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *avatar = adw_avatar_new (64, NULL, TRUE);
  GtkWidget *title = new_text (name[0] ? name : _("Unnamed Persona"));
  GtkWidget *kind = new_text (gtm_persona_kind_to_label (gtm_persona_get_kind (persona)));

  gtm_persona_avatar_bind (ADW_AVATAR (avatar), persona);

  gtk_widget_set_halign (avatar, GTK_ALIGN_START);
  gtk_widget_add_css_class (title, "title-4");
  gtk_widget_add_css_class (kind, "dim-label");

  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), kind);

  return box;
}

static GtkWidget *
create_field_title (const char *title)
{
  GtkWidget *label = new_text (title);

  /* Broken between words only, and not narrower than a short title. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static guint
count_chosen (GtmPersonaCompare *self)
{
  guint n = self->personas ? g_list_model_get_n_items (self->personas) : 0;
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmPersona) persona = g_list_model_get_item (self->personas, i);

      if (g_hash_table_contains (self->chosen, persona))
        count++;
    }

  return count;
}

static void
rebuild_grid (GtmPersonaCompare *self)
{
  g_autoptr(GPtrArray) columns = gtm_persona_compare_dup_columns (self);
  g_autoptr(GtkSizeGroup) widths = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  if (columns->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint r = 0; r < G_N_ELEMENTS (fields); r++)
    gtk_grid_attach (self->grid, create_field_title (_(fields[r].title)), 0, r + 1, 1, 1);

  for (guint c = 0; c < columns->len; c++)
    {
      GtmPersona *persona = g_ptr_array_index (columns, c);
      GtkWidget *header = create_header (persona);

      gtk_widget_set_size_request (header, COLUMN_WIDTH, -1);
      gtk_widget_set_hexpand (header, TRUE);
      gtk_size_group_add_widget (widths, header);
      gtk_grid_attach (self->grid, header, c + 1, 0, 1, 1);

      /* Columns of one width, however long their texts. */
      for (guint r = 0; r < G_N_ELEMENTS (fields); r++)
        {
          GtkWidget *cell = create_cell (persona, r);

          gtk_size_group_add_widget (widths, cell);
          gtk_grid_attach (self->grid, cell, c + 1, r + 1, 1, 1);
        }
    }

  gtk_stack_set_visible_child_name (self->stack, "grid");
}

static void
on_choice_toggled (GtkCheckButton    *button,
                   GtmPersonaCompare *self)
{
  GtmPersona *persona = g_object_get_data (G_OBJECT (button), "gtm-persona");

  gtm_persona_compare_set_chosen (self, persona, gtk_check_button_get_active (button));
}

/* The check buttons of the Personas menu; the last ones chosen can't be
 * taken away. */
static void
update_choices (GtmPersonaCompare *self)
{
  guint n_chosen = count_chosen (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->choice_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtmPersona *persona = g_object_get_data (G_OBJECT (child), "gtm-persona");
      gboolean chosen = g_hash_table_contains (self->chosen, persona);

      g_signal_handlers_block_by_func (child, on_choice_toggled, self);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (child), chosen);
      g_signal_handlers_unblock_by_func (child, on_choice_toggled, self);
      gtk_widget_set_sensitive (child, !chosen || n_chosen > GTM_PERSONA_COMPARE_MIN_COLUMNS);
    }
}

static void
rebuild_choices (GtmPersonaCompare *self)
{
  guint n = self->personas ? g_list_model_get_n_items (self->personas) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choice_box))) != NULL)
    gtk_box_remove (self->choice_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmPersona) persona = g_list_model_get_item (self->personas, i);
      const char *name = gtm_persona_get_name (persona);
      GtkWidget *button = gtk_check_button_new_with_label (name[0] ? name : _("Unnamed Persona"));

      g_object_set_data_full (G_OBJECT (button), "gtm-persona", g_object_ref (persona), g_object_unref);
      g_signal_connect (button, "toggled", G_CALLBACK (on_choice_toggled), self);
      gtk_box_append (self->choice_box, button);
    }

  update_choices (self);
}

static void
on_persona_changed (GtmNode           *persona,
                    GtmNode           *origin,
                    GtmPersonaCompare *self)
{
  rebuild_choices (self);
  rebuild_grid (self);
}

static void
disconnect_personas (GtmPersonaCompare *self)
{
  GHashTableIter iter;
  gpointer persona, handler;

  g_hash_table_iter_init (&iter, self->handlers);
  while (g_hash_table_iter_next (&iter, &persona, &handler))
    g_signal_handler_disconnect (persona, GPOINTER_TO_SIZE (handler));
  g_hash_table_remove_all (self->handlers);
}

/* Meets the personas of the project: listens to each, and chooses those
 * never met while there are few columns. */
static void
sync_personas (GtmPersonaCompare *self)
{
  guint n = g_list_model_get_n_items (self->personas);
  guint n_chosen = count_chosen (self);

  disconnect_personas (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmPersona) persona = g_list_model_get_item (self->personas, i);
      gulong handler = g_signal_connect (persona, "changed", G_CALLBACK (on_persona_changed), self);

      g_hash_table_insert (self->handlers, persona, GSIZE_TO_POINTER (handler));

      if (g_hash_table_contains (self->seen, persona))
        continue;

      g_hash_table_add (self->seen, g_object_ref (persona));
      if (n_chosen < GTM_PERSONA_COMPARE_DEFAULT_COLUMNS)
        {
          g_hash_table_add (self->chosen, g_object_ref (persona));
          n_chosen++;
        }
    }
}

static void
on_personas_changed (GListModel        *list,
                     guint              position,
                     guint              removed,
                     guint              added,
                     GtmPersonaCompare *self)
{
  sync_personas (self);
  rebuild_choices (self);
  rebuild_grid (self);
}

static void
on_back_clicked (GtmPersonaCompare *self)
{
  g_signal_emit (self, signals[SIGNAL_CLOSE], 0);
}

static gboolean
on_escape (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  g_signal_emit (widget, signals[SIGNAL_CLOSE], 0);
  return TRUE;
}

static void
gtm_persona_compare_dispose (GObject *object)
{
  GtmPersonaCompare *self = GTM_PERSONA_COMPARE (object);

  gtm_persona_compare_set_project (self, NULL);

  G_OBJECT_CLASS (gtm_persona_compare_parent_class)->dispose (object);
}

static void
gtm_persona_compare_finalize (GObject *object)
{
  GtmPersonaCompare *self = GTM_PERSONA_COMPARE (object);

  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->handlers, g_hash_table_unref);

  G_OBJECT_CLASS (gtm_persona_compare_parent_class)->finalize (object);
}

static void
gtm_persona_compare_class_init (GtmPersonaCompareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtm_persona_compare_dispose;
  object_class->finalize = gtm_persona_compare_finalize;

  signals[SIGNAL_CLOSE] = g_signal_new ("close",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, on_escape, NULL);
}

static void
gtm_persona_compare_init (GtmPersonaCompare *self)
{
  GtkWidget *box, *bar, *back, *title, *menu_button, *popover, *scroller, *status;

  self->chosen = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->seen = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->handlers = g_hash_table_new (NULL, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* The bar: back, title, the choice of personas. */
  bar = gtk_center_box_new ();
  gtk_widget_add_css_class (bar, "toolbar");
  back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (back, _("Back"));
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (on_back_clicked), self);
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (bar), back);

  title = gtk_label_new (_("Compare Personas"));
  gtk_widget_add_css_class (title, "heading");
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (bar), title);

  self->choice_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->choice_box));
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu_button), _("_Personas"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (menu_button), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  gtk_widget_set_tooltip_text (menu_button, _("Choose the Personas to Compare"));
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (bar), menu_button);

  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* The columns, scrolled both ways. */
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 18);
  gtk_grid_set_column_spacing (self->grid, 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 24);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 24);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->grid));

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Personas to Compare"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Add buyer or user personas to see them side by side"));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scroller, "grid");
  gtk_stack_add_named (self->stack, status, "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
gtm_persona_compare_new (void)
{
  return g_object_new (GTM_TYPE_PERSONA_COMPARE, NULL);
}

/**
 * gtm_persona_compare_get_project:
 *
 * Returns: (transfer none) (nullable): the project whose personas are
 *   compared
 */
GtmProject *
gtm_persona_compare_get_project (GtmPersonaCompare *self)
{
  g_return_val_if_fail (GTM_IS_PERSONA_COMPARE (self), NULL);

  return self->project;
}

void
gtm_persona_compare_set_project (GtmPersonaCompare *self,
                                 GtmProject        *project)
{
  g_return_if_fail (GTM_IS_PERSONA_COMPARE (self));
  g_return_if_fail (project == NULL || GTM_IS_PROJECT (project));

  if (self->project == project)
    return;

  disconnect_personas (self);
  if (self->personas != NULL)
    g_signal_handlers_disconnect_by_func (self->personas, on_personas_changed, self);
  g_hash_table_remove_all (self->chosen);
  g_hash_table_remove_all (self->seen);

  g_set_object (&self->project, project);
  self->personas = project ? gtm_project_get_personas (project) : NULL;

  if (self->personas != NULL)
    {
      g_signal_connect (self->personas, "items-changed", G_CALLBACK (on_personas_changed), self);
      sync_personas (self);
    }

  rebuild_choices (self);
  rebuild_grid (self);
}

gboolean
gtm_persona_compare_get_chosen (GtmPersonaCompare *self,
                                GtmPersona        *persona)
{
  g_return_val_if_fail (GTM_IS_PERSONA_COMPARE (self), FALSE);
  g_return_val_if_fail (GTM_IS_PERSONA (persona), FALSE);

  return g_hash_table_contains (self->chosen, persona);
}

void
gtm_persona_compare_set_chosen (GtmPersonaCompare *self,
                                GtmPersona        *persona,
                                gboolean           chosen)
{
  guint position;

  g_return_if_fail (GTM_IS_PERSONA_COMPARE (self));
  g_return_if_fail (GTM_IS_PERSONA (persona));
  g_return_if_fail (self->personas != NULL &&
                    g_list_store_find (G_LIST_STORE (self->personas), persona, &position));

  if (chosen == g_hash_table_contains (self->chosen, persona))
    return;

  if (chosen)
    g_hash_table_add (self->chosen, g_object_ref (persona));
  else
    g_hash_table_remove (self->chosen, persona);

  update_choices (self);
  rebuild_grid (self);
}

/**
 * gtm_persona_compare_dup_columns:
 *
 * Returns: (transfer full) (element-type GtmPersona): the personas shown,
 *   left to right
 */
GPtrArray *
gtm_persona_compare_dup_columns (GtmPersonaCompare *self)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (GTM_IS_PERSONA_COMPARE (self), columns);

  n = self->personas ? g_list_model_get_n_items (self->personas) : 0;
  for (guint i = 0; i < n; i++)
    {
      GtmPersona *persona = g_list_model_get_item (self->personas, i);

      if (g_hash_table_contains (self->chosen, persona))
        g_ptr_array_add (columns, persona);
      else
        g_object_unref (persona);
    }

  return columns;
}
