/* vigil-choice-item.h: one choice of a drop-down (an item of its GListModel)
 *
 * What a choice stands for (its id: a choice code, an area's name; NULL for the "any"
 * choice at the top of a filter) and what the drop-down shows of it (its label, bound
 * with an expression on "label"). A choice that stands for a number (the index of the
 * evaluation's windows) carries it as its value. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_CHOICE_ITEM (vigil_choice_item_get_type ())
G_DECLARE_FINAL_TYPE (VigilChoiceItem, vigil_choice_item, VIGIL, CHOICE_ITEM, GObject)

/* Gives a label to a choice code, e.g. vigil_tactical_category_get_title (). */
typedef const char *(*VigilChoiceLabelFunc) (const char *code);

VigilChoiceItem *vigil_choice_item_new          (const char           *id,
                                                 const char           *label);
VigilChoiceItem *vigil_choice_item_new_value    (guint                 value,
                                                 const char           *label);
const char      *vigil_choice_item_get_id       (VigilChoiceItem      *self);
const char      *vigil_choice_item_get_label    (VigilChoiceItem      *self);
guint            vigil_choice_item_get_value    (VigilChoiceItem      *self);

/* Fills @store (of VigilChoiceItem) again: @any_label first (with a NULL id) unless it
 * is NULL, then one item a code of @codes (NULL-terminated), labelled by the choice
 * table @choices (vigil_choice_get_label ()), or by @label_func, or, with neither, by
 * the code itself (an area's name). */
void             vigil_choice_item_fill         (GListStore           *store,
                                                 const char           *any_label,
                                                 const char * const   *codes,
                                                 const char * const   *choices,
                                                 VigilChoiceLabelFunc  label_func);
/* The position of the item whose id is @id (NULL: the "any" item) in @model, or
 * GTK_INVALID_LIST_POSITION's value (G_MAXUINT) when none. */
guint            vigil_choice_item_find         (GListModel           *model,
                                                 const char           *id);
/* The id of @item: a drop-down's selected item, a VigilChoiceItem or NULL (none
 * selected, which is NULL too). */
const char      *vigil_choice_item_get_id_of    (gpointer              item);

G_END_DECLS
