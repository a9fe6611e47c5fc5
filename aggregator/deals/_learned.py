"""learned_deal(): a deal the rules missed, proposed by the deal-type model and kept only on
evidence a reader can check.

The model (``_type_model``) proposes a type with a probability. The story becomes a deal
of that type only when

- the probability is at least the model's ``add`` bar;
- the headline (or, for a first-party post, the headline or the body's first sentence)
  holds a cue word of that type ("partner…", "collaborat…", "raises", "Series B",
  "acquires", "joins", "licens…", "IPO", "joint venture", …);
- the parties the type needs are found in the headline: the publisher of a first-party
  post and, for a partnership, merger or joint venture, another organisation; in a
  reporter's headline, the organisations themselves (two for a partnership).

Its ``rule`` is ``model:<type> p=<probability> (<features>)`` and its ``evidence`` the cue
word and the features that weighed most.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from ..headlines import COLUMN_NAME
from ..models import DEAL_KINDS, Deal, Party
from ._amounts import scan_amounts
from ._classify import amount_from_lead, investors_from_lead
from ._gazetteer import INVESTOR_KINDS, Gazetteer, token_key
from ._lexicon import is_ordinary, is_place, is_reviewer
from ._parties import mentions
from ._patterns import HARD_NON_DEAL, NON_DEAL, no_deal_event
from ._segment import clean, lead, segment
from ._status import round_of, status_of
from ._type_model import TypeModel, score_types, type_features

_I = re.IGNORECASE
CUES: Mapping[str, re.Pattern[str]] = {
    "funding": re.compile(
        r"\b(?:rais(?:es|ed|ing|e)|funding|financing|series\s+[a-k]\b|seed"
        r"|round|fundrais\w*|backed\s+by|investors?)\b",
        _I,
    ),
    "investment": re.compile(r"\b(?:invest(?:s|ed|ing|ment)?|stake|backs|backed)\b", _I),
    "acquisition": re.compile(
        r"\b(?:acqui\w+|buys?|bought|purchas\w+|takeover|joins|joining"
        r"|join|part\s+of|welcom\w+|sells?|sold)\b",
        _I,
    ),
    "merger": re.compile(r"\b(?:merg\w+|combin\w+)\b", _I),
    "partnership": re.compile(
        r"\b(?:partner\w*|collaborat\w+|alliance|agreement|deal|contract"
        r"|mou|memorandum|teams?\s+up|forces|coalition|pact|tie-up"
        r"|together|selected\s+by|chosen\s+by|ties?\s+up|tied\s+up|join(?:s|ed)?\s+hands"
        r"|supply|capacity|compute|cloud)\b",
        _I,
    ),
    "licensing": re.compile(r"\b(?:licen[cs]\w*)\b", _I),
    # not an IPO of the past ("After its IPO, Figma doubles down on …", "post-IPO")
    "ipo": re.compile(
        r"(?<!since\s)(?<!since\sits\s)(?<!after\s)(?<!after\sits\s)(?<!after\stheir\s)"
        r"(?<!post-)\b(?:ipo(?![-\s]+read(?:y|iness)\b)|listing|s-1|f-1|go(?:es|ing)?\s+public)\b",
        _I,
    ),
    # not a venture arm or venture capital ("launches $100m AI venture arm")
    "joint-venture": re.compile(
        r"\b(?:joint|venture(?![\s-]+(?:capital\w*|debt|arms?|units?|studios?|builders?"
        r"|investors?|partners?|firms?)\b)|jv)\b",
        _I,
    ),
}
# The role of the publisher (or of a headline's first organisation) and of the next one.
_ROLES: Mapping[str, tuple[str, str | None]] = {k: v.roles for k, v in DEAL_KINDS.items()}
_TWO = tuple(k for k, v in DEAL_KINDS.items() if v.roles[1] is not None)


def _cue(deal_type: str, title: str, body: str, publisher: str | None) -> re.Match[str] | None:
    pattern = CUES[deal_type]
    found = pattern.search(title)
    if found is None and publisher and body:
        first = lead(body, 1)
        found = pattern.search(first[0]) if first else None
    return found


def _organisations(title: str, gz: Gazetteer, body: str) -> list[tuple[str, int]]:
    """The organisations of the headline with where each starts: gazetteer companies, and
    names found by shape when capitals can be trusted (not Title Case), except a place, a name of
    ordinary words that opens the headline ("Fourth progress report"), a name of one or two
    letters, and the letter of a round ("Series B")."""
    seg = segment(title, None, body)
    return [
        (m.name, m.start)
        for m in mentions(seg.names, gz, seg.casing)
        if m.known
        or (
            not seg.casing.title
            and not is_place(m.name)  # "GHANA TO BUY CRUDE OIL FROM IRAN"
            and not (m.start == 0 and all(is_ordinary(token_key(w)) for w in m.name.split()))
            and len(m.name) > 2
            and not _ROUND_LETTER.search(seg.names, 0, m.start)
        )
    ]


# Deal types a regulator is never a side of (it reviews them)
_REVIEWED = frozenset(("acquisition", "merger", "investment", "funding"))
# "Series B": the letter of a round is no name
_ROUND_LETTER = re.compile(r"\b(?:[Ss]eries|SERIES)\s+$")


# The target told first: "X to be acquired by Y", "X bought by Y"
_PASSIVE = re.compile(
    r"\b(?:acquired|bought|purchased|snapped\s+up|taken\s+over|scooped\s+up)\s+by\b", _I
)
_SELLS = re.compile(r"\b(?:sells?|sold|selling|divest\w*|offload\w*)\b", _I)
_OWNS = re.compile(r"^['’]s\b")


def _parties(
    deal_type: str, title: str, body: str, publisher: str | None, gz: Gazetteer
) -> tuple[Party, ...] | None:
    if deal_type == "investment" and _SELLS.search(title):
        return None  # a stake sold is no investment of the seller's
    found = _organisations(title, gz, body)
    prefix = COLUMN_NAME.match(title)
    if prefix is not None and not publisher:
        # "Axios Pro Rata: Q3 venture numbers", "StrictlyVC: Kindling Labs files for its IPO":
        # the newsletter's name before the colon is none of the story's parties
        found = [(n, at) for n, at in found if at >= prefix.end()]
    if deal_type in _REVIEWED:
        found = [(n, at) for n, at in found if not is_reviewer(n)]  # "Justice Department …"
    if deal_type == "funding" and not publisher:
        # who raises is no investment firm ("Fathom Grid Raises $40 Million Led by Energy
        # Impact Partners": not Energy Impact Partners, when Fathom Grid is not found)
        found = [(n, at) for n, at in found if gz.kind(gz.canonical(n)) not in INVESTOR_KINDS]
    if publisher:
        own = gz.slug(publisher)
        others = [n for n, _ in found if gz.slug(n) != own]
        names = [publisher, *others[:1]]
    else:
        names = [n for n, _ in found[:2]]
    first, second = _ROLES[deal_type]
    if (deal_type in _TWO and len(names) < 2) or not names:
        return None
    passive = _PASSIVE.search(title) if deal_type == "acquisition" else None
    if passive and publisher and len(names) > 1:
        if publisher not in title[passive.end() :]:
            names.reverse()  # "Orbit 7 to be acquired by Teradyne" on Orbit 7's own feed
    elif deal_type == "acquisition" and not publisher:
        if re.search(r"\bjoin(?:s|ed|ing)?\b", title, _I):
            names.reverse()  # "Quillstack joins Lumora": Lumora buys
        elif _SELLS.search(title):
            first, second = "seller", "acquirer"  # "X agrees to sell ... to Z"
        elif _OWNS.match(title[found[0][1] + len(found[0][0]) :]):
            first, second = "acquirer", "target"  # "X's takeover of Y"
        elif _OWNS.match(title[found[1][1] + len(found[1][0]) :]):
            names.reverse()  # "Y shareholders vote down X's takeover"
    if (
        deal_type == "licensing"
        and second is not None
        and gz.kind(names[0]) == "media"
        and gz.kind(names[1]) != "media"
    ):
        first, second = second, first  # a publisher or label licenses out
    parties = [Party(name=names[0], role=first, slug=gz.slug(names[0]))]
    if second and len(names) > 1:
        parties.append(Party(name=names[1], role=second, slug=gz.slug(names[1])))
    return tuple(parties)


@lru_cache(maxsize=4096)
def non_deal_cue(title: str) -> bool:
    """Whether the (cleaned) headline holds a non-deal phrase (lawsuit, launch, earnings...):
    the model's ``rule=blocked`` feature, read without segmenting the headline."""
    return bool(HARD_NON_DEAL.search(title) or no_deal_event(title) or NON_DEAL.search(title))


# Money borrowed is no round ("raises $1.5 billion in debt", "secures credit facility"), and a
# share price that moves on a deal already told is no new deal ("AMD shares jump as OpenAI deal
# boosts outlook"): the model proposes neither, as the rules are blocked on both already (a
# round told beside the debt stays a round: "raises $900M Series C and a $200M credit facility").
_BORROWED = re.compile(
    r"^(?![^.;]*\b(?:series\s+[a-z]\b|seed|pre-seed|equity|round)\b)[^.;]*\b(?:in\s+"
    r"(?:venture\s+)?debt|debt\s+(?:financing|funding|facility|package|raise|round)"
    r"|credit\s+(?:facility|line)|term\s+loan|private\s+credit|loans?|bonds?)\b",
    _I,
)
_MARKET_MOVE = re.compile(
    r"\b(?:shares|stock)\s+(?:jump|rise|rall(?:y|ies)|surge|soar|slide|slip|fall|sink|drop|tumble"
    r"|pop|gain|climb|plunge|sag)\w*\s+(?:[\w%-]+\s+){0,2}?(?:as|after|on)\b"
    r"(?![^.;]*[$€£¥₹]\s?\d)",  # "… jump 12% after $6.3 billion Nvidia deal": that deal is news
    _I,
)


def learned_deal(
    title: str,
    text: str,
    model: TypeModel,
    gz: Gazetteer,
    rates: Mapping[str, float] | None,
    publisher: str | None,
) -> Deal | None:
    """The deal the type model proposes for a story the rules missed, or None."""
    title, body = clean(title), clean(text[:1200]) if text else ""
    if no_deal_event(title) or _BORROWED.search(title) or _MARKET_MOVE.search(title):
        return None  # a membership, a tally of rounds, an ending: no deal for the model either
    rule = "blocked" if non_deal_cue(title) else None
    feats = type_features(title, body, rule, publisher, model.body_chars)
    verdict = score_types(model, feats)
    if verdict.type is None or verdict.probability < model.add:
        return None
    cue = _cue(verdict.type, title, body, publisher)
    if cue is None:
        return None
    parties = _parties(verdict.type, title, body, publisher, gz)
    if parties is None:
        return None
    story = f"{title}. {body}" if body else title
    amount = next((f.money for f in scan_amounts(title, rates) if f.kind == "deal"), None)
    evidence = ", ".join(dict.fromkeys([cue.group(0).lower(), *verdict.top]))
    deal = Deal(
        type=verdict.type,
        status=status_of(story, verdict.type),
        amount=amount,
        round=round_of(story) if verdict.type == "funding" else None,
        parties=parties,
        evidence=evidence,
        rule=f"model:{verdict.type} p={verdict.probability:.2f} ({evidence})",
    )
    if deal.amount is None and text:
        # "Cerebras and G42 announce Condor Galaxy 3": "… a partnership worth $900 million"
        deal = amount_from_lead(deal, text, rates)
    return investors_from_lead(deal, text, gz, rates) if deal.type == "funding" and text else deal
