#!/usr/bin/env bash
# Checks the Prometheus and Alertmanager files of this folder: Prometheus configuration, rules, the
# promtool unit tests of every alert, the Alertmanager configuration and its routing.
# Exits non-zero on the first failure.
#
# Needs promtool and amtool (Debian: apt-get install -y prometheus prometheus-alertmanager);
# PROMTOOL and AMTOOL override the commands.
#
#   check.sh          the static checks
#   check.sh --live   also starts a real Alertmanager on 127.0.0.1 with a loopback-only copy of
#                     alertmanager.yml and checks the inhibition (one page, not fifty)
set -euo pipefail

live=0
case "${1:-}" in
  "") ;;
  --live) live=1 ;;
  *) echo "usage: check.sh [--live]" >&2; exit 2 ;;
esac

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
promtool="${PROMTOOL:-promtool}"
amtool="${AMTOOL:-amtool}"

for tool in "$promtool" "$amtool"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check.sh: $tool not found. Install it: apt-get install -y prometheus prometheus-alertmanager" >&2
    exit 2
  fi
done

cd "$here"

"$promtool" check config prometheus.yml
"$promtool" check rules digiready.rules.yml
"$promtool" test rules tests/*.test.yml

# An alert without a test is a failure too.
missing=0
while read -r alert; do
  if ! grep -q "alertname: ${alert}\$" tests/*.test.yml; then
    echo "check.sh: alert ${alert} has no promtool test in tests/" >&2
    missing=1
  fi
done < <(sed -n 's/^ *- alert: *\([A-Za-z0-9_]*\).*/\1/p' digiready.rules.yml | sort -u)
if [ "$missing" -ne 0 ]; then
  exit 1
fi

"$amtool" check-config alertmanager.yml

# Routing: which receivers each kind of alert reaches.
route() {
  local expected="$1"
  shift
  echo "route $* -> $expected"
  "$amtool" config routes test --config.file=alertmanager.yml --verify.receivers="$expected" "$@" >/dev/null
}
route oncall-webhook,it-email alertname=DigireadyUnitMassOutage severity=critical unit=krong-nang.phu-loc
route oncall-webhook,it-email alertname=DigireadyUnitInternetDown severity=critical unit=krong-nang.phu-loc
route oncall-webhook,it-email alertname=DigireadyCollectorDown severity=critical job=digiready
route it-email alertname=DigireadyMachineDown severity=warning unit=krong-nang.phu-loc machine=m-1
route it-email alertname=DigireadyUnitBelowTarget severity=info unit=krong-nang.phu-loc coverage=equipment
route it-email alertname=DigireadyUnitBelowProtectionTarget severity=warning unit=krong-nang.phu-loc coverage=protection

if [ "$live" -eq 1 ]; then
  alertmanager="${ALERTMANAGER:-$(command -v prometheus-alertmanager || command -v alertmanager || true)}"
  if [ -z "$alertmanager" ]; then
    echo "check.sh: prometheus-alertmanager not found" >&2
    exit 2
  fi
  work="$(mktemp -d)"
  am_pid=""
  cleanup() {
    if [ -n "$am_pid" ]; then
      kill "$am_pid" 2>/dev/null || true
      wait "$am_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
  }
  trap cleanup EXIT
  # The example's receivers name placeholder hosts: the copy sends nowhere but to closed loopback ports.
  sed -e 's#smtp\.example\.org:587#127.0.0.1:1#' -e 's#http://127\.0\.0\.1:9095/hook#http://127.0.0.1:1/hook#' \
    alertmanager.yml >"$work/alertmanager.yml"
  if grep -n 'example\.org:\|9095' "$work/alertmanager.yml" | grep -v '^ *[0-9]*: *#'; then
    echo "check.sh: a receiver address was not replaced by loopback" >&2
    exit 1
  fi
  url=""
  for _ in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 30000))
    "$alertmanager" --config.file="$work/alertmanager.yml" --storage.path="$work/data" \
      --web.listen-address="127.0.0.1:$port" --cluster.listen-address= >"$work/alertmanager.log" 2>&1 &
    am_pid=$!
    for _ in $(seq 1 50); do
      if "$amtool" --alertmanager.url="http://127.0.0.1:$port" config show >/dev/null 2>&1; then
        url="http://127.0.0.1:$port"
        break 2
      fi
      if ! kill -0 "$am_pid" 2>/dev/null; then
        break
      fi
      sleep 0.2
    done
    kill "$am_pid" 2>/dev/null || true
    wait "$am_pid" 2>/dev/null || true
    am_pid=""
  done
  if [ -z "$url" ]; then
    echo "check.sh: Alertmanager did not start:" >&2
    cat "$work/alertmanager.log" >&2
    exit 1
  fi
  am() { "$amtool" --alertmanager.url="$url" "$@"; }
  am alert add alertname=DigireadyUnitMassOutage severity=critical unit=krong-nang.phu-loc
  am alert add alertname=DigireadyMachineDown severity=warning unit=krong-nang.phu-loc machine=m-1 hostname=PC-1
  am alert add alertname=DigireadyMachineDown severity=warning unit=krong-nang.phu-loc machine=m-2 hostname=PC-2
  am alert add alertname=DigireadyUnitInternetDown severity=critical unit=krong-nang.dak-lo
  am alert add alertname=DigireadyMachineDown severity=warning unit=krong-nang.dak-lo machine=m-5 hostname=PC-5
  am alert add alertname=DigireadyMachineDown severity=warning unit=krong-nang.ea-toh machine=m-9 hostname=PC-9
  # inhibition is computed when the API is asked; poll briefly for the alerts to be registered
  expect() {
    local unit="$1" machine="$2" state="$3" got=""
    for _ in $(seq 1 25); do
      got="$(am -o json alert query --active --inhibited alertname=DigireadyMachineDown "unit=$unit" "machine=$machine")"
      if [[ "$got" == *"\"state\":\"$state\""* ]]; then
        echo "inhibition: DigireadyMachineDown $unit/$machine is $state"
        return 0
      fi
      sleep 0.2
    done
    echo "check.sh: DigireadyMachineDown $unit/$machine expected $state, got: $got" >&2
    exit 1
  }
  expect krong-nang.phu-loc m-1 suppressed
  expect krong-nang.phu-loc m-2 suppressed
  expect krong-nang.dak-lo m-5 suppressed
  expect krong-nang.ea-toh m-9 active
fi

echo "check.sh: all Prometheus and Alertmanager checks passed"
