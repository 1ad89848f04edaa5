#!/usr/bin/env bash
# Checks the dashboards and rules against the real thing: starts the collector jar on 127.0.0.1, feeds it
# with the fleet simulator (the demo district), starts a real Prometheus that scrapes it with the digiready
# rules, runs `promtool check metrics` on /metrics and evaluates every panel query for three units
# (grafana/check_queries.py). Exits non-zero on any failure. Everything listens on 127.0.0.1 only.
#
#   grafana/check_with_simulator.sh [collector.jar] [simulator.jar]
#
# Defaults to collector/target/digiready-collector.jar and simulator/target/digiready-simulator.jar
# (build them first: mvn -B -q -DskipTests package). Needs java, curl, python3, prometheus, promtool.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
collector_jar="${1:-$repo/collector/target/digiready-collector.jar}"
simulator_jar="${2:-$repo/simulator/target/digiready-simulator.jar}"
for file in "$collector_jar" "$simulator_jar"; do
  [ -f "$file" ] || { echo "check_with_simulator.sh: $file not found (mvn -B -q -DskipTests package)" >&2; exit 2; }
done

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_for URL SECONDS: poll until the URL answers 2xx, or fail
wait_for() {
  local deadline=$((SECONDS + $2))
  until curl -fsS "$1" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "check_with_simulator.sh: $1 did not answer within $2 s" >&2
      tail -n 30 "$work"/*.log >&2 || true
      exit 1
    fi
    sleep 0.2
  done
}

collector_port="$(free_port)"
collector="http://127.0.0.1:$collector_port"
mkdir -p "$work/collector"
java -jar "$collector_jar" serve --port "$collector_port" --bind-address 127.0.0.1 --data-dir "$work/collector" \
  >"$work/collector.log" 2>&1 &
pids+=($!)
wait_for "$collector/health/ready" 60

java -jar "$simulator_jar" district --collector "$collector" --admin-token-file "$work/collector/admin-token" \
  --units "$repo/install/demo/units.csv" --machines 120 --keep-beating >"$work/simulator.log" 2>&1 &
pids+=($!)
deadline=$((SECONDS + 120))
until grep -qs '^enrolled' "$work/simulator.log"; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "check_with_simulator.sh: the simulator enrolled nothing within 120 s" >&2
    cat "$work/simulator.log" >&2
    exit 1
  fi
  sleep 0.5
done

echo "promtool check metrics on $collector/metrics"
# The simulator prints "enrolled" before its first heartbeats: wait for the probe series, so that the
# lint covers every family the collector exports (per-target counters and the latency histogram too).
deadline=$((SECONDS + 60))
until curl -fsS "$collector/metrics" >"$work/metrics.txt" && grep -q '^digiready_probe_latency_seconds_bucket' "$work/metrics.txt"; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "check_with_simulator.sh: no probe results in /metrics within 60 s" >&2
    exit 1
  fi
  sleep 0.5
done
metrics_ok=1
# Keep going on a lint problem, so that one run reports on the queries too. Any finding fails: the
# office-hours gauge is digiready_unit_office_open, not the design's digiready_unit_office_hours,
# because promtool reads "_hours" as a non-base unit (install/prometheus/README.md).
if ! promtool check metrics <"$work/metrics.txt" >"$work/lint.txt" 2>&1 || [ -s "$work/lint.txt" ]; then
  cat "$work/lint.txt" >&2
  metrics_ok=0
fi
echo "promtool check metrics: $(wc -l <"$work/lint.txt") finding(s)"

prometheus_port="$(free_port)"
cat >"$work/prometheus.yml" <<EOF
global:
  scrape_interval: 2s
  evaluation_interval: 2s
rule_files:
  - $repo/install/prometheus/digiready.rules.yml
scrape_configs:
  - job_name: digiready
    static_configs:
      - targets: ['127.0.0.1:$collector_port']
EOF
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prometheus" \
  --web.listen-address="127.0.0.1:$prometheus_port" >"$work/prometheus.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$prometheus_port/-/ready" 30

queries_ok=1
python3 "$repo/grafana/check_queries.py" --prometheus-url "http://127.0.0.1:$prometheus_port" \
  --unit dak-lak --unit krong-nang --unit krong-nang.phu-loc --wait-seconds 90 || queries_ok=0

if [ "$metrics_ok" -eq 0 ]; then
  echo "check_with_simulator.sh: promtool check metrics reported problems (above)" >&2
fi
if [ "$metrics_ok" -eq 0 ] || [ "$queries_ok" -eq 0 ]; then
  exit 1
fi
echo "check_with_simulator.sh: metrics lint-clean, every panel query answered"
