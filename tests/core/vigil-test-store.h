/* vigil-test-store.h: fresh stores for tests, on SQLite or on PostgreSQL
 *
 * With VIGIL_TEST_ENGINE=postgresql the store is the test program's own database on the
 * server of VIGIL_TEST_PG_URI (see vigil_test_init_engine), emptied first; otherwise a
 * new SQLite file in a temporary folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-core.h"

G_BEGIN_DECLS

/* Call after g_test_init: exits 77 (skipped) when PostgreSQL is asked for but not set up,
 * or 1 in CI (vigil-test-ci.h). On PostgreSQL it then points VIGIL_TEST_PG_URI at a
 * database of the program's own (VIGIL_TEST_PG_URI's name + "_" + the program's name,
 * created when missing; the role needs CREATEDB), so pg test programs can run in
 * parallel. */
void           vigil_test_init_engine      (void);
gboolean       vigil_test_engine_is_pg     (void);
/* A new temporary folder, removed at exit. */
char          *vigil_test_make_tmpdir      (void);
/* The location of an empty database (SQLite: a new file path; PG: the test database,
 * emptied). */
VigilLocation *vigil_test_empty_location   (void);
/* An empty, migrated store; asserts on error. */
VigilStore    *vigil_test_open_store       (void);

/* The exchange format's header line (DESIGN.md), with its newline. */
#define VIGIL_TEST_INCIDENT_HEADER \
  "incident_ref,occurred_at,perpetrator_ref,perpetrator_name,perpetrator_dob,victim_ref," \
  "victim_name,victim_dob,relationship,offence_code,dash_risk,stalking,area\n"

/* @contents (@length bytes, -1: up to its NUL) as the file @name in a new temporary
 * folder; returns its path. */
char          *vigil_test_write_file       (const char *name,
                                            const char *contents,
                                            gssize      length);
/* @n synthetic incidents (vigil-cli generate's, with @seed, as of 2026-11-01) in a CSV
 * file in a new temporary folder; returns its path. */
char          *vigil_test_write_synthetic  (guint64     n,
                                            guint64     seed);

G_END_DECLS
