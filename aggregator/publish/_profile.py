"""What a company's deals say about it: money raised, last round, investors, acquisitions,
partners, and (for an investor) its portfolio. Read from its deal stories' facts alone."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from aggregator.models import DEAL_KINDS, Money, Party, PartyDeal

from ._table import usd_of

RAISING = tuple(k for k, v in DEAL_KINDS.items() if v.raises_money)  # the target raises money
RAISER_ROLES = ("target", "issuer")
BUYING = ("acquisition", "merger")
PARTNERING = tuple(k for k, v in DEAL_KINDS.items() if v.partnering)


@dataclass(frozen=True)
class Link:
    """Another party of the company's deals, once per slug: its first name and role."""

    name: str
    slug: str
    lead: bool = False  # led at least one round (investors)
    deals: int = 1


@dataclass(frozen=True)
class Profile:
    raised_usd: float  # disclosed money raised (USD), every round
    raised_rounds: int  # the rounds (or IPOs) that money comes from
    last_round: PartyDeal | None  # the newest funding round it raised (not an IPO)
    ipo: PartyDeal | None  # its newest IPO story
    valuation: tuple[Money, PartyDeal] | None  # the newest disclosed valuation
    investors: tuple[Link, ...]  # who invested in it, most deals first
    acquired: tuple[Link, ...]  # companies it bought
    acquired_by: tuple[Link, ...]  # who bought it
    partners: tuple[Link, ...]  # partnerships, joint ventures, licences
    portfolio: tuple[PartyDeal, ...]  # deals in which it invested, newest first
    first: datetime | None  # its first and latest deal's news time
    latest: datetime | None


def _own(deal_parties: Sequence[Party], slug: str, roles: Sequence[str]) -> bool:
    return any(p.slug == slug and p.role in roles for p in deal_parties)


def _links(found: list[Party]) -> tuple[Link, ...]:
    counts: dict[str, Link] = {}
    order: list[str] = []
    for party in found:
        if not party.slug:
            continue
        had = counts.get(party.slug)
        if had is None:
            order.append(party.slug)
            counts[party.slug] = Link(party.name, party.slug, party.lead)
        else:
            counts[party.slug] = Link(had.name, had.slug, had.lead or party.lead, had.deals + 1)
    links = [counts[s] for s in order]
    return tuple(sorted(links, key=lambda link: (-link.deals, link.name.lower(), link.slug)))


def for_party(item: PartyDeal, slug: str, roles: Sequence[str] = ()) -> PartyDeal:
    """``item`` with the deal of its story that names ``slug`` (in one of ``roles``, when
    given): its own deal when that names it, else the first of a digest's other deals
    (``Deal.also``) that does. A company's feed lists a digest for any of its deals; its page
    reads that deal."""
    deal = item.deal
    if not deal.also:
        return item
    for one in deal.deals():
        if any(p.slug == slug and (not roles or p.role in roles) for p in one.parties):
            return item if one is deal else replace(item, deal=one)
    return item


def profile_of(slug: str, deals: Sequence[PartyDeal]) -> Profile:
    """``deals``: deal stories with ``slug`` as a party, oldest first (their facts as
    stored: names are cleaned where they are shown)."""
    raised, rounds = 0.0, 0
    last_round: PartyDeal | None = None
    ipo: PartyDeal | None = None
    valuation: tuple[Money, PartyDeal] | None = None
    investors: list[Party] = []
    acquired: list[Party] = []
    acquired_by: list[Party] = []
    partners: list[Party] = []
    portfolio: list[PartyDeal] = []
    for item in deals:
        deal = item.deal
        others = [p for p in deal.parties if p.slug != slug]
        raiser = _own(deal.parties, slug, RAISER_ROLES)
        if deal.type in RAISING and raiser:
            rounds += 1
            usd = usd_of(deal.amount)
            raised += usd if usd is not None and 0 < usd < math.inf else 0.0
            if deal.type == "ipo":
                ipo = item
            else:
                last_round = item
            investors += [p for p in others if p.role == "investor"]
        if raiser and deal.valuation is not None:
            valuation = (deal.valuation, item)
        if _own(deal.parties, slug, ("investor",)):
            portfolio.append(item)
        if deal.type in BUYING:
            if _own(deal.parties, slug, ("acquirer",)):
                acquired += [p for p in others if p.role in ("target", "seller")]
            elif _own(deal.parties, slug, ("target",)):
                acquired_by += [p for p in others if p.role == "acquirer"]
        if deal.type in PARTNERING:
            partners += [p for p in others if p.role in ("partner", "licensor", "licensee")]
    return Profile(
        raised_usd=raised,
        raised_rounds=rounds,
        last_round=last_round,
        ipo=ipo,
        valuation=valuation,
        investors=_links(investors),
        acquired=_links(acquired),
        acquired_by=_links(acquired_by),
        partners=_links(partners),
        portfolio=tuple(reversed(portfolio)),
        first=deals[0].announced if deals else None,
        latest=deals[-1].announced if deals else None,
    )
