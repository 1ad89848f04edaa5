#!/usr/bin/env bash
# Installs (or upgrades in place) the digiready agent as a systemd service.
#
#   sudo ./install.sh --collector URL --enrollment-token TOKEN [--proxy URL] [--java PATH]
#                     [--jar PATH] [--root DIR]
#   sudo ./install.sh                 # upgrade: keeps the existing config, state and machine id
#
# The token may also come from the environment (DIGIREADY_ENROLLMENT_TOKEN) so that it does not
# show in `ps` or the shell history; it is written to the config file only, never printed.
# The jar is --jar PATH, else digiready-agent.jar beside this script (a release bundle), else
# agent/target/digiready-agent.jar of the repository this script sits in (a checkout).
# --root DIR installs into DIR instead of / (tests, packagers): no user is created, no owner is
# changed and systemctl is not called; what would have been done is printed.
# Without systemd running as PID 1 (a container, WSL, LXC), without root, or without systemctl,
# useradd or Java 17, it stops before changing anything and prints the command that runs the agent
# by hand instead.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root=""
collector=""
token="${DIGIREADY_ENROLLMENT_TOKEN:-}"
proxy=""
java_arg=""
jar=""

die() { echo "install.sh: $1" >&2; exit "${2:-1}"; }
need_value() { [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value" 2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --collector) need_value "$@"; collector="$2"; shift 2 ;;
    --enrollment-token) need_value "$@"; token="$2"; shift 2 ;;
    --proxy) need_value "$@"; proxy="$2"; shift 2 ;;
    --java) need_value "$@"; java_arg="$2"; shift 2 ;;
    --jar) need_value "$@"; jar="$2"; shift 2 ;;
    --root) need_value "$@"; root="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (try --help)" 2 ;;
  esac
done

name=digiready-agent
user=digiready-agent
opt="/opt/$name"
etc=/etc/digiready
config="$etc/agent.properties"
state="/var/lib/$name"
unit="/etc/systemd/system/$name.service"

# Every check comes before the first change: a machine that cannot run the service (no root, no
# systemd, a missing program, Java too old) is left exactly as it was, and the refusal says how to
# run the agent by hand instead.
java_bin="${java_arg:-}"
if [[ -z "$java_bin" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    java_bin="$JAVA_HOME/bin/java"
  else
    java_bin="$(command -v java || true)"
  fi
fi
if [[ -z "$jar" ]]; then
  for candidate in "$here/$name.jar" "$here/../../../agent/target/$name.jar"; do
    if [[ -f "$candidate" ]]; then
      jar="$(cd "$(dirname "$candidate")" && pwd)/$name.jar"
      break
    fi
  done
fi
[[ -n "$jar" && -f "$jar" ]] || die "agent jar not found: pass --jar PATH (build it with: mvn -B -pl agent package)"
[[ -f "$here/$name" ]] || die "the launcher $here/$name is missing"

# The command that runs the agent in the foreground with what was given here; the state goes to
# the agent's default (/var/lib/digiready-agent as root, ~/.digiready-agent otherwise).
by_hand() {
  local command=""
  if [[ -n "$token" ]]; then
    command+="DIGIREADY_ENROLLMENT_TOKEN=<enrollment token> "
  fi
  if [[ -n "$java_arg" ]]; then
    command+="JAVA_HOME=$(printf %q "$(dirname "$(dirname "$(readlink -f "$java_bin")")")") "
  fi
  command+="DIGIREADY_AGENT_JAR=$(printf %q "$jar") $(printf %q "$here/$name") run"
  if [[ -n "$collector" ]]; then
    command+=" --collector-url $collector"
  elif [[ -f "$config" ]]; then
    command+=" --config $config"
  fi
  if [[ -n "$proxy" ]]; then
    command+=" --proxy-url $proxy"
  fi
  echo "$command"
}
refuse() {
  echo "install.sh: $1; nothing was changed." >&2
  echo "To run the agent by hand instead (in the foreground; Ctrl-C stops it):" >&2
  echo "  $(by_hand)" >&2
  exit 1
}

if [[ -z "$root" ]]; then
  # sd_booted(): systemd creates /run/systemd/system when it runs as PID 1
  if [[ ! -d /run/systemd/system ]]; then
    refuse "this machine does not run systemd (PID 1 is $(cat /proc/1/comm 2>/dev/null || echo unknown), as in a container, WSL or LXC), so the agent cannot be installed as a service"
  fi
  if [[ "$(id -u)" != 0 ]]; then
    refuse "creating the service user and the systemd unit needs root: run it with sudo, or use --root DIR to install into a directory tree"
  fi
  for tool in systemctl:systemd useradd:passwd chown:coreutils install:coreutils; do
    command -v "${tool%%:*}" >/dev/null 2>&1 \
      || refuse "${tool%%:*} is missing (Debian package ${tool#*:}), and the service cannot be set up without it"
  done
fi

java_hint="install Java 17 or newer: apt-get install openjdk-17-jre-headless (Debian/Ubuntu), dnf install java-17-openjdk-headless (RHEL/Fedora), or pass --java /path/to/bin/java"
[[ -n "$java_bin" && -x "$java_bin" ]] || refuse "Java was not found; $java_hint"
java_version="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
java_major="${java_version#1.}"
java_major="${java_major%%.*}"
if [[ ! "$java_major" =~ ^[0-9]+$ ]] || (( java_major < 17 )); then
  refuse "$java_bin is Java ${java_version:-of unknown version}; $java_hint"
fi

# Config: a fresh install needs the collector and a token; a re-run without them keeps the file
# (an upgrade). Keys this script does not manage (probeTargets, ...) survive a re-run.
if [[ ! -f "$root$config" && ( -z "$collector" || -z "$token" ) ]]; then
  die "a first install needs --collector URL and --enrollment-token TOKEN" 2
fi

# The new config is written to a private temp file and checked by the agent itself before
# anything is installed: a typo stops here, not in a restart loop. The agent's message names
# the key, never the token.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
new="$tmp/agent.properties"
if [[ -n "$collector" || -n "$token" || -n "$proxy" || ! -f "$root$config" ]]; then
  (
    umask 077
    {
      echo "# digiready agent, written by install.sh; keys: agent/README.md"
      if [[ -f "$root$config" ]]; then
        grep -vE '^[[:space:]]*(#|$|(collectorUrl|enrollmentToken|proxyUrl|stateDir)[[:space:]]*[=:])' "$root$config" || true
        current() { sed -n "s/^[[:space:]]*$1[[:space:]]*[=:][[:space:]]*//p" "$root$config" | tail -n 1; }
        [[ -n "$collector" ]] || collector="$(current collectorUrl)"
        [[ -n "$token" ]] || token="$(current enrollmentToken)"
        [[ -n "$proxy" ]] || proxy="$(current proxyUrl)"
      fi
      echo "collectorUrl=$collector"
      echo "enrollmentToken=$token"
      echo "stateDir=$state"
      if [[ -n "$proxy" ]]; then
        echo "proxyUrl=$proxy"
      fi
    } >"$new"
  )
else
  cp "$root$config" "$new"
fi
if ! "$java_bin" -Xshare:auto -XX:TieredStopAtLevel=1 -jar "$jar" status \
    --config "$new" --state-dir "$tmp/state" >/dev/null; then
  die "the agent rejected the configuration (see the line above); nothing was changed" 2
fi

mkdir -p "$root$opt" "$root$etc" "$root$state/tmp" "$root$(dirname "$unit")"
chmod 0755 "$root$opt"
chmod 0700 "$root$state" "$root$state/tmp"

# Copy then rename: a service restarting mid-upgrade never sees half a jar or half a config.
install -m 0644 "$jar" "$root$opt/$name.jar.new"
mv -f "$root$opt/$name.jar.new" "$root$opt/$name.jar"
install -m 0755 "$here/$name" "$root$opt/$name"
install -m 0755 "$here/uninstall.sh" "$root$opt/uninstall.sh"
install -m 0600 "$new" "$root$config.new"
mv -f "$root$config.new" "$root$config"

# Unit: the Java chosen with --java is pinned through JAVA_HOME (the launcher honours it),
# and stays pinned on a later upgrade without --java.
java_home_line="# JAVA_HOME: the launcher uses java from PATH"
if [[ -n "$java_arg" ]]; then
  java_home="$(dirname "$(dirname "$(readlink -f "$java_bin")")")"
  java_home_line="Environment=JAVA_HOME=$java_home"
elif [[ -f "$root$unit" ]] && grep -q '^Environment=JAVA_HOME=' "$root$unit"; then
  java_home_line="$(grep -m 1 '^Environment=JAVA_HOME=' "$root$unit")"
fi
sed -e "s|@JAVA_HOME_LINE@|$java_home_line|" "$here/$name.service" >"$root$unit.new"
chmod 0644 "$root$unit.new"
mv -f "$root$unit.new" "$root$unit"

run() {
  if [[ -n "$root" ]]; then
    echo "skipped (--root): $*"
  else
    "$@"
  fi
}

if [[ -z "$root" ]] && ! id -u "$user" >/dev/null 2>&1; then
  useradd --system --home-dir "$state" --no-create-home --shell /usr/sbin/nologin \
    --comment "digiready agent" "$user"
elif [[ -n "$root" ]]; then
  echo "skipped (--root): useradd --system $user"
fi
run chown -R "$user:$user" "$state"
run chown "$user:$user" "$config"
run systemctl daemon-reload
run systemctl enable "$name.service"
# restart, not start: an upgrade must load the new jar
run systemctl restart "$name.service"

echo "digiready agent installed in ${root:-/}: $opt, config $config (token not shown), state $state"
if [[ -z "$root" ]]; then
  echo "check it with: systemctl status $name; journalctl -u $name -f"
fi
