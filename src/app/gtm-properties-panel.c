/* gtm-properties-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-properties-panel"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gtm-brand-palette.h"
#include "gtm-color.h"
#include "gtm-connector.h"
#include "gtm-enums.h"
#include "gtm-item.h"
#include "gtm-note.h"
#include "gtm-project.h"
#include "gtm-properties-panel.h"

/* Sticky note colours, one click each. Yellow is a new note's
 * (gtm_note_new()); the others are the pastels of the sample boards, all
 * light enough for the default dark text. */
static const struct {
  const char *color;
  const char *name;
} note_presets[] = {
  { "#fff3a3", N_("Yellow") },
  { "#ffd8a8", N_("Orange") },
  { "#ffc9c9", N_("Pink") },
  { "#e5d4ff", N_("Purple") },
  { "#c6e0ff", N_("Blue") },
  { "#c7f0d2", N_("Green") },
  { "#e3e2df", N_("Gray") },
};

typedef enum
{
  COLOR_FILL,
  COLOR_STROKE,
  COLOR_TEXT,
  N_COLORS
} ColorField;

/* The colour rows. A connector's stroke is its line, so a selection of
 * connectors only names it so. */
typedef struct
{
  const char *title;
  const char *choose;  /* the swatch's tooltip and the chooser's title */
  const char *change;  /* the undo label of a new colour */
} ColorWords;

static const struct {
  const char *field;
  ColorWords  words;
  ColorWords  line_words;
  const char *none;    /* the button that takes the colour away, or NULL */
  const char *remove;  /* its undo label */
} color_fields[N_COLORS] = {
  [COLOR_FILL] = {
    "fill",
    { N_("Fill"), N_("Choose Fill Color"), N_("Change Fill Color") },
    { NULL, },
    N_("No Fill"), N_("Remove Fill"),
  },
  [COLOR_STROKE] = {
    "stroke",
    { N_("Outline"), N_("Choose Outline Color"), N_("Change Outline Color") },
    { N_("Line"), N_("Choose Line Color"), N_("Change Line Color") },
    N_("No Outline"), N_("Remove Outline"),
  },
  [COLOR_TEXT] = {
    "text-color",
    { N_("Text"), N_("Choose Text Color"), N_("Change Text Color") },
    { NULL, },
    NULL, NULL,
  },
};

/* What a colour swatch shows. */
typedef struct
{
  GtmColor color;
  gboolean none;   /* no colour: nothing is drawn */
  gboolean mixed;  /* the selected items differ */
} Swatch;

typedef struct
{
  GtmPropertiesPanel *panel;
  ColorField          field;
  AdwActionRow       *row;
  GtkWidget          *swatch;       /* opens the colour chooser */
  GtkWidget          *area;         /* draws the colour inside it */
  GtkWidget          *none_button;
  gboolean            line;         /* every item is a connector */
  Swatch              shown;
} ColorControl;

struct _GtmPropertiesPanel
{
  AdwBin               parent_instance;

  GtmSelection        *selection;
  GtmHistory          *history;
  GtmBoard            *board;
  gulong               selection_changed_id;
  gulong               board_changed_id;
  guint                refresh_id;
  /* The controls are being set from the model: their signals are not
   * the user's edits. */
  gboolean             updating;
  /* A font size arrow is held down: its repeats are one step. */
  gboolean             holding;
  /* The font sizes differ; the spin button shows nothing. */
  gboolean             font_size_mixed;

  GtkWindow           *color_dialog;
  ColorField           color_dialog_field;

  ColorControl         colors[N_COLORS];
  GtkToggleButton     *note_buttons[G_N_ELEMENTS (note_presets)];

  GtkStack            *stack;
  AdwPreferencesGroup *note_group;
  GtkBox              *note_swatches;
  AdwPreferencesGroup *color_group;
  AdwPreferencesGroup *text_group;
  AdwActionRow        *font_size_row;
  GtkSpinButton       *font_size_spin;
  AdwActionRow        *bold_row;
  GtkToggleButton     *bold_button;
  AdwActionRow        *align_row;
  GtkToggleButton     *align_start_button;
  GtkToggleButton     *align_center_button;
  GtkToggleButton     *align_end_button;
  AdwPreferencesGroup *connector_group;
  GtkToggleButton     *arrow_start_button;
  GtkToggleButton     *arrow_end_button;
};

G_DEFINE_FINAL_TYPE (GtmPropertiesPanel, gtm_properties_panel, ADW_TYPE_BIN)

static void refresh (GtmPropertiesPanel *self);

/* The model */

/* Whether @item's kind has @field: kinds drop the fields they don't use
 * (gtm_node_class_hide_field()), such as an image's text fields. */
static gboolean
saves_field (GtmItem    *item,
             const char *field)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (item);
  guint n = gtm_node_class_get_n_fields (klass);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtm_node_class_get_field (klass, i)->name, field) == 0)
      return TRUE;

  return FALSE;
}

/* The selected items, each held, so that edits can't pull them away. */
static GPtrArray *
selected_items (GtmPropertiesPanel *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  GtmItem * const *selected;
  guint n = 0;

  if (self->selection == NULL)
    return items;

  selected = gtm_selection_get_items (self->selection, &n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_object_ref (selected[i]));

  return items;
}

typedef struct
{
  gboolean applies;  /* every item has the field */
  gboolean mixed;    /* and their values differ */
  GValue   value;    /* the first item's */
} FieldState;

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  /* Colours are compared as colours, whatever the case of their digits. */
  if ((pspec->flags & GTM_PARAM_COLOR) != 0)
    return g_ascii_strcasecmp (g_value_get_string (a), g_value_get_string (b)) == 0;

  return g_param_values_cmp (pspec, a, b) == 0;
}

static void
read_field (GPtrArray  *items,
            const char *field,
            FieldState *state)
{
  GtmNodeClass *checked = NULL;
  GParamSpec *pspec = NULL;

  state->applies = items->len > 0;
  state->mixed = FALSE;

  for (guint i = 0; i < items->len && state->applies; i++)
    {
      GtmItem *item = g_ptr_array_index (items, i);

      if (GTM_NODE_GET_CLASS (item) != checked)
        {
          if (!saves_field (item, field))
            {
              state->applies = FALSE;
              break;
            }
          checked = GTM_NODE_GET_CLASS (item);
        }

      if (pspec == NULL)
        {
          pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), field);
          g_value_init (&state->value, pspec->value_type);
          g_object_get_property (G_OBJECT (item), field, &state->value);
        }
      else if (!state->mixed)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, pspec->value_type);
          g_object_get_property (G_OBJECT (item), field, &value);
          state->mixed = !values_equal (pspec, &state->value, &value);
        }
    }

  if (!state->applies && G_IS_VALUE (&state->value))
    g_value_unset (&state->value);
}

/* Sets @field of every selected item that has it, as one step. */
static void
apply_value (GtmPropertiesPanel *self,
             const char         *label,
             const char         *field,
             const GValue       *value)
{
  g_autoptr(GPtrArray) items = NULL;

  if (self->updating || self->history == NULL)
    return;

  items = selected_items (self);
  gtm_history_begin (self->history, label);
  for (guint i = 0; i < items->len; i++)
    {
      GtmItem *item = g_ptr_array_index (items, i);

      if (saves_field (item, field))
        gtm_history_set_value (self->history, GTM_NODE (item), field, value);
    }
  gtm_history_end (self->history);
}

static void
apply_string (GtmPropertiesPanel *self,
              const char         *label,
              const char         *field,
              const char         *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  apply_value (self, label, field, &value);
}

static void
apply_boolean (GtmPropertiesPanel *self,
               const char         *label,
               const char         *field,
               gboolean            on)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, on);
  apply_value (self, label, field, &value);
}

/* Font size: held arrows are one step */

static void
begin_hold (GtmPropertiesPanel *self)
{
  if (self->holding || self->history == NULL)
    return;

  gtm_history_begin (self->history, _("Change Font Size"));
  self->holding = TRUE;
}

static void
end_hold (GtmPropertiesPanel *self)
{
  if (!self->holding)
    return;

  self->holding = FALSE;
  gtm_history_end (self->history);
}

static gboolean
is_spin_key (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      return TRUE;

    default:
      return FALSE;
    }
}

/* GtkSpinButton repeats a step while its arrow button or an arrow key is
 * held. The history merges repeated sets of a field within one step, so
 * holding one open from press to release makes the whole run one undo
 * step. Seen before the spin button's own handlers, and passed on. */
static gboolean
on_font_size_event (GtkEventControllerLegacy *controller,
                    GdkEvent                 *event,
                    GtmPropertiesPanel       *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
      begin_hold (self);
      break;

    case GDK_BUTTON_RELEASE:
    case GDK_GRAB_BROKEN:
      end_hold (self);
      break;

    case GDK_KEY_PRESS:
      if (is_spin_key (gdk_key_event_get_keyval (event)))
        begin_hold (self);
      break;

    case GDK_KEY_RELEASE:
      if (is_spin_key (gdk_key_event_get_keyval (event)))
        end_hold (self);
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static char *
format_font_size (GtkSpinButton *spin,
                  double         value)
{
  return g_strdup_printf ("%0.*f", gtk_spin_button_get_digits (spin), value);
}

static void
apply_font_size (GtmPropertiesPanel *self,
                 double              size)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, size);
  apply_value (self, _("Change Font Size"), "font-size", &value);
}

/* Reads what the user typed. Text that is no number, and text left as it
 * was shown (a size of 13.5 shows as “14”), keep the size; numbers are held
 * to the limits. */
static int
on_font_size_input (GtkSpinButton      *spin,
                    double             *new_value,
                    GtmPropertiesPanel *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autofree char *shown = NULL;
  double current = gtk_spin_button_get_value (spin);
  double value;
  char *end;

  *new_value = current;

  if (text[0] == '\0')
    return TRUE;

  shown = format_font_size (spin, current);
  if (!self->font_size_mixed && g_strcmp0 (text, shown) == 0)
    return TRUE;

  value = g_strtod (text, &end);
  if (*end != '\0' || !isfinite (value))
    return TRUE;

  *new_value = CLAMP (value, GTM_ITEM_FONT_MIN, GTM_ITEM_FONT_MAX);

  /* Typed over mixed sizes: a size equal to the one kept behind the empty
   * text changes no value, so apply it here. */
  if (self->font_size_mixed && !self->updating)
    {
      self->font_size_mixed = FALSE;
      apply_font_size (self, *new_value);
    }

  return TRUE;
}

static gboolean
on_font_size_output (GtkSpinButton      *spin,
                     GtmPropertiesPanel *self)
{
  if (!self->font_size_mixed)
    return FALSE;

  if (gtk_editable_get_text (GTK_EDITABLE (spin))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (spin), "");

  return TRUE;
}

static void
on_font_size_value_changed (GtkSpinButton      *spin,
                            GtmPropertiesPanel *self)
{
  if (self->updating)
    return;

  self->font_size_mixed = FALSE;
  apply_font_size (self, gtk_spin_button_get_value (spin));

  /* The step over mixed sizes showed nothing; show the size now. */
  if (gtk_editable_get_text (GTK_EDITABLE (spin))[0] == '\0')
    gtk_spin_button_update (spin);
}

/* Toggles */

static void
on_bold_toggled (GtkToggleButton    *button,
                 GtmPropertiesPanel *self)
{
  gboolean bold = gtk_toggle_button_get_active (button);

  apply_boolean (self, bold ? _("Make Text Bold") : _("Make Text Regular"), "bold", bold);
}

static void
on_align_toggled (GtkToggleButton    *button,
                  GtmPropertiesPanel *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GtmAlign align;

  /* The group also reports the button that went off. */
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->align_start_button)
    align = GTM_ALIGN_START;
  else if (button == self->align_center_button)
    align = GTM_ALIGN_CENTER;
  else
    align = GTM_ALIGN_END;

  g_value_init (&value, GTM_TYPE_ALIGN);
  g_value_set_enum (&value, align);
  apply_value (self, _("Align Text"), "align", &value);
}

static void
on_arrow_toggled (GtkToggleButton    *button,
                  GtmPropertiesPanel *self)
{
  apply_boolean (self, _("Change Arrowheads"),
                 button == self->arrow_start_button ? "arrow-start" : "arrow-end",
                 gtk_toggle_button_get_active (button));
}

static void
on_note_toggled (GtkToggleButton    *button,
                 GtmPropertiesPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "gtm-preset"));

  gtk_widget_queue_draw (gtk_button_get_child (GTK_BUTTON (button)));

  if (!gtk_toggle_button_get_active (button))
    return;

  apply_string (self, _("Change Note Color"), "fill", note_presets[index].color);
}

/* Colour swatches */

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_color_swatch (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  ColorControl *control = user_data;
  const Swatch *swatch = &control->shown;
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);

  cairo_save (cr);
  rounded_rectangle (cr, 0.5, 0.5, width - 1, height - 1, 4);
  cairo_clip (cr);
  if (swatch->mixed)
    {
      /* A dash, as an inconsistent check box shows. */
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.8);
      cairo_rectangle (cr, round (width / 2.0) - 5, round (height / 2.0) - 1, 10, 2);
      cairo_fill (cr);
    }
  else if (swatch->none)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0.88, 0.11, 0.14);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, 0, height);
      cairo_line_to (cr, width, 0);
      cairo_stroke (cr);
    }
  else
    {
      /* A checkerboard shows through a translucent colour. */
      if (swatch->color.alpha < 1.0)
        {
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
          for (int y = 0; y * 5 < height; y++)
            for (int x = y % 2; x * 5 < width; x += 2)
              cairo_rectangle (cr, x * 5, y * 5, 5, 5);
          cairo_fill (cr);
        }
      cairo_set_source_rgba (cr, swatch->color.red, swatch->color.green, swatch->color.blue,
                             swatch->color.alpha);
      cairo_paint (cr);
    }
  cairo_restore (cr);

  rounded_rectangle (cr, 0.5, 0.5, width - 1, height - 1, 4);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_note_swatch (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  GtkToggleButton *button = GTK_TOGGLE_BUTTON (gtk_widget_get_parent (GTK_WIDGET (area)));
  guint index = GPOINTER_TO_UINT (user_data);
  double cx = width / 2.0;
  double cy = height / 2.0;
  double r = MIN (width, height) / 2.0 - 1;
  GtmColor color;

  gtm_color_parse (note_presets[index].color, &color);

  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  if (gtk_toggle_button_get_active (button))
    {
      cairo_move_to (cr, cx - r * 0.42, cy + r * 0.02);
      cairo_line_to (cr, cx - r * 0.12, cy + r * 0.32);
      cairo_line_to (cr, cx + r * 0.44, cy - r * 0.3);
      cairo_set_source_rgba (cr, 0.12, 0.12, 0.12, 0.85);
      cairo_set_line_width (cr, 2);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
}

static const ColorWords *
color_words (ColorControl *control)
{
  if (control->line && color_fields[control->field].line_words.title != NULL)
    return &color_fields[control->field].line_words;

  return &color_fields[control->field].words;
}

static void
on_color_dialog_response (GtkDialog          *dialog,
                          int                 response,
                          GtmPropertiesPanel *self)
{
  ColorControl *control = &self->colors[self->color_dialog_field];

  if (response == GTK_RESPONSE_OK)
    {
      GdkRGBA rgba;
      GtmColor color;
      g_autofree char *text = NULL;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      color = (GtmColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
      text = gtm_color_to_string (&color);
      apply_string (self, _(color_words (control)->change),
                    color_fields[control->field].field, text);
    }

  self->color_dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The brand kit of the board's project, or NULL for a board on its own. */
static GtmBrand *
get_brand (GtmPropertiesPanel *self)
{
  GtmNode *root = self->board != NULL ? gtm_node_get_root (GTM_NODE (self->board)) : NULL;

  return GTM_IS_PROJECT (root) ? GTM_BRAND (gtm_project_get_brand (GTM_PROJECT (root))) : NULL;
}

static void
on_swatch_clicked (GtkButton    *button,
                   ColorControl *control)
{
  GtmPropertiesPanel *self = control->panel;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GdkRGBA rgba = { 0, 0, 0, 1 };

  if (self->color_dialog != NULL)
    gtk_window_destroy (g_steal_pointer (&self->color_dialog));

  dialog = gtk_color_chooser_dialog_new (_(color_words (control)->choose),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), TRUE);
  gtm_brand_palette_bind (GTK_COLOR_CHOOSER (dialog), get_brand (self));
  if (!control->shown.mixed && !control->shown.none)
    rgba = (GdkRGBA) { control->shown.color.red, control->shown.color.green,
                       control->shown.color.blue, control->shown.color.alpha };
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);

  self->color_dialog = GTK_WINDOW (dialog);
  self->color_dialog_field = control->field;
  g_signal_connect (dialog, "response", G_CALLBACK (on_color_dialog_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_none_clicked (GtkButton    *button,
                 ColorControl *control)
{
  apply_string (control->panel, _(color_fields[control->field].remove),
                color_fields[control->field].field, "");
}

static void
build_color_rows (GtmPropertiesPanel *self)
{
  for (ColorField field = 0; field < N_COLORS; field++)
    {
      ColorControl *control = &self->colors[field];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      control->panel = self;
      control->field = field;

      control->area = gtk_drawing_area_new ();
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (control->area), 30);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (control->area), 18);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (control->area), draw_color_swatch, control, NULL);

      control->swatch = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (control->swatch), control->area);
      gtk_widget_add_css_class (control->swatch, "color-swatch");
      g_signal_connect (control->swatch, "clicked", G_CALLBACK (on_swatch_clicked), control);
      gtk_box_append (GTK_BOX (box), control->swatch);

      if (color_fields[field].none != NULL)
        {
          control->none_button = gtk_button_new_from_icon_name ("action-unavailable-symbolic");
          gtk_widget_set_tooltip_text (control->none_button, _(color_fields[field].none));
          gtk_accessible_update_property (GTK_ACCESSIBLE (control->none_button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _(color_fields[field].none),
                                          -1);
          g_signal_connect (control->none_button, "clicked", G_CALLBACK (on_none_clicked), control);
          gtk_box_append (GTK_BOX (box), control->none_button);
        }

      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

      control->row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_action_row_add_suffix (control->row, box);
      adw_action_row_set_activatable_widget (control->row, control->swatch);
      adw_preferences_group_add (self->color_group, GTK_WIDGET (control->row));
    }
}

static void
build_note_swatches (GtmPropertiesPanel *self)
{
  GtkToggleButton *group = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (note_presets); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *area = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 24);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 24);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_note_swatch,
                                      GUINT_TO_POINTER (i), NULL);
      gtk_button_set_child (GTK_BUTTON (button), area);

      gtk_widget_add_css_class (button, "note-swatch");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_tooltip_text (button, _(note_presets[i].name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(note_presets[i].name),
                                      -1);
      g_object_set_data (G_OBJECT (button), "gtm-preset", GUINT_TO_POINTER (i));

      if (group == NULL)
        group = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);

      g_signal_connect (button, "toggled", G_CALLBACK (on_note_toggled), self);
      self->note_buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (self->note_swatches, button);
    }
}

/* Following the model */

/* Shows @active unless the items differ, which shows as off; assistive
 * technologies hear “mixed”. */
static void
show_toggle (GtkToggleButton *button,
             gboolean         active,
             gboolean         mixed)
{
  gtk_toggle_button_set_active (button, active && !mixed);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button),
                               GTK_ACCESSIBLE_STATE_PRESSED,
                               mixed ? GTK_ACCESSIBLE_TRISTATE_MIXED :
                               active ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

static gboolean
all_connectors (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    if (!GTM_IS_CONNECTOR (g_ptr_array_index (items, i)))
      return FALSE;

  return items->len > 0;
}

static gboolean
any_connector (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    if (GTM_IS_CONNECTOR (g_ptr_array_index (items, i)))
      return TRUE;

  return FALSE;
}

static gboolean
refresh_color (GtmPropertiesPanel *self,
               ColorControl       *control,
               GPtrArray          *items)
{
  FieldState state = { 0, };
  Swatch swatch = { { 0, }, };
  const ColorWords *words;

  read_field (items, color_fields[control->field].field, &state);
  gtk_widget_set_visible (GTK_WIDGET (control->row), state.applies);
  if (!state.applies)
    return FALSE;

  control->line = all_connectors (items);
  words = color_words (control);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (control->row), _(words->title));
  gtk_widget_set_tooltip_text (control->swatch, _(words->choose));
  gtk_accessible_update_property (GTK_ACCESSIBLE (control->swatch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(words->choose),
                                  -1);

  swatch.mixed = state.mixed;
  if (!swatch.mixed)
    {
      gtm_color_parse (g_value_get_string (&state.value), &swatch.color);
      swatch.none = swatch.color.alpha == 0;
    }
  g_value_unset (&state.value);

  if (memcmp (&swatch, &control->shown, sizeof swatch) != 0)
    {
      control->shown = swatch;
      gtk_widget_queue_draw (control->area);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (control->swatch),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  swatch.mixed ? _("Mixed") : swatch.none ? _("None") : "",
                                  -1);

  /* A connector without a line would vanish; it keeps its colour. */
  if (control->none_button != NULL)
    {
      gtk_widget_set_visible (control->none_button,
                              control->field != COLOR_STROKE || !any_connector (items));
      gtk_widget_set_sensitive (control->none_button, swatch.mixed || !swatch.none);
    }

  return TRUE;
}

static void
refresh_font_size (GtmPropertiesPanel *self,
                   const FieldState   *state)
{
  GtkSpinButton *spin = self->font_size_spin;
  const char *text;

  self->font_size_mixed = state->mixed;

  /* The value behind the empty text of mixed sizes is the first item's:
   * the arrows step from it. */
  if (gtk_spin_button_get_value (spin) != g_value_get_double (&state->value))
    gtk_spin_button_set_value (spin, g_value_get_double (&state->value));

  text = gtk_editable_get_text (GTK_EDITABLE (spin));
  if (state->mixed && text[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (spin), "");
  else if (!state->mixed && text[0] == '\0')
    gtk_spin_button_update (spin);
}

static gboolean
refresh_text (GtmPropertiesPanel *self,
              GPtrArray          *items)
{
  FieldState state = { 0, };
  gboolean any = FALSE;

  read_field (items, "font-size", &state);
  gtk_widget_set_visible (GTK_WIDGET (self->font_size_row), state.applies);
  if (state.applies)
    {
      refresh_font_size (self, &state);
      g_value_unset (&state.value);
      any = TRUE;
    }

  read_field (items, "bold", &state);
  gtk_widget_set_visible (GTK_WIDGET (self->bold_row), state.applies);
  if (state.applies)
    {
      show_toggle (self->bold_button, g_value_get_boolean (&state.value), state.mixed);
      g_value_unset (&state.value);
      any = TRUE;
    }

  read_field (items, "align", &state);
  gtk_widget_set_visible (GTK_WIDGET (self->align_row), state.applies);
  if (state.applies)
    {
      GtmAlign align = g_value_get_enum (&state.value);

      show_toggle (self->align_start_button, align == GTM_ALIGN_START, state.mixed);
      show_toggle (self->align_center_button, align == GTM_ALIGN_CENTER, state.mixed);
      show_toggle (self->align_end_button, align == GTM_ALIGN_END, state.mixed);
      g_value_unset (&state.value);
      any = TRUE;
    }

  return any;
}

static gboolean
refresh_arrows (GtmPropertiesPanel *self,
                GPtrArray          *items)
{
  FieldState start = { 0, };
  FieldState end = { 0, };
  gboolean applies;

  read_field (items, "arrow-start", &start);
  read_field (items, "arrow-end", &end);
  applies = start.applies && end.applies;

  if (applies)
    {
      show_toggle (self->arrow_start_button, g_value_get_boolean (&start.value), start.mixed);
      show_toggle (self->arrow_end_button, g_value_get_boolean (&end.value), end.mixed);
    }

  if (G_IS_VALUE (&start.value))
    g_value_unset (&start.value);
  if (G_IS_VALUE (&end.value))
    g_value_unset (&end.value);

  return applies;
}

static gboolean
refresh_notes (GtmPropertiesPanel *self,
               GPtrArray          *items)
{
  FieldState state = { 0, };

  for (guint i = 0; i < items->len; i++)
    if (!GTM_IS_NOTE (g_ptr_array_index (items, i)))
      return FALSE;

  read_field (items, "fill", &state);
  for (guint i = 0; i < G_N_ELEMENTS (note_presets); i++)
    show_toggle (self->note_buttons[i],
                 g_ascii_strcasecmp (g_value_get_string (&state.value), note_presets[i].color) == 0,
                 state.mixed);
  g_value_unset (&state.value);

  return TRUE;
}

static void
refresh (GtmPropertiesPanel *self)
{
  g_autoptr(GPtrArray) items = selected_items (self);
  gboolean any_color = FALSE;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (items->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->updating = TRUE;

  gtk_widget_set_visible (GTK_WIDGET (self->note_group), refresh_notes (self, items));
  for (ColorField field = 0; field < N_COLORS; field++)
    any_color |= refresh_color (self, &self->colors[field], items);
  gtk_widget_set_visible (GTK_WIDGET (self->color_group), any_color);
  gtk_widget_set_visible (GTK_WIDGET (self->text_group), refresh_text (self, items));
  gtk_widget_set_visible (GTK_WIDGET (self->connector_group), refresh_arrows (self, items));

  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "properties");
}

static gboolean
refresh_idle (gpointer data)
{
  GtmPropertiesPanel *self = data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* A field of a selected item changed, by the panel, undo or another view.
 * A drag changes many items many times a frame: refresh once, before the
 * next frame is drawn. */
static void
on_board_changed (GtmPropertiesPanel *self,
                  GtmNode            *origin)
{
  if (self->refresh_id != 0 || !GTM_IS_ITEM (origin) ||
      !gtm_selection_contains (self->selection, GTM_ITEM (origin)))
    return;

  self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle, self, NULL);
}

/* GObject */

static void
on_font_size_focus_leave (GtmPropertiesPanel *self)
{
  end_hold (self);
}

static void
gtm_properties_panel_unmap (GtkWidget *widget)
{
  GtmPropertiesPanel *self = GTM_PROPERTIES_PANEL (widget);

  end_hold (self);

  GTK_WIDGET_CLASS (gtm_properties_panel_parent_class)->unmap (widget);
}

static void
gtm_properties_panel_dispose (GObject *object)
{
  GtmPropertiesPanel *self = GTM_PROPERTIES_PANEL (object);

  gtm_properties_panel_set_selection (self, NULL, NULL);
  if (self->color_dialog != NULL)
    gtk_window_destroy (g_steal_pointer (&self->color_dialog));

  /* The stack is both the bin's child and a template child: take it from
   * the bin first, so that it is unparented once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GTM_TYPE_PROPERTIES_PANEL);

  G_OBJECT_CLASS (gtm_properties_panel_parent_class)->dispose (object);
}

static void
gtm_properties_panel_class_init (GtmPropertiesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtm_properties_panel_dispose;
  widget_class->unmap = gtm_properties_panel_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gtmstudio/GtmStudio/gtm-properties-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, note_group);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, note_swatches);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, color_group);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, text_group);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, font_size_row);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, bold_row);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, bold_button);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, align_row);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, align_start_button);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, align_center_button);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, align_end_button);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, connector_group);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, arrow_start_button);
  gtk_widget_class_bind_template_child (widget_class, GtmPropertiesPanel, arrow_end_button);
  gtk_widget_class_bind_template_callback (widget_class, on_bold_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_align_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_arrow_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_font_size_input);
  gtk_widget_class_bind_template_callback (widget_class, on_font_size_output);
  gtk_widget_class_bind_template_callback (widget_class, on_font_size_value_changed);
}

static void
gtm_properties_panel_init (GtmPropertiesPanel *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating = TRUE;
  gtk_spin_button_set_range (self->font_size_spin, GTM_ITEM_FONT_MIN, GTM_ITEM_FONT_MAX);
  gtk_spin_button_set_increments (self->font_size_spin, 1, 10);
  self->updating = FALSE;

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_font_size_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self->font_size_spin), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_font_size_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->font_size_spin), controller);

  build_note_swatches (self);
  build_color_rows (self);
  refresh (self);
}

GtkWidget *
gtm_properties_panel_new (void)
{
  return g_object_new (GTM_TYPE_PROPERTIES_PANEL, NULL);
}

void
gtm_properties_panel_set_selection (GtmPropertiesPanel *self,
                                    GtmSelection       *selection,
                                    GtmHistory         *history)
{
  g_return_if_fail (GTM_IS_PROPERTIES_PANEL (self));
  g_return_if_fail (!selection || GTM_IS_SELECTION (selection));
  g_return_if_fail (!selection || GTM_IS_HISTORY (history));

  end_hold (self);

  if (self->selection != NULL)
    {
      g_clear_signal_handler (&self->selection_changed_id, self->selection);
      g_clear_signal_handler (&self->board_changed_id, self->board);
      g_clear_object (&self->board);
      g_clear_object (&self->selection);
    }
  g_clear_object (&self->history);
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (selection != NULL)
    {
      self->selection = g_object_ref (selection);
      self->history = g_object_ref (history);
      self->board = g_object_ref (gtm_selection_get_board (selection));
      self->selection_changed_id = g_signal_connect_swapped (selection, "changed",
                                                             G_CALLBACK (refresh), self);
      self->board_changed_id = g_signal_connect_swapped (self->board, "changed",
                                                         G_CALLBACK (on_board_changed), self);
    }

  if (self->stack != NULL)
    refresh (self);
}
