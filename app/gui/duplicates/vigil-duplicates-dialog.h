/* vigil-duplicates-dialog.h: reviewing possible duplicate people: merge or keep apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DUPLICATES_DIALOG (vigil_duplicates_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VigilDuplicatesDialog, vigil_duplicates_dialog, VIGIL, DUPLICATES_DIALOG, AdwWindow)

VigilDuplicatesDialog *vigil_duplicates_dialog_new        (GtkWindow             *parent,
                                                           VigilStore            *store);
VigilStore            *vigil_duplicates_dialog_get_store  (VigilDuplicatesDialog *self);
/* The pairs listed (VigilDuplicateItem), open or decided as the filter says. */
GListModel            *vigil_duplicates_dialog_get_model  (VigilDuplicatesDialog *self);
/* Whether decided pairs are listed instead of open ones. */
gboolean               vigil_duplicates_dialog_get_show_decided (VigilDuplicatesDialog *self);
void                   vigil_duplicates_dialog_set_show_decided (VigilDuplicatesDialog *self,
                                                                 gboolean               show_decided);
/* "list", "empty", "error", "decide" or "merging" */
const char            *vigil_duplicates_dialog_get_page   (VigilDuplicatesDialog *self);
/* The message shown above the decision form, NULL when none. */
const char            *vigil_duplicates_dialog_get_error  (VigilDuplicatesDialog *self);
/* Reads the pairs again. */
void                   vigil_duplicates_dialog_reload     (VigilDuplicatesDialog *self);

G_END_DECLS
