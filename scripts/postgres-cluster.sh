#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests of the publication and the federated run (issue 15).
#
#   source scripts/postgres-cluster.sh   # installs Debian's postgresql when missing, starts a cluster,
#                                        # exports HALLRATE_TEST_POSTGRES and HALLRATE_TEST_PG_CTL,
#                                        # and stops and deletes the cluster when the shell exits
#
# The cluster lives in a temporary folder, listens on 127.0.0.1 only, on a free port, with its socket in
# that folder, and trusts local connections (nothing else can reach it). PostgreSQL refuses to run as
# root, so as root (CI) the cluster belongs to an unprivileged system user, hallrate-pg, created once.
# Durability is switched off (fsync, synchronous_commit): the data is thrown away at the end.

hallrate_pg_start() {
  local sudo="" bin port
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "hallrate: installing postgresql (for the publication tests)" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  HALLRATE_PG_DIR=$(mktemp -d /tmp/hallrate-pg.XXXXXX)
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    id hallrate-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin hallrate-pg
    chown hallrate-pg "$HALLRATE_PG_DIR"
    run=(runuser -u hallrate-pg --)
  fi
  chmod 700 "$HALLRATE_PG_DIR"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  "${run[@]}" "$bin/initdb" -D "$HALLRATE_PG_DIR/data" -U hallrate -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  # In the configuration, not on the command line: a test stops and starts the server again with pg_ctl.
  printf '%s\n' "port = $port" "listen_addresses = '127.0.0.1'" "unix_socket_directories = '$HALLRATE_PG_DIR'" \
    "fsync = off" "synchronous_commit = off" "full_page_writes = off" \
    | "${run[@]}" tee -a "$HALLRATE_PG_DIR/data/postgresql.conf" >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$HALLRATE_PG_DIR/data" -l "$HALLRATE_PG_DIR/log" -w -t 60 start >/dev/null
  export HALLRATE_TEST_POSTGRES="postgresql://hallrate@127.0.0.1:$port/postgres"
  # The tests stop and start the server (a publication to a server that is down): this command does it.
  export HALLRATE_TEST_PG_CTL="${run[*]} $bin/pg_ctl -D $HALLRATE_PG_DIR/data -l $HALLRATE_PG_DIR/log -w -t 60"
  echo "hallrate: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests at $HALLRATE_TEST_POSTGRES" >&2
  trap hallrate_pg_stop EXIT
}

hallrate_pg_stop() {
  [ -n "${HALLRATE_PG_DIR:-}" ] || return 0
  $HALLRATE_TEST_PG_CTL -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$HALLRATE_PG_DIR"
  HALLRATE_PG_DIR=""
}

hallrate_pg_start
