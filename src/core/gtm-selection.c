/* gtm-selection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-selection"

#include "config.h"

#include "gtm-arrange.h"
#include "gtm-selection.h"

struct _GtmSelection
{
  GObject    parent_instance;

  GtmBoard  *board;
  /* The set, and the same items in z-order (rebuilt when stale). */
  GHashTable *set;
  GPtrArray  *ordered;
  gboolean    ordered_stale;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GtmSelection, gtm_selection, G_TYPE_OBJECT)

static gboolean
on_board (GtmSelection *self,
          GtmItem      *item)
{
  const char *id = gtm_node_get_id (GTM_NODE (item));

  return id != NULL && gtm_board_lookup_item (self->board, id) == item;
}

static void
emit_changed (GtmSelection *self)
{
  self->ordered_stale = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The board's list changed: drop what left it, and re-sort on demand
 * since the z-order may have changed. */
static void
on_board_changed (GtmSelection *self,
                  GtmNode      *origin)
{
  GHashTableIter iter;
  gpointer item;
  gboolean dropped = FALSE;

  if (origin != GTM_NODE (self->board))
    return;

  self->ordered_stale = TRUE;

  g_hash_table_iter_init (&iter, self->set);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      if (!on_board (self, item))
        {
          g_hash_table_iter_remove (&iter);
          dropped = TRUE;
        }
    }

  if (dropped)
    emit_changed (self);
}

static void
gtm_selection_dispose (GObject *object)
{
  GtmSelection *self = GTM_SELECTION (object);

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_func (self->board, on_board_changed, self);
  g_clear_object (&self->board);
  g_hash_table_remove_all (self->set);
  g_ptr_array_set_size (self->ordered, 0);

  G_OBJECT_CLASS (gtm_selection_parent_class)->dispose (object);
}

static void
gtm_selection_finalize (GObject *object)
{
  GtmSelection *self = GTM_SELECTION (object);

  g_hash_table_unref (self->set);
  g_ptr_array_unref (self->ordered);

  G_OBJECT_CLASS (gtm_selection_parent_class)->finalize (object);
}

static void
gtm_selection_class_init (GtmSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gtm_selection_dispose;
  object_class->finalize = gtm_selection_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gtm_selection_init (GtmSelection *self)
{
  self->set = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->ordered = g_ptr_array_new ();
}

GtmSelection *
gtm_selection_new (GtmBoard *board)
{
  GtmSelection *self;

  g_return_val_if_fail (GTM_IS_BOARD (board), NULL);

  self = g_object_new (GTM_TYPE_SELECTION, NULL);
  self->board = g_object_ref (board);
  g_signal_connect_swapped (board, "changed", G_CALLBACK (on_board_changed), self);

  return self;
}

/**
 * gtm_selection_get_board:
 *
 * Returns: (transfer none): the board
 */
GtmBoard *
gtm_selection_get_board (GtmSelection *self)
{
  g_return_val_if_fail (GTM_IS_SELECTION (self), NULL);

  return self->board;
}

guint
gtm_selection_get_n_items (GtmSelection *self)
{
  g_return_val_if_fail (GTM_IS_SELECTION (self), 0);

  return g_hash_table_size (self->set);
}

/**
 * gtm_selection_get_items:
 *
 * Returns: (transfer none) (array length=n_items): the selected items,
 *   bottom first
 */
GtmItem * const *
gtm_selection_get_items (GtmSelection *self,
                         guint        *n_items)
{
  g_return_val_if_fail (GTM_IS_SELECTION (self), NULL);
  g_return_val_if_fail (n_items != NULL, NULL);

  if (self->ordered_stale)
    {
      guint n_selected = g_hash_table_size (self->set);

      g_ptr_array_set_size (self->ordered, 0);

      if (n_selected == 1)
        {
          GHashTableIter iter;
          gpointer item;

          g_hash_table_iter_init (&iter, self->set);
          g_hash_table_iter_next (&iter, &item, NULL);
          g_ptr_array_add (self->ordered, item);
        }
      else if (n_selected > 1)
        {
          GListModel *items = gtm_board_get_items (self->board);
          guint n = g_list_model_get_n_items (items);

          for (guint i = 0; i < n && self->ordered->len < n_selected; i++)
            {
              GtmItem *item = g_list_model_get_item (items, i);

              if (g_hash_table_contains (self->set, item))
                g_ptr_array_add (self->ordered, item);
              g_object_unref (item);
            }
        }

      self->ordered_stale = FALSE;
    }

  *n_items = self->ordered->len;

  return (GtmItem * const *) self->ordered->pdata;
}

/**
 * gtm_selection_get_single:
 *
 * Returns: (transfer none) (nullable): the one selected item
 */
GtmItem *
gtm_selection_get_single (GtmSelection *self)
{
  GHashTableIter iter;
  gpointer item;

  g_return_val_if_fail (GTM_IS_SELECTION (self), NULL);

  if (g_hash_table_size (self->set) != 1)
    return NULL;

  g_hash_table_iter_init (&iter, self->set);
  g_hash_table_iter_next (&iter, &item, NULL);

  return item;
}

gboolean
gtm_selection_contains (GtmSelection *self,
                        GtmItem      *item)
{
  g_return_val_if_fail (GTM_IS_SELECTION (self), FALSE);

  return item != NULL && g_hash_table_contains (self->set, item);
}

static gboolean
add_items (GtmSelection    *self,
           GtmItem * const *items,
           guint            n_items)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      if (!GTM_IS_ITEM (items[i]) || g_hash_table_contains (self->set, items[i]) ||
          !on_board (self, items[i]))
        continue;

      g_hash_table_add (self->set, g_object_ref (items[i]));
      changed = TRUE;
    }

  return changed;
}

void
gtm_selection_set (GtmSelection    *self,
                   GtmItem * const *items,
                   guint            n_items)
{
  g_autoptr(GHashTable) old = NULL;
  gboolean changed;

  g_return_if_fail (GTM_IS_SELECTION (self));
  g_return_if_fail (items != NULL || n_items == 0);

  old = g_steal_pointer (&self->set);
  self->set = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  add_items (self, items, n_items);

  changed = g_hash_table_size (old) != g_hash_table_size (self->set);
  if (!changed)
    {
      GHashTableIter iter;
      gpointer item;

      g_hash_table_iter_init (&iter, self->set);
      while (!changed && g_hash_table_iter_next (&iter, &item, NULL))
        changed = !g_hash_table_contains (old, item);
    }

  if (changed)
    emit_changed (self);
}

void
gtm_selection_add (GtmSelection    *self,
                   GtmItem * const *items,
                   guint            n_items)
{
  g_return_if_fail (GTM_IS_SELECTION (self));
  g_return_if_fail (items != NULL || n_items == 0);

  if (add_items (self, items, n_items))
    emit_changed (self);
}

void
gtm_selection_remove (GtmSelection    *self,
                      GtmItem * const *items,
                      guint            n_items)
{
  gboolean changed = FALSE;

  g_return_if_fail (GTM_IS_SELECTION (self));
  g_return_if_fail (items != NULL || n_items == 0);

  for (guint i = 0; i < n_items; i++)
    changed |= g_hash_table_remove (self->set, items[i]);

  if (changed)
    emit_changed (self);
}

void
gtm_selection_select_all (GtmSelection *self)
{
  GListModel *items;
  guint n;
  gboolean changed = FALSE;

  g_return_if_fail (GTM_IS_SELECTION (self));

  items = gtm_board_get_items (self->board);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      GtmItem *item = g_list_model_get_item (items, i);

      if (!g_hash_table_contains (self->set, item))
        {
          g_hash_table_add (self->set, item);
          changed = TRUE;
        }
      else
        {
          g_object_unref (item);
        }
    }

  if (changed)
    emit_changed (self);
}

void
gtm_selection_clear (GtmSelection *self)
{
  g_return_if_fail (GTM_IS_SELECTION (self));

  if (g_hash_table_size (self->set) == 0)
    return;

  g_hash_table_remove_all (self->set);
  emit_changed (self);
}

gboolean
gtm_selection_delete (GtmSelection *self,
                      GtmHistory   *history)
{
  g_autoptr(GPtrArray) doomed = NULL;
  GtmItem * const *items;
  gboolean deleted;
  guint n;

  g_return_val_if_fail (GTM_IS_SELECTION (self), FALSE);
  g_return_val_if_fail (GTM_IS_HISTORY (history), FALSE);

  /* Copied, and the set emptied first: it is spared a check per removal. */
  items = gtm_selection_get_items (self, &n);
  doomed = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (doomed, g_object_ref (items[i]));

  gtm_selection_clear (self);
  deleted = gtm_arrange_delete (self->board, history, (GtmItem * const *) doomed->pdata, doomed->len);
  /* The locked items stay, and stay selected. */
  gtm_selection_set (self, (GtmItem * const *) doomed->pdata, doomed->len);

  return deleted;
}
