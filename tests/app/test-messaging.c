/* test-messaging.c — the positioning and pricing pages of the workbench,
 * typed into as a user types: the statement's live preview, a note on a
 * board linked to it, the pitch's reading time, a plan's price
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-messaging"

#include "config.h"

#include <string.h>

#include "gtm-core.h"
#include "gtm-test-utils.h"

typedef struct
{
  GtmWindow  *window;
  GtmProject *project;
  GtmHistory *history;
  GtmBoard   *board;
} Fixture;

static gboolean
open_window (Fixture *f)
{
  GtmDocument *document;

  f->window = gtm_test_new_input_window ();
  if (f->window == NULL)
    return FALSE;
  document = gtm_window_get_document (f->window);
  f->project = gtm_document_get_project (document);
  f->history = gtm_document_get_history (document);
  f->board = gtm_board_view_get_board (gtm_window_get_board_view (f->window));
  g_assert_nonnull (f->board);

  return TRUE;
}

typedef gboolean (*Match) (GtkWidget  *widget,
                           const char *text);

static GtkWidget *
find_widget (GtkWidget  *root,
             Match       match,
             const char *text)
{
  if (match (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The statement's preview: the page's one selectable label. */
static gboolean
is_preview (GtkWidget  *widget,
            const char *unused)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget));
}

static gboolean
is_label_starting (GtkWidget  *widget,
                   const char *prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
is_focusable (GtkWidget  *widget,
              const char *unused)
{
  return gtk_widget_get_focusable (widget);
}

static char *
resolve_note (Fixture *f,
              GtmItem *note)
{
  return gtm_link_resolve (GTM_NODE (f->project), gtm_item_get_text (note), NULL, NULL);
}

static GBytes *
render_board (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = gtm_render_board_to_surface (f->board, 1.0, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  cairo_surface_destroy (surface);

  return bytes;
}

/* Typing a part of the positioning changes the preview at once; a note
 * linked to the statement on a board shows the change, and undo brings
 * both back. */
static void
test_positioning_linked_note (void)
{
  Fixture f = { 0 };
  GtmNode *messaging;
  GtkWidget *page, *preview;
  GtmItem *note;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GBytes) picture_before = NULL;
  g_autoptr(GBytes) picture_after = NULL;
  g_autoptr(GBytes) picture_restored = NULL;
  guint n_undo;

  if (!open_window (&f))
    return;
  messaging = gtm_project_get_messaging (f.project);
  gtm_history_set (f.history, GTM_NODE (f.project), "product-name", "Beacon", NULL);
  gtm_history_set (f.history, messaging,
                   "need", "need to know which campaigns work",
                   "category", "retail analytics cloud",
                   "alternative", "spreadsheets",
                   NULL);
  note = gtm_note_new (40, 40, "{{messaging.positioning}}");
  /* Room for the whole statement. */
  g_object_set (note, "width", 800.0, "height", 600.0, NULL);
  gtm_board_add_item (f.board, f.history, note);
  g_object_unref (note);

  page = gtm_test_show_workbench_page (f.window, "messaging");
  preview = find_widget (page, is_preview, NULL);
  g_assert_nonnull (preview);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (preview)), "For [audience] who need to know"));

  /* Each keystroke shows. */
  gtm_test_type_into_row (gtm_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "For … (target audience)"),
                          "retail marketing teams");
  gtm_test_wait_until (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (preview)),
                                         "For retail marketing teams who need to know which campaigns work, Beacon is a retail analytics cloud that [benefit]."));
  gtm_test_type_into_row (gtm_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "that … (key benefit)"),
                          "joins every channel");
  gtm_test_wait_until (g_strcmp0 (gtk_label_get_text (GTK_LABEL (preview)),
                                  "For retail marketing teams who need to know which campaigns work, "
                                  "Beacon is a retail analytics cloud that joins every channel.") == 0);
  g_assert_cmpstr (gtm_node_get_string (messaging, GTM_MESSAGING_SLOT_BENEFIT), ==, "joins every channel");
  /* 21 words at 150 a minute. */
  g_assert_true (gtm_test_widget_shows_text (page, "About 9 seconds to say"));

  /* The note on the board follows the statement. */
  before = resolve_note (&f, note);
  g_assert_cmpstr (before, ==, gtk_label_get_text (GTK_LABEL (preview)));
  picture_before = render_board (&f);
  n_undo = gtm_history_get_n_undo (f.history);

  gtm_test_type_into_row (gtm_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "it … (what sets it apart)"),
                          "works with Chinese POS systems");
  gtm_test_wait_until (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (preview)),
                                         " Unlike spreadsheets, it works with Chinese POS systems."));
  after = resolve_note (&f, note);
  g_assert_cmpstr (after, ==, gtk_label_get_text (GTK_LABEL (preview)));
  g_assert_cmpstr (after, !=, before);
  picture_after = render_board (&f);
  g_assert_false (g_bytes_equal (picture_before, picture_after));

  /* The whole run of typing is one step. */
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, n_undo + 1);
  gtm_history_undo (f.history);
  restored = resolve_note (&f, note);
  g_assert_cmpstr (restored, ==, before);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (preview)), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtm_test_find_row (page, ADW_TYPE_PREFERENCES_ROW,
                                                                           "it … (what sets it apart)"))), ==, "");
  picture_restored = render_board (&f);
  g_assert_true (g_bytes_equal (picture_before, picture_restored));

  /* The product name is the project's, and shows too. */
  gtm_test_type_into_row (gtm_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "Product name"), "Lighthouse");
  gtm_test_wait_until (strstr (gtk_label_get_text (GTK_LABEL (preview)), "Lighthouse is a") != NULL);
  g_assert_cmpstr (gtm_project_get_product_name (f.project), ==, "Lighthouse");

  gtm_test_close_all ();
}

/* A pitch of 200 words, pasted, takes longer than a minute to say: the
 * page says so. */
static void
test_pitch_reading_time (void)
{
  Fixture f = { 0 };
  g_autoptr(GString) pitch = g_string_new (NULL);
  GtkWidget *page, *row, *view, *warning;

  if (!open_window (&f))
    return;

  for (guint i = 0; i < 20; i++)
    g_string_append (pitch, "Beacon shows every shopper in one place for retail teams. ");
  g_assert_cmpfloat (gtm_reading_time_seconds (pitch->str), ==, 80);

  page = gtm_test_show_workbench_page (f.window, "messaging");
  row = gtm_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "Pitch");
  view = find_widget (row, is_focusable, NULL);
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  g_assert_null (find_widget (page, is_label_starting, "About 1 min"));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (view), pitch->str);
  gtk_widget_grab_focus (view);
  gtm_test_settle ();
  gtm_test_keys ("ctrl+v", NULL);
  gtm_test_wait_until (g_strcmp0 (gtm_messaging_get_elevator_pitch (GTM_MESSAGING (gtm_project_get_messaging (f.project))),
                                  pitch->str) == 0);

  /* 200 words at 150 a minute. */
  gtm_test_wait_until (find_widget (page, is_label_starting, "About 1 min 20 s to say: longer than a minute.") != NULL);
  warning = gtk_widget_get_parent (find_widget (page, is_label_starting, "About 1 min 20 s"));
  g_assert_true (gtk_widget_has_css_class (warning, "warning"));

  /* Undone, the warning goes. */
  gtm_history_undo (f.history);
  gtm_test_settle ();
  g_assert_null (find_widget (page, is_label_starting, "About 1 min"));

  gtm_test_close_all ();
}

/* A plan added on the pricing page takes a price typed in: text is
 * refused on the row, a number is written, and the plan saves and reads
 * back. */
static void
test_pricing_tier (void)
{
  Fixture f = { 0 };
  g_autofree char *dir = gtm_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "pricing.gtm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtmDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtmPriceTier) tier = NULL;
  g_autoptr(GtmPriceTier) read = NULL;
  GtmNode *pricing;
  GtkWidget *page, *plans, *expander, *price;
  GListModel *tiers;

  if (!open_window (&f))
    return;
  pricing = gtm_project_get_pricing (f.project);
  tiers = gtm_pricing_get_tiers (GTM_PRICING (pricing));

  page = gtm_test_show_workbench_page (f.window, "pricing");
  gtm_test_type_into_row (gtm_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "Currency (e.g. USD, CNY)"), "CNY");
  gtm_test_wait_until (g_strcmp0 (gtm_pricing_get_currency (GTM_PRICING (pricing)), "CNY") == 0);

  /* The strategy's explanation follows the choice. */
  gtm_history_set (f.history, pricing, "strategy", GTM_PRICING_STRATEGY_SKIMMING, NULL);
  g_assert_true (gtm_test_widget_shows_text (page, "Priced high at launch for early adopters, then lowered step by step."));

  plans = gtm_test_find_group (page, "Plans");
  g_assert_nonnull (plans);
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (plans), "gtm-form-add-row"), "activated");
  g_assert_cmpuint (g_list_model_get_n_items (tiers), ==, 1);
  tier = g_list_model_get_item (tiers, 0);
  expander = gtm_test_find_row (plans, ADW_TYPE_EXPANDER_ROW, NULL);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));

  gtm_test_type_into_row (gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Name"), "Growth");
  price = gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Price");
  gtm_test_type_into_row (price, "abc");
  gtm_test_wait_until (gtk_widget_has_css_class (price, "error"));
  g_assert_true (gtm_test_widget_shows_text (price, "“abc” is not a number."));
  g_assert_cmpfloat (gtm_price_tier_get_price (tier), ==, 0);

  gtm_test_type_into_row (price, "-5");
  gtm_test_wait_until (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (price)), "-5") == 0);
  g_assert_true (gtk_widget_has_css_class (price, "error"));
  g_assert_cmpfloat (gtm_price_tier_get_price (tier), ==, 0);

  gtm_test_type_into_row (price, "4800");
  gtm_test_wait_until (gtm_price_tier_get_price (tier) == 4800);
  g_assert_false (gtk_widget_has_css_class (price, "error"));
  gtm_test_type_into_row (gtm_test_find_row (expander, ADW_TYPE_PREFERENCES_ROW, "Per (month, year, seat…)"), "year");
  gtm_test_wait_until (g_strcmp0 (gtm_price_tier_get_period (tier), "year") == 0);
  /* LC_ALL=C: no digit grouping. */
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==, "¥ 4800 / year");

  g_assert_true (gtm_document_save (gtm_window_get_document (f.window), file, NULL, &error));
  g_assert_no_error (error);
  reopened = gtm_document_load (file, NULL, &error);
  g_assert_no_error (error);
  pricing = gtm_project_get_pricing (gtm_document_get_project (reopened));
  g_assert_cmpstr (gtm_pricing_get_currency (GTM_PRICING (pricing)), ==, "CNY");
  g_assert_cmpint (gtm_pricing_get_strategy (GTM_PRICING (pricing)), ==, GTM_PRICING_STRATEGY_SKIMMING);
  g_assert_cmpuint (g_list_model_get_n_items (gtm_pricing_get_tiers (GTM_PRICING (pricing))), ==, 1);
  read = g_list_model_get_item (gtm_pricing_get_tiers (GTM_PRICING (pricing)), 0);
  g_assert_cmpstr (gtm_node_get_id (GTM_NODE (read)), ==, gtm_node_get_id (GTM_NODE (tier)));
  g_assert_cmpstr (gtm_price_tier_get_name (read), ==, "Growth");
  g_assert_cmpfloat (gtm_price_tier_get_price (read), ==, 4800);
  g_assert_cmpstr (gtm_price_tier_get_period (read), ==, "year");

  gtm_test_close_all ();
}

/* A key message is aimed at a persona through its drop-down, as one step. */
static void
test_key_message_persona (void)
{
  Fixture f = { 0 };
  g_autoptr(GtmPersona) persona = gtm_persona_new (GTM_PERSONA_KIND_BUYER, "Zhang Wei");
  g_autoptr(GtmKeyMessage) message = gtm_key_message_new (NULL, "Prove campaign ROI");
  GtkWidget *page, *combo;

  if (!open_window (&f))
    return;
  gtm_history_insert (f.history, GTM_NODE (f.project), "personas", 0, GTM_NODE (persona));
  gtm_history_insert (f.history, gtm_project_get_messaging (f.project), "key-messages", 0,
                      GTM_NODE (message));

  page = gtm_test_show_workbench_page (f.window, "messaging");
  combo = gtm_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "Speaks to");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1);
  g_assert_cmpstr (gtm_key_message_get_persona (message), ==, gtm_node_get_id (GTM_NODE (persona)));
  gtm_history_undo (f.history);
  g_assert_cmpstr (gtm_key_message_get_persona (message), ==, "");
  combo = gtm_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "Speaks to");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);
  gtm_history_redo (f.history);
  combo = gtm_test_find_row (page, ADW_TYPE_PREFERENCES_ROW, "Speaks to");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 1);

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_use_own_display (argc, argv);
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/messaging/positioning-linked-note", test_positioning_linked_note);
  g_test_add_func ("/messaging/pitch-reading-time", test_pitch_reading_time);
  g_test_add_func ("/messaging/key-message-persona", test_key_message_persona);
  g_test_add_func ("/messaging/pricing-tier", test_pricing_tier);

  return gtm_test_run ();
}
