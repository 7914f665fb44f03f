/* test-snap.c — snapping, alignment guides and resize math of the canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-snap"

#include "config.h"

#include "gtm-item.h"
#include "gtm-snap.h"

#define EPSILON 1e-9

#define assert_rect(r, ex, ey, ew, eh) G_STMT_START { \
    g_assert_cmpfloat_with_epsilon ((r)->x, (ex), EPSILON); \
    g_assert_cmpfloat_with_epsilon ((r)->y, (ey), EPSILON); \
    g_assert_cmpfloat_with_epsilon ((r)->width, (ew), EPSILON); \
    g_assert_cmpfloat_with_epsilon ((r)->height, (eh), EPSILON); \
  } G_STMT_END

#define assert_guide(g, orient, pos, from, to) G_STMT_START { \
    g_assert_cmpint ((g)->orientation, ==, (orient)); \
    g_assert_cmpfloat_with_epsilon ((g)->position, (pos), EPSILON); \
    g_assert_cmpfloat_with_epsilon ((g)->start, (from), EPSILON); \
    g_assert_cmpfloat_with_epsilon ((g)->end, (to), EPSILON); \
  } G_STMT_END

/* Items only, no grid, at 100 %. */
static GtmSnapOptions
items_only (double zoom)
{
  GtmSnapOptions options;

  gtm_snap_options_init (&options, zoom, 0.0);
  return options;
}

/* A wide item whose lines (100, 200, 300 and 0, 25, 50) are far from one
 * another, so that only the line a test aims at is in reach. */
static const GtmRect wide = { 100, 0, 200, 50 };

static void
test_snap_left_edge (void)
{
  GtmSnapOptions options = items_only (1.0);
  GtmSnapResult result;
  GtmRect moving = { 104, 200, 30, 30 };

  /* 4 px from the other's left edge: pulled onto it. */
  gtm_snap_move (&moving, &options, &wide, 1, &result);
  assert_rect (&result.rect, 100, 200, 30, 30);
  g_assert_cmpint (result.x_target, ==, GTM_SNAP_TARGET_ITEM);
  g_assert_cmpint (result.y_target, ==, GTM_SNAP_TARGET_NONE);
  g_assert_cmpuint (result.n_guides, ==, 1);
  /* The guide runs from the other's top to the moving rectangle's bottom. */
  assert_guide (&result.guides[0], GTM_GUIDE_VERTICAL, 100, 0, 230);

  /* Snapping from the left works the same. */
  moving.x = 95;
  gtm_snap_move (&moving, &options, &wide, 1, &result);
  g_assert_cmpfloat (result.rect.x, ==, 100);

  /* Exactly at the threshold still snaps… */
  moving.x = 106;
  gtm_snap_move (&moving, &options, &wide, 1, &result);
  g_assert_cmpfloat (result.rect.x, ==, 100);

  /* …one pixel beyond it does not, and no guide is shown. */
  moving.x = 107;
  gtm_snap_move (&moving, &options, &wide, 1, &result);
  assert_rect (&result.rect, 107, 200, 30, 30);
  g_assert_cmpint (result.x_target, ==, GTM_SNAP_TARGET_NONE);
  g_assert_cmpuint (result.n_guides, ==, 0);
}

static void
test_snap_centre (void)
{
  GtmSnapOptions options = items_only (1.0);
  GtmSnapResult result;
  GtmRect other = { 0, 0, 100, 100 };
  GtmRect moving = { 23, 300, 50, 40 };

  /* Centre 48 is 2 from the other's centre 50; the edges are far. */
  gtm_snap_move (&moving, &options, &other, 1, &result);
  assert_rect (&result.rect, 25, 300, 50, 40);
  g_assert_cmpuint (result.n_guides, ==, 1);
  assert_guide (&result.guides[0], GTM_GUIDE_VERTICAL, 50, 0, 340);

  /* Middles likewise, vertically: a horizontal guide. */
  moving = (GtmRect) { 300, 27, 50, 40 };
  gtm_snap_move (&moving, &options, &other, 1, &result);
  assert_rect (&result.rect, 300, 30, 50, 40);
  g_assert_cmpint (result.y_target, ==, GTM_SNAP_TARGET_ITEM);
  g_assert_cmpuint (result.n_guides, ==, 1);
  assert_guide (&result.guides[0], GTM_GUIDE_HORIZONTAL, 50, 0, 350);
}

/* A left edge also snaps to the other's right edge, so items butt up. */
static void
test_snap_edge_to_opposite_edge (void)
{
  GtmSnapOptions options = items_only (1.0);
  GtmSnapResult result;
  GtmRect moving = { 303, 100, 30, 30 };

  gtm_snap_move (&moving, &options, &wide, 1, &result);
  g_assert_cmpfloat (result.rect.x, ==, 300);
  assert_guide (&result.guides[0], GTM_GUIDE_VERTICAL, 300, 0, 130);
}

static void
test_snap_nearest_wins (void)
{
  GtmSnapOptions options = items_only (1.0);
  GtmSnapResult result;
  GtmRect others[] = {
    { 100, 0, 200, 50 },   /* left edge 4 away */
    { 0, 500, 102, 50 },   /* right edge 2 away */
  };
  GtmRect moving = { 104, 200, 30, 30 };

  gtm_snap_move (&moving, &options, others, G_N_ELEMENTS (others), &result);
  g_assert_cmpfloat (result.rect.x, ==, 102);
  g_assert_cmpuint (result.n_guides, ==, 1);
  assert_guide (&result.guides[0], GTM_GUIDE_VERTICAL, 102, 200, 550);
}

static void
test_snap_grid (void)
{
  GtmSnapOptions options;
  GtmSnapResult result;
  GtmRect moving = { 13, 21, 40, 40 };

  gtm_snap_options_init (&options, 1.0, 8.0);

  gtm_snap_move (&moving, &options, NULL, 0, &result);
  assert_rect (&result.rect, 16, 24, 40, 40);
  g_assert_cmpint (result.x_target, ==, GTM_SNAP_TARGET_GRID);
  g_assert_cmpint (result.y_target, ==, GTM_SNAP_TARGET_GRID);
  /* The grid draws its own lines: no guides. */
  g_assert_cmpuint (result.n_guides, ==, 0);

  moving = (GtmRect) { -13, -3, 40, 40 };
  gtm_snap_move (&moving, &options, NULL, 0, &result);
  assert_rect (&result.rect, -16, 0, 40, 40);

  /* A grid of 0 is no grid. */
  gtm_snap_options_init (&options, 1.0, 0.0);
  moving = (GtmRect) { 13, 21, 40, 40 };
  gtm_snap_move (&moving, &options, NULL, 0, &result);
  assert_rect (&result.rect, 13, 21, 40, 40);
  g_assert_cmpint (result.x_target, ==, GTM_SNAP_TARGET_NONE);

  /* Nor does the grid apply without its flag. */
  gtm_snap_options_init (&options, 1.0, 8.0);
  options.flags = GTM_SNAP_ITEMS;
  gtm_snap_move (&moving, &options, NULL, 0, &result);
  assert_rect (&result.rect, 13, 21, 40, 40);
}

static void
test_snap_item_wins_over_grid (void)
{
  GtmSnapOptions options;
  GtmSnapResult result;
  GtmRect moving = { 103, 205, 30, 30 };

  gtm_snap_options_init (&options, 1.0, 8.0);

  /* The grid would give x = 104; the item's left edge at 100 is in reach
   * and wins. Nothing is in reach vertically, so y goes to the grid. */
  gtm_snap_move (&moving, &options, &wide, 1, &result);
  assert_rect (&result.rect, 100, 208, 30, 30);
  g_assert_cmpint (result.x_target, ==, GTM_SNAP_TARGET_ITEM);
  g_assert_cmpint (result.y_target, ==, GTM_SNAP_TARGET_GRID);
  g_assert_cmpuint (result.n_guides, ==, 1);
  assert_guide (&result.guides[0], GTM_GUIDE_VERTICAL, 100, 0, 238);
}

static void
test_snap_threshold_scales_with_zoom (void)
{
  GtmSnapOptions options;
  GtmSnapResult result;
  GtmRect moving = { 104, 200, 30, 30 };

  /* At 200 %, 6 screen pixels are 3 board units: 4 is out of reach. */
  options = items_only (2.0);
  gtm_snap_move (&moving, &options, &wide, 1, &result);
  g_assert_cmpfloat (result.rect.x, ==, 104);
  g_assert_cmpint (result.x_target, ==, GTM_SNAP_TARGET_NONE);

  moving.x = 102.5;
  gtm_snap_move (&moving, &options, &wide, 1, &result);
  g_assert_cmpfloat (result.rect.x, ==, 100);

  /* At 50 %, they are 12 units: 10 is in reach, though not at 100 %. */
  moving.x = 110;
  options = items_only (0.5);
  gtm_snap_move (&moving, &options, &wide, 1, &result);
  g_assert_cmpfloat (result.rect.x, ==, 100);
  options = items_only (1.0);
  gtm_snap_move (&moving, &options, &wide, 1, &result);
  g_assert_cmpfloat (result.rect.x, ==, 110);

  /* The threshold itself is the caller's (e.g. larger for touch). */
  options.threshold = 12.0;
  gtm_snap_move (&moving, &options, &wide, 1, &result);
  g_assert_cmpfloat (result.rect.x, ==, 100);
}

static void
test_snap_guides_span (void)
{
  GtmSnapOptions options = items_only (1.0);
  GtmSnapResult result;
  GtmRect others[] = {
    { 100, 0, 200, 50 },   /* left edge at 100 */
    { 100, 400, 80, 20 },  /* left edge at 100, further down */
    { 500, 170, 50, 30 },  /* bottom edge at 200, to the right */
  };
  GtmRect moving = { 103, 202, 30, 30 };

  gtm_snap_move (&moving, &options, others, G_N_ELEMENTS (others), &result);
  assert_rect (&result.rect, 100, 200, 30, 30);
  g_assert_cmpuint (result.n_guides, ==, 2);
  /* Through both items sharing the left edge, top of one to bottom of the
   * other. */
  assert_guide (&result.guides[0], GTM_GUIDE_VERTICAL, 100, 0, 420);
  /* From the moving rectangle's left to the far item's right. */
  assert_guide (&result.guides[1], GTM_GUIDE_HORIZONTAL, 200, 100, 550);
}

static void
test_snap_guides_every_shared_line (void)
{
  GtmSnapOptions options = items_only (1.0);
  GtmSnapResult result;
  GtmRect moving = { 102, 100, 200, 30 };

  /* As wide as the other: left, centre and right all line up. */
  gtm_snap_move (&moving, &options, &wide, 1, &result);
  g_assert_cmpfloat (result.rect.x, ==, 100);
  g_assert_cmpuint (result.n_guides, ==, 3);
  assert_guide (&result.guides[0], GTM_GUIDE_VERTICAL, 100, 0, 130);
  assert_guide (&result.guides[1], GTM_GUIDE_VERTICAL, 200, 0, 130);
  assert_guide (&result.guides[2], GTM_GUIDE_VERTICAL, 300, 0, 130);
}

/* Alt: the caller passes no flags and the pointer rules. */
static void
test_snap_disabled (void)
{
  GtmSnapOptions options;
  GtmSnapResult result;
  GtmRect moving = { 103, 205, 30, 30 };

  gtm_snap_options_init (&options, 1.0, 8.0);
  options.flags = GTM_SNAP_NONE;

  gtm_snap_move (&moving, &options, &wide, 1, &result);
  assert_rect (&result.rect, 103, 205, 30, 30);
  g_assert_cmpint (result.x_target, ==, GTM_SNAP_TARGET_NONE);
  g_assert_cmpint (result.y_target, ==, GTM_SNAP_TARGET_NONE);
  g_assert_cmpuint (result.n_guides, ==, 0);

  gtm_snap_resize (&moving, GTM_RESIZE_HANDLE_RIGHT, 64, 0, GTM_RESIZE_NONE,
                   &options, &wide, 1, &result);
  assert_rect (&result.rect, 103, 205, 94, 30);
  g_assert_cmpuint (result.n_guides, ==, 0);
}

static void
test_resize_each_handle (void)
{
  static const struct {
    GtmResizeHandle handle;
    GtmRect expected;
  } cases[] = {
    { GTM_RESIZE_HANDLE_TOP_LEFT,     { 110, 120, 190,  80 } },
    { GTM_RESIZE_HANDLE_TOP,          { 100, 120, 200,  80 } },
    { GTM_RESIZE_HANDLE_TOP_RIGHT,    { 100, 120, 210,  80 } },
    { GTM_RESIZE_HANDLE_RIGHT,        { 100, 100, 210, 100 } },
    { GTM_RESIZE_HANDLE_BOTTOM_RIGHT, { 100, 100, 210, 120 } },
    { GTM_RESIZE_HANDLE_BOTTOM,       { 100, 100, 200, 120 } },
    { GTM_RESIZE_HANDLE_BOTTOM_LEFT,  { 110, 100, 190, 120 } },
    { GTM_RESIZE_HANDLE_LEFT,         { 110, 100, 190, 100 } },
  };
  const GtmRect original = { 100, 100, 200, 100 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtmRect result;

      g_test_message ("handle %d", cases[i].handle);
      gtm_resize_rect (&original, cases[i].handle, 10, 20, GTM_RESIZE_NONE, &result);
      assert_rect (&result, cases[i].expected.x, cases[i].expected.y,
                   cases[i].expected.width, cases[i].expected.height);
    }
}

static void
test_resize_keep_aspect (void)
{
  const GtmRect original = { 0, 0, 200, 100 };
  GtmRect result;

  /* The pointer went further in x relative to the width (×1.5) than in y
   * (×1.1): x sets the scale, the top left corner stays. */
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_BOTTOM_RIGHT, 100, 10,
                   GTM_RESIZE_KEEP_ASPECT, &result);
  assert_rect (&result, 0, 0, 300, 150);

  /* Here y changes more (×2 against ×1.1); the bottom right corner stays. */
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_TOP_LEFT, -20, -100,
                   GTM_RESIZE_KEEP_ASPECT, &result);
  assert_rect (&result, -200, -100, 400, 200);

  /* Shrinking by moving one way only works too. */
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_BOTTOM_RIGHT, -100, 0,
                   GTM_RESIZE_KEEP_ASPECT, &result);
  assert_rect (&result, 0, 0, 100, 50);

  /* An edge handle scales the other side about its centre. */
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_RIGHT, 100, 37,
                   GTM_RESIZE_KEEP_ASPECT, &result);
  assert_rect (&result, 0, -25, 300, 150);
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_BOTTOM, 0, -50,
                   GTM_RESIZE_KEEP_ASPECT, &result);
  assert_rect (&result, 50, 0, 100, 50);

  /* Without Shift the same drag changes the ratio. */
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_BOTTOM_RIGHT, 100, 10,
                   GTM_RESIZE_NONE, &result);
  assert_rect (&result, 0, 0, 300, 110);
}

static void
test_resize_limits (void)
{
  const GtmRect original = { 100, 100, 200, 100 };
  GtmRect result;

  /* Down to the smallest size, the anchor edge staying put… */
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_RIGHT, -199.5, 0, GTM_RESIZE_NONE, &result);
  assert_rect (&result, 100, 100, GTM_ITEM_SIZE_MIN, 100);
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_RIGHT, -200, 0, GTM_RESIZE_NONE, &result);
  assert_rect (&result, 100, 100, GTM_ITEM_SIZE_MIN, 100);
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_TOP, 0, 99.5, GTM_RESIZE_NONE, &result);
  assert_rect (&result, 100, 200 - GTM_ITEM_SIZE_MIN, 200, GTM_ITEM_SIZE_MIN);

  /* …and up to the largest. */
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_BOTTOM_RIGHT, 1e9, 50, GTM_RESIZE_NONE, &result);
  assert_rect (&result, 100, 100, GTM_ITEM_SIZE_MAX, 150);

  /* Keeping the ratio, the shorter side stops at the minimum and the
   * longer keeps the ratio: 2 × 1, not 1 × 0.5. */
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_BOTTOM_RIGHT, -199, -99.5,
                   GTM_RESIZE_KEEP_ASPECT, &result);
  assert_rect (&result, 100, 100, 2, 1);

  /* The longer side stops at the maximum, the shorter keeps the ratio. */
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_BOTTOM_RIGHT, 1e9, 0,
                   GTM_RESIZE_KEEP_ASPECT, &result);
  assert_rect (&result, 100, 100, GTM_ITEM_SIZE_MAX, GTM_ITEM_SIZE_MAX / 2);
}

/* Dragging a handle across the opposite edge flips the rectangle to the
 * other side of that edge, so the handle stays under the pointer. */
static void
test_resize_flip (void)
{
  const GtmRect original = { 100, 100, 200, 100 };
  GtmRect result;

  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_RIGHT, -300, 0, GTM_RESIZE_NONE, &result);
  assert_rect (&result, 0, 100, 100, 100);

  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_TOP_LEFT, 250, 130, GTM_RESIZE_NONE, &result);
  assert_rect (&result, 300, 200, 50, 30);

  /* With the ratio kept, each side flips where the pointer crossed it:
   * here both, the height (×2) setting the scale. */
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_BOTTOM_RIGHT, -400, -300,
                   GTM_RESIZE_KEEP_ASPECT, &result);
  assert_rect (&result, -300, -100, 400, 200);

  /* Only the width crossed: the rectangle flips sideways only. */
  gtm_resize_rect (&original, GTM_RESIZE_HANDLE_BOTTOM_RIGHT, -400, 0,
                   GTM_RESIZE_KEEP_ASPECT, &result);
  assert_rect (&result, -100, 100, 200, 100);
}

static void
test_resize_snap_moving_edge (void)
{
  GtmSnapOptions options = items_only (1.0);
  GtmSnapResult result;
  const GtmRect original = { 0, 0, 100, 50 };
  GtmRect other = { 200, 300, 50, 50 };

  /* The right edge, at 197, goes to the other's left edge at 200. */
  gtm_snap_resize (&original, GTM_RESIZE_HANDLE_RIGHT, 97, 0, GTM_RESIZE_NONE,
                   &options, &other, 1, &result);
  assert_rect (&result.rect, 0, 0, 200, 50);
  g_assert_cmpint (result.x_target, ==, GTM_SNAP_TARGET_ITEM);
  g_assert_cmpint (result.y_target, ==, GTM_SNAP_TARGET_NONE);
  g_assert_cmpuint (result.n_guides, ==, 1);
  assert_guide (&result.guides[0], GTM_GUIDE_VERTICAL, 200, 0, 350);

  /* Edges that do not move never snap, even with a line in reach: the
   * left edge (0) is 3 from the other's left edge, the top (0) 2 from its
   * bottom. */
  other = (GtmRect) { 3, -52, 400, 50 };
  gtm_snap_resize (&original, GTM_RESIZE_HANDLE_BOTTOM_RIGHT, 20, 30, GTM_RESIZE_NONE,
                   &options, &other, 1, &result);
  assert_rect (&result.rect, 0, 0, 120, 80);
  g_assert_cmpint (result.x_target, ==, GTM_SNAP_TARGET_NONE);
  g_assert_cmpint (result.y_target, ==, GTM_SNAP_TARGET_NONE);
  g_assert_cmpuint (result.n_guides, ==, 0);

  /* The left handle moves the left edge: that one snaps. */
  gtm_snap_resize (&original, GTM_RESIZE_HANDLE_LEFT, 5, 0, GTM_RESIZE_NONE,
                   &options, &other, 1, &result);
  assert_rect (&result.rect, 3, 0, 97, 50);
  assert_guide (&result.guides[0], GTM_GUIDE_VERTICAL, 3, -52, 50);
}

static void
test_resize_snap_grid (void)
{
  GtmSnapOptions options;
  GtmSnapResult result;
  const GtmRect original = { 0, 0, 100, 50 };

  gtm_snap_options_init (&options, 1.0, 8.0);

  gtm_snap_resize (&original, GTM_RESIZE_HANDLE_BOTTOM_RIGHT, 13, 7, GTM_RESIZE_NONE,
                   &options, NULL, 0, &result);
  assert_rect (&result.rect, 0, 0, 112, 56);
  g_assert_cmpint (result.x_target, ==, GTM_SNAP_TARGET_GRID);
  g_assert_cmpint (result.y_target, ==, GTM_SNAP_TARGET_GRID);
}

static void
test_resize_snap_keep_aspect (void)
{
  GtmSnapOptions options = items_only (1.0);
  GtmSnapResult result;
  const GtmRect original = { 0, 0, 200, 100 };
  GtmRect other = { 300, 400, 50, 50 };

  /* Keeping the ratio the corner reaches 296 × 148; the right edge snaps
   * to 300 and the height follows. */
  gtm_snap_resize (&original, GTM_RESIZE_HANDLE_BOTTOM_RIGHT, 96, 40, GTM_RESIZE_KEEP_ASPECT,
                   &options, &other, 1, &result);
  assert_rect (&result.rect, 0, 0, 300, 150);
  g_assert_cmpint (result.x_target, ==, GTM_SNAP_TARGET_ITEM);
  g_assert_cmpint (result.y_target, ==, GTM_SNAP_TARGET_NONE);
  g_assert_cmpuint (result.n_guides, ==, 1);
  assert_guide (&result.guides[0], GTM_GUIDE_VERTICAL, 300, 0, 450);

  /* When both edges could snap, the nearer snap decides: the bottom at
   * 148 is 1 from 149, the right edge 4 from 300. */
  {
    GtmRect others[] = { { 300, 400, 50, 50 }, { 500, 99, 50, 50 } };

    gtm_snap_resize (&original, GTM_RESIZE_HANDLE_BOTTOM_RIGHT, 96, 40, GTM_RESIZE_KEEP_ASPECT,
                     &options, others, G_N_ELEMENTS (others), &result);
    assert_rect (&result.rect, 0, 0, 298, 149);
    g_assert_cmpint (result.x_target, ==, GTM_SNAP_TARGET_NONE);
    g_assert_cmpint (result.y_target, ==, GTM_SNAP_TARGET_ITEM);
  }
}

/* The size limits win over a snap. */
static void
test_resize_snap_limits (void)
{
  GtmSnapOptions options = items_only (1.0);
  GtmSnapResult result;
  const GtmRect original = { 0, 0, 100, 50 };
  GtmRect other = { -200, 300, 299.5, 50 };

  gtm_snap_resize (&original, GTM_RESIZE_HANDLE_LEFT, 98, 0, GTM_RESIZE_NONE,
                   &options, &other, 1, &result);
  assert_rect (&result.rect, 99, 0, GTM_ITEM_SIZE_MIN, 50);
  g_assert_cmpint (result.x_target, ==, GTM_SNAP_TARGET_NONE);
}

static void
test_handles (void)
{
  const GtmRect rect = { 10, 20, 100, 50 };
  const GtmRect tiny = { 0, 0, 2, 2 };
  double x, y;

  gtm_resize_handle_get_point (&rect, GTM_RESIZE_HANDLE_BOTTOM_RIGHT, &x, &y);
  g_assert_cmpfloat (x, ==, 110);
  g_assert_cmpfloat (y, ==, 70);
  gtm_resize_handle_get_point (&rect, GTM_RESIZE_HANDLE_TOP, &x, &y);
  g_assert_cmpfloat (x, ==, 60);
  g_assert_cmpfloat (y, ==, 20);
  gtm_resize_handle_get_point (&rect, GTM_RESIZE_HANDLE_LEFT, &x, &y);
  g_assert_cmpfloat (x, ==, 10);
  g_assert_cmpfloat (y, ==, 45);

  /* The radius is in screen pixels: 1 board unit is 2 px at 200 %. */
  g_assert_cmpint (gtm_resize_handle_at (&rect, 2.0, 4.0, 111, 71), ==,
                   GTM_RESIZE_HANDLE_BOTTOM_RIGHT);
  g_assert_cmpint (gtm_resize_handle_at (&rect, 2.0, 4.0, 113, 70), ==,
                   GTM_RESIZE_HANDLE_NONE);
  g_assert_cmpint (gtm_resize_handle_at (&rect, 1.0, 4.0, 113, 70), ==,
                   GTM_RESIZE_HANDLE_BOTTOM_RIGHT);
  g_assert_cmpint (gtm_resize_handle_at (&rect, 1.0, 4.0, 60, 60), ==,
                   GTM_RESIZE_HANDLE_NONE);
  g_assert_cmpint (gtm_resize_handle_at (&rect, 1.0, 4.0, 8, 44), ==,
                   GTM_RESIZE_HANDLE_LEFT);

  /* On an item smaller than its handles the nearest wins, corners first. */
  g_assert_cmpint (gtm_resize_handle_at (&tiny, 1.0, 4.0, 0, 0), ==,
                   GTM_RESIZE_HANDLE_TOP_LEFT);
  g_assert_cmpint (gtm_resize_handle_at (&tiny, 1.0, 4.0, 1, -0.2), ==,
                   GTM_RESIZE_HANDLE_TOP);
  g_assert_cmpint (gtm_resize_handle_at (&tiny, 1.0, 4.0, 1, 1), ==,
                   GTM_RESIZE_HANDLE_TOP_LEFT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/snap/move/left-edge", test_snap_left_edge);
  g_test_add_func ("/snap/move/centre", test_snap_centre);
  g_test_add_func ("/snap/move/opposite-edge", test_snap_edge_to_opposite_edge);
  g_test_add_func ("/snap/move/nearest-wins", test_snap_nearest_wins);
  g_test_add_func ("/snap/move/grid", test_snap_grid);
  g_test_add_func ("/snap/move/item-wins-over-grid", test_snap_item_wins_over_grid);
  g_test_add_func ("/snap/move/threshold-zoom", test_snap_threshold_scales_with_zoom);
  g_test_add_func ("/snap/move/guides-span", test_snap_guides_span);
  g_test_add_func ("/snap/move/guides-every-line", test_snap_guides_every_shared_line);
  g_test_add_func ("/snap/disabled", test_snap_disabled);
  g_test_add_func ("/snap/resize/each-handle", test_resize_each_handle);
  g_test_add_func ("/snap/resize/keep-aspect", test_resize_keep_aspect);
  g_test_add_func ("/snap/resize/limits", test_resize_limits);
  g_test_add_func ("/snap/resize/flip", test_resize_flip);
  g_test_add_func ("/snap/resize/snap-moving-edge", test_resize_snap_moving_edge);
  g_test_add_func ("/snap/resize/snap-grid", test_resize_snap_grid);
  g_test_add_func ("/snap/resize/snap-keep-aspect", test_resize_snap_keep_aspect);
  g_test_add_func ("/snap/resize/snap-limits", test_resize_snap_limits);
  g_test_add_func ("/snap/handles", test_handles);

  return g_test_run ();
}
