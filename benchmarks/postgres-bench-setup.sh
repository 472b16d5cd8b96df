# Sourced by the booking benchmarks: a work folder, the published app ($work/app; BENCH_APP reuses a published folder,
# since the publish takes minutes on a busy machine), a throwaway PostgreSQL cluster with its default durability (fsync
# and synchronous commit on) and room for pgbench's and the app's pools, stopped on exit, with `psql`, `$bin`,
# `$pgport`, a free `$appport`, an empty `clientdesk` database and pgbench's single-row insert ($work/insert.sql).
work=$(mktemp -d); chmod 755 "$work"
echo "work folder: $work" >&2
if [ -n "${BENCH_APP:-}" ]; then ln -s "$BENCH_APP" "$work/app"; else dotnet publish src/ClientDesk -c Release -o "$work/app" -v quiet >/dev/null; fi

bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort | tail -n 1)")
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
appport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" = 0 ]; then chown -R postgres "$work/pg" 2>/dev/null || true; runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$work/pg"; as_pg "$bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
as_pg "$bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
app=
trap '[ -n "$app" ] && kill $app 2>/dev/null; as_pg "$bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true' EXIT
psql() { "$bin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql -d postgres -c "CREATE DATABASE clientdesk"
psql -d postgres -c "CREATE TABLE t(id bigserial PRIMARY KEY, client int NOT NULL, note text NOT NULL, created timestamptz NOT NULL DEFAULT now())"
echo 'INSERT INTO t(client, note) VALUES (:client_id, '"'"'booking'"'"');' >"$work/insert.sql"
median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
