-- The default RFGV model (DESIGN.md) as one SQL query, for the benchmark's side-by-side
-- run in the sqlite3 shell over the raw `.import` of the exchange CSV (table incidents,
-- every column text). Set the as-of date with: .parameter set @as_of '2026-11-01'
-- Output: rank,perpetrator_ref,R,F,G,V,total (as vigil-cli refresh --format csv).
SELECT * FROM (
WITH gravity (code, points) AS (VALUES
  ('homicide', 5), ('attempted_murder', 5), ('rape', 5), ('gbh', 5), ('strangulation', 5), ('kidnap', 5),
  ('sexual_assault', 4), ('abh', 4), ('coercive_control', 4), ('stalking', 4), ('threats_to_kill', 4),
  ('arson_endangering_life', 4), ('common_assault', 3), ('harassment', 3), ('breach_of_order', 3),
  ('criminal_damage', 2), ('malicious_communications', 2), ('public_order', 2),
  ('non_crime_incident', 1), ('other', 1)),
window (as_of, start) AS (SELECT date(@as_of), date(@as_of, '-36 months')),
counted AS (
  SELECT i.perpetrator_ref AS ref, substr(i.occurred_at, 1, 10) AS day,
         NULLIF(i.victim_ref, '') AS victim, COALESCE(g.points, 1) AS points
  FROM incidents i LEFT JOIN gravity g ON g.code = i.offence_code, window w
  WHERE substr(i.occurred_at, 1, 10) > w.start AND substr(i.occurred_at, 1, 10) <= w.as_of
    AND i.relationship IN ('intimate_partner', 'ex_partner', 'family', 'non_domestic')),
per_person AS (
  SELECT ref, MAX(day) AS latest, COUNT(*) AS n, SUM(points) AS gravity_sum,
         COUNT(DISTINCT victim) AS victims
  FROM counted GROUP BY ref),
banded AS (
  SELECT p.ref, p.latest,
    CASE WHEN julianday(w.as_of) - julianday(p.latest) <= 90 THEN 5
         WHEN julianday(w.as_of) - julianday(p.latest) <= 180 THEN 4
         WHEN julianday(w.as_of) - julianday(p.latest) <= 365 THEN 3
         WHEN julianday(w.as_of) - julianday(p.latest) <= 730 THEN 2
         WHEN julianday(w.as_of) - julianday(p.latest) <= 1095 THEN 1 ELSE 0 END AS r,
    CASE WHEN p.n >= 10 THEN 5 WHEN p.n >= 5 THEN 4 WHEN p.n >= 3 THEN 3 WHEN p.n >= 2 THEN 2 ELSE 1 END AS f,
    CASE WHEN p.gravity_sum >= 40 THEN 5 WHEN p.gravity_sum >= 20 THEN 4 WHEN p.gravity_sum >= 10 THEN 3
         WHEN p.gravity_sum >= 5 THEN 2 WHEN p.gravity_sum >= 1 THEN 1 ELSE 0 END AS g,
    CASE WHEN p.victims >= 3 THEN 5 WHEN p.victims >= 2 THEN 3 WHEN p.victims >= 1 THEN 1 ELSE 0 END AS v
  FROM per_person p, window w)
SELECT ROW_NUMBER () OVER (ORDER BY r + f + g + v DESC, g DESC, latest DESC, ref ASC) AS rank,
       ref AS perpetrator_ref, r AS R, f AS F, g AS G, v AS V, r + f + g + v AS total
FROM banded ORDER BY rank);
