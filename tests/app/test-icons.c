/* test-icons.c — the palette's icons come from the application's resources
 * and draw as symbolic icons, in the foreground colour only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-icons"

#include "config.h"

#include <string.h>

#include "gtm-board-editor.h"
#include "gtm-test-utils.h"

#define ICONS_PATH "/io/github/gtmstudio/GtmStudio/icons/scalable/actions/"

/* Helpers ----------------------------------------------------------------- */

static GtkIconTheme *
icon_theme (void)
{
  return gtk_icon_theme_get_for_display (gdk_display_get_default ());
}

static GtmWindow *
new_window (void)
{
  GtmWindow *window = gtm_application_new_window (gtm_test_get_app ());

  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

/* Draws @icon_name at @size with red as the foreground colour and checks that
 * every pixel it covers is red: a stroke, a second colour or an element GTK
 * does not recolour (an <ellipse>, a <polygon>) would show through in its own
 * colour, and an icon that fails to load would draw GTK's image-missing
 * picture in full colour. */
static void
assert_draws_in_foreground (GtmWindow  *window,
                            const char *icon_name,
                            int         size)
{
  const GdkRGBA colors[4] = {
    { 1.0, 0.0, 0.0, 1.0 }, /* foreground */
    { 0.0, 1.0, 0.0, 1.0 }, /* success */
    { 0.0, 0.0, 1.0, 1.0 }, /* warning */
    { 0.0, 1.0, 1.0, 1.0 }, /* error */
  };
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  guint opaque = 0;

  icon = gtk_icon_theme_lookup_icon (icon_theme (), icon_name, NULL, size, 1,
                                     GTK_TEXT_DIR_LTR, 0);
  g_assert_true (gtk_icon_paintable_is_symbolic (icon));

  snapshot = gtk_snapshot_new ();
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            size, size, colors, G_N_ELEMENTS (colors));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, size, size));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, size);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, size);

  pixels = g_new (guint32, size * size);
  /* Cairo's format: native-endian premultiplied ARGB. */
  gdk_texture_download (texture, (guchar *) pixels, size * 4);

  for (int i = 0; i < size * size; i++)
    {
      guint a = pixels[i] >> 24;
      guint r = (pixels[i] >> 16) & 0xff;
      guint g = (pixels[i] >> 8) & 0xff;
      guint b = pixels[i] & 0xff;

      if (a == 0)
        continue;

      if (g > 1 || b > 1 || (guint) ABS ((int) r - (int) a) > 1)
        g_error ("%s at %d px: pixel (%d, %d) is #%02x%02x%02x at alpha %u, not the foreground colour",
                 icon_name, size, i % size, i / size, r, g, b, a);
      if (a == 0xff)
        opaque++;
    }

  /* A shape a user can see, not a speck and not a filled square. */
  g_assert_cmpuint (opaque, >=, (guint) (size * size) / 16);
  g_assert_cmpuint (opaque, <, (guint) (size * size) * 3 / 4);
}

/* Tests ------------------------------------------------------------------- */

static void
test_palette_icons_from_resources (void)
{
  GtmWindow *window = new_window ();
  GtkWidget *editor = gtk_widget_get_ancestor (GTK_WIDGET (gtm_window_get_board_view (window)),
                                               GTM_TYPE_BOARD_EDITOR);
  GtkWidget *palette = GTK_WIDGET (gtk_widget_get_template_child (editor, GTM_TYPE_BOARD_EDITOR,
                                                                  "palette"));
  guint n_tiles = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (palette);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *icon_name;
      g_autoptr(GtkIconPaintable) icon = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *expected = NULL;

      if (!GTK_IS_TOGGLE_BUTTON (child))
        continue;

      n_tiles++;
      icon_name = gtk_button_get_icon_name (GTK_BUTTON (child));
      g_assert_nonnull (icon_name);
      g_assert_true (g_str_has_suffix (icon_name, "-symbolic"));

      /* Found in the resources the application adds to the icon theme, not
       * borrowed from whatever theme the system has, and not missing. */
      g_assert_true (gtk_icon_theme_has_icon (icon_theme (), icon_name));
      icon = gtk_icon_theme_lookup_icon (icon_theme (), icon_name, NULL, 16, 1,
                                         GTK_TEXT_DIR_LTR, 0);
      file = gtk_icon_paintable_get_file (icon);
      g_assert_nonnull (file);
      uri = g_file_get_uri (file);
      expected = g_strconcat ("resource://" ICONS_PATH, icon_name, ".svg", NULL);
      g_assert_cmpstr (uri, ==, expected);
    }

  /* Select, the six shapes and text tools, frame and connector. */
  g_assert_cmpuint (n_tiles, ==, 9);

  gtm_test_close_all ();
}

static void
test_icons_draw_in_foreground (void)
{
  GtmWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (ICONS_PATH, 0, &error);
  guint n_icons = 0;

  g_assert_no_error (error);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *icon_name = NULL;

      g_assert_true (g_str_has_suffix (names[i], "-symbolic.svg"));
      icon_name = g_strndup (names[i], strlen (names[i]) - strlen (".svg"));

      assert_draws_in_foreground (window, icon_name, 16);
      assert_draws_in_foreground (window, icon_name, 32);
      n_icons++;
    }

  g_assert_cmpuint (n_icons, >=, 9);

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/icons/palette-from-resources", test_palette_icons_from_resources);
  g_test_add_func ("/icons/draw-in-foreground", test_icons_draw_in_foreground);

  return gtm_test_run ();
}
