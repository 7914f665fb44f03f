/* test-personas.c — adding, renaming, duplicating, deleting and reordering
 * personas in the sidebar, from the keyboard and the menus, with undo; and
 * comparing personas side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-personas"

#include "config.h"

#include "gtm-core.h"
#include "gtm-persona-compare.h"
#include "gtm-persona-page.h"
#include "gtm-test-utils.h"

/* Helpers ----------------------------------------------------------------- */

static GListModel *
window_personas (GtmWindow *window)
{
  return gtm_project_get_personas (gtm_test_window_project (window));
}

static guint
n_boards (GtmWindow *window)
{
  return g_list_model_get_n_items (gtm_project_get_boards (gtm_test_window_project (window)));
}

static guint
n_personas (GtmWindow *window)
{
  return g_list_model_get_n_items (window_personas (window));
}

static GtmPersona *
persona_at (GtmWindow *window,
            guint      index)
{
  g_autoptr(GtmPersona) persona = g_list_model_get_item (window_personas (window), index);

  return persona; /* owned by the project */
}

static guint
n_undo (GtmWindow *window)
{
  return gtm_history_get_n_undo (gtm_test_window_history (window));
}

static const char *
undo_label (GtmWindow *window)
{
  return gtm_history_get_undo_label (gtm_test_window_history (window));
}

/* The sidebar row of the persona at @index. */
static GtkListBoxRow *
persona_row (GtmWindow *window,
             guint      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (gtm_window_get_sidebar (window),
                                                      n_boards (window) + index);

  g_assert_nonnull (row);
  return row;
}

/* The first descendant of @widget (or itself) of @type. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The primary menu's button, in @widget. */
static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The visible label of @widget (or itself) showing @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The sidebar rows of the personas show their names, in the project's
 * order; the row of @shown is selected, focused, and its page shown. */
static void
assert_personas (GtmWindow  *window,
                 GtmPersona *shown)
{
  GtkListBox *sidebar = gtm_window_get_sidebar (window);
  GtkWidget *page;
  guint n = n_personas (window);

  for (guint i = 0; i < n; i++)
    g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (persona_row (window, i)),
                                               gtm_persona_get_name (persona_at (window, i))));
  /* Then the workbench's first page. */
  g_assert_false (GTM_IS_PERSONA (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (sidebar, n_boards (window) + n)),
                                                     "gtm-item")));

  if (shown == NULL)
    return;

  for (guint i = 0; i < n; i++)
    if (persona_at (window, i) == shown)
      {
        g_assert_true (gtk_list_box_get_selected_row (sidebar) == persona_row (window, i));
        g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (persona_row (window, i)));
      }
  g_assert_true (g_object_get_data (G_OBJECT (gtk_list_box_get_selected_row (sidebar)), "gtm-item") ==
                 G_OBJECT (shown));

  page = gtm_window_get_visible_page (window);
  g_assert_true (GTM_IS_PERSONA_PAGE (page));
  g_assert_true (gtm_persona_page_get_persona (GTM_PERSONA_PAGE (page)) == shown);
}

static GtmWindow *
open_sample (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  GtmWindow *window = gtm_test_open (sample);

  g_assert_cmpuint (n_personas (window), ==, 3);
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  gtm_test_settle ();
  /* Keys go to the window under the pointer. */
  gtm_test_pointer_move (GTK_WIDGET (window), 400, 300);

  return window;
}

/* Clicks the row of the persona at @index, as the user does. */
static void
click_persona (GtmWindow *window,
               guint      index)
{
  GtkListBoxRow *row = persona_row (window, index);

  gtm_test_wait_until (gtk_widget_get_height (GTK_WIDGET (row)) > 0);
  gtm_test_pointer_click (GTK_WIDGET (row), 40, gtk_widget_get_height (GTK_WIDGET (row)) / 2.0, 1, 1);
  gtm_test_wait_until (gtk_list_box_get_selected_row (gtm_window_get_sidebar (window)) == row);
  assert_personas (window, persona_at (window, index));
}

/* Waits for the rename popover, focused, offering @name. */
static void
wait_rename_popover (GtmWindow  *window,
                     const char *name)
{
  GtkWidget *popover = gtm_test_template_child (window, "rename_popover");
  GtkWidget *entry = gtm_test_template_child (window, "rename_entry");

  gtm_test_wait_until (gtk_widget_get_mapped (popover));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, name);
  g_assert_cmpstr (gtk_label_get_text (gtm_test_template_child (window, "rename_title")), ==, "Persona Name");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  gtm_test_settle ();
}

/* Opens the Personas menu of @compare and returns its check buttons'
 * box. */
static GtkWidget *
open_choices (GtkWidget *compare)
{
  GtkWidget *button = find_descendant (compare, GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover;

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "_Personas");
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  /* Where the pointer finds it: laid out, the page's crossfade over. */
  gtm_test_wait_until (!gtk_stack_get_transition_running (GTK_STACK (gtk_widget_get_parent (compare))) &&
                       gtk_widget_get_width (button) > 0);
  gtm_test_settle ();
  /* From elsewhere: a pointer that stayed put since the menu last closed
   * is not seen entering the button again. */
  gtm_test_pointer_move (compare, gtk_widget_get_width (compare) / 2.0, gtk_widget_get_height (compare) / 2.0);
  gtm_test_pointer_click (button, gtk_widget_get_width (button) / 2.0,
                          gtk_widget_get_height (button) / 2.0, 1, 1);
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  gtm_test_settle ();

  return gtk_popover_get_child (popover);
}

/* The check button of @name in the Personas menu's @choices. */
static GtkCheckButton *
find_choice (GtkWidget  *choices,
             const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (choices);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), name) == 0)
      return GTK_CHECK_BUTTON (child);

  g_error ("no check button for %s", name);
}

/* The comparison shows a column for each of @personas (NULL-terminated),
 * in that order, with its name, and no other. */
static void
assert_columns (GtmWindow   *window,
                GtmPersona **personas)
{
  GtmPersonaCompare *compare = GTM_PERSONA_COMPARE (gtm_window_get_visible_page (window));
  GtkWidget *grid = find_descendant (GTK_WIDGET (compare), GTK_TYPE_GRID);
  g_autoptr(GPtrArray) columns = gtm_persona_compare_dup_columns (compare);
  guint n = 0;

  while (personas[n] != NULL)
    n++;

  g_assert_cmpuint (columns->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (g_ptr_array_index (columns, i) == personas[i]);

  for (guint i = 0; i < n_personas (window); i++)
    {
      GtmPersona *persona = persona_at (window, i);
      gboolean chosen = FALSE;

      for (guint c = 0; c < n; c++)
        chosen |= personas[c] == persona;
      g_assert_cmpint (gtm_test_widget_shows_text (grid, gtm_persona_get_name (persona)), ==, chosen);
      g_assert_cmpint (gtm_persona_compare_get_chosen (compare, persona), ==, chosen);
    }
}

/* Tests ------------------------------------------------------------------- */

/* Ctrl+Shift+P adds a buyer persona, the New Board button's menu a user
 * persona: each is shown and offered a name, typed there. */
static void
test_add (void)
{
  GtmWindow *window;
  GtkWidget *rename_popover;
  GtkWidget *split, *arrow, *item;
  GtkPopover *add_menu;
  GtmPersona *buyer, *user;

  if (!gtm_test_can_send_input ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  gtm_test_assert_accel ("win.add-buyer-persona", "<Control><Shift>p");

  window = open_sample ();
  rename_popover = gtm_test_template_child (window, "rename_popover");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (gtm_window_get_sidebar (window), 0))));

  gtm_test_keys ("ctrl+shift+p", NULL);
  gtm_test_wait_until (n_personas (window) == 4);
  g_assert_cmpuint (n_personas (window), ==, 4);
  buyer = persona_at (window, 3);
  g_assert_cmpint (gtm_persona_get_kind (buyer), ==, GTM_PERSONA_KIND_BUYER);
  g_assert_cmpstr (gtm_persona_get_name (buyer), ==, "Buyer persona 3");
  g_assert_cmpstr (undo_label (window), ==, "Add Persona");
  g_assert_cmpuint (n_undo (window), ==, 1);
  wait_rename_popover (window, "Buyer persona 3");

  gtm_test_type ("Growth lead\n");
  gtm_test_wait_until (!gtk_widget_get_visible (rename_popover));
  g_assert_cmpstr (gtm_persona_get_name (buyer), ==, "Growth lead");
  g_assert_cmpstr (undo_label (window), ==, "Rename Persona");
  g_assert_cmpuint (n_undo (window), ==, 2);
  assert_personas (window, buyer);

  /* The arrow of the New Board button opens its menu. */
  split = gtm_test_template_child (window, "add_board_button");
  arrow = find_descendant (split, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (arrow);
  add_menu = gtk_menu_button_get_popover (GTK_MENU_BUTTON (arrow));
  gtm_test_pointer_click (arrow, gtk_widget_get_width (arrow) / 2.0,
                          gtk_widget_get_height (arrow) / 2.0, 1, 1);
  gtm_test_wait_until (add_menu != NULL && gtk_widget_get_mapped (GTK_WIDGET (add_menu)));
  gtm_test_settle ();
  item = find_label (GTK_WIDGET (add_menu), "New User Persona");
  g_assert_nonnull (item);
  gtm_test_pointer_click (item, 5, gtk_widget_get_height (item) / 2.0, 1, 1);
  gtm_test_wait_until (n_personas (window) == 5);
  user = persona_at (window, 4);
  g_assert_cmpint (gtm_persona_get_kind (user), ==, GTM_PERSONA_KIND_USER);
  g_assert_cmpstr (gtm_persona_get_name (user), ==, "User persona 2");
  wait_rename_popover (window, "User persona 2");
  gtm_test_type ("Field rep\n");
  gtm_test_wait_until (!gtk_widget_get_visible (rename_popover));
  g_assert_cmpstr (gtm_persona_get_name (user), ==, "Field rep");
  assert_personas (window, user);
  g_assert_cmpuint (n_undo (window), ==, 4);

  /* Ctrl+Z: the name, then the persona; the one before is shown. */
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (g_strcmp0 (gtm_persona_get_name (user), "User persona 2") == 0);
  g_assert_cmpstr (gtm_persona_get_name (user), ==, "User persona 2");
  assert_personas (window, user);
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (n_personas (window) == 4);
  g_assert_cmpuint (n_personas (window), ==, 4);
  assert_personas (window, buyer);

  gtm_test_close_all ();
}

/* F2 renames the persona selected; a name it can't take is refused. */
static void
test_rename (void)
{
  GtmWindow *window;
  GtkWidget *rename_popover;
  GtmPersona *persona;
  g_autofree char *old_name = NULL;

  if (!gtm_test_can_send_input ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  window = open_sample ();
  rename_popover = gtm_test_template_child (window, "rename_popover");
  click_persona (window, 1);
  persona = persona_at (window, 1);
  old_name = g_strdup (gtm_persona_get_name (persona));
  g_assert_false (gtm_test_action_enabled (window, "rename-board"));
  g_assert_true (gtm_test_action_enabled (window, "rename-persona"));

  gtm_test_keys ("F2", NULL);
  wait_rename_popover (window, old_name);

  /* Nothing but spaces: refused, with the reason. */
  gtm_test_keys ("ctrl+a", "BackSpace", "space", "Return", NULL);
  gtm_test_wait_until (gtk_revealer_get_reveal_child (gtm_test_template_child (window, "rename_error_revealer")));
  g_assert_true (gtk_widget_get_visible (rename_popover));
  g_assert_cmpstr (gtk_label_get_text (gtm_test_template_child (window, "rename_error_label")), ==,
                   "A persona needs a name.");
  g_assert_cmpstr (gtm_persona_get_name (persona), ==, old_name);
  g_assert_cmpuint (n_undo (window), ==, 0);

  gtm_test_keys ("ctrl+a", NULL);
  gtm_test_type ("Ops chief\n");
  gtm_test_wait_until (!gtk_widget_get_visible (rename_popover));
  g_assert_cmpstr (gtm_persona_get_name (persona), ==, "Ops chief");
  g_assert_cmpstr (undo_label (window), ==, "Rename Persona");
  g_assert_cmpuint (n_undo (window), ==, 1);
  assert_personas (window, persona);

  /* Escape leaves the name as it is. */
  gtm_test_keys ("F2", NULL);
  wait_rename_popover (window, "Ops chief");
  gtm_test_type ("Not this");
  gtm_test_keys ("Escape", NULL);
  gtm_test_wait_until (!gtk_widget_get_visible (rename_popover));
  g_assert_cmpstr (gtm_persona_get_name (persona), ==, "Ops chief");
  g_assert_cmpuint (n_undo (window), ==, 1);
  assert_personas (window, persona);

  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (g_strcmp0 (gtm_persona_get_name (persona), old_name) == 0);
  g_assert_cmpstr (gtm_persona_get_name (persona), ==, old_name);
  assert_personas (window, persona);

  gtm_test_close_all ();
}

/* The persona menu (right click) duplicates a persona: the copy comes
 * right after it, named “NAME (Copy)”, shown. */
static void
test_duplicate (void)
{
  GtmWindow *window;
  GtkWidget *menu, *item;
  GtmPersona *original, *next, *copy;
  g_autofree char *copy_name = NULL;

  if (!gtm_test_can_send_input ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  window = open_sample ();
  menu = gtm_test_template_child (window, "board_menu_popover");
  original = persona_at (window, 0);
  next = persona_at (window, 1);
  copy_name = g_strdup_printf ("%s (Copy)", gtm_persona_get_name (original));

  /* A right click on the row opens the persona's menu. */
  gtm_test_wait_until (gtk_widget_get_height (GTK_WIDGET (persona_row (window, 0))) > 0);
  gtm_test_pointer_click (GTK_WIDGET (persona_row (window, 0)), 40, 10, 3, 1);
  gtm_test_wait_until (gtk_widget_get_mapped (menu));
  g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)) ==
                 G_MENU_MODEL (gtm_test_template_child (window, "persona_menu")));
  g_assert_true (gtk_list_box_get_selected_row (gtm_window_get_sidebar (window)) == persona_row (window, 0));
  g_assert_false (gtm_test_action_enabled (window, "move-persona-up"));
  g_assert_true (gtm_test_action_enabled (window, "move-persona-down"));
  gtm_test_settle ();

  /* Its Duplicate item. */
  item = find_label (menu, "Duplicate");
  g_assert_nonnull (item);
  gtm_test_pointer_click (item, 5, gtk_widget_get_height (item) / 2.0, 1, 1);
  gtm_test_wait_until (n_personas (window) == 4 && !gtk_widget_get_visible (menu));
  g_assert_cmpuint (n_personas (window), ==, 4);
  copy = persona_at (window, 1);
  g_assert_true (copy != original);
  g_assert_true (persona_at (window, 2) == next);
  g_assert_cmpstr (gtm_persona_get_name (copy), ==, copy_name);
  g_assert_cmpstr (gtm_persona_get_job_title (copy), ==, gtm_persona_get_job_title (original));
  g_assert_cmpint (gtm_persona_get_kind (copy), ==, gtm_persona_get_kind (original));
  g_assert_cmpstr (gtm_node_get_id (GTM_NODE (copy)), !=, gtm_node_get_id (GTM_NODE (original)));
  assert_personas (window, copy);
  g_assert_cmpstr (undo_label (window), ==, "Duplicate Persona");
  g_assert_cmpuint (n_undo (window), ==, 1);

  /* One step: Ctrl+Z takes the copy away, the persona after it shown. */
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (n_personas (window) == 3);
  g_assert_cmpuint (n_personas (window), ==, 3);
  assert_personas (window, next);
  gtm_test_keys ("ctrl+shift+z", NULL);
  gtm_test_wait_until (n_personas (window) == 4);
  g_assert_true (persona_at (window, 1) == copy);
  assert_personas (window, copy);

  gtm_test_close_all ();
}

/* Delete takes the persona away, shows a neighbour and a toast whose Undo
 * brings it back; Ctrl+Z does too. */
static void
test_delete (void)
{
  GtmWindow *window;
  GtmPersona *victim, *next;
  g_autofree char *toast_text = NULL;
  g_autofree char *toast_title = NULL;
  AdwToast *toast;

  if (!gtm_test_can_send_input ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  window = open_sample ();
  victim = persona_at (window, 1);
  next = persona_at (window, 2);
  toast_text = g_strdup_printf ("“%s” deleted", gtm_persona_get_name (victim));
  toast_title = g_markup_escape_text (toast_text, -1);

  click_persona (window, 1);
  g_assert_false (gtm_test_action_enabled (window, "delete-board"));
  gtm_test_keys ("Delete", NULL);
  gtm_test_wait_until (n_personas (window) == 2);
  g_assert_cmpuint (n_personas (window), ==, 2);
  g_assert_null (gtm_node_get_parent (GTM_NODE (victim)));
  g_assert_false (gtm_test_widget_shows_text (GTK_WIDGET (gtm_window_get_sidebar (window)),
                                              gtm_persona_get_name (victim)));
  assert_personas (window, next);
  g_assert_cmpstr (undo_label (window), ==, "Delete Persona");
  g_assert_cmpuint (n_undo (window), ==, 1);

  toast = gtm_window_get_delete_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, toast_title);
  gtm_test_settle ();
  g_assert_true (gtm_test_widget_shows_text (gtm_test_template_child (window, "toast_overlay"), toast_text));
  gtm_test_click_button (gtm_test_template_child (window, "toast_overlay"), "_Undo");
  g_assert_cmpuint (n_personas (window), ==, 3);
  g_assert_true (persona_at (window, 1) == victim);
  assert_personas (window, victim);
  g_assert_cmpuint (n_undo (window), ==, 0);
  gtm_test_wait_until (gtm_window_get_delete_toast (window) == NULL);
  /* Gone from the screen too (libadwaita 1.2 can crash on a toast shown
   * while the one before is still sliding away). */
  gtm_test_wait_until (!gtm_test_widget_shows_text (gtm_test_template_child (window, "toast_overlay"), toast_text));

  /* Again, and Ctrl+Z. */
  gtm_test_keys ("Delete", NULL);
  gtm_test_wait_until (n_personas (window) == 2);
  g_assert_cmpuint (n_personas (window), ==, 2);
  assert_personas (window, next);
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (n_personas (window) == 3);
  g_assert_true (persona_at (window, 1) == victim);
  assert_personas (window, victim);
  gtm_test_wait_until (gtm_window_get_delete_toast (window) == NULL);
  /* Gone from the screen too (libadwaita 1.2 can crash on a toast shown
   * while the one before is still sliding away). */
  gtm_test_wait_until (!gtm_test_widget_shows_text (gtm_test_template_child (window, "toast_overlay"), toast_text));

  /* The last persona's neighbour is the one before it. */
  click_persona (window, 2);
  gtm_test_keys ("Delete", NULL);
  gtm_test_wait_until (n_personas (window) == 2);
  assert_personas (window, victim);

  gtm_test_close_all ();
}

/* Alt+Down and Alt+Up move the persona selected, in the sidebar and the
 * project, one step each. */
static void
test_reorder (void)
{
  GtmWindow *window;
  GtmPersona *first, *second, *third;

  if (!gtm_test_can_send_input ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  window = open_sample ();
  first = persona_at (window, 0);
  second = persona_at (window, 1);
  third = persona_at (window, 2);

  click_persona (window, 0);
  g_assert_false (gtm_test_action_enabled (window, "move-persona-up"));
  g_assert_false (gtm_test_action_enabled (window, "move-board-down"));

  gtm_test_keys ("alt+Down", NULL);
  gtm_test_wait_until (persona_at (window, 1) == first);
  g_assert_true (persona_at (window, 0) == second);
  g_assert_true (persona_at (window, 1) == first);
  assert_personas (window, first);
  g_assert_cmpstr (undo_label (window), ==, "Move Persona");
  g_assert_cmpuint (n_undo (window), ==, 1);

  gtm_test_keys ("alt+Down", NULL);
  gtm_test_wait_until (persona_at (window, 2) == first);
  g_assert_true (persona_at (window, 2) == first);
  assert_personas (window, first);
  g_assert_false (gtm_test_action_enabled (window, "move-persona-down"));
  g_assert_cmpuint (n_undo (window), ==, 2);

  /* At the bottom: Alt+Down does nothing. */
  gtm_test_keys ("alt+Down", NULL);
  g_assert_true (persona_at (window, 2) == first);
  g_assert_cmpuint (n_undo (window), ==, 2);

  gtm_test_keys ("alt+Up", NULL);
  gtm_test_wait_until (persona_at (window, 1) == first);
  g_assert_true (persona_at (window, 1) == first);
  g_assert_true (persona_at (window, 2) == third);
  assert_personas (window, first);

  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (persona_at (window, 2) == first);
  g_assert_true (persona_at (window, 2) == first);
  assert_personas (window, first);
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (persona_at (window, 1) == first);
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (persona_at (window, 0) == first);
  g_assert_true (persona_at (window, 0) == first);
  g_assert_true (persona_at (window, 1) == second);
  g_assert_true (persona_at (window, 2) == third);
  assert_personas (window, first);
  g_assert_cmpuint (n_undo (window), ==, 0);

  gtm_test_close_all ();
}

/* Compare Personas, from the primary menu, shows the sample's personas in
 * columns; the Personas menu chooses them, two at least; the columns
 * follow edits; Escape and Back return to what was shown. */
static void
test_compare (void)
{
  GtmWindow *window;
  GMenuModel *primary;
  GtkWidget *compare, *grid, *choices, *back, *menu, *item;
  GtmPersona *a, *b, *c;
  GtkCheckButton *choice_a, *choice_b, *choice_c;
  gboolean in_menu = FALSE;
  g_autofree char *old_job = NULL;
  g_autoptr(GtmBoard) board = NULL;

  if (!gtm_test_can_send_input ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  window = open_sample ();
  a = persona_at (window, 0);
  b = persona_at (window, 1);
  c = persona_at (window, 2);

  /* The primary menu offers it. */
  g_assert_nonnull (find_primary_menu_button (GTK_WIDGET (window)));
  primary = gtk_menu_button_get_menu_model (find_primary_menu_button (GTK_WIDGET (window)));
  for (int s = 0; s < g_menu_model_get_n_items (primary); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (primary, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            in_menu |= g_strcmp0 (action, "win.compare-personas") == 0;
        }
    }
  g_assert_true (in_menu);

  /* From a persona. */
  click_persona (window, 1);
  gtm_test_activate (window, "compare-personas");
  compare = gtm_window_get_visible_page (window);
  g_assert_true (GTM_IS_PERSONA_COMPARE (compare));
  g_assert_null (gtk_list_box_get_selected_row (gtm_window_get_sidebar (window)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), compare));
  grid = find_descendant (compare, GTK_TYPE_GRID);
  gtm_test_wait_until (gtk_widget_get_mapped (grid));
  assert_columns (window, (GtmPersona *[]) { a, b, c, NULL });
  g_assert_true (gtm_test_widget_shows_text (grid, gtm_persona_get_job_title (a)));
  g_assert_true (gtm_test_widget_shows_text (grid, "Job title"));
  gtm_test_screenshot ("persona-compare");

  /* Escape at once, wherever the keyboard was: back to the persona. */
  gtm_test_keys ("Escape", NULL);
  gtm_test_wait_until (GTM_IS_PERSONA_PAGE (gtm_window_get_visible_page (window)));
  assert_personas (window, b);
  gtm_test_activate (window, "compare-personas");
  g_assert_true (gtm_window_get_visible_page (window) == compare);

  /* The Personas menu: one unchecked, two columns left, which can't be
   * unchecked. */
  choices = open_choices (compare);
  choice_a = find_choice (choices, gtm_persona_get_name (a));
  choice_b = find_choice (choices, gtm_persona_get_name (b));
  choice_c = find_choice (choices, gtm_persona_get_name (c));
  g_assert_true (gtk_check_button_get_active (choice_a));
  g_assert_true (gtk_check_button_get_active (choice_b));
  g_assert_true (gtk_check_button_get_active (choice_c));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (choice_b)));

  gtm_test_pointer_click (GTK_WIDGET (choice_b), 8, gtk_widget_get_height (GTK_WIDGET (choice_b)) / 2.0, 1, 1);
  gtm_test_wait_until (!gtk_check_button_get_active (choice_b));
  assert_columns (window, (GtmPersona *[]) { a, c, NULL });
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (choice_a)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (choice_c)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (choice_b)));

  /* The minimum: a click on a last one changes nothing. */
  gtm_test_pointer_click (GTK_WIDGET (choice_a), 8, gtk_widget_get_height (GTK_WIDGET (choice_a)) / 2.0, 1, 1);
  g_assert_true (gtk_check_button_get_active (choice_a));
  assert_columns (window, (GtmPersona *[]) { a, c, NULL });

  gtm_test_pointer_click (GTK_WIDGET (choice_b), 8, gtk_widget_get_height (GTK_WIDGET (choice_b)) / 2.0, 1, 1);
  gtm_test_wait_until (gtk_check_button_get_active (choice_b));
  assert_columns (window, (GtmPersona *[]) { a, b, c, NULL });
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (choice_a)));
  gtm_test_keys ("Escape", NULL);
  gtm_test_wait_until (!gtk_widget_get_mapped (gtk_widget_get_parent (choices)));
  g_assert_true (GTM_IS_PERSONA_COMPARE (gtm_window_get_visible_page (window)));

  /* An edit shows at once, as does its undo; the comparison stays. */
  old_job = g_strdup (gtm_persona_get_job_title (c));
  gtm_history_set (gtm_test_window_history (window), GTM_NODE (c), "job-title", "Head of Demand 需求负责人", NULL);
  grid = find_descendant (compare, GTK_TYPE_GRID);
  g_assert_true (gtm_test_widget_shows_text (grid, "Head of Demand 需求负责人"));
  g_assert_false (gtm_test_widget_shows_text (grid, old_job));
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (g_strcmp0 (gtm_persona_get_job_title (c), old_job) == 0);
  g_assert_cmpstr (gtm_persona_get_job_title (c), ==, old_job);
  grid = find_descendant (compare, GTK_TYPE_GRID);
  g_assert_true (gtm_test_widget_shows_text (grid, old_job));
  g_assert_true (GTM_IS_PERSONA_COMPARE (gtm_window_get_visible_page (window)));

  /* A rename shows in the column and in the menu. */
  gtm_test_activate (window, "redo");
  g_assert_true (gtm_test_widget_shows_text (find_descendant (compare, GTK_TYPE_GRID),
                                             "Head of Demand 需求负责人"));
  gtm_project_rename_persona (gtm_test_window_project (window), a, "Ada 阿达", NULL);
  g_assert_true (gtm_test_widget_shows_text (find_descendant (compare, GTK_TYPE_GRID), "Ada 阿达"));
  choices = open_choices (compare);
  g_assert_true (gtk_check_button_get_active (find_choice (choices, "Ada 阿达")));
  gtm_test_keys ("Escape", NULL);
  gtm_test_wait_until (!gtk_widget_get_mapped (gtk_widget_get_parent (choices)));

  /* Escape: back to the persona it was opened from. */
  gtm_test_keys ("Escape", NULL);
  gtm_test_wait_until (GTM_IS_PERSONA_PAGE (gtm_window_get_visible_page (window)));
  assert_personas (window, b);

  /* From a board, Back returns to the board. */
  gtm_window_select_board (window, 1);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (gtm_window_get_sidebar (window), 1)));
  gtm_test_activate (window, "compare-personas");
  g_assert_true (gtm_window_get_visible_page (window) == compare);
  assert_columns (window, (GtmPersona *[]) { a, b, c, NULL });
  /* The first button of its bar. */
  back = find_descendant (compare, GTK_TYPE_BUTTON);
  g_assert_nonnull (back);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (back), ==, "Back");
  gtm_test_pointer_click (back, gtk_widget_get_width (back) / 2.0, gtk_widget_get_height (back) / 2.0, 1, 1);
  gtm_test_wait_until (gtm_window_get_visible_page (window) != compare);
  g_assert_true (gtk_list_box_get_selected_row (gtm_window_get_sidebar (window)) ==
                 gtk_list_box_get_row_at_index (gtm_window_get_sidebar (window), 1));
  board = g_list_model_get_item (gtm_project_get_boards (gtm_test_window_project (window)), 1);
  g_assert_true (gtm_board_view_get_board (gtm_window_get_board_view (window)) == board);

  /* From a persona's menu; Escape goes back to it. */
  menu = gtm_test_template_child (window, "board_menu_popover");
  gtm_test_pointer_click (GTK_WIDGET (persona_row (window, 2)), 40, 10, 3, 1);
  gtm_test_wait_until (gtk_widget_get_mapped (menu));
  gtm_test_settle ();
  item = find_label (menu, "Compare Personas");
  g_assert_nonnull (item);
  gtm_test_pointer_click (item, 5, gtk_widget_get_height (item) / 2.0, 1, 1);
  gtm_test_wait_until (gtm_window_get_visible_page (window) == compare && !gtk_widget_get_visible (menu));
  gtm_test_settle ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), compare));
  gtm_test_keys ("Escape", NULL);
  gtm_test_wait_until (GTM_IS_PERSONA_PAGE (gtm_window_get_visible_page (window)));
  assert_personas (window, c);

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_use_own_display (argc, argv);
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/personas/add", test_add);
  g_test_add_func ("/personas/rename", test_rename);
  g_test_add_func ("/personas/duplicate", test_duplicate);
  g_test_add_func ("/personas/delete", test_delete);
  g_test_add_func ("/personas/reorder", test_reorder);
  g_test_add_func ("/personas/compare", test_compare);

  return gtm_test_run ();
}
