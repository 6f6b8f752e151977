/* vigil-record-editor.c: a form for one record of a dossier, built from its fields
 *
 * Saving runs on a worker (vigil_store_call_async): one audited transaction of a
 * single row; a save that lost a race reads the winning version there too, and the
 * form shows the conflict instead of overwriting it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-decision-form.h"
#include "vigil-record-editor.h"
#include "vigil-format.h"
#include "vigil-section.h"

typedef struct
{
  const VigilField       *field;
  VigilEditorFieldFlags   flags;
  const char * const     *choices;   /* what the combo offers, without "not set" */
  gboolean                optional;  /* a combo's first item is "Not set" */
  char                   *label;     /* capitalised */
  GtkWidget              *row;
  GtkWidget              *control;
} EditorRow;

struct _VigilRecordEditor
{
  AdwWindow               parent_instance;

  /* Children */
  GtkRevealer            *message_revealer;
  GtkLabel               *message_label;
  GtkRevealer            *conflict_revealer;
  GtkLabel               *conflict_label;
  GtkListBox             *conflict_list;
  GtkWidget              *save_button;
  AdwPreferencesPage     *page;

  /* Owned references */
  VigilStore             *store;
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

static GtkWidget *
create_combo_row (EditorRow  *row,
                  const char *value)
{
  GtkWidget *combo = adw_combo_row_new ();
  GtkStringList *labels = gtk_string_list_new (NULL);
  guint selected = 0, n = 0;

  if (row->optional)
    {
      gtk_string_list_append (labels, _("Not set"));
      n++;
    }
  for (guint i = 0; row->choices[i] != NULL; i++, n++)
    {
      const char *label = vigil_choice_get_label (row->field->choices, row->choices[i]);

      gtk_string_list_append (labels, label ? label : row->choices[i]);
      if (g_strcmp0 (row->choices[i], value) == 0)
        selected = n;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), selected);
  g_object_unref (labels);
  return combo;
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
        row.row = adw_entry_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row.row), title);
        gtk_editable_set_text (GTK_EDITABLE (row.row), value ? value : "");
        row.control = row.row;
        adw_preferences_group_add (group, row.row);
        break;
      }

    case VIGIL_FIELD_CHOICE:
      row.choices = spec->choices ? spec->choices : field->choices;
      row.optional = (row.flags & VIGIL_EDITOR_FIELD_REQUIRED) == 0;
      row.row = create_combo_row (&row, TEXT_FIELD (self->record, field));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row.row), title);
      row.control = row.row;
      adw_preferences_group_add (group, row.row);
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
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row->control));

  if (row->optional)
    {
      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
        return NULL;
      selected--;
    }
  if (selected >= g_strv_length ((char **) row->choices))
    return NULL;
  return row->choices[selected];
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

static char *
dup_value_text (const VigilField *field,
                gconstpointer     record)
{
  switch (field->kind)
    {
    case VIGIL_FIELD_CHOICE:
      {
        const char *code = TEXT_FIELD (record, field);
        const char *label = vigil_choice_get_label (field->choices, code);

        if (code == NULL || *code == '\0')
          return g_strdup (_("(not set)"));
        return g_strdup (label ? label : code);
      }

    case VIGIL_FIELD_BOOL:
      return g_strdup (BOOL_FIELD (record, field) ? _("Yes") : _("No"));

    case VIGIL_FIELD_INT:
    case VIGIL_FIELD_REF:
      return g_strdup_printf ("%" G_GINT64_FORMAT, INT_FIELD (record, field));

    case VIGIL_FIELD_TEXT:
    case VIGIL_FIELD_DATE:
    case VIGIL_FIELD_DATETIME:
    case VIGIL_FIELD_DOUBLE:
    default:
      {
        const char *text = TEXT_FIELD (record, field);

        return g_strdup (text && *text ? text : _("(empty)"));
      }
    }
}

static gboolean
field_values_equal (const VigilField *field,
                    gconstpointer     a,
                    gconstpointer     b)
{
  g_autofree char *ta = dup_value_text (field, a);
  g_autofree char *tb = dup_value_text (field, b);

  return g_strcmp0 (ta, tb) == 0;
}

static void
append_conflict_row (GtkListBox *list,
                     const char *label,
                     const char *theirs,
                     const char *mine)
{
  GtkWidget *row = adw_action_row_new ();
  /* Translators: the other person's saved value and the user's own, in a conflict */
  g_autofree char *subtitle = g_strdup_printf (_("Saved by them: %s\nYours: %s"), theirs, mine);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 12);
  gtk_list_box_append (list, row);
}

static void
set_state (VigilRecordEditor      *self,
           VigilRecordEditorState  state)
{
  self->state = state;
  gtk_revealer_set_reveal_child (self->conflict_revealer, state == VIGIL_RECORD_EDITOR_CONFLICT);
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
  const VigilRecord *theirs;
  GtkWidget *child;
  guint n = 0;

  g_clear_pointer (&self->theirs, vigil_record_destroy);
  g_clear_pointer (&self->mine, vigil_record_destroy);
  self->mine = mine;
  self->theirs = their_record;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflict_list))) != NULL)
    gtk_list_box_remove (self->conflict_list, child);

  if (self->theirs == NULL)
    {
      /* removed, or not a record the editor can read back: say so, offer to close */
      gtk_label_set_label (self->conflict_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->conflict_list), FALSE);
      set_state (self, VIGIL_RECORD_EDITOR_CONFLICT);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-mine", FALSE);
      return;
    }

  theirs = self->theirs;
  for (guint i = 0; i < self->rows->len; i++)
    {
      const EditorRow *row = &g_array_index (self->rows, EditorRow, i);

      if (!field_values_equal (row->field, self->theirs, mine))
        {
          g_autofree char *their_text = dup_value_text (row->field, self->theirs);
          g_autofree char *my_text = dup_value_text (row->field, mine);

          append_conflict_row (self->conflict_list, row->label, their_text, my_text);
          n++;
        }
    }

  {
    g_autofree char *text = NULL;
    g_autofree char *when = vigil_format_date (theirs->updated_at);

    if (n == 0)
      /* Translators: who saved the record while the user was editing it, and when */
      text = g_strdup_printf (_("%s saved this on %s while you were editing it. Their version "
                                "already says what yours says."),
                              theirs->updated_by ? theirs->updated_by : _("Someone else"), when);
    else
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s saved this on %s while you were editing it. "
                                           "One field differs: keep their version, or save yours over it.",
                                           "%s saved this on %s while you were editing it. "
                                           "%u fields differ: keep their version, or save yours over it.",
                                           n),
                              theirs->updated_by ? theirs->updated_by : _("Someone else"), when, n);
    gtk_label_set_label (self->conflict_label, text);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->conflict_list), n > 0);
  set_state (self, VIGIL_RECORD_EDITOR_CONFLICT);
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

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.keep-theirs", NULL, keep_theirs_action);
  gtk_widget_class_install_action (widget_class, "editor.save-mine", NULL, save_mine_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static GtkWidget *
create_message_box (GtkLabel  **label,
                    const char *icon_name,
                    const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_widget_add_css_class (image, css_class);
  gtk_box_append (GTK_BOX (box), image);

  *label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (*label, TRUE);
  gtk_label_set_xalign (*label, 0);
  gtk_label_set_selectable (*label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (*label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (*label), css_class);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*label));
  return box;
}

static GtkWidget *
create_conflict_panel (VigilRecordEditor *self)
{
  GtkWidget *panel = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Someone Else Saved This First"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *keep = gtk_button_new_with_mnemonic (_("_Keep Their Version"));
  GtkWidget *overwrite = gtk_button_new_with_mnemonic (_("_Save Mine Over Theirs"));
  GtkWidget *message = create_message_box (&self->conflict_label, "dialog-warning-symbolic", "warning");

  gtk_widget_set_name (panel, "conflict");
  gtk_widget_set_margin_start (panel, 12);
  gtk_widget_set_margin_end (panel, 12);
  gtk_widget_set_margin_bottom (panel, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (panel),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Conflicting change"),
                                  -1);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_start (heading, 6);
  gtk_box_append (GTK_BOX (panel), heading);
  gtk_widget_set_margin_top (message, 0);
  gtk_widget_set_margin_start (message, 6);
  gtk_box_append (GTK_BOX (panel), message);

  self->conflict_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->conflict_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->conflict_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->conflict_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Both versions, field by field"),
                                  -1);
  gtk_box_append (GTK_BOX (panel), GTK_WIDGET (self->conflict_list));

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (keep), "editor.keep-theirs");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (overwrite), "editor.save-mine");
  gtk_widget_set_tooltip_text (keep, _("Discard your changes and show their version"));
  gtk_widget_set_tooltip_text (overwrite, _("You have seen their version: save yours in its place"));
  gtk_widget_add_css_class (overwrite, "destructive-action");
  gtk_box_append (GTK_BOX (buttons), keep);
  gtk_box_append (GTK_BOX (buttons), overwrite);
  gtk_box_append (GTK_BOX (panel), buttons);
  return panel;
}

static void
vigil_record_editor_init (VigilRecordEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *message;

  self->rows = g_array_new (FALSE, TRUE, sizeof (EditorRow));
  g_array_set_clear_func (self->rows, editor_row_clear);
  self->save_func = save_with_casework;

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 720);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 400);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "editor.save");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (box), header);

  message = create_message_box (&self->message_label, "dialog-error-symbolic", "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (message), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  self->message_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->message_revealer, message);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message_revealer));

  self->conflict_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->conflict_revealer, create_conflict_panel (self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->conflict_revealer));

  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page));

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
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
  gtk_button_set_use_underline (GTK_BUTTON (self->save_button), TRUE);

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
