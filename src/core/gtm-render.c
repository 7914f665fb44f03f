/* gtm-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-render"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "gtm-render.h"
#include "gtm-color.h"
#include "gtm-connector.h"
#include "gtm-frame.h"
#include "gtm-image.h"
#include "gtm-link.h"
#include "gtm-note.h"
#include "gtm-persona-card.h"
#include "gtm-project.h"
#include "gtm-shape.h"
#include "gtm-text-box.h"
#include "gtm-trait.h"

/* Latin text in Cantarell (GNOME's face); Chinese in the first CJK face
 * installed, else whatever fontconfig falls back to. */
#define FONT_FAMILY "Cantarell, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif"

/* Level of detail on raster targets: text smaller than LOD_TEXT_PX device
 * pixels becomes grey bars, items smaller than LOD_ITEM_PX plain boxes. */
#define LOD_TEXT_PX       2.0
#define LOD_ITEM_PX       3.0
/* Antialiasing bleeds into the pixels around an edge. */
#define AA_MARGIN         1.0

#define NOTE_RADIUS       4.0
#define NOTE_PADDING      14.0
#define NOTE_STROKE       1.5
#define SHAPE_STROKE      2.0
#define SHAPE_PADDING     10.0
#define SHAPE_RADIUS_MAX  16.0
#define TEXT_BOX_PADDING  6.0
#define TEXT_BOX_RADIUS   6.0
#define TEXT_BOX_STROKE   1.5
#define FRAME_RADIUS      10.0
#define FRAME_STROKE      1.5
#define FRAME_TITLE_GAP   6.0
#define IMAGE_STROKE      1.5
#define CONNECTOR_WIDTH   2.0
#define CONNECTOR_GAP     3.0   /* between a connector's end and the item's outline */
#define ARROW_LENGTH      12.0
#define ARROW_HALF_WIDTH  5.5
#define LABEL_MAX_WIDTH   200.0
#define LABEL_MAX_LINES   3
#define LABEL_PAD_X       6.0
#define LABEL_PAD_Y       3.0
#define LABEL_RADIUS      5.0

/* A persona card: a header band in the avatar's colour, the avatar over
 * its edge, then the persona's text. */
#define CARD_RADIUS        12.0
#define CARD_STROKE        1.0
#define CARD_BROKEN_STROKE 2.0
#define CARD_PADDING       20.0
#define CARD_BAND          64.0   /* the header band in the avatar's colour */
#define CARD_AVATAR        72.0
#define CARD_AVATAR_TOP    26.0
#define CARD_AVATAR_RING   3.0
#define CARD_NAME_SIZE     18.0
#define CARD_META_SIZE     12.5
#define CARD_HEADING_SIZE  11.5
#define CARD_BODY_SIZE     13.0
#define CARD_POLE_SIZE     11.0
#define CARD_HEADING_GAP   4.0    /* below a heading */
#define CARD_SECTION_GAP   14.0   /* between sections */
#define CARD_TRACK         4.0    /* a personality slider's track */
#define CARD_KNOB          5.5    /* its dot's radius */
#define CARD_MAX_BULLETS   3

/* A note's shadow: the note's outline moved down by SHADOW_OFFSET, its edge
 * fading out over 2 × SHADOW_BLUR (a smoothstep, close to a Gaussian blur),
 * drawn with gradients so that it stays smooth at any zoom and only the rim
 * that shows around the note is painted. A faint contact shadow hugs the
 * note's bottom edge. */
#define SHADOW_OFFSET     3.0
#define SHADOW_BLUR       6.0
#define SHADOW_RADIUS     6.0   /* of the shadow's corners; at least SHADOW_BLUR */
#define SHADOW_ALPHA      0.17
#define SHADOW_LAYERS     6     /* on vector targets */
#define CONTACT_OFFSET    1.0
#define CONTACT_ALPHA     0.10

typedef struct
{
  GtmBoard        *board;
  cairo_t         *cr;
  double           scale;   /* device pixels per board unit */
  gboolean         vector;  /* a vector target: never simplify */
  gboolean         no_text; /* GTM_RENDER_NO_TEXT */
  gboolean         underline_links; /* not GTM_RENDER_EXPORT */
  GtmColor         label_background;
  cairo_pattern_t *shadow_edge;    /* made on first use */
  cairo_pattern_t *shadow_corner;
} RenderContext;


/* Colours */

/* FALSE for "none" and for what is not a colour, so callers skip drawing. */
static gboolean
parse_color (const char *text,
             GtmColor   *color)
{
  if (!gtm_color_parse (text, color))
    {
      *color = (GtmColor) { 0, 0, 0, 0 };
      return FALSE;
    }

  return color->alpha > 0;
}

static void
set_source_color (cairo_t        *cr,
                  const GtmColor *color,
                  double          alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}


/* Text: one Pango context per thread, one cached layout per item */

typedef struct
{
  PangoContext         *context;
  PangoFontDescription *font;
} TextState;

static void
text_state_free (gpointer data)
{
  TextState *state = data;

  g_clear_object (&state->context);
  g_clear_pointer (&state->font, pango_font_description_free);
  g_free (state);
}

static GPrivate text_state_key = G_PRIVATE_INIT (text_state_free);

/* Layouts are made in board units by a context of our own rather than the
 * target's: with unhinted metrics and unrounded positions they do not
 * depend on the zoom or on the target, so text wraps the same way on screen,
 * in PNG and in PDF, and a layout stays valid across frames. */
static TextState *
get_text_state (void)
{
  TextState *state = g_private_get (&text_state_key);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options;

  if (state != NULL && pango_context_get_font_map (state->context) == font_map)
    return state;

  if (state == NULL)
    {
      state = g_new0 (TextState, 1);
      state->font = pango_font_description_new ();
      pango_font_description_set_family_static (state->font, FONT_FAMILY);
      g_private_set (&text_state_key, state);
    }

  g_clear_object (&state->context);
  state->context = pango_font_map_create_context (font_map);

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (state->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (state->context, FALSE);

  return state;
}

typedef struct
{
  PangoContext   *context;
  PangoLayout    *layout;
  char           *text;
  double          font_size;
  int             width;   /* Pango units */
  int             height;  /* Pango units, or minus the number of lines */
  PangoAlignment  alignment;
  gboolean        bold;
  PangoRectangle  ink;     /* Pango units, from the layout's origin */
  PangoRectangle  logical;
  guint64         links;   /* the project's link generation, for text with links */
  gboolean        underline_links;
  gboolean        cut;     /* the layout shows less than the text: it ends in "…" */
} TextCache;

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_clear_object (&cache->layout);
  g_clear_object (&cache->context);
  g_free (cache->text);
  g_free (cache);
}

static GQuark
text_cache_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("gtm-render-text");

  return quark;
}

static PangoAlignment
pango_alignment (GtmAlign align)
{
  switch (align)
    {
    case GTM_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case GTM_ALIGN_END:
      return PANGO_ALIGN_RIGHT;
    case GTM_ALIGN_START:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

static gboolean
only_spaces (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

/* Pango ellipsizes a paragraph cut by the height limit, but leaves out
 * whole paragraphs below it silently. Show that there is more by ending the
 * last line shown with an ellipsis, which Pango then fits like its own.
 * Returns whether the layout shows less than @text. */
static gboolean
mark_cut_paragraphs (PangoLayout *layout,
                     const char  *text)
{
  PangoLayoutLine *last;
  g_autofree char *head = NULL;
  g_autofree char *shown = NULL;
  int end;

  if (pango_layout_is_ellipsized (layout))
    return TRUE;

  last = pango_layout_get_line_readonly (layout, pango_layout_get_line_count (layout) - 1);
  end = last->start_index + last->length;
  if (only_spaces (text + end))
    return FALSE;

  head = g_strndup (text, end);
  shown = g_strconcat (head, "\u2026", NULL);
  pango_layout_set_text (layout, shown, -1);
  return TRUE;
}

/* The layout of @item's text wrapped at @width board units, @height as in
 * pango_layout_set_height() (Pango units, or minus a number of lines). It
 * is remade only when the text, its style or the constraints change. */
/* The link generation of @item's project when its text holds a linked
 * field, else 0: linked values change without the item changing. */
static guint64
text_links (GtmItem    *item,
            const char *text)
{
  GtmNode *root;

  if (text == NULL || strstr (text, "{{") == NULL)
    return 0;

  root = gtm_node_get_root (GTM_NODE (item));
  return GTM_IS_PROJECT (root) ? gtm_link_get_generation (GTM_PROJECT (root)) + 1 : 0;
}

/* Sets @text on @layout, its linked fields resolved: broken ones in red,
 * and when @underline_links, linked values underlined in blue, broken ones
 * with a red wavy line. Returns whether the layout shows less than the
 * text. */
static gboolean
set_layout_text (PangoLayout *layout,
                 GtmItem     *item,
                 const char  *text,
                 gboolean     underline_links)
{
  g_autofree GtmLinkSpan *spans = NULL;
  g_autofree char *shown = NULL;
  PangoAttrList *attrs;
  guint n_spans = 0;

  if (strstr (text, "{{") == NULL)
    {
      pango_layout_set_attributes (layout, NULL);
      pango_layout_set_text (layout, text, -1);
      return mark_cut_paragraphs (layout, text);
    }

  shown = gtm_link_resolve (GTM_NODE (item), text, &spans, &n_spans);
  attrs = pango_attr_list_new ();
  for (guint i = 0; i < n_spans; i++)
    {
      PangoAttribute *attr;

      if (spans[i].broken)
        {
          attr = pango_attr_foreground_new (0xc0 * 257, 0x1c * 257, 0x28 * 257);
          attr->start_index = spans[i].start;
          attr->end_index = spans[i].end;
          pango_attr_list_insert (attrs, attr);
        }

      if (!underline_links)
        continue;

      attr = pango_attr_underline_new (spans[i].broken ? PANGO_UNDERLINE_ERROR : PANGO_UNDERLINE_SINGLE);
      attr->start_index = spans[i].start;
      attr->end_index = spans[i].end;
      pango_attr_list_insert (attrs, attr);

      attr = spans[i].broken ? pango_attr_underline_color_new (0xc0 * 257, 0x1c * 257, 0x28 * 257)
                             : pango_attr_underline_color_new (0x1c * 257, 0x71 * 257, 0xd8 * 257);
      attr->start_index = spans[i].start;
      attr->end_index = spans[i].end;
      pango_attr_list_insert (attrs, attr);
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (layout, shown, -1);
  return mark_cut_paragraphs (layout, shown);
}

static TextCache *
get_text (GtmItem  *item,
          double    width,
          int       height,
          gboolean  underline_links)
{
  TextState *state = get_text_state ();
  const char *text = gtm_item_get_text (item);
  guint64 links = text_links (item, text);
  double font_size = gtm_item_get_font_size (item);
  gboolean bold = gtm_item_get_bold (item);
  PangoAlignment alignment = pango_alignment (gtm_item_get_align (item));
  int pango_width = MAX (1, (int) floor (width * PANGO_SCALE));
  TextCache *cache = g_object_get_qdata (G_OBJECT (item), text_cache_quark ());

  if (cache != NULL &&
      cache->context == state->context &&
      cache->width == pango_width &&
      cache->height == height &&
      cache->font_size == font_size &&
      cache->bold == bold &&
      cache->alignment == alignment &&
      cache->links == links &&
      cache->underline_links == underline_links &&
      g_strcmp0 (cache->text, text) == 0)
    return cache;

  if (cache == NULL || cache->context != state->context)
    {
      cache = g_new0 (TextCache, 1);
      cache->context = g_object_ref (state->context);
      cache->layout = pango_layout_new (state->context);
      /* Chinese has no spaces: break between any characters when a word
       * does not fit. */
      pango_layout_set_wrap (cache->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (cache->layout, PANGO_ELLIPSIZE_END);
      g_object_set_qdata_full (G_OBJECT (item), text_cache_quark (), cache, text_cache_free);
    }

  cache->font_size = font_size;
  cache->bold = bold;
  cache->width = pango_width;
  cache->height = height;
  cache->alignment = alignment;
  cache->links = links;
  cache->underline_links = underline_links;
  g_free (cache->text);
  cache->text = g_strdup (text);

  pango_font_description_set_absolute_size (state->font, font_size * PANGO_SCALE);
  pango_font_description_set_weight (state->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (cache->layout, state->font);
  pango_layout_set_width (cache->layout, pango_width);
  pango_layout_set_height (cache->layout, height);
  pango_layout_set_alignment (cache->layout, alignment);
  cache->cut = set_layout_text (cache->layout, item, cache->text, underline_links);
  pango_layout_get_extents (cache->layout, &cache->ink, &cache->logical);

  return cache;
}

static gboolean
has_text (GtmItem *item)
{
  const char *text = gtm_item_get_text (item);

  return text != NULL && text[0] != '\0';
}

/* Where a block of text of @height sits in @area: @valign 0 is the top, 0.5
 * the middle. Text taller than the area starts at its top. */
/* Whether the text of @item is drawn. */
static gboolean
draws_text (RenderContext *ctx,
            GtmItem       *item)
{
  return !ctx->no_text && has_text (item);
}

static double
text_top (const GtmRect *area,
          double         height,
          double         valign)
{
  return area->y + MAX (0.0, (area->height - height) * valign);
}

/* Far away, text is unreadable and costly: draw a grey bar for each line it
 * would roughly take instead. The estimate counts wide (CJK) characters as
 * one em and others as about half. */
static void
draw_text_bars (RenderContext  *ctx,
                GtmItem        *item,
                const GtmRect  *area,
                double          valign,
                const GtmColor *color)
{
  const char *text = gtm_item_get_text (item);
  double font_size = gtm_item_get_font_size (item);
  GtmAlign align = gtm_item_get_align (item);
  double line_height = font_size * 1.3;
  double bar_height = font_size * 0.55;
  guint max_lines = MAX (1, (guint) floor (area->height / line_height));
  double widths[64];
  guint n_lines = 0;
  const char *p = text;
  double y;

  max_lines = MIN (max_lines, G_N_ELEMENTS (widths));

  if (area->width <= 0 || bar_height * ctx->scale < 0.25)
    return;

  while (*p != '\0' && n_lines < max_lines)
    {
      double width = 0;

      for (; *p != '\0' && *p != '\n'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_iswide (c))
            width += font_size;
          else if (g_unichar_isspace (c))
            width += font_size * 0.3;
          else
            width += font_size * 0.55;
        }
      if (*p == '\n')
        p++;

      if (width == 0)
        widths[n_lines++] = 0;
      while (width > 0 && n_lines < max_lines)
        {
          widths[n_lines++] = MIN (width, area->width);
          width -= area->width;
        }
    }

  y = text_top (area, n_lines * line_height, valign) + (line_height - bar_height) / 2;
  for (guint i = 0; i < n_lines; i++, y += line_height)
    {
      double x = area->x;

      if (widths[i] <= 0)
        continue;
      if (align == GTM_ALIGN_CENTER)
        x += (area->width - widths[i]) / 2;
      else if (align == GTM_ALIGN_END)
        x += area->width - widths[i];
      cairo_rectangle (ctx->cr, x, y, widths[i], bar_height);
    }

  set_source_color (ctx->cr, color, 0.35);
  cairo_fill (ctx->cr);
}

/* Text boxes read from the top; notes and shapes centre their text. */
static double
box_text_valign (GtmItem *item)
{
  return GTM_IS_NOTE (item) || GTM_IS_SHAPE (item) ? 0.5 : 0.0;
}

/* The layout of a box's text (a note's, a shape's, a text box's) wrapped
 * inside @area, and where its top goes; sets @clip when its ink would
 * spill out of @box, so that it is drawn clipped to @area. */
static TextCache *
place_box_text (GtmItem       *item,
                const GtmRect *area,
                const GtmRect *box,
                gboolean       underline_links,
                double        *top,
                gboolean      *clip)
{
  TextCache *text = get_text (item, area->width, (int) floor (area->height * PANGO_SCALE),
                              underline_links);
  double ink_x1, ink_y1, ink_x2, ink_y2;

  *top = text_top (area, (double) text->logical.height / PANGO_SCALE, box_text_valign (item));

  ink_x1 = area->x + (double) text->ink.x / PANGO_SCALE;
  ink_y1 = *top + (double) text->ink.y / PANGO_SCALE;
  ink_x2 = ink_x1 + (double) text->ink.width / PANGO_SCALE;
  ink_y2 = ink_y1 + (double) text->ink.height / PANGO_SCALE;
  *clip = ink_x1 < box->x || ink_y1 < box->y ||
          ink_x2 > box->x + box->width || ink_y2 > box->y + box->height;

  return text;
}

/* Draws @item's text wrapped inside @area, clipped to @box if it would
 * spill out of it. */
static void
draw_box_text (RenderContext *ctx,
               GtmItem       *item,
               const GtmRect *area,
               const GtmRect *box)
{
  cairo_t *cr = ctx->cr;
  GtmColor color;
  TextCache *text;
  double top;
  gboolean clip;

  if (!draws_text (ctx, item) || area->width < 1 || area->height < 1 ||
      !parse_color (gtm_item_get_text_color (item), &color))
    return;

  if (!ctx->vector && gtm_item_get_font_size (item) * ctx->scale < LOD_TEXT_PX)
    {
      draw_text_bars (ctx, item, area, box_text_valign (item), &color);
      return;
    }

  text = place_box_text (item, area, box, ctx->underline_links, &top, &clip);

  if (clip)
    {
      cairo_save (cr);
      cairo_rectangle (cr, area->x, area->y, area->width, area->height);
      cairo_clip (cr);
    }

  set_source_color (cr, &color, 1.0);
  cairo_move_to (cr, area->x, top);
  pango_cairo_show_layout (cr, text->layout);

  if (clip)
    cairo_restore (cr);
}


/* Paths */

/* Corners rounded by about a device pixel are not worth the curves:
 * rectangles are much faster for cairo to fill. */
static void
rounded_rectangle (RenderContext *ctx,
                   double         x,
                   double         y,
                   double         width,
                   double         height,
                   double         radius)
{
  cairo_t *cr = ctx->cr;

  radius = MIN (radius, MIN (width, height) / 2);

  if (radius <= 0 || (!ctx->vector && radius * ctx->scale < 1.5))
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
item_box (GtmItem *item,
          GtmRect *box)
{
  box->x = gtm_item_get_x (item);
  box->y = gtm_item_get_y (item);
  box->width = gtm_item_get_width (item);
  box->height = gtm_item_get_height (item);
}

static double
shape_radius (const GtmRect *box)
{
  return MIN (SHAPE_RADIUS_MAX, MIN (box->width, box->height) * 0.2);
}

double
gtm_render_shape_radius (const GtmRect *box)
{
  g_return_val_if_fail (box != NULL, 0);

  return MAX (0, shape_radius (box));
}

/* The corner radius of an item's outline, for connectors to end on it. */
static double
item_radius (GtmItem       *item,
             const GtmRect *box)
{
  if (GTM_IS_NOTE (item))
    return NOTE_RADIUS;
  if (GTM_IS_FRAME (item))
    return FRAME_RADIUS;
  if (GTM_IS_TEXT_BOX (item))
    return TEXT_BOX_RADIUS;
  if (GTM_IS_PERSONA_CARD (item))
    return CARD_RADIUS;
  if (GTM_IS_SHAPE (item) && gtm_shape_get_shape (GTM_SHAPE (item)) == GTM_SHAPE_ROUNDED_RECTANGLE)
    return shape_radius (box);

  return 0;
}

/* The outline of a shape, grown outwards by @grow (inwards if negative). */
static void
shape_path (RenderContext *ctx,
            GtmShapeKind   kind,
            const GtmRect *box,
            double         grow)
{
  cairo_t *cr = ctx->cr;
  double x = box->x - grow;
  double y = box->y - grow;
  double width = MAX (0, box->width + 2 * grow);
  double height = MAX (0, box->height + 2 * grow);

  switch (kind)
    {
    case GTM_SHAPE_ROUNDED_RECTANGLE:
      rounded_rectangle (ctx, x, y, width, height, MAX (0, shape_radius (box) + grow));
      break;

    case GTM_SHAPE_ELLIPSE:
      if (width <= 0 || height <= 0)
        break;
      cairo_save (cr);
      cairo_translate (cr, x + width / 2, y + height / 2);
      cairo_scale (cr, width / 2, height / 2);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      break;

    case GTM_SHAPE_DIAMOND:
      g_assert (grow == 0);
      cairo_move_to (cr, x + width / 2, y);
      cairo_line_to (cr, x + width, y + height / 2);
      cairo_line_to (cr, x + width / 2, y + height);
      cairo_line_to (cr, x, y + height / 2);
      cairo_close_path (cr);
      break;

    case GTM_SHAPE_RECTANGLE:
    default:
      cairo_rectangle (cr, x, y, width, height);
      break;
    }
}

static void
inset (GtmRect       *out,
       const GtmRect *in,
       double         dx,
       double         dy)
{
  out->x = in->x + dx;
  out->y = in->y + dy;
  out->width = MAX (0, in->width - 2 * dx);
  out->height = MAX (0, in->height - 2 * dy);
}

static void
rect_union (GtmRect       *a,
            const GtmRect *b)
{
  double x1, y1, x2, y2;

  if (b->width <= 0 || b->height <= 0)
    return;
  if (a->width <= 0 || a->height <= 0)
    {
      *a = *b;
      return;
    }

  x1 = MIN (a->x, b->x);
  y1 = MIN (a->y, b->y);
  x2 = MAX (a->x + a->width, b->x + b->width);
  y2 = MAX (a->y + a->height, b->y + b->height);
  *a = (GtmRect) { x1, y1, x2 - x1, y2 - y1 };
}


/* Text areas */

static void
note_text_area (const GtmRect *box,
                GtmRect       *area)
{
  double padding = MIN (NOTE_PADDING, MIN (box->width, box->height) * 0.1);

  inset (area, box, padding, padding);
}

static void
shape_text_area (GtmShapeKind   kind,
                 const GtmRect *box,
                 GtmRect       *area)
{
  GtmRect inner;

  /* The largest box of the same proportions inside the outline. */
  switch (kind)
    {
    case GTM_SHAPE_ELLIPSE:
      inset (&inner, box, box->width * (1 - M_SQRT1_2) / 2, box->height * (1 - M_SQRT1_2) / 2);
      break;
    case GTM_SHAPE_DIAMOND:
      inset (&inner, box, box->width / 4, box->height / 4);
      break;
    case GTM_SHAPE_ROUNDED_RECTANGLE:
    case GTM_SHAPE_RECTANGLE:
    default:
      inner = *box;
      break;
    }

  inset (area, &inner,
         MIN (SHAPE_PADDING, inner.width * 0.1),
         MIN (SHAPE_PADDING, inner.height * 0.1));
}

static void
text_box_text_area (const GtmRect *box,
                    GtmRect       *area)
{
  double padding = MIN (TEXT_BOX_PADDING, MIN (box->width, box->height) * 0.1);

  inset (area, box, padding, padding);
}

/* The title sits just above the frame, as wide as the frame, one line. */
static TextCache *
frame_title (GtmItem       *item,
             const GtmRect *box,
             gboolean       underline_links,
             GtmRect       *area)
{
  TextCache *text = get_text (item, box->width, -1, underline_links);
  double height = (double) text->logical.height / PANGO_SCALE;

  *area = (GtmRect) { box->x, box->y - FRAME_TITLE_GAP - height, box->width, height };

  return text;
}


/* Connectors */

/* Distance from the centre of @box to its outline in the direction of the
 * unit vector (ux, uy). */
static double
outline_distance (GtmItem       *item,
                  const GtmRect *box,
                  double         ux,
                  double         uy)
{
  double hw = box->width / 2;
  double hh = box->height / 2;
  double ax = fabs (ux);
  double ay = fabs (uy);
  double radius, t, cx, cy, dot, disc;

  if (GTM_IS_SHAPE (item))
    {
      GtmShapeKind kind = gtm_shape_get_shape (GTM_SHAPE (item));

      if (kind == GTM_SHAPE_ELLIPSE)
        return 1.0 / sqrt ((ax / hw) * (ax / hw) + (ay / hh) * (ay / hh));
      if (kind == GTM_SHAPE_DIAMOND)
        return 1.0 / (ax / hw + ay / hh);
    }

  t = MIN (ax > 1e-9 ? hw / ax : G_MAXDOUBLE, ay > 1e-9 ? hh / ay : G_MAXDOUBLE);

  /* On a rounded corner, meet the corner's circle instead. */
  radius = MIN (item_radius (item, box), MIN (hw, hh));
  if (radius <= 0 || t * ax <= hw - radius || t * ay <= hh - radius)
    return t;

  cx = hw - radius;
  cy = hh - radius;
  dot = ax * cx + ay * cy;
  disc = dot * dot - (cx * cx + cy * cy - radius * radius);

  return disc > 0 ? dot + sqrt (disc) : t;
}

typedef struct
{
  double x1, y1;  /* at the source's outline */
  double x2, y2;  /* at the target's outline */
  double ux, uy;  /* unit vector from source to target */
} ConnectorPath;

/* The straight line between the centres of the joined items, cut at their
 * outlines. FALSE when there is nothing to draw: an end is missing, or the
 * items overlap so that no line remains between them. */
static gboolean
connector_path (GtmBoard      *board,
                GtmConnector  *connector,
                ConnectorPath *path)
{
  GtmItem *source = gtm_board_lookup_item (board, gtm_connector_get_source (connector));
  GtmItem *target = gtm_board_lookup_item (board, gtm_connector_get_target (connector));
  GtmRect sbox, tbox;
  double sx, sy, tx, ty, length, start, end;

  if (source == NULL || target == NULL || source == target ||
      GTM_IS_CONNECTOR (source) || GTM_IS_CONNECTOR (target))
    return FALSE;

  item_box (source, &sbox);
  item_box (target, &tbox);
  sx = sbox.x + sbox.width / 2;
  sy = sbox.y + sbox.height / 2;
  tx = tbox.x + tbox.width / 2;
  ty = tbox.y + tbox.height / 2;

  length = hypot (tx - sx, ty - sy);
  if (length < 1e-6)
    return FALSE;

  path->ux = (tx - sx) / length;
  path->uy = (ty - sy) / length;

  start = outline_distance (source, &sbox, path->ux, path->uy) + CONNECTOR_GAP;
  end = length - outline_distance (target, &tbox, -path->ux, -path->uy) - CONNECTOR_GAP;
  if (end - start < 1.0)
    return FALSE;

  path->x1 = sx + path->ux * start;
  path->y1 = sy + path->uy * start;
  path->x2 = sx + path->ux * end;
  path->y2 = sy + path->uy * end;

  return TRUE;
}

gboolean
gtm_render_connector_line (GtmBoard     *board,
                           GtmConnector *connector,
                           double       *x1,
                           double       *y1,
                           double       *x2,
                           double       *y2)
{
  ConnectorPath path;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (GTM_IS_CONNECTOR (connector), FALSE);
  g_return_val_if_fail (x1 != NULL && y1 != NULL && x2 != NULL && y2 != NULL, FALSE);

  if (!connector_path (board, connector, &path))
    return FALSE;

  *x1 = path.x1;
  *y1 = path.y1;
  *x2 = path.x2;
  *y2 = path.y2;

  return TRUE;
}

/* The label's text and the rectangle of its background pill. */
static TextCache *
connector_label (GtmItem             *item,
                 const ConnectorPath *path,
                 gboolean             underline_links,
                 GtmRect             *pill)
{
  TextCache *text = get_text (item, LABEL_MAX_WIDTH, -LABEL_MAX_LINES, underline_links);
  double width = (double) text->logical.width / PANGO_SCALE + 2 * LABEL_PAD_X;
  double height = (double) text->logical.height / PANGO_SCALE + 2 * LABEL_PAD_Y;

  pill->x = (path->x1 + path->x2) / 2 - width / 2;
  pill->y = (path->y1 + path->y2) / 2 - height / 2;
  pill->width = width;
  pill->height = height;

  return text;
}

static void
connector_bounds (GtmBoard *board,
                  GtmItem  *item,
                  GtmRect  *bounds)
{
  ConnectorPath path;
  double pad = MAX (ARROW_HALF_WIDTH, CONNECTOR_WIDTH / 2) + AA_MARGIN;

  *bounds = (GtmRect) { 0, 0, 0, 0 };

  if (!connector_path (board, GTM_CONNECTOR (item), &path))
    return;

  /* On a line shorter than an arrowhead, the head reaches back past the
   * line's other end. */
  if ((gtm_connector_get_arrow_start (GTM_CONNECTOR (item)) ||
       gtm_connector_get_arrow_end (GTM_CONNECTOR (item))) &&
      hypot (path.x2 - path.x1, path.y2 - path.y1) < ARROW_LENGTH)
    pad = ARROW_LENGTH + ARROW_HALF_WIDTH + AA_MARGIN;

  bounds->x = MIN (path.x1, path.x2) - pad;
  bounds->y = MIN (path.y1, path.y2) - pad;
  bounds->width = fabs (path.x2 - path.x1) + 2 * pad;
  bounds->height = fabs (path.y2 - path.y1) + 2 * pad;

  if (has_text (item))
    {
      GtmRect pill;

      connector_label (item, &path, TRUE, &pill);
      inset (&pill, &pill, -AA_MARGIN, -AA_MARGIN);
      rect_union (bounds, &pill);
    }
}

static void
arrowhead (cairo_t *cr,
           double   tip_x,
           double   tip_y,
           double   ux,
           double   uy)
{
  double bx = tip_x - ux * ARROW_LENGTH;
  double by = tip_y - uy * ARROW_LENGTH;

  cairo_move_to (cr, tip_x, tip_y);
  cairo_line_to (cr, bx - uy * ARROW_HALF_WIDTH, by + ux * ARROW_HALF_WIDTH);
  cairo_line_to (cr, bx + uy * ARROW_HALF_WIDTH, by - ux * ARROW_HALF_WIDTH);
  cairo_close_path (cr);
}

static void
draw_connector (RenderContext *ctx,
                GtmItem       *item)
{
  GtmConnector *connector = GTM_CONNECTOR (item);
  cairo_t *cr = ctx->cr;
  ConnectorPath path;
  GtmColor stroke, text_color;
  gboolean arrow_start, arrow_end;

  if (!connector_path (ctx->board, connector, &path))
    return;

  arrow_start = gtm_connector_get_arrow_start (connector);
  arrow_end = gtm_connector_get_arrow_end (connector);

  if (parse_color (gtm_item_get_stroke (item), &stroke))
    {
      /* Stop the line inside the arrowheads so its end never shows
       * around their tips. */
      double pull = ARROW_LENGTH * 0.6;
      double length = hypot (path.x2 - path.x1, path.y2 - path.y1);
      double from = arrow_start ? MIN (pull, length / 2) : 0;
      double to = length - (arrow_end ? MIN (pull, length / 2) : 0);

      set_source_color (cr, &stroke, 1.0);
      cairo_set_line_width (cr, CONNECTOR_WIDTH);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, path.x1 + path.ux * from, path.y1 + path.uy * from);
      cairo_line_to (cr, path.x1 + path.ux * to, path.y1 + path.uy * to);
      cairo_stroke (cr);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

      if (arrow_start)
        arrowhead (cr, path.x1, path.y1, -path.ux, -path.uy);
      if (arrow_end)
        arrowhead (cr, path.x2, path.y2, path.ux, path.uy);
      if ((arrow_start || arrow_end) && !ctx->vector && ctx->scale < 0.5)
        cairo_fill (cr);
      else if (arrow_start || arrow_end)
        {
          /* Rounds the arrowheads' tips. */
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_set_line_width (cr, 1.0);
          cairo_fill_preserve (cr);
          cairo_stroke (cr);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
        }
    }

  if (draws_text (ctx, item) && parse_color (gtm_item_get_text_color (item), &text_color))
    {
      GtmRect pill, area;
      TextCache *text = connector_label (item, &path, ctx->underline_links, &pill);

      /* A pill of the board's colour keeps the label readable over the
       * line and whatever lies below. */
      rounded_rectangle (ctx, pill.x, pill.y, pill.width, pill.height, LABEL_RADIUS);
      set_source_color (cr, &ctx->label_background, 1.0);
      cairo_fill_preserve (cr);
      if (stroke.alpha > 0)
        {
          set_source_color (cr, &stroke, 0.35);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }
      else
        cairo_new_path (cr);

      inset (&area, &pill, LABEL_PAD_X, LABEL_PAD_Y);
      if (!ctx->vector && gtm_item_get_font_size (item) * ctx->scale < LOD_TEXT_PX)
        {
          draw_text_bars (ctx, item, &area, 0.5, &text_color);
          return;
        }

      set_source_color (cr, &text_color, 1.0);
      cairo_move_to (cr, area.x - (double) text->logical.x / PANGO_SCALE,
                     area.y - (double) text->logical.y / PANGO_SCALE);
      pango_cairo_show_layout (cr, text->layout);
    }
}


/* Images */

typedef struct
{
  GBytes          *bytes;    /* the data the surface was decoded from */
  cairo_surface_t *surface;  /* NULL if it could not be decoded */
  GPtrArray       *reduced;  /* cairo_surface_t*: the picture halved once, twice, … */
} ImageCache;

static void
image_cache_free (gpointer data)
{
  ImageCache *cache = data;

  g_clear_pointer (&cache->bytes, g_bytes_unref);
  g_clear_pointer (&cache->surface, cairo_surface_destroy);
  g_clear_pointer (&cache->reduced, g_ptr_array_unref);
  g_free (cache);
}

static GQuark
image_cache_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("gtm-render-image");

  return quark;
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         position;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *buffer,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->size - reader->position < length)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (buffer, reader->data + reader->position, length);
  reader->position += length;

  return CAIRO_STATUS_SUCCESS;
}

/* The picture in @bytes, or NULL if it cannot be had; @owner is the node
 * it belongs to, for the debug log. */
static cairo_surface_t *
decode_png (GtmNode    *owner,
            GBytes     *bytes,
            const char *mime_type)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  PngReader reader = { 0, };
  char *unique_id;

  /* Size limits first, so that no hostile file reaches the decoder. */
  if (!gtm_image_check_data (bytes, mime_type, NULL, NULL, &error))
    {
      g_debug ("The picture of %s is not drawn: %s", gtm_node_get_id (owner), error->message);
      return NULL;
    }

  reader.data = g_bytes_get_data (bytes, &reader.size);
  surface = cairo_image_surface_create_from_png_stream (read_png, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_debug ("The picture of %s is not drawn: %s", gtm_node_get_id (owner),
               cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  /* The same picture, however often it is drawn and by whichever item,
   * is stored once in a PDF or SVG. */
  unique_id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_UNIQUE_ID,
                               (const unsigned char *) unique_id, strlen (unique_id),
                               g_free, unique_id);

  return surface;
}

/* The decoded image, cached on the item for as long as its data stays the
 * same GBytes (a new picture is a new GBytes). */
static ImageCache *
get_image_cache (GtmImage *image)
{
  GBytes *bytes = gtm_image_get_data (image);
  ImageCache *cache = g_object_get_qdata (G_OBJECT (image), image_cache_quark ());

  if (cache != NULL && cache->bytes == bytes)
    return cache;

  cache = g_new0 (ImageCache, 1);
  cache->bytes = bytes ? g_bytes_ref (bytes) : NULL;
  cache->surface = bytes ? decode_png (GTM_NODE (image), bytes, gtm_image_get_mime_type (image))
                        : NULL;
  cache->reduced = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  g_object_set_qdata_full (G_OBJECT (image), image_cache_quark (), cache, image_cache_free);

  return cache;
}

/* The picture halved @level times. Cairo's good filter costs in
 * proportion to the source pixels: shrinking a 12-megapixel photo to a
 * thumbnail takes tens of milliseconds each frame, while from the level
 * just above the size on screen it is nearly free. Levels are made on
 * first use, each from the one above. */
static cairo_surface_t *
get_image_level (ImageCache *cache,
                 guint       level)
{
  while (cache->reduced->len < level)
    {
      cairo_surface_t *from = cache->reduced->len > 0
        ? g_ptr_array_index (cache->reduced, cache->reduced->len - 1)
        : cache->surface;
      int from_width = cairo_image_surface_get_width (from);
      int from_height = cairo_image_surface_get_height (from);
      int width = MAX (1, (from_width + 1) / 2);
      int height = MAX (1, (from_height + 1) / 2);
      cairo_surface_t *to = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_t *cr = cairo_create (to);

      cairo_scale (cr, (double) width / from_width, (double) height / from_height);
      cairo_set_source_surface (cr, from, 0, 0);
      cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_destroy (cr);

      if (cairo_surface_status (to) != CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_destroy (to);
          break;
        }
      g_ptr_array_add (cache->reduced, to);
    }

  level = MIN (level, cache->reduced->len);

  return level == 0 ? cache->surface : g_ptr_array_index (cache->reduced, level - 1);
}

static void
draw_image_placeholder (cairo_t       *cr,
                        const GtmRect *box)
{
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_set_source_rgb (cr, 0.92, 0.92, 0.93);
  cairo_fill (cr);

  cairo_set_line_width (cr, IMAGE_STROKE);
  cairo_set_source_rgb (cr, 0.60, 0.60, 0.63);
  cairo_rectangle (cr, box->x + IMAGE_STROKE / 2, box->y + IMAGE_STROKE / 2,
                   box->width - IMAGE_STROKE, box->height - IMAGE_STROKE);
  cairo_move_to (cr, box->x, box->y);
  cairo_line_to (cr, box->x + box->width, box->y + box->height);
  cairo_move_to (cr, box->x + box->width, box->y);
  cairo_line_to (cr, box->x, box->y + box->height);
  cairo_stroke (cr);
}

static void
draw_image (RenderContext *ctx,
            GtmItem       *item,
            const GtmRect *box)
{
  cairo_t *cr = ctx->cr;
  ImageCache *cache = get_image_cache (GTM_IMAGE (item));
  cairo_surface_t *source;
  GtmColor fill, stroke;
  double iw, ih, fit, width, height, device_width;
  guint level = 0;

  if (parse_color (gtm_item_get_fill (item), &fill))
    {
      cairo_rectangle (cr, box->x, box->y, box->width, box->height);
      set_source_color (cr, &fill, 1.0);
      cairo_fill (cr);
    }

  if (cache->surface == NULL)
    {
      draw_image_placeholder (cr, box);
      return;
    }

  /* Fit the picture into the box, keeping its proportions, centred. */
  iw = cairo_image_surface_get_width (cache->surface);
  ih = cairo_image_surface_get_height (cache->surface);
  fit = MIN (box->width / iw, box->height / ih);
  width = iw * fit;
  height = ih * fit;

  /* On raster targets, start from the smallest level still at least as
   * large as the picture on screen; vector targets get every pixel. */
  device_width = width * ctx->scale;
  if (!ctx->vector)
    for (double w = ceil (iw / 2); w >= device_width && w >= 1 && level < 30; w = ceil (w / 2))
      level++;
  source = get_image_level (cache, level);

  cairo_save (cr);
  cairo_translate (cr, box->x + (box->width - width) / 2, box->y + (box->height - height) / 2);
  cairo_scale (cr,
               width / cairo_image_surface_get_width (source),
               height / cairo_image_surface_get_height (source));
  cairo_set_source_surface (cr, source, 0, 0);
  /* Padding keeps a scaled picture's edges from fading on screen; a PDF
   * or SVG viewer draws the picture itself, and cairo would store a padded
   * copy of it instead, once per use. */
  if (!ctx->vector)
    cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (cr, 0, 0, cairo_image_surface_get_width (source),
                   cairo_image_surface_get_height (source));
  cairo_fill (cr);
  cairo_restore (cr);

  if (parse_color (gtm_item_get_stroke (item), &stroke))
    {
      cairo_rectangle (cr, box->x, box->y, box->width, box->height);
      set_source_color (cr, &stroke, 1.0);
      cairo_set_line_width (cr, IMAGE_STROKE);
      cairo_stroke (cr);
    }
}


/* Boxes */

/* The fade of a shadow's edge, from full at 0 to nothing at 1. */
static cairo_pattern_t *
shadow_pattern (gboolean corner)
{
  static const double fade[] = { 1.0, 0.844, 0.5, 0.156, 0.0 };
  double outer = SHADOW_RADIUS + SHADOW_BLUR;
  cairo_pattern_t *pattern;

  /* A corner's gradient runs from its arc's centre to where the fade
   * ends; an edge's across the fading band. */
  if (corner)
    pattern = cairo_pattern_create_radial (0, 0, 0, 0, 0, 1);
  else
    pattern = cairo_pattern_create_linear (0, 0, 1, 0);

  for (guint i = 0; i < G_N_ELEMENTS (fade); i++)
    {
      double u = i / (G_N_ELEMENTS (fade) - 1.0);
      double offset = corner ? (SHADOW_RADIUS - SHADOW_BLUR + 2 * SHADOW_BLUR * u) / outer : u;

      cairo_pattern_add_color_stop_rgba (pattern, offset, 0, 0, 0, SHADOW_ALPHA * fade[i]);
    }

  return pattern;
}

/* Fills (x, y, width, height) with the edge fade running from (x0, y0),
 * full, to (x1, y1), gone. */
static void
fill_shadow_edge (RenderContext *ctx,
                  double x, double y, double width, double height,
                  double x0, double y0, double x1, double y1)
{
  double vx = x1 - x0, vy = y1 - y0;
  double l2 = vx * vx + vy * vy;
  cairo_matrix_t matrix;

  /* User space to pattern space: u along (x0, y0)→(x1, y1), v across. */
  cairo_matrix_init (&matrix, vx / l2, -vy / l2, vy / l2, vx / l2,
                     -(x0 * vx + y0 * vy) / l2, (x0 * vy - y0 * vx) / l2);
  cairo_pattern_set_matrix (ctx->shadow_edge, &matrix);
  cairo_set_source (ctx->cr, ctx->shadow_edge);
  cairo_rectangle (ctx->cr, x, y, width, height);
  cairo_fill (ctx->cr);
}

/* Fills the square (x, y, size, size) with the corner fade around (cx, cy). */
static void
fill_shadow_corner (RenderContext *ctx,
                    double x, double y, double size,
                    double cx, double cy)
{
  double outer = SHADOW_RADIUS + SHADOW_BLUR;
  cairo_matrix_t matrix;

  cairo_matrix_init (&matrix, 1 / outer, 0, 0, 1 / outer, -cx / outer, -cy / outer);
  cairo_pattern_set_matrix (ctx->shadow_corner, &matrix);
  cairo_set_source (ctx->cr, ctx->shadow_corner);
  cairo_rectangle (ctx->cr, x, y, size, size);
  cairo_fill (ctx->cr);
}

static void
draw_note_shadow (RenderContext *ctx,
                  const GtmRect *box)
{
  cairo_t *cr = ctx->cr;
  double r = SHADOW_RADIUS, e = SHADOW_BLUR, c = SHADOW_RADIUS + SHADOW_BLUR;
  double x = box->x, y = box->y + SHADOW_OFFSET, w = box->width, h = box->height;

  /* Far away the soft shadow is a pixel or two, not worth nine fills: a
   * darker line below the note, a device pixel thick, stands for it. */
  if (!ctx->vector && ctx->scale < 0.35)
    {
      cairo_rectangle (cr, x, box->y + h, w, MIN (1.0 / ctx->scale, SHADOW_OFFSET + SHADOW_BLUR));
      cairo_set_source_rgba (cr, 0, 0, 0, 2 * CONTACT_ALPHA);
      cairo_fill (cr);
      return;
    }

  /* The contact shadow: only the sliver below the note is painted. */
  rounded_rectangle (ctx, box->x, box->y + CONTACT_OFFSET, w, h, NOTE_RADIUS);
  rounded_rectangle (ctx, box->x, box->y, w, h, NOTE_RADIUS);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (cr, 0, 0, 0, CONTACT_ALPHA);
  cairo_fill (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);

  /* A note too small for the shadow's corners has only the contact one. */
  if (MIN (w, h) < 2 * r)
    return;

  /* PDF viewers antialias each piece of a vector picture on its own, which
   * would show the seams between the gradients below: there, stack a few
   * faint outlines growing across the fading band instead. */
  if (ctx->vector)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 1 - pow (1 - SHADOW_ALPHA, 1.0 / SHADOW_LAYERS));
      for (guint i = 0; i < SHADOW_LAYERS; i++)
        {
          double grow = e * ((2.0 * i + 1) / SHADOW_LAYERS - 1);

          rounded_rectangle (ctx, x - grow, y - grow, w + 2 * grow, h + 2 * grow, r + grow);
          cairo_fill (cr);
        }
      return;
    }

  if (ctx->shadow_edge == NULL)
    {
      ctx->shadow_edge = shadow_pattern (FALSE);
      ctx->shadow_corner = shadow_pattern (TRUE);
    }

  /* Four edges, each a band fading outwards; what lies inside them is
   * under the note. */
  fill_shadow_edge (ctx, x + r, y - e, w - 2 * r, 2 * e, 0, y + e, 0, y - e);
  fill_shadow_edge (ctx, x + r, y + h - e, w - 2 * r, 2 * e, 0, y + h - e, 0, y + h + e);
  fill_shadow_edge (ctx, x - e, y + r, 2 * e, h - 2 * r, x + e, 0, x - e, 0);
  fill_shadow_edge (ctx, x + w - e, y + r, 2 * e, h - 2 * r, x + w - e, 0, x + w + e, 0);

  fill_shadow_corner (ctx, x - e, y - e, c, x + r, y + r);
  fill_shadow_corner (ctx, x + w - r, y - e, c, x + w - r, y + r);
  fill_shadow_corner (ctx, x - e, y + h - r, c, x + r, y + h - r);
  fill_shadow_corner (ctx, x + w - r, y + h - r, c, x + w - r, y + h - r);
}

static void
draw_note (RenderContext *ctx,
           GtmItem       *item,
           const GtmRect *box)
{
  cairo_t *cr = ctx->cr;
  GtmColor fill, stroke;
  GtmRect area;

  draw_note_shadow (ctx, box);

  rounded_rectangle (ctx, box->x, box->y, box->width, box->height, NOTE_RADIUS);
  if (parse_color (gtm_item_get_fill (item), &fill))
    {
      set_source_color (cr, &fill, 1.0);
      cairo_fill_preserve (cr);
    }
  if (parse_color (gtm_item_get_stroke (item), &stroke))
    {
      set_source_color (cr, &stroke, 1.0);
      cairo_set_line_width (cr, NOTE_STROKE);
      cairo_stroke_preserve (cr);
    }
  cairo_new_path (cr);

  note_text_area (box, &area);
  draw_box_text (ctx, item, &area, box);
}

static void
draw_shape (RenderContext *ctx,
            GtmItem       *item,
            const GtmRect *box)
{
  cairo_t *cr = ctx->cr;
  GtmShapeKind kind = gtm_shape_get_shape (GTM_SHAPE (item));
  GtmColor fill, stroke;
  GtmRect area;

  parse_color (gtm_item_get_fill (item), &fill);
  parse_color (gtm_item_get_stroke (item), &stroke);

  if (!ctx->vector && fill.alpha == 1.0 && stroke.alpha > 0 && kind != GTM_SHAPE_DIAMOND)
    {
      /* On raster targets an outline is much cheaper as two fills than as
       * a stroke: the shape grown by half the line in the line's colour,
       * then the shape shrunk by half in the fill's. (A diamond's grown
       * outline is not a diamond with the same corners.) */
      shape_path (ctx, kind, box, SHAPE_STROKE / 2);
      set_source_color (cr, &stroke, 1.0);
      cairo_fill (cr);
      shape_path (ctx, kind, box, -SHAPE_STROKE / 2);
      set_source_color (cr, &fill, 1.0);
      cairo_fill (cr);
    }
  else
    {
      shape_path (ctx, kind, box, 0);
      if (fill.alpha > 0)
        {
          set_source_color (cr, &fill, 1.0);
          cairo_fill_preserve (cr);
        }
      if (stroke.alpha > 0)
        {
          set_source_color (cr, &stroke, 1.0);
          cairo_set_line_width (cr, SHAPE_STROKE);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_stroke_preserve (cr);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
        }
      cairo_new_path (cr);
    }

  shape_text_area (kind, box, &area);
  draw_box_text (ctx, item, &area, box);
}

static void
draw_text_box (RenderContext *ctx,
               GtmItem       *item,
               const GtmRect *box)
{
  cairo_t *cr = ctx->cr;
  GtmColor fill, stroke;
  GtmRect area;

  rounded_rectangle (ctx, box->x, box->y, box->width, box->height, TEXT_BOX_RADIUS);
  if (parse_color (gtm_item_get_fill (item), &fill))
    {
      set_source_color (cr, &fill, 1.0);
      cairo_fill_preserve (cr);
    }
  if (parse_color (gtm_item_get_stroke (item), &stroke))
    {
      set_source_color (cr, &stroke, 1.0);
      cairo_set_line_width (cr, TEXT_BOX_STROKE);
      cairo_stroke_preserve (cr);
    }
  cairo_new_path (cr);

  text_box_text_area (box, &area);
  draw_box_text (ctx, item, &area, box);
}

static void
draw_frame (RenderContext *ctx,
            GtmItem       *item,
            const GtmRect *box)
{
  cairo_t *cr = ctx->cr;
  GtmColor fill, stroke, color;

  rounded_rectangle (ctx, box->x, box->y, box->width, box->height, FRAME_RADIUS);
  if (parse_color (gtm_item_get_fill (item), &fill))
    {
      set_source_color (cr, &fill, 1.0);
      cairo_fill_preserve (cr);
    }
  if (parse_color (gtm_item_get_stroke (item), &stroke))
    {
      set_source_color (cr, &stroke, 1.0);
      cairo_set_line_width (cr, FRAME_STROKE);
      cairo_stroke_preserve (cr);
    }
  cairo_new_path (cr);

  if (draws_text (ctx, item) && parse_color (gtm_item_get_text_color (item), &color))
    {
      GtmRect area;
      TextCache *text = frame_title (item, box, ctx->underline_links, &area);

      if (!ctx->vector && gtm_item_get_font_size (item) * ctx->scale < LOD_TEXT_PX)
        {
          draw_text_bars (ctx, item, &area, 0, &color);
          return;
        }

      set_source_color (cr, &color, 1.0);
      cairo_move_to (cr, area.x, area.y);
      pango_cairo_show_layout (cr, text->layout);
    }
}

/* Persona cards */

/* Text colours of the card, GNOME's dark and grey. */
static const GtmColor card_text = { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0, 1 };
static const GtmColor card_muted = { 0x5e / 255.0, 0x5c / 255.0, 0x64 / 255.0, 1 };
static const GtmColor card_track = { 0xde / 255.0, 0xdd / 255.0, 0xda / 255.0, 1 };
static const GtmColor card_broken = { 0xc0 / 255.0, 0x1c / 255.0, 0x28 / 255.0, 1 };

typedef enum
{
  CARD_PIECE_TEXT,
  CARD_PIECE_SLIDER,
} CardPieceKind;

/* One thing drawn on a card, placed relative to the card's corner. */
typedef struct
{
  CardPieceKind  kind;
  PangoLayout   *layout;  /* text */
  GtmColor       color;
  double         x;
  double         y;       /* text: its top; slider: the track's middle */
  double         width;   /* slider */
  double         value;   /* slider: 0 to 1 */
} CardPiece;

/* What a card shows, laid out for its size; remade when the card, its
 * size or anything in the project's content changes (the link generation
 * counts edits of personas). */
typedef struct
{
  PangoContext    *context;
  guint64          links;
  char            *persona_id;
  double           width;
  double           height;
  gboolean         broken;
  gboolean         cut;        /* shows less of the persona than it would */
  GtmColor         avatar_color;
  PangoLayout     *initials;   /* NULL when there is a picture, or when broken */
  GBytes          *avatar;     /* the picture's bytes … */
  cairo_surface_t *picture;    /* … decoded, or NULL */
  GArray          *pieces;     /* CardPiece */
} CardCache;

static void
card_piece_clear (gpointer data)
{
  CardPiece *piece = data;

  g_clear_object (&piece->layout);
}

static void
card_cache_free (gpointer data)
{
  CardCache *cache = data;

  g_clear_object (&cache->context);
  g_free (cache->persona_id);
  g_clear_object (&cache->initials);
  g_clear_pointer (&cache->avatar, g_bytes_unref);
  g_clear_pointer (&cache->picture, cairo_surface_destroy);
  g_array_unref (cache->pieces);
  g_free (cache);
}

static GQuark
card_cache_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("gtm-render-persona-card");

  return quark;
}

/* Up to two initials, as AdwAvatar shows them: the first letters of the
 * first and the last word. A name starting in Chinese shows the last two
 * characters of its first word instead, as Chinese apps do ("张伟 Zhang
 * Wei" shows 张伟, "欧阳娜娜" 娜娜): a mix such as 张W reads as neither. */
static char *
persona_initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name, " \t\n", -1);
  GString *initials = g_string_new (NULL);
  const char *first = NULL;
  const char *last = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        if (first == NULL)
          first = words[i];
        else
          last = words[i];
      }

  if (first != NULL &&
      g_unichar_get_script (g_utf8_get_char (first)) == G_UNICODE_SCRIPT_HAN)
    {
      const char *end = first;
      const char *from = first;

      /* The last two of the Chinese characters the name starts with. */
      while (*end != '\0' && g_unichar_get_script (g_utf8_get_char (end)) == G_UNICODE_SCRIPT_HAN)
        end = g_utf8_next_char (end);
      for (guint n = g_utf8_strlen (first, end - first); n > 2; n--)
        from = g_utf8_next_char (from);
      g_string_append_len (initials, from, end - from);
      return g_string_free (initials, FALSE);
    }

  if (first != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (first)));
  if (last != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (last)));

  return g_string_free (initials, FALSE);
}

/* A layout of @text in the card's face, @width board units wide, at most
 * @max_lines lines (0: any). */
static PangoLayout *
card_layout (const char *text,
             double      size,
             gboolean    bold,
             double      width,
             int         max_lines)
{
  TextState *state = get_text_state ();
  PangoLayout *layout = pango_layout_new (state->context);
  PangoFontDescription *font = pango_font_description_copy_static (state->font);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, MAX (1, (int) floor (width * PANGO_SCALE)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* (Ellipsizing with no height would keep each paragraph to a line.) */
  if (max_lines > 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -max_lines);
    }
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

/* A persona's colour, or the default blue if it can't be read. */
static void
persona_avatar_color (GtmPersona *persona,
                      GtmColor   *color)
{
  if (!parse_color (gtm_persona_get_avatar_color (persona), color))
    *color = (GtmColor) { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1 };
}

/* Initials centred on a circle @diameter wide. */
static PangoLayout *
avatar_initials (GtmPersona *persona,
                 double      diameter)
{
  g_autofree char *initials = persona_initials (gtm_persona_get_name (persona));
  PangoLayout *layout = card_layout (initials, diameter * 0.4, TRUE, diameter, 1);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

static double
first_line_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, 0), NULL, &logical);

  return (double) logical.height / PANGO_SCALE;
}

typedef struct
{
  CardCache *cache;
  double     x;        /* the column's left, relative to the card */
  double     width;
  double     y;        /* where the next piece goes */
  double     bottom;   /* where the column ends */
  gboolean   full;     /* something did not fit: nothing more goes in */
} CardFlow;

static void
flow_add (CardFlow       *flow,
          PangoLayout    *layout,
          const GtmColor *color,
          double          height)
{
  CardPiece piece = { CARD_PIECE_TEXT, layout, *color, flow->x, flow->y, 0, 0 };

  g_array_append_val (flow->cache->pieces, piece);
  flow->y += height;
}

/* Adds a heading and its text below it, cutting the text with an
 * ellipsis at the end of the column. Nothing is added unless the heading
 * and a line of the text fit. */
static void
flow_section (CardFlow   *flow,
              const char *heading,
              const char *text,
              gboolean    bullets)
{
  PangoLayout *title;
  PangoLayout *body;
  double title_height, body_height, room;

  if (flow->full || text == NULL || text[0] == '\0')
    return;

  title = card_layout (heading, CARD_HEADING_SIZE, TRUE, flow->width, 1);
  body = card_layout (text, CARD_BODY_SIZE, FALSE, flow->width, 0);
  if (bullets)
    {
      PangoRectangle bullet;
      PangoTabArray *tabs = pango_tab_array_new (1, FALSE);

      /* Wrapped lines of a bullet line up with its text, after the tab. */
      pango_layout_set_text (body, "\u2022", -1);
      pango_layout_get_extents (body, NULL, &bullet);
      pango_tab_array_set_tab (tabs, 0, PANGO_TAB_LEFT, bullet.width * 2);
      pango_layout_set_tabs (body, tabs);
      pango_tab_array_free (tabs);
      pango_layout_set_indent (body, -bullet.width * 2);
      pango_layout_set_text (body, text, -1);
    }

  title_height = layout_height (title);
  body_height = layout_height (body);
  room = flow->bottom - flow->y - title_height - CARD_HEADING_GAP;

  if (room < first_line_height (body))
    {
      g_object_unref (title);
      g_object_unref (body);
      flow->full = TRUE;
      return;
    }

  if (body_height > room)
    {
      /* Pango ellipsizes the paragraph the height cuts; whole bullets
       * below it are marked as cut the way note text is. */
      pango_layout_set_ellipsize (body, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (body, (int) floor (room * PANGO_SCALE));
      mark_cut_paragraphs (body, text);
      body_height = layout_height (body);
      flow->full = TRUE;
    }

  flow_add (flow, title, &card_muted, title_height + CARD_HEADING_GAP);
  flow_add (flow, body, &card_text, body_height + CARD_SECTION_GAP);
}

/* Up to CARD_MAX_BULLETS non-empty entries of a list field, one bullet a
 * line, or NULL. */
static char *
bullet_list (GtmPersona *persona,
             guint       slot)
{
  const char * const *entries = gtm_node_get_strv (GTM_NODE (persona), slot);
  GString *text;
  guint n = 0;

  if (entries == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; entries[i] != NULL && n < CARD_MAX_BULLETS; i++)
    {
      g_autofree char *entry = g_strstrip (g_strdup (entries[i]));

      if (entry[0] == '\0')
        continue;
      if (n++ > 0)
        g_string_append_c (text, '\n');
      /* One paragraph per bullet: its own line breaks become spaces. */
      g_strdelimit (entry, "\n\r", ' ');
      g_string_append_printf (text, "\u2022\t%s", entry);
    }

  if (n == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

static void
flow_bullets (CardFlow   *flow,
              const char *heading,
              GtmPersona *persona,
              guint       slot)
{
  g_autofree char *text = bullet_list (persona, slot);

  flow_section (flow, heading, text, TRUE);
}

/* The personality sliders: the two poles above a track with a dot at the
 * value. Sliders that do not fit whole are left out. */
static void
flow_personality (CardFlow   *flow,
                  GtmPersona *persona)
{
  GListModel *traits = gtm_persona_get_personality (persona);
  guint n = g_list_model_get_n_items (traits);
  PangoLayout *title;
  double title_height;
  gboolean first = TRUE;

  if (flow->full || n == 0)
    return;

  /* Translators: the heading of a persona's personality sliders on a
   * persona card */
  title = card_layout (_("Personality"), CARD_HEADING_SIZE, TRUE, flow->width, 1);
  title_height = layout_height (title);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmTrait) trait = g_list_model_get_item (traits, i);
      PangoLayout *left = card_layout (gtm_trait_get_left (trait), CARD_POLE_SIZE, FALSE,
                                       flow->width / 2 - 4, 1);
      PangoLayout *right = card_layout (gtm_trait_get_right (trait), CARD_POLE_SIZE, FALSE,
                                        flow->width / 2 - 4, 1);
      double poles = MAX (layout_height (left), layout_height (right));
      double row = poles + 2 * CARD_KNOB + 4;
      double value = (double) (gtm_trait_get_value (trait) - GTM_TRAIT_VALUE_MIN) /
                     (GTM_TRAIT_VALUE_MAX - GTM_TRAIT_VALUE_MIN);
      CardPiece slider = { CARD_PIECE_SLIDER, NULL, card_track, flow->x, 0,
                           flow->width, CLAMP (value, 0, 1) };

      if (flow->y + (first ? title_height + CARD_HEADING_GAP : 0) + row > flow->bottom)
        {
          g_object_unref (left);
          g_object_unref (right);
          flow->full = TRUE;
          break;
        }

      if (first)
        {
          flow_add (flow, g_steal_pointer (&title), &card_muted, title_height + CARD_HEADING_GAP);
          first = FALSE;
        }

      pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
      flow_add (flow, left, &card_muted, 0);
      flow->x += flow->width / 2 + 4;
      flow_add (flow, right, &card_muted, poles);
      flow->x -= flow->width / 2 + 4;

      slider.y = flow->y + CARD_KNOB + 1;
      g_array_append_val (flow->cache->pieces, slider);
      flow->y += row - poles;
    }

  g_clear_object (&title);
  flow->y += CARD_SECTION_GAP;
}

/* A centred message on a broken card. */
static void
lay_out_broken_card (CardCache  *cache,
                     const char *message)
{
  double width = MAX (1, cache->width - 2 * CARD_PADDING);
  PangoLayout *layout = card_layout (message, CARD_BODY_SIZE + 2, TRUE, width, 3);
  double height = layout_height (layout);
  CardPiece piece = { CARD_PIECE_TEXT, layout, card_broken, CARD_PADDING,
                      MAX (0, (cache->height - height) / 2), 0, 0 };

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  g_array_append_val (cache->pieces, piece);
}

static void
lay_out_card (CardCache  *cache,
              GtmPersona *persona)
{
  const char *name = gtm_persona_get_name (persona);
  const char *job_title = gtm_persona_get_job_title (persona);
  const char *kind = gtm_persona_kind_to_label (gtm_persona_get_kind (persona));
  double text_x = CARD_PADDING + CARD_AVATAR + 14;
  CardFlow flow = { cache, text_x, MAX (1, cache->width - text_x - CARD_PADDING),
                    CARD_BAND + 6, cache->height - CARD_PADDING, FALSE };
  g_autofree char *meta = NULL;
  PangoLayout *layout;

  persona_avatar_color (persona, &cache->avatar_color);

  if (cache->avatar != NULL)
    cache->picture = decode_png (GTM_NODE (persona), cache->avatar, "image/png");
  if (cache->picture == NULL)
    cache->initials = avatar_initials (persona, CARD_AVATAR);

  /* Beside the avatar: the name, then the kind and the job title. */
  /* Translators: shown for a persona without a name */
  layout = card_layout (name[0] != '\0' ? name : _("Unnamed Persona"),
                        CARD_NAME_SIZE, TRUE, flow.width, 2);
  flow_add (&flow, layout, &card_text, layout_height (layout) + 2);

  if (job_title != NULL && job_title[0] != '\0')
    /* Translators: a persona's kind and job title, e.g. “Buyer persona · CMO” */
    meta = g_strdup_printf (_("%s · %s"), kind, job_title);
  layout = card_layout (meta ? meta : kind, CARD_META_SIZE, FALSE, flow.width, 2);
  flow_add (&flow, layout, &card_muted, layout_height (layout));

  /* Below, across the card. */
  flow.x = CARD_PADDING;
  flow.width = MAX (1, cache->width - 2 * CARD_PADDING);
  flow.y = MAX (flow.y, CARD_AVATAR_TOP + CARD_AVATAR) + CARD_SECTION_GAP + 4;

  if (gtm_persona_get_kind (persona) == GTM_PERSONA_KIND_BUYER)
    {
      flow_section (&flow, _("Role in the buying group"),
                    gtm_buying_role_to_label (gtm_persona_get_buying_role (persona)), FALSE);
      flow_bullets (&flow, _("Goals"), persona, GTM_PERSONA_SLOT_GOALS);
      flow_bullets (&flow, _("Challenges"), persona, GTM_PERSONA_SLOT_CHALLENGES);
    }
  else
    {
      flow_bullets (&flow, _("Jobs to be done"), persona, GTM_PERSONA_SLOT_JOBS);
      flow_bullets (&flow, _("Pains"), persona, GTM_PERSONA_SLOT_PAINS);
      flow_bullets (&flow, _("Gains"), persona, GTM_PERSONA_SLOT_GAINS);
    }

  flow_personality (&flow, persona);

  /* A section or slider left out, text ending in "…" or running past the
   * card's edges. */
  cache->cut = flow.full;
  for (guint i = 0; i < cache->pieces->len && !cache->cut; i++)
    {
      CardPiece *piece = &g_array_index (cache->pieces, CardPiece, i);
      int width, height;

      if (piece->kind != CARD_PIECE_TEXT)
        continue;
      pango_layout_get_size (piece->layout, &width, &height);
      cache->cut = pango_layout_is_ellipsized (piece->layout) ||
                   piece->x + (double) width / PANGO_SCALE > cache->width ||
                   piece->y + (double) height / PANGO_SCALE > cache->height;
    }
}

static CardCache *
get_card_cache (GtmPersonaCard *card,
                const GtmRect  *box)
{
  TextState *state = get_text_state ();
  GtmNode *root = gtm_node_get_root (GTM_NODE (card));
  guint64 links = GTM_IS_PROJECT (root) ? gtm_link_get_generation (GTM_PROJECT (root)) : 0;
  const char *persona_id = gtm_persona_card_get_persona_id (card);
  CardCache *cache = g_object_get_qdata (G_OBJECT (card), card_cache_quark ());
  GtmPersona *persona;

  if (cache != NULL &&
      cache->context == state->context &&
      cache->links == links &&
      cache->width == box->width &&
      cache->height == box->height &&
      g_strcmp0 (cache->persona_id, persona_id) == 0)
    return cache;

  cache = g_new0 (CardCache, 1);
  cache->context = g_object_ref (state->context);
  cache->links = links;
  cache->persona_id = g_strdup (persona_id);
  cache->width = box->width;
  cache->height = box->height;
  cache->pieces = g_array_new (FALSE, TRUE, sizeof (CardPiece));
  g_array_set_clear_func (cache->pieces, card_piece_clear);

  persona = gtm_persona_card_get_persona (card);
  if (persona != NULL)
    {
      GBytes *avatar = gtm_persona_get_avatar (persona);

      cache->avatar = avatar ? g_bytes_ref (avatar) : NULL;
      lay_out_card (cache, persona);
    }
  else
    {
      cache->broken = TRUE;
      /* Translators: on a persona card whose persona was deleted */
      lay_out_broken_card (cache, persona_id[0] != '\0' ? _("Persona deleted")
      /* Translators: on a persona card that shows no persona */
                                                        : _("No persona"));
    }

  g_object_set_qdata_full (G_OBJECT (card), card_cache_quark (), cache, card_cache_free);

  return cache;
}

/* A persona's avatar, a circle of radius @r around (@cx, @cy): its
 * @picture covering the circle, or its @initials (nullable: left out) on
 * its @color, white or dark to stand out, as AdwAvatar draws them. */
static void
draw_avatar (cairo_t         *cr,
             double           cx,
             double           cy,
             double           r,
             cairo_surface_t *picture,
             const GtmColor  *color,
             PangoLayout     *initials)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);

  if (picture != NULL)
    {
      double iw = cairo_image_surface_get_width (picture);
      double ih = cairo_image_surface_get_height (picture);
      double cover = 2 * r / MIN (iw, ih);

      /* The picture covers the circle, centred, cut to it. */
      cairo_save (cr);
      cairo_clip (cr);
      cairo_translate (cr, cx - iw * cover / 2, cy - ih * cover / 2);
      cairo_scale (cr, cover, cover);
      cairo_set_source_surface (cr, picture, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
      return;
    }

  set_source_color (cr, color, 1.0);
  cairo_fill (cr);

  if (initials != NULL)
    {
      double light = 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;

      /* White initials, dark ones on a light colour. */
      if (light > 0.65)
        set_source_color (cr, &card_text, 1.0);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_move_to (cr, cx - r, cy - layout_height (initials) / 2);
      pango_cairo_show_layout (cr, initials);
    }
}

static void
draw_card_avatar (RenderContext   *ctx,
                  CardCache       *cache,
                  const GtmRect   *box,
                  gboolean         text)
{
  cairo_t *cr = ctx->cr;
  double cx = box->x + CARD_PADDING + CARD_AVATAR / 2;
  double cy = box->y + CARD_AVATAR_TOP + CARD_AVATAR / 2;
  double r = CARD_AVATAR / 2;

  /* A white ring parts the avatar from the band. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, r + CARD_AVATAR_RING, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  draw_avatar (cr, cx, cy, r, cache->picture, &cache->avatar_color, text ? cache->initials : NULL);
}

void
gtm_render_persona_avatar (cairo_t    *cr,
                           GtmPersona *persona,
                           double      size)
{
  GBytes *png;
  cairo_surface_t *picture = NULL;
  g_autoptr(PangoLayout) initials = NULL;
  GtmColor color;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (GTM_IS_PERSONA (persona));

  persona_avatar_color (persona, &color);
  png = gtm_persona_get_avatar (persona);
  if (png != NULL)
    picture = decode_png (GTM_NODE (persona), png, "image/png");
  if (picture == NULL)
    initials = avatar_initials (persona, size);

  cairo_save (cr);
  draw_avatar (cr, size / 2, size / 2, size / 2, picture, &color, initials);
  cairo_restore (cr);

  g_clear_pointer (&picture, cairo_surface_destroy);
}

cairo_surface_t *
gtm_render_decode_png (GtmNode *owner,
                       GBytes  *bytes)
{
  g_return_val_if_fail (GTM_IS_NODE (owner), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  return decode_png (owner, bytes, "image/png");
}

/* Far away, each line of text is a grey bar. */
static void
draw_layout_bars (cairo_t        *cr,
                  PangoLayout    *layout,
                  double          x,
                  double          y,
                  const GtmColor *color)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle ink;

      pango_layout_iter_get_line_extents (iter, &ink, NULL);
      if (ink.width > 0)
        cairo_rectangle (cr,
                         x + (double) ink.x / PANGO_SCALE,
                         y + (double) ink.y / PANGO_SCALE,
                         (double) ink.width / PANGO_SCALE,
                         (double) ink.height / PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  set_source_color (cr, color, 0.35);
  cairo_fill (cr);
}

static void
draw_persona_card (RenderContext *ctx,
                   GtmItem       *item,
                   const GtmRect *box)
{
  cairo_t *cr = ctx->cr;
  CardCache *cache = get_card_cache (GTM_PERSONA_CARD (item), box);
  gboolean text = ctx->no_text ? FALSE : TRUE;
  gboolean bars = !ctx->vector && CARD_BODY_SIZE * ctx->scale < LOD_TEXT_PX;
  GtmColor fill, stroke;

  rounded_rectangle (ctx, box->x, box->y, box->width, box->height, CARD_RADIUS);
  if (parse_color (gtm_item_get_fill (item), &fill))
    {
      set_source_color (cr, &fill, 1.0);
      cairo_fill_preserve (cr);
    }

  if (cache->broken)
    {
      cairo_new_path (cr);
      rounded_rectangle (ctx, box->x + CARD_BROKEN_STROKE / 2, box->y + CARD_BROKEN_STROKE / 2,
                         box->width - CARD_BROKEN_STROKE, box->height - CARD_BROKEN_STROKE,
                         CARD_RADIUS - CARD_BROKEN_STROKE / 2);
      set_source_color (cr, &card_broken, 1.0);
      cairo_set_line_width (cr, CARD_BROKEN_STROKE);
      cairo_set_dash (cr, (double[]) { 8, 5 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      /* The band and the avatar, inside the card's rounded outline. */
      cairo_save (cr);
      cairo_clip (cr);
      cairo_rectangle (cr, box->x, box->y, box->width, MIN (CARD_BAND, box->height));
      set_source_color (cr, &cache->avatar_color, 1.0);
      cairo_fill (cr);
      draw_card_avatar (ctx, cache, box, text && !bars);
      cairo_restore (cr);

      if (parse_color (gtm_item_get_stroke (item), &stroke))
        {
          rounded_rectangle (ctx, box->x + CARD_STROKE / 2, box->y + CARD_STROKE / 2,
                             box->width - CARD_STROKE, box->height - CARD_STROKE,
                             CARD_RADIUS - CARD_STROKE / 2);
          set_source_color (cr, &stroke, 1.0);
          cairo_set_line_width (cr, CARD_STROKE);
          cairo_stroke (cr);
        }
    }
  cairo_new_path (cr);

  /* What does not fit the card is cut at its edges. */
  cairo_save (cr);
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_clip (cr);

  for (guint i = 0; i < cache->pieces->len; i++)
    {
      CardPiece *piece = &g_array_index (cache->pieces, CardPiece, i);
      double x = box->x + piece->x;
      double y = box->y + piece->y;

      if (piece->kind == CARD_PIECE_SLIDER)
        {
          double knob = x + CARD_KNOB + piece->value * (piece->width - 2 * CARD_KNOB);

          rounded_rectangle (ctx, x, y - CARD_TRACK / 2, piece->width, CARD_TRACK, CARD_TRACK / 2);
          set_source_color (cr, &piece->color, 1.0);
          cairo_fill (cr);

          cairo_new_sub_path (cr);
          cairo_arc (cr, knob, y, CARD_KNOB + 1.5, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill (cr);
          cairo_new_sub_path (cr);
          cairo_arc (cr, knob, y, CARD_KNOB, 0, 2 * G_PI);
          set_source_color (cr, &cache->avatar_color, 1.0);
          cairo_fill (cr);
        }
      else if (!text)
        continue;
      else if (bars)
        draw_layout_bars (cr, piece->layout, x, y, &piece->color);
      else
        {
          set_source_color (cr, &piece->color, 1.0);
          cairo_move_to (cr, x, y);
          pango_cairo_show_layout (cr, piece->layout);
        }
    }

  cairo_restore (cr);
}

/* Far away, a small item is a dot of its colour. */
static void
draw_item_simplified (RenderContext *ctx,
                      GtmItem       *item,
                      const GtmRect *box)
{
  GtmColor color;

  if (!parse_color (gtm_item_get_fill (item), &color) &&
      !parse_color (gtm_item_get_stroke (item), &color))
    {
      if (!GTM_IS_IMAGE (item) && !has_text (item))
        return;
      color = (GtmColor) { 0.6, 0.6, 0.6, 0.5 };
    }

  cairo_rectangle (ctx->cr, box->x, box->y, box->width, box->height);
  set_source_color (ctx->cr, &color, 1.0);
  cairo_fill (ctx->cr);
}

static void
draw_item (RenderContext *ctx,
           GtmItem       *item)
{
  GtmRect box;

  if (GTM_IS_CONNECTOR (item))
    {
      draw_connector (ctx, item);
      return;
    }

  item_box (item, &box);

  if (!ctx->vector && MAX (box.width, box.height) * ctx->scale < LOD_ITEM_PX)
    draw_item_simplified (ctx, item, &box);
  else if (GTM_IS_NOTE (item))
    draw_note (ctx, item, &box);
  else if (GTM_IS_SHAPE (item))
    draw_shape (ctx, item, &box);
  else if (GTM_IS_IMAGE (item))
    draw_image (ctx, item, &box);
  else if (GTM_IS_FRAME (item))
    draw_frame (ctx, item, &box);
  else if (GTM_IS_PERSONA_CARD (item))
    draw_persona_card (ctx, item, &box);
  else
    draw_text_box (ctx, item, &box);
}


/* Bounds */

void
gtm_render_item_bounds (GtmBoard *board,
                        GtmItem  *item,
                        GtmRect  *bounds)
{
  GtmRect box;
  double pad;

  g_return_if_fail (GTM_IS_BOARD (board));
  g_return_if_fail (GTM_IS_ITEM (item));
  g_return_if_fail (bounds != NULL);

  if (GTM_IS_CONNECTOR (item))
    {
      connector_bounds (board, item, bounds);
      return;
    }

  item_box (item, &box);

  if (GTM_IS_NOTE (item))
    {
      double top = MIN (0, SHADOW_OFFSET - SHADOW_BLUR);

      bounds->x = box.x - SHADOW_BLUR - AA_MARGIN;
      bounds->y = box.y + top - AA_MARGIN;
      bounds->width = box.width + 2 * (SHADOW_BLUR + AA_MARGIN);
      bounds->height = box.height - top + SHADOW_OFFSET + SHADOW_BLUR + 2 * AA_MARGIN;
      return;
    }

  if (GTM_IS_SHAPE (item))
    pad = SHAPE_STROKE / 2;
  else if (GTM_IS_FRAME (item))
    pad = FRAME_STROKE / 2;
  else if (GTM_IS_IMAGE (item))
    pad = IMAGE_STROKE / 2;
  else if (GTM_IS_PERSONA_CARD (item))
    pad = 0;
  else
    pad = TEXT_BOX_STROKE / 2;

  inset (bounds, &box, -(pad + AA_MARGIN), -(pad + AA_MARGIN));

  if (GTM_IS_FRAME (item) && has_text (item))
    {
      GtmRect title;

      frame_title (item, &box, TRUE, &title);
      inset (&title, &title, -AA_MARGIN, -AA_MARGIN);
      rect_union (bounds, &title);
    }
}

/* The bounds of every item of a board, in z-order, kept on the board until
 * anything on it changes: culling a 10,000-item board is then a scan of an
 * array rather than 10,000 rounds of property lookups. */
typedef struct
{
  gboolean      valid;
  PangoContext *context;  /* the text was measured with */
  GPtrArray    *items;    /* GtmItem*, borrowed: any removal invalidates */
  GArray       *bounds;   /* GtmRect, one per item */
  guint64       links;    /* the link generation of the board's project */
} BoundsCache;

static void
bounds_cache_free (gpointer data)
{
  BoundsCache *cache = data;

  g_clear_object (&cache->context);
  g_ptr_array_unref (cache->items);
  g_array_unref (cache->bounds);
  g_free (cache);
}

static GQuark
bounds_cache_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("gtm-render-bounds");

  return quark;
}

/* GtmNode::changed covers every saved field of the board and of the items,
 * and every change of the list, which is all the bounds depend on. */
static void
on_board_changed (GtmNode     *board,
                  GtmNode     *origin,
                  BoundsCache *cache)
{
  cache->valid = FALSE;
}

static BoundsCache *
get_bounds_cache (GtmBoard *board)
{
  BoundsCache *cache = g_object_get_qdata (G_OBJECT (board), bounds_cache_quark ());
  TextState *state = get_text_state ();
  GtmNode *root;
  guint64 links;
  GListModel *items;
  guint n;

  if (cache == NULL)
    {
      cache = g_new0 (BoundsCache, 1);
      cache->items = g_ptr_array_new ();
      cache->bounds = g_array_new (FALSE, FALSE, sizeof (GtmRect));
      g_object_set_qdata_full (G_OBJECT (board), bounds_cache_quark (), cache, bounds_cache_free);
      g_signal_connect (board, "changed", G_CALLBACK (on_board_changed), cache);
    }

  /* Linked values (a connector's label) change without the board. */
  root = gtm_node_get_root (GTM_NODE (board));
  links = GTM_IS_PROJECT (root) ? gtm_link_get_generation (GTM_PROJECT (root)) : 0;

  if (cache->valid && cache->context == state->context && cache->links == links)
    return cache;

  items = gtm_board_get_items (board);
  n = g_list_model_get_n_items (items);
  g_ptr_array_set_size (cache->items, n);
  g_array_set_size (cache->bounds, n);
  for (guint i = 0; i < n; i++)
    {
      GtmItem *item = g_list_model_get_item (items, i);

      g_ptr_array_index (cache->items, i) = item;
      gtm_render_item_bounds (board, item, &g_array_index (cache->bounds, GtmRect, i));
      g_object_unref (item);
    }

  g_set_object (&cache->context, state->context);
  cache->links = links;
  cache->valid = TRUE;

  return cache;
}

static gboolean
rects_intersect (const GtmRect *r,
                 double         x1,
                 double         y1,
                 double         x2,
                 double         y2)
{
  return r->width > 0 && r->height > 0 &&
         r->x < x2 && r->x + r->width > x1 &&
         r->y < y2 && r->y + r->height > y1;
}

gboolean
gtm_render_board_bounds (GtmBoard *board,
                         GtmRect  *bounds)
{
  BoundsCache *cache;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  *bounds = (GtmRect) { 0, 0, 0, 0 };

  cache = get_bounds_cache (board);
  for (guint i = 0; i < cache->bounds->len; i++)
    rect_union (bounds, &g_array_index (cache->bounds, GtmRect, i));

  return bounds->width > 0 && bounds->height > 0;
}

gboolean
gtm_render_item_text_area (GtmBoard *board,
                           GtmItem  *item,
                           GtmRect  *area)
{
  GtmRect box;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (GTM_IS_ITEM (item), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  *area = (GtmRect) { 0, 0, 0, 0 };

  if (GTM_IS_IMAGE (item) || GTM_IS_PERSONA_CARD (item))
    return FALSE;

  if (GTM_IS_CONNECTOR (item))
    {
      ConnectorPath path;
      GtmRect pill;

      if (!connector_path (board, GTM_CONNECTOR (item), &path))
        return FALSE;

      connector_label (item, &path, TRUE, &pill);
      inset (area, &pill, LABEL_PAD_X, LABEL_PAD_Y);
      return TRUE;
    }

  item_box (item, &box);

  if (GTM_IS_NOTE (item))
    note_text_area (&box, area);
  else if (GTM_IS_SHAPE (item))
    shape_text_area (gtm_shape_get_shape (GTM_SHAPE (item)), &box, area);
  else if (GTM_IS_FRAME (item))
    frame_title (item, &box, TRUE, area);
  else
    text_box_text_area (&box, area);

  return TRUE;
}

/* Adds the glyphs of @layout that no font has to @fit. */
static void
count_unknown_glyphs (PangoLayout      *layout,
                      GtmRenderTextFit *fit)
{
  int n = pango_layout_get_unknown_glyphs_count (layout);
  PangoLayoutIter *iter;

  if (n == 0)
    return;

  fit->unknown_glyphs += n;
  if (fit->first_unknown != 0)
    return;

  /* Pango draws such a character as a box of its code point, which it
   * keeps in the glyph. */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      for (int i = 0; run != NULL && i < run->glyphs->num_glyphs && fit->first_unknown == 0; i++)
        if (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
          fit->first_unknown = run->glyphs->glyphs[i].glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
    }
  while (fit->first_unknown == 0 && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

gboolean
gtm_render_item_text_fit (GtmBoard         *board,
                          GtmItem          *item,
                          GtmRenderTextFit *fit)
{
  TextCache *text;
  GtmColor color;
  GtmRect box, area;

  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);
  g_return_val_if_fail (GTM_IS_ITEM (item), FALSE);
  g_return_val_if_fail (fit != NULL, FALSE);

  *fit = (GtmRenderTextFit) { FALSE, 0, 0 };
  item_box (item, &box);

  if (GTM_IS_PERSONA_CARD (item))
    {
      CardCache *cache = get_card_cache (GTM_PERSONA_CARD (item), &box);

      if (cache->broken)
        return FALSE;

      fit->cut = cache->cut;
      for (guint i = 0; i < cache->pieces->len; i++)
        {
          CardPiece *piece = &g_array_index (cache->pieces, CardPiece, i);

          if (piece->kind == CARD_PIECE_TEXT)
            count_unknown_glyphs (piece->layout, fit);
        }
      return TRUE;
    }

  /* As gtm_render_board() draws it with GTM_RENDER_EXPORT. */
  if (GTM_IS_IMAGE (item) || !has_text (item) ||
      !parse_color (gtm_item_get_text_color (item), &color))
    return FALSE;

  if (GTM_IS_CONNECTOR (item))
    {
      ConnectorPath path;

      if (!connector_path (board, GTM_CONNECTOR (item), &path))
        return FALSE;
      text = connector_label (item, &path, FALSE, &area);
    }
  else if (GTM_IS_FRAME (item))
    text = frame_title (item, &box, FALSE, &area);
  else
    {
      double top;

      gtm_render_item_text_area (board, item, &area);
      if (area.width < 1 || area.height < 1)
        {
          /* Too small for any text: none of it is drawn. */
          fit->cut = TRUE;
          return TRUE;
        }
      text = place_box_text (item, &area, &box, FALSE, &top, &fit->cut);
    }

  fit->cut = fit->cut || text->cut;
  count_unknown_glyphs (text->layout, fit);

  return TRUE;
}


/* Drawing */

static gboolean
is_vector_surface (cairo_surface_t *surface)
{
  /* GTK records widget drawing in recording surfaces replayed onto the
   * screen, so those count as raster. */
  switch ((int) cairo_surface_get_type (surface))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Sets up @ctx for drawing into @cr. */
static void
render_context_init (RenderContext  *ctx,
                     GtmBoard       *board,
                     cairo_t        *cr,
                     GtmRenderFlags  flags)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double ux = 1, uy = 0, vx = 0, vy = 1, sx = 1, sy = 1;
  GtmColor background;

  *ctx = (RenderContext) {
    .board = board,
    .cr = cr,
    .scale = 1.0,
    .no_text = (flags & GTM_RENDER_NO_TEXT) != 0,
    .underline_links = (flags & GTM_RENDER_EXPORT) == 0,
    .label_background = { 1, 1, 1, 1 },
  };

  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_user_to_device_distance (cr, &ux, &uy);
  cairo_user_to_device_distance (cr, &vx, &vy);
  ctx->scale = sqrt (fabs (ux * vy - uy * vx) * sx * sy);
  ctx->vector = is_vector_surface (target);

  if (parse_color (gtm_board_get_background (board), &background) && background.alpha == 1.0)
    ctx->label_background = background;
}

static void
render_context_clear (RenderContext *ctx)
{
  g_clear_pointer (&ctx->shadow_edge, cairo_pattern_destroy);
  g_clear_pointer (&ctx->shadow_corner, cairo_pattern_destroy);
}

void
gtm_render_board (GtmBoard       *board,
                  cairo_t        *cr,
                  GtmRenderFlags  flags)
{
  gtm_render_board_skipping (board, cr, flags, NULL, NULL);
}

void
gtm_render_board_skipping (GtmBoard          *board,
                           cairo_t           *cr,
                           GtmRenderFlags     flags,
                           GtmRenderSkipFunc  skip,
                           gpointer           user_data)
{
  RenderContext ctx;
  BoundsCache *cache;
  GtmColor background;
  double x1, y1, x2, y2;

  g_return_if_fail (GTM_IS_BOARD (board));
  g_return_if_fail (cr != NULL);

  cairo_save (cr);

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  if (x1 >= x2 || y1 >= y2)
    goto out;

  render_context_init (&ctx, board, cr, flags);

  if ((flags & GTM_RENDER_BACKGROUND) &&
      parse_color (gtm_board_get_background (board), &background))
    {
      set_source_color (cr, &background, 1.0);
      cairo_paint (cr);
    }

  cache = get_bounds_cache (board);
  for (guint i = 0; i < cache->items->len; i++)
    {
      GtmItem *item = g_ptr_array_index (cache->items, i);

      if (rects_intersect (&g_array_index (cache->bounds, GtmRect, i), x1, y1, x2, y2) &&
          (skip == NULL || !skip (item, user_data)))
        draw_item (&ctx, item);
    }

  render_context_clear (&ctx);

out:
  cairo_restore (cr);
}

void
gtm_render_items (GtmBoard         *board,
                  cairo_t          *cr,
                  GtmRenderFlags    flags,
                  GtmItem * const  *items,
                  guint             n_items)
{
  RenderContext ctx;

  g_return_if_fail (GTM_IS_BOARD (board));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (items != NULL || n_items == 0);

  cairo_save (cr);
  render_context_init (&ctx, board, cr, flags);
  for (guint i = 0; i < n_items; i++)
    draw_item (&ctx, items[i]);
  render_context_clear (&ctx);
  cairo_restore (cr);
}

double
gtm_render_fit_scale (double  width,
                      double  height,
                      double  scale,
                      int    *pixel_width,
                      int    *pixel_height)
{
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, 0);

  /* Keep within cairo's limit per side and the pixel budget, lowering the
   * scale a hair more whenever rounding up the pixels overshoots. */
  scale = MIN (scale, GTM_RENDER_MAX_SIDE / width);
  scale = MIN (scale, GTM_RENDER_MAX_SIDE / height);
  scale = MIN (scale, sqrt (GTM_RENDER_MAX_PIXELS / (width * height)));
  for (;;)
    {
      *pixel_width = CLAMP ((int) ceil (width * scale), 1, GTM_RENDER_MAX_SIDE);
      *pixel_height = CLAMP ((int) ceil (height * scale), 1, GTM_RENDER_MAX_SIDE);
      if ((gint64) *pixel_width * *pixel_height <= GTM_RENDER_MAX_PIXELS)
        return scale;
      scale *= 0.999;
    }
}

cairo_surface_t *
gtm_render_board_to_surface (GtmBoard  *board,
                             double     scale,
                             GError   **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  GtmRect bounds;
  double width, height;
  int pixel_width, pixel_height;

  g_return_val_if_fail (GTM_IS_BOARD (board), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(scale > 0) || !isfinite (scale))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot draw the board at a scale of %g: the scale must be a positive number"),
                   scale);
      return NULL;
    }

  gtm_render_board_bounds (board, &bounds);
  width = bounds.width + 2 * GTM_RENDER_MARGIN;
  height = bounds.height + 2 * GTM_RENDER_MARGIN;

  scale = gtm_render_fit_scale (width, height, scale, &pixel_width, &pixel_height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Not enough memory to draw the board in a picture of %d × %d pixels"),
                   pixel_width, pixel_height);
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, GTM_RENDER_MARGIN - bounds.x, GTM_RENDER_MARGIN - bounds.y);
  gtm_render_board (board, cr, GTM_RENDER_BACKGROUND);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the board: %s"), cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return NULL;
    }

  cairo_surface_flush (surface);

  return surface;
}
