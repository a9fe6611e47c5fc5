"""Features as compact JSON, so the window can be reloaded each cycle without re-reading
the text of every item (reading text was ~70% of clustering a small batch against a full
window). A code version in the blob makes features from other code be computed again."""

from __future__ import annotations

import json

from aggregator import code_version
from aggregator.stories._text import Features

FEATURES_VERSION = code_version("stories")  # the code that reads features out of a title


_ENCODER = json.JSONEncoder(separators=(",", ":"))  # json.dumps' output, built once


def encode(feats: Features) -> str:
    return _ENCODER.encode(
        [
            FEATURES_VERSION,
            feats.terms,
            feats.names,
            feats.amounts,
            feats.all_amounts,
            sorted(feats.rounds),
            sorted(feats.events),
            sorted(feats.lower),
            sorted(feats.upper),
            sorted(feats.marked),
            sorted(feats.approx),
            feats.products,
            sorted(feats.openers),
            sorted(feats.marks),
            sorted(feats.background),
        ]
    )


def decode(text: str | None) -> Features | None:
    """The features in ``text``, or None when absent or made by other code."""
    if not text:
        return None
    data = json.loads(text)
    if not isinstance(data, list) or len(data) != 15 or data[0] != FEATURES_VERSION:
        return None
    (
        _,
        terms,
        names,
        amounts,
        all_amounts,
        rounds,
        events,
        lower,
        upper,
        marked,
        approx,
        products,
        openers,
        marks,
        background,
    ) = data
    return Features(
        terms=terms,
        names=tuple(names),
        amounts=tuple(amounts),
        all_amounts=tuple(all_amounts),
        rounds=frozenset(rounds),
        events=frozenset(events),
        lower=frozenset(lower),
        upper=frozenset(upper),
        marked=frozenset(marked),
        approx=frozenset(approx),
        products=tuple(products),
        openers=frozenset(openers),
        marks=frozenset(marks),
        background=tuple(background),
    )
