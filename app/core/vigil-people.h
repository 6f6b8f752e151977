/* vigil-people.h: the people of the cohort view, searched and paged by the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

/* One row of the cohort list: a perpetrator (someone with an incident as perpetrator
 * or a cohort entry). Victims who are nothing else are never listed. */
typedef struct
{
  gint64 person_id;
  char *surname;
  char *forenames;
  char *local_ref;
  char *pnc_id;
  char *dob;
  char *status;          /* cohort status code, NULL when not in the cohort */
  char *route;           /* route code, NULL when not in the cohort */
  char *lead_agency;
  char *lead_officer;
  gint64 incident_count;
} VigilPersonSummary;

void       vigil_person_summary_free (VigilPersonSummary *summary);
char      *vigil_person_summary_dup_display_name (const VigilPersonSummary *summary);

/* @search: NULL or "" for everyone; otherwise every word must match (case-insensitive,
 * anywhere) the surname, forenames, an alias, the local reference or the PNC id. */
gint64     vigil_people_count        (VigilStore  *store,
                                      const char  *search,
                                      GError     **error);
/* Ordered by surname, forenames, id. Returns VigilPersonSummary elements. */
GPtrArray *vigil_people_list         (VigilStore  *store,
                                      const char  *search,
                                      gint64       offset,
                                      guint        limit,
                                      GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilPersonSummary, vigil_person_summary_free)

G_END_DECLS
