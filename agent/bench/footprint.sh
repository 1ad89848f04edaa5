#!/usr/bin/env bash
# Footprint of the agent next to Prometheus node_exporter, in one run on one machine.
#
#   agent/bench/footprint.sh [DURATION_SECONDS]      (default 120)
#
# The agent: by default the packaged one, from the tarball in dist/ (build it with
# `mvn -B -Prelease -DskipTests package`, or point $AGENT_TARBALL at one): its launcher, its JVM
# flags and its own jlinked Java. AGENT=source runs install/agent/linux/digiready-agent with
# agent/target/digiready-agent.jar and the system's Java instead.
# The collector: the real one (collector/target/digiready-collector.jar, or
# $DIGIREADY_COLLECTOR_JAR) on 127.0.0.1 with the system's Java; the agent enrolls with it and
# beats every second. node_exporter (Debian package prometheus-node-exporter) runs at the same
# time on 127.0.0.1 and is scraped once a second, as Prometheus would at a 1 s interval.
# Prints for each: peak RSS (VmHWM) and CPU per heartbeat / per scrape (overall, and in the
# steady state after the first 30 s; CPU of finished child processes included), and the agent's
# time to its first heartbeat; and the peak RSS of the agent's inventory child process.
# BENCH_DETAIL=1 adds the agent's RSS split and, with
# BENCH_JAVA_OPTS=-XX:NativeMemoryTracking=summary, the JVM's NMT summary.
# BENCH_RUNS=2 (the default) runs the agent twice: the launcher dumps the class-data archive from
# the class list beside the jar before the first run (without a list: writes it when the first
# run stops), the second run maps the archive already there.
set -euo pipefail

duration="${1:-120}"
runs="${BENCH_RUNS:-2}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
collector_jar="${DIGIREADY_COLLECTOR_JAR:-$root/collector/target/digiready-collector.jar}"
node_exporter="$(command -v prometheus-node-exporter || command -v node_exporter || true)"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

[[ -f "$collector_jar" ]] || { echo "no collector jar at $collector_jar: run mvn -B -pl collector -am package -DskipTests" >&2; exit 1; }
[[ -n "$node_exporter" ]] || { echo "node_exporter not found: apt-get install prometheus-node-exporter" >&2; exit 1; }

if [[ "${AGENT:-package}" == source ]]; then
  jar="$root/agent/target/digiready-agent.jar"
  [[ -f "$jar" ]] || { echo "no jar at $jar: run mvn -B -pl agent -am package -DskipTests" >&2; exit 1; }
  # a private copy, so the launcher's class-data archive lands here and not beside the build
  cp "$jar" "$work/digiready-agent.jar"
  cp "$root/install/agent/linux/digiready-agent" "$root/install/agent/linux/digiready-agent.classlist" \
    "$root/install/agent/linux/digiready-agent-inventory.classlist" "$work/"
  launcher="$work/digiready-agent"
  what="source launcher, system Java ($(java -version 2>&1 | head -1))"
else
  tarball="${AGENT_TARBALL:-$(ls -t "$root"/dist/digiready-agent-*-linux-x64.tar.gz 2>/dev/null | head -1 || true)}"
  [[ -f "$tarball" ]] || { echo "no agent tarball in dist/: run mvn -B -Prelease -DskipTests package" >&2; exit 1; }
  tar -xzf "$tarball" -C "$work"
  launcher="$(echo "$work"/digiready-agent-*/usr/lib/digiready-agent/digiready-agent)"
  # the runtime's base class-data archive, as the package's postinst makes it on the PC
  "$(dirname "$launcher")/runtime/bin/java" -Xshare:dump -Xlog:disable >/dev/null 2>&1
  what="package $(basename "$tarball"), its own runtime"
fi
export DIGIREADY_CDS_FILE="$work/digiready-agent.jsa"
unset JAVA_HOME
# BENCH_JAVA_OPTS: extra JVM flags to try (the launcher appends them, they win)
export DIGIREADY_JAVA_OPTS="${BENCH_JAVA_OPTS:-}"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
clk_tck="$(getconf CLK_TCK)"
# user + system time, with that of the children it waited for (the agent's hourly inventory runs
# in a child process, and its launcher dumps the class-data archive in one before the first start)
cpu_seconds() { awk -v t="$clk_tck" '{ print ($14 + $15 + $16 + $17) / t }' "/proc/$1/stat"; }
hwm_kb() { awk '/VmHWM/ { print $2 }' "/proc/$1/status"; }

# --- the real collector ------------------------------------------------------------------------
port="$(free_port)"
admin="bench-admin-token-0123456789abcdef"
java -Xmx256m -jar "$collector_jar" serve --port "$port" --bind-address 127.0.0.1 \
  --data-dir "$work/collector" --admin-token "$admin" >"$work/collector.log" 2>&1 &
pids+=($!)
url="http://127.0.0.1:$port"
for _ in $(seq 1 600); do curl -sf "$url/health/ready" >/dev/null && break; sleep 0.1; done
curl -sf "$url/health/ready" >/dev/null || { echo "collector not ready:" >&2; cat "$work/collector.log" >&2; exit 1; }
curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"code":"bench","name":"Bench","kind":"commune","staff":1}' "$url/api/v1/units" >/dev/null
token="$(curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d '{}' \
  "$url/api/v1/units/bench/enrollment-tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"

common=(--collector-url "$url" --state-dir "$work/state" --log-level warn)
"$launcher" enroll "${common[@]}" --enrollment-token "$token" >/dev/null
machine="$(sed -n 's/^machineId=//p' "$work/state/identity.properties")"
seq_now() { cat "$work/state/seq" 2>/dev/null || echo 0; }
collector_seq() {
  curl -sf -H "Authorization: Bearer $admin" "$url/api/v1/machines/$machine" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["lastSeq"])'
}

# --- node_exporter, scraped once a second ------------------------------------------------------
ne_port="$(free_port)"
"$node_exporter" --web.listen-address="127.0.0.1:$ne_port" >"$work/node_exporter.log" 2>&1 &
ne_pid=$!
pids+=("$ne_pid")
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$ne_port/metrics" >/dev/null && break; sleep 0.1; done
(
  while sleep 1; do
    curl -sf "http://127.0.0.1:$ne_port/metrics" >/dev/null && echo >>"$work/scrapes"
  done
) &
pids+=($!)
scrapes() { [[ -f "$work/scrapes" ]] && wc -l <"$work/scrapes" || echo 0; }

echo "agent: $what"
echo "node_exporter: $("$node_exporter" --version 2>&1 | head -1)"
for run in $(seq 1 "$runs"); do
  cds="none yet: written when this run stops"
  [[ -f "$(dirname "$launcher")/digiready-agent.classlist" ]] && cds="dumped from the shipped class list at this start"
  [[ -f "$DIGIREADY_CDS_FILE" ]] && cds="used"
  seq0="$(seq_now)"
  ne_cpu0="$(cpu_seconds "$ne_pid")"
  sc0="$(scrapes)"
  start="$(date +%s.%N)"
  "$launcher" run "${common[@]}" --heartbeat-interval-seconds 1 2>"$work/agent-$run.log" &
  agent_pid=$!
  pids+=("$agent_pid")
  # the inventory child's own peak RSS, polled while it runs (at start; then hourly)
  (
    end=$((SECONDS + 30))
    while ((SECONDS < end)); do
      for c in $(pgrep -P "$agent_pid" -f InventoryChild 2>/dev/null); do
        awk '/VmHWM/ { print $2 }' "/proc/$c/status" 2>/dev/null || true
      done
      sleep 0.05
    done
  ) >"$work/child-hwm-$run" &
  pids+=($!)
  first=""
  for _ in $(seq 1 300); do
    if (( $(seq_now) > seq0 )); then first="$(date +%s.%N)"; break; fi
    sleep 0.05
  done
  [[ -n "$first" ]] || { echo "no heartbeat within 15 s; agent log:" >&2; cat "$work/agent-$run.log" >&2; exit 1; }
  warm=30
  (( duration <= warm + 10 )) && warm=$(( duration / 3 ))
  sleep "$warm"
  cpu_warm="$(cpu_seconds "$agent_pid")"; hb_warm="$(( $(seq_now) - seq0 ))"
  ne_warm="$(cpu_seconds "$ne_pid")"; sc_warm="$(( $(scrapes) - sc0 ))"
  sleep $(( duration - warm ))
  cpu_end="$(cpu_seconds "$agent_pid")"; hb_end="$(( $(seq_now) - seq0 ))"
  ne_end="$(cpu_seconds "$ne_pid")"; sc_end="$(( $(scrapes) - sc0 ))"
  hwm="$(hwm_kb "$agent_pid")"
  ne_hwm="$(hwm_kb "$ne_pid")"
  if [[ -n "${BENCH_DETAIL:-}" ]]; then
    grep -E 'Rss(Anon|File|Shmem)' "/proc/$agent_pid/status"
    # resident memory per mapping (file, or [heap]/[anon]), the largest first
    awk '/^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6 ? $6 : "[anon]") } /^Rss:/ { rss[name] += $2 }
      END { for (n in rss) if (rss[n] >= 512) printf "    %6.1f MiB  %s\n", rss[n] / 1024, n }' \
      "/proc/$agent_pid/smaps" | sort -rn | head -12
    # with BENCH_JAVA_OPTS=-XX:NativeMemoryTracking=summary: where the JVM's own memory went
    jcmd "$agent_pid" VM.native_memory summary 2>/dev/null | grep -E '^-|committed=' | head -40 || true
  fi
  kill -TERM "$agent_pid"
  wait "$agent_pid" 2>/dev/null || true
  delivered="$(collector_seq)"
  awk -v run="$run" -v d="$duration" -v s="$start" -v f="$first" -v hwm="$hwm" -v cds="$cds" \
      -v cw="$cpu_warm" -v ce="$cpu_end" -v hw="$hb_warm" -v he="$hb_end" -v del="$delivered" \
      -v nhwm="$ne_hwm" -v n0="$ne_cpu0" -v nw="$ne_warm" -v ne="$ne_end" -v sw="$sc_warm" -v se="$sc_end" 'BEGIN {
    printf "run %d (%d s, 1 s heartbeat; class-data archive: %s)\n", run, d, cds
    printf "  agent         peak RSS %5.1f MiB  CPU/heartbeat %4.1f ms overall, %4.1f ms steady  (%d heartbeats, collector lastSeq %d, first after %.2f s)\n",
      hwm / 1024, 1000 * ce / he, 1000 * (ce - cw) / (he - hw), he, del, f - s
    printf "  node_exporter peak RSS %5.1f MiB  CPU/scrape    %4.1f ms overall, %4.1f ms steady  (%d scrapes)\n",
      nhwm / 1024, 1000 * (ne - n0) / se, 1000 * (ne - nw) / (se - sw), se
  }'
  child="$(sort -n "$work/child-hwm-$run" | tail -1)"
  [[ -n "$child" ]] && awk -v c="$child" 'BEGIN { printf "  inventory child peak RSS %5.1f MiB (a separate, short-lived process)\n", c / 1024 }'
  if grep -q -E '\[(ERROR|WARN)\]' "$work/agent-$run.log"; then
    echo "  agent warnings/errors:"; sed 's/^/    /' "$work/agent-$run.log" | head -5
  fi
done
