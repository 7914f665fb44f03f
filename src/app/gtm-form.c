/* gtm-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-form"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gtm-calc.h"
#include "gtm-format.h"
#include "gtm-form.h"

typedef enum
{
  BIND_ENTRY,
  BIND_TEXT,
  BIND_CHOICE,
  BIND_SWITCH,
  BIND_COLOR,
  BIND_SCALE,
  BIND_STRINGS,
  BIND_NODES,
} BindKind;

typedef struct _Binding Binding;

enum {
  FOCUS_NONE = -1,
  FOCUS_ADDED = -2,
};

/* A signal handler a binding connected to one of its widgets: disconnected
 * when the binding goes, as the widget may outlive it. */
typedef struct
{
  gpointer instance;
  gulong   id;
} Handler;

/* One node of a BIND_NODES list: its expander row and its form. */
typedef struct
{
  GtmNode   *node;
  GtkWidget *row;
  GtmForm   *form;
} Child;

struct _Binding
{
  GtmForm          *form;    /* owns the binding */
  BindKind          kind;
  GParamSpec       *pspec;   /* the field; NULL for BIND_NODES */
  GtkWidget        *row;     /* the row, or the group of a list */
  GtkWidget        *editor;  /* what the user edits: the row itself, a text view, a switch, a scale */
  gboolean          updating; /* the form is writing the node's value into the editor */
  GArray           *handlers; /* Handler: the signals of widgets this binding listens to */

  /* BIND_CHOICE: the enum values, in the order of the drop-down. */
  GArray           *values;

  /* BIND_STRINGS and BIND_NODES */
  GPtrArray        *rows;    /* AdwEntryRow per string, or Child* per node */
  GtkWidget        *add_row;
  int               focus;   /* the row to focus after a rebuild; FOCUS_NONE, or FOCUS_ADDED for a node just added */

  /* BIND_NODES */
  const char       *list;
  GListStore       *store;
  const char       *title_property;
  const char       *untitled;
  GtmFormBuildFunc  build;
  GtmFormNewNodeFunc new_node;
  gpointer          user_data;
};

struct _GtmForm
{
  GObject     parent_instance;

  GType       node_type;
  GtmHistory *history;
  GtmNode    *node;
  GPtrArray  *bindings; /* Binding* */
};

G_DEFINE_FINAL_TYPE (GtmForm, gtm_form, G_TYPE_OBJECT)

static void binding_refresh (Binding *binding);

static void
child_free (Child *child)
{
  g_object_unref (child->node);
  g_object_unref (child->form);
  g_free (child);
}

static void
binding_free (Binding *binding)
{
  for (guint i = 0; i < binding->handlers->len; i++)
    {
      Handler *handler = &g_array_index (binding->handlers, Handler, i);

      g_signal_handler_disconnect (handler->instance, handler->id);
    }
  g_array_unref (binding->handlers);
  if (binding->store != NULL)
    g_signal_handlers_disconnect_by_data (binding->store, binding);
  g_clear_object (&binding->store);
  g_clear_pointer (&binding->values, g_array_unref);
  g_clear_pointer (&binding->rows, g_ptr_array_unref);
  g_object_unref (binding->row);
  g_free (binding);
}

static void
disconnect_node (GtmForm *self)
{
  if (self->node == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->node, self);
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (binding->store != NULL)
        g_signal_handlers_disconnect_by_data (binding->store, binding);
      g_clear_object (&binding->store);
    }
}

static void
gtm_form_dispose (GObject *object)
{
  GtmForm *self = GTM_FORM (object);

  disconnect_node (self);
  g_clear_object (&self->node);
  g_clear_object (&self->history);
  g_ptr_array_set_size (self->bindings, 0);

  G_OBJECT_CLASS (gtm_form_parent_class)->dispose (object);
}

static void
gtm_form_finalize (GObject *object)
{
  GtmForm *self = GTM_FORM (object);

  g_ptr_array_unref (self->bindings);

  G_OBJECT_CLASS (gtm_form_parent_class)->finalize (object);
}

static void
gtm_form_class_init (GtmFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gtm_form_dispose;
  object_class->finalize = gtm_form_finalize;
}

static void
gtm_form_init (GtmForm *self)
{
  self->bindings = g_ptr_array_new_with_free_func ((GDestroyNotify) binding_free);
}

GtmForm *
gtm_form_new (GType node_type)
{
  GtmForm *self;

  g_return_val_if_fail (g_type_is_a (node_type, GTM_TYPE_NODE), NULL);

  self = g_object_new (GTM_TYPE_FORM, NULL);
  self->node_type = node_type;

  return self;
}

GtmNode *
gtm_form_get_node (GtmForm *self)
{
  g_return_val_if_fail (GTM_IS_FORM (self), NULL);

  return self->node;
}

GtkWidget *
gtm_form_find_row (GtmForm    *self,
                   GtmNode    *node,
                   const char *field)
{
  g_return_val_if_fail (GTM_IS_FORM (self), NULL);
  g_return_val_if_fail (GTM_IS_NODE (node), NULL);

  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (binding->kind != BIND_NODES)
        {
          if (self->node == node && field != NULL &&
              g_strcmp0 (g_param_spec_get_name (binding->pspec), field) == 0)
            return binding->row;
          continue;
        }

      for (guint j = 0; j < binding->rows->len; j++)
        {
          Child *child = g_ptr_array_index (binding->rows, j);
          GtkWidget *row = child->node == node && field == NULL
                           ? child->row
                           : gtm_form_find_row (child->form, node, field);

          if (row != NULL)
            return row;
        }
    }

  return NULL;
}

GtmHistory *
gtm_form_get_history (GtmForm *self)
{
  g_return_val_if_fail (GTM_IS_FORM (self), NULL);

  return self->history;
}

static void
on_node_notify (GtmNode    *node,
                GParamSpec *pspec,
                GtmForm    *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (binding->pspec != NULL && g_strcmp0 (binding->pspec->name, pspec->name) == 0)
        binding_refresh (binding);
    }
}

static void on_store_items_changed (GListModel *model,
                                    guint       position,
                                    guint       removed,
                                    guint       added,
                                    Binding    *binding);

static void
binding_connect (Binding *binding)
{
  GtmForm *self = binding->form;

  if (binding->kind == BIND_NODES && self->node != NULL)
    {
      binding->store = g_object_ref (gtm_node_get_list (self->node, binding->list));
      g_signal_connect (binding->store, "items-changed", G_CALLBACK (on_store_items_changed), binding);
    }

  gtk_widget_set_sensitive (binding->row, self->node != NULL);
  binding_refresh (binding);
}

void
gtm_form_set_node (GtmForm    *self,
                   GtmHistory *history,
                   GtmNode    *node)
{
  g_return_if_fail (GTM_IS_FORM (self));
  g_return_if_fail (history == NULL || GTM_IS_HISTORY (history));
  g_return_if_fail (node == NULL || G_TYPE_CHECK_INSTANCE_TYPE (node, self->node_type));
  g_return_if_fail (node == NULL || history != NULL);

  if (node == self->node && history == self->history)
    return;

  /* Typing in one node's field doesn't join typing in another's. */
  if (self->history != NULL)
    gtm_history_stop_typing (self->history);

  disconnect_node (self);
  g_set_object (&self->history, history);
  g_set_object (&self->node, node);

  if (node != NULL)
    g_signal_connect (node, "notify", G_CALLBACK (on_node_notify), self);

  for (guint i = 0; i < self->bindings->len; i++)
    binding_connect (g_ptr_array_index (self->bindings, i));
}

/* Followers */

typedef struct
{
  GtmNode          *node;
  GtmFormFollowFunc update;
} Follow;

static void
follow_free (Follow *follow)
{
  g_object_unref (follow->node);
  g_free (follow);
}

static void
on_follow_changed (GtmNode   *source,
                   GtmNode   *origin,
                   GtkWidget *widget)
{
  Follow *follow = g_object_get_data (G_OBJECT (widget), "gtm-form-follow");

  follow->update (widget, follow->node);
}

void
gtm_form_follow (GtmForm          *self,
                 GtkWidget        *widget,
                 gboolean          parent,
                 GtmFormFollowFunc update)
{
  Follow *follow;
  GtmNode *source;

  g_return_if_fail (GTM_IS_FORM (self));
  g_return_if_fail (self->node != NULL);
  g_return_if_fail (g_object_get_data (G_OBJECT (widget), "gtm-form-follow") == NULL);

  source = parent ? gtm_node_get_parent (self->node) : self->node;
  g_return_if_fail (source != NULL);

  follow = g_new0 (Follow, 1);
  follow->node = g_object_ref (self->node);
  follow->update = update;
  g_object_set_data_full (G_OBJECT (widget), "gtm-form-follow", follow, (GDestroyNotify) follow_free);
  g_signal_connect_object (source, "changed", G_CALLBACK (on_follow_changed), widget, 0);

  update (widget, self->node);
}

/* Rows and errors */

static void
add_to_container (GtkWidget *container,
                  GtkWidget *row)
{
  if (ADW_IS_PREFERENCES_GROUP (container))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (container), row);
  else if (ADW_IS_EXPANDER_ROW (container))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (container), row);
  else
    g_critical ("A form row goes in a preferences group or an expander row, not a %s",
                G_OBJECT_TYPE_NAME (container));
}

void
gtm_form_row_set_error (GtkWidget  *row,
                        const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (row));

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  if (ADW_IS_ENTRY_ROW (row))
    {
      GtkLabel *label = g_object_get_data (G_OBJECT (row), "gtm-form-error");

      if (label == NULL && message != NULL)
        {
          label = GTK_LABEL (gtk_label_new (NULL));
          gtk_label_set_wrap (label, TRUE);
          gtk_label_set_max_width_chars (label, 24);
          gtk_label_set_xalign (label, 1);
          gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
          gtk_widget_add_css_class (GTK_WIDGET (label), "error");
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), GTK_WIDGET (label));
          g_object_set_data (G_OBJECT (row), "gtm-form-error", label);
        }

      if (label != NULL)
        {
          gtk_label_set_label (label, message);
          gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
        }
    }
  else if (ADW_IS_ACTION_ROW (row))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message ? message : "");
    }

  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                GtmForm                 *self)
{
  if (self->history != NULL)
    gtm_history_stop_typing (self->history);
}

/* Leaving @widget ends a run of typing in it. */
static void
stop_typing_on_leave (GtmForm   *self,
                      GtkWidget *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, 0);
  gtk_widget_add_controller (widget, focus);
}

static Binding *
binding_new (GtmForm    *self,
             BindKind    kind,
             const char *property,
             GtkWidget  *row)
{
  Binding *binding = g_new0 (Binding, 1);

  binding->form = self;
  binding->kind = kind;
  binding->row = g_object_ref_sink (row);
  binding->focus = FOCUS_NONE;
  binding->handlers = g_array_new (FALSE, FALSE, sizeof (Handler));

  if (property != NULL)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (self->node_type);

      binding->pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
      if (binding->pspec == NULL || !(binding->pspec->flags & GTM_PARAM_SAVED))
        g_critical ("%s has no field “%s”", g_type_name (self->node_type), property);
    }

  g_ptr_array_add (self->bindings, binding);

  return binding;
}

/* Connects @callback to @signal of @instance, a widget of the binding's
 * (or an object it owns), with the binding as its data. */
static void
binding_listen (Binding    *binding,
                gpointer    instance,
                const char *signal,
                GCallback   callback)
{
  Handler handler = { instance, g_signal_connect (instance, signal, callback, binding) };

  g_array_append_val (binding->handlers, handler);
}

/* The last steps of a gtm_form_add_*(): @editor's @signal writes the
 * field, and the row goes in @container showing the node's value. */
static GtkWidget *
binding_show (Binding    *binding,
              GtkWidget  *editor,
              const char *signal,
              GCallback   callback,
              GtkWidget  *container)
{
  binding->editor = editor;
  binding_listen (binding, editor, signal, callback);
  add_to_container (container, binding->row);
  binding_connect (binding);

  return binding->row;
}

/* Sets the field through the history: typed input joins the run of typing
 * in the same field. */
static void
binding_write (Binding      *binding,
               const GValue *value,
               gboolean      typing)
{
  GtmForm *self = binding->form;

  if (self->node == NULL || binding->updating)
    return;

  if (typing)
    gtm_history_set_typing (self->history, self->node, binding->pspec->name, value);
  else
    gtm_history_set_value (self->history, self->node, binding->pspec->name, value);
}

static void
get_field (Binding *binding,
           GValue  *value)
{
  g_value_init (value, binding->pspec->value_type);
  if (binding->form->node != NULL)
    g_object_get_property (G_OBJECT (binding->form->node), binding->pspec->name, value);
  else
    g_param_value_set_default (binding->pspec, value);
}

/* Numbers */

static gboolean
is_number (GParamSpec *pspec)
{
  return pspec->value_type == G_TYPE_INT || pspec->value_type == G_TYPE_DOUBLE;
}

static void
number_range (GParamSpec *pspec,
              double     *minimum,
              double     *maximum)
{
  if (G_IS_PARAM_SPEC_INT (pspec))
    {
      *minimum = G_PARAM_SPEC_INT (pspec)->minimum;
      *maximum = G_PARAM_SPEC_INT (pspec)->maximum;
    }
  else
    {
      *minimum = G_PARAM_SPEC_DOUBLE (pspec)->minimum;
      *maximum = G_PARAM_SPEC_DOUBLE (pspec)->maximum;
    }
}

/* @number as people write it here: the locale's decimal mark, no
 * exponent, no trailing zeros. */
static char *
format_number (double number)
{
  g_autofree char *text = g_strdup_printf ("%.2f", number);
  struct lconv *conventions = localeconv ();
  const char *point = conventions->decimal_point;
  char *mark = strstr (text, point);

  if (mark != NULL)
    {
      char *end = text + strlen (text);

      while (end > mark + strlen (point) && end[-1] == '0')
        *--end = '\0';
      if (end == mark + strlen (point))
        *mark = '\0';
    }

  return g_steal_pointer (&text);
}

gboolean
gtm_form_parse_number (const char  *text,
                       GParamSpec  *pspec,
                       double      *value,
                       GError     **error)
{
  double minimum, maximum;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), FALSE);

  if (!gtm_calc_parse_number (text, value, error))
    return FALSE;

  number_range (pspec, &minimum, &maximum);
  if (G_IS_PARAM_SPEC_INT (pspec) && *value != floor (*value))
    {
      g_set_error_literal (error, GTM_CALC_ERROR, GTM_CALC_ERROR_NOT_A_NUMBER,
                           _("Enter a whole number."));
      return FALSE;
    }

  /* Limits far beyond any real count only guard the file: they are not
   * worth reading. */
  if (*value < minimum && minimum == 0 && maximum >= 1e12)
    {
      g_set_error_literal (error, GTM_CALC_ERROR, GTM_CALC_ERROR_OUT_OF_RANGE,
                           _("Enter a number of 0 or more."));
      return FALSE;
    }

  if (*value < minimum || *value > maximum)
    {
      g_autofree char *low = format_number (minimum);
      g_autofree char *high = format_number (maximum);

      g_set_error (error, GTM_CALC_ERROR, GTM_CALC_ERROR_OUT_OF_RANGE,
                   /* Translators: the numbers a form field accepts */
                   _("Enter a number from %s to %s."), low, high);
      return FALSE;
    }

  return TRUE;
}

/* The text an entry shows for its field's value. An int field where 0 is
 * the lowest value (an age) shows 0 as empty: unknown. */
static char *
entry_text_for (Binding      *binding,
                const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");

  if (G_VALUE_HOLDS_INT (value))
    {
      int number = g_value_get_int (value);

      if (number == 0 && G_PARAM_SPEC_INT (binding->pspec)->minimum == 0)
        return g_strdup ("");
      return g_strdup_printf ("%d", number);
    }

  return format_number (g_value_get_double (value));
}

/* Reads an entry's text into @value (initialized to the field's type), or
 * says what is wrong with it. */
static gboolean
entry_read (Binding     *binding,
            const char  *text,
            GValue      *value,
            GError     **error)
{
  GParamSpec *pspec = binding->pspec;

  if (is_number (pspec))
    {
      double number = 0, minimum, maximum;

      /* Empty is 0, where 0 may be written (an unknown age); a field
       * that can't be 0 (a priority from 1) asks for a number. */
      number_range (pspec, &minimum, &maximum);
      if ((*text != '\0' || minimum > 0 || maximum < 0) &&
          !gtm_form_parse_number (text, pspec, &number, error))
        return FALSE;

      if (G_VALUE_HOLDS_INT (value))
        g_value_set_int (value, (int) number);
      else
        g_value_set_double (value, number);
      return TRUE;
    }

  g_value_set_string (value, text);
  if (!gtm_format_check_value (pspec, value, NULL))
    {
      if (pspec->flags & GTM_PARAM_DATE)
        g_set_error_literal (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
                             /* Translators: keep YYYY-MM-DD as it is, it is the format to type */
                             _("Enter a date as YYYY-MM-DD."));
      else
        g_set_error_literal (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
                             _("This text is too long."));
      return FALSE;
    }

  return TRUE;
}

/* Runs the node's own checks across fields (an activity's end before its
 * start) with @value in the field, as the format does before saving: an
 * edit that would make the node fail them is refused like bad input. A
 * node that already fails them is not blocked. */
static gboolean
entry_check_node (Binding       *binding,
                  const GValue  *value,
                  GError       **error)
{
  GtmNode *node = binding->form->node;
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (node);
  guint slot = binding->pspec->param_id;
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;
  const char *field = NULL;
  gboolean valid;

  if (klass->validate == NULL ||
      !klass->validate (node, gtm_node_get_root (node), &field, NULL))
    return TRUE;

  /* Swapped in and out at once, with no notification: no one sees it. */
  g_value_init (&old_value, binding->pspec->value_type);
  g_value_copy (gtm_node_peek_value (node, slot), &old_value);
  g_value_init (&new_value, binding->pspec->value_type);
  g_value_copy (value, &new_value);
  gtm_node_load_value (node, slot, &new_value);
  valid = klass->validate (node, gtm_node_get_root (node), &field, error);
  gtm_node_load_value (node, slot, &old_value);

  /* The node's checks word their message for a file's error ("…: the
   * activity ends … before it starts …"); on its row it is a sentence. */
  if (!valid && error != NULL && *error != NULL && (*error)->message[0] != '\0')
    {
      char *message = (*error)->message;
      const char *rest = g_utf8_next_char (message);
      char first[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (message)), first);
      (*error)->message = g_strconcat (first, rest,
                                       g_str_has_suffix (rest, ".") || g_str_has_suffix (rest, "。") ? "" : ".",
                                       NULL);
      g_free (message);
    }

  return valid;
}

/* Checks the entry's text and writes it; @leaving when the focus leaves
 * the entry. */
static void
entry_commit (Binding  *binding,
              gboolean  leaving)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (binding->editor));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (binding->updating || binding->form->node == NULL)
    return;

  g_value_init (&value, binding->pspec->value_type);
  if (!entry_read (binding, text, &value, &error) ||
      !entry_check_node (binding, &value, &error))
    {
      gtm_form_row_set_error (binding->row, error->message);
      return;
    }

  gtm_form_row_set_error (binding->row, NULL);

  /* Typing over a number replaces it in two steps, through an empty
   * field: emptying a number field only counts once the user leaves it,
   * so that the field keeps its last good value while "20" becomes "-5". */
  if (is_number (binding->pspec) && *text == '\0' && !leaving)
    return;

  binding_write (binding, &value, TRUE);
}

static void
on_entry_changed (GtkEditable *editable,
                  Binding     *binding)
{
  entry_commit (binding, FALSE);
}

static void
on_entry_leave (GtkEventControllerFocus *controller,
                Binding                 *binding)
{
  entry_commit (binding, TRUE);
  if (binding->form->history != NULL)
    gtm_history_stop_typing (binding->form->history);
}

static void
entry_refresh (Binding *binding)
{
  GtkEditable *editable = GTK_EDITABLE (binding->editor);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) shown = G_VALUE_INIT;
  g_autofree char *text = NULL;

  get_field (binding, &value);

  /* What the user is typing stays as typed ("12," on the way to "12,5")
   * while it means the field's value. */
  g_value_init (&shown, binding->pspec->value_type);
  if (entry_read (binding, gtk_editable_get_text (editable), &shown, NULL) &&
      g_param_values_cmp (binding->pspec, &shown, &value) == 0)
    return;

  text = entry_text_for (binding, &value);
  binding->updating = TRUE;
  gtk_editable_set_text (editable, text);
  binding->updating = FALSE;
  gtm_form_row_set_error (binding->row, NULL);
}

GtkWidget *
gtm_form_add_entry (GtmForm    *self,
                    GtkWidget  *container,
                    const char *property,
                    const char *title)
{
  GtkEventController *focus;
  GtkWidget *row;
  Binding *binding;

  g_return_val_if_fail (GTM_IS_FORM (self), NULL);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  binding = binding_new (self, BIND_ENTRY, property, row);
  binding->editor = row;
  g_return_val_if_fail (binding->pspec != NULL, row);

  if (G_IS_PARAM_SPEC_STRING (binding->pspec))
    gtk_editable_set_max_width_chars (GTK_EDITABLE (row), 40);

  binding_listen (binding, row, "changed", G_CALLBACK (on_entry_changed));
  focus = gtk_event_controller_focus_new ();
  gtk_widget_add_controller (row, focus);
  binding_listen (binding, focus, "leave", G_CALLBACK (on_entry_leave));
  add_to_container (container, row);
  binding_connect (binding);

  return row;
}

/* Multi-line text */

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   Binding       *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (binding->updating || binding->form->node == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  if (!gtm_format_check_value (binding->pspec, &value, NULL))
    {
      gtm_form_row_set_error (binding->row, _("This text is too long."));
      return;
    }

  gtm_form_row_set_error (binding->row, NULL);
  binding_write (binding, &value, TRUE);
}

static void
text_refresh (Binding *binding)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (binding->editor));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;
  const char *text;

  get_field (binding, &value);
  text = g_value_get_string (&value) ? g_value_get_string (&value) : "";

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (shown, text) == 0)
    return;

  binding->updating = TRUE;
  gtk_text_buffer_set_text (buffer, text, -1);
  binding->updating = FALSE;
}

GtkWidget *
gtm_form_add_text (GtmForm    *self,
                   GtkWidget  *container,
                   const char *property,
                   const char *title)
{
  GtkWidget *row, *box, *label, *view, *scroller;
  Binding *binding;

  g_return_val_if_fail (GTM_IS_FORM (self), NULL);

  /* A preferences row, so that a group puts it in its list with the
   * others. */
  row = adw_preferences_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "gtm-form-text");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  /* A text view asks for the height of its text at the width it had last,
   * which before its first allocation is next to none: held between a
   * few lines and a dozen, it grows with the text and scrolls past that. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 60);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  /* Tab goes straight to the text. */
  gtk_widget_set_focusable (scroller, FALSE);
  gtk_box_append (GTK_BOX (box), scroller);

  binding = binding_new (self, BIND_TEXT, property, row);
  binding->editor = view;
  binding_listen (binding, gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                  G_CALLBACK (on_buffer_changed));
  stop_typing_on_leave (self, view);
  add_to_container (container, row);
  binding_connect (binding);

  return row;
}

/* Choices */

static void
on_choice_selected (AdwComboRow *row,
                    GParamSpec  *pspec,
                    Binding     *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;
  guint selected = adw_combo_row_get_selected (row);

  if (selected >= binding->values->len)
    return;

  g_value_init (&value, binding->pspec->value_type);
  g_value_set_enum (&value, g_array_index (binding->values, int, selected));
  binding_write (binding, &value, FALSE);
}

static void
choice_refresh (Binding *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;
  int current;

  get_field (binding, &value);
  current = g_value_get_enum (&value);

  for (guint i = 0; i < binding->values->len; i++)
    if (g_array_index (binding->values, int, i) == current)
      {
        binding->updating = TRUE;
        adw_combo_row_set_selected (ADW_COMBO_ROW (binding->row), i);
        binding->updating = FALSE;
        break;
      }
}

GtkWidget *
gtm_form_add_choice (GtmForm          *self,
                     GtkWidget        *container,
                     const char       *property,
                     const char       *title,
                     GtmFormLabelFunc  label_func)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GEnumClass) enum_class = NULL;
  GtkWidget *row;
  Binding *binding;

  g_return_val_if_fail (GTM_IS_FORM (self), NULL);
  g_return_val_if_fail (label_func != NULL, NULL);

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  binding = binding_new (self, BIND_CHOICE, property, row);
  g_return_val_if_fail (binding->pspec != NULL && G_IS_PARAM_SPEC_ENUM (binding->pspec), row);

  binding->values = g_array_new (FALSE, FALSE, sizeof (int));
  enum_class = g_type_class_ref (binding->pspec->value_type);
  for (guint i = 0; i < enum_class->n_values; i++)
    {
      int value = enum_class->values[i].value;

      g_array_append_val (binding->values, value);
      gtk_string_list_append (labels, label_func (value));
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  return binding_show (binding, row, "notify::selected", G_CALLBACK (on_choice_selected), container);
}

/* A row titled @title (and @subtitle, nullable) with @widget at its end,
 * which activating the row activates. */
static GtkWidget *
action_row_new (const char *title,
                const char *subtitle,
                GtkWidget  *widget)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);

  return row;
}

/* Switches */

static void
on_switch_active (GtkSwitch  *widget,
                  GParamSpec *pspec,
                  Binding    *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (widget));
  binding_write (binding, &value, FALSE);
}

static void
switch_refresh (Binding *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;

  get_field (binding, &value);
  binding->updating = TRUE;
  gtk_switch_set_active (GTK_SWITCH (binding->editor), g_value_get_boolean (&value));
  binding->updating = FALSE;
}

GtkWidget *
gtm_form_add_switch (GtmForm    *self,
                     GtkWidget  *container,
                     const char *property,
                     const char *title,
                     const char *subtitle)
{
  GtkWidget *row, *widget;
  Binding *binding;

  g_return_val_if_fail (GTM_IS_FORM (self), NULL);

  widget = gtk_switch_new ();
  row = action_row_new (title, subtitle, widget);

  binding = binding_new (self, BIND_SWITCH, property, row);
  return binding_show (binding, widget, "notify::active", G_CALLBACK (on_switch_active), container);
}

/* Colours */

static void
on_color_set (GtkColorButton *button,
              GParamSpec     *pspec,
              Binding        *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, g_strdup_printf ("#%02x%02x%02x",
                                                (int) round (rgba.red * 255),
                                                (int) round (rgba.green * 255),
                                                (int) round (rgba.blue * 255)));
  binding_write (binding, &value, FALSE);
}

static void
color_refresh (Binding *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GdkRGBA rgba;

  get_field (binding, &value);
  if (g_value_get_string (&value) == NULL || !gdk_rgba_parse (&rgba, g_value_get_string (&value)))
    return;

  binding->updating = TRUE;
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (binding->editor), &rgba);
  binding->updating = FALSE;
}

GtkWidget *
gtm_form_add_color (GtmForm    *self,
                    GtkWidget  *container,
                    const char *property,
                    const char *title)
{
  GtkWidget *row, *button;
  Binding *binding;

  g_return_val_if_fail (GTM_IS_FORM (self), NULL);

  button = gtk_color_button_new ();
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (button), title);
  row = action_row_new (title, NULL, button);

  binding = binding_new (self, BIND_COLOR, property, row);
  return binding_show (binding, button, "notify::rgba", G_CALLBACK (on_color_set), container);
}

/* Scales */

static void
on_scale_value_changed (GtkRange *range,
                        Binding  *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;
  double number = gtk_range_get_value (range);

  g_value_init (&value, binding->pspec->value_type);
  if (G_VALUE_HOLDS_INT (&value))
    g_value_set_int (&value, (int) round (number));
  else
    g_value_set_double (&value, number);

  /* A drag or a run of arrow keys is one step. */
  binding_write (binding, &value, TRUE);
}

static void
on_scale_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GtmForm         *self)
{
  /* Each new drag is a step of its own. */
  if (self->history != NULL)
    gtm_history_stop_typing (self->history);
}

static void
scale_refresh (Binding *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;
  double number;

  get_field (binding, &value);
  number = G_VALUE_HOLDS_INT (&value) ? g_value_get_int (&value) : g_value_get_double (&value);

  binding->updating = TRUE;
  gtk_range_set_value (GTK_RANGE (binding->editor), number);
  binding->updating = FALSE;
}

static GtkWidget *
scale_end_label (const char *text,
                 float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

GtkWidget *
gtm_form_add_scale (GtmForm    *self,
                    GtkWidget  *container,
                    const char *property,
                    const char *title,
                    const char *start,
                    const char *end)
{
  GtkWidget *row, *box, *scale, *start_label, *end_label;
  GtkGesture *press;
  Binding *binding;
  double minimum, maximum;

  g_return_val_if_fail (GTM_IS_FORM (self), NULL);

  row = adw_action_row_new ();
  if (title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  binding = binding_new (self, BIND_SCALE, property, row);
  g_return_val_if_fail (binding->pspec != NULL && is_number (binding->pspec), row);
  number_range (binding->pspec, &minimum, &maximum);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (box, TRUE);
  start_label = scale_end_label (start, 1);
  end_label = scale_end_label (end, 0);
  scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, minimum, maximum, 1);
  gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
  gtk_widget_set_hexpand (scale, TRUE);
  gtk_widget_set_valign (scale, GTK_ALIGN_CENTER);
  gtk_range_set_increments (GTK_RANGE (scale), 1, 10);
  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  else
    {
      /* Translators: the accessible name of a slider between two poles, e.g. "Introvert – Extrovert" */
      g_autofree char *name = g_strdup_printf (_("%s – %s"), start ? start : "", end ? end : "");

      gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }

  gtk_box_append (GTK_BOX (box), start_label);
  gtk_box_append (GTK_BOX (box), scale);
  gtk_box_append (GTK_BOX (box), end_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  if (title == NULL)
    gtk_widget_add_css_class (row, "gtm-form-scale");

  press = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect_object (press, "pressed", G_CALLBACK (on_scale_pressed), self, 0);
  gtk_widget_add_controller (scale, GTK_EVENT_CONTROLLER (press));

  stop_typing_on_leave (self, scale);
  return binding_show (binding, scale, "value-changed", G_CALLBACK (on_scale_value_changed), container);
}

/* Lists: shared by lists of strings and lists of nodes */

/* What the menu of row @index of a list does to it. */
typedef void (*ListActionFunc) (Binding *binding,
                                guint    index,
                                int      action);

enum {
  ACTION_UP = -1,
  ACTION_DOWN = 1,
  ACTION_REMOVE = 0,
};

typedef struct
{
  Binding       *binding;
  ListActionFunc func;
  guint          index;
  int            action;
} ListAction;

static void
on_list_action (GSimpleAction *simple,
                GVariant      *parameter,
                gpointer       user_data)
{
  ListAction *action = user_data;

  action->func (action->binding, action->index, action->action);
}

/* The row's menu: Move Up, Move Down and Remove, as the actions
 * "list.move-up", "list.move-down" and "list.remove" of the row. */
static void
add_list_menu (GtkWidget     *row,
               Binding       *binding,
               ListActionFunc func,
               guint          index,
               guint          n)
{
  static const struct {
    const char *name;
    const char *label;
    int         kind;
  } items[] = {
    { "move-up", N_("Move Up"), ACTION_UP },
    { "move-down", N_("Move Down"), ACTION_DOWN },
    { "remove", N_("Remove"), ACTION_REMOVE },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) removes = g_menu_new ();
  GtkWidget *button;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GSimpleAction) simple = g_simple_action_new (items[i].name, NULL);
      g_autofree char *detailed = g_strconcat ("list.", items[i].name, NULL);
      ListAction *action = g_new0 (ListAction, 1);

      action->binding = binding;
      action->func = func;
      action->index = index;
      action->action = items[i].kind;
      g_signal_connect_data (simple, "activate", G_CALLBACK (on_list_action),
                             action, (GClosureNotify) (void (*) (void)) g_free, 0);
      g_simple_action_set_enabled (simple, (items[i].kind != ACTION_UP || index > 0) &&
                                           (items[i].kind != ACTION_DOWN || index + 1 < n));
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (simple));
      g_menu_append (items[i].kind == ACTION_REMOVE ? removes : moves, _(items[i].label), detailed);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removes));
  gtk_widget_insert_action_group (row, "list", G_ACTION_GROUP (group));

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("More Options"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");

  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  else
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
}

typedef struct
{
  Binding       *binding;
  ListActionFunc func;
  guint          index;
} ListKeys;

/* Alt+Up and Alt+Down move the row with the focus, as in the sidebar. */
static gboolean
on_list_row_key_pressed (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         ListKeys              *keys)
{
  guint n = keys->binding->rows->len;

  if ((state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != GDK_ALT_MASK)
    return GDK_EVENT_PROPAGATE;

  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) && keys->index > 0)
    keys->func (keys->binding, keys->index, ACTION_UP);
  else if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && keys->index + 1 < n)
    keys->func (keys->binding, keys->index, ACTION_DOWN);
  else
    return GDK_EVENT_PROPAGATE;

  return GDK_EVENT_STOP;
}

static void
add_list_keys (GtkWidget     *row,
               Binding       *binding,
               ListActionFunc func,
               guint          index)
{
  GtkEventController *controller = gtk_event_controller_key_new ();
  ListKeys *keys = g_new0 (ListKeys, 1);

  keys->binding = binding;
  keys->func = func;
  keys->index = index;
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_data (controller, "key-pressed", G_CALLBACK (on_list_row_key_pressed),
                         keys, (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_add_controller (row, controller);
}

static GtkWidget *
add_row_new (const char *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "gtm-form-add");

  return row;
}

/* Removes the rows of a list's group, its add row included. */
static void
list_clear (Binding *binding)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (binding->row);

  for (guint i = 0; i < binding->rows->len; i++)
    {
      gpointer element = g_ptr_array_index (binding->rows, i);
      GtkWidget *row = binding->kind == BIND_NODES ? ((Child *) element)->row : element;

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (binding->rows, 0);
  if (gtk_widget_get_parent (binding->add_row) != NULL)
    adw_preferences_group_remove (group, binding->add_row);
}

/* After removing row @index of @n, the focus goes to the row that took its
 * place, else to the one before, else to the add row. */
static int
list_focus_after_remove (guint index,
                         guint n)
{
  return index + 1 < n || index == 0 ? (int) index : (int) index - 1;
}

/* Focuses what the last add, move or remove left to focus. */
static void
list_restore_focus (Binding *binding)
{
  GtkWidget *target;

  if (binding->focus < 0)
    return;

  if ((guint) binding->focus < binding->rows->len)
    {
      gpointer element = g_ptr_array_index (binding->rows, binding->focus);

      target = binding->kind == BIND_NODES ? ((Child *) element)->row : element;
    }
  else
    target = binding->add_row;

  binding->focus = FOCUS_NONE;
  gtk_widget_grab_focus (target);
}

/* Lists of strings */

static GStrv
strings_get (Binding *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;

  get_field (binding, &value);
  if (g_value_get_boxed (&value) == NULL)
    return g_new0 (char *, 1);
  return g_value_dup_boxed (&value);
}

static void
strings_write (Binding *binding,
               GStrv    strings,
               gboolean typing)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, strings);
  binding_write (binding, &value, typing);
}

static void
strings_action (Binding *binding,
                guint    index,
                int      action)
{
  g_auto(GStrv) strings = strings_get (binding);
  guint n = g_strv_length (strings);

  if (index >= n)
    return;

  if (action == ACTION_REMOVE)
    {
      g_free (strings[index]);
      memmove (strings + index, strings + index + 1, (n - index) * sizeof (char *));
      binding->focus = list_focus_after_remove (index, n);
    }
  else
    {
      guint other = index + action;
      char *swap = strings[index];

      if (other >= n)
        return;
      strings[index] = strings[other];
      strings[other] = swap;
      binding->focus = other;
    }

  gtm_history_stop_typing (binding->form->history);
  strings_write (binding, strings, FALSE);
}

static void
on_string_changed (GtkEditable *editable,
                   Binding     *binding)
{
  g_auto(GStrv) strings = NULL;
  guint index;

  if (binding->updating || binding->form->node == NULL)
    return;

  index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "gtm-form-index"));
  strings = strings_get (binding);
  if (index >= g_strv_length (strings))
    return;

  g_free (strings[index]);
  strings[index] = g_strdup (gtk_editable_get_text (editable));
  strings_write (binding, strings, TRUE);
}

static void
on_string_add (AdwActionRow *row,
               Binding      *binding)
{
  g_auto(GStrv) strings = strings_get (binding);
  guint n = g_strv_length (strings);

  strings = g_renew (char *, strings, n + 2);
  strings[n] = g_strdup ("");
  strings[n + 1] = NULL;

  binding->focus = n;
  gtm_history_stop_typing (binding->form->history);
  strings_write (binding, strings, FALSE);
}

static void
strings_refresh (Binding *binding)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (binding->row);
  g_auto(GStrv) strings = strings_get (binding);
  guint n = g_strv_length (strings);

  binding->updating = TRUE;

  /* (An empty list shown for the first time still needs its add row.) */
  if (n == binding->rows->len && gtk_widget_get_parent (binding->add_row) != NULL)
    {
      /* Text typed or undone: only the entries that differ change, so the
       * one being typed in keeps its cursor. */
      for (guint i = 0; i < n; i++)
        {
          GtkEditable *entry = g_ptr_array_index (binding->rows, i);

          if (g_strcmp0 (gtk_editable_get_text (entry), strings[i]) != 0)
            gtk_editable_set_text (entry, strings[i]);
        }
    }
  else
    {
      list_clear (binding);
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = adw_entry_row_new ();
          g_autofree char *title = g_strdup_printf ("%s %u", adw_preferences_group_get_title (group), i + 1);

          gtk_editable_set_text (GTK_EDITABLE (row), strings[i]);
          g_object_set_data (G_OBJECT (row), "gtm-form-index", GUINT_TO_POINTER (i));
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
          g_signal_connect (row, "changed", G_CALLBACK (on_string_changed), binding);
          stop_typing_on_leave (binding->form, row);
          add_list_menu (row, binding, strings_action, i, n);
          add_list_keys (row, binding, strings_action, i);
          adw_preferences_group_add (group, row);
          g_ptr_array_add (binding->rows, row);
        }
      adw_preferences_group_add (group, binding->add_row);
    }

  /* The buttons of the last row moved with the list's length. */
  binding->updating = FALSE;
  list_restore_focus (binding);
}

AdwPreferencesGroup *
gtm_form_add_strings (GtmForm    *self,
                      GtkWidget  *container,
                      const char *property,
                      const char *title,
                      const char *add_label)
{
  GtkWidget *group;
  Binding *binding;

  g_return_val_if_fail (GTM_IS_FORM (self), NULL);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

  binding = binding_new (self, BIND_STRINGS, property, group);
  g_return_val_if_fail (binding->pspec != NULL && binding->pspec->value_type == G_TYPE_STRV,
                        ADW_PREFERENCES_GROUP (group));
  binding->rows = g_ptr_array_new ();
  binding->add_row = g_object_ref_sink (add_row_new (add_label));
  binding_listen (binding, binding->add_row, "activated", G_CALLBACK (on_string_add));
  g_object_set_data_full (G_OBJECT (group), "gtm-form-add-row", binding->add_row, g_object_unref);

  if (container != NULL)
    {
      GtkWidget *holder = adw_preferences_row_new ();

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
      gtk_widget_set_focusable (holder, FALSE);
      gtk_widget_set_margin_start (group, 12);
      gtk_widget_set_margin_end (group, 12);
      gtk_widget_set_margin_top (group, 6);
      gtk_widget_set_margin_bottom (group, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), group);
      add_to_container (container, holder);
    }

  binding_connect (binding);

  return ADW_PREFERENCES_GROUP (group);
}

/* Lists of nodes */

static void
nodes_action (Binding *binding,
              guint    index,
              int      action)
{
  GtmForm *self = binding->form;
  guint n = binding->rows->len;

  if (self->node == NULL || index >= n)
    return;

  gtm_history_stop_typing (self->history);

  if (action == ACTION_REMOVE)
    {
      binding->focus = list_focus_after_remove (index, n);
      gtm_history_remove (self->history, self->node, binding->list, index);
    }
  else
    {
      guint other = index + action;

      if (other >= n)
        return;
      binding->focus = other;
      gtm_history_move (self->history, self->node, binding->list, index, other);
    }
}

static void
on_child_title_changed (GtmNode    *node,
                        GParamSpec *pspec,
                        GtkWidget  *row)
{
  Binding *binding = g_object_get_data (G_OBJECT (row), "gtm-form-binding");
  g_auto(GValue) value = G_VALUE_INIT;
  const char *title;
  g_autofree char *escaped = NULL;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (node), pspec->name, &value);
  title = g_value_get_string (&value);
  escaped = g_markup_escape_text (title && *title ? title : binding->untitled, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
}

static void
nodes_refresh (Binding *binding)
{
  GtmForm *self = binding->form;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (binding->row);
  g_autoptr(GHashTable) expanded = g_hash_table_new (NULL, NULL);
  guint n = binding->store ? g_list_model_get_n_items (G_LIST_MODEL (binding->store)) : 0;

  /* Rows stay open across an add, a move or a remove. */
  for (guint i = 0; i < binding->rows->len; i++)
    {
      Child *child = g_ptr_array_index (binding->rows, i);

      if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child->row)))
        g_hash_table_add (expanded, child->node);
      g_signal_handlers_disconnect_by_data (child->node, child->row);
      /* Its rows write nothing more, even as the focus leaves them. */
      gtm_form_set_node (child->form, NULL, NULL);
    }
  list_clear (binding);

  for (guint i = 0; i < n; i++)
    {
      Child *child = g_new0 (Child, 1);
      g_autofree char *notify = g_strdup_printf ("notify::%s", binding->title_property);
      GParamSpec *pspec;

      child->node = g_list_model_get_item (G_LIST_MODEL (binding->store), i);
      child->row = adw_expander_row_new ();
      child->form = gtm_form_new (G_OBJECT_TYPE (child->node));
      g_object_set_data (G_OBJECT (child->row), "gtm-form-binding", binding);

      /* The node first, so that @build can show more of it (a subtitle). */
      gtm_form_set_node (child->form, self->history, child->node);
      binding->build (child->form, child->row, binding->user_data);
      add_list_menu (child->row, binding, nodes_action, i, n);
      add_list_keys (child->row, binding, nodes_action, i);

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (child->node), binding->title_property);
      on_child_title_changed (child->node, pspec, child->row);
      g_signal_connect_object (child->node, notify, G_CALLBACK (on_child_title_changed), child->row, 0);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (child->row),
                                     g_hash_table_contains (expanded, child->node));
      adw_preferences_group_add (group, child->row);
      g_ptr_array_add (binding->rows, child);
    }

  adw_preferences_group_add (group, binding->add_row);
  list_restore_focus (binding);
}

static void
on_store_items_changed (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        Binding    *binding)
{
  nodes_refresh (binding);

  /* A node the user just added opens, ready to fill in. */
  if (binding->focus == FOCUS_ADDED && added == 1 && position < binding->rows->len)
    {
      Child *child = g_ptr_array_index (binding->rows, position);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (child->row), TRUE);
      if (child->form->bindings->len > 0)
        gtk_widget_grab_focus (((Binding *) g_ptr_array_index (child->form->bindings, 0))->editor);
      else
        gtk_widget_grab_focus (child->row);
    }
  if (binding->focus == FOCUS_ADDED)
    binding->focus = FOCUS_NONE;
}

static void
on_node_add (AdwActionRow *row,
             Binding      *binding)
{
  GtmForm *self = binding->form;
  g_autoptr(GtmNode) node = NULL;

  if (self->node == NULL)
    return;

  node = binding->new_node (binding->user_data);
  gtm_history_stop_typing (self->history);
  binding->focus = FOCUS_ADDED;
  gtm_history_insert (self->history, self->node, binding->list,
                      g_list_model_get_n_items (G_LIST_MODEL (binding->store)), node);
  binding->focus = FOCUS_NONE;
}

AdwPreferencesGroup *
gtm_form_add_nodes (GtmForm            *self,
                    const char         *list,
                    const char         *title,
                    const char         *add_label,
                    const char         *title_property,
                    const char         *untitled,
                    GtmFormBuildFunc    build,
                    GtmFormNewNodeFunc  new_node,
                    gpointer            user_data)
{
  GtkWidget *group;
  Binding *binding;

  g_return_val_if_fail (GTM_IS_FORM (self), NULL);
  g_return_val_if_fail (build != NULL && new_node != NULL, NULL);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

  binding = binding_new (self, BIND_NODES, NULL, group);
  binding->list = g_intern_string (list);
  binding->title_property = g_intern_string (title_property);
  binding->untitled = g_intern_string (untitled);
  binding->build = build;
  binding->new_node = new_node;
  binding->user_data = user_data;
  binding->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) child_free);
  binding->add_row = g_object_ref_sink (add_row_new (add_label));
  binding_listen (binding, binding->add_row, "activated", G_CALLBACK (on_node_add));
  g_object_set_data_full (G_OBJECT (group), "gtm-form-add-row", binding->add_row, g_object_unref);

  binding_connect (binding);

  return ADW_PREFERENCES_GROUP (group);
}

static void
binding_refresh (Binding *binding)
{
  switch (binding->kind)
    {
    case BIND_ENTRY:
      entry_refresh (binding);
      break;
    case BIND_TEXT:
      text_refresh (binding);
      break;
    case BIND_CHOICE:
      choice_refresh (binding);
      break;
    case BIND_SWITCH:
      switch_refresh (binding);
      break;
    case BIND_COLOR:
      color_refresh (binding);
      break;
    case BIND_SCALE:
      scale_refresh (binding);
      break;
    case BIND_STRINGS:
      strings_refresh (binding);
      break;
    case BIND_NODES:
      nodes_refresh (binding);
      break;
    default:
      g_assert_not_reached ();
    }
}
