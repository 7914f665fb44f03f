/* gtm-cli.h — the subcommands of gtm-studio that need no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* If @argv (as given to main) names a subcommand — check, upgrade or export — runs
 * it, sets @exit_status and returns TRUE. Returns FALSE for anything else,
 * which is for the application. Uses only the display-free core. */
gboolean gtm_cli_run (char **argv,
                      int   *exit_status);

G_END_DECLS
