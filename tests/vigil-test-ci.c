/* vigil-test-ci.c: a test whose display or server is missing skips, except in CI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "vigil-test-ci.h"

static gboolean
is_set (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' && g_strcmp0 (value, "0") != 0 &&
         g_ascii_strcasecmp (value, "false") != 0;
}

gboolean
vigil_test_services_required (void)
{
  return is_set ("CI") || is_set ("VIGIL_TEST_REQUIRE_SERVICES");
}

static const char *
required_by (void)
{
  return is_set ("CI") ? "CI is set" : "VIGIL_TEST_REQUIRE_SERVICES is set";
}

void
vigil_test_skip_unless_ci (const char *why)
{
  if (vigil_test_services_required ())
    g_test_fail_printf ("%s (%s: a test that cannot start fails instead of skipping)",
                        why, required_by ());
  else
    g_test_skip (why);
}

int
vigil_test_unavailable (const char *why)
{
  if (vigil_test_services_required ())
    {
      g_printerr ("%s: %s (%s: a test that cannot start fails instead of skipping)\n",
                  g_get_prgname () ? g_get_prgname () : "test", why, required_by ());
      return 1;
    }
  g_printerr ("%s: skipped: %s\n", g_get_prgname () ? g_get_prgname () : "test", why);
  return 77;
}
