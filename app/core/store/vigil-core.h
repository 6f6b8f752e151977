/* vigil-core.h: everything libvigil-core offers (no GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-location.h"
#include "vigil-store.h"
#include "vigil-record.h"
#include "vigil-entities.h"
#include "vigil-audit.h"
#include "vigil-people.h"
#include "vigil-synth.h"
#include "vigil-demo.h"
#include "vigil-csv.h"
#include "vigil-import.h"
#include "vigil-flag-import.h"
#include "vigil-refresh.h"
#include "vigil-dossier.h"
#include "vigil-cohort.h"
#include "vigil-casework.h"
#include "vigil-tactical-menu.h"
#include "vigil-panel.h"
#include "vigil-evaluation.h"

G_BEGIN_DECLS

/* Sets up libgda once; call before anything else (thread-safe, idempotent). */
void vigil_core_init (void);

G_END_DECLS
