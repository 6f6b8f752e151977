/* vigil-evaluation-view.c: the Evaluation page (principle 8)
 *
 * The evaluation reads the fact set and every managed person's records: it runs in a
 * worker's own connection (vigil_evaluation_run_async: a progress bar with how far it
 * is, Cancel) each time a filter changes; a newer run cancels the one before. It shows aggregates only (no names), so it is safe on a
 * projection screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-evaluation-view"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "vigil-chart-view.h"
#include "vigil-evaluation-charts.h"
#include "vigil-evaluation-view.h"
#include "vigil-table-row.h"

#define EXPORT_WIDTH  1600
#define EXPORT_HEIGHT 1000

struct _VigilEvaluationView
{
  GtkWidget       parent_instance;

  /* Children */
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkDropDown    *window_dropdown;
  GtkDropDown    *route_dropdown;
  GtkDropDown    *area_dropdown;
  GtkDropDown    *category_dropdown;
  GtkWidget      *refresh_button;
  GtkWidget      *export_button;
  GtkWidget      *busy_box;
  GtkProgressBar *progress;
  GtkWidget      *cancel_button;
  GtkLabel       *message;
  GtkListBox     *chart_list;
  GtkWidget      *chart_view;
  GtkLabel       *table_title;
  GtkColumnView  *table;
  GListStore     *table_rows;   /* VigilTableRow, the chart's table row by row */

  /* Owned */
  VigilStore     *store;
  VigilEvaluation *evaluation;
  VigilChart     *chart;
  char           *chart_name;
  GPtrArray      *areas;          /* the area drop-down's codes after "Any area" */
  GCancellable   *cancellable;
  gboolean        filling;        /* the drop-downs are being refilled */
};

G_DEFINE_FINAL_TYPE (VigilEvaluationView, vigil_evaluation_view, GTK_TYPE_WIDGET)

/* the window drop-down's items */
static const struct
{
  int         months[2];
  const char *label;
} windows[] = {
  { { 6, 12 }, N_("6 and 12 months") },
  { { 3, 0 }, N_("3 months") },
  { { 6, 0 }, N_("6 months") },
  { { 12, 0 }, N_("12 months") },
  { { 24, 0 }, N_("24 months") },
};

static const struct
{
  const char *name;
  const char *label;
} charts[] = {
  { "before-after", N_("Before and after entry") },
  { "survival", N_("Time to next incident") },
  { "scores", N_("Score after entry") },
  { "cohort-size", N_("Cohort size") },
  { "interventions", N_("Interventions") },
  { "score-histogram", N_("Score histogram") },
  { "outcomes", N_("Victim and IDVA outcomes") },
};

/* ------------------------------------------------------------------------------------
 * The chart and its table
 * ------------------------------------------------------------------------------------ */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* @user_data: the column's index */
static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  VigilTableRow *row = gtk_list_item_get_item (item);
  const char *text = vigil_table_row_get_cell (row, GPOINTER_TO_UINT (user_data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static void
fill_table (VigilEvaluationView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);
  guint n_columns = self->chart != NULL ? vigil_chart_get_table_n_columns (self->chart) : 0;
  guint n_rows = self->chart != NULL ? vigil_chart_get_table_n_rows (self->chart) : 0;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->table, column);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (vigil_chart_get_table_column (self->chart, c), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->table, column);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      GStrv cells = g_new0 (char *, n_columns + 1);

      for (guint c = 0; c < n_columns; c++)
        cells[c] = g_strdup (vigil_chart_get_table_cell (self->chart, r, c));
      g_ptr_array_add (rows, vigil_table_row_new (cells));
    }
  g_list_store_splice (self->table_rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->table_rows)),
                       rows->pdata, rows->len);
}

static void
show_current_chart (VigilEvaluationView *self)
{
  g_clear_pointer (&self->chart, vigil_chart_unref);
  if (self->evaluation != NULL)
    self->chart = vigil_evaluation_chart_new (self->evaluation, self->chart_name);
  vigil_chart_view_set_chart (VIGIL_CHART_VIEW (self->chart_view), self->chart);
  if (self->chart != NULL)
    {
      /* Translators: above the table beside a chart */
      g_autofree char *title = g_strdup_printf (_("Numbers behind “%s”"), vigil_chart_get_title (self->chart));

      gtk_label_set_text (self->table_title, title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
  else
    gtk_label_set_text (self->table_title, "");
  gtk_widget_set_sensitive (self->export_button, self->chart != NULL);
  fill_table (self);
}

static void
chart_row_selected_cb (GtkListBox          *list,
                       GtkListBoxRow       *row,
                       VigilEvaluationView *self)
{
  const char *name;

  if (row == NULL)
    return;
  name = gtk_widget_get_name (GTK_WIDGET (row));
  if (g_strcmp0 (name, self->chart_name) == 0 && self->chart != NULL)
    return;
  g_free (self->chart_name);
  self->chart_name = g_strdup (name);
  show_current_chart (self);
}

gboolean
vigil_evaluation_view_show_chart (VigilEvaluationView *self,
                                  const char          *name)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_VIEW (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (g_strcmp0 (charts[i].name, name) == 0)
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
  return self->chart;
}

const VigilEvaluation *
vigil_evaluation_view_get_evaluation (VigilEvaluationView *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_VIEW (self), NULL);
  return self->evaluation;
}

/* ------------------------------------------------------------------------------------
 * Running the evaluation
 * ------------------------------------------------------------------------------------ */

static void show_message (VigilEvaluationView *self, const char *text, gboolean is_error);

/* The progress of one run, for as long as it is the view's current one. */
typedef struct
{
  GWeakRef      view;
  GCancellable *cancellable;
} RunProgress;

static void
run_progress_free (RunProgress *progress)
{
  g_weak_ref_clear (&progress->view);
  g_clear_object (&progress->cancellable);
  g_free (progress);
}

static void
run_progress_cb (double      fraction,
                 const char *message,
                 gpointer    user_data)
{
  RunProgress *progress = user_data;
  g_autoptr(VigilEvaluationView) self = g_weak_ref_get (&progress->view);

  if (self == NULL || self->cancellable != progress->cancellable)
    return;   /* superseded */
  gtk_progress_bar_set_fraction (self->progress, fraction);
  if (message != NULL)
    show_message (self, message, FALSE);
}

static void
set_busy (VigilEvaluationView *self,
          gboolean             busy)
{
  gtk_widget_set_visible (self->busy_box, busy);
  if (busy)
    gtk_progress_bar_set_fraction (self->progress, 0.0);
}

static void
show_message (VigilEvaluationView *self,
              const char          *text,
              gboolean             is_error)
{
  gtk_label_set_text (self->message, text != NULL ? text : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message), "error");
}

static void
show_summary (VigilEvaluationView *self)
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
  show_message (self, text, FALSE);
}

static void
evaluation_finished_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(VigilEvaluationView) self = user_data;
  g_autoptr(GError) error = NULL;
  VigilEvaluation *evaluation = vigil_evaluation_run_finish (VIGIL_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* a newer run replaced this one, or the user cancelled it */
      if (g_task_get_cancellable (G_TASK (result)) == self->cancellable)
        {
          g_clear_object (&self->cancellable);
          set_busy (self, FALSE);
          show_message (self, _("Cancelled: the charts show the evaluation before."), FALSE);
        }
      return;
    }
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      /* superseded */
      g_clear_pointer (&evaluation, vigil_evaluation_free);
      return;
    }
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (evaluation == NULL)
    {
      show_message (self, error->message, TRUE);
      return;
    }
  g_clear_pointer (&self->evaluation, vigil_evaluation_free);
  self->evaluation = evaluation;
  show_summary (self);
  show_current_chart (self);
}

static char *
dup_entry_date (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

void
vigil_evaluation_view_refresh (VigilEvaluationView *self)
{
  g_auto(VigilEvaluationOptions) options = { 0 };
  RunProgress *progress;
  guint window, route, area, category;

  g_return_if_fail (VIGIL_IS_EVALUATION_VIEW (self));

  if (self->store == NULL || self->filling)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  vigil_evaluation_options_init (&options);
  window = gtk_drop_down_get_selected (self->window_dropdown);
  if (window < G_N_ELEMENTS (windows))
    {
      options.window_months[0] = windows[window].months[0];
      options.window_months[1] = windows[window].months[1];
      options.n_windows = windows[window].months[1] > 0 ? 2 : 1;
    }
  options.adopted_from = dup_entry_date (self->from_entry);
  options.adopted_to = dup_entry_date (self->to_entry);
  route = gtk_drop_down_get_selected (self->route_dropdown);
  if (route != GTK_INVALID_LIST_POSITION && route > 0)
    options.route = g_strdup (vigil_route_choices[route - 1]);
  area = gtk_drop_down_get_selected (self->area_dropdown);
  if (area != GTK_INVALID_LIST_POSITION && area > 0 && area - 1 < self->areas->len)
    options.area = g_strdup (g_ptr_array_index (self->areas, area - 1));
  category = gtk_drop_down_get_selected (self->category_dropdown);
  if (category != GTK_INVALID_LIST_POSITION && category > 0)
    options.category = g_strdup (vigil_tactical_category_choices[category - 1]);

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  show_message (self, _("Evaluating the cohort…"), FALSE);
  progress = g_new0 (RunProgress, 1);
  g_weak_ref_init (&progress->view, self);
  progress->cancellable = g_object_ref (self->cancellable);
  vigil_evaluation_run_async (self->store, NULL, &options, run_progress_cb, progress,
                              (GDestroyNotify) run_progress_free, self->cancellable,
                              evaluation_finished_cb, g_object_ref (self));
}

gboolean
vigil_evaluation_view_is_busy (VigilEvaluationView *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

static void
cancel_clicked_cb (GtkButton           *button,
                   VigilEvaluationView *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
refresh_clicked_cb (GtkButton           *button,
                    VigilEvaluationView *self)
{
  vigil_evaluation_view_refresh (self);
}

static void
filter_changed_cb (GObject             *object,
                   GParamSpec          *pspec,
                   VigilEvaluationView *self)
{
  vigil_evaluation_view_refresh (self);
}

static void
entry_activate_cb (GtkEntry            *entry,
                   VigilEvaluationView *self)
{
  vigil_evaluation_view_refresh (self);
}

/* ------------------------------------------------------------------------------------
 * Export
 * ------------------------------------------------------------------------------------ */

gboolean
vigil_evaluation_view_export_chart (VigilEvaluationView *self,
                                    const char          *path,
                                    GError             **error)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is no chart to export yet."));
      return FALSE;
    }
  /* documents and slides: the light style, whatever the screen's */
  return vigil_chart_export (self->chart, path, EXPORT_WIDTH, EXPORT_HEIGHT, VIGIL_CHART_STYLE_LIGHT, error);
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

      if (path != NULL && vigil_evaluation_view_export_chart (self, path, &error))
        {
          g_autofree char *basename = g_path_get_basename (path);
          /* Translators: %s: a file name */
          g_autofree char *text = g_strdup_printf (_("Saved %s."), basename);

          show_message (self, text, FALSE);
        }
      else if (error != NULL)
        show_message (self, error->message, TRUE);
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
export_clicked_cb (GtkButton           *button,
                   VigilEvaluationView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->chart == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s-%s.png", vigil_chart_get_name (self->chart),
                          vigil_evaluation_get_end_date (self->evaluation));
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
 * The store
 * ------------------------------------------------------------------------------------ */

static void
set_areas (VigilEvaluationView *self,
           GPtrArray           *areas)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->areas, 0);
  gtk_string_list_append (labels, _("Any area"));
  for (guint i = 0; areas != NULL && i < areas->len; i++)
    {
      g_ptr_array_add (self->areas, g_strdup (g_ptr_array_index (areas, i)));
      gtk_string_list_append (labels, g_ptr_array_index (areas, i));
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->area_dropdown, 0);
  self->filling = FALSE;
}

static void
areas_listed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VigilEvaluationView) self = user_data;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;

  areas = vigil_evaluation_list_areas_finish (VIGIL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || VIGIL_STORE (source) != self->store)
    return;
  if (areas == NULL)
    g_warning ("Cannot list the cohort's areas: %s", error->message);
  /* the choice stays "Any area": the evaluation running is the one for it */
  set_areas (self, areas);
}

/* The area filter's choices, read off the main thread; "Any area" until then. */
static void
fill_areas (VigilEvaluationView *self)
{
  set_areas (self, NULL);
  if (self->store != NULL)
    vigil_evaluation_list_areas_async (self->store, NULL, areas_listed_cb, g_object_ref (self));
}

void
vigil_evaluation_view_set_store (VigilEvaluationView *self,
                                 VigilStore          *store)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_VIEW (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  g_clear_pointer (&self->evaluation, vigil_evaluation_free);
  show_current_chart (self);
  show_message (self, NULL, FALSE);
  fill_areas (self);
  if (store != NULL)
    vigil_evaluation_view_refresh (self);
}

/* ------------------------------------------------------------------------------------
 * Building the page
 * ------------------------------------------------------------------------------------ */

/* Takes @labels. */
static GtkDropDown *
new_dropdown (const char    *name,
              const char    *accessible_label,
              GtkStringList *labels)
{
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);

  gtk_widget_set_name (dropdown, name);
  gtk_widget_set_tooltip_text (dropdown, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return GTK_DROP_DOWN (dropdown);
}

static GtkEntry *
new_date_entry (const char *name,
                const char *placeholder,
                const char *accessible_label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, name);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 12);
  gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_widget_set_tooltip_text (entry, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return GTK_ENTRY (entry);
}

static void
vigil_evaluation_view_dispose (GObject *object)
{
  VigilEvaluationView *self = VIGIL_EVALUATION_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_pointer (&self->evaluation, vigil_evaluation_free);
  g_clear_pointer (&self->chart, vigil_chart_unref);

  G_OBJECT_CLASS (vigil_evaluation_view_parent_class)->dispose (object);
}

static void
vigil_evaluation_view_finalize (GObject *object)
{
  VigilEvaluationView *self = VIGIL_EVALUATION_VIEW (object);

  g_free (self->chart_name);
  g_clear_pointer (&self->areas, g_ptr_array_unref);

  G_OBJECT_CLASS (vigil_evaluation_view_parent_class)->finalize (object);
}

static void
vigil_evaluation_view_class_init (VigilEvaluationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_evaluation_view_dispose;
  object_class->finalize = vigil_evaluation_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evaluation");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_evaluation_view_init (VigilEvaluationView *self)
{
  /* gtk_drop_down_new () takes these */
  GtkStringList *window_labels = gtk_string_list_new (NULL);
  GtkStringList *route_labels = gtk_string_list_new (NULL);
  GtkStringList *area_labels = gtk_string_list_new (NULL);
  GtkStringList *category_labels = gtk_string_list_new (NULL);
  GtkWidget *bar, *body, *side, *scroller, *table_box, *label, *chart_box;
  GtkSelectionModel *selection;

  self->areas = g_ptr_array_new_with_free_func (g_free);
  self->chart_name = g_strdup (charts[0].name);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Evaluation of the managed cohort"), -1);

  /* the filters */
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_widget_set_parent (bar, GTK_WIDGET (self));

  label = gtk_label_new (_("Adopted"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (bar), label);
  self->from_entry = new_date_entry ("from-entry", _("from YYYY-MM-DD"), _("Adopted on or after (YYYY-MM-DD)"));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->from_entry));
  self->to_entry = new_date_entry ("to-entry", _("to YYYY-MM-DD"), _("Adopted on or before (YYYY-MM-DD)"));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->to_entry));
  g_signal_connect_object (self->from_entry, "activate", G_CALLBACK (entry_activate_cb), self, 0);
  g_signal_connect_object (self->to_entry, "activate", G_CALLBACK (entry_activate_cb), self, 0);

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    gtk_string_list_append (window_labels, _(windows[i].label));
  self->window_dropdown = new_dropdown ("window-dropdown", _("Windows before and after entry"), window_labels);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->window_dropdown));

  gtk_string_list_append (route_labels, _("Any route"));
  for (guint i = 0; vigil_route_choices[i] != NULL; i++)
    gtk_string_list_append (route_labels, vigil_choice_get_label (vigil_route_choices, vigil_route_choices[i]));
  self->route_dropdown = new_dropdown ("route-dropdown", _("Route into the cohort"), route_labels);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->route_dropdown));

  gtk_string_list_append (area_labels, _("Any area"));
  self->area_dropdown = new_dropdown ("area-dropdown", _("Area"), area_labels);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->area_dropdown));

  gtk_string_list_append (category_labels, _("Any intervention"));
  for (guint i = 0; vigil_tactical_category_choices[i] != NULL; i++)
    gtk_string_list_append (category_labels, vigil_tactical_category_get_title (vigil_tactical_category_choices[i]));
  self->category_dropdown = new_dropdown ("category-dropdown", _("People with an intervention of this category"),
                                          category_labels);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->category_dropdown));

  g_signal_connect_object (self->window_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self, 0);
  g_signal_connect_object (self->route_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self, 0);
  g_signal_connect_object (self->area_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self, 0);
  g_signal_connect_object (self->category_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self, 0);

  label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (bar), label);

  self->refresh_button = gtk_button_new_with_mnemonic (_("_Evaluate"));
  gtk_widget_set_name (self->refresh_button, "refresh-button");
  gtk_widget_set_tooltip_text (self->refresh_button, _("Evaluate again with these filters"));
  g_signal_connect_object (self->refresh_button, "clicked", G_CALLBACK (refresh_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (bar), self->refresh_button);
  self->export_button = gtk_button_new_with_mnemonic (_("E_xport Chart…"));
  gtk_widget_set_name (self->export_button, "export-button");
  gtk_widget_set_tooltip_text (self->export_button, _("Save the chart as PNG, SVG or PDF, or its numbers as CSV"));
  gtk_widget_set_sensitive (self->export_button, FALSE);
  g_signal_connect_object (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (bar), self->export_button);

  /* progress and messages */
  self->busy_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (self->busy_box, 12);
  gtk_widget_set_margin_end (self->busy_box, 12);
  gtk_widget_set_visible (self->busy_box, FALSE);
  gtk_widget_set_parent (self->busy_box, GTK_WIDGET (self));
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_name (GTK_WIDGET (self->progress), "progress");
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Evaluating the cohort"), -1);
  gtk_box_append (GTK_BOX (self->busy_box), GTK_WIDGET (self->progress));
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_name (self->cancel_button, "cancel-button");
  g_signal_connect_object (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (self->busy_box), self->cancel_button);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->message), "message");
  gtk_label_set_xalign (self->message, 0);
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->message), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->message), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->message), GTK_WIDGET (self));

  /* the charts list | the chart | its numbers */
  body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_vexpand (body, TRUE);
  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  gtk_widget_set_margin_bottom (body, 12);
  gtk_widget_set_parent (body, GTK_WIDGET (self));

  side = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (side), TRUE);
  self->chart_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->chart_list), "chart-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->chart_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Charts"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *row_label = gtk_label_new (_(charts[i].label));

      gtk_label_set_xalign (GTK_LABEL (row_label), 0);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), row_label);
      gtk_widget_set_name (row, charts[i].name);
      gtk_list_box_append (self->chart_list, row);
    }
  gtk_list_box_select_row (self->chart_list, gtk_list_box_get_row_at_index (self->chart_list, 0));
  g_signal_connect_object (self->chart_list, "row-selected", G_CALLBACK (chart_row_selected_cb), self, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side), GTK_WIDGET (self->chart_list));
  gtk_box_append (GTK_BOX (body), side);

  chart_box = gtk_frame_new (NULL);
  gtk_widget_set_hexpand (chart_box, TRUE);
  self->chart_view = vigil_chart_view_new ();
  gtk_widget_set_name (self->chart_view, "chart-view");
  gtk_widget_set_hexpand (self->chart_view, TRUE);
  gtk_widget_set_vexpand (self->chart_view, TRUE);
  gtk_frame_set_child (GTK_FRAME (chart_box), self->chart_view);
  gtk_box_append (GTK_BOX (body), chart_box);

  table_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->table_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->table_title, 0);
  gtk_label_set_wrap (self->table_title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->table_title), "heading");
  gtk_box_append (GTK_BOX (table_box), GTK_WIDGET (self->table_title));
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  /* as wide as the numbers need, between a third of a laptop's chart and more */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_max_content_width (GTK_SCROLLED_WINDOW (scroller), 480);
  gtk_widget_add_css_class (scroller, "card");
  self->table_rows = g_list_store_new (VIGIL_TYPE_TABLE_ROW);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->table_rows))));
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (selection));
  gtk_widget_set_name (GTK_WIDGET (self->table), "chart-table");
  gtk_column_view_set_show_column_separators (self->table, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "data-table");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->table));
  gtk_box_append (GTK_BOX (table_box), scroller);
  gtk_box_append (GTK_BOX (body), table_box);
  g_object_unref (self->table_rows);   /* the selection model holds it */
}
