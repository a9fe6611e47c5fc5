"""Scenario: many feeds on one node — 1,000 / 5,000 / 10,000 feeds from the local farm.

Each size runs three one-shot cycles, each in a fresh process as ``aggregator update --all``
runs one (its 2-process parse pool: ``runtime.worker.forked_pool``, forked from the cycle
process before it starts its work): ``cold`` (empty database, every feed 200), ``warm``
(nothing changed, every feed 304) and ``tick10`` (10% of the feeds have new entries). Next to
each, in the same run and against the same farm state: the network floor (aiohttp,
conditional GET, bodies read) and, where bodies come back, the parse floor (the same plus
``feedparser.parse`` in a 2-process pool). Printed: wall time of the cycle, and of the
whole process (its start and imports included), CPU per feed (the cycle process, its start
included, and its pool) and the peak RSS of the cycle process and of each parse
worker.

``python -m bench.feeds [--sizes 1000,5000,10000] [--entries 10] [--latency 0.1]
[--profile DIR]`` (loopback only; with ``--profile``, each cycle process runs its cycle under
cProfile and writes ``DIR/{feeds}-{phase}.prof``).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import polling
from bench._util import ROOT, table
from bench.farm import Farm, FarmConfig

PHASES = ("cold", "warm", "tick10")


@dataclass(frozen=True)
class FeedsConfig:
    sizes: tuple[int, ...] = (1_000, 5_000, 10_000)
    entries: int = 10
    latency: float = 0.1
    profile: str | None = None  # a directory for each cycle's cProfile output
    concurrency: int = 64
    workers: int = 2
    min_kb: int = 4
    max_kb: int = 24


@dataclass
class Row:
    feeds: int
    phase: str
    wall: float
    cpu_ms_per_feed: float
    cycle_rss_mb: float
    worker_rss_mb: list[float] = field(default_factory=list)
    process_wall: float = 0.0  # the whole one-shot process: start, imports, cycle, exit
    network_floor: float = 0.0
    parse_floor: float = 0.0
    new_entries: int = 0


def _child(spec_path: str) -> None:
    """The cycle process: one ``run_once`` over every feed (``--all``), as ``update`` runs
    it (with the story index snapshot)."""
    import random
    from datetime import UTC, datetime
    from multiprocessing import forkserver

    from aggregator.cycle import StoryWindow, run_once, snapshot_path
    from aggregator.fetch import Fetcher, FetchOptions
    from aggregator.models import FeedSettings, Settings
    from aggregator.runtime.worker import LazyPool, forked_pool
    from aggregator.store import Store
    from bench._util import peak_rss_mb

    spec = json.loads(Path(spec_path).read_text())
    tmp = Path(spec["tmp"])
    settings = Settings(
        feeds=tuple(
            FeedSettings(name=f"outlet{i}", url=f"{spec['base']}/feed/{i}", interval=3600)
            for i in range(spec["feeds"])
        ),
        database=tmp / "db" / "aggregator.db",
        output=tmp / "site",
        allow_private_networks=True,
        concurrency=spec["concurrency"],
        per_host=spec["concurrency"],
    )
    settings.database.parent.mkdir(parents=True, exist_ok=True)
    fetcher = Fetcher(
        FetchOptions(
            concurrency=settings.concurrency,
            per_host=settings.per_host,
            allow_private_networks=True,
        )
    )
    clock = time.perf_counter()
    pool = forked_pool(spec["workers"])  # as `aggregator update` has it
    profiler = cProfile.Profile() if spec.get("profile") else None
    with pool, Store(settings.database) as store:
        if profiler is not None:
            profiler.enable()
        report = run_once(
            settings,
            store,
            fetcher,
            datetime.now(UTC),
            all_feeds=True,
            executor=pool,
            rng=random.Random(1),
            # as `aggregator update` has it: the index of one cycle, read from and saved to
            # the snapshot beside the database
            stories=StoryWindow(
                snapshot=snapshot_path(settings.database) if spec.get("snapshot", True) else None,
                keep=False,
            ),
        )
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(spec["profile"])
        lazy = isinstance(pool, LazyPool)
        procs = list(getattr(pool._pool if lazy else pool, "_processes", None) or ())
        workers = [peak_rss_mb(pid) for pid in procs]
        pool_cpu = 0.0
        if lazy:  # its processes are the fork server's children: their CPU read here (forked
            # workers are this process's children, counted in its RUSAGE_CHILDREN once joined)
            server = getattr(forkserver._forkserver, "_forkserver_pid", None)
            pool_cpu = sum(_cpu_of(pid) for pid in [*procs, *([server] if server else [])])
    out = {
        "pool_cpu": pool_cpu,
        "wall": time.perf_counter() - clock,
        "new": report.new_entries,
        "failed": report.failed,
        "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "workers": workers,
        "timings": report.timings,
        "index": report.story_index,
    }
    print("RESULT " + json.dumps(out), flush=True)


def _cpu_of(pid: int) -> float:
    """Seconds of CPU a live process has used (user + system), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cycle(spec: dict[str, Any], tmp: Path) -> dict[str, Any]:
    path = tmp / "spec.json"
    path.write_text(json.dumps(spec))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    clock = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bench.feeds", "--child", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    process_wall = time.perf_counter() - clock
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    result: dict[str, Any] = json.loads(line[len("RESULT ") :])
    result["cpu"] = (
        (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime) + result["pool_cpu"]
    )
    result["process_wall"] = process_wall
    return result


def _floor(urls: list[str], validators: dict[str, tuple[str, str]], cfg: FeedsConfig) -> float:
    clock = time.perf_counter()
    asyncio.run(polling._fetch_all(urls, validators, cfg.concurrency, None))
    return time.perf_counter() - clock


def _parse_floor(
    urls: list[str], validators: dict[str, tuple[str, str]], cfg: FeedsConfig, pool: Any
) -> float:
    clock = time.perf_counter()
    asyncio.run(polling._fetch_all(urls, validators, cfg.concurrency, pool))
    return time.perf_counter() - clock


def run_size(cfg: FeedsConfig, feeds: int) -> list[Row]:
    farm_cfg = FarmConfig(
        feeds=feeds,
        entries=cfg.entries,
        latency=cfg.latency,
        min_kb=cfg.min_kb,
        max_kb=cfg.max_kb,
    )
    rows: list[Row] = []
    tmp = Path(tempfile.mkdtemp(prefix="bench-feeds-"))
    try:
        # (the farm makes every feed before it answers: minutes at 10,000 on busy cores)
        with (
            Farm(farm_cfg, start_timeout=120 + feeds * 0.06) as farm,
            ProcessPoolExecutor(cfg.workers) as pool,
        ):
            urls = [farm.url(i) for i in range(feeds)]
            spec = {
                "tmp": str(tmp),
                "base": farm.url(0).rsplit("/feed/", 1)[0],
                "feeds": feeds,
                "concurrency": cfg.concurrency,
                "workers": cfg.workers,
            }
            seen: dict[str, tuple[str, str]] = {}  # the floors' validators, as the cycle's
            for phase in PHASES:
                if phase == "tick10":
                    farm.tick(0.1)
                net = _floor(urls, dict(seen), cfg)
                parse = _parse_floor(urls, seen, cfg, pool)
                if cfg.profile:
                    spec["profile"] = str(Path(cfg.profile) / f"{feeds}-{phase}.prof")
                got = _cycle(spec, tmp)
                rows.append(
                    Row(
                        feeds=feeds,
                        phase=phase,
                        wall=got["wall"],
                        cpu_ms_per_feed=1000 * got["cpu"] / feeds,
                        cycle_rss_mb=got["rss"],
                        worker_rss_mb=got["workers"],
                        process_wall=got["process_wall"],
                        network_floor=net,
                        parse_floor=parse,
                        new_entries=got["new"],
                    )
                )
                print(_line(rows[-1]), f"index {got['index']!r}", got["timings"], flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


def _line(row: Row) -> str:
    return (
        f"{row.feeds} {row.phase}: {row.wall:.1f} s (process {row.process_wall:.1f} s; "
        f"network floor {row.network_floor:.1f} s, "
        f"parse floor {row.parse_floor:.1f} s), {row.cpu_ms_per_feed:.2f} ms CPU/feed, "
        f"RSS cycle {row.cycle_rss_mb:.0f} MB, workers "
        + "/".join(f"{w:.0f}" for w in row.worker_rss_mb)
        + " MB"
    )


def report(rows: list[Row]) -> str:
    return table(
        "Many feeds: one-shot cycles against the floors of the same run",
        [
            "feeds",
            "phase",
            "wall s",
            "process wall s",
            "network floor s",
            "parse floor s",
            "× floor",
            "CPU ms/feed",
            "peak RSS cycle MB",
            "peak RSS workers MB",
            "new entries",
        ],
        [
            [
                f"{r.feeds:,}",
                r.phase,
                f"{r.wall:.1f}",
                f"{r.process_wall:.1f}",
                f"{r.network_floor:.1f}",
                f"{r.parse_floor:.1f}",
                f"{r.wall / (r.network_floor if r.phase == 'warm' else r.parse_floor):.2f}"
                + (" (network)" if r.phase == "warm" else " (parse)"),
                f"{r.cpu_ms_per_feed:.2f}",
                f"{r.cycle_rss_mb:.0f}",
                "/".join(f"{w:.0f}" for w in r.worker_rss_mb),
                f"{r.new_entries:,}",
            ]
            for r in rows
        ],
        [
            "one-shot cycle process (`run_once --all`, the 2-worker pool of `aggregator update`), "
            "fetch.concurrency 64, farm on loopback; CPU is the cycle process (its start "
            "included) and its pool; process wall: the whole process, start and imports included",
            "× floor: warm against the network floor, cold and tick10 against the parse floor",
        ],
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--entries", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--profile", help="directory for each cycle's cProfile output")
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child)
        return
    cfg = FeedsConfig(
        sizes=tuple(int(s) for s in args.sizes.split(",")),
        entries=args.entries,
        latency=args.latency,
        profile=args.profile,
    )
    if cfg.profile:
        Path(cfg.profile).mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    for size in cfg.sizes:
        rows += run_size(cfg, size)
    print(report(rows))


if __name__ == "__main__":
    main()
