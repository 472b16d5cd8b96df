#!/usr/bin/env bash
# Lobby displays on PostgreSQL (issue 5, speed): the time from "call next" to the lobby event arriving at 300 displays.
# usage: bash benchmarks/queue-display.sh [displays=300] [calls=200] [spacing_ms=150] [desks=10]   (needs: PostgreSQL, python3)
# 1. one instance: the displays and the calls on it (aim: p99 under 250 ms);
# 2. two instances on the same database: the displays on B, the calls on A, through LISTEN/NOTIFY (aim: p99 under 500 ms).
# Each call: the desk's previous client is marked a no-show (untimed), then "call next" is sent and timed until every
# display has a lobby event showing the new code (benchmarks/queue-display-client.py). The calls go through endpoints
# mapped only with Benchmark__QueueEndpoints=true (src/ClientDesk/Queue/Benchmark/), which use the real engine.
set -euo pipefail
cd "$(dirname "$0")/.."
displays=${1:-300}; calls=${2:-200}; spacing=${3:-150}; desks=${4:-10}
work=$(mktemp -d); chmod 755 "$work"
echo "work folder: $work" >&2
# BENCH_APP: an already published app folder to reuse (the publish takes minutes on a busy machine).
if [ -n "${BENCH_APP:-}" ]; then ln -s "$BENCH_APP" "$work/app"; else dotnet publish src/ClientDesk -c Release -o "$work/app" -v quiet >/dev/null; fi

bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort | tail -n 1)")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pgport=$(free_port); port_a=$(free_port); port_b=$(free_port)
as_pg() { if [ "$(id -u)" = 0 ]; then chown -R postgres "$work/pg" 2>/dev/null || true; runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$work/pg"; as_pg "$bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
as_pg "$bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
app_a=; app_b=
trap '[ -n "$app_a" ] && kill $app_a 2>/dev/null; [ -n "$app_b" ] && kill $app_b 2>/dev/null; as_pg "$bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true' EXIT
psql() { "$bin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql -d postgres -c "CREATE DATABASE clientdesk"

# The app in Release: a demo clock inside Valmiera's walk-in window (Tuesday 17 March 2026, 09:00 Riga), no practical
# POST limit, the benchmark endpoints on. Kestrel's default limits (no connection limit) hold 300 streams.
start_app() { # port log
  Database__Provider=PostgreSql ConnectionStrings__ClientDesk="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=clientdesk;Maximum Pool Size=50" \
    ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Clock__StartAt=2026-03-17T09:00:00+02:00 \
    RateLimiting__PostsPerMinute=100000000 Benchmark__QueueEndpoints=true \
    dotnet "$work/app/ClientDesk.dll" --urls "http://127.0.0.1:$1" >"$2" 2>&1 &
  echo $!
}
wait_up() { for _ in $(seq 180); do curl -sf "http://127.0.0.1:$1/health" >/dev/null && return 0; sleep 1; done; echo "app on $1 did not start" >&2; exit 1; }
post() { curl -sf -X POST "$1" >/dev/null; }
a="http://127.0.0.1:$port_a"; b="http://127.0.0.1:$port_b"

app_a=$(start_app "$port_a" "$work/app-a.log"); wait_up "$port_a"
post "$a/benchmark/queue/valmiera/desks?count=$desks"
printf 'load before: %s\n' "$(uptime)"

echo "== one instance: $displays displays and the calls on A"
post "$a/benchmark/queue/valmiera/tickets?count=$((calls + 40))"
python3 benchmarks/queue-display-client.py "$a" "$a" valmiera "$displays" "$calls" "$desks" "$spacing"
printf 'load: %s\n' "$(uptime)"

app_b=$(start_app "$port_b" "$work/app-b.log"); wait_up "$port_b"
echo "== two instances: $displays displays on B, the calls on A (LISTEN/NOTIFY)"
post "$a/benchmark/queue/valmiera/tickets?count=$((calls + 40))"
python3 benchmarks/queue-display-client.py "$b" "$a" valmiera "$displays" "$calls" "$desks" "$spacing"
printf 'load after: %s\n' "$(uptime)"
grep -i 'exception' "$work"/app-*.log | head -5 >&2 || true   # (the first start's __EFMigrationsHistory "fail" is expected)
