#!/usr/bin/env bash
# Load benchmark of the collector's heartbeat ingest against a no-op Javalin endpoint, same run,
# same cores, same wrk settings and the same request bodies. See collector/bench/README.md.
#
# Run from the repository root after `mvn -B -q -DskipTests package`:
#   collector/bench/run.sh single [--machines 1000] [--connections 64] [--duration 30] [--warmup 10]
#   collector/bench/run.sh batch  [--machines 200]  [--connections 8]  [--batch 500]   [--duration 30]
# Other options: --threads T (wrk threads, default 2), --interval S (seconds between the agentTimes
# of a batch, default 60), --no-noop (collector only), --keep (keep the temp dir and print its path),
# --jfr FILE (record the collector with JDK Flight Recorder, warm-up included, into FILE); anything
# after -- goes to `serve` (e.g. -- --sqlite-synchronous NORMAL --metrics-per-machine false).
# --rounds R (default 1) measures R times: with the no-op, both servers run from the start and the
# measured phases alternate collector, no-op, collector, ... so that both see the same minutes of a
# shared machine; each round prints its ratio, the table the totals (p50/p99: the worst round).
# --noop-jetty: the no-op answers from a Jetty handler in front of Javalin, as the collector's
# heartbeat route is served (a ceiling without Javalin's work); the issue's ceiling is the default.
# --second-collector starts a second collector with the same `serve` flags (a shared PostgreSQL
# database, e.g. -- --storage postgresql --jdbc-url ...) and drives both through HAProxy
# (round robin, as install/haproxy/haproxy.cfg); counters and CPU are the two collectors' sums.
# Exit status: 0 when every request got a 2xx and no heartbeat was a duplicate, 1 otherwise, 2 on a
# usage error.
set -euo pipefail

usage() {
  sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

MODE=${1:-}
case "$MODE" in
  single) MACHINES=1000; CONNECTIONS=64; BATCH=1 ;;
  batch) MACHINES=200; CONNECTIONS=8; BATCH=500 ;;
  *) usage ;;
esac
shift
DURATION=30
WARMUP=10
THREADS=2
INTERVAL=60
NOOP=1
NOOP_MODE=
KEEP=0
SECOND=0
ROUNDS=1
JFR=
SERVE_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --machines) MACHINES=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --interval) INTERVAL=$2; shift 2 ;;
    --no-noop) NOOP=0; shift ;;
    --noop-jetty) NOOP_MODE=jetty; shift ;;
    --second-collector) SECOND=1; shift ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --jfr) JFR=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --) shift; SERVE_ARGS=("$@"); break ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done
for v in MACHINES CONNECTIONS BATCH DURATION WARMUP THREADS INTERVAL ROUNDS; do
  case "${!v}" in
    '' | *[!0-9]*) echo "$v must be a whole number, found: ${!v}" >&2; exit 2 ;;
  esac
done
if [ "$THREADS" -lt 1 ] || [ "$CONNECTIONS" -lt "$THREADS" ] || [ "$DURATION" -lt 1 ] \
  || [ "$BATCH" -lt 1 ] || [ "$BATCH" -gt 1000 ] || [ "$ROUNDS" -lt 1 ]; then
  echo "need threads >= 1, connections >= threads, duration >= 1, 1 <= batch <= 1000, rounds >= 1" >&2
  exit 2
fi
# A machine comes round again only after every other machine of its wrk thread, so two requests of
# one machine are never in flight together (their seqs could then arrive out of order).
if [ "$MACHINES" -lt $((2 * CONNECTIONS)) ]; then
  echo "need machines >= 2 x connections ($((2 * CONNECTIONS))), found $MACHINES" >&2
  exit 2
fi

BENCH=$(cd "$(dirname "$0")" && pwd)
# COLLECTOR_JAR measures another build (an older commit's jar, for a before/after comparison).
JAR=${COLLECTOR_JAR:-collector/target/digiready-collector.jar}
[ -f "$JAR" ] || { echo "$JAR missing: run from the repository root after 'mvn -B -q -DskipTests package'" >&2; exit 2; }
tools=(java wrk python3 curl)
[ "$SECOND" = 0 ] || tools+=(haproxy)
for tool in "${tools[@]}"; do
  command -v "$tool" > /dev/null || { echo "$tool is not installed" >&2; exit 2; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/digiready-bench.XXXXXX")
ADMIN=bench-admin-token-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
COLLECTOR_PID=
COLLECTOR2_PID=
HAPROXY_PID=
NOOP_PID=
WRK_PID=

stop() { # pid: TERM, then KILL after 10 s
  local pid=$1 i=0
  [ -n "$pid" ] || return 0
  kill "$pid" 2> /dev/null || return 0
  while kill -0 "$pid" 2> /dev/null && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop "$WRK_PID"
  stop "$NOOP_PID"
  stop "$HAPROXY_PID"
  stop "$COLLECTOR2_PID"
  stop "$COLLECTOR_PID"
  if [ "$KEEP" = 1 ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_ready() { # name pid url log
  local i=0
  until curl -sf -o /dev/null "$3"; do
    if ! kill -0 "$2" 2> /dev/null; then
      echo "$1 exited before it was ready; its log:" >&2
      cat "$4" >&2
      exit 1
    fi
    i=$((i + 1))
    if [ "$i" -gt 300 ]; then
      echo "$1 not ready after 60 s; its log:" >&2
      cat "$4" >&2
      exit 1
    fi
    sleep 0.2
  done
}

cpu_seconds() { # "pid [pid]" -> user + system CPU seconds so far, summed
  local pid files=()
  for pid in $1; do files+=("/proc/$pid/stat"); done
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); t += $12 + $13 } END { printf "%.2f", t / hz }' "${files[@]}"
}

field() { # "BENCH k=v ..." key
  printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

busy_seconds() { # CPU seconds the whole machine has spent busy since boot (all cores)
  awk -v hz="$(getconf CLK_TCK)" '$1 == "cpu" { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz; exit }' /proc/stat
}

seconds_of() { # "1m2.345s" (bash's times) -> 62.345
  awk -v t="$1" 'BEGIN { split(t, a, "m"); sub("s", "", a[2]); printf "%.2f", a[1] * 60 + a[2] }'
}

thread_ticks() { # "pid [pid]" -> one line per thread: tid <TAB> name <TAB> CPU ticks so far
  local pid f
  for pid in $1; do
    for f in /proc/"$pid"/task/*/stat; do cat "$f" 2> /dev/null || true; done
  done | awk '{
    i = index($0, "("); j = index($0, ") ")
    split(substr($0, j + 2), a, " ")
    printf "%s\t%s\t%d\n", $1, substr($0, i + 1, j - i - 1), a[12] + a[13]
  }'
}

# CPU per request by kind of thread between two thread_ticks snapshots, in microseconds: the
# request threads (Jetty's pool, its selectors too), the writer, the answer thread, and the rest
# (GC, JIT, VM). A thread that ended in between loses its share; a new one counts from zero.
thread_split() { # before-file after-file requests
  awk -F '\t' -v hz="$(getconf CLK_TCK)" -v n="$3" '
    FNR == NR { before[$1] = $3; next }
    {
      if ($2 ~ /^JettyServer/) g = "Jetty"; else if ($2 ~ /^digiready-writ/) g = "writer"
      else if ($2 ~ /^digiready-answ/) g = "answers"; else g = "other"
      d[g] += $3 - (($1 in before) ? before[$1] : 0)
    }
    END {
      out = ""
      split("Jetty writer answers other", order, " ")
      for (k = 1; k <= 4; k++) if (order[k] in d) out = out (out == "" ? "" : ", ") order[k] " " sprintf("%.0f", d[order[k]] / hz / n * 1e6)
      print out
    }' "$1" "$2"
}

# Runs wrk (in the background, so that a signal reaches the trap at once) against a server and
# sets LINE (the BENCH line of heartbeat.lua's done()), and the CPU seconds used meanwhile by the
# server (CPU_SERVER), by wrk (CPU_WRK) and by the whole machine (CPU_BUSY).
drive() { # url seq_base seconds label server_pid
  local out="$TMP/wrk-$4.txt" s0 b0
  s0=$(cpu_seconds "$5")
  b0=$(busy_seconds)
  thread_ticks "$5" > "$out.threads0"
  (
    BENCH_MACHINES_FILE="$TMP/machines.txt" BENCH_THREADS=$THREADS BENCH_BATCH=$BATCH \
      BENCH_MACHINES=$MACHINES BENCH_SEQ_BASE=$2 BENCH_INTERVAL=$INTERVAL \
      wrk -t "$THREADS" -c "$CONNECTIONS" -d "${3}s" --timeout 10s -s "$BENCH/heartbeat.lua" "$1" \
      > "$out" 2>&1 &
    w=$!
    trap 'kill "$w" 2> /dev/null' INT TERM
    status=0
    wait "$w" || status=$?
    times > "$out.times" # line 2: user and system time of this subshell's children, i.e. wrk
    exit "$status"
  ) &
  WRK_PID=$!
  if ! wait "$WRK_PID"; then
    WRK_PID=
    echo "wrk failed ($4):" >&2
    cat "$out" >&2
    exit 1
  fi
  WRK_PID=
  thread_ticks "$5" > "$out.threads1"
  CPU_SERVER=$(awk -v a="$s0" -v b="$(cpu_seconds "$5")" 'BEGIN { printf "%.2f", b - a }')
  CPU_BUSY=$(awk -v a="$b0" -v b="$(busy_seconds)" 'BEGIN { printf "%.2f", b - a }')
  read -r user system < <(sed -n 2p "$out.times")
  CPU_WRK=$(awk -v u="$(seconds_of "$user")" -v s="$(seconds_of "$system")" 'BEGIN { printf "%.2f", u + s }')
  LINE=$(grep '^BENCH ' "$out" || true)
  if [ -z "$LINE" ]; then
    echo "wrk printed no BENCH line ($4):" >&2
    cat "$out" >&2
    exit 1
  fi
  echo "  $LINE"
  echo "  CPU seconds: server $CPU_SERVER, wrk $CPU_WRK, whole machine $CPU_BUSY (of $(($3 * $(nproc))) available); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  server CPU per request by thread, µs: $(thread_split "$out.threads0" "$out.threads1" "$(field "$LINE" requests)")"
}

metric() { # series (name{labels}, exactly as /metrics writes it) -> the collectors' sum, 0 when absent
  local url
  for url in "${COLLECTORS[@]}"; do curl -sf "$url/metrics"; done \
    | awk -v s="$1" '$1 == s { v += $2 } END { printf "%.6f", v + 0 }'
}
int() { printf '%.0f' "$1"; }

# One BENCH line for several measured phases: counts summed, requests/s from the sums, latencies
# (p50, p90, p99, max) and maxseq the largest of the phases.
combine() { # "BENCH k=v ..." ...
  printf '%s\n' "$@" | awk '{
      for (i = 2; i <= NF; i++) {
        split($i, kv, "=")
        if (!(kv[1] in s)) { order[++n] = kv[1]; s[kv[1]] = 0 }
        if (kv[1] ~ /^(requests|duration_us|non2xx|connect|read|write|timeout)$/) s[kv[1]] += kv[2]
        else if (kv[2] + 0 > s[kv[1]]) s[kv[1]] = kv[2] + 0
      }
    }
    END {
      s["rps"] = s["duration_us"] > 0 ? s["requests"] * 1e6 / s["duration_us"] : 0
      out = "BENCH"
      for (i = 1; i <= n; i++) out = out " " order[i] "=" (order[i] == "rps" ? sprintf("%.1f", s["rps"]) : s[order[i]])
      print out
    }'
}

sum_cpu() { # "server wrk busy" ... -> the sums
  printf '%s\n' "$@" | awk '{ a += $1; b += $2; c += $3 } END { printf "%.2f %.2f %.2f", a, b, c }'
}

start_noop() {
  NPORT=$(free_port)
  java -Xmx1g -cp "$JAR" "$BENCH/NoopServer.java" "$NPORT" $NOOP_MODE > "$TMP/noop.log" 2>&1 &
  NOOP_PID=$!
  wait_ready no-op "$NOOP_PID" "http://127.0.0.1:$NPORT/health/ready" "$TMP/noop.log"
}

warm_noop() {
  echo "warm-up: no-op, ${WARMUP} s"
  if [ "$WARMUP" -gt 0 ]; then
    drive "http://127.0.0.1:$NPORT" 0 "$WARMUP" noop-warmup "$NOOP_PID"
  fi
}

# Requests that wrk abandoned at its end are still committed by the collector: wait until the
# accepted counter stops moving (0.5 s without change, at most 30 s) before reading the counters.
settle() {
  local before after i=0
  after=$(metric "$ACCEPTED")
  while [ "$i" -lt 60 ]; do
    sleep 0.5
    before=$after
    after=$(metric "$ACCEPTED")
    [ "$before" != "$after" ] || return 0
    i=$((i + 1))
  done
}

ACCEPTED='digiready_reports_received_total{kind="heartbeat",outcome="accepted"}'
DUPLICATE='digiready_reports_received_total{kind="heartbeat",outcome="duplicate"}'

# --- the collector ---------------------------------------------------------------------------
PORT=$(free_port)
COLLECTOR=http://127.0.0.1:$PORT
mkdir "$TMP/data"
# What one commit waits for at synchronous=FULL: an fsync of the disk under the data dir.
python3 - "$TMP/data/fsync-probe" << 'EOF'
import os, statistics, sys, time
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_APPEND)
times = []
for _ in range(50):
    os.write(fd, b"x" * 4096)
    t = time.perf_counter()
    os.fsync(fd)
    times.append((time.perf_counter() - t) * 1000)
os.close(fd)
os.unlink(sys.argv[1])
print(f"fsync of the data dir's disk: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms (50 appends of 4 KiB)")
EOF
JAVA_FLAGS=(-Xmx1g)
if [ -n "$JFR" ]; then
  JAVA_FLAGS+=("-XX:StartFlightRecording=filename=$JFR,settings=${JFR_SETTINGS:-profile},dumponexit=true")
fi
# The benchmark enrolls all its machines with one token and sends as fast as it is answered, far
# faster than real agents: the per-token enrollment rate and the heartbeat rate limit are off.
java "${JAVA_FLAGS[@]}" -jar "$JAR" serve --port "$PORT" --bind-address 127.0.0.1 --data-dir "$TMP/data" \
  --admin-token "$ADMIN" --enrollments-per-minute-per-token 100000 --heartbeat-rate-limit false \
  ${SERVE_ARGS[@]+"${SERVE_ARGS[@]}"} > "$TMP/collector.log" 2>&1 &
COLLECTOR_PID=$!
wait_ready collector "$COLLECTOR_PID" "$COLLECTOR/health/ready" "$TMP/collector.log"
COLLECTORS=("$COLLECTOR")
SERVERS=$COLLECTOR_PID
TARGET=$COLLECTOR
if [ "$SECOND" = 1 ]; then
  PORT2=$(free_port)
  mkdir "$TMP/data2"
  java "${JAVA_FLAGS[@]}" -jar "$JAR" serve --port "$PORT2" --bind-address 127.0.0.1 --data-dir "$TMP/data2" \
    --admin-token "$ADMIN" --enrollments-per-minute-per-token 100000 --heartbeat-rate-limit false \
    ${SERVE_ARGS[@]+"${SERVE_ARGS[@]}"} > "$TMP/collector2.log" 2>&1 &
  COLLECTOR2_PID=$!
  wait_ready "second collector" "$COLLECTOR2_PID" "http://127.0.0.1:$PORT2/health/ready" "$TMP/collector2.log"
  HPORT=$(free_port)
  cat > "$TMP/haproxy.cfg" << EOF
global
    maxconn 4096
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout http-keep-alive 60s
frontend digiready
    bind 127.0.0.1:$HPORT
    default_backend collectors
backend collectors
    balance roundrobin
    server collector1 127.0.0.1:$PORT
    server collector2 127.0.0.1:$PORT2
EOF
  haproxy -f "$TMP/haproxy.cfg" -db > "$TMP/haproxy.log" 2>&1 &
  HAPROXY_PID=$!
  wait_ready haproxy "$HAPROXY_PID" "http://127.0.0.1:$HPORT/health/ready" "$TMP/haproxy.log"
  COLLECTORS+=("http://127.0.0.1:$PORT2")
  SERVERS="$COLLECTOR_PID $COLLECTOR2_PID"
  TARGET=http://127.0.0.1:$HPORT
  echo "two collectors ($PORT, $PORT2) behind HAProxy ($HPORT); HAProxy's CPU counts under others"
fi
python3 "$BENCH/enroll.py" "$COLLECTOR" "$ADMIN" "$MACHINES" "$TMP/machines.txt"
INTERLEAVED=0
if [ "$NOOP" = 1 ] && [ "$ROUNDS" -gt 1 ]; then
  INTERLEAVED=1
  start_noop
fi

echo "warm-up: collector, ${WARMUP} s"
SEQ=0
if [ "$WARMUP" -gt 0 ]; then
  drive "$TARGET" "$SEQ" "$WARMUP" collector-warmup "$SERVERS"
  SEQ=$(field "$LINE" maxseq)
fi
[ "$INTERLEAVED" = 0 ] || warm_noop
settle
acc0=$(int "$(metric "$ACCEPTED")")
dup0=$(int "$(metric "$DUPLICATE")")
commits0=$(int "$(metric digiready_writer_commit_seconds_count)")
commit_s0=$(metric digiready_writer_commit_seconds_sum)
group0=$(int "$(metric digiready_writer_group_size_sum)")
C_LINES=()
C_CPUS=()
N_LINES=()
N_CPUS=()
ROUND_RATIOS=()
for round in $(seq 1 "$ROUNDS"); do
  label=collector
  [ "$ROUNDS" = 1 ] || label=collector-$round
  echo "measure: collector, ${DURATION} s$([ "$ROUNDS" = 1 ] || echo ", round $round of $ROUNDS")"
  drive "$TARGET" "$SEQ" "$DURATION" "$label" "$SERVERS"
  SEQ=$(field "$LINE" maxseq)
  C_LINES+=("$LINE")
  C_CPUS+=("$CPU_SERVER $CPU_WRK $CPU_BUSY")
  if [ "$INTERLEAVED" = 1 ]; then
    echo "measure: no-op, ${DURATION} s, round $round of $ROUNDS"
    drive "http://127.0.0.1:$NPORT" 0 "$DURATION" "noop-$round" "$NOOP_PID"
    N_LINES+=("$LINE")
    N_CPUS+=("$CPU_SERVER $CPU_WRK $CPU_BUSY")
    ROUND_RATIOS+=("$(awk -v r="$round" -v c="$(field "${C_LINES[-1]}" rps)" -v n="$(field "$LINE" rps)" \
      -v c99="$(field "${C_LINES[-1]}" p99_ms)" -v n99="$(field "$LINE" p99_ms)" \
      'BEGIN { printf "round %d: collector %.0f, no-op %.0f requests/s: ratio %.3f, p99 ratio %.2f", r, c, n, c / n, c99 / n99 }')")
    echo "  ${ROUND_RATIOS[-1]}"
  fi
done
C_LINE=$(combine "${C_LINES[@]}")
C_CPU=$(sum_cpu "${C_CPUS[@]}")
MEASURED=$((DURATION * ROUNDS))
settle
acc1=$(int "$(metric "$ACCEPTED")")
dup1=$(int "$(metric "$DUPLICATE")")
commits1=$(int "$(metric digiready_writer_commit_seconds_count)")
commit_s1=$(metric digiready_writer_commit_seconds_sum)
group1=$(int "$(metric digiready_writer_group_size_sum)")
for url in "${COLLECTORS[@]}"; do curl -sf "$url/metrics"; done | grep -E '^digiready_reports_received_total\{kind="heartbeat"' \
  > "$TMP/heartbeat-counters.txt" || true
if [ -f "$TMP/data/digiready.db" ]; then
  DB_SIZE="$(du -kc "$TMP/data"/digiready.db* | awk 'END { print $1 }') KiB (digiready.db + WAL)"
else
  DB_SIZE="elsewhere (the collector was started with another storage)"
fi
stop "$HAPROXY_PID"
HAPROXY_PID=
stop "$COLLECTOR2_PID"
COLLECTOR2_PID=
stop "$COLLECTOR_PID"
COLLECTOR_PID=

# --- the no-op (after the collector, unless the rounds alternate) ----------------------------
N_LINE=
N_CPU=
if [ "$NOOP" = 1 ] && [ "$INTERLEAVED" = 0 ]; then
  start_noop
  warm_noop
  echo "measure: no-op, ${DURATION} s"
  drive "http://127.0.0.1:$NPORT" 0 "$DURATION" noop "$NOOP_PID"
  N_LINE=$LINE
  N_CPU="$CPU_SERVER $CPU_WRK $CPU_BUSY"
elif [ "$INTERLEAVED" = 1 ]; then
  N_LINE=$(combine "${N_LINES[@]}")
  N_CPU=$(sum_cpu "${N_CPUS[@]}")
fi
stop "$NOOP_PID"
NOOP_PID=

# --- the table -------------------------------------------------------------------------------
accepted=$((acc1 - acc0))
duplicates=$((dup1 - dup0))
echo
echo "== $MODE: $MACHINES machines, $CONNECTIONS connections, $THREADS wrk threads, $BATCH heartbeat(s) per request,"
[ ${#SERVE_ARGS[@]} -eq 0 ] || echo "   collector started with: ${SERVE_ARGS[*]}"
if [ "$ROUNDS" = 1 ]; then
  echo "   ${DURATION} s measured after ${WARMUP} s warm-up, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
else
  echo "   $ROUNDS rounds of ${DURATION} s$([ "$INTERLEAVED" = 0 ] || echo ", collector and no-op alternated,") after ${WARMUP} s warm-up, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "   requests/s from the totals; p50 and p99 are the worst round's"
fi
[ -z "$NOOP_MODE" ] || echo "   no-op: a Jetty handler in front of Javalin (--noop-jetty), not the issue's Javalin route"
# CPU columns: % of one core over the measured run (the machine has $(nproc) cores); "others" is
# whatever else ran on the machine meanwhile (other people's builds move every figure).
row() { # label line "server_cpu wrk_cpu busy_cpu"
  local e
  e=$(($(field "$2" connect) + $(field "$2" read) + $(field "$2" write) + $(field "$2" timeout)))
  # shellcheck disable=SC2086 # $3 is three numbers
  set -- "$1" "$2" $3
  awk -v l="$1" -v rps="$(field "$2" rps)" -v b="$BATCH" -v p50="$(field "$2" p50_ms)" \
    -v p99="$(field "$2" p99_ms)" -v n="$(field "$2" non2xx)" -v req="$(field "$2" requests)" -v e="$e" \
    -v srv="$3" -v wrk="$4" -v busy="$5" -v d="$MEASURED" \
    'BEGIN { printf "%-10s %11.0f %12.0f %8.1f %8.1f %8d %8d %10.3f %7.0f %7.0f %7.0f\n", l, rps, rps * b, p50, p99, n, e,
      (req > 0 ? srv * 1000 / req : 0), srv * 100 / d, wrk * 100 / d, (busy - srv - wrk) * 100 / d }'
}
printf '%-10s %11s %12s %8s %8s %8s %8s %10s %7s %7s %7s\n' target requests/s heartbeats/s 'p50 ms' 'p99 ms' \
  non-2xx 'sock err' 'srv CPU ms' 'srv CPU' 'wrk CPU' others
printf '%-10s %11s %12s %8s %8s %8s %8s %10s %7s %7s %7s\n' '' '' '' '' '' '' '' 'per req' '%' '%' '%'
row collector "$C_LINE" "$C_CPU"
if [ -n "$N_LINE" ]; then
  row no-op "$N_LINE" "$N_CPU"
  awk -v c="$(field "$C_LINE" rps)" -v n="$(field "$N_LINE" rps)" \
    -v c99="$(field "$C_LINE" p99_ms)" -v n99="$(field "$N_LINE" p99_ms)" \
    -v goal="$([ "$BATCH" = 1 ] && echo ' (goal >= 0.5)')" -v goal99="$([ "$BATCH" = 1 ] && echo ' (goal <= 2)')" \
    'BEGIN { printf "ratio collector / no-op: requests/s %.3f%s, p99 %.2f%s\n", c / n, goal, c99 / n99, goal99 }'
  for line in ${ROUND_RATIOS[@]+"${ROUND_RATIOS[@]}"}; do echo "  $line"; done
fi
if [ "$BATCH" -gt 1 ]; then
  awk -v rps="$(field "$C_LINE" rps)" -v b="$BATCH" \
    'BEGIN { printf "collector: %.0f heartbeats/s (goal >= 100000 with 500-heartbeat batches)\n", rps * b }'
fi
awk -v acc="$accepted" -v req="$(field "$C_LINE" requests)" -v b="$BATCH" -v d="$MEASURED" \
  'BEGIN { printf "collector accepted-counter delta: %d heartbeats = %.0f heartbeats/s over %d s (answered requests in wrk x %d = %d; the delta also has the requests in flight when wrk stopped)\n", acc, acc / d, d, b, req * b }'
awk -v n="$((commits1 - commits0))" -v s0="$commit_s0" -v s1="$commit_s1" -v g="$((group1 - group0))" -v d="$MEASURED" \
  'BEGIN { if (n > 0) printf "collector writer: %d commits, %.1f requests per commit, %.1f ms per commit, busy %.0f %% of the run\n", n, g / n, (s1 - s0) * 1000 / n, (s1 - s0) * 100 / d }'
echo "collector heartbeat counters (whole run, warm-up included):"
sed 's/^/  /' "$TMP/heartbeat-counters.txt"
echo "  during the measured run: accepted +$accepted, duplicate +$duplicates"
echo "database after the run: $DB_SIZE"

for pair in "collector:$C_CPU" "no-op:$N_CPU"; do
  label=${pair%%:*}
  read -r srv wrk_cpu busy <<< "${pair#*:}"
  [ -n "$busy" ] || continue
  awk -v l="$label" -v s="$srv" -v w="$wrk_cpu" -v b="$busy" -v d="$MEASURED" 'BEGIN {
    o = (b - s - w) * 100 / d
    if (o > 25) printf "note: other processes used %.0f %% of a core during the %s run; its figures are lower than on a quiet machine, so compare runs whose \"others\" column is alike\n", o, l }'
done

FAILED=0
for pair in "collector:$C_LINE" "no-op:$N_LINE"; do
  label=${pair%%:*}
  line=${pair#*:}
  [ -n "$line" ] || continue
  non2xx=$(field "$line" non2xx)
  errs=$(($(field "$line" connect) + $(field "$line" read) + $(field "$line" write) + $(field "$line" timeout)))
  if [ "$non2xx" != 0 ] || [ "$errs" != 0 ]; then
    echo "!!! ERRORS from $label: $non2xx non-2xx answers, $errs socket errors (connect/read/write/timeout): these figures are not valid !!!" >&2
    FAILED=1
  fi
done
total_dup=$(sed -n 's/.*outcome="duplicate"} //p' "$TMP/heartbeat-counters.txt" | awk '{ s += $1 } END { printf "%d", s }')
if [ "$total_dup" != 0 ]; then
  echo "!!! the collector counted $total_dup duplicate heartbeats: seqs were not strictly increasing per machine !!!" >&2
  # A machine's next request leaves one turn of its thread's machines after its last one; a request
  # that takes longer than that turn is overtaken by the next one of the same machine, whose higher
  # seq makes the late one a duplicate. Real agents send one request at a time.
  awk -v m="$MACHINES" -v rps="$(field "$C_LINE" rps)" -v max="$(field "$C_LINE" max_ms)" 'BEGIN {
    turn = rps > 0 ? m / rps * 1000 : 0
    if (max > turn) printf "    the slowest request took %.0f ms, a machine'"'"'s turn was about %.0f ms (%d machines at %.0f requests/s): requests of one machine overtook each other; more --machines make the turn longer\n", max, turn, m, rps }' >&2
  FAILED=1
fi
if [ "$FAILED" = 1 ]; then
  grep -iE 'error|exception|warn' "$TMP/collector.log" | head -20 >&2 || true
  exit 1
fi
