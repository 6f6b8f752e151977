/* vigil-audit.c: the append-only, hash-chained audit log
 *
 * Row n stores hash_n = SHA-256 (hash_{n-1} ‖ seq ‖ time ‖ actor ‖ action ‖ entity ‖
 * entity id ‖ person id ‖ detail), with hash_0 = 64 zeros. audit_head keeps the newest
 * seq and hash, updated in the same transaction: a changed row breaks its own hash, a
 * removed, inserted or reordered row breaks the chain, and removing the newest rows
 * leaves the head pointing past the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-audit"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vigil-audit.h"

G_DEFINE_QUARK (vigil-audit-error-quark, vigil_audit_error)

void
vigil_audit_entry_free (VigilAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->logged_at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->detail);
  g_free (entry->prev_hash);
  g_free (entry->hash);
  g_free (entry);
}

char *
vigil_audit_compute_hash (const char *prev_hash,
              gint64      seq,
              const char *logged_at,
              const char *actor,
              const char *action,
              const char *entity,
              gint64      entity_id,
              gint64      person_id,
              const char *detail)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *text = NULL;

  /* Fields are separated by a unit separator that none of them may hold unnoticed:
   * each text is prefixed by its length. */
  text = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%zu:%s\x1f%zu:%s\x1f%zu:%s\x1f%zu:%s\x1f%"
                          G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT "\x1f%zu:%s",
                          prev_hash, seq,
                          strlen (logged_at), logged_at,
                          strlen (actor), actor,
                          strlen (action), action,
                          strlen (entity), entity,
                          entity_id, person_id,
                          detail ? strlen (detail) : 0, detail ? detail : "");
  g_checksum_update (checksum, (const guchar *) text, strlen (text));
  return g_strdup (g_checksum_get_string (checksum));
}

typedef struct
{
  const char *action;
  const char *entity;
  gint64 entity_id;
  gint64 person_id;
  const char *detail;
  gboolean person_must_exist;   /* else NOT_FOUND, and nothing written */
  gint64 seq;                   /* out: the row's place in the log */
} AppendData;

/* Fails with NOT_FOUND when there is no person @person_id. */
static gboolean
check_person (VigilStore  *store,
              gint64       person_id,
              GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;
  GValue id = G_VALUE_INIT;

  g_value_init (&id, G_TYPE_INT64);
  g_value_set_int64 (&id, person_id);
  model = vigil_store_query (store, "SELECT id FROM person WHERE id = ##p0::gint64", &id, 1, types, error);
  g_value_unset (&id);
  if (model == NULL)
    return FALSE;
  if (gda_data_model_get_n_rows (model) == 0)
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND,
                   _("There is no person %" G_GINT64_FORMAT " in the store."), person_id);
      return FALSE;
    }
  return TRUE;
}

/* PostgreSQL: the whole append in one statement, so one round trip, atomic on its own
 * or inside the caller's transaction. The head row is locked first (SELECT … FOR
 * UPDATE: a concurrent writer waits, then reads the head this one wrote), the server
 * computes the row's hash as vigil_audit_compute_hash () does (octet_length is
 * strlen: the store is UTF-8), and the head takes the new seq and hash. With
 * @person_must_exist, no row is written for a person who does not exist. */
#define PG_APPEND_SQL(person_check) \
  "WITH v (logged_at, actor, action, entity, entity_id, person_id, detail) AS (VALUES (" \
  "CAST(##p0::string AS text), CAST(##p1::string AS text), CAST(##p2::string AS text), " \
  "CAST(##p3::string AS text), CAST(##p4::gint64 AS bigint), CAST(##p5::gint64 AS bigint), " \
  "CAST(##p6::string::null AS text))), " \
  "old AS (SELECT seq, hash FROM audit_head WHERE id = 1" person_check " FOR UPDATE), " \
  "head AS (UPDATE audit_head SET seq = old.seq + 1, hash = encode(sha256(convert_to(" \
  "old.hash || chr(31) || (old.seq + 1) || chr(31) || " \
  "octet_length(v.logged_at) || ':' || v.logged_at || chr(31) || " \
  "octet_length(v.actor) || ':' || v.actor || chr(31) || " \
  "octet_length(v.action) || ':' || v.action || chr(31) || " \
  "octet_length(v.entity) || ':' || v.entity || chr(31) || " \
  "v.entity_id || chr(31) || v.person_id || chr(31) || " \
  "octet_length(COALESCE(v.detail, '')) || ':' || COALESCE(v.detail, ''), 'UTF8')), 'hex') " \
  "FROM old, v WHERE audit_head.id = 1 RETURNING audit_head.seq, old.hash AS prev_hash, audit_head.hash) " \
  "INSERT INTO audit (seq, logged_at, actor, action, entity, entity_id, person_id, detail, prev_hash, hash) " \
  "SELECT head.seq, v.logged_at, v.actor, v.action, v.entity, v.entity_id, v.person_id, v.detail, " \
  "head.prev_hash, head.hash FROM head, v RETURNING seq"

static gboolean
append_pg (VigilStore  *store,
           AppendData  *data,
           GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;
  g_autofree char *now = vigil_store_now ();
  GValue params[7] = { G_VALUE_INIT };
  const GValue *value;

  g_value_init (&params[0], G_TYPE_STRING);
  g_value_set_string (&params[0], now);
  g_value_init (&params[1], G_TYPE_STRING);
  g_value_set_string (&params[1], vigil_store_get_actor (store));
  g_value_init (&params[2], G_TYPE_STRING);
  g_value_set_string (&params[2], data->action);
  g_value_init (&params[3], G_TYPE_STRING);
  g_value_set_string (&params[3], data->entity);
  g_value_init (&params[4], G_TYPE_INT64);
  g_value_set_int64 (&params[4], data->entity_id);
  g_value_init (&params[5], G_TYPE_INT64);
  g_value_set_int64 (&params[5], data->person_id);
  if (data->detail != NULL)
    {
      g_value_init (&params[6], G_TYPE_STRING);
      g_value_set_string (&params[6], data->detail);
    }

  model = vigil_store_query (store,
                             data->person_must_exist
                               ? PG_APPEND_SQL (" AND EXISTS (SELECT 1 FROM person WHERE id = (SELECT person_id FROM v))")
                               : PG_APPEND_SQL (""),
                             params, G_N_ELEMENTS (params), types, error);
  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    if (G_VALUE_TYPE (&params[i]) != G_TYPE_INVALID)
      g_value_unset (&params[i]);
  if (model == NULL)
    return FALSE;

  if (gda_data_model_get_n_rows (model) != 1)
    {
      /* no row: no such person, or no head */
      if (data->person_must_exist && !check_person (store, data->person_id, error))
        return FALSE;
      g_set_error (error, VIGIL_AUDIT_ERROR, VIGIL_AUDIT_ERROR_TAMPERED,
                   _("The audit log’s head row is missing: the log has been tampered with."));
      return FALSE;
    }
  value = gda_data_model_get_value_at (model, 0, 0, error);
  if (value == NULL)
    return FALSE;
  data->seq = g_value_get_int64 (value);
  return TRUE;
}

static gboolean
append_cb (VigilStore  *store,
           gpointer     user_data,
           GError     **error)
{
  static const GType head_types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_NONE };
  AppendData *data = user_data;
  g_autoptr(GdaDataModel) head = NULL;
  g_autofree char *now = vigil_store_now ();
  g_autofree char *hash = NULL;
  GValue params[10] = { G_VALUE_INIT };
  const GValue *value;
  const char *actor = vigil_store_get_actor (store);
  const char *prev_hash;
  gint64 seq;
  gboolean ok;

  /* SQLite: taking the write lock first (the head's update) serialises concurrent
   * writers, so no two rows share a predecessor; libgda cannot run RETURNING there. */
  if (data->person_must_exist && !check_person (store, data->person_id, error))
    return FALSE;
  if (vigil_store_execute (store, "UPDATE audit_head SET seq = seq + 1 WHERE id = 1", NULL, 0, NULL, error))
    head = vigil_store_query (store, "SELECT seq, hash FROM audit_head WHERE id = 1", NULL, 0, head_types, error);
  if (head == NULL)
    return FALSE;
  if (gda_data_model_get_n_rows (head) != 1)
    {
      g_set_error (error, VIGIL_AUDIT_ERROR, VIGIL_AUDIT_ERROR_TAMPERED,
                   _("The audit log’s head row is missing: the log has been tampered with."));
      return FALSE;
    }

  value = gda_data_model_get_value_at (head, 0, 0, error);
  if (value == NULL)
    return FALSE;
  seq = g_value_get_int64 (value);
  value = gda_data_model_get_value_at (head, 1, 0, error);
  if (value == NULL)
    return FALSE;
  prev_hash = g_value_get_string (value);

  data->seq = seq;
  hash = vigil_audit_compute_hash (prev_hash, seq, now, actor, data->action, data->entity,
                       data->entity_id, data->person_id, data->detail);

  g_value_init (&params[0], G_TYPE_INT64);
  g_value_set_int64 (&params[0], seq);
  g_value_init (&params[1], G_TYPE_STRING);
  g_value_set_string (&params[1], now);
  g_value_init (&params[2], G_TYPE_STRING);
  g_value_set_string (&params[2], actor);
  g_value_init (&params[3], G_TYPE_STRING);
  g_value_set_string (&params[3], data->action);
  g_value_init (&params[4], G_TYPE_STRING);
  g_value_set_string (&params[4], data->entity);
  g_value_init (&params[5], G_TYPE_INT64);
  g_value_set_int64 (&params[5], data->entity_id);
  g_value_init (&params[6], G_TYPE_INT64);
  g_value_set_int64 (&params[6], data->person_id);
  if (data->detail != NULL)
    {
      g_value_init (&params[7], G_TYPE_STRING);
      g_value_set_string (&params[7], data->detail);
    }
  g_value_init (&params[8], G_TYPE_STRING);
  g_value_set_string (&params[8], prev_hash);
  g_value_init (&params[9], G_TYPE_STRING);
  g_value_set_string (&params[9], hash);

  ok = vigil_store_execute (store,
                            "INSERT INTO audit (seq, logged_at, actor, action, entity, entity_id, person_id, "
                            "detail, prev_hash, hash) VALUES (##p0::gint64, ##p1::string, ##p2::string, "
                            "##p3::string, ##p4::string, ##p5::gint64, ##p6::gint64, ##p7::string::null, "
                            "##p8::string, ##p9::string)",
                            params, 10, NULL, error) &&
       vigil_store_execute (store, "UPDATE audit_head SET hash = ##p0::string WHERE id = 1",
                            &params[9], 1, NULL, error);

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    if (G_VALUE_TYPE (&params[i]) != G_TYPE_INVALID)
      g_value_unset (&params[i]);

  return ok;
}

/* On PostgreSQL one statement, needing no transaction of its own; on SQLite three, in
 * one (the caller's when there is one). */
static gboolean
append (VigilStore  *store,
        AppendData  *data,
        GError     **error)
{
  if (vigil_store_get_engine (store) == VIGIL_ENGINE_POSTGRESQL)
    return append_pg (store, data, error);
  return vigil_store_run_in_transaction (store, append_cb, data, error);
}

/**
 * vigil_audit_append:
 * @action: "create", "update", "delete", "view", ...
 * @entity: the table concerned
 * @detail: (nullable): JSON naming what changed (field names, never values)
 *
 * Appends one row to the audit log, inside the caller's transaction when there is one.
 */
gboolean
vigil_audit_append (VigilStore  *store,
                    const char  *action,
                    const char  *entity,
                    gint64       entity_id,
                    gint64       person_id,
                    const char  *detail,
                    GError     **error)
{
  AppendData data = { action, entity, entity_id, person_id, detail, FALSE, 0 };

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL && entity != NULL, FALSE);

  return append (store, &data, error);
}

/**
 * vigil_audit_append_view:
 * @seq: (out) (optional): the row's place in the log
 *
 * Appends that the dossier of @person_id was viewed; when there is no such person,
 * writes nothing and fails with %VIGIL_STORE_ERROR_NOT_FOUND (on PostgreSQL in the
 * same round trip as taking the head).
 */
gboolean
vigil_audit_append_view (VigilStore  *store,
                         gint64       person_id,
                         gint64      *seq,
                         GError     **error)
{
  AppendData data = { "view", "person", person_id, person_id, NULL, TRUE, 0 };

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);

  if (!append (store, &data, error))
    return FALSE;
  if (seq != NULL)
    *seq = data.seq;
  return TRUE;
}

#define AUDIT_COLUMNS "seq, logged_at, actor, action, entity, entity_id, person_id, detail, prev_hash, hash"

static const GType audit_types[] = {
  G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_NONE
};

static VigilAuditEntry *
entry_from_row (GdaDataModel  *model,
                int            row,
                GError       **error)
{
  g_autoptr(VigilAuditEntry) entry = g_new0 (VigilAuditEntry, 1);
  const GValue *values[10];

  for (int col = 0; col < 10; col++)
    {
      values[col] = gda_data_model_get_value_at (model, col, row, error);
      if (values[col] == NULL)
        return NULL;
    }

#define TEXT(i) (gda_value_is_null (values[i]) ? NULL : g_value_dup_string (values[i]))
#define INT(i) (gda_value_is_null (values[i]) ? 0 : g_value_get_int64 (values[i]))
  entry->seq = INT (0);
  entry->logged_at = TEXT (1);
  entry->actor = TEXT (2);
  entry->action = TEXT (3);
  entry->entity = TEXT (4);
  entry->entity_id = INT (5);
  entry->person_id = INT (6);
  entry->detail = TEXT (7);
  entry->prev_hash = TEXT (8);
  entry->hash = TEXT (9);
#undef TEXT
#undef INT

  return g_steal_pointer (&entry);
}

GPtrArray *
vigil_audit_list (VigilStore  *store,
                  gint64       person_id,
                  guint        limit,
                  GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " AUDIT_COLUMNS " FROM audit");
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GValue param = G_VALUE_INIT;
  int n;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  g_value_init (&param, G_TYPE_INT64);
  g_value_set_int64 (&param, person_id);
  if (person_id != 0)
    g_string_append (sql, " WHERE person_id = ##p0::gint64");
  g_string_append (sql, " ORDER BY seq DESC");
  if (limit > 0)
    g_string_append_printf (sql, " LIMIT %u", limit);

  model = vigil_store_query (store, sql->str, &param, person_id != 0 ? 1 : 0, audit_types, error);
  if (model == NULL)
    return NULL;

  n = gda_data_model_get_n_rows (model);
  entries = g_ptr_array_new_full (n, (GDestroyNotify) vigil_audit_entry_free);
  for (int row = 0; row < n; row++)
    {
      VigilAuditEntry *entry = entry_from_row (model, row, error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

/**
 * vigil_audit_entry_dup_fields:
 *
 * Reads the field names from an entry's detail, `{"fields": ["surname", …]}` as the
 * record writers store it.
 *
 * Returns: (transfer full): the names, NULL-terminated; empty when there are none or
 *   the detail is not of that form.
 */
char **
vigil_audit_entry_dup_fields (const VigilAuditEntry *entry)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonNode *fields;

  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->detail == NULL || *entry->detail == '\0')
    return g_strv_builder_end (names);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, entry->detail, -1, NULL))
    return g_strv_builder_end (names);

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_strv_builder_end (names);

  fields = json_object_get_member (json_node_get_object (root), "fields");
  if (fields == NULL || !JSON_NODE_HOLDS_ARRAY (fields))
    return g_strv_builder_end (names);

  for (guint i = 0; i < json_array_get_length (json_node_get_array (fields)); i++)
    {
      JsonNode *name = json_array_get_element (json_node_get_array (fields), i);

      if (JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
        g_strv_builder_add (names, json_node_get_string (name));
    }

  return g_strv_builder_end (names);
}

static gboolean
fail_tampered (GError     **error,
               const char  *format,
               ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail_tampered (GError     **error,
               const char  *format,
               ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, VIGIL_AUDIT_ERROR, VIGIL_AUDIT_ERROR_TAMPERED,
               _("The audit log has been tampered with: %s"), message);
  return FALSE;
}

/**
 * vigil_audit_verify:
 * @n_rows: (out) (optional): how many rows were checked
 *
 * Walks the whole chain in storage order. Fails with %VIGIL_AUDIT_ERROR_TAMPERED,
 * naming the first row that was changed, removed, inserted or moved.
 */
gboolean
vigil_audit_verify (VigilStore  *store,
                    gint64      *n_rows,
                    GError     **error)
{
  static const GType head_types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GdaDataModel) head = NULL;
  g_autofree char *expected_prev = g_strnfill (64, '0');
  gint64 expected_seq = 1;
  gint64 head_seq;
  const GValue *value;
  int n;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);

  /* Read the rows and the head in one snapshot */
  model = vigil_store_query (store, "SELECT " AUDIT_COLUMNS " FROM audit ORDER BY id", NULL, 0, audit_types, error);
  if (model == NULL)
    return FALSE;
  head = vigil_store_query (store, "SELECT seq, hash FROM audit_head WHERE id = 1", NULL, 0, head_types, error);
  if (head == NULL)
    return FALSE;

  n = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n; row++)
    {
      g_autoptr(VigilAuditEntry) entry = entry_from_row (model, row, error);
      g_autofree char *hash = NULL;

      if (entry == NULL)
        return FALSE;

      if (entry->seq != expected_seq)
        {
          if (entry->seq > expected_seq)
            return fail_tampered (error, _("row %" PRId64 " is missing (the log jumps from row %"
                                           PRId64 " to row %" PRId64 ")."),
                                  expected_seq, expected_seq - 1, entry->seq);
          return fail_tampered (error, _("row %" PRId64 " is out of order (expected row %"
                                         PRId64 ")."),
                                entry->seq, expected_seq);
        }

      if (g_strcmp0 (entry->prev_hash, expected_prev) != 0)
        return fail_tampered (error, _("row %" PRId64 " does not follow the row before it."),
                              entry->seq);

      hash = vigil_audit_compute_hash (entry->prev_hash, entry->seq,
                           entry->logged_at ? entry->logged_at : "",
                           entry->actor ? entry->actor : "",
                           entry->action ? entry->action : "",
                           entry->entity ? entry->entity : "",
                           entry->entity_id, entry->person_id, entry->detail);
      if (g_strcmp0 (hash, entry->hash) != 0)
        return fail_tampered (error, _("row %" PRId64 " (%s of %s by %s at %s) was altered "
                                       "after it was written."),
                              entry->seq, entry->action, entry->entity, entry->actor, entry->logged_at);

      g_free (expected_prev);
      expected_prev = g_steal_pointer (&entry->hash);
      expected_seq++;
    }

  if (gda_data_model_get_n_rows (head) != 1)
    return fail_tampered (error, _("its head row is missing."));

  value = gda_data_model_get_value_at (head, 0, 0, error);
  if (value == NULL)
    return FALSE;
  head_seq = g_value_get_int64 (value);
  value = gda_data_model_get_value_at (head, 1, 0, error);
  if (value == NULL)
    return FALSE;

  if (head_seq < expected_seq - 1)
    return fail_tampered (error, _("row %" PRId64 " was added after the newest row written "
                                   "through Vigil (row %" PRId64 ")."),
                          head_seq + 1, head_seq);

  if (head_seq != expected_seq - 1 || g_strcmp0 (g_value_get_string (value), expected_prev) != 0)
    return fail_tampered (error, _("it ends at row %" PRId64 " but %" PRId64
                                   " rows were written: the newest rows were removed."),
                          expected_seq - 1, head_seq);

  if (n_rows != NULL)
    *n_rows = n;

  return TRUE;
}
