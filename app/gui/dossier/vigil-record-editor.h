/* vigil-record-editor.h: a form for one record of a dossier, built from its fields
 *
 * The editor shows the chosen fields of a record (described in vigil-entities.c) as
 * rows — text, several lines of text, a choice, a date, a yes/no switch, a number —
 * checks them, and saves through vigil_casework_save() (or a save function of the
 * caller's). When someone else saved the same record since it was opened, it shows
 * both versions field by field and lets the user keep theirs or save theirs over
 * with their own, knowingly: never a lost update.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_EDITOR_FIELD_NONE     = 0,
  VIGIL_EDITOR_FIELD_LONG     = 1 << 0, /* text of several lines */
  VIGIL_EDITOR_FIELD_REQUIRED = 1 << 1, /* must be filled in (besides the field's own flag) */
} VigilEditorFieldFlags;

typedef struct
{
  const char            *name;     /* a field of the record type */
  VigilEditorFieldFlags  flags;
  const char * const    *choices;  /* a choice field's options, when narrower than its own */
} VigilEditorField;

typedef enum
{
  VIGIL_RECORD_EDITOR_EDITING,
  VIGIL_RECORD_EDITOR_CONFLICT,  /* someone else saved it: both versions shown */
  VIGIL_RECORD_EDITOR_SAVED,
} VigilRecordEditorState;

/* Saves @record; the default is vigil_casework_save(). */
typedef gboolean (*VigilRecordEditorSaveFunc) (VigilStore             *store,
                                               const VigilRecordType  *type,
                                               gpointer                record,
                                               gpointer                user_data,
                                               GError                **error);

#define VIGIL_TYPE_RECORD_EDITOR (vigil_record_editor_get_type ())

G_DECLARE_FINAL_TYPE (VigilRecordEditor, vigil_record_editor, VIGIL, RECORD_EDITOR, AdwWindow)

/* @record is copied. @description goes above the fields. */
VigilRecordEditor     *vigil_record_editor_new            (VigilStore              *store,
                                                           const char              *title,
                                                           const char              *description,
                                                           const char              *save_label,
                                                           const VigilRecordType   *type,
                                                           gconstpointer            record,
                                                           const VigilEditorField  *fields,
                                                           guint                    n_fields);
/* The same, with @first_group (its title and description, taken) as the group the
 * first fields join, instead of a plain one with @description. */
VigilRecordEditor     *vigil_record_editor_new_in_group   (VigilStore              *store,
                                                           const char              *title,
                                                           AdwPreferencesGroup     *first_group,
                                                           const char              *save_label,
                                                           const VigilRecordType   *type,
                                                           gconstpointer            record,
                                                           const VigilEditorField  *fields,
                                                           guint                    n_fields);
/* @user_data may be read on a worker during a save; @destroy frees it when the
 * editor is finalized (a save on its way keeps the editor). */
void                   vigil_record_editor_set_save_func  (VigilRecordEditor       *self,
                                                           VigilRecordEditorSaveFunc func,
                                                           gpointer                 user_data,
                                                           GDestroyNotify           destroy);
/* The row of a field (to show or hide it), NULL when it is not in the form. */
GtkWidget             *vigil_record_editor_get_row        (VigilRecordEditor       *self,
                                                           const char              *name);
/* The control that edits a field: a GtkEditable, GtkTextView, AdwComboRow, GtkSwitch
 * or GtkSpinButton. */
GtkWidget             *vigil_record_editor_get_control    (VigilRecordEditor       *self,
                                                           const char              *name);
/* The value of a choice field as the form has it now (a code, NULL when not set). */
const char            *vigil_record_editor_get_choice     (VigilRecordEditor       *self,
                                                           const char              *name);
/* Shows @message above the form (or hides it, NULL). */
void                   vigil_record_editor_show_message   (VigilRecordEditor       *self,
                                                           const char              *message);
VigilRecordEditorState vigil_record_editor_get_state      (VigilRecordEditor       *self);
gboolean               vigil_record_editor_get_saving     (VigilRecordEditor       *self);
/* The record as last saved, or as opened. */
gconstpointer          vigil_record_editor_get_record     (VigilRecordEditor       *self);
/* The message shown above the form, NULL when none. */
const char            *vigil_record_editor_get_message    (VigilRecordEditor       *self);

G_END_DECLS
