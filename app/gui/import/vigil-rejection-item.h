/* vigil-rejection-item.h: one rejected row of an import, as a GObject for list widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-import.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_REJECTION_ITEM (vigil_rejection_item_get_type ())
G_DECLARE_FINAL_TYPE (VigilRejectionItem, vigil_rejection_item, VIGIL, REJECTION_ITEM, GObject)

VigilRejectionItem *vigil_rejection_item_new          (GPtrArray          *rejections,
                                                       guint               index);
guint64             vigil_rejection_item_get_line     (VigilRejectionItem *self);
const char         *vigil_rejection_item_get_field    (VigilRejectionItem *self);
const char         *vigil_rejection_item_get_reason   (VigilRejectionItem *self);
const char         *vigil_rejection_item_get_raw_text (VigilRejectionItem *self);
char               *vigil_rejection_item_dup_title    (VigilRejectionItem *self);
char               *vigil_rejection_item_dup_summary  (VigilRejectionItem *self);

G_END_DECLS
