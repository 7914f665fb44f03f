/* test-brand.c — the brand kit: defaults, files with and without it, the
 * logo's checks and edits through the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cairo.h>

#include "gtm-core.h"

static const char old_file[] =
  "{ \"format\": \"gtm-studio\", \"version\": 1, \"id\": \"project-1\","
  "  \"title\": \"Beacon 灯塔\" }";

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *array = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_to_array, array), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}

static GtmProject *
read_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return gtm_format_read_bytes (bytes, error);
}

static GtmBrand *
brand_of (GtmProject *project)
{
  return GTM_BRAND (gtm_project_get_brand (project));
}

static void
assert_color (const GtmColor *color,
              const char     *expected)
{
  g_autofree char *text = gtm_color_to_string (color);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_brand (GtmBrand   *brand,
              const char *primary,
              const char *secondary,
              const char *accent,
              const char *heading_font,
              const char *body_font)
{
  GtmColor color;

  gtm_brand_get_primary (brand, &color);
  assert_color (&color, primary);
  gtm_brand_get_secondary (brand, &color);
  assert_color (&color, secondary);
  gtm_brand_get_accent (brand, &color);
  assert_color (&color, accent);
  g_assert_cmpstr (gtm_brand_get_heading_font (brand), ==, heading_font);
  g_assert_cmpstr (gtm_brand_get_body_font (brand), ==, body_font);
}

/* A new project, and a brand kit on its own, have the GNOME blue, dark
 * and orange, Cantarell, and no logo. */
static void
test_defaults (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  g_autoptr(GtmBrand) loose = gtm_brand_new ();
  GtmBrand *brand = brand_of (project);

  g_assert_true (GTM_IS_BRAND (brand));
  g_assert_true (gtm_node_get_parent (GTM_NODE (brand)) == GTM_NODE (project));
  g_assert_null (gtm_brand_get_logo (brand));
  assert_brand (brand, "#1c71d8", "#241f31", "#e66100", "Cantarell", "Cantarell");

  g_assert_null (gtm_brand_get_logo (loose));
  assert_brand (loose, "#1c71d8", "#241f31", "#e66100", "Cantarell", "Cantarell");
  g_assert_true (g_str_has_prefix (gtm_node_get_id (GTM_NODE (loose)), "brand-"));
}

/* A file written before the brand kit existed opens with the defaults and
 * is saved with them. */
static void
test_old_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmProject) project = read_text (old_file, &error);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GtmProject) reread = NULL;

  g_assert_no_error (error);
  g_assert_null (gtm_brand_get_logo (brand_of (project)));
  assert_brand (brand_of (project), "#1c71d8", "#241f31", "#e66100", "Cantarell", "Cantarell");

  written = gtm_format_write_bytes (project);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                  "\"brand\": {\n    \"logo\": \"\",\n"
                                  "    \"primary-color\": \"#1c71d8\",\n"));
  reread = gtm_format_read_bytes (written, &error);
  g_assert_no_error (error);
  assert_brand (brand_of (reread), "#1c71d8", "#241f31", "#e66100", "Cantarell", "Cantarell");
}

/* Every field, set through the history, saves and opens again as set;
 * each edit is one undo step. */
static void
test_round_trip (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  GtmHistory *history = gtm_project_get_history (project);
  GtmBrand *brand = brand_of (project);
  g_autoptr(GBytes) logo = make_png (40, 16);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GtmProject) reread = NULL;
  g_autoptr(GError) error = NULL;
  GtmBrand *read_brand;

  gtm_history_set (history, GTM_NODE (brand), "logo", logo, NULL);
  gtm_history_set (history, GTM_NODE (brand), "primary-color", "#26a269", NULL);
  gtm_history_set (history, GTM_NODE (brand), "secondary-color", "#3d3846", NULL);
  gtm_history_set (history, GTM_NODE (brand), "accent-color", "#c01c2880", NULL);
  gtm_history_set (history, GTM_NODE (brand), "heading-font", "Noto Serif CJK SC", NULL);
  gtm_history_set (history, GTM_NODE (brand), "body-font", "DejaVu Sans", NULL);
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 6);
  g_assert_true (gtm_format_validate (project, &error));
  g_assert_no_error (error);

  written = gtm_format_write_bytes (project);
  reread = gtm_format_read_bytes (written, &error);
  g_assert_no_error (error);
  read_brand = brand_of (reread);
  g_assert_nonnull (gtm_brand_get_logo (read_brand));
  g_assert_true (g_bytes_equal (gtm_brand_get_logo (read_brand), logo));
  assert_brand (read_brand, "#26a269", "#3d3846", "#c01c2880", "Noto Serif CJK SC", "DejaVu Sans");

  /* Undo walks back one field at a time, to the defaults. */
  gtm_history_undo (history);
  g_assert_cmpstr (gtm_brand_get_body_font (brand), ==, "Cantarell");
  g_assert_cmpstr (gtm_brand_get_heading_font (brand), ==, "Noto Serif CJK SC");
  while (gtm_history_can_undo (history))
    gtm_history_undo (history);
  g_assert_null (gtm_brand_get_logo (brand));
  assert_brand (brand, "#1c71d8", "#241f31", "#e66100", "Cantarell", "Cantarell");
}

/* Empty colours and fonts in a file are the defaults, never "none" or no
 * font; whatever else is there is kept as written. */
static void
test_empty_means_default (void)
{
  static const char text[] =
    "{ \"format\": \"gtm-studio\", \"version\": 1, \"id\": \"project-1\","
    "  \"title\": \"Beacon\", \"brand\": { \"logo\": \"\", \"primary-color\": \"\","
    "  \"accent-color\": \"#ffffff\", \"heading-font\": \"\", \"body-font\": \"Source Han Sans\" } }";
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmProject) project = read_text (text, &error);

  g_assert_no_error (error);
  g_assert_null (gtm_brand_get_logo (brand_of (project)));
  assert_brand (brand_of (project), "#1c71d8", "#241f31", "#ffffff", "Cantarell", "Source Han Sans");
}

static void
assert_refused (const char *text,
                const char *where,
                const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmProject) project = read_text (text, &error);

  g_assert_null (project);
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_null (strchr (error->message, '\n'));
  if (strstr (error->message, where) == NULL || strstr (error->message, what) == NULL)
    g_test_fail_printf ("“%s” does not say “%s” and “%s”", error->message, where, what);
}

/* A logo that is not a PNG file, or a colour that is not one, is refused
 * saying where and why; so is saving a project given such a logo. */
static void
test_bad_data (void)
{
  g_autofree char *jpeg = NULL;
  g_autofree char *colour = NULL;
  g_autofree char *font = NULL;
  g_autofree char *long_font = g_strnfill (GTM_FORMAT_MAX_LINE_LENGTH + 1, 'x');
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  g_autoptr(GBytes) not_png = g_bytes_new_static ("GIF89a not a logo", 17);
  g_autoptr(GError) error = NULL;

  jpeg = g_strdup_printf ("{ \"format\": \"gtm-studio\", \"version\": 1, \"id\": \"project-1\","
                          " \"title\": \"Beacon\", \"brand\": { \"logo\":"
                          " \"/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBA=\" } }");
  assert_refused (jpeg, "brand.logo: ", "the image data is not a PNG file");

  colour = g_strdup_printf ("{ \"format\": \"gtm-studio\", \"version\": 1, \"id\": \"project-1\","
                            " \"title\": \"Beacon\", \"brand\": { \"accent-color\": \"orange\" } }");
  assert_refused (colour, "brand.accent-color: ", "“orange” is not a colour");

  font = g_strdup_printf ("{ \"format\": \"gtm-studio\", \"version\": 1, \"id\": \"project-1\","
                          " \"title\": \"Beacon\", \"brand\": { \"body-font\": \"%s\" } }", long_font);
  assert_refused (font, "brand.body-font: ", "at most 4096");

  /* The history takes any bytes; the check before saving finds them. */
  gtm_history_set (gtm_project_get_history (project), gtm_project_get_brand (project),
                   "logo", not_png, NULL);
  g_assert_false (gtm_format_validate (project, &error));
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "brand.logo"));
  g_assert_nonnull (strstr (error->message, "not a PNG file"));
}

/* The sample project carries a brand kit, as every saved file does. */
static void
test_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GTM_SAMPLES_DIR"), "saas-launch.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmProject) project = gtm_format_read_file (file, NULL, &error);
  GtmColor color;

  g_assert_no_error (error);
  gtm_brand_get_primary (brand_of (project), &color);
  g_assert_cmpfloat (color.alpha, ==, 1.0);
  g_assert_cmpstr (gtm_brand_get_heading_font (brand_of (project)), !=, "");
  g_assert_cmpstr (gtm_brand_get_body_font (brand_of (project)), !=, "");
}

int
main (int   argc,
      char *argv[])
{
  gtm_core_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/brand/defaults", test_defaults);
  g_test_add_func ("/brand/old-file", test_old_file);
  g_test_add_func ("/brand/round-trip", test_round_trip);
  g_test_add_func ("/brand/empty-means-default", test_empty_means_default);
  g_test_add_func ("/brand/bad-data", test_bad_data);
  g_test_add_func ("/brand/sample", test_sample);

  return g_test_run ();
}
