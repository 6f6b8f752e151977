/* vigil-evaluation-chart-pane.c: the Evaluation page's chart and the numbers behind
 * it, bound to its view model
 *
 * The table's columns are the chart's (they change with it); its rows are
 * VigilTableRows in a GListStore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-evaluation-chart-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-chart-view.h"
#include "vigil-evaluation-chart-pane.h"
#include "vigil-table-row.h"

struct _VigilEvaluationChartPane
{
  GtkBox                parent_instance;

  /* Template widgets */
  VigilChartView       *chart_view;
  GtkLabel             *table_title;
  GtkColumnView        *table;

  /* Owned references */
  VigilEvaluationModel *model;
  GListStore           *table_rows;   /* VigilTableRow, the chart's table row by row */
};

G_DEFINE_FINAL_TYPE (VigilEvaluationChartPane, vigil_evaluation_chart_pane, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
fill_table (VigilEvaluationChartPane *self,
            VigilChart               *chart)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);
  guint n_columns = chart != NULL ? vigil_chart_get_table_n_columns (chart) : 0;
  guint n_rows = chart != NULL ? vigil_chart_get_table_n_rows (chart) : 0;
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
      column = gtk_column_view_column_new (vigil_chart_get_table_column (chart, c), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->table, column);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      GStrv cells = g_new0 (char *, n_columns + 1);

      for (guint c = 0; c < n_columns; c++)
        cells[c] = g_strdup (vigil_chart_get_table_cell (chart, r, c));
      g_ptr_array_add (rows, vigil_table_row_new (cells));
    }
  g_list_store_splice (self->table_rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->table_rows)),
                       rows->pdata, rows->len);
}

static void
show_chart (VigilEvaluationChartPane *self)
{
  VigilChart *chart = self->model ? vigil_evaluation_model_get_chart (self->model) : NULL;

  vigil_chart_view_set_chart (self->chart_view, chart);
  if (chart != NULL)
    {
      /* Translators: above the table beside a chart */
      g_autofree char *title = g_strdup_printf (_("Numbers behind “%s”"), vigil_chart_get_title (chart));

      gtk_label_set_text (self->table_title, title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
  else
    gtk_label_set_text (self->table_title, "");
  fill_table (self, chart);
}

static void
chart_changed_cb (VigilEvaluationChartPane *self)
{
  show_chart (self);
}

static void
vigil_evaluation_chart_pane_dispose (GObject *object)
{
  VigilEvaluationChartPane *self = VIGIL_EVALUATION_CHART_PANE (object);

  vigil_evaluation_chart_pane_set_model (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_EVALUATION_CHART_PANE);
  g_clear_object (&self->table_rows);

  G_OBJECT_CLASS (vigil_evaluation_chart_pane_parent_class)->dispose (object);
}

static void
vigil_evaluation_chart_pane_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  VigilEvaluationChartPane *self = VIGIL_EVALUATION_CHART_PANE (object);

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
vigil_evaluation_chart_pane_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  VigilEvaluationChartPane *self = VIGIL_EVALUATION_CHART_PANE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      vigil_evaluation_chart_pane_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_evaluation_chart_pane_class_init (VigilEvaluationChartPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_evaluation_chart_pane_dispose;
  object_class->get_property = vigil_evaluation_chart_pane_get_property;
  object_class->set_property = vigil_evaluation_chart_pane_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, "The page's state", VIGIL_TYPE_EVALUATION_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIL_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-evaluation-chart-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationChartPane, chart_view);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationChartPane, table_title);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationChartPane, table);
}

static void
vigil_evaluation_chart_pane_init (VigilEvaluationChartPane *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->table_rows = g_list_store_new (VIGIL_TYPE_TABLE_ROW);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->table_rows)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
}

VigilEvaluationModel *
vigil_evaluation_chart_pane_get_model (VigilEvaluationChartPane *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_CHART_PANE (self), NULL);

  return self->model;
}

void
vigil_evaluation_chart_pane_set_model (VigilEvaluationChartPane *self,
                                       VigilEvaluationModel     *model)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_CHART_PANE (self));
  g_return_if_fail (model == NULL || VIGIL_IS_EVALUATION_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_signal_connect_object (model, "notify::chart", G_CALLBACK (chart_changed_cb), self, G_CONNECT_SWAPPED);
      show_chart (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}
