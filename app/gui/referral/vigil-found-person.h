/* vigil-found-person.h: someone the referral's search found (an item of its GListModel)
 *
 * What the row of the results shows of them (their name, and their reference, date
 * of birth, PNC ID and open cohort status as details), their id for the referral, and
 * whether they are the person chosen (the row's check mark). No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-people.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_FOUND_PERSON (vigil_found_person_get_type ())
G_DECLARE_FINAL_TYPE (VigilFoundPerson, vigil_found_person, VIGIL, FOUND_PERSON, GObject)

/* @summary is read at once, not kept. */
VigilFoundPerson *vigil_found_person_new         (const VigilPersonSummary *summary);
gint64            vigil_found_person_get_person_id (VigilFoundPerson       *self);
const char       *vigil_found_person_get_name    (VigilFoundPerson         *self);
/* "SYN-0001 · born 1980-02-03 · PNC 00/000001A · In the cohort: Candidate" */
const char       *vigil_found_person_get_details (VigilFoundPerson         *self);
gboolean          vigil_found_person_get_chosen  (VigilFoundPerson         *self);
void              vigil_found_person_set_chosen  (VigilFoundPerson         *self,
                                                  gboolean                  chosen);

G_END_DECLS
