/* vigil-dossier-item.c: one piece of a dossier section, as the page shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-dossier-item"

#include "config.h"

#include "vigil-dossier-item.h"
#include "vigil-gui-enums.h"

struct _VigilDossierItem
{
  GObject               parent_instance;

  VigilDossierItemKind  kind;
  char                 *name;
  char                 *text;
  char                 *css_class;
  char                 *accessible_label;
  char                 *action_name;
  GVariant             *action_target;
  char                 *tooltip;
  VigilChart           *chart;
  GPtrArray            *lines;          /* a row's: text, css class (or NULL), ... */
  GListStore           *children;       /* created on first use */
  GListStore           *buttons;
  gboolean              sensitive;
  gboolean              warning;
};

G_DEFINE_FINAL_TYPE (VigilDossierItem, vigil_dossier_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  PROP_TEXT,
  PROP_CSS_CLASS,
  PROP_ACCESSIBLE_LABEL,
  PROP_ACTION_NAME,
  PROP_ACTION_TARGET,
  PROP_SENSITIVE,
  PROP_TOOLTIP,
  PROP_WARNING,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static VigilDossierItem *
new_item (VigilDossierItemKind  kind,
          const char           *name,
          const char           *text)
{
  VigilDossierItem *self = g_object_new (VIGIL_TYPE_DOSSIER_ITEM, NULL);

  self->kind = kind;
  self->name = g_strdup (name);
  self->text = g_strdup (text);
  return self;
}

static void
vigil_dossier_item_finalize (GObject *object)
{
  VigilDossierItem *self = VIGIL_DOSSIER_ITEM (object);

  g_free (self->name);
  g_free (self->text);
  g_free (self->css_class);
  g_free (self->accessible_label);
  g_free (self->action_name);
  g_clear_pointer (&self->action_target, g_variant_unref);
  g_free (self->tooltip);
  g_clear_pointer (&self->chart, vigil_chart_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_object (&self->children);
  g_clear_object (&self->buttons);

  G_OBJECT_CLASS (vigil_dossier_item_parent_class)->finalize (object);
}

static void
vigil_dossier_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigilDossierItem *self = VIGIL_DOSSIER_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_CSS_CLASS:
      g_value_set_string (value, self->css_class);
      break;

    case PROP_ACCESSIBLE_LABEL:
      g_value_set_string (value, self->accessible_label);
      break;

    case PROP_ACTION_NAME:
      g_value_set_string (value, self->action_name);
      break;

    case PROP_ACTION_TARGET:
      g_value_set_variant (value, self->action_target);
      break;

    case PROP_SENSITIVE:
      g_value_set_boolean (value, self->sensitive);
      break;

    case PROP_TOOLTIP:
      g_value_set_string (value, self->tooltip);
      break;

    case PROP_WARNING:
      g_value_set_boolean (value, self->warning);
      break;

    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_dossier_item_class_init (VigilDossierItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_dossier_item_finalize;
  object_class->get_property = vigil_dossier_item_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, "What the item is",
                       VIGIL_TYPE_DOSSIER_ITEM_KIND, VIGIL_DOSSIER_ITEM_LABEL,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "The widget's name (for tests), or NULL",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, "The title, label, first line or accessible name",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CSS_CLASS] =
    g_param_spec_string ("css-class", NULL, "The style class, or NULL",
                         NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCESSIBLE_LABEL] =
    g_param_spec_string ("accessible-label", NULL, "A button's accessible label",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_NAME] =
    g_param_spec_string ("action-name", NULL, "The page action a button activates",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_TARGET] =
    g_param_spec_variant ("action-target", NULL, "The action's parameter (a record id), or NULL",
                          G_VARIANT_TYPE_ANY, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENSITIVE] =
    g_param_spec_boolean ("sensitive", NULL, "Whether a button can be pressed",
                          TRUE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOLTIP] =
    g_param_spec_string ("tooltip", NULL, "A button's tooltip, or NULL",
                         NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNING] =
    g_param_spec_boolean ("warning", NULL, "Whether a row's lines are a warning",
                          FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, "A chart's data",
                        VIGIL_TYPE_CHART, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_dossier_item_init (VigilDossierItem *self)
{
  self->sensitive = TRUE;
}

VigilDossierItem *
vigil_dossier_item_new_section (const char *name,
                                const char *title)
{
  return new_item (VIGIL_DOSSIER_ITEM_SECTION, name, title);
}

VigilDossierItem *
vigil_dossier_item_new_label (const char *name,
                              const char *text,
                              const char *css_class)
{
  VigilDossierItem *self = new_item (VIGIL_DOSSIER_ITEM_LABEL, name, text);

  self->css_class = g_strdup (css_class);
  return self;
}

VigilDossierItem *
vigil_dossier_item_new_subheading (const char *text)
{
  return new_item (VIGIL_DOSSIER_ITEM_SUBHEADING, NULL, text);
}

VigilDossierItem *
vigil_dossier_item_new_list (const char *name,
                             const char *accessible_name)
{
  return new_item (VIGIL_DOSSIER_ITEM_LIST, name, accessible_name);
}

VigilDossierItem *
vigil_dossier_item_new_row (const char *name,
                            const char *first)
{
  VigilDossierItem *self = new_item (VIGIL_DOSSIER_ITEM_ROW, name, first);

  self->lines = g_ptr_array_new_with_free_func (g_free);
  return self;
}

VigilDossierItem *
vigil_dossier_item_new_button (const char *name,
                               const char *label,
                               const char *accessible_label,
                               const char *action_name,
                               GVariant   *target)
{
  VigilDossierItem *self = new_item (VIGIL_DOSSIER_ITEM_BUTTON, name, label);

  self->accessible_label = g_strdup (accessible_label);
  self->action_name = g_strdup (action_name);
  self->action_target = target != NULL ? g_variant_ref_sink (target) : NULL;
  return self;
}

VigilDossierItem *
vigil_dossier_item_new_chart (const char *name,
                              VigilChart *chart)
{
  VigilDossierItem *self = new_item (VIGIL_DOSSIER_ITEM_CHART, name, NULL);

  self->chart = vigil_chart_ref (chart);
  return self;
}

VigilDossierItemKind
vigil_dossier_item_get_kind (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), VIGIL_DOSSIER_ITEM_LABEL);
  return self->kind;
}

const char *
vigil_dossier_item_get_name (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), NULL);
  return self->name;
}

const char *
vigil_dossier_item_get_text (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), NULL);
  return self->text;
}

const char *
vigil_dossier_item_get_css_class (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), NULL);
  return self->css_class;
}

void
vigil_dossier_item_set_css_class (VigilDossierItem *self,
                                  const char       *css_class)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_ITEM (self));

  if (g_strcmp0 (self->css_class, css_class) == 0)
    return;
  g_free (self->css_class);
  self->css_class = g_strdup (css_class);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CSS_CLASS]);
}

static GListStore *
ensure_store (GListStore **store)
{
  if (*store == NULL)
    *store = g_list_store_new (VIGIL_TYPE_DOSSIER_ITEM);
  return *store;
}

GListModel *
vigil_dossier_item_get_buttons (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), NULL);
  return G_LIST_MODEL (ensure_store (&self->buttons));
}

GListModel *
vigil_dossier_item_get_children (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), NULL);
  return G_LIST_MODEL (ensure_store (&self->children));
}

void
vigil_dossier_item_append (VigilDossierItem *self,
                           VigilDossierItem *child)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_ITEM (self));
  g_return_if_fail (VIGIL_IS_DOSSIER_ITEM (child));
  g_return_if_fail (self->kind == VIGIL_DOSSIER_ITEM_SECTION || self->kind == VIGIL_DOSSIER_ITEM_LIST);

  g_list_store_append (ensure_store (&self->children), child);
}

void
vigil_dossier_item_add_button (VigilDossierItem *self,
                               VigilDossierItem *button)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_ITEM (self));
  g_return_if_fail (VIGIL_IS_DOSSIER_ITEM (button) && button->kind == VIGIL_DOSSIER_ITEM_BUTTON);

  g_list_store_append (ensure_store (&self->buttons), button);
}

void
vigil_dossier_item_add_line (VigilDossierItem *self,
                             const char       *text,
                             const char       *css_class)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_ITEM (self));
  g_return_if_fail (self->kind == VIGIL_DOSSIER_ITEM_ROW);

  if (text == NULL || *text == '\0')
    return;
  g_ptr_array_add (self->lines, g_strdup (text));
  g_ptr_array_add (self->lines, g_strdup (css_class));
}

guint
vigil_dossier_item_get_n_lines (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), 0);
  return self->lines != NULL ? self->lines->len / 2 : 0;
}

const char *
vigil_dossier_item_get_line (VigilDossierItem  *self,
                             guint              index,
                             const char       **css_class)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), NULL);
  g_return_val_if_fail (index < vigil_dossier_item_get_n_lines (self), NULL);

  if (css_class != NULL)
    *css_class = g_ptr_array_index (self->lines, 2 * index + 1);
  return g_ptr_array_index (self->lines, 2 * index);
}

char *
vigil_dossier_item_dup_whole_text (VigilDossierItem *self)
{
  GString *whole;

  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), NULL);

  whole = g_string_new (self->text);
  for (guint i = 0; i < vigil_dossier_item_get_n_lines (self); i++)
    {
      g_string_append (whole, ". ");
      g_string_append (whole, g_ptr_array_index (self->lines, 2 * i));
    }
  return g_string_free (whole, FALSE);
}

gboolean
vigil_dossier_item_get_warning (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), FALSE);
  return self->warning;
}

void
vigil_dossier_item_set_warning (VigilDossierItem *self,
                                gboolean          warning)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_ITEM (self));

  warning = !!warning;
  if (self->warning == warning)
    return;
  self->warning = warning;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING]);
}

const char *
vigil_dossier_item_get_accessible_label (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), NULL);
  return self->accessible_label;
}

const char *
vigil_dossier_item_get_action_name (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), NULL);
  return self->action_name;
}

GVariant *
vigil_dossier_item_get_action_target (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), NULL);
  return self->action_target;
}

gboolean
vigil_dossier_item_get_sensitive (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), FALSE);
  return self->sensitive;
}

void
vigil_dossier_item_set_sensitive (VigilDossierItem *self,
                                  gboolean          sensitive)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_ITEM (self));

  sensitive = !!sensitive;
  if (self->sensitive == sensitive)
    return;
  self->sensitive = sensitive;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENSITIVE]);
}

const char *
vigil_dossier_item_get_tooltip (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), NULL);
  return self->tooltip;
}

void
vigil_dossier_item_set_tooltip (VigilDossierItem *self,
                                const char       *tooltip)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_ITEM (self));

  if (g_strcmp0 (self->tooltip, tooltip) == 0)
    return;
  g_free (self->tooltip);
  self->tooltip = g_strdup (tooltip);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOLTIP]);
}

VigilChart *
vigil_dossier_item_get_chart (VigilDossierItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_ITEM (self), NULL);
  return self->chart;
}
