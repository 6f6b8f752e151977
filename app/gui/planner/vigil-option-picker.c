/* vigil-option-picker.c: choose an intervention from the tactical menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-option-picker"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vigil-option-picker.h"

struct _VigilOptionPicker
{
  AdwWindow          parent_instance;

  /* Children */
  GtkSearchEntry    *search;
  GtkDropDown       *suits;
  GtkListBox        *list;
  GtkStack          *stack;

  /* Borrowed */
  VigilTacticalMenu *menu;
};

G_DEFINE_FINAL_TYPE (VigilOptionPicker, vigil_option_picker, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The filter's choices, in the drop-down's order. */
enum {
  SUITS_ANY,
  SUITS_ENGAGING,
  SUITS_NON_ENGAGING,
};

/* A row is named by its option's code (for tests too): the option is looked up in the
 * menu, not hung on the row. */
static const VigilTacticalOption *
row_get_option (VigilOptionPicker *self,
                GtkListBoxRow     *row)
{
  return vigil_tactical_menu_lookup (self->menu, gtk_widget_get_name (GTK_WIDGET (row)));
}

static gboolean
matches (VigilOptionPicker         *self,
         const VigilTacticalOption *option)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  guint suits = gtk_drop_down_get_selected (self->suits);

  if (suits == SUITS_ENGAGING && g_str_equal (option->suits, "non_engaging"))
    return FALSE;
  if (suits == SUITS_NON_ENGAGING && g_str_equal (option->suits, "engaging"))
    return FALSE;
  if (text != NULL && *text != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (text, -1);
      g_autofree char *title = g_utf8_casefold (option->title, -1);
      g_autofree char *basis = g_utf8_casefold (option->legal_basis ? option->legal_basis : "", -1);
      const char *category = vigil_tactical_category_get_title (option->category);
      g_autofree char *category_folded = g_utf8_casefold (category ? category : "", -1);

      return strstr (title, needle) != NULL || strstr (basis, needle) != NULL
             || strstr (category_folded, needle) != NULL || strstr (option->code, needle) != NULL;
    }
  return TRUE;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  return matches (user_data, row_get_option (user_data, row));
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  const VigilTacticalOption *option = row_get_option (user_data, row);
  GtkWidget *header;

  if (before != NULL && g_str_equal (row_get_option (user_data, before)->category, option->category))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (vigil_tactical_category_get_title (option->category));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_list_box_row_set_header (row, header);
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  const VigilTacticalOption *x = row_get_option (user_data, a);
  const VigilTacticalOption *y = row_get_option (user_data, b);
  guint ix = 0, iy = 0;

  for (guint i = 0; vigil_tactical_category_choices[i] != NULL; i++)
    {
      if (g_str_equal (vigil_tactical_category_choices[i], x->category))
        ix = i;
      if (g_str_equal (vigil_tactical_category_choices[i], y->category))
        iy = i;
    }
  if (ix != iy)
    return ix < iy ? -1 : 1;
  return g_utf8_collate (x->title, y->title);
}

static void
refilter (VigilOptionPicker *self)
{
  gboolean any = FALSE;

  if (self->list == NULL)   /* disposed */
    return;
  gtk_list_box_invalidate_filter (self->list);
  gtk_list_box_invalidate_headers (self->list);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL && !any;
       row = gtk_widget_get_next_sibling (row))
    any = GTK_IS_LIST_BOX_ROW (row) && matches (self, row_get_option (self, GTK_LIST_BOX_ROW (row)));
  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
}

static void
row_activated_cb (VigilOptionPicker *self,
                  GtkListBoxRow     *row)
{
  g_signal_emit (self, signals[CHOSEN], 0, row_get_option (self, row)->code);
  gtk_window_close (GTK_WINDOW (self));
}

static const char *
suits_label (const char *suits)
{
  if (g_strcmp0 (suits, "engaging") == 0)
    return _("for a person who engages");
  if (g_strcmp0 (suits, "non_engaging") == 0)
    return _("for a person who does not engage");
  return _("whether or not the person engages");
}

static GtkWidget *
create_row (const VigilTacticalOption *option)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (suits_label (option->suits));
  const char *owner = vigil_choice_get_label (vigil_agency_choices, option->owner_agency);

  if (owner != NULL)
    /* Translators: after whom an option suits: its usual owner agency */
    g_string_append_printf (subtitle, _(" · usually %s"), owner);
  if (option->legal_basis != NULL)
    g_string_append_printf (subtitle, "\n%s", option->legal_basis);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), option->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, option->code);
  return row;
}

static void
vigil_option_picker_dispose (GObject *object)
{
  VigilOptionPicker *self = VIGIL_OPTION_PICKER (object);

  /* The list may outlive the picker a moment (it is torn down after): its functions
   * must not reach a picker that has gone. */
  if (self->list != NULL)
    {
      gtk_list_box_set_filter_func (self->list, NULL, NULL, NULL);
      gtk_list_box_set_header_func (self->list, NULL, NULL, NULL);
      gtk_list_box_set_sort_func (self->list, NULL, NULL, NULL);
      self->list = NULL;
    }
  self->menu = NULL;

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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigil_option_picker_init (VigilOptionPicker *self)
{
  static const char * const suits[] = { N_("Any person"), N_("Engages"), N_("Does not engage"), NULL };
  g_autoptr(GtkStringList) suit_labels = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *empty = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Choose an Intervention"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  gtk_box_append (GTK_BOX (box), header);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  g_object_set (self->search, "placeholder-text", _("Search the tactical menu"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the tactical menu"),
                                  -1);
  g_signal_connect_object (self->search, "search-changed", G_CALLBACK (refilter), self, G_CONNECT_SWAPPED);
  for (guint i = 0; suits[i] != NULL; i++)
    gtk_string_list_append (suit_labels, _(suits[i]));
  self->suits = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&suit_labels)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->suits), _("Options that suit a person who engages, or not"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suits),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suits"),
                                  -1);
  g_signal_connect_object (self->suits, "notify::selected", G_CALLBACK (refilter), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->suits));
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_box_append (GTK_BOX (box), bar);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tactical menu"),
                                  -1);
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);
  gtk_list_box_set_sort_func (self->list, sort_rows, self, NULL);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Matching Option"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Try other words, or another filter."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_window_set_content (ADW_WINDOW (self), box);
}

VigilOptionPicker *
vigil_option_picker_new (VigilTacticalMenu *menu,
                         const char        *engagement)
{
  VigilOptionPicker *self;
  GPtrArray *options;

  g_return_val_if_fail (menu != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_OPTION_PICKER, NULL);
  self->menu = menu;
  options = vigil_tactical_menu_get_options (menu);
  for (guint i = 0; i < options->len; i++)
    {
      const VigilTacticalOption *option = g_ptr_array_index (options, i);

      if (!option->retired)
        gtk_list_box_append (self->list, create_row (option));
    }
  if (g_strcmp0 (engagement, "engaging") == 0)
    gtk_drop_down_set_selected (self->suits, SUITS_ENGAGING);
  else if (g_strcmp0 (engagement, "non_engaging") == 0)
    gtk_drop_down_set_selected (self->suits, SUITS_NON_ENGAGING);
  refilter (self);
  return self;
}

void
vigil_option_picker_set_search (VigilOptionPicker *self,
                                const char        *text)
{
  g_return_if_fail (VIGIL_IS_OPTION_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search), text ? text : "");
  refilter (self);
}

GPtrArray *
vigil_option_picker_dup_shown (VigilOptionPicker *self)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (VIGIL_IS_OPTION_PICKER (self), codes);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && matches (self, row_get_option (self, GTK_LIST_BOX_ROW (row))))
      g_ptr_array_add (codes, g_strdup (row_get_option (self, GTK_LIST_BOX_ROW (row))->code));
  return codes;
}

gboolean
vigil_option_picker_choose (VigilOptionPicker *self,
                            const char        *code)
{
  g_return_val_if_fail (VIGIL_IS_OPTION_PICKER (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (row_get_option (self, GTK_LIST_BOX_ROW (row))->code, code) == 0)
      {
        g_signal_emit_by_name (row, "activate");
        return TRUE;
      }
  return FALSE;
}
