/* gtm-key-message.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-key-message"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gtm-format.h"
#include "gtm-key-message.h"
#include "gtm-persona.h"

struct _GtmKeyMessage
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmKeyMessage, gtm_key_message, GTM_TYPE_NODE)

/* The reader has checked that the reference names some node; it must name a
 * persona of the project. */
static gboolean
gtm_key_message_validate (GtmNode     *node,
                          GtmNode     *root,
                          const char **field,
                          GError     **error)
{
  const char *persona_id = gtm_node_get_string (node, GTM_KEY_MESSAGE_SLOT_PERSONA);
  GListModel *personas;
  guint n_personas;

  if (persona_id == NULL || persona_id[0] == '\0')
    return TRUE;

  personas = G_LIST_MODEL (gtm_node_get_list (root, "personas"));
  n_personas = personas != NULL ? g_list_model_get_n_items (personas) : 0;
  for (guint i = 0; i < n_personas; i++)
    {
      g_autoptr(GtmNode) persona = g_list_model_get_item (personas, i);

      if (g_strcmp0 (gtm_node_get_id (persona), persona_id) == 0)
        return TRUE;
    }

  *field = "persona";
  /* Translators: %s is an id such as “board-1a2b3c4d5e6f” */
  g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
               _("“%s” is not a persona of this project"), persona_id);
  return FALSE;
}

static void
gtm_key_message_class_init (GtmKeyMessageClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_string ("persona", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REFERENCE),
    g_param_spec_string ("headline", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED),
    g_param_spec_string ("body", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) ==
                   GTM_KEY_MESSAGE_SLOT_BODY - GTM_KEY_MESSAGE_SLOT_PERSONA + 1);

  node_class->validate = gtm_key_message_validate;

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_KEY_MESSAGE_SLOT_PERSONA);
}

static void
gtm_key_message_init (GtmKeyMessage *self)
{
}

/**
 * gtm_key_message_new:
 * @persona_id: (nullable): the id of the persona it speaks to, or %NULL for
 *   every audience
 * @headline: (nullable): the message in one line
 *
 * Returns: (transfer full): a new key message with a fresh id
 */
GtmKeyMessage *
gtm_key_message_new (const char *persona_id,
                     const char *headline)
{
  g_autofree char *id = gtm_node_new_id ("message");

  return g_object_new (GTM_TYPE_KEY_MESSAGE,
                       "id", id,
                       "persona", persona_id ? persona_id : "",
                       "headline", headline ? headline : "",
                       NULL);
}

const char *
gtm_key_message_get_persona (GtmKeyMessage *self)
{
  g_return_val_if_fail (GTM_IS_KEY_MESSAGE (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_KEY_MESSAGE_SLOT_PERSONA);
}

const char *
gtm_key_message_get_headline (GtmKeyMessage *self)
{
  g_return_val_if_fail (GTM_IS_KEY_MESSAGE (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_KEY_MESSAGE_SLOT_HEADLINE);
}

const char *
gtm_key_message_get_body (GtmKeyMessage *self)
{
  g_return_val_if_fail (GTM_IS_KEY_MESSAGE (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_KEY_MESSAGE_SLOT_BODY);
}
