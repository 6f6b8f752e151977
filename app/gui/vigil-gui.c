/* vigil-gui.c: set-up shared by the application and the gui tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-gui"

#include "config.h"

#include "vigil-core.h"

#include "vigil-gui.h"
#include "vigil-gui-resources.h"
#include "vigil-cohort-view.h"
#include "vigil-people-model.h"
#include "vigil-person-item.h"
#include "vigil-pg-group.h"
#include "vigil-welcome-page.h"

void
vigil_gui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      vigil_core_init ();

      /* Templates, style.css, gtk/help-overlay.ui and the app icon: registered by
       * hand, since a constructor in a static library may be left out of the link. */
      vigil_gui_register_resource ();

      g_type_ensure (VIGIL_TYPE_PERSON_ITEM);
      g_type_ensure (VIGIL_TYPE_PEOPLE_MODEL);
      g_type_ensure (VIGIL_TYPE_COHORT_VIEW);
      g_type_ensure (VIGIL_TYPE_PG_GROUP);
      g_type_ensure (VIGIL_TYPE_WELCOME_PAGE);

      g_once_init_leave (&initialized, 1);
    }
}

/**
 * vigil_gui_get_icon_name:
 * @display: the display the icon is shown on
 *
 * Returns: the application icon's name: APPLICATION_ID when the icon theme has it
 *   (installed), else the icon in Vigil's resources
 */
const char *
vigil_gui_get_icon_name (GdkDisplay *display)
{
  GtkIconTheme *theme;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), APPLICATION_ID);

  theme = gtk_icon_theme_get_for_display (display);
  if (gtk_icon_theme_has_icon (theme, APPLICATION_ID))
    return APPLICATION_ID;
  return "org.vigilapp.Vigil";
}
