/* bench-format.c — how long writing and reading a .gtm file takes
 *
 * Serializing runs on the main thread when the app saves (the model is not
 * shared with threads), so its time is what a user waits before the write
 * goes to a worker. Prints figures; asserts nothing. With GTM_BENCH_SMOKE=1
 * it writes and reads 100, 300 and 1,000 items instead (a smoke run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-format"

#include "config.h"

#include "bench-common.h"

#include "gtm-core.h"

static const char *texts[] = {
  "Pain: store reports arrive a week late",
  "痛点：门店报表滞后一周",
  "Gain: one view of every store",
  "價值主張：一個畫面看全部門店",
};

static GtmProject *
build_project (guint n_items)
{
  GtmProject *project = gtm_project_new ("Bench");
  g_autoptr(GtmBoard) board = gtm_board_new ("Board");
  GListStore *items = gtm_node_get_list (GTM_NODE (board), "items");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  const char *previous = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      double x = (i % 100) * 200.0;
      double y = (i / 100) * 200.0;
      GtmItem *item;

      if (i % 4 == 3 && previous != NULL)
        item = gtm_connector_new (previous, gtm_node_get_id (g_ptr_array_index (batch, i - 2)));
      else if (i % 4 == 2)
        item = gtm_shape_new (GTM_SHAPE_ROUNDED_RECTANGLE, x, y, 160, 100);
      else
        item = gtm_note_new (x, y, texts[i % G_N_ELEMENTS (texts)]);

      previous = gtm_node_get_id (GTM_NODE (item));
      g_ptr_array_add (batch, item);
    }

  /* Built outside the history, as the reader does. */
  g_list_store_splice (items, 0, 0, batch->pdata, batch->len);
  g_list_store_append (gtm_node_get_list (GTM_NODE (project), "boards"), board);

  return project;
}

static void
bench (guint n_items)
{
  g_autoptr(GtmProject) project = build_project (n_items);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GtmProject) reread = NULL;
  g_autoptr(GError) error = NULL;
  double start, written, read;

  start = bench_now_us ();
  bytes = gtm_format_write_bytes (project);
  written = bench_now_us ();
  reread = gtm_format_read_bytes (bytes, &error);
  read = bench_now_us ();

  if (reread == NULL)
    g_error ("%s", error->message);

  g_print ("%6u items, %6.1f MB: write %7.1f ms, read %7.1f ms\n",
           n_items, g_bytes_get_size (bytes) / 1e6,
           (written - start) / 1000, (read - written) / 1000);
}

int
main (int   argc,
      char *argv[])
{
  gboolean smoke;

  gtm_core_init ();
  smoke = bench_smoke ();

  bench (smoke ? 100 : 1000);
  bench (smoke ? 300 : 10000);
  bench (smoke ? 1000 : 100000);

  return 0;
}
