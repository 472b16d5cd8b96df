#!/usr/bin/env bash
# HTTP throughput of the read paths, with wrk, on SQLite and on PostgreSQL (a throwaway cluster).
# usage: bash benchmarks/http.sh [seconds-per-run=10] [runs=3]    (needs: wrk, PostgreSQL's initdb)
# Prints, per engine and URL, the median requests/second of the runs and the median of their p50 latencies.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}; runs=${2:-3}
urls=(/api/v1/services /api/v1/locations/valmiera /services /services/technical-inspection /)
work=$(mktemp -d); chmod 755 "$work"
dotnet publish src/ClientDesk -c Release -o "$work/app" -v quiet >/dev/null

bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort | tail -n 1)")
pgport=55432
as_pg() { if [ "$(id -u)" = 0 ]; then chown -R postgres "$work/pg" 2>/dev/null || true; runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$work/pg"; as_pg "$bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
as_pg "$bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
trap 'as_pg "$bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true; kill $(jobs -p) 2>/dev/null || true' EXIT

run_engine() { # $1 = name, $2 = provider, $3 = connection string
  local port=5181
  Database__Provider=$2 ConnectionStrings__ClientDesk="$3" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$work/app/ClientDesk.dll" --urls "http://127.0.0.1:$port" >"$work/$1.log" 2>&1 &
  local app=$!
  for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
  for url in "${urls[@]}"; do
    wrk -t2 -c32 -d3s "http://127.0.0.1:$port$url" >/dev/null # warm-up
    local rps=() lat=()
    for _ in $(seq "$runs"); do
      out=$(wrk -t2 -c32 -d"${seconds}s" --latency "http://127.0.0.1:$port$url")
      rps+=("$(echo "$out" | awk '/Requests\/sec/{print $2}')")
      lat+=("$(echo "$out" | awk '$1=="50%"{v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}')")
    done
    printf '%s\t%s\t%s\t%s\n' "$1" "$url" \
      "$(printf '%s\n' "${rps[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')" \
      "$(printf '%s\n' "${lat[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')"
  done
  kill $app; wait $app 2>/dev/null || true
}

printf 'engine\turl\tmedian req/s\tmedian p50 ms\n'
run_engine sqlite Sqlite "Data Source=$work/bench.db"
run_engine postgresql PostgreSql "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"
