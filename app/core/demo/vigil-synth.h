/* vigil-synth.h: deterministic, heavy-tailed synthetic incidents (obviously fake people)
 *
 * The one source of synthetic data for the tests, the demo and the benchmarks. For a
 * given (n_incidents, seed, as_of) the output is always the same, on every machine.
 *
 * Shape of the data:
 * - incidents per perpetrator follow a discrete Pareto law, floor (U^(-1/1.5)) capped at
 *   200 (at n_incidents / 20 for small samples, but at least 10): about two thirds of
 *   perpetrators appear once, a few are serial (mean ≈ 2.5);
 * - most perpetrators have one victim, serial ones often several, one after another;
 * - dates cover the four years before @as_of, clustered per perpetrator, always on a day
 *   strictly before @as_of (an extract taken on @as_of holds the days before it);
 * - incidents come out in date order; their references number them in that order;
 * - relationships mostly intimate_partner / ex_partner, some family, a few non_domestic;
 *   offences weighted as a police force records them (homicide very rare); the stalking
 *   flag only ever accompanies stalking-type offences and always accompanies `stalking`;
 * - names are obviously fake ("Testington, Bravo Tango"), references are "SYN-P0000123"
 *   and "SYN-I0000001", areas are fictional ("North Synthshire").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VIGIL_SYNTH_ERROR (vigil_synth_error_quark ())

typedef enum
{
  VIGIL_SYNTH_ERROR_INVALID, /* a bad argument: as-of date, number of incidents */
} VigilSynthError;

/* The most incidents one call generates (memory: 16 bytes an incident while sorting). */
#define VIGIL_SYNTH_MAX_INCIDENTS 50000000

/* The header row of the incident exchange format (DESIGN.md), without a line end. */
#define VIGIL_SYNTH_CSV_HEADER                                                    \
  "incident_ref,occurred_at,perpetrator_ref,perpetrator_name,perpetrator_dob,"   \
  "victim_ref,victim_name,victim_dob,relationship,offence_code,dash_risk,"       \
  "stalking,area"
#define VIGIL_SYNTH_CSV_N_COLUMNS 13

typedef struct
{
  guint32     number;          /* person number, 1-based; the digits of @ref */
  char        ref[24];         /* "SYN-P0000123" */
  char        surname[72];     /* UTF-8, may hold a hyphen, an apostrophe, a diacritic */
  char        forenames[40];   /* one or two NATO-alphabet words */
  char        dob[12];         /* "YYYY-MM-DD", "" when the record does not say */
  const char *gender;          /* "male" or "female" (not part of the CSV) */
} VigilSynthPerson;

typedef struct
{
  guint64          number;       /* 1-based, in date order; the digits of @incident_ref */
  char             incident_ref[24];
  char             occurred_at[24]; /* "YYYY-MM-DDTHH:MM:SS", a few "YYYY-MM-DD" */
  VigilSynthPerson perpetrator;
  VigilSynthPerson victim;
  const char      *relationship; /* intimate_partner, ex_partner, family, non_domestic */
  const char      *offence_code; /* a code of the default gravity table */
  const char      *dash_risk;    /* "standard", "medium", "high" or "" */
  gboolean         stalking;
  const char      *area;
} VigilSynthIncident;

/* Called once per incident, in order. Return FALSE (setting @error) to stop. The
 * incident and its strings are only valid during the call. */
typedef gboolean (*VigilSynthIncidentFunc) (const VigilSynthIncident  *incident,
                                            gpointer                   user_data,
                                            GError                   **error);

GQuark       vigil_synth_error_quark            (void);

/* Streams @n_incidents incidents to @func. @as_of is "YYYY-MM-DD". */
gboolean     vigil_synth_generate               (guint64                    n_incidents,
                                                 guint64                    seed,
                                                 const char                *as_of,
                                                 VigilSynthIncidentFunc     func,
                                                 gpointer                   user_data,
                                                 GCancellable              *cancellable,
                                                 GError                   **error);

/* Writes the header row and @n_incidents rows of the exchange format to @out (UTF-8,
 * "\n" line ends, RFC 4180 quoting), buffered. Does not close @out. */
gboolean     vigil_synth_write_csv              (guint64                    n_incidents,
                                                 guint64                    seed,
                                                 const char                *as_of,
                                                 GOutputStream             *out,
                                                 GCancellable              *cancellable,
                                                 GError                   **error);

/* Appends one CSV row (with its "\n") for @incident. */
void         vigil_synth_incident_append_csv    (const VigilSynthIncident  *incident,
                                                 GString                   *row);

/* "Surname, Forenames" as the exchange format writes names. */
void         vigil_synth_person_append_name     (const VigilSynthPerson    *person,
                                                 GString                   *out);

/* TRUE when @surname and @forenames are made of the generator's fake parts, so that a
 * synthetic name can be told from a real one at a glance and by code. */
gboolean     vigil_synth_name_is_synthetic      (const char                *surname,
                                                 const char                *forenames);

/* The fictional areas, NULL-terminated. */
const char * const *vigil_synth_get_areas       (void);

G_END_DECLS
