/* gtm-json.h — the JSON tree the file reader reads from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * Private to gtm-format.c. A GtmJsonTree holds a whole JSON document in a
 * few blocks of memory, each member name once: gtm_json_tree_parse() reads
 * strict JSON (RFC 8259) several times faster than json-glib builds its
 * tree of JsonNodes, which a project of 10,000 items spent most of its
 * opening time on.
 *
 * It reads only what it reads exactly as json-glib does, and declines the
 * rest: syntax errors (whose line, column and wording are json-glib's),
 * comments and other extensions json-glib accepts, \u escapes of NUL or of
 * surrogates, objects naming a member twice, whole numbers of more than 18
 * digits. The caller then parses with json-glib, which either fails or
 * gives a JsonNode to turn into the same kind of tree with
 * gtm_json_tree_new_from_node(). Either way the reader sees the same
 * values.
 */

typedef enum
{
  GTM_JSON_NULL,
  GTM_JSON_BOOLEAN,
  GTM_JSON_INTEGER,
  GTM_JSON_DOUBLE,
  GTM_JSON_STRING,
  GTM_JSON_ARRAY,
  GTM_JSON_OBJECT,
} GtmJsonType;

typedef struct _GtmJsonValue  GtmJsonValue;
typedef struct _GtmJsonMember GtmJsonMember;
typedef struct _GtmJsonTree   GtmJsonTree;

struct _GtmJsonValue
{
  GtmJsonType type;
  guint       length;    /* STRING: bytes; ARRAY: elements; OBJECT: members */
  union
  {
    gboolean       boolean;
    gint64         integer;
    double         number;
    const char    *string;   /* NUL-terminated */
    GtmJsonValue  *elements;
    GtmJsonMember *members;  /* in file order, names unique */
  };
};

struct _GtmJsonMember
{
  const char   *name;
  guint         hash;    /* gtm_json_hash (name) */
  GtmJsonValue  value;
};

GtmJsonTree  *gtm_json_tree_parse            (const char    *data,
                                              gsize          len,
                                              guint          max_depth);
GtmJsonTree  *gtm_json_tree_new_from_node    (JsonNode      *node);
void          gtm_json_tree_free             (GtmJsonTree   *tree);
GtmJsonValue *gtm_json_tree_get_root         (GtmJsonTree   *tree);

/* For migrations: @value becomes the string @text. */
void          gtm_json_tree_set_string       (GtmJsonTree   *tree,
                                              GtmJsonValue  *value,
                                              const char    *text);

guint         gtm_json_hash                  (const char    *name);
GtmJsonValue *gtm_json_object_get_member     (GtmJsonValue  *object,
                                              const char    *name);
/* For migrations: the member @from, if any, is called @to, unless a member
 * of that name exists. @to must outlive the tree (a literal). */
void          gtm_json_object_rename_member  (GtmJsonValue  *object,
                                              const char    *from,
                                              const char    *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GtmJsonTree, gtm_json_tree_free)

G_END_DECLS
