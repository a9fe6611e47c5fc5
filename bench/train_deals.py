"""Train the "is this M&A?" gate of aggregator.deals (pure Python, reproducible).

    .venv/bin/python bench/train_deals.py            # CV report + writes the model
    .venv/bin/python bench/train_deals.py --cv-only  # CV report only

Training data: the TRAIN splits of ../shared/eval/reuters_acq.jsonl and
sentifm_events.jsonl, plus bench/data/ai_deals_dev.jsonl. The test splits are never read.
Hyper-parameters and the two thresholds (veto, add) are chosen on out-of-fold scores of a
5-fold cross-validation over those rows. Writes aggregator/data/deal_model.json.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aggregator.deals import classify  # noqa: E402
from aggregator.deals._classify import headline_blocked  # noqa: E402
from aggregator.deals._model import MODEL_PATH, features, has_cue, model_text  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
DEV = ROOT / "bench" / "data" / "ai_deals_dev.jsonl"
MA_TYPES = ("acquisition", "merger", "investment")
SEED = 20240601
FOLDS = 5
TOP_K = 12000  # weights kept in the shipped file (largest |w|)
GRID_C = (1e-5, 3e-5, 1e-4)  # L2 strengths tried by CV
EPOCHS = 12
ADD_FLOOR = 0.5


@dataclass(frozen=True)
class Row:
    source: str  # reuters | sentifm | dev
    feats: tuple[str, ...]
    label: bool
    rule_type: str | None  # what the rules alone said ("blocked": non-deal cue)
    cue: bool  # has an M&A word (required for the model to add)


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _row(source: str, title: str, text: str, label: bool) -> Row:
    deal = classify(title, text, use_model=False)
    blocked = deal is None and headline_blocked(title)
    rule = deal.rule if deal else ("blocked" if blocked else None)
    kind = deal.type if deal else ("blocked" if blocked else None)
    feats = features(model_text(title, text), rule)
    return Row(source, tuple(sorted(feats)), label, kind, has_cue(feats))


def load_rows(eval_dir: Path) -> list[Row]:
    rows = [
        _row("reuters", r["title"], r["body"], bool(r["is_acq"]))
        for r in _jsonl(eval_dir / "reuters_acq.jsonl")
        if r["split"] == "train"
    ]
    rows += [
        _row("sentifm", r["text"], "", bool(r["is_ma"]))
        for r in _jsonl(eval_dir / "sentifm_events.jsonl")
        if r["split"] == "train"
    ]
    rows += [_row("dev", r["title"], "", r["type"] in MA_TYPES) for r in _jsonl(DEV)]
    return rows


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def train(
    rows: Sequence[Row], l2: float, weights_by_source: dict[str, float], seed: int = SEED
) -> tuple[dict[str, float], float]:
    """Logistic regression by SGD over binary features, scaled by 1/sqrt(len)."""
    w: dict[str, float] = {}
    b = 0.0
    order = list(range(len(rows)))
    rng = random.Random(seed)
    step = 0
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            row = rows[i]
            x = 1.0 / math.sqrt(len(row.feats))
            p = _sigmoid(b + x * sum(w.get(f, 0.0) for f in row.feats))
            step += 1
            lr = 0.5 / (1.0 + step * 2e-5)
            g = (p - row.label) * weights_by_source[row.source]
            for f in row.feats:
                old = w.get(f, 0.0)
                w[f] = old - lr * (g * x + l2 * old)
            b -= lr * g * 0.1
    return w, b


def predict(w: dict[str, float], b: float, row: Row) -> float:
    return _sigmoid(b + sum(w.get(f, 0.0) for f in row.feats) / math.sqrt(len(row.feats)))


def oof_scores(rows: Sequence[Row], l2: float, src_w: dict[str, float]) -> list[float]:
    rng = random.Random(SEED)
    fold = [rng.randrange(FOLDS) for _ in rows]
    out = [0.0] * len(rows)
    for k in range(FOLDS):
        w, b = train([r for r, f in zip(rows, fold) if f != k], l2, src_w)
        for i, row in enumerate(rows):
            if fold[i] == k:
                out[i] = predict(w, b, row)
    return out


def decide(row: Row, p: float, veto: float, add: float) -> bool:
    if row.rule_type in MA_TYPES:
        return p >= veto
    return row.rule_type is None and row.cue and p >= add


def prf(pairs: Iterable[tuple[bool, bool]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for pred, gold in pairs:
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def report(
    rows: Sequence[Row],
    scores: Sequence[float],
    veto: float,
    add: float,
) -> dict[str, tuple[float, float, float]]:
    out = {}
    for source in ("reuters", "sentifm", "dev"):
        idx = [i for i, r in enumerate(rows) if r.source == source]
        out[f"{source} rules"] = prf((rows[i].rule_type in MA_TYPES, rows[i].label) for i in idx)
        out[f"{source} rules+model"] = prf(
            (decide(rows[i], scores[i], veto, add), rows[i].label) for i in idx
        )
    return out


def choose_thresholds(rows: Sequence[Row], scores: Sequence[float]) -> tuple[float, float, float]:
    """The (veto, add) pair with the best mean F1 over Reuters and SentiFM, out of fold.

    Dev rows must not get worse than the rules alone. ``add`` is at least 0.5 (the model
    alone must find M&A more likely than not): the training texts are 1987 wire stories
    and finance sentences, so a lower bar would let it tag modern stories on weak cues."""
    grid = [i / 100 for i in range(5, 100, 5)]
    adds = [a for a in grid if a >= ADD_FLOOR]
    base_dev = report(rows, scores, 0.0, 2.0)["dev rules"][2]
    best = (-1.0, 0.5, 0.9)
    for veto in grid:
        for add in adds:
            rep = report(rows, scores, veto, add)
            if rep["dev rules+model"][2] < base_dev:
                continue
            goal = (rep["reuters rules+model"][2] + rep["sentifm rules+model"][2]) / 2
            if goal > best[0]:
                best = (goal, veto, add)
    return best


def _print(rep: dict[str, tuple[float, float, float]]) -> None:
    for name, (p, r, f) in rep.items():
        print(f"  {name:22} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--cv-only", action="store_true")
    args = parser.parse_args(argv)
    rows = load_rows(args.eval_dir)
    print(f"{len(rows)} training rows ({sum(r.label for r in rows)} positive)")
    src_w = {"reuters": 1.0, "sentifm": 1.0, "dev": 3.0}
    best: tuple[float, float, float, float, list[float]] | None = None
    for l2 in GRID_C:
        scores = oof_scores(rows, l2, src_w)
        goal, veto, add = choose_thresholds(rows, scores)
        print(f"l2={l2:g}: {FOLDS}-fold CV mean F1 {goal:.3f} at veto {veto:.2f} add {add:.2f}")
        _print(report(rows, scores, veto, add))
        if best is None or goal > best[0]:
            best = (goal, l2, veto, add, scores)
    assert best is not None
    goal, l2, veto, add, _ = best
    print(f"chosen: l2={l2:g} veto={veto:.2f} add={add:.2f} (CV mean F1 {goal:.3f})")
    if args.cv_only:
        return 0
    w, b = train(rows, l2, src_w)
    save(args.out, w, b, veto, add)
    return 0


def save(path: Path, w: dict[str, float], b: float, veto: float, add: float) -> None:
    """Write the TOP_K largest weights (|w|). ``scale`` records, for readers of the file,
    that the runtime divides the weight sum by sqrt(number of features) as training did."""
    kept = sorted(w.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:TOP_K]
    data = {
        "version": 1,
        "bias": round(b, 4),
        "veto": veto,
        "add": add,
        "max_chars": 600,
        "scale": "sqrt",
        "weights": {k: round(v, 4) for k, v in sorted(kept)},
    }
    path.write_text(
        json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {path} ({path.stat().st_size // 1024} KB, {len(kept)} weights)")


if __name__ == "__main__":
    raise SystemExit(main())
