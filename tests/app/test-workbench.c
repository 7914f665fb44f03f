/* test-workbench.c — the workbench's segments, competitors and SWOT pages
 * driven as a user drives them: the sidebar clicked, names typed through
 * the X server, Ctrl+Z, numbers with their inline errors, lists added to,
 * reordered and trimmed; then saved and read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-workbench"

#include "config.h"

#include "gtm-core.h"
#include "gtm-workbench-page.h"
#include "gtm-test-utils.h"

typedef struct
{
  GtmWindow  *window;
  GtmProject *project;
  GtmHistory *history;
} Bench;

static gboolean
bench_open (Bench *b)
{
  b->window = gtm_test_new_input_window ();
  if (b->window == NULL)
    return FALSE;
  b->project = gtm_document_get_project (gtm_window_get_document (b->window));
  b->history = gtm_project_get_history (b->project);
  gtm_test_settle ();

  return TRUE;
}

/* Tabs to the add row of @group's list and presses Enter, as a keyboard
 * user does. */
static void
activate_add_row (Bench     *b,
                  GtkWidget *group)
{
  GtkWidget *add_row = g_object_get_data (G_OBJECT (group), "gtm-form-add-row");

  g_assert_nonnull (add_row);
  g_assert_true (gtk_widget_grab_focus (add_row));
  gtm_test_settle ();
  gtm_test_keys ("Return", NULL);
  gtm_test_settle ();
}

/* The entry row the keyboard focus is in. */
static GtkWidget *
focused_entry (Bench *b)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (b->window));

  return focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) : NULL;
}

static const char *
entry_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static GtmNode *
nth (GListModel *list,
     guint       index)
{
  g_autoptr(GtmNode) node = g_list_model_get_item (list, index);

  return node; /* owned by the project */
}

/* Tests ------------------------------------------------------------------- */

static void
test_competitor (void)
{
  Bench b = { 0 };
  GListModel *competitors;
  GtkWidget *page, *group, *expander, *name, *tier, *strengths;
  GtmNode *competitor;
  const char * const *list;

  if (!bench_open (&b))
    return;
  competitors = gtm_project_get_competitors (b.project);

  page = gtm_test_show_workbench_page (b.window, "competitors");
  group = gtm_test_find_group (page, "Competitors");
  activate_add_row (&b, group);
  g_assert_cmpuint (g_list_model_get_n_items (competitors), ==, 1);
  competitor = nth (competitors, 0);
  g_assert_cmpuint (gtm_history_get_n_undo (b.history), ==, 1);

  /* The new competitor is open, untitled, and its name has the focus. */
  expander = gtm_test_find_row (group, ADW_TYPE_EXPANDER_ROW, "Unnamed competitor");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==, "Primary competitor");
  name = gtm_test_find_row (expander, ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_true (focused_entry (&b) == name);

  gtm_test_type ("Acme BI");
  gtm_test_wait_until (g_strcmp0 (gtm_competitor_get_name (GTM_COMPETITOR (competitor)), "Acme BI") == 0);
  g_assert_cmpuint (gtm_history_get_n_undo (b.history), ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==, "Acme BI");

  /* The tier, from its drop-down: one step, and the row says which. */
  tier = gtm_test_find_row (expander, ADW_TYPE_COMBO_ROW, "Tier");
  adw_combo_row_set_selected (ADW_COMBO_ROW (tier), GTM_COMPETITOR_TIER_SECONDARY);
  g_assert_cmpint (gtm_competitor_get_tier (GTM_COMPETITOR (competitor)), ==, GTM_COMPETITOR_TIER_SECONDARY);
  g_assert_cmpuint (gtm_history_get_n_undo (b.history), ==, 3);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==, "Secondary competitor");

  /* A strength, typed into the entry the add row makes. */
  strengths = gtm_test_find_group (expander, "Strengths");
  activate_add_row (&b, strengths);
  g_assert_nonnull (focused_entry (&b));
  gtm_test_type ("Big brand");
  gtm_test_wait_until ((list = gtm_node_get_strv (competitor, GTM_COMPETITOR_SLOT_STRENGTHS)) != NULL &&
                       g_strv_length ((GStrv) list) == 1 && g_strcmp0 (list[0], "Big brand") == 0);
  g_assert_cmpuint (gtm_history_get_n_undo (b.history), ==, 5);
  g_assert_true (gtm_test_widget_shows_text (GTK_WIDGET (b.window), "Acme BI"));

  /* Ctrl+Z takes back the whole run of typing, and the entry follows. */
  gtm_test_keys ("ctrl+z", NULL);
  gtm_test_wait_until (gtm_history_get_n_undo (b.history) == 4);
  list = gtm_node_get_strv (competitor, GTM_COMPETITOR_SLOT_STRENGTHS);
  g_assert_cmpuint (g_strv_length ((GStrv) list), ==, 1);
  g_assert_cmpstr (list[0], ==, "");
  g_assert_nonnull (focused_entry (&b));
  g_assert_cmpstr (entry_text (focused_entry (&b)), ==, "");

  /* Ctrl+Shift+Z brings it back. */
  gtm_test_keys ("ctrl+shift+z", NULL);
  gtm_test_wait_until (gtm_history_get_n_undo (b.history) == 5);
  list = gtm_node_get_strv (competitor, GTM_COMPETITOR_SLOT_STRENGTHS);
  g_assert_cmpstr (list[0], ==, "Big brand");
  g_assert_cmpstr (entry_text (gtm_test_find_row (strengths, ADW_TYPE_ENTRY_ROW, NULL)), ==, "Big brand");

  gtm_test_close_all ();
}

static void
test_segment_numbers (void)
{
  Bench b = { 0 };
  GListModel *segments;
  GtkWidget *page, *group, *expander, *size, *priority;
  GtmSegment *segment;

  if (!bench_open (&b))
    return;
  segments = gtm_project_get_segments (b.project);

  page = gtm_test_show_workbench_page (b.window, "segments");
  group = gtm_test_find_group (page, "Zoom In: Segments");
  activate_add_row (&b, group);
  g_assert_cmpuint (g_list_model_get_n_items (segments), ==, 1);
  segment = GTM_SEGMENT (nth (segments, 0));
  gtm_test_type ("Grocery");
  gtm_test_wait_until (g_strcmp0 (gtm_segment_get_name (segment), "Grocery") == 0);
  expander = gtm_test_find_row (group, ADW_TYPE_EXPANDER_ROW, "Grocery");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==, "Priority 3");

  /* Text is refused with a message on the row; the model keeps 0. */
  size = gtm_test_find_row (expander, ADW_TYPE_ENTRY_ROW, "Market size (target customers)");
  gtm_test_focus_entry (size);
  gtm_test_type ("abc");
  gtm_test_wait_until (g_strcmp0 (entry_text (size), "abc") == 0);
  g_assert_true (gtk_widget_has_css_class (size, "error"));
  g_assert_true (gtm_test_widget_shows_text (size, "“abc” is not a number."));
  g_assert_cmpfloat (gtm_segment_get_market_size (segment), ==, 0);

  /* A number in the C locale's own writing. */
  gtm_test_keys ("ctrl+a", NULL);
  gtm_test_type ("1.5");
  gtm_test_wait_until (gtm_segment_get_market_size (segment) == 1.5);
  g_assert_false (gtk_widget_has_css_class (size, "error"));
  g_assert_false (gtm_test_widget_shows_text (size, "“abc” is not a number."));

  /* A comma groups thousands there. */
  gtm_test_keys ("ctrl+a", NULL);
  gtm_test_type ("1,800");
  gtm_test_wait_until (gtm_segment_get_market_size (segment) == 1800);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "Priority 3 · 1800 target customers");

  /* The priority can't be empty (0): the row asks for a number while the
   * model keeps the last good value. */
  priority = gtm_test_find_row (expander, ADW_TYPE_ENTRY_ROW, "Priority (1 highest, 5 lowest)");
  g_assert_cmpstr (entry_text (priority), ==, "3");
  gtm_test_focus_entry (priority);
  gtm_test_keys ("BackSpace", NULL);
  gtm_test_wait_until (g_strcmp0 (entry_text (priority), "") == 0);
  g_assert_true (gtk_widget_has_css_class (priority, "error"));
  g_assert_true (gtm_test_widget_shows_text (priority, "Enter a number."));
  g_assert_cmpint (gtm_segment_get_priority (segment), ==, 3);
  gtm_test_type ("9");
  gtm_test_wait_until (gtm_test_widget_shows_text (priority, "Enter a number from 1 to 5."));
  g_assert_cmpint (gtm_segment_get_priority (segment), ==, 3);
  gtm_test_keys ("BackSpace", NULL);
  gtm_test_type ("1");
  gtm_test_wait_until (gtm_segment_get_priority (segment) == 1);
  g_assert_false (gtk_widget_has_css_class (priority, "error"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "Priority 1 · 1800 target customers");

  gtm_test_close_all ();
}

static void
test_swot (void)
{
  Bench b = { 0 };
  GtkWidget *page, *group;
  GtmNode *swot;
  const char * const *list;

  if (!bench_open (&b))
    return;
  swot = gtm_project_get_swot (b.project);

  page = gtm_test_show_workbench_page (b.window, "swot");
  g_assert_nonnull (gtm_test_find_group (page, "Weaknesses"));
  g_assert_nonnull (gtm_test_find_group (page, "Opportunities"));
  g_assert_nonnull (gtm_test_find_group (page, "Threats"));
  group = gtm_test_find_group (page, "Strengths");

  activate_add_row (&b, group);
  gtm_test_type ("Fast setup");
  activate_add_row (&b, group);
  gtm_test_type ("Local support");
  gtm_test_wait_until ((list = gtm_swot_get_strengths (GTM_SWOT (swot))) != NULL &&
                       g_strv_length ((GStrv) list) == 2 && g_strcmp0 (list[1], "Local support") == 0);
  g_assert_cmpstr (list[0], ==, "Fast setup");

  /* Alt+Up moves the entry being typed in above the other, focus and all. */
  gtm_test_keys ("alt+Up", NULL);
  gtm_test_wait_until (g_strcmp0 (gtm_swot_get_strengths (GTM_SWOT (swot))[0], "Local support") == 0);
  list = gtm_swot_get_strengths (GTM_SWOT (swot));
  g_assert_cmpstr (list[1], ==, "Fast setup");
  g_assert_nonnull (focused_entry (&b));
  g_assert_cmpstr (entry_text (focused_entry (&b)), ==, "Local support");

  /* Remove, from the first entry's menu, leaves the other. */
  g_assert_true (gtk_widget_activate_action (gtm_test_find_row (group, ADW_TYPE_ENTRY_ROW, NULL),
                                             "list.remove", NULL));
  gtm_test_wait_until (g_strv_length ((GStrv) gtm_swot_get_strengths (GTM_SWOT (swot))) == 1);
  g_assert_cmpstr (gtm_swot_get_strengths (GTM_SWOT (swot))[0], ==, "Fast setup");
  g_assert_false (gtm_test_widget_shows_text (group, "Local support"));

  /* Undo brings it back where it was. */
  gtm_history_undo (b.history);
  list = gtm_swot_get_strengths (GTM_SWOT (swot));
  g_assert_cmpuint (g_strv_length ((GStrv) list), ==, 2);
  g_assert_cmpstr (list[0], ==, "Local support");

  gtm_test_close_all ();
}

/* Every page fills in from the sample, and a project edited on the pages
 * reads back the same. */
static void
test_save_reopen (void)
{
  Bench b = { 0 };
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "workbench.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtmDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *group, *expander;
  GtmProject *project;
  GtmNode *competitor, *segment;
  const char * const *list;

  if (!bench_open (&b))
    return;

  /* A candidate market, a segment and a competitor, filled in through
   * their pages. */
  page = gtm_test_show_workbench_page (b.window, "segments");
  activate_add_row (&b, gtm_test_find_group (page, "Zoom Out: Candidate Markets"));
  gtm_test_type ("Pharmacy chains");
  gtm_test_wait_until ((list = gtm_node_get_strv (GTM_NODE (b.project), GTM_PROJECT_SLOT_CANDIDATE_MARKETS)) != NULL &&
                       g_strv_length ((GStrv) list) == 1 && g_strcmp0 (list[0], "Pharmacy chains") == 0);
  group = gtm_test_find_group (page, "Zoom In: Segments");
  activate_add_row (&b, group);
  gtm_test_type ("Pharmacies");
  segment = nth (gtm_project_get_segments (b.project), 0);
  gtm_test_wait_until (g_strcmp0 (gtm_segment_get_name (GTM_SEGMENT (segment)), "Pharmacies") == 0);
  expander = gtm_test_find_row (group, ADW_TYPE_EXPANDER_ROW, "Pharmacies");
  gtm_test_focus_entry (gtm_test_find_row (expander, ADW_TYPE_ENTRY_ROW, "Market size (target customers)"));
  gtm_test_type ("950");
  gtm_test_focus_entry (gtm_test_find_row (expander, ADW_TYPE_ENTRY_ROW, "Priority (1 highest, 5 lowest)"));
  gtm_test_type ("2");
  gtm_test_wait_until (gtm_segment_get_priority (GTM_SEGMENT (segment)) == 2);

  page = gtm_test_show_workbench_page (b.window, "competitors");
  group = gtm_test_find_group (page, "Competitors");
  activate_add_row (&b, group);
  gtm_test_type ("SheetFlow");
  competitor = nth (gtm_project_get_competitors (b.project), 0);
  gtm_test_wait_until (g_strcmp0 (gtm_competitor_get_name (GTM_COMPETITOR (competitor)), "SheetFlow") == 0);
  expander = gtm_test_find_row (group, ADW_TYPE_EXPANDER_ROW, "SheetFlow");
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtm_test_find_row (expander, ADW_TYPE_COMBO_ROW, "Tier")),
                              GTM_COMPETITOR_TIER_TERTIARY);
  activate_add_row (&b, gtm_test_find_group (expander, "Landmines"));
  gtm_test_type ("Ask who checks the formulas");
  gtm_test_focus_entry (gtm_test_find_row (expander, ADW_TYPE_ENTRY_ROW, "Pricing"));
  gtm_test_type ("30 a month");
  gtm_test_wait_until (g_strcmp0 (gtm_node_get_string (competitor, GTM_COMPETITOR_SLOT_PRICING), "30 a month") == 0);

  page = gtm_test_show_workbench_page (b.window, "swot");
  activate_add_row (&b, gtm_test_find_group (page, "Threats"));
  gtm_test_type ("Free suites");
  gtm_test_wait_until ((list = gtm_swot_get_threats (GTM_SWOT (gtm_project_get_swot (b.project)))) != NULL &&
                       g_strv_length ((GStrv) list) == 1 && g_strcmp0 (list[0], "Free suites") == 0);

  g_assert_true (gtm_document_save (gtm_window_get_document (b.window), file, NULL, &error));
  g_assert_no_error (error);
  gtm_test_close_all ();

  reopened = gtm_document_load (file, NULL, &error);
  g_assert_no_error (error);
  project = gtm_document_get_project (reopened);

  list = gtm_node_get_strv (GTM_NODE (project), GTM_PROJECT_SLOT_CANDIDATE_MARKETS);
  g_assert_cmpstr (list[0], ==, "Pharmacy chains");
  segment = nth (gtm_project_get_segments (project), 0);
  g_assert_cmpstr (gtm_segment_get_name (GTM_SEGMENT (segment)), ==, "Pharmacies");
  g_assert_cmpfloat (gtm_segment_get_market_size (GTM_SEGMENT (segment)), ==, 950);
  g_assert_cmpint (gtm_segment_get_priority (GTM_SEGMENT (segment)), ==, 2);

  competitor = nth (gtm_project_get_competitors (project), 0);
  g_assert_cmpstr (gtm_competitor_get_name (GTM_COMPETITOR (competitor)), ==, "SheetFlow");
  g_assert_cmpint (gtm_competitor_get_tier (GTM_COMPETITOR (competitor)), ==, GTM_COMPETITOR_TIER_TERTIARY);
  g_assert_cmpstr (gtm_node_get_string (competitor, GTM_COMPETITOR_SLOT_PRICING), ==, "30 a month");
  list = gtm_node_get_strv (competitor, GTM_COMPETITOR_SLOT_LANDMINES);
  g_assert_cmpuint (g_strv_length ((GStrv) list), ==, 1);
  g_assert_cmpstr (list[0], ==, "Ask who checks the formulas");

  list = gtm_swot_get_threats (GTM_SWOT (gtm_project_get_swot (project)));
  g_assert_cmpuint (g_strv_length ((GStrv) list), ==, 1);
  g_assert_cmpstr (list[0], ==, "Free suites");
}

/* The sample's segments, in their order of priority, and its competitors
 * with their tiers, each page in its place in the sidebar. */
static void
test_sample (void)
{
  g_autoptr(GFile) sample = gtm_test_get_sample ();
  static const char * const order[] = { "brief", "segments", "competitors", "swot" };
  GtmWindow *window;
  GtkWidget *page, *group, *expander;
  Bench b = { 0 };
  guint n_pages;
  const GtmWorkbenchPageInfo *infos = gtm_workbench_page_get_infos (&n_pages);

  g_assert_cmpuint (n_pages, >=, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (infos[i].name, ==, order[i]);

  if (!gtm_test_can_send_input ())
    {
      g_test_skip ("needs an X display and xdotool");
      return;
    }

  window = gtm_test_open (sample);
  b.window = window;
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  page = gtm_test_show_workbench_page (b.window, "segments");
  group = gtm_test_find_group (page, "Zoom In: Segments");
  expander = gtm_test_find_row (group, ADW_TYPE_EXPANDER_ROW, "Regional supermarket chains 区域连锁超市");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "Priority 1 · 1800 target customers");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  g_assert_cmpstr (entry_text (gtm_test_find_row (expander, ADW_TYPE_ENTRY_ROW, "Market size (target customers)")),
                   ==, "1800");
  gtm_test_screenshot ("workbench-segments");

  page = gtm_test_show_workbench_page (b.window, "competitors");
  expander = gtm_test_find_row (gtm_test_find_group (page, "Competitors"), ADW_TYPE_EXPANDER_ROW, "Northwind BI");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==, "Secondary competitor");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  group = gtm_test_find_group (expander, "Landmines");
  g_assert_cmpstr (entry_text (gtm_test_find_row (group, ADW_TYPE_ENTRY_ROW, NULL)), ==,
                   "Ask who will build the data model");
  gtm_test_screenshot ("workbench-competitors");

  page = gtm_test_show_workbench_page (b.window, "swot");
  g_assert_nonnull (gtm_test_find_group (page, "Opportunities"));
  gtm_test_screenshot ("workbench-swot");

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_use_own_display (argc, argv);
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/workbench/competitor", test_competitor);
  g_test_add_func ("/workbench/segment-numbers", test_segment_numbers);
  g_test_add_func ("/workbench/swot", test_swot);
  g_test_add_func ("/workbench/save-reopen", test_save_reopen);
  g_test_add_func ("/workbench/sample", test_sample);

  return gtm_test_run ();
}
