/* gtm-link-chooser.c — a popover to pick a linked field to insert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-link-chooser"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gtm-link.h"
#include "gtm-link-chooser.h"

/* How much of a value a row shows: a pitch is a paragraph. */
#define MAX_VALUE_CHARS 120

struct _GtmLinkChooser
{
  GtkPopover         parent_instance;

  GtkSearchEntry    *search_entry;
  GtkScrolledWindow *scroller;
  GtkListBox        *list;
  /* The casefolded words of the search. */
  char             **needles;
};

enum {
  FIELD_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GtmLinkChooser, gtm_link_chooser, GTK_TYPE_POPOVER)

/* Each row keeps its token and the casefolded text the search looks in. */
#define ROW_TOKEN "gtm-link-token"
#define ROW_HAYSTACK "gtm-link-haystack"

static gboolean
row_matches (GtmLinkChooser *self,
             GtkListBoxRow  *row)
{
  const char *haystack = g_object_get_data (G_OBJECT (row), ROW_HAYSTACK);

  for (guint i = 0; self->needles != NULL && self->needles[i] != NULL; i++)
    if (strstr (haystack, self->needles[i]) == NULL)
      return FALSE;

  return TRUE;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  return row_matches (GTM_LINK_CHOOSER (data), row);
}

/* The next row after @row (or the first, for NULL) in @direction that
 * matches the search, or NULL. */
static GtkListBoxRow *
find_match (GtmLinkChooser *self,
            GtkListBoxRow  *row,
            int             direction)
{
  GtkWidget *widget;

  if (row == NULL)
    widget = direction > 0 ? gtk_widget_get_first_child (GTK_WIDGET (self->list))
                           : gtk_widget_get_last_child (GTK_WIDGET (self->list));
  else
    widget = direction > 0 ? gtk_widget_get_next_sibling (GTK_WIDGET (row))
                           : gtk_widget_get_prev_sibling (GTK_WIDGET (row));

  for (; widget != NULL;
       widget = direction > 0 ? gtk_widget_get_next_sibling (widget) : gtk_widget_get_prev_sibling (widget))
    if (GTK_IS_LIST_BOX_ROW (widget) && row_matches (self, GTK_LIST_BOX_ROW (widget)))
      return GTK_LIST_BOX_ROW (widget);

  return NULL;
}

/* Scrolls the list so that @row is in view. */
static void
scroll_to_row (GtmLinkChooser *self,
               GtkListBoxRow  *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double x, top, bottom, value, page;

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (row), GTK_WIDGET (self->list), 0, 0, &x, &top))
    return;

  bottom = top + gtk_widget_get_height (GTK_WIDGET (row));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, bottom - page);
}

static void
select_row (GtmLinkChooser *self,
            GtkListBoxRow  *row)
{
  if (row == NULL)
    {
      gtk_list_box_unselect_all (self->list);
      return;
    }

  gtk_list_box_select_row (self->list, row);
  scroll_to_row (self, row);
}

static void
choose_row (GtmLinkChooser *self,
            GtkListBoxRow  *row)
{
  g_autofree char *token = NULL;

  if (row == NULL)
    return;

  token = g_strdup (g_object_get_data (G_OBJECT (row), ROW_TOKEN));
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[FIELD_CHOSEN], 0, token);
}

static void
on_search_changed (GtmLinkChooser *self)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  g_strfreev (self->needles);
  self->needles = g_strsplit_set (g_strstrip (folded), " \t", -1);
  gtk_list_box_invalidate_filter (self->list);
  select_row (self, find_match (self, NULL, 1));
}

static void
on_search_activate (GtmLinkChooser *self)
{
  choose_row (self, gtk_list_box_get_selected_row (self->list));
}

static void
on_stop_search (GtmLinkChooser *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_row_activated (GtmLinkChooser *self,
                  GtkListBoxRow  *row)
{
  choose_row (self, row);
}

/* Up and Down in the search entry move through the matches. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtmLinkChooser        *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  GtkListBoxRow *next;
  int direction;
  guint steps = 1;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      direction = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      direction = 1;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      direction = -1;
      steps = 8;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      direction = 1;
      steps = 8;
      break;
    default:
      return FALSE;
    }

  for (guint i = 0; i < steps; i++)
    {
      next = find_match (self, selected, direction);
      if (next == NULL)
        break;
      selected = next;
    }

  if (selected == NULL)
    selected = find_match (self, NULL, 1);
  select_row (self, selected);

  return TRUE;
}

/* One line of a value, cut short. */
static char *
value_for_row (const char *value)
{
  g_autofree char *line = g_strdup (value);
  char *p;

  for (p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  if (g_utf8_strlen (line, -1) > MAX_VALUE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, MAX_VALUE_CHARS);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&line);
}

static GtkWidget *
create_row (GtmProject   *project,
            GtmLinkField *field)
{
  g_autofree char *resolved = gtm_link_resolve (GTM_NODE (project), field->token, NULL, NULL);
  g_autofree char *value = value_for_row (g_strstrip (resolved));
  g_autofree char *haystack = NULL;
  GtkWidget *row, *box, *title, *subtitle;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  title = gtk_label_new (field->label);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), title);

  /* Translators: what the list of linked fields shows for a field with
   * no value yet */
  subtitle = gtk_label_new (*value != '\0' ? value : _("Empty"));
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), subtitle);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, field->token);

  haystack = g_strconcat (field->label, "\n", value, "\n", field->token, NULL);
  g_object_set_data_full (G_OBJECT (row), ROW_TOKEN, g_strdup (field->token), g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_HAYSTACK, g_utf8_casefold (haystack, -1), g_free);

  return row;
}

/* GtkWidget */

static void
gtm_link_chooser_show (GtkWidget *widget)
{
  GtmLinkChooser *self = GTM_LINK_CHOOSER (widget);

  GTK_WIDGET_CLASS (gtm_link_chooser_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject */

static void
gtm_link_chooser_finalize (GObject *object)
{
  GtmLinkChooser *self = GTM_LINK_CHOOSER (object);

  g_strfreev (self->needles);

  G_OBJECT_CLASS (gtm_link_chooser_parent_class)->finalize (object);
}

static void
gtm_link_chooser_class_init (GtmLinkChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gtm_link_chooser_finalize;

  widget_class->show = gtm_link_chooser_show;

  /**
   * GtmLinkChooser::field-chosen:
   * @token: the token of the field, e.g. "{{persona-3.name}}"
   *
   * The user picked a field; the popover has closed.
   */
  signals[FIELD_CHOSEN] = g_signal_new ("field-chosen",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
gtm_link_chooser_init (GtmLinkChooser *self)
{
  GtkWidget *box, *placeholder;
  GtkEventController *controller;

  gtk_widget_add_css_class (GTK_WIDGET (self), "link-chooser");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search fields"), NULL);
  gtk_search_entry_set_search_delay (self->search_entry, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search linked fields"),
                                  -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Linked fields"),
                                  -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  placeholder = gtk_label_new (_("No matching fields"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->list, placeholder);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (self->scroller, TRUE);
  gtk_scrolled_window_set_max_content_height (self->scroller, 360);
  gtk_widget_set_size_request (GTK_WIDGET (self->scroller), 340, -1);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scroller));

  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_BOTTOM);
}

GtkWidget *
gtm_link_chooser_new (void)
{
  return g_object_new (GTM_TYPE_LINK_CHOOSER, NULL);
}

void
gtm_link_chooser_set_project (GtmLinkChooser *self,
                              GtmProject     *project)
{
  g_autoptr(GPtrArray) fields = NULL;
  GtkWidget *child;

  g_return_if_fail (GTM_IS_LINK_CHOOSER (self));
  g_return_if_fail (GTM_IS_PROJECT (project));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  fields = gtm_link_list_fields (project);
  for (guint i = 0; i < fields->len; i++)
    gtk_list_box_append (self->list, create_row (project, g_ptr_array_index (fields, i)));

  /* Clearing the search selects the first row, through ::search-changed;
   * a search that was empty already does not change. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  on_search_changed (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

const char *
gtm_link_chooser_get_selected (GtmLinkChooser *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GTM_IS_LINK_CHOOSER (self), NULL);

  row = gtk_list_box_get_selected_row (self->list);

  return row != NULL ? g_object_get_data (G_OBJECT (row), ROW_TOKEN) : NULL;
}

guint
gtm_link_chooser_get_n_matches (GtmLinkChooser *self)
{
  guint n = 0;

  g_return_val_if_fail (GTM_IS_LINK_CHOOSER (self), 0);

  for (GtkListBoxRow *row = find_match (self, NULL, 1); row != NULL; row = find_match (self, row, 1))
    n++;

  return n;
}
