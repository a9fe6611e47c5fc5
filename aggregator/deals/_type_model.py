"""A learned second reader for deal stories the rules miss: which deal type, if any.

A multinomial logistic regression (one weight per n-gram and class) over the headline's
words and word pairs, the first words of the body, and one feature naming what the rules
said (``rule=none`` / ``rule=blocked``). It is trained by ``bench/train_deal_types.py`` on
the development sets only, and shipped as ``aggregator/data/deal_types.json``::

    {"version": 1, "classes": ["none", "funding", ...], "bias": [...], "add": 0.3,
     "body_chars": 150, "weights": {"t:partners": [-0.4, 0.1, ...], ...}}

Scoring is pure Python: a dozen dictionary look-ups and one softmax per story. The model
only proposes; ``_learned.learned_deal`` adds a deal when a cue word of the proposed type
is in the text and the parties the type needs are found (see docs/deals.md).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from ..errors import ConfigError

TYPES_PATH = Path(__file__).resolve().parents[1] / "data" / "deal_types.json"
_TOKEN = re.compile(r"[a-z]+|\d+")
_DIGITS = re.compile(r"\d")
_STOP = frozenset(
    "the a an of to and in for on at by its it is was as be has have that this "
    "from or are were will said s".split()
)


@dataclass(frozen=True)
class TypeModel:
    """Per-class weights (``weights[feature][class index]``), biases and the bar a class's
    probability must reach for a deal to be added."""

    classes: tuple[str, ...]
    weights: Mapping[str, Sequence[float]]
    bias: Sequence[float]
    add: float
    body_chars: int = 150


@dataclass(frozen=True)
class TypeVerdict:
    type: str | None  # None: "not a deal" is the most likely class
    probability: float  # of ``type`` (or of "none")
    top: tuple[str, ...]  # the features that pushed hardest towards ``type``


def _words(text: str, publisher: str | None) -> list[str]:
    low = text.lower()
    if publisher:
        low = low.replace(publisher.lower(), " pubname ")
    return [_DIGITS.sub("0", t) for t in _TOKEN.findall(low)]


def type_features(
    title: str, body: str, rule: str | None, publisher: str | None, body_chars: int = 150
) -> set[str]:
    """Headline unigrams (``t:``, stop words dropped) and bigrams (``t2:``), body unigrams
    (``b:``), what the rules said (``rule=``) and whether the feed is first-party (``fp``).
    The publisher's own name reads as ``pubname``."""
    words = _words(title, publisher)
    out = {f"t:{w}" for w in words if w not in _STOP}
    out.update(f"t2:{a} {b}" for a, b in pairwise(words))
    if body:
        out.update(f"b:{w}" for w in _words(body[:body_chars], publisher) if w not in _STOP)
    out.add(f"rule={rule or 'none'}")
    if publisher:
        out.add("fp")
    return out


def score_types(model: TypeModel, feats: set[str], top: int = 3) -> TypeVerdict:
    n = len(model.classes)
    z = list(model.bias)
    hits = []
    for name in feats:
        w = model.weights.get(name)
        if w is not None:
            hits.append((name, w))
            for k in range(n):
                z[k] += w[k]
    high = max(z)
    exp = [math.exp(v - high) for v in z]
    total = sum(exp)
    best = max(range(n), key=lambda k: z[k])
    label = model.classes[best]
    ranked = sorted(
        (
            (name, w[best] - sum(w) / n)
            for name, w in hits
            if not name.startswith("rule=") and name != "fp"
        ),
        key=lambda h: (-h[1], h[0]),
    )
    shown = tuple(name.split(":", 1)[1] for name, weight in ranked[:top] if weight > 0)
    return TypeVerdict(None if label == "none" else label, exp[best] / total, shown)


def parse_type_model(data: object, source: str = "<model>") -> TypeModel:
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        raise ConfigError("not a deal-type model (no 'weights' object)", file=source)
    try:
        classes = tuple(str(c) for c in data["classes"])
        weights = {str(k): tuple(float(x) for x in v) for k, v in data["weights"].items()}
        bias = tuple(float(x) for x in data["bias"])
        if len(bias) != len(classes) or any(len(w) != len(classes) for w in weights.values()):
            raise ValueError("every weight list needs one value per class")
        return TypeModel(
            classes, weights, bias, float(data["add"]), int(data.get("body_chars", 150))
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"invalid deal-type model: {exc}", file=source) from exc


@lru_cache(maxsize=4)
def load_type_model(path: Path | None = None) -> TypeModel | None:
    """The shipped model (read once and cached), or None when the file is absent."""
    path = path or TYPES_PATH
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read deal-type model: {exc}", file=str(path)) from exc
    return parse_type_model(data, str(path))
