#!/usr/bin/env bash
# Benchmark (a): an authenticated API read at 50 concurrent connections, on PostgreSQL.
# Starts Ura (demo data) on a fresh PostgreSQL database, warms up, measures with wrk, stops, drops the database.
#   DURATION=30s WARMUP=20s CONNECTIONS=50 THREADS=2 bench/api-read.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
PORT=${PORT:-18080}
DB=${DB:-ura_bench}
PGHOST=${PGHOST:-127.0.0.1}
TOKEN=ura_demo_aksk_74c3d47ea310261cece3008c43918bad   # the demo token of AKSK (see README)
URL="http://127.0.0.1:${PORT}/api/v1/directory/organisations"

command -v wrk >/dev/null && command -v hey >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk hey; }
JAVA_HOME=$(./ura java-home)   # the JDK >= 21 the build uses
[ -f target/ura.jar ] || JAVA_HOME="$JAVA_HOME" mvn -B -ntp -q -DskipTests -Dspotless.check.skip=true package

psql -h "$PGHOST" -U postgres -d test -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
WORK=$(mktemp -d)
cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  psql -h "$PGHOST" -U postgres -d test -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

(cd "$WORK" && URA_DB_POOL_SIZE=${URA_DB_POOL_SIZE:-12} URA_DB_URL="jdbc:postgresql://${PGHOST}:5432/${DB}" URA_DB_USER=postgres URA_PORT=$PORT \
  exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC} -jar "$OLDPWD/target/ura.jar" --spring.profiles.active=demo > "$WORK/ura.log" 2>&1) &
APP=$!
for _ in $(seq 1 90); do
  curl -fs "http://127.0.0.1:${PORT}/actuator/health" 2>/dev/null | grep -q UP && break
  sleep 1
done
curl -fs -H "Authorization: Bearer $TOKEN" "$URL" > /dev/null || { echo "the API did not answer"; tail -50 "$WORK/ura.log"; exit 1; }

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(psql -h "$PGHOST" -U postgres -d test -tAc 'show server_version')"
echo "== warm-up $WARMUP"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$URL" > /dev/null
echo "== measured: GET /api/v1/directory/organisations with a bearer token, $CONNECTIONS connections, $DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$URL" | tee "$WORK/wrk.txt"
if grep -q "Non-2xx" "$WORK/wrk.txt"; then echo "FAILED: non-2xx responses"; exit 1; fi

RATE=${RATE:-2000}
echo "== measured: the same read at a fixed $RATE requests/s over $CONNECTIONS connections (hey -q per connection), $DURATION"
hey -z "$DURATION" -c "$CONNECTIONS" -q $((RATE / CONNECTIONS)) -H "Authorization: Bearer $TOKEN" "$URL" | tee "$WORK/hey.txt" \
  | sed -n '/Summary/,/Requests\/sec/p;/Latency distribution/,/99%/p;/Status code distribution/,$p'
if grep -E '^\s+\[[0-9]+\]' "$WORK/hey.txt" | grep -vq '\[200\]'; then echo "FAILED: non-200 responses"; exit 1; fi
