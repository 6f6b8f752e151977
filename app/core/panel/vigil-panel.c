/* vigil-panel.c: multi-agency panel meetings (principle 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-panel"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vigil-audit.h"
#include "vigil-cohort.h"
#include "vigil-cohort-private.h"
#include "vigil-panel.h"
#include "vigil-record.h"

/* ------------------------------------------------------------------------------------
 * Agenda
 * ------------------------------------------------------------------------------------ */

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const VigilAgendaItem *x = *(VigilAgendaItem * const *) a;
  const VigilAgendaItem *y = *(VigilAgendaItem * const *) b;

  if (x->sort_order != y->sort_order)
    return x->sort_order < y->sort_order ? -1 : 1;
  return x->record.id < y->record.id ? -1 : x->record.id > y->record.id;
}

GPtrArray *
vigil_panel_list_agenda (VigilStore  *store,
                         gint64       meeting_id,
                         GError     **error)
{
  GPtrArray *items;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  items = vigil_store_list (store, &vigil_agenda_item_type, "meeting_id", meeting_id, error);
  if (items != NULL)
    g_ptr_array_sort (items, compare_items);
  return items;
}

/* The totals of the latest run (person id → total), and of the one before. */
static gboolean
load_totals (VigilStore  *store,
             GHashTable  *latest,
             GHashTable  *previous,
             GError     **error)
{
  static const GType run_types[] = { G_TYPE_INT64, G_TYPE_NONE };
  static const GType score_types[] = { G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_NONE };
  g_autoptr(GdaDataModel) runs = vigil_store_query (store, "SELECT id FROM score_run ORDER BY id DESC LIMIT 2",
                                                    NULL, 0, run_types, error);
  int n_runs;

  if (runs == NULL)
    return FALSE;
  n_runs = gda_data_model_get_n_rows (runs);
  for (int r = 0; r < n_runs; r++)
    {
      const GValue *run = gda_data_model_get_value_at (runs, 0, r, error);
      g_autoptr(GdaDataModel) scores = NULL;
      GHashTable *into = r == 0 ? latest : previous;
      int n;

      if (run == NULL)
        return FALSE;
      scores = vigil_store_query (store,
                                  "SELECT person_id, total FROM score WHERE run_id = ##p0::gint64"
                                  " AND person_id IN (SELECT person_id FROM cohort_entry WHERE status <> 'exited')",
                                  run, 1, score_types, error);
      if (scores == NULL)
        return FALSE;
      n = gda_data_model_get_n_rows (scores);
      for (int i = 0; i < n; i++)
        {
          const GValue *person = gda_data_model_get_value_at (scores, 0, i, error);
          const GValue *total = gda_data_model_get_value_at (scores, 1, i, error);
          gint64 *key;
          double *value;

          if (person == NULL || total == NULL)
            return FALSE;
          key = g_new (gint64, 1);
          *key = g_value_get_int64 (person);
          value = g_new (double, 1);
          *value = gda_value_is_null (total) ? 0 : g_value_get_double (total);
          g_hash_table_replace (into, key, value);
        }
    }
  return TRUE;
}

typedef struct
{
  gint64      meeting_id;
  int         added;
} BuildData;

typedef struct
{
  gint64      person_id;
  guint       reason;     /* index into reasons[] */
  char       *name;       /* for the order within a reason */
} Candidate;

static const char * const reasons[] = { "new_adoption", "review_due", "riser", "exit" };

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->name);
  g_free (candidate);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = *(Candidate * const *) a;
  const Candidate *y = *(Candidate * const *) b;

  if (x->reason != y->reason)
    return x->reason < y->reason ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

/* Why the entry belongs on an agenda of @day, or -1. */
static int
agenda_reason (const VigilCohortEntry *entry,
               const char             *day,
               GHashTable             *latest,
               GHashTable             *previous)
{
  const char *status = entry->status;
  gboolean watched = g_strcmp0 (status, "managed") == 0 || g_strcmp0 (status, "of_concern") == 0
                     || g_strcmp0 (status, "scaling_back") == 0;
  const double *now = g_hash_table_lookup (latest, &entry->person_id);
  const double *before = g_hash_table_lookup (previous, &entry->person_id);

  if (g_strcmp0 (status, "under_review") == 0)
    return 0;
  if (watched && entry->next_review_on != NULL && strcmp (entry->next_review_on, day) <= 0)
    return 1;
  if ((g_strcmp0 (status, "managed") == 0 || g_strcmp0 (status, "of_concern") == 0)
      && now != NULL && before != NULL && *now > *before)
    return 2;
  if (g_strcmp0 (status, "scaling_back") == 0)
    return 3;
  return -1;
}

static gboolean
build_cb (VigilStore  *store,
          gpointer     user_data,
          GError     **error)
{
  BuildData *data = user_data;
  g_autoptr(VigilPanelMeeting) meeting = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (candidate_free);
  g_autoptr(GHashTable) on_agenda = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) previous = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  char day[11] = { 0 };
  gint64 next_order = 1;

  meeting = vigil_store_fetch (store, &vigil_panel_meeting_type, data->meeting_id, error);
  if (meeting == NULL)
    return FALSE;
  if (g_strcmp0 (meeting->status, "scheduled") != 0 && meeting->status != NULL)
    {
      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                   _("The meeting “%s” is %s: only a scheduled meeting’s agenda is built."), meeting->title,
                   vigil_choice_get_label (vigil_meeting_status_choices, meeting->status));
      return FALSE;
    }
  g_strlcpy (day, meeting->meets_at, sizeof day);

  items = vigil_panel_list_agenda (store, data->meeting_id, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const VigilAgendaItem *item = g_ptr_array_index (items, i);

      g_hash_table_add (on_agenda, g_memdup2 (&item->person_id, sizeof item->person_id));
      next_order = MAX (next_order, item->sort_order + 1);
    }

  if (!load_totals (store, latest, previous, error))
    return FALSE;
  entries = vigil_store_list (store, &vigil_cohort_entry_type, NULL, 0, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      const VigilCohortEntry *entry = g_ptr_array_index (entries, i);
      int reason = agenda_reason (entry, day, latest, previous);
      g_autoptr(VigilPerson) person = NULL;
      Candidate *candidate;

      if (reason < 0 || g_hash_table_contains (on_agenda, &entry->person_id))
        continue;
      person = vigil_store_fetch (store, &vigil_person_type, entry->person_id, error);
      if (person == NULL)
        return FALSE;
      candidate = g_new0 (Candidate, 1);
      candidate->person_id = entry->person_id;
      candidate->reason = reason;
      candidate->name = vigil_cohort_describe_person (person);
      g_ptr_array_add (candidates, candidate);
      g_hash_table_add (on_agenda, g_memdup2 (&entry->person_id, sizeof entry->person_id));
    }

  g_ptr_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = g_ptr_array_index (candidates, i);
      g_autoptr(VigilAgendaItem) item = vigil_agenda_item_new ();

      item->meeting_id = data->meeting_id;
      item->person_id = candidate->person_id;
      item->sort_order = next_order++;
      item->reason = g_strdup (reasons[candidate->reason]);
      if (!vigil_store_insert (store, &vigil_agenda_item_type, item, error))
        return FALSE;
      data->added++;
    }

  return TRUE;
}

int
vigil_panel_build_agenda (VigilStore  *store,
                          gint64       meeting_id,
                          GError     **error)
{
  BuildData data = { meeting_id, 0 };

  g_return_val_if_fail (VIGIL_IS_STORE (store), -1);

  if (!vigil_cohort_run_work (store, build_cb, &data, error))
    return -1;
  return data.added;
}

typedef struct
{
  gint64 item_id;
  int    delta;
} MoveData;

static gboolean
move_cb (VigilStore  *store,
         gpointer     user_data,
         GError     **error)
{
  MoveData *data = user_data;
  g_autoptr(VigilAgendaItem) item = vigil_store_fetch (store, &vigil_agenda_item_type, data->item_id, error);
  g_autoptr(GPtrArray) items = NULL;
  VigilAgendaItem *mine = NULL, *other;
  guint index = 0;
  gint64 order;

  if (item == NULL)
    return FALSE;
  items = vigil_panel_list_agenda (store, item->meeting_id, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    if (((VigilAgendaItem *) g_ptr_array_index (items, i))->record.id == data->item_id)
      {
        mine = g_ptr_array_index (items, i);
        index = i;
      }
  if (mine == NULL || (data->delta < 0 && index == 0) || (data->delta > 0 && index + 1 >= items->len)
      || (data->delta != -1 && data->delta != 1))
    {
      g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                           _("The item cannot move further that way."));
      return FALSE;
    }

  /* positions may repeat (items added by hand): make them distinct, then swap */
  for (guint i = 0; i < items->len; i++)
    {
      VigilAgendaItem *each = g_ptr_array_index (items, i);

      if (each->sort_order != (gint64) i + 1)
        {
          each->sort_order = i + 1;
          if (!vigil_store_update (store, &vigil_agenda_item_type, each, error))
            return FALSE;
        }
    }
  other = g_ptr_array_index (items, index + data->delta);
  order = mine->sort_order;
  mine->sort_order = other->sort_order;
  other->sort_order = order;
  return vigil_store_update (store, &vigil_agenda_item_type, mine, error)
         && vigil_store_update (store, &vigil_agenda_item_type, other, error);
}

gboolean
vigil_panel_move_item (VigilStore  *store,
                       gint64       item_id,
                       int          delta,
                       GError     **error)
{
  MoveData data = { item_id, delta };

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);

  return vigil_cohort_run_work (store, move_cb, &data, error);
}

/* ------------------------------------------------------------------------------------
 * Attendance and actions
 * ------------------------------------------------------------------------------------ */

static const struct
{
  const char *label;
  const char *agencies[3];
} named_groups[] = {
  { N_("Police"), { "police", NULL } },
  { N_("Probation"), { "probation", NULL } },
  { N_("Housing"), { "housing", NULL } },
  { N_("Social care"), { "childrens_social_care", "adults_social_care", NULL } },
  { N_("Health"), { "mental_health", "substance_misuse", NULL } },
  { N_("IDVA or ISAC"), { "idva", "isac", NULL } },
};

char **
vigil_panel_dup_missing_agencies (GPtrArray *attendance)
{
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();

  for (guint g = 0; g < G_N_ELEMENTS (named_groups); g++)
    {
      gboolean present = FALSE;

      for (guint i = 0; attendance != NULL && i < attendance->len && !present; i++)
        {
          const VigilAttendance *person = g_ptr_array_index (attendance, i);

          present = person->present
                    && g_strv_contains (named_groups[g].agencies, person->agency ? person->agency : "");
        }
      if (!present)
        g_strv_builder_add (missing, _(named_groups[g].label));
    }
  return g_strv_builder_end (missing);
}

gboolean
vigil_panel_action_is_overdue (const VigilAction *action,
                               const char        *today)
{
  g_return_val_if_fail (action != NULL && today != NULL, FALSE);

  return g_strcmp0 (action->status, "open") == 0 && action->due_on != NULL && strcmp (action->due_on, today) < 0;
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b)
{
  const VigilAction *x = *(VigilAction * const *) a;
  const VigilAction *y = *(VigilAction * const *) b;
  int by_due = g_strcmp0 (x->due_on ? x->due_on : "9999", y->due_on ? y->due_on : "9999");

  if (by_due != 0)
    return by_due;
  return x->record.id < y->record.id ? -1 : x->record.id > y->record.id;
}

GPtrArray *
vigil_panel_list_actions (VigilStore  *store,
                          gint64       meeting_id,
                          GError     **error)
{
  g_autoptr(VigilPanelMeeting) meeting = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) earlier = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (vigil_record_destroy);
  g_autoptr(GPtrArray) carried = g_ptr_array_new_with_free_func (vigil_record_destroy);

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  meeting = vigil_store_fetch (store, &vigil_panel_meeting_type, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  meetings = vigil_store_list (store, &vigil_panel_meeting_type, NULL, 0, error);
  if (meetings == NULL)
    return NULL;
  for (guint i = 0; i < meetings->len; i++)
    {
      const VigilPanelMeeting *other = g_ptr_array_index (meetings, i);

      if (g_strcmp0 (other->meets_at, meeting->meets_at) < 0)
        g_hash_table_add (earlier, g_memdup2 (&other->record.id, sizeof other->record.id));
    }

  all = vigil_store_list (store, &vigil_action_type, NULL, 0, error);
  if (all == NULL)
    return NULL;
  for (guint i = all->len; i > 0; i--)
    {
      VigilAction *action = g_ptr_array_index (all, i - 1);

      if (action->meeting_id == meeting_id)
        g_ptr_array_add (own, g_ptr_array_steal_index (all, i - 1));
      else if (g_strcmp0 (action->status, "open") == 0 && g_hash_table_contains (earlier, &action->meeting_id))
        g_ptr_array_add (carried, g_ptr_array_steal_index (all, i - 1));
    }
  g_ptr_array_sort (own, compare_actions);
  g_ptr_array_sort (carried, compare_actions);
  g_ptr_array_extend_and_steal (own, g_steal_pointer (&carried));
  return g_steal_pointer (&own);
}

/* ------------------------------------------------------------------------------------
 * Off the main thread
 * ------------------------------------------------------------------------------------ */

static gpointer
list_meetings_thread (VigilStore    *store,
                      gpointer       task_data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return vigil_store_list (store, &vigil_panel_meeting_type, NULL, 0, error);
}

void
vigil_panel_list_meetings_async (VigilStore          *store,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));

  vigil_store_call_async (store, vigil_panel_list_meetings_async, list_meetings_thread, NULL, NULL,
                          (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
vigil_panel_list_meetings_finish (VigilStore    *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_panel_list_meetings_async, error);
}

void
vigil_panel_meeting_details_free (VigilPanelMeetingDetails *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->meeting, vigil_panel_meeting_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->attendance, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_free (self);
}

const char *
vigil_panel_meeting_details_get_name (const VigilPanelMeetingDetails *self,
                                      gint64                          person_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_hash_table_lookup (self->names, &person_id);
}

typedef struct
{
  gint64                    meeting_id;
  VigilPanelMeetingDetails *details;
} LoadData;

static gboolean
add_name (VigilStore  *store,
          GHashTable  *names,
          gint64       person_id,
          GError     **error)
{
  g_autoptr(VigilPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;

  if (person_id == 0 || g_hash_table_contains (names, &person_id))
    return TRUE;
  person = vigil_store_fetch (store, &vigil_person_type, person_id, &local_error);
  if (person == NULL)
    {
      if (!g_error_matches (local_error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* not there (never was, or gone): by number */
      g_hash_table_insert (names, g_memdup2 (&person_id, sizeof person_id),
                           g_strdup_printf ("#%" G_GINT64_FORMAT, person_id));
      return TRUE;
    }
  g_hash_table_insert (names, g_memdup2 (&person_id, sizeof person_id), vigil_cohort_describe_person (person));
  return TRUE;
}

static gboolean
load_meeting_cb (VigilStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  LoadData *data = user_data;
  g_autoptr(VigilPanelMeetingDetails) details = g_new0 (VigilPanelMeetingDetails, 1);

  details->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if ((details->meeting = vigil_store_fetch (store, &vigil_panel_meeting_type, data->meeting_id, error)) == NULL
      || (details->items = vigil_panel_list_agenda (store, data->meeting_id, error)) == NULL
      || (details->actions = vigil_panel_list_actions (store, data->meeting_id, error)) == NULL
      || (details->attendance = vigil_store_list (store, &vigil_attendance_type, "meeting_id", data->meeting_id,
                                                  error)) == NULL)
    return FALSE;
  for (guint i = 0; i < details->items->len; i++)
    if (!add_name (store, details->names, ((VigilAgendaItem *) g_ptr_array_index (details->items, i))->person_id, error))
      return FALSE;
  for (guint i = 0; i < details->actions->len; i++)
    if (!add_name (store, details->names, ((VigilAction *) g_ptr_array_index (details->actions, i))->person_id, error))
      return FALSE;
  data->details = g_steal_pointer (&details);
  return TRUE;
}

VigilPanelMeetingDetails *
vigil_panel_load_meeting (VigilStore  *store,
                          gint64       meeting_id,
                          GError     **error)
{
  LoadData data = { meeting_id, NULL };

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  if (!vigil_store_run_read (store, load_meeting_cb, &data, error))
    {
      vigil_panel_meeting_details_free (data.details);
      return NULL;
    }
  return data.details;
}

static gpointer
load_meeting_thread (VigilStore    *store,
                     gpointer       task_data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return vigil_panel_load_meeting (store, *(gint64 *) task_data, error);
}

void
vigil_panel_load_meeting_async (VigilStore          *store,
                                gint64               meeting_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));

  vigil_store_call_async (store, vigil_panel_load_meeting_async, load_meeting_thread,
                          g_memdup2 (&meeting_id, sizeof meeting_id), g_free,
                          (GDestroyNotify) vigil_panel_meeting_details_free, cancellable, callback, user_data);
}

VigilPanelMeetingDetails *
vigil_panel_load_meeting_finish (VigilStore    *store,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_panel_load_meeting_async, error);
}

static gpointer
build_agenda_thread (VigilStore    *store,
                     gpointer       task_data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  int added = vigil_panel_build_agenda (store, *(gint64 *) task_data, error);

  return added < 0 ? NULL : g_memdup2 (&added, sizeof added);
}

void
vigil_panel_build_agenda_async (VigilStore          *store,
                                gint64               meeting_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));

  vigil_store_call_async (store, vigil_panel_build_agenda_async, build_agenda_thread,
                          g_memdup2 (&meeting_id, sizeof meeting_id), g_free, g_free,
                          cancellable, callback, user_data);
}

int
vigil_panel_build_agenda_finish (VigilStore    *store,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_autofree int *added = vigil_store_call_finish (store, result, vigil_panel_build_agenda_async, error);

  return added != NULL ? *added : -1;
}

static gpointer
move_item_thread (VigilStore    *store,
                  gpointer       task_data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  MoveData *data = task_data;

  /* any non-NULL pointer says it moved */
  return vigil_panel_move_item (store, data->item_id, data->delta, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

void
vigil_panel_move_item_async (VigilStore          *store,
                             gint64               item_id,
                             int                  delta,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  MoveData *data;

  g_return_if_fail (VIGIL_IS_STORE (store));

  data = g_new0 (MoveData, 1);
  data->item_id = item_id;
  data->delta = delta;
  vigil_store_call_async (store, vigil_panel_move_item_async, move_item_thread, data, g_free, NULL,
                          cancellable, callback, user_data);
}

gboolean
vigil_panel_move_item_finish (VigilStore    *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_panel_move_item_async, error) != NULL;
}

void
vigil_panel_presentation_free (VigilPanelPresentation *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->dossiers, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->menu, vigil_tactical_menu_free);
  g_free (self);
}

typedef struct
{
  gint64                  meeting_id;
  VigilPanelPresentation *presentation;
} PresentationData;

static gboolean
load_presentation_cb (VigilStore  *store,
                      gpointer     user_data,
                      GError     **error)
{
  PresentationData *data = user_data;
  g_autoptr(VigilPanelPresentation) presentation = g_new0 (VigilPanelPresentation, 1);

  presentation->dossiers = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_dossier_free);
  if ((presentation->items = vigil_panel_list_agenda (store, data->meeting_id, error)) == NULL
      || (presentation->actions = vigil_panel_list_actions (store, data->meeting_id, error)) == NULL)
    return FALSE;
  data->presentation = g_steal_pointer (&presentation);
  return TRUE;
}

static gpointer
load_presentation_thread (VigilStore    *store,
                          gpointer       task_data,
                          GCancellable  *cancellable,
                          GError       **error)
{
  PresentationData data = { *(gint64 *) task_data, NULL };
  g_autoptr(VigilPanelPresentation) presentation = NULL;
  g_autoptr(GError) menu_error = NULL;

  /* the agenda and the actions in one read; then each dossier in its own
   * (vigil_dossier_load may refresh the facts cache, a write, so not inside a read) */
  if (!vigil_store_run_read (store, load_presentation_cb, &data, error))
    {
      vigil_panel_presentation_free (data.presentation);
      return NULL;
    }
  presentation = data.presentation;
  presentation->menu = vigil_tactical_menu_load_for_store (store, &menu_error);
  if (presentation->menu == NULL)
    g_debug ("No tactical menu for the presenter: %s", menu_error->message);
  for (guint i = 0; i < presentation->items->len; i++)
    {
      const VigilAgendaItem *item = g_ptr_array_index (presentation->items, i);
      VigilDossier *dossier;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      dossier = vigil_dossier_load (store, item->person_id, NULL, cancellable, error);
      if (dossier == NULL)
        return NULL;
      g_ptr_array_add (presentation->dossiers, dossier);
    }
  return g_steal_pointer (&presentation);
}

void
vigil_panel_load_presentation_async (VigilStore          *store,
                                     gint64               meeting_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));

  vigil_store_call_async (store, vigil_panel_load_presentation_async, load_presentation_thread,
                          g_memdup2 (&meeting_id, sizeof meeting_id), g_free,
                          (GDestroyNotify) vigil_panel_presentation_free, cancellable, callback, user_data);
}

VigilPanelPresentation *
vigil_panel_load_presentation_finish (VigilStore    *store,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_panel_load_presentation_async, error);
}

static gpointer
record_reveal_thread (VigilStore    *store,
                      gpointer       task_data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  gint64 person_id = *(gint64 *) task_data;

  return vigil_audit_append (store, "reveal", "person", person_id, person_id,
                             "{\"shown\":\"victim_names\",\"where\":\"projection\"}", error)
         ? GINT_TO_POINTER (TRUE) : NULL;
}

void
vigil_panel_record_reveal_async (VigilStore          *store,
                                 gint64               person_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));

  vigil_store_call_async (store, vigil_panel_record_reveal_async, record_reveal_thread,
                          g_memdup2 (&person_id, sizeof person_id), g_free, NULL,
                          cancellable, callback, user_data);
}

gboolean
vigil_panel_record_reveal_finish (VigilStore    *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_panel_record_reveal_async, error) != NULL;
}
