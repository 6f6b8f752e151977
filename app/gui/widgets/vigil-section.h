/* vigil-section.h: the pieces of a page of sections (the dossier, the panel)
 *
 * A section (VigilSection, a template) is a vertical box named for tests and assistive
 * technologies, with a heading (level 2, its "title") and a row of buttons beside it;
 * its contents are labels and boxed lists of rows of lines, each row readable by a
 * screen reader as a whole. In a template, <child type="button"> puts a button beside
 * the heading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_SECTION (vigil_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (VigilSection, vigil_section, VIGIL, SECTION, GtkBox)

struct _VigilSectionClass
{
  GtkBoxClass parent_class;
};

/* A section box named @name, with @title as its heading and accessible label. */
GtkWidget  *vigil_section_new           (const char   *name,
                                         const char   *title);
const char *vigil_section_get_title     (VigilSection *self);
void        vigil_section_set_title     (VigilSection *self,
                                         const char   *title);
/* A button named @name (for tests) with a mnemonic @label (NULL: for an icon) and an
 * accessible label, that activates @action_name (a widget action of the page, e.g.
 * "dossier.edit-process"; NULL: none, the button stays inert) with @target (floating,
 * taken; or not floating, referenced; or NULL) as its parameter: records are named by
 * id, never hung on the button. */
GtkWidget *vigil_section_new_action_button (const char *name,
                                            const char *label,
                                            const char *accessible_label,
                                            const char *action_name,
                                            GVariant   *target);
/* Puts @button in the row of buttons beside the section's heading. */
void       vigil_section_add_button     (GtkWidget  *section,
                                         GtkWidget  *button);
/* A wrapping, left-aligned label with an optional CSS class. */
GtkWidget *vigil_section_new_label      (const char *text,
                                         const char *css_class);
/* A boxed list with no selection, named for assistive technologies. */
GtkWidget *vigil_section_new_list       (const char *accessible_name);
/* Appends a row of lines to @list: @first plain, then (text, css class) pairs ending
 * with NULL; empty texts are skipped. The row's accessible label holds every line. */
GtkWidget *vigil_section_append_row     (GtkWidget  *list,
                                         const char *first,
                                         ...) G_GNUC_NULL_TERMINATED;
/* A row of lines (as vigil_section_append_row() appends) with only @first, for a
 * list bound to a model; vigil_section_row_add_line() adds the others (empty texts
 * are skipped). */
GtkWidget *vigil_section_new_row        (const char *first);
void       vigil_section_row_add_line   (GtkWidget  *row,
                                         const char *text,
                                         const char *css_class);
/* Puts @button at the end of a row made by vigil_section_append_row(). */
void       vigil_section_row_add_button (GtkWidget  *row,
                                         GtkWidget  *button);


G_END_DECLS
