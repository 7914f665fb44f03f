/* gtm-brand.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-brand"

#include "config.h"

#include "gtm-brand.h"
#include "gtm-image.h"

struct _GtmBrand
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmBrand, gtm_brand, GTM_TYPE_NODE)

/* The logo is held to what an image item holds: a PNG file within the
 * same limits, checked without decoding it. */
static gboolean
gtm_brand_validate (GtmNode     *node,
                    GtmNode     *root,
                    const char **field,
                    GError     **error)
{
  GBytes *logo = gtm_brand_get_logo (GTM_BRAND (node));

  if (logo == NULL || gtm_image_check_data (logo, "image/png", NULL, NULL, error))
    return TRUE;

  *field = "logo";
  return FALSE;
}

static void
gtm_brand_class_init (GtmBrandClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_boxed ("logo", NULL, NULL, G_TYPE_BYTES, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("primary-color", NULL, NULL, GTM_BRAND_DEFAULT_PRIMARY,
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_COLOR),
    g_param_spec_string ("secondary-color", NULL, NULL, GTM_BRAND_DEFAULT_SECONDARY,
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_COLOR),
    g_param_spec_string ("accent-color", NULL, NULL, GTM_BRAND_DEFAULT_ACCENT,
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_COLOR),
    g_param_spec_string ("heading-font", NULL, NULL, GTM_BRAND_DEFAULT_FONT,
                         GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("body-font", NULL, NULL, GTM_BRAND_DEFAULT_FONT,
                         GTM_NODE_DEFAULT_FLAGS),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) == GTM_BRAND_SLOT_BODY_FONT - GTM_BRAND_SLOT_LOGO + 1);

  node_class->validate = gtm_brand_validate;

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_BRAND_SLOT_LOGO);
}

static void
gtm_brand_init (GtmBrand *self)
{
}

/**
 * gtm_brand_new:
 *
 * A project has exactly one brand kit, created with it; this is for brand
 * kits outside a project (templates, tests).
 *
 * Returns: (transfer full): a new brand kit with the default colours and
 *   fonts, no logo and a fresh id
 */
GtmBrand *
gtm_brand_new (void)
{
  g_autofree char *id = gtm_node_new_id ("brand");

  return g_object_new (GTM_TYPE_BRAND, "id", id, NULL);
}

/**
 * gtm_brand_get_logo:
 *
 * Returns: (transfer none) (nullable): the bytes of the logo, a PNG file,
 *   or %NULL when the brand has none
 */
GBytes *
gtm_brand_get_logo (GtmBrand *self)
{
  GBytes *logo;

  g_return_val_if_fail (GTM_IS_BRAND (self), NULL);

  /* No bytes are no logo, as the file writes them (""). */
  logo = gtm_node_get_bytes (GTM_NODE (self), GTM_BRAND_SLOT_LOGO);
  return logo != NULL && g_bytes_get_size (logo) > 0 ? logo : NULL;
}

/* A brand colour is never "none": the empty string (or anything that
 * slipped past the reader) is the default. */
static void
get_color (GtmBrand   *self,
           guint       slot,
           const char *fallback,
           GtmColor   *color)
{
  const char *text = gtm_node_get_string (GTM_NODE (self), slot);

  if (text == NULL || text[0] == '\0' || !gtm_color_parse (text, color))
    gtm_color_parse (fallback, color);
}

/**
 * gtm_brand_get_primary:
 * @color: (out): the primary colour
 */
void
gtm_brand_get_primary (GtmBrand *self,
                       GtmColor *color)
{
  g_return_if_fail (GTM_IS_BRAND (self));
  g_return_if_fail (color != NULL);

  get_color (self, GTM_BRAND_SLOT_PRIMARY, GTM_BRAND_DEFAULT_PRIMARY, color);
}

/**
 * gtm_brand_get_secondary:
 * @color: (out): the secondary colour
 */
void
gtm_brand_get_secondary (GtmBrand *self,
                         GtmColor *color)
{
  g_return_if_fail (GTM_IS_BRAND (self));
  g_return_if_fail (color != NULL);

  get_color (self, GTM_BRAND_SLOT_SECONDARY, GTM_BRAND_DEFAULT_SECONDARY, color);
}

/**
 * gtm_brand_get_accent:
 * @color: (out): the accent colour
 */
void
gtm_brand_get_accent (GtmBrand *self,
                      GtmColor *color)
{
  g_return_if_fail (GTM_IS_BRAND (self));
  g_return_if_fail (color != NULL);

  get_color (self, GTM_BRAND_SLOT_ACCENT, GTM_BRAND_DEFAULT_ACCENT, color);
}

static const char *
get_font (GtmBrand *self,
          guint     slot)
{
  const char *family = gtm_node_get_string (GTM_NODE (self), slot);

  return family != NULL && family[0] != '\0' ? family : GTM_BRAND_DEFAULT_FONT;
}

/**
 * gtm_brand_get_heading_font:
 *
 * Returns: (transfer none): the font family of headings, never empty
 */
const char *
gtm_brand_get_heading_font (GtmBrand *self)
{
  g_return_val_if_fail (GTM_IS_BRAND (self), GTM_BRAND_DEFAULT_FONT);

  return get_font (self, GTM_BRAND_SLOT_HEADING_FONT);
}

/**
 * gtm_brand_get_body_font:
 *
 * Returns: (transfer none): the font family of body text, never empty
 */
const char *
gtm_brand_get_body_font (GtmBrand *self)
{
  g_return_val_if_fail (GTM_IS_BRAND (self), GTM_BRAND_DEFAULT_FONT);

  return get_font (self, GTM_BRAND_SLOT_BODY_FONT);
}
