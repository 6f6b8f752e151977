#!/usr/bin/python3
"""Walks through Vigil's window over AT-SPI while a probe times the main loop's answers.

    /usr/bin/python3 tests/bench/walk-probe.py --pid PID [OPTION...]

Run by bench-window-walk.sh (which starts the app, the bus and the store); needs
python3-pyatspi (Debian's /usr/bin/python3, not a pyenv or venv one) and a session bus
with the AT-SPI bus (at-spi2-core).

The probe: a thread with its own connection to the AT-SPI bus asks the app, every
20 ms, for a D-Bus property of its root accessible (org.freedesktop.DBus.Properties.Get
of org.a11y.atspi.Accessible.ChildCount on /org/a11y/atspi/accessible/root). That is a
plain method call to the app's own bus name: no libatspi cache is in the way, and GTK
answers it from the main loop, so the time to the answer is the time the main loop took
to get to it. A call waits for its answer before the next one is sent: a 400 ms block
shows as one answer of about 400 ms. Before the walk the probe is checked: the app is
stopped (SIGSTOP) for 300 ms, and one answer must take about that long.

The walk, through AT-SPI on the real widgets (the libatspi cache off, so every read is
asked of the app): the view switcher's tabs (action "click") to every page, rows of the
Identification ranking selected (Selection.selectChild), a search typed into the
Cohort search entry one character at a time (EditableText.insertText), and three
dossiers opened by a double click on a cohort row (a pointer event through the AT-SPI
registry: XTest under Xvfb; GTK offers no action on list rows) and closed with the
dossier's Back button (action "click"). A dossier's time runs from the double click to
the dossier being on screen: its title shows the person's name (the page sets it while
it builds the loaded dossier; it says "Dossier" while loading) and then the main loop
has answered promptly for 150 ms (the layout and paint of the new content come after
the build, at a lower priority than D-Bus; the time ends with the last slow answer).
Both times are printed; the target applies to the time on screen.

Prints the stalls overall and per step of the walk, the dossier times, and exits 0 when
the targets are met, 1 when not, 2 when the walk or the probe could not run.
"""

import argparse
import json
import os
import signal
import statistics
import sys
import threading
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402

import pyatspi  # noqa: E402

ROOT_PATH = "/org/a11y/atspi/accessible/root"


class WalkError(Exception):
    pass


def now():
    return time.monotonic()


def log(msg):
    print(f"walk-probe: {msg}", flush=True)


# ---------------------------------------------------------------- the probe

def a11y_bus():
    """A private connection to the AT-SPI bus (not libatspi's)."""
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                              None, GLib.VariantType.new("(s)"),
                              Gio.DBusCallFlags.NONE, 10000, None)
    address = reply.unpack()[0]
    flags = (Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT |
             Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION)
    return Gio.DBusConnection.new_for_address_sync(address, flags, None, None)


def bus_name_of_pid(conn, pid):
    names = conn.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                           "org.freedesktop.DBus", "ListNames", None,
                           GLib.VariantType.new("(as)"), Gio.DBusCallFlags.NONE,
                           10000, None).unpack()[0]
    for name in names:
        if not name.startswith(":"):
            continue
        try:
            p = conn.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                               "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                               GLib.Variant("(s)", (name,)), GLib.VariantType.new("(u)"),
                               Gio.DBusCallFlags.NONE, 10000, None).unpack()[0]
        except GLib.Error:
            continue
        if p == pid:
            # The app may hold several connections; the one with the root object answers.
            try:
                conn.call_sync(name, ROOT_PATH, "org.freedesktop.DBus.Properties", "Get",
                               GLib.Variant("(ss)", ("org.a11y.atspi.Accessible", "ChildCount")),
                               GLib.VariantType.new("(v)"), Gio.DBusCallFlags.NONE, 5000, None)
            except GLib.Error:
                continue
            return name
    raise WalkError(f"no connection of pid {pid} on the AT-SPI bus answers for {ROOT_PATH}")


class Probe(threading.Thread):
    """Asks the app for ChildCount every `interval` s; records (sent, latency)."""

    def __init__(self, conn, bus_name, interval):
        super().__init__(daemon=True)
        self.conn = conn
        self.bus_name = bus_name
        self.interval = interval
        self.samples = []          # (t_sent, latency_s)
        self.errors = 0
        self._halt = threading.Event()

    def ask(self):
        self.conn.call_sync(self.bus_name, ROOT_PATH, "org.freedesktop.DBus.Properties", "Get",
                            GLib.Variant("(ss)", ("org.a11y.atspi.Accessible", "ChildCount")),
                            GLib.VariantType.new("(v)"), Gio.DBusCallFlags.NONE, 30000, None)

    def run(self):
        next_at = now()
        while not self._halt.is_set():
            sent = now()
            try:
                self.ask()
                self.samples.append((sent, now() - sent))
            except GLib.Error:
                self.errors += 1
            next_at = max(next_at + self.interval, now())
            delay = next_at - now()
            if delay > 0:
                self._halt.wait(delay)

    def stop(self):
        self._halt.set()
        self.join(timeout=35)

    def between(self, start, end):
        return [lat for (t, lat) in self.samples if start <= t < end]


def figures(lats, slow, stall):
    return {
        "answers": len(lats),
        "max_ms": max(lats) * 1000 if lats else 0.0,
        "median_ms": statistics.median(lats) * 1000 if lats else 0.0,
        "slow_sum_s": sum(x for x in lats if x > slow),
        "stalls": sum(1 for x in lats if x >= stall),
    }


# ---------------------------------------------------------------- the tree

def children(o):
    out = []
    try:
        n = o.childCount
    except GLib.Error:
        return out
    for i in range(n):
        try:
            c = o.getChildAtIndex(i)
        except GLib.Error:
            c = None
        if c is not None:
            out.append(c)
    return out


def role(o):
    try:
        return o.getRoleName()
    except GLib.Error:
        return ""


def name(o):
    try:
        return o.name or ""
    except GLib.Error:
        return ""


def find_all(root, pred, max_depth=40, skip=None):
    """Depth-first; does not go below a match, nor into nodes for which skip() holds."""
    found = []
    stack = [(root, 0)]
    while stack:
        o, d = stack.pop()
        if pred(o):
            found.append(o)
            continue
        if d >= max_depth or (skip is not None and skip(o)):
            continue
        for c in reversed(children(o)):
            stack.append((c, d + 1))
    return found


def find_one(root, pred, what, **kw):
    found = find_all(root, pred, **kw)
    if not found:
        raise WalkError(f"not found: {what}")
    return found[0]


def text_of(o):
    """The text of a label or entry, asked of the app (Text is never cached)."""
    t = o.queryText()
    return t.getText(0, t.characterCount)   # GTK 4.8 gives "" for (0, -1)


def wait_for(cond, timeout, what, step=0.005):
    end = now() + timeout
    while True:
        v = cond()
        if v:
            return v
        if now() > end:
            raise WalkError(f"timed out ({timeout:g} s) waiting for {what}")
        time.sleep(step)


def click(o):
    a = o.queryAction()
    for i in range(a.nActions):
        if a.getName(i) == "click":
            return a.doAction(i)
    raise WalkError(f"{role(o)} {name(o)!r} has no click action")


def skip_noise(o):
    # Leaves and parts that never hold what the walk looks for.
    return role(o) in ("label", "image", "scroll bar", "separator", "combo box",
                       "page tab list")


def find_app(app_name, pid, timeout):
    end = now() + timeout
    while now() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            try:
                if name(app).lower() == app_name.lower() and (pid is None or app.get_process_id() == pid):
                    return app
            except GLib.Error:
                pass
        time.sleep(0.2)
    raise WalkError(f"no application {app_name!r} (pid {pid}) on the AT-SPI bus after {timeout:g} s")


class Window:
    """The anchors of the walk, found once (the views and their lists stay)."""

    def __init__(self, app, timeout):
        self.app = app
        self.frame = wait_for(lambda: next((c for c in children(app) if role(c) == "frame"), None),
                              timeout, "the window")
        # The view switcher: AdwViewSwitcherTitle holds two switchers (wide, narrow); the
        # first one with the four tabs will do.
        self.tabs = {}

        def tabs_ready():
            lists = find_all(self.frame, lambda o: role(o) == "page tab list", max_depth=14)
            for tl in lists:
                tabs = {name(t): t for t in children(tl) if role(t) == "page tab"}
                if {"Cohort", "Identification", "Panel", "Evaluation"} <= set(tabs):
                    self.tabs = tabs
                    return True
            return False
        wait_for(tabs_ready, timeout, "the view switcher", step=0.2)

        # The cohort list has rows once the store is open and the first page read.
        def cohort_ready():
            try:
                self.cohort_table = find_one(self.frame, lambda o: role(o) == "tree table" and name(o) == "Cohort list",
                                             "cohort list", skip=skip_noise)
            except WalkError:
                return False
            self.cohort_list = next((c for c in children(self.cohort_table) if role(c) == "list"), None)
            return self.cohort_list is not None and self.cohort_list.childCount > 0
        wait_for(cohort_ready, timeout, "the cohort list's first rows", step=0.3)
        self.search = find_one(self.frame, lambda o: role(o) == "entry" and name(o) == "Search people",
                               "the cohort search entry", skip=skip_noise)
        self.back = find_one(self.frame, lambda o: role(o) == "push button" and name(o) == "Back",
                             "the dossier's Back button", skip=skip_noise)
        # The dossier's title: the label next to Back.
        self.dossier_title = next(c for c in children(self.back.parent) if role(c) == "label")

    def ranking_list(self):
        table = find_one(self.frame, lambda o: role(o) == "tree table" and name(o) == "Ranking",
                         "the Identification ranking", skip=skip_noise)
        lst = next((c for c in children(table) if role(c) == "list"), None)
        if lst is None:
            raise WalkError("the ranking has no list")
        return lst

    def selected_tab(self):
        for n, t in self.tabs.items():
            try:
                if t.getState().contains(pyatspi.STATE_SELECTED):
                    return n
            except GLib.Error:
                pass
        return None


def row_name(row):
    """The person's name in a cohort row: the first label of the Person cell."""
    cells = [c for c in children(row) if role(c) == "table cell"]
    if len(cells) < 2:
        return None
    labels = find_all(cells[1], lambda o: role(o) == "label", max_depth=4)
    return text_of(labels[0]) if labels else None


def double_click(o):
    # GTK 4 knows only window coordinates; under Xvfb without a window manager the
    # window sits at the screen's origin, so they are screen coordinates too.
    e = o.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    if e.width <= 0 or e.height <= 0:
        raise WalkError(f"{role(o)} has no extents")
    x, y = e.x + min(e.width // 3, 300), e.y + e.height // 2
    pyatspi.Registry.generateMouseEvent(x, y, "b1d")


# ---------------------------------------------------------------- the walk

class Walk:
    def __init__(self, win, probe, args):
        self.win = win
        self.probe = probe
        self.args = args
        self.steps = []            # (label, start, end)
        self.dossiers = []         # (name, seconds)

    def step(self, label, fn):
        start = now()
        try:
            fn()
        finally:
            self.steps.append((label, start, now()))

    def pause(self, s):
        time.sleep(s)

    def switch(self, page):
        click(self.win.tabs[page])
        wait_for(lambda: self.win.selected_tab() == page, 10, f"the {page} tab to be selected",
                 step=0.01)
        self.pause(self.args.settle)

    def identification_rows(self):
        lst = wait_for(lambda: self._ranking_with_rows(), 30, "the ranking's rows", step=0.1)
        sel = lst.querySelection()
        n = min(self.args.rows, lst.childCount)
        for i in range(n):
            sel.selectChild(i)
            self.pause(self.args.row_pause)

    def _ranking_with_rows(self):
        try:
            lst = self.win.ranking_list()
        except WalkError:
            return None
        return lst if lst.childCount > 0 else None

    def type_search(self):
        text = self.args.search
        if not text:
            first = row_name(self.win.cohort_list.getChildAtIndex(0)) or "a"
            text = first.split(",")[0][:6]
        et = self.win.search.queryEditableText()
        et.setTextContents("")
        for i, ch in enumerate(text):
            et.insertText(i, ch, len(ch.encode("utf-8")))
            self.pause(self.args.key_pause)
        self.typed = text
        self.pause(self.args.settle)

    def clear_search(self):
        self.win.search.queryEditableText().setTextContents("")
        self.named_row(0)          # the full list is back (its first page read)
        self.pause(self.args.settle)

    def named_row(self, index):
        """(row, person) of cohort row `index` once it shows a person, not a placeholder."""
        lst = self.win.cohort_list

        def named():
            # The model shows placeholders ("—") until its page of rows has arrived; rows
            # and their labels are recycled widgets: ask afresh each time.
            try:
                row = lst.getChildAtIndex(index) if lst.childCount > index else None
                n = row_name(row) if row is not None else None
            except (GLib.Error, NotImplementedError):
                return None
            return (row, n) if n and n != "\u2014" else None
        return wait_for(named, 30, f"cohort row {index} to show a person", step=0.02)

    def open_dossier(self, index):
        row, person = self.named_row(index)
        t0 = now()
        double_click(row)
        wait_for(lambda: text_of(self.win.dossier_title) == person, 15,
                 f"the dossier of {person!r}", step=0.005)
        titled = now() - t0
        # The name is set while the loaded dossier is built, in one main-loop callback;
        # the content is on screen after the next frame's layout and paint, which come
        # at a lower priority than the app's D-Bus answers. So: keep asking until the
        # main loop has answered promptly (under 30 ms) for 150 ms; the dossier has
        # appeared at the end of the last slow answer (or when the name showed).
        shown = titled
        quiet_since = now()
        while now() - quiet_since < 0.15:
            s = now()
            text_of(self.win.dossier_title)
            e = now()
            if e - s > 0.03:
                shown = e - t0
                quiet_since = e
            time.sleep(0.005)
        self.dossiers.append((person, shown, titled))
        self.pause(self.args.settle)

    def close_dossier(self):
        click(self.win.back)
        wait_for(lambda: self.win.selected_tab() == "Cohort" and
                 self.win.cohort_list.childCount > 0, 10, "the cohort view after Back", step=0.01)
        self.pause(self.args.settle)

    def run(self):
        a = self.args
        self.step("Identification: switch", lambda: self.switch("Identification"))
        self.step(f"Identification: select {a.rows} rows", self.identification_rows)
        self.step("Panel: switch", lambda: self.switch("Panel"))
        self.step("Evaluation: switch", lambda: self.switch("Evaluation"))
        self.step("Cohort: switch", lambda: self.switch("Cohort"))
        self.step("Cohort: type a search", self.type_search)
        self.step("Cohort: clear the search", self.clear_search)
        for i in range(a.dossiers):
            self.step(f"Dossier {i + 1}: open", lambda i=i: self.open_dossier(i))
            self.step(f"Dossier {i + 1}: Back", self.close_dossier)


# ---------------------------------------------------------------- main

def validate(probe, pid, stop_s):
    """SIGSTOP the app for stop_s: the probe must see one answer of about that long."""
    time.sleep(1.0)
    idle_start = now() - 1.0
    idle = figures(probe.between(idle_start, now()), 0.1, 0.15)
    t0 = now()
    os.kill(pid, signal.SIGSTOP)
    try:
        time.sleep(stop_s)
    finally:
        os.kill(pid, signal.SIGCONT)
    time.sleep(0.5)
    during = probe.between(t0 - 0.05, t0 + stop_s)
    longest = max(during) if during else 0.0
    return idle, longest


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pid", type=int, required=True, help="the app's process id")
    p.add_argument("--app-name", default="vigil", help="its AT-SPI application name (default vigil)")
    p.add_argument("--label", default="", help="a name for this run in the output")
    p.add_argument("--interval-ms", type=float, default=20)
    p.add_argument("--stall-ms", type=float, default=150, help="target: no answer this slow")
    p.add_argument("--slow-ms", type=float, default=100, help="answers slower than this are summed")
    p.add_argument("--slow-sum-s", type=float, default=0.3, help="target: their sum under this")
    p.add_argument("--dossier-ms", type=float, default=300, help="target: each dossier under this")
    p.add_argument("--rows", type=int, default=5, help="ranking rows to select")
    p.add_argument("--dossiers", type=int, default=3)
    p.add_argument("--search", default="", help="text to type (default: the start of the first surname)")
    p.add_argument("--settle", type=float, default=1.0, help="seconds to wait after each step")
    p.add_argument("--row-pause", type=float, default=0.4)
    p.add_argument("--key-pause", type=float, default=0.15)
    p.add_argument("--timeout", type=float, default=90, help="for the app and its first rows")
    p.add_argument("--no-validate", action="store_true", help="skip the SIGSTOP check")
    p.add_argument("--json", help="write the figures here")
    args = p.parse_args()

    slow, stall = args.slow_ms / 1000, args.stall_ms / 1000
    tag = f"[{args.label}] " if args.label else ""
    # libatspi gives up on a call after 800 ms by default: a blocked main loop would
    # end the walk instead of being measured.
    Atspi.set_timeout(60000, 60000)
    try:
        app = find_app(args.app_name, args.pid, args.timeout)
        log(f"{tag}found application {name(app)!r} (pid {args.pid}) on the AT-SPI bus")
        # Every read goes to the app: no stale names, children or states.
        app.set_cache_mask(Atspi.Cache.NONE)
        win = Window(app, args.timeout)
        conn = a11y_bus()
        bus_name = bus_name_of_pid(conn, args.pid)
        probe = Probe(conn, bus_name, args.interval_ms / 1000)
        probe.start()
    except (WalkError, GLib.Error) as e:
        log(f"{tag}cannot start: {e}")
        return 2

    result = {"label": args.label}
    status = 0
    try:
        if not args.no_validate:
            idle, longest = validate(probe, args.pid, 0.3)
            ok = longest >= 0.25
            result["validation"] = {"idle": idle, "sigstop_300ms_longest_ms": longest * 1000, "ok": ok}
            log(f"{tag}probe check: idle answers median {idle['median_ms']:.1f} ms, max "
                f"{idle['max_ms']:.1f} ms ({idle['answers']} in 1 s); app stopped 300 ms -> "
                f"longest answer {longest * 1000:.0f} ms: {'OK, the probe sees a blocked main loop' if ok else 'FAILED'}")
            if not ok:
                status = 2
            time.sleep(1.0)
        walk = Walk(win, probe, args)
        walk_start = now()
        try:
            walk.run()
        except Exception as e:  # noqa: BLE001 - report the figures so far in any case
            log(f"{tag}the walk stopped: {type(e).__name__}: {e}")
            status = 2
        walk_end = now()
    finally:
        probe.stop()

    total = figures(probe.between(walk_start, walk_end), slow, stall)
    result["walk"] = total
    result["walk"]["seconds"] = walk_end - walk_start
    result["probe_errors"] = probe.errors
    result["steps"] = []
    print()
    print(f"{tag}per step (probe answers sent during the step):")
    print(f"  {'step':34} {'secs':>6} {'answers':>7} {'max ms':>8} {'>100ms sum s':>13} {'>=150ms':>8}")
    for label, s, e in walk.steps:
        f = figures(probe.between(s, e), slow, stall)
        f.update(step=label, seconds=e - s)
        result["steps"].append(f)
        flag = "  <-- stall" if f["stalls"] else ""
        print(f"  {label:34} {e - s:6.2f} {f['answers']:7d} {f['max_ms']:8.0f} "
              f"{f['slow_sum_s']:13.3f} {f['stalls']:8d}{flag}")
    result["dossiers_ms"] = [d * 1000 for _, d, _ in walk.dossiers]
    result["dossiers_titled_ms"] = [t * 1000 for _, _, t in walk.dossiers]
    print()
    print(f"{tag}walk: {result['walk']['seconds']:.1f} s, {total['answers']} answers "
          f"(median {total['median_ms']:.1f} ms), probe errors {probe.errors}")
    ok_stall = total["max_ms"] < args.stall_ms
    ok_sum = total["slow_sum_s"] < args.slow_sum_s
    ok_dossier = bool(walk.dossiers) and all(d * 1000 < args.dossier_ms for _, d, _ in walk.dossiers)
    print(f"{tag}max stall: {total['max_ms']:.0f} ms (target < {args.stall_ms:g}): {'met' if ok_stall else 'NOT met'}")
    print(f"{tag}stalls >= {args.stall_ms:g} ms: {total['stalls']}")
    print(f"{tag}sum of answers > {args.slow_ms:g} ms: {total['slow_sum_s']:.3f} s "
          f"(target < {args.slow_sum_s:g}): {'met' if ok_sum else 'NOT met'}")
    print(f"{tag}dossier open times (click to content drawn): " +
          (", ".join(f"{d * 1000:.0f} ms" for _, d, _ in walk.dossiers) or "none") +
          f" (target < {args.dossier_ms:g} each): {'met' if ok_dossier else 'NOT met'}")
    print(f"{tag}  of which to the name in the title (dossier loaded and built): " +
          (", ".join(f"{t * 1000:.0f} ms" for _, _, t in walk.dossiers) or "none"))
    if getattr(walk, "typed", None):
        print(f"{tag}search typed: {walk.typed!r}")
    result["targets_met"] = ok_stall and ok_sum and ok_dossier
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)
    if status == 0 and not result["targets_met"]:
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
