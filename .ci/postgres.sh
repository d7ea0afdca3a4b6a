#!/usr/bin/env bash
# Source me: install and start a local PostgreSQL from Debian's packages, create a role and
# a database for the tests, and export CREDENCE_TEST_DATABASE_URL so the suite stores into
# PostgreSQL (tests/conftest.py). Listens on 127.0.0.1 only. Leaves an already-set URL alone.
# If PostgreSQL cannot be installed or started, says so and leaves the suite on SQLite.
start_test_postgres() {
    if ! ls /usr/lib/postgresql/*/bin/pg_ctl > /dev/null 2>&1; then
        apt-get update -qq || return 1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null || return 1
    fi
    local version clusters port
    version=$(ls /usr/lib/postgresql | sort -V | tail -1) || return 1
    clusters=$(pg_lsclusters -h) || return 1
    if ! awk -v v="$version" '$1 == v && $2 == "main" {found = 1} END {exit !found}' <<< "$clusters"; then
        pg_createcluster "$version" main > /dev/null || return 1
    fi
    pg_ctlcluster "$version" main status > /dev/null 2>&1 \
        || pg_ctlcluster "$version" main start -o "-c listen_addresses=127.0.0.1" || return 1
    port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
    pg_sql() { su postgres -c "psql -qAt -p $port -c \"$1\""; }
    [ "$(pg_sql "SELECT 1 FROM pg_roles WHERE rolname = 'credence'")" = 1 ] \
        || pg_sql "CREATE ROLE credence LOGIN PASSWORD 'credence'" || return 1
    [ "$(pg_sql "SELECT 1 FROM pg_database WHERE datname = 'credence_test'")" = 1 ] \
        || pg_sql "CREATE DATABASE credence_test OWNER credence" || return 1
    export CREDENCE_TEST_DATABASE_URL="postgresql+psycopg://credence:credence@127.0.0.1:$port/credence_test"
}

if [ -z "${CREDENCE_TEST_DATABASE_URL:-}" ]; then
    start_test_postgres \
        && echo "the store's tests run against PostgreSQL ($CREDENCE_TEST_DATABASE_URL)" \
        || echo "could not start PostgreSQL: the store's tests run on SQLite only"
fi
