/* vigil-format.c: how Vigil writes dates and counts for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-format"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "vigil-format.h"

char *
vigil_format_date (const char *iso)
{
  int year = 0, month = 0, day = 0;
  char buffer[128];
  GDate date;

  if (!(iso != NULL && *iso != '\0'))
    return g_strdup (_("no date"));

  if (strlen (iso) < 10 ||
      !g_ascii_isdigit (iso[0]) || iso[4] != '-' || iso[7] != '-')
    return g_strdup (iso);

  year = (int) g_ascii_strtoll (iso, NULL, 10);
  month = (int) g_ascii_strtoll (iso + 5, NULL, 10);
  day = (int) g_ascii_strtoll (iso + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup (iso);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  /* Translators: a date as strftime () writes it: "1 October 2026" */
  if (g_date_strftime (buffer, sizeof buffer, _("%-d %B %Y"), &date) == 0)
    return g_strdup (iso);

  if (strlen (iso) >= 16 && (iso[10] == 'T' || iso[10] == ' ') && iso[13] == ':')
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autofree char *copy = g_strdup (iso);
      g_autoptr(GDateTime) parsed = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *time = NULL;

      /* stored in UTC unless it says otherwise; shown in local time */
      copy[10] = 'T';
      parsed = g_date_time_new_from_iso8601 (copy, utc);
      if (parsed == NULL)
        /* Translators: a date and a time: "1 October 2026 at 14:05" */
        return g_strdup_printf (_("%s at %.5s"), buffer, iso + 11);
      local = g_date_time_to_local (parsed);
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (local),
                      (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
      if (g_date_strftime (buffer, sizeof buffer, _("%-d %B %Y"), &date) == 0)
        return g_strdup (iso);
      time = g_date_time_format (local, "%H:%M");
      return g_strdup_printf (_("%s at %s"), buffer, time);
    }
  return g_strdup (buffer);
}

char *
vigil_format_short_date (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *noon = NULL;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (strlen (iso) < 10 || !g_ascii_isdigit (iso[0]) || iso[4] != '-' || iso[7] != '-')
    return g_strdup (iso);

  noon = g_strdup_printf ("%.10sT12:00:00Z", iso);
  time = g_date_time_new_from_iso8601 (noon, NULL);
  if (time == NULL)
    return g_strdup (iso);

  /* Translators: a short date as g_date_time_format() writes it, e.g. "3 Nov 2026";
   * keep it unambiguous (no all-numeric day and month) */
  return g_date_time_format (time, _("%-d %b %Y"));
}

char *
vigil_format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

char *
vigil_format_offence (const char *code)
{
  g_autofree char *text = NULL;

  if (code == NULL || *code == '\0')
    return g_strdup (_("Unknown offence"));
  /* abbreviations (gbh, abh) in capitals */
  if (strlen (code) <= 3)
    return g_ascii_strup (code, -1);
  text = g_strdelimit (g_strdup (code), "_", ' ');
  text[0] = g_ascii_toupper (text[0]);
  return g_steal_pointer (&text);
}
