/* test-packs.c — the asset packs' page of the workbench: customizing a
 * built-in pack, adding, moving and removing its assets (each one undo
 * step), and names that cannot be saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-packs"

#include "config.h"

#include <string.h>

#include "gtm-core.h"
#include "gtm-workbench-page.h"
#include "gtm-test-utils.h"

#define SALES_KIT "Sales & CS kit"

/* The row of the pack's assets titled @title, and its button @tooltip. */
static void
click_asset_button (GtkWidget  *assets,
                    const char *title,
                    const char *tooltip)
{
  GtkWidget *row = gtm_test_find_row (assets, ADW_TYPE_ACTION_ROW, title);
  GtkWidget *button = gtm_test_find_tooltip (row, tooltip);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gtm_test_settle ();
}

static char *
assets_of (GtmPack *pack)
{
  return g_strjoinv (",", (char **) gtm_pack_get_assets (pack));
}

static void
test_customize (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  g_auto(GStrv) defaults = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtmWindow *window;
  GtmProject *project;
  GtmHistory *history;
  GtkWidget *page, *builtin, *row, *packs, *expander, *assets, *add;
  g_autoptr(GPtrArray) buttons = NULL;
  GtmPack *pack;
  guint n_undo;

  if (!gtm_test_can_send_input ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  window = gtm_test_open (sample);
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  project = gtm_test_window_project (window);
  history = gtm_test_window_history (window);
  g_assert_cmpuint (g_list_model_get_n_items (gtm_project_get_packs (project)), ==, 0);

  page = gtm_test_show_workbench_page (window, "packs");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (gtm_test_find_group (page, "Packs"))),
                            "Export (Ctrl+E)"));

  /* The five defaults, each with what it holds. */
  builtin = gtm_test_find_group (page, "Built-in Packs");
  row = gtm_test_find_row (builtin, ADW_TYPE_ACTION_ROW, "Sales &amp; CS kit");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "One-pager, Every battlecard"));
  g_assert_nonnull (gtm_test_find_row (builtin, ADW_TYPE_ACTION_ROW, "Customer-facing"));
  gtm_test_screenshot ("packs-builtin");

  /* Customize: a pack of the project, with the default's assets, open. */
  defaults = gtm_pack_dup_assets (project, SALES_KIT, NULL);
  n_undo = gtm_history_get_n_undo (history);
  gtm_test_click_button (row, "_Customize");
  gtm_test_settle ();
  pack = gtm_pack_find (project, SALES_KIT);
  g_assert_nonnull (pack);
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_true (g_strv_equal (gtm_pack_get_assets (pack), (const char * const *) defaults));
  g_assert_null (gtm_test_find_row_or_null (builtin, ADW_TYPE_ACTION_ROW, "Sales &amp; CS kit"));

  packs = gtm_test_find_group (page, "Packs");
  expander = gtm_test_find_row (packs, ADW_TYPE_EXPANDER_ROW, "Sales &amp; CS kit");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  assets = gtm_test_find_group (expander, "Assets");
  g_assert_nonnull (gtm_test_find_row (assets, ADW_TYPE_ACTION_ROW, "One-pager"));
  g_assert_nonnull (gtm_test_find_row (assets, ADW_TYPE_ACTION_ROW, "Every persona sheet"));
  gtm_test_screenshot ("packs-customized");

  /* Add an asset from the add button's menu: it comes last. */
  before = assets_of (pack);
  buttons = gtm_test_find_all (assets, GTK_TYPE_MENU_BUTTON);
  g_assert_cmpuint (buttons->len, ==, 1);
  add = g_ptr_array_index (buttons, 0);
  {
    g_auto(GStrv) names = gtm_asset_list_names (project);
    g_autoptr(GMenuModel) every = NULL;
    GMenuModel *menu;

    /* Its menu lists every asset of the project, then the three
       wildcards in a section of their own. */
    gtk_menu_button_popup (GTK_MENU_BUTTON (add));
    gtm_test_settle ();
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (add));
    g_assert_nonnull (menu);
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, g_strv_length (names) + 1);
    every = g_menu_model_get_item_link (menu, g_strv_length (names), G_MENU_LINK_SECTION);
    g_assert_cmpint (g_menu_model_get_n_items (every), ==, 3);
    gtm_test_screenshot ("packs-add-menu");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (add));
    gtm_test_settle ();
  }
  g_assert_true (gtk_widget_activate_action (add, "pack.add-asset", "s", "launch-timeline"));
  gtm_test_settle ();
  after = assets_of (pack);
  g_assert_true (g_str_has_suffix (after, ",launch-timeline"));
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, n_undo + 2);
  g_assert_nonnull (gtm_test_find_row (assets, ADW_TYPE_ACTION_ROW, "Launch timeline"));

  /* Move it up: it swaps with the one before it. */
  click_asset_button (assets, "Launch timeline", "Move Up");
  {
    const char * const *list = gtm_pack_get_assets (pack);
    guint n = g_strv_length ((GStrv) list);

    g_assert_cmpstr (list[n - 2], ==, "launch-timeline");
    g_assert_cmpstr (list[n - 1], ==, "pricing-sheet");
  }
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, n_undo + 3);

  /* Remove the one-pager. */
  click_asset_button (assets, "One-pager", "Remove");
  g_assert_false (g_strv_contains (gtm_pack_get_assets (pack), "one-pager"));
  g_assert_null (gtm_test_find_row_or_null (assets, ADW_TYPE_ACTION_ROW, "One-pager"));
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, n_undo + 4);

  /* Ctrl+Z takes each step back, and the rows follow. */
  gtk_widget_grab_focus (expander);
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (gtm_history_get_n_undo (history) == n_undo + 3);
  g_assert_true (g_strv_contains (gtm_pack_get_assets (pack), "one-pager"));
  g_assert_nonnull (gtm_test_find_row (assets, ADW_TYPE_ACTION_ROW, "One-pager"));
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (gtm_history_get_n_undo (history) == n_undo + 2);
  g_free (before);
  before = assets_of (pack);
  g_assert_cmpstr (before, ==, after);
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (gtm_history_get_n_undo (history) == n_undo + 1);
  g_free (after);
  after = assets_of (pack);
  g_assert_true (g_strv_equal (gtm_pack_get_assets (pack), (const char * const *) defaults));
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (gtm_history_get_n_undo (history) == n_undo);
  g_assert_null (gtm_pack_find (project, SALES_KIT));
  gtm_test_settle ();
  g_assert_nonnull (gtm_test_find_row (builtin, ADW_TYPE_ACTION_ROW, "Sales &amp; CS kit"));

  gtm_test_close_all ();
}

static void
test_names (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window;
  GtmProject *project;
  GtmHistory *history;
  GtkWidget *page, *packs, *expander, *name, *add_row;
  GtmPack *pack;
  guint n_undo;

  if (!gtm_test_can_send_input ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  window = gtm_test_open (sample);
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  project = gtm_test_window_project (window);
  history = gtm_test_window_history (window);
  page = gtm_test_show_workbench_page (window, "packs");

  g_assert_nonnull (gtm_pack_add (project, "Board pack", NULL, NULL));
  gtm_test_settle ();

  /* A new pack gets a name of its own. */
  packs = gtm_test_find_group (page, "Packs");
  add_row = g_object_get_data (G_OBJECT (packs), "gtm-form-add-row");
  g_assert_true (gtk_widget_grab_focus (add_row));
  gtm_test_settle ();
  gtm_test_keys ("Return", NULL);
  gtm_test_settle ();
  pack = gtm_pack_find (project, "New Pack");
  g_assert_nonnull (pack);
  n_undo = gtm_history_get_n_undo (history);

  expander = gtm_test_find_row (packs, ADW_TYPE_EXPANDER_ROW, "New Pack");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  name = gtm_test_find_row (expander, ADW_TYPE_ENTRY_ROW, "Name");

  /* Another pack's name: said why, and not saved. */
  gtm_test_type_into_row (name, "Board pack");
  gtm_test_wait_until (gtm_test_row_shows_error (name, "There is already a pack called “Board pack”."));
  gtm_test_keys ("Return", NULL);
  gtm_test_settle ();
  g_assert_cmpstr (gtm_pack_get_name (pack), ==, "New Pack");
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, n_undo);

  /* No name at all. */
  gtm_test_focus_entry (name);
  gtm_test_keys ("BackSpace", NULL);
  gtm_test_wait_until (gtm_test_row_shows_error (name, "A pack needs a name."));
  gtm_test_keys ("Return", NULL);
  gtm_test_settle ();
  g_assert_cmpstr (gtm_pack_get_name (pack), ==, "New Pack");
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, n_undo);

  /* A good one: saved on Enter, one step, and the row is titled with it. */
  gtm_test_type ("Partner kit");
  gtm_test_wait_until (!gtm_test_row_shows_error (name, NULL));
  gtm_test_keys ("Return", NULL);
  gtm_test_wait_until (g_strcmp0 (gtm_pack_get_name (pack), "Partner kit") == 0);
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, n_undo + 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==, "Partner kit");

  /* Undone, the entry shows the old name again. */
  gtm_history_undo (history);
  gtm_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "New Pack");

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_use_own_display (argc, argv);
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/packs/customize", test_customize);
  g_test_add_func ("/packs/names", test_names);

  return gtm_test_run ();
}
