/* gtm-finding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gtm-finding.h"

/**
 * gtm_finding_new:
 *
 * Returns: (transfer full): a finding holding copies of the strings
 */
GtmFinding *
gtm_finding_new (GtmFindingKind  kind,
                 const char     *asset,
                 const char     *node_id,
                 const char     *field,
                 const char     *message)
{
  GtmFinding *finding;

  g_return_val_if_fail (message != NULL, NULL);

  finding = g_new0 (GtmFinding, 1);
  finding->kind = kind;
  finding->asset = g_strdup (asset);
  finding->node_id = g_strdup (node_id);
  finding->field = g_strdup (field);
  finding->message = g_strdup (message);

  return finding;
}

void
gtm_finding_free (GtmFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->asset);
  g_free (finding->node_id);
  g_free (finding->field);
  g_free (finding->message);
  g_free (finding);
}
