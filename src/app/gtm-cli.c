/* gtm-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-cli"

#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "gtm-cli.h"
#include "gtm-asset.h"
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

#define PACK_PREFIX "pack:"

/* What `export --list` prints: every asset, then every pack. */
static GPtrArray *
list_exports (GtmProject *project)
{
  g_auto(GStrv) assets = gtm_asset_list_names (project);
  g_auto(GStrv) packs = gtm_pack_list_names (project);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; assets[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (assets[i]));
  for (guint i = 0; packs[i] != NULL; i++)
    g_ptr_array_add (names, g_strconcat (PACK_PREFIX, packs[i], NULL));

  return names;
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
  g_auto(GStrv) names = gtm_asset_list_names (project);
  g_autofree char *joined = g_strjoinv (", ", names);

  /* Translators: the first %s is the project file, the second what the
   * user asked for, the third the names that exist, separated by commas */
  g_printerr (_("%s: there is no asset “%s”; the assets are %s (see --list)\n"),
              arg, asset, joined);
}

/* Says that @pack is not in @project, and which packs are. */
static void
report_unknown_pack (const char *arg,
                     const char *pack,
                     GtmProject *project)
{
  g_auto(GStrv) names = gtm_pack_list_names (project);
  g_autofree char *joined = g_strjoinv (", ", names);

  /* Translators: the first %s is the project file, the second what the
   * user asked for, the third the packs that exist, separated by commas */
  g_printerr (_("%s: there is no pack “%s”; the packs are %s (see --list)\n"),
              arg, pack, joined);
}

/* Exports the asset called @name to @output; returns the exit status. */
static int
export_asset (GtmProject             *project,
              const char             *arg,
              const char             *name,
              const char             *output,
              const GtmExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmAsset) asset = NULL;
  g_autoptr(GFile) target = NULL;
  GtmExportResult result;

  if (g_str_has_prefix (name, PACK_PREFIX))
    {
      /* Translators: %s is what the user asked for; --asset and --pack
       * are options, not translated */
      g_printerr (_("“%s” is a pack: export it with --pack NAME -o FOLDER, not --asset\n"), name);
      return 2;
    }

  if (!gtm_asset_lookup (project, name, NULL, NULL))
    {
      report_unknown_asset (arg, name, project);
      return 1;
    }

  asset = gtm_asset_new (project, name, options, &error);
  if (asset == NULL)
    {
      g_printerr ("%s: %s\n", arg, error->message);
      /* An SVG of a generated layout: the options don't fit the asset. */
      return g_error_matches (error, GTM_ASSET_ERROR, GTM_ASSET_ERROR_UNSUPPORTED) ? 2 : 1;
    }

  target = g_file_new_for_commandline_arg (output);
  if (!gtm_export_asset (asset, target, options, &result, NULL, &error))
    {
      g_printerr ("%s: %s\n", output, error->message);
      return 1;
    }

  if (result.clamped)
    /* Translators: %s is the output file, %g the scales */
    g_printerr (_("%s: the picture would be too large at scale %g, so it was made at scale %g\n"),
                output, options->scale, floor (result.scale * 100) / 100);

  if (options->format == GTM_EXPORT_FORMAT_PNG && result.n_pages > 1)
    {
      g_autoptr(GPtrArray) files = gtm_export_get_png_files (target, result.n_pages);
      g_autofree char *first = g_file_get_parse_name (g_ptr_array_index (files, 0));
      g_autofree char *last = g_file_get_parse_name (g_ptr_array_index (files, files->len - 1));

      /* Translators: where a PNG export of several pages went; %u is the
       * number of pages, the %s the first and last file */
      g_printerr (ngettext ("%u page, one picture each: %s … %s\n",
                            "%u pages, one picture each: %s … %s\n", result.n_pages),
                  result.n_pages, first, last);
    }

  return 0;
}

/* Tells how far a pack's export is, when someone watches. */
static void
print_pack_progress (guint       done,
                     guint       total,
                     const char *asset_label,
                     gpointer    user_data)
{
  guint *n_assets = user_data;

  *n_assets = total;
  if (isatty (STDERR_FILENO))
    g_printerr ("[%u/%u] %s\n", done, total, asset_label);
}

/* Exports the pack called @name into the folder @output; returns the exit
 * status. */
static int
export_pack (GtmProject             *project,
             const char             *arg,
             const char             *name,
             const char             *output,
             const GtmExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *pdf_name = NULL;
  g_autofree char *folder_name = NULL;
  g_auto(GStrv) assets = NULL;
  guint n_assets = 0;

  if (g_str_has_prefix (name, PACK_PREFIX))
    name += strlen (PACK_PREFIX);

  assets = gtm_pack_expand (project, name, &error);
  if (assets == NULL)
    {
      if (g_error_matches (error, GTM_ASSET_ERROR, GTM_ASSET_ERROR_UNKNOWN))
        report_unknown_pack (arg, name, project);
      else
        g_printerr ("%s: %s\n", arg, error->message);
      return 1;
    }

  folder = g_file_new_for_commandline_arg (output);
  if (!gtm_export_pack (project, name, folder, options, print_pack_progress, &n_assets,
                        NULL, &error))
    {
      g_printerr ("%s: %s\n", output, error->message);
      return 1;
    }

  pdf_name = gtm_pack_dup_pdf_name (project, name);
  folder_name = g_file_get_parse_name (folder);
  /* Translators: the last line of a pack's export; the first %s is the
   * folder, the second the pack's PDF, %u the number of assets */
  g_print (ngettext ("%s: wrote “%s” with the pages of %u asset, and a PDF and PNG of it\n",
                     "%s: wrote “%s” with the pages of %u assets, and a PDF and PNG of each\n",
                     n_assets),
           folder_name, pdf_name, n_assets);
  return 0;
}

/* `gtm-studio export PROJECT --list` prints the names of what can be
 * exported; `gtm-studio export PROJECT --asset NAME --format F -o FILE`
 * exports one of them, `gtm-studio export PROJECT --pack NAME -o FOLDER`
 * a pack of them. */
static int
run_export (char **args)
{
  gboolean list = FALSE;
  gboolean landscape = FALSE;
  g_autofree char *asset = NULL;
  g_autofree char *pack = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *page_name = NULL;
  g_autofree char *scale_text = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list,
      N_("Print the names of what can be exported, one per line"), NULL },
    { "asset", 0, 0, G_OPTION_ARG_STRING, &asset,
      N_("What to export, as --list names it"), N_("NAME") },
    { "pack", 0, 0, G_OPTION_ARG_STRING, &pack,
      N_("Export an asset pack into a folder: a PDF of it all, and a PDF and PNG of each asset"),
      N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("The file format: pdf, png or svg"), N_("FORMAT") },
    { "page-size", 0, 0, G_OPTION_ARG_STRING, &page_name,
      N_("The PDF page: a4 (the default), letter or slide"), N_("SIZE") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape,
      N_("Turn the PDF page to landscape"), NULL },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_text,
      N_("PNG pixels per board unit (1 by default)"), N_("S") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write, or the folder for --pack"), N_("FILE") },
    { NULL }
  };
  /* Translators: after “gtm-studio [OPTION…]” in the help; “export” is
   * the command, not translated */
  g_autoptr(GOptionContext) context = g_option_context_new (_("export PROJECT.gtm"));
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtmProject) project = NULL;
  GtmExportFormat format = GTM_EXPORT_FORMAT_PDF;
  GtmExportPage page = GTM_EXPORT_PAGE_A4;
  g_autofree char *title = NULL;
  GtmExportOptions options;
  double scale = 1.0;

  /* GOptionContext wants the program name first. */
  argv = g_new0 (char *, g_strv_length (args) + 2);
  argv[0] = g_strdup ("gtm-studio export");
  for (guint i = 0; args[i] != NULL; i++)
    argv[i + 1] = g_strdup (args[i]);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Export boards, generated layouts and asset packs of a "
                                           "project without opening a window."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (g_strv_length (argv) != 2)
    {
      g_printerr (_("Usage: gtm-studio export PROJECT.gtm --list\n"
                    "       gtm-studio export PROJECT.gtm --asset NAME --format pdf|png|svg -o FILE\n"
                    "       gtm-studio export PROJECT.gtm --pack NAME -o FOLDER\n"));
      return 2;
    }

  if ((list ? 1 : 0) + (asset != NULL ? 1 : 0) + (pack != NULL ? 1 : 0) != 1)
    {
      g_printerr (_("Give one of --list, --asset NAME or --pack NAME\n"));
      return 2;
    }

  if (pack != NULL && format_name != NULL)
    {
      g_printerr (_("--format does not go with --pack: a pack is always written as PDF "
                    "and PNG files\n"));
      return 2;
    }

  if (!list)
    {
      if (asset != NULL && format_name == NULL)
        {
          g_printerr (_("Missing --format: pdf, png or svg\n"));
          return 2;
        }
      if ((format_name != NULL && !parse_format (format_name, &format))
          || (page_name != NULL && !parse_page_size (page_name, &page))
          || (scale_text != NULL && !parse_scale (scale_text, &scale)))
        return 2;
      if (output == NULL)
        {
          if (pack != NULL)
            g_printerr (_("Missing -o FOLDER: the folder to write the pack to\n"));
          else
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
      g_autoptr(GPtrArray) names = list_exports (project);

      for (guint i = 0; i < names->len; i++)
        g_print ("%s\n", (const char *) g_ptr_array_index (names, i));

      return 0;
    }

  gtm_export_options_init (&options, format);
  options.page = page;
  options.landscape = landscape;
  options.scale = scale;

  if (pack != NULL)
    return export_pack (project, argv[1], pack, output, &options);

  title = gtm_asset_dup_label (asset);
  options.title = title;

  return export_asset (project, argv[1], asset, output, &options);
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
