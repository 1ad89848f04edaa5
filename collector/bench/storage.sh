#!/usr/bin/env bash
# Bytes the collector keeps per machine-day (rollup tables and their indexes) and per raw heartbeat
# (raw table and its indexes / its rows), from a real database file, with SQLite's dbstat.
#
# Run from the repository root after `mvn -B -q -DskipTests package`:
#   collector/bench/storage.sh [MACHINES [DAYS]]    simulated days (default 100 machines, 1 day)
#   collector/bench/storage.sh --db FILE MACHINES DAYS   an existing database (stop its collector)
# The simulated day is the test class io.digiready.collector.bench.StorageFootprint: an in-process
# collector with a test clock, one unit, MACHINES machines, 24 hours of 60 s heartbeats sent as
# one 60-heartbeat batch per machine and hour; it runs once with rawHeartbeatRetentionDays=0 and
# once with 2. The tables counted as rollup or raw are listed at the top of storage.py.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = --db ]; then
  [ $# -eq 4 ] || { echo "usage: $0 --db FILE MACHINES DAYS" >&2; exit 2; }
  exec python3 "$BENCH/storage.py" "$2" "$3" "$4"
fi
MACHINES=${1:-100}
DAYS=${2:-1}
case "$DAYS" in
  '' | *[!0-9]* | 0) echo "DAYS must be a whole number >= 1, found: $DAYS" >&2; exit 2 ;;
esac
case "$MACHINES" in
  '' | *[!0-9]* | 0) echo "MACHINES must be a whole number >= 1, found: $MACHINES" >&2; exit 2 ;;
esac
CLASSES=collector/target/test-classes
[ -f "$CLASSES/io/digiready/collector/bench/StorageFootprint.class" ] \
  || { echo "$CLASSES missing: run from the repository root after 'mvn -B -q -DskipTests package'" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/digiready-storage.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir "$TMP/java"

# The test classpath. The protocol module is not installed in ~/.m2, so it comes from the reactor
# (protocol/target/classes), which needs a compile phase in the same Maven session.
mvn -B -q -pl collector -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$TMP/classpath.txt" > "$TMP/mvn.log" 2>&1 \
  || { echo "mvn could not build the test classpath:" >&2; cat "$TMP/mvn.log" >&2; exit 1; }
CP=$CLASSES:collector/target/classes:$(cat "$TMP/classpath.txt")

echo "simulating $DAYS day(s): StorageFootprint $MACHINES $DAYS (an in-process collector, test clock)"
# StorageFootprint leaves its databases in java.io.tmpdir (footprint*/digiready.db).
java -Xmx1g -Djava.io.tmpdir="$TMP/java" -cp "$CP" io.digiready.collector.bench.StorageFootprint \
  "$MACHINES" "$DAYS" > "$TMP/footprint.log" 2>&1 \
  || { echo "StorageFootprint failed:" >&2; cat "$TMP/footprint.log" >&2; exit 1; }
grep 'bytes per machine per day' "$TMP/footprint.log" | sed 's/^/  StorageFootprint says: /'

WITH_RAW=
WITHOUT_RAW=
for db in "$TMP"/java/footprint*/digiready.db; do
  [ -f "$db" ] || { echo "StorageFootprint left no database in $TMP/java" >&2; exit 1; }
  if [ "$(python3 "$BENCH/storage.py" --raw-rows "$db")" -gt 0 ]; then WITH_RAW=$db; else WITHOUT_RAW=$db; fi
done
[ -n "$WITH_RAW" ] || { echo "no database with raw heartbeats found" >&2; exit 1; }

echo
echo "== the database with raw heartbeats (rawHeartbeatRetentionDays=2), $(date -u +%Y-%m-%dT%H:%M:%SZ)"
python3 "$BENCH/storage.py" "$WITH_RAW" "$MACHINES" "$DAYS"
if [ -n "$WITHOUT_RAW" ]; then
  echo
  echo "== the same day without raw heartbeats (rawHeartbeatRetentionDays=0), a second sample"
  python3 "$BENCH/storage.py" "$WITHOUT_RAW" "$MACHINES" "$DAYS" | grep '^bytes kept per machine-day'
fi
