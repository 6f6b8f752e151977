/* vigil-scoring-profile.h: RFGV scoring profiles (JSON), see DESIGN.md
 *
 * A profile holds every number of the RFGV model: the window, the relationships
 * counted, the bands of each component, the weights, the offence gravity table, the
 * cohort rule and how long partner-agency information stays fresh. It is read from
 * JSON (data/profiles/rfgv-default.json is the default, also compiled in as a
 * resource) and written back as canonical JSON, whose SHA-256 identifies the profile a
 * score run used.
 *
 * The JSON format (every key required unless marked optional; no other keys allowed):
 *
 *   format                         optional, 1
 *   name                           text, not empty
 *   description                    optional, text
 *   window_months                  whole number 1–1200: incidents on dates in
 *                                  (as_of − window_months, as_of] count
 *   relationships                  list of relationship codes counted, each once
 *   recency.bands[]                {max_days, points}, max_days rising: the first band
 *                                  whose max_days ≥ days since the latest incident
 *   frequency.bands[]              {min_incidents, points}, min rising: the last band
 *   gravity.bands[]                {min_gravity, points}                 whose min ≤ the
 *   victims.bands[]                {min_victims, points}                 value
 *   <component>.otherwise          optional (0): points when no band applies
 *   weights.{recency,frequency,gravity,victims}  numbers 0–100
 *   offence_gravity.<code>         whole number 0–100 per offence code
 *   unknown_offence_gravity        points of an offence code not in the table
 *   cohort.{min_total,top_n,top_n_per_area}      each optional (null = not applied), at
 *                                  least one: see VigilScoringProfile.cohort_*
 *   agency_information_fresh_days  whole number 1–36600
 *
 * Points are whole numbers 0–100; a profile has 1–20 bands per component.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VIGIL_SCORING_PROFILE_ERROR (vigil_scoring_profile_error_quark ())

typedef enum
{
  VIGIL_SCORING_PROFILE_ERROR_PARSE,   /* not JSON */
  VIGIL_SCORING_PROFILE_ERROR_INVALID, /* a key missing, unknown, of the wrong kind or out of range */
} VigilScoringProfileError;

/* The relationships of DESIGN.md, in the order of vigil_relationship_choices. */
typedef enum
{
  VIGIL_RELATIONSHIP_INTIMATE_PARTNER,
  VIGIL_RELATIONSHIP_EX_PARTNER,
  VIGIL_RELATIONSHIP_FAMILY,
  VIGIL_RELATIONSHIP_NON_DOMESTIC,
  VIGIL_N_RELATIONSHIPS,
  VIGIL_RELATIONSHIP_UNKNOWN = 255, /* a code Vigil does not know: never counted */
} VigilRelationship;

/* The four components, in the order R, F, G, V. */
typedef enum
{
  VIGIL_RFGV_RECENCY,
  VIGIL_RFGV_FREQUENCY,
  VIGIL_RFGV_GRAVITY,
  VIGIL_RFGV_VICTIMS,
  VIGIL_RFGV_N_COMPONENTS,
} VigilRfgvComponent;

#define VIGIL_SCORING_PROFILE_FORMAT      1
#define VIGIL_SCORING_MAX_BANDS           20
#define VIGIL_SCORING_MAX_POINTS          100
#define VIGIL_SCORING_MAX_WEIGHT          100.0
#define VIGIL_SCORING_MAX_WINDOW_MONTHS   1200

typedef struct
{
  int threshold;  /* recency: max_days; frequency, gravity, victims: the minimum */
  int points;
} VigilScoringBand;

typedef struct
{
  VigilScoringBand bands[VIGIL_SCORING_MAX_BANDS];
  guint            n_bands;    /* 1 … VIGIL_SCORING_MAX_BANDS */
  int              otherwise;  /* points when no band applies */
} VigilScoringScale;

typedef struct
{
  char *code;    /* lower-case letters, digits and '_' */
  int   points;
} VigilOffenceGravity;

/* A plain struct: read the fields; a profile editor may change them and then call
 * vigil_scoring_profile_validate (). */
typedef struct
{
  char                *name;
  char                *description;       /* NULL when none */
  int                  window_months;
  guint                relationships;     /* mask: 1 << VigilRelationship */
  VigilScoringScale    scales[VIGIL_RFGV_N_COMPONENTS];
  double               weights[VIGIL_RFGV_N_COMPONENTS];
  VigilOffenceGravity *offences;          /* canonical order: points desc, code asc */
  guint                n_offences;
  int                  unknown_offence_points;
  /* The cohort: a scored person is in it when their total reaches cohort_min_total
   * (when set) and, when top_n or top_n_per_area is set, their rank is within
   * cohort_top_n or their area rank within cohort_top_n_per_area. */
  gboolean             cohort_has_min_total;
  double               cohort_min_total;
  int                  cohort_top_n;           /* 0: not applied */
  int                  cohort_top_n_per_area;  /* 0: not applied */
  int                  agency_fresh_days;
} VigilScoringProfile;

#define VIGIL_TYPE_SCORING_PROFILE (vigil_scoring_profile_get_type ())

GQuark               vigil_scoring_profile_error_quark     (void);
GType                vigil_scoring_profile_get_type        (void) G_GNUC_CONST;

VigilScoringProfile *vigil_scoring_profile_new_from_data   (const char                 *data,
                                                            gssize                      length,
                                                            GError                    **error);
VigilScoringProfile *vigil_scoring_profile_new_from_bytes  (GBytes                     *bytes,
                                                            GError                    **error);
VigilScoringProfile *vigil_scoring_profile_new_from_file   (const char                 *path,
                                                            GError                    **error);
/* The default profile, from the resource compiled into libvigil-core. */
VigilScoringProfile *vigil_scoring_profile_load_default    (GError                    **error);
VigilScoringProfile *vigil_scoring_profile_copy            (const VigilScoringProfile  *self);
void                 vigil_scoring_profile_free            (VigilScoringProfile        *self);

/* Every rule of the format, on the struct (after an edit); errors name the key path. */
gboolean             vigil_scoring_profile_validate        (const VigilScoringProfile  *self,
                                                            GError                    **error);
/* Canonical JSON (fixed key order, offences sorted, 2-space indent, final newline):
 * equal profiles give the same text. */
char                *vigil_scoring_profile_to_json         (const VigilScoringProfile  *self);
/* SHA-256 (hex) of the canonical JSON. */
char                *vigil_scoring_profile_get_sha256      (const VigilScoringProfile  *self);
gboolean             vigil_scoring_profile_equal           (const VigilScoringProfile  *a,
                                                            const VigilScoringProfile  *b);

/* The gravity points of @code: the table's, or unknown_offence_points. */
int                  vigil_scoring_profile_get_offence_points (const VigilScoringProfile *self,
                                                               const char                *code,
                                                               gboolean                  *known);
/* The points @value earns on @component's scale (days for recency, else the count or
 * sum); @band_out gets the band's index, or -1 for "otherwise". */
int                  vigil_scoring_profile_get_points      (const VigilScoringProfile  *self,
                                                            VigilRfgvComponent          component,
                                                            gint64                      value,
                                                            int                        *band_out);
void                 vigil_scoring_profile_set_offence_points (VigilScoringProfile   *self,
                                                               const char            *code,
                                                               int                    points);

/* "recency", "frequency", "gravity", "victims" */
const char          *vigil_rfgv_component_to_key           (VigilRfgvComponent          component);

/* The relationship of a code of vigil_relationship_choices, or VIGIL_RELATIONSHIP_UNKNOWN. */
VigilRelationship    vigil_relationship_from_code          (const char                 *code);
const char          *vigil_relationship_to_code            (VigilRelationship           relationship);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilScoringProfile, vigil_scoring_profile_free)

G_END_DECLS
