/* test-templates.c — every .ui template instantiates with GTK 4.8 and
 * libadwaita 1.2 (a newer class would fail only at run time)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-templates"

#include "config.h"

#include "gtm-persona-page.h"
#include "gtm-test-utils.h"

static void
test_window_template (void)
{
  GtmApplication *app = gtm_test_get_app ();
  GtmWindow *window = gtm_application_new_window (app);
  GtmDocument *document = gtm_window_get_document (window);
  GListModel *boards = gtm_project_get_boards (gtm_document_get_project (document));
  g_autoptr(GtmBoard) board = NULL;

  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  /* A new window holds an untitled, unmodified project with one board. */
  g_assert_cmpstr (gtm_window_get_title_text (window), ==, "Untitled Project");
  g_assert_null (gtm_document_get_file (document));
  g_assert_false (gtm_document_get_modified (document));
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 1);
  board = g_list_model_get_item (boards, 0);
  g_assert_cmpstr (gtm_board_get_name (board), ==, "Board 1");
  g_assert_true (gtm_board_view_get_board (gtm_window_get_board_view (window)) == board);
  g_assert_true (gtm_window_get_visible_page (window) != NULL);

  gtm_test_close_all ();
}

static void
test_persona_page_template (void)
{
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_BUYER, "Chen Li 陈丽");
  GtkWidget *page = gtm_persona_page_new ();

  g_object_ref_sink (page);
  gtm_persona_page_set_persona (GTM_PERSONA_PAGE (page), persona);
  g_assert_true (gtm_persona_page_get_persona (GTM_PERSONA_PAGE (page)) == persona);
  g_object_unref (page);
}

static void
test_shortcuts_window (void)
{
  GtmApplication *app = gtm_test_get_app ();
  GtmWindow *window = gtm_application_new_window (app);
  g_autoptr(GtkBuilder) builder = NULL;
  g_auto(GStrv) accels = NULL;

  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  builder = gtk_builder_new_from_resource ("/io/github/gtmstudio/GtmStudio/gtm-shortcuts-window.ui");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  /* Each shortcut is one the application has, and the zoom reset names
   * the level as the zoom label shows it. */
  {
    g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
    gboolean found_reset = FALSE;

    for (GSList *l = objects; l != NULL; l = l->next)
      {
        g_autofree char *accelerator = NULL;
        g_autofree char *title = NULL;

        if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
          continue;

        g_object_get (l->data, "accelerator", &accelerator, "title", &title, NULL);
        if (g_strcmp0 (accelerator, "<Control>1") == 0)
          {
            g_auto(GStrv) reset = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                         "win.zoom-reset");

            g_assert_true (g_strv_contains ((const char * const *) reset, "<Control>1"));
            g_assert_cmpstr (title, ==, "Reset zoom to 100%");
            found_reset = TRUE;
          }
      }
    g_assert_true (found_reset);
  }
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  /* Ctrl+? opens it. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.shortcuts");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  gtm_test_wait_until (gtm_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL);

  gtm_test_close_all ();
}

static void
test_about_window (void)
{
  GtmApplication *app = gtm_test_get_app ();
  GtmWindow *window = gtm_application_new_window (app);
  AdwAboutWindow *about;

  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  gtm_test_wait_until ((about = (AdwAboutWindow *) gtm_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW)) != NULL);

  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "GTM Studio");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));

  gtm_test_close_all ();
}

static void
test_style_sheet_loaded (void)
{
  /* AdwApplication loads style.css from the resource base path. */
  g_autoptr(GBytes) css = g_resources_lookup_data ("/io/github/gtmstudio/GtmStudio/style.css",
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert_nonnull (css);
  g_assert_cmpuint (g_bytes_get_size (css), >, 0);
  g_assert_cmpstr (g_application_get_resource_base_path (G_APPLICATION (gtm_test_get_app ())),
                   ==, "/io/github/gtmstudio/GtmStudio");
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_init (&argc, &argv);

  g_test_add_func ("/templates/window", test_window_template);
  g_test_add_func ("/templates/persona-page", test_persona_page_template);
  g_test_add_func ("/templates/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/templates/about-window", test_about_window);
  g_test_add_func ("/templates/style-sheet", test_style_sheet_loaded);

  return gtm_test_run ();
}
