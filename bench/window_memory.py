"""Memory of the story index: a kept history's whole window loaded as a cycle loads it.

``python -m bench.window_memory DIR [--days N]`` opens ``DIR/db/a.db`` (a history built by
``python -m bench.scale_kept build DIR --size N``), loads every stored entry within N days
(400 by default: the whole history) into a fresh story index the way a cycle process does
(``cycle._story_window.load_window``), and prints the items held, the seconds it took and
the growth of the process's resident memory, per item. Run it on the same history before
and after a change of the index's layout; the growth includes what the allocator keeps.

``--stored-features`` takes the features stored with the entries whatever code version
they name (a change to ``stories/`` changes that version, and the features would be read
out of every title again, which takes longer and lays memory out otherwise): for comparing
layouts when the code that reads features out of a title is the same.
"""

from __future__ import annotations

import argparse
import gc
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def measure(root: Path, days: int, stored: bool = False) -> tuple[int, float, float]:
    import json

    from aggregator.cycle._story_window import load_window
    from aggregator.store import Store
    from aggregator.stories import StoryOptions, _codec

    store = Store(root / "db" / "a.db")
    now = datetime.now(UTC)
    if stored:
        start = now - timedelta(days=days)
        for _, _, encoded in store.window_items(start, now):
            if encoded:
                _codec.FEATURES_VERSION = json.loads(encoded)[0]
                break
    before = _rss_mb()
    clock = time.perf_counter()
    index = load_window(
        store, StoryOptions(window_days=days), [now - timedelta(days=days / 2)], now
    )
    seconds = time.perf_counter() - clock
    gc.collect()
    grown = _rss_mb() - before
    store.close()
    return len(index), seconds, grown


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--days", type=int, default=400)
    parser.add_argument("--stored-features", action="store_true")
    args = parser.parse_args(argv)
    items, seconds, grown = measure(args.root, args.days, args.stored_features)
    per_item = grown * 2**20 / items if items else 0.0
    print("| items | load s | RSS growth MB | bytes per item |")
    print("|---|---|---|---|")
    print(f"| {items:,} | {seconds:.1f} | {grown:.0f} | {per_item:,.0f} |")


if __name__ == "__main__":
    main()
