/* vigil-presenter-case-view.c: the presenter's case on the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-presenter-case-view"

#include "config.h"

#include "vigil-panel-entry.h"
#include "vigil-presenter-case-view.h"
#include "vigil-section.h"

struct _VigilPresenterCaseView
{
  GtkBox              parent_instance;

  /* Owned references */
  VigilPresenterCase *presenter_case;
};

G_DEFINE_FINAL_TYPE (VigilPresenterCaseView, vigil_presenter_case_view, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The case's weight of a line as the presenter's CSS class */
static const char *
css_class_of (const char *style)
{
  if (style == NULL)
    return NULL;
  if (g_str_equal (style, "caption"))
    return "presenter-caption";
  if (g_str_equal (style, "title"))
    return "presenter-title";
  if (g_str_equal (style, "heading"))
    return "presenter-heading";
  if (g_str_equal (style, "warning"))
    return "presenter-warning";
  return NULL;
}

static void
lines_changed_cb (VigilPresenterCaseView *self)
{
  GListModel *lines = self->presenter_case ? vigil_presenter_case_get_lines (self->presenter_case) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_box_remove (GTK_BOX (self), child);
  for (guint i = 0; lines != NULL && i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(VigilPanelEntry) line = g_list_model_get_item (lines, i);

      gtk_box_append (GTK_BOX (self), vigil_section_new_label (vigil_panel_entry_get_title (line),
                                                               css_class_of (vigil_panel_entry_get_style (line))));
    }
}

static void
vigil_presenter_case_view_dispose (GObject *object)
{
  VigilPresenterCaseView *self = VIGIL_PRESENTER_CASE_VIEW (object);

  vigil_presenter_case_view_set_case (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_PRESENTER_CASE_VIEW);

  G_OBJECT_CLASS (vigil_presenter_case_view_parent_class)->dispose (object);
}

static void
vigil_presenter_case_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  VigilPresenterCaseView *self = VIGIL_PRESENTER_CASE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->presenter_case);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_presenter_case_view_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  VigilPresenterCaseView *self = VIGIL_PRESENTER_CASE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      vigil_presenter_case_view_set_case (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_presenter_case_view_class_init (VigilPresenterCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_presenter_case_view_dispose;
  object_class->get_property = vigil_presenter_case_view_get_property;
  object_class->set_property = vigil_presenter_case_view_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, "The case shown", VIGIL_TYPE_PRESENTER_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-presenter-case-view.ui");
}

static void
vigil_presenter_case_view_init (VigilPresenterCaseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

VigilPresenterCase *
vigil_presenter_case_view_get_case (VigilPresenterCaseView *self)
{
  g_return_val_if_fail (VIGIL_IS_PRESENTER_CASE_VIEW (self), NULL);
  return self->presenter_case;
}

void
vigil_presenter_case_view_set_case (VigilPresenterCaseView *self,
                                    VigilPresenterCase     *presenter_case)
{
  g_return_if_fail (VIGIL_IS_PRESENTER_CASE_VIEW (self));
  g_return_if_fail (presenter_case == NULL || VIGIL_IS_PRESENTER_CASE (presenter_case));

  if (self->presenter_case == presenter_case)
    return;
  if (self->presenter_case != NULL)
    g_signal_handlers_disconnect_by_data (vigil_presenter_case_get_lines (self->presenter_case), self);
  g_set_object (&self->presenter_case, presenter_case);
  if (presenter_case != NULL)
    g_signal_connect_object (vigil_presenter_case_get_lines (presenter_case), "items-changed",
                             G_CALLBACK (lines_changed_cb), self, G_CONNECT_SWAPPED);
  lines_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}
