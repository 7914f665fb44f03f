/* test-properties-panel.c — the side panel that edits the selected items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-properties-panel"

#include "config.h"

#include "gtm-core.h"
#include "gtm-board-editor.h"
#include "gtm-properties-panel.h"
#include "gtm-test-utils.h"

/* A board of one item of each kind, and a panel on it in a window. */
typedef struct
{
  GtmProject         *project;
  GtmHistory         *history;
  GtmBoard           *board;
  GtmSelection       *selection;
  GtmItem            *note_a;     /* yellow, 16, not bold, centred */
  GtmItem            *note_b;     /* pink */
  GtmItem            *shape;
  GtmItem            *text_box;   /* 30, bold, left */
  GtmItem            *image;
  GtmItem            *connector;  /* note_a → note_b */
  GtkWindow          *window;
  GtmPropertiesPanel *panel;
} Fixture;

/* A 4×4 PNG, as the image tool would embed. */
static GBytes *
make_png (void)
{
  guint8 pixels[4 * 4 * 4];
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  for (guint i = 0; i < sizeof pixels; i += 4)
    {
      pixels[i] = 0x33;
      pixels[i + 1] = 0x66;
      pixels[i + 2] = 0x99;
      pixels[i + 3] = 0xff;
    }
  bytes = g_bytes_new (pixels, sizeof pixels);
  texture = gdk_memory_texture_new (4, 4, GDK_MEMORY_R8G8B8A8, bytes, 4 * 4);

  return gdk_texture_save_to_png_bytes (texture);
}

static GtmItem *
add (Fixture *f,
     GtmItem *item)
{
  gtm_board_add_item (f->board, f->history, item);
  g_object_unref (item);

  return item;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GtmBoard) board = gtm_board_new ("Launch");
  g_autoptr(GBytes) png = make_png ();

  f->project = gtm_project_new ("Panel");
  f->history = gtm_project_get_history (f->project);
  g_list_store_append (gtm_node_get_list (GTM_NODE (f->project), "boards"), board);
  f->board = board;

  f->note_a = add (f, gtm_note_new (0, 0, "Pricing"));
  f->note_b = add (f, gtm_note_new (200, 0, "Channels"));
  gtm_history_set (f->history, GTM_NODE (f->note_b), "fill", "#ffc9c9", NULL);
  f->shape = add (f, gtm_shape_new (GTM_SHAPE_ELLIPSE, 0, 300, 160, 100));
  f->text_box = add (f, gtm_text_box_new (200, 300, "Launch week"));
  gtm_history_set (f->history, GTM_NODE (f->text_box), "font-size", 30.0, "bold", TRUE, NULL);
  f->image = add (f, gtm_image_new (400, 300, 40, 40, png));
  f->connector = add (f, gtm_connector_new (gtm_node_get_id (GTM_NODE (f->note_a)),
                                            gtm_node_get_id (GTM_NODE (f->note_b))));

  f->selection = gtm_selection_new (f->board);

  f->panel = GTM_PROPERTIES_PANEL (gtm_properties_panel_new ());
  gtm_properties_panel_set_selection (f->panel, f->selection, f->history);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 260, 720);
  gtk_window_set_child (f->window, GTK_WIDGET (f->panel));
  gtk_window_present (f->window);
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (f->panel)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  gtm_test_settle ();
  g_assert_finalize_object (f->selection);
  g_assert_finalize_object (f->project);
}

/* Lets a refresh queued by a change of the model run. */
static void
flush (void)
{
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
select_items (Fixture *f,
              ...)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  va_list args;
  GtmItem *item;

  va_start (args, f);
  while ((item = va_arg (args, GtmItem *)) != NULL)
    g_ptr_array_add (items, item);
  va_end (args);

  gtm_selection_set (f->selection, (GtmItem * const *) items->pdata, items->len);
}

static GObject *
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->panel), GTM_TYPE_PROPERTIES_PANEL, name);

  g_assert_nonnull (object);

  return object;
}

/* Whether the user can see @name (scrolled to, if need be). */
static gboolean
shown_child (Fixture    *f,
             const char *name)
{
  return gtk_widget_get_mapped (GTK_WIDGET (child (f, name)));
}

/* The control with @tooltip, which the user can see. */
static GtkWidget *
control (Fixture    *f,
         const char *tooltip)
{
  GtkWidget *widget = gtm_test_find_tooltip (GTK_WIDGET (f->panel), tooltip);

  if (widget == NULL)
    g_error ("No control “%s”", tooltip);

  return widget;
}

static gboolean
control_shown (Fixture    *f,
               const char *tooltip)
{
  GtkWidget *widget = gtm_test_find_tooltip (GTK_WIDGET (f->panel), tooltip);

  return widget != NULL && gtk_widget_get_mapped (widget);
}

static gboolean
row_shown (Fixture    *f,
           const char *tooltip)
{
  GtkWidget *widget = gtm_test_find_tooltip (GTK_WIDGET (f->panel), tooltip);

  widget = widget ? gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW) : NULL;

  return widget != NULL && gtk_widget_get_mapped (widget);
}

static gboolean
click_from_loop (gpointer data)
{
  GtkWidget **widget = data;

  g_signal_emit_by_name (*widget, GTK_IS_BUTTON (*widget) ? "clicked" : "activate");
  g_clear_object (widget);

  return G_SOURCE_REMOVE;
}

/* Clicks a button, or presses Enter in a text field, from the main loop
 * as the display would. */
static void
click (GtkWidget *widget)
{
  GtkWidget *pending = g_object_ref (widget);

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_is_sensitive (widget));
  g_idle_add_full (G_PRIORITY_HIGH, click_from_loop, &pending, NULL);
  gtm_test_wait_until (pending == NULL);
  flush ();
}

static gboolean
toggle_active (Fixture    *f,
               const char *tooltip)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (control (f, tooltip)));
}

static GtkSpinButton *
font_size_spin (Fixture *f)
{
  return GTK_SPIN_BUTTON (child (f, "font_size_spin"));
}

static const char *
font_size_text (Fixture *f)
{
  return gtk_editable_get_text (GTK_EDITABLE (font_size_spin (f)));
}

/* Types @text into the font size and presses Enter. */
static void
type_font_size (Fixture    *f,
                const char *text)
{
  GtkSpinButton *spin = font_size_spin (f);

  gtk_widget_grab_focus (GTK_WIDGET (spin));
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  click (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (spin))));
}

static const char *
visible_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (f, "stack")));
}

/* Picks @color in the colour chooser that the swatch @tooltip opens. */
static void
choose_color (Fixture    *f,
              const char *tooltip,
              const char *color)
{
  GtkColorChooser *chooser;
  GdkRGBA rgba;

  click (control (f, tooltip));
  gtm_test_wait_until ((chooser = (GtkColorChooser *) gtm_test_find_toplevel (GTK_TYPE_COLOR_CHOOSER_DIALOG)) != NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, tooltip);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (chooser)) == f->window);

  g_assert_true (gdk_rgba_parse (&rgba, color));
  gtk_color_chooser_set_rgba (chooser, &rgba);
  gtm_test_click_button (GTK_WIDGET (chooser), "_Select");
  gtm_test_wait_until (gtm_test_find_toplevel (GTK_TYPE_COLOR_CHOOSER_DIALOG) == NULL);
  flush ();
}

/* Tests ------------------------------------------------------------------- */

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_assert_cmpstr (visible_page (f), ==, "empty");

  select_items (f, f->note_a, NULL);
  g_assert_cmpstr (visible_page (f), ==, "properties");

  gtm_selection_clear (f->selection);
  g_assert_cmpstr (visible_page (f), ==, "empty");

  select_items (f, f->note_a, NULL);
  gtm_properties_panel_set_selection (f->panel, NULL, NULL);
  g_assert_cmpstr (visible_page (f), ==, "empty");

  /* An item deleted from under the panel leaves it. */
  gtm_properties_panel_set_selection (f->panel, f->selection, f->history);
  g_assert_cmpstr (visible_page (f), ==, "properties");
  gtm_board_remove_item (f->board, f->history, f->note_a);
  flush ();
  g_assert_cmpstr (visible_page (f), ==, "empty");
}

static void
test_fill_is_one_step (Fixture       *f,
                       gconstpointer  data)
{
  guint steps;

  select_items (f, f->note_a, f->note_b, NULL);
  steps = gtm_history_get_n_undo (f->history);

  choose_color (f, "Choose Fill Color", "#3584e4");
  g_assert_cmpstr (gtm_item_get_fill (f->note_a), ==, "#3584e4");
  g_assert_cmpstr (gtm_item_get_fill (f->note_b), ==, "#3584e4");
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps + 1);
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Change Fill Color");

  /* A translucent colour keeps its alpha. */
  choose_color (f, "Choose Fill Color", "rgba(255,0,0,0.5)");
  g_assert_cmpstr (gtm_item_get_fill (f->note_a), ==, "#ff000080");
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps + 2);

  g_assert_true (gtm_history_undo (f->history));
  g_assert_true (gtm_history_undo (f->history));
  g_assert_cmpstr (gtm_item_get_fill (f->note_a), ==, "#fff3a3");
  g_assert_cmpstr (gtm_item_get_fill (f->note_b), ==, "#ffc9c9");

  /* No fill, one step; then there is nothing left to take away. */
  flush ();
  click (control (f, "No Fill"));
  g_assert_cmpstr (gtm_item_get_fill (f->note_a), ==, "");
  g_assert_cmpstr (gtm_item_get_fill (f->note_b), ==, "");
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps + 1);
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Remove Fill");
  g_assert_false (gtk_widget_get_sensitive (control (f, "No Fill")));

  g_assert_true (gtm_history_undo (f->history));
  flush ();
  g_assert_true (gtk_widget_get_sensitive (control (f, "No Fill")));

  /* Cancelling the chooser changes nothing. */
  click (control (f, "Choose Outline Color"));
  {
    GtkWindow *chooser;

    gtm_test_wait_until ((chooser = gtm_test_find_toplevel (GTK_TYPE_COLOR_CHOOSER_DIALOG)) != NULL);
    gtm_test_click_button (GTK_WIDGET (chooser), "_Cancel");
    gtm_test_wait_until (gtm_test_find_toplevel (GTK_TYPE_COLOR_CHOOSER_DIALOG) == NULL);
  }
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps);
  g_assert_true (gtm_history_can_redo (f->history));
}

static void
test_note_presets (Fixture       *f,
                   gconstpointer  data)
{
  guint steps;

  select_items (f, f->note_a, NULL);
  g_assert_true (control_shown (f, "Yellow"));
  g_assert_true (toggle_active (f, "Yellow"));
  g_assert_false (toggle_active (f, "Pink"));

  /* Differing notes: no swatch is on. */
  select_items (f, f->note_a, f->note_b, NULL);
  for (guint i = 0; i < 7; i++)
    {
      const char *names[] = { "Yellow", "Orange", "Pink", "Purple", "Blue", "Green", "Gray" };

      g_assert_true (control_shown (f, names[i]));
      g_assert_false (toggle_active (f, names[i]));
    }

  steps = gtm_history_get_n_undo (f->history);
  click (control (f, "Blue"));
  g_assert_cmpstr (gtm_item_get_fill (f->note_a), ==, "#c6e0ff");
  g_assert_cmpstr (gtm_item_get_fill (f->note_b), ==, "#c6e0ff");
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps + 1);
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Change Note Color");
  g_assert_true (toggle_active (f, "Blue"));

  g_assert_true (gtm_history_undo (f->history));
  flush ();
  g_assert_false (toggle_active (f, "Blue"));
  g_assert_true (gtm_history_can_redo (f->history));

  /* Only for notes. */
  select_items (f, f->note_a, f->shape, NULL);
  g_assert_false (control_shown (f, "Yellow"));
}

static void
test_font_size (Fixture       *f,
                gconstpointer  data)
{
  GtkSpinButton *spin = font_size_spin (f);
  guint steps;

  select_items (f, f->note_a, f->shape, NULL);
  g_assert_true (shown_child (f, "font_size_row"));
  g_assert_cmpstr (font_size_text (f), ==, "16");
  steps = gtm_history_get_n_undo (f->history);

  type_font_size (f, "24");
  g_assert_cmpfloat (gtm_item_get_font_size (f->note_a), ==, 24);
  g_assert_cmpfloat (gtm_item_get_font_size (f->shape), ==, 24);
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps + 1);
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Change Font Size");

  /* What is not a number changes nothing and shows the size again. */
  type_font_size (f, "big");
  g_assert_cmpfloat (gtm_item_get_font_size (f->note_a), ==, 24);
  g_assert_cmpstr (font_size_text (f), ==, "24");
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps + 1);

  /* Sizes are held to the limits. */
  type_font_size (f, "1000");
  g_assert_cmpfloat (gtm_item_get_font_size (f->note_a), ==, GTM_ITEM_FONT_MAX);
  g_assert_cmpstr (font_size_text (f), ==, "400");
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 1);
  flush ();
  g_assert_cmpfloat (gtm_item_get_font_size (f->shape), ==, GTM_ITEM_FONT_MAX);
  type_font_size (f, "1");
  g_assert_cmpfloat (gtm_item_get_font_size (f->note_a), ==, GTM_ITEM_FONT_MIN);
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps + 3);

  /* A step of the arrows. */
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 1);
  flush ();
  g_assert_cmpfloat (gtm_item_get_font_size (f->note_a), ==, GTM_ITEM_FONT_MIN + 1);
  g_assert_cmpfloat (gtm_item_get_font_size (f->shape), ==, GTM_ITEM_FONT_MIN + 1);

  /* Leaving the field as shown changes nothing, though the model holds
   * a size the field rounds. */
  gtm_history_set (f->history, GTM_NODE (f->note_a), "font-size", 13.5, NULL);
  gtm_history_set (f->history, GTM_NODE (f->shape), "font-size", 13.5, NULL);
  flush ();
  steps = gtm_history_get_n_undo (f->history);
  gtk_spin_button_update (spin);
  g_assert_cmpfloat (gtm_item_get_font_size (f->note_a), ==, 13.5);
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps);
}

static void
test_mixed (Fixture       *f,
            gconstpointer  data)
{
  guint steps;

  /* 16 and 30, regular and bold, centred and left. */
  select_items (f, f->note_a, f->text_box, NULL);
  g_assert_cmpstr (font_size_text (f), ==, "");
  g_assert_false (toggle_active (f, "Bold"));
  g_assert_false (toggle_active (f, "Align Left"));
  g_assert_false (toggle_active (f, "Center"));
  g_assert_false (toggle_active (f, "Align Right"));

  /* Passing through the empty field changes nothing. */
  steps = gtm_history_get_n_undo (f->history);
  gtk_spin_button_update (font_size_spin (f));
  flush ();
  g_assert_cmpstr (font_size_text (f), ==, "");
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps);

  type_font_size (f, "20");
  g_assert_cmpfloat (gtm_item_get_font_size (f->note_a), ==, 20);
  g_assert_cmpfloat (gtm_item_get_font_size (f->text_box), ==, 20);
  g_assert_cmpstr (font_size_text (f), ==, "20");
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps + 1);

  g_assert_true (gtm_history_undo (f->history));
  flush ();
  g_assert_cmpstr (font_size_text (f), ==, "");

  /* The size kept behind the empty field is the first item's: typing it
   * still sets every item. */
  type_font_size (f, "16");
  g_assert_cmpfloat (gtm_item_get_font_size (f->text_box), ==, 16);
  g_assert_cmpstr (font_size_text (f), ==, "16");
  g_assert_true (gtm_history_undo (f->history));
  flush ();

  /* The arrows step every item from there. */
  gtk_spin_button_spin (font_size_spin (f), GTK_SPIN_STEP_FORWARD, 1);
  flush ();
  g_assert_cmpfloat (gtm_item_get_font_size (f->note_a), ==, 17);
  g_assert_cmpfloat (gtm_item_get_font_size (f->text_box), ==, 17);
  g_assert_cmpstr (font_size_text (f), ==, "17");
  g_assert_true (gtm_history_undo (f->history));
  flush ();

  click (control (f, "Bold"));
  g_assert_true (gtm_item_get_bold (f->note_a));
  g_assert_true (gtm_item_get_bold (f->text_box));
  g_assert_true (toggle_active (f, "Bold"));

  click (control (f, "Align Right"));
  g_assert_cmpint (gtm_item_get_align (f->note_a), ==, GTM_ALIGN_END);
  g_assert_cmpint (gtm_item_get_align (f->text_box), ==, GTM_ALIGN_END);
  g_assert_true (toggle_active (f, "Align Right"));
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Align Text");
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps + 2);
}

static void
test_follows_undo (Fixture       *f,
                   gconstpointer  data)
{
  select_items (f, f->note_a, NULL);
  g_assert_false (toggle_active (f, "Bold"));
  g_assert_true (toggle_active (f, "Center"));

  click (control (f, "Bold"));
  g_assert_true (gtm_item_get_bold (f->note_a));

  /* Undo puts the toggle back without the panel making an edit of its
   * own, which would have cleared the redo. */
  g_assert_true (gtm_history_undo (f->history));
  flush ();
  g_assert_false (toggle_active (f, "Bold"));
  g_assert_true (gtm_history_can_redo (f->history));

  g_assert_true (gtm_history_redo (f->history));
  flush ();
  g_assert_true (toggle_active (f, "Bold"));

  /* Changes made elsewhere (the canvas, a script) show too. */
  gtm_history_set (f->history, GTM_NODE (f->note_a),
                   "font-size", 40.0, "align", GTM_ALIGN_START, "fill", "#c7f0d2", NULL);
  flush ();
  g_assert_cmpstr (font_size_text (f), ==, "40");
  g_assert_true (toggle_active (f, "Align Left"));
  g_assert_true (toggle_active (f, "Green"));
  g_assert_false (toggle_active (f, "Yellow"));

  g_assert_true (gtm_history_undo (f->history));
  flush ();
  g_assert_cmpstr (font_size_text (f), ==, "16");
  g_assert_true (toggle_active (f, "Center"));
  g_assert_true (toggle_active (f, "Yellow"));
  g_assert_true (gtm_history_can_redo (f->history));
}

static void
test_selection_changes (Fixture       *f,
                        gconstpointer  data)
{
  guint steps;

  select_items (f, f->text_box, NULL);
  g_assert_true (toggle_active (f, "Align Left"));
  g_assert_true (toggle_active (f, "Bold"));
  g_assert_cmpstr (font_size_text (f), ==, "30");

  select_items (f, f->shape, NULL);
  g_assert_true (toggle_active (f, "Center"));
  g_assert_false (toggle_active (f, "Bold"));
  g_assert_cmpstr (font_size_text (f), ==, "16");
  g_assert_true (row_shown (f, "Choose Fill Color"));
  g_assert_true (row_shown (f, "Choose Outline Color"));
  g_assert_false (shown_child (f, "connector_group"));

  /* A connector: a line and a label, no fill. */
  select_items (f, f->connector, NULL);
  g_assert_false (row_shown (f, "Choose Fill Color"));
  g_assert_true (row_shown (f, "Choose Line Color"));
  g_assert_false (control_shown (f, "No Outline"));
  g_assert_true (row_shown (f, "Choose Text Color"));
  g_assert_true (shown_child (f, "text_group"));
  g_assert_true (shown_child (f, "connector_group"));
  g_assert_false (toggle_active (f, "Arrowhead at the start"));
  g_assert_true (toggle_active (f, "Arrowhead at the end"));
  g_assert_cmpstr (font_size_text (f), ==, "13");

  steps = gtm_history_get_n_undo (f->history);
  click (control (f, "Arrowhead at the start"));
  g_assert_true (gtm_connector_get_arrow_start (GTM_CONNECTOR (f->connector)));
  click (control (f, "Arrowhead at the end"));
  g_assert_false (gtm_connector_get_arrow_end (GTM_CONNECTOR (f->connector)));
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps + 2);

  choose_color (f, "Choose Line Color", "#e01b24");
  g_assert_cmpstr (gtm_item_get_stroke (f->connector), ==, "#e01b24");
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Change Line Color");

  /* With a shape the stroke is an outline again, and the connector
   * controls go. */
  select_items (f, f->connector, f->shape, NULL);
  g_assert_true (row_shown (f, "Choose Outline Color"));
  g_assert_false (shown_child (f, "connector_group"));
  g_assert_false (row_shown (f, "Choose Fill Color"));
}

static void
test_image_hides_text (Fixture       *f,
                       gconstpointer  data)
{
  select_items (f, f->image, NULL);
  g_assert_cmpstr (visible_page (f), ==, "properties");
  g_assert_true (row_shown (f, "Choose Fill Color"));
  g_assert_true (row_shown (f, "Choose Outline Color"));
  g_assert_false (row_shown (f, "Choose Text Color"));
  g_assert_false (shown_child (f, "text_group"));
  g_assert_false (shown_child (f, "note_group"));
  g_assert_false (shown_child (f, "connector_group"));

  select_items (f, f->image, f->note_a, NULL);
  g_assert_false (shown_child (f, "text_group"));
  g_assert_false (shown_child (f, "note_group"));

  select_items (f, f->note_a, NULL);
  g_assert_true (shown_child (f, "text_group"));
  g_assert_true (row_shown (f, "Choose Text Color"));

  /* Fill over an image and a connector: the image only has one. */
  select_items (f, f->image, f->connector, NULL);
  g_assert_false (row_shown (f, "Choose Fill Color"));
  g_assert_true (row_shown (f, "Choose Outline Color"));
  g_assert_false (shown_child (f, "text_group"));
}

static void
test_drawn (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *swatch;
  graphene_point_t centre;

  select_items (f, f->note_a, NULL);
  gtm_test_settle ();

  swatch = control (f, "Pink");
  g_assert_true (gtk_widget_compute_point (swatch, GTK_WIDGET (f->panel),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (swatch) / 2.0,
                                                                 gtk_widget_get_height (swatch) / 2.0),
                                           &centre));
  texture = gtm_test_render_widget (GTK_WIDGET (f->panel));
  g_assert_false (gtm_test_colors_differ (gtm_test_texture_pixel (texture, centre.x, centre.y),
                                          0xffc9c9, 3));
}

static const char *test_program;

static void
on_xdotool_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* Runs xdotool @commands, with the pointer first on @widget at (@x, @y),
 * while the main loop runs. */
static void
xdotool (Fixture    *f,
         GtkWidget  *widget,
         double      x,
         double      y,
         const char *commands)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  graphene_point_t point;
  double dx, dy;
  gboolean done = FALSE;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (f->window),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &dx, &dy);
  script = g_strdup_printf ("eval $(xdotool search --name '^%s$' getwindowgeometry --shell) && "
                            "xdotool mousemove $((X + %d)) $((Y + %d)) sleep 0.2 %s",
                            gtk_window_get_title (f->window),
                            (int) (point.x + dx), (int) (point.y + dy), commands);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "sh", "-c", script, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, on_xdotool_done, &done);
  gtm_test_wait_until (done);
  gtm_test_settle ();
}

/* Holding an arrow of the font size repeats its step: the whole run is one
 * undo step. Real presses (xdotool) go to whatever window is under the
 * pointer, so the test runs itself again on a display of its own, where
 * no other test's window can be in the way. */
static void
test_held_arrows (void)
{
  Fixture fixture = { 0, };
  Fixture *f = &fixture;
  GtkWidget *spin;
  GtkWidget *up = NULL;
  g_autofree char *text = NULL;
  guint steps;
  double size;

  if (g_getenv ("GTM_TEST_OWN_DISPLAY") == NULL)
    {
      g_autoptr(GSubprocessLauncher) launcher = NULL;
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *output = NULL;

      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
      g_subprocess_launcher_setenv (launcher, "GTM_TEST_OWN_DISPLAY", "1", TRUE);
      process = g_subprocess_launcher_spawn (launcher, &error,
                                             "xvfb-run", "-a", "-s", "-screen 0 800x600x24",
                                             test_program, "-p", "/properties-panel/held-arrows",
                                             NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, &error);
      g_assert_no_error (error);
      if (!g_subprocess_get_successful (process))
        g_error ("On a display of its own:\n%s", output);
      return;
    }

  fixture_set_up (f, NULL);
  gtk_window_set_title (f->window, "test-properties-panel");
  spin = GTK_WIDGET (font_size_spin (f));
  for (GtkWidget *c = gtk_widget_get_first_child (spin); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_has_css_class (c, "up"))
      up = c;
  g_assert_nonnull (up);

  select_items (f, f->note_a, f->shape, NULL);
  gtm_test_settle ();
  steps = gtm_history_get_n_undo (f->history);

  xdotool (f, up, gtk_widget_get_width (up) / 2.0, gtk_widget_get_height (up) / 2.0,
           "mousedown 1 sleep 0.8 mouseup 1");
  size = gtm_item_get_font_size (f->note_a);
  g_assert_cmpfloat (size, >=, 16 + 3);
  g_assert_cmpfloat (gtm_item_get_font_size (f->shape), ==, size);
  text = g_strdup_printf ("%g", size);
  g_assert_cmpstr (font_size_text (f), ==, text);
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps + 1);
  g_assert_cmpstr (gtm_history_get_undo_label (f->history), ==, "Change Font Size");

  g_assert_true (gtm_history_undo (f->history));
  g_assert_cmpfloat (gtm_item_get_font_size (f->note_a), ==, 16);
  g_assert_cmpfloat (gtm_item_get_font_size (f->shape), ==, 16);

  /* The same with a held key; a key pressed once is a step of its own. */
  gtk_widget_grab_focus (spin);
  xdotool (f, spin, 4, 4, "keydown Up sleep 0.8 keyup Up sleep 0.2 key Up");
  g_assert_cmpfloat (gtm_item_get_font_size (f->note_a), >=, 16 + 4);
  g_assert_cmpuint (gtm_history_get_n_undo (f->history), ==, steps + 2);
  size = gtm_item_get_font_size (f->note_a);
  g_assert_true (gtm_history_undo (f->history));
  g_assert_cmpfloat (gtm_item_get_font_size (f->note_a), ==, size - 1);
  g_assert_true (gtm_history_undo (f->history));
  g_assert_cmpfloat (gtm_item_get_font_size (f->note_a), ==, 16);

  fixture_tear_down (f, NULL);
}

static void
test_board_editor (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);
  GtmBoardView *view = gtm_window_get_board_view (window);
  GtmBoardEditor *editor = GTM_BOARD_EDITOR (gtk_widget_get_ancestor (GTK_WIDGET (view),
                                                                       GTM_TYPE_BOARD_EDITOR));
  GtmSelection *selection = gtm_board_editor_get_selection (editor);
  GtmPropertiesPanel *panel = GTM_PROPERTIES_PANEL (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                                   GTM_TYPE_BOARD_EDITOR,
                                                                                   "properties_panel"));
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (panel), GTM_TYPE_PROPERTIES_PANEL, "stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  gtm_selection_select_all (selection);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "properties");

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  test_program = argv[0];
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

#define ADD(path, func) \
  g_test_add ("/properties-panel/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("empty", test_empty);
  ADD ("fill-is-one-step", test_fill_is_one_step);
  ADD ("note-presets", test_note_presets);
  ADD ("font-size", test_font_size);
  ADD ("mixed", test_mixed);
  ADD ("follows-undo", test_follows_undo);
  ADD ("selection-changes", test_selection_changes);
  ADD ("image-hides-text", test_image_hides_text);
  ADD ("drawn", test_drawn);
  g_test_add_func ("/properties-panel/held-arrows", test_held_arrows);
  g_test_add_func ("/properties-panel/board-editor", test_board_editor);

#undef ADD

  return gtm_test_run ();
}
