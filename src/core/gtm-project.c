/* gtm-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gtm-project.h"
#include "gtm-key-message.h"
#include "gtm-brief.h"
#include "gtm-competitor.h"
#include "gtm-launch-plan.h"
#include "gtm-messaging.h"
#include "gtm-metrics.h"
#include "gtm-persona.h"
#include "gtm-pricing.h"
#include "gtm-segment.h"
#include "gtm-swot.h"

struct _GtmProject
{
  GtmNode     parent_instance;

  GtmHistory *history;
};

G_DEFINE_FINAL_TYPE (GtmProject, gtm_project, GTM_TYPE_NODE)

/* Indexes of the lists and children, in the order class_init adds them. */
enum { LIST_BOARDS, LIST_PERSONAS, LIST_SEGMENTS, LIST_COMPETITORS };
enum { CHILD_BRIEF, CHILD_SWOT, CHILD_MESSAGING, CHILD_PRICING, CHILD_LAUNCH_PLAN, CHILD_METRICS };

static void
gtm_project_finalize (GObject *object)
{
  GtmProject *self = GTM_PROJECT (object);

  g_clear_object (&self->history);

  G_OBJECT_CLASS (gtm_project_parent_class)->finalize (object);
}

static void
gtm_project_class_init (GtmProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[5];
  G_GNUC_UNUSED guint first;

  object_class->finalize = gtm_project_finalize;

  pspecs[0] = g_param_spec_string ("title", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED);
  pspecs[1] = g_param_spec_string ("product-name", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS);
  /* A BCP 47 tag such as "zh-CN": the language the content is written in. */
  pspecs[2] = g_param_spec_string ("language", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS);
  pspecs[3] = g_param_spec_string ("created", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_DATETIME);
  pspecs[4] = g_param_spec_string ("modified", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_DATETIME);
  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_PROJECT_SLOT_TITLE);

  gtm_node_class_add_child (node_class, "brief", GTM_TYPE_BRIEF);
  gtm_node_class_add_child (node_class, "swot", GTM_TYPE_SWOT);
  gtm_node_class_add_child (node_class, "messaging", GTM_TYPE_MESSAGING);
  gtm_node_class_add_child (node_class, "pricing", GTM_TYPE_PRICING);
  gtm_node_class_add_child (node_class, "launch-plan", GTM_TYPE_LAUNCH_PLAN);
  gtm_node_class_add_child (node_class, "metrics", GTM_TYPE_METRICS);

  gtm_node_class_add_list (node_class, "boards", GTM_TYPE_BOARD, GTM_PROJECT_MAX_BOARDS);
  gtm_node_class_add_list (node_class, "personas", GTM_TYPE_PERSONA, GTM_PROJECT_MAX_ENTRIES);
  gtm_node_class_add_list (node_class, "segments", GTM_TYPE_SEGMENT, GTM_PROJECT_MAX_ENTRIES);
  gtm_node_class_add_list (node_class, "competitors", GTM_TYPE_COMPETITOR, GTM_PROJECT_MAX_ENTRIES);
}

static void
gtm_project_init (GtmProject *self)
{
  self->history = gtm_history_new ();
  gtm_history_set_root (self->history, GTM_NODE (self));
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * gtm_project_new:
 *
 * Returns: (transfer full): an empty project created now
 */
GtmProject *
gtm_project_new (const char *title)
{
  g_autofree char *id = gtm_node_new_id ("project");
  g_autofree char *now = now_iso8601 ();

  return g_object_new (GTM_TYPE_PROJECT,
                       "id", id,
                       "title", title ? title : "",
                       "created", now,
                       "modified", now,
                       NULL);
}

/**
 * gtm_project_get_history:
 *
 * Returns: (transfer none): the history every edit of this project goes
 *   through
 */
GtmHistory *
gtm_project_get_history (GtmProject *self)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return self->history;
}

const char *
gtm_project_get_title (GtmProject *self)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PROJECT_SLOT_TITLE);
}

const char *
gtm_project_get_product_name (GtmProject *self)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PROJECT_SLOT_PRODUCT_NAME);
}

const char *
gtm_project_get_language (GtmProject *self)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PROJECT_SLOT_LANGUAGE);
}

const char *
gtm_project_get_created (GtmProject *self)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PROJECT_SLOT_CREATED);
}

const char *
gtm_project_get_modified (GtmProject *self)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PROJECT_SLOT_MODIFIED);
}

/**
 * gtm_project_touch:
 *
 * Stamps the modified time with now. Saving calls this; it is not an edit
 * and does not go through the history.
 */
void
gtm_project_touch (GtmProject *self)
{
  g_autofree char *now = now_iso8601 ();

  g_return_if_fail (GTM_IS_PROJECT (self));

  g_object_set (self, "modified", now, NULL);
}

static GListModel *
list_at (GtmProject *self,
         guint       index)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (gtm_node_get_list_at (GTM_NODE (self), index));
}

static GtmNode *
child_at (GtmProject *self,
          guint       index)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return gtm_node_get_child_at (GTM_NODE (self), index);
}

/**
 * gtm_project_get_boards:
 *
 * Returns: (transfer none): the boards, a list of #GtmBoard
 */
GListModel *
gtm_project_get_boards (GtmProject *self)
{
  return list_at (self, LIST_BOARDS);
}

/**
 * gtm_project_get_personas:
 *
 * Returns: (transfer none): the personas, a list of #GtmPersona
 */
GListModel *
gtm_project_get_personas (GtmProject *self)
{
  return list_at (self, LIST_PERSONAS);
}

/**
 * gtm_project_get_segments:
 *
 * Returns: (transfer none): the market segments, a list of #GtmSegment
 */
GListModel *
gtm_project_get_segments (GtmProject *self)
{
  return list_at (self, LIST_SEGMENTS);
}

/**
 * gtm_project_get_competitors:
 *
 * Returns: (transfer none): the competitors, a list of #GtmCompetitor
 */
GListModel *
gtm_project_get_competitors (GtmProject *self)
{
  return list_at (self, LIST_COMPETITORS);
}

/**
 * gtm_project_get_brief:
 *
 * Returns: (transfer none): the product brief, a #GtmBrief
 */
GtmNode *
gtm_project_get_brief (GtmProject *self)
{
  return child_at (self, CHILD_BRIEF);
}

/**
 * gtm_project_get_swot:
 *
 * Returns: (transfer none): the product's SWOT, a #GtmSwot
 */
GtmNode *
gtm_project_get_swot (GtmProject *self)
{
  return child_at (self, CHILD_SWOT);
}

/**
 * gtm_project_get_messaging:
 *
 * Returns: (transfer none): positioning and messaging, a #GtmMessaging
 */
GtmNode *
gtm_project_get_messaging (GtmProject *self)
{
  return child_at (self, CHILD_MESSAGING);
}

/**
 * gtm_project_get_pricing:
 *
 * Returns: (transfer none): the pricing strategy, a #GtmPricing
 */
GtmNode *
gtm_project_get_pricing (GtmProject *self)
{
  return child_at (self, CHILD_PRICING);
}

/**
 * gtm_project_get_launch_plan:
 *
 * Returns: (transfer none): the launch plan, a #GtmLaunchPlan
 */
GtmNode *
gtm_project_get_launch_plan (GtmProject *self)
{
  return child_at (self, CHILD_LAUNCH_PLAN);
}

/**
 * gtm_project_get_metrics:
 *
 * Returns: (transfer none): the funnel and metrics, a #GtmMetrics
 */
GtmNode *
gtm_project_get_metrics (GtmProject *self)
{
  return child_at (self, CHILD_METRICS);
}

/**
 * gtm_project_count_items:
 *
 * Returns: the number of items on all boards
 */
guint
gtm_project_count_items (GtmProject *self)
{
  GListModel *boards = gtm_project_get_boards (self);
  guint n = g_list_model_get_n_items (boards);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmBoard) board = g_list_model_get_item (boards, i);

      count += gtm_board_get_n_items (board);
    }

  return count;
}

void
gtm_project_remove_persona (GtmProject *self,
                            GtmNode    *persona)
{
  GListModel *messages;
  const char *id;
  guint position;
  guint n;

  g_return_if_fail (GTM_IS_PROJECT (self));
  g_return_if_fail (GTM_IS_PERSONA (persona));

  if (!g_list_store_find (G_LIST_STORE (gtm_project_get_personas (self)), persona, &position))
    g_return_if_reached ();

  id = gtm_node_get_id (persona);
  messages = gtm_messaging_get_key_messages (GTM_MESSAGING (gtm_project_get_messaging (self)));
  n = g_list_model_get_n_items (messages);

  /* Translators: an undo step, shown as “Undo Delete Persona” */
  gtm_history_begin (self->history, _("Delete Persona"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmKeyMessage) message = g_list_model_get_item (messages, i);

      if (g_strcmp0 (gtm_key_message_get_persona (message), id) == 0)
        gtm_history_set (self->history, GTM_NODE (message), "persona", "", NULL);
    }

  gtm_history_remove (self->history, GTM_NODE (self), "personas", position);

  gtm_history_end (self->history);
}
