/* vigil-cohort-view.c: the cohort list — views, filters, sort and search as you type
 *
 * A search entry over a GtkColumnView of VigilPeopleModel; a status page replaces the
 * list when the store has nobody yet, when a search matches nobody, or when the
 * database could not be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cohort-view"

#include "config.h"

#include "vigil-format.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigil-choice-item.h"
#include "vigil-cohort-view.h"
#include "vigil-entities.h"
#include "vigil-person-item.h"

struct _VigilCohortView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *state_stack;
  GtkSpinner         *loading_spinner;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  AdwStatusPage      *no_matches_page;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
  GtkToggleButton    *view_candidates;
  GtkToggleButton    *view_managed;
  GtkToggleButton    *view_concern;
  GtkToggleButton    *view_exited;
  GtkLabel           *status_counts_label;
  GtkDropDown        *status_filter;
  GtkDropDown        *route_filter;
  GtkDropDown        *flag_filter;
  GtkEntry           *area_filter;
  GtkDropDown        *sort_dropdown;
  GtkToggleButton    *descending_toggle;
  GListStore         *status_choices;     /* VigilChoiceItem: the drop-downs' */
  GListStore         *route_choices;
  GListStore         *flag_choices;       /* values: VigilPersonFlag bits (0: any) */
  GListStore         *sort_choices;       /* values: VigilPeopleSort */

  /* Owned references */
  VigilStore         *store;
  VigilPeopleModel   *model;
};

G_DEFINE_FINAL_TYPE (VigilCohortView, vigil_cohort_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_count (gint64 count)
{
  return vigil_format_count ((gint64) count);
}

static void
update_count_label (VigilCohortView *self)
{
  g_autofree char *text = NULL;

  if (self->model == NULL || vigil_people_model_get_error (self->model) != NULL)
    {
      gtk_label_set_label (self->count_label, "");
      return;
    }

  if (vigil_people_model_get_search (self->model) == NULL)
    {
      gint64 total = vigil_people_model_get_total (self->model);
      g_autofree char *total_text = format_count (total);

      /* Translators: %s is a number of people in the cohort list, e.g. "1,204" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people",
                                           (gulong) MAX (total, 0)),
                              total_text);
    }
  else
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
      gint64 total = vigil_people_model_get_total (self->model);
      g_autofree char *n_text = format_count (n_items);
      g_autofree char *total_text = format_count (total);

      /* Translators: people matching a search: "12 of 1,204 people" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s person", "%s of %s people",
                                           (gulong) MAX (total, 0)),
                              n_text, total_text);
    }

  gtk_label_set_label (self->count_label, text);
}

/* The filter choices, in the order of the drop-downs (index 0 is "any"). */
static void
set_view_label (GtkToggleButton *button,
                const char      *name,
                gint64           count)
{
  /* Translators: a view of the cohort list and how many it holds: "Candidates (12)" */
  g_autofree char *label = g_strdup_printf (C_("view", "%s (%'" G_GINT64_FORMAT ")"), name, count);

  gtk_button_set_label (GTK_BUTTON (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_counts (VigilCohortView *self)
{
  const VigilPeopleCounts *counts;
  g_autoptr(GString) text = NULL;

  if (self->model == NULL || vigil_people_model_get_error (self->model) != NULL)
    {
      gtk_label_set_label (self->status_counts_label, "");
      return;
    }

  counts = vigil_people_model_get_counts (self->model);
  set_view_label (self->view_candidates, _("Candidates"), counts->candidates);
  set_view_label (self->view_managed, _("Managed Cohort"),
                  counts->by_status[1] + counts->by_status[2] + counts->by_status[3]);
  set_view_label (self->view_concern, _("Of Concern"), counts->by_status[5]);
  set_view_label (self->view_exited, _("Exited"), counts->by_status[4]);

  text = g_string_new (NULL);
  for (guint i = 0; vigil_cohort_status_choices[i] != NULL && i < G_N_ELEMENTS (counts->by_status); i++)
    {
      const char *label = vigil_choice_get_label (vigil_cohort_status_choices, vigil_cohort_status_choices[i]);

      /* Translators: one status and its count in the cohort list: "Managed: 12" */
      g_string_append_printf (text, "%s%s: %'" G_GINT64_FORMAT, text->len ? C_("counts", " · ") : "",
                              label != NULL ? label : vigil_cohort_status_choices[i], counts->by_status[i]);
    }
  gtk_label_set_label (self->status_counts_label, text->str);
}

static void
update_state (VigilCohortView *self)
{
  const GError *error = NULL;
  const char *search = NULL;
  const char *state;

  if (self->model != NULL)
    {
      error = vigil_people_model_get_error (self->model);
      search = vigil_people_model_get_search (self->model);
    }

  if (self->model == NULL)
    state = "empty";
  else if (error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      state = "error";
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    state = "list";
  else if (vigil_people_model_get_loading (self->model))
    state = "loading";   /* the first count of a query is on its way */
  else if (search != NULL)
    {
      g_autofree char *markup = NULL;
      g_autofree char *escaped = g_markup_escape_text (search, -1);

      /* Translators: %s is what the user searched for */
      markup = g_strdup_printf (_("Nobody’s name, alias, reference or PNC ID matches “%s”."),
                                escaped);
      adw_status_page_set_description (self->no_matches_page, markup);
      state = "no-matches";
    }
  else
    {
      const char *title = _("No People Yet");
      const char *description = _("People appear here once incidents naming them as "
                                   "perpetrators have been imported into this store.");

      switch (vigil_people_model_get_view (self->model))
        {
        case VIGIL_PEOPLE_VIEW_CANDIDATES:
          title = _("No Candidates");
          description = _("Candidates appear here once a scoring run has ranked the "
                          "perpetrators of the imported incidents.");
          break;
        case VIGIL_PEOPLE_VIEW_MANAGED:
          title = _("Nobody Managed");
          description = _("Nobody is under review, managed or scaling back.");
          break;
        case VIGIL_PEOPLE_VIEW_OF_CONCERN:
          title = _("Nobody of Concern");
          description = _("Nobody is watched as of concern.");
          break;
        case VIGIL_PEOPLE_VIEW_EXITED:
          title = _("Nobody Exited");
          description = _("Nobody has left the cohort.");
          break;
        case VIGIL_PEOPLE_VIEW_ALL:
        case VIGIL_PEOPLE_VIEW_EVERYONE:
        default:
          break;
        }
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page, description);
      state = "empty";
    }

  gtk_stack_set_visible_child_name (self->state_stack, state);
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (state, "loading"));
  update_count_label (self);
  update_counts (self);
}

static void
model_items_changed_cb (VigilCohortView *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  update_state (self);
}

static void
model_notify_cb (VigilCohortView *self,
                 GParamSpec      *pspec,
                 VigilPeopleModel *model)
{
  update_state (self);
}

/* Whatever a save, an import, a referral or a merge changed, on this window or on a
 * worker: the list counts again, unless only the audit log or the store's own facts
 * moved (opening a dossier is audited). */
static void
store_changed_cb (VigilCohortView     *self,
                  const char * const  *tables,
                  VigilStore          *store)
{
  static const char * const unlisted[] = { "audit", "audit_head", "vigil_meta", "import_batch", "import_rejection", NULL };

  if (self->model == NULL)
    return;
  for (guint i = 0; tables[i] != NULL; i++)
    if (!g_strv_contains (unlisted, tables[i]))
      {
        vigil_people_model_reload (self->model);
        return;
      }
}

static void
search_changed_cb (GtkSearchEntry  *entry,
                   VigilCohortView *self)
{
  if (self->model != NULL)
    vigil_people_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activated_cb (GtkSearchEntry  *entry,
                     VigilCohortView *self)
{
  if (self->model != NULL)
    vigil_people_model_flush_search (self->model);
}

static void
search_stopped_cb (GtkSearchEntry  *entry,
                   VigilCohortView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
clear_search_clicked_cb (VigilCohortView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
view_toggled_cb (GtkToggleButton *button,
                 VigilCohortView *self)
{
  VigilPeopleView view;

  if (!gtk_toggle_button_get_active (button) || self->model == NULL)
    return;

  if (button == self->view_managed)
    view = VIGIL_PEOPLE_VIEW_MANAGED;
  else if (button == self->view_concern)
    view = VIGIL_PEOPLE_VIEW_OF_CONCERN;
  else if (button == self->view_exited)
    view = VIGIL_PEOPLE_VIEW_EXITED;
  else
    view = VIGIL_PEOPLE_VIEW_CANDIDATES;

  vigil_people_model_set_view (self->model, view);
}

/* The value of the choice selected in @dropdown (a flag bit, a sort), or @otherwise. */
static guint
selected_value (GtkDropDown *dropdown,
                guint        otherwise)
{
  VigilChoiceItem *choice = gtk_drop_down_get_selected_item (dropdown);

  return choice != NULL ? vigil_choice_item_get_value (choice) : otherwise;
}

static void
apply_filters (VigilCohortView *self)
{
  if (self->model == NULL)
    return;

  vigil_people_model_set_filter (self->model,
                                 vigil_choice_item_get_id_of (gtk_drop_down_get_selected_item (self->status_filter)),
                                 vigil_choice_item_get_id_of (gtk_drop_down_get_selected_item (self->route_filter)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->area_filter)),
                                 selected_value (self->flag_filter, 0));
}

static void
apply_sort (VigilCohortView *self)
{
  if (self->model == NULL)
    return;

  vigil_people_model_set_sort (self->model,
                               selected_value (self->sort_dropdown, VIGIL_PEOPLE_SORT_RANK),
                               gtk_toggle_button_get_active (self->descending_toggle));
}

/* Enter or a double click: the dossier, through the window's action (when it has one). */
static void
row_activated_cb (GtkColumnView   *column_view,
                  guint            position,
                  VigilCohortView *self)
{
  g_autoptr(VigilPersonItem) item = NULL;
  gint64 person_id;

  if (self->model == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (item == NULL || vigil_person_item_is_placeholder (item))
    return;

  person_id = vigil_person_item_get_person_id (item);
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.open-dossier", "x", person_id))
    g_debug ("No win.open-dossier action to open person %" G_GINT64_FORMAT, person_id);
}

/* Fills the choices the template's drop-downs list: statuses and routes by their codes,
 * flags and sorts by the value they stand for. */
static void
fill_filters (VigilCohortView *self)
{
  static const struct { guint flag; const char *label; } flags[] = {
    { 0, N_("Any flag") },
    { VIGIL_PERSON_FLAG_OTHER_PROCESS, N_("Active in another process") },
    { VIGIL_PERSON_FLAG_VISOR, N_("PDP or ViSOR") },
    { VIGIL_PERSON_FLAG_ORDER, N_("Order in force") },
    { VIGIL_PERSON_FLAG_STALE, N_("Stale agency information") },
    { VIGIL_PERSON_FLAG_REVIEW_OVERDUE, N_("Review overdue") },
    { VIGIL_PERSON_FLAG_MOPI_DUE, N_("MoPI review due") },
    { VIGIL_PERSON_FLAG_OVERDUE, N_("Intervention overdue") },
    { VIGIL_PERSON_FLAG_ORDER_EXPIRING, N_("Order expiring within 28 days") },
  };
  static const struct { VigilPeopleSort sort; const char *label; } sorts[] = {
    { VIGIL_PEOPLE_SORT_RANK, N_("Rank") },
    { VIGIL_PEOPLE_SORT_NAME, N_("Name") },
    { VIGIL_PEOPLE_SORT_SCORE, N_("Score") },
    { VIGIL_PEOPLE_SORT_TREND, N_("Trend") },
    { VIGIL_PEOPLE_SORT_STATUS, N_("Status") },
    { VIGIL_PEOPLE_SORT_ROUTE, N_("Route") },
    { VIGIL_PEOPLE_SORT_LEAD, N_("Lead") },
    { VIGIL_PEOPLE_SORT_NEXT_REVIEW, N_("Next review") },
    { VIGIL_PEOPLE_SORT_FLAGS, N_("Flags") },
  };

  vigil_choice_item_fill (self->status_choices, _("Any status"), vigil_cohort_status_choices,
                          vigil_cohort_status_choices, NULL);
  vigil_choice_item_fill (self->route_choices, _("Any route"), vigil_route_choices,
                          vigil_route_choices, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(VigilChoiceItem) choice = vigil_choice_item_new_value (flags[i].flag, _(flags[i].label));

      g_list_store_append (self->flag_choices, choice);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autoptr(VigilChoiceItem) choice = vigil_choice_item_new_value (sorts[i].sort, _(sorts[i].label));

      g_list_store_append (self->sort_choices, choice);
    }
}

static void
retry_clicked_cb (VigilCohortView *self)
{
  if (self->model != NULL)
    vigil_people_model_reload (self->model);
}

static void
vigil_cohort_view_dispose (GObject *object)
{
  VigilCohortView *self = (VigilCohortView *)object;

  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_COHORT_VIEW);

  /* Children of the template that are not bound (the root box) stay: unparent them. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (object));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (object)))
    gtk_widget_unparent (child);

  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vigil_cohort_view_parent_class)->dispose (object);
}

static void
vigil_cohort_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilCohortView *self = VIGIL_COHORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_cohort_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigilCohortView *self = VIGIL_COHORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigil_cohort_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_cohort_view_class_init (VigilCohortViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_cohort_view_dispose;
  object_class->get_property = vigil_cohort_view_get_property;
  object_class->set_property = vigil_cohort_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, "The store whose people are listed",
                         VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, "The people listed",
                         VIGIL_TYPE_PEOPLE_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIL_TYPE_PERSON_ITEM);
  g_type_ensure (VIGIL_TYPE_CHOICE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-cohort-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, count_label);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, state_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, column_view);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, selection);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, no_matches_page);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, error_page);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, view_candidates);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, view_managed);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, view_concern);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, view_exited);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, status_counts_label);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, route_filter);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, flag_filter);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, area_filter);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, descending_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, status_choices);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, route_choices);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, flag_choices);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, sort_choices);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_search_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_filters);
  gtk_widget_class_bind_template_callback (widget_class, apply_sort);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cohortview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_cohort_view_init (VigilCohortView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_filters (self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cohort"),
                                  -1);
  update_state (self);
}

GtkWidget *
vigil_cohort_view_new (void)
{
  return g_object_new (VIGIL_TYPE_COHORT_VIEW, NULL);
}

/**
 * vigil_cohort_view_get_store:
 *
 * Returns: (nullable) (transfer none): the store listed
 */
VigilStore *
vigil_cohort_view_get_store (VigilCohortView *self)
{
  g_return_val_if_fail (VIGIL_IS_COHORT_VIEW (self), NULL);
  return self->store;
}

/**
 * vigil_cohort_view_set_store:
 * @store: (nullable): the store to list, NULL for none
 *
 * Lists @store's people, clearing the search.
 */
void
vigil_cohort_view_set_store (VigilCohortView *self,
                             VigilStore      *store)
{
  g_return_if_fail (VIGIL_IS_COHORT_VIEW (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      gtk_single_selection_set_model (self->selection, NULL);
      g_clear_object (&self->model);
    }

  /* Before the new model, so the cleared text does not start a search on it. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (store != NULL)
    {
      self->model = vigil_people_model_new (store);
      view_toggled_cb (gtk_toggle_button_get_active (self->view_managed) ? self->view_managed
                       : gtk_toggle_button_get_active (self->view_concern) ? self->view_concern
                       : gtk_toggle_button_get_active (self->view_exited) ? self->view_exited
                       : self->view_candidates, self);
      apply_filters (self);
      apply_sort (self);
      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (model_items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "notify::total",
                               G_CALLBACK (model_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "notify::search",
                               G_CALLBACK (model_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "notify::loading",
                               G_CALLBACK (model_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "notify::error",
                               G_CALLBACK (model_notify_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
      g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * vigil_cohort_view_get_model:
 *
 * Returns: (nullable) (transfer none): the people listed
 */
VigilPeopleModel *
vigil_cohort_view_get_model (VigilCohortView *self)
{
  g_return_val_if_fail (VIGIL_IS_COHORT_VIEW (self), NULL);
  return self->model;
}

GtkSearchEntry *
vigil_cohort_view_get_search_entry (VigilCohortView *self)
{
  g_return_val_if_fail (VIGIL_IS_COHORT_VIEW (self), NULL);
  return self->search_entry;
}

GtkColumnView *
vigil_cohort_view_get_column_view (VigilCohortView *self)
{
  g_return_val_if_fail (VIGIL_IS_COHORT_VIEW (self), NULL);
  return self->column_view;
}

/**
 * vigil_cohort_view_get_state:
 *
 * Returns: what the view shows: "list", "empty", "no-matches" or "error"
 */
const char *
vigil_cohort_view_get_state (VigilCohortView *self)
{
  g_return_val_if_fail (VIGIL_IS_COHORT_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->state_stack);
}

void
vigil_cohort_view_focus_search (VigilCohortView *self)
{
  g_return_if_fail (VIGIL_IS_COHORT_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * vigil_cohort_view_get_view_button:
 * @view: one of the four views shown (not VIGIL_PEOPLE_VIEW_ALL or _EVERYONE)
 *
 * Returns: (transfer none): the toggle button showing @view
 */
GtkToggleButton *
vigil_cohort_view_get_view_button (VigilCohortView *self,
                                   VigilPeopleView  view)
{
  g_return_val_if_fail (VIGIL_IS_COHORT_VIEW (self), NULL);

  switch (view)
    {
    case VIGIL_PEOPLE_VIEW_MANAGED:
      return self->view_managed;
    case VIGIL_PEOPLE_VIEW_OF_CONCERN:
      return self->view_concern;
    case VIGIL_PEOPLE_VIEW_EXITED:
      return self->view_exited;
    case VIGIL_PEOPLE_VIEW_CANDIDATES:
    case VIGIL_PEOPLE_VIEW_ALL:
    case VIGIL_PEOPLE_VIEW_EVERYONE:
    default:
      return self->view_candidates;
    }
}

GtkDropDown *
vigil_cohort_view_get_status_filter (VigilCohortView *self)
{
  g_return_val_if_fail (VIGIL_IS_COHORT_VIEW (self), NULL);
  return self->status_filter;
}

GtkDropDown *
vigil_cohort_view_get_route_filter (VigilCohortView *self)
{
  g_return_val_if_fail (VIGIL_IS_COHORT_VIEW (self), NULL);
  return self->route_filter;
}

GtkDropDown *
vigil_cohort_view_get_flag_filter (VigilCohortView *self)
{
  g_return_val_if_fail (VIGIL_IS_COHORT_VIEW (self), NULL);
  return self->flag_filter;
}

GtkEntry *
vigil_cohort_view_get_area_filter (VigilCohortView *self)
{
  g_return_val_if_fail (VIGIL_IS_COHORT_VIEW (self), NULL);
  return self->area_filter;
}

GtkDropDown *
vigil_cohort_view_get_sort_dropdown (VigilCohortView *self)
{
  g_return_val_if_fail (VIGIL_IS_COHORT_VIEW (self), NULL);
  return self->sort_dropdown;
}

GtkToggleButton *
vigil_cohort_view_get_descending_toggle (VigilCohortView *self)
{
  g_return_val_if_fail (VIGIL_IS_COHORT_VIEW (self), NULL);
  return self->descending_toggle;
}

GtkLabel *
vigil_cohort_view_get_counts_label (VigilCohortView *self)
{
  g_return_val_if_fail (VIGIL_IS_COHORT_VIEW (self), NULL);
  return self->status_counts_label;
}
