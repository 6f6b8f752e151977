/* vigil-form.h: a form's fields, its validation messages and its error banner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_FORM (vigil_form_get_type ())
G_DECLARE_FINAL_TYPE (VigilForm, vigil_form, VIGIL, FORM, GtkWidget)

GtkWidget  *vigil_form_new               (void);

/* The banner above the fields: @message (under @title, when given), with no field
 * marked. Stays until the next vigil_form_clear () or problem. */
void        vigil_form_show_error        (VigilForm   *self,
                                          const char  *title,
                                          const char  *message);
/* A problem with the fields: shows @message (under @title, when given) in the banner,
 * marks @field and the further widgets (a NULL-terminated list) as invalid, gives
 * @field the message as its accessible description and moves the focus to it. Editing
 * any marked widget (typing in an entry or a text view, toggling a check button, or
 * the check button an action row activates) clears the problem. */
void        vigil_form_show_problem      (VigilForm   *self,
                                          const char  *title,
                                          const char  *message,
                                          GtkWidget   *field,
                                          ...) G_GNUC_NULL_TERMINATED;
/* Shows a problem unless @ok: for a chain of checks, in the order of the form.
 * Returns @ok. */
gboolean    vigil_form_require           (VigilForm   *self,
                                          gboolean     ok,
                                          const char  *message,
                                          GtkWidget   *field,
                                          ...) G_GNUC_NULL_TERMINATED;
/* Checks the date in @field (vigil_form_check_date ()) and shows its problem, if any. */
gboolean    vigil_form_require_date      (VigilForm   *self,
                                          const char  *text,
                                          const char  *label,
                                          gboolean     required,
                                          GtkWidget   *field);
/* Clears the problem when @widget is one of the widgets it marks, as editing it would;
 * TRUE when it did. */
gboolean    vigil_form_fix               (VigilForm   *self,
                                          GtkWidget   *widget);
/* Hides the banner and unmarks every field. */
void        vigil_form_clear             (VigilForm   *self);
/* The banner's message while it shows, or NULL; its heading, or NULL when none. */
const char *vigil_form_get_error         (VigilForm   *self);
const char *vigil_form_get_error_title   (VigilForm   *self);
/* Makes the fields insensitive while the database works, or sensitive again. The
 * focus leaves them first (GTK warns when a focused entry turns insensitive) and
 * comes back to where it was afterwards, if it is still there to focus. The banner
 * stays readable. */
void        vigil_form_set_waiting       (VigilForm   *self,
                                          gboolean     waiting);
gboolean    vigil_form_get_waiting       (VigilForm   *self);

/* Helpers for reading and checking fields */

/* Today in local time, "YYYY-MM-DD". */
char       *vigil_form_dup_today         (void);
/* The text of a GtkEditable or GtkTextView without surrounding white space; NULL
 * when it is blank. */
char       *vigil_form_dup_text          (GtkWidget   *widget);
/* Checks a date field; on a problem, returns FALSE with a message naming the field,
 * @label ("Date of birth"). An empty @text is fine unless @required. */
gboolean    vigil_form_check_date        (const char  *text,
                                          const char  *label,
                                          gboolean     required,
                                          char       **message);
/* Marks a field as wrong (red, and invalid for assistive technologies) or right:
 * for forms that are not a VigilForm (the record editor). */
void        vigil_form_mark_invalid      (GtkWidget   *widget,
                                          gboolean     invalid);
/* Unmarks a field being corrected; TRUE when it was marked (so the message about it
 * can go). */
gboolean    vigil_form_mark_fixed        (GtkWidget   *widget);

G_END_DECLS
