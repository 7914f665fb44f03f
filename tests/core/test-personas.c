/* test-personas.c — adding, duplicating, renaming, moving and removing
 * personas, each one undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gtm-core.h"

static GtmPersona *
persona_at (GtmProject *project,
            guint       index)
{
  g_autoptr(GtmPersona) persona = g_list_model_get_item (gtm_project_get_personas (project), index);

  return persona; /* the project keeps it */
}

static guint
n_personas (GtmProject *project)
{
  return g_list_model_get_n_items (gtm_project_get_personas (project));
}

static const char *
undo_label (GtmProject *project)
{
  return gtm_history_get_undo_label (gtm_project_get_history (project));
}

static GtmProject *
read_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GTM_SAMPLES_DIR"), "saas-launch.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtmProject *project = gtm_format_read_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

/* Whether two values of the field @pspec are the same: boxed ones by
 * what they hold. */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (pspec->value_type == G_TYPE_STRV)
    {
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);

      return (x == NULL && y == NULL) ||
             (x != NULL && y != NULL && g_strv_equal (x, y));
    }

  if (pspec->value_type == G_TYPE_BYTES)
    {
      GBytes *x = g_value_get_boxed (a);
      GBytes *y = g_value_get_boxed (b);

      return (x == NULL && y == NULL) || (x != NULL && y != NULL && g_bytes_equal (x, y));
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* New personas are numbered per kind, skipping names taken; each is one
 * step that undo takes away and redo brings back. */
static void
test_add (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GError) error = NULL;
  GtmPersona *buyer, *user, *named, *next;

  buyer = gtm_project_add_persona (project, GTM_PERSONA_KIND_BUYER, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtm_persona_get_name (buyer), ==, "Buyer persona 1");
  g_assert_cmpint (gtm_persona_get_kind (buyer), ==, GTM_PERSONA_KIND_BUYER);
  g_assert_cmpstr (undo_label (project), ==, "Add Persona");
  g_assert_true (gtm_node_get_root (GTM_NODE (buyer)) == GTM_NODE (project));

  user = gtm_project_add_persona (project, GTM_PERSONA_KIND_USER, 1, NULL, &error);
  g_assert_cmpstr (gtm_persona_get_name (user), ==, "User persona 1");
  g_assert_cmpint (gtm_persona_get_kind (user), ==, GTM_PERSONA_KIND_USER);

  named = gtm_project_add_persona (project, GTM_PERSONA_KIND_BUYER, 0, "CFO 财务总监", &error);
  g_assert_no_error (error);
  g_assert_true (persona_at (project, 0) == named);
  g_assert_true (persona_at (project, 1) == buyer);
  g_assert_true (persona_at (project, 2) == user);
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 3);

  /* "Buyer persona 3": two buyers have it, and no other persona's name
   * is "Buyer persona 3". A name taken is skipped. */
  g_assert_true (gtm_project_rename_persona (project, user, "Buyer persona 3", &error));
  next = gtm_project_add_persona (project, GTM_PERSONA_KIND_BUYER, 3, NULL, &error);
  g_assert_cmpstr (gtm_persona_get_name (next), ==, "Buyer persona 4");

  gtm_history_undo (history);
  gtm_history_undo (history);
  g_assert_cmpuint (n_personas (project), ==, 3);
  gtm_history_undo (history);
  gtm_history_undo (history);
  gtm_history_undo (history);
  g_assert_cmpuint (n_personas (project), ==, 0);
  g_assert_false (gtm_history_get_modified (history));
  g_assert_null (gtm_node_get_parent (GTM_NODE (buyer)));

  gtm_history_redo (history);
  g_assert_true (persona_at (project, 0) == buyer);
  g_assert_cmpstr (gtm_persona_get_name (buyer), ==, "Buyer persona 1");
}

/* Renaming trims the name; a name the format refuses is refused with the
 * checks boards have, worded for personas. */
static void
test_rename (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (GTM_FORMAT_MAX_LINE_LENGTH + 1, 'x');
  GtmPersona *persona = gtm_project_add_persona (project, GTM_PERSONA_KIND_USER, 0, "Lily", &error);

  g_assert_true (gtm_project_rename_persona (project, persona, "  李丽 Lily Li ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtm_persona_get_name (persona), ==, "李丽 Lily Li");
  g_assert_cmpstr (undo_label (project), ==, "Rename Persona");
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 2);

  /* The same name records nothing. */
  g_assert_true (gtm_project_rename_persona (project, persona, "李丽 Lily Li", &error));
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 2);

  g_assert_false (gtm_project_rename_persona (project, persona, "  ", &error));
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A persona needs a name.");
  g_clear_error (&error);

  g_assert_false (gtm_project_check_persona_name ("Lily\nLi", &error));
  g_assert_cmpstr (error->message, ==, "A persona’s name is one line.");
  g_clear_error (&error);

  g_assert_false (gtm_project_rename_persona (project, persona, long_name, &error));
  g_assert_cmpstr (error->message, ==, "This name is too long.");
  g_clear_error (&error);

  /* The board's checks are unchanged. */
  g_assert_false (gtm_project_check_board_name ("", &error));
  g_assert_cmpstr (error->message, ==, "A board needs a name.");
  g_clear_error (&error);

  g_assert_cmpstr (gtm_persona_get_name (persona), ==, "李丽 Lily Li");
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 2);

  gtm_history_undo (history);
  g_assert_cmpstr (gtm_persona_get_name (persona), ==, "Lily");
  gtm_history_redo (history);
  g_assert_cmpstr (gtm_persona_get_name (persona), ==, "李丽 Lily Li");
}

/* A duplicate is a deep copy right after the original: every field the
 * same but the id and the name, its own personality sliders. */
static void
test_duplicate (void)
{
  g_autoptr(GtmProject) project = read_sample ();
  GtmHistory *history = gtm_project_get_history (project);
  guint n = n_personas (project);
  GtmPersona *original = persona_at (project, 0);
  GtmPersona *next = persona_at (project, 1);
  g_autofree char *copy_name = g_strdup_printf ("%s (Copy)", gtm_persona_get_name (original));
  g_autofree char *copy2_name = g_strdup_printf ("%s (Copy 2)", gtm_persona_get_name (original));
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (original);
  GListModel *sliders, *copied_sliders;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GtmProject) reread = NULL;
  GtmPersona *copy, *again;
  guint n_fields_compared = 0;
  guint n_undo;

  /* Two sliders to copy; the project as it was opened after that. */
  sliders = gtm_persona_get_personality (original);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GtmTrait) trait = gtm_trait_new ("Introvert", "Extrovert", 20 + 50 * i);

      gtm_history_insert (history, GTM_NODE (original), "personality", i, GTM_NODE (trait));
    }
  gtm_history_mark_saved (history, gtm_history_get_state (history));
  n_undo = gtm_history_get_n_undo (history);

  copy = gtm_project_duplicate_persona (project, original, &error);
  g_assert_no_error (error);
  g_assert_true (persona_at (project, 1) == copy);
  g_assert_true (persona_at (project, 2) == next);
  g_assert_cmpuint (n_personas (project), ==, n + 1);
  g_assert_cmpstr (gtm_persona_get_name (copy), ==, copy_name);
  g_assert_cmpstr (gtm_node_get_id (GTM_NODE (copy)), !=, gtm_node_get_id (GTM_NODE (original)));
  g_assert_true (g_str_has_prefix (gtm_node_get_id (GTM_NODE (copy)), "persona-"));
  g_assert_cmpstr (undo_label (project), ==, "Duplicate Persona");
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, n_undo + 1);

  for (guint i = 0; i < gtm_node_class_get_n_fields (klass); i++)
    {
      GParamSpec *pspec = gtm_node_class_get_field (klass, i);

      if (strcmp (pspec->name, "id") == 0 || strcmp (pspec->name, "name") == 0)
        continue;

      g_assert_true (values_equal (pspec,
                                   gtm_node_peek_value (GTM_NODE (copy), pspec->param_id),
                                   gtm_node_peek_value (GTM_NODE (original), pspec->param_id)));
      n_fields_compared++;
    }
  g_assert_cmpuint (n_fields_compared, >=, 19);
  g_assert_nonnull (gtm_persona_get_job_title (copy));
  g_assert_cmpstr (gtm_persona_get_job_title (copy), ==, gtm_persona_get_job_title (original));

  /* The sliders are copies, with ids of their own. */
  copied_sliders = gtm_persona_get_personality (copy);
  g_assert_cmpuint (g_list_model_get_n_items (copied_sliders), ==, g_list_model_get_n_items (sliders));
  for (guint i = 0; i < g_list_model_get_n_items (sliders); i++)
    {
      g_autoptr(GtmTrait) a = g_list_model_get_item (sliders, i);
      g_autoptr(GtmTrait) b = g_list_model_get_item (copied_sliders, i);

      g_assert_true (a != b);
      g_assert_cmpstr (gtm_node_get_id (GTM_NODE (a)), !=, gtm_node_get_id (GTM_NODE (b)));
      g_assert_true (g_str_has_prefix (gtm_node_get_id (GTM_NODE (b)), "trait-"));
      g_assert_cmpstr (gtm_trait_get_left (a), ==, gtm_trait_get_left (b));
      g_assert_cmpstr (gtm_trait_get_right (a), ==, gtm_trait_get_right (b));
      g_assert_cmpint (gtm_trait_get_value (a), ==, gtm_trait_get_value (b));
      g_assert_true (gtm_node_get_parent (GTM_NODE (b)) == GTM_NODE (copy));
    }

  /* Ids are unique in the whole project: it saves and reads back. */
  g_assert_true (gtm_format_validate (project, &error));
  g_assert_no_error (error);
  saved = gtm_format_write_bytes (project);
  reread = gtm_format_read_bytes (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_personas (reread), ==, n + 1);

  /* Changing the copy leaves the original alone. */
  {
    g_autoptr(GtmTrait) slider = g_list_model_get_item (copied_sliders, 0);
    g_autoptr(GtmTrait) source = g_list_model_get_item (sliders, 0);
    int value = gtm_trait_get_value (source);

    gtm_history_set (history, GTM_NODE (copy), "job-title", "Intern", NULL);
    gtm_history_set (history, GTM_NODE (slider), "value", value == 0 ? 100 : 0, NULL);
    g_assert_cmpstr (gtm_persona_get_job_title (original), !=, "Intern");
    g_assert_cmpint (gtm_trait_get_value (source), ==, value);
    gtm_history_undo (history);
    gtm_history_undo (history);
  }

  /* A second copy gets a name of its own. */
  again = gtm_project_duplicate_persona (project, original, &error);
  g_assert_cmpstr (gtm_persona_get_name (again), ==, copy2_name);
  g_assert_true (persona_at (project, 1) == again);
  g_assert_true (persona_at (project, 2) == copy);

  gtm_history_undo (history);
  gtm_history_undo (history);
  g_assert_cmpuint (n_personas (project), ==, n);
  g_assert_null (gtm_node_get_parent (GTM_NODE (copy)));
  g_assert_false (gtm_history_get_modified (history));

  gtm_history_redo (history);
  g_assert_true (persona_at (project, 1) == copy);
  g_assert_cmpuint (g_list_model_get_n_items (gtm_persona_get_personality (copy)), ==,
                    g_list_model_get_n_items (sliders));
}

/* A persona saved without a name is copied with one. */
static void
test_duplicate_unnamed (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  g_autoptr(GtmPersona) unnamed = gtm_persona_new (GTM_PERSONA_KIND_USER, NULL);
  g_autoptr(GError) error = NULL;
  GtmPersona *copy;

  gtm_history_insert (gtm_project_get_history (project), GTM_NODE (project), "personas", 0,
                      GTM_NODE (unnamed));
  copy = gtm_project_duplicate_persona (project, unnamed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtm_persona_get_name (copy), ==, "Unnamed Persona (Copy)");
  g_assert_cmpint (gtm_persona_get_kind (copy), ==, GTM_PERSONA_KIND_USER);
}

/* Moving is one step; removing a persona unlinks its key messages in the
 * same step. */
static void
test_move_remove (void)
{
  g_autoptr(GtmProject) project = read_sample ();
  GtmHistory *history = gtm_project_get_history (project);
  guint n = n_personas (project);
  GtmPersona *first = persona_at (project, 0);
  GtmPersona *second = persona_at (project, 1);
  GtmPersona *last = persona_at (project, n - 1);

  g_assert_cmpuint (n, >=, 3);

  gtm_project_move_persona (project, 0, n - 1);
  g_assert_true (persona_at (project, 0) == second);
  g_assert_true (persona_at (project, n - 1) == first);
  g_assert_true (persona_at (project, n - 2) == last);
  g_assert_cmpstr (undo_label (project), ==, "Move Persona");
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 1);

  gtm_history_undo (history);
  g_assert_true (persona_at (project, 0) == first);
  g_assert_false (gtm_history_get_modified (history));
  gtm_history_redo (history);
  g_assert_true (persona_at (project, n - 1) == first);

  gtm_project_remove_persona (project, GTM_NODE (first));
  g_assert_cmpuint (n_personas (project), ==, n - 1);
  g_assert_cmpstr (undo_label (project), ==, "Delete Persona");
  gtm_history_undo (history);
  g_assert_true (persona_at (project, n - 1) == first);
}

/* A full project refuses another persona, with a reason. */
static void
test_limit (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  GListStore *personas = G_LIST_STORE (gtm_project_get_personas (project));
  g_autoptr(GError) error = NULL;
  GtmPersona *first;

  for (guint i = 0; i < GTM_PROJECT_MAX_ENTRIES; i++)
    {
      g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_BUYER, "P");

      g_list_store_append (personas, persona);
    }

  g_assert_null (gtm_project_add_persona (project, GTM_PERSONA_KIND_USER, 0, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "no room for another persona"));
  g_clear_error (&error);

  first = persona_at (project, 0);
  g_assert_null (gtm_project_duplicate_persona (project, first, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (gtm_history_get_n_undo (gtm_project_get_history (project)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

  g_test_add_func ("/personas/add", test_add);
  g_test_add_func ("/personas/rename", test_rename);
  g_test_add_func ("/personas/duplicate", test_duplicate);
  g_test_add_func ("/personas/duplicate-unnamed", test_duplicate_unnamed);
  g_test_add_func ("/personas/move-remove", test_move_remove);
  g_test_add_func ("/personas/limit", test_limit);

  return g_test_run ();
}
