#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1:5432 with trust auth for user postgres, and creates
# the `test` database. Reuses a server that already accepts postgres@127.0.0.1 without a password.
set -euo pipefail
if pg_isready -q -h 127.0.0.1 -p 5432 && psql -h 127.0.0.1 -U postgres -w -c "select 1" >/dev/null 2>&1; then
  echo "reusing the PostgreSQL server on 127.0.0.1:5432"
else
  if pg_isready -q -h 127.0.0.1 -p 5432 && command -v pg_lsclusters >/dev/null; then
    # A packaged cluster with password auth holds the port: stop it for the tests' own cluster.
    pg_lsclusters --no-header | awk '$4=="online"{print $1, $2}' | while read -r version name; do
      pg_ctlcluster "$version" "$name" stop || true
    done
  fi
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  data=$(mktemp -d /tmp/loupe-ci-pg.XXXXXX)
  chown postgres "$data"
  su postgres -s /bin/sh -c "'$bin/initdb' -D '$data' -A trust -U postgres --no-sync" >/dev/null
  su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$data' -l '$data/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p 5432 -c fsync=off -c synchronous_commit=off -c max_connections=200 -k /tmp\" start" >/dev/null
  echo "started PostgreSQL ($bin) in $data"
fi
psql -h 127.0.0.1 -U postgres -w -tc "select 1 from pg_database where datname = 'test'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -w -c "create database test" >/dev/null
