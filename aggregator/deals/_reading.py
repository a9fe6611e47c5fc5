"""classify(): how a story is read: a digest item by item, a first-party post as its
publisher would write it, and a deal kept only when it names the parties it needs.

The reading itself (rules, then the M&A model) is ``_gate.gated``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from ..headlines import COLUMN_NAME, digest_items, undecorated
from ..models import DEAL_KINDS, Deal, Party
from ._amounts import scan_amounts
from ._cjk import cjk_deal
from ._classify import (
    background_deal,
    content_licence,
    headline_blocked,
    headline_hard_blocked,
    investors_from_lead,
    rules_and_block,
)
from ._first_party import PARTNERS_POST, first_name_alone, restatements, welcomes_investors
from ._gate import GATED, gated
from ._gazetteer import Gazetteer, load_gazetteer
from ._investor_post import as_round, is_investor, named_round, own_fund, portfolio_company
from ._learned import learned_deal
from ._lexicon import government_name, is_country_adjective, is_ordinary, is_person, is_place
from ._model import Model, features, load_model, model_text, score
from ._pair import pair_restatement
from ._parties import is_title, shaped_name
from ._publisher import first_person, with_subject
from ._segment import clean, lead, without_boilerplate
from ._status import status_of
from ._type_model import TypeModel, load_type_model

# The parties each deal type needs before a reader can trust it.


def complete(deal: Deal, strict: bool = True) -> bool:
    """Whether the deal names the parties it needs: two partners for a partnership or a joint
    venture (a merger too when ``strict``), and when ``strict`` the roles its type needs (an
    acquisition: its target, or a seller and a buyer), else anyone. A deal the model added
    names none and counts as complete. A rules' deal whose parties were all struck off as not
    organisations ("Collaborate & Claude") is none."""
    if deal.rule.startswith("model:"):
        return True
    kind = DEAL_KINDS[deal.type]
    if kind.together and (strict or deal.type != "merger"):
        return len(deal.parties) >= 2
    if not strict:
        return bool(deal.parties)
    roles = {p.role for p in deal.parties}
    if deal.type == "acquisition" and {"seller", "acquirer"} <= roles:
        return True  # "Tide buys Paytm's AI unit": a named seller's business, sold to a buyer
    return all(roles & need for need in kind.needs)


def classify(
    title: str,
    text: str = "",
    *,
    gazetteer: Gazetteer | None = None,
    rates: Mapping[str, float] | None = None,
    use_model: bool = True,
    model: Model | None = None,
    publisher: str | None = None,
    type_model: TypeModel | None = None,
    learned: bool = True,
) -> Deal | None:
    """The deal a story reports, or None when it is not a deal story.

    ``use_model=False`` gives the rules alone; ``model`` replaces the shipped M&A model,
    ``type_model`` the shipped deal-type model, which proposes a deal the rules missed
    (``learned=False``: it is not asked).
    ``publisher``: the organisation whose own feed this is (``publisher_of``): "we", "our"
    and a headline without a subject stand for it. A digest title (``digest_items``) is read
    item by item, without the body (``_digest``): the first item the rules read as a deal
    (else the first the deal-type model does) is the story's deal, and every other item that
    is a deal follows it in ``Deal.also``, in title order. A newsletter entry whose headline
    is no deal is read the same way in the list its summary gives after "PLUS:"."""
    gz = gazetteer if gazetteer is not None else load_gazetteer()
    text = without_boilerplate(text)
    if "(Y" in title:  # an accelerator's batch after a name: "Tandem Labs (YC S25) is joining"
        title = " ".join(without_boilerplate(title).split())
    if not title.isascii():
        # "Hugging Face ❤️ Google Cloud", "Cohere 🤝 Oracle": a heart or a handshake between
        # two names joins them as a plus does (not an item's mark: "A and B 🤝, C 🧠")
        title = _JOINING_MARK.sub(" + ", title)
    items = digest_items(title)
    if len(items) > 1:
        deal = _digest(title, items, gz, rates, use_model, model, publisher, type_model, learned)
        if deal is not None and text:
            return _digest_facts(deal, text, gz, rates)
        return deal if deal is not None or not text else _digest_lead(title, text, gz, rates)
    if not title.isascii():
        title = undecorated(title)  # "😺 Warner Music bets on Cadenza": a newsletter's
    kicker = _LISTING_KICKER.match(title) if "Bourse" in title else None
    if kicker is not None:
        # "Introduction en Bourse : la pépite Cinder vise Euronext Paris": the listing first,
        # its issuer after the colon, read as "… vise Euronext Paris pour son introduction en
        # Bourse"
        title = f"{kicker.group('rest')} pour son {kicker.group('kind').lower()}"
    paired = _paired(title, text, gz, rates, publisher)
    if paired is not None:
        return _venture(paired, title)
    if publisher:
        deal = _statement(
            _first_party(title, text, publisher, gz, rates, use_model, model),
            title,
            text,
            publisher,
            gz,
        )
    else:
        deal = gated(title, text, gz, rates, use_model, model)
        deal = deal if deal is not None and complete(deal, strict=False) else None
    if deal is None and publisher and text:
        deal = _own_lead(title, text, publisher, gz, rates, model)
    if deal is None and use_model and learned:
        deal = _learned(title, text, gz, rates, publisher, type_model, model)
    if (
        publisher
        and deal is not None
        and deal.type == "partnership"
        and _research_only(title, text)
    ):
        return None  # "Partnering with the Nexus Institute": "… under a research collaboration"
    if deal is not None and own_fund(deal, title, text, gz, publisher):
        return None  # "Index Ventures raises $2.3 billion for new funds": the firm's own fund
    if deal is not None and _holding(deal, gz):
        return None  # "BlackRock takes 5% stake in Nvidia, filing shows": a portfolio holding
    if deal is not None:
        deal = content_licence(named_round(deal, text, gz, rates), title, text, gz)
    if deal is None and not title.isascii():
        deal = cjk_deal(
            title, rates, text
        )  # "楽天、関西ビジョンを買収へ": read by where names stand
    if deal is None and text and "PLUS" in text:
        plus = _PLUS.search(text[:600])
        items = _PLUS_SPLIT.split(plus.group(1).strip()) if plus else []
        if len(items) > 1 or (items and len(items[0].split()) > 2):
            deal = _digest(
                plus.group(1) if plus else "",
                items,
                gz,
                rates,
                use_model,
                model,
                None,
                type_model,
                learned,
            )
    if deal is None and text and not publisher:
        deal = _kind_lead(title, text, gz, rates)
    if deal is None:
        return None
    deal = _stake_sold(_venture(deal, title), title)
    return _named(_licence_roles(_hire_licence(deal, title), text), gz, text)


_LISTING_KICKER = re.compile(
    r"^\s*(?P<kind>(?:Introduction|Entr[ée]e|Cotation)\s+en\s+Bourse)\s*:\s*(?P<rest>.{6,})$"
)

_MAJORITY = re.compile(
    r"\b(?:majority|controlling|control|entire\s+business)\b"
    r"|\b(?:[5-9]\d|100)(?:\.\d+)?\s?(?:%|pct\b|per\s?cent\b)",
    re.IGNORECASE,
)


# A stake that gives control: "majority stake", "controlling interest", "a 60% stake"
_CONTROL = re.compile(
    r"\b(?:majority|controlling)\s+(?:stake|interest|holding|share)s?\b"
    r"|\b(?:5[1-9]|[6-9]\d|100)(?:\.\d+)?\s?(?:%|pct\b|per\s?cent\b)\s+(?:stake|holding|interest)\b",
    re.IGNORECASE,
)
_MINORITY = re.compile(
    r"\b(?:minority|small)\b|\b(?:[1-4]?\d)(?:\.\d+)?\s?(?:%|pct\b|per\s?cent\b)", re.IGNORECASE
)


def _stake_sold(deal: Deal, title: str) -> Deal:
    """A stake said to be short of control (a minority, under 50 %) sold to a buyer is that
    buyer's investment, not a purchase of the company ("SoftBank sells its 18% stake in
    Arborlight to Tencent"); a majority ("sells majority stake in Altera to Silver Lake") or
    all a holder has ("sells its stake in Lumora to Oracle") stays an acquisition."""
    if deal.rule == "buys-holders-stake" and (
        _MAJORITY.search(deal.evidence) or _MAJORITY.search(title)
    ):
        # "Vantor to acquire SoftBank's 60% stake in Lumen": control bought from its holder
        parties = tuple(
            replace(p, role="acquirer") if p.role == "investor" else p for p in deal.parties
        )
        return replace(deal, type="acquisition", parties=parties, rule=f"{deal.rule}+majority")
    if deal.type == "investment" and _CONTROL.search(title):
        # "KKR to take majority stake in Lindstrom Data": control bought is a purchase
        parties = tuple(
            replace(p, role="acquirer") if p.role == "investor" else p for p in deal.parties
        )
        if {p.role for p in parties} >= {"acquirer", "target"}:
            return replace(deal, type="acquisition", parties=parties, rule=f"{deal.rule}+majority")
    if (
        deal.type != "acquisition"
        or deal.rule not in ("sells-stake", "sells-pct")
        or _MAJORITY.search(deal.evidence)
        or _MAJORITY.search(title)
        or not _MINORITY.search(title)  # "sells its stake" (all it holds) stays a sale
    ):
        return deal
    parties = tuple(
        replace(p, role="investor") if p.role == "acquirer" else p for p in deal.parties
    )
    return replace(deal, type="investment", parties=parties, rule=f"{deal.rule}+minority")


def _venture(deal: Deal, title: str) -> Deal:
    """ "Hitachi and Ostrander to combine AI consulting units in joint venture": a merger of
    parts of two companies into one they own together is their joint venture."""
    if deal.type == "merger" and _INTO_VENTURE.search(title):
        return replace(deal, type="joint-venture", rule=f"{deal.rule}+venture")
    return deal


_INTO_VENTURE = re.compile(
    r"\b(?:in|into|as|via|through|to\s+form)\s+(?:an?\s+|the\s+|new\s+|50-50\s+|[\w-]+\s+)?"
    r"joint[\s-]venture\b|\bin(?:to)?\s+(?:an?\s+|new\s+)?JV\b",
    re.IGNORECASE,
)


# People who move in a licensing deal: "Windsurf CEO goes to Google in $2.4B licensing deal",
# "Windsurf founders join Google DeepMind in licensing deal" (a licence and hire, no purchase)
_HIRE_LICENCE = re.compile(
    r"\b(?:CEO|CTO|chief\s+executive|founders?|co-?founders?|team|staff|leaders|leadership"
    r"|researchers|executives|talent)\b(?:[^.;]|\.(?=\d)){0,80}?\blicen[cs]\w*\s+(?:deal|agreement|pact|fee)\b",
    re.IGNORECASE,
)
_GOES_TO = (
    r"\b(?:join(?:s|ed|ing)?|go(?:es)?\s+to|went\s+to|heads?\s+to|move[sd]?\s+to)\s+(?:the\s+)?"
)


_MOVES = frozenset(("goes-to", "in-deal", "part-of", "team-behind"))


def _hire_licence(deal: Deal, title: str) -> Deal:
    """A purchase or partnership a headline tells as people moving "in a licensing deal" (rules
    ``_MOVES``) is a licence: the side they go to (or the buyer) licenses from the side they
    leave."""
    if deal.rule not in _MOVES or len(deal.parties) != 2 or not _HIRE_LICENCE.search(title):
        return deal
    dest = next(
        (p for p in deal.parties if re.search(_GOES_TO + re.escape(p.name) + r"\b", title)),
        next((p for p in deal.parties if p.role == "acquirer"), None),
    )
    if dest is None:
        return deal
    parties = tuple(replace(p, role="licensee" if p is dest else "licensor") for p in deal.parties)
    return replace(deal, type="licensing", parties=parties, rule=f"{deal.rule}+hire-licence")


def _licence_roles(deal: Deal, text: str) -> Deal:
    """A licence between two named sides whose headline does not say who licenses what ("A
    and B sign licensing agreement"), read in the body: "B will license our model" makes B
    the licensee, "licenses its engine to B" too; the other side is the licensor."""
    if deal.type != "licensing" or not text or len(deal.parties) != 2:
        return deal
    if {p.role for p in deal.parties} - {"licensee", "licensor", "partner"}:
        return deal
    lead = text[:600]

    def licensee(party: Party) -> bool:
        name = re.escape(party.name)
        to = rf"\blicen[cs](?:e|es|ed|ing)\s+(?:our|its|their|the)\s+[^.;]{{0,60}}?\bto\s+{name}\b"
        takes = (
            rf"\b{name}(?:\s+[A-Z][\w&.-]*){{0,2}}\s+(?:will\s+|is\s+to\s+|has\s+agreed\s+to\s+"
            r"|agreed\s+to\s+|has\s+|have\s+)?licen[cs](?:e|es|ed|ing)\s+(?:our|the|a|an"
            r"|(?-i:[A-Z])[\w&.-]*['’]s|(?:worldwide|global|exclusive|non-exclusive)\s+rights)"
            r"(?![^.;]*\bto\s+[A-Z][\w&.-]*\b(?!['’]))"  # (not "rights to Ashgrove's program")
        )
        # "has granted Takeda exclusive worldwide rights to develop …"
        granted = (
            rf"\bgrant(?:s|ed|ing)?\s+{name}\s+(?:an?\s+)?(?:(?:exclusive|non-exclusive|worldwide"
            r"|global|perpetual)\s+)*(?:rights|licen[cs]e)\b"
        )
        return bool(re.search(to, lead) or re.search(takes, lead) or re.search(granted, lead))

    for party in deal.parties:
        if party.role == "licensee" and len({p.role for p in deal.parties}) == 2:
            continue  # already the licensee
        if licensee(party):
            roles = {p.slug: ("licensee" if p is party else "licensor") for p in deal.parties}
            return replace(
                deal, parties=tuple(replace(p, role=roles[p.slug]) for p in deal.parties)
            )
    return deal


def _named(deal: Deal, gz: Gazetteer, text: str = "") -> Deal:
    """``deal`` with every government named one way: "Rwandan Government" and "Government
    of Rwanda" are one party ("Government of Rwanda"), with one company page; a government
    the gazetteer lists keeps the gazetteer's name ("UK Government"). An unknown acronym
    the body spells out is named as the body names it (``_spelled``)."""
    also = tuple(_named(d, gz, text) for d in deal.also)
    parties = tuple(_government(_spelled(p, gz, text), gz) for p in deal.parties)
    if parties == deal.parties and also == deal.also:
        return deal
    return replace(deal, parties=parties, also=also)


# A name of capitalised words joined by "of", "for", "and", "&" or "the", after an optional
# country ("US Department of War", "National Institute of Standards and Technology").
_SPELLED_OUT = re.compile(
    r"\b(?:(?P<country>U\.?S\.?|U\.?K\.?|EU)\s+)?"
    r"(?P<words>[A-Z][a-z]+(?:\s+(?:(?:of|for|and|the|&)\s+)*[A-Z][a-z]+){1,7})"
)
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _spans(words: list[str]) -> list[tuple[int, int]]:
    """The word spans of a run that begin and end with a capitalised word, longest first."""
    spans = [
        (i, j)
        for i in range(len(words))
        for j in range(i + 2, len(words) + 1)
        if words[i][0].isupper() and words[j - 1][0].isupper()
    ]
    return sorted(spans, key=lambda s: s[0] - s[1])


def _spelled(party: Party, gz: Gazetteer, text: str) -> Party:
    """An acronym no list knows, named as the body spells it out: "Supporting the DOW's
    mission" over "selected by the US Department of War" is the US Department of War. The
    acronym is the initials of the body's name, with or without its small words ("of") and
    its country; a name the gazetteer knows takes the gazetteer's spelling."""
    if not text or not _ACRONYM.fullmatch(party.name) or gz.kind(party.name) is not None:
        return party
    for m in _SPELLED_OUT.finditer(text[:1200]):
        country = m.group("country") or ""
        words = m.group("words").split()
        for i, j in _spans(words):
            span = words[i:j]
            full = "".join(w[0].upper() for w in span if w != "&")
            capitals = "".join(w[0] for w in span if w[0].isupper())
            prefix = re.sub(r"[^A-Z]", "", country) if i == 0 else ""
            with_country = bool(prefix) and party.name in (prefix + full, prefix + capitals)
            if with_country or party.name in (full, capitals):
                spelled = " ".join(([country] if with_country else []) + span)
                name = gz.canonical(spelled)
                return replace(party, name=name, slug=gz.slug(name))
    return party


def _government(party: Party, gz: Gazetteer) -> Party:
    if gz.kind(party.name) is not None or not party.slug.startswith("government-of-"):
        return party
    name = government_name(party.name)
    for known in gz.companies:  # rare: a government party that is not a gazetteer name
        if known.kind == "other" and gz.slug(known.name) == party.slug:
            name = known.name
            break
    return replace(party, name=name) if name and name != party.name else party


# A newsletter's other stories, listed in its summary: "PLUS: Apple taps Google for Siri,
# and Figure's humanoid goes home" (Ben's Bites, The Rundown, Superhuman): read as a digest.
_PLUS = re.compile(r"\bPLUS:\s+([^.!?]{6,300})")
_PLUS_SPLIT = re.compile(r",\s+(?:and\s+)?|;\s+|\s+and\s+(?=[A-Z])")


def _digest(
    title: str,
    items: list[str],
    gz: Gazetteer,
    rates: Mapping[str, float] | None,
    use_model: bool,
    model: Model | None,
    publisher: str | None,
    type_model: TypeModel | None,
    learned: bool,
) -> Deal | None:
    """A digest's deal: each item read alone, by the rules (a complete deal), else by the
    deal-type model. The main deal is the first item the rules read as a deal, else the
    first the model does (the story's deal as it always was); every other item that is a
    deal, in title order, goes to its ``also``, each item once, a deal already listed (same
    type, parties and amount) not again."""
    title_case = is_title(clean(title))
    # "Funding roundup: Harmonic ($100M), Ambience ($243M)": each item a company's round
    rounds = (
        bool(items) and _FUNDING_LIST.search(title, 0, max(0, title.find(items[0]))) is not None
    )
    ruled: list[Deal | None] = []
    for item in items:
        listed = _ROUND_ITEM.match(item) if rounds else None
        if listed is not None:
            item = f"{listed.group(1)} raises {listed.group(2)}"
        capitals = title_case and not _sentence_case(item)
        shake = _HANDSHAKE.match(item)
        joined = _JOINS_SHAKE.match(item) if shake is None else None
        if shake is not None and _SHAKE_AFTER.match(title, title.find(item) + len(item)):
            item = f"{shake.group('a')} partners with {shake.group('b')}"  # "A and B 🤝"
        elif (
            joined is not None
            and _SHAKE_AFTER.match(title, title.find(item) + len(item))
            and not is_person(joined.group("a"))
        ):
            item = f"{joined.group('b')} acquires {joined.group('a')}"  # "A joins B 🤝"
        paired = _paired(item, "", gz, rates, publisher, item=True)
        if paired is not None and paired.type == "partnership" and _JV_WORD.search(item):
            # "Halden AI + Aramco JV 🏜️": the pair's venture
            paired = replace(paired, type="joint-venture", rule=f"{paired.rule}+venture")
        deal = paired
        deal = deal or gated(item, "", gz, rates, use_model, model, capitals)
        if (deal is None or not complete(deal)) and capitals and _known_subject(item, gz):
            # "Workday Buys Pinnacle, Robots Learn From Humans, …": a short item whose
            # subject the gazetteer knows names its object with a capital, as a headline
            # in sentence case would ("IBM Completes Quarry Acquisition": Quarry)
            deal = gated(item, "", gz, rates, use_model, model, False)
        ruled.append(deal if deal is not None and complete(deal) else None)
    readings = list(ruled)
    if use_model and learned:
        readings = [
            deal if deal is not None else _learned(item, "", gz, rates, None, type_model, model)
            for item, deal in zip(items, ruled, strict=True)
        ]
    first = next((n for n, d in enumerate(ruled) if d is not None), None)
    if first is None:
        first = next((n for n, d in enumerate(readings) if d is not None), None)
    if first is None:
        return None
    main = readings[first]
    assert main is not None
    seen = {_same_deal(main)}
    also: list[Deal] = []
    for n, deal in enumerate(readings):
        if deal is None or n == first or _same_deal(deal) in seen:
            continue
        seen.add(_same_deal(deal))
        also.append(deal)
    return replace(main, also=tuple(also)) if also else main


# An item that is two names and a handshake: "Cohere and ServiceNow 🤝, MiniMax M3 🧠"
_HANDSHAKE = re.compile(
    r"^(?P<a>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,2})\s+(?:and|&|\+)\s+"
    r"(?P<b>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,2})$"
)
# "Statera joins OpenAI 🤝": a company that joins another, with a handshake, is bought
_JOINS_SHAKE = re.compile(
    r"^(?P<a>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,2})\s+(?:joins|is\s+joining)\s+"
    r"(?P<b>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,2})$"
)
_SHAKE_AFTER = re.compile(r"\s*🤝")


def _known_subject(item: str, gz: Gazetteer) -> bool:
    """A digest item of at most five words that opens with a company the gazetteer knows."""
    if len(item.split()) > 5:
        return False
    hits = gz.find(item)
    return bool(hits) and hits[0].start == 0


_FUNDING_LIST = re.compile(r"\b(?:funding|rounds?|raises|raised|financings?)\b", re.IGNORECASE)
_ROUND_ITEM = re.compile(r"^([A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})\s+\(([^()]*\d[^()]*)\)$")
_CAPITALISED = re.compile(r"\b[A-Z][\w&-]*")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}\b")
_TITLE_SMALL = frozenset("with from into onto upon over than that this amid about after".split())


_CLAUSES = re.compile(r";\s+|\.\s+(?=[A-Z])")


def _digest_facts(deal: Deal, text: str, gz: Gazetteer, rates: Mapping[str, float] | None) -> Deal:
    """A digest's main deal with the facts its summary adds about that deal only: the
    investors and the amount of the clauses that name one of its parties ("Thistle nabs $65M
    Series B 💸, …": "Thistle … raised a $65M Series B led by Felicis"); a clause about
    another item ("…; Larkspur Health raised a $40M Series B from General Catalyst") adds
    nothing."""
    names = [p.name.lower() for p in deal.parties if p.role in ("target", "acquirer", "partner")]
    if not names or deal.rule.startswith("model:"):
        return deal
    kept = [
        part
        for sentence in lead(text)
        for part in _CLAUSES.split(sentence)
        if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", part.lower()) for n in names)
    ]
    slugs = {p.slug for p in deal.parties}
    for n, part in enumerate(kept):
        same, _ = rules_and_block("", part, gz, rates)
        if same is None or same.type != deal.type or not slugs & {p.slug for p in same.parties}:
            continue  # the clause names the party, but tells no deal of this kind
        told = ". ".join(k.rstrip(". ") for k in kept[n:]) + "."
        if deal.type == "funding":
            deal = investors_from_lead(deal, told, gz, rates)
        if deal.amount is None and same.amount is not None:
            deal = replace(deal, amount=same.amount)
        return deal
    return deal


def _sentence_case(item: str) -> bool:
    """Whether a digest item writes its verbs and nouns in lower case ("Atlassian acquires
    The Browser Company" in a digest whose other items are names): then its capitals are
    names, whatever the whole title looks like."""
    return any(w not in _TITLE_SMALL for w in _LOWER_WORD.findall(item))


def _digest_lead(
    title: str, text: str, gz: Gazetteer, rates: Mapping[str, float] | None
) -> Deal | None:
    """A digest none of whose items is a deal, read in its summary: a newsletter's summary
    tells its first story in a sentence ("Nvidia Pays $900 Million for Enfabrica Talent, …":
    "Nvidia spent more than $900 million to hire Enfabrica's CEO and license …"). The rules'
    deal of its lead sentences counts only when it is complete and one of its parties is named
    in the title (so the summary's deal is one of the digest's items, not an aside)."""
    lead = text[:400]
    names = {w for w in _CAPITALISED.findall(title) if len(w) > 2}
    nameless = _nameless_items(title, gz)
    if not nameless and not any(w in names for w in _CAPITALISED.findall(lead)):
        return None  # the summary names nobody the title does: no need to read it
    deal, _ = rules_and_block("", lead, gz, rates)
    if deal is None:
        return None

    def named_in(party: Party, text: str) -> bool:
        return (party.slug or gz.slug(party.name)) in {
            gz.slug(hit.name) for hit in gz.find(text)
        } or bool(re.search(rf"(?<!\w){re.escape(party.name.lower())}(?!\w)", text.lower()))

    def named(party: Party) -> bool:
        # (or by its first word: "Nvidia's Saltmarsh stake" names Saltmarsh Energy)
        first = party.name.split()[0]
        return named_in(party, title) or (
            len(first) > 3 and re.search(rf"(?<!\w){re.escape(first)}(?!\w)", title) is not None
        )

    def known(party: Party) -> bool:
        hits = gz.find(party.name)
        return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(party.name)

    if any(_names_kind(item, deal) for item in nameless):
        return deal if complete(deal) else None
    # the title's story: a party it names; the others only when the gazetteer knows them, or
    # when the item that names one describes the other ("Meta buys a voice-cloning startup":
    # "Meta acquired Whisperlane, …")
    described = any(
        _DESCRIBED.search(item) and any(named_in(p, item) for p in deal.parties)
        for item in digest_items(title)
    )
    parties = tuple(p for p in deal.parties if named(p) or known(p) or described)
    if not any(named(p) for p in parties):
        return None
    deal = replace(deal, parties=parties)
    return deal if complete(deal) else None


# A company an item describes without naming it: "a voice-cloning startup", "a chip firm"
_DESCRIBED = re.compile(
    r"\b(?:a|an|another)\s+(?:[\w-]+\s+){0,3}?(?:startup|start-up|company|firm|maker|lab"
    r"|developer|designer|outfit|rival|unicorn|provider|specialist)\b"
    # "Meta's nuclear deal": one side's deal, the other named in the summary
    r"|\b[\w.&-]+['’]s?\s+(?:[\w$.-]+\s+){0,2}?(?:deal|pact|agreement|partnership|tie-up"
    r"|contract|alliance|bet|stake|investment)\b",
    re.IGNORECASE,
)
_BET_ON = re.compile(r"[$€£]\s?\d[\d.,]*\s?(?:bn|billion|m|million)?\s+bet\s+on\b", re.I)
# The kind of deal an item names without naming its parties: "a $2B seed round", "a big
# acquisition".
_KIND_NOUNS = (
    (
        "funding",
        re.compile(r"\b(?:round|raise|fundraise|funding|financing|series\s+[a-k]|seed)\b", re.I),
    ),
    (
        "acquisition",
        re.compile(r"\b(?:acquisition|takeover|buyout|acqui-?hire|take-private)\b", re.I),
    ),
    ("investment", re.compile(r"\bstake\b", re.I)),
    ("merger", re.compile(r"\bmerger\b", re.I)),
    ("ipo", re.compile(r"\b(?:ipo|listing)\b", re.I)),
    # "a Gulf compute pact", "a $1bn robotics pact": a partnership or a venture
    ("partnership", re.compile(r"\b(?:pact|partnership|alliance|tie-up)\b", re.I)),
    ("joint-venture", re.compile(r"\b(?:pact|joint\s+venture|JV)\b", re.I)),
    # "a $2bn bet on robot data": money put into a company
    ("funding", _BET_ON),
    ("investment", _BET_ON),
)


def _nameless_items(title: str, gz: Gazetteer) -> list[str]:
    """The items of the digest ``title`` that name a kind of deal and no company ("a $2B
    seed round", "a big acquisition")."""
    out = []
    for item in digest_items(title):
        words = item.split()
        if len(words) > 6 or gz.find(item) or any(_names_one(w) for w in words[1:]):
            continue
        if any(cue.search(item) for _, cue in _KIND_NOUNS):
            out.append(item)
    return out


# Capitalised words of a nameless item that name no company: "a Gulf compute pact", "a $1bn
# AI pact", "a Chinese chip merger"
_REGION_WORDS = frozenset("AI Gulf European Nordic Asian African Arab Latin US UK EU".split())


def _names_one(word: str) -> bool:
    """Whether a capitalised word of a digest item may name a company (not a place, a
    country's adjective or a region)."""
    if not word[:1].isupper() or word in _REGION_WORDS:
        return False
    return not (is_place(word) or is_country_adjective(word.lower()))


def _kind_lead(
    title: str, text: str, gz: Gazetteer, rates: Mapping[str, float] | None
) -> Deal | None:
    """A column's headline that names the kind of deal and no company but one of the deal's,
    read in its summary ("StrictlyVC: A $60M seed for ex-OpenAI researchers": "Fathomline
    … raised a $60 million seed round co-led by Kleiner Perkins"; "Term Sheet: KKR's AI
    take-private"): the rules' complete deal of the summary's first 400 characters, when it
    is of the headline's kind and amount and has every company the headline names."""
    column = COLUMN_NAME.match(title)
    if column is None:
        return None
    head = title[column.end() :]
    if not any(cue.search(head) for _, cue in _KIND_NOUNS) or headline_hard_blocked(head):
        return None  # (not "#215: The xAI-X merger, one year on": a retrospective)
    deal, _ = rules_and_block("", text[:400], gz, rates)
    if deal is None or not complete(deal) or not _names_kind(head, deal):
        return None
    slugs = {p.slug or gz.slug(p.name) for p in deal.parties}
    # (not "ex-OpenAI researchers": where its people come from)
    named = {gz.slug(hit.name) for hit in gz.find(head) if head[: hit.start][-3:] != "ex-"}
    return deal if named <= slugs else None


def _names_kind(item: str, deal: Deal) -> bool:
    """Whether the nameless ``item`` names ``deal`` by its kind, with no other amount
    ("Morning brew: Nvidia earnings, Apple's AI delay, and a $2B seed round": "Thinking
    Machines' $2 billion seed round, led by …")."""
    if not any(kind == deal.type and cue.search(item) for kind, cue in _KIND_NOUNS):
        return False
    amounts = scan_amounts(item)
    return not amounts or (
        deal.amount is not None
        and deal.amount.currency == amounts[0].money.currency
        and abs(deal.amount.value - amounts[0].money.value) <= 0.05 * deal.amount.value
    )


_STAKE_RULES = frozenset(("stake-buy", "pct-of", "buys-shares", "possessive-stake"))


def _holding(deal: Deal, gz: Gazetteer) -> bool:
    """Whether the deal is an asset manager's holding: a stake or shares an index, pension or
    fund house (kind ``asset-manager``) has, buys or adds to, in a company that is no lab or
    startup, or shares it buys ("Norges Bank raises stake in Palantir to 1.1%", "Cathie
    Wood's ARK buys $30 million of Tempus AI shares"): portfolio news, not a deal. Its
    rounds in private companies are funding and stay deals."""
    if deal.type not in ("investment", "acquisition") or (
        deal.rule not in _STAKE_RULES and "shares" not in deal.evidence.lower()
    ):
        return False
    kinds = {p.role: gz.kind(gz.canonical(p.name)) for p in deal.parties}
    if (kinds.get("investor") or kinds.get("acquirer")) != "asset-manager":
        return False
    # shares bought are shares of a listed company, whatever its kind
    return deal.rule == "buys-shares" or kinds.get("target") not in ("lab", "startup")


def _same_deal(deal: Deal) -> tuple[object, ...]:
    """What makes two items of one digest the same deal: type, parties and amount."""
    amount = (deal.amount.value, deal.amount.currency) if deal.amount is not None else None
    return deal.type, frozenset((p.slug or p.name, p.role) for p in deal.parties), amount


def _sure(deal: Deal) -> bool:
    """A learned deal whose type the model gives 0.9 or more: no second opinion needed."""
    found = re.match(r"model:\S+ p=([0-9.]+)", deal.rule)
    return found is not None and float(found.group(1)) >= 0.9


def _learned(
    title: str,
    text: str,
    gz: Gazetteer,
    rates: Mapping[str, float] | None,
    publisher: str | None,
    type_model: TypeModel | None,
    model: Model | None,
) -> Deal | None:
    """The deal-type model's proposal for a story the rules did not read as a deal. An
    acquisition, merger or investment must also pass the M&A model's ``veto`` bar, unless the
    deal-type model gives its type 0.9 or more."""
    type_model = type_model or load_type_model()
    if type_model is None or not title.strip():
        return None
    deal = learned_deal(title, text, type_model, gz, rates, publisher)
    if deal is None or deal.type not in GATED or _sure(deal):
        return deal
    ma = model or load_model()
    if ma is None:
        return deal
    verdict = score(ma, features(model_text(title, text, ma.max_chars), None))
    return deal if verdict.probability >= ma.veto else None


def _first_party(
    title: str,
    text: str,
    publisher: str,
    gz: Gazetteer,
    rates: Mapping[str, float] | None,
    use_model: bool,
    model: Model | None,
) -> Deal | None:
    """A post of the publisher's own feed: as written, then with the publisher as the
    headline's subject, then as the plain sentences a newsroom's wording stands for
    ("Welcoming Carbon to the Perplexity team": "Perplexity acquires Carbon"). A
    restatement is read with the post's body, whose capitals confirm the names in it. On an
    investment firm's own feed, a post about a portfolio company ("Backing Tern AI") is that
    company's round with the firm as investor (``_investor_post``)."""
    deal = _newsroom(title, text, publisher, gz, rates, use_model, model)
    if not is_investor(publisher, gz):
        return deal
    company = portfolio_company(title)
    if company is not None and first_name_alone(company, text):
        return None  # "Welcoming Nadia Brennan to Sequoia": "Nadia joins our Europe team"
    title, text = first_person(title, publisher), first_person(text, publisher)
    if company is not None and _short_of_round(deal, publisher, gz, title):
        sentence = f"{publisher} invests in {company}"
        restated = gated(sentence, text or title, gz, rates, use_model=False, model=model)
        deal = restated if restated is not None and complete(restated) else deal
    return None if deal is None else as_round(deal, title, text, publisher, gz, rates)


def _own_lead(
    title: str,
    text: str,
    publisher: str,
    gz: Gazetteer,
    rates: Mapping[str, float] | None,
    model: Model | None,
) -> Deal | None:
    """A first-party post whose headline tells no deal ("Brew-tiful forecasts", "Shareholder
    letter, Q4 2025") and whose body does, of the publisher itself, in one of its first
    three sentences ("We're thrilled to be working with Starbucks under a new multi-year
    agreement", "In December we closed our acquisition of Ripple Data"): that sentence read
    as a headline, by the rules alone, when complete, with the publisher among its parties
    and told as news, not background ("… which we acquired in 2021")."""
    if headline_blocked(title) or _customer_story(title) or _DEAL_WORD.search(title):
        return None  # (a headline with deal words was read as it stands)
    own = gz.slug(publisher)
    for sentence in lead(text, 3):
        said = first_person(sentence, publisher, verbs=True)
        if said == sentence and publisher.lower() not in sentence.lower():
            continue  # about someone else
        deal = gated(said, "", gz, rates, use_model=False, model=model)
        if deal is None or not complete(deal) or not any(p.slug == own for p in deal.parties):
            continue
        if background_deal(said, deal.evidence):
            continue
        return replace(deal, rule=f"{deal.rule}+own-lead")
    for sentence in lead(text, 2):
        counted = _PARTNERING_COUNT.search(first_person(sentence, publisher, verbs=True))
        if counted is not None and not _research_only(title, text):
            # "We're partnering with three national health systems to pilot …": partners
            # counted, none named: the publisher's partnership alone
            return Deal(
                type="partnership",
                status="announced",
                parties=(Party(name=publisher, role="partner", slug=own),),
                evidence=counted.group(0),
                rule="first-party-partners+own-lead",
            )
    return None


# Partners counted, not named: "is partnering with three national health systems"
_PARTNERING_COUNT = re.compile(
    r"\b(?:is|are|has\s+been)\s+(?:now\s+)?partnering\s+with\s+(?:more\s+than\s+|over\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of|several|multiple)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:companies|firms|partners|systems|hospitals|banks|retailers"
    r"|governments|agencies|carriers|operators|publishers|brands|insurers|providers|utilities"
    r"|airlines|schools|districts|cities|states|countries)\b",
    re.IGNORECASE,
)


# A headline word of a deal's kind: such a headline is read as it stands, never through
# its body's lead ("AlphaFold's next chapter: a collaboration with EMBL-EBI").
_DEAL_WORD = re.compile(
    r"\b(?:partner\w*|collaborat\w*|allian\w+|acqui\w+|merg\w+|invest\w*|fund\w*|rais\w+"
    r"|round|deal|agreements?|licen[cs]\w*|IPO|joint|stakes?|buys?|bought|joins?|team|MOU)\b",
    re.IGNORECASE,
)


def _short_of_round(deal: Deal | None, publisher: str, gz: Gazetteer, title: str = "") -> bool:
    """Whether the plain reading of a firm's post about a company falls short of the
    company's round: none, a partnership ("We're partnering with Halvard's founders at the
    seed"), a purchase by the firm ("Welcoming Tern AI to Sequoia"), or a round or
    investment with no target but the firm ("Sequoia led its seed")."""
    if deal is None or deal.type == "partnership":
        return True
    own = gz.slug(publisher)
    if (
        deal.type == "acquisition"
        and title.lower().startswith("welcom")
        and any(p.role == "acquirer" and p.slug == own for p in deal.parties)
    ):
        return True  # "Welcoming Tern AI to Sequoia": a firm's portfolio, not its purchase
    if deal.type not in ("funding", "investment"):
        return False
    return not any(p.role == "target" and p.slug != own for p in deal.parties)


def _newsroom(
    title: str,
    text: str,
    publisher: str,
    gz: Gazetteer,
    rates: Mapping[str, float] | None,
    use_model: bool,
    model: Model | None,
) -> Deal | None:
    """``_first_party``'s reading of a post, as written, with the publisher as subject, then
    restated."""
    title, text = first_person(title, publisher), first_person(text, publisher)
    if welcomes_investors(title, publisher):
        # "Reka welcomes NVIDIA and Snowflake as investors": the headline says who is who,
        # which the body's "NVIDIA and Snowflake have joined Reka's round" does not
        sentence = restatements(title, publisher, lambda _: True, text)[0]
        restated = gated(sentence, text or title, gz, rates, use_model=False, model=model)
        if restated is not None and complete(restated):
            return restated
    deal = gated(title, text, gz, rates, use_model, model, publisher=publisher)
    if deal is not None and complete(deal):
        welcomed = _welcomed(deal, title, text, publisher, gz, rates, model)
        return welcomed or _with_publisher(deal, title, publisher, gz)
    if deal is None and headline_hard_blocked(title):
        return None  # "How Sevilla FC is discovering … with Llama": a customer story
    subject = gated(
        with_subject(title, publisher), text, gz, rates, use_model, model, publisher=publisher
    )
    if subject is not None and complete(subject):
        return subject
    known = lambda phrase: _known(phrase, gz, publisher, text)  # noqa: E731
    # "A new chapter: Orrin Labs joins Halvard": each side of a colon may tell a company that
    # joins another (only that: "Mayo Clinic and Cerebras: a genomic model" is no pair)
    parts = [title] + ([p for p in _COLON.split(title, 1) if p] if _COLON.search(title) else [])
    for n, part in enumerate(parts):
        for sentence in restatements(part, publisher, known, text):
            if n and " acquires " not in sentence:
                continue
            restated = gated(sentence, text or title, gz, rates, use_model=False, model=model)
            if restated is not None and complete(restated):
                return restated
    if deal is not None and complete(deal):
        return deal
    joins = _BODY_JOINS.search(text[:400]) if text and not headline_blocked(title) else None
    if joins is not None and joins.group("who").lower() in (publisher.lower(), "we"):
        # "Our next chapter": "Today we're sharing that Quillstack has agreed to join
        # Salesforce": the publisher is bought
        buyer = joins.group("b")
        if not _NOT_A_BUYER.search(buyer):
            sentence = f"{buyer} acquires {publisher}"
            restated = gated(sentence, text, gz, rates, use_model=False, model=model)
            if restated is not None and complete(restated):
                return restated
    together = (
        re.match(_TOGETHER + rf",\s+(?:{re.escape(publisher)}|we)\b{_TOGETHER_VERB}", text, re.I)
        if text and not headline_blocked(title)
        else None
    )
    listed = (
        _LISTED_PARTNERSHIP.search(text[:600])
        if "partnership with" in text[:600].lower() and not headline_blocked(title)
        else None
    )
    # "Together with SoftBank and Oracle, we're adding a 1.5 GW campus": the body's first words
    # say whom the publisher works with; "Since February, we released …, announced a
    # partnership with the Canadian AI Safety Institute, grew our team": one item of a
    # round-up names a partner
    for found in (together, listed):
        if found is None:
            continue
        sentence = f"{publisher} partners with {found.group('x')}"
        restated = gated(sentence, text, gz, rates, use_model=False, model=model)
        if restated is not None and complete(restated):
            return restated
    partners = PARTNERS_POST.search(title)
    if partners is None or headline_blocked(title[: partners.start()] + title[partners.end() :]):
        return None  # ("Launch Partners" is no launch)
    if _PEOPLE_PARTNERS.search(f"{title}. {text[:400]}"):
        return None  # "welcomes two new partners … join as general partners": hires
    if "partnership" not in partners.group(0).lower() and _EXPANSION.search(
        f"{title}. {text[:300]}"
    ):
        # "Opening our Tokyo office with new partners": an office, no partnership announced
        # ("… opens Seoul office and announces new partnerships" announces some)
        return None

    return Deal(
        type="partnership",
        status=status_of(title, "partnership"),
        parties=(Party(name=publisher, role="partner", slug=gz.slug(publisher)),),
        evidence=partners.group(0),
        rule="first-party-partners",
    )


def _welcomed(
    deal: Deal,
    title: str,
    text: str,
    publisher: str,
    gz: Gazetteer,
    rates: Mapping[str, float] | None,
    model: Model | None,
) -> Deal | None:
    """A newsroom's welcome headline ("Welcoming Graspwise to Tessellate", "… to the
    Brightwater family") read as the publisher's acquisition, when the body's own reading
    does not make the publisher the buyer ("the Graspwise sensor becomes part of T2": a
    product is no buyer). None: keep the body's reading."""
    if not title.lower().startswith("welcom") or deal.type != "acquisition":
        return None
    own = gz.slug(publisher)
    if any(p.slug == own and p.role == "acquirer" for p in deal.parties):
        return None
    known = lambda phrase: _known(phrase, gz, publisher, text)  # noqa: E731
    for sentence in restatements(title, publisher, known, text):
        if " acquires " not in sentence:
            continue
        restated = gated(sentence, text or title, gz, rates, use_model=False, model=model)
        if restated is not None and complete(restated):
            return restated
    return None


_COLON = re.compile(r"\s*(?::|\s[—–-])\s+")
# A deal named by its noun and whom it is with, no subject before it: "Stargate: a $500
# billion joint venture with SoftBank and Oracle", "Content partnership with Le Monde"
_DEAL_WITH = re.compile(
    r"\b(?:joint\s+venture|JV|partnerships?|collaboration|alliance|agreements?|deal|pact"
    r"|licen[cs]ing\s+(?:deal|agreement))\s+with\s+",
    re.I,
)
_OTHER_SIDE = {"licensor": "licensee", "licensee": "licensor"}


def _with_publisher(deal: Deal, title: str, publisher: str, gz: Gazetteer) -> Deal:
    """A newsroom's deal "… with X and Y" whose every party is named after "with": the
    publisher is the other side (a partner, or the licence's other side)."""
    if deal.type not in ("joint-venture", "partnership", "licensing"):
        return deal
    own = gz.slug(publisher)
    if any(p.slug == own for p in deal.parties):
        return deal
    found = _DEAL_WITH.search(title)
    if found is None or title[: found.start()].count(" and ") or " with " in title[: found.start()]:
        return deal
    low = title.lower()
    if any(low.find(p.name.lower()) < found.end() for p in deal.parties):
        return deal  # a party named before "with" is the subject
    roles = {p.role for p in deal.parties}
    if deal.type == "licensing":
        if len(roles) != 1 or next(iter(roles)) not in _OTHER_SIDE:
            return deal
        role = _OTHER_SIDE[next(iter(roles))]
    else:
        role = "partner"
    ours = Party(name=publisher, role=role, slug=own)
    return replace(deal, parties=(ours, *deal.parties))


# A body that calls the partnership research (and names no licence or money for it)
_RESEARCH_TIE = re.compile(
    r"\b(?:research|scientific|academic)\s+(?:partnerships?|collaborations?)\b"
    r"(?![^.;]*(?:\blicen[cs]|[$€£¥]\s?\d|\bworth\b|\b(?:million|billion|milestones?)\b))",
    re.I,
)


def _research_only(title: str, text: str) -> bool:
    """Whether a newsroom post's own summary says its partnership is a research one."""
    return bool(text) and text.strip() != title.strip() and bool(_RESEARCH_TIE.search(text[:300]))


# A newsroom's answer to reports about itself: "Reports that we are raising … are not
# accurate", "They're not true: we are not for sale".
_DISMISSED = re.compile(
    r"\b(?:(?:are|is)\s+(?:not|n['’]t)\s+(?:true|accurate|correct)|(?:are|is)\s+(?:false"
    r"|inaccurate|untrue|wrong)|not\s+for\s+sale|(?:are|is)\s+not\s+(?:raising|selling"
    r"|in\s+(?:talks|discussions)))\b",
    re.I,
)
_REPORTS = re.compile(r"\b(?:reports?|rumou?rs?|speculation|press\s+stories)\b", re.I)
_FOR_SALE = re.compile(
    r"\b(?:we\s+are|we['’]re|it\s+is|(?-i:[A-Z])[\w.-]*\s+is)\s+not\s+for\s+sale\b", re.I
)
_TAKEOVER_TALK = re.compile(r"\bacqui\w*|\bbuyers?\b|\btakeover|\bbids?\b|\btalks\b", re.I)


def _statement(
    deal: Deal | None, title: str, text: str, publisher: str, gz: Gazetteer
) -> Deal | None:
    """A first-party post that answers reports: the rumoured deal it reads is denied ("We've
    seen reports that we are in talks to be acquired. They're not true"); with no deal read,
    a post about reports that says the publisher is not for sale denies its acquisition."""
    lead = f"{title}. {text[:500]}"
    if not _REPORTS.search(lead) or not _DISMISSED.search(lead):
        return deal
    if deal is not None:
        return replace(deal, status="denied") if deal.status == "rumoured" else deal
    if not _FOR_SALE.search(lead) or not _TAKEOVER_TALK.search(lead):
        return None  # ("Our customers are not for sale" in a quarter's report)
    return Deal(
        type="acquisition",
        status="denied",
        parties=(Party(name=publisher, role="target", slug=gz.slug(publisher)),),
        evidence="not for sale",
        rule="first-party-denial",
    )


# An item of a round-up: "…, announced a partnership with the Canadian AI Safety Institute, …"
_LISTED_PARTNERSHIP = re.compile(
    r"(?:^|,\s+|;\s+|\band\s+)(?:we\s+)?(?:announced|signed|formed|launched)\s+"
    r"(?:a|an|our|its)\s+(?:new\s+|first\s+|strategic\s+)?partnership\s+with\s+"
    r"(?P<x>(?:the\s+)?(?-i:[A-Z])[^,;.]{1,80}?)(?=\s*[,;.]|\s+(?:to|and|on|for)\b)",
    re.I,
)
# Partners who are people: a firm's general, managing or venture partners
_PEOPLE_PARTNERS = re.compile(
    r"\b(?:general|managing|venture|operating|investing)\s+partners?\b|\binvestment\s+team\b",
    re.I,
)
# An office opened or a market entered: the publisher alone, growing
_EXPANSION = re.compile(
    r"\b(?:open(?:s|ed|ing)?|launch(?:es|ed|ing)?|new|first|second|third)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:offices?|hubs?|headquarters|HQ|campus|studio)\b"
    r"|\bexpand(?:s|ed|ing)?\s+(?:(?:its|our|their)\s+(?:[\w-]+\s+)?(?:presence|footprint)\s+)?"
    r"(?:to|into|in|across)\s+(?-i:[A-Z])",
    re.I,
)
_TOGETHER = (
    r"^\s*(?:Together|Alongside|Along|In\s+partnership)\s+with\s+"
    r"(?P<x>(?:the\s+)?(?-i:[A-Z])[^,;.]{1,80}?)"
)
# What they do together is a venture, not a paper or a map ("we released a canopy map")
_TOGETHER_VERB = (
    r"(?:['’]re|['’]ll|['’]ve|\s+are|\s+will|\s+have|\s+is|\s+has)?\s+(?:now\s+)?(?:add|build|launch"
    r"|invest|deploy|bring|develop|expand|open|creat|establish|form|offer|deliver|power|commit)\w*"
)
_INSTITUTION = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,4}?(?:Department|Ministry|Government|Agency|Institute"
    r"|Council|Administration|Commission|Office|Foundation|Authority"
    r"|Bank|Corporation|Group|Inc|Ltd)\b"
)


def _known(phrase: str, gz: Gazetteer, publisher: str, text: str = "") -> bool:
    """Whether ``phrase`` opens with an organisation other than the publisher: a gazetteer
    company, an institution by its name ("the US Department of Energy"), or a name the
    post's body writes as one (``shaped_name``)."""
    phrase = re.sub(r"^the\s+", "", phrase.strip())
    if phrase.startswith(publisher):
        return False
    first = gz.find(phrase)
    if first and first[0].start == 0:
        return gz.canonical(first[0].name) != gz.canonical(publisher)
    if _INSTITUTION.match(phrase):
        return True
    name = shaped_name(phrase, text)
    return name is not None and name.lower() != publisher.lower() and _told_as_deal(text)


# What a body says when the company a headline pairs with the publisher is a party to a deal
# with it, not a guest, a customer or a product ("Perplexity x Theo Von's podcast").
_DEAL_TALK = re.compile(
    r"\b(?:partner\w*|collaborat\w*|alliance|agreement|deal|team(?:s|ed)?\s+up|join\w*\s+forces"
    r"|work(?:s|ing)?\s+(?:together|with)|integrat\w*|invest\w*|acqui\w*|licen[cs]\w*"
    # "Congrats to the Tandem Labs team, who are joining OpenAI": a team taken on
    r"|team\b[^.!?]{0,40}?\bjoin(?:s|ing|ed)?)\b",
    re.IGNORECASE,
)


def _told_as_deal(text: str) -> bool:
    return _DEAL_TALK.search(text[:600]) is not None


# A customer's engineering story under an "A x B" title: the body tells what A did on B's
# products ("HeyGen ported their model to Google Cloud's TPUs", "runs its inference on").
_CUSTOMER = re.compile(
    r"\b(?:ported|migrated|moved|runs?|ran|running|uses?|used|using|built|builds|trained"
    r"|trains|deployed|deploys|scaled|scales|serves|served|optimi[sz]ed)\b[^.!?]{0,80}?"
    r"\b(?:on|to|onto)\b",
    re.IGNORECASE,
)


def _customer_story(text: str) -> bool:
    first = text[:300]
    return _CUSTOMER.search(first) is not None and not _told_as_deal(text)


def _paired(
    title: str,
    text: str,
    gz: Gazetteer,
    rates: Mapping[str, float] | None,
    publisher: str | None,
    item: bool = False,
) -> Deal | None:
    """A title "A + B" / "A x B" read as "A partners with B" when both sides are gazetteer
    companies or the publisher (a person or a product line is often the other side of an
    "x"), or one is and the body tells a deal. ``item``: a digest's item, which has no body:
    "Apple + Lumora" (a plus, a gazetteer company, and a name no person's) is a pair."""

    def company(side: str) -> str | None:
        side = side.strip()
        if publisher and side.lower() == publisher.lower():
            return publisher  # "Kiteframe is joining Atlassian" in Kiteframe's own feed
        hits = gz.find(side)
        if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(side):
            return hits[0].name
        shaped = shaped_name(side, text)
        if shaped == side and not hits:
            by_shape.append(side)
            return side
        if (
            plus
            and not hits
            and _NAME_SIDE.match(side)
            and not is_ordinary(side.split()[0].lower())
        ):
            by_shape.append(side)  # "Apple + Lumora": a word no dictionary has
            return side
        return None

    by_shape: list[str] = []
    plus = item and _PLUS_JOINT.search(title) is not None
    sentence = pair_restatement(title, company)
    plus_pair = plus and all(not is_person(side) for side in by_shape)
    joining = bool(text) and _IS_JOINING.search(text, 0, 300) is not None
    shown = _told_as_deal(text) or plus_pair or joining
    if sentence is None or len(by_shape) > 1 or (by_shape and not shown):
        return None  # one side may be a name the body confirms as a party; both is too little
    if text and _customer_story(text):
        return None  # "HeyGen x Google Cloud: …" told as what HeyGen runs on Google Cloud
    if publisher:
        sentence = first_person(sentence, publisher)
    deal = gated(sentence, text, gz, rates, use_model=False, model=None)
    if deal is None or not complete(deal):
        return None
    if deal.type == "partnership" and text:
        # "Microsoft and Harbor: bringing voices to Copilot" whose summary says "we've signed
        # an agreement to license Harbor's models": the two sides' deal is the summary's kind
        lead = _FIRST_SENTENCE.match(text)
        first = lead.group(0) if lead else text[:300]
        joined = _joined(deal, first, gz)
        if joined is not None:
            return joined
        told = gated(
            first_person(first, publisher) if publisher else first,
            "",
            gz,
            rates,
            use_model=False,
            model=None,
        )
        sides = {p.slug for p in deal.parties}
        if (
            told is not None
            and told.type in _TOLD_KINDS
            and sides <= {p.slug for p in told.parties}
            and complete(told)
        ):
            return replace(told, rule=f"{deal.rule}+{told.rule}")
    return deal


# "Pellucid's founders are joining Vantor": its people, not the company (a licence and hire)
_PEOPLE_JOINING = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+)?(?:founders?|co-?founders?|team|CEO|people|staff|employees"
    r"|researchers|engineers|executives|leaders)\b",
    re.IGNORECASE,
)
_IS_JOINING = re.compile(r"\b(?:is|are|will\s+be)\s+joining\s+(?=[A-Z])")
_JOINING_MARK = re.compile(r"(?<=\w)\s+(?:❤️?|♥️?|🤝)\s+(?=\w)")
_JV_WORD = re.compile(r"\b(?:JV|joint[\s-]venture)\b", re.IGNORECASE)
# "A + B", "A+B" (not "Alexa+ Goes Agentic": a product's plus)
_PLUS_JOINT = re.compile(r"\s\+\s|\w\+\w")
_NAME_SIDE = re.compile(r"^[A-Z][\w.&-]+(?:\s[A-Z][\w.&-]+){0,2}$")


def _joined(deal: Deal, sentence: str, gz: Gazetteer) -> Deal | None:
    """A pair whose summary says one side is joining the other ("Hugging Face ❤️ Pollen
    Robotics": "Pollen Robotics, makers of the Reachy humanoid, is joining Hugging Face"):
    the one joined buys the one joining."""
    if len(deal.parties) != 2:
        return None
    a, b = deal.parties
    for buyer, bought in ((a, b), (b, a)):
        said = re.search(
            rf"\b{re.escape(bought.name)}\b[^.;]{{0,80}}?\b(?:is|are|will\s+be)\s+joining\s+"
            rf"(?:the\s+)?{re.escape(buyer.name)}\b(?!\s+(?:on|in|at|for)\b)",
            sentence,
        )
        if said is not None and not _PEOPLE_JOINING.search(said.group(0)):
            parties = (replace(buyer, role="acquirer"), replace(bought, role="target"))
            return replace(deal, type="acquisition", parties=parties, rule=f"{deal.rule}+joins")
    return None


# The publisher's body saying it joins a company: "we're joining Salesforce", "Quillstack has
# agreed to join Salesforce", "is joining the Atlassian family" (read before first_person)
_BODY_JOINS = re.compile(
    r"\b(?P<who>we|(?-i:[A-Z])[\w.&'’-]*(?:\s+(?-i:[A-Z])[\w.&'’-]*){0,2})(?:['’]re|\s+are|\s+is"
    r"|\s+has|\s+have|\s+will)?\s+(?:(?:agreed|set|going)\s+to\s+join|joining|to\s+join|join(?:s|ed)?)"
    r"\s+(?:the\s+)?(?P<b>(?-i:[A-Z])[\w&'’-]*(?:\.[\w&'’-]+)*"
    r"(?:\s+(?-i:[A-Z])[\w&'’-]*(?:\.[\w&'’-]+)*){0,3})"
    r"(?=\s+(?:family|team|group)\b|[\s.,;!]|$)",
    re.IGNORECASE,
)
# What one joins that buys no one: a programme, a network, a board, a coalition …
_NOT_A_BUYER = re.compile(
    r"\b(?:Network|Program|Programme|Alliance|Coalition|Initiative|Partners?|Consortium|Council"
    r"|Board|Foundation|Forum|Pledge|Accelerator|Cohort|Marketplace|Institute|Association"
    r"|Commission|Summit|Challenge|Ecosystem|Community|Fund|Club)\b"
)
_FIRST_SENTENCE = re.compile(r".{20,300}?[.!?](?=\s|$)", re.DOTALL)
_TOLD_KINDS = frozenset(("licensing", "investment", "acquisition", "joint-venture"))
