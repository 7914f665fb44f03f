/* gtm-test-utils.h — helpers shared by the tests of the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gtm-application.h"
#include "gtm-window.h"

G_BEGIN_DECLS

#define GTM_TEST_TIMEOUT_SECONDS 20

/* Exits with 77 (skipped) when there is no display to open windows on. */
void            gtm_test_require_display    (void);

/* g_test_init() plus the settings every GUI test wants. */
void            gtm_test_init               (int             *argc,
                                             char          ***argv);

/* Runs the tests, then closes the windows and removes temporary folders;
 * returns g_test_run()'s result. */
int             gtm_test_run                (void);

/* The application for this test program, started (but not run). */
GtmApplication *gtm_test_get_app            (void);

/* The sample project, data/samples/saas-launch.gtm. */
GFile          *gtm_test_get_sample         (void);
/* A fixture under tests/data. */
GFile          *gtm_test_get_data_file      (const char      *relative_path);
/* A new empty folder, removed when the test program ends. */
char           *gtm_test_make_temp_dir      (void);

gboolean        gtm_test_wake               (gpointer         data);

/* Runs the main loop until @expr holds; fails the test after
 * GTM_TEST_TIMEOUT_SECONDS. */
#define gtm_test_wait_until(expr)                                              \
  G_STMT_START {                                                               \
    guint _wake = g_timeout_add (10, gtm_test_wake, NULL);                     \
    gint64 _end = g_get_monotonic_time () +                                    \
                  GTM_TEST_TIMEOUT_SECONDS * G_USEC_PER_SEC;                   \
    while (!(expr))                                                            \
      {                                                                        \
        if (g_get_monotonic_time () > _end)                                    \
          g_error ("%s:%d: timed out waiting for %s", __FILE__, __LINE__,      \
                   #expr);                                                     \
        g_main_context_iteration (NULL, TRUE);                                 \
      }                                                                        \
    g_source_remove (_wake);                                                   \
  } G_STMT_END

/* Lets pending idles, layout and drawing run. */
void            gtm_test_settle             (void);

/* Opens @file the way the Open dialog does and waits for its window. */
GtmWindow      *gtm_test_open               (GFile           *file);
/* Closes every window of the application, discarding changes. */
void            gtm_test_close_all          (void);
guint           gtm_test_count_windows      (void);

/* Finding widgets: each looks through @root and all below it, @root
 * first, in the order GTK draws them. */
/* The widgets of @type, in that order; free with g_ptr_array_unref(). */
GPtrArray      *gtm_test_find_all           (GtkWidget       *root,
                                             GType            type);
/* Drops @file on @widget's drop target, as a file manager would; returns
 * whether the target took it. */
gboolean        gtm_test_drop_file          (GtkWidget       *widget,
                                             GFile           *file);
/* The first widget whose tooltip is @tooltip, or NULL. */
GtkWidget      *gtm_test_find_tooltip       (GtkWidget       *root,
                                             const char      *tooltip);
/* The first button labelled @label (as written, with its mnemonic
 * underscore), or NULL. */
GtkWidget      *gtm_test_find_button        (GtkWidget       *root,
                                             const char      *label);
/* The first row of @type (AdwPreferencesRow or a subclass of it) titled
 * @title, of any title when @title is NULL, shown or hidden; fails the
 * test when there is none. */
GtkWidget      *gtm_test_find_row           (GtkWidget       *root,
                                             GType            type,
                                             const char      *title);
/* The same, but NULL when there is none. */
GtkWidget      *gtm_test_find_row_or_null   (GtkWidget       *root,
                                             GType            type,
                                             const char      *title);
/* The first AdwPreferencesGroup titled @title; fails the test when there
 * is none. */
GtkWidget      *gtm_test_find_group         (GtkWidget       *root,
                                             const char      *title);
/* Whether @row shows an error message on screen (a form row's label in
 * the "error" style, drawn and not empty); with @message, that one. */
gboolean        gtm_test_row_shows_error    (GtkWidget       *row,
                                             const char      *message);

/* The visible AdwMessageDialog transient for @parent, or NULL. */
AdwMessageDialog *gtm_test_find_message_dialog (GtkWindow    *parent);
/* Clicks the button of @response in @dialog, as the user would. */
void            gtm_test_respond            (AdwMessageDialog *dialog,
                                             const char       *response);
/* Clicks the button labelled @label (as written, with its mnemonic
 * underscore) inside @root. */
void            gtm_test_click_button       (GtkWidget        *root,
                                             const char       *label);
/* The file chooser on screen, or NULL: without a portal,
 * GtkFileChooserNative shows a GtkFileChooserDialog. */
GtkFileChooser *gtm_test_find_file_chooser  (void);
/* Types @name, in @folder, into the chooser's name entry and clicks
 * @button, as the user would. */
void            gtm_test_choose_file        (GtkFileChooser   *chooser,
                                             const char       *folder,
                                             const char       *name,
                                             const char       *button);
/* The first visible toplevel of @type, or NULL. */
GtkWindow      *gtm_test_find_toplevel      (GType            type);

/* Draws @widget as it is on screen into a texture. */
GdkTexture     *gtm_test_render_widget      (GtkWidget       *widget);
/* The colour of pixel (x, y) of @texture as 0xRRGGBB. */
guint32         gtm_test_texture_pixel      (GdkTexture      *texture,
                                             int              x,
                                             int              y);
/* Whether two 0xRRGGBB colours differ by more than @tolerance in a
 * channel. */
gboolean        gtm_test_colors_differ      (guint32          a,
                                             guint32          b,
                                             guint            tolerance);
guint32         gtm_test_parse_color        (const char      *text);

/* Real input through the X server (XTEST, driven by xdotool), for what
 * only real events carry: the button pressed, modifiers held, keys going
 * through the input method. Positions are in @widget's coordinates; each
 * call returns once the events have been handled by the main loop. */
/* Whether input can be sent: an X display and xdotool. */
gboolean        gtm_test_can_send_input     (void);
/* Runs xdotool with the arguments (NULL-terminated) and waits for it. */
void            gtm_test_xdotool            (const char      *first_arg,
                                             ...) G_GNUC_NULL_TERMINATED;
/* Root-window coordinates of the point (x, y) of @widget. */
void            gtm_test_widget_to_root     (GtkWidget       *widget,
                                             double           x,
                                             double           y,
                                             int             *root_x,
                                             int             *root_y);
void            gtm_test_pointer_move       (GtkWidget       *widget,
                                             double           x,
                                             double           y);
void            gtm_test_pointer_press      (guint            button);
void            gtm_test_pointer_release    (guint            button);
/* Moves to (x, y) and clicks @button @n_clicks times, quickly enough for
 * a double-click. */
void            gtm_test_pointer_click      (GtkWidget       *widget,
                                             double           x,
                                             double           y,
                                             guint            button,
                                             guint            n_clicks);
/* Presses the primary button at (x1, y1), moves in a few steps to
 * (x2, y2) and releases. */
void            gtm_test_pointer_drag       (GtkWidget       *widget,
                                             double           x1,
                                             double           y1,
                                             double           x2,
                                             double           y2);
/* Presses and releases keys named as xdotool names them ("ctrl+a",
 * "Escape", "shift+Tab"), one after the other; NULL-terminated. */
void            gtm_test_keys               (const char      *first_key,
                                             ...) G_GNUC_NULL_TERMINATED;
/* Types @text (ASCII) key by key. */
void            gtm_test_type               (const char      *text);
/* Lets queued input reach the widgets. */
void            gtm_test_flush_input        (void);
/* With GTM_TEST_SCREENSHOTS set to a folder, saves the whole screen
 * there as NAME.png, for a person to look at. */
void            gtm_test_screenshot         (const char      *name);

/* Runs the built gtm-studio with @argv (NULL-terminated, without the
 * program) and no display; returns its exit status. */
/* gtm_test_run_cli() that also returns what the command wrote to
 * standard error (nullable), which may then be anything. */
int             gtm_test_run_cli_full       (const char * const *argv,
                                             char           **out_stdout,
                                             char           **out_stderr);
int             gtm_test_run_cli            (const char * const *argv,
                                             char           **out_stdout);

gboolean        gtm_test_widget_shows_text  (GtkWidget       *widget,
                                             const char      *text);

/* Input and keyboard focus go to whatever window is under the pointer or
 * active: with other tests' windows on the same display (meson runs tests
 * in parallel) they would go astray. Call first in main(): the test runs
 * again on an X server of its own (xvfb-run), unless it has no display or
 * already runs on its own. */
void            gtm_test_use_own_display    (int              argc,
                                             char           **argv);

void            gtm_test_assert_accel       (const char      *action,
                                             const char      *accel);

/* Types @ch through the input method's Unicode entry: Ctrl+Shift+U, the
 * code in hex, space — as a user without a Chinese input method would. */
void            gtm_test_type_unicode       (gunichar         ch);
/* Writes a @width × @height PNG called @name in @dir. */
GFile          *gtm_test_write_png          (const char      *dir,
                                             const char      *name,
                                             int              width,
                                             int              height);

/* Forms and the workbench, driven with real input (see above). */
/* A new window on a new project, on screen, for a test driven with real
 * input; without it (gtm_test_can_send_input()), skips the test and
 * returns NULL. */
GtmWindow      *gtm_test_new_input_window   (void);
/* Clicks the sidebar's row for the workbench page called @name (its
 * GtmWorkbenchPageInfo name, e.g. "metrics") and returns the page once
 * it is shown and on screen. */
GtkWidget      *gtm_test_show_workbench_page (GtmWindow      *window,
                                              const char     *name);
/* Puts the keyboard focus in @row's entry and selects what it holds
 * (Ctrl+A), so that what is typed next replaces it. */
void            gtm_test_focus_entry        (GtkWidget       *row);
/* Focuses @row's entry, selects what it holds and types @text (ASCII)
 * over it, key by key. */
void            gtm_test_type_into_row      (GtkWidget       *row,
                                             const char      *text);

/* The project and history of @window's document. */
GtmProject     *gtm_test_window_project     (GtmWindow       *window);
GtmHistory     *gtm_test_window_history     (GtmWindow       *window);
/* The object @name of @window's template; fails the test without one. */
gpointer        gtm_test_template_child     (GtmWindow       *window,
                                             const char      *name);
/* Whether @window's action @name ("win." left out) is enabled. */
gboolean        gtm_test_action_enabled     (GtmWindow       *window,
                                             const char      *name);
/* Activates @window's action @name, which must be enabled. */
void            gtm_test_activate           (GtmWindow       *window,
                                             const char      *name);

G_END_DECLS
