"""Deal quality on labelled sets, this checkout next to a baseline commit, in one run.

    .venv/bin/python bench/deal_quality.py                  # every set, baseline included
    .venv/bin/python bench/deal_quality.py --no-baseline    # this checkout only
    .venv/bin/python bench/deal_quality.py --baseline REF   # another baseline commit

Sets (``dev`` = tuned on, ``held-out`` = never tuned on; see docs/deals.md):

- ``real``: 2,867 entries of the 78 real feeds in ``bench/data/realfeeds`` (copied from
  ``../shared/realfeeds`` with its MANIFEST), labelled in ``bench/data/real_entries.jsonl``,
  split by a hash of the title into dev and held-out;
- ``varied``: entries written in many outlets' styles, ``bench/data/varied_dev.jsonl`` and
  ``bench/data/varied_test.jsonl`` (held-out);
- ``varied12``: 236 entries written afresh by a hand that tuned nothing
  (``bench/data/varied_test12.jsonl``: newsrooms, digests, wires, VC blogs, regional and
  non-English press; 122 hard negatives), all held-out: never read for errors, never tuned on;
- ``varied2``: more such entries (``bench/data/varied_dev2.jsonl``: target-first takeovers,
  financing nouns, compute contracts, funds launched together, licence-and-hire, first-party
  posts, digests, hard negatives), split by a hash of the title into dev and held-out;
- ``varied3``: 682 entries written afresh (``bench/data/varied_dev3.jsonl``: first-party
  newsroom posts and their hard negatives, newsletter digests, tech-press, wire and regional
  outlets, a few in French, German, Spanish and Portuguese), split by the same hash;
- ``varied4``: 451 entries written afresh (``bench/data/varied_dev4.jsonl``: AI labs' and
  startups' own newsroom posts and investors' blogs, newsletter digests whose deal is often
  only in the summary, press and regional outlets, many hard negatives), split by the same hash;
- ``varied5``: 413 entries written afresh (``bench/data/varied_dev5.jsonl``: company newsrooms'
  first-party posts, venture firms' blogs, newsletter items and bullet/emoji digests, 44 % hard
  negatives), split by the same hash;
- ``varied6``: 419 entries written afresh (``bench/data/varied_dev6.jsonl``: chip and cloud
  vendors' newsrooms (customer partnerships next to customer stories), AI labs' "expanding our
  partnership", "strategic investment from", "joins the X family" posts, government MOUs and
  sovereign-AI and compute deals, publishers' content licensing, acqui-hires, newsletter items
  ("💸 X bags $40M", "Funding roundup:", "In brief:", numbered lists, "ICYMI"), wire releases,
  German, French, Spanish, Portuguese and Japanese trade press, 57 % hard negatives), split by
  the same hash;
- ``varied7``: 451 entries written afresh (``bench/data/varied_dev7.jsonl``: AI labs' and big
  tech's newsroom posts ("Today we're announcing our …", "Our Series A", "X joins Y"), venture
  firms' "Why we invested in" posts, emoji and "|" newsletter digests, chip, cloud, data-centre
  and enterprise trade press, wires, Indian, Australian, European and Asian business press;
  target-first takeovers, financing nouns, chip and capacity purchases, funds launched together,
  licence-and-hire, sellers, invented names and look-alikes; 55 % hard negatives), split by
  the same hash;
- ``varied8``: 386 entries written afresh (``bench/data/varied_dev8.jsonl``: newsletter
  entries as AI newsletters publish them (digest titles, "PLUS:", numbered issues, deals only
  in the summary), small and mid-size AI companies' own blog posts under names the gazetteer
  does not know, trade press and wires about less-known companies worldwide; 49 % no deal),
  split by the same hash and measured first with code that had never seen it;
- ``varied9``: 494 entries (``bench/data/varied_dev9.jsonl``: generated from templates with
  invented names — funding, first-party rounds and acquisitions, partnerships, investments,
  licensing, IPO filings, denials, and hard negatives; 54 % no deal), split by the same hash;
- ``varied10``: 381 entries written afresh (``bench/data/varied_dev10.jsonl``: AI companies'
  own newsrooms with titles that name no party ("Our Series B", "A new chapter with X"),
  investors' blogs, emoji and "PLUS:" newsletter digests, wires, US, Indian (₹ crore),
  European, Korean, Japanese and Australian press, analysis and opinion; invented names
  (plain words, lowercase brands, names with digits) and real ones; 56 % hard negatives),
  split by the same hash and measured first with code that had never seen it;
- ``varied13``: 337 entries written afresh (``bench/data/varied_dev13.jsonl``: amount-first
  and question headlines, newsletter summaries whose deal is the third sentence, "backs",
  "bets on", "pours", "snaps up", "takes a stake", "inks", "tie-up", "pact", "deepens ties";
  earnings, layoffs, lawsuits, launches, hires, secondary sales and tender offers as hard
  negatives; British, Indian, Australian, Canadian, French, German and Spanish press; 50 % no
  deal), split by the same hash and measured first with code that had never seen it;
- ``varied14``: 228 entries written afresh (``bench/data/varied_dev14.jsonl``: names with a
  separate number ("Kestrel 7"), lowercase brands ("q9", "hyperion.ai"), multi-word funds as
  investors, passive holdings disclosed in filings (no deal) beside stakes bought (investment),
  market stories citing a past deal, debt raises and credit facilities, Title Case asides
  ("X, A Subsidiary Of Y, …"), products and models as partners, small companies' newsrooms,
  digests, ₹ crore, A$, C$, €, £ and ¥ amounts, French, German and Spanish press; 48 % no
  deal), split by the same hash and measured first with code that had never seen it;
- ``firstparty16``: 334 entries written afresh (``bench/data/firstparty_dev16.jsonl``: the
  newsrooms and blogs of 33 AI and tech companies none of which has a feed in ``real``, every
  row ``first_party`` with its ``organization``: model labs, AI clouds, chip makers, robotics,
  dev tools, data companies; "Our Series D", "Series C announcement", "Welcoming X to the Y
  family", "X is joining Y", sellers, compute and supply agreements, corporate funds' stakes,
  funds launched together; launches, model cards, customer stories, marketplace listings, debt,
  grants, awards and offices as hard negatives; 59 % no deal), split by the same hash and
  measured first with code that had never seen it;
- ``varied17``: 348 entries written afresh (``bench/data/varied_dev17.jsonl``: AI newsletter
  digests whose titles list several items (emoji, "|", ";", ", "), weekly and funding
  roundups, tech press, Hacker News and Reddit titles, Substack analysis, wires, financial
  press (US, British, Indian, Australian, Canadian, German, Asian), French, German and Spanish
  headlines; hard negatives worded like deals: earnings, buybacks, market stock purchases,
  launches with a partner, spending on one's own capacity, hires, layoffs, lawsuits and probes
  of past deals, analysis, price targets, index inclusion, grants, prizes, government
  programmes, customer wins; 48 % no deal), split by the same hash and measured first with
  code that had never seen it;
- ``varied18``: 393 entries written afresh by a helper that never ran the reader
  (``bench/data/varied_dev18.jsonl``: 134 first-party newsroom and venture-firm posts, many
  naming no party in the title; 114 newsletter entries (emoji, "|", ";" digests, numbered
  issues, deals only in the summary); 145 press and wire headlines with target-first and
  passive purchases, sellers, financing nouns, supply contracts, joint ventures, denials and
  call-offs; 23 in French, German, Spanish, Portuguese or Italian; 47 % no deal), split by the
  same hash and measured first with code that had never seen it;
- ``varied19``: 428 entries written afresh by a helper that never ran the reader
  (``bench/data/varied_dev19.jsonl``: the day-to-day items of about 20 AI companies' own feeds
  (274 first-party rows: launches, research, customer stories, events, policy, and their own
  rounds, purchases, partnerships and licences) and AI newsletters, with 2–4 sentence
  summaries; 72 % no deal, as real feeds carry), split by the same hash and measured first
  with code that had never seen it;
- ``varied20``: 450 entries written afresh by a helper that never ran the reader
  (``bench/data/varied_dev20.jsonl``: 152 tech and business press entries, 17 in French or
  German, with target-first and passive purchases, financing nouns, secondary sales, supply
  contracts, licence-and-hire deals, SPAC mergers, denials and blocked deals; 150 newsletter
  digests, numbered issues and columns; 148 first-party posts of company blogs, mostly no
  deal; 54 % no deal), split by the same hash and measured first with code that had never
  seen it;
- ``varied21``: 450 entries written afresh by a helper that never ran the reader
  (``bench/data/varied_dev21.jsonl``: 132 press-release wires (PR Newswire, Business Wire,
  GlobeNewswire and others), 120 regional and financial press entries, 29 of them not in
  English, 100 newsletters and digests, 98 first-party posts of AI labs and venture firms;
  55 % no deal; debt is no deal, a majority stake is a purchase), split by the same hash and
  measured first with code that had never seen it;
- ``varied22``: 450 entries written afresh by a helper that never ran the reader
  (``bench/data/varied_dev22.jsonl``: 160 first-party posts of AI companies and labs, 150
  newsletters and digests, 140 press entries, 25 of them in nine other languages; 50 % no
  deal; a merger's sides are partners, a product's seller is named without the product),
  split by the same hash and measured first with code that had never seen it;
- ``varied23``: 450 entries written afresh by a helper that never ran the reader
  (``bench/data/varied_dev23.jsonl``: 122 tech-press and wire entries with real feeds'
  boilerplate, 108 newsletters, digests, podcasts and video feeds, 90 first-party posts, 61
  entries in ten other languages, 69 hard negatives; 50 % no deal; a corporation's share of
  a round is funding, a licence-and-hire's startup is the licensor), split by the same hash
  and measured first with code that had never seen it;
- ``digest24``: 400 newsletter and digest entries written afresh by a helper that never ran
  the reader (``bench/data/digest_dev24.jsonl``: several items per title, headline verbs,
  digests with no deal item, vague titles whose summary tells the deal; 44 % no deal), split
  by the same hash and measured first with code that had never seen it;
- ``varied25``: 400 entries written afresh by a helper that never ran the reader
  (``bench/data/varied_dev25.jsonl``: first-party posts whose headline says no deal,
  government and institute posts, wires, trade press in seven other languages; 50 % no
  deal; a closed round is labelled "completed"), split by the same hash and measured first
  with code that had never seen it;
- ``headlines``: the 232 headlines of ``bench/data/ai_deals_dev.jsonl``;
- ``uci``: the 1,637 headlines of ``../shared/eval/news_stories.jsonl`` (UCI News Aggregator:
  real headlines of many outlets, March 2014; six deal events, each told in up to 20 outlets'
  words, among 81 other stories), labelled for deals in ``bench/data/uci_deals.jsonl`` (1,624
  rows, 57 deals; 13 headlines whose deal cannot be read from their words left out), split by
  the same hash, when ``../shared/eval`` is present;
- ``sts``: the 4,733 distinct headlines of ``../shared/eval/sts_headlines.jsonl`` (SemEval STS
  news headlines, 2013-2016, many outlets: politics, conflict and markets with a few company
  deals, so mostly hard negatives: treaties, truces, bail-outs, a politician's "bid"),
  labelled in ``bench/data/sts_deals.jsonl`` (4,724 rows, 25 deals; 9 left out), split by the
  same hash, when present;
- ``reuters``/``sentifm``: the test splits of ``../shared/eval`` (M&A yes/no only), when present.

Each tree is read by ``bench/_deal_predict.py`` in its own process: the baseline is the
package of ``--baseline`` (default: the last commit before this reader, ``BASELINE``)
unpacked with ``git archive``; skipped with a note when git or the commit is missing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
EVAL = ROOT.parent / "shared" / "eval"
BASELINE = "712aa93"  # main before the real-text deal reader (issue 13)
MA_TYPES = ("acquisition", "merger", "investment")
Row = dict[str, Any]


def _jsonl(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _headline_rows(path: Path) -> list[Row]:
    rows = []
    for i, r in enumerate(_jsonl(path)):
        deals = (
            []
            if r["type"] is None
            else [
                {
                    "type": r["type"],
                    "status": r.get("status"),
                    "parties": r.get("parties") or [],
                    "amount": None
                    if r.get("amount") is None
                    else {"value": r["amount"], "currency": r.get("currency")},
                }
            ]
        )
        rows.append({"id": f"h{i}", "title": r["title"], "summary": "", "deals": deals})
    return rows


def hash_dev(title: str) -> bool:
    """The hash split of ``varied_dev2.jsonl`` … ``varied_dev10.jsonl``: four rows in five are
    development rows (the same split as ``bench/train_deal_types.py``)."""
    return int(hashlib.sha1(title.encode("utf-8")).hexdigest(), 16) % 5 != 0


def load_sets(eval_dir: Path) -> dict[str, list[Row]]:
    sets: dict[str, list[Row]] = {}
    real = DATA / "real_entries.jsonl"
    if real.is_file():
        rows = _jsonl(real)
        sets["real dev"] = [r for r in rows if r["split"] == "dev"]
        sets["real held-out"] = [r for r in rows if r["split"] == "test"]
    varied = (
        ("varied dev", "varied_dev.jsonl"),
        ("varied held-out", "varied_test.jsonl"),
        ("varied12 held-out", "varied_test12.jsonl"),
    )
    for name, file in varied:
        if (DATA / file).is_file():
            sets[name] = [dict(r, id=f"{file}:{i}") for i, r in enumerate(_jsonl(DATA / file))]
    hashed = (
        ("varied2", "varied_dev2.jsonl"),
        ("varied3", "varied_dev3.jsonl"),
        ("varied4", "varied_dev4.jsonl"),
        ("varied5", "varied_dev5.jsonl"),
        ("varied6", "varied_dev6.jsonl"),
        ("varied7", "varied_dev7.jsonl"),
        ("varied8", "varied_dev8.jsonl"),
        ("varied9", "varied_dev9.jsonl"),
        ("varied10", "varied_dev10.jsonl"),
        ("varied13", "varied_dev13.jsonl"),
        ("varied14", "varied_dev14.jsonl"),
        ("firstparty16", "firstparty_dev16.jsonl"),
        ("varied17", "varied_dev17.jsonl"),
        ("varied18", "varied_dev18.jsonl"),
        ("varied19", "varied_dev19.jsonl"),
        ("varied20", "varied_dev20.jsonl"),
        ("varied21", "varied_dev21.jsonl"),
        ("varied22", "varied_dev22.jsonl"),
        ("varied23", "varied_dev23.jsonl"),
        ("digest24", "digest_dev24.jsonl"),
        ("varied25", "varied_dev25.jsonl"),
    )
    for name, file in hashed:
        if (DATA / file).is_file():
            rows = [dict(r, id=f"{file}:{i}") for i, r in enumerate(_jsonl(DATA / file))]
            sets[f"{name} dev"] = [r for r in rows if hash_dev(r["title"])]
            sets[f"{name} held-out"] = [r for r in rows if not hash_dev(r["title"])]
    if (DATA / "ai_deals_dev.jsonl").is_file():
        sets["headlines (dev)"] = _headline_rows(DATA / "ai_deals_dev.jsonl")
    if eval_dir.is_dir():
        sets.update(_uci_sets(eval_dir))
        if (DATA / "sts_deals.jsonl").is_file():
            sets.update(_sts_sets(eval_dir))
        sets["reuters acq test"] = [
            {"id": f"r{i}", "title": r["title"], "summary": r["body"], "ma": bool(r["is_acq"])}
            for i, r in enumerate(_jsonl(eval_dir / "reuters_acq.jsonl"))
            if r["split"] == "test"
        ]
        sets["sentifm test"] = [
            {"id": f"s{i}", "title": r["text"], "summary": "", "ma": bool(r["is_ma"])}
            for i, r in enumerate(_jsonl(eval_dir / "sentifm_events.jsonl"))
            if r["split"] == "test"
        ]
    return sets


def _uci_sets(eval_dir: Path) -> dict[str, list[Row]]:
    """The UCI news-story headlines of ``eval_dir`` with the deal labels of
    ``bench/data/uci_deals.jsonl`` (by id; the headlines stay in ../shared/eval), split by
    ``hash_dev``."""
    labels = {r["id"]: r["deals"] for r in _jsonl(DATA / "uci_deals.jsonl")}
    rows = [
        {"id": r["id"], "title": r["title"], "summary": "", "deals": labels[r["id"]]}
        for r in _jsonl(eval_dir / "news_stories.jsonl")
        if r["id"] in labels
    ]
    return {
        "uci dev": [r for r in rows if hash_dev(r["title"])],
        "uci held-out": [r for r in rows if not hash_dev(r["title"])],
    }


def _sts_sets(eval_dir: Path) -> dict[str, list[Row]]:
    """The distinct headlines of the STS pairs of ``eval_dir`` with the deal labels of
    ``bench/data/sts_deals.jsonl`` (by id ``PAIR-ID:s1`` / ``:s2``), split by ``hash_dev``."""
    labels = {r["id"]: r["deals"] for r in _jsonl(DATA / "sts_deals.jsonl")}
    rows = []
    for pair in _jsonl(eval_dir / "sts_headlines.jsonl"):
        for side in ("s1", "s2"):
            key = f"{pair['id']}:{side}"
            if key in labels:
                rows.append(
                    {"id": key, "title": pair[side].strip(), "summary": "", "deals": labels[key]}
                )
    return {
        "sts dev": [r for r in rows if hash_dev(r["title"])],
        "sts held-out": [r for r in rows if not hash_dev(r["title"])],
    }


def predict(tree: Path, rows: list[Row], gazetteer: Path | None = None) -> list[Row]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    if gazetteer is not None:
        env["AGGREGATOR_BENCH_GAZETTEER"] = str(gazetteer)
    payload = "".join(json.dumps(r) + "\n" for r in rows)
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "_deal_predict.py")],
        input=payload,
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=tree,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


WELL_KNOWN = ("lab", "bigtech", "chips", "cloud")


def unseen_gazetteer(tree: Path, into: Path) -> Path:
    """The tree's gazetteer without half of its less-known companies (startups, investors,
    software, media, other; the half by a hash of the entry): a held-out feed names companies
    the gazetteer never listed, and this shows how the reader does on names it must find by
    their shape alone."""
    kept = []
    for line in (tree / "aggregator" / "data" / "companies.yaml").read_text("utf-8").splitlines():
        entry = line.strip()
        lesser = entry.startswith("- {name:") and not any(f"kind: {k}" in entry for k in WELL_KNOWN)
        if not (lesser and int(hashlib.sha1(entry.encode("utf-8")).hexdigest(), 16) % 2 == 0):
            kept.append(line)
    into.mkdir(parents=True, exist_ok=True)
    path = into / "companies-unseen.yaml"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


def baseline_tree(ref: str, into: Path) -> Path | None:
    try:
        blob = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref, "aggregator"], capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(into, filter="data")
    return into


# ------------------------------------------------------------------------------ scoring


def _slug(name: str) -> str:
    from aggregator.deals import load_gazetteer

    return load_gazetteer().slug(name)


_LATIN = re.compile(r"[A-Za-z]")


def same_org(a: str, b: str) -> bool:
    """Equal slugs, or one names the other's parent ("Orbit" / "Orbit Frontier Labs"); a
    name with no Latin letter ("楽天" / "楽天グループ") is compared as written the same way."""
    if not (_LATIN.search(a) and _LATIN.search(b)):
        x, y = a.strip().lower(), b.strip().lower()
        return x == y or (len(min(x, y, key=len)) > 1 and (x.startswith(y) or y.startswith(x)))
    x, y = _slug(a), _slug(b)
    return x == y or x.startswith(y + "-") or y.startswith(x + "-")


_ROLE_CLASS = {
    "investor": "source",
    "acquirer": "source",
    "licensee": "source",
    "target": "target",
    "issuer": "target",
    "licensor": "target",
    "partner": "partner",
    "seller": "seller",
}


def _match(pred: Row, gold: list[Row]) -> Row:
    """The gold deal this reading is about: most shared parties, then the first."""
    names = [p["name"] for p in pred["parties"]]
    return max(
        gold,
        key=lambda g: (
            sum(any(same_org(n, q["name"]) for n in names) for q in g.get("parties") or []),
            -gold.index(g),
        ),
    )


def _amount_ok(pred: Row, gold: Row) -> bool:
    a, b = pred.get("amount"), gold.get("amount")
    if a is None or b is None:
        return a is None and b is None
    return a["currency"] == b["currency"] and abs(a["value"] - b["value"]) <= 0.01 * b["value"]


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def score(rows: list[Row], preds: list[Row]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "n": len(rows),
        "ms": statistics.median(p["ms"] for p in preds) if preds else 0.0,
    }
    if rows and "ma" in rows[0]:
        pairs = [
            (p["deal"] is not None and p["deal"]["type"] in MA_TYPES, r["ma"])
            for r, p in zip(rows, preds)
        ]
    else:
        pairs = [(p["deal"] is not None, bool(r["deals"])) for r, p in zip(rows, preds)]
    tp = sum(a and b for a, b in pairs)
    fp = sum(a and not b for a, b in pairs)
    fn = sum(b and not a for a, b in pairs)
    out["P"], out["R"] = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    out["F1"] = _ratio(2 * out["P"] * out["R"], out["P"] + out["R"])
    if rows and "ma" in rows[0]:
        return out
    # (reading, the gold deal it is about, every organisation the entry's labels name)
    hits = [
        (
            p["deal"],
            _match(p["deal"], r["deals"]),
            [q["name"] for g in r["deals"] for q in g.get("parties") or []],
        )
        for r, p in zip(rows, preds)
        if p["deal"] is not None and r["deals"]
    ]
    out["type"] = _ratio(sum(d["type"] == g["type"] for d, g, _ in hits), len(hits))
    out["amount"] = _ratio(sum(_amount_ok(d, g) for d, g, _ in hits), len(hits))
    with_status = [(d, g) for d, g, _ in hits if g.get("status")]
    same_status = sum(d["status"] == g["status"] for d, g in with_status)
    out["status"] = _ratio(same_status, len(with_status))
    ptp = pfp = pfn = junk = 0
    for deal, gold, everyone in hits:
        want = [_named_role(q) for q in gold.get("parties") or []]
        got = [_named_role(q) for q in deal["parties"]]
        matched = sum(any(same_org(n, m) and r == s for m, s in want) for n, r in got)
        found = sum(any(same_org(n, m) and r == s for n, r in got) for m, s in want)
        ptp, pfp, pfn = ptp + matched, pfp + len(got) - matched, pfn + len(want) - found
        junk += any(not any(same_org(n, m) for m in everyone) for n, _ in got)
    out["party P"], out["party R"] = _ratio(ptp, ptp + pfp), _ratio(ptp, ptp + pfn)
    out["non-org"] = _ratio(junk, len(hits))
    return out


def _named_role(party: Row) -> tuple[str, str]:
    return party["name"], _ROLE_CLASS.get(party["role"], party["role"])


COLUMNS = ("n", "P", "R", "F1", "type", "status", "amount", "party P", "party R", "non-org", "ms")


def _fmt(value: Any, column: str) -> str:
    if value is None:
        return "–"
    if column == "n":
        return str(value)
    if column == "ms":
        return f"{value:.2f}"
    return f"{value:.3f}"


def table(results: Iterable[tuple[str, str, dict[str, Any]]]) -> str:
    lines = [("set", "tree", *COLUMNS)]
    for name, tree, metrics in results:
        lines.append((name, tree, *(_fmt(metrics.get(c), c) for c in COLUMNS)))
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    text = [" | ".join(cell.ljust(w) for cell, w in zip(line, widths)) for line in lines]
    text.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--eval-dir", type=Path, default=EVAL)
    parser.add_argument("--only", action="append", help="sets whose name starts with this")
    parser.add_argument("--errors", help="print the misread rows of this set (a dev set!)")
    parser.add_argument(
        "--unseen-names",
        action="store_true",
        help="also read every set with half of the less-known companies left out of the "
        "gazetteer (tree label '+unseen')",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    sets = load_sets(args.eval_dir)
    if args.only:
        sets = {k: v for k, v in sets.items() if any(k.startswith(o) for o in args.only)}
    if not args.eval_dir.is_dir():
        print(f"note: {args.eval_dir} not found: Reuters and SentiFM skipped")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        trees = [("now", ROOT)]
        if not args.no_baseline:
            base = baseline_tree(args.baseline, Path(tmp))
            if base is None:
                print(f"note: baseline {args.baseline} not available (no git history)")
            else:
                trees.append((args.baseline, base))
        runs: list[tuple[str, Path, Path | None]] = [(label, tree, None) for label, tree in trees]
        if args.unseen_names:
            runs += [
                (f"{label}+unseen", tree, unseen_gazetteer(tree, Path(tmp) / label))
                for label, tree in trees
            ]
        for name, rows in sets.items():
            for label, tree, gz in runs:
                preds = predict(tree, rows, gz)
                results.append((name, label, score(rows, preds)))
                if (
                    args.errors
                    and name == args.errors
                    and label == ("now+unseen" if args.unseen_names else "now")
                ):
                    _errors(rows, preds)
    print(table(results))
    return 0


def _errors(rows: list[Row], preds: list[Row]) -> None:
    for row, pred in zip(rows, preds):
        deal, gold = pred["deal"], row.get("deals") or []
        line = None
        if deal is None and gold:
            line = f"MISS  {row['title'][:110]}\n      gold {_show(gold[0])}"
        elif deal is not None and not gold:
            line = f"FALSE {row['title'][:110]}\n      got  {_show(deal)} [{deal['rule'][:40]}]"
        elif deal is not None:
            g = _match(deal, gold)
            names = {(p["name"], p["role"]) for p in deal["parties"]}
            want = {(p["name"], p["role"]) for p in g.get("parties") or []}
            if deal["type"] != g["type"] or not _amount_ok(deal, g) or names != want:
                line = (
                    f"DIFF  {row['title'][:110]}\n      got  {_show(deal)}\n      gold {_show(g)}"
                )
        if line:
            print(line)


def _show(deal: Row) -> str:
    parties = ", ".join(f"{p['name']}:{p['role']}" for p in deal.get("parties") or [])
    amount = deal.get("amount")
    money = f" {amount['value']:.4g} {amount['currency']}" if amount else ""
    return f"{deal['type']} [{parties}]{money} {deal.get('status')}"


if __name__ == "__main__":
    raise SystemExit(main())
