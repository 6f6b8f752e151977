/* vigil-welcome-page.c: the first page, before Vigil knows where its records are
 *
 * Its buttons activate the window's actions (win.create-store, win.open-demo,
 * win.connect-postgresql, win.open-file); the window does the work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-welcome-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigil-gui.h"
#include "vigil-welcome-page.h"

struct _VigilWelcomePage
{
  GtkWidget parent_instance;

  /* Template widgets */
  AdwStatusPage *status_page;
  GtkButton     *create_button;
};

G_DEFINE_FINAL_TYPE (VigilWelcomePage, vigil_welcome_page, GTK_TYPE_WIDGET)

static void
vigil_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VIGIL_TYPE_WELCOME_PAGE);

  /* Children of the template that are not bound (the root box) stay: unparent them. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (object));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (object)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (vigil_welcome_page_parent_class)->dispose (object);
}

static gboolean
vigil_welcome_page_grab_focus (GtkWidget *widget)
{
  VigilWelcomePage *self = VIGIL_WELCOME_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->create_button));
}

static void
vigil_welcome_page_class_init (VigilWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_welcome_page_dispose;
  widget_class->grab_focus = vigil_welcome_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, VigilWelcomePage, create_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_welcome_page_init (VigilWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->status_page,
                                 vigil_gui_get_icon_name (gtk_widget_get_display (GTK_WIDGET (self))));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Welcome"),
                                  -1);
}

GtkWidget *
vigil_welcome_page_new (void)
{
  return g_object_new (VIGIL_TYPE_WELCOME_PAGE, NULL);
}
