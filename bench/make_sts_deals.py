"""Writes bench/data/sts_deals.jsonl: deal labels for the STS news headlines.

    .venv/bin/python bench/make_sts_deals.py [OUT]

The headlines are both sentences of each pair of ``../shared/eval/sts_headlines.jsonl``
(SemEval STS news headlines of 2013-2016 by many outlets, collected for sentence
similarity: 4,733 distinct headlines, mostly politics, conflict and markets, with a few
company deals); they stay there, and the labels are joined to them by id ``PAIR-ID:s1`` /
``PAIR-ID:s2`` (the first pair that carries a headline; ``bench/deal_quality.py``, sets
``sts dev`` / ``sts held-out``). Every headline gets a row, ``deals: []`` unless ``LABELS``
names its deal, except those left out (``LEFT_OUT``: a deal the words leave open). Labelling
conventions are those of docs/deals.md: each headline is labelled with what its own words
tell; treaties, truces, bail-outs, labour contracts, aid, rewards, aircraft orders, objects
sold at auction and a politician's "bid" are no deal.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "eval" / "sts_headlines.jsonl"
OUT = ROOT / "bench" / "data" / "sts_deals.jsonl"


def P(name: str, role: str) -> dict[str, Any]:
    return {"name": name, "role": role}


def D(
    type_: str,
    parties: list[dict[str, Any]],
    status: str = "announced",
    amount: float | None = None,
) -> dict[str, Any]:
    money = None if amount is None else {"value": float(amount), "currency": "USD"}
    return {"type": type_, "status": status, "amount": money, "parties": parties}


def BUY(buyer: str, target: str, amount: float | None = None) -> dict[str, Any]:
    return D("acquisition", [P(buyer, "acquirer"), P(target, "target")], amount=amount)


LABELS: dict[str, dict[str, Any]] = {
    "sts-dev-2013-0057:s1": BUY("Coty", "Avon", 10e9),
    "sts-dev-2013-0057:s2": BUY("Coty", "Avon", 10e9),
    "sts-dev-2013-0528:s1": D("ipo", [P("Manchester United", "issuer")]),
    "sts-test-2013-0405:s1": BUY("Apple", "AuthenTec", 356e6),
    "sts-test-2013-0405:s2": BUY("Apple", "AuthenTec", 356e6),
    "sts-test-2013-0417:s1": D("acquisition", [P("Variety", "target")], "rumoured"),
    "sts-test-2013-0417:s2": D("acquisition", [P("Variety", "target")], "rumoured"),
    "sts-test-2016-0904:s1": BUY("AbbVie", "Shire", 55e9),
    "sts-test-2016-0904:s2": BUY("AbbVie", "Shire", 55e9),
    "sts-train-2013-0060:s1": BUY("Audi", "Ducati"),
    "sts-train-2013-0542:s1": BUY("Ryanair", "Aer Lingus"),
    "sts-train-2013-0570:s1": D("ipo", [P("Facebook", "issuer")], amount=15e9),
    "sts-train-2013-0570:s2": D("ipo", [P("Facebook", "issuer")]),
    "sts-train-2013-0631:s1": D("acquisition", [P("BP", "seller")], amount=5.55e9),
    "sts-train-2013-0631:s2": D(
        "acquisition", [P("BP", "seller"), P("Plains", "acquirer")], amount=5.55e9
    ),
    "sts-train-2014-0196:s1": BUY("McAfee", "Stonesoft", 389e6),
    "sts-train-2014-0196:s2": BUY("McAfee", "Stonesoft", 389e6),
    "sts-train-2014-0273:s2": BUY("Jeff Bezos", "The Washington Post", 250e6),
    "sts-train-2014-0284:s1": BUY("Bezos", "The Washington Post", 250e6),
    "sts-train-2014-0284:s2": BUY("Bezos", "The Washington Post", 250e6),
    "sts-train-2014-0446:s1": D("partnership", [P("Rogers", "partner"), P("Videotron", "partner")]),
    "sts-train-2014-0446:s2": D("partnership", [P("Rogers", "partner"), P("Videotron", "partner")]),
    "sts-train-2015-0761:s1": BUY("Yahoo", "Tumblr", 1.1e9),
    "sts-train-2015-0761:s2": BUY("Yahoo", "Tumblr", 1.1e9),
    "sts-train-2016-0574:s1": D("acquisition", [P("Sony", "seller")]),
}

# Deals the words leave open: a wind-farm project invested in (a company or an asset?),
# patents sold (an asset), a buyer's "bet on reviving" a paper, a partner bought out of an
# alliance (target or seller?), a port's lease and a bid for a fund's assets with no party.
LEFT_OUT = {
    "sts-dev-2014-0230:s1",
    "sts-dev-2014-0230:s2",
    "sts-train-2013-0067:s1",
    "sts-train-2013-0067:s2",
    "sts-train-2014-0273:s1",
    "sts-train-2015-1394:s1",
    "sts-train-2015-1394:s2",
    "sts-train-2016-1303:s1",
    "sts-train-2016-1304:s1",
}


def headlines(path: Path) -> list[tuple[str, str]]:
    """(id, headline) for each distinct headline of the pairs, in file order."""
    seen: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        for side in ("s1", "s2"):
            seen.setdefault(pair[side].strip(), f"{pair['id']}:{side}")
    return [(key, text) for text, key in seen.items()]


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    rows = headlines(SRC)
    ids = {key for key, _ in rows}
    unknown = (set(LABELS) | LEFT_OUT) - ids
    if unknown:
        raise SystemExit(f"{SRC}: no headline with id {sorted(unknown)[0]}")
    with out.open("w", encoding="utf-8") as f:
        for key, _ in rows:
            if key in LEFT_OUT:
                continue
            deals = [LABELS[key]] if key in LABELS else []
            f.write(json.dumps({"id": key, "deals": deals}) + "\n")
    print(f"{out}: {len(rows) - len(LEFT_OUT)} rows, {len(LABELS)} deals")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
