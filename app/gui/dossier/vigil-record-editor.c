/* vigil-record-editor.c: a form for one record of a dossier, built from its fields
 *
 * Saving runs on a worker (vigil_store_call_async): one audited transaction of a
 * single row; a save that lost a race reads the winning version there too, and the
 * form shows the conflict instead of overwriting it: a VigilConflictModel compares
 * the versions, and its VigilConflictPanel (a template widget of its own) shows them.
 * The window itself is a template (vigil-record-editor.ui); the rows are built from
 * the fields it is given, unless the first group (a template of the caller's, such as
 * Change Status's VigilStatusGroup) already holds a row named after the field: that
 * row is then filled and read as the editor's own. A choice's row offers a GListStore
 * of VigilChoiceItem ("Not set", with no id, first when the field is optional).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-choice-item.h"
#include "vigil-conflict-panel.h"
#include "vigil-decision-form.h"
#include "vigil-record-editor.h"
#include "vigil-section.h"

typedef struct
{
  const VigilField       *field;
  VigilEditorFieldFlags   flags;
  char                   *label;     /* capitalised */
  GtkWidget              *row;
  GtkWidget              *control;
} EditorRow;

struct _VigilRecordEditor
{
  AdwWindow               parent_instance;

  /* Template widgets */
  GtkRevealer            *message_revealer;
  GtkLabel               *message_label;
  GtkRevealer            *conflict_revealer;
  VigilConflictPanel     *conflict_panel;
  GtkWidget              *save_button;
  AdwPreferencesPage     *page;

  /* Owned references */
  VigilStore             *store;
  VigilConflictModel     *conflict;
  gpointer                record;   /* as opened, then as last saved */
  gpointer                theirs;   /* the stored version in a conflict */
  gpointer                mine;     /* the form's version in a conflict */
  GArray                 *rows;     /* EditorRow */
  char                   *message;

  /* Borrowed */
  const VigilRecordType  *type;
  VigilRecordEditorSaveFunc save_func;
  gpointer                save_data;
  GDestroyNotify          save_data_destroy;

  VigilRecordEditorState  state;
  gboolean                saving;   /* a save is on its way to the store */
};

G_DEFINE_FINAL_TYPE (VigilRecordEditor, vigil_record_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SAVING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define TEXT_FIELD(record, field) G_STRUCT_MEMBER (char *, (record), (field)->offset)
#define INT_FIELD(record, field)  G_STRUCT_MEMBER (gint64, (record), (field)->offset)
#define BOOL_FIELD(record, field) G_STRUCT_MEMBER (gboolean, (record), (field)->offset)

static gboolean
save_with_casework (VigilStore             *store,
                    const VigilRecordType  *type,
                    gpointer                record,
                    gpointer                user_data,
                    GError                **error)
{
  return vigil_casework_save (store, type, record, error);
}

static char *
dup_capitalised (const char *text)
{
  g_autofree char *first = g_utf8_substring (text, 0, 1);
  g_autofree char *upper = g_utf8_strup (first, -1);

  return g_strconcat (upper, g_utf8_offset_to_pointer (text, 1), NULL);
}

static EditorRow *
find_row (VigilRecordEditor *self,
          const char        *name)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      EditorRow *row = &g_array_index (self->rows, EditorRow, i);

      if (g_strcmp0 (row->field->name, name) == 0)
        return row;
    }

  return NULL;
}

/* ------------------------------------------------------------------------------------
 * Building the form
 * ------------------------------------------------------------------------------------ */

static void
editor_row_clear (gpointer data)
{
  EditorRow *row = data;

  g_free (row->label);
}

static GtkWidget *
create_text_view (const char *label,
                  const char *text)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);
  return view;
}

/* Offers @choices (labelled by the field's own) in @combo, "Not set" first unless
 * @required, and selects @value. */
static void
fill_combo_row (AdwComboRow        *combo,
                const VigilField   *field,
                const char * const *choices,
                gboolean            required,
                const char         *value)
{
  g_autoptr(GListStore) items = g_list_store_new (VIGIL_TYPE_CHOICE_ITEM);
  g_autoptr(GtkExpression) label = gtk_property_expression_new (VIGIL_TYPE_CHOICE_ITEM, NULL, "label");
  guint selected;

  vigil_choice_item_fill (items, required ? NULL : _("Not set"), choices, field->choices, NULL);
  adw_combo_row_set_expression (combo, label);
  adw_combo_row_set_model (combo, G_LIST_MODEL (items));
  selected = value != NULL ? vigil_choice_item_find (G_LIST_MODEL (items), value) : G_MAXUINT;
  adw_combo_row_set_selected (combo, selected != G_MAXUINT ? selected : 0);
}

/* The row @group already holds for @field (a template's, named after it), or NULL. */
static GtkWidget *
find_given_row (GtkWidget        *widget,
                const VigilField *field,
                GType             type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && g_strcmp0 (gtk_widget_get_name (child), field->name) == 0)
        return child;
      if ((found = find_given_row (child, field, type)) != NULL)
        return found;
    }

  return NULL;
}

/* The row for @field: the one @group holds already, titled @title unless it has a
 * title of its own, or a new one appended to @group. */
static GtkWidget *
take_row (AdwPreferencesGroup *group,
          const VigilField    *field,
          GType                type,
          const char          *title)
{
  GtkWidget *row = find_given_row (GTK_WIDGET (group), field, type);

  if (row == NULL)
    {
      row = g_object_new (type, NULL);
      adw_preferences_group_add (group, row);
    }
  if (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))[0] == '\0')
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

/* A field being corrected loses its mark; any change answers the message shown. */
static void
field_changed_cb (GtkWidget *control)
{
  GtkRoot *root = gtk_widget_get_root (control);

  vigil_form_mark_fixed (control);
  if (VIGIL_IS_RECORD_EDITOR (root))
    vigil_record_editor_show_message (VIGIL_RECORD_EDITOR (root), NULL);
}

static void
watch_control (GtkWidget *control)
{
  if (GTK_IS_TEXT_VIEW (control))
    g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (control)), "changed",
                             G_CALLBACK (field_changed_cb), control, G_CONNECT_SWAPPED);
  else if (GTK_IS_SPIN_BUTTON (control))
    g_signal_connect (control, "value-changed", G_CALLBACK (field_changed_cb), NULL);
  else if (GTK_IS_EDITABLE (control))
    g_signal_connect (control, "changed", G_CALLBACK (field_changed_cb), NULL);
  else if (ADW_IS_COMBO_ROW (control))
    g_signal_connect (control, "notify::selected", G_CALLBACK (field_changed_cb), NULL);
  else if (GTK_IS_SWITCH (control))
    g_signal_connect (control, "notify::active", G_CALLBACK (field_changed_cb), NULL);
}

static void
add_row (VigilRecordEditor      *self,
         AdwPreferencesGroup    *group,
         const VigilEditorField *spec)
{
  const VigilField *field = vigil_record_type_find_field (self->type, spec->name);
  EditorRow row = { 0 };
  const char *title;

  g_return_if_fail (field != NULL);

  row.field = field;
  row.flags = spec->flags;
  if ((field->flags & VIGIL_FIELD_REQUIRED) != 0)
    row.flags |= VIGIL_EDITOR_FIELD_REQUIRED;
  row.label = dup_capitalised (_(field->label));
  title = row.label;

  switch (field->kind)
    {
    case VIGIL_FIELD_TEXT:
      if ((row.flags & VIGIL_EDITOR_FIELD_LONG) != 0)
        {
          AdwPreferencesGroup *own = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          GtkWidget *frame = gtk_frame_new (NULL);

          adw_preferences_group_set_title (own, title);
          row.control = create_text_view (title, TEXT_FIELD (self->record, field));
          gtk_frame_set_child (GTK_FRAME (frame), row.control);
          gtk_widget_add_css_class (frame, "view");
          adw_preferences_group_add (own, frame);
          adw_preferences_page_add (self->page, own);
          row.row = GTK_WIDGET (own);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case VIGIL_FIELD_DATE:
    case VIGIL_FIELD_DATETIME:
      {
        g_autofree char *with_format = NULL;
        const char *value = TEXT_FIELD (self->record, field);

        if (field->kind != VIGIL_FIELD_TEXT)
          /* Translators: a date field's title, with the way to write it */
          title = with_format = g_strdup_printf (_("%s (YYYY-MM-DD)"), row.label);
        row.row = take_row (group, field, ADW_TYPE_ENTRY_ROW, title);
        gtk_editable_set_text (GTK_EDITABLE (row.row), value ? value : "");
        row.control = row.row;
        break;
      }

    case VIGIL_FIELD_CHOICE:
      row.row = take_row (group, field, ADW_TYPE_COMBO_ROW, title);
      fill_combo_row (ADW_COMBO_ROW (row.row), field, spec->choices ? spec->choices : field->choices,
                      (row.flags & VIGIL_EDITOR_FIELD_REQUIRED) != 0, TEXT_FIELD (self->record, field));
      row.control = row.row;
      break;

    case VIGIL_FIELD_BOOL:
      row.row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row.row), title);
      row.control = gtk_switch_new ();
      gtk_widget_set_valign (row.control, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (row.control), BOOL_FIELD (self->record, field));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row.control),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row.row), row.control);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row.row), row.control);
      adw_preferences_group_add (group, row.row);
      break;

    case VIGIL_FIELD_INT:
      row.row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row.row), title);
      row.control = gtk_spin_button_new_with_range (0, 99, 1);
      gtk_widget_set_valign (row.control, GTK_ALIGN_CENTER);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (row.control), (double) INT_FIELD (self->record, field));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row.control),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row.row), row.control);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row.row), row.control);
      adw_preferences_group_add (group, row.row);
      break;

    case VIGIL_FIELD_DOUBLE:
    case VIGIL_FIELD_REF:
    default:
      g_critical ("The record editor cannot edit the field “%s”", field->name);
      g_free (row.label);
      return;
    }

  gtk_widget_set_name (row.row, field->name);
  watch_control (row.control);
  g_array_append_val (self->rows, row);
}

/* ------------------------------------------------------------------------------------
 * Reading the form
 * ------------------------------------------------------------------------------------ */

static char *
dup_row_text (const EditorRow *row)
{
  if (GTK_IS_TEXT_VIEW (row->control) || GTK_IS_EDITABLE (row->control))
    return vigil_form_dup_text (row->control);

  return NULL;
}

static const char *
get_row_choice (const EditorRow *row)
{
  return vigil_choice_item_get_id_of (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row->control)));
}

static void
clear_marks (VigilRecordEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    vigil_form_mark_invalid (g_array_index (self->rows, EditorRow, i).control, FALSE);
}

/* Copies the form into @record; on a missing or badly written value, shows a message,
 * marks the field and returns FALSE. */
static gboolean
read_form (VigilRecordEditor *self,
           gpointer           record)
{
  clear_marks (self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const EditorRow *row = &g_array_index (self->rows, EditorRow, i);
      const VigilField *field = row->field;
      gboolean required = (row->flags & VIGIL_EDITOR_FIELD_REQUIRED) != 0;
      g_autofree char *message = NULL;

      switch (field->kind)
        {
        case VIGIL_FIELD_TEXT:
        case VIGIL_FIELD_DATE:
        case VIGIL_FIELD_DATETIME:
          {
            g_autofree char *text = dup_row_text (row);

            if (required && text == NULL)
              /* Translators: a field that was left empty */
              message = g_strdup_printf (_("Fill in “%s”."), row->label);
            /* only the form of a date here: whether it may be in the future is the
             * casework's rule (a review date must be, a decision date must not) */
            else if (text != NULL && field->kind == VIGIL_FIELD_DATE && !vigil_date_is_valid (text))
              /* Translators: %s is a field's name, e.g. "Date provided" */
              message = g_strdup_printf (_("%s must be a date written as year-month-day, e.g. 2026-11-03."),
                                         row->label);
            else if (text != NULL && field->kind == VIGIL_FIELD_DATETIME && !vigil_datetime_is_valid (text))
              message = g_strdup_printf (_("%s must be a date written as year-month-day, e.g. 2026-11-03."),
                                         row->label);
            if (message == NULL)
              {
                g_free (TEXT_FIELD (record, field));
                TEXT_FIELD (record, field) = g_steal_pointer (&text);
              }
            break;
          }

        case VIGIL_FIELD_CHOICE:
          {
            const char *code = get_row_choice (row);

            if (required && code == NULL)
              message = g_strdup_printf (_("Choose “%s”."), row->label);
            g_free (TEXT_FIELD (record, field));
            TEXT_FIELD (record, field) = g_strdup (code);
            break;
          }

        case VIGIL_FIELD_BOOL:
          BOOL_FIELD (record, field) = gtk_switch_get_active (GTK_SWITCH (row->control));
          break;

        case VIGIL_FIELD_INT:
          gtk_spin_button_update (GTK_SPIN_BUTTON (row->control));
          INT_FIELD (record, field) = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row->control));
          break;

        case VIGIL_FIELD_DOUBLE:
        case VIGIL_FIELD_REF:
        default:
          break;
        }

      if (message != NULL)
        {
          vigil_record_editor_show_message (self, message);
          vigil_form_mark_invalid (row->control, TRUE);
          gtk_widget_grab_focus (row->control);
          return FALSE;
        }
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------
 * Conflicts
 * ------------------------------------------------------------------------------------ */

static void
set_state (VigilRecordEditor      *self,
           VigilRecordEditorState  state)
{
  self->state = state;
  gtk_revealer_set_reveal_child (self->conflict_revealer, state == VIGIL_RECORD_EDITOR_CONFLICT);
  if (state != VIGIL_RECORD_EDITOR_CONFLICT)
    vigil_conflict_model_clear (self->conflict);
  gtk_widget_set_visible (self->save_button, state != VIGIL_RECORD_EDITOR_CONFLICT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.keep-theirs", state == VIGIL_RECORD_EDITOR_CONFLICT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-mine", state == VIGIL_RECORD_EDITOR_CONFLICT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", state == VIGIL_RECORD_EDITOR_EDITING);
}

/* Shows what the other person saved (@theirs, read back with the failed save; NULL when
 * it could not be) beside what the user wrote. Takes both. */
static void
show_conflict (VigilRecordEditor *self,
               gpointer           mine,
               gpointer           their_record,
               const GError      *error)
{
  g_autofree const VigilField **fields = g_new (const VigilField *, self->rows->len);
  g_autofree const char **labels = g_new (const char *, self->rows->len);

  g_clear_pointer (&self->theirs, vigil_record_destroy);
  g_clear_pointer (&self->mine, vigil_record_destroy);
  self->mine = mine;
  self->theirs = their_record;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const EditorRow *row = &g_array_index (self->rows, EditorRow, i);

      fields[i] = row->field;
      labels[i] = row->label;
    }
  /* removed, or not a record the editor can read back: the error says so, and only
   * closing is offered */
  vigil_conflict_model_compare (self->conflict, fields, labels, self->rows->len,
                                self->theirs, self->mine, error ? error->message : NULL);
  set_state (self, VIGIL_RECORD_EDITOR_CONFLICT);
  if (self->theirs == NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-mine", FALSE);
}

/* ------------------------------------------------------------------------------------
 * Actions
 * ------------------------------------------------------------------------------------ */

static void
finish_saved (VigilRecordEditor *self,
              gpointer           saved)
{
  g_clear_pointer (&self->record, vigil_record_destroy);
  self->record = saved;
  vigil_record_editor_show_message (self, NULL);
  set_state (self, VIGIL_RECORD_EDITOR_SAVED);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

/* A save on a worker's own connection: the save function, then, when it lost a race,
 * the version that won it. */
typedef struct
{
  VigilRecordEditorSaveFunc func;
  gpointer data;
  const VigilRecordType *type;
  gpointer record;      /* mine */
} SaveCall;

typedef struct
{
  const VigilRecordType *type;
  gpointer record;      /* mine, as saved (id, rev) or as it was */
  gpointer theirs;      /* after a conflict, the stored version, or NULL */
  GError *error;        /* NULL: saved */
} SaveOutcome;

static void
save_call_free (SaveCall *call)
{
  g_clear_pointer (&call->record, vigil_record_destroy);
  g_free (call);
}

static void
save_outcome_free (SaveOutcome *outcome)
{
  g_clear_pointer (&outcome->record, vigil_record_destroy);
  g_clear_pointer (&outcome->theirs, vigil_record_destroy);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveOutcome, save_outcome_free)

static void try_save (VigilRecordEditor *self, gpointer mine);

static gpointer
save_thread (VigilStore    *store,
             gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  SaveCall *call = task_data;
  SaveOutcome *outcome = g_new0 (SaveOutcome, 1);

  outcome->type = call->type;
  if (!call->func (store, call->type, call->record, call->data, &outcome->error) &&
      g_error_matches (outcome->error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONFLICT) &&
      call->type->table != NULL && ((VigilRecord *) call->record)->id != 0)
    outcome->theirs = vigil_store_fetch (store, call->type, ((VigilRecord *) call->record)->id, NULL);
  outcome->record = g_steal_pointer (&call->record);
  return outcome;
}

static void
set_saving (VigilRecordEditor *self,
            gboolean           saving)
{
  self->saving = saving;
  gtk_widget_set_sensitive (self->save_button, !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 !saving && self->state == VIGIL_RECORD_EDITOR_EDITING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-mine",
                                 !saving && self->state == VIGIL_RECORD_EDITOR_CONFLICT && self->theirs != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.keep-theirs",
                                 !saving && self->state == VIGIL_RECORD_EDITOR_CONFLICT);
  if (saving)
    vigil_record_editor_show_message (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VigilRecordEditor) self = user_data;
  g_autoptr(SaveOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  outcome = vigil_store_call_finish (VIGIL_STORE (source), result, try_save, &error);
  self->saving = FALSE;
  if (outcome == NULL)
    {
      /* the store closed under the save */
      set_saving (self, FALSE);
      vigil_record_editor_show_message (self, error->message);
      return;
    }

  if (outcome->error == NULL)
    {
      finish_saved (self, g_steal_pointer (&outcome->record));
      set_saving (self, FALSE);
      return;
    }

  if (g_error_matches (outcome->error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONFLICT))
    show_conflict (self, g_steal_pointer (&outcome->record), g_steal_pointer (&outcome->theirs), outcome->error);
  set_saving (self, FALSE);
  if (!g_error_matches (outcome->error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONFLICT))
    vigil_record_editor_show_message (self, outcome->error->message);
}

/* Saves @mine (taken) off the main thread; the form waits, greyed, for the answer. */
static void
try_save (VigilRecordEditor *self,
          gpointer           mine)
{
  SaveCall *call;

  if (self->saving)
    {
      vigil_record_destroy (mine);
      return;
    }

  call = g_new0 (SaveCall, 1);
  call->func = self->save_func;
  call->data = self->save_data;
  call->type = self->type;
  call->record = mine;
  set_saving (self, TRUE);
  vigil_store_call_async (self->store, try_save, save_thread, call, (GDestroyNotify) save_call_free,
                          (GDestroyNotify) save_outcome_free, NULL, saved_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VigilRecordEditor *self = VIGIL_RECORD_EDITOR (widget);
  gpointer mine = vigil_record_copy (self->type, self->record);

  vigil_record_editor_show_message (self, NULL);
  if (!read_form (self, mine))
    {
      vigil_record_destroy (mine);
      return;
    }

  try_save (self, mine);
}

/* Their version stands: the form closes and the dossier shows it. */
static void
keep_theirs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigilRecordEditor *self = VIGIL_RECORD_EDITOR (widget);

  g_clear_pointer (&self->mine, vigil_record_destroy);
  finish_saved (self, g_steal_pointer (&self->theirs));
}

/* The user has seen their version and saves theirs over it, on top of its revision. */
static void
save_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VigilRecordEditor *self = VIGIL_RECORD_EDITOR (widget);
  gpointer mine = g_steal_pointer (&self->mine);

  if (mine == NULL || self->theirs == NULL)
    return;

  ((VigilRecord *) mine)->rev = ((VigilRecord *) self->theirs)->rev;
  g_clear_pointer (&self->theirs, vigil_record_destroy);
  set_state (self, VIGIL_RECORD_EDITOR_EDITING);
  try_save (self, mine);
}

/* ------------------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------------------ */

static void
vigil_record_editor_dispose (GObject *object)
{
  VigilRecordEditor *self = VIGIL_RECORD_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_RECORD_EDITOR);
  g_clear_object (&self->conflict);
  g_clear_object (&self->store);
  g_clear_pointer (&self->record, vigil_record_destroy);
  g_clear_pointer (&self->theirs, vigil_record_destroy);
  g_clear_pointer (&self->mine, vigil_record_destroy);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (vigil_record_editor_parent_class)->dispose (object);
}

/* The save function's data goes last: a save on its way holds a reference to the
 * editor, not to the data, and may still be reading it after the window's dispose. */
static void
vigil_record_editor_finalize (GObject *object)
{
  VigilRecordEditor *self = VIGIL_RECORD_EDITOR (object);

  if (self->save_data_destroy != NULL)
    self->save_data_destroy (self->save_data);

  G_OBJECT_CLASS (vigil_record_editor_parent_class)->finalize (object);
}

static void
vigil_record_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VigilRecordEditor *self = VIGIL_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_record_editor_class_init (VigilRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_record_editor_dispose;
  object_class->finalize = vigil_record_editor_finalize;
  object_class->get_property = vigil_record_editor_get_property;

  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, "Whether a save is on its way to the store",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilRecordEditor::saved:
   *
   * The record was saved (or, in a conflict, the other version was kept).
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (VIGIL_TYPE_CONFLICT_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilRecordEditor, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigilRecordEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, VigilRecordEditor, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigilRecordEditor, conflict_panel);
  gtk_widget_class_bind_template_child (widget_class, VigilRecordEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VigilRecordEditor, page);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.keep-theirs", NULL, keep_theirs_action);
  gtk_widget_class_install_action (widget_class, "editor.save-mine", NULL, save_mine_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
vigil_record_editor_init (VigilRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_array_new (FALSE, TRUE, sizeof (EditorRow));
  g_array_set_clear_func (self->rows, editor_row_clear);
  self->save_func = save_with_casework;
  self->conflict = vigil_conflict_model_new ();
  vigil_conflict_panel_set_model (self->conflict_panel, self->conflict);
  set_state (self, VIGIL_RECORD_EDITOR_EDITING);
}

/* ------------------------------------------------------------------------------------
 * Public
 * ------------------------------------------------------------------------------------ */

VigilRecordEditor *
vigil_record_editor_new (VigilStore              *store,
                         const char              *title,
                         const char              *description,
                         const char              *save_label,
                         const VigilRecordType   *type,
                         gconstpointer            record,
                         const VigilEditorField  *fields,
                         guint                    n_fields)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return vigil_record_editor_new_in_group (store, title, ADW_PREFERENCES_GROUP (group), save_label,
                                           type, record, fields, n_fields);
}

VigilRecordEditor *
vigil_record_editor_new_in_group (VigilStore              *store,
                                  const char              *title,
                                  AdwPreferencesGroup     *first_group,
                                  const char              *save_label,
                                  const VigilRecordType   *type,
                                  gconstpointer            record,
                                  const VigilEditorField  *fields,
                                  guint                    n_fields)
{
  VigilRecordEditor *self;
  AdwPreferencesGroup *group = first_group;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (first_group), NULL);
  g_return_val_if_fail (type != NULL && record != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_RECORD_EDITOR, "title", title, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  self->record = vigil_record_copy (type, record);
  if (save_label != NULL)
    gtk_button_set_label (GTK_BUTTON (self->save_button), save_label);

  adw_preferences_page_add (self->page, group);
  for (guint i = 0; i < n_fields; i++)
    {
      /* a long text after short fields starts its own group; short ones after it
       * go on in a new group, so the form keeps the order it was given */
      const VigilField *field = vigil_record_type_find_field (type, fields[i].name);
      gboolean long_text = field != NULL && field->kind == VIGIL_FIELD_TEXT
                           && (fields[i].flags & VIGIL_EDITOR_FIELD_LONG) != 0;

      add_row (self, group, &fields[i]);
      if (long_text && i + 1 < n_fields)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_page_add (self->page, group);
        }
    }

  return self;
}

void
vigil_record_editor_set_save_func (VigilRecordEditor         *self,
                                   VigilRecordEditorSaveFunc  func,
                                   gpointer                   user_data,
                                   GDestroyNotify             destroy)
{
  g_return_if_fail (VIGIL_IS_RECORD_EDITOR (self));
  g_return_if_fail (!self->saving);

  if (self->save_data_destroy != NULL)
    self->save_data_destroy (self->save_data);
  self->save_func = func ? func : save_with_casework;
  self->save_data = user_data;
  self->save_data_destroy = destroy;
}

GtkWidget *
vigil_record_editor_get_row (VigilRecordEditor *self,
                             const char        *name)
{
  EditorRow *row;

  g_return_val_if_fail (VIGIL_IS_RECORD_EDITOR (self), NULL);

  row = find_row (self, name);
  return row ? row->row : NULL;
}

GtkWidget *
vigil_record_editor_get_control (VigilRecordEditor *self,
                                 const char        *name)
{
  EditorRow *row;

  g_return_val_if_fail (VIGIL_IS_RECORD_EDITOR (self), NULL);

  row = find_row (self, name);
  return row ? row->control : NULL;
}

const char *
vigil_record_editor_get_choice (VigilRecordEditor *self,
                                const char        *name)
{
  EditorRow *row;

  g_return_val_if_fail (VIGIL_IS_RECORD_EDITOR (self), NULL);

  row = find_row (self, name);
  if (row == NULL || row->field->kind != VIGIL_FIELD_CHOICE)
    return NULL;
  return get_row_choice (row);
}

void
vigil_record_editor_show_message (VigilRecordEditor *self,
                                  const char        *message)
{
  g_return_if_fail (VIGIL_IS_RECORD_EDITOR (self));

  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

VigilRecordEditorState
vigil_record_editor_get_state (VigilRecordEditor *self)
{
  g_return_val_if_fail (VIGIL_IS_RECORD_EDITOR (self), VIGIL_RECORD_EDITOR_EDITING);

  return self->state;
}

/* Whether a save is on its way to the store (the form waits for its answer). */
gboolean
vigil_record_editor_get_saving (VigilRecordEditor *self)
{
  g_return_val_if_fail (VIGIL_IS_RECORD_EDITOR (self), FALSE);

  return self->saving;
}

gconstpointer
vigil_record_editor_get_record (VigilRecordEditor *self)
{
  g_return_val_if_fail (VIGIL_IS_RECORD_EDITOR (self), NULL);

  return self->record;
}

const char *
vigil_record_editor_get_message (VigilRecordEditor *self)
{
  g_return_val_if_fail (VIGIL_IS_RECORD_EDITOR (self), NULL);

  return self->message;
}
