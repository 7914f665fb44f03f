/* test-persona-form.c — the persona form driven with real keys and clicks:
 * typing (English and Chinese), lists of strings, bad numbers, sliders,
 * the picture, the kind's groups; undo one run at a time, save and reopen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gtm-core.h"
#include "gtm-persona-page.h"
#include "gtm-test-utils.h"

typedef struct
{
  GtmWindow      *window;
  GtmPersonaPage *page;
  GtmPersona     *persona;
  GtmHistory     *history;
} Form;

/* Opens @file and shows its first persona, a buyer. */
static gboolean
form_open (Form  *f,
           GFile *file)
{
  GtmProject *project;
  GtkListBox *sidebar;
  guint n_boards;
  g_autoptr(GtmPersona) persona = NULL;

  if (!gtm_test_can_send_input ())
    {
      g_test_skip ("needs an X display and xdotool");
      return FALSE;
    }

  f->window = gtm_test_open (file);
  project = gtm_test_window_project (f->window);
  f->history = gtm_project_get_history (project);
  n_boards = g_list_model_get_n_items (gtm_project_get_boards (project));
  persona = g_list_model_get_item (gtm_project_get_personas (project), 0);
  f->persona = persona;
  g_assert_true (gtm_persona_get_kind (persona) == GTM_PERSONA_KIND_BUYER);

  sidebar = gtm_window_get_sidebar (f->window);
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, n_boards));
  f->page = GTM_PERSONA_PAGE (gtm_window_get_visible_page (f->window));
  g_assert_true (gtm_persona_page_get_persona (f->page) == f->persona);
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  gtm_test_settle ();

  /* Keys go to the window under the pointer. */
  gtm_test_pointer_move (GTK_WIDGET (f->page), 4, 4);

  return TRUE;
}

static gboolean
open_sample (Form *f)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();

  return form_open (f, sample);
}

static GStrv
get_strv (GtmPersona *persona,
          const char *property)
{
  GStrv strv = NULL;

  g_object_get (persona, property, &strv, NULL);
  return strv ? strv : g_new0 (char *, 1);
}

static char *
get_string (GtmPersona *persona,
            const char *property)
{
  char *text = NULL;

  g_object_get (persona, property, &text, NULL);
  return text;
}

/* A copy of @strv with items @i and @j swapped. */
static GStrv
swapped (GStrv strv,
         guint i,
         guint j)
{
  GStrv copy = g_strdupv (strv);
  char *swap = copy[i];

  copy[i] = copy[j];
  copy[j] = swap;
  return copy;
}

static void
assert_entries (GtkWidget          *group,
                const char * const *expected)
{
  g_autoptr(GPtrArray) entries = gtm_test_find_all (group, ADW_TYPE_ENTRY_ROW);
  guint n = g_strv_length ((GStrv) expected);

  g_assert_cmpuint (entries->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (gtk_editable_get_text (entries->pdata[i]), ==, expected[i]);
}

/* The model and the rows both hold @expected goals. */
static void
assert_goals (Form               *f,
              GtkWidget          *group,
              const char * const *expected)
{
  g_auto(GStrv) goals = get_strv (f->persona, "goals");

  g_assert_cmpstrv (goals, expected);
  assert_entries (group, expected);
}

static void
assert_name (Form       *f,
             GtkWidget  *name_row,
             const char *name)
{
  gtm_test_wait_until (g_strcmp0 (gtm_persona_get_name (f->persona), name) == 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, name);
}

/* Typing, adding, moving and removing; each undone one step at a time;
 * what was saved reads back. */
static void
test_edit_undo_save (void)
{
  Form f = { 0 };
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "edited.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *old_name = NULL;
  g_autofree char *old_job = NULL;
  g_auto(GStrv) old_goals = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) added = NULL, moved = NULL, moved_again = NULL, removed = NULL;
  GtkWidget *name_row, *job_row, *goals, *add_goal;
  g_autoptr(GPtrArray) entries = NULL;
  guint base, n;

  if (!open_sample (&f))
    return;

  name_row = gtm_test_find_row (GTK_WIDGET (f.page), ADW_TYPE_PREFERENCES_ROW, "Name");
  job_row = gtm_test_find_row (GTK_WIDGET (f.page), ADW_TYPE_PREFERENCES_ROW, "Job title");
  goals = gtm_test_find_group (GTK_WIDGET (f.page), "Goals");
  add_goal = gtm_test_find_row (goals, ADW_TYPE_PREFERENCES_ROW, "Add Goal");
  g_assert_nonnull (name_row);
  g_assert_nonnull (job_row);
  g_assert_nonnull (add_goal);
  old_name = g_strdup (gtm_persona_get_name (f.persona));
  old_job = g_strdup (gtm_persona_get_job_title (f.persona));
  old_goals = get_strv (f.persona, "goals");
  n = g_strv_length (old_goals);
  g_assert_cmpuint (n, >=, 2);
  assert_goals (&f, goals, (const char * const *) old_goals);
  base = gtm_history_get_n_undo (f.history);

  /* A click into the name, then typing, English and Chinese. */
  gtm_test_pointer_click (name_row, 60, gtk_widget_get_height (name_row) / 2.0, 1, 1);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (name_row)), name_row));
  gtm_test_keys ("ctrl+a", NULL);
  gtm_test_type ("Ada ");
  gtm_test_type_unicode (0x738b); /* 王 */
  assert_name (&f, name_row, "Ada 王");
  g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (f.page), "Ada 王"));
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, base + 1);

  /* The job title: a run of typing of its own. */
  gtm_test_focus_entry (job_row);
  gtm_test_type ("VP Growth");
  gtm_test_wait_until (g_strcmp0 (gtm_persona_get_job_title (f.persona), "VP Growth") == 0);
  g_assert_cmpstr (gtm_persona_get_job_title (f.persona), ==, "VP Growth");
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, base + 2);

  /* Add Goal, from the keyboard, opens an empty goal to type in. */
  gtk_widget_grab_focus (add_goal);
  gtm_test_keys ("Return", NULL);
  gtm_test_settle ();
  gtm_test_type ("Win the board");
  gtm_test_wait_until (g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_ancestor (gtk_root_get_focus (gtk_widget_get_root (goals)), ADW_TYPE_ENTRY_ROW))),
                                         "board"));
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) old_goals);
  g_strv_builder_add (builder, "Win the board");
  added = g_strv_builder_end (builder);
  assert_goals (&f, goals, (const char * const *) added);
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, base + 4);

  /* Move Down on the first goal. */
  entries = gtm_test_find_all (goals, ADW_TYPE_ENTRY_ROW);
  g_assert_true (gtk_widget_activate_action (entries->pdata[0], "list.move-down", NULL));
  gtm_test_settle ();
  moved = swapped (added, 0, 1);
  assert_goals (&f, goals, (const char * const *) moved);

  /* The moved goal keeps the focus; Alt+Down moves it on. */
  g_ptr_array_unref (entries);
  entries = gtm_test_find_all (goals, ADW_TYPE_ENTRY_ROW);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (goals)),
                                         entries->pdata[1]));
  gtm_test_keys ("alt+Down", NULL);
  moved_again = swapped (moved, 1, 2);
  assert_goals (&f, goals, (const char * const *) moved_again);

  /* Remove the last one. */
  g_ptr_array_unref (entries);
  entries = gtm_test_find_all (goals, ADW_TYPE_ENTRY_ROW);
  g_assert_true (gtk_widget_activate_action (entries->pdata[n], "list.remove", NULL));
  gtm_test_settle ();
  removed = g_strdupv (moved_again);
  g_clear_pointer (&removed[n], g_free);
  assert_goals (&f, goals, (const char * const *) removed);
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, base + 7);

  /* Saved as it stands. */
  gtm_window_save_to_file (f.window, file);
  gtm_test_wait_until (!gtm_history_get_modified (f.history));

  /* Ctrl+Z steps back one action, one run of typing, at a time, and the
   * form follows. */
  gtk_widget_grab_focus (name_row);
  gtm_test_settle ();
  gtm_test_keys ("ctrl+z", NULL);
  assert_goals (&f, goals, (const char * const *) moved_again);
  gtm_test_keys ("ctrl+z", NULL);
  assert_goals (&f, goals, (const char * const *) moved);
  gtm_test_keys ("ctrl+z", NULL);
  assert_goals (&f, goals, (const char * const *) added);
  gtm_test_keys ("ctrl+z", NULL);
  g_free (added[n]);
  added[n] = g_strdup ("");
  assert_goals (&f, goals, (const char * const *) added);
  gtm_test_keys ("ctrl+z", NULL);
  assert_goals (&f, goals, (const char * const *) old_goals);
  g_assert_cmpstr (gtm_persona_get_job_title (f.persona), ==, "VP Growth");
  gtm_test_keys ("ctrl+z", NULL);
  g_assert_cmpstr (gtm_persona_get_job_title (f.persona), ==, old_job);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (job_row)), ==, old_job);
  assert_name (&f, name_row, "Ada 王");
  gtm_test_keys ("ctrl+z", NULL);
  assert_name (&f, name_row, old_name);
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, base);
  gtm_test_close_all ();

  /* The file holds the edits. */
  f = (Form) { 0 };
  g_assert_true (form_open (&f, file));
  {
    g_auto(GStrv) goals_read = get_strv (f.persona, "goals");

    g_assert_cmpstr (gtm_persona_get_name (f.persona), ==, "Ada 王");
    g_assert_cmpstr (gtm_persona_get_job_title (f.persona), ==, "VP Growth");
    g_assert_cmpstrv (goals_read, removed);
    assert_name (&f, gtm_test_find_row (GTK_WIDGET (f.page), ADW_TYPE_PREFERENCES_ROW, "Name"), "Ada 王");
  }

  gtm_test_close_all ();
}

/* Text in a number field is marked and never reaches the model. */
static void
test_age_error (void)
{
  Form f = { 0 };
  GtkWidget *age_row;
  int age;
  guint base;

  if (!open_sample (&f))
    return;

  age_row = gtm_test_find_row (GTK_WIDGET (f.page), ADW_TYPE_PREFERENCES_ROW, "Age");
  g_object_get (f.persona, "age", &age, NULL);
  base = gtm_history_get_n_undo (f.history);

  /* "46abc" */
  gtm_test_focus_entry (age_row);
  gtm_test_keys ("End", NULL);
  gtm_test_type ("abc");
  g_assert_true (gtk_widget_has_css_class (age_row, "error"));
  g_assert_true (gtm_test_row_shows_error (age_row, NULL));
  {
    int now;

    g_object_get (f.persona, "age", &now, NULL);
    g_assert_cmpint (now, ==, age);
  }
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, base);

  /* A good number clears the mark and is written. */
  gtm_test_keys ("ctrl+a", NULL);
  gtm_test_type ("47");
  gtm_test_wait_until ((g_object_get (f.persona, "age", &age, NULL), age == 47));
  g_assert_false (gtk_widget_has_css_class (age_row, "error"));
  g_assert_false (gtm_test_row_shows_error (age_row, NULL));
  g_object_get (f.persona, "age", &age, NULL);
  g_assert_cmpint (age, ==, 47);

  /* Empty is unknown: 0. */
  gtm_test_keys ("ctrl+a", "BackSpace", "Tab", NULL);
  gtm_test_wait_until ((g_object_get (f.persona, "age", &age, NULL), age == 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (age_row)), ==, "");

  gtm_test_close_all ();
}

/* A slider added from the presets; arrow keys on it are one step. */
static void
test_trait_slider (void)
{
  Form f = { 0 };
  GtkWidget *personality;
  GListModel *traits;
  g_autoptr(GPtrArray) scales = NULL;
  g_autoptr(GtmTrait) trait = NULL;
  GtkWidget *scale;
  guint base, n;

  if (!open_sample (&f))
    return;

  personality = gtm_test_find_group (GTK_WIDGET (f.page), "Personality");
  traits = gtm_persona_get_personality (f.persona);
  n = g_list_model_get_n_items (traits);
  base = gtm_history_get_n_undo (f.history);

  gtk_widget_activate_action (GTK_WIDGET (f.page), "persona.add-trait", "i", 0);
  gtm_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (traits), ==, n + 1);
  trait = g_list_model_get_item (traits, n);
  g_assert_cmpstr (gtm_trait_get_left (trait), ==, "Introvert");
  g_assert_cmpstr (gtm_trait_get_right (trait), ==, "Extrovert");
  g_assert_cmpint (gtm_trait_get_value (trait), ==, GTM_TRAIT_VALUE_DEFAULT);
  g_assert_nonnull (gtm_test_find_row (personality, ADW_TYPE_PREFERENCES_ROW, "Introvert – Extrovert"));
  g_assert_true (gtm_test_widget_shows_text (personality, "Introvert"));
  g_assert_true (gtm_test_widget_shows_text (personality, "Extrovert"));

  /* The new slider has the focus. */
  scales = gtm_test_find_all (personality, GTK_TYPE_SCALE);
  g_assert_cmpuint (scales->len, ==, n + 1);
  scale = scales->pdata[n];
  g_assert_true (gtk_widget_has_focus (scale));

  gtm_test_keys ("Right", "Right", "Right", NULL);
  gtm_test_wait_until (gtm_trait_get_value (trait) == GTM_TRAIT_VALUE_DEFAULT + 3);
  g_assert_cmpint (gtm_trait_get_value (trait), ==, GTM_TRAIT_VALUE_DEFAULT + 3);
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, base + 2);

  gtm_test_keys ("ctrl+z", NULL);
  g_assert_cmpint (gtm_trait_get_value (trait), ==, GTM_TRAIT_VALUE_DEFAULT);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (scale)), ==, GTM_TRAIT_VALUE_DEFAULT);
  g_assert_cmpuint (g_list_model_get_n_items (traits), ==, n + 1);

  /* Renaming an end shows on the slider. */
  gtm_history_set (f.history, GTM_NODE (trait), "left", "Quiet", NULL);
  g_assert_true (gtm_test_widget_shows_text (personality, "Quiet"));
  gtm_history_undo (f.history);

  gtm_test_keys ("ctrl+z", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (traits), ==, n);
  g_ptr_array_unref (scales);
  scales = gtm_test_find_all (personality, GTK_TYPE_SCALE);
  g_assert_cmpuint (scales->len, ==, n);

  gtm_test_close_all ();
}

static gboolean
drop_file (Form  *f,
           GFile *file)
{
  GtkWidget *avatar = gtk_widget_get_first_child (GTK_WIDGET (f->page));
  g_autoptr(GPtrArray) avatars = gtm_test_find_all (avatar, ADW_TYPE_AVATAR);

  return gtm_test_drop_file (avatars->pdata[0], file);
}

/* A dropped image becomes the picture, square and small, as one step;
 * Remove Image and undo; a broken file is an error toast. */
static void
test_avatar (void)
{
  Form f = { 0 };
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autoptr(GFile) wide = gtm_test_write_png (dir, "wide.png", 900, 600);
  g_autofree char *broken_path = g_build_filename (dir, "broken.png", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GError) error = NULL;
  GtkWidget *remove_button;
  AdwToast *toast;
  guint width, height, base;

  if (!open_sample (&f))
    return;

  gtm_history_set (f.history, GTM_NODE (f.persona), "avatar", NULL, NULL);
  base = gtm_history_get_n_undo (f.history);
  remove_button = gtm_test_find_button (GTK_WIDGET (f.page), "_Remove Image");
  g_assert_false (gtk_widget_get_visible (remove_button));

  g_assert_true (drop_file (&f, wide));
  gtm_test_wait_until (gtm_persona_get_avatar (f.persona) != NULL);
  g_assert_true (gtm_image_check_data (gtm_persona_get_avatar (f.persona), "image/png",
                                       &width, &height, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (width, ==, GTM_PERSONA_PAGE_AVATAR_SIDE);
  g_assert_cmpuint (height, ==, GTM_PERSONA_PAGE_AVATAR_SIDE);
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, base + 1);
  g_assert_true (gtk_widget_get_visible (remove_button));

  /* Remove Image, then undo it. */
  gtm_test_click_button (GTK_WIDGET (f.page), "_Remove Image");
  g_assert_null (gtm_persona_get_avatar (f.persona));
  g_assert_false (gtk_widget_get_visible (remove_button));
  gtm_history_undo (f.history);
  g_assert_nonnull (gtm_persona_get_avatar (f.persona));
  gtm_history_undo (f.history);
  g_assert_null (gtm_persona_get_avatar (f.persona));

  /* Not an image: an error, no change. */
  g_file_set_contents (broken_path, "\x89PNG\r\n\x1a\n but then nothing of the kind", -1, &error);
  g_assert_no_error (error);
  base = gtm_history_get_n_undo (f.history);
  g_assert_true (drop_file (&f, broken));
  gtm_test_wait_until ((toast = gtm_window_get_error_toast (f.window)) != NULL);
  g_assert_true (strstr (adw_toast_get_title (toast), "picture") != NULL);
  g_assert_null (gtm_persona_get_avatar (f.persona));
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, base);

  gtm_test_close_all ();
}

/* Buyer personas show the profile, user personas their jobs; switching
 * keeps what the hidden groups hold. */
static void
test_kind_groups (void)
{
  Form f = { 0 };
  GtkWidget *kind_row, *profile, *jobs;
  g_autofree char *job_title = NULL;

  if (!open_sample (&f))
    return;

  kind_row = gtm_test_find_row (GTK_WIDGET (f.page), ADW_TYPE_PREFERENCES_ROW, "Kind");
  profile = gtm_test_find_group (GTK_WIDGET (f.page), "Profile");
  jobs = gtm_test_find_group (GTK_WIDGET (f.page), "Jobs to Be Done");
  job_title = get_string (f.persona, "job-title");
  g_assert_true (gtk_widget_get_visible (profile));
  g_assert_false (gtk_widget_get_visible (jobs));

  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), 1);
  g_assert_true (gtm_persona_get_kind (f.persona) == GTM_PERSONA_KIND_USER);
  g_assert_false (gtk_widget_get_visible (profile));
  g_assert_true (gtk_widget_get_visible (jobs));
  g_assert_cmpstr (gtm_persona_get_job_title (f.persona), ==, job_title);

  gtm_test_keys ("ctrl+z", NULL);
  g_assert_true (gtm_persona_get_kind (f.persona) == GTM_PERSONA_KIND_BUYER);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, 0);
  g_assert_true (gtk_widget_get_visible (profile));

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_use_own_display (argc, argv);

  /* The input method tests type through GTK's own. */
  g_setenv ("GTK_IM_MODULE", "gtk-im-context-simple", TRUE);
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/persona-form/edit-undo-save", test_edit_undo_save);
  g_test_add_func ("/persona-form/age-error", test_age_error);
  g_test_add_func ("/persona-form/trait-slider", test_trait_slider);
  g_test_add_func ("/persona-form/avatar", test_avatar);
  g_test_add_func ("/persona-form/kind-groups", test_kind_groups);

  return gtm_test_run ();
}
