#!/usr/bin/env python3
"""A TCP proxy on loopback that adds a fixed delay to every chunk, each way.

    tests/bench/latency-proxy.py --port PORT --target-port PG_PORT --delay-ms D
                                 [--max-seconds S] [--ready-file FILE]

Listens on 127.0.0.1:PORT and forwards each connection to 127.0.0.1:PG_PORT. Every
chunk read from one side is written to the other D ms after it was read, in the order
it was read: a link with D ms of latency in each direction (a round trip costs 2·D),
not a bandwidth cap. Loopback only (both ends are 127.0.0.1, no option changes that).

Bounded: exits on SIGTERM or SIGINT, and in any case after --max-seconds (default
3600). With --ready-file it writes its pid there once it listens (for the caller to
wait on). Only the Python 3 standard library.
"""

import argparse
import asyncio
import os
import signal
import sys
import time

HOST = "127.0.0.1"
CHUNK = 65536


async def pump(reader, writer, delay, label, stats):
    """Copy reader to writer, each chunk delivered `delay` seconds after it arrived.

    A reader task queues (deadline, chunk); a writer task sleeps until each deadline
    and writes: chunks keep their order and are not held back by each other (a link
    of latency D, not of one chunk in flight)."""
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def deliver():
        while True:
            deadline, data = await queue.get()
            if data is None:
                break
            wait = deadline - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
        try:
            if writer.can_write_eof():
                writer.write_eof()
        except OSError:
            pass

    sender = asyncio.ensure_future(deliver())
    try:
        while True:
            data = await reader.read(CHUNK)
            if not data:
                break
            stats[label] += len(data)
            queue.put_nowait((loop.time() + delay, data))
    except (ConnectionError, OSError):
        pass
    finally:
        queue.put_nowait((loop.time() + delay, None))
    try:
        await sender
    except (ConnectionError, OSError):
        pass


async def handle(client_reader, client_writer, args, stats, open_writers):
    delay = args.delay_ms / 1000.0
    open_writers.add(client_writer)
    try:
        server_reader, server_writer = await asyncio.open_connection(HOST, args.target_port)
    except OSError as e:
        print(f"latency-proxy: cannot reach {HOST}:{args.target_port}: {e}", file=sys.stderr)
        client_writer.close()
        return
    stats["connections"] += 1
    open_writers.add(server_writer)
    try:
        await asyncio.gather(
            pump(client_reader, server_writer, delay, "up", stats),
            pump(server_reader, client_writer, delay, "down", stats),
        )
    except asyncio.CancelledError:
        pass
    finally:
        for w in (server_writer, client_writer):
            open_writers.discard(w)
            try:
                w.close()
            except OSError:
                pass


async def main_async(args):
    stats = {"connections": 0, "up": 0, "down": 0}
    open_writers = set()
    handlers = set()

    def on_connect(r, w):
        task = asyncio.ensure_future(handle(r, w, args, stats, open_writers))
        handlers.add(task)
        task.add_done_callback(handlers.discard)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    server = await asyncio.start_server(
        on_connect, HOST, args.port, reuse_address=True)
    port = server.sockets[0].getsockname()[1]
    if args.ready_file:
        tmp = args.ready_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{os.getpid()} {port}\n")
        os.rename(tmp, args.ready_file)
    print(f"latency-proxy: {HOST}:{port} -> {HOST}:{args.target_port}, "
          f"+{args.delay_ms:g} ms each way, for at most {args.max_seconds:g} s",
          file=sys.stderr, flush=True)
    started = time.monotonic()
    try:
        await asyncio.wait_for(stop.wait(), timeout=args.max_seconds)
        why = "signal"
    except asyncio.TimeoutError:
        why = "maximum run time"
    server.close()
    # Drop the connections still open: their pumps see the end and finish.
    for w in list(open_writers):
        w.transport.abort()
    if handlers:
        await asyncio.wait(list(handlers), timeout=2)
    print(f"latency-proxy: stopping ({why}) after {time.monotonic() - started:.1f} s: "
          f"{stats['connections']} connections, {stats['up']} bytes up, "
          f"{stats['down']} bytes down", file=sys.stderr, flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--port", type=int, default=0, help="port to listen on (0: any free one)")
    p.add_argument("--target-port", type=int, required=True, help="PostgreSQL's port on 127.0.0.1")
    p.add_argument("--delay-ms", type=float, default=25.0, help="delay each way (default 25)")
    p.add_argument("--max-seconds", type=float, default=3600.0,
                   help="exit after this long in any case (default 3600)")
    p.add_argument("--ready-file", help="write 'PID PORT' here once listening")
    args = p.parse_args()
    if args.delay_ms < 0 or args.max_seconds <= 0:
        p.error("--delay-ms must be >= 0 and --max-seconds > 0")
    asyncio.run(main_async(args))
    # Open connections are dropped with the process: the caller stops its clients first.
    return 0


if __name__ == "__main__":
    sys.exit(main())
