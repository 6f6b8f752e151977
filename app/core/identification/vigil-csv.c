/* vigil-csv.c: a streaming RFC 4180 reader that keeps bad rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-csv"

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "vigil-csv.h"

struct _VigilCsvReader
{
  GMappedFile *mapped;  /* owns data when reading a file */
  const char *data;
  gsize length;
  gsize pos;
  guint64 line;         /* physical line at pos */
  gsize released;       /* pages before this are let go (vigil_csv_reader_release) */

  GString *buffer;      /* unescaped fields, NUL-separated */
  GArray *offsets;      /* gsize offsets of each field in buffer */
  GPtrArray *fields;    /* const char * into buffer, handed out */
};

static VigilCsvReader *
reader_new (const char *data,
            gsize       length)
{
  VigilCsvReader *self = g_new0 (VigilCsvReader, 1);

  self->data = data;
  self->length = length;
  self->line = 1;
  self->buffer = g_string_sized_new (256);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();

  /* a UTF-8 byte-order mark is not part of the first field */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;

  return self;
}

VigilCsvReader *
vigil_csv_reader_new_for_path (const char  *path,
                               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GMappedFile *mapped;
  VigilCsvReader *self;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, G_FILE_ERROR, local_error->code,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      return NULL;
    }

  self = reader_new (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped));
  self->mapped = mapped;
  return self;
}

VigilCsvReader *
vigil_csv_reader_new_for_data (const char *data,
                               gsize       length)
{
  return reader_new (data, length);
}

void
vigil_csv_reader_free (VigilCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_string_free (self->buffer, TRUE);
  g_array_unref (self->offsets);
  g_ptr_array_unref (self->fields);
  g_free (self);
}

gsize
vigil_csv_reader_get_offset (VigilCsvReader *self)
{
  return self->pos;
}

gsize
vigil_csv_reader_get_length (VigilCsvReader *self)
{
  return self->length;
}

const char *
vigil_csv_reader_get_data (VigilCsvReader *self)
{
  return self->data;
}

/* Lets the system drop the pages of a mapped file before the current position: they
 * are read again from the file if needed, so memory does not grow with the file. */
void
vigil_csv_reader_release (VigilCsvReader *self)
{
#ifdef MADV_DONTNEED
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  gsize end = self->pos - self->pos % page;

  /* the mapping starts on a page */
  if (self->mapped == NULL || end <= self->released)
    return;
  if (madvise ((char *) self->data + self->released, end - self->released, MADV_DONTNEED) == 0)
    self->released = end;
#endif
}

/* Skips to just after the end of the current physical line. */
static void
skip_line (VigilCsvReader *self)
{
  const char *nl = memchr (self->data + self->pos, '\n', self->length - self->pos);

  if (nl == NULL)
    self->pos = self->length;
  else
    {
      self->pos = (gsize) (nl - self->data) + 1;
      self->line++;
    }
}

static void
end_field (VigilCsvReader *self)
{
  g_string_append_c (self->buffer, '\0');
}

static void
start_field (VigilCsvReader *self)
{
  gsize offset = self->buffer->len;

  g_array_append_val (self->offsets, offset);
}

static VigilCsvStatus
finish_bad (VigilCsvReader *self,
            VigilCsvRecord *record,
            gsize           start,
            const char     *problem)
{
  /* the bad record runs to the end of the line where the problem was found */
  if (self->pos < self->length && self->data[self->pos - (self->pos > 0 ? 1 : 0)] != '\n')
    skip_line (self);

  record->raw = self->data + start;
  record->raw_length = self->pos - start;
  while (record->raw_length > 0 &&
         (record->raw[record->raw_length - 1] == '\n' || record->raw[record->raw_length - 1] == '\r'))
    record->raw_length--;
  record->problem = problem;
  record->n_fields = 0;
  record->fields = NULL;
  return VIGIL_CSV_BAD;
}

VigilCsvStatus
vigil_csv_reader_next (VigilCsvReader *self,
                       VigilCsvRecord *record)
{
  const char *data = self->data;
  gsize length = self->length;
  gsize start;
  gboolean record_done = FALSE;

  memset (record, 0, sizeof *record);

  /* blank lines between records are not records */
  while (self->pos < length && (data[self->pos] == '\n' || data[self->pos] == '\r'))
    {
      if (data[self->pos] == '\n')
        self->line++;
      self->pos++;
    }

  if (self->pos >= length)
    return VIGIL_CSV_END;

  start = self->pos;
  record->line = self->line;
  g_string_truncate (self->buffer, 0);
  g_array_set_size (self->offsets, 0);

  while (!record_done)
    {
      start_field (self);

      if (self->pos < length && data[self->pos] == '"')
        {
          /* quoted field */
          self->pos++;
          for (;;)
            {
              const char *quote = memchr (data + self->pos, '"', length - self->pos);
              gsize end;

              if (quote == NULL)
                {
                  self->pos = length;
                  return finish_bad (self, record, start,
                                     _("a quoted field is not closed before the end of the file"));
                }

              end = (gsize) (quote - data);
              for (gsize i = self->pos; i < end; i++)
                if (data[i] == '\n')
                  self->line++;
              g_string_append_len (self->buffer, data + self->pos, end - self->pos);
              self->pos = end + 1;

              if (self->pos < length && data[self->pos] == '"')
                {
                  /* a doubled quote stands for one quote */
                  g_string_append_c (self->buffer, '"');
                  self->pos++;
                  continue;
                }
              break;
            }

          /* after the closing quote: a separator, a line end or the end */
          if (self->pos >= length)
            record_done = TRUE;
          else if (data[self->pos] == ',')
            self->pos++;
          else if (data[self->pos] == '\n')
            {
              self->pos++;
              self->line++;
              record_done = TRUE;
            }
          else if (data[self->pos] == '\r' && self->pos + 1 < length && data[self->pos + 1] == '\n')
            {
              self->pos += 2;
              self->line++;
              record_done = TRUE;
            }
          else if (data[self->pos] == '\r' && self->pos + 1 == length)
            {
              self->pos++;
              record_done = TRUE;
            }
          else
            return finish_bad (self, record, start,
                               _("text follows the closing quote of a quoted field"));
        }
      else
        {
          /* plain field: up to a comma or a line end; a quote here is malformed */
          gsize i = self->pos;

          while (i < length && data[i] != ',' && data[i] != '\n' && data[i] != '"')
            i++;

          if (i < length && data[i] == '"')
            {
              self->pos = i + 1;
              return finish_bad (self, record, start,
                                 _("a quote appears inside a field that does not start with one"));
            }

          {
            gsize end = i;

            if (i < length && data[i] == '\n' && end > self->pos && data[end - 1] == '\r')
              end--;
            else if (i == length && end > self->pos && data[end - 1] == '\r')
              end--;
            g_string_append_len (self->buffer, data + self->pos, end - self->pos);
          }

          if (i >= length)
            {
              self->pos = length;
              record_done = TRUE;
            }
          else if (data[i] == ',')
            self->pos = i + 1;
          else
            {
              self->pos = i + 1;
              self->line++;
              record_done = TRUE;
            }
        }

      end_field (self);

      /* a comma at the very end of the input ends with one more, empty field */
      if (!record_done && self->pos >= length)
        {
          start_field (self);
          end_field (self);
          record_done = TRUE;
        }
    }

  record->raw = data + start;
  record->raw_length = self->pos - start;
  while (record->raw_length > 0 &&
         (record->raw[record->raw_length - 1] == '\n' || record->raw[record->raw_length - 1] == '\r'))
    record->raw_length--;

  if (!g_utf8_validate_len (record->raw, record->raw_length, NULL))
    {
      record->problem = _("the row is not valid UTF-8 text");
      return VIGIL_CSV_BAD;
    }

  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < self->offsets->len; i++)
    g_ptr_array_add (self->fields, self->buffer->str + g_array_index (self->offsets, gsize, i));

  record->n_fields = self->fields->len;
  record->fields = (const char **) self->fields->pdata;
  return VIGIL_CSV_RECORD;
}
