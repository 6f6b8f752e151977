/* vigil-evaluation-model.c: the Evaluation page's state (its view model)
 *
 * The evaluation reads the fact set and every managed person's records: it runs in a
 * worker's own connection (vigil_evaluation_run_async) each time a filter changes; a
 * newer run cancels the one before, and a superseded run's result and progress are
 * dropped. It holds aggregates only (no names).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-evaluation-model"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-evaluation-charts.h"
#include "vigil-evaluation-model.h"

#define EXPORT_WIDTH  1600
#define EXPORT_HEIGHT 1000

struct _VigilEvaluationModel
{
  GObject          parent_instance;

  VigilStore      *store;
  guint            window;
  char            *adopted_from;
  char            *adopted_to;
  char            *route;
  char            *area;
  char            *category;
  GStrv            areas;
  GCancellable    *cancellable;   /* the run in progress, NULL: none */
  double           fraction;
  char            *message;
  gboolean         message_is_error;
  VigilEvaluation *evaluation;
  char            *chart_name;
  VigilChart      *chart;
};

G_DEFINE_FINAL_TYPE (VigilEvaluationModel, vigil_evaluation_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_WINDOW,
  PROP_ADOPTED_FROM,
  PROP_ADOPTED_TO,
  PROP_AREAS,
  PROP_BUSY,
  PROP_FRACTION,
  PROP_MESSAGE,
  PROP_MESSAGE_IS_ERROR,
  PROP_CHART_NAME,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* the "window" property's choices, in the filter's order */
static const int windows[VIGIL_EVALUATION_MODEL_N_WINDOWS][2] = {
  { 6, 12 }, { 3, 0 }, { 6, 0 }, { 12, 0 }, { 24, 0 },
};

/* ------------------------------------------------------------------------------------
 * State
 * ------------------------------------------------------------------------------------ */

static void
set_busy (VigilEvaluationModel *self,
          GCancellable         *cancellable)
{
  gboolean was_busy = self->cancellable != NULL;

  g_set_object (&self->cancellable, cancellable);
  if (cancellable != NULL && self->fraction != 0.0)
    {
      self->fraction = 0.0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (was_busy != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_chart (VigilEvaluationModel *self)
{
  g_clear_pointer (&self->chart, vigil_chart_unref);
  if (self->evaluation != NULL)
    self->chart = vigil_evaluation_chart_new (self->evaluation, self->chart_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

static void
set_evaluation (VigilEvaluationModel *self,
                VigilEvaluation      *evaluation)
{
  g_clear_pointer (&self->evaluation, vigil_evaluation_free);
  self->evaluation = evaluation;
  update_chart (self);
}

static void
show_summary (VigilEvaluationModel *self)
{
  g_autofree char *text = NULL;
  VigilWindowSummary summary;
  const VigilEvaluationOptions *options;

  if (self->evaluation == NULL)
    return;
  options = vigil_evaluation_get_options (self->evaluation);
  vigil_evaluation_summarise (self->evaluation, VIGIL_EVALUATION_MANAGED, 0, &summary);
  /* Translators: the evaluation's one-line summary */
  text = g_strdup_printf (_("%u managed people (%u observed for %d months after entry), %u in the comparison group · "
                            "data to %s"),
                          vigil_evaluation_count_group (self->evaluation, VIGIL_EVALUATION_MANAGED),
                          summary.observable, options->window_months[0],
                          vigil_evaluation_count_group (self->evaluation, VIGIL_EVALUATION_COMPARISON),
                          vigil_evaluation_get_end_date (self->evaluation));
  vigil_evaluation_model_report (self, text, FALSE);
}

/* Sets *@field to @value (a copy; blank is NULL); TRUE when it changed. */
static gboolean
set_text (char       **field,
          const char  *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  if (g_strcmp0 (*field, copy) == 0)
    return FALSE;
  g_free (*field);
  *field = g_steal_pointer (&copy);
  return TRUE;
}

static void
set_areas (VigilEvaluationModel *self,
           GPtrArray            *areas)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  for (guint i = 0; areas != NULL && i < areas->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (areas, i));
  g_strfreev (self->areas);
  self->areas = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  /* the choice is "any area" again: the evaluation running is the one for it */
  g_clear_pointer (&self->area, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREAS]);
}

/* ------------------------------------------------------------------------------------
 * Running the evaluation
 * ------------------------------------------------------------------------------------ */

/* The progress of one run, for as long as it is the model's current one. */
typedef struct
{
  GWeakRef      model;
  GCancellable *cancellable;
} RunProgress;

static void
run_progress_free (RunProgress *progress)
{
  g_weak_ref_clear (&progress->model);
  g_clear_object (&progress->cancellable);
  g_free (progress);
}

static void
run_progress_cb (double      fraction,
                 const char *message,
                 gpointer    user_data)
{
  RunProgress *progress = user_data;
  g_autoptr(VigilEvaluationModel) self = g_weak_ref_get (&progress->model);

  if (self == NULL || self->cancellable != progress->cancellable)
    return;   /* superseded */
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  if (message != NULL)
    vigil_evaluation_model_report (self, message, FALSE);
}

static void
evaluation_finished_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(VigilEvaluationModel) self = user_data;
  g_autoptr(GError) error = NULL;
  VigilEvaluation *evaluation = vigil_evaluation_run_finish (VIGIL_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* a newer run replaced this one, or the user cancelled it */
      if (g_task_get_cancellable (G_TASK (result)) == self->cancellable)
        {
          set_busy (self, NULL);
          vigil_evaluation_model_report (self, _("Cancelled: the charts show the evaluation before."), FALSE);
        }
      return;
    }
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      /* superseded */
      g_clear_pointer (&evaluation, vigil_evaluation_free);
      return;
    }
  set_busy (self, NULL);
  if (evaluation == NULL)
    {
      vigil_evaluation_model_report (self, error->message, TRUE);
      return;
    }
  set_evaluation (self, evaluation);
  show_summary (self);
}

void
vigil_evaluation_model_refresh (VigilEvaluationModel *self)
{
  g_auto(VigilEvaluationOptions) options = { 0 };
  g_autoptr(GCancellable) cancellable = NULL;
  RunProgress *progress;

  g_return_if_fail (VIGIL_IS_EVALUATION_MODEL (self));

  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->cancellable);

  vigil_evaluation_options_init (&options);
  options.window_months[0] = windows[self->window][0];
  options.window_months[1] = windows[self->window][1];
  options.n_windows = windows[self->window][1] > 0 ? 2 : 1;
  options.adopted_from = g_strdup (self->adopted_from);
  options.adopted_to = g_strdup (self->adopted_to);
  options.route = g_strdup (self->route);
  options.area = g_strdup (self->area);
  options.category = g_strdup (self->category);

  cancellable = g_cancellable_new ();
  set_busy (self, cancellable);
  vigil_evaluation_model_report (self, _("Evaluating the cohort…"), FALSE);
  progress = g_new0 (RunProgress, 1);
  g_weak_ref_init (&progress->model, self);
  progress->cancellable = g_object_ref (cancellable);
  vigil_evaluation_run_async (self->store, NULL, &options, run_progress_cb, progress,
                              (GDestroyNotify) run_progress_free, cancellable,
                              evaluation_finished_cb, g_object_ref (self));
}

void
vigil_evaluation_model_cancel (VigilEvaluationModel *self)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_MODEL (self));

  g_cancellable_cancel (self->cancellable);
}

/* ------------------------------------------------------------------------------------
 * The store
 * ------------------------------------------------------------------------------------ */

static void
areas_listed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VigilEvaluationModel) self = user_data;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;

  areas = vigil_evaluation_list_areas_finish (VIGIL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || VIGIL_STORE (source) != self->store)
    return;
  if (areas == NULL)
    g_warning ("Cannot list the cohort's areas: %s", error->message);
  set_areas (self, areas);
}

void
vigil_evaluation_model_set_store (VigilEvaluationModel *self,
                                  VigilStore           *store)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_MODEL (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_cancellable_cancel (self->cancellable);
  set_busy (self, NULL);
  set_evaluation (self, NULL);
  vigil_evaluation_model_report (self, NULL, FALSE);
  /* the area filter's choices, read off the main thread; "any area" until then */
  set_areas (self, NULL);
  if (store != NULL)
    vigil_evaluation_list_areas_async (store, NULL, areas_listed_cb, g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  vigil_evaluation_model_refresh (self);
}

/* ------------------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------------------ */

static void
vigil_evaluation_model_dispose (GObject *object)
{
  VigilEvaluationModel *self = VIGIL_EVALUATION_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->chart, vigil_chart_unref);
  g_clear_pointer (&self->evaluation, vigil_evaluation_free);

  G_OBJECT_CLASS (vigil_evaluation_model_parent_class)->dispose (object);
}

static void
vigil_evaluation_model_finalize (GObject *object)
{
  VigilEvaluationModel *self = VIGIL_EVALUATION_MODEL (object);

  g_free (self->adopted_from);
  g_free (self->adopted_to);
  g_free (self->route);
  g_free (self->area);
  g_free (self->category);
  g_strfreev (self->areas);
  g_free (self->message);
  g_free (self->chart_name);

  G_OBJECT_CLASS (vigil_evaluation_model_parent_class)->finalize (object);
}

static void
vigil_evaluation_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  VigilEvaluationModel *self = VIGIL_EVALUATION_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_WINDOW:
      g_value_set_uint (value, self->window);
      break;

    case PROP_ADOPTED_FROM:
      g_value_set_string (value, self->adopted_from);
      break;

    case PROP_ADOPTED_TO:
      g_value_set_string (value, self->adopted_to);
      break;

    case PROP_AREAS:
      g_value_set_boxed (value, self->areas);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, vigil_evaluation_model_get_busy (self));
      break;

    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_MESSAGE_IS_ERROR:
      g_value_set_boolean (value, self->message_is_error);
      break;

    case PROP_CHART_NAME:
      g_value_set_string (value, self->chart_name);
      break;

    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_evaluation_model_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  VigilEvaluationModel *self = VIGIL_EVALUATION_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigil_evaluation_model_set_store (self, g_value_get_object (value));
      break;

    case PROP_WINDOW:
      vigil_evaluation_model_set_window (self, g_value_get_uint (value));
      break;

    case PROP_ADOPTED_FROM:
      vigil_evaluation_model_set_adopted_from (self, g_value_get_string (value));
      break;

    case PROP_ADOPTED_TO:
      vigil_evaluation_model_set_adopted_to (self, g_value_get_string (value));
      break;

    case PROP_CHART_NAME:
      vigil_evaluation_model_set_chart_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_evaluation_model_class_init (VigilEvaluationModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_evaluation_model_dispose;
  object_class->finalize = vigil_evaluation_model_finalize;
  object_class->get_property = vigil_evaluation_model_get_property;
  object_class->set_property = vigil_evaluation_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, "The store evaluated", VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINDOW] =
    g_param_spec_uint ("window", NULL, "The windows before and after entry (a choice's index)",
                       0, VIGIL_EVALUATION_MODEL_N_WINDOWS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADOPTED_FROM] =
    g_param_spec_string ("adopted-from", NULL, "People adopted on or after (YYYY-MM-DD, as typed)", NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADOPTED_TO] =
    g_param_spec_string ("adopted-to", NULL, "People adopted on or before (YYYY-MM-DD, as typed)", NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AREAS] =
    g_param_spec_boxed ("areas", NULL, "The cohort's areas", G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, "Whether an evaluation runs", FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, "How far the run is", 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, "What the page says: progress, summary or problem", NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE_IS_ERROR] =
    g_param_spec_boolean ("message-is-error", NULL, "Whether the message is a problem", FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHART_NAME] =
    g_param_spec_string ("chart-name", NULL, "The chart chosen", NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, "The chart chosen, of the latest evaluation", VIGIL_TYPE_CHART,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_evaluation_model_init (VigilEvaluationModel *self)
{
  self->areas = g_new0 (char *, 1);
  self->chart_name = g_strdup (vigil_evaluation_chart_names[0]);
}

/* ------------------------------------------------------------------------------------
 * Public
 * ------------------------------------------------------------------------------------ */

VigilEvaluationModel *
vigil_evaluation_model_new (void)
{
  return g_object_new (VIGIL_TYPE_EVALUATION_MODEL, NULL);
}

VigilStore *
vigil_evaluation_model_get_store (VigilEvaluationModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_MODEL (self), NULL);

  return self->store;
}

guint
vigil_evaluation_model_get_window (VigilEvaluationModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_MODEL (self), 0);

  return self->window;
}

void
vigil_evaluation_model_set_window (VigilEvaluationModel *self,
                                   guint                 window)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_MODEL (self));
  g_return_if_fail (window < VIGIL_EVALUATION_MODEL_N_WINDOWS);

  if (self->window == window)
    return;
  self->window = window;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW]);
  vigil_evaluation_model_refresh (self);
}

void
vigil_evaluation_model_set_adopted_from (VigilEvaluationModel *self,
                                         const char           *date)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_MODEL (self));

  if (set_text (&self->adopted_from, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADOPTED_FROM]);
}

void
vigil_evaluation_model_set_adopted_to (VigilEvaluationModel *self,
                                       const char           *date)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_MODEL (self));

  if (set_text (&self->adopted_to, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADOPTED_TO]);
}

void
vigil_evaluation_model_set_route (VigilEvaluationModel *self,
                                  const char           *route)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_MODEL (self));

  if (set_text (&self->route, route))
    vigil_evaluation_model_refresh (self);
}

void
vigil_evaluation_model_set_area (VigilEvaluationModel *self,
                                 const char           *area)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_MODEL (self));

  if (set_text (&self->area, area))
    vigil_evaluation_model_refresh (self);
}

void
vigil_evaluation_model_set_category (VigilEvaluationModel *self,
                                     const char           *category)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_MODEL (self));

  if (set_text (&self->category, category))
    vigil_evaluation_model_refresh (self);
}

const char * const *
vigil_evaluation_model_get_areas (VigilEvaluationModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_MODEL (self), NULL);

  return (const char * const *) self->areas;
}

gboolean
vigil_evaluation_model_get_busy (VigilEvaluationModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_MODEL (self), FALSE);

  return self->cancellable != NULL;
}

double
vigil_evaluation_model_get_fraction (VigilEvaluationModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_MODEL (self), 0.0);

  return self->fraction;
}

const char *
vigil_evaluation_model_get_message (VigilEvaluationModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_MODEL (self), NULL);

  return self->message;
}

gboolean
vigil_evaluation_model_get_message_is_error (VigilEvaluationModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_MODEL (self), FALSE);

  return self->message_is_error;
}

void
vigil_evaluation_model_report (VigilEvaluationModel *self,
                               const char           *message,
                               gboolean              is_error)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_MODEL (self));

  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (self->message_is_error != is_error)
    {
      self->message_is_error = is_error;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE_IS_ERROR]);
    }
}

const VigilEvaluation *
vigil_evaluation_model_get_evaluation (VigilEvaluationModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_MODEL (self), NULL);

  return self->evaluation;
}

const char *
vigil_evaluation_model_get_chart_name (VigilEvaluationModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_MODEL (self), NULL);

  return self->chart_name;
}

void
vigil_evaluation_model_set_chart_name (VigilEvaluationModel *self,
                                       const char           *name)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_MODEL (self));
  g_return_if_fail (name != NULL && g_strv_contains (vigil_evaluation_chart_names, name));

  if (g_strcmp0 (self->chart_name, name) == 0 && (self->chart != NULL || self->evaluation == NULL))
    return;
  g_free (self->chart_name);
  self->chart_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_NAME]);
  update_chart (self);
}

VigilChart *
vigil_evaluation_model_get_chart (VigilEvaluationModel *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_MODEL (self), NULL);

  return self->chart;
}

gboolean
vigil_evaluation_model_export_chart (VigilEvaluationModel *self,
                                     const char           *path,
                                     GError              **error)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_MODEL (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is no chart to export yet."));
      return FALSE;
    }
  /* documents and slides: the light style, whatever the screen's */
  return vigil_chart_export (self->chart, path, EXPORT_WIDTH, EXPORT_HEIGHT, VIGIL_CHART_STYLE_LIGHT, error);
}
