#!/usr/bin/env bash
# The 100,000-PC run of one collector node (issue 13): a province of simulated agents over real HTTP,
# measured against a 1,000-machine reference run of the same jar in the same run. See README.md.
#
# Run from the repository root after `mvn -B -q -DskipTests package`:
#   collector/bench/fleet.sh [--machines 100000] [--units 100] [--beat-minutes 10]
#                            [--max-rate-seconds 60] [--connections 64] [--keep]
# It prints, and checks against the issue's targets:
#   reference   1,000 machines, heartbeats as fast as taken after a 30 s warm-up (the same jar, a small fleet)
#   enroll      every machine enrolled (one token per unit)
#   steady      one heartbeat per machine per minute for --beat-minutes; p99 <= 100 ms, no error;
#               /metrics and GET /api/v1/units timed once a minute meanwhile
#   max-rate    heartbeats as fast as taken with the whole fleet: >= 0.8 x the reference
#   memory      the collector's peak resident size (VmHWM) <= 1.5 GiB
#   restart     time to /health/ready <= 15 s; /metrics <= 1 s without per-machine series
#               (<= 5 s with them, measured during the steady phase); /api/v1/units <= 200 ms
# Exit status: 0 when every target was met, 1 otherwise, 2 on a usage error.
set -euo pipefail

usage() {
  sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

MACHINES=100000
UNITS=100
BEAT_MINUTES=10
MAX_RATE_SECONDS=60
CONNECTIONS=64
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --machines) MACHINES=$2; shift 2 ;;
    --units) UNITS=$2; shift 2 ;;
    --beat-minutes) BEAT_MINUTES=$2; shift 2 ;;
    --max-rate-seconds) MAX_RATE_SECONDS=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done
for v in MACHINES UNITS BEAT_MINUTES MAX_RATE_SECONDS CONNECTIONS; do
  case "${!v}" in
    '' | *[!0-9]*) echo "$v must be a whole number, found: ${!v}" >&2; exit 2 ;;
  esac
done
if [ "$MACHINES" -lt 1000 ] || [ "$UNITS" -lt 1 ] || [ "$BEAT_MINUTES" -lt 1 ] \
  || [ "$MAX_RATE_SECONDS" -lt 1 ] || [ "$CONNECTIONS" -lt 1 ]; then
  echo "need machines >= 1000 and every other figure >= 1" >&2
  exit 2
fi

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

stop() { # pid: TERM, then KILL after 30 s
  local pid=$1 i=0
  [ -n "$pid" ] || return 0
  kill "$pid" 2> /dev/null || return 0
  while kill -0 "$pid" 2> /dev/null && [ "$i" -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
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

# Starts the collector on a data dir (extra serve flags after it) and prints the seconds to ready.
start() { # data-dir [serve flags...]
  local dir=$1 t0 i=0
  shift
  mkdir -p "$dir"
  t0=$(now)
  # The simulated province enrolls and beats far faster per token than real agents: the per-token
  # enrollment rate and the heartbeat rate limit are off; the heap is the one the install guide gives.
  java -Xmx1g -jar "$JAR" serve --port "$PORT" --bind-address 127.0.0.1 --data-dir "$dir" \
    --admin-token "$ADMIN" --enrollments-per-minute-per-token 100000 --heartbeat-rate-limit false \
    "$@" >> "$TMP/collector.log" 2>&1 &
  COLLECTOR_PID=$!
  until curl -sf -o /dev/null "$URL/health/ready"; do
    if ! kill -0 "$COLLECTOR_PID" 2> /dev/null || [ "$i" -gt 1500 ]; then
      echo "collector not ready; its log:" >&2
      tail -50 "$TMP/collector.log" >&2
      exit 1
    fi
    i=$((i + 1))
    sleep 0.1
  done
  READY_SECONDS=$(since "$t0")
}

timed() { # path [auth] -> "seconds bytes"
  if [ "${2:-}" = admin ]; then
    curl -sf -o /dev/null -w '%{time_total} %{size_download}\n' -H "Authorization: Bearer $ADMIN" "$URL$1"
  else
    curl -sf -o /dev/null -w '%{time_total} %{size_download}\n' "$URL$1"
  fi
}

check() { # label measured op limit unit
  if awk -v m="$2" -v l="$4" -v op="$3" 'BEGIN { exit !(op == "<=" ? m <= l : m >= l) }'; then
    printf '  %-46s %10s %s  (target %s %s)  met\n' "$1" "$2" "$5" "$3" "$4"
  else
    printf '  %-46s %10s %s  (target %s %s)  NOT MET\n' "$1" "$2" "$5" "$3" "$4"
    FAILED=1
  fi
}

fleet() { # log-name simulator-args...
  local name=$1
  shift
  if ! java -Xmx2g -jar "$SIM" fleet --collector "$URL" --admin-token-file "$TMP/admin-token" \
    --connections "$CONNECTIONS" "$@" > "$TMP/$name.txt" 2>&1; then
    echo "simulator ($name) failed:" >&2
    cat "$TMP/$name.txt" >&2
    FAILED=1
  fi
  grep -E '^(enroll|heartbeats)' "$TMP/$name.txt" | sed 's/^/  /'
}

rate() { grep -E "^$2" "$TMP/$1.txt" | sed -E 's/.*\(([0-9]+)\/s\).*/\1/' | tail -1; }
p99() { grep -E "^$2" "$TMP/$1.txt" | sed -E 's/.*p99 ([0-9.]+) ms.*/\1/' | tail -1; }
errors() { grep -E "^$2" "$TMP/$1.txt" | sed -E 's/.*errors (\{[^}]*\}).*/\1/' | tail -1; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# --- reference: the same jar with 1,000 machines ----------------------------------------------
echo "reference: 1000 machines in 10 units, heartbeats as fast as taken for $MAX_RATE_SECONDS s (after a 30 s warm-up)"
start "$TMP/reference"
# The province's collector has run for minutes when its max-rate phase comes: warm this one's JIT too.
fleet reference-warmup --machines 1000 --units 10 --root reference --state "$TMP/reference.tsv" \
  --max-rate --duration-seconds 30 > /dev/null
fleet reference --machines 1000 --units 10 --root reference --state "$TMP/reference.tsv" --max-rate \
  --duration-seconds "$MAX_RATE_SECONDS"
REFERENCE=$(rate reference 'heartbeats')
stop "$COLLECTOR_PID"

# --- the province ------------------------------------------------------------------------------
echo "province: $MACHINES machines in $UNITS units"
start "$TMP/province"
fleet enroll --machines "$MACHINES" --units "$UNITS" --state "$TMP/machines.tsv" --duration-seconds 0

echo "steady: one heartbeat per machine per minute for $BEAT_MINUTES min; /metrics and /api/v1/units each minute"
java -Xmx2g -jar "$SIM" fleet --collector "$URL" --admin-token-file "$TMP/admin-token" \
  --connections "$CONNECTIONS" --machines "$MACHINES" --units "$UNITS" --state "$TMP/machines.tsv" \
  --interval-seconds 60 --duration-seconds $((BEAT_MINUTES * 60)) > "$TMP/steady.txt" 2>&1 &
STEADY_PID=$!
METRICS_MAX=0
UNITS_MAX=0
for minute in $(seq 1 "$BEAT_MINUTES"); do
  sleep 55
  read -r ms mb < <(timed /metrics)
  read -r us ub < <(timed /api/v1/units admin)
  echo "  minute $minute: /metrics $ms s ($mb bytes), /api/v1/units $us s ($ub bytes), RSS $(awk '/VmRSS/ { print $2 / 1024 " MiB" }' "/proc/$COLLECTOR_PID/status")"
  METRICS_MAX=$(awk -v a="$METRICS_MAX" -v b="$ms" 'BEGIN { print (b > a ? b : a) }')
  UNITS_MAX=$(awk -v a="$UNITS_MAX" -v b="$us" 'BEGIN { print (b > a ? b : a) }')
done
wait "$STEADY_PID" || FAILED=1
grep -E '^heartbeats' "$TMP/steady.txt" | sed 's/^/  /'
STEADY_P99=$(p99 steady 'heartbeats')
STEADY_ERRORS=$(errors steady 'heartbeats')

echo "max-rate: the whole fleet, heartbeats as fast as taken for $MAX_RATE_SECONDS s"
fleet max-rate --machines "$MACHINES" --units "$UNITS" --state "$TMP/machines.tsv" --max-rate \
  --duration-seconds "$MAX_RATE_SECONDS"
PROVINCE_RATE=$(rate max-rate 'heartbeats')
PEAK_MIB=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$COLLECTOR_PID/status")
DB_MIB=$(du -sm "$TMP/province" | cut -f1)
t0=$(now)
stop "$COLLECTOR_PID"
STOP_SECONDS=$(since "$t0")

echo "restart without per-machine series"
start "$TMP/province" --metrics-per-machine false
read -r rs rb < <(timed /metrics)
read -r u1 _ < <(timed /api/v1/units admin)
read -r u2 _ < <(timed /api/v1/units admin)
echo "  ready after $READY_SECONDS s; /metrics $rs s ($rb bytes); /api/v1/units $u1 s, then $u2 s"
stop "$COLLECTOR_PID"

echo "figures"
echo "  data dir after the run: $DB_MIB MiB; stop took $STOP_SECONDS s"
check "steady heartbeats: p99 latency" "$STEADY_P99" '<=' 100 ms
if [ "$STEADY_ERRORS" = '{}' ]; then echo "  steady heartbeats: no error                                             met"
else echo "  steady heartbeats: errors $STEADY_ERRORS  NOT MET"; FAILED=1; fi
check "max-rate vs reference ($REFERENCE/s)" \
  "$(awk -v a="$PROVINCE_RATE" -v b="$REFERENCE" 'BEGIN { printf "%.2f", a / b }')" '>=' 0.8 x
check "peak resident size (VmHWM)" "$PEAK_MIB" '<=' 1536 MiB
check "/metrics with per-machine series, slowest" "$METRICS_MAX" '<=' 5 s
check "/api/v1/units during the run, slowest" "$UNITS_MAX" '<=' 0.2 s
check "restart: time to /health/ready" "$READY_SECONDS" '<=' 15 s
check "restart: /metrics without per-machine series" "$rs" '<=' 1 s
check "restart: /api/v1/units, second call" "$u2" '<=' 0.2 s
exit "$FAILED"
