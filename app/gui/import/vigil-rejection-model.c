/* vigil-rejection-model.c: an import's rejected rows as a GListModel
 *
 * A view over the report's array of VigilImportProblem: an item is made when a list
 * widget asks for it, so a file whose every row was rejected lists them all without a
 * million objects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-rejection-model"

#include "config.h"

#include "vigil-rejection-item.h"
#include "vigil-rejection-model.h"

struct _VigilRejectionModel
{
  GObject parent_instance;

  /* Owned references */
  GPtrArray *rejections;  /* VigilImportProblem, or NULL */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilRejectionModel, vigil_rejection_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
vigil_rejection_model_get_item_type (GListModel *model)
{
  return VIGIL_TYPE_REJECTION_ITEM;
}

static guint
vigil_rejection_model_get_n_items (GListModel *model)
{
  VigilRejectionModel *self = VIGIL_REJECTION_MODEL (model);

  return self->rejections != NULL ? self->rejections->len : 0;
}

static gpointer
vigil_rejection_model_get_item (GListModel *model,
                                guint       position)
{
  VigilRejectionModel *self = VIGIL_REJECTION_MODEL (model);

  if (self->rejections == NULL || position >= self->rejections->len)
    return NULL;

  return vigil_rejection_item_new (self->rejections, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = vigil_rejection_model_get_item_type;
  iface->get_n_items = vigil_rejection_model_get_n_items;
  iface->get_item = vigil_rejection_model_get_item;
}

static void
vigil_rejection_model_finalize (GObject *object)
{
  VigilRejectionModel *self = (VigilRejectionModel *)object;

  g_clear_pointer (&self->rejections, g_ptr_array_unref);

  G_OBJECT_CLASS (vigil_rejection_model_parent_class)->finalize (object);
}

static void
vigil_rejection_model_class_init (VigilRejectionModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_rejection_model_finalize;
}

static void
vigil_rejection_model_init (VigilRejectionModel *self)
{
}

VigilRejectionModel *
vigil_rejection_model_new (void)
{
  return g_object_new (VIGIL_TYPE_REJECTION_MODEL, NULL);
}

/**
 * vigil_rejection_model_set_rejections:
 * @rejections: (nullable): a report's rejections (VigilImportProblem), kept alive by
 *   the model and its items; never changed afterwards
 */
void
vigil_rejection_model_set_rejections (VigilRejectionModel *self,
                                      GPtrArray           *rejections)
{
  guint removed;
  guint added;

  g_return_if_fail (VIGIL_IS_REJECTION_MODEL (self));

  if (rejections == self->rejections)
    return;

  removed = self->rejections != NULL ? self->rejections->len : 0;
  added = rejections != NULL ? rejections->len : 0;

  g_clear_pointer (&self->rejections, g_ptr_array_unref);
  if (rejections != NULL)
    self->rejections = g_ptr_array_ref (rejections);

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}
