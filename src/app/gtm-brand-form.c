/* gtm-brand-form.c — the brand kit's page of the workbench: the logo, the
 * colours and the fonts of generated layouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-brand-form"

#include "config.h"

#include <glib/gi18n.h>

#include "gtm-brand.h"
#include "gtm-image-import.h"
#include "gtm-render.h"
#include "gtm-window.h"
#include "gtm-workbench-page.h"

/* The logo's preview fits in this box, in the row. */
#define LOGO_PREVIEW_WIDTH  96
#define LOGO_PREVIEW_HEIGHT 40

typedef struct _BrandPage BrandPage;

/* A font row: a button that names the family and opens a chooser of
 * families. */
typedef struct
{
  BrandPage  *data;
  const char *property;
  const char *description; /* the row's subtitle, N_() */
  const char *choose;      /* the button's tooltip, N_() */
  const char *change;      /* the undo label, N_() */
  GtkWidget  *row;
  GtkWidget  *button;      /* opens the font chooser */
  GtkWidget  *label;       /* the family, in itself */
} FontRow;

struct _BrandPage
{
  GtmWorkbenchPage     *page;
  GtmBrand             *brand;       /* followed, or NULL */
  gulong                notify_id;
  GCancellable         *cancellable; /* the logo's import */
  GtkFileChooserNative *chooser;

  GtkWidget            *logo_row;
  GtkWidget            *logo_picture;
  GtkWidget            *logo_placeholder;
  GtkWidget            *logo_spinner;
  GtkWidget            *choose_button;
  GtkWidget            *remove_button;
  FontRow               fonts[2];
};

static void
brand_page_set_brand (BrandPage *data,
                      GtmBrand  *brand)
{
  if (data->brand != NULL)
    {
      g_clear_signal_handler (&data->notify_id, data->brand);
      g_clear_object (&data->brand);
    }

  /* A logo on its way belongs to the brand it was chosen for. */
  g_cancellable_cancel (data->cancellable);
  g_object_unref (data->cancellable);
  data->cancellable = g_cancellable_new ();

  if (brand != NULL)
    data->brand = g_object_ref (brand);
}

static void
brand_page_free (BrandPage *data)
{
  brand_page_set_brand (data, NULL);
  g_cancellable_cancel (data->cancellable);
  g_clear_object (&data->cancellable);
  if (data->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (data->chooser));
  g_clear_object (&data->chooser);
  g_free (data);
}

static GtmHistory *
get_history (BrandPage *data)
{
  GtmProject *project = gtm_workbench_page_get_project (data->page);

  return project != NULL ? gtm_project_get_history (project) : NULL;
}

/* One edit of the brand, one undo step named @label. */
static void
set_field (BrandPage  *data,
           const char *label,
           const char *property,
           gpointer    value)
{
  GtmHistory *history = get_history (data);

  if (history == NULL || data->brand == NULL)
    return;

  gtm_history_begin (history, label);
  gtm_history_set (history, GTM_NODE (data->brand), property, value, NULL);
  gtm_history_end (history);
}

/* The logo */

static GdkTexture *
texture_from_png (GtmBrand *brand,
                  GBytes   *png)
{
  cairo_surface_t *surface = gtm_render_decode_png (GTM_NODE (brand), png);
  g_autoptr(GBytes) pixels = NULL;
  GdkTexture *texture;
  int width, height, stride;

  if (surface == NULL)
    return NULL;

  /* Cairo's ARGB32 is GDK's default memory format. */
  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, stride);
  cairo_surface_destroy (surface);

  return texture;
}

static void
update_logo (BrandPage *data)
{
  GBytes *logo = data->brand != NULL ? gtm_brand_get_logo (data->brand) : NULL;
  g_autoptr(GdkTexture) texture = logo != NULL ? texture_from_png (data->brand, logo) : NULL;

  gtk_picture_set_paintable (GTK_PICTURE (data->logo_picture), GDK_PAINTABLE (texture));
  gtk_widget_set_visible (data->logo_picture, texture != NULL);
  gtk_widget_set_visible (data->logo_placeholder, texture == NULL);
  gtk_widget_set_sensitive (data->remove_button, logo != NULL);

  if (texture != NULL)
    {
      /* Translators: the logo's width and height */
      g_autofree char *size = g_strdup_printf (_("%d × %d pixels"),
                                               gdk_texture_get_width (texture),
                                               gdk_texture_get_height (texture));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (data->logo_row), size);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (data->logo_row),
                                   _("No logo yet. Choose an image or drop one here."));
    }
}

static void
set_importing (BrandPage *data,
               gboolean   importing)
{
  gtk_widget_set_visible (data->logo_spinner, importing);
  gtk_spinner_set_spinning (GTK_SPINNER (data->logo_spinner), importing);
  gtk_widget_set_sensitive (data->choose_button, !importing);
}

static void
on_logo_imported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtmWorkbenchPage) page = user_data;
  BrandPage *data = g_object_get_data (G_OBJECT (page), "gtm-brand-page");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = gtm_image_import_file_finish (result, NULL, NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || data == NULL)
    return;

  set_importing (data, FALSE);
  if (png != NULL)
    set_field (data, _("Change Logo"), "logo", png);
  else if (gtk_widget_get_root (GTK_WIDGET (page)) != NULL) /* its window not closed since */
    gtm_window_show_error_for (GTK_WIDGET (page), _("Could not set the logo"), error);
}

static void
import_logo (BrandPage *data,
             GFile     *file)
{
  if (data->brand == NULL)
    return;

  /* A second file replaces the first one's import. */
  g_cancellable_cancel (data->cancellable);
  g_object_unref (data->cancellable);
  data->cancellable = g_cancellable_new ();

  set_importing (data, TRUE);
  gtm_image_import_file_async (file, data->cancellable, on_logo_imported, g_object_ref (data->page));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     BrandPage       *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        import_logo (data, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&data->chooser);
}

static void
on_choose_clicked (GtkButton *button,
                   BrandPage *data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();

  if (data->chooser != NULL)
    return;

  data->chooser = gtk_file_chooser_native_new (_("Choose a Logo"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (data->chooser), TRUE);
  gtk_file_filter_set_name (images, _("Images"));
  gtk_file_filter_add_pixbuf_formats (images);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (data->chooser), images);
  g_signal_connect (data->chooser, "response", G_CALLBACK (on_chooser_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (data->chooser));
}

static void
on_remove_clicked (GtkButton *button,
                   BrandPage *data)
{
  set_field (data, _("Remove Logo"), "logo", NULL);
}

static gboolean
on_logo_drop (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              BrandPage     *data)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      file = files != NULL ? files->data : NULL;
      g_slist_free (files);
    }

  if (file == NULL || data->brand == NULL)
    return FALSE;

  import_logo (data, file);
  return TRUE;
}

static GtkWidget *
logo_row_new (BrandPage *data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *well = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *frame;
  GtkDropTarget *drop;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Logo"));

  /* The preview, in a well so that a white logo shows; an empty well
   * says where the logo goes. */
  data->logo_picture = gtk_picture_new ();
  gtk_picture_set_can_shrink (GTK_PICTURE (data->logo_picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (data->logo_picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (data->logo_picture, LOGO_PREVIEW_WIDTH, LOGO_PREVIEW_HEIGHT);
  gtk_widget_set_margin_start (data->logo_picture, 6);
  gtk_widget_set_margin_end (data->logo_picture, 6);
  gtk_widget_set_margin_top (data->logo_picture, 6);
  gtk_widget_set_margin_bottom (data->logo_picture, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->logo_picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Logo preview"),
                                  -1);
  gtk_box_append (GTK_BOX (well), data->logo_picture);
  data->logo_placeholder = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (data->logo_placeholder), 24);
  gtk_widget_set_size_request (data->logo_placeholder, LOGO_PREVIEW_WIDTH + 12, LOGO_PREVIEW_HEIGHT + 12);
  gtk_widget_add_css_class (data->logo_placeholder, "dim-label");
  gtk_box_append (GTK_BOX (well), data->logo_placeholder);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), well);
  gtk_widget_add_css_class (frame, "view");
  gtk_widget_set_valign (frame, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (frame, 6);
  gtk_widget_set_margin_bottom (frame, 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), frame);

  data->logo_spinner = gtk_spinner_new ();
  gtk_widget_set_visible (data->logo_spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->logo_spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Importing the logo"),
                                  -1);
  gtk_box_append (GTK_BOX (box), data->logo_spinner);

  data->choose_button = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_tooltip_text (data->choose_button, _("Choose a Logo"));
  g_signal_connect (data->choose_button, "clicked", G_CALLBACK (on_choose_clicked), data);
  gtk_box_append (GTK_BOX (box), data->choose_button);

  data->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (data->remove_button, _("Remove Logo"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Logo"),
                                  -1);
  gtk_widget_add_css_class (data->remove_button, "flat");
  g_signal_connect (data->remove_button, "clicked", G_CALLBACK (on_remove_clicked), data);
  gtk_box_append (GTK_BOX (box), data->remove_button);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  /* An image file dropped on the row becomes the logo. */
  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (on_logo_drop), data);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));

  data->logo_row = row;
  return row;
}

/* The fonts */

/* The installed family called @family, or NULL. */
static PangoFontFamily *
find_family (GtkWidget  *widget,
             const char *family)
{
  PangoFontMap *map = pango_context_get_font_map (gtk_widget_get_pango_context (widget));
  PangoFontFamily **families = NULL;
  PangoFontFamily *found = NULL;
  int n = 0;

  /* Fontconfig matches family names whatever their case. */
  pango_font_map_list_families (map, &families, &n);
  for (int i = 0; i < n && found == NULL; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), family) == 0)
      found = families[i];
  g_free (families);

  return found;
}

static const char *
font_family (FontRow *font)
{
  GtmBrand *brand = font->data->brand;

  if (brand == NULL)
    return GTM_BRAND_DEFAULT_FONT;

  /* An empty name in the file is the default font. */
  return g_str_equal (font->property, "heading-font")
         ? gtm_brand_get_heading_font (brand) : gtm_brand_get_body_font (brand);
}

/* The button names the family in the family itself. */
static void
update_font (FontRow *font)
{
  const char *family = font_family (font);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_family_new (family));
  gtk_label_set_label (GTK_LABEL (font->label), family);
  gtk_label_set_attributes (GTK_LABEL (font->label), attrs);
  pango_attr_list_unref (attrs);

  if (find_family (font->button, family) != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (font->row), _(font->description));
    }
  else
    {
      /* Translators: %s is a font family, e.g. “Noto Sans” */
      g_autofree char *missing = g_strdup_printf (_("“%s” is not installed on this computer; a similar font is used instead."),
                                                  family);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (font->row), missing);
    }
}

static void
on_font_dialog_response (GtkDialog *dialog,
                         int        response,
                         FontRow   *font)
{
  if (response == GTK_RESPONSE_OK)
    {
      PangoFontFamily *chosen = gtk_font_chooser_get_font_family (GTK_FONT_CHOOSER (dialog));

      if (chosen != NULL)
        set_field (font->data, _(font->change), font->property,
                   (gpointer) pango_font_family_get_name (chosen));
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_font_clicked (GtkButton *button,
                 FontRow   *font)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  PangoFontDescription *desc = pango_font_description_new ();
  GtkWidget *dialog;

  dialog = gtk_font_chooser_dialog_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (font->row)),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_font_chooser_set_level (GTK_FONT_CHOOSER (dialog), GTK_FONT_CHOOSER_LEVEL_FAMILY);
  /* GTK 4.8 selects a family from its name alone when its usual face
   * is of normal weight and width; others start unselected. */
  pango_font_description_set_family (desc, font_family (font));
  gtk_font_chooser_set_font_desc (GTK_FONT_CHOOSER (dialog), desc);
  pango_font_description_free (desc);

  g_signal_connect (dialog, "response", G_CALLBACK (on_font_dialog_response), font);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
font_row_new (FontRow    *font,
              const char *title)
{
  font->row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (font->row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (font->row), _(font->description));

  font->label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (font->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (font->label), 24);
  font->button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (font->button), font->label);
  gtk_widget_set_valign (font->button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (font->button, _(font->choose));
  g_signal_connect (font->button, "clicked", G_CALLBACK (on_font_clicked), font);

  adw_action_row_add_suffix (ADW_ACTION_ROW (font->row), font->button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (font->row), font->button);

  return font->row;
}

/* Following the project's brand */

static void
on_brand_notify (GtmBrand   *brand,
                 GParamSpec *pspec,
                 BrandPage  *data)
{
  if (g_str_equal (pspec->name, "logo"))
    update_logo (data);
  else if (g_str_has_suffix (pspec->name, "-font"))
    for (guint i = 0; i < G_N_ELEMENTS (data->fonts); i++)
      update_font (&data->fonts[i]);
}

static void
on_page_project_notify (GtmWorkbenchPage *page,
                        GParamSpec       *pspec,
                        BrandPage        *data)
{
  GtmNode *node = gtm_workbench_page_get_node (page);

  brand_page_set_brand (data, GTM_IS_BRAND (node) ? GTM_BRAND (node) : NULL);
  if (data->brand != NULL)
    data->notify_id = g_signal_connect (data->brand, "notify", G_CALLBACK (on_brand_notify), data);

  set_importing (data, FALSE);
  gtk_widget_set_sensitive (data->choose_button, data->brand != NULL);
  update_logo (data);
  for (guint i = 0; i < G_N_ELEMENTS (data->fonts); i++)
    update_font (&data->fonts[i]);
}

/* The page */

void
gtm_brand_form_build (GtmWorkbenchPage   *self,
                      GtmForm            *form,
                      AdwPreferencesPage *page)
{
  BrandPage *data = g_new0 (BrandPage, 1);
  GtkWidget *group;

  data->page = self;
  data->cancellable = g_cancellable_new ();
  data->fonts[0] = (FontRow) { data, "heading-font",
                               N_("Titles and headings of generated layouts"),
                               N_("Choose a Heading Font"), N_("Change Heading Font") };
  data->fonts[1] = (FontRow) { data, "body-font",
                               N_("Body text of generated layouts"),
                               N_("Choose a Body Font"), N_("Change Body Font") };
  g_object_set_data_full (G_OBJECT (self), "gtm-brand-page", data,
                          (GDestroyNotify) brand_page_free);
  g_signal_connect (self, "notify::project", G_CALLBACK (on_page_project_notify), data);

  group = gtm_workbench_page_add_group (page, _("Brand Kit"),
                     _("The brand kit is applied to every generated layout — one-pager, persona sheets, battlecards, the messaging document — and its colors come first when you pick a color on a board."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), logo_row_new (data));

  group = gtm_workbench_page_add_group (page, _("Colors"), NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (gtm_form_add_color (form, group, "primary-color", _("Primary"))),
                               _("Title bars, headings and key shapes"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (gtm_form_add_color (form, group, "secondary-color", _("Secondary"))),
                               _("Body text, lines and dark backgrounds"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (gtm_form_add_color (form, group, "accent-color", _("Accent"))),
                               _("Calls to action and highlights, used sparingly"));

  group = gtm_workbench_page_add_group (page, _("Fonts"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), font_row_new (&data->fonts[0], _("Heading Font")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), font_row_new (&data->fonts[1], _("Body Font")));

  on_page_project_notify (self, NULL, data);
}
