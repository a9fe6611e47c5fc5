"""Pairwise judgement: how similar two items are, and the vetoes that keep events apart."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from aggregator.stories._lexicon import EVENT_CONFLICTS
from aggregator.stories._text import GENERIC_WEIGHT, Features

AMOUNT_TOLERANCE = 0.02  # "$4 billion" and "$3.95B" are one amount; "$4B" and "$2B" are not
COSINE_SHARE = 0.75  # score = share * cosine + (1 - share) * overlap coefficient
ANCHOR_SCORE = 0.75  # same rare name, same money amount, same event type in both titles


class Evidence(Protocol):
    """What the window knows about terms: rarity, and whether a capitalised term is a name."""

    def idf(self, term: str) -> float: ...

    def common(self, term: str) -> bool: ...

    def frequent(self, term: str) -> bool: ...


def subject(feats: Features, evidence: Evidence) -> str | None:
    """The first name of the title that the window does not know as a common word."""
    for term in feats.names:
        if term in feats.marked or not evidence.common(term):
            return term
    return None


@dataclass(frozen=True)
class PairScore:
    score: float
    shared: tuple[str, ...]  # shared informative terms, heaviest first (or, for a
    # "same-event" join, the facts that decided)
    veto: str | None = None  # why the pair can never be one story
    rule: str = "similar"  # similar (the text) | same-event (the deal readings)


def veto(
    a: Features,
    b: Features,
    evidence: Evidence,
    subjects: tuple[str | None, str | None] | None = None,
) -> str | None:
    """The first rule that says these two reports are about different events, or None."""
    if (
        a.events
        and b.events
        and not (a.events & b.events)
        and any(frozenset({x, y}) in EVENT_CONFLICTS for x in a.events for y in b.events)
    ):
        return "event-conflict"
    if (
        a.amounts
        and b.amounts
        and not (_any_close(a.amounts, b.all_amounts) or _any_close(b.amounts, a.all_amounts))
    ):
        return "amount-conflict"
    if a.rounds and b.rounds and not (a.rounds & b.rounds):
        return "round-conflict"
    first, second = subjects or (subject(a, evidence), subject(b, evidence))
    if (first or second) and not (first in b.terms or second in a.terms):
        return "subject-conflict"
    return None


def _any_close(left: tuple[float, ...], right: tuple[float, ...]) -> bool:
    for x in left:
        for y in right:
            if abs(x - y) <= AMOUNT_TOLERANCE * max(x, y):
                return True
    return False


def score_pair(
    a: Features, b: Features, evidence: Evidence, min_shared: int = 2, checked: bool = False
) -> PairScore:
    """Weighted set similarity (cosine and overlap blend) of two items' terms.

    ``checked``: the caller already applied :func:`veto`.
    """
    why = None if checked else veto(a, b, evidence)
    if why is not None:
        return PairScore(0.0, (), why)
    weights_a = _weights(a, evidence)
    weights_b = _weights(b, evidence)
    common = weights_a.keys() & weights_b.keys()
    shared = {t: min(weights_a[t], weights_b[t]) for t in common}
    informative = sorted(
        (
            t
            for t in common
            if a.terms[t] > GENERIC_WEIGHT
            and b.terms[t] > GENERIC_WEIGHT
            and not evidence.frequent(t)
        ),
        key=lambda t: (-shared[t], t),
    )
    if len(informative) < min_shared:
        return PairScore(0.0, tuple(informative), "too-few-shared-terms")
    total_a, total_b = sum(weights_a.values()), sum(weights_b.values())
    overlap = sum(shared.values())
    cosine = overlap / math.sqrt(total_a * total_b)
    coefficient = overlap / min(total_a, total_b)
    score = COSINE_SHARE * cosine + (1 - COSINE_SHARE) * coefficient
    if score < ANCHOR_SCORE and _anchored(a, b, informative):
        score = ANCHOR_SCORE
    return PairScore(round(score, 6), tuple(informative))


# Event classes whose reports name one company and rarely share more words than its name:
# "Salesforce is laying off 1,000" / "Salesforce to cut about 1,000 jobs".
SUBJECT_EVENTS = frozenset({"legal", "layoff", "people", "results"})
SUBJECT_HOURS = 36.0


def same_subject_event(
    a: Features, b: Features, subjects: tuple[str | None, str | None], gap_hours: float
) -> bool:
    """Both titles are about the same company (one's subject is a name of the other) and name
    the same event of a class in ``SUBJECT_EVENTS``, within ``SUBJECT_HOURS``."""
    first, second = subjects
    about = (first is not None and first in b.names) or (second is not None and second in a.names)
    return about and gap_hours <= SUBJECT_HOURS and bool(a.events & b.events & SUBJECT_EVENTS)


def _weights(feats: Features, evidence: Evidence) -> dict[str, float]:
    """Term weights times rarity (memoised by the evidence when it can)."""
    cached = getattr(evidence, "weights", None)
    if cached is not None:
        return cached(feats)  # type: ignore[no-any-return]
    idf = evidence.idf
    return {t: w * idf(t) for t, w in feats.terms.items()}


def _anchored(a: Features, b: Features, informative: list[str]) -> bool:
    """Both titles name the same rare name, the same money amount and the same event type
    (or one of them names no event type the lexicon knows)."""
    if not (a.amounts and b.amounts):
        return False
    if not (a.events & b.events) and (a.events and b.events):
        return False  # (a report in another language names no event class)
    names = set(a.names) & set(b.names)
    return any(t in names for t in informative) and any(t.startswith("$") for t in informative)
