/* gtm-color.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-color"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gtm-color.h"

gboolean
gtm_color_parse (const char *text,
                 GtmColor   *color)
{
  guint8 bytes[4] = { 0, 0, 0, 255 };
  gsize len;

  g_return_val_if_fail (color != NULL, FALSE);

  if (text == NULL || text[0] == '\0')
    {
      *color = (GtmColor) { 0, 0, 0, 0 };
      return TRUE;
    }

  len = strlen (text);
  if (text[0] != '#' || (len != 7 && len != 9))
    return FALSE;

  for (gsize i = 1; i < len; i += 2)
    {
      int hi = g_ascii_xdigit_value (text[i]);
      int lo = g_ascii_xdigit_value (text[i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      bytes[(i - 1) / 2] = (guint8) (hi * 16 + lo);
    }

  color->red = bytes[0] / 255.0;
  color->green = bytes[1] / 255.0;
  color->blue = bytes[2] / 255.0;
  color->alpha = bytes[3] / 255.0;

  return TRUE;
}

static guint
channel (double value)
{
  return (guint) lround (CLAMP (value, 0.0, 1.0) * 255.0);
}

char *
gtm_color_to_string (const GtmColor *color)
{
  g_return_val_if_fail (color != NULL, NULL);

  if (channel (color->alpha) == 255)
    return g_strdup_printf ("#%02x%02x%02x",
                            channel (color->red), channel (color->green), channel (color->blue));

  return g_strdup_printf ("#%02x%02x%02x%02x",
                          channel (color->red), channel (color->green), channel (color->blue),
                          channel (color->alpha));
}
