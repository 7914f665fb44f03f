/* test-model.c — the PMM content classes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gtm-core.h"
#include "gtm-core-test-utils.h"

static GtmNode *
item_at (GListModel *list,
         guint       index)
{
  GtmNode *node = g_list_model_get_item (list, index);

  g_object_unref (node); /* the list keeps it */
  return node;
}

/* Constructors give each object a fresh, valid id named after its kind. */
static void
test_new_ids (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (g_object_unref);
  static const char * const prefixes[] = {
    "persona-", "brief-", "segment-", "competitor-", "swot-", "messaging-", "message-",
    "pricing-", "tier-", "plan-", "activity-", "metrics-", "stage-", "metric-", "trait-",
  };

  for (guint round = 0; round < 2; round++)
    {
      g_ptr_array_add (nodes, gtm_persona_new (GTM_PERSONA_KIND_USER, "Lily"));
      g_ptr_array_add (nodes, gtm_brief_new ());
      g_ptr_array_add (nodes, gtm_segment_new ("Pharmacies"));
      g_ptr_array_add (nodes, gtm_competitor_new (GTM_COMPETITOR_TIER_SECONDARY, "Northwind"));
      g_ptr_array_add (nodes, gtm_swot_new ());
      g_ptr_array_add (nodes, gtm_messaging_new ());
      g_ptr_array_add (nodes, gtm_key_message_new (NULL, "Live in an hour"));
      g_ptr_array_add (nodes, gtm_pricing_new ());
      g_ptr_array_add (nodes, gtm_price_tier_new ("Starter", 2999));
      g_ptr_array_add (nodes, gtm_launch_plan_new ());
      g_ptr_array_add (nodes, gtm_activity_new ("Beta", "2024-07-01", "2024-08-09"));
      g_ptr_array_add (nodes, gtm_metrics_new ());
      g_ptr_array_add (nodes, gtm_funnel_stage_new ("Trial", 1500));
      g_ptr_array_add (nodes, gtm_metric_new (GTM_METRIC_KIND_NPS, "NPS"));
      g_ptr_array_add (nodes, gtm_trait_new ("Introvert", "Extrovert", 50));
    }

  for (guint i = 0; i < nodes->len; i++)
    {
      const char *id = gtm_node_get_id (g_ptr_array_index (nodes, i));

      g_assert_true (gtm_format_is_valid_id (id));
      g_assert_true (g_str_has_prefix (id, prefixes[i % G_N_ELEMENTS (prefixes)]));
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
    }
}

/* What a new object holds before anyone edits it. */
static void
test_defaults (void)
{
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_USER, "李丽");
  g_autoptr(GtmSegment) segment = gtm_segment_new (NULL);
  g_autoptr(GtmCompetitor) competitor = gtm_competitor_new (GTM_COMPETITOR_TIER_TERTIARY, "SheetFlow");
  g_autoptr(GtmPricing) pricing = gtm_pricing_new ();
  g_autoptr(GtmPriceTier) tier = gtm_price_tier_new ("Growth", 7999);
  g_autoptr(GtmActivity) activity = gtm_activity_new ("Launch day", "2024-09-10", NULL);
  g_autoptr(GtmMetric) metric = gtm_metric_new (GTM_METRIC_KIND_ROI, "Campaign ROI");
  g_autoptr(GtmSwot) swot = gtm_swot_new ();
  g_autoptr(GtmBrief) brief = gtm_brief_new ();
  g_autoptr(GtmKeyMessage) message = gtm_key_message_new (NULL, NULL);
  GtmColor color;

  g_assert_cmpint (gtm_persona_get_kind (persona), ==, GTM_PERSONA_KIND_USER);
  g_assert_cmpstr (gtm_persona_get_name (persona), ==, "李丽");
  g_assert_true (gtm_color_parse (gtm_persona_get_avatar_color (persona), &color));
  g_assert_cmpfloat (color.alpha, ==, 1.0);
  g_assert_cmpint (gtm_node_get_int (GTM_NODE (persona), GTM_PERSONA_SLOT_AGE), ==, 0);
  g_assert_cmpint (gtm_persona_get_buying_role (persona), ==, GTM_BUYING_ROLE_NONE);
  g_assert_cmpstr (gtm_persona_get_job_title (persona), ==, "");

  /* Strings default to "", never NULL; empty lists to nothing. */
  g_assert_cmpstr (gtm_segment_get_name (segment), ==, "");
  g_assert_cmpint (gtm_segment_get_priority (segment), ==, 3);
  g_assert_cmpfloat (gtm_segment_get_market_size (segment), ==, 0);
  g_assert_cmpint (gtm_competitor_get_tier (competitor), ==, GTM_COMPETITOR_TIER_TERTIARY);
  g_assert_cmpstr (gtm_pricing_get_currency (pricing), ==, "USD");
  g_assert_cmpint (gtm_pricing_get_strategy (pricing), ==, GTM_PRICING_STRATEGY_VALUE_BASED);
  g_assert_cmpuint (g_list_model_get_n_items (gtm_pricing_get_tiers (pricing)), ==, 0);
  g_assert_cmpstr (gtm_price_tier_get_period (tier), ==, "month");
  g_assert_cmpfloat (gtm_price_tier_get_price (tier), ==, 7999);
  g_assert_null (gtm_price_tier_get_features (tier)[0]);
  g_assert_cmpstr (gtm_activity_get_start (activity), ==, "2024-09-10");
  g_assert_cmpstr (gtm_activity_get_end (activity), ==, "");
  g_assert_false (gtm_activity_get_milestone (activity));
  g_assert_false (gtm_activity_get_external (activity));
  g_assert_cmpint (gtm_metric_get_kind (metric), ==, GTM_METRIC_KIND_ROI);
  g_assert_cmpfloat (gtm_metric_get_target (metric), ==, 0);
  g_assert_cmpstr (gtm_metric_get_unit (metric), ==, "");
  g_assert_null (gtm_swot_get_strengths (swot)[0]);
  g_assert_null (gtm_swot_get_threats (swot)[0]);
  g_assert_null (gtm_brief_get_problems (brief)[0]);
  g_assert_cmpint (gtm_brief_get_business_goal (brief), ==, GTM_BUSINESS_GOAL_ACQUIRE);
  g_assert_cmpstr (gtm_key_message_get_persona (message), ==, "");
  g_assert_cmpstr (gtm_key_message_get_headline (message), ==, "");
}

/* Typed getters read the slots the fields were installed in. */
static void
test_getters (void)
{
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_BUYER, "张伟");
  g_autoptr(GtmMetric) metric = gtm_metric_new (GTM_METRIC_KIND_NPS, "NPS");
  g_autoptr(GtmActivity) activity = gtm_activity_new ("Expo", "2024-09-18", "2024-09-20");
  g_autoptr(GtmPriceTier) tier = gtm_price_tier_new ("Pro", 10);
  g_autoptr(GtmMessaging) messaging = gtm_messaging_new ();
  g_autoptr(GtmLaunchPlan) plan = gtm_launch_plan_new ();
  g_autoptr(GtmBrief) brief = gtm_brief_new ();
  g_autoptr(GtmSwot) swot = gtm_swot_new ();
  const char *features[] = { "API", "SSO", NULL };
  const char *quadrant[] = { "Brand", NULL };

  g_object_set (persona,
                "job-title", "CMO 首席营销官",
                "avatar-color", "#e66100",
                "buying-role", GTM_BUYING_ROLE_CHAMPION,
                "age", 46,
                NULL);
  g_assert_cmpstr (gtm_persona_get_job_title (persona), ==, "CMO 首席营销官");
  g_assert_cmpstr (gtm_persona_get_avatar_color (persona), ==, "#e66100");
  g_assert_cmpint (gtm_persona_get_buying_role (persona), ==, GTM_BUYING_ROLE_CHAMPION);
  g_assert_cmpint (gtm_node_get_int (GTM_NODE (persona), GTM_PERSONA_SLOT_AGE), ==, 46);

  g_object_set (metric, "formula", "% promoters − % detractors", "target", 40.0,
                "current", 31.5, "unit", "points", NULL);
  g_assert_cmpstr (gtm_metric_get_formula (metric), ==, "% promoters − % detractors");
  g_assert_cmpfloat (gtm_metric_get_target (metric), ==, 40.0);
  g_assert_cmpfloat (gtm_metric_get_current (metric), ==, 31.5);
  g_assert_cmpstr (gtm_metric_get_unit (metric), ==, "points");
  g_assert_cmpstr (gtm_metric_get_name (metric), ==, "NPS");

  g_object_set (activity, "team", "Events", "owner", "李伟", "milestone", TRUE, "external", TRUE, NULL);
  g_assert_cmpstr (gtm_activity_get_name (activity), ==, "Expo");
  g_assert_cmpstr (gtm_activity_get_team (activity), ==, "Events");
  g_assert_cmpstr (gtm_activity_get_owner (activity), ==, "李伟");
  g_assert_cmpstr (gtm_activity_get_end (activity), ==, "2024-09-20");
  g_assert_true (gtm_activity_get_milestone (activity));
  g_assert_true (gtm_activity_get_external (activity));

  g_object_set (tier, "features", features, NULL);
  g_assert_cmpstrv (gtm_price_tier_get_features (tier), features);
  g_assert_cmpstr (gtm_price_tier_get_name (tier), ==, "Pro");

  g_object_set (messaging, "elevator-pitch", "一分钟讲清楚。", NULL);
  g_assert_cmpstr (gtm_messaging_get_elevator_pitch (messaging), ==, "一分钟讲清楚。");

  g_object_set (plan, "launch-date", "2024-09-10", NULL);
  g_assert_cmpstr (gtm_launch_plan_get_launch_date (plan), ==, "2024-09-10");

  g_object_set (brief, "audience", "Retailers", "vision", "Know every shopper", "problems", quadrant,
                "business-goal", GTM_BUSINESS_GOAL_RETAIN, NULL);
  g_assert_cmpstr (gtm_brief_get_audience (brief), ==, "Retailers");
  g_assert_cmpstr (gtm_brief_get_vision (brief), ==, "Know every shopper");
  g_assert_cmpstrv (gtm_brief_get_problems (brief), quadrant);
  g_assert_cmpint (gtm_brief_get_business_goal (brief), ==, GTM_BUSINESS_GOAL_RETAIN);

  g_object_set (swot, "strengths", quadrant, "weaknesses", quadrant, "opportunities", quadrant, NULL);
  g_assert_cmpstrv (gtm_swot_get_strengths (swot), quadrant);
  g_assert_cmpstrv (gtm_swot_get_weaknesses (swot), quadrant);
  g_assert_cmpstrv (gtm_swot_get_opportunities (swot), quadrant);
  g_assert_null (gtm_swot_get_threats (swot)[0]);
}

static void
count_change (GtmNode *node,
              GtmNode *origin,
              guint   *count)
{
  (*count)++;
}

/* The project holds one of each singleton and typed lists of the rest. */
static void
test_project_holds_content (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_BUYER, "CMO");
  g_autoptr(GtmKeyMessage) message = NULL;
  GtmNode *messaging = gtm_project_get_messaging (project);
  guint changes = 0;

  g_assert_true (GTM_IS_BRIEF (gtm_project_get_brief (project)));
  g_assert_true (GTM_IS_SWOT (gtm_project_get_swot (project)));
  g_assert_true (GTM_IS_MESSAGING (messaging));
  g_assert_true (GTM_IS_PRICING (gtm_project_get_pricing (project)));
  g_assert_true (GTM_IS_LAUNCH_PLAN (gtm_project_get_launch_plan (project)));
  g_assert_true (GTM_IS_METRICS (gtm_project_get_metrics (project)));
  g_assert_true (gtm_node_get_parent (messaging) == GTM_NODE (project));

  g_assert_true (g_list_model_get_item_type (gtm_project_get_personas (project)) == GTM_TYPE_PERSONA);
  g_assert_true (g_list_model_get_item_type (gtm_project_get_segments (project)) == GTM_TYPE_SEGMENT);
  g_assert_true (g_list_model_get_item_type (gtm_project_get_competitors (project)) == GTM_TYPE_COMPETITOR);
  g_assert_true (g_list_model_get_item_type (gtm_messaging_get_key_messages (GTM_MESSAGING (messaging))) ==
                 GTM_TYPE_KEY_MESSAGE);
  g_assert_true (g_list_model_get_item_type (gtm_pricing_get_tiers (GTM_PRICING (gtm_project_get_pricing (project)))) ==
                 GTM_TYPE_PRICE_TIER);
  g_assert_true (g_list_model_get_item_type (gtm_launch_plan_get_activities (GTM_LAUNCH_PLAN (gtm_project_get_launch_plan (project)))) ==
                 GTM_TYPE_ACTIVITY);
  g_assert_true (g_list_model_get_item_type (gtm_metrics_get_funnel (GTM_METRICS (gtm_project_get_metrics (project)))) ==
                 GTM_TYPE_FUNNEL_STAGE);
  g_assert_true (g_list_model_get_item_type (gtm_metrics_get_metrics (GTM_METRICS (gtm_project_get_metrics (project)))) ==
                 GTM_TYPE_METRIC);

  /* Content below the project reports its changes up to the project. */
  g_list_store_append (G_LIST_STORE (gtm_project_get_personas (project)), persona);
  message = gtm_key_message_new (gtm_node_get_id (GTM_NODE (persona)), "ROI you can show");
  g_list_store_append (G_LIST_STORE (gtm_messaging_get_key_messages (GTM_MESSAGING (messaging))), message);
  g_assert_true (gtm_node_find (GTM_NODE (project), gtm_node_get_id (GTM_NODE (message))) ==
                 GTM_NODE (message));
  g_assert_true (gtm_node_get_root (GTM_NODE (message)) == GTM_NODE (project));

  g_signal_connect (project, "changed", G_CALLBACK (count_change), &changes);
  g_object_set (message, "headline", "ROI your CEO can see", NULL);
  g_assert_cmpuint (changes, ==, 1);
  g_object_set (gtm_project_get_brief (project), "audience", "Mid-size retailers", NULL);
  g_assert_cmpuint (changes, ==, 2);
}

/* The names the file uses for the enumerations. */
static void
test_enum_nicks (void)
{
  static const struct {
    GType       (*get_type) (void);
    int         value;
    const char *nick;
  } cases[] = {
    { gtm_persona_kind_get_type, GTM_PERSONA_KIND_BUYER, "buyer" },
    { gtm_persona_kind_get_type, GTM_PERSONA_KIND_USER, "user" },
    { gtm_buying_role_get_type, GTM_BUYING_ROLE_DECISION_MAKER, "decision-maker" },
    { gtm_buying_role_get_type, GTM_BUYING_ROLE_GATEKEEPER, "gatekeeper" },
    { gtm_business_goal_get_type, GTM_BUSINESS_GOAL_EXPAND, "expand" },
    { gtm_competitor_tier_get_type, GTM_COMPETITOR_TIER_SECONDARY, "secondary" },
    { gtm_pricing_strategy_get_type, GTM_PRICING_STRATEGY_VALUE_BASED, "value-based" },
    { gtm_pricing_strategy_get_type, GTM_PRICING_STRATEGY_SKIMMING, "skimming" },
    { gtm_metric_kind_get_type, GTM_METRIC_KIND_MARKET_PENETRATION, "market-penetration" },
    { gtm_metric_kind_get_type, GTM_METRIC_KIND_NPS, "nps" },
    { gtm_metric_kind_get_type, GTM_METRIC_KIND_CONVERSION_RATE, "conversion-rate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GEnumClass *enum_class = g_type_class_ref (cases[i].get_type ());

      g_assert_cmpstr (g_enum_get_value (enum_class, cases[i].value)->value_nick, ==, cases[i].nick);
      g_type_class_unref (enum_class);
    }
}

static gboolean
accepts (GType       type,
         const char *field,
         GValue     *value)
{
  GObjectClass *klass = g_type_class_ref (type);
  GParamSpec *pspec = g_object_class_find_property (klass, field);
  gboolean ok;

  g_assert_nonnull (pspec);
  ok = gtm_format_check_value (pspec, value, NULL);
  g_type_class_unref (klass);

  return ok;
}

static gboolean
accepts_int (GType type, const char *field, int number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, number);
  return accepts (type, field, &value);
}

static gboolean
accepts_double (GType type, const char *field, double number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, number);
  return accepts (type, field, &value);
}

static gboolean
accepts_string (GType type, const char *field, const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return accepts (type, field, &value);
}

/* Honest limits: what an editor may store, the reader accepts. */
static void
test_field_limits (void)
{
  g_assert_true (accepts_int (GTM_TYPE_PERSONA, "age", 0));
  g_assert_true (accepts_int (GTM_TYPE_PERSONA, "age", 150));
  g_assert_false (accepts_int (GTM_TYPE_PERSONA, "age", 151));
  g_assert_false (accepts_int (GTM_TYPE_PERSONA, "age", -1));
  g_assert_true (accepts_int (GTM_TYPE_SEGMENT, "priority", 1));
  g_assert_false (accepts_int (GTM_TYPE_SEGMENT, "priority", 0));
  g_assert_false (accepts_int (GTM_TYPE_SEGMENT, "priority", 6));
  g_assert_true (accepts_double (GTM_TYPE_SEGMENT, "market-size", 1e15));
  g_assert_false (accepts_double (GTM_TYPE_SEGMENT, "market-size", -1));
  g_assert_true (accepts_double (GTM_TYPE_PRICE_TIER, "price", 1e9));
  g_assert_false (accepts_double (GTM_TYPE_PRICE_TIER, "price", 1e9 + 1));
  g_assert_true (accepts_double (GTM_TYPE_FUNNEL_STAGE, "count", 0));
  g_assert_false (accepts_double (GTM_TYPE_FUNNEL_STAGE, "count", 2e15));
  g_assert_true (accepts_double (GTM_TYPE_METRIC, "current", -1e15));
  g_assert_false (accepts_double (GTM_TYPE_METRIC, "target", 1e16));

  /* Dates, colours, references and line breaks where they belong. */
  g_assert_true (accepts_string (GTM_TYPE_ACTIVITY, "start", "2024-02-29"));
  g_assert_false (accepts_string (GTM_TYPE_ACTIVITY, "start", "2023-02-29"));
  g_assert_true (accepts_string (GTM_TYPE_ACTIVITY, "end", ""));
  g_assert_true (accepts_string (GTM_TYPE_LAUNCH_PLAN, "launch-date", "2024-09-10"));
  g_assert_false (accepts_string (GTM_TYPE_LAUNCH_PLAN, "launch-date", "next week"));
  g_assert_true (accepts_string (GTM_TYPE_PERSONA, "avatar-color", "#26a269"));
  g_assert_false (accepts_string (GTM_TYPE_PERSONA, "avatar-color", "green"));
  g_assert_true (accepts_string (GTM_TYPE_KEY_MESSAGE, "persona", "persona-0123456789ab"));
  g_assert_false (accepts_string (GTM_TYPE_KEY_MESSAGE, "persona", "a persona"));
  g_assert_true (accepts_string (GTM_TYPE_PERSONA, "scenario", "Monday:\nopens Beacon"));
  g_assert_false (accepts_string (GTM_TYPE_PERSONA, "name", "Two\nlines"));
  g_assert_true (accepts_string (GTM_TYPE_MESSAGING, "elevator-pitch", "一句话。\n第二句。"));
  g_assert_false (accepts_string (GTM_TYPE_MESSAGING, "category", "a\ncategory"));
}

/* Checks across fields, run by the reader once a file is built. */
static void
test_validate (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_BUYER, "CMO");
  g_autoptr(GtmSegment) segment = gtm_segment_new ("Grocery");
  g_autoptr(GtmActivity) activity = gtm_activity_new ("Beta", "2024-07-01", "2024-06-30");
  g_autoptr(GtmKeyMessage) message = gtm_key_message_new (NULL, "Hello");
  GtmNodeClass *activity_class = GTM_NODE_GET_CLASS (activity);
  GtmNodeClass *message_class = GTM_NODE_GET_CLASS (message);
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  g_list_store_append (G_LIST_STORE (gtm_project_get_personas (project)), persona);
  g_list_store_append (G_LIST_STORE (gtm_project_get_segments (project)), segment);

  g_assert_false (activity_class->validate (GTM_NODE (activity), GTM_NODE (project), &field, &error));
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before it starts"));
  g_assert_cmpstr (field, ==, "end");
  g_clear_error (&error);

  g_object_set (activity, "end", "2024-07-01", NULL);
  g_assert_true (activity_class->validate (GTM_NODE (activity), GTM_NODE (project), &field, &error));
  g_object_set (activity, "start", "", "end", "2023-01-01", NULL);
  g_assert_true (activity_class->validate (GTM_NODE (activity), GTM_NODE (project), &field, &error));
  g_assert_no_error (error);

  /* A key message speaks to everyone, or to a persona of the project. */
  g_assert_true (message_class->validate (GTM_NODE (message), GTM_NODE (project), &field, &error));
  g_object_set (message, "persona", gtm_node_get_id (GTM_NODE (persona)), NULL);
  g_assert_true (message_class->validate (GTM_NODE (message), GTM_NODE (project), &field, &error));
  g_assert_no_error (error);
  g_object_set (message, "persona", gtm_node_get_id (GTM_NODE (segment)), NULL);
  g_assert_false (message_class->validate (GTM_NODE (message), GTM_NODE (project), &field, &error));
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a persona"));
  g_assert_cmpstr (field, ==, "persona");

  /* The project as a whole reports the same, with the place. */
  g_clear_error (&error);
  {
    GtmNode *messaging = gtm_project_get_messaging (project);

    g_list_store_append (gtm_node_get_list (messaging, "key-messages"), message);
    g_assert_false (gtm_format_validate (project, &error));
    g_assert_nonnull (strstr (error->message, "messaging.key-messages[0].persona: "));
  }
}

/* Edits through the history, as the UI makes them, undo cleanly. */
static void
test_history_edits (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  GtmHistory *history = gtm_project_get_history (project);
  GtmNode *pricing = gtm_project_get_pricing (project);
  g_autoptr(GtmPriceTier) tier = gtm_price_tier_new ("Starter", 2999);

  gtm_history_set (history, pricing, "currency", "CNY", NULL);
  gtm_history_insert (history, pricing, "tiers", 0, GTM_NODE (tier));
  gtm_history_set (history, GTM_NODE (tier), "price", 3999.0, NULL);

  g_assert_cmpstr (gtm_pricing_get_currency (GTM_PRICING (pricing)), ==, "CNY");
  g_assert_cmpfloat (gtm_price_tier_get_price (GTM_PRICE_TIER (item_at (gtm_pricing_get_tiers (GTM_PRICING (pricing)), 0))),
                     ==, 3999.0);
  g_assert_true (gtm_history_get_modified (history));

  while (gtm_history_can_undo (history))
    gtm_history_undo (history);

  g_assert_cmpstr (gtm_pricing_get_currency (GTM_PRICING (pricing)), ==, "USD");
  g_assert_cmpuint (g_list_model_get_n_items (gtm_pricing_get_tiers (GTM_PRICING (pricing))), ==, 0);
  g_assert_cmpfloat (gtm_price_tier_get_price (tier), ==, 2999);
  g_assert_false (gtm_history_get_modified (history));
}

/* Personality sliders: a list of the persona, edited through the history;
 * the value stays within 0 … 100 however it is given. */
static void
test_personality (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_BUYER, "张伟");
  g_autoptr(GtmTrait) trait = gtm_trait_new ("Introvert", "Extrovert", 80);
  g_autoptr(GtmTrait) low = gtm_trait_new ("保守", "冒险", -20);
  g_autoptr(GtmTrait) high = gtm_trait_new (NULL, NULL, 1000);
  g_autoptr(GtmTrait) plain = g_object_new (GTM_TYPE_TRAIT, "id", "trait-1", NULL);
  GListModel *personality = gtm_persona_get_personality (persona);

  g_assert_true (gtm_format_is_valid_id (gtm_node_get_id (GTM_NODE (trait))));
  g_assert_true (g_str_has_prefix (gtm_node_get_id (GTM_NODE (trait)), "trait-"));
  g_assert_cmpstr (gtm_trait_get_left (trait), ==, "Introvert");
  g_assert_cmpstr (gtm_trait_get_right (trait), ==, "Extrovert");
  g_assert_cmpint (gtm_trait_get_value (trait), ==, 80);
  g_assert_cmpint (gtm_trait_get_value (low), ==, GTM_TRAIT_VALUE_MIN);
  g_assert_cmpint (gtm_trait_get_value (high), ==, GTM_TRAIT_VALUE_MAX);
  g_assert_cmpstr (gtm_trait_get_left (high), ==, "");
  g_assert_cmpint (gtm_trait_get_value (plain), ==, 50);

  /* The descriptive keywords stay a separate list of texts. */
  g_assert_true (g_list_model_get_item_type (personality) == GTM_TYPE_TRAIT);
  g_assert_cmpuint (g_list_model_get_n_items (personality), ==, 0);
  g_assert_null (gtm_persona_get_avatar (persona));

  gtm_history_insert (history, GTM_NODE (project), "personas", 0, GTM_NODE (persona));
  gtm_history_insert (history, GTM_NODE (persona), "personality", 0, GTM_NODE (trait));
  gtm_history_insert (history, GTM_NODE (persona), "personality", 1, GTM_NODE (low));
  g_assert_cmpuint (g_list_model_get_n_items (personality), ==, 2);
  g_assert_true (gtm_node_get_root (GTM_NODE (low)) == GTM_NODE (project));

  gtm_history_set (history, GTM_NODE (trait), "value", 500, NULL);
  g_assert_cmpint (gtm_trait_get_value (trait), ==, GTM_TRAIT_VALUE_MAX);
  gtm_history_set (history, GTM_NODE (trait), "value", 35, NULL);
  g_assert_cmpint (gtm_trait_get_value (trait), ==, 35);
  gtm_history_move (history, GTM_NODE (persona), "personality", 1, 0);
  g_assert_true (item_at (personality, 0) == GTM_NODE (low));

  g_assert_true (gtm_history_undo (history));
  g_assert_true (item_at (personality, 0) == GTM_NODE (trait));
  g_assert_true (gtm_history_undo (history));
  g_assert_cmpint (gtm_trait_get_value (trait), ==, GTM_TRAIT_VALUE_MAX);
  g_assert_true (gtm_history_undo (history));
  g_assert_true (gtm_history_undo (history));
  g_assert_true (gtm_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (personality), ==, 0);
  g_assert_cmpint (gtm_trait_get_value (trait), ==, 80);
}

/* A persona's picture is a PNG file, checked as an image item's data. */
static void
test_persona_avatar (void)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 48, 0, 0, 0, 48, 8, 6, 0, 0, 0, 0x57, 0x02, 0xf9, 0x87,
  };
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_USER, "李丽");
  g_autoptr(GBytes) avatar = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) not_png = g_bytes_new_static ("GIF89a, not a PNG at all, not at all", 36);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GError) error = NULL;

  gtm_history_insert (history, GTM_NODE (project), "personas", 0, GTM_NODE (persona));
  gtm_history_set (history, GTM_NODE (persona), "avatar", avatar, NULL);
  g_assert_true (g_bytes_equal (gtm_persona_get_avatar (persona), avatar));
  g_assert_true (gtm_format_validate (project, &error));
  g_assert_no_error (error);

  /* No bytes are no picture. */
  gtm_history_set (history, GTM_NODE (persona), "avatar", empty, NULL);
  g_assert_null (gtm_persona_get_avatar (persona));
  g_assert_true (gtm_format_validate (project, &error));

  gtm_history_set (history, GTM_NODE (persona), "avatar", not_png, NULL);
  g_assert_false (gtm_format_validate (project, &error));
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "personas[0].avatar: "));
  g_assert_nonnull (strstr (error->message, "PNG"));

  g_assert_true (gtm_history_undo (history));
  g_assert_true (gtm_history_undo (history));
  g_assert_true (g_bytes_equal (gtm_persona_get_avatar (persona), avatar));
}

/* The positioning statement, whole, partly filled in and empty. */
static void
test_positioning (void)
{
  g_autoptr(GtmMessaging) messaging = gtm_messaging_new ();
  g_autofree char *text = NULL;

  text = gtm_messaging_compose_positioning (messaging, "Beacon");
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  g_object_set (messaging,
                "audience", "mid-size retailers",
                "need", "can't tell which stores lose shoppers",
                "category", "retail analytics service",
                "benefit", "shows every shopper's path in one dashboard.",
                "alternative", "spreadsheets and gut feeling",
                "differentiator", " needs no data team ",
                NULL);
  text = gtm_messaging_compose_positioning (messaging, "Beacon");
  g_assert_cmpstr (text, ==,
                   "For mid-size retailers who can't tell which stores lose shoppers, Beacon is a "
                   "retail analytics service that shows every shopper's path in one dashboard. "
                   "Unlike spreadsheets and gut feeling, it needs no data team.");
  g_clear_pointer (&text, g_free);

  /* Without an alternative there is no second sentence; a missing part of
   * the first shows what to fill in. */
  g_object_set (messaging, "alternative", "", "need", "", NULL);
  text = gtm_messaging_compose_positioning (messaging, NULL);
  g_assert_cmpstr (text, ==,
                   "For mid-size retailers who [need], [product] is a retail analytics service "
                   "that shows every shopper's path in one dashboard.");
  g_clear_pointer (&text, g_free);

  g_object_set (messaging, "alternative", "Excel", "differentiator", "", NULL);
  text = gtm_messaging_compose_positioning (messaging, "  ");
  g_assert_null (strstr (text, "Unlike"));
  g_assert_nonnull (strstr (text, "[product]"));
  g_clear_pointer (&text, g_free);

  g_object_set (messaging, "audience", "", "category", " ", "benefit", "", "alternative", "", NULL);
  text = gtm_messaging_compose_positioning (messaging, "Beacon");
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  g_object_set (messaging, "differentiator", "把定位写在一处。", "alternative", "PPT", NULL);
  text = gtm_messaging_compose_positioning (messaging, "灯塔");
  g_assert_cmpstr (text, ==,
                   "For [audience] who [need], 灯塔 is a [category] that [benefit]. "
                   "Unlike PPT, it 把定位写在一处.");
}

static GtmBoard *
board_at (GtmProject *project,
          guint       index)
{
  return GTM_BOARD (item_at (gtm_project_get_boards (project), index));
}

static const char *
undo_label (GtmProject *project)
{
  return gtm_history_get_undo_label (gtm_project_get_history (project));
}

/* Add, rename, move and delete boards: each one undo step, named. */
static void
test_board_edits (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  GtmHistory *history = gtm_project_get_history (project);
  GListModel *boards = gtm_project_get_boards (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = NULL;
  GtmBoard *first, *second, *third;

  /* New boards are numbered, as a new project's first board is. */
  first = gtm_project_add_board (project, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtm_board_get_name (first), ==, "Board 1");
  g_assert_true (gtm_node_get_parent (GTM_NODE (first)) == GTM_NODE (project));
  g_assert_cmpstr (undo_label (project), ==, "Add Board");
  second = gtm_project_add_board (project, 1, NULL, &error);
  g_assert_cmpstr (gtm_board_get_name (second), ==, "Board 2");
  third = gtm_project_add_board (project, 0, "Roadmap", &error);
  g_assert_no_error (error);
  g_assert_true (board_at (project, 0) == third);
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 3);
  g_assert_true (gtm_history_get_modified (history));

  /* Renaming trims the name; a name that doesn't change records nothing. */
  g_assert_true (gtm_project_rename_board (project, first, "  Journey 旅程 ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtm_board_get_name (first), ==, "Journey 旅程");
  g_assert_cmpstr (undo_label (project), ==, "Rename Board");
  g_assert_true (gtm_project_rename_board (project, first, "Journey 旅程", &error));
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 4);

  /* Numbers other boards' names have are skipped. */
  g_assert_true (gtm_project_rename_board (project, third, "Board 4", &error));
  g_assert_cmpstr (gtm_board_get_name (gtm_project_add_board (project, 3, NULL, &error)), ==,
                   "Board 5");
  gtm_history_undo (history);
  gtm_history_undo (history);
  g_assert_cmpstr (gtm_board_get_name (third), ==, "Roadmap");

  /* Names the user can't have are refused with a reason, changing nothing. */
  g_assert_false (gtm_project_rename_board (project, first, " \t ", &error));
  g_assert_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A board needs a name.");
  g_clear_error (&error);
  g_assert_false (gtm_project_rename_board (project, first, "Two\nlines", &error));
  g_assert_cmpstr (error->message, ==, "A board’s name is one line.");
  g_clear_error (&error);
  long_name = g_strnfill (GTM_FORMAT_MAX_LINE_LENGTH + 1, 'x');
  g_assert_false (gtm_project_check_board_name (long_name, &error));
  g_assert_cmpstr (error->message, ==, "This name is too long.");
  g_clear_error (&error);
  long_name[GTM_FORMAT_MAX_LINE_LENGTH] = '\0';
  g_assert_true (gtm_project_check_board_name (long_name, NULL));
  g_assert_cmpstr (gtm_board_get_name (first), ==, "Journey 旅程");
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 4);

  /* Roadmap, Journey, Untitled Board 2 → Journey, Untitled Board 2, Roadmap */
  gtm_project_move_board (project, 0, 2);
  g_assert_true (board_at (project, 0) == first);
  g_assert_true (board_at (project, 1) == second);
  g_assert_true (board_at (project, 2) == third);
  g_assert_cmpstr (undo_label (project), ==, "Move Board");

  gtm_project_remove_board (project, second);
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 2);
  g_assert_null (gtm_node_get_parent (GTM_NODE (second)));
  g_assert_cmpstr (undo_label (project), ==, "Delete Board");

  /* Undo takes every step back, in order; redo applies them again. */
  gtm_history_undo (history);
  g_assert_true (board_at (project, 1) == second);
  gtm_history_undo (history);
  g_assert_true (board_at (project, 0) == third);
  gtm_history_undo (history);
  g_assert_cmpstr (gtm_board_get_name (first), ==, "Board 1");
  while (gtm_history_can_undo (history))
    gtm_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 0);
  g_assert_false (gtm_history_get_modified (history));

  while (gtm_history_can_redo (history))
    gtm_history_redo (history);
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, 2);
  g_assert_true (board_at (project, 0) == first);
  g_assert_true (board_at (project, 1) == third);
  g_assert_cmpstr (gtm_board_get_name (first), ==, "Journey 旅程");
}

/* Whether i ~ j (same non-empty value of @field) in @a exactly when it is
 * in @b: the same groups, whatever they are called. */
static gboolean
same_partition (GPtrArray  *a,
                GPtrArray  *b,
                GParamSpec *pspec)
{
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < a->len; j++)
      {
        const char *ai = g_value_get_string (gtm_node_peek_value (a->pdata[i], pspec->param_id));
        const char *aj = g_value_get_string (gtm_node_peek_value (a->pdata[j], pspec->param_id));
        const char *bi = g_value_get_string (gtm_node_peek_value (b->pdata[i], pspec->param_id));
        const char *bj = g_value_get_string (gtm_node_peek_value (b->pdata[j], pspec->param_id));

        if ((ai[0] != '\0' && g_strcmp0 (ai, aj) == 0) != (bi[0] != '\0' && g_strcmp0 (bi, bj) == 0))
          return FALSE;
      }

  return TRUE;
}

static GPtrArray *
items_of (GtmBoard *board)
{
  GListModel *list = gtm_board_get_items (board);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));

  return items;
}

/* Asserts that @copy is a deep copy of @original: every field and item,
 * new ids everywhere, references pointing at the copies. */
static void
assert_board_copy (GtmBoard *copy,
                   GtmBoard *original)
{
  g_autoptr(GPtrArray) originals = items_of (original);
  g_autoptr(GPtrArray) copies = items_of (copy);
  g_autoptr(GHashTable) copy_of = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_connectors = 0, n_images = 0;

  g_assert_cmpstr (gtm_node_get_id (GTM_NODE (copy)), !=, gtm_node_get_id (GTM_NODE (original)));
  g_assert_cmpstr (gtm_board_get_background (copy), ==, gtm_board_get_background (original));
  g_assert_cmpuint (copies->len, ==, originals->len);

  for (guint i = 0; i < originals->len; i++)
    g_hash_table_insert (copy_of,
                         (gpointer) gtm_node_get_id (originals->pdata[i]),
                         (gpointer) gtm_node_get_id (copies->pdata[i]));

  for (guint i = 0; i < originals->len; i++)
    {
      GtmNode *a = originals->pdata[i];
      GtmNode *b = copies->pdata[i];
      GtmNodeClass *klass = GTM_NODE_GET_CLASS (a);

      g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
      g_assert_true (gtm_node_get_parent (b) == GTM_NODE (copy));
      g_assert_cmpstr (gtm_node_get_id (a), !=, gtm_node_get_id (b));
      g_assert_null (gtm_board_lookup_item (original, gtm_node_get_id (b)));
      n_connectors += GTM_IS_CONNECTOR (a);
      n_images += GTM_IS_IMAGE (a);

      for (guint f = 0; f < gtm_node_class_get_n_fields (klass); f++)
        {
          GParamSpec *pspec = gtm_node_class_get_field (klass, f);
          const GValue *va = gtm_node_peek_value (a, pspec->param_id);
          const GValue *vb = gtm_node_peek_value (b, pspec->param_id);

          if (strcmp (pspec->name, "id") == 0)
            continue;
          if (pspec->flags & GTM_PARAM_REFERENCE)
            g_assert_cmpstr (g_value_get_string (vb), ==,
                             g_hash_table_lookup (copy_of, g_value_get_string (va)));
          else if (pspec->flags & GTM_PARAM_TAG)
            g_assert_true (same_partition (originals, copies, pspec));
          else if (pspec->value_type == G_TYPE_BYTES)
            g_assert_true (g_bytes_equal (g_value_get_boxed (va), g_value_get_boxed (vb)));
          else if (g_param_values_cmp (pspec, va, vb) != 0)
            g_error ("%s.%s differs in the copy", G_OBJECT_TYPE_NAME (a), pspec->name);
        }
    }

  /* The sample's first board has both: the test tests something. */
  g_assert_cmpuint (n_connectors, >, 0);
  g_assert_cmpuint (n_images, >, 0);
}

/* A duplicate is a deep copy right after the original, as one step. */
static void
test_duplicate_board (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmHistory *history = gtm_project_get_history (project);
  GListModel *boards = gtm_project_get_boards (project);
  guint n_boards = g_list_model_get_n_items (boards);
  GtmBoard *original = board_at (project, 0);
  g_autofree char *copy_name = g_strdup_printf ("%s (Copy)", gtm_board_get_name (original));
  g_autofree char *copy2_name = g_strdup_printf ("%s (Copy 2)", gtm_board_get_name (original));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GtmProject) reread = NULL;
  GtmBoard *copy, *again;

  copy = gtm_project_duplicate_board (project, original, &error);
  g_assert_no_error (error);
  g_assert_true (board_at (project, 1) == copy);
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, n_boards + 1);
  g_assert_cmpstr (gtm_board_get_name (copy), ==, copy_name);
  assert_board_copy (copy, original);
  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (undo_label (project), ==, "Duplicate Board");
  g_assert_true (gtm_history_get_modified (history));

  /* Ids are unique in the whole project: it saves and reads back. */
  g_assert_true (gtm_format_validate (project, &error));
  saved = gtm_format_write_bytes (project);
  reread = gtm_format_read_bytes (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gtm_project_get_boards (reread)), ==, n_boards + 1);

  /* Changing the copy leaves the original alone. */
  {
    g_autoptr(GtmItem) item = g_list_model_get_item (gtm_board_get_items (copy), 0);
    g_autoptr(GtmItem) source = g_list_model_get_item (gtm_board_get_items (original), 0);
    double x = gtm_item_get_x (source);

    gtm_history_set (history, GTM_NODE (item), "x", x + 100, NULL);
    g_assert_cmpfloat (gtm_item_get_x (source), ==, x);
    gtm_history_undo (history);
  }

  /* A second copy gets a name of its own. */
  again = gtm_project_duplicate_board (project, original, &error);
  g_assert_cmpstr (gtm_board_get_name (again), ==, copy2_name);
  g_assert_true (board_at (project, 1) == again);
  g_assert_true (board_at (project, 2) == copy);

  gtm_history_undo (history);
  gtm_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (boards), ==, n_boards);
  g_assert_null (gtm_node_get_parent (GTM_NODE (copy)));
  g_assert_false (gtm_history_get_modified (history));

  gtm_history_redo (history);
  g_assert_true (board_at (project, 1) == copy);
  assert_board_copy (copy, original);
}

/* The names of copies of long names stay within the limits of the format,
 * cut between characters. */
static void
test_duplicate_long_name (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GtmBoard *board, *copy;
  const char *copy_name;

  while (name->len + strlen ("旅") <= GTM_FORMAT_MAX_LINE_LENGTH)
    g_string_append (name, "旅");
  board = gtm_project_add_board (project, 0, name->str, &error);
  g_assert_no_error (error);

  copy = gtm_project_duplicate_board (project, board, &error);
  g_assert_no_error (error);
  copy_name = gtm_board_get_name (copy);
  g_assert_true (g_utf8_validate (copy_name, -1, NULL));
  g_assert_cmpuint (strlen (copy_name), <=, GTM_FORMAT_MAX_LINE_LENGTH);
  g_assert_true (g_str_has_suffix (copy_name, "旅 (Copy)"));
  g_assert_true (gtm_format_validate (project, &error));
  g_assert_no_error (error);
}

/* A full project refuses another board with a message. */
static void
test_board_limit (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Beacon");
  GListStore *store = G_LIST_STORE (gtm_project_get_boards (project));
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < GTM_PROJECT_MAX_BOARDS; i++)
    {
      g_autoptr(GtmBoard) board = gtm_board_new ("Board");

      g_list_store_append (store, board);
    }

  g_assert_null (gtm_project_add_board (project, 0, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "1000"));
  g_clear_error (&error);
  g_assert_null (gtm_project_duplicate_board (project, board_at (project, 0), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, GTM_PROJECT_MAX_BOARDS);
  g_assert_false (gtm_history_can_undo (history));
}

int
main (int   argc,
      char *argv[])
{
  gtm_core_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/new-ids", test_new_ids);
  g_test_add_func ("/model/defaults", test_defaults);
  g_test_add_func ("/model/getters", test_getters);
  g_test_add_func ("/model/project", test_project_holds_content);
  g_test_add_func ("/model/enum-nicks", test_enum_nicks);
  g_test_add_func ("/model/field-limits", test_field_limits);
  g_test_add_func ("/model/validate", test_validate);
  g_test_add_func ("/model/history-edits", test_history_edits);
  g_test_add_func ("/model/personality", test_personality);
  g_test_add_func ("/model/persona-avatar", test_persona_avatar);
  g_test_add_func ("/model/positioning", test_positioning);
  g_test_add_func ("/model/board-edits", test_board_edits);
  g_test_add_func ("/model/duplicate-board", test_duplicate_board);
  g_test_add_func ("/model/duplicate-long-name", test_duplicate_long_name);
  g_test_add_func ("/model/board-limit", test_board_limit);

  return g_test_run ();
}
