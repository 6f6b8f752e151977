/* vigil-found-person.c: someone the referral's search found (an item of its GListModel)
 *
 * The item copies what it shows, so it never points into the search's results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-found-person"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-entities.h"

#include "vigil-found-person.h"

struct _VigilFoundPerson
{
  GObject   parent_instance;

  gint64    person_id;
  char     *name;
  char     *details;
  gboolean  chosen;
};

G_DEFINE_FINAL_TYPE (VigilFoundPerson, vigil_found_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_NAME,
  PROP_DETAILS,
  PROP_CHOSEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe_summary (const VigilPersonSummary *summary)
{
  GString *text = g_string_new (NULL);

  if (summary->local_ref != NULL)
    g_string_append (text, summary->local_ref);
  if (summary->dob != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: a date of birth, e.g. "born 1980-02-03" */
      g_string_append_printf (text, _("born %s"), summary->dob);
    }
  if (summary->pnc_id != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: a Police National Computer id, e.g. "PNC 00/000001A" */
      g_string_append_printf (text, _("PNC %s"), summary->pnc_id);
    }
  if (summary->status != NULL && g_strcmp0 (summary->status, "exited") != 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: someone's cohort status, e.g. "In the cohort: Candidate" */
      g_string_append_printf (text, _("In the cohort: %s"),
                              vigil_choice_get_label (vigil_cohort_status_choices, summary->status));
    }

  return g_string_free (text, FALSE);
}

static void
vigil_found_person_finalize (GObject *object)
{
  VigilFoundPerson *self = VIGIL_FOUND_PERSON (object);

  g_free (self->name);
  g_free (self->details);

  G_OBJECT_CLASS (vigil_found_person_parent_class)->finalize (object);
}

static void
vigil_found_person_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigilFoundPerson *self = VIGIL_FOUND_PERSON (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;

    case PROP_CHOSEN:
      g_value_set_boolean (value, self->chosen);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_found_person_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VigilFoundPerson *self = VIGIL_FOUND_PERSON (object);

  switch (prop_id)
    {
    case PROP_CHOSEN:
      vigil_found_person_set_chosen (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_found_person_class_init (VigilFoundPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_found_person_finalize;
  object_class->get_property = vigil_found_person_get_property;
  object_class->set_property = vigil_found_person_set_property;

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, "The person's id", 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "The person's name, as the list shows it", NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, "Reference, date of birth, PNC ID and cohort status", NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHOSEN] =
    g_param_spec_boolean ("chosen", NULL, "Whether this is the person referred", FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_found_person_init (VigilFoundPerson *self)
{
}

VigilFoundPerson *
vigil_found_person_new (const VigilPersonSummary *summary)
{
  VigilFoundPerson *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_FOUND_PERSON, NULL);
  self->person_id = summary->person_id;
  self->name = vigil_person_summary_dup_display_name (summary);
  self->details = describe_summary (summary);
  return self;
}

gint64
vigil_found_person_get_person_id (VigilFoundPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_FOUND_PERSON (self), 0);

  return self->person_id;
}

const char *
vigil_found_person_get_name (VigilFoundPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_FOUND_PERSON (self), NULL);

  return self->name;
}

const char *
vigil_found_person_get_details (VigilFoundPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_FOUND_PERSON (self), NULL);

  return self->details;
}

gboolean
vigil_found_person_get_chosen (VigilFoundPerson *self)
{
  g_return_val_if_fail (VIGIL_IS_FOUND_PERSON (self), FALSE);

  return self->chosen;
}

void
vigil_found_person_set_chosen (VigilFoundPerson *self,
                               gboolean          chosen)
{
  g_return_if_fail (VIGIL_IS_FOUND_PERSON (self));

  chosen = !!chosen;
  if (self->chosen == chosen)
    return;
  self->chosen = chosen;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOSEN]);
}
