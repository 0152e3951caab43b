#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15: initdb into a temporary directory, listen on
# 127.0.0.1 only (a free port chosen now), trust auth, durability off (test data is disposable).
# Exports OOGST_TEST_PG_URL for the command, then stops the server and removes the directory,
# whatever happens. Exits with the command's status.
#   scripts/with-postgres.sh npm run test:pg
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  if [ -x /usr/lib/postgresql/15/bin/pg_ctl ]; then echo /usr/lib/postgresql/15/bin; return; fi
  # another major version if 15 is not there; the newest one
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return; fi
  if command -v pg_config >/dev/null 2>&1; then pg_config --bindir; return; fi
  echo "PostgreSQL server binaries not found (apt-get install -y postgresql, or set PG_BIN)" >&2
  exit 1
}
BIN=$(pg_bin)

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
    else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

DIR=$(mktemp -d "${TMPDIR:-/tmp}/oogst-pg.XXXXXX")
chmod 700 "$DIR"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DIR"; fi
DATA="$DIR/data"
STARTED=0

cleanup() {
  local status=$?
  if [ "$STARTED" -eq 1 ]; then
    as_pg "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 || {
  cat "$DIR/initdb.log" >&2
  exit 1
}

# The port is free when chosen; another process could take it before the server binds, so retry.
for attempt in 1 2 3 4 5; do
  PORT=$(free_port)
  if as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 start \
      -o "-F -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c listen_addresses=127.0.0.1 -p $PORT -k $DIR" \
      >/dev/null; then
    STARTED=1
    break
  fi
  echo "PostgreSQL did not start on port $PORT (attempt $attempt)" >&2
  tail -n 20 "$DIR/server.log" >&2 || true
done
if [ "$STARTED" -ne 1 ]; then exit 1; fi

export OOGST_TEST_PG_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (data in $DIR)" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
