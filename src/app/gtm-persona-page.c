/* gtm-persona-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-persona-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gtm-persona-page.h"

struct _GtmPersonaPage
{
  AdwBin                parent_instance;

  GtmPersona           *persona;
  gulong                changed_id;
  GPtrArray            *rows; /* (element-type AdwPreferencesGroup GtkWidget) pairs */

  AdwPreferencesPage   *page;
  AdwAvatar            *avatar;
  GtkLabel             *name_label;
  GtkLabel             *summary_label;
  AdwPreferencesGroup  *profile_group;
  AdwPreferencesGroup  *motivation_group;
  AdwPreferencesGroup  *jobs_group;
  AdwPreferencesGroup  *notes_group;
};

enum {
  PROP_0,
  PROP_PERSONA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GtmPersonaPage, gtm_persona_page, ADW_TYPE_BIN)

typedef enum
{
  GROUP_PROFILE,
  GROUP_MOTIVATION,
  GROUP_JOBS,
  GROUP_NOTES,
} Group;

/* The fields shown, in order, with the group they go in. */
static const struct {
  const char *property;
  const char *title;
  Group       group;
} fields[] = {
  { "job-title",   N_("Job title"),                GROUP_PROFILE },
  { "buying-role", N_("Role in the buying group"), GROUP_PROFILE },
  { "age",         N_("Age"),                      GROUP_PROFILE },
  { "gender",      N_("Gender"),                   GROUP_PROFILE },
  { "location",    N_("Location"),                 GROUP_PROFILE },
  { "education",   N_("Education"),                GROUP_PROFILE },
  { "income",      N_("Income level"),             GROUP_PROFILE },
  { "goals",       N_("Goals"),                    GROUP_MOTIVATION },
  { "challenges",  N_("Challenges"),               GROUP_MOTIVATION },
  { "traits",      N_("Personality traits"),       GROUP_MOTIVATION },
  { "influences",  N_("Influences"),               GROUP_MOTIVATION },
  { "jobs",        N_("Jobs to be done"),          GROUP_JOBS },
  { "pains",       N_("Pains"),                    GROUP_JOBS },
  { "gains",       N_("Gains"),                    GROUP_JOBS },
  { "scenario",    N_("Usage scenario"),           GROUP_JOBS },
  { "notes",       N_("Notes"),                    GROUP_NOTES },
};

const char *
gtm_persona_kind_to_label (GtmPersonaKind kind)
{
  switch (kind)
    {
    case GTM_PERSONA_KIND_BUYER:
      return _("Buyer persona");

    case GTM_PERSONA_KIND_USER:
      return _("User persona");

    default:
      return "";
    }
}

const char *
gtm_buying_role_to_label (GtmBuyingRole role)
{
  switch (role)
    {
    case GTM_BUYING_ROLE_DECISION_MAKER:
      return _("Decision maker");

    case GTM_BUYING_ROLE_INFLUENCER:
      return _("Influencer");

    case GTM_BUYING_ROLE_CHAMPION:
      return _("Champion");

    case GTM_BUYING_ROLE_GATEKEEPER:
      return _("Gatekeeper");

    case GTM_BUYING_ROLE_USER:
      return _("User");

    case GTM_BUYING_ROLE_NONE:
    default:
      return "";
    }
}

/* The text of a field, or NULL when it is empty. */
static char *
format_field (GtmPersona *persona,
              const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (persona), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (pspec != NULL, NULL);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (persona), property, &value);

  if (G_VALUE_HOLDS_STRING (&value))
    {
      const char *text = g_value_get_string (&value);

      return text && text[0] ? g_strdup (text) : NULL;
    }

  if (G_VALUE_HOLDS_INT (&value))
    {
      int number = g_value_get_int (&value);

      return number > 0 ? g_strdup_printf ("%d", number) : NULL;
    }

  if (G_VALUE_HOLDS (&value, G_TYPE_STRV))
    {
      const char * const *strv = g_value_get_boxed (&value);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        {
          if (strv[i][0] == '\0')
            continue;
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, "• %s", strv[i]);
        }

      return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
    }

  if (g_strcmp0 (property, "buying-role") == 0 && G_VALUE_HOLDS_ENUM (&value))
    {
      const char *label = gtm_buying_role_to_label (g_value_get_enum (&value));

      return label[0] ? g_strdup (label) : NULL;
    }

  return NULL;
}

static AdwPreferencesGroup *
get_group (GtmPersonaPage *self,
           Group           group)
{
  switch (group)
    {
    case GROUP_PROFILE:
      return self->profile_group;
    case GROUP_MOTIVATION:
      return self->motivation_group;
    case GROUP_JOBS:
      return self->jobs_group;
    case GROUP_NOTES:
    default:
      return self->notes_group;
    }
}

static void
clear_rows (GtmPersonaPage *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i),
                                  g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

static void
rebuild (GtmPersonaPage *self)
{
  gboolean group_used[GROUP_NOTES + 1] = { FALSE, };
  const char *name, *job_title;
  g_autofree char *summary = NULL;

  clear_rows (self);

  if (self->persona == NULL)
    return;

  name = gtm_persona_get_name (self->persona);
  if (name == NULL || name[0] == '\0')
    name = _("Unnamed Persona");

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_text (self->name_label, name);
  adw_preferences_page_set_title (self->page, name);

  job_title = gtm_persona_get_job_title (self->persona);
  if (job_title != NULL && job_title[0] != '\0')
    /* Translators: a persona's kind and job title, e.g. “Buyer persona · CMO” */
    summary = g_strdup_printf (_("%s · %s"),
                               gtm_persona_kind_to_label (gtm_persona_get_kind (self->persona)),
                               job_title);
  else
    summary = g_strdup (gtm_persona_kind_to_label (gtm_persona_get_kind (self->persona)));
  gtk_label_set_text (self->summary_label, summary);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = format_field (self->persona, fields[i].property);
      AdwPreferencesGroup *group;
      GtkWidget *row;

      if (text == NULL)
        continue;

      group = get_group (self, fields[i].group);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "persona-field");
      adw_preferences_group_add (group, row);

      g_ptr_array_add (self->rows, group);
      g_ptr_array_add (self->rows, row);
      group_used[fields[i].group] = TRUE;
    }

  for (guint i = 0; i <= GROUP_NOTES; i++)
    gtk_widget_set_visible (GTK_WIDGET (get_group (self, i)), group_used[i]);
}

static void
gtm_persona_page_dispose (GObject *object)
{
  GtmPersonaPage *self = GTM_PERSONA_PAGE (object);

  gtm_persona_page_set_persona (self, NULL);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  /* The template's only child is the AdwBin's child: AdwBin disposes it. */

  G_OBJECT_CLASS (gtm_persona_page_parent_class)->dispose (object);
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
  object_class->get_property = gtm_persona_page_get_property;
  object_class->set_property = gtm_persona_page_set_property;

  properties[PROP_PERSONA] =
    g_param_spec_object ("persona", NULL, NULL,
                         GTM_TYPE_PERSONA,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gtmstudio/GtmStudio/gtm-persona-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, page);
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, profile_group);
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, motivation_group);
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, jobs_group);
  gtk_widget_class_bind_template_child (widget_class, GtmPersonaPage, notes_group);
}

static void
gtm_persona_page_init (GtmPersonaPage *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
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
      g_clear_signal_handler (&self->changed_id, self->persona);
      g_clear_object (&self->persona);
    }

  if (persona != NULL)
    {
      self->persona = g_object_ref (persona);
      self->changed_id = g_signal_connect_swapped (persona, "changed",
                                                   G_CALLBACK (rebuild), self);
    }

  if (self->rows != NULL)
    rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA]);
}
