/* gtm-clipboard.c — copy, paste and duplicate of board items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-clipboard"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gtm-clipboard.h"
#include "gtm-connector.h"
#include "gtm-format.h"
#include "gtm-frame.h"
#include "gtm-note.h"

/* Notes made from pasted text are laid out in a grid with this gap. */
#define TEXT_NOTE_GAP 20.0

/* Of pasted text, at most this many bytes are read: the notes can't hold
 * more than GTM_CLIPBOARD_MAX_TEXT_NOTES × GTM_CLIPBOARD_MAX_NOTE_CHARS
 * characters, and the white space around them is bounded too. */
#define MAX_PASTED_TEXT_BYTES (1024 * 1024)

/* The items a copy of @items takes, in the board's stacking order: the
 * selected items but connectors, and the connectors joining two of them.
 * See gtm-clipboard.h for why. */
static GPtrArray *
collect_copied (GtmBoard        *board,
                GtmItem * const *items,
                guint            n_items)
{
  g_autoptr(GHashTable) selected = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *copied = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *list;
  guint n;

  for (guint i = 0; i < n_items; i++)
    if (!GTM_IS_CONNECTOR (items[i]))
      g_hash_table_add (selected, (gpointer) gtm_node_get_id (GTM_NODE (items[i])));

  if (g_hash_table_size (selected) == 0)
    return copied;

  list = gtm_board_get_items (board);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (list, i);
      gboolean take;

      if (GTM_IS_CONNECTOR (item))
        take = g_hash_table_contains (selected, gtm_connector_get_source (GTM_CONNECTOR (item))) &&
               g_hash_table_contains (selected, gtm_connector_get_target (GTM_CONNECTOR (item)));
      else
        take = g_hash_table_contains (selected, gtm_node_get_id (GTM_NODE (item)));

      if (take)
        g_ptr_array_add (copied, g_steal_pointer (&item));
    }

  return copied;
}

/* The range of the positions (not the boxes) of the items that have one;
 * FALSE if none has. */
static gboolean
position_range (GPtrArray *items,
                double    *x1,
                double    *y1,
                double    *x2,
                double    *y2)
{
  *x1 = *y1 = G_MAXDOUBLE;
  *x2 = *y2 = -G_MAXDOUBLE;

  for (guint i = 0; i < items->len; i++)
    {
      GtmItem *item = g_ptr_array_index (items, i);

      if (GTM_IS_CONNECTOR (item))
        continue;

      *x1 = MIN (*x1, gtm_item_get_x (item));
      *y1 = MIN (*y1, gtm_item_get_y (item));
      *x2 = MAX (*x2, gtm_item_get_x (item));
      *y2 = MAX (*y2, gtm_item_get_y (item));
    }

  return *x1 <= *x2;
}

/* @delta, held so that positions from @low to @high moved by it stay
 * within the limits of the format. */
static double
clamp_offset (double delta,
              double low,
              double high)
{
  return CLAMP (delta, -GTM_ITEM_COORD_LIMIT - low, GTM_ITEM_COORD_LIMIT - high);
}

static gboolean
check_room (GtmBoard  *board,
            guint      n_new,
            GError   **error)
{
  guint n = gtm_board_get_n_items (board);

  if (n <= GTM_BOARD_MAX_ITEMS && n_new <= GTM_BOARD_MAX_ITEMS - n)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               g_dngettext (GETTEXT_PACKAGE,
                            "There is no room for %u more item on this board: a board holds at most %d items.",
                            "There is no room for %u more items on this board: a board holds at most %d items.",
                            n_new),
               n_new, GTM_BOARD_MAX_ITEMS);
  return FALSE;
}

/* A new id for an item of @kind, used by nothing on @board nor in @taken. */
static char *
fresh_id (GtmBoard   *board,
          GHashTable *taken,
          const char *kind)
{
  for (;;)
    {
      g_autofree char *id = gtm_node_new_id (kind);

      if (gtm_board_lookup_item (board, id) == NULL && !g_hash_table_contains (taken, id))
        return g_steal_pointer (&id);
    }
}

static gboolean
is_id_field (GParamSpec *pspec)
{
  return pspec->owner_type == GTM_TYPE_NODE && strcmp (pspec->name, "id") == 0;
}

/* A copy of @item with every saved field but the id, which is @id; moved
 * by @dx, @dy; its references to copied items (a connector's ends) pointing
 * at their copies through @new_ids, and its group mapped through
 * @new_groups ("" if not there). Board items have fields only, no lists or
 * children (test-clipboard checks every kind). Binary data such as an
 * image's PNG bytes is shared, not duplicated: GBytes never change. */
static GtmItem *
copy_item (GtmItem    *item,
           const char *id,
           GHashTable *new_ids,
           GHashTable *new_groups,
           double      dx,
           double      dy)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (item);
  guint n = gtm_node_class_get_n_fields (klass);
  g_autofree const char **names = g_new0 (const char *, n);
  g_autofree GValue *values = g_new0 (GValue, n);
  GtmItem *copy;

  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = gtm_node_class_get_field (klass, i);
      GValue *value = &values[i];

      names[i] = pspec->name;
      g_value_init (value, pspec->value_type);

      if (is_id_field (pspec))
        {
          g_value_set_string (value, id);
          continue;
        }

      g_value_copy (gtm_node_peek_value (GTM_NODE (item), pspec->param_id), value);

      if ((pspec->flags & GTM_PARAM_REFERENCE) != 0)
        {
          const char *old = g_value_get_string (value);
          const char *target = old ? g_hash_table_lookup (new_ids, old) : NULL;

          if (target != NULL)
            g_value_set_string (value, target);
        }
      else if (pspec->owner_type == GTM_TYPE_ITEM && pspec->param_id == GTM_ITEM_SLOT_GROUP)
        {
          const char *group = g_hash_table_lookup (new_groups, g_value_get_string (value));

          g_value_set_string (value, group ? group : "");
        }
      else if (pspec->owner_type == GTM_TYPE_ITEM && pspec->param_id == GTM_ITEM_SLOT_X)
        {
          g_value_set_double (value, CLAMP (g_value_get_double (value) + dx,
                                            -GTM_ITEM_COORD_LIMIT, GTM_ITEM_COORD_LIMIT));
        }
      else if (pspec->owner_type == GTM_TYPE_ITEM && pspec->param_id == GTM_ITEM_SLOT_Y)
        {
          g_value_set_double (value, CLAMP (g_value_get_double (value) + dy,
                                            -GTM_ITEM_COORD_LIMIT, GTM_ITEM_COORD_LIMIT));
        }
    }

  copy = GTM_ITEM (g_object_new_with_properties (G_OBJECT_TYPE (item), n, names, values));

  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  return copy;
}

/* Each group of @sources with two members or more → a new group of
 * @board, so that the copies form groups of their own and never join the
 * originals'. A copy of a lone member of a group is in no group. */
static GHashTable *
map_groups (GtmBoard  *board,
            GPtrArray *sources)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *new_groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer group, count;

  for (guint i = 0; i < sources->len; i++)
    {
      const char *source_group = gtm_item_get_group (g_ptr_array_index (sources, i));
      guint n;

      if (source_group[0] == '\0')
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, source_group));
      g_hash_table_insert (counts, (gpointer) source_group, GUINT_TO_POINTER (n + 1));
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &group, &count))
    {
      char *fresh;

      if (GPOINTER_TO_UINT (count) < 2)
        continue;

      /* New to the board, and to this paste. */
      for (fresh = gtm_board_new_group_id (board);
           g_hash_table_contains (taken, fresh);
           fresh = gtm_board_new_group_id (board))
        g_free (fresh);

      g_hash_table_add (taken, fresh);
      g_hash_table_insert (new_groups, group, fresh);
    }

  return new_groups;
}

/* Adds copies of @sources moved by @dx, @dy on top of @board as one step
 * called @label, and returns them in the same order. */
static GPtrArray *
add_copies (GtmBoard   *board,
            GtmHistory *history,
            const char *label,
            GPtrArray  *sources,
            double      dx,
            double      dy)
{
  g_autoptr(GHashTable) new_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) new_groups = map_groups (board, sources);
  GPtrArray *copies = g_ptr_array_new_full (sources->len, g_object_unref);

  /* All new ids first: a connector may lie below the items it joins. */
  for (guint i = 0; i < sources->len; i++)
    {
      GtmNode *source = g_ptr_array_index (sources, i);
      char *id = fresh_id (board, taken, GTM_NODE_GET_CLASS (source)->kind);

      g_hash_table_add (taken, id);
      g_hash_table_insert (new_ids, (gpointer) gtm_node_get_id (source), id);
    }

  for (guint i = 0; i < sources->len; i++)
    {
      GtmItem *source = g_ptr_array_index (sources, i);
      const char *id = g_hash_table_lookup (new_ids, gtm_node_get_id (GTM_NODE (source)));

      g_ptr_array_add (copies, copy_item (source, id, new_ids, new_groups, dx, dy));
    }

  if (copies->len == 0)
    return copies;

  gtm_history_begin (history, label);
  for (guint i = 0; i < copies->len; i++)
    gtm_board_add_item (board, history, g_ptr_array_index (copies, i));
  gtm_history_end (history);

  return copies;
}

/**
 * gtm_clipboard_serialize:
 * @board: the board holding @items
 * @items: (array length=n_items): the selection
 * @n_items: its size
 *
 * Copies the selection (see gtm-clipboard.h for which connectors go with
 * it) as data of type %GTM_CLIPBOARD_MIME_TYPE.
 *
 * Returns: (transfer full): the data to put on the clipboard
 */
GBytes *
gtm_clipboard_serialize (GtmBoard        *board,
                         GtmItem * const *items,
                         guint            n_items)
{
  g_autoptr(GPtrArray) copied = NULL;

  g_return_val_if_fail (GTM_IS_BOARD (board), NULL);
  g_return_val_if_fail (items != NULL || n_items == 0, NULL);
  g_return_val_if_fail (gtm_board_holds_items (board, items, n_items), NULL);

  copied = collect_copied (board, items, n_items);

  return gtm_format_write_items ((GtmItem * const *) copied->pdata, copied->len);
}

/* ------------------------------------------------------------------------
 * Plain text
 * ------------------------------------------------------------------------ */

static int
compare_top (gconstpointer a,
             gconstpointer b)
{
  GtmItem *item_a = *(GtmItem * const *) a;
  GtmItem *item_b = *(GtmItem * const *) b;
  double ya = gtm_item_get_y (item_a), yb = gtm_item_get_y (item_b);
  double xa = gtm_item_get_x (item_a), xb = gtm_item_get_x (item_b);

  if (ya != yb)
    return ya < yb ? -1 : 1;
  if (xa != xb)
    return xa < xb ? -1 : 1;
  return 0;
}

static int
compare_left (gconstpointer a,
              gconstpointer b)
{
  GtmItem *item_a = *(GtmItem * const *) a;
  GtmItem *item_b = *(GtmItem * const *) b;
  double xa = gtm_item_get_x (item_a), xb = gtm_item_get_x (item_b);

  if (xa != xb)
    return xa < xb ? -1 : 1;
  return compare_top (a, b);
}

static double
middle_of (GtmItem *item)
{
  return gtm_item_get_y (item) + gtm_item_get_height (item) / 2;
}

/* Sorts @items (none a connector) as one reads: rows from top to bottom,
 * each row from left to right. A row starts with the topmost remaining
 * item and takes, from the top down, each item whose top lies above the
 * middle of every item already in it: notes placed by hand a few units
 * out of line still read as one row, and a tall frame beside them doesn't
 * pull the rows below into theirs. */
static void
sort_reading_order (GPtrArray *items)
{
  guint start = 0;

  g_ptr_array_sort (items, compare_top);

  while (start < items->len)
    {
      double middle = middle_of (g_ptr_array_index (items, start));
      guint end = start + 1;

      for (; end < items->len; end++)
        {
          GtmItem *item = g_ptr_array_index (items, end);

          if (gtm_item_get_y (item) >= middle)
            break;
          middle = MIN (middle, middle_of (item));
        }

      qsort (items->pdata + start, end - start, sizeof (gpointer), compare_left);
      start = end;
    }
}

/* @text as one paragraph: without blank lines, which would split it, and
 * without trailing white space; NULL if nothing is left. */
static char *
paragraph_of (const char *text,
              gboolean    heading)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;

      if (out->len > 0)
        g_string_append_c (out, heading ? ' ' : '\n');
      g_string_append (out, out->len > 0 && heading ? g_strchug (lines[i]) : lines[i]);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

static void
append_paragraph (GString    *out,
                  const char *prefix,
                  const char *text)
{
  if (out->len > 0)
    g_string_append (out, "\n\n");
  g_string_append (out, prefix);
  g_string_append (out, text);
}

static void
append_item_text (GString *out,
                  GtmItem *item)
{
  g_autofree char *paragraph = paragraph_of (gtm_item_get_text (item), FALSE);

  if (paragraph != NULL)
    append_paragraph (out, "", paragraph);
}

/* The smallest of @frames that holds @item, or NULL. */
static GtmItem *
find_frame (GPtrArray *frames,
            GtmItem   *item)
{
  GtmItem *best = NULL;
  double best_area = G_MAXDOUBLE;

  for (guint i = 0; i < frames->len; i++)
    {
      GtmItem *frame = g_ptr_array_index (frames, i);
      double area = gtm_item_get_width (frame) * gtm_item_get_height (frame);

      if (area < best_area && gtm_frame_contains (GTM_FRAME (frame), item))
        {
          best = frame;
          best_area = area;
        }
    }

  return best;
}

/**
 * gtm_clipboard_to_text:
 * @items: (array length=n_items): the selection
 * @n_items: its size
 *
 * The selection as plain text, for applications that don't read
 * %GTM_CLIPBOARD_MIME_TYPE: the text of each item as a paragraph (blank
 * lines inside an item are dropped so that it stays one), paragraphs
 * separated by a blank line, in reading order (see sort_reading_order()).
 * A frame's title becomes a Markdown heading ("# Title") followed by the
 * selected items inside it, the smallest frame holding an item taking it.
 * Connectors' labels and items without text are left out.
 *
 * Returns: (transfer full): the text, "" if nothing has any
 */
char *
gtm_clipboard_to_text (GtmItem * const *items,
                       guint            n_items)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) members = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) unique = g_ptr_array_new ();
  g_autoptr(GPtrArray) frames = g_ptr_array_new ();
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  GString *out;

  g_return_val_if_fail (items != NULL || n_items == 0, NULL);
  for (guint i = 0; i < n_items; i++)
    g_return_val_if_fail (GTM_IS_ITEM (items[i]), NULL);

  out = g_string_new (NULL);

  for (guint i = 0; i < n_items; i++)
    {
      if (GTM_IS_CONNECTOR (items[i]) || !g_hash_table_add (seen, items[i]))
        continue;

      g_ptr_array_add (unique, items[i]);
      if (GTM_IS_FRAME (items[i]))
        {
          g_ptr_array_add (frames, items[i]);
          g_hash_table_insert (members, items[i], g_ptr_array_new ());
        }
    }

  for (guint i = 0; i < unique->len; i++)
    {
      GtmItem *item = g_ptr_array_index (unique, i);
      GtmItem *frame = GTM_IS_FRAME (item) ? NULL : find_frame (frames, item);

      g_ptr_array_add (frame ? g_hash_table_lookup (members, frame) : top, item);
    }

  sort_reading_order (top);
  for (guint i = 0; i < top->len; i++)
    {
      GtmItem *item = g_ptr_array_index (top, i);
      GPtrArray *inside;
      g_autofree char *title = NULL;

      if (!GTM_IS_FRAME (item))
        {
          append_item_text (out, item);
          continue;
        }

      title = paragraph_of (gtm_item_get_text (item), TRUE);
      if (title != NULL)
        append_paragraph (out, "# ", title);

      inside = g_hash_table_lookup (members, item);
      sort_reading_order (inside);
      for (guint j = 0; j < inside->len; j++)
        append_item_text (out, g_ptr_array_index (inside, j));
    }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------
 * Paste
 * ------------------------------------------------------------------------ */

/* Reads @data and checks that the board can take it. */
static GPtrArray *
read_pasted (GtmBoard  *board,
             GBytes    *data,
             GError   **error)
{
  g_autoptr(GPtrArray) items = gtm_format_read_items (data, error);

  if (items == NULL)
    return NULL;

  if (!check_room (board, items->len, error))
    return NULL;

  return g_steal_pointer (&items);
}

/**
 * gtm_clipboard_paste:
 * @board: the board to paste on
 * @history: the history of its project
 * @data: data of type %GTM_CLIPBOARD_MIME_TYPE
 * @x: where the left of the pasted items goes
 * @y: where their top goes
 *
 * Pastes copied items so that the top-left corner of their bounding box
 * lands at @x, @y (held so that every item stays within the coordinate
 * limit of the format), on top of the board, as one undo step. Each pasted
 * item gets a new id; pasted connectors join the pasted items. The data is
 * checked as a file would be: anything wrong, or more items than the board
 * has room for, and nothing is added.
 *
 * Returns: (transfer full) (element-type GtmItem) (nullable): the new items
 *   in stacking order, bottom first (empty if @data holds none), or %NULL
 *   with @error set in %GTM_FORMAT_ERROR or %G_IO_ERROR
 */
GPtrArray *
gtm_clipboard_paste (GtmBoard    *board,
                     GtmHistory  *history,
                     GBytes      *data,
                     double       x,
                     double       y,
                     GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  double x1, y1, x2, y2;
  double dx = 0, dy = 0;

  g_return_val_if_fail (GTM_IS_BOARD (board), NULL);
  g_return_val_if_fail (GTM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (isfinite (x) && isfinite (y), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  items = read_pasted (board, data, error);
  if (items == NULL)
    return NULL;

  if (position_range (items, &x1, &y1, &x2, &y2))
    {
      dx = clamp_offset (x - x1, x1, x2);
      dy = clamp_offset (y - y1, y1, y2);
    }

  /* Translators: an undo step, shown as “Undo Paste” */
  return add_copies (board, history, _("Paste"), items, dx, dy);
}

static char *
geometry_key (GtmItem *item,
              double   dx,
              double   dy)
{
  char buf[4][G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buf[0], sizeof buf[0], gtm_item_get_x (item) + dx);
  g_ascii_dtostr (buf[1], sizeof buf[1], gtm_item_get_y (item) + dy);
  g_ascii_dtostr (buf[2], sizeof buf[2], gtm_item_get_width (item));
  g_ascii_dtostr (buf[3], sizeof buf[3], gtm_item_get_height (item));

  return g_strjoin (" ", buf[0], buf[1], buf[2], buf[3], NULL);
}

/* Whether an item of @items moved by @dx, @dy would lie exactly on an item
 * whose geometry is in @occupied. */
static gboolean
lands_on_copy (GPtrArray  *items,
               GHashTable *occupied,
               double      dx,
               double      dy)
{
  for (guint i = 0; i < items->len; i++)
    {
      GtmItem *item = g_ptr_array_index (items, i);
      g_autofree char *key = NULL;

      if (GTM_IS_CONNECTOR (item))
        continue;

      key = geometry_key (item, dx, dy);
      if (g_hash_table_contains (occupied, key))
        return TRUE;
    }

  return FALSE;
}

/**
 * gtm_clipboard_paste_in_place:
 * @board: the board to paste on
 * @history: the history of its project
 * @data: data of type %GTM_CLIPBOARD_MIME_TYPE
 *
 * Like gtm_clipboard_paste(), but the items keep the positions they were
 * copied from: pasted onto another board, or after a cut, they land
 * exactly where they were. Where a pasted item would cover an item of the
 * same position and size — the original, or an earlier paste — all move
 * %GTM_CLIPBOARD_OFFSET right and down, as many times as needed, so that
 * pasting again and again cascades the copies.
 *
 * Returns: (transfer full) (element-type GtmItem) (nullable): as
 *   gtm_clipboard_paste()
 */
GPtrArray *
gtm_clipboard_paste_in_place (GtmBoard    *board,
                              GtmHistory  *history,
                              GBytes      *data,
                              GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) occupied = NULL;
  GListModel *list;
  double x1, y1, x2, y2;
  double dx = 0, dy = 0;
  guint n;

  g_return_val_if_fail (GTM_IS_BOARD (board), NULL);
  g_return_val_if_fail (GTM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  items = read_pasted (board, data, error);
  if (items == NULL)
    return NULL;

  occupied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  list = gtm_board_get_items (board);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (list, i);

      if (!GTM_IS_CONNECTOR (item))
        g_hash_table_add (occupied, geometry_key (item, 0, 0));
    }

  /* Each step that lands on copies needs a board item of its own, so
   * n + 1 steps always find a free place, unless the limit of the
   * coordinates holds the items back. */
  if (position_range (items, &x1, &y1, &x2, &y2))
    {
      for (guint step = 0; step <= n; step++)
        {
          dx = clamp_offset (step * GTM_CLIPBOARD_OFFSET, x1, x2);
          dy = clamp_offset (step * GTM_CLIPBOARD_OFFSET, y1, y2);
          if (!lands_on_copy (items, occupied, dx, dy))
            break;
        }
    }

  /* Translators: an undo step, shown as “Undo Paste” */
  return add_copies (board, history, _("Paste"), items, dx, dy);
}

/* Splits @text into paragraphs: at blank lines if it has any between two
 * lines of text (text written in paragraphs, or copied from GTM Studio),
 * otherwise at each line break (a list, or cells of a spreadsheet column).
 * Paragraphs are stripped of surrounding white space; empty ones dropped. */
static GPtrArray *
split_paragraphs (const char *text)
{
  g_autoptr(GString) normalized = g_string_new (text);
  g_auto(GStrv) lines = NULL;
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) current = g_string_new (NULL);
  gboolean by_blank_lines = FALSE;
  gboolean seen_text = FALSE;
  gboolean seen_blank = FALSE;

  g_string_replace (normalized, "\r\n", "\n", 0);
  g_string_replace (normalized, "\r", "\n", 0);
  lines = g_strsplit (normalized->str, "\n", -1);

  for (guint i = 0; lines[i] != NULL && !by_blank_lines; i++)
    {
      gboolean blank = g_strchomp (lines[i])[0] == '\0';

      if (!blank && seen_blank)
        by_blank_lines = TRUE;
      else if (blank && seen_text)
        seen_blank = TRUE;
      else if (!blank)
        seen_text = TRUE;
    }

  for (guint i = 0; ; i++)
    {
      gboolean end = lines[i] == NULL;
      gboolean blank = end || g_strchomp (lines[i])[0] == '\0';

      if (!blank)
        {
          if (current->len > 0)
            g_string_append_c (current, '\n');
          g_string_append (current, lines[i]);
        }

      if ((blank || !by_blank_lines) && current->len > 0)
        {
          char *paragraph = g_strdup (current->str);

          g_strstrip (paragraph);
          if (paragraph[0] != '\0')
            g_ptr_array_add (paragraphs, paragraph);
          else
            g_free (paragraph);
          g_string_truncate (current, 0);
        }

      if (end)
        break;
    }

  return paragraphs;
}

/**
 * gtm_clipboard_paste_text:
 * @board: the board to paste on
 * @history: the history of its project
 * @text: plain text from another application
 * @x: where the left of the notes goes
 * @y: where their top goes
 * @truncated: (out) (optional): set to whether part of @text was left out
 *
 * Makes a sticky note of each paragraph of @text (see split_paragraphs()),
 * laid out in a grid of about as many columns as rows with its top-left
 * corner at @x, @y, as one undo step. At most %GTM_CLIPBOARD_MAX_TEXT_NOTES
 * notes of at most %GTM_CLIPBOARD_MAX_NOTE_CHARS characters are made: the
 * rest of a longer paragraph is replaced by “…”, further paragraphs are
 * left out, and @truncated says so, for the caller to tell the user.
 * Invalid UTF-8 is replaced by U+FFFD.
 *
 * Returns: (transfer full) (element-type GtmItem) (nullable): the new notes
 *   in reading order (empty if @text holds only white space), or %NULL with
 *   @error set in %G_IO_ERROR when the board has no room for them
 */
GPtrArray *
gtm_clipboard_paste_text (GtmBoard    *board,
                          GtmHistory  *history,
                          const char  *text,
                          double       x,
                          double       y,
                          gboolean    *truncated,
                          GError     **error)
{
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *valid = NULL;
  gsize len;
  gboolean cut = FALSE;
  guint n, columns;
  double pitch_x, pitch_y;

  g_return_val_if_fail (GTM_IS_BOARD (board), NULL);
  g_return_val_if_fail (GTM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (isfinite (x) && isfinite (y), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = strlen (text);
  if (len > MAX_PASTED_TEXT_BYTES)
    {
      /* Back to the start of a character. */
      len = MAX_PASTED_TEXT_BYTES;
      while (len > 0 && ((guchar) text[len] & 0xc0) == 0x80)
        len--;
      cut = TRUE;
    }
  valid = g_utf8_make_valid (text, len);

  paragraphs = split_paragraphs (valid);
  if (paragraphs->len > GTM_CLIPBOARD_MAX_TEXT_NOTES)
    {
      g_ptr_array_set_size (paragraphs, GTM_CLIPBOARD_MAX_TEXT_NOTES);
      cut = TRUE;
    }
  n = paragraphs->len;

  if (!check_room (board, n, error))
    return NULL;

  notes = g_ptr_array_new_full (n, g_object_unref);
  columns = (guint) ceil (sqrt (n));
  for (guint i = 0; i < n; i++)
    {
      const char *paragraph = g_ptr_array_index (paragraphs, i);
      g_autofree char *shortened = NULL;

      if (g_utf8_strlen (paragraph, -1) > GTM_CLIPBOARD_MAX_NOTE_CHARS)
        {
          g_autofree char *start = g_utf8_substring (paragraph, 0, GTM_CLIPBOARD_MAX_NOTE_CHARS - 1);

          paragraph = shortened = g_strconcat (start, "…", NULL);
          cut = TRUE;
        }

      g_ptr_array_add (notes, gtm_note_new (0, 0, paragraph));
    }

  if (truncated != NULL)
    *truncated = cut;

  if (n == 0)
    return g_steal_pointer (&notes);

  {
    GtmItem *first = g_ptr_array_index (notes, 0);
    guint rows = (n + columns - 1) / columns;

    pitch_x = gtm_item_get_width (first) + TEXT_NOTE_GAP;
    pitch_y = gtm_item_get_height (first) + TEXT_NOTE_GAP;
    x = clamp_offset (x, 0, (columns - 1) * pitch_x);
    y = clamp_offset (y, 0, (rows - 1) * pitch_y);
  }

  /* Translators: an undo step, shown as “Undo Paste” */
  gtm_history_begin (history, _("Paste"));
  for (guint i = 0; i < n; i++)
    {
      GtmItem *note = g_ptr_array_index (notes, i);

      /* Placed before it joins the board: it is not in the document yet. */
      g_object_set (note,
                    "x", x + (i % columns) * pitch_x,
                    "y", y + (i / columns) * pitch_y,
                    NULL);
      gtm_board_add_item (board, history, note);
    }
  gtm_history_end (history);

  return g_steal_pointer (&notes);
}

/* ------------------------------------------------------------------------
 * Duplicate
 * ------------------------------------------------------------------------ */

/**
 * gtm_clipboard_duplicate:
 * @board: the board holding @items
 * @history: the history of its project
 * @items: (array length=n_items): the selection
 * @n_items: its size
 *
 * Duplicates the selection (Ctrl+D): copies of the same items a copy would
 * take (see gtm-clipboard.h), %GTM_CLIPBOARD_OFFSET right and down from
 * the originals, on top of the board, as one undo step. Images share their
 * bytes with the originals.
 *
 * Returns: (transfer full) (element-type GtmItem) (nullable): the copies in
 *   stacking order (empty if the selection holds only connectors), or
 *   %NULL with @error set in %G_IO_ERROR when the board has no room
 */
GPtrArray *
gtm_clipboard_duplicate (GtmBoard         *board,
                         GtmHistory       *history,
                         GtmItem * const  *items,
                         guint             n_items,
                         GError          **error)
{
  g_autoptr(GPtrArray) copied = NULL;
  double x1, y1, x2, y2;
  double dx = 0, dy = 0;

  g_return_val_if_fail (GTM_IS_BOARD (board), NULL);
  g_return_val_if_fail (GTM_IS_HISTORY (history), NULL);
  g_return_val_if_fail (items != NULL || n_items == 0, NULL);
  g_return_val_if_fail (gtm_board_holds_items (board, items, n_items), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copied = collect_copied (board, items, n_items);
  if (!check_room (board, copied->len, error))
    return NULL;

  if (position_range (copied, &x1, &y1, &x2, &y2))
    {
      dx = clamp_offset (GTM_CLIPBOARD_OFFSET, x1, x2);
      dy = clamp_offset (GTM_CLIPBOARD_OFFSET, y1, y2);
    }

  /* Translators: an undo step: copies of the selected items made next to
     them, shown as “Undo Duplicate” */
  return add_copies (board, history, _("Duplicate"), copied, dx, dy);
}
