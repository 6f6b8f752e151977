#!/usr/bin/env bash
# tests/bench/import-set-based.sh CSV DB: the incident CSV into Vigil's schema, set-based, in
# the sqlite3 shell alone — the peer that vigil-cli import must stay well ahead of
# (bench-identification.sh runs both on the same file).
#
# The schema and its indexes are Vigil's own migrations (as a store that exists). The
# file goes into a staging table with `.import`; then, in one transaction, every distinct
# person reference (perpetrators and victims) becomes a person ("Surname, Forenames" split
# at the first comma, a random uuid) and every row an incident joined to its people by
# reference. No validation, no rejected rows kept, no audit: the floor of doing it in SQL.
set -euo pipefail
csv=$1 db=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rm -f "$db"
{
  for migration in "$root"/app/core/store/migrations/*.sql; do
    sed 's/{{ID}}/INTEGER PRIMARY KEY AUTOINCREMENT/g' "$migration"
  done
  cat <<'SQL'
.import --csv '__CSV__' staging
BEGIN;
INSERT INTO person (created_at, updated_at, updated_by, uuid, surname, forenames, dob, local_ref)
SELECT '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'bench',
       lower(hex(randomblob(16))),
       CASE WHEN instr(name, ', ') > 0 THEN substr(name, 1, instr(name, ', ') - 1) ELSE name END,
       CASE WHEN instr(name, ', ') > 0 THEN substr(name, instr(name, ', ') + 2) END,
       NULLIF(dob, ''), ref
FROM (SELECT perpetrator_ref AS ref, max(perpetrator_name) AS name, max(perpetrator_dob) AS dob
        FROM staging GROUP BY perpetrator_ref
      UNION ALL
      SELECT victim_ref, max(victim_name), max(victim_dob) FROM staging
       WHERE victim_ref <> '' AND victim_ref NOT IN (SELECT perpetrator_ref FROM staging)
       GROUP BY victim_ref);
INSERT INTO incident (created_at, updated_at, updated_by, source, source_ref, occurred_at,
                      perpetrator_id, victim_id, relationship, offence_code, dash_risk, stalking, area)
SELECT '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'bench', 'police', s.incident_ref, s.occurred_at,
       p.id, v.id, s.relationship, s.offence_code, NULLIF(s.dash_risk, ''), CAST(s.stalking AS INTEGER),
       NULLIF(s.area, '')
FROM staging s JOIN person p ON p.local_ref = s.perpetrator_ref
LEFT JOIN person v ON v.local_ref = s.victim_ref;
DROP TABLE staging;
COMMIT;
SQL
} | sed "s|__CSV__|$csv|" | sqlite3 -bail "$db"
