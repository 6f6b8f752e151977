/* vigil-evaluation-filters.c: the Evaluation page's filters, bound to its view model
 *
 * Each drop-down's model is a GListStore of VigilChoiceItem (declared in the template,
 * which shows each item's label): the choice selected says what it stands for, a
 * code, an area or the index of the windows, with no list of ids beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-evaluation-filters"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-choice-item.h"
#include "vigil-evaluation-filters.h"

/* The windows before and after entry, by the model's "window" choice they stand for */
static const struct
{
  guint       window;
  const char *label;
} windows[] = {
  { 0, N_("6 and 12 months") },
  { 1, N_("3 months") },
  { 2, N_("6 months") },
  { 3, N_("12 months") },
  { 4, N_("24 months") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (windows) == VIGIL_EVALUATION_MODEL_N_WINDOWS);

struct _VigilEvaluationFilters
{
  GtkBox                parent_instance;

  /* Template widgets */
  GtkEntry             *from_entry;
  GtkEntry             *to_entry;
  GtkDropDown          *window_dropdown;
  GtkDropDown          *route_dropdown;
  GtkDropDown          *area_dropdown;
  GtkDropDown          *category_dropdown;
  GListStore           *window_choices;     /* VigilChoiceItem: the drop-downs' */
  GListStore           *route_choices;
  GListStore           *area_choices;
  GListStore           *category_choices;

  /* Owned references */
  VigilEvaluationModel *model;
  GBinding             *from_binding;
  GBinding             *to_binding;

  gboolean              filling_areas;      /* the areas' choices change: not a choice */
};

G_DEFINE_FINAL_TYPE (VigilEvaluationFilters, vigil_evaluation_filters, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the choice selected in @dropdown stands for: NULL for "any" (or none). */
static const char *
get_choice (GtkDropDown *dropdown)
{
  return vigil_choice_item_get_id_of (gtk_drop_down_get_selected_item (dropdown));
}

static void area_selected_cb (VigilEvaluationFilters *self);

/* The model's areas, any area chosen: the list of areas came (again). */
static void
fill_areas (VigilEvaluationFilters *self)
{
  const char * const *areas = self->model ? vigil_evaluation_model_get_areas (self->model) : NULL;

  self->filling_areas = TRUE;
  vigil_choice_item_fill (self->area_choices, _("Any area"), areas, NULL, NULL);
  gtk_drop_down_set_selected (self->area_dropdown, 0);
  self->filling_areas = FALSE;
  area_selected_cb (self);
}

static void
areas_changed_cb (VigilEvaluationFilters *self)
{
  fill_areas (self);
}

static void
date_activated_cb (VigilEvaluationFilters *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "evaluation.refresh", NULL);
}

static void
window_selected_cb (VigilEvaluationFilters *self)
{
  VigilChoiceItem *window = gtk_drop_down_get_selected_item (self->window_dropdown);

  if (self->model != NULL && window != NULL)
    vigil_evaluation_model_set_window (self->model, vigil_choice_item_get_value (window));
}

static void
route_selected_cb (VigilEvaluationFilters *self)
{
  if (self->model != NULL)
    vigil_evaluation_model_set_route (self->model, get_choice (self->route_dropdown));
}

static void
area_selected_cb (VigilEvaluationFilters *self)
{
  if (self->model != NULL && !self->filling_areas)
    vigil_evaluation_model_set_area (self->model, get_choice (self->area_dropdown));
}

static void
category_selected_cb (VigilEvaluationFilters *self)
{
  if (self->model != NULL)
    vigil_evaluation_model_set_category (self->model, get_choice (self->category_dropdown));
}

static void
vigil_evaluation_filters_dispose (GObject *object)
{
  VigilEvaluationFilters *self = VIGIL_EVALUATION_FILTERS (object);

  vigil_evaluation_filters_set_model (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_EVALUATION_FILTERS);

  G_OBJECT_CLASS (vigil_evaluation_filters_parent_class)->dispose (object);
}

static void
vigil_evaluation_filters_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  VigilEvaluationFilters *self = VIGIL_EVALUATION_FILTERS (object);

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
vigil_evaluation_filters_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  VigilEvaluationFilters *self = VIGIL_EVALUATION_FILTERS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      vigil_evaluation_filters_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_evaluation_filters_class_init (VigilEvaluationFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_evaluation_filters_dispose;
  object_class->get_property = vigil_evaluation_filters_get_property;
  object_class->set_property = vigil_evaluation_filters_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, "The page's state", VIGIL_TYPE_EVALUATION_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIL_TYPE_CHOICE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-evaluation-filters.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationFilters, from_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationFilters, to_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationFilters, window_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationFilters, route_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationFilters, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationFilters, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationFilters, window_choices);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationFilters, route_choices);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationFilters, area_choices);
  gtk_widget_class_bind_template_child (widget_class, VigilEvaluationFilters, category_choices);
  gtk_widget_class_bind_template_callback (widget_class, date_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, window_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, route_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_selected_cb);
}

static void
vigil_evaluation_filters_init (VigilEvaluationFilters *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      g_autoptr(VigilChoiceItem) window = vigil_choice_item_new_value (windows[i].window, _(windows[i].label));

      g_list_store_append (self->window_choices, window);
    }
  vigil_choice_item_fill (self->route_choices, _("Any route"), vigil_route_choices, vigil_route_choices, NULL);
  vigil_choice_item_fill (self->category_choices, _("Any intervention"), vigil_tactical_category_choices, NULL,
                          vigil_tactical_category_get_title);
  fill_areas (self);
}

VigilEvaluationModel *
vigil_evaluation_filters_get_model (VigilEvaluationFilters *self)
{
  g_return_val_if_fail (VIGIL_IS_EVALUATION_FILTERS (self), NULL);

  return self->model;
}

void
vigil_evaluation_filters_set_model (VigilEvaluationFilters *self,
                                    VigilEvaluationModel   *model)
{
  g_return_if_fail (VIGIL_IS_EVALUATION_FILTERS (self));
  g_return_if_fail (model == NULL || VIGIL_IS_EVALUATION_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      g_clear_pointer (&self->from_binding, g_binding_unbind);
      g_clear_pointer (&self->to_binding, g_binding_unbind);
      g_clear_object (&self->model);
    }
  if (model != NULL)
    {
      self->model = g_object_ref (model);
      /* the dates as typed; the model applies them at its next run */
      self->from_binding = g_object_bind_property (self->from_entry, "text", model, "adopted-from",
                                                   G_BINDING_SYNC_CREATE);
      self->to_binding = g_object_bind_property (self->to_entry, "text", model, "adopted-to",
                                                 G_BINDING_SYNC_CREATE);
      g_signal_connect_object (model, "notify::areas", G_CALLBACK (areas_changed_cb), self, G_CONNECT_SWAPPED);
      fill_areas (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}
