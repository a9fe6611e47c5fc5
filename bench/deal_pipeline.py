"""Deal quality as a subscriber sees it: the real feeds in, the published deals read back.

    .venv/bin/python bench/deal_pipeline.py              # both splits of the real set
    .venv/bin/python bench/deal_pipeline.py --errors dev # and the dev rows read differently

``bench/deal_quality.py`` reads each labelled entry with ``classify`` and the publisher its
label names. A new user gets something else: the feeds of ``bench/data/realfeeds`` listed by
name and path only (no ``first_party``, no ``organization``: both are inferred), one
``aggregator update --all`` (parse, store, stories, deals, publish), and what the site
says. This bench does that in a scratch directory and reads each labelled entry's deal from
the published ``deals.ndjson`` row of the story its entry joined (entries are found in the
database by feed and title; a story with no row there is no deal). A story that merged
several entries carries its main deal, so a labelled entry whose story has another deal is
scored against that deal, as a reader would see it.

The table puts, per split, the pipeline's numbers next to ``deal_quality``'s direct reading of
the same rows: where they differ, the difference is the pipeline's (publisher inference,
summaries as parsed, stories that merged, curation). Scoring is ``deal_quality.score``.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import deal_quality  # noqa: E402

REAL = ROOT / "bench" / "data" / "real_entries.jsonl"
FEEDS = ROOT / "bench" / "data" / "realfeeds"
Row = dict[str, Any]


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _config(rows: list[Row], into: Path) -> Path:
    names: dict[str, str] = {}
    for r in rows:
        names.setdefault(r["feed"], r.get("feed_title") or Path(r["feed"]).stem)
    used: set[str] = set()
    lines = ["database: db/a.db", "output: site", "publish: {feed_size: 50}", "feeds:"]
    for file, name in sorted(names.items()):
        label = name if name not in used else f"{name} ({file})"
        used.add(label)
        lines += [f"  - name: {json.dumps(label)}", f"    path: {json.dumps(str(FEEDS / file))}"]
        names[file] = label
    path = into / "feeds.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (into / "names.json").write_text(json.dumps(names), encoding="utf-8")
    return path


def _deal_of(row: Row) -> Row:
    amount = None
    if row.get("amount") is not None:
        amount = {"value": row["amount"], "currency": row["currency"]}
    return {
        "type": row["type"],
        "status": row["status"],
        "rule": "published",
        "amount": amount,
        "parties": [{"name": p["name"], "role": p["role"]} for p in row["parties"]],
    }


def published(rows: list[Row], work: Path) -> tuple[list[Row], int]:
    """Each row's published deal (or None), and how many rows were not found stored."""
    config = _config(rows, work)
    subprocess.run(
        [sys.executable, "-m", "aggregator", "--config", str(config), "update", "--all"],
        cwd=work,
        check=True,
        capture_output=True,
    )
    names = json.loads((work / "names.json").read_text("utf-8"))
    stories: dict[tuple[str, str], int] = {}
    with sqlite3.connect(work / "db" / "a.db") as db:
        for feed, title, story in db.execute("SELECT feed, title, story_id FROM entries"):
            if story is not None:
                stories.setdefault((feed, _key(title)), story)
    deals: dict[int, Row] = {}
    with (work / "site" / "deals.ndjson").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            deals[row["story_id"]] = _deal_of(row)
    preds, lost = [], 0
    for r in rows:
        story = stories.get((names[r["feed"]], _key(r["title"])))
        lost += story is None
        preds.append({"id": r["id"], "deal": deals.get(story) if story else None, "ms": 0.0})
    return preds, lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=("dev",), help="print the dev rows read differently")
    args = parser.parse_args(argv)
    rows = deal_quality._jsonl(REAL)
    with tempfile.TemporaryDirectory() as tmp:
        preds, lost = published(rows, Path(tmp))
    direct = deal_quality.predict(ROOT, rows)
    by_split: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_split[r["split"]].append(i)
    results = []
    for split, label in (("dev", "real dev"), ("test", "real held-out")):
        idx = by_split[split]
        gold = [rows[i] for i in idx]
        results.append((label, "pipeline", deal_quality.score(gold, [preds[i] for i in idx])))
        results.append((label, "classify", deal_quality.score(gold, [direct[i] for i in idx])))
        if args.errors and split == "dev":
            deal_quality._errors(gold, [preds[i] for i in idx])
    print(deal_quality.table(results))
    print(f"{lost} of {len(rows)} labelled entries not found stored by feed and title")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
