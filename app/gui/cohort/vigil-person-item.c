/* vigil-person-item.c: one row of the cohort list, as a GObject for list widgets
 *
 * The item is built from a VigilPersonSummary and carries the text each column shows
 * (labels already translated), so list factories only bind. A placeholder, shown while
 * its page is read, is filled in place when the page arrives (and cleared again when
 * the page is read anew), so that the list updates its cells instead of rebuilding
 * its rows; a person's item is otherwise never changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-person-item"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-entities.h"

#include "vigil-format.h"
#include "vigil-person-item.h"

struct _VigilPersonItem
{
  GObject parent_instance;

  gint64 person_id;
  gint64 incident_count;
  char *name;
  char *surname;
  char *forenames;
  char *local_ref;
  char *pnc_id;
  char *dob;
  char *dob_label;
  char *status;
  char *status_label;
  char *route;
  char *route_label;
  char *lead_label;
  char *incident_count_label;
  char *rank_label;
  char *refs_label;
  char *score_label;
  char *review_label;
  char *flags_label;
  guint flags;
  guint placeholder : 1;
};

G_DEFINE_FINAL_TYPE (VigilPersonItem, vigil_person_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_NAME,
  PROP_SURNAME,
  PROP_FORENAMES,
  PROP_LOCAL_REF,
  PROP_PNC_ID,
  PROP_DOB,
  PROP_DOB_LABEL,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_ROUTE,
  PROP_ROUTE_LABEL,
  PROP_LEAD_LABEL,
  PROP_INCIDENT_COUNT,
  PROP_INCIDENT_COUNT_LABEL,
  PROP_RANK_LABEL,
  PROP_REFS_LABEL,
  PROP_SCORE_LABEL,
  PROP_REVIEW_LABEL,
  PROP_FLAGS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_date (const char *iso_date)
{
  return vigil_format_short_date (iso_date);
}

static char *
format_lead (const char *agency,
             const char *officer)
{
  const char *agency_label = NULL;

  if (agency != NULL && *agency != '\0')
    agency_label = vigil_choice_get_label (vigil_agency_choices, agency);

  if (agency_label != NULL && officer != NULL && *officer != '\0')
    /* Translators: the lead of a cohort entry: "agency · officer" */
    return g_strdup_printf (C_("lead", "%s · %s"), agency_label, officer);
  if (agency_label != NULL)
    return g_strdup (agency_label);
  return g_strdup (officer != NULL ? officer : "");
}

static char *
format_score (const VigilPersonSummary *summary)
{
  if (summary->rank <= 0)
    return g_strdup ("");
  if (!summary->has_previous)
    /* Translators: a score first seen in the latest run */
    return g_strdup_printf (_("%.0f (new)"), summary->total);
  if (summary->trend > 0)
    /* Translators: a score and its rise since the previous run: "30 ▲10" */
    return g_strdup_printf (_("%.0f ▲%.0f"), summary->total, summary->trend);
  if (summary->trend < 0)
    /* Translators: a score and its fall since the previous run: "25 ▼3" */
    return g_strdup_printf (_("%.0f ▼%.0f"), summary->total, -summary->trend);
  /* Translators: a score unchanged since the previous run */
  return g_strdup_printf (_("%.0f ="), summary->total);
}

static char *
format_flags (guint flags)
{
  static const struct { guint flag; const char *label; } names[] = {
    { VIGIL_PERSON_FLAG_OTHER_PROCESS, N_("Other process") },
    { VIGIL_PERSON_FLAG_VISOR, N_("PDP/ViSOR") },
    { VIGIL_PERSON_FLAG_ORDER, N_("Order") },
    { VIGIL_PERSON_FLAG_STALE, N_("Stale info") },
    { VIGIL_PERSON_FLAG_REVIEW_OVERDUE, N_("Review overdue") },
    { VIGIL_PERSON_FLAG_MOPI_DUE, N_("MoPI due") },
    { VIGIL_PERSON_FLAG_OVERDUE, N_("Intervention overdue") },
    { VIGIL_PERSON_FLAG_ORDER_EXPIRING, N_("Order expiring") },
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (flags & names[i].flag)
      /* Translators: between two flags of the cohort list */
      g_string_append_printf (text, "%s%s", text->len ? C_("flags", " · ") : "", _(names[i].label));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
lookup_label (const char * const *choices,
              const char         *code)
{
  const char *label;

  if (code == NULL || *code == '\0')
    return NULL;
  label = vigil_choice_get_label (choices, code);
  return label != NULL ? label : code;
}

static void
clear_fields (VigilPersonItem *self)
{
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->surname, g_free);
  g_clear_pointer (&self->forenames, g_free);
  g_clear_pointer (&self->local_ref, g_free);
  g_clear_pointer (&self->pnc_id, g_free);
  g_clear_pointer (&self->dob, g_free);
  g_clear_pointer (&self->dob_label, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->status_label, g_free);
  g_clear_pointer (&self->route, g_free);
  g_clear_pointer (&self->route_label, g_free);
  g_clear_pointer (&self->lead_label, g_free);
  g_clear_pointer (&self->incident_count_label, g_free);
  g_clear_pointer (&self->rank_label, g_free);
  g_clear_pointer (&self->refs_label, g_free);
  g_clear_pointer (&self->score_label, g_free);
  g_clear_pointer (&self->review_label, g_free);
  g_clear_pointer (&self->flags_label, g_free);
  self->person_id = 0;
  self->incident_count = 0;
  self->flags = 0;
}

static void
vigil_person_item_finalize (GObject *object)
{
  VigilPersonItem *self = (VigilPersonItem *)object;

  clear_fields (self);

  G_OBJECT_CLASS (vigil_person_item_parent_class)->finalize (object);
}

static void
vigil_person_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilPersonItem *self = VIGIL_PERSON_ITEM (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SURNAME:
      g_value_set_string (value, self->surname);
      break;

    case PROP_FORENAMES:
      g_value_set_string (value, self->forenames);
      break;

    case PROP_LOCAL_REF:
      g_value_set_string (value, self->local_ref);
      break;

    case PROP_PNC_ID:
      g_value_set_string (value, self->pnc_id);
      break;

    case PROP_DOB:
      g_value_set_string (value, self->dob);
      break;

    case PROP_DOB_LABEL:
      g_value_set_string (value, self->dob_label);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, self->status_label);
      break;

    case PROP_ROUTE:
      g_value_set_string (value, self->route);
      break;

    case PROP_ROUTE_LABEL:
      g_value_set_string (value, self->route_label);
      break;

    case PROP_LEAD_LABEL:
      g_value_set_string (value, self->lead_label);
      break;

    case PROP_INCIDENT_COUNT:
      g_value_set_int64 (value, self->incident_count);
      break;

    case PROP_INCIDENT_COUNT_LABEL:
      g_value_set_string (value, self->incident_count_label);
      break;

    case PROP_RANK_LABEL:
      g_value_set_string (value, self->rank_label);
      break;

    case PROP_REFS_LABEL:
      g_value_set_string (value, self->refs_label);
      break;

    case PROP_SCORE_LABEL:
      g_value_set_string (value, self->score_label);
      break;

    case PROP_REVIEW_LABEL:
      g_value_set_string (value, self->review_label);
      break;

    case PROP_FLAGS_LABEL:
      g_value_set_string (value, self->flags_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name,
                 const char *blurb)
{
  return g_param_spec_string (name, NULL, blurb, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
vigil_person_item_class_init (VigilPersonItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_person_item_finalize;
  object_class->get_property = vigil_person_item_get_property;

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, "The person's record id",
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = string_property ("name", "“Surname, Forenames”");
  properties[PROP_SURNAME] = string_property ("surname", "The surname");
  properties[PROP_FORENAMES] = string_property ("forenames", "The forenames");
  properties[PROP_LOCAL_REF] = string_property ("local-ref", "The force's person reference");
  properties[PROP_PNC_ID] = string_property ("pnc-id", "The PNC ID");
  properties[PROP_DOB] = string_property ("dob", "The date of birth, YYYY-MM-DD");
  properties[PROP_DOB_LABEL] = string_property ("dob-label", "The date of birth, for display");
  properties[PROP_STATUS] = string_property ("status", "The cohort status code");
  properties[PROP_STATUS_LABEL] = string_property ("status-label", "The cohort status, for display");
  properties[PROP_ROUTE] = string_property ("route", "The route code");
  properties[PROP_ROUTE_LABEL] = string_property ("route-label", "The route, for display");
  properties[PROP_LEAD_LABEL] = string_property ("lead-label", "The lead agency and officer");
  properties[PROP_INCIDENT_COUNT] =
    g_param_spec_int64 ("incident-count", NULL, "Incidents as perpetrator",
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCIDENT_COUNT_LABEL] =
    string_property ("incident-count-label", "Incidents as perpetrator, for display");
  properties[PROP_RANK_LABEL] = string_property ("rank-label", "The rank in the latest run");
  properties[PROP_REFS_LABEL] = string_property ("refs-label", "The local reference and PNC ID");
  properties[PROP_SCORE_LABEL] = string_property ("score-label", "The score and its trend");
  properties[PROP_REVIEW_LABEL] = string_property ("review-label", "The next review date");
  properties[PROP_FLAGS_LABEL] = string_property ("flags-label", "The flags, for display");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_person_item_init (VigilPersonItem *self)
{
}

/**
 * vigil_person_item_new:
 * @summary: a row from vigil_people_list()
 *
 * Returns: (transfer full): an item holding copies of @summary's fields
 */
static void
set_summary (VigilPersonItem          *self,
             const VigilPersonSummary *summary)
{
  const char *status_label;

  self->person_id = summary->person_id;
  self->incident_count = summary->incident_count;
  self->name = vigil_person_summary_dup_display_name (summary);
  self->surname = g_strdup (summary->surname);
  self->forenames = g_strdup (summary->forenames);
  self->local_ref = g_strdup (summary->local_ref);
  self->pnc_id = g_strdup (summary->pnc_id);
  self->dob = g_strdup (summary->dob);
  self->dob_label = format_date (summary->dob);
  self->status = g_strdup (summary->status);
  status_label = lookup_label (vigil_cohort_status_choices, summary->status);
  self->status_label = g_strdup (status_label != NULL ? status_label : _("Not in cohort"));
  self->route = g_strdup (summary->route);
  self->route_label = g_strdup (lookup_label (vigil_route_choices, summary->route));
  self->lead_label = format_lead (summary->lead_agency, summary->lead_officer);
  self->incident_count_label = g_strdup_printf ("%'" G_GINT64_FORMAT, summary->incident_count);
  self->rank_label = summary->rank > 0 ? g_strdup_printf ("%'" G_GINT64_FORMAT, summary->rank) : g_strdup ("");
  if (summary->local_ref != NULL && summary->pnc_id != NULL)
    /* Translators: a person's references: "local reference · PNC ID" */
    self->refs_label = g_strdup_printf (C_("refs", "%s · %s"), summary->local_ref, summary->pnc_id);
  else
    self->refs_label = g_strdup (summary->local_ref != NULL ? summary->local_ref
                                 : summary->pnc_id != NULL ? summary->pnc_id : "");
  self->score_label = format_score (summary);
  self->review_label = format_date (summary->next_review_on);
  self->flags = summary->flags;
  self->flags_label = format_flags (summary->flags);

}

VigilPersonItem *
vigil_person_item_new (const VigilPersonSummary *summary)
{
  VigilPersonItem *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_PERSON_ITEM, NULL);
  set_summary (self, summary);
  return self;
}

static void
notify_all (VigilPersonItem *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * vigil_person_item_fill:
 * @self: a placeholder
 * @summary: the person the row shows
 *
 * Turns the placeholder a list already shows into the row of @summary, in place: the
 * list updates the row's cells from the notifications instead of building a new row.
 */
void
vigil_person_item_fill (VigilPersonItem          *self,
                        const VigilPersonSummary *summary)
{
  g_return_if_fail (VIGIL_IS_PERSON_ITEM (self));
  g_return_if_fail (summary != NULL);
  g_return_if_fail (self->placeholder);

  clear_fields (self);
  set_summary (self, summary);
  self->placeholder = FALSE;
  notify_all (self);
}

/**
 * vigil_person_item_clear:
 * @self: an item
 *
 * Makes @self a placeholder again, in place (its page is being read again): it keeps
 * showing what it showed until vigil_person_item_fill () gives it its new person.
 */
void
vigil_person_item_clear (VigilPersonItem *self)
{
  g_return_if_fail (VIGIL_IS_PERSON_ITEM (self));

  /* The text stays as it is until the page's read fills the item: cleared, every cell
   * on screen would change twice and the list be laid out twice (about half of a
   * sort's time on the main loop). The item is a placeholder all the same: it names
   * nobody (it cannot be opened) until it is filled. */
  self->placeholder = TRUE;
}

/**
 * vigil_person_item_new_placeholder:
 *
 * An empty row, shown where a page of the list could not be read.
 *
 * Returns: (transfer full): a placeholder item
 */
VigilPersonItem *
vigil_person_item_new_placeholder (void)
{
  VigilPersonItem *self;

  self = g_object_new (VIGIL_TYPE_PERSON_ITEM, NULL);
  self->placeholder = TRUE;
  self->name = g_strdup ("—");

  return self;
}

gboolean
vigil_person_item_is_placeholder (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), FALSE);
  return self->placeholder;
}

gint64
vigil_person_item_get_person_id (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), 0);
  return self->person_id;
}

const char *
vigil_person_item_get_name (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), NULL);
  return self->name;
}

const char *
vigil_person_item_get_local_ref (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), NULL);
  return self->local_ref;
}

const char *
vigil_person_item_get_pnc_id (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), NULL);
  return self->pnc_id;
}

const char *
vigil_person_item_get_dob (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), NULL);
  return self->dob;
}

const char *
vigil_person_item_get_dob_label (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), NULL);
  return self->dob_label;
}

const char *
vigil_person_item_get_status (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), NULL);
  return self->status;
}

const char *
vigil_person_item_get_status_label (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), NULL);
  return self->status_label;
}

const char *
vigil_person_item_get_route (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), NULL);
  return self->route;
}

const char *
vigil_person_item_get_route_label (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), NULL);
  return self->route_label;
}

const char *
vigil_person_item_get_lead_label (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), NULL);
  return self->lead_label;
}

gint64
vigil_person_item_get_incident_count (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), 0);
  return self->incident_count;
}

guint
vigil_person_item_get_flags (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), 0);
  return self->flags;
}

const char *
vigil_person_item_get_score_label (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), NULL);
  return self->score_label;
}

const char *
vigil_person_item_get_flags_label (VigilPersonItem *self)
{
  g_return_val_if_fail (VIGIL_IS_PERSON_ITEM (self), NULL);
  return self->flags_label;
}
