/* gtm-messaging-form.c — the positioning and messaging page of the
 * workbench: the guided positioning statement with its live preview, the
 * story, the pitch with its reading time, and key messages per persona
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-messaging-form"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gtm-key-message.h"
#include "gtm-messaging.h"
#include "gtm-persona.h"
#include "gtm-reading-time.h"
#include "gtm-workbench-page.h"

/* What the page keeps beside its form: a second form for the project's
 * product name, and the widgets that follow the messaging. */
typedef struct
{
  GtmWorkbenchPage *page;         /* owns this */
  GtmForm          *project_form; /* the product name, a field of the project */
  GtmProject       *project;      /* the one the handlers below are on */
  GtmNode          *messaging;
  GtkLabel         *preview;
  GtkWidget        *preview_time;
  GtkWidget        *copy_button;
  GtkWidget        *pitch_time;
} MessagingPage;

/* Reading time */

/* @seconds, rounded up, for people: "45 seconds", "1 min 20 s". */
static char *
format_duration (double seconds)
{
  guint total = (guint) ceil (seconds);

  if (total < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", total), total);
  if (total % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", total / 60),
                            total / 60);
  /* Translators: a duration in minutes and seconds, e.g. “1 min 20 s” */
  return g_strdup_printf (_("%u min %u s"), total / 60, total % 60);
}

/* A line saying how long @text takes to say, with a warning icon, shown
 * when there is something to say. */
static GtkWidget *
reading_time_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_visible (icon, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (box, "caption");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (box), "gtm-icon", icon);
  g_object_set_data (G_OBJECT (box), "gtm-label", label);

  return box;
}

static void
reading_time_update (GtkWidget  *box,
                     const char *text)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (box), "gtm-icon");
  GtkLabel *label = g_object_get_data (G_OBJECT (box), "gtm-label");
  double seconds = gtm_reading_time_seconds (text);
  gboolean too_long = gtm_reading_time_too_long (seconds);
  g_autofree char *duration = NULL;
  g_autofree char *message = NULL;

  gtk_widget_set_visible (box, seconds > 0);
  if (seconds <= 0)
    return;

  duration = format_duration (seconds);
  if (too_long)
    /* Translators: %s is a duration, e.g. “1 min 20 s” */
    message = g_strdup_printf (_("About %s to say: longer than a minute. Cut it down so it can be said in one go."),
                               duration);
  else
    /* Translators: %s is a duration, e.g. “45 seconds”; how long the text takes to say aloud */
    message = g_strdup_printf (_("About %s to say"), duration);

  gtk_label_set_label (label, message);
  gtk_widget_set_visible (icon, too_long);
  if (too_long)
    {
      gtk_widget_add_css_class (box, "warning");
      gtk_widget_remove_css_class (box, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (box, "warning");
      gtk_widget_add_css_class (box, "dim-label");
    }
}

/* The positioning statement and the pitch follow the model. */

static char *
compose_positioning (MessagingPage *data)
{
  if (data->messaging == NULL)
    return g_strdup ("");

  return gtm_messaging_compose_positioning (GTM_MESSAGING (data->messaging),
                                            gtm_project_get_product_name (data->project));
}

static void
update_preview (MessagingPage *data)
{
  g_autofree char *statement = compose_positioning (data);

  if (*statement == '\0')
    {
      gtk_label_set_label (data->preview, _("Fill in the parts below to build the positioning statement."));
      gtk_widget_add_css_class (GTK_WIDGET (data->preview), "dim-label");
    }
  else
    {
      gtk_label_set_label (data->preview, statement);
      gtk_widget_remove_css_class (GTK_WIDGET (data->preview), "dim-label");
    }

  gtk_widget_set_sensitive (data->copy_button, *statement != '\0');
  reading_time_update (data->preview_time, statement);
}

static void
update_pitch_time (MessagingPage *data)
{
  reading_time_update (data->pitch_time,
                       data->messaging ? gtm_messaging_get_elevator_pitch (GTM_MESSAGING (data->messaging)) : "");
}

static void
on_messaging_notify (GtmNode       *node,
                     GParamSpec    *pspec,
                     MessagingPage *data)
{
  update_preview (data);
  if (g_strcmp0 (pspec->name, "elevator-pitch") == 0)
    update_pitch_time (data);
}

static void
on_product_name_notify (GtmProject    *project,
                        GParamSpec    *pspec,
                        MessagingPage *data)
{
  update_preview (data);
}

static void
disconnect_project (MessagingPage *data)
{
  if (data->messaging != NULL)
    g_signal_handlers_disconnect_by_data (data->messaging, data);
  if (data->project != NULL)
    g_signal_handlers_disconnect_by_data (data->project, data);
  g_clear_object (&data->messaging);
  g_clear_object (&data->project);
}

static void
on_page_project_notify (GtmWorkbenchPage *page,
                        GParamSpec       *pspec,
                        MessagingPage    *data)
{
  GtmProject *project = gtm_workbench_page_get_project (page);

  disconnect_project (data);

  if (project != NULL)
    {
      data->project = g_object_ref (project);
      data->messaging = g_object_ref (gtm_project_get_messaging (project));
      g_signal_connect (data->messaging, "notify", G_CALLBACK (on_messaging_notify), data);
      g_signal_connect (data->project, "notify::product-name", G_CALLBACK (on_product_name_notify), data);
      gtm_form_set_node (data->project_form, gtm_project_get_history (project), GTM_NODE (project));
    }
  else
    gtm_form_set_node (data->project_form, NULL, NULL);

  update_preview (data);
  update_pitch_time (data);
}

static void
messaging_page_free (MessagingPage *data)
{
  disconnect_project (data);
  gtm_form_set_node (data->project_form, NULL, NULL);
  g_object_unref (data->project_form);
  g_free (data);
}

static void
on_copy_clicked (GtkButton     *button,
                 MessagingPage *data)
{
  g_autofree char *statement = compose_positioning (data);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), statement);
}

/* Key messages: the persona each one speaks to */

/* A drop-down of the project's personas, "Everyone" first, following and
 * writing the key message's persona field. */
typedef struct
{
  GtmForm     *form;      /* the key message's own form */
  AdwComboRow *row;
  GListModel  *personas;
  GPtrArray   *ids;       /* the persona id of each entry; "" for everyone */
  GtmNode     *node;      /* the key message the row follows */
  gboolean     updating;
} PersonaChoice;

static void
persona_choice_free (PersonaChoice *choice)
{
  g_signal_handlers_disconnect_by_data (choice->node, choice);
  if (choice->personas != NULL)
    g_signal_handlers_disconnect_by_data (choice->personas, choice);
  g_object_unref (choice->node);
  g_clear_object (&choice->personas);
  g_ptr_array_unref (choice->ids);
  g_free (choice);
}

static void
persona_choice_refresh (PersonaChoice *choice)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *current = gtm_key_message_get_persona (GTM_KEY_MESSAGE (choice->node));
  guint selected = 0;

  g_ptr_array_set_size (choice->ids, 0);
  /* Translators: the persona a key message speaks to, when it speaks to all */
  gtk_string_list_append (labels, _("Everyone"));
  g_ptr_array_add (choice->ids, g_strdup (""));

  for (guint i = 0; choice->personas != NULL && i < g_list_model_get_n_items (choice->personas); i++)
    {
      g_autoptr(GtmPersona) persona = g_list_model_get_item (choice->personas, i);
      const char *name = gtm_persona_get_name (persona);
      const char *id = gtm_node_get_id (GTM_NODE (persona));

      gtk_string_list_append (labels, name != NULL && *name != '\0' ? name : _("Unnamed persona"));
      g_ptr_array_add (choice->ids, g_strdup (id));
      if (g_strcmp0 (id, current) == 0)
        selected = i + 1;
    }

  choice->updating = TRUE;
  adw_combo_row_set_model (choice->row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (choice->row, selected);
  choice->updating = FALSE;
}

/* The persona changed (picked here, undone, redone): the same entries,
 * another one selected. */
static void
persona_choice_sync (PersonaChoice *choice)
{
  const char *current = gtm_key_message_get_persona (GTM_KEY_MESSAGE (choice->node));

  for (guint i = 0; i < choice->ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (choice->ids, i), current) == 0)
      {
        choice->updating = TRUE;
        adw_combo_row_set_selected (choice->row, i);
        choice->updating = FALSE;
        return;
      }

  persona_choice_refresh (choice);
}

static void
on_persona_selected (AdwComboRow   *row,
                     GParamSpec    *pspec,
                     PersonaChoice *choice)
{
  guint selected = adw_combo_row_get_selected (row);
  GtmHistory *history = gtm_form_get_history (choice->form);

  if (choice->updating || history == NULL || selected >= choice->ids->len)
    return;

  if (g_strcmp0 (g_ptr_array_index (choice->ids, selected),
                 gtm_key_message_get_persona (GTM_KEY_MESSAGE (choice->node))) == 0)
    return;

  gtm_history_stop_typing (history);
  gtm_history_set (history, choice->node, "persona", g_ptr_array_index (choice->ids, selected), NULL);
}

static void
on_personas_changed (GListModel    *model,
                     guint          position,
                     guint          removed,
                     guint          added,
                     PersonaChoice *choice)
{
  persona_choice_refresh (choice);
}

static void
on_key_message_persona_notify (GtmNode       *node,
                               GParamSpec    *pspec,
                               PersonaChoice *choice)
{
  persona_choice_sync (choice);
}

static void
on_persona_row_map (GtkWidget     *row,
                    PersonaChoice *choice)
{
  /* A persona renamed since. */
  persona_choice_refresh (choice);
}

static void
build_key_message (GtmForm   *form,
                   GtkWidget *container,
                   gpointer   user_data)
{
  MessagingPage *data = user_data;
  GtmProject *project = gtm_workbench_page_get_project (data->page);
  PersonaChoice *choice = g_new0 (PersonaChoice, 1);
  GtkWidget *row = adw_combo_row_new ();

  choice->form = form;
  choice->row = ADW_COMBO_ROW (row);
  choice->node = g_object_ref (gtm_form_get_node (form));
  g_signal_connect (choice->node, "notify::persona", G_CALLBACK (on_key_message_persona_notify), choice);
  choice->ids = g_ptr_array_new_with_free_func (g_free);
  if (project != NULL)
    {
      choice->personas = g_object_ref (gtm_project_get_personas (project));
      g_signal_connect (choice->personas, "items-changed", G_CALLBACK (on_personas_changed), choice);
    }
  g_object_set_data_full (G_OBJECT (row), "gtm-persona-choice", choice,
                          (GDestroyNotify) persona_choice_free);

  /* Translators: the persona a key message is written for */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Speaks to"));
  persona_choice_refresh (choice);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_persona_selected), choice);
  g_signal_connect (row, "map", G_CALLBACK (on_persona_row_map), choice);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (container), row);

  gtm_form_add_entry (form, container, "headline", _("Headline"));
  gtm_form_add_text (form, container, "body", _("Supporting copy"));
}

static GtmNode *
new_key_message (gpointer user_data)
{
  return GTM_NODE (gtm_key_message_new (NULL, NULL));
}

/* The page */

static GtkWidget *
preview_new (MessagingPage *data)
{
  GtkWidget *box, *card, *label, *footer, *button;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 18);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_add_css_class (label, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Positioning statement"),
                                  -1);
  gtk_box_append (GTK_BOX (card), label);
  gtk_box_append (GTK_BOX (box), card);

  footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  data->preview_time = reading_time_new ();
  gtk_widget_set_hexpand (data->preview_time, TRUE);
  gtk_widget_set_valign (data->preview_time, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (footer), data->preview_time);

  button = gtk_button_new_with_mnemonic (_("_Copy"));
  gtk_widget_set_tooltip_text (button, _("Copy the positioning statement"));
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (on_copy_clicked), data);
  gtk_box_append (GTK_BOX (footer), button);
  gtk_box_append (GTK_BOX (box), footer);

  data->preview = GTK_LABEL (label);
  data->copy_button = button;

  return box;
}

void
gtm_messaging_form_build (GtmWorkbenchPage   *self,
                          GtmForm            *form,
                          AdwPreferencesPage *page)
{
  MessagingPage *data = g_new0 (MessagingPage, 1);
  GtkWidget *group;

  data->page = self;
  data->project_form = gtm_form_new (GTM_TYPE_PROJECT);
  g_object_set_data_full (G_OBJECT (self), "gtm-messaging-page", data,
                          (GDestroyNotify) messaging_page_free);
  g_signal_connect (self, "notify::project", G_CALLBACK (on_page_project_notify), data);

  /* The preview sits above the parts it is built from; a group puts
   * widgets other than rows below its rows, so the parts have a group of
   * their own. */
  group = gtm_workbench_page_add_group (page, _("Positioning Statement"),
                     _("Who the product is for, what it is and why it wins, in one statement. It updates as you type."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), preview_new (data));

  group = gtm_workbench_page_add_group (page, NULL, NULL);
  gtm_form_add_entry (data->project_form, group, "product-name", _("Product name"));
  /* Translators: the part of the positioning statement after “For”:
   * the target audience. The dots stand for what the user types. */
  gtm_form_add_entry (form, group, "audience", _("For … (target audience)"));
  /* Translators: the part after “who”: the audience's need */
  gtm_form_add_entry (form, group, "need", _("who … (their need)"));
  /* Translators: the part after “is a”: the product's category */
  gtm_form_add_entry (form, group, "category", _("is a … (category)"));
  /* Translators: the part after “that”: the key benefit */
  gtm_form_add_entry (form, group, "benefit", _("that … (key benefit)"));
  /* Translators: the part after “Unlike”: what the audience uses now */
  gtm_form_add_entry (form, group, "alternative", _("Unlike … (the alternative)"));
  /* Translators: the part after “it”: what sets the product apart */
  gtm_form_add_entry (form, group, "differentiator", _("it … (what sets it apart)"));

  group = gtm_workbench_page_add_group (page, _("Story"),
                     _("Why the product exists, how it works and what it does, in that order."));
  gtm_form_add_text (form, group, "why", _("Why"));
  gtm_form_add_text (form, group, "how", _("How"));
  gtm_form_add_text (form, group, "what", _("What"));

  group = gtm_workbench_page_add_group (page, _("Elevator Pitch"),
                     _("What you would say to a buyer in a lift: a minute at most."));
  gtm_form_add_text (form, group, "elevator-pitch", _("Pitch"));
  data->pitch_time = reading_time_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), data->pitch_time);

  group = gtm_workbench_page_add_group (page, _("Voice"), NULL);
  gtm_form_add_entry (form, group, "brand-voice", _("Brand voice"));
  gtm_form_add_text (form, group, "boilerplate", _("Boilerplate (the “About us” paragraph)"));

  group = gtm_workbench_page_add_group (page, _("Call to Action"),
                     _("What the reader should do next. The one-pager ends with it."));
  gtm_form_add_entry (form, group, "call-to-action", _("Call to action"));

  adw_preferences_page_add (page, gtm_form_add_strings (form, NULL, "benefits",
                                                        _("Benefits"), _("Add Benefit")));

  {
    AdwPreferencesGroup *messages =
      gtm_form_add_nodes (form, "key-messages", _("Key Messages"), _("Add Key Message"),
                          "headline", _("Untitled message"),
                          build_key_message, new_key_message, data);

    adw_preferences_group_set_description (messages,
                                           _("A headline and supporting copy for each persona, or for everyone."));
    adw_preferences_page_add (page, messages);
  }

  update_preview (data);
  update_pitch_time (data);
}
