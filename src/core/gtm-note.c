/* gtm-note.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-note"

#include "config.h"

#include "gtm-note.h"

struct _GtmNote
{
  GtmItem parent_instance;
};

G_DEFINE_FINAL_TYPE (GtmNote, gtm_note, GTM_TYPE_ITEM)

static void
gtm_note_class_init (GtmNoteClass *klass)
{
  GTM_NODE_CLASS (klass)->kind = "note";
}

static void
gtm_note_init (GtmNote *self)
{
}

/**
 * gtm_note_new:
 *
 * Returns: (transfer full): a yellow 160×160 sticky note at @x, @y
 */
GtmItem *
gtm_note_new (double      x,
              double      y,
              const char *text)
{
  g_autofree char *id = gtm_node_new_id ("note");

  return g_object_new (GTM_TYPE_NOTE,
                       "id", id,
                       "x", x,
                       "y", y,
                       "fill", "#fff3a3",
                       "text", text ? text : "",
                       NULL);
}
