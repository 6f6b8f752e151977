/* vigil-panel-pack.h: the panel pack of a meeting, as a PDF (principle 6)
 *
 * The agenda, attendance (with the agencies the guidance names that are absent), one
 * section per case — status and route, the score and its R/F/G/V breakdown, decisions,
 * the risk management plan and its interventions, other processes, the agency
 * information shared with the panel, victims and safeguarding, minutes — and the
 * actions, with those carried from earlier meetings. Every page carries the
 * protective marking at its top and bottom and its page number. Victims appear by
 * their role ("Victim 1") unless the caller asks for their names. Each person in the
 * pack gets an "export" row in the audit log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_PANEL_PACK_DEFAULT_MARKING "OFFICIAL-SENSITIVE"

typedef struct
{
  gboolean    show_victims;  /* victims' names instead of their roles */
  const char *marking;       /* NULL: the meeting's, else VIGIL_PANEL_PACK_DEFAULT_MARKING */
  const char *today;         /* "YYYY-MM-DD" for overdue actions; NULL: local today */
} VigilPanelPackOptions;

/* Writes the pack to @path (a new file replaces it only once it is complete). Returns
 * the number of pages, 0 with @error set. */
guint    vigil_panel_pack_write (VigilStore                   *store,
                                 gint64                        meeting_id,
                                 const char                   *path,
                                 const VigilPanelPackOptions  *options,
                                 GCancellable                 *cancellable,
                                 GError                      **error);

G_END_DECLS
