/* vigil-decision-form.h: small helpers shared by the decision and referral forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Today in local time, "YYYY-MM-DD". */
char     *vigil_form_dup_today        (void);
/* The text of a GtkEditable or GtkTextView without surrounding white space; NULL
 * when it is blank. */
char     *vigil_form_dup_text         (GtkWidget   *widget);
/* Checks a date field; on a problem, returns FALSE with a message naming the field,
 * @label ("Date of birth"). An empty @text is fine unless @required. */
gboolean  vigil_form_check_date       (const char  *text,
                                       const char  *label,
                                       gboolean     required,
                                       char       **message);
/* Marks a field as wrong (red, and invalid for assistive technologies) or right. */
void      vigil_form_mark_invalid     (GtkWidget   *widget,
                                       gboolean     invalid);
/* Unmarks a field being corrected; TRUE when it was marked (so the message about it
 * can go). */
gboolean  vigil_form_mark_fixed       (GtkWidget   *widget);
/* Makes @form insensitive while the database works, or sensitive again. The focus
 * leaves the form first (GTK warns when a focused entry turns insensitive) and comes
 * back to where it was afterwards, if it is still there to focus. */
void      vigil_form_set_waiting      (GtkWidget   *form,
                                       gboolean     waiting);

G_END_DECLS
