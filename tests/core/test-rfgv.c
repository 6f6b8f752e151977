/* test-rfgv.c: the RFGV engine on hand-computed cases: every band edge, the window
 * edges and leap days, relationships, unknown offences, each tie-break, area ranks,
 * weights, the cohort rule, explanations, movers, and loading from a real store
 * (SQLite, and PostgreSQL with VIGIL_TEST_ENGINE=postgresql)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "vigil-core.h"
#include "vigil-rfgv.h"
#include "vigil-scoring-profile.h"
#include "vigil-test-store.h"

#define AS_OF "2025-06-30"

/* ------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------ */

static GDate
make_date (const char *text)
{
  GDate date;
  int year, month, day;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  g_assert_true (g_date_valid (&date));
  return date;
}

/* The date @days before @as_of, "YYYY-MM-DD" (static storage, a few in rotation). */
static const char *
days_before (const char *as_of,
             int         days)
{
  static char buffers[8][16];
  static guint next;
  char *buffer = buffers[next++ % G_N_ELEMENTS (buffers)];
  GDate date = make_date (as_of);

  if (days >= 0)
    g_date_subtract_days (&date, days);
  else
    g_date_add_days (&date, -days);
  g_date_strftime (buffer, 16, "%Y-%m-%d", &date);
  return buffer;
}

static void
add_full (VigilFactSetBuilder *builder,
          const char          *person,
          const char          *occurred_at,
          const char          *victim,
          const char          *relationship,
          const char          *offence,
          const char          *area,
          const char          *incident_ref)
{
  g_autoptr(GError) error = NULL;
  VigilFactInput input = {
    .person_ref = person,
    .occurred_at = occurred_at,
    .victim_ref = victim,
    .relationship = relationship,
    .offence_code = offence,
    .area = area,
    .incident_ref = incident_ref,
  };

  g_assert_true (vigil_fact_set_builder_add (builder, &input, &error));
  g_assert_no_error (error);
}

/* An intimate-partner incident. */
static void
add (VigilFactSetBuilder *builder,
     const char          *person,
     const char          *occurred_at,
     const char          *victim,
     const char          *offence,
     const char          *area)
{
  add_full (builder, person, occurred_at, victim, "intimate_partner", offence, area, NULL);
}

static VigilFactSet *
end_builder (VigilFactSetBuilder *builder)
{
  g_autoptr(GError) error = NULL;
  VigilFactSet *facts = vigil_fact_set_builder_end (builder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (facts);
  return facts;
}

static VigilScoringProfile *
default_profile (void)
{
  g_autoptr(GError) error = NULL;
  VigilScoringProfile *profile = vigil_scoring_profile_load_default (&error);

  g_assert_no_error (error);
  return profile;
}

static VigilScoreTable *
score (const VigilFactSet        *facts,
       const VigilScoringProfile *profile,
       const char                *as_of)
{
  g_autoptr(GError) error = NULL;
  GDate date = make_date (as_of);
  VigilScoreTable *table = vigil_rfgv_score (facts, profile, &date, &error);
  const VigilScoreRow *rows;
  guint n_rows;

  g_assert_no_error (error);
  g_assert_nonnull (table);

  /* ranks are 1 … n, in order, and every row is findable */
  rows = vigil_score_table_get_rows (table, &n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      g_assert_cmpint (rows[i].rank, ==, i + 1);
      g_assert_true (vigil_score_table_get_person_row (table, rows[i].person) == &rows[i]);
      g_assert_true (vigil_score_table_find_person (table, rows[i].person_id) == &rows[i]);
    }
  return table;
}

static const VigilScoreRow *
row_of (const VigilScoreTable *table,
        const char            *ref)
{
  VigilFactSet *facts = vigil_score_table_get_fact_set (table);
  int person = vigil_fact_set_find_person_by_ref (facts, ref);

  if (person < 0)
    g_error ("no person %s in the facts", ref);
  return vigil_score_table_get_person_row (table, person);
}

static const char *
ref_at (const VigilScoreTable *table,
        guint                  rank)
{
  const VigilScoreRow *rows;
  guint n_rows;

  rows = vigil_score_table_get_rows (table, &n_rows);
  g_assert_cmpuint (rank, >=, 1);
  g_assert_cmpuint (rank, <=, n_rows);
  return vigil_score_table_get_person_ref (table, &rows[rank - 1]);
}

static void
assert_points (const VigilScoreRow *row,
               int                  r,
               int                  f,
               int                  g,
               int                  v)
{
  g_assert_nonnull (row);
  g_assert_cmpint (row->points[VIGIL_RFGV_RECENCY], ==, r);
  g_assert_cmpint (row->points[VIGIL_RFGV_FREQUENCY], ==, f);
  g_assert_cmpint (row->points[VIGIL_RFGV_GRAVITY], ==, g);
  g_assert_cmpint (row->points[VIGIL_RFGV_VICTIMS], ==, v);
  g_assert_cmpfloat (row->total, ==, r + f + g + v);
}

/* ------------------------------------------------------------------------------------
 * Dates
 * ------------------------------------------------------------------------------------ */

static void
test_parse_day (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 1600);
  for (int i = 0; i < 8000; i++, g_date_add_days (&date, 37))
    {
      char text[32];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
      g_assert_cmpint (vigil_rfgv_parse_day (text), ==, g_date_get_julian (&date));
    }

  g_assert_cmpint (vigil_rfgv_parse_day ("2024-02-29T23:59:59Z"), ==, vigil_rfgv_parse_day ("2024-02-29"));
  g_assert_cmpint (vigil_rfgv_parse_day ("2024-03-01 00:00"), ==, vigil_rfgv_parse_day ("2024-02-29") + 1);
  g_assert_cmpint (vigil_rfgv_parse_day ("0001-01-01"), ==, 1);
  g_assert_cmpint (vigil_rfgv_parse_day ("2023-02-29"), ==, 0);
  g_assert_cmpint (vigil_rfgv_parse_day ("1900-02-29"), ==, 0);
  g_assert_cmpint (vigil_rfgv_parse_day ("2000-02-29"), !=, 0);
  g_assert_cmpint (vigil_rfgv_parse_day ("2024-13-01"), ==, 0);
  g_assert_cmpint (vigil_rfgv_parse_day ("2024-00-10"), ==, 0);
  g_assert_cmpint (vigil_rfgv_parse_day ("2024-04-31"), ==, 0);
  g_assert_cmpint (vigil_rfgv_parse_day ("2024-1-01"), ==, 0);
  g_assert_cmpint (vigil_rfgv_parse_day ("abcd-01-01"), ==, 0);
  g_assert_cmpint (vigil_rfgv_parse_day ("0000-01-01"), ==, 0);
  g_assert_cmpint (vigil_rfgv_parse_day (""), ==, 0);
  g_assert_cmpint (vigil_rfgv_parse_day (NULL), ==, 0);
}

/* ------------------------------------------------------------------------------------
 * Band edges
 * ------------------------------------------------------------------------------------ */

static void
test_recency_edges (void)
{
  static const struct { int days; int points; } cases[] = {
    { 0, 5 }, { 1, 5 }, { 90, 5 }, { 91, 4 }, { 180, 4 }, { 181, 3 }, { 365, 3 },
    { 366, 2 }, { 730, 2 }, { 731, 1 }, { 1095, 1 },
  };
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  g_autoptr(VigilScoringProfile) long_window = default_profile ();
  VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilScoreTable) table = NULL;
  g_autoptr(VigilScoreTable) long_table = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *person = g_strdup_printf ("R%04d", cases[i].days);

      add (builder, person, days_before (AS_OF, cases[i].days), person, "non_crime_incident", NULL);
    }
  add (builder, "R1096", days_before (AS_OF, 1096), "R1096", "non_crime_incident", NULL);
  add (builder, "R1500", days_before (AS_OF, 1500), "R1500", "non_crime_incident", NULL);
  facts = end_builder (builder);

  table = score (facts, profile, AS_OF);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *person = g_strdup_printf ("R%04d", cases[i].days);
      const VigilScoreRow *row = row_of (table, person);

      g_assert_nonnull (row);
      g_assert_cmpint (row->days_since_latest, ==, cases[i].days);
      assert_points (row, cases[i].points, 1, 1, 1);
    }
  /* 36 months before 2025-06-30 is 2022-06-30, 1096 days: outside the window */
  g_assert_null (row_of (table, "R1096"));
  g_assert_null (row_of (table, "R1500"));
  g_assert_cmpuint (vigil_score_table_get_n_rows (table), ==, G_N_ELEMENTS (cases));

  /* with a 60-month window they count, beyond the last band: "otherwise" (0, then 2) */
  long_window->window_months = 60;
  long_table = score (facts, long_window, AS_OF);
  assert_points (row_of (long_table, "R1096"), 0, 1, 1, 1);
  assert_points (row_of (long_table, "R1500"), 0, 1, 1, 1);
  long_window->scales[VIGIL_RFGV_RECENCY].otherwise = 2;
  g_clear_pointer (&long_table, vigil_score_table_free);
  long_table = score (facts, long_window, AS_OF);
  g_assert_cmpint (row_of (long_table, "R1096")->points[VIGIL_RFGV_RECENCY], ==, 2);
}

static void
test_frequency_edges (void)
{
  static const struct { int incidents; int points; } cases[] = {
    { 1, 1 }, { 2, 2 }, { 3, 3 }, { 4, 3 }, { 5, 4 }, { 9, 4 }, { 10, 5 }, { 11, 5 }, { 30, 5 },
  };
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilScoreTable) table = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *person = g_strdup_printf ("F%02d", cases[i].incidents);

      for (int k = 0; k < cases[i].incidents; k++)
        add (builder, person, days_before (AS_OF, 10 + k), "V", "non_crime_incident", NULL);
    }
  facts = end_builder (builder);
  table = score (facts, profile, AS_OF);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *person = g_strdup_printf ("F%02d", cases[i].incidents);
      const VigilScoreRow *row = row_of (table, person);

      g_assert_cmpint (row->n_incidents, ==, cases[i].incidents);
      g_assert_cmpint (row->points[VIGIL_RFGV_FREQUENCY], ==, cases[i].points);
      g_assert_cmpint (row->days_since_latest, ==, 10);
    }
}

static void
test_gravity_edges (void)
{
  /* sums made of rape (5), abh (4) and other (1) */
  static const struct { const char *person; int rapes; int abh; int other; int sum; int points; } cases[] = {
    { "G01", 0, 0, 1, 1, 1 },
    { "G04", 0, 1, 0, 4, 1 },
    { "G05", 1, 0, 0, 5, 2 },
    { "G09", 1, 1, 0, 9, 2 },
    { "G10", 2, 0, 0, 10, 3 },
    { "G19", 3, 1, 0, 19, 3 },
    { "G20", 4, 0, 0, 20, 4 },
    { "G39", 7, 1, 0, 39, 4 },
    { "G40", 8, 0, 0, 40, 5 },
    { "G99", 19, 1, 0, 99, 5 },
  };
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilScoreTable) table = NULL;
  g_autoptr(VigilScoreTable) zero_table = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int day = 5;

      for (int k = 0; k < cases[i].rapes; k++)
        add (builder, cases[i].person, days_before (AS_OF, day++), "V", "rape", NULL);
      for (int k = 0; k < cases[i].abh; k++)
        add (builder, cases[i].person, days_before (AS_OF, day++), "V", "abh", NULL);
      for (int k = 0; k < cases[i].other; k++)
        add (builder, cases[i].person, days_before (AS_OF, day++), "V", "other", NULL);
    }
  facts = end_builder (builder);
  table = score (facts, profile, AS_OF);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const VigilScoreRow *row = row_of (table, cases[i].person);

      g_assert_cmpint (row->gravity_sum, ==, cases[i].sum);
      g_assert_cmpint (row->points[VIGIL_RFGV_GRAVITY], ==, cases[i].points);
    }

  /* a sum of 0 is below the first band: "otherwise" */
  vigil_scoring_profile_set_offence_points (profile, "other", 0);
  zero_table = score (facts, profile, AS_OF);
  g_assert_cmpint (row_of (zero_table, "G01")->gravity_sum, ==, 0);
  g_assert_cmpint (row_of (zero_table, "G01")->points[VIGIL_RFGV_GRAVITY], ==, 0);
}

static void
test_victim_edges (void)
{
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilScoreTable) table = NULL;
  static const struct { const char *person; int n_victims; int points; } cases[] = {
    { "V0", 0, 0 }, { "V1", 1, 1 }, { "V2", 2, 3 }, { "V3", 3, 5 }, { "V4", 4, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int k = 0; k < MAX (cases[i].n_victims, 1); k++)
      {
        g_autofree char *victim = g_strdup_printf ("%s-victim-%d", cases[i].person, k);

        add (builder, cases[i].person, days_before (AS_OF, 20 + k), cases[i].n_victims ? victim : NULL,
             "other", NULL);
      }
  /* the same victim three times, and incidents without a victim, count once */
  add (builder, "VR", days_before (AS_OF, 3), "VR-victim", "other", NULL);
  add (builder, "VR", days_before (AS_OF, 4), "VR-victim", "other", NULL);
  add (builder, "VR", days_before (AS_OF, 5), NULL, "other", NULL);
  add (builder, "VR", days_before (AS_OF, 6), "VR-victim", "other", NULL);
  /* victims are people: shared between perpetrators, counted for each */
  add (builder, "VS", days_before (AS_OF, 3), "V2-victim-0", "other", NULL);
  facts = end_builder (builder);
  table = score (facts, profile, AS_OF);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const VigilScoreRow *row = row_of (table, cases[i].person);

      g_assert_cmpint (row->n_victims, ==, cases[i].n_victims);
      g_assert_cmpint (row->points[VIGIL_RFGV_VICTIMS], ==, cases[i].points);
    }
  g_assert_cmpint (row_of (table, "VR")->n_victims, ==, 1);
  g_assert_cmpint (row_of (table, "VR")->n_incidents, ==, 4);
  g_assert_cmpint (row_of (table, "VS")->n_victims, ==, 1);
  g_assert_cmpint (row_of (table, "V2")->n_victims, ==, 2);
}

/* ------------------------------------------------------------------------------------
 * The window
 * ------------------------------------------------------------------------------------ */

static void
test_window_edges (void)
{
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilScoreTable) table = NULL;
  const VigilScoreRow *row;

  add (builder, "W-START", "2022-06-30", "V", "other", NULL);          /* as_of − 36 months: out */
  add (builder, "W-START+1", "2022-07-01T00:00:00", "V", "other", NULL); /* one day later: in */
  add (builder, "W-TODAY", "2025-06-30T23:59:59", "V", "other", NULL); /* as_of itself: in */
  add (builder, "W-FUTURE", "2025-07-01T00:00:01", "V", "other", NULL); /* after as_of: out */
  add (builder, "W-MIX", "2022-06-30", "V1", "rape", NULL);
  add (builder, "W-MIX", "2023-01-01", "V2", "other", NULL);
  add (builder, "W-MIX", "2025-07-01", "V3", "rape", NULL);
  facts = end_builder (builder);
  table = score (facts, profile, AS_OF);

  g_assert_null (row_of (table, "W-START"));
  g_assert_null (row_of (table, "W-FUTURE"));
  row = row_of (table, "W-START+1");
  g_assert_cmpint (row->days_since_latest, ==, 1095);
  assert_points (row, 1, 1, 1, 1);
  row = row_of (table, "W-TODAY");
  g_assert_cmpint (row->days_since_latest, ==, 0);
  assert_points (row, 5, 1, 1, 1);

  /* only 2023-01-01 counts: 911 days before 2025-06-30 (365 + 366 + 180) */
  row = row_of (table, "W-MIX");
  g_assert_cmpint (row->n_incidents, ==, 1);
  g_assert_cmpint (row->gravity_sum, ==, 1);
  g_assert_cmpint (row->n_victims, ==, 1);
  g_assert_cmpint (row->days_since_latest, ==, 911);
  g_assert_cmpint (row->latest_day, ==, vigil_rfgv_parse_day ("2023-01-01"));
  assert_points (row, 1, 1, 1, 1);
  g_assert_cmpuint (vigil_score_table_get_n_rows (table), ==, 3);
}

static void
test_leap_days (void)
{
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  g_autoptr(VigilScoringProfile) year = default_profile ();
  g_autoptr(VigilScoringProfile) four_years = default_profile ();
  VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilScoreTable) table = NULL;
  g_autoptr(VigilScoreTable) year_table = NULL;
  g_autoptr(VigilScoreTable) year_table_2025 = NULL;
  g_autoptr(VigilScoreTable) four_table = NULL;
  g_autoptr(VigilRfgvExplanation) explanation = NULL;
  g_autoptr(GError) error = NULL;
  GDate as_of = make_date ("2024-02-29");
  GDate expected_start = make_date ("2021-02-28");

  year->window_months = 12;
  four_years->window_months = 48;
  add (builder, "L-2021-02-28", "2021-02-28", "V", "other", NULL);
  add (builder, "L-2021-03-01", "2021-03-01", "V", "other", NULL);
  add (builder, "L-2023-02-28", "2023-02-28", "V", "other", NULL);
  add (builder, "L-2023-03-01", "2023-03-01", "V", "other", NULL);
  add (builder, "L-2023-11-30", "2023-11-30", "V", "other", NULL);
  add (builder, "L-2023-12-01", "2023-12-01", "V", "other", NULL);
  add (builder, "L-2024-02-28", "2024-02-28", "V", "other", NULL);
  add (builder, "L-2024-02-29", "2024-02-29T12:00:00", "V", "other", NULL);
  add (builder, "L-2024-03-01", "2024-03-01", "V", "other", NULL);
  facts = end_builder (builder);

  /* as_of 2024-02-29, 36 months: the window starts after 2021-02-28 */
  table = score (facts, profile, "2024-02-29");
  g_assert_null (row_of (table, "L-2021-02-28"));
  g_assert_cmpint (row_of (table, "L-2021-03-01")->days_since_latest, ==, 1095);
  g_assert_cmpint (row_of (table, "L-2021-03-01")->points[VIGIL_RFGV_RECENCY], ==, 1);
  /* 2023-12-01 → 2024-02-29 is 90 days (30 + 31 + 29), a day earlier is 91 */
  g_assert_cmpint (row_of (table, "L-2023-12-01")->days_since_latest, ==, 90);
  g_assert_cmpint (row_of (table, "L-2023-12-01")->points[VIGIL_RFGV_RECENCY], ==, 5);
  g_assert_cmpint (row_of (table, "L-2023-11-30")->days_since_latest, ==, 91);
  g_assert_cmpint (row_of (table, "L-2023-11-30")->points[VIGIL_RFGV_RECENCY], ==, 4);
  g_assert_cmpint (row_of (table, "L-2024-02-29")->days_since_latest, ==, 0);
  g_assert_cmpint (row_of (table, "L-2024-02-28")->days_since_latest, ==, 1);
  g_assert_null (row_of (table, "L-2024-03-01"));

  explanation = vigil_rfgv_explain (facts, profile, vigil_fact_set_find_person_by_ref (facts, "L-2021-03-01"),
                                    &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&explanation->window_start, &expected_start), ==, 0);

  /* as_of 2024-02-29, 12 months: the window starts after 2023-02-28 */
  year_table = score (facts, year, "2024-02-29");
  g_assert_null (row_of (year_table, "L-2023-02-28"));
  g_assert_cmpint (row_of (year_table, "L-2023-03-01")->days_since_latest, ==, 365);

  /* as_of 2025-02-28, 12 months: 2024-02-28 is the start (out), 2024-02-29 is in */
  year_table_2025 = score (facts, year, "2025-02-28");
  g_assert_null (row_of (year_table_2025, "L-2024-02-28"));
  g_assert_cmpint (row_of (year_table_2025, "L-2024-02-29")->days_since_latest, ==, 365);
  g_assert_cmpint (row_of (year_table_2025, "L-2024-03-01")->days_since_latest, ==, 364);

  /* as_of 2028-02-29, 48 months: from leap day to leap day */
  four_table = score (facts, four_years, "2028-02-29");
  g_assert_null (row_of (four_table, "L-2024-02-29"));
  g_assert_cmpint (row_of (four_table, "L-2024-03-01")->days_since_latest, ==, 1460);
}

/* ------------------------------------------------------------------------------------
 * Relationships and offences
 * ------------------------------------------------------------------------------------ */

static void
test_relationships (void)
{
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  g_autoptr(VigilScoringProfile) partners = default_profile ();
  VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilScoreTable) table = NULL;
  g_autoptr(VigilScoreTable) partner_table = NULL;

  partners->relationships = 1u << VIGIL_RELATIONSHIP_INTIMATE_PARTNER | 1u << VIGIL_RELATIONSHIP_EX_PARTNER;
  add_full (builder, "R-FAMILY", days_before (AS_OF, 5), "V1", "family", "rape", NULL, NULL);
  add_full (builder, "R-MIXED", days_before (AS_OF, 50), "V2", "ex_partner", "rape", NULL, NULL);
  add_full (builder, "R-MIXED", days_before (AS_OF, 5), "V3", "non_domestic", "rape", NULL, NULL);
  add_full (builder, "R-STRANGER", days_before (AS_OF, 5), "V4", "stranger", "rape", NULL, NULL);
  add_full (builder, "R-NONE", days_before (AS_OF, 5), "V5", NULL, "rape", NULL, NULL);
  facts = end_builder (builder);

  table = score (facts, profile, AS_OF);
  assert_points (row_of (table, "R-FAMILY"), 5, 1, 2, 1);
  assert_points (row_of (table, "R-MIXED"), 5, 2, 3, 3);
  /* a code Vigil does not know never counts */
  g_assert_null (row_of (table, "R-STRANGER"));
  g_assert_null (row_of (table, "R-NONE"));

  partner_table = score (facts, partners, AS_OF);
  g_assert_null (row_of (partner_table, "R-FAMILY"));
  g_assert_cmpint (row_of (partner_table, "R-MIXED")->days_since_latest, ==, 50);
  assert_points (row_of (partner_table, "R-MIXED"), 5, 1, 2, 1);
}

static void
test_unknown_offence (void)
{
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilScoreTable) table = NULL;
  g_autoptr(VigilScoreTable) heavier = NULL;

  add (builder, "U", days_before (AS_OF, 5), "V", "littering", NULL);
  add (builder, "U", days_before (AS_OF, 6), "V", "littering", NULL);
  add (builder, "K", days_before (AS_OF, 6), "V", "abh", NULL);
  facts = end_builder (builder);

  table = score (facts, profile, AS_OF);
  g_assert_cmpint (row_of (table, "U")->gravity_sum, ==, 2);
  g_assert_cmpint (row_of (table, "U")->points[VIGIL_RFGV_GRAVITY], ==, 1);

  profile->unknown_offence_points = 3;
  heavier = score (facts, profile, AS_OF);
  g_assert_cmpint (row_of (heavier, "U")->gravity_sum, ==, 6);
  g_assert_cmpint (row_of (heavier, "U")->points[VIGIL_RFGV_GRAVITY], ==, 2);
  g_assert_cmpint (row_of (heavier, "K")->gravity_sum, ==, 4);
}

/* ------------------------------------------------------------------------------------
 * Ranking
 * ------------------------------------------------------------------------------------ */

static void
test_tie_breaks (void)
{
  g_autoptr(VigilScoringProfile) profile = default_profile ();

  /* 1. total: B (4+3+1+1 = 9) above A (5+1+1+1 = 8) though A is more recent and first by ref */
  {
    VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
    g_autoptr(VigilFactSet) facts = NULL;
    g_autoptr(VigilScoreTable) table = NULL;

    add (builder, "A", days_before (AS_OF, 10), "V", "other", NULL);
    for (int i = 0; i < 3; i++)
      add (builder, "B", days_before (AS_OF, 100 + i), "W", "other", NULL);
    facts = end_builder (builder);
    table = score (facts, profile, AS_OF);
    assert_points (row_of (table, "A"), 5, 1, 1, 1);
    assert_points (row_of (table, "B"), 4, 3, 1, 1);
    g_assert_cmpstr (ref_at (table, 1), ==, "B");
    g_assert_cmpstr (ref_at (table, 2), ==, "A");
  }

  /* 2. G points: same total 8; B (G 2) above A (G 1) though older and later by ref */
  {
    VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
    g_autoptr(VigilFactSet) facts = NULL;
    g_autoptr(VigilScoreTable) table = NULL;

    add (builder, "A", days_before (AS_OF, 10), "V", "other", NULL);
    add (builder, "B", days_before (AS_OF, 100), "W", "rape", NULL);
    facts = end_builder (builder);
    table = score (facts, profile, AS_OF);
    assert_points (row_of (table, "A"), 5, 1, 1, 1);
    assert_points (row_of (table, "B"), 4, 1, 2, 1);
    g_assert_cmpstr (ref_at (table, 1), ==, "B");
  }

  /* 3. the latest incident: same total and G; B (10 days) above A (20 days) */
  {
    VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
    g_autoptr(VigilFactSet) facts = NULL;
    g_autoptr(VigilScoreTable) table = NULL;

    add (builder, "A", days_before (AS_OF, 20), "V", "other", NULL);
    add (builder, "B", days_before (AS_OF, 10), "W", "other", NULL);
    facts = end_builder (builder);
    table = score (facts, profile, AS_OF);
    g_assert_cmpstr (ref_at (table, 1), ==, "B");
  }

  /* G is compared in points, not as the gravity sum: C's sum 4 against D's 1, both
   * 1 point, so D's more recent incident decides */
  {
    VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
    g_autoptr(VigilFactSet) facts = NULL;
    g_autoptr(VigilScoreTable) table = NULL;

    add (builder, "C", days_before (AS_OF, 20), "V", "abh", NULL);
    add (builder, "D", days_before (AS_OF, 10), "W", "other", NULL);
    facts = end_builder (builder);
    table = score (facts, profile, AS_OF);
    g_assert_cmpint (row_of (table, "C")->gravity_sum, ==, 4);
    g_assert_cmpstr (ref_at (table, 1), ==, "D");
  }

  /* 4. the reference, ascending in byte order ("B" < "a"); added in reverse */
  {
    VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
    g_autoptr(VigilFactSet) facts = NULL;
    g_autoptr(VigilScoreTable) table = NULL;
    const char *refs[] = { "b", "a", "B", "A-2", "A-10", "A" };

    for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
      add (builder, refs[i], days_before (AS_OF, 10), "V", "other", NULL);
    facts = end_builder (builder);
    table = score (facts, profile, AS_OF);
    g_assert_cmpstr (ref_at (table, 1), ==, "A");
    g_assert_cmpstr (ref_at (table, 2), ==, "A-10");
    g_assert_cmpstr (ref_at (table, 3), ==, "A-2");
    g_assert_cmpstr (ref_at (table, 4), ==, "B");
    g_assert_cmpstr (ref_at (table, 5), ==, "a");
    g_assert_cmpstr (ref_at (table, 6), ==, "b");
    /* persons are numbered in reference order */
    for (guint p = 0; p < vigil_fact_set_get_n_persons (facts); p++)
      g_assert_cmpstr (vigil_fact_set_get_person_ref (facts, p), ==, ref_at (table, p + 1));
  }
}

/* N1 16, S1 11, X 10, N2 9, Z 8, Y 8 (see below) */
static VigilFactSet *
make_area_facts (void)
{
  VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();

  /* N1: three rapes, three victims: 5 + 3 + 3 (15) + 5 */
  add (builder, "N1", days_before (AS_OF, 10), "V1", "rape", "North");
  add (builder, "N1", days_before (AS_OF, 11), "V2", "rape", "North");
  add (builder, "N1", days_before (AS_OF, 12), "V3", "rape", "North");
  /* S1: two rapes, one victim: 5 + 2 + 3 (10) + 1 */
  add (builder, "S1", days_before (AS_OF, 10), "V4", "rape", "South");
  add (builder, "S1", days_before (AS_OF, 11), "V4", "rape", "South");
  /* N2: one rape: 5 + 1 + 2 + 1 */
  add (builder, "N2", days_before (AS_OF, 10), "V5", "rape", "North");
  /* X: a rape in the North long ago, the latest in the South: 5 + 2 + 2 (6) + 1 */
  add (builder, "X", days_before (AS_OF, 400), "V6", "rape", "North");
  add (builder, "X", days_before (AS_OF, 10), "V6", "other", "South");
  /* Y: the latest counted in the South; one in the North after as_of: 5 + 1 + 1 + 1 */
  add (builder, "Y", days_before (AS_OF, 10), "V7", "other", "South");
  add (builder, "Y", days_before (AS_OF, -3), "V7", "rape", "North");
  /* Z: no area, more recent than Y: 5 + 1 + 1 + 1 */
  add (builder, "Z", days_before (AS_OF, 5), "V8", "other", NULL);
  return end_builder (builder);
}

static void
test_area_ranks (void)
{
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  g_autoptr(VigilFactSet) facts = make_area_facts ();
  g_autoptr(VigilScoreTable) table = score (facts, profile, AS_OF);
  static const struct { const char *ref; int rank; double total; const char *area; int area_rank; } expected[] = {
    { "N1", 1, 16, "North", 1 },
    { "S1", 2, 11, "South", 1 },
    { "X",  3, 10, "South", 2 },
    { "N2", 4, 9,  "North", 2 },
    { "Z",  5, 8,  NULL,    1 },
    { "Y",  6, 8,  "South", 3 },
  };

  g_assert_cmpuint (vigil_score_table_get_n_rows (table), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const VigilScoreRow *row = row_of (table, expected[i].ref);

      g_assert_cmpint (row->rank, ==, expected[i].rank);
      g_assert_cmpfloat (row->total, ==, expected[i].total);
      g_assert_cmpstr (vigil_score_table_get_area_name (table, row), ==, expected[i].area);
      g_assert_cmpint (row->area_rank, ==, expected[i].area_rank);
    }
}

static void
test_weights (void)
{
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  g_autoptr(VigilFactSet) facts = make_area_facts ();
  g_autoptr(VigilScoreTable) table = NULL;
  g_autoptr(VigilScoreTable) tenth = NULL;

  /* total = 2 R + 0 F + 1.5 G + 0.1 V */
  profile->weights[VIGIL_RFGV_RECENCY] = 2;
  profile->weights[VIGIL_RFGV_FREQUENCY] = 0;
  profile->weights[VIGIL_RFGV_GRAVITY] = 1.5;
  profile->weights[VIGIL_RFGV_VICTIMS] = 0.1;
  table = score (facts, profile, AS_OF);

  g_assert_cmpfloat (row_of (table, "N1")->total, ==, 15.0);  /* 10 + 4.5 + 0.5 */
  g_assert_cmpfloat (row_of (table, "S1")->total, ==, 14.6);  /* 10 + 4.5 + 0.1 */
  g_assert_cmpfloat (row_of (table, "X")->total, ==, 13.1);   /* 10 + 3 + 0.1 */
  g_assert_cmpfloat (row_of (table, "N2")->total, ==, 13.1);
  g_assert_cmpfloat (row_of (table, "Z")->total, ==, 11.6);
  g_assert_cmpfloat (row_of (table, "Y")->total, ==, 11.6);
  /* the points themselves do not change */
  g_assert_cmpint (row_of (table, "N1")->points[VIGIL_RFGV_FREQUENCY], ==, 3);

  /* X and N2 tie on total, G (2) and latest day: the reference decides */
  g_assert_cmpstr (ref_at (table, 1), ==, "N1");
  g_assert_cmpstr (ref_at (table, 2), ==, "S1");
  g_assert_cmpstr (ref_at (table, 3), ==, "N2");
  g_assert_cmpstr (ref_at (table, 4), ==, "X");
  g_assert_cmpstr (ref_at (table, 5), ==, "Z");
  g_assert_cmpstr (ref_at (table, 6), ==, "Y");
  g_assert_cmpint (row_of (table, "N2")->area_rank, ==, 2);

  /* totals are rounded to millionths: 0.1 × 3 is 0.3 */
  profile->weights[VIGIL_RFGV_RECENCY] = 0.1;
  profile->weights[VIGIL_RFGV_GRAVITY] = 0;
  profile->weights[VIGIL_RFGV_VICTIMS] = 0;
  tenth = score (facts, profile, "2025-12-31");  /* N2's latest was 194 days before */
  g_assert_cmpint (row_of (tenth, "N2")->points[VIGIL_RFGV_RECENCY], ==, 3);
  g_assert_cmpfloat (row_of (tenth, "N2")->total, ==, 0.3);
}

static void
test_cohort (void)
{
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  g_autoptr(VigilFactSet) facts = make_area_facts ();
  g_autoptr(VigilScoreTable) table = NULL;
  static const struct { gboolean has_min; double min; int top_n; int per_area; const char *members; } cases[] = {
    { TRUE, 14, 100, 25, "N1" },           /* the default */
    { TRUE, 10, 0, 0, "N1 S1 X" },         /* a minimum total alone */
    { FALSE, 0, 2, 0, "N1 S1" },           /* the top N overall */
    { FALSE, 0, 0, 1, "N1 S1 Z" },         /* the top N per area (no area is a group) */
    { FALSE, 0, 1, 2, "N1 S1 X N2 Z" },    /* either top rule */
    { TRUE, 9, 1, 1, "N1 S1" },            /* Z is first of its group but below 9 */
    { TRUE, 8, 0, 0, "N1 S1 X N2 Z Y" },   /* the minimum is inclusive */
  };

  table = score (facts, profile, AS_OF);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) members = g_string_new (NULL);
      const VigilScoreRow *rows;
      guint n_rows;

      profile->cohort_has_min_total = cases[i].has_min;
      profile->cohort_min_total = cases[i].min;
      profile->cohort_top_n = cases[i].top_n;
      profile->cohort_top_n_per_area = cases[i].per_area;

      /* on a fresh score and by applying the rule to an existing table */
      for (int pass = 0; pass < 2; pass++)
        {
          g_autoptr(VigilScoreTable) fresh = pass == 0 ? score (facts, profile, AS_OF) : NULL;
          VigilScoreTable *subject = fresh != NULL ? fresh : table;
          guint n_in = 0;

          if (pass == 1)
            vigil_score_table_apply_cohort (table, profile);
          g_string_truncate (members, 0);
          rows = vigil_score_table_get_rows (subject, &n_rows);
          for (guint r = 0; r < n_rows; r++)
            if (rows[r].in_cohort)
              {
                g_string_append_printf (members, "%s%s", members->len ? " " : "",
                                        vigil_score_table_get_person_ref (subject, &rows[r]));
                n_in++;
              }
          g_assert_cmpstr (members->str, ==, cases[i].members);
          g_assert_cmpuint (vigil_score_table_get_n_cohort (subject), ==, n_in);
        }
    }
}

/* ------------------------------------------------------------------------------------
 * Explanations
 * ------------------------------------------------------------------------------------ */

static VigilFactSet *
make_explain_facts (void)
{
  VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();

  add_full (builder, "E", "2022-01-10", "V1", "intimate_partner", "rape", "North", "I1");
  add_full (builder, "E", "2023-05-01T08:00", "V1", "ex_partner", "abh", "North", "I2");
  add_full (builder, "E", "2024-02-29", "V2", "family", "littering", "South", "I3");
  add_full (builder, "E", "2024-11-15", NULL, "intimate_partner", "harassment", NULL, "I4");
  add_full (builder, "E", "2025-03-01", "V1", "stranger", "criminal_damage", "South", "I5");
  add_full (builder, "E", "2025-06-01", "V2", "non_domestic", "common_assault", "South", "I6");
  add_full (builder, "E", "2025-07-02", "V3", "intimate_partner", "gbh", "North", "I7");
  add_full (builder, "OLD", "2019-01-01", "V9", "intimate_partner", "gbh", "North", "I8");
  return end_builder (builder);
}

static void
test_explain (void)
{
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  g_autoptr(VigilScoringProfile) no_strangers = default_profile ();
  g_autoptr(VigilFactSet) facts = make_explain_facts ();
  g_autoptr(VigilRfgvExplanation) explanation = NULL;
  g_autoptr(VigilRfgvExplanation) narrower = NULL;
  g_autoptr(VigilRfgvExplanation) old = NULL;
  g_autoptr(VigilScoreTable) table = NULL;
  g_autoptr(GError) error = NULL;
  GDate as_of = make_date (AS_OF);
  static const struct
  {
    const char *ref;
    VigilRfgvIncidentStatus status;
    int gravity;
    gboolean known;
    const char *victim;
    gboolean new_victim;
    gboolean latest;
  } expected[] = {
    { "I1", VIGIL_RFGV_INCIDENT_BEFORE_WINDOW, 5, TRUE, "V1", FALSE, FALSE },
    { "I2", VIGIL_RFGV_INCIDENT_COUNTED, 4, TRUE, "V1", TRUE, FALSE },
    { "I3", VIGIL_RFGV_INCIDENT_COUNTED, 1, FALSE, "V2", TRUE, FALSE },
    { "I4", VIGIL_RFGV_INCIDENT_COUNTED, 3, TRUE, NULL, FALSE, FALSE },
    { "I5", VIGIL_RFGV_INCIDENT_RELATIONSHIP_NOT_COUNTED, 2, TRUE, "V1", FALSE, FALSE },
    { "I6", VIGIL_RFGV_INCIDENT_COUNTED, 3, TRUE, "V2", FALSE, TRUE },
    { "I7", VIGIL_RFGV_INCIDENT_AFTER_AS_OF, 5, TRUE, "V3", FALSE, FALSE },
  };
  int person = vigil_fact_set_find_person_by_ref (facts, "E");
  const VigilScoreRow *row;

  g_assert_cmpint (person, >=, 0);
  explanation = vigil_rfgv_explain (facts, profile, person, &as_of, &error);
  g_assert_no_error (error);
  g_assert_true (explanation->scored);
  g_assert_cmpstr (explanation->person_ref, ==, "E");
  g_assert_cmpuint (explanation->n_incidents, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const VigilRfgvExplainedIncident *incident = &explanation->incidents[i];

      g_assert_cmpstr (incident->incident_ref, ==, expected[i].ref);
      g_assert_cmpint (incident->status, ==, expected[i].status);
      g_assert_cmpint (incident->gravity, ==, expected[i].gravity);
      g_assert_cmpint (incident->offence_known, ==, expected[i].known);
      g_assert_cmpstr (incident->victim_ref, ==, expected[i].victim);
      g_assert_cmpint (incident->has_victim, ==, expected[i].victim != NULL);
      g_assert_cmpint (incident->new_victim, ==, expected[i].new_victim);
      g_assert_cmpint (incident->latest, ==, expected[i].latest);
    }
  g_assert_cmpstr (explanation->incidents[2].offence_code, ==, "littering");
  g_assert_cmpint (explanation->incidents[5].relationship, ==, VIGIL_RELATIONSHIP_NON_DOMESTIC);
  g_assert_cmpint (explanation->incidents[4].relationship, ==, VIGIL_RELATIONSHIP_UNKNOWN);
  g_assert_cmpint (explanation->incidents[1].day, ==, vigil_rfgv_parse_day ("2023-05-01"));

  /* R: 29 days (band 0, 5); F: 4 (band 2, 3); G: 4 + 1 + 3 + 3 = 11 (band 2, 3); V: 2 (band 1, 3) */
  g_assert_cmpint (explanation->components[VIGIL_RFGV_RECENCY].value, ==, 29);
  g_assert_cmpint (explanation->components[VIGIL_RFGV_RECENCY].band, ==, 0);
  g_assert_cmpint (explanation->components[VIGIL_RFGV_RECENCY].points, ==, 5);
  g_assert_cmpint (explanation->components[VIGIL_RFGV_FREQUENCY].value, ==, 4);
  g_assert_cmpint (explanation->components[VIGIL_RFGV_FREQUENCY].band, ==, 2);
  g_assert_cmpint (explanation->components[VIGIL_RFGV_FREQUENCY].points, ==, 3);
  g_assert_cmpint (explanation->components[VIGIL_RFGV_GRAVITY].value, ==, 11);
  g_assert_cmpint (explanation->components[VIGIL_RFGV_GRAVITY].band, ==, 2);
  g_assert_cmpint (explanation->components[VIGIL_RFGV_GRAVITY].points, ==, 3);
  g_assert_cmpint (explanation->components[VIGIL_RFGV_VICTIMS].value, ==, 2);
  g_assert_cmpint (explanation->components[VIGIL_RFGV_VICTIMS].band, ==, 1);
  g_assert_cmpint (explanation->components[VIGIL_RFGV_VICTIMS].points, ==, 3);
  g_assert_cmpfloat (explanation->components[VIGIL_RFGV_VICTIMS].weighted, ==, 3.0);
  g_assert_cmpfloat (explanation->total, ==, 14);
  g_assert_cmpstr (explanation->area, ==, "South");
  g_assert_cmpint (explanation->latest_day, ==, vigil_rfgv_parse_day ("2025-06-01"));

  /* the same as the score */
  table = score (facts, profile, AS_OF);
  row = row_of (table, "E");
  assert_points (row, 5, 3, 3, 3);
  g_assert_cmpint (row->latest_fact, ==, explanation->incidents[5].fact);
  g_assert_cmpint (row->gravity_sum, ==, 11);
  g_assert_true (row->in_cohort);

  /* without non-domestic incidents, the latest is I4, which has no area */
  no_strangers->relationships &= ~(1u << VIGIL_RELATIONSHIP_NON_DOMESTIC);
  narrower = vigil_rfgv_explain (facts, no_strangers, person, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpint (narrower->incidents[5].status, ==, VIGIL_RFGV_INCIDENT_RELATIONSHIP_NOT_COUNTED);
  g_assert_true (narrower->incidents[3].latest);
  g_assert_null (narrower->area);
  g_assert_cmpint (narrower->components[VIGIL_RFGV_RECENCY].value, ==, 227);
  g_assert_cmpint (narrower->components[VIGIL_RFGV_RECENCY].points, ==, 3);

  /* someone with nothing in the window is explained, not scored */
  old = vigil_rfgv_explain (facts, profile, vigil_fact_set_find_person_by_ref (facts, "OLD"), &as_of, &error);
  g_assert_no_error (error);
  g_assert_false (old->scored);
  g_assert_cmpuint (old->n_incidents, ==, 1);
  g_assert_cmpint (old->incidents[0].status, ==, VIGIL_RFGV_INCIDENT_BEFORE_WINDOW);
  g_assert_null (row_of (table, "OLD"));

  /* a person index out of range */
  g_assert_null (vigil_rfgv_explain (facts, profile, 99, &as_of, &error));
  g_assert_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_INVALID);
}

/* ------------------------------------------------------------------------------------
 * Movers
 * ------------------------------------------------------------------------------------ */

static VigilScoreRow
make_row (gint64   person_id,
          gint32   rank,
          double   total,
          gboolean in_cohort)
{
  VigilScoreRow row = { 0, };

  row.person_id = person_id;
  row.rank = rank;
  row.total = total;
  row.in_cohort = in_cohort;
  return row;
}

static void
test_movers (void)
{
  /* A 1, B 2, C 3, D 4, E 5, W 6, G 8, X 9 */
  const VigilScoreRow previous_rows[] = {
    make_row (4, 5, 10, FALSE),  /* D: outside the cohort */
    make_row (1, 1, 15, TRUE),   /* A */
    make_row (2, 2, 14, TRUE),   /* B */
    make_row (3, 3, 13, TRUE),   /* C */
    make_row (5, 4, 12, TRUE),   /* E */
    make_row (6, 6, 9, FALSE),   /* W: watched */
    make_row (8, 7, 8, TRUE),    /* G */
  };
  const VigilScoreRow current_rows[] = {
    make_row (4, 1, 17, TRUE),   /* D: joined the cohort: entrant */
    make_row (1, 2, 16, TRUE),   /* A: rose */
    make_row (3, 3, 12, TRUE),   /* C: fell */
    make_row (2, 4, 11, FALSE),  /* B: left the cohort: dropped */
    make_row (6, 5, 10, FALSE),  /* W: watched and rose */
    make_row (8, 6, 8, TRUE),    /* G: the same total: not a mover */
    make_row (9, 7, 7, FALSE),   /* X: watched, new: entrant */
  };                             /* E: not scored now: dropped */
  const gint64 watched[] = { 42, 9, 6 };
  GDate date = make_date (AS_OF);
  g_autoptr(VigilScoreTable) previous = vigil_score_table_new_from_rows (previous_rows, G_N_ELEMENTS (previous_rows), &date);
  g_autoptr(VigilScoreTable) current = vigil_score_table_new_from_rows (current_rows, G_N_ELEMENTS (current_rows), &date);
  g_autoptr(GArray) movers = NULL;
  g_autoptr(GArray) none = NULL;
  static const struct
  {
    VigilMoverKind kind;
    gint64 id;
    int previous_rank, current_rank;
    double previous_total, current_total;
    gboolean watched;
  } expected[] = {
    { VIGIL_MOVER_ENTRANT, 4, 5, 1, 10, 17, FALSE },
    { VIGIL_MOVER_ENTRANT, 9, 0, 7, 0, 7, TRUE },
    { VIGIL_MOVER_RISER, 1, 1, 2, 15, 16, FALSE },
    { VIGIL_MOVER_RISER, 6, 6, 5, 9, 10, TRUE },
    { VIGIL_MOVER_FALLER, 3, 3, 3, 13, 12, FALSE },
    { VIGIL_MOVER_DROPPED, 2, 2, 4, 14, 11, FALSE },
    { VIGIL_MOVER_DROPPED, 5, 4, 0, 12, 0, FALSE },
  };

  /* rows are put in rank order */
  g_assert_cmpint (vigil_score_table_get_rows (previous, NULL)[0].person_id, ==, 1);
  g_assert_cmpuint (vigil_score_table_get_n_cohort (previous), ==, 5);
  g_assert_null (vigil_score_table_get_fact_set (previous));
  g_assert_null (vigil_score_table_find_person (previous, 9));

  movers = vigil_rfgv_compare (previous, current, watched, G_N_ELEMENTS (watched));
  g_assert_cmpuint (movers->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < movers->len; i++)
    {
      const VigilMover *mover = &g_array_index (movers, VigilMover, i);

      g_assert_cmpint (mover->kind, ==, expected[i].kind);
      g_assert_cmpint (mover->person_id, ==, expected[i].id);
      g_assert_cmpint (mover->previous_rank, ==, expected[i].previous_rank);
      g_assert_cmpint (mover->current_rank, ==, expected[i].current_rank);
      g_assert_cmpfloat (mover->previous_total, ==, expected[i].previous_total);
      g_assert_cmpfloat (mover->current_total, ==, expected[i].current_total);
      g_assert_cmpint (mover->watched, ==, expected[i].watched);
    }
  g_assert_true (g_array_index (movers, VigilMover, 0).current_in_cohort);
  g_assert_false (g_array_index (movers, VigilMover, 0).previous_in_cohort);

  /* looking people up by id, whatever the ids */
  {
    const VigilScoreRow odd_rows[] = {
      make_row (G_GINT64_CONSTANT (1) << 40, 1, 3, TRUE), make_row (-3, 2, 2, TRUE),
      make_row (7, 3, 1, FALSE), make_row (G_MININT64 + 1, 4, 0, FALSE),
    };
    g_autoptr(VigilScoreTable) odd = vigil_score_table_new_from_rows (odd_rows, G_N_ELEMENTS (odd_rows), NULL);

    for (guint i = 0; i < G_N_ELEMENTS (odd_rows); i++)
      g_assert_cmpint (vigil_score_table_find_person (odd, odd_rows[i].person_id)->rank, ==, odd_rows[i].rank);
    g_assert_null (vigil_score_table_find_person (odd, 8));
    g_assert_null (vigil_score_table_find_person (odd, -4));
  }

  /* a run against itself: nobody moved */
  none = vigil_rfgv_compare (current, current, watched, G_N_ELEMENTS (watched));
  g_assert_cmpuint (none->len, ==, 0);
}

/* Two scored runs of the same facts, six months apart. */
static void
test_movers_scored (void)
{
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  g_autoptr(VigilFactSet) facts = make_area_facts ();
  g_autoptr(VigilScoreTable) before = NULL;
  g_autoptr(VigilScoreTable) after = NULL;
  g_autoptr(GArray) movers = NULL;

  profile->cohort_has_min_total = TRUE;
  profile->cohort_min_total = 10;
  profile->cohort_top_n = profile->cohort_top_n_per_area = 0;
  before = score (facts, profile, AS_OF);        /* N1 16, S1 11, X 10 */
  after = score (facts, profile, "2025-12-31");  /* N1 14 (R 3), S1 9, X 8 */
  movers = vigil_rfgv_compare (before, after, NULL, 0);
  g_assert_cmpuint (movers->len, ==, 3);
  g_assert_cmpint (g_array_index (movers, VigilMover, 0).kind, ==, VIGIL_MOVER_FALLER);
  g_assert_cmpint (g_array_index (movers, VigilMover, 0).person_id, ==, row_of (before, "N1")->person_id);
  g_assert_cmpfloat (g_array_index (movers, VigilMover, 0).current_total, ==, 14);
  g_assert_cmpint (g_array_index (movers, VigilMover, 1).kind, ==, VIGIL_MOVER_DROPPED);
  g_assert_cmpint (g_array_index (movers, VigilMover, 2).kind, ==, VIGIL_MOVER_DROPPED);
}

/* ------------------------------------------------------------------------------------
 * Edge cases
 * ------------------------------------------------------------------------------------ */

static void
test_empty_and_errors (void)
{
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  g_autoptr(VigilFactSet) facts = end_builder (vigil_fact_set_builder_new ());
  g_autoptr(VigilScoreTable) table = score (facts, profile, AS_OF);
  g_autoptr(VigilScoreTable) today = NULL;
  g_autoptr(VigilFactSetBuilder) builder = vigil_fact_set_builder_new ();
  g_autoptr(GError) error = NULL;
  VigilFactInput bad_date = { .person_ref = "P", .occurred_at = "2024-02-30", .offence_code = "abh" };
  VigilFactInput no_person = { .occurred_at = "2024-02-01", .offence_code = "abh" };
  GDate invalid;

  g_assert_cmpuint (vigil_fact_set_get_n_facts (facts), ==, 0);
  g_assert_cmpuint (vigil_score_table_get_n_rows (table), ==, 0);
  today = vigil_rfgv_score (facts, profile, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (today);

  g_date_clear (&invalid, 1);
  g_assert_null (vigil_rfgv_score (facts, profile, &invalid, &error));
  g_assert_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_INVALID);
  g_clear_error (&error);

  profile->window_months = 0;
  g_assert_null (vigil_rfgv_score (facts, profile, NULL, &error));
  g_assert_error (error, VIGIL_SCORING_PROFILE_ERROR, VIGIL_SCORING_PROFILE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (vigil_fact_set_builder_add (builder, &bad_date, &error));
  g_assert_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vigil_fact_set_builder_add (builder, &no_person, &error));
  g_assert_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_INVALID);
}

/* Re-scoring one fact set with another profile gives the other profile's results. */
static void
test_rescore (void)
{
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  g_autoptr(VigilFactSet) facts = make_area_facts ();
  g_autoptr(VigilScoreTable) first = score (facts, profile, AS_OF);
  g_autoptr(VigilScoreTable) second = NULL;
  g_autoptr(VigilScoreTable) again = NULL;

  profile->weights[VIGIL_RFGV_FREQUENCY] = 10;
  second = score (facts, profile, AS_OF);
  g_assert_cmpfloat (row_of (second, "N1")->total, ==, 5 + 30 + 3 + 5);
  g_assert_cmpfloat (row_of (first, "N1")->total, ==, 16);
  profile->weights[VIGIL_RFGV_FREQUENCY] = 1;
  again = score (facts, profile, AS_OF);
  g_assert_cmpint (memcmp (vigil_score_table_get_rows (first, NULL), vigil_score_table_get_rows (again, NULL),
                           sizeof (VigilScoreRow) * vigil_score_table_get_n_rows (first)), ==, 0);
}

/* ------------------------------------------------------------------------------------
 * Loading from a store
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  const char *ref;        /* incident */
  const char *occurred_at;
  const char *perpetrator;
  const char *victim;
  const char *relationship;
  const char *offence;
  const char *area;
} StoreIncident;

static const StoreIncident store_incidents[] = {
  { "S-1", "2025-06-01T10:00:00", "P-B", "V-1", "intimate_partner", "rape", "North" },
  { "S-2", "2025-05-01T10:00:00", "P-B", "V-2", "ex_partner", "abh", "South" },
  { "S-3", "2022-01-01", "P-B", "V-1", "intimate_partner", "gbh", "North" },
  { "S-4", "2025-06-20", "P-A", NULL, "family", "littering", NULL },
  { "S-5", "2025-06-20", "P-A", "V-3", "family", "other", "North" },
  { "S-6", "2025-06-25T23:59:00", NULL, "V-1", "non_domestic", "stalking", "South" },
  { "S-7", "2024-12-24", "P-C", "V-2", "ex_partner", "coercive_control", "South" },
  { "S-8", "2025-07-04", "P-C", "V-2", "ex_partner", "coercive_control", "South" },
  { "S-9", "2023-03-01", "P-C", "V-4", "intimate_partner", "threats_to_kill", "East" },
  { "S-10", "2025-01-01", "V-1", "P-B", "intimate_partner", "common_assault", "North" },
  /* a reference with a backslash, a tab and a non-ASCII letter (COPY's escapes) */
  { "S-11", "2025-02-02", "P-D\\N\t\xc3\xa9", "V-5", "family", "harassment", "West\\" },
};

static gint64
insert_person (VigilStore  *store,
               GHashTable  *ids,
               const char  *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPerson) person = NULL;
  gpointer known = g_hash_table_lookup (ids, ref != NULL ? ref : "(none)");

  if (known != NULL)
    return GPOINTER_TO_SIZE (known);
  person = vigil_person_new ();
  person->surname = g_strdup ("Testington");
  person->forenames = g_strdup (ref != NULL ? ref : "Noref");
  person->local_ref = g_strdup (ref);
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  g_hash_table_insert (ids, g_strdup (ref != NULL ? ref : "(none)"), GSIZE_TO_POINTER (person->record.id));
  return person->record.id;
}

static void
assert_same_scores (const VigilScoreTable *a,
                    const VigilScoreTable *b)
{
  const VigilScoreRow *rows_a, *rows_b;
  guint n_a, n_b;

  rows_a = vigil_score_table_get_rows (a, &n_a);
  rows_b = vigil_score_table_get_rows (b, &n_b);
  g_assert_cmpuint (n_a, ==, n_b);
  for (guint i = 0; i < n_a; i++)
    {
      g_assert_cmpint (rows_a[i].person_id, ==, rows_b[i].person_id);
      g_assert_cmpstr (vigil_score_table_get_person_ref (a, &rows_a[i]), ==, vigil_score_table_get_person_ref (b, &rows_b[i]));
      g_assert_cmpint (rows_a[i].rank, ==, rows_b[i].rank);
      g_assert_cmpint (rows_a[i].area_rank, ==, rows_b[i].area_rank);
      g_assert_cmpstr (vigil_score_table_get_area_name (a, &rows_a[i]), ==, vigil_score_table_get_area_name (b, &rows_b[i]));
      g_assert_cmpint (rows_a[i].latest_day, ==, rows_b[i].latest_day);
      g_assert_cmpint (rows_a[i].n_incidents, ==, rows_b[i].n_incidents);
      g_assert_cmpint (rows_a[i].gravity_sum, ==, rows_b[i].gravity_sum);
      g_assert_cmpint (rows_a[i].n_victims, ==, rows_b[i].n_victims);
      g_assert_cmpmem (rows_a[i].points, sizeof rows_a[i].points, rows_b[i].points, sizeof rows_b[i].points);
      g_assert_cmpfloat (rows_a[i].total, ==, rows_b[i].total);
      g_assert_cmpint (rows_a[i].in_cohort, ==, rows_b[i].in_cohort);
    }
}

static void
test_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  g_autoptr(VigilFactSet) loaded = NULL;
  g_autoptr(VigilFactSet) built = NULL;
  g_autoptr(VigilFactSet) empty = NULL;
  g_autoptr(VigilFactSet) one = NULL;
  g_autoptr(VigilScoreTable) loaded_table = NULL;
  g_autoptr(VigilScoreTable) built_table = NULL;
  g_autoptr(VigilRfgvExplanation) explanation = NULL;
  g_autofree char *no_ref_uuid = NULL;
  VigilFactSetBuilder *builder = vigil_fact_set_builder_new ();
  GDate as_of = make_date (AS_OF);
  gint64 p_b;

  /* an empty store */
  empty = vigil_fact_set_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigil_fact_set_get_n_facts (empty), ==, 0);
  g_assert_cmpuint (vigil_fact_set_get_n_persons (empty), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (store_incidents); i++)
    {
      const StoreIncident *s = &store_incidents[i];
      g_autoptr(VigilIncident) incident = vigil_incident_new ();

      incident->source = g_strdup ("police");
      incident->source_ref = g_strdup (s->ref);
      incident->occurred_at = g_strdup (s->occurred_at);
      incident->perpetrator_id = insert_person (store, ids, s->perpetrator);
      incident->victim_id = s->victim != NULL ? insert_person (store, ids, s->victim) : 0;
      incident->relationship = g_strdup (s->relationship);
      incident->offence_code = g_strdup (s->offence);
      incident->area = g_strdup (s->area);
      g_assert_true (vigil_store_insert (store, &vigil_incident_type, incident, &error));
      g_assert_no_error (error);
    }

  /* the person without a reference is known by their uuid */
  {
    g_autoptr(VigilPerson) person = vigil_store_fetch (store, &vigil_person_type,
                                                       GPOINTER_TO_SIZE (g_hash_table_lookup (ids, "(none)")), &error);

    g_assert_no_error (error);
    no_ref_uuid = g_strdup (person->uuid);
  }

  /* the same incidents by hand, with the store's ids */
  for (guint i = 0; i < G_N_ELEMENTS (store_incidents); i++)
    {
      const StoreIncident *s = &store_incidents[i];
      VigilFactInput input = {
        .person_id = GPOINTER_TO_SIZE (g_hash_table_lookup (ids, s->perpetrator != NULL ? s->perpetrator : "(none)")),
        .person_ref = s->perpetrator != NULL ? s->perpetrator : no_ref_uuid,
        .occurred_at = s->occurred_at,
        .victim_id = s->victim != NULL ? (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (ids, s->victim)) : 0,
        .relationship = s->relationship,
        .offence_code = s->offence,
        .area = s->area,
        .incident_id = i + 1,
      };

      g_assert_true (vigil_fact_set_builder_add (builder, &input, &error));
      g_assert_no_error (error);
    }
  built = end_builder (builder);

  /* while the store stays open */
  loaded = vigil_fact_set_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigil_fact_set_get_n_facts (loaded), ==, G_N_ELEMENTS (store_incidents));
  g_assert_cmpuint (vigil_fact_set_get_n_persons (loaded), ==, 6);
  g_assert_cmpuint (vigil_fact_set_get_n_victims (loaded), ==, 10);   /* everyone: victims are people */
  g_assert_cmpuint (vigil_fact_set_get_n_victims (built), ==, 10);
  g_assert_cmpuint (vigil_fact_set_get_n_areas (loaded), ==, 4);
  g_assert_cmpint (vigil_fact_set_find_person_by_ref (loaded, "P-D\\N\t\xc3\xa9"), >=, 0);
  g_assert_cmpuint (vigil_fact_set_get_n_skipped (loaded), ==, 0);
  g_assert_cmpint (vigil_fact_set_find_person_by_ref (loaded, no_ref_uuid), >=, 0);
  for (guint p = 0; p < vigil_fact_set_get_n_persons (loaded); p++)
    {
      g_assert_cmpstr (vigil_fact_set_get_person_ref (loaded, p), ==, vigil_fact_set_get_person_ref (built, p));
      g_assert_cmpint (vigil_fact_set_get_person_id (loaded, p), ==, vigil_fact_set_get_person_id (built, p));
    }
  for (guint f = 0; f < vigil_fact_set_get_n_facts (loaded); f++)
    {
      const VigilFact *a = &vigil_fact_set_get_facts (loaded)[f];
      const VigilFact *b = &vigil_fact_set_get_facts (built)[f];

      g_assert_cmpint (a->person, ==, b->person);
      g_assert_cmpint (a->day, ==, b->day);
      g_assert_cmpint (a->relationship, ==, b->relationship);
      g_assert_cmpstr (vigil_fact_set_get_offence_code (loaded, a->offence), ==, vigil_fact_set_get_offence_code (built, b->offence));
      g_assert_cmpint (a->victim >= 0, ==, b->victim >= 0);
      if (a->victim >= 0)
        g_assert_cmpint (vigil_fact_set_get_victim_id (loaded, a->victim), ==, vigil_fact_set_get_victim_id (built, b->victim));
    }

  loaded_table = score (loaded, profile, AS_OF);
  built_table = score (built, profile, AS_OF);
  assert_same_scores (loaded_table, built_table);
  g_assert_cmpuint (vigil_score_table_get_n_rows (loaded_table), ==, 6);
  /* P-B: S-1 and S-2 count (S-3 is too old): 5, 2, 3 (9), 3 */
  assert_points (row_of (loaded_table, "P-B"), 5, 2, 2, 3);
  g_assert_cmpint (row_of (loaded_table, "P-B")->gravity_sum, ==, 9);

  /* one person, with references, through the store's connection */
  p_b = GPOINTER_TO_SIZE (g_hash_table_lookup (ids, "P-B"));
  one = vigil_fact_set_load_person (store, p_b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigil_fact_set_get_n_persons (one), ==, 1);
  g_assert_cmpuint (vigil_fact_set_get_n_facts (one), ==, 3);
  explanation = vigil_rfgv_explain (one, profile, 0, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpint (explanation->person_id, ==, p_b);
  g_assert_cmpstr (explanation->person_ref, ==, "P-B");
  g_assert_cmpstr (explanation->incidents[0].incident_ref, ==, "S-3");
  g_assert_cmpint (explanation->incidents[0].status, ==, VIGIL_RFGV_INCIDENT_BEFORE_WINDOW);
  g_assert_cmpstr (explanation->incidents[1].incident_ref, ==, "S-2");
  g_assert_cmpstr (explanation->incidents[1].victim_ref, ==, "V-2");
  g_assert_cmpstr (explanation->incidents[2].incident_ref, ==, "S-1");
  g_assert_true (explanation->incidents[2].latest);
  g_assert_cmpint (explanation->incidents[2].victim_id, ==, GPOINTER_TO_SIZE (g_hash_table_lookup (ids, "V-1")));
  g_assert_cmpfloat (explanation->total, ==, row_of (loaded_table, "P-B")->total);
}

/* Synthetic incidents written straight into a SQLite store give the same scores as the
 * same incidents added by hand. Their ids are spaced out so that the id range is wide
 * enough for the parallel readers (which split it) with few rows. */
typedef struct
{
  sqlite3             *db;
  sqlite3_stmt        *person;
  sqlite3_stmt        *incident;
  GHashTable          *ids;      /* ref → id */
  VigilFactSetBuilder *builder;
  gint64               next_id;
} SynthStore;

static gint64
synth_person_id (SynthStore             *s,
                 const VigilSynthPerson *person)
{
  gpointer known = g_hash_table_lookup (s->ids, person->ref);

  if (known != NULL)
    return GPOINTER_TO_SIZE (known);
  sqlite3_reset (s->person);
  sqlite3_bind_int64 (s->person, 1, s->next_id);
  /* every third person has no reference: known by their uuid */
  if (s->next_id % 3 == 0)
    sqlite3_bind_null (s->person, 2);
  else
    sqlite3_bind_text (s->person, 2, person->ref, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->person, 3, person->surname, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (s->person), ==, SQLITE_DONE);
  g_hash_table_insert (s->ids, g_strdup (person->ref), GSIZE_TO_POINTER (s->next_id));
  return s->next_id++;
}

static gboolean
add_synth_incident (const VigilSynthIncident  *incident,
                    gpointer                   user_data,
                    GError                   **error)
{
  SynthStore *s = user_data;
  gint64 perpetrator = synth_person_id (s, &incident->perpetrator);
  gint64 victim = incident->victim.ref[0] != '\0' ? synth_person_id (s, &incident->victim) : 0;
  char uuid_ref[32];
  VigilFactInput input = {
    .person_id = perpetrator,
    .person_ref = perpetrator % 3 == 0 ? uuid_ref : incident->perpetrator.ref,
    .occurred_at = incident->occurred_at,
    .victim_id = victim,
    .relationship = incident->relationship,
    .offence_code = incident->offence_code,
    .area = incident->area,
    .incident_id = incident->number * 6,
  };

  g_snprintf (uuid_ref, sizeof uuid_ref, "uuid-%" G_GINT64_FORMAT, perpetrator);
  sqlite3_reset (s->incident);
  sqlite3_bind_int64 (s->incident, 1, incident->number * 6);
  sqlite3_bind_text (s->incident, 2, incident->incident_ref, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->incident, 3, incident->occurred_at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (s->incident, 4, perpetrator);
  if (victim != 0)
    sqlite3_bind_int64 (s->incident, 5, victim);
  else
    sqlite3_bind_null (s->incident, 5);
  sqlite3_bind_text (s->incident, 6, incident->relationship, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->incident, 7, incident->offence_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->incident, 8, incident->area, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (s->incident), ==, SQLITE_DONE);

  return vigil_fact_set_builder_add (s->builder, &input, error);
}

static void
test_store_parallel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilScoringProfile) profile = default_profile ();
  g_autoptr(VigilFactSet) loaded = NULL;
  g_autoptr(VigilFactSet) built = NULL;
  g_autoptr(VigilFactSet) cancelled_set = NULL;
  g_autoptr(VigilScoreTable) loaded_table = NULL;
  g_autoptr(VigilScoreTable) built_table = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  SynthStore s = { 0, };

  if (vigil_test_engine_is_pg ())
    {
      g_test_skip ("SQLite only");
      return;
    }

  store = vigil_test_open_store ();
  g_assert_cmpint (sqlite3_open (vigil_store_get_location (store)->path, &s.db), ==, SQLITE_OK);
  sqlite3_busy_timeout (s.db, 10000);
  g_assert_cmpint (sqlite3_exec (s.db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (s.db,
                                       "INSERT INTO person (id, created_at, updated_at, updated_by, uuid, surname, local_ref) "
                                       "VALUES (?1, 'now', 'now', 'test', 'uuid-' || ?1, ?3, ?2)",
                                       -1, &s.person, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (s.db,
                                       "INSERT INTO incident (id, created_at, updated_at, updated_by, source, source_ref, "
                                       "occurred_at, perpetrator_id, victim_id, relationship, offence_code, area) "
                                       "VALUES (?1, 'now', 'now', 'test', 'police', ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                       -1, &s.incident, NULL), ==, SQLITE_OK);
  s.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s.builder = vigil_fact_set_builder_new ();
  s.next_id = 1;
  g_assert_true (vigil_synth_generate (20000, 7, AS_OF, add_synth_incident, &s, NULL, &error));
  g_assert_no_error (error);
  sqlite3_finalize (s.person);
  sqlite3_finalize (s.incident);
  g_assert_cmpint (sqlite3_exec (s.db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (s.db);
  g_hash_table_unref (s.ids);
  built = end_builder (s.builder);

  loaded = vigil_fact_set_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigil_fact_set_get_n_facts (loaded), ==, 20000);
  g_assert_cmpuint (vigil_fact_set_get_n_persons (loaded), ==, vigil_fact_set_get_n_persons (built));
  g_assert_cmpuint (vigil_fact_set_get_n_victims (loaded), ==, vigil_fact_set_get_n_victims (built));
  loaded_table = score (loaded, profile, AS_OF);
  built_table = score (built, profile, AS_OF);
  assert_same_scores (loaded_table, built_table);
  g_assert_cmpuint (vigil_score_table_get_n_rows (loaded_table), >, 5000);

  g_cancellable_cancel (cancellable);
  cancelled_set = vigil_fact_set_load (store, cancellable, &error);
  g_assert_null (cancelled_set);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The hand-made CSV is what printf's "%d,%s,%u,%u,%u,%u,%g" gives, whole or not. */
static void
test_write_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilFactSetBuilder) builder = vigil_fact_set_builder_new ();
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  g_autoptr(GString) expected = g_string_new ("rank,perpetrator_ref,R,F,G,V,total\n");
  g_autofree char *dir = vigil_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ranking.csv", NULL);
  g_autofree char *written = NULL;
  const double weights[][VIGIL_RFGV_N_COMPONENTS] = { { 1, 1, 1, 1 }, { 2, 0, 1.5, 0.1 }, { 0.1, 0.3, 3.7, 100 } };
  GDate as_of;

  g_assert_no_error (error);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *ref = g_strdup_printf ("SYN-P%04u", (i * 7919) % 1000);
      g_autofree char *victim = g_strdup_printf ("SYN-V%03u", i % 37);
      g_autofree char *date = g_strdup_printf ("2026-%02u-%02u", 1 + i % 10, 1 + i % 28);
      VigilFactInput input = { 0, ref, date, 0, victim, "ex_partner", i % 3 ? "abh" : "stalking", NULL, 0, NULL };

      g_assert_true (vigil_fact_set_builder_add (builder, &input, &error));
      g_assert_no_error (error);
    }
  facts = vigil_fact_set_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);
  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 1, 11, 2026);

  for (guint w = 0; w < G_N_ELEMENTS (weights); w++)
    {
      g_autoptr(VigilScoreTable) table = NULL;
      const VigilScoreRow *rows;
      guint n_rows;
      FILE *out;

      memcpy (profile->weights, weights[w], sizeof profile->weights);
      table = vigil_rfgv_score (facts, profile, &as_of, &error);
      g_assert_no_error (error);
      rows = vigil_score_table_get_rows (table, &n_rows);
      g_assert_cmpuint (n_rows, >, 100);
      g_string_truncate (expected, strlen ("rank,perpetrator_ref,R,F,G,V,total\n"));
      for (guint i = 0; i < n_rows; i++)
        g_string_append_printf (expected, "%d,%s,%u,%u,%u,%u,%g\n", rows[i].rank,
                                vigil_score_table_get_person_ref (table, &rows[i]),
                                rows[i].points[VIGIL_RFGV_RECENCY], rows[i].points[VIGIL_RFGV_FREQUENCY],
                                rows[i].points[VIGIL_RFGV_GRAVITY], rows[i].points[VIGIL_RFGV_VICTIMS],
                                rows[i].total);

      out = fopen (path, "w");
      g_assert_nonnull (out);
      g_assert_true (vigil_score_table_write_csv (table, out, &error));
      g_assert_no_error (error);
      fclose (out);
      g_clear_pointer (&written, g_free);
      g_assert_true (g_file_get_contents (path, &written, NULL, &error));
      g_assert_cmpstr (written, ==, expected->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  vigil_test_init_engine ();

  g_test_add_func ("/rfgv/parse-day", test_parse_day);
  g_test_add_func ("/rfgv/recency-edges", test_recency_edges);
  g_test_add_func ("/rfgv/frequency-edges", test_frequency_edges);
  g_test_add_func ("/rfgv/gravity-edges", test_gravity_edges);
  g_test_add_func ("/rfgv/victim-edges", test_victim_edges);
  g_test_add_func ("/rfgv/window-edges", test_window_edges);
  g_test_add_func ("/rfgv/leap-days", test_leap_days);
  g_test_add_func ("/rfgv/relationships", test_relationships);
  g_test_add_func ("/rfgv/unknown-offence", test_unknown_offence);
  g_test_add_func ("/rfgv/tie-breaks", test_tie_breaks);
  g_test_add_func ("/rfgv/area-ranks", test_area_ranks);
  g_test_add_func ("/rfgv/weights", test_weights);
  g_test_add_func ("/rfgv/cohort", test_cohort);
  g_test_add_func ("/rfgv/explain", test_explain);
  g_test_add_func ("/rfgv/movers", test_movers);
  g_test_add_func ("/rfgv/movers-scored", test_movers_scored);
  g_test_add_func ("/rfgv/empty-and-errors", test_empty_and_errors);
  g_test_add_func ("/rfgv/rescore", test_rescore);
  g_test_add_func ("/rfgv/store", test_store);
  g_test_add_func ("/rfgv/store-parallel", test_store_parallel);
  g_test_add_func ("/rfgv/write-csv", test_write_csv);

  return g_test_run ();
}
