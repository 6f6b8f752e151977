/* vigil-rfgv.c: the RFGV engine
 *
 * Loading: the people are read in reference order (the unique index on local_ref)
 * while the incidents are read as RawFacts (store ids, date and time, codes interned
 * per reader), the id range split between threads so that they finish together.
 * finish_fact_set () then resolves each incident's perpetrator and victim among the
 * people, numbers the perpetrators in reference order, places each incident with a
 * counting sort by perpetrator (both in parallel over equal ranges) and puts each
 * person's incidents in date order. Victims are people: a fact's victim is an index
 * into the people read.
 *
 * Scoring: one pass over the facts (people are contiguous, their facts by date; the
 * distinct victims are counted with a stamp array, no hashing), then each scored
 * person gets a 64-bit key — the rank of their points combination (total desc, G
 * desc), the age of their latest incident, their index (= reference order) — and the
 * keys are radix sorted. Nothing in the hot loops allocates or hashes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-rfgv"

#include "config.h"

#include "vigil-store-native.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "vigil-entities.h"
#include "vigil-fact-cache-private.h"
#include "vigil-rfgv.h"

#define MAX_PERSONS         (1 << 29)
#define MAX_OFFENCES        65535
#define CANCEL_CHECK_EVERY  65536
#define PARALLEL_MIN_ROWS   100000  /* incident ids: more readers from this many */
#define PARALLEL_FINISH     16384   /* facts: more threads to finish a fact set */
#define MAX_READERS         4
#define REFERENCE_COST      0.35   /* reading a reference, in incidents read */
#define BULK_RESOLVE        2000   /* people without a reference: one scan above this */
#define JULIAN_1970_01_01   719163
#define BAND_SLOTS          (VIGIL_SCORING_MAX_BANDS + 1)
#define N_COMBOS            (BAND_SLOTS * BAND_SLOTS * BAND_SLOTS * BAND_SLOTS)
#define DIRECT_LOOKUP       4096
#define TOTAL_SCALE         1e6

G_DEFINE_QUARK (vigil-rfgv-error-quark, vigil_rfgv_error)

/* This thread's CPU time in milliseconds, for the debug log. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* Memory for a large array (megabytes) that is written at once: in huge pages where
 * the system offers them (transparent huge pages on request), which saves most of the
 * cost of first touching it. Not cleared; freed with g_free (). */
static gpointer
alloc_large (gsize size)
{
#ifdef MADV_HUGEPAGE
  const gsize huge = 2 * 1024 * 1024;
  void *memory = NULL;

  if (size >= 2 * huge && posix_memalign (&memory, huge, size) == 0)
    {
      madvise (memory, size - size % huge, MADV_HUGEPAGE);
      return memory;
    }
#endif
  return g_malloc (MAX (size, 1));
}

/* ====================================================================================
 * Dates
 * ==================================================================================== */

static inline gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Days from 1970-01-01 in the proleptic Gregorian calendar (era arithmetic). */
static inline gint32
days_from_civil (int      year,
                 unsigned month,
                 unsigned day)
{
  int era;
  unsigned year_of_era, day_of_year, day_of_era;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  year_of_era = (unsigned) (year - era * 400);
  day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + (gint32) day_of_era - 719468;
}

static inline int
digit (char c)
{
  return c >= '0' && c <= '9' ? c - '0' : -1000;
}

/* "YYYY-MM-DD[(T| )HH:MM[:SS]…]" → Julian day and second of the day. */
static gboolean
parse_when (const char *text,
            gsize       length,
            gint32     *day_out,
            gint32     *second_out)
{
  static const guint8 month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int year, month, day, second = 0;

  if (text == NULL || length < 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  year = digit (text[0]) * 1000 + digit (text[1]) * 100 + digit (text[2]) * 10 + digit (text[3]);
  month = digit (text[5]) * 10 + digit (text[6]);
  day = digit (text[8]) * 10 + digit (text[9]);
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      day > month_days[month - 1] + (month == 2 && is_leap_year (year)))
    return FALSE;

  if (length >= 16 && (text[10] == 'T' || text[10] == ' ') && text[13] == ':')
    {
      int hours = digit (text[11]) * 10 + digit (text[12]);
      int minutes = digit (text[14]) * 10 + digit (text[15]);
      int seconds = 0;

      if (length >= 19 && text[16] == ':')
        seconds = digit (text[17]) * 10 + digit (text[18]);
      if (hours >= 0 && hours < 24 && minutes >= 0 && minutes < 60 && seconds >= 0 && seconds < 61)
        second = hours * 3600 + minutes * 60 + seconds;
    }

  *day_out = days_from_civil (year, month, day) + JULIAN_1970_01_01;
  *second_out = second;
  return TRUE;
}

gint32
vigil_rfgv_parse_day (const char *text)
{
  gint32 day, second;

  if (text == NULL || !parse_when (text, strlen (text), &day, &second))
    return 0;
  return day;
}

static VigilRelationship
parse_relationship (const char *text,
                    gsize       length)
{
  for (guint i = 0; i < VIGIL_N_RELATIONSHIPS; i++)
    {
      const char *code = vigil_relationship_choices[i];

      if (code[0] == text[0] && strlen (code) == length && memcmp (code, text, length) == 0)
        return (VigilRelationship) i;
    }
  return VIGIL_RELATIONSHIP_UNKNOWN;
}

/* ====================================================================================
 * String tables (open addressing; a handful of offence codes and areas)
 * ==================================================================================== */

typedef struct
{
  GPtrArray *strings;  /* char *, owned */
  GArray    *lengths;  /* gsize per string */
  guint32   *slots;    /* index + 1, 0 = empty */
  guint32    mask;
  guint32    recent[256];  /* by length and two bytes: index + 1 of a likely match */
} StrTable;

static void
str_table_init (StrTable *table)
{
  table->strings = g_ptr_array_new_with_free_func (g_free);
  table->lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  memset (table->recent, 0, sizeof table->recent);
  table->mask = 63;
  table->slots = g_new0 (guint32, table->mask + 1);
}

static void
str_table_clear (StrTable *table)
{
  g_clear_pointer (&table->strings, g_ptr_array_unref);
  g_clear_pointer (&table->lengths, g_array_unref);
  g_clear_pointer (&table->slots, g_free);
}

static inline guint32
hash_bytes (const char *text,
            gsize       length)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guint8) text[i]) * 16777619u;
  return hash;
}

static void
str_table_grow (StrTable *table)
{
  guint32 mask = table->mask * 2 + 1;

  g_free (table->slots);
  table->slots = g_new0 (guint32, mask + 1);
  table->mask = mask;
  for (guint i = 0; i < table->strings->len; i++)
    {
      const char *text = g_ptr_array_index (table->strings, i);
      guint32 slot = hash_bytes (text, strlen (text)) & mask;

      while (table->slots[slot] != 0)
        slot = (slot + 1) & mask;
      table->slots[slot] = i + 1;
    }
}

static guint32
str_table_intern (StrTable   *table,
                  const char *text,
                  gsize       length)
{
  guint32 quick = length > 0 ? (length * 7 + (guint8) text[0] * 3 + (guint8) text[length - 1] * 5) & 255 : 0;
  guint32 recent = table->recent[quick];
  guint32 slot, index;

  /* most texts (offence codes, areas) repeat: try the last one that looked alike */
  if (recent != 0 && g_array_index (table->lengths, gsize, recent - 1) == length &&
      memcmp (g_ptr_array_index (table->strings, recent - 1), text, length) == 0)
    return recent - 1;

  slot = hash_bytes (text, length) & table->mask;

  for (;; slot = (slot + 1) & table->mask)
    {
      const char *known;

      if (table->slots[slot] == 0)
        break;
      known = g_ptr_array_index (table->strings, table->slots[slot] - 1);
      if (strncmp (known, text, length) == 0 && known[length] == '\0')
        {
          table->recent[quick] = table->slots[slot];
          return table->slots[slot] - 1;
        }
    }

  index = table->strings->len;
  g_ptr_array_add (table->strings, g_strndup (text, length));
  g_array_append_val (table->lengths, length);
  table->slots[slot] = index + 1;
  table->recent[quick] = index + 1;
  if (table->strings->len * 2 > table->mask)
    str_table_grow (table);
  return index;
}

/* ====================================================================================
 * Maps from store ids to indices: an array when the ids are small, else a hash table
 * ==================================================================================== */

typedef struct
{
  gint32     *direct;    /* [id] = index, -1 none; for 0 ≤ id < n_direct */
  gint64      n_direct;
  GHashTable *hash;      /* gint64 * → GINT_TO_POINTER (index + 1) for the other ids */
} IdMap;

static void
id_map_init (IdMap   *map,
             gint64   max_id,
             guint64  n_expected)
{
  gint64 limit = MIN ((gint64) 64 * 1024 * 1024, MAX ((gint64) (8 * n_expected), (gint64) 1 << 20));

  map->hash = NULL;
  map->direct = NULL;
  map->n_direct = 0;
  if (max_id >= 0 && max_id < limit)
    {
      map->n_direct = max_id + 1;
      map->direct = g_new (gint32, map->n_direct);
      memset (map->direct, 0xff, sizeof (gint32) * map->n_direct);
    }
}

static void
id_map_clear (IdMap *map)
{
  g_clear_pointer (&map->direct, g_free);
  g_clear_pointer (&map->hash, g_hash_table_unref);
}

static inline gint32
id_map_get (const IdMap *map,
            gint64       id)
{
  if (id >= 0 && id < map->n_direct)
    return map->direct[id];
  if (map->hash != NULL)
    {
      gpointer value = g_hash_table_lookup (map->hash, &id);

      if (value != NULL)
        return GPOINTER_TO_INT (value) - 1;
    }
  return -1;
}

static void
id_map_set (IdMap  *map,
            gint64  id,
            gint32  index)
{
  if (id >= 0 && id < map->n_direct)
    {
      map->direct[id] = index;
      return;
    }
  if (map->hash == NULL)
    map->hash = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_insert (map->hash, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (index + 1));
}

/* ====================================================================================
 * Raw facts, as read
 * ==================================================================================== */

enum
{
  RAW_OK,
  RAW_TOO_MANY_CODES,  /* more offence codes than a guint16 holds */
  RAW_UNRESOLVED,      /* a perpetrator or victim not among the people read */
};

typedef struct
{
  gint64  perpetrator;   /* store id; after counting, the person's index among the people */
  gint64  victim;        /* store id, 0 = none; after counting, the index + 1 */
  gint64  incident_id;
  gint32  day;           /* Julian day */
  gint32  second;        /* of the day */
  gint32  area;          /* the chunk's area index, -1 none */
  guint16 offence;       /* the chunk's offence index */
  guint8  relationship;
  guint8  state;         /* RAW_* */
} RawFact;

typedef struct
{
  RawFact  *facts;
  gsize     n_facts;
  gsize     size;
  StrTable  offences;
  StrTable  areas;
  guint     n_skipped;
} RawChunk;

static void
raw_chunk_init (RawChunk *chunk,
                gsize     reserve)
{
  chunk->size = MAX (reserve, 64);
  chunk->facts = g_new (RawFact, chunk->size);
  chunk->n_facts = 0;
  chunk->n_skipped = 0;
  str_table_init (&chunk->offences);
  str_table_init (&chunk->areas);
}

static void
raw_chunk_clear (RawChunk *chunk)
{
  g_clear_pointer (&chunk->facts, g_free);
  str_table_clear (&chunk->offences);
  str_table_clear (&chunk->areas);
}

static inline RawFact *
raw_chunk_append (RawChunk *chunk)
{
  if (G_UNLIKELY (chunk->n_facts == chunk->size))
    {
      chunk->size += chunk->size / 2 + 64;
      chunk->facts = g_renew (RawFact, chunk->facts, chunk->size);
    }
  return &chunk->facts[chunk->n_facts++];
}

/* Fills @fact's codes from text; FALSE when the date cannot be read. */
static inline gboolean
raw_fact_set_text (RawChunk   *chunk,
                   RawFact    *fact,
                   const char *occurred_at,
                   gsize       occurred_at_length,
                   const char *relationship,
                   gsize       relationship_length,
                   const char *offence,
                   gsize       offence_length,
                   const char *area,
                   gsize       area_length)
{
  gint32 day, second;
  guint32 offence_index;

  if (!parse_when (occurred_at, occurred_at_length, &day, &second))
    return FALSE;
  fact->day = day;
  fact->second = second;
  fact->relationship = relationship != NULL && relationship_length > 0
                         ? parse_relationship (relationship, relationship_length)
                         : VIGIL_RELATIONSHIP_UNKNOWN;
  offence_index = str_table_intern (&chunk->offences, offence != NULL ? offence : "", offence != NULL ? offence_length : 0);
  fact->offence = (guint16) MIN (offence_index, G_MAXUINT16);
  fact->area = area != NULL && area_length > 0 ? (gint32) str_table_intern (&chunk->areas, area, area_length) : -1;
  fact->state = offence_index > MAX_OFFENCES ? RAW_TOO_MANY_CODES : RAW_OK;
  return TRUE;
}

/* A person as the store knows them: the people are read in (claimed) reference order. */
typedef struct
{
  gint64      id;
  const char *ref;  /* in the fact set's string chunk */
} Candidate;

/* Adds the people of @ids (not yet known) to @people and @map. */
typedef gboolean (*ResolveFunc) (GArray        *people,
                                 IdMap         *map,
                                 const gint64  *ids,
                                 guint          n_ids,
                                 gpointer       user_data,
                                 GError       **error);

/* ====================================================================================
 * The fact set
 * ==================================================================================== */

struct _VigilFactSet
{
  gint          ref_count;
  VigilFact    *facts;
  guint         n_facts;
  gint64       *incident_ids;
  const char  **incident_refs;   /* NULL, or one per fact (NULL entries allowed) */
  guint         n_persons;       /* perpetrators */
  guint32      *person_first;    /* n_persons + 1 */
  gint64       *person_ids;
  const char  **person_refs;
  guint32      *person_people;   /* NULL, or per perpetrator: the index among the people */
  Candidate    *people;          /* everyone read: victims are indices into it */
  guint         n_people;
  GPtrArray    *offences;        /* char *, owned */
  GPtrArray    *areas;           /* char *, owned */
  GStringChunk *strings;
  guint         n_skipped;
  gsize         string_bytes;
  gpointer      block;           /* a serialised set read back: facts, incident_ids,
                                  * person_ids and the arrays below point into it, and
                                  * people and person_refs are NULL */
  gsize         block_size;
  const char   *block_strings;
  const guint32 *person_ref_offsets;  /* into block_strings, per perpetrator */
  const gint64 *people_ids;           /* everyone's store id ... */
  const guint32 *people_ref_offsets;  /* ... and reference */
};

/* Everyone read (the victims' table) and the perpetrators' references, whether the
 * set was built or read back from a block. */
static inline gint64
people_id (const VigilFactSet *self,
           guint               i)
{
  return self->people != NULL ? self->people[i].id : self->people_ids[i];
}

static inline const char *
people_ref (const VigilFactSet *self,
            guint               i)
{
  return self->people != NULL ? self->people[i].ref : self->block_strings + self->people_ref_offsets[i];
}

static inline const char *
person_ref (const VigilFactSet *self,
            guint               p)
{
  return self->person_refs != NULL ? self->person_refs[p] : self->block_strings + self->person_ref_offsets[p];
}

static VigilFactSet *
fact_set_new (void)
{
  VigilFactSet *self = g_new0 (VigilFactSet, 1);

  self->ref_count = 1;
  self->strings = g_string_chunk_new (1 << 20);
  return self;
}

static const char *
fact_set_intern_ref (VigilFactSet *self,
                     const char   *text,
                     gsize         length)
{
  self->string_bytes += length + 1;
  return g_string_chunk_insert_len (self->strings, text, length);
}

VigilFactSet *
vigil_fact_set_ref (VigilFactSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
vigil_fact_set_unref (VigilFactSet *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  if (self->block == NULL)
    {
      g_free (self->facts);
      g_free (self->incident_ids);
      g_free (self->person_ids);
    }
  g_free (self->block);
  g_free (self->incident_refs);
  g_free (self->person_first);
  g_free (self->person_refs);
  g_free (self->person_people);
  g_free (self->people);
  g_clear_pointer (&self->offences, g_ptr_array_unref);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_string_chunk_free (self->strings);
  g_free (self);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const Candidate *candidates = user_data;
  const Candidate *x = &candidates[*(const guint32 *) a];
  const Candidate *y = &candidates[*(const guint32 *) b];
  int cmp = strcmp (x->ref, y->ref);

  if (cmp != 0)
    return cmp;
  return x->id < y->id ? -1 : x->id > y->id;
}

static int
compare_int64s (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
fail_too_large (GError **error)
{
  g_set_error_literal (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_TOO_LARGE,
                       _("There are more incidents, people or offence codes than Vigil can score at once"));
  return FALSE;
}

/* One fact of a person whose facts came out of date order. */
typedef struct
{
  gint32  day;
  gint32  second;
  gint64  incident_id;
  guint32 slot;         /* where it was */
} FactOrder;

static int
compare_fact_orders (gconstpointer a,
                     gconstpointer b)
{
  const FactOrder *x = a;
  const FactOrder *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->second != y->second)
    return x->second < y->second ? -1 : 1;
  return (x->incident_id > y->incident_id) - (x->incident_id < y->incident_id);
}

/* The facts first … first + n - 1 in the order of (day, second, incident id). */
static void
sort_person_facts (VigilFactSet *self,
                   guint32       first,
                   guint32       n,
                   gint32       *seconds,
                   guint32      *raw_index,
                   GArray       *scratch)
{
  FactOrder *order;
  VigilFact *facts = &self->facts[first];
  gint64 *ids = &self->incident_ids[first];
  gint32 *secs = &seconds[first];
  gboolean sorted = TRUE;

  for (guint32 i = 1; i < n && sorted; i++)
    sorted = facts[i - 1].day < facts[i].day ||
             (facts[i - 1].day == facts[i].day &&
              (secs[i - 1] < secs[i] || (secs[i - 1] == secs[i] && ids[i - 1] <= ids[i])));
  if (sorted)
    return;

  g_array_set_size (scratch, 0);
  for (guint32 i = 0; i < n; i++)
    {
      FactOrder entry = { facts[i].day, secs[i], ids[i], i };

      g_array_append_val (scratch, entry);
    }
  g_array_sort (scratch, compare_fact_orders);
  order = (FactOrder *) (void *) scratch->data;

  /* apply the permutation through copies */
  {
    g_autofree VigilFact *fact_copy = g_memdup2 (facts, sizeof (VigilFact) * n);
    g_autofree gint64 *id_copy = g_memdup2 (ids, sizeof (gint64) * n);
    g_autofree guint32 *raw_copy = raw_index != NULL ? g_memdup2 (&raw_index[first], sizeof (guint32) * n) : NULL;

    for (guint32 i = 0; i < n; i++)
      {
        facts[i] = fact_copy[order[i].slot];
        ids[i] = id_copy[order[i].slot];
        secs[i] = order[i].second;
        if (raw_index != NULL)
          raw_index[first + i] = raw_copy[order[i].slot];
      }
  }
}

/* finish_fact_set's work on a range of the raw facts (counted through the chunks in
 * order), run in parallel: the ranges are equal, whatever the chunks' sizes. */
typedef struct _ChunkJob ChunkJob;
struct _ChunkJob
{
  void             (*func) (ChunkJob *job);
  VigilFactSet      *self;
  RawChunk          *chunks;
  guint              n_chunks;
  gsize              start;           /* global indices of the range */
  gsize              end;
  const IdMap       *map;             /* store id → index among the people */
  guint32          **offence_maps;    /* per chunk: chunk's index → global */
  gint32           **area_maps;
  guint32            n_people;
  /* counting */
  guint32           *counts;          /* facts per person */
  GArray            *unresolved;      /* gint64 store ids not among the people */
  gboolean           too_large;
  /* placing */
  const gint32      *person_of;       /* index among the people → perpetrator index */
  guint32           *next;            /* per perpetrator: where the range's next fact goes */
  gint32            *seconds;
  guint32           *raw_index;
};

/* The part of chunk @c (whose first fact has global index @base) in @job's range. */
static inline gboolean
job_span (const ChunkJob *job,
          guint           c,
          gsize           base,
          gsize          *from,
          gsize          *to)
{
  *from = MAX (job->start, base);
  *to = MIN (job->end, base + job->chunks[c].n_facts);
  return *from < *to;
}

/* Resolves a fact's perpetrator and victim into indices among the people. */
static inline gboolean
resolve_raw_fact (ChunkJob *job,
                  RawFact  *fact)
{
  gint32 perpetrator = id_map_get (job->map, fact->perpetrator);
  gint32 victim = fact->victim != 0 ? id_map_get (job->map, fact->victim) : -1;

  if (G_UNLIKELY (perpetrator < 0 || (fact->victim != 0 && victim < 0)))
    {
      if (job->unresolved == NULL)
        job->unresolved = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (perpetrator < 0)
        g_array_append_val (job->unresolved, fact->perpetrator);
      if (fact->victim != 0 && victim < 0)
        g_array_append_val (job->unresolved, fact->victim);
      fact->state = RAW_UNRESOLVED;
      return FALSE;
    }
  fact->perpetrator = perpetrator;
  fact->victim = victim + 1;
  fact->state = RAW_OK;
  job->counts[perpetrator]++;
  return TRUE;
}

static void
count_chunk (ChunkJob *job)
{
  gsize base = 0, from, to;

  job->counts = g_new0 (guint32, MAX (job->n_people, 1));
  for (guint c = 0; c < job->n_chunks; base += job->chunks[c].n_facts, c++)
    if (job_span (job, c, base, &from, &to))
      for (gsize g = from; g < to; g++)
        {
          RawFact *fact = &job->chunks[c].facts[g - base];

          if (G_UNLIKELY (fact->state == RAW_TOO_MANY_CODES))
            {
              job->too_large = TRUE;
              return;
            }
          fact->offence = (guint16) job->offence_maps[c][fact->offence];
          if (fact->area >= 0)
            fact->area = job->area_maps[c][fact->area];
          resolve_raw_fact (job, fact);
        }
}

/* After the people were completed: the facts left unresolved, again. */
static void
recount_chunk (ChunkJob *job)
{
  gsize base = 0, from, to;

  g_clear_pointer (&job->unresolved, g_array_unref);
  for (guint c = 0; c < job->n_chunks; base += job->chunks[c].n_facts, c++)
    if (job_span (job, c, base, &from, &to))
      for (gsize g = from; g < to; g++)
        if (job->chunks[c].facts[g - base].state == RAW_UNRESOLVED)
          resolve_raw_fact (job, &job->chunks[c].facts[g - base]);
}

/* Counting sort by perpetrator: each raw fact is read once, in order, and written to
 * its place (scattered writes, no scattered reads). */
static void
place_chunk (ChunkJob *job)
{
  VigilFactSet *self = job->self;
  gsize base = 0, from, to;

  for (guint c = 0; c < job->n_chunks; base += job->chunks[c].n_facts, c++)
    if (job_span (job, c, base, &from, &to))
      for (gsize g = from; g < to; g++)
        {
          const RawFact *raw = &job->chunks[c].facts[g - base];
          gint32 person = job->person_of[raw->perpetrator];
          guint32 k = job->next[person]++;
          VigilFact *fact = &self->facts[k];

          fact->person = person;
          fact->day = raw->day;
          fact->victim = (gint32) raw->victim - 1;
          fact->area = raw->area;
          fact->offence = raw->offence;
          fact->relationship = raw->relationship;
          fact->reserved = 0;
          self->incident_ids[k] = raw->incident_id;
          job->seconds[k] = raw->second;
          if (job->raw_index != NULL)
            job->raw_index[k] = g;
        }
}

static gpointer
run_chunk_job (gpointer data)
{
  ChunkJob *job = data;

  job->func (job);
  return NULL;
}

static void
run_chunk_jobs (ChunkJob  *jobs,
                guint      n_jobs,
                void     (*func) (ChunkJob *job))
{
  GThread *threads[MAX_READERS] = { NULL, };

  for (guint j = 0; j < n_jobs; j++)
    jobs[j].func = func;
  for (guint j = 1; j < n_jobs; j++)
    threads[j] = g_thread_try_new ("vigil-rfgv-finish", run_chunk_job, &jobs[j], NULL);
  func (&jobs[0]);
  for (guint j = 1; j < n_jobs; j++)
    {
      if (threads[j] != NULL)
        g_thread_join (threads[j]);
      else
        func (&jobs[j]);
    }
}

static void
clear_chunk_jobs (ChunkJob *jobs,
                  guint     n_jobs)
{
  for (guint j = 0; j < n_jobs; j++)
    {
      g_clear_pointer (&jobs[j].counts, g_free);
      g_clear_pointer (&jobs[j].unresolved, g_array_unref);
      g_clear_pointer (&jobs[j].next, g_free);
    }
}

/* Turns raw chunks and the people into @self's arrays; takes @people's data and frees
 * the chunks' facts. @map maps the store ids of @people to their indices; @resolve
 * (optional) adds people a fact names who are not in @people yet. @raw_index_out
 * (optional) gets, for each fact, the index of the RawFact it came from (counting
 * through the chunks in order). */
static gboolean
finish_fact_set (VigilFactSet     *self,
                 GArray           *people,
                 IdMap            *map,
                 ResolveFunc       resolve,
                 gpointer          resolve_data,
                 RawChunk         *chunks,
                 guint             n_chunks,
                 guint32         **raw_index_out,
                 GError          **error)
{
  ChunkJob jobs[MAX_READERS];
  guint n_jobs;
  guint32 *offence_maps[MAX_READERS] = { NULL, };
  gint32 *area_maps[MAX_READERS] = { NULL, };
  g_autofree guint32 *total_counts = NULL;
  g_autofree gint32 *person_of = NULL;
  g_autofree guint32 *used = NULL;
  g_autofree gint32 *seconds = NULL;
  g_autofree guint32 *raw_index = NULL;
  g_autoptr(GArray) unresolved = NULL;
  g_autoptr(GArray) scratch = NULL;
  const guint32 *counts;
  const Candidate *candidates;
  StrTable offences, areas;
  guint64 n_raw = 0;
  guint n_used = 0;
  gboolean out_of_order = FALSE, ok = TRUE;

  g_assert (n_chunks >= 1 && n_chunks <= MAX_READERS);

  for (guint c = 0; c < n_chunks; c++)
    {
      n_raw += chunks[c].n_facts;
      self->n_skipped += chunks[c].n_skipped;
    }
  if (n_raw >= G_MAXINT32 || people->len >= MAX_PERSONS)
    return fail_too_large (error);

  /* Global code tables. */
  str_table_init (&offences);
  str_table_init (&areas);
  for (guint c = 0; c < n_chunks; c++)
    {
      RawChunk *chunk = &chunks[c];

      offence_maps[c] = g_new (guint32, chunk->offences.strings->len + 1);
      area_maps[c] = g_new (gint32, chunk->areas.strings->len + 1);
      for (guint i = 0; i < chunk->offences.strings->len; i++)
        {
          const char *code = g_ptr_array_index (chunk->offences.strings, i);

          offence_maps[c][i] = str_table_intern (&offences, code, strlen (code));
        }
      for (guint i = 0; i < chunk->areas.strings->len; i++)
        {
          const char *area = g_ptr_array_index (chunk->areas.strings, i);

          area_maps[c][i] = str_table_intern (&areas, area, strlen (area));
        }
    }
  self->offences = g_steal_pointer (&offences.strings);
  self->areas = g_steal_pointer (&areas.strings);
  str_table_clear (&offences);
  str_table_clear (&areas);

  /* Each fact's perpetrator and victim among the people; facts per perpetrator. */
  n_jobs = n_raw >= PARALLEL_FINISH ? CLAMP (g_get_num_processors (), 1, MAX_READERS) : 1;
  for (guint j = 0; j < n_jobs; j++)
    {
      memset (&jobs[j], 0, sizeof jobs[j]);
      jobs[j].self = self;
      jobs[j].chunks = chunks;
      jobs[j].n_chunks = n_chunks;
      jobs[j].start = n_raw * j / n_jobs;
      jobs[j].end = n_raw * (j + 1) / n_jobs;
      jobs[j].map = map;
      jobs[j].offence_maps = offence_maps;
      jobs[j].area_maps = area_maps;
      jobs[j].n_people = people->len;
    }
  if (self->offences->len <= MAX_OFFENCES)
    run_chunk_jobs (jobs, n_jobs, count_chunk);
  for (guint c = 0; c < n_chunks; c++)
    {
      g_clear_pointer (&offence_maps[c], g_free);
      g_clear_pointer (&area_maps[c], g_free);
    }
  for (guint j = 0; j < n_jobs; j++)
    {
      if (jobs[j].too_large || self->offences->len > MAX_OFFENCES)
        ok = FALSE;
      if (jobs[j].unresolved != NULL)
        {
          if (unresolved == NULL)
            unresolved = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_array_append_vals (unresolved, jobs[j].unresolved->data, jobs[j].unresolved->len);
        }
    }
  if (!ok)
    {
      clear_chunk_jobs (jobs, n_jobs);
      return fail_too_large (error);
    }

  /* People a fact names but the store's reference scan did not see (no reference, or
   * added since): look them up, then count their facts. */
  if (unresolved != NULL)
    {
      gint64 *ids = (gint64 *) (void *) unresolved->data;
      guint n_ids = 0;

      g_array_sort (unresolved, compare_int64s);
      for (guint i = 0; i < unresolved->len; i++)
        if (n_ids == 0 || ids[i] != ids[n_ids - 1])
          ids[n_ids++] = ids[i];
      g_array_set_size (unresolved, n_ids);
      if (resolve == NULL)
        {
          g_set_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_FAILED,
                       _("An incident names person %" PRId64 ", who is not in the store"),
                       g_array_index (unresolved, gint64, 0));
          clear_chunk_jobs (jobs, n_jobs);
          return FALSE;
        }
      if (!resolve (people, map, (const gint64 *) (void *) unresolved->data, unresolved->len, resolve_data, error))
        {
          clear_chunk_jobs (jobs, n_jobs);
          return FALSE;
        }
      if (people->len >= MAX_PERSONS)
        {
          clear_chunk_jobs (jobs, n_jobs);
          return fail_too_large (error);
        }
      for (guint j = 0; j < n_jobs; j++)
        {
          guint32 old = jobs[j].n_people;

          jobs[j].n_people = people->len;
          jobs[j].counts = g_renew (guint32, jobs[j].counts, MAX (people->len, 1));
          memset (&jobs[j].counts[old], 0, sizeof (guint32) * (people->len - old));
          recount_chunk (&jobs[j]);
          if (jobs[j].unresolved != NULL)
            {
              g_set_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_FAILED,
                           _("An incident names person %" PRId64 ", who is not in the store"),
                           g_array_index (jobs[j].unresolved, gint64, 0));
              clear_chunk_jobs (jobs, n_jobs);
              return FALSE;
            }
        }
    }
  candidates = (const Candidate *) (void *) people->data;

  if (n_jobs > 1)
    {
      total_counts = g_new0 (guint32, MAX (people->len, 1));
      for (guint j = 0; j < n_jobs; j++)
        for (guint i = 0; i < people->len; i++)
          total_counts[i] += jobs[j].counts[i];
    }
  counts = n_jobs > 1 ? total_counts : jobs[0].counts;

  /* Perpetrators, numbered in reference order. */
  used = g_new (guint32, MAX (people->len, 1));
  for (guint32 i = 0; i < people->len; i++)
    if (counts[i] > 0)
      {
        if (n_used > 0 && compare_candidates (&used[n_used - 1], &i, (gpointer) candidates) > 0)
          out_of_order = TRUE;
        used[n_used++] = i;
      }
  if (out_of_order)
    g_qsort_with_data (used, n_used, sizeof (guint32), compare_candidates, (gpointer) candidates);

  self->n_persons = n_used;
  self->person_ids = g_new (gint64, MAX (n_used, 1));
  self->person_refs = g_new (const char *, MAX (n_used, 1));
  self->person_first = g_new (guint32, n_used + 1);
  person_of = g_new (gint32, MAX (people->len, 1));
  self->person_first[0] = 0;
  for (guint p = 0; p < n_used; p++)
    {
      const Candidate *candidate = &candidates[used[p]];

      self->person_ids[p] = candidate->id;
      self->person_refs[p] = candidate->ref;
      self->person_first[p + 1] = self->person_first[p] + counts[used[p]];
      person_of[used[p]] = p;
    }

  /* Where each range's facts of each perpetrator go: range 0's first, then 1's, … */
  for (guint j = 0; j < n_jobs; j++)
    jobs[j].next = g_new (guint32, MAX (n_used, 1));
  for (guint p = 0; p < n_used; p++)
    {
      guint32 at = self->person_first[p];

      for (guint j = 0; j < n_jobs; j++)
        {
          jobs[j].next[p] = at;
          at += jobs[j].counts[used[p]];
        }
    }
  counts = NULL;
  g_clear_pointer (&total_counts, g_free);
  /* where each perpetrator's reference is among the people: serialising needs it */
  self->person_people = g_steal_pointer (&used);
  for (guint j = 0; j < n_jobs; j++)
    g_clear_pointer (&jobs[j].counts, g_free);

  self->n_facts = n_raw;
  self->facts = g_new (VigilFact, MAX (n_raw, 1));
  self->incident_ids = g_new (gint64, MAX (n_raw, 1));
  seconds = g_new (gint32, MAX (n_raw, 1));
  if (raw_index_out != NULL)
    raw_index = g_new (guint32, MAX (n_raw, 1));
  for (guint j = 0; j < n_jobs; j++)
    {
      jobs[j].person_of = person_of;
      jobs[j].seconds = seconds;
      jobs[j].raw_index = raw_index;
    }
  run_chunk_jobs (jobs, n_jobs, place_chunk);
  clear_chunk_jobs (jobs, n_jobs);
  for (guint c = 0; c < n_chunks; c++)
    {
      g_clear_pointer (&chunks[c].facts, g_free);
      chunks[c].n_facts = chunks[c].size = 0;
    }

  /* Each perpetrator's facts by date (already so when the store holds them in date
   * order). */
  scratch = g_array_new (FALSE, FALSE, sizeof (FactOrder));
  for (guint p = 0; p < n_used; p++)
    sort_person_facts (self, self->person_first[p], self->person_first[p + 1] - self->person_first[p],
                       seconds, raw_index, scratch);

  /* The people, who are also the victims' table. */
  self->n_people = people->len;
  self->people = (Candidate *) (void *) g_array_steal (people, NULL);

  if (raw_index_out != NULL)
    *raw_index_out = g_steal_pointer (&raw_index);
  return TRUE;
}

/* ====================================================================================
 * The builder
 * ==================================================================================== */

struct _VigilFactSetBuilder
{
  VigilFactSet *set;
  RawChunk      chunk;
  GArray       *people;          /* Candidate */
  IdMap         by_id;           /* store id → index among the people */
  GHashTable   *by_ref;          /* ref → index + 1, for people given without ids */
  GPtrArray    *incident_refs;   /* per raw fact */
  gint64        next_person_id;
  gint64        next_incident_id;
  gboolean      with_ids;
  gboolean      without_ids;
};

VigilFactSetBuilder *
vigil_fact_set_builder_new (void)
{
  VigilFactSetBuilder *self = g_new0 (VigilFactSetBuilder, 1);

  self->set = fact_set_new ();
  raw_chunk_init (&self->chunk, 64);
  self->people = g_array_new (FALSE, FALSE, sizeof (Candidate));
  id_map_init (&self->by_id, -1, 0);
  self->by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  self->incident_refs = g_ptr_array_new ();
  self->next_person_id = 1;
  self->next_incident_id = 1;
  return self;
}

void
vigil_fact_set_builder_free (VigilFactSetBuilder *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->set, vigil_fact_set_unref);
  raw_chunk_clear (&self->chunk);
  g_array_unref (self->people);
  id_map_clear (&self->by_id);
  g_hash_table_unref (self->by_ref);
  g_ptr_array_unref (self->incident_refs);
  g_free (self);
}

static gboolean
fail_input (GError     **error,
            const char  *field,
            const char  *value)
{
  g_set_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_INVALID,
               _("An incident’s %s cannot be read: “%s”"), field, value != NULL ? value : "");
  return FALSE;
}

/* The store id of a person given by id (with a reference, maybe) or by reference. */
static gint64
builder_add_person (VigilFactSetBuilder *self,
                    gint64               id,
                    const char          *ref)
{
  Candidate person;

  if (id != 0)
    {
      gint32 index = id_map_get (&self->by_id, id);

      if (index >= 0)
        {
          Candidate *known = &g_array_index (self->people, Candidate, index);

          /* first seen as a victim without a reference */
          if (ref != NULL && *known->ref == '\0' && *ref != '\0')
            known->ref = fact_set_intern_ref (self->set, ref, strlen (ref));
          return id;
        }
      person.id = id;
      person.ref = fact_set_intern_ref (self->set, ref != NULL ? ref : "", ref != NULL ? strlen (ref) : 0);
    }
  else
    {
      gpointer found = g_hash_table_lookup (self->by_ref, ref);

      if (found != NULL)
        return g_array_index (self->people, Candidate, GPOINTER_TO_UINT (found) - 1).id;
      person.id = self->next_person_id++;
      person.ref = fact_set_intern_ref (self->set, ref, strlen (ref));
      g_hash_table_insert (self->by_ref, (gpointer) person.ref, GUINT_TO_POINTER (self->people->len + 1));
    }

  id_map_set (&self->by_id, person.id, self->people->len);
  g_array_append_val (self->people, person);
  return person.id;
}

gboolean
vigil_fact_set_builder_add (VigilFactSetBuilder   *self,
                            const VigilFactInput  *input,
                            GError               **error)
{
  gboolean has_victim;
  RawFact *fact;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (input->person_ref == NULL || *input->person_ref == '\0')
    return fail_input (error, "person_ref", input->person_ref);
  if (input->offence_code == NULL)
    return fail_input (error, "offence_code", input->offence_code);
  if (vigil_rfgv_parse_day (input->occurred_at) == 0)
    return fail_input (error, "occurred_at", input->occurred_at);

  /* People are known by id, or (without ids) by reference: one or the other. */
  has_victim = input->victim_id != 0 || (input->victim_ref != NULL && *input->victim_ref != '\0');
  if (input->person_id < 0 || (input->person_id > 0 && self->without_ids) ||
      (input->person_id == 0 && self->with_ids))
    return fail_input (error, "person_id", input->person_ref);
  if (has_victim && ((input->person_id > 0) != (input->victim_id > 0)))
    return fail_input (error, "victim_id", input->victim_ref);
  self->with_ids = input->person_id > 0;
  self->without_ids = input->person_id == 0;

  fact = raw_chunk_append (&self->chunk);
  fact->perpetrator = builder_add_person (self, input->person_id, input->person_ref);
  fact->victim = has_victim ? builder_add_person (self, input->victim_id, input->victim_ref) : 0;
  fact->incident_id = input->incident_id != 0 ? input->incident_id : self->next_incident_id;
  self->next_incident_id = MAX (self->next_incident_id, fact->incident_id) + 1;
  raw_fact_set_text (&self->chunk, fact,
                     input->occurred_at, strlen (input->occurred_at),
                     input->relationship, input->relationship ? strlen (input->relationship) : 0,
                     input->offence_code, strlen (input->offence_code),
                     input->area, input->area ? strlen (input->area) : 0);

  g_ptr_array_add (self->incident_refs,
                   input->incident_ref != NULL
                     ? (gpointer) fact_set_intern_ref (self->set, input->incident_ref, strlen (input->incident_ref))
                     : NULL);
  return TRUE;
}

VigilFactSet *
vigil_fact_set_builder_end (VigilFactSetBuilder  *self,
                            GError              **error)
{
  g_autoptr(VigilFactSetBuilder) builder = self;
  g_autofree guint32 *raw_index = NULL;
  VigilFactSet *set;

  g_return_val_if_fail (self != NULL, NULL);

  set = builder->set;
  if (!finish_fact_set (set, builder->people, &builder->by_id, NULL, NULL, &builder->chunk, 1, &raw_index, error))
    return NULL;

  set->incident_refs = g_new0 (const char *, MAX (set->n_facts, 1));
  for (guint k = 0; k < set->n_facts; k++)
    set->incident_refs[k] = g_ptr_array_index (builder->incident_refs, raw_index[k]);

  builder->set = NULL;
  return set;
}

/* ====================================================================================
 * The collector: the facts of an import into an empty store, as it writes them
 * ==================================================================================== */

struct _VigilFactCollector
{
  VigilFactSet *set;
  RawChunk      chunk;
  GArray       *people;          /* Candidate, in the order added */
  gint64        next_incident_id;
  guint64       n_incidents;
  gint64        max_person_id;
};

VigilFactCollector *
vigil_fact_collector_new (gint64 first_incident_id,
                          gsize  expected_incidents)
{
  VigilFactCollector *self = g_new0 (VigilFactCollector, 1);

  self->set = fact_set_new ();
  raw_chunk_init (&self->chunk, MIN (expected_incidents, (gsize) 64 * 1024 * 1024));
  self->people = g_array_new (FALSE, FALSE, sizeof (Candidate));
  self->next_incident_id = first_incident_id;
  return self;
}

void
vigil_fact_collector_free (VigilFactCollector *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->set, vigil_fact_set_unref);
  raw_chunk_clear (&self->chunk);
  g_array_unref (self->people);
  g_free (self);
}

void
vigil_fact_collector_add_person (VigilFactCollector *self,
                                 gint64              person_id,
                                 const char         *ref)
{
  Candidate person;

  g_return_if_fail (self != NULL);
  g_return_if_fail (ref != NULL);

  person.id = person_id;
  person.ref = fact_set_intern_ref (self->set, ref, strlen (ref));
  g_array_append_val (self->people, person);
  self->max_person_id = MAX (self->max_person_id, person_id);
}

void
vigil_fact_collector_add_incident (VigilFactCollector *self,
                                   gint64              perpetrator_id,
                                   gint64              victim_id,
                                   const char         *occurred_at,
                                   const char         *relationship,
                                   const char         *offence,
                                   const char         *area)
{
  RawFact *fact;

  g_return_if_fail (self != NULL);

  /* as scan_sqlite_incidents () reads the row back */
  fact = raw_chunk_append (&self->chunk);
  fact->incident_id = self->next_incident_id++;
  fact->perpetrator = perpetrator_id;
  fact->victim = victim_id;
  self->n_incidents++;
  if (!raw_fact_set_text (&self->chunk, fact,
                          occurred_at, occurred_at != NULL ? strlen (occurred_at) : 0,
                          relationship, relationship != NULL ? strlen (relationship) : 0,
                          offence, offence != NULL ? strlen (offence) : 0,
                          area, area != NULL ? strlen (area) : 0))
    {
      self->chunk.n_facts--;
      self->chunk.n_skipped++;
    }
}

guint64
vigil_fact_collector_get_n_incidents (const VigilFactCollector *self)
{
  return self->n_incidents;
}

guint64
vigil_fact_collector_get_n_people (const VigilFactCollector *self)
{
  return self->people->len;
}

gint64
vigil_fact_collector_get_max_person_id (const VigilFactCollector *self)
{
  return self->max_person_id;
}

static int
compare_people_by_ref (gconstpointer a,
                       gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;
  int cmp = strcmp (x->ref, y->ref);

  if (cmp != 0)
    return cmp;
  return (x->id > y->id) - (x->id < y->id);
}

/* A person's place in the sort: eight bytes of the reference (after the prefix every
 * reference shares), big-endian, zero after its end. */
typedef struct
{
  guint64 key;
  guint32 index;
} RefKey;

/* The people by reference (byte order), then id: as compare_people_by_ref, but a
 * radix sort of the references' first distinct bytes (a million references sort in a
 * few tens of milliseconds, not half a second of strcmp), references alike in those
 * bytes sorted again in full. */
static void
sort_people_by_ref (GArray *people)
{
  const Candidate *candidates = (const Candidate *) (void *) people->data;
  guint n = people->len;
  g_autofree RefKey *keys = NULL;
  g_autofree RefKey *other = NULL;
  g_autofree guint32 *counts = NULL;
  g_autofree Candidate *sorted = NULL;
  gsize prefix;

  if (n < 2)
    return;

  /* the prefix all share */
  prefix = strlen (candidates[0].ref);
  for (guint i = 1; i < n && prefix > 0; i++)
    {
      const char *a = candidates[0].ref;
      const char *b = candidates[i].ref;
      gsize k = 0;

      while (k < prefix && a[k] == b[k] && b[k] != '\0')
        k++;
      prefix = k;
    }

  keys = g_new (RefKey, n);
  other = g_new (RefKey, n);
  for (guint i = 0; i < n; i++)
    {
      const char *tail = candidates[i].ref + prefix;
      guint64 key = 0;
      guint k;

      for (k = 0; k < 8 && tail[k] != '\0'; k++)
        key = (key << 8) | (guint8) tail[k];
      key <<= 8 * (8 - k);
      keys[i].key = key;
      keys[i].index = i;
    }

  /* least significant digit first, 16 bits a pass; a pass whose digit is the same
   * everywhere moves nothing */
  counts = g_new (guint32, 65536);
  for (guint shift = 0; shift < 64; shift += 16)
    {
      guint32 at = 0;
      RefKey *swap;

      memset (counts, 0, sizeof (guint32) * 65536);
      for (guint i = 0; i < n; i++)
        counts[(keys[i].key >> shift) & 0xffff]++;
      if (counts[(keys[0].key >> shift) & 0xffff] == n)
        continue;
      for (guint d = 0; d < 65536; d++)
        {
          guint32 c = counts[d];

          counts[d] = at;
          at += c;
        }
      for (guint i = 0; i < n; i++)
        other[counts[(keys[i].key >> shift) & 0xffff]++] = keys[i];
      swap = keys;
      keys = other;
      other = swap;
    }

  sorted = g_new (Candidate, n);
  for (guint i = 0; i < n; i++)
    sorted[i] = candidates[keys[i].index];

  /* the same eight bytes: in full */
  for (guint i = 0; i < n;)
    {
      guint j = i + 1;

      while (j < n && keys[j].key == keys[i].key)
        j++;
      if (j - i > 1)
        qsort (&sorted[i], j - i, sizeof (Candidate), compare_people_by_ref);
      i = j;
    }
  memcpy (people->data, sorted, sizeof (Candidate) * n);
}

VigilFactSet *
vigil_fact_collector_end (VigilFactCollector  *self,
                          GError             **error)
{
  VigilFactSet *set;
  IdMap map;
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);

  /* the people as scan_sqlite_refs () reads them: by reference (byte order), then id */
  gint64 t0 = g_get_monotonic_time ();
  sort_people_by_ref (self->people);
  g_debug ("collector: %u people sorted in %.1f ms (%.1f ms CPU)", self->people->len,
           (g_get_monotonic_time () - t0) / 1000.0, thread_cpu_ms ());
  id_map_init (&map, self->max_person_id, self->people->len);
  for (guint i = 0; i < self->people->len; i++)
    id_map_set (&map, g_array_index (self->people, Candidate, i).id, i);

  set = self->set;
  ok = finish_fact_set (set, self->people, &map, NULL, NULL, &self->chunk, 1, NULL, error);
  id_map_clear (&map);
  if (ok)
    self->set = NULL;
  vigil_fact_collector_free (self);
  return ok ? set : NULL;
}

/* ====================================================================================
 * Loading from SQLite: native, read-only, in parallel
 * ==================================================================================== */

static gboolean
fail_sqlite (GError    **error,
             sqlite3    *db,
             const char *path)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : "out of memory";

  g_set_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_FAILED,
               _("The incidents in “%s” could not be read: %s"), path, message);
  return FALSE;
}

static gboolean
fail_cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Loading the incidents was cancelled"));
  return FALSE;
}

static sqlite3 *
open_sqlite (const char  *path,
             GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      fail_sqlite (error, db, path);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 30000);
  return db;
}

static gboolean
exec_sqlite (sqlite3     *db,
             const char  *sql,
             const char  *path,
             GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail_sqlite (error, db, path);
  return TRUE;
}

static gboolean
scan_sqlite_incidents (sqlite3       *db,
                       const char    *path,
                       gint64         first_id,
                       gint64         last_id,
                       RawChunk      *chunk,
                       GCancellable  *cancellable,
                       GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  guint countdown = CANCEL_CHECK_EVERY;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT id, perpetrator_id, victim_id, occurred_at, relationship, offence_code, area "
                          "FROM incident WHERE id BETWEEN ?1 AND ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    return fail_sqlite (error, db, path);
  sqlite3_bind_int64 (stmt, 1, first_id);
  sqlite3_bind_int64 (stmt, 2, last_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RawFact *fact = raw_chunk_append (chunk);
      const char *occurred_at, *relationship, *offence, *area;
      gsize occurred_at_length, relationship_length, offence_length, area_length;

      fact->incident_id = sqlite3_column_int64 (stmt, 0);
      fact->perpetrator = sqlite3_column_int64 (stmt, 1);
      fact->victim = sqlite3_column_int64 (stmt, 2);
      /* strlen costs less than another call into SQLite (these hold no NUL) */
      occurred_at = (const char *) sqlite3_column_text (stmt, 3);
      occurred_at_length = occurred_at != NULL ? strlen (occurred_at) : 0;
      relationship = (const char *) sqlite3_column_text (stmt, 4);
      relationship_length = relationship != NULL ? strlen (relationship) : 0;
      offence = (const char *) sqlite3_column_text (stmt, 5);
      offence_length = offence != NULL ? strlen (offence) : 0;
      area = (const char *) sqlite3_column_text (stmt, 6);
      area_length = area != NULL ? strlen (area) : 0;

      if (!raw_fact_set_text (chunk, fact, occurred_at, occurred_at_length, relationship, relationship_length,
                              offence, offence_length, area, area_length))
        {
          chunk->n_facts--;
          chunk->n_skipped++;
          g_debug ("incident %" G_GINT64_FORMAT ": occurred_at “%s” cannot be read", fact->incident_id,
                   occurred_at != NULL ? occurred_at : "");
        }

      if (G_UNLIKELY (--countdown == 0))
        {
          countdown = CANCEL_CHECK_EVERY;
          if (g_cancellable_is_cancelled (cancellable))
            {
              sqlite3_finalize (stmt);
              return fail_cancelled (error);
            }
        }
    }

  if (rc != SQLITE_DONE)
    {
      fail_sqlite (error, db, path);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

typedef struct
{
  const char   *path;
  gint64        first_id;
  gint64        last_id;
  GCancellable *cancellable;
  RawChunk      chunk;
  GError       *error;
} SqliteReader;

static gpointer
run_sqlite_reader (gpointer data)
{
  SqliteReader *reader = data;
  gint64 started = g_get_monotonic_time ();
  sqlite3 *db = open_sqlite (reader->path, &reader->error);

  if (db == NULL)
    return NULL;
  if (exec_sqlite (db, "BEGIN", reader->path, &reader->error))
    {
      scan_sqlite_incidents (db, reader->path, reader->first_id, reader->last_id, &reader->chunk,
                             reader->cancellable, &reader->error);
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
    }
  sqlite3_close (db);
  g_debug ("load: incidents %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " read in %.1f ms (%.1f ms CPU)",
           reader->first_id, reader->last_id, (g_get_monotonic_time () - started) / 1000.0, thread_cpu_ms ());
  return NULL;
}

/* The people with a reference, in reference order (the unique index on local_ref). */
static gboolean
scan_sqlite_refs (sqlite3        *db,
                  const char     *path,
                  VigilFactSet   *set,
                  GArray         *candidates,
                  GCancellable   *cancellable,
                  GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  guint countdown = CANCEL_CHECK_EVERY;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT id, local_ref FROM person WHERE local_ref IS NOT NULL ORDER BY local_ref, id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return fail_sqlite (error, db, path);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate candidate;
      const char *ref = (const char *) sqlite3_column_text (stmt, 1);
      int length = sqlite3_column_bytes (stmt, 1);

      candidate.id = sqlite3_column_int64 (stmt, 0);
      candidate.ref = fact_set_intern_ref (set, ref != NULL ? ref : "", ref != NULL ? length : 0);
      g_array_append_val (candidates, candidate);

      if (G_UNLIKELY (--countdown == 0))
        {
          countdown = CANCEL_CHECK_EVERY;
          if (g_cancellable_is_cancelled (cancellable))
            {
              sqlite3_finalize (stmt);
              return fail_cancelled (error);
            }
        }
    }
  if (rc != SQLITE_DONE)
    {
      fail_sqlite (error, db, path);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* People a fact names who have no reference (or are newer than the reference scan):
 * their uuid. */
typedef struct
{
  sqlite3      *db;
  const char   *path;
  VigilFactSet *set;
} SqliteResolve;

static gboolean
resolve_sqlite_people (GArray        *people,
                       IdMap         *map,
                       const gint64  *ids,
                       guint          n_ids,
                       gpointer       user_data,
                       GError       **error)
{
  SqliteResolve *resolve = user_data;
  sqlite3_stmt *stmt = NULL;

  g_debug ("load: %u people without a reference (or newer than the scan)", n_ids);

  /* many (people entered without a reference): one scan instead of a lookup each;
   * @ids is sorted */
  if (n_ids > BULK_RESOLVE)
    {
      int rc;

      if (sqlite3_prepare_v2 (resolve->db, "SELECT id, uuid FROM person WHERE local_ref IS NULL",
                              -1, &stmt, NULL) != SQLITE_OK)
        return fail_sqlite (error, resolve->db, resolve->path);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          const char *uuid = (const char *) sqlite3_column_text (stmt, 1);
          Candidate person;

          if (id_map_get (map, id) >= 0 || uuid == NULL ||
              bsearch (&id, ids, n_ids, sizeof (gint64), compare_int64s) == NULL)
            continue;
          person.id = id;
          person.ref = fact_set_intern_ref (resolve->set, uuid, strlen (uuid));
          id_map_set (map, id, people->len);
          g_array_append_val (people, person);
        }
      sqlite3_finalize (stmt);
      stmt = NULL;
      if (rc != SQLITE_DONE)
        return fail_sqlite (error, resolve->db, resolve->path);
    }

  if (sqlite3_prepare_v2 (resolve->db, "SELECT COALESCE(local_ref, uuid) FROM person WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return fail_sqlite (error, resolve->db, resolve->path);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autofree char *fallback = NULL;
      const char *ref = NULL;
      Candidate person;
      int rc;

      if (id_map_get (map, ids[i]) >= 0)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        ref = (const char *) sqlite3_column_text (stmt, 0);
      else if (rc != SQLITE_DONE)
        {
          fail_sqlite (error, resolve->db, resolve->path);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      if (ref == NULL)
        ref = fallback = g_strdup_printf ("#%" G_GINT64_FORMAT, ids[i]);

      person.id = ids[i];
      person.ref = fact_set_intern_ref (resolve->set, ref, strlen (ref));
      id_map_set (map, ids[i], people->len);
      g_array_append_val (people, person);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
query_sqlite_int64s (sqlite3     *db,
                     const char  *path,
                     const char  *sql,
                     gint64      *values,
                     int          n_values,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail_sqlite (error, db, path);
  rc = sqlite3_step (stmt);
  for (int i = 0; i < n_values; i++)
    values[i] = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, i) : 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fail_sqlite (error, db, path);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static VigilFactSet *
load_sqlite (const char    *path,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(VigilFactSet) set = fact_set_new ();
  g_autoptr(GArray) candidates = NULL;
  SqliteReader readers[MAX_READERS];
  GThread *threads[MAX_READERS] = { NULL, };
  gint64 bounds[2], max_person[1];
  gint64 max_candidate = 0;
  guint n_readers = 1;
  gboolean ok;
  IdMap map;
  sqlite3 *db;

  gint64 started = g_get_monotonic_time ();
  double started_cpu = thread_cpu_ms ();

  db = open_sqlite (path, error);
  if (db == NULL)
    return NULL;

  /* One snapshot for the bounds and the references. */
  if (!exec_sqlite (db, "BEGIN", path, error) ||
      /* one aggregate a query: SQLite answers min() or max() alone from the b-tree */
      !query_sqlite_int64s (db, path, "SELECT min(id) FROM incident", &bounds[0], 1, error) ||
      !query_sqlite_int64s (db, path, "SELECT max(id) FROM incident", &bounds[1], 1, error) ||
      !query_sqlite_int64s (db, path, "SELECT max(id) FROM person", max_person, 1, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  /* no person has a larger id, so no more references: no reallocation */
  candidates = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), CLAMP (max_person[0], 1024, 64 * 1024 * 1024));

  /* Split the incidents by id between the threads so that they finish together: this
   * thread reads the references first (a reference costs about a third of an
   * incident), then the last slice; the others read one slice each. */
  if (bounds[1] - bounds[0] + 1 >= PARALLEL_MIN_ROWS)
    n_readers = CLAMP (g_get_num_processors (), 1, MAX_READERS);
  {
    double incidents = bounds[1] >= bounds[0] ? (double) (bounds[1] - bounds[0] + 1) : 0;
    double references = REFERENCE_COST * MAX (max_person[0], 0);
    double own = CLAMP ((incidents + references) / n_readers - references, 0, incidents);
    double other = n_readers > 1 ? (incidents - own) / (n_readers - 1) : 0;
    gint64 next_id = bounds[0];

    for (guint r = 0; r < n_readers; r++)
      {
        gint64 span = r + 1 < n_readers ? (gint64) other : bounds[1] - next_id + 1;

        readers[r].path = path;
        readers[r].first_id = next_id;
        readers[r].last_id = next_id + span - 1;
        readers[r].cancellable = cancellable;
        readers[r].error = NULL;
        raw_chunk_init (&readers[r].chunk, MAX (MIN (span, G_MAXINT32), 0));
        next_id += span;
      }
  }

  for (guint r = 0; r + 1 < n_readers; r++)
    threads[r] = g_thread_try_new ("vigil-rfgv-load", run_sqlite_reader, &readers[r], NULL);

  ok = scan_sqlite_refs (db, path, set, candidates, cancellable, error);
  for (guint i = 0; i < candidates->len; i++)
    max_candidate = MAX (max_candidate, g_array_index (candidates, Candidate, i).id);
  id_map_init (&map, MAX (max_candidate, max_person[0]), candidates->len);
  for (guint i = 0; i < candidates->len; i++)
    id_map_set (&map, g_array_index (candidates, Candidate, i).id, i);
  g_debug ("load: %u references read after %.1f ms (%.1f ms CPU)", candidates->len,
           (g_get_monotonic_time () - started) / 1000.0, thread_cpu_ms () - started_cpu);

  /* the last slice here, in this snapshot; any reader that did not start, too */
  for (guint r = n_readers; r > 0; r--)
    if (threads[r - 1] == NULL && ok && !g_cancellable_is_cancelled (cancellable))
      scan_sqlite_incidents (db, path, readers[r - 1].first_id, readers[r - 1].last_id, &readers[r - 1].chunk,
                             cancellable, &readers[r - 1].error);
  g_debug ("load: this thread’s incidents read after %.1f ms (%.1f ms CPU)",
           (g_get_monotonic_time () - started) / 1000.0, thread_cpu_ms () - started_cpu);

  for (guint r = 0; r < n_readers; r++)
    {
      if (threads[r] != NULL)
        g_thread_join (threads[r]);
      if (readers[r].error != NULL)
        {
          if (ok)
            g_propagate_error (error, g_steal_pointer (&readers[r].error));
          g_clear_error (&readers[r].error);
          ok = FALSE;
        }
    }
  if (ok && g_cancellable_is_cancelled (cancellable))
    ok = fail_cancelled (error);
  g_debug ("load: incidents read after %.1f ms", (g_get_monotonic_time () - started) / 1000.0);

  if (ok)
    {
      /* finish_fact_set wants the chunks side by side */
      RawChunk chunks[MAX_READERS];
      SqliteResolve resolve = { db, path, set };

      for (guint r = 0; r < n_readers; r++)
        chunks[r] = readers[r].chunk;
      ok = finish_fact_set (set, candidates, &map, resolve_sqlite_people, &resolve, chunks, n_readers, NULL, error);
      for (guint r = 0; r < n_readers; r++)
        readers[r].chunk = chunks[r];
      g_debug ("load: fact set built after %.1f ms (%.1f ms CPU in this thread)",
               (g_get_monotonic_time () - started) / 1000.0, thread_cpu_ms () - started_cpu);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);

  id_map_clear (&map);
  for (guint r = 0; r < n_readers; r++)
    raw_chunk_clear (&readers[r].chunk);
  return ok ? g_steal_pointer (&set) : NULL;
}

/* ====================================================================================
 * Loading from PostgreSQL: libpq COPY in one repeatable-read transaction
 * ==================================================================================== */

static gboolean
fail_pg (GError    **error,
         PGconn     *conn)
{
  g_autofree char *message = g_strstrip (g_strdup (conn != NULL ? PQerrorMessage (conn) : "out of memory"));

  g_set_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_FAILED,
               _("The incidents could not be read from PostgreSQL: %s"), message);
  return FALSE;
}

static gboolean
exec_pg (PGconn      *conn,
         const char  *sql,
         GError     **error)
{
  PGresult *result = PQexec (conn, sql);
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK;

  PQclear (result);
  if (!ok)
    return fail_pg (error, conn);
  return TRUE;
}

/* Splits one COPY text row in place into @fields (NULL for \N), undoing the escapes. */
static int
split_copy_row (char  *row,
                int    length,
                char **fields,
                int   *lengths,
                int    max_fields)
{
  int n = 0;
  char *end = row + length;

  if (length > 0 && end[-1] == '\n')
    end--;

  while (n < max_fields)
    {
      char *start = row, *out = row;
      gboolean last;

      while (row < end && *row != '\t')
        {
          if (*row == '\\' && row + 1 < end)
            {
              char c = row[1];

              row += 2;
              switch (c)
                {
                case 'b': *out++ = '\b'; break;
                case 'f': *out++ = '\f'; break;
                case 'n': *out++ = '\n'; break;
                case 'r': *out++ = '\r'; break;
                case 't': *out++ = '\t'; break;
                case 'v': *out++ = '\v'; break;
                case 'N':
                  *out++ = '\\';
                  *out++ = 'N';
                  break;
                case 'x':
                  {
                    int value = 0, k = 0;

                    for (; k < 2 && row < end && g_ascii_isxdigit (*row); k++, row++)
                      value = value * 16 + g_ascii_xdigit_value (*row);
                    *out++ = (char) value;
                  }
                  break;
                default:
                  if (c >= '0' && c <= '7')
                    {
                      int value = c - '0';

                      for (int k = 0; k < 2 && row < end && *row >= '0' && *row <= '7'; k++, row++)
                        value = value * 8 + (*row - '0');
                      *out++ = (char) value;
                    }
                  else
                    *out++ = c;
                  break;
                }
            }
          else
            *out++ = *row++;
        }

      /* \N alone (unescaped above to the two characters "\N") is NULL */
      if (out - start == 2 && start[0] == '\\' && start[1] == 'N' && row - start == 2)
        {
          fields[n] = NULL;
          lengths[n] = 0;
        }
      else
        {
          fields[n] = start;
          lengths[n] = out - start;
        }
      n++;
      last = row >= end;
      *out = '\0';  /* escapes only shrink a field; libpq NUL-terminates the row */
      if (last)
        break;
      row++;
    }
  return n;
}

typedef gboolean (*CopyRowFunc) (char    **fields,
                                 int      *lengths,
                                 int       n_fields,
                                 gpointer  user_data);

static gboolean
copy_out_pg (PGconn        *conn,
             const char    *sql,
             int            n_fields,
             CopyRowFunc    func,
             gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  PGresult *result = PQexec (conn, sql);
  guint countdown = CANCEL_CHECK_EVERY;
  char *fields[16];
  int lengths[16];
  gboolean ok = TRUE;
  char *buffer;
  int length;

  g_assert (n_fields <= (int) G_N_ELEMENTS (fields));

  if (PQresultStatus (result) != PGRES_COPY_OUT)
    {
      PQclear (result);
      return fail_pg (error, conn);
    }
  PQclear (result);

  while ((length = PQgetCopyData (conn, &buffer, 0)) > 0)
    {
      if (ok)
        {
          /* the row is NUL-terminated by libpq; keep the terminator past our edits */
          int n = split_copy_row (buffer, length, fields, lengths, n_fields);

          if (n != n_fields || !func (fields, lengths, n_fields, user_data))
            {
              ok = FALSE;
              g_set_error_literal (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_FAILED,
                                   _("The incidents could not be read from PostgreSQL: an unexpected row"));
            }
        }
      PQfreemem (buffer);

      if (G_UNLIKELY (--countdown == 0))
        {
          countdown = CANCEL_CHECK_EVERY;
          if (ok && g_cancellable_is_cancelled (cancellable))
            ok = fail_cancelled (error);
        }
    }

  if (length == -2 && ok)
    ok = fail_pg (error, conn);
  while ((result = PQgetResult (conn)) != NULL)
    {
      if (ok && PQresultStatus (result) != PGRES_COMMAND_OK)
        ok = fail_pg (error, conn);
      PQclear (result);
    }
  return ok;
}

typedef struct
{
  VigilFactSet *set;
  GArray       *candidates;
  RawChunk     *chunk;
} PgLoad;

static gboolean
add_pg_candidate (char     **fields,
                  int       *lengths,
                  int        n_fields,
                  gpointer   user_data)
{
  PgLoad *load = user_data;
  Candidate candidate;

  if (fields[0] == NULL)
    return FALSE;
  candidate.id = g_ascii_strtoll (fields[0], NULL, 10);
  candidate.ref = fact_set_intern_ref (load->set, fields[1] != NULL ? fields[1] : "", lengths[1]);
  g_array_append_val (load->candidates, candidate);
  return TRUE;
}

static gboolean
add_pg_incident (char     **fields,
                 int       *lengths,
                 int        n_fields,
                 gpointer   user_data)
{
  PgLoad *load = user_data;
  RawFact *fact;

  if (fields[0] == NULL || fields[1] == NULL)
    return FALSE;
  fact = raw_chunk_append (load->chunk);
  fact->incident_id = g_ascii_strtoll (fields[0], NULL, 10);
  fact->perpetrator = g_ascii_strtoll (fields[1], NULL, 10);
  fact->victim = fields[2] != NULL ? g_ascii_strtoll (fields[2], NULL, 10) : 0;
  if (!raw_fact_set_text (load->chunk, fact, fields[3], lengths[3], fields[4], lengths[4],
                          fields[5], lengths[5], fields[6], lengths[6]))
    {
      load->chunk->n_facts--;
      load->chunk->n_skipped++;
    }
  return TRUE;
}

static VigilFactSet *
load_postgresql (const VigilLocation  *location,
                 GCancellable         *cancellable,
                 GError              **error)
{
  g_autoptr(VigilFactSet) set = fact_set_new ();
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  RawChunk chunk;
  PgLoad load = { set, candidates, &chunk };
  gint64 max_id = 0;
  gboolean ok;
  PGconn *conn;
  IdMap map;

  conn = vigil_store_native_connect_pg (location, "vigil-rfgv");
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      fail_pg (error, conn);
      PQfinish (conn);
      return NULL;
    }

  raw_chunk_init (&chunk, 1 << 16);
  ok = exec_pg (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error) &&
       copy_out_pg (conn,
                    "COPY (SELECT id, COALESCE(local_ref, uuid) FROM person "
                    "ORDER BY COALESCE(local_ref, uuid) COLLATE \"C\", id) TO STDOUT",
                    2, add_pg_candidate, &load, cancellable, error) &&
       copy_out_pg (conn,
                    "COPY (SELECT id, perpetrator_id, victim_id, occurred_at, relationship, offence_code, area "
                    "FROM incident) TO STDOUT",
                    7, add_pg_incident, &load, cancellable, error) &&
       exec_pg (conn, "COMMIT", error);
  PQfinish (conn);

  for (guint i = 0; i < candidates->len; i++)
    max_id = MAX (max_id, g_array_index (candidates, Candidate, i).id);
  id_map_init (&map, max_id, candidates->len);
  for (guint i = 0; i < candidates->len; i++)
    id_map_set (&map, g_array_index (candidates, Candidate, i).id, i);
  if (ok)
    ok = finish_fact_set (set, candidates, &map, NULL, NULL, &chunk, 1, NULL, error);
  id_map_clear (&map);
  raw_chunk_clear (&chunk);
  return ok ? g_steal_pointer (&set) : NULL;
}

VigilFactSet *
vigil_fact_set_load (VigilStore    *store,
                     GCancellable  *cancellable,
                     GError       **error)
{
  const VigilLocation *location;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  location = vigil_store_get_location (store);
  if (location->engine == VIGIL_ENGINE_POSTGRESQL)
    return load_postgresql (location, cancellable, error);
  return load_sqlite (location->path, cancellable, error);
}

VigilFactSet *
vigil_fact_set_load_person (VigilStore    *store,
                            gint64         person_id,
                            GCancellable  *cancellable,
                            GError       **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING,
    G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_NONE
  };
  g_autoptr(VigilFactSetBuilder) builder = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  GValue param = G_VALUE_INIT;
  int n_rows;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_value_init (&param, G_TYPE_INT64);
  g_value_set_int64 (&param, person_id);
  model = vigil_store_query (store,
                             "SELECT i.id, i.source_ref, i.occurred_at, i.victim_id, "
                             "COALESCE(v.local_ref, v.uuid), i.relationship, i.offence_code, i.area, "
                             "COALESCE(p.local_ref, p.uuid) "
                             "FROM incident i JOIN person p ON p.id = i.perpetrator_id "
                             "LEFT JOIN person v ON v.id = i.victim_id "
                             "WHERE i.perpetrator_id = ##p0::gint64 ORDER BY i.occurred_at, i.id",
                             &param, 1, types, error);
  g_value_unset (&param);
  if (model == NULL)
    return NULL;

  builder = vigil_fact_set_builder_new ();
  n_rows = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n_rows; row++)
    {
      const GValue *values[9];
      VigilFactInput input = { 0, };

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      for (int col = 0; col < 9; col++)
        {
          values[col] = gda_data_model_get_value_at (model, col, row, error);
          if (values[col] == NULL)
            return NULL;
        }

#define TEXT(i) (gda_value_is_null (values[i]) ? NULL : g_value_get_string (values[i]))
#define INT(i) (gda_value_is_null (values[i]) ? 0 : g_value_get_int64 (values[i]))
      input.incident_id = INT (0);
      input.incident_ref = TEXT (1);
      input.occurred_at = TEXT (2);
      input.victim_id = INT (3);
      input.victim_ref = TEXT (4);
      input.relationship = TEXT (5);
      input.offence_code = TEXT (6);
      input.area = TEXT (7);
      input.person_ref = TEXT (8);
      input.person_id = person_id;
#undef TEXT
#undef INT
      if (input.offence_code == NULL)
        input.offence_code = "";

      if (vigil_rfgv_parse_day (input.occurred_at) == 0)
        {
          builder->set->n_skipped++;
          continue;
        }
      if (!vigil_fact_set_builder_add (builder, &input, error))
        return NULL;
    }
  return vigil_fact_set_builder_end (g_steal_pointer (&builder), error);
}

/* ====================================================================================
 * The serialised form (the fact cache)
 *
 * One block: a header, then each array at an 8-byte aligned offset — the facts, their
 * incident ids, the perpetrators' store ids and the offsets of their references, the
 * same for everyone read (the victims' table), the offsets of the offence codes and of
 * the areas, then the strings (each NUL-terminated). Numbers are in this machine's byte
 * order (the header says which). A set read back points into the block: only the
 * index of each perpetrator's first fact is computed. Everything is checked before
 * use: a checksum of the whole block, every size, index and offset.
 * ==================================================================================== */

#define SERIAL_MAGIC       "VIGILFS"
#define SERIAL_FORMAT      2
#define SERIAL_BYTE_ORDER  0x01020304u

typedef struct
{
  char    magic[8];
  guint32 format;
  guint32 byte_order;
  guint32 fact_size;     /* sizeof (VigilFact) */
  guint32 n_facts;
  guint32 n_persons;
  guint32 n_people;
  guint32 n_offences;
  guint32 n_areas;
  guint32 n_skipped;
  guint32 reserved;
  guint64 string_size;
  guint64 checksum;      /* of the whole block, this field as 0 */
} SerialHeader;

G_STATIC_ASSERT (sizeof (SerialHeader) == 64);

typedef struct
{
  guint64 facts;
  guint64 incident_ids;
  guint64 person_ids;
  guint64 person_refs;
  guint64 people_ids;
  guint64 people_refs;
  guint64 offences;
  guint64 areas;
  guint64 strings;
  guint64 size;          /* of the whole block */
} SerialLayout;

static inline guint64
align8 (guint64 offset)
{
  return (offset + 7) & ~(guint64) 7;
}

/* Offsets of each array; sizes are at most 2^32 × 8 each, so no overflow in 64 bits. */
static void
serial_layout (const SerialHeader *header,
               SerialLayout       *layout)
{
  guint64 at = sizeof (SerialHeader);

  layout->facts = at;
  at = align8 (at + (guint64) header->n_facts * sizeof (VigilFact));
  layout->incident_ids = at;
  at += (guint64) header->n_facts * sizeof (gint64);
  layout->person_ids = at;
  at += (guint64) header->n_persons * sizeof (gint64);
  layout->person_refs = at;
  at = align8 (at + (guint64) header->n_persons * sizeof (guint32));
  layout->people_ids = at;
  at += (guint64) header->n_people * sizeof (gint64);
  layout->people_refs = at;
  at = align8 (at + (guint64) header->n_people * sizeof (guint32));
  layout->offences = at;
  at += (guint64) header->n_offences * sizeof (guint32);
  layout->areas = at;
  at = align8 (at + (guint64) header->n_areas * sizeof (guint32));
  layout->strings = at;
  layout->size = at + header->string_size;
}

/* 64-bit words in four lanes (for speed), the tail bytes, the length. */
static guint64
serial_checksum (const guint8 *data,
                 gsize         size)
{
  const guint64 prime = 0x9E3779B97F4A7C15ull;
  guint64 lane[4] = { 1, 2, 3, 4 };
  guint64 tail = 0, sum;
  gsize i = 0;

  for (; i + 32 <= size; i += 32)
    for (guint k = 0; k < 4; k++)
      {
        guint64 word;

        memcpy (&word, data + i + 8 * k, sizeof word);
        lane[k] = (lane[k] ^ word) * prime;
        lane[k] ^= lane[k] >> 29;
      }
  for (; i < size; i++)
    {
      tail = (tail ^ data[i]) * prime;
      tail ^= tail >> 29;
    }
  sum = size;
  for (guint k = 0; k < 4; k++)
    sum = (sum ^ lane[k]) * prime + k;
  return (sum ^ tail) * prime;
}

/* The checksum of a whole block: the header (its checksum field as 0), then the rest. */
static guint64
serial_block_checksum (const SerialHeader *header,
                       const guint8       *block,
                       gsize               size)
{
  SerialHeader copy = *header;

  copy.checksum = 0;
  return serial_checksum ((const guint8 *) &copy, sizeof copy) * 0x9E3779B97F4A7C15ull ^
         serial_checksum (block + sizeof copy, size - sizeof copy);
}

/**
 * vigil_fact_set_serialize:
 * @out_size: (out): the block's size in bytes
 *
 * Writes @self (not its incident references) as one block that
 * vigil_fact_set_new_from_serialized () reads back. Returns NULL when the set cannot
 * be written so (people sharing a store id).
 */
gpointer
vigil_fact_set_serialize (const VigilFactSet *self,
                          gsize              *out_size)
{
  SerialHeader header = { SERIAL_MAGIC, SERIAL_FORMAT, SERIAL_BYTE_ORDER, sizeof (VigilFact), };
  SerialLayout layout;
  g_autofree guint8 *block = NULL;
  g_autoptr(GHashTable) offsets = NULL;
  guint32 *person_refs, *people_refs, *offences, *areas;
  char *strings;
  guint64 at = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (out_size != NULL, NULL);

  header.n_facts = self->n_facts;
  header.n_persons = self->n_persons;
  header.n_people = self->n_people;
  header.n_offences = self->offences->len;
  header.n_areas = self->areas->len;
  header.n_skipped = self->n_skipped;
  for (guint i = 0; i < self->n_people; i++)
    header.string_size += strlen (people_ref (self, i)) + 1;
  for (guint p = 0; p < self->n_persons; p++)
    header.string_size += strlen (person_ref (self, p)) + 1;  /* at most: most are shared */
  for (guint i = 0; i < self->offences->len; i++)
    header.string_size += strlen (g_ptr_array_index (self->offences, i)) + 1;
  for (guint i = 0; i < self->areas->len; i++)
    header.string_size += strlen (g_ptr_array_index (self->areas, i)) + 1;
  /* offsets are 32-bit */
  if (header.string_size > G_MAXUINT32)
    return NULL;
  serial_layout (&header, &layout);

  block = vigil_fact_set_alloc_block (layout.size);
  memset (block, 0, layout.size);
  memcpy (block + layout.facts, self->facts, sizeof (VigilFact) * self->n_facts);
  memcpy (block + layout.incident_ids, self->incident_ids, sizeof (gint64) * self->n_facts);
  memcpy (block + layout.person_ids, self->person_ids, sizeof (gint64) * self->n_persons);
  for (guint i = 0; i < self->n_people; i++)
    ((gint64 *) (void *) (block + layout.people_ids))[i] = people_id (self, i);
  person_refs = (guint32 *) (void *) (block + layout.person_refs);
  people_refs = (guint32 *) (void *) (block + layout.people_refs);
  offences = (guint32 *) (void *) (block + layout.offences);
  areas = (guint32 *) (void *) (block + layout.areas);
  strings = (char *) block + layout.strings;

#define PUT_STRING(offset_out, text) G_STMT_START {              \
    gsize length_ = strlen (text) + 1;                           \
    memcpy (strings + at, (text), length_);                      \
    (offset_out) = (guint32) at;                                 \
    at += length_;                                               \
  } G_STMT_END

  /* a perpetrator's reference is the one they have among the people (same string):
   * a built set says which person that is, one read back is looked up by the string */
  if (self->person_people == NULL)
    offsets = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->n_people; i++)
    {
      const char *ref = people_ref (self, i);

      PUT_STRING (people_refs[i], ref);
      if (offsets != NULL)
        g_hash_table_insert (offsets, (gpointer) ref, GUINT_TO_POINTER (people_refs[i] + 1));
    }
  if (self->person_people != NULL)
    for (guint p = 0; p < self->n_persons; p++)
      person_refs[p] = people_refs[self->person_people[p]];
  for (guint p = 0; offsets != NULL && p < self->n_persons; p++)
    {
      const char *ref = person_ref (self, p);
      guint offset = GPOINTER_TO_UINT (g_hash_table_lookup (offsets, ref));

      if (offset > 0)
        person_refs[p] = offset - 1;
      else
        PUT_STRING (person_refs[p], ref);
    }
  for (guint i = 0; i < self->offences->len; i++)
    PUT_STRING (offences[i], (const char *) g_ptr_array_index (self->offences, i));
  for (guint i = 0; i < self->areas->len; i++)
    PUT_STRING (areas[i], (const char *) g_ptr_array_index (self->areas, i));
#undef PUT_STRING

  /* the strings shared: the block is shorter than reckoned */
  header.string_size = at;
  serial_layout (&header, &layout);
  header.checksum = serial_block_checksum (&header, block, layout.size);
  memcpy (block, &header, sizeof header);
  *out_size = layout.size;
  return g_steal_pointer (&block);
}

static VigilFactSet *
fail_serialized (GError     **error,
                 const char  *why)
{
  g_debug ("serialised fact set rejected: %s", why);
  g_set_error_literal (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_INVALID,
                       _("The saved copy of the incidents is damaged"));
  return NULL;
}

/**
 * vigil_fact_set_new_from_serialized:
 * @block: (transfer full): a block from vigil_fact_set_serialize (), allocated with
 *   g_malloc (); freed on error
 *
 * Reads a serialised fact set back, checking everything; a damaged, truncated or
 * foreign block gives %VIGIL_RFGV_ERROR_INVALID.
 */
VigilFactSet *
vigil_fact_set_new_from_serialized (gpointer   block,
                                    gsize      size,
                                    GError   **error)
{
  g_autofree guint8 *data = block;
  g_autoptr(VigilFactSet) set = NULL;
  SerialHeader header;
  SerialLayout layout;
  const guint32 *person_refs, *people_refs, *offences, *areas;
  const char *strings;
  gint32 previous = -1;

  g_return_val_if_fail (block != NULL || size == 0, NULL);

  if (size < sizeof header)
    return fail_serialized (error, "shorter than its header");
  memcpy (&header, data, sizeof header);
  if (memcmp (header.magic, SERIAL_MAGIC, sizeof header.magic) != 0 ||
      header.format != SERIAL_FORMAT || header.byte_order != SERIAL_BYTE_ORDER ||
      header.fact_size != sizeof (VigilFact) || header.reserved != 0)
    return fail_serialized (error, "another format");
  if (header.n_persons > header.n_facts || header.n_people >= MAX_PERSONS ||
      header.n_offences > MAX_OFFENCES + 1 || header.n_facts >= G_MAXINT32 || header.n_areas >= G_MAXINT32 ||
      header.string_size > G_MAXUINT32)
    return fail_serialized (error, "impossible counts");
  serial_layout (&header, &layout);
  if (layout.size != size)
    return fail_serialized (error, "wrong size");
  if (serial_block_checksum (&header, data, size) != header.checksum)
    return fail_serialized (error, "wrong checksum");

  person_refs = (const guint32 *) (const void *) (data + layout.person_refs);
  people_refs = (const guint32 *) (const void *) (data + layout.people_refs);
  offences = (const guint32 *) (const void *) (data + layout.offences);
  areas = (const guint32 *) (const void *) (data + layout.areas);
  strings = (const char *) data + layout.strings;

  /* every string ends inside the block */
  if ((header.n_people + header.n_persons + header.n_offences + header.n_areas > 0) &&
      (header.string_size == 0 || strings[header.string_size - 1] != '\0'))
    return fail_serialized (error, "unterminated strings");
  for (guint i = 0; i < header.n_people; i++)
    if (people_refs[i] >= header.string_size)
      return fail_serialized (error, "a reference out of range");
  for (guint p = 0; p < header.n_persons; p++)
    if (person_refs[p] >= header.string_size)
      return fail_serialized (error, "a perpetrator's reference out of range");
  for (guint i = 0; i < header.n_offences; i++)
    if (offences[i] >= header.string_size)
      return fail_serialized (error, "an offence out of range");
  for (guint i = 0; i < header.n_areas; i++)
    if (areas[i] >= header.string_size)
      return fail_serialized (error, "an area out of range");

  set = fact_set_new ();
  set->block = g_steal_pointer (&data);
  set->block_size = size;
  set->facts = (VigilFact *) (void *) ((guint8 *) set->block + layout.facts);
  set->incident_ids = (gint64 *) (void *) ((guint8 *) set->block + layout.incident_ids);
  set->person_ids = (gint64 *) (void *) ((guint8 *) set->block + layout.person_ids);
  set->person_ref_offsets = person_refs;
  set->people_ids = (const gint64 *) (const void *) ((guint8 *) set->block + layout.people_ids);
  set->people_ref_offsets = people_refs;
  set->block_strings = strings;
  set->n_facts = header.n_facts;
  set->n_persons = header.n_persons;
  set->n_people = header.n_people;
  set->n_skipped = header.n_skipped;
  set->string_bytes = header.string_size;

  /* the facts: by perpetrator, each perpetrator with at least one */
  set->person_first = g_new (guint32, header.n_persons + 1);
  for (guint k = 0; k < header.n_facts; k++)
    {
      const VigilFact *fact = &set->facts[k];

      if (fact->person < previous || fact->person > previous + 1 || fact->person >= (gint32) header.n_persons ||
          fact->victim < -1 || fact->victim >= (gint32) header.n_people ||
          fact->area < -1 || fact->area >= (gint32) header.n_areas ||
          fact->offence >= header.n_offences || fact->day <= 0 ||
          (fact->relationship >= VIGIL_N_RELATIONSHIPS && fact->relationship != VIGIL_RELATIONSHIP_UNKNOWN))
        return fail_serialized (error, "a fact out of range");
      if (fact->person != previous)
        set->person_first[fact->person] = k;
      previous = fact->person;
    }
  if (previous + 1 != (gint32) header.n_persons)
    return fail_serialized (error, "a perpetrator without incidents");
  set->person_first[header.n_persons] = header.n_facts;

  set->offences = g_ptr_array_new_full (header.n_offences, g_free);
  for (guint i = 0; i < header.n_offences; i++)
    g_ptr_array_add (set->offences, g_strdup (strings + offences[i]));
  set->areas = g_ptr_array_new_full (header.n_areas, g_free);
  for (guint i = 0; i < header.n_areas; i++)
    g_ptr_array_add (set->areas, g_strdup (strings + areas[i]));

  return g_steal_pointer (&set);
}

/**
 * vigil_fact_set_alloc_block:
 *
 * Memory for a block of @size bytes, to fill and pass to
 * vigil_fact_set_new_from_serialized (); g_free () it otherwise. Tens of megabytes
 * written at once: in huge pages where the system offers them, which saves most of the
 * cost of first touching them.
 */
gpointer
vigil_fact_set_alloc_block (gsize size)
{
  return alloc_large (size);
}

/* ====================================================================================
 * Fact set accessors
 * ==================================================================================== */

guint
vigil_fact_set_get_n_facts (const VigilFactSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_facts;
}

const VigilFact *
vigil_fact_set_get_facts (const VigilFactSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->facts;
}

gint64
vigil_fact_set_get_incident_id (const VigilFactSet *self,
                                guint               fact)
{
  g_return_val_if_fail (self != NULL && fact < self->n_facts, 0);
  return self->incident_ids[fact];
}

const char *
vigil_fact_set_get_incident_ref (const VigilFactSet *self,
                                 guint               fact)
{
  g_return_val_if_fail (self != NULL && fact < self->n_facts, NULL);
  return self->incident_refs != NULL ? self->incident_refs[fact] : NULL;
}

guint
vigil_fact_set_get_n_persons (const VigilFactSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_persons;
}

gint64
vigil_fact_set_get_person_id (const VigilFactSet *self,
                              guint               person)
{
  g_return_val_if_fail (self != NULL && person < self->n_persons, 0);
  return self->person_ids[person];
}

const char *
vigil_fact_set_get_person_ref (const VigilFactSet *self,
                               guint               person)
{
  g_return_val_if_fail (self != NULL && person < self->n_persons, NULL);
  return person_ref (self, person);
}

guint
vigil_fact_set_get_person_facts (const VigilFactSet *self,
                                 guint               person,
                                 guint              *n_facts)
{
  g_return_val_if_fail (self != NULL && person < self->n_persons, 0);
  if (n_facts != NULL)
    *n_facts = self->person_first[person + 1] - self->person_first[person];
  return self->person_first[person];
}

int
vigil_fact_set_find_person (const VigilFactSet *self,
                            gint64              person_id)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint p = 0; p < self->n_persons; p++)
    if (self->person_ids[p] == person_id)
      return p;
  return -1;
}

int
vigil_fact_set_find_person_by_ref (const VigilFactSet *self,
                                   const char         *ref)
{
  guint low = 0, high;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (ref != NULL, -1);

  /* persons are in reference order */
  high = self->n_persons;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (strcmp (person_ref (self, middle), ref) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low < self->n_persons && strcmp (person_ref (self, low), ref) == 0 ? (int) low : -1;
}

guint
vigil_fact_set_get_n_victims (const VigilFactSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_people;
}

gint64
vigil_fact_set_get_victim_id (const VigilFactSet *self,
                              guint               victim)
{
  g_return_val_if_fail (self != NULL && victim < self->n_people, 0);
  return people_id (self, victim);
}

const char *
vigil_fact_set_get_victim_ref (const VigilFactSet *self,
                               guint               victim)
{
  g_return_val_if_fail (self != NULL && victim < self->n_people, NULL);
  return *people_ref (self, victim) != '\0' ? people_ref (self, victim) : NULL;
}

guint
vigil_fact_set_get_n_offences (const VigilFactSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->offences->len;
}

const char *
vigil_fact_set_get_offence_code (const VigilFactSet *self,
                                 guint               offence)
{
  g_return_val_if_fail (self != NULL && offence < self->offences->len, NULL);
  return g_ptr_array_index (self->offences, offence);
}

guint
vigil_fact_set_get_n_areas (const VigilFactSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->areas->len;
}

const char *
vigil_fact_set_get_area (const VigilFactSet *self,
                         guint               area)
{
  g_return_val_if_fail (self != NULL && area < self->areas->len, NULL);
  return g_ptr_array_index (self->areas, area);
}

guint
vigil_fact_set_get_n_skipped (const VigilFactSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_skipped;
}

gsize
vigil_fact_set_get_memory_size (const VigilFactSet *self)
{
  gsize size;

  g_return_val_if_fail (self != NULL, 0);

  size = sizeof *self +
         self->n_facts * (sizeof (VigilFact) + sizeof (gint64)) +
         self->n_persons * (sizeof (guint32) + sizeof (gint64) + sizeof (char *)) +
         self->n_people * sizeof (Candidate) +
         self->string_bytes;
  if (self->incident_refs != NULL)
    size += self->n_facts * sizeof (char *);
  if (self->block != NULL)
    size = sizeof *self + self->block_size + (self->n_persons + 1) * sizeof (guint32);
  return size;
}

/* ====================================================================================
 * Scoring
 * ==================================================================================== */

struct _VigilScoreTable
{
  VigilFactSet  *facts;           /* NULL for a table made from rows */
  VigilScoreRow *rows;
  guint          n_rows;
  gint32        *row_by_person;   /* n_persons of the fact set, -1 = not scored */
  GDate          as_of;
  guint          n_cohort;
  gint64        *sorted_ids;      /* built on demand: person ids ascending ... */
  guint32       *sorted_rows;     /* ... and their rows */
  GMutex         lock;
};

typedef struct
{
  gint8 *band[VIGIL_RFGV_N_COMPONENTS];  /* value → band (-1 otherwise), for value < DIRECT_LOOKUP */
  gint8  storage[VIGIL_RFGV_N_COMPONENTS][DIRECT_LOOKUP];
} BandLookup;

static inline int
lookup_band (const BandLookup          *lookup,
             const VigilScoringProfile *profile,
             VigilRfgvComponent         component,
             gint64                     value)
{
  int band;

  if (value >= 0 && value < DIRECT_LOOKUP)
    return lookup->band[component][value];
  vigil_scoring_profile_get_points (profile, component, value, &band);
  return band;
}

static void
band_lookup_init (BandLookup                *lookup,
                  const VigilScoringProfile *profile)
{
  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    {
      lookup->band[c] = lookup->storage[c];
      for (gint64 value = 0; value < DIRECT_LOOKUP; value++)
        {
          int band;

          vigil_scoring_profile_get_points (profile, c, value, &band);
          lookup->band[c][value] = (gint8) band;
        }
    }
}

static inline int
band_points (const VigilScoringScale *scale,
             int                      band)
{
  return band >= 0 ? scale->bands[band].points : scale->otherwise;
}

static gboolean
window_bounds (const VigilScoringProfile  *profile,
               const GDate                *as_of,
               GDate                      *as_of_out,
               GDate                      *start_out,
               GError                    **error)
{
  if (as_of != NULL && !g_date_valid (as_of))
    {
      g_set_error_literal (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_INVALID, _("The as-of date is not a valid date"));
      return FALSE;
    }
  if (as_of != NULL)
    *as_of_out = *as_of;
  else
    {
      g_date_clear (as_of_out, 1);
      g_date_set_time_t (as_of_out, time (NULL));
    }
  if (g_date_get_year (as_of_out) <= profile->window_months / 12 + 1)
    {
      g_set_error_literal (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_INVALID, _("The as-of date is too early for the profile’s window"));
      return FALSE;
    }
  *start_out = *as_of_out;
  g_date_subtract_months (start_out, profile->window_months);
  return TRUE;
}

/* A points combination (one band per component) present in a run. */
typedef struct
{
  guint32 combo;         /* band indices + 1, base BAND_SLOTS, R first */
  guint32 rank;          /* dense: total desc, then G points desc */
  gint64  total_micro;   /* the total in millionths */
  double  total;
  guint8  points[VIGIL_RFGV_N_COMPONENTS];
} Combo;

static int
compare_combos (gconstpointer a,
                gconstpointer b)
{
  const Combo *x = a;
  const Combo *y = b;

  if (x->total_micro != y->total_micro)
    return x->total_micro > y->total_micro ? -1 : 1;
  if (x->points[VIGIL_RFGV_GRAVITY] != y->points[VIGIL_RFGV_GRAVITY])
    return x->points[VIGIL_RFGV_GRAVITY] > y->points[VIGIL_RFGV_GRAVITY] ? -1 : 1;
  return 0;
}

static int
compare_combo_pointers (gconstpointer a,
                        gconstpointer b)
{
  return compare_combos (*(const Combo * const *) a, *(const Combo * const *) b);
}

static void
combo_init (Combo                     *entry,
            const VigilScoringProfile *profile,
            guint32                    combo,
            const int                 *bands)
{
  double total = 0;

  entry->combo = combo;
  entry->rank = 0;
  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    {
      int points = band_points (&profile->scales[c], bands[c]);

      entry->points[c] = (guint8) points;
      total += profile->weights[c] * points;
    }
  entry->total_micro = llround (total * TOTAL_SCALE);
  entry->total = entry->total_micro / TOTAL_SCALE;
}

/* Stable LSD radix sort of 64-bit keys, 11 bits a pass, skipping passes whose digit
 * is the same everywhere. */
static void
radix_sort (guint64 *keys,
            guint64 *scratch,
            gsize    n,
            guint    bits)
{
  enum { DIGIT_BITS = 11, BUCKETS = 1 << DIGIT_BITS };
  guint n_passes = (bits + DIGIT_BITS - 1) / DIGIT_BITS;
  g_autofree gsize *counts = g_new0 (gsize, (gsize) BUCKETS * MAX (n_passes, 1));
  guint64 *from = keys, *to = scratch;

  for (gsize i = 0; i < n; i++)
    for (guint p = 0; p < n_passes; p++)
      counts[p * BUCKETS + ((keys[i] >> (p * DIGIT_BITS)) & (BUCKETS - 1))]++;

  for (guint p = 0; p < n_passes; p++)
    {
      gsize *count = &counts[p * BUCKETS];
      gsize offset = 0;
      gboolean trivial = FALSE;

      for (guint b = 0; b < BUCKETS; b++)
        {
          gsize c = count[b];

          if (c == n)
            trivial = TRUE;
          count[b] = offset;
          offset += c;
        }
      if (trivial)
        continue;
      for (gsize i = 0; i < n; i++)
        to[count[(from[i] >> (p * DIGIT_BITS)) & (BUCKETS - 1)]++] = from[i];
      {
        guint64 *swap = from;

        from = to;
        to = swap;
      }
    }
  if (from != keys)
    memcpy (keys, from, n * sizeof (guint64));
}

static guint
bits_for (guint64 value)
{
  guint bits = 0;

  while (value != 0)
    {
      bits++;
      value >>= 1;
    }
  return bits;
}

static inline gboolean
in_cohort (const VigilScoringProfile *profile,
           gint64                     min_total_micro,
           gint64                     total_micro,
           gint32                     rank,
           gint32                     area_rank)
{
  if (profile->cohort_has_min_total && total_micro < min_total_micro)
    return FALSE;
  if (profile->cohort_top_n == 0 && profile->cohort_top_n_per_area == 0)
    return TRUE;
  return (profile->cohort_top_n > 0 && rank <= profile->cohort_top_n) ||
         (profile->cohort_top_n_per_area > 0 && area_rank <= profile->cohort_top_n_per_area);
}

static inline gboolean
row_in_cohort (const VigilScoringProfile *profile,
               const VigilScoreRow       *row)
{
  return in_cohort (profile, llround (profile->cohort_min_total * TOTAL_SCALE),
                    llround (row->total * TOTAL_SCALE), row->rank, row->area_rank);
}

/* The scored people, as parallel arrays in person (= reference) order. */
enum
{
  T_PERSON,
  T_LATEST_FACT,
  T_LATEST_DAY,
  T_AREA,
  T_INCIDENTS,
  T_GRAVITY,
  T_VICTIMS,
  T_COMBO,        /* index into the combos present */
  T_RANK,         /* 0-based */
  T_AREA_RANK,
  N_T,
};

VigilScoreTable *
vigil_rfgv_score (const VigilFactSet          *facts,
                  const VigilScoringProfile   *profile,
                  const GDate                 *as_of,
                  GError                     **error)
{
  g_autoptr(VigilScoreTable) table = NULL;
  g_autofree gint32 *offence_points = NULL;
  g_autofree gint32 *stamps = NULL;
  g_autofree gint32 *tally_storage = NULL;
  g_autofree gint32 *combo_slots = NULL;
  g_autofree guint64 *keys = NULL;
  g_autofree guint64 *scratch = NULL;
  g_autofree guint32 *area_counts = NULL;
  g_autofree Combo **sorted_combos = NULL;
  g_autoptr(GArray) combos = NULL;
  g_autofree BandLookup *lookup = NULL;
  gint32 *t[N_T];
  guint8 counted[256] = { 0, };
  GDate window_start;
  gint32 first_day, last_day;
  gint64 min_total_micro;
  guint n = 0, n_persons;
  guint index_bits, latest_bits, rank_bits;

  g_return_val_if_fail (facts != NULL, NULL);
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!vigil_scoring_profile_validate (profile, error))
    return NULL;

  table = g_new0 (VigilScoreTable, 1);
  g_mutex_init (&table->lock);
  table->facts = vigil_fact_set_ref ((VigilFactSet *) facts);
  if (!window_bounds (profile, as_of, &table->as_of, &window_start, error))
    return NULL;
  first_day = g_date_get_julian (&window_start);   /* exclusive */
  last_day = g_date_get_julian (&table->as_of);    /* inclusive */
  n_persons = facts->n_persons;

  /* The profile, as arrays. */
  offence_points = g_new (gint32, MAX (facts->offences->len, 1));
  for (guint i = 0; i < facts->offences->len; i++)
    offence_points[i] = vigil_scoring_profile_get_offence_points (profile, g_ptr_array_index (facts->offences, i), NULL);
  for (guint r = 0; r < VIGIL_N_RELATIONSHIPS; r++)
    counted[r] = (profile->relationships >> r) & 1;
  lookup = g_new (BandLookup, 1);
  band_lookup_init (lookup, profile);
  min_total_micro = llround (profile->cohort_min_total * TOTAL_SCALE);

  tally_storage = alloc_large (sizeof (gint32) * N_T * MAX (n_persons, 1));
  for (guint i = 0; i < N_T; i++)
    t[i] = tally_storage + (gsize) i * MAX (n_persons, 1);
  combo_slots = g_new (gint32, N_COMBOS);
  memset (combo_slots, 0xff, sizeof (gint32) * N_COMBOS);
  combos = g_array_new (FALSE, FALSE, sizeof (Combo));

  /* One pass: people are contiguous, their facts by date. */
  stamps = alloc_large (sizeof (gint32) * MAX (facts->n_people, 1));
  memset (stamps, 0, sizeof (gint32) * MAX (facts->n_people, 1));
  for (guint p = 0; p < n_persons; p++)
    {
      const VigilFact *fact = &facts->facts[facts->person_first[p]];
      const VigilFact *end = &facts->facts[facts->person_first[p + 1]];
      const gint32 stamp = (gint32) p + 1;
      gint32 count = 0, gravity = 0, victims = 0;
      const VigilFact *latest = NULL;
      gint64 values[VIGIL_RFGV_N_COMPONENTS];
      int bands[VIGIL_RFGV_N_COMPONENTS];
      guint32 combo = 0;

      for (; fact < end; fact++)
        {
          if (fact->day <= first_day)
            continue;
          if (fact->day > last_day)
            break;
          if (!counted[fact->relationship])
            continue;
          count++;
          gravity += offence_points[fact->offence];
          latest = fact;
          if (fact->victim >= 0 && stamps[fact->victim] != stamp)
            {
              stamps[fact->victim] = stamp;
              victims++;
            }
        }
      if (count == 0)
        continue;

      values[VIGIL_RFGV_RECENCY] = last_day - latest->day;
      values[VIGIL_RFGV_FREQUENCY] = count;
      values[VIGIL_RFGV_GRAVITY] = gravity;
      values[VIGIL_RFGV_VICTIMS] = victims;
      for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
        {
          bands[c] = lookup_band (lookup, profile, c, values[c]);
          combo = combo * BAND_SLOTS + (guint32) (bands[c] + 1);
        }
      if (G_UNLIKELY (combo_slots[combo] < 0))
        {
          Combo entry;

          combo_init (&entry, profile, combo, bands);
          combo_slots[combo] = combos->len;
          g_array_append_val (combos, entry);
        }

      t[T_PERSON][n] = p;
      t[T_LATEST_FACT][n] = latest - facts->facts;
      t[T_LATEST_DAY][n] = latest->day;
      t[T_AREA][n] = latest->area;
      t[T_INCIDENTS][n] = count;
      t[T_GRAVITY][n] = gravity;
      t[T_VICTIMS][n] = victims;
      t[T_COMBO][n] = combo_slots[combo];
      n++;
    }
  g_clear_pointer (&stamps, g_free);
  g_clear_pointer (&combo_slots, g_free);

  /* The combinations present, ranked by total desc then G desc (equal ones share a rank). */
  sorted_combos = g_new (Combo *, MAX (combos->len, 1));
  for (guint i = 0; i < combos->len; i++)
    sorted_combos[i] = &g_array_index (combos, Combo, i);
  qsort (sorted_combos, combos->len, sizeof (Combo *), compare_combo_pointers);
  for (guint i = 0, rank = 0; i < combos->len; i++)
    {
      if (i > 0 && compare_combos (sorted_combos[i - 1], sorted_combos[i]) != 0)
        rank++;
      sorted_combos[i]->rank = rank;
    }

  /* Keys: combination rank, age of the latest incident, index (= reference order). */
  index_bits = MAX (bits_for (n), 1);
  latest_bits = MAX (bits_for (MAX (last_day - first_day, 1)), 1);
  rank_bits = MAX (bits_for (combos->len), 1);
  if (index_bits + latest_bits + rank_bits > 64)
    {
      fail_too_large (error);
      return NULL;
    }
  keys = alloc_large (sizeof (guint64) * MAX (n, 1));
  scratch = alloc_large (sizeof (guint64) * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      guint64 rank = g_array_index (combos, Combo, t[T_COMBO][i]).rank;
      guint64 age = (guint64) (last_day - t[T_LATEST_DAY][i]);

      keys[i] = ((rank << latest_bits | age) << index_bits) | i;
    }
  radix_sort (keys, scratch, n, index_bits + latest_bits + rank_bits);
  g_clear_pointer (&scratch, g_free);

  /* Ranks and area ranks, in rank order (small arrays: cache-friendly scatter). */
  area_counts = g_new0 (guint32, facts->areas->len + 1);
  for (guint r = 0; r < n; r++)
    {
      guint i = keys[r] & (((guint64) 1 << index_bits) - 1);

      t[T_RANK][i] = r;
      t[T_AREA_RANK][i] = ++area_counts[t[T_AREA][i] + 1];
    }
  g_clear_pointer (&keys, g_free);

  /* The rows, written in person order into their rank's place. */
  table->n_rows = n;
  table->rows = alloc_large (sizeof (VigilScoreRow) * MAX (n, 1));
  table->row_by_person = alloc_large (sizeof (gint32) * MAX (n_persons, 1));
  memset (table->row_by_person, 0xff, sizeof (gint32) * MAX (n_persons, 1));
  for (guint i = 0; i < n; i++)
    {
      const Combo *combo = &g_array_index (combos, Combo, t[T_COMBO][i]);
      VigilScoreRow *row = &table->rows[t[T_RANK][i]];
      gint32 person = t[T_PERSON][i];

      row->person_id = facts->person_ids[person];
      row->person = person;
      row->rank = t[T_RANK][i] + 1;
      row->area = t[T_AREA][i];
      row->area_rank = t[T_AREA_RANK][i];
      row->latest_day = t[T_LATEST_DAY][i];
      row->latest_fact = t[T_LATEST_FACT][i];
      row->days_since_latest = last_day - t[T_LATEST_DAY][i];
      row->n_incidents = t[T_INCIDENTS][i];
      row->gravity_sum = t[T_GRAVITY][i];
      row->n_victims = t[T_VICTIMS][i];
      memcpy (row->points, combo->points, sizeof row->points);
      row->total = combo->total;
      row->in_cohort = in_cohort (profile, min_total_micro, combo->total_micro, row->rank, row->area_rank);
      table->n_cohort += row->in_cohort;
      table->row_by_person[person] = t[T_RANK][i];
    }

  return g_steal_pointer (&table);
}

/* ====================================================================================
 * Score tables
 * ==================================================================================== */

static int
compare_rows_by_rank (gconstpointer a,
                      gconstpointer b)
{
  const VigilScoreRow *x = a;
  const VigilScoreRow *y = b;

  return (x->rank > y->rank) - (x->rank < y->rank);
}

VigilScoreTable *
vigil_score_table_new_from_rows (const VigilScoreRow *rows,
                                 guint                n_rows,
                                 const GDate         *as_of)
{
  VigilScoreTable *self;

  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);

  self = g_new0 (VigilScoreTable, 1);
  g_mutex_init (&self->lock);
  self->n_rows = n_rows;
  self->rows = g_memdup2 (rows, sizeof (VigilScoreRow) * MAX (n_rows, 1));
  if (n_rows > 1)
    qsort (self->rows, n_rows, sizeof (VigilScoreRow), compare_rows_by_rank);
  for (guint i = 0; i < n_rows; i++)
    {
      self->rows[i].person = -1;
      self->rows[i].latest_fact = -1;
      self->rows[i].area = -1;
      self->n_cohort += self->rows[i].in_cohort != FALSE;
    }
  if (as_of != NULL && g_date_valid (as_of))
    self->as_of = *as_of;
  else
    g_date_clear (&self->as_of, 1);
  return self;
}

void
vigil_score_table_free (VigilScoreTable *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->facts, vigil_fact_set_unref);
  g_free (self->rows);
  g_free (self->row_by_person);
  g_free (self->sorted_ids);
  g_free (self->sorted_rows);
  g_mutex_clear (&self->lock);
  g_free (self);
}

guint
vigil_score_table_get_n_rows (const VigilScoreTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

const VigilScoreRow *
vigil_score_table_get_rows (const VigilScoreTable *self,
                            guint                 *n_rows)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_rows != NULL)
    *n_rows = self->n_rows;
  return self->rows;
}

typedef struct
{
  gint64  id;
  guint32 row;
} IdRow;

/* Stable LSD radix sort of (id, row) pairs by id, 11 bits a pass, skipping the passes
 * whose digit is the same everywhere (store ids are small: two or three passes). */
static void
sort_id_rows (IdRow *pairs,
              gsize  n)
{
  enum { DIGIT_BITS = 11, BUCKETS = 1 << DIGIT_BITS, N_PASSES = (64 + DIGIT_BITS - 1) / DIGIT_BITS };
  g_autofree gsize *counts = g_new0 (gsize, (gsize) BUCKETS * N_PASSES);
  g_autofree IdRow *scratch = g_new (IdRow, MAX (n, 1));
  IdRow *from = pairs, *to = scratch;

  /* ids as unsigned keys in the same order: flip the sign bit */
#define KEY(pair) ((guint64) (pair).id ^ G_GUINT64_CONSTANT (0x8000000000000000))
  for (gsize i = 0; i < n; i++)
    for (guint p = 0; p < N_PASSES; p++)
      counts[p * BUCKETS + ((KEY (pairs[i]) >> (p * DIGIT_BITS)) & (BUCKETS - 1))]++;

  for (guint p = 0; p < N_PASSES; p++)
    {
      gsize *count = &counts[p * BUCKETS];
      gsize offset = 0;
      gboolean trivial = FALSE;

      for (guint b = 0; b < BUCKETS; b++)
        {
          gsize c = count[b];

          if (c == n)
            trivial = TRUE;
          count[b] = offset;
          offset += c;
        }
      if (trivial)
        continue;
      for (gsize i = 0; i < n; i++)
        to[count[(KEY (from[i]) >> (p * DIGIT_BITS)) & (BUCKETS - 1)]++] = from[i];
      {
        IdRow *swap = from;

        from = to;
        to = swap;
      }
    }
#undef KEY
  if (from != pairs)
    memcpy (pairs, from, n * sizeof (IdRow));
}

const VigilScoreRow *
vigil_score_table_find_person (const VigilScoreTable *self,
                               gint64                 person_id)
{
  VigilScoreTable *table = (VigilScoreTable *) self;
  guint low = 0, high;

  g_return_val_if_fail (self != NULL, NULL);

  /* an index by person id, built on the first call (tables are shared read-only) */
  g_mutex_lock (&table->lock);
  if (table->sorted_ids == NULL)
    {
      g_autofree IdRow *pairs = g_new (IdRow, MAX (self->n_rows, 1));

      for (guint i = 0; i < self->n_rows; i++)
        {
          pairs[i].id = self->rows[i].person_id;
          pairs[i].row = i;
        }
      sort_id_rows (pairs, self->n_rows);
      table->sorted_rows = g_new (guint32, MAX (self->n_rows, 1));
      table->sorted_ids = g_new (gint64, MAX (self->n_rows, 1));
      for (guint i = 0; i < self->n_rows; i++)
        {
          table->sorted_ids[i] = pairs[i].id;
          table->sorted_rows[i] = pairs[i].row;
        }
    }
  g_mutex_unlock (&table->lock);

  high = self->n_rows;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (self->sorted_ids[middle] < person_id)
        low = middle + 1;
      else
        high = middle;
    }
  if (low < self->n_rows && self->sorted_ids[low] == person_id)
    return &self->rows[self->sorted_rows[low]];
  return NULL;
}

const VigilScoreRow *
vigil_score_table_get_person_row (const VigilScoreTable *self,
                                  guint                  person)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->facts == NULL || person >= self->facts->n_persons || self->row_by_person[person] < 0)
    return NULL;
  return &self->rows[self->row_by_person[person]];
}

VigilFactSet *
vigil_score_table_get_fact_set (const VigilScoreTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->facts;
}

static inline char *
put_uint (char    *at,
          guint64  value)
{
  char digits[20];
  int n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);
  while (n > 0)
    *at++ = digits[--n];
  return at;
}

#define CSV_BUFFER     (256 * 1024)
#define CSV_ROW_MAX    (4 * 20 + G_ASCII_DTOSTR_BUF_SIZE + 16)  /* a row but its reference */
#define CSV_PREFETCH   8

static gboolean
flush_csv (FILE        *out,
           const char  *buffer,
           gsize        length,
           GError     **error)
{
  if (length > 0 && fwrite (buffer, 1, length, out) != length)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The scores could not be written: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * vigil_score_table_write_csv:
 *
 * Writes the ranking as CSV to @out: the header "rank,perpetrator_ref,R,F,G,V,total",
 * then a row a scored person in rank order, the total as "%g" does in the C locale.
 * Formatted by hand and written in large blocks: a few hundred thousand rows take a
 * few milliseconds. A table made from rows has no references: they are left empty.
 */
gboolean
vigil_score_table_write_csv (const VigilScoreTable  *self,
                             FILE                   *out,
                             GError                **error)
{
  static const char header[] = "rank,perpetrator_ref,R,F,G,V,total\n";
  g_autofree char *buffer = NULL;
  const VigilFactSet *facts;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  buffer = g_malloc (CSV_BUFFER);
  memcpy (buffer, header, sizeof header - 1);
  length = sizeof header - 1;
  facts = self->facts;

  for (guint i = 0; i < self->n_rows; i++)
    {
      const VigilScoreRow *row = &self->rows[i];
      const char *ref = facts != NULL && row->person >= 0 ? person_ref (facts, row->person) : "";
      gsize ref_length;
      char *at;

      /* ranks are not in reference order: fetch the references ahead of use */
      if (facts != NULL && i + 2 * CSV_PREFETCH < self->n_rows && self->rows[i + 2 * CSV_PREFETCH].person >= 0)
        {
          gint32 ahead = self->rows[i + 2 * CSV_PREFETCH].person;

          __builtin_prefetch (facts->person_refs != NULL ? (const void *) &facts->person_refs[ahead]
                                                         : (const void *) &facts->person_ref_offsets[ahead]);
        }
      if (facts != NULL && i + CSV_PREFETCH < self->n_rows && self->rows[i + CSV_PREFETCH].person >= 0)
        __builtin_prefetch (person_ref (facts, self->rows[i + CSV_PREFETCH].person));

      ref_length = strlen (ref);
      if (length + ref_length + CSV_ROW_MAX > CSV_BUFFER)
        {
          if (!flush_csv (out, buffer, length, error))
            return FALSE;
          length = 0;
          if (ref_length + CSV_ROW_MAX > CSV_BUFFER)
            {
              g_free (buffer);
              buffer = g_malloc (ref_length + CSV_ROW_MAX);
            }
        }

      at = buffer + length;
      at = put_uint (at, (guint64) MAX (row->rank, 0));
      *at++ = ',';
      memcpy (at, ref, ref_length);
      at += ref_length;
      for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
        {
          *at++ = ',';
          at = put_uint (at, row->points[c]);
        }
      *at++ = ',';
      /* "%g" prints whole numbers below 10^6 as integers */
      if (row->total >= 0 && row->total < 1e6 && row->total == floor (row->total) && !signbit (row->total))
        at = put_uint (at, (guint64) row->total);
      else
        {
          g_ascii_formatd (at, G_ASCII_DTOSTR_BUF_SIZE, "%g", row->total);
          at += strlen (at);
        }
      *at++ = '\n';
      length = at - buffer;
    }

  if (!flush_csv (out, buffer, length, error))
    return FALSE;
  if (fflush (out) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The scores could not be written: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

const char *
vigil_score_table_get_person_ref (const VigilScoreTable *self,
                                  const VigilScoreRow   *row)
{
  g_return_val_if_fail (self != NULL && row != NULL, NULL);

  if (self->facts == NULL || row->person < 0 || (guint) row->person >= self->facts->n_persons)
    return NULL;
  return person_ref (self->facts, row->person);
}

const char *
vigil_score_table_get_area_name (const VigilScoreTable *self,
                                 const VigilScoreRow   *row)
{
  g_return_val_if_fail (self != NULL && row != NULL, NULL);

  if (self->facts == NULL || row->area < 0 || (guint) row->area >= self->facts->areas->len)
    return NULL;
  return g_ptr_array_index (self->facts->areas, row->area);
}

void
vigil_score_table_get_as_of (const VigilScoreTable *self,
                             GDate                 *as_of)
{
  g_return_if_fail (self != NULL && as_of != NULL);
  *as_of = self->as_of;
}

guint
vigil_score_table_get_n_cohort (const VigilScoreTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_cohort;
}

void
vigil_score_table_apply_cohort (VigilScoreTable           *self,
                                const VigilScoringProfile *profile)
{
  g_return_if_fail (self != NULL && profile != NULL);

  self->n_cohort = 0;
  for (guint i = 0; i < self->n_rows; i++)
    {
      self->rows[i].in_cohort = row_in_cohort (profile, &self->rows[i]);
      self->n_cohort += self->rows[i].in_cohort;
    }
}

/* ====================================================================================
 * Explanations
 * ==================================================================================== */

VigilRfgvExplanation *
vigil_rfgv_explain (const VigilFactSet          *facts,
                    const VigilScoringProfile   *profile,
                    guint                        person,
                    const GDate                 *as_of,
                    GError                     **error)
{
  g_autoptr(VigilRfgvExplanation) self = NULL;
  g_autoptr(GHashTable) victims = NULL;
  gint32 first_day, last_day;
  guint first, n;
  gint64 values[VIGIL_RFGV_N_COMPONENTS] = { 0, };
  gint64 gravity = 0, counted = 0;
  int latest = -1;

  g_return_val_if_fail (facts != NULL, NULL);
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!vigil_scoring_profile_validate (profile, error))
    return NULL;
  if (person >= facts->n_persons)
    {
      g_set_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_INVALID,
                   _("There is no person %u among the incidents"), person);
      return NULL;
    }

  self = g_new0 (VigilRfgvExplanation, 1);
  self->facts = vigil_fact_set_ref ((VigilFactSet *) facts);
  if (!window_bounds (profile, as_of, &self->as_of, &self->window_start, error))
    return NULL;
  first_day = g_date_get_julian (&self->window_start);
  last_day = g_date_get_julian (&self->as_of);

  self->person_id = facts->person_ids[person];
  self->person_ref = person_ref (facts, person);
  first = vigil_fact_set_get_person_facts (facts, person, &n);
  self->n_incidents = n;
  self->incidents = g_new0 (VigilRfgvExplainedIncident, MAX (n, 1));
  victims = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      const VigilFact *fact = &facts->facts[first + i];
      VigilRfgvExplainedIncident *incident = &self->incidents[i];

      incident->fact = first + i;
      incident->incident_id = facts->incident_ids[first + i];
      incident->incident_ref = facts->incident_refs != NULL ? facts->incident_refs[first + i] : NULL;
      incident->day = fact->day;
      incident->offence_code = g_ptr_array_index (facts->offences, fact->offence);
      incident->gravity = vigil_scoring_profile_get_offence_points (profile, incident->offence_code,
                                                                    &incident->offence_known);
      incident->relationship = fact->relationship;
      incident->has_victim = fact->victim >= 0;
      if (fact->victim >= 0)
        {
          incident->victim_id = people_id (facts, fact->victim);
          incident->victim_ref = *people_ref (facts, fact->victim) != '\0' ? people_ref (facts, fact->victim) : NULL;
        }
      incident->area = fact->area >= 0 ? g_ptr_array_index (facts->areas, fact->area) : NULL;

      if (fact->day <= first_day)
        incident->status = VIGIL_RFGV_INCIDENT_BEFORE_WINDOW;
      else if (fact->day > last_day)
        incident->status = VIGIL_RFGV_INCIDENT_AFTER_AS_OF;
      else if ((guint) fact->relationship >= VIGIL_N_RELATIONSHIPS ||
               !(profile->relationships & (1u << fact->relationship)))
        incident->status = VIGIL_RFGV_INCIDENT_RELATIONSHIP_NOT_COUNTED;
      else
        {
          incident->status = VIGIL_RFGV_INCIDENT_COUNTED;
          counted++;
          gravity += incident->gravity;
          latest = i;
          if (fact->victim >= 0 &&
              g_hash_table_add (victims, GINT_TO_POINTER (fact->victim + 1)))
            incident->new_victim = TRUE;
        }
    }

  self->scored = counted > 0;
  if (!self->scored)
    return g_steal_pointer (&self);

  self->incidents[latest].latest = TRUE;
  self->latest_day = self->incidents[latest].day;
  self->area = self->incidents[latest].area;
  values[VIGIL_RFGV_RECENCY] = last_day - self->latest_day;
  values[VIGIL_RFGV_FREQUENCY] = counted;
  values[VIGIL_RFGV_GRAVITY] = gravity;
  values[VIGIL_RFGV_VICTIMS] = g_hash_table_size (victims);

  {
    double total = 0;

    for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
      {
        VigilRfgvComponentExplanation *component = &self->components[c];

        component->value = values[c];
        component->points = vigil_scoring_profile_get_points (profile, c, values[c], &component->band);
        component->weight = profile->weights[c];
        component->weighted = component->weight * component->points;
        total += component->weighted;
      }
    self->total = llround (total * TOTAL_SCALE) / TOTAL_SCALE;
  }
  return g_steal_pointer (&self);
}

void
vigil_rfgv_explanation_free (VigilRfgvExplanation *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->facts, vigil_fact_set_unref);
  g_free (self->incidents);
  g_free (self);
}

/* ====================================================================================
 * Movers
 * ==================================================================================== */

static gboolean
is_watched (const gint64 *watched,
            guint         n_watched,
            gint64        person_id)
{
  guint low = 0, high = n_watched;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (watched[middle] < person_id)
        low = middle + 1;
      else
        high = middle;
    }
  return low < n_watched && watched[low] == person_id;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static int
compare_movers (gconstpointer a,
                gconstpointer b)
{
  const VigilMover *x = a;
  const VigilMover *y = b;
  gint32 rank_x, rank_y;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  rank_x = x->kind == VIGIL_MOVER_DROPPED ? x->previous_rank : x->current_rank;
  rank_y = y->kind == VIGIL_MOVER_DROPPED ? y->previous_rank : y->current_rank;
  if (rank_x != rank_y)
    return rank_x < rank_y ? -1 : 1;
  return (x->person_id > y->person_id) - (x->person_id < y->person_id);
}

static void
fill_mover (VigilMover          *mover,
            const VigilScoreRow *previous,
            const VigilScoreRow *current)
{
  if (previous != NULL)
    {
      mover->previous_rank = previous->rank;
      mover->previous_total = previous->total;
      mover->previous_in_cohort = previous->in_cohort;
    }
  if (current != NULL)
    {
      mover->current_rank = current->rank;
      mover->current_total = current->total;
      mover->current_in_cohort = current->in_cohort;
    }
}

GArray *
vigil_rfgv_compare (const VigilScoreTable *previous,
                    const VigilScoreTable *current,
                    const gint64          *watched,
                    guint                  n_watched)
{
  g_autofree gint64 *watch = NULL;
  GArray *movers;

  g_return_val_if_fail (previous != NULL, NULL);
  g_return_val_if_fail (current != NULL, NULL);
  g_return_val_if_fail (watched != NULL || n_watched == 0, NULL);

  watch = g_memdup2 (watched, sizeof (gint64) * MAX (n_watched, 1));
  if (n_watched > 1)
    qsort (watch, n_watched, sizeof (gint64), compare_int64);

  movers = g_array_new (FALSE, TRUE, sizeof (VigilMover));

  /* Everyone in view now: entrants, risers, fallers. */
  for (guint i = 0; i < current->n_rows; i++)
    {
      const VigilScoreRow *now = &current->rows[i];
      const VigilScoreRow *before;
      gboolean watched_now = is_watched (watch, n_watched, now->person_id);
      VigilMover mover = { 0, };

      if (!now->in_cohort && !watched_now)
        continue;
      before = vigil_score_table_find_person (previous, now->person_id);
      mover.person_id = now->person_id;
      mover.watched = watched_now;
      fill_mover (&mover, before, now);

      if (before == NULL || (!before->in_cohort && !watched_now))
        mover.kind = VIGIL_MOVER_ENTRANT;
      else if (now->total > before->total)
        mover.kind = VIGIL_MOVER_RISER;
      else if (now->total < before->total)
        mover.kind = VIGIL_MOVER_FALLER;
      else
        continue;
      g_array_append_val (movers, mover);
    }

  /* Everyone in view before but not now. */
  for (guint i = 0; i < previous->n_rows; i++)
    {
      const VigilScoreRow *before = &previous->rows[i];
      const VigilScoreRow *now;
      gboolean watched_person = is_watched (watch, n_watched, before->person_id);
      VigilMover mover = { 0, };

      if (!before->in_cohort && !watched_person)
        continue;
      now = vigil_score_table_find_person (current, before->person_id);
      if (now != NULL && (now->in_cohort || watched_person))
        continue;
      mover.kind = VIGIL_MOVER_DROPPED;
      mover.person_id = before->person_id;
      mover.watched = watched_person;
      fill_mover (&mover, before, now);
      g_array_append_val (movers, mover);
    }

  g_array_sort (movers, compare_movers);
  return movers;
}

const char *
vigil_rfgv_incident_status_get_label (VigilRfgvIncidentStatus status)
{
  switch (status)
    {
    case VIGIL_RFGV_INCIDENT_COUNTED:
      return _("Counted");
    case VIGIL_RFGV_INCIDENT_BEFORE_WINDOW:
      return _("Not counted: outside the window");
    case VIGIL_RFGV_INCIDENT_AFTER_AS_OF:
      return _("Not counted: after the as-of date");
    case VIGIL_RFGV_INCIDENT_RELATIONSHIP_NOT_COUNTED:
    default:
      return _("Not counted: relationship not counted");
    }
}
