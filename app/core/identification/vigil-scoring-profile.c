/* vigil-scoring-profile.c: RFGV scoring profiles (JSON)
 *
 * Reading checks the shape (keys, kinds of value, ranges) as it goes, in a fixed key
 * order, and ends with vigil_scoring_profile_validate (), which checks the rules that
 * span several values (band order, the cohort rule). Every error names the key path
 * ("recency.bands[2].points") and what is wrong with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-rfgv"

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vigil-entities.h"
#include "vigil-scoring-profile.h"

#define DEFAULT_RESOURCE     "/org/vigilapp/Vigil/core/profiles/rfgv-default.json"
#define MAX_MIN_TOTAL        10000.0
#define MAX_TOP_N            10000000
#define MAX_FRESH_DAYS       36600
#define MAX_NAME_LENGTH      200

typedef struct
{
  const char *key;            /* the component's key */
  const char *threshold_key;  /* the band's threshold key */
  int         min_threshold;
  int         max_threshold;
  gboolean    upper;          /* TRUE: threshold is a maximum (recency) */
} ScaleInfo;

static const ScaleInfo scale_info[VIGIL_RFGV_N_COMPONENTS] = {
  { "recency",   "max_days",      0, 36600,      TRUE },
  { "frequency", "min_incidents", 1, 10000000,   FALSE },
  { "gravity",   "min_gravity",   0, 1000000000, FALSE },
  { "victims",   "min_victims",   0, 10000000,   FALSE },
};

static const char * const top_level_keys[] = {
  "format", "name", "description", "window_months", "relationships", "recency",
  "frequency", "gravity", "victims", "weights", "offence_gravity",
  "unknown_offence_gravity", "cohort", "agency_information_fresh_days", NULL,
};
static const char * const scale_keys[] = { "bands", "otherwise", NULL };
static const char * const weight_keys[] = { "recency", "frequency", "gravity", "victims", NULL };
static const char * const cohort_keys[] = { "min_total", "top_n", "top_n_per_area", NULL };

G_DEFINE_QUARK (vigil-scoring-profile-error-quark, vigil_scoring_profile_error)

G_DEFINE_BOXED_TYPE (VigilScoringProfile, vigil_scoring_profile,
                     vigil_scoring_profile_copy, vigil_scoring_profile_free)

/* ------------------------------------------------------------------------------------
 * Errors and key paths
 * ------------------------------------------------------------------------------------ */

static gboolean fail (GError     **error,
                      const char  *path,
                      const char  *format,
                      ...) G_GNUC_PRINTF (3, 4);

/* Sets "PATH: MESSAGE" and returns FALSE. */
static gboolean
fail (GError     **error,
      const char  *path,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (path == NULL || *path == '\0')
    g_set_error_literal (error, VIGIL_SCORING_PROFILE_ERROR, VIGIL_SCORING_PROFILE_ERROR_INVALID, message);
  else
    g_set_error (error, VIGIL_SCORING_PROFILE_ERROR, VIGIL_SCORING_PROFILE_ERROR_INVALID,
                 "%s: %s", path, message);
  return FALSE;
}

static char *
join_key (const char *path,
          const char *key)
{
  if (path == NULL || *path == '\0')
    return g_strdup (key);
  return g_strconcat (path, ".", key, NULL);
}

static char *
join_index (const char *path,
            guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

static gboolean
is_offence_code (const char *code)
{
  if (code == NULL || *code == '\0' || strlen (code) > 64)
    return FALSE;
  for (const char *c = code; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '_')
      return FALSE;
  return TRUE;
}

static gboolean
check_whole (const char  *path,
             gint64       value,
             gint64       min,
             gint64       max,
             GError     **error)
{
  if (value < min || value > max)
    return fail (error, path, _("must be a whole number from %" PRId64 " to %" PRId64),
                 min, max);
  return TRUE;
}

static gboolean
check_number (const char  *path,
              double       value,
              double       min,
              double       max,
              GError     **error)
{
  if (!isfinite (value) || value < min || value > max)
    return fail (error, path, _("must be a number from %g to %g"), min, max);
  return TRUE;
}

static gboolean
check_points (const char  *path,
              int          points,
              GError     **error)
{
  return check_whole (path, points, 0, VIGIL_SCORING_MAX_POINTS, error);
}

/* ------------------------------------------------------------------------------------
 * Relationships and components
 * ------------------------------------------------------------------------------------ */

VigilRelationship
vigil_relationship_from_code (const char *code)
{
  if (code == NULL)
    return VIGIL_RELATIONSHIP_UNKNOWN;
  for (guint i = 0; i < VIGIL_N_RELATIONSHIPS; i++)
    if (strcmp (vigil_relationship_choices[i], code) == 0)
      return (VigilRelationship) i;
  return VIGIL_RELATIONSHIP_UNKNOWN;
}

const char *
vigil_relationship_to_code (VigilRelationship relationship)
{
  if ((guint) relationship < VIGIL_N_RELATIONSHIPS)
    return vigil_relationship_choices[relationship];
  return NULL;
}

const char *
vigil_rfgv_component_to_key (VigilRfgvComponent component)
{
  g_return_val_if_fail ((guint) component < VIGIL_RFGV_N_COMPONENTS, NULL);

  return scale_info[component].key;
}

/* ------------------------------------------------------------------------------------
 * Reading JSON
 * ------------------------------------------------------------------------------------ */

static gboolean
key_is_allowed (const char         *key,
                const char * const *allowed)
{
  for (guint i = 0; allowed[i] != NULL; i++)
    if (strcmp (allowed[i], key) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_keys (JsonObject         *object,
            const char         *path,
            const char * const *allowed,
            GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!key_is_allowed (l->data, allowed))
      {
        g_autofree char *child = join_key (path, l->data);
        g_autofree char *expected = g_strjoinv (", ", (char **) allowed);

        return fail (error, child, _("unknown key (expected one of: %s)"), expected);
      }
  return TRUE;
}

/* The member @key of @object, or NULL with an error when it is missing. */
static JsonNode *
require_member (JsonObject  *object,
                const char  *path,
                const char  *key,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      g_autofree char *child = join_key (path, key);

      fail (error, child, _("this key is missing"));
    }
  return node;
}

static JsonObject *
require_object (JsonObject  *object,
                const char  *path,
                const char  *key,
                GError     **error)
{
  JsonNode *node = require_member (object, path, key, error);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *child = join_key (path, key);

      fail (error, child, _("must be an object ({ … })"));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
read_whole (JsonNode    *node,
            const char  *path,
            gint64       min,
            gint64       max,
            int         *out,
            GError     **error)
{
  gint64 value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, path, _("must be a whole number from %" PRId64 " to %" PRId64),
                 min, max);
  value = json_node_get_int (node);
  if (!check_whole (path, value, min, max, error))
    return FALSE;
  *out = (int) value;
  return TRUE;
}

static gboolean
read_whole_member (JsonObject  *object,
                   const char  *path,
                   const char  *key,
                   gint64       min,
                   gint64       max,
                   int         *out,
                   GError     **error)
{
  g_autofree char *child = join_key (path, key);
  JsonNode *node = require_member (object, path, key, error);

  return node != NULL && read_whole (node, child, min, max, out, error);
}

static gboolean
read_number (JsonNode    *node,
             const char  *path,
             double       min,
             double       max,
             double      *out,
             GError     **error)
{
  double value;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return fail (error, path, _("must be a number from %g to %g"), min, max);
  value = json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node)
                                                           : json_node_get_double (node);
  if (!check_number (path, value, min, max, error))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
read_text (JsonNode    *node,
           const char  *path,
           char       **out,
           GError     **error)
{
  const char *text;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, path, _("must be text (\"…\")"));
  text = json_node_get_string (node);
  g_free (*out);
  *out = g_strdup (text);
  return TRUE;
}

static gboolean
read_relationships (JsonObject          *root,
                    VigilScoringProfile *self,
                    GError             **error)
{
  JsonNode *node = require_member (root, "", "relationships", error);
  JsonArray *array;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, "relationships", _("must be a list ([ … ]) of relationship codes"));

  array = json_node_get_array (node);
  self->relationships = 0;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = join_index ("relationships", i);
      g_autofree char *expected = g_strjoinv (", ", (char **) vigil_relationship_choices);
      VigilRelationship relationship;
      const char *code;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return fail (error, path, _("must be a relationship code (%s)"), expected);
      code = json_node_get_string (element);
      relationship = vigil_relationship_from_code (code);
      if (relationship == VIGIL_RELATIONSHIP_UNKNOWN)
        return fail (error, path, _("“%s” is not a relationship Vigil knows (%s)"), code, expected);
      if (self->relationships & (1u << relationship))
        return fail (error, path, _("“%s” is listed twice"), code);
      self->relationships |= 1u << relationship;
    }
  if (self->relationships == 0)
    return fail (error, "relationships", _("must list at least one relationship"));
  return TRUE;
}

static gboolean
read_scale (JsonObject          *root,
            VigilRfgvComponent   component,
            VigilScoringScale   *scale,
            GError             **error)
{
  const ScaleInfo *info = &scale_info[component];
  JsonObject *object = require_object (root, "", info->key, error);
  g_autofree char *bands_path = NULL;
  JsonNode *node;
  JsonArray *bands;
  guint n_bands;

  if (object == NULL || !check_keys (object, info->key, scale_keys, error))
    return FALSE;

  bands_path = join_key (info->key, "bands");
  node = require_member (object, info->key, "bands", error);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, bands_path, _("must be a list ([ … ]) of 1 to %d bands"), VIGIL_SCORING_MAX_BANDS);
  bands = json_node_get_array (node);
  n_bands = json_array_get_length (bands);
  if (n_bands == 0 || n_bands > VIGIL_SCORING_MAX_BANDS)
    return fail (error, bands_path, _("must be a list ([ … ]) of 1 to %d bands"), VIGIL_SCORING_MAX_BANDS);

  for (guint i = 0; i < n_bands; i++)
    {
      JsonNode *element = json_array_get_element (bands, i);
      g_autofree char *band_path = join_index (bands_path, i);
      const char * const band_keys[] = { info->threshold_key, "points", NULL };
      JsonObject *band;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (error, band_path, _("must be an object ({ … }) with %s and points"), info->threshold_key);
      band = json_node_get_object (element);
      if (!check_keys (band, band_path, band_keys, error) ||
          !read_whole_member (band, band_path, info->threshold_key, info->min_threshold,
                              info->max_threshold, &scale->bands[i].threshold, error) ||
          !read_whole_member (band, band_path, "points", 0, VIGIL_SCORING_MAX_POINTS,
                              &scale->bands[i].points, error))
        return FALSE;
    }
  scale->n_bands = n_bands;

  scale->otherwise = 0;
  if (json_object_has_member (object, "otherwise") &&
      !read_whole_member (object, info->key, "otherwise", 0, VIGIL_SCORING_MAX_POINTS,
                          &scale->otherwise, error))
    return FALSE;
  return TRUE;
}

static gboolean
read_weights (JsonObject          *root,
              VigilScoringProfile *self,
              GError             **error)
{
  JsonObject *object = require_object (root, "", "weights", error);

  if (object == NULL || !check_keys (object, "weights", weight_keys, error))
    return FALSE;
  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    {
      g_autofree char *path = join_key ("weights", weight_keys[c]);
      JsonNode *node = require_member (object, "weights", weight_keys[c], error);

      if (node == NULL ||
          !read_number (node, path, 0, VIGIL_SCORING_MAX_WEIGHT, &self->weights[c], error))
        return FALSE;
    }
  return TRUE;
}

static int
compare_offences (gconstpointer a,
                  gconstpointer b)
{
  const VigilOffenceGravity *x = a;
  const VigilOffenceGravity *y = b;

  if (x->points != y->points)
    return x->points > y->points ? -1 : 1;
  return strcmp (x->code, y->code);
}

static void
sort_offences (VigilScoringProfile *self)
{
  if (self->n_offences > 1)
    qsort (self->offences, self->n_offences, sizeof (VigilOffenceGravity), compare_offences);
}

static gboolean
read_offences (JsonObject          *root,
               VigilScoringProfile *self,
               GError             **error)
{
  JsonObject *object = require_object (root, "", "offence_gravity", error);
  g_autoptr(GList) members = NULL;
  guint i = 0;

  if (object == NULL)
    return FALSE;

  members = json_object_get_members (object);
  self->offences = g_new0 (VigilOffenceGravity, json_object_get_size (object));
  for (GList *l = members; l != NULL; l = l->next, i++)
    {
      const char *code = l->data;
      g_autofree char *path = join_key ("offence_gravity", code);

      if (!is_offence_code (code))
        return fail (error, path, _("an offence code may only hold lower-case letters, digits and “_” (at most 64)"));
      self->offences[i].code = g_strdup (code);
      self->n_offences = i + 1;
      if (!read_whole (json_object_get_member (object, code), path, 0, VIGIL_SCORING_MAX_POINTS,
                       &self->offences[i].points, error))
        return FALSE;
    }
  sort_offences (self);
  return TRUE;
}

static gboolean
read_cohort (JsonObject          *root,
             VigilScoringProfile *self,
             GError             **error)
{
  JsonObject *object = require_object (root, "", "cohort", error);
  JsonNode *node;

  if (object == NULL || !check_keys (object, "cohort", cohort_keys, error))
    return FALSE;

  self->cohort_has_min_total = FALSE;
  self->cohort_min_total = 0;
  node = json_object_get_member (object, "min_total");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!read_number (node, "cohort.min_total", 0, MAX_MIN_TOTAL, &self->cohort_min_total, error))
        return FALSE;
      self->cohort_has_min_total = TRUE;
    }

  self->cohort_top_n = 0;
  node = json_object_get_member (object, "top_n");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      !read_whole (node, "cohort.top_n", 1, MAX_TOP_N, &self->cohort_top_n, error))
    return FALSE;

  self->cohort_top_n_per_area = 0;
  node = json_object_get_member (object, "top_n_per_area");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      !read_whole (node, "cohort.top_n_per_area", 1, MAX_TOP_N, &self->cohort_top_n_per_area, error))
    return FALSE;

  return TRUE;
}

static gboolean
read_profile (JsonNode            *root_node,
              VigilScoringProfile *self,
              GError             **error)
{
  JsonObject *root;
  JsonNode *node;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (error, NULL, _("A scoring profile must be a JSON object ({ … })"));
  root = json_node_get_object (root_node);

  if (!check_keys (root, "", top_level_keys, error))
    return FALSE;

  node = json_object_get_member (root, "format");
  if (node != NULL)
    {
      int format;

      if (!read_whole (node, "format", 1, G_MAXINT, &format, error))
        return FALSE;
      if (format != VIGIL_SCORING_PROFILE_FORMAT)
        return fail (error, "format", _("this profile has format %d; this version of Vigil reads format %d"),
                     format, VIGIL_SCORING_PROFILE_FORMAT);
    }

  node = require_member (root, "", "name", error);
  if (node == NULL || !read_text (node, "name", &self->name, error))
    return FALSE;

  node = json_object_get_member (root, "description");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      !read_text (node, "description", &self->description, error))
    return FALSE;

  if (!read_whole_member (root, "", "window_months", 1, VIGIL_SCORING_MAX_WINDOW_MONTHS,
                          &self->window_months, error) ||
      !read_relationships (root, self, error))
    return FALSE;

  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    if (!read_scale (root, c, &self->scales[c], error))
      return FALSE;

  return read_weights (root, self, error) &&
         read_offences (root, self, error) &&
         read_whole_member (root, "", "unknown_offence_gravity", 0, VIGIL_SCORING_MAX_POINTS,
                            &self->unknown_offence_points, error) &&
         read_cohort (root, self, error) &&
         read_whole_member (root, "", "agency_information_fresh_days", 1, MAX_FRESH_DAYS,
                            &self->agency_fresh_days, error) &&
         vigil_scoring_profile_validate (self, error);
}

VigilScoringProfile *
vigil_scoring_profile_new_from_data (const char  *data,
                                     gssize       length,
                                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(VigilScoringProfile) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, VIGIL_SCORING_PROFILE_ERROR, VIGIL_SCORING_PROFILE_ERROR_PARSE,
                           _("The scoring profile is not valid UTF-8 text"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, VIGIL_SCORING_PROFILE_ERROR, VIGIL_SCORING_PROFILE_ERROR_PARSE,
                   _("The scoring profile is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  self = g_new0 (VigilScoringProfile, 1);
  if (!read_profile (json_parser_get_root (parser), self, error))
    return NULL;
  return g_steal_pointer (&self);
}

VigilScoringProfile *
vigil_scoring_profile_new_from_bytes (GBytes  *bytes,
                                      GError **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return vigil_scoring_profile_new_from_data (data != NULL ? data : "", length, error);
}

VigilScoringProfile *
vigil_scoring_profile_new_from_file (const char  *path,
                                     GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return vigil_scoring_profile_new_from_data (contents, length, error);
}

VigilScoringProfile *
vigil_scoring_profile_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return vigil_scoring_profile_new_from_bytes (bytes, error);
}

/* ------------------------------------------------------------------------------------
 * Copy, free, validate
 * ------------------------------------------------------------------------------------ */

VigilScoringProfile *
vigil_scoring_profile_copy (const VigilScoringProfile *self)
{
  VigilScoringProfile *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->name = g_strdup (self->name);
  copy->description = g_strdup (self->description);
  copy->offences = g_new0 (VigilOffenceGravity, self->n_offences);
  for (guint i = 0; i < self->n_offences; i++)
    {
      copy->offences[i].code = g_strdup (self->offences[i].code);
      copy->offences[i].points = self->offences[i].points;
    }
  return copy;
}

void
vigil_scoring_profile_free (VigilScoringProfile *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->description);
  for (guint i = 0; i < self->n_offences; i++)
    g_free (self->offences[i].code);
  g_free (self->offences);
  g_free (self);
}

static gboolean
validate_scale (const VigilScoringScale  *scale,
                VigilRfgvComponent        component,
                GError                  **error)
{
  const ScaleInfo *info = &scale_info[component];
  g_autofree char *bands_path = join_key (info->key, "bands");

  if (scale->n_bands == 0 || scale->n_bands > VIGIL_SCORING_MAX_BANDS)
    return fail (error, bands_path, _("must be a list ([ … ]) of 1 to %d bands"), VIGIL_SCORING_MAX_BANDS);

  for (guint i = 0; i < scale->n_bands; i++)
    {
      g_autofree char *band_path = join_index (bands_path, i);
      g_autofree char *threshold_path = join_key (band_path, info->threshold_key);
      g_autofree char *points_path = join_key (band_path, "points");

      if (!check_whole (threshold_path, scale->bands[i].threshold, info->min_threshold,
                        info->max_threshold, error) ||
          !check_points (points_path, scale->bands[i].points, error))
        return FALSE;
      if (i > 0 && scale->bands[i].threshold <= scale->bands[i - 1].threshold)
        return fail (error, threshold_path,
                     _("bands out of order: must be more than the band before’s %s (%d)"),
                     info->threshold_key, scale->bands[i - 1].threshold);
    }

  {
    g_autofree char *otherwise_path = join_key (info->key, "otherwise");

    return check_points (otherwise_path, scale->otherwise, error);
  }
}

gboolean
vigil_scoring_profile_validate (const VigilScoringProfile  *self,
                                GError                    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->name == NULL || *self->name == '\0')
    return fail (error, "name", _("must not be empty"));
  if (!g_utf8_validate (self->name, -1, NULL) || g_utf8_strlen (self->name, -1) > MAX_NAME_LENGTH)
    return fail (error, "name", _("must be text of at most %d characters"), MAX_NAME_LENGTH);
  if (self->description != NULL && !g_utf8_validate (self->description, -1, NULL))
    return fail (error, "description", _("must be text (\"…\")"));

  if (!check_whole ("window_months", self->window_months, 1, VIGIL_SCORING_MAX_WINDOW_MONTHS, error))
    return FALSE;

  if (self->relationships == 0)
    return fail (error, "relationships", _("must list at least one relationship"));
  if (self->relationships >> VIGIL_N_RELATIONSHIPS)
    return fail (error, "relationships", _("holds a relationship Vigil does not know"));

  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    if (!validate_scale (&self->scales[c], c, error))
      return FALSE;

  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    {
      g_autofree char *path = join_key ("weights", weight_keys[c]);

      if (!check_number (path, self->weights[c], 0, VIGIL_SCORING_MAX_WEIGHT, error))
        return FALSE;
    }

  for (guint i = 0; i < self->n_offences; i++)
    {
      const char *code = self->offences[i].code;
      g_autofree char *path = join_key ("offence_gravity", code != NULL ? code : "");

      if (!is_offence_code (code))
        return fail (error, path, _("an offence code may only hold lower-case letters, digits and “_” (at most 64)"));
      if (!check_points (path, self->offences[i].points, error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (strcmp (self->offences[j].code, code) == 0)
          return fail (error, path, _("“%s” is listed twice"), code);
    }
  if (!check_points ("unknown_offence_gravity", self->unknown_offence_points, error))
    return FALSE;

  if (!self->cohort_has_min_total && self->cohort_top_n == 0 && self->cohort_top_n_per_area == 0)
    return fail (error, "cohort", _("needs at least one of min_total, top_n and top_n_per_area"));
  if (self->cohort_has_min_total &&
      !check_number ("cohort.min_total", self->cohort_min_total, 0, MAX_MIN_TOTAL, error))
    return FALSE;
  if (self->cohort_top_n != 0 &&
      !check_whole ("cohort.top_n", self->cohort_top_n, 1, MAX_TOP_N, error))
    return FALSE;
  if (self->cohort_top_n_per_area != 0 &&
      !check_whole ("cohort.top_n_per_area", self->cohort_top_n_per_area, 1, MAX_TOP_N, error))
    return FALSE;

  return check_whole ("agency_information_fresh_days", self->agency_fresh_days, 1, MAX_FRESH_DAYS, error);
}

/* ------------------------------------------------------------------------------------
 * Canonical JSON
 * ------------------------------------------------------------------------------------ */

/* Whole numbers are written as integers, so that 1 and 1.0 give the same text. */
static void
add_number (JsonBuilder *builder,
            double       value)
{
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_member_int (JsonBuilder *builder,
                const char  *key,
                gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

char *
vigil_scoring_profile_to_json (const VigilScoringProfile *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree VigilOffenceGravity *offences = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_member_int (builder, "format", VIGIL_SCORING_PROFILE_FORMAT);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name != NULL ? self->name : "");
  if (self->description != NULL)
    {
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, self->description);
    }
  add_member_int (builder, "window_months", self->window_months);

  json_builder_set_member_name (builder, "relationships");
  json_builder_begin_array (builder);
  for (guint r = 0; r < VIGIL_N_RELATIONSHIPS; r++)
    if (self->relationships & (1u << r))
      json_builder_add_string_value (builder, vigil_relationship_choices[r]);
  json_builder_end_array (builder);

  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    {
      const VigilScoringScale *scale = &self->scales[c];

      json_builder_set_member_name (builder, scale_info[c].key);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "bands");
      json_builder_begin_array (builder);
      for (guint i = 0; i < scale->n_bands && i < VIGIL_SCORING_MAX_BANDS; i++)
        {
          json_builder_begin_object (builder);
          add_member_int (builder, scale_info[c].threshold_key, scale->bands[i].threshold);
          add_member_int (builder, "points", scale->bands[i].points);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_member_int (builder, "otherwise", scale->otherwise);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "weights");
  json_builder_begin_object (builder);
  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    {
      json_builder_set_member_name (builder, weight_keys[c]);
      add_number (builder, self->weights[c]);
    }
  json_builder_end_object (builder);

  offences = g_memdup2 (self->offences, sizeof (VigilOffenceGravity) * self->n_offences);
  if (self->n_offences > 1)
    qsort (offences, self->n_offences, sizeof (VigilOffenceGravity), compare_offences);
  json_builder_set_member_name (builder, "offence_gravity");
  json_builder_begin_object (builder);
  for (guint i = 0; i < self->n_offences; i++)
    add_member_int (builder, offences[i].code, offences[i].points);
  json_builder_end_object (builder);
  add_member_int (builder, "unknown_offence_gravity", self->unknown_offence_points);

  json_builder_set_member_name (builder, "cohort");
  json_builder_begin_object (builder);
  if (self->cohort_has_min_total)
    {
      json_builder_set_member_name (builder, "min_total");
      add_number (builder, self->cohort_min_total);
    }
  if (self->cohort_top_n > 0)
    add_member_int (builder, "top_n", self->cohort_top_n);
  if (self->cohort_top_n_per_area > 0)
    add_member_int (builder, "top_n_per_area", self->cohort_top_n_per_area);
  json_builder_end_object (builder);

  add_member_int (builder, "agency_information_fresh_days", self->agency_fresh_days);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

char *
vigil_scoring_profile_get_sha256 (const VigilScoringProfile *self)
{
  g_autofree char *json = vigil_scoring_profile_to_json (self);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, json, -1);
}

gboolean
vigil_scoring_profile_equal (const VigilScoringProfile *a,
                             const VigilScoringProfile *b)
{
  g_autofree char *json_a = NULL;
  g_autofree char *json_b = NULL;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  json_a = vigil_scoring_profile_to_json (a);
  json_b = vigil_scoring_profile_to_json (b);
  return strcmp (json_a, json_b) == 0;
}

/* ------------------------------------------------------------------------------------
 * Lookups
 * ------------------------------------------------------------------------------------ */

int
vigil_scoring_profile_get_offence_points (const VigilScoringProfile *self,
                                          const char                *code,
                                          gboolean                  *known)
{
  g_return_val_if_fail (self != NULL, 0);

  if (code != NULL)
    for (guint i = 0; i < self->n_offences; i++)
      if (strcmp (self->offences[i].code, code) == 0)
        {
          if (known != NULL)
            *known = TRUE;
          return self->offences[i].points;
        }
  if (known != NULL)
    *known = FALSE;
  return self->unknown_offence_points;
}

void
vigil_scoring_profile_set_offence_points (VigilScoringProfile *self,
                                          const char          *code,
                                          int                  points)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (code != NULL);

  for (guint i = 0; i < self->n_offences; i++)
    if (strcmp (self->offences[i].code, code) == 0)
      {
        self->offences[i].points = points;
        sort_offences (self);
        return;
      }
  self->offences = g_renew (VigilOffenceGravity, self->offences, self->n_offences + 1);
  self->offences[self->n_offences].code = g_strdup (code);
  self->offences[self->n_offences].points = points;
  self->n_offences++;
  sort_offences (self);
}

int
vigil_scoring_profile_get_points (const VigilScoringProfile *self,
                                  VigilRfgvComponent         component,
                                  gint64                     value,
                                  int                       *band_out)
{
  const VigilScoringScale *scale;
  int band = -1;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint) component < VIGIL_RFGV_N_COMPONENTS, 0);

  scale = &self->scales[component];
  if (scale_info[component].upper)
    {
      for (guint i = 0; i < scale->n_bands; i++)
        if (value <= scale->bands[i].threshold)
          {
            band = i;
            break;
          }
    }
  else
    {
      for (guint i = scale->n_bands; i > 0; i--)
        if (value >= scale->bands[i - 1].threshold)
          {
            band = i - 1;
            break;
          }
    }

  if (band_out != NULL)
    *band_out = band;
  return band >= 0 ? scale->bands[band].points : scale->otherwise;
}
