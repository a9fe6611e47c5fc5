"""Scenario: one-shot cycles with and without the story index snapshot, A/B.

A farm of ``--feeds`` feeds × 10 entries; one cold cycle (``aggregator update --all`` as
``bench.feeds`` runs it, in its own process), then its database is copied twice: **A** runs
each later cycle with the snapshot beside the database (as ``aggregator update`` does),
**B** without one (``StoryWindow(snapshot=None)``: the story window loaded from the store,
as before the snapshot). Each round the farm changes 10% of the feeds (tick10) and both
run one cycle on the same farm state, in alternating order. Printed: the median wall time
of the cycle, its stories stage, and CPU of each (the cycle process and its pool), the
ratio A/B, how each had its index, and whether A and B assigned every entry to the same
story (they must: the snapshot is used only when it decides as a fresh load).

``python -m bench.oneshot_ab [--feeds 1000] [--rounds 3]`` (loopback only).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from bench._util import median, table
from bench.farm import Farm, FarmConfig
from bench.feeds import FeedsConfig, _cycle


def _assignments(tmp: Path) -> list[tuple[int, int]]:
    with sqlite3.connect(tmp / "db" / "aggregator.db") as conn:
        rows = conn.execute("SELECT id, story_id FROM entries ORDER BY id").fetchall()
    return [(int(a), int(b or 0)) for a, b in rows]


def run(feeds: int, rounds: int) -> str:
    cfg = FeedsConfig()
    farm_cfg = FarmConfig(
        feeds=feeds, entries=cfg.entries, latency=cfg.latency, min_kb=cfg.min_kb, max_kb=cfg.max_kb
    )
    root = Path(tempfile.mkdtemp(prefix="bench-oneshot-"))
    got: dict[str, list[dict[str, Any]]] = {"A": [], "B": []}
    try:
        with Farm(farm_cfg, start_timeout=120 + feeds * 0.06) as farm:
            base = farm.url(0).rsplit("/feed/", 1)[0]
            spec = {"base": base, "feeds": feeds, "concurrency": cfg.concurrency}
            spec["workers"] = cfg.workers
            cold = root / "cold"
            _cycle({**spec, "tmp": str(cold)}, _made(cold))
            dirs = {"A": root / "A", "B": root / "B"}
            for path in dirs.values():
                shutil.copytree(cold, path)
            (dirs["B"] / "db" / "aggregator.db.story-index").unlink(missing_ok=True)
            for n in range(rounds):
                farm.tick(0.1)
                for arm in ("A", "B") if n % 2 == 0 else ("B", "A"):
                    tmp = dirs[arm]
                    one = {**spec, "tmp": str(tmp), "snapshot": arm == "A"}
                    result = _cycle(one, tmp)
                    got[arm].append(result)
                    print(arm, n, f"{result['wall']:.2f} s", result["index"], result["timings"])
            same = _assignments(dirs["A"]) == _assignments(dirs["B"])
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return _report(feeds, rounds, got, same)


def _made(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _report(feeds: int, rounds: int, got: dict[str, list[dict[str, Any]]], same: bool) -> str:
    def med(arm: str, key: str) -> float:
        return median([float(r[key]) for r in got[arm]])

    def stage(arm: str) -> float:
        return median([float(r["timings"].get("stories_deals", 0.0)) for r in got[arm]])

    rows = []
    for label, a, b in (
        ("cycle wall s", med("A", "wall"), med("B", "wall")),
        ("process wall s", med("A", "process_wall"), med("B", "process_wall")),
        ("stories stage s", stage("A"), stage("B")),
        ("CPU s", med("A", "cpu"), med("B", "cpu")),
        ("peak RSS cycle MB", med("A", "rss"), med("B", "rss")),
    ):
        rows.append([label, f"{a:.2f}", f"{b:.2f}", f"{a / b:.2f}" if b else "-"])
    index = {arm: sorted({r["index"] for r in got[arm]}) for arm in got}
    return table(
        f"One-shot tick10 cycles at {feeds:,} feeds: A with the snapshot, B without",
        ["median of " + str(rounds), "A (snapshot)", "B (window loaded)", "A/B"],
        rows,
        [
            f"index: A {', '.join(index['A'])}; B {', '.join(index['B'])}",
            f"every entry in the same story in A and B: {'yes' if same else 'NO'}",
            "each round changes 10% of the feeds; A and B alternate who runs first",
        ],
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    print(run(args.feeds, args.rounds))


if __name__ == "__main__":
    main()
