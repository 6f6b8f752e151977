/* vigil-table-row.c: a row of a chart's table (an item of the table's GListModel)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-table-row"

#include "config.h"

#include "vigil-table-row.h"

struct _VigilTableRow
{
  GObject parent_instance;

  GStrv cells;   /* the texts, column by column */
};

G_DEFINE_FINAL_TYPE (VigilTableRow, vigil_table_row, G_TYPE_OBJECT)

static void
vigil_table_row_finalize (GObject *object)
{
  VigilTableRow *self = VIGIL_TABLE_ROW (object);

  g_strfreev (self->cells);

  G_OBJECT_CLASS (vigil_table_row_parent_class)->finalize (object);
}

static void
vigil_table_row_class_init (VigilTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigil_table_row_finalize;
}

static void
vigil_table_row_init (VigilTableRow *self)
{
}

/**
 * vigil_table_row_new:
 * @cells: (transfer full): the row's texts, NULL-terminated
 */
VigilTableRow *
vigil_table_row_new (GStrv cells)
{
  VigilTableRow *self = g_object_new (VIGIL_TYPE_TABLE_ROW, NULL);

  self->cells = cells != NULL ? cells : g_new0 (char *, 1);
  return self;
}

guint
vigil_table_row_get_n_cells (VigilTableRow *self)
{
  g_return_val_if_fail (VIGIL_IS_TABLE_ROW (self), 0);
  return g_strv_length (self->cells);
}

/* Returns: (nullable): the text of @column, NULL past the last */
const char *
vigil_table_row_get_cell (VigilTableRow *self,
                          guint          column)
{
  g_return_val_if_fail (VIGIL_IS_TABLE_ROW (self), NULL);
  return column < g_strv_length (self->cells) ? self->cells[column] : NULL;
}
