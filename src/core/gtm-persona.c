/* gtm-persona.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-persona"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gtm-image.h"
#include "gtm-persona.h"
#include "gtm-trait.h"

struct _GtmPersona
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmPersona, gtm_persona, GTM_TYPE_NODE)

/* The avatar is held to what an image item holds: a PNG file within the
 * same limits, checked without decoding it. */
static gboolean
gtm_persona_validate (GtmNode     *node,
                      GtmNode     *root,
                      const char **field,
                      GError     **error)
{
  GBytes *avatar = gtm_persona_get_avatar (GTM_PERSONA (node));

  if (avatar == NULL || gtm_image_check_data (avatar, "image/png", NULL, NULL, error))
    return TRUE;

  *field = "avatar";
  return FALSE;
}

static void
gtm_persona_class_init (GtmPersonaClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_enum ("kind", NULL, NULL,
                       GTM_TYPE_PERSONA_KIND, GTM_PERSONA_KIND_BUYER,
                       GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("name", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED),
    g_param_spec_string ("avatar-color", NULL, NULL, "#3584e4",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_COLOR),
    g_param_spec_boxed ("avatar", NULL, NULL, G_TYPE_BYTES, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_int ("age", NULL, NULL, 0, GTM_PERSONA_AGE_MAX, 0,
                      GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("gender", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("location", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("education", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("job-title", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("income", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("goals", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("challenges", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("traits", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_enum ("buying-role", NULL, NULL,
                       GTM_TYPE_BUYING_ROLE, GTM_BUYING_ROLE_NONE,
                       GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("influences", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("jobs", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("pains", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("gains", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("scenario", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
    g_param_spec_string ("notes", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) == GTM_PERSONA_SLOT_NOTES - GTM_PERSONA_SLOT_KIND + 1);

  node_class->validate = gtm_persona_validate;

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_PERSONA_SLOT_KIND);

  /* The sliders; "traits" stays the list of descriptive keywords. */
  gtm_node_class_add_list (node_class, "personality", GTM_TYPE_TRAIT,
                           GTM_PERSONA_MAX_PERSONALITY);
}

static void
gtm_persona_init (GtmPersona *self)
{
}

/**
 * gtm_persona_new:
 * @kind: a buyer or a user persona
 * @name: (nullable): the persona's name
 *
 * Returns: (transfer full): a new persona with a fresh id
 */
GtmPersona *
gtm_persona_new (GtmPersonaKind  kind,
                 const char     *name)
{
  g_autofree char *id = gtm_node_new_id ("persona");

  return g_object_new (GTM_TYPE_PERSONA,
                       "id", id,
                       "kind", kind,
                       "name", name ? name : "",
                       NULL);
}

GtmPersonaKind
gtm_persona_get_kind (GtmPersona *self)
{
  g_return_val_if_fail (GTM_IS_PERSONA (self), GTM_PERSONA_KIND_BUYER);

  return gtm_node_get_enum (GTM_NODE (self), GTM_PERSONA_SLOT_KIND);
}

const char *
gtm_persona_get_name (GtmPersona *self)
{
  g_return_val_if_fail (GTM_IS_PERSONA (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PERSONA_SLOT_NAME);
}

const char *
gtm_persona_get_avatar_color (GtmPersona *self)
{
  g_return_val_if_fail (GTM_IS_PERSONA (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PERSONA_SLOT_AVATAR_COLOR);
}

/**
 * gtm_persona_get_avatar:
 *
 * Returns: (transfer none) (nullable): the bytes of the persona's picture, a
 *   PNG file, or %NULL when it has none and shows its initials
 */
GBytes *
gtm_persona_get_avatar (GtmPersona *self)
{
  GBytes *avatar;

  g_return_val_if_fail (GTM_IS_PERSONA (self), NULL);

  /* No bytes are no picture, as the file writes them (""). */
  avatar = gtm_node_get_bytes (GTM_NODE (self), GTM_PERSONA_SLOT_AVATAR);
  return avatar != NULL && g_bytes_get_size (avatar) > 0 ? avatar : NULL;
}

const char *
gtm_persona_get_job_title (GtmPersona *self)
{
  g_return_val_if_fail (GTM_IS_PERSONA (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PERSONA_SLOT_JOB_TITLE);
}

GtmBuyingRole
gtm_persona_get_buying_role (GtmPersona *self)
{
  g_return_val_if_fail (GTM_IS_PERSONA (self), GTM_BUYING_ROLE_NONE);

  return gtm_node_get_enum (GTM_NODE (self), GTM_PERSONA_SLOT_BUYING_ROLE);
}

/**
 * gtm_persona_get_personality:
 *
 * Returns: (transfer none): the personality sliders, a GListModel of
 *   GtmTrait
 */
GListModel *
gtm_persona_get_personality (GtmPersona *self)
{
  g_return_val_if_fail (GTM_IS_PERSONA (self), NULL);

  return G_LIST_MODEL (gtm_node_get_list (GTM_NODE (self), "personality"));
}

const char *
gtm_persona_kind_to_label (GtmPersonaKind kind)
{
  switch (kind)
    {
    case GTM_PERSONA_KIND_BUYER:
      return _("Buyer persona");

    case GTM_PERSONA_KIND_USER:
      return _("User persona");

    default:
      return "";
    }
}

const char *
gtm_buying_role_to_label (GtmBuyingRole role)
{
  switch (role)
    {
    case GTM_BUYING_ROLE_DECISION_MAKER:
      return _("Decision maker");

    case GTM_BUYING_ROLE_INFLUENCER:
      return _("Influencer");

    case GTM_BUYING_ROLE_CHAMPION:
      return _("Champion");

    case GTM_BUYING_ROLE_GATEKEEPER:
      return _("Gatekeeper");

    case GTM_BUYING_ROLE_USER:
      return _("User");

    case GTM_BUYING_ROLE_NONE:
    default:
      return "";
    }
}
