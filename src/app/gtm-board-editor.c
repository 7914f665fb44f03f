/* gtm-board-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-board-editor"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "gtm-board-editor.h"
#include "gtm-outline.h"
#include "gtm-properties-panel.h"

struct _GtmBoardEditor
{
  AdwBin        parent_instance;

  GtmBoardView *view;
  GtkBox       *palette;
  GtkLabel     *zoom_label;
  GtkBox       *properties_page;
  GtmPropertiesPanel *properties_panel;
  GtkBox       *outline_page;
  GtmOutline   *outline;

  GtmSelection *selection;
  /* The palette's toggle of each tool, to show the armed tool. */
  GtkToggleButton *tiles[GTM_TOOL_CONNECTOR + 1];
  gboolean      syncing_tiles;
};

G_DEFINE_FINAL_TYPE (GtmBoardEditor, gtm_board_editor, ADW_TYPE_BIN)

typedef struct
{
  GtmTool     tool;
  const char *icon_name;
  const char *tooltip;
  /* A single key that arms the tool on the canvas, shown in the tooltip. */
  const char *key;
} Tile;

static const Tile tiles[] = {
  { GTM_TOOL_SELECT, "gtm-select-symbolic", N_("Select"), "V" },
  { GTM_TOOL_NOTE, "gtm-note-symbolic", N_("Sticky Note"), "N" },
  { GTM_TOOL_TEXT_BOX, "gtm-text-box-symbolic", N_("Text Box"), "T" },
  { GTM_TOOL_RECTANGLE, "gtm-rectangle-symbolic", N_("Rectangle"), "R" },
  { GTM_TOOL_ROUNDED_RECTANGLE, "gtm-rounded-rectangle-symbolic", N_("Rounded Rectangle"), "U" },
  { GTM_TOOL_ELLIPSE, "gtm-ellipse-symbolic", N_("Ellipse"), "O" },
  { GTM_TOOL_DIAMOND, "gtm-diamond-symbolic", N_("Diamond"), "D" },
  { GTM_TOOL_FRAME, "gtm-frame-symbolic", N_("Frame"), "F" },
  { GTM_TOOL_CONNECTOR, "gtm-connector-symbolic", N_("Connector"), "C" },
};

/* Palette */

static void
on_tile_toggled (GtkToggleButton *button,
                 GtmBoardEditor  *self)
{
  const Tile *tile = g_object_get_data (G_OBJECT (button), "gtm-tile");

  if (self->syncing_tiles || !gtk_toggle_button_get_active (button))
    return;

  gtm_board_view_set_tool (self->view, tile->tool);
}

/* Keyboard activation of a tile (Enter or Space) puts the item in the
 * middle of the view at once: keyboard users have no point to click. A
 * mouse click only arms the tool. */
static void
on_tile_activate (GtkToggleButton *button,
                  GtmBoardEditor  *self)
{
  const Tile *tile = g_object_get_data (G_OBJECT (button), "gtm-tile");
  double x, y;

  if (tile->tool == GTM_TOOL_SELECT || gtm_board_view_get_board (self->view) == NULL)
    return;

  gtm_board_view_get_center (self->view, &x, &y);
  if (gtm_board_view_insert (self->view, tile->tool, x, y) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static GdkContentProvider *
on_tile_drag_prepare (GtkDragSource  *source,
                      double          x,
                      double          y,
                      const Tile     *tile)
{
  return gdk_content_provider_new_typed (GTM_TYPE_TOOL, tile->tool);
}

static void
on_tile_drag_begin (GtkDragSource *source,
                    GdkDrag       *drag,
                    GtkWidget     *button)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (button);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
on_view_notify_tool (GtmBoardEditor *self)
{
  GtmTool tool = gtm_board_view_get_tool (self->view);

  self->syncing_tiles = TRUE;
  gtk_toggle_button_set_active (self->tiles[tool], TRUE);
  self->syncing_tiles = FALSE;
}

static void
build_palette (GtmBoardEditor *self)
{
  GtkToggleButton *group = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      const Tile *tile = &tiles[i];
      GtkWidget *button = gtk_toggle_button_new ();
      g_autofree char *tooltip = NULL;

      gtk_button_set_icon_name (GTK_BUTTON (button), tile->icon_name);
      /* Translators: a tooltip: a tool's name and the key that picks it */
      tooltip = g_strdup_printf (_("%s (%s)"), _(tile->tooltip), tile->key);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(tile->tooltip),
                                      GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, tile->key,
                                      -1);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "gtm-tile", (gpointer) tile);

      if (group == NULL)
        group = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);

      g_signal_connect (button, "toggled", G_CALLBACK (on_tile_toggled), self);

      if (tile->tool != GTM_TOOL_SELECT && tile->tool != GTM_TOOL_CONNECTOR)
        {
          GtkDragSource *source = gtk_drag_source_new ();

          gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
          g_signal_connect (source, "prepare", G_CALLBACK (on_tile_drag_prepare), (gpointer) tile);
          g_signal_connect (source, "drag-begin", G_CALLBACK (on_tile_drag_begin), button);
          gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (source));
          g_signal_connect (button, "activate", G_CALLBACK (on_tile_activate), self);
        }

      self->tiles[tile->tool] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (self->palette, button);
    }

  gtk_toggle_button_set_active (group, TRUE);
}

/* Zoom label */

static gboolean
zoom_to_label (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  /* Translators: a zoom level, e.g. “100%” */
  g_value_take_string (to, g_strdup_printf (_("%d%%"), (int) round (g_value_get_double (from) * 100.0)));
  return TRUE;
}

/* Outline */

/* Enter or a double click on a row: edit that item's text. */
static void
on_outline_activate_item (GtmBoardEditor *self,
                          GtmItem        *item)
{
  gtm_selection_set (self->selection, &item, 1);
  gtm_board_view_edit_text (self->view);
}

/* GObject */

static void
gtm_board_editor_dispose (GObject *object)
{
  GtmBoardEditor *self = GTM_BOARD_EDITOR (object);

  gtm_board_editor_set_board (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GTM_TYPE_BOARD_EDITOR);

  G_OBJECT_CLASS (gtm_board_editor_parent_class)->dispose (object);
}

static void
gtm_board_editor_class_init (GtmBoardEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtm_board_editor_dispose;

  g_type_ensure (GTM_TYPE_BOARD_VIEW);
  g_type_ensure (GTM_TYPE_OUTLINE);
  g_type_ensure (GTM_TYPE_PROPERTIES_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gtmstudio/GtmStudio/gtm-board-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GtmBoardEditor, view);
  gtk_widget_class_bind_template_child (widget_class, GtmBoardEditor, palette);
  gtk_widget_class_bind_template_child (widget_class, GtmBoardEditor, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, GtmBoardEditor, properties_page);
  gtk_widget_class_bind_template_child (widget_class, GtmBoardEditor, properties_panel);
  gtk_widget_class_bind_template_child (widget_class, GtmBoardEditor, outline_page);
  gtk_widget_class_bind_template_child (widget_class, GtmBoardEditor, outline);
}

static void
gtm_board_editor_init (GtmBoardEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_palette (self);
  {
    int width;

    gtk_widget_measure (GTK_WIDGET (self->palette), GTK_ORIENTATION_HORIZONTAL, -1,
                        NULL, &width, NULL, NULL);
    gtm_board_view_set_fit_inset (self->view, width + gtk_widget_get_margin_start (GTK_WIDGET (self->palette)));
  }
  g_signal_connect_swapped (self->view, "notify::tool", G_CALLBACK (on_view_notify_tool), self);
  g_signal_connect_swapped (self->outline, "activate-item", G_CALLBACK (on_outline_activate_item), self);
  g_object_bind_property_full (self->view, "zoom", self->zoom_label, "label",
                               G_BINDING_SYNC_CREATE, zoom_to_label, NULL, NULL, NULL);
}

GtkWidget *
gtm_board_editor_new (void)
{
  return g_object_new (GTM_TYPE_BOARD_EDITOR, NULL);
}

/**
 * gtm_board_editor_get_view:
 *
 * Returns: (transfer none): the canvas
 */
GtmBoardView *
gtm_board_editor_get_view (GtmBoardEditor *self)
{
  g_return_val_if_fail (GTM_IS_BOARD_EDITOR (self), NULL);

  return self->view;
}

/**
 * gtm_board_editor_get_selection:
 *
 * Returns: (transfer none) (nullable): the selection on the board shown
 */
GtmSelection *
gtm_board_editor_get_selection (GtmBoardEditor *self)
{
  g_return_val_if_fail (GTM_IS_BOARD_EDITOR (self), NULL);

  return self->selection;
}

void
gtm_board_editor_set_board (GtmBoardEditor *self,
                            GtmBoard       *board,
                            GtmHistory     *history)
{
  g_return_if_fail (GTM_IS_BOARD_EDITOR (self));
  g_return_if_fail (!board || GTM_IS_BOARD (board));
  g_return_if_fail (!board || GTM_IS_HISTORY (history));

  if (self->selection != NULL && gtm_selection_get_board (self->selection) == board)
    return;

  g_clear_object (&self->selection);
  if (board != NULL)
    self->selection = gtm_selection_new (board);

  if (self->view != NULL)
    gtm_board_view_set_document (self->view, board, history, self->selection);
  if (self->properties_panel != NULL)
    gtm_properties_panel_set_selection (self->properties_panel, self->selection, history);
  if (self->outline != NULL)
    gtm_outline_set_selection (self->outline, self->selection, history);
}
