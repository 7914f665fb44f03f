/* gtm-link.c — linked fields: project content shown live in board text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-link"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gtm-board.h"
#include "gtm-brief.h"
#include "gtm-competitor.h"
#include "gtm-item.h"
#include "gtm-link.h"
#include "gtm-messaging.h"
#include "gtm-persona.h"
#include "gtm-price-tier.h"
#include "gtm-pricing.h"
#include "gtm-segment.h"

#define PROJECT_NAME "project"

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

/* Reads a NAME at @text[*pos] into @out; FALSE if there is none or it is
 * too long. */
static gboolean
scan_name (const char *text,
           gsize      *pos,
           char        out[GTM_LINK_MAX_NAME_LENGTH + 1])
{
  gsize len = 0;

  while (is_name_char (text[*pos + len]))
    {
      if (len == GTM_LINK_MAX_NAME_LENGTH)
        return FALSE;
      out[len] = text[*pos + len];
      len++;
    }

  out[len] = '\0';
  *pos += len;
  return len > 0;
}

/* Whether a well-formed token starts at @text[@start]; fills @token. */
static gboolean
scan_token (const char   *text,
            gsize         start,
            GtmLinkToken *token)
{
  gsize pos = start;

  if (text[pos] != '{' || text[pos + 1] != '{')
    return FALSE;
  pos += 2;

  if (!scan_name (text, &pos, token->name) || text[pos] != '.')
    return FALSE;
  pos++;

  if (!scan_name (text, &pos, token->field) || text[pos] != '}' || text[pos + 1] != '}')
    return FALSE;
  pos += 2;

  token->start = start;
  token->end = pos;
  return TRUE;
}

static gboolean
is_escape (const char *text,
           gsize       pos)
{
  return text[pos] == '\\' && text[pos + 1] == '{' && text[pos + 2] == '{';
}

void
gtm_link_iter_init (GtmLinkIter *iter,
                    const char  *text)
{
  g_return_if_fail (iter != NULL);
  g_return_if_fail (text != NULL);

  iter->text = text;
  iter->position = 0;
}

gboolean
gtm_link_iter_next (GtmLinkIter  *iter,
                    GtmLinkToken *token)
{
  g_return_val_if_fail (iter != NULL, FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  while (iter->text[iter->position] != '\0')
    {
      if (is_escape (iter->text, iter->position))
        iter->position += 3;
      else if (scan_token (iter->text, iter->position, token))
        {
          iter->position = token->end;
          return TRUE;
        }
      else
        iter->position++;
    }

  return FALSE;
}

gboolean
gtm_link_parse (const char  *text,
                char       **name,
                char       **field)
{
  GtmLinkToken token;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!scan_token (text, 0, &token) || text[token.end] != '\0')
    return FALSE;

  if (name != NULL)
    *name = g_strdup (token.name);
  if (field != NULL)
    *field = g_strdup (token.field);
  return TRUE;
}

static gboolean
is_content (GtmNode *node)
{
  return !GTM_IS_BOARD (node) && !GTM_IS_ITEM (node);
}

const char *
gtm_link_get_node_name (GtmNode *node)
{
  GtmNode *parent;
  GtmNodeClass *parent_class;

  g_return_val_if_fail (GTM_IS_NODE (node), NULL);

  if (!is_content (node))
    return NULL;

  parent = gtm_node_get_parent (node);
  if (parent == NULL)
    return GTM_IS_PROJECT (node) ? PROJECT_NAME : gtm_node_get_id (node);

  parent_class = GTM_NODE_GET_CLASS (parent);
  if (GTM_IS_PROJECT (parent))
    for (guint i = 0; i < gtm_node_class_get_n_children (parent_class); i++)
      if (gtm_node_get_child_at (parent, i) == node)
        return gtm_node_class_get_child_info (parent_class, i)->name;

  return gtm_node_get_id (node);
}

/* gtm_node_find() below @node, skipping boards and their items. */
static GtmNode *
find_content (GtmNode    *node,
              const char *id)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (node);

  if (!is_content (node))
    return NULL;

  if (g_strcmp0 (gtm_node_get_id (node), id) == 0)
    return node;

  for (guint i = 0; i < gtm_node_class_get_n_children (klass); i++)
    {
      GtmNode *found = find_content (gtm_node_get_child_at (node, i), id);

      if (found != NULL)
        return found;
    }

  for (guint i = 0; i < gtm_node_class_get_n_lists (klass); i++)
    {
      GListModel *list = G_LIST_MODEL (gtm_node_get_list_at (node, i));
      guint n = g_list_model_get_n_items (list);

      if (g_type_is_a (gtm_node_class_get_list_info (klass, i)->element_type, GTM_TYPE_BOARD))
        continue;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(GtmNode) child = g_list_model_get_item (list, j);
          GtmNode *found = find_content (child, id);

          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

GtmNode *
gtm_link_lookup (GtmNode    *root,
                 const char *name)
{
  GtmNodeClass *klass;

  g_return_val_if_fail (GTM_IS_NODE (root), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  root = gtm_node_get_root (root);
  if (GTM_IS_PROJECT (root))
    {
      if (strcmp (name, PROJECT_NAME) == 0)
        return root;

      klass = GTM_NODE_GET_CLASS (root);
      for (guint i = 0; i < gtm_node_class_get_n_children (klass); i++)
        if (strcmp (gtm_node_class_get_child_info (klass, i)->name, name) == 0)
          return gtm_node_get_child_at (root, i);
    }

  return find_content (root, name);
}

/* Virtual fields: values composed of several fields, linked to as a field
 * of the node that holds them. Their node's "changed" covers them as long
 * as what they read is content of the project (see
 * gtm_link_get_generation()). */
typedef struct
{
  GType      (*node_type) (void);
  const char  *field;
  char      *(*compose)   (GtmNode *node);
} VirtualField;

static char *
compose_positioning (GtmNode *node)
{
  GtmNode *root = gtm_node_get_root (node);
  const char *product = GTM_IS_PROJECT (root) ? gtm_project_get_product_name (GTM_PROJECT (root))
                                              : NULL;

  return gtm_messaging_compose_positioning (GTM_MESSAGING (node), product);
}

static const VirtualField virtual_fields[] = {
  { gtm_messaging_get_type, "positioning", compose_positioning },
};

/* What a token's FIELD names: a saved field, or a virtual one. */
typedef struct
{
  GParamSpec         *pspec;
  const VirtualField *virtual_field;
} Linkable;

static gboolean
find_linkable_field (GtmNode    *node,
                     const char *field,
                     Linkable   *linkable)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (node);
  guint unlinkable = GTM_PARAM_REFERENCE | GTM_PARAM_TAG | GTM_PARAM_COLOR | GTM_PARAM_DATETIME;

  linkable->pspec = NULL;
  linkable->virtual_field = NULL;

  if (!is_content (node))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (virtual_fields); i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (node, virtual_fields[i].node_type ()) &&
        strcmp (virtual_fields[i].field, field) == 0)
      {
        linkable->virtual_field = &virtual_fields[i];
        return TRUE;
      }

  for (guint i = 0; i < gtm_node_class_get_n_fields (klass); i++)
    {
      GParamSpec *pspec = gtm_node_class_get_field (klass, i);
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

      if (strcmp (pspec->name, field) != 0)
        continue;

      if (pspec->param_id == GTM_NODE_SLOT_ID || (pspec->flags & unlinkable) != 0)
        return FALSE;
      if (type != G_TYPE_STRING && type != G_TYPE_INT && type != G_TYPE_DOUBLE)
        return FALSE;
      linkable->pspec = pspec;
      return TRUE;
    }

  return FALSE;
}

gboolean
gtm_link_is_linkable (GtmNode    *node,
                      const char *field)
{
  Linkable linkable;

  g_return_val_if_fail (GTM_IS_NODE (node), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return find_linkable_field (node, field, &linkable);
}

char *
gtm_link_format (GtmNode    *node,
                 const char *field)
{
  g_return_val_if_fail (GTM_IS_NODE (node), NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (gtm_link_is_linkable (node, field), NULL);

  return g_strdup_printf ("{{%s.%s}}", gtm_link_get_node_name (node), field);
}

/* Appends the current value of @linkable of @node to @out. */
static void
append_value (GString        *out,
              GtmNode        *node,
              const Linkable *linkable)
{
  GParamSpec *pspec = linkable->pspec;
  const GValue *value;
  GType type;

  if (linkable->virtual_field != NULL)
    {
      g_autofree char *text = linkable->virtual_field->compose (node);

      g_string_append (out, text);
      return;
    }

  value = gtm_node_peek_value (node, pspec->param_id);
  type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      if (text != NULL)
        g_string_append (out, text);
    }
  else if (type == G_TYPE_INT)
    g_string_append_printf (out, "%d", g_value_get_int (value));
  else
    {
      double number = g_value_get_double (value);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      /* Up to 15 significant digits: 0.1 stays 0.1, and field limits keep
       * numbers well below the 1e15 where an exponent would appear. */
      if (number == 0.0)
        number = 0.0; /* no "-0" */
      g_ascii_formatd (buf, sizeof buf, fabs (number) < 1e15 ? "%.15g" : "%.0f", number);
      g_string_append (out, buf);
    }
}

char *
gtm_link_resolve (GtmNode      *root,
                  const char   *text,
                  GtmLinkSpan **spans,
                  guint        *n_spans)
{
  GString *out;
  GArray *found;
  gsize pos = 0;

  g_return_val_if_fail (GTM_IS_NODE (root), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail ((spans == NULL) == (n_spans == NULL), NULL);

  out = g_string_sized_new (strlen (text));
  found = g_array_new (FALSE, FALSE, sizeof (GtmLinkSpan));

  while (text[pos] != '\0')
    {
      GtmLinkToken token;

      if (is_escape (text, pos))
        {
          g_string_append (out, "{{");
          pos += 3;
        }
      else if (scan_token (text, pos, &token))
        {
          GtmNode *node = gtm_link_lookup (root, token.name);
          Linkable linkable;
          gboolean found_field = node != NULL && find_linkable_field (node, token.field, &linkable);
          GtmLinkSpan span = { out->len, 0, !found_field };

          if (found_field)
            append_value (out, node, &linkable);
          else
            /* Translators: shown on a board in place of a linked field
             * whose persona, tier, … was deleted */
            g_string_append (out, _("⟨missing field⟩"));

          span.end = out->len;
          g_array_append_val (found, span);
          pos = token.end;
        }
      else
        {
          g_string_append_c (out, text[pos]);
          pos++;
        }
    }

  if (spans != NULL)
    {
      *n_spans = found->len;
      *spans = (GtmLinkSpan *) g_array_free (found, FALSE);
    }
  else
    g_array_free (found, TRUE);

  return g_string_free (out, FALSE);
}

static gboolean
text_links_to (const char *text,
               GtmNode    *node,
               const char *field)
{
  const char *name = gtm_link_get_node_name (node);
  const char *id = gtm_node_get_id (node);
  GtmLinkIter iter;
  GtmLinkToken token;

  gtm_link_iter_init (&iter, text);
  while (gtm_link_iter_next (&iter, &token))
    if ((strcmp (token.name, name) == 0 || g_strcmp0 (token.name, id) == 0) &&
        (field == NULL || strcmp (token.field, field) == 0))
      return TRUE;

  return FALSE;
}

GPtrArray *
gtm_link_find_uses (GtmProject *project,
                    GtmNode    *node,
                    const char *field)
{
  GListModel *boards;
  GPtrArray *uses;

  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (GTM_IS_NODE (node), NULL);

  uses = g_ptr_array_new_with_free_func (g_object_unref);
  if (!is_content (node))
    return uses;

  boards = gtm_project_get_boards (project);
  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(GtmBoard) board = g_list_model_get_item (boards, i);
      GListModel *items = gtm_board_get_items (board);

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(GtmNode) item = g_list_model_get_item (items, j);
          const char *text = gtm_node_get_string (item, GTM_ITEM_SLOT_TEXT);

          if (text != NULL && text_links_to (text, node, field))
            g_ptr_array_add (uses, g_object_ref (item));
        }
    }

  return uses;
}

void
gtm_link_field_free (GtmLinkField *field)
{
  if (field == NULL)
    return;

  g_clear_object (&field->node);
  g_free (field->field);
  g_free (field->token);
  g_free (field->label);
  g_free (field);
}

typedef struct
{
  const char *field;
  const char *label;
} FieldLabel;

static void
add_field (GPtrArray  *fields,
           GtmNode    *node,
           const char *field,
           char       *label)
{
  GtmLinkField *linked = g_new0 (GtmLinkField, 1);

  linked->node = g_object_ref (node);
  linked->field = g_strdup (field);
  linked->token = gtm_link_format (node, field);
  linked->label = label;
  g_ptr_array_add (fields, linked);
}

static void
add_single_fields (GPtrArray        *fields,
                   GtmNode          *node,
                   const FieldLabel *labels,
                   guint             n_labels)
{
  for (guint i = 0; i < n_labels; i++)
    add_field (fields, node, labels[i].field, g_strdup (_(labels[i].label)));
}

/* The fields of every entry of @list, labelled with a format taking the
 * entry's name. */
static void
add_list_fields (GPtrArray        *fields,
                 GListModel       *list,
                 const FieldLabel *labels,
                 guint             n_labels)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtmNode) node = g_list_model_get_item (list, i);
      g_autofree char *name = NULL;

      g_object_get (node, "name", &name, NULL);
      if (name == NULL || name[0] == '\0')
        {
          g_free (name);
          name = g_strdup (_("Unnamed"));
        }

      for (guint j = 0; j < n_labels; j++)
        add_field (fields, node, labels[j].field, g_strdup_printf (_(labels[j].label), name));
    }
}

GPtrArray *
gtm_link_list_fields (GtmProject *project)
{
  static const FieldLabel positioning_labels[] = {
    { "positioning", N_("Positioning statement") },
  };
  static const FieldLabel project_labels[] = {
    { "title", N_("Project title") },
    { "product-name", N_("Product name") },
  };
  static const FieldLabel messaging_labels[] = {
    { "audience", N_("Positioning — target audience") },
    { "need", N_("Positioning — need") },
    { "category", N_("Positioning — category") },
    { "benefit", N_("Positioning — key benefit") },
    { "alternative", N_("Positioning — alternative") },
    { "differentiator", N_("Positioning — differentiator") },
    { "elevator-pitch", N_("Elevator pitch") },
    { "brand-voice", N_("Brand voice") },
  };
  static const FieldLabel brief_labels[] = {
    { "vision", N_("Product vision") },
  };
  static const FieldLabel pricing_labels[] = {
    { "currency", N_("Currency") },
  };
  static const FieldLabel persona_labels[] = {
    { "name", N_("Persona “%s” — name") },
    { "job-title", N_("Persona “%s” — job title") },
  };
  static const FieldLabel tier_labels[] = {
    { "name", N_("Tier “%s” — name") },
    { "price", N_("Tier “%s” — price") },
    { "period", N_("Tier “%s” — billing period") },
  };
  static const FieldLabel segment_labels[] = {
    { "name", N_("Segment “%s” — name") },
    { "market-size", N_("Segment “%s” — market size") },
  };
  static const FieldLabel competitor_labels[] = {
    { "name", N_("Competitor “%s” — name") },
  };
  GPtrArray *fields;

  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);

  fields = g_ptr_array_new_with_free_func ((GDestroyNotify) gtm_link_field_free);

  /* The statement first: the one value a slide or a battlecard needs most. */
  add_single_fields (fields, gtm_project_get_messaging (project),
                     positioning_labels, G_N_ELEMENTS (positioning_labels));
  add_single_fields (fields, GTM_NODE (project), project_labels, G_N_ELEMENTS (project_labels));
  add_single_fields (fields, gtm_project_get_messaging (project),
                     messaging_labels, G_N_ELEMENTS (messaging_labels));
  add_single_fields (fields, gtm_project_get_brief (project), brief_labels, G_N_ELEMENTS (brief_labels));
  add_single_fields (fields, gtm_project_get_pricing (project), pricing_labels, G_N_ELEMENTS (pricing_labels));
  add_list_fields (fields, gtm_project_get_personas (project), persona_labels, G_N_ELEMENTS (persona_labels));
  add_list_fields (fields, gtm_pricing_get_tiers (GTM_PRICING (gtm_project_get_pricing (project))),
                   tier_labels, G_N_ELEMENTS (tier_labels));
  add_list_fields (fields, gtm_project_get_segments (project), segment_labels, G_N_ELEMENTS (segment_labels));
  add_list_fields (fields, gtm_project_get_competitors (project),
                   competitor_labels, G_N_ELEMENTS (competitor_labels));

  return fields;
}

static GQuark
generation_quark (void)
{
  return g_quark_from_static_string ("gtm-link-generation");
}

static void
on_project_changed (GtmNode *project,
                    GtmNode *origin,
                    guint64 *generation)
{
  if (is_content (origin))
    (*generation)++;
}

guint64
gtm_link_get_generation (GtmProject *project)
{
  guint64 *generation;

  g_return_val_if_fail (GTM_IS_PROJECT (project), 0);

  generation = g_object_get_qdata (G_OBJECT (project), generation_quark ());
  if (generation == NULL)
    {
      generation = g_new0 (guint64, 1);
      g_object_set_qdata_full (G_OBJECT (project), generation_quark (), generation, g_free);
      g_signal_connect (project, "changed", G_CALLBACK (on_project_changed), generation);
    }

  return *generation;
}
