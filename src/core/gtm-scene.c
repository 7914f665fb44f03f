/* gtm-scene.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-scene"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gtm-color.h"
#include "gtm-connector.h"
#include "gtm-link.h"
#include "gtm-project.h"
#include "gtm-scene.h"

struct _GtmScene
{
  GObject          parent_instance;

  GtmBoard        *board;
  GtmProject      *project;  /* weak: the board's, when it has one */
  guint64          links;    /* its link generation the picture shows */

  /* The floating items and their connectors: a set, and in z-order. */
  GHashTable      *floating;
  GPtrArray       *floating_order;

  /* The picture, and a second surface to move it into when panning. */
  cairo_surface_t *surface;
  cairo_surface_t *spare;
  gboolean         valid;
  GtmViewport      viewport;
  /* While zooming: the last sharp picture, which frames show scaled. */
  gboolean         zooming;
  cairo_surface_t *sharp;
  GtmViewport      sharp_viewport;
  int              width;
  int              height;
  int              scale;
};

G_DEFINE_FINAL_TYPE (GtmScene, gtm_scene, G_TYPE_OBJECT)

static void
on_board_changed (GtmScene *self,
                  GtmNode  *origin)
{
  /* The floating items are drawn live: their edits leave the picture be. */
  if (g_hash_table_contains (self->floating, origin))
    return;

  self->valid = FALSE;
}

static void
gtm_scene_dispose (GObject *object)
{
  GtmScene *self = GTM_SCENE (object);

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_func (self->board, on_board_changed, self);
  g_clear_object (&self->board);
  if (self->project != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->project), (gpointer *) &self->project);
  self->project = NULL;
  g_hash_table_remove_all (self->floating);
  g_ptr_array_set_size (self->floating_order, 0);

  G_OBJECT_CLASS (gtm_scene_parent_class)->dispose (object);
}

static void
gtm_scene_finalize (GObject *object)
{
  GtmScene *self = GTM_SCENE (object);

  g_hash_table_unref (self->floating);
  g_ptr_array_unref (self->floating_order);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->spare, cairo_surface_destroy);
  g_clear_pointer (&self->sharp, cairo_surface_destroy);

  G_OBJECT_CLASS (gtm_scene_parent_class)->finalize (object);
}

static void
gtm_scene_class_init (GtmSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gtm_scene_dispose;
  object_class->finalize = gtm_scene_finalize;
}

static void
gtm_scene_init (GtmScene *self)
{
  self->floating = g_hash_table_new (NULL, NULL);
  self->floating_order = g_ptr_array_new_with_free_func (g_object_unref);
}

GtmScene *
gtm_scene_new (GtmBoard *board)
{
  GtmScene *self;

  g_return_val_if_fail (GTM_IS_BOARD (board), NULL);

  self = g_object_new (GTM_TYPE_SCENE, NULL);
  self->board = g_object_ref (board);
  g_signal_connect_swapped (board, "changed", G_CALLBACK (on_board_changed), self);
  if (GTM_IS_PROJECT (gtm_node_get_root (GTM_NODE (board))))
    {
      self->project = GTM_PROJECT (gtm_node_get_root (GTM_NODE (board)));
      g_object_add_weak_pointer (G_OBJECT (self->project), (gpointer *) &self->project);
      self->links = gtm_link_get_generation (self->project);
    }

  return self;
}

/**
 * gtm_scene_get_board:
 *
 * Returns: (transfer none): the board
 */
GtmBoard *
gtm_scene_get_board (GtmScene *self)
{
  g_return_val_if_fail (GTM_IS_SCENE (self), NULL);

  return self->board;
}

static gboolean
connector_floats (GHashTable *chosen,
                  GtmBoard   *board,
                  GtmItem    *connector)
{
  const char *ends[] = {
    gtm_connector_get_source (GTM_CONNECTOR (connector)),
    gtm_connector_get_target (GTM_CONNECTOR (connector)),
  };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      GtmItem *end = ends[i] != NULL ? gtm_board_lookup_item (board, ends[i]) : NULL;

      if (end != NULL && g_hash_table_contains (chosen, end))
        return TRUE;
    }

  return FALSE;
}

void
gtm_scene_set_floating (GtmScene        *self,
                        GtmItem * const *items,
                        guint            n_items)
{
  g_autoptr(GHashTable) chosen = NULL;
  GListModel *list;
  guint n;

  g_return_if_fail (GTM_IS_SCENE (self));
  g_return_if_fail (items != NULL || n_items == 0);

  if (n_items == 0 && g_hash_table_size (self->floating) == 0)
    return;

  g_hash_table_remove_all (self->floating);
  g_ptr_array_set_size (self->floating_order, 0);
  self->valid = FALSE;

  if (n_items == 0)
    return;

  chosen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_items; i++)
    g_hash_table_add (chosen, items[i]);

  /* One pass over the board: the chosen items and every connector with
   * an end among them, in z-order. */
  list = gtm_board_get_items (self->board);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      GtmItem *item = g_list_model_get_item (list, i);

      if (g_hash_table_contains (chosen, item) ||
          (GTM_IS_CONNECTOR (item) && connector_floats (chosen, self->board, item)))
        {
          g_hash_table_add (self->floating, item);
          g_ptr_array_add (self->floating_order, item);
        }
      else
        {
          g_object_unref (item);
        }
    }
}

gboolean
gtm_scene_is_floating (GtmScene *self,
                       GtmItem  *item)
{
  g_return_val_if_fail (GTM_IS_SCENE (self), FALSE);

  return g_hash_table_contains (self->floating, item);
}

static gboolean
skip_floating (GtmItem  *item,
               gpointer  user_data)
{
  GtmScene *self = user_data;

  return g_hash_table_contains (self->floating, item);
}

/* Draws the board into the rectangle (x, y, width, height) of the picture,
 * in logical pixels, replacing what was there. A strip next to kept pixels
 * is drawn through a group: cairo lets a glyph's edge reach a pixel past a
 * clip, which would darken the kept row along the seam. */
static void
draw_area (GtmScene *self,
           cairo_t  *cr,
           double    x,
           double    y,
           double    width,
           double    height,
           gboolean  strip)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  if (strip)
    cairo_push_group (cr);
  else
    {
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    }
  cairo_save (cr);
  cairo_translate (cr, self->viewport.offset_x, self->viewport.offset_y);
  cairo_scale (cr, self->viewport.zoom, self->viewport.zoom);
  gtm_render_board_skipping (self->board, cr, GTM_RENDER_BACKGROUND, skip_floating, self);
  cairo_restore (cr);
  if (strip)
    {
      cairo_pop_group_to_source (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (cr);
    }
  cairo_restore (cr);
}

static cairo_surface_t *
create_surface (int width,
                int height,
                int scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         width * scale, height * scale);

  cairo_surface_set_device_scale (surface, scale, scale);

  return surface;
}

/* Whether @delta logical pixels is a whole number of device pixels. */
static gboolean
whole_pixels (double delta,
              int    scale,
              int   *pixels)
{
  double device = delta * scale;

  if (fabs (device - round (device)) > 1e-6 || fabs (device) > G_MAXINT / 2)
    return FALSE;

  *pixels = (int) round (device);
  return TRUE;
}

/* Moves the picture by the pan from the previous viewport to @viewport
 * and draws the strips that came into view. FALSE if the pan can't be
 * done that way (zoom changed, part pixels, or nothing of the old picture
 * is left in view). */
static gboolean
pan_picture (GtmScene          *self,
             const GtmViewport *viewport)
{
  int dx, dy;
  double ldx, ldy;
  cairo_surface_t *old;
  cairo_t *cr;

  if (viewport->zoom != self->viewport.zoom ||
      !whole_pixels (viewport->offset_x - self->viewport.offset_x, self->scale, &dx) ||
      !whole_pixels (viewport->offset_y - self->viewport.offset_y, self->scale, &dy) ||
      ABS (dx) >= self->width * self->scale || ABS (dy) >= self->height * self->scale)
    return FALSE;

  if (dx == 0 && dy == 0)
    return TRUE;

  if (self->spare == NULL)
    self->spare = create_surface (self->width, self->height, self->scale);

  old = self->surface;
  self->surface = self->spare;
  self->spare = old;
  self->viewport = *viewport;

  ldx = (double) dx / self->scale;
  ldy = (double) dy / self->scale;

  cr = cairo_create (self->surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, old, ldx, ldy);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);

  /* The columns, then the rows between them. */
  if (dx > 0)
    draw_area (self, cr, 0, 0, ldx, self->height, TRUE);
  else if (dx < 0)
    draw_area (self, cr, self->width + ldx, 0, -ldx, self->height, TRUE);

  if (dy > 0)
    draw_area (self, cr, MAX (ldx, 0), 0, self->width - ABS (ldx), ldy, TRUE);
  else if (dy < 0)
    draw_area (self, cr, MAX (ldx, 0), self->height + ldy, self->width - ABS (ldx), -ldy, TRUE);

  cairo_destroy (cr);

  return TRUE;
}

/* Shows the last sharp picture scaled to @viewport, the board's
 * background around it: a zoom step costs a scaled copy. */
static void
scale_picture (GtmScene          *self,
               const GtmViewport *viewport)
{
  GtmColor background;
  double factor;
  cairo_t *cr;

  if (self->sharp == NULL)
    {
      self->sharp = g_steal_pointer (&self->surface);
      self->sharp_viewport = self->viewport;
      self->surface = self->spare != NULL ? g_steal_pointer (&self->spare)
                                          : create_surface (self->width, self->height, self->scale);
    }

  self->viewport = *viewport;
  factor = viewport->zoom / self->sharp_viewport.zoom;

  cr = cairo_create (self->surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  if (gtm_color_parse (gtm_board_get_background (self->board), &background))
    cairo_set_source_rgba (cr, background.red, background.green, background.blue, background.alpha);
  else
    cairo_set_source_rgba (cr, 0, 0, 0, 0);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);

  cairo_translate (cr, viewport->offset_x, viewport->offset_y);
  cairo_scale (cr, factor, factor);
  cairo_translate (cr, -self->sharp_viewport.offset_x, -self->sharp_viewport.offset_y);
  cairo_set_source_surface (cr, self->sharp, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_destroy (cr);
}

void
gtm_scene_set_zooming (GtmScene *self,
                       gboolean  zooming)
{
  g_return_if_fail (GTM_IS_SCENE (self));

  zooming = !!zooming;
  if (self->zooming == zooming)
    return;

  self->zooming = zooming;
  if (!zooming && self->sharp != NULL)
    {
      g_clear_pointer (&self->spare, cairo_surface_destroy);
      self->spare = g_steal_pointer (&self->sharp);
      self->valid = FALSE;
    }
}

/**
 * gtm_scene_render:
 *
 * Returns: (transfer none): the picture
 */
cairo_surface_t *
gtm_scene_render (GtmScene          *self,
                  const GtmViewport *viewport,
                  int                width,
                  int                height,
                  int                scale,
                  gboolean          *damaged)
{
  cairo_t *cr;

  g_return_val_if_fail (GTM_IS_SCENE (self), NULL);
  g_return_val_if_fail (viewport != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, NULL);

  if (damaged != NULL)
    *damaged = TRUE;

  if (self->surface == NULL || width != self->width || height != self->height || scale != self->scale)
    {
      g_clear_pointer (&self->surface, cairo_surface_destroy);
      g_clear_pointer (&self->spare, cairo_surface_destroy);
      g_clear_pointer (&self->sharp, cairo_surface_destroy);
      self->surface = create_surface (width, height, scale);
      self->width = width;
      self->height = height;
      self->scale = scale;
      self->valid = FALSE;
    }

  /* Linked values shown on the board changed elsewhere in the project. */
  if (self->project != NULL && gtm_link_get_generation (self->project) != self->links)
    {
      self->links = gtm_link_get_generation (self->project);
      self->valid = FALSE;
    }

  if (self->valid)
    {
      if (memcmp (viewport, &self->viewport, sizeof *viewport) == 0)
        {
          if (damaged != NULL)
            *damaged = FALSE;
          return self->surface;
        }

      if (pan_picture (self, viewport))
        return self->surface;

      if (self->zooming)
        {
          scale_picture (self, viewport);
          return self->surface;
        }
    }

  /* Any sharp picture drawn now is the one to scale from. */
  g_clear_pointer (&self->sharp, cairo_surface_destroy);

  self->viewport = *viewport;
  cr = cairo_create (self->surface);
  draw_area (self, cr, 0, 0, width, height, FALSE);
  cairo_destroy (cr);
  self->valid = TRUE;

  return self->surface;
}

void
gtm_scene_draw_floating (GtmScene       *self,
                         cairo_t        *cr,
                         GtmRenderFlags  flags)
{
  g_return_if_fail (GTM_IS_SCENE (self));
  g_return_if_fail (cr != NULL);

  if (self->floating_order->len == 0)
    return;

  cairo_save (cr);
  cairo_translate (cr, self->viewport.offset_x, self->viewport.offset_y);
  cairo_scale (cr, self->viewport.zoom, self->viewport.zoom);
  gtm_render_items (self->board, cr, flags,
                    (GtmItem * const *) self->floating_order->pdata,
                    self->floating_order->len);
  cairo_restore (cr);
}

void
gtm_scene_invalidate (GtmScene *self)
{
  g_return_if_fail (GTM_IS_SCENE (self));

  self->valid = FALSE;
}
