#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print its URL on the last line:
#
#     export MARSAD_TEST_PG=$(scripts/ci_postgres.sh | tail -n 1)
#
# As root (CI, containers): installs Debian's postgresql when it is missing, starts a cluster with
# pg_ctlcluster (the server itself runs as the postgres user, so root is never its owner), and
# creates the role and database `marsad_test`. As another user: initdb + pg_ctl in a private folder
# under ${MARSAD_PG_DIR:-$HOME/.cache/marsad-pg}, listening on localhost only.
# Running it again is harmless: it reuses the cluster, role and database.
set -euo pipefail

NAME=marsad_test
PASSWORD=marsad_test

log() { echo "ci_postgres: $*" >&2; }

pg_bindir() {
  local version
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
  [ -n "$version" ] && echo "/usr/lib/postgresql/$version/bin"
}

install_if_missing() {
  if [ -z "$(pg_bindir)" ]; then
    if [ "$(id -u)" != 0 ]; then
      log "PostgreSQL is not installed and this is not root: apt-get install -y postgresql"
      exit 1
    fi
    log "installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
  fi
}

# Root: the packaged cluster, started with pg_ctlcluster; prints the port.
start_as_root() {
  local version cluster port status
  version=$(basename "$(dirname "$(pg_bindir)")")
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v' | grep -q .; then
    log "creating cluster $version/main"
    pg_createcluster "$version" main >&2
  fi
  read -r _ cluster port status _ < <(pg_lsclusters -h | awk -v v="$version" '$1 == v' | head -n 1)
  if [ "$status" != online ]; then
    log "starting cluster $version/$cluster on port $port"
    pg_ctlcluster "$version" "$cluster" start >&2
  fi
  runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$NAME') THEN
    CREATE ROLE $NAME LOGIN PASSWORD '$PASSWORD' CREATEDB;
  END IF;
END \$\$;
SQL
  if ! runuser -u postgres -- psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = '$NAME'" | grep -q 1; then
    runuser -u postgres -- createdb -p "$port" -O "$NAME" "$NAME" >&2
  fi
  echo "$port"
}

# Not root: a private cluster owned by the current user; prints the port.
start_as_user() {
  local bin dir port
  bin=$(pg_bindir)
  dir=${MARSAD_PG_DIR:-$HOME/.cache/marsad-pg}
  port=${MARSAD_PG_PORT:-54329}
  if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir"
    local pwfile
    pwfile=$(mktemp)
    echo "$PASSWORD" >"$pwfile"
    "$bin/initdb" -D "$dir" -U "$NAME" --pwfile="$pwfile" -A scram-sha-256 >&2
    rm -f "$pwfile"
  fi
  if ! "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=localhost" start >&2
  fi
  if ! PGPASSWORD=$PASSWORD "$bin/psql" -h localhost -p "$port" -U "$NAME" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$NAME'" | grep -q 1; then
    PGPASSWORD=$PASSWORD "$bin/createdb" -h localhost -p "$port" -U "$NAME" "$NAME" >&2
  fi
  echo "$port"
}

install_if_missing
if [ "$(id -u)" = 0 ]; then
  PORT=$(start_as_root)
else
  PORT=$(start_as_user)
fi
log "ready; export MARSAD_TEST_PG with the URL below"
echo "postgresql://$NAME:$PASSWORD@localhost:$PORT/$NAME"
