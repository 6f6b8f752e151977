/* vigil-decision-form.h: the form helpers' old home
 *
 * They live in widgets/vigil-form.h now, beside VigilForm; this header stays for the
 * files that still include it under its old name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-form.h"
