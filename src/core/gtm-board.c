/* gtm-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-board"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gtm-board.h"
#include "gtm-connector.h"

struct _GtmBoard
{
  GtmNode     parent_instance;

  /* id → GtmItem, rebuilt on the first lookup after the items change. */
  GHashTable *index;
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
}

static void
gtm_board_constructed (GObject *object)
{
  GtmBoard *self = GTM_BOARD (object);

  G_OBJECT_CLASS (gtm_board_parent_class)->constructed (object);

  g_signal_connect_object (gtm_board_get_items (self), "items-changed",
                           G_CALLBACK (on_items_changed), self, 0);
}

static void
gtm_board_finalize (GObject *object)
{
  GtmBoard *self = GTM_BOARD (object);

  g_clear_pointer (&self->index, g_hash_table_unref);

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
  GListModel *items;
  const char *id;
  guint position;

  g_return_if_fail (GTM_IS_BOARD (self));
  g_return_if_fail (GTM_IS_HISTORY (history));
  g_return_if_fail (GTM_IS_ITEM (item));

  items = gtm_board_get_items (self);
  if (!g_list_store_find (G_LIST_STORE (items), item, &position))
    g_return_if_reached ();

  id = gtm_node_get_id (GTM_NODE (item));

  /* Translators: an undo step, shown as “Undo Delete” */
  gtm_history_begin (history, _("Delete"));

  /* From the top down, so that the positions still to visit stay valid. */
  for (guint i = g_list_model_get_n_items (items); i > 0; i--)
    {
      g_autoptr(GtmItem) other = g_list_model_get_item (items, i - 1);

      if (GTM_IS_CONNECTOR (other) &&
          (g_strcmp0 (gtm_connector_get_source (GTM_CONNECTOR (other)), id) == 0 ||
           g_strcmp0 (gtm_connector_get_target (GTM_CONNECTOR (other)), id) == 0))
        {
          gtm_history_remove (history, GTM_NODE (self), "items", i - 1);
          if (i - 1 < position)
            position--;
        }
    }

  gtm_history_remove (history, GTM_NODE (self), "items", position);

  gtm_history_end (history);
}
