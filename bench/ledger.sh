#!/usr/bin/env bash
# Benchmark (b): the audit ledger on PostgreSQL — appends with 8 concurrent writers, then sealing and
# verification of at least 500,000 entries. Also prints the server's own ceiling for the same commits.
#   BENCH_SECONDS=20 VERIFY_ENTRIES=500000 bench/ledger.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=$(./ura java-home)
PGHOST=${PGHOST:-127.0.0.1}

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), PostgreSQL $(psql -h "$PGHOST" -U postgres -d test -tAc 'show server_version'), synchronous_commit=$(psql -h "$PGHOST" -U postgres -d test -tAc 'show synchronous_commit')"

echo "== the server's ceiling: 8 clients, each transaction inserting two small rows (pgbench, 10 s)"
psql -h "$PGHOST" -U postgres -d test -qc "DROP TABLE IF EXISTS bench_ceiling; CREATE TABLE bench_ceiling (id BIGSERIAL PRIMARY KEY, action TEXT, details TEXT); CREATE TABLE IF NOT EXISTS bench_ceiling_q (id BIGINT PRIMARY KEY)"
SCRIPT=$(mktemp)
printf 'BEGIN;\nINSERT INTO bench_ceiling (action, details) VALUES (%s, %s);\nINSERT INTO bench_ceiling_q VALUES (currval(%s));\nEND;\n' "'bench.append'" "'{}'" "'bench_ceiling_id_seq'" > "$SCRIPT"
pgbench -h "$PGHOST" -U postgres -n -c 8 -j 2 -T 10 -f "$SCRIPT" test 2>/dev/null | grep -E '^tps|latency average'
psql -h "$PGHOST" -U postgres -d test -qc "DROP TABLE bench_ceiling; DROP TABLE bench_ceiling_q"
rm -f "$SCRIPT"

echo "== Ura's ledger (LedgerBenchmark on a fresh PostgreSQL schema)"
mvn -B -ntp -q -Pbench -Dspotless.check.skip=true -Djacoco.skip=true \
  -Dbench.seconds="${BENCH_SECONDS:-20}" -Dbench.verifyEntries="${VERIFY_ENTRIES:-500000}" \
  -DargLine="-Dbench.seconds=${BENCH_SECONDS:-20} -Dbench.verifyEntries=${VERIFY_ENTRIES:-500000}" \
  test-compile surefire:test@ledger-bench 2>&1 | grep -E '^LEDGER|Tests run|FAIL|ERROR' || true
