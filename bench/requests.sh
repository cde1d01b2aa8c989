#!/usr/bin/env bash
# Benchmarks of the legal requests on PostgreSQL, in a fresh schema: (b) pages of a provider's inbox
# and (c) a provider-year of statistics over 1,000,000 requests made with generate_series, then (a)
# 32 clients drafting, sending for authorisation and authorising requests (validate, sign, store,
# audit) on top of them, all through the services the pages and the API call.
#   BENCH_REQUESTS=1000000 INBOX_READS=2000 STATISTICS_RUNS=30 CLIENTS=32 BENCH_SECONDS=30 \
#   WARMUP_SECONDS=20 MAX_WARMUP_SECONDS=240 BENCH_FLOW=send bench/requests.sh
# BENCH_FLOW=draft: the officer drafts, then sends, in two calls (the API's POST then /submission).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=$(./ura java-home)
PGHOST=${PGHOST:-127.0.0.1}

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), PostgreSQL $(psql -h "$PGHOST" -U postgres -d test -tAc 'show server_version'), shared_buffers $(psql -h "$PGHOST" -U postgres -d test -tAc 'show shared_buffers'), max_wal_size $(psql -h "$PGHOST" -U postgres -d test -tAc 'show max_wal_size'), synchronous_commit=$(psql -h "$PGHOST" -U postgres -d test -tAc 'show synchronous_commit'), autovacuum $(psql -h "$PGHOST" -U postgres -d test -tAc 'show autovacuum'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== RequestsBenchmark on a fresh PostgreSQL schema"
mvn -B -ntp -q -Pbench -Dspotless.check.skip=true -Djacoco.skip=true -Dtest=RequestsBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbench.requests=${BENCH_REQUESTS:-1000000} -Dbench.inboxReads=${INBOX_READS:-2000} -Dbench.statisticsRuns=${STATISTICS_RUNS:-30} -Dbench.clients=${CLIENTS:-32} -Dbench.seconds=${BENCH_SECONDS:-30} -Dbench.warmupSeconds=${WARMUP_SECONDS:-20} -Dbench.maxWarmupSeconds=${MAX_WARMUP_SECONDS:-240} -Dbench.flow=${BENCH_FLOW:-send}" \
  test-compile surefire:test@ledger-bench 2>&1 \
  | grep -E '^REQUESTS|^\[(INFO|ERROR|WARNING)\] Tests run:|^\[ERROR\]   RequestsBenchmark|Caused by' || true
echo "== load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
