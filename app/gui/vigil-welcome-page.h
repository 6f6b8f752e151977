/* vigil-welcome-page.h: the first page, before Vigil knows where its records are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_WELCOME_PAGE (vigil_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilWelcomePage, vigil_welcome_page, VIGIL, WELCOME_PAGE, GtkWidget)

GtkWidget *vigil_welcome_page_new (void);

G_END_DECLS
