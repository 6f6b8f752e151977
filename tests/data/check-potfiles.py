#!/usr/bin/env python3
# Checks po/POTFILES.in against the source tree:
#   - every source file with strings marked for translation is listed,
#   - every listed file exists,
#   - no file is listed twice,
#   - with --xgettext, xgettext extracts the listed files without an error.
#
#   check-potfiles.py --source-root DIR --potfiles FILE [--xgettext PATH]
#   check-potfiles.py --source-root DIR --potfiles FILE --write   (rewrites the list)
#
# Marked strings: _( N_( C_( NC_( Q_( ngettext( g_dngettext( in C (comments and string
# literals are ignored), translatable="yes" in GtkBuilder .ui files, every
# .desktop.in and .metainfo.xml.in, and GSettings schemas with a summary or description.

import argparse
import os
import re
import subprocess
import sys
import tempfile

# Folders whose files never go into the translation template.
SKIPPED_DIRS = {"tests", "po", "subprojects", "flatpak", "build-aux", "build", "builddir"}

C_MARKER = re.compile(r"(?<![A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2)\s*\(")
UI_MARKER = re.compile(r"""translatable\s*=\s*["'](yes|true|1)["']""")
SCHEMA_MARKER = re.compile(r"<(summary|description)\b")


def strip_c(text):
    """Returns the C source with comments removed and string/char literals emptied."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "/" and i + 1 < n and text[i + 1] == "*":
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        elif c == "/" and i + 1 < n and text[i + 1] == "/":
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c in "\"'":
            quote = c
            i += 1
            while i < n and text[i] != quote:
                if text[i] == "\\":
                    i += 1
                elif text[i] == "\n":
                    break
                i += 1
            i += 1
            out.append(quote + quote)
        else:
            out.append(c)
            i += 1
    return "".join(out)


def c_has_strings(text):
    for line in strip_c(text).splitlines():
        stripped = line.strip()
        # The gettext macros' own definitions are not strings to translate.
        if stripped.startswith("#"):
            continue
        if C_MARKER.search(line):
            return True
    return False


def needs_listing(path):
    name = os.path.basename(path)
    if name.endswith((".desktop.in", ".metainfo.xml.in", ".appdata.xml.in")):
        return True
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except UnicodeDecodeError:
        return False
    if name.endswith((".c", ".h")):
        return c_has_strings(text)
    if name.endswith(".ui"):
        return UI_MARKER.search(text) is not None
    if name.endswith(".gschema.xml"):
        return SCHEMA_MARKER.search(text) is not None
    return False


def is_build_dir(root, dirname):
    path = os.path.join(root, dirname)
    return (dirname.startswith(("_build", "build-", ".")) or
            os.path.exists(os.path.join(path, "meson-private")) or
            os.path.exists(os.path.join(path, "CMakeCache.txt")))


def find_marked_files(source_root):
    found = set()
    for root, dirs, files in os.walk(source_root):
        rel_root = os.path.relpath(root, source_root)
        if rel_root == ".":
            dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS]
        dirs[:] = [d for d in dirs if not is_build_dir(root, d)]
        for name in files:
            path = os.path.join(root, name)
            if needs_listing(path):
                found.add(os.path.relpath(path, source_root).replace(os.sep, "/"))
    return found


POTFILES_HEADER = """\
# Source files with strings marked for translation, one a line, sorted.
# tests/data/check-potfiles.py (test 'potfiles') fails when one is missing; run it with
# --write to rewrite this list from the tree.
"""


def write_potfiles(potfiles, entries):
    with open(potfiles, "w", encoding="utf-8") as f:
        f.write(POTFILES_HEADER)
        for entry in sorted(entries):
            f.write(entry + "\n")


def read_potfiles(potfiles):
    listed = []
    with open(potfiles, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                listed.append(line)
    return listed


def run_xgettext(xgettext, source_root, potfiles):
    # The same keywords as meson's i18n 'glib' preset.
    args = [
        xgettext,
        "--files-from=" + potfiles,
        "--directory=" + source_root,
        "--from-code=UTF-8",
        "--add-comments",
        "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
        "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
        "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
        "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
        "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
        "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
        "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
        "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format",
        "--flag=g_printf:1:c-format", "--flag=g_fprintf:2:c-format",
        "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "vigil.pot")
        result = subprocess.run(args + ["--output=" + pot],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True)
        if result.returncode != 0:
            return result.stdout.strip() or "xgettext exited with status %d" % result.returncode, None
        # Warnings (for example a G_GINT64_FORMAT macro inside a marked string, which
        # xgettext cannot expand, so the string is never translated) are shown, not fatal.
        for line in result.stdout.splitlines():
            if line.strip():
                print("note: " + line.strip())
        with open(pot, encoding="utf-8") as f:
            return None, f.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source-root", required=True)
    parser.add_argument("--potfiles", required=True)
    parser.add_argument("--xgettext")
    parser.add_argument("--write", action="store_true",
                        help="rewrite POTFILES.in from the tree instead of checking it")
    opts = parser.parse_args()

    source_root = os.path.abspath(opts.source_root)
    if opts.write:
        entries = find_marked_files(source_root)
        write_potfiles(opts.potfiles, entries)
        print("wrote %d files to %s" % (len(entries), opts.potfiles))
        return 0
    listed = read_potfiles(opts.potfiles)
    problems = []

    seen = set()
    for entry in listed:
        if entry in seen:
            problems.append("listed twice in POTFILES.in: " + entry)
        seen.add(entry)
        if not os.path.isfile(os.path.join(source_root, entry)):
            problems.append("listed in POTFILES.in but missing from the tree: " + entry)

    for path in sorted(find_marked_files(source_root) - seen):
        problems.append("has translatable strings but is not in POTFILES.in: " + path)

    if opts.xgettext and not problems:
        error, pot = run_xgettext(opts.xgettext, source_root, os.path.abspath(opts.potfiles))
        if error:
            problems.append("xgettext failed on POTFILES.in:\n" + error)
        else:
            # A listed file without strings is harmless but worth a note.
            for entry in listed:
                if ("#: " + entry + ":") not in pot and (" " + entry + ":") not in pot:
                    print("note: xgettext found no strings in " + entry)

    for problem in problems:
        print(problem)
    if problems:
        print("%d problem(s) in po/POTFILES.in" % len(problems))
        return 1
    print("po/POTFILES.in lists %d files, all present and complete" % len(listed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
