#!/usr/bin/env bash
# A soak on the shared path (issue 28 point 6): two collectors on one PostgreSQL behind HAProxy,
# a simulated district of PCs at one heartbeat a minute, one collector killed with -9 every
# --kill-every-minutes (the two in turn) and started again, PostgreSQL restarted once halfway.
# Afterwards: every acknowledged heartbeat is stored (acks.py over the simulator's --ack-log), the
# simulator's --verify figures equal the collectors' answers, and each collector's RSS was printed
# every minute (flat after warm-up is the goal).
#
# Run as root from the repository root after `mvn -B -q -DskipTests package`, with the Debian
# packages postgresql and haproxy installed:
#   collector/bench/soak.sh [--machines 20000] [--minutes 30] [--kill-every-minutes 10] [--keep]
# Exit status: 0 when nothing acknowledged was lost and the figures matched, 1 otherwise.
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
    *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
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
[ "$(id -u)" = 0 ] || { echo "run as root: PostgreSQL's programs run as the postgres user through runuser" >&2; exit 2; }
PG_BIN=$(find /usr/lib/postgresql -maxdepth 3 -name initdb -path '*/bin/*' 2> /dev/null | sort -V | tail -1 | xargs -r dirname)
[ -n "$PG_BIN" ] || { echo "initdb not found: apt-get install postgresql" >&2; exit 2; }
command -v haproxy > /dev/null || { echo "haproxy is not installed: apt-get install haproxy" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/digiready-soak.XXXXXX")
chmod 755 "$TMP"
mkdir "$TMP/pg"
chown postgres: "$TMP/pg"
ADMIN=soak-admin-token-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$ADMIN" > "$TMP/admin-token"
chmod 600 "$TMP/admin-token"
declare -A PID PORT
HAPROXY_PID=
SIM_PID=
pg() { runuser -u postgres -- "$@"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for p in "$SIM_PID" "$HAPROXY_PID" "${PID[a]:-}" "${PID[b]:-}"; do [ -z "$p" ] || kill -9 "$p" 2> /dev/null || true; done
  pg "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -m fast stop > /dev/null 2>&1 || true
  if [ "$KEEP" = 1 ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PGPORT=$(free_port)
pg "$PG_BIN/initdb" -A trust -U postgres -D "$TMP/pg/data" > "$TMP/initdb.log"
pg_start() {
  pg "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -l "$TMP/pg/server.log" -w \
    -o "-k $TMP/pg -c listen_addresses=127.0.0.1 -p $PGPORT -c max_connections=200" start > /dev/null
}
pg_start
pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres digiready

start_collector() { # a|b
  local c=$1
  mkdir -p "$TMP/data-$c"
  java -Xmx512m -jar "$JAR" serve --port "${PORT[$c]}" --bind-address 127.0.0.1 --data-dir "$TMP/data-$c" \
    --storage postgresql --jdbc-url "jdbc:postgresql://127.0.0.1:$PGPORT/digiready" --jdbc-user postgres \
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
echo "PostgreSQL on $PGPORT, collectors a=${PORT[a]} b=${PORT[b]}, HAProxy $URL; $MACHINES PCs for $MINUTES min, a kill -9 every $KILL_EVERY min"

java -Xmx2g -jar "$SIM" district --collector "$URL" --admin-token-file "$TMP/admin-token" \
  --units install/demo/units.csv --machines "$MACHINES" --seed 28 --verify --keep-beating \
  --keep-beating-minutes "$MINUTES" --ack-log "$TMP/acks.txt" > "$TMP/simulator.log" 2>&1 &
SIM_PID=$!
until grep -qs '^verify' "$TMP/simulator.log" || ! kill -0 "$SIM_PID" 2> /dev/null; do sleep 2; done
if ! grep -s '^verify' "$TMP/simulator.log" | sed 's/^/  simulator: /' | grep .; then
  echo "the simulator stopped before its district was played; its log:" >&2
  grep -v '^\s*at ' "$TMP/simulator.log" | tail -20 >&2
  exit 1
fi

rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2> /dev/null || echo -; }
STARTED=$(date +%s)
NEXT=a
PG_RESTARTED=0
minute=0
while kill -0 "$SIM_PID" 2> /dev/null; do
  sleep 60
  minute=$((minute + 1))
  echo "  minute $minute: RSS a $(rss "${PID[a]}") MiB, b $(rss "${PID[b]}") MiB; acknowledged so far $(wc -l < "$TMP/acks.txt")"
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
    pg "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -m fast stop > /dev/null
    sleep 20
    pg_start
    PG_RESTARTED=1
  fi
done
FAILED=0
wait "$SIM_PID" || FAILED=1
SIM_PID=
grep -E '^(keep-beating|verify at the end|MISMATCH)' "$TMP/simulator.log" | sed 's/^/  simulator: /'
grep -E 'heartbeat failed' "$TMP/simulator.log" | sed 's/^/  simulator: /' | head -10
ANSWERED_500=$(grep -c 'heartbeat failed.* 500' "$TMP/simulator.log" || true)
echo "  heartbeats answered 500: $ANSWERED_500"
[ "$ANSWERED_500" = 0 ] || FAILED=1
for c in a b; do
  echo "  collector $c log: $(grep -c ' ERROR ' "$TMP/collector-$c.log" || true) ERROR lines, $(grep -cE '^\s+at ' "$TMP/collector-$c.log" || true) stack trace lines"
done
echo "acknowledged heartbeats against what the collectors hold (through HAProxy)"
python3 "$BENCH/acks.py" "$URL" "$ADMIN" "$TMP/acks.txt" > "$TMP/acks-check.txt" || FAILED=1
tail -5 "$TMP/acks-check.txt" | sed 's/^/  /'
echo "soak: $((($(date +%s) - STARTED) / 60)) min; $([ "$FAILED" = 0 ] && echo 'nothing acknowledged lost, figures matched' || echo 'FAILED')"
exit "$FAILED"
