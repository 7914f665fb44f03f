/* gtm-board-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-board-view"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "gtm-application.h"
#include "gtm-board-view.h"
#include "gtm-core.h"
#include "gtm-image-import.h"
#include "gtm-link-chooser.h"
#include "gtm-window.h"

/* Space around the items when fitting a board into the view. */
#define FIT_MARGIN 48.0
/* Pixels panned per notch of a mouse wheel. */
#define WHEEL_PAN_STEP 48.0
/* Zoom factor per notch of a mouse wheel, and per pixel of smooth
 * (touchpad) scrolling, with Ctrl held. */
#define WHEEL_ZOOM_FACTOR 1.2
#define SMOOTH_ZOOM_FACTOR 1.01
/* How far the pointer goes before a press becomes a drag, in pixels. */
#define DRAG_THRESHOLD 3.0
/* The grid items snap to, in board units. */
#define GRID_SPACING 8.0
/* Reach of the resize handles and of thin connectors, in pixels. */
#define HANDLE_RADIUS 5.0
#define HIT_TOLERANCE 4.0
/* Sizes of new items, in board units. */
#define NEW_SHAPE_WIDTH  160.0
#define NEW_SHAPE_HEIGHT 100.0
#define NEW_FRAME_WIDTH  640.0
#define NEW_FRAME_HEIGHT 420.0

typedef enum
{
  GESTURE_NONE,
  GESTURE_PAN,
  GESTURE_PRESS,     /* pressed on an item, not yet moved past the threshold */
  GESTURE_MOVE,
  GESTURE_RESIZE,
  GESTURE_RUBBER_BAND,
  GESTURE_CREATE,    /* a tool is armed: the press makes an item */
  GESTURE_CONNECT,   /* from an item to another with the connector tool */
} Gesture;

struct _GtmBoardView
{
  GtkWidget        parent_instance;

  GtmBoard        *board;
  GtmHistory      *history;
  GtmSelection    *selection;
  GtmSpatialIndex *index;
  GtmScene        *scene;
  GtmTool          tool;

  GtmViewport      viewport;
  /* The viewport of each board shown before, so switching back to a board
   * shows it as the user left it. Keys are weak: GtmBoard* → GtmViewport*. */
  GHashTable      *viewports;
  gboolean         needs_fit;
  /* Room kept free on the left by zoom to fit, for a palette over it. */
  int              fit_inset;
  /* Showing the whole board as fitted, untouched since: a resize fits
   * again, as an image viewer's best-fit mode does. */
  gboolean         fitted;
  int              last_width;
  int              last_height;

  /* The picture as a texture, remade when the scene redraws. */
  GdkTexture      *texture;

  double           pointer_x;
  double           pointer_y;
  gboolean         has_pointer;
  gboolean         space_down;
  double           pinch_start_zoom;
  guint            zoom_settle_id;  /* a zoom gesture ends when it fires */

  /* The gesture of the primary (or middle) button. */
  Gesture          gesture;
  double           press_x;       /* widget coordinates */
  double           press_y;
  double           pan_start_x;
  double           pan_start_y;
  GtmItem         *press_item;
  gboolean         press_toggles; /* Shift or Ctrl held: add or remove */
  GtmResizeHandle  handle;
  GPtrArray       *moving;        /* GtmItem*, the items a move or resize drags */
  GArray          *moving_rects;  /* GtmRect, where they were */
  GArray          *others;        /* GtmRect, what they snap to */
  GtmRect          moving_bounds;
  GtmSnapResult    snap;
  GPtrArray       *band_base;     /* the selection a Shift rubber band adds to */
  GtmRect          band;          /* board coordinates, maybe negative size */
  GtmItem         *connect_target;

  /* Text editing: a text view over the item's text. */
  GtkWidget       *text_view;
  GtmItem         *edited;
  gboolean         edited_is_new;
  double           edited_zoom;   /* the zoom the editor's font is set for */
  /* The popover to insert a linked field into the edited text. */
  GtkWidget       *link_chooser;

  guint            n_draws;
  gboolean         print_frame_times;
};

enum {
  PROP_0,
  PROP_BOARD,
  PROP_ZOOM,
  PROP_TOOL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ENUM_TYPE (GtmTool, gtm_tool,
  G_DEFINE_ENUM_VALUE (GTM_TOOL_SELECT, "select"),
  G_DEFINE_ENUM_VALUE (GTM_TOOL_NOTE, "note"),
  G_DEFINE_ENUM_VALUE (GTM_TOOL_TEXT_BOX, "text-box"),
  G_DEFINE_ENUM_VALUE (GTM_TOOL_RECTANGLE, "rectangle"),
  G_DEFINE_ENUM_VALUE (GTM_TOOL_ROUNDED_RECTANGLE, "rounded-rectangle"),
  G_DEFINE_ENUM_VALUE (GTM_TOOL_ELLIPSE, "ellipse"),
  G_DEFINE_ENUM_VALUE (GTM_TOOL_DIAMOND, "diamond"),
  G_DEFINE_ENUM_VALUE (GTM_TOOL_FRAME, "frame"),
  G_DEFINE_ENUM_VALUE (GTM_TOOL_CONNECTOR, "connector"))

G_DEFINE_FINAL_TYPE (GtmBoardView, gtm_board_view, GTK_TYPE_WIDGET)

static void end_text_editing (GtmBoardView *self);
static void update_actions   (GtmBoardView *self);
static GtmItem *get_resizable (GtmBoardView *self,
                               GtmRect      *box);

/* The resize cursor of the handle being dragged, or under the pointer. */
static const char *
handle_cursor (GtmBoardView *self)
{
  static const char * const names[] = {
    [GTM_RESIZE_HANDLE_TOP_LEFT] = "nwse-resize",
    [GTM_RESIZE_HANDLE_TOP] = "ns-resize",
    [GTM_RESIZE_HANDLE_TOP_RIGHT] = "nesw-resize",
    [GTM_RESIZE_HANDLE_RIGHT] = "ew-resize",
    [GTM_RESIZE_HANDLE_BOTTOM_RIGHT] = "nwse-resize",
    [GTM_RESIZE_HANDLE_BOTTOM] = "ns-resize",
    [GTM_RESIZE_HANDLE_BOTTOM_LEFT] = "nesw-resize",
    [GTM_RESIZE_HANDLE_LEFT] = "ew-resize",
  };
  GtmResizeHandle handle = self->gesture == GESTURE_RESIZE ? self->handle : GTM_RESIZE_HANDLE_NONE;
  GtmRect box;

  if (self->gesture == GESTURE_NONE && self->has_pointer && get_resizable (self, &box) != NULL)
    {
      double bx, by;

      gtm_viewport_to_board (&self->viewport, self->pointer_x, self->pointer_y, &bx, &by);
      handle = gtm_resize_handle_at (&box, self->viewport.zoom, HANDLE_RADIUS, bx, by);
    }

  return handle == GTM_RESIZE_HANDLE_NONE ? NULL : names[handle];
}

static void
update_cursor (GtmBoardView *self)
{
  const char *name = NULL;

  if (self->gesture == GESTURE_PAN)
    name = "grabbing";
  else if (self->space_down)
    name = "grab";
  else if (self->tool != GTM_TOOL_SELECT)
    name = "crosshair";
  else if (self->gesture == GESTURE_MOVE)
    name = "move";
  else if (self->gesture == GESTURE_RESIZE || self->gesture == GESTURE_NONE)
    name = handle_cursor (self);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

/* Viewport */

/* Call after changing self->viewport. */
static void
notify_viewport (GtmBoardView *self,
                 double        old_zoom)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  if (self->viewport.zoom != old_zoom)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* How long after the last step of a wheel or pinch zoom the picture is
 * drawn sharp again, in milliseconds. */
#define ZOOM_SETTLE_MS 150

static gboolean
on_zoom_settled (gpointer data)
{
  GtmBoardView *self = data;

  self->zoom_settle_id = 0;
  if (self->scene != NULL)
    gtm_scene_set_zooming (self->scene, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

/* A wheel or pinch zoom step: frames scale the picture until the steps
 * stop coming. */
static void
zoom_step (GtmBoardView *self)
{
  gtm_scene_set_zooming (self->scene, TRUE);
  g_clear_handle_id (&self->zoom_settle_id, g_source_remove);
  self->zoom_settle_id = g_timeout_add (ZOOM_SETTLE_MS, on_zoom_settled, self);
}

/* Call after the user zoomed or panned. */
static void
viewport_changed (GtmBoardView *self,
                  double        old_zoom)
{
  self->fitted = FALSE;
  notify_viewport (self, old_zoom);
}

static void
fit_now (GtmBoardView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double old_zoom = self->viewport.zoom;
  GtmRect bounds;

  if (self->board != NULL && gtm_render_board_bounds (self->board, &bounds))
    {
      int inset = width - self->fit_inset > width / 2 ? self->fit_inset : 0;

      gtm_viewport_fit (&self->viewport,
                        bounds.x, bounds.y, bounds.width, bounds.height,
                        width - inset, height, FIT_MARGIN);
      gtm_viewport_pan (&self->viewport, inset, 0);
    }
  else
    {
      /* An empty board: its origin near the top left, at 100 %. */
      gtm_viewport_init (&self->viewport);
      gtm_viewport_pan (&self->viewport, FIT_MARGIN, FIT_MARGIN);
    }

  self->needs_fit = FALSE;
  self->fitted = TRUE;
  notify_viewport (self, old_zoom);
}

static void
on_board_finalized (gpointer  data,
                    GObject  *where_the_board_was)
{
  GtmBoardView *self = data;

  g_hash_table_remove (self->viewports, where_the_board_was);
}

static void
remember_viewport (GtmBoardView *self)
{
  GtmViewport *saved;

  if (self->board == NULL || self->needs_fit)
    return;

  saved = g_hash_table_lookup (self->viewports, self->board);
  if (saved == NULL)
    {
      saved = g_new (GtmViewport, 1);
      g_hash_table_insert (self->viewports, self->board, saved);
      g_object_weak_ref (G_OBJECT (self->board), on_board_finalized, self);
    }

  *saved = self->viewport;
}

static void
to_board (GtmBoardView *self,
          double        x,
          double        y,
          double       *bx,
          double       *by)
{
  gtm_viewport_to_board (&self->viewport, x, y, bx, by);
}

static void
on_board_changed (GtmBoardView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  /* Grouping and locking change what the menu offers; a drag changes
   * neither. */
  if (self->gesture == GESTURE_NONE)
    update_actions (self);
}

static void
on_board_notify_name (GtmBoardView *self)
{
  g_autofree char *label = NULL;

  label = g_strdup_printf (_("Board “%s”"), gtm_board_get_name (self->board));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Undo and redo select what they changed on this board. */
static void
on_history_applied (GtmBoardView *self,
                    GPtrArray    *nodes)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  if (self->board == NULL)
    return;

  for (guint i = 0; i < nodes->len; i++)
    {
      GtmNode *node = g_ptr_array_index (nodes, i);

      if (GTM_IS_ITEM (node) && gtm_node_get_parent (node) == GTM_NODE (self->board))
        g_ptr_array_add (items, node);
    }

  if (items->len > 0)
    gtm_selection_set (self->selection, (GtmItem * const *) items->pdata, items->len);
}

/* Selection */

static void
on_selection_changed (GtmBoardView *self)
{
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GtmItem * const *
get_selected (GtmBoardView *self,
              guint        *n)
{
  if (self->selection == NULL)
    {
      *n = 0;
      return NULL;
    }

  return gtm_selection_get_items (self->selection, n);
}

/* The selected items that may be moved or resized: not locked, and not
 * connectors, which follow their ends. */
static GPtrArray *
get_movable (GtmBoardView *self)
{
  GPtrArray *movable = g_ptr_array_new ();
  GtmItem * const *items;
  guint n;

  items = get_selected (self, &n);
  for (guint i = 0; i < n; i++)
    {
      if (!GTM_IS_CONNECTOR (items[i]) && !gtm_item_get_locked (items[i]))
        g_ptr_array_add (movable, items[i]);
    }

  return movable;
}

/* The item and the rest of its group. */
static GPtrArray *
with_group (GtmBoardView *self,
            GtmItem      *item)
{
  return gtm_board_expand_groups (self->board, &item, 1);
}

static void
select_item (GtmBoardView *self,
             GtmItem      *item,
             gboolean      toggle)
{
  g_autoptr(GPtrArray) group = with_group (self, item);
  GtmItem * const *items = (GtmItem * const *) group->pdata;

  if (!toggle)
    gtm_selection_set (self->selection, items, group->len);
  else if (gtm_selection_contains (self->selection, item))
    gtm_selection_remove (self->selection, items, group->len);
  else
    gtm_selection_add (self->selection, items, group->len);
}

/* Drawing */

static void
draw_guides (GtmBoardView *self,
             cairo_t      *cr)
{
  if (self->gesture != GESTURE_MOVE && self->gesture != GESTURE_RESIZE)
    return;

  cairo_set_line_width (cr, 1.0);
  cairo_set_source_rgb (cr, 0.88, 0.11, 0.14);
  for (guint i = 0; i < self->snap.n_guides; i++)
    {
      const GtmGuide *guide = &self->snap.guides[i];
      double x1, y1, x2, y2;

      if (guide->orientation == GTM_GUIDE_VERTICAL)
        {
          gtm_viewport_to_widget (&self->viewport, guide->position, guide->start, &x1, &y1);
          gtm_viewport_to_widget (&self->viewport, guide->position, guide->end, &x2, &y2);
          x1 = x2 = round (x1) + 0.5;
        }
      else
        {
          gtm_viewport_to_widget (&self->viewport, guide->start, guide->position, &x1, &y1);
          gtm_viewport_to_widget (&self->viewport, guide->end, guide->position, &x2, &y2);
          y1 = y2 = round (y1) + 0.5;
        }
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, x2, y2);
    }
  cairo_stroke (cr);
}

static void
widget_rect (GtmBoardView  *self,
             const GtmRect *board_rect,
             GtmRect       *out)
{
  double x1, y1, x2, y2;

  gtm_viewport_to_widget (&self->viewport, board_rect->x, board_rect->y, &x1, &y1);
  gtm_viewport_to_widget (&self->viewport, board_rect->x + board_rect->width,
                          board_rect->y + board_rect->height, &x2, &y2);
  out->x = MIN (x1, x2);
  out->y = MIN (y1, y2);
  out->width = fabs (x2 - x1);
  out->height = fabs (y2 - y1);
}

/* The one item whose handles are shown: a single selected box that can be
 * resized. */
static GtmItem *
get_resizable (GtmBoardView *self,
               GtmRect      *box)
{
  GtmItem *item = self->selection != NULL ? gtm_selection_get_single (self->selection) : NULL;

  if (item == NULL || gtm_item_get_locked (item) || !gtm_hit_test_item_box (item, box))
    return NULL;

  return item;
}

static void
draw_selection (GtmBoardView *self,
                cairo_t      *cr)
{
  GtmItem * const *items;
  GtmItem *resizable;
  GtmRect box;
  guint n;

  items = get_selected (self, &n);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < n; i++)
    {
      GtmRect bounds, rect;

      if (!gtm_hit_test_item_box (items[i], &bounds) &&
          !gtm_spatial_index_get_bounds (self->index, items[i], &bounds))
        continue;

      widget_rect (self, &bounds, &rect);
      cairo_rectangle (cr, round (rect.x) - 1.5, round (rect.y) - 1.5,
                       round (rect.width) + 3, round (rect.height) + 3);
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      if (gtm_item_get_locked (items[i]))
        cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  resizable = get_resizable (self, &box);
  if (resizable != NULL && self->gesture != GESTURE_MOVE)
    {
      for (GtmResizeHandle h = GTM_RESIZE_HANDLE_TOP_LEFT; h <= GTM_RESIZE_HANDLE_LEFT; h++)
        {
          double bx, by, x, y;

          gtm_resize_handle_get_point (&box, h, &bx, &by);
          gtm_viewport_to_widget (&self->viewport, bx, by, &x, &y);
          cairo_rectangle (cr, round (x) - 4.5, round (y) - 4.5, 9, 9);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
          cairo_stroke (cr);
        }
    }

  if (self->gesture == GESTURE_RUBBER_BAND)
    {
      GtmRect rect;

      widget_rect (self, &self->band, &rect);
      cairo_rectangle (cr, round (rect.x) + 0.5, round (rect.y) + 0.5, round (rect.width), round (rect.height));
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.12);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }

  if (self->gesture == GESTURE_CONNECT)
    {
      double x1, y1;
      GtmRect target;

      gtm_viewport_to_widget (&self->viewport,
                              gtm_item_get_x (self->press_item) + gtm_item_get_width (self->press_item) / 2,
                              gtm_item_get_y (self->press_item) + gtm_item_get_height (self->press_item) / 2,
                              &x1, &y1);
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, self->pointer_x, self->pointer_y);
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_set_line_width (cr, 2.0);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (self->connect_target != NULL && gtm_hit_test_item_box (self->connect_target, &box))
        {
          widget_rect (self, &box, &target);
          cairo_rectangle (cr, target.x - 2, target.y - 2, target.width + 4, target.height + 4);
          cairo_stroke (cr);
        }
    }
}

static void
gtm_board_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *picture;
  gboolean damaged;
  cairo_t *cr;

  if (self->board == NULL || width <= 0 || height <= 0)
    return;

  picture = gtm_scene_render (self->scene, &self->viewport, width, height, scale, &damaged);
  if (damaged || self->texture == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;

      cairo_surface_flush (picture);
      bytes = g_bytes_new (cairo_image_surface_get_data (picture),
                           (gsize) cairo_image_surface_get_stride (picture) *
                           cairo_image_surface_get_height (picture));
      g_clear_object (&self->texture);
      self->texture = gdk_memory_texture_new (cairo_image_surface_get_width (picture),
                                              cairo_image_surface_get_height (picture),
                                              GDK_MEMORY_DEFAULT,
                                              bytes,
                                              cairo_image_surface_get_stride (picture));
    }
  gtk_snapshot_append_texture (snapshot, self->texture, &GRAPHENE_RECT_INIT (0, 0, width, height));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtm_scene_draw_floating (self->scene, cr, self->edited != NULL ? GTM_RENDER_NO_TEXT : GTM_RENDER_NONE);
  draw_guides (self, cr);
  draw_selection (self, cr);
  cairo_destroy (cr);

  if (self->text_view != NULL)
    gtk_widget_snapshot_child (widget, self->text_view, snapshot);

  self->n_draws++;

  if (self->print_frame_times)
    g_print ("frame %.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
}

/* Creating items */

static GtmItem *
create_item (GtmBoardView *self,
             GtmTool       tool)
{
  static const GtmShapeKind shapes[] = {
    [GTM_TOOL_RECTANGLE] = GTM_SHAPE_RECTANGLE,
    [GTM_TOOL_ROUNDED_RECTANGLE] = GTM_SHAPE_ROUNDED_RECTANGLE,
    [GTM_TOOL_ELLIPSE] = GTM_SHAPE_ELLIPSE,
    [GTM_TOOL_DIAMOND] = GTM_SHAPE_DIAMOND,
  };
  GtmItem * const *selected;
  guint n_selected;

  switch (tool)
    {
    case GTM_TOOL_NOTE:
      return gtm_note_new (0, 0, "");

    case GTM_TOOL_TEXT_BOX:
      return gtm_text_box_new (0, 0, "");

    case GTM_TOOL_RECTANGLE:
    case GTM_TOOL_ROUNDED_RECTANGLE:
    case GTM_TOOL_ELLIPSE:
    case GTM_TOOL_DIAMOND:
      return gtm_shape_new (shapes[tool], 0, 0, NEW_SHAPE_WIDTH, NEW_SHAPE_HEIGHT);

    case GTM_TOOL_FRAME:
      return gtm_frame_new (0, 0, NEW_FRAME_WIDTH, NEW_FRAME_HEIGHT, _("Frame"));

    case GTM_TOOL_CONNECTOR:
      /* From the lower to the upper of the two topmost selected boxes. */
      selected = get_selected (self, &n_selected);
      for (guint i = n_selected; i-- > 1;)
        {
          if (GTM_IS_CONNECTOR (selected[i]))
            continue;
          for (guint j = i; j-- > 0;)
            {
              if (!GTM_IS_CONNECTOR (selected[j]))
                return gtm_connector_new (gtm_node_get_id (GTM_NODE (selected[j])),
                                          gtm_node_get_id (GTM_NODE (selected[i])));
            }
        }
      return NULL;

    case GTM_TOOL_SELECT:
    default:
      return NULL;
    }
}

static void
add_and_select (GtmBoardView *self,
                GtmItem      *item)
{
  gtm_board_add_item (self->board, self->history, item);
  gtm_selection_set (self->selection, &item, 1);
}

/* Selects @items, as returned by paste and duplicate, and frees them. */
static void
select_new (GtmBoardView *self,
            GPtrArray    *items)
{
  if (items == NULL)
    return;

  gtm_selection_set (self->selection, (GtmItem * const *) items->pdata, items->len);
  g_ptr_array_unref (items);
}

/* Text editing */

static gboolean
item_has_text (GtmItem *item)
{
  return !GTM_IS_IMAGE (item);
}

static char *
get_editor_text (GtmBoardView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Matches the editor's look to the item's text at the current zoom. */
static void
style_editor (GtmBoardView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->text_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "item");
  GtkJustification justification[] = { GTK_JUSTIFY_LEFT, GTK_JUSTIFY_CENTER, GTK_JUSTIFY_RIGHT };
  GtkTextIter start, end;
  GdkRGBA color;

  if (!gdk_rgba_parse (&color, gtm_item_get_text_color (self->edited)))
    color = (GdkRGBA) { 0.12, 0.12, 0.12, 1.0 };

  /* Board units are pixels at 100 %; Pango's points are 4/3 pixels. */
  g_object_set (tag,
                "family", "Cantarell, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif",
                "size-points", MAX (1.0, gtm_item_get_font_size (self->edited) * self->viewport.zoom * 0.75),
                "weight", gtm_item_get_bold (self->edited) ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                "foreground-rgba", &color,
                "justification", justification[CLAMP (gtm_item_get_align (self->edited), 0, 2)],
                NULL);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
  self->edited_zoom = self->viewport.zoom;
}

static void
on_editor_buffer_changed (GtmBoardView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "item");
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
}

static gboolean
on_editor_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtmBoardView          *self)
{
  if (keyval == GDK_KEY_Escape ||
      ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK)))
    {
      end_text_editing (self);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return TRUE;
    }

  return FALSE;
}

static gboolean
end_text_editing_idle (gpointer data)
{
  GtmBoardView *self = data;

  /* The linked field chooser takes the focus for a while. */
  if (self->edited != NULL && self->text_view != NULL && !gtk_widget_has_focus (self->text_view) &&
      (self->link_chooser == NULL || !gtk_widget_get_visible (self->link_chooser)))
    end_text_editing (self);

  return G_SOURCE_REMOVE;
}

static void
on_editor_focus_leave_deferred (GtmBoardView *self)
{
  /* A focus change inside a press (a click on the canvas) ends editing
   * from the press handler itself; elsewhere, once the focus settled. */
  g_idle_add_full (G_PRIORITY_DEFAULT, end_text_editing_idle, g_object_ref (self), g_object_unref);
}

/* Linked fields */

static GMenuModel *
create_editor_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) item = g_menu_item_new (_("_Insert Linked Field…"), "canvas.insert-link");

  g_menu_item_set_attribute (item, "accel", "s", "<Control>k");
  g_menu_append_item (menu, item);

  return G_MENU_MODEL (menu);
}

static GtmProject *
get_project (GtmBoardView *self)
{
  GtmNode *root = self->board != NULL ? gtm_node_get_root (GTM_NODE (self->board)) : NULL;

  return GTM_IS_PROJECT (root) ? GTM_PROJECT (root) : NULL;
}

/* The token goes in at the cursor, in place of the selected text, as
 * typing would put it there. */
static void
on_link_chosen (GtmBoardView *self,
                const char   *token)
{
  GtkTextBuffer *buffer;

  if (self->text_view == NULL)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, token, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static void
on_link_chooser_closed (GtmBoardView *self)
{
  if (self->text_view != NULL)
    gtk_widget_grab_focus (self->text_view);
}

/* The text cursor in the view's coordinates. */
static void
get_cursor_rect (GtmBoardView *self,
                 GdkRectangle *rect)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->text_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  GdkRectangle location;
  int x, y;
  double wx, wy;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, location.x, location.y, &x, &y);
  if (!gtk_widget_translate_coordinates (self->text_view, GTK_WIDGET (self), x, y, &wx, &wy))
    wx = wy = 0;

  *rect = (GdkRectangle) { floor (wx), floor (wy), 1, MAX (location.height, 1) };
}

static void
popup_link_chooser (GtmBoardView *self)
{
  GtmProject *project = get_project (self);
  GdkRectangle rect;

  if (self->text_view == NULL || project == NULL)
    return;

  if (self->link_chooser == NULL)
    {
      self->link_chooser = gtm_link_chooser_new ();
      gtk_widget_set_parent (self->link_chooser, GTK_WIDGET (self));
      g_signal_connect_swapped (self->link_chooser, "field-chosen", G_CALLBACK (on_link_chosen), self);
      g_signal_connect_swapped (self->link_chooser, "closed", G_CALLBACK (on_link_chooser_closed), self);
    }

  gtm_link_chooser_set_project (GTM_LINK_CHOOSER (self->link_chooser), project);
  get_cursor_rect (self, &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->link_chooser), &rect);
  gtk_popover_popup (GTK_POPOVER (self->link_chooser));
}

/* An editor made just now has no place on screen before its first
 * layout. */
static gboolean
popup_link_chooser_tick (GtkWidget     *text_view,
                         GdkFrameClock *frame_clock,
                         gpointer       data)
{
  if (gtk_widget_get_width (text_view) == 0)
    return G_SOURCE_CONTINUE;

  popup_link_chooser (GTM_BOARD_VIEW (data));

  return G_SOURCE_REMOVE;
}

static gboolean
begin_text_editing (GtmBoardView *self,
                    GtmItem      *item,
                    gboolean      is_new)
{
  GtkTextBuffer *buffer;
  GtkEventController *controller;

  if (self->edited == item)
    return TRUE;

  end_text_editing (self);

  if (!item_has_text (item) || gtm_item_get_locked (item))
    return FALSE;

  self->edited = g_object_ref (item);
  self->edited_is_new = is_new;
  gtm_scene_set_floating (self->scene, &item, 1);

  self->text_view = gtk_text_view_new ();
  gtk_widget_add_css_class (self->text_view, "canvas-text-editor");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->text_view), create_editor_menu ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Item text"),
                                  -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_create_tag (buffer, "item", NULL);
  gtk_text_buffer_set_text (buffer, gtm_item_get_text (item), -1);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_editor_buffer_changed), self);
  style_editor (self);
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_place_cursor (buffer, &end);
  }

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_editor_key_pressed), self);
  gtk_widget_add_controller (self->text_view, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_editor_focus_leave_deferred), self);
  gtk_widget_add_controller (self->text_view, controller);

  gtk_widget_set_parent (self->text_view, GTK_WIDGET (self));
  gtk_widget_grab_focus (self->text_view);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

/* Writes the text back as one step and puts the item back in the
 * picture. A new text box left empty is taken away again. */
static void
end_text_editing (GtmBoardView *self)
{
  g_autoptr(GtmItem) item = NULL;
  g_autofree char *text = NULL;
  GtkWidget *text_view;

  if (self->edited == NULL)
    return;

  item = g_steal_pointer (&self->edited);
  text = get_editor_text (self);
  text_view = g_steal_pointer (&self->text_view);
  g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), self);
  gtk_widget_unparent (text_view);
  if (self->link_chooser != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->link_chooser));
  gtm_scene_set_floating (self->scene, NULL, 0);

  if (gtm_node_get_parent (GTM_NODE (item)) != GTM_NODE (self->board))
    return;

  if (g_strcmp0 (text, gtm_item_get_text (item)) != 0)
    gtm_history_set (self->history, GTM_NODE (item), "text", text, NULL);
  else if (self->edited_is_new && *text == '\0' && GTM_IS_TEXT_BOX (item))
    gtm_board_remove_item (self->board, self->history, item);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
allocate_editor (GtmBoardView *self)
{
  GtmRect area, rect;
  GtkRequisition natural;
  GtkAllocation allocation;

  if (self->text_view == NULL)
    return;

  if (!gtm_render_item_text_area (self->board, self->edited, &area))
    area = (GtmRect) { gtm_item_get_x (self->edited), gtm_item_get_y (self->edited),
                       gtm_item_get_width (self->edited), gtm_item_get_height (self->edited) };

  if (self->edited_zoom != self->viewport.zoom)
    style_editor (self);
  widget_rect (self, &area, &rect);
  allocation.x = floor (rect.x);
  allocation.y = floor (rect.y);
  allocation.width = MAX (ceil (rect.width), 24);
  gtk_widget_get_preferred_size (self->text_view, NULL, &natural);
  gtk_widget_measure (self->text_view, GTK_ORIENTATION_VERTICAL, allocation.width,
                      &natural.height, NULL, NULL, NULL);
  allocation.height = MAX (ceil (rect.height), natural.height);
  gtk_widget_size_allocate (self->text_view, &allocation, -1);
}

/* Gestures */

static gboolean
has_toggle_modifier (GdkModifierType state)
{
  return (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
}

static GtmItem *
item_at (GtmBoardView *self,
         double        x,
         double        y)
{
  double bx, by;

  to_board (self, x, y, &bx, &by);

  return gtm_spatial_index_hit (self->index, bx, by, HIT_TOLERANCE / self->viewport.zoom);
}

/* Rectangles of the visible items other than those dragged, for snapping. */
static void
collect_others (GtmBoardView *self)
{
  g_autoptr(GPtrArray) visible = NULL;
  g_autoptr(GHashTable) moving = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->moving->len; i++)
    g_hash_table_add (moving, g_ptr_array_index (self->moving, i));

  g_array_set_size (self->others, 0);
  visible = gtm_spatial_index_query_visible (self->index, &self->viewport,
                                             gtk_widget_get_width (GTK_WIDGET (self)),
                                             gtk_widget_get_height (GTK_WIDGET (self)));
  for (guint i = 0; i < visible->len; i++)
    {
      GtmItem *item = g_ptr_array_index (visible, i);
      GtmRect box;

      if (!g_hash_table_contains (moving, item) && gtm_hit_test_item_box (item, &box))
        g_array_append_val (self->others, box);
    }
}

/* Starts moving or resizing self->moving. */
static void
begin_drag (GtmBoardView *self,
            Gesture       gesture)
{
  g_array_set_size (self->moving_rects, 0);
  for (guint i = 0; i < self->moving->len; i++)
    {
      GtmRect box;

      gtm_hit_test_item_box (g_ptr_array_index (self->moving, i), &box);
      g_array_append_val (self->moving_rects, box);
    }
  gtm_arrange_rects_bounds ((GtmRect *) self->moving_rects->data, self->moving_rects->len,
                            &self->moving_bounds);
  collect_others (self);

  self->gesture = gesture;
  self->snap.n_guides = 0;
  gtm_scene_set_floating (self->scene, (GtmItem * const *) self->moving->pdata, self->moving->len);
  gtm_history_begin (self->history, gesture == GESTURE_MOVE ? _("Move") : _("Resize"));
  update_cursor (self);
}

static void
get_snap_options (GtmBoardView   *self,
                  GtkGesture     *gesture,
                  GtmSnapOptions *options)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  gtm_snap_options_init (options, self->viewport.zoom, GRID_SPACING);
  if (state & GDK_ALT_MASK)
    options->flags = GTM_SNAP_NONE;
}

static void
update_move (GtmBoardView *self,
             GtkGesture   *gesture,
             double        dx,
             double        dy)
{
  GtmSnapOptions options;
  GtmRect wanted = self->moving_bounds;
  double mx, my;

  get_snap_options (self, gesture, &options);
  wanted.x += dx / self->viewport.zoom;
  wanted.y += dy / self->viewport.zoom;
  gtm_snap_move (&wanted, &options, (GtmRect *) self->others->data, self->others->len, &self->snap);

  mx = self->snap.rect.x - self->moving_bounds.x;
  my = self->snap.rect.y - self->moving_bounds.y;
  for (guint i = 0; i < self->moving->len; i++)
    {
      GtmRect *from = &g_array_index (self->moving_rects, GtmRect, i);

      gtm_history_set (self->history, g_ptr_array_index (self->moving, i),
                       "x", from->x + mx,
                       "y", from->y + my,
                       NULL);
    }
}

static void
update_resize (GtmBoardView *self,
               GtkGesture   *gesture,
               double        dx,
               double        dy)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtmSnapOptions options;

  get_snap_options (self, gesture, &options);
  gtm_snap_resize (&g_array_index (self->moving_rects, GtmRect, 0), self->handle,
                   dx / self->viewport.zoom, dy / self->viewport.zoom,
                   (state & GDK_SHIFT_MASK) ? GTM_RESIZE_KEEP_ASPECT : GTM_RESIZE_NONE,
                   &options, (GtmRect *) self->others->data, self->others->len, &self->snap);

  gtm_history_set (self->history, g_ptr_array_index (self->moving, 0),
                   "x", self->snap.rect.x,
                   "y", self->snap.rect.y,
                   "width", self->snap.rect.width,
                   "height", self->snap.rect.height,
                   NULL);
}

static void
update_rubber_band (GtmBoardView *self,
                    double        x,
                    double        y)
{
  g_autoptr(GPtrArray) inside = NULL;
  g_autoptr(GPtrArray) picked = NULL;
  double bx, by, sx, sy;

  to_board (self, self->press_x, self->press_y, &sx, &sy);
  to_board (self, x, y, &bx, &by);
  self->band = (GtmRect) { sx, sy, bx - sx, by - sy };

  inside = gtm_spatial_index_query_rect (self->index, &self->band, GTM_RECT_MATCH_CONTAINS);
  picked = gtm_board_expand_groups (self->board, (GtmItem * const *) inside->pdata, inside->len);
  if (self->band_base != NULL)
    g_ptr_array_extend (picked, self->band_base, NULL, NULL);

  gtm_selection_set (self->selection, (GtmItem * const *) picked->pdata, picked->len);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               GtmBoardView   *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtmItem *hit;
  GtmRect box;

  if (self->board == NULL || (button != GDK_BUTTON_PRIMARY && button != GDK_BUTTON_MIDDLE))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  /* A press on the item being edited is the editor's (it may not even be
   * allocated yet, right after a double-click); anywhere else ends it. */
  if (self->edited != NULL)
    {
      double bx, by;

      to_board (self, x, y, &bx, &by);
      if (gtm_hit_test_item (self->board, self->edited, NULL, bx, by, 0))
        {
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
          return;
        }
      end_text_editing (self);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  self->press_x = x;
  self->press_y = y;
  self->press_toggles = has_toggle_modifier (state);
  g_clear_object (&self->press_item);

  if (button == GDK_BUTTON_MIDDLE || self->space_down)
    {
      self->gesture = GESTURE_PAN;
      self->pan_start_x = self->viewport.offset_x;
      self->pan_start_y = self->viewport.offset_y;
      update_cursor (self);
      return;
    }

  hit = item_at (self, x, y);

  if (self->tool == GTM_TOOL_CONNECTOR)
    {
      if (hit != NULL && !GTM_IS_CONNECTOR (hit))
        {
          self->press_item = g_object_ref (hit);
          self->gesture = GESTURE_CONNECT;
        }
      return;
    }

  if (self->tool != GTM_TOOL_SELECT)
    {
      self->gesture = GESTURE_CREATE;
      return;
    }

  /* The handles of the selected item come first: they may stick out. */
  if (get_resizable (self, &box) != NULL)
    {
      double bx, by;

      to_board (self, x, y, &bx, &by);
      self->handle = gtm_resize_handle_at (&box, self->viewport.zoom, HANDLE_RADIUS, bx, by);
      if (self->handle != GTM_RESIZE_HANDLE_NONE)
        {
          g_ptr_array_set_size (self->moving, 0);
          g_ptr_array_add (self->moving, gtm_selection_get_single (self->selection));
          begin_drag (self, GESTURE_RESIZE);
          return;
        }
    }

  /* Inside an unselected frame, away from its title, a drag selects what
   * lies in the frame, as on empty board space; a click picks the frame. */
  if (hit != NULL && GTM_IS_FRAME (hit) && !gtm_selection_contains (self->selection, hit))
    {
      double bx, by;

      to_board (self, x, y, &bx, &by);
      if (gtm_hit_test_point_in_outline (hit, bx, by))
        {
          self->press_item = g_object_ref (hit);
          hit = NULL;
        }
    }

  if (hit != NULL)
    {
      self->press_item = g_object_ref (hit);
      self->gesture = GESTURE_PRESS;
      if (self->press_toggles)
        select_item (self, hit, TRUE);
      else if (!gtm_selection_contains (self->selection, hit))
        select_item (self, hit, FALSE);
      return;
    }

  self->gesture = GESTURE_RUBBER_BAND;
  g_clear_pointer (&self->band_base, g_ptr_array_unref);
  if (self->press_toggles)
    {
      GtmItem * const *items;
      guint n;

      items = get_selected (self, &n);
      self->band_base = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->band_base, g_object_ref (items[i]));
    }
  else
    {
      gtm_selection_clear (self->selection);
    }
  to_board (self, x, y, &self->band.x, &self->band.y);
  self->band.width = self->band.height = 0;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                GtmBoardView   *self)
{
  double x = self->press_x + dx;
  double y = self->press_y + dy;

  self->pointer_x = x;
  self->pointer_y = y;

  switch (self->gesture)
    {
    case GESTURE_PAN:
      self->viewport.offset_x = self->pan_start_x + dx;
      self->viewport.offset_y = self->pan_start_y + dy;
      viewport_changed (self, self->viewport.zoom);
      break;

    case GESTURE_PRESS:
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        break;
      g_ptr_array_unref (self->moving);
      self->moving = get_movable (self);
      if (self->moving->len == 0 || !gtm_selection_contains (self->selection, self->press_item))
        {
          self->gesture = GESTURE_NONE;
          break;
        }
      begin_drag (self, GESTURE_MOVE);
      G_GNUC_FALLTHROUGH;

    case GESTURE_MOVE:
      update_move (self, GTK_GESTURE (gesture), dx, dy);
      break;

    case GESTURE_RESIZE:
      update_resize (self, GTK_GESTURE (gesture), dx, dy);
      break;

    case GESTURE_RUBBER_BAND:
      update_rubber_band (self, x, y);
      break;

    case GESTURE_CONNECT:
      {
        GtmItem *target = item_at (self, x, y);

        if (target == self->press_item || (target != NULL && GTM_IS_CONNECTOR (target)))
          target = NULL;
        g_set_object (&self->connect_target, target);
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case GESTURE_CREATE:
    case GESTURE_NONE:
    default:
      break;
    }
}

static void
finish_connect (GtmBoardView *self)
{
  g_autoptr(GtmItem) connector = NULL;

  if (self->connect_target == NULL)
    return;

  connector = gtm_connector_new (gtm_node_get_id (GTM_NODE (self->press_item)),
                                 gtm_node_get_id (GTM_NODE (self->connect_target)));
  add_and_select (self, connector);
  gtm_board_view_set_tool (self, GTM_TOOL_SELECT);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             GtmBoardView   *self)
{
  Gesture ended = self->gesture;
  double bx, by;

  self->gesture = GESTURE_NONE;

  switch (ended)
    {
    case GESTURE_MOVE:
    case GESTURE_RESIZE:
      gtm_history_end (self->history);
      gtm_scene_set_floating (self->scene, NULL, 0);
      break;

    case GESTURE_PRESS:
      /* A click on one of several selected items picks it alone. */
      if (!self->press_toggles)
        select_item (self, self->press_item, FALSE);
      break;

    case GESTURE_CREATE:
      to_board (self, self->press_x + dx, self->press_y + dy, &bx, &by);
      gtm_board_view_insert (self, self->tool, bx, by);
      gtm_board_view_set_tool (self, GTM_TOOL_SELECT);
      break;

    case GESTURE_CONNECT:
      finish_connect (self);
      break;

    case GESTURE_RUBBER_BAND:
      /* A click on a frame's body, which began a rubber band. */
      if (self->press_item != NULL && hypot (dx, dy) < DRAG_THRESHOLD)
        select_item (self, self->press_item, self->press_toggles);
      break;

    case GESTURE_PAN:
    case GESTURE_NONE:
    default:
      break;
    }

  g_clear_object (&self->press_item);
  g_clear_object (&self->connect_target);
  g_clear_pointer (&self->band_base, g_ptr_array_unref);
  g_ptr_array_set_size (self->moving, 0);
  update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                GtmBoardView     *self)
{
  if (self->gesture == GESTURE_MOVE || self->gesture == GESTURE_RESIZE)
    {
      gtm_history_end (self->history);
      gtm_scene_set_floating (self->scene, NULL, 0);
    }
  self->gesture = GESTURE_NONE;
  g_clear_object (&self->press_item);
  g_clear_object (&self->connect_target);
  g_clear_pointer (&self->band_base, g_ptr_array_unref);
  update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Double-click: edit an item's text, or put a sticky note on empty space. */
static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GtmBoardView    *self)
{
  GtmItem *hit;
  double bx, by;

  if (n_press != 2 || self->board == NULL || self->tool != GTM_TOOL_SELECT)
    return;

  hit = item_at (self, x, y);
  if (hit != NULL)
    {
      select_item (self, hit, FALSE);
      begin_text_editing (self, hit, FALSE);
      return;
    }

  to_board (self, x, y, &bx, &by);
  gtm_board_view_insert (self, GTM_TOOL_NOTE, bx, by);
}

/* Right-click: the context menu at the pointer, for the item under it. */
static void
show_context_menu (GtmBoardView *self,
                   double        x,
                   double        y)
{
  GtkWidget *popover;
  GMenuModel *model;
  g_autoptr(GtkBuilder) builder = NULL;

  builder = gtk_builder_new_from_resource ("/io/github/gtmstudio/GtmStudio/gtm-board-view-menu.ui");
  model = G_MENU_MODEL (gtk_builder_get_object (builder, "context_menu"));
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      GtmBoardView    *self)
{
  GtmItem *hit;

  if (self->board == NULL)
    return;

  end_text_editing (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  hit = item_at (self, x, y);
  if (hit != NULL && !gtm_selection_contains (self->selection, hit))
    select_item (self, hit, FALSE);
  else if (hit == NULL)
    gtm_selection_clear (self->selection);

  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
  show_context_menu (self, x, y);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           GtmBoardView             *self)
{
  GdkModifierType state;
  GdkScrollUnit unit;
  double old_zoom = self->viewport.zoom;

  if (self->board == NULL)
    return FALSE;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  unit = gtk_event_controller_scroll_get_unit (controller);

  if (state & GDK_CONTROL_MASK)
    {
      double factor = pow (unit == GDK_SCROLL_UNIT_WHEEL ? WHEEL_ZOOM_FACTOR : SMOOTH_ZOOM_FACTOR, -dy);
      double anchor_x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      double anchor_y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

      if (self->has_pointer)
        {
          anchor_x = self->pointer_x;
          anchor_y = self->pointer_y;
        }

      if (gtm_viewport_zoom_at (&self->viewport, self->viewport.zoom * factor, anchor_x, anchor_y))
        {
          zoom_step (self);
          viewport_changed (self, old_zoom);
        }
      return TRUE;
    }

  if (unit == GDK_SCROLL_UNIT_WHEEL)
    {
      dx *= WHEEL_PAN_STEP;
      dy *= WHEEL_PAN_STEP;
    }

  if ((state & GDK_SHIFT_MASK) && dx == 0.0)
    {
      dx = dy;
      dy = 0.0;
    }

  gtm_viewport_pan (&self->viewport, -dx, -dy);
  viewport_changed (self, old_zoom);

  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           GtmBoardView             *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;

  if (self->gesture == GESTURE_NONE && self->tool == GTM_TOOL_SELECT && !self->space_down)
    update_cursor (self);
}

static void
on_leave (GtkEventControllerMotion *controller,
          GtmBoardView             *self)
{
  self->has_pointer = FALSE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               GtmBoardView     *self)
{
  self->pinch_start_zoom = self->viewport.zoom;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       GtmBoardView   *self)
{
  double old_zoom = self->viewport.zoom;
  double x, y;

  if (self->board == NULL)
    return;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  if (gtm_viewport_zoom_at (&self->viewport, self->pinch_start_zoom * scale, x, y))
    {
      zoom_step (self);
      viewport_changed (self, old_zoom);
    }
}

/* Keyboard */

static const struct
{
  guint   keyval;
  GtmTool tool;
} tool_keys[] = {
  { GDK_KEY_v, GTM_TOOL_SELECT },
  { GDK_KEY_n, GTM_TOOL_NOTE },
  { GDK_KEY_t, GTM_TOOL_TEXT_BOX },
  { GDK_KEY_r, GTM_TOOL_RECTANGLE },
  { GDK_KEY_u, GTM_TOOL_ROUNDED_RECTANGLE },
  { GDK_KEY_o, GTM_TOOL_ELLIPSE },
  { GDK_KEY_d, GTM_TOOL_DIAMOND },
  { GDK_KEY_f, GTM_TOOL_FRAME },
  { GDK_KEY_c, GTM_TOOL_CONNECTOR },
};

/* Tab walks the items in z-order; past the last one it lets the focus
 * leave the canvas. */
static gboolean
select_next (GtmBoardView *self,
             gboolean      backwards)
{
  GListModel *items = gtm_board_get_items (self->board);
  guint n_items = g_list_model_get_n_items (items);
  GtmItem * const *selected;
  guint n_selected;
  int position;
  g_autoptr(GtmItem) next = NULL;

  selected = get_selected (self, &n_selected);
  if (n_selected == 0)
    position = backwards ? (int) n_items - 1 : 0;
  else
    position = gtm_spatial_index_get_z (self->index, selected[backwards ? 0 : n_selected - 1]) +
               (backwards ? -1 : 1);

  if (position < 0 || position >= (int) n_items)
    {
      gtm_selection_clear (self->selection);
      return FALSE;
    }

  next = g_list_model_get_item (items, position);
  gtm_selection_set (self->selection, &next, 1);

  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtmBoardView          *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_SHIFT_MASK);
  double step = (mods & GDK_SHIFT_MASK) ? GTM_NUDGE_STEP_LARGE : GTM_NUDGE_STEP;
  double dx = 0, dy = 0;

  if (self->board == NULL)
    return FALSE;

  if (keyval == GDK_KEY_space && mods == 0)
    {
      self->space_down = TRUE;
      update_cursor (self);
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Escape:
      if (self->gesture != GESTURE_NONE)
        return TRUE;
      if (self->tool != GTM_TOOL_SELECT)
        gtm_board_view_set_tool (self, GTM_TOOL_SELECT);
      else
        gtm_selection_clear (self->selection);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->tool != GTM_TOOL_SELECT)
        {
          double x, y;

          gtm_board_view_get_center (self, &x, &y);
          gtm_board_view_insert (self, self->tool, x, y);
          gtm_board_view_set_tool (self, GTM_TOOL_SELECT);
          return TRUE;
        }
      return gtm_board_view_edit_text (self);

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if ((mods & ~GDK_SHIFT_MASK) != 0)
        return FALSE;
      return select_next (self, keyval == GDK_KEY_ISO_Left_Tab || (mods & GDK_SHIFT_MASK));

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      dx = -step;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dx = step;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      dy = -step;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      dy = step;
      break;

    default:
      if (mods == 0)
        {
          for (guint i = 0; i < G_N_ELEMENTS (tool_keys); i++)
            {
              if (gdk_keyval_to_lower (keyval) == tool_keys[i].keyval)
                {
                  gtm_board_view_set_tool (self, tool_keys[i].tool);
                  return TRUE;
                }
            }
        }
      return FALSE;
    }

  if ((mods & ~GDK_SHIFT_MASK) != 0)
    return FALSE;

  {
    g_autoptr(GPtrArray) movable = get_movable (self);

    if (movable->len == 0)
      return FALSE;

    gtm_arrange_nudge (self->board, self->history, (GtmItem * const *) movable->pdata,
                       movable->len, dx, dy);
  }

  return TRUE;
}

static void
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtmBoardView          *self)
{
  if (keyval != GDK_KEY_space)
    return;

  self->space_down = FALSE;
  update_cursor (self);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                GtmBoardView            *self)
{
  if (!self->space_down)
    return;

  self->space_down = FALSE;
  update_cursor (self);
}

/* Clipboard */

static void
copy_selection (GtmBoardView *self)
{
  GtmItem * const *items;
  guint n;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *text = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;

  items = get_selected (self, &n);
  if (n == 0)
    return;

  data = gtm_clipboard_serialize (self->board, items, n);
  text = gtm_clipboard_to_text (items, n);
  providers[0] = gdk_content_provider_new_for_bytes (GTM_CLIPBOARD_MIME_TYPE, data);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
}

/* Where pasted things go: under the pointer when it is over the canvas,
 * else in the middle of the view. */
static void
get_paste_point (GtmBoardView *self,
                 double       *x,
                 double       *y)
{
  if (self->has_pointer)
    to_board (self, self->pointer_x, self->pointer_y, x, y);
  else
    gtm_board_view_get_center (self, x, y);
}

typedef struct
{
  GtmBoardView *self;
  double        x;
  double        y;
} PasteData;

static void
paste_data_free (PasteData *data)
{
  g_object_unref (data->self);
  g_free (data);
}

static void
on_image_imported (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PasteData *data = user_data;
  GtmBoardView *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GtmItem) item = NULL;
  int width, height;

  png = gtm_image_import_file_finish (result, &width, &height, &error);
  if (png != NULL && self->board != NULL)
    item = gtm_image_import_item_from_png (png, data->x, data->y, &error);

  if (item != NULL)
    add_and_select (self, item);
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtm_window_show_error_for (GTK_WIDGET (self), _("Could not add the image"), error);

  paste_data_free (data);
}

static void
import_image_file (GtmBoardView *self,
                   GFile        *file,
                   double        x,
                   double        y)
{
  PasteData *data = g_new0 (PasteData, 1);

  data->self = g_object_ref (self);
  data->x = x;
  data->y = y;
  gtm_image_import_file_async (file, NULL, on_image_imported, data);
}

static void
add_image_bytes (GtmBoardView *self,
                 GBytes       *bytes,
                 double        x,
                 double        y)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmItem) item = gtm_image_import_item (bytes, x, y, &error);

  if (item == NULL)
    gtm_window_show_error_for (GTK_WIDGET (self), _("Could not add the image"), error);
  else
    add_and_select (self, item);
}

static void
on_paste_text (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PasteData *data = user_data;
  GtmBoardView *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  gboolean truncated = FALSE;

  if (text != NULL && self->board != NULL)
    select_new (self, gtm_clipboard_paste_text (self->board, self->history, text,
                                                data->x, data->y, &truncated, &error));

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtm_window_show_error_for (GTK_WIDGET (self), _("Could not paste"), error);
  else if (truncated)
    {
      g_autoptr(GError) note = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                            _("Pasted text becomes at most %d notes of at most %d characters each; the rest was left out."),
                                            GTM_CLIPBOARD_MAX_TEXT_NOTES, GTM_CLIPBOARD_MAX_NOTE_CHARS);
      gtm_window_show_error_for (GTK_WIDGET (self), _("The pasted text was shortened"), note);
    }

  paste_data_free (data);
}

static void
on_paste_texture (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PasteData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);

  if (texture != NULL && data->self->board != NULL)
    {
      g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (texture);

      add_image_bytes (data->self, png, data->x, data->y);
    }
  else if (error != NULL)
    gtm_window_show_error_for (GTK_WIDGET (data->self), _("Could not paste the image"), error);

  paste_data_free (data);
}

static void
on_paste_spliced (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PasteData *data = user_data;
  GtmBoardView *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) >= 0)
    bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));

  if (bytes != NULL && self->board != NULL)
    select_new (self, gtm_clipboard_paste (self->board, self->history, bytes,
                                           data->x, data->y, &error));

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtm_window_show_error_for (GTK_WIDGET (self), _("Could not paste"), error);

  paste_data_free (data);
}

/* Read without blocking: when this process owns the clipboard, the data
 * is written from the main loop. */
static void
on_paste_items (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PasteData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  if (stream == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtm_window_show_error_for (GTK_WIDGET (data->self), _("Could not paste"), error);
      paste_data_free (data);
      return;
    }

  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_paste_spliced, data);
}

static void
paste (GtmBoardView *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  PasteData *data = g_new0 (PasteData, 1);

  data->self = g_object_ref (self);
  get_paste_point (self, &data->x, &data->y);

  if (gdk_content_formats_contain_mime_type (formats, GTM_CLIPBOARD_MIME_TYPE))
    gdk_clipboard_read_async (clipboard, (const char *[]) { GTM_CLIPBOARD_MIME_TYPE, NULL },
                              G_PRIORITY_DEFAULT, NULL, on_paste_items, data);
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE))
    gdk_clipboard_read_texture_async (clipboard, NULL, on_paste_texture, data);
  else if (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    gdk_clipboard_read_text_async (clipboard, NULL, on_paste_text, data);
  else
    paste_data_free (data);
}

/* Drag and drop onto the canvas */

static gboolean
is_project_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".gtm");
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtmBoardView  *self)
{
  double bx, by;

  if (self->board == NULL)
    return FALSE;

  to_board (self, x, y, &bx, &by);

  if (G_VALUE_HOLDS (value, GTM_TYPE_TOOL))
    {
      GtmItem *item = gtm_board_view_insert (self, g_value_get_enum (value), bx, by);

      gtk_widget_grab_focus (self->text_view != NULL ? self->text_view : GTK_WIDGET (self));
      return item != NULL;
    }

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GApplication *app = g_application_get_default ();
      guint i = 0;

      for (GSList *l = files; l != NULL; l = l->next, i++)
        {
          /* Projects open as they would dropped anywhere else; the rest
           * are images, fanned out a little. */
          if (is_project_file (l->data) && GTM_IS_APPLICATION (app))
            gtm_application_open_file (GTM_APPLICATION (app), l->data,
                                       GTM_IS_WINDOW (root) ? GTM_WINDOW (root) : NULL);
          else
            import_image_file (self, l->data, bx + i * 24, by + i * 24);
        }
      g_slist_free (files);
      return TRUE;
    }

  /* A persona dragged from the sidebar: its card. */
  if (G_VALUE_HOLDS (value, GTM_TYPE_PERSONA))
    {
      GtmNode *persona = g_value_get_object (value);
      g_autoptr(GtmItem) card = NULL;

      if (persona == NULL || gtm_node_get_root (persona) != gtm_node_get_root (GTM_NODE (self->board)))
        return FALSE;

      card = gtm_persona_card_new (round (bx - GTM_PERSONA_CARD_WIDTH / 2.0),
                                   round (by - GTM_PERSONA_CARD_HEIGHT / 2.0),
                                   gtm_node_get_id (persona));
      end_text_editing (self);
      add_and_select (self, card);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return TRUE;
    }

  if (G_VALUE_HOLDS (value, GDK_TYPE_TEXTURE))
    {
      g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (g_value_get_object (value));

      add_image_bytes (self, png, bx, by);
      return TRUE;
    }

  return FALSE;
}

/* Actions */

static gboolean
item_is_grouped (GtmItem *item)
{
  return *gtm_item_get_group (item) != '\0';
}

static gboolean
item_is_locked (GtmItem *item)
{
  return gtm_item_get_locked (item);
}

static gboolean
any_selected (GtmBoardView *self,
              gboolean    (*test) (GtmItem *item))
{
  GtmItem * const *items;
  guint n;

  items = get_selected (self, &n);
  for (guint i = 0; i < n; i++)
    {
      if (test (items[i]))
        return TRUE;
    }

  return FALSE;
}

/* FALSE for an empty selection. */
static gboolean
all_selected (GtmBoardView *self,
              gboolean    (*test) (GtmItem *item))
{
  GtmItem * const *items;
  guint n;

  items = get_selected (self, &n);
  for (guint i = 0; i < n; i++)
    {
      if (!test (items[i]))
        return FALSE;
    }

  return n > 0;
}

static void
update_actions (GtmBoardView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = self->selection != NULL ? gtm_selection_get_n_items (self->selection) : 0;
  gboolean has_board = self->board != NULL;

  gtk_widget_action_set_enabled (widget, "canvas.copy", n > 0);
  gtk_widget_action_set_enabled (widget, "canvas.cut", n > 0);
  gtk_widget_action_set_enabled (widget, "canvas.delete", n > 0);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate", n > 0);
  gtk_widget_action_set_enabled (widget, "canvas.paste", has_board);
  gtk_widget_action_set_enabled (widget, "canvas.select-all", has_board);
  gtk_widget_action_set_enabled (widget, "canvas.align", n > 1);
  gtk_widget_action_set_enabled (widget, "canvas.distribute", n > 2);
  gtk_widget_action_set_enabled (widget, "canvas.order", n > 0);
  gtk_widget_action_set_enabled (widget, "canvas.group", n > 1);
  gtk_widget_action_set_enabled (widget, "canvas.ungroup", any_selected (self, item_is_grouped));
  gtk_widget_action_set_enabled (widget, "canvas.lock", !all_selected (self, item_is_locked));
  gtk_widget_action_set_enabled (widget, "canvas.unlock", any_selected (self, item_is_locked));
  gtk_widget_action_set_enabled (widget, "canvas.edit-text", n == 1);
  gtk_widget_action_set_enabled (widget, "canvas.insert-link",
                                 self->text_view != NULL ||
                                 (n == 1 && item_has_text (gtm_selection_get_single (self->selection)) &&
                                  !gtm_item_get_locked (gtm_selection_get_single (self->selection))));
  gtk_widget_action_set_enabled (widget, "canvas.connect", n > 1);
}

/* The position in @names (NULL-terminated, in the order of an enum) of
 * the string @parameter, or -1. */
static int
parameter_index (GVariant           *parameter,
                 const char * const *names)
{
  const char *name = g_variant_get_string (parameter, NULL);

  for (int i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (name, names[i]))
        return i;
    }

  return -1;
}

static void
action_copy (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  copy_selection (GTM_BOARD_VIEW (widget));
}

static void
action_cut (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);

  copy_selection (self);
  gtm_selection_delete (self->selection, self->history);
}

static void
action_paste (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  paste (GTM_BOARD_VIEW (widget));
}

static void
action_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);

  gtm_selection_delete (self->selection, self->history);
}

static void
action_duplicate (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);
  g_autoptr(GError) error = NULL;
  GtmItem * const *items;
  GPtrArray *copies;
  guint n;

  items = get_selected (self, &n);
  if (n == 0)
    return;

  copies = gtm_clipboard_duplicate (self->board, self->history, items, n, &error);
  if (copies == NULL && error != NULL)
    gtm_window_show_error_for (GTK_WIDGET (self), _("Could not duplicate"), error);
  select_new (self, copies);
}

static void
action_select_all (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);

  if (self->selection != NULL)
    gtm_selection_select_all (self->selection);
}

static void
action_align (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);
  static const char * const names[] = { "left", "center", "right", "top", "middle", "bottom", NULL };
  int how = parameter_index (parameter, names);
  GtmItem * const *items;
  guint n;

  items = get_selected (self, &n);
  if (how >= 0)
    gtm_arrange_align (self->board, self->history, items, n, (GtmArrangeAlign) how);
}

static void
action_distribute (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);
  gboolean vertical = g_str_equal (g_variant_get_string (parameter, NULL), "vertical");
  GtmItem * const *items;
  guint n;

  items = get_selected (self, &n);
  gtm_arrange_distribute (self->board, self->history, items, n,
                          vertical ? GTM_ARRANGE_VERTICAL : GTM_ARRANGE_HORIZONTAL);
}

static void
action_order (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);
  static const char * const names[] = { "forward", "backward", "front", "back", NULL };
  int how = parameter_index (parameter, names);
  GtmItem * const *items;
  guint n;

  items = get_selected (self, &n);
  if (how >= 0)
    gtm_arrange_reorder (self->board, self->history, items, n, (GtmArrangeOrder) how);
}

static void
action_group (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);
  GtmItem * const *items;
  guint n;

  items = get_selected (self, &n);
  if (g_str_equal (action_name, "canvas.group"))
    gtm_arrange_group (self->board, self->history, items, n);
  else
    gtm_arrange_ungroup (self->board, self->history, items, n);
}

static void
action_lock (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);
  GtmItem * const *items;
  guint n;

  items = get_selected (self, &n);
  gtm_arrange_set_locked (self->board, self->history, items, n,
                          g_str_equal (action_name, "canvas.lock"));
}

static void
action_edit_text (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtm_board_view_edit_text (GTM_BOARD_VIEW (widget));
}

/* Editing or not, the chooser opens at the text cursor: a new editor's
 * cursor is at the end of the text. */
static void
action_insert_link (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);

  if (self->text_view == NULL && !gtm_board_view_edit_text (self))
    return;

  if (gtk_widget_get_width (self->text_view) > 0)
    popup_link_chooser (self);
  else
    gtk_widget_add_tick_callback (self->text_view, popup_link_chooser_tick, self, NULL);
}

static void
action_connect (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);
  double x, y;

  gtm_board_view_get_center (self, &x, &y);
  gtm_board_view_insert (self, GTM_TOOL_CONNECTOR, x, y);
}

static void
action_insert (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);
  GEnumClass *tools = g_type_class_ref (GTM_TYPE_TOOL);
  GEnumValue *value = g_enum_get_value_by_nick (tools, g_variant_get_string (parameter, NULL));
  double x, y;

  if (value != NULL)
    {
      get_paste_point (self, &x, &y);
      gtm_board_view_insert (self, value->value, x, y);
    }
  g_type_class_unref (tools);
}

static void
action_menu_popup (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);
  GtmItem * const *items;
  GtmRect bounds, rect;
  guint n;

  items = get_selected (self, &n);
  if (n > 0 && gtm_spatial_index_get_bounds (self->index, items[n - 1], &bounds))
    {
      widget_rect (self, &bounds, &rect);
      show_context_menu (self, rect.x + rect.width / 2, rect.y + rect.height / 2);
    }
  else
    {
      show_context_menu (self, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
    }
}

/* GtkWidget */

static void
gtm_board_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);

  if (width > 0 && height > 0)
    {
      if (self->needs_fit || (self->fitted && (width != self->last_width || height != self->last_height)))
        {
          fit_now (self);
        }
      else if (self->last_width > 0 && self->last_height > 0)
        {
          /* Keep what was in the middle in the middle. */
          gtm_viewport_pan (&self->viewport,
                            (width - self->last_width) / 2.0,
                            (height - self->last_height) / 2.0);
        }

      self->last_width = width;
      self->last_height = height;
    }

  allocate_editor (self);
  if (self->link_chooser != NULL)
    gtk_popover_present (GTK_POPOVER (self->link_chooser));
}

static void
gtm_board_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = 120;
  *natural = 640;
}

/* GObject */

static void
gtm_board_view_dispose (GObject *object)
{
  GtmBoardView *self = GTM_BOARD_VIEW (object);
  GHashTableIter iter;
  gpointer board;

  gtm_board_view_set_document (self, NULL, NULL, NULL);
  g_clear_pointer (&self->link_chooser, gtk_widget_unparent);

  g_hash_table_iter_init (&iter, self->viewports);
  while (g_hash_table_iter_next (&iter, &board, NULL))
    g_object_weak_unref (board, on_board_finalized, self);
  g_hash_table_remove_all (self->viewports);

  G_OBJECT_CLASS (gtm_board_view_parent_class)->dispose (object);
}

static void
gtm_board_view_finalize (GObject *object)
{
  GtmBoardView *self = GTM_BOARD_VIEW (object);

  g_clear_pointer (&self->viewports, g_hash_table_unref);
  g_clear_pointer (&self->moving, g_ptr_array_unref);
  g_clear_pointer (&self->moving_rects, g_array_unref);
  g_clear_pointer (&self->others, g_array_unref);

  G_OBJECT_CLASS (gtm_board_view_parent_class)->finalize (object);
}

static void
gtm_board_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GtmBoardView *self = GTM_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->viewport.zoom);
      break;

    case PROP_TOOL:
      g_value_set_enum (value, self->tool);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtm_board_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GtmBoardView *self = GTM_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      gtm_board_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_TOOL:
      gtm_board_view_set_tool (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtm_board_view_class_init (GtmBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtm_board_view_dispose;
  object_class->finalize = gtm_board_view_finalize;
  object_class->get_property = gtm_board_view_get_property;
  object_class->set_property = gtm_board_view_set_property;

  widget_class->size_allocate = gtm_board_view_size_allocate;
  widget_class->snapshot = gtm_board_view_snapshot;
  widget_class->measure = gtm_board_view_measure;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         GTM_TYPE_BOARD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         GTM_VIEWPORT_ZOOM_MIN, GTM_VIEWPORT_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TOOL] =
    g_param_spec_enum ("tool", NULL, NULL,
                       GTM_TYPE_TOOL, GTM_TOOL_SELECT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, action_cut);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, action_paste);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, action_duplicate);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, action_select_all);
  gtk_widget_class_install_action (widget_class, "canvas.align", "s", action_align);
  gtk_widget_class_install_action (widget_class, "canvas.distribute", "s", action_distribute);
  gtk_widget_class_install_action (widget_class, "canvas.order", "s", action_order);
  gtk_widget_class_install_action (widget_class, "canvas.group", NULL, action_group);
  gtk_widget_class_install_action (widget_class, "canvas.ungroup", NULL, action_group);
  gtk_widget_class_install_action (widget_class, "canvas.lock", NULL, action_lock);
  gtk_widget_class_install_action (widget_class, "canvas.unlock", NULL, action_lock);
  gtk_widget_class_install_action (widget_class, "canvas.edit-text", NULL, action_edit_text);
  gtk_widget_class_install_action (widget_class, "canvas.connect", NULL, action_connect);
  gtk_widget_class_install_action (widget_class, "canvas.insert-link", NULL, action_insert_link);
  gtk_widget_class_install_action (widget_class, "canvas.insert", "s", action_insert);
  gtk_widget_class_install_action (widget_class, "menu.popup", NULL, action_menu_popup);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "canvas.group", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.ungroup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketright, GDK_CONTROL_MASK, "canvas.order", "s", "forward");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketleft, GDK_CONTROL_MASK, "canvas.order", "s", "backward");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_braceright, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.order", "s", "front");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_braceleft, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.order", "s", "back");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_ALT_MASK, "canvas.align", "s", "left");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_ALT_MASK, "canvas.align", "s", "center");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_ALT_MASK, "canvas.align", "s", "right");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_ALT_MASK, "canvas.align", "s", "top");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_ALT_MASK, "canvas.align", "s", "middle");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_ALT_MASK, "canvas.align", "s", "bottom");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_H, GDK_ALT_MASK | GDK_SHIFT_MASK, "canvas.distribute", "s", "horizontal");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_V, GDK_ALT_MASK | GDK_SHIFT_MASK, "canvas.distribute", "s", "vertical");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.edit-text", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "canvas.insert-link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "menu.popup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "menu.popup", NULL);

  gtk_widget_class_set_css_name (widget_class, "boardview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gtm_board_view_init (GtmBoardView *self)
{
  GtkEventController *controller;
  GtkGesture *drag, *click;
  GtkDropTarget *drop;

  self->viewports = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->moving = g_ptr_array_new ();
  self->moving_rects = g_array_new (FALSE, FALSE, sizeof (GtmRect));
  self->others = g_array_new (FALSE, FALSE, sizeof (GtmRect));
  gtm_viewport_init (&self->viewport);
  self->needs_fit = TRUE;
  self->print_frame_times = g_getenv ("GTM_FRAME_TIMES") != NULL;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  /* Counts the clicks of the same presses the drag sees. */
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_gesture_group (click, drag);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_zoom_new ();
  g_signal_connect (drag, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (drag, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[]) { GTM_TYPE_TOOL, GDK_TYPE_FILE_LIST, GDK_TYPE_TEXTURE, GTM_TYPE_PERSONA }, 4);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_actions (self);
}

GtkWidget *
gtm_board_view_new (void)
{
  return g_object_new (GTM_TYPE_BOARD_VIEW, NULL);
}

/**
 * gtm_board_view_get_board:
 *
 * Returns: (transfer none) (nullable): the board shown
 */
GtmBoard *
gtm_board_view_get_board (GtmBoardView *self)
{
  g_return_val_if_fail (GTM_IS_BOARD_VIEW (self), NULL);

  return self->board;
}

void
gtm_board_view_set_document (GtmBoardView *self,
                             GtmBoard     *board,
                             GtmHistory   *history,
                             GtmSelection *selection)
{
  GtmViewport *saved;
  double old_zoom;

  g_return_if_fail (GTM_IS_BOARD_VIEW (self));
  g_return_if_fail (!board || GTM_IS_BOARD (board));
  g_return_if_fail (!board || GTM_IS_HISTORY (history));
  g_return_if_fail (!board || (GTM_IS_SELECTION (selection) &&
                               gtm_selection_get_board (selection) == board));

  end_text_editing (self);
  if (self->zoom_settle_id != 0)
    {
      g_clear_handle_id (&self->zoom_settle_id, g_source_remove);
      gtm_scene_set_zooming (self->scene, FALSE);
    }

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_history_applied, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_swapped (history, "applied", G_CALLBACK (on_history_applied), self);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_swapped (selection, "changed", G_CALLBACK (on_selection_changed), self);

  if (self->board == board)
    {
      update_actions (self);
      return;
    }

  remember_viewport (self);

  if (self->board != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->board, on_board_changed, self);
      g_signal_handlers_disconnect_by_func (self->board, on_board_notify_name, self);
      g_clear_object (&self->index);
      g_clear_object (&self->scene);
      g_clear_object (&self->texture);
      g_clear_object (&self->board);
    }

  old_zoom = self->viewport.zoom;

  if (board != NULL)
    {
      self->board = g_object_ref (board);
      self->index = gtm_spatial_index_new (board);
      self->scene = gtm_scene_new (board);
      g_signal_connect_swapped (board, "changed", G_CALLBACK (on_board_changed), self);
      g_signal_connect_swapped (board, "notify::name", G_CALLBACK (on_board_notify_name), self);
      on_board_notify_name (self);

      saved = g_hash_table_lookup (self->viewports, board);
      if (saved != NULL)
        {
          self->viewport = *saved;
          self->needs_fit = FALSE;
          self->fitted = FALSE;
        }
      else
        {
          self->needs_fit = TRUE;
          if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 &&
              gtk_widget_get_height (GTK_WIDGET (self)) > 0)
            fit_now (self);
        }
    }

  update_actions (self);
  notify_viewport (self, old_zoom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

/**
 * gtm_board_view_get_selection:
 *
 * Returns: (transfer none) (nullable): the selection shown
 */
GtmSelection *
gtm_board_view_get_selection (GtmBoardView *self)
{
  g_return_val_if_fail (GTM_IS_BOARD_VIEW (self), NULL);

  return self->selection;
}

GtmTool
gtm_board_view_get_tool (GtmBoardView *self)
{
  g_return_val_if_fail (GTM_IS_BOARD_VIEW (self), GTM_TOOL_SELECT);

  return self->tool;
}

void
gtm_board_view_set_tool (GtmBoardView *self,
                         GtmTool       tool)
{
  g_return_if_fail (GTM_IS_BOARD_VIEW (self));
  g_return_if_fail (tool <= GTM_TOOL_CONNECTOR);

  if (self->tool == tool)
    return;

  self->tool = tool;
  update_cursor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

void
gtm_board_view_get_center (GtmBoardView *self,
                           double       *board_x,
                           double       *board_y)
{
  g_return_if_fail (GTM_IS_BOARD_VIEW (self));

  to_board (self,
            gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
            gtk_widget_get_height (GTK_WIDGET (self)) / 2.0,
            board_x, board_y);
}

/**
 * gtm_board_view_insert:
 *
 * Returns: (transfer none) (nullable): the new item
 */
GtmItem *
gtm_board_view_insert (GtmBoardView *self,
                       GtmTool       tool,
                       double        x,
                       double        y)
{
  g_autoptr(GtmItem) item = NULL;

  g_return_val_if_fail (GTM_IS_BOARD_VIEW (self), NULL);

  if (self->board == NULL || (item = create_item (self, tool)) == NULL)
    return NULL;

  end_text_editing (self);

  if (!GTM_IS_CONNECTOR (item))
    g_object_set (item,
                  "x", round (x - gtm_item_get_width (item) / 2.0),
                  "y", round (y - gtm_item_get_height (item) / 2.0),
                  NULL);

  add_and_select (self, item);
  if (GTM_IS_NOTE (item) || GTM_IS_TEXT_BOX (item))
    begin_text_editing (self, item, TRUE);

  return item;
}

gboolean
gtm_board_view_edit_text (GtmBoardView *self)
{
  GtmItem *item;

  g_return_val_if_fail (GTM_IS_BOARD_VIEW (self), FALSE);

  item = self->selection != NULL ? gtm_selection_get_single (self->selection) : NULL;

  return item != NULL && begin_text_editing (self, item, FALSE);
}

void
gtm_board_view_show_item (GtmBoardView *self,
                          GtmItem      *item)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  GtmRect bounds, rect;
  double old_zoom;

  g_return_if_fail (GTM_IS_BOARD_VIEW (self));
  g_return_if_fail (GTM_IS_ITEM (item));

  if (self->board == NULL || gtm_node_get_parent (GTM_NODE (item)) != GTM_NODE (self->board))
    return;

  end_text_editing (self);
  gtm_selection_set (self->selection, &item, 1);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  /* A board seen for the first time is fitted whole. */
  if (self->needs_fit || width <= 0 || height <= 0 ||
      !gtm_spatial_index_get_bounds (self->index, item, &bounds))
    return;

  widget_rect (self, &bounds, &rect);
  if (rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= width && rect.y + rect.height <= height)
    return;

  old_zoom = self->viewport.zoom;
  gtm_viewport_pan (&self->viewport,
                    round (width / 2.0 - (rect.x + rect.width / 2.0)),
                    round (height / 2.0 - (rect.y + rect.height / 2.0)));
  viewport_changed (self, old_zoom);
}

void
gtm_board_view_set_fit_inset (GtmBoardView *self,
                              int           inset)
{
  g_return_if_fail (GTM_IS_BOARD_VIEW (self));

  self->fit_inset = MAX (inset, 0);
}

double
gtm_board_view_get_zoom (GtmBoardView *self)
{
  g_return_val_if_fail (GTM_IS_BOARD_VIEW (self), 1.0);

  return self->viewport.zoom;
}

void
gtm_board_view_set_zoom (GtmBoardView *self,
                         double        zoom)
{
  double old_zoom;

  g_return_if_fail (GTM_IS_BOARD_VIEW (self));

  old_zoom = self->viewport.zoom;
  self->needs_fit = FALSE;
  if (gtm_viewport_zoom_at (&self->viewport, zoom,
                            gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                            gtk_widget_get_height (GTK_WIDGET (self)) / 2.0))
    viewport_changed (self, old_zoom);
}

void
gtm_board_view_zoom_in (GtmBoardView *self)
{
  g_return_if_fail (GTM_IS_BOARD_VIEW (self));

  gtm_board_view_set_zoom (self, gtm_viewport_zoom_level_above (self->viewport.zoom));
}

void
gtm_board_view_zoom_out (GtmBoardView *self)
{
  g_return_if_fail (GTM_IS_BOARD_VIEW (self));

  gtm_board_view_set_zoom (self, gtm_viewport_zoom_level_below (self->viewport.zoom));
}

void
gtm_board_view_zoom_fit (GtmBoardView *self)
{
  g_return_if_fail (GTM_IS_BOARD_VIEW (self));

  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 &&
      gtk_widget_get_height (GTK_WIDGET (self)) > 0)
    fit_now (self);
  else
    self->needs_fit = TRUE;
}

void
gtm_board_view_to_board (GtmBoardView *self,
                         double        widget_x,
                         double        widget_y,
                         double       *board_x,
                         double       *board_y)
{
  g_return_if_fail (GTM_IS_BOARD_VIEW (self));

  gtm_viewport_to_board (&self->viewport, widget_x, widget_y, board_x, board_y);
}

void
gtm_board_view_to_widget (GtmBoardView *self,
                          double        board_x,
                          double        board_y,
                          double       *widget_x,
                          double       *widget_y)
{
  g_return_if_fail (GTM_IS_BOARD_VIEW (self));

  gtm_viewport_to_widget (&self->viewport, board_x, board_y, widget_x, widget_y);
}

guint
gtm_board_view_get_n_draws (GtmBoardView *self)
{
  g_return_val_if_fail (GTM_IS_BOARD_VIEW (self), 0);

  return self->n_draws;
}

