/* gtm-key-message.h — a key message, optionally aimed at one persona
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"

G_BEGIN_DECLS

/* Slots (property ids) of GtmKeyMessage, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_KEY_MESSAGE_SLOT_PERSONA = 2,  /* "" or the id of a GtmPersona */
  GTM_KEY_MESSAGE_SLOT_HEADLINE,
  GTM_KEY_MESSAGE_SLOT_BODY,
} GtmKeyMessageSlot;

#define GTM_TYPE_KEY_MESSAGE (gtm_key_message_get_type ())

G_DECLARE_FINAL_TYPE (GtmKeyMessage, gtm_key_message, GTM, KEY_MESSAGE, GtmNode)

GtmKeyMessage *gtm_key_message_new          (const char    *persona_id,
                                             const char    *headline);
const char    *gtm_key_message_get_persona  (GtmKeyMessage *self);
const char    *gtm_key_message_get_headline (GtmKeyMessage *self);
const char    *gtm_key_message_get_body     (GtmKeyMessage *self);

G_END_DECLS
