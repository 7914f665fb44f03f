/* gtm-history.h — the one history of reversible changes of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"

G_BEGIN_DECLS

#define GTM_TYPE_HISTORY (gtm_history_get_type ())

G_DECLARE_FINAL_TYPE (GtmHistory, gtm_history, GTM, HISTORY, GObject)

GtmHistory *gtm_history_new           (void);

/* The node that owns this history (the project). Changes don't hold a
 * reference on it, which would keep both alive forever. */
void        gtm_history_set_root      (GtmHistory  *self,
                                       GtmNode     *root);

/* Each call below is one step, unless made between gtm_history_begin() and
 * gtm_history_end(), which make everything in between one step (a drag, a
 * paste, a delete with its connectors). Inside a step, repeated changes of
 * the same field keep only the first old value, so a live gesture costs one
 * change per field however many updates it makes. */
void        gtm_history_begin         (GtmHistory  *self,
                                       const char  *label);
void        gtm_history_end           (GtmHistory  *self);

/* Sets saved fields like g_object_set(). Numbers are held to the field's
 * limits; other values the file format would refuse (see
 * gtm_format_check_value(), which editors call on user input first) are a
 * programming error and change nothing. Setting a field to the value it has
 * records nothing. */
void        gtm_history_set           (GtmHistory  *self,
                                       GtmNode     *node,
                                       const char  *first_property,
                                       ...) G_GNUC_NULL_TERMINATED;
void        gtm_history_set_value     (GtmHistory   *self,
                                       GtmNode      *node,
                                       const char   *property,
                                       const GValue *value);

/* Typing in a form field: like gtm_history_set_value(), but the change
 * joins the newest step when that step was typing in the same field and
 * nothing was done, undone or redone since, so a run of keystrokes is one
 * step. A run ends with gtm_history_stop_typing(), which a field calls when
 * it loses the focus. */
void        gtm_history_set_typing    (GtmHistory   *self,
                                       GtmNode      *node,
                                       const char   *property,
                                       const GValue *value);
void        gtm_history_stop_typing   (GtmHistory   *self);

/* List edits. @owner is the node holding the list called @list. */
void        gtm_history_insert        (GtmHistory  *self,
                                       GtmNode     *owner,
                                       const char  *list,
                                       guint        position,
                                       GtmNode     *node);
void        gtm_history_remove        (GtmHistory  *self,
                                       GtmNode     *owner,
                                       const char  *list,
                                       guint        position);
void        gtm_history_move          (GtmHistory  *self,
                                       GtmNode     *owner,
                                       const char  *list,
                                       guint        from,
                                       guint        to);

gboolean    gtm_history_can_undo      (GtmHistory  *self);
gboolean    gtm_history_can_redo      (GtmHistory  *self);
const char *gtm_history_get_undo_label (GtmHistory *self);
const char *gtm_history_get_redo_label (GtmHistory *self);
gboolean    gtm_history_undo          (GtmHistory  *self);
gboolean    gtm_history_redo          (GtmHistory  *self);

/* The saved marker. A state names the document as it stands after a
 * step; the project is modified when the current state is not the one that
 * was saved (or opened). A save records the state it serialized, so edits
 * made while it is written keep the project modified. */
guint64     gtm_history_get_state     (GtmHistory  *self);
void        gtm_history_mark_saved    (GtmHistory  *self,
                                       guint64      state);
gboolean    gtm_history_get_modified  (GtmHistory  *self);

guint       gtm_history_get_n_undo    (GtmHistory  *self);

G_END_DECLS
