/* gtm-persona-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-persona-card"

#include "config.h"

#include "gtm-persona-card.h"
#include "gtm-project.h"

struct _GtmPersonaCard
{
  GtmItem parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmPersonaCard, gtm_persona_card, GTM_TYPE_ITEM)

static void
gtm_persona_card_class_init (GtmPersonaCardClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[1];
  G_GNUC_UNUSED guint first;

  node_class->kind = "persona-card";

  /* Weak: a card outlives its persona and shows that it is gone. */
  pspecs[0] = g_param_spec_string ("persona", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REFERENCE | GTM_PARAM_WEAK);
  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_PERSONA_CARD_SLOT_PERSONA);

  /* What the card says comes from the persona. */
  gtm_node_class_hide_field (node_class, "text-color");
  gtm_node_class_hide_field (node_class, "font-size");
  gtm_node_class_hide_field (node_class, "bold");
  gtm_node_class_hide_field (node_class, "align");
  gtm_node_class_hide_field (node_class, "text");
}

static void
gtm_persona_card_init (GtmPersonaCard *self)
{
}

/**
 * gtm_persona_card_new:
 * @persona_id: the id of the persona to show
 *
 * Returns: (transfer full): a white card of GTM_PERSONA_CARD_WIDTH ×
 *   GTM_PERSONA_CARD_HEIGHT with a light grey border at @x, @y
 */
GtmItem *
gtm_persona_card_new (double      x,
                      double      y,
                      const char *persona_id)
{
  g_autofree char *id = gtm_node_new_id ("persona-card");

  g_return_val_if_fail (persona_id != NULL, NULL);

  return g_object_new (GTM_TYPE_PERSONA_CARD,
                       "id", id,
                       "x", x,
                       "y", y,
                       "width", GTM_PERSONA_CARD_WIDTH,
                       "height", GTM_PERSONA_CARD_HEIGHT,
                       "fill", "#ffffff",
                       "stroke", "#deddda",
                       "persona", persona_id,
                       NULL);
}

const char *
gtm_persona_card_get_persona_id (GtmPersonaCard *self)
{
  g_return_val_if_fail (GTM_IS_PERSONA_CARD (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PERSONA_CARD_SLOT_PERSONA);
}

/**
 * gtm_persona_card_get_persona:
 *
 * Returns: (transfer none) (nullable): the persona shown
 */
GtmPersona *
gtm_persona_card_get_persona (GtmPersonaCard *self)
{
  const char *id;
  GtmNode *root;
  GListModel *personas;
  guint n;

  g_return_val_if_fail (GTM_IS_PERSONA_CARD (self), NULL);

  id = gtm_persona_card_get_persona_id (self);
  root = gtm_node_get_root (GTM_NODE (self));
  if (id == NULL || id[0] == '\0' || !GTM_IS_PROJECT (root))
    return NULL;

  personas = gtm_project_get_personas (GTM_PROJECT (root));
  n = g_list_model_get_n_items (personas);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmPersona) persona = g_list_model_get_item (personas, i);

      if (g_strcmp0 (gtm_node_get_id (GTM_NODE (persona)), id) == 0)
        return persona;
    }

  return NULL;
}
