/* gtm-brand.h — the brand kit: logo, colours and fonts of generated layouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gtm-color.h"
#include "gtm-node.h"

G_BEGIN_DECLS

/* Slots (property ids) of GtmBrand, for gtm_node_get_*(). */
typedef enum /*< skip >*/
{
  GTM_BRAND_SLOT_LOGO = 2,
  GTM_BRAND_SLOT_PRIMARY,
  GTM_BRAND_SLOT_SECONDARY,
  GTM_BRAND_SLOT_ACCENT,
  GTM_BRAND_SLOT_HEADING_FONT,
  GTM_BRAND_SLOT_BODY_FONT,
} GtmBrandSlot;

/* What a brand kit holds until the user sets it. */
#define GTM_BRAND_DEFAULT_PRIMARY   "#1c71d8"
#define GTM_BRAND_DEFAULT_SECONDARY "#241f31"
#define GTM_BRAND_DEFAULT_ACCENT    "#e66100"
#define GTM_BRAND_DEFAULT_FONT      "Cantarell"

#define GTM_TYPE_BRAND (gtm_brand_get_type ())

G_DECLARE_FINAL_TYPE (GtmBrand, gtm_brand, GTM, BRAND, GtmNode)

GtmBrand   *gtm_brand_new              (void);
GBytes     *gtm_brand_get_logo         (GtmBrand *self);
void        gtm_brand_get_primary      (GtmBrand *self,
                                        GtmColor *color);
void        gtm_brand_get_secondary    (GtmBrand *self,
                                        GtmColor *color);
void        gtm_brand_get_accent       (GtmBrand *self,
                                        GtmColor *color);
const char *gtm_brand_get_heading_font (GtmBrand *self);
const char *gtm_brand_get_body_font    (GtmBrand *self);

G_END_DECLS
