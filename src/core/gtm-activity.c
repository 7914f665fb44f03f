/* gtm-activity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-activity"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gtm-activity.h"
#include "gtm-format.h"

struct _GtmActivity
{
  GtmNode parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmActivity, gtm_activity, GTM_TYPE_NODE)

static gboolean
gtm_activity_validate (GtmNode     *node,
                       GtmNode     *root,
                       const char **field,
                       GError     **error)
{
  const char *start = gtm_node_get_string (node, GTM_ACTIVITY_SLOT_START);
  const char *end = gtm_node_get_string (node, GTM_ACTIVITY_SLOT_END);

  /* Both are "" or YYYY-MM-DD, so text order is date order. */
  if (start != NULL && start[0] != '\0' && end != NULL && end[0] != '\0' &&
      strcmp (end, start) < 0)
    {
      *field = "end";
      /* Translators: both are dates such as 2024-05-01 */
      g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
                   _("the activity ends (%s) before it starts (%s)"), end, start);
      return FALSE;
    }

  return TRUE;
}

static void
gtm_activity_class_init (GtmActivityClass *klass)
{
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[] = {
    g_param_spec_string ("name", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED),
    g_param_spec_string ("team", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("owner", NULL, NULL, "", GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_string ("start", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_DATE),
    g_param_spec_string ("end", NULL, NULL, "",
                         GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_DATE),
    g_param_spec_boolean ("milestone", NULL, NULL, FALSE, GTM_NODE_DEFAULT_FLAGS),
    g_param_spec_boolean ("external", NULL, NULL, FALSE, GTM_NODE_DEFAULT_FLAGS),
  };
  guint first;

  G_STATIC_ASSERT (G_N_ELEMENTS (pspecs) ==
                   GTM_ACTIVITY_SLOT_EXTERNAL - GTM_ACTIVITY_SLOT_NAME + 1);

  node_class->validate = gtm_activity_validate;

  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_ACTIVITY_SLOT_NAME);
}

static void
gtm_activity_init (GtmActivity *self)
{
}

/**
 * gtm_activity_new:
 * @name: (nullable): what happens
 * @start: (nullable): "YYYY-MM-DD", or %NULL if not yet scheduled
 * @end: (nullable): "YYYY-MM-DD", not before @start, or %NULL
 *
 * Returns: (transfer full): a new activity with a fresh id
 */
GtmActivity *
gtm_activity_new (const char *name,
                  const char *start,
                  const char *end)
{
  g_autofree char *id = gtm_node_new_id ("activity");

  return g_object_new (GTM_TYPE_ACTIVITY,
                       "id", id,
                       "name", name ? name : "",
                       "start", start ? start : "",
                       "end", end ? end : "",
                       NULL);
}

const char *
gtm_activity_get_name (GtmActivity *self)
{
  g_return_val_if_fail (GTM_IS_ACTIVITY (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_ACTIVITY_SLOT_NAME);
}

const char *
gtm_activity_get_team (GtmActivity *self)
{
  g_return_val_if_fail (GTM_IS_ACTIVITY (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_ACTIVITY_SLOT_TEAM);
}

const char *
gtm_activity_get_owner (GtmActivity *self)
{
  g_return_val_if_fail (GTM_IS_ACTIVITY (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_ACTIVITY_SLOT_OWNER);
}

const char *
gtm_activity_get_start (GtmActivity *self)
{
  g_return_val_if_fail (GTM_IS_ACTIVITY (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_ACTIVITY_SLOT_START);
}

const char *
gtm_activity_get_end (GtmActivity *self)
{
  g_return_val_if_fail (GTM_IS_ACTIVITY (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_ACTIVITY_SLOT_END);
}

gboolean
gtm_activity_get_milestone (GtmActivity *self)
{
  g_return_val_if_fail (GTM_IS_ACTIVITY (self), FALSE);

  return gtm_node_get_boolean (GTM_NODE (self), GTM_ACTIVITY_SLOT_MILESTONE);
}

gboolean
gtm_activity_get_external (GtmActivity *self)
{
  g_return_val_if_fail (GTM_IS_ACTIVITY (self), FALSE);

  return gtm_node_get_boolean (GTM_NODE (self), GTM_ACTIVITY_SLOT_EXTERNAL);
}
