/* test-viewport.c — zoom and pan arithmetic of the board view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-viewport"

#include "config.h"

#include <math.h>

#include "gtm-viewport.h"

#define EPSILON 1e-9

static void
test_round_trip (void)
{
  GtmViewport vp = { 2.5, 30.0, -12.0 };
  double bx, by, wx, wy;

  gtm_viewport_to_widget (&vp, 100.0, 40.0, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 100.0 * 2.5 + 30.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (wy, 40.0 * 2.5 - 12.0, EPSILON);

  gtm_viewport_to_board (&vp, wx, wy, &bx, &by);
  g_assert_cmpfloat_with_epsilon (bx, 100.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (by, 40.0, EPSILON);
}

/* Ctrl+scroll zooms about the pointer: the board point under it stays. */
static void
test_zoom_at_keeps_anchor (void)
{
  GtmViewport vp;
  double before_x, before_y, after_x, after_y;

  gtm_viewport_init (&vp);
  gtm_viewport_pan (&vp, 50.0, 80.0);
  gtm_viewport_to_board (&vp, 300.0, 200.0, &before_x, &before_y);

  g_assert_true (gtm_viewport_zoom_at (&vp, 3.0, 300.0, 200.0));
  g_assert_cmpfloat_with_epsilon (vp.zoom, 3.0, EPSILON);

  gtm_viewport_to_board (&vp, 300.0, 200.0, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, before_x, EPSILON);
  g_assert_cmpfloat_with_epsilon (after_y, before_y, EPSILON);

  /* Zooming out again about the same point goes back where it was. */
  g_assert_true (gtm_viewport_zoom_at (&vp, 1.0, 300.0, 200.0));
  g_assert_cmpfloat_with_epsilon (vp.offset_x, 50.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (vp.offset_y, 80.0, EPSILON);
}

static void
test_zoom_limits (void)
{
  GtmViewport vp;

  gtm_viewport_init (&vp);

  g_assert_true (gtm_viewport_zoom_at (&vp, 100.0, 0, 0));
  g_assert_cmpfloat (vp.zoom, ==, GTM_VIEWPORT_ZOOM_MAX);
  /* Already at the limit: nothing changes. */
  g_assert_false (gtm_viewport_zoom_at (&vp, 50.0, 10, 10));

  g_assert_true (gtm_viewport_zoom_at (&vp, 0.0001, 0, 0));
  g_assert_cmpfloat (vp.zoom, ==, GTM_VIEWPORT_ZOOM_MIN);
  g_assert_true (gtm_viewport_zoom_at (&vp, -3.0, 0, 0) == FALSE);
  g_assert_cmpfloat (vp.zoom, ==, GTM_VIEWPORT_ZOOM_MIN);

  g_assert_cmpfloat (gtm_viewport_clamp_zoom (NAN), ==, 1.0);
}

static void
test_pan (void)
{
  GtmViewport vp;

  gtm_viewport_init (&vp);
  gtm_viewport_pan (&vp, 10.0, -5.0);
  gtm_viewport_pan (&vp, 2.5, 2.5);
  g_assert_cmpfloat_with_epsilon (vp.offset_x, 12.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (vp.offset_y, -2.5, EPSILON);

  /* A broken delta from an input device moves nothing. */
  gtm_viewport_pan (&vp, NAN, INFINITY);
  g_assert_cmpfloat_with_epsilon (vp.offset_x, 12.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (vp.offset_y, -2.5, EPSILON);
}

static void
test_fit (void)
{
  GtmViewport vp;
  double x0, y0, x1, y1;

  /* A 2000 × 1000 board area in an 800 × 600 view with 50 px margins:
   * limited by the width, (800 - 100) / 2000 = 0.35. */
  gtm_viewport_init (&vp);
  gtm_viewport_fit (&vp, -500.0, 200.0, 2000.0, 1000.0, 800.0, 600.0, 50.0);
  g_assert_cmpfloat_with_epsilon (vp.zoom, 0.35, EPSILON);

  /* Centred, inside the margins. */
  gtm_viewport_to_widget (&vp, -500.0, 200.0, &x0, &y0);
  gtm_viewport_to_widget (&vp, 1500.0, 1200.0, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x0, 50.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (x1, 750.0, EPSILON);
  g_assert_cmpfloat_with_epsilon ((y0 + y1) / 2.0, 300.0, EPSILON);

  /* Small content is shown at 100 %, not blown up. */
  gtm_viewport_fit (&vp, 0.0, 0.0, 100.0, 50.0, 800.0, 600.0, 50.0);
  g_assert_cmpfloat (vp.zoom, ==, 1.0);
  gtm_viewport_to_widget (&vp, 50.0, 25.0, &x0, &y0);
  g_assert_cmpfloat_with_epsilon (x0, 400.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (y0, 300.0, EPSILON);

  /* Huge content stops at the lower zoom limit. */
  gtm_viewport_fit (&vp, 0.0, 0.0, 1e7, 1e7, 800.0, 600.0, 50.0);
  g_assert_cmpfloat (vp.zoom, ==, GTM_VIEWPORT_ZOOM_MIN);

  /* A view smaller than its margins still gives a usable zoom. */
  gtm_viewport_fit (&vp, 0.0, 0.0, 100.0, 100.0, 20.0, 20.0, 50.0);
  g_assert_cmpfloat (vp.zoom, >=, GTM_VIEWPORT_ZOOM_MIN);
  g_assert_cmpfloat (vp.zoom, <=, 1.0);
}

static void
test_zoom_levels (void)
{
  double zoom = 1.0;

  /* The zoom buttons walk round steps and stop at the limits. */
  g_assert_cmpfloat (gtm_viewport_zoom_level_above (1.0), ==, 1.25);
  g_assert_cmpfloat (gtm_viewport_zoom_level_below (1.0), ==, 0.75);
  g_assert_cmpfloat (gtm_viewport_zoom_level_above (1.1), ==, 1.25);
  g_assert_cmpfloat (gtm_viewport_zoom_level_below (1.1), ==, 1.0);
  g_assert_cmpfloat (gtm_viewport_zoom_level_above (0.75 * (1 + 1e-9)), ==, 1.0);

  for (guint i = 0; i < 50; i++)
    zoom = gtm_viewport_zoom_level_above (zoom);
  g_assert_cmpfloat (zoom, ==, GTM_VIEWPORT_ZOOM_MAX);

  for (guint i = 0; i < 50; i++)
    zoom = gtm_viewport_zoom_level_below (zoom);
  g_assert_cmpfloat (zoom, ==, GTM_VIEWPORT_ZOOM_MIN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/viewport/round-trip", test_round_trip);
  g_test_add_func ("/viewport/zoom-at-keeps-anchor", test_zoom_at_keeps_anchor);
  g_test_add_func ("/viewport/zoom-limits", test_zoom_limits);
  g_test_add_func ("/viewport/pan", test_pan);
  g_test_add_func ("/viewport/fit", test_fit);
  g_test_add_func ("/viewport/zoom-levels", test_zoom_levels);

  return g_test_run ();
}
