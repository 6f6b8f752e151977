/* vigil-synth.c: deterministic, heavy-tailed synthetic incidents
 *
 * Generation runs in two passes. The first draws every perpetrator's incidents into a
 * compact array (16 bytes an incident: minute, perpetrator, victim, codes); the second
 * sorts it by time, numbers the incidents and expands each one (names, dates of birth,
 * references) into a VigilSynthIncident on the stack. People's attributes are a hash
 * of (seed, person number), so nothing per person is stored but one role bit.
 *
 * Only integer arithmetic decides anything, so a seed gives the same file on every
 * machine and compiler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-synth"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "vigil-synth.h"

/* The extract covers four years (1461 days) ending the day before as-of. */
#define WINDOW_DAYS          1461
#define MINUTES_PER_DAY      1440
#define MAX_PER_PERPETRATOR  200
#define MAX_VICTIMS          12
#define RECENT_VICTIMS       1024
#define CANCEL_CHECK_EVERY   4096
#define CSV_FLUSH_SIZE       (64 * 1024)

/* ------------------------------------------------------------------------------------
 * Tables
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  const char *code;
  guint8      gravity;
  guint8      stalking_percent;          /* chance of the stalking flag, ordinary */
  guint8      stalking_percent_fixated;  /* ... for a fixated (stalking) perpetrator */
  guint32     weight_ordinary;
  guint32     weight_high_harm;
  guint32     weight_fixated;
} SynthOffence;

enum
{
  OFFENCE_HOMICIDE = 0,
  OFFENCE_GBH = 3,
};

/* Weights per 100,000 incidents. */
static const SynthOffence offences[] = {
  { "homicide",                 5,   0,   0,     3,    10,     2 },
  { "attempted_murder",         5,   0,   0,    12,    40,     5 },
  { "rape",                     5,   0,   0,   700,  2500,   200 },
  { "gbh",                      5,   0,   0,   700,  3000,   200 },
  { "strangulation",            5,   0,   0,  1200,  4500,   200 },
  { "kidnap",                   5,   0,   0,    80,   350,   100 },
  { "sexual_assault",           4,   0,   0,  1000,  2500,   600 },
  { "abh",                      4,   0,   0,  7500, 14000,  1500 },
  { "coercive_control",         4,   0,   0,  3500,  7000,  3000 },
  { "stalking",                 4, 100, 100,  1800,  2500, 22000 },
  { "threats_to_kill",          4,   3,  30,  1500,  4000,  4000 },
  { "arson_endangering_life",   4,   0,   0,   150,   500,   200 },
  { "common_assault",           3,   0,   0, 25000, 22000,  4000 },
  { "harassment",               3,  35,  90,  6000,  5000, 20000 },
  { "breach_of_order",          3,  10,  60,  3500,  5000, 12000 },
  { "criminal_damage",          2,   3,  30, 11000,  8000,  5000 },
  { "malicious_communications", 2,  10,  60,  5500,  3000, 18000 },
  { "public_order",             2,   0,   0,  4000,  2500,  3000 },
  { "non_crime_incident",       1,   0,   0, 22000,  8000,  7000 },
  { "other",                    1,   0,   0,  3500,  1500,  2000 },
};

enum
{
  RELATIONSHIP_INTIMATE_PARTNER,
  RELATIONSHIP_EX_PARTNER,
  RELATIONSHIP_FAMILY,
  RELATIONSHIP_NON_DOMESTIC,
};

static const char * const relationships[] = {
  "intimate_partner", "ex_partner", "family", "non_domestic",
};

enum
{
  DASH_NONE,
  DASH_STANDARD,
  DASH_MEDIUM,
  DASH_HIGH,
};

static const char * const dash_risks[] = { "", "standard", "medium", "high" };

/* Percent standard / medium (the rest high) of assessed incidents, by gravity 1–5. */
static const guint8 dash_standard_percent[] = { 0, 80, 70, 55, 30, 10 };
static const guint8 dash_medium_percent[]   = { 0, 17, 25, 35, 45, 30 };

static const char * const areas[] = {
  "North Synthshire",
  "South Synthshire",
  "East Mockford",
  "West Mockford",
  "Examplevale",
  "Testbury Borough",
  NULL,
};
static const guint32 area_weights[] = { 22, 18, 17, 15, 14, 14 };

/* Surnames are PREFIX + MIDDLE + SUFFIX ("Testington", "Mockelridge"), sometimes
 * double-barrelled, sometimes "O'"; forenames two or three NATO-alphabet words. That
 * makes ~50 million likely names: in a million people, about one in fifty shares a name. */
static const char * const surname_prefixes[] = {
  "Test", "Mock", "Synth", "Fake", "Example", "Sample", "Dummy", "Stub",
  "Demo", "Pseudo", "Fiction", "Madeup", "Notreal", "Specimen", "Trial", "Placehold",
  "Proxy", "Faux", "Sham", "Bogus", "Fixture", "Lorem", "Ipsum", "Nonce",
  "Decoy", "Ersatz", "Phony", "Mimic", "Hoax", "Replica", "Quasi", "Simul",
};
static const char * const surname_middles[] = {
  "", "a", "el", "en", "er", "in", "le", "o", "ar", "il", "um", "et", "ow", "is", "an", "or",
};
static const char * const surname_suffixes[] = {
  "ington", "sson", "wick", "ridge", "nham", "by", "worth", "field",
  "ford", "ley", "ton", "stead", "more", "combe", "dale", "hurst",
  "thorpe", "well", "bury", "shaw", "ström", "ez", "ski", "ovic",
  "wood", "brook", "gate", "holme", "mouth", "land", "stock", "wright",
};
static const char * const forename_words[] = {
  "Alfa", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel",
  "India", "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa",
  "Quebec", "Romeo", "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "X-ray",
  "Yankee", "Zulu",
};

/* Ages at as-of by band: first age, width, weight. */
static const struct
{
  guint8 first;
  guint8 width;
  guint8 weight;
} age_bands[] = {
  { 16,  4,  6 }, { 20, 5, 14 }, { 25, 5, 17 }, { 30, 5, 16 }, { 35, 5, 13 },
  { 40,  5, 10 }, { 45, 5,  8 }, { 50, 5,  6 }, { 55, 5,  4 }, { 60, 5,  3 },
  { 65, 10,  3 },
};

/* Incidents by hour of day: evenings and nights. */
static const guint32 hour_weights[24] = {
  6, 5, 4, 3, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 7, 8, 8, 8, 8, 7,
};

/* Quantiles of the exponential law with mean 1, times 1024 (the gaps between one
 * perpetrator's incidents). */
static const guint16 exponential_quantiles[64] = {
  8, 24, 41, 58, 75, 92, 110, 128, 146, 165, 184, 203, 223, 243, 263, 284,
  305, 327, 349, 372, 395, 419, 444, 469, 494, 520, 547, 575, 603, 633, 663, 694,
  726, 759, 793, 828, 865, 903, 942, 983, 1026, 1070, 1117, 1166, 1217, 1271, 1328, 1388,
  1452, 1520, 1594, 1672, 1758, 1851, 1953, 2067, 2195, 2342, 2513, 2719, 2976, 3320,
  3844, 4968,
};

/* A perpetrator's mean days between incidents, log-spaced from 4 to 240. */
static const guint16 mean_gap_days[16] = {
  4, 5, 7, 9, 12, 16, 21, 27, 36, 47, 61, 81, 106, 139, 183, 240,
};

/* ------------------------------------------------------------------------------------
 * Random numbers: xoshiro256** seeded through splitmix64
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  guint64 s[4];
} SynthRng;

static inline guint64
mix_splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline guint64
hash_u64 (guint64 value)
{
  return mix_splitmix64 (&value);
}

static void
seed_rng (SynthRng *rng,
          guint64   seed)
{
  guint64 state = seed;

  for (guint i = 0; i < G_N_ELEMENTS (rng->s); i++)
    rng->s[i] = mix_splitmix64 (&state);
}

static inline guint64
rotate_left (guint64 x,
             int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
next_u64 (SynthRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotate_left (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotate_left (s[3], 45);

  return result;
}

/* Uniform in [0, bound), bound < 2^32 (multiply-shift; the bias is below 2^-32). */
static inline guint32
next_below (SynthRng *rng,
            guint32   bound)
{
  return (guint32) (((next_u64 (rng) >> 32) * (guint64) bound) >> 32);
}

static inline gboolean
next_percent (SynthRng *rng,
              guint     percent)
{
  return next_below (rng, 100) < percent;
}

static inline gboolean
next_permille (SynthRng *rng,
               guint     permille)
{
  return next_below (rng, 1000) < permille;
}

static guint
pick_weighted (guint32         pick,
               const guint32  *weights,
               guint           n_weights)
{
  for (guint i = 0; i < n_weights; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }

  return n_weights - 1;
}

static guint32
sum_weights (const guint32 *weights,
             guint          n_weights)
{
  guint32 total = 0;

  for (guint i = 0; i < n_weights; i++)
    total += weights[i];

  return total;
}

/* floor (U^(-1/1.5)) capped: k >= j exactly when U² · j³ <= 1, with U = u / 2^32. */
static guint
draw_incident_count (SynthRng *rng,
                     guint     max)
{
  guint64 u = (next_u64 (rng) >> 32) | 1;
  guint64 u_squared = u * u;
  guint k = 1;

  while (k < max)
    {
      guint64 j = k + 1;

      if (u_squared > G_MAXUINT64 / (j * j * j))
        break;
      k++;
    }

  return k;
}

/* ------------------------------------------------------------------------------------
 * Dates
 * ------------------------------------------------------------------------------------ */

static gboolean
parse_iso_date (const char *text,
                guint32    *julian)
{
  guint year, month, day;
  GDate date;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1900 || year > 9000 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  *julian = g_date_get_julian (&date);
  return TRUE;
}

static inline char *
write_digits (char    *out,
              guint64  value,
              guint    width)
{
  for (guint i = width; i > 0; i--)
    {
      out[i - 1] = (char) ('0' + value % 10);
      value /= 10;
    }

  return out + width;
}

/* Writes "YYYY-MM-DD" and a NUL; returns the NUL's position. */
static char *
format_julian (guint32  julian,
               char    *out)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  out = write_digits (out, g_date_get_year (&date), 4);
  *out++ = '-';
  out = write_digits (out, g_date_get_month (&date), 2);
  *out++ = '-';
  out = write_digits (out, g_date_get_day (&date), 2);
  *out = '\0';
  return out;
}

/* ------------------------------------------------------------------------------------
 * Generator
 * ------------------------------------------------------------------------------------ */

enum
{
  EVENT_FLAG_DASH_MASK = 0x3,
  EVENT_FLAG_STALKING  = 1 << 2,
  EVENT_FLAG_DATE_ONLY = 1 << 3,
};

typedef struct
{
  guint32 minute;       /* minutes since the first day of the window */
  guint32 perpetrator;  /* person numbers */
  guint32 victim;
  guint8  offence;
  guint8  relationship;
  guint8  area;
  guint8  flags;
} SynthEvent;

G_STATIC_ASSERT (sizeof (SynthEvent) == 16);

typedef enum
{
  TRAIT_ORDINARY,
  TRAIT_HIGH_HARM,
  TRAIT_FIXATED,
} SynthTrait;

typedef struct
{
  guint64     seed;
  guint64     person_key;
  guint32     as_of_julian;
  guint32     window_first_julian;
  SynthRng    rng;

  SynthEvent *events;
  guint64     n_events;
  guint32     n_persons;
  guint8     *victim_role;          /* one bit a person: first seen as a victim */

  guint32     recent_victims[RECENT_VICTIMS];
  guint       n_recent_victims;

  guint32     offence_weights[3][G_N_ELEMENTS (offences)];
  guint32     offence_totals[3];
  guint32     area_total;
  guint32     hour_total;
  guint32     age_total;

  char        window_dates[WINDOW_DAYS][12];
} SynthGenerator;

static void
init_generator (SynthGenerator *self,
                guint64         n_incidents,
                guint64         seed,
                guint32         as_of_julian)
{
  guint64 state = seed ^ G_GUINT64_CONSTANT (0x5eed5eed5eed5eed);

  memset (self, 0, sizeof *self);
  self->seed = seed;
  self->person_key = mix_splitmix64 (&state);
  self->as_of_julian = as_of_julian;
  self->window_first_julian = as_of_julian - WINDOW_DAYS;
  seed_rng (&self->rng, seed);

  self->events = g_new (SynthEvent, MAX (n_incidents, 1));
  /* Each incident brings at most a perpetrator and a victim. */
  self->victim_role = g_malloc0 ((2 * n_incidents + 16) / 8 + 1);

  for (guint i = 0; i < G_N_ELEMENTS (offences); i++)
    {
      self->offence_weights[TRAIT_ORDINARY][i] = offences[i].weight_ordinary;
      self->offence_weights[TRAIT_HIGH_HARM][i] = offences[i].weight_high_harm;
      self->offence_weights[TRAIT_FIXATED][i] = offences[i].weight_fixated;
    }
  for (guint t = 0; t < 3; t++)
    self->offence_totals[t] = sum_weights (self->offence_weights[t], G_N_ELEMENTS (offences));
  self->area_total = sum_weights (area_weights, G_N_ELEMENTS (area_weights));
  self->hour_total = sum_weights (hour_weights, G_N_ELEMENTS (hour_weights));
  for (guint i = 0; i < G_N_ELEMENTS (age_bands); i++)
    self->age_total += age_bands[i].weight;

  for (guint d = 0; d < WINDOW_DAYS; d++)
    format_julian (self->window_first_julian + d, self->window_dates[d]);
}

static void
clear_generator (SynthGenerator *self)
{
  g_clear_pointer (&self->events, g_free);
  g_clear_pointer (&self->victim_role, g_free);
}

static guint32
add_person (SynthGenerator *self,
            gboolean        as_victim)
{
  guint32 number = ++self->n_persons;

  if (as_victim)
    self->victim_role[number / 8] |= (guint8) (1u << (number % 8));

  return number;
}

static gboolean
person_is_victim_first (const SynthGenerator *self,
                        guint32               number)
{
  return (self->victim_role[number / 8] & (1u << (number % 8))) != 0;
}

static guint32
add_victim (SynthGenerator *self)
{
  guint32 number;

  /* Some victims are abused by more than one perpetrator over the years. */
  if (self->n_recent_victims > 0 && next_percent (&self->rng, 3))
    return self->recent_victims[next_below (&self->rng, MIN (self->n_recent_victims,
                                                             RECENT_VICTIMS))];

  number = add_person (self, TRUE);
  self->recent_victims[self->n_recent_victims % RECENT_VICTIMS] = number;
  self->n_recent_victims++;
  return number;
}

static guint
draw_victim_count (SynthGenerator *self,
                   guint           k)
{
  guint multi_percent;
  guint m = 2;

  if (k == 1)
    return 1;

  /* The more incidents, the likelier several victims: 25% at 2 incidents, 60% at 40+. */
  multi_percent = 20 + MIN (40, 10 * g_bit_storage (k - 1));
  if (!next_percent (&self->rng, multi_percent))
    return 1;

  while (m < MAX_VICTIMS && next_percent (&self->rng, 45))
    m++;

  return MIN (m, k);
}

static guint8
draw_relationship (SynthGenerator *self,
                   SynthTrait      trait)
{
  guint pick = next_below (&self->rng, 100);

  if (trait == TRAIT_FIXATED)
    {
      if (pick < 40)
        return RELATIONSHIP_NON_DOMESTIC;
      if (pick < 85)
        return RELATIONSHIP_EX_PARTNER;
      return RELATIONSHIP_INTIMATE_PARTNER;
    }

  if (pick < 52)
    return RELATIONSHIP_INTIMATE_PARTNER;
  if (pick < 82)
    return RELATIONSHIP_EX_PARTNER;
  if (pick < 96)
    return RELATIONSHIP_FAMILY;
  return RELATIONSHIP_NON_DOMESTIC;
}

static guint8
draw_dash_risk (SynthGenerator *self,
                guint           offence)
{
  guint gravity = offences[offence].gravity;
  guint unassessed = gravity == 1 ? 30 : 8;
  guint pick;

  if (next_percent (&self->rng, unassessed))
    return DASH_NONE;

  pick = next_below (&self->rng, 100);
  if (pick < dash_standard_percent[gravity])
    return DASH_STANDARD;
  if (pick < dash_standard_percent[gravity] + dash_medium_percent[gravity])
    return DASH_MEDIUM;
  return DASH_HIGH;
}

/* Minutes after the start of the day, mostly evenings and nights. */
static guint32
draw_minute_of_day (SynthGenerator *self)
{
  guint hour = pick_weighted (next_below (&self->rng, self->hour_total),
                              hour_weights, G_N_ELEMENTS (hour_weights));

  return hour * 60 + next_below (&self->rng, 60);
}

/* Days (times 1024) after the perpetrator's first incident, clustered in time. */
static void
draw_incident_days (SynthGenerator *self,
                    guint           k,
                    guint32        *day_offsets)
{
  guint64 times[MAX_PER_PERPETRATOR];
  guint64 mean_gap = mean_gap_days[next_below (&self->rng, G_N_ELEMENTS (mean_gap_days))];
  guint64 limit = (guint64) (WINDOW_DAYS - 1) * 1024;
  guint64 span, start;

  times[0] = 0;
  for (guint i = 1; i < k; i++)
    times[i] = times[i - 1]
               + mean_gap * exponential_quantiles[next_below (&self->rng, 64)];

  span = times[k - 1];
  if (span > limit * 9 / 10)
    {
      for (guint i = 0; i < k; i++)
        times[i] = times[i] * (limit * 9 / 10) / span;
      span = times[k - 1];
    }

  start = (guint64) next_below (&self->rng, (guint32) ((limit - span) / 1024 + 1)) * 1024;
  for (guint i = 0; i < k; i++)
    day_offsets[i] = (guint32) ((start + times[i]) / 1024);
}

static void
add_perpetrator (SynthGenerator *self,
                 guint           k)
{
  guint32 day_offsets[MAX_PER_PERPETRATOR];
  guint32 victims[MAX_VICTIMS];
  guint8 victim_relationships[MAX_VICTIMS];
  guint32 perpetrator;
  guint pick, m, home_area;
  guint current = 0, started = 1;
  guint ex_from = G_MAXUINT;
  SynthTrait trait;

  perpetrator = add_person (self, FALSE);

  pick = next_below (&self->rng, 100);
  trait = pick < 6 ? TRAIT_FIXATED : pick < 16 ? TRAIT_HIGH_HARM : TRAIT_ORDINARY;
  home_area = pick_weighted (next_below (&self->rng, self->area_total),
                             area_weights, G_N_ELEMENTS (area_weights));

  m = draw_victim_count (self, k);
  for (guint j = 0; j < m; j++)
    {
      victims[j] = add_victim (self);
      victim_relationships[j] = draw_relationship (self, trait);
    }

  draw_incident_days (self, k, day_offsets);

  for (guint i = 0; i < k; i++)
    {
      SynthEvent *event = &self->events[self->n_events++];
      guint victim = current;
      guint8 relationship;
      guint offence;
      guint stalking_percent;

      /* Victims follow one another: a new one starts with probability
       * (victims left) / (incidents left), which spreads them evenly. */
      if (i > 0 && started < m && next_below (&self->rng, k - i) < m - started)
        {
          current = started++;
          victim = current;
          ex_from = G_MAXUINT;
        }
      else if (i > 0 && current > 0 && next_percent (&self->rng, 8))
        victim = next_below (&self->rng, current);

      relationship = victim_relationships[victim];
      if (relationship == RELATIONSHIP_INTIMATE_PARTNER)
        {
          /* Once the relationship ends, the partner is an ex-partner. */
          if (victim != current)
            relationship = RELATIONSHIP_EX_PARTNER;
          else if (ex_from == G_MAXUINT && i > 0 && next_percent (&self->rng, 15))
            ex_from = i;
          if (ex_from != G_MAXUINT && i >= ex_from)
            relationship = RELATIONSHIP_EX_PARTNER;
        }

      offence = pick_weighted (next_below (&self->rng, self->offence_totals[trait]),
                               self->offence_weights[trait], G_N_ELEMENTS (offences));
      /* A homicide ends a perpetrator's record. */
      if (offence == OFFENCE_HOMICIDE && i + 1 < k)
        offence = OFFENCE_GBH;

      event->minute = day_offsets[i] * MINUTES_PER_DAY + draw_minute_of_day (self);
      event->perpetrator = perpetrator;
      event->victim = victims[victim];
      event->offence = (guint8) offence;
      event->relationship = relationship;
      event->area = (guint8) (next_percent (&self->rng, 90)
                              ? home_area
                              : pick_weighted (next_below (&self->rng, self->area_total),
                                               area_weights, G_N_ELEMENTS (area_weights)));
      event->flags = draw_dash_risk (self, offence);

      stalking_percent = trait == TRAIT_FIXATED ? offences[offence].stalking_percent_fixated
                                                : offences[offence].stalking_percent;
      if (stalking_percent > 0 && next_percent (&self->rng, stalking_percent))
        event->flags |= EVENT_FLAG_STALKING;
      if (next_percent (&self->rng, 1))
        event->flags |= EVENT_FLAG_DATE_ONLY;

      /* Counter-allegations: now and then the victim is recorded as the suspect. */
      if (relationship <= RELATIONSHIP_EX_PARTNER && next_permille (&self->rng, 15))
        {
          event->perpetrator = event->victim;
          event->victim = perpetrator;
        }
    }
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const SynthEvent *x = a;
  const SynthEvent *y = b;

  if (x->minute != y->minute)
    return x->minute < y->minute ? -1 : 1;
  if (x->perpetrator != y->perpetrator)
    return x->perpetrator < y->perpetrator ? -1 : 1;
  if (x->victim != y->victim)
    return x->victim < y->victim ? -1 : 1;
  return memcmp (&x->offence, &y->offence, 4);
}

static gboolean
draw_all_events (SynthGenerator  *self,
                 guint64          n_incidents,
                 GCancellable    *cancellable,
                 GError         **error)
{
  /* A small sample keeps its tail in proportion: 500 incidents hold no one with 200. */
  guint max = (guint) CLAMP (n_incidents / 20, 10, MAX_PER_PERPETRATOR);
  guint64 checked = 0;

  while (self->n_events < n_incidents)
    {
      guint k = draw_incident_count (&self->rng, max);

      k = (guint) MIN ((guint64) k, n_incidents - self->n_events);
      add_perpetrator (self, k);

      if (self->n_events - checked >= CANCEL_CHECK_EVERY)
        {
          checked = self->n_events;
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
        }
    }

  qsort (self->events, self->n_events, sizeof (SynthEvent), compare_events);
  return TRUE;
}

/* ------------------------------------------------------------------------------------
 * People
 * ------------------------------------------------------------------------------------ */

static void
write_reference (char       *out,
                 char        kind,
                 guint64     number)
{
  guint width = 7;

  for (guint64 limit = 10000000; number >= limit && width < 19; limit *= 10)
    width++;

  memcpy (out, "SYN-", 4);
  out[4] = kind;
  out = write_digits (out + 5, number, width);
  *out = '\0';
}

static char *
append_word (char       *out,
             const char *word)
{
  gsize len = strlen (word);

  memcpy (out, word, len);
  return out + len;
}

/* PREFIX + MIDDLE + SUFFIX from 14 bits of @bits. */
static char *
append_surname_part (char    *out,
                     guint64  bits)
{
  out = append_word (out, surname_prefixes[bits % G_N_ELEMENTS (surname_prefixes)]);
  bits /= G_N_ELEMENTS (surname_prefixes);
  out = append_word (out, surname_middles[bits % G_N_ELEMENTS (surname_middles)]);
  bits /= G_N_ELEMENTS (surname_middles);
  return append_word (out, surname_suffixes[bits % G_N_ELEMENTS (surname_suffixes)]);
}

static void
fill_person (const SynthGenerator *self,
             guint32               number,
             gboolean              acting_as_victim,
             VigilSynthPerson     *person)
{
  guint64 h1 = hash_u64 (self->person_key
                         ^ ((guint64) number * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)));
  guint64 h2 = hash_u64 (h1);
  guint64 h3 = hash_u64 (h2);
  guint n_words = G_N_ELEMENTS (forename_words);
  guint first, second, dob_percent, band, age, pick;
  char *out;

  person->number = number;
  write_reference (person->ref, 'P', number);

  /* Surname */
  out = person->surname;
  if ((h1 & 63) == 0)
    out = append_word (out, "O'");
  out = append_surname_part (out, h1 >> 6);
  if (((h1 >> 20) % 10) == 0)
    {
      *out++ = '-';
      out = append_surname_part (out, h2 >> 40);
    }
  *out = '\0';

  /* Forenames: two or three different NATO words */
  out = person->forenames;
  first = h3 % n_words;
  second = (first + 1 + (h3 >> 8) % (n_words - 1)) % n_words;
  out = append_word (out, forename_words[first]);
  *out++ = ' ';
  out = append_word (out, forename_words[second]);
  if (((h3 >> 16) & 1) == 0)
    {
      guint third = (h3 >> 24) % n_words;

      if (third != first && third != second)
        {
          *out++ = ' ';
          out = append_word (out, forename_words[third]);
        }
    }
  *out = '\0';

  /* Gender follows the role a person first appeared in. */
  pick = (guint) ((h1 >> 44) % 100);
  if (person_is_victim_first (self, number))
    person->gender = pick < 85 ? "female" : "male";
  else
    person->gender = pick < 80 ? "male" : "female";

  /* Date of birth: often missing for victims, rarely for suspects. */
  dob_percent = (guint) ((h1 >> 51) % 100);
  if (dob_percent < 2 || (acting_as_victim && dob_percent < 12))
    {
      person->dob[0] = '\0';
      return;
    }

  pick = (guint) (h2 % self->age_total);
  for (band = 0; band + 1 < G_N_ELEMENTS (age_bands); band++)
    {
      if (pick < age_bands[band].weight)
        break;
      pick -= age_bands[band].weight;
    }
  age = age_bands[band].first + (guint) ((h2 >> 16) % age_bands[band].width);
  format_julian (self->as_of_julian - age * 365 - age / 4 - (guint32) ((h2 >> 24) % 365),
                 person->dob);
}

/* ------------------------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------------------------ */

static void
expand_event (const SynthGenerator *self,
              const SynthEvent     *event,
              guint64               number,
              VigilSynthIncident   *incident)
{
  guint day = event->minute / MINUTES_PER_DAY;
  guint minute = event->minute % MINUTES_PER_DAY;
  char *out;

  incident->number = number;
  write_reference (incident->incident_ref, 'I', number);

  out = append_word (incident->occurred_at, self->window_dates[day]);
  if ((event->flags & EVENT_FLAG_DATE_ONLY) == 0)
    {
      *out++ = 'T';
      out = write_digits (out, minute / 60, 2);
      *out++ = ':';
      out = write_digits (out, minute % 60, 2);
      out = append_word (out, ":00");
    }
  *out = '\0';

  fill_person (self, event->perpetrator, FALSE, &incident->perpetrator);
  fill_person (self, event->victim, TRUE, &incident->victim);
  incident->relationship = relationships[event->relationship];
  incident->offence_code = offences[event->offence].code;
  incident->dash_risk = dash_risks[event->flags & EVENT_FLAG_DASH_MASK];
  incident->stalking = (event->flags & EVENT_FLAG_STALKING) != 0;
  incident->area = areas[event->area];
}

G_DEFINE_QUARK (vigil-synth-error-quark, vigil_synth_error)

gboolean
vigil_synth_generate (guint64                  n_incidents,
                      guint64                  seed,
                      const char              *as_of,
                      VigilSynthIncidentFunc   func,
                      gpointer                 user_data,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  g_autofree SynthGenerator *self = NULL;
  guint32 as_of_julian;
  gboolean ok = TRUE;

  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_iso_date (as_of, &as_of_julian))
    {
      g_set_error (error, VIGIL_SYNTH_ERROR, VIGIL_SYNTH_ERROR_INVALID,
                   _("“%s” is not a date: write the as-of date as YYYY-MM-DD"),
                   as_of != NULL ? as_of : "");
      return FALSE;
    }
  if (n_incidents > VIGIL_SYNTH_MAX_INCIDENTS)
    {
      g_set_error (error, VIGIL_SYNTH_ERROR, VIGIL_SYNTH_ERROR_INVALID,
                   _("At most %d incidents can be generated at once"),
                   VIGIL_SYNTH_MAX_INCIDENTS);
      return FALSE;
    }

  self = g_new (SynthGenerator, 1);
  init_generator (self, n_incidents, seed, as_of_julian);

  if (!draw_all_events (self, n_incidents, cancellable, error))
    ok = FALSE;

  for (guint64 i = 0; ok && i < self->n_events; i++)
    {
      VigilSynthIncident incident;

      if ((i % CANCEL_CHECK_EVERY) == 0
          && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      expand_event (self, &self->events[i], i + 1, &incident);
      if (!func (&incident, user_data, error))
        ok = FALSE;
    }

  clear_generator (self);
  return ok;
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_name (GString                *out,
                 const VigilSynthPerson *person)
{
  char name[sizeof person->surname + sizeof person->forenames + 4];
  char *end = append_word (name, person->surname);

  if (person->forenames[0] != '\0')
    {
      end = append_word (end, ", ");
      end = append_word (end, person->forenames);
    }
  *end = '\0';
  append_csv_field (out, name);
}

void
vigil_synth_person_append_name (const VigilSynthPerson *person,
                                GString                *out)
{
  g_return_if_fail (person != NULL);
  g_return_if_fail (out != NULL);

  g_string_append (out, person->surname);
  if (person->forenames[0] != '\0')
    {
      g_string_append (out, ", ");
      g_string_append (out, person->forenames);
    }
}

void
vigil_synth_incident_append_csv (const VigilSynthIncident *incident,
                                 GString                  *row)
{
  g_return_if_fail (incident != NULL);
  g_return_if_fail (row != NULL);

  append_csv_field (row, incident->incident_ref);
  g_string_append_c (row, ',');
  append_csv_field (row, incident->occurred_at);
  g_string_append_c (row, ',');
  append_csv_field (row, incident->perpetrator.ref);
  g_string_append_c (row, ',');
  append_csv_name (row, &incident->perpetrator);
  g_string_append_c (row, ',');
  append_csv_field (row, incident->perpetrator.dob);
  g_string_append_c (row, ',');
  append_csv_field (row, incident->victim.ref);
  g_string_append_c (row, ',');
  append_csv_name (row, &incident->victim);
  g_string_append_c (row, ',');
  append_csv_field (row, incident->victim.dob);
  g_string_append_c (row, ',');
  append_csv_field (row, incident->relationship);
  g_string_append_c (row, ',');
  append_csv_field (row, incident->offence_code);
  g_string_append_c (row, ',');
  append_csv_field (row, incident->dash_risk);
  g_string_append_c (row, ',');
  g_string_append_c (row, incident->stalking ? '1' : '0');
  g_string_append_c (row, ',');
  append_csv_field (row, incident->area);
  g_string_append_c (row, '\n');
}

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GString       *buffer;
} CsvWriter;

static gboolean
flush_csv_writer (CsvWriter  *writer,
                  GError    **error)
{
  if (writer->buffer->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len,
                                  NULL, writer->cancellable, error))
    return FALSE;

  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

static gboolean
write_incident_cb (const VigilSynthIncident  *incident,
                   gpointer                   user_data,
                   GError                   **error)
{
  CsvWriter *writer = user_data;

  vigil_synth_incident_append_csv (incident, writer->buffer);
  if (writer->buffer->len >= CSV_FLUSH_SIZE)
    return flush_csv_writer (writer, error);

  return TRUE;
}

gboolean
vigil_synth_write_csv (guint64         n_incidents,
                       guint64         seed,
                       const char     *as_of,
                       GOutputStream  *out,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (CSV_FLUSH_SIZE + 1024);
  CsvWriter writer = { out, cancellable, buffer };

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_string_append (buffer, VIGIL_SYNTH_CSV_HEADER "\n");

  if (!vigil_synth_generate (n_incidents, seed, as_of, write_incident_cb, &writer,
                             cancellable, error))
    return FALSE;

  return flush_csv_writer (&writer, error)
         && g_output_stream_flush (out, cancellable, error);
}

/* ------------------------------------------------------------------------------------
 * Recognising synthetic names
 * ------------------------------------------------------------------------------------ */

static const char *
skip_word_from (const char         *text,
                const char * const *words,
                guint               n_words)
{
  for (guint i = 0; i < n_words; i++)
    {
      gsize len = strlen (words[i]);

      if (strncmp (text, words[i], len) == 0)
        return text + len;
    }

  return NULL;
}

/* Whether @text is PREFIX MIDDLE SUFFIX, or two of them joined by a hyphen when
 * @allow_second_part (backtracking: a middle may be empty or start like a suffix). */
static gboolean
match_surname_part (const char *text,
                    gboolean    allow_second_part)
{
  for (guint i = 0; i < G_N_ELEMENTS (surname_prefixes); i++)
    {
      gsize prefix_len = strlen (surname_prefixes[i]);

      if (strncmp (text, surname_prefixes[i], prefix_len) != 0)
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (surname_middles); j++)
        {
          const char *middle = text + prefix_len;
          gsize middle_len = strlen (surname_middles[j]);

          if (strncmp (middle, surname_middles[j], middle_len) != 0)
            continue;

          for (guint k = 0; k < G_N_ELEMENTS (surname_suffixes); k++)
            {
              const char *suffix = middle + middle_len;
              gsize suffix_len = strlen (surname_suffixes[k]);
              const char *rest = suffix + suffix_len;

              if (strncmp (suffix, surname_suffixes[k], suffix_len) != 0)
                continue;
              if (*rest == '\0')
                return TRUE;
              if (allow_second_part && *rest == '-' && match_surname_part (rest + 1, FALSE))
                return TRUE;
            }
        }
    }

  return FALSE;
}

gboolean
vigil_synth_name_is_synthetic (const char *surname,
                               const char *forenames)
{
  g_auto(GStrv) words = NULL;

  if (surname == NULL)
    return FALSE;

  if (g_str_has_prefix (surname, "O'"))
    surname += 2;
  if (!match_surname_part (surname, TRUE))
    return FALSE;

  if (forenames == NULL || *forenames == '\0')
    return TRUE;

  words = g_strsplit (forenames, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *rest = skip_word_from (words[i], forename_words,
                                         G_N_ELEMENTS (forename_words));

      if (rest == NULL || *rest != '\0')
        return FALSE;
    }

  return TRUE;
}

const char * const *
vigil_synth_get_areas (void)
{
  return areas;
}
