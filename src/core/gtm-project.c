/* gtm-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-project"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gtm-project.h"
#include "gtm-clipboard.h"
#include "gtm-format.h"
#include "gtm-brand.h"
#include "gtm-key-message.h"
#include "gtm-brief.h"
#include "gtm-competitor.h"
#include "gtm-launch-plan.h"
#include "gtm-messaging.h"
#include "gtm-metrics.h"
#include "gtm-pack.h"
#include "gtm-persona.h"
#include "gtm-pricing.h"
#include "gtm-segment.h"
#include "gtm-swot.h"

struct _GtmProject
{
  GtmNode     parent_instance;

  GtmHistory *history;
};

G_DEFINE_FINAL_TYPE (GtmProject, gtm_project, GTM_TYPE_NODE)

/* Indexes of the lists and children, in the order class_init adds them. */
enum { LIST_BOARDS, LIST_PERSONAS, LIST_SEGMENTS, LIST_COMPETITORS, LIST_PACKS };
enum { CHILD_BRIEF, CHILD_SWOT, CHILD_MESSAGING, CHILD_PRICING, CHILD_LAUNCH_PLAN, CHILD_METRICS, CHILD_BRAND };

static void
gtm_project_finalize (GObject *object)
{
  GtmProject *self = GTM_PROJECT (object);

  g_clear_object (&self->history);

  G_OBJECT_CLASS (gtm_project_parent_class)->finalize (object);
}

static void
gtm_project_class_init (GtmProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtmNodeClass *node_class = GTM_NODE_CLASS (klass);
  GParamSpec *pspecs[6];
  G_GNUC_UNUSED guint first;

  object_class->finalize = gtm_project_finalize;

  pspecs[0] = g_param_spec_string ("title", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_REQUIRED);
  pspecs[1] = g_param_spec_string ("product-name", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS);
  /* A BCP 47 tag such as "zh-CN": the language the content is written in. */
  pspecs[2] = g_param_spec_string ("language", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS);
  pspecs[3] = g_param_spec_string ("created", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_DATETIME);
  pspecs[4] = g_param_spec_string ("modified", NULL, NULL, "",
                                   GTM_NODE_DEFAULT_FLAGS | GTM_PARAM_DATETIME);
  /* Segmentation zoomed out: every industry or type of company that could
   * use the product, before the segments narrow it down. */
  pspecs[5] = g_param_spec_boxed ("candidate-markets", NULL, NULL, G_TYPE_STRV,
                                  GTM_NODE_DEFAULT_FLAGS);
  first = gtm_node_class_install_fields (node_class, pspecs, G_N_ELEMENTS (pspecs));
  g_assert (first == GTM_PROJECT_SLOT_TITLE);

  gtm_node_class_add_child (node_class, "brief", GTM_TYPE_BRIEF);
  gtm_node_class_add_child (node_class, "swot", GTM_TYPE_SWOT);
  gtm_node_class_add_child (node_class, "messaging", GTM_TYPE_MESSAGING);
  gtm_node_class_add_child (node_class, "pricing", GTM_TYPE_PRICING);
  gtm_node_class_add_child (node_class, "launch-plan", GTM_TYPE_LAUNCH_PLAN);
  gtm_node_class_add_child (node_class, "metrics", GTM_TYPE_METRICS);
  gtm_node_class_add_child (node_class, "brand", GTM_TYPE_BRAND);

  gtm_node_class_add_list (node_class, "boards", GTM_TYPE_BOARD, GTM_PROJECT_MAX_BOARDS);
  gtm_node_class_add_list (node_class, "personas", GTM_TYPE_PERSONA, GTM_PROJECT_MAX_ENTRIES);
  gtm_node_class_add_list (node_class, "segments", GTM_TYPE_SEGMENT, GTM_PROJECT_MAX_ENTRIES);
  gtm_node_class_add_list (node_class, "competitors", GTM_TYPE_COMPETITOR, GTM_PROJECT_MAX_ENTRIES);
  gtm_node_class_add_list (node_class, "packs", GTM_TYPE_PACK, GTM_PROJECT_MAX_ENTRIES);
}

static void
gtm_project_init (GtmProject *self)
{
  self->history = gtm_history_new ();
  gtm_history_set_root (self->history, GTM_NODE (self));
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * gtm_project_new:
 *
 * Returns: (transfer full): an empty project created now
 */
GtmProject *
gtm_project_new (const char *title)
{
  g_autofree char *id = gtm_node_new_id ("project");
  g_autofree char *now = now_iso8601 ();

  return g_object_new (GTM_TYPE_PROJECT,
                       "id", id,
                       "title", title ? title : "",
                       "created", now,
                       "modified", now,
                       NULL);
}

/**
 * gtm_project_get_history:
 *
 * Returns: (transfer none): the history every edit of this project goes
 *   through
 */
GtmHistory *
gtm_project_get_history (GtmProject *self)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return self->history;
}

const char *
gtm_project_get_title (GtmProject *self)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PROJECT_SLOT_TITLE);
}

const char *
gtm_project_get_product_name (GtmProject *self)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PROJECT_SLOT_PRODUCT_NAME);
}

const char *
gtm_project_get_language (GtmProject *self)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PROJECT_SLOT_LANGUAGE);
}

const char *
gtm_project_get_created (GtmProject *self)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PROJECT_SLOT_CREATED);
}

const char *
gtm_project_get_modified (GtmProject *self)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return gtm_node_get_string (GTM_NODE (self), GTM_PROJECT_SLOT_MODIFIED);
}

/**
 * gtm_project_touch:
 *
 * Stamps the modified time with now. Saving calls this; it is not an edit
 * and does not go through the history.
 */
void
gtm_project_touch (GtmProject *self)
{
  g_autofree char *now = now_iso8601 ();

  g_return_if_fail (GTM_IS_PROJECT (self));

  g_object_set (self, "modified", now, NULL);
}

static GListModel *
list_at (GtmProject *self,
         guint       index)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (gtm_node_get_list_at (GTM_NODE (self), index));
}

static GtmNode *
child_at (GtmProject *self,
          guint       index)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);

  return gtm_node_get_child_at (GTM_NODE (self), index);
}

/**
 * gtm_project_get_boards:
 *
 * Returns: (transfer none): the boards, a list of #GtmBoard
 */
GListModel *
gtm_project_get_boards (GtmProject *self)
{
  return list_at (self, LIST_BOARDS);
}

/**
 * gtm_project_get_personas:
 *
 * Returns: (transfer none): the personas, a list of #GtmPersona
 */
GListModel *
gtm_project_get_personas (GtmProject *self)
{
  return list_at (self, LIST_PERSONAS);
}

/**
 * gtm_project_get_segments:
 *
 * Returns: (transfer none): the market segments, a list of #GtmSegment
 */
GListModel *
gtm_project_get_segments (GtmProject *self)
{
  return list_at (self, LIST_SEGMENTS);
}

/**
 * gtm_project_get_competitors:
 *
 * Returns: (transfer none): the competitors, a list of #GtmCompetitor
 */
GListModel *
gtm_project_get_competitors (GtmProject *self)
{
  return list_at (self, LIST_COMPETITORS);
}

/**
 * gtm_project_get_packs:
 *
 * Returns: (transfer none): the project's own asset packs, a list of
 *   #GtmPack (see gtm_pack_list_names() for the defaults too)
 */
GListModel *
gtm_project_get_packs (GtmProject *self)
{
  return list_at (self, LIST_PACKS);
}

/**
 * gtm_project_get_brief:
 *
 * Returns: (transfer none): the product brief, a #GtmBrief
 */
GtmNode *
gtm_project_get_brief (GtmProject *self)
{
  return child_at (self, CHILD_BRIEF);
}

/**
 * gtm_project_get_swot:
 *
 * Returns: (transfer none): the product's SWOT, a #GtmSwot
 */
GtmNode *
gtm_project_get_swot (GtmProject *self)
{
  return child_at (self, CHILD_SWOT);
}

/**
 * gtm_project_get_messaging:
 *
 * Returns: (transfer none): positioning and messaging, a #GtmMessaging
 */
GtmNode *
gtm_project_get_messaging (GtmProject *self)
{
  return child_at (self, CHILD_MESSAGING);
}

/**
 * gtm_project_get_pricing:
 *
 * Returns: (transfer none): the pricing strategy, a #GtmPricing
 */
GtmNode *
gtm_project_get_pricing (GtmProject *self)
{
  return child_at (self, CHILD_PRICING);
}

/**
 * gtm_project_get_launch_plan:
 *
 * Returns: (transfer none): the launch plan, a #GtmLaunchPlan
 */
GtmNode *
gtm_project_get_launch_plan (GtmProject *self)
{
  return child_at (self, CHILD_LAUNCH_PLAN);
}

/**
 * gtm_project_get_metrics:
 *
 * Returns: (transfer none): the funnel and metrics, a #GtmMetrics
 */
GtmNode *
gtm_project_get_metrics (GtmProject *self)
{
  return child_at (self, CHILD_METRICS);
}

/**
 * gtm_project_get_brand:
 *
 * Returns: (transfer none): the brand kit of generated layouts and the
 *   palette of boards, a #GtmBrand
 */
GtmNode *
gtm_project_get_brand (GtmProject *self)
{
  return child_at (self, CHILD_BRAND);
}

/**
 * gtm_project_count_items:
 *
 * Returns: the number of items on all boards
 */
guint
gtm_project_count_items (GtmProject *self)
{
  GListModel *boards = gtm_project_get_boards (self);
  guint n = g_list_model_get_n_items (boards);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmBoard) board = g_list_model_get_item (boards, i);

      count += gtm_board_get_n_items (board);
    }

  return count;
}

/* Boards and personas */

static gboolean
check_room_for_board (GtmProject  *self,
                      GError     **error)
{
  if (g_list_model_get_n_items (gtm_project_get_boards (self)) < GTM_PROJECT_MAX_BOARDS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               _("There is no room for another board: a project holds at most %d boards."),
               GTM_PROJECT_MAX_BOARDS);
  return FALSE;
}

static gboolean
check_room_for_persona (GtmProject  *self,
                        GError     **error)
{
  if (g_list_model_get_n_items (gtm_project_get_personas (self)) < GTM_PROJECT_MAX_ENTRIES)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               _("There is no room for another persona: a project holds at most %d personas."),
               GTM_PROJECT_MAX_ENTRIES);
  return FALSE;
}

typedef char *(*NameFunc) (const char *base,
                           guint       n);

/* The name of a new board: "Board 5", as a new project's first board is
 * "Board 1". */
static char *
numbered_name (const char *base,
               guint       n)
{
  /* Translators: the name of a new board; %u is a number */
  return g_strdup_printf (_("Board %u"), n);
}

static char *
numbered_buyer_name (const char *base,
                     guint       n)
{
  /* Translators: the name of a new buyer persona; %u is a number */
  return g_strdup_printf (_("Buyer persona %u"), n);
}

static char *
numbered_user_name (const char *base,
                    guint       n)
{
  /* Translators: the name of a new user persona; %u is a number */
  return g_strdup_printf (_("User persona %u"), n);
}

/* The @n-th name for a copy of the board or persona called @base. */
static char *
copy_name (const char *base,
           guint       n)
{
  if (n < 2)
    /* Translators: the name of a copy of the board or persona called %s */
    return g_strdup_printf (_("%s (Copy)"), base);

  /* Translators: the name of a copy of the board or persona called %s
     when “%s (Copy)” is taken; %u is a number from 2 on */
  return g_strdup_printf (_("%s (Copy %u)"), base, n);
}

/* func (@base, @n), with @base shortened (at a character boundary) so
 * that the name stays within the length the file format allows. */
static char *
fitted_name (NameFunc    func,
             const char *base,
             guint       n)
{
  char *name = func (base, n);
  gsize length = strlen (name);
  gsize base_length;
  const char *end;
  g_autofree char *shorter = NULL;

  if (length <= GTM_FORMAT_MAX_LINE_LENGTH || base == NULL)
    return name;

  base_length = strlen (base);
  end = base + (base_length > length - GTM_FORMAT_MAX_LINE_LENGTH ?
                base_length - (length - GTM_FORMAT_MAX_LINE_LENGTH) : 0);
  while (end > base && (*end & 0xc0) == 0x80)
    end--;

  shorter = g_strndup (base, end - base);
  g_free (name);
  return func (shorter, n);
}

/* The "name" of a board or persona. */
static const char *
node_get_name (GtmNode *node)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (node), "name");

  return gtm_node_get_string (node, pspec->param_id);
}

/* The first name func (@base, @first), func (@base, @first + 1), … that no
 * node of @list (boards or personas) has. */
static char *
unused_name (GListModel *list,
             NameFunc    func,
             const char *base,
             guint       first)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_nodes = g_list_model_get_n_items (list);

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autoptr(GtmNode) node = g_list_model_get_item (list, i);

      g_hash_table_add (taken, (gpointer) node_get_name (node));
    }

  for (guint n = first; ; n++)
    {
      char *name = fitted_name (func, base, n);

      if (!g_hash_table_contains (taken, name))
        return name;
      g_free (name);
    }
}

/* Inserts @node into the project's list called @list, as one step. */
static void
insert_node (GtmProject *self,
             const char *list,
             guint       position,
             GtmNode    *node,
             const char *label)
{
  gtm_history_begin (self->history, label);
  gtm_history_insert (self->history, GTM_NODE (self), list, position, node);
  gtm_history_end (self->history);
}

/**
 * gtm_project_add_board:
 * @self: a #GtmProject
 * @position: where the board goes in the list of boards
 * @name: (nullable): its name, or %NULL for “Board N”: N is the number of
 *   boards it makes, or the next number no board's name has
 * @error: return location for an error
 *
 * Adds an empty board, as one undo step.
 *
 * Returns: (transfer none) (nullable): the new board, owned by the project,
 *   or %NULL with @error set (%G_IO_ERROR_NO_SPACE) when the project holds
 *   %GTM_PROJECT_MAX_BOARDS boards
 */
GtmBoard *
gtm_project_add_board (GtmProject  *self,
                       guint        position,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *numbered = NULL;
  GtmBoard *board;

  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);
  g_return_val_if_fail (position <= g_list_model_get_n_items (gtm_project_get_boards (self)), NULL);
  g_return_val_if_fail (name == NULL || gtm_project_check_board_name (name, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_room_for_board (self, error))
    return NULL;

  if (name == NULL)
    name = numbered = unused_name (gtm_project_get_boards (self), numbered_name, NULL,
                                   g_list_model_get_n_items (gtm_project_get_boards (self)) + 1);

  board = gtm_board_new (name);
  /* Translators: an undo step, shown as “Undo Add Board” */
  insert_node (self, "boards", position, GTM_NODE (board), _("Add Board"));
  g_object_unref (board);

  return board;
}

/* A node of the type of @node with its saved fields, but a new id and,
 * unless NULL, @name; none of its lists' nodes. */
static GtmNode *
new_node_like (GtmNode    *node,
               const char *name)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (node);
  guint n = gtm_node_class_get_n_fields (klass);
  g_autofree const char **names = g_new0 (const char *, n);
  g_autofree GValue *values = g_new0 (GValue, n);
  /* "GtmTrait": "trait-…", as gtm_trait_new() names them. */
  g_autofree char *prefix = g_ascii_strdown (G_OBJECT_TYPE_NAME (node) + strlen ("Gtm"), -1);
  g_autofree char *id = gtm_node_new_id (prefix);
  GObject *copy;

  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = gtm_node_class_get_field (klass, i);

      names[i] = pspec->name;
      g_value_init (&values[i], pspec->value_type);

      if (strcmp (pspec->name, "id") == 0)
        g_value_set_string (&values[i], id);
      else if (name != NULL && strcmp (pspec->name, "name") == 0)
        g_value_set_string (&values[i], name);
      else
        g_value_copy (gtm_node_peek_value (node, pspec->param_id), &values[i]);
    }

  copy = g_object_new_with_properties (G_OBJECT_TYPE (node), n, names, values);

  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  return GTM_NODE (copy);
}

/* A deep copy of @node, called @name unless NULL: its fields and copies
 * of the nodes of its lists, all with new ids. For nodes whose lists hold
 * no references to one another (a persona's personality sliders); a
 * board's items, joined by connectors, go through the clipboard. The copy
 * is no part of the document: @scratch, a history of its own, takes the
 * insertions into its lists. */
static GtmNode *
deep_copy_node (GtmNode    *node,
                const char *name,
                GtmHistory *scratch)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (node);
  GtmNode *copy = new_node_like (node, name);

  /* Singleton children come with the new node, with fields of their own
   * to copy; no node copied this way has any. */
  g_return_val_if_fail (gtm_node_class_get_n_children (klass) == 0, copy);

  for (guint i = 0; i < gtm_node_class_get_n_lists (klass); i++)
    {
      const GtmNodeListInfo *info = gtm_node_class_get_list_info (klass, i);
      GListModel *list = G_LIST_MODEL (gtm_node_get_list_at (node, i));
      guint n = g_list_model_get_n_items (list);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(GtmNode) element = g_list_model_get_item (list, j);
          g_autoptr(GtmNode) element_copy = deep_copy_node (element, NULL, scratch);

          gtm_history_insert (scratch, copy, info->name, j, element_copy);
        }
    }

  return copy;
}

/**
 * gtm_project_duplicate_board:
 * @self: a #GtmProject
 * @board: a board of @self
 * @error: return location for an error
 *
 * Adds a copy of @board right after it, called “NAME (Copy)” (or “NAME
 * (Copy 2)”, … if taken), as one undo step. The copy has every saved field
 * of @board and a copy of each of its items in the same stacking order;
 * every copy has a new id, copied connectors join the copied items, and
 * images share their bytes with the originals.
 *
 * Returns: (transfer none) (nullable): the copy, owned by the project, or
 *   %NULL with @error set (%G_IO_ERROR_NO_SPACE) when the project holds
 *   %GTM_PROJECT_MAX_BOARDS boards
 */
GtmBoard *
gtm_project_duplicate_board (GtmProject  *self,
                             GtmBoard    *board,
                             GError     **error)
{
  GListModel *list;
  guint position;
  guint n_items;
  g_autofree char *name = NULL;
  g_autoptr(GtmBoard) copy = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GtmHistory) scratch = NULL;

  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GTM_IS_BOARD (board), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_list_store_find (G_LIST_STORE (gtm_project_get_boards (self)), board, &position))
    g_return_val_if_reached (NULL);

  if (!check_room_for_board (self, error))
    return NULL;

  name = unused_name (gtm_project_get_boards (self), copy_name, gtm_board_get_name (board), 1);
  copy = GTM_BOARD (new_node_like (GTM_NODE (board), name));

  /* The items go through the clipboard's code, which gives copies new ids
   * and points copied connectors at the copies; pasted in place on the
   * empty copy, nothing moves. The copy is no part of the document yet,
   * so filling it is no edit of the document: a history of its own takes
   * those changes, and the project's records one step, the insertion of
   * the whole board. */
  list = gtm_board_get_items (board);
  n_items = g_list_model_get_n_items (list);
  items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));

  data = gtm_format_write_items ((GtmItem * const *) items->pdata, items->len);
  scratch = gtm_history_new ();
  pasted = gtm_clipboard_paste_in_place (copy, scratch, data, error);
  if (pasted == NULL)
    return NULL;

  /* Translators: an undo step, shown as “Undo Duplicate Board” */
  insert_node (self, "boards", position + 1, GTM_NODE (copy), _("Duplicate Board"));

  return copy; /* the project holds it */
}

/* Checks @name, without the white space around it, as the name of a
 * node of @type, a board or a persona. */
static gboolean
check_name (GType        type,
            const char  *name,
            GError     **error)
{
  gboolean board = g_type_is_a (type, GTM_TYPE_BOARD);
  g_autofree char *stripped = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
                           board ? _("A board needs a name.") : _("A persona needs a name."));
      return FALSE;
    }

  if (strchr (stripped, '\n') != NULL || strchr (stripped, '\r') != NULL)
    {
      g_set_error_literal (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
                           board ? _("A board’s name is one line.") : _("A persona’s name is one line."));
      return FALSE;
    }

  if (strlen (stripped) > GTM_FORMAT_MAX_LINE_LENGTH)
    {
      g_set_error_literal (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
                           _("This name is too long."));
      return FALSE;
    }

  /* Whatever else the reader would refuse. */
  klass = g_type_class_ref (type);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, stripped);

  return gtm_format_check_value (g_object_class_find_property (G_OBJECT_CLASS (klass), "name"),
                                 &value, error);
}

/**
 * gtm_project_check_board_name:
 * @name: a name typed by the user
 * @error: return location for an error
 *
 * Checks @name, without the white space around it, as a board's name:
 * it may not be empty, span lines or be longer than the file format
 * allows.
 *
 * Returns: %TRUE if @name will do, or %FALSE with @error set in
 *   %GTM_FORMAT_ERROR to a message for the user
 */
gboolean
gtm_project_check_board_name (const char  *name,
                              GError     **error)
{
  return check_name (GTM_TYPE_BOARD, name, error);
}

/**
 * gtm_project_check_persona_name:
 * @name: a name typed by the user
 * @error: return location for an error
 *
 * Checks @name as a persona's name, as gtm_project_check_board_name()
 * checks a board's.
 *
 * Returns: %TRUE if @name will do, or %FALSE with @error set in
 *   %GTM_FORMAT_ERROR to a message for the user
 */
gboolean
gtm_project_check_persona_name (const char  *name,
                                GError     **error)
{
  return check_name (GTM_TYPE_PERSONA, name, error);
}

/* Renames @node, a board or persona of @self, as one step called @label. */
static gboolean
rename_node (GtmProject  *self,
             GtmNode     *node,
             const char  *name,
             const char  *label,
             GError     **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (gtm_node_get_root (node) == GTM_NODE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_name (G_OBJECT_TYPE (node), name, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));

  gtm_history_begin (self->history, label);
  gtm_history_set (self->history, node, "name", stripped, NULL);
  gtm_history_end (self->history);

  return TRUE;
}

/**
 * gtm_project_rename_board:
 * @self: a #GtmProject
 * @board: a board of @self
 * @name: the new name, as typed
 * @error: return location for an error
 *
 * Renames @board to @name without the white space around it, as one undo
 * step (none if the name does not change).
 *
 * Returns: %TRUE if renamed, or %FALSE with @error set as
 *   gtm_project_check_board_name() sets it
 */
gboolean
gtm_project_rename_board (GtmProject  *self,
                          GtmBoard    *board,
                          const char  *name,
                          GError     **error)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GTM_IS_BOARD (board), FALSE);

  /* Translators: an undo step, shown as “Undo Rename Board” */
  return rename_node (self, GTM_NODE (board), name, _("Rename Board"), error);
}

/* Moves the node at @from of the project's list called @list to @to, as
 * one step called @label. */
static void
move_node (GtmProject *self,
           GListModel *list,
           const char *list_name,
           guint       from,
           guint       to,
           const char *label)
{
  guint n = g_list_model_get_n_items (list);

  g_return_if_fail (from < n && to < n);

  gtm_history_begin (self->history, label);
  gtm_history_move (self->history, GTM_NODE (self), list_name, from, to);
  gtm_history_end (self->history);
}

void
gtm_project_move_board (GtmProject *self,
                        guint       from,
                        guint       to)
{
  g_return_if_fail (GTM_IS_PROJECT (self));

  /* Translators: an undo step (a change of the order of the boards),
     shown as “Undo Move Board” */
  move_node (self, gtm_project_get_boards (self), "boards", from, to, _("Move Board"));
}

void
gtm_project_remove_board (GtmProject *self,
                          GtmBoard   *board)
{
  guint position;

  g_return_if_fail (GTM_IS_PROJECT (self));
  g_return_if_fail (GTM_IS_BOARD (board));

  if (!g_list_store_find (G_LIST_STORE (gtm_project_get_boards (self)), board, &position))
    g_return_if_reached ();

  /* Translators: an undo step, shown as “Undo Delete Board” */
  gtm_history_begin (self->history, _("Delete Board"));
  gtm_history_remove (self->history, GTM_NODE (self), "boards", position);
  gtm_history_end (self->history);
}

/**
 * gtm_project_add_persona:
 * @self: a #GtmProject
 * @kind: a buyer or a user persona
 * @position: where it goes in the list of personas
 * @name: (nullable): its name, or %NULL for “Buyer persona N” or “User
 *   persona N”: N is the number of personas of @kind it makes, or the next
 *   number no persona's name has
 * @error: return location for an error
 *
 * Adds an empty persona, as one undo step.
 *
 * Returns: (transfer none) (nullable): the new persona, owned by the
 *   project, or %NULL with @error set (%G_IO_ERROR_NO_SPACE) when the
 *   project holds %GTM_PROJECT_MAX_ENTRIES personas
 */
GtmPersona *
gtm_project_add_persona (GtmProject      *self,
                         GtmPersonaKind   kind,
                         guint            position,
                         const char      *name,
                         GError         **error)
{
  GListModel *personas;
  g_autofree char *numbered = NULL;
  GtmPersona *persona;

  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);
  g_return_val_if_fail (kind == GTM_PERSONA_KIND_BUYER || kind == GTM_PERSONA_KIND_USER, NULL);
  personas = gtm_project_get_personas (self);
  g_return_val_if_fail (position <= g_list_model_get_n_items (personas), NULL);
  g_return_val_if_fail (name == NULL || gtm_project_check_persona_name (name, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_room_for_persona (self, error))
    return NULL;

  if (name == NULL)
    {
      guint n = g_list_model_get_n_items (personas);
      guint n_kind = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GtmPersona) other = g_list_model_get_item (personas, i);

          if (gtm_persona_get_kind (other) == kind)
            n_kind++;
        }

      name = numbered = unused_name (personas,
                                     kind == GTM_PERSONA_KIND_BUYER ? numbered_buyer_name
                                                                    : numbered_user_name,
                                     NULL, n_kind + 1);
    }

  persona = gtm_persona_new (kind, name);
  /* Translators: an undo step, shown as “Undo Add Persona” */
  insert_node (self, "personas", position, GTM_NODE (persona), _("Add Persona"));
  g_object_unref (persona);

  return persona;
}

/**
 * gtm_project_duplicate_persona:
 * @self: a #GtmProject
 * @persona: a persona of @self
 * @error: return location for an error
 *
 * Adds a copy of @persona right after it, called “NAME (Copy)” (or “NAME
 * (Copy 2)”, … if taken), as one undo step: every saved field, picture
 * and personality slider copied, each with a new id. Key messages written
 * for @persona stay with it.
 *
 * Returns: (transfer none) (nullable): the copy, owned by the project, or
 *   %NULL with @error set (%G_IO_ERROR_NO_SPACE) when the project holds
 *   %GTM_PROJECT_MAX_ENTRIES personas
 */
GtmPersona *
gtm_project_duplicate_persona (GtmProject  *self,
                               GtmPersona  *persona,
                               GError     **error)
{
  GListModel *personas;
  guint position;
  g_autofree char *name = NULL;
  g_autoptr(GtmHistory) scratch = NULL;
  g_autoptr(GtmNode) copy = NULL;

  g_return_val_if_fail (GTM_IS_PROJECT (self), NULL);
  g_return_val_if_fail (GTM_IS_PERSONA (persona), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  personas = gtm_project_get_personas (self);
  if (!g_list_store_find (G_LIST_STORE (personas), persona, &position))
    g_return_val_if_reached (NULL);

  if (!check_room_for_persona (self, error))
    return NULL;

  /* A persona saved without a name is copied as one with a name. */
  name = unused_name (personas, copy_name,
                      gtm_persona_get_name (persona)[0] ? gtm_persona_get_name (persona)
                                                        : _("Unnamed Persona"),
                      1);
  scratch = gtm_history_new ();
  copy = deep_copy_node (GTM_NODE (persona), name, scratch);

  /* Translators: an undo step, shown as “Undo Duplicate Persona” */
  insert_node (self, "personas", position + 1, copy, _("Duplicate Persona"));

  return GTM_PERSONA (copy); /* the project holds it */
}

/**
 * gtm_project_rename_persona:
 * @self: a #GtmProject
 * @persona: a persona of @self
 * @name: the new name, as typed
 * @error: return location for an error
 *
 * Renames @persona to @name without the white space around it, as one
 * undo step (none if the name does not change).
 *
 * Returns: %TRUE if renamed, or %FALSE with @error set as
 *   gtm_project_check_persona_name() sets it
 */
gboolean
gtm_project_rename_persona (GtmProject  *self,
                            GtmPersona  *persona,
                            const char  *name,
                            GError     **error)
{
  g_return_val_if_fail (GTM_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (GTM_IS_PERSONA (persona), FALSE);

  /* Translators: an undo step, shown as “Undo Rename Persona” */
  return rename_node (self, GTM_NODE (persona), name, _("Rename Persona"), error);
}

void
gtm_project_move_persona (GtmProject *self,
                          guint       from,
                          guint       to)
{
  g_return_if_fail (GTM_IS_PROJECT (self));

  /* Translators: an undo step (a change of the order of the personas),
     shown as “Undo Move Persona” */
  move_node (self, gtm_project_get_personas (self), "personas", from, to, _("Move Persona"));
}

void
gtm_project_remove_persona (GtmProject *self,
                            GtmNode    *persona)
{
  GListModel *messages;
  const char *id;
  guint position;
  guint n;

  g_return_if_fail (GTM_IS_PROJECT (self));
  g_return_if_fail (GTM_IS_PERSONA (persona));

  if (!g_list_store_find (G_LIST_STORE (gtm_project_get_personas (self)), persona, &position))
    g_return_if_reached ();

  id = gtm_node_get_id (persona);
  messages = gtm_messaging_get_key_messages (GTM_MESSAGING (gtm_project_get_messaging (self)));
  n = g_list_model_get_n_items (messages);

  /* Translators: an undo step, shown as “Undo Delete Persona” */
  gtm_history_begin (self->history, _("Delete Persona"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmKeyMessage) message = g_list_model_get_item (messages, i);

      if (g_strcmp0 (gtm_key_message_get_persona (message), id) == 0)
        gtm_history_set (self->history, GTM_NODE (message), "persona", "", NULL);
    }

  gtm_history_remove (self->history, GTM_NODE (self), "personas", position);

  gtm_history_end (self->history);
}
