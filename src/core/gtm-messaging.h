/* gtm-messaging.h — positioning statement, story, pitch and key messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"

G_BEGIN_DECLS

#define GTM_MESSAGING_MAX_KEY_MESSAGES 1000

/* Slots (property ids) of GtmMessaging, for gtm_node_get_*(). The first six
 * are the parts of the positioning statement: for <audience> who <need>,
 * <product> is a <category> that <benefit>; unlike <alternative>, it
 * <differentiator>. */
typedef enum /*< skip >*/
{
  GTM_MESSAGING_SLOT_AUDIENCE = 2,
  GTM_MESSAGING_SLOT_NEED,
  GTM_MESSAGING_SLOT_CATEGORY,
  GTM_MESSAGING_SLOT_BENEFIT,
  GTM_MESSAGING_SLOT_ALTERNATIVE,
  GTM_MESSAGING_SLOT_DIFFERENTIATOR,
  GTM_MESSAGING_SLOT_WHY,
  GTM_MESSAGING_SLOT_HOW,
  GTM_MESSAGING_SLOT_WHAT,
  GTM_MESSAGING_SLOT_ELEVATOR_PITCH,
  GTM_MESSAGING_SLOT_BRAND_VOICE,
  GTM_MESSAGING_SLOT_BENEFITS,
  GTM_MESSAGING_SLOT_BOILERPLATE,    /* the "About us" paragraph of a press release */
  GTM_MESSAGING_SLOT_CALL_TO_ACTION, /* what the reader should do next */
} GtmMessagingSlot;

#define GTM_TYPE_MESSAGING (gtm_messaging_get_type ())

G_DECLARE_FINAL_TYPE (GtmMessaging, gtm_messaging, GTM, MESSAGING, GtmNode)

GtmMessaging *gtm_messaging_new                (void);
const char   *gtm_messaging_get_elevator_pitch (GtmMessaging *self);
/* The positioning statement in full, in the user's language: "For
 * <audience> who <need>, <product> is a <category> that <benefit>. Unlike
 * <alternative>, it <differentiator>." A missing part of the first sentence
 * shows as a placeholder ("[audience]"); the second sentence is left out
 * unless both its parts are filled in; "" when all six parts are empty. */
char         *gtm_messaging_compose_positioning (GtmMessaging *self,
                                                 const char   *product_name);
/* A GListModel of GtmKeyMessage. */
GListModel   *gtm_messaging_get_key_messages   (GtmMessaging *self);

G_END_DECLS
