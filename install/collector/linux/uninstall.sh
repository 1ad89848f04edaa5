#!/usr/bin/env bash
# Removes the digiready collector: services, program, config and, unless --keep-data, the
# database in /var/lib/digiready, the backups in /var/backups/digiready and the service user.
#
#   sudo ./uninstall.sh [--keep-data] [--root DIR]
#
# --root DIR removes an install made with install.sh --root DIR (no systemctl, no userdel).
set -euo pipefail

root=""
keep_data=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --keep-data|--keep-state) keep_data=true; shift ;;
    --root)
      [[ $# -ge 2 && -n "$2" ]] || { echo "uninstall.sh: --root needs a value" >&2; exit 2; }
      root="$(cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "uninstall.sh: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

name=digiready-collector
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
for unit in "$name-backup.timer" "$name-backup.service" "$name.service"; do
  if [[ "$systemd" == true ]]; then
    systemctl disable --now "$unit" 2>/dev/null || true
  elif [[ -n "$root" ]]; then
    echo "skipped (--root): systemctl disable --now $unit"
  fi
  rm -f "$root/etc/systemd/system/$unit"
done
if [[ "$systemd" == true ]]; then
  systemctl daemon-reload || true
fi

rm -rf "$root/opt/$name" "$root/var/cache/$name"
rm -f "$root/etc/digiready/collector.properties" "$root/etc/digiready/collector.properties.new"
# /etc/digiready is shared with the agent: removed only when nothing else is left in it
rmdir "$root/etc/digiready" 2>/dev/null || true

if [[ "$keep_data" == true ]]; then
  echo "kept $root/var/lib/digiready and $root/var/backups/digiready"
else
  rm -rf "$root/var/lib/digiready" "$root/var/backups/digiready"
  if [[ -z "$root" ]]; then
    if id -u digiready >/dev/null 2>&1; then
      userdel digiready || true
    fi
  else
    echo "skipped (--root): userdel digiready"
  fi
fi
echo "digiready collector removed from ${root:-/}"
