/* vigil-judgement-label.h: a professional-judgement decision shown beside a score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-cohort.h"

G_BEGIN_DECLS

/* "Included by DCI Example (Head of Public Protection), 3 Nov 2026" (translated);
 * the role and the date are left out when unknown. */
char *vigil_judgement_format           (const VigilJudgement *judgement);
/* The tooltip: the rationale, then what the algorithm said at the time. */
char *vigil_judgement_format_details   (const VigilJudgement *judgement);
/* "3 Nov 2026" for "2026-11-03"; a copy of @date when it is not a date. */
char *vigil_judgement_format_date      (const char           *date);

#define VIGIL_TYPE_JUDGEMENT_LABEL (vigil_judgement_label_get_type ())
G_DECLARE_FINAL_TYPE (VigilJudgementLabel, vigil_judgement_label, VIGIL, JUDGEMENT_LABEL, GtkWidget)

GtkWidget  *vigil_judgement_label_new            (void);
/* Shows @judgement, or nothing (the widget hides) when NULL. */
void        vigil_judgement_label_set_judgement  (VigilJudgementLabel  *self,
                                                  const VigilJudgement *judgement);
const char *vigil_judgement_label_get_text       (VigilJudgementLabel  *self);

G_END_DECLS
