/* gtm-node.h — the base of every object in a GTM Studio document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Every object of the document model (project, board, item, persona, …) is a
 * GtmNode. A node class describes its saved state declaratively:
 *
 *  - scalar fields are GObject properties carrying GTM_PARAM_SAVED; their
 *    values live in storage kept by GtmNode, so subclasses only install
 *    pspecs (gtm_node_class_install_fields()) and get typed getters through
 *    gtm_node_get_*();
 *  - lists of child nodes are GListStores registered with
 *    gtm_node_class_add_list();
 *  - singleton child nodes (a project's brief, messaging, …) are registered
 *    with gtm_node_class_add_child().
 *
 * The file format, the history (undo/redo), validation and change
 * notification are written once against this description.
 *
 * Nodes are never edited directly by the UI: edits go through GtmHistory.
 */

/* Extra GParamFlags understood by GtmNode. */
#define GTM_PARAM_SAVED     (1 << (G_PARAM_USER_SHIFT + 0)) /* written to and read from files */
#define GTM_PARAM_REQUIRED  (1 << (G_PARAM_USER_SHIFT + 1)) /* a file without it is refused */
#define GTM_PARAM_COLOR     (1 << (G_PARAM_USER_SHIFT + 2)) /* string: "#rrggbb" or "#rrggbbaa" */
#define GTM_PARAM_DATE      (1 << (G_PARAM_USER_SHIFT + 3)) /* string: "" or "YYYY-MM-DD" */
#define GTM_PARAM_DATETIME  (1 << (G_PARAM_USER_SHIFT + 4)) /* string: ISO 8601 date and time */
#define GTM_PARAM_REFERENCE (1 << (G_PARAM_USER_SHIFT + 5)) /* string: "" or the id of another node */
#define GTM_PARAM_MULTILINE (1 << (G_PARAM_USER_SHIFT + 6)) /* string: may hold newlines */
#define GTM_PARAM_TAG       (1 << (G_PARAM_USER_SHIFT + 7)) /* string: "" or a name in id syntax, not a node's */
#define GTM_PARAM_WEAK      (1 << (G_PARAM_USER_SHIFT + 8)) /* with REFERENCE: the node may be gone; the id is kept */

#define GTM_NODE_DEFAULT_FLAGS (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GTM_PARAM_SAVED)

/* The slot of every node's "id". */
#define GTM_NODE_SLOT_ID 1

#define GTM_TYPE_NODE (gtm_node_get_type ())

G_DECLARE_DERIVABLE_TYPE (GtmNode, gtm_node, GTM, NODE, GObject)

struct _GtmNodeClass
{
  GObjectClass parent_class;

  /* The value of "kind" for nodes stored in a polymorphic list (e.g. "note"),
   * NULL for node types that are never in one. */
  const char *kind;

  /* Checks that need more than one field (e.g. a connector's ends exist).
   * Called by the reader after the whole document is built, and before
   * saving. @root is the project. Return FALSE with @error set (the
   * reason only) and @field set to the field at fault, or left NULL when
   * the node as a whole is. */
  gboolean (*validate) (GtmNode     *self,
                        GtmNode     *root,
                        const char **field,
                        GError     **error);

  /*< private >*/
  GType       owner;    /* the class that owns the arrays below */
  guint       n_slots;
  GPtrArray  *fields;   /* saved GParamSpec*, declaration order, parents first */
  GPtrArray  *slots;    /* GParamSpec* of every slot, by property id; [0] is NULL */
  GPtrArray  *lists;    /* GtmNodeListInfo* */
  GPtrArray  *children; /* GtmNodeChildInfo* */
};

typedef struct
{
  const char *name;          /* JSON member and list name, e.g. "items" */
  GType       element_type;  /* base type of the elements; may be abstract */
  guint       max_length;    /* limit enforced by the reader */
  guint       index;
} GtmNodeListInfo;

typedef struct
{
  const char *name;          /* JSON member, e.g. "brief" */
  GType       type;
  guint       index;
} GtmNodeChildInfo;

/* Class description, called from class_init. Property ids are assigned by
 * GtmNode; the first id of a subclass is returned so that subclasses can keep
 * an enum of their own slots: slot = first + local index. */
guint             gtm_node_class_install_fields   (GtmNodeClass  *klass,
                                                   GParamSpec   **pspecs,
                                                   guint          n_pspecs);
void              gtm_node_class_add_list         (GtmNodeClass  *klass,
                                                   const char    *name,
                                                   GType          element_type,
                                                   guint          max_length);
void              gtm_node_class_add_child        (GtmNodeClass  *klass,
                                                   const char    *name,
                                                   GType          type);
/* Stop saving an inherited field in this class and its subclasses. */
void              gtm_node_class_hide_field       (GtmNodeClass  *klass,
                                                   const char    *name);

/* Class introspection, used by the file format, the history and tests. */
guint             gtm_node_class_get_n_fields     (GtmNodeClass  *klass);
GParamSpec       *gtm_node_class_get_field        (GtmNodeClass  *klass,
                                                   guint          index);
guint             gtm_node_class_get_n_lists      (GtmNodeClass  *klass);
const GtmNodeListInfo *gtm_node_class_get_list_info (GtmNodeClass *klass,
                                                   guint          index);
guint             gtm_node_class_get_n_children   (GtmNodeClass  *klass);
const GtmNodeChildInfo *gtm_node_class_get_child_info (GtmNodeClass *klass,
                                                   guint          index);
GType             gtm_node_type_from_kind         (GType          base_type,
                                                   const char    *kind);

const char       *gtm_node_get_id                 (GtmNode       *self);
/* For the history and the reader: @self left the list that held it. */
void              gtm_node_detach                 (GtmNode       *self);
GtmNode          *gtm_node_get_parent             (GtmNode       *self);
GtmNode          *gtm_node_get_root               (GtmNode       *self);

/* Lists and children. The returned stores belong to the node. Edits to them
 * go through GtmHistory; the reader and the history are the only writers. */
GListStore       *gtm_node_get_list               (GtmNode       *self,
                                                   const char    *name);
GListStore       *gtm_node_get_list_at            (GtmNode       *self,
                                                   guint          index);
GtmNode          *gtm_node_get_child              (GtmNode       *self,
                                                   const char    *name);
GtmNode          *gtm_node_get_child_at           (GtmNode       *self,
                                                   guint          index);
GtmNode          *gtm_node_find                   (GtmNode       *self,
                                                   const char    *id);

/* Fast typed access to a slot (the property id) for hot paths such as
 * rendering; the slot must hold the named type. */
const GValue     *gtm_node_peek_value             (GtmNode       *self,
                                                   guint          slot);
double            gtm_node_get_double             (GtmNode       *self,
                                                   guint          slot);
int               gtm_node_get_int                (GtmNode       *self,
                                                   guint          slot);
gboolean          gtm_node_get_boolean            (GtmNode       *self,
                                                   guint          slot);
const char       *gtm_node_get_string             (GtmNode       *self,
                                                   guint          slot);
const char * const *gtm_node_get_strv             (GtmNode       *self,
                                                   guint          slot);
int               gtm_node_get_enum               (GtmNode       *self,
                                                   guint          slot);
GBytes           *gtm_node_get_bytes              (GtmNode       *self,
                                                   guint          slot);

/* For the reader, while it builds a node that nobody has seen yet: moves
 * @value (of the slot's type; left unset) into @slot, with no check and no
 * notification. */
void              gtm_node_load_value             (GtmNode       *self,
                                                   guint          slot,
                                                   GValue        *value);

/* Called with the changed node each time a field of this node or of any node
 * below it changes, or a list below it gains or loses nodes. */
void              gtm_node_emit_changed           (GtmNode       *self,
                                                   GtmNode       *origin);

/* A new id, unique with overwhelming probability: the kind plus 12 random
 * hex digits. */
char             *gtm_node_new_id                 (const char    *prefix);

G_END_DECLS
