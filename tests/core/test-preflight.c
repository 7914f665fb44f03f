/* test-preflight.c — the problems preflight finds before an export, on
 * crafted projects and on the sample
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-preflight"

#include "config.h"

#include <string.h>

#include "gtm-core.h"
#include "gtm-core-test-utils.h"

#define LONG_TEXT "Our launch turns every product marketer's scattered documents into one " \
                  "positioning that sales, support and the website all repeat word for word. "

typedef struct
{
  GtmProject *project;
  GtmHistory *history;
  GtmBoard   *board;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = gtm_project_new ("Preflight");
  f->history = gtm_project_get_history (f->project);
  f->board = gtm_project_add_board (f->project, 0, "Launch", NULL);
  g_assert_nonnull (f->board);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
}

/* Puts @item (a new reference, taken) on the board, at @width × @height
 * unless 0 (connectors) and with @text unless NULL; the board keeps it. */
static GtmItem *
add_item (Fixture    *f,
          GtmItem    *item,
          double      width,
          double      height,
          const char *text)
{
  gtm_board_add_item (f->board, f->history, item);
  if (width > 0)
    gtm_history_set (f->history, GTM_NODE (item), "width", width, "height", height, NULL);
  if (text != NULL)
    gtm_history_set (f->history, GTM_NODE (item), "text", text, NULL);
  g_object_unref (item);

  return item;
}

static GtmItem *
add_note (Fixture    *f,
          double      width,
          double      height,
          const char *text)
{
  return add_item (f, gtm_note_new (0, 0, ""), width, height, text);
}

static GtmItem *
add_picture (Fixture *f,
             int      pixels,
             double   size)
{
  g_autoptr(GBytes) png = gtm_core_test_make_png (pixels, pixels);
  double x = gtm_board_get_n_items (f->board) * 1000.0;

  return add_item (f, gtm_image_new (x, 0, size, size, png), size, size, NULL);
}

static GPtrArray *
check_assets (GtmProject             *project,
              const char * const     *assets,
              const GtmExportOptions *options)
{
  GPtrArray *findings = gtm_preflight_check (project, assets, options, NULL);

  g_assert_nonnull (findings);
  for (guint i = 0; i < findings->len; i++)
    {
      GtmFinding *finding = g_ptr_array_index (findings, i);

      g_test_message ("%s: %s", finding->asset, finding->message);
    }

  return findings;
}

/* The findings on the fixture's board, exported to @format with the
 * defaults. */
static GPtrArray *
check_board (Fixture         *f,
             GtmExportFormat  format)
{
  const char * const assets[] = { "board:Launch", NULL };
  GtmExportOptions options;

  gtm_export_options_init (&options, format);
  return check_assets (f->project, assets, &options);
}

/* Asserts that @findings are exactly one of @kind, about @item, and
 * returns it. */
static GtmFinding *
assert_one (GPtrArray      *findings,
            GtmFindingKind  kind,
            GtmItem        *item)
{
  GtmFinding *finding;

  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpint (finding->kind, ==, kind);
  g_assert_cmpstr (finding->asset, ==, "board:Launch");
  g_assert_cmpstr (finding->node_id, ==, gtm_node_get_id (GTM_NODE (item)));
  /* The message names the board. */
  g_assert_nonnull (strstr (finding->message, "“Launch”"));

  return finding;
}

static guint
count_kind (GPtrArray      *findings,
            GtmFindingKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (((GtmFinding *) g_ptr_array_index (findings, i))->kind == kind)
      n++;

  return n;
}

/* Text --------------------------------------------------------------------- */

static void
test_overflow_note (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) findings = NULL;
  GtmFinding *finding;
  GtmItem *note;

  for (guint i = 0; i < 8; i++)
    g_string_append (text, LONG_TEXT);

  /* Fits: no finding. */
  note = add_note (f, 200, 200, "Launch day");
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  gtm_history_set (f->history, GTM_NODE (note), "text", text->str, NULL);
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  finding = assert_one (findings, GTM_FINDING_OVERFLOW, note);
  g_assert_cmpstr (finding->field, ==, "text");
  /* The message quotes the start of the text. */
  g_assert_nonnull (strstr (finding->message, "“Our launch turns every"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Made large enough, it fits again. */
  gtm_history_set (f->history, GTM_NODE (note), "width", 1600.0, "height", 1000.0, NULL);
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* A line taller than its box is not ellipsized but cut at the box's
 * edge: the overflow nobody notices on a page. */
static void
test_overflow_clipped (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  GtmItem *note = add_note (f, 60, 24, "W");

  gtm_history_set (f->history, GTM_NODE (note), "font-size", 48.0, NULL);
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  assert_one (findings, GTM_FINDING_OVERFLOW, note);
}

/* Every kind of item with text: a text box, a shape, a frame's title, a
 * connector's label. */
static void
test_overflow_kinds (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GString) label = g_string_new (NULL);
  GtmItem *items[4];
  GtmItem *a, *b;

  for (guint i = 0; i < 3; i++)
    g_string_append (label, LONG_TEXT);

  items[0] = add_item (f, gtm_text_box_new (0, 0, ""), 120, 40, LONG_TEXT);
  items[1] = add_item (f, gtm_shape_new (GTM_SHAPE_ELLIPSE, 0, 300, 100, 60), 100, 60, LONG_TEXT);
  items[2] = add_item (f, gtm_frame_new (0, 600, 100, 100, ""), 100, 100, LONG_TEXT);
  a = add_note (f, 100, 100, "A");
  b = add_note (f, 100, 100, "B");
  gtm_history_set (f->history, GTM_NODE (b), "x", 900.0, NULL);
  items[3] = add_item (f, gtm_connector_new (gtm_node_get_id (GTM_NODE (a)),
                                             gtm_node_get_id (GTM_NODE (b))),
                       0, 0, label->str);

  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (items));
  /* In the board's order. */
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      GtmFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpint (finding->kind, ==, GTM_FINDING_OVERFLOW);
      g_assert_cmpstr (finding->node_id, ==, gtm_node_get_id (GTM_NODE (items[i])));
    }
}

static void
test_missing_glyphs (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  GtmFinding *finding;
  GtmItem *note;

  /* Chinese and Latin are drawn: no finding. */
  note = add_note (f, 240, 200, "Launch 发布会 day");
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A private-use character. */
  gtm_history_set (f->history, GTM_NODE (note), "text", "Launch \xee\x80\x80 day", NULL);
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  finding = assert_one (findings, GTM_FINDING_MISSING_GLYPHS, note);
  g_assert_cmpstr (finding->field, ==, "text");
  g_assert_nonnull (strstr (finding->message, "U+E000"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* An unassigned code point, twice. */
  gtm_history_set (f->history, GTM_NODE (note), "text", "Launch \xcd\xb8\xcd\xb8 day", NULL);
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  finding = assert_one (findings, GTM_FINDING_MISSING_GLYPHS, note);
  g_assert_nonnull (strstr (finding->message, " 2 "));
  g_assert_nonnull (strstr (finding->message, "U+0378"));
}

/* Pictures ----------------------------------------------------------------- */

static void
test_low_resolution (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  GtmFinding *finding;
  GtmItem *tiny;

  /* 20 × 20 pixels stretched over 400 × 400 units. */
  tiny = add_picture (f, 20, 400);
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  finding = assert_one (findings, GTM_FINDING_LOW_RESOLUTION, tiny);
  g_assert_null (finding->field);
  g_assert_nonnull (strstr (finding->message, "20 × 20"));
  g_assert_nonnull (strstr (finding->message, "dpi"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* 2,000 pixels over the same size are sharp enough, on the page the
   * two fit (the PDF scales the board up to fill A4) and in SVG. */
  add_picture (f, 2000, 400);
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  assert_one (findings, GTM_FINDING_LOW_RESOLUTION, tiny);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = check_board (f, GTM_EXPORT_FORMAT_SVG);
  assert_one (findings, GTM_FINDING_LOW_RESOLUTION, tiny);
}

/* The figure is the picture's on the printed page: a board fitted to a
 * page is scaled, and so are its pictures' pixels per inch. */
static void
test_resolution_on_page (Fixture       *f,
                         gconstpointer  data)
{
  const char * const assets[] = { "board:Launch", NULL };
  g_autoptr(GPtrArray) findings = NULL;
  GtmExportOptions options;
  GtmItem *picture;

  /* 300 pixels over 300 units: on an A4 page the 300-unit picture (plus
   * the render margins) is fitted to 523 points across, so it prints at
   * 72 × 300 / (300 × 523 / (303.5 + 2 × 32)), about 51 dpi. */
  picture = add_picture (f, 300, 300);
  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  findings = check_assets (f->project, assets, &options);
  assert_one (findings, GTM_FINDING_LOW_RESOLUTION, picture);
  g_assert_nonnull (strstr (((GtmFinding *) g_ptr_array_index (findings, 0))->message, " 51 dpi"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Spread over pages at 100 %, 1 unit is 1/96 inch: 96 dpi. */
  options.span_pages = TRUE;
  findings = check_assets (f->project, assets, &options);
  assert_one (findings, GTM_FINDING_LOW_RESOLUTION, picture);
  g_assert_nonnull (strstr (((GtmFinding *) g_ptr_array_index (findings, 0))->message, " 96 dpi"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A PNG at 1× is 96 dpi itself: the picture is as sharp as the PNG. */
  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PNG);
  findings = check_assets (f->project, assets, &options);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* At 300 dpi, the picture's 96 dpi are too few. */
  options.dpi = 300;
  findings = check_assets (f->project, assets, &options);
  assert_one (findings, GTM_FINDING_LOW_RESOLUTION, picture);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Twice the pixels are enough at 2×. */
  gtm_board_remove_item (f->board, f->history, picture);
  add_picture (f, 600, 300);
  options.dpi = 0;
  options.scale = 2;
  findings = check_assets (f->project, assets, &options);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* Links and persona cards -------------------------------------------------- */

static void
test_broken_link (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  GtmFinding *finding;
  GtmItem *note;

  gtm_history_set (f->history, GTM_NODE (f->project), "product-name", "GTM Studio", NULL);
  note = add_note (f, 300, 200, "{{project.product-name}} launches");
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A field that does not exist, and a node that does not. */
  gtm_history_set (f->history, GTM_NODE (note), "text",
                   "{{project.product-name}} for {{persona-gone.name}} at {{project.nope}}",
                   NULL);
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  g_assert_cmpuint (findings->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      finding = g_ptr_array_index (findings, i);
      g_assert_cmpint (finding->kind, ==, GTM_FINDING_BROKEN_LINK);
      g_assert_cmpstr (finding->node_id, ==, gtm_node_get_id (GTM_NODE (note)));
      g_assert_cmpstr (finding->field, ==, "text");
      /* Quoting the text as shown, naming the token as written. */
      g_assert_nonnull (strstr (finding->message, "“GTM Studio for"));
    }
  g_assert_nonnull (strstr (((GtmFinding *) g_ptr_array_index (findings, 0))->message,
                            "{{persona-gone.name}}"));
  g_assert_nonnull (strstr (((GtmFinding *) g_ptr_array_index (findings, 1))->message,
                            "{{project.nope}}"));
}

static void
test_persona_card (Fixture       *f,
                   gconstpointer  data)
{
  const char * const goals[] = { LONG_TEXT, LONG_TEXT LONG_TEXT, LONG_TEXT, NULL };
  g_autoptr(GPtrArray) findings = NULL;
  GtmPersona *persona;
  GtmItem *card, *gone, *none;

  persona = gtm_project_add_persona (f->project, GTM_PERSONA_KIND_BUYER, 0, "Alex Chen", NULL);
  g_assert_nonnull (persona);
  gtm_history_set (f->history, GTM_NODE (persona), "goals", goals, NULL);

  /* A card of the default size shows the persona, cut or not … */
  card = add_item (f, gtm_persona_card_new (0, 0, gtm_node_get_id (GTM_NODE (persona))),
                   GTM_PERSONA_CARD_WIDTH, 1000, NULL);
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* … a short one cannot. */
  gtm_history_set (f->history, GTM_NODE (card), "height", 220.0, NULL);
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  assert_one (findings, GTM_FINDING_OVERFLOW, card);
  g_assert_nonnull (strstr (((GtmFinding *) g_ptr_array_index (findings, 0))->message,
                            "“Alex Chen”"));
  g_clear_pointer (&findings, g_ptr_array_unref);
  gtm_history_set (f->history, GTM_NODE (card), "height", 1000.0, NULL);

  /* A card whose persona is gone, and one that shows none. */
  gone = add_item (f, gtm_persona_card_new (400, 0, "persona-gone"),
                   GTM_PERSONA_CARD_WIDTH, GTM_PERSONA_CARD_HEIGHT, NULL);
  none = add_item (f, gtm_persona_card_new (800, 0, ""),
                   GTM_PERSONA_CARD_WIDTH, GTM_PERSONA_CARD_HEIGHT, NULL);
  findings = check_board (f, GTM_EXPORT_FORMAT_PDF);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpint (((GtmFinding *) g_ptr_array_index (findings, 0))->kind, ==,
                   GTM_FINDING_BROKEN_LINK);
  g_assert_cmpstr (((GtmFinding *) g_ptr_array_index (findings, 0))->node_id, ==,
                   gtm_node_get_id (GTM_NODE (gone)));
  g_assert_cmpint (((GtmFinding *) g_ptr_array_index (findings, 1))->kind, ==,
                   GTM_FINDING_EMPTY_FIELD);
  g_assert_cmpstr (((GtmFinding *) g_ptr_array_index (findings, 1))->node_id, ==,
                   gtm_node_get_id (GTM_NODE (none)));
}

/* Whole boards and assets -------------------------------------------------- */

/* A board a PMM would export as it is: nothing to report. */
static void
test_clean_board (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  GtmItem *a, *b;

  gtm_history_set (f->history, GTM_NODE (f->project), "product-name", "GTM Studio", NULL);
  a = add_note (f, 200, 200, "{{project.product-name}}: one positioning for everyone");
  b = add_item (f, gtm_text_box_new (300, 0, ""), 300, 120, "定位清晰，信息一致");
  add_item (f, gtm_shape_new (GTM_SHAPE_DIAMOND, 0, 300, 160, 160), 160, 160, "Decide");
  add_item (f, gtm_frame_new (0, -100, 800, 700, ""), 800, 700, "Launch plan");
  add_item (f, gtm_connector_new (gtm_node_get_id (GTM_NODE (a)), gtm_node_get_id (GTM_NODE (b))),
            0, 0, "feeds");
  add_picture (f, 800, 200);

  for (GtmExportFormat format = GTM_EXPORT_FORMAT_PDF; format <= GTM_EXPORT_FORMAT_SVG; format++)
    {
      findings = check_board (f, format);
      g_assert_cmpuint (findings->len, ==, 0);
      g_clear_pointer (&findings, g_ptr_array_unref);
    }
}

/* Findings come asset by asset, in the order asked for, each once. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  const char * const assets[] = { "board:Second", "board:Launch", "board:Second",
                                  "board:Nonexistent", NULL };
  g_autoptr(GPtrArray) findings = NULL;
  GtmExportOptions options;
  GtmBoard *second;
  GtmItem *first_tofu, *second_tofu;

  first_tofu = add_note (f, 200, 200, "\xee\x80\x80");
  second = gtm_project_add_board (f->project, 1, "Second", NULL);
  g_assert_nonnull (second);
  f->board = second;
  second_tofu = add_note (f, 200, 200, "\xee\x80\x81");
  /* The same problem twice in one item is one finding. */
  gtm_history_set (f->history, GTM_NODE (second_tofu), "text",
                   "{{persona-gone.name}} {{persona-gone.name}}", NULL);

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  findings = check_assets (f->project, assets, &options);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpstr (((GtmFinding *) g_ptr_array_index (findings, 0))->asset, ==, "board:Second");
  g_assert_cmpint (((GtmFinding *) g_ptr_array_index (findings, 0))->kind, ==,
                   GTM_FINDING_BROKEN_LINK);
  g_assert_cmpstr (((GtmFinding *) g_ptr_array_index (findings, 0))->node_id, ==,
                   gtm_node_get_id (GTM_NODE (second_tofu)));
  g_assert_cmpstr (((GtmFinding *) g_ptr_array_index (findings, 1))->asset, ==, "board:Launch");
  g_assert_cmpstr (((GtmFinding *) g_ptr_array_index (findings, 1))->node_id, ==,
                   gtm_node_get_id (GTM_NODE (first_tofu)));
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  const char * const assets[] = { "board:Launch", NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GtmExportOptions options;

  add_note (f, 200, 200, "\xee\x80\x80");
  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  g_cancellable_cancel (cancellable);
  g_assert_null (gtm_preflight_check (f->project, assets, &options, cancellable));
}

/* Generated layouts' findings come through: an empty project's one-pager
 * lacks the fields it is made of. */
static void
test_one_pager (void)
{
  const char * const assets[] = { "one-pager", NULL };
  g_autoptr(GtmProject) project = gtm_project_new ("Empty");
  g_autoptr(GPtrArray) findings = NULL;
  GtmExportOptions options;

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  findings = check_assets (project, assets, &options);
  g_assert_cmpuint (count_kind (findings, GTM_FINDING_EMPTY_FIELD), >, 0);
  for (guint i = 0; i < findings->len; i++)
    {
      GtmFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (finding->asset, ==, "one-pager");
      g_assert_cmpstr (finding->message, !=, "");
    }
}

/* Every asset of the sample: whatever is found can be located. */
static void
test_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GTM_SAMPLES_DIR"), "saas-launch.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmProject) project = gtm_format_read_file (file, NULL, &error);
  g_auto(GStrv) assets = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  GtmExportOptions options;

  g_assert_no_error (error);
  assets = gtm_asset_list_names (project);
  g_assert_cmpuint (g_strv_length (assets), >, 0);

  gtm_export_options_init (&options, GTM_EXPORT_FORMAT_PDF);
  findings = check_assets (project, (const char * const *) assets, &options);
  for (guint i = 0; i < findings->len; i++)
    {
      GtmFinding *finding = g_ptr_array_index (findings, i);

      g_assert_true (g_strv_contains ((const char * const *) assets, finding->asset));
      g_assert_cmpstr (finding->message, !=, "");
      if (finding->node_id != NULL)
        g_assert_nonnull (gtm_node_find (GTM_NODE (project), finding->node_id));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/preflight/overflow/note", test_overflow_note);
  ADD ("/preflight/overflow/clipped", test_overflow_clipped);
  ADD ("/preflight/overflow/kinds", test_overflow_kinds);
  ADD ("/preflight/missing-glyphs", test_missing_glyphs);
  ADD ("/preflight/low-resolution", test_low_resolution);
  ADD ("/preflight/resolution-on-page", test_resolution_on_page);
  ADD ("/preflight/broken-link", test_broken_link);
  ADD ("/preflight/persona-card", test_persona_card);
  ADD ("/preflight/clean-board", test_clean_board);
  ADD ("/preflight/order", test_order);
  ADD ("/preflight/cancelled", test_cancelled);
  g_test_add_func ("/preflight/one-pager", test_one_pager);
  g_test_add_func ("/preflight/sample", test_sample);

#undef ADD

  return g_test_run ();
}
