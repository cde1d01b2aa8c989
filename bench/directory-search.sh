#!/usr/bin/env bash
# Benchmark (c): directory search on PostgreSQL — 10,000 organisations and 50,000 contacts made with
# generate_series in a fresh schema, then p50/p95/p99 of the combined-filter search (country +
# function + language + available now) through DirectorySearch, the code the page and the API use.
#   BENCH_RUNS=2000 bench/directory-search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=$(./ura java-home)
PGHOST=${PGHOST:-127.0.0.1}

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), PostgreSQL $(psql -h "$PGHOST" -U postgres -d test -tAc 'show server_version'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== DirectorySearchBenchmark on a fresh PostgreSQL schema"
mvn -B -ntp -q -Pbench -Dspotless.check.skip=true -Djacoco.skip=true -Dtest=DirectorySearchBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbench.runs=${BENCH_RUNS:-2000} -Dbench.organisations=${BENCH_ORGANISATIONS:-10000}" \
  test-compile surefire:test@ledger-bench 2>&1 | grep -E '^DIRECTORY|Tests run|FAIL|ERROR|expected|Expecting' || true
