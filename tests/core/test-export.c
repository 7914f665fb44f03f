/* test-export.c — boards exported to PDF, PNG and SVG files, checked as a
 * reader of the files would see them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gtm-core.h"
#include "gtm-core-test-utils.h"

/* The sample's board whose name starts with @prefix; the project keeps it. */
static GtmBoard *
sample_board (GtmProject *project,
              const char *prefix)
{
  GListModel *boards = gtm_project_get_boards (project);

  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(GtmBoard) board = g_list_model_get_item (boards, i);

      if (g_str_has_prefix (gtm_board_get_name (board), prefix))
        return board;
    }

  g_assert_not_reached ();
}

static gboolean
export_path (GtmBoard               *board,
             const char             *path,
             const GtmExportOptions *options,
             GtmExportResult        *result,
             GCancellable           *cancellable,
             GError                **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gtm_export_board (board, file, options, result, cancellable, error);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;

  return n;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* poppler-utils ------------------------------------------------------------ */

/* The page size pdfinfo reports, in whole points. */
static void
assert_page_size (const char *pdf,
                  int         width,
                  int         height)
{
  g_autofree char *info = gtm_core_test_run_poppler ("pdfinfo", pdf);
  const char *line = strstr (info, "Page size:");
  double w = 0, h = 0;

  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Page size: %lf x %lf", &w, &h), ==, 2);
  g_assert_cmpint ((int) round (w), ==, width);
  g_assert_cmpint ((int) round (h), ==, height);
}

/* Options ------------------------------------------------------------------ */

static void
test_options (void)
{
  GtmExportOptions options;
  double w, h;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  g_assert_cmpint (options.format, ==, GTM_EXPORT_FORMAT_PDF);
  g_assert_cmpint (options.page, ==, GTM_EXPORT_PAGE_A4);
  g_assert_false (options.landscape);
  g_assert_cmpfloat (options.margin, ==, 36);
  g_assert_cmpfloat (options.scale, ==, 1);
  g_assert_false (options.transparent);

  g_assert_true (gtm_export_get_page_size (&options, &w, &h));
  g_assert_cmpint ((int) round (w), ==, 595);
  g_assert_cmpint ((int) round (h), ==, 842);

  options.landscape = TRUE;
  g_assert_true (gtm_export_get_page_size (&options, &w, &h));
  g_assert_cmpint ((int) round (w), ==, 842);
  g_assert_cmpint ((int) round (h), ==, 595);

  options.page = GTM_EXPORT_PAGE_LETTER;
  options.landscape = FALSE;
  g_assert_true (gtm_export_get_page_size (&options, &w, &h));
  g_assert_cmpfloat (w, ==, 612);
  g_assert_cmpfloat (h, ==, 792);

  options.page = GTM_EXPORT_PAGE_SLIDE_16_9;
  g_assert_true (gtm_export_get_page_size (&options, &w, &h));
  g_assert_cmpfloat (w, ==, 960);
  g_assert_cmpfloat (h, ==, 540);

  options.page = GTM_EXPORT_PAGE_CUSTOM;
  options.page_width = 400;
  options.page_height = 300;
  g_assert_true (gtm_export_get_page_size (&options, &w, &h));
  g_assert_cmpfloat (w, ==, 400);
  g_assert_cmpfloat (h, ==, 300);
  options.page_width = 0;
  g_assert_false (gtm_export_get_page_size (&options, &w, &h));

  g_assert_cmpstr (gtm_export_format_get_extension (GTM_EXPORT_FORMAT_PDF), ==, "pdf");
  g_assert_cmpstr (gtm_export_format_get_extension (GTM_EXPORT_FORMAT_PNG), ==, "png");
  g_assert_cmpstr (gtm_export_format_get_extension (GTM_EXPORT_FORMAT_SVG), ==, "svg");
}

/* Options that make no picture are refused with a message, and no file
 * appears. */
static void
test_bad_options (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmBoard *board = sample_board (project, "SWOT");
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-export");
  g_autofree char *path = g_build_filename (dir, "swot.pdf", NULL);
  GtmExportOptions options;
  g_autoptr(GError) error = NULL;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  options.margin = 400;
  g_assert_false (export_path (board, path, &options, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "SWOT"));
  g_clear_error (&error);

  options.margin = 36;
  options.page = GTM_EXPORT_PAGE_CUSTOM;
  options.page_width = 1e9;
  options.page_height = 500;
  g_assert_false (export_path (board, path, &options, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PNG);
  options.scale = 0;
  g_assert_false (export_path (board, path, &options, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  options.scale = NAN;
  g_assert_false (export_path (board, path, &options, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  g_assert_cmpuint (count_entries (dir), ==, 0);
  gtm_core_test_remove_tree (dir);
}

/* PDF ---------------------------------------------------------------------- */

/* Every board of the sample as an A4 page: the page size, embedded fonts
 * that are not Type 3, and the metadata. */
static void
test_pdf_all_boards (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GListModel *boards = gtm_project_get_boards (project);
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-export");
  g_autoptr(GTimer) timer = g_timer_new ();
  GtmExportOptions options;
  guint n_boards = g_list_model_get_n_items (boards);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  goffset total_size = 0;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  options.title = "Beacon Analytics 灯塔分析";
  options.author = "Mei Chen 陈美";

  g_assert_cmpuint (n_boards, >=, 5);
  for (guint i = 0; i < n_boards; i++)
    {
      g_autoptr(GtmBoard) board = g_list_model_get_item (boards, i);
      g_autofree char *name = g_strdup_printf ("board-%u.pdf", i);
      char *path = g_build_filename (dir, name, NULL);
      GtmExportResult result;
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (paths, path);
      g_assert_true (export_path (board, path, &options, &result, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint ((int) round (result.width), ==, 595);
      g_assert_cmpint ((int) round (result.height), ==, 842);
      g_assert_cmpfloat (result.scale, >, 0);
      g_assert_false (result.clamped);
    }
  g_test_message ("%u boards exported to PDF in %.0f ms", n_boards,
                  g_timer_elapsed (timer, NULL) * 1000);

  for (guint i = 0; i < paths->len; i++)
    {
      GStatBuf st;

      g_assert_no_errno (g_stat (paths->pdata[i], &st));
      total_size += st.st_size;
      g_test_message ("%s: %" G_GOFFSET_FORMAT " bytes", (char *) paths->pdata[i],
                      (goffset) st.st_size);
    }
  g_test_message ("%" G_GOFFSET_FORMAT " bytes in all", total_size);

  g_assert_cmpuint (count_entries (dir), ==, n_boards);

  if (gtm_core_test_have_poppler ())
    {
      g_autofree char *info = gtm_core_test_run_poppler ("pdfinfo", paths->pdata[0]);

      gtm_core_test_assert_text_contains (info, "Title: Beacon Analytics 灯塔分析");
      gtm_core_test_assert_text_contains (info, "Author: Mei Chen 陈美");
      gtm_core_test_assert_text_contains (info, "Creator: GTM Studio");

      for (guint i = 0; i < paths->len; i++)
        {
          assert_page_size (paths->pdata[i], 595, 842);
          gtm_core_test_assert_fonts_embedded (paths->pdata[i]);
        }
    }

  gtm_core_test_remove_tree (dir);
}

/* The positioning board on a landscape page: its text can be searched and
 * copied, in English and Chinese, including the values of linked fields. */
static void
test_pdf_text (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmBoard *board = sample_board (project, "Positioning & personas");
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-export");
  g_autofree char *path = g_build_filename (dir, "定位.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtmExportOptions options;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  options.landscape = TRUE;
  g_assert_true (export_path (board, path, &options, NULL, NULL, &error));
  g_assert_no_error (error);

  if (!gtm_core_test_have_poppler ())
    {
      gtm_core_test_remove_tree (dir);
      return;
    }

  assert_page_size (path, 842, 595);
  gtm_core_test_assert_fonts_embedded (path);

  text = gtm_core_test_run_poppler ("pdftotext", path);
  /* the board's own text */
  gtm_core_test_assert_text_contains (text, "Positioning & personas 定位与画像");
  gtm_core_test_assert_text_contains (text, "Positioning 定位");
  /* {{project.product-name}} in the title */
  gtm_core_test_assert_text_contains (text, "Beacon Analytics 灯塔分析");
  /* {{messaging.positioning}}: the statement composed from the messaging */
  gtm_core_test_assert_text_contains (text, "mid-size retail chains");
  gtm_core_test_assert_text_contains (text, "product analytics cloud");
  g_assert_null (strstr (text, "{{"));

  gtm_core_test_remove_tree (dir);
}

/* PNG ---------------------------------------------------------------------- */

static cairo_surface_t *
read_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + x * 4);
}

/* At 1× and 2× the picture is the board's drawn area plus the render margin
 * at that scale; the corner shows the board's background (#fafafa) or,
 * asked for, nothing. */
static void
test_png_scales (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmBoard *board = sample_board (project, "Positioning & personas");
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-export");
  g_autofree char *path1 = g_build_filename (dir, "board@1x.png", NULL);
  g_autofree char *path2 = g_build_filename (dir, "board@2x.png", NULL);
  g_autofree char *path3 = g_build_filename (dir, "board-clear.png", NULL);
  g_autofree char *path4 = g_build_filename (dir, "board-192dpi.png", NULL);
  GtmExportOptions options;
  GtmExportResult result;
  GtmRect bounds;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png;
  int width1, height1;

  g_assert_true (gtm_render_board_bounds (board, &bounds));
  width1 = (int) ceil (bounds.width + 2 * GTM_RENDER_MARGIN);
  height1 = (int) ceil (bounds.height + 2 * GTM_RENDER_MARGIN);

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PNG);
  g_assert_true (export_path (board, path1, &options, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (result.scale, ==, 1);
  g_assert_false (result.clamped);
  png = read_png (path1);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width1);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height1);
  g_assert_cmpfloat (result.width, ==, width1);
  g_assert_cmpfloat (result.height, ==, height1);
  g_assert_cmphex (pixel_at (png, 0, 0), ==, 0xfffafafa);
  cairo_surface_destroy (png);

  options.scale = 2;
  g_assert_true (export_path (board, path2, &options, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (result.scale, ==, 2);
  png = read_png (path2);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==,
                   (int) ceil (2 * (bounds.width + 2 * GTM_RENDER_MARGIN)));
  g_assert_cmpint (cairo_image_surface_get_height (png), ==,
                   (int) ceil (2 * (bounds.height + 2 * GTM_RENDER_MARGIN)));
  cairo_surface_destroy (png);

  /* 192 dpi is 2× */
  options.scale = 1;
  options.dpi = 192;
  g_assert_true (export_path (board, path4, &options, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (result.scale, ==, 2);
  png = read_png (path4);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==,
                   (int) ceil (2 * (bounds.width + 2 * GTM_RENDER_MARGIN)));
  cairo_surface_destroy (png);

  options.dpi = 0;
  options.transparent = TRUE;
  g_assert_true (export_path (board, path3, &options, &result, NULL, &error));
  g_assert_no_error (error);
  png = read_png (path3);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width1);
  g_assert_cmphex (pixel_at (png, 0, 0) >> 24, ==, 0);
  cairo_surface_destroy (png);

  gtm_core_test_remove_tree (dir);
}

/* A board 100,000 units wide can't be a picture that wide: the scale is
 * lowered so the picture is at most 32,767 pixels a side, and the result
 * says so. */
static void
test_png_clamped (void)
{
  g_autoptr(GtmBoard) board = gtm_board_new ("Wide");
  g_autoptr(GtmHistory) history = gtm_history_new ();
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-export");
  g_autofree char *path = g_build_filename (dir, "wide.png", NULL);
  GtmItem *left = gtm_note_new (0, 0, "West");
  GtmItem *right = gtm_note_new (100000, 0, "East");
  GtmExportOptions options;
  GtmExportResult result;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png;

  gtm_board_add_item (board, history, left);
  gtm_board_add_item (board, history, right);
  g_object_unref (left);
  g_object_unref (right);

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PNG);
  options.scale = 2;
  g_assert_true (export_path (board, path, &options, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (result.clamped);
  g_assert_cmpfloat (result.scale, <, 0.33);
  g_assert_cmpfloat (result.width, <=, 32767);

  png = read_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (png), <=, 32767);
  g_assert_cmpint (cairo_image_surface_get_width (png), >=, 32700);
  g_assert_cmpfloat (cairo_image_surface_get_width (png), ==, result.width);
  g_assert_cmpfloat (cairo_image_surface_get_height (png), ==, result.height);
  cairo_surface_destroy (png);

  gtm_core_test_remove_tree (dir);
}

/* The picture's pixel at the board point (@x, @y), as @result placed it. */
static guint32
board_pixel_at (cairo_surface_t       *surface,
                const GtmRect         *bounds,
                const GtmExportResult *result,
                double                 x,
                double                 y)
{
  return pixel_at (surface,
                   (int) ((x - bounds->x + GTM_RENDER_MARGIN) * result->scale),
                   (int) ((y - bounds->y + GTM_RENDER_MARGIN) * result->scale));
}

static void
assert_channel (guint32 pixel,
                int     shift,
                guint   expected)
{
  int channel = (pixel >> shift) & 0xff;

  if (ABS (channel - (int) expected) > 2)
    g_error ("pixel %08x: %02x where %02x was expected", pixel, channel, expected);
}

/* A red square at the top of a tall board and a half-transparent blue one
 * at its bottom (drawn apart, so the picture is made in several bands)
 * read back in their colours: laid on the board's background in an opaque
 * picture, as they are in a transparent one. */
static void
test_png_colours (void)
{
  g_autoptr(GtmBoard) board = gtm_board_new ("Colours");
  g_autoptr(GtmHistory) history = gtm_history_new ();
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-export");
  g_autofree char *path = g_build_filename (dir, "colours.png", NULL);
  GtmItem *red = gtm_shape_new (GTM_SHAPE_RECTANGLE, 0, 0, 200, 200);
  GtmItem *blue = gtm_shape_new (GTM_SHAPE_RECTANGLE, 0, 4000, 200, 200);
  GtmExportOptions options;
  GtmExportResult result;
  GtmRect bounds;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png;
  guint32 pixel;
  int width, height;

  g_object_set (red, "fill", "#c0306a", "stroke", "", NULL);
  g_object_set (blue, "fill", "#2080c080", "stroke", "", NULL);
  gtm_board_add_item (board, history, red);
  gtm_board_add_item (board, history, blue);
  g_object_unref (red);
  g_object_unref (blue);
  g_assert_true (gtm_render_board_bounds (board, &bounds));

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PNG);
  options.scale = 2;
  g_assert_true (export_path (board, path, &options, &result, NULL, &error));
  g_assert_no_error (error);
  png = read_png (path);
  width = cairo_image_surface_get_width (png);
  height = cairo_image_surface_get_height (png);
  g_assert_cmpint (height, >, 8000);
  g_assert_cmpint (cairo_image_surface_get_format (png), ==, CAIRO_FORMAT_RGB24);
  g_assert_cmphex (board_pixel_at (png, &bounds, &result, 100, 100), ==, 0xffc0306a);
  /* #2080c0 at half over #fafafa */
  pixel = board_pixel_at (png, &bounds, &result, 100, 4100);
  assert_channel (pixel, 16, 0x8d);
  assert_channel (pixel, 8, 0xbd);
  assert_channel (pixel, 0, 0xdd);
  g_assert_cmphex (pixel_at (png, 0, 0), ==, 0xfffafafa);
  g_assert_cmphex (pixel_at (png, width - 1, height - 1), ==, 0xfffafafa);
  cairo_surface_destroy (png);

  options.transparent = TRUE;
  g_assert_true (export_path (board, path, &options, &result, NULL, &error));
  g_assert_no_error (error);
  png = read_png (path);
  g_assert_cmpint (cairo_image_surface_get_format (png), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmphex (board_pixel_at (png, &bounds, &result, 100, 100), ==, 0xffc0306a);
  /* cairo reads it back premultiplied: #2080c0 at 0x80 */
  pixel = board_pixel_at (png, &bounds, &result, 100, 4100);
  assert_channel (pixel, 24, 0x80);
  assert_channel (pixel, 16, 0x10);
  assert_channel (pixel, 8, 0x40);
  assert_channel (pixel, 0, 0x60);
  g_assert_cmphex (pixel_at (png, 0, 0), ==, 0);
  g_assert_cmphex (pixel_at (png, width / 2, height / 2), ==, 0);
  cairo_surface_destroy (png);

  gtm_core_test_remove_tree (dir);
}

/* SVG ---------------------------------------------------------------------- */

static void
test_svg (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmBoard *board = sample_board (project, "Customer journey");
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-export");
  g_autofree char *path = g_build_filename (dir, "journey.svg", NULL);
  g_autofree char *svg = NULL;
  const char *width_attr;
  double width = 0, height = 0;
  GtmExportOptions options;
  GtmExportResult result;
  GtmRect bounds;
  g_autoptr(GError) error = NULL;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_SVG);
  g_assert_true (export_path (board, path, &options, &result, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (gtm_render_board_bounds (board, &bounds));
  g_assert_cmpfloat_with_epsilon (result.width, bounds.width + 2 * GTM_RENDER_MARGIN, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.height, bounds.height + 2 * GTM_RENDER_MARGIN, 1e-9);

  svg = read_text (path);
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "<svg"));
  /* the drawing's size, in pixels */
  width_attr = strstr (svg, " width=\"");
  g_assert_nonnull (width_attr);
  g_assert_cmpint (sscanf (width_attr, " width=\"%lfpx\" height=\"%lfpx\"", &width, &height), ==, 2);
  g_assert_cmpfloat_with_epsilon (width, result.width, 0.01);
  g_assert_cmpfloat_with_epsilon (height, result.height, 0.01);
  g_assert_nonnull (strstr (svg, "</svg>"));
  /* more than the background: the items are drawn */
  g_assert_cmpuint (strlen (svg), >, 10000);

  gtm_core_test_remove_tree (dir);
}

/* Failures ----------------------------------------------------------------- */

/* Exporting into a folder the user may not write fails with a message that
 * says so; the old file is untouched and no temporary file is left. */
static void
test_unwritable_folder (void)
{
  g_autoptr(GtmBoard) board = NULL;
  g_autoptr(GtmHistory) history = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *content = NULL;
  GtmExportOptions options;
  GtmItem *note;
  g_autoptr(GError) error = NULL;

  if (!gtm_core_test_run_as_ordinary_user ())
    return;

  board = gtm_board_new ("Plan");
  history = gtm_history_new ();
  note = gtm_note_new (0, 0, "Launch 发布");
  gtm_board_add_item (board, history, note);
  g_object_unref (note);

  dir = gtm_core_test_make_dir ("gtm-export");
  path = g_build_filename (dir, "plan.pdf", NULL);
  write_text (path, "old export");
  g_assert_no_errno (chmod (dir, 0555));

  for (GtmExportFormat format = GTM_EXPORT_FORMAT_PDF; format <= GTM_EXPORT_FORMAT_SVG; format++)
    {
      gtm_export_options_init (&options, format);
      g_assert_false (export_path (board, path, &options, NULL, NULL, &error));
      g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "plan.pdf"));
      g_assert_nonnull (strstr (error->message, "permission"));
      g_clear_error (&error);
    }

  content = read_text (path);
  g_assert_cmpstr (content, ==, "old export");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  gtm_core_test_remove_tree (dir);
}

/* A folder that does not exist: a clear error, nothing created. */
static void
test_missing_folder (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmBoard *board = sample_board (project, "SWOT");
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-export");
  g_autofree char *path = g_build_filename (dir, "gone", "swot.png", NULL);
  GtmExportOptions options;
  g_autoptr(GError) error = NULL;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PNG);
  g_assert_false (export_path (board, path, &options, NULL, NULL, &error));
  g_assert_error (error, GTM_SAVE_ERROR, GTM_SAVE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "swot.png"));
  g_assert_cmpuint (count_entries (dir), ==, 0);

  gtm_core_test_remove_tree (dir);
}

typedef struct
{
  GtmBoard         *board;
  const char       *path;
  GtmExportOptions  options;
  GCancellable     *cancellable;
  gboolean          done;
  GError           *error;
} ExportJob;

static gpointer
export_thread (gpointer data)
{
  ExportJob *job = data;

  job->done = export_path (job->board, job->path, &job->options, NULL,
                           job->cancellable, &job->error);
  return NULL;
}

/* A cancelled export leaves the old file as it was and nothing else; one
 * cancelled while it runs either finishes whole or changes nothing. */
static void
test_cancelled (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmBoard *board = sample_board (project, "Launch overview");
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-export");
  g_autofree char *path = g_build_filename (dir, "overview.png", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *content = NULL;
  GtmExportOptions options;
  g_autoptr(GError) error = NULL;

  write_text (path, "old export");

  g_cancellable_cancel (cancellable);
  for (GtmExportFormat format = GTM_EXPORT_FORMAT_PDF; format <= GTM_EXPORT_FORMAT_SVG; format++)
    {
      gtm_export_options_init (&options, format);
      g_assert_false (export_path (board, path, &options, NULL, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_nonnull (strstr (error->message, "overview.png"));
      g_clear_error (&error);
    }
  content = read_text (path);
  g_assert_cmpstr (content, ==, "old export");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* Cancelled at different moments of a 3× PNG export. */
  for (guint i = 0; i < 6; i++)
    {
      ExportJob job = { board, path, { 0 }, g_cancellable_new (), FALSE, NULL };
      GThread *thread;
      g_autofree char *now = NULL;

      write_text (path, "old export");
      gtm_export_options_init (&job.options, GTM_EXPORT_FORMAT_PNG);
      job.options.scale = 3;
      thread = g_thread_new ("export", export_thread, &job);
      g_usleep (i * 40 * 1000);
      g_cancellable_cancel (job.cancellable);
      g_thread_join (thread);

      now = read_text (path);
      if (job.done)
        {
          cairo_surface_t *png;

          g_assert_no_error (job.error);
          png = read_png (path);
          cairo_surface_destroy (png);
        }
      else
        {
          g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_cmpstr (now, ==, "old export");
          g_clear_error (&job.error);
        }
      g_assert_cmpuint (count_entries (dir), ==, 1);
      g_object_unref (job.cancellable);
    }

  gtm_core_test_remove_tree (dir);
}

/* A picture drawn by several items is stored once in the PDF. */
static void
test_pdf_image_once (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Pictures");
  g_autoptr(GBytes) png = gtm_core_test_make_png (200, 200);
  g_autofree char *dir = gtm_core_test_make_dir ("gtm-export");
  g_autofree char *path = g_build_filename (dir, "pictures.pdf", NULL);
  g_autofree char *pdf = NULL;
  GtmBoard *board = gtm_project_add_board (project, 0, "Pictures", NULL);
  GtmHistory *history = gtm_project_get_history (project);
  GtmExportOptions options;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint images = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GBytes) copy = g_bytes_new (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
      g_autoptr(GtmItem) image = gtm_image_new (i * 300.0, 0, 200, 200, copy);

      gtm_board_add_item (board, history, image);
    }

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  g_assert_true (export_path (board, path, &options, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  /* (Streams hold NUL bytes: not a string search.) */
  for (gsize i = 0; i + 15 <= length; i++)
    if (memcmp (pdf + i, "/Subtype /Image", 15) == 0)
      images++;
  g_assert_cmpuint (images, ==, 1);

  gtm_core_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

  g_test_add_func ("/export/options", test_options);
  g_test_add_func ("/export/bad-options", test_bad_options);
  g_test_add_func ("/export/pdf/all-boards", test_pdf_all_boards);
  g_test_add_func ("/export/pdf/text", test_pdf_text);
  g_test_add_func ("/export/png/scales", test_png_scales);
  g_test_add_func ("/export/png/clamped", test_png_clamped);
  g_test_add_func ("/export/png/colours", test_png_colours);
  g_test_add_func ("/export/pdf/image-once", test_pdf_image_once);
  g_test_add_func ("/export/svg", test_svg);
  g_test_add_func ("/export/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/export/missing-folder", test_missing_folder);
  g_test_add_func ("/export/cancelled", test_cancelled);

  return g_test_run ();
}
