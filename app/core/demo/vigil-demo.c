/* vigil-demo.c: the synthetic demo store
 *
 * The demo is what a coordinator sees on first start and what every screenshot shows:
 * a few hundred obviously fake perpetrators from vigil-synth, ranked by the default
 * RFGV profile, and around the top of the ranking the casework of a MATAC / MASIP
 * team: cohort entries in every status and route, senior decisions, other processes,
 * agency sections, victims and their advocates, plans and interventions, a panel
 * meeting and outcomes over time.
 *
 * The texts of the records (minutes, rationales) are data, written in British English
 * like a force's own records, not interface strings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-demo"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vigil-demo.h"
#include "vigil-scoring-profile.h"
#include "vigil-entities.h"
#include "vigil-record.h"
#include "vigil-rfgv.h"
#include "vigil-synth.h"

/* Inserts per transaction: each is a row and an audit row (libgda's cost per
 * transaction grows with the square of its statements). */
#define CHUNK_SIZE     100
#define DEMO_FILE_NAME "synthetic-incidents-demo.csv"

/* The default RFGV gravity table of DESIGN.md, as the demo's profile writes it. */
static const struct
{
  const char *code;
  int         points;
} default_gravity[] = {
  { "homicide", 5 }, { "attempted_murder", 5 }, { "rape", 5 }, { "gbh", 5 },
  { "strangulation", 5 }, { "kidnap", 5 },
  { "sexual_assault", 4 }, { "abh", 4 }, { "coercive_control", 4 }, { "stalking", 4 },
  { "threats_to_kill", 4 }, { "arson_endangering_life", 4 },
  { "common_assault", 3 }, { "harassment", 3 }, { "breach_of_order", 3 },
  { "criminal_damage", 2 }, { "malicious_communications", 2 }, { "public_order", 2 },
  { "non_crime_incident", 1 }, { "other", 1 },
};

/* Staff of the fictional force and its partners. */
static const char * const police_officers[] = {
  "DC Foxtrot Testwell", "PS Lima Mockridge", "DC Echo Samplefield", "PC Hotel Stubington",
};
static const char *const senior_decision_maker = "Det Supt Sierra Fakenham";
static const char *const senior_role = "Head of Public Protection (senior decision-maker)";
static const char *const panel_chair = "DCI Juliett Examplesson";

typedef struct
{
  guint32          number;
  gint64           id;
  gboolean         perpetrator;
  VigilSynthPerson person;
} DemoPerson;

typedef struct
{
  guint      person;         /* index into people */
  guint      n_window;       /* incidents in the scoring window */
  guint      gravity_sum;
  guint      n_victims;
  guint      n_stalking;     /* incidents with the stalking flag, any date */
  guint      max_gravity;
  guint32    latest_julian;
  char       latest[24];
  const char *area;
  gint64     r, f, g, v, total;
  gint64     rank, area_rank;
  gboolean   in_cohort;      /* in the profile's cohort rule */
  gboolean   in_case;
} DemoPerpetrator;

/* The people around whom the demo builds casework. */
enum
{
  CASE_MANAGED_A,       /* the top of the ranking */
  CASE_MANAGED_B,
  CASE_MANAGED_C,
  CASE_UNDER_REVIEW_A,
  CASE_MAPPA,           /* of concern: already managed at MAPPA, excluded against the score */
  CASE_MANAGED_D,
  CASE_UNDER_REVIEW_B,
  CASE_CANDIDATE_A,
  CASE_CANDIDATE_B,
  CASE_CANDIDATE_C,
  CASE_SCALING_BACK,
  CASE_EXITED,
  CASE_STALKING,        /* most stalking incidents outside the above: MASIP */
  CASE_JUDGEMENT,       /* gravest lone incident lower down: included against the score */
  CASE_AGENCY,          /* unknown to police for DA: referred by health and housing */
  N_CASES
};

static const struct
{
  const char *status;
  const char *route;
  const char *lead_agency;
  const char *managing_panel;
  int         identified_days;  /* before as-of */
} case_kinds[N_CASES] = {
  { "managed",      "rfgv",                   "police",    "MATAC",        210 },
  { "managed",      "rfgv",                   "probation", "MATAC",        180 },
  { "managed",      "rfgv",                   "police",    "MATAC",        150 },
  { "under_review", "rfgv",                   "police",    "MATAC",         20 },
  { "of_concern",   "rfgv",                   "probation", "MAPPA",         90 },
  { "managed",      "rfgv",                   "police",    "MATAC",        120 },
  { "under_review", "rfgv",                   "police",    "MATAC",         12 },
  { "candidate",    "rfgv",                   NULL,        NULL,             3 },
  { "candidate",    "rfgv",                   NULL,        NULL,             3 },
  { "candidate",    "rfgv",                   NULL,        NULL,             3 },
  { "scaling_back", "rfgv",                   "police",    "MATAC",        400 },
  { "exited",       "rfgv",                   "police",    "MATAC",        520 },
  { "managed",      "stalking_referral",      "police",    "MASIP",         95 },
  { "under_review", "professional_judgement", "police",    "MATAC",         30 },
  { "under_review", "agency_referral",        "police",    "MATAC",         25 },
};

typedef struct
{
  guint  perpetrator;      /* index into perpetrators, G_MAXUINT for none */
  gint64 person_id;
  gint64 entry_id;
  gint64 plan_id;
  gint64 first_victim_id;
  const char *area;
} DemoCase;

typedef struct
{
  VigilStore   *store;
  GCancellable *cancellable;
  GDate         as_of;
  char          as_of_text[12];
  char         *now;

  GArray       *incidents;      /* VigilSynthIncident */
  GArray       *people;         /* DemoPerson */
  GHashTable   *person_index;   /* person number → index + 1 */
  GArray       *perpetrators;   /* DemoPerpetrator, in rank order once scored */
  GString      *csv;

  gint64        batch_id;
  gint64        profile_id;
  gint64        run_id;
  gint64        meeting_id;
  gint64        next_meeting_id;
  guint32       next_person_number;
  DemoCase      cases[N_CASES];
} DemoBuilder;

static void
demo_builder_free (DemoBuilder *self)
{
  g_clear_pointer (&self->incidents, g_array_unref);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->person_index, g_hash_table_unref);
  g_clear_pointer (&self->perpetrators, g_array_unref);
  if (self->csv != NULL)
    g_string_free (g_steal_pointer (&self->csv), TRUE);
  g_clear_pointer (&self->now, g_free);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DemoBuilder, demo_builder_free)

/* ------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------ */

/* @days after as-of (negative: before) as "YYYY-MM-DD". */
static char *
dup_date (DemoBuilder *self,
          int          days)
{
  GDate date = self->as_of;
  char text[16];

  if (days > 0)
    g_date_add_days (&date, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&date, (guint) -days);

  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (text);
}

static char *
dup_datetime (DemoBuilder *self,
              int          days,
              guint        hour,
              guint        minute)
{
  g_autofree char *date = dup_date (self, days);

  return g_strdup_printf ("%sT%02u:%02u:00", date, hour, minute);
}

static int
gravity_of (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_gravity); i++)
    if (g_str_equal (default_gravity[i].code, code))
      return default_gravity[i].points;

  return 1;
}

/* Inserts @record and frees it; returns its new id, 0 on error. */
static gint64
insert_record (DemoBuilder           *self,
               const VigilRecordType *type,
               gpointer               record,
               GError               **error)
{
  gint64 id = 0;

  if (vigil_store_insert (self->store, type, record, error))
    id = ((VigilRecord *) record)->id;

  vigil_record_free (type, record);
  return id;
}

static DemoPerson *
get_person (DemoBuilder *self,
            guint32      number)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->person_index,
                                                       GUINT_TO_POINTER (number)));

  g_assert (index > 0);
  return &g_array_index (self->people, DemoPerson, index - 1);
}

static DemoPerpetrator *
get_case_perpetrator (DemoBuilder *self,
                      guint        case_index)
{
  guint index = self->cases[case_index].perpetrator;

  if (index == G_MAXUINT)
    return NULL;

  return &g_array_index (self->perpetrators, DemoPerpetrator, index);
}

static const VigilSynthPerson *
get_case_person (DemoBuilder *self,
                 guint        case_index)
{
  DemoPerpetrator *perpetrator = get_case_perpetrator (self, case_index);

  if (perpetrator == NULL)
    return NULL;

  return &g_array_index (self->people, DemoPerson, perpetrator->person).person;
}

typedef gboolean (*DemoStageFunc) (DemoBuilder  *self,
                                   guint         start,
                                   guint         end,
                                   GError      **error);

typedef struct
{
  DemoBuilder   *builder;
  DemoStageFunc  func;
  guint          start;
  guint          end;
} DemoChunk;

static gboolean
run_chunk_cb (VigilStore  *store,
              gpointer     user_data,
              GError     **error)
{
  DemoChunk *chunk = user_data;

  return chunk->func (chunk->builder, chunk->start, chunk->end, error);
}

/* Runs @func over [0, @n_items) in transactions of @chunk_size items. */
static gboolean
run_stage (DemoBuilder    *self,
           DemoStageFunc   func,
           guint           n_items,
           guint           chunk_size,
           GError        **error)
{
  for (guint start = 0; start < n_items; start += chunk_size)
    {
      DemoChunk chunk = { self, func, start, MIN (start + chunk_size, n_items) };

      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;
      if (!vigil_store_run_in_transaction (self->store, run_chunk_cb, &chunk, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------
 * Synthetic incidents, people and scores (in memory)
 * ------------------------------------------------------------------------------------ */

static guint
add_person (DemoBuilder            *self,
            const VigilSynthPerson *person,
            gboolean                perpetrator)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->person_index,
                                                       GUINT_TO_POINTER (person->number)));
  DemoPerson *demo_person;

  if (index == 0)
    {
      DemoPerson added = { person->number, 0, FALSE, *person };

      g_array_append_val (self->people, added);
      index = self->people->len;
      g_hash_table_insert (self->person_index, GUINT_TO_POINTER (person->number),
                           GUINT_TO_POINTER (index));
      self->next_person_number = MAX (self->next_person_number, person->number + 1);
    }

  demo_person = &g_array_index (self->people, DemoPerson, index - 1);
  /* Keep the fullest record of a person (a victim row may lack the date of birth). */
  if (demo_person->person.dob[0] == '\0' && person->dob[0] != '\0')
    memcpy (demo_person->person.dob, person->dob, sizeof person->dob);
  demo_person->perpetrator |= perpetrator;
  return index - 1;
}

static gboolean
collect_incident_cb (const VigilSynthIncident  *incident,
                     gpointer                   user_data,
                     GError                   **error)
{
  DemoBuilder *self = user_data;

  g_array_append_val (self->incidents, *incident);
  add_person (self, &incident->perpetrator, TRUE);
  add_person (self, &incident->victim, FALSE);
  vigil_synth_incident_append_csv (incident, self->csv);
  return TRUE;
}

static int
compare_perpetrators (gconstpointer a,
                      gconstpointer b)
{
  const DemoPerpetrator *x = a;
  const DemoPerpetrator *y = b;
  gint64 rx = x->rank > 0 ? x->rank : G_MAXINT64;
  gint64 ry = y->rank > 0 ? y->rank : G_MAXINT64;

  if (rx != ry)
    return rx < ry ? -1 : 1;
  return x->person < y->person ? -1 : (x->person > y->person ? 1 : 0);
}

/* Scores the synthetic incidents with the RFGV engine and the default profile, as a
 * refresh of the store would: the demo's stored run is the engine's own ranking. The
 * loop keeps what choosing the demo's cases needs (stalking incidents, the gravest
 * offence, incidents in the window). */
static gboolean
score_perpetrators (DemoBuilder  *self,
                    GError      **error)
{
  g_autoptr(VigilScoringProfile) profile = NULL;
  g_autoptr(GHashTable) by_person = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) areas = g_hash_table_new (g_str_hash, g_str_equal);
  VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
  VigilFactSet *facts;
  VigilScoreTable *table;
  const VigilScoreRow *rows;
  guint n_rows = 0;

  profile = vigil_scoring_profile_load_default (error);
  if (profile == NULL)
    {
      vigil_fact_set_builder_free (builder);
      return FALSE;
    }

  for (guint i = 0; i < self->incidents->len; i++)
    {
      const VigilSynthIncident *incident = &g_array_index (self->incidents, VigilSynthIncident, i);
      guint person = add_person (self, &incident->perpetrator, TRUE);
      VigilFactInput input = {
        .person_ref = incident->perpetrator.ref,
        .occurred_at = incident->occurred_at,
        .victim_ref = incident->victim.ref[0] != '\0' ? incident->victim.ref : NULL,
        .relationship = incident->relationship,
        .offence_code = incident->offence_code,
        .area = incident->area != NULL && incident->area[0] != '\0' ? incident->area : NULL,
        .incident_ref = incident->incident_ref,
      };
      DemoPerpetrator *perpetrator;
      guint index;

      index = GPOINTER_TO_UINT (g_hash_table_lookup (by_person, GUINT_TO_POINTER (person + 1)));
      if (index == 0)
        {
          DemoPerpetrator added = { .person = person };

          g_array_append_val (self->perpetrators, added);
          index = self->perpetrators->len;
          g_hash_table_insert (by_person, GUINT_TO_POINTER (person + 1), GUINT_TO_POINTER (index));
          g_hash_table_insert (by_ref,
                               g_array_index (self->people, DemoPerson, person).person.ref,
                               GUINT_TO_POINTER (index));
        }
      perpetrator = &g_array_index (self->perpetrators, DemoPerpetrator, index - 1);

      if (incident->stalking)
        perpetrator->n_stalking++;
      perpetrator->max_gravity = MAX (perpetrator->max_gravity, (guint) gravity_of (incident->offence_code));
      if (input.area != NULL)
        g_hash_table_insert (areas, (gpointer) incident->area, (gpointer) incident->area);

      if (!vigil_fact_set_builder_add (builder, &input, error))
        {
          vigil_fact_set_builder_free (builder);
          return FALSE;
        }
    }

  facts = vigil_fact_set_builder_end (builder, error);
  if (facts == NULL)
    return FALSE;
  table = vigil_rfgv_score (facts, profile, &self->as_of, error);
  if (table == NULL)
    {
      vigil_fact_set_unref (facts);
      return FALSE;
    }

  rows = vigil_score_table_get_rows (table, &n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      const VigilScoreRow *row = &rows[i];
      const char *ref = vigil_fact_set_get_person_ref (facts, (guint) row->person);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_ref, ref));
      DemoPerpetrator *p;
      GDate latest;

      g_assert (index > 0);
      p = &g_array_index (self->perpetrators, DemoPerpetrator, index - 1);
      p->n_window = (guint) row->n_incidents;
      p->gravity_sum = (guint) row->gravity_sum;
      p->n_victims = (guint) row->n_victims;
      p->latest_julian = (guint32) row->latest_day;
      g_date_clear (&latest, 1);
      g_date_set_julian (&latest, (guint32) row->latest_day);
      g_date_strftime (p->latest, sizeof p->latest, "%Y-%m-%d", &latest);
      p->area = row->area >= 0
        ? g_hash_table_lookup (areas, vigil_fact_set_get_area (facts, (guint) row->area))
        : NULL;
      p->r = row->points[VIGIL_RFGV_RECENCY];
      p->f = row->points[VIGIL_RFGV_FREQUENCY];
      p->g = row->points[VIGIL_RFGV_GRAVITY];
      p->v = row->points[VIGIL_RFGV_VICTIMS];
      p->total = (gint64) row->total;
      p->rank = row->rank;
      p->area_rank = row->area_rank;
      p->in_cohort = row->in_cohort;
    }

  vigil_score_table_free (table);
  vigil_fact_set_unref (facts);

  /* in rank order, the unscored (nothing in the window) last */
  g_array_sort (self->perpetrators, compare_perpetrators);
  return TRUE;
}

static guint
take_perpetrator (DemoBuilder *self,
                  guint        index)
{
  DemoPerpetrator *p;

  if (index >= self->perpetrators->len)
    return G_MAXUINT;

  p = &g_array_index (self->perpetrators, DemoPerpetrator, index);
  p->in_case = TRUE;
  return index;
}

/* The best-ranked scored perpetrator not yet in a case, among the first @limit, whose
 * latest incident is at least @min_days old and who has @min_incidents in the window;
 * G_MAXUINT when there is none. */
static guint
find_perpetrator (DemoBuilder *self,
                  guint        limit,
                  guint        min_days,
                  guint        min_incidents)
{
  guint32 as_of_julian = g_date_get_julian (&self->as_of);

  for (guint i = 0; i < MIN (limit, self->perpetrators->len); i++)
    {
      DemoPerpetrator *p = &g_array_index (self->perpetrators, DemoPerpetrator, i);

      if (!p->in_case && p->n_window > 0 && p->n_window >= min_incidents &&
          as_of_julian - p->latest_julian >= min_days)
        return take_perpetrator (self, i);
    }

  return G_MAXUINT;
}

/* Picks the people of the casework from the ranking, so that each story fits the data:
 * whoever is scaled back or exited has had no incident for months. */
static void
choose_cases (DemoBuilder *self)
{
  guint best;

  for (guint c = 0; c < N_CASES; c++)
    {
      self->cases[c].perpetrator = G_MAXUINT;
      self->cases[c].area = vigil_synth_get_areas ()[0];
    }

  self->cases[CASE_EXITED].perpetrator = find_perpetrator (self, 80, 380, 3);
  self->cases[CASE_SCALING_BACK].perpetrator = find_perpetrator (self, 80, 215, 3);

  for (guint c = CASE_MANAGED_A; c <= CASE_EXITED; c++)
    if (self->cases[c].perpetrator == G_MAXUINT)
      self->cases[c].perpetrator = find_perpetrator (self, G_MAXUINT, 0, 1);

  /* The stalker: most stalking incidents among the rest. */
  best = G_MAXUINT;
  for (guint i = 0; i < self->perpetrators->len; i++)
    {
      DemoPerpetrator *p = &g_array_index (self->perpetrators, DemoPerpetrator, i);

      if (!p->in_case && p->n_stalking > 0 &&
          (best == G_MAXUINT ||
           p->n_stalking > g_array_index (self->perpetrators, DemoPerpetrator, best).n_stalking))
        best = i;
    }
  self->cases[CASE_STALKING].perpetrator = take_perpetrator (self, best);

  /* Professional judgement: one grave incident, a modest score. */
  best = G_MAXUINT;
  for (guint i = MIN (20, self->perpetrators->len); i < self->perpetrators->len; i++)
    {
      DemoPerpetrator *p = &g_array_index (self->perpetrators, DemoPerpetrator, i);

      if (!p->in_case && p->n_window > 0 &&
          (best == G_MAXUINT ||
           p->max_gravity > g_array_index (self->perpetrators, DemoPerpetrator, best).max_gravity))
        best = i;
    }
  self->cases[CASE_JUDGEMENT].perpetrator = take_perpetrator (self, best);

  for (guint c = 0; c < N_CASES; c++)
    {
      DemoPerpetrator *p = get_case_perpetrator (self, c);

      if (p != NULL && p->area != NULL)
        self->cases[c].area = p->area;
    }
}

/* ------------------------------------------------------------------------------------
 * Stages
 * ------------------------------------------------------------------------------------ */

static gboolean
insert_batch (DemoBuilder  *self,
              guint         start,
              guint         end,
              GError      **error)
{
  VigilImportBatch *batch = vigil_import_batch_new ();

  batch->file_name = g_strdup (DEMO_FILE_NAME);
  batch->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->csv->str,
                                                 self->csv->len);
  batch->kind = g_strdup ("incidents");
  batch->status = g_strdup ("complete");
  batch->rows_total = self->incidents->len + 2;
  batch->rows_imported = self->incidents->len;
  batch->rows_rejected = 2;
  batch->rows_duplicate = 0;
  batch->imported_by = g_strdup (police_officers[1]);
  batch->started_at = dup_datetime (self, -1, 6, 0);
  batch->finished_at = dup_datetime (self, -1, 6, 1);

  self->batch_id = insert_record (self, &vigil_import_batch_type, batch, error);
  return self->batch_id != 0;
}

static gboolean
insert_people (DemoBuilder  *self,
               guint         start,
               guint         end,
               GError      **error)
{
  for (guint i = start; i < end; i++)
    {
      DemoPerson *demo_person = &g_array_index (self->people, DemoPerson, i);
      VigilPerson *person = vigil_person_new ();

      person->surname = g_strdup (demo_person->person.surname);
      person->forenames = g_strdup (demo_person->person.forenames);
      if (demo_person->person.dob[0] != '\0')
        person->dob = g_strdup (demo_person->person.dob);
      person->gender = g_strdup (demo_person->person.gender);
      person->local_ref = g_strdup (demo_person->person.ref);
      if (demo_person->perpetrator)
        person->pnc_id = g_strdup_printf ("00/%07u%c", demo_person->number,
                                          'A' + (demo_person->number % 23));

      demo_person->id = insert_record (self, &vigil_person_type, person, error);
      if (demo_person->id == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_incidents (DemoBuilder  *self,
                  guint         start,
                  guint         end,
                  GError      **error)
{
  for (guint i = start; i < end; i++)
    {
      const VigilSynthIncident *synth = &g_array_index (self->incidents, VigilSynthIncident, i);
      VigilIncident *incident = vigil_incident_new ();

      incident->source = g_strdup ("police");
      incident->source_ref = g_strdup (synth->incident_ref);
      incident->occurred_at = g_strdup (synth->occurred_at);
      incident->perpetrator_id = get_person (self, synth->perpetrator.number)->id;
      incident->victim_id = get_person (self, synth->victim.number)->id;
      incident->relationship = g_strdup (synth->relationship);
      incident->offence_code = g_strdup (synth->offence_code);
      if (synth->dash_risk[0] != '\0')
        incident->dash_risk = g_strdup (synth->dash_risk);
      incident->stalking = synth->stalking;
      incident->area = g_strdup (synth->area);
      incident->batch_id = self->batch_id;

      if (insert_record (self, &vigil_incident_type, incident, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_rejection (DemoBuilder  *self,
                  gint64        line_number,
                  const char   *field,
                  const char   *reason,
                  const char   *raw_text,
                  GError      **error)
{
  VigilImportRejection *rejection = vigil_import_rejection_new ();

  rejection->batch_id = self->batch_id;
  rejection->line_number = line_number;
  rejection->field = g_strdup (field);
  rejection->reason = g_strdup (reason);
  rejection->raw_text = g_strdup (raw_text);
  return insert_record (self, &vigil_import_rejection_type, rejection, error) != 0;
}

static gboolean
insert_rejections (DemoBuilder  *self,
                   guint         start,
                   guint         end,
                   GError      **error)
{
  const VigilSynthIncident *a = &g_array_index (self->incidents, VigilSynthIncident, 0);
  const VigilSynthIncident *b = &g_array_index (self->incidents, VigilSynthIncident,
                                                self->incidents->len / 2);
  g_autoptr(GString) name_a = g_string_new (NULL);
  g_autoptr(GString) name_b = g_string_new (NULL);
  g_autofree char *raw_a = NULL;
  g_autofree char *raw_b = NULL;

  vigil_synth_person_append_name (&a->perpetrator, name_a);
  vigil_synth_person_append_name (&b->victim, name_b);

  raw_a = g_strdup_printf ("SYN-I9000001,2023-02-30T25:10:00,%s,\"%s\",%s,,,,"
                           "intimate_partner,common_assault,standard,0,%s",
                           a->perpetrator.ref, name_a->str, a->perpetrator.dob, a->area);
  raw_b = g_strdup_printf ("SYN-I9000002,%s,%s,,,%s,\"%s\",%s,neighbour,"
                           "criminal_damage,,0,%s",
                           b->occurred_at, b->perpetrator.ref, b->victim.ref, name_b->str,
                           b->victim.dob, b->area);

  return insert_rejection (self, 118, "occurred_at",
                           "“2023-02-30T25:10:00” is not a date or time: write it as "
                           "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.", raw_a, error) &&
         insert_rejection (self, 342, "relationship",
                           "“neighbour” is not a relationship: use intimate_partner, "
                           "ex_partner, family or non_domestic.", raw_b, error);
}

static gboolean
insert_alias (DemoBuilder  *self,
              gint64        person_id,
              const char   *alias,
              const char   *kind,
              GError      **error)
{
  VigilPersonAlias *record = vigil_person_alias_new ();

  record->person_id = person_id;
  record->alias = g_strdup (alias);
  record->alias_kind = g_strdup (kind);
  return insert_record (self, &vigil_person_alias_type, record, error) != 0;
}

static gboolean
insert_flag (DemoBuilder  *self,
             gint64        person_id,
             const char   *agency,
             const char   *concern,
             int           days,
             const char   *reported_by,
             const char   *isa_reference,
             GError      **error)
{
  VigilAgencyFlag *flag = vigil_agency_flag_new ();

  flag->person_id = person_id;
  flag->agency = g_strdup (agency);
  flag->concern = g_strdup (concern);
  flag->reported_on = dup_date (self, days);
  flag->reported_by = g_strdup (reported_by);
  flag->isa_reference = g_strdup (isa_reference);
  return insert_record (self, &vigil_agency_flag_type, flag, error) != 0;
}

/* Fills in the person ids of the cases, adding the agency referral's subject, who is
 * unknown to police for domestic abuse (principle 1). */
static gboolean
insert_case_people (DemoBuilder  *self,
                    GError      **error)
{
  VigilPerson *person;

  for (guint c = 0; c < N_CASES; c++)
    {
      DemoPerpetrator *p = get_case_perpetrator (self, c);

      if (p != NULL)
        self->cases[c].person_id = g_array_index (self->people, DemoPerson, p->person).id;
    }

  person = vigil_person_new ();
  person->surname = g_strdup ("Decoyington");
  person->forenames = g_strdup ("Oscar Papa");
  person->dob = dup_date (self, -(33 * 365 + 140));
  person->gender = g_strdup ("male");
  person->local_ref = g_strdup_printf ("SYN-P%07u", self->next_person_number++);
  person->notes = g_strdup ("Not known to police for domestic abuse. Referred by health "
                            "and housing under the information-sharing agreement.");
  self->cases[CASE_AGENCY].person_id = insert_record (self, &vigil_person_type, person, error);
  if (self->cases[CASE_AGENCY].person_id == 0)
    return FALSE;

  /* the same man under a housing reference: a possible duplicate for a person to decide */
  {
    VigilPersonDuplicate *duplicate;
    gint64 twin_id;

    person = vigil_person_new ();
    person->surname = g_strdup ("Decoyington");
    person->forenames = g_strdup ("Oscar Papa");
    person->dob = dup_date (self, -(33 * 365 + 140));
    person->gender = g_strdup ("male");
    person->local_ref = g_strdup_printf ("SYN-P%07u", self->next_person_number++);
    twin_id = insert_record (self, &vigil_person_type, person, error);
    if (twin_id == 0)
      return FALSE;

    duplicate = vigil_person_duplicate_new ();
    duplicate->person_id = twin_id;
    duplicate->other_person_id = self->cases[CASE_AGENCY].person_id;
    duplicate->reason = g_strdup ("same_name_dob");
    duplicate->status = g_strdup ("open");
    if (insert_record (self, &vigil_person_duplicate_type, duplicate, error) == 0)
      return FALSE;
  }

  return TRUE;
}

static gboolean
insert_aliases_and_flags (DemoBuilder  *self,
                          guint         start,
                          guint         end,
                          GError      **error)
{
  static const struct
  {
    guint       case_index;
    const char *alias;
    const char *kind;
  } aliases[] = {
    { CASE_MANAGED_A, "Tango", "nickname" },
    { CASE_MANAGED_A, "Mockeridge, Bravo", "name" },
    { CASE_MANAGED_B, "Sampleton, Kilo Zulu", "name" },
    { CASE_MANAGED_C, "Big Echo", "nickname" },
    { CASE_STALKING, "@synth_watcher_0042", "online_handle" },
    { CASE_STALKING, "@not_a_real_handle", "online_handle" },
    { CASE_MAPPA, "Fixtureford, Victor", "name" },
  };
  gint64 agency_person;

  if (!insert_case_people (self, error))
    return FALSE;
  agency_person = self->cases[CASE_AGENCY].person_id;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      gint64 person_id = self->cases[aliases[i].case_index].person_id;

      if (person_id != 0 &&
          !insert_alias (self, person_id, aliases[i].alias, aliases[i].kind, error))
        return FALSE;
    }

  return insert_flag (self, agency_person, "health",
                      "Partner attended the emergency department twice in six weeks with "
                      "injuries to the neck and arms; gave differing accounts; he stayed in "
                      "the cubicle throughout.",
                      -40, "Safeguarding lead, Synthshire Hospitals (fictional)",
                      "ISA-SYN-HEALTH-2023-07", error) &&
         insert_flag (self, agency_person, "housing",
                      "Neighbours report shouting and a woman crying most weekends; tenancy "
                      "officer saw a damaged front door.",
                      -33, "Tenancy officer, Mockford Homes (fictional)",
                      "ISA-SYN-HOUSING-2022-03", error) &&
         (self->cases[CASE_MANAGED_C].person_id == 0 ||
          insert_flag (self, self->cases[CASE_MANAGED_C].person_id, "mental_health",
                       "Disengaged from the community mental health team after a crisis "
                       "assessment; expressed fixation on a former partner.",
                       -75, "Care coordinator, Synthshire CMHT (fictional)",
                       "ISA-SYN-HEALTH-2023-07", error)) &&
         (self->cases[CASE_UNDER_REVIEW_B].person_id == 0 ||
          insert_flag (self, self->cases[CASE_UNDER_REVIEW_B].person_id, "substance_misuse",
                       "Alcohol use escalating; missed three appointments with the recovery "
                       "service.",
                       -18, "Recovery worker, Examplevale Recovery (fictional)",
                       "ISA-SYN-SUBST-2024-01", error));
}


static gboolean
insert_profile_and_run (DemoBuilder  *self,
                        guint         start,
                        guint         end,
                        GError      **error)
{
  VigilProfile *profile = vigil_profile_new ();
  VigilScoreRun *run = vigil_score_run_new ();
  guint scored = 0;

  {
    g_autoptr(VigilScoringProfile) scoring = vigil_scoring_profile_load_default (error);

    if (scoring == NULL)
      {
        vigil_profile_free (profile);
        vigil_score_run_free (run);
        return FALSE;
      }
    /* named as vigil_refresh_run names a profile, so a later refresh reuses it */
    profile->definition = vigil_scoring_profile_to_json (scoring);
    profile->sha256 = vigil_scoring_profile_get_sha256 (scoring);
    profile->name = g_strdup_printf ("%s@%.12s", scoring->name, profile->sha256);
  }
  self->profile_id = insert_record (self, &vigil_profile_type, profile, error);
  if (self->profile_id == 0)
    {
      vigil_score_run_free (run);
      return FALSE;
    }

  for (guint i = 0; i < self->perpetrators->len; i++)
    if (g_array_index (self->perpetrators, DemoPerpetrator, i).rank > 0)
      scored++;

  run->profile_id = self->profile_id;
  run->as_of = g_strdup (self->as_of_text);
  run->run_by = g_strdup (police_officers[1]);
  run->started_at = dup_datetime (self, -1, 6, 5);
  run->finished_at = dup_datetime (self, -1, 6, 5);
  run->people_scored = scored;
  self->run_id = insert_record (self, &vigil_score_run_type, run, error);
  return self->run_id != 0;
}

static gboolean
insert_scores (DemoBuilder  *self,
               guint         start,
               guint         end,
               GError      **error)
{
  for (guint i = start; i < end; i++)
    {
      DemoPerpetrator *p = &g_array_index (self->perpetrators, DemoPerpetrator, i);
      VigilScore *score;

      if (p->rank == 0)
        continue;

      score = vigil_score_new ();
      score->run_id = self->run_id;
      score->person_id = g_array_index (self->people, DemoPerson, p->person).id;
      score->r = p->r;
      score->f = p->f;
      score->g = p->g;
      score->v = p->v;
      score->total = (double) p->total;
      score->rank = p->rank;
      score->area = g_strdup (p->area);
      score->area_rank = p->area_rank;
      score->latest_incident = g_strdup (p->latest);
      score->in_cohort = p->in_cohort;
      if (insert_record (self, &vigil_score_type, score, error) == 0)
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  guint       case_index;
  const char *kind;
  const char *outcome;
  const char *severity;
  const char *immediacy;
  int         days;            /* before as-of */
  int         mopi_years;      /* 0: no review date */
  const char *rationale;
  const char *proportionality;
} DemoDecision;

static const DemoDecision decisions[] = {
  { CASE_MANAGED_A, "assessment", "High / imminent", "very_high", "imminent", 205, 0,
    "Escalating physical violence against two successive partners, including "
    "non-fatal strangulation; current partner pregnant; recent threats to kill.",
    NULL },
  { CASE_MANAGED_A, "visor", "PDP", NULL, NULL, 200, 10,
    "Meets the potentially dangerous person threshold: serial abuse of intimate partners "
    "with an escalating pattern and no conviction for the most serious incidents.",
    "Recording as a PDP is the minimum needed to share risk across forces; reviewed under "
    "MoPI group 1 (public protection) every 10 years." },
  { CASE_MANAGED_A, "pnc_flag", "Flag added", NULL, NULL, 200, 10,
    "Officers attending any address with him need to know the domestic abuse risk.",
    "A warning marker only; no restriction follows from it." },
  { CASE_MANAGED_A, "panel_adoption", "Adopted", NULL, NULL, 196, 0,
    "Panel agreed adoption: top of the RFGV ranking, two victims in 12 months, "
    "MARAC already involved for the current partner (see other processes).", NULL },
  { CASE_MANAGED_B, "assessment", "High / soon", "high", "soon", 178, 0,
    "Repeat incidents against a former partner and her new partner; breaches of bail "
    "conditions; on licence.", NULL },
  { CASE_MANAGED_B, "panel_adoption", "Adopted", NULL, NULL, 168, 0,
    "Adopted with probation as lead agency because he is on licence.", NULL },
  { CASE_MANAGED_B, "pnd", "PND record updated", NULL, NULL, 165, 6,
    "Partner forces in the region need the recent intelligence.", NULL },
  { CASE_MANAGED_C, "assessment", "High / soon", "high", "soon", 148, 0,
    "Pattern of coercive control with three partners; disengaged from mental health "
    "services (agency flag).", NULL },
  { CASE_MANAGED_C, "local_database", "Recorded on the local perpetrator database", NULL, NULL,
    146, 6, "Not PDP level; the local database lets the team task partners.",
    "Least intrusive record that supports the plan." },
  { CASE_MANAGED_C, "panel_adoption", "Adopted", NULL, NULL, 140, 0,
    "Adopted; Drive case manager allocated.", NULL },
  { CASE_MANAGED_D, "assessment", "Medium / soon", "medium", "soon", 118, 0,
    "Frequent lower-gravity incidents with family members; risk rising.", NULL },
  { CASE_MANAGED_D, "panel_adoption", "Adopted", NULL, NULL, 112, 0,
    "Adopted for a 6-month plan.", NULL },
  { CASE_MAPPA, "override_exclude", "Not adopted: managed at MAPPA", NULL, NULL, 88, 0,
    "High RFGV score, but he is already managed at MAPPA category 2 level 2 with a "
    "police and probation plan; adopting him would duplicate that work (principle 4). "
    "Kept of concern so the team sees any change.",
    "Managing him twice would add intrusion without adding protection." },
  { CASE_UNDER_REVIEW_A, "assessment", "Medium / not imminent", "medium", "not_imminent", 15, 0,
    "Recent rise in score after two incidents in a month; research requested from "
    "partners before panel.", NULL },
  { CASE_SCALING_BACK, "status_change", "Scaling back", NULL, NULL, 45, 0,
    "No incident for seven months, programme completed, victim reports feeling safer; "
    "scale back to monthly checks as the plan's criteria say.", NULL },
  { CASE_EXITED, "exit", "Exited: risk reduced", NULL, NULL, 60, 0,
    "Twelve months without an incident, Drive case closed with goals met, IDVA-rated "
    "risk standard. Exit agreed by the panel.", NULL },
  { CASE_EXITED, "mopi_review", "Retain", NULL, NULL, 60, 6,
    "Policing purpose continues while the victim's safety plan is open; next review "
    "in six years.",
    "Retention reviewed under MoPI; records not needed will be removed." },
  { CASE_STALKING, "assessment", "High / imminent", "high", "imminent", 93, 0,
    "SASH high concern: fixated on a former colleague, daily messages, seen at her home; "
    "referred to the stalking clinic.", NULL },
  { CASE_STALKING, "visor", "PDP", NULL, NULL, 90, 10,
    "Stalking with escalating fixation; PDP so that the risk follows him.",
    "Necessary for the Stalking Protection Order's notification requirements to be "
    "managed." },
  { CASE_JUDGEMENT, "override_include", "Included against the score", "high", "soon", 28, 0,
    "Only one incident, so the score ranks him low, but it was non-fatal strangulation "
    "and the victim says he threatened to kill her if she left. Strangulation is a "
    "known marker of homicide risk: included by professional judgement.",
    "Review at the next panel; exit if the research finds no further concern." },
  { CASE_AGENCY, "assessment", "Medium / soon", "medium", "soon", 22, 0,
    "No police domestic abuse record, but health and housing describe injuries and "
    "controlling behaviour; partner agencies to research before panel.", NULL },
  { CASE_AGENCY, "local_database", "Recorded on the local perpetrator database", NULL, NULL,
    22, 6, "Recorded so partner information can be linked.",
    "No police record exists: recording is limited to the partners' concerns." },
};

static gboolean
insert_cohort (DemoBuilder  *self,
               guint         start,
               guint         end,
               GError      **error)
{
  for (guint c = 0; c < N_CASES; c++)
    {
      VigilCohortEntry *entry;
      const char *status = case_kinds[c].status;

      if (self->cases[c].person_id == 0)
        continue;

      entry = vigil_cohort_entry_new ();
      entry->person_id = self->cases[c].person_id;
      entry->status = g_strdup (status);
      entry->route = g_strdup (case_kinds[c].route);
      entry->lead_agency = g_strdup (case_kinds[c].lead_agency);
      if (case_kinds[c].lead_agency != NULL)
        entry->lead_officer = g_strdup (police_officers[c % G_N_ELEMENTS (police_officers)]);
      entry->area = g_strdup (self->cases[c].area);
      entry->identified_on = dup_date (self, -case_kinds[c].identified_days);
      if (g_str_equal (status, "managed") || g_str_equal (status, "scaling_back") ||
          g_str_equal (status, "exited"))
        entry->adopted_on = dup_date (self, -case_kinds[c].identified_days + 14);
      if (!g_str_equal (status, "exited"))
        entry->next_review_on = dup_date (self, 7 + 7 * (int) (c % 6));
      if (g_str_equal (status, "exited"))
        {
          entry->exited_on = dup_date (self, -60);
          entry->exit_reason = g_strdup ("risk_reduced");
        }
      entry->managing_panel = g_strdup (case_kinds[c].managing_panel);

      switch (c)
        {
        case CASE_STALKING:
          entry->referral_source = g_strdup ("Stalking advocacy service (ISAC), fictional");
          entry->referral_reason = g_strdup ("SASH high concern after a S-DASH screening.");
          break;
        case CASE_AGENCY:
          entry->referral_source = g_strdup ("Synthshire Hospitals safeguarding team "
                                             "(fictional)");
          entry->referral_reason = g_strdup ("Injuries to a partner seen in the emergency "
                                             "department; no police record.");
          break;
        case CASE_JUDGEMENT:
          entry->referral_source = g_strdup (police_officers[0]);
          entry->referral_reason = g_strdup ("Non-fatal strangulation and threats to kill.");
          break;
        default:
          break;
        }

      self->cases[c].entry_id = insert_record (self, &vigil_cohort_entry_type, entry, error);
      if (self->cases[c].entry_id == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    {
      const DemoDecision *d = &decisions[i];
      DemoCase *demo_case = &self->cases[d->case_index];
      VigilDecision *decision;

      if (demo_case->person_id == 0)
        continue;

      decision = vigil_decision_new ();
      decision->person_id = demo_case->person_id;
      decision->cohort_entry_id = demo_case->entry_id;
      decision->kind = g_strdup (d->kind);
      decision->outcome = g_strdup (d->outcome);
      decision->severity = g_strdup (d->severity);
      decision->immediacy = g_strdup (d->immediacy);
      if (g_str_equal (d->kind, "panel_adoption") || g_str_equal (d->kind, "exit"))
        {
          decision->decided_by = g_strdup (panel_chair);
          decision->decided_role = g_strdup ("Panel chair");
        }
      else
        {
          decision->decided_by = g_strdup (senior_decision_maker);
          decision->decided_role = g_strdup (senior_role);
        }
      decision->decided_on = dup_date (self, -d->days);
      decision->rationale = g_strdup (d->rationale);
      decision->proportionality = g_strdup (d->proportionality);
      if (d->mopi_years > 0)
        decision->mopi_review_on = dup_date (self, -d->days + d->mopi_years * 365
                                                   + d->mopi_years / 4);

      if (insert_record (self, &vigil_decision_type, decision, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_process (DemoBuilder  *self,
                guint         case_index,
                const char   *process,
                const char   *status,
                gint64        mappa_category,
                gint64        mappa_level,
                int           started_days,
                int           ended_days,
                const char   *contact,
                const char   *notes,
                GError      **error)
{
  VigilProcessOverlap *overlap;

  if (self->cases[case_index].person_id == 0)
    return TRUE;

  overlap = vigil_process_overlap_new ();
  overlap->person_id = self->cases[case_index].person_id;
  overlap->process = g_strdup (process);
  overlap->status = g_strdup (status);
  overlap->mappa_category = mappa_category;
  overlap->mappa_level = mappa_level;
  overlap->started_on = dup_date (self, -started_days);
  if (ended_days > 0)
    overlap->ended_on = dup_date (self, -ended_days);
  overlap->contact = g_strdup (contact);
  overlap->notes = g_strdup (notes);
  return insert_record (self, &vigil_process_overlap_type, overlap, error) != 0;
}

typedef struct
{
  guint       case_index;
  const char *agency;
  const char *body;
  const char *provided_by;
  const char *isa_reference;
  int         days;            /* before as-of */
  gboolean    panel_visible;
} DemoSection;

static const DemoSection sections[] = {
  { CASE_MANAGED_A, "police",
    "Eleven domestic abuse incidents in three years against two partners; two arrests, "
    "one charge withdrawn. Current partner supported by the IDVA.",
    "DC Foxtrot Testwell", "ISA-SYN-MATAC-2023-01", 10, TRUE },
  { CASE_MANAGED_A, "probation",
    "Not currently supervised. Previous community order (2021) completed with poor "
    "engagement.", "Probation officer Golf Stubsson", "ISA-SYN-MATAC-2023-01", 12, TRUE },
  { CASE_MANAGED_A, "housing",
    "Joint tenancy with the current partner; anti-social behaviour warning for noise.",
    "Tenancy officer Romeo Mockley", "ISA-SYN-MATAC-2023-01", 420, TRUE },
  { CASE_MANAGED_A, "childrens_social_care",
    "Child in need plan for the partner's two children; social worker aware of the "
    "panel.", "Social worker Uniform Fakeby", "ISA-SYN-MATAC-2023-01", 9, TRUE },
  { CASE_MANAGED_A, "mental_health",
    "Known to primary care for anxiety; details held by the GP practice and not shared "
    "with the panel room.", "Mental health liaison Papa Dummyton",
    "ISA-SYN-HEALTH-2023-07", 11, FALSE },
  { CASE_MANAGED_A, "substance_misuse",
    "Alcohol: attended two of six appointments.", "Recovery worker Zulu Trialwood",
    "ISA-SYN-SUBST-2024-01", 14, TRUE },
  { CASE_MANAGED_A, "idva",
    "Victim engaged, safety plan in place, wants the programme to go ahead.",
    "IDVA Alfa Sampleford", "ISA-SYN-MATAC-2023-01", 8, TRUE },
  { CASE_MANAGED_A, "perpetrator_programme",
    "Assessed as suitable for the behaviour change programme; start date agreed.",
    "Programme facilitator Kilo Mockbury", "ISA-SYN-MATAC-2023-01", 20, TRUE },
  { CASE_MANAGED_B, "police",
    "Repeat incidents against a former partner; on licence until next year.",
    "PS Lima Mockridge", "ISA-SYN-MATAC-2023-01", 30, TRUE },
  { CASE_MANAGED_B, "probation",
    "On licence; licence conditions include no contact with the former partner. One "
    "warning letter issued.", "Probation officer Golf Stubsson", "ISA-SYN-MATAC-2023-01",
    25, TRUE },
  { CASE_MANAGED_B, "idva",
    "Former partner supported; reports he drives past her address.", "IDVA Alfa Sampleford",
    "ISA-SYN-MATAC-2023-01", 21, TRUE },
  { CASE_MANAGED_C, "police", "Coercive control with three successive partners.",
    "DC Echo Samplefield", "ISA-SYN-MATAC-2023-01", 40, TRUE },
  { CASE_MANAGED_C, "perpetrator_programme",
    "Drive case manager allocated; first meeting held.", "Drive case manager Yankee Testholme",
    "ISA-SYN-MATAC-2023-01", 35, TRUE },
  { CASE_MANAGED_D, "police", "Frequent incidents with his mother and brother.",
    "PC Hotel Stubington", "ISA-SYN-MATAC-2023-01", 50, TRUE },
  { CASE_STALKING, "police",
    "Former colleague receives daily messages from new accounts; seen outside her home "
    "four times.", "DC Foxtrot Testwell", "ISA-SYN-MASIP-2022-02", 60, TRUE },
  { CASE_STALKING, "isac", "ISAC supporting the victim; alarm fitted.", "ISAC India Fauxwick",
    "ISA-SYN-MASIP-2022-02", 55, TRUE },
  { CASE_STALKING, "mental_health",
    "Stalking clinic assessment: rejected type; treatment offered.",
    "Clinical psychologist Whiskey Specimenley", "ISA-SYN-MASIP-2022-02", 45, FALSE },
  { CASE_SCALING_BACK, "perpetrator_programme", "Completed the programme.",
    "Programme facilitator Kilo Mockbury", "ISA-SYN-MATAC-2023-01", 70, TRUE },
};

static gboolean
insert_casework (DemoBuilder  *self,
                 guint         start,
                 guint         end,
                 GError      **error)
{
  if (!insert_process (self, CASE_MANAGED_A, "marac", "active", 0, 0, 60, 0,
                       "MARAC coordinator, North Synthshire (fictional)",
                       "Current partner heard at MARAC; actions shared with the panel.",
                       error) ||
      !insert_process (self, CASE_MAPPA, "mappa", "active", 2, 2, 300, 0,
                       "MAPPA coordinator, Synthshire (fictional)",
                       "Category 2, level 2: multi-agency risk management meetings.", error) ||
      !insert_process (self, CASE_MANAGED_B, "iom", "active", 0, 0, 400, 0,
                       "IOM team, South Synthshire (fictional)", NULL, error) ||
      !insert_process (self, CASE_MANAGED_B, "probation", "active", 0, 0, 400, 0,
                       "Probation officer Golf Stubsson", "On licence.", error) ||
      !insert_process (self, CASE_MANAGED_C, "drive", "active", 0, 0, 130, 0,
                       "Drive case manager Yankee Testholme", NULL, error) ||
      !insert_process (self, CASE_STALKING, "masip", "active", 0, 0, 90, 0,
                       "MASIP coordinator (fictional)", NULL, error) ||
      !insert_process (self, CASE_SCALING_BACK, "childrens_social_care", "closed", 0, 0,
                       500, 120, "Social worker Uniform Fakeby",
                       "Child protection plan closed.", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      const DemoSection *s = &sections[i];
      VigilAgencySection *section;

      if (self->cases[s->case_index].person_id == 0)
        continue;

      section = vigil_agency_section_new ();
      section->person_id = self->cases[s->case_index].person_id;
      section->agency = g_strdup (s->agency);
      section->body = g_strdup (s->body);
      section->provided_by = g_strdup (s->provided_by);
      section->isa_reference = g_strdup (s->isa_reference);
      section->provided_on = dup_date (self, -s->days);
      section->panel_visible = s->panel_visible;
      if (insert_record (self, &vigil_agency_section_type, section, error) == 0)
        return FALSE;
    }

  /* Victim links for every case with incidents */
  for (guint c = 0; c < N_CASES; c++)
    {
      DemoPerpetrator *p = get_case_perpetrator (self, c);
      const VigilSynthPerson *perpetrator = get_case_person (self, c);
      g_autoptr(GHashTable) seen = NULL;
      guint n_links = 0;

      if (p == NULL)
        continue;

      seen = g_hash_table_new (NULL, NULL);
      for (guint i = self->incidents->len; i > 0; i--)
        {
          const VigilSynthIncident *incident = &g_array_index (self->incidents,
                                                               VigilSynthIncident, i - 1);
          VigilVictimLink *link;
          gboolean first;

          if (incident->perpetrator.number != perpetrator->number ||
              g_hash_table_contains (seen, GUINT_TO_POINTER (incident->victim.number)))
            continue;

          g_hash_table_add (seen, GUINT_TO_POINTER (incident->victim.number));
          first = n_links++ == 0;

          link = vigil_victim_link_new ();
          link->perpetrator_id = self->cases[c].person_id;
          link->victim_id = get_person (self, incident->victim.number)->id;
          link->relationship = g_strdup (incident->relationship);
          if (c == CASE_STALKING)
            {
              link->advocate = g_strdup ("isac");
              link->advocate_name = g_strdup ("ISAC India Fauxwick");
            }
          else if (first && c != CASE_CANDIDATE_C)
            {
              link->advocate = g_strdup ("idva");
              link->advocate_name = g_strdup ("IDVA Alfa Sampleford");
            }
          else
            link->advocate = g_strdup ("none");
          link->safety_plan = first;
          if (first)
            link->safety_plan_on = dup_date (self, -(int) (30 + 10 * c));
          link->consent_to_share = first || (c % 2) == 0;
          if (first)
            link->notes = g_strdup ("Most recent victim: contact through the advocate only.");

          if (first)
            self->cases[c].first_victim_id = link->victim_id;
          if (insert_record (self, &vigil_victim_link_type, link, error) == 0)
            return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  guint       case_index;
  const char *option_code;
  const char *owner_agency;
  const char *owner_person;
  int         started_days;    /* before as-of */
  int         due_days;        /* after as-of (negative: before) */
  const char *status;
  const char *outcome;
  int         expires_days;    /* order expiry after as-of, 0: not an order */
  const char *conditions;
  const char *notification_requirements;
  gint64      breaches;
} DemoIntervention;

static const DemoIntervention interventions[] = {
  { CASE_MANAGED_A, "dvds_right_to_know", "police", "DC Foxtrot Testwell", 190, -170,
    "completed", "Disclosure made to the current partner with the IDVA present.", 0, NULL,
    NULL, 0 },
  { CASE_MANAGED_A, "dapo", "police", "DC Foxtrot Testwell", 120, -100, "in_progress",
    "Order granted; electronic monitoring for 6 months.", 245,
    "No contact with the partner; exclusion zone around her street; attend the "
    "behaviour change programme.",
    "Notify name and address, and any change, within 3 days.", 1 },
  { CASE_MANAGED_A, "respect_programme", "perpetrator_programme", "Kilo Mockbury", 20, 160,
    "agreed", NULL, 0, NULL, NULL, 0 },
  { CASE_MANAGED_A, "idva_support", "idva", "Alfa Sampleford", 200, 30, "in_progress",
    "Weekly contact; safety plan reviewed monthly.", 0, NULL, NULL, 0 },
  { CASE_MANAGED_A, "target_hardening", "housing", "Romeo Mockley", 110, -95, "completed",
    "Locks changed, door reinforced, alarm fitted.", 0, NULL, NULL, 0 },
  { CASE_MANAGED_B, "drive_case_management", "perpetrator_programme", "Yankee Testholme", 160,
    120, "in_progress", "Engaging; housing and employment goals set.", 0, NULL, NULL, 0 },
  { CASE_MANAGED_B, "idva_support", "idva", "Alfa Sampleford", 165, 30, "in_progress", NULL,
    0, NULL, NULL, 0 },
  { CASE_MANAGED_B, "dvds_right_to_know", "police", "PS Lima Mockridge", 10, 14, "proposed",
    NULL, 0, NULL, NULL, 0 },
  { CASE_MANAGED_C, "drive_case_management", "perpetrator_programme", "Yankee Testholme", 130,
    180, "in_progress", NULL, 0, NULL, NULL, 0 },
  { CASE_MANAGED_C, "respect_programme", "perpetrator_programme", "Kilo Mockbury", 120, -30,
    "not_progressed", "Declined to take part; the panel moved to disruption.", 0, NULL,
    NULL, 0 },
  { CASE_MANAGED_D, "target_hardening", "housing", "Romeo Mockley", 100, -80, "completed",
    NULL, 0, NULL, NULL, 0 },
  { CASE_MANAGED_D, "dapo", "police", "PC Hotel Stubington", 90, -60, "breached",
    "Breached twice; arrested for the second breach.", 275,
    "No contact with his mother except through a solicitor.",
    "Notify name and address within 3 days.", 2 },
  { CASE_STALKING, "spo", "police", "DC Foxtrot Testwell", 80, -50, "in_progress",
    "Interim order, then a full order for two years.", 650,
    "No contact by any means; not to enter the victim's street; attend the stalking "
    "clinic.", "Notify name, address and online accounts within 3 days.", 0 },
  { CASE_STALKING, "target_hardening", "isac", "India Fauxwick", 85, -70, "completed",
    "Alarm and doorbell camera fitted.", 0, NULL, NULL, 0 },
  { CASE_SCALING_BACK, "respect_programme", "perpetrator_programme", "Kilo Mockbury", 380,
    -100, "completed", "Completed all sessions.", 0, NULL, NULL, 0 },
  { CASE_SCALING_BACK, "idva_support", "idva", "Alfa Sampleford", 390, -40, "completed",
    "Victim no longer wants support.", 0, NULL, NULL, 0 },
  { CASE_EXITED, "drive_case_management", "perpetrator_programme", "Yankee Testholme", 500,
    -70, "completed", "Goals met; case closed.", 0, NULL, NULL, 0 },
  { CASE_EXITED, "dvds_right_to_know", "police", "PC Hotel Stubington", 480, -460,
    "completed", "Disclosure made to a new partner.", 0, NULL, NULL, 0 },
};

static gboolean
insert_plans (DemoBuilder  *self,
              guint         start,
              guint         end,
              GError      **error)
{
  static const guint planned[] = {
    CASE_MANAGED_A, CASE_MANAGED_B, CASE_MANAGED_C, CASE_MANAGED_D, CASE_STALKING,
    CASE_SCALING_BACK, CASE_EXITED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    {
      guint c = planned[i];
      VigilPlan *plan;

      if (self->cases[c].person_id == 0)
        continue;

      plan = vigil_plan_new ();
      plan->person_id = self->cases[c].person_id;
      plan->objectives = g_strdup (c == CASE_STALKING
                                   ? "Stop all contact with the victim; engage with the "
                                     "stalking clinic; keep the victim and her family safe."
                                   : "No further abuse of the current or former partners; "
                                     "engage with a behaviour change programme; keep the "
                                     "children safe.");
      plan->exit_strategy = g_strdup ("Exit when there has been no incident for 12 months, "
                                      "the programme is complete and the advocate rates the "
                                      "risk as standard.");
      plan->scale_back_criteria = g_strdup ("No incident for 6 months and engaging with the "
                                            "plan: monthly checks instead of weekly.");
      plan->review_on = dup_date (self, c == CASE_EXITED ? -60 : 28);
      plan->agreed_on = dup_date (self, -case_kinds[c].identified_days + 14);
      self->cases[c].plan_id = insert_record (self, &vigil_plan_type, plan, error);
      if (self->cases[c].plan_id == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (interventions); i++)
    {
      const DemoIntervention *d = &interventions[i];
      VigilIntervention *intervention;

      if (self->cases[d->case_index].plan_id == 0)
        continue;

      intervention = vigil_intervention_new ();
      intervention->plan_id = self->cases[d->case_index].plan_id;
      intervention->option_code = g_strdup (d->option_code);
      intervention->owner_agency = g_strdup (d->owner_agency);
      intervention->owner_person = g_strdup (d->owner_person);
      intervention->started_on = dup_date (self, -d->started_days);
      intervention->due_on = dup_date (self, d->due_days);
      intervention->status = g_strdup (d->status);
      intervention->outcome = g_strdup (d->outcome);
      if (d->expires_days != 0)
        intervention->order_expires_on = dup_date (self, d->expires_days);
      intervention->conditions = g_strdup (d->conditions);
      intervention->notification_requirements = g_strdup (d->notification_requirements);
      intervention->breaches = d->breaches;
      if (insert_record (self, &vigil_intervention_type, intervention, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gint64
insert_meeting (DemoBuilder  *self,
                int           days,
                const char   *status,
                GError      **error)
{
  VigilPanelMeeting *meeting = vigil_panel_meeting_new ();

  meeting->title = g_strdup_printf ("%s MATAC panel", vigil_synth_get_areas ()[0]);
  meeting->area = g_strdup (vigil_synth_get_areas ()[0]);
  meeting->meets_at = dup_datetime (self, days, 10, 0);
  meeting->location = g_strdup ("Conference room 2, Synthshire Police HQ (fictional)");
  meeting->chair = g_strdup (panel_chair);
  meeting->status = g_strdup (status);
  meeting->protective_marking = g_strdup ("OFFICIAL-SENSITIVE");
  return insert_record (self, &vigil_panel_meeting_type, meeting, error);
}

static const struct
{
  const char *agency;
  const char *name;
  const char *role;
  gboolean    present;
} attendees[] = {
  { "police", "DCI Juliett Examplesson", "Chair", TRUE },
  { "police", "DC Foxtrot Testwell", "MATAC coordinator", TRUE },
  { "probation", "Golf Stubsson", "Senior probation officer", TRUE },
  { "housing", "Romeo Mockley", "Tenancy enforcement", TRUE },
  { "childrens_social_care", "Uniform Fakeby", "Team manager", TRUE },
  { "mental_health", "Papa Dummyton", "Mental health liaison", FALSE },
  { "substance_misuse", "Zulu Trialwood", "Recovery service lead", TRUE },
  { "perpetrator_programme", "Kilo Mockbury", "Programme manager", TRUE },
  { "idva", "Alfa Sampleford", "IDVA service manager", TRUE },
  { "isac", "India Fauxwick", "ISAC", FALSE },
};

typedef struct
{
  guint       case_index;
  const char *reason;
  const char *minutes;
  const char *decisions;
} DemoAgendaItem;

static const DemoAgendaItem held_agenda[] = {
  { CASE_UNDER_REVIEW_A, "new_adoption",
    "Coordinator presented the subject profile; partners shared research. Two incidents "
    "in a month, victim engaged with the IDVA.",
    "Adopt at the next panel if the housing research confirms the address." },
  { CASE_MANAGED_A, "review_due",
    "DAPO in place, one breach dealt with by arrest. Programme start agreed. Victim feels "
    "safer (IDVA).", "Continue the plan; review in 4 weeks." },
  { CASE_CANDIDATE_A, "riser", "Score rose sharply after a recent incident.",
    "Research by all agencies before the next panel." },
  { CASE_SCALING_BACK, "review_due", "Seven months without an incident; programme done.",
    "Scale back to monthly checks." },
  { CASE_EXITED, "exit", "Twelve months without an incident; Drive goals met.",
    "Exit agreed; MoPI review recorded." },
  { CASE_JUDGEMENT, "other", "Included by professional judgement after strangulation.",
    "Research and a DVDS right-to-know application." },
};

static const struct
{
  guint       agenda_item;     /* index into held_agenda */
  const char *description;
  const char *owner_agency;
  const char *owner_name;
  int         due_days;
  const char *status;
  int         completed_days;  /* before as-of, 0: not done */
} actions[] = {
  { 0, "Confirm the current address and tenancy.", "housing", "Romeo Mockley", 7, "open", 0 },
  { 0, "Share the subject profile with probation.", "police", "DC Foxtrot Testwell", -3,
    "done", 4 },
  { 1, "Arrange the programme start and tell the IDVA.", "perpetrator_programme",
    "Kilo Mockbury", 10, "open", 0 },
  { 2, "Research the new partner's children's social care history.",
    "childrens_social_care", "Uniform Fakeby", -1, "open", 0 },
  { 3, "Move to monthly welfare checks.", "police", "PC Hotel Stubington", -5, "done", 5 },
  { 5, "Apply for a DVDS right-to-know disclosure.", "police", "DC Echo Samplefield", 5,
    "open", 0 },
  { 5, "Request a mental health assessment.", "mental_health", "Papa Dummyton", 14,
    "cancelled", 0 },
};

static gboolean
insert_panel (DemoBuilder  *self,
              guint         start,
              guint         end,
              GError      **error)
{
  gint64 agenda_ids[G_N_ELEMENTS (held_agenda)] = { 0 };
  static const guint next_agenda[] = { CASE_CANDIDATE_A, CASE_CANDIDATE_B, CASE_AGENCY,
                                       CASE_MANAGED_B, CASE_STALKING };

  self->meeting_id = insert_meeting (self, -7, "held", error);
  if (self->meeting_id == 0)
    return FALSE;
  self->next_meeting_id = insert_meeting (self, 21, "scheduled", error);
  if (self->next_meeting_id == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (attendees); i++)
    {
      VigilAttendance *attendance = vigil_attendance_new ();

      attendance->meeting_id = self->meeting_id;
      attendance->agency = g_strdup (attendees[i].agency);
      attendance->name = g_strdup (attendees[i].name);
      attendance->role = g_strdup (attendees[i].role);
      attendance->present = attendees[i].present;
      if (insert_record (self, &vigil_attendance_type, attendance, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (held_agenda); i++)
    {
      VigilAgendaItem *item;

      if (self->cases[held_agenda[i].case_index].person_id == 0)
        continue;

      item = vigil_agenda_item_new ();
      item->meeting_id = self->meeting_id;
      item->person_id = self->cases[held_agenda[i].case_index].person_id;
      item->sort_order = i + 1;
      item->reason = g_strdup (held_agenda[i].reason);
      item->minutes = g_strdup (held_agenda[i].minutes);
      item->decisions = g_strdup (held_agenda[i].decisions);
      agenda_ids[i] = insert_record (self, &vigil_agenda_item_type, item, error);
      if (agenda_ids[i] == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (next_agenda); i++)
    {
      VigilAgendaItem *item;

      if (self->cases[next_agenda[i]].person_id == 0)
        continue;

      item = vigil_agenda_item_new ();
      item->meeting_id = self->next_meeting_id;
      item->person_id = self->cases[next_agenda[i]].person_id;
      item->sort_order = i + 1;
      item->reason = g_strdup (next_agenda[i] == CASE_MANAGED_B ? "review_due"
                                                                : "new_adoption");
      if (insert_record (self, &vigil_agenda_item_type, item, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      guint item = actions[i].agenda_item;
      VigilAction *action;

      if (agenda_ids[item] == 0)
        continue;

      action = vigil_action_new ();
      action->meeting_id = self->meeting_id;
      action->agenda_item_id = agenda_ids[item];
      action->person_id = self->cases[held_agenda[item].case_index].person_id;
      action->description = g_strdup (actions[i].description);
      action->owner_agency = g_strdup (actions[i].owner_agency);
      action->owner_name = g_strdup (actions[i].owner_name);
      action->due_on = dup_date (self, actions[i].due_days);
      action->status = g_strdup (actions[i].status);
      if (actions[i].completed_days > 0)
        action->completed_on = dup_date (self, -actions[i].completed_days);
      if (insert_record (self, &vigil_action_type, action, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_outcomes (DemoBuilder  *self,
                 guint         start,
                 guint         end,
                 GError      **error)
{
  static const struct
  {
    guint        case_index;
    const char  *source;
    const char  *measure;
    gint64       ratings[4];
  } series[] = {
    { CASE_MANAGED_A, "victim_reported", "feels_safe", { 1, 2, 2, 4 } },
    { CASE_MANAGED_A, "idva_rated", "risk_level", { 1, 1, 2, 3 } },
    { CASE_MANAGED_B, "victim_reported", "abuse_frequency", { 2, 2, 3, 3 } },
    { CASE_MANAGED_D, "idva_rated", "risk_level", { 3, 2, 2, 1 } },
    { CASE_STALKING, "victim_reported", "feels_safe", { 1, 1, 3, 4 } },
    { CASE_SCALING_BACK, "victim_reported", "wellbeing", { 2, 3, 4, 4 } },
    { CASE_EXITED, "idva_rated", "risk_level", { 2, 3, 4, 5 } },
  };
  static const int days[4] = { 150, 100, 50, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    {
      DemoCase *demo_case = &self->cases[series[i].case_index];

      if (demo_case->person_id == 0)
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (days); j++)
        {
          VigilOutcomeObservation *observation = vigil_outcome_observation_new ();

          observation->person_id = demo_case->person_id;
          observation->victim_id = demo_case->first_victim_id;
          observation->observed_on = dup_date (self, -days[j]);
          observation->source = g_strdup (series[i].source);
          observation->measure = g_strdup (series[i].measure);
          observation->rating = series[i].ratings[j];
          if (j == G_N_ELEMENTS (days) - 1)
            observation->note = g_strdup (series[i].ratings[j] >= series[i].ratings[0]
                                          ? "Improving since the plan started."
                                          : "Worse since the order was breached.");
          if (insert_record (self, &vigil_outcome_observation_type, observation, error) == 0)
            return FALSE;
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------------------ */

static gboolean
parse_as_of (const char  *as_of,
             GDate       *date,
             GError     **error)
{
  guint year, month, day;

  g_date_clear (date, 1);

  if (as_of == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (date, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      return TRUE;
    }

  if (!vigil_date_is_valid (as_of) ||
      sscanf (as_of, "%4u-%2u-%2u", &year, &month, &day) != 3 || year < 1900)
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID,
                   _("“%s” is not a date: write the as-of date as YYYY-MM-DD."), as_of);
      return FALSE;
    }

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * vigil_demo_fill:
 * @store: an empty store
 * @seed: the seed of the synthetic incidents
 * @as_of: (nullable): the demo's "today", "YYYY-MM-DD"
 *
 * Returns: %TRUE when @store holds the demo
 */
gboolean
vigil_demo_fill (VigilStore    *store,
                 guint64        seed,
                 const char    *as_of,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(DemoBuilder) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = g_new0 (DemoBuilder, 1);
  self->store = store;
  self->cancellable = cancellable;
  if (!parse_as_of (as_of, &self->as_of, error))
    return FALSE;
  g_snprintf (self->as_of_text, sizeof self->as_of_text, "%04u-%02u-%02u",
              g_date_get_year (&self->as_of), g_date_get_month (&self->as_of),
              g_date_get_day (&self->as_of));

  if (!vigil_store_is_empty (store, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_KIND_MISMATCH,
                     _("This database already holds records. The demo only fills an empty "
                       "database, so that real and demo data never mix."));
      return FALSE;
    }

  self->incidents = g_array_sized_new (FALSE, FALSE, sizeof (VigilSynthIncident),
                                       VIGIL_DEMO_INCIDENTS);
  self->people = g_array_new (FALSE, FALSE, sizeof (DemoPerson));
  self->person_index = g_hash_table_new (NULL, NULL);
  self->perpetrators = g_array_new (FALSE, TRUE, sizeof (DemoPerpetrator));
  self->csv = g_string_new (VIGIL_SYNTH_CSV_HEADER "\n");
  self->now = vigil_store_now ();

  if (!vigil_synth_generate (VIGIL_DEMO_INCIDENTS, seed, self->as_of_text,
                             collect_incident_cb, self, cancellable, error))
    return FALSE;

  if (!score_perpetrators (self, error))
    return FALSE;
  choose_cases (self);

  if (!vigil_store_mark_demo (store, error))
    return FALSE;

  return run_stage (self, insert_batch, 1, 1, error) &&
         run_stage (self, insert_people, self->people->len, CHUNK_SIZE, error) &&
         run_stage (self, insert_incidents, self->incidents->len, CHUNK_SIZE, error) &&
         run_stage (self, insert_rejections, 1, 1, error) &&
         run_stage (self, insert_aliases_and_flags, 1, 1, error) &&
         run_stage (self, insert_profile_and_run, 1, 1, error) &&
         run_stage (self, insert_scores, self->perpetrators->len, 2 * CHUNK_SIZE, error) &&
         run_stage (self, insert_cohort, 1, 1, error) &&
         run_stage (self, insert_casework, 1, 1, error) &&
         run_stage (self, insert_plans, 1, 1, error) &&
         run_stage (self, insert_panel, 1, 1, error) &&
         run_stage (self, insert_outcomes, 1, 1, error) &&
         /* last: a demo interrupted half way is known as such and made again */
         vigil_store_set_meta (store, "demo_complete", "1", error);
}

static void
remove_sqlite_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

/**
 * vigil_demo_open:
 * @location: where the demo lives, usually vigil_location_get_demo ()
 *
 * Returns: (transfer full): the demo store, or %NULL with @error set
 */
VigilStore *
vigil_demo_open (const VigilLocation  *location,
                 GCancellable         *cancellable,
                 GError              **error)
{
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean existed = TRUE;
  gboolean empty;

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (location->engine == VIGIL_ENGINE_SQLITE)
    existed = g_file_test (location->path, G_FILE_TEST_EXISTS);

  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, cancellable, error);
  if (store == NULL)
    return NULL;

  empty = vigil_store_is_empty (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!empty && vigil_store_get_kind (store) == VIGIL_STORE_KIND_DEMO &&
      location->engine == VIGIL_ENGINE_SQLITE)
    {
      g_autofree char *complete = NULL;

      if (!vigil_store_get_meta (store, "demo_complete", &complete, error))
        return NULL;

      if (complete != NULL)
        return g_steal_pointer (&store);

      /* filling was interrupted (the program was stopped): the file holds nothing but
       * part of the demo, so make it again */
      g_debug ("The demo at %s is incomplete; making it again", location->path);
      vigil_store_close (store);
      g_clear_object (&store);
      remove_sqlite_files (location->path);
      existed = FALSE;
      store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, cancellable, error);
      if (store == NULL)
        return NULL;
      empty = TRUE;
    }

  if (!empty)
    {
      if (vigil_store_get_kind (store) == VIGIL_STORE_KIND_DEMO)
        return g_steal_pointer (&store);

      {
        g_autofree char *where = vigil_location_to_display_string (location);

        g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_KIND_MISMATCH,
                     _("%s holds real records, not the demo. Open the demo from its own "
                       "file: real and demo data never mix."), where);
      }
      return NULL;
    }

  if (!vigil_demo_fill (store, VIGIL_DEMO_DEFAULT_SEED, NULL, cancellable, error))
    {
      vigil_store_close (store);
      if (!existed)
        remove_sqlite_files (location->path);
      return NULL;
    }

  return g_steal_pointer (&store);
}

static void
open_demo_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  const VigilLocation *location = task_data;
  GError *error = NULL;
  VigilStore *store;

  store = vigil_demo_open (location, cancellable, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
vigil_demo_open_async (const VigilLocation  *location,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (location != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_demo_open_async);
  g_task_set_task_data (task, vigil_location_copy (location),
                        (GDestroyNotify) vigil_location_free);
  g_task_run_in_thread (task, open_demo_thread);
}

VigilStore *
vigil_demo_open_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vigil_demo_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
