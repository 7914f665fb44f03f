/* gtm-application.h — the application: windows, recent projects, quitting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GTM_RECENT_PROJECTS_MAX 10

#define GTM_TYPE_APPLICATION (gtm_application_get_type ())

G_DECLARE_FINAL_TYPE (GtmApplication, gtm_application, GTM, APPLICATION, AdwApplication)

typedef struct _GtmWindow GtmWindow;

GtmApplication *gtm_application_new              (GApplicationFlags  extra_flags);

GSettings      *gtm_application_get_settings     (GtmApplication    *self);

/* The recent projects for the Open button's menu, most recent first. */
GMenuModel     *gtm_application_get_recent_menu  (GtmApplication    *self);
void            gtm_application_add_recent       (GtmApplication    *self,
                                                  GFile             *file);
void            gtm_application_remove_recent    (GtmApplication    *self,
                                                  GFile             *file);

/* A new window with an untitled project. */
GtmWindow      *gtm_application_new_window       (GtmApplication    *self);

/* Opens @file: presents the window already showing it, or reads it (off the
 * main thread) and shows it in @window if that window shows an untouched
 * untitled project, else in a new window. If the file can't be read, the
 * error is shown in @window, or in the active window. */
void            gtm_application_open_file        (GtmApplication    *self,
                                                  GFile             *file,
                                                  GtmWindow         *window);
/* The window showing @file, if any. */
GtmWindow      *gtm_application_find_window      (GtmApplication    *self,
                                                  GFile             *file);
/* The “GTM Studio Projects” filter of the Open and Save dialogs. */
GtkFileFilter  *gtm_project_filter_new           (void);

/* The number of files being read. */
guint           gtm_application_get_n_loading    (GtmApplication    *self);

G_END_DECLS
