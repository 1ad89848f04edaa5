#!/usr/bin/env bash
# Installs (or upgrades in place) the digiready collector as a systemd service.
#
#   sudo ./install.sh [--jar PATH] [--java PATH] [--root DIR]
#
# Program: /opt/digiready-collector (jar, launcher, uninstall.sh); config:
# /etc/digiready/collector.properties (written on the first install only, then yours to edit);
# data: /var/lib/digiready, owned by the system user digiready. A daily backup timer is installed
# but not enabled (install/README.md). The jar is --jar PATH, else digiready-collector.jar beside
# this script, else collector/target/digiready-collector.jar of the repository this script sits in.
# --root DIR installs into DIR instead of / (tests, packagers): no user is created, no owner is
# changed and systemctl is not called; what would have been done is printed.
# Without systemd running as PID 1 (a container, WSL, LXC), without root, or without systemctl,
# useradd or Java 17, it stops before changing anything and prints the command that serves by hand
# instead.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root=""
java_arg=""
jar=""

die() { echo "install.sh: $1" >&2; exit "${2:-1}"; }
need_value() { [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value" 2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --java) need_value "$@"; java_arg="$2"; shift 2 ;;
    --jar) need_value "$@"; jar="$2"; shift 2 ;;
    --root) need_value "$@"; root="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (try --help)" 2 ;;
  esac
done

name=digiready-collector
user=digiready
opt="/opt/$name"
etc=/etc/digiready
config="$etc/collector.properties"
data=/var/lib/digiready
backups=/var/backups/digiready
units=/etc/systemd/system

# Every check comes before the first change: a machine that cannot run the service (no root, no
# systemd, a missing program, Java too old) is left exactly as it was, and the refusal says how to
# run the collector by hand instead.
java_bin="${java_arg:-}"
if [[ -z "$java_bin" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    java_bin="$JAVA_HOME/bin/java"
  else
    java_bin="$(command -v java || true)"
  fi
fi
if [[ -z "$jar" ]]; then
  for candidate in "$here/$name.jar" "$here/../../../collector/target/$name.jar"; do
    if [[ -f "$candidate" ]]; then
      jar="$(cd "$(dirname "$candidate")" && pwd)/$name.jar"
      break
    fi
  done
fi
[[ -n "$jar" && -f "$jar" ]] || die "collector jar not found: pass --jar PATH (build it with: mvn -B -pl collector package)"

# The command that serves in the foreground with the settings a fresh install would write; the
# data goes where the service keeps it as root, else into the current user's home.
by_hand() {
  local command="" data_dir="$data"
  if [[ "$(id -u)" != 0 ]]; then
    data_dir="${HOME:-/tmp}/digiready-data"
  fi
  if [[ -n "$java_arg" ]]; then
    command+="JAVA_HOME=$(printf %q "$(dirname "$(dirname "$(readlink -f "$java_bin")")")") "
  fi
  command+="DIGIREADY_COLLECTOR_JAR=$(printf %q "$jar") $(printf %q "$here/$name") serve"
  if [[ -f "$config" ]]; then
    command+=" --config $config"
  else
    command+=" --data-dir $data_dir --report-language vi"
  fi
  echo "$command"
}
refuse() {
  echo "install.sh: $1; nothing was changed." >&2
  echo "To run the collector by hand instead (in the foreground; Ctrl-C stops it):" >&2
  echo "  $(by_hand)" >&2
  exit 1
}

if [[ -z "$root" ]]; then
  # sd_booted(): systemd creates /run/systemd/system when it runs as PID 1
  if [[ ! -d /run/systemd/system ]]; then
    refuse "this machine does not run systemd (PID 1 is $(cat /proc/1/comm 2>/dev/null || echo unknown), as in a container, WSL or LXC), so the collector cannot be installed as a service"
  fi
  if [[ "$(id -u)" != 0 ]]; then
    refuse "creating the service user and the systemd units needs root: run it with sudo, or use --root DIR to install into a directory tree"
  fi
  for tool in systemctl:systemd useradd:passwd chown:coreutils install:coreutils base64:coreutils; do
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

mkdir -p "$root$opt" "$root$etc" "$root$data" "$root$backups" "$root$units"
chmod 0755 "$root$opt"
chmod 0750 "$root$data" "$root$backups"

# Copy then rename: a restart during the upgrade never sees half a jar.
install -m 0644 "$jar" "$root$opt/$name.jar.new"
mv -f "$root$opt/$name.jar.new" "$root$opt/$name.jar"
install -m 0755 "$here/$name" "$root$opt/$name"
install -m 0755 "$here/uninstall.sh" "$root$opt/uninstall.sh"

# The config holds secrets (metricsToken; maybe adminToken, tlsKeystorePassword): root writes
# it, the service group reads it. An existing file is the administrator's and is kept.
if [[ ! -f "$root$config" ]]; then
  (
    umask 027
    # /metrics names every PC: only Prometheus, sending this token, may read it from the network.
    metrics_token="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    cat >"$root$config.new" <<CONF
# digiready collector; every key and its default: collector/README.md (Configuration)
port=8080
bindAddress=0.0.0.0
dataDir=$data
# adminToken is generated into $data/admin-token on the first start
# CSV exports and period reports in Vietnamese unless a request asks for lang=en
reportLanguage=vi
# Prometheus sends this as its bearer token (install/prometheus/README.md)
metricsToken=$metrics_token
CONF
  )
  mv -f "$root$config.new" "$root$config"
fi
chmod 0640 "$root$config"

java_home_line="# JAVA_HOME: the launcher uses java from PATH"
if [[ -n "$java_arg" ]]; then
  java_home_line="Environment=JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java_bin")")")"
elif [[ -f "$root$units/$name.service" ]] && grep -q '^Environment=JAVA_HOME=' "$root$units/$name.service"; then
  java_home_line="$(grep -m 1 '^Environment=JAVA_HOME=' "$root$units/$name.service")"
fi
for file in "$name.service" "$name-backup.service" "$name-backup.timer"; do
  sed -e "s|@JAVA_HOME_LINE@|$java_home_line|" "$here/$file" >"$root$units/$file.new"
  chmod 0644 "$root$units/$file.new"
  mv -f "$root$units/$file.new" "$root$units/$file"
done

run() {
  if [[ -n "$root" ]]; then
    echo "skipped (--root): $*"
  else
    "$@"
  fi
}

if [[ -z "$root" ]] && ! id -u "$user" >/dev/null 2>&1; then
  useradd --system --home-dir "$data" --no-create-home --shell /usr/sbin/nologin \
    --comment "digiready collector" "$user"
elif [[ -n "$root" ]]; then
  echo "skipped (--root): useradd --system $user"
fi
run chown -R "$user:$user" "$data" "$backups"
run chown "root:$user" "$config"
run systemctl daemon-reload
run systemctl enable "$name.service"
# restart, not start: an upgrade must load the new jar
run systemctl restart "$name.service"

echo "digiready collector installed in ${root:-/}: $opt, config $config, data $data"
if [[ -z "$root" ]]; then
  echo "admin token (after the first start): $data/admin-token"
  echo "metrics token for Prometheus: metricsToken in $config (install/prometheus/README.md)"
  echo "check it with: systemctl status $name; journalctl -u $name -f"
fi
