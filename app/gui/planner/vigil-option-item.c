/* vigil-option-item.c: an option of the tactical menu in the picker (an item of its
 * GListModel)
 *
 * The item copies what it shows, so it never points into the menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-option-item"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vigil-option-item.h"

struct _VigilOptionItem
{
  GObject parent_instance;

  char  *code;
  char  *title;
  char  *subtitle;
  char  *category;
  char  *category_title;
  char  *suits;
  guint  category_index;   /* in vigil_tactical_category_choices */
  char  *folded_title;     /* casefolded, for the search */
  char  *folded_basis;
  char  *folded_category;
};

G_DEFINE_FINAL_TYPE (VigilOptionItem, vigil_option_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_CATEGORY,
  PROP_CATEGORY_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
describe_suits (const char *suits)
{
  if (g_strcmp0 (suits, "engaging") == 0)
    return _("for a person who engages");
  if (g_strcmp0 (suits, "non_engaging") == 0)
    return _("for a person who does not engage");
  return _("whether or not the person engages");
}

static void
vigil_option_item_finalize (GObject *object)
{
  VigilOptionItem *self = VIGIL_OPTION_ITEM (object);

  g_free (self->code);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->category);
  g_free (self->category_title);
  g_free (self->suits);
  g_free (self->folded_title);
  g_free (self->folded_basis);
  g_free (self->folded_category);

  G_OBJECT_CLASS (vigil_option_item_parent_class)->finalize (object);
}

static void
vigil_option_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilOptionItem *self = VIGIL_OPTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_CATEGORY_TITLE:
      g_value_set_string (value, self->category_title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_option_item_class_init (VigilOptionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_option_item_finalize;
  object_class->get_property = vigil_option_item_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, "The option's code", NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "The option's title", NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, "Whom it suits, its usual owner and legal basis", NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, "The option's category (a code)", NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY_TITLE] =
    g_param_spec_string ("category-title", NULL, "The category's title, translated", NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_option_item_init (VigilOptionItem *self)
{
}

VigilOptionItem *
vigil_option_item_new (const VigilTacticalOption *option)
{
  VigilOptionItem *self;
  g_autoptr(GString) subtitle = NULL;
  const char *owner;
  const char *category_title;

  g_return_val_if_fail (option != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_OPTION_ITEM, NULL);
  self->code = g_strdup (option->code);
  self->title = g_strdup (option->title);
  self->category = g_strdup (option->category);
  self->suits = g_strdup (option->suits);
  category_title = vigil_tactical_category_get_title (option->category);
  self->category_title = g_strdup (category_title ? category_title : option->category);
  self->category_index = g_strv_length ((char **) vigil_tactical_category_choices);
  for (guint i = 0; vigil_tactical_category_choices[i] != NULL; i++)
    if (g_strcmp0 (vigil_tactical_category_choices[i], option->category) == 0)
      self->category_index = i;

  subtitle = g_string_new (describe_suits (option->suits));
  owner = vigil_choice_get_label (vigil_agency_choices, option->owner_agency);
  if (owner != NULL)
    /* Translators: after whom an option suits: its usual owner agency */
    g_string_append_printf (subtitle, _(" · usually %s"), owner);
  if (option->legal_basis != NULL)
    g_string_append_printf (subtitle, "\n%s", option->legal_basis);
  self->subtitle = g_string_free (g_steal_pointer (&subtitle), FALSE);

  self->folded_title = g_utf8_casefold (option->title, -1);
  self->folded_basis = g_utf8_casefold (option->legal_basis ? option->legal_basis : "", -1);
  self->folded_category = g_utf8_casefold (category_title ? category_title : "", -1);
  return self;
}

GListStore *
vigil_option_item_list_new (VigilTacticalMenu *menu)
{
  GListStore *store;
  GPtrArray *options;

  g_return_val_if_fail (menu != NULL, NULL);

  store = g_list_store_new (VIGIL_TYPE_OPTION_ITEM);
  options = vigil_tactical_menu_get_options (menu);
  for (guint i = 0; i < options->len; i++)
    {
      const VigilTacticalOption *option = g_ptr_array_index (options, i);
      g_autoptr(VigilOptionItem) item = NULL;

      if (option->retired)
        continue;
      item = vigil_option_item_new (option);
      g_list_store_insert_sorted (store, item, vigil_option_item_compare, NULL);
    }
  return store;
}

const char *
vigil_option_item_get_code (VigilOptionItem *self)
{
  g_return_val_if_fail (VIGIL_IS_OPTION_ITEM (self), NULL);

  return self->code;
}

const char *
vigil_option_item_get_title (VigilOptionItem *self)
{
  g_return_val_if_fail (VIGIL_IS_OPTION_ITEM (self), NULL);

  return self->title;
}

const char *
vigil_option_item_get_subtitle (VigilOptionItem *self)
{
  g_return_val_if_fail (VIGIL_IS_OPTION_ITEM (self), NULL);

  return self->subtitle;
}

const char *
vigil_option_item_get_category (VigilOptionItem *self)
{
  g_return_val_if_fail (VIGIL_IS_OPTION_ITEM (self), NULL);

  return self->category;
}

const char *
vigil_option_item_get_category_title (VigilOptionItem *self)
{
  g_return_val_if_fail (VIGIL_IS_OPTION_ITEM (self), NULL);

  return self->category_title;
}

gboolean
vigil_option_item_matches (VigilOptionItem *self,
                           const char      *search,
                           const char      *engagement)
{
  g_autofree char *needle = NULL;

  g_return_val_if_fail (VIGIL_IS_OPTION_ITEM (self), FALSE);

  if (g_strcmp0 (engagement, "engaging") == 0 && g_strcmp0 (self->suits, "non_engaging") == 0)
    return FALSE;
  if (g_strcmp0 (engagement, "non_engaging") == 0 && g_strcmp0 (self->suits, "engaging") == 0)
    return FALSE;
  if (search == NULL || *search == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  return strstr (self->folded_title, needle) != NULL || strstr (self->folded_basis, needle) != NULL
         || strstr (self->folded_category, needle) != NULL || strstr (self->code, needle) != NULL;
}

int
vigil_option_item_compare (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  const VigilOptionItem *x = a;
  const VigilOptionItem *y = b;

  if (x->category_index != y->category_index)
    return x->category_index < y->category_index ? -1 : 1;
  return g_utf8_collate (x->title, y->title);
}
