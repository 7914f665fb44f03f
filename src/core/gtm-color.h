/* gtm-color.h — the colours of the file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} GtmColor;

/* Parses "#rrggbb" or "#rrggbbaa" (hex digits, either case). The empty
 * string is "none": fully transparent. */
gboolean  gtm_color_parse     (const char *text,
                               GtmColor   *color);
char     *gtm_color_to_string (const GtmColor *color);

G_END_DECLS
