/* gtm-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-cli"

#include "config.h"

#include <math.h>
#include <string.h>
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

/* export ------------------------------------------------------------------ */

#define BOARD_PREFIX "board:"

/* What `export --list` prints and `--asset` accepts: a name per board, in
 * order. */
static GPtrArray *
list_assets (GtmProject *project)
{
  GListModel *boards = gtm_project_get_boards (project);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(GtmBoard) board = g_list_model_get_item (boards, i);

      g_ptr_array_add (names, g_strconcat (BOARD_PREFIX, gtm_board_get_name (board), NULL));
    }

  return names;
}

static GtmBoard *
find_board (GtmProject *project,
            const char *asset)
{
  GListModel *boards = gtm_project_get_boards (project);

  if (!g_str_has_prefix (asset, BOARD_PREFIX))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(GtmBoard) board = g_list_model_get_item (boards, i);

      if (g_strcmp0 (gtm_board_get_name (board), asset + strlen (BOARD_PREFIX)) == 0)
        return g_steal_pointer (&board);
    }

  return NULL;
}

static gboolean
parse_format (const char      *value,
              GtmExportFormat *format)
{
  static const struct { const char *name; GtmExportFormat format; } formats[] = {
    { "pdf", GTM_EXPORT_FORMAT_PDF },
    { "png", GTM_EXPORT_FORMAT_PNG },
    { "svg", GTM_EXPORT_FORMAT_SVG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (value, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }

  /* Translators: %s is what the user typed; pdf, png and svg are not translated */
  g_printerr (_("Unknown format “%s” for --format: use pdf, png or svg\n"), value);
  return FALSE;
}

static gboolean
parse_page_size (const char    *value,
                 GtmExportPage *page)
{
  static const struct { const char *name; GtmExportPage page; } pages[] = {
    { "a4", GTM_EXPORT_PAGE_A4 },
    { "letter", GTM_EXPORT_PAGE_LETTER },
    { "slide", GTM_EXPORT_PAGE_SLIDE_16_9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_ascii_strcasecmp (value, pages[i].name) == 0)
      {
        *page = pages[i].page;
        return TRUE;
      }

  /* Translators: %s is what the user typed; a4, letter and slide are not translated */
  g_printerr (_("Unknown page size “%s” for --page-size: use a4, letter or slide\n"), value);
  return FALSE;
}

static gboolean
parse_scale (const char *value,
             double     *scale)
{
  char *end = NULL;
  double parsed = g_ascii_strtod (value, &end);

  if (end == value || *end != '\0' || !isfinite (parsed) || parsed <= 0)
    {
      /* Translators: %s is what the user typed */
      g_printerr (_("Invalid scale “%s” for --scale: give a number greater than 0, such as 1 or 2\n"),
                  value);
      return FALSE;
    }

  *scale = parsed;
  return TRUE;
}

/* Says that @asset is not in @project, and which names are. */
static void
report_unknown_asset (const char *arg,
                      const char *asset,
                      GtmProject *project)
{
  g_autoptr(GPtrArray) names = list_assets (project);
  g_autofree char *joined = NULL;

  if (names->len == 0)
    {
      g_printerr (_("%s: there is no asset “%s”; this project has nothing to export\n"),
                  arg, asset);
      return;
    }

  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (", ", (char **) names->pdata);
  /* Translators: the first %s is the project file, the second what the
   * user asked for, the third the names that exist, separated by commas */
  g_printerr (_("%s: there is no asset “%s”; the assets are %s (see --list)\n"),
              arg, asset, joined);
}

/* `gtm-studio export PROJECT --list` prints the names of what can be
 * exported; `gtm-studio export PROJECT --asset NAME --format F -o FILE`
 * exports one of them. */
static int
run_export (char **args)
{
  gboolean list = FALSE;
  gboolean landscape = FALSE;
  g_autofree char *asset = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *page_name = NULL;
  g_autofree char *scale_text = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list,
      N_("Print the names of what can be exported, one per line"), NULL },
    { "asset", 0, 0, G_OPTION_ARG_STRING, &asset,
      N_("What to export, as --list names it"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("The file format: pdf, png or svg"), N_("FORMAT") },
    { "page-size", 0, 0, G_OPTION_ARG_STRING, &page_name,
      N_("The PDF page: a4 (the default), letter or slide"), N_("SIZE") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape,
      N_("Turn the PDF page to landscape"), NULL },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_text,
      N_("PNG pixels per board unit (1 by default)"), N_("S") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write"), N_("FILE") },
    { NULL }
  };
  /* Translators: after “gtm-studio [OPTION…]” in the help; “export” is
   * the command, not translated */
  g_autoptr(GOptionContext) context = g_option_context_new (_("export PROJECT.gtm"));
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtmProject) project = NULL;
  g_autoptr(GtmBoard) board = NULL;
  g_autoptr(GFile) target = NULL;
  GtmExportFormat format = GTM_EXPORT_FORMAT_PDF;
  GtmExportPage page = GTM_EXPORT_PAGE_A4;
  GtmExportOptions options;
  GtmExportResult result;
  double scale = 1.0;

  /* GOptionContext wants the program name first. */
  argv = g_new0 (char *, g_strv_length (args) + 2);
  argv[0] = g_strdup ("gtm-studio export");
  for (guint i = 0; args[i] != NULL; i++)
    argv[i + 1] = g_strdup (args[i]);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Export boards of a project without opening a window."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (g_strv_length (argv) != 2)
    {
      g_printerr (_("Usage: gtm-studio export PROJECT.gtm --list\n"
                    "       gtm-studio export PROJECT.gtm --asset NAME --format pdf|png|svg -o FILE\n"));
      return 2;
    }

  if (list == (asset != NULL))
    {
      g_printerr (_("Give either --list or --asset NAME\n"));
      return 2;
    }

  if (asset != NULL)
    {
      if (format_name == NULL)
        {
          g_printerr (_("Missing --format: pdf, png or svg\n"));
          return 2;
        }
      if (!parse_format (format_name, &format)
          || (page_name != NULL && !parse_page_size (page_name, &page))
          || (scale_text != NULL && !parse_scale (scale_text, &scale)))
        return 2;
      if (output == NULL)
        {
          g_printerr (_("Missing -o FILE: the file to write the export to\n"));
          return 2;
        }
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  project = gtm_format_read_file (file, NULL, &error);
  if (project == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  if (list)
    {
      g_autoptr(GPtrArray) names = list_assets (project);

      for (guint i = 0; i < names->len; i++)
        g_print ("%s\n", (const char *) g_ptr_array_index (names, i));

      return 0;
    }

  board = find_board (project, asset);
  if (board == NULL)
    {
      report_unknown_asset (argv[1], asset, project);
      return 1;
    }

  gtm_export_options_init (&options, format);
  options.page = page;
  options.landscape = landscape;
  options.title = gtm_board_get_name (board);
  options.scale = scale;

  target = g_file_new_for_commandline_arg (output);
  if (!gtm_export_board (board, target, &options, &result, NULL, &error))
    {
      g_printerr ("%s: %s\n", output, error->message);
      return 1;
    }

  if (result.clamped)
    /* Translators: %s is the output file, %g the scales */
    g_printerr (_("%s: the picture would be too large at scale %g, so it was made at scale %g\n"),
                output, scale, floor (result.scale * 100) / 100);

  return 0;
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

  if (g_strcmp0 (argv[1], "export") == 0)
    {
      gtm_core_init ();
      *exit_status = run_export (argv + 2);
      return TRUE;
    }

  return FALSE;
}
