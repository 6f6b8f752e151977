/* vigil-choice-item.c: one choice of a drop-down (an item of its GListModel)
 *
 * The item copies its id and label, so it never points into a choice table or a view
 * model's list of areas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-choice-item"

#include "config.h"

#include "vigil-entities.h"

#include "vigil-choice-item.h"

struct _VigilChoiceItem
{
  GObject parent_instance;

  char  *id;      /* NULL: the "any" choice */
  char  *label;
  guint  value;
};

G_DEFINE_FINAL_TYPE (VigilChoiceItem, vigil_choice_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vigil_choice_item_finalize (GObject *object)
{
  VigilChoiceItem *self = VIGIL_CHOICE_ITEM (object);

  g_free (self->id);
  g_free (self->label);

  G_OBJECT_CLASS (vigil_choice_item_parent_class)->finalize (object);
}

static void
vigil_choice_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilChoiceItem *self = VIGIL_CHOICE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_VALUE:
      g_value_set_uint (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_choice_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigilChoiceItem *self = VIGIL_CHOICE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;

    case PROP_VALUE:
      self->value = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_choice_item_class_init (VigilChoiceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_choice_item_finalize;
  object_class->get_property = vigil_choice_item_get_property;
  object_class->set_property = vigil_choice_item_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, "What the choice stands for (a code), NULL for any",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, "What the drop-down shows",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_uint ("value", NULL, "The number the choice stands for, when it is one",
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_choice_item_init (VigilChoiceItem *self)
{
}

VigilChoiceItem *
vigil_choice_item_new (const char *id,
                       const char *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return g_object_new (VIGIL_TYPE_CHOICE_ITEM, "id", id, "label", label, NULL);
}

VigilChoiceItem *
vigil_choice_item_new_value (guint       value,
                             const char *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return g_object_new (VIGIL_TYPE_CHOICE_ITEM, "value", value, "label", label, NULL);
}

const char *
vigil_choice_item_get_id (VigilChoiceItem *self)
{
  g_return_val_if_fail (VIGIL_IS_CHOICE_ITEM (self), NULL);

  return self->id;
}

const char *
vigil_choice_item_get_label (VigilChoiceItem *self)
{
  g_return_val_if_fail (VIGIL_IS_CHOICE_ITEM (self), NULL);

  return self->label;
}

guint
vigil_choice_item_get_value (VigilChoiceItem *self)
{
  g_return_val_if_fail (VIGIL_IS_CHOICE_ITEM (self), 0);

  return self->value;
}

void
vigil_choice_item_fill (GListStore           *store,
                        const char           *any_label,
                        const char * const   *codes,
                        const char * const   *choices,
                        VigilChoiceLabelFunc  label_func)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (g_list_model_get_item_type (G_LIST_MODEL (store)) == VIGIL_TYPE_CHOICE_ITEM);

  if (any_label != NULL)
    g_ptr_array_add (items, vigil_choice_item_new (NULL, any_label));
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *label = NULL;

      if (choices != NULL)
        label = vigil_choice_get_label (choices, codes[i]);
      else if (label_func != NULL)
        label = label_func (codes[i]);
      g_ptr_array_add (items, vigil_choice_item_new (codes[i], label != NULL ? label : codes[i]));
    }

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

guint
vigil_choice_item_find (GListModel *model,
                        const char *id)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), G_MAXUINT);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigilChoiceItem) item = g_list_model_get_item (model, i);

      if (VIGIL_IS_CHOICE_ITEM (item) && g_strcmp0 (item->id, id) == 0)
        return i;
    }

  return G_MAXUINT;
}

const char *
vigil_choice_item_get_id_of (gpointer item)
{
  g_return_val_if_fail (item == NULL || VIGIL_IS_CHOICE_ITEM (item), NULL);

  return item != NULL ? VIGIL_CHOICE_ITEM (item)->id : NULL;
}
