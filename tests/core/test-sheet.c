/* test-sheet.c — generated layouts (one-pager, persona sheets, battlecards,
 * messaging document, pricing sheet, launch timeline) as a reader of their
 * PDF sees them, and what they report on crafted projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "gtm-core.h"
#include "gtm-core-test-utils.h"
#include "gtm-finding.h"
#include "gtm-sheet.h"

#define A4_WIDTH  595.28
#define A4_HEIGHT 841.89
#define MARGIN    36.0

/* The list's node whose "name" is @name; the project keeps it. */
static GtmNode *
find_named (GListModel *list,
            const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtmNode) node = g_list_model_get_item (list, i);
      g_autofree char *node_name = NULL;

      g_object_get (node, "name", &node_name, NULL);
      if (g_str_equal (node_name, name))
        return node;
    }

  g_assert_not_reached ();
}

static void
set_text (GtmProject *project,
          GtmNode    *node,
          const char *field,
          const char *text)
{
  gtm_history_set (gtm_project_get_history (project), node, field, text, NULL);
}

/* The sample, with some of its text showing other fields through links. */
static GtmProject *
read_linked_sample (void)
{
  GtmProject *project = gtm_core_test_read_sample ();
  GtmNode *messaging = gtm_project_get_messaging (project);
  GtmNode *pricing = gtm_project_get_pricing (project);
  GListModel *messages = gtm_messaging_get_key_messages (GTM_MESSAGING (messaging));
  g_autoptr(GtmNode) message = g_list_model_get_item (messages, g_list_model_get_n_items (messages) - 1);

  set_text (project, message, "body", "Starter from {{tier-starter000001.price}} {{pricing.currency}} a month.");
  set_text (project, find_named (gtm_project_get_personas (project), "张伟 Zhang Wei"), "notes",
            "Uses {{project.product-name}} daily.");
  set_text (project, find_named (gtm_project_get_competitors (project), "LensIQ 透镜数据"), "how-we-win",
            "Growth plan at {{tier-growth0000002.price}} {{pricing.currency}} a month.");
  set_text (project, pricing, "notes", "Ask about {{tier-growth0000002.name}}.\n上线优惠：10 月 31 日前签约。");
  set_text (project, find_named (gtm_launch_plan_get_activities (GTM_LAUNCH_PLAN (gtm_project_get_launch_plan (project))),
                                 "Launch day 发布日"),
            "name", "{{project.product-name}} launch 发布日");

  return project;
}

static GtmSheet *
new_sheet (GtmProject   *project,
           GtmSheetKind  kind,
           GtmNode      *subject,
           double        width,
           double        height)
{
  GtmSheet *sheet = gtm_sheet_new (project, kind, subject, "test", width, height, MARGIN);

  g_assert_nonnull (sheet);
  g_assert_cmpuint (gtm_sheet_get_n_pages (sheet), >=, 1);
  return sheet;
}

/* The sheet's pages as a PDF, one sheet page a PDF page. */
static char *
write_pdf (GtmSheet   *sheet,
           const char *dir,
           const char *name,
           double      width,
           double      height)
{
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < gtm_sheet_get_n_pages (sheet); i++)
    {
      gtm_sheet_draw_page (sheet, i, cr);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

static guint
count_findings (GtmSheet       *sheet,
                GtmFindingKind  kind,
                const char     *field)
{
  GPtrArray *findings = gtm_sheet_get_findings (sheet);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      GtmFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind == kind && (field == NULL || g_strcmp0 (finding->field, field) == 0))
        n++;
    }

  return n;
}

static const GtmFinding *
find_finding (GtmSheet       *sheet,
              GtmFindingKind  kind,
              const char     *field)
{
  GPtrArray *findings = gtm_sheet_get_findings (sheet);

  for (guint i = 0; i < findings->len; i++)
    {
      GtmFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind == kind && g_strcmp0 (finding->field, field) == 0)
        return finding;
    }

  return NULL;
}

/* A finding names a node by its id, or a singleton read from a file,
 * which has none, by the name links use for it ("messaging"). */
static void
assert_finding_node (const GtmFinding *finding,
                     GtmNode          *node)
{
  const char *id = gtm_node_get_id (node);

  g_assert_nonnull (finding->node_id);
  if (id == NULL || *id == '\0')
    id = gtm_link_get_node_name (node);
  g_assert_cmpstr (finding->node_id, ==, id);
  g_assert_true (gtm_link_lookup (gtm_node_get_root (node), finding->node_id) == node ||
                 gtm_node_find (gtm_node_get_root (node), finding->node_id) == node);
}

/* The sample's layouts have nothing to report about how they are laid
 * out: nothing cut, no tofu, no broken link. */
static void
assert_laid_out_cleanly (GtmSheet *sheet)
{
  GPtrArray *findings = gtm_sheet_get_findings (sheet);

  for (guint i = 0; i < findings->len; i++)
    {
      GtmFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind != GTM_FINDING_EMPTY_FIELD)
        g_error ("unexpected finding on %s (%s): %s", finding->node_id, finding->field, finding->message);
      g_assert_cmpstr (finding->asset, ==, "test");
    }
}

/* Exports @sheet, checks what every PDF must be, and returns its text. */
static char *
export_text (GtmSheet   *sheet,
             const char *dir,
             const char *name,
             double      width,
             double      height)
{
  g_autofree char *pdf = write_pdf (sheet, dir, name, width, height);

  g_assert_cmpuint (gtm_core_test_count_pdf_pages (pdf), ==, gtm_sheet_get_n_pages (sheet));
  gtm_core_test_assert_fonts_embedded (pdf);
  return gtm_core_test_run_poppler ("pdftotext", pdf);
}

static void
test_one_pager (void)
{
  g_autoptr(GtmProject) project = read_linked_sample ();
  g_autoptr(GtmSheet) sheet = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;

  if (!gtm_core_test_have_poppler ())
    return;

  dir = gtm_core_test_make_dir ("test-sheet");
  sheet = new_sheet (project, GTM_SHEET_ONE_PAGER, NULL, A4_WIDTH, A4_HEIGHT);
  g_assert_cmpuint (gtm_sheet_get_n_pages (sheet), ==, 1);
  assert_laid_out_cleanly (sheet);
  g_assert_cmpuint (count_findings (sheet, GTM_FINDING_EMPTY_FIELD, NULL), ==, 0);

  text = export_text (sheet, dir, "one-pager.pdf", A4_WIDTH, A4_HEIGHT);
  gtm_core_test_assert_text_contains (text, "Book a 30-minute demo");
  gtm_core_test_assert_text_contains (text, "Beacon Analytics 灯塔分析");
  gtm_core_test_assert_text_contains (text, "See every shopper journey 看清每一位顾客");
  gtm_core_test_assert_text_contains (text, "Prove the ROI of every campaign");
  gtm_core_test_assert_text_contains (text, "每一分营销预算都看得见");
  gtm_core_test_assert_text_contains (text, "Growth 成长版");
  gtm_core_test_assert_text_contains (text, "¥7,999");
  /* The positioning statement, composed from its parts. */
  gtm_core_test_assert_text_contains (text, "For mid-size retail chains who need to know");
  /* A key message's body, through links to a price tier and the pricing. */
  gtm_core_test_assert_text_contains (text, "Starter from 2999 CNY a month.");
  g_assert_null (strstr (text, "{{"));

  gtm_core_test_remove_tree (dir);
}

static void
test_persona_sheets (void)
{
  g_autoptr(GtmProject) project = read_linked_sample ();
  GListModel *personas = gtm_project_get_personas (project);
  g_autofree char *dir = NULL;

  if (!gtm_core_test_have_poppler ())
    return;

  dir = gtm_core_test_make_dir ("test-sheet");
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(GtmPersona) persona = g_list_model_get_item (personas, i);
      g_autoptr(GtmSheet) sheet = new_sheet (project, GTM_SHEET_PERSONA, GTM_NODE (persona), A4_WIDTH, A4_HEIGHT);
      g_autofree char *text = NULL;

      g_assert_cmpuint (gtm_sheet_get_n_pages (sheet), ==, 1);
      assert_laid_out_cleanly (sheet);
      g_assert_cmpuint (count_findings (sheet, GTM_FINDING_EMPTY_FIELD, NULL), ==, 0);
      text = export_text (sheet, dir, "persona.pdf", A4_WIDTH, A4_HEIGHT);
      gtm_core_test_assert_text_contains (text, gtm_persona_get_name (persona));
      gtm_core_test_assert_text_contains (text, gtm_persona_get_job_title (persona));

      if (gtm_persona_get_kind (persona) == GTM_PERSONA_KIND_BUYER && i == 0)
        {
          gtm_core_test_assert_text_contains (text, "Grow same-store sales 8% this year");
          gtm_core_test_assert_text_contains (text, "建立会员数据资产");
          gtm_core_test_assert_text_contains (text, "Peer CMOs in the retail association");
          gtm_core_test_assert_text_contains (text, "MBA, CEIBS");
          /* A key message written for this persona. */
          gtm_core_test_assert_text_contains (text, "Prove the ROI of every campaign");
          /* The notes, through a link to the product's name. */
          gtm_core_test_assert_text_contains (text, "Uses Beacon Analytics 灯塔分析 daily.");
        }
      else if (gtm_persona_get_kind (persona) == GTM_PERSONA_KIND_USER)
        {
          gtm_core_test_assert_text_contains (text, "Copy-pasting from five systems 复制粘贴");
          gtm_core_test_assert_text_contains (text, "Report done before lunch 爽点");
          gtm_core_test_assert_text_contains (text, "周一早上九点打开灯塔");
        }
    }

  gtm_core_test_remove_tree (dir);
}

static void
test_battlecards (void)
{
  g_autoptr(GtmProject) project = read_linked_sample ();
  GListModel *competitors = gtm_project_get_competitors (project);
  GtmNode *lensiq = find_named (competitors, "LensIQ 透镜数据");
  g_autofree char *dir = NULL;

  if (!gtm_core_test_have_poppler ())
    return;

  dir = gtm_core_test_make_dir ("test-sheet");
  for (guint i = 0; i < g_list_model_get_n_items (competitors); i++)
    {
      g_autoptr(GtmCompetitor) competitor = g_list_model_get_item (competitors, i);
      g_autoptr(GtmSheet) sheet = new_sheet (project, GTM_SHEET_BATTLECARD, GTM_NODE (competitor),
                                             A4_WIDTH, A4_HEIGHT);
      g_autofree char *text = NULL;

      g_assert_cmpuint (gtm_sheet_get_n_pages (sheet), ==, 1);
      assert_laid_out_cleanly (sheet);
      g_assert_cmpuint (count_findings (sheet, GTM_FINDING_EMPTY_FIELD, NULL), ==, 0);
      text = export_text (sheet, dir, "battlecard.pdf", A4_WIDTH, A4_HEIGHT);
      gtm_core_test_assert_text_contains (text, gtm_competitor_get_name (competitor));
      /* Our plans, to compare. */
      gtm_core_test_assert_text_contains (text, "Enterprise 企业版");

      if (GTM_NODE (competitor) == lensiq)
        {
          gtm_core_test_assert_text_contains (text, "Ask how long their last implementation took");
          gtm_core_test_assert_text_contains (text, "Three-month implementations");
          gtm_core_test_assert_text_contains (text, "From ¥400,000 a year plus implementation");
          /* The answer to an objection, split off it. */
          gtm_core_test_assert_text_contains (text, "show the 优选超市 case: live in one day");
          /* How we win, through links to a tier and the pricing. */
          gtm_core_test_assert_text_contains (text, "Growth plan at 7999 CNY a month.");
        }
    }

  gtm_core_test_remove_tree (dir);
}

static void
test_messaging_doc (void)
{
  g_autoptr(GtmProject) project = read_linked_sample ();
  g_autoptr(GtmSheet) sheet = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;

  if (!gtm_core_test_have_poppler ())
    return;

  dir = gtm_core_test_make_dir ("test-sheet");
  sheet = new_sheet (project, GTM_SHEET_MESSAGING_DOC, NULL, A4_WIDTH, A4_HEIGHT);
  /* Everything of the sample does not fit on a few pages. */
  g_assert_cmpuint (gtm_sheet_get_n_pages (sheet), >=, 4);
  assert_laid_out_cleanly (sheet);

  text = export_text (sheet, dir, "messaging-doc.pdf", A4_WIDTH, A4_HEIGHT);
  gtm_core_test_assert_text_contains (text, "Product brief");
  gtm_core_test_assert_text_contains (text, "Launch plan");
  gtm_core_test_assert_text_contains (text, "让每一家零售企业都像头部品牌一样懂顾客。");
  gtm_core_test_assert_text_contains (text, "Regional supermarket chains 区域连锁超市");
  gtm_core_test_assert_text_contains (text, "Needs the Enterprise data separation; later in 2025.");
  gtm_core_test_assert_text_contains (text, "林莎 Sarah Lin");
  gtm_core_test_assert_text_contains (text, "Northwind needs a data team");
  gtm_core_test_assert_text_contains (text, "数据合规要求收紧 (PIPL)");
  gtm_core_test_assert_text_contains (text, "Confident, concrete, friendly");
  gtm_core_test_assert_text_contains (text, "Customer success manager");
  gtm_core_test_assert_text_contains (text, "30-day launch review 复盘");
  gtm_core_test_assert_text_contains (text, "Starter from 2999 CNY a month.");
  /* Continued pages say where they are. */
  gtm_core_test_assert_text_contains (text, "Page 2 of");

  gtm_core_test_remove_tree (dir);
}

static void
test_pricing_sheet (void)
{
  g_autoptr(GtmProject) project = read_linked_sample ();
  g_autoptr(GtmSheet) sheet = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;

  if (!gtm_core_test_have_poppler ())
    return;

  dir = gtm_core_test_make_dir ("test-sheet");
  sheet = new_sheet (project, GTM_SHEET_PRICING, NULL, A4_WIDTH, A4_HEIGHT);
  g_assert_cmpuint (gtm_sheet_get_n_pages (sheet), ==, 1);
  assert_laid_out_cleanly (sheet);
  g_assert_cmpuint (count_findings (sheet, GTM_FINDING_EMPTY_FIELD, NULL), ==, 0);

  text = export_text (sheet, dir, "pricing.pdf", A4_WIDTH, A4_HEIGHT);
  gtm_core_test_assert_text_contains (text, "Starter 入门版");
  gtm_core_test_assert_text_contains (text, "¥24,000");
  gtm_core_test_assert_text_contains (text, "Chains of 50–300 stores");
  gtm_core_test_assert_text_contains (text, "Franchise data separation");
  gtm_core_test_assert_text_contains (text, "上线优惠：10 月 31 日前签约。");
  gtm_core_test_assert_text_contains (text, "Ask about Growth 成长版.");

  gtm_core_test_remove_tree (dir);
}

static void
test_launch_timeline (void)
{
  g_autoptr(GtmProject) project = read_linked_sample ();
  GtmNode *plan = gtm_project_get_launch_plan (project);
  GListModel *activities = gtm_launch_plan_get_activities (GTM_LAUNCH_PLAN (plan));
  g_autoptr(GtmSheet) landscape = NULL;
  g_autoptr(GtmSheet) short_page = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;

  if (!gtm_core_test_have_poppler ())
    return;

  dir = gtm_core_test_make_dir ("test-sheet");
  landscape = new_sheet (project, GTM_SHEET_LAUNCH_TIMELINE, NULL, A4_HEIGHT, A4_WIDTH);
  assert_laid_out_cleanly (landscape);
  g_assert_cmpuint (count_findings (landscape, GTM_FINDING_EMPTY_FIELD, NULL), ==, 0);

  text = export_text (landscape, dir, "timeline.pdf", A4_HEIGHT, A4_WIDTH);
  gtm_core_test_assert_text_contains (text, "Closed beta with 12 retailers 封闭内测");
  gtm_core_test_assert_text_contains (text, "Sales enablement");
  gtm_core_test_assert_text_contains (text, "Li Wei 李伟");
  gtm_core_test_assert_text_contains (text, "China Retail Expo booth 零售展");
  /* An activity's name, through a link to the product's name. */
  gtm_core_test_assert_text_contains (text, "Beacon Analytics 灯塔分析 launch");

  /* Many activities flow onto more pages, every one of them shown. */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Roadshow stop %u 路演", i + 1);
      g_autoptr(GtmActivity) activity = gtm_activity_new (name, "2024-08-01", "2024-08-02");

      gtm_history_insert (gtm_project_get_history (project), plan, "activities",
                          g_list_model_get_n_items (activities), GTM_NODE (activity));
    }
  short_page = new_sheet (project, GTM_SHEET_LAUNCH_TIMELINE, NULL, A4_HEIGHT, A4_WIDTH);
  g_assert_cmpuint (gtm_sheet_get_n_pages (short_page), >, gtm_sheet_get_n_pages (landscape));
  g_clear_pointer (&text, g_free);
  text = export_text (short_page, dir, "timeline-long.pdf", A4_HEIGHT, A4_WIDTH);
  gtm_core_test_assert_text_contains (text, "Roadshow stop 1 路演");
  gtm_core_test_assert_text_contains (text, "Roadshow stop 60 路演");
  assert_laid_out_cleanly (short_page);

  gtm_core_test_remove_tree (dir);
}

/* A page is drawn from what the sheet holds, even once the project is
 * gone. */
static void
test_draws_without_project (void)
{
  GtmProject *project = gtm_core_test_read_sample ();
  g_autoptr(GtmPersona) persona = g_list_model_get_item (gtm_project_get_personas (project), 0);
  g_autoptr(GtmSheet) sheet = new_sheet (project, GTM_SHEET_PERSONA, GTM_NODE (persona), A4_WIDTH, A4_HEIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 60, 85);
  cairo_t *cr = cairo_create (surface);

  g_clear_object (&persona);
  g_object_unref (project);

  cairo_scale (cr, 0.1, 0.1);
  gtm_sheet_draw_page (sheet, 0, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_overflow (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmNode *messaging = gtm_project_get_messaging (project);
  g_autoptr(GString) long_benefit = g_string_new ("joins store, app and mini-program data");
  g_autoptr(GtmSheet) sheet = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const GtmFinding *finding;

  if (!gtm_core_test_have_poppler ())
    return;

  for (guint i = 0; i < 40; i++)
    g_string_append (long_benefit, ", and shows every shopper of every store in one place 看清每一位顾客");
  set_text (project, messaging, "benefit", long_benefit->str);

  sheet = new_sheet (project, GTM_SHEET_ONE_PAGER, NULL, A4_WIDTH, A4_HEIGHT);
  g_assert_cmpuint (gtm_sheet_get_n_pages (sheet), ==, 1);
  g_assert_cmpuint (count_findings (sheet, GTM_FINDING_OVERFLOW, NULL), ==, 1);
  finding = find_finding (sheet, GTM_FINDING_OVERFLOW, "positioning");
  g_assert_nonnull (finding);
  assert_finding_node (finding, messaging);
  /* The sample's messaging has no id of its own. */
  g_assert_cmpstr (finding->node_id, ==, "messaging");
  g_assert_cmpstr (finding->asset, ==, "test");
  g_assert_nonnull (strstr (finding->message, "Positioning statement"));
  g_assert_nonnull (strstr (finding->message, "lines"));

  dir = gtm_core_test_make_dir ("test-sheet");
  pdf = write_pdf (sheet, dir, "overflow.pdf", A4_WIDTH, A4_HEIGHT);
  text = gtm_core_test_run_poppler ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "\u2026"));
  /* What came after the statement is still on the page. */
  gtm_core_test_assert_text_contains (text, "Prove the ROI of every campaign");
  gtm_core_test_assert_text_contains (text, "Enterprise 企业版");

  gtm_core_test_remove_tree (dir);
}

/* A persona with more goals than a page holds: as many as fit, then one
 * finding saying how many. */
static void
test_overflow_list (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmNode *persona = find_named (gtm_project_get_personas (project), "张伟 Zhang Wei");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) goals = NULL;
  g_autoptr(GtmSheet) sheet = NULL;
  const GtmFinding *finding;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *goal = g_strdup_printf ("Goal number %u 目标", i + 1);

      g_strv_builder_add (builder, goal);
    }
  goals = g_strv_builder_end (builder);
  gtm_history_set (gtm_project_get_history (project), persona, "goals", goals, NULL);

  sheet = new_sheet (project, GTM_SHEET_PERSONA, persona, A4_WIDTH, A4_HEIGHT);
  g_assert_cmpuint (gtm_sheet_get_n_pages (sheet), ==, 1);
  finding = find_finding (sheet, GTM_FINDING_OVERFLOW, "goals");
  g_assert_nonnull (finding);
  assert_finding_node (finding, persona);
  g_assert_nonnull (strstr (finding->message, "of the 120 items"));
  g_assert_cmpuint (count_findings (sheet, GTM_FINDING_OVERFLOW, "goals"), ==, 1);
}

static void
test_empty_one_pager (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Empty");
  GtmNode *messaging = gtm_project_get_messaging (project);
  g_autoptr(GtmSheet) sheet = new_sheet (project, GTM_SHEET_ONE_PAGER, NULL, A4_WIDTH, A4_HEIGHT);
  const GtmFinding *finding;

  g_assert_cmpuint (gtm_sheet_get_n_pages (sheet), ==, 1);
  finding = find_finding (sheet, GTM_FINDING_EMPTY_FIELD, "product-name");
  g_assert_nonnull (finding);
  assert_finding_node (finding, GTM_NODE (project));
  g_assert_nonnull (strstr (finding->message, "Product name"));
  finding = find_finding (sheet, GTM_FINDING_EMPTY_FIELD, "positioning");
  g_assert_nonnull (finding);
  assert_finding_node (finding, messaging);
  g_assert_nonnull (find_finding (sheet, GTM_FINDING_EMPTY_FIELD, "benefits"));
  g_assert_nonnull (find_finding (sheet, GTM_FINDING_EMPTY_FIELD, "call-to-action"));
  g_assert_cmpuint (count_findings (sheet, GTM_FINDING_OVERFLOW, NULL), ==, 0);

  /* And the other layouts of an empty project. */
  for (GtmSheetKind kind = GTM_SHEET_MESSAGING_DOC; kind <= GTM_SHEET_LAUNCH_TIMELINE; kind++)
    {
      g_autoptr(GtmSheet) other = new_sheet (project, kind, NULL, A4_WIDTH, A4_HEIGHT);

      g_assert_cmpuint (gtm_sheet_get_n_pages (other), ==, 1);
    }
  {
    g_autoptr(GtmSheet) pricing = new_sheet (project, GTM_SHEET_PRICING, NULL, A4_WIDTH, A4_HEIGHT);
    g_autoptr(GtmSheet) timeline = new_sheet (project, GTM_SHEET_LAUNCH_TIMELINE, NULL, A4_HEIGHT, A4_WIDTH);

    g_assert_nonnull (find_finding (pricing, GTM_FINDING_EMPTY_FIELD, "tiers"));
    g_assert_nonnull (find_finding (timeline, GTM_FINDING_EMPTY_FIELD, "activities"));
  }
}

static void
test_empty_persona (void)
{
  g_autoptr(GtmProject) project = gtm_project_new ("Empty");
  g_autoptr(GError) error = NULL;
  GtmPersona *buyer = gtm_project_add_persona (project, GTM_PERSONA_KIND_BUYER, 0, NULL, &error);
  GtmPersona *user = gtm_project_add_persona (project, GTM_PERSONA_KIND_USER, 1, NULL, &error);
  g_autoptr(GtmSheet) buyer_sheet = NULL;
  g_autoptr(GtmSheet) user_sheet = NULL;

  g_assert_no_error (error);
  buyer_sheet = new_sheet (project, GTM_SHEET_PERSONA, GTM_NODE (buyer), A4_WIDTH, A4_HEIGHT);
  user_sheet = new_sheet (project, GTM_SHEET_PERSONA, GTM_NODE (user), A4_WIDTH, A4_HEIGHT);

  g_assert_nonnull (find_finding (buyer_sheet, GTM_FINDING_EMPTY_FIELD, "goals"));
  g_assert_nonnull (find_finding (buyer_sheet, GTM_FINDING_EMPTY_FIELD, "challenges"));
  g_assert_null (find_finding (buyer_sheet, GTM_FINDING_EMPTY_FIELD, "jobs"));
  g_assert_nonnull (find_finding (user_sheet, GTM_FINDING_EMPTY_FIELD, "jobs"));
  g_assert_nonnull (find_finding (user_sheet, GTM_FINDING_EMPTY_FIELD, "pains"));
  g_assert_null (find_finding (user_sheet, GTM_FINDING_EMPTY_FIELD, "goals"));
}

/* Characters no font has (Linear B, a private-use character) are reported
 * where they are; the sheet is still made and drawn. */
static void
test_missing_glyphs (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmNode *persona = find_named (gtm_project_get_personas (project), "李丽 Lily Li");
  GtmNode *competitor = find_named (gtm_project_get_competitors (project), "Northwind BI");
  g_autoptr(GtmSheet) persona_sheet = NULL;
  g_autoptr(GtmSheet) battlecard = NULL;
  const GtmFinding *finding;

  set_text (project, persona, "scenario", "Opens the report \U00010000\U00010001 every Monday");
  set_text (project, competitor, "how-we-win", "Faster \uE000 setup");

  persona_sheet = new_sheet (project, GTM_SHEET_PERSONA, persona, A4_WIDTH, A4_HEIGHT);
  finding = find_finding (persona_sheet, GTM_FINDING_MISSING_GLYPHS, "scenario");
  g_assert_nonnull (finding);
  assert_finding_node (finding, persona);
  g_assert_cmpuint (count_findings (persona_sheet, GTM_FINDING_MISSING_GLYPHS, NULL), ==, 1);

  battlecard = new_sheet (project, GTM_SHEET_BATTLECARD, competitor, A4_WIDTH, A4_HEIGHT);
  finding = find_finding (battlecard, GTM_FINDING_MISSING_GLYPHS, "how-we-win");
  g_assert_nonnull (finding);
  assert_finding_node (finding, competitor);
}

static void
test_broken_link (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmNode *competitor = find_named (gtm_project_get_competitors (project), "SheetFlow 表格流");
  g_autoptr(GtmSheet) sheet = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const GtmFinding *finding;

  if (!gtm_core_test_have_poppler ())
    return;

  set_text (project, competitor, "how-we-win", "Cheaper than {{persona-gone0000001.name}} thinks.");
  sheet = new_sheet (project, GTM_SHEET_BATTLECARD, competitor, A4_WIDTH, A4_HEIGHT);
  finding = find_finding (sheet, GTM_FINDING_BROKEN_LINK, "how-we-win");
  g_assert_nonnull (finding);
  assert_finding_node (finding, competitor);
  g_assert_cmpuint (count_findings (sheet, GTM_FINDING_BROKEN_LINK, NULL), ==, 1);

  /* The token itself never reaches the page. */
  dir = gtm_core_test_make_dir ("test-sheet");
  pdf = write_pdf (sheet, dir, "broken.pdf", A4_WIDTH, A4_HEIGHT);
  text = gtm_core_test_run_poppler ("pdftotext", pdf);
  gtm_core_test_assert_text_contains (text, "Cheaper than");
  g_assert_null (strstr (text, "persona-gone0000001"));

  gtm_core_test_remove_tree (dir);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A logo @width × @height pixels: a dark green disc. */
static GBytes *
make_logo (int width,
           int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.1, 0.4, 0.3);
  cairo_arc (cr, height / 2.0, height / 2.0, height / 2.5, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  cairo_surface_flush (surface);
  return ((guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface)))[x];
}

/* The brand kit: its colour across the top, its logo on every page of a
 * document but stored once, and a logo too small to print reported. */
static void
test_brand (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  GtmNode *brand = gtm_project_get_brand (project);
  g_autoptr(GBytes) logo = make_logo (600, 200);
  g_autoptr(GBytes) tiny = make_logo (60, 20);
  g_autoptr(GtmSheet) doc = NULL;
  g_autoptr(GtmSheet) one_pager = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *images = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *argv[] = { "pdfimages", "-list", NULL, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_images = 0;
  int status = 0;
  const GtmFinding *finding;

  if (!gtm_core_test_have_poppler ())
    return;

  gtm_history_set (gtm_project_get_history (project), brand,
                   "logo", logo, "primary-color", "#f6d32d", "accent-color", "#26a269", NULL);

  /* The band in the brand's primary colour. */
  one_pager = new_sheet (project, GTM_SHEET_ONE_PAGER, NULL, A4_WIDTH, A4_HEIGHT);
  g_assert_null (find_finding (one_pager, GTM_FINDING_LOW_RESOLUTION, "logo"));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 60, 85);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.1, 0.1);
  gtm_sheet_draw_page (one_pager, 0, cr);
  cairo_destroy (cr);
  g_assert_cmphex (pixel_at (surface, 2, 1), ==, 0xfff6d32d);
  /* And the page white below it. */
  g_assert_cmphex (pixel_at (surface, 1, 80), ==, 0xffffffff);
  cairo_surface_destroy (surface);

  dir = gtm_core_test_make_dir ("test-sheet");
  doc = new_sheet (project, GTM_SHEET_MESSAGING_DOC, NULL, A4_WIDTH, A4_HEIGHT);
  g_assert_cmpuint (gtm_sheet_get_n_pages (doc), >, 1);
  pdf = write_pdf (doc, dir, "brand.pdf", A4_WIDTH, A4_HEIGHT);
  gtm_core_test_assert_fonts_embedded (pdf);

  /* page num type width height color comp bpc enc interp object ID …:
   * the logo on every page, one image object. */
  argv[2] = pdf;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &images, NULL, &status, NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (images, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = g_strsplit_set (lines[i], " ", -1);
      GPtrArray *words = g_ptr_array_new ();

      for (guint j = 0; columns[j] != NULL; j++)
        if (*columns[j] != '\0')
          g_ptr_array_add (words, columns[j]);
      if (words->len > 10 && g_str_equal (g_ptr_array_index (words, 2), "image"))
        {
          n_images++;
          g_hash_table_add (objects, g_strdup (g_ptr_array_index (words, 10)));
        }
      g_ptr_array_free (words, TRUE);
    }
  g_assert_cmpuint (n_images, ==, gtm_sheet_get_n_pages (doc));
  g_assert_cmpuint (g_hash_table_size (objects), ==, 1);

  /* 60 pixels across a band's logo box prints at about 40 dpi. */
  gtm_history_set (gtm_project_get_history (project), brand, "logo", tiny, NULL);
  g_clear_pointer (&one_pager, gtm_sheet_free);
  one_pager = new_sheet (project, GTM_SHEET_ONE_PAGER, NULL, A4_WIDTH, A4_HEIGHT);
  finding = find_finding (one_pager, GTM_FINDING_LOW_RESOLUTION, "logo");
  g_assert_nonnull (finding);
  assert_finding_node (finding, brand);

  gtm_core_test_remove_tree (dir);
}

/* Other page sizes: Letter and a 16:9 slide, with the brand's colours. */
static void
test_page_sizes (void)
{
  g_autoptr(GtmProject) project = gtm_core_test_read_sample ();
  /* Letter, a slide, and pages too small for much, down to the smallest
   * a PDF export takes. */
  const double sizes[][2] = { { 612, 792 }, { 960, 540 }, { 200, 200 }, { 36, 36 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (GtmSheetKind kind = GTM_SHEET_ONE_PAGER; kind <= GTM_SHEET_LAUNCH_TIMELINE; kind++)
      {
        GtmNode *subject = NULL;
        g_autoptr(GtmSheet) sheet = NULL;
        cairo_surface_t *surface;
        cairo_t *cr;

        if (kind == GTM_SHEET_PERSONA)
          subject = find_named (gtm_project_get_personas (project), "林莎 Sarah Lin");
        else if (kind == GTM_SHEET_BATTLECARD)
          subject = find_named (gtm_project_get_competitors (project), "Northwind BI");

        sheet = new_sheet (project, kind, subject, sizes[i][0], sizes[i][1]);
        if (kind <= GTM_SHEET_BATTLECARD)
          g_assert_cmpuint (gtm_sheet_get_n_pages (sheet), ==, 1);

        /* Letter holds what A4 does; a slide's short page takes the
         * sheets with more columns. */
        if (sizes[i][0] == 612 || (sizes[i][0] == 960 && kind != GTM_SHEET_ONE_PAGER))
          assert_laid_out_cleanly (sheet);

        /* A tiny page cuts, and says so. */
        if (sizes[i][0] < 300 && kind <= GTM_SHEET_BATTLECARD)
          g_assert_cmpuint (count_findings (sheet, GTM_FINDING_OVERFLOW, NULL), >, 0);

        surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
        cr = cairo_create (surface);
        for (guint page = 0; page < gtm_sheet_get_n_pages (sheet); page++)
          gtm_sheet_draw_page (sheet, page, cr);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtm_core_init ();

  g_test_add_func ("/sheet/one-pager", test_one_pager);
  g_test_add_func ("/sheet/persona-sheets", test_persona_sheets);
  g_test_add_func ("/sheet/battlecards", test_battlecards);
  g_test_add_func ("/sheet/messaging-doc", test_messaging_doc);
  g_test_add_func ("/sheet/pricing-sheet", test_pricing_sheet);
  g_test_add_func ("/sheet/launch-timeline", test_launch_timeline);
  g_test_add_func ("/sheet/draws-without-project", test_draws_without_project);
  g_test_add_func ("/sheet/overflow", test_overflow);
  g_test_add_func ("/sheet/overflow-list", test_overflow_list);
  g_test_add_func ("/sheet/empty-one-pager", test_empty_one_pager);
  g_test_add_func ("/sheet/empty-persona", test_empty_persona);
  g_test_add_func ("/sheet/missing-glyphs", test_missing_glyphs);
  g_test_add_func ("/sheet/broken-link", test_broken_link);
  g_test_add_func ("/sheet/brand", test_brand);
  g_test_add_func ("/sheet/page-sizes", test_page_sizes);

  return g_test_run ();
}
