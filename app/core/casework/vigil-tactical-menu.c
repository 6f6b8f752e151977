/* vigil-tactical-menu.c: the intervention options a panel chooses from (principle 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-tactical-menu"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vigil-entities.h"
#include "vigil-tactical-menu.h"

#define DEFAULT_RESOURCE "/org/vigilapp/Vigil/core/tactical-menu.json"
#define FORCE_FILE_NAME  "tactical-menu.json"

G_DEFINE_QUARK (vigil-tactical-menu-error-quark, vigil_tactical_menu_error)

const char * const vigil_tactical_category_choices[] = {
  "support", "prevention", "diversion", "disruption", "enforcement",
  "victim_safeguarding", "information_sharing", NULL
};

static const char * const category_titles[] = {
  N_("Support"), N_("Prevention"), N_("Diversion"), N_("Disruption"), N_("Enforcement"),
  N_("Victim safeguarding"), N_("Information sharing"),
};

const char * const vigil_tactical_suits_choices[] = { "engaging", "non_engaging", "both", NULL };

struct _VigilTacticalMenu
{
  GPtrArray  *options;  /* VigilTacticalOption, menu order */
  GHashTable *by_code;  /* borrowed code → option */
};

const char *
vigil_tactical_category_get_title (const char *category)
{
  for (guint i = 0; vigil_tactical_category_choices[i] != NULL; i++)
    if (g_strcmp0 (vigil_tactical_category_choices[i], category) == 0)
      return _(category_titles[i]);

  return NULL;
}

static void
option_free (gpointer data)
{
  VigilTacticalOption *option = data;

  g_free (option->code);
  g_free (option->title);
  g_free (option->category);
  g_free (option->suits);
  g_free (option->owner_agency);
  g_free (option->legal_basis);
  g_strfreev (option->requires);
  g_free (option->evidence);
  g_free (option->source);
  g_free (option);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilTacticalOption, option_free)

static VigilTacticalMenu *
menu_new (void)
{
  VigilTacticalMenu *self = g_new0 (VigilTacticalMenu, 1);

  self->options = g_ptr_array_new_with_free_func (option_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

void
vigil_tactical_menu_free (VigilTacticalMenu *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_code);
  g_ptr_array_unref (self->options);
  g_free (self);
}

/* ------------------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------------------ */

/* Where a mistake is: "tactical-menu.json: options[3] (dapo)" */
typedef struct
{
  const char *source;
  guint       index;
  const char *code;
} Where;

G_GNUC_PRINTF (3, 4)
static gboolean
fail (GError      **error,
      const Where  *where,
      const char   *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (where->code != NULL)
    /* Translators: a menu file, an option's number and code, then what is wrong */
    g_set_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID,
                 _("%s: options[%u] (%s): %s"), where->source, where->index, where->code, what);
  else
    g_set_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID,
                 _("%s: options[%u]: %s"), where->source, where->index, what);
  return FALSE;
}

static gboolean
code_is_valid (const char *code)
{
  if (code == NULL || *code == '\0')
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

/* A string member; NULL and TRUE when absent and not @required. */
static gboolean
read_string (JsonObject   *object,
             const char   *key,
             gboolean      required,
             const Where  *where,
             char        **out,
             GError      **error)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *text;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (error, where, _("“%s” is missing."), key);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, where, _("“%s” must be text."), key);

  text = json_node_get_string (node);
  if (!g_utf8_validate (text, -1, NULL))
    return fail (error, where, _("“%s” is not valid UTF-8 text."), key);
  if (required && *text == '\0')
    return fail (error, where, _("“%s” is empty."), key);
  *out = *text ? g_strdup (text) : NULL;
  return TRUE;
}

static gboolean
read_choice (JsonObject         *object,
             const char         *key,
             gboolean            required,
             const char * const *choices,
             const Where        *where,
             char              **out,
             GError            **error)
{
  if (!read_string (object, key, required, where, out, error))
    return FALSE;
  if (*out != NULL && !g_strv_contains (choices, *out))
    {
      g_autofree char *allowed = g_strjoinv (", ", (char **) choices);
      g_autofree char *value = g_steal_pointer (out);

      return fail (error, where, _("“%s” “%s” is not one of: %s."), key, value, allowed);
    }
  return TRUE;
}

static gboolean
read_count (JsonObject  *object,
            const char  *key,
            int          max,
            const Where *where,
            int         *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gint64 value;

  *out = 0;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, where, _("“order.%s” must be a whole number."), key);
  value = json_node_get_int (node);
  if (value < 0 || value > max)
    return fail (error, where, _("“order.%s” must be between 0 and %d."), key, max);
  *out = (int) value;
  return TRUE;
}

static gboolean
check_members (JsonObject         *object,
               const char * const *known,
               const char         *prefix,
               const Where        *where,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *allowed = g_strjoinv (", ", (char **) known);

        return fail (error, where, _("unknown key “%s%s” (known: %s)."), prefix, (const char *) l->data, allowed);
      }
  return TRUE;
}

static gboolean
read_order (JsonObject          *option_object,
            VigilTacticalOption *option,
            const Where         *where,
            GError             **error)
{
  static const char * const known[] = {
    "notification_days", "lasts_days", "monitoring_months_max", "breach_is_offence", "breach_max_years", NULL
  };
  JsonNode *node = json_object_get_member (option_object, "order");
  JsonObject *order;
  JsonNode *breach;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, where, _("“order” must be an object (use {} for an order with no fixed rules)."));

  order = json_node_get_object (node);
  if (!check_members (order, known, "order.", where, error))
    return FALSE;
  option->is_order = TRUE;
  if (!read_count (order, "notification_days", 365, where, &option->notification_days, error)
      || !read_count (order, "lasts_days", 3650, where, &option->lasts_days, error)
      || !read_count (order, "monitoring_months_max", 120, where, &option->monitoring_months_max, error)
      || !read_count (order, "breach_max_years", 99, where, &option->breach_max_years, error))
    return FALSE;

  breach = json_object_get_member (order, "breach_is_offence");
  if (breach != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (breach) || json_node_get_value_type (breach) != G_TYPE_BOOLEAN)
        return fail (error, where, _("“order.breach_is_offence” must be true or false."));
      option->breach_is_offence = json_node_get_boolean (breach);
    }
  return TRUE;
}

static gboolean
read_requires (JsonObject          *object,
               VigilTacticalOption *option,
               const Where         *where,
               GError             **error)
{
  JsonNode *node = json_object_get_member (object, "requires");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (error, where, _("“requires” must be a list of texts."));
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          const char *text;

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            return fail (error, where, _("“requires[%u]” must be text."), i);
          text = json_node_get_string (item);
          if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
            return fail (error, where, _("“requires[%u]” must be text that is not empty."), i);
          g_strv_builder_add (builder, text);
        }
    }
  option->requires = g_strv_builder_end (builder);
  return TRUE;
}

static VigilTacticalOption *
read_option (JsonNode    *node,
             Where       *where,
             GError     **error)
{
  static const char * const known[] = {
    "code", "title", "category", "suits", "owner_agency", "legal_basis", "requires", "evidence", "order", NULL
  };
  g_autoptr(VigilTacticalOption) option = g_new0 (VigilTacticalOption, 1);
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, where, _("an option must be an object."));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!read_string (object, "code", TRUE, where, &option->code, error))
    return NULL;
  if (!code_is_valid (option->code))
    {
      fail (error, where, _("the code “%s” may hold only lower-case letters, digits and “_”."), option->code);
      return NULL;
    }
  where->code = option->code;

  if (!check_members (object, known, "", where, error)
      || !read_string (object, "title", TRUE, where, &option->title, error)
      || !read_choice (object, "category", TRUE, vigil_tactical_category_choices, where, &option->category, error)
      || !read_choice (object, "suits", TRUE, vigil_tactical_suits_choices, where, &option->suits, error)
      || !read_choice (object, "owner_agency", FALSE, vigil_agency_choices, where, &option->owner_agency, error)
      || !read_string (object, "legal_basis", FALSE, where, &option->legal_basis, error)
      || !read_string (object, "evidence", FALSE, where, &option->evidence, error)
      || !read_requires (object, option, where, error)
      || !read_order (object, option, where, error))
    return NULL;

  option->source = g_strdup (where->source);
  return g_steal_pointer (&option);
}

/* Reads the options and retired codes of a menu text. @require_options: the default
 * menu must have options; a force file may only retire. */
static gboolean
read_menu (const char  *data,
           gssize       length,
           const char  *source,
           gboolean     require_options,
           GPtrArray  **options_out,
           GStrv       *retire_out,
           GError     **error)
{
  static const char * const known[] = { "name", "version", "note", "options", "retire", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func (option_free);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) retire = g_strv_builder_new ();
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root, *node;
  JsonObject *object;
  Where where = { source, 0, NULL };

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID,
                   /* Translators: a file name, then the JSON parser's message */
                   _("%s is not a tactical menu: %s"), source, parse_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID,
                   _("%s is not a tactical menu: it must be a JSON object with “options”."), source);
      return FALSE;
    }
  object = json_node_get_object (root);
  {
    g_autoptr(GList) members = json_object_get_members (object);

    for (GList *l = members; l != NULL; l = l->next)
      if (!g_strv_contains (known, l->data))
        {
          g_set_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID,
                       _("%s: unknown key “%s” (known: name, version, note, options, retire)."),
                       source, (const char *) l->data);
          return FALSE;
        }
  }

  node = json_object_get_member (object, "options");
  if (node == NULL && require_options)
    {
      g_set_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID,
                   _("%s: “options” is missing."), source);
      return FALSE;
    }
  if (node != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID,
                       _("%s: “options” must be a list."), source);
          return FALSE;
        }
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          VigilTacticalOption *option;

          where.index = i;
          where.code = NULL;
          option = read_option (json_array_get_element (array, i), &where, error);
          if (option == NULL)
            return FALSE;
          if (g_hash_table_contains (codes, option->code))
            {
              fail (error, &where, _("the code is used by an earlier option of this file."));
              option_free (option);
              return FALSE;
            }
          g_hash_table_add (codes, option->code);
          g_ptr_array_add (options, option);
        }
    }

  node = json_object_get_member (object, "retire");
  if (node != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID,
                       _("%s: “retire” must be a list of option codes."), source);
          return FALSE;
        }
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING
              || !code_is_valid (json_node_get_string (item)))
            {
              g_set_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID,
                           _("%s: “retire[%u]” must be an option’s code."), source, i);
              return FALSE;
            }
          g_strv_builder_add (retire, json_node_get_string (item));
        }
    }

  if (require_options && options->len == 0)
    {
      g_set_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID,
                   _("%s: the menu has no options."), source);
      return FALSE;
    }

  *options_out = g_steal_pointer (&options);
  if (retire_out != NULL)
    *retire_out = g_strv_builder_end (retire);
  return TRUE;
}

static void
add_option (VigilTacticalMenu   *self,
            VigilTacticalOption *option)
{
  VigilTacticalOption *old = g_hash_table_lookup (self->by_code, option->code);

  if (old != NULL)
    {
      /* a force's own version takes the default's place in the menu */
      guint index = 0;

      g_ptr_array_find (self->options, old, &index);
      g_hash_table_replace (self->by_code, option->code, option);
      g_ptr_array_index (self->options, index) = option;
      option_free (old);
      return;
    }

  g_hash_table_insert (self->by_code, option->code, option);
  g_ptr_array_add (self->options, option);
}

VigilTacticalMenu *
vigil_tactical_menu_load_data (const char  *data,
                               gssize       length,
                               const char  *source,
                               GError     **error)
{
  g_autoptr(GPtrArray) options = NULL;
  g_auto(GStrv) retire = NULL;
  VigilTacticalMenu *self;

  g_return_val_if_fail (data != NULL, NULL);

  if (!read_menu (data, length, source ? source : "tactical-menu.json", TRUE, &options, &retire, error))
    return NULL;

  self = menu_new ();
  g_ptr_array_set_free_func (options, NULL);
  for (guint i = 0; i < options->len; i++)
    add_option (self, g_ptr_array_index (options, i));
  for (guint i = 0; retire[i] != NULL; i++)
    {
      VigilTacticalOption *option = g_hash_table_lookup (self->by_code, retire[i]);

      if (option != NULL)
        option->retired = TRUE;
    }
  return self;
}

VigilTacticalMenu *
vigil_tactical_menu_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  gsize size = 0;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  return vigil_tactical_menu_load_data (data, (gssize) size, "default", error);
}

gboolean
vigil_tactical_menu_apply_file (VigilTacticalMenu  *self,
                                const char         *path,
                                GError            **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) options = NULL;
  g_auto(GStrv) retire = NULL;
  gsize length = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  if (!read_menu (contents, (gssize) length, path, FALSE, &options, &retire, error))
    return FALSE;

  for (guint i = 0; retire[i] != NULL; i++)
    {
      gboolean added = FALSE;

      for (guint j = 0; j < options->len && !added; j++)
        added = g_str_equal (((VigilTacticalOption *) g_ptr_array_index (options, j))->code, retire[i]);
      if (!added && !g_hash_table_contains (self->by_code, retire[i]))
        {
          g_set_error (error, VIGIL_TACTICAL_MENU_ERROR, VIGIL_TACTICAL_MENU_ERROR_INVALID,
                       _("%s: “retire” names “%s”, which is not an option of the menu."), path, retire[i]);
          return FALSE;
        }
    }

  /* checked whole: now change the menu */
  g_ptr_array_set_free_func (options, NULL);
  for (guint i = 0; i < options->len; i++)
    add_option (self, g_ptr_array_index (options, i));
  for (guint i = 0; retire[i] != NULL; i++)
    ((VigilTacticalOption *) g_hash_table_lookup (self->by_code, retire[i]))->retired = TRUE;

  return TRUE;
}

char *
vigil_tactical_menu_dup_force_path (VigilStore *store)
{
  const VigilLocation *location;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  location = vigil_store_get_location (store);
  if (location->engine == VIGIL_ENGINE_SQLITE && location->path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (location->path);

      return g_build_filename (dir, FORCE_FILE_NAME, NULL);
    }
  return g_build_filename (g_get_user_config_dir (), "vigil", FORCE_FILE_NAME, NULL);
}

VigilTacticalMenu *
vigil_tactical_menu_load_for_store (VigilStore  *store,
                                    GError     **error)
{
  g_autoptr(VigilTacticalMenu) self = vigil_tactical_menu_load_default (error);
  g_autofree char *path = NULL;

  if (self == NULL)
    return NULL;

  path = vigil_tactical_menu_dup_force_path (store);
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !vigil_tactical_menu_apply_file (self, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

GPtrArray *
vigil_tactical_menu_get_options (VigilTacticalMenu *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->options;
}

const VigilTacticalOption *
vigil_tactical_menu_lookup (VigilTacticalMenu *self,
                            const char        *code)
{
  g_return_val_if_fail (self != NULL, NULL);
  return code != NULL ? g_hash_table_lookup (self->by_code, code) : NULL;
}
