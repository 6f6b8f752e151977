/* vigil-people-model.c: the cohort list as a virtual GListModel over the store
 *
 * The model never loads the whole cohort, and never waits for the database. Its length
 * comes from vigil_people_tally_async() and rows are read a page at a time
 * (vigil_people_query_list_async()) when a list widget asks for them: until a page
 * arrives its rows are placeholders, and the page's items-changed fills them. The last
 * few pages are kept in a small cache. Setting the search text waits
 * VIGIL_PEOPLE_MODEL_SEARCH_DELAY_MS for typing to settle, then counts again and
 * replaces every item; a newer query cancels the reads of the one it supersedes.
 *
 * The view, the filters and the sort change the query, the cache and the count
 * exactly like the search does, through reload_now(); the database sorts. While a
 * count or a page is on its way, "loading" is TRUE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-people-model"

/* Pages read again in place after a new count: the ones on screen */
#define REFILL_PAGES 2

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vigil-people.h"

#include "vigil-people-model.h"
#include "vigil-person-item.h"

struct _VigilPeopleModel
{
  GObject parent_instance;

  /* Owned references */
  VigilStore *store;
  char *search;          /* applied to the current items, NULL = everyone */
  char *pending_search;  /* waiting for the delay, valid while search_source != 0 */
  VigilPeopleView view;
  char *status;
  char *route;
  char *area;
  guint flags;
  VigilPeopleSort sort;
  gboolean descending;
  VigilPeopleCounts counts;
  GHashTable *pages;     /* page index → GPtrArray of VigilPersonItem */
  GQueue page_order;     /* page indexes, most recently used first */
  GError *error;

  guint search_source;
  guint n_items;
  gint64 total;

  /* Reads on their way: all of one query, cancelled together when it is superseded */
  GCancellable *cancellable;
  gboolean tallying;     /* the count of the current query is on its way */
  GHashTable *fetching;  /* pages on their way */
  GHashTable *handed;    /* pages of which an item was handed out since the count */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilPeopleModel, vigil_people_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_SEARCHING,
  PROP_N_ITEMS,
  PROP_TOTAL,
  PROP_ERROR,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
normalize_search (const char *search)
{
  if (search == NULL)
    return NULL;
  while (g_ascii_isspace (*search))
    search++;
  return *search != '\0' ? search : NULL;
}

static void
clear_cache (VigilPeopleModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

static void
set_error (VigilPeopleModel *self,
           GError           *error)
{
  gboolean had_error = self->error != NULL;

  g_clear_error (&self->error);
  self->error = error;
  if (had_error || error != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
fill_query (VigilPeopleModel *self,
            VigilPeopleQuery *query,
            const char       *search)
{
  memset (query, 0, sizeof *query);
  query->view = self->view;
  query->search = search;
  query->status = self->status;
  query->route = self->route;
  query->area = self->area;
  query->flags = self->flags;
  query->sort = self->sort;
  query->descending = self->descending;
}

static gboolean
is_loading (VigilPeopleModel *self)
{
  return self->tallying || g_hash_table_size (self->fetching) > 0;
}

/* Call around a change of what is on its way: notifies "loading" when it flips. */
static void
notify_loading (VigilPeopleModel *self,
                gboolean          was_loading)
{
  if (was_loading != is_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (*(gconstpointer *) a), y = GPOINTER_TO_UINT (*(gconstpointer *) b);

  return (x > y) - (x < y);
}

/* Items of a page at @page under the current count. */
static guint
page_length (VigilPeopleModel *self,
             guint             page)
{
  guint first = page * VIGIL_PEOPLE_MODEL_PAGE_SIZE;

  return first < self->n_items ? MIN (VIGIL_PEOPLE_MODEL_PAGE_SIZE, self->n_items - first) : 0;
}

static void fetch_page (VigilPeopleModel *self, guint page);

static void
forget_page (VigilPeopleModel *self,
             guint             page)
{
  g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (page));
}

/* A new page of placeholders in the cache, the most recently used; the least recently
 * used pages leave it. */
static GPtrArray *
add_page (VigilPeopleModel *self,
          guint             page)
{
  guint n = page_length (self, page);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, vigil_person_item_new_placeholder ());
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));

  while (g_queue_get_length (&self->page_order) > VIGIL_PEOPLE_MODEL_MAX_PAGES)
    {
      gpointer oldest = g_queue_pop_tail (&self->page_order);

      g_hash_table_remove (self->pages, oldest);
    }
  return items;
}


/* After a new count, tells the list which items changed, and as little as it can: a list
 * rebuilds the row of every item it is told changed, and its selection looks for its
 * item among the items that replace it, asking for each (told that all 50,000 changed,
 * it read the whole cohort a page at a time on every sort). So: the tail that went or
 * came; the most recently used pages (those on screen) become placeholders in place and
 * are read again; and the other pages a list may hold items of (those handed out since
 * the last count) are announced as changed. The cache is cleared of everything else. */
static void
announce_new_items (VigilPeopleModel *self,
                    guint             old_n_items)
{
  g_autofree gpointer *handed = NULL;
  g_autoptr(GHashTable) refill = g_hash_table_new (NULL, NULL);
  guint n_handed;
  guint kept = MIN (old_n_items, self->n_items);
  guint n_refill = 0;

  for (GList *link = self->page_order.head; link != NULL && n_refill < REFILL_PAGES; link = link->next)
    {
      guint page = GPOINTER_TO_UINT (link->data);
      GPtrArray *items = g_hash_table_lookup (self->pages, link->data);

      if (!g_hash_table_contains (self->handed, link->data) ||
          page * VIGIL_PEOPLE_MODEL_PAGE_SIZE + items->len > kept || items->len != page_length (self, page))
        continue;
      g_hash_table_add (refill, link->data);
      n_refill++;
    }

  handed = g_hash_table_get_keys_as_array (self->handed, &n_handed);
  qsort (handed, n_handed, sizeof *handed, compare_pages);
  g_hash_table_remove_all (self->handed);

  /* the cache keeps only the pages refilled in place */
  for (GList *link = self->page_order.head; link != NULL;)
    {
      GList *next = link->next;

      if (g_hash_table_contains (refill, link->data))
        {
          GPtrArray *items = g_hash_table_lookup (self->pages, link->data);

          for (guint i = 0; i < items->len; i++)
            vigil_person_item_clear (g_ptr_array_index (items, i));
          g_hash_table_add (self->handed, link->data);
        }
      else
        {
          g_hash_table_remove (self->pages, link->data);
          g_queue_delete_link (&self->page_order, link);
        }
      link = next;
    }

  if (old_n_items > self->n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), kept, old_n_items - kept, 0);
  else if (self->n_items > old_n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), kept, 0, self->n_items - kept);

  for (guint i = 0; i < n_handed; i++)
    {
      guint first = GPOINTER_TO_UINT (handed[i]) * VIGIL_PEOPLE_MODEL_PAGE_SIZE;
      guint n;

      if (first >= kept)
        break;
      if (g_hash_table_contains (refill, handed[i]))
        continue;
      n = MIN (VIGIL_PEOPLE_MODEL_PAGE_SIZE, kept - first);
      g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
    }

  {
    GHashTableIter iter;
    gpointer page;

    g_hash_table_iter_init (&iter, refill);
    while (g_hash_table_iter_next (&iter, &page, NULL))
      if (g_hash_table_contains (self->pages, page))
        fetch_page (self, GPOINTER_TO_UINT (page));
  }
}

static void
tally_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VigilPeopleModel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree VigilPeopleTally *tally = NULL;
  gboolean was_loading;
  guint old_n_items;
  gint64 count = 0;
  gint64 total = 0;

  tally = vigil_people_tally_finish (VIGIL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* superseded: the newer query's own count follows */

  was_loading = is_loading (self);
  self->tallying = FALSE;
  old_n_items = self->n_items;

  if (tally == NULL)
    {
      g_warning ("Could not count the people of the cohort: %s", error->message);
      memset (&self->counts, 0, sizeof self->counts);
      set_error (self, g_steal_pointer (&error));
    }
  else
    {
      count = tally->count;
      total = tally->total;
      self->counts = tally->counts;
      set_error (self, NULL);
    }

  self->n_items = (guint) CLAMP (count, 0, G_MAXUINT);
  announce_new_items (self, old_n_items);

  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  notify_loading (self, was_loading);
}

/* Cancels what the previous query still reads and counts again; the items stay as
 * they are until the count arrives. */
static void
reload_now (VigilPeopleModel *self)
{
  VigilPeopleQuery query;
  gboolean was_loading = is_loading (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_hash_table_remove_all (self->fetching);

  if (self->store == NULL)
    {
      notify_loading (self, was_loading);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->tallying = TRUE;
  fill_query (self, &query, self->search);
  vigil_people_tally_async (self->store, &query, self->cancellable, tally_done_cb,
                            g_object_ref (self));
  notify_loading (self, was_loading);
}

typedef struct
{
  VigilPeopleModel *self;
  guint page;
} PageFetch;

static void
page_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree PageFetch *fetch = user_data;
  g_autoptr(VigilPeopleModel) self = fetch->self;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  gboolean was_loading;
  guint first, n;

  summaries = vigil_people_query_list_finish (VIGIL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* superseded by a newer query */

  was_loading = is_loading (self);
  g_hash_table_remove (self->fetching, GUINT_TO_POINTER (fetch->page));

  if (summaries == NULL)
    {
      g_warning ("Could not read people %u to %u of the cohort: %s",
                 fetch->page * VIGIL_PEOPLE_MODEL_PAGE_SIZE,
                 (fetch->page + 1) * VIGIL_PEOPLE_MODEL_PAGE_SIZE - 1,
                 error->message);
      forget_page (self, fetch->page);   /* read again when asked for again */
      set_error (self, g_steal_pointer (&error));
      notify_loading (self, was_loading);
      return;
    }

  first = fetch->page * VIGIL_PEOPLE_MODEL_PAGE_SIZE;
  n = page_length (self, fetch->page);
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (fetch->page));
  if (items != NULL && items->len == n)
    {
      /* the placeholders the list shows become people, in place (when the store
       * changed under the count, the rows it has no people for stay empty until the
       * next count) */
      for (guint i = 0; i < MIN (n, summaries->len); i++)
        {
          VigilPersonItem *item = g_ptr_array_index (items, i);

          if (vigil_person_item_is_placeholder (item))
            vigil_person_item_fill (item, g_ptr_array_index (summaries, i));
        }
    }
  else
    {
      /* the page left the cache while it was read: the list may still show its
       * placeholders, so it is told they changed */
      if (items != NULL)
        forget_page (self, fetch->page);
      items = add_page (self, fetch->page);
      for (guint i = 0; i < MIN (n, summaries->len); i++)
        vigil_person_item_fill (g_ptr_array_index (items, i), g_ptr_array_index (summaries, i));
      if (n > 0 && g_hash_table_contains (self->handed, GUINT_TO_POINTER (fetch->page)))
        g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
    }
  notify_loading (self, was_loading);
}

/* Asks for @page unless it is on its way already. */
static void
fetch_page (VigilPeopleModel *self,
            guint             page)
{
  VigilPeopleQuery query;
  PageFetch *fetch;
  gboolean was_loading = is_loading (self);

  if (self->store == NULL || self->cancellable == NULL ||
      g_hash_table_contains (self->fetching, GUINT_TO_POINTER (page)))
    return;

  g_debug ("Reading page %u of the cohort (%u on their way)", page, g_hash_table_size (self->fetching));
  g_hash_table_add (self->fetching, GUINT_TO_POINTER (page));
  fetch = g_new0 (PageFetch, 1);
  fetch->self = g_object_ref (self);
  fetch->page = page;
  fill_query (self, &query, self->search);
  vigil_people_query_list_async (self->store, &query,
                                 (gint64) page * VIGIL_PEOPLE_MODEL_PAGE_SIZE,
                                 VIGIL_PEOPLE_MODEL_PAGE_SIZE, self->cancellable,
                                 page_done_cb, fetch);
  notify_loading (self, was_loading);
}

/* The items of @page: from the cache, else placeholders that its read, asked for here
 * (once the count is in), fills in place. */
static GPtrArray *
lookup_page (VigilPeopleModel *self,
             guint             page)
{
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (items != NULL)
    {
      GList *link = g_queue_find (&self->page_order, GUINT_TO_POINTER (page));

      if (link != self->page_order.head)
        {
          g_queue_unlink (&self->page_order, link);
          g_queue_push_head_link (&self->page_order, link);
        }
      return items;
    }

  /* while the count of a new query is on its way, the old count's rows are asked
   * for: placeholders, not cached (the count's announcement replaces them) */
  if (self->tallying)
    return NULL;

  items = add_page (self, page);
  fetch_page (self, page);
  return items;
}

static GType
vigil_people_model_get_item_type (GListModel *model)
{
  return VIGIL_TYPE_PERSON_ITEM;
}

static guint
vigil_people_model_get_n_items (GListModel *model)
{
  return VIGIL_PEOPLE_MODEL (model)->n_items;
}

static gpointer
vigil_people_model_get_item (GListModel *model,
                             guint       position)
{
  VigilPeopleModel *self = VIGIL_PEOPLE_MODEL (model);
  guint page = position / VIGIL_PEOPLE_MODEL_PAGE_SIZE;
  guint index = position % VIGIL_PEOPLE_MODEL_PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  g_hash_table_add (self->handed, GUINT_TO_POINTER (page));
  items = lookup_page (self, page);

  /* A page on its way shows placeholders until it arrives. When the database changed
   * under the count (another user), an empty row rather than shifting the list; the
   * next reload puts it right. */
  if (items == NULL || index >= items->len)
    return vigil_person_item_new_placeholder ();

  return g_object_ref (g_ptr_array_index (items, index));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = vigil_people_model_get_item_type;
  iface->get_n_items = vigil_people_model_get_n_items;
  iface->get_item = vigil_people_model_get_item;
}

static gboolean
apply_search_cb (gpointer user_data)
{
  VigilPeopleModel *self = user_data;

  self->search_source = 0;
  g_free (self->search);
  self->search = g_steal_pointer (&self->pending_search);
  reload_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);

  return G_SOURCE_REMOVE;
}

static void
vigil_people_model_dispose (GObject *object)
{
  VigilPeopleModel *self = (VigilPeopleModel *)object;

  g_clear_handle_id (&self->search_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_cache (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vigil_people_model_parent_class)->dispose (object);
}

static void
vigil_people_model_finalize (GObject *object)
{
  VigilPeopleModel *self = (VigilPeopleModel *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->fetching, g_hash_table_unref);
  g_clear_pointer (&self->handed, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->pending_search, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->route, g_free);
  g_clear_pointer (&self->area, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (vigil_people_model_parent_class)->finalize (object);
}

static void
vigil_people_model_constructed (GObject *object)
{
  VigilPeopleModel *self = (VigilPeopleModel *)object;

  G_OBJECT_CLASS (vigil_people_model_parent_class)->constructed (object);

  reload_now (self);
}

static void
vigil_people_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigilPeopleModel *self = VIGIL_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_SEARCHING:
      g_value_set_boolean (value, vigil_people_model_get_searching (self));
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, is_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_people_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VigilPeopleModel *self = VIGIL_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SEARCH:
      vigil_people_model_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_people_model_class_init (VigilPeopleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vigil_people_model_constructed;
  object_class->dispose = vigil_people_model_dispose;
  object_class->finalize = vigil_people_model_finalize;
  object_class->get_property = vigil_people_model_get_property;
  object_class->set_property = vigil_people_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, "The store the people are read from",
                         VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, "The search applied to the items (NULL: everyone)",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, "Whether a new search waits to be applied",
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, "The number of people matching the search",
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, "The number of people without the search",
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, "Why the people could not be read, or NULL",
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, "Whether a count or a page is on its way from the store",
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_people_model_init (VigilPeopleModel *self)
{
  /* the coordinator's first view: the latest run's candidates, by rank */
  self->view = VIGIL_PEOPLE_VIEW_CANDIDATES;
  self->sort = VIGIL_PEOPLE_SORT_RANK;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->fetching = g_hash_table_new (NULL, NULL);
  self->handed = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->page_order);
}

/**
 * vigil_people_model_new:
 * @store: the store to read people from
 *
 * Returns: (transfer full): a model of everyone in @store's cohort list
 */
VigilPeopleModel *
vigil_people_model_new (VigilStore *store)
{
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  return g_object_new (VIGIL_TYPE_PEOPLE_MODEL, "store", store, NULL);
}

VigilStore *
vigil_people_model_get_store (VigilPeopleModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PEOPLE_MODEL (self), NULL);
  return self->store;
}

/**
 * vigil_people_model_get_search:
 *
 * Returns: (nullable): the search the current items match, NULL for everyone
 */
const char *
vigil_people_model_get_search (VigilPeopleModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PEOPLE_MODEL (self), NULL);
  return self->search;
}

/**
 * vigil_people_model_set_search:
 * @search: (nullable): words to look for, NULL or blank for everyone
 *
 * Applies @search once it has stayed unchanged for
 * VIGIL_PEOPLE_MODEL_SEARCH_DELAY_MS milliseconds (or at
 * vigil_people_model_flush_search()).
 */
void
vigil_people_model_set_search (VigilPeopleModel *self,
                               const char       *search)
{
  gboolean was_searching;

  g_return_if_fail (VIGIL_IS_PEOPLE_MODEL (self));

  was_searching = self->search_source != 0;
  search = normalize_search (search);

  g_clear_handle_id (&self->search_source, g_source_remove);
  g_clear_pointer (&self->pending_search, g_free);

  if (g_strcmp0 (search, self->search) == 0)
    {
      if (was_searching)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
      return;
    }

  self->pending_search = g_strdup (search);
  self->search_source = g_timeout_add (VIGIL_PEOPLE_MODEL_SEARCH_DELAY_MS, apply_search_cb, self);
  g_source_set_name_by_id (self->search_source, "[vigil] apply cohort search");

  if (!was_searching)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/**
 * vigil_people_model_get_searching:
 *
 * Returns: %TRUE while a search set with vigil_people_model_set_search() waits
 */
gboolean
vigil_people_model_get_searching (VigilPeopleModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PEOPLE_MODEL (self), FALSE);
  return self->search_source != 0;
}

/**
 * vigil_people_model_flush_search:
 *
 * Applies a waiting search now (the Enter key).
 */
void
vigil_people_model_flush_search (VigilPeopleModel *self)
{
  g_return_if_fail (VIGIL_IS_PEOPLE_MODEL (self));

  if (self->search_source != 0)
    {
      g_source_remove (self->search_source);
      apply_search_cb (self);
    }
}

/**
 * vigil_people_model_reload:
 *
 * Counts again and forgets every cached row once the count is in, after the store's
 * people changed.
 */
void
vigil_people_model_reload (VigilPeopleModel *self)
{
  g_return_if_fail (VIGIL_IS_PEOPLE_MODEL (self));
  reload_now (self);
}

/**
 * vigil_people_model_get_loading:
 *
 * Returns: %TRUE while a count or a page is on its way from the store
 */
gboolean
vigil_people_model_get_loading (VigilPeopleModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PEOPLE_MODEL (self), FALSE);
  return is_loading (self);
}

/**
 * vigil_people_model_get_total:
 *
 * Returns: how many people the list holds without the search
 */
gint64
vigil_people_model_get_total (VigilPeopleModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PEOPLE_MODEL (self), 0);
  return self->total;
}

/**
 * vigil_people_model_get_error:
 *
 * Returns: (nullable): why the last count or page could not be read
 */
const GError *
vigil_people_model_get_error (VigilPeopleModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PEOPLE_MODEL (self), NULL);
  return self->error;
}

guint
vigil_people_model_get_n_cached_pages (VigilPeopleModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PEOPLE_MODEL (self), 0);
  return g_hash_table_size (self->pages);
}

/**
 * vigil_people_model_set_view:
 *
 * Shows another view of the list (candidates, managed cohort, …), at once.
 */
void
vigil_people_model_set_view (VigilPeopleModel *self,
                             VigilPeopleView   view)
{
  g_return_if_fail (VIGIL_IS_PEOPLE_MODEL (self));

  if (self->view == view)
    return;
  self->view = view;
  reload_now (self);
}

VigilPeopleView
vigil_people_model_get_view (VigilPeopleModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PEOPLE_MODEL (self), VIGIL_PEOPLE_VIEW_CANDIDATES);
  return self->view;
}

/**
 * vigil_people_model_set_filter:
 * @status: (nullable): a cohort status code, NULL for any
 * @route: (nullable): a route code, NULL for any
 * @area: (nullable): an area, NULL for any
 * @flags: #VigilPersonFlags all required, 0 for no filter
 */
void
vigil_people_model_set_filter (VigilPeopleModel *self,
                               const char       *status,
                               const char       *route,
                               const char       *area,
                               guint             flags)
{
  g_return_if_fail (VIGIL_IS_PEOPLE_MODEL (self));

  area = normalize_search (area);
  if (g_strcmp0 (status, self->status) == 0 && g_strcmp0 (route, self->route) == 0
      && g_strcmp0 (area, self->area) == 0 && flags == self->flags)
    return;

  g_free (self->status);
  self->status = g_strdup (status);
  g_free (self->route);
  self->route = g_strdup (route);
  g_free (self->area);
  self->area = g_strdup (area);
  self->flags = flags;
  reload_now (self);
}

void
vigil_people_model_set_sort (VigilPeopleModel *self,
                             VigilPeopleSort   sort,
                             gboolean          descending)
{
  g_return_if_fail (VIGIL_IS_PEOPLE_MODEL (self));

  descending = !!descending;
  if (self->sort == sort && self->descending == descending)
    return;
  self->sort = sort;
  self->descending = descending;
  reload_now (self);
}

/**
 * vigil_people_model_get_counts:
 *
 * Returns: the counts per status and of candidates, as of the last reload
 */
const VigilPeopleCounts *
vigil_people_model_get_counts (VigilPeopleModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PEOPLE_MODEL (self), NULL);
  return &self->counts;
}
