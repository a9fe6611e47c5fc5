"""A small linear "is this M&A?" model: features, scoring and loading (pure Python).

The model is a logistic regression over binary word uni-/bi-grams of the story text plus
one feature naming the rule that fired (``rule=acquires``, ``rule=none``). It is trained
by ``bench/train_deals.py`` and shipped as ``aggregator/data/deal_model.json``::

    {"version": 1, "bias": -1.2, "veto": 0.2, "add": 0.9, "max_chars": 600,
     "weights": {"acquire": 1.9, "tender offer": 2.2, "rule=acquires": 1.1, ...}}

The weights apply to features scaled by ``1/sqrt(number of features)``, so long and short
texts give comparable scores. ``score`` returns the probability and the n-grams that
pushed it most in the direction of the decision, which become the deal's evidence.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from ..errors import ConfigError

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "deal_model.json"
_TOKEN = re.compile(r"[a-z]+|\d+")
_DIGITS = re.compile(r"\d")
# A story the rules missed may become M&A only if it has one of these words.
_CUE = re.compile(
    r"acqui\w*|merg(?:e|er|ers|ed|es|ing)|takeovers?|buyouts?|bids?|bidders?|tender"
    r"|stakes?|divest\w*|buys?|bought|purchase[sd]?|sells?|sold|sale"
)
# The same words as whole tokens of the lower-cased text: ``mentions_cue(text)`` is
# ``has_cue(features(text, ...))`` without building the features.
_CUE_IN_TEXT = re.compile(
    r"(?<![a-z])(?:acqui[a-z]*|merg(?:e|er|ers|ed|es|ing)|takeovers?|buyouts?"
    r"|bids?|bidders?|tender|stakes?|divest[a-z]*|buys?|bought|purchase[sd]?"
    r"|sells?|sold|sale)(?![a-z])"
)
_STOP = frozenset(
    "the a an of to and in for on at by with its it is was as be has have that "
    "this from or are were will said s".split()
)


@dataclass(frozen=True)
class Model:
    """Logistic-regression weights and the two decision thresholds (probabilities)."""

    weights: Mapping[str, float]
    bias: float
    veto: float  # a rule-found M&A deal is dropped below this probability
    add: float  # a story no rule matched becomes M&A at or above this probability
    max_chars: int = 600


@dataclass(frozen=True)
class Verdict:
    probability: float
    top: tuple[str, ...]  # the n-grams that pushed hardest towards the verdict


def tokens(text: str) -> list[str]:
    """Lower-case words; every digit becomes 0 ("1987" -> "0000")."""
    return [_DIGITS.sub("0", t) for t in _TOKEN.findall(text.lower())]


def features(text: str, rule: str | None) -> set[str]:
    """Unigrams (stop words dropped), bigrams (all words) and the name of the rule."""
    words = tokens(text)
    out = {w for w in words if w not in _STOP}
    out.update(f"{a} {b}" for a, b in pairwise(words))
    out.add(f"rule={rule or 'none'}")
    return out


def cue_words(feats: set[str]) -> list[str]:
    """The M&A words (acquire, merger, stake, bid, sells, ...) among the features, sorted."""
    return sorted(f for f in feats if _CUE.fullmatch(f))


def has_cue(feats: set[str]) -> bool:
    return any(_CUE.fullmatch(f) for f in feats)


def mentions_cue(text: str) -> bool:
    """Whether a word of ``text`` is an M&A cue (cue words are never stop words)."""
    return _CUE_IN_TEXT.search(text.lower()) is not None


def model_text(title: str, text: str, max_chars: int = 600) -> str:
    """What the model reads: the title and the start of the body, up to a newsletter's turn
    to its other items ("Plus, Gemini gets …", "Here's what that means for artists.")."""
    if not text:
        return title
    body = text[:max_chars]
    turn = _OTHER_ITEMS.search(body)
    return f"{title} {body[: turn.start() + 1] if turn else body}"


# Where a newsletter's summary turns from its lead story to others, or to its own comment
_OTHER_ITEMS = re.compile(
    r"[.!?](?=\s+(?:Plus[,:]|PLUS:|Also[,:]|Here['’]s\s+(?:what|why|how)\b|In\s+other\s+news\b"
    r"|Elsewhere[,:]))"
)


def score(model: Model, feats: set[str], top: int = 3) -> Verdict:
    weights = model.weights
    hits = [(name, weights[name]) for name in feats if name in weights]
    z = model.bias + sum(w for _, w in hits) / math.sqrt(max(1, len(feats)))
    probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    sign = 1.0 if probability >= 0.5 else -1.0
    ranked = sorted(
        (h for h in hits if h[1] * sign > 0 and not h[0].startswith("rule=")),
        key=lambda h: (-abs(h[1]), h[0]),
    )
    return Verdict(probability, tuple(name for name, _ in ranked[:top]))


def parse_model(data: object, source: str = "<model>") -> Model:
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        raise ConfigError("not a deal model (no 'weights' object)", file=source)
    try:
        return Model(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            veto=float(data["veto"]),
            add=float(data["add"]),
            max_chars=int(data.get("max_chars", 600)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"invalid deal model: {exc}", file=source) from exc


@lru_cache(maxsize=4)
def load_model(path: Path | None = None) -> Model | None:
    """The shipped model (read once and cached), or None when the file is absent."""
    path = path or MODEL_PATH
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read deal model: {exc}", file=str(path)) from exc
    return parse_model(data, str(path))
