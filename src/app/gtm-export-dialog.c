/* gtm-export-dialog.c — export an asset or a pack with a live preview, and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-export-dialog"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n.h>

#include "gtm-asset.h"
#include "gtm-core.h"
#include "gtm-export-dialog.h"
#include "gtm-finding.h"
#include "gtm-pack.h"
#include "gtm-persona-page.h"
#include "gtm-preflight.h"
#include "gtm-workbench-page.h"

#define PACK_PREFIX "pack:"
#define MM_TO_PT (72.0 / 25.4)
/* The preview follows the options this long after the last change. */
#define UPDATE_DELAY_MS 120
/* A single export shows its progress bar once it takes this long. */
#define PROGRESS_DELAY_MS 300
#define PREVIEW_PAD 16.0
#define PREVIEW_LABEL_SPACE 40.0 /* under the page, for “Page 1 of N” */
#define PRINT_MARGIN 36.0 /* points */

/* Rows of the combo rows, in the order of the .ui file. */
enum { PAGE_A4, PAGE_LETTER, PAGE_SLIDE, PAGE_CUSTOM };
enum { RESOLUTION_1X, RESOLUTION_2X, RESOLUTION_DPI };

struct _GtmExportDialog
{
  AdwWindow             parent_instance;

  GtmWindow            *window;
  GtmProject           *project;
  gulong                changed_id;
  char                 *settings_group; /* the project file's URI; NULL for a draft */

  GPtrArray            *targets;        /* char*: asset names, then "pack:NAME" */
  GArray               *formats;        /* GtmExportFormat, in the format row's order */
  gboolean              updating;       /* models being rebuilt: changes are not the user's */

  GtmAsset             *asset;          /* the preview's */
  guint                 update_id;
  GPtrArray            *finding_rows;

  GCancellable         *cancellable;    /* of the export in flight */
  gboolean              disposed;       /* closed while exporting: no widgets left */
  guint                 progress_id;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkWidget            *export_button;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkWidget            *body;
  GtkOverlay           *preview_overlay;
  GtkDrawingArea       *preview;
  GtkLabel             *page_label;
  AdwComboRow          *asset_row;
  GtkWidget            *format_group;
  AdwComboRow          *format_row;
  GtkWidget            *page_group;
  AdwComboRow          *page_size_row;
  GtkWidget            *width_row;
  GtkSpinButton        *width_spin;
  GtkWidget            *height_row;
  GtkSpinButton        *height_spin;
  AdwComboRow          *orientation_row;
  GtkSpinButton        *margin_spin;
  GtkWidget            *fit_row;
  AdwComboRow          *fit_row_combo;
  GtkWidget            *picture_group;
  AdwComboRow          *resolution_row;
  GtkWidget            *dpi_row;
  GtkSpinButton        *dpi_spin;
  GtkWidget            *transparent_row;
  GtkSwitch            *transparent_switch;
  AdwPreferencesGroup  *preflight_group;
};

G_DEFINE_FINAL_TYPE (GtmExportDialog, gtm_export_dialog, ADW_TYPE_WINDOW)

static void schedule_update (GtmExportDialog *self);

/* What the window shows */

/* The asset about @node (a board, persona or competitor) of @kind. */
static char *
dup_asset_for_node (GtmProject   *project,
                    GtmAssetKind  kind,
                    GtmNode      *node)
{
  g_auto(GStrv) names = gtm_asset_list_names (project);

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtmAssetKind found_kind;
      GtmNode *found = NULL;

      if (gtm_asset_lookup (project, names[i], &found_kind, &found) &&
          found_kind == kind && found == node)
        return g_strdup (names[i]);
    }

  return NULL;
}

/* The competitor whose row on the competitors page @page holds the
 * keyboard focus, else the first one whose row is open. */
static GtmNode *
find_open_competitor (GtmWorkbenchPage *page,
                      GtmProject       *project)
{
  GListModel *competitors = gtm_project_get_competitors (project);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (page)));
  g_autoptr(GtmNode) open = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (competitors); i++)
    {
      g_autoptr(GtmNode) competitor = g_list_model_get_item (competitors, i);
      GtkWidget *row = gtm_workbench_page_find_row (page, competitor, NULL);

      if (row == NULL)
        continue;
      if (focus != NULL && gtk_widget_is_ancestor (focus, row))
        return g_steal_pointer (&competitor);
      if (open == NULL && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        open = g_steal_pointer (&competitor);
    }

  return g_steal_pointer (&open);
}

char *
gtm_export_dup_shown_asset (GtmWindow *window)
{
  GtmProject *project;
  GtkWidget *page;
  GtmBoard *board;

  g_return_val_if_fail (GTM_IS_WINDOW (window), NULL);

  project = gtm_document_get_project (gtm_window_get_document (window));
  page = gtm_window_get_visible_page (window);
  board = gtm_board_view_get_board (gtm_window_get_board_view (window));

  if (page != NULL && board != NULL && gtk_widget_is_ancestor (GTK_WIDGET (gtm_window_get_board_view (window)), page))
    return dup_asset_for_node (project, GTM_ASSET_BOARD, GTM_NODE (board));

  if (GTM_IS_PERSONA_PAGE (page) && gtm_persona_page_get_persona (GTM_PERSONA_PAGE (page)) != NULL)
    return dup_asset_for_node (project, GTM_ASSET_PERSONA,
                               GTM_NODE (gtm_persona_page_get_persona (GTM_PERSONA_PAGE (page))));

  if (GTM_IS_WORKBENCH_PAGE (page))
    {
      const char *name = gtm_workbench_page_get_info (GTM_WORKBENCH_PAGE (page))->name;

      if (g_str_equal (name, "messaging"))
        return g_strdup ("messaging-doc");
      if (g_str_equal (name, "pricing"))
        return g_strdup ("pricing-sheet");
      if (g_str_equal (name, "launch-plan"))
        return g_strdup ("launch-timeline");
      if (g_str_equal (name, "competitors"))
        {
          g_autoptr(GtmNode) competitor = find_open_competitor (GTM_WORKBENCH_PAGE (page), project);

          if (competitor != NULL)
            return dup_asset_for_node (project, GTM_ASSET_BATTLECARD, competitor);
        }
    }

  return NULL;
}

/* Settings, remembered per project file */

static char *
dup_settings_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "gtm-studio", "export.ini", NULL);
}

static const char * const format_keys[] = { "pdf", "png", "svg" };
static const char * const page_keys[] = { "a4", "letter", "slide", "custom" };
static const char * const resolution_keys[] = { "1x", "2x", "dpi" };

static int
key_index (const char         *value,
           const char * const *keys,
           guint               n_keys)
{
  for (guint i = 0; value != NULL && i < n_keys; i++)
    if (g_str_equal (value, keys[i]))
      return i;

  return -1;
}

static double
get_double_or (GKeyFile   *file,
               const char *group,
               const char *key,
               double      fallback)
{
  g_autoptr(GError) error = NULL;
  double value = g_key_file_get_double (file, group, key, &error);

  return error == NULL && isfinite (value) ? value : fallback;
}

/* The remembered settings of the project, or NULL (a draft, nothing
 * remembered yet, an unreadable file). */
static GKeyFile *
load_settings (GtmExportDialog *self)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = dup_settings_path ();

  if (self->settings_group == NULL ||
      !g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL) ||
      !g_key_file_has_group (file, self->settings_group))
    return NULL;

  return g_steal_pointer (&file);
}

static GtmExportFormat
get_format (GtmExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  if (selected >= self->formats->len)
    return GTM_EXPORT_FORMAT_PDF;

  return g_array_index (self->formats, GtmExportFormat, selected);
}

static gboolean
is_pack (const char *target)
{
  return target != NULL && g_str_has_prefix (target, PACK_PREFIX);
}

static void
save_settings (GtmExportDialog *self,
               GFile           *folder)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = dup_settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  const char *group = self->settings_group;
  const char *target = gtm_export_dialog_get_target (self);

  if (group == NULL)
    return;

  /* Other projects' groups stay as they are. */
  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, NULL);

  if (target != NULL)
    g_key_file_set_string (file, group, "target", target);
  if (!is_pack (target))
    g_key_file_set_string (file, group, "format", format_keys[get_format (self)]);
  g_key_file_set_string (file, group, "page", page_keys[adw_combo_row_get_selected (self->page_size_row)]);
  g_key_file_set_double (file, group, "page-width", gtk_spin_button_get_value (self->width_spin) * MM_TO_PT);
  g_key_file_set_double (file, group, "page-height", gtk_spin_button_get_value (self->height_spin) * MM_TO_PT);
  g_key_file_set_boolean (file, group, "landscape", adw_combo_row_get_selected (self->orientation_row) == 1);
  g_key_file_set_double (file, group, "margin", gtk_spin_button_get_value (self->margin_spin) * MM_TO_PT);
  g_key_file_set_boolean (file, group, "span-pages", adw_combo_row_get_selected (self->fit_row_combo) == 1);
  g_key_file_set_string (file, group, "resolution",
                         resolution_keys[adw_combo_row_get_selected (self->resolution_row)]);
  g_key_file_set_double (file, group, "dpi", gtk_spin_button_get_value (self->dpi_spin));
  g_key_file_set_boolean (file, group, "transparent", gtk_switch_get_active (self->transparent_switch));
  if (folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      g_key_file_set_string (file, group, "folder", uri);
    }

  /* g_key_file_save_to_file() writes a temporary file and renames it. */
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_key_file_save_to_file (file, path, &error))
    g_debug ("Could not remember the export settings in %s: %s", path,
             error != NULL ? error->message : g_strerror (errno));
}

/* Options */

static void
read_options (GtmExportDialog  *self,
              GtmExportOptions *options)
{
  guint resolution = adw_combo_row_get_selected (self->resolution_row);

  gtm_export_options_init (options, get_format (self));
  if (is_pack (gtm_export_dialog_get_target (self)))
    options->format = GTM_EXPORT_FORMAT_PDF;

  switch (adw_combo_row_get_selected (self->page_size_row))
    {
    case PAGE_LETTER:
      options->page = GTM_EXPORT_PAGE_LETTER;
      break;
    case PAGE_SLIDE:
      options->page = GTM_EXPORT_PAGE_SLIDE_16_9;
      break;
    case PAGE_CUSTOM:
      options->page = GTM_EXPORT_PAGE_CUSTOM;
      break;
    case PAGE_A4:
    default:
      options->page = GTM_EXPORT_PAGE_A4;
      break;
    }
  options->page_width = gtk_spin_button_get_value (self->width_spin) * MM_TO_PT;
  options->page_height = gtk_spin_button_get_value (self->height_spin) * MM_TO_PT;
  options->landscape = adw_combo_row_get_selected (self->orientation_row) == 1;
  options->margin = gtk_spin_button_get_value (self->margin_spin) * MM_TO_PT;
  options->span_pages = adw_combo_row_get_selected (self->fit_row_combo) == 1;
  options->scale = resolution == RESOLUTION_2X ? 2.0 : 1.0;
  options->dpi = resolution == RESOLUTION_DPI ? gtk_spin_button_get_value (self->dpi_spin) : 0.0;
  options->transparent = gtk_switch_get_active (self->transparent_switch);
}

/* The assets @target stands for: itself, or a pack's. */
static GStrv
expand_target (GtmExportDialog  *self,
               const char       *target,
               GError          **error)
{
  if (is_pack (target))
    return gtm_pack_expand (self->project, target + strlen (PACK_PREFIX), error);

  return g_strdupv ((char *[]) { (char *) target, NULL });
}

/* The formats of the asset chosen: SVG for boards only. */
static void
update_formats (GtmExportDialog *self)
{
  const char *target = gtm_export_dialog_get_target (self);
  GtmExportFormat current = get_format (self);
  gboolean board = target != NULL && g_str_has_prefix (target, "board:");
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->formats, 0);
  for (GtmExportFormat format = GTM_EXPORT_FORMAT_PDF; format <= GTM_EXPORT_FORMAT_SVG; format++)
    {
      static const char * const names[] = { N_("PDF"), N_("PNG"), N_("SVG") };

      if (format == GTM_EXPORT_FORMAT_SVG && !board)
        continue;
      if (format == current)
        selected = self->formats->len;
      g_array_append_val (self->formats, format);
      gtk_string_list_append (labels, _(names[format]));
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->format_row, selected);
  self->updating = FALSE;
}

static void
update_visibility (GtmExportDialog *self)
{
  const char *target = gtm_export_dialog_get_target (self);
  gboolean pack = is_pack (target);
  gboolean board = target != NULL && g_str_has_prefix (target, "board:");
  GtmExportFormat format = get_format (self);
  guint page = adw_combo_row_get_selected (self->page_size_row);
  gboolean png = pack || format == GTM_EXPORT_FORMAT_PNG;

  gtk_widget_set_visible (self->format_group, !pack);
  /* A board's PNG and SVG are the size of the board; everything else
   * is laid out on a page. */
  gtk_widget_set_visible (self->page_group,
                          pack || format == GTM_EXPORT_FORMAT_PDF ||
                          (format == GTM_EXPORT_FORMAT_PNG && !board));
  gtk_widget_set_visible (self->fit_row, board && format == GTM_EXPORT_FORMAT_PDF);
  gtk_widget_set_visible (self->width_row, page == PAGE_CUSTOM);
  gtk_widget_set_visible (self->height_row, page == PAGE_CUSTOM);
  /* A slide is always across. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->orientation_row), page != PAGE_SLIDE);
  gtk_widget_set_visible (self->picture_group, png);
  /* Generated layouts are always on their paper. */
  gtk_widget_set_visible (self->transparent_row, board || pack);
  gtk_widget_set_visible (self->dpi_row, adw_combo_row_get_selected (self->resolution_row) == RESOLUTION_DPI);
}

/* Preview and preflight */

static const char *
finding_icon_name (GtmFindingKind kind)
{
  switch (kind)
    {
    case GTM_FINDING_OVERFLOW:
      return "format-justify-fill-symbolic";
    case GTM_FINDING_MISSING_GLYPHS:
      return "font-x-generic-symbolic";
    case GTM_FINDING_LOW_RESOLUTION:
      return "image-x-generic-symbolic";
    case GTM_FINDING_BROKEN_LINK:
      return "insert-link-symbolic";
    case GTM_FINDING_EMPTY_FIELD:
    default:
      return "document-edit-symbolic";
    }
}

static void
clear_finding_rows (GtmExportDialog *self)
{
  for (guint i = 0; i < self->finding_rows->len; i++)
    adw_preferences_group_remove (self->preflight_group, g_ptr_array_index (self->finding_rows, i));
  g_ptr_array_set_size (self->finding_rows, 0);
}

/* Shows the row of @field of @node on @page (the row of @node itself when
 * the page has no row for the field), the expander rows around it open,
 * with the keyboard focus on it. */
static void
reveal_row (GtkWidget  *page,
            GtmNode    *node,
            const char *field)
{
  GtkWidget *row = NULL;

  for (guint i = 0; row == NULL && i < 2; i++)
    {
      const char *wanted = i == 0 ? field : NULL;

      if (i == 1 && field == NULL)
        break;
      if (GTM_IS_WORKBENCH_PAGE (page))
        row = gtm_workbench_page_find_row (GTM_WORKBENCH_PAGE (page), node, wanted);
      else if (GTM_IS_PERSONA_PAGE (page))
        row = gtm_persona_page_find_row (GTM_PERSONA_PAGE (page), node, wanted);
    }

  if (row == NULL)
    return;

  for (GtkWidget *widget = row; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (ADW_IS_EXPANDER_ROW (widget))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  gtk_widget_grab_focus (row);
}

static void
on_finding_activated (AdwActionRow    *row,
                      GtmExportDialog *self)
{
  const char *node_id = g_object_get_data (G_OBJECT (row), "gtm-node-id");
  const char *field = g_object_get_data (G_OBJECT (row), "gtm-field");
  g_autoptr(GtmWindow) window = g_object_ref (self->window);
  g_autoptr(GtmProject) project = g_object_ref (self->project);
  GtmNode *node = NULL;
  GtkWidget *page;

  /* Singletons are named by their member name ("messaging"). */
  if (node_id != NULL)
    node = gtm_node_find (GTM_NODE (project), node_id);
  if (node == NULL && node_id != NULL)
    node = gtm_link_lookup (GTM_NODE (project), node_id);

  /* The project's own field a layout needs, the product name, is written
   * on the messaging page. */
  if (GTM_IS_PROJECT (node))
    node = gtm_project_get_messaging (project);

  gtk_window_destroy (GTK_WINDOW (self));

  if (node == NULL)
    return;

  page = gtm_window_show_node (window, node);
  if (page != NULL)
    reveal_row (page, node, field);
}

static void
show_findings (GtmExportDialog *self,
               GPtrArray       *findings,
               gboolean         many_assets)
{
  clear_finding_rows (self);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      GtmFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (finding_icon_name (finding->kind));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      if (many_assets && finding->asset != NULL)
        {
          g_autofree char *label = gtm_asset_dup_label (finding->asset);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), label);
        }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

      if (finding->node_id != NULL)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_set_tooltip_text (row, _("Show where it is"));
          g_object_set_data_full (G_OBJECT (row), "gtm-node-id", g_strdup (finding->node_id), g_free);
          g_object_set_data_full (G_OBJECT (row), "gtm-field", g_strdup (finding->field), g_free);
          g_signal_connect (row, "activated", G_CALLBACK (on_finding_activated), self);
        }

      adw_preferences_group_add (self->preflight_group, row);
      g_ptr_array_add (self->finding_rows, row);
    }

  if (self->finding_rows->len > 0)
    {
      guint n = self->finding_rows->len;
      g_autofree char *description = g_strdup_printf (ngettext ("%u problem in what will be exported. "
                                                                "Select it to show where it is.",
                                                                "%u problems in what will be exported. "
                                                                "Select one to show where it is.", n), n);

      adw_preferences_group_set_description (self->preflight_group, description);
    }
  else
    adw_preferences_group_set_description (self->preflight_group, _("No problems found."));
}

static void
update_preview (GtmExportDialog *self)
{
  const char *target = gtm_export_dialog_get_target (self);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *text = NULL;
  GtmExportOptions options;

  g_clear_object (&self->asset);
  if (target == NULL)
    {
      gtk_label_set_text (self->page_label, _("Nothing to export"));
      show_findings (self, NULL, FALSE);
      gtk_widget_queue_draw (GTK_WIDGET (self->preview));
      return;
    }

  read_options (self, &options);
  names = expand_target (self, target, &error);
  if (names != NULL && names[0] != NULL)
    self->asset = gtm_asset_new (self->project, names[0], &options, &error);

  if (self->asset != NULL && is_pack (target))
    {
      guint n = g_strv_length (names);
      g_autofree char *label = gtm_asset_dup_label (names[0]);

      /* Translators: under the preview of a pack: the first asset's name */
      text = g_strdup_printf (ngettext ("%s, the only asset of the pack",
                                        "%s, the first of %u assets", n), label, n);
    }
  else if (self->asset != NULL)
    {
      guint n = gtm_asset_get_n_pages (self->asset);

      text = g_strdup_printf (ngettext ("Page 1 of %u", "Page 1 of %u", n), n);
    }
  else if (error != NULL)
    text = g_strdup (error->message);
  else
    text = g_strdup (_("The pack is empty"));
  gtk_label_set_text (self->page_label, text);

  if (names != NULL)
    findings = gtm_preflight_check (self->project, (const char * const *) names, &options, NULL);
  show_findings (self, findings, names != NULL && g_strv_length (names) > 1);

  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
  gtk_widget_queue_allocate (GTK_WIDGET (self->preview_overlay));
}

static gboolean
update_timeout (gpointer data)
{
  GtmExportDialog *self = data;

  self->update_id = 0;
  update_preview (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_update (GtmExportDialog *self)
{
  g_clear_handle_id (&self->update_id, g_source_remove);
  self->update_id = g_timeout_add (UPDATE_DELAY_MS, update_timeout, self);
}

static void
on_option_changed (GtmExportDialog *self)
{
  if (self->updating)
    return;

  update_visibility (self);
  schedule_update (self);
}

static void
on_asset_selected (GtmExportDialog *self)
{
  if (self->updating)
    return;

  update_formats (self);
  on_option_changed (self);
}

/* Custom starts from the page chosen before. */
static void
on_page_size_selected (GtmExportDialog *self)
{
  if (!self->updating && adw_combo_row_get_selected (self->page_size_row) != PAGE_CUSTOM)
    {
      GtmExportOptions options;
      double width, height;

      read_options (self, &options);
      if (gtm_export_get_page_size (&options, &width, &height))
        {
          self->updating = TRUE;
          gtk_spin_button_set_value (self->width_spin, width / MM_TO_PT);
          gtk_spin_button_set_value (self->height_spin, height / MM_TO_PT);
          self->updating = FALSE;
        }
    }

  on_option_changed (self);
}

static void
draw_checkerboard (cairo_t *cr,
                   double   width,
                   double   height)
{
  const double side = 8.0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
  for (double y = 0; y < height; y += side)
    for (double x = fmod (y / side, 2) < 1 ? 0 : side; x < width; x += 2 * side)
      cairo_rectangle (cr, x, y, MIN (side, width - x), MIN (side, height - y));
  cairo_fill (cr);
}

/* Where the preview's page is in a preview @width × @height: as large as
 * fits above the label, centred. FALSE when there is no page. */
static gboolean
get_page_rect (GtmExportDialog *self,
               int              width,
               int              height,
               graphene_rect_t *rect)
{
  double page_width, page_height, scale, w, h;

  if (self->asset == NULL || gtm_asset_get_n_pages (self->asset) == 0)
    return FALSE;

  gtm_asset_get_page_size (self->asset, 0, &page_width, &page_height);
  if (page_width <= 0 || page_height <= 0 ||
      width <= 2 * PREVIEW_PAD || height <= 2 * PREVIEW_PAD + PREVIEW_LABEL_SPACE)
    return FALSE;

  scale = MIN ((width - 2 * PREVIEW_PAD) / page_width,
               (height - 2 * PREVIEW_PAD - PREVIEW_LABEL_SPACE) / page_height);
  w = round (page_width * scale);
  h = round (page_height * scale);
  graphene_rect_init (rect, floor ((width - w) / 2), floor ((height - PREVIEW_LABEL_SPACE - h) / 2), w, h);

  return TRUE;
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  GtmExportDialog *self = user_data;
  gboolean transparent = gtk_switch_get_active (self->transparent_switch) &&
                         gtk_widget_get_visible (self->transparent_row) &&
                         gtk_widget_get_visible (self->picture_group);
  double page_width, page_height, x, y, w, h;
  graphene_rect_t rect;

  if (!get_page_rect (self, width, height, &rect))
    return;

  gtm_asset_get_page_size (self->asset, 0, &page_width, &page_height);
  x = rect.origin.x;
  y = rect.origin.y;
  w = rect.size.width;
  h = rect.size.height;

  /* The page's shadow: a few widening, fainter outlines, lower down. */
  for (int i = 6; i >= 1; i--)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.035);
      cairo_rectangle (cr, x - i, y - i + 2, w + 2 * i, h + 2 * i);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  if (transparent)
    draw_checkerboard (cr, w, h);
  else
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  cairo_scale (cr, w / page_width, h / page_height);
  gtm_asset_draw_page (self->asset, 0, cr, transparent);
  cairo_restore (cr);
}

/* “Page 1 of N” goes under the page, or in the middle without one. */
static gboolean
on_get_child_position (GtkOverlay      *overlay,
                       GtkWidget       *widget,
                       GdkRectangle    *allocation,
                       GtmExportDialog *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int height = gtk_widget_get_height (GTK_WIDGET (overlay));
  int min_width, label_width, label_height;
  graphene_rect_t rect;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &label_width, NULL, NULL);
  label_width = CLAMP (label_width, min_width, MAX (min_width, width));
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, label_width, NULL, &label_height, NULL, NULL);

  allocation->width = label_width;
  allocation->height = label_height;
  allocation->x = (width - label_width) / 2;
  if (get_page_rect (self, width, height, &rect))
    allocation->y = rect.origin.y + rect.size.height + 12;
  else
    allocation->y = (height - label_height) / 2;

  return TRUE;
}

/* Exporting */

typedef struct
{
  GtmExportDialog  *dialog;     /* kept alive by the task */
  GBytes           *bytes;      /* the project when Export was chosen */
  char             *target;
  char             *label;
  GFile            *file;
  GtmExportOptions  options;
  char             *title;
  GFile            *open;       /* what the toast's Open shows */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_bytes_unref (job->bytes);
  g_free (job->target);
  g_free (job->label);
  g_free (job->title);
  g_clear_object (&job->file);
  g_clear_object (&job->open);
  g_free (job);
}

typedef struct
{
  GtmExportDialog *dialog;
  guint            done;
  guint            total;
  char            *label;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;
  GtmExportDialog *self = progress->dialog;

  if (!self->disposed && self->cancellable != NULL && progress->total > 0)
    {
      g_autofree char *text = NULL;

      g_clear_handle_id (&self->progress_id, g_source_remove);
      gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
      gtk_progress_bar_set_fraction (self->progress_bar, (double) progress->done / progress->total);
      /* Translators: while a pack is exported: how far it is, then the
       * asset exported last */
      text = g_strdup_printf (_("%u of %u — %s"), progress->done, progress->total,
                              progress->label != NULL ? progress->label : "");
      gtk_label_set_text (self->progress_label, text);
    }

  g_object_unref (progress->dialog);
  g_free (progress->label);
  g_free (progress);

  return G_SOURCE_REMOVE;
}

/* In the export's thread. */
static void
on_pack_progress (guint       done,
                  guint       total,
                  const char *asset_label,
                  gpointer    user_data)
{
  ExportJob *job = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->dialog = g_object_ref (job->dialog);
  progress->done = done;
  progress->total = total;
  progress->label = g_strdup (asset_label);
  g_idle_add (show_progress, progress);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GtmProject) project = NULL;
  g_autoptr(GtmAsset) asset = NULL;
  g_autoptr(GError) error = NULL;
  GtmExportResult result;

  project = gtm_format_read_bytes (job->bytes, &error);
  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (is_pack (job->target))
    {
      if (!gtm_export_pack (project, job->target + strlen (PACK_PREFIX), job->file, &job->options,
                            on_pack_progress, job, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      job->open = g_object_ref (job->file);
      g_task_return_boolean (task, TRUE);
      return;
    }

  asset = gtm_asset_new (project, job->target, &job->options, &error);
  if (asset == NULL ||
      !gtm_export_asset (asset, job->file, &job->options, &result, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Several PNGs are beside the name chosen, not at it. */
  if (job->options.format == GTM_EXPORT_FORMAT_PNG && result.n_pages > 1)
    job->open = g_file_get_parent (job->file);
  else
    job->open = g_object_ref (job->file);
  g_task_return_boolean (task, TRUE);
}

static void
set_busy (GtmExportDialog *self,
          gboolean         busy)
{
  gtk_widget_set_sensitive (self->export_button, !busy);
  gtk_widget_set_sensitive (self->body, !busy);
  if (!busy)
    {
      g_clear_handle_id (&self->progress_id, g_source_remove);
      gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
    }
}

static gboolean
reveal_progress (gpointer data)
{
  GtmExportDialog *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);

  return G_SOURCE_CONTINUE;
}

static void
on_open_clicked (AdwToast *toast,
                 GtkWindow *window)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "gtm-file");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
on_export_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GtmExportDialog *self = GTM_EXPORT_DIALOG (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  if (!self->disposed)
    set_busy (self, FALSE);

  /* The window was closed meanwhile (and the dialog with it). */
  if (gtk_widget_in_destruction (GTK_WIDGET (self->window)))
    return;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = gtm_file_dup_display_name (job->file);
      /* Translators: %s is the file or folder exported to */
      g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "gtm-file", g_object_ref (job->open), g_object_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked), self->window, 0);
      gtm_window_add_toast (self->window, toast);
      if (!self->disposed)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  {
    /* Translators: %s is what was being exported, e.g. “One-Pager” */
    g_autofree char *heading = g_strdup_printf (_("Could not export “%s”"), job->label);

    gtm_window_show_error (self->window, heading, error);
  }
}

void
gtm_export_dialog_export_to (GtmExportDialog *self,
                             GFile           *file)
{
  const char *target;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) folder = NULL;
  ExportJob *job;

  g_return_if_fail (GTM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  target = gtm_export_dialog_get_target (self);
  if (target == NULL || self->cancellable != NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->dialog = self;
  job->bytes = gtm_format_write_bytes (self->project);
  job->target = g_strdup (target);
  job->label = is_pack (target) ? g_strdup (target + strlen (PACK_PREFIX)) : gtm_asset_dup_label (target);
  job->file = g_object_ref (file);
  read_options (self, &job->options);
  job->title = g_strdup (job->label);
  job->options.title = job->title;

  folder = g_file_get_parent (file);
  save_settings (self, folder);

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_text (self->progress_label, _("Exporting…"));
  if (is_pack (target))
    gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  else
    self->progress_id = g_timeout_add (PROGRESS_DELAY_MS, reveal_progress, self);

  task = g_task_new (self, self->cancellable, on_export_done, NULL);
  g_task_set_source_tag (task, gtm_export_dialog_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
gtm_export_dialog_get_busy (GtmExportDialog *self)
{
  g_return_val_if_fail (GTM_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     GtmExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    gtm_export_dialog_export_to (self, file);
}

static void
on_export_clicked (GtmExportDialog *self)
{
  const char *target = gtm_export_dialog_get_target (self);
  g_autoptr(GKeyFile) settings = load_settings (self);
  g_autofree char *folder_uri = NULL;

  if (target == NULL || self->cancellable != NULL || self->chooser != NULL)
    return;

  if (is_pack (target))
    {
      self->chooser = gtk_file_chooser_native_new (_("Export Pack to Folder"), GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                   _("_Export"), _("_Cancel"));
    }
  else
    {
      GtmExportFormat format = get_format (self);
      g_autofree char *stem = gtm_asset_dup_file_stem (target);
      g_autofree char *name = g_strdup_printf ("%s.%s", stem, gtm_export_format_get_extension (format));
      g_autofree char *pattern = g_strdup_printf ("*.%s", gtm_export_format_get_extension (format));
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_SAVE,
                                                   _("_Export"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
      gtk_file_filter_set_name (filter, _(format == GTM_EXPORT_FORMAT_PDF ? N_("PDF Documents")
                                          : format == GTM_EXPORT_FORMAT_PNG ? N_("PNG Pictures")
                                          : N_("SVG Drawings")));
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
    }

  /* Where the last export went, else beside the project. */
  if (settings != NULL)
    folder_uri = g_key_file_get_string (settings, self->settings_group, "folder", NULL);
  if (folder_uri == NULL && self->settings_group != NULL)
    {
      g_autoptr(GFile) project_file = g_file_new_for_uri (self->settings_group);
      g_autoptr(GFile) parent = g_file_get_parent (project_file);

      folder_uri = parent != NULL ? g_file_get_uri (parent) : NULL;
    }
  if (folder_uri != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (folder_uri);

      if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_cancel_clicked (GtmExportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Targets */

/* The list of assets shows their whole names, which can be long. */
static void
setup_target_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_target_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static void
fill_targets (GtmExportDialog *self)
{
  g_auto(GStrv) assets = gtm_asset_list_names (self->project);
  g_auto(GStrv) packs = gtm_pack_list_names (self->project);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->targets, 0);
  for (guint i = 0; assets[i] != NULL; i++)
    {
      g_autofree char *label = gtm_asset_dup_label (assets[i]);

      g_ptr_array_add (self->targets, g_strdup (assets[i]));
      gtk_string_list_append (labels, label);
    }
  for (guint i = 0; packs != NULL && packs[i] != NULL; i++)
    {
      /* Translators: an asset pack in the export dialog's list */
      g_autofree char *label = g_strdup_printf (_("Pack: %s"), packs[i]);

      g_ptr_array_add (self->targets, g_strconcat (PACK_PREFIX, packs[i], NULL));
      gtk_string_list_append (labels, label);
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->asset_row, G_LIST_MODEL (labels));
  self->updating = FALSE;
}

const char *
gtm_export_dialog_get_target (GtmExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (GTM_IS_EXPORT_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->asset_row);

  return selected < self->targets->len ? g_ptr_array_index (self->targets, selected) : NULL;
}

gboolean
gtm_export_dialog_set_target (GtmExportDialog *self,
                              const char      *target)
{
  g_return_val_if_fail (GTM_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; target != NULL && i < self->targets->len; i++)
    if (g_str_equal (g_ptr_array_index (self->targets, i), target))
      {
        adw_combo_row_set_selected (self->asset_row, i);
        return TRUE;
      }

  return FALSE;
}

/* The project changed: the list of assets may have, and the preview. */
static void
on_project_changed (GtmExportDialog *self)
{
  g_autofree char *target = g_strdup (gtm_export_dialog_get_target (self));

  if (self->cancellable != NULL)
    return;

  fill_targets (self);
  self->updating = TRUE;
  if (!gtm_export_dialog_set_target (self, target))
    adw_combo_row_set_selected (self->asset_row, 0);
  self->updating = FALSE;
  update_formats (self);
  update_visibility (self);
  schedule_update (self);
}

/* Restores the remembered settings; then what the window shows is the
 * asset, or the one remembered, or the one-pager. */
static void
restore (GtmExportDialog *self)
{
  g_autoptr(GKeyFile) settings = load_settings (self);
  g_autofree char *shown = gtm_export_dup_shown_asset (self->window);
  const char *group = self->settings_group;
  GtmExportOptions defaults;
  double width, height;

  gtm_export_options_init (&defaults, GTM_EXPORT_FORMAT_PDF);
  gtm_export_get_page_size (&defaults, &width, &height);

  self->updating = TRUE;

  if (settings != NULL)
    {
      g_autofree char *target = g_key_file_get_string (settings, group, "target", NULL);
      g_autofree char *page = g_key_file_get_string (settings, group, "page", NULL);
      g_autofree char *resolution = g_key_file_get_string (settings, group, "resolution", NULL);
      int page_index = key_index (page, page_keys, G_N_ELEMENTS (page_keys));
      int resolution_index = key_index (resolution, resolution_keys, G_N_ELEMENTS (resolution_keys));

      if (shown == NULL || !gtm_export_dialog_set_target (self, shown))
        if (!gtm_export_dialog_set_target (self, target))
          gtm_export_dialog_set_target (self, "one-pager");

      adw_combo_row_set_selected (self->page_size_row, page_index >= 0 ? page_index : PAGE_A4);
      gtk_spin_button_set_value (self->width_spin,
                                 get_double_or (settings, group, "page-width", width) / MM_TO_PT);
      gtk_spin_button_set_value (self->height_spin,
                                 get_double_or (settings, group, "page-height", height) / MM_TO_PT);
      adw_combo_row_set_selected (self->orientation_row,
                                  g_key_file_get_boolean (settings, group, "landscape", NULL) ? 1 : 0);
      gtk_spin_button_set_value (self->margin_spin,
                                 get_double_or (settings, group, "margin", defaults.margin) / MM_TO_PT);
      adw_combo_row_set_selected (self->fit_row_combo,
                                  g_key_file_get_boolean (settings, group, "span-pages", NULL) ? 1 : 0);
      adw_combo_row_set_selected (self->resolution_row, resolution_index >= 0 ? resolution_index : 0);
      gtk_spin_button_set_value (self->dpi_spin, get_double_or (settings, group, "dpi", 300));
      gtk_switch_set_active (self->transparent_switch,
                             g_key_file_get_boolean (settings, group, "transparent", NULL));
    }
  else
    {
      if (shown == NULL || !gtm_export_dialog_set_target (self, shown))
        gtm_export_dialog_set_target (self, "one-pager");
      gtk_spin_button_set_value (self->width_spin, width / MM_TO_PT);
      gtk_spin_button_set_value (self->height_spin, height / MM_TO_PT);
      gtk_spin_button_set_value (self->margin_spin, defaults.margin / MM_TO_PT);
    }

  self->updating = FALSE;

  update_formats (self);
  if (settings != NULL)
    {
      g_autofree char *format = g_key_file_get_string (settings, group, "format", NULL);
      int format_index = key_index (format, format_keys, G_N_ELEMENTS (format_keys));

      for (guint i = 0; i < self->formats->len; i++)
        if ((int) g_array_index (self->formats, GtmExportFormat, i) == format_index)
          {
            self->updating = TRUE;
            adw_combo_row_set_selected (self->format_row, i);
            self->updating = FALSE;
          }
    }
  update_visibility (self);
  update_preview (self);
}

/* GObject */

static gboolean
gtm_export_dialog_close_request (GtkWindow *window)
{
  GtmExportDialog *self = GTM_EXPORT_DIALOG (window);

  /* Closing stops the export; what it wrote goes with it. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (gtm_export_dialog_parent_class)->close_request (window);
}

static void
gtm_export_dialog_dispose (GObject *object)
{
  GtmExportDialog *self = GTM_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_object (&self->asset);

  gtk_widget_dispose_template (GTK_WIDGET (self), GTM_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (gtm_export_dialog_parent_class)->dispose (object);
}

static void
gtm_export_dialog_finalize (GObject *object)
{
  GtmExportDialog *self = GTM_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  /* GTK 4.8 forgets the transient parent only when the dialog goes away:
   * the window stays alive until then. */
  g_clear_object (&self->window);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->formats, g_array_unref);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);
  g_free (self->settings_group);

  G_OBJECT_CLASS (gtm_export_dialog_parent_class)->finalize (object);
}

static void
gtm_export_dialog_class_init (GtmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gtm_export_dialog_dispose;
  object_class->finalize = gtm_export_dialog_finalize;
  window_class->close_request = gtm_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gtmstudio/GtmStudio/gtm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, body);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, preview_overlay);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, asset_row);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, format_group);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, page_group);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, page_size_row);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, margin_spin);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, fit_row);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, picture_group);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, resolution_row);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, GtmExportDialog, preflight_group);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gtm_export_dialog_init (GtmExportDialog *self)
{
  self->targets = g_ptr_array_new_with_free_func (g_free);
  self->formats = g_array_new (FALSE, FALSE, sizeof (GtmExportFormat));
  self->finding_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->fit_row_combo = ADW_COMBO_ROW (self->fit_row);

  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  g_signal_connect (self->preview_overlay, "get-child-position", G_CALLBACK (on_get_child_position), self);

  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_target_item), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_target_item), NULL);
    adw_combo_row_set_list_factory (self->asset_row, factory);
  }

  g_signal_connect_swapped (self->asset_row, "notify::selected", G_CALLBACK (on_asset_selected), self);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->page_size_row, "notify::selected", G_CALLBACK (on_page_size_selected), self);
  g_signal_connect_swapped (self->orientation_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->fit_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->resolution_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->width_spin, "value-changed", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->height_spin, "value-changed", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->margin_spin, "value-changed", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->dpi_spin, "value-changed", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->transparent_switch, "notify::active", G_CALLBACK (on_option_changed), self);
}

GtmExportDialog *
gtm_export_dialog_present (GtmWindow *window)
{
  GtmExportDialog *self;
  GFile *file;

  g_return_val_if_fail (GTM_IS_WINDOW (window), NULL);

  self = g_object_new (GTM_TYPE_EXPORT_DIALOG,
                       "transient-for", window,
                       NULL);
  self->window = g_object_ref (window);
  self->project = g_object_ref (gtm_document_get_project (gtm_window_get_document (window)));
  file = gtm_document_get_file (gtm_window_get_document (window));
  self->settings_group = file != NULL ? g_file_get_uri (file) : NULL;
  self->changed_id = g_signal_connect_swapped (self->project, "changed", G_CALLBACK (on_project_changed), self);

  fill_targets (self);
  restore (self);

  gtk_window_present (GTK_WINDOW (self));

  return self;
}

/* Printing */

typedef struct
{
  GtmWindow  *window;
  GtmProject *project;
  char       *name;
  GtmAsset   *asset;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_object_unref (job->window);
  g_object_unref (job->project);
  g_free (job->name);
  g_clear_object (&job->asset);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_autoptr(GError) error = NULL;
  GtmExportOptions options;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  options.page = GTM_EXPORT_PAGE_CUSTOM;
  options.page_width = CLAMP (gtk_print_context_get_width (context),
                              GTM_EXPORT_PAGE_MIN_SIDE, GTM_EXPORT_PAGE_MAX_SIDE);
  options.page_height = CLAMP (gtk_print_context_get_height (context),
                               GTM_EXPORT_PAGE_MIN_SIDE, GTM_EXPORT_PAGE_MAX_SIDE);
  options.margin = PRINT_MARGIN;

  g_clear_object (&job->asset);
  job->asset = gtm_asset_new (job->project, job->name, &options, &error);
  if (job->asset == NULL)
    {
      g_autofree char *label = gtm_asset_dup_label (job->name);
      /* Translators: %s is what was to be printed, e.g. “One-Pager” */
      g_autofree char *heading = g_strdup_printf (_("Could not print “%s”"), label);

      gtm_window_show_error (job->window, heading, error);
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, MAX (1, gtm_asset_get_n_pages (job->asset)));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width, page_height, to_points, scale;

  if (job->asset == NULL || (guint) page_nr >= gtm_asset_get_n_pages (job->asset))
    return;

  gtm_asset_get_page_size (job->asset, page_nr, &page_width, &page_height);
  if (page_width <= 0 || page_height <= 0)
    return;

  /* From the asset's units to points, and smaller if it would not fit. */
  to_points = 72.0 / gtm_asset_get_units_dpi (job->asset);
  scale = to_points * MIN (1.0, MIN (width / (page_width * to_points), height / (page_height * to_points)));

  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  gtm_asset_draw_page (job->asset, page_nr, cr, FALSE);
  cairo_restore (cr);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintJob                *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_object_set_data_full (G_OBJECT (job->window), "gtm-print-settings",
                            g_object_ref (gtk_print_operation_get_print_settings (operation)),
                            g_object_unref);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        {
          g_autofree char *label = gtm_asset_dup_label (job->name);
          g_autofree char *heading = g_strdup_printf (_("Could not print “%s”"), label);

          gtm_window_show_error (job->window, heading, error);
        }
    }
}

GtkPrintOperation *
gtm_export_print_operation_new (GtmWindow *window)
{
  GtkPrintOperation *operation;
  GtkPrintSettings *settings;
  g_autofree char *label = NULL;
  PrintJob *job;

  g_return_val_if_fail (GTM_IS_WINDOW (window), NULL);

  job = g_new0 (PrintJob, 1);
  job->window = g_object_ref (window);
  job->project = g_object_ref (gtm_document_get_project (gtm_window_get_document (window)));
  job->name = gtm_export_dup_shown_asset (window);
  if (job->name == NULL)
    job->name = g_strdup ("one-pager");
  label = gtm_asset_dup_label (job->name);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, label);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  settings = g_object_get_data (G_OBJECT (window), "gtm-print-settings");
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), job);
  g_object_set_data_full (G_OBJECT (operation), "gtm-print-job", job, (GDestroyNotify) print_job_free);

  return operation;
}

void
gtm_export_print (GtmWindow *window)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GTM_IS_WINDOW (window));

  operation = gtm_export_print_operation_new (window);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (window), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtm_window_show_error (window, _("Could not print"), error);
}
