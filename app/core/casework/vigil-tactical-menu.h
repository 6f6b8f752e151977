/* vigil-tactical-menu.h: the intervention options a panel chooses from (principle 7)
 *
 * The default menu is data/tactical-menu.json (embedded). A force adds, changes or
 * retires options in a menu file of its own, `tactical-menu.json` in the folder of its
 * SQLite file (or Vigil's configuration folder for a PostgreSQL store), with the same
 * format plus a "retire" list of codes; no rebuild is needed. A retired option stays
 * readable, so old plans still show what was chosen, but is no longer offered. A
 * mistake in either file is an error naming the option and the key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_TACTICAL_MENU_ERROR (vigil_tactical_menu_error_quark ())

typedef enum
{
  VIGIL_TACTICAL_MENU_ERROR_INVALID, /* not a menu, or a mistake in an option */
} VigilTacticalMenuError;

GQuark vigil_tactical_menu_error_quark (void);

/* "support", "prevention", "diversion", "disruption", "enforcement",
 * "victim_safeguarding", "information_sharing" */
extern const char * const vigil_tactical_category_choices[];
/* "engaging", "non_engaging", "both" */
extern const char * const vigil_tactical_suits_choices[];

typedef struct
{
  char     *code;
  char     *title;
  char     *category;          /* vigil_tactical_category_choices */
  char     *suits;             /* vigil_tactical_suits_choices */
  char     *owner_agency;      /* vigil_agency_choices, NULL: none usual */
  char     *legal_basis;       /* NULL when there is none */
  char    **requires;          /* what it needs, NULL-terminated, never NULL */
  char     *evidence;          /* a short evidence note, NULL when none */
  gboolean  is_order;          /* an order: keeps expiry, conditions, breaches */
  int       notification_days; /* days to notify name and address, 0: none */
  int       lasts_days;        /* a fixed length (a notice), 0: none */
  int       monitoring_months_max; /* electronic monitoring at most, 0: none */
  gboolean  breach_is_offence;
  int       breach_max_years;  /* 0: not said */
  gboolean  retired;           /* kept for old plans, not offered */
  char     *source;            /* "default" or the force file's path */
} VigilTacticalOption;

typedef struct _VigilTacticalMenu VigilTacticalMenu;

/* The embedded default menu. */
VigilTacticalMenu         *vigil_tactical_menu_load_default   (GError                  **error);
/* A menu from JSON text; @source names it in messages and in each option. */
VigilTacticalMenu         *vigil_tactical_menu_load_data      (const char               *data,
                                                               gssize                    length,
                                                               const char               *source,
                                                               GError                  **error);
/* Applies a force's menu file: its options are added (or replace an option with the
 * same code) and its "retire" codes are retired. On an error the menu is unchanged. */
gboolean                   vigil_tactical_menu_apply_file     (VigilTacticalMenu        *self,
                                                               const char               *path,
                                                               GError                  **error);
/* Where a force's menu file for @store lives (it may not exist). */
char                      *vigil_tactical_menu_dup_force_path (VigilStore               *store);
/* The default menu with the force's file for @store applied when there is one. */
VigilTacticalMenu         *vigil_tactical_menu_load_for_store (VigilStore               *store,
                                                               GError                  **error);
void                       vigil_tactical_menu_free           (VigilTacticalMenu        *self);

/* Every option (retired ones too) in menu order; borrowed. */
GPtrArray                 *vigil_tactical_menu_get_options    (VigilTacticalMenu        *self);
/* The option with @code, retired or not; NULL when unknown. */
const VigilTacticalOption *vigil_tactical_menu_lookup         (VigilTacticalMenu        *self,
                                                               const char               *code);
/* The category's title ("Victim safeguarding"), translated; NULL when unknown. */
const char                *vigil_tactical_category_get_title  (const char               *category);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilTacticalMenu, vigil_tactical_menu_free)

G_END_DECLS
