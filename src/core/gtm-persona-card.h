/* gtm-persona-card.h — a persona shown as a card on a board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-item.h"
#include "gtm-persona.h"

G_BEGIN_DECLS

/*
 * A board item that shows one persona of the project as a card: its
 * avatar, name, kind and job title, then the fields that matter for its
 * kind. Kind "persona-card". The card holds only the persona's id; what it
 * shows is read from the persona each time it is drawn, so it follows the
 * persona's edits.
 *
 * The reference is weak (GTM_PARAM_WEAK): deleting the persona leaves the
 * card on its board, and files keep such cards. A card whose persona does
 * not exist (any more) is drawn broken, with a dashed red outline.
 */

#define GTM_PERSONA_CARD_WIDTH  320.0
#define GTM_PERSONA_CARD_HEIGHT 400.0

#define GTM_PERSONA_CARD_SLOT_PERSONA (GTM_ITEM_N_SLOTS + 1)

#define GTM_TYPE_PERSONA_CARD (gtm_persona_card_get_type ())
G_DECLARE_FINAL_TYPE (GtmPersonaCard, gtm_persona_card, GTM, PERSONA_CARD, GtmItem)

GtmItem    *gtm_persona_card_new            (double          x,
                                             double          y,
                                             const char     *persona_id);
const char *gtm_persona_card_get_persona_id (GtmPersonaCard *self);
/* The persona the card shows, from the project the card is in; NULL when
 * the card is on no project's board or the persona does not exist. */
GtmPersona *gtm_persona_card_get_persona    (GtmPersonaCard *self);

G_END_DECLS
