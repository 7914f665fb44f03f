/* gtm-form.h — form rows bound to the fields of a node, edited through the
 * history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gtm-history.h"
#include "gtm-node.h"

G_BEGIN_DECLS

/*
 * A GtmForm shows the saved fields of one node in libadwaita rows and
 * writes what the user enters back through the history:
 *
 *  - typing in a text or number field is one undo step per run of
 *    keystrokes (gtm_history_set_typing()), ended when the field loses the
 *    focus; every other edit (a choice, a switch, a list entry added,
 *    removed or moved) is one step of its own;
 *  - the rows follow the node, so an undo, a redo or an edit made
 *    elsewhere shows at once, and gtm_form_set_node() shows another node of
 *    the same type in the same rows;
 *  - input the file format would refuse (a number out of range, text in a
 *    number field, a malformed date) is not written: the row is marked as
 *    an error and says why, and the field keeps its last good value.
 *
 * @container, where the functions below put their row, is an
 * AdwPreferencesGroup or an AdwExpanderRow.
 */

#define GTM_TYPE_FORM (gtm_form_get_type ())

G_DECLARE_FINAL_TYPE (GtmForm, gtm_form, GTM, FORM, GObject)

/* The label of an enum value, for gtm_form_add_choice(). */
typedef const char *(*GtmFormLabelFunc) (int value);

/* Fills the rows of one node of a list: @form is the node's own form,
 * @container the list's expander row for it. */
typedef void      (*GtmFormBuildFunc)   (GtmForm    *form,
                                         GtkWidget  *container,
                                         gpointer    user_data);
/* A new node for the list, when the user adds one. */
typedef GtmNode  *(*GtmFormNewNodeFunc) (gpointer    user_data);

GtmForm    *gtm_form_new            (GType          node_type);
void        gtm_form_set_node       (GtmForm       *self,
                                     GtmHistory    *history,
                                     GtmNode       *node);
GtmNode    *gtm_form_get_node       (GtmForm       *self);
GtmHistory *gtm_form_get_history    (GtmForm       *self);

/* A one-line text, date or number field (AdwEntryRow). Numbers are read in
 * the user's locale. */
GtkWidget  *gtm_form_add_entry      (GtmForm       *self,
                                     GtkWidget     *container,
                                     const char    *property,
                                     const char    *title);
/* A multi-line text field. */
GtkWidget  *gtm_form_add_text       (GtmForm       *self,
                                     GtkWidget     *container,
                                     const char    *property,
                                     const char    *title);
/* An enum field as a drop-down (AdwComboRow). */
GtkWidget  *gtm_form_add_choice     (GtmForm       *self,
                                     GtkWidget     *container,
                                     const char    *property,
                                     const char    *title,
                                     GtmFormLabelFunc label_func);
/* A boolean field (AdwActionRow with a GtkSwitch). */
GtkWidget  *gtm_form_add_switch     (GtmForm       *self,
                                     GtkWidget     *container,
                                     const char    *property,
                                     const char    *title,
                                     const char    *subtitle);
/* A colour field ("#rrggbb") with a colour button. */
GtkWidget  *gtm_form_add_color      (GtmForm       *self,
                                     GtkWidget     *container,
                                     const char    *property,
                                     const char    *title);
/* An int or double field as a slider between two labels; @start and @end
 * name the ends of the scale (nullable). */
GtkWidget  *gtm_form_add_scale      (GtmForm       *self,
                                     GtkWidget     *container,
                                     const char    *property,
                                     const char    *title,
                                     const char    *start,
                                     const char    *end);
/* A list of strings (a G_TYPE_STRV field): one entry row each, with a menu
 * to move it up or down and to remove it (the row's actions
 * "list.move-up", "list.move-down" and "list.remove"; Alt+Up/Down move the
 * focused entry too), and a row to add one. Returns the new group, for the
 * caller to put on a page (or in @container when given). */
AdwPreferencesGroup *gtm_form_add_strings (GtmForm   *self,
                                     GtkWidget     *container,
                                     const char    *property,
                                     const char    *title,
                                     const char    *add_label);
/* A list of child nodes (one registered with gtm_node_class_add_list()):
 * one expander row per node, titled with its @title_property and filled by
 * @build, with the same menu as a list of strings, and a row that adds
 * the node @new_node makes and opens it. Returns the new group. */
AdwPreferencesGroup *gtm_form_add_nodes (GtmForm     *self,
                                     const char    *list,
                                     const char    *title,
                                     const char    *add_label,
                                     const char    *title_property,
                                     const char    *untitled,
                                     GtmFormBuildFunc build,
                                     GtmFormNewNodeFunc new_node,
                                     gpointer       user_data);

/* What a widget shows of @node beyond its fields (a row's subtitle, a
 * computed result), brought up to date. */
/* The row that shows @field of @node (or, with @field NULL, the expander
 * row of @node in a list), in this form or a list's form below it; NULL
 * when the form shows no such row. For taking the user to a problem. */
GtkWidget  *gtm_form_find_row       (GtmForm       *self,
                                     GtmNode       *node,
                                     const char    *field);

typedef void (*GtmFormFollowFunc) (GtkWidget *widget,
                                   GtmNode   *node);

/* Calls @update for @widget and the form's node now, and again whenever
 * that node changes (a field of it or anything below it), or, with
 * @parent, the node above it (a funnel stage's conversion depends on the
 * stage before it). For forms whose node stays (a list's rows); one
 * follower per widget. */
void        gtm_form_follow         (GtmForm       *self,
                                     GtkWidget     *widget,
                                     gboolean       parent,
                                     GtmFormFollowFunc update);

/* Marks @row (an AdwEntryRow or AdwActionRow) as holding bad input and
 * says why (@message; NULL clears): in red at the row's end for an entry,
 * as the subtitle of an action row, and as the row's accessible
 * description. */
void        gtm_form_row_set_error  (GtkWidget     *row,
                                     const char    *message);
/* Number entry: text to a double, with the message for bad input. */
gboolean    gtm_form_parse_number   (const char    *text,
                                     GParamSpec    *pspec,
                                     double        *value,
                                     GError       **error);

G_END_DECLS
