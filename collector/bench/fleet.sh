#!/usr/bin/env bash
# A ministry on one collector node (issue 31): a unit tree of one ministry, 63 provinces, ~7 % as
# many districts as communes and one commune per 100 machines, enrolled and driven by the simulator
# over real HTTP, measured against a 1,000-machine reference run of the same jar in the same run.
# Per-machine series are off (metricsPerMachine=false), as the sizing table requires past 100,000.
#
# Run from the repository root after `mvn -B -q -DskipTests package`:
#   collector/bench/fleet.sh [--machines 1000000] [--communes N] [--paced-minutes 10]
#                            [--max-rate-seconds 60] [--connections 64] [--keep]
# It prints, each against its goal:
#   enroll      the whole fleet enrolled (a token per unit) within 10 minutes
#   max-rate    heartbeats as fast as acknowledged with the whole fleet: >= 0.8 x the reference
#   paced       --paced-minutes at half of that rate: p99 <= 100 ms, no error; each minute meanwhile
#               GET /api/v1/units <= 200 ms, one commune's page data (unit, children, 7-day
#               history, first page of its machines) <= 50 ms, /metrics <= 1 s, the coverage CSV
#               of the whole tree <= 2 s
#   midnight    the ministry's time zone is set so that its midnight (inherited by every unit) falls
#               two minutes into a paced phase: the day's figures of every unit recorded <= 60 s
#               after midnight, p99 of the minute after <= 2 x the minute before
#   disk        bytes per raw heartbeat and per machine-day kept, and what a day and a year cost
#   memory      the collector's peak resident size (VmHWM) <= 3 GiB
#   restart     time to /health/ready <= 30 s, then /metrics and /api/v1/units
# Exit status: 0 when every goal was met, 1 otherwise, 2 on a usage error.
set -euo pipefail

usage() {
  sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

MACHINES=1000000
COMMUNES=
PACED_MINUTES=10
MAX_RATE_SECONDS=60
CONNECTIONS=64
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --machines) MACHINES=$2; shift 2 ;;
    --communes) COMMUNES=$2; shift 2 ;;
    --paced-minutes) PACED_MINUTES=$2; shift 2 ;;
    --max-rate-seconds) MAX_RATE_SECONDS=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done
COMMUNES=${COMMUNES:-$((MACHINES / 100 > 63 ? MACHINES / 100 : 63))}
for v in MACHINES COMMUNES PACED_MINUTES MAX_RATE_SECONDS CONNECTIONS; do
  case "${!v}" in
    '' | *[!0-9]*) echo "$v must be a whole number, found: ${!v}" >&2; exit 2 ;;
  esac
done
if [ "$MACHINES" -lt 1000 ] || [ "$COMMUNES" -lt 63 ] || [ "$PACED_MINUTES" -lt 1 ] \
  || [ "$MAX_RATE_SECONDS" -lt 1 ] || [ "$CONNECTIONS" -lt 1 ]; then
  echo "need machines >= 1000, communes >= 63 and every other figure >= 1" >&2
  exit 2
fi

BENCH=$(cd "$(dirname "$0")" && pwd)
JAR=collector/target/digiready-collector.jar
SIM=simulator/target/digiready-simulator.jar
for f in "$JAR" "$SIM"; do
  [ -f "$f" ] || { echo "$f missing: run from the repository root after 'mvn -B -q -DskipTests package'" >&2; exit 2; }
done
for tool in java python3 curl; do
  command -v "$tool" > /dev/null || { echo "$tool is not installed" >&2; exit 2; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/digiready-fleet.XXXXXX")
ADMIN=bench-admin-token-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$ADMIN" > "$TMP/admin-token"
chmod 600 "$TMP/admin-token"
COLLECTOR_PID=
FAILED=0

stop() { # pid: TERM, then KILL after 60 s
  local pid=$1 i=0
  [ -n "$pid" ] || return 0
  kill "$pid" 2> /dev/null || return 0
  while kill -0 "$pid" 2> /dev/null && [ "$i" -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  pkill -P $$ -f digiready-simulator.jar 2> /dev/null || true
  stop "$COLLECTOR_PID"
  if [ "$KEEP" = 1 ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
rss_mib() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$COLLECTOR_PID/status"; }
hwm_mib() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$COLLECTOR_PID/status"; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (b > a ? b : a) }'; }
cpu_seconds() { # the collector's user + system CPU so far
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$COLLECTOR_PID/stat"
}
cpu_ms_per() { # cpu-before cpu-after count -> milliseconds of collector CPU per item
  awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.3f", (n > 0 ? 1000 * (b - a) / n : 0) }'
}

# Starts the collector on a data dir (extra serve flags after it) and sets READY_SECONDS.
start() { # data-dir [serve flags...]
  local dir=$1 t0 i=0
  shift
  mkdir -p "$dir"
  t0=$(now)
  # The simulated fleet enrolls and beats far faster per token than real agents: the per-token
  # enrollment rate and the heartbeat rate limit are off. Per-machine series are off (see above).
  java -Xmx2g -jar "$JAR" serve --port "$PORT" --bind-address 127.0.0.1 --data-dir "$dir" \
    --admin-token "$ADMIN" --enrollments-per-minute-per-token 100000 --heartbeat-rate-limit false \
    --metrics-per-machine false "$@" >> "$TMP/collector.log" 2>&1 &
  COLLECTOR_PID=$!
  until curl -sf -o /dev/null "$URL/health/ready"; do
    if ! kill -0 "$COLLECTOR_PID" 2> /dev/null || [ "$i" -gt 3000 ]; then
      echo "collector not ready; its log:" >&2
      tail -50 "$TMP/collector.log" >&2
      exit 1
    fi
    i=$((i + 1))
    sleep 0.1
  done
  READY_SECONDS=$(since "$t0")
}

timed() { # path [admin] -> "seconds bytes"
  if [ "${2:-}" = admin ]; then
    curl -sf -o /dev/null -w '%{time_total} %{size_download}\n' -H "Authorization: Bearer $ADMIN" "$URL$1"
  else
    curl -sf -o /dev/null -w '%{time_total} %{size_download}\n' "$URL$1"
  fi
}

check() { # label measured op limit unit
  if awk -v m="$2" -v l="$4" -v op="$3" 'BEGIN { exit !(op == "<=" ? m <= l : m >= l) }'; then
    printf '  %-52s %10s %s  (goal %s %s)  met\n' "$1" "$2" "$5" "$3" "$4"
  else
    printf '  %-52s %10s %s  (goal %s %s)  NOT MET\n' "$1" "$2" "$5" "$3" "$4"
    FAILED=1
  fi
}

fleet() { # log-name simulator-args...
  local name=$1
  shift
  # GNU time, when installed, says how much memory the simulator needed for the phase.
  local measure=()
  [ -x /usr/bin/time ] && measure=(/usr/bin/time -f 'simulator: peak resident %M KiB')
  if ! "${measure[@]}" java -Xmx1g -jar "$SIM" fleet --collector "$URL" \
    --admin-token-file "$TMP/admin-token" --connections "$CONNECTIONS" "$@" > "$TMP/$name.txt" 2>&1; then
    echo "simulator ($name) failed:" >&2
    cat "$TMP/$name.txt" >&2
    FAILED=1
  fi
  grep -E '^(tree|enroll|heartbeats|simulator:)' "$TMP/$name.txt" | sed 's/^/  /'
}

rate() { grep -E "^$2" "$TMP/$1.txt" | sed -E 's/.*\(([0-9]+)\/s\).*/\1/' | tail -1; }
p99() { grep -E "^$2" "$TMP/$1.txt" | sed -E 's/.*p99 ([0-9.]+) ms.*/\1/' | tail -1; }
seconds() { grep -E "^$2" "$TMP/$1.txt" | sed -E 's/.* over ([0-9.]+) s.*/\1/' | tail -1; }
ok_count() { grep -E "^$2" "$TMP/$1.txt" | sed -E 's/.*, ([0-9]+) acknowledged.*/\1/' | tail -1; }
errors() { grep -E "^$2" "$TMP/$1.txt" | sed -E 's/.*errors (\{[^}]*\}).*/\1/' | tail -1; }
window_p99() { grep -F "window $2:" "$TMP/$1.txt" | sed -E 's/.*p99 ([0-9.]+) ms.*/\1/' | tail -1; }

# One commune's page data, as its unit page asks for it: the unit (with its path to the root), its
# children, its 7-day history and the first page of its machines, one after the other; prints the
# sum and the four parts.
page_data() { # code -> "sum unit children history machines"
  local a b c d
  read -r a _ < <(timed "/api/v1/units/$1" admin)
  read -r b _ < <(timed "/api/v1/units?parent=$1" admin)
  read -r c _ < <(timed "/api/v1/units/$1/history?days=7" admin)
  read -r d _ < <(timed "/api/v1/machines?unit=$1&limit=100" admin)
  awk -v a="$a" -v b="$b" -v c="$c" -v d="$d" 'BEGIN { printf "%.3f %.3f %.3f %.3f %.3f\n", a + b + c + d, a, b, c, d }'
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"

# --- reference: the same jar with 1,000 machines ----------------------------------------------
echo "reference: 1000 machines in 10 units, heartbeats as fast as acknowledged for $MAX_RATE_SECONDS s (after a 30 s warm-up)"
start "$TMP/reference"
fleet reference-warmup --machines 1000 --units 10 --root reference --state "$TMP/reference.tsv" \
  --max-rate --duration-seconds 30 > /dev/null
c0=$(cpu_seconds)
fleet reference --machines 1000 --units 10 --root reference --state "$TMP/reference.tsv" --max-rate \
  --duration-seconds "$MAX_RATE_SECONDS"
REFERENCE=$(rate reference 'heartbeats')
REFERENCE_CPU=$(cpu_ms_per "$c0" "$(cpu_seconds)" "$(ok_count reference heartbeats)")
REFERENCE_MIB=$(hwm_mib)
echo "  collector: $REFERENCE_CPU ms of CPU per heartbeat, peak resident $REFERENCE_MIB MiB"
stop "$COLLECTOR_PID"

# --- the ministry ------------------------------------------------------------------------------
java -jar "$SIM" tree --communes "$COMMUNES" --staff $((MACHINES * 105 / 100)) --out "$TMP/tree.csv" | sed 's/^/  /'
UNITS=$(($(wc -l < "$TMP/tree.csv") - 1))
ROOT_LINE=$(sed -n 2p "$TMP/tree.csv")
ROOT=$(cut -d, -f1 <<< "$ROOT_LINE")
ROOT_NAME=$(cut -d, -f2 <<< "$ROOT_LINE")
ROOT_STAFF=$(cut -d, -f5 <<< "$ROOT_LINE")
COMMUNE=$(grep -m1 ',commune,' "$TMP/tree.csv" | cut -d, -f1)
echo "ministry: $MACHINES machines in $UNITS units ($COMMUNES communes)"
start "$TMP/ministry"
ministry_zone() { # zone: the ministry's office hours time zone, inherited by every unit
  curl -sf -o /dev/null -X "$2" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    --data "{\"code\":\"$ROOT\",\"name\":\"$ROOT_NAME\",\"kind\":\"ministry\",\"staff\":$ROOT_STAFF,\"officeHours\":{\"timeZone\":\"$1\"}}" \
    "$URL/api/v1/units${3:-}"
}
# Made before the import (which keeps office hours set through the API), so that every figure of
# the run is in the zone the midnight phase starts from.
ministry_zone -12:00 POST || { echo "could not create the ministry" >&2; exit 1; }
c0=$(cpu_seconds)
fleet enroll --tree "$TMP/tree.csv" --machines "$MACHINES" --state "$TMP/machines.tsv" --duration-seconds 0
ENROLL_SECONDS=$(seconds enroll 'enroll')
echo "  collector: $(cpu_ms_per "$c0" "$(cpu_seconds)" "$(ok_count enroll enroll)") ms of CPU per enrollment (the import and tokens included)"
ENROLL_ERRORS=$(errors enroll 'enroll')

echo "max-rate: the whole fleet, heartbeats as fast as acknowledged for $MAX_RATE_SECONDS s"
c0=$(cpu_seconds)
fleet max-rate --machines "$MACHINES" --state "$TMP/machines.tsv" --max-rate --duration-seconds "$MAX_RATE_SECONDS"
CAPACITY=$(rate max-rate 'heartbeats')
CAPACITY_CPU=$(cpu_ms_per "$c0" "$(cpu_seconds)" "$(ok_count max-rate heartbeats)")
echo "  collector: $CAPACITY_CPU ms of CPU per heartbeat (reference: $REFERENCE_CPU ms)"
# Half the capacity, as one heartbeat per machine per interval.
INTERVAL=$(awk -v m="$MACHINES" -v c="$CAPACITY" 'BEGIN { i = int(2 * m / c + 0.999); print (i < 1 ? 1 : i) }')
PACED_RATE=$(awk -v m="$MACHINES" -v i="$INTERVAL" 'BEGIN { printf "%.0f", m / i }')

echo "paced: $PACED_MINUTES min at one heartbeat per machine every $INTERVAL s (~$PACED_RATE/s, half the capacity); each minute: /api/v1/units, $COMMUNE's page data, /metrics, the coverage CSV"
# Each question once before the paced phase, not counted against the goals: a route's first call
# in a fresh JVM is compiled on the way (the reference had its warm-up too).
read -r w1 _ < <(timed /api/v1/units admin)
read -r w2 _ < <(page_data "$COMMUNE")
read -r w3 _ < <(timed /metrics)
read -r w4 _ < <(timed /api/v1/units.csv admin)
echo "  first calls (not counted): /api/v1/units $w1 s, page data $w2 s, /metrics $w3 s, units.csv $w4 s"
DB_BEFORE=$(du -sb "$TMP/ministry" | cut -f1)
c0=$(cpu_seconds)
java -Xmx1g -jar "$SIM" fleet --collector "$URL" --admin-token-file "$TMP/admin-token" \
  --connections "$CONNECTIONS" --machines "$MACHINES" --state "$TMP/machines.tsv" \
  --interval-seconds "$INTERVAL" --duration-seconds $((PACED_MINUTES * 60)) > "$TMP/paced.txt" 2>&1 &
PACED_PID=$!
UNITS_MAX=0; PAGE_MAX=0; METRICS_MAX=0; CSV_MAX=0
for minute in $(seq 1 "$PACED_MINUTES"); do
  sleep 50
  read -r us ub < <(timed /api/v1/units admin)
  read -r pd pu pc ph pm < <(page_data "$COMMUNE")
  read -r ms mb < <(timed /metrics)
  read -r cs cb < <(timed /api/v1/units.csv admin)
  echo "  minute $minute: /api/v1/units $us s ($ub bytes), page data $pd s (unit $pu, children $pc, history $ph, machines $pm), /metrics $ms s ($mb bytes), units.csv $cs s ($cb bytes), RSS $(rss_mib) MiB"
  UNITS_MAX=$(max "$UNITS_MAX" "$us"); PAGE_MAX=$(max "$PAGE_MAX" "$pd")
  METRICS_MAX=$(max "$METRICS_MAX" "$ms"); CSV_MAX=$(max "$CSV_MAX" "$cs")
done
wait "$PACED_PID" || FAILED=1
grep -E '^heartbeats' "$TMP/paced.txt" | sed 's/^/  /'
PACED_P99=$(p99 paced 'heartbeats')
PACED_ERRORS=$(errors paced 'heartbeats')
PACED_OK=$(grep -E '^heartbeats' "$TMP/paced.txt" | sed -E 's/.*, ([0-9]+) acknowledged.*/\1/')
echo "  collector: $(cpu_ms_per "$c0" "$(cpu_seconds)" "$PACED_OK") ms of CPU per heartbeat, the minute's questions and walks included"
DB_AFTER=$(du -sb "$TMP/ministry" | cut -f1)

# --- midnight ----------------------------------------------------------------------------------
# Midnight on a whole UTC minute at least 150 s away. The ministry has lived in the zone -12:00
# since before its first figure; it now moves to the fixed offset whose local midnight that is,
# on the same local date (a zone that went back a date would leave that date without figures).
MIDNIGHT=$(( ($(date +%s) + 150 + 59) / 60 * 60 ))
read -r ZONE LOCAL_DAY < <(python3 -c "
import datetime as dt
midnight = dt.datetime.fromtimestamp($MIDNIGHT, dt.timezone.utc).replace(tzinfo=None)
day = (midnight - dt.timedelta(minutes=1) - dt.timedelta(hours=12)).date()  # the date in -12:00
offset = int((dt.datetime.combine(day + dt.timedelta(days=1), dt.time()) - midnight).total_seconds() // 60)
assert abs(offset) <= 18 * 60, offset
print(('+' if offset >= 0 else '-') + '%02d:%02d' % divmod(abs(offset), 60), day)")
echo "midnight: the ministry's zone moves from -12:00 to $ZONE, so its day $LOCAL_DAY ends at $(date -u -d "@$MIDNIGHT" +%TZ); paced heartbeats go on"
ministry_zone "$ZONE" PUT "/$ROOT" || { echo "could not set the ministry's time zone" >&2; exit 1; }
MIDNIGHT_RUN=$((MIDNIGHT - $(date +%s) + 120))
java -Xmx1g -jar "$SIM" fleet --collector "$URL" --admin-token-file "$TMP/admin-token" \
  --connections "$CONNECTIONS" --machines "$MACHINES" --state "$TMP/machines.tsv" \
  --interval-seconds "$INTERVAL" --duration-seconds "$MIDNIGHT_RUN" --window-seconds 60 > "$TMP/midnight.txt" 2>&1 &
MIDNIGHT_PID=$!
recorded() { # unit: its figures of LOCAL_DAY are recorded (taken at the day's end)
  curl -sf -H "Authorization: Bearer $ADMIN" \
    "$URL/api/v1/units/$1/coverage-history?from=$LOCAL_DAY&to=$LOCAL_DAY" \
    | python3 -c "import json, sys; d = json.load(sys.stdin)['days']; sys.exit(0 if d and d[0]['status'] == 'recorded' else 1)" 2> /dev/null
}
while [ "$(date +%s)" -lt "$MIDNIGHT" ]; do sleep 0.5; done
RECORDED=
for i in $(seq 1 300); do
  if recorded "$COMMUNE" && recorded "$ROOT"; then
    RECORDED=$(awk -v a="$MIDNIGHT" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
    break
  fi
  sleep 0.5
done
wait "$MIDNIGHT_PID" || FAILED=1
BEFORE_P99=$(window_p99 midnight "$(date -u -d "@$((MIDNIGHT - 60))" +%FT%TZ)")
AFTER_P99=$(window_p99 midnight "$(date -u -d "@$MIDNIGHT" +%FT%TZ)")
grep -E '^(heartbeats|window)' "$TMP/midnight.txt" | sed 's/^/  /'
echo "  $ROOT's and $COMMUNE's day $LOCAL_DAY recorded ${RECORDED:-never} s after midnight; p99 the minute before ${BEFORE_P99:-?} ms, after ${AFTER_P99:-?} ms"
grep -iE 'daily figures|unit-days|day.s figures' "$TMP/collector.log" | tail -3 | sed 's/^/  log: /' || true

PEAK_MIB=$(hwm_mib)
t0=$(now)
stop "$COLLECTOR_PID"
STOP_SECONDS=$(since "$t0")

echo "disk: $TMP/ministry"
DB=$(ls "$TMP"/ministry/*.db | head -1)
# The machine-days on disk: one per machine for each local day that had a heartbeat (two after midnight).
python3 "$BENCH/storage.py" "$DB" "$MACHINES" 2 > "$TMP/storage.txt"
sed 's/^/  /' "$TMP/storage.txt" | tail -5
KEPT=$(sed -nE 's/^bytes kept per machine-day: ([0-9.]+).*/\1/p' "$TMP/storage.txt")
RAW_ROW=$(sed -nE 's/^raw model: ([0-9.]+) bytes per machine-hour row.*/\1/p' "$TMP/storage.txt")
RAW_BEAT=$(sed -nE 's/^raw model: .* \+ ([0-9.]+) bytes per heartbeat.*/\1/p' "$TMP/storage.txt")
BYTES_PER_BEAT=$(awk -v a="$DB_BEFORE" -v b="$DB_AFTER" -v n="$PACED_OK" 'BEGIN { printf "%.1f", (b - a) / n }')
echo "  data dir grew $(( (DB_AFTER - DB_BEFORE) / 1048576 )) MiB over $PACED_OK paced heartbeats: $BYTES_PER_BEAT bytes each, all tables"
# The paced phase beats each machine far less than once a minute, so its rows hold a heartbeat or
# two: the day at one a minute is worked out from the model (a row per machine-hour, 60 in it).
awk -v k="${KEPT:-0}" -v row="${RAW_ROW:-0}" -v beat="${RAW_BEAT:-0}" -v m="$MACHINES" 'BEGIN {
  gib = 1073741824
  raw = m * 24 * (row + 60 * beat) / gib; kept = k * m / gib
  printf "  at one heartbeat a minute, %d machines: raw heartbeats %.1f GiB a day (%.1f bytes each; kept rawHeartbeatRetentionDays, 2 by default: %.1f GiB);", m, raw, (row + 60 * beat) / 60, 2 * raw
  printf " day figures %.2f GiB a day, %.0f GiB a year; a year with the default retention: %.0f GiB\n", kept, 365 * kept, 365 * kept + 2 * raw }'

echo "restart"
start "$TMP/ministry"
read -r rs rb < <(timed /metrics)
read -r u1 _ < <(timed /api/v1/units admin)
read -r u2 _ < <(timed /api/v1/units admin)
echo "  ready after $READY_SECONDS s; /metrics $rs s ($rb bytes); /api/v1/units $u1 s, then $u2 s; RSS $(rss_mib) MiB"
stop "$COLLECTOR_PID"

echo "memory: peak $PEAK_MIB MiB with $MACHINES machines, $REFERENCE_MIB MiB with 1,000:" \
  "$(awk -v a="$PEAK_MIB" -v b="$REFERENCE_MIB" -v m="$MACHINES" 'BEGIN { printf "%.2f", (a - b) * 1024 / (m - 1000) }') KiB per machine"
echo "figures ($MACHINES machines, $UNITS units; stop took $STOP_SECONDS s)"
check "enroll: the whole fleet" "$ENROLL_SECONDS" '<=' 600 s
[ "$ENROLL_ERRORS" = '{}' ] || { echo "  enroll: errors $ENROLL_ERRORS  NOT MET"; FAILED=1; }
check "max-rate $CAPACITY/s vs reference $REFERENCE/s" \
  "$(awk -v a="$CAPACITY" -v b="$REFERENCE" 'BEGIN { printf "%.2f", a / b }')" '>=' 0.8 x
check "paced at ~$PACED_RATE/s: p99 latency" "$PACED_P99" '<=' 100 ms
if [ "$PACED_ERRORS" = '{}' ]; then printf '  %-52s %10s    met\n' "paced: errors" none
else echo "  paced: errors $PACED_ERRORS  NOT MET"; FAILED=1; fi
check "GET /api/v1/units ($UNITS units), slowest" "$UNITS_MAX" '<=' 0.2 s
check "one commune's page data, slowest" "$PAGE_MAX" '<=' 0.05 s
check "/metrics (per-unit series only), slowest" "$METRICS_MAX" '<=' 1 s
check "coverage CSV of the whole tree, slowest" "$CSV_MAX" '<=' 2 s
check "midnight: day's figures recorded after" "${RECORDED:-9999}" '<=' 60 s
check "midnight: p99 after / before" \
  "$(awk -v a="${AFTER_P99:-0}" -v b="${BEFORE_P99:-0}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 99) }')" '<=' 2 x
check "peak resident size (VmHWM)" "$PEAK_MIB" '<=' 3072 MiB
check "restart: time to /health/ready" "$READY_SECONDS" '<=' 30 s
check "restart: /metrics" "$rs" '<=' 1 s
check "restart: /api/v1/units, second call" "$u2" '<=' 0.2 s
exit "$FAILED"
