/* bench-common.c — clocks, statistics and the mixed board the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-common"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-common.h"

#include "gtm-connector.h"
#include "gtm-frame.h"
#include "gtm-note.h"
#include "gtm-shape.h"

static const char *note_texts[] = {
  "Buyer persona: CMO of a mid-size SaaS company",
  "用户画像：每天运行营销活动的市场专员",
  "Pain: positioning lives in a dozen decks that drift apart",
  "痛点：定位和价格在十几份材料里不一致",
  "Gain: one source of truth for the launch",
  "价值主张：一个文件，集中管理所有上线材料",
  "Competitor A wins on price, loses on integrations",
  "上线计划：销售培训、发布会、促销",
  "NPS target 45 by Q3",
  "电梯演讲：一分钟讲清楚",
};

static const char *shape_texts[] = {
  "Awareness", "认知", "Interest", "兴趣", "Trial", "试用", "Purchase", "购买", "Loyalty", "忠诚",
};

static const char *label_texts[] = {
  "influences", "驱动", "converts 12%", "转化",
};

/**
 * bench_smoke:
 *
 * Whether GTM_BENCH_SMOKE=1 asks for a smoke run: the same code paths
 * over tiny boards, few frames and small payloads, so that the test suite
 * ('bench') checks that the benchmarks still run. The figures printed then
 * mean nothing. Says so on stderr the first time it is asked.
 *
 * Returns: %TRUE for a smoke run
 */
gboolean
bench_smoke (void)
{
  static gsize once = 0;
  static gboolean smoke = FALSE;

  if (g_once_init_enter (&once))
    {
      smoke = g_strcmp0 (g_getenv ("GTM_BENCH_SMOKE"), "1") == 0;
      if (smoke)
        g_printerr ("smoke run (GTM_BENCH_SMOKE=1): tiny sizes, the figures mean nothing\n");
      g_once_init_leave (&once, 1);
    }

  return smoke;
}

/* Microseconds on the monotonic clock, with the sub-microsecond part that
 * g_get_monotonic_time() drops: a hit test takes a few microseconds. */
double
bench_now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);

  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values in place: 0 gives the smallest, 1 the largest. */
double
bench_percentile (double *values,
                  guint   n,
                  double  p)
{
  g_return_val_if_fail (n > 0, 0);

  qsort (values, n, sizeof (double), compare_doubles);
  return values[MIN (n - 1, (guint) (p * n))];
}

double
bench_median (double *values,
              guint   n)
{
  return bench_percentile (values, n, 0.5);
}

/* Prints one figure as a line "name value unit", with the digits that
 * matter, and flushes it so that figures appear as they are measured. */
void
bench_print_figure (const char *name,
                    double      value,
                    const char *unit)
{
  printf ("%s %.*f %s\n", name, value >= 1000 ? 0 : value < 10 ? 2 : 1, value, unit);
  fflush (stdout);
}

/**
 * bench_build_mixed_board:
 * @n_frames: how many frames of 100 items
 * @columns: how many frames across
 * @movable: (nullable): gets the notes that have connectors, borrowed
 *
 * Each frame holds 50 notes with English and Chinese text, 25 shapes of
 * every kind and 24 connectors along the rows, a third of them labelled.
 * The items go on the board in one splice, outside any history, as the
 * reader puts them there when a file is opened.
 *
 * Returns: (transfer full): the board
 */
GtmBoard *
bench_build_mixed_board (guint      n_frames,
                         guint      columns,
                         GPtrArray *movable)
{
  GtmBoard *board = gtm_board_new ("Benchmark");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = 0;

  for (guint f = 0; f < n_frames; f++)
    {
      double ox = (f % columns) * BENCH_FRAME_STEP_X;
      double oy = (f / columns) * BENCH_FRAME_STEP_Y;
      g_autofree char *title = g_strdup_printf ("Launch %u · 上线计划 %u", f, f % columns);
      GtmItem *cells[BENCH_FRAME_COLUMNS * BENCH_FRAME_ROWS];

      g_ptr_array_add (batch, gtm_frame_new (ox, oy, BENCH_FRAME_WIDTH, BENCH_FRAME_HEIGHT, title));

      for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
        {
          double x = ox + 40 + (i % BENCH_FRAME_COLUMNS) * BENCH_CELL;
          double y = oy + 40 + (i / BENCH_FRAME_COLUMNS) * BENCH_CELL;
          GtmItem *item;

          /* 50 notes and 25 shapes, the last 5 cells empty. */
          if (i >= 75)
            {
              cells[i] = NULL;
              continue;
            }
          if (i % 3 != 2)
            item = gtm_note_new (x, y, note_texts[n++ % G_N_ELEMENTS (note_texts)]);
          else
            {
              item = gtm_shape_new ((GtmShapeKind) (i % 4), x, y, 160, 110);
              g_object_set (item, "text", shape_texts[n++ % G_N_ELEMENTS (shape_texts)], NULL);
            }

          g_ptr_array_add (batch, item);
          cells[i] = item;
        }

      /* 24 connectors along the rows. */
      for (guint i = 0, made = 0; made < 24; i++)
        {
          GtmItem *connector;

          if (i % BENCH_FRAME_COLUMNS == BENCH_FRAME_COLUMNS - 1 ||
              cells[i] == NULL || cells[i + 1] == NULL)
            continue;

          connector = gtm_connector_new (gtm_node_get_id (GTM_NODE (cells[i])),
                                         gtm_node_get_id (GTM_NODE (cells[i + 1])));
          if (made % 3 == 0)
            g_object_set (connector, "text", label_texts[made % G_N_ELEMENTS (label_texts)], NULL);
          g_ptr_array_add (batch, connector);
          if (movable != NULL && GTM_IS_NOTE (cells[i]))
            g_ptr_array_add (movable, cells[i]);
          made++;
        }
    }

  g_list_store_splice (G_LIST_STORE (gtm_board_get_items (board)), 0, 0,
                       batch->pdata, batch->len);

  return board;
}

/**
 * bench_build_mixed_project:
 *
 * A project whose one board is bench_build_mixed_board(), to be written
 * to a file and opened as a user would.
 *
 * Returns: (transfer full): the project
 */
GtmProject *
bench_build_mixed_project (guint n_frames,
                           guint columns)
{
  GtmProject *project = gtm_project_new ("Benchmark");
  g_autoptr(GtmBoard) board = bench_build_mixed_board (n_frames, columns, NULL);

  g_list_store_append (gtm_node_get_list (GTM_NODE (project), "boards"), board);

  return project;
}
