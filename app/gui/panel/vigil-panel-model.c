/* vigil-panel-model.c: what the Panel page shows (its view model)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-panel-model"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vigil-format.h"
#include "vigil-meeting-item.h"
#include "vigil-panel-entry.h"
#include "vigil-panel-model.h"

struct _VigilPanelModel
{
  GObject                   parent_instance;

  /* Owned references */
  GListStore               *meetings;    /* VigilMeetingItem */
  GListStore               *attendance;  /* VigilPanelEntry */
  GListStore               *agenda;      /* VigilPanelEntry */
  GListStore               *actions;     /* VigilPanelEntry */
  VigilPanelMeetingDetails *details;     /* NULL: no meeting shown */
  char                     *when;
  char                     *where;
  char                     *missing;
};

G_DEFINE_FINAL_TYPE (VigilPanelModel, vigil_panel_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEETINGS,
  PROP_MEETING_ID,
  PROP_TITLE,
  PROP_WHEN,
  PROP_WHERE,
  PROP_MARKING,
  PROP_HAS_MARKING,
  PROP_MISSING,
  PROP_HAS_MISSING,
  PROP_CAN_BUILD,
  PROP_CAN_PRESENT,
  PROP_ATTENDANCE,
  PROP_AGENDA,
  PROP_ACTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static const char *
label_of (const char * const *choices,
          const char         *code)
{
  const char *label = vigil_choice_get_label (choices, code);

  return label ? label : (code ? code : "");
}

static gpointer
find_record (GPtrArray *records,
             gint64     id)
{
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      VigilRecord *record = g_ptr_array_index (records, i);

      if (record->id == id)
        return record;
    }
  return NULL;
}

static void
replace_all (GListStore *store,
             GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

static void
fill_heading (VigilPanelModel *self)
{
  const VigilPanelMeeting *meeting = self->details->meeting;
  /* the meeting's own wall-clock time, as written */
  g_autofree char *day = g_strndup (meeting->meets_at ? meeting->meets_at : "", 10);
  g_autofree char *date = vigil_format_date (day);
  g_autofree char *time = meeting->meets_at && strlen (meeting->meets_at) >= 16 ? g_strndup (meeting->meets_at + 11, 5) : NULL;
  g_auto(GStrv) missing = vigil_panel_dup_missing_agencies (self->details->attendance);

  /* Translators: a meeting's date, time and status */
  self->when = g_strdup_printf (_("%s%s%s · %s"), date, time ? _(" at ") : "", time ? time : "",
                                label_of (vigil_meeting_status_choices, meeting->status));
  /* Translators: where a meeting is, its area, its chair */
  self->where = g_strdup_printf (_("%s · area %s · chair %s"), is_set (meeting->location) ? meeting->location : _("no place set"),
                                 is_set (meeting->area) ? meeting->area : _("all"),
                                 is_set (meeting->chair) ? meeting->chair : _("not named"));
  if (missing[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", missing);

      self->missing = g_strdup_printf (_("Not represented, though the guidance names them: %s."), names);
    }
}

static void
fill_attendance (VigilPanelModel *self)
{
  GPtrArray *attendance = self->details ? self->details->attendance : NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; attendance != NULL && i < attendance->len; i++)
    {
      const VigilAttendance *person = g_ptr_array_index (attendance, i);
      g_autofree char *who = g_strdup_printf ("%s%s%s", label_of (vigil_agency_choices, person->agency),
                                              is_set (person->name) ? ": " : "", is_set (person->name) ? person->name : "");

      g_ptr_array_add (entries, g_object_new (VIGIL_TYPE_PANEL_ENTRY,
                                              "id", person->record.id,
                                              "title", who,
                                              "subtitle", person->role,
                                              "detail", person->present ? NULL : _("Sent apologies"),
                                              "name", who,
                                              NULL));
    }
  replace_all (self->attendance, entries);
}

static void
fill_agenda (VigilPanelModel *self)
{
  GPtrArray *items = self->details ? self->details->items : NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const VigilAgendaItem *item = g_ptr_array_index (items, i);
      const char *name = vigil_panel_model_get_person_name (self, item->person_id);
      g_autofree char *first = g_strdup_printf ("%u. %s", i + 1, name);

      g_ptr_array_add (entries, g_object_new (VIGIL_TYPE_PANEL_ENTRY,
                                              "id", item->record.id,
                                              "title", first,
                                              "subtitle", label_of (vigil_agenda_reason_choices, item->reason),
                                              "detail", item->minutes,
                                              "note", item->decisions,
                                              "name", name,
                                              "can-move-up", i > 0,
                                              "can-move-down", i + 1 < items->len,
                                              NULL));
    }
  replace_all (self->agenda, entries);
}

static void
fill_actions (VigilPanelModel *self,
              const char      *today)
{
  GPtrArray *actions = self->details ? self->details->actions : NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      const VigilAction *action = g_ptr_array_index (actions, i);
      gboolean overdue = vigil_panel_action_is_overdue (action, today);
      const char *who = action->person_id ? vigil_panel_model_get_person_name (self, action->person_id) : NULL;
      /* Translators: owner agency · due date · status */
      g_autofree char *second = g_strdup_printf (_("%s · due %s · %s%s"),
                                                 action->owner_agency ? label_of (vigil_agency_choices, action->owner_agency)
                                                                      : _("no owner"),
                                                 action->due_on ? action->due_on : _("no date"),
                                                 label_of (vigil_action_status_choices, action->status),
                                                 overdue ? _(" · overdue") : "");

      g_ptr_array_add (entries, g_object_new (VIGIL_TYPE_PANEL_ENTRY,
                                              "id", action->record.id,
                                              "title", action->description,
                                              "subtitle", second,
                                              "warning", overdue,
                                              "detail", who,
                                              "note", action->meeting_id != vigil_panel_model_get_meeting_id (self)
                                                        ? _("Carried from an earlier meeting") : NULL,
                                              "name", who,
                                              NULL));
    }
  replace_all (self->actions, entries);
}

static void
vigil_panel_model_dispose (GObject *object)
{
  VigilPanelModel *self = VIGIL_PANEL_MODEL (object);

  g_clear_object (&self->meetings);
  g_clear_object (&self->attendance);
  g_clear_object (&self->agenda);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->details, vigil_panel_meeting_details_free);

  G_OBJECT_CLASS (vigil_panel_model_parent_class)->dispose (object);
}

static void
vigil_panel_model_finalize (GObject *object)
{
  VigilPanelModel *self = VIGIL_PANEL_MODEL (object);

  g_free (self->when);
  g_free (self->where);
  g_free (self->missing);

  G_OBJECT_CLASS (vigil_panel_model_parent_class)->finalize (object);
}

static void
vigil_panel_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilPanelModel *self = VIGIL_PANEL_MODEL (object);

  switch (prop_id)
    {
    case PROP_MEETINGS:
      g_value_set_object (value, self->meetings);
      break;

    case PROP_MEETING_ID:
      g_value_set_int64 (value, vigil_panel_model_get_meeting_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, vigil_panel_model_get_title (self));
      break;

    case PROP_WHEN:
      g_value_set_string (value, vigil_panel_model_get_when (self));
      break;

    case PROP_WHERE:
      g_value_set_string (value, vigil_panel_model_get_where (self));
      break;

    case PROP_MARKING:
      g_value_set_string (value, vigil_panel_model_get_marking (self));
      break;

    case PROP_HAS_MARKING:
      g_value_set_boolean (value, is_set (vigil_panel_model_get_marking (self)));
      break;

    case PROP_MISSING:
      g_value_set_string (value, vigil_panel_model_get_missing (self));
      break;

    case PROP_HAS_MISSING:
      g_value_set_boolean (value, is_set (self->missing));
      break;

    case PROP_CAN_BUILD:
      g_value_set_boolean (value, vigil_panel_model_get_can_build (self));
      break;

    case PROP_CAN_PRESENT:
      g_value_set_boolean (value, vigil_panel_model_get_can_present (self));
      break;

    case PROP_ATTENDANCE:
      g_value_set_object (value, self->attendance);
      break;

    case PROP_AGENDA:
      g_value_set_object (value, self->agenda);
      break;

    case PROP_ACTIONS:
      g_value_set_object (value, self->actions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_panel_model_class_init (VigilPanelModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vigil_panel_model_dispose;
  object_class->finalize = vigil_panel_model_finalize;
  object_class->get_property = vigil_panel_model_get_property;

  properties[PROP_MEETINGS] =
    g_param_spec_object ("meetings", NULL, "The meetings the chooser offers", G_TYPE_LIST_MODEL, flags);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, "The meeting shown (0: none)", 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "The meeting's title", "", flags);
  properties[PROP_WHEN] =
    g_param_spec_string ("when", NULL, "Date, time and status", "", flags);
  properties[PROP_WHERE] =
    g_param_spec_string ("where", NULL, "Place, area and chair", "", flags);
  properties[PROP_MARKING] =
    g_param_spec_string ("marking", NULL, "The protective marking", "", flags);
  properties[PROP_HAS_MARKING] =
    g_param_spec_boolean ("has-marking", NULL, "Whether the meeting has a protective marking", FALSE, flags);
  properties[PROP_MISSING] =
    g_param_spec_string ("missing", NULL, "The agencies the guidance names that are absent", "", flags);
  properties[PROP_HAS_MISSING] =
    g_param_spec_boolean ("has-missing", NULL, "Whether an agency the guidance names is absent", FALSE, flags);
  properties[PROP_CAN_BUILD] =
    g_param_spec_boolean ("can-build", NULL, "Whether the agenda can be built (a scheduled meeting)", FALSE, flags);
  properties[PROP_CAN_PRESENT] =
    g_param_spec_boolean ("can-present", NULL, "Whether there is a case to present", FALSE, flags);
  properties[PROP_ATTENDANCE] =
    g_param_spec_object ("attendance", NULL, "The attendees", G_TYPE_LIST_MODEL, flags);
  properties[PROP_AGENDA] =
    g_param_spec_object ("agenda", NULL, "The cases, in order", G_TYPE_LIST_MODEL, flags);
  properties[PROP_ACTIONS] =
    g_param_spec_object ("actions", NULL, "The actions, the carried ones last", G_TYPE_LIST_MODEL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_panel_model_init (VigilPanelModel *self)
{
  self->meetings = g_list_store_new (VIGIL_TYPE_MEETING_ITEM);
  self->attendance = g_list_store_new (VIGIL_TYPE_PANEL_ENTRY);
  self->agenda = g_list_store_new (VIGIL_TYPE_PANEL_ENTRY);
  self->actions = g_list_store_new (VIGIL_TYPE_PANEL_ENTRY);
}

VigilPanelModel *
vigil_panel_model_new (void)
{
  return g_object_new (VIGIL_TYPE_PANEL_MODEL, NULL);
}

GListModel *
vigil_panel_model_get_meetings (VigilPanelModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), NULL);
  return G_LIST_MODEL (self->meetings);
}

guint
vigil_panel_model_set_meetings (VigilPanelModel *self,
                                GPtrArray       *meetings,
                                gint64           wanted,
                                const char      *today)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint selected = G_MAXUINT;

  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), G_MAXUINT);
  g_return_val_if_fail (today != NULL, G_MAXUINT);

  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      const VigilPanelMeeting *meeting = g_ptr_array_index (meetings, i);
      g_autofree char *label = g_strdup_printf ("%s — %.10s (%s)", meeting->title, meeting->meets_at,
                                                label_of (vigil_meeting_status_choices, meeting->status));

      g_ptr_array_add (items, vigil_meeting_item_new (meeting->record.id, label));
      if (wanted != 0 && meeting->record.id == wanted)
        selected = i;
    }
  /* otherwise the next scheduled meeting, else the newest */
  for (guint i = 0; meetings != NULL && selected == G_MAXUINT && i < meetings->len; i++)
    {
      const VigilPanelMeeting *meeting = g_ptr_array_index (meetings, i);

      if (g_strcmp0 (meeting->status, "scheduled") == 0 && strncmp (meeting->meets_at, today, 10) >= 0)
        selected = i;
    }
  if (selected == G_MAXUINT && items->len > 0)
    selected = items->len - 1;

  replace_all (self->meetings, items);
  return selected;
}

void
vigil_panel_model_set_details (VigilPanelModel          *self,
                               VigilPanelMeetingDetails *details,
                               const char               *today)
{
  g_return_if_fail (VIGIL_IS_PANEL_MODEL (self));
  g_return_if_fail (today != NULL);

  if (details == NULL && self->details == NULL)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  /* the rows go before the records they were made from */
  g_clear_pointer (&self->details, vigil_panel_meeting_details_free);
  g_clear_pointer (&self->when, g_free);
  g_clear_pointer (&self->where, g_free);
  g_clear_pointer (&self->missing, g_free);
  self->details = details;
  if (details != NULL)
    fill_heading (self);
  fill_attendance (self);
  fill_agenda (self);
  fill_actions (self, today);
  for (guint i = PROP_MEETING_ID; i <= PROP_CAN_PRESENT; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

const VigilPanelMeetingDetails *
vigil_panel_model_get_details (VigilPanelModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), NULL);
  return self->details;
}

gint64
vigil_panel_model_get_meeting_id (VigilPanelModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), 0);
  return self->details ? self->details->meeting->record.id : 0;
}

const char *
vigil_panel_model_get_title (VigilPanelModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), "");
  return self->details && self->details->meeting->title ? self->details->meeting->title : "";
}

const char *
vigil_panel_model_get_when (VigilPanelModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), "");
  return self->when ? self->when : "";
}

const char *
vigil_panel_model_get_where (VigilPanelModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), "");
  return self->where ? self->where : "";
}

const char *
vigil_panel_model_get_marking (VigilPanelModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), "");
  return self->details && self->details->meeting->protective_marking ? self->details->meeting->protective_marking : "";
}

const char *
vigil_panel_model_get_missing (VigilPanelModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), "");
  return self->missing ? self->missing : "";
}

gboolean
vigil_panel_model_get_can_build (VigilPanelModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), FALSE);
  return self->details != NULL && g_strcmp0 (self->details->meeting->status, "scheduled") == 0;
}

gboolean
vigil_panel_model_get_can_present (VigilPanelModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), FALSE);
  return self->details != NULL && self->details->items->len > 0;
}

GListModel *
vigil_panel_model_get_attendance (VigilPanelModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), NULL);
  return G_LIST_MODEL (self->attendance);
}

GListModel *
vigil_panel_model_get_agenda (VigilPanelModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), NULL);
  return G_LIST_MODEL (self->agenda);
}

GListModel *
vigil_panel_model_get_actions (VigilPanelModel *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), NULL);
  return G_LIST_MODEL (self->actions);
}

const VigilAttendance *
vigil_panel_model_find_attendee (VigilPanelModel *self,
                                 gint64           id)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), NULL);
  return self->details ? find_record (self->details->attendance, id) : NULL;
}

const VigilAgendaItem *
vigil_panel_model_find_item (VigilPanelModel *self,
                             gint64           id)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), NULL);
  return self->details ? find_record (self->details->items, id) : NULL;
}

const VigilAction *
vigil_panel_model_find_action (VigilPanelModel *self,
                               gint64           id)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), NULL);
  return self->details ? find_record (self->details->actions, id) : NULL;
}

const char *
vigil_panel_model_get_person_name (VigilPanelModel *self,
                                   gint64           person_id)
{
  const char *name;

  g_return_val_if_fail (VIGIL_IS_PANEL_MODEL (self), "");

  name = self->details ? vigil_panel_meeting_details_get_name (self->details, person_id) : NULL;
  return name ? name : "";
}
