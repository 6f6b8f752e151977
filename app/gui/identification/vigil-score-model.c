/* vigil-score-model.c: the ranking of a scoring run as a virtual GListModel
 *
 * A run may score 400,000 people: the model holds the engine's VigilScoreTable (plain
 * rows, no GObjects) and an array of row indexes, the view after the filter, the
 * search and the sort. An item (VigilScoreItem) is made only when a list widget asks
 * for its position; the people's names are not in the table, so they are read from
 * the store a page of positions at a time, off the main thread
 * (vigil_people_get_names_async), and kept in a bounded cache: until a page's names
 * arrive its items have no name, and the page's items-changed fills them in.
 *
 * The search asks the store which people match (names, aliases, references, PNC IDs,
 * as the cohort list searches: vigil_people_find_ids_async) and keeps their ids; filter
 * and sort then run over the array in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-score-model"

#include "config.h"

#include <string.h>

#include "vigil-people.h"

#include "vigil-score-item.h"
#include "vigil-score-model.h"

typedef VigilPersonName PersonNames;

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

  /* Names on their way, cancelled with the model */
  GCancellable    *cancellable;
  GHashTable      *fetching;       /* pages whose names are on their way */
  GHashTable      *asked;          /* person ids asked for by lookup, on their way */
  guint            n_fetches;
};

enum
{
  NAMES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilScoreModel, vigil_score_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
person_names_free (gpointer data)
{
  vigil_person_name_free (data);
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

typedef struct
{
  VigilScoreModel *self;
  guint page;       /* G_MAXUINT: asked for by lookup */
  GArray *ids;
} NamesFetch;

static void
names_fetch_free (NamesFetch *fetch)
{
  g_clear_object (&fetch->self);
  g_array_unref (fetch->ids);
  g_free (fetch);
}

static void
names_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  NamesFetch *fetch = user_data;
  VigilScoreModel *self = fetch->self;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  names = vigil_people_get_names_finish (VIGIL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      names_fetch_free (fetch);
      return;
    }

  self->n_fetches--;
  if (fetch->page != G_MAXUINT)
    g_hash_table_remove (self->fetching, GUINT_TO_POINTER (fetch->page));
  for (guint i = 0; i < fetch->ids->len; i++)
    g_hash_table_remove (self->asked, &g_array_index (fetch->ids, gint64, i));

  if (names == NULL)
    {
      g_warning ("Could not read the names of %u people of the ranking: %s", fetch->ids->len, error->message);
      names_fetch_free (fetch);
      return;
    }

  if (g_hash_table_size (self->names) + g_hash_table_size (names) > VIGIL_SCORE_MODEL_MAX_NAMES)
    g_hash_table_remove_all (self->names);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (self->names, key, value);
    }

  /* the page's items get their names */
  if (fetch->page != G_MAXUINT)
    {
      guint first = fetch->page * VIGIL_SCORE_MODEL_PAGE_SIZE;
      guint n = first < self->index->len ? MIN (VIGIL_SCORE_MODEL_PAGE_SIZE, self->index->len - first) : 0;

      if (n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
    }
  g_signal_emit (self, signals[NAMES_CHANGED], 0);
  names_fetch_free (fetch);
}

static void
fetch_names (VigilScoreModel *self,
             GArray          *ids,
             guint            page)
{
  NamesFetch *fetch;

  fetch = g_new0 (NamesFetch, 1);
  fetch->self = g_object_ref (self);
  fetch->page = page;
  fetch->ids = g_array_ref (ids);
  self->n_fetches++;
  vigil_people_get_names_async (self->store, (const gint64 *) ids->data, ids->len, self->cancellable,
                                names_done_cb, fetch);
}

static void
fetch_page_names (VigilScoreModel *self,
                  guint            position)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const VigilScoreRow *rows = vigil_score_table_get_rows (self->table, NULL);
  guint page = position / VIGIL_SCORE_MODEL_PAGE_SIZE;
  guint first = page * VIGIL_SCORE_MODEL_PAGE_SIZE;
  guint end = MIN (first + VIGIL_SCORE_MODEL_PAGE_SIZE, self->index->len);

  if (g_hash_table_contains (self->fetching, GUINT_TO_POINTER (page)))
    return;

  for (guint i = first; i < end; i++)
    {
      const VigilScoreRow *row = &rows[g_array_index (self->index, guint32, i)];

      if (!g_hash_table_contains (self->names, &row->person_id))
        g_array_append_val (ids, row->person_id);
    }
  if (ids->len == 0)
    return;

  g_hash_table_add (self->fetching, GUINT_TO_POINTER (page));
  fetch_names (self, ids, page);
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
    fetch_page_names (self, position);   /* the item is named when they arrive */

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

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->fetching, g_hash_table_unref);
  g_clear_pointer (&self->asked, g_hash_table_unref);
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
vigil_score_model_dispose (GObject *object)
{
  VigilScoreModel *self = (VigilScoreModel *)object;

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (vigil_score_model_parent_class)->dispose (object);
}

static void
vigil_score_model_class_init (VigilScoreModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vigil_score_model_dispose;
  G_OBJECT_CLASS (klass)->finalize = vigil_score_model_finalize;

  /**
   * VigilScoreModel::names-changed:
   *
   * Names asked for (by a list, or by vigil_score_model_lookup_person()) arrived.
   */
  signals[NAMES_CHANGED] = g_signal_new ("names-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vigil_score_model_init (VigilScoreModel *self)
{
  self->previous_ranks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->mover_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, person_names_free);
  self->index = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->cancellable = g_cancellable_new ();
  self->fetching = g_hash_table_new (NULL, NULL);
  self->asked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
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

static void
apply_search (VigilScoreModel *self,
              char            *search,
              GHashTable      *ids)
{
  g_free (self->search);
  self->search = search;
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  self->search_ids = ids;
  rebuild (self);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VigilScoreModel *self = g_task_get_source_object (task);
  GHashTable *ids;
  GError *error = NULL;

  ids = vigil_people_find_ids_finish (VIGIL_STORE (source), result, &error);
  if (ids == NULL)
    {
      /* the search is cleared, unless a newer one superseded it */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        apply_search (self, NULL, NULL);
      g_task_return_error (task, error);
      return;
    }

  apply_search (self, g_strdup (g_task_get_task_data (task)), ids);
  g_task_return_boolean (task, TRUE);
}

/**
 * vigil_score_model_set_search_async:
 * @search: (nullable): words matched against names, aliases, references and PNC IDs
 *
 * Asks the store who matches, off the main thread, and shows them when the answer
 * comes; cancel @cancellable when a newer search supersedes this one (its answer is
 * then dropped). A search that cannot be read clears the search.
 */
void
vigil_score_model_set_search_async (VigilScoreModel     *self,
                                    const char          *search,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *stripped = NULL;

  g_return_if_fail (VIGIL_IS_SCORE_MODEL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_score_model_set_search_async);

  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (*stripped == '\0' || g_strcmp0 (stripped, self->search) == 0)
    {
      if (*stripped == '\0')
        vigil_score_model_clear_search (self);
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_set_task_data (task, g_strdup (stripped), g_free);
  vigil_people_find_ids_async (self->store, stripped, cancellable, search_done_cb, g_steal_pointer (&task));
}

gboolean
vigil_score_model_set_search_finish (VigilScoreModel  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Shows everyone again (no store call). */
void
vigil_score_model_clear_search (VigilScoreModel *self)
{
  g_return_if_fail (VIGIL_IS_SCORE_MODEL (self));

  if (self->search != NULL)
    apply_search (self, NULL, NULL);
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
  if (names == NULL && !g_hash_table_contains (self->asked, &person_id))
    {
      /* asked for now: "names-changed" says when it is there */
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_val (ids, person_id);
      g_hash_table_add (self->asked, g_memdup2 (&person_id, sizeof person_id));
      fetch_names (self, ids, G_MAXUINT);
    }

  if (name != NULL)
    *name = names ? names->name : NULL;
  if (reference != NULL)
    *reference = names ? names->reference : NULL;
  return names != NULL;
}

/* Whether names are on their way from the store. */
gboolean
vigil_score_model_get_loading (VigilScoreModel *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_MODEL (self), FALSE);
  return self->n_fetches > 0;
}

/* Remembers names read elsewhere (an explanation's), so lookups need no store call. */
void
vigil_score_model_add_names (VigilScoreModel *self,
                             GHashTable      *names)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (VIGIL_IS_SCORE_MODEL (self));

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const VigilPersonName *name = value;
      VigilPersonName *copy = g_new0 (VigilPersonName, 1);

      copy->name = g_strdup (name->name);
      copy->reference = g_strdup (name->reference);
      g_hash_table_replace (self->names, g_memdup2 (key, sizeof (gint64)), copy);
    }
}

guint
vigil_score_model_get_n_names_cached (VigilScoreModel *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_MODEL (self), 0);
  return g_hash_table_size (self->names);
}
