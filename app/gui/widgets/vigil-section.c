/* vigil-section.c: the pieces of a page of sections (the dossier, the panel)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-section"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vigil-section.h"

GtkWidget *
vigil_section_new_label (const char *text,
                         const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
vigil_section_new (const char *name,
                   const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = vigil_section_new_label (title, "title-3");
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_name (box, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_widget_add_css_class (box, "dossier-section");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), heading);
  gtk_box_append (GTK_BOX (top), buttons);
  gtk_box_append (GTK_BOX (box), top);
  g_object_set_data (G_OBJECT (box), "vigil-section-buttons", buttons);
  gtk_widget_set_margin_top (box, 18);
  return box;
}

GtkWidget *
vigil_section_new_action_button (const char *name,
                                 const char *label,
                                 const char *accessible_label,
                                 const char *action_name,
                                 GVariant   *target)
{
  GtkWidget *button = label ? gtk_button_new_with_mnemonic (label) : gtk_button_new ();

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  if (action_name != NULL)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    {
      if (action_name != NULL)
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
      else
        g_variant_unref (g_variant_ref_sink (target));
    }
  return button;
}

void
vigil_section_add_button (GtkWidget *section,
                          GtkWidget *button)
{
  GtkWidget *buttons = g_object_get_data (G_OBJECT (section), "vigil-section-buttons");

  g_return_if_fail (GTK_IS_BOX (buttons));
  gtk_box_append (GTK_BOX (buttons), button);
}

GtkWidget *
vigil_section_new_list (const char *accessible_name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  return list;
}

/* The row can take the focus, so that the keyboard can walk the list and a screen
 * reader read it. */
GtkWidget *
vigil_section_append_row (GtkWidget  *list,
                          const char *first,
                          ...)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autoptr(GString) whole = g_string_new (first);
  const char *line;
  va_list args;

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), vigil_section_new_label (first, NULL));

  va_start (args, first);
  while ((line = va_arg (args, const char *)) != NULL)
    {
      const char *css = va_arg (args, const char *);

      if (*line == '\0')
        continue;
      gtk_box_append (GTK_BOX (box), vigil_section_new_label (line, css));
      g_string_append (whole, ". ");
      g_string_append (whole, line);
    }
  va_end (args);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, whole->str,
                                  -1);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

void
vigil_section_row_add_button (GtkWidget *row,
                              GtkWidget *button)
{
  GtkWidget *lines = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *box;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (GTK_IS_BOX (lines) && g_object_get_data (G_OBJECT (lines), "vigil-row-buttons") != NULL)
    {
      gtk_box_append (GTK_BOX (lines), button);
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_object_set_data (G_OBJECT (box), "vigil-row-buttons", GINT_TO_POINTER (TRUE));
  g_object_ref (lines);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_hexpand (lines, TRUE);
  gtk_box_append (GTK_BOX (box), lines);
  g_object_unref (lines);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), button);
}
