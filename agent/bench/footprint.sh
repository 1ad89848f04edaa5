#!/usr/bin/env bash
# Footprint benchmark of the agent, run through the real launcher with its real JVM flags.
#
#   agent/bench/footprint.sh [DURATION_SECONDS]      (default 300)
#
# Builds nothing: it uses agent/target/digiready-agent.jar (or $DIGIREADY_AGENT_JAR). Starts a
# stand-in collector on 127.0.0.1, enrolls, then runs the agent with a 1 s heartbeat for the
# duration, and prints: peak RSS (VmHWM), CPU seconds per heartbeat (overall, and in the steady
# state after the first 30 s), and the time from start to the first heartbeat at the collector.
# With BENCH_RUNS=2 (the default) the service runs twice, so the second run shows the effect of
# the class-data archive that the launcher writes at the end of the first.
set -euo pipefail

duration="${1:-300}"
runs="${BENCH_RUNS:-2}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${DIGIREADY_AGENT_JAR:-$root/agent/target/digiready-agent.jar}"
launcher="$root/install/agent/linux/digiready-agent"
work="$(mktemp -d)"
collector_pid=""
agent_pid=""
cleanup() {
  if [[ -n "$agent_pid" ]]; then kill "$agent_pid" 2>/dev/null || true; fi
  if [[ -n "$collector_pid" ]]; then kill "$collector_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

[[ -f "$jar" ]] || { echo "no jar at $jar: run mvn -pl agent package first" >&2; exit 1; }
# a private copy, so the launcher's class-data archive lands here and not beside the build
cp "$jar" "$work/digiready-agent.jar"
export DIGIREADY_AGENT_JAR="$work/digiready-agent.jar"

python3 "$root/agent/bench/standin_collector.py" "$work/port" "$work/heartbeats.log" 1 &
collector_pid=$!
for _ in $(seq 1 100); do [[ -s "$work/port" ]] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$work/port")"
common=(--collector-url "$url" --state-dir "$work/state" --log-level warn)

"$launcher" enroll "${common[@]}" --enrollment-token bench-unit-token >/dev/null

clk_tck="$(getconf CLK_TCK)"
cpu_seconds() { # utime + stime of a pid, in seconds
  awk -v t="$clk_tck" '{ print ($14 + $15) / t }' "/proc/$1/stat"
}
heartbeats() { [[ -f "$work/heartbeats.log" ]] && wc -l <"$work/heartbeats.log" || echo 0; }

for run in $(seq 1 "$runs"); do
  : >"$work/heartbeats.log"
  cds="none yet: written when this run exits"
  [[ -f "$work/digiready-agent.jsa" ]] && cds="used"
  start="$(date +%s.%N)"
  "$launcher" run "${common[@]}" --heartbeat-interval-seconds 1 2>"$work/agent-$run.log" &
  agent_pid=$!
  first=""
  for _ in $(seq 1 300); do
    if [[ -s "$work/heartbeats.log" ]]; then
      first="$(head -1 "$work/heartbeats.log" | cut -d' ' -f1)"
      break
    fi
    sleep 0.05
  done
  [[ -n "$first" ]] || { echo "no heartbeat within 15 s; agent log:" >&2; cat "$work/agent-$run.log" >&2; exit 1; }
  warm=30
  (( duration <= warm + 10 )) && warm=$(( duration / 3 ))
  sleep "$warm"
  cpu_warm="$(cpu_seconds "$agent_pid")"
  hb_warm="$(heartbeats)"
  sleep $(( duration - warm ))
  cpu_end="$(cpu_seconds "$agent_pid")"
  hb_end="$(heartbeats)"
  hwm_kb="$(awk '/VmHWM/ { print $2 }' "/proc/$agent_pid/status")"
  if [[ -n "${BENCH_DETAIL:-}" ]]; then
    grep -E 'Rss(Anon|File|Shmem)' "/proc/$agent_pid/status"
    ps -L -o tid,time,comm -p "$agent_pid" | sort -k2 -r | head -8
  fi
  rss_kb="$(awk '/VmRSS/ { print $2 }' "/proc/$agent_pid/status")"
  kill -TERM "$agent_pid"
  wait "$agent_pid" 2>/dev/null || true
  agent_pid=""
  awk -v run="$run" -v d="$duration" -v s="$start" -v f="$first" -v hwm="$hwm_kb" -v rss="$rss_kb" \
      -v cw="$cpu_warm" -v ce="$cpu_end" -v hw="$hb_warm" -v he="$hb_end" -v cds="$cds" 'BEGIN {
    printf "run %d (%d s, 1 s heartbeat; class-data archive: %s)\n", run, d, cds
    printf "  heartbeats received        %d\n", he
    printf "  time to first heartbeat    %.2f s\n", f - s
    printf "  peak RSS (VmHWM)           %.1f MiB (RSS at end %.1f MiB)\n", hwm / 1024, rss / 1024
    printf "  CPU per heartbeat, overall %.1f ms (%.2f s CPU in total)\n", 1000 * ce / he, ce
    printf "  CPU per heartbeat, steady  %.1f ms (after the first %d heartbeats)\n", 1000 * (ce - cw) / (he - hw), hw
  }'
  if grep -q -E '\[(ERROR|WARN)\]' "$work/agent-$run.log"; then
    echo "  agent warnings/errors:"; sed 's/^/    /' "$work/agent-$run.log" | head -5
  fi
done
