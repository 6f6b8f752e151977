/* vigil-casework.h: the coordinator's edits to a dossier
 *
 * The status workflow of a cohort entry (principles 2, 3 and 5: each move is a
 * decision with a decision-maker, a date and a rationale; adoption asks which panel
 * manages the risk when another process is active, principle 4; exit needs a reason),
 * and the saving of a dossier's sections — decisions, other processes, multi-agency
 * information, victim links, the cohort entry's details, outcomes — with the rules the field
 * descriptions of vigil-entities.c cannot say. Every save is one audited transaction
 * through the record layer, so a lost race is a VIGIL_STORE_ERROR_CONFLICT naming who
 * changed the record, never a silent overwrite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-cohort.h"
#include "vigil-entities.h"
#include "vigil-store.h"
#include "vigil-tactical-menu.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------------------
 * Status workflow
 *
 *   candidate → under_review → managed → scaling_back → exited, and of_concern
 *
 * candidate:    under_review, of_concern, managed, exited
 * under_review: managed, of_concern, exited
 * of_concern:   under_review, managed, exited
 * managed:      scaling_back, exited
 * scaling_back: managed, exited
 * exited:       none (a person who comes back enters again by referral or judgement)
 * ------------------------------------------------------------------------------------ */

/* The statuses an entry in @from may move to, NULL-terminated (empty for exited or an
 * unknown status). Static. */
const char * const *vigil_casework_next_statuses (const char *from);
gboolean            vigil_casework_can_move      (const char *from,
                                                  const char *to);

typedef struct
{
  gint64      entry_id;        /* the cohort entry, required */
  gint64      entry_rev;       /* its rev when the user saw it; 0: whatever is stored */
  const char *status;          /* where to, required */
  const char *decided_by;      /* required */
  const char *decided_role;    /* required */
  const char *decided_on;      /* YYYY-MM-DD, not in the future; NULL for today */
  const char *rationale;       /* required */
  const char *proportionality; /* proportionality / human rights note */
  const char *exit_reason;     /* vigil_exit_reason_choices: required for exited */
  const char *managing_panel;  /* which panel manages the risk: required for managed
                                * while another process is active (principle 4) */
  const char *lead_agency;     /* vigil_agency_choices; kept when NULL */
  const char *lead_officer;    /* kept when NULL */
  const char *next_review_on;  /* YYYY-MM-DD; kept when NULL */
} VigilStatusMove;

/* Moves the entry and records the decision (kind panel_adoption for managed, exit for
 * exited, status_change otherwise; outcome "Candidate → Under review"), in one
 * transaction. Refused with VIGIL_COHORT_ERROR_INVALID (a missing or wrong detail),
 * _TRANSITION (not a move the workflow allows), _PLAN_NEEDED (managed needs the
 * person's newest risk management plan to have objectives, an exit strategy,
 * scale-back criteria and a review date: principles 2 and 5), _PANEL_NEEDED (another
 * process is active and no managing panel was named; the message lists them), or
 * VIGIL_STORE_ERROR_CONFLICT when the entry changed since @entry_rev. */
VigilDecision      *vigil_casework_move_status   (VigilStore             *store,
                                                  const VigilStatusMove  *move,
                                                  GError                **error);

/* The person's active other processes (VigilProcessOverlap), oldest first. */
GPtrArray          *vigil_casework_list_active_processes (VigilStore  *store,
                                                          gint64       person_id,
                                                          GError     **error);

/* ------------------------------------------------------------------------------------
 * Sections
 * ------------------------------------------------------------------------------------ */

/* The decision kinds recorded directly in a dossier (the others come from the status
 * workflow and professional judgement), NULL-terminated. */
extern const char * const vigil_casework_decision_kinds[];

/* Checks @record of @type against the field descriptions and the casework rules:
 * decisions (a kind above, decision-maker and role, a date not in the future, an
 * assessment's severity and immediacy, a ViSOR decision's outcome, a MoPI review
 * after the decision); other processes (MAPPA category 1–4 and level 1–3 only for
 * MAPPA, a closed process's end date, no end before the start); agency information
 * (text, who provided it, a date not in the future); victim links (a safety plan's
 * date only with a plan, an advocate's name only with an advocate). A message names
 * the field. Plans: a review date after the date agreed. Interventions: a due date
 * not before the start; an expiry, notification requirements and breaches only on an
 * order; a breached one records a breach; a completed or not progressed one says its
 * outcome. Outcomes: a rating from 1 to 5, a date not in the future. (Whether the
 * option is on the tactical menu is checked on saving.) */
gboolean            vigil_casework_check         (const VigilRecordType  *type,
                                                  gconstpointer           record,
                                                  GError                **error);

/* Checks @record, then inserts it (id 0) or updates it (rev-checked) in one audited
 * transaction. Decisions are written once; a cohort entry's status changes only
 * through vigil_casework_move_status(); an intervention's option must be on the
 * store's tactical menu, and not retired when it is newly chosen. Supported types:
 * decision, process overlap, agency section, victim link, cohort entry, plan,
 * intervention, a victim-reported or IDVA-rated outcome, and a panel's meeting,
 * attendance, agenda item and action (a done action has the date it was done). */
gboolean            vigil_casework_save          (VigilStore             *store,
                                                  const VigilRecordType  *type,
                                                  gpointer                record,
                                                  GError                **error);

/* What the planner should warn about a plan (principles 4, 6 and 7), as translated
 * sentences: only enforcement for a person who engages; nothing for the victims'
 * safety; no exit strategy or scale-back criteria yet; interventions overdue; orders
 * expiring within 28 days of @today ("YYYY-MM-DD"); what other active processes
 * already do. @interventions: VigilIntervention of the plan; @processes:
 * VigilProcessOverlap of the person. */
GPtrArray          *vigil_casework_plan_warnings (const VigilPlan        *plan,
                                                  GPtrArray              *interventions,
                                                  VigilTacticalMenu      *menu,
                                                  guint                   n_victims,
                                                  GPtrArray              *processes,
                                                  const char             *today);

/* Whether an intervention is still open: proposed, agreed or in progress. */
gboolean            vigil_intervention_is_open   (const VigilIntervention *intervention);

G_END_DECLS
