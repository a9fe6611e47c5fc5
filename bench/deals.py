"""Measure deal recognition against labelled data, next to a keyword baseline.

    .venv/bin/python bench/deals.py                 # test splits (the reported numbers)
    .venv/bin/python bench/deals.py --split train   # the splits used for tuning
    .venv/bin/python bench/deals.py --quick         # dev set + SentiFM only

Without --quick it first prints bench/deal_quality.py's table (labelled real entries and
varied-wording sets, dev and held-out, next to the baseline commit, read in the same run).

"rules only" is classify(..., use_model=False); "rules + model" is classify() with the
shipped M&A gate (aggregator/data/deal_model.json, trained by bench/train_deals.py).

Data: ../shared/eval/reuters_acq.jsonl and sentifm_events.jsonl (see their README),
and bench/data/ai_deals_dev.jsonl (our own labelled AI headlines). Exits 0 with a
message when the shared eval directory is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aggregator.deals import classify, load_gazetteer, slugify  # noqa: E402
from aggregator.models import Deal  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
DEV = ROOT / "bench" / "data" / "ai_deals_dev.jsonl"
# Predicted "is M&A": acquisition, merger, or investment (a stake purchase: Reuters' acq
# topic covers stake building, and SentiFM's MergerAcquisition covers stake deals).
MA_TYPES = ("acquisition", "merger", "investment")
BASELINE = re.compile(
    r"\b(?:acquir\w*|acquisition\w*|merg\w*|takeover\w*|buyout\w*|tender offer|stake)\b", re.I
)
BASELINE_TYPES = (
    ("ipo", re.compile(r"\bIPO\b|go(?:es)? public", re.I)),
    ("licensing", re.compile(r"licen[cs]", re.I)),
    ("acquisition", re.compile(r"acqui|buy|takeover", re.I)),
    ("merger", re.compile(r"merg", re.I)),
    ("funding", re.compile(r"rais|funding|series [a-k]|seed", re.I)),
    ("investment", re.compile(r"invest|stake", re.I)),
    ("partnership", re.compile(r"partner|deal|agreement|contract", re.I)),
)


def _rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _prf(pairs: Iterable[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    tp = fp = fn = n = 0
    for predicted, gold in pairs:
        n += 1
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), n


def _ours_ma(title: str, text: str) -> bool:
    deal = classify(title, text)
    return deal is not None and deal.type in MA_TYPES


def _rules_ma(title: str, text: str) -> bool:
    deal = classify(title, text, use_model=False)
    return deal is not None and deal.type in MA_TYPES


def _baseline_ma(title: str, text: str) -> bool:
    return bool(BASELINE.search(f"{title} {text}"))


def _binary(
    name: str,
    rows: list[dict[str, Any]],
    gold: str,
    get: Callable[[dict[str, Any]], tuple[str, str]],
) -> list[tuple[str, ...]]:
    lines = []
    for label, predict in (
        ("keyword baseline", _baseline_ma),
        ("rules only", _rules_ma),
        ("rules + model", _ours_ma),
    ):
        p, r, f, n = _prf((predict(*get(row)), bool(row[gold])) for row in rows)
        lines.append((name, label, f"{n}", f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"))
    return lines


def _baseline_type(title: str) -> str | None:
    return next((t for t, rx in BASELINE_TYPES if rx.search(title)), None)


def _party_counts(deal: Deal | None, gold: list[dict[str, str]]) -> tuple[int, int, int]:
    got = {(p.slug, p.role) for p in deal.parties} if deal else set()
    want = {(slugify(load_gazetteer().canonical(p["name"])), p["role"]) for p in gold}
    return len(got & want), len(got - want), len(want - got)


def _amount_ok(deal: Deal | None, row: dict[str, Any]) -> bool:
    money = deal.amount if deal else None
    if row.get("amount") is None:
        return money is None
    return (
        money is not None
        and abs(money.value - float(row["amount"])) < 0.5
        and money.currency == row.get("currency")
        and money.qualifier == row.get("qualifier")
    )


def _dev(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    gazetteer = load_gazetteer()
    classify("warm-up", gazetteer=gazetteer)
    started = time.perf_counter()
    deals = [classify(row["title"], gazetteer=gazetteer) for row in rows]
    per_call = (time.perf_counter() - started) / max(1, len(rows)) * 1000
    base = [_baseline_type(row["title"]) for row in rows]
    rules = [classify(row["title"], gazetteer=gazetteer, use_model=False) for row in rows]
    out = []
    for label, types in (
        ("keyword baseline", base),
        ("rules only", [d.type if d else None for d in rules]),
        ("rules + model", [d.type if d else None for d in deals]),
    ):
        acc = sum(t == row["type"] for t, row in zip(types, rows)) / len(rows)
        p, r, f, _ = _prf((t is not None, row["type"] is not None) for t, row in zip(types, rows))
        out.append((f"dev {label}: type accuracy", f"{acc:.3f}"))
        out.append((f"dev {label}: deal/not-deal P / R / F1", f"{p:.3f} / {r:.3f} / {f:.3f}"))
    with_amount = [(d, r) for d, r in zip(deals, rows) if r["type"] is not None]
    amount = sum(_amount_ok(d, r) for d, r in with_amount) / max(1, len(with_amount))
    tp = fp = fn = 0
    for deal, row in with_amount:
        a, b, c = _party_counts(deal, row.get("parties") or [])
        tp, fp, fn = tp + a, fp + b, fn + c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    status = sum((d.status if d else None) == r.get("status") for d, r in with_amount)
    out += [
        ("dev rules + model: amount exact match (deal rows)", f"{amount:.3f}"),
        (
            "dev rules + model: party (name, role) P / R / F1",
            f"{p:.3f} / {r:.3f} / {2 * p * r / (p + r) if p + r else 0:.3f}",
        ),
        ("dev rules + model: status accuracy (deal rows)", f"{status / len(with_amount):.3f}"),
        ("dev rules + model: ms per headline", f"{per_call:.3f}"),
    ]
    return out


def _print_table(header: tuple[str, ...], lines: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines)]
    fmt = " | ".join(f"{{:{w}}}" for w in widths)
    print(fmt.format(*header))
    print("-+-".join("-" * w for w in widths))
    for line in lines:
        print(fmt.format(*line))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("test", "train"))
    parser.add_argument("--eval-dir", type=Path, default=EVAL)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="only the dev set and the SentiFM split (a few seconds)",
    )
    parser.add_argument(
        "--no-quality",
        action="store_true",
        help="skip the labelled real-feed and varied-wording sets (bench/deal_quality.py)",
    )
    args = parser.parse_args(argv)
    if not (args.quick or args.no_quality):
        import deal_quality  # same directory: labelled sets, next to the baseline

        deal_quality.main(["--eval-dir", str(args.eval_dir)])
        print()
    if not args.eval_dir.is_dir():
        print(f"skipped: {args.eval_dir} not found (shared eval data absent)")
        return 0
    reuters = [r for r in _rows(args.eval_dir / "reuters_acq.jsonl") if r["split"] == args.split]
    senti_all = _rows(args.eval_dir / "sentifm_events.jsonl")
    senti = [r for r in senti_all if r["split"] == args.split]
    lines = (
        []
        if args.quick
        else _binary(
            f"reuters_acq {args.split}", reuters, "is_acq", lambda r: (r["title"], r["body"])
        )
    )
    lines += _binary(f"sentifm {args.split}", senti, "is_ma", lambda r: (r["text"], ""))
    if not args.quick:
        lines += _binary(
            "sentifm all rows (incl. train)", senti_all, "is_ma", lambda r: (r["text"], "")
        )
    _print_table(("data set", "method", "rows", "P", "R", "F1"), lines)
    if DEV.is_file():
        print()
        _print_table(
            ("ai_deals_dev (" + str(len(_rows(DEV))) + " headlines)", "value"), _dev(_rows(DEV))
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
