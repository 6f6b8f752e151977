/* vigil-dossier-page.c: one person's dossier, and the coordinator's edits to it
 *
 * The page (a template, vigil-dossier-page.ui) loads a VigilDossier in a worker thread
 * (one read transaction), records the view in the audit log, then hands it to a view
 * model (VigilDossierModel, vigil-dossier-model.c) and puts its parts on screen, one
 * per main-loop iteration: the header (VigilDossierHeader: name, aliases, date of
 * birth, refs, status, lead, the score with its R/F/G/V breakdown and trend), then the
 * sections (VigilDossierSectionPart): Identification, Assessment and Decisions, Other
 * Processes, Multi-agency Information, Victims and Safeguarding, Victim and IDVA
 * Outcomes (each victim's ratings over time, their trend and a chart), Risk Management
 * Plan and History, each saying who changed it last and when. Victims are shown by role
 * ("Victim 1") unless the show-victim-names setting is on.
 *
 * Each section has its edits, the page's actions (vigil-dossier-page-actions.c:
 * dossier.*, a record named by its id as the parameter): Change Status and Edit
 * Details in the header, Record Decision, Add Process and Edit, Add Information and
 * Edit, Safeguarding and Record Outcome for each victim, and Edit for each outcome.
 * They open a record editor (vigil-record-editor.c) that checks and saves the change
 * as one audited transaction, shows a conflicting edit side by side, and on success
 * the page reloads in place (no new view in the audit: the change is there).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-dossier-page"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-dossier-header.h"
#include "vigil-dossier-page-private.h"
#include "vigil-dossier-section-part.h"
#include "vigil-gui-enums.h"
#include "vigil-gui.h"

G_DEFINE_FINAL_TYPE (VigilDossierPage, vigil_dossier_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
remove_all_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_box_remove (GTK_BOX (widget), child);
}

/* Building */

static void cancel_build (VigilDossierPage *self);

/* The parts in the page's order: the header, then the model's sections */
static guint
count_parts (void)
{
  return 1 + g_strv_length ((char **) vigil_dossier_model_get_section_names ());
}

/* Puts part @step of self->model at the end of self->content. */
static void
build_part (VigilDossierPage *self,
            guint             step)
{
  GtkWidget *part;
  const char *name;

  if (step == 0)
    {
      part = vigil_dossier_header_new (self->model);
      name = "header";
      gtk_label_set_label (self->title_label, vigil_dossier_model_get_name (self->model));
    }
  else
    {
      name = vigil_dossier_model_get_section_names ()[step - 1];
      part = vigil_dossier_section_part_new_for_name (name, self->model);
    }
  gtk_box_append (self->content, part);
  g_hash_table_insert (self->sections, g_strdup (name), part);
}

static void
build_dossier (VigilDossierPage *self)
{
  cancel_build (self);
  remove_all_children (GTK_WIDGET (self->content));
  g_hash_table_remove_all (self->sections);

  if (self->model == NULL)
    return;

  for (guint i = 0; i < count_parts (); i++)
    build_part (self, i);
}

/* Loading */

/* @state is what the page says it is; @shown the stack's page (the dossier being put
 * on screen shows while the state is still "loading"). */
/* The stack's page of each state */
static const char * const state_pages[] = { "empty", "loading", "dossier", "error" };

static void
set_state_showing (VigilDossierPage      *self,
                   VigilDossierPageState  state,
                   VigilDossierPageState  shown)
{
  gtk_stack_set_visible_child_name (self->stack, state_pages[shown]);
  gtk_spinner_set_spinning (self->spinner, shown == VIGIL_DOSSIER_PAGE_STATE_LOADING);
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
set_state (VigilDossierPage      *self,
           VigilDossierPageState  state)
{
  set_state_showing (self, state, state);
}

static GtkBox *
new_content_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return GTK_BOX (box);
}

static void
cancel_build (VigilDossierPage *self)
{
  g_clear_handle_id (&self->build_source, g_source_remove);
  g_clear_object (&self->build_box);
  g_clear_pointer (&self->build_sections, g_hash_table_unref);
  g_clear_object (&self->build_model);
}

/* During a reload's step: the dossier being built in place of the one shown. */
static void
swap_build (VigilDossierPage *self)
{
  GtkBox *box = self->content;
  GHashTable *sections = self->sections;
  VigilDossierModel *model = self->model;

  self->content = self->build_box;
  self->sections = self->build_sections;
  self->model = self->build_model;
  self->build_box = box;
  self->build_sections = sections;
  self->build_model = model;
}

static gboolean
build_step_cb (gpointer user_data)
{
  VigilDossierPage *self = user_data;
  gboolean reload = self->build_box != NULL;
  gint64 started = g_get_monotonic_time ();

  if (reload)
    swap_build (self);
  build_part (self, self->build_step++);
  if (reload)
    swap_build (self);
  g_debug ("dossier part %u built in %.1f ms", self->build_step - 1,
           (g_get_monotonic_time () - started) / 1000.0);
  if (self->build_step < count_parts ())
    return G_SOURCE_CONTINUE;

  self->build_source = 0;
  if (reload)
    {
      /* the reload replaces what was shown, whole: parts, sections and the model
       * they show */
      swap_build (self);
      adw_clamp_set_child (ADW_CLAMP (self->clamp), GTK_WIDGET (self->content));
      cancel_build (self);                 /* the old box, sections and model */
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)),
                            self->build_position);
  set_state (self, VIGIL_DOSSIER_PAGE_STATE_DOSSIER);
  return G_SOURCE_REMOVE;
}

/* Puts self->model on screen a part at a time; the state turns "dossier" when it is
 * all there. A first load shows the parts as they come; a reload keeps the dossier
 * shown until the new one is whole (and the reader's place, @position). */
static void
build_dossier_by_steps (VigilDossierPage *self,
                        gboolean          reload,
                        double            position)
{
  self->build_step = 0;
  self->build_position = position;
  if (reload)
    {
      self->build_box = g_object_ref_sink (new_content_box ());
      self->build_sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  else
    {
      remove_all_children (GTK_WIDGET (self->content));
      g_hash_table_remove_all (self->sections);
      set_state_showing (self, VIGIL_DOSSIER_PAGE_STATE_LOADING, VIGIL_DOSSIER_PAGE_STATE_DOSSIER);
    }
  /* below input and drawing, so the window answers between parts */
  self->build_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_step_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->build_source),
                            "[vigil] build the dossier");
}

static void
load_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VigilDossierPage) self = user_data;
  g_autoptr(VigilDossierOpening) opening = NULL;
  g_autoptr(VigilDossierModel) model = NULL;
  g_autoptr(GError) error = NULL;
  GtkAdjustment *adjustment;
  const VigilDossier *shown;
  gboolean reload;
  double position;

  opening = vigil_dossier_open_finish (VIGIL_STORE (object), result, &error);

  /* Superseded by another load, or the page went away. */
  if (self->cancellable == NULL || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);

  if (opening == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      adw_status_page_set_description (self->error_page, escaped);
      gtk_label_set_label (self->title_label, _("Dossier"));
      set_state (self, VIGIL_DOSSIER_PAGE_STATE_ERROR);
      return;
    }

  model = vigil_dossier_model_new ();
  vigil_dossier_model_set_show_victim_names (model, g_settings_get_boolean (self->settings, "show-victim-names"));
  vigil_dossier_model_set_all_history (model, self->all_history);
  vigil_dossier_model_set_dossier (model, g_steal_pointer (&opening->dossier), g_steal_pointer (&opening->menu),
                                   g_steal_pointer (&opening->menu_error));

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  shown = get_dossier (self);
  /* a reload after an edit keeps the reader's place */
  reload = shown != NULL && self->state == VIGIL_DOSSIER_PAGE_STATE_DOSSIER &&
           shown->person->record.id == vigil_dossier_model_get_dossier (model)->person->record.id;
  position = reload ? gtk_adjustment_get_value (adjustment) : 0;

  cancel_build (self);
  if (reload)
    /* the dossier shown stays, with the model its parts show, until the new one is
     * whole */
    self->build_model = g_steal_pointer (&model);
  else
    g_set_object (&self->model, model);
  build_dossier_by_steps (self, reload, position);
}

static void
show_victim_names_changed_cb (VigilDossierPage *self)
{
  gboolean show = g_settings_get_boolean (self->settings, "show-victim-names");

  if (self->build_model != NULL)
    vigil_dossier_model_set_show_victim_names (self->build_model, show);
  if (self->model != NULL)
    {
      vigil_dossier_model_set_show_victim_names (self->model, show);
      build_dossier (self);
    }
}

/* GObject */

static void
vigil_dossier_page_dispose (GObject *object)
{
  VigilDossierPage *self = (VigilDossierPage *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  cancel_build (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_DOSSIER_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->content);
  g_clear_pointer (&self->sections, g_hash_table_unref);
  g_clear_object (&self->model);
  g_clear_error (&self->error);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->editor);

  G_OBJECT_CLASS (vigil_dossier_page_parent_class)->dispose (object);
}

static void
vigil_dossier_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_dossier_page_class_init (VigilDossierPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_dossier_page_dispose;
  object_class->get_property = vigil_dossier_page_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, "What the page shows",
                       VIGIL_TYPE_DOSSIER_PAGE_STATE, VIGIL_DOSSIER_PAGE_STATE_EMPTY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, "The person shown, 0: none",
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Every button of the page, a record named by its id (vigil-dossier-page-actions.c) */
  _vigil_dossier_page_class_actions_init (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-dossier-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilDossierPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierPage, stack);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierPage, clamp);

  gtk_widget_class_set_css_name (widget_class, "dossier");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_dossier_page_init (VigilDossierPage *self)
{
  g_type_ensure (VIGIL_TYPE_DOSSIER_HEADER);
  g_type_ensure (VIGIL_TYPE_DOSSIER_SECTION_PART);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::show-victim-names",
                           G_CALLBACK (show_victim_names_changed_cb), self, G_CONNECT_SWAPPED);

  self->content = g_object_ref_sink (new_content_box ());
  adw_clamp_set_child (ADW_CLAMP (self->clamp), GTK_WIDGET (self->content));

  gtk_stack_set_visible_child_name (self->stack, "empty");
  self->state = VIGIL_DOSSIER_PAGE_STATE_EMPTY;
}

/* Public */

GtkWidget *
vigil_dossier_page_new (void)
{
  return g_object_new (VIGIL_TYPE_DOSSIER_PAGE, NULL);
}

void
vigil_dossier_page_set_store (VigilDossierPage *self,
                              VigilStore       *store)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_PAGE (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* A dossier from another store is not shown. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->model);
  g_clear_error (&self->error);
  self->person_id = 0;
  build_dossier (self);
  set_state (self, VIGIL_DOSSIER_PAGE_STATE_EMPTY);
}

/**
 * vigil_dossier_page_focus:
 *
 * Puts the keyboard focus on the page's first control (Back), unless it is already
 * in the dossier's sections.
 */
void
vigil_dossier_page_focus (VigilDossierPage *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (VIGIL_IS_DOSSIER_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* someone reading the dossier keeps their place */
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->scrolled))
    return;
  gtk_widget_grab_focus (self->back_button);
}

/**
 * vigil_dossier_page_load:
 * @person_id: the person to show
 *
 * Loads the person's dossier in a worker thread, records the view in the audit log,
 * then shows it (or why it could not be read).
 */
static void
start_load (VigilDossierPage *self,
            gboolean          record_view)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  vigil_dossier_open_async (self->store, self->person_id, record_view, self->cancellable,
                            load_finished_cb, g_object_ref (self));
}

/* After an edit: the page stays as it is until the new dossier replaces it. */
void
_vigil_dossier_page_reload (VigilDossierPage *self)
{
  if (self->store != NULL && self->person_id != 0)
    start_load (self, FALSE);
}

void
vigil_dossier_page_load (VigilDossierPage *self,
                         gint64            person_id)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_PAGE (self));
  g_return_if_fail (self->store != NULL);

  g_clear_object (&self->model);
  g_clear_error (&self->error);
  build_dossier (self);

  if (person_id != self->person_id)
    self->all_history = FALSE;
  self->person_id = person_id;
  gtk_label_set_label (self->title_label, _("Dossier"));
  set_state (self, VIGIL_DOSSIER_PAGE_STATE_LOADING);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
  start_load (self, TRUE);
}

/**
 * vigil_dossier_page_get_editor:
 *
 * The record editor the page opened last, while it is open; NULL otherwise.
 */
GtkWidget *
vigil_dossier_page_get_editor (VigilDossierPage *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_PAGE (self), NULL);
  return self->editor;
}

gint64
vigil_dossier_page_get_person_id (VigilDossierPage *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_PAGE (self), 0);
  return self->person_id;
}

VigilDossierPageState
vigil_dossier_page_get_state (VigilDossierPage *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_PAGE (self), VIGIL_DOSSIER_PAGE_STATE_EMPTY);
  return self->state;
}

const VigilDossier *
vigil_dossier_page_get_dossier (VigilDossierPage *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_PAGE (self), NULL);
  return get_dossier (self);
}

const GError *
vigil_dossier_page_get_error (VigilDossierPage *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_PAGE (self), NULL);
  return self->error;
}

GtkWidget *
vigil_dossier_page_get_section (VigilDossierPage *self,
                                const char       *name)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->sections, name);
}
