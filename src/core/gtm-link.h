/* gtm-link.h — linked fields: project content shown live in board text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"
#include "gtm-project.h"

G_BEGIN_DECLS

/*
 * The text of an item (a note, a text box, a shape's or a connector's label)
 * may hold linked fields: tokens that show the current value of a field of
 * the project's content, and that the file stores as they are.
 *
 * A token is exactly
 *
 *   {{NAME.FIELD}}
 *
 * with no spaces, where NAME is 1 to 64 characters from A–Z a–z 0–9 - _ and
 * names the node, and FIELD is 1 to 64 characters of the same set and is the
 * name of one of the node's saved fields (e.g. "name", "price",
 * "elevator-pitch"). NAME is
 *
 *  - "project" for the project itself;
 *  - the member name of a singleton ("brief", "swot", "messaging",
 *    "pricing", "launch-plan", "metrics"), since singletons have no id in
 *    the file (these names win over an id that happens to be the same);
 *  - the id of any other node: a persona, a price tier, a segment, …
 *
 * Only nodes that are not boards or items can be linked to, and only their
 * saved text, integer and number fields that are not ids, references, tags,
 * colours or time stamps; and to a few virtual fields, values composed of
 * several fields: "positioning" of the messaging, the positioning statement
 * (gtm_messaging_compose_positioning() with the project's product name).
 * A well-formed token whose node or field does not exist (any more) is
 * broken: it shows a placeholder. Text that is not a well-formed token
 * ("{{ persona-1.name }}", "{{name}}", "{{a.b}") stays as it is. "\{{"
 * shows as a literal "{{" and never starts a token; there is no way to show
 * a backslash right before a linked value.
 */

#define GTM_LINK_MAX_NAME_LENGTH 64

typedef struct
{
  gsize start;  /* byte offsets of the token in the text, end excluded */
  gsize end;
  char  name[GTM_LINK_MAX_NAME_LENGTH + 1];
  char  field[GTM_LINK_MAX_NAME_LENGTH + 1];
} GtmLinkToken;

typedef struct
{
  /*< private >*/
  const char *text;
  gsize       position;
} GtmLinkIter;

/* A linked value in resolved text: byte offsets, end excluded; @broken
 * when it is the placeholder of a broken token. */
typedef struct
{
  gsize    start;
  gsize    end;
  gboolean broken;
} GtmLinkSpan;

/* Something that can be linked to, for a menu. */
typedef struct
{
  GtmNode *node;   /* owned */
  char    *field;
  char    *token;  /* what to insert, e.g. "{{persona-3.name}}" */
  char    *label;  /* for people, translated */
} GtmLinkField;

void          gtm_link_iter_init       (GtmLinkIter   *iter,
                                        const char    *text);
/* The next well-formed token, in text order; FALSE at the end. */
gboolean      gtm_link_iter_next       (GtmLinkIter   *iter,
                                        GtmLinkToken  *token);

/* Whether @text is exactly one well-formed token; if so, sets @name and
 * @field (each nullable) to newly allocated strings. */
gboolean      gtm_link_parse           (const char    *text,
                                        char         **name,
                                        char         **field);

/* The name tokens use for @node (see above), or NULL for a board or an
 * item. */
const char   *gtm_link_get_node_name   (GtmNode       *node);
/* The node a token's NAME names in @root's document, or NULL. */
GtmNode      *gtm_link_lookup          (GtmNode       *root,
                                        const char    *name);
/* Whether @field of @node can be linked to. */
gboolean      gtm_link_is_linkable     (GtmNode       *node,
                                        const char    *field);
/* The token for @field of @node, which must be linkable. */
char         *gtm_link_format          (GtmNode       *node,
                                        const char    *field);

/* @text with every token replaced by the current value of its field
 * (numbers with a "." and no exponent below 1e15, whatever the locale) and
 * every broken token by a translated placeholder; "\{{" becomes "{{".
 * @spans (nullable) receives a newly allocated array of the @n_spans
 * linked values, in order. @root is any node of the document. */
char         *gtm_link_resolve         (GtmNode       *root,
                                        const char    *text,
                                        GtmLinkSpan  **spans,
                                        guint         *n_spans);

/* The items, board by board, whose text links to @field of @node (any
 * field when @field is NULL). Each item's board is its parent.
 * Returns: (transfer container): a GPtrArray of referenced GtmItem */
GPtrArray    *gtm_link_find_uses       (GtmProject    *project,
                                        GtmNode       *node,
                                        const char    *field);

/* The fields a user would want to link to, with a label each: the
 * positioning statement, the project's title and product name, the
 * positioning parts and pitch, the vision, the currency, then each
 * persona's, price tier's, segment's and competitor's main fields.
 * Returns: (transfer container): a GPtrArray of GtmLinkField */
GPtrArray    *gtm_link_list_fields     (GtmProject    *project);
void          gtm_link_field_free      (GtmLinkField  *field);

/* A number that grows whenever resolved text may have changed: any change
 * in the project that is not a board's or an item's own field (a field of
 * linkable content, a list of it gaining or losing nodes, undo and redo
 * alike). A renderer keeps the value it resolved text at and resolves
 * again when it differs. Counting starts at the first call for @project. */
guint64       gtm_link_get_generation  (GtmProject    *project);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GtmLinkField, gtm_link_field_free)

G_END_DECLS
