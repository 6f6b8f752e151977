/* vigil-decision-form.c: small helpers shared by the decision and referral forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-decision-form"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-record.h"

#include "vigil-decision-form.h"

char *
vigil_form_dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
vigil_form_dup_text (GtkWidget *widget)
{
  g_autofree char *text = NULL;

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else
    {
      g_return_val_if_fail (GTK_IS_EDITABLE (widget), NULL);
      text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
    }

  g_strstrip (text);
  if (*text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

gboolean
vigil_form_check_date (const char  *text,
                       const char  *label,
                       gboolean     required,
                       char       **message)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (message != NULL, FALSE);

  *message = NULL;
  if (text == NULL || *text == '\0')
    {
      if (!required)
        return TRUE;
      /* Translators: %s is a field's name, e.g. "Date referred" */
      *message = g_strdup_printf (_("%s is required."), label);
      return FALSE;
    }

  if (strlen (text) != 10 || !vigil_date_is_valid (text))
    {
      /* Translators: %s is a field's name, e.g. "Date of birth" */
      *message = g_strdup_printf (_("%s must be a date written as year-month-day, e.g. 2026-11-03."), label);
      return FALSE;
    }

  today = vigil_form_dup_today ();
  if (strcmp (text, today) > 0)
    {
      /* Translators: %s is a field's name, e.g. "Date of birth" */
      *message = g_strdup_printf (_("%s cannot be in the future."), label);
      return FALSE;
    }

  return TRUE;
}

void
vigil_form_mark_invalid (GtkWidget *widget,
                         gboolean   invalid)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (invalid)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

gboolean
vigil_form_mark_fixed (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!gtk_widget_has_css_class (widget, "error"))
    return FALSE;

  vigil_form_mark_invalid (widget, FALSE);
  return TRUE;
}

void
vigil_form_set_waiting (GtkWidget *form,
                        gboolean   waiting)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_WIDGET (form));

  root = gtk_widget_get_root (form);
  if (waiting)
    {
      focus = root != NULL ? gtk_root_get_focus (root) : NULL;
      if (focus != NULL && (focus == form || gtk_widget_is_ancestor (focus, form)))
        {
          /* (a reference: the field may leave the form meanwhile) */
          g_object_set_data_full (G_OBJECT (form), "vigil-form-focus",
                                  g_object_ref (focus), g_object_unref);
          gtk_root_set_focus (root, NULL);
        }
      gtk_widget_set_sensitive (form, FALSE);
      return;
    }

  gtk_widget_set_sensitive (form, TRUE);
  focus = g_object_get_data (G_OBJECT (form), "vigil-form-focus");
  if (focus != NULL && gtk_widget_is_ancestor (focus, form) && root != NULL && gtk_root_get_focus (root) == NULL)
    gtk_widget_grab_focus (focus);
  g_object_set_data (G_OBJECT (form), "vigil-form-focus", NULL);
}
