/* vigil-option-item.h: an option of the tactical menu in the picker (an item of its
 * GListModel)
 *
 * What the picker's row shows of the option (its title; whom it suits, its usual
 * owner and legal basis as the subtitle), its category for the list's headings, and
 * whether it matches a search and the engagement filter. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_OPTION_ITEM (vigil_option_item_get_type ())
G_DECLARE_FINAL_TYPE (VigilOptionItem, vigil_option_item, VIGIL, OPTION_ITEM, GObject)

/* @option is read at once, not kept. */
VigilOptionItem *vigil_option_item_new                (const VigilTacticalOption *option);
/* The options @menu offers (not the retired ones) as VigilOptionItems, by category in
 * the menu's order of categories, then by title. */
GListStore      *vigil_option_item_list_new           (VigilTacticalMenu         *menu);
const char      *vigil_option_item_get_code           (VigilOptionItem           *self);
const char      *vigil_option_item_get_title          (VigilOptionItem           *self);
const char      *vigil_option_item_get_subtitle       (VigilOptionItem           *self);
const char      *vigil_option_item_get_category       (VigilOptionItem           *self);
const char      *vigil_option_item_get_category_title (VigilOptionItem           *self);
/* Whether the option suits a person of @engagement ("engaging", "non_engaging"; NULL:
 * anyone) and its title, legal basis, category or code holds @search (any case;
 * NULL or "": everything). */
gboolean         vigil_option_item_matches            (VigilOptionItem           *self,
                                                       const char                *search,
                                                       const char                *engagement);
/* By category in the menu's order, then by title: a GCompareDataFunc. */
int              vigil_option_item_compare            (gconstpointer              a,
                                                       gconstpointer              b,
                                                       gpointer                   user_data);

G_END_DECLS
