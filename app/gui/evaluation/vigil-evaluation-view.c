/* vigil-evaluation-view.c: the Evaluation page (principle 8)
 *
 * A template (vigil-evaluation-view.ui) whose sections are template widgets of their
 * own, the filters (VigilEvaluationFilters) and the chart with its table
 * (VigilEvaluationChartPane), all bound to one view model (VigilEvaluationModel) that
 * holds the filters, the run in progress and its result. Its buttons are the page's
 * actions: evaluation.refresh, evaluation.cancel and evaluation.export. It shows
 * aggregates only (no names), so it is safe on a projection screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-evaluation-view"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-evaluation-chart-pane.h"
#include "vigil-evaluation-charts.h"
#include "vigil-evaluation-filters.h"
#include "vigil-evaluation-model.h"
#include "vigil-evaluation-view.h"

struct _VigilEvaluationView
{
  GtkWidget                 parent_instance;

  /* Template widgets */
  VigilEvaluationFilters   *filters;
  GtkLabel                 *message;
  GtkListBox               *chart_list;
  VigilEvaluationChartPane *chart_pane;

  /* Owned references */
  VigilEvaluationModel     *model;
};

G_DEFINE_FINAL_TYPE (VigilEvaluationView, vigil_evaluation_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------
 * The model
 * ------------------------------------------------------------------------------------ */

static void
message_is_error_changed_cb (VigilEvaluationView *self)
{
  if (vigil_evaluation_model_get_message_is_error (self->model))
    gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message), "error");
}

static void
chart_changed_cb (VigilEvaluationView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.export",
                                 vigil_evaluation_model_get_chart (self->model) != NULL);
}

static void
chart_row_selected_cb (VigilEvaluationView *self,
                       GtkListBoxRow       *row)
{
  if (row != NULL)
    vigil_evaluation_model_set_chart_name (self->model, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* ------------------------------------------------------------------------------------
 * Actions
 * ------------------------------------------------------------------------------------ */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  vigil_evaluation_model_refresh (VIGIL_EVALUATION_VIEW (widget)->model);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  vigil_evaluation_model_cancel (VIGIL_EVALUATION_VIEW (widget)->model);
}

static void
chooser_response_cb (GtkNativeDialog     *dialog,
                     int                  response,
                     VigilEvaluationView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && vigil_evaluation_model_export_chart (self->model, path, &error))
        {
          g_autofree char *basename = g_path_get_basename (path);
          /* Translators: %s: a file name */
          g_autofree char *text = g_strdup_printf (_("Saved %s."), basename);

          vigil_evaluation_model_report (self->model, text, FALSE);
        }
      else if (error != NULL)
        vigil_evaluation_model_report (self->model, error->message, TRUE);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VigilEvaluationView *self = VIGIL_EVALUATION_VIEW (widget);
  VigilChart *chart = vigil_evaluation_model_get_chart (self->model);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (chart == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s-%s.png", vigil_chart_get_name (chart),
                          vigil_evaluation_get_end_date (vigil_evaluation_model_get_evaluation (self->model)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Any of PNG, SVG, PDF or CSV"), "*");
  add_filter (GTK_FILE_CHOOSER (chooser), _("PNG image"), "*.png");
  add_filter (GTK_FILE_CHOOSER (chooser), _("SVG image"), "*.svg");
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF document"), "*.pdf");
  add_filter (GTK_FILE_CHOOSER (chooser), _("The numbers, as CSV"), "*.csv");
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------------------ */

static void
vigil_evaluation_view_dispose (GObject *object)
{
  VigilEvaluationView *self = VIGIL_EVALUATION_VIEW (object);
  GtkWidget *child;

  /* a run on its way finishes into the model, which it keeps until then */
  if (self->model != NULL)
    {
      vigil_evaluation_model_cancel (self->model);
      g_signal_handlers_disconnect_by_data (self->model, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_EVALUATION_VIEW);
  /* the template's children that are not bound, as a GtkWidget's own */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (vigil_evaluation_view_parent_class)->dispose (object);
}

static void
vigil_evaluation_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VigilEvaluationView *self = VIGIL_EVALUATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_evaluation_view_class_init (VigilEvaluationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_evaluation_view_dispose;
  object_class->get_property = vigil_evaluation_view_get_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, "The page's state", VIGIL_TYPE_EVALUATION_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "evaluation");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (VIGIL_TYPE_EVALUATION_MODEL);
  g_type_ensure (VIGIL_TYPE_EVALUATION_FILTERS);
  g_type_ensure (VIGIL_TYPE_EVALUATION_CHART_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-evaluation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationView, filters);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationView, message);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationView, chart_list);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationView, chart_pane);
  gtk_widget_class_bind_template_callback (widget_class, chart_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "evaluation.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "evaluation.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "evaluation.export", NULL, export_action);
}

static void
vigil_evaluation_view_init (VigilEvaluationView *self)
{
  self->model = vigil_evaluation_model_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->model, "notify::message-is-error", G_CALLBACK (message_is_error_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::chart", G_CALLBACK (chart_changed_cb), self, G_CONNECT_SWAPPED);
  vigil_evaluation_filters_set_model (self->filters, self->model);
  vigil_evaluation_chart_pane_set_model (self->chart_pane, self->model);
  gtk_list_box_select_row (self->chart_list, gtk_list_box_get_row_at_index (self->chart_list, 0));
  chart_changed_cb (self);
}

/* ------------------------------------------------------------------------------------
 * Public
 * ------------------------------------------------------------------------------------ */

void
vigil_evaluation_view_set_store (VigilEvaluationView *self,
                                 VigilStore          *store)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_VIEW (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  vigil_evaluation_model_set_store (self->model, store);
}

void
vigil_evaluation_view_refresh (VigilEvaluationView *self)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_VIEW (self));

  vigil_evaluation_model_refresh (self->model);
}

gboolean
vigil_evaluation_view_is_busy (VigilEvaluationView *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_VIEW (self), FALSE);

  return vigil_evaluation_model_get_busy (self->model);
}

const VigilEvaluation *
vigil_evaluation_view_get_evaluation (VigilEvaluationView *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_VIEW (self), NULL);

  return vigil_evaluation_model_get_evaluation (self->model);
}

gboolean
vigil_evaluation_view_show_chart (VigilEvaluationView *self,
                                  const char          *name)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_VIEW (self), FALSE);

  for (guint i = 0; vigil_evaluation_chart_names[i] != NULL; i++)
    if (g_strcmp0 (vigil_evaluation_chart_names[i], name) == 0)
      {
        gtk_list_box_select_row (self->chart_list, gtk_list_box_get_row_at_index (self->chart_list, (int) i));
        return TRUE;
      }
  return FALSE;
}

VigilChart *
vigil_evaluation_view_get_chart (VigilEvaluationView *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_VIEW (self), NULL);

  return vigil_evaluation_model_get_chart (self->model);
}

gboolean
vigil_evaluation_view_export_chart (VigilEvaluationView *self,
                                    const char          *path,
                                    GError             **error)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_VIEW (self), FALSE);

  return vigil_evaluation_model_export_chart (self->model, path, error);
}

VigilEvaluationModel *
vigil_evaluation_view_get_model (VigilEvaluationView *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_VIEW (self), NULL);

  return self->model;
}
