/* vigil-status-dialog.h: Change Status, the cohort workflow as a decision
 *
 * A record editor whose form asks what the move needs: the new status (only the
 * moves the workflow allows from the current one), the decision-maker, role, date,
 * rationale and proportionality note; the exit reason for an exit; for an adoption
 * while another process is active, which panel manages the risk (principle 4). It
 * saves through vigil_casework_move_status().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-record-editor.h"

G_BEGIN_DECLS

/* NULL when the entry cannot move (exited). @dossier is read at once, not kept. */
VigilRecordEditor *vigil_status_dialog_new (VigilStore         *store,
                                            const VigilDossier *dossier);

G_END_DECLS
