/* gtm-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gtm-cli.h"
#include "gtm-core.h"
#include "gtm-document.h"

static int
usage (const char *command)
{
  /* Translators: %s is “check” or “upgrade”, which are not translated */
  g_printerr (_("Usage: gtm-studio %s FILE…\n"), command);
  return 2;
}

/* Reads @arg as the application would, or prints why it can't. */
static GtmProject *
read_or_report (const char *arg,
                GFile      *file)
{
  g_autoptr(GError) error = NULL;
  GtmProject *project = gtm_format_read_file (file, NULL, &error);

  if (project == NULL)
    g_print ("%s: %s\n", arg, error->message);

  return project;
}

/* `gtm-studio check FILE…`: reads each file as the application would and
 * says whether it is valid. */
static int
run_check (char **files)
{
  int status = 0;

  if (files[0] == NULL)
    return usage ("check");

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GtmProject) project = read_or_report (files[i], file);

      if (project == NULL)
        {
          status = 1;
          continue;
        }

      g_print (_("%s: ok, %u boards, %u items, %u personas\n"),
               files[i],
               g_list_model_get_n_items (gtm_project_get_boards (project)),
               gtm_project_count_items (project),
               g_list_model_get_n_items (gtm_project_get_personas (project)));
    }

  return status;
}

/* `gtm-studio upgrade FILE…`: reads each file and writes it back in the
 * current format version, through the application's own safe save. */
static int
run_upgrade (char **files)
{
  int status = 0;

  if (files[0] == NULL)
    return usage ("upgrade");

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GtmProject) project = read_or_report (files[i], file);
      g_autoptr(GtmDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      if (project == NULL)
        {
          status = 1;
          continue;
        }

      document = gtm_document_new (project, file);
      if (!gtm_document_save (document, NULL, NULL, &error))
        {
          g_print ("%s: %s\n", files[i], error->message);
          status = 1;
          continue;
        }

      g_print (_("%s: saved in format version %d\n"), files[i], GTM_FORMAT_VERSION);
    }

  return status;
}

gboolean
gtm_cli_run (char **argv,
             int   *exit_status)
{
  g_return_val_if_fail (argv != NULL, FALSE);
  g_return_val_if_fail (exit_status != NULL, FALSE);

  if (argv[0] == NULL || argv[1] == NULL)
    return FALSE;

  if (g_strcmp0 (argv[1], "check") == 0)
    {
      gtm_core_init ();
      *exit_status = run_check (argv + 2);
      return TRUE;
    }

  if (g_strcmp0 (argv[1], "upgrade") == 0)
    {
      gtm_core_init ();
      *exit_status = run_upgrade (argv + 2);
      return TRUE;
    }

  return FALSE;
}
