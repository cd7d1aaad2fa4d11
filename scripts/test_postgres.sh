# A throwaway PostgreSQL server for the test suite. Sourced by test.sh, which calls
#
#   pg_test_start   find the server binaries (as root with apt: install them if missing),
#                   initdb a cluster in a new folder under /tmp, start it listening only on
#                   a unix socket in that folder, and export BRIEFBOT_TEST_PG_URL (the
#                   tests create a database per test on it). If PostgreSQL cannot be had,
#                   export BRIEFBOT_TEST_PG_SKIP with the reason instead: the PostgreSQL
#                   variants of the database tests are then skipped, and both this script
#                   and pytest's summary say why. Returns 1 if a server was found but
#                   failed to start (a broken setup fails the run, it is not skipped).
#   pg_test_stop    stop the server and remove its folder (test.sh traps EXIT).
#
# BRIEFBOT_TEST_PG_URL already set: that server is used and nothing is started.
# BRIEFBOT_TEST_PG=off: no PostgreSQL (skipped, with the notice).
# BRIEFBOT_PG_BINDIR: the folder of initdb, pg_ctl and postgres, if not found by itself.

_pg_dir=""
_pg_user=""
_pg_bin=""

_pg_note() { echo "test.sh: $*" >&2; }

_pg_bindir() {
  local dir candidates=("${BRIEFBOT_PG_BINDIR:-}")
  if command -v pg_config >/dev/null 2>&1; then candidates+=("$(pg_config --bindir)"); fi
  if command -v initdb >/dev/null 2>&1; then candidates+=("$(dirname "$(command -v initdb)")"); fi
  # Debian/Ubuntu keep the server binaries off PATH; newest version first.
  candidates+=($(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r))
  candidates+=(/usr/local/pgsql/bin /usr/pgsql-*/bin)
  for dir in "${candidates[@]}"; do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

_pg_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
  _pg_note "PostgreSQL not found; installing it (apt-get install postgresql)..."
  local log
  log=$(mktemp)
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends postgresql >"$log" 2>&1; then
    apt-get update -q >>"$log" 2>&1
    apt-get install -y -q --no-install-recommends postgresql >>"$log" 2>&1 || {
      tail -n 5 "$log" >&2
      rm -f "$log"
      return 1
    }
  fi
  rm -f "$log"
}

# Run a server binary as the cluster's owner: initdb and pg_ctl refuse to run as root.
_pg_as_owner() {
  if [ -z "$_pg_user" ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$_pg_user" -- "$@"
  else
    su -s /bin/sh "$_pg_user" -c "$(printf '%q ' "$@")"
  fi
}

_pg_skip() {
  export BRIEFBOT_TEST_PG_SKIP="$1"
  _pg_note "PostgreSQL tests will be SKIPPED: $1"
}

pg_test_start() {
  if [ -n "${BRIEFBOT_TEST_PG_URL:-}" ]; then
    _pg_note "PostgreSQL tests use the server at BRIEFBOT_TEST_PG_URL"
    return 0
  fi
  if [ "${BRIEFBOT_TEST_PG:-on}" = off ]; then
    _pg_skip "BRIEFBOT_TEST_PG=off"
    return 0
  fi
  local bindir
  if ! bindir=$(_pg_bindir); then
    if _pg_install && bindir=$(_pg_bindir); then :; else
      _pg_skip "no PostgreSQL server binaries (initdb, pg_ctl, postgres) found, and they could not be installed (needs root and apt-get)"
      return 0
    fi
  fi
  if [ "$(id -u)" = 0 ]; then
    # The cluster belongs to an unprivileged user; the tests connect through its socket.
    if id postgres >/dev/null 2>&1; then _pg_user=postgres; else _pg_user=nobody; fi
  fi
  _pg_bin=$bindir
  _pg_dir=$(mktemp -d /tmp/briefbot-pg.XXXXXX) || return 1
  chmod 755 "$_pg_dir"
  [ -n "$_pg_user" ] && chown "$_pg_user" "$_pg_dir"
  # Durability is not wanted here (fsync off); a non-UTC time zone with daylight saving
  # makes any naive or local-time handling of timestamps show up in the tests.
  if ! _pg_as_owner "$bindir/initdb" -D "$_pg_dir/data" -U briefbot --auth=trust --no-sync \
    -E UTF8 --no-locale >"$_pg_dir/initdb.log" 2>&1 ||
    ! _pg_as_owner "$bindir/pg_ctl" start -w -t 60 -D "$_pg_dir/data" -l "$_pg_dir/server.log" \
      -o "-c listen_addresses='' -k $_pg_dir -c fsync=off -c synchronous_commit=off" \
      -o "-c full_page_writes=off -c timezone=America/New_York" >/dev/null; then
    _pg_note "could not start PostgreSQL from $bindir:"
    tail -n 20 "$_pg_dir/initdb.log" "$_pg_dir/server.log" >&2 2>/dev/null
    return 1
  fi
  export BRIEFBOT_TEST_PG_URL="postgresql+psycopg://briefbot@/postgres?host=$_pg_dir"
  _pg_note "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') started for the tests (socket in $_pg_dir)"
}

pg_test_stop() {
  [ -n "$_pg_dir" ] || return 0
  if [ -f "$_pg_dir/data/postmaster.pid" ]; then
    _pg_as_owner "$_pg_bin/pg_ctl" stop -m immediate -D "$_pg_dir/data" >/dev/null 2>&1
  fi
  rm -rf "$_pg_dir"
  _pg_dir=""
}
