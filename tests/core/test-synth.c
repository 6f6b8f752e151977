/* test-synth.c: the synthetic incident generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "vigil-core.h"

#define AS_OF "2025-06-30"

static const char * const gravity_codes[] = {
  "homicide", "attempted_murder", "rape", "gbh", "strangulation", "kidnap",
  "sexual_assault", "abh", "coercive_control", "stalking", "threats_to_kill",
  "arson_endangering_life", "common_assault", "harassment", "breach_of_order",
  "criminal_damage", "malicious_communications", "public_order", "non_crime_incident",
  "other", NULL,
};

/* Offences that may carry the stalking flag: a course of conduct */
static const char * const stalking_type_codes[] = {
  "stalking", "harassment", "malicious_communications", "breach_of_order",
  "criminal_damage", "threats_to_kill", NULL,
};

static char *
generate_csv (guint64     n_incidents,
              guint64     seed,
              const char *as_of)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  char nul = '\0';

  g_assert_true (vigil_synth_write_csv (n_incidents, seed, as_of, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, &nul, 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* A strict RFC 4180 reader: returns the records (GPtrArray of GStrv), fails the test on
 * any malformed quoting. */
static GPtrArray *
parse_csv (const char *text)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      g_string_truncate (field, 0);
      if (*p == '"')
        {
          p++;
          while (TRUE)
            {
              g_assert_cmpint (*p, !=, '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
        }
      else
        {
          while (*p != '\0' && *p != ',' && *p != '\n' && *p != '\r')
            {
              g_assert_cmpint (*p, !=, '"');
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (*p == ',')
        {
          p++;
          continue;
        }

      if (*p == '\r')
        p++;
      g_assert_true (*p == '\n' || *p == '\0');
      if (*p == '\n')
        p++;

      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
    }

  g_assert_cmpuint (fields->len, ==, 0);
  return g_steal_pointer (&records);
}

static void
test_synth_deterministic (void)
{
  g_autofree char *a = generate_csv (3000, 7, AS_OF);
  g_autofree char *b = generate_csv (3000, 7, AS_OF);
  g_autofree char *c = generate_csv (3000, 8, AS_OF);
  g_autofree char *d = generate_csv (3000, 7, "2024-01-15");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (a, !=, d);
}

typedef struct
{
  GHashTable *incidents_per_perpetrator;  /* ref → count */
  GHashTable *victims_per_perpetrator;    /* ref → GHashTable of victim refs */
  guint64     n;
} TailCounts;

static gboolean
count_incident_cb (const VigilSynthIncident  *incident,
                   gpointer                   user_data,
                   GError                   **error)
{
  TailCounts *counts = user_data;
  GHashTable *victims;
  guint n;

  counts->n++;
  g_assert_cmpuint (incident->number, ==, counts->n);

  n = GPOINTER_TO_UINT (g_hash_table_lookup (counts->incidents_per_perpetrator,
                                             incident->perpetrator.ref));
  g_hash_table_insert (counts->incidents_per_perpetrator, g_strdup (incident->perpetrator.ref),
                       GUINT_TO_POINTER (n + 1));

  victims = g_hash_table_lookup (counts->victims_per_perpetrator, incident->perpetrator.ref);
  if (victims == NULL)
    {
      victims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (counts->victims_per_perpetrator, g_strdup (incident->perpetrator.ref),
                           victims);
    }
  g_hash_table_add (victims, g_strdup (incident->victim.ref));
  return TRUE;
}

static void
test_synth_heavy_tail (void)
{
  g_autoptr(GError) error = NULL;
  TailCounts counts = { 0 };
  GHashTableIter iter;
  gpointer key, value;
  guint n_perpetrators, n_single = 0, max = 0, n_multi_victim = 0, max_victims = 0;
  double single_share, mean;

  counts.incidents_per_perpetrator = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  counts.victims_per_perpetrator = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_hash_table_unref);

  g_assert_true (vigil_synth_generate (50000, 2024, AS_OF, count_incident_cb, &counts, NULL,
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n, ==, 50000);

  n_perpetrators = g_hash_table_size (counts.incidents_per_perpetrator);
  g_hash_table_iter_init (&iter, counts.incidents_per_perpetrator);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = GPOINTER_TO_UINT (value);

      if (n == 1)
        n_single++;
      max = MAX (max, n);
    }
  g_hash_table_iter_init (&iter, counts.victims_per_perpetrator);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = g_hash_table_size (value);

      if (n > 1)
        n_multi_victim++;
      max_victims = MAX (max_victims, n);
    }

  single_share = (double) n_single / n_perpetrators;
  mean = 50000.0 / n_perpetrators;
  g_test_message ("%u perpetrators, %.1f%% once, mean %.2f, max %u, %u with several "
                  "victims (max %u)", n_perpetrators, 100 * single_share, mean, max,
                  n_multi_victim, max_victims);

  /* Most perpetrators appear once; a few are serial */
  g_assert_cmpfloat (single_share, >, 0.55);
  g_assert_cmpfloat (single_share, <, 0.80);
  g_assert_cmpfloat (mean, >, 2.0);
  g_assert_cmpfloat (mean, <, 3.0);
  g_assert_cmpuint (max, >=, 10);
  g_assert_cmpuint (max, <=, 200);
  /* Mostly one victim, serial ones several */
  g_assert_cmpuint (n_multi_victim, >, n_perpetrators / 50);
  g_assert_cmpuint (n_multi_victim, <, n_perpetrators / 3);
  g_assert_cmpuint (max_victims, >=, 4);

  g_hash_table_unref (counts.incidents_per_perpetrator);
  g_hash_table_unref (counts.victims_per_perpetrator);
}

static guint32
julian_of (const char *text)
{
  g_autofree char *date = g_strndup (text, 10);
  GDate parsed;
  guint year, month, day;

  g_assert_true (vigil_date_is_valid (date));
  g_assert_cmpint (sscanf (date, "%4u-%2u-%2u", &year, &month, &day), ==, 3);
  g_date_clear (&parsed, 1);
  g_date_set_dmy (&parsed, day, month, year);
  return g_date_get_julian (&parsed);
}

static void
test_synth_csv_valid (void)
{
  g_autofree char *text = generate_csv (20000, 99, AS_OF);
  g_autoptr(GPtrArray) records = parse_csv (text);
  g_auto(GStrv) header = g_strsplit (VIGIL_SYNTH_CSV_HEADER, ",", -1);
  const char * const *areas = vigil_synth_get_areas ();
  guint32 as_of = julian_of (AS_OF);
  guint n_dob_missing = 0, n_victim_no_dob = 0, n_stalking = 0, n_date_only = 0;
  guint n_relationship[4] = { 0 };
  g_autoptr(GHashTable) offences = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) areas_seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_true (g_str_has_prefix (text, VIGIL_SYNTH_CSV_HEADER "\n"));
  g_assert_cmpuint (records->len, ==, 20001);
  g_assert_cmpuint (g_strv_length (header), ==, VIGIL_SYNTH_CSV_N_COLUMNS);
  g_assert_true (g_strv_equal ((const char * const *) header, g_ptr_array_index (records, 0)));

  for (guint i = 1; i < records->len; i++)
    {
      char **row = g_ptr_array_index (records, i);
      g_autofree char *expected_ref = g_strdup_printf ("SYN-I%07u", i);
      g_auto(GStrv) perpetrator_name = NULL;
      g_auto(GStrv) victim_name = NULL;
      guint32 day;
      guint rel;

      g_assert_cmpuint (g_strv_length (row), ==, VIGIL_SYNTH_CSV_N_COLUMNS);
      for (guint f = 0; f < VIGIL_SYNTH_CSV_N_COLUMNS; f++)
        g_assert_true (g_utf8_validate (row[f], -1, NULL));

      /* incident_ref, occurred_at */
      g_assert_cmpstr (row[0], ==, expected_ref);
      g_assert_true (vigil_datetime_is_valid (row[1]));
      if (strlen (row[1]) == 10)
        n_date_only++;
      day = julian_of (row[1]);
      g_assert_cmpuint (day, <, as_of);
      g_assert_cmpuint (day, >=, as_of - 1461);
      if (i > 1)
        {
          char **previous = g_ptr_array_index (records, i - 1);

          g_assert_cmpint (strncmp (previous[1], row[1], 10), <=, 0);
        }

      /* people */
      g_assert_true (g_regex_match_simple ("^SYN-P[0-9]{7}$", row[2], 0, 0));
      g_assert_true (g_regex_match_simple ("^SYN-P[0-9]{7}$", row[5], 0, 0));
      g_assert_cmpstr (row[2], !=, row[5]);
      perpetrator_name = g_strsplit (row[3], ", ", 2);
      victim_name = g_strsplit (row[6], ", ", 2);
      g_assert_cmpuint (g_strv_length (perpetrator_name), ==, 2);
      g_assert_cmpuint (g_strv_length (victim_name), ==, 2);
      g_assert_true (vigil_synth_name_is_synthetic (perpetrator_name[0], perpetrator_name[1]));
      g_assert_true (vigil_synth_name_is_synthetic (victim_name[0], victim_name[1]));
      if (*row[4] == '\0')
        n_dob_missing++;
      else
        g_assert_true (vigil_date_is_valid (row[4]));
      if (*row[7] == '\0')
        n_victim_no_dob++;
      else
        g_assert_true (vigil_date_is_valid (row[7]));

      /* codes */
      g_assert_true (g_strv_contains (vigil_relationship_choices, row[8]));
      for (rel = 0; !g_str_equal (vigil_relationship_choices[rel], row[8]); rel++)
        ;
      n_relationship[rel]++;
      g_assert_true (g_strv_contains (gravity_codes, row[9]));
      g_hash_table_add (offences, row[9]);
      g_assert_true (*row[10] == '\0' || g_strv_contains (vigil_dash_risk_choices, row[10]));
      g_assert_true (g_str_equal (row[11], "0") || g_str_equal (row[11], "1"));
      if (g_str_equal (row[9], "stalking"))
        g_assert_cmpstr (row[11], ==, "1");
      if (g_str_equal (row[11], "1"))
        {
          g_assert_true (g_strv_contains (stalking_type_codes, row[9]));
          n_stalking++;
        }
      g_assert_true (g_strv_contains (areas, row[12]));
      g_hash_table_add (areas_seen, row[12]);
    }

  g_test_message ("relationships %u/%u/%u/%u, %u offence codes, %u stalking, %u victims "
                  "without dob", n_relationship[0], n_relationship[1], n_relationship[2],
                  n_relationship[3], g_hash_table_size (offences), n_stalking, n_victim_no_dob);

  /* Mostly partners and ex-partners, some family, a few non-domestic */
  g_assert_cmpuint (n_relationship[0] + n_relationship[1], >, 14000);
  g_assert_cmpuint (n_relationship[2], >, 500);
  g_assert_cmpuint (n_relationship[3], >, 100);
  g_assert_cmpuint (n_relationship[3], <, n_relationship[2]);
  g_assert_cmpuint (g_hash_table_size (offences), >=, 15);
  g_assert_cmpuint (g_hash_table_size (areas_seen), ==, g_strv_length ((GStrv) areas));
  g_assert_cmpuint (n_stalking, >, 200);
  g_assert_cmpuint (n_victim_no_dob, >, 1000);
  g_assert_cmpuint (n_dob_missing, <, n_victim_no_dob);
  g_assert_cmpuint (n_date_only, >, 0);
}

static void
test_synth_names (void)
{
  g_assert_true (vigil_synth_name_is_synthetic ("Testington", "Bravo Tango"));
  g_assert_true (vigil_synth_name_is_synthetic ("Mockridge", "Sierra"));
  g_assert_true (vigil_synth_name_is_synthetic ("O'Fakenham-Samplewick", "Alfa X-ray"));
  g_assert_true (vigil_synth_name_is_synthetic ("Examplesson", NULL));
  g_assert_false (vigil_synth_name_is_synthetic ("Smith", "John"));
  g_assert_false (vigil_synth_name_is_synthetic ("Testington", "John"));
  g_assert_false (vigil_synth_name_is_synthetic ("Testingtonshire", "Bravo"));
  g_assert_false (vigil_synth_name_is_synthetic ("Test", "Bravo"));
  g_assert_false (vigil_synth_name_is_synthetic (NULL, "Bravo"));
}

static void
test_synth_sizes (void)
{
  g_autofree char *empty = generate_csv (0, 1, AS_OF);
  g_autofree char *one = generate_csv (1, 1, AS_OF);
  g_autoptr(GPtrArray) records = parse_csv (one);

  g_assert_cmpstr (empty, ==, VIGIL_SYNTH_CSV_HEADER "\n");
  g_assert_cmpuint (records->len, ==, 2);
}

static void
test_synth_invalid (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  const char *bad_dates[] = { NULL, "", "2025-02-30", "30/06/2025", "2025-6-30", "1899-12-31",
                              "2025-06-30T10:00:00" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (vigil_synth_write_csv (10, 1, bad_dates[i], out, NULL, &error));
      g_assert_error (error, VIGIL_SYNTH_ERROR, VIGIL_SYNTH_ERROR_INVALID);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (vigil_synth_write_csv (VIGIL_SYNTH_MAX_INCIDENTS + 1, 1, AS_OF, out,
                                           NULL, &error));
    g_assert_error (error, VIGIL_SYNTH_ERROR, VIGIL_SYNTH_ERROR_INVALID);
  }

  /* Nothing was written */
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==, 0);
}

static gboolean
stop_after_ten_cb (const VigilSynthIncident  *incident,
                   gpointer                   user_data,
                   GError                   **error)
{
  guint *n = user_data;

  if (++*n < 10)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "full");
  return FALSE;
}

static void
test_synth_stops (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_false (vigil_synth_generate (1000, 1, AS_OF, stop_after_ten_cb, &n, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (n, ==, 10);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (vigil_synth_write_csv (1000, 1, AS_OF, out, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_synth_large (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gsize size;

  g_assert_true (vigil_synth_write_csv (200000, 3, AS_OF, out, NULL, &error));
  g_assert_no_error (error);
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  g_test_message ("200,000 incidents: %" G_GSIZE_FORMAT " bytes in %.2f s", size,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (size, >, 200000 * 100);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/synth/deterministic", test_synth_deterministic);
  g_test_add_func ("/synth/heavy-tail", test_synth_heavy_tail);
  g_test_add_func ("/synth/csv-valid", test_synth_csv_valid);
  g_test_add_func ("/synth/names", test_synth_names);
  g_test_add_func ("/synth/sizes", test_synth_sizes);
  g_test_add_func ("/synth/invalid", test_synth_invalid);
  g_test_add_func ("/synth/stops", test_synth_stops);
  g_test_add_func ("/synth/large", test_synth_large);

  return g_test_run ();
}
