/* gtm-persona-avatar.h — AdwAvatars that show a persona as its card does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gtm-persona.h"

G_BEGIN_DECLS

/* Makes @avatar show @persona (nullable: nothing) through the render
 * path's gtm_render_persona_avatar() — its picture, or its initials on its
 * colour — and keep showing it as the persona changes. A later call
 * replaces the persona. */
void gtm_persona_avatar_bind (AdwAvatar  *avatar,
                              GtmPersona *persona);

G_END_DECLS
