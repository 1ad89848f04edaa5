#!/usr/bin/env bash
# Builds (if needed) and starts digiready locally: a collector on an embedded SQLite file, the demo unit tree,
# and the real agent on this machine enrolled into one commune. Ctrl-C, or `quickstart.sh stop`, stops both.
#
#   install/quickstart.sh [--port 8080] [--data-dir ./quickstart-data] [--with-simulator] [stop]
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
port=8080
data_dir="$repo/quickstart-data"
with_simulator=false
command=start

while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --port=*) port=${1#*=}; shift ;;
    --data-dir) data_dir=$2; shift 2 ;;
    --data-dir=*) data_dir=${1#*=}; shift ;;
    --with-simulator) with_simulator=true; shift ;;
    stop) command=stop; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "quickstart: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

mkdir -p "$data_dir"
data_dir=$(cd "$data_dir" && pwd)
run_dir="$data_dir/run"
mkdir -p "$run_dir"

stop_pid() {
  local name=$1 file="$run_dir/$1.pid"
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "quickstart: $name did not stop within 10 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "stopped $name (pid $pid)"
  fi
  rm -f "$file"
}

stop_all() {
  stop_pid simulator
  stop_pid agent
  stop_pid collector
}

if [ "$command" = stop ]; then
  stop_all
  exit 0
fi

for pidfile in "$run_dir"/*.pid; do
  [ -e "$pidfile" ] || continue
  if kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "quickstart: already running (see $run_dir); stop it with: $0 --data-dir $data_dir stop" >&2
    exit 1
  fi
  rm -f "$pidfile"
done

command -v java >/dev/null || { echo "quickstart: Java 17 or newer is needed (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }

collector_jar="$repo/collector/target/digiready-collector.jar"
agent_jar="$repo/agent/target/digiready-agent.jar"
simulator_jar="$repo/simulator/target/digiready-simulator.jar"
if [ ! -f "$collector_jar" ] || [ ! -f "$agent_jar" ] || [ ! -f "$simulator_jar" ]; then
  echo "building the jars (mvn -B -q -DskipTests package) ..."
  (cd "$repo" && mvn -B -q -DskipTests package)
fi

url="http://127.0.0.1:$port"
trap 'echo; stop_all; exit 0' INT TERM

echo "starting the collector on port $port (data in $data_dir) ..."
# The demo speaks Vietnamese: exports and period reports default to it, and the page's URL below
# picks it (the switch in the page's header changes it and remembers the choice).
java -jar "$collector_jar" serve --port "$port" --bind-address 127.0.0.1 --data-dir "$data_dir" \
  --report-language vi >>"$data_dir/collector.log" 2>&1 &
echo $! >"$run_dir/collector.pid"

for _ in $(seq 1 300); do
  if curl -fsS "$url/health/ready" >/dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$(cat "$run_dir/collector.pid")" 2>/dev/null; then
    echo "quickstart: the collector stopped; its log:" >&2
    tail -n 20 "$data_dir/collector.log" >&2
    rm -f "$run_dir/collector.pid"
    exit 1
  fi
  sleep 0.1
done
curl -fsS "$url/health/ready" >/dev/null || { echo "quickstart: collector not ready after 30 s" >&2; stop_all; exit 1; }

admin_token_file="$data_dir/admin-token"
admin=(-H "Authorization: Bearer $(cat "$admin_token_file")")

if [ "$(curl -fsS "${admin[@]}" "$url/api/v1/units")" = "[]" ]; then
  curl -fsS "${admin[@]}" -H 'Content-Type: text/csv; charset=utf-8' --data-binary @"$repo/install/demo/units.csv" \
    "$url/api/v1/units/import" >/dev/null
  echo "loaded the demo unit tree (install/demo/units.csv)"
fi

# A read-only token for the status page, so that looking at figures never needs the admin token.
viewer_token_file="$data_dir/viewer-token"
if [ ! -s "$viewer_token_file" ]; then
  (umask 077 && curl -fsS "${admin[@]}" -X POST -H 'Content-Type: application/json' \
    -d '{"name":"quickstart viewer"}' "$url/api/v1/viewer-tokens" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p' >"$viewer_token_file")
fi

agent_state="$data_dir/agent"
mkdir -p "$agent_state"
enroll_token=
if [ ! -s "$agent_state/identity.properties" ]; then
  enroll_token=$(curl -fsS "${admin[@]}" -X POST -H 'Content-Type: application/json' -d '{}' \
    "$url/api/v1/units/krong-nang.phu-loc/enrollment-tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
fi
echo "starting the agent on this machine (commune krong-nang.phu-loc) ..."
# The token goes through the environment, not the command line, which every local user can read.
DIGIREADY_ENROLLMENT_TOKEN="$enroll_token" DIGIREADY_AGENT_JAR="$agent_jar" \
  "$repo/install/agent/linux/digiready-agent" run --collector-url "$url" --state-dir "$agent_state" \
  >>"$data_dir/agent.log" 2>&1 &
echo $! >"$run_dir/agent.pid"

if [ "$with_simulator" = true ]; then
  echo "starting the fleet simulator (120 simulated PCs in the demo district) ..."
  java -jar "$simulator_jar" district --collector "$url" --admin-token-file "$admin_token_file" \
    --units "$repo/install/demo/units.csv" --machines 120 --keep-beating >>"$data_dir/simulator.log" 2>&1 &
  echo $! >"$run_dir/simulator.pid"
fi

cat <<MSG

digiready is running.
  status page     $url/?lang=vi   (in Vietnamese; sign in with the token in $viewer_token_file,
                  read-only, or the admin token in $admin_token_file)
  metrics         $url/metrics
  units API       curl -H "Authorization: Bearer \$(cat $admin_token_file)" $url/api/v1/units
  admin token     $admin_token_file
  logs            $data_dir/collector.log, $data_dir/agent.log
  stop            Ctrl-C here, or: $0 --data-dir $data_dir stop

MSG

# Stay in the foreground until Ctrl-C or until a part stops by itself.
while [ -f "$run_dir/collector.pid" ] && kill -0 "$(cat "$run_dir/collector.pid")" 2>/dev/null; do
  sleep 1
done
if [ -f "$run_dir/collector.pid" ]; then
  echo "quickstart: the collector stopped by itself; see $data_dir/collector.log" >&2
  stop_all
  exit 1
fi
stop_all
