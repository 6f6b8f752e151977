/* vigil-people.h: the cohort list — searched, filtered, sorted and paged by the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

/* The views of the same list. */
typedef enum
{
  VIGIL_PEOPLE_VIEW_CANDIDATES,  /* scored in the cohort of the latest run (in_cohort) */
  VIGIL_PEOPLE_VIEW_MANAGED,     /* latest entry under_review, managed or scaling_back */
  VIGIL_PEOPLE_VIEW_OF_CONCERN,  /* latest entry of_concern (watched, principle 5) */
  VIGIL_PEOPLE_VIEW_EXITED,      /* latest entry exited */
  VIGIL_PEOPLE_VIEW_ALL,         /* anyone with a cohort entry or a candidate */
  VIGIL_PEOPLE_VIEW_EVERYONE,    /* any perpetrator or anyone with a cohort entry */
} VigilPeopleView;

/* What the flags column shows; a filter asks for all the flags it names. */
typedef enum
{
  VIGIL_PERSON_FLAG_OTHER_PROCESS  = 1 << 0, /* a process_overlap is active */
  VIGIL_PERSON_FLAG_VISOR          = 1 << 1, /* a decision of kind visor (PDP / ViSOR) */
  VIGIL_PERSON_FLAG_ORDER          = 1 << 2, /* an agreed, in-progress or breached
                                              * intervention whose order expires today
                                              * or later */
  VIGIL_PERSON_FLAG_STALE          = 1 << 3, /* an agency's newest section is older than
                                              * the profile's freshness limit */
  VIGIL_PERSON_FLAG_REVIEW_OVERDUE = 1 << 4, /* next review before today, not exited */
  VIGIL_PERSON_FLAG_MOPI_DUE       = 1 << 5, /* the MoPI review date in force (the newest
                                              * decision that set one) is today or past */
  VIGIL_PERSON_FLAG_OVERDUE        = 1 << 6, /* a proposed, agreed or in-progress
                                              * intervention due before today */
  VIGIL_PERSON_FLAG_ORDER_EXPIRING = 1 << 7, /* an order in force expires within 28 days */
} VigilPersonFlags;

/* The columns the database may sort by (a whitelist: never SQL from outside). */
typedef enum
{
  VIGIL_PEOPLE_SORT_RANK,        /* latest run's rank; unscored last */
  VIGIL_PEOPLE_SORT_NAME,
  VIGIL_PEOPLE_SORT_SCORE,
  VIGIL_PEOPLE_SORT_TREND,       /* change of total since the previous run */
  VIGIL_PEOPLE_SORT_STATUS,
  VIGIL_PEOPLE_SORT_ROUTE,
  VIGIL_PEOPLE_SORT_LEAD,        /* lead agency, then officer */
  VIGIL_PEOPLE_SORT_NEXT_REVIEW,
  VIGIL_PEOPLE_SORT_FLAGS,
} VigilPeopleSort;

typedef struct
{
  VigilPeopleView  view;
  /* NULL or "" for everyone; otherwise every word must match (case-insensitive,
   * anywhere) the surname, forenames, an alias, the local reference or the PNC id. */
  const char      *search;
  const char      *status;      /* a cohort status code, NULL: any */
  const char      *route;       /* a route code, NULL: any */
  const char      *area;        /* the entry's area, else the latest score's; NULL: any */
  guint            flags;       /* VigilPersonFlags all required, 0: no filter */
  VigilPeopleSort  sort;
  gboolean         descending;
  const char      *today;       /* "YYYY-MM-DD", NULL: today */
  int              fresh_days;  /* 0: the latest run's profile's (else the default's) */
} VigilPeopleQuery;

/* One row of the cohort list. */
typedef struct
{
  gint64 person_id;
  char *surname;
  char *forenames;
  char *local_ref;
  char *pnc_id;
  char *dob;
  char *status;          /* cohort status code, NULL when not in the cohort */
  char *route;           /* route code, NULL when not in the cohort */
  char *lead_agency;
  char *lead_officer;
  char *area;
  char *next_review_on;
  gint64 incident_count;
  gint64 rank;           /* in the latest run, 0: not scored in it */
  double total;          /* valid when rank > 0 */
  gboolean has_previous; /* scored in the previous run too: trend is valid */
  double trend;          /* total minus the previous run's total */
  guint flags;           /* VigilPersonFlags */
} VigilPersonSummary;

void       vigil_person_summary_free (VigilPersonSummary *summary);
char      *vigil_person_summary_dup_display_name (const VigilPersonSummary *summary);

gint64     vigil_people_query_count  (VigilStore              *store,
                                      const VigilPeopleQuery  *query,
                                      GError                 **error);
/* Ordered by query->sort then surname, forenames, id (all in the query's direction).
 * Returns VigilPersonSummary elements. */
GPtrArray *vigil_people_query_list   (VigilStore              *store,
                                      const VigilPeopleQuery  *query,
                                      gint64                   offset,
                                      guint                    limit,
                                      GError                 **error);

/* Counts per status of everyone's latest cohort entry, and the candidates of the latest
 * run, ignoring the query's view and status but honouring its search, route, area and
 * flags. */
typedef struct
{
  gint64 candidates;
  gint64 by_status[6];   /* in the order of vigil_cohort_status_choices */
} VigilPeopleCounts;

gboolean   vigil_people_count_statuses (VigilStore              *store,
                                        const VigilPeopleQuery  *query,
                                        VigilPeopleCounts       *out_counts,
                                        GError                 **error);

/* Everyone who could be in the cohort: perpetrators (someone with an incident as
 * perpetrator) and people with a cohort entry; victims who are nothing else are never
 * listed. @search as in VigilPeopleQuery. Only the person's details and latest entry are
 * filled in (no score, no flags). */
gint64     vigil_people_count        (VigilStore  *store,
                                      const char  *search,
                                      GError     **error);
/* Ordered by surname, forenames, id. Returns VigilPersonSummary elements. */
GPtrArray *vigil_people_list         (VigilStore  *store,
                                      const char  *search,
                                      gint64       offset,
                                      guint        limit,
                                      GError     **error);

/* A search of everyone (vigil_people_count() and the first @limit of
 * vigil_people_list()) in one read off the main thread. */
typedef struct
{
  gint64     total;   /* everyone who matches */
  GPtrArray *people;  /* VigilPersonSummary, at most the limit */
} VigilPeopleSearch;

void               vigil_people_search_free      (VigilPeopleSearch       *search);
void               vigil_people_search_async     (VigilStore              *store,
                                                  const char              *search,
                                                  guint                    limit,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
VigilPeopleSearch *vigil_people_search_finish    (VigilStore              *store,
                                                  GAsyncResult            *result,
                                                  GError                 **error);

/* What the cohort list shows above and for its rows, read in one go off the main
 * thread: the people matching the query, those matching it without its search, and
 * the counts by status. */
typedef struct
{
  gint64 count;
  gint64 total;
  VigilPeopleCounts counts;
} VigilPeopleTally;

void               vigil_people_tally_async      (VigilStore              *store,
                                                  const VigilPeopleQuery  *query,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
VigilPeopleTally  *vigil_people_tally_finish     (VigilStore              *store,
                                                  GAsyncResult            *result,
                                                  GError                 **error);
/* A page of vigil_people_query_list() off the main thread: a GPtrArray of
 * VigilPersonSummary. */
void               vigil_people_query_list_async (VigilStore              *store,
                                                  const VigilPeopleQuery  *query,
                                                  gint64                   offset,
                                                  guint                    limit,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
GPtrArray         *vigil_people_query_list_finish (VigilStore             *store,
                                                   GAsyncResult           *result,
                                                   GError                **error);

/* People by id, as lists show them: "Surname, Forenames" and the local reference. */
typedef struct
{
  char *name;
  char *reference;
} VigilPersonName;

void               vigil_person_name_free        (VigilPersonName         *name);
/* A table from person id (a gint64 key owned by the table) to VigilPersonName, for the
 * ids that exist; the ids are bound in fixed-size groups (one statement whatever
 * their number). */
GHashTable        *vigil_people_get_names        (VigilStore              *store,
                                                  const gint64            *ids,
                                                  guint                    n_ids,
                                                  GError                 **error);
void               vigil_people_get_names_async  (VigilStore              *store,
                                                  const gint64            *ids,
                                                  guint                    n_ids,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
GHashTable        *vigil_people_get_names_finish (VigilStore              *store,
                                                  GAsyncResult            *result,
                                                  GError                 **error);
/* The ids (a set of gint64 keys) of everyone whose name, alias, local reference or
 * PNC id matches every word of @search, as the cohort list searches. */
GHashTable        *vigil_people_find_ids         (VigilStore              *store,
                                                  const char              *search,
                                                  GError                 **error);
void               vigil_people_find_ids_async   (VigilStore              *store,
                                                  const char              *search,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
GHashTable        *vigil_people_find_ids_finish  (VigilStore              *store,
                                                  GAsyncResult            *result,
                                                  GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilPersonSummary, vigil_person_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilPersonName, vigil_person_name_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilPeopleSearch, vigil_people_search_free)

G_END_DECLS
