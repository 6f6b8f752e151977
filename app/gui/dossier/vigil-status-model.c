/* vigil-status-model.c: what Change Status knows and asks (its view model)
 *
 * Built once from the dossier; only the status chosen changes afterwards. The entry's
 * id and revision never change after construction, so the save, on a worker, reads
 * them without a lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-status-model"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-status-model.h"

struct _VigilStatusModel
{
  GObject parent_instance;

  gint64              entry_id;
  gint64              entry_rev;
  const char * const *next;          /* borrowed: vigil_casework_next_statuses () */
  gboolean            other_process_active;
  char               *description;
  char               *status;        /* the move chosen, NULL: none */
};

G_DEFINE_FINAL_TYPE (VigilStatusModel, vigil_status_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_ASKS_EXIT_REASON,
  PROP_ASKS_MANAGING_PANEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_next_status (VigilStatusModel *self,
                const char       *status)
{
  return status != NULL && g_strv_contains ((const char * const *) self->next, status);
}

static void
vigil_status_model_finalize (GObject *object)
{
  VigilStatusModel *self = VIGIL_STATUS_MODEL (object);

  g_free (self->description);
  g_free (self->status);

  G_OBJECT_CLASS (vigil_status_model_parent_class)->finalize (object);
}

static void
vigil_status_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigilStatusModel *self = VIGIL_STATUS_MODEL (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_ASKS_EXIT_REASON:
      g_value_set_boolean (value, vigil_status_model_get_asks_exit_reason (self));
      break;

    case PROP_ASKS_MANAGING_PANEL:
      g_value_set_boolean (value, vigil_status_model_get_asks_managing_panel (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_status_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VigilStatusModel *self = VIGIL_STATUS_MODEL (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      vigil_status_model_set_status (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_status_model_class_init (VigilStatusModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_status_model_finalize;
  object_class->get_property = vigil_status_model_get_property;
  object_class->set_property = vigil_status_model_set_property;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, "The person, their status and what a move records",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, "The move chosen (a cohort status code)",
                         NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASKS_EXIT_REASON] =
    g_param_spec_boolean ("asks-exit-reason", NULL, "Whether the move chosen needs an exit reason",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASKS_MANAGING_PANEL] =
    g_param_spec_boolean ("asks-managing-panel", NULL, "Whether the move chosen asks which panel manages the risk",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_status_model_init (VigilStatusModel *self)
{
}

VigilStatusModel *
vigil_status_model_new (const VigilDossier *dossier)
{
  const VigilCohortEntry *entry;
  const char * const *next;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GString) active = g_string_new (NULL);
  g_autofree char *name = NULL;
  const char *status_label;
  VigilStatusModel *self;

  g_return_val_if_fail (dossier != NULL, NULL);

  entry = dossier->cohort_entry;
  if (entry == NULL)
    return NULL;
  next = vigil_casework_next_statuses (entry->status);
  if (next[0] == NULL)
    return NULL;

  self = g_object_new (VIGIL_TYPE_STATUS_MODEL, NULL);
  self->entry_id = entry->record.id;
  self->entry_rev = entry->record.rev;
  self->next = next;
  self->status = g_strdup (next[0]);
  for (guint i = 0; dossier->processes != NULL && i < dossier->processes->len; i++)
    {
      const VigilProcessOverlap *process = g_ptr_array_index (dossier->processes, i);
      const char *label = vigil_choice_get_label (vigil_process_choices, process->process);

      if (g_strcmp0 (process->status, "active") != 0)
        continue;
      self->other_process_active = TRUE;
      g_string_append_printf (active, "%s%s", active->len ? ", " : "", label ? label : process->process);
    }

  status_label = vigil_choice_get_label (vigil_cohort_status_choices, entry->status);
  if (dossier->person->forenames != NULL)
    name = g_strdup_printf ("%s, %s", dossier->person->surname, dossier->person->forenames);
  else
    name = g_strdup (dossier->person->surname);
  /* Translators: a person and their cohort status */
  g_string_append_printf (description, _("%s is %s. Every move is a decision: who made it, "
                                         "their role, when and why."),
                          name, status_label ? status_label : entry->status);
  if (self->other_process_active)
    /* Translators: after the description; a list of processes ("MARAC, IOM") */
    g_string_append_printf (description, _(" Also active: %s. Adopting asks which panel manages the risk."),
                            active->str);
  self->description = g_string_free (g_steal_pointer (&description), FALSE);

  return self;
}

gint64
vigil_status_model_get_entry_id (VigilStatusModel *self)
{
  g_return_val_if_fail (VIGIL_IS_STATUS_MODEL (self), 0);

  return self->entry_id;
}

gint64
vigil_status_model_get_entry_rev (VigilStatusModel *self)
{
  g_return_val_if_fail (VIGIL_IS_STATUS_MODEL (self), 0);

  return self->entry_rev;
}

const char * const *
vigil_status_model_get_next_statuses (VigilStatusModel *self)
{
  g_return_val_if_fail (VIGIL_IS_STATUS_MODEL (self), NULL);

  return self->next;
}

gboolean
vigil_status_model_get_other_process_active (VigilStatusModel *self)
{
  g_return_val_if_fail (VIGIL_IS_STATUS_MODEL (self), FALSE);

  return self->other_process_active;
}

const char *
vigil_status_model_get_description (VigilStatusModel *self)
{
  g_return_val_if_fail (VIGIL_IS_STATUS_MODEL (self), NULL);

  return self->description;
}

const char *
vigil_status_model_get_status (VigilStatusModel *self)
{
  g_return_val_if_fail (VIGIL_IS_STATUS_MODEL (self), NULL);

  return self->status;
}

void
vigil_status_model_set_status (VigilStatusModel *self,
                               const char       *status)
{
  gboolean asked_exit_reason, asked_managing_panel;

  g_return_if_fail (VIGIL_IS_STATUS_MODEL (self));
  g_return_if_fail (status == NULL || is_next_status (self, status));

  if (g_strcmp0 (self->status, status) == 0)
    return;

  asked_exit_reason = vigil_status_model_get_asks_exit_reason (self);
  asked_managing_panel = vigil_status_model_get_asks_managing_panel (self);
  g_free (self->status);
  self->status = g_strdup (status);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (asked_exit_reason != vigil_status_model_get_asks_exit_reason (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASKS_EXIT_REASON]);
  if (asked_managing_panel != vigil_status_model_get_asks_managing_panel (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASKS_MANAGING_PANEL]);
}

gboolean
vigil_status_model_get_asks_exit_reason (VigilStatusModel *self)
{
  g_return_val_if_fail (VIGIL_IS_STATUS_MODEL (self), FALSE);

  return g_strcmp0 (self->status, "exited") == 0;
}

gboolean
vigil_status_model_get_asks_managing_panel (VigilStatusModel *self)
{
  g_return_val_if_fail (VIGIL_IS_STATUS_MODEL (self), FALSE);

  return g_strcmp0 (self->status, "managed") == 0 && self->other_process_active;
}
