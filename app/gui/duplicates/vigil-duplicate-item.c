/* vigil-duplicate-item.c: one possible duplicate pair, as a GObject for list widgets
 *
 * The item is immutable: a decision reloads the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-duplicate-item"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-entities.h"

#include "vigil-duplicate-item.h"

struct _VigilDuplicateItem
{
  GObject parent_instance;

  VigilDuplicate *duplicate;
  char           *batch_name;
};

G_DEFINE_FINAL_TYPE (VigilDuplicateItem, vigil_duplicate_item, G_TYPE_OBJECT)

static void
vigil_duplicate_item_finalize (GObject *object)
{
  VigilDuplicateItem *self = VIGIL_DUPLICATE_ITEM (object);

  g_clear_pointer (&self->duplicate, vigil_duplicate_free);
  g_clear_pointer (&self->batch_name, g_free);

  G_OBJECT_CLASS (vigil_duplicate_item_parent_class)->finalize (object);
}

static void
vigil_duplicate_item_class_init (VigilDuplicateItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigil_duplicate_item_finalize;
}

static void
vigil_duplicate_item_init (VigilDuplicateItem *self)
{
}

VigilDuplicateItem *
vigil_duplicate_item_new (VigilDuplicate *duplicate,
                          const char     *batch_name)
{
  VigilDuplicateItem *self;

  g_return_val_if_fail (duplicate != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_DUPLICATE_ITEM, NULL);
  self->duplicate = duplicate;
  self->batch_name = g_strdup (batch_name);
  return self;
}

const VigilDuplicate *
vigil_duplicate_item_get_duplicate (VigilDuplicateItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DUPLICATE_ITEM (self), NULL);
  return self->duplicate;
}

gint64
vigil_duplicate_item_get_id (VigilDuplicateItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DUPLICATE_ITEM (self), 0);
  return self->duplicate->id;
}

gboolean
vigil_duplicate_item_is_open (VigilDuplicateItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DUPLICATE_ITEM (self), FALSE);
  return g_strcmp0 (self->duplicate->status, "open") == 0;
}

char *
vigil_duplicate_item_dup_why (VigilDuplicateItem *self)
{
  const char *reason;

  g_return_val_if_fail (VIGIL_IS_DUPLICATE_ITEM (self), NULL);

  if (g_strcmp0 (self->duplicate->reason, "same_pnc") == 0)
    reason = _("Same PNC ID");
  else if (g_strcmp0 (self->duplicate->reason, "same_name_dob") == 0)
    reason = _("Same name and date of birth under another reference");
  else
    reason = vigil_choice_get_label (vigil_duplicate_reason_choices, self->duplicate->reason);

  if (self->batch_name != NULL)
    /* Translators: why two people may be one; %s is the file of an import */
    return g_strdup_printf (_("%s · found by the import of “%s”"), reason, self->batch_name);
  if (self->duplicate->batch_id > 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, self->duplicate->batch_id);

      /* Translators: why two people may be one; the second %s is the number of an import */
      return g_strdup_printf (_("%s · found by import %s"), reason, number);
    }
  return g_strdup (reason);
}

char *
vigil_duplicate_item_dup_decision (VigilDuplicateItem *self)
{
  const VigilDuplicate *d;
  const char *by, *on;

  g_return_val_if_fail (VIGIL_IS_DUPLICATE_ITEM (self), NULL);

  d = self->duplicate;
  if (g_strcmp0 (d->status, "open") == 0)
    return NULL;

  by = d->decided_by != NULL ? d->decided_by : "?";
  on = d->decided_on != NULL ? d->decided_on : "?";
  if (g_strcmp0 (d->status, "merged") == 0)
    /* Translators: a decision on two records; name, date, then the rationale */
    return g_strdup_printf (_("Merged by %s on %s: %s"), by, on, d->rationale != NULL ? d->rationale : "");
  /* Translators: a decision on two records; name, date, then the rationale */
  return g_strdup_printf (_("Kept apart by %s on %s: %s"), by, on, d->rationale != NULL ? d->rationale : "");
}

char *
vigil_duplicate_person_dup_details (const VigilDuplicatePerson *person)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (person != NULL, NULL);

  g_string_append (text, person->local_ref != NULL ? person->local_ref : _("No reference"));
  g_string_append (text, " · ");
  if (person->dob != NULL)
    /* Translators: a date of birth, e.g. "born 1980-02-03" */
    g_string_append_printf (text, _("born %s"), person->dob);
  else
    g_string_append (text, _("date of birth unknown"));
  g_string_append (text, " · ");
  if (person->pnc_id != NULL)
    /* Translators: a Police National Computer id, e.g. "PNC 00/000001A" */
    g_string_append_printf (text, _("PNC %s"), person->pnc_id);
  else
    g_string_append (text, _("no PNC ID"));

  return g_string_free (text, FALSE);
}

char *
vigil_duplicate_person_dup_incidents (const VigilDuplicatePerson *person)
{
  g_autofree char *perpetrator_count = NULL;
  g_autofree char *victim_count = NULL;
  g_autofree char *perpetrator = NULL;
  g_autofree char *victim = NULL;

  g_return_val_if_fail (person != NULL, NULL);

  perpetrator_count = g_strdup_printf ("%'" G_GINT64_FORMAT, person->incidents_as_perpetrator);
  victim_count = g_strdup_printf ("%'" G_GINT64_FORMAT, person->incidents_as_victim);

  /* Translators: the first half of "3 incidents as perpetrator, 1 as victim" */
  perpetrator = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s incident as perpetrator",
                                              "%s incidents as perpetrator",
                                              (gulong) CLAMP (person->incidents_as_perpetrator, 0, G_MAXLONG)),
                                 perpetrator_count);
  /* Translators: the second half of "3 incidents as perpetrator, 1 as victim" */
  victim = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s as victim", "%s as victim",
                                         (gulong) CLAMP (person->incidents_as_victim, 0, G_MAXLONG)),
                            victim_count);
  /* Translators: "3 incidents as perpetrator, 1 as victim" */
  return g_strdup_printf (_("%s, %s"), perpetrator, victim);
}
