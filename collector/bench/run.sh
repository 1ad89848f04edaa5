#!/bin/sh
# Measures single-heartbeat requests per second against the real collector jar on this machine.
# Usage (from the repository root, after `mvn -B -q -pl collector verify`):
#   collector/bench/run.sh [machines] [threads] [seconds] [sqliteSynchronous]
set -eu
MACHINES=${1:-200}
THREADS=${2:-32}
SECONDS_RUN=${3:-20}
SYNC=${4:-FULL}
DIR=$(mktemp -d)
PORT=18099
TOKEN=bench-admin-token-0123456789abcdef
JAR=collector/target/digiready-collector.jar
java -Xmx512m -jar "$JAR" serve --port "$PORT" --bind-address 127.0.0.1 --data-dir "$DIR" \
  --admin-token "$TOKEN" --sqlite-synchronous "$SYNC" > "$DIR/collector.log" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -rf "$DIR"' EXIT
i=0
until curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null; do
  i=$((i + 1)); [ "$i" -lt 100 ] || { echo "collector did not start"; cat "$DIR/collector.log"; exit 1; }
  sleep 0.2
done
java -cp "collector/target/test-classes:$JAR" io.digiready.collector.bench.LoadGenerator \
  "http://127.0.0.1:$PORT" "$TOKEN" "$MACHINES" "$THREADS" "$SECONDS_RUN"
curl -s "http://127.0.0.1:$PORT/metrics" | grep -E '^digiready_writer_(group_size|commit_seconds)_(count|sum)'
echo "database: $(du -k "$DIR/digiready.db" "$DIR/digiready.db-wal" 2>/dev/null | awk '{s+=$1} END {print s}') KiB"
