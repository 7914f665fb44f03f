/* gtm-persona-avatar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-persona-avatar"

#include "config.h"

#include "gtm-persona-avatar.h"
#include "gtm-render.h"

typedef struct
{
  AdwAvatar  *avatar; /* owns the binding */
  GtmPersona *persona;
  gulong      notify_id;
} AvatarBinding;

static void
avatar_binding_free (AvatarBinding *binding)
{
  if (binding->persona != NULL)
    {
      g_signal_handler_disconnect (binding->persona, binding->notify_id);
      g_object_unref (binding->persona);
    }
  g_free (binding);
}

/* The persona drawn at the avatar's size in device pixels. */
static void
avatar_update (AdwAvatar *avatar)
{
  AvatarBinding *binding = g_object_get_data (G_OBJECT (avatar), "gtm-persona-avatar");
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (avatar));
  int size = adw_avatar_get_size (avatar) * scale;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (binding == NULL || binding->persona == NULL)
    {
      adw_avatar_set_text (avatar, NULL);
      adw_avatar_set_custom_image (avatar, NULL);
      return;
    }

  /* The text stays for the avatar's accessible name. */
  adw_avatar_set_text (avatar, gtm_persona_get_name (binding->persona));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  gtm_render_persona_avatar (cr, binding->persona, size);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is GDK's default memory format. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * size);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  adw_avatar_set_custom_image (avatar, GDK_PAINTABLE (texture));
}

static void
on_persona_notify (GtmPersona    *persona,
                   GParamSpec    *pspec,
                   AvatarBinding *binding)
{
  if (g_str_equal (pspec->name, "name") ||
      g_str_equal (pspec->name, "avatar") ||
      g_str_equal (pspec->name, "avatar-color"))
    avatar_update (binding->avatar);
}

void
gtm_persona_avatar_bind (AdwAvatar  *avatar,
                         GtmPersona *persona)
{
  AvatarBinding *binding;

  g_return_if_fail (ADW_IS_AVATAR (avatar));
  g_return_if_fail (persona == NULL || GTM_IS_PERSONA (persona));

  /* The first time: a sharper picture on a display with more pixels. */
  if (g_object_get_data (G_OBJECT (avatar), "gtm-persona-avatar") == NULL)
    {
      g_signal_connect (avatar, "notify::scale-factor", G_CALLBACK (avatar_update), NULL);
      g_signal_connect (avatar, "notify::size", G_CALLBACK (avatar_update), NULL);
    }

  binding = g_new0 (AvatarBinding, 1);
  binding->avatar = avatar;
  if (persona != NULL)
    {
      binding->persona = g_object_ref (persona);
      binding->notify_id = g_signal_connect (persona, "notify", G_CALLBACK (on_persona_notify), binding);
    }
  g_object_set_data_full (G_OBJECT (avatar), "gtm-persona-avatar", binding,
                          (GDestroyNotify) avatar_binding_free);

  avatar_update (avatar);
}
