/* vigil-score-item.c: one row of the ranking, made when a list widget asks for it
 *
 * An immutable copy of a VigilScoreRow with the person's name and reference (read a
 * page at a time by VigilScoreModel), the area and the movement since the previous
 * run. Items are cheap and short-lived: only the rows on screen have one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-score-item"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-score-item.h"

struct _VigilScoreItem
{
  GObject parent_instance;

  VigilScoreRow      row;
  char              *name;
  char              *reference;
  char              *area;
  VigilScoreMovement movement;
  int                places;
  gboolean           needs_review;
};

G_DEFINE_FINAL_TYPE (VigilScoreItem, vigil_score_item, G_TYPE_OBJECT)

static void
vigil_score_item_finalize (GObject *object)
{
  VigilScoreItem *self = (VigilScoreItem *)object;

  g_free (self->name);
  g_free (self->reference);
  g_free (self->area);

  G_OBJECT_CLASS (vigil_score_item_parent_class)->finalize (object);
}

static void
vigil_score_item_class_init (VigilScoreItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigil_score_item_finalize;
}

static void
vigil_score_item_init (VigilScoreItem *self)
{
}

/**
 * vigil_score_item_new:
 * @places: how many places the person moved (for UP and DOWN)
 *
 * Returns: (transfer full): a row of the ranking
 */
VigilScoreItem *
vigil_score_item_new (const VigilScoreRow *row,
                      const char          *name,
                      const char          *reference,
                      const char          *area,
                      VigilScoreMovement   movement,
                      int                  places,
                      gboolean             needs_review)
{
  VigilScoreItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_SCORE_ITEM, NULL);
  self->row = *row;
  self->name = g_strdup (name);
  self->reference = g_strdup (reference);
  self->area = g_strdup (area);
  self->movement = movement;
  self->places = places;
  self->needs_review = !!needs_review;
  return self;
}

const VigilScoreRow *
vigil_score_item_get_row (VigilScoreItem *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_ITEM (self), NULL);
  return &self->row;
}

gint64
vigil_score_item_get_person_id (VigilScoreItem *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_ITEM (self), 0);
  return self->row.person_id;
}

int
vigil_score_item_get_rank (VigilScoreItem *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_ITEM (self), 0);
  return self->row.rank;
}

const char *
vigil_score_item_get_name (VigilScoreItem *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_ITEM (self), NULL);
  return self->name;
}

const char *
vigil_score_item_get_reference (VigilScoreItem *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_ITEM (self), NULL);
  return self->reference;
}

const char *
vigil_score_item_get_area (VigilScoreItem *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_ITEM (self), NULL);
  return self->area;
}

VigilScoreMovement
vigil_score_item_get_movement (VigilScoreItem *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_ITEM (self), VIGIL_SCORE_MOVEMENT_NONE);
  return self->movement;
}

int
vigil_score_item_get_places (VigilScoreItem *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_ITEM (self), 0);
  return self->places;
}

gboolean
vigil_score_item_get_needs_review (VigilScoreItem *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_ITEM (self), FALSE);
  return self->needs_review;
}

char *
vigil_score_item_dup_movement_label (VigilScoreItem *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_ITEM (self), NULL);

  switch (self->movement)
    {
    case VIGIL_SCORE_MOVEMENT_NEW:
      /* Translators: movement since the previous run: a new entrant */
      return g_strdup (C_("movement", "New"));
    case VIGIL_SCORE_MOVEMENT_UP:
      /* Translators: movement since the previous run: "Up 3" places */
      return g_strdup_printf (C_("movement", "Up %d"), self->places);
    case VIGIL_SCORE_MOVEMENT_DOWN:
      /* Translators: movement since the previous run: "Down 3" places */
      return g_strdup_printf (C_("movement", "Down %d"), self->places);
    case VIGIL_SCORE_MOVEMENT_SAME:
      /* Translators: movement since the previous run: the same place */
      return g_strdup (C_("movement", "Same"));
    case VIGIL_SCORE_MOVEMENT_NONE:
    default:
      return g_strdup ("");
    }
}

char *
vigil_score_item_dup_total_label (VigilScoreItem *self)
{
  g_return_val_if_fail (VIGIL_IS_SCORE_ITEM (self), NULL);
  return g_strdup_printf ("%g", self->row.total);
}
