#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the Flatpak manifest keeps GTM Studio in a tight sandbox.

Files reach the app through the document portal (file chooser, drag and drop,
"Open With"), so it needs no filesystem, network or session-bus holes.

Usage: check-flatpak-permissions.py MANIFEST.json
"""

import json
import sys

# Exact args that must be present.
REQUIRED = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]

# (prefix, reason): any finish-arg equal to or starting with prefix is refused.
FORBIDDEN = [
    ("--filesystem", "files come through the portal; no direct filesystem access"),
    ("--socket=x11", "use --socket=fallback-x11 so Wayland sessions stay isolated"),
    ("--share=network", "the app works offline and needs no network"),
    ("--talk-name=org.freedesktop.Flatpak", "lets the app escape the sandbox"),
    ("--socket=session-bus", "full session bus access is not needed"),
    ("--socket=system-bus", "full system bus access is not needed"),
    ("--device=all", "only the GPU (--device=dri) is needed"),
    ("--persist", "settings live in GSettings inside the sandbox"),
]


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    path = argv[1]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: cannot read manifest: {e}", file=sys.stderr)
        return 1

    args = manifest.get("finish-args", [])
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        print(f"{path}: finish-args must be a list of strings", file=sys.stderr)
        return 1

    problems = []
    for arg in args:
        for prefix, reason in FORBIDDEN:
            if arg == prefix or arg.startswith(prefix + "=") or arg.startswith(prefix + "/"):
                problems.append(f"forbidden finish-arg {arg}: {reason}")
    for arg in REQUIRED:
        if arg not in args:
            problems.append(f"missing finish-arg {arg}")
    if len(set(args)) != len(args):
        problems.append("finish-args has duplicates")

    for p in problems:
        print(f"{path}: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"{path}: ok, finish-args: {' '.join(args)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
