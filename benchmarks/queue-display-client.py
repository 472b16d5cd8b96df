#!/usr/bin/env python3
"""Lobby displays against "call next" (issue 5, speed): opens N Server-Sent Events streams to /queue/{slug}/events on
the display instance, then presses "call next" over HTTP on the action instance, one desk after another, and measures,
for every (action, display) pair, the time from sending the request to that display receiving the first `lobby` event
whose called list holds the newly called code. Before each timed call the desk's previous client is marked a no-show
(untimed), since a desk with a called client cannot call the next one.
usage: queue-display-client.py DISPLAY_BASE ACTION_BASE SLUG DISPLAYS ACTIONS DESKS SPACING_MS [WARMUP]
prints one line of figures (ms) and, on stderr, progress."""
import asyncio, json, sys, time
from urllib.parse import urlsplit

display_base, action_base, slug = sys.argv[1], sys.argv[2], sys.argv[3]
displays, actions, desks, spacing = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]) / 1000
warmup = int(sys.argv[8]) if len(sys.argv) > 8 else 10

first_seen = [dict() for _ in range(displays)]   # display → code → monotonic time of the first lobby event showing it
connected = [asyncio.Event() for _ in range(displays)]


def host_port(base):
    u = urlsplit(base)
    return u.hostname, u.port or 80


async def display(i):
    host, port = host_port(display_base)
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET /queue/{slug}/events HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
    await writer.drain()
    status = await reader.readline()
    if b" 200 " not in status:
        raise SystemExit(f"display {i}: {status!r}")
    chunked = False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        chunked |= line.lower().startswith(b"transfer-encoding: chunked")
    buffer, event = b"", None
    seen = first_seen[i]
    while True:
        if chunked:
            size = int((await reader.readline()).split(b";")[0], 16)
            if size == 0:
                return
            data = await reader.readexactly(size + 2)
            buffer += data[:-2]
        else:
            data = await reader.read(65536)
            if not data:
                return
            buffer += data
        now = time.monotonic()
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            if line.startswith(b"event: "):
                event = line[7:].strip()
            elif line.startswith(b"data: ") and event == b"lobby":
                for called in json.loads(line[6:])["called"]:
                    seen.setdefault(called["code"], now)
                connected[i].set()


async def post(path):
    host, port = host_port(action_base)
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    response = await reader.read()
    writer.close()
    head, _, body = response.partition(b"\r\n\r\n")
    return head.split(b"\r\n")[0], body


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(p / 100 * len(values) + 0.5)) - 1))]


async def main():
    tasks = []
    for i in range(displays):
        tasks.append(asyncio.create_task(display(i)))
        if i % 50 == 49:
            await asyncio.sleep(0.2)   # like displays switched on over a few seconds, not one burst
    await asyncio.wait_for(asyncio.gather(*(c.wait() for c in connected)), 120)
    print(f"{displays} displays connected", file=sys.stderr)
    sent = {}   # code → monotonic time the call-next request was sent
    answered = []   # the call-next request's own round trip (ms): the engine's write, before any display hears of it
    failures = 0
    for n in range(warmup + actions):
        desk = n % desks + 1
        await post(f"/benchmark/queue/{slug}/desks/{desk}/no-show")
        await asyncio.sleep(spacing / 2)
        started = time.monotonic()
        status, body = await post(f"/benchmark/queue/{slug}/desks/{desk}/call-next")
        if b" 200 " not in status:
            failures += 1
            print(f"call {n}: {status!r} {body[:200]!r}", file=sys.stderr)
        elif n >= warmup:
            sent[json.loads(body[body.index(b"{"):body.rindex(b"}") + 1])["code"]] = started
            answered.append((time.monotonic() - started) * 1000)
        await asyncio.sleep(spacing / 2)
        if n % 50 == 49:
            print(f"{n + 1} calls", file=sys.stderr)
    await asyncio.sleep(3)   # the last events on their way
    latencies, missed = [], 0
    for seen in first_seen:
        for code, started in sent.items():
            if code in seen:
                latencies.append((seen[code] - started) * 1000)
            else:
                missed += 1
    for t in tasks:
        t.cancel()
    if not latencies:
        raise SystemExit("no event arrived")
    # Per call, the first display to the last: the fan-out over the streams.
    spreads = [(max(times) - min(times)) * 1000 for times in
               ([seen[code] for seen in first_seen if code in seen] for code in sent) if times]
    print(f"calls={len(sent)} displays={displays} pairs={len(latencies)} missed={missed} failed_calls={failures} "
          f"p50_ms={percentile(latencies, 50):.1f} p90_ms={percentile(latencies, 90):.1f} p99_ms={percentile(latencies, 99):.1f} "
          f"max_ms={max(latencies):.1f} | call_answer_p50_ms={percentile(answered, 50):.1f} "
          f"call_answer_p99_ms={percentile(answered, 99):.1f} | first_to_last_display_p50_ms={percentile(spreads, 50):.1f} "
          f"first_to_last_display_p99_ms={percentile(spreads, 99):.1f}")


asyncio.run(main())
