/* bench-format.c — how long writing and reading a .gtm file takes
 *
 * Serializing runs on the main thread when the app saves (the model is not
 * shared with threads), so its time is what a user waits before the write
 * goes to a worker; reading is most of the time to open a project. Each
 * size is written and read several times; a line per size gives the
 * medians, then one line per figure, "name value unit":
 *
 *   write_10k        gtm_format_write_bytes() of a 10,000-item project
 *   read_10k         gtm_format_read_bytes() of its bytes
 *   json_parse_10k   json-glib's parse of the same bytes alone, for scale:
 *                    what the reader took before it had a parser of its own
 *   read_cpu_10k     read_10k in processor time of the thread: steadier
 *                    than the clock when other programs share the machine
 *
 * and the same for 1k and 100k. Asserts nothing. With GTM_BENCH_SMOKE=1 it
 * writes and reads 100, 300 and 1,000 items instead, twice each (a smoke
 * run: the same names, meaningless figures).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-format"

#include "config.h"

#include <stdio.h>
#include <time.h>

#include <json-glib/json-glib.h>

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

/* Microseconds of processor time this thread has used. */
static double
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* "name_size value unit" */
static void
print_figure (const char *name,
              const char *size,
              double      value,
              const char *unit)
{
  g_autofree char *figure = g_strdup_printf ("%s_%s", name, size);

  bench_print_figure (figure, value, unit);
}

static void
bench (guint       n_items,
       const char *size,
       guint       n_runs)
{
  g_autoptr(GtmProject) project = build_project (n_items);
  g_autofree double *write_ms = g_new (double, n_runs);
  g_autofree double *read_ms = g_new (double, n_runs);
  g_autofree double *parse_ms = g_new (double, n_runs);
  g_autofree double *read_cpu_ms = g_new (double, n_runs);
  gsize n_bytes = 0;

  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GtmProject) reread = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      const char *data;
      double start, cpu_start;

      start = bench_now_us ();
      bytes = gtm_format_write_bytes (project);
      write_ms[run] = (bench_now_us () - start) / 1000;

      start = bench_now_us ();
      cpu_start = thread_cpu_us ();
      reread = gtm_format_read_bytes (bytes, &error);
      read_cpu_ms[run] = (thread_cpu_us () - cpu_start) / 1000;
      read_ms[run] = (bench_now_us () - start) / 1000;
      if (reread == NULL)
        g_error ("%s", error->message);

      data = g_bytes_get_data (bytes, &n_bytes);
      start = bench_now_us ();
      if (!json_parser_load_from_data (parser, data, n_bytes, &error))
        g_error ("%s", error->message);
      parse_ms[run] = (bench_now_us () - start) / 1000;
    }

  printf ("%6u items, %6.1f MB: write %7.1f ms, read %7.1f ms (medians of %u)\n",
          n_items, n_bytes / 1e6, bench_median (write_ms, n_runs),
          bench_median (read_ms, n_runs), n_runs);
  print_figure ("write", size, bench_median (write_ms, n_runs), "ms");
  print_figure ("read", size, bench_median (read_ms, n_runs), "ms");
  print_figure ("json_parse", size, bench_median (parse_ms, n_runs), "ms");
  print_figure ("read_cpu", size, bench_median (read_cpu_ms, n_runs), "ms");
}

int
main (int   argc,
      char *argv[])
{
  gboolean smoke;

  gtm_core_init ();
  smoke = bench_smoke ();

  bench (smoke ? 100 : 1000, "1k", smoke ? 2 : 11);
  bench (smoke ? 300 : 10000, "10k", smoke ? 2 : 9);
  bench (smoke ? 1000 : 100000, "100k", smoke ? 2 : 3);

  return 0;
}
