#!/usr/bin/env bash
# The same load on SQLite (one collector), PostgreSQL (one collector) and PostgreSQL (two collectors
# behind HAProxy), one after the other in the same run (issue 15's figures). See README.md.
#
# Run as root from the repository root after `mvn -B -q -DskipTests package`, with the Debian
# packages postgresql and haproxy installed:
#   collector/bench/postgres.sh single|batch [--only sqlite|postgresql|two] [run.sh options, e.g. --duration 30]
# A throwaway PostgreSQL cluster (initdb in a temp dir, run by the postgres user, durable settings:
# fsync and synchronous_commit on, as a production server) gets a new database for each PostgreSQL
# run. Each run is collector/bench/run.sh with --no-noop; its table is printed as it comes, and at
# the end issue 28's goals: single, PostgreSQL's requests/s over SQLite's (>= 0.8); batch,
# PostgreSQL's heartbeats/s (>= 100,000). COLLECTOR_JAR runs another build (see run.sh).
set -euo pipefail

MODE=${1:-}
case "$MODE" in
  single | batch) shift ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
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
# shellcheck source=collector/bench/pgcluster.sh
. "$BENCH/pgcluster.sh"
pg_cluster_check

TMP=$(mktemp -d "${TMPDIR:-/tmp}/digiready-pgbench.XXXXXX")
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [ -z "${PG_DIR:-}" ] || pg_cluster_stop 2> /dev/null || true
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_cluster_init "$TMP"
pg_cluster_start
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$PG_PORT (fsync on, synchronous_commit on)"

run() { # label database [run.sh options]
  local label=$1 db=$2
  shift 2
  echo
  echo "######## $label"
  if [ "$db" = sqlite ]; then
    "$BENCH/run.sh" "$MODE" --no-noop "$@" | tee "$TMP/$db.out"
  else
    pg "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE $db" > /dev/null
    "$BENCH/run.sh" "$MODE" --no-noop "$@" -- --storage postgresql \
      --jdbc-url "jdbc:postgresql://127.0.0.1:$PG_PORT/$db" --jdbc-user postgres | tee "$TMP/$db.out"
  fi
}
# The collector's row of a run's table: requests/s, heartbeats/s and others %, or nothing.
figures() { awk '$1 == "collector" && $2 ~ /^[0-9]+$/ { print $2, $3, $NF; exit }' "$TMP/$1.out" 2> /dev/null || true; }

[ "$ONLY" != all ] && [ "$ONLY" != sqlite ] || run "SQLite, one collector" sqlite "$@"
[ "$ONLY" != all ] && [ "$ONLY" != postgresql ] || run "PostgreSQL, one collector" bench1 "$@"
[ "$ONLY" != all ] && [ "$ONLY" != two ] || run "PostgreSQL, two collectors behind HAProxy" bench2 --second-collector "$@"

read -r SQ_RPS SQ_HBS SQ_OTHERS <<< "$(figures sqlite)" || true
read -r PG_RPS PG_HBS PG_OTHERS <<< "$(figures bench1)" || true
echo
echo "== issue 28: PostgreSQL against SQLite, one collector each, $MODE, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "   jar: ${COLLECTOR_JAR:-collector/target/digiready-collector.jar}"
[ -z "${SQ_RPS:-}" ] || echo "   SQLite:     $SQ_RPS requests/s, $SQ_HBS heartbeats/s (others $SQ_OTHERS % of a core)"
[ -z "${PG_RPS:-}" ] || echo "   PostgreSQL: $PG_RPS requests/s, $PG_HBS heartbeats/s (others $PG_OTHERS % of a core)"
if [ "$MODE" = single ]; then
  if [ -n "${SQ_RPS:-}" ] && [ -n "${PG_RPS:-}" ]; then
    awk -v p="$PG_RPS" -v s="$SQ_RPS" 'BEGIN { r = p / s; printf "ratio PostgreSQL / SQLite, requests/s: %.2f (goal >= 0.8: %s)\n", r, (r >= 0.8 ? "met" : "NOT met") }'
  else
    echo "ratio PostgreSQL / SQLite: needs both runs (not with --only)"
  fi
elif [ -n "${PG_HBS:-}" ]; then
  awk -v h="$PG_HBS" 'BEGIN { printf "PostgreSQL: %d heartbeats/s in 500-heartbeat batches (goal >= 100000: %s)\n", h, (h >= 100000 ? "met" : "NOT met") }'
fi
