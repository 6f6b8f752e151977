/* vigil-option-picker.c: choose an intervention from the tactical menu
 *
 * The rows are the menu's options as VigilOptionItems (vigil_option_item_list_new),
 * filtered by the search and the engagement drop-down; each row activates
 * picker.choose with its option's code, so no option is hung on a row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-option-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-choice-item.h"
#include "vigil-option-item.h"
#include "vigil-option-picker.h"

struct _VigilOptionPicker
{
  AdwWindow           parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search;
  GtkDropDown        *suits;
  GListStore         *suit_choices;   /* VigilChoiceItem: whom an option suits, by code */
  GtkListBox         *list;
  GtkStack           *stack;

  /* Owned references */
  GListStore         *options;   /* VigilOptionItem, every option offered */
  GtkFilterListModel *shown;     /* those the search and the filter let through */
};

G_DEFINE_FINAL_TYPE (VigilOptionPicker, vigil_option_picker, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "engaging", "non_engaging", or NULL: any person (the filter's choice). */
static const char *
get_engagement (VigilOptionPicker *self)
{
  return vigil_choice_item_get_id_of (gtk_drop_down_get_selected_item (self->suits));
}

static gboolean
match_option (gpointer item,
              gpointer user_data)
{
  VigilOptionPicker *self = user_data;

  return vigil_option_item_matches (item, gtk_editable_get_text (GTK_EDITABLE (self->search)),
                                    get_engagement (self));
}

static gboolean
is_offered (VigilOptionPicker *self,
            const char        *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->options));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigilOptionItem) item = g_list_model_get_item (G_LIST_MODEL (self->options), i);

      if (g_strcmp0 (vigil_option_item_get_code (item), code) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The first row of each category carries the category's title. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  VigilOptionPicker *self = user_data;
  g_autoptr(VigilOptionItem) item = NULL;
  g_autoptr(VigilOptionItem) previous = NULL;
  GtkWidget *header;

  item = g_list_model_get_item (G_LIST_MODEL (self->shown), gtk_list_box_row_get_index (row));
  if (item == NULL)
    return;
  if (before != NULL)
    previous = g_list_model_get_item (G_LIST_MODEL (self->shown), gtk_list_box_row_get_index (before));
  if (previous != NULL
      && g_strcmp0 (vigil_option_item_get_category (previous), vigil_option_item_get_category (item)) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (vigil_option_item_get_category_title (item));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  VigilOptionItem *option = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vigil_option_item_get_title (option));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), vigil_option_item_get_subtitle (option));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "picker.choose");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", vigil_option_item_get_code (option));
  return row;
}

static void
filter_changed_cb (VigilOptionPicker *self)
{
  GtkFilter *filter;

  if (self->shown == NULL)   /* not built yet, or disposed */
    return;
  filter = gtk_filter_list_model_get_filter (self->shown);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_list_box_invalidate_headers (self->list);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0 ? "list" : "empty");
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VigilOptionPicker *self = VIGIL_OPTION_PICKER (widget);
  const char *code = g_variant_get_string (parameter, NULL);

  if (!is_offered (self, code))
    return;
  g_signal_emit (self, signals[CHOSEN], 0, code);
  gtk_window_close (GTK_WINDOW (self));
}

static void
vigil_option_picker_dispose (GObject *object)
{
  VigilOptionPicker *self = VIGIL_OPTION_PICKER (object);

  /* The list may outlive the picker a moment (it is torn down after): its model and
   * functions must not reach a picker that has gone. */
  if (self->list != NULL)
    {
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      gtk_list_box_set_header_func (self->list, NULL, NULL, NULL);
    }
  if (self->shown != NULL)
    gtk_filter_list_model_set_filter (self->shown, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_OPTION_PICKER);
  g_clear_object (&self->shown);
  g_clear_object (&self->options);

  G_OBJECT_CLASS (vigil_option_picker_parent_class)->dispose (object);
}

static void
vigil_option_picker_class_init (VigilOptionPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_option_picker_dispose;

  /**
   * VigilOptionPicker::chosen:
   * @code: the option's code
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (VIGIL_TYPE_CHOICE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-option-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilOptionPicker, search);
  gtk_widget_class_bind_template_child (widget_class, VigilOptionPicker, suits);
  gtk_widget_class_bind_template_child (widget_class, VigilOptionPicker, suit_choices);
  gtk_widget_class_bind_template_child (widget_class, VigilOptionPicker, list);
  gtk_widget_class_bind_template_child (widget_class, VigilOptionPicker, stack);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "picker.choose", "s", choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigil_option_picker_init (VigilOptionPicker *self)
{
  g_autoptr(VigilChoiceItem) any = NULL;
  g_autoptr(VigilChoiceItem) engaging = NULL;
  g_autoptr(VigilChoiceItem) non_engaging = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  any = vigil_choice_item_new (NULL, _("Any person"));
  engaging = vigil_choice_item_new ("engaging", _("Engages"));
  non_engaging = vigil_choice_item_new ("non_engaging", _("Does not engage"));
  g_list_store_append (self->suit_choices, any);
  g_list_store_append (self->suit_choices, engaging);
  g_list_store_append (self->suit_choices, non_engaging);
}

VigilOptionPicker *
vigil_option_picker_new (VigilTacticalMenu *menu,
                         const char        *engagement)
{
  VigilOptionPicker *self;
  GtkCustomFilter *filter;

  g_return_val_if_fail (menu != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_OPTION_PICKER, NULL);
  if (engagement != NULL)
    {
      guint position = vigil_choice_item_find (G_LIST_MODEL (self->suit_choices), engagement);

      if (position != G_MAXUINT)
        gtk_drop_down_set_selected (self->suits, position);
    }

  self->options = vigil_option_item_list_new (menu);
  filter = gtk_custom_filter_new (match_option, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->options)), GTK_FILTER (filter));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->shown), create_row, NULL, NULL);
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);
  filter_changed_cb (self);
  return self;
}

void
vigil_option_picker_set_search (VigilOptionPicker *self,
                                const char        *text)
{
  g_return_if_fail (VIGIL_IS_OPTION_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search), text ? text : "");
  filter_changed_cb (self);
}

GPtrArray *
vigil_option_picker_dup_shown (VigilOptionPicker *self)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (VIGIL_IS_OPTION_PICKER (self), codes);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigilOptionItem) item = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

      g_ptr_array_add (codes, g_strdup (vigil_option_item_get_code (item)));
    }
  return codes;
}

gboolean
vigil_option_picker_choose (VigilOptionPicker *self,
                            const char        *code)
{
  g_return_val_if_fail (VIGIL_IS_OPTION_PICKER (self), FALSE);

  if (code == NULL || !is_offered (self, code))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), "picker.choose", "s", code);
}
