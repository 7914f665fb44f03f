#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Install the Debian packages GTM Studio needs to build, run and test.
# Fast when nothing is missing: apt is skipped entirely.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc libc6-dev gettext
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libcairo2-dev libpng-dev
  libpango1.0-dev libfontconfig-dev libgdk-pixbuf-2.0-dev
  # data validation tests
  desktop-file-utils appstream libxml2-utils flatpak flatpak-builder
  # what GTK needs at run time to find icons (SVG loader) and MIME types
  shared-mime-info librsvg2-common adwaita-icon-theme hicolor-icon-theme
  # headless GUI tests
  xvfb xauth dbus at-spi2-core xdotool imagemagick
  # fonts, including CJK, and PDF tools for the export tests
  fonts-wqy-microhei fonts-dejavu-core fonts-cantarell poppler-utils
  # rsvg-convert, the peer build-aux/bench compares export speed with
  librsvg2-bin
  # locales with a decimal comma and Chinese, for the locale tests
  locales-all
  # build-aux/test.sh and the test helpers
  python3
)

# One dpkg-query for all packages; it prints nothing for unknown ones.
declare -A installed=()
while read -r name status; do
  [[ $status == ii ]] && installed[${name%%:*}]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${packages[@]}" 2>/dev/null || true)

missing=()
for p in "${packages[@]}"; do
  [[ -n ${installed[$p]:-} ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

if ((EUID == 0)); then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "deps.sh: missing packages and no sudo to install them: ${missing[*]}" >&2
  exit 1
fi

# dbus-x11 would autolaunch dbus-daemon and at-spi-bus-launcher processes that
# outlive the tests. When it is not installed, the trailing '-' makes apt pick
# solutions without it even among Recommends. An installed dbus-x11 is left
# alone (removing it could take other packages with it) but reported.
# Recommends stay on: GTK relies on some (the mime database, the SVG icon
# loader), and this matches the machines the platform notes were measured on.
guard=()
if dpkg-query -W -f='${db:Status-Abbrev}' dbus-x11 2>/dev/null | grep -q '^ii'; then
  echo "deps.sh: warning: dbus-x11 is installed; headless tests may leave dbus processes behind" >&2
else
  guard=(dbus-x11-)
fi

echo "deps.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q "${missing[@]}" "${guard[@]}"
