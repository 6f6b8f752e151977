#!/usr/bin/env python3
# Checks flatpak/org.vigilapp.Vigil.json without building it (the flatpak cannot be
# built on the test machines): it parses as JSON, its names match the meson project,
# it keeps to the agreed least-privilege sandbox, and every archive is pinned.
#
#   check-flatpak-manifest.py MANIFEST APP_ID COMMAND

import json
import re
import sys

# --share=network is there only because PostgreSQL servers are reached over the network.
ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
    "--share=network",
}
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def flatten_modules(modules):
    for module in modules:
        if isinstance(module, str):
            # A module kept in a file of its own: not used by this manifest.
            yield {"name": module}
            continue
        yield module
        yield from flatten_modules(module.get("modules", []))


def main():
    if len(sys.argv) != 4:
        print(__doc__ or "usage: check-flatpak-manifest.py MANIFEST APP_ID COMMAND")
        return 2
    path, app_id, command = sys.argv[1:]
    problems = []

    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print("%s: cannot read the manifest: %s" % (path, e))
        return 1

    def expect(key, wanted):
        if manifest.get(key) != wanted:
            problems.append("%s is %r, expected %r" % (key, manifest.get(key), wanted))

    expect("app-id", app_id)
    expect("command", command)
    expect("runtime", "org.gnome.Platform")
    expect("sdk", "org.gnome.Sdk")
    if not isinstance(manifest.get("runtime-version"), str) or not manifest["runtime-version"]:
        problems.append("runtime-version is missing")

    finish_args = manifest.get("finish-args", [])
    for arg in finish_args:
        if arg not in ALLOWED_FINISH_ARGS:
            problems.append("finish-args has %r, which the sandbox does not need "
                            "(files come through the portal)" % arg)

    modules = list(flatten_modules(manifest.get("modules", [])))
    by_name = {m.get("name"): m for m in modules}

    libgda = [m for name, m in by_name.items() if name and name.startswith("libgda")]
    if not libgda:
        problems.append("no libgda module")
    if not any(name and ("postgres" in name or "libpq" in name) for name in by_name):
        problems.append("no PostgreSQL client library (libpq) module: the GNOME runtime has none")

    vigil = by_name.get("vigil")
    if vigil is None:
        problems.append("no vigil module")
    else:
        if vigil.get("buildsystem") != "meson":
            problems.append("the vigil module is built with %r, expected 'meson'"
                            % vigil.get("buildsystem"))
        if modules and modules[-1] is not vigil:
            problems.append("the vigil module must come last, after its dependencies")

    for module in modules:
        for source in module.get("sources", []):
            if not isinstance(source, dict):
                continue
            if source.get("type") in ("archive", "file") and "url" in source:
                if not SHA256.match(str(source.get("sha256", ""))):
                    problems.append("module %s: %s has no valid sha256"
                                    % (module.get("name"), source["url"]))
                if not source["url"].startswith("https://"):
                    problems.append("module %s: %s is not fetched over https"
                                    % (module.get("name"), source["url"]))

    for problem in problems:
        print("%s: %s" % (path, problem))
    if problems:
        return 1
    print("%s: app-id %s, command %s, %d modules, finish-args %s"
          % (path, app_id, command, len(modules), " ".join(finish_args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
