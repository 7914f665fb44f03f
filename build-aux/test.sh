#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Build GTM Studio and run every test headless:
#   1. build/       all suites, under Xvfb;
#   2. build-asan/  the display-free 'core' suite under AddressSanitizer,
#                   UndefinedBehaviorSanitizer and LeakSanitizer.
# The last line printed is "N passed, N failed, N skipped", counted from both
# meson-logs/testlog.json files; the exit status is 1 if anything failed,
# including a failed build or a meson test run that failed without a result.
# With CI=true a skipped test counts as failed: a skip there means a broken
# setup (no display, a missing tool), not a pass.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Nothing could be tested: say so in the summary format CI reads.
fail_early() {
  echo "test.sh: $1" >&2
  echo "0 passed, 1 failed"
  exit 1
}

setup() {
  local dir=$1
  shift
  if [[ -f $dir/meson-private/coredata.dat ]]; then
    meson setup --reconfigure "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}

bash build-aux/deps.sh || fail_early "installing the dependencies failed"

# Keep headless GTK quiet and fast; GLib tests abort on warnings. See
# /work/shared/PLATFORM.md, "Running GUI code headless".
export GTK_A11Y=none
export DBUS_SESSION_BUS_ADDRESS=disabled:
export ADW_DISABLE_PORTAL=1
export GSETTINGS_BACKEND=memory
export GSK_RENDERER=cairo
export GDK_DEBUG=gl-disable
export NO_AT_BRIDGE=1

# Results of an earlier run must never be counted as this run's.
rm -f build/meson-logs/testlog.json build-asan/meson-logs/testlog.json

setup build || fail_early "meson setup build failed"
meson compile -C build || fail_early "the build failed"

main_rc=0
GSETTINGS_SCHEMA_DIR="$PWD/build/data" \
  xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C build --print-errorlogs || main_rc=$?

asan_build=ok
asan_rc=0
if setup build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dapp_tests=false &&
   meson compile -C build-asan; then
  GSETTINGS_SCHEMA_DIR="$PWD/build-asan/data" \
  ASAN_OPTIONS=halt_on_error=1:print_stacktrace=1:detect_leaks=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS="suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0" \
    meson test -C build-asan --suite core --print-errorlogs --timeout-multiplier 3 || asan_rc=$?
else
  asan_build=failed
fi

python3 - "$main_rc" "$asan_rc" "$asan_build" <<'PY'
import json
import os
import sys

main_rc, asan_rc, asan_build = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
ci = os.environ.get("CI", "").lower() == "true"
passed = failed = skipped = 0
problems = []

runs = [("build", main_rc), ("build-asan", asan_rc)]
for builddir, rc in runs:
    if builddir == "build-asan" and asan_build != "ok":
        failed += 1
        problems.append("build-asan: the sanitizer build failed")
        continue
    path = os.path.join(builddir, "meson-logs", "testlog.json")
    run_failed = 0
    ran = 0
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                test = json.loads(line)
                ran += 1
                result = test.get("result")
                name = "%s: %s" % (builddir, test.get("name"))
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif result == "SKIP" and not ci:
                    skipped += 1
                else:
                    run_failed += 1
                    why = "skipped on CI" if result == "SKIP" else result
                    problems.append("%s (%s)" % (name, why))
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as e:
        run_failed += 1
        problems.append("%s: unreadable test log: %s" % (path, e))
    if rc != 0 and run_failed == 0:
        # meson test itself failed (bad suite, crash) without a failing result.
        run_failed = 1
        problems.append("%s: meson test exited with status %d" % (builddir, rc))
    elif ran == 0 and run_failed == 0:
        # An empty run is a broken setup, e.g. core tests not in suite 'core'.
        run_failed = 1
        problems.append("%s: no test ran" % builddir)
    failed += run_failed

for p in problems:
    print("FAILED: " + p)
print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
sys.exit(1 if failed else 0)
PY
