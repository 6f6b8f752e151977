/* vigil-cohort-view.c: the searchable list of everyone in the cohort list
 *
 * A search entry over a GtkColumnView of VigilPeopleModel; a status page replaces the
 * list when the store has nobody yet, when a search matches nobody, or when the
 * database could not be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cohort-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigil-cohort-view.h"
#include "vigil-person-item.h"

struct _VigilCohortView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *state_stack;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  AdwStatusPage      *no_matches_page;
  AdwStatusPage      *error_page;

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
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
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
    state = "empty";

  gtk_stack_set_visible_child_name (self->state_stack, state);
  update_count_label (self);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-cohort-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, count_label);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, state_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, column_view);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, selection);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, no_matches_page);
  gtk_widget_class_bind_template_child (widget_class, VigilCohortView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_search_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cohortview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_cohort_view_init (VigilCohortView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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

  if (!g_set_object (&self->store, store))
    return;

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
      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (model_items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "notify::total",
                               G_CALLBACK (model_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "notify::search",
                               G_CALLBACK (model_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "notify::error",
                               G_CALLBACK (model_notify_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
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
