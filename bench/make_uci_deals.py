"""Writes bench/data/uci_deals.jsonl: deal labels for the UCI news-story headlines.

    .venv/bin/python bench/make_uci_deals.py [OUT]

The headlines are those of ``../shared/eval/news_stories.jsonl`` (UCI News Aggregator, March
2014: 1,637 headlines of 87 stories by many outlets); they stay there, and the labels are
joined to them by id (``bench/deal_quality.py``, sets ``uci dev`` / ``uci held-out``). Every
headline gets a row, ``deals: []`` unless ``LABELS`` names its deal, except those left out
(``LEFT_OUT``). Labelling conventions are those of docs/deals.md: each headline is labelled
with what its own words tell (a merger when it says merger, the parties it names).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "eval" / "news_stories.jsonl"
OUT = ROOT / "bench" / "data" / "uci_deals.jsonl"
MW = "Men's Wearhouse"
JB = "Jos. A. Bank"


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


def CQ(a: str = "Chiquita", b: str = "Fyffes") -> dict[str, Any]:
    return D("acquisition", [P(a, "acquirer"), P(b, "target")])


def CM(a: str = "Chiquita", b: str = "Fyffes", amount: float | None = None) -> dict[str, Any]:
    return D("merger", [P(a, "partner"), P(b, "partner")], amount=amount)


def MWJ(status: str = "announced", amount: float | None = None, b: str = JB) -> dict[str, Any]:
    return D("acquisition", [P(MW, "acquirer"), P(b, "target")], status, amount)


def VI(
    status: str = "announced", amount: float | None = None, n: str = "Virtu Financial"
) -> dict[str, Any]:
    return D("ipo", [P(n, "issuer")], status, amount)


def SP(a: str = "Sprint") -> dict[str, Any]:
    return D("acquisition", [P(a, "acquirer"), P("T-Mobile", "target")], "rumoured")


def CS(b: str = "Sony") -> dict[str, Any]:
    return D("partnership", [P("Comcast", "partner"), P(b, "partner")])


LABELS = {
    # Chiquita and Fyffes, March 2014
    "uci-688": CQ(),
    "uci-697": CM(),
    "uci-713": CM(),
    "uci-717": CQ(),
    "uci-721": CQ("Chiquita Brands"),
    "uci-750": CQ("Chiquita Brands International"),
    "uci-751": CM("Fyffes", "Chiquita"),
    "uci-763": CM(),
    "uci-766": CM(),
    "uci-767": CM(),
    "uci-773": CM("Fyffes", "Chiquita"),
    "uci-785": CM(amount=1.07e9),
    "uci-786": CM("Fyffes", "Chiquita"),
    "uci-789": CM(),
    "uci-799": CM("Fyffes", "Chiquita"),
    # Men's Wearhouse buys Jos. A. Bank
    "uci-5312": MWJ(),
    "uci-5322": MWJ(),
    "uci-5330": D("merger", [P(MW, "partner"), P(JB, "partner")]),
    "uci-5338": MWJ("rumoured"),
    "uci-5350": MWJ(),
    "uci-5360": D("merger", [P(JB, "partner"), P(MW, "partner")]),
    "uci-5372": MWJ(amount=1.8e9, b="Jos A Bank"),
    "uci-5379": MWJ(amount=1.8e9, b="Jos A Bank"),
    "uci-5396": MWJ(),
    "uci-5400": MWJ(),
    "uci-5401": MWJ(),
    "uci-5405": MWJ(),
    "uci-5407": MWJ(),
    "uci-5408": MWJ(),
    # Virtu Financial files for its IPO
    "uci-5235": VI(amount=1e8),
    "uci-5236": VI(n="Virtu"),
    "uci-5239": VI(n="Virtu"),
    "uci-5241": VI("rumoured", n="Virtu"),
    "uci-5242": VI(),
    "uci-5243": VI(amount=1e8),
    "uci-5249": VI(amount=1e8),
    "uci-5250": VI(),
    "uci-5253": VI(amount=1e8, n="Virtu"),
    "uci-5257": VI(n="Virtu"),
    "uci-5258": VI(amount=1e8),
    # Comcast and Time Warner Cable
    "uci-5105": D("acquisition", [P("Comcast", "acquirer"), P("Time Warner Cable", "target")]),
    "uci-5106": D("merger", [P("Comcast", "partner"), P("Time Warner", "partner")]),
    "uci-5121": D("merger", [P("Comcast", "partner"), P("Time Warner", "partner")]),
    "uci-5126": D("merger", [P("Comcast", "partner"), P("Time Warner Cable", "partner")]),
    # Comcast and Sony Pictures: films and series sold in Comcast's store
    "uci-5125": CS(),
    "uci-2959": CS("Sony Pictures"),
    "uci-2964": CS(),
    "uci-2973": CS(),
    "uci-2983": CS(),
    # Sprint and T-Mobile, wanted
    "uci-5437": D("merger", [P("Sprint", "partner"), P("T-Mobile", "partner")], "rumoured"),
    "uci-5441": SP("SoftBank"),
    "uci-5476": SP(),
    "uci-5481": SP(),
    "uci-5508": SP(),
    # singles
    "uci-1281": D(
        "partnership", [P("Jacksonville Jaguars", "partner"), P("Daktronics", "partner")]
    ),
    "uci-4481": D("acquisition", [P("UniCredit Bank Austria", "seller")], "rumoured"),
    "uci-4496": D("acquisition", [P("Bank Austria", "seller")], "rumoured"),
}
# Left out: a deal told without naming who ("Chiquita now part of top banana company"), a
# headline cut before the name ("… if Sprint is allowed to buy T  ..."), wording that does
# not say which deal ("Virtu Filing Shines Light on …", "Virtu reveals share sale details",
# "… Vows 'Price War' If T-Mobile Deal Approved", "Dealpolitik: … in Jos. A. Bank Play").
LEFT_OUT = {
    "uci-774",
    "uci-5409",
    "uci-5436",
    "uci-5466",
    "uci-5487",
    "uci-5495",
    "uci-5498",
    "uci-5234",
    "uci-5251",
    "uci-5254",
    "uci-5357",
    "uci-5371",
    "uci-2981",
}


def main(argv: list[str]) -> int:
    out_path = Path(argv[0]) if argv else OUT
    left = dict(LABELS)
    n = 0
    with SRC.open(encoding="utf-8") as fh, out_path.open("w", encoding="utf-8") as out:
        for line in fh:
            r = json.loads(line)
            if r["id"] in LEFT_OUT:
                continue
            deal = left.pop(r["id"], None)
            out.write(json.dumps({"id": r["id"], "deals": [deal] if deal else []}) + "\n")
            n += 1
    if left:
        raise SystemExit(f"labels for ids not in {SRC}: {sorted(left)}")
    print(f"wrote {out_path}: {n} rows, {len(LABELS)} deals")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
