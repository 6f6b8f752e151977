/* vigil-rfgv.h: the RFGV engine (principle 1): facts, scores, explanations, movers
 *
 * A VigilFactSet holds every incident compacted into a VigilFact (20 bytes), sorted by
 * perpetrator and date; perpetrators are numbered in the order of their reference
 * (byte order, then store id), so that the last tie-break of the ranking is the
 * person index itself. It is immutable once built and may be shared between threads.
 *
 * vigil_rfgv_score () scores everyone against a profile and an as-of date in one
 * linear pass over the facts and one radix sort of the scored people; re-scoring with
 * another profile reuses the same fact set. For each perpetrator, over incidents whose
 * date is in (as_of − window_months, as_of] and whose relationship the profile counts:
 *   R  days from the latest such incident to as_of, on the recency bands;
 *   F  the number of incidents;
 *   G  the sum of their offences' gravity points (unknown codes: the profile's
 *      unknown_offence_gravity);
 *   V  the number of distinct victims (incidents without a victim add none);
 *   total = wR·R + wF·F + wG·G + wV·V, rounded to six decimal places.
 * Rank: total desc, then G points desc, then the latest incident's date desc, then
 * the perpetrator's reference asc (then store id): ranks are 1 … n without ties. The
 * area rank is the same order among people whose latest counted incident is in the
 * same area (people whose latest incident has no area form one group of their own).
 * A person's incidents are ordered by date, time of day, then incident id; the latest
 * counted one gives R, the area and the "latest incident" tie-break (its date).
 *
 * Days are Julian days as GDate numbers them (1 = 1 January of year 1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include "vigil-store.h"
#include "vigil-scoring-profile.h"

G_BEGIN_DECLS

#define VIGIL_RFGV_ERROR (vigil_rfgv_error_quark ())

typedef enum
{
  VIGIL_RFGV_ERROR_FAILED,     /* the store could not be read */
  VIGIL_RFGV_ERROR_INVALID,    /* a bad argument: an as-of date, an incident's field */
  VIGIL_RFGV_ERROR_TOO_LARGE,  /* more incidents, people or codes than the engine holds */
} VigilRfgvError;

/* ------------------------------------------------------------------------------------
 * Facts
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  gint32  person;        /* the perpetrator's index in the fact set */
  gint32  day;           /* Julian day of occurred_at's date */
  gint32  victim;        /* the victim's index among the set's people, -1 for none */
  gint32  area;          /* the area's index, -1 for none */
  guint16 offence;       /* the offence code's index */
  guint8  relationship;  /* VigilRelationship */
  guint8  reserved;
} VigilFact;

typedef struct _VigilFactSet VigilFactSet;

/* Everything one needs to add an incident by hand (tests, small sets). */
/* People are known either all by id (person_id, victim_id; the references are their
 * names for display and the tie-break) or all by reference (ids 0: the builder numbers
 * them 1, 2, … as they first appear). A victim who is also a perpetrator is one person. */
typedef struct
{
  gint64      person_id;     /* 0: known by person_ref */
  const char *person_ref;    /* required */
  const char *occurred_at;   /* "YYYY-MM-DD", optionally followed by "THH:MM[:SS]…" */
  gint64      victim_id;     /* 0 with victim_ref NULL: no victim */
  const char *victim_ref;
  const char *relationship;  /* a code of vigil_relationship_choices; others never count */
  const char *offence_code;  /* required */
  const char *area;          /* NULL: none */
  gint64      incident_id;   /* 0: numbered in the order added */
  const char *incident_ref;
} VigilFactInput;

typedef struct _VigilFactSetBuilder VigilFactSetBuilder;

GQuark           vigil_rfgv_error_quark            (void);

/* Every incident of @store. SQLite: the store's file is read through the sqlite3 API
 * on connections of its own (read-only, in parallel; the bounds, the references and
 * the last slice of incidents in one snapshot, the other slices in snapshots taken
 * just after); PostgreSQL: libpq COPY in one repeatable-read transaction. What the
 * store's own connection has not committed is not seen. Incidents whose date cannot
 * be read are left out and counted (vigil_fact_set_get_n_skipped). May run in a
 * worker thread; @cancellable is checked every 65,536 rows. */
VigilFactSet    *vigil_fact_set_load               (VigilStore            *store,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
/* The incidents of one perpetrator, with incident and victim references (through the
 * store's own connection): what `explain` needs. A person without incidents gives a
 * set with no perpetrator. */
VigilFactSet    *vigil_fact_set_load_person        (VigilStore            *store,
                                                    gint64                 person_id,
                                                    GCancellable          *cancellable,
                                                    GError               **error);

VigilFactSetBuilder *vigil_fact_set_builder_new    (void);
gboolean         vigil_fact_set_builder_add        (VigilFactSetBuilder   *self,
                                                    const VigilFactInput  *input,
                                                    GError               **error);
/* Builds the set and frees @self. */
VigilFactSet    *vigil_fact_set_builder_end        (VigilFactSetBuilder   *self,
                                                    GError               **error);
void             vigil_fact_set_builder_free       (VigilFactSetBuilder   *self);

VigilFactSet    *vigil_fact_set_ref                (VigilFactSet          *self);
void             vigil_fact_set_unref              (VigilFactSet          *self);

guint            vigil_fact_set_get_n_facts        (const VigilFactSet    *self);
const VigilFact *vigil_fact_set_get_facts          (const VigilFactSet    *self);
gint64           vigil_fact_set_get_incident_id    (const VigilFactSet    *self,
                                                    guint                  fact);
/* NULL unless the set was built with references (vigil_fact_set_load_person, builder). */
const char      *vigil_fact_set_get_incident_ref   (const VigilFactSet    *self,
                                                    guint                  fact);
guint            vigil_fact_set_get_n_persons      (const VigilFactSet    *self);
gint64           vigil_fact_set_get_person_id      (const VigilFactSet    *self,
                                                    guint                  person);
const char      *vigil_fact_set_get_person_ref     (const VigilFactSet    *self,
                                                    guint                  person);
/* The person's facts, by date: indices first … first + n - 1. */
guint            vigil_fact_set_get_person_facts   (const VigilFactSet    *self,
                                                    guint                  person,
                                                    guint                 *n_facts);
/* The person's index, or -1. */
int              vigil_fact_set_find_person        (const VigilFactSet    *self,
                                                    gint64                 person_id);
int              vigil_fact_set_find_person_by_ref (const VigilFactSet    *self,
                                                    const char            *ref);
/* Victims are people: VigilFact.victim indexes everyone the set knows (for a store,
 * every person in it; for a builder, everyone named), perpetrators included. */
guint            vigil_fact_set_get_n_victims      (const VigilFactSet    *self);
gint64           vigil_fact_set_get_victim_id      (const VigilFactSet    *self,
                                                    guint                  victim);
/* NULL when the person has no reference (a builder's victim given by id alone). */
const char      *vigil_fact_set_get_victim_ref     (const VigilFactSet    *self,
                                                    guint                  victim);
guint            vigil_fact_set_get_n_offences     (const VigilFactSet    *self);
const char      *vigil_fact_set_get_offence_code   (const VigilFactSet    *self,
                                                    guint                  offence);
guint            vigil_fact_set_get_n_areas        (const VigilFactSet    *self);
const char      *vigil_fact_set_get_area           (const VigilFactSet    *self,
                                                    guint                  area);
/* Incidents left out because their date could not be read. */
guint            vigil_fact_set_get_n_skipped      (const VigilFactSet    *self);
/* Bytes held, for the benchmark. */
gsize            vigil_fact_set_get_memory_size    (const VigilFactSet    *self);

/* The set as one self-contained block (g_free it), for the fact cache; incident
 * references are not kept. NULL when the set cannot be written so. */
gpointer         vigil_fact_set_serialize          (const VigilFactSet    *self,
                                                    gsize                 *out_size);
/* Memory for such a block of @size bytes (to fill, then pass to
 * vigil_fact_set_new_from_serialized); g_free () it otherwise. */
gpointer         vigil_fact_set_alloc_block        (gsize                  size);
/* Reads such a block back (taking it: g_malloc'd, freed on error), checking its
 * checksum and every size, index and offset: a damaged, truncated or foreign block
 * gives VIGIL_RFGV_ERROR_INVALID. */
VigilFactSet    *vigil_fact_set_new_from_serialized (gpointer              block,
                                                     gsize                 size,
                                                     GError              **error);

/* Julian day of an ISO 8601 date or date-time's date, 0 when it cannot be read. */
gint32           vigil_rfgv_parse_day              (const char            *text);

/* ------------------------------------------------------------------------------------
 * Scores
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  gint64   person_id;          /* the store's id */
  gint32   person;             /* index in the fact set; -1 in a table made from rows */
  gint32   rank;               /* 1 … n */
  gint32   area;               /* the fact set's area index of the latest counted incident, -1 none */
  gint32   area_rank;          /* 1 … within the area */
  gint32   latest_day;         /* Julian day of the latest counted incident */
  gint32   latest_fact;        /* its index in the fact set, -1 when unknown */
  gint32   days_since_latest;  /* R's value */
  gint32   n_incidents;        /* F's value */
  gint32   gravity_sum;        /* G's value */
  gint32   n_victims;          /* V's value */
  guint8   points[VIGIL_RFGV_N_COMPONENTS];
  gboolean in_cohort;
  double   total;
} VigilScoreRow;

typedef struct _VigilScoreTable VigilScoreTable;

/* Scores every perpetrator with at least one counted incident. @as_of NULL: today. */
VigilScoreTable *vigil_rfgv_score                  (const VigilFactSet          *facts,
                                                    const VigilScoringProfile   *profile,
                                                    const GDate                 *as_of,
                                                    GError                     **error);

/* A table from stored rows (a previous run), in any order; person and latest_fact are
 * set to -1 and area to -1. */
VigilScoreTable *vigil_score_table_new_from_rows   (const VigilScoreRow         *rows,
                                                    guint                        n_rows,
                                                    const GDate                 *as_of);
void             vigil_score_table_free            (VigilScoreTable             *self);
guint            vigil_score_table_get_n_rows      (const VigilScoreTable       *self);
/* The rows in rank order: row i has rank i + 1. */
const VigilScoreRow *vigil_score_table_get_rows    (const VigilScoreTable       *self,
                                                    guint                       *n_rows);
const VigilScoreRow *vigil_score_table_find_person (const VigilScoreTable       *self,
                                                    gint64                       person_id);
/* By fact-set index; NULL when the person was not scored or the table has no facts. */
const VigilScoreRow *vigil_score_table_get_person_row (const VigilScoreTable    *self,
                                                       guint                     person);
/* The fact set scored, NULL for a table made from rows. */
VigilFactSet    *vigil_score_table_get_fact_set    (const VigilScoreTable       *self);
const char      *vigil_score_table_get_person_ref  (const VigilScoreTable       *self,
                                                    const VigilScoreRow         *row);
/* The ranking as CSV (header "rank,perpetrator_ref,R,F,G,V,total", the total as "%g"
 * in the C locale), written to @out in large blocks and flushed. */
gboolean         vigil_score_table_write_csv       (const VigilScoreTable       *self,
                                                    FILE                        *out,
                                                    GError                     **error);
const char      *vigil_score_table_get_area_name   (const VigilScoreTable       *self,
                                                    const VigilScoreRow         *row);
void             vigil_score_table_get_as_of       (const VigilScoreTable       *self,
                                                    GDate                       *as_of);
guint            vigil_score_table_get_n_cohort    (const VigilScoreTable       *self);
/* Sets in_cohort from the profile's cohort rule (total, rank, area rank). */
void             vigil_score_table_apply_cohort    (VigilScoreTable             *self,
                                                    const VigilScoringProfile   *profile);

/* ------------------------------------------------------------------------------------
 * Explanations
 * ------------------------------------------------------------------------------------ */

typedef enum
{
  VIGIL_RFGV_INCIDENT_COUNTED,
  VIGIL_RFGV_INCIDENT_BEFORE_WINDOW,             /* on or before the window's start */
  VIGIL_RFGV_INCIDENT_AFTER_AS_OF,
  VIGIL_RFGV_INCIDENT_RELATIONSHIP_NOT_COUNTED,
} VigilRfgvIncidentStatus;

/* Whether an incident counted, or why not, for people ("Counted", "Not counted: …"). */
const char *vigil_rfgv_incident_status_get_label (VigilRfgvIncidentStatus status);

typedef struct
{
  guint                    fact;            /* index in the fact set */
  gint64                   incident_id;
  const char              *incident_ref;    /* NULL when the fact set has none */
  gint32                   day;
  const char              *offence_code;
  int                      gravity;         /* the profile's points for the offence */
  gboolean                 offence_known;   /* FALSE: not in the table, unknown points */
  VigilRelationship        relationship;
  gint64                   victim_id;       /* 0: none */
  const char              *victim_ref;      /* NULL: none, or no reference */
  gboolean                 has_victim;
  const char              *area;            /* NULL: none */
  VigilRfgvIncidentStatus  status;
  gboolean                 latest;          /* the latest counted incident: R and the area */
  gboolean                 new_victim;      /* the first counted incident with this victim: V */
} VigilRfgvExplainedIncident;

typedef struct
{
  gint64 value;     /* days since the latest incident, incidents, gravity sum, victims */
  int    points;
  int    band;      /* index into the profile's bands, -1: "otherwise" */
  double weight;
  double weighted;  /* weight × points */
} VigilRfgvComponentExplanation;

typedef struct
{
  gint64                         person_id;
  const char                    *person_ref;
  GDate                          as_of;
  GDate                          window_start;  /* exclusive: later dates count */
  gboolean                       scored;        /* FALSE: nothing counted, not scored */
  VigilRfgvComponentExplanation  components[VIGIL_RFGV_N_COMPONENTS];
  double                         total;
  const char                    *area;          /* of the latest counted incident */
  gint32                         latest_day;
  VigilRfgvExplainedIncident    *incidents;     /* all the person's incidents, by date */
  guint                          n_incidents;
  /*< private >*/
  VigilFactSet                  *facts;
} VigilRfgvExplanation;

/* The breakdown of @person's score (an index of @facts). */
VigilRfgvExplanation *vigil_rfgv_explain           (const VigilFactSet          *facts,
                                                    const VigilScoringProfile   *profile,
                                                    guint                        person,
                                                    const GDate                 *as_of,
                                                    GError                     **error);
void             vigil_rfgv_explanation_free       (VigilRfgvExplanation        *self);

/* ------------------------------------------------------------------------------------
 * Movers (principle 5)
 * ------------------------------------------------------------------------------------ */

typedef enum
{
  VIGIL_MOVER_ENTRANT,  /* in view now, not in the previous run */
  VIGIL_MOVER_RISER,    /* in view in both, total rose */
  VIGIL_MOVER_FALLER,   /* in view in both, total fell */
  VIGIL_MOVER_DROPPED,  /* in view in the previous run, not now */
} VigilMoverKind;

typedef struct
{
  VigilMoverKind kind;
  gint64         person_id;
  gint32         previous_rank;      /* 0: not scored then */
  gint32         current_rank;       /* 0: not scored now */
  double         previous_total;     /* 0 when not scored */
  double         current_total;
  gboolean       previous_in_cohort;
  gboolean       current_in_cohort;
  gboolean       watched;            /* one of @watched (e.g. of_concern) */
} VigilMover;

/* Compares two runs by person id. A person is "in view" in a run when they are in its
 * cohort, or scored and listed in @watched (people of concern, principle 5). Returns
 * the movers (GArray of VigilMover): entrants, risers, fallers, then dropped; each
 * kind by rank (dropped by previous rank). People in view in both runs with the same
 * total are not movers. */
GArray          *vigil_rfgv_compare                (const VigilScoreTable       *previous,
                                                    const VigilScoreTable       *current,
                                                    const gint64                *watched,
                                                    guint                        n_watched);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilFactSet, vigil_fact_set_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilFactSetBuilder, vigil_fact_set_builder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilScoreTable, vigil_score_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilRfgvExplanation, vigil_rfgv_explanation_free)

G_END_DECLS
