/* test-link.c — linked fields: tokens, resolution, updates, undo and broken links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-link"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gtm-core.h"

#define MISSING "⟨missing field⟩"

typedef struct
{
  GtmProject *project;
  GtmHistory *history;
  GtmNode    *messaging;
  GtmNode    *persona;
  GtmNode    *tier;
  GtmBoard   *board;
  GtmItem    *note;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtmNode *pricing;

  f->project = gtm_project_new ("Launch");
  f->history = gtm_project_get_history (f->project);
  f->messaging = gtm_project_get_messaging (f->project);
  pricing = gtm_project_get_pricing (f->project);

  f->persona = GTM_NODE (gtm_persona_new (GTM_PERSONA_KIND_BUYER, "张伟"));
  gtm_history_insert (f->history, GTM_NODE (f->project), "personas", 0, f->persona);
  f->tier = GTM_NODE (gtm_price_tier_new ("Pro", 49.5));
  gtm_history_insert (f->history, pricing, "tiers", 0, f->tier);
  gtm_history_set (f->history, f->messaging,
                   "differentiator", "把定位写在一处", NULL);
  gtm_history_set (f->history, GTM_NODE (f->project), "product-name", "GTM Studio", NULL);

  f->board = gtm_project_add_board (f->project, 0, "Launch board", NULL);
  g_assert_nonnull (f->board);
  f->note = gtm_note_new (0, 0, "");
  gtm_board_add_item (f->board, f->history, f->note);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_unref (f->persona);
  g_object_unref (f->tier);
  g_object_unref (f->note);
  g_object_unref (f->project);
}

static char *
resolve (Fixture    *f,
         const char *text)
{
  return gtm_link_resolve (GTM_NODE (f->project), text, NULL, NULL);
}

static void
set_text (Fixture    *f,
          GtmItem    *item,
          const char *text)
{
  gtm_history_set (f->history, GTM_NODE (item), "text", text, NULL);
}

static void
test_format_parse (Fixture       *f,
                   gconstpointer  data)
{
  struct {
    GtmNode    *node;
    const char *field;
  } cases[] = {
    { f->persona, "name" },
    { f->tier, "price" },
    { f->messaging, "differentiator" },
    { GTM_NODE (f->project), "product-name" },
  };
  g_autofree char *token = gtm_link_format (f->messaging, "elevator-pitch");

  /* Singletons have no id in the file: they are named by their member. */
  g_assert_cmpstr (token, ==, "{{messaging.elevator-pitch}}");
  g_clear_pointer (&token, g_free);
  token = gtm_link_format (GTM_NODE (f->project), "title");
  g_assert_cmpstr (token, ==, "{{project.title}}");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gtm_link_format (cases[i].node, cases[i].field);
      g_autofree char *name = NULL;
      g_autofree char *field = NULL;

      g_assert_true (gtm_link_parse (text, &name, &field));
      g_assert_cmpstr (field, ==, cases[i].field);
      g_assert_true (gtm_link_lookup (GTM_NODE (f->project), name) == cases[i].node);
    }

  g_assert_true (g_str_has_prefix (gtm_link_get_node_name (f->persona), "persona-"));
  g_assert_null (gtm_link_get_node_name (GTM_NODE (f->note)));
  g_assert_null (gtm_link_get_node_name (GTM_NODE (f->board)));

  /* Not linkable: ids, colours, lists of texts, enumerations, items. */
  g_assert_true (gtm_link_is_linkable (f->persona, "name"));
  g_assert_true (gtm_link_is_linkable (f->persona, "age"));
  g_assert_false (gtm_link_is_linkable (f->persona, "id"));
  g_assert_false (gtm_link_is_linkable (f->persona, "avatar-color"));
  g_assert_false (gtm_link_is_linkable (f->persona, "goals"));
  g_assert_false (gtm_link_is_linkable (f->persona, "kind"));
  g_assert_false (gtm_link_is_linkable (f->persona, "no-such-field"));
  g_assert_false (gtm_link_is_linkable (GTM_NODE (f->note), "text"));
}

static void
test_iterate (Fixture       *f,
              gconstpointer  data)
{
  const char *text = "A {{p-1.name}} and {{{x_2.price}}, \\{{p-1.name}} {{p-1.name}}";
  GtmLinkIter iter;
  GtmLinkToken token;

  gtm_link_iter_init (&iter, text);
  g_assert_true (gtm_link_iter_next (&iter, &token));
  g_assert_cmpuint (token.start, ==, 2);
  g_assert_cmpuint (token.end, ==, 14);
  g_assert_cmpstr (token.name, ==, "p-1");
  g_assert_cmpstr (token.field, ==, "name");

  /* A stray brace before a token leaves the token whole. */
  g_assert_true (gtm_link_iter_next (&iter, &token));
  g_assert_cmpuint (token.start, ==, 20);
  g_assert_cmpstr (token.name, ==, "x_2");
  g_assert_cmpstr (token.field, ==, "price");

  /* The escaped one is skipped. */
  g_assert_true (gtm_link_iter_next (&iter, &token));
  g_assert_cmpuint (token.start, ==, strlen (text) - strlen ("{{p-1.name}}"));
  g_assert_cmpuint (token.end, ==, strlen (text));
  g_assert_false (gtm_link_iter_next (&iter, &token));
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  const char *literal[] = {
    "{{ messaging.differentiator }}",
    "{{messaging}}",
    "{{messaging.}}",
    "{{.differentiator}}",
    "{{messaging.differentiator}",
    "{messaging.differentiator}}",
    "{{messaging.differ entiator}}",
    "{{messaging.a.b}}",
    "{{messaging.名字}}",
    "{{}}",
    "{{",
    "}}",
    "{{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.name}}",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (literal); i++)
    {
      g_autofree char *shown = NULL;
      g_autofree GtmLinkSpan *spans = NULL;
      guint n_spans = G_MAXUINT;

      g_assert_false (gtm_link_parse (literal[i], NULL, NULL));
      shown = gtm_link_resolve (GTM_NODE (f->project), literal[i], &spans, &n_spans);
      g_assert_cmpstr (shown, ==, literal[i]);
      g_assert_cmpuint (n_spans, ==, 0);
    }

  /* A token with text around it is not one token. */
  g_assert_false (gtm_link_parse (" {{messaging.need}}", NULL, NULL));
  g_assert_false (gtm_link_parse ("{{messaging.need}} ", NULL, NULL));

  /* "\{{" writes a literal "{{". */
  {
    g_autofree char *shown = resolve (f, "\\{{messaging.differentiator}} = {{messaging.differentiator}}");

    g_assert_cmpstr (shown, ==, "{{messaging.differentiator}} = 把定位写在一处");
  }
}

static void
test_resolve (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  g_autofree GtmLinkSpan *spans = NULL;
  guint n_spans = 0;
  g_autofree char *old_locale = g_strdup (setlocale (LC_NUMERIC, NULL));

  gtm_history_set (f->history, f->persona, "age", 38, NULL);
  text = g_strdup_printf ("{{%s.name}}（{{%s.age}} 岁）选了 {{%s.name}}：{{%s.price}}，"
                          "因为{{messaging.differentiator}}。{{messaging.need}}|{{project.product-name}}",
                          gtm_node_get_id (f->persona), gtm_node_get_id (f->persona),
                          gtm_node_get_id (f->tier), gtm_node_get_id (f->tier));

  /* Numbers don't follow the locale. */
  setlocale (LC_NUMERIC, "de_DE.UTF-8");
  shown = gtm_link_resolve (GTM_NODE (f->note), text, &spans, &n_spans);
  setlocale (LC_NUMERIC, old_locale);

  g_assert_cmpstr (shown, ==, "张伟（38 岁）选了 Pro：49.5，因为把定位写在一处。|GTM Studio");
  g_assert_cmpuint (n_spans, ==, 7);
  g_assert_cmpuint (spans[0].start, ==, 0);
  g_assert_cmpuint (spans[0].end, ==, strlen ("张伟"));
  for (guint i = 0; i < n_spans; i++)
    g_assert_false (spans[i].broken);
  g_assert_cmpuint (spans[4].end - spans[4].start, ==, strlen ("把定位写在一处"));
  /* An empty value is an empty span. */
  g_assert_cmpuint (spans[5].start, ==, spans[5].end);
  g_assert_cmpuint (spans[5].start, ==, strlen ("张伟（38 岁）选了 Pro：49.5，因为把定位写在一处。"));
  g_assert_cmpuint (spans[6].end, ==, strlen (shown));

  /* Whole numbers have no fraction, fractions no noise. */
  gtm_history_set (f->history, f->tier, "price", 100.0, NULL);
  g_clear_pointer (&text, g_free);
  text = gtm_link_format (f->tier, "price");
  g_clear_pointer (&shown, g_free);
  shown = resolve (f, text);
  g_assert_cmpstr (shown, ==, "100");
  gtm_history_set (f->history, f->tier, "price", 0.1 + 0.2, NULL);
  g_clear_pointer (&shown, g_free);
  shown = resolve (f, text);
  g_assert_cmpstr (shown, ==, "0.3");
}

static void
test_update_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *shown = NULL;

  set_text (f, f->note, "Unlike the rest, we {{messaging.differentiator}}.");
  shown = gtm_link_resolve (GTM_NODE (f->note), gtm_item_get_text (f->note), NULL, NULL);
  g_assert_cmpstr (shown, ==, "Unlike the rest, we 把定位写在一处.");

  gtm_history_set (f->history, f->messaging, "differentiator", "keep one source of truth", NULL);
  g_clear_pointer (&shown, g_free);
  shown = resolve (f, gtm_item_get_text (f->note));
  g_assert_cmpstr (shown, ==, "Unlike the rest, we keep one source of truth.");

  g_assert_true (gtm_history_undo (f->history));
  g_clear_pointer (&shown, g_free);
  shown = resolve (f, gtm_item_get_text (f->note));
  g_assert_cmpstr (shown, ==, "Unlike the rest, we 把定位写在一处.");

  g_assert_true (gtm_history_redo (f->history));
  g_clear_pointer (&shown, g_free);
  shown = resolve (f, gtm_item_get_text (f->note));
  g_assert_cmpstr (shown, ==, "Unlike the rest, we keep one source of truth.");

  /* The item's text itself never changed. */
  g_assert_cmpstr (gtm_item_get_text (f->note), ==, "Unlike the rest, we {{messaging.differentiator}}.");
}

static void
test_broken (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *text = g_strdup_printf ("Persona: {{%s.name}}; {{%s.nonsense}}",
                                           gtm_node_get_id (f->persona),
                                           gtm_node_get_id (f->persona));
  g_autofree char *shown = NULL;
  g_autofree GtmLinkSpan *spans = NULL;
  guint n_spans = 0;

  shown = gtm_link_resolve (GTM_NODE (f->project), text, &spans, &n_spans);
  g_assert_cmpstr (shown, ==, "Persona: 张伟; " MISSING);
  g_assert_cmpuint (n_spans, ==, 2);
  g_assert_false (spans[0].broken);
  g_assert_true (spans[1].broken);
  g_assert_cmpuint (spans[1].end - spans[1].start, ==, strlen (MISSING));

  gtm_project_remove_persona (f->project, f->persona);
  g_clear_pointer (&shown, g_free);
  g_clear_pointer (&spans, g_free);
  shown = gtm_link_resolve (GTM_NODE (f->project), text, &spans, &n_spans);
  g_assert_cmpstr (shown, ==, "Persona: " MISSING "; " MISSING);
  g_assert_true (spans[0].broken);
  g_assert_cmpuint (spans[0].start, ==, strlen ("Persona: "));

  g_assert_true (gtm_history_undo (f->history));
  g_clear_pointer (&shown, g_free);
  shown = resolve (f, text);
  g_assert_cmpstr (shown, ==, "Persona: 张伟; " MISSING);

  /* Boards and items are not linkable content. */
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("{{%s.text}}{{%s.name}}",
                          gtm_node_get_id (GTM_NODE (f->note)),
                          gtm_node_get_id (GTM_NODE (f->board)));
  g_clear_pointer (&shown, g_free);
  shown = resolve (f, text);
  g_assert_cmpstr (shown, ==, MISSING MISSING);
}

static void
test_find_uses (Fixture       *f,
                gconstpointer  data)
{
  GtmBoard *second = gtm_project_add_board (f->project, 1, "Pricing", NULL);
  g_autoptr(GtmItem) box = gtm_text_box_new (10, 10, "");
  g_autoptr(GtmItem) plain = gtm_note_new (20, 20, "{{ messaging.need }} is not a link");
  g_autoptr(GPtrArray) uses = NULL;
  g_autofree char *price = gtm_link_format (f->tier, "price");
  g_autofree char *name = gtm_link_format (f->tier, "name");
  g_autofree char *both = g_strconcat (name, ": ", price, " {{messaging.need}}", NULL);

  gtm_board_add_item (second, f->history, box);
  gtm_board_add_item (second, f->history, plain);
  set_text (f, f->note, price);
  set_text (f, box, both);

  uses = gtm_link_find_uses (f->project, f->tier, "price");
  g_assert_cmpuint (uses->len, ==, 2);
  g_assert_true (g_ptr_array_index (uses, 0) == f->note);
  g_assert_true (g_ptr_array_index (uses, 1) == box);
  g_assert_true (gtm_node_get_parent (g_ptr_array_index (uses, 1)) == GTM_NODE (second));
  g_clear_pointer (&uses, g_ptr_array_unref);

  uses = gtm_link_find_uses (f->project, f->tier, "name");
  g_assert_cmpuint (uses->len, ==, 1);
  g_assert_true (g_ptr_array_index (uses, 0) == box);
  g_clear_pointer (&uses, g_ptr_array_unref);

  uses = gtm_link_find_uses (f->project, f->tier, NULL);
  g_assert_cmpuint (uses->len, ==, 2);
  g_clear_pointer (&uses, g_ptr_array_unref);

  uses = gtm_link_find_uses (f->project, f->messaging, "need");
  g_assert_cmpuint (uses->len, ==, 1);
  g_assert_true (g_ptr_array_index (uses, 0) == box);
  g_clear_pointer (&uses, g_ptr_array_unref);

  uses = gtm_link_find_uses (f->project, f->persona, NULL);
  g_assert_cmpuint (uses->len, ==, 0);
}

static void
test_list_fields (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) fields = gtm_link_list_fields (f->project);
  gboolean seen_persona = FALSE, seen_price = FALSE, seen_differentiator = FALSE;

  g_assert_cmpuint (fields->len, >, 10);
  for (guint i = 0; i < fields->len; i++)
    {
      GtmLinkField *field = g_ptr_array_index (fields, i);
      g_autofree char *shown = resolve (f, field->token);
      g_autofree char *expected = gtm_link_format (field->node, field->field);

      g_assert_true (gtm_link_is_linkable (field->node, field->field));
      g_assert_cmpstr (field->token, ==, expected);
      g_assert_true (field->label != NULL && field->label[0] != '\0');
      g_assert_null (strstr (shown, MISSING));

      if (field->node == f->persona && g_str_equal (field->field, "name"))
        {
          g_assert_cmpstr (field->label, ==, "Persona “张伟” — name");
          seen_persona = TRUE;
        }
      if (field->node == f->tier && g_str_equal (field->field, "price"))
        {
          g_assert_cmpstr (field->label, ==, "Tier “Pro” — price");
          g_assert_cmpstr (shown, ==, "49.5");
          seen_price = TRUE;
        }
      if (field->node == f->messaging && g_str_equal (field->field, "differentiator"))
        {
          g_assert_cmpstr (field->token, ==, "{{messaging.differentiator}}");
          seen_differentiator = TRUE;
        }
    }

  g_assert_true (seen_persona);
  g_assert_true (seen_price);
  g_assert_true (seen_differentiator);
}

static void
test_generation (Fixture       *f,
                 gconstpointer  data)
{
  guint64 start = gtm_link_get_generation (f->project);
  guint64 now;

  /* Moving or retyping an item changes no linked value. */
  gtm_history_set (f->history, GTM_NODE (f->note), "x", 50.0, NULL);
  set_text (f, f->note, "{{messaging.need}}");
  g_assert_cmpuint (gtm_link_get_generation (f->project), ==, start);

  gtm_history_set (f->history, f->messaging, "need", "更快上市", NULL);
  now = gtm_link_get_generation (f->project);
  g_assert_cmpuint (now, >, start);

  gtm_history_undo (f->history);
  g_assert_cmpuint (gtm_link_get_generation (f->project), >, now);
  now = gtm_link_get_generation (f->project);

  gtm_history_set (f->history, f->tier, "price", 99.0, NULL);
  g_assert_cmpuint (gtm_link_get_generation (f->project), >, now);
  now = gtm_link_get_generation (f->project);

  gtm_project_remove_persona (f->project, f->persona);
  g_assert_cmpuint (gtm_link_get_generation (f->project), >, now);
}

/* {{messaging.positioning}}: the statement composed of the messaging's
 * parts and the product name, kept up to date and found like any field. */
static void
test_positioning (Fixture       *f,
                  gconstpointer  data)
{
  const char *token = "{{messaging.positioning}}";
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) uses = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *shown = NULL;
  g_autofree GtmLinkSpan *spans = NULL;
  guint n_spans = 0;
  guint64 generation;
  GtmLinkField *first;

  g_assert_true (gtm_link_is_linkable (f->messaging, "positioning"));
  g_assert_false (gtm_link_is_linkable (GTM_NODE (f->project), "positioning"));
  g_assert_false (gtm_link_is_linkable (f->persona, "positioning"));
  formatted = gtm_link_format (f->messaging, "positioning");
  g_assert_cmpstr (formatted, ==, token);

  /* Only the differentiator is set: a second sentence needs the
   * alternative too, the first shows what is missing. */
  set_text (f, f->note, "Positioning: {{messaging.positioning}}");
  shown = gtm_link_resolve (GTM_NODE (f->note), gtm_item_get_text (f->note), &spans, &n_spans);
  g_assert_cmpstr (shown, ==, "Positioning: For [audience] who [need], GTM Studio is a [category] "
                              "that [benefit].");
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_false (spans[0].broken);
  g_assert_cmpuint (spans[0].start, ==, strlen ("Positioning: "));
  g_assert_cmpuint (spans[0].end, ==, strlen (shown));

  gtm_history_begin (f->history, "Positioning");
  gtm_history_set (f->history, f->messaging,
                   "audience", "product marketers",
                   "need", "keep every deck in step",
                   "category", "GTM workspace",
                   "benefit", "turns one source of truth into every asset",
                   NULL);
  gtm_history_end (f->history);
  generation = gtm_link_get_generation (f->project);
  gtm_history_set (f->history, f->messaging, "alternative", "slide decks", NULL);
  g_assert_cmpuint (gtm_link_get_generation (f->project), >, generation);
  g_clear_pointer (&shown, g_free);
  shown = resolve (f, token);
  g_assert_cmpstr (shown, ==, "For product marketers who keep every deck in step, GTM Studio is a "
                              "GTM workspace that turns one source of truth into every asset. "
                              "Unlike slide decks, it 把定位写在一处.");

  /* The product name is the project's. */
  generation = gtm_link_get_generation (f->project);
  gtm_history_set (f->history, GTM_NODE (f->project), "product-name", "灯塔", NULL);
  g_assert_cmpuint (gtm_link_get_generation (f->project), >, generation);
  g_clear_pointer (&shown, g_free);
  shown = resolve (f, token);
  g_assert_true (g_str_has_prefix (shown, "For product marketers who keep every deck in step, 灯塔 is a "));

  /* Undo takes the value back, step by step. */
  generation = gtm_link_get_generation (f->project);
  g_assert_true (gtm_history_undo (f->history));
  g_assert_true (gtm_history_undo (f->history));
  g_assert_cmpuint (gtm_link_get_generation (f->project), >, generation);
  g_clear_pointer (&shown, g_free);
  shown = resolve (f, token);
  g_assert_cmpstr (shown, ==, "For product marketers who keep every deck in step, GTM Studio is a "
                              "GTM workspace that turns one source of truth into every asset.");
  g_assert_true (gtm_history_undo (f->history));
  g_clear_pointer (&shown, g_free);
  shown = resolve (f, token);
  g_assert_cmpstr (shown, ==, "For [audience] who [need], GTM Studio is a [category] that [benefit].");

  /* Nothing filled in: nothing shown, but the link is not broken. */
  gtm_history_set (f->history, f->messaging, "differentiator", "", NULL);
  g_clear_pointer (&shown, g_free);
  g_clear_pointer (&spans, g_free);
  shown = gtm_link_resolve (GTM_NODE (f->project), token, &spans, &n_spans);
  g_assert_cmpstr (shown, ==, "");
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_false (spans[0].broken);

  uses = gtm_link_find_uses (f->project, f->messaging, "positioning");
  g_assert_cmpuint (uses->len, ==, 1);
  g_assert_true (g_ptr_array_index (uses, 0) == f->note);
  g_clear_pointer (&uses, g_ptr_array_unref);
  uses = gtm_link_find_uses (f->project, f->messaging, "audience");
  g_assert_cmpuint (uses->len, ==, 0);

  /* First in the menu of fields. */
  fields = gtm_link_list_fields (f->project);
  first = g_ptr_array_index (fields, 0);
  g_assert_true (first->node == f->messaging);
  g_assert_cmpstr (first->field, ==, "positioning");
  g_assert_cmpstr (first->token, ==, token);
  g_assert_cmpstr (first->label, ==, "Positioning statement");
}

static void
test_file_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = g_strdup_printf ("{{%s.name}} · {{messaging.differentiator}} · "
                                           "{{project.product-name}} · \\{{x.y}} · {{gone.name}}",
                                           gtm_node_get_id (f->persona));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GtmProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmItem) item = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GListModel *boards;
  g_autoptr(GtmBoard) board = NULL;

  set_text (f, f->note, text);
  before = resolve (f, text);

  bytes = gtm_format_write_bytes (f->project);
  loaded = gtm_format_read_bytes (bytes, &error);
  g_assert_no_error (error);

  boards = gtm_project_get_boards (loaded);
  board = g_list_model_get_item (boards, 0);
  item = g_list_model_get_item (gtm_board_get_items (board), 0);
  g_assert_cmpstr (gtm_item_get_text (item), ==, text);

  /* The singleton's token still resolves though its id is new. */
  after = gtm_link_resolve (GTM_NODE (item), gtm_item_get_text (item), NULL, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (after, ==, "张伟 · 把定位写在一处 · GTM Studio · {{x.y}} · " MISSING);

  again = gtm_format_write_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/link/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("format-parse", test_format_parse);
  ADD ("iterate", test_iterate);
  ADD ("malformed", test_malformed);
  ADD ("resolve", test_resolve);
  ADD ("update-undo", test_update_undo);
  ADD ("broken", test_broken);
  ADD ("find-uses", test_find_uses);
  ADD ("list-fields", test_list_fields);
  ADD ("generation", test_generation);
  ADD ("positioning", test_positioning);
  ADD ("file-round-trip", test_file_round_trip);

#undef ADD

  return g_test_run ();
}
