/* vigil-panel-row.c: a row of the Panel page's lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-panel-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-panel-row.h"

struct _VigilPanelRow
{
  GtkListBoxRow      parent_instance;

  /* Template widgets */
  GtkLabel          *title;
  GtkLabel          *subtitle;
  GtkLabel          *detail;
  GtkLabel          *note;
  GtkWidget         *move_up;
  GtkWidget         *move_down;
  GtkWidget         *minutes;
  GtkWidget         *add_action;
  GtkWidget         *edit;

  /* Owned references */
  VigilPanelEntry   *entry;

  VigilPanelRowKind  kind;
};

G_DEFINE_FINAL_TYPE (VigilPanelRow, vigil_panel_row, GTK_TYPE_LIST_BOX_ROW)

static void
show_line (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* @button activates @action_name with the record's id; NULL: none, it stays inert. */
static void
set_button (GtkWidget  *button,
            const char *action_name,
            gint64      id,
            const char *accessible_label)
{
  gtk_widget_set_visible (button, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  if (action_name == NULL)
    {
      gtk_widget_set_sensitive (button, FALSE);
      return;
    }
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
}

static void
show_entry (VigilPanelRow *self)
{
  VigilPanelEntry *entry = self->entry;
  gint64 id = vigil_panel_entry_get_id (entry);
  const char *name = vigil_panel_entry_get_name (entry);
  g_autofree char *whole = vigil_panel_entry_dup_accessible_label (entry);

  show_line (self->title, vigil_panel_entry_get_title (entry));
  show_line (self->subtitle, vigil_panel_entry_get_subtitle (entry));
  show_line (self->detail, vigil_panel_entry_get_detail (entry));
  show_line (self->note, vigil_panel_entry_get_note (entry));
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), vigil_panel_entry_get_warning (entry) ? "warning" : "caption");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, whole, -1);

  switch (self->kind)
    {
    case VIGIL_PANEL_ROW_ATTENDEE:
      {
        /* Translators: accessible name of the button editing an attendee */
        g_autofree char *edit = g_strdup_printf (_("Edit %s"), vigil_panel_entry_get_title (entry));

        gtk_widget_set_name (self->edit, "edit-attendee");
        set_button (self->edit, "panel.edit-attendee", id, edit);
      }
      break;

    case VIGIL_PANEL_ROW_CASE:
      {
        g_autofree char *up = g_strdup_printf (_("Move %s up"), name);
        g_autofree char *down = g_strdup_printf (_("Move %s down"), name);
        g_autofree char *minutes = g_strdup_printf (_("Minutes of %s"), name);
        g_autofree char *action = g_strdup_printf (_("Add an action for %s"), name);

        gtk_widget_set_name (GTK_WIDGET (self), "agenda-item");
        /* the first cannot move up, the last down: those buttons get no action and stay
         * insensitive (an action would make its button sensitive) */
        set_button (self->move_up, vigil_panel_entry_get_can_move_up (entry) ? "panel.move-item-up" : NULL, id, up);
        set_button (self->move_down, vigil_panel_entry_get_can_move_down (entry) ? "panel.move-item-down" : NULL, id, down);
        set_button (self->minutes, "panel.minutes", id, minutes);
        set_button (self->add_action, "panel.add-action", id, action);
      }
      break;

    case VIGIL_PANEL_ROW_ACTION:
      {
        g_autofree char *edit = g_strdup_printf (_("Edit the action %s"), vigil_panel_entry_get_title (entry));

        /* the meeting's own actions and the carried ones: the fourth line is dim */
        gtk_widget_add_css_class (GTK_WIDGET (self->note), "dim-label");
        gtk_widget_set_name (self->edit, "edit-action");
        set_button (self->edit, "panel.edit-action", id, edit);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
vigil_panel_row_dispose (GObject *object)
{
  VigilPanelRow *self = VIGIL_PANEL_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_PANEL_ROW);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (vigil_panel_row_parent_class)->dispose (object);
}

static void
vigil_panel_row_class_init (VigilPanelRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_panel_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-panel-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPanelRow, title);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelRow, detail);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelRow, note);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelRow, move_up);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelRow, move_down);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelRow, minutes);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelRow, add_action);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelRow, edit);
}

static void
vigil_panel_row_init (VigilPanelRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vigil_panel_row_new (VigilPanelRowKind  kind,
                     VigilPanelEntry   *entry)
{
  VigilPanelRow *self;

  g_return_val_if_fail (VIGIL_IS_PANEL_ENTRY (entry), NULL);

  self = g_object_new (VIGIL_TYPE_PANEL_ROW, NULL);
  self->kind = kind;
  self->entry = g_object_ref (entry);
  show_entry (self);
  return GTK_WIDGET (self);
}

VigilPanelEntry *
vigil_panel_row_get_entry (VigilPanelRow *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_ROW (self), NULL);
  return self->entry;
}
