/* gtm-trait.h — one personality slider of a persona: a position between two
 * poles, such as Introvert … Extrovert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-node.h"

G_BEGIN_DECLS

#define GTM_TRAIT_VALUE_MIN     0
#define GTM_TRAIT_VALUE_MAX     100
#define GTM_TRAIT_VALUE_DEFAULT 50   /* the middle: neither pole */

/* Slots (property ids) of GtmTrait, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_TRAIT_SLOT_LEFT = 2,   /* the pole at 0, e.g. "Introvert" */
  GTM_TRAIT_SLOT_RIGHT,      /* the pole at 100, e.g. "Extrovert" */
  GTM_TRAIT_SLOT_VALUE,
} GtmTraitSlot;

#define GTM_TYPE_TRAIT (gtm_trait_get_type ())

G_DECLARE_FINAL_TYPE (GtmTrait, gtm_trait, GTM, TRAIT, GtmNode)

GtmTrait   *gtm_trait_new       (const char *left,
                                 const char *right,
                                 int         value);
const char *gtm_trait_get_left  (GtmTrait   *self);
const char *gtm_trait_get_right (GtmTrait   *self);
int         gtm_trait_get_value (GtmTrait   *self);

G_END_DECLS
