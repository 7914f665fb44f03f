/* gtm-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-window"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gtm-board-editor.h"
#include "gtm-export-dialog.h"
#include "gtm-links-dialog.h"
#include "gtm-persona.h"
#include "gtm-persona-compare.h"
#include "gtm-persona-avatar.h"
#include "gtm-persona-page.h"
#include "gtm-workbench-page.h"
#include "gtm-window.h"

#define ERROR_TOAST_TIMEOUT 10 /* seconds */

/* Row classes while a board is dragged over a row: where it would land. */
#define DROP_ABOVE "drop-above"
#define DROP_BELOW "drop-below"

struct _GtmWindow
{
  AdwApplicationWindow  parent_instance;

  GtmDocument          *document;
  GSignalGroup         *document_signals;
  GSignalGroup         *history_signals;
  char                 *title_text;

  AdwToast             *error_toast;
  char                 *save_error_heading; /* of the save in flight */

  /* Closing: the pending gtm_window_confirm_close_async() calls (a close
   * and a quit may wait on the same question), the dialog asking it, and
   * whether the save it started decides it. */
  GPtrArray            *close_tasks;
  AdwMessageDialog     *save_changes_dialog;
  gboolean              save_for_close;
  gboolean              close_requested; /* by the user, waiting for the answer */
  gboolean              close_confirmed;

  /* The Save As dialog, and whether a pending close waits for it. */
  GtkFileChooserNative *save_chooser;
  gboolean              save_chooser_for_close;

  /* The board or persona shown. The sidebar's rows are rebuilt when the
   * lists change (a move takes a row out and puts a new one in): this is
   * what the sidebar keeps selected through that. */
  GObject              *shown;
  GListModel           *sidebar_model;
  /* The board or persona the rename popover names. */
  GtmNode              *rename_node;
  /* What was shown when the comparison of personas opened: Back shows it. */
  GObject              *compared_from;
  /* The toast offering to undo a deletion, and the history's state right
   * after that deletion: the undo it offers. */
  AdwToast             *delete_toast;
  guint64               delete_state;
  AdwToast             *going_toast;  /* weak: a dismissed delete toast the overlay still shows going */
  guint                 delete_toast_source; /* adds the delete toast once that one has gone */
  gboolean              delete_toast_added;  /* the delete toast is in the overlay */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwSplitButton       *open_button;
  AdwWindowTitle       *window_title;
  GtkSpinner           *save_spinner;
  GtkPaned             *paned;
  GtkWidget            *sidebar_pane;
  GtkScrolledWindow    *sidebar_scroller;
  GtkListBox           *sidebar;
  GtkPopover           *board_menu_popover;
  GtkPopover           *rename_popover;
  GtkLabel             *rename_title;
  GtkEntry             *rename_entry;
  GtkWidget            *rename_button;
  GtkRevealer          *rename_error_revealer;
  GtkLabel             *rename_error_label;
  GtkStack             *content_stack;
  GtmBoardEditor       *board_editor;
  GtmBoardView         *board_view;
  GtmPersonaPage       *persona_page;
  GtmPersonaCompare    *persona_compare;
  GListStore           *workbench_pages; /* GtmWorkbenchPage, the sidebar's last section */
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GtmWindow, gtm_window, ADW_TYPE_APPLICATION_WINDOW)

static void save_with_chooser (GtmWindow *self,
                               gboolean   for_close);

static GtmApplication *
get_application (GtmWindow *self)
{
  return GTM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static GtmProject *
get_project (GtmWindow *self)
{
  return gtm_document_get_project (self->document);
}

/* The board shown, if it is one of the project's, and its position in the
 * list of boards. */
static GtmBoard *
get_shown_board (GtmWindow *self,
                 guint     *position)
{
  if (!GTM_IS_BOARD (self->shown) ||
      !g_list_store_find (G_LIST_STORE (gtm_project_get_boards (get_project (self))),
                          self->shown, position))
    return NULL;

  return GTM_BOARD (self->shown);
}

/* The persona shown, and its position in the list of personas. */
static GtmPersona *
get_shown_persona (GtmWindow *self,
                   guint     *position)
{
  if (!GTM_IS_PERSONA (self->shown) ||
      !g_list_store_find (G_LIST_STORE (gtm_project_get_personas (get_project (self))),
                          self->shown, position))
    return NULL;

  return GTM_PERSONA (self->shown);
}

/* The project's list that holds nodes like @item: boards or personas. */
static GListModel *
get_list_for (GtmWindow *self,
              GObject   *item)
{
  if (GTM_IS_BOARD (item))
    return gtm_project_get_boards (get_project (self));
  if (GTM_IS_PERSONA (item))
    return gtm_project_get_personas (get_project (self));
  return NULL;
}

/* GTK 4.8 forgets the transient parent of a dialog only when the dialog
 * goes away: a window freed first (closed from the dialog's own response,
 * for one) leaves the dialog pointing at freed memory. The dialog keeps
 * its window alive until then. */
static void
keep_parent_alive (GtkWidget *dialog,
                   GtmWindow *self)
{
  g_object_set_data_full (G_OBJECT (dialog), "gtm-transient-parent",
                          g_object_ref (self), g_object_unref);
}

/* “~/Projects/x.gtm” for a file in the home folder, the full path
 * otherwise. */
static char *
dup_file_location (GFile *file)
{
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = g_file_get_relative_path (home, file);

  if (relative != NULL)
    {
      g_autofree char *display = g_filename_display_name (relative);

      return g_build_filename ("~", display, NULL);
    }

  return g_file_get_parse_name (file);
}

/* Title and actions follow the document */

static void
update_title (GtmWindow *self)
{
  const char *title = gtm_document_get_title (self->document);
  GFile *file = gtm_document_get_file (self->document);
  g_autofree char *subtitle = NULL;

  g_free (self->title_text);
  if (gtm_document_get_modified (self->document))
    /* Translators: the window title of a project with unsaved changes */
    self->title_text = g_strdup_printf (_("• %s"), title);
  else
    self->title_text = g_strdup (title);

  subtitle = file ? dup_file_location (file) : g_strdup (_("Draft"));

  adw_window_title_set_title (self->window_title, self->title_text);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), self->title_text);
}

static void
set_action_enabled (GtmWindow  *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* Undo and redo follow the history's notifications only: in the middle of
 * a step (when the sidebar may already be following the lists) there is
 * nothing to undo or redo. */
static void
update_history_actions (GtmWindow *self)
{
  GtmHistory *history = gtm_document_get_history (self->document);

  set_action_enabled (self, "undo", gtm_history_can_undo (history));
  set_action_enabled (self, "redo", gtm_history_can_redo (history));
}

static void
update_actions (GtmWindow *self)
{
  gboolean saving = gtm_document_get_saving (self->document);
  gboolean board_shown = gtm_board_view_get_board (self->board_view) != NULL &&
                         g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "board") == 0;
  guint n_boards = g_list_model_get_n_items (gtm_project_get_boards (get_project (self)));
  gboolean room = n_boards < GTM_PROJECT_MAX_BOARDS;
  guint position = 0;
  GtmBoard *board = get_shown_board (self, &position);
  guint n_personas;
  GtmPersona *persona;

  set_action_enabled (self, "add-board", room);
  set_action_enabled (self, "rename-board", board != NULL);
  set_action_enabled (self, "duplicate-board", board != NULL && room);
  set_action_enabled (self, "delete-board", board != NULL);
  set_action_enabled (self, "move-board-up", board != NULL && position > 0);
  set_action_enabled (self, "move-board-down", board != NULL && position + 1 < n_boards);

  n_personas = g_list_model_get_n_items (gtm_project_get_personas (get_project (self)));
  persona = get_shown_persona (self, &position);
  room = n_personas < GTM_PROJECT_MAX_ENTRIES;
  set_action_enabled (self, "add-buyer-persona", room);
  set_action_enabled (self, "add-user-persona", room);
  set_action_enabled (self, "rename-persona", persona != NULL);
  set_action_enabled (self, "duplicate-persona", persona != NULL && room);
  set_action_enabled (self, "delete-persona", persona != NULL);
  set_action_enabled (self, "move-persona-up", persona != NULL && position > 0);
  set_action_enabled (self, "move-persona-down", persona != NULL && position + 1 < n_personas);
  set_action_enabled (self, "compare-personas", n_personas >= GTM_PERSONA_COMPARE_MIN_COLUMNS);

  set_action_enabled (self, "save", !saving);
  set_action_enabled (self, "save-as", !saving);
  set_action_enabled (self, "zoom-in", board_shown);
  set_action_enabled (self, "zoom-out", board_shown);
  set_action_enabled (self, "zoom-reset", board_shown);
  set_action_enabled (self, "zoom-fit", board_shown);

  gtk_widget_set_visible (GTK_WIDGET (self->save_spinner), saving);
  gtk_spinner_set_spinning (self->save_spinner, saving);
}

/* Sidebar */

static GObject *
row_get_item (GtkListBoxRow *row)
{
  return row ? g_object_get_data (G_OBJECT (row), "gtm-item") : NULL;
}

static gboolean
persona_kind_to_label (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      user_data)
{
  g_value_set_string (to, gtm_persona_kind_to_label (g_value_get_enum (from)));
  return TRUE;
}

static gboolean
persona_name_to_label (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      user_data)
{
  const char *name = g_value_get_string (from);

  g_value_set_string (to, name && name[0] ? name : _("Unnamed Persona"));
  return TRUE;
}

static gboolean
board_name_to_label (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  const char *name = g_value_get_string (from);

  g_value_set_string (to, name && name[0] ? name : _("Unnamed Board"));
  return TRUE;
}

static GtkWidget *
create_board_row (GtmBoard *board)
{
  GtkWidget *box, *image, *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  image = gtk_image_new_from_icon_name ("x-office-drawing-symbolic");
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  g_object_bind_property_full (board, "name", label, "label", G_BINDING_SYNC_CREATE,
                               board_name_to_label, NULL, NULL, NULL);

  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static GtkWidget *
create_workbench_row (GtmWorkbenchPage *page)
{
  const GtmWorkbenchPageInfo *info = gtm_workbench_page_get_info (page);
  GtkWidget *box, *image, *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  image = gtk_image_new_from_icon_name (info->icon_name);
  label = gtk_label_new (_(info->title));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);

  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static GtkWidget *
create_persona_row (GtmPersona *persona)
{
  GtkWidget *box, *avatar, *labels, *name, *kind;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  avatar = adw_avatar_new (32, NULL, TRUE);
  gtm_persona_avatar_bind (ADW_AVATAR (avatar), persona);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);

  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  g_object_bind_property_full (persona, "name", name, "label", G_BINDING_SYNC_CREATE,
                               persona_name_to_label, NULL, NULL, NULL);

  kind = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (kind), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (kind), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (kind, "row-subtitle");
  gtk_widget_add_css_class (kind, "dim-label");
  g_object_bind_property_full (persona, "kind", kind, "label", G_BINDING_SYNC_CREATE,
                               persona_kind_to_label, NULL, NULL, NULL);

  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), kind);
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), labels);

  return box;
}

/* Reordering boards and personas by drag and drop: a row is dragged as
 * its GtmBoard or GtmPersona and dropped on another row of its kind, above
 * or below its middle. */

static GdkContentProvider *
on_board_drag_prepare (GtkDragSource *source,
                       double         x,
                       double         y,
                       GtmWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GObject *item = row_get_item (GTK_LIST_BOX_ROW (row));

  g_object_set_data (G_OBJECT (source), "gtm-hot-x", GINT_TO_POINTER ((int) x));
  g_object_set_data (G_OBJECT (source), "gtm-hot-y", GINT_TO_POINTER ((int) y));

  return gdk_content_provider_new_typed (G_OBJECT_TYPE (item), item);
}

static void
on_board_drag_begin (GtkDragSource *source,
                     GdkDrag       *drag,
                     GtmWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GtkWidget *icon = gtk_drag_icon_get_for_drag (drag);
  GObject *item = row_get_item (GTK_LIST_BOX_ROW (row));
  GtkWidget *child = GTM_IS_BOARD (item) ? create_board_row (GTM_BOARD (item))
                                         : create_persona_row (GTM_PERSONA (item));

  gtk_widget_set_size_request (child, gtk_widget_get_width (row), gtk_widget_get_height (row));
  gtk_widget_add_css_class (child, "card");
  gtk_widget_add_css_class (child, "board-drag-icon");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (icon), child);
  gdk_drag_set_hotspot (drag,
                        GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "gtm-hot-x")),
                        GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "gtm-hot-y")));
}

static gboolean
drop_lands_below (GtkWidget *row,
                  double     y)
{
  return y > gtk_widget_get_height (row) / 2.0;
}

static GdkDragAction
on_board_drop_motion (GtkDropTarget *target,
                      double         x,
                      double         y,
                      GtmWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  gboolean below = drop_lands_below (row, y);

  if (below)
    {
      gtk_widget_remove_css_class (row, DROP_ABOVE);
      gtk_widget_add_css_class (row, DROP_BELOW);
    }
  else
    {
      gtk_widget_remove_css_class (row, DROP_BELOW);
      gtk_widget_add_css_class (row, DROP_ABOVE);
    }

  return GDK_ACTION_MOVE;
}

static void
on_board_drop_leave (GtkDropTarget *target,
                     GtmWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  gtk_widget_remove_css_class (row, DROP_ABOVE);
  gtk_widget_remove_css_class (row, DROP_BELOW);
}

static gboolean
on_board_drop (GtkDropTarget *target,
               const GValue  *value,
               double         x,
               double         y,
               GtmWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GObject *onto = row_get_item (GTK_LIST_BOX_ROW (row));
  GListModel *list = get_list_for (self, onto);
  guint from, to;

  on_board_drop_leave (target, self);

  /* A board or persona of another window's project is not this project's
   * to move, nor a board among personas. */
  if (list == NULL ||
      !G_VALUE_HOLDS (value, G_OBJECT_TYPE (onto)) ||
      !g_list_store_find (G_LIST_STORE (list), g_value_get_object (value), &from) ||
      !g_list_store_find (G_LIST_STORE (list), onto, &to))
    return FALSE;

  /* @to is where it goes among the others, before it is taken out. */
  if (drop_lands_below (row, y))
    to++;
  if (to > from)
    to--;

  if (to != from && GTM_IS_BOARD (onto))
    gtm_project_move_board (get_project (self), from, to);
  else if (to != from)
    gtm_project_move_persona (get_project (self), from, to);

  return TRUE;
}

static void
add_row_dnd (GtmWindow *self,
             GtkWidget *row,
             GType      type)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (type, GDK_ACTION_MOVE);

  /* Moved within its section; a persona is also copied onto a board, as
   * its card. */
  gtk_drag_source_set_actions (source, type == GTM_TYPE_PERSONA ? GDK_ACTION_MOVE | GDK_ACTION_COPY
                                                                : GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_board_drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_board_drag_begin), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "motion", G_CALLBACK (on_board_drop_motion), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_board_drop_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_board_drop), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  GtmWindow *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *child;

  if (GTM_IS_BOARD (item))
    {
      child = create_board_row (item);
      add_row_dnd (self, row, GTM_TYPE_BOARD);
    }
  else if (GTM_IS_WORKBENCH_PAGE (item))
    {
      child = create_workbench_row (item);
    }
  else
    {
      child = create_persona_row (item);
      add_row_dnd (self, row, GTM_TYPE_PERSONA);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  g_object_set_data_full (G_OBJECT (row), "gtm-item", g_object_ref (item), g_object_unref);

  return row;
}

static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  GObject *item = row_get_item (row);
  GObject *before_item = row_get_item (before);
  GtkWidget *header;

  if (before_item != NULL && G_OBJECT_TYPE (before_item) == G_OBJECT_TYPE (item))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (GTM_IS_BOARD (item))
    header = gtk_label_new (_("Boards"));
  else if (GTM_IS_PERSONA (item))
    header = gtk_label_new (_("Personas"));
  else
    header = gtk_label_new (_("Workbench"));
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_add_css_class (header, "sidebar-heading");
  if (before == NULL)
    gtk_widget_add_css_class (header, "first");
  gtk_list_box_row_set_header (row, header);
}

static void
show_item (GtmWindow *self,
           GObject   *item)
{
  /* Its row was rebuilt, or selected again: it is shown already. */
  if (item != NULL && item == self->shown)
    {
      update_actions (self);
      return;
    }

  g_set_object (&self->shown, item);

  if (GTM_IS_BOARD (item))
    {
      gtm_persona_page_set_persona (self->persona_page, NULL);
      gtm_board_editor_set_board (self->board_editor, GTM_BOARD (item),
                                  gtm_document_get_history (self->document));
      gtk_stack_set_visible_child_name (self->content_stack, "board");
    }
  else if (GTM_IS_PERSONA (item))
    {
      gtm_board_editor_set_board (self->board_editor, NULL, NULL);
      gtm_persona_page_set_persona (self->persona_page, GTM_PERSONA (item));
      gtk_stack_set_visible_child_name (self->content_stack, "persona");
    }
  else if (GTM_IS_WORKBENCH_PAGE (item) || GTM_IS_PERSONA_COMPARE (item))
    {
      gtm_board_editor_set_board (self->board_editor, NULL, NULL);
      gtm_persona_page_set_persona (self->persona_page, NULL);
      gtk_stack_set_visible_child (self->content_stack, GTK_WIDGET (item));
    }
  else
    {
      gtm_board_editor_set_board (self->board_editor, NULL, NULL);
      gtm_persona_page_set_persona (self->persona_page, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }

  update_actions (self);
}

static void
on_sidebar_row_selected (GtkListBox    *sidebar,
                         GtkListBoxRow *row,
                         GtmWindow     *self)
{
  /* No row: the selected one went away with its item, or with the rows
   * the list rebuilt; on_sidebar_items_changed() selects what to show. */
  if (row != NULL)
    show_item (self, row_get_item (row));
}

static gboolean
find_in_model (GListModel *model,
               gpointer    item,
               guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The row to show when the item shown, of @type, went away from
 * @position: the one that took its place, else the one before, of the
 * same kind if possible; else the first. */
static GtkListBoxRow *
find_neighbour_row (GtmWindow *self,
                    guint      position,
                    GType      type)
{
  GtkListBoxRow *after = gtk_list_box_get_row_at_index (self->sidebar, position);
  GtkListBoxRow *before = position > 0 ? gtk_list_box_get_row_at_index (self->sidebar, position - 1) : NULL;

  if (after != NULL && G_OBJECT_TYPE (row_get_item (after)) == type)
    return after;
  if (before != NULL && G_OBJECT_TYPE (row_get_item (before)) == type)
    return before;

  return gtk_list_box_get_row_at_index (self->sidebar, 0);
}

/* Whether the keyboard is in the sidebar: on a row, the New Board button
 * or the popovers acting on a row. */
static gboolean
sidebar_has_focus (GtmWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* A focused row taken out leaves the focus nowhere, or (GTK 4.8) on
   * the row, which is in no window any more. */
  return focus == NULL ||
         gtk_widget_get_root (focus) != GTK_ROOT (self) ||
         gtk_widget_is_ancestor (focus, self->sidebar_pane);
}

/* The boards or personas changed, by an edit, an undo or a redo; the
 * sidebar has made its rows for the change (it was told first). The
 * sidebar follows: what came is shown (a new board, or one an undo brings
 * back); what is shown stays shown wherever it went; if it went away, a
 * neighbour is. */
static void
on_sidebar_items_changed (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GtmWindow  *self)
{
  GtmHistory *history = gtm_document_get_history (self->document);
  gboolean refocus = sidebar_has_focus (self);
  GtkListBoxRow *row;
  guint index;

  if (removed == 0 && added > 0)
    row = gtk_list_box_get_row_at_index (self->sidebar, position);
  else if (self->shown != NULL && find_in_model (model, self->shown, &index))
    row = gtk_list_box_get_row_at_index (self->sidebar, index);
  else if (self->shown == G_OBJECT (self->persona_compare))
    row = NULL; /* the comparison stays, following the personas */
  else if (self->shown != NULL)
    row = find_neighbour_row (self, position, G_OBJECT_TYPE (self->shown));
  else
    row = gtk_list_box_get_row_at_index (self->sidebar, 0);

  if (row != NULL)
    {
      if (row != gtk_list_box_get_selected_row (self->sidebar))
        gtk_list_box_select_row (self->sidebar, row);
      if (refocus)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  else if (self->shown != G_OBJECT (self->persona_compare))
    {
      show_item (self, NULL);
    }

  if (self->rename_node != NULL &&
      !find_in_model (model, self->rename_node, &index))
    gtk_popover_popdown (self->rename_popover);

  /* The deletion it offers to undo is no longer the last step. */
  if (self->delete_toast != NULL && gtm_history_get_state (history) != self->delete_state)
    {
      if (!self->delete_toast_added)
        {
          g_clear_handle_id (&self->delete_toast_source, g_source_remove);
          g_clear_object (&self->delete_toast);
        }
      else
        {
          adw_toast_dismiss (self->delete_toast);
        }
    }

  update_actions (self);
}

static void
bind_sidebar (GtmWindow *self)
{
  GtmProject *project = gtm_document_get_project (self->document);
  g_autoptr(GListStore) sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkFlattenListModel) flat = NULL;
  GtkListBoxRow *first;

  g_list_store_append (sections, gtm_project_get_boards (project));
  g_list_store_append (sections, gtm_project_get_personas (project));
  g_list_store_append (sections, self->workbench_pages);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&sections)));

  if (self->sidebar_model != NULL)
    g_signal_handlers_disconnect_by_func (self->sidebar_model, on_sidebar_items_changed, self);
  g_set_object (&self->sidebar_model, G_LIST_MODEL (flat));

  gtk_list_box_bind_model (self->sidebar, G_LIST_MODEL (flat),
                           create_sidebar_row, self, NULL);
  /* After the sidebar's own handler, so that the rows are there. */
  g_signal_connect (flat, "items-changed", G_CALLBACK (on_sidebar_items_changed), self);

  first = gtk_list_box_get_row_at_index (self->sidebar, 0);
  if (first != NULL)
    {
      gtk_list_box_select_row (self->sidebar, first);
      /* Arrow keys then move between boards and personas. */
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (first));
    }
  else
    {
      show_item (self, NULL);
    }
}

/* Board menu and rename popover, pointing at a board row */

/* Whether @row is laid out and as much in view as it can be; if not,
 * scrolls towards it, for the next frame. */
static gboolean
row_in_view (GtmWindow     *self,
             GtkListBoxRow *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->sidebar_scroller);
  graphene_rect_t bounds;
  double value;

  if (gtk_widget_get_height (GTK_WIDGET (row)) == 0 ||
      !gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->sidebar_scroller), &bounds))
    return FALSE;

  value = gtk_adjustment_get_value (adjustment);
  gtk_adjustment_clamp_page (adjustment,
                             value + bounds.origin.y,
                             value + bounds.origin.y + bounds.size.height);

  return gtk_adjustment_get_value (adjustment) == value;
}

/* Points @popover, a child of the sidebar pane, at @area of @row (all of
 * it if NULL). */
static gboolean
point_at_row (GtmWindow          *self,
              GtkPopover         *popover,
              GtkListBoxRow      *row,
              const GdkRectangle *area)
{
  graphene_rect_t bounds;
  GdkRectangle rect;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), self->sidebar_pane, &bounds))
    return FALSE;

  if (area != NULL)
    rect = (GdkRectangle) { floor (bounds.origin.x) + area->x, floor (bounds.origin.y) + area->y,
                            area->width, area->height };
  else
    rect = (GdkRectangle) { floor (bounds.origin.x), floor (bounds.origin.y),
                            ceil (bounds.size.width), ceil (bounds.size.height) };

  gtk_popover_set_pointing_to (popover, &rect);
  return TRUE;
}

/* Whether @row has a menu: a board's or a persona's. */
static gboolean
row_has_menu (GtkListBoxRow *row)
{
  GObject *item = row_get_item (row);

  return GTM_IS_BOARD (item) || GTM_IS_PERSONA (item);
}

/* The menu of the board or persona of @row at @x, @y in the row, or below
 * the row if @x is negative (from the keyboard). */
static void
show_board_menu (GtmWindow     *self,
                 GtkListBoxRow *row,
                 double         x,
                 double         y)
{
  GdkRectangle area = { floor (x), floor (y), 1, 1 };
  const char *menu = GTM_IS_BOARD (row_get_item (row)) ? "board_menu" : "persona_menu";

  if (!row_has_menu (row))
    return;

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->board_menu_popover),
                                   G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                                GTM_TYPE_WINDOW,
                                                                                menu)));

  gtk_list_box_select_row (self->sidebar, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));

  if (!point_at_row (self, self->board_menu_popover, row, x >= 0 ? &area : NULL))
    return;

  gtk_popover_popup (self->board_menu_popover);
}

/* A right click or long press at @x, @y in the sidebar: whether it was on
 * a board row, whose menu it opened. */
static gboolean
show_board_menu_at (GtmWindow *self,
                    double     x,
                    double     y)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->sidebar, y);
  double row_x, row_y;

  if (row == NULL || !row_has_menu (row))
    return FALSE;

  gtk_widget_translate_coordinates (GTK_WIDGET (self->sidebar), GTK_WIDGET (row),
                                    x, y, &row_x, &row_y);
  show_board_menu (self, row, MAX (row_x, 0), MAX (row_y, 0));
  return TRUE;
}

static void
on_sidebar_secondary_click (GtkGestureClick *gesture,
                            int              n_press,
                            double           x,
                            double           y,
                            GtmWindow       *self)
{
  if (show_board_menu_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_sidebar_long_press (GtkGestureLongPress *gesture,
                       double               x,
                       double               y,
                       GtmWindow           *self)
{
  if (show_board_menu_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
on_sidebar_menu_key (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  GtmWindow *self = GTM_WINDOW (gtk_widget_get_root (widget));
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);

  if (row == NULL || !row_has_menu (row))
    return FALSE;

  show_board_menu (self, row, -1, -1);
  return TRUE;
}

static void
set_rename_error (GtmWindow  *self,
                  const char *message)
{
  if (message != NULL)
    {
      gtk_label_set_text (self->rename_error_label, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->rename_entry), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->rename_entry), "error");
    }

  gtk_revealer_set_reveal_child (self->rename_error_revealer, message != NULL);
  gtk_widget_set_sensitive (self->rename_button, message == NULL);
}

static void
on_rename_entry_changed (GtmWindow *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->rename_entry));
  g_autoptr(GError) error = NULL;

  if (GTM_IS_PERSONA (self->rename_node))
    gtm_project_check_persona_name (name, &error);
  else
    gtm_project_check_board_name (name, &error);
  set_rename_error (self, error ? error->message : NULL);
}

static void
on_rename_activated (GtmWindow *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->rename_entry));
  g_autoptr(GError) error = NULL;
  GListModel *list = get_list_for (self, G_OBJECT (self->rename_node));
  guint position;
  gboolean renamed;

  if (list == NULL || !find_in_model (list, self->rename_node, &position))
    {
      gtk_popover_popdown (self->rename_popover);
      return;
    }

  if (GTM_IS_PERSONA (self->rename_node))
    renamed = gtm_project_rename_persona (get_project (self), GTM_PERSONA (self->rename_node),
                                          name, &error);
  else
    renamed = gtm_project_rename_board (get_project (self), GTM_BOARD (self->rename_node),
                                        name, &error);

  if (!renamed)
    {
      set_rename_error (self, error->message);
      return;
    }

  gtk_popover_popdown (self->rename_popover);
}

static void
on_rename_popover_closed (GtmWindow *self)
{
  /* Closed by the window going away, the sidebar may be gone. */
  GtkListBoxRow *row = self->sidebar ? gtk_list_box_get_selected_row (self->sidebar) : NULL;

  if (row != NULL && row_get_item (row) == G_OBJECT (self->rename_node))
    gtk_widget_grab_focus (GTK_WIDGET (row));

  g_clear_object (&self->rename_node);
}

/* Pops the rename popover up at @row once the row is laid out and in
 * view: a board or persona just added has no place on screen yet. */
static gboolean
popup_rename (GtkWidget     *row,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  GtmWindow *self = user_data;

  if (self->rename_node == NULL ||
      row_get_item (GTK_LIST_BOX_ROW (row)) != G_OBJECT (self->rename_node) ||
      gtk_widget_get_visible (GTK_WIDGET (self->rename_popover)))
    return G_SOURCE_REMOVE;

  if (!row_in_view (self, GTK_LIST_BOX_ROW (row)) ||
      !point_at_row (self, self->rename_popover, GTK_LIST_BOX_ROW (row), NULL))
    return G_SOURCE_CONTINUE;

  gtk_popover_popup (self->rename_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->rename_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->rename_entry), 0, -1);

  return G_SOURCE_REMOVE;
}

/* Offers to rename the board or persona shown. */
static void
begin_rename (GtmWindow *self)
{
  GtmBoard *board = get_shown_board (self, NULL);
  GtmPersona *persona = get_shown_persona (self, NULL);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);

  if ((board == NULL && persona == NULL) || row == NULL || row_get_item (row) != self->shown)
    return;

  g_set_object (&self->rename_node, GTM_NODE (self->shown));
  gtk_label_set_text (self->rename_title, board ? _("Board Name") : _("Persona Name"));
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry),
                         board ? gtm_board_get_name (board) : gtm_persona_get_name (persona));
  on_rename_entry_changed (self);

  if (popup_rename (GTK_WIDGET (row), NULL, self) == G_SOURCE_CONTINUE)
    gtk_widget_add_tick_callback (GTK_WIDGET (row), popup_rename, self, NULL);
}

/* Deleting a board or persona: a toast offers to undo it */

static void
on_delete_toast_undo (AdwToast  *toast,
                      GtmWindow *self)
{
  GtmHistory *history = gtm_document_get_history (self->document);

  if (toast == self->delete_toast && gtm_history_get_state (history) == self->delete_state)
    gtm_history_undo (history);
}

/* libadwaita 1.2 crashes (in adw_animation_skip()) when a toast comes
 * while another one is still sliding away. The overlay holds a toast until
 * it is gone, so a new delete toast waits for the last one to be
 * finalized. */

static gboolean
add_delete_toast (gpointer data)
{
  GtmWindow *self = data;

  self->delete_toast_source = 0;
  if (self->delete_toast != NULL && self->going_toast == NULL)
    {
      self->delete_toast_added = TRUE;
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->delete_toast));
    }

  return G_SOURCE_REMOVE;
}

static void
on_going_toast_finalized (gpointer  data,
                          GObject  *where_the_toast_was)
{
  GtmWindow *self = data;

  self->going_toast = NULL;
  /* Not from inside the overlay's own clean-up. */
  if (self->delete_toast != NULL && self->delete_toast_source == 0 && !self->delete_toast_added)
    self->delete_toast_source = g_idle_add (add_delete_toast, self);
}

static void
on_delete_toast_dismissed (AdwToast  *toast,
                           GtmWindow *self)
{
  if (self->delete_toast != toast)
    return;

  if (self->going_toast != NULL)
    g_object_weak_unref (G_OBJECT (self->going_toast), on_going_toast_finalized, self);
  self->going_toast = toast;
  g_object_weak_ref (G_OBJECT (toast), on_going_toast_finalized, self);
  g_clear_object (&self->delete_toast);
}

static void
show_delete_toast (GtmWindow  *self,
                   const char *name)
{
  g_autofree char *escaped = g_markup_escape_text (name[0] ? name : _("Unnamed Board"), -1);
  /* Translators: a toast shown when a board is deleted; %s is its name */
  g_autofree char *title = g_strdup_printf (_("“%s” deleted"), escaped);
  GtmHistory *history = gtm_document_get_history (self->document);
  AdwToast *toast;

  /* A toast still on screen (or about to be) now offers to undo this
   * deletion, the last step. */
  if (self->delete_toast != NULL)
    {
      adw_toast_set_title (self->delete_toast, title);
      self->delete_state = gtm_history_get_state (history);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (on_delete_toast_undo), self, 0);
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (on_delete_toast_dismissed), self, 0);

  self->delete_toast = toast;
  self->delete_toast_added = FALSE;
  self->delete_state = gtm_history_get_state (history);

  /* Otherwise on_going_toast_finalized() adds it. */
  if (self->going_toast == NULL)
    add_delete_toast (self);
}

/* Errors */

static void
on_error_toast_dismissed (AdwToast  *toast,
                          GtmWindow *self)
{
  if (self->error_toast == toast)
    g_clear_object (&self->error_toast);
}

static void
on_error_details_clicked (AdwToast  *toast,
                          GtmWindow *self)
{
  const char *heading = g_object_get_data (G_OBJECT (toast), "gtm-heading");
  const char *body = g_object_get_data (G_OBJECT (toast), "gtm-body");
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  keep_parent_alive (dialog, self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error_full (GtmWindow  *self,
                 const char *heading,
                 const char *body)
{
  g_autofree char *escaped = g_markup_escape_text (heading, -1);
  AdwToast *toast;

  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);

  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, ERROR_TOAST_TIMEOUT);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Details"));
  g_object_set_data_full (G_OBJECT (toast), "gtm-heading", g_strdup (heading), g_free);
  g_object_set_data_full (G_OBJECT (toast), "gtm-body", g_strdup (body), g_free);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (on_error_details_clicked), self, 0);
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (on_error_toast_dismissed), self, 0);

  self->error_toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The reason, without the heading when the message repeats it: messages
 * read “Could not save “x.gtm”: the disk is full” in every language the
 * catalogues are consistent in; otherwise the whole message is the reason. */
static const char *
error_reason (const char *heading,
              const char *message)
{
  const char *reason;

  if (!g_str_has_prefix (message, heading))
    return message;

  reason = message + strlen (heading);
  while (*reason != '\0')
    {
      gunichar c = g_utf8_get_char (reason);

      if (!g_unichar_ispunct (c) && !g_unichar_isspace (c))
        break;
      reason = g_utf8_next_char (reason);
    }

  return *reason != '\0' ? reason : message;
}

void
gtm_window_show_error_for (GtkWidget    *widget,
                           const char   *heading,
                           const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTM_IS_WINDOW (root))
    gtm_window_show_error (GTM_WINDOW (root), heading, error);
  else
    g_warning ("%s: %s", heading, error->message);
}

/**
 * gtm_window_show_error:
 * @self: a #GtmWindow
 * @heading: what failed, naming the file
 * @error: an error whose message says why
 *
 * Shows what failed in a toast; its Details button opens a dialog with
 * the reason, which is too long for a toast.
 */
void
gtm_window_show_error (GtmWindow    *self,
                       const char   *heading,
                       const GError *error)
{
  g_return_if_fail (GTM_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  show_error_full (self, heading, error_reason (heading, error->message));
}

/**
 * gtm_window_get_error_toast:
 *
 * Returns: (transfer none) (nullable): the error toast being shown
 */
AdwToast *
gtm_window_get_error_toast (GtmWindow *self)
{
  g_return_val_if_fail (GTM_IS_WINDOW (self), NULL);

  return self->error_toast;
}

/**
 * gtm_window_get_delete_toast:
 *
 * Returns: (transfer none) (nullable): the toast offering to undo the
 *   deletion of a board, while it is shown
 */
AdwToast *
gtm_window_get_delete_toast (GtmWindow *self)
{
  g_return_val_if_fail (GTM_IS_WINDOW (self), NULL);

  return self->delete_toast;
}

/* Closing */

static void
complete_close (GtmWindow *self,
                gboolean   may_close)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->close_tasks);

  self->save_for_close = FALSE;
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    g_task_return_boolean (g_ptr_array_index (tasks, i), may_close);
}

static void
on_save_changes_response (AdwMessageDialog *dialog,
                          const char       *response,
                          GtmWindow        *self)
{
  g_clear_weak_pointer (&self->save_changes_dialog);

  if (g_strcmp0 (response, "discard") == 0)
    {
      complete_close (self, TRUE);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      if (gtm_document_get_file (self->document) != NULL)
        {
          self->save_for_close = TRUE;
          gtm_window_save_to_file (self, NULL);
        }
      else
        {
          save_with_chooser (self, TRUE);
        }
    }
  else
    {
      complete_close (self, FALSE);
    }
}

static void
show_save_changes_dialog (GtmWindow *self)
{
  GtkWidget *dialog;

  if (self->save_changes_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->save_changes_dialog));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes which are not saved "
                                    "will be permanently lost."),
                                  gtm_document_get_title (self->document));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_save_changes_response), self, 0);

  self->save_changes_dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->save_changes_dialog);
  keep_parent_alive (dialog, self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One step of a pending close: wait for a save in flight, then ask about
 * unsaved changes. Called again when a save ends. */
static void
confirm_close_step (GtmWindow *self)
{
  if (self->close_tasks == NULL || self->save_for_close)
    return;

  if (gtm_document_get_saving (self->document))
    return;

  if (!gtm_document_get_modified (self->document))
    {
      complete_close (self, TRUE);
      return;
    }

  gtk_window_present (GTK_WINDOW (self));
  show_save_changes_dialog (self);
}

/* Shows again the question a pending close waits for. */
static void
present_question (GtmWindow *self)
{
  gtk_window_present (GTK_WINDOW (self));
  if (self->save_changes_dialog != NULL)
    gtk_window_present (GTK_WINDOW (self->save_changes_dialog));
  else if (self->save_chooser != NULL)
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

void
gtm_window_confirm_close_async (GtmWindow           *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GTM_IS_WINDOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gtm_window_confirm_close_async);

  if (self->close_tasks != NULL)
    {
      /* Already asking, for a close or a quit: the answer to the question
       * on screen is the answer for both. */
      g_ptr_array_add (self->close_tasks, task);
      present_question (self);
      return;
    }

  self->close_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->close_tasks, task);
  confirm_close_step (self);
}

gboolean
gtm_window_confirm_close_finish (GtmWindow     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (GTM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gtm_window_close_confirmed (GtmWindow *self)
{
  g_return_if_fail (GTM_IS_WINDOW (self));

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_close_confirmed (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GtmWindow *self = GTM_WINDOW (object);

  self->close_requested = FALSE;
  if (gtm_window_confirm_close_finish (self, result, NULL) &&
      gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    gtm_window_close_confirmed (self);
}

/* The user asked to close the window (its close button, Ctrl+W): ask
 * first, once however often they ask. */
static void
request_close (GtmWindow *self)
{
  if (self->close_requested)
    {
      present_question (self);
      return;
    }

  self->close_requested = TRUE;
  gtm_window_confirm_close_async (self, NULL, on_close_confirmed, NULL);
}

static void
save_window_state (GtmWindow *self)
{
  GSettings *settings = gtm_application_get_settings (get_application (self));
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (settings);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_int (settings, "sidebar-width", gtk_paned_get_position (self->paned));
  g_settings_apply (settings);
}

static gboolean
gtm_window_close_request (GtkWindow *window)
{
  GtmWindow *self = GTM_WINDOW (window);

  /* Never while the file is being written, even once the user has agreed
   * to close: a confirmed close happens when the save ends. */
  if (gtm_document_get_saving (self->document))
    {
      if (!self->close_confirmed)
        request_close (self);
      return TRUE;
    }

  if (!self->close_confirmed &&
      (self->close_tasks != NULL || gtm_document_get_modified (self->document)))
    {
      request_close (self);
      return TRUE;
    }

  /* Closing regardless (the user agreed elsewhere): a question still on
   * screen would be about a window that is gone. */
  if (self->save_changes_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->save_changes_dialog));

  save_window_state (self);

  return GTK_WINDOW_CLASS (gtm_window_parent_class)->close_request (window);
}

/* Saving */

/* The application is taken here, when the save starts: by the time it
 * ends the window may have left it. */
typedef struct
{
  GtmWindow      *window;
  GtmApplication *app;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->window);
  g_clear_object (&request->app);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

static void
on_save_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SaveRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  GtmWindow *self = request->window;
  GtmDocument *document = GTM_DOCUMENT (object);
  gboolean ok;

  ok = gtm_document_save_finish (document, result, &error);

  if (ok)
    gtm_application_add_recent (request->app, gtm_document_get_file (document));
  else
    gtm_window_show_error (self, self->save_error_heading, error);

  if (self->save_for_close)
    {
      /* The user chose Save in the Save Changes dialog: close if it
       * worked, stay with the edits if it did not. */
      complete_close (self, ok && !gtm_document_get_modified (document));
    }
  else
    {
      confirm_close_step (self);
    }

  /* A close confirmed while the file was written waited for it. */
  if (self->close_confirmed && !gtm_document_get_saving (document) &&
      gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    gtk_window_close (GTK_WINDOW (self));

  g_application_release (G_APPLICATION (request->app));
}

/* A save that cannot start: say why, and a close waiting for it stays
 * open with the edits. */
static void
refuse_save (GtmWindow  *self,
             const char *heading,
             const char *reason)
{
  show_error_full (self, heading, reason);

  if (self->save_for_close)
    complete_close (self, FALSE);
}

void
gtm_window_save_to_file (GtmWindow *self,
                         GFile     *file)
{
  GtmApplication *app;
  GtmWindow *other;
  g_autofree char *name = NULL;
  SaveRequest *request;

  g_return_if_fail (GTM_IS_WINDOW (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  app = get_application (self);
  g_return_if_fail (app != NULL);

  /* One save at a time: say so rather than drop the user's choice. */
  if (gtm_document_get_saving (self->document))
    {
      GFile *target = file ? file : gtm_document_get_file (self->document);
      g_autofree char *busy_name = gtm_file_dup_display_name (target);
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could not save “%s”"), busy_name);
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PENDING,
                                                     _("The project is still being saved. "
                                                       "Try again when that save is done."));

      gtm_window_show_error (self, heading, error);
      return;
    }

  if (file == NULL && gtm_document_get_file (self->document) == NULL)
    {
      save_with_chooser (self, self->save_for_close);
      return;
    }

  if (file == NULL)
    file = gtm_document_get_file (self->document);
  name = gtm_file_dup_display_name (file);

  g_free (self->save_error_heading);
  /* Translators: %s is a file name */
  self->save_error_heading = g_strdup_printf (_("Could not save “%s”"), name);

  /* Two windows on one file would overwrite each other's work. */
  other = gtm_application_find_window (app, file);
  if (other != NULL && other != self)
    {
      g_autofree char *reason =
        /* Translators: %s is a file name */
        g_strdup_printf (_("“%s” is open in another window. Close that window first, "
                           "or save under another name."), name);

      refuse_save (self, self->save_error_heading, reason);
      return;
    }

  request = g_new0 (SaveRequest, 1);
  request->window = g_object_ref (self);
  request->app = g_object_ref (app);

  /* Keep the application, and so the process, alive until the file is
   * safely written. */
  g_application_hold (G_APPLICATION (app));
  gtm_document_save_async (self->document, file, NULL, on_save_done, request);
}

/* “Launch plan” has no extension, nor has “Plan v2.0”; “plan.json” has. */
static gboolean
has_extension (const char *basename)
{
  const char *dot = strrchr (basename, '.');
  gboolean letters = FALSE;
  gsize length;

  if (dot == NULL || dot == basename)
    return FALSE;

  length = strlen (dot + 1);
  if (length == 0 || length > 8)
    return FALSE;

  for (const char *c = dot + 1; *c != '\0'; c++)
    {
      if (!g_ascii_isalnum (*c))
        return FALSE;
      letters |= g_ascii_isalpha (*c);
    }

  return letters;
}

/* A name typed without an extension gets “.gtm”, so that the project
 * shows in the Open dialog and opens in GTM Studio from the file manager. */
static GFile *
with_project_extension (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *named = NULL;

  if (basename == NULL || has_extension (basename))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  if (parent == NULL)
    return g_object_ref (file);

  named = g_strconcat (basename, ".gtm", NULL);

  return g_file_get_child (parent, named);
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     GtmWindow        *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "gtm-file");
  gboolean for_close = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "gtm-for-close"));

  if (g_strcmp0 (response, "replace") == 0)
    {
      self->save_for_close = for_close;
      gtm_window_save_to_file (self, file);
    }
  else if (for_close)
    {
      complete_close (self, FALSE);
    }
}

/* The file chooser asked about replacing the name as typed; the name
 * with “.gtm” added is another file, so ask about that one. */
static void
ask_replace (GtmWindow *self,
             GFile     *file,
             gboolean   for_close)
{
  g_autofree char *name = gtm_file_dup_display_name (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent ? gtm_file_dup_display_name (parent) : g_strdup ("");
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  /* Translators: %s is a file name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Replace “%s”?"), name);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: the first %s is a file name, the second a folder */
                                  _("A file named “%s” already exists in “%s”. Replacing it "
                                    "overwrites its contents."),
                                  name, folder);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "gtm-file", g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "gtm-for-close", GINT_TO_POINTER (for_close));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_response), self, 0);
  keep_parent_alive (dialog, self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          GtmWindow       *self)
{
  gboolean for_close = self->save_chooser_for_close;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  self->save_chooser_for_close = FALSE;
  g_clear_object (&self->save_chooser);

  if (chosen == NULL)
    {
      if (for_close)
        complete_close (self, FALSE);
      return;
    }

  file = with_project_extension (chosen);
  if (!g_file_equal (file, chosen) && g_file_query_exists (file, NULL))
    {
      ask_replace (self, file, for_close);
      return;
    }

  /* A save still running keeps deciding the close it was started for. */
  if (!gtm_document_get_saving (self->document))
    self->save_for_close = for_close;
  gtm_window_save_to_file (self, file);
}

static char *
suggest_file_name (GtmWindow *self)
{
  g_autofree char *name = g_strdup (gtm_document_get_title (self->document));

  g_strdelimit (name, "/\\:", '-');

  return g_strconcat (name, ".gtm", NULL);
}

static void
save_with_chooser (GtmWindow *self,
                   gboolean   for_close)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  GFile *file = gtm_document_get_file (self->document);

  /* Shown already, perhaps for a plain Save As: if a close now waits for
   * it, its answer decides the close too. */
  self->save_chooser_for_close |= for_close;

  if (self->save_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
      return;
    }

  self->save_chooser = gtk_file_chooser_native_new (_("Save Project"),
                                                    GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Save"),
                                                    _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->save_chooser), TRUE);

  filter = gtm_project_filter_new ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->save_chooser), filter);

  if (file != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->save_chooser), file, NULL);
    }
  else
    {
      g_autofree char *name = suggest_file_name (self);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);
    }

  g_signal_connect (self->save_chooser, "response",
                    G_CALLBACK (on_save_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

/* Actions */

static void
action_save (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtmWindow *self = user_data;

  if (gtm_document_get_file (self->document) != NULL)
    gtm_window_save_to_file (self, NULL);
  else
    save_with_chooser (self, FALSE);
}

static void
action_save_as (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  save_with_chooser (GTM_WINDOW (user_data), FALSE);
}

static void
action_close (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

static void
action_undo (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtmWindow *self = user_data;

  gtm_history_undo (gtm_document_get_history (self->document));
}

static void
action_redo (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtmWindow *self = user_data;

  gtm_history_redo (gtm_document_get_history (self->document));
}

static void
action_zoom_in (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  gtm_board_view_zoom_in (GTM_WINDOW (user_data)->board_view);
}

static void
action_zoom_out (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gtm_board_view_zoom_out (GTM_WINDOW (user_data)->board_view);
}

static void
action_zoom_reset (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gtm_board_view_set_zoom (GTM_WINDOW (user_data)->board_view, 1.0);
}

static void
action_zoom_fit (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gtm_board_view_zoom_fit (GTM_WINDOW (user_data)->board_view);
}

static void
action_add_board (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtmWindow *self = user_data;
  GtmProject *project = get_project (self);
  g_autoptr(GError) error = NULL;

  if (!gtm_project_add_board (project, g_list_model_get_n_items (gtm_project_get_boards (project)),
                              NULL, &error))
    {
      gtm_window_show_error (self, _("Could not add a board"), error);
      return;
    }

  /* The sidebar shows it (see on_sidebar_items_changed()); offer to name it. */
  begin_rename (self);
}

static void
action_rename_board (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  begin_rename (GTM_WINDOW (user_data));
}

static void
action_duplicate_board (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GtmWindow *self = user_data;
  GtmBoard *board = get_shown_board (self, NULL);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (board != NULL);

  if (!gtm_project_duplicate_board (get_project (self), board, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could not duplicate “%s”"),
                                                  gtm_board_get_name (board));

      gtm_window_show_error (self, heading, error);
    }
}

static void
action_delete_board (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtmWindow *self = user_data;
  GtmBoard *board = get_shown_board (self, NULL);
  g_autofree char *name = NULL;

  g_return_if_fail (board != NULL);

  name = g_strdup (gtm_board_get_name (board));
  gtm_project_remove_board (get_project (self), board);
  show_delete_toast (self, name);
}

static void
move_shown_board (GtmWindow *self,
                  int        delta)
{
  guint position;

  g_return_if_fail (get_shown_board (self, &position) != NULL);

  gtm_project_move_board (get_project (self), position, position + delta);
}

static void
action_move_board_up (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  move_shown_board (GTM_WINDOW (user_data), -1);
}

static void
action_move_board_down (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  move_shown_board (GTM_WINDOW (user_data), 1);
}

static void
add_persona (GtmWindow      *self,
             GtmPersonaKind  kind)
{
  GtmProject *project = get_project (self);
  g_autoptr(GError) error = NULL;
  guint position = g_list_model_get_n_items (gtm_project_get_personas (project));

  if (!gtm_project_add_persona (project, kind, position, NULL, &error))
    {
      gtm_window_show_error (self, _("Could not add a persona"), error);
      return;
    }

  /* The sidebar shows it (see on_sidebar_items_changed()); offer to name it. */
  begin_rename (self);
}

static void
action_add_buyer_persona (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  add_persona (GTM_WINDOW (user_data), GTM_PERSONA_KIND_BUYER);
}

static void
action_add_user_persona (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  add_persona (GTM_WINDOW (user_data), GTM_PERSONA_KIND_USER);
}

static void
action_duplicate_persona (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtmWindow *self = user_data;
  GtmPersona *persona = get_shown_persona (self, NULL);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (persona != NULL);

  if (!gtm_project_duplicate_persona (get_project (self), persona, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could not duplicate “%s”"),
                                                  gtm_persona_get_name (persona));

      gtm_window_show_error (self, heading, error);
    }
}

static void
action_delete_persona (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtmWindow *self = user_data;
  GtmPersona *persona = get_shown_persona (self, NULL);
  g_autofree char *name = NULL;

  g_return_if_fail (persona != NULL);

  name = g_strdup (gtm_persona_get_name (persona)[0] ? gtm_persona_get_name (persona)
                                                     : _("Unnamed Persona"));
  gtm_project_remove_persona (get_project (self), GTM_NODE (persona));
  show_delete_toast (self, name);
}

static void
move_shown_persona (GtmWindow *self,
                    int        delta)
{
  guint position;

  g_return_if_fail (get_shown_persona (self, &position) != NULL);

  gtm_project_move_persona (get_project (self), position, position + delta);
}

static void
action_move_persona_up (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  move_shown_persona (GTM_WINDOW (user_data), -1);
}

static void
action_move_persona_down (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  move_shown_persona (GTM_WINDOW (user_data), 1);
}

/* Shows the personas side by side, with the one shown (if any) among
 * them; Back shows it again. */
static void
action_compare_personas (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GtmWindow *self = user_data;
  GtmPersona *persona = get_shown_persona (self, NULL);

  if (self->shown == G_OBJECT (self->persona_compare))
    return;

  if (persona != NULL)
    gtm_persona_compare_set_chosen (self->persona_compare, persona, TRUE);

  g_set_object (&self->compared_from, self->shown);
  gtk_list_box_select_row (self->sidebar, NULL);
  show_item (self, G_OBJECT (self->persona_compare));
  /* The keyboard goes with it, for Escape to go back: from a row no
   * longer selected or the primary menu, it would stay out of the view. */
  gtk_widget_child_focus (GTK_WIDGET (self->persona_compare), GTK_DIR_TAB_FORWARD);
}

static void
on_compare_close (GtmWindow *self)
{
  g_autoptr(GObject) from = g_steal_pointer (&self->compared_from);
  guint index;
  GtkListBoxRow *row = NULL;

  if (from != NULL && find_in_model (self->sidebar_model, from, &index))
    row = gtk_list_box_get_row_at_index (self->sidebar, index);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->sidebar, 0);

  if (row != NULL)
    {
      gtk_list_box_select_row (self->sidebar, row);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  else
    {
      show_item (self, NULL);
    }
}

static void
action_links (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  gtm_links_dialog_present (GTM_WINDOW (user_data));
}

static void
action_export (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  gtm_export_dialog_present (GTM_WINDOW (user_data));
}

static void
action_print (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  gtm_export_print (GTM_WINDOW (user_data));
}

static const GActionEntry win_actions[] = {
  { "save", action_save },
  { "save-as", action_save_as },
  { "close", action_close },
  { "undo", action_undo },
  { "redo", action_redo },
  { "zoom-in", action_zoom_in },
  { "zoom-out", action_zoom_out },
  { "zoom-reset", action_zoom_reset },
  { "zoom-fit", action_zoom_fit },
  { "add-board", action_add_board },
  { "rename-board", action_rename_board },
  { "duplicate-board", action_duplicate_board },
  { "delete-board", action_delete_board },
  { "move-board-up", action_move_board_up },
  { "move-board-down", action_move_board_down },
  { "add-buyer-persona", action_add_buyer_persona },
  { "add-user-persona", action_add_user_persona },
  { "rename-persona", action_rename_board },
  { "duplicate-persona", action_duplicate_persona },
  { "delete-persona", action_delete_persona },
  { "move-persona-up", action_move_persona_up },
  { "move-persona-down", action_move_persona_down },
  { "compare-personas", action_compare_personas },
  { "links", action_links },
  { "export", action_export },
  { "print", action_print },
};

/* Drag and drop */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtmWindow     *self)
{
  GtmApplication *app = get_application (self);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      g_autoptr(GSList) files = gdk_file_list_get_files (g_value_get_boxed (value));

      if (files == NULL)
        return FALSE;

      for (GSList *l = files; l != NULL; l = l->next)
        gtm_application_open_file (app, l->data, self);
      return TRUE;
    }

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      gtm_application_open_file (app, g_value_get_object (value), self);
      return TRUE;
    }

  return FALSE;
}

/* GObject */

/* The application is set after construction: take what comes from it
 * (saved window size, the recent projects menu) when it arrives. */
static void
on_notify_application (GtmWindow *self)
{
  GtmApplication *app = get_application (self);
  GSettings *settings;

  if (app == NULL)
    return;

  adw_split_button_set_menu_model (self->open_button, gtm_application_get_recent_menu (app));

  settings = gtm_application_get_settings (app);
  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned, g_settings_get_int (settings, "sidebar-width"));
}

static void
gtm_window_constructed (GObject *object)
{
  GtmWindow *self = GTM_WINDOW (object);

  G_OBJECT_CLASS (gtm_window_parent_class)->constructed (object);

  if (self->document == NULL)
    {
      g_autoptr(GtmDocument) document = gtm_document_new_untitled ();

      gtm_window_set_document (self, document);
    }
}

static void
gtm_window_dispose (GObject *object)
{
  GtmWindow *self = GTM_WINDOW (object);

  if (self->close_tasks != NULL)
    complete_close (self, FALSE);
  g_clear_weak_pointer (&self->save_changes_dialog);

  if (self->save_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->save_chooser, on_save_chooser_response, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
      g_clear_object (&self->save_chooser);
    }

  if (self->sidebar != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->sidebar, on_sidebar_row_selected, self);
      gtk_list_box_bind_model (self->sidebar, NULL, NULL, NULL, NULL);
    }
  if (self->sidebar_model != NULL)
    g_signal_handlers_disconnect_by_func (self->sidebar_model, on_sidebar_items_changed, self);
  g_clear_object (&self->sidebar_model);
  g_clear_object (&self->workbench_pages);
  g_clear_object (&self->shown);
  g_clear_object (&self->rename_node);
  g_clear_object (&self->compared_from);
  g_clear_handle_id (&self->delete_toast_source, g_source_remove);
  if (self->going_toast != NULL)
    g_object_weak_unref (G_OBJECT (self->going_toast), on_going_toast_finalized, self);
  self->going_toast = NULL;
  g_clear_object (&self->delete_toast);

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->error_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), GTM_TYPE_WINDOW);

  G_OBJECT_CLASS (gtm_window_parent_class)->dispose (object);
}

static void
gtm_window_finalize (GObject *object)
{
  GtmWindow *self = GTM_WINDOW (object);

  g_clear_pointer (&self->title_text, g_free);
  g_clear_pointer (&self->save_error_heading, g_free);

  G_OBJECT_CLASS (gtm_window_parent_class)->finalize (object);
}

static void
gtm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GtmWindow *self = GTM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GtmWindow *self = GTM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      if (g_value_get_object (value) != NULL)
        gtm_window_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtm_window_class_init (GtmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gtm_window_constructed;
  object_class->dispose = gtm_window_dispose;
  object_class->finalize = gtm_window_finalize;
  object_class->get_property = gtm_window_get_property;
  object_class->set_property = gtm_window_set_property;

  window_class->close_request = gtm_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         GTM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTM_TYPE_BOARD_EDITOR);
  g_type_ensure (GTM_TYPE_PERSONA_PAGE);
  g_type_ensure (GTM_TYPE_PERSONA_COMPARE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gtmstudio/GtmStudio/gtm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, sidebar_scroller);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, sidebar);
  /* For tests, which press it: */
  gtk_widget_class_bind_template_child_full (widget_class, "add_board_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, board_menu_popover);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, rename_popover);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, rename_title);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, rename_entry);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, rename_button);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, rename_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, rename_error_label);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, board_editor);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, persona_page);
  gtk_widget_class_bind_template_child (widget_class, GtmWindow, persona_compare);
  gtk_widget_class_bind_template_child_full (widget_class, "board_menu", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "persona_menu", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_rename_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_rename_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_rename_popover_closed);
}

/* Keys of the sidebar: they act on the selected board or persona (the
 * action for the other kind is disabled, and the next one runs). */
static void
add_sidebar_shortcuts (GtmWindow *self)
{
  static const struct {
    guint           keyval;
    GdkModifierType modifiers;
    const char     *action;
  } keys[] = {
    { GDK_KEY_F2, 0, "win.rename-board" },
    { GDK_KEY_Up, GDK_ALT_MASK, "win.move-board-up" },
    { GDK_KEY_KP_Up, GDK_ALT_MASK, "win.move-board-up" },
    { GDK_KEY_Down, GDK_ALT_MASK, "win.move-board-down" },
    { GDK_KEY_KP_Down, GDK_ALT_MASK, "win.move-board-down" },
    { GDK_KEY_Delete, 0, "win.delete-board" },
    { GDK_KEY_KP_Delete, 0, "win.delete-board" },
    { GDK_KEY_F2, 0, "win.rename-persona" },
    { GDK_KEY_Up, GDK_ALT_MASK, "win.move-persona-up" },
    { GDK_KEY_KP_Up, GDK_ALT_MASK, "win.move-persona-up" },
    { GDK_KEY_Down, GDK_ALT_MASK, "win.move-persona-down" },
    { GDK_KEY_KP_Down, GDK_ALT_MASK, "win.move-persona-down" },
    { GDK_KEY_Delete, 0, "win.delete-persona" },
    { GDK_KEY_KP_Delete, 0, "win.delete-persona" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutAction *menu = gtk_callback_action_new (on_sidebar_menu_key, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval,
                                                                                    keys[i].modifiers),
                                                            gtk_named_action_new (keys[i].action)));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)),
                                                          menu));
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), controller);
}

static void
gtm_window_init (GtmWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkDropTarget *drop_target;
  GtkGesture *click, *long_press;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::application", G_CALLBACK (on_notify_application), NULL);

  {
    guint n_pages;
    const GtmWorkbenchPageInfo *infos = gtm_workbench_page_get_infos (&n_pages);

    self->workbench_pages = g_list_store_new (GTM_TYPE_WORKBENCH_PAGE);
    for (guint i = 0; i < n_pages; i++)
      {
        GtkWidget *page = gtm_workbench_page_new (&infos[i]);

        gtk_stack_add_named (self->content_stack, page, infos[i].name);
        g_list_store_append (self->workbench_pages, page);
      }
  }

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);

  builder = gtk_builder_new_from_resource ("/io/github/gtmstudio/GtmStudio/gtm-shortcuts-window.ui");
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  self->document_signals = g_signal_group_new (GTM_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::title",
                                  G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::modified",
                                  G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::file",
                                  G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::saving",
                                  G_CALLBACK (update_actions), self);

  self->history_signals = g_signal_group_new (GTM_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-undo",
                                  G_CALLBACK (update_history_actions), self);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-redo",
                                  G_CALLBACK (update_history_actions), self);

  gtk_list_box_set_header_func (self->sidebar, sidebar_header_func, NULL, NULL);
  g_signal_connect (self->sidebar, "row-selected",
                    G_CALLBACK (on_sidebar_row_selected), self);

  /* The board menu: a right click, a long press, the Menu key. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_sidebar_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), GTK_EVENT_CONTROLLER (click));
  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_sidebar_long_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), GTK_EVENT_CONTROLLER (long_press));
  add_sidebar_shortcuts (self);

  self->board_view = gtm_board_editor_get_view (self->board_editor);
  g_signal_connect_swapped (self->persona_compare, "close", G_CALLBACK (on_compare_close), self);

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

/**
 * gtm_window_new:
 * @application: the application
 * @document: (nullable): the document to show, or %NULL for a new untitled
 *   project
 *
 * Returns: (transfer none): a new window, owned by @application
 */
GtmWindow *
gtm_window_new (GtmApplication *application,
                GtmDocument    *document)
{
  g_return_val_if_fail (GTM_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (!document || GTM_IS_DOCUMENT (document), NULL);

  return g_object_new (GTM_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

/**
 * gtm_window_get_document:
 *
 * Returns: (transfer none): the document shown
 */
GtmDocument *
gtm_window_get_document (GtmWindow *self)
{
  g_return_val_if_fail (GTM_IS_WINDOW (self), NULL);

  return self->document;
}

void
gtm_window_set_document (GtmWindow   *self,
                         GtmDocument *document)
{
  g_return_if_fail (GTM_IS_WINDOW (self));
  g_return_if_fail (GTM_IS_DOCUMENT (document));
  g_return_if_fail (self->close_tasks == NULL);

  if (self->document == document)
    return;

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->history_signals, gtm_document_get_history (document));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->workbench_pages)); i++)
    {
      g_autoptr(GtmWorkbenchPage) page = g_list_model_get_item (G_LIST_MODEL (self->workbench_pages), i);

      gtm_workbench_page_set_project (page, gtm_document_get_project (document));
    }

  g_clear_object (&self->compared_from);
  gtm_persona_compare_set_project (self->persona_compare, gtm_document_get_project (document));
  bind_sidebar (self);
  update_title (self);
  update_actions (self);
  update_history_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
gtm_window_get_title_text (GtmWindow *self)
{
  g_return_val_if_fail (GTM_IS_WINDOW (self), NULL);

  return self->title_text;
}

/**
 * gtm_window_get_sidebar:
 *
 * Returns: (transfer none): the list of boards and personas
 */
GtkListBox *
gtm_window_get_sidebar (GtmWindow *self)
{
  g_return_val_if_fail (GTM_IS_WINDOW (self), NULL);

  return self->sidebar;
}

/**
 * gtm_window_get_board_view:
 *
 * Returns: (transfer none): the view of the selected board
 */
GtmBoardView *
gtm_window_get_board_view (GtmWindow *self)
{
  g_return_val_if_fail (GTM_IS_WINDOW (self), NULL);

  return self->board_view;
}

/**
 * gtm_window_get_visible_page:
 *
 * Returns: (transfer none): the page shown next to the sidebar: the board
 *   view, a persona page or the empty page
 */
GtkWidget *
gtm_window_get_visible_page (GtmWindow *self)
{
  g_return_val_if_fail (GTM_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child (self->content_stack);
}

void
gtm_window_select_board (GtmWindow *self,
                         guint      index)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTM_IS_WINDOW (self));

  row = gtk_list_box_get_row_at_index (self->sidebar, index);
  if (row != NULL && GTM_IS_BOARD (row_get_item (row)))
    gtk_list_box_select_row (self->sidebar, row);
}

/* Shows the board @item is on, with @item selected and in view. */
void
gtm_window_show_item (GtmWindow *self,
                      GtmItem   *item)
{
  GtmNode *board;
  guint position;

  g_return_if_fail (GTM_IS_WINDOW (self));
  g_return_if_fail (GTM_IS_ITEM (item));

  board = gtm_node_get_parent (GTM_NODE (item));
  if (!GTM_IS_BOARD (board) ||
      !g_list_store_find (G_LIST_STORE (gtm_project_get_boards (get_project (self))), board, &position))
    return;

  gtm_window_select_board (self, position);
  if (self->shown == G_OBJECT (board))
    gtm_board_view_show_item (self->board_view, item);
  gtk_window_present (GTK_WINDOW (self));
}

/* Shows @node where the window edits it: an item selected and in view on
 * its board, a board, a persona's page, or the workbench page of the part
 * of the project it is in. Returns the page shown, or NULL when the
 * window has no place for @node. */
GtkWidget *
gtm_window_show_node (GtmWindow *self,
                      GtmNode   *node)
{
  GtmProject *project;
  GListModel *pages;
  guint position;

  g_return_val_if_fail (GTM_IS_WINDOW (self), NULL);
  g_return_val_if_fail (GTM_IS_NODE (node), NULL);

  if (GTM_IS_ITEM (node))
    {
      gtm_window_show_item (self, GTM_ITEM (node));
      return gtm_window_get_visible_page (self);
    }

  project = get_project (self);
  pages = G_LIST_MODEL (self->workbench_pages);
  for (GtmNode *n = node; n != NULL && n != GTM_NODE (project); n = gtm_node_get_parent (n))
    {
      GtmNode *parent = gtm_node_get_parent (n);
      gpointer row_item = NULL;

      if (GTM_IS_BOARD (n) || GTM_IS_PERSONA (n))
        row_item = g_object_ref (n);

      /* A singleton's page, or the page of a list of the project (the
       * segments, the competitors), named as the list. */
      for (guint i = 0; row_item == NULL && i < g_list_model_get_n_items (pages); i++)
        {
          g_autoptr(GtmWorkbenchPage) page = g_list_model_get_item (pages, i);
          const GtmWorkbenchPageInfo *info = gtm_workbench_page_get_info (page);
          GtmNode *page_node = info->get_node (project);

          if (page_node == n)
            row_item = g_object_ref (page);
          else if (page_node == GTM_NODE (project) && parent == GTM_NODE (project))
            {
              GListStore *list = gtm_node_get_list (GTM_NODE (project), info->name);

              if (list != NULL &&
                  G_TYPE_CHECK_INSTANCE_TYPE (n, g_list_model_get_item_type (G_LIST_MODEL (list))) &&
                  g_list_store_find (list, n, &position))
                row_item = g_object_ref (page);
            }
        }

      if (row_item != NULL)
        {
          g_autoptr(GObject) item = row_item;

          if (find_in_model (self->sidebar_model, item, &position))
            gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, position));
          gtk_window_present (GTK_WINDOW (self));
          return self->shown == item ? gtm_window_get_visible_page (self) : NULL;
        }
    }

  return NULL;
}

/* Adds @toast to the window's toasts. */
void
gtm_window_add_toast (GtmWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (GTM_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
