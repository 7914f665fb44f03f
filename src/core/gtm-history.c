/* gtm-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-history"

#include "config.h"

#include <math.h>
#include <string.h>
#include <gobject/gvaluecollector.h>
#include <glib/gi18n-lib.h>

#include "gtm-history.h"
#include "gtm-format.h"

/* The document changes in four ways only: a field gets a new value, or a
 * list gains, loses or reorders a node. Each is a change that can be applied
 * and reverted; a step is the changes of one user action. */
typedef enum
{
  CHANGE_SET,
  CHANGE_INSERT,
  CHANGE_REMOVE,
  CHANGE_MOVE,
} ChangeKind;

typedef struct
{
  ChangeKind  kind;
  gboolean    owns_node; /* FALSE for the history's root, see gtm_history_set_root() */
  GtmNode    *node;      /* SET: the node; otherwise the list's owner */
  GParamSpec *pspec;     /* SET */
  GValue      old_value; /* SET */
  GValue      new_value; /* SET */
  GListStore *list;      /* INSERT, REMOVE, MOVE */
  GtmNode    *child;     /* INSERT, REMOVE */
  guint       position;  /* INSERT, REMOVE; MOVE: from */
  guint       to;        /* MOVE */
} Change;

typedef struct
{
  char      *label;
  GPtrArray *changes; /* Change*, in the order they were applied */
  guint64    serial;
  gboolean   typing;  /* made by gtm_history_set_typing() */
} Step;

struct _GtmHistory
{
  GObject    parent_instance;

  GtmNode   *root;  /* weak: the node owning this history */
  GPtrArray *undo;  /* Step*, oldest first */
  GPtrArray *redo;  /* Step*, next to redo last */
  Step      *open;  /* the step being recorded, or NULL */
  guint      depth; /* nesting of gtm_history_begin() */
  Step      *typing; /* the newest step, while typing may still join it */
  guint64    next_serial;
  guint64    saved_state;
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GtmHistory, gtm_history, G_TYPE_OBJECT)

static void
change_free (Change *change)
{
  if (change->owns_node)
    g_clear_object (&change->node);
  if (G_IS_VALUE (&change->old_value))
    g_value_unset (&change->old_value);
  if (G_IS_VALUE (&change->new_value))
    g_value_unset (&change->new_value);
  g_clear_object (&change->list);
  g_clear_object (&change->child);
  g_free (change);
}

static void
step_free (Step *step)
{
  g_ptr_array_unref (step->changes);
  g_free (step->label);
  g_free (step);
}

/* Takes the element at @from out and puts it in at @to, as one
 * items-changed over the range between them: listeners never see the
 * element leave the list (a selection keeps it, an index just reorders). */
static void
move_in_list (GListStore *list,
              guint       from,
              guint       to)
{
  guint first = MIN (from, to);
  guint n = MAX (from, to) - first + 1;
  g_autofree gpointer *elements = g_new (gpointer, n);

  for (guint i = 0; i < n; i++)
    elements[i] = g_list_model_get_item (G_LIST_MODEL (list), first + i);

  if (from < to)
    {
      gpointer moved = elements[0];

      memmove (elements, elements + 1, (n - 1) * sizeof (gpointer));
      elements[n - 1] = moved;
    }
  else
    {
      gpointer moved = elements[n - 1];

      memmove (elements + 1, elements, (n - 1) * sizeof (gpointer));
      elements[0] = moved;
    }

  g_list_store_splice (list, first, n, elements, n);

  for (guint i = 0; i < n; i++)
    g_object_unref (elements[i]);
}

/* Tells listeners which nodes @step touched. */
static void
emit_applied (GtmHistory *self,
              Step       *step)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  for (guint i = 0; i < step->changes->len; i++)
    {
      Change *change = g_ptr_array_index (step->changes, i);

      if (change->kind == CHANGE_SET)
        g_ptr_array_add (nodes, change->node);
      else if (change->child != NULL)
        g_ptr_array_add (nodes, change->child);
    }

  g_signal_emit (self, signals[APPLIED], 0, nodes);
}

static void
change_apply (Change *change)
{
  switch (change->kind)
    {
    case CHANGE_SET:
      g_object_set_property (G_OBJECT (change->node), change->pspec->name, &change->new_value);
      break;
    case CHANGE_INSERT:
      g_list_store_insert (change->list, change->position, change->child);
      break;
    case CHANGE_REMOVE:
      g_list_store_remove (change->list, change->position);
      gtm_node_detach (change->child);
      break;
    case CHANGE_MOVE:
      move_in_list (change->list, change->position, change->to);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
change_revert (Change *change)
{
  switch (change->kind)
    {
    case CHANGE_SET:
      g_object_set_property (G_OBJECT (change->node), change->pspec->name, &change->old_value);
      break;
    case CHANGE_INSERT:
      g_list_store_remove (change->list, change->position);
      gtm_node_detach (change->child);
      break;
    case CHANGE_REMOVE:
      g_list_store_insert (change->list, change->position, change->child);
      break;
    case CHANGE_MOVE:
      move_in_list (change->list, change->to, change->position);
      break;
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  gboolean    can_undo;
  gboolean    can_redo;
  gboolean    modified;
  const char *undo_label;
  const char *redo_label;
} State;

static void
state_get (GtmHistory *self,
           State      *state)
{
  state->can_undo = gtm_history_can_undo (self);
  state->can_redo = gtm_history_can_redo (self);
  state->modified = gtm_history_get_modified (self);
  state->undo_label = gtm_history_get_undo_label (self);
  state->redo_label = gtm_history_get_redo_label (self);
}

static void
state_notify (GtmHistory  *self,
              const State *before)
{
  State after;

  state_get (self, &after);

  g_object_freeze_notify (G_OBJECT (self));
  if (before->can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before->modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (before->undo_label != after.undo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (before->redo_label != after.redo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void on_root_finalized (gpointer  data,
                               GObject  *where_the_root_was);

static void
gtm_history_finalize (GObject *object)
{
  GtmHistory *self = GTM_HISTORY (object);

  if (self->root != NULL)
    g_object_weak_unref (G_OBJECT (self->root), on_root_finalized, self);
  g_clear_pointer (&self->open, step_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (gtm_history_parent_class)->finalize (object);
}

static void
gtm_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GtmHistory *self = GTM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gtm_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gtm_history_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, gtm_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, gtm_history_get_redo_label (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, gtm_history_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtm_history_class_init (GtmHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gtm_history_finalize;
  object_class->get_property = gtm_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GtmHistory::applied:
   * @nodes: (element-type GtmNode): the nodes the step changed, and the
   *   nodes its list edits put in or took out
   *
   * Emitted after an undo or a redo, so that a view can show what changed.
   */
  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
gtm_history_init (GtmHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->next_serial = 1;
}

GtmHistory *
gtm_history_new (void)
{
  return g_object_new (GTM_TYPE_HISTORY, NULL);
}

/* Someone else (a document) may keep the history after its root is gone:
 * the steps that name the root can't be undone any more, so none can. */
static void
on_root_finalized (gpointer  data,
                   GObject  *where_the_root_was)
{
  GtmHistory *self = data;
  State before;

  state_get (self, &before);
  self->root = NULL;
  g_clear_pointer (&self->open, step_free);
  self->depth = 0;
  g_ptr_array_set_size (self->undo, 0);
  self->typing = NULL;
  g_ptr_array_set_size (self->redo, 0);
  state_notify (self, &before);
}

void
gtm_history_set_root (GtmHistory *self,
                      GtmNode    *root)
{
  g_return_if_fail (GTM_IS_HISTORY (self));
  g_return_if_fail (GTM_IS_NODE (root));
  g_return_if_fail (self->root == NULL);

  self->root = root;
  g_object_weak_ref (G_OBJECT (root), on_root_finalized, self);
}

static void
change_set_node (GtmHistory *self,
                 Change     *change,
                 GtmNode    *node)
{
  change->owns_node = node != self->root;
  change->node = change->owns_node ? g_object_ref (node) : node;
}

void
gtm_history_begin (GtmHistory *self,
                   const char *label)
{
  g_return_if_fail (GTM_IS_HISTORY (self));

  if (self->depth++ > 0)
    return;

  g_assert (self->open == NULL);
  self->open = g_new0 (Step, 1);
  self->open->label = g_strdup (label);
  self->open->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
}

/* Whether typing @step can join the newest step: both change the same one
 * field, and nothing was done, undone or redone in between. */
static gboolean
can_join_typing (GtmHistory *self,
                 Step       *step)
{
  Change *earlier, *change;

  if (!step->typing || self->typing == NULL || self->undo->len == 0 ||
      g_ptr_array_index (self->undo, self->undo->len - 1) != self->typing)
    return FALSE;

  if (step->changes->len != 1 || self->typing->changes->len != 1)
    return FALSE;

  earlier = g_ptr_array_index (self->typing->changes, 0);
  change = g_ptr_array_index (step->changes, 0);

  return earlier->kind == CHANGE_SET && change->kind == CHANGE_SET &&
         earlier->node == change->node && earlier->pspec == change->pspec;
}

void
gtm_history_end (GtmHistory *self)
{
  Step *step;
  State before;

  g_return_if_fail (GTM_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  step = g_steal_pointer (&self->open);
  if (step->changes->len == 0)
    {
      step_free (step);
      return;
    }

  state_get (self, &before);

  if (can_join_typing (self, step))
    {
      Change *earlier = g_ptr_array_index (self->typing->changes, 0);
      Change *change = g_ptr_array_index (step->changes, 0);

      g_value_copy (&change->new_value, &earlier->new_value);
      step_free (step);

      /* Typed back to where the run started: nothing is left to undo. */
      if (g_param_values_cmp (earlier->pspec, &earlier->old_value, &earlier->new_value) == 0)
        {
          g_ptr_array_set_size (self->undo, self->undo->len - 1);
          self->typing = NULL;
        }
      else
        {
          /* A new state: a save made during the run is not this document. */
          self->typing->serial = self->next_serial++;
        }
    }
  else
    {
      step->serial = self->next_serial++;
      g_ptr_array_add (self->undo, step);
      g_ptr_array_set_size (self->redo, 0);
      self->typing = step->typing ? step : NULL;
    }

  state_notify (self, &before);
}

/* Applies @change and records it in the open step, opening one for just
 * this change when none is. */
static void
record (GtmHistory *self,
        Change     *change,
        const char *label)
{
  gtm_history_begin (self, label);

  change_apply (change);

  if (change->kind == CHANGE_SET)
    {
      /* Within a step only the first old value matters. A field's value
       * commutes with list edits, so merging keeps undo exact. */
      for (guint i = 0; i < self->open->changes->len; i++)
        {
          Change *earlier = g_ptr_array_index (self->open->changes, i);

          if (earlier->kind == CHANGE_SET &&
              earlier->node == change->node &&
              earlier->pspec == change->pspec)
            {
              g_value_copy (&change->new_value, &earlier->new_value);
              change_free (change);
              change = NULL;
              break;
            }
        }
    }

  if (change != NULL)
    g_ptr_array_add (self->open->changes, change);

  gtm_history_end (self);
}

static GParamSpec *
find_field (GtmNode    *node,
            const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (node), property);

  if (pspec == NULL || !(pspec->flags & GTM_PARAM_SAVED) ||
      !(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    {
      g_critical ("%s has no editable field “%s”", G_OBJECT_TYPE_NAME (node), property);
      return NULL;
    }

  return pspec;
}

static gboolean
value_is_sane (const GValue *value)
{
  if (G_VALUE_HOLDS_DOUBLE (value))
    return isfinite (g_value_get_double (value));
  if (G_VALUE_HOLDS_FLOAT (value))
    return isfinite (g_value_get_float (value));
  return TRUE;
}

void
gtm_history_set_value (GtmHistory   *self,
                       GtmNode      *node,
                       const char   *property,
                       const GValue *value)
{
  GParamSpec *pspec;
  Change *change;

  g_return_if_fail (GTM_IS_HISTORY (self));
  g_return_if_fail (GTM_IS_NODE (node));
  g_return_if_fail (G_IS_VALUE (value));
  g_return_if_fail (value_is_sane (value));

  if (!(pspec = find_field (node, property)))
    return;

  change = g_new0 (Change, 1);
  change->kind = CHANGE_SET;
  change_set_node (self, change, node);
  change->pspec = pspec;
  g_value_init (&change->new_value, pspec->value_type);
  if (!g_value_transform (value, &change->new_value))
    {
      g_critical ("Can't store a %s in %s:%s", G_VALUE_TYPE_NAME (value),
                  G_OBJECT_TYPE_NAME (node), property);
      change_free (change);
      return;
    }
  g_param_value_validate (pspec, &change->new_value);

  /* Numbers are held to their limits above; what can't be mended so (a
   * malformed colour, a line break in a name) is the caller's mistake:
   * editors check user input with gtm_format_check_value() first, so that
   * nothing the reader would refuse ever reaches a file. */
  {
    g_autoptr(GError) error = NULL;

    if (!gtm_format_check_value (pspec, &change->new_value, &error))
      {
        g_critical ("%s: %s", G_OBJECT_TYPE_NAME (node), error->message);
        change_free (change);
        return;
      }
  }

  g_value_init (&change->old_value, pspec->value_type);
  g_object_get_property (G_OBJECT (node), property, &change->old_value);

  if (g_param_values_cmp (pspec, &change->old_value, &change->new_value) == 0)
    {
      change_free (change);
      return;
    }

  record (self, change, NULL);
}

void
gtm_history_set_typing (GtmHistory   *self,
                        GtmNode      *node,
                        const char   *property,
                        const GValue *value)
{
  g_return_if_fail (GTM_IS_HISTORY (self));

  gtm_history_begin (self, NULL);
  if (self->depth == 1)
    self->open->typing = TRUE;
  gtm_history_set_value (self, node, property, value);
  gtm_history_end (self);
}

void
gtm_history_stop_typing (GtmHistory *self)
{
  g_return_if_fail (GTM_IS_HISTORY (self));

  self->typing = NULL;
}

void
gtm_history_set (GtmHistory *self,
                 GtmNode    *node,
                 const char *first_property,
                 ...)
{
  va_list args;

  g_return_if_fail (GTM_IS_HISTORY (self));
  g_return_if_fail (GTM_IS_NODE (node));

  gtm_history_begin (self, NULL);

  va_start (args, first_property);
  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;
      GParamSpec *pspec = find_field (node, name);

      if (pspec == NULL)
        break;

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }

      gtm_history_set_value (self, node, name, &value);
    }
  va_end (args);

  gtm_history_end (self);
}

static GListStore *
find_list (GtmNode    *owner,
           const char *list,
           guint      *max_length)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (owner);

  for (guint i = 0; i < gtm_node_class_get_n_lists (klass); i++)
    {
      const GtmNodeListInfo *info = gtm_node_class_get_list_info (klass, i);

      if (g_strcmp0 (info->name, list) == 0)
        {
          if (max_length)
            *max_length = info->max_length;
          return gtm_node_get_list_at (owner, i);
        }
    }

  g_critical ("%s has no list “%s”", G_OBJECT_TYPE_NAME (owner), list);
  return NULL;
}

static Change *
list_change_new (GtmHistory *self,
                 ChangeKind  kind,
                 GtmNode    *owner,
                 GListStore *store,
                 guint       position)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change_set_node (self, change, owner);
  change->list = g_object_ref (store);
  change->position = position;

  return change;
}

void
gtm_history_insert (GtmHistory *self,
                    GtmNode    *owner,
                    const char *list,
                    guint       position,
                    GtmNode    *node)
{
  GListStore *store;
  Change *change;
  guint max_length;

  g_return_if_fail (GTM_IS_HISTORY (self));
  g_return_if_fail (GTM_IS_NODE (owner));
  g_return_if_fail (GTM_IS_NODE (node));

  if (!(store = find_list (owner, list, &max_length)))
    return;

  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (node),
                                 g_list_model_get_item_type (G_LIST_MODEL (store))));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (store)));
  /* Editors refuse to add past the limit the reader enforces. */
  g_return_if_fail (g_list_model_get_n_items (G_LIST_MODEL (store)) < max_length);

  change = list_change_new (self, CHANGE_INSERT, owner, store, position);
  change->child = g_object_ref (node);
  /* Translators: an undo step, shown as “Undo Add” */
  record (self, change, _("Add"));
}

void
gtm_history_remove (GtmHistory *self,
                    GtmNode    *owner,
                    const char *list,
                    guint       position)
{
  GListStore *store;
  Change *change;

  g_return_if_fail (GTM_IS_HISTORY (self));
  g_return_if_fail (GTM_IS_NODE (owner));

  if (!(store = find_list (owner, list, NULL)))
    return;

  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (store)));

  change = list_change_new (self, CHANGE_REMOVE, owner, store, position);
  change->child = g_list_model_get_item (G_LIST_MODEL (store), position);
  /* Translators: an undo step, shown as “Undo Delete” */
  record (self, change, _("Delete"));
}

void
gtm_history_move (GtmHistory *self,
                  GtmNode    *owner,
                  const char *list,
                  guint       from,
                  guint       to)
{
  GListStore *store;
  Change *change;
  guint n;

  g_return_if_fail (GTM_IS_HISTORY (self));
  g_return_if_fail (GTM_IS_NODE (owner));

  if (!(store = find_list (owner, list, NULL)))
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  change = list_change_new (self, CHANGE_MOVE, owner, store, from);
  change->to = to;
  /* Translators: an undo step (a change of stacking order), shown as “Undo Reorder” */
  record (self, change, _("Reorder"));
}

gboolean
gtm_history_can_undo (GtmHistory *self)
{
  g_return_val_if_fail (GTM_IS_HISTORY (self), FALSE);

  return self->undo->len > 0 && self->depth == 0;
}

gboolean
gtm_history_can_redo (GtmHistory *self)
{
  g_return_val_if_fail (GTM_IS_HISTORY (self), FALSE);

  return self->redo->len > 0 && self->depth == 0;
}

static const char *
step_label (GPtrArray *steps)
{
  Step *step;

  if (steps->len == 0)
    return NULL;

  step = g_ptr_array_index (steps, steps->len - 1);
  /* Translators: an undo step, shown as “Undo Edit” */
  return step->label ? step->label : _("Edit");
}

/**
 * gtm_history_get_undo_label:
 *
 * Returns: (nullable): what undo would revert, e.g. "Move", for menus
 */
const char *
gtm_history_get_undo_label (GtmHistory *self)
{
  g_return_val_if_fail (GTM_IS_HISTORY (self), NULL);

  return step_label (self->undo);
}

/**
 * gtm_history_get_redo_label:
 *
 * Returns: (nullable): what redo would apply again
 */
const char *
gtm_history_get_redo_label (GtmHistory *self)
{
  g_return_val_if_fail (GTM_IS_HISTORY (self), NULL);

  return step_label (self->redo);
}

gboolean
gtm_history_undo (GtmHistory *self)
{
  Step *step;
  State before;

  g_return_val_if_fail (GTM_IS_HISTORY (self), FALSE);

  if (!gtm_history_can_undo (self))
    return FALSE;

  state_get (self, &before);
  self->typing = NULL;
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = step->changes->len; i > 0; i--)
    change_revert (g_ptr_array_index (step->changes, i - 1));
  g_ptr_array_add (self->redo, step);
  state_notify (self, &before);
  emit_applied (self, step);

  return TRUE;
}

gboolean
gtm_history_redo (GtmHistory *self)
{
  Step *step;
  State before;

  g_return_val_if_fail (GTM_IS_HISTORY (self), FALSE);

  if (!gtm_history_can_redo (self))
    return FALSE;

  state_get (self, &before);
  self->typing = NULL;
  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < step->changes->len; i++)
    change_apply (g_ptr_array_index (step->changes, i));
  g_ptr_array_add (self->undo, step);
  state_notify (self, &before);
  emit_applied (self, step);

  return TRUE;
}

/**
 * gtm_history_get_state:
 *
 * Returns: a value naming the document as it stands now: equal states mean
 *   equal documents
 */
guint64
gtm_history_get_state (GtmHistory *self)
{
  Step *top;

  g_return_val_if_fail (GTM_IS_HISTORY (self), 0);

  if (self->undo->len == 0)
    return 0;

  top = g_ptr_array_index (self->undo, self->undo->len - 1);
  return top->serial;
}

void
gtm_history_mark_saved (GtmHistory *self,
                        guint64     state)
{
  State before;

  g_return_if_fail (GTM_IS_HISTORY (self));

  state_get (self, &before);
  self->saved_state = state;
  state_notify (self, &before);
}

gboolean
gtm_history_get_modified (GtmHistory *self)
{
  g_return_val_if_fail (GTM_IS_HISTORY (self), FALSE);

  return gtm_history_get_state (self) != self->saved_state;
}

guint
gtm_history_get_n_undo (GtmHistory *self)
{
  g_return_val_if_fail (GTM_IS_HISTORY (self), 0);

  return self->undo->len;
}
