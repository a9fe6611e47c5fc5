"""Pairwise judgement: how similar two items are, and the vetoes that keep events apart."""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from itertools import islice
from typing import Protocol

from aggregator.stories._lexicon import (
    CLAIMANT_OVER,
    EVENT_CONFLICTS,
    EXCHANGES,
    IPO_WORDS,
    REGION_INFIXES,
    REGION_PARENTS,
    REGION_WORDS_CJK,
    STRONG_LEGAL,
    claimant_stems,
    dictionary_stems,
    place_stems,
    region_stems,
)
from aggregator.stories._products import named_version_subject, other_products
from aggregator.stories._text import (
    AFTER_PREFIX,
    APPROX_TOLERANCE,
    COMPANY_WORDS,
    EVENT_PREFIX,
    EVENT_TERMS,
    GENERIC_STEMS,
    GENERIC_WEIGHT,
    POLICY,
    REPEAT,
    Features,
    stem,
)

AMOUNT_TOLERANCE = 0.02  # "$4 billion" and "$3.95B" are one amount; "$4B" and "$2B" are not
COSINE_SHARE = 0.75  # score = share * cosine + (1 - share) * overlap coefficient
ANCHOR_SCORE = 0.75  # same rare name, same money amount, same event type in both titles
REGION_PREFIX = "region:"  # a shared country, shown among a country anchor's shared terms


class Evidence(Protocol):
    """What the window knows about terms: rarity, and whether a capitalised term is a name."""

    def idf(self, term: str) -> float: ...

    def common(self, term: str) -> bool: ...

    def frequent(self, term: str) -> bool: ...

    def weights(self, feats: Features) -> dict[str, float]: ...


def subject(feats: Features, evidence: Evidence) -> str | None:
    """The first name of the title that the window does not know as a common word and is
    not a place ("Seattle-based Atlas Forge cuts…" is about Atlas Forge)."""
    places = place_stems()
    for term in feats.names:
        if term in EVENT_TERMS:
            continue  # ("FTC sues Halyard" is about Halyard)
        if term in feats.marked:
            return term
        if evidence.common(term) or term in places:
            continue  # ("Welcoming Tomas Reyes" is about Tomas Reyes)
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
    if _legal_of_a_deal(a, b) or _legal_of_a_deal(b, a):
        return "event-conflict"
    if stage_conflict(a, b):
        return "stage-conflict"
    if a.amounts and b.amounts:
        approx = a.approx | b.approx
        if not (
            _any_close(a.amounts, b.all_amounts, approx)
            or _any_close(b.amounts, a.all_amounts, approx)
        ):
            return "amount-conflict"
    if a.rounds and b.rounds and not (a.rounds & b.rounds):
        return "round-conflict"
    if other_products(a, b):
        return "product-conflict"
    if not (a.events | b.events) & DEAL_EVENTS:  # (a deal across borders names either)
        mine, theirs = regions_of(a), regions_of(b)
        if mine and theirs and not mine & theirs:
            return "region-conflict"
        if _member_states(a, b):
            return "region-conflict"
    first, second = subjects or (subject(a, evidence), subject(b, evidence))
    if (
        (first or second)
        and not (first in b.terms or second in a.terms)
        and not named_version_subject(a, b, first, second)
    ):
        weak = (first is None or _weak(first, a)) and (second is None or _weak(second, b))
        others = (set(a.names) & set(b.names)) - {first, second} - place_stems()
        if not (weak and any(_trusted(t, a) or _trusted(t, b) for t in others)):
            return "subject-conflict"
    if party_conflict(a, b, (first, second), evidence):
        return "party-conflict"
    if person_conflict(a, b):
        return "person-conflict"
    if claimant_conflict(a, b):
        return "claimant-conflict"
    if background_conflict(a, b) or background_conflict(b, a):
        return "background-conflict"
    if after_its_event(a, b) or after_its_event(b, a) or two_sequels(a, b):
        return "after-conflict"
    if untold_event(a, b, first) or untold_event(b, a, second):
        return "untold-event"
    return None


def untold_event(a: Features, b: Features, about: str | None) -> bool:
    """``a``'s title names a legal event (a suit, a probe), ``b``'s names no event, is about a
    product (its first name pair: a name and its version or variant) that ``a`` does not name
    in full, nor whom ``a`` is about (``about``, its subject), and the two titles share no
    word but that product's name ("Novelists sue Pellam AI, saying Cirrus learned from
    pirated books" / "Cirrus 2 now available in Japan"): a thing the suit mentions, not the
    suit (a summary's words do not count: they name the company whatever its news). Other
    events of a company's own (layoffs, people moves, results) are left to the words: UCI's
    `report` half fell from 0.692 to 0.689 with them."""
    if b.events or not b.products or "legal" not in a.events or b.products[0] in a.products:
        return False
    if about is not None and b.terms.get(about, 0.0) >= 1.0:
        return False  # (whom the news is about: "Corvane Chief Scientist Departs …")
    shared = [
        t
        for t, w in a.terms.items()
        if w >= 1.0
        and b.terms.get(t, 0.0) >= 1.0
        and t not in COMPANY_WORDS
        and not t.startswith(EVENT_PREFIX)
    ]
    return shared == [b.products[0].split(" ")[0]]


def background_conflict(a: Features, b: Features) -> bool:
    """``a`` names ``b``'s news as what came before its own ("Mirelle adds Ledger two days
    after Scribe launch" / "Mirelle launches Scribe"): a name of ``b``'s title stands only in
    ``a``'s background clause, and ``a`` names another that ``b`` does not have."""
    told = [t for t in a.background if t in b.names and t not in a.names]
    return bool(told) and any(t not in b.terms for t in a.names)


# A market's reaction to results is the results' story ("Orrin stock jumps after earnings
# beat" / "Orrin third-quarter revenue tops estimates"): not counted as what came before.
_REACTIONS = frozenset({"results"})


def after_its_event(a: Features, b: Features) -> bool:
    """``a`` names ``b``'s event only in its background clause and names no event ``b`` names
    ("Corvane halves Strata 4 API prices two days after launch" / "Corvane launches Strata
    4"): what followed the event, not the event."""
    if not a.marks or not b.events or a.events & b.events:
        return False
    told = {m[len(AFTER_PREFIX) :] for m in a.marks if m.startswith(AFTER_PREFIX)}
    return bool((told - _REACTIONS) & b.events)


REPEAT_HOURS = 6.0  # a report of an incident this much older than "… down again" is of the last


def repeat_conflict(a: Features, b: Features, hours: float) -> bool:
    """Both name an outage (or both a breach), one tells it as one more of its kind, and the
    other is at least ``REPEAT_HOURS`` older (``hours``: ``a``'s time less ``b``'s):
    "Northvane down AGAIN" is the next incident, not the one reported the day before
    ("Northvane's chatbot and API are down"). A report that came first by less, or later
    ("… suffers second major outage this year" / "Incident summary: April 22 login
    failures"), is of the same incident."""
    if not a.events & b.events & {"outage", "breach"}:
        return False
    if REPEAT in a.marks and REPEAT not in b.marks:
        return hours >= REPEAT_HOURS
    if REPEAT in b.marks and REPEAT not in a.marks:
        return -hours >= REPEAT_HOURS
    return False


def two_sequels(a: Features, b: Features) -> bool:
    """Both titles tell a deal as what came before ("… after acquisition", "… after Brightwire
    deal") and one names an event of its own the other does not: two pieces of news that
    followed one deal, not one ("Brightwire CEO leaves Tessellate weeks after acquisition" /
    "Tessellate to cut 300 jobs after Brightwire deal")."""
    mine = {m[len(AFTER_PREFIX) :] for m in a.marks if m.startswith(AFTER_PREFIX)}
    theirs = {m[len(AFTER_PREFIX) :] for m in b.marks if m.startswith(AFTER_PREFIX)}
    if not (mine & DEAL_EVENTS and theirs & DEAL_EVENTS):
        return False
    return bool(a.events ^ b.events)


def _claimants(feats: Features) -> set[str]:
    """The kinds of claimant (``CLAIMANTS``) the title names: "authors", "music", …"""
    table = claimant_stems()
    out: set[str] = set()
    for term, weight in feats.terms.items():
        kinds = table.get(term)
        if kinds is not None and weight >= 1.0:  # (a title word)
            out |= kinds
    for kind, over in CLAIMANT_OVER.items():
        if kind in out:
            out.discard(over)
    return out


def claimant_conflict(a: Features, b: Features) -> bool:
    """Two suits: both titles name a legal event and claimants, of other kinds ("Authors'
    group sues Tessary …" / "Tessary sued by music publishers over lyrics …")."""
    if "legal" not in a.events or "legal" not in b.events:
        return False
    mine, theirs = _claimants(a), _claimants(b)
    return bool(mine and theirs) and not mine & theirs


def _persons(feats: Features) -> list[str]:
    """The title's full names of people: two capitalised words in a row, not both
    dictionary words, neither a place, a company word, an event word nor a number
    ("Tomasz Bielecki", "Priya Raman"; not "Lead Hardware", "Quarry AI", "Vesper 4")."""
    words, places, names = dictionary_stems(), place_stems(), feats.names
    out = []
    for pair in feats.products:
        parts = pair.split(" ")
        if (
            len(parts) == 2
            and not all(p in words for p in parts)
            and all(
                p in names
                and p not in places
                and p not in COMPANY_WORDS
                and p not in EVENT_TERMS
                and not any(c.isdigit() for c in p)
                for p in parts
            )
        ):
            out.append(pair)
    return out


def person_conflict(a: Features, b: Features) -> bool:
    """Two people moves at one company: both titles name a people event (hires, departs,
    appoints …) and each names a person the other does not ("Tessary's Chief Scientist
    Marta Lindgren Is Leaving" / "Tessary Hires Apple's Tomasz Bielecki to Lead
    Hardware")."""
    if "people" not in a.events or "people" not in b.events:
        return False
    mine = [p for p in _persons(a) if not all(w in b.terms for w in p.split(" "))]
    theirs = [p for p in _persons(b) if not all(w in a.terms for w in p.split(" "))]
    return bool(mine and theirs)


# Stages of one deal that are two events: an acquisition agreed and its completion or its
# approval days later ("Kestrel Systems to acquire Mireva" / "Kestrel Systems Completes
# Acquisition of Mireva"; the completion's own reports name no intent).
_STAGE_CONFLICTS = (
    frozenset({"complete", "intent"}),
    frozenset({"approval", "intent"}),
    frozenset({"ipo-filing", "ipo-listing"}),
)


def stage_conflict(a: Features, b: Features) -> bool:
    """Two stages of a deal or a rumour (``_text.stages``): one title denies what the
    other does not ("Orrery exploring takeover of Nimbus Silicon - sources" / "Orrery
    denies report it is pursuing Nimbus Silicon deal"), or tells the acquisition agreed and
    the other its completion or approval and not the agreement. A hard veto, which the deal
    readings do not override (they read one deal in both)."""
    mine, theirs = a.marks, b.marks
    if not (mine or theirs):
        return False
    if ("denial" in mine) != ("denial" in theirs):
        return True
    return any(
        pair <= mine | theirs and not pair <= mine and not pair <= theirs
        for pair in _STAGE_CONFLICTS
    )


def _legal_of_a_deal(a: Features, b: Features) -> bool:
    """``a``'s title names a legal event by a word that names nothing else
    (``STRONG_LEGAL``) and ``b``'s no legal event, only a deal: a probe, suit or fine about
    a deal is not the deal ("UK watchdog opens review of Vortex's Aria Labs investment" /
    "Vortex to invest up to $4 billion in Aria Labs")."""
    if "legal" not in a.events or "legal" in b.events or not b.events & DEAL_EVENTS:
        return False
    terms = a.terms
    return any(terms.get(word, 0.0) >= 1.0 for word in _STRONG_LEGAL)  # (title words)


_STRONG_LEGAL = frozenset(stem(w) for w in STRONG_LEGAL)


def _member_states(a: Features, b: Features) -> bool:
    """Two members of one union, each named by one title, neither title naming the other
    member nor the union itself ("Bund fördert KI-Supercomputer mit 2 Milliarden Euro" /
    "France to put 2 billion euros into AI supercomputers"): the union they are both in is
    no country of either plan."""
    mine, theirs = regions_of(a, parents=False), regions_of(b, parents=False)
    unions = set(REGION_PARENTS.values())
    if mine & unions or theirs & unions:
        return False
    return bool(mine and theirs) and not mine & theirs


def regions_of(feats: Features, parents: bool = True) -> set[str]:
    """The countries and unions the title names ("… AI Studio in Japan": japan; "EU
    customers": eu; a capital counts for its country). A title term weighs at least
    ``GENERIC_WEIGHT`` (a region's name or adjective is generic news vocabulary) or, for a
    name, 1.0; a summary's words weigh half. A word written in lower case is no region ("us").
    ``parents``: with the unions that hold them (France and Germany are in the EU)."""
    regions = region_stems()
    out: set[str] = set()
    for term, weight in feats.terms.items():
        region = regions.get(term)
        if region is None and weight >= 1.0 and ord(term[:1] or "a") >= 0x2E80:
            region = _cjk_regions(term)  # (a title word in Chinese or Japanese)
        if region is None or term in feats.lower:
            continue  # ("… helps us code": a word, written in lower case)
        if weight >= (GENERIC_WEIGHT if term in GENERIC_STEMS else 1.0):
            members = {r for r in region if r in REGION_PARENTS}
            out |= region if parents else (members or region)
    return out


def _cjk_regions(term: str) -> frozenset[str] | None:
    """The countries a word of a script without spaces names (``REGION_INFIXES``; a country's
    one-character name alone: "米" is the US), with the unions that hold them."""
    found = {r for infix, r in REGION_INFIXES.items() if infix in term}
    if term in REGION_WORDS_CJK:
        found.add(REGION_WORDS_CJK[term])
    if not found:
        return None
    return frozenset(found | {REGION_PARENTS[r] for r in found if r in REGION_PARENTS})


def party_conflict(
    a: Features, b: Features, subjects: tuple[str | None, str | None], evidence: Evidence
) -> bool:
    """One actor, one kind of event, other parties: both titles name the same event class
    and one actor, the subject of both or the subject of one that the other report names
    too, and each names a company the other does not ("Apple buys Hanami Labs" / "Apple
    buys Kestrel Robotics", "Index Ventures leads $100M Series B in Aperture" / "… in
    Lattice Works", "Accel leads $20M seed in Brightloom" / "Cadenza raises $20M seed"
    whose summary says Accel led it; an actor that is not the subject of both only in a
    deal: investment, acquisition, partnership, agreement). Two events, whatever the deal
    readings say (a reading can miss the company a round is for)."""
    if _namesakes(a, b, subjects):
        return True
    # (a partnership and an agreement are one kind: "Halyard teams up with Acme Health" /
    # "Globex Health signs deal with Halyard")
    pact = bool(a.events & PACT_EVENTS and b.events & PACT_EVENTS)
    if not (a.events & b.events or pact or (a.amounts and b.amounts)):
        return False  # (a template with an amount needs no event word: "… commits $2bn to …")
    if _swapped(a, b, evidence):
        return True
    if not (a.events & b.events or pact):
        return _one_backer(a, b, subjects, evidence)
    if not pact and a.events & b.events <= INCIDENT_EVENTS:
        return False  # an outage or a breach has no other party: "Lyra" and "API" are its own
    first, second = subjects
    deal = pact or bool(a.events & b.events & DEAL_EVENTS)  # (an actor both name: deals only)
    if first is not None and (first == second or (deal and first in b.terms)):
        actor = first
    elif deal and second is not None and second in a.terms:
        actor = second
    else:
        return False
    return _other_party(a, b, actor, evidence) and _other_party(b, a, actor, evidence)


def _one_backer(
    a: Features, b: Features, subjects: tuple[str | None, str | None], evidence: Evidence
) -> bool:
    """One sum from one backer to two companies: both titles name the same amount (no
    amount conflict came first) and no event word in common, the subject of one is a name of
    the other, and each names a company the other does not ("Nvidia invests $2 billion in
    Meridian Labs" / "Okapi Cloud gets $2B from Nvidia")."""
    if not (a.amounts and b.amounts and _any_close(a.amounts, b.amounts, a.approx | b.approx)):
        return False
    first, second = subjects
    if first is not None and first in b.names:
        actor = first
    elif second is not None and second in a.names:
        actor = second
    else:
        return False
    return _other_party(a, b, actor, evidence) and _other_party(b, a, actor, evidence)


def _namesakes(a: Features, b: Features, subjects: tuple[str | None, str | None]) -> bool:
    """Two companies whose names begin with one word: both titles are about it and follow it
    with other company words, neither named by the other title ("Nova Labs raises $20M
    seed" / "Nova Robotics raises $20M seed"; the deal reader may read both as "nova")."""
    first, second = subjects
    if first is None or first != second:
        return False
    mine, theirs = _company_word(a, first), _company_word(b, first)
    return (
        mine is not None
        and theirs is not None
        and mine != theirs
        and b.terms.get(mine, 0.0) < 1.0  # (a title word: a summary may tell the other's
        and a.terms.get(theirs, 0.0) < 1.0  # trade, "The robotics AI company raised …")
    )


def _company_word(feats: Features, name: str) -> str | None:
    """The company word right after ``name`` among the title's names ("nova" "lab")."""
    names = feats.names
    at = names.index(name) if name in names else -1
    if at < 0 or at + 1 >= len(names):
        return None
    after = names[at + 1]
    return after if after in COMPANY_WORDS else None


def _swapped(a: Features, b: Features, evidence: Evidence) -> bool:
    """One template, two companies: the titles are the same words but for a name each
    ("Beacon raises $20M seed led by Accel" / "Harbor raises $20M seed led by Accel",
    "Apple Acquires Beacon" / "Apple Acquires Harbor"), even when the names are dictionary
    words in Title Case, which capitals cannot tell from other words."""
    mine = [t for t in a.names if t not in b.terms and _party_word(t, a, evidence)]
    theirs = [t for t in b.names if t not in a.terms and _party_word(t, b, evidence)]
    return bool(mine and theirs) and _rest_shared(a, b, mine) and _rest_shared(b, a, theirs)


INCIDENT_EVENTS = frozenset({"outage", "breach"})  # what befalls one company, no other party
# A newsroom's opener, no company: "Announcing our $20M Series A" is no template of
# "Tessellate raises $20M Series A" about another company.
NEWSROOM_WORDS = frozenset({stem("announcing")})


def _party_word(term: str, feats: Features, evidence: Evidence) -> bool:
    """A title name that can be a company: not a place, company word, event word, exchange,
    thing, nor a word the window knows in lower case."""
    return not (
        term in place_stems()
        or term in COMPANY_WORDS
        or term in EVENT_TERMS
        or term in LISTING_WORDS
        or term in NEWSROOM_WORDS
        or _thing(term, feats)
        or evidence.common(term)
    )


def _rest_shared(a: Features, b: Features, names: list[str]) -> bool:
    """Every word of ``a``'s title (a title word weighs 1.0 or more, a summary's at most
    0.75; an amount 2.0, or 1.0 in a summary) but ``names`` is a term of ``b``."""
    return all(
        term in b.terms
        for term, weight in a.terms.items()
        if weight >= (2.0 if term.startswith("$") else 1.0) and term not in names
    )


def _thing(term: str, feats: Features) -> bool:
    """A name of a thing, not of a company: a model or chip with a digit ("S1", "H100"), or an
    acronym's plural ("GPUs", "LLMs")."""
    return any(c.isdigit() for c in term) or (
        term in feats.marked and len(term) <= 5 and term.endswith("s")
    )


LISTING_WORDS = frozenset(stem(w) for w in EXCHANGES | IPO_WORDS)


def _trusted(term: str, feats: Features) -> bool:
    """A name whose capital means a name: inner capitals, capitalised mid-sentence in a
    sentence-case title, or no dictionary word ("Announces" in a Title Case headline is not)."""
    return term in feats.marked or term in feats.upper or term not in dictionary_stems()


def _other_party(a: Features, b: Features, name: str, evidence: Evidence) -> bool:
    """``a`` names, besides ``name``, a name ``b`` does not have: someone it trusts as a name
    (inner capitals, capitalised mid-sentence, or no dictionary word), not a place, company
    word, event word, nor an exchange or "IPO", nor a thing (``_thing``: "S1", "GPUs")
    ("Apple buys Hanami Labs" / "Apple buys Kestrel Robotics"; "Cerulean prices IPO" /
    "Cerulean soars in Nasdaq debut")."""
    places = place_stems()
    for term in a.names:
        if term == name or term in b.terms or term in COMPANY_WORDS or term in EVENT_TERMS:
            continue
        if term in places or evidence.common(term) or term in LISTING_WORDS:
            continue
        if _thing(term, a):
            continue
        if _trusted(term, a):
            return True
    return False


def other_title_party(a: Features, b: Features, slugs: Collection[str], evidence: Evidence) -> bool:
    """``a``'s title names a company that ``b``'s title does not and that is no word of
    ``slugs`` (the parties of ``b``'s deal reading): a name it trusts (``_trusted``), not a
    place, company word, event word, exchange, thing, nor a word the window knows in lower
    case; a dictionary word that opens the title before a company word is a name ("Meridian
    Health taps Halcyon AI …" / "Halcyon AI raises $90M Series B": meridian)."""
    words = {stem(w) for slug in slugs for w in slug.split("-")}
    for term in a.names:
        if term in b.names or term in words or not _party_word(term, a, evidence):
            continue
        if _trusted(term, a) or _opens_a_company(a, term):
            return True
    return False


def _opens_a_company(feats: Features, term: str) -> bool:
    """``term`` opens the title and a company word follows it ("Meridian Health taps …": a
    dictionary word capitalised as the first word, yet the name of a company)."""
    if term not in feats.openers:
        return False
    words = iter(feats.terms)
    for word in words:
        if word == term:
            return next(words, None) in COMPANY_WORDS
    return False


def _weak(term: str | None, feats: Features) -> bool:
    """A subject that is a dictionary word capitalised only because it opens a sentence. Two
    such subjects veto nothing when the titles share another name that is not a place
    ("Authors sue Lumen Labs" / "Novelists file class-action lawsuit against … Lumen Labs")."""
    return (
        term is not None
        and term in feats.openers
        and term not in feats.upper
        and term not in feats.marked
        and term in dictionary_stems()
    )


PAIR_HOURS = 36.0
# Without a deal word in either title, two companies named together are often two stories
# (UCI news stories: pairwise precision 0.87 without this condition, 0.90 with it).
DEAL_EVENTS = frozenset({"invest", "acquire", "partner", "deal"})
PACT_EVENTS = frozenset({"partner", "deal"})


def same_names(a: Features, b: Features, evidence: Evidence, gap_hours: float) -> bool:
    """Both titles name the same two or more organisations the window knows as rare names
    (not common words, not places), one of them names a deal (an investment, acquisition,
    partnership or agreement), within ``PAIR_HOURS``: "Northwind and Quill announce strategic
    collaboration" / "Quill picks Northwind Cloud as its primary provider …"."""
    if gap_hours > PAIR_HOURS or not ((a.events | b.events) & DEAL_EVENTS):
        return False
    places = place_stems()
    common = [
        t
        for t in set(a.names) & set(b.names)
        if t not in places
        and t not in COMPANY_WORDS
        and not evidence.common(t)
        and not evidence.frequent(t)
    ]
    return len(common) >= 2 and not _one_name(common, a, b)


def _one_name(common: list[str], a: Features, b: Features) -> bool:
    """The shared names are one name's words ("Hugging Face"; "Lumen Labs" counts once, as
    company words such as "Labs" are not counted)."""
    joined = {p.replace(" ", "") for p in a.products + b.products}
    return len(common) == 2 and (
        f"{common[0]}{common[1]}" in joined or f"{common[1]}{common[0]}" in joined
    )


def _one_country(a: Features, b: Features, informative: list[str]) -> str | None:
    """A government's plan told with its country named either way ("UK to spend £2bn on
    national AI supercomputers" / "Britain unveils 2 billion pound plan for AI computing"):
    the same money amount, the same country or union, a word of both besides these ("AI"),
    no company named in either title and no event class in conflict. The region shared
    (``region:uk``), else None."""
    if not (a.amounts and b.amounts) or companies_of(a) or companies_of(b):
        return None
    if not (a.events & b.events) and (a.events and b.events):
        return None
    if not any(t.startswith("$") for t in informative) and not _converted_match(a, b):
        return None
    shared = regions_of(a) & regions_of(b)
    if not shared:
        return None
    regions = region_stems()
    topic = any(  # (and what it is for: a word of both besides the amount and the country)
        weight >= GENERIC_WEIGHT and b.terms.get(term, 0.0) >= GENERIC_WEIGHT
        for term, weight in a.terms.items()
        if word_term(term) and term not in regions
    )
    return f"{REGION_PREFIX}{min(shared)}" if topic else None


def companies_of(feats: Features) -> list[str]:
    """The title's names that are not places: who, besides a country, it is about."""
    places = place_stems()
    return [t for t in feats.names if t not in places]


def _any_close(
    left: tuple[float, ...], right: tuple[float, ...], approx: frozenset[float] = frozenset()
) -> bool:
    """Some amount of ``left`` is one of ``right``; amounts converted from another currency
    (``approx``) match within ``APPROX_TOLERANCE``."""
    for x in left:
        for y in right:
            tolerance = APPROX_TOLERANCE if x in approx or y in approx else AMOUNT_TOLERANCE
            if abs(x - y) <= tolerance * max(x, y):
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
    if len(informative) < min_shared or (
        len(informative) == min_shared and _one_company(informative, a, b)
    ):
        region = _one_country(a, b, informative)
        if region is not None:
            return PairScore(ANCHOR_SCORE, (*informative, region))
        return PairScore(0.0, tuple(informative), "too-few-shared-terms")
    total_a, total_b = sum(weights_a.values()), sum(weights_b.values())
    overlap = sum(shared.values())
    cosine = overlap / math.sqrt(total_a * total_b)
    coefficient = overlap / min(total_a, total_b)
    score = COSINE_SHARE * cosine + (1 - COSINE_SHARE) * coefficient
    if score < ANCHOR_SCORE and _anchored(a, b, informative):
        score = ANCHOR_SCORE
    return PairScore(round(score, 6), tuple(informative))


def _one_company(informative: list[str], a: Features, b: Features) -> bool:
    """The shared terms are one company's name and its company word ("aria", "lab" of "Aria
    Labs"): one name, not two shared terms."""
    words = [t for t in informative if t in COMPANY_WORDS]
    return len(words) == 1 and all(t in a.names and t in b.names for t in informative)


# Event classes whose reports name one company and rarely share more words than its name:
# "Salesforce is laying off 1,000" / "Salesforce to cut about 1,000 jobs".
SUBJECT_EVENTS = frozenset({"legal", "layoff", "people", "results", "breach", "outage"})
SUBJECT_HOURS = 36.0


def same_subject_event(
    a: Features,
    b: Features,
    subjects: tuple[str | None, str | None],
    gap_hours: float,
    evidence: Evidence | None = None,
) -> bool:
    """Both titles are about the same company (one's subject is a name of the other, or
    both name one name the window does not know as a common word) and name the same event
    of a class in ``SUBJECT_EVENTS``, within ``SUBJECT_HOURS``."""
    if gap_hours > SUBJECT_HOURS or not (a.events & b.events & SUBJECT_EVENTS):
        return False
    first, second = subjects
    if (first is not None and first in b.names) or (second is not None and second in a.names):
        return True
    if set(a.products) & set(b.products):
        return True  # one person or product named in full ("Tomas Reyes")
    return evidence is not None and any(
        term in b.names
        and term not in COMPANY_WORDS  # ("Lumen Labs" / "Aria Labs": "labs" is no name)
        and not evidence.common(term)
        and not evidence.frequent(term)
        for term in a.names
    )


POLICY_HOURS = 36.0  # a government's rule, reported with its country


def same_policy(a: Features, b: Features, gap_hours: float) -> str | None:
    """A government's rule told with its country named either way ("India orders platforms
    to label AI-generated content" / "New Delhi mandates labels for deepfakes and AI
    images"): one title names a policy (a law, a bill, rules, a mandate, a ban) and the
    other a policy too or no event (a regulator beside a policy: "Spain passes law creating
    AI watchdog"), neither names a company, both name the same country or union (a member
    and the union are not one), they share a word besides the country and generic words (of
    one title at least, of the other's title or summary), within ``POLICY_HOURS``. The
    country shared (``region:india``), else None."""
    if gap_hours > POLICY_HOURS or POLICY not in a.marks | b.marks:
        return None
    if any(f.events - {"legal"} or (f.events and POLICY not in f.marks) for f in (a, b)):
        return None  # (a law "creating an AI watchdog" names a regulator)
    if companies_of(a) or companies_of(b):
        return None
    shared = regions_of(a, parents=False) & regions_of(b, parents=False)
    if not shared:
        return None
    regions = region_stems()
    topic = any(  # (a word of one title at least)
        weight > GENERIC_WEIGHT / 2
        and b.terms.get(term, 0.0) > GENERIC_WEIGHT / 2
        and max(weight, b.terms.get(term, 0.0)) >= 1.0
        and term not in GENERIC_STEMS
        and word_term(term)
        and term not in regions
        and not term.isdigit()
        for term, weight in a.terms.items()
    )
    return f"{REGION_PREFIX}{min(shared)}" if topic else None


ROUND_TERMS = frozenset({"seed", "pre-seed"} | {f"series-{c}" for c in "abcdefgh"})
NAME_HOURS = 12.0  # a rare name alone ties two reports this close in time
NAME_SCORE = 0.35  # the pair score it gives them
NAME_POSITION = 2  # the name is among the first terms of one of the titles


def rare_name(
    a: Features,
    b: Features,
    subjects: tuple[str | None, str | None],
    evidence: Evidence,
    gap_hours: float,
    facts: tuple[object | None, object | None] = (None, None),
) -> bool:
    """Both titles are about one rare name ("Titanfall review - Call Of Duty with robots" /
    "Titanfall Doesn't Display at 1080p"), though they share no other word: the same
    subject, not frequent in the window nor a common word, named first in one of them,
    within ``NAME_HOURS``; and nothing says two events. It does not tie a deal (a report
    with a deal reading) to a report with none (the facts decide deals), a launch to a
    report of no launch ("Perplexity launches Comet" / "Perplexity CEO says …"), nor two
    names that go on differently ("South Stream" / "South by Southwest")."""
    name, other = subjects
    if name is None or name != other or gap_hours > NAME_HOURS:
        return False
    if evidence.frequent(name) or evidence.common(name):
        return False
    if (facts[0] is None) != (facts[1] is None):
        return False
    if a.events != b.events and not a.events & b.events:
        return False  # one names what happened and the other nothing, or something else
    if ("launch" in a.events) != ("launch" in b.events):
        return False
    if not (_early(a, name) or _early(b, name)):
        return False
    return not (_goes_on(a, b, name) or _goes_on(b, a, name))


def _early(feats: Features, name: str) -> bool:
    """``name`` is among the first ``NAME_POSITION`` terms of the title."""
    return name in islice(feats.terms, NAME_POSITION)


def _goes_on(a: Features, b: Features, name: str) -> bool:
    """``a`` continues ``name`` with a word it means as a name ("South Stream") that ``b``
    does not have ("South by Southwest")."""
    term = name
    for _ in range(3):
        after = next((p.split(" ", 1)[1] for p in a.products if p.split(" ", 1)[0] == term), None)
        if after is None:
            return False
        if after not in b.terms:
            return after in a.upper or after in a.marked
        term = after
    return False


def _weights(feats: Features, evidence: Evidence) -> dict[str, float]:
    """Term weights times rarity (memoised by the evidence when it can)."""
    return evidence.weights(feats)


def word_term(term: str, rounds: bool = False) -> bool:
    """A term that is a word of the text: not an amount, not an event class, and not a
    funding round unless ``rounds``."""
    return not term.startswith(("$", EVENT_PREFIX, REGION_PREFIX)) and (
        rounds or term not in ROUND_TERMS
    )


def _converted_match(a: Features, b: Features) -> bool:
    """The titles' amounts meet only once converted ("50億円" is about $34 million, "$33
    million" another token): within ``APPROX_TOLERANCE`` when one was converted."""
    approx = a.approx | b.approx
    return bool(approx) and _any_close(a.amounts, b.amounts, approx)


def _anchored(a: Features, b: Features, informative: list[str]) -> bool:
    """Both titles name the same money amount (as a shared token, or within the tolerance of
    a converted one) and the same event type (or one of them names no event type the lexicon
    knows), and the same rare name or, when one names none, two
    more rare terms."""
    if not (a.amounts and b.amounts):
        return False
    if not (a.events & b.events) and (a.events and b.events):
        return False  # (a report in another language names no event class)
    if not any(t.startswith("$") for t in informative) and not _converted_match(a, b):
        return False
    names = set(a.names) & set(b.names)
    if any(t in names for t in informative):
        return True
    # no company named in either ("UK to spend £500mn on sovereign AI computing" / "Britain
    # launches 500 million pound sovereign AI compute programme"): two more shared terms
    return not (a.names and b.names) and sum(word_term(t, rounds=True) for t in informative) >= 2
