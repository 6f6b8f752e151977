/* vigil-score-model.c: the ranking of a scoring run as a virtual GListModel
 *
 * A run may score 400,000 people: the model holds the engine's VigilScoreTable (plain
 * rows, no GObjects) and an array of row indexes, the view after the filter, the
 * search and the sort. An item (VigilScoreItem) is made only when a list widget asks
 * for its position; the people's names are not in the table, so they are read from
 * the store a page of positions at a time and kept in a bounded cache.
 *
 * The search asks the store which people match (names, references, PNC IDs) and keeps
 * their ids; filter and sort then run over the array in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-score-model"

#include "config.h"

#include <string.h>

#include "vigil-score-item.h"
#include "vigil-score-model.h"

typedef struct
{
  char *name;
  char *reference;
} PersonNames;

struct _VigilScoreModel
{
  GObject parent_instance;

  /* Owned references */
  VigilStore      *store;
  VigilScoreTable *table;
  GHashTable      *areas;          /* person id → area, for stored rows; may be NULL */
  GHashTable      *previous_ranks; /* person id → rank in the previous run */
  GArray          *movers;         /* VigilMover */
  GHashTable      *mover_index;    /* person id → index in movers + 1 */
  GHashTable      *search_ids;     /* people matching the search, NULL: no search */
  GHashTable      *names;          /* person id → PersonNames */
  GArray          *index;          /* guint32 row indexes of the table, as shown */
  char            *search;

  VigilScoreFilter filter;
  VigilScoreSort   sort;
  gboolean         descending;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilScoreModel, vigil_score_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
person_names_free (gpointer data)
{
  PersonNames *names = data;

  g_free (names->name);
  g_free (names->reference);
  g_free (names);
}

static gint64 *
dup_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static const VigilMover *
find_mover (VigilScoreModel *self,
            gint64           person_id)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->mover_index, &person_id));

  return position > 0 ? &g_array_index (self->movers, VigilMover, position - 1) : NULL;
}

static const char *
get_area (VigilScoreModel     *self,
          const VigilScoreRow *row)
{
  const char *area = vigil_score_table_get_area_name (self->table, row);

  if (area == NULL && self->areas != NULL)
    area = g_hash_table_lookup (self->areas, &row->person_id);
  return area;
}

/* Places moved up since the previous run (negative: down), and whether it is known. */
static gboolean
get_places_up (VigilScoreModel     *self,
               const VigilScoreRow *row,
               int                 *places)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (self->previous_ranks, &row->person_id, NULL, &value))
    return FALSE;
  *places = GPOINTER_TO_INT (value) - row->rank;
  return TRUE;
}

/* Names */

static char *
format_name (const GValue *surname,
             const GValue *forenames)
{
  const char *s = G_VALUE_HOLDS_STRING (surname) ? g_value_get_string (surname) : NULL;
  const char *f = G_VALUE_HOLDS_STRING (forenames) ? g_value_get_string (forenames) : NULL;

  if (s != NULL && f != NULL && *f != '\0')
    return g_strdup_printf ("%s, %s", s, f);
  return g_strdup (s != NULL ? s : "");
}

/* Reads the names of @ids (a GArray of gint64) into the cache. */
static gboolean
fetch_names (VigilScoreModel  *self,
             GArray           *ids,
             GError          **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_NONE };
  g_autoptr(GString) sql = g_string_new ("SELECT id, surname, forenames, local_ref FROM person WHERE id IN (");
  g_autoptr(GdaDataModel) model = NULL;
  int n;

  if (ids->len == 0)
    return TRUE;

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (sql, ')');

  model = vigil_store_query (self->store, sql->str, NULL, 0, types, error);
  if (model == NULL)
    return FALSE;

  if (g_hash_table_size (self->names) + ids->len > VIGIL_SCORE_MODEL_MAX_NAMES)
    g_hash_table_remove_all (self->names);

  n = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n; row++)
    {
      const GValue *values[4];
      PersonNames *names;

      for (int col = 0; col < 4; col++)
        if ((values[col] = gda_data_model_get_value_at (model, col, row, error)) == NULL)
          return FALSE;

      names = g_new0 (PersonNames, 1);
      names->name = format_name (values[1], values[2]);
      names->reference = G_VALUE_HOLDS_STRING (values[3]) ? g_value_dup_string (values[3]) : NULL;
      g_hash_table_replace (self->names, dup_id (g_value_get_int64 (values[0])), names);
    }

  return TRUE;
}

static void
fetch_page_names (VigilScoreModel *self,
                  guint            position)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  const VigilScoreRow *rows = vigil_score_table_get_rows (self->table, NULL);
  guint first = position - position % VIGIL_SCORE_MODEL_PAGE_SIZE;
  guint end = MIN (first + VIGIL_SCORE_MODEL_PAGE_SIZE, self->index->len);

  for (guint i = first; i < end; i++)
    {
      const VigilScoreRow *row = &rows[g_array_index (self->index, guint32, i)];

      if (!g_hash_table_contains (self->names, &row->person_id))
        g_array_append_val (ids, row->person_id);
    }

  if (!fetch_names (self, ids, &error))
    g_warning ("Could not read the names of people %u to %u of the ranking: %s", first, end, error->message);
}

/* The view */

static int
compare_key (VigilScoreModel     *self,
             const VigilScoreRow *a,
             const VigilScoreRow *b)
{
  int places_a = G_MININT, places_b = G_MININT;

  switch (self->sort)
    {
    case VIGIL_SCORE_SORT_RECENCY:
      return (int) a->points[VIGIL_RFGV_RECENCY] - (int) b->points[VIGIL_RFGV_RECENCY];
    case VIGIL_SCORE_SORT_FREQUENCY:
      return (int) a->points[VIGIL_RFGV_FREQUENCY] - (int) b->points[VIGIL_RFGV_FREQUENCY];
    case VIGIL_SCORE_SORT_GRAVITY:
      return (int) a->points[VIGIL_RFGV_GRAVITY] - (int) b->points[VIGIL_RFGV_GRAVITY];
    case VIGIL_SCORE_SORT_VICTIMS:
      return (int) a->points[VIGIL_RFGV_VICTIMS] - (int) b->points[VIGIL_RFGV_VICTIMS];
    case VIGIL_SCORE_SORT_AREA:
      {
        int order = g_strcmp0 (get_area (self, a), get_area (self, b));

        return order != 0 ? order : a->area_rank - b->area_rank;
      }
    case VIGIL_SCORE_SORT_MOVEMENT:
      get_places_up (self, a, &places_a);
      get_places_up (self, b, &places_b);
      return places_a < places_b ? -1 : places_a > places_b;
    case VIGIL_SCORE_SORT_RANK:
    default:
      return a->rank - b->rank;
    }
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  VigilScoreModel *self = user_data;
  const VigilScoreRow *rows = vigil_score_table_get_rows (self->table, NULL);
  const VigilScoreRow *row_a = &rows[*(const guint32 *) a];
  const VigilScoreRow *row_b = &rows[*(const guint32 *) b];
  int order = compare_key (self, row_a, row_b);

  if (self->descending)
    order = -order;
  return order != 0 ? order : row_a->rank - row_b->rank;
}

static gboolean
row_is_shown (VigilScoreModel     *self,
              const VigilScoreRow *row)
{
  if (self->filter == VIGIL_SCORE_FILTER_COHORT && !row->in_cohort)
    return FALSE;
  if (self->filter == VIGIL_SCORE_FILTER_MOVERS && find_mover (self, row->person_id) == NULL)
    return FALSE;
  if (self->search_ids != NULL && !g_hash_table_contains (self->search_ids, &row->person_id))
    return FALSE;
  return TRUE;
}

static void
rebuild (VigilScoreModel *self)
{
  guint n_rows = 0;
  const VigilScoreRow *rows = vigil_score_table_get_rows (self->table, &n_rows);
  guint old_n_items = self->index->len;

  g_array_set_size (self->index, 0);
  for (guint32 i = 0; i < n_rows; i++)
    if (row_is_shown (self, &rows[i]))
      g_array_append_val (self->index, i);

  if (self->sort != VIGIL_SCORE_SORT_RANK || self->descending)
    g_array_sort_with_data (self->index, compare_rows_cb, self);

  if (old_n_items > 0 || self->index->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->index->len);
}

/* GListModel */

static GType
vigil_score_model_get_item_type (GListModel *model)
{
  return VIGIL_TYPE_SCORE_ITEM;
}

static guint
vigil_score_model_get_n_items (GListModel *model)
{
  return VIGIL_SCORE_MODEL (model)->index->len;
}

static gpointer
vigil_score_model_get_item (GListModel *model,
                            guint       position)
{
  VigilScoreModel *self = VIGIL_SCORE_MODEL (model);
  const VigilScoreRow *rows = vigil_score_table_get_rows (self->table, NULL);
  const VigilScoreRow *row;
  const VigilMover *mover;
  PersonNames *names;
  VigilScoreMovement movement = VIGIL_SCORE_MOVEMENT_NONE;
  const char *reference;
  int places = 0;

  if (position >= self->index->len)
    return NULL;

  row = &rows[g_array_index (self->index, guint32, position)];
  names = g_hash_table_lookup (self->names, &row->person_id);
  if (names == NULL)
    {
      fetch_page_names (self, position);
      names = g_hash_table_lookup (self->names, &row->person_id);
    }

  mover = find_mover (self, row->person_id);
  if (mover != NULL && mover->kind == VIGIL_MOVER_ENTRANT)
    movement = VIGIL_SCORE_MOVEMENT_NEW;
  else if (get_places_up (self, row, &places))
    movement = places > 0 ? VIGIL_SCORE_MOVEMENT_UP
               : places < 0 ? VIGIL_SCORE_MOVEMENT_DOWN : VIGIL_SCORE_MOVEMENT_SAME;

  reference = vigil_score_table_get_person_ref (self->table, row);
  if (reference == NULL && names != NULL)
    reference = names->reference;

  return vigil_score_item_new (row, names ? names->name : NULL, reference, get_area (self, row),
                               movement, ABS (places),
                               mover != NULL && mover->watched && mover->kind == VIGIL_MOVER_RISER);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = vigil_score_model_get_item_type;
  iface->get_n_items = vigil_score_model_get_n_items;
  iface->get_item = vigil_score_model_get_item;
}

/* GObject */

static void
vigil_score_model_finalize (GObject *object)
{
  VigilScoreModel *self = (VigilScoreModel *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->table, vigil_score_table_free);
  g_clear_pointer (&self->areas, g_hash_table_unref);
  g_clear_pointer (&self->previous_ranks, g_hash_table_unref);
  g_clear_pointer (&self->mover_index, g_hash_table_unref);
  g_clear_pointer (&self->movers, g_array_unref);
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->index, g_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (vigil_score_model_parent_class)->finalize (object);
}

static void
vigil_score_model_class_init (VigilScoreModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigil_score_model_finalize;
}

static void
vigil_score_model_init (VigilScoreModel *self)
{
  self->previous_ranks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->mover_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, person_names_free);
  self->index = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->filter = VIGIL_SCORE_FILTER_EVERYONE;
  self->sort = VIGIL_SCORE_SORT_RANK;
}

/**
 * vigil_score_model_new:
 * @store: where the people's names are read
 * @table: (transfer full): the run's scores
 * @areas: (nullable): person id → area, when @table has no fact set (stored rows)
 * @previous: (nullable): the previous run's stored scores, for the movement
 * @movers: (nullable): VigilMover against the previous run
 *
 * Returns: (transfer full): everyone of @table, by rank
 */
VigilScoreModel *
vigil_score_model_new (VigilStore            *store,
                       VigilScoreTable       *table,
                       GHashTable            *areas,
                       const VigilScoreTable *previous,
                       GArray                *movers)
{
  VigilScoreModel *self;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_SCORE_MODEL, NULL);
  self->store = g_object_ref (store);
  self->table = table;
  self->areas = areas != NULL ? g_hash_table_ref (areas) : NULL;
  self->movers = movers != NULL ? g_array_ref (movers) : g_array_new (FALSE, FALSE, sizeof (VigilMover));

  if (previous != NULL)
    {
      guint n_rows;
      const VigilScoreRow *rows = vigil_score_table_get_rows (previous, &n_rows);

      for (guint i = 0; i < n_rows; i++)
        g_hash_table_insert (self->previous_ranks, dup_id (rows[i].person_id), GINT_TO_POINTER (rows[i].rank));
    }

  for (guint i = 0; i < self->movers->len; i++)
    {
      VigilMover *mover = &g_array_index (self->movers, VigilMover, i);

      g_hash_table_insert (self->mover_index, &mover->person_id, GUINT_TO_POINTER (i + 1));
    }

  rebuild (self);
  return self;
}

VigilStore *
vigil_score_model_get_store (VigilScoreModel *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_MODEL (self), NULL);
  return self->store;
}

const VigilScoreTable *
vigil_score_model_get_table (VigilScoreModel *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_MODEL (self), NULL);
  return self->table;
}

/**
 * vigil_score_model_get_movers:
 *
 * Returns: (transfer none): the VigilMover of the run
 */
GArray *
vigil_score_model_get_movers (VigilScoreModel *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_MODEL (self), NULL);
  return self->movers;
}

const VigilMover *
vigil_score_model_find_mover (VigilScoreModel *self,
                              gint64           person_id)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_MODEL (self), NULL);
  return find_mover (self, person_id);
}

VigilScoreFilter
vigil_score_model_get_filter (VigilScoreModel *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_MODEL (self), VIGIL_SCORE_FILTER_EVERYONE);
  return self->filter;
}

void
vigil_score_model_set_filter (VigilScoreModel  *self,
                              VigilScoreFilter  filter)
{
  g_return_if_fail (VIGIL_IS_SCORE_MODEL (self));

  if (self->filter == filter)
    return;
  self->filter = filter;
  rebuild (self);
}

const char *
vigil_score_model_get_search (VigilScoreModel *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_MODEL (self), NULL);
  return self->search;
}

/* Each word becomes a LIKE pattern ("!" escapes % and _); every word must match. */
static GHashTable *
search_people (VigilStore  *store,
               const char  *search,
               GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autofree char *folded = g_utf8_strdown (search, -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n,", -1);
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM person WHERE 1 = 1");
  g_autoptr(GArray) params = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int n;

  g_array_set_clear_func (params, (GDestroyNotify) g_value_unset);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) pattern = NULL;
      guint base = params->len;

      if (*words[i] == '\0')
        continue;

      pattern = g_string_new ("%");
      for (const char *c = words[i]; *c; c++)
        {
          if (*c == '%' || *c == '_' || *c == '!')
            g_string_append_c (pattern, '!');
          g_string_append_c (pattern, *c);
        }
      g_string_append_c (pattern, '%');

      g_string_append_printf (sql,
                              " AND (LOWER(surname) LIKE ##p%u::string ESCAPE '!'"
                              " OR LOWER(forenames) LIKE ##p%u::string ESCAPE '!'"
                              " OR LOWER(local_ref) LIKE ##p%u::string ESCAPE '!'"
                              " OR LOWER(pnc_id) LIKE ##p%u::string ESCAPE '!')",
                              base, base + 1, base + 2, base + 3);
      for (guint k = 0; k < 4; k++)
        {
          GValue value = G_VALUE_INIT;

          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, pattern->str);
          g_array_append_val (params, value);
        }
    }

  model = vigil_store_query (store, sql->str, (const GValue *) params->data, params->len, types, error);
  if (model == NULL)
    return NULL;

  n = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n; row++)
    {
      const GValue *value = gda_data_model_get_value_at (model, 0, row, error);

      if (value == NULL)
        return NULL;
      g_hash_table_add (ids, dup_id (g_value_get_int64 (value)));
    }

  return g_steal_pointer (&ids);
}

/**
 * vigil_score_model_set_search:
 * @search: (nullable): words matched against names, references and PNC IDs
 *
 * Returns: FALSE when the store could not be searched (the search is then cleared)
 */
gboolean
vigil_score_model_set_search (VigilScoreModel  *self,
                              const char       *search,
                              GError          **error)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autofree char *stripped = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (VIGIL_IS_SCORE_MODEL (self), FALSE);

  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (stripped, self->search) == 0)
    return TRUE;

  if (stripped != NULL && (ids = search_people (self->store, stripped, error)) == NULL)
    {
      g_clear_pointer (&stripped, g_free);
      ok = FALSE;
    }

  g_free (self->search);
  self->search = g_steal_pointer (&stripped);
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  self->search_ids = g_steal_pointer (&ids);
  rebuild (self);

  return ok;
}

void
vigil_score_model_set_sort (VigilScoreModel *self,
                            VigilScoreSort   sort,
                            gboolean         descending)
{
  g_return_if_fail (VIGIL_IS_SCORE_MODEL (self));

  if (self->sort == sort && self->descending == !!descending)
    return;
  self->sort = sort;
  self->descending = !!descending;
  rebuild (self);
}

guint
vigil_score_model_find_person (VigilScoreModel *self,
                               gint64           person_id)
{
  const VigilScoreRow *rows;

  g_return_val_if_fail (VIGIL_IS_SCORE_MODEL (self), G_MAXUINT);

  rows = vigil_score_table_get_rows (self->table, NULL);
  for (guint i = 0; i < self->index->len; i++)
    if (rows[g_array_index (self->index, guint32, i)].person_id == person_id)
      return i;
  return G_MAXUINT;
}

/**
 * vigil_score_model_lookup_person:
 * @name: (out) (transfer none) (optional): "Surname, Forenames"
 * @reference: (out) (transfer none) (optional): the local reference, or NULL
 *
 * Returns: FALSE when the person is unknown or the store could not be read
 */
gboolean
vigil_score_model_lookup_person (VigilScoreModel  *self,
                                 gint64            person_id,
                                 const char      **name,
                                 const char      **reference)
{
  PersonNames *names;

  g_return_val_if_fail (VIGIL_IS_SCORE_MODEL (self), FALSE);

  names = g_hash_table_lookup (self->names, &person_id);
  if (names == NULL)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GError) error = NULL;

      g_array_append_val (ids, person_id);
      if (!fetch_names (self, ids, &error))
        g_warning ("Could not read person %" G_GINT64_FORMAT ": %s", person_id, error->message);
      names = g_hash_table_lookup (self->names, &person_id);
    }

  if (name != NULL)
    *name = names ? names->name : NULL;
  if (reference != NULL)
    *reference = names ? names->reference : NULL;
  return names != NULL;
}

guint
vigil_score_model_get_n_names_cached (VigilScoreModel *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_MODEL (self), 0);
  return g_hash_table_size (self->names);
}
