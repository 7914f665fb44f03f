#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Build GTM Studio and open the sample project from the build tree.
#
#   ./build-aux/run.sh                   opens data/samples/saas-launch.gtm
#   ./build-aux/run.sh FILE…             opens FILE… instead
#   ./build-aux/run.sh check FILE…       any other arguments go to gtm-studio
#   ./build-aux/run.sh --some-option     options only: the sample is still opened
set -euo pipefail
# Build in the source tree but run from the caller's directory, so that
# relative FILE arguments mean what the caller meant.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

(
  cd "$root"
  bash build-aux/deps.sh
  if [[ -f build/meson-private/coredata.dat ]]; then
    meson setup --reconfigure build
  else
    meson setup build
  fi
  meson compile -C build
)

# Settings come from the schema compiled into build/data, so nothing has to be
# installed; the UI resources are compiled into the binary.
export GSETTINGS_SCHEMA_DIR="$root/build/data"

sample=$root/data/samples/saas-launch.gtm
args=("$@")
only_options=1
for a in "$@"; do
  [[ $a == -* ]] || only_options=0
done
if ((only_options)) && [[ -f $sample ]]; then
  args+=("$sample")
fi

exec "$root/build/src/app/gtm-studio" "${args[@]}"
