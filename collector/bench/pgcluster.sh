# shellcheck shell=bash
# A throwaway PostgreSQL cluster for the benches (sourced by postgres.sh and soak.sh, not run):
# initdb in a temp dir, run by the postgres user, durable settings (fsync and synchronous_commit
# on, as a production server), listening on 127.0.0.1 only, on a free port.
#
#   pg_cluster_check          exit 2 unless root, PostgreSQL's and HAProxy's programs installed;
#                             sets PG_BIN
#   pg_cluster_init DIR       DIR/pg owned by postgres, initdb; sets PG_DIR and PG_PORT
#   pg_cluster_start          start (waits until it takes connections)
#   pg_cluster_stop           fast stop (fails when it is not running)
#   pg ARGS...                runs a command as the postgres user

pg() { runuser -u postgres -- "$@"; }

pg_cluster_check() {
  [ "$(id -u)" = 0 ] || { echo "run as root: PostgreSQL's programs run as the postgres user through runuser" >&2; exit 2; }
  PG_BIN=$(find /usr/lib/postgresql -maxdepth 3 -name initdb -path '*/bin/*' 2> /dev/null | sort -V | tail -1 | xargs -r dirname)
  [ -n "$PG_BIN" ] || { echo "initdb not found: apt-get install postgresql" >&2; exit 2; }
  command -v haproxy > /dev/null || { echo "haproxy is not installed: apt-get install haproxy" >&2; exit 2; }
}

pg_cluster_init() { # DIR (made readable to the postgres user)
  chmod 755 "$1"
  PG_DIR=$1/pg
  mkdir "$PG_DIR"
  chown postgres: "$PG_DIR"
  PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  pg "$PG_BIN/initdb" -A trust -U postgres -D "$PG_DIR/data" > "$1/initdb.log"
}

pg_cluster_start() {
  pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-k $PG_DIR -c listen_addresses=127.0.0.1 -p $PG_PORT -c max_connections=200" start > /dev/null
}

pg_cluster_stop() {
  pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop > /dev/null
}
