#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a user-visible string would show up untranslated:
#  - a source, .ui or data file with translatable strings is missing from
#    po/POTFILES.in (its strings would never reach the translators);
#  - a catalogue in po/LINGUAS lacks a translation of any current string, or
#    has fuzzy or untranslated entries, or does not compile.
# Usage: check-translations.sh SOURCE_ROOT
set -euo pipefail
root=${1:?source root}
cd "$root"

status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)

# Files that hold translatable strings: gettext calls in C, translatable
# attributes in GtkBuilder files, _-prefixed keys in data templates.
marked=$( {
  grep -rlE '\b(N?C?_|g_dngettext|ngettext)\s*\(' --include='*.c' src || true
  grep -rl 'translatable="yes"' --include='*.ui' ui || true
  grep -lE 'gettext-domain|^(Name|Comment|Keywords|GenericName)=' data/*.desktop.in 2>/dev/null || true
  grep -l '<summary>\|<description>' data/*.metainfo.xml.in 2>/dev/null || true
} | sort -u)

for file in $marked; do
  if ! grep -qxF "$file" <<<"$listed"; then
    echo "po/POTFILES.in does not list $file, which has translatable strings"
    status=1
  fi
done

for file in $listed; do
  [[ -f $file ]] || { echo "po/POTFILES.in lists $file, which does not exist"; status=1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same extraction as meson's 'glib' gettext preset.
xgettext --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=ngettext:1,2 \
  --directory="$root" --files-from=<(echo "$listed") \
  --output="$tmp/template.pot" 2>"$tmp/xgettext.log" || {
    cat "$tmp/xgettext.log"; exit 1; }

for lang in $(grep -v '^#' po/LINGUAS); do
  po="po/$lang.po"
  if [[ ! -f $po ]]; then
    echo "$po is missing"
    status=1
    continue
  fi
  if ! stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
    echo "$po does not compile: $stats"
    status=1
  fi
  case "$stats" in
    *untranslated*|*fuzzy*) echo "$po: $stats"; status=1 ;;
  esac
  # Every current string must have a translation in the catalogue.
  if ! msgcmp "$po" "$tmp/template.pot" >"$tmp/msgcmp.log" 2>&1; then
    echo "$po lacks translations of current strings:"
    grep -E 'this message' "$tmp/msgcmp.log" | head -n 20 || cat "$tmp/msgcmp.log"
    status=1
  fi
done

if [[ $status -eq 0 ]]; then
  echo "translations complete: $(grep -c '^msgid ' "$tmp/template.pot") strings"
fi
exit $status
