/* vigil-section.c: the pieces of a page of sections (the dossier, the panel)
 *
 * VigilSection is a template (vigil-section.ui): the heading and the box of buttons
 * are its template children, the title a property.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-section"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vigil-section.h"

GtkWidget *
vigil_section_new_label (const char *text,
                         const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* VigilSection */

/* The template's children are the box's: GtkBox lets them go (no
 * gtk_widget_dispose_template here, which GTK 4.8 refuses for a subclass without a
 * template of its own). */
typedef struct
{
  /* Template widgets */
  GtkLabel *heading;
  GtkBox   *buttons;

  /* Owned */
  char     *title;
} VigilSectionPrivate;

static void vigil_section_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (VigilSection, vigil_section, GTK_TYPE_BOX,
                         G_ADD_PRIVATE (VigilSection)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, vigil_section_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GtkBuildable: <child type="button"> goes beside the heading (a subclass's template
 * declares its fixed buttons so); any other child after the heading. */
static void
vigil_section_add_child (GtkBuildable *buildable,
                         GtkBuilder   *builder,
                         GObject      *child,
                         const char   *type)
{
  if (g_strcmp0 (type, "button") == 0 && GTK_IS_WIDGET (child))
    vigil_section_add_button (GTK_WIDGET (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
vigil_section_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = vigil_section_add_child;
}

static void
vigil_section_finalize (GObject *object)
{
  VigilSectionPrivate *priv = vigil_section_get_instance_private (VIGIL_SECTION (object));

  g_free (priv->title);

  G_OBJECT_CLASS (vigil_section_parent_class)->finalize (object);
}

static void
vigil_section_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VigilSection *self = VIGIL_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, vigil_section_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_section_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VigilSection *self = VIGIL_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      vigil_section_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_section_class_init (VigilSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vigil_section_finalize;
  object_class->get_property = vigil_section_get_property;
  object_class->set_property = vigil_section_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "The section's heading and accessible label",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-section.ui");
  gtk_widget_class_bind_template_child_private (widget_class, VigilSection, heading);
  gtk_widget_class_bind_template_child_private (widget_class, VigilSection, buttons);
}

static void
vigil_section_init (VigilSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
vigil_section_get_title (VigilSection *self)
{
  VigilSectionPrivate *priv;

  g_return_val_if_fail (VIGIL_IS_SECTION (self), NULL);

  priv = vigil_section_get_instance_private (self);
  return priv->title;
}

void
vigil_section_set_title (VigilSection *self,
                         const char   *title)
{
  VigilSectionPrivate *priv;

  g_return_if_fail (VIGIL_IS_SECTION (self));

  priv = vigil_section_get_instance_private (self);
  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);
  gtk_label_set_label (priv->heading, title);
  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

GtkWidget *
vigil_section_new (const char *name,
                   const char *title)
{
  return g_object_new (VIGIL_TYPE_SECTION,
                       "name", name,
                       "title", title,
                       NULL);
}

GtkWidget *
vigil_section_new_action_button (const char *name,
                                 const char *label,
                                 const char *accessible_label,
                                 const char *action_name,
                                 GVariant   *target)
{
  GtkWidget *button = label ? gtk_button_new_with_mnemonic (label) : gtk_button_new ();

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  if (action_name != NULL)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    {
      if (action_name != NULL)
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
      else
        g_variant_unref (g_variant_ref_sink (target));
    }
  return button;
}

void
vigil_section_add_button (GtkWidget *section,
                          GtkWidget *button)
{
  VigilSectionPrivate *priv;

  g_return_if_fail (VIGIL_IS_SECTION (section));
  g_return_if_fail (GTK_IS_WIDGET (button));

  priv = vigil_section_get_instance_private (VIGIL_SECTION (section));
  gtk_box_append (priv->buttons, button);
}

GtkWidget *
vigil_section_new_list (const char *accessible_name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  return list;
}

/* The row can take the focus, so that the keyboard can walk the list and a screen
 * reader read it. */
GtkWidget *
vigil_section_new_row (const char *first)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), vigil_section_new_label (first, NULL));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, first,
                                  -1);
  return row;
}

/* The vertical box of a row's lines */
static GtkWidget *
get_row_lines (GtkWidget *row)
{
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  /* once the row has a button, its lines sit in a horizontal box with the buttons */
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (child)) == GTK_ORIENTATION_HORIZONTAL)
    child = gtk_widget_get_first_child (child);
  return child;
}

void
vigil_section_row_add_line (GtkWidget  *row,
                            const char *text,
                            const char *css_class)
{
  GtkWidget *lines;
  g_autoptr(GString) whole = NULL;

  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));

  if (text == NULL || *text == '\0')
    return;
  lines = get_row_lines (row);
  gtk_box_append (GTK_BOX (lines), vigil_section_new_label (text, css_class));

  whole = g_string_new (NULL);
  for (GtkWidget *line = gtk_widget_get_first_child (lines); line; line = gtk_widget_get_next_sibling (line))
    {
      if (whole->len > 0)
        g_string_append (whole, ". ");
      g_string_append (whole, gtk_label_get_label (GTK_LABEL (line)));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, whole->str,
                                  -1);
}

GtkWidget *
vigil_section_append_row (GtkWidget  *list,
                          const char *first,
                          ...)
{
  GtkWidget *row = vigil_section_new_row (first);
  const char *line;
  va_list args;

  va_start (args, first);
  while ((line = va_arg (args, const char *)) != NULL)
    {
      const char *css = va_arg (args, const char *);

      vigil_section_row_add_line (row, line, css);
    }
  va_end (args);

  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

void
vigil_section_row_add_button (GtkWidget *row,
                              GtkWidget *button)
{
  GtkWidget *lines = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *box;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* the row's lines are a vertical box; once it has a button, they sit in a
   * horizontal one with the buttons */
  if (GTK_IS_BOX (lines) &&
      gtk_orientable_get_orientation (GTK_ORIENTABLE (lines)) == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_box_append (GTK_BOX (lines), button);
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_object_ref (lines);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_hexpand (lines, TRUE);
  gtk_box_append (GTK_BOX (box), lines);
  g_object_unref (lines);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), button);
}
