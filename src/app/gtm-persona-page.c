/* gtm-persona-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-persona-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gtm-form.h"
#include "gtm-image-import.h"
#include "gtm-persona-avatar.h"
#include "gtm-persona-page.h"
#include "gtm-project.h"
#include "gtm-trait.h"
#include "gtm-window.h"

/* One personality slider: its row and what it shows. */
typedef struct
{
  GtmPersonaPage *page;
  GtmTrait       *trait;
  guint           index;
  GtmForm        *form;        /* the names of the ends, in the popover */
  GtkWidget      *row;
  GtkWidget      *scale;
  GtkWidget      *left_label;
  GtkWidget      *right_label;
  GtkWidget      *edit_button;
  gboolean        updating;
} TraitRow;

struct _GtmPersonaPage
{
  AdwBin                parent_instance;

  GtmPersona           *persona;
  GtmHistory           *own_history; /* for a persona outside a project */
  GtmForm              *form;
  GListModel           *personality; /* the persona's sliders, watched */
  GPtrArray            *trait_rows;  /* TraitRow* */
  int                   trait_focus; /* the slider to focus after a rebuild, or -1 */
  gboolean              trait_edit;  /* and open its popover */
  GPtrArray            *buyer_groups;
  GPtrArray            *user_groups;
  GCancellable         *import_cancellable;
  GtkFileChooserNative *chooser;

  AdwPreferencesPage   *page;
  AdwAvatar            *avatar;
  GtkLabel             *name_label;
  GtkLabel             *summary_label;
  GtkWidget            *remove_image_button;
  AdwPreferencesGroup  *identity_group;
  AdwPreferencesGroup  *profile_group;
  AdwPreferencesGroup  *personality_group;
  GtkWidget            *add_trait_row;
};

enum {
  PROP_0,
  PROP_PERSONA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GtmPersonaPage, gtm_persona_page, ADW_TYPE_BIN)

/* The sliders "Add Trait" offers; "Custom…" comes after them. */
static const struct {
  const char *left;
  const char *right;
} trait_presets[] = {
  { N_("Introvert"),  N_("Extrovert") },
  { N_("Analytical"), N_("Intuitive") },
  { N_("Cautious"),   N_("Risk-taking") },
  { N_("Loyal"),      N_("Fickle") },
  { N_("Busy"),       N_("Relaxed") },
};

static const char *
kind_label (int kind)
{
  return gtm_persona_kind_to_label (kind);
}

static const char *
role_label (int role)
{
  if (role == GTM_BUYING_ROLE_NONE)
    /* Translators: a persona's role in the buying group, not chosen yet */
    return _("Not set");

  return gtm_buying_role_to_label (role);
}

/* "Introvert – Extrovert": a slider's name, as menus and screen readers
 * say it. */
static char *
trait_name (const char *left,
            const char *right)
{
  /* Translators: the accessible name of a slider between two poles, e.g. "Introvert – Extrovert" */
  return g_strdup_printf (_("%s – %s"), left ? left : "", right ? right : "");
}

static GtmHistory *
get_history (GtmPersonaPage *self)
{
  return gtm_form_get_history (self->form);
}

/* The header: picture, name and summary */

static void
update_header (GtmPersonaPage *self)
{
  const char *name = NULL, *job_title = NULL;
  const char *kind = "";
  g_autofree char *summary = NULL;

  if (self->persona != NULL)
    {
      name = gtm_persona_get_name (self->persona);
      job_title = gtm_persona_get_job_title (self->persona);
      kind = gtm_persona_kind_to_label (gtm_persona_get_kind (self->persona));
    }
  if (name == NULL || name[0] == '\0')
    name = _("Unnamed Persona");

  gtk_label_set_text (self->name_label, name);
  adw_preferences_page_set_title (self->page, name);

  if (job_title != NULL && job_title[0] != '\0')
    /* Translators: a persona's kind and job title, e.g. “Buyer persona · CMO” */
    summary = g_strdup_printf (_("%s · %s"), kind, job_title);
  else
    summary = g_strdup (kind);
  gtk_label_set_text (self->summary_label, summary);
}

/* The avatar follows the persona by itself (gtm_persona_avatar_bind());
 * the button to remove its picture shows while it has one. */
static void
update_avatar (GtmPersonaPage *self)
{
  GBytes *png = self->persona ? gtm_persona_get_avatar (self->persona) : NULL;

  gtk_widget_set_visible (self->remove_image_button, png != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "persona.remove-image", png != NULL);
}

/* Buyer personas show the profile and what drives them, user personas
 * their jobs to be done; what the other kind holds is kept. */
static void
update_groups (GtmPersonaPage *self)
{
  gboolean buyer = self->persona == NULL ||
                   gtm_persona_get_kind (self->persona) == GTM_PERSONA_KIND_BUYER;

  for (guint i = 0; i < self->buyer_groups->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->buyer_groups, i), buyer);
  for (guint i = 0; i < self->user_groups->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->user_groups, i), !buyer);
}

static void
on_persona_notify (GtmPersona     *persona,
                   GParamSpec     *pspec,
                   GtmPersonaPage *self)
{
  if (g_str_equal (pspec->name, "avatar"))
    update_avatar (self);
  else if (g_str_equal (pspec->name, "kind"))
    {
      update_header (self);
      update_groups (self);
    }
  else if (g_str_equal (pspec->name, "name") || g_str_equal (pspec->name, "job-title"))
    update_header (self);
}

/* The picture */

/* @png cut to its middle square and scaled down to
 * GTM_PERSONA_PAGE_AVATAR_SIDE. */
static GBytes *
avatar_from_png (GBytes  *png,
                 GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("png", error);
  g_autoptr(GdkPixbuf) square = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autofree char *buffer = NULL;
  GdkPixbuf *pixbuf;
  gsize size;
  int width, height, side, target;

  if (loader == NULL)
    return NULL;

  if (!gdk_pixbuf_loader_write_bytes (loader, png, error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  side = MIN (width, height);
  target = MIN (side, GTM_PERSONA_PAGE_AVATAR_SIDE);

  if (width == height && side == target)
    return g_bytes_ref (png);

  square = gdk_pixbuf_new_subpixbuf (pixbuf, (width - side) / 2, (height - side) / 2, side, side);
  scaled = gdk_pixbuf_scale_simple (square, target, target, GDK_INTERP_BILINEAR);
  if (!gdk_pixbuf_save_to_buffer (scaled, &buffer, &size, "png", error, NULL))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

static void
import_avatar_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = gtm_image_import_file (task_data, cancellable, NULL, NULL, &error);
  GBytes *avatar = NULL;

  if (png != NULL)
    avatar = avatar_from_png (png, &error);

  if (avatar != NULL)
    g_task_return_pointer (task, avatar, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_avatar_imported (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GtmPersonaPage *self = GTM_PERSONA_PAGE (source);
  GtmPersona *persona = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) avatar = g_task_propagate_pointer (G_TASK (result), &error);

  if (avatar != NULL && persona == self->persona)
    gtm_history_set (get_history (self), GTM_NODE (persona), "avatar", avatar, NULL);
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtm_window_show_error_for (GTK_WIDGET (self), _("Could not set the persona’s picture"), error);

  g_object_unref (persona);
}

void
gtm_persona_page_set_image_file (GtmPersonaPage *self,
                                 GFile          *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GTM_IS_PERSONA_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->persona == NULL)
    return;

  task = g_task_new (self, self->import_cancellable, on_avatar_imported, g_object_ref (self->persona));
  g_task_set_source_tag (task, gtm_persona_page_set_image_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_avatar_thread);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     GtmPersonaPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gtm_persona_page_set_image_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
choose_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtmPersonaPage *self = GTM_PERSONA_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a Picture"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (images, _("Images"));
  gtk_file_filter_add_pixbuf_formats (images);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), images);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtmPersonaPage *self = GTM_PERSONA_PAGE (widget);

  if (self->persona != NULL)
    gtm_history_set (get_history (self), GTM_NODE (self->persona), "avatar", NULL, NULL);
}

static gboolean
on_avatar_drop (GtkDropTarget  *target,
                const GValue   *value,
                double          x,
                double          y,
                GtmPersonaPage *self)
{
  GFile *file = NULL;

  if (self->persona == NULL)
    return FALSE;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      file = files != NULL ? files->data : NULL;
      g_slist_free (files);
    }

  if (file == NULL)
    return FALSE;

  gtm_persona_page_set_image_file (self, file);
  return TRUE;
}

/* Personality sliders */

static void trait_rows_rebuild (GtmPersonaPage *self);

static void
trait_row_free (TraitRow *tr)
{
  g_signal_handlers_disconnect_by_data (tr->trait, tr);
  g_signal_handlers_disconnect_by_data (tr->scale, tr);
  gtm_form_set_node (tr->form, NULL, NULL);
  g_object_unref (tr->form);
  g_object_unref (tr->trait);
  g_free (tr);
}

static void
trait_row_update_names (TraitRow *tr)
{
  const char *left = gtm_trait_get_left (tr->trait);
  const char *right = gtm_trait_get_right (tr->trait);
  g_autofree char *name = trait_name (left, right);

  gtk_label_set_text (GTK_LABEL (tr->left_label), left);
  gtk_label_set_text (GTK_LABEL (tr->right_label), right);
  gtk_widget_set_tooltip_text (tr->left_label, left);
  gtk_widget_set_tooltip_text (tr->right_label, right);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (tr->row), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tr->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
trait_row_update_value (TraitRow *tr)
{
  tr->updating = TRUE;
  gtk_range_set_value (GTK_RANGE (tr->scale), gtm_trait_get_value (tr->trait));
  tr->updating = FALSE;
}

static void
on_trait_notify (GtmTrait   *trait,
                 GParamSpec *pspec,
                 TraitRow   *tr)
{
  if (g_str_equal (pspec->name, "value"))
    trait_row_update_value (tr);
  else
    trait_row_update_names (tr);
}

/* A drag or a run of arrow keys on the slider is one undo step. */
static void
on_trait_scale_changed (GtkRange *range,
                        TraitRow *tr)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (tr->updating)
    return;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, (int) (gtk_range_get_value (range) + 0.5));
  gtm_history_set_typing (get_history (tr->page), GTM_NODE (tr->trait), "value", &value);
}

static void
stop_typing (GtmPersonaPage *self)
{
  if (get_history (self) != NULL)
    gtm_history_stop_typing (get_history (self));
}

static void
on_trait_scale_pressed (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        GtmPersonaPage  *self)
{
  stop_typing (self);
}

/* Moves slider @index by @offset (-1 or 1), or removes it (0). */
static void
trait_action (GtmPersonaPage *self,
              guint           index,
              int             offset)
{
  GtmHistory *history = get_history (self);
  guint n = g_list_model_get_n_items (self->personality);

  if (index >= n || (offset < 0 && index == 0) || (offset > 0 && index + 1 >= n))
    return;

  gtm_history_stop_typing (history);
  if (offset == 0)
    {
      self->trait_focus = index;
      gtm_history_remove (history, GTM_NODE (self->persona), "personality", index);
    }
  else
    {
      self->trait_focus = index + offset;
      gtm_history_move (history, GTM_NODE (self->persona), "personality", index, index + offset);
    }
}

static void
on_trait_move_up (GtkButton *button,
                  TraitRow  *tr)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (tr->edit_button));
  trait_action (tr->page, tr->index, -1);
}

static void
on_trait_move_down (GtkButton *button,
                    TraitRow  *tr)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (tr->edit_button));
  trait_action (tr->page, tr->index, 1);
}

static void
on_trait_remove (GtkButton *button,
                 TraitRow  *tr)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (tr->edit_button));
  trait_action (tr->page, tr->index, 0);
}

/* Alt+Up and Alt+Down move the slider with the focus, as in the lists. */
static gboolean
on_trait_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      TraitRow              *tr)
{
  if ((state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != GDK_ALT_MASK)
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    trait_action (tr->page, tr->index, -1);
  else if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    trait_action (tr->page, tr->index, 1);
  else
    return GDK_EVENT_PROPAGATE;

  return GDK_EVENT_STOP;
}

static GtkWidget *
trait_end_label (float xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 9);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  /* The slider's accessible name says them. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  return label;
}

static GtkWidget *
trait_button (const char *icon,
              const char *tooltip,
              gboolean    sensitive,
              GCallback   callback,
              TraitRow   *tr)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, tr);

  return button;
}

/* The popover of a slider: the names of its ends, moving and removing. */
static GtkWidget *
trait_popover_new (TraitRow *tr,
                   guint     n)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove;

  gtk_widget_set_size_request (box, 300, -1);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtm_form_add_entry (tr->form, group, "left", _("Left label"));
  gtm_form_add_entry (tr->form, group, "right", _("Right label"));
  gtk_box_append (GTK_BOX (box), group);

  gtk_box_append (GTK_BOX (buttons),
                  trait_button ("go-up-symbolic", _("Move Up"), tr->index > 0,
                                G_CALLBACK (on_trait_move_up), tr));
  gtk_box_append (GTK_BOX (buttons),
                  trait_button ("go-down-symbolic", _("Move Down"), tr->index + 1 < n,
                                G_CALLBACK (on_trait_move_down), tr));
  remove = gtk_button_new_with_mnemonic (_("_Remove Trait"));
  gtk_widget_set_hexpand (remove, TRUE);
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_trait_remove), tr);
  gtk_box_append (GTK_BOX (buttons), remove);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_popover_set_child (GTK_POPOVER (popover), box);

  return popover;
}

static TraitRow *
trait_row_new (GtmPersonaPage *self,
               GtmTrait       *trait,
               guint           index,
               guint           n)
{
  TraitRow *tr = g_new0 (TraitRow, 1);
  GtkWidget *box;
  GtkEventController *keys;
  GtkGesture *press;
  GtkEventController *focus;

  tr->page = self;
  tr->trait = g_object_ref (trait);
  tr->index = index;
  tr->form = gtm_form_new (GTM_TYPE_TRAIT);

  tr->row = adw_preferences_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (tr->row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (tr->row), FALSE);
  gtk_widget_set_focusable (tr->row, FALSE);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_size_request (box, -1, 38);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (tr->row), box);

  tr->left_label = trait_end_label (1);
  tr->right_label = trait_end_label (0);
  tr->scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL,
                                        GTM_TRAIT_VALUE_MIN, GTM_TRAIT_VALUE_MAX, 1);
  gtk_scale_set_draw_value (GTK_SCALE (tr->scale), FALSE);
  gtk_scale_add_mark (GTK_SCALE (tr->scale), GTM_TRAIT_VALUE_DEFAULT, GTK_POS_BOTTOM, NULL);
  gtk_range_set_increments (GTK_RANGE (tr->scale), 1, 10);
  gtk_widget_set_hexpand (tr->scale, TRUE);
  gtk_widget_set_valign (tr->scale, GTK_ALIGN_CENTER);

  tr->edit_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (tr->edit_button), "document-edit-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (tr->edit_button), trait_popover_new (tr, n));
  gtk_widget_set_tooltip_text (tr->edit_button, _("Edit Trait"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (tr->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Trait"),
                                  -1);
  gtk_widget_set_valign (tr->edit_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tr->edit_button, "flat");

  gtk_box_append (GTK_BOX (box), tr->left_label);
  gtk_box_append (GTK_BOX (box), tr->scale);
  gtk_box_append (GTK_BOX (box), tr->right_label);
  gtk_box_append (GTK_BOX (box), tr->edit_button);

  gtm_form_set_node (tr->form, get_history (self), GTM_NODE (trait));
  trait_row_update_names (tr);
  trait_row_update_value (tr);
  g_signal_connect (trait, "notify", G_CALLBACK (on_trait_notify), tr);
  g_signal_connect (tr->scale, "value-changed", G_CALLBACK (on_trait_scale_changed), tr);

  /* Each new drag is a step of its own, and so is each visit with the
   * keyboard. */
  press = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect_object (press, "pressed", G_CALLBACK (on_trait_scale_pressed), self, 0);
  gtk_widget_add_controller (tr->scale, GTK_EVENT_CONTROLLER (press));
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (stop_typing), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (tr->scale, focus);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_trait_key_pressed), tr);
  gtk_widget_add_controller (tr->row, keys);

  return tr;
}

static void
trait_rows_clear (GtmPersonaPage *self)
{
  /* Each freed while its row, holding its scale, is still there. */
  while (self->trait_rows->len > 0)
    {
      TraitRow *tr = g_ptr_array_index (self->trait_rows, self->trait_rows->len - 1);
      GtkWidget *row = tr->row;

      g_ptr_array_remove_index (self->trait_rows, self->trait_rows->len - 1);
      adw_preferences_group_remove (self->personality_group, row);
    }
}

static void
trait_rows_rebuild (GtmPersonaPage *self)
{
  guint n = self->personality ? g_list_model_get_n_items (self->personality) : 0;
  int focus = self->trait_focus;
  gboolean edit = self->trait_edit;

  trait_rows_clear (self);
  adw_preferences_group_remove (self->personality_group, self->add_trait_row);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmTrait) trait = g_list_model_get_item (self->personality, i);
      TraitRow *tr = trait_row_new (self, trait, i, n);

      adw_preferences_group_add (self->personality_group, tr->row);
      g_ptr_array_add (self->trait_rows, tr);
    }

  adw_preferences_group_add (self->personality_group, self->add_trait_row);
  gtk_widget_set_sensitive (self->add_trait_row, n < GTM_PERSONA_MAX_PERSONALITY);

  self->trait_focus = -1;
  self->trait_edit = FALSE;
  if (focus >= 0)
    {
      if ((guint) focus >= n)
        focus = (int) n - 1;

      if (focus < 0)
        gtk_widget_grab_focus (self->add_trait_row);
      else
        {
          TraitRow *tr = g_ptr_array_index (self->trait_rows, focus);

          gtk_widget_grab_focus (tr->scale);
          if (edit)
            gtk_menu_button_popup (GTK_MENU_BUTTON (tr->edit_button));
        }
    }
}

static void
on_personality_changed (GListModel     *model,
                        guint           position,
                        guint           removed,
                        guint           added,
                        GtmPersonaPage *self)
{
  trait_rows_rebuild (self);
}

static void
add_trait_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtmPersonaPage *self = GTM_PERSONA_PAGE (widget);
  int preset = g_variant_get_int32 (parameter);
  g_autoptr(GtmTrait) trait = NULL;
  guint n;

  if (self->persona == NULL || preset < 0 || preset > (int) G_N_ELEMENTS (trait_presets))
    return;

  n = g_list_model_get_n_items (self->personality);
  if (n >= GTM_PERSONA_MAX_PERSONALITY)
    return;

  if (preset < (int) G_N_ELEMENTS (trait_presets))
    trait = gtm_trait_new (_(trait_presets[preset].left), _(trait_presets[preset].right),
                           GTM_TRAIT_VALUE_DEFAULT);
  else
    trait = gtm_trait_new (NULL, NULL, GTM_TRAIT_VALUE_DEFAULT);

  /* A custom slider opens to have its ends named. */
  self->trait_focus = n;
  self->trait_edit = preset == G_N_ELEMENTS (trait_presets);
  gtm_history_stop_typing (get_history (self));
  gtm_history_insert (get_history (self), GTM_NODE (self->persona), "personality", n, GTM_NODE (trait));
}

static GMenuModel *
trait_presets_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) presets = g_menu_new ();
  g_autoptr(GMenu) custom = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (trait_presets); i++)
    {
      g_autofree char *label = trait_name (_(trait_presets[i].left), _(trait_presets[i].right));

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "persona.add-trait", g_variant_new_int32 (i));
      g_menu_append_item (presets, item);
      g_clear_object (&item);
    }

  item = g_menu_item_new (_("Custom…"), NULL);
  g_menu_item_set_action_and_target_value (item, "persona.add-trait",
                                           g_variant_new_int32 (G_N_ELEMENTS (trait_presets)));
  g_menu_append_item (custom, item);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (presets));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (custom));

  return G_MENU_MODEL (menu);
}

static GtkWidget *
add_trait_row_new (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = trait_presets_menu ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add Trait"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_widget_add_css_class (row, "gtm-form-add");

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "pan-down-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_tooltip_text (button, _("Add Trait"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Trait"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

/* Building the form */

static GtkWidget *
add_group (GtmPersonaPage *self,
           const char     *title,
           const char     *description,
           GPtrArray      *groups)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  if (groups != NULL)
    g_ptr_array_add (groups, group);

  return group;
}

static void
add_strings (GtmPersonaPage *self,
             const char     *property,
             const char     *title,
             const char     *description,
             const char     *add_label,
             GPtrArray      *groups)
{
  AdwPreferencesGroup *group = gtm_form_add_strings (self->form, NULL, property, title, add_label);

  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (self->page, group);
  g_ptr_array_add (groups, group);
}

static void
build_form (GtmPersonaPage *self)
{
  GtkWidget *profile = GTK_WIDGET (self->profile_group);
  GtkWidget *group;

  gtm_form_add_entry (self->form, GTK_WIDGET (self->identity_group), "name", _("Name"));
  gtm_form_add_choice (self->form, GTK_WIDGET (self->identity_group), "kind", _("Kind"), kind_label);
  /* Translators: the colour of a persona's avatar and card */
  gtm_form_add_color (self->form, GTK_WIDGET (self->identity_group), "avatar-color", _("Color"));

  /* Buyer personas */
  g_ptr_array_add (self->buyer_groups, profile);
  gtm_form_add_entry (self->form, profile, "job-title", _("Job title"));
  gtm_form_add_choice (self->form, profile, "buying-role", _("Role in the buying group"), role_label);
  gtm_form_add_entry (self->form, profile, "age", _("Age"));
  gtm_form_add_entry (self->form, profile, "gender", _("Gender"));
  gtm_form_add_entry (self->form, profile, "location", _("Location"));
  gtm_form_add_entry (self->form, profile, "education", _("Education"));
  gtm_form_add_entry (self->form, profile, "income", _("Income level"));

  add_strings (self, "goals", _("Goals"), _("What they want to achieve at work"),
               _("Add Goal"), self->buyer_groups);
  add_strings (self, "challenges", _("Challenges"), _("What stands in their way"),
               _("Add Challenge"), self->buyer_groups);
  add_strings (self, "influences", _("Influences"),
               _("What influences them when we are not in the room"),
               _("Add Influence"), self->buyer_groups);

  self->personality_group =
    ADW_PREFERENCES_GROUP (add_group (self, _("Personality"),
                                      _("Where they stand between two opposites"),
                                      self->buyer_groups));
  self->add_trait_row = g_object_ref_sink (add_trait_row_new ());
  adw_preferences_group_add (self->personality_group, self->add_trait_row);

  add_strings (self, "traits", _("Personality Traits"), _("Words that describe them"),
               _("Add Word"), self->buyer_groups);

  /* User personas */
  add_strings (self, "jobs", _("Jobs to Be Done"), _("What they use the product to get done"),
               _("Add Job"), self->user_groups);
  add_strings (self, "pains", _("Pains"), _("What annoys them before, during and after the job"),
               _("Add Pain"), self->user_groups);
  add_strings (self, "gains", _("Gains"), _("What would delight them"),
               _("Add Gain"), self->user_groups);
  group = add_group (self, _("Usage Scenario"), NULL, self->user_groups);
  gtm_form_add_text (self->form, group, "scenario", _("When, where and how they use the product"));

  /* Both */
  group = add_group (self, _("Notes"), NULL, NULL);
  gtm_form_add_text (self->form, group, "notes", _("Anything else worth knowing"));
}

static void
gtm_persona_page_dispose (GObject *object)
{
  GtmPersonaPage *self = GTM_PERSONA_PAGE (object);

  gtm_persona_page_set_persona (self, NULL);
  g_cancellable_cancel (self->import_cancellable);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  /* The template's only child is the AdwBin's child: AdwBin disposes it. */

  G_OBJECT_CLASS (gtm_persona_page_parent_class)->dispose (object);
}

static void
gtm_persona_page_finalize (GObject *object)
{
  GtmPersonaPage *self = GTM_PERSONA_PAGE (object);

  g_clear_object (&self->form);
  g_clear_object (&self->own_history);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->add_trait_row);
  g_ptr_array_unref (self->trait_rows);
  g_ptr_array_unref (self->buyer_groups);
  g_ptr_array_unref (self->user_groups);

  G_OBJECT_CLASS (gtm_persona_page_parent_class)->finalize (object);
}

static void
gtm_persona_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GtmPersonaPage *self = GTM_PERSONA_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERSONA:
      g_value_set_object (value, self->persona);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtm_persona_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GtmPersonaPage *self = GTM_PERSONA_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERSONA:
      gtm_persona_page_set_persona (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtm_persona_page_class_init (GtmPersonaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gtm_persona_page_dispose;
  object_class->finalize = gtm_persona_page_finalize;
  object_class->get_property = gtm_persona_page_get_property;
  object_class->set_property = gtm_persona_page_set_property;

  properties[PROP_PERSONA] =
    g_param_spec_object ("persona", NULL, NULL,
                         GTM_TYPE_PERSONA,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "persona.choose-image", NULL, choose_image_action);
  gtk_widget_class_install_action (widget_class, "persona.remove-image", NULL, remove_image_action);
  gtk_widget_class_install_action (widget_class, "persona.add-trait", "i", add_trait_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gtmstudio/GtmStudio/gtm-persona-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, page);
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, remove_image_button);
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, identity_group);
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, profile_group);
}

static void
gtm_persona_page_init (GtmPersonaPage *self)
{
  GtkDropTarget *drop;

  self->trait_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) trait_row_free);
  self->trait_focus = -1;
  self->buyer_groups = g_ptr_array_new ();
  self->user_groups = g_ptr_array_new ();
  self->import_cancellable = g_cancellable_new ();
  self->form = gtm_form_new (GTM_TYPE_PERSONA);

  gtk_widget_init_template (GTK_WIDGET (self));
  build_form (self);

  /* An image file dropped on the picture becomes the picture. */
  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (on_avatar_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->avatar), GTK_EVENT_CONTROLLER (drop));

  update_header (self);
  update_avatar (self);
  update_groups (self);
  trait_rows_rebuild (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->personality_group), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "persona.choose-image", FALSE);
}

GtkWidget *
gtm_persona_page_new (void)
{
  return g_object_new (GTM_TYPE_PERSONA_PAGE, NULL);
}

/**
 * gtm_persona_page_get_persona:
 *
 * Returns: (transfer none) (nullable): the persona shown
 */
GtmPersona *
gtm_persona_page_get_persona (GtmPersonaPage *self)
{
  g_return_val_if_fail (GTM_IS_PERSONA_PAGE (self), NULL);

  return self->persona;
}

GtkWidget *
gtm_persona_page_find_row (GtmPersonaPage *self,
                           GtmNode        *node,
                           const char     *field)
{
  g_return_val_if_fail (GTM_IS_PERSONA_PAGE (self), NULL);

  return gtm_form_find_row (self->form, node, field);
}

/* The project's history, or one of the page's own for a persona outside
 * a project. */
static GtmHistory *
find_history (GtmPersonaPage *self,
              GtmPersona     *persona)
{
  GtmNode *root = gtm_node_get_root (GTM_NODE (persona));

  if (GTM_IS_PROJECT (root))
    return gtm_project_get_history (GTM_PROJECT (root));

  if (self->own_history == NULL)
    self->own_history = gtm_history_new ();
  return self->own_history;
}

void
gtm_persona_page_set_persona (GtmPersonaPage *self,
                              GtmPersona     *persona)
{
  g_return_if_fail (GTM_IS_PERSONA_PAGE (self));
  g_return_if_fail (!persona || GTM_IS_PERSONA (persona));

  if (self->persona == persona)
    return;

  if (self->persona != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->persona, self);
      g_signal_handlers_disconnect_by_data (self->personality, self);
      self->personality = NULL;
      g_clear_object (&self->persona);
    }

  if (persona != NULL)
    {
      self->persona = g_object_ref (persona);
      self->personality = gtm_persona_get_personality (persona);
      g_signal_connect (persona, "notify", G_CALLBACK (on_persona_notify), self);
      g_signal_connect (self->personality, "items-changed", G_CALLBACK (on_personality_changed), self);
      gtm_form_set_node (self->form, find_history (self, persona), GTM_NODE (persona));
    }
  else
    gtm_form_set_node (self->form, NULL, NULL);

  gtm_persona_avatar_bind (self->avatar, persona);

  if (self->buyer_groups != NULL && gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    {
      self->trait_focus = -1;
      trait_rows_rebuild (self);
      gtk_widget_set_sensitive (GTK_WIDGET (self->personality_group), persona != NULL);
      update_header (self);
      update_avatar (self);
      update_groups (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "persona.choose-image", persona != NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA]);
}
