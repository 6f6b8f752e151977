/* vigil-person-item.h: one row of the cohort list, as a GObject for list widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-people.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PERSON_ITEM (vigil_person_item_get_type ())
G_DECLARE_FINAL_TYPE (VigilPersonItem, vigil_person_item, VIGIL, PERSON_ITEM, GObject)

VigilPersonItem *vigil_person_item_new              (const VigilPersonSummary *summary);
VigilPersonItem *vigil_person_item_new_placeholder  (void);
gboolean         vigil_person_item_is_placeholder   (VigilPersonItem *self);
void             vigil_person_item_fill             (VigilPersonItem          *self,
                                                     const VigilPersonSummary *summary);
void             vigil_person_item_clear            (VigilPersonItem *self);
gint64           vigil_person_item_get_person_id    (VigilPersonItem *self);
const char      *vigil_person_item_get_name         (VigilPersonItem *self);
const char      *vigil_person_item_get_local_ref    (VigilPersonItem *self);
const char      *vigil_person_item_get_pnc_id       (VigilPersonItem *self);
const char      *vigil_person_item_get_dob          (VigilPersonItem *self);
const char      *vigil_person_item_get_dob_label    (VigilPersonItem *self);
const char      *vigil_person_item_get_status       (VigilPersonItem *self);
const char      *vigil_person_item_get_status_label (VigilPersonItem *self);
const char      *vigil_person_item_get_route        (VigilPersonItem *self);
const char      *vigil_person_item_get_route_label  (VigilPersonItem *self);
const char      *vigil_person_item_get_lead_label   (VigilPersonItem *self);
gint64           vigil_person_item_get_incident_count (VigilPersonItem *self);

guint            vigil_person_item_get_flags        (VigilPersonItem *self);
const char      *vigil_person_item_get_score_label  (VigilPersonItem *self);
const char      *vigil_person_item_get_flags_label  (VigilPersonItem *self);

G_END_DECLS
