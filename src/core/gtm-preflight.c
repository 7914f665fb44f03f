/* gtm-preflight.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-preflight"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gtm-preflight.h"
#include "gtm-asset.h"
#include "gtm-image.h"
#include "gtm-link.h"
#include "gtm-persona-card.h"
#include "gtm-render.h"

/* Board units are pixels at 96 dpi. */
#define BOARD_DPI 96.0

/* How much of a text a message quotes, in characters. */
#define QUOTE_LENGTH 32

typedef struct
{
  GPtrArray  *findings;
  GHashTable *seen;       /* a key per finding, to leave out duplicates */
  const char *asset;      /* the asset checked */
  GtmBoard   *board;      /* the board checked, if it is one */

  /* How pictures come out: in print a board unit is @inches_per_unit
   * long, a picture keeps at most @max_ppu of its pixels per board unit
   * (a PNG's own), and is blamed below @min_dpi. */
  double      inches_per_unit;
  double      max_ppu;
  double      min_dpi;
} Check;

static void
add_finding (Check          *check,
             GtmFindingKind  kind,
             const char     *asset,
             const char     *node_id,
             const char     *field,
             const char     *message)
{
  char *key = g_strdup_printf ("%d\x1f%s\x1f%s\x1f%s\x1f%s", kind, asset,
                               node_id ? node_id : "", field ? field : "", message);

  if (g_hash_table_add (check->seen, key))
    g_ptr_array_add (check->findings, gtm_finding_new (kind, asset, node_id, field, message));
}

static void
add_item_finding (Check          *check,
                  GtmFindingKind  kind,
                  GtmItem        *item,
                  const char     *field,
                  const char     *message)
{
  add_finding (check, kind, check->asset, gtm_node_get_id (GTM_NODE (item)), field, message);
}

/* The start of @text for a message: its first line that is not blank, at
 * most QUOTE_LENGTH characters, "…" where it is cut. */
static char *
quote_text (const char *text)
{
  g_autofree char *line = NULL;
  const char *end;

  while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  end = text + strcspn (text, "\r\n");
  line = g_strstrip (g_strndup (text, end - text));

  if (g_utf8_strlen (line, -1) > QUOTE_LENGTH || *end != '\0')
    {
      g_autofree char *head = g_utf8_substring (line, 0, MIN (g_utf8_strlen (line, -1), QUOTE_LENGTH - 1));

      return g_strconcat (head, "…", NULL);
    }

  return g_steal_pointer (&line);
}


/* Text */

/* How what an item draws of its text fits, as an export draws it. */
static void
check_text_fit (Check      *check,
                GtmItem    *item,
                const char *quote,
                const char *field)
{
  const char *board = gtm_board_get_name (check->board);
  GtmRenderTextFit fit;

  if (!gtm_render_item_text_fit (check->board, item, &fit))
    return;

  if (fit.cut)
    {
      g_autofree char *message = NULL;

      if (GTM_IS_PERSONA_CARD (item))
        /* Translators: %s are a persona's name and a board's name */
        message = g_strdup_printf (_("The card of “%s” on board “%s” is too small to show "
                                     "all of the persona; make it larger"),
                                   quote, board);
      else
        /* Translators: %s are the start of a text and a board's name */
        message = g_strdup_printf (_("The text “%s” on board “%s” does not fit its box and "
                                     "is cut off; make the box larger or the text shorter"),
                                   quote, board);
      add_item_finding (check, GTM_FINDING_OVERFLOW, item, field, message);
    }

  if (fit.unknown_glyphs > 0)
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is the start of a text (or a persona's
       * name), the second a board's name; U+%04X is the code of a
       * character, e.g. U+E000 */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "“%s” on board “%s” prints %u character as an "
                                              "empty box (U+%04X): no installed font has it",
                                              "“%s” on board “%s” prints %u characters as "
                                              "empty boxes (the first is U+%04X): no installed "
                                              "font has them",
                                              fit.unknown_glyphs),
                                 quote, board, fit.unknown_glyphs, fit.first_unknown);
      add_item_finding (check, GTM_FINDING_MISSING_GLYPHS, item, field, message);
    }
}

/* Linked fields whose node or field is gone: @spans are those of @text
 * resolved. */
static void
check_links (Check             *check,
             GtmItem           *item,
             const char        *text,
             const GtmLinkSpan *spans,
             guint              n_spans,
             const char        *quote)
{
  GtmLinkIter iter;
  GtmLinkToken token;

  /* A span for each token, in the same order. */
  gtm_link_iter_init (&iter, text);
  for (guint i = 0; i < n_spans && gtm_link_iter_next (&iter, &token); i++)
    {
      g_autofree char *written = NULL;
      g_autofree char *message = NULL;

      if (!spans[i].broken)
        continue;

      written = g_strndup (text + token.start, token.end - token.start);
      /* Translators: the first %s is the start of a text, the second a
       * board's name, the third a linked field as written, e.g.
       * {{persona-3.name}} */
      message = g_strdup_printf (_("The text “%s” on board “%s” links to %s, which no "
                                   "longer exists"),
                                 quote, gtm_board_get_name (check->board), written);
      add_item_finding (check, GTM_FINDING_BROKEN_LINK, item, "text", message);
    }
}

static void
check_text_item (Check   *check,
                 GtmItem *item)
{
  const char *text = gtm_item_get_text (item);
  g_autofree GtmLinkSpan *spans = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *quote = NULL;
  guint n_spans = 0;

  if (text == NULL || text[0] == '\0')
    return;

  shown = gtm_link_resolve (GTM_NODE (item), text, &spans, &n_spans);
  quote = quote_text (shown);

  check_text_fit (check, item, quote, "text");
  check_links (check, item, text, spans, n_spans, quote);
}

static void
check_persona_card (Check   *check,
                    GtmItem *item)
{
  GtmPersonaCard *card = GTM_PERSONA_CARD (item);
  GtmPersona *persona = gtm_persona_card_get_persona (card);
  const char *board = gtm_board_get_name (check->board);
  g_autofree char *message = NULL;
  g_autofree char *quote = NULL;
  const char *name;

  if (persona == NULL && gtm_persona_card_get_persona_id (card)[0] != '\0')
    {
      /* Translators: %s is a board's name */
      message = g_strdup_printf (_("A persona card on board “%s” shows a persona that was "
                                   "deleted; it prints as “Persona deleted”"),
                                 board);
      add_item_finding (check, GTM_FINDING_BROKEN_LINK, item, "persona", message);
      return;
    }

  if (persona == NULL)
    {
      /* Translators: %s is a board's name */
      message = g_strdup_printf (_("A persona card on board “%s” shows no persona; it prints "
                                   "as “No persona”"),
                                 board);
      add_item_finding (check, GTM_FINDING_EMPTY_FIELD, item, "persona", message);
      return;
    }

  name = gtm_persona_get_name (persona);
  /* Translators: shown for a persona without a name */
  quote = quote_text (name[0] != '\0' ? name : _("Unnamed Persona"));
  check_text_fit (check, item, quote, NULL);
}


/* Pictures */

static void
check_picture (Check    *check,
               GtmImage *image)
{
  GtmItem *item = GTM_ITEM (image);
  GBytes *data = gtm_image_get_data (image);
  g_autofree char *message = NULL;
  guint width, height;
  double ppu, dpi;

  /* A picture that cannot be read is drawn as a crossed box, which shows. */
  if (data == NULL ||
      !gtm_image_check_data (data, gtm_image_get_mime_type (image), &width, &height, NULL))
    return;

  /* The renderer fits the picture into its box, keeping its proportions:
   * its pixels per board unit are those along its tighter side. */
  ppu = MAX (width / gtm_item_get_width (item), height / gtm_item_get_height (item));
  dpi = MIN (ppu, check->max_ppu) / check->inches_per_unit;
  if (round (dpi) >= check->min_dpi)
    return;

  /* Translators: a picture's size in pixels, the name of the board it is
   * on, the pixels per inch it prints at and the least that looks sharp */
  message = g_strdup_printf (_("A picture of %u × %u pixels on board “%s” prints at %.0f dpi; "
                               "%.0f dpi or more looks sharp"),
                             width, height, gtm_board_get_name (check->board),
                             dpi, check->min_dpi);
  add_item_finding (check, GTM_FINDING_LOW_RESOLUTION, item, NULL, message);
}

/* How a board comes out in the file: see Check. */
static void
set_print_geometry (Check                  *check,
                    GtmAsset               *asset,
                    const GtmExportOptions *options)
{
  double width, height, scale;
  int pixel_width, pixel_height;

  gtm_asset_get_page_size (asset, 0, &width, &height);

  check->max_ppu = INFINITY;
  check->min_dpi = GTM_PREFLIGHT_MIN_DPI;
  check->inches_per_unit = gtm_asset_get_board_scale (asset) / gtm_asset_get_units_dpi (asset);

  if (options->format == GTM_EXPORT_FORMAT_PNG)
    {
      /* The page is the board's area in board units; the PNG has @scale
       * pixels per unit, as exported (lowered to cairo's limits). A
       * picture is blamed for being less sharp than the PNG only. */
      scale = options->dpi > 0 ? options->dpi / BOARD_DPI : options->scale;
      scale = gtm_render_fit_scale (width, height, scale, &pixel_width, &pixel_height);
      check->max_ppu = scale;
      check->min_dpi = MIN (GTM_PREFLIGHT_MIN_DPI, round (scale * BOARD_DPI));
    }
}


/* Assets */

static void
check_board (Check                  *check,
             GtmAsset               *asset,
             GtmBoard               *board,
             const GtmExportOptions *options,
             GCancellable           *cancellable)
{
  GListModel *items = gtm_board_get_items (board);

  check->board = board;
  set_print_geometry (check, asset, options);

  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(GtmItem) item = g_list_model_get_item (items, i);

      if (g_cancellable_is_cancelled (cancellable))
        break;

      if (GTM_IS_IMAGE (item))
        check_picture (check, GTM_IMAGE (item));
      else if (GTM_IS_PERSONA_CARD (item))
        check_persona_card (check, item);
      else
        check_text_item (check, item);
    }

  check->board = NULL;
}

/**
 * gtm_preflight_check:
 *
 * Returns: (transfer full) (element-type GtmFinding) (nullable): see the
 *   header
 */
GPtrArray *
gtm_preflight_check (GtmProject             *project,
                     const char * const     *assets,
                     const GtmExportOptions *options,
                     GCancellable           *cancellable)
{
  g_autoptr(GHashTable) checked = NULL;
  Check check = { 0, };

  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (assets != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  checked = g_hash_table_new (g_str_hash, g_str_equal);
  check.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) gtm_finding_free);
  check.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; assets[i] != NULL && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(GtmAsset) asset = NULL;
      g_autoptr(GError) error = NULL;
      GtmAssetKind kind;
      GtmNode *node = NULL;
      GPtrArray *found;

      if (!g_hash_table_add (checked, (gpointer) assets[i]))
        continue;

      asset = gtm_asset_new (project, assets[i], options, &error);
      if (asset == NULL)
        {
          g_debug ("Not checking “%s”: %s", assets[i], error->message);
          continue;
        }

      check.asset = gtm_asset_get_name (asset);

      found = gtm_asset_get_findings (asset);
      for (guint j = 0; j < found->len; j++)
        {
          GtmFinding *finding = g_ptr_array_index (found, j);

          add_finding (&check, finding->kind,
                       finding->asset != NULL ? finding->asset : check.asset,
                       finding->node_id, finding->field, finding->message);
        }

      if (gtm_asset_lookup (project, assets[i], &kind, &node) && kind == GTM_ASSET_BOARD &&
          GTM_IS_BOARD (node))
        check_board (&check, asset, GTM_BOARD (node), options, cancellable);
    }

  g_hash_table_unref (check.seen);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_ptr_array_unref (check.findings);
      return NULL;
    }

  return check.findings;
}
