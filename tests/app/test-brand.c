/* test-brand.c — the brand kit's page of the workbench (logo, colours,
 * fonts, each edit one undo step) and its colours offered first in the
 * colour chooser of board items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-brand"

#include "config.h"

#include <string.h>

#include "gtm-core.h"
#include "gtm-properties-panel.h"
#include "gtm-workbench-page.h"
#include "gtm-test-utils.h"

typedef struct
{
  GtmWindow  *window;
  GtmProject *project;
  GtmHistory *history;
  GtmBrand   *brand;
  GtkWidget  *page;
} Brand;

static gboolean
brand_open (Brand *b)
{
  b->window = gtm_test_new_input_window ();
  if (b->window == NULL)
    return FALSE;
  b->project = gtm_document_get_project (gtm_window_get_document (b->window));
  b->history = gtm_project_get_history (b->project);
  b->brand = GTM_BRAND (gtm_project_get_brand (b->project));
  b->page = gtm_test_show_workbench_page (b->window, "brand");

  return TRUE;
}

static GtkWidget *
find_first (GtkWidget *root,
            GType      type)
{
  g_autoptr(GPtrArray) found = gtm_test_find_all (root, type);

  g_assert_cmpuint (found->len, >, 0);
  return g_ptr_array_index (found, 0);
}

static char *
color_of (GtmBrand *brand,
          void    (*get) (GtmBrand *, GtmColor *))
{
  GtmColor color;

  get (brand, &color);
  return gtm_color_to_string (&color);
}

static char *
button_color (GtkWidget *button)
{
  GdkRGBA rgba;
  GtmColor color;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = (GtmColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
  return gtm_color_to_string (&color);
}

/* The family a font row's button names, and the family it is drawn in. */
static const char *
button_family (GtkWidget *button)
{
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));
  PangoAttrList *attrs = gtk_label_get_attributes (GTK_LABEL (label));
  g_autoptr(GSList) list = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;
  PangoAttribute *attr = list != NULL ? list->data : NULL;

  g_assert_nonnull (attr);
  g_assert_cmpint (attr->klass->type, ==, PANGO_ATTR_FAMILY);
  g_assert_cmpstr (((PangoAttrString *) attr)->value, ==, gtk_label_get_label (GTK_LABEL (label)));
  for (GSList *l = list; l != NULL; l = l->next)
    pango_attribute_destroy (l->data);

  return gtk_label_get_label (GTK_LABEL (label));
}

/* Selects @family in the font chooser's list, as a click on it does. */
static void
pick_family (GtkWindow  *dialog,
             const char *family)
{
  g_autoptr(GPtrArray) views = gtm_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW);

  /* The list of families, among the lists of the font's features. */
  for (guint v = 0; v < views->len; v++)
    {
      GtkSelectionModel *model = gtk_list_view_get_model (g_ptr_array_index (views, v));
      guint n = model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

          if (!PANGO_IS_FONT_FAMILY (item))
            break;
          if (!g_str_equal (pango_font_family_get_name (PANGO_FONT_FAMILY (item)), family))
            continue;

          gtk_selection_model_select_item (model, i, TRUE);
          gtm_test_wait_until (gtk_font_chooser_get_font_family (GTK_FONT_CHOOSER (dialog)) == (gpointer) item);
          return;
        }
    }

  g_error ("The font chooser lists no “%s”", family);
}

/* Tests ------------------------------------------------------------------- */

/* The page says what the brand kit is for and shows the defaults. */
static void
test_page (void)
{
  Brand b = { 0 };
  GtkWidget *group, *row, *button;
  g_autofree char *shown = NULL;

  if (!brand_open (&b))
    return;

  group = gtm_test_find_group (b.page, "Brand Kit");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "every generated layout"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "color on a board"));

  row = gtm_test_find_row (b.page, ADW_TYPE_ACTION_ROW, "Accent");
  button = find_first (row, GTK_TYPE_COLOR_BUTTON);
  shown = button_color (button);
  g_assert_cmpstr (shown, ==, "#e66100");

  row = gtm_test_find_row (b.page, ADW_TYPE_ACTION_ROW, "Body Font");
  g_assert_cmpstr (button_family (gtm_test_find_tooltip (row, "Choose a Body Font")), ==, "Cantarell");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Body text of generated layouts");

  gtm_test_screenshot ("brand-page");
  gtm_test_close_all ();
}

/* A colour picked in its row is one step; undo puts the row back. */
static void
test_color (void)
{
  Brand b = { 0 };
  GtkWidget *row, *button;
  g_autofree char *primary = NULL;
  g_autofree char *shown = NULL;
  GdkRGBA rgba;
  guint base;

  if (!brand_open (&b))
    return;

  base = gtm_history_get_n_undo (b.history);
  row = gtm_test_find_row (b.page, ADW_TYPE_ACTION_ROW, "Primary");
  button = find_first (row, GTK_TYPE_COLOR_BUTTON);
  g_assert_true (gdk_rgba_parse (&rgba, "#26a269"));
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);

  primary = color_of (b.brand, gtm_brand_get_primary);
  g_assert_cmpstr (primary, ==, "#26a269");
  g_assert_cmpuint (gtm_history_get_n_undo (b.history), ==, base + 1);

  gtm_history_undo (b.history);
  g_clear_pointer (&primary, g_free);
  primary = color_of (b.brand, gtm_brand_get_primary);
  g_assert_cmpstr (primary, ==, "#1c71d8");
  shown = button_color (button);
  g_assert_cmpstr (shown, ==, "#1c71d8");

  gtm_test_close_all ();
}

/* A font picked in the font chooser the row opens (families only) is one
 * step named after the font; undo and redo show in the row. */
static void
test_font (void)
{
  Brand b = { 0 };
  GtkWidget *row, *button;
  GtkWindow *dialog;
  guint base;

  if (!brand_open (&b))
    return;

  base = gtm_history_get_n_undo (b.history);
  row = gtm_test_find_row (b.page, ADW_TYPE_ACTION_ROW, "Heading Font");
  button = gtm_test_find_tooltip (row, "Choose a Heading Font");
  g_assert_nonnull (button);

  g_signal_emit_by_name (button, "clicked");
  gtm_test_wait_until ((dialog = gtm_test_find_toplevel (GTK_TYPE_FONT_CHOOSER_DIALOG)) != NULL);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Heading Font");
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (b.window));
  /* Families only, and the one the brand has to start with. */
  g_assert_cmpint (gtk_font_chooser_get_level (GTK_FONT_CHOOSER (dialog)), ==,
                   GTK_FONT_CHOOSER_LEVEL_FAMILY);
  gtm_test_wait_until (gtk_font_chooser_get_font_family (GTK_FONT_CHOOSER (dialog)) != NULL);
  g_assert_cmpstr (pango_font_family_get_name (gtk_font_chooser_get_font_family (GTK_FONT_CHOOSER (dialog))),
                   ==, "Cantarell");
  pick_family (dialog, "DejaVu Serif");
  gtm_test_click_button (GTK_WIDGET (dialog), "_Select");
  gtm_test_wait_until (g_strcmp0 (gtm_brand_get_heading_font (b.brand), "DejaVu Serif") == 0);

  g_assert_cmpstr (gtm_brand_get_body_font (b.brand), ==, "Cantarell");
  g_assert_cmpuint (gtm_history_get_n_undo (b.history), ==, base + 1);
  g_assert_cmpstr (gtm_history_get_undo_label (b.history), ==, "Change Heading Font");
  g_assert_cmpstr (button_family (button), ==, "DejaVu Serif");

  gtm_history_undo (b.history);
  g_assert_cmpstr (gtm_brand_get_heading_font (b.brand), ==, "Cantarell");
  g_assert_cmpstr (button_family (button), ==, "Cantarell");
  gtm_history_redo (b.history);
  g_assert_cmpstr (button_family (button), ==, "DejaVu Serif");

  /* Cancelling the chooser changes nothing. */
  base = gtm_history_get_n_undo (b.history);
  g_signal_emit_by_name (button, "clicked");
  gtm_test_wait_until ((dialog = gtm_test_find_toplevel (GTK_TYPE_FONT_CHOOSER_DIALOG)) != NULL);
  gtm_test_click_button (GTK_WIDGET (dialog), "_Cancel");
  gtm_test_wait_until (gtm_test_find_toplevel (GTK_TYPE_FONT_CHOOSER_DIALOG) == NULL);
  g_assert_cmpuint (gtm_history_get_n_undo (b.history), ==, base);

  /* A font this computer lacks (from someone else's file) is named and
   * said to be missing. */
  gtm_history_set (b.history, GTM_NODE (b.brand), "heading-font", "No Such Font Family", NULL);
  g_assert_cmpstr (button_family (button), ==, "No Such Font Family");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "not installed"));

  gtm_test_close_all ();
}

/* A logo chosen in the file chooser or dropped on its row is imported
 * off the main loop and set as one step; it is previewed; Remove takes
 * it away; a file that is no image is an error, not a change. */
static void
test_logo (void)
{
  Brand b = { 0 };
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autoptr(GFile) png = gtm_test_write_png (dir, "logo.png", 300, 120);
  g_autoptr(GFile) wide = gtm_test_write_png (dir, "wide.png", 640, 160);
  g_autofree char *broken_path = g_build_filename (dir, "broken.png", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GError) error = NULL;
  GtkWidget *row, *remove_button = NULL, *picture;
  GtkFileChooser *chooser;
  AdwToast *toast;
  guint width, height, base;

  if (!brand_open (&b))
    return;

  row = gtm_test_find_row (b.page, ADW_TYPE_ACTION_ROW, "Logo");
  picture = find_first (row, GTK_TYPE_PICTURE);
  g_assert_null (gtm_brand_get_logo (b.brand));
  g_assert_false (gtk_widget_get_mapped (picture));
  base = gtm_history_get_n_undo (b.history);

  /* Through the file chooser. */
  gtm_test_click_button (row, "_Choose…");
  gtm_test_wait_until ((chooser = gtm_test_find_file_chooser ()) != NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Choose a Logo");
  g_assert_true (gtk_file_chooser_set_file (chooser, png, &error));
  g_assert_no_error (error);
  /* The chooser loads the folder before it lets the file be chosen. */
  gtm_test_wait_until (gtk_widget_is_sensitive (gtm_test_find_button (GTK_WIDGET (chooser), "_Choose")));
  gtm_test_click_button (GTK_WIDGET (chooser), "_Choose");
  gtm_test_wait_until (gtm_brand_get_logo (b.brand) != NULL);
  g_assert_true (gtm_image_check_data (gtm_brand_get_logo (b.brand), "image/png", &width, &height, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (width, ==, 300);
  g_assert_cmpuint (height, ==, 120);
  g_assert_cmpuint (gtm_history_get_n_undo (b.history), ==, base + 1);
  g_assert_cmpstr (gtm_history_get_undo_label (b.history), ==, "Change Logo");
  gtm_test_wait_until (gtk_widget_get_mapped (picture));
  g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (picture)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "300 × 120 pixels");
  gtm_test_screenshot ("brand-page-logo");

  /* Dropped on the row, another one replaces it. */
  g_assert_true (gtm_test_drop_file (row, wide));
  gtm_test_wait_until (gtm_image_check_data (gtm_brand_get_logo (b.brand), "image/png", &width, NULL, NULL) &&
                       width == 640);
  g_assert_cmpuint (gtm_history_get_n_undo (b.history), ==, base + 2);

  /* Removed, then back with undo. */
  {
    g_autoptr(GPtrArray) buttons = gtm_test_find_all (row, GTK_TYPE_BUTTON);

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Remove Logo") == 0)
        remove_button = g_ptr_array_index (buttons, i);
  }
  g_assert_nonnull (remove_button);
  g_assert_true (gtk_widget_is_sensitive (remove_button));
  g_signal_emit_by_name (remove_button, "clicked");
  g_assert_null (gtm_brand_get_logo (b.brand));
  g_assert_cmpstr (gtm_history_get_undo_label (b.history), ==, "Remove Logo");
  g_assert_false (gtk_widget_is_sensitive (remove_button));
  gtm_test_wait_until (!gtk_widget_get_mapped (picture));
  gtm_history_undo (b.history);
  g_assert_nonnull (gtm_brand_get_logo (b.brand));
  gtm_test_wait_until (gtk_widget_get_mapped (picture));

  /* Not an image: an error naming the logo, no change. */
  g_file_set_contents (broken_path, "\x89PNG\r\n\x1a\n but then nothing of the kind", -1, &error);
  g_assert_no_error (error);
  base = gtm_history_get_n_undo (b.history);
  g_assert_true (gtm_test_drop_file (row, broken));
  gtm_test_wait_until ((toast = gtm_window_get_error_toast (b.window)) != NULL);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "logo"));
  g_assert_cmpuint (gtm_history_get_n_undo (b.history), ==, base);
  g_assert_nonnull (gtm_brand_get_logo (b.brand));

  gtm_test_close_all ();
}

/* A window closed while a logo that is no image is imported: the error
 * has no window to show in and is dropped without a warning. */
static void
test_logo_close (void)
{
  Brand b = { 0 };
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.png", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 end;

  if (!brand_open (&b))
    return;

  g_file_set_contents (path, "\x89PNG\r\n\x1a\n but then nothing of the kind", -1, &error);
  g_assert_no_error (error);
  g_assert_true (gtm_test_drop_file (gtm_test_find_row (b.page, ADW_TYPE_ACTION_ROW, "Logo"), broken));
  /* Gone before the main loop hears back from the import. */
  gtk_window_destroy (GTK_WINDOW (b.window));

  end = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  gtm_test_close_all ();
}

/* The colour swatches of the colour chooser, in the order shown. */
static void
collect_swatches (GtkWidget *widget,
                  GPtrArray *swatches)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkColorSwatch"))
    g_ptr_array_add (swatches, widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_swatches (c, swatches);
}

static char *
swatch_color (GtkWidget *swatch)
{
  GdkRGBA *rgba = NULL;
  GtmColor color;

  g_object_get (swatch, "rgba", &rgba, NULL);
  g_assert_nonnull (rgba);
  color = (GtmColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
  gdk_rgba_free (rgba);

  return gtm_color_to_string (&color);
}

static void
assert_swatches (GtkWidget  *dialog,
                 const char *first,
                 const char *second,
                 const char *third)
{
  g_autoptr(GPtrArray) swatches = g_ptr_array_new ();
  const char *expected[] = { first, second, third };

  collect_swatches (dialog, swatches);
  /* The brand's three, then GTK's 45 colours, then the custom ones. */
  g_assert_cmpuint (swatches->len, >=, 3 + 45);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *shown = swatch_color (g_ptr_array_index (swatches, i));

      g_assert_cmpstr (shown, ==, expected[i]);
    }
  {
    g_autofree char *gnome_blue = swatch_color (g_ptr_array_index (swatches, 3));

    g_assert_cmpstr (gnome_blue, ==, "#99c1f1");
  }
}

/* The fill chooser of a note offers the brand's colours first, above
 * GTK's own, follows the brand as it changes, and the one picked fills
 * the note. */
static void
test_palette (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Palette");
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GtmBoard) board = gtm_board_new ("Launch");
  g_autoptr(GtmSelection) selection = NULL;
  GtmBrand *brand = GTM_BRAND (gtm_project_get_brand (project));
  GtmItem *note = gtm_note_new (0, 0, "Pricing");
  GtmPropertiesPanel *panel;
  GtkWindow *window, *dialog;
  GdkRGBA *rgba = NULL;
  g_autoptr(GPtrArray) swatches = g_ptr_array_new ();

  g_list_store_append (gtm_node_get_list (GTM_NODE (project), "boards"), board);
  gtm_board_add_item (board, history, note);
  g_object_unref (note);
  gtm_history_set (history, GTM_NODE (brand), "accent-color", "#c01c28", NULL);

  selection = gtm_selection_new (board);
  panel = GTM_PROPERTIES_PANEL (gtm_properties_panel_new ());
  gtm_properties_panel_set_selection (panel, selection, history);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 260, 720);
  gtk_window_set_child (window, GTK_WIDGET (panel));
  gtk_window_present (window);
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  gtm_selection_set (selection, &note, 1);
  gtm_test_settle ();

  g_signal_emit_by_name (gtm_test_find_tooltip (GTK_WIDGET (panel), "Choose Fill Color"), "clicked");
  gtm_test_wait_until ((dialog = gtm_test_find_toplevel (GTK_TYPE_COLOR_CHOOSER_DIALOG)) != NULL);
  assert_swatches (GTK_WIDGET (dialog), "#1c71d8", "#241f31", "#c01c28");

  /* An undo (the brand page, another window) shows at once. */
  gtm_history_undo (history);
  assert_swatches (GTK_WIDGET (dialog), "#1c71d8", "#241f31", "#e66100");
  gtm_history_set (history, GTM_NODE (brand), "primary-color", "#26a269", NULL);
  assert_swatches (GTK_WIDGET (dialog), "#26a269", "#241f31", "#e66100");

  /* The brand's primary colour, picked and selected, fills the note. */
  collect_swatches (GTK_WIDGET (dialog), swatches);
  g_object_get (g_ptr_array_index (swatches, 0), "rgba", &rgba, NULL);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), rgba);
  gdk_rgba_free (rgba);
  gtm_test_click_button (GTK_WIDGET (dialog), "_Select");
  gtm_test_wait_until (gtm_test_find_toplevel (GTK_TYPE_COLOR_CHOOSER_DIALOG) == NULL);
  g_assert_cmpstr (gtm_item_get_fill (note), ==, "#26a269");

  gtk_window_destroy (window);
  gtm_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_use_own_display (argc, argv);
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/brand/page", test_page);
  g_test_add_func ("/brand/color", test_color);
  g_test_add_func ("/brand/font", test_font);
  g_test_add_func ("/brand/logo", test_logo);
  g_test_add_func ("/brand/logo-close", test_logo_close);
  g_test_add_func ("/brand/palette", test_palette);

  return gtm_test_run ();
}
