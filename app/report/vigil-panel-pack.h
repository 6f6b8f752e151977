/* vigil-panel-pack.h: the panel pack of a meeting, as a PDF (principle 6)
 *
 * The agenda, attendance (with the agencies the guidance names that are absent), one
 * section per case — status and route, the score and its R/F/G/V breakdown, decisions,
 * the risk management plan and its interventions, other processes, the agency
 * information shared with the panel, victims and safeguarding, minutes — and the
 * actions, with those carried from earlier meetings. Every page carries the
 * protective marking at its top and bottom and its page number. Victims appear by
 * their role ("Victim 1") unless the caller asks for their names. Each person in the
 * pack gets an "export" row in the audit log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_PANEL_PACK_DEFAULT_MARKING "OFFICIAL-SENSITIVE"

typedef struct
{
  gboolean    show_victims;  /* victims' names instead of their roles */
  const char *marking;       /* NULL: the meeting's, else VIGIL_PANEL_PACK_DEFAULT_MARKING */
  const char *today;         /* "YYYY-MM-DD" for overdue actions; NULL: local today */
} VigilPanelPackOptions;

typedef struct _VigilPanelPack VigilPanelPack;

/* Reads the meeting and its cases and lays the pack out; NULL with @error set. */
VigilPanelPack *vigil_panel_pack_prepare      (VigilStore                   *store,
                                               gint64                        meeting_id,
                                               const VigilPanelPackOptions  *options,
                                               GCancellable                 *cancellable,
                                               GError                      **error);
guint           vigil_panel_pack_get_n_pages  (VigilPanelPack               *self);
/* Draws page @page (from 1) on @cr, A4 scaled to fit @width × @height (printing). */
void            vigil_panel_pack_draw_page    (VigilPanelPack               *self,
                                               cairo_t                      *cr,
                                               guint                         page,
                                               double                        width,
                                               double                        height);
/* Writes the PDF (a new file replaces @path only once it is complete, mode 0600). */
gboolean        vigil_panel_pack_save_pdf     (VigilPanelPack               *self,
                                               const char                   *path,
                                               GError                      **error);
/* Appends an audit row (@action: "export", "print") for each person in the pack. */
gboolean        vigil_panel_pack_record       (VigilPanelPack               *self,
                                               VigilStore                   *store,
                                               const char                   *action,
                                               GError                      **error);
void            vigil_panel_pack_free         (VigilPanelPack               *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilPanelPack, vigil_panel_pack_free)

/* Prepares, writes and records the pack at @path (a new file replaces it only once it is complete). Returns
 * the number of pages, 0 with @error set. */
guint    vigil_panel_pack_write (VigilStore                   *store,
                                 gint64                        meeting_id,
                                 const char                   *path,
                                 const VigilPanelPackOptions  *options,
                                 GCancellable                 *cancellable,
                                 GError                      **error);

/* Off the main thread, each on a worker's own connection (vigil_store_call_async); the
 * callback runs on the caller's main context. @options is copied. */

/* vigil_panel_pack_prepare() on a worker. */
void            vigil_panel_pack_prepare_async  (VigilStore                   *store,
                                                 gint64                        meeting_id,
                                                 const VigilPanelPackOptions  *options,
                                                 GCancellable                 *cancellable,
                                                 GAsyncReadyCallback           callback,
                                                 gpointer                      user_data);
VigilPanelPack *vigil_panel_pack_prepare_finish (VigilStore                   *store,
                                                 GAsyncResult                 *result,
                                                 GError                      **error);
/* vigil_panel_pack_record() in one transaction; @self may be freed once called. */
void            vigil_panel_pack_record_async   (VigilPanelPack               *self,
                                                 VigilStore                   *store,
                                                 const char                   *action,
                                                 GCancellable                 *cancellable,
                                                 GAsyncReadyCallback           callback,
                                                 gpointer                      user_data);
gboolean        vigil_panel_pack_record_finish  (VigilStore                   *store,
                                                 GAsyncResult                 *result,
                                                 GError                      **error);
/* vigil_panel_pack_write(): the number of pages, 0 with @error set. */
void            vigil_panel_pack_write_async    (VigilStore                   *store,
                                                 gint64                        meeting_id,
                                                 const char                   *path,
                                                 const VigilPanelPackOptions  *options,
                                                 GCancellable                 *cancellable,
                                                 GAsyncReadyCallback           callback,
                                                 gpointer                      user_data);
guint           vigil_panel_pack_write_finish   (VigilStore                   *store,
                                                 GAsyncResult                 *result,
                                                 GError                      **error);

G_END_DECLS
