#!/bin/sh
# Measures acknowledged heartbeats per second and request latency against the real collector jar,
# with the fleet simulator's load generator (the same client code the e2e fault tests use).
# Usage (from the repository root, after `mvn -B -q -DskipTests package`):
#   collector/bench/run.sh [machines] [threads] [seconds] [sqliteSynchronous] [batchSize]
set -eu
MACHINES=${1:-200}
THREADS=${2:-16}
SECONDS_RUN=${3:-30}
SYNC=${4:-FULL}
BATCH=${5:-1}
DIR=$(mktemp -d)
PORT=18099
TOKEN=bench-admin-token-0123456789abcdef
JAR=collector/target/digiready-collector.jar
SIMULATOR=simulator/target/digiready-simulator.jar
# The load generator enrolls all its machines with one token and sends as fast as it is answered,
# far faster than real agents: the per-token enrollment rate and the heartbeat rate limit are off.
java -Xmx512m -jar "$JAR" serve --port "$PORT" --bind-address 127.0.0.1 --data-dir "$DIR" \
  --admin-token "$TOKEN" --sqlite-synchronous "$SYNC" \
  --enrollments-per-minute-per-token 100000 --heartbeat-rate-limit false > "$DIR/collector.log" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -rf "$DIR"' EXIT
i=0
until curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null; do
  i=$((i + 1)); [ "$i" -lt 100 ] || { echo "collector did not start"; cat "$DIR/collector.log"; exit 1; }
  sleep 0.2
done
curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"code":"bench","name":"bench","kind":"commune","staff":100000}' "http://127.0.0.1:$PORT/api/v1/units"
echo "$TOKEN" > "$DIR/admin-token.bench"
java -jar "$SIMULATOR" load --collector "http://127.0.0.1:$PORT" --admin-token-file "$DIR/admin-token.bench" \
  --unit bench --machines "$MACHINES" --threads "$THREADS" --duration-seconds "$SECONDS_RUN" \
  --batch-size "$BATCH" | tail -n 1
curl -s "http://127.0.0.1:$PORT/metrics" | grep -E '^digiready_writer_(group_size|commit_seconds)_(count|sum)'
echo "database: $(du -k "$DIR/digiready.db" "$DIR/digiready.db-wal" 2>/dev/null | awk '{s+=$1} END {print s}') KiB"
