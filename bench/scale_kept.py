"""The scale scenario's timed cycle against a history built once and kept on disk.

``python -m bench.scale_kept build DIR --size N`` builds the history of ``bench.scale``
(same entries, same day-by-day clustering) into ``DIR/db`` and publishes it once into
``DIR/site``; that takes as long as ``bench.scale`` at that size (about 25 min at 1M).
``python -m bench.scale_kept replicate SRC DIR --times K`` makes a history K times as long
from a built one without clustering it again (minutes instead of hours on a shared machine):
the database is copied and its entries, stories and their rows are inserted K - 1 more times,
each copy moved back in time by the history's length (new ids, entry keys made unique), so
the counters kept by triggers count them as any story; then the site is published once. The
copies repeat the same news, so stories never span two copies (a story grows for at most the
source history's length), and a copy's ids come after the source's though its times are
older (feeds list by id: the newest copy's stories head them until new ones come).
``python -m bench.scale_kept run DIR [--profile FILE] [--runs K] [--keep-facts] [--budget N]
[--new N]``
copies the kept database and site (hard links: publish replaces files, never writes into
one) to a scratch directory, publishes once, completely (so the kept parts are this code's:
a change of the rendering code re-renders every head, not the archive pages; and no page
waits: ``publish.profile_budget``), then times ``new``
fresh entries through ingest, clustering and publish (the setup's writes flushed to disk
first: ``os.sync``), ``K`` times from the same copy; the
publish is optionally run under cProfile; ``--budget`` sets ``publish.profile_budget`` for it
(``none``: no limit, every changed page rendered). For profiling and before/after comparisons of
publish at 1M without rebuilding the history each time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import shutil
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from bench import scale
from bench._util import cpu_seconds


def _settings(root: Path, budget: int | str | None = "default") -> Any:
    from aggregator.models import Settings

    settings = Settings(database=root / "db" / "a.db", output=root / "site")
    if budget != "default":
        from dataclasses import replace

        settings = replace(settings, profile_budget=budget)
    return settings


def build(root: Path, size: int, cfg: scale.ScaleConfig) -> None:
    from aggregator.cycle import StoryWindow
    from aggregator.cycle._pipeline import run_once
    from aggregator.fetch import Fetcher
    from aggregator.runtime.service import fetch_options, open_store

    settings = _settings(root)
    store, fetcher = open_store(settings), Fetcher(fetch_options(settings))
    stories = StoryWindow()
    days = max(1, size // cfg.per_day)
    first = scale.END - timedelta(days=days + 1)
    clock, made = time.perf_counter(), 0
    for day in range(days):
        count = min(cfg.per_day, size - made)
        when = first + timedelta(days=day)
        scale._ingest(store, scale._batch(cfg, made, count, when))
        run_once(settings, store, fetcher, when + timedelta(days=1), publish=False, stories=stories)
        made += count
        if day % 25 == 24:
            print(f"  {made} entries ({time.perf_counter() - clock:.0f} s)", flush=True)
    now = first + timedelta(days=days + 1)
    clock = time.perf_counter()
    run_once(settings, store, fetcher, now, publish=True, stories=stories)
    print(f"  first publish {time.perf_counter() - clock:.1f} s", flush=True)
    store.close()
    (root / "made").write_text(f"{made}\n{now.isoformat()}\n")


_SHIFTED = {
    "entries": ("published", "updated", "first_seen", "pub_time"),
    "stories": ("created_at", "updated_at", "news_at"),
    "story_links": ("created_at",),
    "story_merges": ("merged_at",),
    "story_corrections": ("at",),
}
_IDS = {  # column -> which id space it is in
    "entries": {"id": "e", "story_id": "s"},
    "stories": {"id": "s", "primary_entry_id": "e", "merged_into": "s"},
    "story_links": {"id": "l", "story_id": "s", "entry_id": "e", "matched_entry_id": "e"},
    "story_merges": {"dropped_id": "s", "kept_id": "s", "entry_id": "e"},
    "story_parties": {"story_id": "s"},
    "story_tags": {"story_id": "s"},
    "story_corrections": {"id": "c", "story_id": "s"},
    "feed_members": {"story_id": "s"},
}


def replicate(source: Path, root: Path, times: int) -> None:
    import sqlite3
    from datetime import datetime

    root.mkdir(parents=True, exist_ok=False)
    shutil.copytree(source / "db", root / "db")
    made_text, now_text = (source / "made").read_text().split()
    conn = sqlite3.connect(root / "db" / "a.db")
    first, last = conn.execute("SELECT min(pub_time), max(pub_time) FROM entries").fetchone()
    span = (datetime.fromisoformat(last) - datetime.fromisoformat(first)).days + 1
    tops = {
        "e": conn.execute("SELECT max(id) FROM entries").fetchone()[0],
        "s": conn.execute("SELECT max(id) FROM stories").fetchone()[0],
        "l": conn.execute("SELECT max(id) FROM story_links").fetchone()[0] or 0,
        "c": conn.execute("SELECT max(id) FROM story_corrections").fetchone()[0] or 0,
    }
    clock = time.perf_counter()
    for k in range(1, times):
        conn.execute("BEGIN")
        for table, ids in _IDS.items():
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            picked = []
            for column in columns:
                if column in ids:
                    picked.append(f"{column} + {k * tops[ids[column]]}")
                elif column in _SHIFTED.get(table, ()):
                    picked.append(
                        f"CASE WHEN {column} IS NULL THEN NULL ELSE "
                        f"strftime('%Y-%m-%dT%H:%M:%S', {column}, '-{k * span} days') "
                        f"|| substr({column}, 20) END"
                    )
                elif table == "entries" and column == "entry_key":
                    picked.append(f"entry_key || '#copy{k}'")
                else:
                    picked.append(column)
            lead = next(iter(ids))  # the originals: ids up to the source's largest
            conn.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(picked)} "
                f"FROM {table} WHERE {lead} <= {tops[ids[lead]]}"
            )
        conn.execute("COMMIT")
        if k % 10 == 9:
            print(f"  copy {k + 1} of {times} ({time.perf_counter() - clock:.0f} s)", flush=True)
    conn.execute("UPDATE story_generation SET value = value + 1")
    conn.commit()
    count = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    conn.close()
    print(f"  {count} entries ({time.perf_counter() - clock:.0f} s)", flush=True)
    (root / "made").write_text(f"{made_text}\n{now_text}\n")
    _first_publish(root, datetime.fromisoformat(now_text))


def _first_publish(root: Path, now: Any) -> None:
    from aggregator.cycle._pipeline import run_once
    from aggregator.fetch import Fetcher
    from aggregator.runtime.service import fetch_options, open_store

    settings = _settings(root)
    store, fetcher = open_store(settings), Fetcher(fetch_options(settings))
    clock = time.perf_counter()
    run_once(settings, store, fetcher, now, publish=True)
    print(f"  first publish {time.perf_counter() - clock:.1f} s", flush=True)
    store.close()


def run(
    root: Path,
    cfg: scale.ScaleConfig,
    runs: int,
    profile: Path | None,
    keep_facts: bool = False,
    budget: int | str | None = "default",
) -> list[float]:
    from datetime import datetime

    from aggregator.cycle._pipeline import publish_now, run_once
    from aggregator.fetch import Fetcher
    from aggregator.runtime.service import fetch_options, open_store, parse_pool

    made_text, now_text = (root / "made").read_text().split()
    made, now = int(made_text), datetime.fromisoformat(now_text)
    times: list[float] = []
    cpus: list[float] = []
    for k in range(runs):
        with tempfile.TemporaryDirectory(prefix="scale-kept-", dir=root.parent) as tmp:
            work = Path(tmp)
            shutil.copytree(root / "db", work / "db")
            # hard links: publish replaces a file (temp file, rename), never writes into one
            shutil.copytree(root / "site", work / "site", symlinks=True, copy_function=os.link)
            settings = _settings(work, budget)
            store, fetcher = open_store(settings), Fetcher(fetch_options(settings))
            if keep_facts:  # skip the one-off reading of every story's facts of new code
                from aggregator.cycle._story_facts import facts_key

                with store.write():
                    store.set_facts_key(facts_key(settings))
            with parse_pool(cfg.workers) as pool:
                # a cycle that brings new entries has parsed them in this pool: it is up
                for _ in range(cfg.workers):
                    pool.submit(os.getpid).result()
                clock = time.perf_counter()
                run_once(settings, store, fetcher, now, publish=False)
                # every page this code's, none waiting (publish.profile_budget): the timed
                # publish then renders what the new entries change
                publish_now(settings, store, now, pool, complete=True)
                print(f"  catch-up publish {time.perf_counter() - clock:.2f} s", flush=True)
                fresh = scale._batch(cfg, made, cfg.new, now - timedelta(hours=6))
                later = now + timedelta(hours=1)
                scale._ingest(store, fresh)
                run_once(settings, store, fetcher, later, publish=False)
                # the copy and the catch-up publish left gigabytes of dirty pages: flushed
                # now, not by the kernel in the middle of the timed publish (in a service
                # the publish before it was an incremental one)
                os.sync()
                profiler = cProfile.Profile() if profile and k == 0 else None
                clock, cpu = time.perf_counter(), cpu_seconds()
                if profiler:
                    profiler.enable()
                run_once(settings, store, fetcher, later, publish=True, executor=pool)
                if profiler:
                    profiler.disable()
                    profiler.dump_stats(str(profile))
                times.append(time.perf_counter() - clock)
                cpus.append(cpu_seconds() - cpu)
                print(
                    f"  publish after {cfg.new} new: {times[-1]:.3f} s, CPU {cpus[-1]:.3f} s "
                    f"(load {os.getloadavg()[0]:.1f})",
                    flush=True,
                )
            store.close()
    print(f"publish CPU s: median {statistics.median(cpus):.3f} of {[round(c, 3) for c in cpus]}")
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("build", "replicate", "run"))
    parser.add_argument("root", type=Path)
    parser.add_argument("target", type=Path, nargs="?")
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--profile", type=Path)
    parser.add_argument(
        "--budget",
        default="default",
        help="publish.profile_budget for the timed publish: a number, 'none' (no limit), "
        "or 'default' (the code's default)",
    )
    parser.add_argument(
        "--keep-facts",
        action="store_true",
        help="take the stored stories' facts as this code's (no one-off reading of them all)",
    )
    parser.add_argument(
        "--new",
        type=int,
        default=scale.ScaleConfig.new,
        help="fresh entries timed through ingest, clustering and publish (default 500)",
    )
    args = parser.parse_args(argv)
    cfg = scale.ScaleConfig(new=args.new)
    if args.action == "build":
        args.root.mkdir(parents=True, exist_ok=False)
        build(args.root, args.size, cfg)
        return
    if args.action == "replicate":
        replicate(args.root, args.target, args.times)
        return
    budget = args.budget if args.budget == "default" else None
    if args.budget not in ("default", "none"):
        budget = int(args.budget)
    times = run(args.root, cfg, args.runs, args.profile, args.keep_facts, budget)
    print(f"publish s: median {statistics.median(times):.3f} of {times} (pid {os.getpid()})")


if __name__ == "__main__":
    main()
