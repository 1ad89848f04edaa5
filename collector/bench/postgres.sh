#!/usr/bin/env bash
# The same load on SQLite (one collector), PostgreSQL (one collector) and PostgreSQL (two collectors
# behind HAProxy), one after the other in the same run (issue 15's figures). See README.md.
#
# Run as root from the repository root after `mvn -B -q -DskipTests package`, with the Debian
# packages postgresql and haproxy installed:
#   collector/bench/postgres.sh single|batch [--only sqlite|postgresql|two] [run.sh options, e.g. --duration 30]
# A throwaway PostgreSQL cluster (initdb in a temp dir, run by the postgres user, durable settings:
# fsync and synchronous_commit on, as a production server) gets a new database for each PostgreSQL
# run. Each run is collector/bench/run.sh with --no-noop; its table is printed as it comes.
set -euo pipefail

MODE=${1:-}
case "$MODE" in
  single | batch) shift ;;
  *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
ONLY=all
if [ "${1:-}" = --only ]; then
  ONLY=${2:-}
  shift 2 || true
  case "$ONLY" in
    sqlite | postgresql | two) ;;
    *) echo "--only takes sqlite, postgresql or two, found: $ONLY" >&2; exit 2 ;;
  esac
fi
BENCH=$(cd "$(dirname "$0")" && pwd)
[ "$(id -u)" = 0 ] || { echo "run as root: PostgreSQL's programs run as the postgres user through runuser" >&2; exit 2; }
PG_BIN=$(find /usr/lib/postgresql -maxdepth 3 -name initdb -path '*/bin/*' 2> /dev/null | sort -V | tail -1 | xargs -r dirname)
[ -n "$PG_BIN" ] || { echo "initdb not found: apt-get install postgresql" >&2; exit 2; }
command -v haproxy > /dev/null || { echo "haproxy is not installed: apt-get install haproxy" >&2; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/digiready-pgbench.XXXXXX")
chmod 755 "$TMP"
mkdir "$TMP/pg"
chown postgres: "$TMP/pg"
pg() { runuser -u postgres -- "$@"; }
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  pg "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -m fast stop > /dev/null 2>&1 || true
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pg "$PG_BIN/initdb" -A trust -U postgres -D "$TMP/pg/data" > "$TMP/initdb.log"
pg "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -l "$TMP/pg/server.log" -w \
  -o "-k $TMP/pg -c listen_addresses=127.0.0.1 -p $PORT -c max_connections=200" start > /dev/null
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$PORT (fsync on, synchronous_commit on)"

run() { # label database [run.sh options]
  local label=$1 db=$2
  shift 2
  echo
  echo "######## $label"
  if [ "$db" = sqlite ]; then
    "$BENCH/run.sh" "$MODE" --no-noop "$@"
  else
    pg "$PG_BIN/psql" -h "$TMP/pg" -p "$PORT" -U postgres -qc "CREATE DATABASE $db" > /dev/null
    "$BENCH/run.sh" "$MODE" --no-noop "$@" -- --storage postgresql \
      --jdbc-url "jdbc:postgresql://127.0.0.1:$PORT/$db" --jdbc-user postgres
  fi
}

[ "$ONLY" != all ] && [ "$ONLY" != sqlite ] || run "SQLite, one collector" sqlite "$@"
[ "$ONLY" != all ] && [ "$ONLY" != postgresql ] || run "PostgreSQL, one collector" bench1 "$@"
[ "$ONLY" != all ] && [ "$ONLY" != two ] || run "PostgreSQL, two collectors behind HAProxy" bench2 --second-collector "$@"
