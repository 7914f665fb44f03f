/* gtm-json.c — the JSON tree the file reader reads from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-json"

#include "config.h"

#include <string.h>

#include "gtm-json.h"

/* Arrays, objects and strings are cut from blocks of this size; larger
 * ones get a block of their own. */
#define BLOCK_SIZE (64 * 1024)

/* Objects with more members than this are checked for a repeated name
 * with a hash table rather than pair by pair. */
#define PAIRWISE_MAX 32

typedef struct
{
  char  *free;
  gsize  n_free;
} Region;

struct _GtmJsonTree
{
  GPtrArray    *blocks;
  Region        values;  /* arrays and objects, 8-byte aligned */
  Region        strings;
  GtmJsonValue  root;
};

/* Member names, each kept once: a file repeats a few dozen names. */
typedef struct
{
  const char *name;
  guint       hash;
  guint       length;
} Name;

typedef struct
{
  GtmJsonTree *tree;
  const char  *p;         /* the next byte to read */
  const char  *end;
  GArray      *elements;  /* GtmJsonValue: elements of the arrays being read */
  GArray      *members;   /* GtmJsonMember: members of the objects being read */
  Name        *names;     /* open addressing, names_mask + 1 entries */
  guint        names_mask;
  guint        n_names;
  guint        depth;
  guint        max_depth;
} Parser;

/* Bytes that stand for themselves in a JSON string: not a quote, not a
 * backslash, not a control character. */
static inline gboolean
is_plain (guchar c)
{
  return c >= 0x20 && c != '"' && c != '\\';
}

static GtmJsonTree *
tree_new (void)
{
  GtmJsonTree *tree = g_new0 (GtmJsonTree, 1);

  tree->blocks = g_ptr_array_new_with_free_func (g_free);

  return tree;
}

void
gtm_json_tree_free (GtmJsonTree *tree)
{
  if (tree == NULL)
    return;

  g_ptr_array_unref (tree->blocks);
  g_free (tree);
}

GtmJsonValue *
gtm_json_tree_get_root (GtmJsonTree *tree)
{
  g_return_val_if_fail (tree != NULL, NULL);

  return &tree->root;
}

static gpointer
region_alloc (GtmJsonTree *tree,
              Region      *region,
              gsize        size)
{
  gpointer memory;

  if (size > BLOCK_SIZE / 4)
    {
      memory = g_malloc (size);
      g_ptr_array_add (tree->blocks, memory);
      return memory;
    }

  if (size > region->n_free)
    {
      region->free = g_malloc (BLOCK_SIZE);
      region->n_free = BLOCK_SIZE;
      g_ptr_array_add (tree->blocks, region->free);
    }

  memory = region->free;
  region->free += size;
  region->n_free -= size;

  return memory;
}

static gpointer
tree_alloc (GtmJsonTree *tree,
            gsize        size)
{
  return region_alloc (tree, &tree->values, (size + 7) & ~(gsize) 7);
}

static char *
tree_copy_bytes (GtmJsonTree *tree,
                 const char  *bytes,
                 gsize        len)
{
  char *copy = region_alloc (tree, &tree->strings, len + 1);

  memcpy (copy, bytes, len);
  copy[len] = '\0';

  return copy;
}

static const char *
tree_copy_string (GtmJsonTree *tree,
                  const char  *text,
                  guint       *length)
{
  gsize len = strlen (text);

  *length = (guint) len;

  return tree_copy_bytes (tree, text, len);
}

static inline guint
hash_bytes (const char *bytes,
            gsize       len)
{
  guint hash = 5381;

  for (gsize i = 0; i < len; i++)
    hash = hash * 33 + (guchar) bytes[i];

  return hash;
}

guint
gtm_json_hash (const char *name)
{
  return hash_bytes (name, strlen (name));
}

static inline char
peek (Parser *parser)
{
  return parser->p < parser->end ? *parser->p : '\0';
}

static inline void
skip_space (Parser *parser)
{
  const char *p = parser->p;

  while (p < parser->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  parser->p = p;
}

/* At the opening quote: finds the closing one, and whether there are
 * escapes in between. */
static gboolean
scan_string (Parser      *parser,
             const char **start,
             const char **stop,
             gboolean    *escaped)
{
  const char *p = parser->p + 1;

  *start = p;
  *escaped = FALSE;
  for (;;)
    {
      while (p < parser->end && is_plain (*p))
        p++;
      if (p >= parser->end)
        return FALSE;
      if (*p == '"')
        break;
      if (*p != '\\')
        return FALSE; /* a control character */

      /* The escaped byte is never the closing quote; unescape() checks
       * the escape. */
      *escaped = TRUE;
      p += 2;
    }

  *stop = p;
  parser->p = p + 1;
  return TRUE;
}

/* Writes the text between @p and @stop, escapes undone, at @dst: never
 * more bytes than it reads. Returns the end of what it wrote, or %NULL for
 * an escape this parser leaves to json-glib. */
static char *
unescape (const char *p,
          const char *stop,
          char       *dst)
{
  while (p < stop)
    {
      if (*p != '\\')
        {
          *dst++ = *p++;
          continue;
        }

      switch (p[1])
        {
        case '"':
        case '\\':
        case '/':
          *dst++ = p[1];
          break;
        case 'b':
          *dst++ = '\b';
          break;
        case 'f':
          *dst++ = '\f';
          break;
        case 'n':
          *dst++ = '\n';
          break;
        case 'r':
          *dst++ = '\r';
          break;
        case 't':
          *dst++ = '\t';
          break;
        case 'u':
          {
            gunichar c = 0;

            if (stop - p < 6)
              return NULL;

            for (guint i = 2; i < 6; i++)
              {
                int digit = g_ascii_xdigit_value (p[i]);

                if (digit < 0)
                  return NULL;
                c = c * 16 + digit;
              }

            /* json-glib ends the string at a NUL and has its own view of
             * surrogates. */
            if (c == 0 || (c >= 0xd800 && c <= 0xdfff))
              return NULL;

            dst += g_unichar_to_utf8 (c, dst);
            p += 4;
          }
          break;
        default:
          return NULL;
        }
      p += 2;
    }

  return dst;
}

/* The tree's copy of the string between @start and @stop, unescaped. */
static gboolean
copy_string (Parser      *parser,
             const char  *start,
             const char  *stop,
             gboolean     escaped,
             const char **out,
             guint       *out_length)
{
  char *copy, *copy_end;

  if (!escaped)
    {
      *out = tree_copy_bytes (parser->tree, start, stop - start);
      *out_length = (guint) (stop - start);
      return TRUE;
    }

  copy = region_alloc (parser->tree, &parser->tree->strings, stop - start + 1);
  copy_end = unescape (start, stop, copy);
  if (copy_end == NULL)
    return FALSE;
  *copy_end = '\0';

  *out = copy;
  *out_length = (guint) (copy_end - copy);
  return TRUE;
}

/* At the opening quote of a string value. */
static gboolean
parse_string (Parser      *parser,
              const char **out,
              guint       *out_length)
{
  const char *start, *stop;
  gboolean escaped;

  return scan_string (parser, &start, &stop, &escaped) &&
         copy_string (parser, start, stop, escaped, out, out_length);
}

static void
grow_names (Parser *parser)
{
  guint old_size = parser->names_mask + 1;
  Name *old_names = parser->names;

  parser->names_mask = 2 * old_size - 1;
  parser->names = g_new0 (Name, 2 * old_size);
  for (guint i = 0; i < old_size; i++)
    {
      guint j;

      if (old_names[i].name == NULL)
        continue;
      for (j = old_names[i].hash & parser->names_mask;
           parser->names[j].name != NULL;
           j = (j + 1) & parser->names_mask)
        ;
      parser->names[j] = old_names[i];
    }

  g_free (old_names);
}

/* The tree's copy of the member name in @bytes, made once. */
static const char *
intern_name (Parser     *parser,
             const char *bytes,
             guint       length,
             guint       hash)
{
  Name *slot;
  guint i;

  for (i = hash & parser->names_mask; parser->names[i].name != NULL; i = (i + 1) & parser->names_mask)
    {
      slot = &parser->names[i];
      if (slot->hash == hash && slot->length == length && memcmp (slot->name, bytes, length) == 0)
        return slot->name;
    }

  slot = &parser->names[i];
  slot->name = tree_copy_bytes (parser->tree, bytes, length);
  slot->hash = hash;
  slot->length = length;

  if (++parser->n_names * 2 > parser->names_mask + 1)
    {
      const char *name = slot->name;

      grow_names (parser);
      return name;
    }

  return slot->name;
}

/* At the opening quote of a member name. json-glib takes an empty name
 * its own way. */
static gboolean
parse_name (Parser        *parser,
            GtmJsonMember *member)
{
  const char *start, *stop;
  gboolean escaped;
  guint length;

  if (!scan_string (parser, &start, &stop, &escaped))
    return FALSE;

  if (escaped)
    {
      if (!copy_string (parser, start, stop, TRUE, &member->name, &length))
        return FALSE;
      member->hash = hash_bytes (member->name, length);
    }
  else
    {
      length = (guint) (stop - start);
      member->hash = hash_bytes (start, length);
      member->name = intern_name (parser, start, length, member->hash);
    }

  return length > 0;
}

static gboolean
parse_number (Parser       *parser,
              GtmJsonValue *value)
{
  const char *start = parser->p;
  const char *end = parser->end;
  const char *p = start;
  gboolean negative = FALSE;
  gboolean whole = TRUE;
  guint64 integer = 0;
  guint digits = 0;

  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (p < end && *p == '0')
    {
      p++;
      digits = 1;
      /* A leading zero is not JSON: json-glib decides. */
      if (p < end && g_ascii_isdigit (*p))
        return FALSE;
    }
  else if (p < end && *p >= '1' && *p <= '9')
    {
      for (; p < end && g_ascii_isdigit (*p); p++, digits++)
        if (digits < 19)
          integer = integer * 10 + (guint64) (*p - '0');
    }
  else
    return FALSE;

  if (p < end && *p == '.')
    {
      whole = FALSE;
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      whole = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (whole)
    {
      /* json-glib wraps larger ones around; the reader refuses them. */
      if (digits > 18)
        return FALSE;
      value->type = GTM_JSON_INTEGER;
      value->integer = negative ? -(gint64) integer : (gint64) integer;
    }
  else
    {
      /* The text goes on after the number, or ends without a NUL. */
      gsize len = p - start;
      char buf[64];
      g_autofree char *long_text = NULL;
      const char *text = buf;
      char *text_end = NULL;

      if (len < sizeof buf)
        {
          memcpy (buf, start, len);
          buf[len] = '\0';
        }
      else
        text = long_text = g_strndup (start, len);

      value->type = GTM_JSON_DOUBLE;
      value->number = g_ascii_strtod (text, &text_end);
      if (text_end != text + len)
        return FALSE;
    }

  parser->p = p;
  return TRUE;
}

static gboolean
parse_literal (Parser       *parser,
               const char   *literal,
               gsize         len,
               GtmJsonType   type,
               gboolean      boolean,
               GtmJsonValue *value)
{
  if ((gsize) (parser->end - parser->p) < len || memcmp (parser->p, literal, len) != 0)
    return FALSE;

  value->type = type;
  value->boolean = boolean;
  parser->p += len;

  return TRUE;
}

static gboolean parse_value (Parser *parser, GtmJsonValue *value);

static gboolean
parse_array (Parser       *parser,
             GtmJsonValue *value)
{
  guint base = parser->elements->len;
  guint n;

  if (++parser->depth > parser->max_depth)
    return FALSE;

  parser->p++;
  skip_space (parser);
  if (peek (parser) == ']')
    parser->p++;
  else
    {
      for (;;)
        {
          GtmJsonValue element;

          if (!parse_value (parser, &element))
            return FALSE;
          g_array_append_val (parser->elements, element);

          skip_space (parser);
          if (peek (parser) == ']')
            {
              parser->p++;
              break;
            }
          if (peek (parser) != ',')
            return FALSE;
          parser->p++;
          skip_space (parser);
        }
    }

  n = parser->elements->len - base;
  value->type = GTM_JSON_ARRAY;
  value->length = n;
  value->elements = NULL;
  if (n > 0)
    {
      value->elements = tree_alloc (parser->tree, n * sizeof (GtmJsonValue));
      memcpy (value->elements, &g_array_index (parser->elements, GtmJsonValue, base),
              n * sizeof (GtmJsonValue));
      g_array_set_size (parser->elements, base);
    }

  parser->depth--;
  return TRUE;
}

/* json-glib keeps the last of members of the same name; the reader never
 * sees such objects from here. */
static gboolean
names_unique (const GtmJsonMember *members,
              guint                n)
{
  g_autoptr(GHashTable) names = NULL;

  if (n <= PAIRWISE_MAX)
    {
      for (guint i = 1; i < n; i++)
        for (guint j = 0; j < i; j++)
          if (members[i].hash == members[j].hash && strcmp (members[i].name, members[j].name) == 0)
            return FALSE;
      return TRUE;
    }

  names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    if (!g_hash_table_add (names, (gpointer) members[i].name))
      return FALSE;

  return TRUE;
}

static gboolean
parse_object (Parser       *parser,
              GtmJsonValue *value)
{
  guint base = parser->members->len;
  GtmJsonMember *members;
  guint n;

  if (++parser->depth > parser->max_depth)
    return FALSE;

  parser->p++;
  skip_space (parser);
  if (peek (parser) == '}')
    parser->p++;
  else
    {
      for (;;)
        {
          GtmJsonMember member;

          if (peek (parser) != '"' || !parse_name (parser, &member))
            return FALSE;

          skip_space (parser);
          if (peek (parser) != ':')
            return FALSE;
          parser->p++;
          skip_space (parser);

          if (!parse_value (parser, &member.value))
            return FALSE;
          g_array_append_val (parser->members, member);

          skip_space (parser);
          if (peek (parser) == '}')
            {
              parser->p++;
              break;
            }
          if (peek (parser) != ',')
            return FALSE;
          parser->p++;
          skip_space (parser);
        }
    }

  n = parser->members->len - base;
  members = &g_array_index (parser->members, GtmJsonMember, base);
  if (!names_unique (members, n))
    return FALSE;

  value->type = GTM_JSON_OBJECT;
  value->length = n;
  value->members = NULL;
  if (n > 0)
    {
      value->members = tree_alloc (parser->tree, n * sizeof (GtmJsonMember));
      memcpy (value->members, members, n * sizeof (GtmJsonMember));
      g_array_set_size (parser->members, base);
    }

  parser->depth--;
  return TRUE;
}

/* At the first byte of the value. */
static gboolean
parse_value (Parser       *parser,
             GtmJsonValue *value)
{
  switch (peek (parser))
    {
    case '{':
      return parse_object (parser, value);
    case '[':
      return parse_array (parser, value);
    case '"':
      value->type = GTM_JSON_STRING;
      return parse_string (parser, &value->string, &value->length);
    case 't':
      return parse_literal (parser, "true", 4, GTM_JSON_BOOLEAN, TRUE, value);
    case 'f':
      return parse_literal (parser, "false", 5, GTM_JSON_BOOLEAN, FALSE, value);
    case 'n':
      return parse_literal (parser, "null", 4, GTM_JSON_NULL, FALSE, value);
    default:
      return parse_number (parser, value);
    }
}

/**
 * gtm_json_tree_parse:
 * @data: UTF-8 text, not necessarily ending with a NUL
 * @len: its length in bytes
 * @max_depth: how deep arrays and objects may nest
 *
 * Returns: (transfer full) (nullable): the tree of @data, or %NULL if @data
 *   is not strict JSON or is something this parser leaves to json-glib (see
 *   the top of gtm-json.h)
 */
GtmJsonTree *
gtm_json_tree_parse (const char *data,
                     gsize       len,
                     guint       max_depth)
{
  g_autoptr(GtmJsonTree) tree = tree_new ();
  Parser parser;
  gboolean ok;

  parser.tree = tree;
  parser.p = data;
  parser.end = data + len;
  parser.elements = g_array_sized_new (FALSE, FALSE, sizeof (GtmJsonValue), 256);
  parser.members = g_array_sized_new (FALSE, FALSE, sizeof (GtmJsonMember), 256);
  parser.names_mask = 63;
  parser.names = g_new0 (Name, parser.names_mask + 1);
  parser.n_names = 0;
  parser.depth = 0;
  parser.max_depth = max_depth;

  skip_space (&parser);
  ok = parse_value (&parser, &tree->root);
  if (ok)
    {
      skip_space (&parser);
      ok = parser.p == parser.end;
    }

  g_array_unref (parser.elements);
  g_array_unref (parser.members);
  g_free (parser.names);

  return ok ? g_steal_pointer (&tree) : NULL;
}

static void
convert_node (GtmJsonTree  *tree,
              JsonNode     *node,
              GtmJsonValue *value)
{
  memset (value, 0, sizeof *value);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) names = json_object_get_members (object);
        guint i = 0;

        value->type = GTM_JSON_OBJECT;
        value->length = g_list_length (names);
        if (value->length > 0)
          value->members = tree_alloc (tree, value->length * sizeof (GtmJsonMember));
        for (const GList *l = names; l != NULL; l = l->next, i++)
          {
            GtmJsonMember *member = &value->members[i];
            guint length;

            member->name = tree_copy_string (tree, l->data, &length);
            member->hash = gtm_json_hash (member->name);
            convert_node (tree, json_object_get_member (object, l->data), &member->value);
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        value->type = GTM_JSON_ARRAY;
        value->length = json_array_get_length (array);
        if (value->length > 0)
          value->elements = tree_alloc (tree, value->length * sizeof (GtmJsonValue));
        for (guint i = 0; i < value->length; i++)
          convert_node (tree, json_array_get_element (array, i), &value->elements[i]);
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          value->type = GTM_JSON_INTEGER;
          value->integer = json_node_get_int (node);
          break;
        case G_TYPE_DOUBLE:
          value->type = GTM_JSON_DOUBLE;
          value->number = json_node_get_double (node);
          break;
        case G_TYPE_BOOLEAN:
          value->type = GTM_JSON_BOOLEAN;
          value->boolean = json_node_get_boolean (node);
          break;
        case G_TYPE_STRING:
          value->type = GTM_JSON_STRING;
          value->string = tree_copy_string (tree, json_node_get_string (node), &value->length);
          break;
        default:
          /* JsonParser makes no other values. */
          value->type = GTM_JSON_NULL;
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      value->type = GTM_JSON_NULL;
      break;
    }
}

/**
 * gtm_json_tree_new_from_node:
 * @node: a document as json-glib parsed it
 *
 * Returns: (transfer full): the same document as a #GtmJsonTree
 */
GtmJsonTree *
gtm_json_tree_new_from_node (JsonNode *node)
{
  GtmJsonTree *tree;

  g_return_val_if_fail (node != NULL, NULL);

  tree = tree_new ();
  convert_node (tree, node, &tree->root);

  return tree;
}

void
gtm_json_tree_set_string (GtmJsonTree  *tree,
                          GtmJsonValue *value,
                          const char   *text)
{
  g_return_if_fail (tree != NULL);
  g_return_if_fail (value != NULL);
  g_return_if_fail (text != NULL);

  value->type = GTM_JSON_STRING;
  value->string = tree_copy_string (tree, text, &value->length);
}

/**
 * gtm_json_object_get_member:
 *
 * Returns: (transfer none) (nullable): the value of the member @name of
 *   @object, or %NULL if it has none
 */
GtmJsonValue *
gtm_json_object_get_member (GtmJsonValue *object,
                            const char   *name)
{
  guint hash;

  g_return_val_if_fail (object != NULL && object->type == GTM_JSON_OBJECT, NULL);

  hash = gtm_json_hash (name);
  for (guint i = 0; i < object->length; i++)
    {
      GtmJsonMember *member = &object->members[i];

      if (member->hash == hash && strcmp (member->name, name) == 0)
        return &member->value;
    }

  return NULL;
}

void
gtm_json_object_rename_member (GtmJsonValue *object,
                               const char   *from,
                               const char   *to)
{
  guint hash;

  g_return_if_fail (object != NULL && object->type == GTM_JSON_OBJECT);

  if (gtm_json_object_get_member (object, to) != NULL)
    return;

  hash = gtm_json_hash (from);
  for (guint i = 0; i < object->length; i++)
    {
      GtmJsonMember *member = &object->members[i];

      if (member->hash == hash && strcmp (member->name, from) == 0)
        {
          member->name = to;
          member->hash = gtm_json_hash (to);
          return;
        }
    }
}
