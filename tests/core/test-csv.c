/* test-csv.c: the CSV reader, on well-formed and malformed input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "vigil-csv.h"

/* Reads everything into "line:field|field|…" or "line:BAD:raw" lines. */
static char *
read_all (const char *input,
          gssize      length)
{
  g_autoptr(VigilCsvReader) reader = vigil_csv_reader_new_for_data (input, length < 0 ? strlen (input) : (gsize) length);
  g_autoptr(GString) out = g_string_new (NULL);
  VigilCsvRecord record;
  VigilCsvStatus status;

  while ((status = vigil_csv_reader_next (reader, &record)) != VIGIL_CSV_END)
    {
      g_string_append_printf (out, "%" G_GUINT64_FORMAT ":", record.line);
      if (status == VIGIL_CSV_BAD)
        {
          g_string_append (out, "BAD:");
          g_string_append_len (out, record.raw, record.raw_length);
          g_assert_nonnull (record.problem);
        }
      else
        for (guint i = 0; i < record.n_fields; i++)
          g_string_append_printf (out, "%s%s", i ? "|" : "", record.fields[i]);
      g_string_append_c (out, '\n');
    }

  g_assert_cmpuint (vigil_csv_reader_get_offset (reader), ==, vigil_csv_reader_get_length (reader));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
check (const char *input,
       const char *expected)
{
  g_autofree char *got = read_all (input, -1);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_well_formed (void)
{
  check ("a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\n");
  check ("a,b,c\r\n1,2,3\r\n", "1:a|b|c\n2:1|2|3\n");
  check ("a,b\n1,2", "1:a|b\n2:1|2\n");
  check ("\xEF\xBB\xBF" "a,b\n", "1:a|b\n");
  check ("a,,c\n,,\n", "1:a||c\n2:||\n");
  check ("a,b,\n", "1:a|b|\n");
  check ("a,b,", "1:a|b|\n");
  check ("\"Testington, Bravo\",x\n", "1:Testington, Bravo|x\n");
  check ("\"say \"\"hi\"\"\",x\n", "1:say \"hi\"|x\n");
  check ("\"two\nlines\",x\nnext,row\n", "1:two\nlines|x\n3:next|row\n");
  check ("\"crlf\r\ninside\",x\r\nnext,row\r\n", "1:crlf\r\ninside|x\n3:next|row\n");
  check ("\"\",\"\"\n", "1:|\n");
  check ("a\n\n\nb\n", "1:a\n4:b\n");
  check ("", "");
  check ("héllo,wörld\n", "1:héllo|wörld\n");
}

static void
test_malformed (void)
{
  /* a stray quote, text after a closing quote, an unclosed quote: each bad row is kept
   * with its line and raw text, and reading goes on */
  check ("a,b\nx\"y,z\nc,d\n", "1:a|b\n2:BAD:x\"y,z\n3:c|d\n");
  check ("a,b\n\"x\"y,z\nc,d\n", "1:a|b\n2:BAD:\"x\"y,z\n3:c|d\n");
  check ("a,b\n\"open,z\nc,d\n", "1:a|b\n2:BAD:\"open,z\nc,d\n");
  check ("a,b\nbad \xff byte,z\nc,d\n", "1:a|b\n2:BAD:bad \xff byte,z\n3:c|d\n");
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigil-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "in.csv", NULL);
  g_autoptr(VigilCsvReader) reader = NULL;
  g_autoptr(VigilCsvReader) missing = NULL;
  VigilCsvRecord record;

  g_file_set_contents (path, "h1,h2\nv1,v2\n", -1, &error);
  g_assert_no_error (error);
  reader = vigil_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_csv_reader_next (reader, &record), ==, VIGIL_CSV_RECORD);
  g_assert_cmpint (vigil_csv_reader_next (reader, &record), ==, VIGIL_CSV_RECORD);
  g_assert_cmpstr (record.fields[1], ==, "v2");
  g_assert_cmpint (vigil_csv_reader_next (reader, &record), ==, VIGIL_CSV_END);

  missing = vigil_csv_reader_new_for_path ("/nonexistent/vigil.csv", &error);
  g_assert_null (missing);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/vigil.csv"));

  g_unlink (path);
  g_rmdir (dir);
}

/* Reading a mapped file while letting its pages go gives what reading it whole gives,
 * records that span pages (quoted line breaks) included. */
static void
test_release (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigil-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "pages.csv", NULL);
  g_autoptr(GString) contents = g_string_new ("ref,note,n\n");
  g_autoptr(VigilCsvReader) reader = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  VigilCsvRecord record;
  VigilCsvStatus status;

  /* about 300 KB: many page boundaries, some inside quoted fields */
  for (guint i = 0; i < 6000; i++)
    g_string_append_printf (contents, "SYN-%u,\"line one, %u\nline \"\"two\"\"\",%u\n", i, i, i % 7);
  g_file_set_contents (path, contents->str, contents->len, &error);
  g_assert_no_error (error);
  expected = read_all (contents->str, contents->len);

  reader = vigil_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  while ((status = vigil_csv_reader_next (reader, &record)) != VIGIL_CSV_END)
    {
      g_assert_cmpint (status, ==, VIGIL_CSV_RECORD);
      g_string_append_printf (got, "%" G_GUINT64_FORMAT ":", record.line);
      for (guint i = 0; i < record.n_fields; i++)
        g_string_append_printf (got, "%s%s", i ? "|" : "", record.fields[i]);
      g_string_append_c (got, '\n');
      vigil_csv_reader_release (reader);
    }
  g_assert_cmpstr (got->str, ==, expected);

  g_clear_pointer (&reader, vigil_csv_reader_free);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/well-formed", test_well_formed);
  g_test_add_func ("/csv/malformed", test_malformed);
  g_test_add_func ("/csv/file", test_file);
  g_test_add_func ("/csv/release", test_release);

  return g_test_run ();
}
