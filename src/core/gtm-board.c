/* gtm-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-board"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gtm-board.h"
#include "gtm-connector.h"

/* Who is in which group, for gtm_board_expand_groups() on every click:
 * built in one pass over the items on first use, and kept until the list
 * changes or an item's group does (moving items leaves it valid). The
 * items are borrowed: any removal invalidates the index. */
typedef struct
{
  gboolean    valid;
  GPtrArray  *items;      /* GtmItem*, bottom first */
  GHashTable *group_of;   /* GtmItem* → its group, a key of members; grouped items only */
  GHashTable *members;    /* group (owned) → GPtrArray of its GtmItem*, bottom first */
} GroupIndex;

struct _GtmBoard
{
  GtmNode     parent_instance;

  /* id → GtmItem, rebuilt on the first lookup after the items change. */
  GHashTable *index;
  GroupIndex  groups;
};

G_DEFINE_FINAL_TYPE (GtmBoard, gtm_board, GTM_TYPE_NODE)

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GtmBoard   *self)
{
  g_clear_pointer (&self->index, g_hash_table_unref);
  self->groups.valid = FALSE;
}

/* GtmNode::changed, for every field of the board and of its items: only a
 * change of an item's group matters to the group index. */
static void
on_changed (GtmNode  *node,
            GtmNode  *origin,
            GtmBoard *self)
{
  const char *indexed;

  if (!self->groups.valid)
    return;

  if (!GTM_IS_ITEM (origin))
    {
      self->groups.valid = FALSE;
      return;
    }

  indexed = g_hash_table_lookup (self->groups.group_of, origin);
  if (g_strcmp0 (indexed ? indexed : "", gtm_item_get_group (GTM_ITEM (origin))) != 0)
    self->groups.valid = FALSE;
}

static void
gtm_board_constructed (GObject *object)
{
  GtmBoard *self = GTM_BOARD (object);

  G_OBJECT_CLASS (gtm_board_parent_class)->constructed (object);

  g_signal_connect_object (gtm_board_get_items (self), "items-changed",
                           G_CALLBACK (on_items_changed), self, 0);
  g_signal_connect (self, "changed", G_CALLBACK (on_changed), self);
}

static void
gtm_board_finalize (GObject *object)
{
  GtmBoard *self = GTM_BOARD (object);

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->groups.items, g_ptr_array_unref);
  g_clear_pointer (&self->groups.group_of, g_hash_table_unref);
  g_clear_pointer (&self->groups.members, g_hash_table_unref);

  G_OBJECT_CLASS (gtm_board_parent_class)->finalize (object);
}

static void
gtm_board_class_init (GtmBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[2];
  G_GNUC_UNUSED guint first;

  object_class->constructed = gtm_board_constructed;
  object_class->finalize = gtm_board_finalize;

  pspecs[0] = g_param_spec_string ("name", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED);
  pspecs[1] = g_param_spec_string ("background", NULL, NULL, "#fafafa",
                                   GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_COLOR);
  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_BOARD_SLOT_NAME);

  gtm_node_class_add_list (node_class, "items", GTM_TYPE_ITEM, GTM_BOARD_MAX_ITEMS);
}

static void
gtm_board_init (GtmBoard *self)
{
}

/**
 * gtm_board_new:
 *
 * Returns: (transfer full): an empty board called @name
 */
GtmBoard *
gtm_board_new (const char *name)
{
  g_autofree char *id = gtm_node_new_id ("board");

  return g_object_new (GTM_TYPE_BOARD,
                       "id", id,
                       "name", name ? name : "",
                       NULL);
}

const char *
gtm_board_get_name (GtmBoard *self)
{
  g_return_val_if_fail (GTM_IS_BOARD (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_BOARD_SLOT_NAME);
}

const char *
gtm_board_get_background (GtmBoard *self)
{
  g_return_val_if_fail (GTM_IS_BOARD (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_BOARD_SLOT_BACKGROUND);
}

/**
 * gtm_board_get_items:
 *
 * Returns: (transfer none): the items, bottom first
 */
GListModel *
gtm_board_get_items (GtmBoard *self)
{
  g_return_val_if_fail (GTM_IS_BOARD (self), NULL);

  return G_LIST_MODEL (gtm_node_get_list_at (GTM_NODE (self), 0));
}

guint
gtm_board_get_n_items (GtmBoard *self)
{
  return g_list_model_get_n_items (gtm_board_get_items (self));
}

/**
 * gtm_board_lookup_item:
 *
 * Returns: (transfer none) (nullable): the item on this board with @id
 */
GtmItem *
gtm_board_lookup_item (GtmBoard   *self,
                       const char *id)
{
  g_return_val_if_fail (GTM_IS_BOARD (self), NULL);

  if (id == NULL)
    return NULL;

  if (self->index == NULL)
    {
      GListModel *items = gtm_board_get_items (self);
      guint n = g_list_model_get_n_items (items);

      self->index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < n; i++)
        {
          GtmNode *item = g_list_model_get_item (items, i);

          /* The list holds a reference for as long as the index lives. */
          g_hash_table_insert (self->index, (gpointer) gtm_node_get_id (item), item);
          g_object_unref (item);
        }
    }

  return g_hash_table_lookup (self->index, id);
}

static GroupIndex *
ensure_groups (GtmBoard *self)
{
  GroupIndex *groups = &self->groups;
  GListModel *items;
  guint n;

  if (groups->valid)
    return groups;

  if (groups->items == NULL)
    {
      groups->items = g_ptr_array_new ();
      groups->group_of = g_hash_table_new (NULL, NULL);
      groups->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
    }
  else
    {
      g_hash_table_remove_all (groups->group_of);
      g_hash_table_remove_all (groups->members);
    }

  items = gtm_board_get_items (self);
  n = g_list_model_get_n_items (items);
  g_ptr_array_set_size (groups->items, n);
  for (guint i = 0; i < n; i++)
    {
      GtmItem *item = g_list_model_get_item (items, i);
      const char *group = gtm_item_get_group (item);

      /* The list holds a reference for as long as the index is valid. */
      g_object_unref (item);
      g_ptr_array_index (groups->items, i) = item;

      if (group[0] != '\0')
        {
          char *key = NULL;
          GPtrArray *members = NULL;

          if (!g_hash_table_lookup_extended (groups->members, group,
                                             (gpointer *) &key, (gpointer *) &members))
            {
              key = g_strdup (group);
              members = g_ptr_array_new ();
              g_hash_table_insert (groups->members, key, members);
            }
          g_ptr_array_add (members, item);
          g_hash_table_insert (groups->group_of, item, key);
        }
    }

  groups->valid = TRUE;

  return groups;
}

static GPtrArray *
ref_items (GtmItem * const *items,
           guint            n_items)
{
  GPtrArray *result = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (result, g_object_ref (items[i]));

  return result;
}

/**
 * gtm_board_expand_groups:
 * @items: (array length=n_items): items of this board
 * @n_items: their number
 *
 * What a click on @items takes: the items themselves and every item
 * sharing a group with one of them. A click on an item in no group costs
 * nothing; on a group, after the first call following a change of the
 * list or of a group (one pass over the board), time in proportion to the
 * group. Items of several groups cost one pass over an array of the
 * board's items.
 *
 * Returns: (transfer full) (element-type GtmItem): the items, each once,
 *   in z-order (bottom first)
 */
GPtrArray *
gtm_board_expand_groups (GtmBoard        *self,
                         GtmItem * const *items,
                         guint            n_items)
{
  g_autoptr(GHashTable) taken = NULL;
  GroupIndex *groups;
  const char *group;
  gboolean one_unit = TRUE;
  GPtrArray *result;

  g_return_val_if_fail (GTM_IS_BOARD (self), NULL);
  g_return_val_if_fail (items != NULL || n_items == 0, NULL);
  g_return_val_if_fail (gtm_board_holds_items (self, items, n_items), NULL);

  if (n_items == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* A click: one item in no group, which needs no index, or members of
   * one group, which the index lists in order. */
  group = gtm_item_get_group (items[0]);
  for (guint i = 1; i < n_items && one_unit; i++)
    one_unit = group[0] != '\0' ? strcmp (gtm_item_get_group (items[i]), group) == 0
                                 : items[i] == items[0];
  if (one_unit && group[0] == '\0')
    return ref_items (items, 1);

  groups = ensure_groups (self);
  if (one_unit)
    {
      GPtrArray *members = g_hash_table_lookup (groups->members, group);

      return ref_items ((GtmItem * const *) members->pdata, members->len);
    }

  /* Anything else: the items and their groups' members, in one pass. */
  taken = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_items; i++)
    {
      group = g_hash_table_lookup (groups->group_of, items[i]);
      if (group == NULL)
        g_hash_table_add (taken, items[i]);
      else if (!g_hash_table_contains (taken, group))
        {
          GPtrArray *members = g_hash_table_lookup (groups->members, group);

          /* Groups are marked by their key, which is no item. */
          g_hash_table_add (taken, (gpointer) group);
          for (guint j = 0; j < members->len; j++)
            g_hash_table_add (taken, g_ptr_array_index (members, j));
        }
    }

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < groups->items->len; i++)
    {
      GtmItem *item = g_ptr_array_index (groups->items, i);

      if (g_hash_table_contains (taken, item))
        g_ptr_array_add (result, g_object_ref (item));
    }

  return result;
}

/**
 * gtm_board_new_group_id:
 *
 * Returns: (transfer full): a group id that no item of this board has
 */
char *
gtm_board_new_group_id (GtmBoard *self)
{
  GroupIndex *groups;

  g_return_val_if_fail (GTM_IS_BOARD (self), NULL);

  groups = ensure_groups (self);
  for (;;)
    {
      g_autofree char *id = gtm_node_new_id ("group");

      if (!g_hash_table_contains (groups->members, id))
        return g_steal_pointer (&id);
    }
}

gboolean
gtm_board_holds_items (GtmBoard        *self,
                       GtmItem * const *items,
                       guint            n_items)
{
  g_return_val_if_fail (GTM_IS_BOARD (self), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);

  /* Nodes forget their parent when they leave a list. */
  for (guint i = 0; i < n_items; i++)
    if (!GTM_IS_ITEM (items[i]) ||
        gtm_node_get_parent (GTM_NODE (items[i])) != GTM_NODE (self))
      return FALSE;

  return TRUE;
}

gboolean
gtm_board_get_extents (GtmBoard *self,
                       double   *x,
                       double   *y,
                       double   *width,
                       double   *height)
{
  GListModel *items;
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  guint n;

  g_return_val_if_fail (GTM_IS_BOARD (self), FALSE);

  items = gtm_board_get_items (self);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (items, i);
      double ix, iy;

      if (GTM_IS_CONNECTOR (item))
        continue;

      ix = gtm_item_get_x (item);
      iy = gtm_item_get_y (item);
      x1 = MIN (x1, ix);
      y1 = MIN (y1, iy);
      x2 = MAX (x2, ix + gtm_item_get_width (item));
      y2 = MAX (y2, iy + gtm_item_get_height (item));
    }

  if (x1 > x2)
    return FALSE;

  if (x)
    *x = x1;
  if (y)
    *y = y1;
  if (width)
    *width = x2 - x1;
  if (height)
    *height = y2 - y1;

  return TRUE;
}

void
gtm_board_add_item (GtmBoard   *self,
                    GtmHistory *history,
                    GtmItem    *item)
{
  g_return_if_fail (GTM_IS_BOARD (self));
  g_return_if_fail (GTM_IS_HISTORY (history));
  g_return_if_fail (GTM_IS_ITEM (item));

  gtm_history_insert (history, GTM_NODE (self), "items",
                      gtm_board_get_n_items (self), GTM_NODE (item));
}

void
gtm_board_remove_item (GtmBoard   *self,
                       GtmHistory *history,
                       GtmItem    *item)
{
  g_return_if_fail (GTM_IS_ITEM (item));

  gtm_board_remove_items (self, history, &item, 1);
}

static gboolean
connector_attached (GtmItem    *item,
                    GHashTable *ids)
{
  return GTM_IS_CONNECTOR (item) &&
         (g_hash_table_contains (ids, gtm_connector_get_source (GTM_CONNECTOR (item))) ||
          g_hash_table_contains (ids, gtm_connector_get_target (GTM_CONNECTOR (item))));
}

void
gtm_board_remove_items (GtmBoard         *self,
                        GtmHistory       *history,
                        GtmItem * const  *doomed,
                        guint             n_doomed)
{
  g_autoptr(GHashTable) set = NULL;
  g_autoptr(GHashTable) ids = NULL;
  GListModel *items;

  g_return_if_fail (GTM_IS_BOARD (self));
  g_return_if_fail (GTM_IS_HISTORY (history));
  g_return_if_fail (doomed != NULL || n_doomed == 0);
  g_return_if_fail (gtm_board_holds_items (self, doomed, n_doomed));

  if (n_doomed == 0)
    return;

  set = g_hash_table_new (NULL, NULL);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_doomed; i++)
    {
      g_hash_table_add (set, doomed[i]);
      g_hash_table_add (ids, (gpointer) gtm_node_get_id (GTM_NODE (doomed[i])));
    }

  /* Translators: an undo step, shown as “Undo Delete” */
  gtm_history_begin (history, _("Delete"));

  /* One pass from the top down, so that the positions still to visit stay
   * valid: the items, and the connectors attached to any of them. */
  items = gtm_board_get_items (self);
  for (guint i = g_list_model_get_n_items (items); i > 0; i--)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (items, i - 1);

      if (g_hash_table_contains (set, item) || connector_attached (item, ids))
        gtm_history_remove (history, GTM_NODE (self), "items", i - 1);
    }

  gtm_history_end (history);
}
