/* gtm-brand-palette.h — the brand kit's colours offered first in colour
 * choosers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "gtm-brand.h"

G_BEGIN_DECLS

/* The number of colours of the brand's palette: primary, secondary and
 * accent, in that order. */
#define GTM_BRAND_PALETTE_N_COLORS 3

/* Gives @chooser the brand's colours as its first palette, above GTK's
 * usual one, and keeps them as the brand changes for as long as @chooser
 * lives. @brand NULL (a board outside a project): GTK's palette alone. */
void gtm_brand_palette_bind       (GtkColorChooser *chooser,
                                   GtmBrand        *brand);
/* The brand's colours in @colors, as the palette shows them. */
void gtm_brand_palette_get_colors (GtmBrand        *brand,
                                   GdkRGBA          colors[GTM_BRAND_PALETTE_N_COLORS]);

G_END_DECLS
