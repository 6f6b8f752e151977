/* vigil-dossier-section-part.c: a section of the dossier page, below the header
 *
 * A VigilSection (its template: the heading and the buttons beside it) that shows the
 * model's section of its name: the heading buttons the model has (those that come and
 * go), then the labels, subheadings, lists (GtkListBox bound to the section's list of
 * rows) and charts, in order. What a section holds depends on the dossier (a list or
 * "No incidents."), so its content follows the model's items; the fixed buttons of
 * Decisions, Other Processes, Multi-agency Information and the Plan are in their
 * subclasses' templates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-dossier-section"

#include "config.h"

#include "vigil-chart-view.h"
#include "vigil-dossier-agencies.h"
#include "vigil-dossier-decisions.h"
#include "vigil-dossier-plan.h"
#include "vigil-dossier-processes.h"
#include "vigil-dossier-section-part.h"

typedef struct
{
  /* Owned references */
  VigilDossierModel *model;
  VigilDossierItem  *item;       /* the model's section shown */
} VigilDossierSectionPartPrivate;

static void vigil_dossier_section_part_part_init (VigilDossierPartInterface *iface);

G_DEFINE_TYPE_WITH_CODE (VigilDossierSectionPart, vigil_dossier_section_part, VIGIL_TYPE_SECTION,
                         G_ADD_PRIVATE (VigilDossierSectionPart)
                         G_IMPLEMENT_INTERFACE (VIGIL_TYPE_DOSSIER_PART, vigil_dossier_section_part_part_init))

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

/* Widgets of items */

static GtkWidget *
create_button (VigilDossierItem *item)
{
  GVariant *target = vigil_dossier_item_get_action_target (item);
  GtkWidget *button;

  /* the item's target is not floating: the button takes a reference of its own */
  button = vigil_section_new_action_button (vigil_dossier_item_get_name (item),
                                            vigil_dossier_item_get_text (item),
                                            vigil_dossier_item_get_accessible_label (item),
                                            vigil_dossier_item_get_action_name (item),
                                            target);

  gtk_widget_set_sensitive (button, vigil_dossier_item_get_sensitive (item));
  if (vigil_dossier_item_get_tooltip (item) != NULL)
    gtk_widget_set_tooltip_text (button, vigil_dossier_item_get_tooltip (item));
  if (vigil_dossier_item_get_css_class (item) != NULL)
    gtk_widget_add_css_class (button, vigil_dossier_item_get_css_class (item));
  return button;
}

static GtkWidget *
create_row_cb (gpointer object,
               gpointer user_data)
{
  VigilDossierItem *item = object;
  GtkWidget *row = vigil_section_new_row (vigil_dossier_item_get_text (item));
  GListModel *buttons = vigil_dossier_item_get_buttons (item);

  for (guint i = 0; i < vigil_dossier_item_get_n_lines (item); i++)
    {
      const char *css_class = NULL;
      const char *line = vigil_dossier_item_get_line (item, i, &css_class);

      vigil_section_row_add_line (row, line, css_class);
    }
  if (vigil_dossier_item_get_name (item) != NULL)
    gtk_widget_set_name (row, vigil_dossier_item_get_name (item));
  if (vigil_dossier_item_get_css_class (item) != NULL)
    gtk_widget_add_css_class (row, vigil_dossier_item_get_css_class (item));
  for (guint i = 0; i < g_list_model_get_n_items (buttons); i++)
    {
      g_autoptr(VigilDossierItem) button = g_list_model_get_item (buttons, i);

      vigil_section_row_add_button (row, create_button (button));
    }
  if (vigil_dossier_item_get_warning (item))
    {
      GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      /* the lines, beside the buttons */
      if (gtk_orientable_get_orientation (GTK_ORIENTABLE (child)) == GTK_ORIENTATION_HORIZONTAL)
        child = gtk_widget_get_first_child (child);
      gtk_widget_add_css_class (child, "warning");
    }
  return row;
}

static GtkWidget *
create_content (VigilDossierItem *item)
{
  GtkWidget *widget = NULL;

  switch (vigil_dossier_item_get_kind (item))
    {
    case VIGIL_DOSSIER_ITEM_LABEL:
      widget = vigil_section_new_label (vigil_dossier_item_get_text (item), vigil_dossier_item_get_css_class (item));
      break;

    case VIGIL_DOSSIER_ITEM_SUBHEADING:
      widget = vigil_section_new_label (vigil_dossier_item_get_text (item), "heading");
      gtk_widget_set_margin_top (widget, 6);
      break;

    case VIGIL_DOSSIER_ITEM_LIST:
      widget = vigil_section_new_list (vigil_dossier_item_get_text (item));
      gtk_list_box_bind_model (GTK_LIST_BOX (widget), vigil_dossier_item_get_children (item),
                               create_row_cb, NULL, NULL);
      break;

    case VIGIL_DOSSIER_ITEM_CHART:
      widget = vigil_chart_view_new ();
      gtk_widget_set_size_request (widget, -1, 360);
      vigil_chart_view_set_chart (VIGIL_CHART_VIEW (widget), vigil_dossier_item_get_chart (item));
      break;

    case VIGIL_DOSSIER_ITEM_BUTTON:
      /* under a list: Show All */
      widget = create_button (item);
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
      break;

    case VIGIL_DOSSIER_ITEM_SECTION:
    case VIGIL_DOSSIER_ITEM_ROW:
    default:
      g_return_val_if_reached (NULL);
    }
  if (vigil_dossier_item_get_name (item) != NULL)
    gtk_widget_set_name (widget, vigil_dossier_item_get_name (item));
  return widget;
}

/* Puts the model's section on screen, once: a section is made for one model. */
static void
fill (VigilDossierSectionPart *self)
{
  VigilDossierSectionPartPrivate *priv = vigil_dossier_section_part_get_instance_private (self);
  GListModel *buttons;
  GListModel *children;

  if (priv->model == NULL || priv->item != NULL)
    return;
  priv->item = vigil_dossier_model_get_section (priv->model, gtk_widget_get_name (GTK_WIDGET (self)));
  if (priv->item == NULL)
    return;
  g_object_ref (priv->item);

  vigil_section_set_title (VIGIL_SECTION (self), vigil_dossier_item_get_text (priv->item));
  if (VIGIL_DOSSIER_SECTION_PART_GET_CLASS (self)->bind != NULL)
    VIGIL_DOSSIER_SECTION_PART_GET_CLASS (self)->bind (self, priv->model);
  buttons = vigil_dossier_item_get_buttons (priv->item);
  for (guint i = 0; i < g_list_model_get_n_items (buttons); i++)
    {
      g_autoptr(VigilDossierItem) button = g_list_model_get_item (buttons, i);

      vigil_section_add_button (GTK_WIDGET (self), create_button (button));
    }
  children = vigil_dossier_item_get_children (priv->item);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(VigilDossierItem) child = g_list_model_get_item (children, i);
      GtkWidget *widget = create_content (child);

      if (widget != NULL)
        gtk_box_append (GTK_BOX (self), widget);
    }
}

/* GObject */

static void
vigil_dossier_section_part_dispose (GObject *object)
{
  VigilDossierSectionPart *self = VIGIL_DOSSIER_SECTION_PART (object);
  VigilDossierSectionPartPrivate *priv = vigil_dossier_section_part_get_instance_private (self);

  g_clear_object (&priv->item);
  g_clear_object (&priv->model);

  G_OBJECT_CLASS (vigil_dossier_section_part_parent_class)->dispose (object);
}

static void
vigil_dossier_section_part_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VigilDossierSectionPart *self = VIGIL_DOSSIER_SECTION_PART (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, vigil_dossier_section_part_get_model (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_dossier_section_part_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VigilDossierSectionPart *self = VIGIL_DOSSIER_SECTION_PART (object);
  VigilDossierSectionPartPrivate *priv = vigil_dossier_section_part_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_MODEL:
      /* a section shows one model's section (named by the widget's name, set
       * first); the page makes a new one for another */
      g_return_if_fail (priv->model == NULL);
      priv->model = g_value_dup_object (value);
      fill (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_dossier_section_part_part_init (VigilDossierPartInterface *iface)
{
}

static void
vigil_dossier_section_part_class_init (VigilDossierSectionPartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_dossier_section_part_dispose;
  object_class->get_property = vigil_dossier_section_part_get_property;
  object_class->set_property = vigil_dossier_section_part_set_property;

  g_object_class_override_property (object_class, PROP_MODEL, "model");
}

static void
vigil_dossier_section_part_init (VigilDossierSectionPart *self)
{
}

/* Public */

VigilDossierModel *
vigil_dossier_section_part_get_model (VigilDossierSectionPart *self)
{
  VigilDossierSectionPartPrivate *priv;

  g_return_val_if_fail (VIGIL_IS_DOSSIER_SECTION_PART (self), NULL);

  priv = vigil_dossier_section_part_get_instance_private (self);
  return priv->model;
}

GtkWidget *
vigil_dossier_section_part_new_for_name (const char        *name,
                                         VigilDossierModel *model)
{
  static const struct { const char *name; GType (* get_type) (void); } types[] = {
    { "decisions", vigil_dossier_decisions_get_type },
    { "processes", vigil_dossier_processes_get_type },
    { "agency-information", vigil_dossier_agencies_get_type },
    { "plan", vigil_dossier_plan_get_type },
  };

  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].name, name))
      return g_object_new (types[i].get_type (), "name", name, "model", model, NULL);
  return vigil_dossier_section_part_new (name, model);
}

GtkWidget *
vigil_dossier_section_part_new (const char        *name,
                           VigilDossierModel *model)
{
  return g_object_new (VIGIL_TYPE_DOSSIER_SECTION_PART,
                       "name", name,
                       "model", model,
                       NULL);
}
