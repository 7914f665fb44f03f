/* gtm-outline.c — the items of a board as a list, following the selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-outline"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gtm-outline.h"
#include "gtm-core.h"

/* A row shows at most this many characters of an item's first line (the
 * label ellipsizes what does not fit anyway), and a connector's row this
 * many of each end's name, so that both ends stay in sight. */
#define LABEL_MAX_CHARS 200
#define END_MAX_CHARS   24

/* ------------------------------------------------------------------------
 * GtmOutlineRows: the board's items topmost first
 *
 * A view of the board's list with the positions mirrored. Reversing costs
 * nothing however many items there are, where a GtkSortListModel would
 * sort and keep a copy of 100,000 positions. Private to the outline.
 * ------------------------------------------------------------------------ */

#define GTM_TYPE_OUTLINE_ROWS (gtm_outline_rows_get_type ())

G_DECLARE_FINAL_TYPE (GtmOutlineRows, gtm_outline_rows, GTM, OUTLINE_ROWS, GObject)

struct _GtmOutlineRows
{
  GObject     parent_instance;

  GListModel *items;
};

static GType
gtm_outline_rows_get_item_type (GListModel *model)
{
  return GTM_TYPE_ITEM;
}

static guint
gtm_outline_rows_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (GTM_OUTLINE_ROWS (model)->items);
}

static gpointer
gtm_outline_rows_get_item (GListModel *model,
                           guint       position)
{
  GListModel *items = GTM_OUTLINE_ROWS (model)->items;
  guint n_items = g_list_model_get_n_items (items);

  if (position >= n_items)
    return NULL;

  return g_list_model_get_item (items, n_items - 1 - position);
}

static void
gtm_outline_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gtm_outline_rows_get_item_type;
  iface->get_n_items = gtm_outline_rows_get_n_items;
  iface->get_item = gtm_outline_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GtmOutlineRows, gtm_outline_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gtm_outline_rows_list_model_init))

/* Removing @removed and adding @added at @position of the items is, seen
 * from the top, the same splice at the mirrored position: the end of the
 * changed range counted from the end of the list as it was. */
static void
on_board_items_changed (GtmOutlineRows *self,
                        guint           position,
                        guint           removed,
                        guint           added,
                        GListModel     *items)
{
  guint n_before = g_list_model_get_n_items (items) - added + removed;

  g_list_model_items_changed (G_LIST_MODEL (self), n_before - position - removed, removed, added);
}

static void
gtm_outline_rows_dispose (GObject *object)
{
  GtmOutlineRows *self = GTM_OUTLINE_ROWS (object);

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, on_board_items_changed, self);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (gtm_outline_rows_parent_class)->dispose (object);
}

static void
gtm_outline_rows_class_init (GtmOutlineRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gtm_outline_rows_dispose;
}

static void
gtm_outline_rows_init (GtmOutlineRows *self)
{
}

static GListModel *
gtm_outline_rows_new (GListModel *items)
{
  GtmOutlineRows *self = g_object_new (GTM_TYPE_OUTLINE_ROWS, NULL);

  self->items = g_object_ref (items);
  g_signal_connect_swapped (items, "items-changed", G_CALLBACK (on_board_items_changed), self);

  return G_LIST_MODEL (self);
}

/* ------------------------------------------------------------------------
 * GtmOutline
 * ------------------------------------------------------------------------ */

struct _GtmOutline
{
  GtkWidget          parent_instance;

  GtkWidget         *stack;
  GtkListView       *list_view;
  GtkMultiSelection *rows;

  GtmSelection      *selection;
  GtmHistory        *history;

  /* Set while one side's selection is copied to the other, so that the
   * copy does not come back. */
  gboolean           syncing;
  /* The canvas's selection changed: copied to the rows from an idle, once
   * however many changes a gesture or a multiple delete makes, and only
   * while the outline is shown. */
  gboolean           rows_stale;
  guint              sync_id;
  /* While Delete runs: the position of the focused row, following the
   * rows that go. */
  guint              delete_focus;
};

G_DEFINE_FINAL_TYPE (GtmOutline, gtm_outline, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtmBoard *
get_board (GtmOutline *self)
{
  return self->selection != NULL ? gtm_selection_get_board (self->selection) : NULL;
}

/* Names */

/* The icon and name of @item's kind. */
static const char *
kind_name (GtmItem     *item,
           const char **icon_name)
{
  const char *icon = NULL;
  const char *name;

  if (GTM_IS_NOTE (item))
    {
      icon = "gtm-note-symbolic";
      name = _("Sticky note");
    }
  else if (GTM_IS_TEXT_BOX (item))
    {
      icon = "gtm-text-box-symbolic";
      name = _("Text box");
    }
  else if (GTM_IS_SHAPE (item))
    {
      switch (gtm_shape_get_shape (GTM_SHAPE (item)))
        {
        case GTM_SHAPE_ROUNDED_RECTANGLE:
          icon = "gtm-rounded-rectangle-symbolic";
          name = _("Rounded rectangle");
          break;

        case GTM_SHAPE_ELLIPSE:
          icon = "gtm-ellipse-symbolic";
          name = _("Ellipse");
          break;

        case GTM_SHAPE_DIAMOND:
          icon = "gtm-diamond-symbolic";
          name = _("Diamond");
          break;

        case GTM_SHAPE_RECTANGLE:
        default:
          icon = "gtm-rectangle-symbolic";
          name = _("Rectangle");
          break;
        }
    }
  else if (GTM_IS_FRAME (item))
    {
      icon = "gtm-frame-symbolic";
      name = _("Frame");
    }
  else if (GTM_IS_IMAGE (item))
    {
      icon = "image-x-generic-symbolic";
      name = _("Image");
    }
  else if (GTM_IS_CONNECTOR (item))
    {
      icon = "gtm-connector-symbolic";
      name = _("Connector");
    }
  else
    {
      /* A kind newer than this list: its name in the file format. */
      name = GTM_NODE_GET_CLASS (item)->kind;
    }

  if (icon_name != NULL)
    *icon_name = icon;

  return name;
}

/* The first line of @item's text that is not blank, trimmed and cut to
 * @max_chars characters; NULL if it has no text. */
static char *
first_line (GtmItem *item,
            guint    max_chars)
{
  const char *text = gtm_item_get_text (item);

  while (text != NULL && *text != '\0')
    {
      const char *end = strchr (text, '\n');
      g_autofree char *line = end != NULL ? g_strndup (text, end - text) : g_strdup (text);

      g_strstrip (line);
      if (line[0] != '\0')
        {
          if (g_utf8_strlen (line, -1) > max_chars)
            {
              g_autofree char *start = g_utf8_substring (line, 0, max_chars - 1);

              return g_strconcat (start, "…", NULL);
            }
          return g_steal_pointer (&line);
        }

      text = end != NULL ? end + 1 : NULL;
    }

  return NULL;
}

/* What a connector's row calls the item at one of its ends. */
static char *
end_name (GtmBoard   *board,
          const char *id)
{
  GtmItem *item = board != NULL ? gtm_board_lookup_item (board, id) : NULL;
  char *line;

  if (item == NULL)
    /* Translators: in the outline, the end of a connector whose item is gone */
    return g_strdup (_("missing item"));

  line = first_line (item, END_MAX_CHARS);

  return line != NULL ? line : g_strdup (kind_name (item, NULL));
}

/* The kind of @item as its row names it: a connector's with its ends,
 * “Connector: Idea → Launch”. */
static char *
describe_kind (GtmBoard    *board,
               GtmItem     *item,
               const char **icon_name)
{
  const char *name = kind_name (item, icon_name);
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;

  if (!GTM_IS_CONNECTOR (item))
    return g_strdup (name);

  source = end_name (board, gtm_connector_get_source (GTM_CONNECTOR (item)));
  target = end_name (board, gtm_connector_get_target (GTM_CONNECTOR (item)));

  /* Translators: a connector in the outline: “Connector: <item> → <item>” */
  return g_strdup_printf (_("Connector: %s → %s"), source, target);
}

/* Rows */

typedef struct
{
  GtmOutline  *outline;
  GtkListItem *list_item;
  GtkImage    *icon;
  GtkLabel    *label;

  /* The item shown, while bound (the list item holds a reference), and a
   * connector's ends, followed for their names. */
  GtmItem     *item;
  GtmItem     *ends[2];
  char        *accessible_label;
} Row;

static void
row_update (Row *row)
{
  GtmBoard *board = get_board (row->outline);
  g_autofree char *kind = NULL;
  g_autofree char *line = NULL;
  g_autofree char *accessible_label = NULL;
  const char *icon_name;

  kind = describe_kind (board, row->item, &icon_name);
  line = first_line (row->item, LABEL_MAX_CHARS);

  gtk_image_set_from_icon_name (row->icon, icon_name);
  gtk_label_set_label (row->label, line != NULL ? line : kind);

  if (line != NULL)
    /* Translators: an item of the outline, for screen readers: its kind
     * and its text, e.g. “Sticky note: Strengths” */
    accessible_label = g_strdup_printf (C_("accessible name", "%s: %s"), kind, line);
  else
    accessible_label = g_steal_pointer (&kind);

  /* Items change often (every step of a drag), their names seldom. */
  if (g_strcmp0 (accessible_label, row->accessible_label) != 0)
    {
      GtkWidget *row_widget = gtk_widget_get_parent (gtk_list_item_get_child (row->list_item));

      g_free (row->accessible_label);
      row->accessible_label = g_steal_pointer (&accessible_label);
      /* The list's own row widget takes the focus, so it is the one that
       * must carry the name. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, row->accessible_label,
                                      -1);
    }
}

static void on_item_changed (GtmNode *node,
                             GtmNode *origin,
                             Row     *row);

static void
row_set_end (Row     *row,
             guint    index,
             GtmItem *end)
{
  if (row->ends[index] == end)
    return;

  /* A connector from an item to itself follows it once. */
  if (row->ends[index] != NULL && row->ends[1 - index] != row->ends[index])
    g_signal_handlers_disconnect_by_func (row->ends[index], on_item_changed, row);
  g_set_object (&row->ends[index], end);
  if (end != NULL && row->ends[1 - index] != end)
    g_signal_connect (end, "changed", G_CALLBACK (on_item_changed), row);
}

static void
row_follow_ends (Row *row)
{
  GtmBoard *board = get_board (row->outline);
  GtmItem *source = NULL;
  GtmItem *target = NULL;

  if (row->item != NULL && GTM_IS_CONNECTOR (row->item) && board != NULL)
    {
      source = gtm_board_lookup_item (board, gtm_connector_get_source (GTM_CONNECTOR (row->item)));
      target = gtm_board_lookup_item (board, gtm_connector_get_target (GTM_CONNECTOR (row->item)));
    }

  row_set_end (row, 0, source);
  row_set_end (row, 1, target);
}

static void
on_item_changed (GtmNode *node,
                 GtmNode *origin,
                 Row     *row)
{
  /* A connector may have been pointed at other items. */
  if (node == GTM_NODE (row->item))
    row_follow_ends (row);

  row_update (row);
}

static void
row_unbind (Row *row)
{
  if (row->item == NULL)
    return;

  g_signal_handlers_disconnect_by_func (row->item, on_item_changed, row);
  row->item = NULL;
  row_follow_ends (row);
}

static void
row_free (Row *row)
{
  row_unbind (row);
  g_free (row->accessible_label);
  g_free (row);
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  GtmOutline               *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);
  Row *row = g_new0 (Row, 1);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  /* The row widget is named for screen readers (see row_update()): the
   * label would only repeat part of it. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);

  row->outline = self;
  row->list_item = list_item;
  row->icon = GTK_IMAGE (icon);
  row->label = GTK_LABEL (label);
  g_object_set_data_full (G_OBJECT (box), "gtm-outline-row", row, (GDestroyNotify) row_free);
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 GtmOutline               *self)
{
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "gtm-outline-row");

  row->item = gtk_list_item_get_item (list_item);
  g_signal_connect (row->item, "changed", G_CALLBACK (on_item_changed), row);
  row_follow_ends (row);
  row_update (row);
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   GtmOutline               *self)
{
  row_unbind (g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "gtm-outline-row"));
}

/* The position shown by one of the list's row widgets (the parents of
 * the factory's boxes), or GTK_INVALID_LIST_POSITION. */
static guint
get_row_position (GtkWidget *row_widget)
{
  GtkWidget *box = gtk_widget_get_first_child (row_widget);
  Row *row = box != NULL ? g_object_get_data (G_OBJECT (box), "gtm-outline-row") : NULL;

  return row != NULL && row->item != NULL ?
         gtk_list_item_get_position (row->list_item) : GTK_INVALID_LIST_POSITION;
}

/* The row widget showing @position, if there is one. */
static GtkWidget *
find_row_widget (GtmOutline *self,
                 guint       position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (get_row_position (child) == position)
        return child;
    }

  return NULL;
}

/* The position of the row holding the focus, or GTK_INVALID_LIST_POSITION. */
static guint
get_focus_position (GtmOutline *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (gtk_widget_get_parent (widget) == GTK_WIDGET (self->list_view))
        return get_row_position (widget);
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
scroll_to (GtmOutline *self,
           guint       position)
{
  /* GTK 4.8 has no gtk_list_view_scroll_to(). */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* Scrolls to the row at @position and gives it the focus. */
static void
focus_row (GtmOutline *self,
           guint       position)
{
  GtkWidget *row_widget;

  scroll_to (self, position);
  row_widget = find_row_widget (self, position);
  if (row_widget != NULL)
    gtk_widget_grab_focus (row_widget);
}

/* Selection, both ways */

static void
on_rows_selection_changed (GtmOutline        *self,
                           guint              position,
                           guint              n_items,
                           GtkSelectionModel *rows)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtkBitsetIter iter;
  guint row;

  if (self->syncing || self->selection == NULL)
    return;

  selected = gtk_selection_model_get_selection (rows);
  items = g_ptr_array_new_full ((guint) gtk_bitset_get_size (selected), g_object_unref);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &row);
       more;
       more = gtk_bitset_iter_next (&iter, &row))
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (rows), row));

  self->syncing = TRUE;
  gtm_selection_set (self->selection, (GtmItem * const *) items->pdata, items->len);
  self->syncing = FALSE;
}

/* Selects the rows of the selected items, and scrolls the first into
 * view. One pass over the board, from the top, ending at the last
 * selected item. */
static void
sync_rows (GtmOutline *self)
{
  GListModel *items;
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  guint n_selected, n_items, found = 0;

  self->rows_stale = FALSE;
  if (self->selection == NULL)
    return;

  items = gtm_board_get_items (get_board (self));
  n_items = g_list_model_get_n_items (items);
  n_selected = gtm_selection_get_n_items (self->selection);

  for (guint i = n_items; i > 0 && found < n_selected; i--)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (items, i - 1);

      if (gtm_selection_contains (self->selection, item))
        {
          gtk_bitset_add (selected, n_items - i);
          found++;
        }
    }

  mask = gtk_bitset_new_range (0, n_items);
  self->syncing = TRUE;
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->rows), selected, mask);
  self->syncing = FALSE;

  if (found > 0)
    scroll_to (self, gtk_bitset_get_minimum (selected));
}

static gboolean
sync_rows_idle (gpointer data)
{
  GtmOutline *self = data;

  self->sync_id = 0;
  sync_rows (self);

  return G_SOURCE_REMOVE;
}

static void
queue_sync_rows (GtmOutline *self)
{
  self->rows_stale = TRUE;
  /* Before the next frame is laid out; a hidden outline catches up when
   * it is shown. */
  if (self->sync_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->sync_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_rows_idle, self, NULL);
}

static void
on_selection_changed (GtmOutline *self)
{
  if (!self->syncing)
    queue_sync_rows (self);
}

static void
update_empty (GtmOutline *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0;

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), empty ? "empty" : "items");
}

/* Rows that come back in the same change — an item moved in the stacking
 * order is taken out and put back in — are selected again if their item
 * is selected: the selection of the rows knows nothing of items. */
static void
on_rows_items_changed (GtmOutline *self,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GListModel *rows)
{
  update_empty (self);

  if (self->delete_focus != GTK_INVALID_LIST_POSITION)
    {
      if (position + removed <= self->delete_focus)
        self->delete_focus = self->delete_focus - removed + added;
      else if (position <= self->delete_focus)
        self->delete_focus = position;
    }

  if (self->selection == NULL || self->rows_stale || gtm_selection_get_n_items (self->selection) == 0)
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->rows_stale = TRUE;
      return;
    }

  self->syncing = TRUE;
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (rows, i);

      if (gtm_selection_contains (self->selection, item) &&
          !gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->rows), i))
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->rows), i, FALSE);
    }
  self->syncing = FALSE;
}

/* Keyboard */

static void
on_list_activate (GtmOutline  *self,
                  guint        position,
                  GtkListView *list_view)
{
  g_autoptr(GtmItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (item != NULL)
    g_signal_emit (self, signals[ACTIVATE_ITEM], 0, item);
}

/* Tab and Shift+Tab go to the next or previous item and select it, as
 * Down and Up do; past the last or the first item, the focus leaves the
 * list as usual (so does Ctrl+Tab, anywhere). */
static gboolean
step_focus (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  GtmOutline *self = GTM_OUTLINE (widget);
  guint position = get_focus_position (self);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  int step = g_variant_get_int32 (args);

  if (position == GTK_INVALID_LIST_POSITION ||
      (step < 0 && position == 0) ||
      (step > 0 && position + 1 >= n_rows))
    return FALSE;

  position += step;
  focus_row (self, position);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->rows), position, TRUE);

  return TRUE;
}

static gboolean
nudge_selected (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  GtmOutline *self = GTM_OUTLINE (widget);
  GtmItem * const *items;
  guint n_items;
  double dx, dy;

  if (self->selection == NULL || gtm_selection_get_n_items (self->selection) == 0)
    return FALSE;

  g_variant_get (args, "(dd)", &dx, &dy);
  items = gtm_selection_get_items (self->selection, &n_items);
  gtm_arrange_nudge (get_board (self), self->history, items, n_items, dx, dy);

  return TRUE;
}

/* As the canvas's Delete does: locked items stay. */
static gboolean
delete_selected (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  GtmOutline *self = GTM_OUTLINE (widget);
  guint n_rows;

  if (self->selection == NULL || gtm_selection_get_n_items (self->selection) == 0)
    return FALSE;

  self->delete_focus = get_focus_position (self);
  gtm_selection_delete (self->selection, self->history);

  /* Keyboard users stay in the list, on the row that took the place of
   * the one they were on. */
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (self->delete_focus != GTK_INVALID_LIST_POSITION && n_rows > 0)
    focus_row (self, MIN (self->delete_focus, n_rows - 1));
  self->delete_focus = GTK_INVALID_LIST_POSITION;

  return TRUE;
}

static void
add_nudge_bindings (GtkWidgetClass *widget_class,
                    guint           keyval,
                    double          dx,
                    double          dy)
{
  gtk_widget_class_add_binding (widget_class, keyval, GDK_ALT_MASK, nudge_selected,
                                "(dd)", dx * GTM_NUDGE_STEP, dy * GTM_NUDGE_STEP);
  gtk_widget_class_add_binding (widget_class, keyval, GDK_ALT_MASK | GDK_SHIFT_MASK, nudge_selected,
                                "(dd)", dx * GTM_NUDGE_STEP_LARGE, dy * GTM_NUDGE_STEP_LARGE);
}

/* GtkWidget */

static void
gtm_outline_map (GtkWidget *widget)
{
  GtmOutline *self = GTM_OUTLINE (widget);

  GTK_WIDGET_CLASS (gtm_outline_parent_class)->map (widget);

  if (self->rows_stale)
    sync_rows (self);
}

/* GObject */

static void
gtm_outline_dispose (GObject *object)
{
  GtmOutline *self = GTM_OUTLINE (object);

  gtm_outline_set_selection (self, NULL, NULL);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_signal_handlers_disconnect_by_data (self->rows, self);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (gtm_outline_parent_class)->dispose (object);
}

static void
gtm_outline_class_init (GtmOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtm_outline_dispose;

  widget_class->map = gtm_outline_map;

  /**
   * GtmOutline::activate-item:
   * @item: the item of the row
   *
   * Enter or a double click on a row: the canvas starts editing the text.
   */
  signals[ACTIVATE_ITEM] = g_signal_new ("activate-item",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, GTM_TYPE_ITEM);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "outline");

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, 0, step_focus, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Tab, 0, step_focus, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, step_focus, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Tab, GDK_SHIFT_MASK, step_focus, "i", -1);

  add_nudge_bindings (widget_class, GDK_KEY_Left, -1, 0);
  add_nudge_bindings (widget_class, GDK_KEY_KP_Left, -1, 0);
  add_nudge_bindings (widget_class, GDK_KEY_Right, 1, 0);
  add_nudge_bindings (widget_class, GDK_KEY_KP_Right, 1, 0);
  add_nudge_bindings (widget_class, GDK_KEY_Up, 0, -1);
  add_nudge_bindings (widget_class, GDK_KEY_KP_Up, 0, -1);
  add_nudge_bindings (widget_class, GDK_KEY_Down, 0, 1);
  add_nudge_bindings (widget_class, GDK_KEY_KP_Down, 0, 1);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_selected, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_selected, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_BackSpace, 0, delete_selected, NULL);
}

static void
gtm_outline_init (GtmOutline *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = gtk_label_new (_("No items on this board"));

  self->delete_focus = GTK_INVALID_LIST_POSITION;

  self->rows = gtk_multi_selection_new (NULL);
  g_signal_connect_swapped (self->rows, "selection-changed", G_CALLBACK (on_rows_selection_changed), self);
  g_signal_connect_swapped (self->rows, "items-changed", G_CALLBACK (on_rows_items_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->rows)),
                                                      factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, C_("side pane", "Outline"),
                                  -1);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_activate), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));

  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_justify (GTK_LABEL (empty), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_start (empty, 12);
  gtk_widget_set_margin_end (empty, 12);
  gtk_widget_add_css_class (empty, "dim-label");

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "items");
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  update_empty (self);
}

GtkWidget *
gtm_outline_new (void)
{
  return g_object_new (GTM_TYPE_OUTLINE, NULL);
}

void
gtm_outline_set_selection (GtmOutline   *self,
                           GtmSelection *selection,
                           GtmHistory   *history)
{
  g_autoptr(GListModel) rows = NULL;

  g_return_if_fail (GTM_IS_OUTLINE (self));
  g_return_if_fail (!selection || GTM_IS_SELECTION (selection));
  g_return_if_fail (!selection || GTM_IS_HISTORY (history));

  if (selection == NULL)
    history = NULL;

  if (self->selection == selection && self->history == history)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed, self);
  g_clear_handle_id (&self->sync_id, g_source_remove);
  self->rows_stale = FALSE;

  g_set_object (&self->selection, selection);
  g_set_object (&self->history, history);

  if (selection != NULL)
    {
      rows = gtm_outline_rows_new (gtm_board_get_items (gtm_selection_get_board (selection)));
      g_signal_connect_swapped (selection, "changed", G_CALLBACK (on_selection_changed), self);
      queue_sync_rows (self);
    }

  /* The rows of another board: nothing the user did. */
  self->syncing = TRUE;
  gtk_multi_selection_set_model (self->rows, rows);
  self->syncing = FALSE;
}
