/* test-dossier-page.c: a person's dossier in the real window under Xvfb
 *
 * On a small synthetic store with rows in every section: the window's
 * win.open-dossier action shows the dossier page, loaded in a worker thread; the
 * header and each section show the loaded data; victims appear by role, and by name
 * only when show-victim-names is on; the view is audited; Back returns to the views.
 * An unknown person shows an error and audits nothing. Each section's edits, the
 * planner, and the victim and IDVA outcomes with their trend and chart. Screenshots in light and dark
 * at 1366×768 and 1920×1080 go to the meson log folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dossier-page"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vigil-application.h"
#include "vigil-audit.h"
#include "vigil-chart-view.h"
#include "vigil-dossier-page.h"
#include "vigil-gui.h"
#include "vigil-option-picker.h"
#include "vigil-record-editor.h"
#include "vigil-window.h"

#include "vigil-gui-test.h"

#define OPEN_TIMEOUT_MS 240000
#define LOAD_TIMEOUT_MS 60000
/* a window to be drawn: slow under the sanitizers on a loaded machine */
#define SHOW_TIMEOUT_MS 60000

/* The synthetic store */

typedef struct
{
  VigilLocation *location;
  gint64 alpha;       /* SYN-P001: rows in every section */
  gint64 victims[3];  /* Victim 1 and 2 by incident, Victim 3 linked only */
} Fixture;

static gint64
add_person (VigilStore *store,
            const char *surname,
            const char *forenames,
            const char *ref)
{
  g_autoptr(VigilPerson) person = vigil_person_new ();
  g_autoptr(GError) error = NULL;

  person->surname = g_strdup (surname);
  person->forenames = g_strdup (forenames);
  person->local_ref = g_strdup (ref);
  person->dob = g_strdup ("1981-02-03");
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  return person->record.id;
}

static void
add_incident (VigilStore *store,
              const char *ref,
              const char *date,
              gint64      perpetrator,
              gint64      victim,
              const char *offence,
              const char *dash)
{
  g_autoptr(VigilIncident) incident = vigil_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup (ref);
  incident->occurred_at = g_strdup (date);
  incident->perpetrator_id = perpetrator;
  incident->victim_id = victim;
  incident->relationship = g_strdup ("ex_partner");
  incident->offence_code = g_strdup (offence);
  incident->dash_risk = g_strdup (dash);
  incident->area = g_strdup ("North Synthshire");
  g_assert_true (vigil_store_insert (store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
}

/* The default profile, stored as a refresh stores it: the runs refer to it. */
static gint64
add_profile (VigilStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoringProfile) scoring = vigil_scoring_profile_load_default (&error);
  g_autoptr(VigilProfile) profile = vigil_profile_new ();
  g_autofree char *sha256 = NULL;

  g_assert_no_error (error);
  sha256 = vigil_scoring_profile_get_sha256 (scoring);
  profile->name = g_strdup_printf ("%s@%.12s", scoring->name, sha256);
  profile->definition = vigil_scoring_profile_to_json (scoring);
  profile->sha256 = g_steal_pointer (&sha256);
  g_assert_true (vigil_store_insert (store, &vigil_profile_type, profile, &error));
  g_assert_no_error (error);
  return profile->record.id;
}

static void
add_score (VigilStore *store,
           gint64      profile_id,
           const char *as_of,
           gint64      person_id,
           int         r,
           int         f,
           int         g,
           int         v)
{
  g_autoptr(VigilScoreRun) run = vigil_score_run_new ();
  g_autoptr(VigilScore) score = vigil_score_new ();
  g_autoptr(GError) error = NULL;

  run->profile_id = profile_id;
  run->as_of = g_strdup (as_of);
  run->started_at = g_strdup_printf ("%sT09:00:00Z", as_of);
  run->finished_at = g_strdup_printf ("%sT09:01:00Z", as_of);
  run->people_scored = 1;
  run->run_by = g_strdup ("Synthetic Runner");
  g_assert_true (vigil_store_insert (store, &vigil_score_run_type, run, &error));
  g_assert_no_error (error);

  score->run_id = run->record.id;
  score->person_id = person_id;
  score->r = r;
  score->f = f;
  score->g = g;
  score->v = v;
  score->total = r + f + g + v;
  score->rank = 1;
  score->area = g_strdup ("North Synthshire");
  score->area_rank = 1;
  score->in_cohort = TRUE;
  g_assert_true (vigil_store_insert (store, &vigil_score_type, score, &error));
  g_assert_no_error (error);
}

static void
add_decision (VigilStore *store,
              gint64      person_id,
              const char *kind,
              const char *outcome,
              const char *decided_on,
              const char *mopi_review_on)
{
  g_autoptr(VigilDecision) decision = vigil_decision_new ();
  g_autoptr(GError) error = NULL;

  decision->person_id = person_id;
  decision->kind = g_strdup (kind);
  decision->outcome = g_strdup (outcome);
  decision->severity = g_strdup ("high");
  decision->immediacy = g_strdup ("soon");
  decision->decided_by = g_strdup ("Synthetic Inspector");
  decision->decided_role = g_strdup ("Detective Inspector");
  decision->decided_on = g_strdup (decided_on);
  decision->rationale = g_strdup ("SYN rationale for the decision");
  decision->proportionality = g_strdup ("SYN proportionality note");
  decision->mopi_review_on = g_strdup (mopi_review_on);
  g_assert_true (vigil_store_insert (store, &vigil_decision_type, decision, &error));
  g_assert_no_error (error);
}

static void
add_agency_section (VigilStore *store,
                    gint64      person_id,
                    const char *agency,
                    const char *body,
                    const char *provided_on)
{
  g_autoptr(VigilAgencySection) section = vigil_agency_section_new ();
  g_autoptr(GError) error = NULL;

  section->person_id = person_id;
  section->agency = g_strdup (agency);
  section->body = g_strdup (body);
  section->provided_by = g_strdup ("Synthetic Sharer");
  section->isa_reference = g_strdup ("SYN-ISA-7");
  section->provided_on = g_strdup (provided_on);
  g_assert_true (vigil_store_insert (store, &vigil_agency_section_type, section, &error));
  g_assert_no_error (error);
}

static char *
days_before_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
make_store (Fixture *fixture)
{
  g_autofree char *dir = vigil_gui_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "dossier.db", NULL);
  g_autofree char *fresh = days_before_today (10);
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilPersonAlias) alias = vigil_person_alias_new ();
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();
  g_autoptr(VigilAgencyFlag) flag = vigil_agency_flag_new ();
  g_autoptr(VigilProcessOverlap) mappa = vigil_process_overlap_new ();
  g_autoptr(VigilVictimLink) link = vigil_victim_link_new ();
  g_autoptr(VigilPlan) plan = vigil_plan_new ();
  g_autoptr(GError) error = NULL;
  gint64 profile_id;
  gint64 p;

  fixture->location = vigil_location_new_sqlite (path);
  store = vigil_gui_test_open (fixture->location);

  vigil_store_set_actor (store, "Records Clerk (synthetic)");
  p = fixture->alpha = add_person (store, "Synthwood", "Alpha", "SYN-P001");
  fixture->victims[0] = add_person (store, "Victimsby", "Ayla", "SYN-V001");
  fixture->victims[1] = add_person (store, "Victimsby", "Bryony", "SYN-V002");
  fixture->victims[2] = add_person (store, "Victimsby", "Cara", "SYN-V003");
  alias->person_id = p;
  alias->alias = g_strdup ("SYN Alias");
  alias->alias_kind = g_strdup ("nickname");
  g_assert_true (vigil_store_insert (store, &vigil_person_alias_type, alias, &error));
  g_assert_no_error (error);

  vigil_store_set_actor (store, "Incident Importer (synthetic)");
  add_incident (store, "SYN-I001", "2026-10-01", p, fixture->victims[1], "strangulation", "high");
  add_incident (store, "SYN-I002", "2026-05-01", p, fixture->victims[0], "coercive_control", "medium");
  add_incident (store, "SYN-I003", "2025-12-01", p, fixture->victims[0], "abh", NULL);

  vigil_store_set_actor (store, "Health Liaison (synthetic)");
  flag->person_id = p;
  flag->agency = g_strdup ("health");
  flag->concern = g_strdup ("SYN concern about escalation");
  flag->reported_on = g_strdup ("2026-06-01");
  flag->reported_by = g_strdup ("SYN Nurse");
  g_assert_true (vigil_store_insert (store, &vigil_agency_flag_type, flag, &error));
  g_assert_no_error (error);

  vigil_store_set_actor (store, "Cohort Coordinator (synthetic)");
  entry->person_id = p;
  entry->status = g_strdup ("managed");
  entry->route = g_strdup ("rfgv");
  entry->lead_agency = g_strdup ("police");
  entry->lead_officer = g_strdup ("SYN Lead Officer");
  entry->identified_on = g_strdup ("2026-07-01");
  entry->referral_source = g_strdup ("SYN stalking clinic");
  entry->referral_reason = g_strdup ("SYN referral reason");
  g_assert_true (vigil_store_insert (store, &vigil_cohort_entry_type, entry, &error));
  g_assert_no_error (error);

  vigil_store_set_actor (store, "Score Runner (synthetic)");
  profile_id = add_profile (store);
  add_score (store, profile_id, "2026-06-01", p, 3, 2, 2, 2);   /* 9 */
  add_score (store, profile_id, "2026-11-01", p, 5, 3, 4, 3);   /* 15: rising */

  vigil_store_set_actor (store, "Detective Inspector (synthetic)");
  add_decision (store, p, "pnc_flag", "SYN older outcome", "2026-02-01", "2026-03-01");
  add_decision (store, p, "visor", "SYN newest outcome", "2026-08-01", "2026-09-01");

  vigil_store_set_actor (store, "MAPPA Coordinator (synthetic)");
  mappa->person_id = p;
  mappa->process = g_strdup ("mappa");
  mappa->status = g_strdup ("active");
  mappa->mappa_category = 2;
  mappa->mappa_level = 3;
  mappa->started_on = g_strdup ("2026-01-01");
  mappa->contact = g_strdup ("SYN MAPPA contact");
  g_assert_true (vigil_store_insert (store, &vigil_process_overlap_type, mappa, &error));
  g_assert_no_error (error);

  vigil_store_set_actor (store, "Information Sharer (synthetic)");
  add_agency_section (store, p, "police", "SYN police information", fresh);
  add_agency_section (store, p, "probation", "SYN probation information", "2020-01-01");

  vigil_store_set_actor (store, "Plan Writer (synthetic)");
  plan->person_id = p;
  plan->objectives = g_strdup ("SYN objectives");
  plan->exit_strategy = g_strdup ("SYN exit strategy");
  plan->scale_back_criteria = g_strdup ("SYN scale-back criteria");
  plan->review_on = g_strdup ("2027-02-01");
  plan->agreed_on = g_strdup ("2026-07-15");
  plan->engagement = g_strdup ("engaging");
  g_assert_true (vigil_store_insert (store, &vigil_plan_type, plan, &error));
  g_assert_no_error (error);

  vigil_store_set_actor (store, "IDVA Service (synthetic)");
  link->perpetrator_id = p;
  link->victim_id = fixture->victims[2];
  link->relationship = g_strdup ("ex_partner");
  link->advocate = g_strdup ("idva");
  link->advocate_name = g_strdup ("SYN Advocate");
  link->safety_plan = TRUE;
  link->safety_plan_on = g_strdup ("2026-10-01");
  link->consent_to_share = TRUE;
  g_assert_true (vigil_store_insert (store, &vigil_victim_link_type, link, &error));
  g_assert_no_error (error);

  vigil_store_close (store);
}

/* Widgets */

static gboolean
dossier_left_loading (gpointer user_data)
{
  return vigil_dossier_page_get_state (user_data) != VIGIL_DOSSIER_PAGE_STATE_LOADING;
}

static char *
dup_section_text (VigilDossierPage *page,
                  const char       *name)
{
  GtkWidget *section = vigil_dossier_page_get_section (page, name);

  g_assert_nonnull (section);
  g_assert_true (gtk_widget_get_mapped (section));
  return vigil_gui_test_dup_text (section);
}

/* Whether a section's text holds @needle (or, with !present, does not). */
typedef struct
{
  VigilDossierPage *page;
  const char       *section;
  const char       *needle;
  gboolean          present;
} SectionWait;

static gboolean
section_shows (gpointer user_data)
{
  SectionWait *wait = user_data;
  GtkWidget *section = vigil_dossier_page_get_section (wait->page, wait->section);
  g_autofree char *text = NULL;

  if (section == NULL || !gtk_widget_get_mapped (section))
    return FALSE;
  text = vigil_gui_test_dup_text (section);
  return (strstr (text, wait->needle) != NULL) == wait->present;
}

static gboolean
widget_is_unmapped (gpointer user_data)
{
  return !gtk_widget_get_mapped (user_data);
}

static VigilDossierPage *
open_dossier (VigilWindow *window,
              gint64       person_id)
{
  VigilDossierPage *page = vigil_window_get_dossier_page (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-dossier", "x", person_id));
  g_assert_cmpint (vigil_dossier_page_get_person_id (page), ==, person_id);
  vigil_gui_test_wait_for (dossier_left_loading, page, LOAD_TIMEOUT_MS, "the dossier to load");
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, page, 10000, "the dossier to show");
  return page;
}

static void
shoot_both (gpointer    widget,
            const char *size)
{
  g_autofree char *light = g_strdup_printf ("screenshot-dossier-%s.png", size);
  g_autofree char *dark = g_strdup_printf ("screenshot-dossier-dark-%s.png", size);

  vigil_gui_test_shoot_both (widget, light, dark);
}

static guint
count_audit_rows (VigilStore *store,
                  gint64      person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = vigil_audit_list (store, person_id, 0, &error);

  g_assert_no_error (error);
  return rows->len;
}

static guint
count_views (VigilStore *store,
             gint64      person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = vigil_audit_list (store, person_id, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      VigilAuditEntry *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->action, "view") == 0)
        n++;
    }
  return n;
}

/* Tests */

static void
test_open_dossier (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
  VigilWindow *window;
  VigilDossierPage *page;
  VigilStore *store;
  GtkWidget *widget;
  const VigilDossier *dossier;

  make_store (&fixture);
  g_settings_set_boolean (settings, "show-victim-names", FALSE);

  window = vigil_gui_test_open_window (fixture.location, 1366, 768);
  store = vigil_window_get_store (window);
  g_assert_cmpuint (count_views (store, fixture.alpha), ==, 0);
  vigil_store_set_actor (store, "Panel Chair (synthetic)");

  page = open_dossier (window, fixture.alpha);
  g_assert_cmpint (vigil_dossier_page_get_state (page), ==, VIGIL_DOSSIER_PAGE_STATE_DOSSIER);
  g_assert_no_error ((GError *) vigil_dossier_page_get_error (page));
  dossier = vigil_dossier_page_get_dossier (page);
  g_assert_nonnull (dossier);
  g_assert_cmpint (dossier->person->record.id, ==, fixture.alpha);
  /* the views are hidden behind the dossier, and so is their switcher */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (vigil_window_get_cohort_view (window))));

  /* The view is audited, by whoever opened it */
  g_assert_cmpuint (count_views (store, fixture.alpha), ==, 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = vigil_audit_list (store, fixture.alpha, 1, &error);
    VigilAuditEntry *row;

    g_assert_no_error (error);
    row = g_ptr_array_index (rows, 0);
    g_assert_cmpstr (row->action, ==, "view");
    g_assert_cmpstr (row->entity, ==, "person");
    g_assert_cmpstr (row->actor, ==, "Panel Chair (synthetic)");
  }

  /* Header */
  {
    g_autofree char *text = dup_section_text (page, "header");
    g_autofree char *lead = g_strdup_printf ("Lead: %s (SYN Lead Officer)",
                                             vigil_choice_get_label (vigil_agency_choices, "police"));

    vigil_gui_test_assert_contains (text, "Synthwood, Alpha");
    vigil_gui_test_assert_contains (text, "Also known as SYN Alias");
    vigil_gui_test_assert_contains (text, "Born 3 February 1981 · SYN-P001");
    vigil_gui_test_assert_contains (text, vigil_choice_get_label (vigil_cohort_status_choices, "managed"));
    vigil_gui_test_assert_contains (text, lead);
    /* the newer of the person's and the cohort entry's changes (the same second here) */
    g_assert_true (strstr (text, "Last changed by Cohort Coordinator (synthetic) on ") != NULL ||
                   strstr (text, "Last changed by Records Clerk (synthetic) on ") != NULL);
    widget = vigil_gui_test_find_named (vigil_dossier_page_get_section (page, "header"), "score-total");
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (widget)), ==, "15");
    widget = vigil_gui_test_find_named (vigil_dossier_page_get_section (page, "header"), "score-recency");
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (widget)), ==, "R 5");
    widget = vigil_gui_test_find_named (vigil_dossier_page_get_section (page, "header"), "score-victims");
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (widget)), ==, "V 3");
    widget = vigil_gui_test_find_named (vigil_dossier_page_get_section (page, "header"), "trend");
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (widget)), ==, "Rising from 9");
  }

  /* Identification: the explanation, the timeline by date, flags and the referral;
   * victims by role, never by name */
  {
    g_autofree char *text = dup_section_text (page, "identification");
    const char *first;
    const char *latest;

    /* incidents and flags were written in the same second or so: either is right */
    g_assert_true (strstr (text, "Last changed by Health Liaison (synthetic) on ") != NULL ||
                   strstr (text, "Last changed by Incident Importer (synthetic) on ") != NULL);
    vigil_gui_test_assert_contains (text, "Total 14: R 5 + F 3 + G 3 + V 3");
    vigil_gui_test_assert_contains (text, "The stored score is 15");
    vigil_gui_test_assert_contains (text, "Strangulation");
    vigil_gui_test_assert_contains (text, "DASH ");
    vigil_gui_test_assert_contains (text, "Victim 1 · ");
    vigil_gui_test_assert_contains (text, "Victim 2 · ");
    vigil_gui_test_assert_contains (text, "SYN concern about escalation");
    vigil_gui_test_assert_contains (text, "Referred by SYN stalking clinic");
    vigil_gui_test_assert_not_contains (text, "Victimsby");
    first = strstr (text, "1 December 2025");
    latest = strstr (text, "1 October 2026");
    g_assert_nonnull (first);
    g_assert_nonnull (latest);
    g_assert_true (first < latest);
    widget = vigil_gui_test_find_named (vigil_dossier_page_get_section (page, "identification"), "incidents");
    g_assert_true (GTK_IS_LIST_BOX (widget));
    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 2));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 3));
  }

  /* Decisions: newest first; the MoPI review date has passed: due */
  {
    g_autofree char *text = dup_section_text (page, "decisions");
    const char *newest = strstr (text, "SYN newest outcome");
    const char *older = strstr (text, "SYN older outcome");

    g_assert_nonnull (newest);
    g_assert_nonnull (older);
    g_assert_true (newest < older);
    vigil_gui_test_assert_contains (text, "MoPI review due: 1 September 2026");
    vigil_gui_test_assert_contains (text, "Decided by Synthetic Inspector, Detective Inspector");
    vigil_gui_test_assert_contains (text, "Proportionality: SYN proportionality note");
    vigil_gui_test_assert_contains (text, "Last changed by Detective Inspector (synthetic)");
  }

  /* Other processes */
  {
    g_autofree char *text = dup_section_text (page, "processes");

    vigil_gui_test_assert_contains (text, "(category 2, level 3)");
    vigil_gui_test_assert_contains (text, "contact SYN MAPPA contact");
    vigil_gui_test_assert_contains (text, "Last changed by MAPPA Coordinator (synthetic)");
  }

  /* Multi-agency information: one row per agency; the 2020 probation one is stale */
  {
    GtkWidget *section = vigil_dossier_page_get_section (page, "agency-information");
    g_autofree char *text = dup_section_text (page, "agency-information");
    g_autofree char *police = vigil_gui_test_dup_text (vigil_gui_test_find_named (section, "police"));
    g_autofree char *probation = vigil_gui_test_dup_text (vigil_gui_test_find_named (section, "probation"));

    vigil_gui_test_assert_contains (text, "Last changed by Information Sharer (synthetic)");
    vigil_gui_test_assert_contains (police, "SYN police information");
    vigil_gui_test_assert_not_contains (police, "stale");
    vigil_gui_test_assert_contains (probation, "SYN probation information");
    vigil_gui_test_assert_contains (probation, "— stale");
    vigil_gui_test_assert_contains (probation, "agreement SYN-ISA-7");
  }

  /* Victims by role: the linked one with the IDVA, safety plan and consent */
  {
    GtkWidget *section = vigil_dossier_page_get_section (page, "victims");
    g_autofree char *text = dup_section_text (page, "victims");
    g_autofree char *third = vigil_gui_test_dup_text (vigil_gui_test_find_named (section, "victim-3"));

    vigil_gui_test_assert_not_contains (text, "Victimsby");
    vigil_gui_test_assert_contains (text, "Victim 1\n");
    vigil_gui_test_assert_contains (third, "Victim 3\n");
    vigil_gui_test_assert_contains (third, "SYN Advocate");
    vigil_gui_test_assert_contains (third, "safety plan since 1 October 2026");
    vigil_gui_test_assert_contains (third, "consents to share");
    vigil_gui_test_assert_contains (third, "Linked only");
    vigil_gui_test_assert_contains (text, "Last changed by IDVA Service (synthetic)");
  }

  /* History: readable, newest first; read before this view was recorded. The newest
   * ten rows, then Show All for the rest (the oldest: the person added) */
  {
    GtkWidget *section = vigil_dossier_page_get_section (page, "history");
    GtkWidget *list = vigil_gui_test_find_named (section, "history-list");
    GtkWidget *show_all = vigil_gui_test_find_named (section, "history-show-all");
    g_autofree char *newest = dup_section_text (page, "history");
    g_autofree char *text = NULL;
    const char *link, *person;
    guint n_rows = 0, n_entries;

    for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
      n_rows++;
    /* every audit row of the person but this view's, which came after the read */
    n_entries = count_audit_rows (store, fixture.alpha) - 1;
    g_assert_cmpuint (n_entries, >, 10);
    g_assert_cmpuint (n_rows, ==, 10);
    g_assert_nonnull (show_all);
    vigil_gui_test_assert_not_contains (newest, "Added the person");

    g_assert_true (gtk_widget_activate_action (show_all, "dossier.show-history", NULL));
    g_assert_null (vigil_gui_test_find_named (section, "history-show-all"));
    n_rows = 0;
    for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
      n_rows++;
    g_assert_cmpuint (n_rows, ==, n_entries);

    text = dup_section_text (page, "history");
    link = strstr (text, "Added the victim link");
    person = strstr (text, "Added the person");
    g_assert_nonnull (link);
    g_assert_nonnull (person);
    g_assert_true (link < person);
    vigil_gui_test_assert_contains (text, "IDVA Service (synthetic)");
    vigil_gui_test_assert_not_contains (text, "Viewed the dossier");
  }

  shoot_both (window, "1366x768");

  /* Names only when a person asks for them */
  g_settings_set_boolean (settings, "show-victim-names", TRUE);
  {
    SectionWait wait = { page, "victims", "Victimsby", TRUE };

    vigil_gui_test_wait_for (section_shows, &wait, LOAD_TIMEOUT_MS, "the victims' names to show");
  }
  {
    g_autofree char *victims = dup_section_text (page, "victims");
    g_autofree char *incidents = dup_section_text (page, "identification");

    vigil_gui_test_assert_contains (victims, "Victim 1 (Victimsby, Ayla)");
    vigil_gui_test_assert_contains (victims, "Victim 3 (Victimsby, Cara)");
    vigil_gui_test_assert_contains (incidents, "Victim 2 (Victimsby, Bryony)");
  }
  g_settings_set_boolean (settings, "show-victim-names", FALSE);
  {
    SectionWait wait = { page, "victims", "Victimsby", FALSE };

    vigil_gui_test_wait_for (section_shows, &wait, LOAD_TIMEOUT_MS, "the victims' names to go");
  }
  {
    g_autofree char *victims = dup_section_text (page, "victims");

    vigil_gui_test_assert_not_contains (victims, "Victimsby");
  }

  /* Alt+Left and Escape go back, only while the dossier is shown */
  g_assert_true (vigil_gui_test_has_binding (GTK_WIDGET (window), "<Alt>Left", "win.close-dossier"));
  g_assert_true (vigil_gui_test_has_binding (GTK_WIDGET (window), "Escape", "win.close-dossier"));
  /* win.close-dossier is enabled: Back, its button, is sensitive */
  g_assert_true (gtk_widget_get_sensitive (vigil_gui_test_find_named (GTK_WIDGET (page), "back")));

  /* The keyboard starts on Back; Back returns to the views */
  widget = vigil_gui_test_find_named (GTK_WIDGET (page), "back");
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    if (focus != widget)
      g_error ("focus on %s %s, inside the page: %d", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
               focus ? gtk_widget_get_name (focus) : "", focus ? gtk_widget_is_ancestor (focus, GTK_WIDGET (page)) : 0);
  }
  g_assert_true (gtk_widget_activate (widget));
  /* a button shows itself pressed for a moment (250 ms) before it clicks */
  vigil_gui_test_wait_for (widget_is_unmapped, page, SHOW_TIMEOUT_MS, "Back to close the dossier");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (vigil_window_get_cohort_view (window))));
  /* win.close-dossier is disabled again, so Escape is left to the views */
  g_assert_false (gtk_widget_get_sensitive (widget));

  /* Opening it again audits a second view */
  page = open_dossier (window, fixture.alpha);
  g_assert_cmpint (vigil_dossier_page_get_state (page), ==, VIGIL_DOSSIER_PAGE_STATE_DOSSIER);
  g_assert_cmpuint (count_views (store, fixture.alpha), ==, 2);
  {
    g_autofree char *text = dup_section_text (page, "history");

    /* the first view, on top */
    g_assert_true (g_str_has_prefix (text, "History\nViewed the dossier\n"));
    vigil_gui_test_assert_contains (text, "Panel Chair (synthetic)");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-dossier", NULL));
  vigil_gui_test_wait_for (widget_is_unmapped, page, SHOW_TIMEOUT_MS, "the dossier to close");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));

  /* Someone who is not in the store: an error, and nothing audited */
  page = open_dossier (window, 987654);
  g_assert_cmpint (vigil_dossier_page_get_state (page), ==, VIGIL_DOSSIER_PAGE_STATE_ERROR);
  g_assert_error ((GError *) vigil_dossier_page_get_error (page), VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND);
  g_assert_null (vigil_dossier_page_get_dossier (page));
  g_assert_cmpuint (count_views (store, 987654), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  vigil_location_free (fixture.location);
}

static void
test_large_screenshots (void)
{
  Fixture fixture = { 0 };
  VigilWindow *window;
  VigilDossierPage *page;

  make_store (&fixture);
  window = vigil_gui_test_open_window (fixture.location, 1920, 1080);
  page = open_dossier (window, fixture.alpha);
  g_assert_cmpint (vigil_dossier_page_get_state (page), ==, VIGIL_DOSSIER_PAGE_STATE_DOSSIER);
  shoot_both (window, "1920x1080");

  /* The whole dossier, every section, at the window's width */
  {
    GtkWidget *content = gtk_widget_get_parent (vigil_dossier_page_get_section (page, "header"));
    g_autofree char *path = vigil_gui_test_screenshot (content, "screenshot-dossier-full-1920x1080.png");

    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (gtk_widget_get_height (content), >, 1080 / 2);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  vigil_location_free (fixture.location);
}

/* Editing */

static VigilRecordEditor *
click_for_editor (VigilDossierPage *page,
                  GtkWidget        *within,
                  const char       *button_name)
{
  GtkWidget *button = vigil_gui_test_find_named (within, button_name);
  VigilRecordEditor *editor;

  if (button == NULL)
    g_error ("no button “%s”", button_name);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  editor = VIGIL_RECORD_EDITOR (vigil_dossier_page_get_editor (page));
  g_assert_nonnull (editor);
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, editor, SHOW_TIMEOUT_MS, "the editor to show");
  /* kept for the checks after it closes */
  return g_object_ref (editor);
}

static void
assert_message (VigilRecordEditor *editor,
                const char        *words)
{
  const char *message = vigil_record_editor_get_message (editor);

  if (message == NULL)
    g_error ("no message shown, “%s” expected", words);
  vigil_gui_test_assert_contains (message, words);
}

static void
set_entry (VigilRecordEditor *editor,
           const char        *field,
           const char        *text)
{
  GtkWidget *control = vigil_record_editor_get_control (editor, field);

  if (GTK_IS_TEXT_VIEW (control))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (control)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (control), text);
}

/* Chooses @code in a choice field through its combo row. */
static void
set_choice (VigilRecordEditor *editor,
            const char        *field,
            const char        *code)
{
  AdwComboRow *combo = ADW_COMBO_ROW (vigil_record_editor_get_control (editor, field));
  guint n = g_list_model_get_n_items (adw_combo_row_get_model (combo));

  for (guint i = 0; i < n; i++)
    {
      adw_combo_row_set_selected (combo, i);
      if (g_strcmp0 (vigil_record_editor_get_choice (editor, field), code) == 0)
        return;
    }
  g_error ("the field %s does not offer %s", field, code);
}

static void
save_editor (VigilRecordEditor *editor)
{
  /* saving is synchronous: the state and message are final when the action returns */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  vigil_gui_test_wait_saved (editor);
}

/* Waits until the page shows a reloaded dossier with @n rows of the array @offset
 * points at (G_STRUCT_OFFSET of a GPtrArray * in VigilDossier). */
typedef struct
{
  VigilDossierPage *page;
  gsize             offset;
  guint             n;
} CountWait;

static gboolean
count_is (gpointer user_data)
{
  CountWait *wait = user_data;
  const VigilDossier *dossier = vigil_dossier_page_get_dossier (wait->page);
  GPtrArray *rows;

  if (dossier == NULL || vigil_dossier_page_get_state (wait->page) != VIGIL_DOSSIER_PAGE_STATE_DOSSIER)
    return FALSE;
  rows = G_STRUCT_MEMBER (GPtrArray *, dossier, wait->offset);
  return rows != NULL && rows->len == wait->n;
}

static void
wait_for_count (VigilDossierPage *page,
                gsize             offset,
                guint             n,
                const char       *what)
{
  CountWait wait = { page, offset, n };

  vigil_gui_test_wait_for (count_is, &wait, LOAD_TIMEOUT_MS, what);
}

#define wait_for_decisions(page, n) \
  wait_for_count ((page), G_STRUCT_OFFSET (VigilDossier, decisions), (n), "the decisions to reload")

static void
move_status (VigilDossierPage *page,
             const char       *status,
             const char       *rationale,
             guint             n_decisions_after)
{
  g_autoptr(VigilRecordEditor) editor = click_for_editor (page, vigil_dossier_page_get_section (page, "header"),
                                                          "change-status");

  set_choice (editor, "status", status);
  set_entry (editor, "decided_by", "DCI Synth Chair");
  set_entry (editor, "decided_role", "MATAC chair");
  set_entry (editor, "rationale", rationale);
  save_editor (editor);
  g_assert_null (vigil_record_editor_get_message (editor));
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
  wait_for_decisions (page, n_decisions_after);
}

static void
test_record_decision (void)
{
  Fixture fixture = { 0 };
  g_autoptr(VigilRecordEditor) editor = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  VigilWindow *window;
  VigilDossierPage *page;
  const VigilDecision *newest;

  make_store (&fixture);
  window = vigil_gui_test_open_window (fixture.location, 1366, 768);
  page = open_dossier (window, fixture.alpha);
  store = g_object_ref (vigil_window_get_store (window));
  g_assert_cmpuint (count_views (store, fixture.alpha), ==, 1);

  editor = click_for_editor (page, vigil_dossier_page_get_section (page, "decisions"), "add-decision");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Record Decision");
  /* only the kinds recorded here are offered, the assessment first */
  g_assert_cmpstr (vigil_record_editor_get_choice (editor, "kind"), ==, "assessment");

  /* nothing filled in: the first missing field is named, nothing is saved */
  save_editor (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_EDITING);
  assert_message (editor, "Decision-maker");

  set_entry (editor, "decided_by", "Supt Synth Senior");
  set_entry (editor, "decided_role", "Head of Public Protection");
  set_entry (editor, "rationale", "SYN escalating stalking of two victims");
  set_entry (editor, "proportionality", "SYN least intrusive measure");
  set_entry (editor, "mopi_review_on", "2036-12-01");

  /* an assessment needs both ratings: the casework rule is shown, nothing saved */
  save_editor (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_EDITING);
  assert_message (editor, "severity");
  path = vigil_gui_test_screenshot (GTK_WIDGET (editor), "screenshot-record-decision-error.png");

  /* a badly written date names its field */
  set_choice (editor, "severity", "very_high");
  set_choice (editor, "immediacy", "imminent");
  set_entry (editor, "decided_on", "1/12/2026");
  save_editor (editor);
  assert_message (editor, "Date");
  g_assert_true (gtk_widget_has_css_class (vigil_record_editor_get_control (editor, "decided_on"), "error"));
  set_entry (editor, "decided_on", "2026-12-01");

  g_clear_pointer (&path, g_free);
  path = vigil_gui_test_screenshot (GTK_WIDGET (editor), "screenshot-record-decision.png");
  save_editor (editor);
  g_assert_null (vigil_record_editor_get_message (editor));
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));

  /* the page shows it, newest first; the reload is no new view */
  wait_for_decisions (page, 3);
  newest = g_ptr_array_index (vigil_dossier_page_get_dossier (page)->decisions, 0);
  g_assert_cmpstr (newest->kind, ==, "assessment");
  g_assert_cmpstr (newest->severity, ==, "very_high");
  g_assert_cmpstr (newest->decided_by, ==, "Supt Synth Senior");
  text = dup_section_text (page, "decisions");
  vigil_gui_test_assert_contains (text, "Assessment of risk · 1 December 2026");
  vigil_gui_test_assert_contains (text, "Severity Very high · immediacy Imminent");
  vigil_gui_test_assert_contains (text, "SYN escalating stalking of two victims");
  g_assert_cmpuint (count_views (store, fixture.alpha), ==, 1);

  /* the editors go before the window they belong to */
  g_clear_object (&editor);
  gtk_window_destroy (GTK_WINDOW (window));
  vigil_location_free (fixture.location);
}

static void
test_status_workflow (void)
{
  Fixture fixture = { 0 };
  g_autoptr(VigilRecordEditor) editor = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  VigilWindow *window;
  VigilDossierPage *page;
  const VigilCohortEntry *entry;

  make_store (&fixture);
  window = vigil_gui_test_open_window (fixture.location, 1366, 768);
  page = open_dossier (window, fixture.alpha);

  /* managed → scaling back: no exit reason, no panel asked */
  editor = click_for_editor (page, vigil_dossier_page_get_section (page, "header"), "change-status");
  g_assert_cmpstr (vigil_record_editor_get_choice (editor, "status"), ==, "scaling_back");
  g_assert_false (gtk_widget_get_visible (vigil_record_editor_get_row (editor, "exit_reason")));
  g_assert_false (gtk_widget_get_visible (vigil_record_editor_get_row (editor, "managing_panel")));
  set_choice (editor, "status", "exited");
  g_assert_true (gtk_widget_get_visible (vigil_record_editor_get_row (editor, "exit_reason")));
  /* the workflow offers no way back to candidate from managed */
  {
    AdwComboRow *combo = ADW_COMBO_ROW (vigil_record_editor_get_control (editor, "status"));

    g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (combo)), ==, 2);
  }
  gtk_window_close (GTK_WINDOW (editor));
  g_clear_object (&editor);

  move_status (page, "scaling_back", "SYN risk reducing", 3);
  entry = vigil_dossier_page_get_dossier (page)->cohort_entry;
  g_assert_cmpstr (entry->status, ==, "scaling_back");
  text = dup_section_text (page, "header");
  vigil_gui_test_assert_contains (text, "Scaling back");

  /* back to managed while MAPPA is active: which panel manages the risk? */
  editor = click_for_editor (page, vigil_dossier_page_get_section (page, "header"), "change-status");
  set_choice (editor, "status", "managed");
  g_assert_true (gtk_widget_get_visible (vigil_record_editor_get_row (editor, "managing_panel")));
  set_entry (editor, "decided_by", "DCI Synth Chair");
  set_entry (editor, "decided_role", "MATAC chair");
  set_entry (editor, "rationale", "SYN new incident");
  set_entry (editor, "managing_panel", "");
  save_editor (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_EDITING);
  assert_message (editor, "MAPPA");
  path = vigil_gui_test_screenshot (GTK_WIDGET (editor), "screenshot-change-status-panel.png");
  vigil_gui_test_set_dark (TRUE);
  vigil_gui_test_shoot (editor, "screenshot-change-status-panel-dark.png");
  vigil_gui_test_set_dark (FALSE);
  set_entry (editor, "managing_panel", "SYN MATAC panel");
  save_editor (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
  g_clear_object (&editor);
  wait_for_decisions (page, 4);
  g_clear_pointer (&text, g_free);
  text = dup_section_text (page, "processes");
  vigil_gui_test_assert_contains (text, "Risk managed by: SYN MATAC panel");

  /* exit needs a reason */
  editor = click_for_editor (page, vigil_dossier_page_get_section (page, "header"), "change-status");
  set_choice (editor, "status", "exited");
  set_entry (editor, "decided_by", "DCI Synth Chair");
  set_entry (editor, "decided_role", "MATAC chair");
  set_entry (editor, "rationale", "SYN plan complete");
  save_editor (editor);
  assert_message (editor, "reason");
  set_choice (editor, "exit_reason", "plan_completed");
  save_editor (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
  wait_for_decisions (page, 5);
  entry = vigil_dossier_page_get_dossier (page)->cohort_entry;
  g_assert_cmpstr (entry->status, ==, "exited");
  g_assert_cmpstr (entry->exit_reason, ==, "plan_completed");
  /* an exited entry moves no more */
  g_assert_null (vigil_gui_test_find_named (vigil_dossier_page_get_section (page, "header"), "change-status"));
  g_clear_pointer (&text, g_free);
  text = dup_section_text (page, "decisions");
  vigil_gui_test_assert_contains (text, "Exit — Managed → Exited");
  vigil_gui_test_assert_contains (text, "Panel adoption — Scaling back → Managed");

  /* the editors go before the window they belong to */
  g_clear_object (&editor);
  gtk_window_destroy (GTK_WINDOW (window));
  vigil_location_free (fixture.location);
}

static void
change_police_section (const VigilLocation *location,
                       gint64               person_id,
                       const char          *body)
{
  g_autoptr(VigilStore) other = vigil_gui_test_open (location);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;

  vigil_store_set_actor (other, "Other Coordinator (synthetic)");
  sections = vigil_store_list (other, &vigil_agency_section_type, "person_id", person_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sections->len; i++)
    {
      VigilAgencySection *section = g_ptr_array_index (sections, i);

      if (g_strcmp0 (section->agency, "police") != 0)
        continue;
      g_free (section->body);
      section->body = g_strdup (body);
      g_assert_true (vigil_casework_save (other, &vigil_agency_section_type, section, &error));
      g_assert_no_error (error);
    }
  vigil_store_close (other);
}

static const VigilAgencySection *
police_section (VigilDossierPage *page)
{
  const VigilDossier *dossier = vigil_dossier_page_get_dossier (page);

  for (guint i = 0; i < dossier->agency_information->len; i++)
    {
      const VigilDossierAgencyInformation *info = g_ptr_array_index (dossier->agency_information, i);

      if (g_strcmp0 (info->section->agency, "police") == 0)
        return info->section;
    }
  return NULL;
}

typedef struct
{
  VigilDossierPage *page;
  const char       *body;
} BodyWait;

static gboolean
police_body_is (gpointer user_data)
{
  BodyWait *wait = user_data;
  const VigilAgencySection *section;

  if (vigil_dossier_page_get_dossier (wait->page) == NULL)
    return FALSE;
  section = police_section (wait->page);
  return section != NULL && g_strcmp0 (section->body, wait->body) == 0;
}

static void
test_conflicting_edit (void)
{
  Fixture fixture = { 0 };
  g_autoptr(VigilRecordEditor) editor = NULL;
  g_autoptr(VigilStore) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilAgencySection) stored = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dark = NULL;
  g_autofree char *text = NULL;
  VigilWindow *window;
  VigilDossierPage *page;
  GtkWidget *conflict;
  gint64 section_id;
  BodyWait wait;

  make_store (&fixture);
  window = vigil_gui_test_open_window (fixture.location, 1366, 768);
  page = open_dossier (window, fixture.alpha);
  section_id = police_section (page)->record.id;

  /* I edit; meanwhile someone else saves the same section on their machine */
  editor = click_for_editor (page, vigil_gui_test_find_named (vigil_dossier_page_get_section (page, "agency-information"), "police"),
                             "edit-agency-information");
  set_entry (editor, "body", "SYN my version of the police information");
  change_police_section (fixture.location, fixture.alpha, "SYN their version of the police information");
  save_editor (editor);

  /* both versions are shown; nothing was overwritten */
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_CONFLICT);
  conflict = vigil_gui_test_find_named (GTK_WIDGET (editor), "conflict");
  g_assert_true (gtk_widget_get_mapped (conflict));
  text = vigil_gui_test_dup_text (conflict);
  vigil_gui_test_assert_contains (text, "Other Coordinator (synthetic) saved this");
  vigil_gui_test_assert_contains (text, "Saved by them: SYN their version of the police information");
  vigil_gui_test_assert_contains (text, "Yours: SYN my version of the police information");
  vigil_gui_test_assert_not_contains (text, "Provided by");  /* only the fields that differ */
  path = vigil_gui_test_screenshot (GTK_WIDGET (editor), "screenshot-conflict.png");
  vigil_gui_test_set_dark (TRUE);
  dark = vigil_gui_test_screenshot (GTK_WIDGET (editor), "screenshot-conflict-dark.png");
  vigil_gui_test_set_dark (FALSE);
  check = vigil_gui_test_open (fixture.location);
  stored = vigil_store_fetch (check, &vigil_agency_section_type, section_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->body, ==, "SYN their version of the police information");
  g_clear_pointer (&stored, vigil_agency_section_free);

  /* keeping theirs closes the editor and shows their version */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.keep-theirs", NULL));
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
  g_clear_object (&editor);
  wait = (BodyWait) { page, "SYN their version of the police information" };
  vigil_gui_test_wait_for (police_body_is, &wait, LOAD_TIMEOUT_MS, "their version to show");

  /* again, and this time save mine over theirs, knowingly */
  editor = click_for_editor (page, vigil_gui_test_find_named (vigil_dossier_page_get_section (page, "agency-information"), "police"),
                             "edit-agency-information");
  set_entry (editor, "body", "SYN my version of the police information");
  change_police_section (fixture.location, fixture.alpha, "SYN their second version");
  save_editor (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_CONFLICT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save-mine", NULL));
  vigil_gui_test_wait_saved (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
  wait = (BodyWait) { page, "SYN my version of the police information" };
  vigil_gui_test_wait_for (police_body_is, &wait, LOAD_TIMEOUT_MS, "my version to show");
  stored = vigil_store_fetch (check, &vigil_agency_section_type, section_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->body, ==, "SYN my version of the police information");
  g_assert_cmpint (stored->record.rev, ==, 4);

  /* the editors go before the window they belong to */
  g_clear_object (&editor);
  gtk_window_destroy (GTK_WINDOW (window));
  vigil_location_free (fixture.location);
}

static void
test_sections (void)
{
  Fixture fixture = { 0 };
  g_autoptr(VigilRecordEditor) editor = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  VigilWindow *window;
  VigilDossierPage *page;
  make_store (&fixture);
  window = vigil_gui_test_open_window (fixture.location, 1366, 768);
  page = open_dossier (window, fixture.alpha);

  /* safeguarding for Victim 1, who has no victim link yet */
  editor = click_for_editor (page, vigil_gui_test_find_named (vigil_dossier_page_get_section (page, "victims"), "victim-1"),
                             "edit-safeguarding");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Safeguarding: Victim 1");
  set_choice (editor, "advocate", "isac");
  set_entry (editor, "advocate_name", "SYN Caseworker");
  gtk_switch_set_active (GTK_SWITCH (vigil_record_editor_get_control (editor, "consent_to_share")), TRUE);
  set_entry (editor, "safety_plan_on", "2026-11-01");
  save_editor (editor);
  /* a plan date without a plan is refused */
  assert_message (editor, "safety plan");
  gtk_switch_set_active (GTK_SWITCH (vigil_record_editor_get_control (editor, "safety_plan")), TRUE);
  path = vigil_gui_test_screenshot (GTK_WIDGET (editor), "screenshot-safeguarding.png");
  save_editor (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
  g_clear_object (&editor);
  wait_for_count (page, G_STRUCT_OFFSET (VigilDossier, victim_links), 2, "the victim link to show");
  text = dup_section_text (page, "victims");
  vigil_gui_test_assert_contains (text, "ISAC: SYN Caseworker · safety plan since 1 November 2026 · consents to share");

  /* another process: MAPPA needs its category and level */
  editor = click_for_editor (page, vigil_dossier_page_get_section (page, "processes"), "add-process");
  set_choice (editor, "process", "mappa");
  save_editor (editor);
  assert_message (editor, "category");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (vigil_record_editor_get_control (editor, "mappa_category")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (vigil_record_editor_get_control (editor, "mappa_level")), 2);
  set_entry (editor, "contact", "SYN MAPPA Two");
  save_editor (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
  g_clear_object (&editor);
  wait_for_count (page, G_STRUCT_OFFSET (VigilDossier, processes), 2, "the process to show");
  g_clear_pointer (&text, g_free);
  text = dup_section_text (page, "processes");
  vigil_gui_test_assert_contains (text, "MAPPA (category 1, level 2) · Active");

  /* and agency information from housing */
  editor = click_for_editor (page, vigil_dossier_page_get_section (page, "agency-information"),
                             "add-agency-information");
  set_choice (editor, "agency", "housing");
  set_entry (editor, "provided_by", "SYN Housing Officer");
  set_entry (editor, "isa_reference", "SYN-ISA-9");
  save_editor (editor);
  assert_message (editor, "Information");
  set_entry (editor, "body", "SYN tenancy warning");
  g_clear_pointer (&path, g_free);
  path = vigil_gui_test_screenshot (GTK_WIDGET (editor), "screenshot-agency-information.png");
  save_editor (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
  g_clear_object (&editor);
  wait_for_count (page, G_STRUCT_OFFSET (VigilDossier, agency_information), 3, "the information to show");
  g_clear_pointer (&text, g_free);
  text = dup_section_text (page, "agency-information");
  vigil_gui_test_assert_contains (text, "SYN tenancy warning");
  vigil_gui_test_assert_contains (text, "Provided by SYN Housing Officer on");
  vigil_gui_test_assert_contains (text, "agreement SYN-ISA-9");

  /* every change is in the person's history */
  g_clear_pointer (&text, g_free);
  text = dup_section_text (page, "history");
  vigil_gui_test_assert_contains (text, "Added the agency section");
  vigil_gui_test_assert_contains (text, "Added the victim link");
  vigil_gui_test_assert_contains (text, "Added the other process");

  /* the editors go before the window they belong to */
  g_clear_object (&editor);
  gtk_window_destroy (GTK_WINDOW (window));
  vigil_location_free (fixture.location);
}

/* Waits for the page to show a dossier whose first outcome trend ends on @rating. */
typedef struct
{
  VigilDossierPage *page;
  gint64            rating;
} TrendWait;

static gboolean
trend_ends_on (gpointer user_data)
{
  TrendWait *wait = user_data;
  const VigilDossier *dossier = vigil_dossier_page_get_dossier (wait->page);
  const VigilDossierOutcomeTrend *trend;

  if (dossier == NULL || vigil_dossier_page_get_state (wait->page) != VIGIL_DOSSIER_PAGE_STATE_DOSSIER
      || dossier->outcome_trends == NULL || dossier->outcome_trends->len == 0)
    return FALSE;
  trend = g_ptr_array_index (dossier->outcome_trends, 0);
  return trend->latest_rating == wait->rating;
}

static void
record_outcome (VigilDossierPage *page,
                const char       *observed_on,
                int               rating,
                guint             n_after)
{
  GtkWidget *section = vigil_dossier_page_get_section (page, "outcomes");
  g_autoptr(VigilRecordEditor) editor = click_for_editor (page, vigil_gui_test_find_named (section, "outcome-list"), "add-outcome");
  GtkSpinButton *spin = GTK_SPIN_BUTTON (vigil_record_editor_get_control (editor, "rating"));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Record Outcome: Victim 1");
  /* the rating runs from 1 to 5 */
  gtk_spin_button_set_value (spin, 9);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 5);
  gtk_spin_button_set_value (spin, rating);
  set_choice (editor, "source", "victim_reported");
  set_choice (editor, "measure", "feels_safe");
  set_entry (editor, "observed_on", observed_on);
  save_editor (editor);
  g_assert_null (vigil_record_editor_get_message (editor));
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
  wait_for_count (page, G_STRUCT_OFFSET (VigilDossier, outcomes), n_after, "the outcome to show");
}

/* Victim and IDVA Outcomes: recorded for a victim (a future date refused), their trend
 * and chart, edited from the list, in the history; victims by role only. */
static void
test_outcomes (void)
{
  Fixture fixture = { 0 };
  g_autoptr(VigilRecordEditor) editor = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;
  VigilChart *chart;
  GtkWidget *section;
  VigilWindow *window;
  VigilDossierPage *page;

  make_store (&fixture);
  window = vigil_gui_test_open_window (fixture.location, 1366, 768);
  page = open_dossier (window, fixture.alpha);

  /* one group for each victim, nothing recorded yet, no names */
  text = dup_section_text (page, "outcomes");
  vigil_gui_test_assert_contains (text, "Victim and IDVA Outcomes");
  vigil_gui_test_assert_contains (text, "Nothing recorded yet");
  vigil_gui_test_assert_contains (text, "Victim 1");
  vigil_gui_test_assert_contains (text, "Victim 3");
  vigil_gui_test_assert_contains (text, "No outcome recorded yet");
  vigil_gui_test_assert_not_contains (text, "Victimsby");
  section = vigil_dossier_page_get_section (page, "outcomes");
  g_assert_null (vigil_gui_test_find_named (section, "outcome-chart"));

  /* a date in the future is refused, and the form stays open */
  editor = click_for_editor (page, vigil_gui_test_find_named (section, "outcome-list"), "add-outcome");
  set_entry (editor, "observed_on", "2999-01-01");
  save_editor (editor);
  assert_message (editor, "future");
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_EDITING);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_clear_object (&editor);

  /* two ratings: a trend and a chart */
  record_outcome (page, "2026-06-01", 2, 1);
  g_clear_pointer (&text, g_free);
  text = dup_section_text (page, "outcomes");
  vigil_gui_test_assert_contains (text, "Feels safe · reported by the victim");
  vigil_gui_test_assert_contains (text, "2 of 5 on 1 June 2026 · one rating so far");
  record_outcome (page, "2026-10-01", 4, 2);
  g_clear_pointer (&text, g_free);
  text = dup_section_text (page, "outcomes");
  vigil_gui_test_assert_contains (text, "2 → 4 · better than on 1 June 2026");
  vigil_gui_test_assert_contains (text, "1 October 2026 · Feels safe · reported by the victim · 4 of 5");
  vigil_gui_test_assert_not_contains (text, "Victimsby");

  section = vigil_dossier_page_get_section (page, "outcomes");
  g_assert_nonnull (vigil_gui_test_find_named (section, "outcome-chart"));
  chart = vigil_chart_view_get_chart (VIGIL_CHART_VIEW (vigil_gui_test_find_named (section, "outcome-chart")));
  g_assert_cmpuint (vigil_chart_get_n_series (chart), ==, 1);
  g_assert_cmpuint (vigil_chart_get_n_points (chart, 0), ==, 2);
  description = vigil_chart_describe (chart);
  vigil_gui_test_assert_contains (description, "Feels safe");
  g_assert_nonnull (vigil_chart_get_caveat (chart));
  path = vigil_gui_test_screenshot (section, "screenshot-dossier-outcomes.png");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  vigil_gui_test_set_dark (TRUE);
  g_clear_pointer (&path, g_free);
  path = vigil_gui_test_screenshot (section, "screenshot-dossier-outcomes-dark.png");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  vigil_gui_test_set_dark (FALSE);

  /* the newest is edited from the list: now worse */
  editor = click_for_editor (page, vigil_gui_test_find_named (section, "outcome-record-list"), "edit-outcome");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Outcome: Victim 1");
  g_clear_pointer (&path, g_free);
  path = vigil_gui_test_screenshot (GTK_WIDGET (editor), "screenshot-outcome-editor.png");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (vigil_record_editor_get_control (editor, "rating")), 1);
  set_entry (editor, "note", "SYN note: frightened after a sighting");
  save_editor (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
  g_clear_object (&editor);
  {
    TrendWait wait = { page, 1 };

    vigil_gui_test_wait_for (trend_ends_on, &wait, LOAD_TIMEOUT_MS, "the edited outcome to show");
  }
  g_clear_pointer (&text, g_free);
  text = dup_section_text (page, "outcomes");
  vigil_gui_test_assert_contains (text, "2 → 1 · worse than on 1 June 2026");
  vigil_gui_test_assert_contains (text, "SYN note: frightened after a sighting");
  vigil_gui_test_assert_contains (text, "Last changed by");

  g_clear_pointer (&text, g_free);
  text = dup_section_text (page, "history");
  vigil_gui_test_assert_contains (text, "Added the outcome");
  vigil_gui_test_assert_contains (text, "Changed the outcome: rating, note");

  gtk_window_destroy (GTK_WINDOW (window));
  vigil_location_free (fixture.location);
}

static gboolean
editor_is_record_editor (gpointer user_data)
{
  return VIGIL_IS_RECORD_EDITOR (vigil_dossier_page_get_editor (user_data));
}

static VigilRecordEditor *
choose_intervention (VigilDossierPage *page,
                     const char       *search,
                     const char       *code,
                     const char       *screenshot)
{
  GtkWidget *button = vigil_gui_test_find_named (vigil_dossier_page_get_section (page, "plan"), "add-intervention");
  VigilOptionPicker *picker;
  VigilRecordEditor *editor;

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  picker = VIGIL_OPTION_PICKER (vigil_dossier_page_get_editor (page));
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, picker, SHOW_TIMEOUT_MS, "the tactical menu to show");
  vigil_option_picker_set_search (picker, search);
  if (screenshot != NULL)
    {
      g_autofree char *path = NULL;

      path = vigil_gui_test_screenshot (GTK_WIDGET (picker), screenshot);
    }
  g_assert_true (vigil_option_picker_choose (picker, code));
  vigil_gui_test_wait_for (editor_is_record_editor, page, SHOW_TIMEOUT_MS, "the intervention form");
  editor = VIGIL_RECORD_EDITOR (vigil_dossier_page_get_editor (page));
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, editor, SHOW_TIMEOUT_MS, "the intervention form to show");
  return g_object_ref (editor);
}

static void
test_planner (void)
{
  Fixture fixture = { 0 };
  g_autoptr(VigilRecordEditor) editor = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  VigilWindow *window;
  VigilDossierPage *page;

  make_store (&fixture);
  window = vigil_gui_test_open_window (fixture.location, 1366, 768);
  page = open_dossier (window, fixture.alpha);

  /* the plan, and what is missing from it */
  text = dup_section_text (page, "plan");
  vigil_gui_test_assert_contains (text, "Risk Management Plan");
  vigil_gui_test_assert_contains (text, "SYN exit strategy");
  vigil_gui_test_assert_contains (text, "Engaging");
  vigil_gui_test_assert_contains (text, "Nothing in the plan for the victims’ safety");
  vigil_gui_test_assert_contains (text, "MAPPA is active (principle 4)");
  vigil_gui_test_assert_contains (text, "No intervention chosen yet.");

  /* the menu offers what suits a person who engages, and finds by words */
  {
    GtkWidget *button = vigil_gui_test_find_named (vigil_dossier_page_get_section (page, "plan"), "add-intervention");
    VigilOptionPicker *picker;
    g_autoptr(GPtrArray) shown = NULL;

    g_signal_emit_by_name (button, "clicked");
    picker = VIGIL_OPTION_PICKER (vigil_dossier_page_get_editor (page));
    vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, picker, SHOW_TIMEOUT_MS, "the tactical menu to show");
    shown = vigil_option_picker_dup_shown (picker);
    g_assert_true (g_ptr_array_find_with_equal_func (shown, "respect_programme", g_str_equal, NULL));
    g_assert_true (g_ptr_array_find_with_equal_func (shown, "dapo", g_str_equal, NULL));
    g_assert_false (g_ptr_array_find_with_equal_func (shown, "tenancy_enforcement", g_str_equal, NULL));
    g_clear_pointer (&path, g_free);
    path = vigil_gui_test_screenshot (GTK_WIDGET (picker), "screenshot-tactical-menu.png");
    vigil_option_picker_set_search (picker, "protection order");
    g_clear_pointer (&shown, g_ptr_array_unref);
    shown = vigil_option_picker_dup_shown (picker);
    g_assert_true (g_ptr_array_find_with_equal_func (shown, "dapo", g_str_equal, NULL));
    g_assert_true (g_ptr_array_find_with_equal_func (shown, "spo", g_str_equal, NULL));
    g_assert_false (g_ptr_array_find_with_equal_func (shown, "respect_programme", g_str_equal, NULL));
    gtk_window_close (GTK_WINDOW (picker));
  }

  /* an order: its expiry, notification requirement and breaches */
  editor = choose_intervention (page, "protection order", "dapo", "screenshot-tactical-menu-search.png");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Domestic Abuse Protection Order");
  g_assert_nonnull (vigil_record_editor_get_row (editor, "order_expires_on"));
  g_assert_nonnull (vigil_record_editor_get_row (editor, "breaches"));
  g_assert_cmpstr (vigil_record_editor_get_choice (editor, "owner_agency"), ==, "police");
  set_choice (editor, "status", "agreed");
  set_entry (editor, "order_expires_on", "2027-06-01");
  set_entry (editor, "due_on", "2027-01-15");
  set_entry (editor, "owner_person", "DC Synth Orders");
  g_clear_pointer (&path, g_free);
  path = vigil_gui_test_screenshot (GTK_WIDGET (editor), "screenshot-intervention-order.png");
  save_editor (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
  g_clear_object (&editor);
  wait_for_count (page, G_STRUCT_OFFSET (VigilDossier, interventions), 1, "the intervention to show");
  g_clear_pointer (&text, g_free);
  text = dup_section_text (page, "plan");
  vigil_gui_test_assert_contains (text, "Domestic Abuse Protection Order · Enforcement · Agreed");
  vigil_gui_test_assert_contains (text, "Police, DC Synth Orders · due 15 January 2027");
  vigil_gui_test_assert_contains (text, "Order: expires 1 June 2027 · 0 breaches");
  vigil_gui_test_assert_contains (text, "Only enforcement for a person who engages");
  {
    const VigilIntervention *dapo = g_ptr_array_index (vigil_dossier_page_get_dossier (page)->interventions, 0);

    g_assert_cmpstr (dapo->notification_requirements, ==, "Name and address within 3 days, and any change");
  }

  /* support for the victim: the warning goes */
  editor = choose_intervention (page, "IDVA", "idva_support", NULL);
  g_assert_null (vigil_record_editor_get_row (editor, "order_expires_on"));
  set_choice (editor, "status", "in_progress");
  save_editor (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
  g_clear_object (&editor);
  wait_for_count (page, G_STRUCT_OFFSET (VigilDossier, interventions), 2, "the second intervention to show");
  g_clear_pointer (&text, g_free);
  text = dup_section_text (page, "plan");
  vigil_gui_test_assert_not_contains (text, "Nothing in the plan for the victims’ safety");
  vigil_gui_test_assert_not_contains (text, "Only enforcement");
  vigil_gui_test_assert_contains (text, "IDVA support for the victim · Victim safeguarding · In progress");

  /* the plan itself: the review date is required */
  editor = click_for_editor (page, vigil_dossier_page_get_section (page, "plan"), "edit-plan");
  set_entry (editor, "review_on", "");
  save_editor (editor);
  assert_message (editor, "Review date");
  set_entry (editor, "review_on", "2027-03-01");
  set_entry (editor, "objectives", "SYN objectives, revised");
  save_editor (editor);
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);

  g_clear_object (&editor);
  gtk_window_destroy (GTK_WINDOW (window));
  vigil_location_free (fixture.location);
}

int
main (int   argc,
      char *argv[])
{
  vigil_gui_test_init (&argc, &argv, VIGIL_GUI_TEST_DEFAULT);

  g_test_add_func ("/dossier-page/open", test_open_dossier);
  g_test_add_func ("/dossier-page/screenshots", test_large_screenshots);
  g_test_add_func ("/dossier-page/edit/decision", test_record_decision);
  g_test_add_func ("/dossier-page/edit/status-workflow", test_status_workflow);
  g_test_add_func ("/dossier-page/edit/conflict", test_conflicting_edit);
  g_test_add_func ("/dossier-page/edit/sections", test_sections);
  g_test_add_func ("/dossier-page/edit/planner", test_planner);
  g_test_add_func ("/dossier-page/edit/outcomes", test_outcomes);

  return vigil_gui_test_run ();
}
