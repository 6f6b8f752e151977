/* vigil-option-picker.h: choose an intervention from the tactical menu
 *
 * A searchable list of the menu's options (retired ones are not offered), grouped by
 * category, filtered by whether they suit a person who engages or one who does not
 * (principle 7). Choosing one emits ::chosen with its code and closes the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_OPTION_PICKER (vigil_option_picker_get_type ())

G_DECLARE_FINAL_TYPE (VigilOptionPicker, vigil_option_picker, VIGIL, OPTION_PICKER, AdwWindow)

/* @menu is borrowed and must outlive the picker; @engagement ("engaging",
 * "non_engaging" or NULL) sets the filter it opens with. */
VigilOptionPicker *vigil_option_picker_new           (VigilTacticalMenu *menu,
                                                      const char        *engagement);
void               vigil_option_picker_set_search    (VigilOptionPicker *self,
                                                      const char        *text);
/* The codes of the options shown now, in order (a new array). */
GPtrArray         *vigil_option_picker_dup_shown     (VigilOptionPicker *self);
/* Chooses the option with @code, as activating its row does. */
gboolean           vigil_option_picker_choose        (VigilOptionPicker *self,
                                                      const char        *code);

G_END_DECLS
