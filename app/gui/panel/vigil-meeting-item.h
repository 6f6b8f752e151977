/* vigil-meeting-item.h: a meeting in the Panel page's chooser (an item of its GListModel)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_MEETING_ITEM (vigil_meeting_item_get_type ())
G_DECLARE_FINAL_TYPE (VigilMeetingItem, vigil_meeting_item, VIGIL, MEETING_ITEM, GObject)

VigilMeetingItem *vigil_meeting_item_new       (gint64            id,
                                                const char       *label);
gint64            vigil_meeting_item_get_id    (VigilMeetingItem *self);
const char       *vigil_meeting_item_get_label (VigilMeetingItem *self);

G_END_DECLS
