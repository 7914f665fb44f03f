/* gtm-format.h — the .gtm file format: reader, writer and its limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gtm-project.h"

G_BEGIN_DECLS

/*
 * A .gtm file is one UTF-8 JSON object describing a GtmProject; see
 * docs/file-format.md. The reader and the writer are written once against
 * the class descriptions of GtmNode (fields, lists, children), so a new
 * field needs no code here.
 *
 * The reader refuses anything it can't load faithfully with a GError in
 * GTM_FORMAT_ERROR whose one-line message names the problem and where it is:
 * a member path such as "boards[2].items[5].width", or a line and column for
 * syntax errors. It never returns a half-loaded project.
 */

/* Integer, bumped on any change older readers would misread. */
#define GTM_FORMAT_VERSION 1

#define GTM_FORMAT_MAX_FILE_SIZE  (256 * 1024 * 1024)
/* The format itself nests at most 6 deep (project, boards, board, items,
 * item, and a version 0 colour list); the rest is room for unknown members
 * of a later revision, far below the depth that breaks json-glib. */
#define GTM_FORMAT_MAX_DEPTH      16
/* Text fields, in bytes of UTF-8: single-line and multi-line
 * (GTM_PARAM_MULTILINE) fields. */
#define GTM_FORMAT_MAX_LINE_LENGTH   4096
#define GTM_FORMAT_MAX_TEXT_LENGTH   (1024 * 1024)
/* Entries of a list of strings (G_TYPE_STRV field). */
#define GTM_FORMAT_MAX_STRV_LENGTH   1000
/* Binary fields (G_TYPE_BYTES, e.g. an image's PNG data), decoded. */
#define GTM_FORMAT_MAX_BINARY_SIZE   (16 * 1024 * 1024)
/* Ids: 1 to 64 bytes of A–Z, a–z, 0–9, “-” and “_”. */
#define GTM_FORMAT_MAX_ID_LENGTH     64

#define GTM_FORMAT_ERROR (gtm_format_error_quark ())

typedef enum
{
  GTM_FORMAT_ERROR_EMPTY,          /* the file holds nothing */
  GTM_FORMAT_ERROR_TOO_LARGE,      /* over GTM_FORMAT_MAX_FILE_SIZE */
  GTM_FORMAT_ERROR_ENCODING,       /* not UTF-8 */
  GTM_FORMAT_ERROR_SYNTAX,         /* not JSON */
  GTM_FORMAT_ERROR_TOO_DEEP,       /* nested deeper than GTM_FORMAT_MAX_DEPTH */
  GTM_FORMAT_ERROR_NOT_A_PROJECT,  /* JSON, but not a GTM Studio project */
  GTM_FORMAT_ERROR_NEWER_VERSION,  /* saved by a newer GTM Studio */
  GTM_FORMAT_ERROR_INVALID,        /* a project, but something in it is wrong */
  GTM_FORMAT_ERROR_TRUNCATED,      /* ends in the middle: an interrupted copy or download */
} GtmFormatError;

GQuark      gtm_format_error_quark (void);

GtmProject *gtm_format_read_bytes  (GBytes        *bytes,
                                    GError       **error);
GtmProject *gtm_format_read_file   (GFile         *file,
                                    GCancellable  *cancellable,
                                    GError       **error);
gboolean    gtm_format_validate     (GtmProject    *project,
                                     GError       **error);
GBytes     *gtm_format_write_bytes (GtmProject    *project);

/* Fragments of board items, as copied to the clipboard: a JSON object
 *
 *   { "format": "gtm-studio-items", "version": GTM_FORMAT_VERSION,
 *     "items": [ …items as in a board's "items" list… ] }
 *
 * written and read by the same code as files, with the same limits. The
 * reader uses the codes of GtmFormatError, NOT_A_PROJECT meaning "not
 * items copied from GTM Studio". */
GBytes     *gtm_format_write_items (GtmItem * const *items,
                                    guint            n_items);
GPtrArray  *gtm_format_read_items  (GBytes        *bytes,
                                    GError       **error);

/* The checks the reader applies to one field's value (type, range, length,
 * line breaks, colour, date and id syntax), for editors and the history, so
 * that nothing can be saved that the reader would refuse. The message starts
 * with the field's name. */
gboolean    gtm_format_check_value (GParamSpec    *pspec,
                                    const GValue  *value,
                                    GError       **error);
/* TRUE if @id is 1 to GTM_FORMAT_MAX_ID_LENGTH bytes of [A-Za-z0-9_-]. */
gboolean    gtm_format_is_valid_id (const char    *id);

G_END_DECLS
