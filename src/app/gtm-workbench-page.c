/* gtm-workbench-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-workbench-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gtm-brand.h"
#include "gtm-brief.h"
#include "gtm-launch-plan.h"
#include "gtm-messaging.h"
#include "gtm-metrics.h"
#include "gtm-pricing.h"
#include "gtm-swot.h"
#include "gtm-workbench-page.h"

struct _GtmWorkbenchPage
{
  AdwBin                      parent_instance;

  const GtmWorkbenchPageInfo *info;
  GtmProject                 *project;
  GtmForm                    *form;
  AdwPreferencesPage         *page;
};

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GtmWorkbenchPage, gtm_workbench_page, ADW_TYPE_BIN)

static const GtmWorkbenchPageInfo infos[] = {
  { "brief", N_("Product Brief"), "x-office-document-symbolic",
    gtm_brief_get_type, gtm_project_get_brief, gtm_brief_form_build },
  { "segments", N_("Market Segments"), "view-grid-symbolic", gtm_project_get_type, gtm_workbench_page_project_node, gtm_segments_form_build },
  { "competitors", N_("Competitors"), "emoji-flags-symbolic", gtm_project_get_type, gtm_workbench_page_project_node, gtm_competitors_form_build },
  { "swot", N_("SWOT"), "view-dual-symbolic", gtm_swot_get_type, gtm_project_get_swot, gtm_swot_form_build },
  { "messaging", N_("Positioning & Messaging"), "chat-message-new-symbolic", gtm_messaging_get_type, gtm_project_get_messaging, gtm_messaging_form_build },
  { "pricing", N_("Pricing"), "x-office-spreadsheet-symbolic", gtm_pricing_get_type, gtm_project_get_pricing, gtm_pricing_form_build },
  { "launch-plan", N_("Launch Plan"), "x-office-calendar-symbolic", gtm_launch_plan_get_type, gtm_project_get_launch_plan, gtm_launch_form_build },
  { "metrics", N_("Funnel & Metrics"), "x-office-presentation-symbolic", gtm_metrics_get_type, gtm_project_get_metrics, gtm_metrics_form_build },
  { "brand", N_("Brand Kit"), "applications-graphics-symbolic", gtm_brand_get_type, gtm_project_get_brand, gtm_brand_form_build },
  { "packs", N_("Asset Packs"), "folder-documents-symbolic", gtm_project_get_type, gtm_workbench_page_project_node, gtm_packs_form_build },
};

GtmNode *
gtm_workbench_page_project_node (GtmProject *project)
{
  return GTM_NODE (project);
}

const GtmWorkbenchPageInfo *
gtm_workbench_page_get_infos (guint *n_pages)
{
  *n_pages = G_N_ELEMENTS (infos);
  return infos;
}

static void
gtm_workbench_page_dispose (GObject *object)
{
  GtmWorkbenchPage *self = GTM_WORKBENCH_PAGE (object);

  if (self->form != NULL)
    gtm_form_set_node (self->form, NULL, NULL);
  g_clear_object (&self->form);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (gtm_workbench_page_parent_class)->dispose (object);
}

static void
gtm_workbench_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GtmWorkbenchPage *self = GTM_WORKBENCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtm_workbench_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GtmWorkbenchPage *self = GTM_WORKBENCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      gtm_workbench_page_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gtm_workbench_page_class_init (GtmWorkbenchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gtm_workbench_page_dispose;
  object_class->get_property = gtm_workbench_page_get_property;
  object_class->set_property = gtm_workbench_page_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         GTM_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gtm_workbench_page_init (GtmWorkbenchPage *self)
{
}

GtkWidget *
gtm_workbench_page_new (const GtmWorkbenchPageInfo *info)
{
  GtmWorkbenchPage *self;

  g_return_val_if_fail (info != NULL, NULL);

  self = g_object_new (GTM_TYPE_WORKBENCH_PAGE, NULL);
  self->info = info;
  self->form = gtm_form_new (info->node_type ());
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (self->page, _(info->title));
  adw_preferences_page_set_icon_name (self->page, info->icon_name);
  info->build (self, self->form, self->page);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));

  return GTK_WIDGET (self);
}

const GtmWorkbenchPageInfo *
gtm_workbench_page_get_info (GtmWorkbenchPage *self)
{
  g_return_val_if_fail (GTM_IS_WORKBENCH_PAGE (self), NULL);

  return self->info;
}

void
gtm_workbench_page_set_project (GtmWorkbenchPage *self,
                                GtmProject       *project)
{
  g_return_if_fail (GTM_IS_WORKBENCH_PAGE (self));
  g_return_if_fail (project == NULL || GTM_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  if (project != NULL)
    gtm_form_set_node (self->form, gtm_project_get_history (project),
                       self->info->get_node (project));
  else
    gtm_form_set_node (self->form, NULL, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

GtmProject *
gtm_workbench_page_get_project (GtmWorkbenchPage *self)
{
  g_return_val_if_fail (GTM_IS_WORKBENCH_PAGE (self), NULL);

  return self->project;
}

GtkWidget *
gtm_workbench_page_find_row (GtmWorkbenchPage *self,
                             GtmNode          *node,
                             const char       *field)
{
  g_return_val_if_fail (GTM_IS_WORKBENCH_PAGE (self), NULL);

  return gtm_form_find_row (self->form, node, field);
}

GtmNode *
gtm_workbench_page_get_node (GtmWorkbenchPage *self)
{
  g_return_val_if_fail (GTM_IS_WORKBENCH_PAGE (self), NULL);

  return gtm_form_get_node (self->form);
}

/**
 * gtm_workbench_page_add_group:
 *
 * Returns: (transfer none): the new #AdwPreferencesGroup, on @page
 */
GtkWidget *
gtm_workbench_page_add_group (AdwPreferencesPage *page,
                              const char         *title,
                              const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  return group;
}
