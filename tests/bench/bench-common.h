/* bench-common.h — clocks, statistics and the mixed board the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gtm-board.h"
#include "gtm-project.h"

G_BEGIN_DECLS

/* A frame of the mixed board holds BENCH_FRAME_COLUMNS × BENCH_FRAME_ROWS
 * cells; frames stand 160 units apart. */
#define BENCH_FRAME_COLUMNS 10
#define BENCH_FRAME_ROWS    8
#define BENCH_CELL          200.0
#define BENCH_FRAME_WIDTH   (BENCH_FRAME_COLUMNS * BENCH_CELL + 40)
#define BENCH_FRAME_HEIGHT  (BENCH_FRAME_ROWS * BENCH_CELL + 40)
#define BENCH_FRAME_STEP_X  (BENCH_FRAME_WIDTH + 160)
#define BENCH_FRAME_STEP_Y  (BENCH_FRAME_HEIGHT + 160)

gboolean    bench_smoke                (void);
double      bench_now_us               (void);
double      bench_percentile           (double     *values,
                                        guint       n,
                                        double      p);
double      bench_median               (double     *values,
                                        guint       n);
void        bench_print_figure         (const char *name,
                                        double      value,
                                        const char *unit);
GtmBoard   *bench_build_mixed_board    (guint       n_frames,
                                        guint       columns,
                                        GPtrArray  *movable);
GtmProject *bench_build_mixed_project  (guint       n_frames,
                                        guint       columns);

G_END_DECLS
