"""A venture firm's own post: the blog's firm is the investor in the round it writes about.

A firm's blog writes "Why we invested in Tallowbird", "Our investment in Corvid Systems",
"Leading Brindle's Series A", "Welcoming Skarn to the portfolio", "Backing Tern AI from day
one". Each is the startup's funding round with the firm as investor (its lead when the post
says the firm leads it), not a stake one company takes in another. A firm raising or closing
its own fund ("Index Ventures raises $2.3 billion for new funds", "Seed Fund VI", "our new
$600 million fund") is no deal at all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from ..models import Deal, Party
from ._gazetteer import INVESTOR_KINDS, TOKEN_RE, Gazetteer
from ._segment import clean, lead
from ._status import round_of

# A name a firm's own kind of name ends with ("Thornbury Capital", "Ashgrove Ventures").
_FIRM_END = re.compile(
    r"\b(?:Ventures?|Capital|Partners|VC|Fund|Invest|Investments|Investors|Equity)$"
)
_NAME = r"(?P<x>[A-Z0-9][\w.&-]*(?:\s+[A-Z0-9][\w.&-]*){0,3}?)"
# The headline of a post about a portfolio company, the firm its unnamed subject.
_POST = re.compile(
    r"^(?i:why\s+(?:[\w'’-]+\s+){1,2}?(?:invested|invests|are\s+investing|is\s+investing"
    r"|investing|backed|backs|are\s+backing|is\s+backing|backing|led|leads|are\s+leading"
    r"|is\s+leading)(?:\s+in)?|our\s+(?:[\w-]+\s+){0,2}?investment\s+in|investing\s+in"
    r"|backing|leading|co-leading|partnering\s+with)\s+(?:the\s+)?"
    + _NAME
    + r"(?=['’]s?\s|\s*[:,—–-]\s|\s+(?i:on|in|from|as|at|with)\s|\s*$)"
)
# "Welcoming Skarn to the Balderton portfolio", "Welcoming Quell to Cherry": a company
# welcomed to the firm or its portfolio (never "… as General Partner": a hire).
_WELCOME = re.compile(r"^(?i:welcom(?:e|es|ing))\s+(?:the\s+)?" + _NAME + r"\s+(?i:to)\s+")
_NO_NAME = frozenset(("The", "A", "An", "Our"))  # "Welcoming Our …", "Backing The …"
# Where a firm says it leads the round: "We're excited to lead", "Lux led", "Leading X's".
_VERB_LEAD = r"(?:co-)?(?:lead|leads|leading|led)\b(?!\s+(?:investors?|by)\b)"
# A firm's own fund, raised or launched.
_OWN_FUND = re.compile(
    r"\b(?:new|newest|latest|debut|inaugural|next|first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+"
    r"(?:§+\s+|\$[\d.,]+\s*(?:[mb]illion|[MB])?\s+)?(?:[\w-]+\s+){0,2}?funds?\b"
    r"|\bFund\s+(?:[IVX]+|\d+)\b|\bfor\s+(?:its\s+|new\s+|two\s+|three\s+)?funds?\b"
    r"|\bacross\s+(?:(?:two|three|four|five|\d+|its|our)\s+)?(?:[\w-]+\s+){0,3}?funds\b"
    # "Thrive Capital closes $5 billion in new capital"
    r"|\bin\s+(?:new|fresh)\s+capital\b"
    # "Founders Fund raises $4.6 billion growth fund"
    r"|[$€£]\s?[\d.,]+\s*(?:[mb]illion|bn|mn|[MBmb])?\s+(?:[\w-]+\s+)?funds?\b",
    re.IGNORECASE,
)
_VC_FIRM = re.compile(
    r"\b(?:VC|venture(?:\s+capital)?|investment|private[- ]equity|growth[- ]equity)"
    r"\s+(?:firm|house)\b",
    re.IGNORECASE,
)
_FUND_WORD = re.compile(r"\bfunds?\b|\bnew\s+capital\b", re.IGNORECASE)
_NAMED_ROUND = re.compile(r"\b(?:series\s+[a-k]|(?:pre-)?seed\s+round|round)\b", re.IGNORECASE)


def is_investor(publisher: str, gz: Gazetteer) -> bool:
    """Whether the publisher is an investment firm: an investor of the gazetteer, or a name
    that says so."""
    if _FIRM_END.search(publisher) is not None:
        return True
    known = gz.lookup(tuple(TOKEN_RE.findall(publisher)))
    return known is not None and gz.kind(gz.canonical(known)) in INVESTOR_KINDS


def portfolio_company(title: str) -> str | None:
    """The company a firm's post is about, from its headline ("Backing Tern AI from day
    one": Tern AI), or None when the headline is not worded as such a post."""
    title = " ".join(title.split())
    found = _POST.match(title) or _WELCOME.match(title)
    if found is None:
        return None
    name = re.sub(r"['’]s?$", "", found.group("x"))
    return None if name in _NO_NAME else name


def own_fund(deal: Deal, title: str, text: str, gz: Gazetteer, publisher: str | None) -> bool:
    """Whether a funding or investment reading is a firm raising or launching its own fund:
    the headline or the lead's first sentence names a fund, and the money goes to an
    investment firm (the target, or the firm whose own post it is, when the headline names
    no round)."""
    if deal.type not in ("funding", "investment") or not _FUND_WORD.search(f"{title} {text[:600]}"):
        return False
    head = f"{title}. {lead(text)[0]}" if text and lead(text) else title
    targets = [p for p in deal.parties if p.role == "target"]
    if not _OWN_FUND.search(head):
        # "New Funds: Eclipse Ventures raised $1.1 billion." further down a newsletter's lead
        told = [s for s in lead(text) if any(p.name in s for p in targets)] if text else []
        if not any(_OWN_FUND.search(s) for s in told):
            return False
    if any(is_investor(p.name, gz) for p in targets):
        return True
    if targets and _VC_FIRM.search(f"{title} {text[:400]}"):
        return True  # "Airtree closes A$650m fund": "The Sydney VC firm's fifth fund …"
    return publisher is not None and is_investor(publisher, gz) and not _NAMED_ROUND.search(title)


def as_round(
    deal: Deal,
    title: str,
    text: str,
    publisher: str,
    gz: Gazetteer,
    rates: Mapping[str, float] | None,
) -> Deal:
    """A firm's post read as the portfolio company's round: an investment of the firm in a
    company is that company's funding, the firm is one of its investors (``text`` with "we"
    already the firm's name), and its lead when the post says it leads."""
    from ._classify import (
        amount_from_lead,  # the reader's enrichment
        investors_from_lead,  # the reader's own enrichment
    )

    own = gz.slug(publisher)

    def firm(party: Party) -> bool:  # "Crane" in the body of Crane Venture Partners' post
        slug = party.slug or gz.slug(party.name)
        return slug == own or own.startswith(slug + "-") or slug.startswith(own + "-")

    targets = [p for p in deal.parties if p.role == "target" and not firm(p)]
    if deal.type not in ("investment", "funding") or not targets:
        return deal
    if deal.type == "investment":
        if not any(firm(p) for p in deal.parties if p.role == "investor"):
            return deal
        head = clean(" ".join([title, *lead(text)[:2]]))
        deal = replace(deal, type="funding", round=deal.round or round_of(head, False))
    ours = Party(name=publisher, role="investor", slug=own)
    deal = replace(deal, parties=(*(p for p in deal.parties if not firm(p)), ours))
    deal = investors_from_lead(deal, text, gz, rates)
    deal = replace(deal, parties=tuple(p for p in deal.parties if p is ours or not firm(p)))
    if deal.amount is None:
        deal = amount_from_lead(deal, f"{title}. {text}", rates)
    if deal.amount is None:  # "Quorum builds …; Sequoia led its $60 million seed round."
        deal = _round_amount(deal, [title, *lead(text)[:2]], rates)
    if _leads(title, text, publisher):
        deal = replace(
            deal, parties=tuple(replace(p, lead=True) if p is ours else p for p in deal.parties)
        )
    return deal


def _round_amount(deal: Deal, sentences: list[str], rates: Mapping[str, float] | None) -> Deal:
    """The amount of the first sentence that names a round and one deal amount."""
    from ._amounts import scan_amounts

    for sentence in sentences:
        if not _ROUND_WORD.search(sentence) and "round" not in sentence:
            continue
        money = [f.money for f in scan_amounts(clean(sentence), rates) if f.kind == "deal"]
        if len(money) == 1:
            return replace(deal, amount=money[0])
    return deal


def _leads(title: str, text: str, publisher: str) -> bool:
    if re.match(r"(?i:(?:co-)?leading)\s", title):
        return True
    first = publisher.split()[0]
    said = [s for s in [title, *lead(text)[:2]] if first in s]
    return bool(said) and any(_said_leads(publisher).search(s) for s in said)


@lru_cache(maxsize=1024)
def _said_leads(publisher: str) -> re.Pattern[str]:
    first = publisher.split()[0]
    names = "|".join(re.escape(n) for n in sorted({publisher, first}))
    return re.compile(rf"\b(?:{names})\b(?:['’]re)?\s+(?:[\w-]+\s+){{0,3}}?{_VERB_LEAD}")


_ROUND_WORD = re.compile(
    r"\b(?:series\s+[a-k]\b|(?:pre-)?seed\b"
    # "Skild AI has raised a new round led by SoftBank": a round, though it has no name
    r"|(?:has|have)\s+(?:raised|closed)\s+(?:a|its)\s+(?:new\s+|fresh\s+)?(?:[\w$€£.,-]+\s+){0,3}?"
    r"(?:round|funding)\b)",
    re.IGNORECASE,
)


def named_round(deal: Deal, text: str, gz: Gazetteer, rates: Mapping[str, float] | None) -> Deal:
    """An investment whose lead's first sentence names its target's round ("NVIDIA invests
    in Lathe Robotics": "NVentures joined Lathe Robotics' $26 million Series A") is that
    round, as "invests in Y's Series B" in a headline is."""
    if deal.type != "investment" or not text:
        return deal
    sentences = lead(text, 1)
    if not sentences or not _ROUND_WORD.search(sentences[0]):
        return deal
    first = sentences[0]
    named = [p for p in deal.parties if p.role == "target" and p.name.split()[0] in first]
    if not named:
        return deal
    from ._classify import investors_from_lead

    deal = replace(deal, type="funding", round=deal.round or round_of(clean(first), False))
    return investors_from_lead(deal, text, gz, rates)
