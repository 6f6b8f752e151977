/* vigil-dossier-processes.h: the dossier's Other Processes section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-dossier-section-part.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DOSSIER_PROCESSES (vigil_dossier_processes_get_type ())
G_DECLARE_FINAL_TYPE (VigilDossierProcesses, vigil_dossier_processes, VIGIL, DOSSIER_PROCESSES, VigilDossierSectionPart)

G_END_DECLS
