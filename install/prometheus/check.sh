#!/usr/bin/env bash
# Checks the Prometheus and Alertmanager files of this folder: Prometheus configuration, rules, the
# promtool unit tests of every alert, the Alertmanager configuration and its routing.
# Exits non-zero on the first failure.
#
# Needs promtool and amtool (Debian: apt-get install -y prometheus prometheus-alertmanager);
# PROMTOOL and AMTOOL override the commands.
set -euo pipefail

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

echo "check.sh: all Prometheus and Alertmanager checks passed"
