/* test-json.c — the reader's JSON parser reads what json-glib reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "gtm-core.h"
#include "gtm-json.h"

static gboolean
values_equal (GtmJsonValue *a,
              GtmJsonValue *b)
{
  if (a->type != b->type)
    return FALSE;

  switch (a->type)
    {
    case GTM_JSON_NULL:
      return TRUE;
    case GTM_JSON_BOOLEAN:
      return a->boolean == b->boolean;
    case GTM_JSON_INTEGER:
      return a->integer == b->integer;
    case GTM_JSON_DOUBLE:
      /* Bit for bit: -0 and 0 differ. */
      return memcmp (&a->number, &b->number, sizeof (double)) == 0;
    case GTM_JSON_STRING:
      return a->length == b->length && memcmp (a->string, b->string, a->length + 1) == 0;
    case GTM_JSON_ARRAY:
      if (a->length != b->length)
        return FALSE;
      for (guint i = 0; i < a->length; i++)
        if (!values_equal (&a->elements[i], &b->elements[i]))
          return FALSE;
      return TRUE;
    case GTM_JSON_OBJECT:
      if (a->length != b->length)
        return FALSE;
      for (guint i = 0; i < a->length; i++)
        if (strcmp (a->members[i].name, b->members[i].name) != 0 ||
            a->members[i].hash != b->members[i].hash ||
            !values_equal (&a->members[i].value, &b->members[i].value))
          return FALSE;
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether the parser read @text; if it did, json-glib must have read the
 * same values. */
static gboolean
parses_as_json_glib (const char *text,
                     gsize       len)
{
  g_autoptr(GtmJsonTree) tree = gtm_json_tree_parse (text, len, GTM_FORMAT_MAX_DEPTH);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GtmJsonTree) expected = NULL;
  g_autoptr(GError) error = NULL;

  if (tree == NULL)
    return FALSE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, len, &error))
    g_error ("json-glib refuses what the parser read: %s\n%.*s", error->message, (int) len, text);
  g_assert_nonnull (json_parser_get_root (parser));

  expected = gtm_json_tree_new_from_node (json_parser_get_root (parser));
  if (!values_equal (gtm_json_tree_get_root (tree), gtm_json_tree_get_root (expected)))
    g_error ("the parser and json-glib read different values from\n%.*s", (int) len, text);

  return TRUE;
}

static const char * const string_parts[] = {
  "a", "Z", " ", "é", "中", "😀", "\x7f", "\xef\xbf\xbf",
  "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r",
  "\\u00e9", "\\u4E2D", "\\u0001", "\\u001f", "\\uffff", "\\u0000", "\\ud800",
  "\\uD83D\\uDE00",
};

static const char * const numbers[] = {
  "0", "-0", "0.0", "-0.0", "1e5", "1E5", "1e+5", "1E-5", "0e0", "1.5e300", "1e400",
  "-1e400", "5e-324", "4e-325", "2.2250738585072011e-308", "123456789012345678",
  "-123456789012345678", "1234567890123456789", "0.1", "1.0", "9007199254740993",
  "1.7976931348623157e308", "0.30000000000000004", "12345678901234567.5", "01", "1.",
};

static const char * const spaces[] = { "", " ", "\n", "\t", "\r\n", "\r", "\f" };

static void
append_space (GString *text,
              GRand   *rand)
{
  /* Mostly JSON's own white space. */
  g_string_append (text, spaces[g_rand_int_range (rand, 0, G_N_ELEMENTS (spaces) - (g_rand_int_range (rand, 0, 20) != 0))]);
}

static void
append_string (GString *text,
               GRand   *rand)
{
  guint n = g_rand_int_range (rand, 0, 6);

  g_string_append_c (text, '"');
  for (guint i = 0; i < n; i++)
    g_string_append (text, string_parts[g_rand_int_range (rand, 0, G_N_ELEMENTS (string_parts))]);
  g_string_append_c (text, '"');
}

static void
append_number (GString *text,
               GRand   *rand)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      g_string_append_printf (text, "%d", g_rand_int_range (rand, -1000000, 1000000));
      break;
    case 1:
      g_ascii_formatd (buf, sizeof buf, "%.17g",
                       (g_rand_double (rand) - 0.5) * pow (10, g_rand_int_range (rand, -330, 330)));
      g_string_append (text, buf);
      break;
    case 2:
      g_ascii_formatd (buf, sizeof buf, "%.15g", (g_rand_double (rand) - 0.5) * 1e4);
      g_string_append (text, buf);
      break;
    default:
      g_string_append (text, numbers[g_rand_int_range (rand, 0, G_N_ELEMENTS (numbers))]);
      break;
    }
}

static void
append_value (GString *text,
              GRand   *rand,
              guint    depth)
{
  guint n;

  switch (g_rand_int_range (rand, 0, depth < 4 ? 7 : 4))
    {
    case 0:
      append_string (text, rand);
      break;
    case 1:
      append_number (text, rand);
      break;
    case 2:
      g_string_append (text, g_rand_boolean (rand) ? "true" : "false");
      break;
    case 3:
      g_string_append (text, "null");
      break;
    case 4:
    case 5:
      n = g_rand_int_range (rand, 0, 6);
      g_string_append_c (text, '{');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (text, ',');
          append_space (text, rand);
          /* Few names, so that some objects repeat one. */
          if (g_rand_int_range (rand, 0, 10) == 0)
            append_string (text, rand);
          else
            g_string_append_printf (text, "\"m%d\"", g_rand_int_range (rand, 0, 12));
          append_space (text, rand);
          g_string_append_c (text, ':');
          append_space (text, rand);
          append_value (text, rand, depth + 1);
        }
      append_space (text, rand);
      g_string_append_c (text, '}');
      break;
    default:
      n = g_rand_int_range (rand, 0, 6);
      g_string_append_c (text, '[');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (text, ',');
          append_space (text, rand);
          append_value (text, rand, depth + 1);
        }
      append_space (text, rand);
      g_string_append_c (text, ']');
      break;
    }
}

/* Random documents with every kind of value, escape and number the
 * parser must read as json-glib does, or leave to it. */
static void
test_same_as_json_glib (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240501);
  guint n_read = 0, n_documents = 3000;

  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      append_space (text, rand);
      append_value (text, rand, 0);
      append_space (text, rand);
      n_read += parses_as_json_glib (text->str, text->len);
    }

  g_test_message ("%u of %u documents read by the parser", n_read, n_documents);
  g_assert_cmpuint (n_read, >, n_documents / 2);
}

/* Strict JSON is read; what json-glib accepts but reads its own way, and
 * what is not JSON, is left to json-glib, which then reads it or says
 * where it is wrong. */
static void
test_declines (void)
{
  static const char * const declined[] = {
    "",
    "  \n",
    "{\"a\": 1, \"a\": 2}",              /* json-glib keeps the last */
    "{\"\": 1}",                         /* an empty name: json-glib's to judge */
    "[\"a\\u0000b\"]",                   /* json-glib ends the string at the NUL */
    "[\"\\ud800\"]",                     /* a lone surrogate */
    "[\"\\uDE00\\uD83D\"]",              /* surrogates the wrong way round */
    "[\"\\x41\"]",
    "[\"a\tb\"]",                        /* a raw control character */
    "[01]",
    "[1.]",
    "[.5]",
    "[+1]",
    "[1e]",
    "[1234567890123456789]",             /* 19 digits: json-glib wraps them */
    "[0x10]",
    "['a']",
    "[TRUE]",
    "[nul]",
    "[1,]",
    "{\"a\": 1,}",
    "[1 2]",
    "/* note */ {}",
    "{} // note",
    "\f{}",
    "{}}",
    "[",
    "{\"a\"",
    "[\"abc",
  };
  static const char * const read[] = {
    "{\"a\\u00e9\\n\": \"x\", \"\\u0041\": [1, -0, 0.5, 1e5, 2E-3, -1.5e+3]}",
    "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u4e2d\\uffff\", \"中é\", \"\"]",
    " \r\n\t{ \"a\" : true , \"b\" : false , \"c\" : null } \r\n\t",
    "-123456789012345678",
    "\"text\"",
  };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (read); i++)
    if (!parses_as_json_glib (read[i], strlen (read[i])))
      g_test_fail_printf ("the parser declined “%s”", read[i]);

  for (guint i = 0; i < G_N_ELEMENTS (declined); i++)
    {
      g_autoptr(GtmJsonTree) tree = gtm_json_tree_parse (declined[i], strlen (declined[i]),
                                                        GTM_FORMAT_MAX_DEPTH);

      if (tree != NULL)
        g_test_fail_printf ("the parser read “%s”", declined[i]);
    }

  /* Nesting as deep as the limit is read; one deeper is not. */
  for (guint i = 0; i < GTM_FORMAT_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < GTM_FORMAT_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  g_assert_true (parses_as_json_glib (deep->str, deep->len));
  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  g_assert_null (gtm_json_tree_parse (deep->str, deep->len, GTM_FORMAT_MAX_DEPTH));
}

static void
test_members (void)
{
  static const char text[] = "{\"name\": \"Plan\", \"fill\": [255, 0, 0], \"type\": \"note\"}";
  g_autoptr(GtmJsonTree) tree = gtm_json_tree_parse (text, strlen (text), GTM_FORMAT_MAX_DEPTH);
  GtmJsonValue *root, *fill;

  g_assert_nonnull (tree);
  root = gtm_json_tree_get_root (tree);
  g_assert_null (gtm_json_object_get_member (root, "title"));
  g_assert_null (gtm_json_object_get_member (root, "nam"));

  gtm_json_object_rename_member (root, "name", "title");
  g_assert_null (gtm_json_object_get_member (root, "name"));
  g_assert_cmpstr (gtm_json_object_get_member (root, "title")->string, ==, "Plan");

  /* A member of the new name wins: nothing is renamed. */
  gtm_json_object_rename_member (root, "type", "fill");
  g_assert_nonnull (gtm_json_object_get_member (root, "type"));

  fill = gtm_json_object_get_member (root, "fill");
  g_assert_cmpint (fill->type, ==, GTM_JSON_ARRAY);
  g_assert_cmpuint (fill->length, ==, 3);
  gtm_json_tree_set_string (tree, fill, "#ff0000");
  fill = gtm_json_object_get_member (root, "fill");
  g_assert_cmpint (fill->type, ==, GTM_JSON_STRING);
  g_assert_cmpstr (fill->string, ==, "#ff0000");
  g_assert_cmpuint (fill->length, ==, 7);
}

static GtmProject *
read_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  GtmProject *project = gtm_format_read_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static const char *
first_note_text (GtmProject *project)
{
  g_autoptr(GtmBoard) board = g_list_model_get_item (gtm_project_get_boards (project), 0);
  g_autoptr(GtmItem) note = g_list_model_get_item (gtm_board_get_items (board), 0);

  return gtm_item_get_text (note);
}

/* Files edited by hand keep opening as they did: json-glib's comments and
 * repeated members (the last one counts), and escapes read the same. */
static void
test_reader (void)
{
  static const char head[] =
    "{\"format\": \"gtm-studio\", \"version\": 1, \"id\": \"project-1\", \"title\": \"Launch\","
    " \"boards\": [{\"id\": \"board-1\", \"name\": \"Board\", \"items\": [{\"kind\": \"note\","
    " \"id\": \"note-1\", \"x\": 1, \"y\": 2, \"width\": 160, \"height\": 160,";
  g_autofree char *plain = g_strconcat (head, " \"text\": \"a\\\"b\\\\c\\u00e9\\n\\u4e2d\\ud83d\\ude00\"}]}]}", NULL);
  g_autofree char *commented = g_strconcat ("/* by hand */\n", head, " \"text\": \"old\", \"text\": \"new\"}]}]}", NULL);
  g_autoptr(GtmProject) project = NULL;
  g_autoptr(GtmProject) edited = NULL;

  project = read_text (plain);
  g_assert_cmpstr (first_note_text (project), ==, "a\"b\\cé\n中😀");

  edited = read_text (commented);
  g_assert_cmpstr (first_note_text (edited), ==, "new");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

  g_test_add_func ("/json/same-as-json-glib", test_same_as_json_glib);
  g_test_add_func ("/json/declines", test_declines);
  g_test_add_func ("/json/members", test_members);
  g_test_add_func ("/json/reader", test_reader);

  return g_test_run ();
}
