#!/usr/bin/env bash
# A soak on the shared path (issue 28 point 6): two collectors on one PostgreSQL behind HAProxy,
# the demo province's units (install/demo/units.csv) with --machines simulated PCs, every one of
# them sending one heartbeat a minute (the simulator's fleet mode, paced: --machines / 60 requests
# a second), one collector killed with -9 every --kill-every-minutes (the two in turn) and started
# again, PostgreSQL stopped for 20 s and started again once halfway.
# Afterwards: every acknowledged heartbeat is stored (acks.py over the simulator's --ack-log), the
# simulator's --verify figures (every unit) equal the collectors' answers through HAProxy, no
# heartbeat was answered 500, and each collector's RSS was printed every minute (flat after
# warm-up is the goal) with the simulator's acknowledged and failed heartbeats of that minute.
#
# Run as root from the repository root after `mvn -B -q -DskipTests package -pl collector,simulator -am`,
# with the Debian packages postgresql and haproxy installed:
#   collector/bench/soak.sh [--machines 20000] [--minutes 30] [--kill-every-minutes 10] [--keep]
# Exit status: 0 when nothing acknowledged was lost, the figures matched and no 500; 1 otherwise.
set -euo pipefail

MACHINES=20000
MINUTES=30
KILL_EVERY=10
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --machines) MACHINES=$2; shift 2 ;;
    --minutes) MINUTES=$2; shift 2 ;;
    --kill-every-minutes) KILL_EVERY=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
for v in MACHINES MINUTES KILL_EVERY; do
  case "${!v}" in
    '' | *[!0-9]* | 0) echo "$v must be a whole number >= 1, found: ${!v}" >&2; exit 2 ;;
  esac
done
BENCH=$(cd "$(dirname "$0")" && pwd)
JAR=collector/target/digiready-collector.jar
SIM=simulator/target/digiready-simulator.jar
for f in "$JAR" "$SIM" install/demo/units.csv; do
  [ -f "$f" ] || { echo "$f missing: run from the repository root after 'mvn -B -q -DskipTests package'" >&2; exit 2; }
done
# shellcheck source=collector/bench/pgcluster.sh
. "$BENCH/pgcluster.sh"
pg_cluster_check

TMP=$(mktemp -d "${TMPDIR:-/tmp}/digiready-soak.XXXXXX")
ADMIN=soak-admin-token-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$ADMIN" > "$TMP/admin-token"
chmod 600 "$TMP/admin-token"
declare -A PID PORT
HAPROXY_PID=
SIM_PID=
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for p in "$SIM_PID" "$HAPROXY_PID" "${PID[a]:-}" "${PID[b]:-}"; do [ -z "$p" ] || kill -9 "$p" 2> /dev/null || true; done
  [ -z "${PG_DIR:-}" ] || pg_cluster_stop 2> /dev/null || true
  if [ "$KEEP" = 1 ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_cluster_init "$TMP"
pg_cluster_start
pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres digiready

start_collector() { # a|b
  local c=$1
  mkdir -p "$TMP/data-$c"
  java -Xmx512m -jar "$JAR" serve --port "${PORT[$c]}" --bind-address 127.0.0.1 --data-dir "$TMP/data-$c" \
    --storage postgresql --jdbc-url "jdbc:postgresql://127.0.0.1:$PG_PORT/digiready" --jdbc-user postgres \
    --admin-token "$ADMIN" --enrollments-per-minute-per-token 100000 --heartbeat-rate-limit false \
    >> "$TMP/collector-$c.log" 2>&1 &
  PID[$c]=$!
  local i=0
  until curl -sf -o /dev/null "http://127.0.0.1:${PORT[$c]}/health/ready"; do
    if ! kill -0 "${PID[$c]}" 2> /dev/null || [ "$i" -gt 600 ]; then
      echo "collector $c not ready; its log:" >&2
      tail -30 "$TMP/collector-$c.log" >&2
      exit 1
    fi
    i=$((i + 1))
    sleep 0.1
  done
}
PORT[a]=$(free_port)
PORT[b]=$(free_port)
start_collector a
start_collector b
HPORT=$(free_port)
cat > "$TMP/haproxy.cfg" << EOF
global
    maxconn 4096
defaults
    mode http
    option forwardfor
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch
frontend digiready
    bind 127.0.0.1:$HPORT
    default_backend collectors
backend collectors
    balance roundrobin
    option httpchk GET /health/ready
    server a 127.0.0.1:${PORT[a]} check inter 1s fall 2 rise 2
    server b 127.0.0.1:${PORT[b]} check inter 1s fall 2 rise 2
EOF
haproxy -f "$TMP/haproxy.cfg" -db > "$TMP/haproxy.log" 2>&1 &
HAPROXY_PID=$!
sleep 1
URL=http://127.0.0.1:$HPORT
echo "PostgreSQL on $PG_PORT, collectors a=${PORT[a]} b=${PORT[b]}, HAProxy $URL; $MACHINES PCs for $MINUTES min, a kill -9 every $KILL_EVERY min"

# Paced: machine i beats at i/N of every minute, so the collectors see N/60 requests a second all
# along; --keep-going counts a heartbeat that a fault left unacknowledged instead of failing, and
# prints each minute's acknowledged and failed ones (by kind) as it ends.
java -Xmx1g -jar "$SIM" fleet --collector "$URL" --admin-token-file "$TMP/admin-token" \
  --tree install/demo/units.csv --machines "$MACHINES" --seed 28 --connections 64 \
  --interval-seconds 60 --duration-seconds $((MINUTES * 60)) --window-seconds 60 \
  --keep-going --ack-log "$TMP/acks.txt" --verify > "$TMP/simulator.log" 2>&1 &
SIM_PID=$!
# the enrolment's summary comes after any retries ("enroll: N machines ask again"): the beats follow it
until grep -qsE '^enroll: [0-9]+ requests' "$TMP/simulator.log" || ! kill -0 "$SIM_PID" 2> /dev/null; do sleep 1; done
if ! grep -qsE '^enroll: [0-9]+ requests' "$TMP/simulator.log"; then
  echo "the simulator stopped before its machines were enrolled; its log:" >&2
  grep -v '^\s*at ' "$TMP/simulator.log" | tail -20 >&2
  exit 1
fi
grep -sE '^(tree|enroll):' "$TMP/simulator.log" | sed 's/^/  simulator: /'

rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2> /dev/null || echo -; }
# The simulator's lines of each minute: "<end> answers in the 60 s before: N acknowledged, M failed {kind=count}".
SHOWN=0
sim_minutes() {
  local lines
  lines=$(grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}T.* answers in the ' "$TMP/simulator.log" || true)
  [ -z "$lines" ] || tail -n +$((SHOWN + 1)) <<< "$lines" | sed 's/^/    simulator: /'
  SHOWN=$( [ -z "$lines" ] && echo 0 || wc -l <<< "$lines")
}
STARTED=$(date +%s)
NEXT=a
PG_RESTARTED=0
minute=0
while kill -0 "$SIM_PID" 2> /dev/null; do
  # on the minute after the start, whatever a restart took meanwhile
  wait_s=$((STARTED + (minute + 1) * 60 - $(date +%s)))
  [ "$wait_s" -le 0 ] || sleep "$wait_s"
  kill -0 "$SIM_PID" 2> /dev/null || break
  minute=$((minute + 1))
  echo "  minute $minute: RSS a $(rss "${PID[a]}") MiB, b $(rss "${PID[b]}") MiB; acknowledged so far $(wc -l < "$TMP/acks.txt")"
  sim_minutes
  if [ $((minute % KILL_EVERY)) = 0 ] && [ "$minute" -lt "$MINUTES" ]; then
    echo "  minute $minute: kill -9 collector $NEXT (pid ${PID[$NEXT]}), started again after 5 s"
    kill -9 "${PID[$NEXT]}"
    wait "${PID[$NEXT]}" 2> /dev/null || true
    sleep 5
    start_collector "$NEXT"
    NEXT=$([ "$NEXT" = a ] && echo b || echo a)
  fi
  if [ "$PG_RESTARTED" = 0 ] && [ "$minute" -ge $((MINUTES / 2)) ]; then
    echo "  minute $minute: PostgreSQL stopped for 20 s and started again"
    pg_cluster_stop
    sleep 20
    pg_cluster_start
    PG_RESTARTED=1
  fi
done
FAILED=0
wait "$SIM_PID" || FAILED=1
SIM_PID=
sim_minutes
grep -E '^(heartbeats|verify|MISMATCH)' "$TMP/simulator.log" | sed 's/^/  simulator: /'
# the fleet's summary: "heartbeats: ... errors {HTTP 503=12, IOException=3}, ..."
ANSWERED_500=$(grep -E '^heartbeats' "$TMP/simulator.log" | grep -oE 'HTTP 500=[0-9]+' | cut -d= -f2 || true)
echo "  heartbeats answered 500: ${ANSWERED_500:-0}"
[ "${ANSWERED_500:-0}" = 0 ] || FAILED=1
grep -q '^verify: every unit matches' "$TMP/simulator.log" || FAILED=1
for c in a b; do
  echo "  collector $c log: $(grep -c ' ERROR ' "$TMP/collector-$c.log" || true) ERROR lines ($(grep -c 'deadlock detected' "$TMP/collector-$c.log" || true) of them deadlocks), $(grep -cE '^\s+at ' "$TMP/collector-$c.log" || true) stack trace lines"
done
echo "acknowledged heartbeats against what the collectors hold (through HAProxy)"
python3 "$BENCH/acks.py" "$URL" "$ADMIN" "$TMP/acks.txt" > "$TMP/acks-check.txt" || FAILED=1
tail -5 "$TMP/acks-check.txt" | sed 's/^/  /'
echo "soak: $((($(date +%s) - STARTED) / 60)) min; $([ "$FAILED" = 0 ] && echo 'nothing acknowledged lost, figures matched' || echo 'FAILED')"
exit "$FAILED"
