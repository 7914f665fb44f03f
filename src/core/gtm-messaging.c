/* gtm-messaging.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-messaging"

#include "config.h"

#include "gtm-key-message.h"
#include "gtm-messaging.h"

struct _GtmMessaging
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmMessaging, gtm_messaging, GTM_TYPE_NODE)

static void
gtm_messaging_class_init (GtmMessagingClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_string ("audience", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("need", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("category", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("benefit", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("alternative", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("differentiator", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("why", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
    g_param_spec_string ("how", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
    g_param_spec_string ("what", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
    g_param_spec_string ("elevator-pitch", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
    g_param_spec_string ("brand-voice", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("benefits", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) ==
                   GTM_MESSAGING_SLOT_BENEFITS - GTM_MESSAGING_SLOT_AUDIENCE + 1);

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_MESSAGING_SLOT_AUDIENCE);

  gtm_node_class_add_list (node_class, "key-messages", GTM_TYPE_KEY_MESSAGE,
                           GTM_MESSAGING_MAX_KEY_MESSAGES);
}

static void
gtm_messaging_init (GtmMessaging *self)
{
}

/**
 * gtm_messaging_new:
 *
 * A project has exactly one messaging, created with it; this is for
 * messaging outside a project (templates, tests).
 *
 * Returns: (transfer full): a new, empty messaging with a fresh id
 */
GtmMessaging *
gtm_messaging_new (void)
{
  g_autofree char *id = gtm_node_new_id ("messaging");

  return g_object_new (GTM_TYPE_MESSAGING, "id", id, NULL);
}

const char *
gtm_messaging_get_elevator_pitch (GtmMessaging *self)
{
  g_return_val_if_fail (GTM_IS_MESSAGING (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_MESSAGING_SLOT_ELEVATOR_PITCH);
}

/**
 * gtm_messaging_get_key_messages:
 *
 * Returns: (transfer none): the key messages, a GListModel of GtmKeyMessage
 */
GListModel *
gtm_messaging_get_key_messages (GtmMessaging *self)
{
  g_return_val_if_fail (GTM_IS_MESSAGING (self), NULL);

  return G_LIST_MODEL (gtm_node_get_list (GTM_NODE (self), "key-messages"));
}
