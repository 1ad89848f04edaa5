#!/usr/bin/env bash
# Removes the digiready agent: service, program, config, state directory and service user.
#
#   sudo ./uninstall.sh [--keep-state] [--root DIR]
#
# --keep-state keeps /var/lib/digiready-agent (machine id and unsent spool) and the service user
# that owns it, so that a later install continues as the same machine.
# --root DIR removes an install made with install.sh --root DIR (no systemctl, no userdel).
# install.sh also copies this script to /opt/digiready-agent/uninstall.sh.
set -euo pipefail

root=""
keep_state=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --keep-state) keep_state=true; shift ;;
    --root)
      [[ $# -ge 2 && -n "$2" ]] || { echo "uninstall.sh: --root needs a value" >&2; exit 2; }
      root="$(cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "uninstall.sh: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

name=digiready-agent
if [[ -z "$root" && "$(id -u)" != 0 ]]; then
  echo "uninstall.sh: run as root (sudo), or use --root DIR" >&2
  exit 1
fi

# systemctl only where systemd runs (it creates /run/systemd/system as PID 1): elsewhere (a
# container, WSL) there is no service to stop and systemctl would only print an error.
systemd=false
if [[ -z "$root" && -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
  systemd=true
fi
if [[ "$systemd" == true ]]; then
  systemctl disable --now "$name.service" 2>/dev/null || true
elif [[ -n "$root" ]]; then
  echo "skipped (--root): systemctl disable --now $name.service"
fi
rm -f "$root/etc/systemd/system/$name.service"
if [[ "$systemd" == true ]]; then
  systemctl daemon-reload || true
  systemctl reset-failed "$name.service" 2>/dev/null || true
fi

rm -rf "$root/opt/$name"
rm -f "$root/etc/digiready/agent.properties" "$root/etc/digiready/agent.properties.new"
# /etc/digiready is shared with the collector: removed only when nothing else is left in it
rmdir "$root/etc/digiready" 2>/dev/null || true

if [[ "$keep_state" == true ]]; then
  echo "kept $root/var/lib/$name (machine id and spool)"
else
  rm -rf "$root/var/lib/$name"
  if [[ -z "$root" ]]; then
    if id -u "$name" >/dev/null 2>&1; then
      userdel "$name" || true
    fi
  else
    echo "skipped (--root): userdel $name"
  fi
fi
echo "digiready agent removed from ${root:-/}"
