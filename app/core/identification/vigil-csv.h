/* vigil-csv.h: a streaming RFC 4180 reader that keeps bad rows
 *
 * Reads a whole file through a memory map (or a buffer), one record at a time: quoted
 * fields may hold commas, doubled quotes and line breaks; a UTF-8 byte-order mark and
 * CRLF line ends are accepted. A record with malformed quoting or invalid UTF-8 is
 * returned as a bad row with its line number, its raw text and what is wrong, and
 * reading goes on at the next line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VigilCsvReader VigilCsvReader;

typedef enum
{
  VIGIL_CSV_END,     /* no more records */
  VIGIL_CSV_RECORD,  /* a well-formed record */
  VIGIL_CSV_BAD,     /* a malformed record: see problem, line and raw text */
} VigilCsvStatus;

typedef struct
{
  guint64      line;        /* physical line (1-based) where the record starts */
  guint        n_fields;
  const char **fields;      /* unescaped, NUL-terminated; valid until the next call */
  const char  *raw;         /* the record as it stands in the file (not NUL-terminated) */
  gsize        raw_length;
  const char  *problem;     /* VIGIL_CSV_BAD: what is wrong, translated */
} VigilCsvRecord;

VigilCsvReader *vigil_csv_reader_new_for_path (const char      *path,
                                               GError         **error);
VigilCsvReader *vigil_csv_reader_new_for_data (const char      *data,
                                               gsize            length);
void            vigil_csv_reader_free         (VigilCsvReader  *self);
VigilCsvStatus  vigil_csv_reader_next         (VigilCsvReader  *self,
                                               VigilCsvRecord  *record);
/* How far reading has got, for a progress bar. */
gsize           vigil_csv_reader_get_offset   (VigilCsvReader  *self);
gsize           vigil_csv_reader_get_length   (VigilCsvReader  *self);
/* The whole input, for a checksum. */
const char     *vigil_csv_reader_get_data     (VigilCsvReader  *self);
/* Lets the memory of a file's pages already read go; the records returned so far must
 * not be used any more. */
void            vigil_csv_reader_release      (VigilCsvReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilCsvReader, vigil_csv_reader_free)

G_END_DECLS
