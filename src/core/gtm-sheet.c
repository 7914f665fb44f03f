/* gtm-sheet.c — generated layouts: one-pagers, persona sheets, battlecards, …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-sheet"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "gtm-sheet.h"
#include "gtm-activity.h"
#include "gtm-brand.h"
#include "gtm-brief.h"
#include "gtm-competitor.h"
#include "gtm-finding.h"
#include "gtm-image.h"
#include "gtm-key-message.h"
#include "gtm-launch-plan.h"
#include "gtm-link.h"
#include "gtm-messaging.h"
#include "gtm-price-tier.h"
#include "gtm-pricing.h"
#include "gtm-render.h"
#include "gtm-segment.h"
#include "gtm-swot.h"
#include "gtm-trait.h"

/* After the brand's face: the first CJK face installed, else whatever
 * fontconfig falls back to, as on boards. */
#define FONT_FALLBACK ", Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif"

/* Measures, in points. */
#define RUNNING_HEAD   30.0   /* kept at the top of a continued page */
#define FOOT           24.0   /* kept at the bottom of every page */
#define GUTTER         24.0   /* between columns */
#define ITEM_GAP       4.0    /* between the items of a list */
#define BLOCK_GAP      16.0   /* between blocks */
#define SECTION_GAP    26.0   /* between sections of a document */
#define LABEL_GAP      5.0    /* below a block's label */
#define BULLET_INDENT  12.0
#define BULLET_RADIUS  1.8
#define BAND_GAP       24.0   /* below a page's band */
#define BOX_PADDING    12.0
#define BOX_RADIUS     6.0
#define QUOTE_BAR      3.0    /* the bar beside a statement */
#define QUOTE_INDENT   14.0
#define HAIRLINE       0.6
#define LOGO_HEIGHT    36.0
#define LOGO_WIDTH     120.0
#define AVATAR_SIZE    88.0
#define PRINT_DPI      150.0  /* pictures below this are reported */
#define ROW_PADDING    5.0    /* of a table's row and a timeline's row */
#define TRAIT_TRACK    3.0
#define TRAIT_KNOB     4.5
#define CHIP_PAD_X     6.0
#define CHIP_PAD_Y     2.5
#define CHIP_GAP       5.0
#define MAX_ONE_PAGER_TIERS 4
#define MAX_ROW_TIERS  4

typedef enum
{
  STYLE_TITLE,      /* a page's title */
  STYLE_HEADING,    /* a section of a document */
  STYLE_SUBHEADING, /* a named thing: a segment, a plan, a persona */
  STYLE_LABEL,      /* small capitals over a block */
  STYLE_LEAD,       /* a statement to read first */
  STYLE_BODY,
  STYLE_STRONG,     /* body text that leads a paragraph */
  STYLE_SMALL,      /* captions, running heads and feet */
  STYLE_FIGURE,     /* prices */
  N_STYLES
} Style;

typedef struct
{
  double   size;
  gboolean heading;  /* in the heading face */
  gboolean strong;
  double   spacing;  /* pango_layout_set_line_spacing() */
  gboolean caps;
} StyleInfo;

static const StyleInfo styles[N_STYLES] = {
  [STYLE_TITLE]      = { 24.0, TRUE,  TRUE,  1.0,  FALSE },
  [STYLE_HEADING]    = { 15.0, TRUE,  TRUE,  1.0,  FALSE },
  [STYLE_SUBHEADING] = { 11.0, TRUE,  TRUE,  1.05, FALSE },
  [STYLE_LABEL]      = {  7.5, FALSE, TRUE,  1.0,  TRUE  },
  [STYLE_LEAD]       = { 12.5, TRUE,  FALSE, 1.15, FALSE },
  [STYLE_BODY]       = {  9.5, FALSE, FALSE, 1.2,  FALSE },
  [STYLE_STRONG]     = {  9.5, FALSE, TRUE,  1.2,  FALSE },
  [STYLE_SMALL]      = {  7.5, FALSE, FALSE, 1.15, FALSE },
  [STYLE_FIGURE]     = { 19.0, TRUE,  TRUE,  1.0,  FALSE },
};

static const GtmColor ink = { 0.15, 0.15, 0.18, 1 };
static const GtmColor muted = { 0.40, 0.40, 0.44, 1 };
static const GtmColor rule = { 0.84, 0.84, 0.86, 1 };
static const GtmColor white = { 1, 1, 1, 1 };


/* Pages: what is drawn, in order */

typedef enum
{
  PIECE_TEXT,
  PIECE_FILL,     /* a rectangle, rounded by @radius */
  PIECE_LINE,     /* from (x, y) to (x + width, y + height) */
  PIECE_DIAMOND,  /* filling the box */
  PIECE_PICTURE,  /* fitted into the box; cut to a circle when @radius > 0 */
} PieceKind;

typedef struct
{
  PieceKind        kind;
  double           x;
  double           y;
  double           width;
  double           height;
  double           radius;
  double           line_width;
  gboolean         dashed;
  GtmColor         color;
  PangoLayout     *layout;
  cairo_surface_t *picture;
} Piece;

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_clear_object (&piece->layout);
  g_clear_pointer (&piece->picture, cairo_surface_destroy);
}

static GArray *
page_new (void)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Piece));

  g_array_set_clear_func (page, piece_clear);
  return page;
}

struct _GtmSheet
{
  GtmSheetKind  kind;
  char         *asset;
  double        page_width;
  double        page_height;
  double        margin;
  GPtrArray    *pages;     /* GArray of Piece */
  GPtrArray    *findings;  /* GtmFinding */
  GHashTable   *reported;  /* what findings are about, to report each once */

  /* While laying out; gone once the sheet is made. */
  GtmProject           *project;
  PangoContext         *context;
  PangoFontDescription *fonts[N_STYLES];
  GtmColor              primary;
  GtmColor              secondary;
  GtmColor              accent;
  GtmColor              tint;      /* the primary, faint, for boxes */
  GtmColor              primary_text;   /* the brand's colours for text on white */
  GtmColor              secondary_text;
  GtmColor              accent_text;
  cairo_surface_t      *logo;
  char                 *product;   /* running heads and feet */
  char                 *title;

  /* The frame text flows in: the page it goes to, where the next block
   * goes, and where the frame ends. A fixed layout is one page: what does
   * not fit is cut and reported. A flowing one goes on on a new page. */
  GArray   *page;
  double    x;
  double    y;
  double    width;
  double    top;
  double    bottom;
  gboolean  fixed;
};

typedef struct
{
  GArray   *page;
  double    x;
  double    y;
  double    width;
  double    top;
  double    bottom;
  gboolean  fixed;
} Frame;

static void
save_frame (GtmSheet *self,
            Frame    *frame)
{
  *frame = (Frame) { self->page, self->x, self->y, self->width, self->top, self->bottom, self->fixed };
}

static void
restore_frame (GtmSheet    *self,
               const Frame *frame)
{
  self->page = frame->page;
  self->x = frame->x;
  self->y = frame->y;
  self->width = frame->width;
  self->top = frame->top;
  self->bottom = frame->bottom;
  self->fixed = frame->fixed;
}

static Piece *
add_piece (GtmSheet  *self,
           PieceKind  kind)
{
  Piece piece = { .kind = kind, };

  g_array_append_val (self->page, piece);
  return &g_array_index (self->page, Piece, self->page->len - 1);
}

static void
add_fill (GtmSheet       *self,
          double          x,
          double          y,
          double          width,
          double          height,
          double          radius,
          const GtmColor *color)
{
  Piece *piece = add_piece (self, PIECE_FILL);

  piece->x = x;
  piece->y = y;
  piece->width = width;
  piece->height = height;
  piece->radius = radius;
  piece->color = *color;
}

/* A fill drawn under the pieces from @index on, for a box whose size is
 * known only once its content is laid out. */
static void
insert_fill (GtmSheet       *self,
             guint           index,
             double          x,
             double          y,
             double          width,
             double          height,
             double          radius,
             const GtmColor *color)
{
  Piece piece = { .kind = PIECE_FILL, .x = x, .y = y, .width = width, .height = height,
                  .radius = radius, .color = *color };

  g_array_insert_val (self->page, MIN (index, self->page->len), piece);
}

static void
add_line (GtmSheet       *self,
          double          x1,
          double          y1,
          double          x2,
          double          y2,
          double          width,
          const GtmColor *color)
{
  Piece *piece = add_piece (self, PIECE_LINE);

  piece->x = x1;
  piece->y = y1;
  piece->width = x2 - x1;
  piece->height = y2 - y1;
  piece->line_width = width;
  piece->color = *color;
}

static void
add_layout (GtmSheet       *self,
            PangoLayout    *layout,
            double          x,
            double          y,
            const GtmColor *color)
{
  Piece *piece = add_piece (self, PIECE_TEXT);
  int width, height;

  /* Text in a brand colour is on white: in a shade that reads on it. */
  if (color == &self->primary)
    color = &self->primary_text;
  else if (color == &self->secondary)
    color = &self->secondary_text;
  else if (color == &self->accent)
    color = &self->accent_text;

  pango_layout_get_size (layout, &width, &height);
  piece->x = x;
  piece->y = y;
  piece->width = (double) width / PANGO_SCALE;
  piece->height = (double) height / PANGO_SCALE;
  piece->layout = g_object_ref (layout);
  piece->color = *color;
}

static void
add_picture (GtmSheet        *self,
             cairo_surface_t *picture,
             double           x,
             double           y,
             double           width,
             double           height,
             gboolean         round)
{
  Piece *piece = add_piece (self, PIECE_PICTURE);

  piece->x = x;
  piece->y = y;
  piece->width = width;
  piece->height = height;
  piece->radius = round ? width / 2 : 0;
  piece->picture = cairo_surface_reference (picture);
}

/* Moves the pieces of @from down by @dy onto the frame's page. */
static void
append_moved (GtmSheet *self,
              GArray   *from,
              double    dx,
              double    dy)
{
  for (guint i = 0; i < from->len; i++)
    {
      Piece piece = g_array_index (from, Piece, i);

      piece.x += dx;
      piece.y += dy;
      if (piece.layout != NULL)
        g_object_ref (piece.layout);
      if (piece.picture != NULL)
        cairo_surface_reference (piece.picture);
      g_array_append_val (self->page, piece);
    }
}


/* Colours */

static void
mix (GtmColor       *out,
     const GtmColor *color,
     double          amount)
{
  /* @amount of @color over white, opaque. */
  out->red = 1 - (1 - color->red) * amount;
  out->green = 1 - (1 - color->green) * amount;
  out->blue = 1 - (1 - color->blue) * amount;
  out->alpha = 1;
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

/* Relative luminance, as WCAG measures contrast with it. */
static double
luminance (const GtmColor *color)
{
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) + 0.0722 * linear (color->blue);
}

static double
contrast (const GtmColor *a,
          const GtmColor *b)
{
  double la = luminance (a);
  double lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Text that stands out on @background: white, or ink on a light colour. */
static const GtmColor *
text_on (const GtmColor *background)
{
  return contrast (background, &white) >= contrast (background, &ink) ? &white : &ink;
}

/* @color darkened as far as text in it needs to read on white (a contrast
 * of 4.5, WCAG's AA): a light brand colour still colours headings. */
static void
readable_on_white (GtmColor       *out,
                   const GtmColor *color)
{
  *out = *color;
  out->alpha = 1;
  for (guint i = 0; i < 40 && contrast (out, &white) < 4.5; i++)
    {
      out->red *= 0.9;
      out->green *= 0.9;
      out->blue *= 0.9;
    }
}


/* Findings */

static void
report (GtmSheet       *self,
        GtmFindingKind  kind,
        GtmNode        *node,
        const char     *field,
        const char     *message)
{
  const char *id = NULL;
  char *key;

  /* Singletons read from a file have no id: their member name
   * ("messaging") finds them, through gtm_link_lookup(). */
  if (node != NULL)
    {
      id = gtm_node_get_id (node);
      if (id == NULL || *id == '\0')
        id = gtm_link_get_node_name (node);
    }

  key = g_strdup_printf ("%d %s %s", kind, id ? id : "", field ? field : "");

  if (!g_hash_table_add (self->reported, key))
    return;

  g_ptr_array_add (self->findings, gtm_finding_new (kind, self->asset, id, field, message));
}

/* Where a text comes from: the node and field it is, with the field's
 * name for people. Our own words (labels, headings) have no node. */
typedef struct
{
  GtmNode    *node;
  const char *field;
  const char *label;
} Source;

static const Source own_words = { NULL, NULL, NULL };

static void
report_empty (GtmSheet   *self,
              GtmNode    *node,
              const char *field,
              const char *label)
{
  g_autofree char *message = NULL;

  switch (self->kind)
    {
    case GTM_SHEET_ONE_PAGER:
      /* Translators: %s is a field, such as “Key benefits” */
      message = g_strdup_printf (_("The one-pager needs “%s”, which is empty."), label);
      break;
    case GTM_SHEET_PERSONA:
      /* Translators: %s is a field, such as “Goals” */
      message = g_strdup_printf (_("The persona sheet needs “%s”, which is empty."), label);
      break;
    case GTM_SHEET_BATTLECARD:
      /* Translators: %s is a field, such as “How we win” */
      message = g_strdup_printf (_("The battlecard needs “%s”, which is empty."), label);
      break;
    case GTM_SHEET_MESSAGING_DOC:
      /* Translators: %s is a field, such as “Positioning statement” */
      message = g_strdup_printf (_("The messaging strategy document needs “%s”, which is empty."), label);
      break;
    case GTM_SHEET_PRICING:
      /* Translators: %s is a field, such as “Price tiers” */
      message = g_strdup_printf (_("The pricing sheet needs “%s”, which is empty."), label);
      break;
    case GTM_SHEET_LAUNCH_TIMELINE:
    default:
      /* Translators: %s is a field, such as “Activities” */
      message = g_strdup_printf (_("The launch timeline needs “%s”, which is empty."), label);
      break;
    }

  report (self, GTM_FINDING_EMPTY_FIELD, node, field, message);
}

static void
report_cut (GtmSheet     *self,
            const Source *src,
            int           lines)
{
  g_autofree char *message = NULL;

  if (src->node == NULL)
    return;

  if (lines > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "“%s” does not fit its box; it was cut after %d line.",
                                            "“%s” does not fit its box; it was cut after %d lines.",
                                            lines),
                               src->label, lines);
  else
    message = g_strdup_printf (_("“%s” does not fit on the page and was left out."), src->label);

  report (self, GTM_FINDING_OVERFLOW, src->node, src->field, message);
}

static void
report_cut_list (GtmSheet     *self,
                 const Source *src,
                 guint         shown,
                 guint         total)
{
  g_autofree char *message = NULL;

  if (shown == 0)
    {
      report_cut (self, src, 0);
      return;
    }

  /* Translators: “Only 2 of the 5 items of “Goals” fit on the page.” */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Only %u of the %u items of “%s” fits on the page.",
                                          "Only %u of the %u items of “%s” fit on the page.",
                                          shown),
                             shown, total, src->label);
  report (self, GTM_FINDING_OVERFLOW, src->node, src->field, message);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

static gboolean
strv_is_blank (const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (!is_blank (strv[i]))
      return FALSE;

  return TRUE;
}

/* @text with its linked fields showing their values; a broken one is
 * reported. */
static char *
resolve (GtmSheet     *self,
         const Source *src,
         const char   *text)
{
  g_autofree GtmLinkSpan *spans = NULL;
  guint n_spans = 0;
  char *shown;

  if (text == NULL)
    return g_strdup ("");
  if (src->node == NULL || strstr (text, "{{") == NULL)
    return g_strdup (text);

  shown = gtm_link_resolve (GTM_NODE (self->project), text, &spans, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    if (spans[i].broken)
      {
        g_autofree char *message =
          g_strdup_printf (_("“%s” links to a field that no longer exists; it shows a placeholder."),
                           src->label);

        report (self, GTM_FINDING_BROKEN_LINK, src->node, src->field, message);
        break;
      }

  return shown;
}


/* Text */

static PangoLayout *
new_layout (GtmSheet       *self,
            Style           style,
            const char     *text,
            double          width,
            PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, width > 0 ? MAX (1, (int) floor (width * PANGO_SCALE)) : -1);
  pango_layout_set_line_spacing (layout, styles[style].spacing);
  pango_layout_set_alignment (layout, alignment);

  if (styles[style].caps)
    {
      g_autofree char *upper = g_utf8_strup (text, -1);
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (styles[style].size * 0.08 * PANGO_SCALE)));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_set_text (layout, upper, -1);
    }
  else
    pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

static double
layout_baseline (PangoLayout *layout)
{
  return (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

/* A layout of one line of our own words. */
static PangoLayout *
own_layout (GtmSheet   *self,
            Style       style,
            const char *text,
            double      width)
{
  return new_layout (self, style, text, width, PANGO_ALIGN_LEFT);
}

static void
check_glyphs (GtmSheet     *self,
              const Source *src,
              PangoLayout  *layout)
{
  g_autofree char *message = NULL;

  if (src->node == NULL || pango_layout_get_unknown_glyphs_count (layout) == 0)
    return;

  message = g_strdup_printf (_("“%s” has characters that no installed font can show."), src->label);
  report (self, GTM_FINDING_MISSING_GLYPHS, src->node, src->field, message);
}

/* How many lines of @layout end within @room points. */
static int
lines_within (PangoLayout *layout,
              double       room)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int n = 0;

  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if ((double) y1 / PANGO_SCALE > room + 0.01)
        break;
      n++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return n;
}

/* The byte offset where line @n (from 1) of @layout ends. */
static int
line_end (PangoLayout *layout,
          int          n)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, n - 1);

  return line->start_index + line->length;
}

/* Keeps the first @n lines of @layout, the last ending in "…". */
static void
cut_layout (PangoLayout *layout,
            int          n)
{
  const char *text = pango_layout_get_text (layout);
  g_autofree char *head = g_strndup (text, line_end (layout, n));
  g_autofree char *shown = NULL;
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0, y1 = 0;

  for (int i = 0; i < n; i++)
    {
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_next_line (iter);
    }
  pango_layout_iter_free (iter);

  shown = g_strconcat (g_strchomp (head), "\u2026", NULL);
  /* Should the "…" not fit on the last line, Pango ellipsizes it. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, y1);
  pango_layout_set_text (layout, shown, -1);
}

static void break_page (GtmSheet *self);

typedef enum
{
  FIT_NONE,  /* nothing placed */
  FIT_CUT,   /* placed, cut */
  FIT_ALL,
} Fit;

/* Where the first line of a placed text went, for bullets and labels. */
typedef struct
{
  GArray *page;
  double  baseline;
} Placed;

/* Places @text in @style at the frame's cursor, @indent in from its left,
 * and moves the cursor below it. In a fixed frame, text that reaches the
 * frame's end or goes beyond @max_lines lines (0: no limit) is cut with
 * "…", and reported when @report_cuts; in a flowing one it goes on on
 * new pages. */
static Fit
place_text (GtmSheet       *self,
            const Source   *src,
            const char     *text,
            Style           style,
            const GtmColor *color,
            double          indent,
            int             max_lines,
            gboolean        report_cuts,
            Placed         *placed)
{
  g_autofree char *shown = resolve (self, src, text);
  g_autoptr(PangoLayout) layout = new_layout (self, style, shown, self->width - indent, PANGO_ALIGN_LEFT);
  gboolean first = TRUE;

  check_glyphs (self, src, layout);

  for (;;)
    {
      int n_lines = pango_layout_get_line_count (layout);
      int fit = lines_within (layout, self->bottom - self->y);
      g_autofree char *rest = NULL;

      if (self->fixed && max_lines > 0)
        fit = MIN (fit, max_lines);

      if (fit < n_lines && !self->fixed)
        {
          /* Not a lone line at the foot of a page, unless it is a page. */
          if (fit < MIN (2, n_lines) && self->y > self->top)
            fit = 0;
          else if (fit == 0)
            fit = 1;
        }

      if (fit < n_lines && self->fixed)
        {
          if (report_cuts)
            report_cut (self, src, fit);
          if (fit == 0)
            return FIT_NONE;
          cut_layout (layout, fit);
        }

      if (fit > 0)
        {
          if (fit < n_lines && !self->fixed)
            {
              const char *all = pango_layout_get_text (layout);
              int end = line_end (layout, fit);
              g_autofree char *head = g_strndup (all, end);

              rest = g_strdup (all + end);
              pango_layout_set_text (layout, g_strchomp (head), -1);
            }

          if (first && placed != NULL)
            *placed = (Placed) { self->page, self->y + layout_baseline (layout) };
          first = FALSE;
          add_layout (self, layout, self->x + indent, self->y, color);
          self->y += layout_height (layout);
        }

      if (self->fixed)
        return fit < n_lines ? FIT_CUT : FIT_ALL;
      if (rest == NULL && fit > 0)
        return FIT_ALL;

      /* Flowing on. */
      break_page (self);
      if (rest != NULL)
        {
          const char *next = rest;

          /* The line break that ended the page is not kept. */
          if (*next == '\n')
            next++;
          g_object_unref (layout);
          layout = new_layout (self, style, next, self->width - indent, PANGO_ALIGN_LEFT);
        }
    }
}

/* Keeping text together */

/* The height of a line of @style, near enough to keep blocks together. */
static double
line_height (Style style)
{
  return styles[style].size * 1.45;
}

static void
start_page (GtmSheet *self)
{
  self->page = page_new ();
  g_ptr_array_add (self->pages, self->page);
}

/* Flowing layouts go on at the top of a new page, below its running head. */
static void
break_page (GtmSheet *self)
{
  start_page (self);
  self->top = self->y = self->margin + RUNNING_HEAD;
  self->bottom = self->page_height - self->margin - FOOT;
}

/* Makes sure @height fits below the cursor: a flowing layout goes on to a
 * new page when it does not; a fixed one says whether it does. */
static gboolean
ensure_room (GtmSheet *self,
             double    height)
{
  if (self->y + height <= self->bottom + 0.01)
    return TRUE;
  if (self->fixed)
    return FALSE;
  if (self->y > self->top)
    break_page (self);

  return TRUE;
}

static void
add_layout_to (GtmSheet       *self,
               GArray         *page,
               PangoLayout    *layout,
               double          x,
               double          y,
               const GtmColor *color)
{
  GArray *current = self->page;

  self->page = page;
  add_layout (self, layout, x, y, color);
  self->page = current;
}

static void
add_dot_to (GtmSheet       *self,
            GArray         *page,
            double          cx,
            double          cy,
            double          r,
            const GtmColor *color)
{
  GArray *current = self->page;

  self->page = page;
  add_fill (self, cx - r, cy - r, 2 * r, 2 * r, r, color);
  self->page = current;
}


/* Blocks */

/* A block's label in small capitals, kept with the first lines of what
 * follows it. FALSE when a fixed frame has no room for them. */
static gboolean
flow_label (GtmSheet       *self,
            const char     *label,
            const GtmColor *color)
{
  g_autoptr(PangoLayout) layout = own_layout (self, STYLE_LABEL, label, self->width);
  double height = layout_height (layout);

  if (!ensure_room (self, height + LABEL_GAP + (self->fixed ? 1 : 2) * line_height (STYLE_BODY)))
    return FALSE;

  add_layout (self, layout, self->x, self->y, color);
  self->y += height + LABEL_GAP;
  return TRUE;
}

/* A paragraph of our own words. */
static void
flow_own_text (GtmSheet       *self,
               const char     *text,
               Style           style,
               const GtmColor *color)
{
  place_text (self, &own_words, text, style, color, 0, 0, FALSE, NULL);
}

/* A labelled paragraph: a field of @node; nothing when it is empty. */
static void
flow_field_text (GtmSheet   *self,
                 GtmNode    *node,
                 const char *field,
                 const char *label,
                 const char *text,
                 Style       style,
                 int         max_lines)
{
  Source src = { node, field, label };

  if (is_blank (text))
    return;

  if (!flow_label (self, label, &self->primary))
    {
      report_cut (self, &src, 0);
      return;
    }

  place_text (self, &src, text, style, &ink, 0, max_lines, TRUE, NULL);
  self->y += BLOCK_GAP;
}

/* The items of @items, each behind a bullet in @bullet. */
static void
flow_list (GtmSheet           *self,
           const Source       *src,
           const char * const *items,
           Style               style,
           const GtmColor     *bullet,
           int                 max_lines)
{
  guint total = 0;
  guint shown = 0;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (!is_blank (items[i]))
      total++;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      Placed placed;
      Fit fit;

      if (is_blank (items[i]))
        continue;

      fit = place_text (self, src, items[i], style, &ink, BULLET_INDENT, max_lines, FALSE, &placed);
      if (fit == FIT_NONE)
        break;

      add_dot_to (self, placed.page, self->x + BULLET_RADIUS + 1.5,
                  placed.baseline - styles[style].size * 0.3, BULLET_RADIUS, bullet);
      if (fit == FIT_CUT)
        {
          if (max_lines > 0 && self->y < self->bottom - line_height (style))
            {
              /* Only the item was too long: cut, but the list goes on. */
              g_autofree char *message =
                g_strdup_printf (_("An item of “%s” is too long for its box and was cut."), src->label);

              report (self, GTM_FINDING_OVERFLOW, src->node, src->field, message);
              shown++;
              self->y += ITEM_GAP;
              continue;
            }
          break;
        }

      shown++;
      self->y += ITEM_GAP;
    }

  if (shown < total)
    report_cut_list (self, src, shown, total);
}

/* A labelled list: a field of @node; nothing when it is empty. */
static void
flow_field_list (GtmSheet           *self,
                 GtmNode            *node,
                 const char         *field,
                 const char         *label,
                 const char * const *items)
{
  Source src = { node, field, label };

  if (strv_is_blank (items))
    return;

  if (!flow_label (self, label, &self->primary))
    {
      report_cut (self, &src, 0);
      return;
    }

  flow_list (self, &src, items, STYLE_BODY, &self->accent, 0);
  self->y += BLOCK_GAP - ITEM_GAP;
}

/* A row of a label/value table: @label in the first @label_width points,
 * the field's @value beside it, a hairline below. */
static void
flow_fact (GtmSheet   *self,
           GtmNode    *node,
           const char *field,
           const char *label,
           const char *value,
           double      label_width)
{
  Source src = { node, field, label };
  g_autoptr(PangoLayout) name = NULL;
  Placed placed;

  if (is_blank (value))
    return;

  if (place_text (self, &src, value, STYLE_BODY, &ink, label_width, 0, TRUE, &placed) == FIT_NONE)
    return;

  name = own_layout (self, STYLE_SMALL, label, label_width - 6);
  add_layout_to (self, placed.page, name, self->x,
                 placed.baseline - layout_baseline (name), &muted);

  self->y += ROW_PADDING / 2;
  add_line (self, self->x, self->y, self->x + self->width, self->y, HAIRLINE, &rule);
  self->y += ROW_PADDING / 2 + 2;
}

/* A statement set off by a bar in @bar: the positioning, how we win. */
static void
flow_statement (GtmSheet       *self,
                const Source   *src,
                const char     *text,
                Style           style,
                const GtmColor *bar,
                int             max_lines)
{
  double top = self->y;
  GArray *page = self->page;
  Placed placed;

  if (place_text (self, src, text, style, &ink, QUOTE_INDENT, max_lines, TRUE, &placed) == FIT_NONE)
    return;

  /* The bar spans what went on the first page. */
  if (placed.page == page)
    {
      GArray *current = self->page;
      double bottom = current == page ? self->y : self->bottom;

      self->page = page;
      add_fill (self, self->x, top + 2, QUOTE_BAR, MAX (0, bottom - top - 2), QUOTE_BAR / 2, bar);
      self->page = current;
    }
}

/* A number with its thousands grouped by commas, and decimals only when it
 * has any. */
static char *
format_number (double value)
{
  g_autofree char *digits = NULL;
  GString *out = g_string_new (NULL);
  const char *point;
  int n;

  if (fabs (value - round (value)) < 0.005)
    digits = g_strdup_printf ("%.0f", fabs (value));
  else
    digits = g_strdup_printf ("%.2f", fabs (value));

  point = strchr (digits, '.');
  n = point != NULL ? point - digits : (int) strlen (digits);

  if (value < 0 && round (value * 100) != 0)
    g_string_append (out, "\u2212");
  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    g_string_append (out, point);

  return g_string_free (out, FALSE);
}

/* A price in the pricing's currency: "¥2,999", "$49", "CHF 20". */
static char *
format_price (double      price,
              const char *currency)
{
  static const struct { const char *code; const char *symbol; } symbols[] = {
    { "CNY", "¥" }, { "RMB", "¥" }, { "JPY", "¥" }, { "USD", "$" }, { "EUR", "€" },
    { "GBP", "£" }, { "INR", "₹" }, { "KRW", "₩" }, { "HKD", "HK$" }, { "TWD", "NT$" },
  };
  g_autofree char *number = format_number (price);

  if (price == 0)
    /* Translators: the price of a free plan */
    return g_strdup (_("Free"));

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (currency != NULL && g_ascii_strcasecmp (currency, symbols[i].code) == 0)
      return g_strconcat (symbols[i].symbol, number, NULL);

  if (is_blank (currency))
    return g_steal_pointer (&number);

  return g_strconcat (currency, " ", number, NULL);
}

/* "¥2,999 / month". */
static char *
format_tier_price (GtmPriceTier *tier,
                   const char   *currency)
{
  g_autofree char *price = format_price (gtm_price_tier_get_price (tier), currency);
  const char *period = gtm_price_tier_get_period (tier);

  if (is_blank (period) || gtm_price_tier_get_price (tier) == 0)
    return g_steal_pointer (&price);

  /* Translators: a price and the period it is for: “¥2,999 / month” */
  return g_strdup_printf (_("%s / %s"), price, period);
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%d-%d-%d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  char buffer[128];

  /* Translators: a date in a generated document, as strftime() writes
   * it: “Sep 10, 2024”; “%Y年%-m月%-d日” in Chinese */
  if (g_date_strftime (buffer, sizeof buffer, _("%b %-d, %Y"), date) == 0)
    return g_strdup ("");

  return g_strdup (buffer);
}

/* "2024-09-10" as people read dates: "Sep 10, 2024"; the text as it is
 * when it is no date. */
static char *
format_date_text (const char *text)
{
  GDate date;

  if (!parse_date (text, &date))
    return g_strdup (text != NULL ? text : "");

  return format_date (&date);
}

/* The frame moves into a column @x points in from the page's content left,
 * @width wide, from the cursor down. */
static void
enter_column (GtmSheet *self,
              Frame    *saved,
              double    x,
              double    width)
{
  save_frame (self, saved);
  self->x = saved->x + x;
  self->width = MAX (1, width);
}

/* Back to the frame's full width, where the column's text ended: on a
 * later page when it flowed on. */
static void
leave_column (GtmSheet    *self,
              const Frame *saved)
{
  self->x = saved->x;
  self->width = saved->width;
}

/* Columns @n of the frame's width with GUTTER between them. */
static double
column_width (GtmSheet *self,
              guint     n)
{
  return MAX (1, (self->width - GUTTER * (n - 1)) / n);
}


/* Pictures */

static void
picture_size (cairo_surface_t *picture,
              double          *width,
              double          *height)
{
  cairo_rectangle_t extents;

  if (cairo_surface_get_type (picture) == CAIRO_SURFACE_TYPE_RECORDING &&
      cairo_recording_surface_get_extents (picture, &extents))
    {
      *width = extents.width;
      *height = extents.height;
      return;
    }

  *width = cairo_image_surface_get_width (picture);
  *height = cairo_image_surface_get_height (picture);
}

/* Reports a picture of @bytes drawn @width points wide that has too few
 * pixels to print sharply. */
static void
check_resolution (GtmSheet   *self,
                  GtmNode    *node,
                  const char *field,
                  const char *label,
                  GBytes     *bytes,
                  double      width,
                  double      height)
{
  g_autofree char *message = NULL;
  guint pixel_width = 0, pixel_height = 0;
  double dpi;

  if (bytes == NULL || !gtm_image_check_data (bytes, "image/png", &pixel_width, &pixel_height, NULL))
    return;

  dpi = MIN (pixel_width / (width / 72), pixel_height / (height / 72));
  if (dpi >= PRINT_DPI)
    return;

  /* Translators: “The picture of “Logo” is 64 × 64 pixels: 92 dpi where it is printed; print needs 150.” */
  message = g_strdup_printf (_("The picture of “%s” is %u × %u pixels: %.0f dpi where it is printed; print needs %.0f."),
                             label, pixel_width, pixel_height, dpi, PRINT_DPI);
  report (self, GTM_FINDING_LOW_RESOLUTION, node, field, message);
}

/* @persona's avatar @size points wide, as its card draws it, recorded so
 * that drawing the page later does not read the persona. */
static cairo_surface_t *
record_avatar (GtmSheet   *self,
               GtmPersona *persona,
               double      size)
{
  cairo_rectangle_t extents = { 0, 0, size, size };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (surface);

  gtm_render_persona_avatar (cr, persona, size);
  cairo_destroy (cr);

  check_resolution (self, GTM_NODE (persona), "avatar", gtm_persona_get_name (persona),
                    gtm_persona_get_avatar (persona), size, size);

  return surface;
}

/* The logo fitted into @width × @height points at (@x, @y), right-aligned
 * and on a white plate when the background is not light. */
static void
add_logo (GtmSheet       *self,
          double          right,
          double          y,
          double          width,
          double          height,
          const GtmColor *background)
{
  double pw, ph, fit, w, h, pad = 0;

  if (self->logo == NULL)
    return;

  picture_size (self->logo, &pw, &ph);
  fit = MIN (width / pw, height / ph);
  w = pw * fit;
  h = ph * fit;

  if (background != NULL && luminance (background) < 0.8)
    {
      pad = 6;
      add_fill (self, right - w - 2 * pad, y - pad, w + 2 * pad, h + 2 * pad, 4, &white);
    }
  add_picture (self, self->logo, right - w - pad, y, w, h, FALSE);
}


/* Bands, running heads and feet */

/* The band across the top of a first page, in @background, bleeding off
 * the page: a kicker line, the title and a line below it (each optional),
 * the logo on its right, @inset points kept free on its left. The frame
 * goes on below it. Returns the band's height. */
static double
add_band (GtmSheet       *self,
          const GtmColor *background,
          const char     *kicker,
          const Source   *title_src,
          const char     *title,
          const Source   *sub_src,
          const char     *subtitle,
          int             sub_lines,
          double          inset,
          double          min_height)
{
  const GtmColor *fg = text_on (background);
  GtmColor faint = *fg;
  guint index = self->page->len;
  double right = self->page_width - self->margin;
  double logo_room = self->logo != NULL ? LOGO_WIDTH + GUTTER : 0;
  double height;
  Frame saved;

  faint.alpha = 0.8;
  save_frame (self, &saved);
  self->fixed = TRUE;
  self->x = self->margin + inset;
  self->width = MAX (1, right - self->x - logo_room);
  self->y = MIN (self->margin, 36.0);
  self->bottom = self->page_height * 0.45;

  if (kicker != NULL)
    {
      g_autoptr(PangoLayout) layout = own_layout (self, STYLE_LABEL, kicker, self->width);

      add_layout (self, layout, self->x, self->y, &faint);
      self->y += layout_height (layout) + 6;
    }

  if (!is_blank (title))
    place_text (self, title_src, title, STYLE_TITLE, fg, 0, 2, TRUE, NULL);

  if (!is_blank (subtitle))
    {
      self->y += 6;
      place_text (self, sub_src, subtitle, STYLE_BODY, &faint, 0, sub_lines, TRUE, NULL);
    }

  add_logo (self, right, MIN (self->margin, 36.0), LOGO_WIDTH, LOGO_HEIGHT, background);

  height = MAX (self->y + 22, min_height);
  restore_frame (self, &saved);
  insert_fill (self, index, 0, 0, self->page_width, height, 0, background);

  self->top = self->y = height + BAND_GAP;
  return height;
}

/* The running head of a continued page and the foot of every page. */
static void
add_heads_and_feet (GtmSheet *self,
                    gboolean  running_heads)
{
  guint n_pages = self->pages->len;
  double left = self->margin;
  double right = self->page_width - self->margin;
  double width = right - left;

  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(PangoLayout) foot = NULL;
      g_autofree char *where = NULL;

      self->page = g_ptr_array_index (self->pages, i);

      if (running_heads && i > 0)
        {
          g_autoptr(PangoLayout) product = own_layout (self, STYLE_SMALL, self->product, width / 2);
          g_autoptr(PangoLayout) title = new_layout (self, STYLE_SMALL, self->title, width / 2, PANGO_ALIGN_RIGHT);
          double x = left;
          double y = self->margin;

          pango_layout_set_ellipsize (product, PANGO_ELLIPSIZE_END);
          pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
          if (self->logo != NULL)
            {
              double pw, ph;

              picture_size (self->logo, &pw, &ph);
              add_picture (self, self->logo, x, y - 2, 14 * pw / ph, 14, FALSE);
              x += 14 * pw / ph + 8;
            }
          add_layout (self, product, x, y, &muted);
          add_layout (self, title, right - width / 2, y, &muted);
          add_line (self, left, y + 16, right, y + 16, HAIRLINE, &rule);
        }

      where = g_strdup_printf ("%s \u2014 %s", self->product, self->title);
      foot = own_layout (self, STYLE_SMALL, where, n_pages > 1 ? width * 0.75 : width);
      pango_layout_set_ellipsize (foot, PANGO_ELLIPSIZE_END);
      add_layout (self, foot, left, self->page_height - self->margin - layout_height (foot), &muted);

      if (n_pages > 1)
        {
          /* Translators: the foot of a page of an exported document */
          g_autofree char *number = g_strdup_printf (_("Page %u of %u"), i + 1, n_pages);
          g_autoptr(PangoLayout) layout = new_layout (self, STYLE_SMALL, number, width / 4, PANGO_ALIGN_RIGHT);

          add_layout (self, layout, right - width / 4, self->page_height - self->margin - layout_height (layout), &muted);
        }
    }
}


/* Pieces of several layouts */

/* Lays out into a page of its own from y = 0, @width wide at @x, fixed,
 * at most @max_height tall: a box whose place depends on its height. */
static void
begin_scratch (GtmSheet *self,
               Frame    *saved,
               double    x,
               double    width,
               double    max_height)
{
  save_frame (self, saved);
  self->page = page_new ();
  self->x = x;
  self->width = MAX (1, width);
  self->y = self->top = 0;
  self->bottom = max_height;
  self->fixed = TRUE;
}

static GArray *
end_scratch (GtmSheet    *self,
             const Frame *saved,
             double      *height)
{
  GArray *scratch = self->page;

  *height = self->y;
  restore_frame (self, saved);
  return scratch;
}

/* "¥2,999 / month" in one line, the period smaller. */
static PangoLayout *
price_layout (GtmSheet     *self,
              GtmPriceTier *tier,
              const char   *currency,
              Style         style,
              double        width)
{
  g_autofree char *price = format_price (gtm_price_tier_get_price (tier), currency);
  g_autofree char *text = format_tier_price (tier, currency);
  PangoLayout *layout = new_layout (self, style, text, width, PANGO_ALIGN_LEFT);
  const char *at = strstr (text, price);

  if (at != NULL && strlen (price) < strlen (text))
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *attr;
      guint start = at - text;
      guint end = start + strlen (price);

      attr = pango_attr_size_new_absolute ((int) (styles[STYLE_BODY].size * PANGO_SCALE));
      attr->start_index = 0;
      attr->end_index = start;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_size_new_absolute ((int) (styles[STYLE_BODY].size * PANGO_SCALE));
      attr->start_index = end;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_weight_new (PANGO_WEIGHT_NORMAL);
      attr->start_index = end;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_foreground_new (muted.red * 65535, muted.green * 65535, muted.blue * 65535);
      attr->start_index = end;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_weight_new (PANGO_WEIGHT_NORMAL);
      attr->end_index = start;
      pango_attr_list_insert (attrs, attr);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  return layout;
}

/* A price tier's card in the frame: name, price, who it is for and, when
 * @features, what it includes. */
static void
flow_tier (GtmSheet     *self,
           GtmPriceTier *tier,
           const char   *currency,
           gboolean      features)
{
  GtmNode *node = GTM_NODE (tier);
  Source name = { node, "name", _("Plan name") };
  Source audience = { node, "audience", _("Who it is for") };
  Source list = { node, "features", _("Features") };
  g_autoptr(PangoLayout) price = price_layout (self, tier, currency, STYLE_FIGURE, self->width);
  const char *for_whom = gtm_node_get_string (node, GTM_PRICE_TIER_SLOT_AUDIENCE);

  place_text (self, &name, gtm_price_tier_get_name (tier), STYLE_SUBHEADING, &ink, 0, 2, TRUE, NULL);
  self->y += 4;
  if (ensure_room (self, layout_height (price)))
    {
      add_layout (self, price, self->x, self->y, &self->primary);
      self->y += layout_height (price) + 4;
    }
  if (!is_blank (for_whom))
    place_text (self, &audience, for_whom, STYLE_SMALL, &muted, 0, 3, TRUE, NULL);

  if (features && !strv_is_blank (gtm_price_tier_get_features (tier)))
    {
      self->y += 10;
      add_line (self, self->x, self->y, self->x + self->width, self->y, HAIRLINE, &rule);
      self->y += 10;
      flow_list (self, &list, gtm_price_tier_get_features (tier), STYLE_BODY, &self->primary, 0);
    }
}

/* The tiers in a row of tinted cards, at most @max_tiers of them; the
 * row is laid out at the frame's cursor. */
static void
flow_tier_row (GtmSheet     *self,
               GListModel   *tiers,
               guint         first,
               guint         n,
               const char   *currency,
               gboolean      features)
{
  double card_width = column_width (self, MAX (n, 3));
  double heights[MAX_ROW_TIERS] = { 0, };
  GArray *cards[MAX_ROW_TIERS] = { NULL, };
  double row_height = 0;
  double max_height = self->fixed ? self->bottom - self->y : self->bottom - self->top;
  double offset = (self->width - n * card_width - (n - 1) * GUTTER) / 2;

  g_assert (n <= MAX_ROW_TIERS);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmPriceTier) tier = g_list_model_get_item (tiers, first + i);
      Frame saved;

      begin_scratch (self, &saved, BOX_PADDING, card_width - 2 * BOX_PADDING, max_height - 2 * BOX_PADDING);
      self->y = BOX_PADDING;
      self->bottom += BOX_PADDING;
      flow_tier (self, tier, currency, features);
      cards[i] = end_scratch (self, &saved, &heights[i]);
      row_height = MAX (row_height, heights[i] + BOX_PADDING);
    }

  ensure_room (self, row_height);
  for (guint i = 0; i < n; i++)
    {
      double x = self->x + offset + i * (card_width + GUTTER);

      add_fill (self, x, self->y, card_width, row_height, BOX_RADIUS, &self->tint);
      add_fill (self, x, self->y, card_width, 3, 1.5, &self->primary);
      append_moved (self, cards[i], x, self->y);
      g_array_unref (cards[i]);
    }
  self->y += row_height;
}

static void
flow_key_message (GtmSheet      *self,
                  GtmKeyMessage *message,
                  int            head_lines,
                  int            body_lines)
{
  GtmNode *node = GTM_NODE (message);
  Source head = { node, "headline", _("Key message") };
  Source body = { node, "body", _("Key message") };
  const char *headline = gtm_key_message_get_headline (message);
  const char *text = gtm_key_message_get_body (message);

  if (is_blank (headline) && is_blank (text))
    return;

  if (!is_blank (headline))
    if (place_text (self, &head, headline, STYLE_STRONG, &ink, 0, head_lines, TRUE, NULL) != FIT_ALL)
      return;
  if (!is_blank (text))
    {
      self->y += 1;
      place_text (self, &body, text, STYLE_BODY, &muted, 0, body_lines, TRUE, NULL);
    }
  self->y += 9;
}

/* The project's positioning statement; its missing parts reported. */
static char *
compose_positioning (GtmSheet *self)
{
  static const struct { guint slot; const char *field; const char *label; } parts[] = {
    { GTM_MESSAGING_SLOT_AUDIENCE, "audience", N_("Target audience") },
    { GTM_MESSAGING_SLOT_NEED, "need", N_("Need") },
    { GTM_MESSAGING_SLOT_CATEGORY, "category", N_("Category") },
    { GTM_MESSAGING_SLOT_BENEFIT, "benefit", N_("Key benefit") },
  };
  GtmNode *messaging = gtm_project_get_messaging (self->project);
  char *statement = gtm_messaging_compose_positioning (GTM_MESSAGING (messaging),
                                                       gtm_project_get_product_name (self->project));

  if (*statement == '\0')
    {
      report_empty (self, messaging, "positioning", _("Positioning statement"));
      return statement;
    }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (is_blank (gtm_node_get_string (messaging, parts[i].slot)))
      report_empty (self, messaging, parts[i].field, _(parts[i].label));

  return statement;
}

/* One-pager */

static void
layout_one_pager (GtmSheet *self)
{
  GtmProject *project = self->project;
  GtmNode *messaging = gtm_project_get_messaging (project);
  GtmNode *pricing = gtm_project_get_pricing (project);
  GListModel *tiers = gtm_pricing_get_tiers (GTM_PRICING (pricing));
  GListModel *messages = gtm_messaging_get_key_messages (GTM_MESSAGING (messaging));
  const char *product = gtm_project_get_product_name (project);
  const char *pitch = gtm_messaging_get_elevator_pitch (GTM_MESSAGING (messaging));
  const char *action = gtm_node_get_string (messaging, GTM_MESSAGING_SLOT_CALL_TO_ACTION);
  const char * const *benefits = gtm_node_get_strv (messaging, GTM_MESSAGING_SLOT_BENEFITS);
  Source product_src = { GTM_NODE (project), "product-name", _("Product name") };
  Source pitch_src = { messaging, "elevator-pitch", _("Elevator pitch") };
  Source positioning_src = { messaging, "positioning", _("Positioning statement") };
  Source benefits_src = { messaging, "benefits", _("Key benefits") };
  Source action_src = { messaging, "call-to-action", _("Call to action") };
  Source boilerplate_src = { messaging, "boilerplate", _("Boilerplate") };
  const char *boilerplate = gtm_node_get_string (messaging, GTM_MESSAGING_SLOT_BOILERPLATE);
  g_autofree char *positioning = NULL;
  guint n_tiers = g_list_model_get_n_items (tiers);
  guint n_messages = g_list_model_get_n_items (messages);
  gboolean landscape = self->page_width > self->page_height;
  double left_width, top, bottom;
  Frame saved;

  if (is_blank (product))
    report_empty (self, GTM_NODE (project), "product-name", product_src.label);
  add_band (self, &self->primary, NULL, &product_src,
            is_blank (product) ? gtm_project_get_title (project) : product,
            &pitch_src, pitch, 5, 0, 0);

  /* From the foot up: the call to action, then the prices. */
  if (is_blank (action))
    report_empty (self, messaging, "call-to-action", action_src.label);
  else
    {
      double height;
      GArray *band;

      begin_scratch (self, &saved, 18, self->width - 36, self->page_height);
      self->y = 14;
      place_text (self, &action_src, action, STYLE_SUBHEADING, text_on (&self->accent), 0, 3, TRUE, NULL);
      band = end_scratch (self, &saved, &height);
      height += 14;
      self->bottom -= height;
      add_fill (self, self->x, self->bottom, self->width, height, BOX_RADIUS, &self->accent);
      append_moved (self, band, self->x, self->bottom);
      g_array_unref (band);
      self->bottom -= BLOCK_GAP;
    }

  if (n_tiers > 0)
    {
      const char *currency = gtm_pricing_get_currency (GTM_PRICING (pricing));
      guint n = MIN (n_tiers, MAX_ONE_PAGER_TIERS);
      double height;
      GArray *row;

      begin_scratch (self, &saved, 0, self->width, self->page_height / 3);
      flow_label (self, _("Pricing"), &self->primary);
      flow_tier_row (self, tiers, 0, n, currency, FALSE);
      row = end_scratch (self, &saved, &height);
      self->bottom -= height;
      append_moved (self, row, self->x, self->bottom);
      g_array_unref (row);
      self->bottom -= BLOCK_GAP + 4;

      if (n < n_tiers)
        {
          g_autofree char *message =
            g_strdup_printf (_("The one-pager shows the first %u of the %u price tiers."), n, n_tiers);

          report (self, GTM_FINDING_OVERFLOW, pricing, "tiers", message);
        }
    }

  /* From the top down: the positioning, then benefits and messages side
   * by side. */
  positioning = compose_positioning (self);
  if (!is_blank (positioning) && flow_label (self, _("Positioning"), &self->primary))
    {
      flow_statement (self, &positioning_src, positioning, STYLE_LEAD, &self->accent, 6);
      self->y += BLOCK_GAP + 6;
    }
  else if (!is_blank (positioning))
    report_cut (self, &positioning_src, 0);

  top = self->y;
  left_width = landscape ? column_width (self, 3) : column_width (self, 5) * 2 + GUTTER;

  enter_column (self, &saved, 0, left_width);
  if (strv_is_blank (benefits))
    report_empty (self, messaging, "benefits", benefits_src.label);
  else if (flow_label (self, _("Key benefits"), &self->primary))
    flow_list (self, &benefits_src, benefits, STYLE_STRONG, &self->accent, 3);
  else
    report_cut (self, &benefits_src, 0);
  bottom = self->y;
  restore_frame (self, &saved);

  self->y = top;
  enter_column (self, &saved, left_width + GUTTER, self->width - left_width - GUTTER);
  if (n_messages > 0 && flow_label (self, _("Key messages"), &self->primary))
    {
      /* A landscape page is short: the messages go in two columns. */
      guint split = landscape ? (n_messages + 1) / 2 : n_messages;
      double column = landscape ? column_width (self, 2) : self->width;
      double messages_top = self->y;
      Frame inner;

      enter_column (self, &inner, 0, column);
      for (guint i = 0; i < n_messages; i++)
        {
          g_autoptr(GtmKeyMessage) message = g_list_model_get_item (messages, i);

          if (i == split)
            {
              bottom = MAX (bottom, self->y);
              self->x += column + GUTTER;
              self->y = messages_top;
            }
          flow_key_message (self, message, 2, 3);
        }
      leave_column (self, &inner);
    }
  bottom = MAX (bottom, self->y);
  restore_frame (self, &saved);
  self->y = bottom;

  /* The "About us" paragraph, above the prices, when it fits whole in
   * what is left: it is not what a one-pager needs. */
  if (!is_blank (boilerplate))
    {
      g_autofree char *about = g_strdup_printf (_("About %s"), self->product);
      Fit fit = FIT_NONE;
      double height;
      GArray *block;

      begin_scratch (self, &saved, 0, self->width, self->bottom - self->y - BLOCK_GAP);
      if (flow_label (self, about, &self->primary))
        fit = place_text (self, &boilerplate_src, boilerplate, STYLE_BODY, &muted, 0, 0, FALSE, NULL);
      block = end_scratch (self, &saved, &height);
      if (fit == FIT_ALL)
        {
          self->bottom -= height;
          append_moved (self, block, self->x, self->bottom);
          self->bottom -= BLOCK_GAP;
        }
      g_array_unref (block);
    }
}


/* Persona sheet */

static void
flow_trait (GtmSheet *self,
            GtmTrait *trait)
{
  GtmNode *node = GTM_NODE (trait);
  Source left_src = { node, "left", _("Personality") };
  Source right_src = { node, "right", _("Personality") };
  g_autofree char *left_text = resolve (self, &left_src, gtm_trait_get_left (trait));
  g_autofree char *right_text = resolve (self, &right_src, gtm_trait_get_right (trait));
  g_autoptr(PangoLayout) left = new_layout (self, STYLE_SMALL, left_text, self->width / 2 - 4, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) right = new_layout (self, STYLE_SMALL, right_text, self->width / 2 - 4, PANGO_ALIGN_RIGHT);
  double poles = MAX (layout_height (left), layout_height (right));
  double value = CLAMP (gtm_trait_get_value (trait), GTM_TRAIT_VALUE_MIN, GTM_TRAIT_VALUE_MAX) / 100.0;
  double track_y;

  check_glyphs (self, &left_src, left);
  check_glyphs (self, &right_src, right);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (right, PANGO_ELLIPSIZE_END);

  add_layout (self, left, self->x, self->y, &muted);
  add_layout (self, right, self->x + self->width / 2 + 4, self->y, &muted);
  track_y = self->y + poles + 3 + TRAIT_KNOB;
  add_fill (self, self->x, track_y - TRAIT_TRACK / 2, self->width, TRAIT_TRACK, TRAIT_TRACK / 2, &rule);
  add_fill (self,
            self->x + TRAIT_KNOB + value * (self->width - 2 * TRAIT_KNOB) - TRAIT_KNOB,
            track_y - TRAIT_KNOB, 2 * TRAIT_KNOB, 2 * TRAIT_KNOB, TRAIT_KNOB, &self->primary);
  self->y = track_y + TRAIT_KNOB + 8;
}

/* Words in rounded chips, wrapped. */
static void
flow_chips (GtmSheet           *self,
            const Source       *src,
            const char * const *items)
{
  double x = self->x;
  double row = 0;
  guint shown = 0, total = 0;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (!is_blank (items[i]))
      total++;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double w, h;

      if (is_blank (items[i]))
        continue;

      text = resolve (self, src, items[i]);
      layout = new_layout (self, STYLE_SMALL, text, self->width - 2 * CHIP_PAD_X, PANGO_ALIGN_LEFT);
      check_glyphs (self, src, layout);
      w = layout_width (layout) + 2 * CHIP_PAD_X;
      h = layout_height (layout) + 2 * CHIP_PAD_Y;

      if (x > self->x && x + w > self->x + self->width)
        {
          x = self->x;
          self->y += row + CHIP_GAP;
          row = 0;
        }
      if (!ensure_room (self, h))
        break;

      add_fill (self, x, self->y, w, h, MIN (h / 2, 8), &self->tint);
      add_layout (self, layout, x + CHIP_PAD_X, self->y + CHIP_PAD_Y, &ink);
      x += w + CHIP_GAP;
      row = MAX (row, h);
      shown++;
    }

  self->y += row;
  if (shown < total)
    report_cut_list (self, src, shown, total);
}

static void
layout_persona (GtmSheet   *self,
                GtmPersona *persona)
{
  GtmNode *node = GTM_NODE (persona);
  GtmPersonaKind kind = gtm_persona_get_kind (persona);
  GtmBuyingRole role = gtm_persona_get_buying_role (persona);
  GListModel *personality = gtm_persona_get_personality (persona);
  GListModel *messages = gtm_messaging_get_key_messages (GTM_MESSAGING (gtm_project_get_messaging (self->project)));
  const char *name = gtm_persona_get_name (persona);
  const char * const *traits = gtm_node_get_strv (node, GTM_PERSONA_SLOT_TRAITS);
  Source name_src = { node, "name", _("Name") };
  Source title_src = { node, "job-title", _("Job title") };
  Source traits_src = { node, "traits", _("Personality traits") };
  g_autofree char *kicker = NULL;
  g_autofree char *age = NULL;
  g_autoptr(GPtrArray) own_messages = g_ptr_array_new_with_free_func (g_object_unref);
  cairo_surface_t *avatar;
  double band, left_width, top, bottom;
  Frame saved;
  struct { guint slot; const char *field; const char *label; gboolean needed; } lists[] = {
    { GTM_PERSONA_SLOT_GOALS, "goals", _("Goals"), kind == GTM_PERSONA_KIND_BUYER },
    { GTM_PERSONA_SLOT_CHALLENGES, "challenges", _("Challenges"), kind == GTM_PERSONA_KIND_BUYER },
    { GTM_PERSONA_SLOT_INFLUENCES, "influences", _("Influences"), FALSE },
    { GTM_PERSONA_SLOT_JOBS, "jobs", _("Jobs to be done"), kind == GTM_PERSONA_KIND_USER },
    { GTM_PERSONA_SLOT_PAINS, "pains", _("Pains"), kind == GTM_PERSONA_KIND_USER },
    { GTM_PERSONA_SLOT_GAINS, "gains", _("Gains"), FALSE },
  };

  if (is_blank (name))
    report_empty (self, node, "name", name_src.label);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (lists[i].needed && strv_is_blank (gtm_node_get_strv (node, lists[i].slot)))
      report_empty (self, node, lists[i].field, lists[i].label);

  if (role != GTM_BUYING_ROLE_NONE && kind == GTM_PERSONA_KIND_BUYER)
    kicker = g_strdup_printf ("%s \u00b7 %s", gtm_persona_kind_to_label (kind), gtm_buying_role_to_label (role));
  else
    kicker = g_strdup (gtm_persona_kind_to_label (kind));

  band = add_band (self, &self->primary, kicker, &name_src, name, &title_src,
                   gtm_persona_get_job_title (persona), 2, AVATAR_SIZE + 22,
                   MIN (self->margin, 36.0) + AVATAR_SIZE + 22);
  avatar = record_avatar (self, persona, AVATAR_SIZE);
  add_fill (self, self->margin - 3, (band - AVATAR_SIZE) / 2 - 3, AVATAR_SIZE + 6, AVATAR_SIZE + 6,
            AVATAR_SIZE / 2 + 3, &white);
  add_picture (self, avatar, self->margin, (band - AVATAR_SIZE) / 2, AVATAR_SIZE, AVATAR_SIZE, FALSE);
  cairo_surface_destroy (avatar);

  /* Left: who they are. */
  top = self->y;
  left_width = column_width (self, 3);
  enter_column (self, &saved, 0, left_width);
  if (flow_label (self, _("Profile"), &self->primary))
    {
      double label_width = MIN (72, left_width * 0.42);

      if (gtm_node_get_int (node, GTM_PERSONA_SLOT_AGE) > 0)
        age = g_strdup_printf ("%d", gtm_node_get_int (node, GTM_PERSONA_SLOT_AGE));
      flow_fact (self, node, "age", _("Age"), age, label_width);
      flow_fact (self, node, "gender", _("Gender"),
                 gtm_node_get_string (node, GTM_PERSONA_SLOT_GENDER), label_width);
      flow_fact (self, node, "location", _("Location"),
                 gtm_node_get_string (node, GTM_PERSONA_SLOT_LOCATION), label_width);
      flow_fact (self, node, "education", _("Education"),
                 gtm_node_get_string (node, GTM_PERSONA_SLOT_EDUCATION), label_width);
      flow_fact (self, node, "income", _("Income"),
                 gtm_node_get_string (node, GTM_PERSONA_SLOT_INCOME), label_width);
      if (role != GTM_BUYING_ROLE_NONE)
        flow_fact (self, node, "buying-role", _("Buying role"), gtm_buying_role_to_label (role), label_width);
      self->y += BLOCK_GAP;
    }

  if (g_list_model_get_n_items (personality) > 0 && flow_label (self, _("Personality"), &self->primary))
    {
      for (guint i = 0; i < g_list_model_get_n_items (personality); i++)
        {
          g_autoptr(GtmTrait) trait = g_list_model_get_item (personality, i);

          if (!ensure_room (self, 30))
            {
              Source src = { node, "personality", _("Personality") };

              report_cut_list (self, &src, i, g_list_model_get_n_items (personality));
              break;
            }
          flow_trait (self, trait);
        }
      self->y += BLOCK_GAP - 8;
    }

  if (!strv_is_blank (traits) && flow_label (self, _("Personality traits"), &self->primary))
    flow_chips (self, &traits_src, traits);
  bottom = self->y;
  restore_frame (self, &saved);

  /* Right: what they want, and what we tell them. */
  self->y = top;
  enter_column (self, &saved, left_width + GUTTER,
                self->page_width > self->page_height ? left_width : self->width - left_width - GUTTER);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    flow_field_list (self, node, lists[i].field, lists[i].label, gtm_node_get_strv (node, lists[i].slot));

  /* A landscape page is short: the rest goes in a third column. */
  if (self->page_width > self->page_height)
    {
      bottom = MAX (bottom, self->y);
      restore_frame (self, &saved);
      self->y = top;
      enter_column (self, &saved, 2 * (left_width + GUTTER), left_width);
    }

  flow_field_text (self, node, "scenario", _("Usage scenario"),
                   gtm_node_get_string (node, GTM_PERSONA_SLOT_SCENARIO), STYLE_BODY, 0);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      GtmKeyMessage *message = g_list_model_get_item (messages, i);

      if (g_strcmp0 (gtm_key_message_get_persona (message), gtm_node_get_id (node)) == 0)
        g_ptr_array_add (own_messages, message);
      else
        g_object_unref (message);
    }
  if (own_messages->len > 0 && flow_label (self, _("What we tell them"), &self->primary))
    {
      for (guint i = 0; i < own_messages->len; i++)
        flow_key_message (self, g_ptr_array_index (own_messages, i), 2, 4);
      self->y += BLOCK_GAP - 9;
    }

  flow_field_text (self, node, "notes", _("Notes"),
                   gtm_node_get_string (node, GTM_PERSONA_SLOT_NOTES), STYLE_BODY, 0);
  self->y = MAX (bottom, self->y);
  restore_frame (self, &saved);
}


/* Battlecard */

/* Objections as "what they say → how to answer": the answer below the
 * objection, indented. */
static void
flow_objections (GtmSheet           *self,
                 GtmNode            *node,
                 const char * const *items)
{
  Source src = { node, "objections", _("Objection handling") };
  guint total = 0, shown = 0;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (!is_blank (items[i]))
      total++;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *objection = NULL;
      const char *answer = NULL;
      char *arrow;
      Placed placed;

      if (is_blank (items[i]))
        continue;

      objection = g_strdup (items[i]);
      if ((arrow = strstr (objection, "\u2192")) != NULL)
        answer = arrow + strlen ("\u2192");
      else if ((arrow = strstr (objection, "->")) != NULL)
        answer = arrow + 2;
      if (arrow != NULL)
        *arrow = '\0';
      g_strstrip (objection);

      if (place_text (self, &src, objection, STYLE_STRONG, &ink, BULLET_INDENT, 3, FALSE, &placed) == FIT_NONE)
        break;
      add_dot_to (self, placed.page, self->x + BULLET_RADIUS + 1.5,
                  placed.baseline - styles[STYLE_STRONG].size * 0.3, BULLET_RADIUS, &self->accent);
      if (answer != NULL && !is_blank (answer))
        {
          g_autofree char *text = g_strstrip (g_strdup (answer));
          g_autofree char *reply = g_strconcat ("\u2192 ", text, NULL);

          if (place_text (self, &src, reply, STYLE_BODY, &muted, BULLET_INDENT, 4, FALSE, NULL) == FIT_NONE)
            break;
        }
      shown++;
      self->y += ITEM_GAP + 2;
    }

  if (shown < total)
    report_cut_list (self, &src, shown, total);
}

static void
layout_battlecard (GtmSheet      *self,
                   GtmCompetitor *competitor)
{
  GtmNode *node = GTM_NODE (competitor);
  GtmNode *pricing = gtm_project_get_pricing (self->project);
  GListModel *tiers = gtm_pricing_get_tiers (GTM_PRICING (pricing));
  const char *currency = gtm_pricing_get_currency (GTM_PRICING (pricing));
  const char *name = gtm_competitor_get_name (competitor);
  const char *audience = gtm_node_get_string (node, GTM_COMPETITOR_SLOT_TARGET_AUDIENCE);
  const char *how = gtm_node_get_string (node, GTM_COMPETITOR_SLOT_HOW_WE_WIN);
  const char *their_pricing = gtm_node_get_string (node, GTM_COMPETITOR_SLOT_PRICING);
  Source name_src = { node, "name", _("Name") };
  Source audience_src = { node, "target-audience", _("Target audience") };
  Source how_src = { node, "how-we-win", _("How we win") };
  Source positioning_src = { gtm_project_get_messaging (self->project), "positioning", _("Positioning statement") };
  Source pricing_src = { node, "pricing", _("Pricing") };
  g_autofree char *kicker = g_strdup_printf ("%s \u00b7 %s", _("Battlecard"),
                                             gtm_competitor_tier_to_label (gtm_competitor_get_tier (competitor)));
  g_autofree char *sells_to = NULL;
  g_autofree char *positioning = NULL;
  GtmColor accent_tint;
  double half, top, bottom;
  guint n_columns, column;
  Frame saved;

  if (is_blank (name))
    report_empty (self, node, "name", name_src.label);
  if (!is_blank (audience))
    /* Translators: who a competitor sells to, under its name on a battlecard */
    sells_to = g_strdup_printf (_("Sells to: %s"), audience);
  add_band (self, &self->secondary, kicker, &name_src, name, &audience_src, sells_to, 2, 0, 0);

  /* From the foot up: the prices side by side. */
  if (!is_blank (their_pricing) || g_list_model_get_n_items (tiers) > 0)
    {
      double height, inner = self->width - 2 * BOX_PADDING;
      double col = (inner - GUTTER) / 2;
      GArray *box;

      begin_scratch (self, &saved, BOX_PADDING, col, self->page_height / 3);
      self->y = BOX_PADDING;
      flow_label (self, _("Their pricing"), &self->primary);
      if (is_blank (their_pricing))
        flow_own_text (self, _("Not known"), STYLE_BODY, &muted);
      else
        place_text (self, &pricing_src, their_pricing, STYLE_BODY, &ink, 0, 4, TRUE, NULL);
      top = self->y;
      self->x += col + GUTTER;
      self->y = BOX_PADDING;
      flow_label (self, _("Our plans"), &self->primary);
      for (guint i = 0; i < g_list_model_get_n_items (tiers); i++)
        {
          g_autoptr(GtmPriceTier) tier = g_list_model_get_item (tiers, i);
          Source tier_src = { GTM_NODE (tier), "name", _("Plan name") };
          g_autoptr(PangoLayout) price = price_layout (self, tier, currency, STYLE_STRONG, col * 0.5);
          double y = self->y;
          Placed placed;

          pango_layout_set_alignment (price, PANGO_ALIGN_RIGHT);
          self->width = col * 0.5 - 6;
          if (place_text (self, &tier_src, gtm_price_tier_get_name (tier), STYLE_BODY, &ink, 0, 2, TRUE, &placed) == FIT_NONE)
            break;
          add_layout (self, price, self->x + col * 0.5, placed.baseline - layout_baseline (price), &ink);
          self->y = MAX (self->y, y + layout_height (price)) + 3;
          self->width = col;
        }
      box = end_scratch (self, &saved, &height);
      height = MAX (height, top) + BOX_PADDING;
      self->bottom -= height;
      add_fill (self, self->x, self->bottom, self->width, height, BOX_RADIUS, &self->tint);
      append_moved (self, box, self->x, self->bottom);
      g_array_unref (box);
      self->bottom -= BLOCK_GAP;
    }

  /* From the top down. */
  positioning = compose_positioning (self);
  if (!is_blank (positioning) && flow_label (self, _("Our positioning"), &self->primary))
    {
      flow_statement (self, &positioning_src, positioning, STYLE_BODY, &self->primary, 4);
      self->y += BLOCK_GAP;
    }

  if (is_blank (how))
    report_empty (self, node, "how-we-win", how_src.label);
  else
    {
      guint index = self->page->len;
      double box_top = self->y;

      mix (&accent_tint, &self->accent, 0.10);
      enter_column (self, &saved, BOX_PADDING + QUOTE_BAR, self->width - 2 * BOX_PADDING - QUOTE_BAR);
      self->y += BOX_PADDING;
      self->bottom -= BOX_PADDING;
      if (flow_label (self, _("How we win"), &self->accent))
        place_text (self, &how_src, how, STYLE_LEAD, &ink, 0, 6, TRUE, NULL);
      else
        report_cut (self, &how_src, 0);
      bottom = self->y + BOX_PADDING;
      restore_frame (self, &saved);
      insert_fill (self, index, self->x, box_top, self->width, bottom - box_top, BOX_RADIUS, &accent_tint);
      insert_fill (self, index + 1, self->x, box_top, QUOTE_BAR + 2, bottom - box_top, 1.5, &self->accent);
      self->y = bottom + BLOCK_GAP;
    }

  /* Their strengths and weaknesses, then landmines and objections: two
   * rows of two columns, or one row of four on a landscape page. */
  n_columns = self->page_width > self->page_height ? 4 : 2;
  half = column_width (self, n_columns);
  top = self->y;
  enter_column (self, &saved, 0, half);
  flow_field_list (self, node, "strengths", _("Their strengths"),
                   gtm_node_get_strv (node, GTM_COMPETITOR_SLOT_STRENGTHS));
  flow_field_list (self, node, "differentiators", _("What they claim"),
                   gtm_node_get_strv (node, GTM_COMPETITOR_SLOT_DIFFERENTIATORS));
  bottom = self->y;
  restore_frame (self, &saved);
  self->y = top;
  enter_column (self, &saved, half + GUTTER, half);
  flow_field_list (self, node, "weaknesses", _("Their weaknesses"),
                   gtm_node_get_strv (node, GTM_COMPETITOR_SLOT_WEAKNESSES));
  bottom = MAX (bottom, self->y);
  restore_frame (self, &saved);

  column = n_columns == 4 ? 2 : 0;
  if (n_columns == 2)
    top = bottom;
  self->y = top;
  enter_column (self, &saved, column * (half + GUTTER), half);
  flow_field_list (self, node, "landmines", _("Landmines to set"),
                   gtm_node_get_strv (node, GTM_COMPETITOR_SLOT_LANDMINES));
  /* Objections take the landmines' column when there are none. */
  if (self->y > top)
    column++;
  bottom = MAX (bottom, self->y);
  restore_frame (self, &saved);
  self->y = top;
  enter_column (self, &saved, column * (half + GUTTER), half);
  if (!strv_is_blank (gtm_node_get_strv (node, GTM_COMPETITOR_SLOT_OBJECTIONS)))
    {
      if (flow_label (self, _("Objection handling"), &self->primary))
        flow_objections (self, node, gtm_node_get_strv (node, GTM_COMPETITOR_SLOT_OBJECTIONS));
      else
        {
          Source src = { node, "objections", _("Objection handling") };

          report_cut (self, &src, 0);
        }
    }
  bottom = MAX (bottom, self->y);
  restore_frame (self, &saved);
  self->y = bottom;
}


/* Messaging strategy document */

/* A numbered section's heading with a rule below, kept with what follows. */
static void
flow_section (GtmSheet   *self,
              guint       number,
              const char *title)
{
  g_autofree char *text = g_strdup_printf ("%u\u2002%s", number, title);
  g_autoptr(PangoLayout) layout = own_layout (self, STYLE_HEADING, text, self->width);
  double height = layout_height (layout);

  if (self->y > self->top)
    self->y += SECTION_GAP;
  ensure_room (self, height + 12 + 4 * line_height (STYLE_BODY));

  add_layout (self, layout, self->x, self->y, &self->primary);
  self->y += height + 5;
  add_line (self, self->x, self->y, self->x + self->width, self->y, HAIRLINE, &rule);
  self->y += 12;
}

/* A named thing's heading (a segment, a persona), kept with what follows. */
static void
flow_subheading (GtmSheet     *self,
                 const Source *src,
                 const char   *text,
                 const char   *note)
{
  ensure_room (self, line_height (STYLE_SUBHEADING) + 4 * line_height (STYLE_BODY));
  if (place_text (self, src, text, STYLE_SUBHEADING, &ink, 0, 0, TRUE, NULL) == FIT_NONE)
    return;

  if (!is_blank (note))
    {
      self->y += 1;
      flow_own_text (self, note, STYLE_SMALL, &muted);
    }
  self->y += 6;
}

/* Two blocks side by side, each at most a page tall, kept on one page. */
typedef void (*BlockFunc) (GtmSheet *self,
                           gpointer  data);

static void
flow_side_by_side (GtmSheet  *self,
                   BlockFunc  left,
                   gpointer   left_data,
                   BlockFunc  right,
                   gpointer   right_data)
{
  double half = column_width (self, 2);
  double max_height = self->bottom - self->top;
  double left_height, right_height;
  GArray *left_page, *right_page;
  Frame saved;

  begin_scratch (self, &saved, 0, half, max_height);
  left (self, left_data);
  left_page = end_scratch (self, &saved, &left_height);
  begin_scratch (self, &saved, 0, half, max_height);
  right (self, right_data);
  right_page = end_scratch (self, &saved, &right_height);

  ensure_room (self, MAX (left_height, right_height));
  append_moved (self, left_page, self->x, self->y);
  append_moved (self, right_page, self->x + half + GUTTER, self->y);
  self->y += MAX (left_height, right_height);
  g_array_unref (left_page);
  g_array_unref (right_page);
}

typedef struct
{
  GtmNode    *node;
  guint       slot;
  const char *field;
  const char *label;
} ListBlock;

static void
list_block (GtmSheet *self,
            gpointer  data)
{
  ListBlock *block = data;

  flow_field_list (self, block->node, block->field, block->label,
                   gtm_node_get_strv (block->node, block->slot));
}

static void
doc_brief (GtmSheet *self)
{
  GtmNode *brief = gtm_project_get_brief (self->project);
  Source vision = { brief, "vision", _("Vision") };
  double label_width = MIN (130, self->width * 0.28);

  flow_section (self, 1, _("Product brief"));
  if (!is_blank (gtm_brief_get_vision (GTM_BRIEF (brief))))
    {
      flow_statement (self, &vision, gtm_brief_get_vision (GTM_BRIEF (brief)), STYLE_LEAD, &self->accent, 0);
      self->y += BLOCK_GAP;
    }

  flow_fact (self, brief, "audience", _("Who it is for"), gtm_brief_get_audience (GTM_BRIEF (brief)), label_width);
  flow_fact (self, brief, "business-goal", _("Business goal"),
             gtm_business_goal_to_label (gtm_brief_get_business_goal (GTM_BRIEF (brief))), label_width);
  flow_fact (self, brief, "company-goal", _("Company goal"),
             gtm_node_get_string (brief, GTM_BRIEF_SLOT_COMPANY_GOAL), label_width);
  self->y += BLOCK_GAP;

  flow_field_list (self, brief, "problems", _("Problems it solves"), gtm_brief_get_problems (GTM_BRIEF (brief)));
  flow_field_list (self, brief, "success-measures", _("How we measure success"),
                   gtm_node_get_strv (brief, GTM_BRIEF_SLOT_SUCCESS_MEASURES));
  flow_field_list (self, brief, "scenarios", _("Usage scenarios"),
                   gtm_node_get_strv (brief, GTM_BRIEF_SLOT_SCENARIOS));
  flow_field_text (self, brief, "onboarding-friction", _("Onboarding friction"),
                   gtm_node_get_string (brief, GTM_BRIEF_SLOT_ONBOARDING_FRICTION), STYLE_BODY, 0);
}

static void
doc_segments (GtmSheet *self)
{
  GListModel *segments = gtm_project_get_segments (self->project);
  GtmNode *project = GTM_NODE (self->project);
  double label_width = MIN (130, self->width * 0.28);

  flow_section (self, 2, _("Market segments"));
  flow_field_list (self, project, "candidate-markets", _("Markets considered"),
                   gtm_node_get_strv (project, GTM_PROJECT_SLOT_CANDIDATE_MARKETS));

  for (guint i = 0; i < g_list_model_get_n_items (segments); i++)
    {
      g_autoptr(GtmSegment) segment = g_list_model_get_item (segments, i);
      GtmNode *node = GTM_NODE (segment);
      Source name = { node, "name", _("Name") };
      g_autofree char *priority = g_strdup_printf (_("Priority %d"), gtm_segment_get_priority (segment));
      g_autofree char *size = NULL;

      if (gtm_segment_get_market_size (segment) > 0)
        size = format_number (gtm_segment_get_market_size (segment));

      flow_subheading (self, &name, gtm_segment_get_name (segment), priority);
      flow_fact (self, node, "industry", _("Industry"),
                 gtm_node_get_string (node, GTM_SEGMENT_SLOT_INDUSTRY), label_width);
      flow_fact (self, node, "company-size", _("Company size"),
                 gtm_node_get_string (node, GTM_SEGMENT_SLOT_COMPANY_SIZE), label_width);
      flow_fact (self, node, "geography", _("Geography"),
                 gtm_node_get_string (node, GTM_SEGMENT_SLOT_GEOGRAPHY), label_width);
      flow_fact (self, node, "buying-behaviour", _("Buying behaviour"),
                 gtm_node_get_string (node, GTM_SEGMENT_SLOT_BUYING_BEHAVIOUR), label_width);
      flow_fact (self, node, "market-size", _("Market size"), size, label_width);
      flow_fact (self, node, "rationale", _("Why this segment"),
                 gtm_node_get_string (node, GTM_SEGMENT_SLOT_RATIONALE), label_width);
      self->y += BLOCK_GAP;
    }
}

static void
doc_personas (GtmSheet *self)
{
  GListModel *personas = gtm_project_get_personas (self->project);
  double size = 40;

  flow_section (self, 3, _("Personas"));
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(GtmPersona) persona = g_list_model_get_item (personas, i);
      GtmNode *node = GTM_NODE (persona);
      GtmPersonaKind kind = gtm_persona_get_kind (persona);
      Source name = { node, "name", _("Name") };
      g_autoptr(GString) note = g_string_new (gtm_persona_kind_to_label (kind));
      cairo_surface_t *avatar;
      GArray *page;
      double top;
      Frame saved;

      if (gtm_persona_get_buying_role (persona) != GTM_BUYING_ROLE_NONE && kind == GTM_PERSONA_KIND_BUYER)
        g_string_append_printf (note, " \u00b7 %s", gtm_buying_role_to_label (gtm_persona_get_buying_role (persona)));
      if (!is_blank (gtm_persona_get_job_title (persona)))
        {
          Source title = { node, "job-title", _("Job title") };
          g_autofree char *job = resolve (self, &title, gtm_persona_get_job_title (persona));

          g_string_append_printf (note, " \u00b7 %s", job);
        }

      ensure_room (self, size + 4 * line_height (STYLE_BODY));
      top = self->y;
      page = self->page;
      avatar = record_avatar (self, persona, size);
      add_picture (self, avatar, self->x, top, size, size, FALSE);
      cairo_surface_destroy (avatar);

      enter_column (self, &saved, size + 14, self->width - size - 14);
      flow_subheading (self, &name, gtm_persona_get_name (persona), note->str);
      if (kind == GTM_PERSONA_KIND_BUYER)
        {
          flow_field_list (self, node, "goals", _("Goals"), gtm_node_get_strv (node, GTM_PERSONA_SLOT_GOALS));
          flow_field_list (self, node, "challenges", _("Challenges"), gtm_node_get_strv (node, GTM_PERSONA_SLOT_CHALLENGES));
        }
      else
        {
          flow_field_list (self, node, "jobs", _("Jobs to be done"), gtm_node_get_strv (node, GTM_PERSONA_SLOT_JOBS));
          flow_field_list (self, node, "pains", _("Pains"), gtm_node_get_strv (node, GTM_PERSONA_SLOT_PAINS));
          flow_field_list (self, node, "gains", _("Gains"), gtm_node_get_strv (node, GTM_PERSONA_SLOT_GAINS));
        }
      leave_column (self, &saved);
      if (self->page == page)
        self->y = MAX (self->y, top + size);
      self->y += 4;
    }
}

static void
doc_competitors (GtmSheet *self)
{
  GListModel *competitors = gtm_project_get_competitors (self->project);
  double label_width = MIN (130, self->width * 0.28);

  flow_section (self, 4, _("Competitors"));
  for (guint i = 0; i < g_list_model_get_n_items (competitors); i++)
    {
      g_autoptr(GtmCompetitor) competitor = g_list_model_get_item (competitors, i);
      GtmNode *node = GTM_NODE (competitor);
      Source name = { node, "name", _("Name") };
      ListBlock strengths = { node, GTM_COMPETITOR_SLOT_STRENGTHS, "strengths", _("Their strengths") };
      ListBlock weaknesses = { node, GTM_COMPETITOR_SLOT_WEAKNESSES, "weaknesses", _("Their weaknesses") };

      flow_subheading (self, &name, gtm_competitor_get_name (competitor),
                       gtm_competitor_tier_to_label (gtm_competitor_get_tier (competitor)));
      flow_fact (self, node, "target-audience", _("Sells to"),
                 gtm_node_get_string (node, GTM_COMPETITOR_SLOT_TARGET_AUDIENCE), label_width);
      flow_fact (self, node, "pricing", _("Their pricing"),
                 gtm_node_get_string (node, GTM_COMPETITOR_SLOT_PRICING), label_width);
      flow_fact (self, node, "how-we-win", _("How we win"),
                 gtm_node_get_string (node, GTM_COMPETITOR_SLOT_HOW_WE_WIN), label_width);
      self->y += BLOCK_GAP - 4;
      flow_side_by_side (self, list_block, &strengths, list_block, &weaknesses);
    }
}

static void
doc_value (GtmSheet *self)
{
  GtmNode *messaging = gtm_project_get_messaging (self->project);
  GtmNode *swot = gtm_project_get_swot (self->project);
  ListBlock quadrants[] = {
    { swot, GTM_SWOT_SLOT_STRENGTHS, "strengths", _("Strengths") },
    { swot, GTM_SWOT_SLOT_WEAKNESSES, "weaknesses", _("Weaknesses") },
    { swot, GTM_SWOT_SLOT_OPPORTUNITIES, "opportunities", _("Opportunities") },
    { swot, GTM_SWOT_SLOT_THREATS, "threats", _("Threats") },
  };

  flow_section (self, 5, _("Value proposition"));
  flow_field_text (self, messaging, "why", _("Why"),
                   gtm_node_get_string (messaging, GTM_MESSAGING_SLOT_WHY), STYLE_BODY, 0);
  flow_field_text (self, messaging, "how", _("How"),
                   gtm_node_get_string (messaging, GTM_MESSAGING_SLOT_HOW), STYLE_BODY, 0);
  flow_field_text (self, messaging, "what", _("What"),
                   gtm_node_get_string (messaging, GTM_MESSAGING_SLOT_WHAT), STYLE_BODY, 0);
  flow_field_list (self, messaging, "benefits", _("Key benefits"),
                   gtm_node_get_strv (messaging, GTM_MESSAGING_SLOT_BENEFITS));

  if (!strv_is_blank (gtm_swot_get_strengths (GTM_SWOT (swot))) ||
      !strv_is_blank (gtm_swot_get_weaknesses (GTM_SWOT (swot))) ||
      !strv_is_blank (gtm_swot_get_opportunities (GTM_SWOT (swot))) ||
      !strv_is_blank (gtm_swot_get_threats (GTM_SWOT (swot))))
    {
      Source title = { NULL, NULL, NULL };

      flow_subheading (self, &title, _("SWOT"), NULL);
      flow_side_by_side (self, list_block, &quadrants[0], list_block, &quadrants[1]);
      flow_side_by_side (self, list_block, &quadrants[2], list_block, &quadrants[3]);
    }
}

static void
doc_messaging (GtmSheet *self)
{
  GtmNode *messaging = gtm_project_get_messaging (self->project);
  GListModel *messages = gtm_messaging_get_key_messages (GTM_MESSAGING (messaging));
  Source positioning_src = { messaging, "positioning", _("Positioning statement") };
  g_autofree char *positioning = compose_positioning (self);

  flow_section (self, 6, _("Positioning and messaging"));
  if (!is_blank (positioning) && flow_label (self, _("Positioning statement"), &self->primary))
    {
      flow_statement (self, &positioning_src, positioning, STYLE_LEAD, &self->accent, 0);
      self->y += BLOCK_GAP;
    }
  flow_field_text (self, messaging, "elevator-pitch", _("Elevator pitch"),
                   gtm_messaging_get_elevator_pitch (GTM_MESSAGING (messaging)), STYLE_BODY, 0);

  if (g_list_model_get_n_items (messages) > 0 && flow_label (self, _("Key messages"), &self->primary))
    {
      for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
        {
          g_autoptr(GtmKeyMessage) message = g_list_model_get_item (messages, i);
          GtmNode *persona = gtm_node_find (GTM_NODE (self->project), gtm_key_message_get_persona (message));

          ensure_room (self, 3 * line_height (STYLE_BODY));
          if (GTM_IS_PERSONA (persona))
            {
              /* Translators: whom a key message is for */
              g_autofree char *whom = g_strdup_printf (_("For %s"), gtm_persona_get_name (GTM_PERSONA (persona)));

              flow_own_text (self, whom, STYLE_SMALL, &muted);
            }
          else
            flow_own_text (self, _("For everyone"), STYLE_SMALL, &muted);
          self->y += 1;
          flow_key_message (self, message, 0, 0);
        }
      self->y += BLOCK_GAP - 9;
    }

  flow_field_text (self, messaging, "brand-voice", _("Brand voice"),
                   gtm_node_get_string (messaging, GTM_MESSAGING_SLOT_BRAND_VOICE), STYLE_BODY, 0);
  flow_field_text (self, messaging, "boilerplate", _("Boilerplate"),
                   gtm_node_get_string (messaging, GTM_MESSAGING_SLOT_BOILERPLATE), STYLE_BODY, 0);
}

/* The tiers, at most MAX_ROW_TIERS a row, each row kept on one page. */
static void
flow_tiers (GtmSheet *self,
            gboolean  features)
{
  GtmNode *pricing = gtm_project_get_pricing (self->project);
  GListModel *tiers = gtm_pricing_get_tiers (GTM_PRICING (pricing));
  guint n_tiers = g_list_model_get_n_items (tiers);

  for (guint first = 0; first < n_tiers; first += MAX_ROW_TIERS)
    {
      flow_tier_row (self, tiers, first, MIN (MAX_ROW_TIERS, n_tiers - first),
                     gtm_pricing_get_currency (GTM_PRICING (pricing)), features);
      self->y += GUTTER;
    }
}

static void
doc_pricing (GtmSheet *self)
{
  GtmNode *pricing = gtm_project_get_pricing (self->project);
  double label_width = MIN (130, self->width * 0.28);

  flow_section (self, 7, _("Pricing"));
  flow_fact (self, pricing, "strategy", _("Strategy"),
             gtm_pricing_strategy_to_label (gtm_pricing_get_strategy (GTM_PRICING (pricing))), label_width);
  flow_fact (self, pricing, "currency", _("Currency"),
             gtm_pricing_get_currency (GTM_PRICING (pricing)), label_width);
  self->y += BLOCK_GAP;
  flow_tiers (self, TRUE);
  flow_field_text (self, pricing, "notes", _("Notes"),
                   gtm_node_get_string (pricing, GTM_PRICING_SLOT_NOTES), STYLE_BODY, 0);
}

/* "Jul 1 – Aug 9, 2024", or one date for a day. */
static char *
format_span (GtmActivity *activity)
{
  g_autofree char *start = format_date_text (gtm_activity_get_start (activity));
  g_autofree char *end = format_date_text (gtm_activity_get_end (activity));
  GDate first, last;

  if (is_blank (start) && is_blank (end))
    return g_strdup (_("No dates yet"));
  if (is_blank (end) || g_strcmp0 (start, end) == 0)
    return g_steal_pointer (&start);
  if (is_blank (start))
    return g_steal_pointer (&end);

  /* The year once when both dates are in it: “Jul 1 – Aug 9, 2024”. */
  if (parse_date (gtm_activity_get_start (activity), &first) &&
      parse_date (gtm_activity_get_end (activity), &last) &&
      g_date_get_year (&first) == g_date_get_year (&last))
    {
      char buffer[128];

      /* Translators: the first date of a span within a year, as
       * strftime() writes it: “Jul 1”; “%-m月%-d日” in Chinese */
      if (g_date_strftime (buffer, sizeof buffer, _("%b %-d"), &first) > 0)
        {
          g_free (start);
          start = g_strdup (buffer);
        }
    }

  return g_strdup_printf ("%s \u2013 %s", start, end);
}

static void
doc_launch (GtmSheet *self)
{
  GtmNode *plan = gtm_project_get_launch_plan (self->project);
  GListModel *activities = gtm_launch_plan_get_activities (GTM_LAUNCH_PLAN (plan));
  g_autofree char *launch = format_date_text (gtm_launch_plan_get_launch_date (GTM_LAUNCH_PLAN (plan)));
  double label_width = MIN (130, self->width * 0.28);
  double dates_width = MIN (150, self->width * 0.3);

  flow_section (self, 8, _("Launch plan"));
  flow_fact (self, plan, "launch-date", _("Launch date"), launch, label_width);
  self->y += BLOCK_GAP;

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(GtmActivity) activity = g_list_model_get_item (activities, i);
      GtmNode *node = GTM_NODE (activity);
      Source name = { node, "name", _("Activity") };
      g_autofree char *span = format_span (activity);
      g_autoptr(GString) who = g_string_new (NULL);
      g_autoptr(PangoLayout) when = own_layout (self, STYLE_SMALL, span, dates_width - 8);
      Placed placed;

      if (!is_blank (gtm_activity_get_team (activity)))
        g_string_append (who, gtm_activity_get_team (activity));
      if (!is_blank (gtm_activity_get_owner (activity)))
        g_string_append_printf (who, "%s%s", who->len > 0 ? " \u00b7 " : "", gtm_activity_get_owner (activity));

      ensure_room (self, 2 * line_height (STYLE_BODY) + ROW_PADDING);
      if (place_text (self, &name, gtm_activity_get_name (activity),
                      gtm_activity_get_milestone (activity) ? STYLE_STRONG : STYLE_BODY,
                      &ink, dates_width, 0, TRUE, &placed) == FIT_NONE)
        break;
      add_layout_to (self, placed.page, when, self->x, placed.baseline - layout_baseline (when),
                     gtm_activity_get_milestone (activity) ? &self->accent : &muted);
      if (who->len > 0)
        {
          Source team = { node, "team", _("Team") };
          double x = self->x;

          self->x += dates_width;
          self->width -= dates_width;
          place_text (self, &team, who->str, STYLE_SMALL, &muted, 0, 0, TRUE, NULL);
          self->x = x;
          self->width += dates_width;
        }
      self->y += ROW_PADDING / 2;
      add_line (self, self->x, self->y, self->x + self->width, self->y, HAIRLINE, &rule);
      self->y += ROW_PADDING / 2 + 2;
    }
}

static void
layout_messaging_doc (GtmSheet *self)
{
  const char *product = gtm_project_get_product_name (self->project);
  Source product_src = { GTM_NODE (self->project), "product-name", _("Product name") };
  Source title_src = { GTM_NODE (self->project), "title", _("Title") };
  g_autoptr(GDateTime) modified = g_date_time_new_from_iso8601 (gtm_project_get_modified (self->project), NULL);
  g_autoptr(GString) subtitle = g_string_new (gtm_project_get_title (self->project));

  /* A reference document says how current it is. */
  if (modified != NULL)
    {
      g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (modified),
                                              g_date_time_get_month (modified),
                                              g_date_time_get_year (modified));
      g_autofree char *day = format_date (date);

      if (subtitle->len > 0)
        g_string_append (subtitle, " \u00b7 ");
      /* Translators: when the project was last saved, on the cover of its
       * messaging strategy document */
      g_string_append_printf (subtitle, _("Updated %s"), day);
    }

  add_band (self, &self->primary, _("Messaging strategy document"), &product_src,
            is_blank (product) ? gtm_project_get_title (self->project) : product,
            &title_src, subtitle->str, 2, 0, 0);
  if (is_blank (product))
    report_empty (self, GTM_NODE (self->project), "product-name", product_src.label);

  doc_brief (self);
  doc_segments (self);
  doc_personas (self);
  doc_competitors (self);
  doc_value (self);
  doc_messaging (self);
  doc_pricing (self);
  doc_launch (self);
}


/* Pricing sheet */

static void
layout_pricing (GtmSheet *self)
{
  GtmNode *pricing = gtm_project_get_pricing (self->project);
  const char *product = gtm_project_get_product_name (self->project);
  Source product_src = { GTM_NODE (self->project), "product-name", _("Product name") };
  Source notes = { pricing, "notes", _("Notes") };
  const char *text = gtm_node_get_string (pricing, GTM_PRICING_SLOT_NOTES);

  add_band (self, &self->primary, _("Plans and pricing"), &product_src,
            is_blank (product) ? gtm_project_get_title (self->project) : product,
            &own_words, NULL, 0, 0, 0);

  if (g_list_model_get_n_items (gtm_pricing_get_tiers (GTM_PRICING (pricing))) == 0)
    report_empty (self, pricing, "tiers", _("Price tiers"));
  flow_tiers (self, TRUE);

  if (!is_blank (text))
    {
      guint index = self->page->len;
      double top, bottom;
      Frame saved;

      ensure_room (self, 2 * BOX_PADDING + 3 * line_height (STYLE_BODY));
      index = self->page->len;
      top = self->y;
      enter_column (self, &saved, BOX_PADDING, self->width - 2 * BOX_PADDING);
      self->y += BOX_PADDING;
      if (flow_label (self, _("Good to know"), &self->primary))
        place_text (self, &notes, text, STYLE_BODY, &ink, 0, 0, TRUE, NULL);
      leave_column (self, &saved);
      bottom = self->y + BOX_PADDING;
      if (g_ptr_array_index (self->pages, self->pages->len - 1) == saved.page)
        insert_fill (self, index, self->x, top, self->width, bottom - top, BOX_RADIUS, &self->tint);
      self->y = bottom;
    }
}


/* Launch timeline */

typedef struct
{
  GtmActivity *activity;
  char        *team;
  GDate        start;
  GDate        end;
  gboolean     dated;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->activity);
  g_free (row->team);
}

typedef struct
{
  GDate   first;       /* the Monday the axis starts on */
  guint   days;
  double  chart_x;
  double  chart_width;
  double  label_width;
  gboolean dated;
  GDate   launch;
  guint   section;     /* the index on the page where the rows begin */
  double  section_top;
} Axis;

static double
axis_x (const Axis  *axis,
        const GDate *date)
{
  return axis->chart_x + axis->chart_width * g_date_days_between (&axis->first, date) / axis->days;
}

/* The months and weeks across the top of the chart. */
static void
add_axis (GtmSheet *self,
          Axis     *axis)
{
  GDate day = axis->first;
  double top = self->y;
  double week = axis->chart_width * 7 / MAX (axis->days, 1);
  /* Weeks between numbered ones, so that numbers do not run together. */
  guint step = MAX (1, (guint) ceil (18 / week));
  double month_end = -G_MAXDOUBLE;
  double week_y, bottom;
  int last_month = -1;

  if (!axis->dated)
    {
      axis->section = self->page->len;
      axis->section_top = self->y;
      return;
    }

  week_y = top + line_height (STYLE_SMALL) + 2;
  for (guint i = 0; i <= axis->days; i++, g_date_add_days (&day, 1))
    {
      double x = axis_x (axis, &day);

      if ((int) g_date_get_month (&day) != last_month && i < axis->days)
        {
          char text[64];
          g_autoptr(PangoLayout) layout = NULL;

          /* Translators: a month on a timeline's axis, as strftime() writes it: “Jul 2024” */
          g_date_strftime (text, sizeof text, last_month == -1 || g_date_get_month (&day) == G_DATE_JANUARY
                                                ? _("%b %Y") : "%b", &day);
          layout = own_layout (self, STYLE_LABEL, text, -1);
          if (x + 2 >= month_end + 6 &&
              x + layout_width (layout) <= axis->chart_x + axis->chart_width + 1)
            {
              add_layout (self, layout, x + 2, top, &ink);
              month_end = x + 2 + layout_width (layout);
            }
          last_month = g_date_get_month (&day);
        }

      if (g_date_get_weekday (&day) == G_DATE_MONDAY && i < axis->days && (i / 7) % step == 0)
        {
          g_autofree char *number = g_strdup_printf ("%d", g_date_get_day (&day));
          g_autoptr(PangoLayout) layout = own_layout (self, STYLE_SMALL, number, -1);

          if (x + layout_width (layout) <= axis->chart_x + axis->chart_width + 1)
            add_layout (self, layout, x + 2, week_y, &muted);
        }
    }

  bottom = week_y + line_height (STYLE_SMALL) + 4;
  add_line (self, self->x, bottom, self->x + self->width, bottom, HAIRLINE * 1.5, &muted);
  self->y = bottom + 4;
  axis->section = self->page->len;
  axis->section_top = bottom;
}

/* Week lines behind the rows laid out since the axis, and the launch day
 * over them. */
static void
close_axis (GtmSheet *self,
            Axis     *axis)
{
  GDate day = axis->first;
  GArray *rows = page_new ();
  double bottom = self->y;
  /* A line a week, or a month when weeks are too narrow for it. */
  gboolean weekly = axis->chart_width * 7 / MAX (axis->days, 1) >= 6;

  if (!axis->dated || bottom <= axis->section_top)
    {
      g_array_unref (rows);
      return;
    }

  /* Lift the rows off, lay the lines, put the rows back on them. */
  g_array_set_clear_func (self->page, NULL);
  g_array_append_vals (rows, &g_array_index (self->page, Piece, axis->section),
                       self->page->len - axis->section);
  g_array_set_size (self->page, axis->section);
  g_array_set_clear_func (self->page, piece_clear);

  for (guint i = 0; i <= axis->days; i++, g_date_add_days (&day, 1))
    if ((weekly && g_date_get_weekday (&day) == G_DATE_MONDAY) ||
        (!weekly && g_date_get_day (&day) == 1) ||
        i == 0 || i == axis->days)
      {
        double x = axis_x (axis, &day);

        add_line (self, x, axis->section_top, x, bottom, g_date_get_day (&day) <= 7 ? HAIRLINE * 1.5 : HAIRLINE,
                  &rule);
      }
  append_moved (self, rows, 0, 0);
  g_array_unref (rows);

  if (g_date_valid (&axis->launch) &&
      g_date_compare (&axis->launch, &axis->first) >= 0 &&
      g_date_days_between (&axis->first, &axis->launch) < (int) axis->days)
    {
      GDate next = axis->launch;
      double x;
      Piece *line;

      g_date_add_days (&next, 1);
      x = (axis_x (axis, &axis->launch) + axis_x (axis, &next)) / 2;
      add_line (self, x, axis->section_top - 4, x, bottom, 1.2, &self->accent);
      line = &g_array_index (self->page, Piece, self->page->len - 1);
      line->dashed = TRUE;
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a;
  const Row *rb = b;

  if (ra->dated != rb->dated)
    return ra->dated ? -1 : 1;
  if (ra->dated)
    return g_date_compare (&ra->start, &rb->start);

  return 0;
}

static void
add_legend (GtmSheet *self,
            gboolean  launch)
{
  struct { const char *label; const GtmColor *color; PieceKind kind; } keys[] = {
    { _("Customer-facing"), &self->primary, PIECE_FILL },
    { _("Internal"), &self->secondary, PIECE_FILL },
    { _("Milestone"), &self->accent, PIECE_DIAMOND },
    { _("Launch day"), &self->accent, PIECE_LINE },
  };
  double x = self->x;

  for (guint i = 0; i < G_N_ELEMENTS (keys) - (launch ? 0 : 1); i++)
    {
      g_autoptr(PangoLayout) layout = own_layout (self, STYLE_SMALL, keys[i].label, -1);
      double cy = self->y + layout_baseline (layout) - 2.5;
      Piece *piece;

      switch (keys[i].kind)
        {
        case PIECE_FILL:
          add_fill (self, x, cy - 3.5, 16, 7, 2, keys[i].color);
          break;
        case PIECE_DIAMOND:
          piece = add_piece (self, PIECE_DIAMOND);
          piece->x = x + 3;
          piece->y = cy - 5;
          piece->width = piece->height = 10;
          piece->color = *keys[i].color;
          break;
        case PIECE_LINE:
        case PIECE_TEXT:
        case PIECE_PICTURE:
        default:
          add_line (self, x + 8, cy - 6, x + 8, cy + 6, 1.2, keys[i].color);
          g_array_index (self->page, Piece, self->page->len - 1).dashed = TRUE;
          break;
        }
      add_layout (self, layout, x + 22, self->y, &muted);
      x += 22 + layout_width (layout) + 18;
    }
  self->y += line_height (STYLE_SMALL) + BLOCK_GAP;
}

static void
layout_launch_timeline (GtmSheet *self)
{
  GtmNode *plan = gtm_project_get_launch_plan (self->project);
  GListModel *activities = gtm_launch_plan_get_activities (GTM_LAUNCH_PLAN (plan));
  const char *product = gtm_project_get_product_name (self->project);
  Source product_src = { GTM_NODE (self->project), "product-name", _("Product name") };
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GPtrArray) teams = g_ptr_array_new ();
  g_autofree char *launch_text = format_date_text (gtm_launch_plan_get_launch_date (GTM_LAUNCH_PLAN (plan)));
  g_autofree char *subtitle = NULL;
  GDate first, last;
  Axis axis = { 0, };

  g_array_set_clear_func (rows, row_clear);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  parse_date (gtm_launch_plan_get_launch_date (GTM_LAUNCH_PLAN (plan)), &axis.launch);

  if (!is_blank (launch_text))
    /* Translators: under the title of a launch timeline */
    subtitle = g_strdup_printf (_("Launch day: %s"), launch_text);
  add_band (self, &self->primary, _("Launch timeline"), &product_src,
            is_blank (product) ? gtm_project_get_title (self->project) : product,
            &own_words, subtitle, 1, 0, 0);

  if (g_list_model_get_n_items (activities) == 0)
    {
      report_empty (self, plan, "activities", _("Activities"));
      return;
    }

  /* Rows grouped by team, the groups in the order they start. */
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      Row row = { 0, };
      Source team = { NULL, "team", _("Team") };

      row.activity = g_list_model_get_item (activities, i);
      team.node = GTM_NODE (row.activity);
      row.team = resolve (self, &team, gtm_activity_get_team (row.activity));
      g_strstrip (row.team);
      row.dated = parse_date (gtm_activity_get_start (row.activity), &row.start);
      if (!parse_date (gtm_activity_get_end (row.activity), &row.end) && row.dated)
        row.end = row.start;
      else if (!row.dated && g_date_valid (&row.end))
        {
          row.start = row.end;
          row.dated = TRUE;
        }
      if (row.dated && g_date_compare (&row.end, &row.start) < 0)
        row.end = row.start;

      if (row.dated)
        {
          if (!g_date_valid (&first) || g_date_compare (&row.start, &first) < 0)
            first = row.start;
          if (!g_date_valid (&last) || g_date_compare (&row.end, &last) > 0)
            last = row.end;
        }
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      gboolean known = FALSE;

      for (guint j = 0; j < teams->len && !known; j++)
        known = g_strcmp0 (g_ptr_array_index (teams, j), row->team) == 0;
      if (!known)
        g_ptr_array_add (teams, row->team);
    }

  if (g_date_valid (&first) && g_date_valid (&axis.launch))
    {
      if (g_date_compare (&axis.launch, &first) < 0)
        first = axis.launch;
      if (g_date_compare (&axis.launch, &last) > 0)
        last = axis.launch;
    }

  axis.label_width = MIN (210, self->width * 0.34);
  axis.chart_x = self->x + axis.label_width + 12;
  axis.chart_width = MAX (1, self->width - axis.label_width - 12);
  axis.dated = g_date_valid (&first);
  if (axis.dated)
    {
      /* Whole weeks, Monday to Sunday. */
      axis.first = first;
      g_date_subtract_days (&axis.first, g_date_get_weekday (&first) - G_DATE_MONDAY);
      axis.days = g_date_days_between (&axis.first, &last) + 1;
      axis.days += (7 - axis.days % 7) % 7;
      axis.days = MAX (axis.days, 7);
    }

  add_legend (self, g_date_valid (&axis.launch));
  add_axis (self, &axis);

  for (guint t = 0; t < teams->len; t++)
    {
      const char *team = g_ptr_array_index (teams, t);
      gboolean header = FALSE;

      for (guint i = 0; i < rows->len; i++)
        {
          Row *row = &g_array_index (rows, Row, i);
          GtmNode *node = GTM_NODE (row->activity);
          Source name_src = { node, "name", _("Activity") };
          Source owner_src = { node, "owner", _("Owner") };
          gboolean milestone = gtm_activity_get_milestone (row->activity);
          g_autofree char *name = NULL;
          g_autofree char *owner = NULL;
          g_autofree char *span = NULL;
          g_autofree char *note = NULL;
          g_autoptr(PangoLayout) name_layout = NULL;
          g_autoptr(PangoLayout) note_layout = NULL;
          double height, group_height = 0, cy;

          if (g_strcmp0 (row->team, team) != 0)
            continue;

          name = resolve (self, &name_src, gtm_activity_get_name (row->activity));
          owner = resolve (self, &owner_src, gtm_activity_get_owner (row->activity));
          span = format_span (row->activity);
          note = is_blank (owner) ? g_strdup (span) : g_strdup_printf ("%s \u00b7 %s", g_strstrip (owner), span);
          name_layout = new_layout (self, milestone ? STYLE_STRONG : STYLE_BODY, name,
                                    axis.label_width - 8, PANGO_ALIGN_LEFT);
          check_glyphs (self, &name_src, name_layout);
          pango_layout_set_ellipsize (name_layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (name_layout, -2);
          if (pango_layout_is_ellipsized (name_layout))
            report_cut (self, &name_src, 2);
          note_layout = own_layout (self, STYLE_SMALL, note, axis.label_width - 8);
          pango_layout_set_ellipsize (note_layout, PANGO_ELLIPSIZE_END);
          height = layout_height (name_layout) + layout_height (note_layout) + 2 * ROW_PADDING;

          if (!header)
            group_height = line_height (STYLE_STRONG) + 2 * ROW_PADDING;
          /* A row that does not fit goes on the next page, unless this
           * page has none yet (a page too short for any row). */
          if (self->y + group_height + height > self->bottom && self->page->len > axis.section)
            {
              close_axis (self, &axis);
              break_page (self);
              add_axis (self, &axis);
            }

          if (!header)
            {
              g_autoptr(PangoLayout) layout = own_layout (self, STYLE_STRONG,
                                                          is_blank (team) ? _("Everyone else") : team,
                                                          self->width - 16);

              add_fill (self, self->x, self->y + 2, self->width, group_height - 4, 3, &self->tint);
              add_layout (self, layout, self->x + 8, self->y + ROW_PADDING, &self->primary);
              self->y += group_height;
              header = TRUE;
            }

          add_layout (self, name_layout, self->x + 8, self->y + ROW_PADDING, &ink);
          add_layout (self, note_layout, self->x + 8,
                      self->y + ROW_PADDING + layout_height (name_layout), &muted);
          cy = self->y + height / 2;

          if (row->dated && axis.dated)
            {
              GDate after = row->end;
              double x0 = axis_x (&axis, &row->start);
              double x1;

              g_date_add_days (&after, 1);
              x1 = axis_x (&axis, &after);
              if (milestone)
                {
                  Piece *piece = add_piece (self, PIECE_DIAMOND);
                  double size = 12;

                  piece->x = (x0 + x1) / 2 - size / 2;
                  piece->y = cy - size / 2;
                  piece->width = piece->height = size;
                  piece->color = self->accent;
                }
              else
                add_fill (self, x0, cy - 5, MAX (x1 - x0, 4), 10, 3,
                          gtm_activity_get_external (row->activity) ? &self->primary : &self->secondary);
            }
          self->y += height;
          add_line (self, self->x, self->y, self->x + self->width, self->y, HAIRLINE, &rule);
        }
      self->y += 4;
    }

  close_axis (self, &axis);
}


/* The sheet */

static void
set_up (GtmSheet   *self,
        GtmProject *project)
{
  GtmBrand *brand = GTM_BRAND (gtm_project_get_brand (project));
  const char *language = gtm_project_get_language (project);
  GBytes *logo = gtm_brand_get_logo (brand);
  cairo_font_options_t *options;

  self->project = project;
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, !is_blank (language)
                                               ? pango_language_from_string (language)
                                               : pango_language_get_default ());

  for (guint i = 0; i < N_STYLES; i++)
    {
      const char *face = styles[i].heading ? gtm_brand_get_heading_font (brand) : gtm_brand_get_body_font (brand);
      g_autofree char *family = g_strconcat (is_blank (face) ? GTM_BRAND_DEFAULT_FONT : face, FONT_FALLBACK, NULL);

      self->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family (self->fonts[i], family);
      pango_font_description_set_absolute_size (self->fonts[i], styles[i].size * PANGO_SCALE);
      /* Semibold, not bold: fontconfig would embolden a face with no bold
       * (most CJK faces), and cairo embeds emboldened glyphs in PDFs as
       * Type 3 bitmaps. */
      pango_font_description_set_weight (self->fonts[i], styles[i].strong ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL);
    }

  gtm_brand_get_primary (brand, &self->primary);
  gtm_brand_get_secondary (brand, &self->secondary);
  gtm_brand_get_accent (brand, &self->accent);
  mix (&self->tint, &self->primary, 0.07);
  readable_on_white (&self->primary_text, &self->primary);
  readable_on_white (&self->secondary_text, &self->secondary);
  readable_on_white (&self->accent_text, &self->accent);

  if (logo != NULL)
    {
      self->logo = gtm_render_decode_png (GTM_NODE (brand), logo);
      if (self->logo != NULL)
        {
          double w, h, fit;

          picture_size (self->logo, &w, &h);
          fit = MIN (LOGO_WIDTH / w, LOGO_HEIGHT / h);
          check_resolution (self, GTM_NODE (brand), "logo", _("Logo"), logo, w * fit, h * fit);
        }
    }

  self->product = g_strdup (!is_blank (gtm_project_get_product_name (project))
                            ? gtm_project_get_product_name (project)
                            : gtm_project_get_title (project));

  self->x = self->margin;
  self->width = MAX (1, self->page_width - 2 * self->margin);
  self->top = self->y = self->margin;
  self->bottom = MAX (self->top + 1, self->page_height - self->margin - FOOT);
}

static void
tear_down (GtmSheet *self)
{
  self->project = NULL;
  g_clear_object (&self->context);
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_clear_pointer (&self->product, g_free);
  g_clear_pointer (&self->title, g_free);
  self->page = NULL;
}

/**
 * gtm_sheet_new:
 *
 * Lays @kind out for @project, reading everything it shows now.
 *
 * Returns: (transfer full): the sheet
 */
GtmSheet *
gtm_sheet_new (GtmProject   *project,
               GtmSheetKind  kind,
               GtmNode      *subject,
               const char   *asset,
               double        page_width,
               double        page_height,
               double        margin)
{
  GtmSheet *self;

  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (kind != GTM_SHEET_PERSONA || GTM_IS_PERSONA (subject), NULL);
  g_return_val_if_fail (kind != GTM_SHEET_BATTLECARD || GTM_IS_COMPETITOR (subject), NULL);
  g_return_val_if_fail (page_width > 0 && page_height > 0, NULL);

  self = g_new0 (GtmSheet, 1);
  self->kind = kind;
  self->asset = g_strdup (asset);
  self->page_width = page_width;
  self->page_height = page_height;
  /* A margin that leaves no page is cut down to a quarter of it. */
  self->margin = CLAMP (margin, 0, MIN (page_width, page_height) / 4);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) gtm_finding_free);
  self->reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  set_up (self, project);
  self->fixed = kind == GTM_SHEET_ONE_PAGER || kind == GTM_SHEET_PERSONA || kind == GTM_SHEET_BATTLECARD;
  start_page (self);

  switch (kind)
    {
    case GTM_SHEET_ONE_PAGER:
      self->title = g_strdup (_("One-pager"));
      layout_one_pager (self);
      break;
    case GTM_SHEET_PERSONA:
      self->title = g_strdup_printf (_("Persona: %s"), gtm_persona_get_name (GTM_PERSONA (subject)));
      layout_persona (self, GTM_PERSONA (subject));
      break;
    case GTM_SHEET_BATTLECARD:
      self->title = g_strdup_printf (_("Battlecard: %s"), gtm_competitor_get_name (GTM_COMPETITOR (subject)));
      layout_battlecard (self, GTM_COMPETITOR (subject));
      break;
    case GTM_SHEET_MESSAGING_DOC:
      self->title = g_strdup (_("Messaging strategy document"));
      layout_messaging_doc (self);
      break;
    case GTM_SHEET_PRICING:
      self->title = g_strdup (_("Pricing sheet"));
      layout_pricing (self);
      break;
    case GTM_SHEET_LAUNCH_TIMELINE:
      self->title = g_strdup (_("Launch timeline"));
      layout_launch_timeline (self);
      break;
    default:
      g_assert_not_reached ();
    }

  add_heads_and_feet (self, !self->fixed);
  tear_down (self);

  return self;
}

void
gtm_sheet_free (GtmSheet *self)
{
  if (self == NULL)
    return;

  g_free (self->asset);
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->findings);
  g_hash_table_unref (self->reported);
  g_free (self);
}

guint
gtm_sheet_get_n_pages (GtmSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

GPtrArray *
gtm_sheet_get_findings (GtmSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->findings;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  if (radius <= 0)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
set_source (cairo_t        *cr,
            const GtmColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
draw_picture (cairo_t     *cr,
              const Piece *piece)
{
  double pw, ph, fit;

  picture_size (piece->picture, &pw, &ph);
  if (pw <= 0 || ph <= 0)
    return;

  fit = MIN (piece->width / pw, piece->height / ph);
  cairo_save (cr);
  cairo_translate (cr, piece->x + (piece->width - pw * fit) / 2, piece->y + (piece->height - ph * fit) / 2);
  cairo_scale (cr, fit, fit);
  cairo_set_source_surface (cr, piece->picture, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  if (piece->radius > 0)
    {
      cairo_arc (cr, pw / 2, ph / 2, MIN (pw, ph) / 2, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else
    cairo_paint (cr);
  cairo_restore (cr);
}

void
gtm_sheet_draw_page (GtmSheet *self,
                     guint     page,
                     cairo_t  *cr)
{
  GArray *pieces;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);

      switch (piece->kind)
        {
        case PIECE_TEXT:
          cairo_move_to (cr, piece->x, piece->y);
          set_source (cr, &piece->color);
          pango_cairo_show_layout (cr, piece->layout);
          break;

        case PIECE_FILL:
          rounded_rectangle (cr, piece->x, piece->y, piece->width, piece->height, piece->radius);
          set_source (cr, &piece->color);
          cairo_fill (cr);
          break;

        case PIECE_LINE:
          cairo_move_to (cr, piece->x, piece->y);
          cairo_line_to (cr, piece->x + piece->width, piece->y + piece->height);
          cairo_set_line_width (cr, piece->line_width);
          if (piece->dashed)
            {
              double dashes[] = { 3, 2 };

              cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
            }
          set_source (cr, &piece->color);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          break;

        case PIECE_DIAMOND:
          cairo_move_to (cr, piece->x + piece->width / 2, piece->y);
          cairo_line_to (cr, piece->x + piece->width, piece->y + piece->height / 2);
          cairo_line_to (cr, piece->x + piece->width / 2, piece->y + piece->height);
          cairo_line_to (cr, piece->x, piece->y + piece->height / 2);
          cairo_close_path (cr);
          set_source (cr, &piece->color);
          cairo_fill (cr);
          break;

        case PIECE_PICTURE:
          draw_picture (cr, piece);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  cairo_restore (cr);
}
