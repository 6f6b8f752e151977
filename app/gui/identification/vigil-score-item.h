/* vigil-score-item.h: one row of the ranking, made when a list widget asks for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-rfgv.h"

G_BEGIN_DECLS

/* How a person moved since the previous run. */
typedef enum
{
  VIGIL_SCORE_MOVEMENT_NONE,     /* not known before, or no change */
  VIGIL_SCORE_MOVEMENT_NEW,      /* a new entrant */
  VIGIL_SCORE_MOVEMENT_UP,       /* a higher place (a smaller rank number) */
  VIGIL_SCORE_MOVEMENT_DOWN,
  VIGIL_SCORE_MOVEMENT_SAME,
} VigilScoreMovement;

#define VIGIL_TYPE_SCORE_ITEM (vigil_score_item_get_type ())
G_DECLARE_FINAL_TYPE (VigilScoreItem, vigil_score_item, VIGIL, SCORE_ITEM, GObject)

VigilScoreItem     *vigil_score_item_new              (const VigilScoreRow *row,
                                                       const char          *name,
                                                       const char          *reference,
                                                       const char          *area,
                                                       VigilScoreMovement   movement,
                                                       int                  places,
                                                       gboolean             needs_review);
const VigilScoreRow *vigil_score_item_get_row         (VigilScoreItem *self);
gint64              vigil_score_item_get_person_id    (VigilScoreItem *self);
int                 vigil_score_item_get_rank         (VigilScoreItem *self);
const char         *vigil_score_item_get_name         (VigilScoreItem *self);
const char         *vigil_score_item_get_reference    (VigilScoreItem *self);
const char         *vigil_score_item_get_area         (VigilScoreItem *self);
VigilScoreMovement  vigil_score_item_get_movement     (VigilScoreItem *self);
int                 vigil_score_item_get_places       (VigilScoreItem *self);
/* A person of concern whose score rose (principle 5). */
gboolean            vigil_score_item_get_needs_review (VigilScoreItem *self);
/* "New", "Up 3", "Down 1", "Same" or "" (translated). */
char               *vigil_score_item_dup_movement_label (VigilScoreItem *self);
/* The total as shown: "12" or "12.5". */
char               *vigil_score_item_dup_total_label  (VigilScoreItem *self);

G_END_DECLS
