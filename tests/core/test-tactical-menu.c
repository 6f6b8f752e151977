/* test-tactical-menu.c: the default tactical menu, its checks, and a force's own file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-tactical-menu"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vigil-tactical-menu.h"
#include "vigil-test-store.h"

static void
test_default_menu (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilTacticalMenu) menu = vigil_tactical_menu_load_default (&error);
  GPtrArray *options;
  const VigilTacticalOption *dapo, *spo, *dvds, *respect;
  gboolean engaging = FALSE, non_engaging = FALSE;

  g_assert_no_error (error);
  options = vigil_tactical_menu_get_options (menu);
  g_assert_cmpuint (options->len, >=, 30);

  /* every category has options, and there are options for both kinds of person */
  for (guint c = 0; vigil_tactical_category_choices[c] != NULL; c++)
    {
      guint n = 0;

      for (guint i = 0; i < options->len; i++)
        n += g_str_equal (((VigilTacticalOption *) g_ptr_array_index (options, i))->category,
                          vigil_tactical_category_choices[c]);
      if (n == 0)
        g_error ("no option in the category %s", vigil_tactical_category_choices[c]);
      g_assert_nonnull (vigil_tactical_category_get_title (vigil_tactical_category_choices[c]));
    }
  for (guint i = 0; i < options->len; i++)
    {
      const VigilTacticalOption *option = g_ptr_array_index (options, i);

      engaging |= g_str_equal (option->suits, "engaging");
      non_engaging |= g_str_equal (option->suits, "non_engaging");
      g_assert_false (option->retired);
      g_assert_cmpstr (option->source, ==, "default");
      g_assert_nonnull (option->requires);
    }
  g_assert_true (engaging && non_engaging);

  /* the options of the domain brief, with what they require */
  dapo = vigil_tactical_menu_lookup (menu, "dapo");
  g_assert_nonnull (dapo);
  g_assert_true (dapo->is_order);
  g_assert_cmpint (dapo->notification_days, ==, 3);
  g_assert_cmpint (dapo->monitoring_months_max, ==, 12);
  g_assert_true (dapo->breach_is_offence);
  g_assert_cmpstr (dapo->category, ==, "enforcement");
  g_assert_nonnull (strstr (dapo->legal_basis, "Domestic Abuse Act 2021"));
  spo = vigil_tactical_menu_lookup (menu, "spo");
  g_assert_cmpint (spo->notification_days, ==, 3);
  g_assert_cmpint (spo->breach_max_years, ==, 5);
  g_assert_cmpint (vigil_tactical_menu_lookup (menu, "dapn")->lasts_days, ==, 2);
  dvds = vigil_tactical_menu_lookup (menu, "dvds_right_to_know");
  g_assert_false (dvds->is_order);
  g_assert_cmpstr (dvds->suits, ==, "both");
  respect = vigil_tactical_menu_lookup (menu, "respect_programme");
  g_assert_cmpstr (respect->owner_agency, ==, "perpetrator_programme");
  g_assert_nonnull (respect->evidence);
  g_assert_nonnull (vigil_tactical_menu_lookup (menu, "drive_case_management"));
  g_assert_nonnull (vigil_tactical_menu_lookup (menu, "stalking_clinic"));
  g_assert_nonnull (vigil_tactical_menu_lookup (menu, "idva_support"));
  g_assert_nonnull (vigil_tactical_menu_lookup (menu, "target_hardening"));
  g_assert_null (vigil_tactical_menu_lookup (menu, "no_such_option"));
  g_assert_null (vigil_tactical_menu_lookup (menu, NULL));
  g_assert_null (vigil_tactical_category_get_title ("nonsense"));
}

#define OPTION_OK "\"code\": \"syn_option\", \"title\": \"Synthetic option\", \"category\": \"support\", \"suits\": \"both\""

static void
expect_error (const char *json,
              const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilTacticalMenu) menu = vigil_tactical_menu_load_data (json, -1, "syn-menu.json", &error);

  g_assert_null (menu);
  g_assert_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  g_assert_nonnull (strstr (error->message, "syn-menu.json"));
}

static void
test_mistakes (void)
{
  /* a minimal good menu */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VigilTacticalMenu) menu = vigil_tactical_menu_load_data ("{\"options\": [{" OPTION_OK "}]}", -1,
                                                                      "syn-menu.json", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (vigil_tactical_menu_get_options (menu)->len, ==, 1);
    g_assert_false (vigil_tactical_menu_lookup (menu, "syn_option")->is_order);
    g_assert_cmpuint (g_strv_length (vigil_tactical_menu_lookup (menu, "syn_option")->requires), ==, 0);
  }

  expect_error ("not json", "not a tactical menu");
  expect_error ("[1, 2]", "JSON object");
  expect_error ("{}", "“options” is missing");
  expect_error ("{\"options\": {}}", "must be a list");
  expect_error ("{\"options\": []}", "no options");
  expect_error ("{\"options\": [{" OPTION_OK "}], \"extra\": 1}", "unknown key “extra”");
  expect_error ("{\"options\": [42]}", "options[0]: an option must be an object");
  expect_error ("{\"options\": [{\"title\": \"No code\"}]}", "options[0]: “code” is missing");
  expect_error ("{\"options\": [{\"code\": \"Bad Code\"}]}", "lower-case");
  expect_error ("{\"options\": [{\"code\": \"syn_x\", \"category\": \"support\", \"suits\": \"both\"}]}",
                "options[0] (syn_x): “title” is missing");
  expect_error ("{\"options\": [{\"code\": \"syn_x\", \"title\": \"X\", \"category\": \"hugs\", \"suits\": \"both\"}]}",
                "options[0] (syn_x): “category” “hugs” is not one of: support, prevention");
  expect_error ("{\"options\": [{\"code\": \"syn_x\", \"title\": \"X\", \"category\": \"support\", \"suits\": \"all\"}]}",
                "“suits” “all” is not one of");
  expect_error ("{\"options\": [{" OPTION_OK ", \"owner_agency\": \"fire_brigade\"}]}",
                "options[0] (syn_option): “owner_agency” “fire_brigade”");
  expect_error ("{\"options\": [{" OPTION_OK ", \"titel\": \"typo\"}]}", "unknown key “titel”");
  expect_error ("{\"options\": [{" OPTION_OK ", \"title\": 7}]}", "“title” must be text");
  expect_error ("{\"options\": [{" OPTION_OK ", \"requires\": \"one thing\"}]}", "“requires” must be a list");
  expect_error ("{\"options\": [{" OPTION_OK ", \"requires\": [\"ok\", 3]}]}", "“requires[1]” must be text");
  expect_error ("{\"options\": [{" OPTION_OK ", \"order\": true}]}", "“order” must be an object");
  expect_error ("{\"options\": [{" OPTION_OK ", \"order\": {\"notification_days\": -3}}]}",
                "“order.notification_days” must be between 0 and 365");
  expect_error ("{\"options\": [{" OPTION_OK ", \"order\": {\"notification_days\": \"3\"}}]}",
                "“order.notification_days” must be a whole number");
  expect_error ("{\"options\": [{" OPTION_OK ", \"order\": {\"breach_is_offence\": 1}}]}",
                "“order.breach_is_offence” must be true or false");
  expect_error ("{\"options\": [{" OPTION_OK ", \"order\": {\"expires\": 1}}]}", "unknown key “order.expires”");
  expect_error ("{\"options\": [{" OPTION_OK "}, {\"code\": \"syn_other\", \"title\": \"Y\", \"category\": \"support\","
                " \"suits\": \"both\"}, {" OPTION_OK "}]}",
                "options[2] (syn_option): the code is used by an earlier option");
  expect_error ("{\"options\": [{" OPTION_OK "}], \"retire\": [\"Not A Code\"]}", "“retire[0]”");
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_force_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilTacticalMenu) menu = vigil_tactical_menu_load_default (&error);
  g_autofree char *dir = vigil_test_make_tmpdir ();
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *unknown = NULL;
  guint before = vigil_tactical_menu_get_options (menu)->len;
  const VigilTacticalOption *option;

  g_assert_no_error (error);
  good = write_file (dir, "good.json",
                     "{ \"name\": \"Synthshire additions\", \"options\": ["
                     "  { \"code\": \"syn_local_scheme\", \"title\": \"Synthshire pathway\", \"category\": \"support\","
                     "    \"suits\": \"engaging\", \"owner_agency\": \"other\" },"
                     "  { \"code\": \"targeted_patrols\", \"title\": \"Targeted patrols (Synthshire)\","
                     "    \"category\": \"disruption\", \"suits\": \"non_engaging\" } ],"
                     "  \"retire\": [ \"alarm\" ] }");
  g_assert_true (vigil_tactical_menu_apply_file (menu, good, &error));
  g_assert_no_error (error);

  /* added at the end, replaced in place, retired but still readable */
  g_assert_cmpuint (vigil_tactical_menu_get_options (menu)->len, ==, before + 1);
  option = vigil_tactical_menu_lookup (menu, "syn_local_scheme");
  g_assert_cmpstr (option->source, ==, good);
  g_assert_true (g_ptr_array_index (vigil_tactical_menu_get_options (menu), before) == option);
  option = vigil_tactical_menu_lookup (menu, "targeted_patrols");
  g_assert_cmpstr (option->title, ==, "Targeted patrols (Synthshire)");
  g_assert_cmpstr (option->source, ==, good);
  option = vigil_tactical_menu_lookup (menu, "alarm");
  g_assert_nonnull (option);
  g_assert_true (option->retired);

  /* a file with a mistake changes nothing */
  bad = write_file (dir, "bad.json",
                    "{ \"options\": [ { \"code\": \"syn_new\", \"title\": \"New\", \"category\": \"support\","
                    " \"suits\": \"both\" }, { \"code\": \"syn_bad\", \"title\": \"Bad\", \"category\": \"support\" } ],"
                    " \"retire\": [ \"dapo\" ] }");
  g_assert_false (vigil_tactical_menu_apply_file (menu, bad, &error));
  g_assert_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "options[1] (syn_bad): “suits” is missing"));
  g_assert_nonnull (strstr (error->message, "bad.json"));
  g_clear_error (&error);
  g_assert_null (vigil_tactical_menu_lookup (menu, "syn_new"));
  g_assert_false (vigil_tactical_menu_lookup (menu, "dapo")->retired);

  unknown = write_file (dir, "unknown.json", "{ \"retire\": [ \"syn_never_there\" ] }");
  g_assert_false (vigil_tactical_menu_apply_file (menu, unknown, &error));
  g_assert_nonnull (strstr (error->message, "syn_never_there"));
  g_clear_error (&error);

  {
    g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);

    g_assert_false (vigil_tactical_menu_apply_file (menu, missing, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }
}

static void
test_menu_for_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilTacticalMenu) plain = NULL;
  g_autoptr(VigilTacticalMenu) force = NULL;
  g_autofree char *dir = vigil_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "force.db", NULL);
  g_autofree char *path = NULL;
  g_autoptr(VigilLocation) location = vigil_location_new_sqlite (db);

  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  path = vigil_tactical_menu_dup_force_path (store);
  g_assert_true (g_str_has_prefix (path, dir));
  g_assert_true (g_str_has_suffix (path, "tactical-menu.json"));

  /* no file: the default */
  plain = vigil_tactical_menu_load_for_store (store, &error);
  g_assert_no_error (error);
  g_assert_false (vigil_tactical_menu_lookup (plain, "dapn")->retired);

  g_assert_true (g_file_set_contents (path, "{ \"retire\": [ \"dapn\" ] }", -1, &error));
  force = vigil_tactical_menu_load_for_store (store, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_tactical_menu_lookup (force, "dapn")->retired);

  /* a broken file is an error, not a silent default */
  g_assert_true (g_file_set_contents (path, "{ \"retire\": 3 }", -1, &error));
  g_assert_null (vigil_tactical_menu_load_for_store (store, &error));
  g_assert_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID);
  g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  vigil_test_init_engine ();

  g_test_add_func ("/tactical-menu/default", test_default_menu);
  g_test_add_func ("/tactical-menu/mistakes", test_mistakes);
  g_test_add_func ("/tactical-menu/force-file", test_force_file);
  g_test_add_func ("/tactical-menu/for-store", test_menu_for_store);

  return g_test_run ();
}
