"""Scenario 1: polling N feeds from the local farm — the pipeline against floors and a baseline.

Phases (each on a fresh farm state): ``cold`` (empty database, every feed 200), ``warm``
(nothing changed: every feed 304), ``tick10`` (10% of the feeds have new entries).
Clients, in the same run:

* ``pipeline``: ``aggregator.cycle.run_once`` (fetch, parse in a 2-process pool, store,
  stories, deals, publish) — the full update cycle, in one process that keeps its story
  index, store and pool between cycles as the service's cycle process does;
* ``one-shot``: the same cycle in a fresh process each time, as ``aggregator update --all``
  runs it from cron (its own imports, store, parse pool and story index); its cold cycle is
  measured in the first run only, later runs start warm from a copy of that run's data
  directory and site;
* ``network floor``: aiohttp, conditional GET, bodies read, nothing else;
* ``parse floor``: the same plus ``feedparser.parse(bytes)`` in a 2-process pool;
* ``baseline``: sequential ``feedparser.parse(url, etag=, modified=)`` over a subset of the
  feeds, extrapolated to all of them (said so in the table).

``BENCH_ONESHOT_PROFILE=DIR`` writes each one-shot cycle's cProfile (``run_once`` and the
service around it, not the process start) to ``DIR/oneshot-<new entries>-<time>.prof``.
"""

from __future__ import annotations

import asyncio
import cProfile
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench._util import ROOT, Meter, Sample, median, spread, table, verdict
from bench.farm import Farm, FarmConfig

PHASES = ("cold", "warm", "tick10")
CLIENTS = ("pipeline", "one-shot", "network floor", "parse floor", "baseline")


@dataclass(frozen=True)
class PollConfig:
    feeds: int = 500
    entries: int = 50
    latency: float = 0.1
    runs: int = 3
    concurrency: int = 64  # requests in flight (pipeline and floors alike)
    workers: int = 2  # parse processes (pipeline and parse floor alike)
    baseline_feeds: int = 25  # the sequential baseline runs on this many, extrapolated
    tick_share: float = 0.1
    cold_once_after: float = 60.0  # a slower cold cycle is measured once (see run_pipeline)
    judge: bool = True  # compare with the targets (off in quick mode)


@dataclass
class PollResults:
    cfg: PollConfig
    samples: dict[tuple[str, str], list[Sample]] = field(default_factory=dict)

    def add(self, client: str, phase: str, sample: Sample) -> None:
        self.samples.setdefault((client, phase), []).append(sample)

    def wall(self, client: str, phase: str) -> float:
        return median([s.wall for s in self.samples.get((client, phase), [])])

    def cpu(self, client: str, phase: str) -> float:
        return median([s.cpu for s in self.samples.get((client, phase), [])])


# --------------------------------------------------------------------------- pools


def _warm(_: int) -> int:
    import feedparser  # noqa: F401  (loaded once per worker, before the clock starts)

    import aggregator.cycle._pipeline  # noqa: F401

    return 0


def make_pool(workers: int) -> ProcessPoolExecutor:
    """A forkserver process pool (as ``service.parse_pool``) with every worker started."""
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("forkserver")
    )
    list(pool.map(_warm, range(workers * 4)))
    return pool


def _parse_count(body: bytes) -> int:
    import feedparser

    return len(feedparser.parse(body).entries)


# --------------------------------------------------------------------------- clients


def _settings(cfg: PollConfig, farm: Farm, tmp: Path) -> Any:
    return _settings_for(cfg, [farm.url(i) for i in range(farm.total_feeds)], tmp)


def _settings_for(cfg: PollConfig, urls: list[str], tmp: Path) -> Any:
    from aggregator.models import AlertRule, FeedSettings, Settings

    # Alert rules as a user would set them (no webhooks: nothing leaves the machine), so the
    # cycle pays for evaluating them and queuing their alerts ("alerts" stage).
    alerts = (
        AlertRule("big-rounds", types=("funding",), min_usd=100e6),
        AlertRule("acquisitions", types=("acquisition", "merger")),
        AlertRule("labs", companies=("openai", "anthropic", "mistral-ai")),
    )
    return Settings(
        feeds=tuple(
            FeedSettings(name=f"outlet{i}", url=url, interval=3600) for i, url in enumerate(urls)
        ),
        database=tmp / "db" / "aggregator.db",
        output=tmp / "site",
        allow_private_networks=True,
        concurrency=cfg.concurrency,
        per_host=cfg.concurrency,
        alerts=alerts,
    )


def run_pipeline(
    cfg: PollConfig, farm: Farm, pool: Executor | None, out: PollResults, snapshot: Path
) -> None:
    """The three phases; a cold cycle slower than ``cold_once_after`` is measured once and
    later runs start warm from a copy of its database and site (``snapshot``)."""
    from aggregator.cycle import StoryWindow
    from aggregator.cycle._pipeline import run_once
    from aggregator.fetch import Fetcher
    from aggregator.runtime.service import fetch_options, open_store

    with tempfile.TemporaryDirectory(prefix="bench-poll-") as tmp:
        settings = _settings(cfg, farm, Path(tmp))
        reuse = (snapshot / "db").exists()
        if reuse:
            settings.database.parent.mkdir(parents=True)
            shutil.copyfile(snapshot / "db", settings.database)
            shutil.copytree(snapshot / "site", settings.output)
        store = open_store(settings)
        fetcher = Fetcher(fetch_options(settings))
        stories = StoryWindow()  # kept between cycles, as by the service's cycle process

        def cycle(_: list[int]) -> dict[str, float]:
            report = run_once(
                settings,
                store,
                fetcher,
                datetime.now(UTC),
                all_feeds=True,
                executor=pool,
                stories=stories,
            )
            if report.failed or report.publish_error:
                bad = [o.error for o in report.outcomes if o.error][:3]
                print(f"  ! pipeline: {report.failed} failed {bad} {report.publish_error}")
            return {
                "new": report.new_entries,
                "failed": report.failed,
                "publish_s": report.publish_seconds,
                "fetch_s": report.timings.get("fetch_parse_store", 0.0),
                "stories_s": report.timings.get("stories_deals", 0.0),
                "alerts_s": report.timings.get("alerts", 0.0),
            }

        def keep(phase: str, sample: Sample) -> None:
            if phase == "cold" and sample.wall > cfg.cold_once_after:
                store.backup(snapshot / "db")
                shutil.copytree(settings.output, snapshot / "site")

        try:
            _phases(cfg, farm, "pipeline", cycle, out, skip_cold=reuse, after=keep)
        finally:
            store.close()


def _one_shot_child(spec_path: str) -> None:
    """One cycle as ``aggregator update --all`` runs it (``runtime.cli.update``): a service
    with the parse pool forked before anything else (``forked_pool``), the store opened, one
    ``run_once`` with the story index snapshot beside the database, all closed."""
    from aggregator.cycle import StoryWindow, run_once, snapshot_path
    from aggregator.runtime.readiness import utcnow
    from aggregator.runtime.service import Service, open_store
    from aggregator.runtime.worker import forked_pool
    from bench._util import cpu_seconds, peak_rss_mb

    spec = json.loads(Path(spec_path).read_text())
    cfg = PollConfig(**spec["cfg"])
    settings = _settings_for(cfg, spec["urls"], Path(spec["tmp"]))
    profile_dir = os.environ.get("BENCH_ONESHOT_PROFILE")  # a directory: each cycle's cProfile
    profiler = cProfile.Profile() if profile_dir else None
    if profiler is not None:
        profiler.enable()
    pool = forked_pool()
    service = Service(settings, executor=pool)
    store = open_store(settings)
    try:
        report = run_once(
            settings,
            store,
            service.fetcher,
            utcnow(),
            all_feeds=True,
            executor=service.executor,
            stories=StoryWindow(
                snapshot=snapshot_path(settings.database), keep=False
            ),  # as the CLI
        )
        inner = getattr(pool, "_pool", pool)  # (a LazyPool's, or the forked pool itself)
        workers = [peak_rss_mb(p) for p in getattr(inner, "_processes", None) or ()]
        cpu = cpu_seconds()  # this process since its start, and its live parse workers
    finally:
        store.close()
        service.close()
    if profiler is not None and profile_dir:
        profiler.disable()
        profiler.dump_stats(
            Path(profile_dir) / f"oneshot-{report.new_entries}-{time.time():.0f}.prof"
        )
    out = {
        "new": report.new_entries,
        "failed": report.failed,
        "publish_s": report.publish_seconds,
        "fetch_s": report.timings.get("fetch_parse_store", 0.0),
        "stories_s": report.timings.get("stories_deals", 0.0),
        "alerts_s": report.timings.get("alerts", 0.0),
        "cpu": cpu,
        "rss": peak_rss_mb(os.getpid()),
        "worker_rss": max(workers, default=0.0),
        "index": report.story_index,
    }
    print("RESULT " + json.dumps(out), flush=True)


def run_one_shot(cfg: PollConfig, farm: Farm, out: PollResults, snapshot: Path) -> None:
    """The three phases, each cycle in a fresh process (``_one_shot_child``); the cold one
    in the first run only (``snapshot``: its data directory and site, for later runs)."""
    with tempfile.TemporaryDirectory(prefix="bench-oneshot-") as tmp:
        data, saved = Path(tmp), snapshot / "one-shot"
        reuse = saved.exists()
        if reuse:
            shutil.copytree(saved / "db", data / "db")
            shutil.copytree(saved / "site", data / "site")
        spec = data / "spec.json"
        spec.write_text(
            json.dumps(
                {
                    "cfg": {k: v for k, v in cfg.__dict__.items()},
                    "urls": [farm.url(i) for i in range(farm.total_feeds)],
                    "tmp": str(data),
                }
            )
        )

        def cycle(_: list[int]) -> dict[str, float]:
            done = subprocess.run(
                [sys.executable, "-m", "bench.polling", "--child", str(spec)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None)
            if line is None:
                raise RuntimeError(f"one-shot cycle failed: {done.stderr[-2000:]}")
            got: dict[str, Any] = json.loads(line[len("RESULT ") :])
            if got["failed"]:
                print(f"  ! one-shot: {got['failed']} failed")
            return got

        def keep(phase: str, sample: Sample) -> None:
            if phase == "cold":
                shutil.copytree(data / "db", saved / "db")
                shutil.copytree(data / "site", saved / "site")

        _phases(cfg, farm, "one-shot", cycle, out, skip_cold=reuse, after=keep)


Step = Callable[[list[int]], dict[str, Any]]


def _phases(
    cfg: PollConfig,
    farm: Farm,
    client: str,
    step: Step,
    out: PollResults,
    scale: float = 1.0,
    skip_cold: bool = False,
    after: Callable[[str, Sample], None] | None = None,
) -> None:
    farm.reset()
    for phase in PHASES[1:] if skip_cold else PHASES:
        ticked = farm.tick(cfg.tick_share) if phase == "tick10" else []
        farm.stats(reset=True)
        with Meter(exclude=[farm.pid]) as meter:
            extra = step(ticked)
        stats = farm.stats()
        sample = meter.sample
        if "rss" in extra:  # measured by the process that ran the cycle, as it ended
            sample = replace(
                sample,
                cpu=extra.pop("cpu"),
                rss_mb=extra.pop("rss"),
                child_rss_mb=extra.pop("worker_rss"),
            )
        extra.pop("index", None)
        sample.extra = {**extra, "ok": stats["ok"] * scale, "nm": stats["not_modified"] * scale}
        if scale != 1.0:
            sample = replace(sample, wall=sample.wall * scale, cpu=sample.cpu * scale)
        out.add(client, phase, sample)
        if after is not None:
            after(phase, sample)


async def _fetch_all(
    urls: list[str], validators: dict[str, tuple[str, str]], concurrency: int, pool: Executor | None
) -> int:
    import aiohttp

    loop = asyncio.get_running_loop()
    gate = asyncio.Semaphore(concurrency)
    parses: list[asyncio.Future[int]] = []
    connector = aiohttp.TCPConnector(limit=concurrency, limit_per_host=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one(url: str) -> None:
            headers = {}
            if url in validators:
                headers = {
                    "If-None-Match": validators[url][0],
                    "If-Modified-Since": validators[url][1],
                }
            async with gate, session.get(url, headers=headers) as response:
                body = await response.read()
                if response.status == 200:
                    validators[url] = (response.headers["ETag"], response.headers["Last-Modified"])
                    if pool is not None:
                        parses.append(loop.run_in_executor(pool, _parse_count, body))

        await asyncio.gather(*(one(u) for u in urls))
        counts = await asyncio.gather(*parses)
    return sum(counts)


def run_floor(cfg: PollConfig, farm: Farm, pool: Executor | None, out: PollResults) -> None:
    urls = [farm.url(i) for i in range(farm.total_feeds)]
    validators: dict[str, tuple[str, str]] = {}

    def step(_: list[int]) -> dict[str, float]:
        entries = asyncio.run(_fetch_all(urls, validators, cfg.concurrency, pool))
        return {"entries": entries}

    _phases(cfg, farm, "parse floor" if pool else "network floor", step, out)


def run_baseline(cfg: PollConfig, farm: Farm, out: PollResults) -> None:
    import feedparser

    count = min(cfg.baseline_feeds, farm.total_feeds)
    # every k-th feed, so the subset has the same mix of sizes and formats as the whole
    every = list(range(0, farm.total_feeds, farm.total_feeds // count))[:count]
    validators: dict[int, tuple[str | None, str | None]] = {}

    def step(ticked: list[int]) -> dict[str, float]:
        subset = every
        if ticked:  # the same share of changed feeds as the whole farm has
            changed = ticked[: round(count * len(ticked) / farm.total_feeds)]
            subset = changed + [i for i in every if i not in ticked][: count - len(changed)]
        for i in subset:
            etag, modified = validators.get(i, (None, None))
            result = feedparser.parse(farm.url(i), etag=etag, modified=modified)
            if result.get("status") == 200:
                validators[i] = (result.get("etag"), result.get("modified"))
        return {}

    _phases(cfg, farm, "baseline", step, out, scale=farm.total_feeds / count)


# --------------------------------------------------------------------------- driver


def run(
    cfg: PollConfig, farm_cfg: FarmConfig | None = None, log: Callable[[str], None] = print
) -> PollResults:
    farm_cfg = farm_cfg or FarmConfig(feeds=cfg.feeds, entries=cfg.entries, latency=cfg.latency)
    out = PollResults(cfg)
    with Farm(farm_cfg) as farm, tempfile.TemporaryDirectory(prefix="bench-snap-") as snap:
        pool = make_pool(cfg.workers)
        try:
            for number in range(cfg.runs):
                log(f"  polling run {number + 1}/{cfg.runs}: pipeline")
                run_pipeline(cfg, farm, pool, out, Path(snap))
                log("  … one-shot processes (aggregator update --all)")
                run_one_shot(cfg, farm, out, Path(snap))
                log("  … network floor, parse floor")
                run_floor(cfg, farm, None, out)
                run_floor(cfg, farm, pool, out)
                log("  … sequential feedparser baseline")
                run_baseline(cfg, farm, out)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    return out


def report(res: PollResults, farm_cfg: FarmConfig | None = None) -> str:
    cfg = res.cfg
    rows = []
    for client in CLIENTS:
        for phase in PHASES:
            samples = res.samples.get((client, phase), [])
            if not samples:
                continue
            n = cfg.feeds
            rows.append(
                [
                    client,
                    phase,
                    spread([s.wall for s in samples]),
                    spread([s.cpu for s in samples]),
                    f"{median([s.cpu for s in samples]) / n * 1000:.2f}",
                    f"{median([s.rss_mb for s in samples]):.0f} / "
                    f"{median([s.child_rss_mb for s in samples]):.0f}",
                    f"{median([s.extra['ok'] for s in samples]):.0f} / "
                    f"{median([s.extra['nm'] for s in samples]):.0f}",
                    " / ".join(
                        f"{median([s.extra[k] for s in samples]):.2f}"
                        for k in ("fetch_s", "stories_s", "publish_s", "alerts_s")
                    )
                    if client in ("pipeline", "one-shot")
                    else "–",
                ]
            )
    head = [
        "client",
        "phase",
        "wall s",
        "CPU s",
        "CPU ms/feed",
        "peak RSS MB main / worker",
        "requests 200 / 304",
        "stages s: fetch+parse+store / stories+facts / publish / alerts (in stories)",
    ]
    notes = [
        f"{cfg.feeds} feeds × {cfg.entries} entries (RSS and Atom, ~40–200 KB each, gzip), "
        f"{cfg.latency * 1000:.0f} ms latency per request, {cfg.concurrency} requests in "
        f"flight, {cfg.workers} parse processes; median (min–max) of {cfg.runs} run(s).",
        "CPU = this process + its children (parse pool), not the farm's.",
        f"baseline: sequential feedparser.parse(url) on {cfg.baseline_feeds} of the feeds, "
        "wall/CPU/requests extrapolated ×(all/subset); its RSS is not extrapolated.",
        "tick10: the farm adds 3 new entries to 10% of the feeds; every feed is polled.",
        "one-shot: a fresh process per cycle (`aggregator update --all`: imports, store, "
        "parse pool and story index its own); its RSS is that process's and its workers'; "
        "its cold cycle runs in the first run only.",
    ]
    colds = len(res.samples.get(("pipeline", "cold"), []))
    if colds < cfg.runs:
        notes.append(
            f"pipeline cold: {colds} run(s) only — it took over "
            f"{cfg.cold_once_after:.0f} s, so later runs started warm from a copy of "
            "its database and site."
        )
    title = f"Polling {cfg.feeds} feeds (full update cycle)"
    return table(title, head, rows, notes) + "\n" + targets(res)


def targets(res: PollResults) -> str:
    cfg = res.cfg
    checks = [
        (
            "cold: pipeline / parse floor (wall)",
            res.wall("pipeline", "cold") / res.wall("parse floor", "cold"),
            1.5,
            "×",
        ),
        (
            "warm: pipeline / network floor (wall)",
            res.wall("pipeline", "warm") / res.wall("network floor", "warm"),
            1.5,
            "×",
        ),
        (
            "warm: CPU per unchanged feed",
            res.cpu("pipeline", "warm") / cfg.feeds * 1000,
            1.0,
            " ms",
        ),
        (
            "tick10: pipeline / parse floor (wall)",
            res.wall("pipeline", "tick10") / res.wall("parse floor", "tick10"),
            2.0,
            "×",
        ),
        (
            "tick10: one-shot / parse floor (wall)",
            res.wall("one-shot", "tick10") / res.wall("parse floor", "tick10"),
            2.0,
            "×",
        ),
    ]
    rows = [
        [
            name,
            f"{value:.2f}{unit}",
            f"≤ {limit:g}{unit}",
            verdict(value, limit) if cfg.judge else "not judged (quick)",
        ]
        for name, value, limit, unit in checks
    ]
    for phase in PHASES:
        base = res.wall("baseline", phase) / res.wall("pipeline", phase)
        rows.append([f"{phase}: baseline / pipeline (wall)", f"{base:.1f}×", "–", "speed-up"])
    return table(
        "Polling targets (ratios of medians)", ["check", "value", "target", "verdict"], rows
    )


# --------------------------------------------------------------------------- profile


def _area(path: str, name: str) -> str:
    """Where a profiled function lives: an aggregator module, a library, or a builtin."""
    if "/aggregator/" in path:
        return "aggregator." + path.rsplit("/aggregator/", 1)[1].removesuffix(".py").replace(
            "/", "."
        )
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if path == "~":  # "<method 'execute' of 'sqlite3.Cursor' objects>", "<built-in ...>"
        found = re.match(r"<method '(\w+)' of '([\w.]+)' objects>", name)
        if found:
            return f"builtin {found.group(2)}.{found.group(1)}"
        return "builtin " + name.removeprefix("<built-in method ").removeprefix(
            "<built-in function "
        ).rstrip(">")
    return "stdlib " + Path(path).stem


def profile_cold(cfg: PollConfig, top: int = 12) -> str:
    """cProfile one cold cycle with inline parsing (so parse costs show up in one process)."""
    import cProfile
    import pstats

    from aggregator.cycle._pipeline import run_once
    from aggregator.fetch import Fetcher
    from aggregator.runtime.service import fetch_options, open_store

    with (
        Farm(FarmConfig(feeds=cfg.feeds, entries=cfg.entries, latency=cfg.latency)) as farm,
        tempfile.TemporaryDirectory(prefix="bench-prof-") as tmp,
    ):
        settings = _settings(cfg, farm, Path(tmp))
        store = open_store(settings)
        profiler = cProfile.Profile()
        profiler.enable()
        report_ = run_once(
            settings,
            store,
            Fetcher(fetch_options(settings)),
            datetime.now(UTC),
            all_feeds=True,
            executor=None,
        )
        profiler.disable()
        store.close()
    stats = pstats.Stats(profiler)
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in raw.values())
    areas: dict[str, float] = {}
    for (path, _, name), (_, _, tottime, _, _) in raw.items():
        key = _area(path, name)
        areas[key] = areas.get(key, 0.0) + tottime
    by_area = sorted(areas.items(), key=lambda kv: -kv[1])[:top]
    rows = [[area, f"{secs:.2f}", f"{secs / total:.0%}"] for area, secs in by_area]
    cumulative = sorted(
        ((v[3], k) for k, v in raw.items() if "/aggregator/" in k[0]), reverse=True
    )[:top]
    rows2 = [
        [f"{_area(path, name)}:{name}", f"{secs:.2f}", f"{secs / total:.0%}"]
        for secs, (path, _, name) in cumulative
    ]
    note = [
        f"one cold cycle of {cfg.feeds} feeds × {cfg.entries} entries, parsing inline "
        f"(executor=None) so it is profiled too; {total:.1f} s of profiled time, wall "
        f"{report_.duration:.1f} s of which publish {report_.publish_seconds:.1f} s "
        f"({report_.published} files written)."
    ]
    return (
        table("Profile of a cold cycle: own time by area", ["area", "s", "share"], rows, note)
        + "\n"
        + table(
            "Profile: cumulative time of aggregator functions", ["function", "s", "share"], rows2
        )
    )


if __name__ == "__main__":  # the one-shot client's cycle process
    import argparse

    parser = argparse.ArgumentParser(description="one cycle of the one-shot client")
    parser.add_argument("--child", required=True)
    _one_shot_child(parser.parse_args().child)
