/* vigil-format.h: how Vigil writes dates and counts for people (no GTK)
 *
 * One place for the CLI, the reports, the presenter and the pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "1 October 2026" for "2026-10-01"; a stored UTC time ("2026-10-01T13:05:00Z") in local
 * time, "1 October 2026 at 14:05"; "no date" for NULL or ""; anything else as it is. */
char *vigil_format_date       (const char *iso);
/* "3 Nov 2026" for "2026-11-03" (lists, where room is short); "" for NULL or "". */
char *vigil_format_short_date (const char *iso);
/* A count with the locale's digit grouping: "12,345". */
char *vigil_format_count      (gint64      count);
/* An offence code for people: "coercive_control" → "Coercive control", "abh" → "ABH";
 * "Unknown offence" for NULL or "". */
char *vigil_format_offence    (const char *code);

G_END_DECLS
