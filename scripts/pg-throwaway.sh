#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the PostgreSQL test runs.
#   eval "$(scripts/pg-throwaway.sh start)"   # prints: export CCRM_TEST_POSTGRES=...; export CCRM_PG_DIR=...
#   scripts/pg-throwaway.sh stop "$CCRM_PG_DIR"
# PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' user.
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "${1:-}" in
  start)
    bin=$(pg_bin)
    [ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
    dir=$(mktemp -d /tmp/ccrm-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 55432)
    as_pg "'$bin/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Durability off: a test cluster is thrown away, and fsync dominates its run time.
    as_pg "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
      -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start >/dev/null" \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export CCRM_PG_DIR='$dir'"
    echo "export CCRM_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Include Error Detail=true'"
    ;;
  stop)
    dir=${2:?usage: stop DIR}
    bin=$(pg_bin)
    as_pg "'$bin/pg_ctl' -D '$dir/data' -m immediate -w stop >/dev/null 2>&1" || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
