/* vigil-panel-pack.c: the panel pack of a meeting, as a PDF (principle 6)
 *
 * The pack is a list of text blocks laid out line by line with Pango on A4 pages:
 * once on a recording surface to count the pages, then on the PDF surface, so every
 * page can say "Page N of M".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-panel-pack"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "vigil-format.h"
#include "vigil-panel-pack.h"

/* A4 in points, and the margins */
#define PAGE_WIDTH   595.0
#define PAGE_HEIGHT  842.0
#define MARGIN_SIDE   56.0
#define MARGIN_TOP    64.0
#define MARGIN_BOTTOM 64.0

typedef enum
{
  STYLE_TITLE,
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_BODY,
  STYLE_SMALL,
  STYLE_WARNING,
} Style;

typedef struct
{
  Style    style;
  char    *text;
  gboolean page_break;  /* starts a new page */
} Block;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block);
}

static void add (GPtrArray  *blocks,
                 Style       style,
                 const char *format,
                 ...) G_GNUC_PRINTF (3, 4);

static void
add (GPtrArray  *blocks,
     Style       style,
     const char *format,
     ...)
{
  Block *block = g_new0 (Block, 1);
  va_list args;

  va_start (args, format);
  block->style = style;
  block->text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (blocks, block);
}

static void
add_page_break (GPtrArray *blocks)
{
  Block *block = g_new0 (Block, 1);

  block->style = STYLE_BODY;
  block->text = g_strdup ("");
  block->page_break = TRUE;
  g_ptr_array_add (blocks, block);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* "1 December 2026" from "2026-12-01" (or a date-time); the text itself otherwise. */
static char *
format_day (const char *text)
{
  return text != NULL && *text != '\0' ? vigil_format_date (text) : g_strdup ("");
}

static const char *
label_of (const char * const *choices,
          const char         *code)
{
  const char *label = vigil_choice_get_label (choices, code);

  return label ? label : (code ? code : "");
}

/* ------------------------------------------------------------------------------------
 * Layout
 * ------------------------------------------------------------------------------------ */

static PangoFontDescription *
font_for (Style style)
{
  switch (style)
    {
    case STYLE_TITLE:      return pango_font_description_from_string ("Sans Bold 17");
    case STYLE_HEADING:    return pango_font_description_from_string ("Sans Bold 13");
    case STYLE_SUBHEADING: return pango_font_description_from_string ("Sans Bold 10.5");
    case STYLE_SMALL:      return pango_font_description_from_string ("Sans 8.5");
    case STYLE_WARNING:    return pango_font_description_from_string ("Sans Bold 9.5");
    case STYLE_BODY:
    default:               return pango_font_description_from_string ("Sans 9.5");
    }
}

static double
space_before (Style style)
{
  switch (style)
    {
    case STYLE_TITLE:      return 0;
    case STYLE_HEADING:    return 14;
    case STYLE_SUBHEADING: return 9;
    case STYLE_SMALL:
    case STYLE_WARNING:
    case STYLE_BODY:
    default:               return 3;
    }
}

typedef struct
{
  cairo_t    *cr;
  const char *marking;
  guint       total;  /* pages, known on the second pass; 0 on the first */
  guint       only;   /* draw this page alone (printing), 0: every page */
  guint       page;
  double      y;
} Pen;

/* Whether what the pen lays out now is drawn (it is always measured). */
static gboolean
pen_draws (const Pen *pen)
{
  return pen->only == 0 || pen->page == pen->only;
}

static void
draw_centred (Pen        *pen,
              const char *text,
              const char *font,
              double      y)
{
  PangoLayout *layout = pango_cairo_create_layout (pen->cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  int width, height;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);
  cairo_move_to (pen->cr, (PAGE_WIDTH - (double) width / PANGO_SCALE) / 2, y);
  if (pen_draws (pen))
    pango_cairo_show_layout (pen->cr, layout);
  pango_font_description_free (description);
  g_object_unref (layout);
}

/* The marking at the top and bottom, and the page number. */
static void
draw_page_furniture (Pen *pen)
{
  g_autofree char *number = NULL;

  draw_centred (pen, pen->marking, "Sans Bold 9", 24);
  draw_centred (pen, pen->marking, "Sans Bold 9", PAGE_HEIGHT - 40);
  if (pen->total > 0)
    /* Translators: the page number at the foot of each page of a panel pack */
    number = g_strdup_printf (_("Page %u of %u"), pen->page, pen->total);
  else
    number = g_strdup_printf (_("Page %u"), pen->page);
  draw_centred (pen, number, "Sans 8", PAGE_HEIGHT - 26);
}

static void
start_page (Pen *pen)
{
  pen->page++;
  pen->y = MARGIN_TOP;
  draw_page_furniture (pen);
}

static void
next_page (Pen *pen)
{
  if (pen->only == 0)
    cairo_show_page (pen->cr);
  start_page (pen);
}

static void
draw_block (Pen         *pen,
            const Block *block)
{
  PangoLayout *layout;
  PangoFontDescription *description;
  PangoLayoutIter *iter;
  double indent = block->style == STYLE_SMALL || block->style == STYLE_WARNING ? 0 : 0;

  if (block->page_break)
    {
      if (pen->y > MARGIN_TOP)
        next_page (pen);
      return;
    }

  layout = pango_cairo_create_layout (pen->cr);
  description = font_for (block->style);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) ((PAGE_WIDTH - 2 * MARGIN_SIDE - indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, block->text, -1);

  if (pen->y > MARGIN_TOP)
    pen->y += space_before (block->style);
  /* a heading keeps at least two lines after it on its page */
  if ((block->style == STYLE_HEADING || block->style == STYLE_SUBHEADING)
      && pen->y + 48 > PAGE_HEIGHT - MARGIN_BOTTOM)
    next_page (pen);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      if (pen->y + height > PAGE_HEIGHT - MARGIN_BOTTOM)
        next_page (pen);
      if (pen_draws (pen))
        {
          cairo_move_to (pen->cr, MARGIN_SIDE + indent, pen->y + baseline);
          pango_cairo_show_layout_line (pen->cr, line);
        }
      pen->y += height;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  pango_font_description_free (description);
  g_object_unref (layout);
}

/* Lays out every block on @cr, drawing every page (@only 0, ending each with
 * cairo_show_page) or page @only alone; returns the number of pages. */
static guint
render (GPtrArray  *blocks,
        cairo_t    *cr,
        const char *marking,
        guint       total,
        guint       only)
{
  Pen pen = { cr, marking, total, only, 0, 0 };

  cairo_set_source_rgb (cr, 0, 0, 0);
  start_page (&pen);
  for (guint i = 0; i < blocks->len; i++)
    draw_block (&pen, g_ptr_array_index (blocks, i));
  if (only == 0)
    cairo_show_page (cr);
  return pen.page;
}

/* ------------------------------------------------------------------------------------
 * Content
 * ------------------------------------------------------------------------------------ */

static char *
dup_person_name (const VigilPerson *person)
{
  g_autoptr(GString) text = g_string_new (person->surname);

  if (is_set (person->forenames))
    g_string_append_printf (text, ", %s", person->forenames);
  if (is_set (person->local_ref))
    g_string_append_printf (text, " (%s)", person->local_ref);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
dup_victim_label (const VigilDossierVictim *victim,
                  gboolean                  show_victims)
{
  if (!show_victims)
    return g_strdup (victim->role);
  if (is_set (victim->forenames))
    /* Translators: a victim's role, then their name, when names are shown */
    return g_strdup_printf (_("%s: %s, %s"), victim->role, victim->surname, victim->forenames);
  return g_strdup_printf (_("%s: %s"), victim->role, victim->surname ? victim->surname : "");
}

static void
add_case (GPtrArray                   *blocks,
          guint                        number,
          const VigilAgendaItem       *item,
          const VigilDossier          *dossier,
          VigilTacticalMenu           *menu,
          GPtrArray                   *actions,
          const VigilPanelPackOptions *options,
          const char                  *today)
{
  const VigilCohortEntry *entry = dossier->cohort_entry;
  g_autofree char *name = dup_person_name (dossier->person);
  guint hidden = 0, shown = 0;

  add_page_break (blocks);
  /* Translators: the heading of a case in the panel pack: its number and the person */
  add (blocks, STYLE_HEADING, _("Case %u: %s"), number, name);
  add (blocks, STYLE_BODY, _("On the agenda for: %s"), label_of (vigil_agenda_reason_choices, item->reason));
  if (entry != NULL)
    {
      g_autofree char *review = format_day (entry->next_review_on);
      const char *lead = vigil_choice_get_label (vigil_agency_choices, entry->lead_agency);

      /* Translators: status · route · lead · next review */
      add (blocks, STYLE_BODY, _("%s · %s · lead %s%s%s · next review %s"),
           label_of (vigil_cohort_status_choices, entry->status), label_of (vigil_route_choices, entry->route),
           lead ? lead : _("not set"), is_set (entry->lead_officer) ? ", " : "",
           is_set (entry->lead_officer) ? entry->lead_officer : "", is_set (review) ? review : _("not set"));
      if (is_set (entry->managing_panel))
        add (blocks, STYLE_BODY, _("Risk managed by: %s"), entry->managing_panel);
    }

  add (blocks, STYLE_SUBHEADING, "%s", _("Score"));
  if (dossier->score.present)
    {
      g_autofree char *as_of = format_day (dossier->score.as_of);

      /* Translators: total, R F G V points, rank and as-of date of a stored score */
      add (blocks, STYLE_BODY, _("Total %g: R %" G_GINT64_FORMAT " · F %" G_GINT64_FORMAT " · G %" G_GINT64_FORMAT
                                 " · V %" G_GINT64_FORMAT " · rank %" G_GINT64_FORMAT " · as of %s"),
           dossier->score.total, dossier->score.points[0], dossier->score.points[1], dossier->score.points[2],
           dossier->score.points[3], dossier->score.rank, as_of);
      if (dossier->trend == VIGIL_DOSSIER_TREND_UP && dossier->previous_score.present)
        add (blocks, STYLE_WARNING, _("Rising from %g in the run before."), dossier->previous_score.total);
      else if (dossier->trend == VIGIL_DOSSIER_TREND_DOWN && dossier->previous_score.present)
        add (blocks, STYLE_BODY, _("Falling from %g in the run before."), dossier->previous_score.total);
    }
  else
    add (blocks, STYLE_BODY, "%s", _("Not scored in a stored run."));

  add (blocks, STYLE_SUBHEADING, "%s", _("Assessment and decisions"));
  if (dossier->decisions->len == 0)
    add (blocks, STYLE_BODY, "%s", _("None recorded."));
  for (guint i = 0; i < dossier->decisions->len && i < 6; i++)
    {
      const VigilDecision *decision = g_ptr_array_index (dossier->decisions, i);
      g_autofree char *when = format_day (decision->decided_on);

      /* Translators: kind — outcome · date · decision-maker (role): rationale */
      add (blocks, STYLE_BODY, _("• %s%s%s · %s · %s%s%s%s: %s"),
           label_of (vigil_decision_kind_choices, decision->kind), is_set (decision->outcome) ? " — " : "",
           is_set (decision->outcome) ? decision->outcome : "", when, decision->decided_by,
           is_set (decision->decided_role) ? " (" : "", is_set (decision->decided_role) ? decision->decided_role : "",
           is_set (decision->decided_role) ? ")" : "", decision->rationale ? decision->rationale : "");
    }
  if (dossier->decisions->len > 6)
    add (blocks, STYLE_SMALL, _("%u earlier decisions are in the dossier."), dossier->decisions->len - 6);

  add (blocks, STYLE_SUBHEADING, "%s", _("Risk management plan"));
  if (dossier->plan == NULL)
    add (blocks, STYLE_BODY, "%s", _("No plan yet."));
  else
    {
      g_autofree char *review = format_day (dossier->plan->review_on);

      add (blocks, STYLE_BODY, _("Objectives: %s"), is_set (dossier->plan->objectives) ? dossier->plan->objectives : _("not written"));
      add (blocks, STYLE_BODY, _("Exit strategy: %s"), is_set (dossier->plan->exit_strategy) ? dossier->plan->exit_strategy : _("not written"));
      add (blocks, STYLE_BODY, _("Scale-back criteria: %s"),
           is_set (dossier->plan->scale_back_criteria) ? dossier->plan->scale_back_criteria : _("not written"));
      add (blocks, STYLE_BODY, _("Review: %s · %s"), is_set (review) ? review : _("not set"),
           label_of (vigil_engagement_choices, dossier->plan->engagement));
    }
  if (menu != NULL)
    {
      g_autoptr(GPtrArray) warnings = vigil_casework_plan_warnings (dossier->plan, dossier->interventions, menu,
                                                                    dossier->victims->len, dossier->processes, today);

      for (guint i = 0; i < warnings->len; i++)
        add (blocks, STYLE_WARNING, "%s", (const char *) g_ptr_array_index (warnings, i));
    }
  for (guint i = 0; dossier->interventions != NULL && i < dossier->interventions->len; i++)
    {
      const VigilIntervention *intervention = g_ptr_array_index (dossier->interventions, i);
      const VigilTacticalOption *option = menu ? vigil_tactical_menu_lookup (menu, intervention->option_code) : NULL;
      g_autofree char *due = format_day (intervention->due_on);
      g_autofree char *expires = format_day (intervention->order_expires_on);
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "• %s (%s) — %s", option ? option->title : intervention->option_code,
                              option ? vigil_tactical_category_get_title (option->category) : _("not on the menu"),
                              label_of (vigil_intervention_status_choices, intervention->status));
      if (intervention->owner_agency != NULL)
        g_string_append_printf (line, " · %s", label_of (vigil_agency_choices, intervention->owner_agency));
      if (is_set (due))
        g_string_append_printf (line, _(" · due %s"), due);
      if (is_set (expires))
        g_string_append_printf (line, _(" · order expires %s"), expires);
      if (intervention->breaches > 0)
        g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, " · %" G_GINT64_FORMAT " breach",
                                                   " · %" G_GINT64_FORMAT " breaches", (gulong) intervention->breaches),
                                intervention->breaches);
      add (blocks, STYLE_BODY, "%s", line->str);
    }

  add (blocks, STYLE_SUBHEADING, "%s", _("Other processes"));
  if (dossier->processes->len == 0)
    add (blocks, STYLE_BODY, "%s", _("None recorded."));
  for (guint i = 0; i < dossier->processes->len; i++)
    {
      const VigilProcessOverlap *process = g_ptr_array_index (dossier->processes, i);

      add (blocks, STYLE_BODY, "• %s · %s%s%s", label_of (vigil_process_choices, process->process),
           label_of (vigil_process_status_choices, process->status), is_set (process->notes) ? ": " : "",
           is_set (process->notes) ? process->notes : "");
    }

  add (blocks, STYLE_SUBHEADING, "%s", _("Agency information shared with the panel"));
  for (guint i = 0; i < dossier->agency_information->len; i++)
    {
      const VigilDossierAgencyInformation *info = g_ptr_array_index (dossier->agency_information, i);
      const VigilAgencySection *section = info->section;
      g_autofree char *when = format_day (section->provided_on);

      if (!section->panel_visible)
        {
          hidden++;
          continue;
        }
      shown++;
      /* Translators: agency (stale) — date, who, agreement: the text */
      add (blocks, STYLE_BODY, _("• %s%s — %s, %s, agreement %s: %s"), label_of (vigil_agency_choices, section->agency),
           info->stale ? _(" (stale)") : "", when, is_set (section->provided_by) ? section->provided_by : _("unknown"),
           is_set (section->isa_reference) ? section->isa_reference : _("none"), section->body ? section->body : "");
    }
  if (shown == 0)
    add (blocks, STYLE_BODY, "%s", _("None marked for the panel."));
  if (hidden > 0)
    add (blocks, STYLE_SMALL, g_dngettext (GETTEXT_PACKAGE, "%u agency's information is not for the panel and is left out.",
                                           "%u agencies' information is not for the panel and is left out.", hidden),
         hidden);

  add (blocks, STYLE_SUBHEADING, "%s", _("Victims and safeguarding"));
  if (dossier->victims->len == 0)
    add (blocks, STYLE_BODY, "%s", _("No victim recorded."));
  for (guint i = 0; i < dossier->victims->len; i++)
    {
      const VigilDossierVictim *victim = g_ptr_array_index (dossier->victims, i);
      const VigilVictimLink *link = NULL;
      g_autofree char *who = dup_victim_label (victim, options->show_victims);

      for (guint j = 0; j < dossier->victim_links->len && link == NULL; j++)
        if (((VigilVictimLink *) g_ptr_array_index (dossier->victim_links, j))->victim_id == victim->person_id)
          link = g_ptr_array_index (dossier->victim_links, j);
      if (link != NULL)
        /* Translators: victim — relationship · advocate · safety plan · consent */
        add (blocks, STYLE_BODY, _("• %s — %s · %s · %s · %s"), who, label_of (vigil_relationship_choices, link->relationship),
             link->advocate && g_strcmp0 (link->advocate, "none") != 0 ? label_of (vigil_advocate_choices, link->advocate)
                                                                        : _("no advocate"),
             link->safety_plan ? _("safety plan") : _("no safety plan"),
             link->consent_to_share ? _("consents to share") : _("no consent to share"));
      else
        add (blocks, STYLE_BODY, _("• %s — no safeguarding recorded"), who);
    }

  if (is_set (item->minutes) || is_set (item->decisions))
    {
      add (blocks, STYLE_SUBHEADING, "%s", _("Minutes"));
      if (is_set (item->minutes))
        add (blocks, STYLE_BODY, "%s", item->minutes);
      if (is_set (item->decisions))
        add (blocks, STYLE_BODY, _("Decided: %s"), item->decisions);
    }

  {
    gboolean any = FALSE;

    for (guint i = 0; i < actions->len; i++)
      {
        const VigilAction *action = g_ptr_array_index (actions, i);
        g_autofree char *due = format_day (action->due_on);

        if (action->person_id != dossier->person->record.id)
          continue;
        if (!any)
          add (blocks, STYLE_SUBHEADING, "%s", _("Actions"));
        any = TRUE;
        add (blocks, vigil_panel_action_is_overdue (action, today) ? STYLE_WARNING : STYLE_BODY,
             /* Translators: an action — owner · due · status, and OVERDUE */
             _("• %s — %s · due %s · %s%s"), action->description,
             action->owner_agency ? label_of (vigil_agency_choices, action->owner_agency) : _("no owner"),
             is_set (due) ? due : _("no date"), label_of (vigil_action_status_choices, action->status),
             vigil_panel_action_is_overdue (action, today) ? _(" · OVERDUE") : "");
      }
  }
}

struct _VigilPanelPack
{
  GPtrArray *blocks;
  char      *marking;
  char      *title;
  gint64     meeting_id;
  GArray    *person_ids;  /* gint64: the people in the pack, for the audit */
  gboolean   show_victims;
  guint      n_pages;
};

void
vigil_panel_pack_free (VigilPanelPack *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->blocks);
  g_array_unref (self->person_ids);
  g_free (self->marking);
  g_free (self->title);
  g_free (self);
}

VigilPanelPack *
vigil_panel_pack_prepare (VigilStore                   *store,
                          gint64                        meeting_id,
                          const VigilPanelPackOptions  *options,
                          GCancellable                 *cancellable,
                          GError                      **error)
{
  static const VigilPanelPackOptions default_options = { FALSE, NULL, NULL };
  g_autoptr(VigilPanelMeeting) meeting = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) dossiers = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_dossier_free);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (block_free);
  g_autoptr(VigilTacticalMenu) menu = NULL;
  g_autoptr(GError) menu_error = NULL;
  g_auto(GStrv) missing = NULL;
  g_autofree char *today = NULL;
  g_autofree char *when = NULL;
  VigilPanelPack *pack;
  const char *marking;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  if (options == NULL)
    options = &default_options;
  if (options->today != NULL)
    today = g_strdup (options->today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
    }

  meeting = vigil_store_fetch (store, &vigil_panel_meeting_type, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  attendance = vigil_store_list (store, &vigil_attendance_type, "meeting_id", meeting_id, error);
  if (attendance == NULL)
    return NULL;
  items = vigil_panel_list_agenda (store, meeting_id, error);
  if (items == NULL)
    return NULL;
  actions = vigil_panel_list_actions (store, meeting_id, error);
  if (actions == NULL)
    return NULL;
  menu = vigil_tactical_menu_load_for_store (store, &menu_error);
  for (guint i = 0; i < items->len; i++)
    {
      const VigilAgendaItem *item = g_ptr_array_index (items, i);
      VigilDossier *dossier = vigil_dossier_load (store, item->person_id, NULL, cancellable, error);

      if (dossier == NULL)
        return NULL;
      g_ptr_array_add (dossiers, dossier);
    }

  marking = options->marking ? options->marking
                             : is_set (meeting->protective_marking) ? meeting->protective_marking
                                                                    : VIGIL_PANEL_PACK_DEFAULT_MARKING;

  /* The front page: the meeting, the agenda, attendance */
  when = format_day (meeting->meets_at);
  /* Translators: the title of a panel pack, with the meeting's title */
  add (blocks, STYLE_TITLE, _("Panel pack: %s"), meeting->title);
  {
    /* "2026-12-25T10:00:00" → "10:00" */
    g_autofree char *time = is_set (meeting->meets_at) && strlen (meeting->meets_at) >= 16
                            ? g_strndup (meeting->meets_at + 11, 5) : NULL;

    add (blocks, STYLE_BODY, "%s%s%s%s%s", when, time ? ", " : "", time ? time : "",
         is_set (meeting->location) ? " · " : "", is_set (meeting->location) ? meeting->location : "");
  }
  if (is_set (meeting->area) || is_set (meeting->chair))
    add (blocks, STYLE_BODY, _("Area: %s · chair: %s"), is_set (meeting->area) ? meeting->area : _("all"),
         is_set (meeting->chair) ? meeting->chair : _("not named"));
  add (blocks, STYLE_SMALL, "%s", options->show_victims
         ? _("Victims are named in this pack, as asked. Keep it from anyone who may not see their names.")
         : _("Victims appear by their role, not their name."));
  if (menu == NULL)
    add (blocks, STYLE_WARNING, _("The tactical menu could not be read: %s"), menu_error->message);

  add (blocks, STYLE_HEADING, "%s", _("Agenda"));
  if (items->len == 0)
    add (blocks, STYLE_BODY, "%s", _("Nothing on the agenda."));
  for (guint i = 0; i < items->len; i++)
    {
      const VigilAgendaItem *item = g_ptr_array_index (items, i);
      const VigilDossier *dossier = g_ptr_array_index (dossiers, i);
      g_autofree char *name = dup_person_name (dossier->person);

      add (blocks, STYLE_BODY, "%u. %s — %s", i + 1, name, label_of (vigil_agenda_reason_choices, item->reason));
    }

  add (blocks, STYLE_HEADING, "%s", _("Attendance"));
  for (guint i = 0; i < attendance->len; i++)
    {
      const VigilAttendance *person = g_ptr_array_index (attendance, i);

      add (blocks, STYLE_BODY, "• %s%s%s%s%s", label_of (vigil_agency_choices, person->agency),
           is_set (person->name) ? ": " : "", is_set (person->name) ? person->name : "",
           is_set (person->role) ? ", " : "", is_set (person->role) ? person->role : "");
      if (!person->present)
        add (blocks, STYLE_SMALL, "%s", _("  sent apologies"));
    }
  missing = vigil_panel_dup_missing_agencies (attendance);
  if (missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", missing);

      add (blocks, STYLE_WARNING, _("Not represented, though the guidance names them: %s."), list);
    }

  for (guint i = 0; i < items->len; i++)
    add_case (blocks, i + 1, g_ptr_array_index (items, i), g_ptr_array_index (dossiers, i), menu, actions,
              options, today);

  add_page_break (blocks);
  add (blocks, STYLE_HEADING, "%s", _("Actions"));
  if (actions->len == 0)
    add (blocks, STYLE_BODY, "%s", _("No action recorded."));
  for (guint i = 0; i < actions->len; i++)
    {
      const VigilAction *action = g_ptr_array_index (actions, i);
      g_autofree char *due = format_day (action->due_on);
      gboolean carried = action->meeting_id != meeting_id;

      add (blocks, vigil_panel_action_is_overdue (action, today) ? STYLE_WARNING : STYLE_BODY,
           _("• %s — %s · due %s · %s%s%s"), action->description,
           action->owner_agency ? label_of (vigil_agency_choices, action->owner_agency) : _("no owner"),
           is_set (due) ? due : _("no date"), label_of (vigil_action_status_choices, action->status),
           carried ? _(" · carried from an earlier meeting") : "",
           vigil_panel_action_is_overdue (action, today) ? _(" · OVERDUE") : "");
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Count the pages */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  pack = g_new0 (VigilPanelPack, 1);
  pack->n_pages = render (blocks, cr, marking, 0, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  pack->blocks = g_steal_pointer (&blocks);
  pack->marking = g_strdup (marking);
  pack->title = g_strdup (meeting->title);
  pack->meeting_id = meeting_id;
  pack->show_victims = options->show_victims;
  pack->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < items->len; i++)
    g_array_append_val (pack->person_ids, ((VigilAgendaItem *) g_ptr_array_index (items, i))->person_id);
  return pack;
}

guint
vigil_panel_pack_get_n_pages (VigilPanelPack *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

void
vigil_panel_pack_draw_page (VigilPanelPack *self,
                            cairo_t        *cr,
                            guint           page,
                            double          width,
                            double          height)
{
  double scale;

  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (page >= 1 && page <= self->n_pages);

  /* A4 scaled to fit the paper, centred */
  scale = MIN (width / PAGE_WIDTH, height / PAGE_HEIGHT);
  cairo_save (cr);
  cairo_translate (cr, (width - PAGE_WIDTH * scale) / 2, (height - PAGE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  render (self->blocks, cr, self->marking, self->n_pages, page);
  cairo_restore (cr);
}

gboolean
vigil_panel_pack_save_pdf (VigilPanelPack  *self,
                           const char      *path,
                           GError         **error)
{
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  tmp_path = g_strdup_printf ("%s.part", path);
  surface = cairo_pdf_surface_create (tmp_path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Vigil");
  cr = cairo_create (surface);
  render (self->blocks, cr, self->marking, self->n_pages, 0);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: a file name, then cairo's reason */
                   _("Could not write the panel pack “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  g_chmod (tmp_path, 0600);
  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write the panel pack “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static const char *
record_detail (gboolean show_victims)
{
  return show_victims ? "{\"document\":\"panel_pack\",\"victim_names\":true}"
                      : "{\"document\":\"panel_pack\",\"victim_names\":false}";
}

gboolean
vigil_panel_pack_record (VigilPanelPack  *self,
                         VigilStore      *store,
                         const char      *action,
                         GError         **error)
{
  const char *detail;

  g_return_val_if_fail (self != NULL && VIGIL_IS_STORE (store), FALSE);

  detail = record_detail (self->show_victims);
  /* Who took the people's records out of the store, and in what form */
  for (guint i = 0; i < self->person_ids->len; i++)
    if (!vigil_audit_append (store, action, "panel_meeting", self->meeting_id,
                             g_array_index (self->person_ids, gint64, i), detail, error))
      return FALSE;
  return TRUE;
}

guint
vigil_panel_pack_write (VigilStore                   *store,
                        gint64                        meeting_id,
                        const char                   *path,
                        const VigilPanelPackOptions  *options,
                        GCancellable                 *cancellable,
                        GError                      **error)
{
  g_autoptr(VigilPanelPack) pack = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), 0);
  g_return_val_if_fail (path != NULL, 0);

  pack = vigil_panel_pack_prepare (store, meeting_id, options, cancellable, error);
  if (pack == NULL || !vigil_panel_pack_save_pdf (pack, path, error) || !vigil_panel_pack_record (pack, store, "export", error))
    return 0;
  return pack->n_pages;
}

/* Off the main thread */

typedef struct
{
  gint64    meeting_id;
  char     *path;
  gboolean  show_victims;
  char     *marking;
  char     *today;
} PackCall;

static PackCall *
pack_call_new (gint64                       meeting_id,
               const char                  *path,
               const VigilPanelPackOptions *options)
{
  PackCall *call = g_new0 (PackCall, 1);

  call->meeting_id = meeting_id;
  call->path = g_strdup (path);
  if (options != NULL)
    {
      call->show_victims = options->show_victims;
      call->marking = g_strdup (options->marking);
      call->today = g_strdup (options->today);
    }
  return call;
}

static void
pack_call_free (PackCall *call)
{
  g_free (call->path);
  g_free (call->marking);
  g_free (call->today);
  g_free (call);
}

/* Not in one vigil_store_run_read(): vigil_dossier_load() may refresh the facts cache,
 * a write, which a read refuses on SQLite. */
static VigilPanelPack *
prepare_for_call (VigilStore    *store,
                     PackCall      *call,
                     GCancellable  *cancellable,
                     GError       **error)
{
  VigilPanelPackOptions options = { call->show_victims, call->marking, call->today };

  return vigil_panel_pack_prepare (store, call->meeting_id, &options, cancellable, error);
}

static gpointer
prepare_thread (VigilStore    *store,
                gpointer       task_data,
                GCancellable  *cancellable,
                GError       **error)
{
  return prepare_for_call (store, task_data, cancellable, error);
}

void
vigil_panel_pack_prepare_async (VigilStore                   *store,
                                gint64                        meeting_id,
                                const VigilPanelPackOptions  *options,
                                GCancellable                 *cancellable,
                                GAsyncReadyCallback           callback,
                                gpointer                      user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));

  vigil_store_call_async (store, vigil_panel_pack_prepare_async, prepare_thread,
                          pack_call_new (meeting_id, NULL, options), (GDestroyNotify) pack_call_free,
                          (GDestroyNotify) vigil_panel_pack_free, cancellable, callback, user_data);
}

VigilPanelPack *
vigil_panel_pack_prepare_finish (VigilStore    *store,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_panel_pack_prepare_async, error);
}

typedef struct
{
  gint64    meeting_id;
  GArray   *person_ids;
  gboolean  show_victims;
  char     *action;
} RecordCall;

static void
record_call_free (RecordCall *call)
{
  g_array_unref (call->person_ids);
  g_free (call->action);
  g_free (call);
}

static gboolean
record_cb (VigilStore  *store,
           gpointer     user_data,
           GError     **error)
{
  RecordCall *call = user_data;
  const char *detail = record_detail (call->show_victims);

  for (guint i = 0; i < call->person_ids->len; i++)
    if (!vigil_audit_append (store, call->action, "panel_meeting", call->meeting_id,
                             g_array_index (call->person_ids, gint64, i), detail, error))
      return FALSE;
  return TRUE;
}

static gpointer
record_thread (VigilStore    *store,
               gpointer       task_data,
               GCancellable  *cancellable,
               GError       **error)
{
  return vigil_store_run_in_transaction (store, record_cb, task_data, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

void
vigil_panel_pack_record_async (VigilPanelPack      *self,
                               VigilStore          *store,
                               const char          *action,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  RecordCall *call;

  g_return_if_fail (self != NULL && VIGIL_IS_STORE (store));
  g_return_if_fail (action != NULL);

  call = g_new0 (RecordCall, 1);
  call->meeting_id = self->meeting_id;
  call->person_ids = g_array_copy (self->person_ids);
  call->show_victims = self->show_victims;
  call->action = g_strdup (action);
  vigil_store_call_async (store, vigil_panel_pack_record_async, record_thread, call,
                          (GDestroyNotify) record_call_free, NULL, cancellable, callback, user_data);
}

gboolean
vigil_panel_pack_record_finish (VigilStore    *store,
                                GAsyncResult  *result,
                                GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_panel_pack_record_async, error) != NULL;
}

static gpointer
write_thread (VigilStore    *store,
              gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  PackCall *call = task_data;
  g_autoptr(VigilPanelPack) pack = prepare_for_call (store, call, cancellable, error);

  if (pack == NULL || !vigil_panel_pack_save_pdf (pack, call->path, error)
      || !vigil_panel_pack_record (pack, store, "export", error))
    return NULL;
  return GUINT_TO_POINTER (pack->n_pages);
}

void
vigil_panel_pack_write_async (VigilStore                   *store,
                              gint64                        meeting_id,
                              const char                   *path,
                              const VigilPanelPackOptions  *options,
                              GCancellable                 *cancellable,
                              GAsyncReadyCallback           callback,
                              gpointer                      user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));
  g_return_if_fail (path != NULL);

  vigil_store_call_async (store, vigil_panel_pack_write_async, write_thread,
                          pack_call_new (meeting_id, path, options), (GDestroyNotify) pack_call_free,
                          NULL, cancellable, callback, user_data);
}

guint
vigil_panel_pack_write_finish (VigilStore    *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  return GPOINTER_TO_UINT (vigil_store_call_finish (store, result, vigil_panel_pack_write_async, error));
}
