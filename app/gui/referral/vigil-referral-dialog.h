/* vigil-referral-dialog.h: referring a person into the cohort (principle 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-store.h"

G_BEGIN_DECLS

/* The people the search shows at most; more narrow the search. */
#define VIGIL_REFERRAL_DIALOG_N_RESULTS 8

#define VIGIL_TYPE_REFERRAL_DIALOG (vigil_referral_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VigilReferralDialog, vigil_referral_dialog, VIGIL, REFERRAL_DIALOG, AdwWindow)

VigilReferralDialog *vigil_referral_dialog_new           (GtkWindow           *parent,
                                                          VigilStore          *store);
VigilStore          *vigil_referral_dialog_get_store     (VigilReferralDialog *self);
/* "stalking_referral" or "agency_referral" */
const char          *vigil_referral_dialog_get_route     (VigilReferralDialog *self);
void                 vigil_referral_dialog_set_route     (VigilReferralDialog *self,
                                                          const char          *route);
/* The existing person chosen in the search, 0 when none (or a new person is referred). */
gint64               vigil_referral_dialog_get_person_id (VigilReferralDialog *self);
/* Whether a search is being answered by the database. */
gboolean             vigil_referral_dialog_get_searching (VigilReferralDialog *self);
/* Whether the referral is being recorded. */
gboolean             vigil_referral_dialog_get_recording (VigilReferralDialog *self);
/* The message shown above the form, NULL when none. */
const char          *vigil_referral_dialog_get_error     (VigilReferralDialog *self);

G_END_DECLS
