/* test-format.c — the .gtm reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Besides the tests, two helper modes keep the repository honest:
 *   test-format --update-doc docs/file-format.md   regenerates the field tables
 *   test-format --rewrite FILE…                   rewrites files as the writer would
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "gtm-core.h"

/* ------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------ */

static char *
test_data_path (const char *first,
                ...)
{
  const char *root = g_getenv ("GTM_TEST_DATA");
  g_autofree char *tail = NULL;
  va_list args;

  va_start (args, first);
  tail = g_build_filename_valist (first, &args);
  va_end (args);

  if (root == NULL)
    return g_test_build_filename (G_TEST_DIST, "..", "data", tail, NULL);

  return g_build_filename (root, tail, NULL);
}

static char *
doc_path (void)
{
  /* G_TEST_SRCDIR is tests/ under meson. */
  return g_test_build_filename (G_TEST_DIST, "..", "docs", "file-format.md", NULL);
}

static GBytes *
load_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

static GtmProject *
load_project (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtmProject *project;

  project = gtm_format_read_file (file, NULL, &error);
  if (error != NULL)
    g_test_message ("%s: %s", path, error->message);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static GtmProject *
read_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  GtmProject *project = gtm_format_read_bytes (bytes, &error);

  if (error != NULL)
    g_test_message ("refused: %s", error->message);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static GtmProject *
read_string (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return read_ok (bytes);
}

static gpointer
list_item (GListModel *list,
           guint       index)
{
  GObject *item = g_list_model_get_item (list, index);

  g_assert_nonnull (item);
  /* The list keeps it alive. */
  g_object_unref (item);

  return item;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  static const char * const none[] = { NULL };

  return g_strv_equal ((const char * const *) (a ? a : none),
                       (const char * const *) (b ? b : none));
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRV)
    return strv_equal0 (g_value_get_boxed (a), g_value_get_boxed (b));

  if (type == G_TYPE_BYTES)
    {
      GBytes *ba = g_value_get_boxed (a);
      GBytes *bb = g_value_get_boxed (b);
      gsize la = ba ? g_bytes_get_size (ba) : 0;
      gsize lb = bb ? g_bytes_get_size (bb) : 0;

      return la == lb && (la == 0 || g_bytes_equal (ba, bb));
    }

  if (G_TYPE_FUNDAMENTAL (type) == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a) ? g_value_get_string (a) : "",
                      g_value_get_string (b) ? g_value_get_string (b) : "") == 0;

  if (type == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);

  return g_param_values_cmp (pspec, a, b) == 0;
}

static char *
describe_value (const GValue *value)
{
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *strv = g_value_get_boxed (value);
      g_autofree char *joined = strv ? g_strjoinv ("|", (char **) strv) : g_strdup ("");

      return g_strdup_printf ("[%s]", joined);
    }
  if (G_VALUE_HOLDS_DOUBLE (value))
    return g_strdup_printf ("%.17g", g_value_get_double (value));

  return g_strdup_value_contents (value);
}

/* Asserts that two trees hold the same saved state. */
static void
assert_nodes_equal (GtmNode    *a,
                    GtmNode    *b,
                    const char *path)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (a);

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (a), ==, G_OBJECT_TYPE_NAME (b));

  for (guint i = 0; i < gtm_node_class_get_n_fields (klass); i++)
    {
      GParamSpec *pspec = gtm_node_class_get_field (klass, i);
      const GValue *va = gtm_node_peek_value (a, pspec->param_id);
      const GValue *vb = gtm_node_peek_value (b, pspec->param_id);

      if (!values_equal (pspec, va, vb))
        {
          g_autofree char *sa = describe_value (va);
          g_autofree char *sb = describe_value (vb);

          g_test_fail_printf ("%s.%s differs: %s vs %s", path, pspec->name, sa, sb);
        }
    }

  for (guint i = 0; i < gtm_node_class_get_n_children (klass); i++)
    {
      const GtmNodeChildInfo *info = gtm_node_class_get_child_info (klass, i);
      g_autofree char *child_path = g_strdup_printf ("%s.%s", path, info->name);

      assert_nodes_equal (gtm_node_get_child_at (a, i), gtm_node_get_child_at (b, i), child_path);
    }

  for (guint i = 0; i < gtm_node_class_get_n_lists (klass); i++)
    {
      const GtmNodeListInfo *info = gtm_node_class_get_list_info (klass, i);
      GListModel *la = G_LIST_MODEL (gtm_node_get_list_at (a, i));
      GListModel *lb = G_LIST_MODEL (gtm_node_get_list_at (b, i));

      g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
      for (guint j = 0; j < g_list_model_get_n_items (la); j++)
        {
          g_autofree char *element_path = g_strdup_printf ("%s.%s[%u]", path, info->name, j);

          assert_nodes_equal (list_item (la, j), list_item (lb, j), element_path);
        }
    }
}

/* read → write → read → write: the two writes are byte-identical and the
 * two models equal. Returns the canonical bytes. */
static GBytes *
assert_round_trip (GBytes *bytes)
{
  g_autoptr(GtmProject) first = read_ok (bytes);
  g_autoptr(GBytes) first_bytes = gtm_format_write_bytes (first);
  g_autoptr(GtmProject) second = read_ok (first_bytes);
  g_autoptr(GBytes) second_bytes = gtm_format_write_bytes (second);

  assert_nodes_equal (GTM_NODE (first), GTM_NODE (second), "project");
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));

  return g_steal_pointer (&first_bytes);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strstr_len (data, len, needle) != NULL;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* A PNG made by cairo, as the image tool would embed. */
static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *array = g_byte_array_new ();

  cairo_set_source_rgba (cr, g_test_rand_double (), g_test_rand_double (), g_test_rand_double (), 1.0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_to_array, array), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}

/* ------------------------------------------------------------------------
 * Fixtures of each format version
 * ------------------------------------------------------------------------ */

static void
test_fixture_v1 (void)
{
  g_autofree char *path = test_data_path ("format-v1.gtm", NULL);
  g_autoptr(GtmProject) project = load_project (path);
  GListModel *boards = gtm_project_get_boards (project);
  GListModel *items;
  GtmItem *item;
  GtmPersona *buyer, *user;
  GtmNode *node;
  guint width = 0, height = 0;
  const char * const *strv;

  g_assert_cmpstr (gtm_project_get_title (project), ==, "灯塔分析 Beacon Analytics — Q3 launch");
  g_assert_cmpstr (gtm_project_get_product_name (project), ==, "Beacon Analytics");
  g_assert_cmpstr (gtm_project_get_language (project), ==, "zh-CN");
  g_assert_cmpstr (gtm_project_get_modified (project), ==, "2024-06-01T17:45:12+08:00");
  g_assert_false (gtm_history_get_modified (gtm_project_get_history (project)));
  g_assert_false (gtm_history_can_undo (gtm_project_get_history (project)));

  /* Boards, with one item of each kind. */
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 2);
  g_assert_cmpstr (gtm_board_get_name (list_item (boards, 0)), ==, "Launch overview 发布总览");
  items = gtm_board_get_items (list_item (boards, 0));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 7);
  g_assert_true (GTM_IS_FRAME (list_item (items, 0)));
  g_assert_true (GTM_IS_NOTE (list_item (items, 1)));
  g_assert_true (GTM_IS_NOTE (list_item (items, 2)));
  g_assert_true (GTM_IS_CONNECTOR (list_item (items, 3)));
  g_assert_true (GTM_IS_TEXT_BOX (list_item (items, 4)));
  g_assert_true (GTM_IS_SHAPE (list_item (items, 5)));
  g_assert_true (GTM_IS_IMAGE (list_item (items, 6)));

  item = list_item (items, 0);
  g_assert_cmpfloat (gtm_item_get_width (item), ==, 900);
  g_assert_true (gtm_item_get_bold (item));
  g_assert_cmpint (gtm_item_get_align (item), ==, GTM_ALIGN_START);
  g_assert_cmpstr (gtm_item_get_text (item), ==, "Phase 1 — Beta");

  item = list_item (items, 1);
  g_assert_cmpfloat (gtm_item_get_x (item), ==, 40);
  g_assert_cmpstr (gtm_item_get_fill (item), ==, "#fff3a3");
  g_assert_cmpstr (gtm_item_get_text (item), ==, "Recruit 10 beta retailers\n招募 10 家内测客户");

  item = list_item (items, 3);
  g_assert_cmpstr (gtm_connector_get_source (GTM_CONNECTOR (item)), ==, "note-1b0000000002");
  g_assert_cmpstr (gtm_connector_get_target (GTM_CONNECTOR (item)), ==, "note-1b0000000003");
  g_assert_true (gtm_connector_get_arrow_end (GTM_CONNECTOR (item)));
  g_assert_cmpstr (gtm_item_get_text (item), ==, "feeds");

  item = list_item (items, 4);
  g_assert_cmpfloat (gtm_item_get_font_size (item), ==, 24);

  item = list_item (items, 5);
  g_assert_cmpint (gtm_shape_get_shape (GTM_SHAPE (item)), ==, GTM_SHAPE_DIAMOND);
  g_assert_cmpstr (gtm_item_get_stroke (item), ==, "#1c71d8");

  /* Saved before items could be grouped or locked: none is. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_assert_cmpstr (gtm_item_get_group (list_item (items, i)), ==, "");
      g_assert_false (gtm_item_get_locked (list_item (items, i)));
    }

  item = list_item (items, 6);
  g_assert_true (gtm_image_check_data (gtm_image_get_data (GTM_IMAGE (item)), "image/png",
                                       &width, &height, NULL));
  g_assert_cmpuint (width, ==, 8);
  g_assert_cmpuint (height, ==, 8);

  items = gtm_board_get_items (list_item (boards, 1));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_cmpstr (gtm_item_get_text (list_item (items, 1)), ==, "弱点：销售团队小");

  /* Personas. */
  g_assert_cmpuint (g_list_model_get_n_items (gtm_project_get_personas (project)), ==, 2);
  buyer = list_item (gtm_project_get_personas (project), 0);
  user = list_item (gtm_project_get_personas (project), 1);
  g_assert_cmpint (gtm_persona_get_kind (buyer), ==, GTM_PERSONA_KIND_BUYER);
  g_assert_cmpstr (gtm_persona_get_name (buyer), ==, "张伟 Zhang Wei");
  g_assert_cmpstr (gtm_persona_get_job_title (buyer), ==, "CMO 首席营销官");
  g_assert_cmpstr (gtm_persona_get_avatar_color (buyer), ==, "#e66100");
  g_assert_cmpint (gtm_persona_get_buying_role (buyer), ==, GTM_BUYING_ROLE_DECISION_MAKER);
  g_assert_cmpint (gtm_node_get_int (GTM_NODE (buyer), GTM_PERSONA_SLOT_AGE), ==, 46);
  strv = gtm_node_get_strv (GTM_NODE (buyer), GTM_PERSONA_SLOT_INFLUENCES);
  g_assert_cmpuint (g_strv_length ((char **) strv), ==, 3);
  g_assert_cmpstr (strv[2], ==, "行业峰会");
  g_assert_cmpint (gtm_persona_get_kind (user), ==, GTM_PERSONA_KIND_USER);
  g_assert_cmpstr (gtm_node_get_strv (GTM_NODE (user), GTM_PERSONA_SLOT_JOBS)[0], ==,
                   "Build the weekly campaign report");
  g_assert_cmpstr (gtm_node_get_string (GTM_NODE (user), GTM_PERSONA_SLOT_SCENARIO), ==,
                   "Monday 9:00: opens Beacon,\nchecks last week's campaigns.");

  /* PMM content. */
  node = gtm_project_get_brief (project);
  g_assert_cmpint (gtm_brief_get_business_goal (GTM_BRIEF (node)), ==, GTM_BUSINESS_GOAL_ACQUIRE);
  g_assert_cmpuint (g_strv_length ((char **) gtm_brief_get_problems (GTM_BRIEF (node))), ==, 2);
  g_assert_cmpstr (gtm_brief_get_vision (GTM_BRIEF (node)), ==, "让每一家零售企业都像头部品牌一样懂顾客。");

  node = gtm_project_get_swot (project);
  g_assert_cmpstr (gtm_swot_get_threats (GTM_SWOT (node))[1], ==, "数据合规要求收紧");

  node = gtm_project_get_messaging (project);
  g_assert_cmpstr (gtm_node_get_string (node, GTM_MESSAGING_SLOT_CATEGORY), ==,
                   "product analytics cloud");
  items = gtm_messaging_get_key_messages (GTM_MESSAGING (node));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_cmpstr (gtm_key_message_get_persona (list_item (items, 0)), ==,
                   gtm_node_get_id (GTM_NODE (buyer)));
  g_assert_cmpstr (gtm_key_message_get_persona (list_item (items, 1)), ==, "");

  node = gtm_project_get_pricing (project);
  g_assert_cmpstr (gtm_pricing_get_currency (GTM_PRICING (node)), ==, "CNY");
  g_assert_cmpint (gtm_pricing_get_strategy (GTM_PRICING (node)), ==, GTM_PRICING_STRATEGY_VALUE_BASED);
  items = gtm_pricing_get_tiers (GTM_PRICING (node));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_cmpfloat (gtm_price_tier_get_price (list_item (items, 1)), ==, 5999.5);
  g_assert_cmpstr (gtm_price_tier_get_features (list_item (items, 1))[2], ==, "API");

  node = gtm_project_get_launch_plan (project);
  g_assert_cmpstr (gtm_launch_plan_get_launch_date (GTM_LAUNCH_PLAN (node)), ==, "2024-09-10");
  items = gtm_launch_plan_get_activities (GTM_LAUNCH_PLAN (node));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_cmpstr (gtm_activity_get_owner (list_item (items, 0)), ==, "王芳");
  g_assert_false (gtm_activity_get_milestone (list_item (items, 0)));
  g_assert_true (gtm_activity_get_milestone (list_item (items, 2)));
  g_assert_false (gtm_activity_get_external (list_item (items, 1)));

  node = gtm_project_get_metrics (project);
  items = gtm_metrics_get_funnel (GTM_METRICS (node));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_cmpfloat (gtm_funnel_stage_get_count (list_item (items, 0)), ==, 120000);
  items = gtm_metrics_get_metrics (GTM_METRICS (node));
  g_assert_cmpint (gtm_metric_get_kind (list_item (items, 0)), ==, GTM_METRIC_KIND_NPS);
  g_assert_cmpfloat (gtm_metric_get_current (list_item (items, 0)), ==, 32.5);
  g_assert_cmpint (gtm_metric_get_kind (list_item (items, 1)), ==, GTM_METRIC_KIND_MARKET_PENETRATION);

  items = gtm_project_get_segments (project);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_cmpint (gtm_segment_get_priority (list_item (items, 0)), ==, 1);
  g_assert_cmpfloat (gtm_segment_get_market_size (list_item (items, 1)), ==, 650.5);

  items = gtm_project_get_competitors (project);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_cmpint (gtm_competitor_get_tier (list_item (items, 1)), ==, GTM_COMPETITOR_TIER_TERTIARY);
  g_assert_cmpstr (gtm_competitor_get_name (list_item (items, 0)), ==, "Sensors Analytics 神策");
}

static void
test_fixture_v0 (void)
{
  g_autofree char *path = test_data_path ("format-v0.gtm", NULL);
  g_autoptr(GtmProject) project = load_project (path);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GtmProject) reread = NULL;
  GListModel *boards = gtm_project_get_boards (project);
  GtmBoard *board;
  GListModel *items;
  GtmPersona *persona;

  /* "name" became "title". */
  g_assert_cmpstr (gtm_project_get_title (project), ==, "Beacon preview 预览");

  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 1);
  board = list_item (boards, 0);
  g_assert_cmpstr (gtm_board_get_background (board), ==, "#fafafa");

  /* "type" became "kind". */
  items = gtm_board_get_items (board);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 7);
  g_assert_true (GTM_IS_NOTE (list_item (items, 0)));
  g_assert_true (GTM_IS_NOTE (list_item (items, 1)));
  g_assert_true (GTM_IS_CONNECTOR (list_item (items, 2)));
  g_assert_true (GTM_IS_TEXT_BOX (list_item (items, 3)));
  g_assert_true (GTM_IS_SHAPE (list_item (items, 4)));
  g_assert_true (GTM_IS_FRAME (list_item (items, 5)));
  g_assert_true (GTM_IS_IMAGE (list_item (items, 6)));

  /* Channel lists became #rrggbb[aa]. */
  g_assert_cmpstr (gtm_item_get_fill (list_item (items, 0)), ==, "#fff3a3");
  g_assert_cmpstr (gtm_item_get_text_color (list_item (items, 0)), ==, "#1e1e1e");
  g_assert_cmpstr (gtm_item_get_fill (list_item (items, 1)), ==, "#a3e4ff80");
  g_assert_cmpstr (gtm_item_get_stroke (list_item (items, 2)), ==, "#5e5c64");
  g_assert_cmpstr (gtm_item_get_stroke (list_item (items, 4)), ==, "#1c71d8");
  g_assert_cmpint (gtm_shape_get_shape (list_item (items, 4)), ==, GTM_SHAPE_ELLIPSE);
  g_assert_cmpstr (gtm_item_get_text (list_item (items, 0)), ==, "Retail analytics 零售分析");

  persona = list_item (gtm_project_get_personas (project), 0);
  g_assert_cmpstr (gtm_persona_get_avatar_color (persona), ==, "#e66100");
  g_assert_cmpstr (gtm_persona_get_job_title (persona), ==, "首席营销官");
  g_assert_cmpstr (gtm_brief_get_audience (GTM_BRIEF (gtm_project_get_brief (project))), ==, "Retailers");

  /* Saving writes the current version, which reads back the same. */
  written = gtm_format_write_bytes (project);
  g_assert_true (bytes_contain (written, "\"version\": 1,"));
  g_assert_false (bytes_contain (written, "\"type\""));
  reread = read_ok (written);
  assert_nodes_equal (GTM_NODE (project), GTM_NODE (reread), "project");
}

static void
test_round_trip_fixtures (void)
{
  static const char * const names[] = { "format-v0.gtm", "format-v1.gtm" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = test_data_path (names[i], NULL);
      g_autoptr(GBytes) bytes = load_bytes (path);
      g_autoptr(GBytes) canonical = assert_round_trip (bytes);
    }
}

static void
test_samples (void)
{
  const char *dir_path = g_getenv ("GTM_SAMPLES_DIR");
  g_autofree char *fallback = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_samples = 0;

  if (dir_path == NULL)
    dir_path = fallback = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", NULL);

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GtmProject) project = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) canonical = NULL;

      if (!g_str_has_suffix (name, ".gtm"))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      g_test_message ("sample %s", path);
      project = load_project (path);
      g_assert_cmpuint (g_list_model_get_n_items (gtm_project_get_boards (project)), >, 0);

      bytes = load_bytes (path);
      canonical = assert_round_trip (bytes);
      /* Samples are committed as the writer writes them. */
      g_assert_true (g_bytes_equal (bytes, canonical));
      n_samples++;
    }

  g_assert_cmpuint (n_samples, >, 0);
}

/* ------------------------------------------------------------------------
 * The writer
 * ------------------------------------------------------------------------ */

static void
test_write_layout (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Layout");
  g_autoptr(GtmBoard) board = gtm_board_new ("白板");
  g_autoptr(GtmItem) note = gtm_note_new (120.0, -0.0, "say \"hi\"\\\n\t\x01");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GtmProject) reread = NULL;
  g_autofree char *expected_start = NULL;
  const char *data;
  gsize len;

  g_list_store_append (G_LIST_STORE (gtm_project_get_boards (project)), board);
  g_list_store_append (G_LIST_STORE (gtm_board_get_items (board)), note);
  g_object_set (note, "width", 100.25, NULL);

  first = gtm_format_write_bytes (project);
  second = gtm_format_write_bytes (project);
  g_assert_true (g_bytes_equal (first, second));

  data = g_bytes_get_data (first, &len);
  expected_start = g_strdup_printf ("{\n  \"format\": \"gtm-studio\",\n  \"version\": %d,\n  \"id\": \"%s\",\n"
                                    "  \"title\": \"Layout\",\n",
                                    GTM_FORMAT_VERSION, gtm_node_get_id (GTM_NODE (project)));
  g_assert_true (g_str_has_prefix (data, expected_start));
  g_assert_cmpint (data[len - 1], ==, '\n');
  g_assert_true (g_utf8_validate (data, len, NULL));

  /* Defaults are written too, so every file has every field. */
  g_assert_true (bytes_contain (first, "\n  \"product-name\": \"\",\n"));
  g_assert_true (bytes_contain (first, "\n    \"problems\": [],\n"));
  g_assert_true (bytes_contain (first, "\n    \"currency\": \"USD\",\n"));
  g_assert_true (bytes_contain (first, "\n      \"name\": \"白板\",\n"));
  /* Kind first in polymorphic lists; whole numbers without a fraction;
   * -0 as 0; escapes for quotes, backslashes and control characters. */
  g_assert_true (bytes_contain (first, "\n          \"kind\": \"note\",\n          \"id\": \"note-"));
  g_assert_true (bytes_contain (first, "\n          \"x\": 120,\n          \"y\": 0,\n"));
  g_assert_true (bytes_contain (first, "\"width\": 100.25,"));
  g_assert_true (bytes_contain (first, "\"text\": \"say \\\"hi\\\"\\\\\\n\\t\\u0001\""));
  /* Singletons carry no id. */
  g_assert_true (bytes_contain (first, "\n  \"brief\": {\n    \"audience\": \"\",\n"));

  reread = read_ok (first);
  assert_nodes_equal (GTM_NODE (project), GTM_NODE (reread), "project");
}

static void
test_write_numbers (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Numbers");
  GListModel *stages = gtm_metrics_get_funnel (GTM_METRICS (gtm_project_get_metrics (project)));
  static const double counts[] = { 0.1, 1e-7, 123456789.125, 1e15, 2.0 / 3.0, 5e-324 };
  static const char * const texts[] = { "0.1", "1e-07", "123456789.125", "1e+15",
                                        "0.6666666666666666", "4.94065645841247e-324" };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GtmProject) reread = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autoptr(GtmFunnelStage) stage = gtm_funnel_stage_new ("s", counts[i]);

      g_list_store_append (G_LIST_STORE (stages), stage);
    }

  bytes = gtm_format_write_bytes (project);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *member = g_strdup_printf ("\"count\": %s\n", texts[i]);

      if (!bytes_contain (bytes, member))
        g_test_fail_printf ("%s not written as %s", texts[i], member);
    }

  reread = read_ok (bytes);
  stages = gtm_metrics_get_funnel (GTM_METRICS (gtm_project_get_metrics (reread)));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpfloat (gtm_funnel_stage_get_count (list_item (stages, i)), ==, counts[i]);
}

/* ------------------------------------------------------------------------
 * Round trips under a locale whose decimal separator is a comma
 * ------------------------------------------------------------------------ */

static char *
use_comma_locale (void)
{
  static const char * const candidates[] = {
    "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", "es_ES.UTF-8", "it_IT.UTF-8",
    "nl_NL.UTF-8", "pt_BR.UTF-8", "ru_RU.UTF-8", "pl_PL.UTF-8", "sv_SE.UTF-8",
  };
  char *old = g_strdup (setlocale (LC_ALL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      if (setlocale (LC_ALL, candidates[i]) != NULL &&
          strcmp (localeconv ()->decimal_point, ",") == 0)
        {
          g_test_message ("using the %s locale", candidates[i]);
          return old;
        }
    }

  setlocale (LC_ALL, old);
  g_free (old);
  return NULL;
}

/* json-glib reports syntax errors in the user's language, with full-width
 * colons in Traditional Chinese; the place must still be found. */
static void
test_syntax_error_translated (void)
{
  if (g_test_subprocess ())
    {
      static const char text[] = "{\n  \"format\": \"gtm-studio\",\n  \"version\": 1 \"title\": \"x\"\n}\n";
      g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GtmProject) project = NULL;

      g_setenv ("LANGUAGE", "zh_TW", TRUE);
      if (setlocale (LC_ALL, "zh_TW.UTF-8") == NULL)
        g_error ("the zh_TW.UTF-8 locale is missing (install locales-all)");

      project = gtm_format_read_bytes (bytes, &error);
      g_assert_null (project);
      g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_SYNTAX);
      /* Line 3, column 14, whatever the words around them. */
      g_assert_nonnull (strstr (error->message, "3"));
      g_assert_nonnull (strstr (error->message, "14"));
      g_assert_null (strstr (error->message, "<data>"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_comma_locale (void)
{
  g_autofree char *old_locale = NULL;
  g_autofree char *v1_path = test_data_path ("format-v1.gtm", NULL);
  g_autofree char *bad_path = test_data_path ("bad", "age-fraction.gtm", NULL);
  g_autoptr(GBytes) v1_bytes = load_bytes (v1_path);
  g_autoptr(GBytes) bad_bytes = load_bytes (bad_path);
  g_autoptr(GtmProject) c_project = read_ok (v1_bytes);
  g_autoptr(GBytes) c_written = gtm_format_write_bytes (c_project);
  g_autoptr(GtmProject) project = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) canonical = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmProject) refused = NULL;
  g_autoptr(GtmProject) numbers = gtm_project_new ("Numbers");
  g_autoptr(GtmPriceTier) tier = gtm_price_tier_new ("Pro", 1999.99);
  g_autoptr(GBytes) numbers_bytes = NULL;
  g_autoptr(GtmProject) numbers_reread = NULL;
  char check[32];

  old_locale = use_comma_locale ();
  if (old_locale == NULL)
    {
      /* CI must have one: a skip would hide locale bugs. */
      g_test_fail_printf ("No locale with a decimal comma is installed (Debian: apt-get install locales-all)");
      return;
    }

  g_snprintf (check, sizeof check, "%.1f", 20.5);
  g_assert_cmpstr (check, ==, "20,5");

  project = read_ok (v1_bytes);
  assert_nodes_equal (GTM_NODE (c_project), GTM_NODE (project), "project");
  written = gtm_format_write_bytes (project);
  g_assert_true (g_bytes_equal (written, c_written));
  g_assert_true (bytes_contain (written, "\"price\": 5999.5,"));
  g_assert_true (bytes_contain (written, "\"current\": 32.5,"));
  canonical = assert_round_trip (written);

  g_list_store_append (G_LIST_STORE (gtm_pricing_get_tiers (GTM_PRICING (gtm_project_get_pricing (numbers)))),
                       tier);
  numbers_bytes = gtm_format_write_bytes (numbers);
  g_assert_true (bytes_contain (numbers_bytes, "\"price\": 1999.99,"));
  numbers_reread = read_ok (numbers_bytes);
  g_assert_cmpfloat (gtm_price_tier_get_price (list_item (gtm_pricing_get_tiers (GTM_PRICING (gtm_project_get_pricing (numbers_reread))), 0)),
                     ==, 1999.99);

  /* Numbers in messages are written as in the file. */
  refused = gtm_format_read_bytes (bad_bytes, &error);
  g_assert_null (refused);
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "30.5"));

  setlocale (LC_ALL, old_locale);
}

/* ------------------------------------------------------------------------
 * Every field of every class survives a round trip with non-default values
 * ------------------------------------------------------------------------ */

typedef struct
{
  GPtrArray  *nodes;  /* every node of the project, in file order (borrowed) */
  guint       next_id;
} Generator;

static void
collect_concrete_types (GType   type,
                        GArray *types)
{
  g_autofree GType *children = NULL;
  guint n_children;

  if (!G_TYPE_IS_ABSTRACT (type))
    g_array_append_val (types, type);

  children = g_type_children (type, &n_children);
  for (guint i = 0; i < n_children; i++)
    collect_concrete_types (children[i], types);
}

static gboolean
is_id_field (GParamSpec *pspec)
{
  return pspec->owner_type == GTM_TYPE_NODE && strcmp (pspec->name, "id") == 0;
}

static char *
random_text (gboolean multiline)
{
  static const char * const pieces[] = {
    "a", "Z", "7", " ", "灯塔", "分析", "—", "é", "😀", "\"", "\\", "/", "\t", "\x01", "{", "]",
    ",", ":", "\u2028", "#", "'", "<b>",
  };
  GString *text = g_string_new (NULL);
  int n = g_test_rand_int_range (1, 12);

  for (int i = 0; i < n; i++)
    {
      g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      if (multiline && g_test_rand_int_range (0, 4) == 0)
        g_string_append (text, g_test_rand_bit () ? "\n" : "\r\n");
    }

  return g_string_free (text, FALSE);
}

static double
random_double (double minimum,
               double maximum)
{
  minimum = MAX (minimum, -1e12);
  maximum = MIN (maximum, 1e12);

  /* Sometimes a round number, mostly a full-precision one. */
  if (g_test_rand_int_range (0, 4) == 0)
    return CLAMP (round (g_test_rand_double_range (minimum, maximum)), minimum, maximum);

  return g_test_rand_double_range (minimum, maximum);
}

/* Sets @value (initialized) to a random valid value other than the default. */
static void
random_value (GParamSpec *pspec,
              GValue     *value)
{
  g_auto(GValue) default_value = G_VALUE_INIT;
  GType type = pspec->value_type;

  g_value_init (&default_value, type);
  g_param_value_set_default (pspec, &default_value);

  do
    {
      switch (G_TYPE_FUNDAMENTAL (type))
        {
        case G_TYPE_STRING:
          if (pspec->flags & GTM_PARAM_COLOR)
            g_value_take_string (value, g_test_rand_bit ()
                                 ? g_strdup_printf ("#%06x", g_test_rand_int_range (0, 0x1000000))
                                 : g_strdup_printf ("#%06x%02x", g_test_rand_int_range (0, 0x1000000),
                                                    g_test_rand_int_range (0, 256)));
          else if (pspec->flags & GTM_PARAM_DATE)
            g_value_take_string (value, g_strdup_printf ("%04d-%02d-%02d",
                                                         g_test_rand_int_range (1990, 2100),
                                                         g_test_rand_int_range (1, 13),
                                                         g_test_rand_int_range (1, 29)));
          else if (pspec->flags & GTM_PARAM_DATETIME)
            g_value_take_string (value, g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s",
                                                         g_test_rand_int_range (1990, 2100),
                                                         g_test_rand_int_range (1, 13),
                                                         g_test_rand_int_range (1, 29),
                                                         g_test_rand_int_range (0, 24),
                                                         g_test_rand_int_range (0, 60),
                                                         g_test_rand_int_range (0, 60),
                                                         g_test_rand_bit () ? "Z" : "+08:00"));
          else if (pspec->flags & GTM_PARAM_TAG)
            g_value_take_string (value, g_strdup_printf ("group-%012x",
                                                         g_test_rand_int_range (0, G_MAXINT)));
          else if (strcmp (pspec->name, "mime-type") == 0)
            /* The only type the image item accepts, and its default. */
            g_value_set_string (value, "image/png");
          else
            g_value_take_string (value, random_text ((pspec->flags & GTM_PARAM_MULTILINE) != 0));
          break;

        case G_TYPE_BOOLEAN:
          g_value_set_boolean (value, !g_value_get_boolean (&default_value));
          break;

        case G_TYPE_INT:
          {
            GParamSpecInt *spec = G_PARAM_SPEC_INT (pspec);

            g_value_set_int (value, (int) floor (g_test_rand_double_range (spec->minimum,
                                                                           spec->maximum + 1.0)));
          }
          break;

        case G_TYPE_DOUBLE:
          {
            GParamSpecDouble *spec = G_PARAM_SPEC_DOUBLE (pspec);

            g_value_set_double (value, random_double (spec->minimum, spec->maximum));
          }
          break;

        case G_TYPE_ENUM:
          {
            GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;

            g_value_set_enum (value, enum_class->values[g_test_rand_int_range (0, enum_class->n_values)].value);
          }
          break;

        case G_TYPE_BOXED:
          if (type == G_TYPE_STRV)
            {
              g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
              int n = g_test_rand_int_range (1, 5);

              for (int i = 0; i < n; i++)
                {
                  g_autofree char *entry = random_text ((pspec->flags & GTM_PARAM_MULTILINE) != 0);

                  g_strv_builder_add (builder, entry);
                }
              g_value_take_boxed (value, g_strv_builder_end (builder));
            }
          else if (type == G_TYPE_BYTES)
            g_value_take_boxed (value, make_png (g_test_rand_int_range (1, 17),
                                                 g_test_rand_int_range (1, 17)));
          else
            g_assert_not_reached ();
          break;

        default:
          g_test_fail_printf ("%s: no random values for type %s", pspec->name, g_type_name (type));
          return;
        }
    }
  while (values_equal (pspec, value, &default_value) && strcmp (pspec->name, "mime-type") != 0);
}

static GtmNode *
new_node (Generator *generator,
          GType      type)
{
  g_autofree char *id = g_strdup_printf ("n%u-%s", generator->next_id++, g_type_name (type));

  return g_object_new (type, "id", id, NULL);
}

/* Builds the tree: two nodes of each concrete type in every list. */
static void
populate (Generator *generator,
          GtmNode   *node)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (node);

  g_ptr_array_add (generator->nodes, node);

  for (guint i = 0; i < gtm_node_class_get_n_children (klass); i++)
    populate (generator, gtm_node_get_child_at (node, i));

  for (guint i = 0; i < gtm_node_class_get_n_lists (klass); i++)
    {
      const GtmNodeListInfo *info = gtm_node_class_get_list_info (klass, i);
      g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (GType));

      collect_concrete_types (info->element_type, types);
      g_assert_cmpuint (types->len, >, 0);
      for (guint j = 0; j < types->len; j++)
        {
          for (guint k = 0; k < MIN (2, info->max_length); k++)
            {
              g_autoptr(GtmNode) child = new_node (generator, g_array_index (types, GType, j));

              g_list_store_append (gtm_node_get_list_at (node, i), child);
              populate (generator, child);
            }
        }
    }
}

/* Gives every field of @node a random non-default value such that the node
 * passes its own validation (references name other nodes). */
static void
randomize (Generator *generator,
           GtmNode   *node,
           GtmNode   *root)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (node);
  guint n_fields = gtm_node_class_get_n_fields (klass);

  for (guint attempt = 0; attempt < 20000; attempt++)
    {
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < n_fields; i++)
        {
          GParamSpec *pspec = gtm_node_class_get_field (klass, i);
          g_auto(GValue) value = G_VALUE_INIT;

          if (is_id_field (pspec))
            continue;

          g_value_init (&value, pspec->value_type);
          if (pspec->flags & GTM_PARAM_REFERENCE)
            {
              GtmNode *target;

              do
                target = g_ptr_array_index (generator->nodes,
                                            g_test_rand_int_range (0, generator->nodes->len));
              while (gtm_node_get_id (target) == NULL || target == node);
              g_value_set_string (&value, gtm_node_get_id (target));
            }
          else
            random_value (pspec, &value);

          g_assert_true (gtm_format_check_value (pspec, &value, NULL));
          g_object_set_property (G_OBJECT (node), pspec->name, &value);
        }

      const char *field = NULL;

      if (klass->validate == NULL || klass->validate (node, root, &field, &error))
        return;
    }

  g_test_fail_printf ("No valid random values found for a %s", G_OBJECT_TYPE_NAME (node));
}

/* Which (class, field) pairs ended up with a non-default value. */
static void
note_coverage (GtmNode    *node,
               GHashTable *covered)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (node);

  for (guint i = 0; i < gtm_node_class_get_n_fields (klass); i++)
    {
      GParamSpec *pspec = gtm_node_class_get_field (klass, i);
      const GValue *value = gtm_node_peek_value (node, pspec->param_id);
      g_auto(GValue) default_value = G_VALUE_INIT;

      g_value_init (&default_value, pspec->value_type);
      g_param_value_set_default (pspec, &default_value);
      if (!values_equal (pspec, value, &default_value))
        g_hash_table_add (covered, g_strdup_printf ("%s.%s", G_OBJECT_TYPE_NAME (node), pspec->name));
    }
}

static void
test_round_trip_all_fields (void)
{
  g_autoptr(GtmProject) project = NULL;
  g_autoptr(GtmProject) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GHashTable) covered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (GType));
  g_autoptr(GError) error = NULL;
  Generator generator = { g_ptr_array_new (), 0 };

  project = g_object_new (GTM_TYPE_PROJECT, "id", "project-random", NULL);
  populate (&generator, GTM_NODE (project));
  for (guint i = 0; i < generator.nodes->len; i++)
    randomize (&generator, g_ptr_array_index (generator.nodes, i), GTM_NODE (project));

  bytes = gtm_format_write_bytes (project);
  reread = gtm_format_read_bytes (bytes, &error);
  if (error != NULL)
    g_test_message ("refused: %s", error->message);
  g_assert_no_error (error);

  assert_nodes_equal (GTM_NODE (project), GTM_NODE (reread), "project");
  rewritten = gtm_format_write_bytes (reread);
  g_assert_true (g_bytes_equal (bytes, rewritten));

  /* Every saved field of every concrete class was tested with a value other
   * than its default — but an image's MIME type, which has one value. */
  for (guint i = 0; i < generator.nodes->len; i++)
    note_coverage (g_ptr_array_index (generator.nodes, i), covered);

  collect_concrete_types (GTM_TYPE_NODE, types);
  for (guint i = 0; i < types->len; i++)
    {
      GType type = g_array_index (types, GType, i);
      GtmNodeClass *klass = g_type_class_ref (type);

      for (guint j = 0; j < gtm_node_class_get_n_fields (klass); j++)
        {
          GParamSpec *pspec = gtm_node_class_get_field (klass, j);
          g_autofree char *key = g_strdup_printf ("%s.%s", g_type_name (type), pspec->name);

          if (is_id_field (pspec) || strcmp (pspec->name, "mime-type") == 0)
            continue;
          if (!g_hash_table_contains (covered, key))
            g_test_fail_printf ("%s was never given a non-default value", key);
        }
      g_type_class_unref (klass);
    }

  g_ptr_array_unref (generator.nodes);
}

/* A "kind" member names the class in polymorphic lists, so no class there
 * may have a field of that name. */
static void
test_kind_is_reserved (void)
{
  g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (GType));

  collect_concrete_types (GTM_TYPE_NODE, types);
  for (guint i = 0; i < types->len; i++)
    {
      GtmNodeClass *klass = g_type_class_ref (g_array_index (types, GType, i));

      for (guint j = 0; j < gtm_node_class_get_n_lists (klass); j++)
        {
          const GtmNodeListInfo *info = gtm_node_class_get_list_info (klass, j);
          g_autoptr(GArray) elements = g_array_new (FALSE, FALSE, sizeof (GType));

          if (!G_TYPE_IS_ABSTRACT (info->element_type))
            continue;

          collect_concrete_types (info->element_type, elements);
          for (guint k = 0; k < elements->len; k++)
            {
              GtmNodeClass *element_class = g_type_class_ref (g_array_index (elements, GType, k));

              g_assert_nonnull (element_class->kind);
              g_assert_true (gtm_node_type_from_kind (info->element_type, element_class->kind) ==
                             g_array_index (elements, GType, k));
              for (guint f = 0; f < gtm_node_class_get_n_fields (element_class); f++)
                g_assert_cmpstr (gtm_node_class_get_field (element_class, f)->name, !=, "kind");
              g_type_class_unref (element_class);
            }
        }
      g_type_class_unref (klass);
    }
}

/* ------------------------------------------------------------------------
 * Refused files
 * ------------------------------------------------------------------------ */

typedef struct
{
  const char *file;
  int         code;
  const char *where;   /* must be in the message */
  const char *what;    /* must be in the message too */
} BadCase;

static const BadCase bad_cases[] = {
  { "empty.gtm", GTM_FORMAT_ERROR_EMPTY, "empty", NULL },
  { "whitespace.gtm", GTM_FORMAT_ERROR_EMPTY, "empty", NULL },
  { "not-utf8.gtm", GTM_FORMAT_ERROR_ENCODING, "offset 43", "line 3, column 16" },
  { "syntax-missing-comma.gtm", GTM_FORMAT_ERROR_SYNTAX, "line 3, column 14", "comma" },
  { "syntax-unclosed.gtm", GTM_FORMAT_ERROR_TRUNCATED, "line 5, column 1", "ends unexpectedly" },
  { "trailing-text.gtm", GTM_FORMAT_ERROR_SYNTAX, "line 2, column 1", "after the end" },
  { "huge-integer.gtm", GTM_FORMAT_ERROR_INVALID, "Line 6, column 58", "123456789012345678901" },
  { "not-object.gtm", GTM_FORMAT_ERROR_NOT_A_PROJECT, "a list", NULL },
  { "no-format.gtm", GTM_FORMAT_ERROR_NOT_A_PROJECT, "“format”", NULL },
  { "other-format.gtm", GTM_FORMAT_ERROR_NOT_A_PROJECT, "“excalidraw”", NULL },
  { "no-version.gtm", GTM_FORMAT_ERROR_INVALID, "version: ", "missing" },
  { "version-text.gtm", GTM_FORMAT_ERROR_INVALID, "version: ", "found text" },
  { "version-fraction.gtm", GTM_FORMAT_ERROR_INVALID, "version: ", "1.5 is not a whole number" },
  { "newer-version.gtm", GTM_FORMAT_ERROR_NEWER_VERSION,
    "This project was saved by a newer version of GTM Studio (file format 2); "
    "this version reads up to format 1.", NULL },
  { "negative-version.gtm", GTM_FORMAT_ERROR_INVALID, "version: ", "-1" },
  { "no-project-id.gtm", GTM_FORMAT_ERROR_INVALID, "id: ", "missing" },
  { "no-title.gtm", GTM_FORMAT_ERROR_INVALID, "title: ", "missing" },
  { "bad-id.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[1].id: ", "“note 2!” is not an id" },
  { "long-id.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[1].id: ", "is not an id" },
  { "duplicate-id.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[0] and by boards[0].items[1]", "“note-1”" },
  { "duplicate-project-id.gtm", GTM_FORMAT_ERROR_INVALID, "personas[0]", "“project-1”" },
  { "unknown-kind.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[1].kind: ", "“hologram”" },
  { "no-kind.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[1].kind: ", "missing" },
  { "width-text.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[1].width: ", "expected a number" },
  { "width-too-large.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[1].width: ", "1 to 100000" },
  { "width-missing.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[1].width: ", "missing" },
  { "x-infinite.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[1].x: ", "not finite" },
  { "age-fraction.gtm", GTM_FORMAT_ERROR_INVALID, "personas[0].age: ", "30.5 is not a whole number" },
  { "age-too-old.gtm", GTM_FORMAT_ERROR_INVALID, "personas[0].age: ", "0 to 150" },
  { "bold-text.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[0].bold: ", "true or false" },
  { "persona-no-name.gtm", GTM_FORMAT_ERROR_INVALID, "personas[0].name: ", "missing" },
  { "name-newline.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].name: ", "line breaks" },
  { "name-too-long.gtm", GTM_FORMAT_ERROR_INVALID, "personas[0].job-title: ", "4096" },
  { "fill-not-colour.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[0].fill: ", "“yellow” is not a colour" },
  { "group-syntax.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[1].group: ", "“north team” is not an id" },
  { "locked-text.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[0].locked: ", "true or false" },
  { "enum-unknown.gtm", GTM_FORMAT_ERROR_INVALID, "brief.business-goal: ", "acquire, retain, expand" },
  { "enum-number.gtm", GTM_FORMAT_ERROR_INVALID, "personas[0].kind: ", "expected text" },
  { "strv-not-list.gtm", GTM_FORMAT_ERROR_INVALID, "personas[0].goals: ", "expected a list" },
  { "strv-entry-number.gtm", GTM_FORMAT_ERROR_INVALID, "personas[0].goals[1]: ", "expected text" },
  { "strv-entry-newline.gtm", GTM_FORMAT_ERROR_INVALID, "personas[0].goals[1]: ", "line breaks" },
  { "strv-too-long.gtm", GTM_FORMAT_ERROR_INVALID, "swot.threats: ", "1001" },
  { "date-invalid.gtm", GTM_FORMAT_ERROR_INVALID, "launch-plan.activities[0].start: ", "“2024-02-30”" },
  { "date-format.gtm", GTM_FORMAT_ERROR_INVALID, "launch-plan.launch-date: ", "YYYY-MM-DD" },
  { "datetime-invalid.gtm", GTM_FORMAT_ERROR_INVALID, "created: ", "“yesterday”" },
  { "end-before-start.gtm", GTM_FORMAT_ERROR_INVALID, "launch-plan.activities[0].end: ", "before it starts" },
  { "dangling-reference.gtm", GTM_FORMAT_ERROR_INVALID, "messaging.key-messages[0].persona: ", "“persona-gone”" },
  { "reference-not-persona.gtm", GTM_FORMAT_ERROR_INVALID, "messaging.key-messages[0].persona: ", "not a persona" },
  { "reference-syntax.gtm", GTM_FORMAT_ERROR_INVALID, "messaging.key-messages[0].persona: ", "not an id" },
  { "connector-to-persona.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[2].target: ", "“persona-1”" },
  { "tiers-too-many.gtm", GTM_FORMAT_ERROR_INVALID, "pricing.tiers: ", "at most 100" },
  { "price-negative.gtm", GTM_FORMAT_ERROR_INVALID, "pricing.tiers[0].price: ", "-1 is outside" },
  { "boards-not-list.gtm", GTM_FORMAT_ERROR_INVALID, "boards: ", "expected a list" },
  { "board-not-object.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0]: ", "expected an object" },
  { "brief-not-object.gtm", GTM_FORMAT_ERROR_INVALID, "brief: ", "expected an object" },
  { "image-bad-base64.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[2].data: ", "base64" },
  { "image-base64-length.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[2].data: ", "base64" },
  { "image-not-png.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[2]: ", "PNG" },
  { "image-jpeg.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[2]: ", "image/jpeg" },
  { "image-too-many-pixels.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[2]: ", "50000" },
  { "image-no-data.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[2].data: ", "missing" },
  { "v0-bad-colour.gtm", GTM_FORMAT_ERROR_INVALID, "boards[0].items[0].fill: ", "0 to 255" },
};

static void
assert_refused (GBytes     *bytes,
                int         code,
                const char *where,
                const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmProject) project = gtm_format_read_bytes (bytes, &error);

  g_assert_null (project);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, GTM_FORMAT_ERROR, code);
  /* One line, naming the place. */
  g_assert_null (strchr (error->message, '\n'));
  if (where != NULL && strstr (error->message, where) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", error->message, where);
  if (what != NULL && strstr (error->message, what) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", error->message, what);
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *path = test_data_path ("bad", bad->file, NULL);
  g_autoptr(GBytes) bytes = load_bytes (path);

  assert_refused (bytes, bad->code, bad->where, bad->what);
}

/* Every fixture under bad/ has a case above. */
static void
test_bad_all_listed (void)
{
  g_autofree char *dir_path = test_data_path ("bad", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (bad_cases) && !listed; i++)
        listed = strcmp (bad_cases[i].file, name) == 0;
      if (!listed)
        g_test_fail_printf ("bad/%s has no expected error in test-format.c", name);
    }
}

static GBytes *
nested (const char *open,
        const char *close,
        guint       depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);
  g_string_append (text, "1");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, close);

  return g_string_free_to_bytes (text);
}

/* A file cut short anywhere — an interrupted copy or download — is
 * refused as incomplete, also when the cut splits a Chinese character. */
static void
test_bad_truncated (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GTM_SAMPLES_DIR"), "saas-launch.gtm", NULL);
  g_autofree char *data = NULL;
  gsize len = 0;
  guint tried = 0, mid_character = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 1000);

  /* Everything but the last two bytes ("}\n") leaves the project open. */
  for (gsize cut = 1; cut + 2 <= len; cut += 1 + cut / 40)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, cut);
      g_autoptr(GtmProject) project = gtm_format_read_bytes (bytes, &error);

      if (project != NULL || !g_error_matches (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_TRUNCATED))
        g_error ("cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes: %s", cut, len,
                 error ? error->message : "accepted");
      g_assert_nonnull (strstr (error->message, "ends unexpectedly"));
      g_clear_error (&error);

      tried++;
      if (((guchar) data[cut] & 0xc0) == 0x80)
        mid_character++;
    }

  /* Cut in the middle of every multi-byte character of the first 2,000
   * bytes, so that case is surely covered. */
  for (gsize cut = 1; cut < MIN (len, 2000); cut++)
    {
      if (((guchar) data[cut] & 0xc0) == 0x80)
        {
          g_autoptr(GBytes) bytes = g_bytes_new (data, cut);
          g_autoptr(GtmProject) project = gtm_format_read_bytes (bytes, &error);

          g_assert_null (project);
          g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_TRUNCATED);
          g_clear_error (&error);
          mid_character++;
        }
    }

  g_test_message ("%u cuts, %u of them inside a character", tried, mid_character);
  g_assert_cmpuint (mid_character, >, 0);

  /* Mistakes inside a complete file are not truncation: a bracket missing
   * in the middle, a NUL byte, a stray brace after the end. */
  {
    g_autoptr(GString) text = g_string_new_len (data, len);
    const char *bracket = strstr (text->str, "],\n");
    g_autoptr(GBytes) missing = NULL;
    g_autoptr(GBytes) nul = NULL;
    g_autoptr(GBytes) extra = NULL;
    g_autoptr(GtmProject) project = NULL;

    g_assert_nonnull (bracket);
    g_string_erase (text, bracket - text->str, 1);
    missing = g_bytes_new (text->str, text->len);
    project = gtm_format_read_bytes (missing, &error);
    g_assert_null (project);
    g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_SYNTAX);
    g_clear_error (&error);

    g_string_assign (text, data);
    text->str[len / 2] = '\0';
    nul = g_bytes_new (text->str, len);
    project = gtm_format_read_bytes (nul, &error);
    g_assert_null (project);
    g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_ENCODING);
    g_clear_error (&error);

    g_string_assign (text, data);
    g_string_append (text, "{\n");
    extra = g_bytes_new (text->str, text->len);
    project = gtm_format_read_bytes (extra, &error);
    g_assert_null (project);
    g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_SYNTAX);
    g_assert_nonnull (strstr (error->message, "after the end"));
  }
}

static void
test_bad_deep (void)
{
  g_autoptr(GBytes) deepest = nested ("[", "]", 100000);
  g_autoptr(GBytes) objects = nested ("{\"a\":", "}", 100000);
  g_autoptr(GBytes) over = nested ("[", "]", GTM_FORMAT_MAX_DEPTH + 1);
  g_autoptr(GBytes) at_limit = nested ("[", "]", GTM_FORMAT_MAX_DEPTH);
  g_autoptr(GString) in_string = g_string_new ("{ \"format\": \"gtm-studio\", \"version\": 1, "
                                               "\"id\": \"project-1\", \"title\": \"");
  g_autoptr(GBytes) in_string_bytes = NULL;
  g_autoptr(GtmProject) project = NULL;
  g_autofree char *levels = g_strdup_printf ("%d levels", GTM_FORMAT_MAX_DEPTH);
  g_autofree char *place = g_strdup_printf ("line 1, column %d", GTM_FORMAT_MAX_DEPTH + 1);

  assert_refused (deepest, GTM_FORMAT_ERROR_TOO_DEEP, levels, place);
  assert_refused (objects, GTM_FORMAT_ERROR_TOO_DEEP, levels, NULL);
  assert_refused (over, GTM_FORMAT_ERROR_TOO_DEEP, levels, NULL);
  /* At the limit, the nesting is fine; the content is not a project. */
  assert_refused (at_limit, GTM_FORMAT_ERROR_NOT_A_PROJECT, NULL, NULL);

  /* Brackets and escaped quotes inside strings don't count. */
  for (guint i = 0; i < 1000; i++)
    g_string_append (in_string, "[{\\\"");
  g_string_append (in_string, "\" }");
  in_string_bytes = g_bytes_new (in_string->str, in_string->len);
  project = read_ok (in_string_bytes);
  g_assert_true (g_str_has_prefix (gtm_project_get_title (project), "[{\"[{\""));
}

static void
test_bad_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gtm-format-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtmProject) project = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  FILE *stream;

  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.gtm", NULL);

  /* A sparse file: large, but costing no disk space or reading time. */
  stream = g_fopen (path, "wb");
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, GTM_FORMAT_MAX_FILE_SIZE, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', stream), ==, '}');
  g_assert_cmpint (fclose (stream), ==, 0);

  file = g_file_new_for_path (path);
  project = gtm_format_read_file (file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_assert_nonnull (strstr (error->message, "256.0\u00a0MiB"));
  g_clear_error (&error);

  /* The same from memory, checked before anything looks at the bytes. */
  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  project = gtm_format_read_bytes (bytes, &error);
  g_assert_null (project);
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_TOO_LARGE);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_bad_io (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing_path = test_data_path ("no-such-file.gtm", NULL);
  g_autofree char *dir_path = test_data_path ("bad", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  GtmProject *project;

  project = gtm_format_read_file (missing, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  project = gtm_format_read_file (dir, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

/* Unknown members are ignored, so files of a later build with the same
 * version still open; a byte order mark is skipped. */
static void
test_unknown_members (void)
{
  g_autoptr(GtmProject) project =
    read_string ("\xef\xbb\xbf{ \"format\": \"gtm-studio\", \"version\": 1, \"id\": \"project-1\","
                 "  \"title\": \"Later\", \"theme\": { \"dark\": true },"
                 "  \"brief\": { \"audience\": \"CMOs\", \"tone\": [1, 2] },"
                 "  \"boards\": [ { \"id\": \"board-1\", \"name\": \"B\", \"zoom\": 2.5, \"items\": ["
                 "    { \"kind\": \"note\", \"id\": \"note-1\", \"x\": 1, \"y\": 2, \"width\": 3,"
                 "      \"height\": 4, \"rotation\": 45 } ] } ],"
                 "  \"personas\": [ { \"id\": \"persona-1\", \"name\": \"CMO\", \"photo\": null } ] }");
  g_autoptr(GBytes) written = gtm_format_write_bytes (project);

  g_assert_cmpstr (gtm_project_get_title (project), ==, "Later");
  g_assert_cmpstr (gtm_brief_get_audience (GTM_BRIEF (gtm_project_get_brief (project))), ==, "CMOs");
  g_assert_cmpuint (gtm_project_count_items (project), ==, 1);
  /* Missing optional fields take their defaults. */
  g_assert_cmpint (gtm_persona_get_kind (list_item (gtm_project_get_personas (project), 0)), ==,
                   GTM_PERSONA_KIND_BUYER);
  g_assert_false (bytes_contain (written, "rotation"));
  g_assert_false (bytes_contain (written, "theme"));
}

/* The messaging's boilerplate, several lines in two languages, reads back
 * as written; a file from before it existed reads with none. */
static void
test_messaging_boilerplate (void)
{
  static const char *boilerplate =
    "Beacon Analytics (灯塔分析) is the analytics cloud for mid-size retail chains.\n"
    "总部位于上海，服务 300 多家连锁品牌。";
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  g_autoptr(GtmProject) reread = NULL;
  g_autoptr(GtmProject) older = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (gtm_project_get_messaging (project), "boilerplate", boilerplate, NULL);
  bytes = gtm_format_write_bytes (project);
  g_assert_true (bytes_contain (bytes, "\"boilerplate\""));
  reread = gtm_format_read_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtm_node_get_string (gtm_project_get_messaging (reread), GTM_MESSAGING_SLOT_BOILERPLATE),
                   ==, boilerplate);

  older = read_string ("{ \"format\": \"gtm-studio\", \"version\": 1, \"id\": \"project-1\", \"title\": \"Old\","
                       "  \"messaging\": { \"audience\": \"CMOs\" } }");
  g_assert_cmpstr (gtm_node_get_string (gtm_project_get_messaging (older), GTM_MESSAGING_SLOT_BOILERPLATE),
                   ==, "");
}

/* Groups and locks read back as written, on every kind of item. */
static void
test_groups_and_locks (void)
{
  g_autoptr(GtmProject) project =
    read_string ("{ \"format\": \"gtm-studio\", \"version\": 1, \"id\": \"project-1\","
                 "  \"title\": \"Groups\", \"boards\": [ { \"id\": \"board-1\", \"name\": \"B\","
                 "  \"items\": ["
                 "    { \"kind\": \"note\", \"id\": \"note-1\", \"x\": 0, \"y\": 0, \"width\": 9,"
                 "      \"height\": 9, \"group\": \"group-a1\", \"locked\": true },"
                 "    { \"kind\": \"shape\", \"id\": \"shape-1\", \"x\": 20, \"y\": 0, \"width\": 9,"
                 "      \"height\": 9, \"group\": \"group-a1\" },"
                 "    { \"kind\": \"connector\", \"id\": \"connector-1\", \"source\": \"note-1\","
                 "      \"target\": \"shape-1\", \"group\": \"group-a1\", \"locked\": true },"
                 "    { \"kind\": \"text\", \"id\": \"text-1\", \"x\": 0, \"y\": 40, \"width\": 9,"
                 "      \"height\": 9, \"group\": \"\", \"locked\": false } ] } ] }");
  GtmBoard *board = list_item (gtm_project_get_boards (project), 0);
  GListModel *items = gtm_board_get_items (board);
  g_autoptr(GBytes) written = gtm_format_write_bytes (project);
  g_autoptr(GtmProject) reread = NULL;

  g_assert_cmpstr (gtm_item_get_group (list_item (items, 0)), ==, "group-a1");
  g_assert_true (gtm_item_get_locked (list_item (items, 0)));
  g_assert_cmpstr (gtm_item_get_group (list_item (items, 1)), ==, "group-a1");
  g_assert_false (gtm_item_get_locked (list_item (items, 1)));
  g_assert_cmpstr (gtm_item_get_group (list_item (items, 2)), ==, "group-a1");
  g_assert_true (gtm_item_get_locked (list_item (items, 2)));
  g_assert_cmpstr (gtm_item_get_group (list_item (items, 3)), ==, "");
  g_assert_false (gtm_item_get_locked (list_item (items, 3)));

  /* Written after the text, defaults included; a group id is not an id
   * of an object, so sharing one is no duplicate. */
  g_assert_true (bytes_contain (written, "\"text\": \"\",\n          \"group\": \"group-a1\",\n"
                                         "          \"locked\": true\n"));
  g_assert_true (bytes_contain (written, "\"group\": \"\",\n          \"locked\": false\n"));
  reread = read_ok (written);
  assert_nodes_equal (GTM_NODE (project), GTM_NODE (reread), "project");
}

/* A persona's picture and personality sliders read back as written; files
 * without them (written before they existed) have none. */
static void
test_persona_avatar_personality (void)
{
  static const char head[] =
    "{ \"format\": \"gtm-studio\", \"version\": 1, \"id\": \"project-1\","
    "  \"title\": \"Personas\", \"personas\": [ { \"id\": \"persona-1\", \"name\": \"张伟\"";
  g_autoptr(GBytes) png = make_png (12, 7);
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_autofree char *with = g_strdup_printf ("%s, \"avatar\": \"%s\", \"personality\": ["
                                           " { \"id\": \"trait-1\", \"left\": \"内向\","
                                           " \"right\": \"外向\", \"value\": 80 },"
                                           " { \"id\": \"trait-2\", \"left\": \"Cautious\" } ] } ] }",
                                           head, base64);
  g_autofree char *without = g_strdup_printf ("%s } ] }", head);
  g_autofree char *jpeg = NULL;
  g_autofree char *too_far = NULL;
  g_autoptr(GtmProject) project = read_string (with);
  g_autoptr(GtmProject) old = read_string (without);
  g_autoptr(GBytes) written = gtm_format_write_bytes (project);
  g_autoptr(GBytes) old_written = gtm_format_write_bytes (old);
  g_autoptr(GtmProject) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GtmPersona *persona = list_item (gtm_project_get_personas (project), 0);
  GListModel *personality = gtm_persona_get_personality (persona);
  GtmTrait *trait;

  g_assert_true (g_bytes_equal (gtm_persona_get_avatar (persona), png));
  g_assert_cmpuint (g_list_model_get_n_items (personality), ==, 2);
  trait = list_item (personality, 0);
  g_assert_cmpstr (gtm_trait_get_left (trait), ==, "内向");
  g_assert_cmpstr (gtm_trait_get_right (trait), ==, "外向");
  g_assert_cmpint (gtm_trait_get_value (trait), ==, 80);
  /* Missing members take their defaults: the middle of the slider. */
  trait = list_item (personality, 1);
  g_assert_cmpstr (gtm_trait_get_right (trait), ==, "");
  g_assert_cmpint (gtm_trait_get_value (trait), ==, 50);

  reread = read_ok (written);
  assert_nodes_equal (GTM_NODE (project), GTM_NODE (reread), "project");
  g_assert_true (bytes_contain (written, base64));

  persona = list_item (gtm_project_get_personas (old), 0);
  g_assert_null (gtm_persona_get_avatar (persona));
  g_assert_cmpuint (g_list_model_get_n_items (gtm_persona_get_personality (persona)), ==, 0);
  g_assert_true (bytes_contain (old_written, "\"avatar\": \"\",\n"));
  g_assert_true (bytes_contain (old_written, "\"personality\": []\n"));
  g_clear_object (&reread);
  reread = read_ok (old_written);
  assert_nodes_equal (GTM_NODE (old), GTM_NODE (reread), "project");

  /* Bytes that are not a PNG file are refused, saying where and why. */
  jpeg = g_strdup_printf ("%s, \"avatar\": \"/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBA=\" } ] }",
                          head);
  bytes = g_bytes_new (jpeg, strlen (jpeg));
  assert_refused (bytes, GTM_FORMAT_ERROR_INVALID, "personas[0].avatar: ",
                  "the image data is not a PNG file");

  too_far = g_strdup_printf ("%s, \"personality\": [ { \"id\": \"trait-1\", \"value\": 101 } ] } ] }",
                             head);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (too_far, strlen (too_far));
  assert_refused (bytes, GTM_FORMAT_ERROR_INVALID, "personas[0].personality[0].value: ", "0 to 100");
}

static void
test_check_value (void)
{
  g_autoptr(GError) error = NULL;
  GtmNodeClass *klass = g_type_class_ref (GTM_TYPE_PERSONA);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 150);
  g_assert_true (gtm_format_check_value (g_object_class_find_property (object_class, "age"), &value, &error));
  g_assert_no_error (error);

  g_value_set_int (&value, 151);
  g_assert_false (gtm_format_check_value (g_object_class_find_property (object_class, "age"), &value, &error));
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "age: "));
  g_clear_error (&error);
  g_value_unset (&value);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "two\nlines");
  g_assert_false (gtm_format_check_value (g_object_class_find_property (object_class, "name"), &value, &error));
  g_assert_true (g_str_has_prefix (error->message, "name: "));
  g_clear_error (&error);
  g_assert_true (gtm_format_check_value (g_object_class_find_property (object_class, "notes"), &value, &error));
  g_value_set_string (&value, "#12345");
  g_assert_false (gtm_format_check_value (g_object_class_find_property (object_class, "avatar-color"),
                                          &value, &error));
  g_clear_error (&error);

  /* A group has the syntax of an id, or is empty. */
  {
    GtmNodeClass *item_class = g_type_class_ref (GTM_TYPE_NOTE);
    GParamSpec *group = g_object_class_find_property (G_OBJECT_CLASS (item_class), "group");

    g_value_set_string (&value, "");
    g_assert_true (gtm_format_check_value (group, &value, &error));
    g_value_set_string (&value, "group-0123abcdef01");
    g_assert_true (gtm_format_check_value (group, &value, &error));
    g_assert_no_error (error);
    g_value_set_string (&value, "组 1");
    g_assert_false (gtm_format_check_value (group, &value, &error));
    g_assert_true (g_str_has_prefix (error->message, "group: "));
    g_clear_error (&error);
    g_value_take_string (&value, g_strnfill (GTM_FORMAT_MAX_ID_LENGTH + 1, 'g'));
    g_assert_false (gtm_format_check_value (group, &value, &error));
    g_clear_error (&error);
    g_type_class_unref (item_class);
  }

  g_assert_true (gtm_format_is_valid_id ("persona-0123abcd_X"));
  g_assert_false (gtm_format_is_valid_id (""));
  g_assert_false (gtm_format_is_valid_id ("a b"));
  g_assert_false (gtm_format_is_valid_id ("灯塔"));

  g_type_class_unref (klass);
}

/* ------------------------------------------------------------------------
 * docs/file-format.md documents every field, list and child
 * ------------------------------------------------------------------------ */

#define DOC_BEGIN "<!-- fields: "
#define DOC_END   "<!-- end of fields -->"

static const char *
type_label (GType type)
{
  const char *name = g_type_name (type);

  return g_str_has_prefix (name, "Gtm") ? name + 3 : name;
}

static void
doc_number (GString *out,
            double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  g_string_append (out, buf);
}

static void
doc_field_row (GString    *out,
               GParamSpec *pspec)
{
  GType type = pspec->value_type;
  gboolean multiline = (pspec->flags & GTM_PARAM_MULTILINE) != 0;
  g_auto(GValue) def = G_VALUE_INIT;

  g_value_init (&def, type);
  g_param_value_set_default (pspec, &def);

  g_string_append_printf (out, "| `%s` | ", pspec->name);

  /* Type */
  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:
      if (pspec->flags & GTM_PARAM_COLOR)
        g_string_append (out, "colour");
      else if (pspec->flags & GTM_PARAM_DATE)
        g_string_append (out, "date");
      else if (pspec->flags & GTM_PARAM_DATETIME)
        g_string_append (out, "date and time");
      else if (pspec->flags & GTM_PARAM_REFERENCE)
        g_string_append (out, "id reference");
      else if (pspec->flags & GTM_PARAM_TAG)
        g_string_append (out, "tag");
      else
        g_string_append (out, multiline ? "text, multi-line" : "text, one line");
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, "boolean");
      break;
    case G_TYPE_INT:
    case G_TYPE_UINT:
    case G_TYPE_INT64:
      g_string_append (out, "integer");
      break;
    case G_TYPE_DOUBLE:
      g_string_append (out, "number");
      break;
    case G_TYPE_ENUM:
      {
        GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;

        g_string_append (out, "one of ");
        for (guint i = 0; i < enum_class->n_values; i++)
          g_string_append_printf (out, "%s`\"%s\"`", i > 0 ? ", " : "",
                                  enum_class->values[i].value_nick);
      }
      break;
    default:
      if (type == G_TYPE_STRV)
        g_string_append (out, multiline ? "list of texts, multi-line" : "list of texts, one line each");
      else if (type == G_TYPE_BYTES)
        g_string_append (out, "base64 text");
      else
        g_string_append (out, g_type_name (type));
      break;
    }

  g_string_append_printf (out, " | %s | ", (pspec->flags & GTM_PARAM_REQUIRED) ? "yes" : "no");

  /* Default */
  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:
      if (is_id_field (pspec))
        g_string_append (out, "—");
      else
        g_string_append_printf (out, "`\"%s\"`", g_value_get_string (&def) ? g_value_get_string (&def) : "");
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, g_value_get_boolean (&def) ? "`true`" : "`false`");
      break;
    case G_TYPE_INT:
      g_string_append_printf (out, "`%d`", g_value_get_int (&def));
      break;
    case G_TYPE_UINT:
      g_string_append_printf (out, "`%u`", g_value_get_uint (&def));
      break;
    case G_TYPE_INT64:
      g_string_append_printf (out, "`%" G_GINT64_FORMAT "`", g_value_get_int64 (&def));
      break;
    case G_TYPE_DOUBLE:
      g_string_append_c (out, '`');
      doc_number (out, g_value_get_double (&def));
      g_string_append_c (out, '`');
      break;
    case G_TYPE_ENUM:
      g_string_append_printf (out, "`\"%s\"`",
                              g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                                g_value_get_enum (&def))->value_nick);
      break;
    default:
      g_string_append (out, type == G_TYPE_STRV ? "`[]`" : "`\"\"`");
      break;
    }

  g_string_append (out, " | ");

  /* Limits and format */
  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:
      if (is_id_field (pspec))
        g_string_append_printf (out, "1–%d of `A–Z a–z 0–9 - _`, unique in the file",
                                GTM_FORMAT_MAX_ID_LENGTH);
      else if (pspec->flags & GTM_PARAM_COLOR)
        g_string_append (out, "`#rrggbb`, `#rrggbbaa` or `\"\"` for none");
      else if (pspec->flags & GTM_PARAM_DATE)
        g_string_append (out, "`YYYY-MM-DD` or `\"\"`");
      else if (pspec->flags & GTM_PARAM_DATETIME)
        g_string_append (out, "ISO 8601, e.g. `2024-05-01T09:30:00Z`, or `\"\"`");
      else if (pspec->flags & GTM_PARAM_REFERENCE)
        g_string_append (out, "`\"\"` or the id of an object in the file");
      else if (pspec->flags & GTM_PARAM_TAG)
        g_string_append_printf (out, "`\"\"` or 1–%d of `A–Z a–z 0–9 - _`",
                                GTM_FORMAT_MAX_ID_LENGTH);
      else
        g_string_append_printf (out, "≤ %d bytes", multiline ? GTM_FORMAT_MAX_TEXT_LENGTH
                                                             : GTM_FORMAT_MAX_LINE_LENGTH);
      break;
    case G_TYPE_INT:
      g_string_append_printf (out, "%d to %d", G_PARAM_SPEC_INT (pspec)->minimum,
                              G_PARAM_SPEC_INT (pspec)->maximum);
      break;
    case G_TYPE_UINT:
      g_string_append_printf (out, "%u to %u", G_PARAM_SPEC_UINT (pspec)->minimum,
                              G_PARAM_SPEC_UINT (pspec)->maximum);
      break;
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
                              G_PARAM_SPEC_INT64 (pspec)->minimum, G_PARAM_SPEC_INT64 (pspec)->maximum);
      break;
    case G_TYPE_DOUBLE:
      doc_number (out, G_PARAM_SPEC_DOUBLE (pspec)->minimum);
      g_string_append (out, " to ");
      doc_number (out, G_PARAM_SPEC_DOUBLE (pspec)->maximum);
      break;
    case G_TYPE_BOOLEAN:
    case G_TYPE_ENUM:
      break;
    default:
      if (type == G_TYPE_STRV)
        g_string_append_printf (out, "≤ %d entries of ≤ %d bytes", GTM_FORMAT_MAX_STRV_LENGTH,
                                multiline ? GTM_FORMAT_MAX_TEXT_LENGTH : GTM_FORMAT_MAX_LINE_LENGTH);
      else if (type == G_TYPE_BYTES)
        g_string_append_printf (out, "≤ %d bytes once decoded", GTM_FORMAT_MAX_BINARY_SIZE);
      break;
    }

  g_string_append (out, " |\n");
}

static gboolean
class_has_field (GtmNodeClass *klass,
                 const char   *name)
{
  for (guint i = 0; i < gtm_node_class_get_n_fields (klass); i++)
    if (strcmp (gtm_node_class_get_field (klass, i)->name, name) == 0)
      return TRUE;
  return FALSE;
}

/* The generated part of a class's section, or NULL if the class adds
 * nothing to what its parent documents. */
static char *
doc_block (GType type)
{
  GtmNodeClass *klass = g_type_class_ref (type);
  GtmNodeClass *parent = type == GTM_TYPE_NODE ? NULL : g_type_class_ref (g_type_parent (type));
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GString) hidden = g_string_new (NULL);
  GString *out;

  if (klass->kind != NULL)
    g_string_append_printf (rows, "| `kind` | `\"%s\"` | yes | — | names the kind of %s |\n",
                            klass->kind, type_label (g_type_parent (type)));

  for (guint i = 0; i < gtm_node_class_get_n_fields (klass); i++)
    {
      GParamSpec *pspec = gtm_node_class_get_field (klass, i);

      if (pspec->owner_type == type)
        doc_field_row (rows, pspec);
    }

  for (guint i = 0; i < gtm_node_class_get_n_children (klass); i++)
    {
      const GtmNodeChildInfo *info = gtm_node_class_get_child_info (klass, i);

      if (parent != NULL && i < gtm_node_class_get_n_children (parent))
        continue;
      g_string_append_printf (rows, "| `%s` | %s object | no | all defaults | |\n",
                              info->name, type_label (info->type));
    }

  for (guint i = 0; i < gtm_node_class_get_n_lists (klass); i++)
    {
      const GtmNodeListInfo *info = gtm_node_class_get_list_info (klass, i);

      if (parent != NULL && i < gtm_node_class_get_n_lists (parent))
        continue;
      g_string_append_printf (rows, "| `%s` | list of %s objects | no | `[]` | ≤ %u entries |\n",
                              info->name, type_label (info->element_type), info->max_length);
    }

  if (parent != NULL)
    {
      for (guint i = 0; i < gtm_node_class_get_n_fields (parent); i++)
        {
          GParamSpec *pspec = gtm_node_class_get_field (parent, i);

          if (!class_has_field (klass, pspec->name))
            g_string_append_printf (hidden, "%s`%s`", hidden->len > 0 ? ", " : "", pspec->name);
        }
    }

  g_type_class_unref (klass);
  if (parent != NULL)
    g_type_class_unref (parent);

  if (rows->len == 0 && hidden->len == 0)
    return NULL;

  out = g_string_new (NULL);
  g_string_append_printf (out, DOC_BEGIN "%s -->\n", g_type_name (type));
  if (rows->len > 0)
    {
      g_string_append (out, "| Member | Type | Required | Default | Limits |\n");
      g_string_append (out, "| --- | --- | --- | --- | --- |\n");
      g_string_append (out, rows->str);
    }
  if (hidden->len > 0)
    g_string_append_printf (out, "%sNot saved for this kind: %s.\n", rows->len > 0 ? "\n" : "",
                            hidden->str);
  g_string_append (out, DOC_END);

  return g_string_free (out, FALSE);
}

static void
collect_all_types (GType   type,
                   GArray *types)
{
  g_autofree GType *children = NULL;
  guint n_children;

  g_array_append_val (types, type);
  children = g_type_children (type, &n_children);
  for (guint i = 0; i < n_children; i++)
    collect_all_types (children[i], types);
}

/* Replaces (or, with @update FALSE, compares) every generated block of
 * @doc. Returns the number of mismatches. */
static guint
sync_doc (GString  *doc,
          gboolean  update)
{
  g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (GType));
  guint mismatches = 0;
  const char *p;

  collect_all_types (GTM_TYPE_NODE, types);
  for (guint i = 0; i < types->len; i++)
    {
      GType type = g_array_index (types, GType, i);
      g_autofree char *expected = doc_block (type);
      g_autofree char *marker = g_strdup_printf (DOC_BEGIN "%s -->\n", g_type_name (type));
      const char *start;
      const char *end;

      if (expected == NULL)
        continue;

      start = strstr (doc->str, marker);
      end = start ? strstr (start, DOC_END) : NULL;
      if (start == NULL || end == NULL)
        {
          g_test_message ("docs/file-format.md has no section “%s”", marker);
          mismatches++;
          continue;
        }
      end += strlen (DOC_END);

      if ((gsize) (end - start) != strlen (expected) ||
          strncmp (start, expected, end - start) != 0)
        {
          gsize position = start - doc->str;

          g_test_message ("docs/file-format.md: the fields of %s differ; expected:\n%s",
                          g_type_name (type), expected);
          mismatches++;
          if (update)
            {
              g_string_erase (doc, position, end - start);
              g_string_insert (doc, position, expected);
            }
        }
    }

  /* No block for a class that no longer exists or documents nothing. */
  for (p = strstr (doc->str, DOC_BEGIN); p != NULL; p = strstr (p + 1, DOC_BEGIN))
    {
      const char *name = p + strlen (DOC_BEGIN);
      g_autofree char *type_name = g_strndup (name, strcspn (name, " "));
      GType type = g_type_from_name (type_name);
      g_autofree char *expected = type ? doc_block (type) : NULL;

      if (expected == NULL)
        {
          g_test_message ("docs/file-format.md documents “%s”, which has nothing to document",
                          type_name);
          mismatches++;
        }
    }

  return mismatches;
}

static void
test_doc_fields (void)
{
  g_autofree char *path = doc_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) doc = NULL;
  guint mismatches;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  doc = g_string_new (contents);

  mismatches = sync_doc (doc, FALSE);
  if (mismatches > 0)
    g_test_fail_printf ("%u sections of docs/file-format.md are out of date; run "
                        "“build/tests/core/test-format --update-doc docs/file-format.md”",
                        mismatches);

  /* And the prose names the limits the code enforces. */
  {
    g_autofree char *file_size = g_strdup_printf ("%d MiB", GTM_FORMAT_MAX_FILE_SIZE / (1024 * 1024));
    g_autofree char *depth = g_strdup_printf ("%d levels", GTM_FORMAT_MAX_DEPTH);
    g_autofree char *version = g_strdup_printf ("\"version\": %d", GTM_FORMAT_VERSION);

    g_assert_nonnull (strstr (doc->str, file_size));
    g_assert_nonnull (strstr (doc->str, depth));
    g_assert_nonnull (strstr (doc->str, version));
  }
}

static int
update_doc (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) doc = NULL;
  guint changed;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  doc = g_string_new (contents);
  changed = sync_doc (doc, TRUE);
  if (!g_file_set_contents (path, doc->str, doc->len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%s: %u sections updated\n", path, changed);
  return 0;
}

static int
rewrite_files (int    argc,
               char **argv)
{
  for (int i = 0; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GtmProject) project = gtm_format_read_file (file, NULL, &error);
      g_autoptr(GBytes) bytes = NULL;

      if (project == NULL)
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          return 1;
        }

      bytes = gtm_format_write_bytes (project);
      if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          return 1;
        }
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  gtm_core_init ();

  if (argc >= 3 && strcmp (argv[1], "--update-doc") == 0)
    return update_doc (argv[2]);
  if (argc >= 3 && strcmp (argv[1], "--rewrite") == 0)
    return rewrite_files (argc - 2, argv + 2);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/fixture/v1", test_fixture_v1);
  g_test_add_func ("/format/fixture/v0", test_fixture_v0);
  g_test_add_func ("/format/round-trip/fixtures", test_round_trip_fixtures);
  g_test_add_func ("/format/round-trip/samples", test_samples);
  g_test_add_func ("/format/round-trip/all-fields", test_round_trip_all_fields);
  g_test_add_func ("/format/round-trip/comma-locale", test_comma_locale);
  g_test_add_func ("/format/read/syntax-error-translated", test_syntax_error_translated);
  g_test_add_func ("/format/write/layout", test_write_layout);
  g_test_add_func ("/format/write/numbers", test_write_numbers);
  g_test_add_func ("/format/read/unknown-members", test_unknown_members);
  g_test_add_func ("/format/round-trip/messaging-boilerplate", test_messaging_boilerplate);
  g_test_add_func ("/format/read/groups-and-locks", test_groups_and_locks);
  g_test_add_func ("/format/read/persona-avatar-personality", test_persona_avatar_personality);
  g_test_add_func ("/format/read/kind-is-reserved", test_kind_is_reserved);
  g_test_add_func ("/format/check-value", test_check_value);
  g_test_add_func ("/format/bad/all-listed", test_bad_all_listed);
  g_test_add_func ("/format/bad/deep", test_bad_deep);
  g_test_add_func ("/format/bad/truncated", test_bad_truncated);
  g_test_add_func ("/format/bad/too-large", test_bad_too_large);
  g_test_add_func ("/format/bad/io", test_bad_io);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/format/bad/%s", bad_cases[i].file);

      g_test_add_data_func (name, &bad_cases[i], test_bad_file);
    }
  g_test_add_func ("/format/doc/fields", test_doc_fields);

  return g_test_run ();
}
