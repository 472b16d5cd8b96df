#!/usr/bin/env bash
# Booking over HTTP on PostgreSQL, against a bare pgbench single-row insert on the same machine, in one run.
# usage: bash benchmarks/booking-http.sh [runs=3] [seconds=20] [connections=64]   (needs: wrk, PostgreSQL, python3)
# Each run: pgbench (INSERT of one row, -c connections -j 2) → TPS; wrk POSTing /api/v1/bookings (distinct times,
# phones and Idempotency-Keys) → bookings/s (201s only) and p99; wrk GETting the availability of two weeks → req/s.
# Prints each run and the medians, and the ratio bookings/s ÷ pgbench TPS per run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; seconds=${2:-20}; conns=${3:-64}
# BENCH_NPGSQL: extra Npgsql connection-string settings to try, e.g. "No Reset On Close=true;Max Auto Prepare=30".
# BENCH_WARMUP: seconds of booking before the rounds (default 60), so that the JIT has settled.
# BENCH_APP: an already published app folder to reuse.
source benchmarks/postgres-bench-setup.sh

# The app in Release on that cluster: a fixed demo clock (Tuesday 17 March 2026, 09:00 Riga), no practical POST
# limit, the 60-day horizon, and the most seats allowed (100) per location so that there is plenty to book.
Database__Provider=PostgreSql ConnectionStrings__ClientDesk="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=clientdesk;Maximum Pool Size=100${BENCH_NPGSQL:+;$BENCH_NPGSQL}" \
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Clock__StartAt=2026-03-17T09:00:00+02:00 \
  RateLimiting__PostsPerMinute=100000000 \
  dotnet "$work/app/ClientDesk.dll" --urls "http://127.0.0.1:$appport" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$appport/health" >/dev/null && break; sleep 1; done
psql -d clientdesk -c 'UPDATE "Locations" SET "BookingSeats" = 100'
base="http://127.0.0.1:$appport"

# Every free web time of theory-exam-traffic (30 minutes) at every location offering it, 18 March – 16 May.
python3 - "$base" "$work/slots.lua" <<'EOF'
import json, sys, urllib.request
base, out = sys.argv[1], sys.argv[2]
service = json.load(urllib.request.urlopen(f"{base}/api/v1/services/theory-exam-traffic"))
slots = []
for slug in service["locations"]:
    days = json.load(urllib.request.urlopen(f"{base}/api/v1/locations/{slug}/services/theory-exam-traffic/availability?from=2026-03-18&to=2026-05-16"))["days"]
    slots += [(slug, d["date"], t["time"]) for d in days for t in d["times"]]
with open(out, "w") as f:
    f.write("slots = {\n" + ",\n".join(f'{{"{s}","{d}","{t}"}}' for s, d, t in slots) + "\n}\n")
print(f"{len(slots)} free times at {len(service['locations'])} locations", file=sys.stderr)
EOF

cat >"$work/book.lua" <<EOF
dofile("$work/slots.lua")
local threads = {}
local run = os.getenv("RUN") or "0"
function setup(thread) thread:set("tid", #threads + 1); table.insert(threads, thread) end
function init(args) counter = 0; created = 0; conflicts = 0; others = 0; math.randomseed(tid * 7919 + os.time()) end
function request()
  counter = counter + 1
  local n = tid * 1000003 + counter
  local s = slots[(n * 7 + run * 131) % #slots + 1]
  local body = string.format('{"location":"%s","service":"theory-exam-traffic","date":"%s","time":"%s","machines":1,"client":{"name":"Bench Client","phone":"2%d%06d","language":"lv"}}', s[1], s[2], s[3], tid, (run * 200000 + counter) % 1000000)
  return wrk.format("POST", "/api/v1/bookings", {["Content-Type"] = "application/json", ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, tid, counter)}, body)
end
function response(status, headers, body)
  if status == 201 then created = created + 1 elseif status == 409 then conflicts = conflicts + 1 else others = others + 1 end
end
function done(summary, latency, requests)
  local c, k, o = 0, 0, 0
  for _, t in ipairs(threads) do c = c + t:get("created"); k = k + t:get("conflicts"); o = o + t:get("others") end
  io.write(string.format("created %d conflicts %d others %d\n", c, k, o))
end
EOF

ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else {sub(/s$/,"",v); v*=1000}; printf "%.2f", v }'; }
avail="/api/v1/locations/valmiera/services/theory-exam-traffic/availability?from=2026-03-18&to=2026-03-31"
# Warm-up: .NET compiles hot code again with optimisations for minutes after start (tiered JIT); a server that has run
# for a while is what is measured. BENCH_WARMUP seconds of bookings (default 60), then a third of that of reads.
warm=${BENCH_WARMUP:-60}
RUN=99 wrk -t2 -c16 -d"${warm}s" -s "$work/book.lua" "$base" >/dev/null   # warm-up of the write path
wrk -t2 -c"$conns" -d"$((warm / 3 + 1))s" "$base$avail" >/dev/null   # warm-up of the read path

printf 'run\tpgbench_tps\tbookings_per_s\tbooking_p50_ms\tbooking_p99_ms\tratio\tavailability_rps\tavailability_p99_ms\tcreated/409/other\n'
tps_all=(); bps_all=(); p99_all=(); ratio_all=(); rps_all=(); p50_all=(); ap99_all=()
for run in $(seq "$runs"); do
  psql -d postgres -c "TRUNCATE t"
  tps=$("$bin/pgbench" -h 127.0.0.1 -p "$pgport" -U postgres -n -f "$work/insert.sql" -c "$conns" -j 2 -T "$seconds" postgres 2>/dev/null \
    | awk '/^tps/{print $3; exit}')
  out=$(RUN=$run wrk -t2 -c"$conns" -d"${seconds}s" --latency -s "$work/book.lua" "$base")
  created=$(echo "$out" | awk '/^created/{print $2}')
  counts=$(echo "$out" | awk '/^created/{print $2 "/" $4 "/" $6}')
  bps=$(awk -v c="$created" -v s="$seconds" 'BEGIN{printf "%.0f", c/s}')
  p50=$(ms "$(echo "$out" | awk '$1=="50%"{print $2}')"); p99=$(ms "$(echo "$out" | awk '$1=="99%"{print $2}')")
  # The bookings' confirmations are still being sent (reminders fall due later); let them go (at most a minute) so that the reads are
  # measured on their own. The drain's time is printed.
  drain=0
  while [ "$drain" -lt 60 ] && [ "$(psql -d clientdesk -c "SELECT count(*) FROM \"OutboxMessages\" WHERE \"Status\" = 'Pending' AND \"Kind\" = 'booking.confirmed'")" != 0 ]; do sleep 1; drain=$((drain + 1)); done
  echo "round $run: outbox drained in ${drain} s" >&2
  aout=$(wrk -t2 -c"$conns" -d10s --latency "$base$avail")
  rps=$(echo "$aout" | awk '/Requests\/sec/{printf "%.0f", $2}'); ap99=$(ms "$(echo "$aout" | awk '$1=="99%"{print $2}')")
  ratio=$(awk -v b="$bps" -v t="$tps" 'BEGIN{printf "%.3f", b/t}')
  printf '%s\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$tps" "$bps" "$p50" "$p99" "$ratio" "$rps" "$ap99" "$counts"
  tps_all+=("$tps"); bps_all+=("$bps"); p50_all+=("$p50"); p99_all+=("$p99"); ratio_all+=("$ratio"); rps_all+=("$rps"); ap99_all+=("$ap99")
done
printf 'median\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s\n' \
  "$(printf '%s\n' "${tps_all[@]}" | median)" "$(printf '%s\n' "${bps_all[@]}" | median)" "$(printf '%s\n' "${p50_all[@]}" | median)" \
  "$(printf '%s\n' "${p99_all[@]}" | median)" "$(printf '%s\n' "${ratio_all[@]}" | median)" "$(printf '%s\n' "${rps_all[@]}" | median)" \
  "$(printf '%s\n' "${ap99_all[@]}" | median)"
echo "appointments stored: $(psql -d clientdesk -c 'SELECT count(*) FROM "Appointments"')" >&2
