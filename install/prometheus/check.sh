#!/usr/bin/env bash
# Checks the Prometheus and Alertmanager files of this folder: Prometheus configuration, rules, the
# promtool unit tests of every alert (in Vietnamese and in English), the Alertmanager configuration,
# its routing and its e-mail template. Exits non-zero on the first failure.
#
# Needs promtool and amtool (Debian: apt-get install -y prometheus prometheus-alertmanager);
# PROMTOOL and AMTOOL override the commands.
#
#   check.sh                   the static checks of this folder
#   check.sh --live            also starts a real Alertmanager on 127.0.0.1 with a loopback-only copy
#                              of alertmanager.yml and checks the inhibition (one page, not fifty)
#   check.sh /etc/prometheus   checks an installed copy instead (a folder holding prometheus.yml,
#                              or that file): promtool check config, the alert tests run against
#                              the rules it loads, no placeholder left (EDIT lines, metrics token),
#                              and alertmanager.yml beside it if there is one
set -euo pipefail

live=0
target=""
while [ $# -gt 0 ]; do
  case "$1" in
    --live) live=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "usage: check.sh [--live] [FOLDER | prometheus.yml]" >&2; exit 2 ;;
    *) target="$1"; shift ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
promtool="${PROMTOOL:-promtool}"
amtool="${AMTOOL:-amtool}"

for tool in "$promtool" "$amtool"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check.sh: $tool not found. Install it: apt-get install -y prometheus prometheus-alertmanager" >&2
    exit 2
  fi
done

# An installed copy: the configuration as Prometheus reads it, the shipped alert tests run against
# the rules it loads, no placeholder left, and the Alertmanager configuration beside it.
check_installed() {
  local config="$1" dir
  if [ -d "$config" ]; then
    config="$config/prometheus.yml"
  fi
  [ -f "$config" ] || { echo "check.sh: $config not found" >&2; exit 2; }
  dir="$(cd "$(dirname "$config")" && pwd)"
  config="$dir/$(basename "$config")"
  "$promtool" check config "$config"
  local failed=0
  grep -Eq "job_name: *['\"]?digiready['\"]? *(#|\$)" "$config" \
    || { echo "check.sh: $config has no scrape job \"digiready\" (alerts and boards need that name)" >&2; failed=1; }
  if grep -n 'collector\.example:8080' "$config" | grep -v '^[0-9]*: *#'; then
    echo "check.sh: $config still names the placeholder collector.example:8080 (line above): put the collector's host:port there" >&2
    failed=1
  fi
  local token="$dir/digiready-metrics.token"
  if grep -q 'credentials_file: *digiready-metrics.token' "$config"; then
    if [ ! -s "$token" ] || grep -q '^EDIT-' "$token"; then
      echo "check.sh: $token still holds the placeholder: put the collector's metricsToken in it (README, step 3)" >&2
      failed=1
    fi
  fi
  if ! grep -q '^ *language: *\(vi\|en\)\b' "$config"; then
    echo "check.sh: note: no external label language in $config: alerts speak Vietnamese (add language: en under global.external_labels for English)"
  fi
  # The shipped tests, against the rule file the installed configuration loads.
  if [ -f "$dir/digiready.rules.yml" ]; then
    local work
    work="$(mktemp -d)"
    mkdir "$work/tests"
    cp "$here"/tests/*.test.yml "$work/tests/"
    cp "$dir/digiready.rules.yml" "$work/digiready.rules.yml"
    if ! (cd "$work" && "$promtool" test rules tests/*.test.yml); then
      rm -rf "$work"
      echo "check.sh: the alert tests fail against $dir/digiready.rules.yml (compare it with $here/digiready.rules.yml)" >&2
      exit 1
    fi
    rm -rf "$work"
  else
    echo "check.sh: $dir/digiready.rules.yml not found: copy it from $here (README, step 2)" >&2
    failed=1
  fi
  if [ -f "$dir/alertmanager.yml" ]; then
    "$amtool" check-config "$dir/alertmanager.yml"
    if grep -n 'example\.org' "$dir/alertmanager.yml" | grep -v '^[0-9]*: *#'; then
      echo "check.sh: $dir/alertmanager.yml still names example.org (lines above): put your mail relay and addresses there" >&2
      failed=1
    fi
  fi
  if [ "$failed" -ne 0 ]; then
    exit 1
  fi
  echo "check.sh: $config passed: reload Prometheus (systemctl reload prometheus) and look at /targets"
}

if [ -n "$target" ]; then
  check_installed "$target"
  exit 0
fi

cd "$here"

"$promtool" check config prometheus.yml
"$promtool" check rules digiready.rules.yml
"$promtool" test rules tests/*.test.yml

# An alert without a test is a failure too, in either language: the texts of the other test files
# are Vietnamese, those of in_english.test.yml English.
missing=0
while read -r alert; do
  if ! grep -q "alertname: ${alert}\$" tests/*.test.yml; then
    echo "check.sh: alert ${alert} has no promtool test in tests/" >&2
    missing=1
  fi
  if ! grep -q "alertname: ${alert}\$" tests/in_english.test.yml; then
    echo "check.sh: alert ${alert} has no English test in tests/in_english.test.yml" >&2
    missing=1
  fi
done < <(sed -n 's/^ *- alert: *\([A-Za-z0-9_]*\).*/\1/p' digiready.rules.yml | sort -u)
if [ "$missing" -ne 0 ]; then
  exit 1
fi

"$amtool" check-config alertmanager.yml

# The e-mails: what digiready.tmpl makes of the alerts in tests/email-data*.json, in Vietnam's time.
for lang in vi en; do
  data=tests/email-data.json
  [ "$lang" = vi ] || data="tests/email-data.$lang.json"
  rendered="$(TZ=Asia/Ho_Chi_Minh "$amtool" template render --template.glob=digiready.tmpl \
    --template.data="$data" --template.text='{{ template "digiready.email.text" . }}')"
  if [ "$rendered" != "$(cat "tests/email.$lang.txt")" ]; then
    echo "check.sh: digiready.tmpl renders $data differently from tests/email.$lang.txt:" >&2
    diff <(echo "$rendered") "tests/email.$lang.txt" >&2 || true
    exit 1
  fi
  echo "e-mail ($lang): $(TZ=Asia/Ho_Chi_Minh "$amtool" template render --template.glob=digiready.tmpl \
    --template.data="$data" --template.text='{{ template "digiready.email.subject" . }}')"
done

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
