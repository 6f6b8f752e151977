/* vigil-table-row.h: a row of a chart's table (an item of the table's GListModel)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_TABLE_ROW (vigil_table_row_get_type ())
G_DECLARE_FINAL_TYPE (VigilTableRow, vigil_table_row, VIGIL, TABLE_ROW, GObject)

VigilTableRow *vigil_table_row_new        (GStrv          cells);
guint          vigil_table_row_get_n_cells (VigilTableRow *self);
const char    *vigil_table_row_get_cell    (VigilTableRow *self,
                                            guint          column);

G_END_DECLS
