/* gtm-connector.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-connector"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gtm-connector.h"
#include "gtm-board.h"

struct _GtmConnector
{
  GtmItem parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmConnector, gtm_connector, GTM_TYPE_ITEM)

static gboolean
check_end (GtmBoard   *board,
           const char *id,
           GError    **error)
{
  GtmItem *item = board ? gtm_board_lookup_item (board, id) : NULL;

  if (item == NULL)
    {
      /* Translators: %s is an id such as “note-1a2b3c4d5e6f” */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not an item on this board"), id);
      return FALSE;
    }

  if (GTM_IS_CONNECTOR (item))
    {
      /* Translators: %s is an id such as “connector-1a2b3c4d5e6f” */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is a connector; connectors join other items"), id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
gtm_connector_validate (GtmNode     *node,
                        GtmNode     *root,
                        const char **field,
                        GError     **error)
{
  GtmConnector *self = GTM_CONNECTOR (node);
  GtmNode *parent = gtm_node_get_parent (node);
  GtmBoard *board = GTM_IS_BOARD (parent) ? GTM_BOARD (parent) : NULL;

  if (!check_end (board, gtm_connector_get_source (self), error))
    {
      *field = "source";
      return FALSE;
    }

  if (!check_end (board, gtm_connector_get_target (self), error))
    {
      *field = "target";
      return FALSE;
    }

  return TRUE;
}

static void
gtm_connector_class_init (GtmConnectorClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[4];
  G_GNUC_UNUSED guint first;

  node_class->kind = "connector";
  node_class->validate = gtm_connector_validate;

  pspecs[0] = g_param_spec_string ("source", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED |
                                   GTM_PARAM_REFERENCE);
  pspecs[1] = g_param_spec_string ("target", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED |
                                   GTM_PARAM_REFERENCE);
  pspecs[2] = g_param_spec_boolean ("arrow-start", NULL, NULL, FALSE,
                                    GTM_NODE_DEFAULT_FLAGS);
  pspecs[3] = g_param_spec_boolean ("arrow-end", NULL, NULL, TRUE,
                                    GTM_NODE_DEFAULT_FLAGS);
  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_CONNECTOR_SLOT_SOURCE);

  /* A connector's geometry comes from the items it joins. */
  gtm_node_class_hide_field (node_class, "x");
  gtm_node_class_hide_field (node_class, "y");
  gtm_node_class_hide_field (node_class, "width");
  gtm_node_class_hide_field (node_class, "height");
  gtm_node_class_hide_field (node_class, "fill");
}

static void
gtm_connector_init (GtmConnector *self)
{
}

/**
 * gtm_connector_new:
 *
 * Returns: (transfer full): a dark connector from @source_id to @target_id
 *   with an arrowhead at the target
 */
GtmItem *
gtm_connector_new (const char *source_id,
                   const char *target_id)
{
  g_autofree char *id = gtm_node_new_id ("connector");

  g_return_val_if_fail (source_id != NULL, NULL);
  g_return_val_if_fail (target_id != NULL, NULL);

  return g_object_new (GTM_TYPE_CONNECTOR,
                       "id", id,
                       "source", source_id,
                       "target", target_id,
                       "stroke", "#5e5c64",
                       "font-size", 13.0,
                       NULL);
}

const char *
gtm_connector_get_source (GtmConnector *self)
{
  g_return_val_if_fail (GTM_IS_CONNECTOR (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_CONNECTOR_SLOT_SOURCE);
}

const char *
gtm_connector_get_target (GtmConnector *self)
{
  g_return_val_if_fail (GTM_IS_CONNECTOR (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_CONNECTOR_SLOT_TARGET);
}

gboolean
gtm_connector_get_arrow_start (GtmConnector *self)
{
  g_return_val_if_fail (GTM_IS_CONNECTOR (self), FALSE);

  return gtm_node_get_boolean (GTM_NODE (self), GTM_CONNECTOR_SLOT_ARROW_START);
}

gboolean
gtm_connector_get_arrow_end (GtmConnector *self)
{
  g_return_val_if_fail (GTM_IS_CONNECTOR (self), FALSE);

  return gtm_node_get_boolean (GTM_NODE (self), GTM_CONNECTOR_SLOT_ARROW_END);
}
