/* gtm-messaging.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-messaging"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gtm-key-message.h"
#include "gtm-messaging.h"

struct _GtmMessaging
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmMessaging, gtm_messaging, GTM_TYPE_NODE)

static void
gtm_messaging_class_init (GtmMessagingClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_string ("audience", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("need", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("category", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("benefit", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("alternative", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("differentiator", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("why", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
    g_param_spec_string ("how", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
    g_param_spec_string ("what", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
    g_param_spec_string ("elevator-pitch", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
    g_param_spec_string ("brand-voice", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boxed ("benefits", NULL, NULL, G_TYPE_STRV, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("boilerplate", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_MULTILINE),
    g_param_spec_string ("call-to-action", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) ==
                   GTM_MESSAGING_SLOT_CALL_TO_ACTION - GTM_MESSAGING_SLOT_AUDIENCE + 1);

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_MESSAGING_SLOT_AUDIENCE);

  gtm_node_class_add_list (node_class, "key-messages", GTM_TYPE_KEY_MESSAGE,
                           GTM_MESSAGING_MAX_KEY_MESSAGES);
}

static void
gtm_messaging_init (GtmMessaging *self)
{
}

/**
 * gtm_messaging_new:
 *
 * A project has exactly one messaging, created with it; this is for
 * messaging outside a project (templates, tests).
 *
 * Returns: (transfer full): a new, empty messaging with a fresh id
 */
GtmMessaging *
gtm_messaging_new (void)
{
  g_autofree char *id = gtm_node_new_id ("messaging");

  return g_object_new (GTM_TYPE_MESSAGING, "id", id, NULL);
}

const char *
gtm_messaging_get_elevator_pitch (GtmMessaging *self)
{
  g_return_val_if_fail (GTM_IS_MESSAGING (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_MESSAGING_SLOT_ELEVATOR_PITCH);
}

/* @text without the white space around it nor, when it ends a sentence
 * of the statement, its own full stop; NULL when nothing is left. */
static char *
clean_part (const char *text,
            gboolean    ends_sentence)
{
  g_autofree char *part = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (part);

  if (ends_sentence)
    {
      if (g_str_has_suffix (part, "。"))
        len -= strlen ("。");
      else if (len > 0 && part[len - 1] == '.')
        len--;
      part[len] = '\0';
      g_strchomp (part);
    }

  return part[0] != '\0' ? g_steal_pointer (&part) : NULL;
}

/**
 * gtm_messaging_compose_positioning:
 * @product_name: (nullable): the product's name, as the project has it
 *
 * Returns: (transfer full): the positioning statement, "" if none of its
 *   parts is filled in
 */
char *
gtm_messaging_compose_positioning (GtmMessaging *self,
                                   const char   *product_name)
{
  GtmNode *node = GTM_NODE (self);
  g_autofree char *audience = NULL;
  g_autofree char *need = NULL;
  g_autofree char *category = NULL;
  g_autofree char *benefit = NULL;
  g_autofree char *alternative = NULL;
  g_autofree char *differentiator = NULL;
  g_autofree char *product = NULL;
  const char *shown_audience, *shown_need, *shown_product, *shown_category, *shown_benefit;

  g_return_val_if_fail (GTM_IS_MESSAGING (self), NULL);

  audience = clean_part (gtm_node_get_string (node, GTM_MESSAGING_SLOT_AUDIENCE), FALSE);
  need = clean_part (gtm_node_get_string (node, GTM_MESSAGING_SLOT_NEED), FALSE);
  category = clean_part (gtm_node_get_string (node, GTM_MESSAGING_SLOT_CATEGORY), FALSE);
  benefit = clean_part (gtm_node_get_string (node, GTM_MESSAGING_SLOT_BENEFIT), TRUE);
  alternative = clean_part (gtm_node_get_string (node, GTM_MESSAGING_SLOT_ALTERNATIVE), FALSE);
  differentiator = clean_part (gtm_node_get_string (node, GTM_MESSAGING_SLOT_DIFFERENTIATOR), TRUE);
  product = clean_part (product_name, FALSE);

  if (audience == NULL && need == NULL && category == NULL && benefit == NULL &&
      alternative == NULL && differentiator == NULL)
    return g_strdup ("");

  /* Translators: stands in the positioning statement for a part the user
   * has not filled in yet; keep the brackets, which mark it as missing */
  shown_audience = audience != NULL ? audience : _("[audience]");
  /* Translators: as “[audience]”, for the audience's need */
  shown_need = need != NULL ? need : _("[need]");
  /* Translators: as “[audience]”, for the product's name */
  shown_product = product != NULL ? product : _("[product]");
  /* Translators: as “[audience]”, for the product's category */
  shown_category = category != NULL ? category : _("[category]");
  /* Translators: as “[audience]”, for the key benefit */
  shown_benefit = benefit != NULL ? benefit : _("[benefit]");

  if (alternative != NULL && differentiator != NULL)
    return g_strdup_printf (/* Translators: the positioning statement. %1$s is the
                             * target audience, %2$s their need, %3$s the product's
                             * name, %4$s its category, %5$s its key benefit, %6$s
                             * the alternative the audience uses now, %7$s what
                             * sets the product apart. Reorder them as your
                             * language needs, e.g. in Chinese
                             * “对于%1$s，他们%2$s；%3$s是一款%4$s，%5$s。与%6$s不同，它%7$s。” */
                            _("For %1$s who %2$s, %3$s is a %4$s that %5$s. Unlike %6$s, it %7$s."),
                            shown_audience, shown_need, shown_product, shown_category,
                            shown_benefit, alternative, differentiator);

  return g_strdup_printf (/* Translators: the positioning statement when no alternative
                           * or differentiator is given. %1$s is the target audience,
                           * %2$s their need, %3$s the product's name, %4$s its
                           * category, %5$s its key benefit. Reorder them as your
                           * language needs, e.g. in Chinese
                           * “对于%1$s，他们%2$s；%3$s是一款%4$s，%5$s。” */
                          _("For %1$s who %2$s, %3$s is a %4$s that %5$s."),
                          shown_audience, shown_need, shown_product, shown_category,
                          shown_benefit);
}

/**
 * gtm_messaging_get_key_messages:
 *
 * Returns: (transfer none): the key messages, a GListModel of GtmKeyMessage
 */
GListModel *
gtm_messaging_get_key_messages (GtmMessaging *self)
{
  g_return_val_if_fail (GTM_IS_MESSAGING (self), NULL);

  return G_LIST_MODEL (gtm_node_get_list (GTM_NODE (self), "key-messages"));
}
