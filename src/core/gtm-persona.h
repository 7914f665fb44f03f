/* gtm-persona.h — a buyer persona (who decides and pays) or a user persona
 * (who uses the product)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"
#include "gtm-enums.h"

G_BEGIN_DECLS

typedef enum
{
  GTM_PERSONA_KIND_BUYER,
  GTM_PERSONA_KIND_USER,
} GtmPersonaKind;

/* The persona's role in the buying group. */
typedef enum
{
  GTM_BUYING_ROLE_NONE,
  GTM_BUYING_ROLE_DECISION_MAKER,
  GTM_BUYING_ROLE_INFLUENCER,
  GTM_BUYING_ROLE_CHAMPION,
  GTM_BUYING_ROLE_GATEKEEPER,
  GTM_BUYING_ROLE_USER,
} GtmBuyingRole;

#define GTM_PERSONA_AGE_MAX 150
/* Personality sliders (GtmTrait) of one persona. */
#define GTM_PERSONA_MAX_PERSONALITY 32

/* Slots (property ids) of GtmPersona, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_PERSONA_SLOT_KIND = 2,
  GTM_PERSONA_SLOT_NAME,
  GTM_PERSONA_SLOT_AVATAR_COLOR,
  GTM_PERSONA_SLOT_AVATAR,          /* NULL or a PNG file's bytes; the initials show without */
  GTM_PERSONA_SLOT_AGE,             /* 0: unknown */
  GTM_PERSONA_SLOT_GENDER,
  GTM_PERSONA_SLOT_LOCATION,
  GTM_PERSONA_SLOT_EDUCATION,
  GTM_PERSONA_SLOT_JOB_TITLE,
  GTM_PERSONA_SLOT_INCOME,
  GTM_PERSONA_SLOT_GOALS,
  GTM_PERSONA_SLOT_CHALLENGES,
  GTM_PERSONA_SLOT_TRAITS,
  GTM_PERSONA_SLOT_BUYING_ROLE,
  GTM_PERSONA_SLOT_INFLUENCES,      /* what sways them when we are not in the room */
  GTM_PERSONA_SLOT_JOBS,            /* jobs to be done */
  GTM_PERSONA_SLOT_PAINS,
  GTM_PERSONA_SLOT_GAINS,
  GTM_PERSONA_SLOT_SCENARIO,
  GTM_PERSONA_SLOT_NOTES,
} GtmPersonaSlot;

#define GTM_TYPE_PERSONA (gtm_persona_get_type ())

G_DECLARE_FINAL_TYPE (GtmPersona, gtm_persona, GTM, PERSONA, GtmNode)

GtmPersona     *gtm_persona_new              (GtmPersonaKind  kind,
                                              const char     *name);
GtmPersonaKind  gtm_persona_get_kind         (GtmPersona     *self);
const char     *gtm_persona_get_name         (GtmPersona     *self);
const char     *gtm_persona_get_avatar_color (GtmPersona     *self);
GBytes         *gtm_persona_get_avatar       (GtmPersona     *self);
const char     *gtm_persona_get_job_title    (GtmPersona     *self);
GtmBuyingRole   gtm_persona_get_buying_role  (GtmPersona     *self);
/* A GListModel of GtmTrait. */
GListModel     *gtm_persona_get_personality  (GtmPersona     *self);

/* For people, translated; "" for GTM_BUYING_ROLE_NONE. */
const char     *gtm_persona_kind_to_label    (GtmPersonaKind  kind);
const char     *gtm_buying_role_to_label     (GtmBuyingRole   role);

G_END_DECLS
