/* vigil-cohort-private.h: helpers shared by the cohort decisions (vigil-cohort.c) and
 * the dossier's casework (vigil-casework.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-entities.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* NULL, empty or only white space */
gboolean     vigil_cohort_is_blank          (const char          *text);
/* Today in local time, "YYYY-MM-DD" */
char        *vigil_cohort_dup_today         (void);
/* @date NULL or a valid YYYY-MM-DD; else VIGIL_COHORT_ERROR_INVALID naming @what */
gboolean     vigil_cohort_check_date        (const char          *date,
                                             const char          *what,
                                             GError             **error);
/* Runs @func in one transaction; a refusal (VIGIL_COHORT_ERROR) keeps its domain,
 * code and message. */
gboolean     vigil_cohort_run_work          (VigilStore          *store,
                                             VigilStoreWorkFunc   func,
                                             gpointer             data,
                                             GError             **error);
/* The person, refused (VIGIL_COHORT_ERROR_MERGED) when merged into someone else */
VigilPerson *vigil_cohort_fetch_live_person (VigilStore          *store,
                                             gint64               person_id,
                                             GError             **error);
/* "SURNAME, Forenames (REF)" */
char        *vigil_cohort_describe_person   (const VigilPerson   *person);

G_END_DECLS
