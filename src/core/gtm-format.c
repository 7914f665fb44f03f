/* gtm-format.c — reads and writes .gtm files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-format"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gtm-color.h"
#include "gtm-core.h"
#include "gtm-format.h"
#include "gtm-image.h"
#include "gtm-json.h"

/* The reader must accept every image the image item accepts. */
G_STATIC_ASSERT (GTM_IMAGE_MAX_BYTES <= GTM_FORMAT_MAX_BINARY_SIZE);

#define FORMAT_NAME "gtm-studio"
/* Items copied to the clipboard (gtm_format_write_items()). */
#define ITEMS_FORMAT_NAME "gtm-studio-items"
/* The first format version that had fragments of copied items. */
#define ITEMS_FIRST_VERSION 1

/* What the reader reads, for its messages: a project file, or items copied
 * to the clipboard. */
typedef enum
{
  SOURCE_FILE,
  SOURCE_ITEMS,
} Source;

/* Whole numbers in files: 18 digits always fit in a gint64 (json-glib
 * silently wraps larger ones around). */
#define MAX_INTEGER_DIGITS 18

G_DEFINE_QUARK (gtm-format-error-quark, gtm_format_error)

static gboolean
is_id_field (GParamSpec *pspec)
{
  return pspec->owner_type == GTM_TYPE_NODE && strcmp (pspec->name, "id") == 0;
}

/* Shortest text that reads back as the same double, in the C locale. */
static void
format_double (char   *buf,
               gsize   size,
               double  value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  /* -0 would be written "-0" and read back as the integer 0, which then
   * writes "0": not a byte-identical round trip. */
  if (value == 0.0)
    value = 0.0;

  /* Most coordinates and sizes are whole: "%.15g" writes those below 1e15
   * as plain integers, which read back exactly. */
  if (fabs (value) < 1e15 && value == (double) (gint64) value)
    {
      g_snprintf (buf, size, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, size, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

/* ------------------------------------------------------------------------
 * Writer
 * ------------------------------------------------------------------------ */

static void
write_indent (GString *out,
              guint    depth)
{
  static const char spaces[] = "                                ";
  gsize n = 2 * (gsize) depth;

  while (n > 0)
    {
      gsize chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (out, spaces, chunk);
      n -= chunk;
    }
}

static void
write_string (GString    *out,
              const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    text = "";

  /* Every string in the model is UTF-8 already (the reader and the
   * history check it); this keeps the file valid whatever happens. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      /* Runs of bytes that stand for themselves go in at once. */
      if (*p >= 0x20 && *p != '"' && *p != '\\')
        {
          const guchar *start = p;

          while (p[1] >= 0x20 && p[1] != '"' && p[1] != '\\')
            p++;
          g_string_append_len (out, (const char *) start, p + 1 - start);
          continue;
        }

      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* Starts the next member of an object whose members are at @depth. */
static void
begin_member (GString    *out,
              guint       depth,
              gboolean   *first,
              const char *name)
{
  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  write_indent (out, depth);
  /* Names of fields (GParamSpec names), lists and children: plain ASCII
   * that needs no escape. */
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\": ");
}

static void
end_container (GString  *out,
               guint     depth,
               gboolean  empty,
               char      close)
{
  if (!empty)
    {
      g_string_append_c (out, '\n');
      write_indent (out, depth);
    }
  g_string_append_c (out, close);
}

static void
write_value (GString      *out,
             guint         depth,
             GParamSpec   *pspec,
             const GValue *value)
{
  GType type = pspec->value_type;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:
      write_string (out, g_value_get_string (value));
      break;

    case G_TYPE_BOOLEAN:
      g_string_append (out, g_value_get_boolean (value) ? "true" : "false");
      break;

    case G_TYPE_INT:
      g_string_append_printf (out, "%d", g_value_get_int (value));
      break;

    case G_TYPE_UINT:
      g_string_append_printf (out, "%u", g_value_get_uint (value));
      break;

    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, g_value_get_int64 (value));
      break;

    case G_TYPE_DOUBLE:
      {
        double number = g_value_get_double (value);

        /* JSON has no infinities; the history keeps fields within their
         * (finite) limits, so this only guards the file. */
        if (!isfinite (number))
          number = G_PARAM_SPEC_DOUBLE (pspec)->default_value;
        format_double (buf, sizeof buf, number);
        g_string_append (out, buf);
      }
      break;

    case G_TYPE_ENUM:
      {
        GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
        GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

        if (enum_value == NULL)
          enum_value = g_enum_get_value (enum_class, G_PARAM_SPEC_ENUM (pspec)->default_value);
        write_string (out, enum_value->value_nick);
      }
      break;

    case G_TYPE_BOXED:
      if (type == G_TYPE_STRV)
        {
          const char * const *strv = g_value_get_boxed (value);
          gboolean first = TRUE;

          g_string_append_c (out, '[');
          for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
            {
              g_string_append (out, first ? "\n" : ",\n");
              first = FALSE;
              write_indent (out, depth + 1);
              write_string (out, strv[i]);
            }
          end_container (out, depth, first, ']');
        }
      else if (type == G_TYPE_BYTES)
        {
          GBytes *bytes = g_value_get_boxed (value);
          g_autofree char *base64 = NULL;

          if (bytes != NULL && g_bytes_get_size (bytes) > 0)
            {
              gsize size;
              const guchar *data = g_bytes_get_data (bytes, &size);

              base64 = g_base64_encode (data, size);
            }
          write_string (out, base64);
        }
      else
        {
          g_critical ("Field “%s” has type %s, which files can't hold",
                      pspec->name, g_type_name (type));
          g_string_append (out, "null");
        }
      break;

    default:
      g_critical ("Field “%s” has type %s, which files can't hold",
                  pspec->name, g_type_name (type));
      g_string_append (out, "null");
      break;
    }
}

static void write_node (GString *out, GtmNode *node, guint depth,
                        gboolean with_kind, gboolean with_id, gboolean is_root);

static void
write_list (GString    *out,
            guint       depth,
            GListModel *list,
            gboolean    with_kind)
{
  guint n = g_list_model_get_n_items (list);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtmNode) child = g_list_model_get_item (list, i);

      g_string_append (out, i == 0 ? "\n" : ",\n");
      write_indent (out, depth + 1);
      write_node (out, child, depth + 1, with_kind, TRUE, FALSE);
    }
  end_container (out, depth, n == 0, ']');
}

static void
write_node (GString  *out,
            GtmNode  *node,
            guint     depth,
            gboolean  with_kind,
            gboolean  with_id,
            gboolean  is_root)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (node);
  gboolean first = TRUE;
  guint n;

  g_string_append_c (out, '{');

  if (is_root)
    {
      begin_member (out, depth + 1, &first, "format");
      write_string (out, FORMAT_NAME);
      begin_member (out, depth + 1, &first, "version");
      g_string_append_printf (out, "%d", GTM_FORMAT_VERSION);
    }

  if (with_kind)
    {
      begin_member (out, depth + 1, &first, "kind");
      write_string (out, klass->kind);
    }

  n = gtm_node_class_get_n_fields (klass);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = gtm_node_class_get_field (klass, i);

      if (!with_id && is_id_field (pspec))
        continue;

      begin_member (out, depth + 1, &first, pspec->name);
      write_value (out, depth + 1, pspec, gtm_node_peek_value (node, pspec->param_id));
    }

  n = gtm_node_class_get_n_children (klass);
  for (guint i = 0; i < n; i++)
    {
      const GtmNodeChildInfo *info = gtm_node_class_get_child_info (klass, i);

      /* Singletons are named by their member; they carry no id. */
      begin_member (out, depth + 1, &first, info->name);
      write_node (out, gtm_node_get_child_at (node, i), depth + 1, FALSE, FALSE, FALSE);
    }

  n = gtm_node_class_get_n_lists (klass);
  for (guint i = 0; i < n; i++)
    {
      const GtmNodeListInfo *info = gtm_node_class_get_list_info (klass, i);

      begin_member (out, depth + 1, &first, info->name);
      write_list (out, depth + 1, G_LIST_MODEL (gtm_node_get_list_at (node, i)),
                  G_TYPE_IS_ABSTRACT (info->element_type));
    }

  end_container (out, depth, first, '}');
}

/**
 * gtm_format_write_bytes:
 * @project: a project
 *
 * Serializes @project: UTF-8 JSON indented by two spaces, members in the
 * order of the class descriptions, every field written even when it has its
 * default value, numbers in the C locale. The same model always gives the
 * same bytes.
 *
 * Returns: (transfer full): the file's content
 */
GBytes *
gtm_format_write_bytes (GtmProject *project)
{
  GString *out;

  g_return_val_if_fail (GTM_IS_PROJECT (project), NULL);

  out = g_string_sized_new (64 * 1024);
  write_node (out, GTM_NODE (project), 0, FALSE, TRUE, TRUE);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/**
 * gtm_format_write_items:
 * @items: (array length=n_items): board items
 * @n_items: their number
 *
 * Serializes @items, in the given order, as a fragment of copied items
 * (see gtm_format_read_items()): every saved field of each, written as in a
 * file's "items" lists, ids and the references between them included.
 *
 * Returns: (transfer full): UTF-8 JSON
 */
GBytes *
gtm_format_write_items (GtmItem * const *items,
                        guint            n_items)
{
  GString *out;
  gboolean first = TRUE;

  g_return_val_if_fail (items != NULL || n_items == 0, NULL);
  for (guint i = 0; i < n_items; i++)
    g_return_val_if_fail (GTM_IS_ITEM (items[i]), NULL);

  out = g_string_sized_new (1024);
  g_string_append_c (out, '{');
  begin_member (out, 1, &first, "format");
  write_string (out, ITEMS_FORMAT_NAME);
  begin_member (out, 1, &first, "version");
  g_string_append_printf (out, "%d", GTM_FORMAT_VERSION);
  begin_member (out, 1, &first, "items");

  g_string_append_c (out, '[');
  for (guint i = 0; i < n_items; i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      write_indent (out, 2);
      /* Board items are in a list of an abstract type: they name their kind. */
      write_node (out, GTM_NODE (items[i]), 2, TRUE, TRUE, FALSE);
    }
  end_container (out, 1, n_items == 0, ']');
  end_container (out, 0, FALSE, '}');
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/* ------------------------------------------------------------------------
 * Checks of single values, shared by the reader and gtm_format_check_value()
 * ------------------------------------------------------------------------ */

static void
set_invalid (GError     **error,
             const char  *path,
             const char  *message)
{
  if (path == NULL || path[0] == '\0')
    g_set_error_literal (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID, message);
  else
    g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
                 /* Translators: the first %s is a place in the file such as
                  * “boards[0].items[1].width”, the second what is wrong there */
                 _("%s: %s"), path, message);
}

static gboolean fail_at (GError **error, const char *path, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_at (GError     **error,
         const char  *path,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  set_invalid (error, path, message);
  return FALSE;
}

gboolean
gtm_format_is_valid_id (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  len = strlen (id);
  if (len == 0 || len > GTM_FORMAT_MAX_ID_LENGTH)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '-' && id[i] != '_')
      return FALSE;

  return TRUE;
}

static gboolean
is_valid_date (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return g_date_valid_dmy (day, month, year);
}

static gboolean
is_valid_datetime (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) datetime = g_date_time_new_from_iso8601 (text, utc);

  return datetime != NULL;
}

static gboolean
check_text (const char  *path,
            const char  *text,
            GParamFlags  flags,
            GError     **error)
{
  gboolean multiline = (flags & GTM_PARAM_MULTILINE) != 0;
  gsize limit = multiline ? GTM_FORMAT_MAX_TEXT_LENGTH : GTM_FORMAT_MAX_LINE_LENGTH;
  gsize len = text ? strlen (text) : 0;

  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, len, NULL))
    return fail_at (error, path, _("the text is not valid UTF-8"));

  if (len > limit)
    return fail_at (error, path,
                    _("the text is %llu bytes long; at most %llu are allowed"),
                    (unsigned long long) len, (unsigned long long) limit);

  if (!multiline && strpbrk (text, "\r\n") != NULL)
    return fail_at (error, path, _("line breaks are not allowed here"));

  if (len == 0)
    return TRUE;

  if ((flags & GTM_PARAM_COLOR) != 0)
    {
      GtmColor color;

      if (!gtm_color_parse (text, &color))
        return fail_at (error, path,
                        _("“%s” is not a colour (expected #rrggbb or #rrggbbaa)"), text);
    }

  if ((flags & GTM_PARAM_DATE) != 0 && !is_valid_date (text))
    return fail_at (error, path, _("“%s” is not a date (expected YYYY-MM-DD)"), text);

  if ((flags & GTM_PARAM_DATETIME) != 0 && !is_valid_datetime (text))
    return fail_at (error, path,
                    _("“%s” is not a date and time (expected ISO 8601, such as 2024-05-01T09:30:00Z)"),
                    text);

  if ((flags & (GTM_PARAM_REFERENCE | GTM_PARAM_TAG)) != 0 && !gtm_format_is_valid_id (text))
    return fail_at (error, path,
                    _("“%s” is not an id (1 to %d letters, digits, “-” or “_”)"),
                    text, GTM_FORMAT_MAX_ID_LENGTH);

  return TRUE;
}

static gboolean
range_error (GError     **error,
             const char  *path,
             double       value,
             double       minimum,
             double       maximum)
{
  char value_buf[G_ASCII_DTOSTR_BUF_SIZE];
  char min_buf[G_ASCII_DTOSTR_BUF_SIZE];
  char max_buf[G_ASCII_DTOSTR_BUF_SIZE];

  format_double (value_buf, sizeof value_buf, value);
  format_double (min_buf, sizeof min_buf, minimum);
  format_double (max_buf, sizeof max_buf, maximum);

  return fail_at (error, path,
                  /* Translators: the numbers are written as in the file */
                  _("%s is outside the allowed range %s to %s"),
                  value_buf, min_buf, max_buf);
}

static gboolean
check_value (GParamSpec    *pspec,
             const GValue  *value,
             const char    *path,
             GError       **error)
{
  GType type = pspec->value_type;

  if (!G_VALUE_HOLDS (value, type))
    return fail_at (error, path, _("the value has the wrong type"));

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:
      return check_text (path, g_value_get_string (value), pspec->flags, error);

    case G_TYPE_BOOLEAN:
      return TRUE;

    case G_TYPE_INT:
      {
        GParamSpecInt *spec = G_PARAM_SPEC_INT (pspec);
        int number = g_value_get_int (value);

        if (number < spec->minimum || number > spec->maximum)
          return range_error (error, path, number, spec->minimum, spec->maximum);
        return TRUE;
      }

    case G_TYPE_UINT:
      {
        GParamSpecUInt *spec = G_PARAM_SPEC_UINT (pspec);
        guint number = g_value_get_uint (value);

        if (number < spec->minimum || number > spec->maximum)
          return range_error (error, path, number, spec->minimum, spec->maximum);
        return TRUE;
      }

    case G_TYPE_INT64:
      {
        GParamSpecInt64 *spec = G_PARAM_SPEC_INT64 (pspec);
        gint64 number = g_value_get_int64 (value);

        if (number < spec->minimum || number > spec->maximum)
          return range_error (error, path, (double) number, (double) spec->minimum,
                              (double) spec->maximum);
        return TRUE;
      }

    case G_TYPE_DOUBLE:
      {
        GParamSpecDouble *spec = G_PARAM_SPEC_DOUBLE (pspec);
        double number = g_value_get_double (value);

        if (!isfinite (number))
          return fail_at (error, path, _("the number is not finite"));
        if (number < spec->minimum || number > spec->maximum)
          return range_error (error, path, number, spec->minimum, spec->maximum);
        return TRUE;
      }

    case G_TYPE_ENUM:
      if (g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class, g_value_get_enum (value)) == NULL)
        return fail_at (error, path, _("%d is not one of the allowed values"), g_value_get_enum (value));
      return TRUE;

    case G_TYPE_BOXED:
      if (type == G_TYPE_STRV)
        {
          const char * const *strv = g_value_get_boxed (value);
          guint length = strv ? g_strv_length ((char **) strv) : 0;
          GParamFlags entry_flags = pspec->flags & GTM_PARAM_MULTILINE;

          if (length > GTM_FORMAT_MAX_STRV_LENGTH)
            return fail_at (error, path,
                            _("the list has %u entries; at most %d are allowed"),
                            length, GTM_FORMAT_MAX_STRV_LENGTH);

          for (guint i = 0; i < length; i++)
            {
              g_autofree char *entry_path = g_strdup_printf ("%s[%u]", path, i);

              if (!check_text (entry_path, strv[i], entry_flags, error))
                return FALSE;
            }
          return TRUE;
        }
      else if (type == G_TYPE_BYTES)
        {
          GBytes *bytes = g_value_get_boxed (value);
          gsize size = bytes ? g_bytes_get_size (bytes) : 0;

          if (size > GTM_FORMAT_MAX_BINARY_SIZE)
            return fail_at (error, path,
                            _("the data is %llu bytes long; at most %d are allowed"),
                            (unsigned long long) size, GTM_FORMAT_MAX_BINARY_SIZE);
          return TRUE;
        }
      break;

    default:
      break;
    }

  return fail_at (error, path, _("fields of type %s can't be saved"), g_type_name (type));
}

/**
 * gtm_format_check_value:
 * @pspec: a saved field of a node class
 * @value: a value for it
 *
 * Applies the reader's checks to one value, so that editors and the history
 * can refuse what the reader would refuse.
 *
 * Returns: %TRUE if a file may hold @value in the field @pspec
 */
gboolean
gtm_format_check_value (GParamSpec    *pspec,
                        const GValue  *value,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_value (pspec, value, pspec->name, error);
}

/* ------------------------------------------------------------------------
 * Reader: bytes → JSON
 * ------------------------------------------------------------------------ */

static void
locate (const char *data,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  gsize line_start = 0;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        line_start = i + 1;
      }

  /* In characters, as editors count; the bytes are valid UTF-8 here. */
  *column = (guint) g_utf8_strlen (data + line_start, offset - line_start) + 1;
}

static void
set_too_large (GError  **error,
               Source    source,
               guint64   size)
{
  g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit_text = g_format_size_full (GTM_FORMAT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  if (source == SOURCE_ITEMS)
    g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_TOO_LARGE,
                 _("The copied items are too large (%s); GTM Studio pastes up to %s at once."),
                 size_text, limit_text);
  else
    g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_TOO_LARGE,
                 _("The file is too large (%s); GTM Studio opens projects of up to %s."),
                 size_text, limit_text);
}

/* @end: where the valid text ends */
static void
set_truncated (GError     **error,
               Source       source,
               const char  *data,
               gsize        end)
{
  guint line, column;

  locate (data, end, &line, &column);
  if (source == SOURCE_ITEMS)
    g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_TRUNCATED,
                 _("The copied items end unexpectedly at line %u, column %u: they are incomplete."),
                 line, column);
  else
    g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_TRUNCATED,
                 _("The file ends unexpectedly at line %u, column %u: it is incomplete, "
                   "perhaps cut short while it was copied or downloaded."),
                 line, column);
}

/* Checks what json-glib 1.6 doesn't: nesting depth (it overflows its stack
 * on deep input), whole numbers too large for a gint64 (it wraps them
 * around) and text after the end of the document (it ignores a second
 * value). Notes in @open_at_end whether a string or container is still
 * open at the end, which tells a file cut short from other syntax errors
 * once the parser has said where it failed. Strings are skipped, escapes
 * included. */
static gboolean
scan_structure (const char  *data,
                gsize        len,
                Source       source,
                gboolean    *open_at_end,
                GError     **error)
{
  guint depth = 0;
  gsize root_end = 0;
  guint line, column;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '"')
        {
          for (i++; i < len && data[i] != '"'; i++)
            if (data[i] == '\\')
              i++;
          if (i >= len)
            *open_at_end = TRUE;
          continue;
        }

      if (c == '[' || c == '{')
        {
          if (++depth > GTM_FORMAT_MAX_DEPTH)
            {
              locate (data, i, &line, &column);
              if (source == SOURCE_ITEMS)
                g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_TOO_DEEP,
                             _("The copied items are nested more than %d levels deep (at line %u, column %u)."),
                             GTM_FORMAT_MAX_DEPTH, line, column);
              else
                g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_TOO_DEEP,
                             _("The file is nested more than %d levels deep (at line %u, column %u)."),
                             GTM_FORMAT_MAX_DEPTH, line, column);
              return FALSE;
            }
        }
      else if (c == ']' || c == '}')
        {
          if (depth > 0 && --depth == 0 && root_end == 0)
            root_end = i + 1;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize start = i;
          guint digits = 0;
          gboolean whole = TRUE;

          for (; i < len && strchr ("0123456789+-.eE", data[i]) != NULL; i++)
            {
              if (g_ascii_isdigit (data[i]))
                digits++;
              else if (data[i] != '-')
                whole = FALSE;
            }

          if (whole && digits > MAX_INTEGER_DIGITS)
            {
              locate (data, start, &line, &column);
              g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
                           _("Line %u, column %u: the whole number %.*s is too large"),
                           line, column, (int) (i - start), data + start);
              return FALSE;
            }
          i--;
        }
    }

  if (depth > 0)
    *open_at_end = TRUE;

  if (root_end > 0)
    {
      for (gsize i = root_end; i < len; i++)
        {
          if (!g_ascii_isspace (data[i]))
            {
              locate (data, i, &line, &column);
              if (source == SOURCE_ITEMS)
                g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_SYNTAX,
                             _("Syntax error at line %u, column %u: unexpected text after the end of the copied items"),
                             line, column);
              else
                g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_SYNTAX,
                             _("Syntax error at line %u, column %u: unexpected text after the end of the project"),
                             line, column);
              return FALSE;
            }
        }
    }

  return TRUE;
}

static void
set_syntax_error (GError       **error,
                  const GError  *parse_error,
                  Source         source,
                  const char    *data,
                  gsize          len,
                  gboolean       open_at_end)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *detail = NULL;
  const char *reason;
  guint line = 0, column = 0;

  /* json-glib says "<data>:LINE:COLUMN: Parse error: DETAIL" in the user's
   * language, where the colons may be full-width (zh_TW) and "Parse error"
   * is translated. */
  regex = g_regex_new ("^<data>\\s*[:：]\\s*(\\d+)\\s*[:：]\\s*(\\d+)\\s*[:：]\\s*"
                       "(?:[^:：]*[:：]\\s*)?(.*)$",
                       G_REGEX_DOTALL, 0, NULL);
  if (g_regex_match (regex, parse_error->message, 0, &match))
    {
      g_autofree char *line_text = g_match_info_fetch (match, 1);
      g_autofree char *column_text = g_match_info_fetch (match, 2);

      line = (guint) g_ascii_strtoull (line_text, NULL, 10);
      column = (guint) g_ascii_strtoull (column_text, NULL, 10);
      detail = g_match_info_fetch (match, 3);
    }
  else
    {
      detail = g_strdup (parse_error->message);
    }

  /* The parser stopped at the end while something was still open: the
   * file was cut short, not mistyped. */
  if (open_at_end)
    {
      guint end_line, end_column;

      locate (data, len, &end_line, &end_column);
      if (line == 0 || line + 1 >= end_line)
        {
          set_truncated (error, source, data, len);
          return;
        }
    }

  switch (parse_error->domain == JSON_PARSER_ERROR ? parse_error->code : -1)
    {
    case JSON_PARSER_ERROR_TRAILING_COMMA:
      reason = _("a comma is followed by nothing");
      break;
    case JSON_PARSER_ERROR_MISSING_COMMA:
      reason = _("a comma is missing");
      break;
    case JSON_PARSER_ERROR_MISSING_COLON:
      reason = _("a colon is missing after a member name");
      break;
    case JSON_PARSER_ERROR_EMPTY_MEMBER_NAME:
      reason = _("a member name is empty");
      break;
    default:
      reason = detail;
      break;
    }

  if (line > 0)
    g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_SYNTAX,
                 _("Syntax error at line %u, column %u: %s"), line, column, reason);
  else
    g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_SYNTAX,
                 _("Syntax error: %s"), reason);
}

static const char *
describe_json (GtmJsonValue *value)
{
  switch (value->type)
    {
    case GTM_JSON_OBJECT:
      return _("an object");
    case GTM_JSON_ARRAY:
      return _("a list");
    case GTM_JSON_NULL:
      return _("null");
    case GTM_JSON_STRING:
      return _("text");
    case GTM_JSON_BOOLEAN:
      return _("true or false");
    case GTM_JSON_INTEGER:
    case GTM_JSON_DOUBLE:
    default:
      return _("a number");
    }
}

static gboolean
json_is_number (GtmJsonValue *value)
{
  return value->type == GTM_JSON_INTEGER || value->type == GTM_JSON_DOUBLE;
}

/* Reads a JSON number that must be a whole number. */
static gboolean
get_whole_number (GtmJsonValue  *value,
                  const char    *path,
                  gint64        *out,
                  GError       **error)
{
  double number;

  if (!json_is_number (value))
    return fail_at (error, path, _("expected a whole number, found %s"), describe_json (value));

  if (value->type == GTM_JSON_INTEGER)
    {
      *out = value->integer;
      return TRUE;
    }

  number = value->number;
  if (!isfinite (number))
    return fail_at (error, path, _("the number is not finite"));
  if (number != floor (number))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      format_double (buf, sizeof buf, number);
      return fail_at (error, path, _("%s is not a whole number"), buf);
    }
  if (number < -9.0e18 || number > 9.0e18)
    return range_error (error, path, number, -9.0e18, 9.0e18);

  *out = (gint64) number;
  return TRUE;
}

/* ------------------------------------------------------------------------
 * Migrations: each turns the JSON tree of version k into version k + 1
 * ------------------------------------------------------------------------ */

/* Version 0 colours: [r, g, b] or [r, g, b, a], whole numbers 0–255. */
static gboolean
migrate_color_0 (GtmJsonTree   *tree,
                 GtmJsonValue  *object,
                 const char    *member,
                 const char    *path,
                 GError       **error)
{
  g_autofree char *member_path = NULL;
  GtmJsonValue *value = gtm_json_object_get_member (object, member);
  guint channels[4] = { 0, 0, 0, 255 };
  char text[10];

  if (value == NULL || value->type != GTM_JSON_ARRAY)
    return TRUE;

  member_path = path[0] ? g_strdup_printf ("%s.%s", path, member) : g_strdup (member);
  if (value->length != 3 && value->length != 4)
    return fail_at (error, member_path,
                    _("a colour must be a list of 3 or 4 whole numbers from 0 to 255"));

  for (guint i = 0; i < value->length; i++)
    {
      GtmJsonValue *element = &value->elements[i];

      if (element->type != GTM_JSON_INTEGER || element->integer < 0 || element->integer > 255)
        return fail_at (error, member_path,
                        _("a colour must be a list of 3 or 4 whole numbers from 0 to 255"));
      channels[i] = (guint) element->integer;
    }

  if (value->length == 3)
    g_snprintf (text, sizeof text, "#%02x%02x%02x", channels[0], channels[1], channels[2]);
  else
    g_snprintf (text, sizeof text, "#%02x%02x%02x%02x",
                channels[0], channels[1], channels[2], channels[3]);
  gtm_json_tree_set_string (tree, value, text);

  return TRUE;
}

/* Calls @func on each object of the list @member of @object. */
static gboolean
migrate_each (GtmJsonTree   *tree,
              GtmJsonValue  *object,
              const char    *member,
              const char    *path,
              gboolean     (*func) (GtmJsonTree *, GtmJsonValue *, const char *, GError **),
              GError       **error)
{
  GtmJsonValue *value = gtm_json_object_get_member (object, member);

  if (value == NULL || value->type != GTM_JSON_ARRAY)
    return TRUE;

  for (guint i = 0; i < value->length; i++)
    {
      GtmJsonValue *element = &value->elements[i];
      g_autofree char *element_path = NULL;

      if (element->type != GTM_JSON_OBJECT)
        continue;

      element_path = path[0] ? g_strdup_printf ("%s.%s[%u]", path, member, i)
                             : g_strdup_printf ("%s[%u]", member, i);
      if (!func (tree, element, element_path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
migrate_item_0 (GtmJsonTree   *tree,
                GtmJsonValue  *item,
                const char    *path,
                GError       **error)
{
  gtm_json_object_rename_member (item, "type", "kind");

  return migrate_color_0 (tree, item, "fill", path, error) &&
         migrate_color_0 (tree, item, "stroke", path, error) &&
         migrate_color_0 (tree, item, "text-color", path, error);
}

static gboolean
migrate_board_0 (GtmJsonTree   *tree,
                 GtmJsonValue  *board,
                 const char    *path,
                 GError       **error)
{
  return migrate_color_0 (tree, board, "background", path, error) &&
         migrate_each (tree, board, "items", path, migrate_item_0, error);
}

static gboolean
migrate_persona_0 (GtmJsonTree   *tree,
                   GtmJsonValue  *persona,
                   const char    *path,
                   GError       **error)
{
  return migrate_color_0 (tree, persona, "avatar-color", path, error);
}

/* Version 0 (the 0.0 development previews) differs from version 1 in three
 * ways: the project's "title" was called "name"; items named their kind in
 * "type"; colours were lists of 0–255 channels. */
static gboolean
migrate_0_to_1 (GtmJsonTree   *tree,
                GtmJsonValue  *root,
                GError       **error)
{
  gtm_json_object_rename_member (root, "name", "title");

  return migrate_each (tree, root, "boards", "", migrate_board_0, error) &&
         migrate_each (tree, root, "personas", "", migrate_persona_0, error);
}

typedef gboolean (*MigrateFunc) (GtmJsonTree   *tree,
                                 GtmJsonValue  *root,
                                 GError       **error);

/* migrations[k] turns version k into version k + 1. */
static const MigrateFunc migrations[] = {
  migrate_0_to_1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == GTM_FORMAT_VERSION);

/* ------------------------------------------------------------------------
 * Reader: JSON → model
 * ------------------------------------------------------------------------ */

typedef struct
{
  const char *path;
  const char *id;
} Reference;

typedef struct
{
  GType       element_type;
  const char *kind;
  GType       type;
} KindType;

/* Ids are the JSON tree's strings, or the nodes' own when a project in
 * memory is checked: both outlive the reader. Paths are kept in @paths. */
typedef struct
{
  GString      *path;        /* of the node being read */
  GStringChunk *paths;
  GHashTable   *ids;         /* id → path of the node that has it */
  GArray       *references;  /* Reference, in file order */
  GArray       *kinds;       /* KindType: the kinds met so far */
} Reader;

static void
reader_init (Reader *reader)
{
  reader->path = g_string_new (NULL);
  reader->paths = g_string_chunk_new (64 * 1024);
  reader->ids = g_hash_table_new (g_str_hash, g_str_equal);
  reader->references = g_array_new (FALSE, FALSE, sizeof (Reference));
  reader->kinds = g_array_new (FALSE, FALSE, sizeof (KindType));
}

static void
reader_clear (Reader *reader)
{
  g_string_free (reader->path, TRUE);
  g_string_chunk_free (reader->paths);
  g_hash_table_unref (reader->ids);
  g_array_unref (reader->references);
  g_array_unref (reader->kinds);
}

/* Notes that the field at the reader's path refers to @id, to be checked
 * once all ids are known. */
static void
add_reference (Reader     *reader,
               const char *id)
{
  Reference reference;

  reference.path = g_string_chunk_insert (reader->paths, reader->path->str);
  reference.id = id;
  g_array_append_val (reader->references, reference);
}

static gsize
push_member (Reader     *reader,
             const char *name)
{
  gsize mark = reader->path->len;

  if (mark > 0)
    g_string_append_c (reader->path, '.');
  g_string_append (reader->path, name);

  return mark;
}

static gsize
push_index (Reader *reader,
            guint   index)
{
  gsize mark = reader->path->len;

  g_string_append_printf (reader->path, "[%u]", index);

  return mark;
}

static void
pop (Reader *reader,
     gsize   mark)
{
  g_string_truncate (reader->path, mark);
}

static gboolean
check_base64 (const char *text,
              gsize      *decoded_size)
{
  gsize len = strlen (text);
  gsize padding = 0;

  if (len % 4 != 0)
    return FALSE;

  while (padding < 2 && padding < len && text[len - 1 - padding] == '=')
    padding++;

  for (gsize i = 0; i < len - padding; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '+' && text[i] != '/')
      return FALSE;

  *decoded_size = len / 4 * 3 - padding;
  return TRUE;
}

/* Converts @json into @value (initialized to the field's type). */
static gboolean
read_value (Reader        *reader,
            GParamSpec    *pspec,
            GtmJsonValue  *json,
            GValue        *value,
            GError       **error)
{
  const char *path = reader->path->str;
  GType type = pspec->value_type;
  gint64 whole;

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:
      if (json->type != GTM_JSON_STRING)
        return fail_at (error, path, _("expected text, found %s"), describe_json (json));
      g_value_set_string (value, json->string);
      break;

    case G_TYPE_BOOLEAN:
      if (json->type != GTM_JSON_BOOLEAN)
        return fail_at (error, path, _("expected true or false, found %s"), describe_json (json));
      g_value_set_boolean (value, json->boolean);
      break;

    case G_TYPE_INT:
      {
        GParamSpecInt *spec = G_PARAM_SPEC_INT (pspec);

        if (!get_whole_number (json, path, &whole, error))
          return FALSE;
        if (whole < spec->minimum || whole > spec->maximum)
          return range_error (error, path, (double) whole, spec->minimum, spec->maximum);
        g_value_set_int (value, (int) whole);
      }
      break;

    case G_TYPE_UINT:
      {
        GParamSpecUInt *spec = G_PARAM_SPEC_UINT (pspec);

        if (!get_whole_number (json, path, &whole, error))
          return FALSE;
        if (whole < spec->minimum || whole > spec->maximum)
          return range_error (error, path, (double) whole, spec->minimum, spec->maximum);
        g_value_set_uint (value, (guint) whole);
      }
      break;

    case G_TYPE_INT64:
      if (!get_whole_number (json, path, &whole, error))
        return FALSE;
      g_value_set_int64 (value, whole);
      break;

    case G_TYPE_DOUBLE:
      if (!json_is_number (json))
        return fail_at (error, path, _("expected a number, found %s"), describe_json (json));
      if (json->type == GTM_JSON_INTEGER)
        g_value_set_double (value, (double) json->integer);
      else
        g_value_set_double (value, json->number);
      break;

    case G_TYPE_ENUM:
      {
        GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
        GEnumValue *enum_value;

        if (json->type != GTM_JSON_STRING)
          return fail_at (error, path, _("expected text, found %s"), describe_json (json));

        enum_value = g_enum_get_value_by_nick (enum_class, json->string);
        if (enum_value == NULL)
          {
            g_autoptr(GString) allowed = g_string_new (NULL);

            for (guint i = 0; i < enum_class->n_values; i++)
              g_string_append_printf (allowed, "%s%s", i > 0 ? ", " : "",
                                      enum_class->values[i].value_nick);
            return fail_at (error, path, _("“%s” is not one of the allowed values (%s)"),
                            json->string, allowed->str);
          }
        g_value_set_enum (value, enum_value->value);
      }
      break;

    case G_TYPE_BOXED:
      if (type == G_TYPE_STRV)
        {
          g_autoptr(GStrvBuilder) builder = NULL;
          g_auto(GStrv) strv = NULL;

          if (json->type != GTM_JSON_ARRAY)
            return fail_at (error, path, _("expected a list of texts, found %s"),
                            describe_json (json));

          if (json->length > GTM_FORMAT_MAX_STRV_LENGTH)
            return fail_at (error, path, _("the list has %u entries; at most %d are allowed"),
                            json->length, GTM_FORMAT_MAX_STRV_LENGTH);

          builder = g_strv_builder_new ();
          for (guint i = 0; i < json->length; i++)
            {
              GtmJsonValue *element = &json->elements[i];

              if (element->type != GTM_JSON_STRING)
                {
                  g_autofree char *entry_path = g_strdup_printf ("%s[%u]", path, i);

                  return fail_at (error, entry_path, _("expected text, found %s"),
                                  describe_json (element));
                }
              g_strv_builder_add (builder, element->string);
            }

          /* An empty list is the default, NULL, so that the model does not
           * depend on how it was made. */
          strv = g_strv_builder_end (builder);
          if (strv[0] != NULL)
            g_value_take_boxed (value, g_steal_pointer (&strv));
        }
      else if (type == G_TYPE_BYTES)
        {
          const char *text;
          gsize size = 0;

          if (json->type != GTM_JSON_STRING)
            return fail_at (error, path, _("expected base64 text, found %s"), describe_json (json));

          text = json->string;
          if (!check_base64 (text, &size))
            return fail_at (error, path, _("the data is not valid base64"));
          if (size > GTM_FORMAT_MAX_BINARY_SIZE)
            return fail_at (error, path,
                            _("the data is %llu bytes long; at most %d are allowed"),
                            (unsigned long long) size, GTM_FORMAT_MAX_BINARY_SIZE);
          if (size > 0)
            {
              guchar *data = g_base64_decode (text, &size);

              g_value_take_boxed (value, g_bytes_new_take (data, size));
            }
        }
      else
        return fail_at (error, path, _("fields of type %s can't be saved"), g_type_name (type));
      break;

    default:
      return fail_at (error, path, _("fields of type %s can't be saved"), g_type_name (type));
    }

  return check_value (pspec, value, path, error);
}

/* Reads the saved fields of @node (but the id) from @object into it, and
 * notes the references to check once all ids are known. */
static gboolean
read_fields (Reader        *reader,
             GtmJsonValue  *object,
             GtmNode       *node,
             GError       **error)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (node);
  guint n_fields = gtm_node_class_get_n_fields (klass);

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = gtm_node_class_get_field (klass, i);
      g_auto(GValue) value = G_VALUE_INIT;
      GtmJsonValue *member;
      gsize mark;

      if (is_id_field (pspec))
        continue;

      mark = push_member (reader, pspec->name);
      member = gtm_json_object_get_member (object, pspec->name);
      if (member == NULL)
        {
          if ((pspec->flags & GTM_PARAM_REQUIRED) != 0)
            return fail_at (error, reader->path->str, _("this required field is missing"));
          pop (reader, mark);
          continue;
        }

      g_value_init (&value, pspec->value_type);
      if (!read_value (reader, pspec, member, &value, error))
        return FALSE;

      if ((pspec->flags & (GTM_PARAM_REFERENCE | GTM_PARAM_WEAK)) == GTM_PARAM_REFERENCE &&
          G_VALUE_HOLDS_STRING (&value) &&
          g_value_get_string (&value) != NULL &&
          g_value_get_string (&value)[0] != '\0')
        add_reference (reader, member->string);

      /* Nobody has seen the node yet: nobody is told. */
      gtm_node_load_value (node, pspec->param_id, &value);
      pop (reader, mark);
    }

  return TRUE;
}

/* Notes that the node at the reader's path has @id, which no other node
 * may have. */
static gboolean
register_id (Reader      *reader,
             const char  *id,
             GError     **error)
{
  const char *other = g_hash_table_lookup (reader->ids, id);

  if (other != NULL)
    {
      g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_INVALID,
                   _("The id “%s” is used twice: by %s and by %s"),
                   id, other[0] ? other : _("the project"),
                   reader->path->len > 0 ? reader->path->str : _("the project"));
      return FALSE;
    }

  g_hash_table_insert (reader->ids, (gpointer) id,
                       g_string_chunk_insert (reader->paths, reader->path->str));
  return TRUE;
}

/* Reads and registers the "id" member of @object. */
static gboolean
read_id (Reader        *reader,
         GtmJsonValue  *object,
         const char   **out_id,
         GError       **error)
{
  GtmJsonValue *member = gtm_json_object_get_member (object, "id");
  const char *id;
  gsize mark = push_member (reader, "id");

  if (member == NULL)
    return fail_at (error, reader->path->str, _("this required field is missing"));
  if (member->type != GTM_JSON_STRING)
    return fail_at (error, reader->path->str, _("expected text, found %s"), describe_json (member));

  id = member->string;
  if (!gtm_format_is_valid_id (id))
    return fail_at (error, reader->path->str,
                    _("“%s” is not an id (1 to %d letters, digits, “-” or “_”)"),
                    id, GTM_FORMAT_MAX_ID_LENGTH);
  pop (reader, mark);

  if (!register_id (reader, id, error))
    return FALSE;

  *out_id = id;
  return TRUE;
}

static gboolean read_contents (Reader *reader, GtmJsonValue *object, GtmNode *node, GError **error);

/* The type of an element of a list of @element_type (abstract) named by
 * @kind, remembered: lists hold many elements of few kinds. */
static GType
type_from_kind (Reader     *reader,
                GType       element_type,
                const char *kind)
{
  GtmNodeClass *klass;
  KindType *cached;
  KindType entry;

  for (guint i = 0; i < reader->kinds->len; i++)
    {
      cached = &g_array_index (reader->kinds, KindType, i);
      if (cached->element_type == element_type && strcmp (cached->kind, kind) == 0)
        return cached->type;
    }

  entry.element_type = element_type;
  entry.type = gtm_node_type_from_kind (element_type, kind);
  if (entry.type == G_TYPE_INVALID)
    return G_TYPE_INVALID;

  /* The class's own string, a literal. */
  klass = g_type_class_ref (entry.type);
  entry.kind = klass->kind;
  g_type_class_unref (klass);
  g_array_append_val (reader->kinds, entry);

  return entry.type;
}

static GtmNode *
read_element (Reader        *reader,
              GtmJsonValue  *object,
              GType          element_type,
              GError       **error)
{
  g_autoptr(GtmNode) node = NULL;
  g_auto(GValue) id_value = G_VALUE_INIT;
  GType type = element_type;
  const char *id = NULL;

  if (object->type != GTM_JSON_OBJECT)
    {
      fail_at (error, reader->path->str, _("expected an object, found %s"), describe_json (object));
      return NULL;
    }

  if (G_TYPE_IS_ABSTRACT (element_type))
    {
      GtmJsonValue *kind = gtm_json_object_get_member (object, "kind");
      gsize mark = push_member (reader, "kind");

      if (kind == NULL)
        {
          fail_at (error, reader->path->str, _("this required field is missing"));
          return NULL;
        }
      if (kind->type != GTM_JSON_STRING)
        {
          fail_at (error, reader->path->str, _("expected text, found %s"), describe_json (kind));
          return NULL;
        }
      type = type_from_kind (reader, element_type, kind->string);
      if (type == G_TYPE_INVALID)
        {
          fail_at (error, reader->path->str, _("“%s” is not a known kind"), kind->string);
          return NULL;
        }
      pop (reader, mark);
    }

  if (!read_id (reader, object, &id, error))
    return NULL;

  node = g_object_new (type, NULL);
  g_value_init (&id_value, G_TYPE_STRING);
  g_value_set_string (&id_value, id);
  gtm_node_load_value (node, GTM_NODE_SLOT_ID, &id_value);

  if (!read_fields (reader, object, node, error) ||
      !read_contents (reader, object, node, error))
    return NULL;

  return g_steal_pointer (&node);
}

/* Reads the children and lists of @node from @object. */
static gboolean
read_contents (Reader        *reader,
               GtmJsonValue  *object,
               GtmNode       *node,
               GError       **error)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (node);
  guint n;

  n = gtm_node_class_get_n_children (klass);
  for (guint i = 0; i < n; i++)
    {
      const GtmNodeChildInfo *info = gtm_node_class_get_child_info (klass, i);
      GtmNode *child = gtm_node_get_child_at (node, i);
      GtmJsonValue *member = gtm_json_object_get_member (object, info->name);
      gsize mark;

      if (member == NULL)
        continue;

      mark = push_member (reader, info->name);
      if (member->type != GTM_JSON_OBJECT)
        return fail_at (error, reader->path->str, _("expected an object, found %s"),
                        describe_json (member));

      if (!read_fields (reader, member, child, error))
        return FALSE;

      if (!read_contents (reader, member, child, error))
        return FALSE;
      pop (reader, mark);
    }

  n = gtm_node_class_get_n_lists (klass);
  for (guint i = 0; i < n; i++)
    {
      const GtmNodeListInfo *info = gtm_node_class_get_list_info (klass, i);
      GtmJsonValue *member = gtm_json_object_get_member (object, info->name);
      g_autoptr(GPtrArray) elements = NULL;
      guint length;
      gsize mark;

      if (member == NULL)
        continue;

      mark = push_member (reader, info->name);
      if (member->type != GTM_JSON_ARRAY)
        return fail_at (error, reader->path->str, _("expected a list, found %s"),
                        describe_json (member));

      length = member->length;
      if (length > info->max_length)
        return fail_at (error, reader->path->str,
                        _("the list has %u entries; at most %u are allowed"),
                        length, info->max_length);

      elements = g_ptr_array_new_full (length, g_object_unref);
      for (guint j = 0; j < length; j++)
        {
          gsize element_mark = push_index (reader, j);
          GtmNode *element = read_element (reader, &member->elements[j],
                                           info->element_type, error);

          if (element == NULL)
            return FALSE;
          g_ptr_array_add (elements, element);
          pop (reader, element_mark);
        }

      g_list_store_splice (gtm_node_get_list_at (node, i), 0, 0,
                           elements->pdata, elements->len);
      pop (reader, mark);
    }

  return TRUE;
}

/* A validate vfunc doesn't know where its node is; the field it names, if
 * any, joins the path. */
static void
report_validate_error (Reader     *reader,
                       const char *field,
                       const char *message,
                       GError    **error)
{
  gsize mark = field ? push_member (reader, field) : reader->path->len;

  set_invalid (error, reader->path->str, message);
  pop (reader, mark);
}

/* Runs the validate vfuncs, in file order, once the whole tree is built. */
static gboolean
validate_tree (Reader   *reader,
               GtmNode  *node,
               GtmNode  *root,
               GError  **error)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (node);
  guint n;

  if (klass->validate != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      const char *field = NULL;

      if (!klass->validate (node, root, &field, &local_error))
        {
          report_validate_error (reader, field, local_error->message, error);
          return FALSE;
        }
    }

  n = gtm_node_class_get_n_children (klass);
  for (guint i = 0; i < n; i++)
    {
      const GtmNodeChildInfo *info = gtm_node_class_get_child_info (klass, i);
      gsize mark = push_member (reader, info->name);

      if (!validate_tree (reader, gtm_node_get_child_at (node, i), root, error))
        return FALSE;
      pop (reader, mark);
    }

  n = gtm_node_class_get_n_lists (klass);
  for (guint i = 0; i < n; i++)
    {
      const GtmNodeListInfo *info = gtm_node_class_get_list_info (klass, i);
      GListModel *list = G_LIST_MODEL (gtm_node_get_list_at (node, i));
      guint length = g_list_model_get_n_items (list);
      gsize mark = push_member (reader, info->name);

      for (guint j = 0; j < length; j++)
        {
          g_autoptr(GtmNode) element = g_list_model_get_item (list, j);
          gsize element_mark = push_index (reader, j);

          if (!validate_tree (reader, element, root, error))
            return FALSE;
          pop (reader, element_mark);
        }
      pop (reader, mark);
    }

  return TRUE;
}

/* The checks of the reader that need the whole tree, on a project in
 * memory: unique ids, references that resolve. Paths as in read errors. */
static gboolean
collect_ids (Reader   *reader,
             GtmNode  *node,
             GError  **error)
{
  GtmNodeClass *klass = GTM_NODE_GET_CLASS (node);
  const char *id = gtm_node_get_id (node);
  guint n;

  /* Singleton children (the brief, the messaging…) have no id. */
  if (id != NULL && !register_id (reader, id, error))
    return FALSE;

  n = gtm_node_class_get_n_fields (klass);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = gtm_node_class_get_field (klass, i);
      const char *value;

      if ((pspec->flags & (GTM_PARAM_REFERENCE | GTM_PARAM_WEAK)) != GTM_PARAM_REFERENCE)
        continue;

      value = gtm_node_get_string (node, pspec->param_id);
      if (value != NULL && value[0] != '\0')
        {
          gsize mark = push_member (reader, pspec->name);

          add_reference (reader, value);
          pop (reader, mark);
        }
    }

  n = gtm_node_class_get_n_children (klass);
  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_member (reader, gtm_node_class_get_child_info (klass, i)->name);

      if (!collect_ids (reader, gtm_node_get_child_at (node, i), error))
        return FALSE;
      pop (reader, mark);
    }

  n = gtm_node_class_get_n_lists (klass);
  for (guint i = 0; i < n; i++)
    {
      GListModel *list = G_LIST_MODEL (gtm_node_get_list_at (node, i));
      guint length = g_list_model_get_n_items (list);
      gsize mark = push_member (reader, gtm_node_class_get_list_info (klass, i)->name);

      for (guint j = 0; j < length; j++)
        {
          g_autoptr(GtmNode) element = g_list_model_get_item (list, j);
          gsize element_mark = push_index (reader, j);

          if (!collect_ids (reader, element, error))
            return FALSE;
          pop (reader, element_mark);
        }
      pop (reader, mark);
    }

  return TRUE;
}

static gboolean
check_references (Reader  *reader,
                  Source   source,
                  GError **error)
{
  for (guint i = 0; i < reader->references->len; i++)
    {
      Reference *reference = &g_array_index (reader->references, Reference, i);

      if (g_hash_table_contains (reader->ids, reference->id))
        continue;

      if (source == SOURCE_ITEMS)
        return fail_at (error, reference->path,
                        _("nothing among the copied items has the id “%s”"), reference->id);
      return fail_at (error, reference->path, _("nothing in this project has the id “%s”"),
                      reference->id);
    }

  return TRUE;
}

/**
 * gtm_format_validate:
 * @project: a project in memory
 *
 * Runs the reader's checks that span the whole project — unique ids,
 * references that resolve, each node's own cross-field checks — so that a
 * project the reader would refuse is never written.
 *
 * Returns: %TRUE if the file written from @project would read back
 */
gboolean
gtm_format_validate (GtmProject  *project,
                     GError     **error)
{
  Reader reader;
  gboolean ok;

  g_return_val_if_fail (GTM_IS_PROJECT (project), FALSE);

  reader_init (&reader);

  ok = collect_ids (&reader, GTM_NODE (project), error) &&
       check_references (&reader, SOURCE_FILE, error) &&
       validate_tree (&reader, GTM_NODE (project), GTM_NODE (project), error);

  reader_clear (&reader);

  return ok;
}

static GtmProject *
read_project (GtmJsonValue  *root,
              GError       **error)
{
  Reader reader;
  g_autoptr(GtmProject) project = NULL;
  g_auto(GValue) id_value = G_VALUE_INIT;
  const char *id = NULL;
  gboolean ok = FALSE;

  reader_init (&reader);

  if (!read_id (&reader, root, &id, error))
    goto out;

  project = g_object_new (GTM_TYPE_PROJECT, NULL);
  g_value_init (&id_value, G_TYPE_STRING);
  g_value_set_string (&id_value, id);
  gtm_node_load_value (GTM_NODE (project), GTM_NODE_SLOT_ID, &id_value);

  if (!read_fields (&reader, root, GTM_NODE (project), error))
    goto out;

  if (!read_contents (&reader, root, GTM_NODE (project), error))
    goto out;

  if (!check_references (&reader, SOURCE_FILE, error))
    goto out;

  g_string_truncate (reader.path, 0);
  if (!validate_tree (&reader, GTM_NODE (project), GTM_NODE (project), error))
    goto out;

  ok = TRUE;

out:
  reader_clear (&reader);

  return ok ? g_steal_pointer (&project) : NULL;
}

/* Parses @data. The fast parser reads strict JSON; what it declines is
 * checked by scan_structure() and read by json-glib, as it always was:
 * json-glib reports the syntax error, in its words and at its line and
 * column, or accepts what is not strict JSON.
 *
 * What the fast parser reads would pass scan_structure() too: it declines
 * nesting deeper than the limit (counted as scan_structure() counts),
 * whole numbers of more than 18 digits, and anything after the document
 * but white space. So the errors are those of scanning then parsing. */
static GtmJsonTree *
parse_json (const char  *data,
            gsize        len,
            Source       source,
            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  gboolean open_at_end = FALSE;
  GtmJsonTree *tree;
  JsonNode *root;

  tree = gtm_json_tree_parse (data, len, GTM_FORMAT_MAX_DEPTH);
  if (tree != NULL)
    return tree;

  if (!scan_structure (data, len, source, &open_at_end, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, len, &parse_error))
    {
      set_syntax_error (error, parse_error, source, data, len, open_at_end);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_EMPTY,
                           source == SOURCE_ITEMS ? _("The copied data is empty.")
                                                  : _("The file is empty."));
      return NULL;
    }

  return gtm_json_tree_new_from_node (root);
}

/* Checks of the JSON document shared by files and copied items: size,
 * encoding, structure, syntax, and the "format" and "version" header. On
 * success returns the document, whose root is an object, and sets
 * @out_version to its format version, which the caller migrates from. */
static GtmJsonTree *
parse_document (GBytes      *bytes,
                Source       source,
                gint64      *out_version,
                GError     **error)
{
  g_autoptr(GtmJsonTree) tree = NULL;
  gboolean items = source == SOURCE_ITEMS;
  const char *format_name = items ? ITEMS_FORMAT_NAME : FORMAT_NAME;
  const char *data;
  const char *invalid;
  gsize len;
  GtmJsonValue *root;
  GtmJsonValue *member;
  gint64 version;

  data = g_bytes_get_data (bytes, &len);

  if (len == 0)
    {
      g_set_error_literal (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_EMPTY,
                           items ? _("The copied data is empty.") : _("The file is empty."));
      return NULL;
    }

  if (len > GTM_FORMAT_MAX_FILE_SIZE)
    {
      set_too_large (error, source, len);
      return NULL;
    }

  /* A byte order mark, as some Windows editors write. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (!g_utf8_validate_len (data, len, &invalid))
    {
      guint line, column;
      unsigned long long offset = invalid - (const char *) g_bytes_get_data (bytes, NULL);

      /* A character cut off at the very end: the file was cut short. (A
       * NUL byte is just invalid.) */
      if (*invalid != '\0' &&
          invalid + g_utf8_skip[(guchar) *invalid] > data + len)
        {
          set_truncated (error, source, data, invalid - data);
          return NULL;
        }

      locate (data, invalid - data, &line, &column);
      if (items)
        g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_ENCODING,
                     _("The copied items are not UTF-8 text: invalid byte at offset %llu (line %u, column %u)."),
                     offset, line, column);
      else
        g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_ENCODING,
                     _("The file is not UTF-8 text: invalid byte at offset %llu (line %u, column %u)."),
                     offset, line, column);
      return NULL;
    }

  tree = parse_json (data, len, source, error);
  if (tree == NULL)
    return NULL;

  root = gtm_json_tree_get_root (tree);
  if (root->type != GTM_JSON_OBJECT)
    {
      if (items)
        g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_NOT_A_PROJECT,
                     _("These are not items copied from GTM Studio: the data holds %s, not an object."),
                     describe_json (root));
      else
        g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_NOT_A_PROJECT,
                     _("This is not a GTM Studio project: the file holds %s, not an object."),
                     describe_json (root));
      return NULL;
    }

  member = gtm_json_object_get_member (root, "format");
  if (member == NULL)
    {
      g_set_error_literal (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_NOT_A_PROJECT,
                           items ? _("These are not items copied from GTM Studio: they have no “format” member.")
                                 : _("This is not a GTM Studio project: it has no “format” member."));
      return NULL;
    }
  if (member->type != GTM_JSON_STRING)
    {
      if (items)
        g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_NOT_A_PROJECT,
                     _("These are not items copied from GTM Studio: their “format” member is %s, not “%s”."),
                     describe_json (member), format_name);
      else
        g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_NOT_A_PROJECT,
                     _("This is not a GTM Studio project: its “format” member is %s, not “%s”."),
                     describe_json (member), format_name);
      return NULL;
    }
  if (strcmp (member->string, format_name) != 0)
    {
      if (items)
        g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_NOT_A_PROJECT,
                     _("These are not items copied from GTM Studio: their format is “%s”, not “%s”."),
                     member->string, format_name);
      else
        g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_NOT_A_PROJECT,
                     _("This is not a GTM Studio project: its format is “%s”, not “%s”."),
                     member->string, format_name);
      return NULL;
    }

  member = gtm_json_object_get_member (root, "version");
  if (member == NULL)
    {
      set_invalid (error, "version", _("this required field is missing"));
      return NULL;
    }
  if (!get_whole_number (member, "version", &version, error))
    return NULL;
  if (version > GTM_FORMAT_VERSION)
    {
      if (items)
        g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_NEWER_VERSION,
                     _("These items were copied from a newer version of GTM Studio (format %lld); this version pastes up to format %d."),
                     (long long) version, GTM_FORMAT_VERSION);
      else
        g_set_error (error, GTM_FORMAT_ERROR, GTM_FORMAT_ERROR_NEWER_VERSION,
                     _("This project was saved by a newer version of GTM Studio (file format %lld); this version reads up to format %d."),
                     (long long) version, GTM_FORMAT_VERSION);
      return NULL;
    }
  if (items && version < ITEMS_FIRST_VERSION)
    {
      fail_at (error, "version",
               _("%lld is not a format version of copied items (they exist since format %d)"),
               (long long) version, ITEMS_FIRST_VERSION);
      return NULL;
    }
  if (version < 0)
    {
      fail_at (error, "version", _("%lld is not a file format version"), (long long) version);
      return NULL;
    }

  *out_version = version;
  return g_steal_pointer (&tree);
}

/**
 * gtm_format_read_bytes:
 * @bytes: the content of a .gtm file
 *
 * Reads a project, migrating files of older format versions. Nothing is
 * returned unless the whole file is valid.
 *
 * Returns: (transfer full) (nullable): a new project, with an unmodified
 *   history, or %NULL with @error set in %GTM_FORMAT_ERROR
 */
GtmProject *
gtm_format_read_bytes (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(GtmJsonTree) tree = NULL;
  GtmJsonValue *root;
  gint64 version;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  gtm_core_init ();

  tree = parse_document (bytes, SOURCE_FILE, &version, error);
  if (tree == NULL)
    return NULL;
  root = gtm_json_tree_get_root (tree);

  for (gint64 k = version; k < GTM_FORMAT_VERSION; k++)
    if (!migrations[k] (tree, root, error))
      return NULL;

  return read_project (root, error);
}

/* Fragments began with format 1; when the version is bumped, older
 * fragments must be migrated here as the items of a board are. */
G_STATIC_ASSERT (ITEMS_FIRST_VERSION == GTM_FORMAT_VERSION);

/**
 * gtm_format_read_items:
 * @bytes: a fragment of copied items, as gtm_format_write_items() writes
 *
 * Reads copied items with the checks of the file reader: size, encoding,
 * nesting, syntax, the fragment's "format" and "version", each item's kind
 * and fields (types, ranges, lengths, colours, base64 data), at most
 * %GTM_BOARD_MAX_ITEMS items with ids unique among them, and each item's
 * own checks (an image's PNG data). References are resolved among the
 * copied items: a connector must join two copied items that are not
 * connectors. Messages name the place as "items[2].width".
 *
 * Returns: (transfer full) (element-type GtmItem) (nullable): the items, in
 *   the fragment's order, each with the id it was copied with and in no
 *   board; or %NULL with @error set in %GTM_FORMAT_ERROR
 */
GPtrArray *
gtm_format_read_items (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(GtmJsonTree) tree = NULL;
  g_autoptr(GtmBoard) board = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtmJsonValue *member;
  Reader reader;
  gint64 version;
  guint length;
  gboolean ok = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  gtm_core_init ();

  tree = parse_document (bytes, SOURCE_ITEMS, &version, error);
  if (tree == NULL)
    return NULL;

  member = gtm_json_object_get_member (gtm_json_tree_get_root (tree), "items");
  if (member == NULL)
    {
      set_invalid (error, "items", _("this required field is missing"));
      return NULL;
    }
  if (member->type != GTM_JSON_ARRAY)
    {
      fail_at (error, "items", _("expected a list, found %s"), describe_json (member));
      return NULL;
    }
  length = member->length;
  if (length > GTM_BOARD_MAX_ITEMS)
    {
      fail_at (error, "items", _("the list has %u entries; at most %u are allowed"),
               length, (guint) GTM_BOARD_MAX_ITEMS);
      return NULL;
    }

  reader_init (&reader);

  items = g_ptr_array_new_full (length, g_object_unref);
  for (guint i = 0; i < length; i++)
    {
      gsize mark = push_member (&reader, "items");
      GtmNode *item;

      push_index (&reader, i);
      item = read_element (&reader, &member->elements[i], GTM_TYPE_ITEM, error);
      if (item == NULL)
        goto out;
      g_ptr_array_add (items, item);
      pop (&reader, mark);
    }

  if (!check_references (&reader, SOURCE_ITEMS, error))
    goto out;

  /* The items' own checks, on a board of their own: a connector finds its
   * ends among the copied items, and paths read "items[i]". */
  board = gtm_board_new (NULL);
  g_list_store_splice (gtm_node_get_list (GTM_NODE (board), "items"), 0, 0,
                       items->pdata, items->len);
  g_string_truncate (reader.path, 0);
  ok = validate_tree (&reader, GTM_NODE (board), GTM_NODE (board), error);
  g_list_store_remove_all (gtm_node_get_list (GTM_NODE (board), "items"));
  for (guint i = 0; i < items->len; i++)
    gtm_node_detach (g_ptr_array_index (items, i));

out:
  reader_clear (&reader);

  return ok ? g_steal_pointer (&items) : NULL;
}

/* Reads at most GTM_FORMAT_MAX_FILE_SIZE + 1 bytes: enough to tell that a
 * file is too large without reading all of it, whatever its reported size
 * (a file may grow, a device may never end). */
static GBytes *
read_limited (GFile         *file,
              guint64        size_hint,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  gsize limit = (gsize) GTM_FORMAT_MAX_FILE_SIZE + 1;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  buffer = g_byte_array_sized_new ((guint) MIN (size_hint + 1, limit));
  for (;;)
    {
      gsize chunk = MIN ((gsize) 1024 * 1024, limit - buffer->len);
      guint old_len = buffer->len;
      gssize n_read;

      g_byte_array_set_size (buffer, old_len + chunk);
      n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + old_len,
                                    chunk, cancellable, error);
      if (n_read < 0)
        return NULL;
      g_byte_array_set_size (buffer, old_len + n_read);

      if (n_read == 0 || buffer->len >= limit)
        break;
    }

  if (buffer->len > GTM_FORMAT_MAX_FILE_SIZE)
    {
      set_too_large (error, SOURCE_FILE, buffer->len);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * gtm_format_read_file:
 * @file: a .gtm file
 * @cancellable: (nullable): a #GCancellable
 *
 * Reads a project from @file; see gtm_format_read_bytes(). A file larger
 * than %GTM_FORMAT_MAX_FILE_SIZE is refused before it is read. Messages
 * don't name the file: the caller knows how to show it.
 *
 * Returns: (transfer full) (nullable): a new project, or %NULL with @error
 *   set in %GTM_FORMAT_ERROR or %G_IO_ERROR
 */
GtmProject *
gtm_format_read_file (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint64 size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a project file."));
      return NULL;
    }

  size = (guint64) g_file_info_get_size (info);
  if (size > GTM_FORMAT_MAX_FILE_SIZE)
    {
      set_too_large (error, SOURCE_FILE, size);
      return NULL;
    }

  bytes = read_limited (file, size, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return gtm_format_read_bytes (bytes, error);
}
