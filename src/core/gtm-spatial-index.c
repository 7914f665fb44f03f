/* gtm-spatial-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-spatial-index"

#include "config.h"

#include <math.h>

#include "gtm-spatial-index.h"

/*
 * The structure: a hierarchy of uniform grids, each a hash table from cell
 * to the items in it.
 *
 * Level k has square cells of BASE_CELL × 2^k board units, and an item lives
 * at the first level whose cells are at least as large as its drawn bounds,
 * so it lies in at most 2 × 2 cells whatever its size. That keeps what a
 * plain uniform grid gets wrong: a frame covering the whole board costs four
 * cells rather than millions, and items a million units apart cost nothing
 * for the empty space between them, since only occupied cells exist.
 *
 * Why not an R-tree: the hot update is one item dragged 60 times a second
 * (and the connectors it drags along). Here that is a few hash lookups, and
 * nothing at all while the item stays in the same cells, which it does for
 * most frames of a drag; an R-tree needs a delete and a reinsert with node
 * splits and condensing, and its shape degrades under such churn unless it
 * is rebuilt. Queries are as quick in practice: a point looks up one cell
 * per level in use (a board has a handful of levels: notes, shapes, frames,
 * connectors of a few lengths), and a rectangle visits, per level, the
 * cells it covers or, when it covers more cells than are occupied, the
 * occupied cells, so a rubber band around a whole board costs in
 * proportion to the items, not to the area.
 *
 * Z-order is a copy of the board's list of entries, each knowing its
 * position, kept by following the list's splices: appending an item costs
 * nothing to renumber, and results are sorted by that position (or picked
 * in list order when they are a good part of the board).
 */

/* The side of the cells of level 0, in board units: about a third of a
 * default sticky note, so that small items share cells with few others. */
#define BASE_CELL  64.0
/* Enough levels for cells larger than GTM_SPATIAL_INDEX_LIMIT × 2. */
#define N_LEVELS   26

typedef struct _Entry Entry;

typedef struct
{
  guint64   key;      /* packed (cx, cy); the hash table's key points here */
  guint     len;
  guint     alloc;
  Entry   **entries;
} Cell;

struct _Entry
{
  GtmItem *item;      /* a reference */
  GtmRect  bounds;    /* as drawn */
  GtmRect  box;       /* x, y, width, height; unused for connectors */
  gboolean has_box;
  guint    z;         /* position in the board's list */
  guint    seen;      /* the last visit (query or splice) that saw it */
  guint    matched;   /* the last query it matched */
  int      level;     /* -1 when in no cell: draws nothing or out of range */
  int      cx1, cy1, cx2, cy2;
  guint    slot[4];   /* index in cell (cx1 + i % 2, cy1 + i / 2) */
  char    *source;    /* connectors: the ends they are filed under */
  char    *target;
};

struct _GtmSpatialIndex
{
  GObject      parent_instance;

  GtmBoard    *board;
  GListModel  *items;
  GPtrArray   *order;     /* Entry*, in z-order; owns the entries */
  GHashTable  *entries;   /* GtmItem* → Entry* */
  GHashTable  *attached;  /* item id → GPtrArray of connector Entry* */
  GHashTable  *levels[N_LEVELS];  /* Cell* by packed (cx, cy) */
  guint        visit;
  gulong       changed_id;
  gulong       items_changed_id;
};

G_DEFINE_FINAL_TYPE (GtmSpatialIndex, gtm_spatial_index, G_TYPE_OBJECT)

typedef void (*VisitFunc) (GtmSpatialIndex *self,
                           Entry           *entry,
                           gpointer         data);


/* Cells */

static guint
cell_hash (gconstpointer key)
{
  guint64 k = *(const guint64 *) key;

  /* A 64-bit mix (from splitmix64): packed neighbouring cells differ in few
   * bits, which g_int64_hash() would leave clustered. */
  k ^= k >> 30;
  k *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  k ^= k >> 27;
  k *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  k ^= k >> 31;

  return (guint) k;
}

static gboolean
cell_equal (gconstpointer a,
            gconstpointer b)
{
  return *(const guint64 *) a == *(const guint64 *) b;
}

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->entries);
  g_free (cell);
}

static inline guint64
cell_key (int cx,
          int cy)
{
  return ((guint64) (guint32) cx << 32) | (guint32) cy;
}

static inline int
key_cx (guint64 key)
{
  return (int) (gint32) (guint32) (key >> 32);
}

static inline int
key_cy (guint64 key)
{
  return (int) (gint32) (guint32) (key & 0xffffffff);
}

static inline double
cell_size (int level)
{
  return ldexp (BASE_CELL, level);
}

/* The cell holding the coordinate @v, which is within the limit. */
static inline int
cell_coord (double v,
            double size)
{
  return (int) floor (v / size);
}

/* The smallest level whose cells are at least @size wide. */
static int
level_for_size (double size)
{
  int exponent;
  double mantissa;

  if (size <= BASE_CELL)
    return 0;

  mantissa = frexp (size / BASE_CELL, &exponent);

  /* size / BASE_CELL = mantissa × 2^exponent, mantissa in [0.5, 1). */
  return MIN (N_LEVELS - 1, mantissa == 0.5 ? exponent - 1 : exponent);
}

static gboolean
indexable (const GtmRect *bounds)
{
  return bounds->width > 0 && bounds->height > 0 &&
         bounds->x >= -GTM_SPATIAL_INDEX_LIMIT &&
         bounds->y >= -GTM_SPATIAL_INDEX_LIMIT &&
         bounds->x + bounds->width <= GTM_SPATIAL_INDEX_LIMIT &&
         bounds->y + bounds->height <= GTM_SPATIAL_INDEX_LIMIT;
}

/* Where @bounds belong: a level and a range of at most 2 × 2 cells. */
static void
place (const GtmRect *bounds,
       int           *level,
       int           *cx1,
       int           *cy1,
       int           *cx2,
       int           *cy2)
{
  double size;

  if (!indexable (bounds))
    {
      *level = -1;
      *cx1 = *cy1 = *cx2 = *cy2 = 0;
      return;
    }

  *level = level_for_size (MAX (bounds->width, bounds->height));
  size = cell_size (*level);
  *cx1 = cell_coord (bounds->x, size);
  *cy1 = cell_coord (bounds->y, size);
  *cx2 = cell_coord (bounds->x + bounds->width, size);
  *cy2 = cell_coord (bounds->y + bounds->height, size);

  g_assert (*cx2 - *cx1 <= 1 && *cy2 - *cy1 <= 1);
}

static void
grid_insert (GtmSpatialIndex *self,
             Entry           *entry)
{
  GHashTable *cells;

  if (entry->level < 0)
    return;

  cells = self->levels[entry->level];
  if (cells == NULL)
    cells = self->levels[entry->level] = g_hash_table_new_full (cell_hash, cell_equal, NULL, cell_free);

  for (int cy = entry->cy1; cy <= entry->cy2; cy++)
    for (int cx = entry->cx1; cx <= entry->cx2; cx++)
      {
        guint64 key = cell_key (cx, cy);
        Cell *cell = g_hash_table_lookup (cells, &key);

        if (cell == NULL)
          {
            cell = g_new0 (Cell, 1);
            cell->key = key;
            g_hash_table_insert (cells, &cell->key, cell);
          }

        if (cell->len == cell->alloc)
          {
            cell->alloc = MAX (4, cell->alloc * 2);
            cell->entries = g_renew (Entry *, cell->entries, cell->alloc);
          }

        entry->slot[(cx - entry->cx1) + 2 * (cy - entry->cy1)] = cell->len;
        cell->entries[cell->len++] = entry;
      }
}

static void
grid_remove (GtmSpatialIndex *self,
             Entry           *entry)
{
  GHashTable *cells;

  if (entry->level < 0)
    return;

  cells = self->levels[entry->level];

  for (int cy = entry->cy1; cy <= entry->cy2; cy++)
    for (int cx = entry->cx1; cx <= entry->cx2; cx++)
      {
        guint64 key = cell_key (cx, cy);
        Cell *cell = g_hash_table_lookup (cells, &key);
        guint slot = entry->slot[(cx - entry->cx1) + 2 * (cy - entry->cy1)];
        Entry *moved;

        g_assert (cell != NULL && slot < cell->len && cell->entries[slot] == entry);

        /* Fill the hole with the last entry, and tell it where it went. */
        moved = cell->entries[--cell->len];
        cell->entries[slot] = moved;
        if (moved != entry)
          moved->slot[(cx - moved->cx1) + 2 * (cy - moved->cy1)] = slot;

        if (cell->len == 0)
          g_hash_table_remove (cells, &key);
      }

  entry->level = -1;
}

/* Calls @func for every entry in a cell of any level meeting the closed
 * area (x1, y1)–(x2, y2); an entry in several such cells is passed once
 * per cell. */
static void
visit_area (GtmSpatialIndex *self,
            double           x1,
            double           y1,
            double           x2,
            double           y2,
            VisitFunc        func,
            gpointer         data)
{
  x1 = CLAMP (x1, -GTM_SPATIAL_INDEX_LIMIT, GTM_SPATIAL_INDEX_LIMIT);
  y1 = CLAMP (y1, -GTM_SPATIAL_INDEX_LIMIT, GTM_SPATIAL_INDEX_LIMIT);
  x2 = CLAMP (x2, -GTM_SPATIAL_INDEX_LIMIT, GTM_SPATIAL_INDEX_LIMIT);
  y2 = CLAMP (y2, -GTM_SPATIAL_INDEX_LIMIT, GTM_SPATIAL_INDEX_LIMIT);

  for (int level = 0; level < N_LEVELS; level++)
    {
      GHashTable *cells = self->levels[level];
      double size = cell_size (level);
      int cx1, cy1, cx2, cy2;
      guint n_occupied;

      if (cells == NULL || (n_occupied = g_hash_table_size (cells)) == 0)
        continue;

      cx1 = cell_coord (x1, size);
      cy1 = cell_coord (y1, size);
      cx2 = cell_coord (x2, size);
      cy2 = cell_coord (y2, size);

      if ((double) (cx2 - cx1 + 1) * (cy2 - cy1 + 1) <= n_occupied)
        {
          for (int cy = cy1; cy <= cy2; cy++)
            for (int cx = cx1; cx <= cx2; cx++)
              {
                guint64 key = cell_key (cx, cy);
                Cell *cell = g_hash_table_lookup (cells, &key);

                if (cell != NULL)
                  for (guint i = 0; i < cell->len; i++)
                    func (self, cell->entries[i], data);
              }
        }
      else
        {
          GHashTableIter iter;
          Cell *cell;

          g_hash_table_iter_init (&iter, cells);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &cell))
            {
              int cx = key_cx (cell->key);
              int cy = key_cy (cell->key);

              if (cx >= cx1 && cx <= cx2 && cy >= cy1 && cy <= cy2)
                for (guint i = 0; i < cell->len; i++)
                  func (self, cell->entries[i], data);
            }
        }
    }
}


/* Entries */

static Entry *
entry_new (GtmItem *item)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->item = item;
  entry->level = -1;

  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->item);
  g_free (entry->source);
  g_free (entry->target);
  g_free (entry);
}

/* Reads the item's geometry again and moves it between cells if needed. */
static void
entry_update (GtmSpatialIndex *self,
              Entry           *entry)
{
  int level, cx1, cy1, cx2, cy2;

  gtm_render_item_bounds (self->board, entry->item, &entry->bounds);
  entry->has_box = gtm_hit_test_item_box (entry->item, &entry->box);

  place (&entry->bounds, &level, &cx1, &cy1, &cx2, &cy2);

  /* Most frames of a drag stay in the same cells. */
  if (level == entry->level &&
      cx1 == entry->cx1 && cy1 == entry->cy1 && cx2 == entry->cx2 && cy2 == entry->cy2)
    return;

  grid_remove (self, entry);
  entry->level = level;
  entry->cx1 = cx1;
  entry->cy1 = cy1;
  entry->cx2 = cx2;
  entry->cy2 = cy2;
  grid_insert (self, entry);
}

static void
file_connector (GtmSpatialIndex *self,
                const char      *id,
                Entry           *entry)
{
  GPtrArray *connectors;

  if (id == NULL || id[0] == '\0')
    return;

  connectors = g_hash_table_lookup (self->attached, id);
  if (connectors == NULL)
    {
      connectors = g_ptr_array_new ();
      g_hash_table_insert (self->attached, g_strdup (id), connectors);
    }

  g_ptr_array_add (connectors, entry);
}

static void
unfile_connector (GtmSpatialIndex *self,
                  const char      *id,
                  Entry           *entry)
{
  GPtrArray *connectors;

  if (id == NULL || id[0] == '\0')
    return;

  connectors = g_hash_table_lookup (self->attached, id);
  g_assert (connectors != NULL);

  g_ptr_array_remove_fast (connectors, entry);
  if (connectors->len == 0)
    g_hash_table_remove (self->attached, id);
}

static void
detach (GtmSpatialIndex *self,
        Entry           *entry)
{
  unfile_connector (self, entry->source, entry);
  if (g_strcmp0 (entry->source, entry->target) != 0)
    unfile_connector (self, entry->target, entry);

  g_clear_pointer (&entry->source, g_free);
  g_clear_pointer (&entry->target, g_free);
}

/* Files a connector under the ids of the items it joins, so that moving
 * one of them finds the connectors to move along. */
static void
attach (GtmSpatialIndex *self,
        Entry           *entry)
{
  GtmConnector *connector;

  if (!GTM_IS_CONNECTOR (entry->item))
    return;

  connector = GTM_CONNECTOR (entry->item);
  if (entry->source != NULL &&
      g_strcmp0 (entry->source, gtm_connector_get_source (connector)) == 0 &&
      g_strcmp0 (entry->target, gtm_connector_get_target (connector)) == 0)
    return;

  detach (self, entry);

  entry->source = g_strdup (gtm_connector_get_source (connector));
  entry->target = g_strdup (gtm_connector_get_target (connector));

  file_connector (self, entry->source, entry);
  if (g_strcmp0 (entry->source, entry->target) != 0)
    file_connector (self, entry->target, entry);
}

/* Updates the connectors joined to the item called @id, except those
 * already updated in the visit under way. */
static void
update_attached (GtmSpatialIndex *self,
                 const char      *id)
{
  GPtrArray *connectors = g_hash_table_lookup (self->attached, id);

  if (connectors == NULL)
    return;

  for (guint i = 0; i < connectors->len; i++)
    {
      Entry *entry = g_ptr_array_index (connectors, i);

      if (entry->seen != self->visit)
        {
          entry->seen = self->visit;
          entry_update (self, entry);
        }
    }
}


/* Following the board */

static void
on_board_changed (GtmNode         *board,
                  GtmNode         *origin,
                  GtmSpatialIndex *self)
{
  Entry *entry;

  /* The board's own fields do not move anything, and changes of its list
   * are followed in on_items_changed(), which knows what was spliced. */
  if (origin == board)
    return;

  entry = g_hash_table_lookup (self->entries, origin);
  if (entry == NULL)
    return;

  self->visit++;
  entry->seen = self->visit;

  attach (self, entry);
  entry_update (self, entry);

  if (!GTM_IS_CONNECTOR (entry->item))
    update_attached (self, gtm_node_get_id (origin));
}

static void
renumber (GtmSpatialIndex *self,
          guint            from)
{
  for (guint i = from; i < self->order->len; i++)
    ((Entry *) g_ptr_array_index (self->order, i))->z = i;
}

static void
clear (GtmSpatialIndex *self)
{
  for (guint level = 0; level < N_LEVELS; level++)
    g_clear_pointer (&self->levels[level], g_hash_table_unref);
  g_hash_table_remove_all (self->attached);
  g_hash_table_remove_all (self->entries);
  g_ptr_array_set_size (self->order, 0);
}

/* The board has forgotten its id lookup table by now (its handler was
 * connected first), so connectors' ends are looked up afresh here; the
 * board emits GtmNode::changed for the change only after this. */
static void
on_items_changed (GListModel      *model,
                  guint            position,
                  guint            removed,
                  guint            added,
                  GtmSpatialIndex *self)
{
  /* Copies: the removed items may be gone once their entries are. */
  g_autoptr(GPtrArray) removed_ids = g_ptr_array_new_with_free_func (g_free);

  /* A splice that does not fit what we hold means a change we missed:
   * start again from the list. */
  if (position + removed > self->order->len ||
      self->order->len - removed + added != g_list_model_get_n_items (model))
    {
      clear (self);
      position = 0;
      removed = 0;
      added = g_list_model_get_n_items (model);
    }

  self->visit++;

  for (guint i = position; i < position + removed; i++)
    {
      Entry *entry = g_ptr_array_index (self->order, i);

      if (!GTM_IS_CONNECTOR (entry->item))
        g_ptr_array_add (removed_ids, g_strdup (gtm_node_get_id (GTM_NODE (entry->item))));

      grid_remove (self, entry);
      detach (self, entry);
      g_hash_table_remove (self->entries, entry->item);
    }
  g_ptr_array_remove_range (self->order, position, removed);

  for (guint i = 0; i < added; i++)
    {
      Entry *entry = entry_new (g_list_model_get_item (model, position + i));

      g_ptr_array_insert (self->order, position + i, entry);
      g_hash_table_insert (self->entries, entry->item, entry);
    }

  renumber (self, position);

  /* Only now that every added item is filed: a connector added with its
   * ends finds them. */
  for (guint i = position; i < position + added; i++)
    {
      Entry *entry = g_ptr_array_index (self->order, i);

      entry->seen = self->visit;
      attach (self, entry);
      entry_update (self, entry);
    }

  /* Connectors whose ends appeared or went away. */
  for (guint i = position; i < position + added; i++)
    {
      Entry *entry = g_ptr_array_index (self->order, i);

      if (!GTM_IS_CONNECTOR (entry->item))
        update_attached (self, gtm_node_get_id (GTM_NODE (entry->item)));
    }
  for (guint i = 0; i < removed_ids->len; i++)
    update_attached (self, g_ptr_array_index (removed_ids, i));
}


/* The object */

static void
gtm_spatial_index_dispose (GObject *object)
{
  GtmSpatialIndex *self = GTM_SPATIAL_INDEX (object);

  g_clear_signal_handler (&self->changed_id, self->board);
  g_clear_signal_handler (&self->items_changed_id, self->items);

  if (self->order != NULL)
    clear (self);

  g_clear_object (&self->items);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (gtm_spatial_index_parent_class)->dispose (object);
}

static void
gtm_spatial_index_finalize (GObject *object)
{
  GtmSpatialIndex *self = GTM_SPATIAL_INDEX (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->attached, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);

  G_OBJECT_CLASS (gtm_spatial_index_parent_class)->finalize (object);
}

static void
gtm_spatial_index_class_init (GtmSpatialIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gtm_spatial_index_dispose;
  object_class->finalize = gtm_spatial_index_finalize;
}

static void
gtm_spatial_index_init (GtmSpatialIndex *self)
{
  self->order = g_ptr_array_new_with_free_func (entry_free);
  self->entries = g_hash_table_new (NULL, NULL);
  self->attached = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
}

/**
 * gtm_spatial_index_new:
 * @board: the board to index
 *
 * Indexes every item of @board and follows its changes for as long as the
 * index lives.
 *
 * Returns: (transfer full): a new index
 */
GtmSpatialIndex *
gtm_spatial_index_new (GtmBoard *board)
{
  GtmSpatialIndex *self;

  g_return_val_if_fail (GTM_IS_BOARD (board), NULL);

  self = g_object_new (GTM_TYPE_SPATIAL_INDEX, NULL);
  self->board = g_object_ref (board);
  self->items = g_object_ref (gtm_board_get_items (board));

  self->changed_id = g_signal_connect (board, "changed",
                                       G_CALLBACK (on_board_changed), self);
  self->items_changed_id = g_signal_connect (self->items, "items-changed",
                                             G_CALLBACK (on_items_changed), self);

  on_items_changed (self->items, 0, 0, g_list_model_get_n_items (self->items), self);

  return self;
}

/**
 * gtm_spatial_index_get_board:
 *
 * Returns: (transfer none): the indexed board
 */
GtmBoard *
gtm_spatial_index_get_board (GtmSpatialIndex *self)
{
  g_return_val_if_fail (GTM_IS_SPATIAL_INDEX (self), NULL);

  return self->board;
}


/* Queries */

typedef struct
{
  double  x;
  double  y;
  double  tolerance;
  Entry  *best;
} HitData;

static void
hit_visit (GtmSpatialIndex *self,
           Entry           *entry,
           gpointer         user_data)
{
  HitData *data = user_data;

  if (entry->seen == self->visit || (data->best != NULL && entry->z < data->best->z))
    return;
  entry->seen = self->visit;

  if (gtm_hit_test_item (self->board, entry->item, &entry->bounds,
                         data->x, data->y, data->tolerance))
    data->best = entry;
}

/**
 * gtm_spatial_index_hit:
 * @x: board x coordinate
 * @y: board y coordinate
 * @tolerance: how far from a connector's line still picks it, in board units
 *
 * Returns: (transfer none) (nullable): the topmost item under the point
 */
GtmItem *
gtm_spatial_index_hit (GtmSpatialIndex *self,
                       double           x,
                       double           y,
                       double           tolerance)
{
  HitData data = { x, y, 0, NULL };

  g_return_val_if_fail (GTM_IS_SPATIAL_INDEX (self), NULL);

  if (!isfinite (x) || !isfinite (y))
    return NULL;

  data.tolerance = tolerance > 0 && isfinite (tolerance) ? tolerance : 0;

  self->visit++;
  visit_area (self, x - data.tolerance, y - data.tolerance,
              x + data.tolerance, y + data.tolerance, hit_visit, &data);

  return data.best != NULL ? data.best->item : NULL;
}

typedef struct
{
  GtmRect       rect;
  GtmRectMatch  match;
  GPtrArray    *matches;  /* Entry* */
} QueryData;

static void
query_visit (GtmSpatialIndex *self,
             Entry           *entry,
             gpointer         user_data)
{
  QueryData *data = user_data;

  if (entry->seen == self->visit)
    return;
  entry->seen = self->visit;

  if (gtm_hit_test_rect_matches (entry->has_box ? &entry->box : NULL, &entry->bounds,
                                 &data->rect, data->match))
    {
      entry->matched = self->visit;
      g_ptr_array_add (data->matches, entry);
    }
}

static int
compare_z (gconstpointer a,
           gconstpointer b)
{
  const Entry *x = *(Entry * const *) a;
  const Entry *y = *(Entry * const *) b;

  return (x->z > y->z) - (x->z < y->z);
}

/**
 * gtm_spatial_index_query_rect:
 * @rect: a rectangle in board coordinates
 * @match: which items of the rectangle to return
 *
 * Returns: (transfer full) (element-type GtmItem): the matching items in
 *   z-order, bottom first
 */
GPtrArray *
gtm_spatial_index_query_rect (GtmSpatialIndex *self,
                              const GtmRect   *rect,
                              GtmRectMatch     match)
{
  g_autoptr(GPtrArray) matches = NULL;
  QueryData data;
  GPtrArray *result;

  g_return_val_if_fail (GTM_IS_SPATIAL_INDEX (self), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  if (!isfinite (rect->x) || !isfinite (rect->y) ||
      !isfinite (rect->width) || !isfinite (rect->height))
    return result;

  matches = g_ptr_array_new ();
  data.rect.x = MIN (rect->x, rect->x + rect->width);
  data.rect.y = MIN (rect->y, rect->y + rect->height);
  data.rect.width = fabs (rect->width);
  data.rect.height = fabs (rect->height);
  data.match = match;
  data.matches = matches;

  self->visit++;
  visit_area (self, data.rect.x, data.rect.y,
              data.rect.x + data.rect.width, data.rect.y + data.rect.height,
              query_visit, &data);

  /* Sorting costs n log n; when much of the board matched, walking the
   * z-order once is cheaper. */
  if (matches->len > self->order->len / 8)
    {
      for (guint i = 0; i < self->order->len; i++)
        {
          Entry *entry = g_ptr_array_index (self->order, i);

          if (entry->matched == self->visit)
            g_ptr_array_add (result, g_object_ref (entry->item));
        }
    }
  else
    {
      g_ptr_array_sort (matches, compare_z);
      for (guint i = 0; i < matches->len; i++)
        g_ptr_array_add (result, g_object_ref (((Entry *) g_ptr_array_index (matches, i))->item));
    }

  return result;
}

/**
 * gtm_spatial_index_query_visible:
 * @viewport: how the board is shown
 * @width: the widget's width in pixels
 * @height: the widget's height in pixels
 *
 * Returns: (transfer full) (element-type GtmItem): the items drawn in view,
 *   in z-order, bottom first
 */
GPtrArray *
gtm_spatial_index_query_visible (GtmSpatialIndex   *self,
                                 const GtmViewport *viewport,
                                 double             width,
                                 double             height)
{
  GtmRect rect;
  double x2, y2;

  g_return_val_if_fail (GTM_IS_SPATIAL_INDEX (self), NULL);
  g_return_val_if_fail (viewport != NULL, NULL);

  gtm_viewport_to_board (viewport, 0, 0, &rect.x, &rect.y);
  gtm_viewport_to_board (viewport, MAX (0, width), MAX (0, height), &x2, &y2);
  rect.width = x2 - rect.x;
  rect.height = y2 - rect.y;

  return gtm_spatial_index_query_rect (self, &rect, GTM_RECT_MATCH_INTERSECTS);
}

gboolean
gtm_spatial_index_get_bounds (GtmSpatialIndex *self,
                              GtmItem         *item,
                              GtmRect         *bounds)
{
  Entry *entry;

  g_return_val_if_fail (GTM_IS_SPATIAL_INDEX (self), FALSE);
  g_return_val_if_fail (GTM_IS_ITEM (item), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, item);
  if (entry == NULL || entry->level < 0)
    {
      *bounds = (GtmRect) { 0, 0, 0, 0 };
      return FALSE;
    }

  *bounds = entry->bounds;

  return TRUE;
}

int
gtm_spatial_index_get_z (GtmSpatialIndex *self,
                         GtmItem         *item)
{
  Entry *entry;

  g_return_val_if_fail (GTM_IS_SPATIAL_INDEX (self), -1);
  g_return_val_if_fail (GTM_IS_ITEM (item), -1);

  entry = g_hash_table_lookup (self->entries, item);

  return entry != NULL ? (int) entry->z : -1;
}

guint
gtm_spatial_index_get_n_cells (GtmSpatialIndex *self)
{
  guint n = 0;

  g_return_val_if_fail (GTM_IS_SPATIAL_INDEX (self), 0);

  for (guint level = 0; level < N_LEVELS; level++)
    if (self->levels[level] != NULL)
      n += g_hash_table_size (self->levels[level]);

  return n;
}
