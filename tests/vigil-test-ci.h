/* vigil-test-ci.h: a test whose display or server is missing skips, except in CI
 *
 * Outside CI (a developer's `meson test` without Xvfb or PostgreSQL) a test that cannot
 * reach what it needs is skipped. In CI (CI set to anything but "", "0" or "false", as
 * CI services do) or under tests/run (VIGIL_TEST_REQUIRE_SERVICES=1: it starts the
 * display and the server itself), the same test fails, saying what was missing: a suite
 * that cannot start must not pass as skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether a missing display or server fails the test instead of skipping it. */
gboolean vigil_test_services_required (void);

/* Inside a test case: g_test_skip (@why), or in CI fail the test with @why. The caller
 * returns from the test either way. */
void     vigil_test_skip_unless_ci    (const char *why);

/* Before g_test_run (): the exit status of a test program that cannot run at all —
 * 77 (skipped, for meson), or in CI 1 after printing @why. */
int      vigil_test_unavailable       (const char *why);

G_END_DECLS
