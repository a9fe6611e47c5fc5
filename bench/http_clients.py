"""Compare the HTTP clients httpx.AsyncClient and aiohttp for the fetch stage.

Standalone and offline: starts its own aiohttp server on 127.0.0.1 in a subprocess (so the
server's CPU is not counted), then fetches N small (~30 KB) responses with each client at
8, 32, 64 and 128 requests in flight. Reports the wall time and the client process's CPU
time per request, median of R runs, as a Markdown table.

    .venv/bin/python bench/http_clients.py [--requests 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable

BODY = (b"<item><title>AI startup raises $40M Series B</title></item>\n" * 520)[:30_000]
LEVELS = (8, 32, 64, 128)

Runner = Callable[[str, int, int], Awaitable[None]]


def serve() -> None:
    """Subprocess entry point: serve BODY on an ephemeral port, print the port."""
    from aiohttp import web

    async def handler(request: web.Request) -> web.Response:
        return web.Response(body=BODY, content_type="application/rss+xml")

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/feed", handler)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        print(runner.addresses[0][1], flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


async def run_httpx(url: str, total: int, in_flight: int) -> None:
    import httpx

    limits = httpx.Limits(max_connections=in_flight, max_keepalive_connections=in_flight)
    gate = asyncio.Semaphore(in_flight)
    async with httpx.AsyncClient(limits=limits, timeout=30.0) as client:

        async def one() -> None:
            async with gate:
                response = await client.get(url)
                assert response.status_code == 200 and len(response.content) == len(BODY)

        await asyncio.gather(*(one() for _ in range(total)))


async def run_aiohttp(url: str, total: int, in_flight: int) -> None:
    import aiohttp

    gate = asyncio.Semaphore(in_flight)
    connector = aiohttp.TCPConnector(limit=in_flight)
    timeout = aiohttp.ClientTimeout(total=30.0)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def one() -> None:
            async with gate, session.get(url) as response:
                body = await response.read()
                assert response.status == 200 and len(body) == len(BODY)

        await asyncio.gather(*(one() for _ in range(total)))


def measure(runner: Runner, url: str, total: int, in_flight: int) -> tuple[float, float]:
    """(wall seconds, CPU ms per request) of one run."""
    wall, cpu = time.perf_counter(), time.process_time()
    asyncio.run(runner(url, total, in_flight))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall, cpu * 1000 / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
        return
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        url = f"http://127.0.0.1:{int(server.stdout.readline())}/feed"
        report(url, args.requests, args.runs)
    finally:
        server.terminate()
        server.wait(10)


def report(url: str, total: int, runs: int) -> None:
    clients: dict[str, Runner] = {"httpx": run_httpx, "aiohttp": run_aiohttp}
    for runner in clients.values():  # warm-up: imports, server JIT-free but caches
        measure(runner, url, 200, 8)
    print(
        f"{total} requests of {len(BODY)} bytes, median of {runs} runs, "
        f"Python {sys.version.split()[0]}\n"
    )
    print("| in flight | client | wall (s) | req/s | CPU ms/request |")
    print("|---:|---|---:|---:|---:|")
    for in_flight in LEVELS:
        for name, runner in clients.items():
            samples = [measure(runner, url, total, in_flight) for _ in range(runs)]
            wall = statistics.median(s[0] for s in samples)
            cpu = statistics.median(s[1] for s in samples)
            print(
                f"| {in_flight} | {name} | {wall:.2f} | {total / wall:,.0f} | {cpu:.3f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
