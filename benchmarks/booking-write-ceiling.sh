#!/usr/bin/env bash
# How fast can PostgreSQL alone store what one booking must store? No app, no HTTP, no reads and no checks: pgbench runs
# the rows a booking writes (the appointment, its two seats, its three messages in the outbox, the idempotency record)
# as ONE statement against the app's own tables and indexes, beside the bare single-row insert that booking-http.sh
# compares bookings with. The ratio of the two is the most any booking write path could reach on this machine.
# usage: bash benchmarks/booking-write-ceiling.sh [runs=3] [seconds=15] [connections=64]   (needs: PostgreSQL, pgbench)
# BENCH_APP: an already published app folder to reuse (the app is started once, only to create its tables).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; seconds=${2:-15}; conns=${3:-64}
source benchmarks/postgres-bench-setup.sh

# The app creates its tables (migrations) and reference data at start; then it is stopped, so that it takes no CPU.
Database__Provider=PostgreSql ConnectionStrings__ClientDesk="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=clientdesk" \
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$work/app/ClientDesk.dll" --urls "http://127.0.0.1:$appport" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$appport/health" >/dev/null && break; sleep 1; done
kill "$app"; wait "$app" 2>/dev/null || true; app=
psql -d clientdesk -c "CREATE SEQUENCE bench_booking"
location=$(psql -d clientdesk -c 'SELECT min("Id") FROM "Locations"'); service=$(psql -d clientdesk -c 'SELECT min("Id") FROM "Services"')

# One booking's rows, the columns the app fills, texts of a realistic length (an SMS confirmation; an e-mail's are longer).
# Both scripts take a number, add the appointment and the idempotency record; they differ in the seats and messages.
sms="'Jūsu pieraksts VTUA: 01.04.2026 plkst. 09:00, Valmiera. Mainīt vai atcelt: https://clientdesk.example/booking/ABCD2345?token=tbSKTrcyNTBr51-NfLQnMZ6Mt48Zd95yAX7SVvKRmY8'"
appointment="n AS (SELECT nextval('bench_booking') AS v),
a AS (INSERT INTO \"Appointments\"(\"Reference\",\"ManageTokenHash\",\"LocationId\",\"ServiceId\",\"Date\",\"Start\",\"End\",\"StartsAtUtc\",\"Machines\",\"Channel\",\"Status\",\"ClientName\",\"Phone\",\"Language\",\"CreatedAtUtc\",\"MoveCount\",\"Version\")
      SELECT lpad(n.v::text, 8, '0'), md5(n.v::text) || md5(n.v::text), $location, $service, DATE '2026-04-01', TIME '09:00', TIME '09:30', now(), 1, 'Web', 'Booked', 'Bench Client', '2' || lpad(n.v::text, 7, '0'), 'lv', now(), 0, gen_random_uuid() FROM n RETURNING \"Id\", \"Phone\"),
i AS (INSERT INTO \"IdempotencyRecords\"(\"Caller\",\"Key\",\"RequestHash\",\"StatusCode\",\"ResponseBody\",\"CreatedAtUtc\") SELECT 'bench', 'bench-' || n.v, md5(n.v::text) || md5(n.v::text), 201, $sms, now() FROM n)"
messages() { echo "o AS (INSERT INTO \"OutboxMessages\"(\"Kind\",\"Channel\",\"Recipient\",\"Language\",\"Subject\",\"Body\",\"AppointmentId\",\"Status\",\"CreatedAtUtc\",\"DueAtUtc\",\"Attempts\")
      SELECT v.k, 'Sms', a.\"Phone\", 'lv', '', $sms, a.\"Id\", 'Pending', now(), now(), 0 FROM a, (VALUES $1) v(k))"; }
# As the app stores it: two seats (two 15-minute intervals), the confirmation and two reminders.
cat >"$work/booking-rows.sql" <<EOF
WITH $appointment,
s AS (INSERT INTO "Seats"("LocationId","Date","Start","Number","AppointmentId") SELECT $location, DATE '2026-04-01', v.st, n.v::int, a."Id" FROM n, a, (VALUES (TIME '09:00'), (TIME '09:15')) v(st)),
$(messages "('booking.confirmed'), ('booking.reminder-day-before'), ('booking.reminder-morning')")
SELECT "Id" FROM a;
EOF
# The least any design could store for a booking that keeps the issue's guarantees: the appointment, its confirmation
# in the outbox (same transaction) and the idempotency record; no seat rows, no reminder rows.
cat >"$work/least-rows.sql" <<EOF
WITH $appointment,
$(messages "('booking.confirmed')")
SELECT "Id" FROM a;
EOF
for f in booking-rows least-rows; do tr '\n' ' ' <"$work/$f.sql" >"$work/$f.one-line.sql"; done   # pgbench reads one statement per line

tps() { "$bin/pgbench" -h 127.0.0.1 -p "$pgport" -U postgres -n -f "$1" -c "$conns" -j 2 -T "$seconds" "$2" 2>/dev/null | awk '/^tps/{printf "%.0f", $3; exit}'; }
ratio() { awk -v b="$1" -v t="$2" 'BEGIN{printf "%.3f", b/t}'; }
m() { printf '%s\n' "$@" | median; }
printf 'run\tsingle_row_tps\tbooking_rows_tps\tratio\tleast_rows_tps\tratio\n'
single_all=(); rows_all=(); ratio_all=(); least_all=(); lratio_all=()
for run in $(seq "$runs"); do
  single=$(tps "$work/insert.sql" postgres)
  rows=$(tps "$work/booking-rows.one-line.sql" clientdesk)
  least=$(tps "$work/least-rows.one-line.sql" clientdesk)
  rratio=$(ratio "$rows" "$single"); lratio=$(ratio "$least" "$single")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$single" "$rows" "$rratio" "$least" "$lratio"
  single_all+=("$single"); rows_all+=("$rows"); ratio_all+=("$rratio"); least_all+=("$least"); lratio_all+=("$lratio")
done
printf 'median\t%s\t%s\t%s\t%s\t%s\n' "$(m "${single_all[@]}")" "$(m "${rows_all[@]}")" "$(m "${ratio_all[@]}")" "$(m "${least_all[@]}")" "$(m "${lratio_all[@]}")"
echo "booking rows stored: $(psql -d clientdesk -c 'SELECT count(*) FROM "Appointments"') appointments, $(psql -d clientdesk -c 'SELECT count(*) FROM "OutboxMessages"') messages" >&2

