#!/usr/bin/env bash
# Benchmark (d): the annual monitoring report on PostgreSQL — a strategy of 4 policies, 14 objectives and
# 48 measures with 300 activities in accepted submissions, made through the reporting cycle in a fresh
# schema; then p50/p95/max of the report page and PDF as a reader gets them (>= 20 runs after warm-up),
# and of recomputing every figure after one submission changed (>= 200 runs).
#   BENCH_REPORT_RUNS=20 BENCH_FIGURE_RUNS=200 bench/monitoring.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=$(./ura java-home)
PGHOST=${PGHOST:-127.0.0.1}

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), PostgreSQL $(psql -h "$PGHOST" -U postgres -d test -tAc 'show server_version'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== MonitoringReportBenchmark on a fresh PostgreSQL schema"
mvn -B -ntp -q -Pbench -Dspotless.check.skip=true -Djacoco.skip=true -Dtest=MonitoringReportBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dbench.reportRuns=${BENCH_REPORT_RUNS:-20} -Dbench.figureRuns=${BENCH_FIGURE_RUNS:-200} -Dbench.activities=${BENCH_ACTIVITIES:-300}" \
  test-compile surefire:test@ledger-bench 2>&1 | grep -E '^MONITORING|Tests run|FAIL|ERROR|expected|Expecting' || true
grep -h "Tests run" target/surefire-reports-bench/al.ura.monitoring.MonitoringReportBenchmark.txt 2>/dev/null || true
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
