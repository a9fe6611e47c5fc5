"""Who, what, when: two reports whose deal readings name one event, or two events.

Word overlap misses an event told in other words ("Northwind to take minority stake in
Quill" / "Quill picks Northwind Cloud as it lands $1bn"); the facts the deal reader
extracts anyway say it directly. Two readings are

* the **same event** when they name the same parties close in time: the same two or more
  organisations (a partnership, an investment and a supply deal between them the same
  morning are one announcement), or, for one-sided deals (funding, an IPO), the same
  company the deal is about and the same kind of deal, or the same kind of deal, a shared
  party and the same amount; and nothing conflicts;
* **different events** (``facts-conflict``, never one story) when they are the same kind of
  deal about the same company with amounts that differ beyond a tolerance, or other rounds,
  or two kinds of deal each about a company the other is not about (a round of one company
  and its purchase of another).

Otherwise the facts say nothing and the text decides, as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

from aggregator.models import DEAL_KINDS, EventFacts

SAME_EVENT_HOURS = 48.0  # reports of one announcement arrive within two days
AMOUNT_TOLERANCE = 0.15  # USD values converted at shipped rates from other currencies
EVENT_SCORE = 0.9  # the score of a join the facts decide
# An outlet's own later post that is an update of its earlier one.
UPDATE = re.compile(
    r"^\s*(?:update[ds]?|updated|correction|corrected)\b|\((?:update[ds]?|updated"
    r"|corrected)\)|\bUPDATE\s*\d*\s*:",
    re.IGNORECASE,
)


def same_org(x: str, y: str) -> bool:
    """One organisation by slug, or one names the other's parent ("sable" and
    "sable-semiconductor", "halcyon" and "halcyon-ai")."""
    return x == y or x.startswith(y + "-") or y.startswith(x + "-")


def shared(a: frozenset[str], b: frozenset[str]) -> set[str]:
    """Slugs of ``a`` that name an organisation of ``b``."""
    common = set(a & b)
    if len(common) < len(a) and _heads(a) & _heads(b):
        common |= {x for x in a - b if any(same_org(x, y) for y in b)}
    return common


@lru_cache(maxsize=8192)
def _heads(slugs: frozenset[str]) -> frozenset[str]:
    """First words of slugs: two slugs can name one organisation only if these meet."""
    return frozenset(s.split("-", 1)[0] for s in slugs)


def party_keys(slug: str) -> tuple[str, ...]:
    """Keys a party is indexed under: its slug and its first word ("sable")."""
    head = slug.split("-", 1)[0]
    return (slug, head) if head != slug and len(head) > 2 else (slug,)


def _group(kind: str) -> str:
    """The event class of a deal type (``DealKind.event_class``): investment and funding
    are one."""
    known = DEAL_KINDS.get(kind)
    return known.event_class if known is not None else kind


def _raises_money(kind: str) -> bool:
    """A one-sided deal in which the company it is about raises money (funding, an
    investment, an IPO: ``DealKind.raises_money``)."""
    known = DEAL_KINDS.get(kind)
    return known is not None and known.raises_money


def _together(kind: str) -> bool:
    """A deal of partners named as a group (``DealKind.together``)."""
    known = DEAL_KINDS.get(kind)
    return known is not None and known.together


def _amounts_differ(a: EventFacts, b: EventFacts) -> bool:
    if a.amount is None or b.amount is None:
        return False
    if _share_of_round(a, b) or _share_of_round(b, a):
        return False
    return abs(a.amount - b.amount) > AMOUNT_TOLERANCE * max(a.amount, b.amount)


def _share_of_round(a: EventFacts, b: EventFacts) -> bool:
    """``a`` is an investor's investment and ``b`` the round it is part of: a smaller amount,
    an investor of ``a`` named in ``b`` ("ASML invests €1.3bn in Mistral" / "Mistral raises
    €1.7bn in round led by ASML")."""
    if a.kind != "investment" or b.kind != "funding" or a.amount is None or b.amount is None:
        return False
    investors = a.parties - a.principal
    return a.amount < b.amount and bool(investors) and bool(shared(investors, b.parties))


def _other_principals(a: EventFacts, b: EventFacts) -> bool:
    """Each reading is about a company the other does not name at all ("Sequoia backs Juris
    Owl with $20M seed" / "Sequoia backs Cobalt Ledger with $20M seed")."""
    return bool(
        a.principal
        and b.principal
        and not shared(a.principal, b.parties)
        and not shared(b.principal, a.parties)
    )


def _about_others(a: EventFacts, b: EventFacts) -> bool:
    """Two kinds of deal, each about a company the other is not about: a company's round and
    its purchase of another ("Kinetic Foundry raises $1bn" / "Fresh off its $1B round,
    Kinetic Foundry buys Parallax": the funding is about Kinetic, the purchase about
    Parallax). Not for deals of partners together (a partnership, a joint venture, a
    merger: all of them are whom it is about, and an investment often comes with one)."""
    return bool(
        not _together(a.kind)
        and not _together(b.kind)
        and a.principal
        and b.principal
        and not shared(a.principal, b.principal)
        and not shared(b.principal, a.principal)
    )


def relation(a: EventFacts | None, b: EventFacts | None, gap_hours: float) -> str | None:
    """ "same-event", "facts-conflict", or None (the facts cannot tell)."""
    if a is None or b is None or not _heads(a.parties) & _heads(b.parties):
        return None
    same_kind = _group(a.kind) == _group(b.kind)
    about = shared(a.principal, b.principal)
    if (
        same_kind
        and about
        and (_amounts_differ(a, b) or (a.round and b.round and a.round != b.round))
    ):
        return "facts-conflict"
    if not same_kind and _about_others(a, b):
        return "facts-conflict"  # "Kinetic raises $1bn" / "Kinetic buys Parallax"
    if gap_hours > SAME_EVENT_HOURS:
        return None
    if len(shared(a.parties, b.parties)) >= 2 and not (same_kind and _amounts_differ(a, b)):
        return "same-event"
    if (
        same_kind
        and about
        and (_raises_money(a.kind) or len(about) == len(a.principal) == len(b.principal))
    ):
        return "same-event"
    if (
        same_kind
        and shared(a.parties, b.parties)
        and a.amount is not None
        and b.amount is not None
        and not _amounts_differ(a, b)
        and not _other_principals(a, b)
    ):
        return "same-event"  # "… Series D led by SoftBank" / "SoftBank leads $640M"
    return None


def other_rounds(a: EventFacts, b: EventFacts) -> bool:
    """Two readings in which a company raises money (funding, an investment, an IPO) that
    share no party at all ("Quarrel raises $50M Series B …" / a newsroom's "We raised a $50
    million Series B", read as its publisher's): whose round each is says two rounds."""
    return bool(
        _raises_money(a.kind)
        and _raises_money(b.kind)
        and a.principal
        and b.principal
        and not _heads(a.parties) & _heads(b.parties)
    )


def other_buyers(a: EventFacts, b: EventFacts) -> tuple[frozenset[str], frozenset[str]]:
    """The buyers of two readings of one target's acquisition that neither reading shares
    ("Databricks agrees to acquire Kite" / "Snowflake to acquire Kite Labs"): both empty
    unless both readings are acquisitions and each names a buyer the other does not."""
    if a.kind != "acquisition" or b.kind != "acquisition":
        return _NONE
    mine, theirs = a.parties - a.principal, b.parties - b.principal
    if not (mine and theirs) or shared(mine, b.parties) or shared(theirs, a.parties):
        return _NONE
    return mine, theirs


_NONE: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


def describe(a: EventFacts, b: EventFacts, gap_hours: float) -> tuple[str, ...]:
    """The signals of a join the facts decided, for ``stories --explain``."""
    names = sorted(shared(a.parties, b.parties))
    out = [f"parties: {', '.join(names)}", f"kind: {a.kind}/{b.kind}"]
    if a.amount is not None and b.amount is not None:
        part = _share_of_round(a, b) or _share_of_round(b, a)
        # (an investor's share of a round: "part of", not one amount)
        out.append(f"amounts: ${a.amount:,.0f} {'part of' if part else '~'} ${b.amount:,.0f}")
    out.append(f"gap: {gap_hours:.1f} h")
    return tuple(out)
