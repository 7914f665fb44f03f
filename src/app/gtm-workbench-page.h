/* gtm-workbench-page.h — a page of the PMM workbench: the forms for the
 * brief, the segments, the competitors, the pricing, the messaging, the
 * launch plan, the metrics and the brand kit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gtm-form.h"
#include "gtm-project.h"

G_BEGIN_DECLS

#define GTM_TYPE_WORKBENCH_PAGE (gtm_workbench_page_get_type ())

G_DECLARE_FINAL_TYPE (GtmWorkbenchPage, gtm_workbench_page, GTM, WORKBENCH_PAGE, AdwBin)

/* What a page shows. Each page is one form (gtm-form.h) on one node of the
 * project: a singleton (the brief) or the project itself (for its lists of
 * segments and competitors). */
typedef struct
{
  const char *name;       /* the page's name in the window's stack, e.g. "brief" */
  const char *title;      /* N_(): the sidebar's and the page's title */
  const char *icon_name;
  GType     (*node_type) (void);
  GtmNode  *(*get_node)  (GtmProject         *project);
  /* Puts the form's rows on @page; may add widgets of its own that follow
   * the node (e.g. a live preview), through gtm_workbench_page_get_node(). */
  void      (*build)     (GtmWorkbenchPage   *self,
                          GtmForm            *form,
                          AdwPreferencesPage *page);
} GtmWorkbenchPageInfo;

/* The pages, in the sidebar's order, @n_pages of them. */
const GtmWorkbenchPageInfo *gtm_workbench_page_get_infos (guint *n_pages);

GtkWidget        *gtm_workbench_page_new          (const GtmWorkbenchPageInfo *info);
const GtmWorkbenchPageInfo *gtm_workbench_page_get_info (GtmWorkbenchPage *self);
void              gtm_workbench_page_set_project  (GtmWorkbenchPage *self,
                                                   GtmProject       *project);
GtmProject       *gtm_workbench_page_get_project  (GtmWorkbenchPage *self);
GtmNode          *gtm_workbench_page_get_node     (GtmWorkbenchPage *self);
/* See gtm_form_find_row(). */
GtkWidget        *gtm_workbench_page_find_row     (GtmWorkbenchPage *self,
                                                   GtmNode          *node,
                                                   const char       *field);

/* For GtmWorkbenchPageInfo.get_node: the project itself, for pages on its
 * lists (segments, competitors). */
GtmNode          *gtm_workbench_page_project_node (GtmProject      *project);

/* The build functions, one per page, each in its own file. */
/* Adds a group titled @title (or untitled) with @description (or none)
 * to @page: the usual way a build function starts a section. */
GtkWidget *gtm_workbench_page_add_group (AdwPreferencesPage *page,
                                         const char         *title,
                                         const char         *description);

void gtm_brief_form_build       (GtmWorkbenchPage *self, GtmForm *form, AdwPreferencesPage *page);
void gtm_segments_form_build    (GtmWorkbenchPage *self, GtmForm *form, AdwPreferencesPage *page);
void gtm_competitors_form_build (GtmWorkbenchPage *self, GtmForm *form, AdwPreferencesPage *page);
void gtm_swot_form_build        (GtmWorkbenchPage *self, GtmForm *form, AdwPreferencesPage *page);
void gtm_messaging_form_build   (GtmWorkbenchPage *self, GtmForm *form, AdwPreferencesPage *page);
void gtm_pricing_form_build     (GtmWorkbenchPage *self, GtmForm *form, AdwPreferencesPage *page);
void gtm_launch_form_build      (GtmWorkbenchPage *self, GtmForm *form, AdwPreferencesPage *page);
void gtm_metrics_form_build     (GtmWorkbenchPage *self, GtmForm *form, AdwPreferencesPage *page);
void gtm_brand_form_build       (GtmWorkbenchPage *self, GtmForm *form, AdwPreferencesPage *page);
void gtm_packs_form_build       (GtmWorkbenchPage *self, GtmForm *form, AdwPreferencesPage *page);

G_END_DECLS
