/* vigil-form.c: a form's fields, its validation messages and its error banner
 *
 * The judgement, referral and duplicates dialogs put their fields in a VigilForm:
 * children added in a .ui file go into its content area, under the banner. A save
 * checks the fields in the order of the form with vigil_form_require () and friends;
 * the first problem shows in the banner (an alert for assistive technologies), its
 * field and the widgets around it turn red and invalid, the field is described by the
 * message and takes the focus, and editing any of them clears the problem. A failure
 * from the store goes in the banner too (vigil_form_show_error ()), and while the save
 * runs the fields wait (vigil_form_set_waiting ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-form"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-record.h"

#include "vigil-form.h"

/* A signal handler that clears the problem when a marked widget is edited */
typedef struct
{
  GObject *source;
  gulong   handler_id;
} Watch;

struct _VigilForm
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkRevealer *banner;
  GtkLabel    *banner_title;
  GtkLabel    *banner_label;
  GtkBox      *content;

  /* Owned references */
  GPtrArray   *marked;      /* the widgets the problem marks */
  GArray      *watches;     /* of Watch: what clears the problem */
  GtkWidget   *field;       /* the one the problem describes, NULL when none */
  GtkWidget   *focus;       /* where the focus was before waiting, NULL when none */

  guint        waiting : 1;
};

static void vigil_form_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilForm, vigil_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, vigil_form_buildable_init))

enum {
  PROP_0,
  PROP_WAITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkBuildableIface *parent_buildable_iface;

/* The problem */

static void
unwatch_all (VigilForm *self)
{
  for (guint i = 0; i < self->watches->len; i++)
    {
      Watch *watch = &g_array_index (self->watches, Watch, i);

      g_signal_handler_disconnect (watch->source, watch->handler_id);
      g_object_unref (watch->source);
    }
  g_array_set_size (self->watches, 0);
}

static void
unmark_all (VigilForm *self)
{
  unwatch_all (self);
  for (guint i = 0; i < self->marked->len; i++)
    vigil_form_mark_invalid (g_ptr_array_index (self->marked, i), FALSE);
  g_ptr_array_set_size (self->marked, 0);
  if (self->field != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_clear_object (&self->field);
}

/* Editing a marked widget: the problem and its message go. (The banner keeps its
 * text while it slides away.) */
static void
marked_edited_cb (VigilForm *self)
{
  unmark_all (self);
  gtk_revealer_set_reveal_child (self->banner, FALSE);
}

static void
watch (VigilForm  *self,
       gpointer    source,
       const char *signal)
{
  Watch watch;

  /* (a row and its check button lead to the same signal) */
  for (guint i = 0; i < self->watches->len; i++)
    if (g_array_index (self->watches, Watch, i).source == source)
      return;

  watch.source = g_object_ref (source);
  watch.handler_id = g_signal_connect_swapped (source, signal, G_CALLBACK (marked_edited_cb), self);
  g_array_append_val (self->watches, watch);
}

/* Watches the way @widget is edited, if it has one. */
static void
watch_edits (VigilForm *self,
             GtkWidget *widget)
{
  if (GTK_IS_EDITABLE (widget))
    watch (self, widget, "changed");
  else if (GTK_IS_TEXT_VIEW (widget))
    watch (self, gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed");
  else if (GTK_IS_CHECK_BUTTON (widget) || GTK_IS_TOGGLE_BUTTON (widget))
    watch (self, widget, "toggled");
  else if (ADW_IS_ACTION_ROW (widget))
    {
      GtkWidget *control = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget));

      if (control != NULL && !ADW_IS_ACTION_ROW (control))
        watch_edits (self, control);
    }
}

static void
mark (VigilForm *self,
      GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  vigil_form_mark_invalid (widget, TRUE);
  g_ptr_array_add (self->marked, g_object_ref (widget));
  watch_edits (self, widget);
}

static void
show_banner (VigilForm  *self,
             const char *title,
             const char *message)
{
  gtk_label_set_label (self->banner_title, title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->banner_title), title != NULL);
  gtk_label_set_label (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner, TRUE);
}

static void
show_problem_valist (VigilForm  *self,
                     const char *title,
                     const char *message,
                     GtkWidget  *field,
                     va_list     others)
{
  GtkWidget *other;

  unmark_all (self);
  show_banner (self, title, message);

  /* The others first: the field's own mark and focus come last. */
  while ((other = va_arg (others, GtkWidget *)) != NULL)
    mark (self, other);

  if (field != NULL)
    {
      mark (self, field);
      self->field = g_object_ref (field);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_widget_grab_focus (field);
    }
}

/* GtkBuildable: children go into the content area. */

static void
vigil_form_buildable_add_child (GtkBuildable *buildable,
                                GtkBuilder   *builder,
                                GObject      *child,
                                const char   *type)
{
  VigilForm *self = VIGIL_FORM (buildable);

  /* (the template's own children come while it is built, before content is bound) */
  if (self->content != NULL && GTK_IS_WIDGET (child))
    gtk_box_append (self->content, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
vigil_form_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = vigil_form_buildable_add_child;
}

/* GObject */

static void
vigil_form_dispose (GObject *object)
{
  VigilForm *self = VIGIL_FORM (object);

  unwatch_all (self);
  g_clear_pointer (&self->marked, g_ptr_array_unref);
  g_clear_object (&self->field);
  g_clear_object (&self->focus);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_FORM);

  G_OBJECT_CLASS (vigil_form_parent_class)->dispose (object);
}

static void
vigil_form_finalize (GObject *object)
{
  VigilForm *self = VIGIL_FORM (object);

  g_array_unref (self->watches);

  G_OBJECT_CLASS (vigil_form_parent_class)->finalize (object);
}

static void
vigil_form_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VigilForm *self = VIGIL_FORM (object);

  switch (prop_id)
    {
    case PROP_WAITING:
      g_value_set_boolean (value, self->waiting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_form_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VigilForm *self = VIGIL_FORM (object);

  switch (prop_id)
    {
    case PROP_WAITING:
      vigil_form_set_waiting (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_form_class_init (VigilFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_form_dispose;
  object_class->finalize = vigil_form_finalize;
  object_class->get_property = vigil_form_get_property;
  object_class->set_property = vigil_form_set_property;

  /**
   * VigilForm:waiting:
   *
   * Whether the fields wait for the database (insensitive).
   */
  properties[PROP_WAITING] =
    g_param_spec_boolean ("waiting", NULL, "Whether the fields wait for the database",
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-form.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilForm, banner);
  gtk_widget_class_bind_template_child (widget_class, VigilForm, banner_title);
  gtk_widget_class_bind_template_child (widget_class, VigilForm, banner_label);
  gtk_widget_class_bind_template_child (widget_class, VigilForm, content);
}

static void
vigil_form_init (VigilForm *self)
{
  self->marked = g_ptr_array_new_with_free_func (g_object_unref);
  self->watches = g_array_new (FALSE, FALSE, sizeof (Watch));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

/* Public API */

GtkWidget *
vigil_form_new (void)
{
  return g_object_new (VIGIL_TYPE_FORM, NULL);
}

void
vigil_form_show_error (VigilForm  *self,
                       const char *title,
                       const char *message)
{
  g_return_if_fail (VIGIL_IS_FORM (self));
  g_return_if_fail (message != NULL);

  unmark_all (self);
  show_banner (self, title, message);
}

void
vigil_form_show_problem (VigilForm  *self,
                         const char *title,
                         const char *message,
                         GtkWidget  *field,
                         ...)
{
  va_list others;

  g_return_if_fail (VIGIL_IS_FORM (self));
  g_return_if_fail (message != NULL);
  g_return_if_fail (GTK_IS_WIDGET (field));

  va_start (others, field);
  show_problem_valist (self, title, message, field, others);
  va_end (others);
}

gboolean
vigil_form_require (VigilForm  *self,
                    gboolean    ok,
                    const char *message,
                    GtkWidget  *field,
                    ...)
{
  va_list others;

  g_return_val_if_fail (VIGIL_IS_FORM (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (field), FALSE);

  if (ok)
    return TRUE;

  va_start (others, field);
  show_problem_valist (self, NULL, message, field, others);
  va_end (others);
  return FALSE;
}

gboolean
vigil_form_require_date (VigilForm  *self,
                         const char *text,
                         const char *label,
                         gboolean    required,
                         GtkWidget  *field)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (VIGIL_IS_FORM (self), FALSE);

  if (vigil_form_check_date (text, label, required, &message))
    return TRUE;

  vigil_form_show_problem (self, NULL, message, field, NULL);
  return FALSE;
}

gboolean
vigil_form_fix (VigilForm *self,
                GtkWidget *widget)
{
  g_return_val_if_fail (VIGIL_IS_FORM (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!g_ptr_array_find (self->marked, widget, NULL))
    return FALSE;

  marked_edited_cb (self);
  return TRUE;
}

void
vigil_form_clear (VigilForm *self)
{
  g_return_if_fail (VIGIL_IS_FORM (self));

  unmark_all (self);
  gtk_revealer_set_reveal_child (self->banner, FALSE);
  gtk_label_set_label (self->banner_label, "");
  gtk_label_set_label (self->banner_title, "");
  gtk_widget_set_visible (GTK_WIDGET (self->banner_title), FALSE);
}

const char *
vigil_form_get_error (VigilForm *self)
{
  g_return_val_if_fail (VIGIL_IS_FORM (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->banner))
    return NULL;
  return gtk_label_get_label (self->banner_label);
}

const char *
vigil_form_get_error_title (VigilForm *self)
{
  g_return_val_if_fail (VIGIL_IS_FORM (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->banner) || !gtk_widget_get_visible (GTK_WIDGET (self->banner_title)))
    return NULL;
  return gtk_label_get_label (self->banner_title);
}

void
vigil_form_set_waiting (VigilForm *self,
                        gboolean   waiting)
{
  GtkWidget *content;
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (VIGIL_IS_FORM (self));

  waiting = !!waiting;
  if (self->waiting == waiting)
    return;
  self->waiting = waiting;

  content = GTK_WIDGET (self->content);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (waiting)
    {
      focus = root != NULL ? gtk_root_get_focus (root) : NULL;
      if (focus != NULL && gtk_widget_is_ancestor (focus, content))
        {
          /* (a reference: the field may leave the form meanwhile) */
          g_set_object (&self->focus, focus);
          gtk_root_set_focus (root, NULL);
        }
      gtk_widget_set_sensitive (content, FALSE);
    }
  else
    {
      gtk_widget_set_sensitive (content, TRUE);
      if (self->focus != NULL && gtk_widget_is_ancestor (self->focus, content) &&
          root != NULL && gtk_root_get_focus (root) == NULL)
        gtk_widget_grab_focus (self->focus);
      g_clear_object (&self->focus);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
}

gboolean
vigil_form_get_waiting (VigilForm *self)
{
  g_return_val_if_fail (VIGIL_IS_FORM (self), FALSE);
  return self->waiting;
}

/* Helpers */

char *
vigil_form_dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
vigil_form_dup_text (GtkWidget *widget)
{
  g_autofree char *text = NULL;

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else
    {
      g_return_val_if_fail (GTK_IS_EDITABLE (widget), NULL);
      text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
    }

  g_strstrip (text);
  if (*text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

gboolean
vigil_form_check_date (const char  *text,
                       const char  *label,
                       gboolean     required,
                       char       **message)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (message != NULL, FALSE);

  *message = NULL;
  if (text == NULL || *text == '\0')
    {
      if (!required)
        return TRUE;
      /* Translators: %s is a field's name, e.g. "Date referred" */
      *message = g_strdup_printf (_("%s is required."), label);
      return FALSE;
    }

  if (strlen (text) != 10 || !vigil_date_is_valid (text))
    {
      /* Translators: %s is a field's name, e.g. "Date of birth" */
      *message = g_strdup_printf (_("%s must be a date written as year-month-day, e.g. 2026-11-03."), label);
      return FALSE;
    }

  today = vigil_form_dup_today ();
  if (strcmp (text, today) > 0)
    {
      /* Translators: %s is a field's name, e.g. "Date of birth" */
      *message = g_strdup_printf (_("%s cannot be in the future."), label);
      return FALSE;
    }

  return TRUE;
}

void
vigil_form_mark_invalid (GtkWidget *widget,
                         gboolean   invalid)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (invalid)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

gboolean
vigil_form_mark_fixed (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!gtk_widget_has_css_class (widget, "error"))
    return FALSE;

  vigil_form_mark_invalid (widget, FALSE);
  return TRUE;
}
