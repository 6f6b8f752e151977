/* vigil-dossier-item.h: one piece of a dossier section, as the page shows it
 *
 * The dossier's view model (VigilDossierModel) describes each section as a tree of
 * items: a section holds its heading buttons and its content (labels, subheadings,
 * lists, charts); a list holds rows; a row has lines and at most one button. Every
 * text is final (translated, formatted); a button names the page's action and its
 * parameter (a record id), never a record. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-chart.h"

G_BEGIN_DECLS

/* What an item is (its "kind" property; registered by glib-mkenums) */
typedef enum
{
  VIGIL_DOSSIER_ITEM_SECTION,      /* text: the title; buttons and children */
  VIGIL_DOSSIER_ITEM_LABEL,        /* text, css-class */
  VIGIL_DOSSIER_ITEM_SUBHEADING,   /* text */
  VIGIL_DOSSIER_ITEM_LIST,         /* text: the accessible name; children: rows */
  VIGIL_DOSSIER_ITEM_ROW,          /* text: the first line; lines; css-class: the row's */
  VIGIL_DOSSIER_ITEM_BUTTON,       /* text: the mnemonic label; action, target */
  VIGIL_DOSSIER_ITEM_CHART,        /* chart */
} VigilDossierItemKind;

#define VIGIL_TYPE_DOSSIER_ITEM (vigil_dossier_item_get_type ())
G_DECLARE_FINAL_TYPE (VigilDossierItem, vigil_dossier_item, VIGIL, DOSSIER_ITEM, GObject)

VigilDossierItem    *vigil_dossier_item_new_section         (const char       *name,
                                                             const char       *title);
VigilDossierItem    *vigil_dossier_item_new_label           (const char       *name,
                                                             const char       *text,
                                                             const char       *css_class);
VigilDossierItem    *vigil_dossier_item_new_subheading      (const char       *text);
VigilDossierItem    *vigil_dossier_item_new_list            (const char       *name,
                                                             const char       *accessible_name);
VigilDossierItem    *vigil_dossier_item_new_row             (const char       *name,
                                                             const char       *first);
/* @target: floating or NULL */
VigilDossierItem    *vigil_dossier_item_new_button          (const char       *name,
                                                             const char       *label,
                                                             const char       *accessible_label,
                                                             const char       *action_name,
                                                             GVariant         *target);
VigilDossierItem    *vigil_dossier_item_new_chart           (const char       *name,
                                                             VigilChart       *chart);

VigilDossierItemKind vigil_dossier_item_get_kind            (VigilDossierItem *self);
const char          *vigil_dossier_item_get_name            (VigilDossierItem *self);
const char          *vigil_dossier_item_get_text            (VigilDossierItem *self);
const char          *vigil_dossier_item_get_css_class       (VigilDossierItem *self);
void                 vigil_dossier_item_set_css_class       (VigilDossierItem *self,
                                                             const char       *css_class);
/* A section's buttons, a row's button (at most one): VigilDossierItem */
GListModel          *vigil_dossier_item_get_buttons         (VigilDossierItem *self);
/* A section's content, a list's rows: VigilDossierItem */
GListModel          *vigil_dossier_item_get_children        (VigilDossierItem *self);
void                 vigil_dossier_item_append              (VigilDossierItem *self,
                                                             VigilDossierItem *child);
void                 vigil_dossier_item_add_button          (VigilDossierItem *self,
                                                             VigilDossierItem *button);
/* A row's lines after the first; empty lines are skipped. */
void                 vigil_dossier_item_add_line            (VigilDossierItem *self,
                                                             const char       *text,
                                                             const char       *css_class);
guint                vigil_dossier_item_get_n_lines         (VigilDossierItem *self);
const char          *vigil_dossier_item_get_line            (VigilDossierItem *self,
                                                             guint             index,
                                                             const char      **css_class);
/* Every line of a row, ". "-joined: its accessible label. */
char                *vigil_dossier_item_dup_whole_text      (VigilDossierItem *self);
/* A row whose lines are a warning (stale information). */
gboolean             vigil_dossier_item_get_warning         (VigilDossierItem *self);
void                 vigil_dossier_item_set_warning         (VigilDossierItem *self,
                                                             gboolean          warning);
const char          *vigil_dossier_item_get_accessible_label (VigilDossierItem *self);
const char          *vigil_dossier_item_get_action_name     (VigilDossierItem *self);
GVariant            *vigil_dossier_item_get_action_target   (VigilDossierItem *self);
gboolean             vigil_dossier_item_get_sensitive       (VigilDossierItem *self);
void                 vigil_dossier_item_set_sensitive       (VigilDossierItem *self,
                                                             gboolean          sensitive);
const char          *vigil_dossier_item_get_tooltip         (VigilDossierItem *self);
void                 vigil_dossier_item_set_tooltip         (VigilDossierItem *self,
                                                             const char       *tooltip);
VigilChart          *vigil_dossier_item_get_chart           (VigilDossierItem *self);

G_END_DECLS
