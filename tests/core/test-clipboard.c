/* test-clipboard.c — copy, paste, paste of plain text, and duplicate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-clipboard"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>

#include "gtm-core.h"

/* ------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------ */

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* A PNG made by cairo, as the image tool would embed. */
static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *array = g_byte_array_new ();

  cairo_set_source_rgba (cr, 0.2, 0.4, 0.6, 1.0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_to_array, array), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}

static GtmItem *
item_at (GtmBoard *board,
         guint     index)
{
  g_autoptr(GtmItem) item = g_list_model_get_item (gtm_board_get_items (board), index);

  g_assert_nonnull (item);
  /* The board keeps it alive. */
  return item;
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (pspec->value_type == G_TYPE_BYTES)
    {
      GBytes *ba = g_value_get_boxed (a);
      GBytes *bb = g_value_get_boxed (b);

      return ba == bb || (ba != NULL && bb != NULL && g_bytes_equal (ba, bb));
    }

  if (pspec->value_type == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);

  return g_param_values_cmp (pspec, a, b) == 0;
}

static gboolean
is_field (GParamSpec *pspec,
          const char *name)
{
  return strcmp (pspec->name, name) == 0;
}

/* Asserts that @copy holds the saved state of @original moved by @dx, @dy,
 * with a new id and its ends (if a connector) mapped through @ids; or, if
 * @ids is NULL, with the same id, ends and group. A copy's group is checked
 * by assert_own_groups(). */
static void
assert_copy_of (GtmItem    *copy,
                GtmItem    *original,
                double      dx,
                double      dy,
                GHashTable *ids)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (original);

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (copy), ==, G_OBJECT_TYPE_NAME (original));
  if (ids != NULL)
    g_assert_cmpstr (gtm_node_get_id (GTM_NODE (copy)), !=, gtm_node_get_id (GTM_NODE (original)));
  else
    g_assert_cmpstr (gtm_node_get_id (GTM_NODE (copy)), ==, gtm_node_get_id (GTM_NODE (original)));

  for (guint i = 0; i < gtm_node_class_get_n_fields (klass); i++)
    {
      GParamSpec *pspec = gtm_node_class_get_field (klass, i);
      const GValue *a = gtm_node_peek_value (GTM_NODE (copy), pspec->param_id);
      const GValue *b = gtm_node_peek_value (GTM_NODE (original), pspec->param_id);

      if (is_field (pspec, "id") || (is_field (pspec, "group") && ids != NULL))
        continue;

      if (is_field (pspec, "x"))
        g_assert_cmpfloat (g_value_get_double (a), ==, g_value_get_double (b) + dx);
      else if (is_field (pspec, "y"))
        g_assert_cmpfloat (g_value_get_double (a), ==, g_value_get_double (b) + dy);
      else if ((pspec->flags & (GTM_PARAM_REFERENCE | GTM_PARAM_WEAK)) == GTM_PARAM_REFERENCE &&
               ids != NULL)
        g_assert_cmpstr (g_value_get_string (a), ==,
                         g_hash_table_lookup (ids, g_value_get_string (b)));
      else if (!values_equal (pspec, a, b))
        g_test_fail_printf ("%s.%s differs in the copy", G_OBJECT_TYPE_NAME (copy), pspec->name);
    }
}

/* Asserts that @copies (of @originals, in the same order) on @board form
 * groups of their own: copies of members of one group share a group that
 * nothing else on the board has, copies of different groups are in
 * different groups, and a copy of a group's only copied member, or of an
 * item in no group, is in none. */
static void
assert_own_groups (GtmBoard  *board,
                   GPtrArray *originals,
                   GPtrArray *copies)
{
  g_autoptr(GHashTable) copied = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) mapping = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *list = gtm_board_get_items (board);

  g_assert_cmpuint (originals->len, ==, copies->len);

  for (guint i = 0; i < copies->len; i++)
    {
      const char *group = gtm_item_get_group (g_ptr_array_index (originals, i));

      g_hash_table_add (copied, g_ptr_array_index (copies, i));
      g_hash_table_insert (counts, (gpointer) group,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, group)) + 1));
    }

  for (guint i = 0; i < copies->len; i++)
    {
      const char *from = gtm_item_get_group (g_ptr_array_index (originals, i));
      const char *to = gtm_item_get_group (g_ptr_array_index (copies, i));
      const char *earlier;

      if (from[0] == '\0' || GPOINTER_TO_UINT (g_hash_table_lookup (counts, from)) < 2)
        {
          g_assert_cmpstr (to, ==, "");
          continue;
        }

      g_assert_true (gtm_format_is_valid_id (to));
      earlier = g_hash_table_lookup (mapping, from);
      if (earlier != NULL)
        g_assert_cmpstr (to, ==, earlier);
      else
        {
          /* A group no other copied group maps to. */
          g_assert_true (g_hash_table_add (used, (gpointer) to));
          g_hash_table_insert (mapping, (gpointer) from, (gpointer) to);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (list, i);

      if (!g_hash_table_contains (copied, item))
        g_assert_false (g_hash_table_contains (used, gtm_item_get_group (item)));
    }
}

static void
add (GtmBoard *board,
     GtmItem  *item)
{
  g_list_store_append (gtm_node_get_list (GTM_NODE (board), "items"), item);
  g_object_unref (item);
}

static GtmBoard *
add_board (GtmProject *project,
           const char *name)
{
  g_autoptr(GtmBoard) board = gtm_board_new (name);

  g_list_store_append (gtm_node_get_list (GTM_NODE (project), "boards"), board);

  return board;
}

static const char *
id_of (gpointer item)
{
  return gtm_node_get_id (GTM_NODE (item));
}

/* A board with one item of every kind, unusual values in their fields, and
 * two connectors: note → shape (labelled, arrows at both ends) and
 * shape → text. Note, text and shape are a group, the image the last
 * member of another, and the frame is locked.
 *   0 note  (100, 50)    1 text  (400, 420)   2 shape (300, 60)
 *   3 frame (80, 20)     4 image (520, 300)   5 connector 0 → 2
 *   6 connector 2 → 1 */
static GtmBoard *
make_rich_board (GtmProject *project)
{
  GtmBoard *board = add_board (project, "SWOT");
  g_autoptr(GBytes) png = make_png (7, 5);
  GtmItem *note = gtm_note_new (100, 50, "优势：\n渠道覆盖广");
  GtmItem *text = gtm_text_box_new (400, 420, "Threats — 威胁");
  GtmItem *shape = gtm_shape_new (GTM_SHAPE_ELLIPSE, 300, 60, 120.5, 80.25);
  GtmItem *frame = gtm_frame_new (80, 20, 600, 500, "市场 Market");
  GtmItem *image = gtm_image_new (520, 300, 70, 50, png);
  /* A persona of another project: copies keep the id and show it missing. */
  GtmItem *card = gtm_persona_card_new (700, 40, "persona-elsewhere");
  GtmItem *joins, *leads;

  g_object_set (note, "bold", TRUE, "font-size", 22.5, "align", GTM_ALIGN_END,
                "text-color", "#123456", "group", "group-swot", NULL);
  g_object_set (text, "group", "group-swot", NULL);
  g_object_set (shape, "fill", "#aabbccdd", "stroke", "#010203", "text", "定价",
                "group", "group-swot", NULL);
  g_object_set (frame, "locked", TRUE, NULL);
  g_object_set (image, "stroke", "#ff0000", "group", "group-lone", NULL);
  joins = gtm_connector_new (id_of (note), id_of (shape));
  g_object_set (joins, "text", "带动", "arrow-start", TRUE, "bold", TRUE, NULL);
  leads = gtm_connector_new (id_of (shape), id_of (text));

  add (board, note);
  add (board, text);
  add (board, shape);
  add (board, frame);
  add (board, image);
  add (board, joins);
  add (board, leads);
  add (board, card);

  return board;
}

static GPtrArray *
board_items (GtmBoard *board)
{
  GListModel *list = gtm_board_get_items (board);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));

  return items;
}

static GBytes *
copy_items (GtmBoard *board,
            GtmItem **items,
            guint     n_items)
{
  GBytes *data = gtm_clipboard_serialize (board, items, n_items);

  g_assert_nonnull (data);
  return data;
}

static GPtrArray *
paste_ok (GtmBoard   *board,
          GtmHistory *history,
          GBytes     *data,
          double      x,
          double      y)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *pasted = gtm_clipboard_paste (board, history, data, x, y, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pasted);
  return pasted;
}

static void
assert_valid (GtmProject *project)
{
  g_autoptr(GError) error = NULL;

  gtm_format_validate (project, &error);
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------
 * Copy and paste
 * ------------------------------------------------------------------------ */

/* Every item kind is tested here, and copying all its fields is enough:
 * board items hold no lists or children. */
static void
collect_kinds (GType       type,
               GHashTable *kinds)
{
  g_autofree GType *children = NULL;
  guint n;

  if (!G_TYPE_IS_ABSTRACT (type))
    {
      GtmNodeClass *klass = g_type_class_ref (type);

      g_assert_nonnull (klass->kind);
      g_assert_cmpuint (gtm_node_class_get_n_lists (klass), ==, 0);
      g_assert_cmpuint (gtm_node_class_get_n_children (klass), ==, 0);
      g_hash_table_add (kinds, (gpointer) klass->kind);
      g_type_class_unref (klass);
    }

  children = g_type_children (type, &n);
  for (guint i = 0; i < n; i++)
    collect_kinds (children[i], kinds);
}

static void
test_round_trip_every_kind (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  g_autoptr(GtmProject) other = gtm_project_new ("Another launch");
  GtmBoard *board = make_rich_board (project);
  GtmBoard *target = add_board (other, "Copy");
  g_autoptr(GPtrArray) originals = board_items (board);
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) fragment = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GtmProject) reread = NULL;

  collect_kinds (GTM_TYPE_ITEM, kinds);
  for (guint i = 0; i < originals->len; i++)
    g_hash_table_remove (kinds, GTM_NODE_GET_CLASS (g_ptr_array_index (originals, i))->kind);
  g_assert_cmpuint (g_hash_table_size (kinds), ==, 0);

  data = copy_items (board, (GtmItem **) originals->pdata, originals->len);

  /* The fragment reads back as it was, ids included. */
  fragment = gtm_format_read_items (data, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fragment->len, ==, originals->len);
  for (guint i = 0; i < fragment->len; i++)
    {
      GtmItem *read = g_ptr_array_index (fragment, i);

      g_assert_null (gtm_node_get_parent (GTM_NODE (read)));
      assert_copy_of (read, g_ptr_array_index (originals, i), 0, 0, NULL);
    }

  /* Pasted into another project: the group's top-left (80, 20) goes to
   * (1000, -300). */
  pasted = paste_ok (target, gtm_project_get_history (other), data, 1000, -300);
  g_assert_cmpuint (pasted->len, ==, originals->len);
  g_assert_cmpuint (gtm_board_get_n_items (target), ==, originals->len);

  g_hash_table_remove_all (ids);
  for (guint i = 0; i < pasted->len; i++)
    {
      g_assert_true (item_at (target, i) == g_ptr_array_index (pasted, i));
      g_hash_table_insert (ids, (gpointer) id_of (g_ptr_array_index (originals, i)),
                           (gpointer) id_of (g_ptr_array_index (pasted, i)));
    }
  for (guint i = 0; i < pasted->len; i++)
    assert_copy_of (g_ptr_array_index (pasted, i), g_ptr_array_index (originals, i),
                    920, -320, ids);
  assert_own_groups (target, originals, pasted);
  /* The locked frame is a locked copy. */
  g_assert_true (gtm_item_get_locked (g_ptr_array_index (pasted, 3)));

  /* The image's bytes are the very PNG that was copied. */
  g_assert_true (g_bytes_equal (gtm_image_get_data (GTM_IMAGE (g_ptr_array_index (pasted, 4))),
                                gtm_image_get_data (GTM_IMAGE (g_ptr_array_index (originals, 4)))));

  /* The connectors join the pasted note, shape and text. */
  g_assert_cmpstr (gtm_connector_get_source (g_ptr_array_index (pasted, 5)), ==,
                   id_of (g_ptr_array_index (pasted, 0)));
  g_assert_cmpstr (gtm_connector_get_target (g_ptr_array_index (pasted, 5)), ==,
                   id_of (g_ptr_array_index (pasted, 2)));
  g_assert_cmpstr (gtm_connector_get_target (g_ptr_array_index (pasted, 6)), ==,
                   id_of (g_ptr_array_index (pasted, 1)));

  /* The project with the pasted items saves and reads back. */
  assert_valid (other);
  saved = gtm_format_write_bytes (other);
  reread = gtm_format_read_bytes (saved, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reread);
}

static void
test_fragment_layout (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = add_board (project, "Board");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) empty = NULL;
  GtmItem *note = gtm_note_new (1.5, -2, "a \"quoted\"\ttext");
  const char *text;
  g_autofree char *expected = NULL;

  add (board, note);
  data = gtm_clipboard_serialize (board, &note, 1);
  text = g_bytes_get_data (data, NULL);

  /* A header, then the item as a file holds it. */
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"gtm-studio-items\",\n"
                                         "  \"version\": 1,\n  \"items\": [\n    {\n"
                                         "      \"kind\": \"note\",\n"));
  expected = g_strdup_printf ("\"id\": \"%s\"", id_of (note));
  g_assert_nonnull (strstr (text, expected));
  g_assert_nonnull (strstr (text, "\"x\": 1.5"));
  g_assert_nonnull (strstr (text, "\"text\": \"a \\\"quoted\\\"\\ttext\""));
  g_assert_true (g_str_has_suffix (text, "  ]\n}\n"));

  empty = gtm_clipboard_serialize (board, NULL, 0);
  g_assert_cmpstr (g_bytes_get_data (empty, NULL), ==,
                   "{\n  \"format\": \"gtm-studio-items\",\n  \"version\": 1,\n  \"items\": []\n}\n");
}

static void
test_fresh_ids (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = make_rich_board (project);
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GPtrArray) originals = board_items (board);
  g_autoptr(GBytes) data = copy_items (board, (GtmItem **) originals->pdata, originals->len);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) first = paste_ok (board, history, data, 0, 0);
  g_autoptr(GPtrArray) second = paste_ok (board, history, data, 0, 0);
  GListModel *list = gtm_board_get_items (board);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3 * originals->len);

  /* Every id on the board, originals and two pastes, is different, and a
   * pasted item's id starts with its kind. */
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      GtmItem *item = item_at (board, i);
      g_autofree char *prefix = g_strdup_printf ("%s-", GTM_NODE_GET_CLASS (item)->kind);

      g_assert_true (g_hash_table_add (seen, (gpointer) id_of (item)));
      g_assert_true (gtm_format_is_valid_id (id_of (item)));
      g_assert_true (g_str_has_prefix (id_of (item), prefix));
    }

  /* Each paste's connectors join that paste's items. */
  g_assert_cmpstr (gtm_connector_get_source (g_ptr_array_index (second, 5)), ==,
                   id_of (g_ptr_array_index (second, 0)));
  g_assert_cmpstr (gtm_connector_get_source (g_ptr_array_index (first, 5)), ==,
                   id_of (g_ptr_array_index (first, 0)));

  assert_valid (project);
}

static void
test_connectors_follow_their_ends (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = make_rich_board (project);
  GtmBoard *other = add_board (project, "Other");
  GtmHistory *history = gtm_project_get_history (project);
  GtmItem *note = item_at (board, 0);
  GtmItem *shape = item_at (board, 2);
  GtmItem *joins = item_at (board, 5);
  GtmItem *leads = item_at (board, 6);
  g_autoptr(GError) error = NULL;

  /* A connector selected without its other end stays behind. */
  {
    GtmItem *selection[] = { note, joins };
    g_autoptr(GBytes) data = copy_items (board, selection, G_N_ELEMENTS (selection));
    g_autoptr(GPtrArray) read = gtm_format_read_items (data, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (read->len, ==, 1);
    g_assert_true (GTM_IS_NOTE (g_ptr_array_index (read, 0)));
  }

  /* A connector alone is nothing to copy. */
  {
    GtmItem *selection[] = { joins, leads };
    g_autoptr(GBytes) data = copy_items (board, selection, G_N_ELEMENTS (selection));
    g_autoptr(GPtrArray) pasted = paste_ok (other, history, data, 0, 0);

    g_assert_cmpuint (pasted->len, ==, 0);
    g_assert_cmpuint (gtm_board_get_n_items (other), ==, 0);
    g_assert_false (gtm_history_can_undo (history));
  }

  /* The connector between two selected items comes along, selected or
   * not, and the one to the unselected text doesn't; stacking order is
   * the board's, whatever the order of the selection. */
  {
    GtmItem *selection[] = { shape, note, leads };
    g_autoptr(GBytes) data = copy_items (board, selection, G_N_ELEMENTS (selection));
    g_autoptr(GPtrArray) pasted = paste_ok (other, history, data, 0, 0);

    g_assert_cmpuint (pasted->len, ==, 3);
    g_assert_true (GTM_IS_NOTE (g_ptr_array_index (pasted, 0)));
    g_assert_true (GTM_IS_SHAPE (g_ptr_array_index (pasted, 1)));
    g_assert_true (GTM_IS_CONNECTOR (g_ptr_array_index (pasted, 2)));
    g_assert_cmpstr (gtm_item_get_text (g_ptr_array_index (pasted, 2)), ==, "带动");
    g_assert_cmpstr (gtm_connector_get_source (g_ptr_array_index (pasted, 2)), ==,
                     id_of (g_ptr_array_index (pasted, 0)));
    g_assert_cmpstr (gtm_connector_get_target (g_ptr_array_index (pasted, 2)), ==,
                     id_of (g_ptr_array_index (pasted, 1)));
  }

  assert_valid (project);
}

static void
test_paste_position (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = add_board (project, "Board");
  GtmBoard *target = add_board (project, "Target");
  GtmHistory *history = gtm_project_get_history (project);
  GtmItem *items[3];
  g_autoptr(GBytes) data = NULL;

  items[0] = gtm_note_new (-40, 300, "左下");
  items[1] = gtm_shape_new (GTM_SHAPE_RECTANGLE, 500, -60, 300, 20);
  items[2] = gtm_text_box_new (100, 100, "中");
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    add (board, items[i]);
  data = copy_items (board, items, G_N_ELEMENTS (items));

  /* The bounding box's top-left (-40, -60) lands on the point; the items
   * keep their places relative to each other. */
  {
    g_autoptr(GPtrArray) pasted = paste_ok (target, history, data, 10.5, 20);

    g_assert_cmpfloat (gtm_item_get_x (g_ptr_array_index (pasted, 0)), ==, 10.5);
    g_assert_cmpfloat (gtm_item_get_y (g_ptr_array_index (pasted, 0)), ==, 380);
    g_assert_cmpfloat (gtm_item_get_x (g_ptr_array_index (pasted, 1)), ==, 550.5);
    g_assert_cmpfloat (gtm_item_get_y (g_ptr_array_index (pasted, 1)), ==, 20);
    g_assert_cmpfloat (gtm_item_get_x (g_ptr_array_index (pasted, 2)), ==, 150.5);
    g_assert_cmpfloat (gtm_item_get_y (g_ptr_array_index (pasted, 2)), ==, 180);
    g_assert_cmpfloat (gtm_item_get_width (g_ptr_array_index (pasted, 1)), ==, 300);
  }

  /* At the edge of the board's coordinates the group is held inside, in
   * one piece, rather than squashed against the limit. */
  {
    g_autoptr(GPtrArray) pasted = paste_ok (target, history, data,
                                            GTM_ITEM_COORD_LIMIT, -GTM_ITEM_COORD_LIMIT - 5);

    g_assert_cmpfloat (gtm_item_get_x (g_ptr_array_index (pasted, 1)), ==, GTM_ITEM_COORD_LIMIT);
    g_assert_cmpfloat (gtm_item_get_x (g_ptr_array_index (pasted, 0)), ==,
                       GTM_ITEM_COORD_LIMIT - 540);
    g_assert_cmpfloat (gtm_item_get_y (g_ptr_array_index (pasted, 1)), ==, -GTM_ITEM_COORD_LIMIT);
    g_assert_cmpfloat (gtm_item_get_y (g_ptr_array_index (pasted, 0)), ==,
                       -GTM_ITEM_COORD_LIMIT + 360);
  }

  assert_valid (project);
}

static void
test_paste_in_place (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = make_rich_board (project);
  GtmBoard *other = add_board (project, "Other");
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GPtrArray) originals = board_items (board);
  g_autoptr(GBytes) data = copy_items (board, (GtmItem **) originals->pdata, originals->len);
  g_autoptr(GError) error = NULL;

  /* Onto the same board: beside the originals, then beside that copy. */
  for (guint round = 1; round <= 2; round++)
    {
      g_autoptr(GPtrArray) pasted = gtm_clipboard_paste_in_place (board, history, data, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (pasted->len, ==, originals->len);
      for (guint i = 0; i < 5; i++)
        {
          GtmItem *copy = g_ptr_array_index (pasted, i);
          GtmItem *original = g_ptr_array_index (originals, i);

          g_assert_cmpfloat (gtm_item_get_x (copy), ==,
                             gtm_item_get_x (original) + round * GTM_CLIPBOARD_OFFSET);
          g_assert_cmpfloat (gtm_item_get_y (copy), ==,
                             gtm_item_get_y (original) + round * GTM_CLIPBOARD_OFFSET);
        }
    }

  /* Onto another board: exactly where they were. */
  {
    g_autoptr(GPtrArray) pasted = gtm_clipboard_paste_in_place (other, history, data, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 5; i++)
      {
        g_assert_cmpfloat (gtm_item_get_x (g_ptr_array_index (pasted, i)), ==,
                           gtm_item_get_x (g_ptr_array_index (originals, i)));
        g_assert_cmpfloat (gtm_item_get_y (g_ptr_array_index (pasted, i)), ==,
                           gtm_item_get_y (g_ptr_array_index (originals, i)));
      }
  }

  /* After a cut, back where they were. */
  {
    GtmItem *note = g_ptr_array_index (originals, 0);
    g_autoptr(GBytes) cut = copy_items (board, &note, 1);
    g_autoptr(GPtrArray) pasted = NULL;

    gtm_board_remove_item (board, history, note);
    pasted = gtm_clipboard_paste_in_place (board, history, cut, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pasted->len, ==, 1);
    g_assert_cmpfloat (gtm_item_get_x (g_ptr_array_index (pasted, 0)), ==, 100);
    g_assert_cmpfloat (gtm_item_get_y (g_ptr_array_index (pasted, 0)), ==, 50);
  }

  assert_valid (project);
}

static void
test_undo_is_one_step (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = make_rich_board (project);
  GtmBoard *other = add_board (project, "Other");
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GPtrArray) originals = board_items (board);
  g_autoptr(GBytes) data = copy_items (board, (GtmItem **) originals->pdata, originals->len);
  g_autoptr(GBytes) before = gtm_format_write_bytes (project);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GPtrArray) pasted = NULL;

  for (guint round = 0; round < 2; round++)
    {
      GtmBoard *target = round == 0 ? board : other;

      g_clear_pointer (&pasted, g_ptr_array_unref);
      g_clear_pointer (&after, g_bytes_unref);
      g_clear_pointer (&undone, g_bytes_unref);
      g_clear_pointer (&redone, g_bytes_unref);

      pasted = paste_ok (target, history, data, 33, 44);
      g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 1);
      g_assert_cmpstr (gtm_history_get_undo_label (history), ==, "Paste");
      g_assert_true (gtm_history_get_modified (history));
      after = gtm_format_write_bytes (project);

      g_assert_true (gtm_history_undo (history));
      undone = gtm_format_write_bytes (project);
      g_assert_true (g_bytes_equal (before, undone));
      g_assert_false (gtm_history_can_undo (history));
      g_assert_false (gtm_history_get_modified (history));

      /* Redo brings back the same items. */
      g_assert_true (gtm_history_redo (history));
      redone = gtm_format_write_bytes (project);
      g_assert_true (g_bytes_equal (after, redone));
      g_assert_true (gtm_board_lookup_item (target, id_of (g_ptr_array_index (pasted, 0))) ==
                     g_ptr_array_index (pasted, 0));
      g_assert_true (gtm_history_undo (history));
    }
}

/* ------------------------------------------------------------------------
 * Refused data
 * ------------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *data;
  int         code;
  const char *says;  /* part of the message, e.g. where */
} BadCase;

#define HEADER "{\"format\": \"gtm-studio-items\", \"version\": 1, \"items\": "
#define NOTE(id) "{\"kind\": \"note\", \"id\": \"" id "\", \"x\": 0, \"y\": 0, \"width\": 10, \"height\": 10}"
#define LINK(id, source, target) \
  "{\"kind\": \"connector\", \"id\": \"" id "\", \"source\": \"" source "\", \"target\": \"" target "\"}"

static const BadCase bad_cases[] = {
  { "empty", "", GTM_FORMAT_ERROR_EMPTY, "empty" },
  { "blank", "  \n ", GTM_FORMAT_ERROR_EMPTY, "empty" },
  { "not-JSON", "Just some text", GTM_FORMAT_ERROR_SYNTAX, "line 1" },
  { "not-an-object", "[1, 2]", GTM_FORMAT_ERROR_NOT_A_PROJECT, "not items copied from GTM Studio" },
  { "no-format", "{\"version\": 1, \"items\": []}", GTM_FORMAT_ERROR_NOT_A_PROJECT, "“format”" },
  { "a-project", "{\"format\": \"gtm-studio\", \"version\": 1, \"items\": []}",
    GTM_FORMAT_ERROR_NOT_A_PROJECT, "“gtm-studio”, not “gtm-studio-items”" },
  { "format-number", "{\"format\": 7, \"version\": 1, \"items\": []}",
    GTM_FORMAT_ERROR_NOT_A_PROJECT, "a number" },
  { "newer-version", "{\"format\": \"gtm-studio-items\", \"version\": 2, \"items\": []}",
    GTM_FORMAT_ERROR_NEWER_VERSION, "newer version of GTM Studio (format 2)" },
  { "version-0", "{\"format\": \"gtm-studio-items\", \"version\": 0, \"items\": []}",
    GTM_FORMAT_ERROR_INVALID, "version: " },
  { "no-version", "{\"format\": \"gtm-studio-items\", \"items\": []}",
    GTM_FORMAT_ERROR_INVALID, "version: " },
  { "no-items", "{\"format\": \"gtm-studio-items\", \"version\": 1}",
    GTM_FORMAT_ERROR_INVALID, "items: " },
  { "items-not-a-list", HEADER "{}}", GTM_FORMAT_ERROR_INVALID, "items: expected a list" },
  { "cut-short", HEADER "[" NOTE ("n1"), GTM_FORMAT_ERROR_TRUNCATED, "end unexpectedly" },
  { "text-after", HEADER "[]} {}", GTM_FORMAT_ERROR_SYNTAX, "after the end of the copied items" },
  { "too-deep", HEADER "[{\"kind\": \"note\", \"a\": [[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]}]}", GTM_FORMAT_ERROR_TOO_DEEP,
    "nested more than 16 levels" },
  { "whole-number-too-large", HEADER "[{\"kind\": \"note\", \"id\": \"n\", \"x\": 1234567890123456789012}]}",
    GTM_FORMAT_ERROR_INVALID, "too large" },
  { "huge-number", HEADER "[{\"kind\": \"note\", \"id\": \"n\", \"x\": 1e300, \"y\": 0, \"width\": 1, \"height\": 1}]}",
    GTM_FORMAT_ERROR_INVALID, "items[0].x: " },
  { "infinite-number", HEADER "[{\"kind\": \"note\", \"id\": \"n\", \"x\": 0, \"y\": 1e999, \"width\": 1, \"height\": 1}]}",
    GTM_FORMAT_ERROR_INVALID, "items[0].y: " },
  { "zero-width", HEADER "[{\"kind\": \"note\", \"id\": \"n\", \"x\": 0, \"y\": 0, \"width\": 0, \"height\": 1}]}",
    GTM_FORMAT_ERROR_INVALID, "items[0].width: " },
  { "unknown-kind", HEADER "[" NOTE ("n1") ", {\"kind\": \"hologram\", \"id\": \"h\"}]}",
    GTM_FORMAT_ERROR_INVALID, "items[1].kind: “hologram” is not a known kind" },
  { "no-kind", HEADER "[{\"id\": \"n\"}]}", GTM_FORMAT_ERROR_INVALID, "items[0].kind: " },
  { "bad-id", HEADER "[{\"kind\": \"note\", \"id\": \"../etc\", \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1}]}",
    GTM_FORMAT_ERROR_INVALID, "items[0].id: " },
  { "same-id-twice", HEADER "[" NOTE ("n1") ", " NOTE ("n1") "]}",
    GTM_FORMAT_ERROR_INVALID, "used twice" },
  { "bad-colour", HEADER "[{\"kind\": \"note\", \"id\": \"n\", \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1, \"fill\": \"red\"}]}",
    GTM_FORMAT_ERROR_INVALID, "items[0].fill: " },
  { "connector-to-nothing", HEADER "[" NOTE ("n1") ", " LINK ("c1", "n1", "n2") "]}",
    GTM_FORMAT_ERROR_INVALID, "items[1].target: nothing among the copied items has the id “n2”" },
  { "connector-to-a-connector", HEADER "[" NOTE ("n1") ", " NOTE ("n2") ", " LINK ("c1", "n1", "n2") ", "
    LINK ("c2", "n1", "c1") "]}", GTM_FORMAT_ERROR_INVALID, "items[3].target: " },
  { "image-not-base64", HEADER "[{\"kind\": \"image\", \"id\": \"i\", \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1, "
    "\"data\": \"%%%%\", \"mime-type\": \"image/png\"}]}", GTM_FORMAT_ERROR_INVALID, "items[0].data: " },
  { "image-not-PNG", HEADER "[{\"kind\": \"image\", \"id\": \"i\", \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1, "
    "\"data\": \"aGVsbG8=\", \"mime-type\": \"image/png\"}]}", GTM_FORMAT_ERROR_INVALID, "items[0]: " },
  { "not-UTF-8", HEADER "[{\"kind\": \"note\", \"id\": \"n\", \"text\": \"\xff\"}]}",
    GTM_FORMAT_ERROR_ENCODING, "not UTF-8" },
};

static void
assert_refused (GBytes     *data,
                int         code,
                const char *says)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = add_board (project, "Board");
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pasted = NULL;

  add (board, gtm_note_new (0, 0, "已有"));
  before = gtm_format_write_bytes (project);

  pasted = gtm_clipboard_paste (board, history, data, 10, 10, &error);
  g_assert_null (pasted);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, GTM_FORMAT_ERROR, code);
  g_assert_null (strchr (error->message, '\n'));
  if (strstr (error->message, says) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", error->message, says);
  g_clear_error (&error);

  pasted = gtm_clipboard_paste_in_place (board, history, data, &error);
  g_assert_null (pasted);
  g_assert_error (error, GTM_FORMAT_ERROR, code);

  /* Nothing was added, nothing recorded. */
  g_assert_cmpuint (gtm_board_get_n_items (board), ==, 1);
  g_assert_false (gtm_history_can_undo (history));
  after = gtm_format_write_bytes (project);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refused (gconstpointer user_data)
{
  const BadCase *bad = user_data;
  g_autoptr(GBytes) data = g_bytes_new_static (bad->data, strlen (bad->data));

  assert_refused (data, bad->code, bad->says);
}

static void
test_refused_too_many (void)
{
  GString *text = g_string_new (HEADER "[");
  g_autoptr(GBytes) data = NULL;
  g_autofree char *limit = g_strdup_printf ("items: the list has %d entries; at most %d",
                                            GTM_BOARD_MAX_ITEMS + 1, GTM_BOARD_MAX_ITEMS);

  for (guint i = 0; i <= GTM_BOARD_MAX_ITEMS; i++)
    g_string_append (text, i == 0 ? "{}" : ",{}");
  g_string_append (text, "]}");
  data = g_string_free_to_bytes (text);

  assert_refused (data, GTM_FORMAT_ERROR_INVALID, limit);
}

static void
test_refused_deep (void)
{
  GString *text = g_string_new (HEADER "[");
  g_autoptr(GBytes) data = NULL;

  /* Deep enough to crash json-glib if it got there. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  data = g_string_free_to_bytes (text);

  assert_refused (data, GTM_FORMAT_ERROR_TOO_DEEP, "nested more than");
}

static void
test_board_full (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = add_board (project, "Full");
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GPtrArray) filler = g_ptr_array_new_with_free_func (g_object_unref);
  GtmItem *two[2];
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  gboolean truncated = FALSE;

  for (guint i = 0; i < GTM_BOARD_MAX_ITEMS - 1; i++)
    g_ptr_array_add (filler, gtm_note_new (i % 1000, i / 1000, NULL));
  g_list_store_splice (gtm_node_get_list (GTM_NODE (board), "items"), 0, 0,
                       filler->pdata, filler->len);
  two[0] = g_ptr_array_index (filler, 0);
  two[1] = g_ptr_array_index (filler, 1);
  data = copy_items (board, two, 2);

  pasted = gtm_clipboard_paste (board, history, data, 0, 0, &error);
  g_assert_null (pasted);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "2 more items"));
  g_clear_error (&error);

  pasted = gtm_clipboard_duplicate (board, history, two, 2, &error);
  g_assert_null (pasted);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  pasted = gtm_clipboard_paste_text (board, history, "a\nb", 0, 0, &truncated, &error);
  g_assert_null (pasted);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  g_assert_cmpuint (gtm_board_get_n_items (board), ==, GTM_BOARD_MAX_ITEMS - 1);
  g_assert_false (gtm_history_can_undo (history));

  /* One more still fits. */
  pasted = gtm_clipboard_duplicate (board, history, two, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pasted->len, ==, 1);
  g_assert_cmpuint (gtm_board_get_n_items (board), ==, GTM_BOARD_MAX_ITEMS);
}

/* ------------------------------------------------------------------------
 * Plain text
 * ------------------------------------------------------------------------ */

static void
test_to_text (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = add_board (project, "Board");
  g_autoptr(GBytes) png = make_png (2, 2);
  GtmItem *items[10];
  g_autofree char *text = NULL;
  g_autofree char *only_link = NULL;

  /* On the left, a row of three notes a few units out of line and a note
   * below them; on the right, as tall as both rows, a frame holding two
   * notes. */
  items[0] = gtm_note_new (220, 3, "第二");
  items[1] = gtm_note_new (0, 0, "第一\n\n  第一续  \n");
  items[2] = gtm_note_new (440, -4, "第三");
  items[3] = gtm_note_new (10, 200, "下一行");
  items[4] = gtm_frame_new (1000, -10, 600, 600, "竞品\n分析");
  items[5] = gtm_note_new (1300, 100, "框内右");
  items[6] = gtm_note_new (1050, 100, "框内左");
  items[7] = gtm_connector_new (id_of (items[0]), id_of (items[1]));
  g_object_set (items[7], "text", "连线标签", NULL);
  items[8] = gtm_image_new (0, 500, 10, 10, png);
  items[9] = gtm_shape_new (GTM_SHAPE_DIAMOND, 0, 400, 50, 50);
  g_object_set (items[9], "text", "   ", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    add (board, items[i]);

  text = gtm_clipboard_to_text (items, G_N_ELEMENTS (items));
  g_assert_cmpstr (text, ==,
                   "第一\n  第一续\n\n"
                   "第二\n\n"
                   "第三\n\n"
                   "# 竞品 分析\n\n"
                   "框内左\n\n"
                   "框内右\n\n"
                   "下一行");

  /* A note inside an unselected frame is just a note. */
  {
    GtmItem *two[] = { items[5], items[3] };
    g_autofree char *loose = gtm_clipboard_to_text (two, G_N_ELEMENTS (two));

    g_assert_cmpstr (loose, ==, "框内右\n\n下一行");
  }

  only_link = gtm_clipboard_to_text (&items[7], 1);
  g_assert_cmpstr (only_link, ==, "");
}

static void
test_paste_text (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = add_board (project, "Board");
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GBytes) before = gtm_format_write_bytes (project);
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GError) error = NULL;
  gboolean truncated = TRUE;

  /* Paragraphs separated by blank lines keep their own line breaks. */
  {
    g_autoptr(GPtrArray) notes =
      gtm_clipboard_paste_text (board, history,
                                "  目标客户：中小企业\r\n决策者是 CMO\r\n\r\n\r\n痛点：获客贵\r\n  \r\n第三段",
                                100, 200, &truncated, &error);

    g_assert_no_error (error);
    g_assert_false (truncated);
    g_assert_cmpuint (notes->len, ==, 3);
    g_assert_cmpstr (gtm_item_get_text (g_ptr_array_index (notes, 0)), ==,
                     "目标客户：中小企业\n决策者是 CMO");
    g_assert_cmpstr (gtm_item_get_text (g_ptr_array_index (notes, 1)), ==, "痛点：获客贵");
    g_assert_cmpstr (gtm_item_get_text (g_ptr_array_index (notes, 2)), ==, "第三段");

    /* Sticky notes in a grid of two columns from (100, 200). */
    for (guint i = 0; i < notes->len; i++)
      {
        GtmItem *note = g_ptr_array_index (notes, i);

        g_assert_true (GTM_IS_NOTE (note));
        g_assert_true (item_at (board, i) == note);
        g_assert_cmpfloat (gtm_item_get_x (note), ==, 100 + (i % 2) * (gtm_item_get_width (note) + 20));
        g_assert_cmpfloat (gtm_item_get_y (note), ==, 200 + (i / 2) * (gtm_item_get_height (note) + 20));
      }

    g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 1);
    g_assert_cmpstr (gtm_history_get_undo_label (history), ==, "Paste");
    assert_valid (project);
    g_assert_true (gtm_history_undo (history));
    undone = gtm_format_write_bytes (project);
    g_assert_true (g_bytes_equal (before, undone));
  }

  /* A list without blank lines: a note per line. */
  {
    g_autoptr(GPtrArray) notes =
      gtm_clipboard_paste_text (board, history, "- 价格\n- 渠道\n\n", 0, 0, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (notes->len, ==, 2);
    g_assert_cmpstr (gtm_item_get_text (g_ptr_array_index (notes, 1)), ==, "- 渠道");
  }

  /* Only white space: nothing at all. */
  {
    guint n_undo = gtm_history_get_n_undo (history);
    g_autoptr(GPtrArray) notes =
      gtm_clipboard_paste_text (board, history, " \n\t\r\n ", 0, 0, &truncated, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (notes->len, ==, 0);
    g_assert_false (truncated);
    g_assert_cmpuint (gtm_history_get_n_undo (history), ==, n_undo);
  }

  /* Invalid UTF-8 becomes U+FFFD. */
  {
    g_autoptr(GPtrArray) notes =
      gtm_clipboard_paste_text (board, history, "ok\xff", 0, 0, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (gtm_item_get_text (g_ptr_array_index (notes, 0)), ==, "ok\xef\xbf\xbd");
  }

  assert_valid (project);
}

static void
test_paste_text_limits (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = add_board (project, "Board");
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean truncated = FALSE;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (many, "第 %u 条\n", i + 1);

  {
    g_autoptr(GPtrArray) notes =
      gtm_clipboard_paste_text (board, history, many->str, 0, 0, &truncated, &error);

    g_assert_no_error (error);
    g_assert_true (truncated);
    g_assert_cmpuint (notes->len, ==, GTM_CLIPBOARD_MAX_TEXT_NOTES);
    g_assert_cmpstr (gtm_item_get_text (g_ptr_array_index (notes, 99)), ==, "第 100 条");
    /* Ten columns of ten. */
    g_assert_cmpfloat (gtm_item_get_x (g_ptr_array_index (notes, 99)), ==, 9 * 180);
    g_assert_cmpfloat (gtm_item_get_y (g_ptr_array_index (notes, 99)), ==, 9 * 180);
  }

  for (guint i = 0; i < GTM_CLIPBOARD_MAX_NOTE_CHARS + 500; i++)
    g_string_append (long_text, "长");

  {
    g_autoptr(GPtrArray) notes =
      gtm_clipboard_paste_text (board, history, long_text->str, 0, 0, &truncated, &error);
    const char *text;

    g_assert_no_error (error);
    g_assert_true (truncated);
    g_assert_cmpuint (notes->len, ==, 1);
    text = gtm_item_get_text (g_ptr_array_index (notes, 0));
    g_assert_cmpint (g_utf8_strlen (text, -1), ==, GTM_CLIPBOARD_MAX_NOTE_CHARS);
    g_assert_true (g_str_has_suffix (text, "长…"));
  }

  /* Megabytes of text are read only as far as the notes could hold, cut
   * at a character. */
  for (guint i = 0; i < 400000; i++)
    g_string_append (huge, "好");
  {
    g_autoptr(GPtrArray) notes =
      gtm_clipboard_paste_text (board, history, huge->str, 0, 0, &truncated, &error);

    g_assert_no_error (error);
    g_assert_true (truncated);
    g_assert_cmpuint (notes->len, ==, 1);
    g_assert_true (g_utf8_validate (gtm_item_get_text (g_ptr_array_index (notes, 0)), -1, NULL));
  }

  /* Near the edge of the coordinates the grid is held inside. */
  {
    g_autoptr(GPtrArray) notes =
      gtm_clipboard_paste_text (board, history, "a\nb\nc\nd", GTM_ITEM_COORD_LIMIT, 0,
                                &truncated, &error);

    g_assert_no_error (error);
    g_assert_false (truncated);
    g_assert_cmpfloat (gtm_item_get_x (g_ptr_array_index (notes, 1)), ==, GTM_ITEM_COORD_LIMIT);
    g_assert_cmpfloat (gtm_item_get_x (g_ptr_array_index (notes, 0)), ==, GTM_ITEM_COORD_LIMIT - 180);
  }

  assert_valid (project);
}

/* Text copied from GTM Studio pastes back as one note per item. */
static void
test_text_round_trip (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = add_board (project, "Board");
  GtmHistory *history = gtm_project_get_history (project);
  GtmItem *items[3];
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  items[0] = gtm_note_new (0, 0, "一\n二");
  items[1] = gtm_note_new (200, 0, "三");
  items[2] = gtm_text_box_new (0, 200, "四");
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    add (board, items[i]);

  text = gtm_clipboard_to_text (items, G_N_ELEMENTS (items));
  notes = gtm_clipboard_paste_text (board, history, text, 0, 500, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 3);
  g_assert_cmpstr (gtm_item_get_text (g_ptr_array_index (notes, 0)), ==, "一\n二");
  g_assert_cmpstr (gtm_item_get_text (g_ptr_array_index (notes, 1)), ==, "三");
  g_assert_cmpstr (gtm_item_get_text (g_ptr_array_index (notes, 2)), ==, "四");
}

/* ------------------------------------------------------------------------
 * Duplicate
 * ------------------------------------------------------------------------ */

static void
test_duplicate (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = make_rich_board (project);
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GPtrArray) originals = board_items (board);
  g_autoptr(GBytes) before = gtm_format_write_bytes (project);
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  /* The note, the shape, the image and the connector to the text. */
  GtmItem *selection[] = {
    g_ptr_array_index (originals, 0),
    g_ptr_array_index (originals, 2),
    g_ptr_array_index (originals, 4),
    g_ptr_array_index (originals, 6),
  };
  g_autoptr(GPtrArray) copies = gtm_clipboard_duplicate (board, history, selection,
                                                         G_N_ELEMENTS (selection), &error);

  g_assert_no_error (error);
  /* Note, shape, image, and the connector between note and shape; not the
   * one to the text, which was not duplicated. */
  g_assert_cmpuint (copies->len, ==, 4);
  g_assert_cmpuint (gtm_board_get_n_items (board), ==, originals->len + 4);
  for (guint i = 0; i < copies->len; i++)
    g_assert_true (item_at (board, originals->len + i) == g_ptr_array_index (copies, i));

  g_hash_table_insert (ids, (gpointer) id_of (selection[0]), (gpointer) id_of (g_ptr_array_index (copies, 0)));
  g_hash_table_insert (ids, (gpointer) id_of (selection[1]), (gpointer) id_of (g_ptr_array_index (copies, 1)));
  assert_copy_of (g_ptr_array_index (copies, 0), selection[0], 16, 16, ids);
  assert_copy_of (g_ptr_array_index (copies, 1), selection[1], 16, 16, ids);
  assert_copy_of (g_ptr_array_index (copies, 2), selection[2], 16, 16, ids);
  assert_copy_of (g_ptr_array_index (copies, 3), g_ptr_array_index (originals, 5), 0, 0, ids);
  /* Copies of note and shape are a new group of two, without the text,
   * which was not duplicated; the image's is a copy of a lone member. */
  {
    g_autoptr(GPtrArray) sources = g_ptr_array_new ();

    for (guint i = 0; i < 3; i++)
      g_ptr_array_add (sources, selection[i]);
    g_ptr_array_add (sources, g_ptr_array_index (originals, 5));
    assert_own_groups (board, sources, copies);
    g_assert_cmpstr (gtm_item_get_group (g_ptr_array_index (copies, 0)), !=, "");
  }

  /* The image shares the original's bytes. */
  g_assert_true (gtm_image_get_data (g_ptr_array_index (copies, 2)) ==
                 gtm_image_get_data (GTM_IMAGE (selection[2])));

  g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (gtm_history_get_undo_label (history), ==, "Duplicate");
  assert_valid (project);

  g_assert_true (gtm_history_undo (history));
  undone = gtm_format_write_bytes (project);
  g_assert_true (g_bytes_equal (before, undone));

  /* Duplicating the duplicate moves on by another 16. */
  g_assert_true (gtm_history_redo (history));
  {
    g_autoptr(GPtrArray) again = gtm_clipboard_duplicate (board, history,
                                                          (GtmItem **) copies->pdata, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpfloat (gtm_item_get_x (g_ptr_array_index (again, 0)), ==, 132);
    g_assert_cmpfloat (gtm_item_get_y (g_ptr_array_index (again, 0)), ==, 82);
  }

  /* Nothing selected, nothing done. */
  {
    g_autoptr(GPtrArray) none = gtm_clipboard_duplicate (board, history, NULL, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (gtm_history_get_n_undo (history), ==, 2);
  }
}

/* ------------------------------------------------------------------------
 * Groups and locks
 * ------------------------------------------------------------------------ */

static void
test_groups (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Launch");
  GtmBoard *board = add_board (project, "Board");
  GtmBoard *other = add_board (project, "Other");
  GtmHistory *history = gtm_project_get_history (project);
  g_autoptr(GPtrArray) originals = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GError) error = NULL;

  /* Two groups of two, a loose note, and a locked member. */
  for (guint i = 0; i < 5; i++)
    {
      static const char * const groups[] = { "group-1", "group-1", "group-2", "group-2", "" };
      GtmItem *note = gtm_note_new (i * 200, 0, "便签");

      g_object_set (note, "group", groups[i], "locked", i == 2, NULL);
      add (board, note);
    }
  originals = board_items (board);
  data = copy_items (board, (GtmItem **) originals->pdata, originals->len);

  /* Pasted twice on the same board: each paste makes groups of its own. */
  first = paste_ok (board, history, data, 0, 500);
  assert_own_groups (board, originals, first);
  second = paste_ok (board, history, data, 0, 1000);
  assert_own_groups (board, originals, second);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (gtm_item_get_group (g_ptr_array_index (first, i)), !=,
                     gtm_item_get_group (g_ptr_array_index (second, i)));
  g_assert_true (gtm_item_get_locked (g_ptr_array_index (first, 2)));
  g_assert_false (gtm_item_get_locked (g_ptr_array_index (first, 3)));

  /* A click on a pasted member takes its pasted partner only. */
  {
    g_autoptr(GPtrArray) expanded = gtm_board_expand_groups (board, (GtmItem **) second->pdata, 1);

    g_assert_cmpuint (expanded->len, ==, 2);
    g_assert_true (g_ptr_array_index (expanded, 0) == g_ptr_array_index (second, 0));
    g_assert_true (g_ptr_array_index (expanded, 1) == g_ptr_array_index (second, 1));
  }

  /* Undo takes the pasted groups away with the items. */
  g_assert_true (gtm_history_undo (history));
  g_assert_true (gtm_history_undo (history));
  {
    g_autoptr(GPtrArray) expanded = gtm_board_expand_groups (board, (GtmItem **) originals->pdata, 1);

    g_assert_cmpuint (expanded->len, ==, 2);
    g_assert_true (g_ptr_array_index (expanded, 1) == g_ptr_array_index (originals, 1));
  }

  /* On another board, and in place. */
  {
    g_autoptr(GPtrArray) pasted = gtm_clipboard_paste_in_place (other, history, data, &error);

    g_assert_no_error (error);
    assert_own_groups (other, originals, pasted);
  }

  /* One member duplicated alone is in no group; two are a new one. */
  {
    g_autoptr(GPtrArray) one = gtm_clipboard_duplicate (board, history,
                                                        (GtmItem **) originals->pdata, 1, &error);
    g_autoptr(GPtrArray) two = gtm_clipboard_duplicate (board, history,
                                                        (GtmItem **) originals->pdata, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (gtm_item_get_group (g_ptr_array_index (one, 0)), ==, "");
    g_assert_cmpstr (gtm_item_get_group (g_ptr_array_index (two, 0)), !=, "");
    g_assert_cmpstr (gtm_item_get_group (g_ptr_array_index (two, 0)), !=, "group-1");
    g_assert_cmpstr (gtm_item_get_group (g_ptr_array_index (two, 0)), ==,
                     gtm_item_get_group (g_ptr_array_index (two, 1)));
  }

  assert_valid (project);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

  g_test_add_func ("/clipboard/round-trip/every-kind", test_round_trip_every_kind);
  g_test_add_func ("/clipboard/round-trip/layout", test_fragment_layout);
  g_test_add_func ("/clipboard/paste/fresh-ids", test_fresh_ids);
  g_test_add_func ("/clipboard/paste/connectors", test_connectors_follow_their_ends);
  g_test_add_func ("/clipboard/paste/position", test_paste_position);
  g_test_add_func ("/clipboard/paste/in-place", test_paste_in_place);
  g_test_add_func ("/clipboard/paste/undo", test_undo_is_one_step);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/clipboard/refused/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_refused);
    }
  g_test_add_func ("/clipboard/refused/too-many-items", test_refused_too_many);
  g_test_add_func ("/clipboard/refused/very-deep", test_refused_deep);
  g_test_add_func ("/clipboard/refused/board-full", test_board_full);
  g_test_add_func ("/clipboard/text/to-text", test_to_text);
  g_test_add_func ("/clipboard/text/paste", test_paste_text);
  g_test_add_func ("/clipboard/text/limits", test_paste_text_limits);
  g_test_add_func ("/clipboard/text/round-trip", test_text_round_trip);
  g_test_add_func ("/clipboard/duplicate", test_duplicate);
  g_test_add_func ("/clipboard/groups", test_groups);

  return g_test_run ();
}
