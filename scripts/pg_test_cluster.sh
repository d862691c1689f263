#!/bin/sh
# A throwaway PostgreSQL server for the tests: a cluster made by initdb in a folder of its own, listening on a
# free port of 127.0.0.1 only, trust authentication, fsync off (nothing in it outlives the run).
#   sh scripts/pg_test_cluster.sh start DIR   -> makes DIR (must not exist), starts the server there and prints
#                                               its URL (also written to DIR/url): export it as CIVICDESK_TEST_PG
#   sh scripts/pg_test_cluster.sh stop DIR    -> stops the server and removes DIR
#   sh scripts/pg_test_cluster.sh pause DIR   -> stops the server at once (pg_ctl stop -m immediate: a crash, for
#                                               the tests of a lost connection), keeping DIR
#   sh scripts/pg_test_cluster.sh resume DIR  -> starts the paused server again, on the same port
# As root the server runs as the user `postgres` (Debian's package makes it; else this script makes it): PostgreSQL
# refuses to run as root.  The server's binaries come from PATH or Debian's /usr/lib/postgresql/VERSION/bin.
set -eu

usage() { echo "usage: sh $0 start|stop|pause|resume DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

bindir() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
        return
    fi
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$found" ] || { echo "PostgreSQL's initdb and pg_ctl not found (Debian: apt-get install postgresql)" >&2; exit 1; }
    echo "$found"
}

# run a command as the server's owner: ourselves, or `postgres` when we are root
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "$action" in
start)
    [ ! -e "$dir" ] || { echo "$dir exists: give a new folder" >&2; exit 1; }
    bin=$(bindir)
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    # a port the kernel just handed out and released: free unless another program takes it this very moment
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0 -c max_connections=200"
    echo "$options" >"$dir/options"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    url="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    echo "$url" >"$dir/url"
    echo "$url"
    ;;
stop)
    [ -d "$dir/data" ] || exit 0
    bin=$(bindir)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
pause)
    [ -d "$dir/data" ] || { echo "$dir holds no server" >&2; exit 1; }
    as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
resume)
    [ -f "$dir/options" ] || { echo "$dir holds no server" >&2; exit 1; }
    as_owner "$(bindir)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" start \
        >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    ;;
*)
    usage
    ;;
esac
