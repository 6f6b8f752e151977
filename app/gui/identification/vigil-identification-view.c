/* vigil-identification-view.c: the Identification page: refresh, ranking, explanations, movers
 *
 * The page shows one scoring run (principle 1):
 *  - when it opens on a store with a stored run, that run as stored: only the cohort
 *    and the people with a cohort entry have stored scores, and a notice says so;
 *  - after Refresh, the run just made, with everyone scored, from memory.
 * Refresh runs vigil_refresh_run_full_async() on a worker with its own connection; its
 * stages reach the progress bar through the store's progress seam (the latest report,
 * at low priority, on the main context). Cancel stops the run before it stores
 * anything.
 *
 * The ranking is a GtkColumnView over VigilScoreModel (no GObject per scored person;
 * items are made for the rows on screen). Sorting is the model's, in memory: the
 * column view's sorter only says which column and which way (see
 * update_sort_from_view()). Selecting a row explains the score from the person's
 * incidents as they are now; the Movers tab lists entrants, risers, fallers and those
 * who dropped out, with people of concern whose score rose first (principle 5).
 * Victims are shown by role ("Victim 1") unless show-victim-names is on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-identification-view"

#include "config.h"

#include "vigil-format.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gi18n.h>

#include "vigil-entities.h"
#include "vigil-gui.h"
#include "vigil-identification-view.h"
#include "vigil-judgement-dialog.h"
#include "vigil-judgement-label.h"
#include "vigil-refresh.h"
#include "vigil-score-item.h"

/* How long the search text must stay unchanged before the store is searched. */
#define SEARCH_DELAY_MS 200

typedef enum
{
  COLUMN_RANK,
  COLUMN_PERSON,
  COLUMN_RECENCY,
  COLUMN_FREQUENCY,
  COLUMN_GRAVITY,
  COLUMN_VICTIMS,
  COLUMN_TOTAL,
  COLUMN_AREA,
  COLUMN_AREA_RANK,
  COLUMN_MOVEMENT,
  COLUMN_COHORT,
  COLUMN_JUDGEMENT,
} ColumnKey;

/* Where a refresh's progress goes: the view, while the refresh is still its own. */
typedef struct
{
  GWeakRef      view;
  GCancellable *cancellable;
} RefreshProgress;

/* A column's sorter: which column, for update_sort_from_view(). */
typedef struct
{
  VigilIdentificationView *view;
  ColumnKey                key;
} ColumnSort;

struct _VigilIdentificationView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkMenuButton      *as_of_button;
  GtkPopover         *as_of_popover;
  GtkCalendar        *calendar;
  GtkLabel           *profile_label;
  GtkLabel           *run_label;
  GtkButton          *refresh_button;
  GtkRevealer        *progress_revealer;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkButton          *cancel_button;
  GtkWidget          *stored_banner;
  GtkLabel           *stored_label;
  GtkStack           *state_stack;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *cohort_toggle;
  GtkToggleButton    *everyone_toggle;
  GtkToggleButton    *movers_toggle;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  AdwStatusPage      *no_rows_page;
  AdwViewStack       *side_stack;
  GtkStack           *explanation_stack;
  GtkBox             *explanation_box;
  AdwViewStackPage   *movers_page;
  GtkStack           *movers_stack;
  GtkListBox         *movers_list;
  AdwStatusPage      *no_movers_page;

  /* Owned references */
  VigilStore          *store;
  GSettings           *settings;
  VigilScoringProfile *profile;      /* for the next refresh */
  VigilScoringProfile *run_profile;  /* of the run shown, for explanations */
  VigilScoreModel     *model;
  GHashTable          *judgements;   /* person id → VigilJudgement: the latest override */
  GCancellable        *refresh_cancellable;  /* the refresh running, NULL when none */
  VigilScoringProfile *refresh_profile;      /* that refresh's profile */
  GCancellable        *load_cancellable;     /* the stored run and the judgements */
  GCancellable        *explain_cancellable;  /* the explanation on its way */
  GCancellable        *search_cancellable;   /* the search on its way */
  VigilExplained      *explained;            /* the explanation shown (or NULL) */
  GError              *explain_error;        /* why it could not be read */
  gint64               explained_person;     /* whose explanation (or error) that is */
  GError              *error;        /* the last refresh's failure */
  GObject             *probe_a;
  GObject             *probe_b;

  GDate                as_of;        /* for the next refresh */
  GDate                refresh_as_of; /* of the refresh running */
  GDate                run_as_of;    /* of the run shown */
  gint64               run_id;
  gint64               previous_run_id;
  guint                search_source;
  int                  probe_key;    /* set by a column sorter during a probe, -1: none */
  guint                stored_run : 1;
  guint                probing : 1;
  guint                hold_for_testing : 1;
  guint                updating_toggles : 1;
  guint                explaining : 1;       /* an explanation is on its way */
  guint                loading_run : 1;      /* the stored run is on its way */
  guint                loading_judgements : 1;
};

G_DEFINE_FINAL_TYPE (VigilIdentificationView, vigil_identification_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RUNNING,
  PROP_RUN_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_explanation (VigilIdentificationView *self);
static void forget_explanation (VigilIdentificationView *self);

/* The refresh's progress */

static void
refresh_progress_free (RefreshProgress *progress)
{
  g_weak_ref_clear (&progress->view);
  g_clear_object (&progress->cancellable);
  g_free (progress);
}

/* Helpers */

static char *
format_count (guint64 count)
{
  return vigil_format_count ((gint64) count);
}

static char *
format_date (const GDate *date)
{
  char text[64];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static char *
format_day (gint32 julian)
{
  GDate date;

  if (julian <= 0)
    return g_strdup ("");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) julian);
  return format_date (&date);
}

static void
set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
add_toast (VigilIdentificationView *self,
           const char              *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", title);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
remove_all_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The state */

static void
update_as_of_label (VigilIdentificationView *self)
{
  g_autofree char *text = format_date (&self->as_of);

  gtk_menu_button_set_label (self->as_of_button, text);
}

static void
update_profile_label (VigilIdentificationView *self)
{
  gtk_label_set_label (self->profile_label, self->profile != NULL ? self->profile->name : _("none"));
}

static void
update_actions (VigilIdentificationView *self)
{
  gboolean running = self->refresh_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "identification.refresh",
                                 self->store != NULL && self->profile != NULL && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "identification.cancel", running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->as_of_button), !running);
}

static void
update_count (VigilIdentificationView *self)
{
  g_autofree char *text = NULL;
  guint n_items, n_rows;

  if (self->model == NULL)
    {
      gtk_label_set_label (self->count_label, "");
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  n_rows = vigil_score_table_get_n_rows (vigil_score_model_get_table (self->model));

  if (n_items == n_rows)
    {
      g_autofree char *count = format_count (n_rows);

      /* Translators: people in the ranking, e.g. "1,204 people" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", n_rows), count);
    }
  else
    {
      g_autofree char *shown = format_count (n_items);
      g_autofree char *count = format_count (n_rows);

      /* Translators: "12 of 1,204 people" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s person", "%s of %s people", n_rows),
                              shown, count);
    }
  gtk_label_set_label (self->count_label, text);

  if (n_items == 0)
    {
      const char *search = vigil_score_model_get_search (self->model);
      VigilScoreFilter filter = vigil_score_model_get_filter (self->model);
      g_autofree char *description = NULL;

      if (search != NULL)
        /* Translators: %s is what the user searched for */
        description = g_strdup_printf (_("Nobody shown here matches “%s”."), search);
      else if (filter == VIGIL_SCORE_FILTER_MOVERS)
        description = g_strdup (self->previous_run_id == 0
                                ? _("This is the first run: there is nothing to compare it with.")
                                : _("Nobody entered, rose, fell or dropped out since the previous run."));
      else if (filter == VIGIL_SCORE_FILTER_COHORT)
        description = g_strdup (_("Nobody reaches the profile’s cohort rule in this run."));
      else
        description = g_strdup (_("Nobody has an incident that counts as of this date."));
      adw_status_page_set_description (self->no_rows_page, description);
    }

  gtk_stack_set_visible_child_name (self->list_stack, n_items > 0 ? "list" : "no-rows");
  gtk_stack_set_visible_child_name (self->state_stack, "ranking");
}

static void
update_run_label (VigilIdentificationView *self)
{
  g_autofree char *text = NULL;

  if (self->model == NULL)
    {
      gtk_label_set_label (self->run_label, "");
      return;
    }

  if (!self->stored_run)
    {
      const VigilScoreTable *table = vigil_score_model_get_table (self->model);
      g_autofree char *scored = format_count (vigil_score_table_get_n_rows (table));
      g_autofree char *cohort = format_count (vigil_score_table_get_n_cohort (table));
      g_autofree char *date = format_date (&self->run_as_of);

      /* Translators: "Run 12 as of 2026-11-25: 1,204 scored, 40 in the cohort" */
      text = g_strdup_printf (_("Run %" G_GINT64_FORMAT " as of %s: %s scored, %s in the cohort"),
                              self->run_id, date, scored, cohort);
    }
  else
    {
      g_autofree char *date = format_date (&self->run_as_of);

      /* Translators: "Stored run 12 as of 2026-11-25" */
      text = g_strdup_printf (_("Stored run %" G_GINT64_FORMAT " as of %s"), self->run_id, date);
    }

  gtk_label_set_label (self->run_label, text);
}

static void
set_toggles (VigilIdentificationView *self,
             VigilScoreFilter         filter)
{
  self->updating_toggles = TRUE;
  gtk_toggle_button_set_active (filter == VIGIL_SCORE_FILTER_COHORT ? self->cohort_toggle
                                : filter == VIGIL_SCORE_FILTER_MOVERS ? self->movers_toggle
                                : self->everyone_toggle, TRUE);
  self->updating_toggles = FALSE;
}

/* Movers */

static const char *
mover_kind_label (VigilMoverKind kind)
{
  switch (kind)
    {
    case VIGIL_MOVER_ENTRANT:
      return C_("mover", "New entrant");
    case VIGIL_MOVER_RISER:
      return C_("mover", "Risen");
    case VIGIL_MOVER_FALLER:
      return C_("mover", "Fallen");
    case VIGIL_MOVER_DROPPED:
      return C_("mover", "Dropped out");
    default:
      return "";
    }
}

static GtkWidget *
create_mover_row (VigilIdentificationView *self,
                  const VigilMover        *mover)
{
  gboolean review = mover->watched && mover->kind == VIGIL_MOVER_RISER;
  const char *name = NULL, *reference = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *kind;

  vigil_score_model_lookup_person (self->model, mover->person_id, &name, &reference);
  if (reference != NULL)
    title = g_strdup_printf ("%s (%s)", name ? name : "", reference);
  else
    title = g_strdup (name ? name : _("Unknown person"));
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);

  switch (mover->kind)
    {
    case VIGIL_MOVER_ENTRANT:
      /* Translators: a new entrant's rank and total */
      subtitle = g_strdup_printf (_("Rank %d, total %g"), mover->current_rank, mover->current_total);
      break;
    case VIGIL_MOVER_DROPPED:
      if (mover->current_rank > 0)
        /* Translators: someone who left the cohort: their rank and total then → now */
        subtitle = g_strdup_printf (_("Was rank %d, total %g; now rank %d, total %g"),
                                    mover->previous_rank, mover->previous_total,
                                    mover->current_rank, mover->current_total);
      else
        subtitle = g_strdup_printf (_("Was rank %d, total %g; no longer scored"),
                                    mover->previous_rank, mover->previous_total);
      break;
    case VIGIL_MOVER_RISER:
    case VIGIL_MOVER_FALLER:
    default:
      /* Translators: rank and total, then → now */
      subtitle = g_strdup_printf (_("Rank %d → %d, total %g → %g"), mover->previous_rank, mover->current_rank,
                                  mover->previous_total, mover->current_total);
      break;
    }

  if (review)
    {
      g_autofree char *with_review = g_strdup_printf ("%s\n%s", _("Of concern — score rose, review"), subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_review);
      gtk_widget_add_css_class (row, "review-row");
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  kind = gtk_label_new (mover_kind_label (mover->kind));
  gtk_widget_add_css_class (kind, "mover-kind");
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);

  /* activating the row explains the person: identification.show-person(x) */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), mover->current_rank > 0);
  if (mover->current_rank > 0)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "identification.show-person");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", mover->person_id);
    }

  return row;
}

static void
fill_movers (VigilIdentificationView *self)
{
  GArray *movers;
  guint n_review = 0;

  remove_all_children (GTK_WIDGET (self->movers_list));

  if (self->model == NULL)
    {
      gtk_stack_set_visible_child_name (self->movers_stack, "none");
      return;
    }

  movers = vigil_score_model_get_movers (self->model);

  /* People of concern whose score rose first (principle 5), then the rest in order. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < movers->len; i++)
      {
        const VigilMover *mover = &g_array_index (movers, VigilMover, i);
        gboolean review = mover->watched && mover->kind == VIGIL_MOVER_RISER;

        if (review != (pass == 0))
          continue;
        gtk_list_box_append (self->movers_list, create_mover_row (self, mover));
        n_review += review;
      }

  adw_status_page_set_description (self->no_movers_page,
                                   self->previous_run_id == 0
                                   ? _("This is the first stored run: the next refresh is compared with it.")
                                   : _("Nobody entered, rose, fell or dropped out since the previous run."));
  gtk_stack_set_visible_child_name (self->movers_stack, movers->len > 0 ? "list" : "none");
  adw_view_stack_page_set_needs_attention (self->movers_page, n_review > 0);
}

/* The model */

static void
model_items_changed_cb (VigilIdentificationView *self,
                        guint                    position,
                        guint                    removed,
                        guint                    added,
                        GListModel              *model)
{
  update_count (self);
}

/* Names asked for by the movers' list arrived. */
static void
model_names_changed_cb (VigilIdentificationView *self,
                        VigilScoreModel         *model)
{
  fill_movers (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Professional judgement (principle 3) is shown beside the score: the latest override
 * decision of everyone who has one (they are few: one per decision). */
static void
judgements_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(VigilIdentificationView) self = user_data;
  g_autoptr(GHashTable) judgements = NULL;
  g_autoptr(GError) error = NULL;

  judgements = vigil_cohort_get_judgements_finish (VIGIL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading_judgements = FALSE;
  if (judgements == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not read the judgements: %s"), error->message);

      g_warning ("%s", title);
      add_toast (self, title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      return;
    }

  g_clear_pointer (&self->judgements, g_hash_table_unref);
  self->judgements = g_steal_pointer (&judgements);

  /* the rows on screen show the judgements; the selection stays */
  if (self->model != NULL)
    {
      guint selected = gtk_single_selection_get_selected (self->selection);
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));

      g_list_model_items_changed (G_LIST_MODEL (self->model), 0, n_items, n_items);
      gtk_single_selection_set_selected (self->selection, selected);
    }
  show_explanation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Reads everyone's latest judgement off the main thread; the rows and the explanation
 * show them when they come. */
static void
reload_judgements (VigilIdentificationView *self)
{
  if (self->store == NULL)
    {
      g_clear_pointer (&self->judgements, g_hash_table_unref);
      return;
    }

  if (self->load_cancellable == NULL)
    self->load_cancellable = g_cancellable_new ();
  self->loading_judgements = TRUE;
  vigil_cohort_get_judgements_async (self->store, self->load_cancellable, judgements_loaded_cb,
                                     g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static const VigilJudgement *
lookup_judgement (VigilIdentificationView *self,
                  gint64                   person_id)
{
  if (self->judgements == NULL)
    return NULL;
  return g_hash_table_lookup (self->judgements, &person_id);
}

static void
set_model (VigilIdentificationView *self,
           VigilScoreModel         *model)
{
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      gtk_single_selection_set_model (self->selection, NULL);
      g_clear_object (&self->model);
    }

  g_clear_handle_id (&self->search_source, g_source_remove);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* another run explains otherwise */
  forget_explanation (self);

  if (model != NULL)
    {
      self->model = g_object_ref (model);
      g_signal_connect_object (model, "items-changed",
                               G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "names-changed",
                               G_CALLBACK (model_names_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (model));
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
    }

  reload_judgements (self);
  fill_movers (self);
  update_count (self);
  update_run_label (self);
  show_explanation (self);
}

static void
show_stored_run (VigilIdentificationView *self,
                 VigilStoredRun          *run)
{
  g_autoptr(VigilScoreModel) model = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *escaped_by = NULL;

  self->run_id = run->run_id;
  self->previous_run_id = run->previous_run_id;
  self->stored_run = TRUE;
  g_date_clear (&self->run_as_of, 1);
  if (run->as_of != NULL)
    g_date_set_parse (&self->run_as_of, run->as_of);
  g_clear_pointer (&self->run_profile, vigil_scoring_profile_free);
  self->run_profile = run->profile != NULL ? vigil_scoring_profile_copy (run->profile)
                                           : vigil_scoring_profile_copy (self->profile);

  /* The first run has nothing to move against: no movers rather than all "new". */
  model = vigil_score_model_new (self->store, g_steal_pointer (&run->table), run->areas, run->previous_table,
                                 run->previous_run_id != 0 ? run->movers : NULL);
  vigil_score_model_set_filter (model, VIGIL_SCORE_FILTER_COHORT);
  set_toggles (self, VIGIL_SCORE_FILTER_COHORT);

  escaped_by = g_markup_escape_text (run->run_by != NULL ? run->run_by : _("unknown"), -1);
  /* Translators: %s: the run's as-of date, then who ran it */
  markup = g_strdup_printf (_("Showing the cohort of the run of %s (by %s): only the cohort and people "
                              "with a cohort entry are stored. Refresh to rank everyone."),
                            run->as_of, escaped_by);
  gtk_label_set_markup (self->stored_label, markup);
  gtk_widget_set_visible (self->stored_banner, TRUE);

  set_model (self, model);
}

static void
stored_run_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(VigilIdentificationView) self = user_data;
  g_autoptr(VigilLatestRun) latest = NULL;
  g_autoptr(GError) error = NULL;

  latest = vigil_refresh_load_latest_finish (VIGIL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading_run = FALSE;
  if (latest == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not read the last ranking: %s"), error->message);

      g_warning ("%s", title);
      add_toast (self, title);
    }
  /* a refresh started meanwhile shows its own ranking */
  else if (latest->run != NULL && self->refresh_cancellable == NULL && self->run_id == 0)
    show_stored_run (self, latest->run);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Reads the latest stored run off the main thread and shows it when it comes. */
static void
load_stored_run (VigilIdentificationView *self)
{
  if (self->load_cancellable == NULL)
    self->load_cancellable = g_cancellable_new ();
  self->loading_run = TRUE;
  vigil_refresh_load_latest_async (self->store, self->load_cancellable, stored_run_loaded_cb,
                                   g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Explanation */

static const char * const component_names[] = {
  N_("Recency"), N_("Frequency"), N_("Gravity"), N_("Victims"),
};

static char *
dup_component_value (VigilRfgvComponent component,
                     gint64             value)
{
  switch (component)
    {
    case VIGIL_RFGV_RECENCY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " day since the latest incident",
                                           "%" G_GINT64_FORMAT " days since the latest incident", (gulong) value), value);
    case VIGIL_RFGV_FREQUENCY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " incident",
                                           "%" G_GINT64_FORMAT " incidents", (gulong) value), value);
    case VIGIL_RFGV_GRAVITY:
      /* Translators: the sum of the counted incidents' gravity points */
      return g_strdup_printf (_("gravity sum %" G_GINT64_FORMAT), value);
    case VIGIL_RFGV_VICTIMS:
    case VIGIL_RFGV_N_COMPONENTS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " distinct victim",
                                           "%" G_GINT64_FORMAT " distinct victims", (gulong) value), value);
    }
}

/* The band's range, e.g. "up to 90 days", "3–4", "10 or more". */
static char *
dup_band_label (const VigilScoringProfile *profile,
                VigilRfgvComponent         component,
                int                        band)
{
  const VigilScoringScale *scale = &profile->scales[component];
  int low, high;

  if (band < 0 || (guint) band >= scale->n_bands)
    return g_strdup (_("no band applies"));

  if (component == VIGIL_RFGV_RECENCY)
    {
      low = band > 0 ? scale->bands[band - 1].threshold + 1 : 0;
      high = scale->bands[band].threshold;
      /* Translators: a recency band: "91–180 days" */
      return g_strdup_printf (_("band %d–%d days"), low, high);
    }

  low = scale->bands[band].threshold;
  if ((guint) band + 1 >= scale->n_bands)
    /* Translators: the last band of a scale: "10 or more" */
    return g_strdup_printf (_("band %d or more"), low);
  high = scale->bands[band + 1].threshold - 1;
  if (high <= low)
    return g_strdup_printf (_("band %d"), low);
  return g_strdup_printf (_("band %d–%d"), low, high);
}

/* Per component: its name and points on one line, the value and the band under them. */
static GtkWidget *
create_component_grid (const VigilRfgvExplanation *explanation,
                       const VigilScoringProfile  *profile)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_add_css_class (grid, "explanation-components");
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Score components"),
                                  -1);

  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    {
      const VigilRfgvComponentExplanation *component = &explanation->components[c];
      g_autofree char *value = dup_component_value (c, component->value);
      g_autofree char *band = dup_band_label (profile, c, component->band);
      g_autofree char *points = NULL;
      g_autofree char *detail = NULL;
      GtkWidget *name_label;
      GtkWidget *points_label;
      GtkWidget *detail_label;

      /* Translators: a component's points, e.g. "3 points" */
      points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d point", "%d points", (gulong) ABS (component->points)),
                                component->points);
      if (component->weight != 1.0)
        /* Translators: the raw value, its band and the component's weight: "12 incidents · band 10 or more · weight 1.5" */
        detail = g_strdup_printf (_("%s · %s · weight %g"), value, band, component->weight);
      else
        /* Translators: the raw value and its band: "295 days since the latest incident · band 181–365 days" */
        detail = g_strdup_printf (_("%s · %s"), value, band);

      name_label = new_label (_(component_names[c]), "heading");
      gtk_widget_set_hexpand (name_label, TRUE);
      gtk_widget_set_margin_top (name_label, c > 0 ? 8 : 0);
      points_label = new_label (points, "heading");
      gtk_widget_add_css_class (points_label, "numeric");
      gtk_label_set_xalign (GTK_LABEL (points_label), 1);
      gtk_widget_set_margin_top (points_label, c > 0 ? 8 : 0);
      /* named by the component, for the tests and for CSS */
      gtk_widget_set_name (points_label, vigil_rfgv_component_to_key (c));
      detail_label = new_label (detail, "dim-label");

      gtk_grid_attach (GTK_GRID (grid), name_label, 0, (int) c * 2, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), points_label, 1, (int) c * 2, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), detail_label, 0, (int) c * 2 + 1, 2, 1);
    }

  return grid;
}

static GtkWidget *
create_incident_row (VigilIdentificationView          *self,
                     const VigilRfgvExplainedIncident *incident,
                     GHashTable                       *victim_numbers,
                     gboolean                          show_names)
{
  g_autofree char *date = format_day (incident->day);
  g_autofree char *offence = vigil_format_offence (incident->offence_code);
  g_autofree char *first = NULL;
  g_autofree char *victim = NULL;
  g_autofree char *second = NULL;
  g_autofree char *status = NULL;
  const char *relationship = vigil_choice_get_label (vigil_relationship_choices,
                                                     vigil_relationship_to_code (incident->relationship));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line;

  /* Translators: date · incident reference · offence · gravity points */
  first = g_strdup_printf (_("%s · %s · %s · gravity %d"), date,
                           incident->incident_ref ? incident->incident_ref : _("no reference"),
                           offence, incident->gravity);

  if (!incident->has_victim)
    victim = g_strdup (_("no victim recorded"));
  else
    {
      const char *name = NULL;

      if (show_names)
        vigil_score_model_lookup_person (self->model, incident->victim_id, &name, NULL);
      if (name != NULL)
        victim = g_strdup (name);
      else
        /* Translators: a victim by role, numbered in the order they first appear */
        victim = g_strdup_printf (_("Victim %u"),
                                  GPOINTER_TO_UINT (g_hash_table_lookup (victim_numbers, &incident->victim_id)));
    }

  status = g_strdup (vigil_rfgv_incident_status_get_label (incident->status));
  if (incident->status == VIGIL_RFGV_INCIDENT_COUNTED && (incident->latest || incident->new_victim))
    {
      g_autofree char *more = g_strdup_printf ("%s (%s%s%s)", status,
                                               incident->latest ? _("latest: gives R and the area") : "",
                                               incident->latest && incident->new_victim ? "; " : "",
                                               incident->new_victim ? _("new victim: counts for V") : "");
      g_free (status);
      status = g_steal_pointer (&more);
    }

  /* Translators: relationship · victim · counted or why not */
  second = g_strdup_printf (_("%s · %s · %s"), relationship ? relationship : _("unknown relationship"),
                            victim, status);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  line = new_label (first, NULL);
  gtk_box_append (GTK_BOX (box), line);
  line = new_label (second, "caption");
  gtk_box_append (GTK_BOX (box), line);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  if (incident->status != VIGIL_RFGV_INCIDENT_COUNTED)
    gtk_widget_add_css_class (row, "not-counted");

  return row;
}

/* A judgement recorded anywhere (the judgement dialog, a dossier): the rows and the
 * explanation show it once it is read. */
static void
store_changed_cb (VigilIdentificationView *self,
                  const char * const      *tables,
                  VigilStore              *store)
{
  if (g_strv_contains (tables, "decision") || g_strv_contains (tables, "cohort_entry"))
    reload_judgements (self);
}

static void
judgement_decided_cb (VigilIdentificationView *self,
                      gint64                   decision_id,
                      int                      kind,
                      VigilJudgementDialog    *dialog)
{
  /* the store's "changed" reloads the judgements */
  add_toast (self, kind == VIGIL_OVERRIDE_INCLUDE
                   ? _("Decision recorded: included in the cohort by professional judgement")
                   : _("Decision recorded: excluded from the cohort by professional judgement"));
}

/* identification.record-judgement(x): the judgement dialog for person x */
static void
record_judgement_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VigilIdentificationView *self = VIGIL_IDENTIFICATION_VIEW (widget);
  gint64 person_id = g_variant_get_int64 (parameter);
  VigilJudgementDialog *dialog;

  if (self->store == NULL || person_id <= 0)
    return;

  dialog = vigil_judgement_dialog_new (self->store, person_id,
                                       GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "decided", G_CALLBACK (judgement_decided_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The person's latest professional judgement (who, role, when, and why), and a way to
 * record one. */
static void
append_judgement (VigilIdentificationView *self,
                  gint64                   person_id)
{
  const VigilJudgement *judgement = lookup_judgement (self, person_id);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Record _Judgement…"));

  gtk_box_append (GTK_BOX (box), new_label (_("Professional Judgement"), "heading"));
  if (judgement != NULL)
    {
      g_autofree char *summary = vigil_judgement_format (judgement);
      g_autofree char *details = vigil_judgement_format_details (judgement);
      GtkWidget *label = new_label (summary, judgement->kind == VIGIL_OVERRIDE_INCLUDE ? "success" : "warning");

      gtk_widget_set_name (label, "judgement");
      gtk_box_append (GTK_BOX (box), label);
      if (details != NULL && *details != '\0')
        gtk_box_append (GTK_BOX (box), new_label (details, "dim-label"));
    }
  else
    gtk_box_append (GTK_BOX (box), new_label (_("No professional judgement recorded"), "dim-label"));

  gtk_widget_set_tooltip_text (button, _("Include or exclude this person against the ranking, "
                                         "with a decision-maker and a rationale"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_name (button, "record-judgement");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "identification.record-judgement");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", person_id);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (self->explanation_box, box);
}

static void
explained_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VigilIdentificationView) self = user_data;
  g_autoptr(VigilExplained) explained = NULL;
  g_autoptr(GError) error = NULL;

  explained = vigil_refresh_explain_finish (VIGIL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* another row was selected meanwhile */

  self->explaining = FALSE;
  g_clear_pointer (&self->explained, vigil_explained_free);
  g_clear_error (&self->explain_error);
  if (explained != NULL && self->model != NULL)
    vigil_score_model_add_names (self->model, explained->names);
  self->explained = g_steal_pointer (&explained);
  self->explain_error = g_steal_pointer (&error);
  show_explanation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Reads @person_id's incidents and names off the main thread; the explanation shows a
 * spinner until they come. */
static void
start_explain (VigilIdentificationView *self,
               gint64                   person_id)
{
  g_cancellable_cancel (self->explain_cancellable);
  g_clear_object (&self->explain_cancellable);
  g_clear_pointer (&self->explained, vigil_explained_free);
  g_clear_error (&self->explain_error);

  self->explain_cancellable = g_cancellable_new ();
  self->explained_person = person_id;
  self->explaining = TRUE;
  vigil_refresh_explain_async (self->store, person_id, self->run_profile, &self->run_as_of,
                               self->explain_cancellable, explained_cb, g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The explanation is read again when it is next shown (after a refresh, an edit). */
static void
forget_explanation (VigilIdentificationView *self)
{
  g_cancellable_cancel (self->explain_cancellable);
  g_clear_object (&self->explain_cancellable);
  g_clear_pointer (&self->explained, vigil_explained_free);
  g_clear_error (&self->explain_error);
  self->explained_person = 0;
  if (self->explaining)
    {
      self->explaining = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static void
show_explanation (VigilIdentificationView *self)
{
  g_autoptr(VigilScoreItem) item = NULL;
  const VigilRfgvExplanation *explanation = NULL;
  const GError *error = NULL;
  g_autoptr(GHashTable) victim_numbers = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *details = NULL;
  g_autofree char *total = NULL;
  g_autofree char *window = NULL;
  g_autofree char *window_start = NULL;
  g_autofree char *as_of = NULL;
  const VigilScoreRow *row;
  gboolean show_names;
  GtkWidget *list;

  remove_all_children (GTK_WIDGET (self->explanation_box));

  if (self->model != NULL)
    item = gtk_single_selection_get_selected_item (self->selection)
           ? g_object_ref (gtk_single_selection_get_selected_item (self->selection)) : NULL;

  if (item == NULL || self->run_profile == NULL)
    {
      gtk_stack_set_visible_child_name (self->explanation_stack, "none");
      return;
    }

  row = vigil_score_item_get_row (item);
  if (self->explained_person != row->person_id)
    start_explain (self, row->person_id);
  else if (self->explained != NULL)
    explanation = self->explained->explanation;
  else
    error = self->explain_error;

  heading = g_strdup_printf ("%s", vigil_score_item_get_name (item) ? vigil_score_item_get_name (item) : "");
  gtk_box_append (self->explanation_box, new_label (heading, "title-3"));

  /* Translators: reference · rank · area (area rank) */
  details = g_strdup_printf (_("%s · rank %d · %s, area rank %d"),
                             vigil_score_item_get_reference (item) ? vigil_score_item_get_reference (item) : "",
                             row->rank,
                             vigil_score_item_get_area (item) ? vigil_score_item_get_area (item) : _("no area"),
                             row->area_rank);
  gtk_box_append (self->explanation_box, new_label (details, "dim-label"));

  if (vigil_score_item_get_needs_review (item))
    {
      GtkWidget *label = new_label (_("Of concern — score rose, review"), "review-label");

      gtk_box_append (self->explanation_box, label);
    }

  append_judgement (self, row->person_id);

  if (self->explaining)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Reading the incidents"), -1);
      gtk_box_append (GTK_BOX (box), spinner);
      gtk_box_append (GTK_BOX (box), new_label (_("Reading the incidents…"), "dim-label"));
      gtk_box_append (self->explanation_box, box);
      gtk_stack_set_visible_child_name (self->explanation_stack, "explanation");
      return;
    }

  if (explanation == NULL)
    {
      g_autofree char *text = error == NULL || g_error_matches (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND)
        ? g_strdup (_("This person has no incident as a perpetrator any more."))
        : g_strdup_printf (_("Could not read this person’s incidents: %s"), error->message);

      gtk_box_append (self->explanation_box, new_label (text, "error"));
      gtk_stack_set_visible_child_name (self->explanation_stack, "explanation");
      return;
    }

  /* Translators: the total and how it adds up: "Total 14: R 5 + F 3 + G 4 + V 2" */
  total = g_strdup_printf (_("Total %g: R %d + F %d + G %d + V %d"), explanation->total,
                           explanation->components[VIGIL_RFGV_RECENCY].points,
                           explanation->components[VIGIL_RFGV_FREQUENCY].points,
                           explanation->components[VIGIL_RFGV_GRAVITY].points,
                           explanation->components[VIGIL_RFGV_VICTIMS].points);
  gtk_box_append (self->explanation_box, new_label (total, "title-4"));

  if (!explanation->scored || explanation->total != row->total)
    gtk_box_append (self->explanation_box,
                    new_label (_("The incidents changed since this run: the breakdown shows them as they are now. "
                                 "Refresh to score them again."), "warning"));

  gtk_box_append (self->explanation_box, create_component_grid (explanation, self->run_profile));

  window_start = format_date (&explanation->window_start);
  as_of = format_date (&explanation->as_of);
  /* Translators: the window of counted incidents: after a date, up to the as-of date */
  window = g_strdup_printf (_("Incidents after %s up to %s count, for the relationships the profile counts."),
                            window_start, as_of);
  gtk_box_append (self->explanation_box, new_label (_("Incidents"), "heading"));
  gtk_box_append (self->explanation_box, new_label (window, "dim-label"));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Incidents behind the score"),
                                  -1);

  show_names = g_settings_get_boolean (self->settings, "show-victim-names");
  victim_numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < explanation->n_incidents; i++)
    {
      const VigilRfgvExplainedIncident *incident = &explanation->incidents[i];

      if (incident->has_victim && !g_hash_table_contains (victim_numbers, &incident->victim_id))
        g_hash_table_insert (victim_numbers, g_memdup2 (&incident->victim_id, sizeof (gint64)),
                             GUINT_TO_POINTER (g_hash_table_size (victim_numbers) + 1));
      gtk_list_box_append (GTK_LIST_BOX (list), create_incident_row (self, incident, victim_numbers, show_names));
    }
  gtk_box_append (self->explanation_box, list);

  gtk_stack_set_visible_child_name (self->explanation_stack, "explanation");
}

/* Refresh */

/* On the main context, from the worker's reports */
static void
refresh_progress_cb (double      fraction,
                     const char *message,
                     gpointer    user_data)
{
  RefreshProgress *progress = user_data;
  g_autoptr(VigilIdentificationView) self = g_weak_ref_get (&progress->view);

  /* superseded, or cancelled: "Cancelling…" stays */
  if (self == NULL || self->refresh_cancellable != progress->cancellable ||
      g_cancellable_is_cancelled (progress->cancellable))
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  if (message != NULL)
    gtk_label_set_label (self->progress_label, message);
}

static void
finish_refresh (VigilIdentificationView *self)
{
  g_clear_object (&self->refresh_cancellable);
  g_clear_pointer (&self->refresh_profile, vigil_scoring_profile_free);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
refresh_finished_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(VigilIdentificationView) self = user_data;
  g_autoptr(VigilRefreshOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoreModel) model = NULL;
  g_autofree char *scored = NULL;
  g_autofree char *title = NULL;
  guint n_rows;

  outcome = vigil_refresh_run_full_finish (VIGIL_STORE (source_object), result, &error);

  /* Superseded: another store, or the view went away. */
  if (self->refresh_cancellable == NULL || g_task_get_cancellable (G_TASK (result)) != self->refresh_cancellable)
    return;

  g_clear_error (&self->error);

  if (outcome == NULL)
    {
      finish_refresh (self);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, _("Refresh cancelled: nothing was stored."));
      else
        {
          title = g_strdup_printf (_("Could not refresh the ranking: %s"), error->message);
          add_toast (self, title);
          self->error = g_steal_pointer (&error);
        }
      return;
    }

  self->run_id = outcome->result->run_id;
  self->previous_run_id = outcome->result->previous_run_id;
  self->stored_run = FALSE;
  self->run_as_of = self->refresh_as_of;
  g_clear_pointer (&self->run_profile, vigil_scoring_profile_free);
  self->run_profile = g_steal_pointer (&self->refresh_profile);
  gtk_widget_set_visible (self->stored_banner, FALSE);

  n_rows = vigil_score_table_get_n_rows (outcome->result->table);
  model = vigil_score_model_new (self->store, g_steal_pointer (&outcome->result->table), NULL,
                                 outcome->previous != NULL ? outcome->previous->table : NULL,
                                 self->previous_run_id != 0 ? outcome->result->movers : NULL);
  vigil_score_model_set_filter (model, VIGIL_SCORE_FILTER_EVERYONE);
  set_toggles (self, VIGIL_SCORE_FILTER_EVERYONE);

  gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
  gtk_label_set_label (self->progress_label, vigil_refresh_stage_describe (VIGIL_REFRESH_STAGE_DONE));
  finish_refresh (self);
  set_model (self, model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_ID]);

  scored = format_count (n_rows);
  /* Translators: a toast after a refresh; %s is a number of people */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Ranking refreshed: %s person scored",
                                        "Ranking refreshed: %s people scored", n_rows), scored);
  add_toast (self, title);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
start_refresh (VigilIdentificationView *self)
{
  RefreshProgress *progress;

  g_return_if_fail (self->store != NULL && self->profile != NULL);
  g_return_if_fail (self->refresh_cancellable == NULL);

  self->refresh_cancellable = g_cancellable_new ();
  self->refresh_profile = vigil_scoring_profile_copy (self->profile);
  self->refresh_as_of = self->as_of;

  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_label (self->progress_label, vigil_refresh_stage_describe (VIGIL_REFRESH_STAGE_LOADING));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  progress = g_new0 (RefreshProgress, 1);
  g_weak_ref_init (&progress->view, self);
  progress->cancellable = g_object_ref (self->refresh_cancellable);
  vigil_refresh_run_full_async (self->store, self->refresh_profile, &self->refresh_as_of,
                                self->hold_for_testing ? VIGIL_REFRESH_HOLD_WHILE_SCORING : VIGIL_REFRESH_FLAGS_NONE,
                                refresh_progress_cb, progress, (GDestroyNotify) refresh_progress_free,
                                self->refresh_cancellable, refresh_finished_cb, g_object_ref (self));
}

/* Sorting: the column view's sorter says which column and which way */

static int
column_sort_cb (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  ColumnSort *sort = user_data;

  /* Only ever called by update_sort_from_view(): the model sorts the rows. */
  if (sort->view->probing && sort->view->probe_key < 0)
    sort->view->probe_key = sort->key;
  return -1;
}

static void
update_sort_from_view (VigilIdentificationView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  VigilScoreSort sort = VIGIL_SCORE_SORT_RANK;
  gboolean descending = FALSE;
  GtkOrdering order;

  if (self->model == NULL || sorter == NULL)
    return;

  /* The view's sorter calls the primary column's sorter first and inverts its answer
   * when that column sorts descending: one comparison tells both. */
  self->probing = TRUE;
  self->probe_key = -1;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  self->probing = FALSE;

  switch (self->probe_key)
    {
    case COLUMN_RECENCY:
      sort = VIGIL_SCORE_SORT_RECENCY;
      break;
    case COLUMN_FREQUENCY:
      sort = VIGIL_SCORE_SORT_FREQUENCY;
      break;
    case COLUMN_GRAVITY:
      sort = VIGIL_SCORE_SORT_GRAVITY;
      break;
    case COLUMN_VICTIMS:
      sort = VIGIL_SCORE_SORT_VICTIMS;
      break;
    case COLUMN_AREA:
    case COLUMN_AREA_RANK:
      sort = VIGIL_SCORE_SORT_AREA;
      break;
    case COLUMN_MOVEMENT:
      sort = VIGIL_SCORE_SORT_MOVEMENT;
      break;
    case COLUMN_TOTAL:
      /* the highest total is rank 1 */
      sort = VIGIL_SCORE_SORT_RANK;
      order = order == GTK_ORDERING_SMALLER ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
      break;
    case COLUMN_RANK:
    default:
      sort = VIGIL_SCORE_SORT_RANK;
      break;
    }
  descending = self->probe_key >= 0 && order == GTK_ORDERING_LARGER;

  vigil_score_model_set_sort (self->model, sort, descending);
}

static void
view_sorter_changed_cb (VigilIdentificationView *self,
                        GtkSorterChange          change,
                        GtkSorter               *sorter)
{
  update_sort_from_view (self);
}

/* Columns */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ColumnKey key = GPOINTER_TO_INT (user_data);
  GtkWidget *label;

  if (key == COLUMN_PERSON)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *name = gtk_label_new (NULL);
      GtkWidget *reference = gtk_label_new (NULL);
      GtkWidget *review = gtk_label_new (_("Of concern — score rose, review"));

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (name), 20);
      gtk_label_set_xalign (GTK_LABEL (reference), 0);
      gtk_label_set_ellipsize (GTK_LABEL (reference), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (reference, "caption");
      gtk_widget_add_css_class (reference, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (review), 0);
      gtk_label_set_ellipsize (GTK_LABEL (review), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (review, "caption");
      gtk_widget_add_css_class (review, "review-label");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), reference);
      gtk_box_append (GTK_BOX (box), review);
      gtk_list_item_set_child (list_item, box);
      return;
    }

  if (key == COLUMN_JUDGEMENT)
    {
      gtk_list_item_set_child (list_item, vigil_judgement_label_new ());
      return;
    }

  label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (key == COLUMN_AREA || key == COLUMN_MOVEMENT || key == COLUMN_COHORT)
    gtk_label_set_xalign (GTK_LABEL (label), 0);
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  ColumnKey key = GPOINTER_TO_INT (user_data);
  VigilScoreItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  const VigilScoreRow *row;
  g_autofree char *text = NULL;

  if (item == NULL)
    return;
  row = vigil_score_item_get_row (item);

  switch (key)
    {
    case COLUMN_PERSON:
      {
        GtkWidget *name = gtk_widget_get_first_child (child);
        GtkWidget *reference = gtk_widget_get_next_sibling (name);
        GtkWidget *review = gtk_widget_get_next_sibling (reference);

        gtk_label_set_label (GTK_LABEL (name), vigil_score_item_get_name (item) ?: "");
        gtk_label_set_label (GTK_LABEL (reference), vigil_score_item_get_reference (item) ?: "");
        gtk_widget_set_visible (review, vigil_score_item_get_needs_review (item));
        return;
      }
    case COLUMN_RANK:
      text = g_strdup_printf ("%d", row->rank);
      break;
    case COLUMN_RECENCY:
    case COLUMN_FREQUENCY:
    case COLUMN_GRAVITY:
    case COLUMN_VICTIMS:
      text = g_strdup_printf ("%u", row->points[key - COLUMN_RECENCY]);
      break;
    case COLUMN_TOTAL:
      text = vigil_score_item_dup_total_label (item);
      break;
    case COLUMN_AREA:
      text = g_strdup (vigil_score_item_get_area (item) ?: "");
      break;
    case COLUMN_AREA_RANK:
      text = g_strdup_printf ("%d", row->area_rank);
      break;
    case COLUMN_MOVEMENT:
      text = vigil_score_item_dup_movement_label (item);
      if (vigil_score_item_get_needs_review (item))
        gtk_widget_add_css_class (child, "review-label");
      else
        gtk_widget_remove_css_class (child, "review-label");
      break;
    case COLUMN_COHORT:
      text = g_strdup (row->in_cohort ? _("In cohort") : "");
      break;
    case COLUMN_JUDGEMENT:
      {
        GtkWidget *view = gtk_widget_get_ancestor (child, VIGIL_TYPE_IDENTIFICATION_VIEW);

        vigil_judgement_label_set_judgement (VIGIL_JUDGEMENT_LABEL (child),
                                             view != NULL
                                             ? lookup_judgement (VIGIL_IDENTIFICATION_VIEW (view), row->person_id)
                                             : NULL);
        return;
      }
    default:
      break;
    }

  gtk_label_set_label (GTK_LABEL (child), text ? text : "");
}

static void
add_column (VigilIdentificationView *self,
            ColumnKey                key,
            const char              *title,
            int                      fixed_width,
            gboolean                 sortable)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (key));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (key));

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  else
    gtk_column_view_column_set_expand (column, TRUE);

  if (sortable)
    {
      ColumnSort *sort = g_new0 (ColumnSort, 1);
      g_autoptr(GtkSorter) sorter = NULL;

      sort->view = self;
      sort->key = key;
      sorter = GTK_SORTER (gtk_custom_sorter_new (column_sort_cb, sort, g_free));
      gtk_column_view_column_set_sorter (column, sorter);
    }

  gtk_column_view_append_column (self->column_view, column);
}

static void
add_columns (VigilIdentificationView *self)
{
  add_column (self, COLUMN_RANK, C_("column", "Rank"), 64, TRUE);
  add_column (self, COLUMN_PERSON, C_("column", "Person"), 0, FALSE);
  add_column (self, COLUMN_RECENCY, C_("column", "R"), 44, TRUE);
  add_column (self, COLUMN_FREQUENCY, C_("column", "F"), 44, TRUE);
  add_column (self, COLUMN_GRAVITY, C_("column", "G"), 44, TRUE);
  add_column (self, COLUMN_VICTIMS, C_("column", "V"), 44, TRUE);
  add_column (self, COLUMN_TOTAL, C_("column", "Total"), 64, TRUE);
  add_column (self, COLUMN_AREA, C_("column", "Area"), 116, TRUE);
  add_column (self, COLUMN_AREA_RANK, C_("column", "Area Rank"), 80, TRUE);
  add_column (self, COLUMN_MOVEMENT, C_("column", "Movement"), 88, TRUE);
  add_column (self, COLUMN_COHORT, C_("column", "Cohort"), 76, FALSE);
  add_column (self, COLUMN_JUDGEMENT, C_("column", "Judgement"), 150, FALSE);
}

/* Template callbacks */

static void
search_applied_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VigilIdentificationView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vigil_score_model_set_search_finish (VIGIL_SCORE_MODEL (source), result, &error))
    {
      g_autofree char *title = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;   /* superseded */
      title = g_strdup_printf (_("Could not search: %s"), error->message);
      add_toast (self, title);
    }
  g_clear_object (&self->search_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gboolean
apply_search_cb (gpointer user_data)
{
  VigilIdentificationView *self = user_data;

  self->search_source = 0;
  /* a newer search supersedes the one on its way */
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  if (self->model != NULL)
    {
      self->search_cancellable = g_cancellable_new ();
      vigil_score_model_set_search_async (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                          self->search_cancellable, search_applied_cb, g_object_ref (self));
    }
  return G_SOURCE_REMOVE;
}

static void
search_changed_cb (VigilIdentificationView *self)
{
  g_clear_handle_id (&self->search_source, g_source_remove);
  if (self->model != NULL)
    self->search_source = g_timeout_add (SEARCH_DELAY_MS, apply_search_cb, self);
}

static void
search_stopped_cb (VigilIdentificationView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
filter_toggled_cb (VigilIdentificationView *self,
                   GtkToggleButton         *button)
{
  VigilScoreFilter filter;

  if (self->updating_toggles || !gtk_toggle_button_get_active (button) || self->model == NULL)
    return;

  if (button == self->cohort_toggle)
    filter = VIGIL_SCORE_FILTER_COHORT;
  else if (button == self->movers_toggle)
    filter = VIGIL_SCORE_FILTER_MOVERS;
  else
    filter = VIGIL_SCORE_FILTER_EVERYONE;

  vigil_score_model_set_filter (self->model, filter);
}

static void
selection_changed_cb (VigilIdentificationView *self)
{
  show_explanation (self);
}

/* identification.show-person(x): selects person x in the ranking and explains them */
static void
show_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigilIdentificationView *self = VIGIL_IDENTIFICATION_VIEW (widget);

  if (vigil_identification_view_select_person (self, g_variant_get_int64 (parameter)))
    adw_view_stack_set_visible_child_name (self->side_stack, "explanation");
}

static void
calendar_day_selected_cb (VigilIdentificationView *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  GDate as_of;

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, g_date_time_get_day_of_month (date), g_date_time_get_month (date),
                  g_date_time_get_year (date));
  vigil_identification_view_set_as_of (self, &as_of);
}

static void
today_clicked_cb (VigilIdentificationView *self)
{
  GDate today;

  set_today (&today);
  vigil_identification_view_set_as_of (self, &today);
  gtk_popover_popdown (self->as_of_popover);
}

/* Actions */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  vigil_identification_view_refresh (VIGIL_IDENTIFICATION_VIEW (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  vigil_identification_view_cancel (VIGIL_IDENTIFICATION_VIEW (widget));
}

/* GObject */

static void
vigil_identification_view_dispose (GObject *object)
{
  VigilIdentificationView *self = (VigilIdentificationView *)object;

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_pointer (&self->refresh_profile, vigil_scoring_profile_free);
  g_clear_handle_id (&self->search_source, g_source_remove);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_cancellable_cancel (self->explain_cancellable);
  g_clear_object (&self->explain_cancellable);
  g_clear_pointer (&self->explained, vigil_explained_free);
  g_clear_error (&self->explain_error);

  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_IDENTIFICATION_VIEW);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (object));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (object)))
    gtk_widget_unparent (child);

  g_clear_object (&self->model);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);

  G_OBJECT_CLASS (vigil_identification_view_parent_class)->dispose (object);
}

static void
vigil_identification_view_finalize (GObject *object)
{
  VigilIdentificationView *self = (VigilIdentificationView *)object;

  g_clear_pointer (&self->profile, vigil_scoring_profile_free);
  g_clear_pointer (&self->run_profile, vigil_scoring_profile_free);
  g_clear_pointer (&self->judgements, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (vigil_identification_view_parent_class)->finalize (object);
}

static void
vigil_identification_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  VigilIdentificationView *self = VIGIL_IDENTIFICATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->refresh_cancellable != NULL);
      break;

    case PROP_RUN_ID:
      g_value_set_int64 (value, self->run_id);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, vigil_identification_view_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_identification_view_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  VigilIdentificationView *self = VIGIL_IDENTIFICATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigil_identification_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_identification_view_class_init (VigilIdentificationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_identification_view_dispose;
  object_class->finalize = vigil_identification_view_finalize;
  object_class->get_property = vigil_identification_view_get_property;
  object_class->set_property = vigil_identification_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, "The store whose perpetrators are ranked",
                         VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, "Whether a refresh runs",
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_RUN_ID] =
    g_param_spec_int64 ("run-id", NULL, "The run shown, 0 for none",
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, "Whether the stored run, the judgements, an explanation, "
                          "a search or names are on their way from the store",
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-identification-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, as_of_popover);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, calendar);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, profile_label);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, run_label);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, stored_banner);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, stored_label);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, state_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, cohort_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, everyone_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, movers_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, count_label);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, column_view);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, selection);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, no_rows_page);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, side_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, explanation_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, explanation_box);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, movers_page);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, movers_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, movers_list);
  gtk_widget_class_bind_template_child (widget_class, VigilIdentificationView, no_movers_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);

  gtk_widget_class_install_action (widget_class, "identification.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "identification.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "identification.show-person", "x", show_person_action);
  gtk_widget_class_install_action (widget_class, "identification.record-judgement", "x",
                                   record_judgement_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "identificationview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_identification_view_init (VigilIdentificationView *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  self->profile = vigil_scoring_profile_load_default (&error);
  if (self->profile == NULL)
    g_warning ("The default scoring profile cannot be read: %s", error->message);

  set_today (&self->as_of);
  g_date_clear (&self->run_as_of, 1);

  add_columns (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (view_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Identification"),
                                  -1);

  update_as_of_label (self);
  update_profile_label (self);
  update_actions (self);
  update_count (self);
  fill_movers (self);
}

GtkWidget *
vigil_identification_view_new (void)
{
  return g_object_new (VIGIL_TYPE_IDENTIFICATION_VIEW, NULL);
}

/**
 * vigil_identification_view_get_store:
 *
 * Returns: (nullable) (transfer none): the store ranked
 */
VigilStore *
vigil_identification_view_get_store (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), NULL);
  return self->store;
}

/**
 * vigil_identification_view_set_store:
 * @store: (nullable): the store to rank
 *
 * Cancels a refresh of the previous store and shows @store's latest stored run.
 */
void
vigil_identification_view_set_store (VigilIdentificationView *self,
                                     VigilStore              *store)
{
  g_return_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->refresh_cancellable != NULL)
    {
      g_cancellable_cancel (self->refresh_cancellable);
      finish_refresh (self);
    }
  /* what the previous store still reads is dropped */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->loading_run = FALSE;
  self->loading_judgements = FALSE;

  self->run_id = 0;
  self->previous_run_id = 0;
  self->stored_run = FALSE;
  gtk_widget_set_visible (self->stored_banner, FALSE);
  g_clear_error (&self->error);
  set_model (self, NULL);

  if (store != NULL)
    load_stored_run (self);

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_ID]);
}

/**
 * vigil_identification_view_get_busy:
 *
 * Returns: %TRUE while the stored run, the judgements, an explanation, a search or
 *   names are on their way from the store
 */
gboolean
vigil_identification_view_get_busy (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), FALSE);

  return self->loading_run || self->loading_judgements || self->explaining ||
         self->search_source != 0 || self->search_cancellable != NULL ||
         (self->model != NULL && vigil_score_model_get_loading (self->model));
}

void
vigil_identification_view_refresh (VigilIdentificationView *self)
{
  g_return_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self));

  if (self->refresh_cancellable == NULL && self->store != NULL && self->profile != NULL)
    start_refresh (self);
}

void
vigil_identification_view_cancel (VigilIdentificationView *self)
{
  g_return_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self));

  if (self->refresh_cancellable == NULL)
    return;

  g_cancellable_cancel (self->refresh_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "identification.cancel", FALSE);
  gtk_label_set_label (self->progress_label, _("Cancelling…"));
}

gboolean
vigil_identification_view_is_running (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), FALSE);
  return self->refresh_cancellable != NULL;
}

void
vigil_identification_view_get_as_of (VigilIdentificationView *self,
                                     GDate                   *as_of)
{
  g_return_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self));
  g_return_if_fail (as_of != NULL);

  *as_of = self->as_of;
}

/**
 * vigil_identification_view_set_as_of:
 * @as_of: (nullable): the date of the next refresh, NULL for today
 */
void
vigil_identification_view_set_as_of (VigilIdentificationView *self,
                                     const GDate             *as_of)
{
  g_return_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self));

  if (as_of != NULL && g_date_valid (as_of))
    self->as_of = *as_of;
  else
    set_today (&self->as_of);
  update_as_of_label (self);
}

void
vigil_identification_view_set_profile (VigilIdentificationView   *self,
                                       const VigilScoringProfile *profile)
{
  g_return_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self));
  g_return_if_fail (profile != NULL);

  g_clear_pointer (&self->profile, vigil_scoring_profile_free);
  self->profile = vigil_scoring_profile_copy (profile);
  update_profile_label (self);
  update_actions (self);
}

/**
 * vigil_identification_view_get_model:
 *
 * Returns: (nullable) (transfer none): the ranking shown
 */
VigilScoreModel *
vigil_identification_view_get_model (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), NULL);
  return self->model;
}

gint64
vigil_identification_view_get_run_id (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), 0);
  return self->run_id;
}

gboolean
vigil_identification_view_is_stored_run (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), FALSE);
  return self->stored_run;
}

const char *
vigil_identification_view_get_state (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->state_stack);
}

/**
 * vigil_identification_view_get_error:
 *
 * Returns: (nullable): why the last refresh failed
 */
const GError *
vigil_identification_view_get_error (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), NULL);
  return self->error;
}

void
vigil_identification_view_set_filter (VigilIdentificationView *self,
                                      VigilScoreFilter         filter)
{
  g_return_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self));

  /* The toggles' handler applies it. */
  set_toggles (self, filter);
  if (self->model != NULL)
    vigil_score_model_set_filter (self->model, filter);
}

gboolean
vigil_identification_view_select_person (VigilIdentificationView *self,
                                         gint64                   person_id)
{
  guint position;

  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), FALSE);

  if (self->model == NULL)
    return FALSE;

  position = vigil_score_model_find_person (self->model, person_id);
  if (position == G_MAXUINT)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_handle_id (&self->search_source, g_source_remove);
      g_cancellable_cancel (self->search_cancellable);
      g_clear_object (&self->search_cancellable);
      vigil_score_model_clear_search (self->model);
      vigil_identification_view_set_filter (self, VIGIL_SCORE_FILTER_EVERYONE);
      position = vigil_score_model_find_person (self->model, person_id);
    }
  if (position == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

void
vigil_identification_view_focus_search (VigilIdentificationView *self)
{
  g_return_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
vigil_identification_view_show_movers (VigilIdentificationView *self)
{
  g_return_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self));
  adw_view_stack_set_visible_child_name (self->side_stack, "movers");
}

GtkColumnView *
vigil_identification_view_get_column_view (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), NULL);
  return self->column_view;
}

GtkSearchEntry *
vigil_identification_view_get_search_entry (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), NULL);
  return self->search_entry;
}

GtkProgressBar *
vigil_identification_view_get_progress_bar (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), NULL);
  return self->progress_bar;
}

GtkWidget *
vigil_identification_view_get_explanation (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), NULL);
  return GTK_WIDGET (self->explanation_box);
}

GtkListBox *
vigil_identification_view_get_movers_list (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), NULL);
  return self->movers_list;
}

GtkWidget *
vigil_identification_view_get_stored_banner (VigilIdentificationView *self)
{
  g_return_val_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self), NULL);
  return self->stored_banner;
}

void
vigil_identification_view_set_hold_for_testing (VigilIdentificationView *self,
                                                gboolean                 hold)
{
  g_return_if_fail (VIGIL_IS_IDENTIFICATION_VIEW (self));
  self->hold_for_testing = !!hold;
}
