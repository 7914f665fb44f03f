/* gtm-asset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-asset"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gtm-asset.h"
#include "gtm-competitor.h"
#include "gtm-render.h"
#include "gtm-sheet.h"

/* Board units are pixels at 96 dpi; pages are in points. */
#define BOARD_DPI 96.0
#define POINT_DPI 72.0

/* The longest file name stem made, in bytes: room for "-NNN.png". */
#define MAX_STEM 200

struct _GtmAsset
{
  GObject       parent_instance;

  GtmProject   *project;   /* NULL for a board outside a project */
  char         *name;
  GtmAssetKind  kind;

  /* Generated layouts */
  GtmSheet     *sheet;

  /* Boards */
  GtmBoard     *board;
  GtmRect       area;      /* drawn: the bounds plus GTM_RENDER_MARGIN */
  gboolean      paged;     /* on PDF pages, else one page of @area */
  double        page_width;
  double        page_height;
  double        margin;
  double        scale;     /* points per board unit on pages */
  guint         columns;   /* pages across and down */
  guint         rows;
  double        x;         /* where @area's corner is on the page (fit) */
  double        y;

  GPtrArray    *no_findings; /* boards' */
};

G_DEFINE_FINAL_TYPE (GtmAsset, gtm_asset, G_TYPE_OBJECT)

G_DEFINE_QUARK (gtm-asset-error-quark, gtm_asset_error)

/* The prefixes of the assets about one node, and the names of the others. */
static const struct
{
  GtmAssetKind  kind;
  const char   *name;     /* the whole name, or the prefix before ':' */
  gboolean      per_node;
} kinds[] = {
  { GTM_ASSET_BOARD, "board", TRUE },
  { GTM_ASSET_ONE_PAGER, "one-pager", FALSE },
  { GTM_ASSET_PERSONA, "persona", TRUE },
  { GTM_ASSET_BATTLECARD, "battlecard", TRUE },
  { GTM_ASSET_MESSAGING_DOC, "messaging-doc", FALSE },
  { GTM_ASSET_PRICING_SHEET, "pricing-sheet", FALSE },
  { GTM_ASSET_LAUNCH_TIMELINE, "launch-timeline", FALSE },
};

static void
gtm_asset_finalize (GObject *object)
{
  GtmAsset *self = GTM_ASSET (object);

  g_clear_pointer (&self->sheet, gtm_sheet_free);
  g_clear_pointer (&self->no_findings, g_ptr_array_unref);
  g_clear_object (&self->board);
  g_clear_object (&self->project);
  g_free (self->name);

  G_OBJECT_CLASS (gtm_asset_parent_class)->finalize (object);
}

static void
gtm_asset_class_init (GtmAssetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gtm_asset_finalize;
}

static void
gtm_asset_init (GtmAsset *self)
{
}

/* The list of the nodes a per-node kind is about. */
static GListModel *
kind_nodes (GtmProject   *project,
            GtmAssetKind  kind)
{
  switch (kind)
    {
    case GTM_ASSET_BOARD:
      return gtm_project_get_boards (project);
    case GTM_ASSET_PERSONA:
      return gtm_project_get_personas (project);
    case GTM_ASSET_BATTLECARD:
      return gtm_project_get_competitors (project);
    case GTM_ASSET_ONE_PAGER:
    case GTM_ASSET_MESSAGING_DOC:
    case GTM_ASSET_PRICING_SHEET:
    case GTM_ASSET_LAUNCH_TIMELINE:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
node_name (GtmNode *node)
{
  if (GTM_IS_BOARD (node))
    return gtm_board_get_name (GTM_BOARD (node));
  if (GTM_IS_PERSONA (node))
    return gtm_persona_get_name (GTM_PERSONA (node));
  if (GTM_IS_COMPETITOR (node))
    return gtm_competitor_get_name (GTM_COMPETITOR (node));

  g_return_val_if_reached ("");
}

/**
 * gtm_asset_list_names:
 *
 * Returns: (transfer full): the names of every asset of @project
 */
GStrv
gtm_asset_list_names (GtmProject *project)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GListModel *nodes;

      if (!kinds[i].per_node)
        {
          g_strv_builder_add (builder, kinds[i].name);
          continue;
        }

      nodes = kind_nodes (project, kinds[i].kind);
      for (guint j = 0, n = g_list_model_get_n_items (nodes); j < n; j++)
        {
          g_autoptr(GtmNode) node = g_list_model_get_item (nodes, j);
          g_autofree char *name = g_strconcat (kinds[i].name, ":", node_name (node), NULL);

          g_strv_builder_add (builder, name);
        }
    }

  return g_strv_builder_end (builder);
}

/* Splits @name into its kind and, for a per-node kind, what follows the
 * colon. */
static gboolean
parse_name (const char    *name,
            GtmAssetKind  *kind,
            const char   **rest)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gsize length = strlen (kinds[i].name);

      if (!kinds[i].per_node && strcmp (name, kinds[i].name) == 0)
        {
          *kind = kinds[i].kind;
          *rest = NULL;
          return TRUE;
        }

      if (kinds[i].per_node && strncmp (name, kinds[i].name, length) == 0 && name[length] == ':')
        {
          *kind = kinds[i].kind;
          *rest = name + length + 1;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
gtm_asset_lookup (GtmProject    *project,
                  const char    *name,
                  GtmAssetKind  *kind,
                  GtmNode      **node)
{
  GtmAssetKind found;
  const char *rest;
  GListModel *nodes;

  g_return_val_if_fail (GTM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (node != NULL)
    *node = NULL;

  if (!parse_name (name, &found, &rest))
    return FALSE;

  if (kind != NULL)
    *kind = found;

  if (rest == NULL)
    return TRUE;

  nodes = kind_nodes (project, found);
  for (guint i = 0, n = g_list_model_get_n_items (nodes); i < n; i++)
    {
      g_autoptr(GtmNode) candidate = g_list_model_get_item (nodes, i);

      if (g_strcmp0 (node_name (candidate), rest) == 0)
        {
          if (node != NULL)
            *node = candidate;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * gtm_asset_dup_label:
 *
 * Returns: (transfer full): @name as the user reads it
 */
char *
gtm_asset_dup_label (const char *name)
{
  GtmAssetKind kind;
  const char *rest;

  g_return_val_if_fail (name != NULL, NULL);

  if (!parse_name (name, &kind, &rest))
    return g_strdup (name);

  switch (kind)
    {
    case GTM_ASSET_BOARD:
      /* Translators: an exported asset: a canvas board, by its name */
      return g_strdup_printf (_("Board: %s"), rest);
    case GTM_ASSET_PERSONA:
      /* Translators: an exported asset: the sheet of the persona named */
      return g_strdup_printf (_("Persona sheet: %s"), rest);
    case GTM_ASSET_BATTLECARD:
      /* Translators: an exported asset: the battlecard against the competitor named */
      return g_strdup_printf (_("Battlecard: %s"), rest);
    case GTM_ASSET_ONE_PAGER:
      return g_strdup (_("One-pager"));
    case GTM_ASSET_MESSAGING_DOC:
      return g_strdup (_("Messaging strategy document"));
    case GTM_ASSET_PRICING_SHEET:
      return g_strdup (_("Pricing sheet"));
    case GTM_ASSET_LAUNCH_TIMELINE:
      return g_strdup (_("Launch timeline"));
    default:
      g_return_val_if_reached (g_strdup (name));
    }
}

/**
 * gtm_asset_dup_file_stem:
 *
 * Returns: (transfer full): a file name stem for @name
 */
char *
gtm_asset_dup_file_stem (const char *name)
{
  GString *stem;

  g_return_val_if_fail (name != NULL, NULL);

  stem = g_string_new (NULL);
  for (const char *p = name; *p != '\0' && stem->len < MAX_STEM; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;

      /* Separators and what Windows and FAT forbid; no leading dot, so the
       * file is never hidden. */
      if (g_unichar_iscntrl (c) || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL) ||
          (c == '.' && stem->len == 0))
        g_string_append_c (stem, '-');
      else
        g_string_append_unichar (stem, c);
    }

  if (stem->len == 0)
    g_string_append (stem, "asset");

  return g_string_free (stem, FALSE);
}

/* The board's pages for @options, or its one page of board units. */
static gboolean
lay_out_board (GtmAsset                *self,
               const GtmExportOptions  *options,
               GError                 **error)
{
  double room_width, room_height;
  g_autofree char *label = gtm_asset_dup_label (self->name);

  gtm_render_board_bounds (self->board, &self->area);
  self->area.x -= GTM_RENDER_MARGIN;
  self->area.y -= GTM_RENDER_MARGIN;
  self->area.width += 2 * GTM_RENDER_MARGIN;
  self->area.height += 2 * GTM_RENDER_MARGIN;

  self->paged = options->format == GTM_EXPORT_FORMAT_PDF;
  self->columns = self->rows = 1;
  if (!self->paged)
    {
      self->page_width = self->area.width;
      self->page_height = self->area.height;
      self->scale = 1;
      return TRUE;
    }

  room_width = self->page_width - 2 * self->margin;
  room_height = self->page_height - 2 * self->margin;

  if (options->span_pages)
    {
      /* 100 %: a board unit is a pixel at 96 dpi. */
      self->scale = POINT_DPI / BOARD_DPI;
      self->columns = (guint) ceil (self->area.width * self->scale / room_width - 1e-9);
      self->rows = (guint) ceil (self->area.height * self->scale / room_height - 1e-9);
      self->columns = MAX (self->columns, 1);
      self->rows = MAX (self->rows, 1);
      if ((guint64) self->columns * self->rows > GTM_EXPORT_MAX_PAGES)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Could not lay out “%s”: at 100 %% it would take %u × %u pages; "
                         "fit it to the page or choose a larger page"),
                       label, self->columns, self->rows);
          return FALSE;
        }
      self->x = self->margin;
      self->y = self->margin;
    }
  else
    {
      self->scale = MIN (room_width / self->area.width, room_height / self->area.height);
      self->x = (self->page_width - self->area.width * self->scale) / 2;
      self->y = (self->page_height - self->area.height * self->scale) / 2;
    }

  return TRUE;
}

static GtmSheetKind
sheet_kind (GtmAssetKind kind)
{
  switch (kind)
    {
    case GTM_ASSET_ONE_PAGER:
      return GTM_SHEET_ONE_PAGER;
    case GTM_ASSET_PERSONA:
      return GTM_SHEET_PERSONA;
    case GTM_ASSET_BATTLECARD:
      return GTM_SHEET_BATTLECARD;
    case GTM_ASSET_MESSAGING_DOC:
      return GTM_SHEET_MESSAGING_DOC;
    case GTM_ASSET_PRICING_SHEET:
      return GTM_SHEET_PRICING;
    case GTM_ASSET_LAUNCH_TIMELINE:
      return GTM_SHEET_LAUNCH_TIMELINE;
    case GTM_ASSET_BOARD:
    default:
      g_return_val_if_reached (GTM_SHEET_ONE_PAGER);
    }
}

/* Checks the page and margins of @options and sets them on @self, for
 * what is laid out on pages. */
static gboolean
set_page (GtmAsset                *self,
          const GtmExportOptions  *options,
          GError                 **error)
{
  g_autofree char *label = NULL;

  if (self->kind == GTM_ASSET_BOARD && options->format != GTM_EXPORT_FORMAT_PDF)
    return TRUE;

  label = gtm_asset_dup_label (self->name);

  if (!gtm_export_get_page_size (options, &self->page_width, &self->page_height))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not lay out “%s”: a page must be between %.0f and %.0f points "
                     "wide and high"),
                   label, GTM_EXPORT_PAGE_MIN_SIDE, GTM_EXPORT_PAGE_MAX_SIDE);
      return FALSE;
    }

  self->margin = options->margin;
  if (!(options->margin >= 0) ||
      !(self->page_width - 2 * options->margin >= 1) ||
      !(self->page_height - 2 * options->margin >= 1))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not lay out “%s”: margins of %g points leave no room on the page"),
                   label, options->margin);
      return FALSE;
    }

  return TRUE;
}

static GtmAsset *
asset_new (GtmProject   *project,
           const char   *name,
           GtmAssetKind  kind)
{
  GtmAsset *self = g_object_new (GTM_TYPE_ASSET, NULL);

  self->project = project != NULL ? g_object_ref (project) : NULL;
  self->name = g_strdup (name);
  self->kind = kind;
  self->no_findings = g_ptr_array_new ();

  return self;
}

/**
 * gtm_asset_new:
 *
 * Lays out the asset called @name of @project for @options. Fails with
 * GTM_ASSET_ERROR_UNKNOWN when @project has no such asset,
 * GTM_ASSET_ERROR_UNSUPPORTED for an SVG of anything but a board, and
 * G_IO_ERROR_INVALID_ARGUMENT for a page or margins that leave no room.
 *
 * Returns: (transfer full): the asset, or %NULL
 */
GtmAsset *
gtm_asset_new (GtmProject              *project,
               const char              *name,
               const GtmExportOptions  *options,
               GError                 **error)
{
  g_autoptr(GtmAsset) self = NULL;
  GtmAssetKind kind;
  GtmNode *node;

  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!gtm_asset_lookup (project, name, &kind, &node))
    {
      g_set_error (error, GTM_ASSET_ERROR, GTM_ASSET_ERROR_UNKNOWN,
                   _("There is nothing called “%s” to export in this project"), name);
      return NULL;
    }

  self = asset_new (project, name, kind);

  if (kind != GTM_ASSET_BOARD && options->format == GTM_EXPORT_FORMAT_SVG)
    {
      g_autofree char *label = gtm_asset_dup_label (name);

      g_set_error (error, GTM_ASSET_ERROR, GTM_ASSET_ERROR_UNSUPPORTED,
                   _("“%s” cannot be exported as SVG; export it as PDF or PNG"), label);
      return NULL;
    }

  if (!set_page (self, options, error))
    return NULL;

  if (kind == GTM_ASSET_BOARD)
    {
      self->board = GTM_BOARD (g_object_ref (node));
      if (!lay_out_board (self, options, error))
        return NULL;
    }
  else
    self->sheet = gtm_sheet_new (project, sheet_kind (kind), node, name,
                                 self->page_width, self->page_height, self->margin);

  return g_steal_pointer (&self);
}

/**
 * gtm_asset_new_for_board:
 *
 * Lays out @board, in a project or not, for @options, as gtm_asset_new()
 * does for "board:NAME".
 *
 * Returns: (transfer full): the asset, or %NULL
 */
GtmAsset *
gtm_asset_new_for_board (GtmBoard                *board,
                         const GtmExportOptions  *options,
                         GError                 **error)
{
  g_autoptr(GtmAsset) self = NULL;
  g_autofree char *name = NULL;
  GtmNode *root;

  g_return_val_if_fail (GTM_IS_BOARD (board), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = gtm_node_get_root (GTM_NODE (board));
  name = g_strconcat ("board:", gtm_board_get_name (board), NULL);
  self = asset_new (GTM_IS_PROJECT (root) ? GTM_PROJECT (root) : NULL, name, GTM_ASSET_BOARD);
  self->board = g_object_ref (board);

  if (!set_page (self, options, error) || !lay_out_board (self, options, error))
    return NULL;

  return g_steal_pointer (&self);
}

GtmProject *
gtm_asset_get_project (GtmAsset *self)
{
  g_return_val_if_fail (GTM_IS_ASSET (self), NULL);

  return self->project;
}

const char *
gtm_asset_get_name (GtmAsset *self)
{
  g_return_val_if_fail (GTM_IS_ASSET (self), NULL);

  return self->name;
}

GtmAssetKind
gtm_asset_get_kind (GtmAsset *self)
{
  g_return_val_if_fail (GTM_IS_ASSET (self), GTM_ASSET_BOARD);

  return self->kind;
}

guint
gtm_asset_get_n_pages (GtmAsset *self)
{
  g_return_val_if_fail (GTM_IS_ASSET (self), 0);

  if (self->sheet != NULL)
    return gtm_sheet_get_n_pages (self->sheet);

  return self->columns * self->rows;
}

void
gtm_asset_get_page_size (GtmAsset *self,
                         guint     page,
                         double   *width,
                         double   *height)
{
  g_return_if_fail (GTM_IS_ASSET (self));
  g_return_if_fail (page < gtm_asset_get_n_pages (self));

  *width = self->page_width;
  *height = self->page_height;
}

double
gtm_asset_get_board_scale (GtmAsset *self)
{
  g_return_val_if_fail (GTM_IS_ASSET (self), 1);
  g_return_val_if_fail (self->board != NULL, 1);

  return self->scale;
}

double
gtm_asset_get_units_dpi (GtmAsset *self)
{
  g_return_val_if_fail (GTM_IS_ASSET (self), POINT_DPI);

  return self->board != NULL && !self->paged ? BOARD_DPI : POINT_DPI;
}

static void
draw_board_page (GtmAsset *self,
                 guint     page,
                 cairo_t  *cr,
                 gboolean  transparent)
{
  GtmRenderFlags flags = GTM_RENDER_EXPORT | (transparent ? 0 : GTM_RENDER_BACKGROUND);
  GtmRect *area = &self->area;

  cairo_save (cr);

  if (self->paged)
    {
      double room_width = self->page_width - 2 * self->margin;
      double room_height = self->page_height - 2 * self->margin;

      if (self->columns * self->rows > 1)
        {
          /* This page's piece of the board, at 100 %. */
          cairo_rectangle (cr, self->margin, self->margin, room_width, room_height);
          cairo_clip (cr);
          cairo_translate (cr,
                           self->x - (page % self->columns) * room_width,
                           self->y - (page / self->columns) * room_height);
        }
      else
        cairo_translate (cr, self->x, self->y);

      cairo_scale (cr, self->scale, self->scale);
    }

  cairo_translate (cr, -area->x, -area->y);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);
  gtm_render_board (self->board, cr, flags);

  cairo_restore (cr);
}

void
gtm_asset_draw_page (GtmAsset *self,
                     guint     page,
                     cairo_t  *cr,
                     gboolean  transparent)
{
  g_return_if_fail (GTM_IS_ASSET (self));
  g_return_if_fail (page < gtm_asset_get_n_pages (self));
  g_return_if_fail (cr != NULL);

  if (self->sheet != NULL)
    {
      cairo_save (cr);
      gtm_sheet_draw_page (self->sheet, page, cr);
      cairo_restore (cr);
    }
  else
    draw_board_page (self, page, cr, transparent);
}

/**
 * gtm_asset_get_findings:
 *
 * Returns: (transfer none) (element-type GtmFinding): the layout's findings
 */
GPtrArray *
gtm_asset_get_findings (GtmAsset *self)
{
  g_return_val_if_fail (GTM_IS_ASSET (self), NULL);

  return self->sheet != NULL ? gtm_sheet_get_findings (self->sheet) : self->no_findings;
}
