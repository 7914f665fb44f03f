/* gtm-board-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-board-view"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "gtm-board-view.h"
#include "gtm-core.h"

/* Space around the items when fitting a board into the view. */
#define FIT_MARGIN 48.0
/* Pixels panned per notch of a mouse wheel. */
#define WHEEL_PAN_STEP 48.0
/* Zoom factor per notch of a mouse wheel, and per pixel of smooth
 * (touchpad) scrolling, with Ctrl held. */
#define WHEEL_ZOOM_FACTOR 1.2
#define SMOOTH_ZOOM_FACTOR 1.01

struct _GtmBoardView
{
  GtkWidget    parent_instance;

  GtmBoard    *board;
  gulong       changed_id;
  GtmHistory  *history;
  GtmSelection *selection;
  GtmTool      tool;

  GtmViewport  viewport;
  /* The viewport of each board shown before, so switching back to a board
   * shows it as the user left it. Keys are weak: GtmBoard* → GtmViewport*. */
  GHashTable  *viewports;
  gboolean     needs_fit;
  /* Showing the whole board as fitted, untouched since: a resize fits
   * again, as an image viewer's best-fit mode does. */
  gboolean     fitted;
  int          last_width;
  int          last_height;

  double       pointer_x;
  double       pointer_y;
  gboolean     has_pointer;

  gboolean     space_down;
  gboolean     panning;
  double       pan_start_x;
  double       pan_start_y;

  double       pinch_start_zoom;

  guint        n_draws;
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

static void
update_cursor (GtmBoardView *self)
{
  if (self->panning)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  else if (self->space_down)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
  else
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

/* Call after changing self->viewport. */
static void
notify_viewport (GtmBoardView *self,
                 double        old_zoom)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->viewport.zoom != old_zoom)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
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
      gtm_viewport_fit (&self->viewport,
                        bounds.x, bounds.y, bounds.width, bounds.height,
                        width, height, FIT_MARGIN);
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
on_board_changed (GtmBoardView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

/* Input */

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
        viewport_changed (self, old_zoom);
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
}

static void
on_leave (GtkEventControllerMotion *controller,
          GtmBoardView             *self)
{
  self->has_pointer = FALSE;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               GtmBoardView   *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == GDK_BUTTON_PRIMARY)
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (self->board == NULL ||
      !(button == GDK_BUTTON_MIDDLE || (button == GDK_BUTTON_PRIMARY && self->space_down)))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->panning = TRUE;
  self->pan_start_x = self->viewport.offset_x;
  self->pan_start_y = self->viewport.offset_y;
  update_cursor (self);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                GtmBoardView   *self)
{
  if (!self->panning)
    return;

  self->viewport.offset_x = self->pan_start_x + offset_x;
  self->viewport.offset_y = self->pan_start_y + offset_y;
  viewport_changed (self, self->viewport.zoom);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             GtmBoardView   *self)
{
  if (!self->panning)
    return;

  self->panning = FALSE;
  update_cursor (self);
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
    viewport_changed (self, old_zoom);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtmBoardView          *self)
{
  if (keyval != GDK_KEY_space ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  self->space_down = TRUE;
  update_cursor (self);

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
  self->space_down = FALSE;
  update_cursor (self);
}

/* GtkWidget */

static void
gtm_board_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);

  GTK_WIDGET_CLASS (gtm_board_view_parent_class)->size_allocate (widget, width, height, baseline);

  if (width <= 0 || height <= 0)
    return;

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

static void
gtm_board_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  GtmBoardView *self = GTM_BOARD_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->board == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, self->viewport.offset_x, self->viewport.offset_y);
  cairo_scale (cr, self->viewport.zoom, self->viewport.zoom);
  gtm_render_board (self->board, cr, GTM_RENDER_BACKGROUND);
  cairo_destroy (cr);

  self->n_draws++;
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
    case PROP_TOOL:
      gtm_board_view_set_tool (self, g_value_get_enum (value));
      break;

    case PROP_ZOOM:
      gtm_board_view_set_zoom (self, g_value_get_double (value));
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

  properties[PROP_TOOL] =
    g_param_spec_enum ("tool", NULL, NULL,
                       GTM_TYPE_TOOL, GTM_TOOL_SELECT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         GTM_VIEWPORT_ZOOM_MIN, GTM_VIEWPORT_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "boardview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gtm_board_view_init (GtmBoardView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->viewports = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  gtm_viewport_init (&self->viewport);
  self->needs_fit = TRUE;

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

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
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

  g_set_object (&self->history, history);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_swapped (selection, "changed", G_CALLBACK (gtk_widget_queue_draw), self);

  if (self->board == board)
    return;

  remember_viewport (self);

  if (self->board != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->board);
      g_signal_handlers_disconnect_by_func (self->board, on_board_notify_name, self);
      g_clear_object (&self->board);
    }

  old_zoom = self->viewport.zoom;

  if (board != NULL)
    {
      self->board = g_object_ref (board);
      self->changed_id = g_signal_connect_swapped (board, "changed",
                                                   G_CALLBACK (on_board_changed), self);
      g_signal_connect_swapped (board, "notify::name",
                                G_CALLBACK (on_board_notify_name), self);
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

  notify_viewport (self, old_zoom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
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

  gtm_viewport_to_board (&self->viewport,
                         gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                         gtk_widget_get_height (GTK_WIDGET (self)) / 2.0,
                         board_x, board_y);
}

/* Sizes of new items, in board units. */
#define NEW_SHAPE_WIDTH  160.0
#define NEW_SHAPE_HEIGHT 100.0
#define NEW_FRAME_WIDTH  640.0
#define NEW_FRAME_HEIGHT 420.0

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
      selected = gtm_selection_get_items (self->selection, &n_selected);
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

  if (!GTM_IS_CONNECTOR (item))
    g_object_set (item,
                  "x", round (x - gtm_item_get_width (item) / 2.0),
                  "y", round (y - gtm_item_get_height (item) / 2.0),
                  NULL);

  gtm_board_add_item (self->board, self->history, item);
  gtm_selection_set (self->selection, &item, 1);
  gtm_board_view_edit_text (self);

  return item;
}

gboolean
gtm_board_view_edit_text (GtmBoardView *self)
{
  g_return_val_if_fail (GTM_IS_BOARD_VIEW (self), FALSE);

  return FALSE;
}
