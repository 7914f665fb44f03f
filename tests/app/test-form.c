/* test-form.c — form rows write through the history, one undo step per
 * run of typing, and follow the model when an undo changes it underneath
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-form"

#include "config.h"

#include "gtm-core.h"
#include "gtm-form.h"
#include "gtm-persona-avatar.h"
#include "gtm-test-utils.h"

typedef struct
{
  GtmProject *project;
  GtmHistory *history;
  GtkWidget  *window;
  GtkWidget  *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = gtm_project_new ("Launch");
  fixture->history = gtm_project_get_history (fixture->project);
  fixture->window = gtk_window_new ();
  fixture->page = adw_preferences_page_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->page);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 600, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->project);
}

static GtkWidget *
add_group (Fixture *fixture)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (fixture->page), ADW_PREFERENCES_GROUP (group));
  return group;
}

/* What a keystroke does to an entry: its text changes. */
static void
type_into (GtkWidget  *editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
test_entry_typing (Fixture       *fixture,
                   gconstpointer  data)
{
  GtmNode *brief = gtm_project_get_brief (fixture->project);
  g_autoptr(GtmForm) form = gtm_form_new (GTM_TYPE_BRIEF);
  GtkWidget *group = add_group (fixture);
  GtkWidget *audience = gtm_form_add_entry (form, group, "audience", "Who uses it");

  gtm_form_set_node (form, fixture->history, brief);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (audience)), ==, "");
  g_assert_true (gtk_widget_get_sensitive (audience));

  type_into (audience, "零");
  type_into (audience, "零售");
  type_into (audience, "零售连锁");
  g_assert_cmpstr (gtm_brief_get_audience (GTM_BRIEF (brief)), ==, "零售连锁");
  g_assert_cmpuint (gtm_history_get_n_undo (fixture->history), ==, 1);
  g_assert_true (gtm_history_get_modified (fixture->history));

  /* Leaving the field ends the run: the next typing is a new step. */
  gtm_history_stop_typing (fixture->history);
  type_into (audience, "零售连锁 HQ");
  g_assert_cmpuint (gtm_history_get_n_undo (fixture->history), ==, 2);

  /* Undo changes the model underneath: the entry follows. */
  gtm_history_undo (fixture->history);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (audience)), ==, "零售连锁");
  gtm_history_undo (fixture->history);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (audience)), ==, "");
  g_assert_false (gtm_history_get_modified (fixture->history));

  /* No node: nothing to edit. */
  gtm_form_set_node (form, NULL, NULL);
  g_assert_false (gtk_widget_get_sensitive (audience));
}

static void
test_number_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_BUYER, "Zhang Wei");
  g_autoptr(GtmForm) form = gtm_form_new (GTM_TYPE_PERSONA);
  GtkWidget *group = add_group (fixture);
  GtkWidget *age, *other;

  gtm_history_insert (fixture->history, GTM_NODE (fixture->project), "personas", 0, GTM_NODE (persona));
  age = gtm_form_add_entry (form, group, "age", "Age");
  other = gtm_form_add_entry (form, group, "location", "Location");
  gtm_form_set_node (form, fixture->history, GTM_NODE (persona));

  /* 0 is "unknown" and shows as empty. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (age)), ==, "");

  type_into (age, "42");
  g_assert_cmpint (gtm_node_get_int (GTM_NODE (persona), GTM_PERSONA_SLOT_AGE), ==, 42);
  g_assert_false (gtk_widget_has_css_class (age, "error"));

  /* Text, fractions and numbers out of range are refused with a message
   * on the row; the field keeps its last good value. */
  gtk_editable_insert_text (GTK_EDITABLE (age), "abc", -1, &(int) { 2 });
  g_assert_true (gtk_widget_has_css_class (age, "error"));
  g_assert_true (gtm_test_widget_shows_text (age, "“42abc” is not a number."));
  g_assert_cmpint (gtm_node_get_int (GTM_NODE (persona), GTM_PERSONA_SLOT_AGE), ==, 42);

  type_into (age, "4.5");
  g_assert_true (gtm_test_widget_shows_text (age, "Enter a whole number."));
  type_into (age, "-3");
  g_assert_true (gtk_widget_has_css_class (age, "error"));
  type_into (age, "999");
  g_assert_true (gtm_test_widget_shows_text (age, "Enter a number from 0 to 150."));
  g_assert_true (gtm_node_get_int (GTM_NODE (persona), GTM_PERSONA_SLOT_AGE) != 999);

  type_into (age, "38");
  g_assert_false (gtk_widget_has_css_class (age, "error"));
  g_assert_false (gtm_test_widget_shows_text (age, "Enter a number from 0 to 150."));
  g_assert_cmpint (gtm_node_get_int (GTM_NODE (persona), GTM_PERSONA_SLOT_AGE), ==, 38);

  /* Typing over a number goes through an empty field: that is not a
   * value yet, so the field keeps 38 while "-5" is refused. */
  type_into (age, "-5");
  g_assert_true (gtk_widget_has_css_class (age, "error"));
  g_assert_cmpint (gtm_node_get_int (GTM_NODE (persona), GTM_PERSONA_SLOT_AGE), ==, 38);

  /* Left empty, it is unknown: 0. */
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtm_test_wait_until (gtk_widget_get_mapped (fixture->window));
  gtk_widget_grab_focus (age);
  type_into (age, "");
  g_assert_cmpint (gtm_node_get_int (GTM_NODE (persona), GTM_PERSONA_SLOT_AGE), ==, 38);
  gtk_widget_grab_focus (other);
  g_assert_cmpint (gtm_node_get_int (GTM_NODE (persona), GTM_PERSONA_SLOT_AGE), ==, 0);
  g_assert_false (gtk_widget_has_css_class (age, "error"));
}

static GtkWidget *
first_entry_row (GtkWidget *widget)
{
  if (ADW_IS_ENTRY_ROW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = first_entry_row (child);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static void
test_strings (Fixture       *fixture,
              gconstpointer  data)
{
  GtmNode *swot = gtm_project_get_swot (fixture->project);
  g_autoptr(GtmForm) form = gtm_form_new (GTM_TYPE_SWOT);
  AdwPreferencesGroup *group = gtm_form_add_strings (form, NULL, "strengths", "Strengths", "Add Strength");
  const char * const *strengths;
  GtkWidget *add_row;

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (fixture->page), group);
  gtm_form_set_node (form, fixture->history, swot);
  add_row = g_object_get_data (G_OBJECT (group), "gtm-form-add-row");

  /* Adding is one step, and the new entry has the focus. */
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtm_test_wait_until (gtk_widget_get_mapped (fixture->window));
  g_signal_emit_by_name (add_row, "activated");
  strengths = gtm_node_get_strv (swot, 2);
  g_assert_cmpuint (g_strv_length ((GStrv) strengths), ==, 1);
  g_assert_cmpuint (gtm_history_get_n_undo (fixture->history), ==, 1);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

    g_assert_nonnull (focus);
    g_assert_true (ADW_IS_ENTRY_ROW (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW)));
    type_into (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW), "Fast setup");
  }
  gtm_history_stop_typing (fixture->history);
  g_signal_emit_by_name (add_row, "activated");
  type_into (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), ADW_TYPE_ENTRY_ROW),
             "中文界面");
  strengths = gtm_node_get_strv (swot, 2);
  g_assert_cmpstr (strengths[0], ==, "Fast setup");
  g_assert_cmpstr (strengths[1], ==, "中文界面");
  g_assert_cmpuint (gtm_history_get_n_undo (fixture->history), ==, 4);

  /* Move Down on the first entry swaps them, as one step. */
  g_assert_true (gtk_widget_activate_action (first_entry_row (GTK_WIDGET (group)), "list.move-down", NULL));
  strengths = gtm_node_get_strv (swot, 2);
  g_assert_cmpstr (strengths[0], ==, "中文界面");
  g_assert_cmpstr (strengths[1], ==, "Fast setup");
  g_assert_cmpuint (gtm_history_get_n_undo (fixture->history), ==, 5);

  gtm_history_undo (fixture->history);
  strengths = gtm_node_get_strv (swot, 2);
  g_assert_cmpstr (strengths[0], ==, "Fast setup");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (first_entry_row (GTK_WIDGET (group)))), ==, "Fast setup");

  /* Remove takes the entry away. */
  g_assert_true (gtk_widget_activate_action (first_entry_row (GTK_WIDGET (group)), "list.remove", NULL));
  strengths = gtm_node_get_strv (swot, 2);
  g_assert_cmpuint (g_strv_length ((GStrv) strengths), ==, 1);
  g_assert_cmpstr (strengths[0], ==, "中文界面");
}

static void
build_tier (GtmForm   *form,
            GtkWidget *container,
            gpointer   user_data)
{
  gtm_form_add_entry (form, container, "name", "Name");
  gtm_form_add_entry (form, container, "price", "Price");
}

static GtmNode *
new_tier (gpointer user_data)
{
  return g_object_new (GTM_TYPE_PRICE_TIER, "name", "Starter", NULL);
}

static void
test_nodes (Fixture       *fixture,
            gconstpointer  data)
{
  GtmNode *pricing = gtm_project_get_pricing (fixture->project);
  GListModel *tiers = G_LIST_MODEL (gtm_node_get_list (pricing, "tiers"));
  g_autoptr(GtmForm) form = gtm_form_new (GTM_TYPE_PRICING);
  AdwPreferencesGroup *group = gtm_form_add_nodes (form, "tiers", "Tiers", "Add Tier", "name",
                                                   "Unnamed tier", build_tier, new_tier, NULL);
  GtkWidget *add_row = g_object_get_data (G_OBJECT (group), "gtm-form-add-row");
  g_autoptr(GtmNode) tier = NULL;

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (fixture->page), group);
  gtm_form_set_node (form, fixture->history, pricing);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtm_test_wait_until (gtk_widget_get_mapped (fixture->window));

  g_signal_emit_by_name (add_row, "activated");
  g_assert_cmpuint (g_list_model_get_n_items (tiers), ==, 1);
  g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (group), "Starter"));

  /* The new tier is open with the focus in its first field. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    GtkWidget *entry = focus ? gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) : NULL;

    g_assert_nonnull (entry);
    type_into (entry, "Growth 成长版");
  }
  tier = g_list_model_get_item (tiers, 0);
  g_assert_cmpstr (gtm_node_get_string (tier, 2), ==, "Growth 成长版");
  /* The expander's title follows the name. */
  g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (group), "Growth 成长版"));

  gtm_history_undo (fixture->history);
  g_assert_cmpstr (gtm_node_get_string (tier, 2), ==, "Starter");
  gtm_history_undo (fixture->history);
  g_assert_cmpuint (g_list_model_get_n_items (tiers), ==, 0);
  g_assert_false (gtm_test_widget_shows_text (GTK_WIDGET (group), "Starter"));
  gtm_history_redo (fixture->history);
  g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (group), "Starter"));
}

/* A colour field: a colour chosen is one step, and the button follows undo. */
static void
test_color (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_BUYER, "Zhang Wei");
  g_autoptr(GtmForm) form = gtm_form_new (GTM_TYPE_PERSONA);
  GtkWidget *group = add_group (fixture);
  GtkWidget *row = gtm_form_add_color (form, group, "avatar-color", "Color");
  GtkWidget *button = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  GdkRGBA rgba;

  gtm_history_insert (fixture->history, GTM_NODE (fixture->project), "personas", 0, GTM_NODE (persona));
  gtm_form_set_node (form, fixture->history, GTM_NODE (persona));
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  g_assert_true (gdk_rgba_equal (&rgba, &(GdkRGBA) { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1 }));

  gdk_rgba_parse (&rgba, "#e66100");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  g_assert_cmpstr (gtm_persona_get_avatar_color (persona), ==, "#e66100");
  g_assert_cmpuint (gtm_history_get_n_undo (fixture->history), ==, 2);

  gtm_history_undo (fixture->history);
  g_assert_cmpstr (gtm_persona_get_avatar_color (persona), ==, "#3584e4");
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  g_assert_cmpfloat_with_epsilon (rgba.red, 0x35 / 255.0, 0.002);
}

/* The colour at the top of an avatar's picture (inside its circle). */
static guint32
avatar_top_pixel (AdwAvatar *avatar)
{
  GdkTexture *texture = GDK_TEXTURE (adw_avatar_get_custom_image (avatar));
  int size = gdk_texture_get_width (texture);
  g_autofree guint32 *pixels = g_new (guint32, size * size);

  gdk_texture_download (texture, (guchar *) pixels, size * 4);
  return pixels[(size / 10) * size + size / 2] & 0xffffff;
}

/* An avatar shows the persona as its card does, and follows it. */
static void
test_persona_avatar (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_USER, "李丽 Lily Li");
  GtkWidget *avatar = g_object_ref_sink (adw_avatar_new (48, NULL, TRUE));

  g_object_set (persona, "avatar-color", "#26a269", NULL);
  gtm_persona_avatar_bind (ADW_AVATAR (avatar), persona);
  g_assert_cmpstr (adw_avatar_get_text (ADW_AVATAR (avatar)), ==, "李丽 Lily Li");
  g_assert_cmphex (avatar_top_pixel (ADW_AVATAR (avatar)), ==, 0x26a269);

  g_object_set (persona, "avatar-color", "#e66100", "name", "Lily", NULL);
  g_assert_cmphex (avatar_top_pixel (ADW_AVATAR (avatar)), ==, 0xe66100);
  g_assert_cmpstr (adw_avatar_get_text (ADW_AVATAR (avatar)), ==, "Lily");

  gtm_persona_avatar_bind (ADW_AVATAR (avatar), NULL);
  g_assert_null (adw_avatar_get_custom_image (ADW_AVATAR (avatar)));
  /* No longer following it. */
  g_object_set (persona, "avatar-color", "#3584e4", NULL);
  g_assert_null (adw_avatar_get_custom_image (ADW_AVATAR (avatar)));

  g_object_unref (avatar);
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

#define ADD(path, func) \
  g_test_add ("/form/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("entry-typing", test_entry_typing);
  ADD ("number-errors", test_number_errors);
  ADD ("strings", test_strings);
  ADD ("nodes", test_nodes);
  ADD ("color", test_color);
  ADD ("persona-avatar", test_persona_avatar);
#undef ADD

  return gtm_test_run ();
}
