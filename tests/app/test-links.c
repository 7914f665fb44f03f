/* test-links.c — linked fields in the application: the chooser that
 * inserts one while editing text on the canvas, driven by real keys, and
 * the dialog that lists where each field is used
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-links"

#include "config.h"

#include "gtm-core.h"
#include "gtm-link-chooser.h"
#include "gtm-links-dialog.h"
#include "gtm-test-utils.h"

typedef struct
{
  GtmWindow    *window;
  GtmBoardView *view;
  GtmBoard     *board;
  GtmProject   *project;
  GtmHistory   *history;
} Fixture;

/* A new window with an empty board, the pointer over it and the keyboard
 * focus in it. */
static gboolean
fixture_open (Fixture *f)
{
  GtmDocument *document;

  f->window = gtm_test_new_input_window ();
  if (f->window == NULL)
    return FALSE;
  f->view = gtm_window_get_board_view (f->window);
  gtm_test_wait_until (gtk_widget_get_width (GTK_WIDGET (f->view)) > 0 &&
                       gtm_board_view_get_n_draws (f->view) > 0);
  document = gtm_window_get_document (f->window);
  f->project = gtm_document_get_project (document);
  f->history = gtm_document_get_history (document);
  f->board = gtm_board_view_get_board (f->view);
  gtm_board_view_set_zoom (f->view, 1.0);
  gtm_test_pointer_move (GTK_WIDGET (f->view), 500, 400);
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  gtm_test_settle ();

  return TRUE;
}

static GtmItem *
add_note (Fixture    *f,
          GtmBoard   *board,
          double      x,
          double      y,
          const char *text)
{
  GtmItem *note = gtm_note_new (x, y, text);

  gtm_board_add_item (board, f->history, note);
  g_object_unref (note);

  return note; /* owned by the board */
}

static GtkWidget *
find_child (GtmBoardView *view,
            GType         type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;

  return NULL;
}

static GtkTextView *
find_editor (Fixture *f)
{
  return (GtkTextView *) find_child (f->view, GTK_TYPE_TEXT_VIEW);
}

/* The chooser, while it is shown. */
static GtmLinkChooser *
find_chooser (Fixture *f)
{
  GtkWidget *chooser = find_child (f->view, GTM_TYPE_LINK_CHOOSER);

  return chooser != NULL && gtk_widget_get_mapped (chooser) ? GTM_LINK_CHOOSER (chooser) : NULL;
}

static gboolean
editor_has_text (Fixture    *f,
                 const char *text)
{
  GtkTextView *editor = find_editor (f);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  if (editor == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (editor);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return g_strcmp0 (shown, text) == 0;
}

static gboolean
editor_has_focus (Fixture *f)
{
  GtkTextView *editor = find_editor (f);

  return editor != NULL && gtk_widget_has_focus (GTK_WIDGET (editor));
}

static char *
resolved_text (Fixture *f,
               GtmItem *item)
{
  return gtm_link_resolve (GTM_NODE (f->project), gtm_item_get_text (item), NULL, NULL);
}

/* What the canvas shows of @item: a checksum of its pixels and how many
 * of them are blue, as a linked value's underline is (the selection is
 * blue too: clear it first). */
static char *
item_pixels (Fixture *f,
             GtmItem *item,
             guint   *n_link_pixels)
{
  g_autoptr(GdkTexture) texture = gtm_test_render_widget (GTK_WIDGET (f->view));
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree guchar *data = NULL;
  double x1, y1, x2, y2;
  int width;

  gtm_board_view_to_widget (f->view, gtm_item_get_x (item), gtm_item_get_y (item), &x1, &y1);
  gtm_board_view_to_widget (f->view,
                            gtm_item_get_x (item) + gtm_item_get_width (item),
                            gtm_item_get_y (item) + gtm_item_get_height (item),
                            &x2, &y2);
  g_assert_cmpfloat (x1, >=, 0);
  g_assert_cmpfloat (y1, >=, 0);
  g_assert_cmpfloat (x2, <=, gdk_texture_get_width (texture));
  g_assert_cmpfloat (y2, <=, gdk_texture_get_height (texture));

  width = gdk_texture_get_width (texture);
  data = g_malloc (width * 4 * gdk_texture_get_height (texture));
  gdk_texture_download (texture, data, width * 4);

  *n_link_pixels = 0;
  for (int y = y1; y < y2; y++)
    for (int x = x1; x < x2; x++)
      {
        const guchar *bgra = data + y * width * 4 + x * 4;
        guint32 pixel = (bgra[2] << 16) | (bgra[1] << 8) | bgra[0];

        g_checksum_update (checksum, (const guchar *) &pixel, sizeof pixel);
        if (bgra[0] > bgra[2] + 60 && bgra[0] > bgra[1] + 20)
          (*n_link_pixels)++;
      }

  return g_strdup (g_checksum_get_string (checksum));
}

/* The chooser ---------------------------------------------------------- */

/* Typing a note's text, Ctrl+K, a search and Enter put the token at the
 * cursor; the note then shows the field's value, and follows it. */
static void
test_chooser_insert (void)
{
  Fixture f = { 0 };
  GtmItem *note;
  GtmLinkChooser *chooser;
  const char *first;
  guint base, n_link_pixels, n_link_pixels_long;
  g_autofree char *pixels = NULL;
  g_autofree char *pixels_long = NULL;
  g_autofree char *pixels_undone = NULL;
  g_autofree char *shown = NULL;

  if (!fixture_open (&f))
    return;

  gtm_history_set (f.history, GTM_NODE (f.project), "product-name", "Acme CRM", NULL);
  note = add_note (&f, f.board, 200, 120, "Try");
  gtm_selection_set (gtm_board_view_get_selection (f.view), &note, 1);
  base = gtm_history_get_n_undo (f.history);

  gtm_test_keys ("Return", NULL);
  gtm_test_wait_until (find_editor (&f) != NULL);
  gtm_test_type (" ");
  gtm_test_wait_until (editor_has_text (&f, "Try "));

  gtm_test_keys ("ctrl+k", NULL);
  gtm_test_wait_until (find_chooser (&f) != NULL);
  chooser = find_chooser (&f);
  gtm_test_screenshot ("link-chooser");
  g_assert_cmpuint (gtm_link_chooser_get_n_matches (chooser), >, 10);

  /* A search: the first match is picked; arrows move through the
   * matches. */
  gtm_test_type ("prod");
  gtm_test_wait_until (gtm_link_chooser_get_n_matches (chooser) < 10);
  g_assert_cmpuint (gtm_link_chooser_get_n_matches (chooser), >=, 2);
  first = gtm_link_chooser_get_selected (chooser);
  g_assert_cmpstr (first, ==, "{{project.product-name}}");
  gtm_test_keys ("Down", NULL);
  gtm_test_wait_until (g_strcmp0 (gtm_link_chooser_get_selected (chooser), "{{project.product-name}}") != 0);
  g_assert_nonnull (gtm_link_chooser_get_selected (chooser));
  gtm_test_keys ("Up", NULL);
  gtm_test_wait_until (g_strcmp0 (gtm_link_chooser_get_selected (chooser), "{{project.product-name}}") == 0);
  /* The arrows moved nothing on the canvas. */
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, base);

  gtm_test_type (" name");
  gtm_test_wait_until (gtm_link_chooser_get_n_matches (chooser) == 1);
  gtm_test_screenshot ("link-chooser-search");
  gtm_test_keys ("Return", NULL);
  gtm_test_wait_until (find_chooser (&f) == NULL);
  gtm_test_wait_until (editor_has_text (&f, "Try {{project.product-name}}"));
  gtm_test_wait_until (editor_has_focus (&f));

  /* Typing goes on after the token. */
  gtm_test_type (" now");
  gtm_test_wait_until (editor_has_text (&f, "Try {{project.product-name}} now"));
  g_assert_cmpstr (gtm_item_get_text (note), ==, "Try");

  /* Escape closes the chooser and leaves the text as it was, still
   * edited. */
  gtm_test_keys ("ctrl+k", NULL);
  gtm_test_wait_until (find_chooser (&f) != NULL);
  gtm_test_type ("vision");
  gtm_test_keys ("Escape", NULL);
  gtm_test_wait_until (find_chooser (&f) == NULL);
  gtm_test_wait_until (editor_has_focus (&f));
  g_assert_true (editor_has_text (&f, "Try {{project.product-name}} now"));

  /* Leaving the editor writes the text as one step; the note shows the
   * value, underlined. */
  gtm_test_keys ("Escape", NULL);
  gtm_test_wait_until (find_editor (&f) == NULL);
  g_assert_cmpstr (gtm_item_get_text (note), ==, "Try {{project.product-name}} now");
  g_assert_cmpuint (gtm_history_get_n_undo (f.history), ==, base + 1);
  shown = resolved_text (&f, note);
  g_assert_cmpstr (shown, ==, "Try Acme CRM now");
  gtm_selection_clear (gtm_board_view_get_selection (f.view));
  pixels = item_pixels (&f, note, &n_link_pixels);
  gtm_test_screenshot ("link-inserted");
  g_assert_cmpuint (n_link_pixels, >, 10);

  /* The field changes: the note follows; undo brings the old value and
   * the same picture back. */
  gtm_history_set (f.history, GTM_NODE (f.project), "product-name", "Acme Customer Cloud", NULL);
  g_clear_pointer (&shown, g_free);
  shown = resolved_text (&f, note);
  g_assert_cmpstr (shown, ==, "Try Acme Customer Cloud now");
  pixels_long = item_pixels (&f, note, &n_link_pixels_long);
  g_assert_cmpstr (pixels_long, !=, pixels);

  g_assert_true (gtm_history_undo (f.history));
  g_clear_pointer (&shown, g_free);
  shown = resolved_text (&f, note);
  g_assert_cmpstr (shown, ==, "Try Acme CRM now");
  pixels_undone = item_pixels (&f, note, &n_link_pixels_long);
  g_assert_cmpstr (pixels_undone, ==, pixels);
  g_assert_cmpuint (n_link_pixels_long, ==, n_link_pixels);

  /* Undoing the edit takes the token away. */
  g_assert_true (gtm_history_undo (f.history));
  g_assert_cmpstr (gtm_item_get_text (note), ==, "Try");

  gtm_test_close_all ();
}

/* The canvas menu's Insert Linked Field… edits the one selected item and
 * opens the chooser at the end of its text; the editor's own menu offers
 * it too. */
static void
test_chooser_from_menu (void)
{
  Fixture f = { 0 };
  GtmItem *note, *other;
  GtmSelection *selection;
  GtmItem *both[2];
  GMenuModel *menu;
  g_autofree char *action = NULL;

  if (!fixture_open (&f))
    return;

  note = add_note (&f, f.board, 200, 120, "Price:");
  other = add_note (&f, f.board, 500, 120, "Other");
  selection = gtm_board_view_get_selection (f.view);

  both[0] = note;
  both[1] = other;
  gtm_selection_set (selection, both, 2);
  gtm_test_settle ();
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f.view), "canvas.insert-link", NULL) &&
                  find_editor (&f) != NULL);

  gtm_selection_set (selection, &note, 1);
  gtm_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "canvas.insert-link", NULL));
  gtm_test_wait_until (find_chooser (&f) != NULL);
  g_assert_true (editor_has_text (&f, "Price:"));

  /* The editor's context menu has the same entry. */
  menu = gtk_text_view_get_extra_menu (find_editor (&f));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "canvas.insert-link");

  gtm_test_type ("title");
  gtm_test_wait_until (g_strcmp0 (gtm_link_chooser_get_selected (find_chooser (&f)),
                                  "{{project.title}}") == 0);
  gtm_test_keys ("Return", NULL);
  gtm_test_wait_until (editor_has_text (&f, "Price:{{project.title}}"));
  gtm_test_keys ("ctrl+Return", NULL);
  gtm_test_wait_until (find_editor (&f) == NULL);
  g_assert_cmpstr (gtm_item_get_text (note), ==, "Price:{{project.title}}");

  gtm_test_close_all ();
}

/* The dialog ----------------------------------------------------------- */

static const char *
row_subtitle (GtkWidget *row)
{
  if (ADW_IS_EXPANDER_ROW (row))
    return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static gboolean
row_has_subtitle (GtkWidget  *dialog,
                  GType       type,
                  const char *title,
                  const char *subtitle)
{
  GtkWidget *row = gtm_test_find_row_or_null (dialog, type, title);

  return row != NULL && g_strcmp0 (row_subtitle (row), subtitle) == 0;
}

static GtmItem *
selected_item (Fixture *f)
{
  return gtm_selection_get_single (gtm_board_view_get_selection (f->view));
}

/* The dialog lists each field in use with its uses, finds a use on its
 * board, lists broken links, and follows the project. */
static void
test_dialog (void)
{
  Fixture f = { 0 };
  GtmLinksDialog *dialog;
  GtmBoard *second;
  GtmItem *note, *pitch, *broken;
  GtkWidget *row;

  if (!fixture_open (&f))
    return;

  gtm_history_set (f.history, GTM_NODE (f.project), "product-name", "Acme CRM", NULL);
  note = add_note (&f, f.board, 200, 120, "Meet {{project.product-name}}");
  second = gtm_project_add_board (f.project, 1, "客户旅程", NULL);
  g_assert_nonnull (second);
  /* Far from the board's origin: showing it pans it into view. */
  pitch = add_note (&f, second, 200, 120, "Why {{project.product-name}}\nsecond line");
  add_note (&f, second, 240, 160, "left alone");
  broken = add_note (&f, second, 3000, 2400, "Ask {{persona-gone.name}}");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.links", NULL));
  gtm_test_wait_until (gtm_test_find_toplevel (GTM_TYPE_LINKS_DIALOG) != NULL);
  dialog = GTM_LINKS_DIALOG (gtm_test_find_toplevel (GTM_TYPE_LINKS_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f.window));
  gtm_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (dialog)));

  /* The field in use, its value and its two uses; nothing unused. */
  row = gtm_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "Product name");
  g_assert_nonnull (row);
  g_assert_cmpstr (row_subtitle (row), ==, "Acme CRM");
  g_assert_true (gtm_test_widget_shows_text (row, "2 uses"));
  g_assert_true (row_has_subtitle (row, ADW_TYPE_ACTION_ROW, "Meet Acme CRM", "Board 1"));
  g_assert_true (row_has_subtitle (row, ADW_TYPE_ACTION_ROW, "Why Acme CRM", "客户旅程"));
  g_assert_null (gtm_test_find_row_or_null (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Project title"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtm_test_screenshot ("links-dialog");

  /* A use shows its item on its board. */
  gtk_widget_activate (gtm_test_find_row (row, ADW_TYPE_ACTION_ROW, "Why Acme CRM"));
  gtm_test_wait_until (gtm_board_view_get_board (f.view) == second);
  g_assert_true (selected_item (&f) == pitch);

  /* So does a broken link, even off screen. */
  row = gtm_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "{{persona-gone.name}}");
  g_assert_nonnull (row);
  g_assert_cmpstr (row_subtitle (row), ==, "客户旅程 — Ask ⟨missing field⟩");
  gtk_widget_activate (row);
  gtm_test_wait_until (selected_item (&f) == broken);
  {
    double x, y;

    gtm_board_view_to_widget (f.view, gtm_item_get_x (broken), gtm_item_get_y (broken), &x, &y);
    g_assert_cmpfloat (x, >=, 0);
    g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (f.view)));
    g_assert_cmpfloat (y, >=, 0);
    g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (f.view)));
  }
  gtm_window_show_item (f.window, note);
  g_assert_true (gtm_board_view_get_board (f.view) == f.board);
  g_assert_true (selected_item (&f) == note);

  /* The dialog follows values and uses, and undo. */
  gtm_history_set (f.history, GTM_NODE (f.project), "product-name", "Zephyr", NULL);
  gtm_test_wait_until (row_has_subtitle (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "Product name", "Zephyr"));
  gtm_history_set (f.history, GTM_NODE (note), "text", "No link", NULL);
  gtm_test_wait_until (gtm_test_widget_shows_text (gtm_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW,
                                                             "Product name"), "1 use"));
  g_assert_true (gtm_history_undo (f.history));
  gtm_test_wait_until (gtm_test_widget_shows_text (gtm_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW,
                                                             "Product name"), "2 uses"));

  /* Unused fields, on request. */
  gtm_links_dialog_set_show_unused (dialog, TRUE);
  row = gtm_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Project title");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  gtm_test_screenshot ("links-dialog-unused");
  gtm_links_dialog_set_show_unused (dialog, FALSE);
  g_assert_null (gtm_test_find_row_or_null (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Project title"));

  /* One dialog per window. */
  g_assert_true (gtm_links_dialog_present (f.window) == dialog);

  gtm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  gtm_test_use_own_display (argc, argv);
  gtm_test_init (&argc, &argv);
  gtm_test_get_app ();

  g_test_add_func ("/links/chooser-insert", test_chooser_insert);
  g_test_add_func ("/links/chooser-from-menu", test_chooser_from_menu);
  g_test_add_func ("/links/dialog", test_dialog);

  return gtm_test_run ();
}
