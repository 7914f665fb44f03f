/* gtm-segments-form.c — the market segments' page of the workbench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-segments-form"

#include "config.h"

#include <glib/gi18n.h>

#include "gtm-segment.h"
#include "gtm-workbench-page.h"

/* "Priority 1 · 1,800 target customers": what ranks the segments, shown
 * on its row while it is closed. */
static void
update_subtitle (GtkWidget *row,
                 GtmNode   *node)
{
  GtmSegment *segment = GTM_SEGMENT (node);
  double size = gtm_segment_get_market_size (segment);
  g_autofree char *priority = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a market segment's rank, 1 (highest) to 5 */
  priority = g_strdup_printf (_("Priority %d"), gtm_segment_get_priority (segment));

  if (size > 0)
    {
      /* The locale's digit grouping: 1,800 or 1.800. */
      g_autofree char *number = g_strdup_printf ("%'.0f", size);
      g_autofree char *customers = NULL;
      gulong n = size > G_MAXULONG ? G_MAXULONG : (gulong) size;

      /* Translators: the size of a market segment, %s a number such as "1,800" */
      customers = g_strdup_printf (ngettext ("%s target customer", "%s target customers", n), number);
      /* Translators: a market segment's priority and size, e.g. "Priority 1 · 1,800 target customers" */
      subtitle = g_strdup_printf (_("%s · %s"), priority, customers);
    }
  else
    subtitle = g_steal_pointer (&priority);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static void
build_segment (GtmForm   *form,
               GtkWidget *container,
               gpointer   user_data)
{
  GtkWidget *priority;

  gtm_form_add_entry (form, container, "name", _("Name"));
  gtm_form_add_entry (form, container, "industry", _("Industry"));
  gtm_form_add_entry (form, container, "company-size", _("Company size"));
  gtm_form_add_entry (form, container, "geography", _("Geography"));
  gtm_form_add_entry (form, container, "buying-behaviour", _("Buying behaviour"));
  gtm_form_add_entry (form, container, "market-size", _("Market size (target customers)"));
  priority = gtm_form_add_entry (form, container, "priority", _("Priority (1 highest, 5 lowest)"));
  gtk_editable_set_max_width_chars (GTK_EDITABLE (priority), 4);
  gtm_form_add_text (form, container, "rationale", _("Why this segment"));

  gtm_form_follow (form, container, FALSE, update_subtitle);
}

static GtmNode *
new_segment (gpointer user_data)
{
  return GTM_NODE (gtm_segment_new (NULL));
}

void
gtm_segments_form_build (GtmWorkbenchPage   *self,
                         GtmForm            *form,
                         AdwPreferencesPage *page)
{
  AdwPreferencesGroup *candidates, *segments;

  candidates = gtm_form_add_strings (form, NULL, "candidate-markets", _("Zoom Out: Candidate Markets"),
                                     _("Add Candidate"));
  adw_preferences_group_set_description (candidates,
                                         _("Every industry and type of company that could use the product, "
                                           "before narrowing down."));
  adw_preferences_page_add (page, candidates);

  segments = gtm_form_add_nodes (form, "segments", _("Zoom In: Segments"), _("Add Segment"),
                                 "name", _("Unnamed segment"),
                                 build_segment, new_segment, NULL);
  adw_preferences_group_set_description (segments,
                                         _("The most valuable of them, each with its size and why it is "
                                           "worth winning. Keep the list in order of priority, the segment "
                                           "to win first at the top."));
  adw_preferences_page_add (page, segments);
}
