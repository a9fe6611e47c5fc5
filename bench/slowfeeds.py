"""Scenario 4: one huge feed and feeds that stall must not hold up the others.

The farm serves ``normal`` feeds plus ``big`` feeds of ``big_bytes`` and ``stall`` feeds that
send half their body and then stall well past the deadline. ``Fetcher.fetch_many`` fetches
them all — hazards first in the list, the worst order — and ``on_result`` records when each
normal feed's result arrives. A control run fetches the normal feeds alone. Target: the last
normal result arrives at most one deadline later than in the control run.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench._util import Meter, table, verdict
from bench.farm import Farm, FarmConfig


@dataclass(frozen=True)
class SlowConfig:
    normal: int = 480
    entries: int = 50
    big: int = 1
    big_bytes: int = 10_000_000
    stall: int = 20
    deadline: float = 5.0  # FeedSettings.timeout: the total deadline of one fetch
    latency: float = 0.1
    concurrency: tuple[int, ...] = (64, 16)
    judge: bool = True


@dataclass
class SlowRow:
    concurrency: int
    control: list[float] = field(default_factory=list)  # arrival times, normal feeds alone
    hazards: list[float] = field(default_factory=list)  # arrival times, with the hazards
    stall_elapsed: list[float] = field(default_factory=list)
    stall_kinds: set[str] = field(default_factory=set)
    big: str = ""
    rss_mb: float = 0.0

    @property
    def delay(self) -> float:
        return max(self.hazards) - max(self.control)


async def _fetch(
    farm: Farm,
    indices: list[int],
    concurrency: int,
    deadline: float,
) -> tuple[dict[int, float], list[Any]]:
    from aggregator.fetch import Fetcher
    from aggregator.models import FetchRequest, FetchResult, Settings
    from aggregator.runtime.service import fetch_options

    settings = Settings(allow_private_networks=True, concurrency=concurrency, per_host=concurrency)
    fetcher = Fetcher(fetch_options(settings))
    requests = [FetchRequest(feed=str(i), url=farm.url(i), timeout=deadline) for i in indices]
    arrived: dict[int, float] = {}
    start = time.perf_counter()

    def on_result(result: FetchResult) -> None:
        arrived[int(result.feed)] = time.perf_counter() - start

    results = await fetcher.fetch_many(requests, on_result)
    return arrived, list(results)


def measure(cfg: SlowConfig, farm: Farm, concurrency: int) -> SlowRow:
    row = SlowRow(concurrency)
    normal = list(range(cfg.normal))
    hazards = list(range(cfg.normal, farm.total_feeds))  # stall feeds, then big ones
    arrived, _ = asyncio.run(_fetch(farm, normal, concurrency, cfg.deadline))
    row.control = [arrived[i] for i in normal]
    with Meter(exclude=[farm.pid]) as meter:
        arrived, results = asyncio.run(_fetch(farm, hazards + normal, concurrency, cfg.deadline))
    row.rss_mb = meter.sample.rss_mb
    row.hazards = [arrived[i] for i in normal]
    for result in results:
        index = int(result.feed)
        if cfg.normal <= index < cfg.normal + cfg.stall:
            row.stall_elapsed.append(result.elapsed)
            row.stall_kinds.add(str(result.error_kind))
        elif index >= cfg.normal + cfg.stall:
            size = len(result.content or b"")
            row.big = (
                f"{result.status} {size / 1e6:.1f} MB in {result.elapsed:.2f} s "
                f"{result.error_kind or ''}"
            ).strip()
    return row


def run(cfg: SlowConfig, log: Callable[[str], None] = print) -> list[SlowRow]:
    farm_cfg = FarmConfig(
        feeds=cfg.normal,
        entries=cfg.entries,
        latency=cfg.latency,
        big=cfg.big,
        big_bytes=cfg.big_bytes,
        stall=cfg.stall,
        stall_seconds=min(60.0, cfg.deadline * 3),
    )
    rows = []
    with Farm(farm_cfg) as farm:
        for concurrency in cfg.concurrency:
            log(f"  slow feeds: {concurrency} in flight")
            rows.append(measure(cfg, farm, concurrency))
    return rows


def _q(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(cfg: SlowConfig, rows: list[SlowRow]) -> str:
    head = [
        "in flight",
        "normal feeds: last result, alone s",
        "with hazards s",
        "p50 alone / with s",
        "delay of the last s",
        "stalled feeds (kind, elapsed s)",
        "big feed",
        "peak RSS MB",
        "verdict (delay ≤ deadline)",
    ]
    body = []
    for r in rows:
        stalls = (
            f"{'/'.join(sorted(r.stall_kinds))}, {min(r.stall_elapsed):.1f}–"
            f"{max(r.stall_elapsed):.1f}"
            if r.stall_elapsed
            else "–"
        )
        body.append(
            [
                r.concurrency,
                f"{max(r.control):.2f}",
                f"{max(r.hazards):.2f}",
                f"{statistics.median(r.control):.2f} / {statistics.median(r.hazards):.2f}",
                f"{r.delay:.2f}",
                stalls,
                r.big or "–",
                f"{r.rss_mb:.0f}",
                verdict(r.delay, cfg.deadline) if cfg.judge else "not judged (quick)",
            ]
        )
    notes = [
        f"{cfg.normal} normal feeds ({cfg.latency * 1000:.0f} ms latency), {cfg.big} feed "
        f"of {cfg.big_bytes / 1e6:.0f} MB, {cfg.stall} feeds that stall mid-body for "
        f"{min(60.0, cfg.deadline * 3):.0f} s; deadline {cfg.deadline:g} s; hazards "
        "first in the request list; per_host = in flight (one farm host).",
        "times are when Fetcher.fetch_many's on_result saw each result, from the start.",
    ]
    return table("Big and stalling feeds (fetch stage)", head, body, notes)
