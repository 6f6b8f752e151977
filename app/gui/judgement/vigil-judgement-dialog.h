/* vigil-judgement-dialog.h: a professional-judgement decision over the algorithm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-cohort.h"
#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_JUDGEMENT_DIALOG (vigil_judgement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VigilJudgementDialog, vigil_judgement_dialog, VIGIL, JUDGEMENT_DIALOG, AdwWindow)

/* The dialog for @person_id, transient for @parent (may be NULL); present it. */
VigilJudgementDialog *vigil_judgement_dialog_new           (VigilStore           *store,
                                                            gint64                person_id,
                                                            GtkWindow            *parent);
VigilStore           *vigil_judgement_dialog_get_store     (VigilJudgementDialog *self);
gint64                vigil_judgement_dialog_get_person_id (VigilJudgementDialog *self);
/* Whether the dialog is reading the person or recording the decision. */
gboolean              vigil_judgement_dialog_get_busy      (VigilJudgementDialog *self);
/* The message shown above the form, NULL when none. */
const char           *vigil_judgement_dialog_get_error     (VigilJudgementDialog *self);

G_END_DECLS
