/* test-scoring-profile.c: RFGV scoring profiles: the default, every kind of mistake,
 * the canonical round trip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vigil-core.h"
#include "vigil-scoring-profile.h"
#include "vigil-test-store.h"

static char *
read_default_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/vigilapp/Vigil/core/profiles/rfgv-default.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_default (void)
{
  static const struct { const char *code; int points; } gravity[] = {
    { "homicide", 5 }, { "attempted_murder", 5 }, { "rape", 5 }, { "gbh", 5 },
    { "strangulation", 5 }, { "kidnap", 5 }, { "sexual_assault", 4 }, { "abh", 4 },
    { "coercive_control", 4 }, { "stalking", 4 }, { "threats_to_kill", 4 },
    { "arson_endangering_life", 4 }, { "common_assault", 3 }, { "harassment", 3 },
    { "breach_of_order", 3 }, { "criminal_damage", 2 }, { "malicious_communications", 2 },
    { "public_order", 2 }, { "non_crime_incident", 1 }, { "other", 1 },
  };
  static const int recency[][2] = { { 90, 5 }, { 180, 4 }, { 365, 3 }, { 730, 2 }, { 1095, 1 } };
  static const int frequency[][2] = { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 5, 4 }, { 10, 5 } };
  static const int gravity_bands[][2] = { { 1, 1 }, { 5, 2 }, { 10, 3 }, { 20, 4 }, { 40, 5 } };
  static const int victims[][2] = { { 1, 1 }, { 2, 3 }, { 3, 5 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  gboolean known;

  g_assert_no_error (error);
  g_assert_nonnull (profile);
  g_assert_cmpstr (profile->name, ==, "rfgv-default");
  g_assert_nonnull (profile->description);
  g_assert_cmpint (profile->window_months, ==, 36);
  g_assert_cmpuint (profile->relationships, ==, 0xf);

#define CHECK_SCALE(component, table)                                                  \
  g_assert_cmpuint (profile->scales[component].n_bands, ==, G_N_ELEMENTS (table));      \
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)                                      \
    {                                                                                   \
      g_assert_cmpint (profile->scales[component].bands[i].threshold, ==, table[i][0]); \
      g_assert_cmpint (profile->scales[component].bands[i].points, ==, table[i][1]);    \
    }                                                                                   \
  g_assert_cmpint (profile->scales[component].otherwise, ==, 0)
  CHECK_SCALE (VIGIL_RFGV_RECENCY, recency);
  CHECK_SCALE (VIGIL_RFGV_FREQUENCY, frequency);
  CHECK_SCALE (VIGIL_RFGV_GRAVITY, gravity_bands);
  CHECK_SCALE (VIGIL_RFGV_VICTIMS, victims);
#undef CHECK_SCALE

  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    g_assert_cmpfloat (profile->weights[c], ==, 1.0);

  g_assert_cmpuint (profile->n_offences, ==, G_N_ELEMENTS (gravity));
  for (guint i = 0; i < G_N_ELEMENTS (gravity); i++)
    {
      g_assert_cmpint (vigil_scoring_profile_get_offence_points (profile, gravity[i].code, &known), ==, gravity[i].points);
      g_assert_true (known);
    }
  g_assert_cmpint (vigil_scoring_profile_get_offence_points (profile, "littering", &known), ==, 1);
  g_assert_false (known);
  g_assert_cmpint (profile->unknown_offence_points, ==, 1);

  g_assert_true (profile->cohort_has_min_total);
  g_assert_cmpfloat (profile->cohort_min_total, ==, 14);
  g_assert_cmpint (profile->cohort_top_n, ==, 100);
  g_assert_cmpint (profile->cohort_top_n_per_area, ==, 25);
  g_assert_cmpint (profile->agency_fresh_days, ==, 365);
}

/* The installed file and the resource are the same canonical text. */
static void
test_default_is_canonical (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_default_text ();
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_new_from_data (text, -1, &error);
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("VIGIL_SOURCE_ROOT"), "data", "profiles", "rfgv-default.json", NULL);
  g_autofree char *file_text = NULL;
  g_autoptr(VigilScoringProfile) from_file = NULL;

  g_assert_no_error (error);
  json = vigil_scoring_profile_to_json (profile);
  g_assert_cmpstr (json, ==, text);

  g_assert_true (g_file_get_contents (path, &file_text, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (file_text, ==, text);
  from_file = vigil_scoring_profile_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_scoring_profile_equal (profile, from_file));
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  g_autoptr(VigilScoringProfile) copy = NULL;
  g_autoptr(VigilScoringProfile) reread = NULL;
  g_autoptr(VigilScoringProfile) shuffled = NULL;
  g_autofree char *json = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sha_changed = NULL;
  g_autofree char *json_changed = NULL;
  const char *reordered =
    "{ \"agency_information_fresh_days\": 365, \"cohort\": { \"top_n_per_area\": 25, \"top_n\": 100, \"min_total\": 14.0 },"
    "  \"unknown_offence_gravity\": 1,"
    "  \"offence_gravity\": { \"other\": 1, \"non_crime_incident\": 1, \"public_order\": 2,"
    "    \"malicious_communications\": 2, \"criminal_damage\": 2, \"breach_of_order\": 3, \"harassment\": 3,"
    "    \"common_assault\": 3, \"arson_endangering_life\": 4, \"threats_to_kill\": 4, \"stalking\": 4,"
    "    \"coercive_control\": 4, \"abh\": 4, \"sexual_assault\": 4, \"kidnap\": 5, \"strangulation\": 5,"
    "    \"gbh\": 5, \"rape\": 5, \"attempted_murder\": 5, \"homicide\": 5 },"
    "  \"weights\": { \"victims\": 1.0, \"gravity\": 1, \"frequency\": 1, \"recency\": 1 },"
    "  \"victims\": { \"otherwise\": 0, \"bands\": [ { \"points\": 1, \"min_victims\": 1 }, { \"min_victims\": 2, \"points\": 3 }, { \"min_victims\": 3, \"points\": 5 } ] },"
    "  \"gravity\": { \"bands\": [ { \"min_gravity\": 1, \"points\": 1 }, { \"min_gravity\": 5, \"points\": 2 }, { \"min_gravity\": 10, \"points\": 3 }, { \"min_gravity\": 20, \"points\": 4 }, { \"min_gravity\": 40, \"points\": 5 } ] },"
    "  \"frequency\": { \"bands\": [ { \"min_incidents\": 1, \"points\": 1 }, { \"min_incidents\": 2, \"points\": 2 }, { \"min_incidents\": 3, \"points\": 3 }, { \"min_incidents\": 5, \"points\": 4 }, { \"min_incidents\": 10, \"points\": 5 } ] },"
    "  \"recency\": { \"bands\": [ { \"max_days\": 90, \"points\": 5 }, { \"max_days\": 180, \"points\": 4 }, { \"max_days\": 365, \"points\": 3 }, { \"max_days\": 730, \"points\": 2 }, { \"max_days\": 1095, \"points\": 1 } ] },"
    "  \"relationships\": [ \"non_domestic\", \"family\", \"ex_partner\", \"intimate_partner\" ],"
    "  \"window_months\": 36, \"name\": \"rfgv-default\","
    "  \"description\": \"Vigil's default RFGV model (DESIGN.md): recency, frequency, gravity and victims over the 36 months up to the as-of date, all four relationships, equal weights. Coercive control and stalking weigh as much as injury.\" }";

  g_assert_no_error (error);
  json = vigil_scoring_profile_to_json (profile);
  reread = vigil_scoring_profile_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_scoring_profile_equal (profile, reread));

  /* key order, 1.0 against 1: the same canonical text and checksum */
  shuffled = vigil_scoring_profile_new_from_data (reordered, -1, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_scoring_profile_equal (profile, shuffled));
  sha = vigil_scoring_profile_get_sha256 (profile);
  g_assert_cmpuint (strlen (sha), ==, 64);
  {
    g_autofree char *sha_shuffled = vigil_scoring_profile_get_sha256 (shuffled);

    g_assert_cmpstr (sha, ==, sha_shuffled);
  }

  /* a change shows in the text and the checksum, and survives a round trip */
  copy = vigil_scoring_profile_copy (profile);
  copy->weights[VIGIL_RFGV_GRAVITY] = 1.5;
  copy->cohort_has_min_total = FALSE;
  vigil_scoring_profile_set_offence_points (copy, "littering", 2);
  vigil_scoring_profile_set_offence_points (copy, "rape", 4);
  g_assert_true (vigil_scoring_profile_validate (copy, &error));
  g_assert_no_error (error);
  g_assert_false (vigil_scoring_profile_equal (profile, copy));
  sha_changed = vigil_scoring_profile_get_sha256 (copy);
  g_assert_cmpstr (sha, !=, sha_changed);
  json_changed = vigil_scoring_profile_to_json (copy);
  g_assert_nonnull (strstr (json_changed, "\"gravity\" : 1.5"));
  g_assert_null (strstr (json_changed, "min_total"));
  {
    g_autoptr(VigilScoringProfile) back = vigil_scoring_profile_new_from_data (json_changed, -1, &error);

    g_assert_no_error (error);
    g_assert_true (vigil_scoring_profile_equal (copy, back));
    g_assert_cmpint (vigil_scoring_profile_get_offence_points (back, "littering", NULL), ==, 2);
    g_assert_cmpint (vigil_scoring_profile_get_offence_points (back, "rape", NULL), ==, 4);
    g_assert_false (back->cohort_has_min_total);
  }
}

static void
test_points (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  static const gint64 recency[][3] = {
    { 0, 5, 0 }, { 90, 5, 0 }, { 91, 4, 1 }, { 180, 4, 1 }, { 181, 3, 2 }, { 365, 3, 2 },
    { 366, 2, 3 }, { 730, 2, 3 }, { 731, 1, 4 }, { 1095, 1, 4 }, { 1096, 0, -1 }, { 100000, 0, -1 },
  };
  static const gint64 frequency[][3] = {
    { 0, 0, -1 }, { 1, 1, 0 }, { 2, 2, 1 }, { 3, 3, 2 }, { 4, 3, 2 }, { 5, 4, 3 }, { 9, 4, 3 },
    { 10, 5, 4 }, { 5000, 5, 4 },
  };
  static const gint64 victims[][3] = { { 0, 0, -1 }, { 1, 1, 0 }, { 2, 3, 1 }, { 3, 5, 2 }, { 12, 5, 2 } };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (recency); i++)
    {
      int band;

      g_assert_cmpint (vigil_scoring_profile_get_points (profile, VIGIL_RFGV_RECENCY, recency[i][0], &band), ==, recency[i][1]);
      g_assert_cmpint (band, ==, recency[i][2]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (frequency); i++)
    {
      int band;

      g_assert_cmpint (vigil_scoring_profile_get_points (profile, VIGIL_RFGV_FREQUENCY, frequency[i][0], &band), ==, frequency[i][1]);
      g_assert_cmpint (band, ==, frequency[i][2]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (victims); i++)
    g_assert_cmpint (vigil_scoring_profile_get_points (profile, VIGIL_RFGV_VICTIMS, victims[i][0], NULL), ==, victims[i][1]);

  g_assert_cmpstr (vigil_rfgv_component_to_key (VIGIL_RFGV_GRAVITY), ==, "gravity");
  g_assert_cmpint (vigil_relationship_from_code ("ex_partner"), ==, VIGIL_RELATIONSHIP_EX_PARTNER);
  g_assert_cmpint (vigil_relationship_from_code ("stranger"), ==, VIGIL_RELATIONSHIP_UNKNOWN);
  for (guint r = 0; r < VIGIL_N_RELATIONSHIPS; r++)
    g_assert_cmpstr (vigil_relationship_to_code (r), ==, vigil_relationship_choices[r]);
  g_assert_null (vigil_relationship_choices[VIGIL_N_RELATIONSHIPS]);
}

/* ------------------------------------------------------------------------------------
 * Mistakes: the default with one thing changed, by key path
 * ------------------------------------------------------------------------------------ */

static JsonNode *
node_at (JsonNode   *node,
         const char *segment,
         JsonObject **parent_object,
         JsonArray  **parent_array,
         char       **key,
         int         *index)
{
  const char *bracket = strchr (segment, '[');

  *parent_object = NULL;
  *parent_array = NULL;
  *index = -1;
  *key = bracket != NULL ? g_strndup (segment, bracket - segment) : g_strdup (segment);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  *parent_object = json_node_get_object (node);
  if (bracket == NULL)
    return json_object_get_member (*parent_object, *key);

  node = json_object_get_member (*parent_object, *key);
  g_assert_nonnull (node);
  *parent_array = json_node_get_array (node);
  *index = atoi (bracket + 1);
  return json_array_get_length (*parent_array) > (guint) *index ? json_array_get_element (*parent_array, *index) : NULL;
}

/* The default profile's JSON with @path set to @value (JSON text), or removed when
 * @value is NULL. */
static char *
mutate (const char *path,
        const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_default_text ();
  g_autoptr(JsonNode) root = json_from_string (text, &error);
  g_auto(GStrv) segments = g_strsplit (path, ".", -1);
  JsonNode *node = root;
  guint n = g_strv_length (segments);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object;
      JsonArray *array;
      g_autofree char *key = NULL;
      int index;
      JsonNode *child = node_at (node, segments[i], &object, &array, &key, &index);

      if (i + 1 < n)
        {
          g_assert_nonnull (child);
          node = child;
          continue;
        }

      if (array == NULL)
        {
          if (value == NULL)
            json_object_remove_member (object, key);
          else
            {
              JsonNode *new_value = json_from_string (value, &error);

              g_assert_no_error (error);
              json_object_set_member (object, key, new_value);
            }
        }
      else
        {
          JsonArray *copy = json_array_new ();

          for (guint j = 0; j < json_array_get_length (array); j++)
            if ((int) j != index)
              json_array_add_element (copy, json_node_copy (json_array_get_element (array, j)));
            else if (value != NULL)
              {
                JsonNode *new_value = json_from_string (value, &error);

                g_assert_no_error (error);
                json_array_add_element (copy, new_value);
              }
          json_object_set_array_member (object, key, copy);
        }
    }
  return json_to_string (root, TRUE);
}

static void
check_mistake (const char *text,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_new_from_data (text, -1, &error);

  g_assert_null (profile);
  g_assert_error (error, VIGIL_SCORING_PROFILE_ERROR, VIGIL_SCORING_PROFILE_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("expected “%s…”, got “%s”", expected, error->message);
}

static void
check_mutation (const char *path,
                const char *value,
                const char *expected)
{
  g_autofree char *text = mutate (path, value);

  check_mistake (text, expected);
}

static void
test_mistakes (void)
{
  /* points out of range, not whole, of the wrong kind */
  check_mutation ("recency.bands[2].points", "101", "recency.bands[2].points: must be a whole number from 0 to 100");
  check_mutation ("recency.bands[2].points", "-1", "recency.bands[2].points: must be a whole number from 0 to 100");
  check_mutation ("recency.bands[2].points", "2.5", "recency.bands[2].points: must be a whole number from 0 to 100");
  check_mutation ("recency.bands[2].points", "\"3\"", "recency.bands[2].points: must be a whole number from 0 to 100");
  check_mutation ("recency.bands[2].points", "null", "recency.bands[2].points: must be a whole number from 0 to 100");
  check_mutation ("victims.otherwise", "200", "victims.otherwise: must be a whole number from 0 to 100");
  check_mutation ("offence_gravity.rape", "-5", "offence_gravity.rape: must be a whole number from 0 to 100");
  check_mutation ("offence_gravity.rape", "\"high\"", "offence_gravity.rape: must be a whole number from 0 to 100");
  check_mutation ("offence_gravity.Rape!", "5", "offence_gravity.Rape!: an offence code may only hold lower-case letters");
  check_mutation ("unknown_offence_gravity", "1000", "unknown_offence_gravity: must be a whole number from 0 to 100");

  /* unknown keys, at every level */
  check_mutation ("colour", "\"blue\"", "colour: unknown key (expected one of: format, name,");
  check_mutation ("recency.colour", "1", "recency.colour: unknown key (expected one of: bands, otherwise)");
  check_mutation ("recency.bands[0].min_days", "1", "recency.bands[0].min_days: unknown key (expected one of: max_days, points)");
  check_mutation ("weights.rank", "1", "weights.rank: unknown key");
  check_mutation ("cohort.top_n_per_force", "1", "cohort.top_n_per_force: unknown key");

  /* bands out of order, too few, too many, not objects */
  check_mutation ("recency.bands[1].max_days", "90", "recency.bands[1].max_days: bands out of order: must be more than the band before’s max_days (90)");
  check_mutation ("recency.bands[4].max_days", "700", "recency.bands[4].max_days: bands out of order");
  check_mutation ("frequency.bands[3].min_incidents", "2", "frequency.bands[3].min_incidents: bands out of order");
  check_mutation ("gravity.bands[1].min_gravity", "1", "gravity.bands[1].min_gravity: bands out of order");
  check_mutation ("victims.bands[2].min_victims", "1", "victims.bands[2].min_victims: bands out of order");
  check_mutation ("victims.bands", "[]", "victims.bands: must be a list ([ … ]) of 1 to 20 bands");
  check_mutation ("victims.bands", "{}", "victims.bands: must be a list ([ … ]) of 1 to 20 bands");
  check_mutation ("recency.bands[0]", "5", "recency.bands[0]: must be an object ({ … }) with max_days and points");
  check_mutation ("frequency.bands[0].min_incidents", "0", "frequency.bands[0].min_incidents: must be a whole number from 1 to");
  check_mutation ("recency.bands[0].max_days", "-1", "recency.bands[0].max_days: must be a whole number from 0 to");
  {
    g_autoptr(GString) bands = g_string_new ("[");

    for (int i = 0; i < 21; i++)
      g_string_append_printf (bands, "%s{ \"max_days\": %d, \"points\": 1 }", i ? ", " : "", i * 10);
    g_string_append (bands, "]");
    check_mutation ("recency.bands", bands->str, "recency.bands: must be a list ([ … ]) of 1 to 20 bands");
  }

  /* missing keys */
  check_mutation ("window_months", NULL, "window_months: this key is missing");
  check_mutation ("name", NULL, "name: this key is missing");
  check_mutation ("gravity", NULL, "gravity: this key is missing");
  check_mutation ("gravity.bands", NULL, "gravity.bands: this key is missing");
  check_mutation ("recency.bands[1].points", NULL, "recency.bands[1].points: this key is missing");
  check_mutation ("weights.victims", NULL, "weights.victims: this key is missing");
  check_mutation ("offence_gravity", NULL, "offence_gravity: this key is missing");
  check_mutation ("unknown_offence_gravity", NULL, "unknown_offence_gravity: this key is missing");
  check_mutation ("cohort", NULL, "cohort: this key is missing");
  check_mutation ("agency_information_fresh_days", NULL, "agency_information_fresh_days: this key is missing");

  /* the window */
  check_mutation ("window_months", "0", "window_months: must be a whole number from 1 to 1200");
  check_mutation ("window_months", "-12", "window_months: must be a whole number from 1 to 1200");
  check_mutation ("window_months", "1201", "window_months: must be a whole number from 1 to 1200");
  check_mutation ("window_months", "\"36\"", "window_months: must be a whole number from 1 to 1200");

  /* relationships */
  check_mutation ("relationships[1]", "\"partner\"", "relationships[1]: “partner” is not a relationship Vigil knows (intimate_partner, ex_partner, family, non_domestic)");
  check_mutation ("relationships[3]", "\"family\"", "relationships[3]: “family” is listed twice");
  check_mutation ("relationships[0]", "7", "relationships[0]: must be a relationship code");
  check_mutation ("relationships", "[]", "relationships: must list at least one relationship");
  check_mutation ("relationships", "\"family\"", "relationships: must be a list ([ … ]) of relationship codes");

  /* weights */
  check_mutation ("weights.gravity", "101", "weights.gravity: must be a number from 0 to 100");
  check_mutation ("weights.gravity", "-0.5", "weights.gravity: must be a number from 0 to 100");
  check_mutation ("weights.gravity", "\"heavy\"", "weights.gravity: must be a number from 0 to 100");
  check_mutation ("weights", "[1, 1, 1, 1]", "weights: must be an object");

  /* the cohort rule */
  check_mutation ("cohort", "{}", "cohort: needs at least one of min_total, top_n and top_n_per_area");
  check_mutation ("cohort", "{ \"min_total\": null }", "cohort: needs at least one of min_total, top_n and top_n_per_area");
  check_mutation ("cohort.top_n", "0", "cohort.top_n: must be a whole number from 1 to 10000000");
  check_mutation ("cohort.top_n_per_area", "2.5", "cohort.top_n_per_area: must be a whole number from 1 to");
  check_mutation ("cohort.min_total", "-1", "cohort.min_total: must be a number from 0 to 10000");

  /* the rest */
  check_mutation ("name", "\"\"", "name: must not be empty");
  check_mutation ("name", "12", "name: must be text");
  check_mutation ("description", "[]", "description: must be text");
  check_mutation ("format", "2", "format: this profile has format 2; this version of Vigil reads format 1");
  check_mutation ("agency_information_fresh_days", "0", "agency_information_fresh_days: must be a whole number from 1 to 36600");

  check_mistake ("[1, 2, 3]", "A scoring profile must be a JSON object");
  check_mistake ("\"profile\"", "A scoring profile must be a JSON object");
}

static void
test_optional_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *without_format = mutate ("format", NULL);
  g_autofree char *without_description = mutate ("description", NULL);
  g_autofree char *without_otherwise = mutate ("recency.otherwise", NULL);
  g_autofree char *cohort_top_only = mutate ("cohort", "{ \"min_total\": null, \"top_n\": 10 }");
  g_autoptr(VigilScoringProfile) a = vigil_scoring_profile_new_from_data (without_format, -1, &error);
  g_autoptr(VigilScoringProfile) b = NULL;
  g_autoptr(VigilScoringProfile) c = NULL;
  g_autoptr(VigilScoringProfile) d = NULL;

  g_assert_no_error (error);
  b = vigil_scoring_profile_new_from_data (without_description, -1, &error);
  g_assert_no_error (error);
  g_assert_null (b->description);
  c = vigil_scoring_profile_new_from_data (without_otherwise, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->scales[VIGIL_RFGV_RECENCY].otherwise, ==, 0);
  d = vigil_scoring_profile_new_from_data (cohort_top_only, -1, &error);
  g_assert_no_error (error);
  g_assert_false (d->cohort_has_min_total);
  g_assert_cmpint (d->cohort_top_n, ==, 10);
  g_assert_cmpint (d->cohort_top_n_per_area, ==, 0);
}

static void
test_not_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_new_from_data ("{ \"name\": ", -1, &error);
  g_autoptr(VigilScoringProfile) bad_utf8 = NULL;
  g_autoptr(VigilScoringProfile) missing = NULL;
  g_autofree char *dir = vigil_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "missing.json", NULL);

  g_assert_null (profile);
  g_assert_error (error, VIGIL_SCORING_PROFILE_ERROR, VIGIL_SCORING_PROFILE_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "The scoring profile is not valid JSON"));
  g_clear_error (&error);

  bad_utf8 = vigil_scoring_profile_new_from_data ("{ \"name\": \"\xff\" }", -1, &error);
  g_assert_null (bad_utf8);
  g_assert_error (error, VIGIL_SCORING_PROFILE_ERROR, VIGIL_SCORING_PROFILE_ERROR_PARSE);
  g_clear_error (&error);

  missing = vigil_scoring_profile_new_from_file (path, &error);
  g_assert_null (missing);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* Edits on the struct are checked by vigil_scoring_profile_validate, by key path. */
static void
test_validate_struct (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  g_autoptr(VigilScoringProfile) edited = NULL;

  g_assert_no_error (error);

#define CHECK_EDIT(statement, expected)                                               \
  G_STMT_START {                                                                     \
    g_clear_pointer (&edited, vigil_scoring_profile_free);                           \
    edited = vigil_scoring_profile_copy (profile);                                   \
    statement;                                                                       \
    g_assert_false (vigil_scoring_profile_validate (edited, &error));                \
    g_assert_error (error, VIGIL_SCORING_PROFILE_ERROR, VIGIL_SCORING_PROFILE_ERROR_INVALID); \
    if (!g_str_has_prefix (error->message, expected))                                \
      g_error ("expected “%s…”, got “%s”", expected, error->message);                \
    g_clear_error (&error);                                                          \
  } G_STMT_END

  CHECK_EDIT (edited->scales[VIGIL_RFGV_GRAVITY].bands[3].threshold = 5,
              "gravity.bands[3].min_gravity: bands out of order");
  CHECK_EDIT (edited->scales[VIGIL_RFGV_VICTIMS].bands[0].points = 101,
              "victims.bands[0].points: must be a whole number from 0 to 100");
  CHECK_EDIT (edited->scales[VIGIL_RFGV_VICTIMS].n_bands = 0, "victims.bands: must be a list");
  CHECK_EDIT (edited->window_months = 0, "window_months: must be a whole number from 1 to 1200");
  CHECK_EDIT (edited->relationships = 0, "relationships: must list at least one relationship");
  CHECK_EDIT (edited->weights[VIGIL_RFGV_RECENCY] = NAN, "weights.recency: must be a number from 0 to 100");
  CHECK_EDIT (vigil_scoring_profile_set_offence_points (edited, "abh", 300), "offence_gravity.abh: must be a whole number from 0 to 100");
  CHECK_EDIT (vigil_scoring_profile_set_offence_points (edited, "Bad Code", 3), "offence_gravity.Bad Code: an offence code");
  CHECK_EDIT ((edited->cohort_has_min_total = FALSE, edited->cohort_top_n = 0, edited->cohort_top_n_per_area = 0),
              "cohort: needs at least one");
#undef CHECK_EDIT
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  vigil_core_init ();

  g_test_add_func ("/scoring-profile/default", test_default);
  g_test_add_func ("/scoring-profile/default-is-canonical", test_default_is_canonical);
  g_test_add_func ("/scoring-profile/round-trip", test_round_trip);
  g_test_add_func ("/scoring-profile/points", test_points);
  g_test_add_func ("/scoring-profile/mistakes", test_mistakes);
  g_test_add_func ("/scoring-profile/optional-keys", test_optional_keys);
  g_test_add_func ("/scoring-profile/not-json", test_not_json);
  g_test_add_func ("/scoring-profile/validate-struct", test_validate_struct);

  return g_test_run ();
}
