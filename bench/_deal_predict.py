"""Read labelled rows (JSON lines) on stdin, print each one's deal reading (JSON lines).

Run by ``bench/deal_quality.py`` with ``PYTHONPATH`` pointing at the tree to measure (this
checkout, or a baseline commit unpacked by ``git archive``), so both are read the same way.
A tree whose ``classify`` has no ``publisher`` argument reads first-party posts without it.
"""

from __future__ import annotations

import inspect
import json
import os
import sys
import time
from pathlib import Path

from aggregator.deals import classify, load_gazetteer


def _deal(deal: object) -> dict[str, object] | None:
    if deal is None:
        return None
    amount = getattr(deal, "amount", None)
    return {
        "type": deal.type,
        "status": deal.status,
        "rule": deal.rule,
        "amount": None if amount is None else {"value": amount.value, "currency": amount.currency},
        "parties": [
            {
                "name": p.name,
                "role": p.role,
                "slug": p.slug,
                "lead": bool(getattr(p, "lead", False)),
            }
            for p in deal.parties
        ],
        "also": len(getattr(deal, "also", ()) or ()),
    }


def main() -> int:
    other = os.environ.get("AGGREGATOR_BENCH_GAZETTEER")  # the --unseen-names run
    gazetteer = load_gazetteer(Path(other) if other else None)
    takes_publisher = "publisher" in inspect.signature(classify).parameters
    classify("warm-up", gazetteer=gazetteer)
    for line in sys.stdin:
        row = json.loads(line)
        kwargs: dict[str, object] = {"gazetteer": gazetteer}
        if takes_publisher and row.get("first_party"):
            kwargs["publisher"] = row.get("organization")
        started = time.thread_time()  # CPU time: a shared machine's waiting is not ours
        deal = classify(row["title"], row.get("summary") or "", **kwargs)
        took = time.thread_time() - started
        print(json.dumps({"id": row.get("id"), "deal": _deal(deal), "ms": took * 1000}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
