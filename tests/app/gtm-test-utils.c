/* gtm-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-test"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "gtm-test-utils.h"
#include "gtm-workbench-page.h"

static GtmApplication *test_app;
static GPtrArray *temp_dirs;

static gboolean tap_output;

static void stop_xdotool (void);

void
gtm_test_require_display (void)
{
  const char *display = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  if ((display != NULL && display[0] != '\0') || (wayland != NULL && wayland[0] != '\0'))
    return;

  /* Skipped, not passed: 77 for meson's exit-code protocol; under TAP,
   * where 77 would be an error, a plan that skips everything. */
  if (tap_output)
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run -a\n");
      exit (0);
    }

  g_printerr ("No display: run under xvfb-run -a\n");
  exit (77);
}

void
gtm_test_init (int    *argc,
               char ***argv)
{
  setlocale (LC_ALL, "");
  for (int i = 1; i < *argc; i++)
    tap_output |= g_strcmp0 ((*argv)[i], "--tap") == 0;
  g_test_init (argc, argv, NULL);
  gtm_test_require_display ();
}

gboolean
gtm_test_wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

GtmApplication *
gtm_test_get_app (void)
{
  if (test_app == NULL)
    {
      g_autoptr(GError) error = NULL;

      test_app = gtm_application_new (G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (test_app), NULL, &error);
      g_assert_no_error (error);
    }

  return test_app;
}

static void
remove_tree (const char *path)
{
  struct stat st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_chmod (path, 0700);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

int
gtm_test_run (void)
{
  int status = g_test_run ();

  if (test_app != NULL)
    {
      gtm_test_close_all ();
      g_clear_object (&test_app);
    }

  stop_xdotool ();

  for (guint i = 0; temp_dirs && i < temp_dirs->len; i++)
    remove_tree (g_ptr_array_index (temp_dirs, i));
  g_clear_pointer (&temp_dirs, g_ptr_array_unref);

  return status;
}

GFile *
gtm_test_get_sample (void)
{
  const char *dir = g_getenv ("GTM_SAMPLES_DIR");
  g_autofree char *path = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "saas-launch.gtm", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return g_file_new_for_path (path);
}

GFile *
gtm_test_get_data_file (const char *relative_path)
{
  const char *dir = g_getenv ("GTM_TEST_DATA");
  g_autofree char *path = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, relative_path, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return g_file_new_for_path (path);
}

char *
gtm_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gtm-app-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (temp_dirs == NULL)
    temp_dirs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (temp_dirs, g_strdup (dir));

  return dir;
}

void
gtm_test_settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 5;
  guint wake = g_timeout_add (10, gtm_test_wake, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);
}

GtmWindow *
gtm_test_open (GFile *file)
{
  GtmApplication *app = gtm_test_get_app ();
  GtmWindow *window;

  gtm_application_open_file (app, file, NULL);
  gtm_test_wait_until ((window = gtm_application_find_window (app, file)) != NULL &&
                       gtk_widget_get_mapped (GTK_WIDGET (window)));
  gtm_test_wait_until (gtk_widget_get_width (GTK_WIDGET (gtm_window_get_board_view (window))) > 0);

  return window;
}

guint
gtm_test_count_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (gtm_test_get_app ())));
}

void
gtm_test_close_all (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (test_app)); l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      if (GTM_IS_WINDOW (window))
        gtm_window_close_confirmed (GTM_WINDOW (window));
      else
        gtk_window_destroy (window);
    }

  /* Dialogs and the like that don't belong to the application. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }

  gtm_test_wait_until (gtk_application_get_windows (GTK_APPLICATION (test_app)) == NULL);
}

GtkWindow *
gtm_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

AdwMessageDialog *
gtm_test_find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

GPtrArray *
gtm_test_find_all (GtkWidget *root,
                   GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

GtkWidget *
gtm_test_find_tooltip (GtkWidget  *root,
                       const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = gtm_test_find_tooltip (c, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
gtm_test_find_button (GtkWidget  *root,
                      const char *label)
{
  g_autoptr(GPtrArray) buttons = gtm_test_find_all (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];

  return NULL;
}

GtkWidget *
gtm_test_find_row_or_null (GtkWidget  *root,
                           GType       type,
                           const char *title)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (g_type_is_a (type, ADW_TYPE_PREFERENCES_ROW));
  rows = gtm_test_find_all (root, type);
  for (guint i = 0; i < rows->len; i++)
    if (title == NULL || g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];

  return NULL;
}

GtkWidget *
gtm_test_find_row (GtkWidget  *root,
                   GType       type,
                   const char *title)
{
  GtkWidget *row = gtm_test_find_row_or_null (root, type, title);

  if (row == NULL)
    g_error ("no %s titled “%s”", g_type_name (type), title ? title : "(any)");
  return row;
}

GtkWidget *
gtm_test_find_group (GtkWidget  *root,
                     const char *title)
{
  g_autoptr(GPtrArray) groups = gtm_test_find_all (root, ADW_TYPE_PREFERENCES_GROUP);

  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (groups->pdata[i]), title) == 0)
      return groups->pdata[i];

  g_error ("no group titled “%s”", title);
  return NULL;
}

gboolean
gtm_test_row_shows_error (GtkWidget  *row,
                          const char *message)
{
  g_autoptr(GPtrArray) labels = gtm_test_find_all (row, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "error") &&
        gtk_widget_is_drawable (labels->pdata[i]) &&
        *gtk_label_get_text (labels->pdata[i]) != '\0' &&
        (message == NULL || g_strcmp0 (gtk_label_get_text (labels->pdata[i]), message) == 0))
      return TRUE;

  return FALSE;
}

/* Clicks @button from the main loop, as a click from the display arrives:
 * what the click sets off then runs at once (a GTask completed in a
 * callback of the loop calls back immediately) rather than from an idle,
 * as it would if the test clicked from outside the loop. */
static gboolean
click_from_loop (gpointer data)
{
  GtkWidget **button = data;

  g_signal_emit_by_name (*button, "clicked");
  g_clear_object (button);

  return G_SOURCE_REMOVE;
}

static void
click (GtkWidget *button)
{
  GtkWidget *pending = g_object_ref (button);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_idle_add_full (G_PRIORITY_HIGH, click_from_loop, &pending, NULL);
  gtm_test_wait_until (pending == NULL);
}

void
gtm_test_click_button (GtkWidget  *root,
                       const char *label)
{
  GtkWidget *button = gtm_test_find_button (root, label);

  g_assert_nonnull (button);
  click (button);
}

GtkFileChooser *
gtm_test_find_file_chooser (void)
{
  return (GtkFileChooser *) gtm_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
}

void
gtm_test_choose_file (GtkFileChooser *chooser,
                      const char     *folder,
                      const char     *name,
                      const char     *button)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  /* Typed as a whole path into the name entry, as a user may: the
   * chooser resolves it from the folder it names. */
  gtk_file_chooser_set_current_name (chooser, path);
  gtm_test_click_button (GTK_WIDGET (chooser), button);
}

void
gtm_test_respond (AdwMessageDialog *dialog,
                  const char       *response)
{
  const char *label;
  GtkWidget *button;

  g_assert_true (adw_message_dialog_has_response (dialog, response));
  label = adw_message_dialog_get_response_label (dialog, response);
  button = gtm_test_find_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  click (button);
}

static void
on_paintable_invalidated (GdkPaintable *paintable,
                          gboolean     *invalidated)
{
  *invalidated = TRUE;
}

GdkTexture *
gtm_test_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  gboolean invalidated = FALSE;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* The paintable holds what the widget drew in its last frame: draw one. */
  g_signal_connect (paintable, "invalidate-contents",
                    G_CALLBACK (on_paintable_invalidated), &invalidated);
  gtk_widget_queue_draw (widget);
  gtm_test_wait_until (invalidated);
  g_signal_handlers_disconnect_by_func (paintable, on_paintable_invalidated, &invalidated);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

guint32
gtm_test_texture_pixel (GdkTexture *texture,
                        int         x,
                        int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = NULL;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);

  pixels = g_new (guint32, (gsize) width * height);
  /* Cairo's format: native-endian premultiplied ARGB; the board is opaque. */
  gdk_texture_download (texture, (guchar *) pixels, width * 4);

  return pixels[y * width + x] & 0xffffff;
}

gboolean
gtm_test_colors_differ (guint32 a,
                        guint32 b,
                        guint   tolerance)
{
  for (guint shift = 0; shift <= 16; shift += 8)
    {
      int ca = (a >> shift) & 0xff;
      int cb = (b >> shift) & 0xff;

      if ((guint) ABS (ca - cb) > tolerance)
        return TRUE;
    }

  return FALSE;
}

guint32
gtm_test_parse_color (const char *text)
{
  g_assert_nonnull (text);
  g_assert_cmpint (text[0], ==, '#');

  return (guint32) (g_ascii_strtoull (text + 1, NULL, 16) >> (strlen (text) == 9 ? 8 : 0)) & 0xffffff;
}

int
gtm_test_run_cli_full (const char * const  *argv,
                       char               **out_stdout,
                       char               **out_stderr)
{
  const char *binary = g_getenv ("GTM_STUDIO_BIN");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (binary);

  /* No display at all: these commands must not need one. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  g_ptr_array_add (args, (char *) binary);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT,
                NULL, NULL, out_stdout, out_stderr, &wait_status, &error);
  g_assert_no_error (error);

  /* Crashes are failures. */
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

int
gtm_test_run_cli (const char * const  *argv,
                  char               **out_stdout)
{
  g_autofree char *err = NULL;
  int status = gtm_test_run_cli_full (argv, out_stdout, &err);

  if (err != NULL && err[0] != '\0')
    g_test_message ("stderr of %s: %s", g_getenv ("GTM_STUDIO_BIN"), err);

  /* GTK failing to find a display would say so here. */
  g_assert_cmpstr (err, ==, "");

  return status;
}

/* Real input ---------------------------------------------------------------- */

/* One xdotool for the whole run, reading commands from a pipe: starting
 * one per command costs a third of a second of X connection set-up. */
static GSubprocess *xdotool;
static GDataInputStream *xdotool_out;

gboolean
gtm_test_can_send_input (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");
  GdkDisplay *display = gdk_display_get_default ();

  /* xdotool speaks to an X server only; GdkX11Display is not named here
   * to keep the X11 headers out of the tests. */
  return path != NULL && display != NULL &&
         g_str_equal (G_OBJECT_TYPE_NAME (display), "GdkX11Display");
}

/* Runs one line of xdotool commands and waits until it is done; returns
 * where the pointer is then, on the screen. */
static void
run_xdotool (const char *line,
             int        *pointer_x,
             int        *pointer_y)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = NULL;
  int x = -1, y = -1;

  if (xdotool == NULL)
    {
      xdotool = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                  &error, "xdotool", "-", NULL);
      g_assert_no_error (error);
      xdotool_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (xdotool));
    }

  /* The pointer's position, printed last, says the line has been run. */
  input = g_strdup_printf ("%s%sgetmouselocation --shell\n", line, line[0] != '\0' ? "\n" : "");
  g_output_stream_write_all (g_subprocess_get_stdin_pipe (xdotool), input, strlen (input),
                             NULL, NULL, &error);
  g_assert_no_error (error);

  for (;;)
    {
      g_autofree char *out = g_data_input_stream_read_line_utf8 (xdotool_out, NULL, NULL, &error);

      g_assert_no_error (error);
      if (out == NULL)
        g_error ("xdotool ended running “%s”", line);
      if (g_str_has_prefix (out, "X="))
        x = (int) g_ascii_strtoll (out + 2, NULL, 10);
      else if (g_str_has_prefix (out, "Y="))
        y = (int) g_ascii_strtoll (out + 2, NULL, 10);
      else if (g_str_has_prefix (out, "WINDOW="))
        break;
    }

  if (pointer_x != NULL)
    *pointer_x = x;
  if (pointer_y != NULL)
    *pointer_y = y;
}

static void
stop_xdotool (void)
{
  if (xdotool == NULL)
    return;

  g_output_stream_close (g_subprocess_get_stdin_pipe (xdotool), NULL, NULL);
  g_subprocess_wait (xdotool, NULL, NULL);
  g_clear_object (&xdotool_out);
  g_clear_object (&xdotool);
}

static void
send_input (GPtrArray *args)
{
  g_autofree char *line = NULL;

  g_ptr_array_add (args, NULL);
  line = g_strjoinv (" ", (char **) args->pdata);
  run_xdotool (line, NULL, NULL);
  gtm_test_flush_input ();
}

void
gtm_test_xdotool (const char *first_arg,
                  ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);

  send_input (args);
}

void
gtm_test_flush_input (void)
{
  gint64 end;
  guint wake;

  /* The server has handled xdotool's requests; a round trip puts the
   * events they made in our queue. Motion is delivered at the next frame,
   * so give it a few. */
  gdk_display_sync (gdk_display_get_default ());
  end = g_get_monotonic_time () + 60 * 1000;
  wake = g_timeout_add (5, gtm_test_wake, NULL);
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);

  /* On a busy machine handling the events can take longer than that:
   * carry on while anything is ready to run (each key's edit, the layout
   * it causes), for up to two seconds. */
  end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

void
gtm_test_widget_to_root (GtkWidget *widget,
                         double     x,
                         double     y,
                         int       *root_x,
                         int       *root_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  GdkDevice *pointer = gdk_seat_get_pointer (gdk_display_get_default_seat (gtk_widget_get_display (widget)));
  graphene_point_t point;
  double tx, ty, sx, sy;
  int px, py;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &tx, &ty);

  /* Where the surface is on the screen, without moving the pointer (a
   * button may be held): the pointer's position on the screen and in the
   * surface. */
  run_xdotool ("", &px, &py);
  gdk_surface_get_device_position (surface, pointer, &sx, &sy, NULL);

  *root_x = (int) round (px - sx + tx + point.x);
  *root_y = (int) round (py - sy + ty + point.y);
}

void
gtm_test_pointer_move (GtkWidget *widget,
                       double     x,
                       double     y)
{
  g_autofree char *rx = NULL;
  g_autofree char *ry = NULL;
  int root_x, root_y;

  gtm_test_widget_to_root (widget, x, y, &root_x, &root_y);
  rx = g_strdup_printf ("%d", root_x);
  ry = g_strdup_printf ("%d", root_y);
  gtm_test_xdotool ("mousemove", rx, ry, NULL);
}

void
gtm_test_pointer_press (guint button)
{
  g_autofree char *b = g_strdup_printf ("%u", button);

  gtm_test_xdotool ("mousedown", b, NULL);
}

void
gtm_test_pointer_release (guint button)
{
  g_autofree char *b = g_strdup_printf ("%u", button);

  gtm_test_xdotool ("mouseup", b, NULL);
}

void
gtm_test_pointer_click (GtkWidget *widget,
                        double     x,
                        double     y,
                        guint      button,
                        guint      n_clicks)
{
  g_autofree char *b = g_strdup_printf ("%u", button);
  g_autofree char *n = g_strdup_printf ("%u", n_clicks);

  gtm_test_pointer_move (widget, x, y);
  gtm_test_xdotool ("click", "--repeat", n, "--delay", "60", b, NULL);
}

void
gtm_test_pointer_drag (GtkWidget *widget,
                       double     x1,
                       double     y1,
                       double     x2,
                       double     y2)
{
  gtm_test_pointer_move (widget, x1, y1);
  gtm_test_pointer_press (1);
  for (int i = 1; i <= 4; i++)
    gtm_test_pointer_move (widget, x1 + (x2 - x1) * i / 4.0, y1 + (y2 - y1) * i / 4.0);
  gtm_test_pointer_release (1);
}

void
gtm_test_keys (const char *first_key,
               ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (char *) "key");
  g_ptr_array_add (args, (char *) "--delay");
  g_ptr_array_add (args, (char *) "20");
  va_start (ap, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) key);
  va_end (ap);

  send_input (args);
}

void
gtm_test_type (const char *text)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  /* As key names: xdotool's command lines have no quoting. */
  g_ptr_array_add (args, (char *) "key");
  g_ptr_array_add (args, (char *) "--delay");
  g_ptr_array_add (args, (char *) "20");
  for (const char *p = text; *p != '\0'; p++)
    {
      g_assert_true (g_ascii_isprint (*p) || *p == '\n');
      g_ptr_array_add (args, (char *) (*p == '\n' ? "Return" : gdk_keyval_name (gdk_unicode_to_keyval (*p))));
    }

  send_input (args);
}

void
gtm_test_screenshot (const char *name)
{
  const char *dir = g_getenv ("GTM_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (dir == NULL || dir[0] == '\0')
    return;

  gtm_test_settle ();
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_spawn_sync (NULL, (char *[]) { (char *) "import", (char *) "-window", (char *) "root", path, NULL },
                NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &wait_status, &error);
  if (error != NULL)
    g_test_message ("No screenshot %s: %s", path, error->message);
}

/* Whether a visible label under @widget (or @widget itself) reads @text. */
gboolean
gtm_test_widget_shows_text (GtkWidget  *widget,
                            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return gtk_widget_get_visible (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtm_test_widget_shows_text (child, text))
      return TRUE;

  return FALSE;
}

void
gtm_test_use_own_display (int    argc,
                          char **argv)
{
  g_autoptr(GStrvBuilder) args = NULL;
  g_auto(GStrv) own_argv = NULL;

  if (g_getenv ("DISPLAY") == NULL || g_getenv ("GTM_TEST_OWN_DISPLAY") != NULL)
    return;

  g_setenv ("GTM_TEST_OWN_DISPLAY", "1", TRUE);
  args = g_strv_builder_new ();
  g_strv_builder_add_many (args, "xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", NULL);
  for (int i = 0; i < argc; i++)
    g_strv_builder_add (args, argv[i]);
  own_argv = g_strv_builder_end (args);
  execvp (own_argv[0], own_argv);
  g_error ("Could not run xvfb-run: %s", g_strerror (errno));
}

/* Fails unless the application binds @action to @accel (in any spelling
 * GTK parses to the same key and modifiers). */
void
gtm_test_assert_accel (const char *action,
                       const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (gtm_test_get_app ()),
                                                                action);
  guint key, found_key;
  GdkModifierType mods, found_mods;
  gboolean found = FALSE;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
  for (guint i = 0; accels[i] != NULL && !found; i++)
    found = gtk_accelerator_parse (accels[i], &found_key, &found_mods) &&
            found_key == key && found_mods == mods;

  if (!found)
    g_error ("%s is not bound to %s", action, accel);
}

void
gtm_test_type_unicode (gunichar ch)
{
  g_autofree char *hex = g_strdup_printf ("%x", ch);

  gtm_test_keys ("ctrl+shift+u", NULL);
  for (const char *p = hex; *p != '\0'; p++)
    {
      char key[2] = { *p, '\0' };

      gtm_test_keys (key, NULL);
    }
  gtm_test_keys ("space", NULL);
}

GFile *
gtm_test_write_png (const char *dir,
                    const char *name,
                    int         width,
                    int         height)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_file_new_for_path (path);
}

/* Forms and the workbench, driven with real input ---------------------------- */

GtmWindow *
gtm_test_new_input_window (void)
{
  GtmWindow *window;

  if (!gtm_test_can_send_input ())
    {
      g_test_skip ("needs an X display and xdotool");
      return NULL;
    }

  window = gtm_application_new_window (gtm_test_get_app ());
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

GtkWidget *
gtm_test_show_workbench_page (GtmWindow  *window,
                              const char *name)
{
  GtkListBox *sidebar = gtm_window_get_sidebar (window);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);
      GObject *item;

      g_assert_nonnull (row);
      item = g_object_get_data (G_OBJECT (row), "gtm-item");
      if (!GTM_IS_WORKBENCH_PAGE (item) ||
          g_strcmp0 (gtm_workbench_page_get_info (GTM_WORKBENCH_PAGE (item))->name, name) != 0)
        continue;

      /* The window settles where the server put it first; the focus
       * scrolls the row into view. */
      gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (row)));
      gtk_widget_grab_focus (GTK_WIDGET (row));
      gtm_test_settle ();
      gtm_test_pointer_click (GTK_WIDGET (row), 40, gtk_widget_get_height (GTK_WIDGET (row)) / 2.0, 1, 1);
      gtm_test_wait_until (gtm_window_get_visible_page (window) == GTK_WIDGET (item));
      gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (item)));
      gtm_test_settle ();
      return GTK_WIDGET (item);
    }
}

void
gtm_test_focus_entry (GtkWidget *row)
{
  gtk_widget_grab_focus (row);
  gtm_test_settle ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (row)), row));
  gtm_test_keys ("ctrl+a", NULL);
}

void
gtm_test_type_into_row (GtkWidget  *row,
                        const char *text)
{
  gtm_test_focus_entry (row);
  gtm_test_type (text);
  gtm_test_flush_input ();
}

GtmProject *
gtm_test_window_project (GtmWindow *window)
{
  return gtm_document_get_project (gtm_window_get_document (window));
}

GtmHistory *
gtm_test_window_history (GtmWindow *window)
{
  return gtm_document_get_history (gtm_window_get_document (window));
}

gpointer
gtm_test_template_child (GtmWindow  *window,
                         const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), GTM_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

gboolean
gtm_test_action_enabled (GtmWindow  *window,
                         const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

void
gtm_test_activate (GtmWindow  *window,
                   const char *name)
{
  g_assert_true (gtm_test_action_enabled (window, name));
  g_action_group_activate_action (G_ACTION_GROUP (window), name, NULL);
}

gboolean
gtm_test_drop_file (GtkWidget *widget,
                    GFile     *file)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  GtkDropTarget *target = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_object_unref (controllers);
  g_assert_nonnull (target);

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);

  return accepted;
}
