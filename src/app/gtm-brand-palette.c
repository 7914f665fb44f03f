/* gtm-brand-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-brand-palette"

#include "config.h"

#include "gtm-brand-palette.h"

/* GTK's own palette, the GNOME colours, five shades of each (the colour
 * chooser drops it when a palette is added, so it is added again after
 * the brand's). */
static const char * const gnome_palette[] = {
  "#99c1f1", "#62a0ea", "#3584e4", "#1c71d8", "#1a5fb4", /* blue */
  "#8ff0a4", "#57e389", "#33d17a", "#2ec27e", "#26a269", /* green */
  "#f9f06b", "#f8e45c", "#f6d32d", "#f5c211", "#e5a50a", /* yellow */
  "#ffbe6f", "#ffa348", "#ff7800", "#e66100", "#c64600", /* orange */
  "#f66151", "#ed333b", "#e01b24", "#c01c28", "#a51d2d", /* red */
  "#dc8add", "#c061cb", "#9141ac", "#813d9c", "#613583", /* purple */
  "#cdab8f", "#b5835a", "#986a44", "#865e3c", "#63452c", /* brown */
  "#ffffff", "#f6f5f4", "#deddda", "#c0bfbc", "#9a9996", /* light */
  "#77767b", "#5e5c64", "#3d3846", "#241f31", "#000000", /* dark */
};
#define GNOME_PALETTE_SHADES  5
#define GNOME_PALETTE_COLUMNS (G_N_ELEMENTS (gnome_palette) / GNOME_PALETTE_SHADES)

static GdkRGBA
to_rgba (const GtmColor *color)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha };
}

void
gtm_brand_palette_get_colors (GtmBrand *brand,
                              GdkRGBA   colors[GTM_BRAND_PALETTE_N_COLORS])
{
  GtmColor color;

  g_return_if_fail (GTM_IS_BRAND (brand));

  gtm_brand_get_primary (brand, &color);
  colors[0] = to_rgba (&color);
  gtm_brand_get_secondary (brand, &color);
  colors[1] = to_rgba (&color);
  gtm_brand_get_accent (brand, &color);
  colors[2] = to_rgba (&color);
}

static void
palette_update (GtkColorChooser *chooser,
                GtmBrand        *brand)
{
  GdkRGBA brand_colors[GTM_BRAND_PALETTE_N_COLORS];
  GdkRGBA colors[G_N_ELEMENTS (gnome_palette)];

  for (guint i = 0; i < G_N_ELEMENTS (gnome_palette); i++)
    gdk_rgba_parse (&colors[i], gnome_palette[i]);

  /* No colours: every palette added before goes. */
  gtk_color_chooser_add_palette (chooser, GTK_ORIENTATION_HORIZONTAL, 0, 0, NULL);

  /* One row above the others' columns. */
  gtm_brand_palette_get_colors (brand, brand_colors);
  gtk_color_chooser_add_palette (chooser, GTK_ORIENTATION_HORIZONTAL, GNOME_PALETTE_COLUMNS,
                                 GTM_BRAND_PALETTE_N_COLORS, brand_colors);
  gtk_color_chooser_add_palette (chooser, GTK_ORIENTATION_VERTICAL, GNOME_PALETTE_SHADES,
                                 G_N_ELEMENTS (colors), colors);
}

static void
on_brand_notify (GtmBrand        *brand,
                 GParamSpec      *pspec,
                 GtkColorChooser *chooser)
{
  if (g_str_has_suffix (pspec->name, "-color"))
    palette_update (chooser, brand);
}

void
gtm_brand_palette_bind (GtkColorChooser *chooser,
                        GtmBrand        *brand)
{
  g_return_if_fail (GTK_IS_COLOR_CHOOSER (chooser));
  g_return_if_fail (brand == NULL || GTM_IS_BRAND (brand));

  if (brand == NULL)
    return;

  palette_update (chooser, brand);
  g_signal_connect_object (brand, "notify", G_CALLBACK (on_brand_notify), chooser, 0);
}
