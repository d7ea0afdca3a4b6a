#!/usr/bin/env bash
# Source me: install and start a local PostgreSQL from Debian's packages, create a role and
# a database for the tests, and export CREDENCE_TEST_DATABASE_URL so the store's suite also
# runs against PostgreSQL. Listens on 127.0.0.1 only. Leaves an already-set URL alone.
if [ -z "${CREDENCE_TEST_DATABASE_URL:-}" ]; then
    if ! ls /usr/lib/postgresql/*/bin/pg_ctl > /dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
    fi
    pg_version=$(ls /usr/lib/postgresql | sort -V | tail -1)
    pg_clusters=$(pg_lsclusters -h)
    if ! awk -v v="$pg_version" '$1 == v && $2 == "main" {found = 1} END {exit !found}' <<< "$pg_clusters"; then
        pg_createcluster "$pg_version" main > /dev/null
    fi
    pg_ctlcluster "$pg_version" main status > /dev/null 2>&1 \
        || pg_ctlcluster "$pg_version" main start -o "-c listen_addresses=127.0.0.1"
    pg_port=$(pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" {print $3}')
    pg_sql() { su postgres -c "psql -qAt -p $pg_port -c \"$1\""; }
    [ "$(pg_sql "SELECT 1 FROM pg_roles WHERE rolname = 'credence'")" = 1 ] \
        || pg_sql "CREATE ROLE credence LOGIN PASSWORD 'credence'"
    [ "$(pg_sql "SELECT 1 FROM pg_database WHERE datname = 'credence_test'")" = 1 ] \
        || pg_sql "CREATE DATABASE credence_test OWNER credence"
    export CREDENCE_TEST_DATABASE_URL="postgresql+psycopg://credence:credence@127.0.0.1:$pg_port/credence_test"
fi
