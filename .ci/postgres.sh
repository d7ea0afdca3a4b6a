#!/usr/bin/env bash
# Source me: install and start a local PostgreSQL from Debian's packages, create a role and
# a database for the tests, and export CREDENCE_TEST_DATABASE_URL so the store's suite also
# runs against PostgreSQL. Listens on 127.0.0.1 only. Leaves an already-set URL alone.
if [ -z "${CREDENCE_TEST_DATABASE_URL:-}" ]; then
    if ! ls /usr/lib/postgresql/*/bin/pg_ctl > /dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
    fi
    pg_version=$(ls /usr/lib/postgresql | sort -V | tail -1)
    pg_lsclusters -h | grep -q "^$pg_version main" || pg_createcluster "$pg_version" main > /dev/null
    pg_ctlcluster "$pg_version" main status > /dev/null 2>&1 \
        || pg_ctlcluster "$pg_version" main start -o "-c listen_addresses=127.0.0.1"
    pg_port=$(pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" {print $3}')
    su postgres -c "psql -qAt -p $pg_port -c \"SELECT 1 FROM pg_roles WHERE rolname = 'credence'\"" | grep -q 1 \
        || su postgres -c "psql -q -p $pg_port -c \"CREATE ROLE credence LOGIN PASSWORD 'credence'\""
    su postgres -c "psql -qAt -p $pg_port -c \"SELECT 1 FROM pg_database WHERE datname = 'credence_test'\"" | grep -q 1 \
        || su postgres -c "createdb -p $pg_port -O credence credence_test"
    export CREDENCE_TEST_DATABASE_URL="postgresql+psycopg://credence:credence@127.0.0.1:$pg_port/credence_test"
fi
