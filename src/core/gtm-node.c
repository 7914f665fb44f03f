/* gtm-node.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-node"

#include "config.h"

#include <string.h>

#include "gtm-node.h"

typedef struct
{
  GtmNode    *parent;       /* weak: the node whose list or child slot holds us */
  GValue     *values;       /* n_slots + 1 values, indexed by property id */
  GListStore **lists;
  GtmNode    **children;
} GtmNodePrivate;

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_STATIC_ASSERT (PROP_ID == GTM_NODE_SLOT_ID);

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GtmNode, gtm_node, G_TYPE_OBJECT)

static void gtm_node_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec);
static void gtm_node_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec);

/* A subclass starts with its parent's description; copy it before the
 * subclass adds to it so that siblings don't share additions. */
static void
gtm_node_class_own (GtmNodeClass *klass)
{
  GType type = G_TYPE_FROM_CLASS (klass);

  if (klass->owner == type)
    return;

  klass->owner = type;
  klass->fields = klass->fields ? g_ptr_array_copy (klass->fields, NULL, NULL)
                                : g_ptr_array_new ();
  klass->slots = klass->slots ? g_ptr_array_copy (klass->slots, NULL, NULL)
                              : g_ptr_array_new ();
  klass->lists = klass->lists ? g_ptr_array_copy (klass->lists, NULL, NULL)
                              : g_ptr_array_new ();
  klass->children = klass->children ? g_ptr_array_copy (klass->children, NULL, NULL)
                                    : g_ptr_array_new ();
}

guint
gtm_node_class_install_fields (GtmNodeClass  *klass,
                               GParamSpec   **pspecs,
                               guint          n_pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  guint first;

  g_return_val_if_fail (GTM_IS_NODE_CLASS (klass), 0);

  gtm_node_class_own (klass);

  /* GObject does not inherit these two; every class that installs fields
   * stores them in GtmNode. */
  object_class->get_property = gtm_node_get_property;
  object_class->set_property = gtm_node_set_property;

  first = klass->n_slots + 1;
  if (klass->slots->len == 0)
    g_ptr_array_add (klass->slots, NULL);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_object_class_install_property (object_class, first + i, pspecs[i]);
      g_ptr_array_add (klass->slots, pspecs[i]);
      if (pspecs[i]->flags & GTM_PARAM_SAVED)
        g_ptr_array_add (klass->fields, pspecs[i]);
    }
  klass->n_slots += n_pspecs;

  return first;
}

void
gtm_node_class_add_list (GtmNodeClass *klass,
                         const char   *name,
                         GType         element_type,
                         guint         max_length)
{
  GtmNodeListInfo *info;

  g_return_if_fail (GTM_IS_NODE_CLASS (klass));
  g_return_if_fail (g_type_is_a (element_type, GTM_TYPE_NODE));

  gtm_node_class_own (klass);

  info = g_new0 (GtmNodeListInfo, 1);
  info->name = g_intern_string (name);
  info->element_type = element_type;
  info->max_length = max_length;
  info->index = klass->lists->len;
  g_ptr_array_add (klass->lists, info);
}

void
gtm_node_class_add_child (GtmNodeClass *klass,
                          const char   *name,
                          GType         type)
{
  GtmNodeChildInfo *info;

  g_return_if_fail (GTM_IS_NODE_CLASS (klass));
  g_return_if_fail (g_type_is_a (type, GTM_TYPE_NODE));

  gtm_node_class_own (klass);

  info = g_new0 (GtmNodeChildInfo, 1);
  info->name = g_intern_string (name);
  info->type = type;
  info->index = klass->children->len;
  g_ptr_array_add (klass->children, info);
}

void
gtm_node_class_hide_field (GtmNodeClass *klass,
                           const char   *name)
{
  g_return_if_fail (GTM_IS_NODE_CLASS (klass));

  gtm_node_class_own (klass);

  for (guint i = 0; i < klass->fields->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (klass->fields, i);

      if (g_strcmp0 (pspec->name, name) == 0)
        {
          g_ptr_array_remove_index (klass->fields, i);
          return;
        }
    }

  g_critical ("%s has no saved field “%s”", G_OBJECT_CLASS_NAME (klass), name);
}

guint
gtm_node_class_get_n_fields (GtmNodeClass *klass)
{
  g_return_val_if_fail (GTM_IS_NODE_CLASS (klass), 0);

  return klass->fields->len;
}

GParamSpec *
gtm_node_class_get_field (GtmNodeClass *klass,
                          guint         index)
{
  g_return_val_if_fail (GTM_IS_NODE_CLASS (klass), NULL);
  g_return_val_if_fail (index < klass->fields->len, NULL);

  return g_ptr_array_index (klass->fields, index);
}

guint
gtm_node_class_get_n_lists (GtmNodeClass *klass)
{
  g_return_val_if_fail (GTM_IS_NODE_CLASS (klass), 0);

  return klass->lists->len;
}

const GtmNodeListInfo *
gtm_node_class_get_list_info (GtmNodeClass *klass,
                              guint         index)
{
  g_return_val_if_fail (GTM_IS_NODE_CLASS (klass), NULL);
  g_return_val_if_fail (index < klass->lists->len, NULL);

  return g_ptr_array_index (klass->lists, index);
}

guint
gtm_node_class_get_n_children (GtmNodeClass *klass)
{
  g_return_val_if_fail (GTM_IS_NODE_CLASS (klass), 0);

  return klass->children->len;
}

const GtmNodeChildInfo *
gtm_node_class_get_child_info (GtmNodeClass *klass,
                               guint         index)
{
  g_return_val_if_fail (GTM_IS_NODE_CLASS (klass), NULL);
  g_return_val_if_fail (index < klass->children->len, NULL);

  return g_ptr_array_index (klass->children, index);
}

static GType
type_from_kind_recurse (GType       type,
                        const char *kind)
{
  g_autofree GType *children = NULL;
  guint n_children;

  if (!G_TYPE_IS_ABSTRACT (type))
    {
      GtmNodeClass *klass = g_type_class_ref (type);
      gboolean match = g_strcmp0 (klass->kind, kind) == 0;

      g_type_class_unref (klass);
      if (match)
        return type;
    }

  children = g_type_children (type, &n_children);
  for (guint i = 0; i < n_children; i++)
    {
      GType found = type_from_kind_recurse (children[i], kind);

      if (found != G_TYPE_INVALID)
        return found;
    }

  return G_TYPE_INVALID;
}

/**
 * gtm_node_type_from_kind:
 * @base_type: the element type of a list
 * @kind: a kind name, as in a file's "kind" member
 *
 * Returns: the concrete type at or below @base_type whose class has @kind,
 *   or %G_TYPE_INVALID. Subclasses must have been registered (see
 *   gtm_core_init()).
 */
GType
gtm_node_type_from_kind (GType       base_type,
                         const char *kind)
{
  g_return_val_if_fail (g_type_is_a (base_type, GTM_TYPE_NODE), G_TYPE_INVALID);

  if (kind == NULL)
    return G_TYPE_INVALID;

  return type_from_kind_recurse (base_type, kind);
}

/* Connected before anyone else can connect, so that every handler of
 * items-changed finds the added nodes' parent set. */
static void
adopt_added (GListModel *model,
             guint       position,
             guint       removed,
             guint       added,
             GtmNode    *self)
{
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GtmNode) child = g_list_model_get_item (model, position + i);
      GtmNodePrivate *child_priv = gtm_node_get_instance_private (child);

      child_priv->parent = self;
    }
}

/* Connected after the owner's own handlers (a board refreshing its id
 * table), so that listeners of "changed" see the owner up to date. */
static void
announce_change (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 GtmNode    *self)
{
  gtm_node_emit_changed (self, self);
}

/* Storage is created on first use because only then is the instance's class
 * the final one (GObject runs a parent's instance_init with the parent's
 * class). */
static GtmNodePrivate *
gtm_node_ensure (GtmNode *self)
{
  GtmNodePrivate *priv = gtm_node_get_instance_private (self);
  GtmNodeClass *klass;

  if (G_LIKELY (priv->values != NULL))
    return priv;

  klass = GTM_NODE_GET_CLASS (self);

  priv->values = g_new0 (GValue, klass->n_slots + 1);
  for (guint slot = 1; slot <= klass->n_slots; slot++)
    {
      GParamSpec *pspec = g_ptr_array_index (klass->slots, slot);

      g_value_init (&priv->values[slot], pspec->value_type);
      /* Defaults are static: most strings of a node keep theirs. */
      if (G_IS_PARAM_SPEC_STRING (pspec))
        g_value_set_static_string (&priv->values[slot], G_PARAM_SPEC_STRING (pspec)->default_value);
      else
        g_param_value_set_default (pspec, &priv->values[slot]);
    }

  priv->lists = g_new0 (GListStore *, klass->lists->len);
  for (guint i = 0; i < klass->lists->len; i++)
    {
      const GtmNodeListInfo *info = g_ptr_array_index (klass->lists, i);

      priv->lists[i] = g_list_store_new (info->element_type);
      g_signal_connect_object (priv->lists[i], "items-changed",
                               G_CALLBACK (adopt_added), self, 0);
      g_signal_connect_object (priv->lists[i], "items-changed",
                               G_CALLBACK (announce_change), self, G_CONNECT_AFTER);
    }

  priv->children = g_new0 (GtmNode *, klass->children->len);
  for (guint i = 0; i < klass->children->len; i++)
    {
      const GtmNodeChildInfo *info = g_ptr_array_index (klass->children, i);
      GtmNodePrivate *child_priv;

      priv->children[i] = g_object_new (info->type, NULL);
      child_priv = gtm_node_ensure (priv->children[i]);
      child_priv->parent = self;
    }

  return priv;
}

static void
forget_parent (GtmNode *child,
               GtmNode *parent)
{
  GtmNodePrivate *child_priv = gtm_node_get_instance_private (child);

  if (child_priv->parent == parent)
    child_priv->parent = NULL;
}

static void
gtm_node_dispose (GObject *object)
{
  GtmNode *self = GTM_NODE (object);
  GtmNodePrivate *priv = gtm_node_get_instance_private (self);
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (self);

  /* Nodes held elsewhere (a removed item in another project's history, a
   * board a widget still shows) must not point back at a node that is
   * going away. */
  if (priv->lists != NULL)
    {
      for (guint i = 0; i < klass->lists->len; i++)
        {
          GListModel *list = G_LIST_MODEL (priv->lists[i]);
          guint n = g_list_model_get_n_items (list);

          for (guint j = 0; j < n; j++)
            {
              g_autoptr(GtmNode) child = g_list_model_get_item (list, j);

              forget_parent (child, self);
            }
          g_clear_object (&priv->lists[i]);
        }
      g_clear_pointer (&priv->lists, g_free);
    }

  if (priv->children != NULL)
    {
      for (guint i = 0; i < klass->children->len; i++)
        {
          forget_parent (priv->children[i], self);
          g_clear_object (&priv->children[i]);
        }
      g_clear_pointer (&priv->children, g_free);
    }

  G_OBJECT_CLASS (gtm_node_parent_class)->dispose (object);
}

static void
gtm_node_finalize (GObject *object)
{
  GtmNode *self = GTM_NODE (object);
  GtmNodePrivate *priv = gtm_node_get_instance_private (self);
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i <= klass->n_slots; i++)
        if (G_IS_VALUE (&priv->values[i]))
          g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (gtm_node_parent_class)->finalize (object);
}

static void
gtm_node_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  GtmNodePrivate *priv = gtm_node_ensure (GTM_NODE (object));

  g_value_copy (&priv->values[prop_id], value);
}

static void
gtm_node_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  GtmNodePrivate *priv = gtm_node_ensure (GTM_NODE (object));

  g_value_unset (&priv->values[prop_id]);
  g_value_init (&priv->values[prop_id], pspec->value_type);
  g_value_copy (value, &priv->values[prop_id]);
}

static void
gtm_node_dispatch_properties_changed (GObject     *object,
                                      guint        n_pspecs,
                                      GParamSpec **pspecs)
{
  GtmNode *self = GTM_NODE (object);
  gboolean saved = FALSE;

  G_OBJECT_CLASS (gtm_node_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);

  for (guint i = 0; i < n_pspecs && !saved; i++)
    saved = (pspecs[i]->flags & GTM_PARAM_SAVED) != 0;

  if (saved)
    gtm_node_emit_changed (self, self);
}

static void
gtm_node_class_init (GtmNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamSpec *pspecs[1];

  object_class->dispose = gtm_node_dispose;
  object_class->finalize = gtm_node_finalize;
  object_class->dispatch_properties_changed = gtm_node_dispatch_properties_changed;

  /* Ids are fixed for a node's life: they are chosen when it is created
   * (gtm_node_new_id()) or read from the file, and never edited. */
  pspecs[0] = g_param_spec_string ("id", NULL, NULL, NULL,
                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                   G_PARAM_STATIC_STRINGS | GTM_PARAM_SAVED |
                                   GTM_PARAM_REQUIRED);
  gtm_node_class_install_fields (klass, pspecs, G_N_ELEMENTS (pspecs));

  /**
   * GtmNode::changed:
   * @origin: the node whose field or list changed
   *
   * Emitted on a node and on each of its ancestors when a saved field or a
   * list of the node or of a node below it changes.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, GTM_TYPE_NODE);
}

static void
gtm_node_init (GtmNode *self)
{
}

const char *
gtm_node_get_id (GtmNode *self)
{
  g_return_val_if_fail (GTM_IS_NODE (self), NULL);

  return gtm_node_get_string (self, PROP_ID);
}

/**
 * gtm_node_get_parent:
 *
 * Returns: (transfer none) (nullable): the node whose list or child slot
 *   holds @self; %NULL for a node in no list (removed, or not added yet).
 */
GtmNode *
gtm_node_get_parent (GtmNode *self)
{
  GtmNodePrivate *priv;

  g_return_val_if_fail (GTM_IS_NODE (self), NULL);

  priv = gtm_node_get_instance_private (self);
  return priv->parent;
}

/**
 * gtm_node_detach:
 *
 * Forgets the node's parent: called when it leaves the list that held it,
 * since a list store does not say which items it removed.
 */
void
gtm_node_detach (GtmNode *self)
{
  GtmNodePrivate *priv;

  g_return_if_fail (GTM_IS_NODE (self));

  priv = gtm_node_get_instance_private (self);
  priv->parent = NULL;
}

/**
 * gtm_node_get_root:
 *
 * Returns: (transfer none): the topmost ancestor of @self, or @self.
 */
GtmNode *
gtm_node_get_root (GtmNode *self)
{
  g_return_val_if_fail (GTM_IS_NODE (self), NULL);

  while (gtm_node_get_parent (self) != NULL)
    self = gtm_node_get_parent (self);

  return self;
}

/**
 * gtm_node_get_list:
 *
 * Returns: (transfer none) (nullable): the list called @name, or %NULL if the
 *   node's class has none of that name.
 */
GListStore *
gtm_node_get_list (GtmNode    *self,
                   const char *name)
{
  GtmNodeClass *klass;

  g_return_val_if_fail (GTM_IS_NODE (self), NULL);

  klass = GTM_NODE_GET_CLASS (self);
  for (guint i = 0; i < klass->lists->len; i++)
    {
      const GtmNodeListInfo *info = g_ptr_array_index (klass->lists, i);

      if (g_strcmp0 (info->name, name) == 0)
        return gtm_node_get_list_at (self, i);
    }

  return NULL;
}

/**
 * gtm_node_get_list_at:
 *
 * Returns: (transfer none): the list at @index in the class's description.
 */
GListStore *
gtm_node_get_list_at (GtmNode *self,
                      guint    index)
{
  GtmNodePrivate *priv;

  g_return_val_if_fail (GTM_IS_NODE (self), NULL);
  g_return_val_if_fail (index < GTM_NODE_GET_CLASS (self)->lists->len, NULL);

  priv = gtm_node_ensure (self);
  return priv->lists[index];
}

/**
 * gtm_node_get_child:
 *
 * Returns: (transfer none) (nullable): the child node called @name.
 */
GtmNode *
gtm_node_get_child (GtmNode    *self,
                    const char *name)
{
  GtmNodeClass *klass;

  g_return_val_if_fail (GTM_IS_NODE (self), NULL);

  klass = GTM_NODE_GET_CLASS (self);
  for (guint i = 0; i < klass->children->len; i++)
    {
      const GtmNodeChildInfo *info = g_ptr_array_index (klass->children, i);

      if (g_strcmp0 (info->name, name) == 0)
        return gtm_node_get_child_at (self, i);
    }

  return NULL;
}

/**
 * gtm_node_get_child_at:
 *
 * Returns: (transfer none): the child at @index in the class's description.
 */
GtmNode *
gtm_node_get_child_at (GtmNode *self,
                       guint    index)
{
  GtmNodePrivate *priv;

  g_return_val_if_fail (GTM_IS_NODE (self), NULL);
  g_return_val_if_fail (index < GTM_NODE_GET_CLASS (self)->children->len, NULL);

  priv = gtm_node_ensure (self);
  return priv->children[index];
}

/**
 * gtm_node_find:
 *
 * Looks for the node with @id at or below @self.
 *
 * Returns: (transfer none) (nullable): the node, or %NULL
 */
GtmNode *
gtm_node_find (GtmNode    *self,
               const char *id)
{
  GtmNodeClass *klass;

  g_return_val_if_fail (GTM_IS_NODE (self), NULL);

  if (id == NULL)
    return NULL;

  if (g_strcmp0 (gtm_node_get_id (self), id) == 0)
    return self;

  klass = GTM_NODE_GET_CLASS (self);
  for (guint i = 0; i < klass->children->len; i++)
    {
      GtmNode *found = gtm_node_find (gtm_node_get_child_at (self, i), id);

      if (found != NULL)
        return found;
    }

  for (guint i = 0; i < klass->lists->len; i++)
    {
      GListModel *list = G_LIST_MODEL (gtm_node_get_list_at (self, i));
      guint n = g_list_model_get_n_items (list);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(GtmNode) child = g_list_model_get_item (list, j);
          GtmNode *found = gtm_node_find (child, id);

          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

const GValue *
gtm_node_peek_value (GtmNode *self,
                     guint    slot)
{
  GtmNodePrivate *priv;

  g_return_val_if_fail (GTM_IS_NODE (self), NULL);
  g_return_val_if_fail (slot > 0 && slot <= GTM_NODE_GET_CLASS (self)->n_slots, NULL);

  priv = gtm_node_ensure (self);
  return &priv->values[slot];
}

double
gtm_node_get_double (GtmNode *self,
                     guint    slot)
{
  return g_value_get_double (gtm_node_peek_value (self, slot));
}

int
gtm_node_get_int (GtmNode *self,
                  guint    slot)
{
  return g_value_get_int (gtm_node_peek_value (self, slot));
}

gboolean
gtm_node_get_boolean (GtmNode *self,
                      guint    slot)
{
  return g_value_get_boolean (gtm_node_peek_value (self, slot));
}

const char *
gtm_node_get_string (GtmNode *self,
                     guint    slot)
{
  return g_value_get_string (gtm_node_peek_value (self, slot));
}

const char * const *
gtm_node_get_strv (GtmNode *self,
                   guint    slot)
{
  return (const char * const *) g_value_get_boxed (gtm_node_peek_value (self, slot));
}

int
gtm_node_get_enum (GtmNode *self,
                   guint    slot)
{
  return g_value_get_enum (gtm_node_peek_value (self, slot));
}

GBytes *
gtm_node_get_bytes (GtmNode *self,
                    guint    slot)
{
  return g_value_get_boxed (gtm_node_peek_value (self, slot));
}

void
gtm_node_load_value (GtmNode *self,
                     guint    slot,
                     GValue  *value)
{
  GtmNodePrivate *priv;

  g_return_if_fail (GTM_IS_NODE (self));
  g_return_if_fail (slot > 0 && slot <= GTM_NODE_GET_CLASS (self)->n_slots);
  g_return_if_fail (G_VALUE_TYPE (value) == G_VALUE_TYPE (gtm_node_peek_value (self, slot)));

  priv = gtm_node_ensure (self);
  g_value_unset (&priv->values[slot]);
  priv->values[slot] = *value;
  memset (value, 0, sizeof *value);
}

void
gtm_node_emit_changed (GtmNode *self,
                       GtmNode *origin)
{
  g_return_if_fail (GTM_IS_NODE (self));

  for (GtmNode *node = self; node != NULL; node = gtm_node_get_parent (node))
    g_signal_emit (node, signals[CHANGED], 0, origin);
}

char *
gtm_node_new_id (const char *prefix)
{
  return g_strdup_printf ("%s-%08x%04x", prefix ? prefix : "node",
                          g_random_int (), g_random_int () & 0xffff);
}
