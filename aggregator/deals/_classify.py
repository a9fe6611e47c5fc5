"""classify(): headline (+ lead text) -> Deal with type, status, amount, round and parties."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace

from ..models import DEAL_KINDS, Deal, Money, Party
from ._amounts import scan_amounts
from ._gazetteer import Gazetteer, Mention, load_gazetteer
from ._lexicon import is_person, is_reviewer
from ._parties import (
    backed_names,
    backers,
    described_name,
    lead_backers,
    mentions,
    round_investors,
)
from ._patterns import EXCHANGE_NAME, EXPLAINER, IGNORED_CUES, RULES
from ._patterns_intl import (
    INTL_GENERIC,
    INTL_GROUP_STOP,
    INTL_IGNORED_CUES,
    INTL_IPO,
    INTL_RIGHT_STOP,
    INTL_TAIL_BUY,
    INTL_TAIL_SELL,
)
from ._segment import (
    ENRICHERS,
    STRONG_RULES,
    Segment,
    after_headline,
    clean,
    lead,
    lead_segments,
    segment,
    segment_clean,
)
from ._status import round_of, status_of
from ._trigger import Rule

_CLAUSE = re.compile(r"[;:|—–]\s|\s[-–—]\s|\.\s+(?=[A-Z])|\?\s|!\s")
_RIGHT_STOP = re.compile(
    r"\s(?:for|at|as|amid|after|while|despite|following|over|via|under|with\s+(?:a|an|its)|in\s+"
    r"(?:a|an|its|move|bid|push|deal|§|¤)|to\s+(?![A-Z])|valu\w+|worth|that|which|who|on|says?"
    r"|said|report|sources|led|from)\b|[,(\[]"
    r"|\s(?:For|At|As|Amid|After|While|Via|Under|Over|That|Which|On|From)\s|\s[Pp]rivate\b"
    # A Title Case headline's purpose clause: "... With Deloitte to Bring Agentic Workflows"
    r"|\sto\s+(?i:bring|power|build|deliver|develop|co-develop|accelerate|expand|offer|provide"
    r"|create|help|launch|enable|support|advance|transform|make|drive|boost|integrate|scale|serve"
    r"|bolster|explore|democrati[sz]e|unlock|empower|redefine|revolutioni[sz]e|tackle|improve"
    r"|enhance|give|use|train|fuel|speed|secure|protect|modernize|modernise|reimagine|supercharge"
    r"|go|put|turn|embed|extend|strengthen|deploy|research|study|combat|fight|streamline|simplify"
    r"|create|shape|set|sell|distribute|design|host|run|grow|open|bring|supply|manufacture"
    r"|co-design|collaborate|work|pursue|evaluate|procure)\b",
)
# Between two names of one group: "X and Y", "X, Y", "X and the Y", "X and Brisbane's Y".
# Other languages: "X et Y", "X und Y", "X y la alemana Y", "X e Y", "X ed Y".
_JOIN = re.compile(
    r"^\s*(?:,|and|&|-|,\s*and|\+|,?\s*(?:et|und|y|e|ed|sowie))\s*(?:the\s+)?"
    r"(?:(?:la|le|les|el|los|las|die|der|das|den|il|lo|o|os)\s+(?:[a-zà-öø-ÿ-]+\s+)?)?"
    r"(?:[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s\s+)?$",
    re.IGNORECASE,
)
_FIGURES = re.compile(r"revenue|profit|earning|quarterly|results|net\s|forecast|outlook", re.I)
_FILING_FIGURES = re.compile(r"revenue|profit|loss|earning|net\s", re.I)
_IPO = next(rule.regex for rule in RULES if rule.type == "ipo")
_GENERIC = re.compile(
    r"\s*(?:(?:a|an|the|its|two|three|four|some|all|remaining|certain|[\w.]+-based"
    r"|privately[- ]held"
    r"|closely\s+held|[A-Z][\w.]*)\s+){0,4}?(?:company|companies|firm|maker|units?|division|banks?"
    r"|stores?|assets|business|plants?|operations?|subsidiar\w+|concern|chain|hotels?|mills?"
    r"|stations?|stake|interest|startup|insurer|refinery|brands?)\b",
    re.IGNORECASE,
)
_RIVAL = re.compile(r"['’]?s?\s+(?i:rival|competitor|challenger|lookalike|clone)s?\b")
_DESCRIPTOR = re.compile(
    r"^(?:\s+(?!(?:and|or|to|from|by|with|for|of|in|at|on|via|et|und|y|e|ed|ou|oder|durch|von"
    r"|par|por|pelo|pela|dal|dalla|alongside|plus|than|as|over|after|before|against|versus|vs)\b)"
    r"[a-z][\w-]*)+\s+$"
)
# Advisers an IPO issuer hires are not the issuer.
_ADVISER = re.compile(
    r"\s(?:hir|tap|pick|appoint|mandat|select|chos|choos|enlist|retain|engag|add)\w*\s", re.I
)
# What may stand between a subject and its verb: "X reportedly taps", "X and Y to merge".
_ADJACENT = re.compile(
    r"^\s*(?:(?:\w+ly|to|will|would|also|now|still|set|is|are|agree|agrees|plan"
    r"|plans|formally|officially)\s+)*$",
    re.IGNORECASE,
)
_BACKED_BY = re.compile(r"-(?:backed|owned|funded)")
# "... from X", "... to X", "... by X": the name must follow the word ("to the Mac" after
# "to bring ..." names no buyer).
_TAIL_CUES = {
    word: re.compile(rf"\b{word}\s+(?:the\s+)?(?=[A-Z0-9])(.*)") for word in ("from", "to", "by")
}
_HIRE = re.compile(r"\b(?:hir(?:es|ed|ing)|poach\w*|pays?|paid)\b", re.I)
_HIRE_WHOM = re.compile(r"\b(?:hir(?:es|ed|ing)|poach\w*|pays?|paid)\s+(.*)", re.I)
# "bid for Figma", "bid for rival Avon", "bid for British chip designer Quillstack"
_FOR = re.compile(
    r"\s*for\s+(?:the\s+)?(?:(?:[a-z][\w-]*\s+|[A-Z][a-z]+\s+(?=[a-z])){0,3}?(?-i:rival|rivals"
    r"|competitor|peer|designer|maker|developer|startup|start-up|firm|company|group|operator"
    r"|provider|chain|retailer|insurer|lender|bank|brand|publisher|studio|specialist)\s+)?",
    re.IGNORECASE,
)
_GERUND = re.compile(r"\b[a-z]{3,}ing\b")
_STAKE_AFTER = re.compile(r"\s+(?:stake|shares|holding)", re.IGNORECASE)
_UNIT_WORDS = frozenset(("arm", "unit", "division", "business", "segment", "operations"))
# The buyer of what is sold: "to J&T Express", "in $1.3 billion deal with KKR"
_TO_BUYER = re.compile(
    r"\s+(?:to|(?:in|under)\s+(?:an?\s+)?(?:\S+\s+){0,4}?(?:deal|agreement|transaction)\s+with)"
    r"\s+(?:the\s+)?",
    re.IGNORECASE,
)
_SELLS = frozenset(("sells", "sells-stake", "sells-pct"))
# A unit that no name says, sold to the name after it: "sale of its legacy analytics unit to"
_UNIT_TO_BUYER = re.compile(
    r"\s+(?:(?:its|the|a|an|our|their)\s+)?(?:[\w-]+\s+){0,3}?(?:unit|division|business"
    r"|arm|assets?|operations?|segment|portfolio)\s+to\s+(?:the\s+)?",
    re.IGNORECASE,
)
# A share sold that is no control of the company: "sells 20% stake", "sell its stake in",
# "sell a minority stake": the buyer invests (a majority or 50 % and more is a takeover).
_STAKE_PCT = re.compile(r"(\d+(?:\.\d+)?)\s?(?:pct|%|per\s?cent)")
_STAKE_WORD = re.compile(r"\bstake\b|\d\s?(?:pct|%|per\s?cent)", re.I)
_MINORITY = re.compile(
    r"\b(?:minority|a\s+(?:small\s+|partial\s+)?stake|part\s+of|partial)\b", re.I
)
_CONTROL = re.compile(r"\b(?:majority|controlling|entire|whole|full|all\s+of)\b", re.I)


def _stake_sale(
    rule: Rule, seg: Segment, match: re.Match[str], parties: tuple[Party, ...]
) -> tuple[str, tuple[Party, ...]]:
    """A stake sold to a named buyer short of control (a share under 50 %, "a minority
    stake", "a stake", "part of") is an investment by the buyer in the company whose shares
    are sold, the owner selling ("Telstra to sell 49% of its data centre arm to Brookfield",
    "Orion agrees to sell a stake in Kestrel to Temasek"); "its stake" may be all it holds."""
    said = match.group(0)
    pct = _STAKE_PCT.search(said)
    if _CONTROL.search(said) or (pct is not None and float(pct.group(1)) >= 50):
        return rule.type, parties
    if pct is None and not _MINORITY.search(said):
        return rule.type, parties  # "sells its stake in Lumora to Oracle": all it holds
    if not any(p.role == "acquirer" for p in parties):
        return rule.type, parties
    return "investment", tuple(
        replace(p, role="investor") if p.role == "acquirer" else p for p in parties
    )


def _clause(masked: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause holding ``masked[start:end]``."""
    left = 0
    for m in _CLAUSE.finditer(masked, 0, start):
        left = m.end()
    after = _CLAUSE.search(masked, end)
    return left, after.start() if after else len(masked)


def _left_group(found: list[Mention], text: str) -> list[Mention]:
    """The subject: the last name before the trigger, plus names joined to it by and/,."""
    found = [m for m in found if not _BACKED_BY.match(text, m.end)]
    if not found:
        return []
    group = [found[-1]]
    for m in reversed(found[:-1]):
        if not _JOIN.match(text[m.end : group[0].start]):
            break
        group.insert(0, m)
    return group


_CAP_NAME = r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}"
# The rest of a list of names after its first: ", Oklo and TerraPower", ", B, C and D".
_NAME_LIST = re.compile(
    rf",\s*(?:{_CAP_NAME},\s*)*{_CAP_NAME},?\s+(?:and|&)\s+(?:the\s+)?{_CAP_NAME}"
    # a headline's list without "and": "forms AI alliance with Anthropic, Perplexity"
    rf"|,\s*(?:{_CAP_NAME},\s*)*{_CAP_NAME}(?=\s*(?:$|[.;:]|\s(?:to|for|on|in|as|over)\b))"
)
_INDEFINITE = re.compile(r"\s*\ban?\s+", re.IGNORECASE)


_SOLD_TO = re.compile(r"\s(?:a|ao|al|an|à|au|para)\s+(?=[A-Z0-9])")


def _right_group(
    seg: Segment, gz: Gazetteer, start: int, end: int, rule: Rule | None = None
) -> tuple[list[Mention], int]:
    """Names right after the trigger, up to a stop word; returns them and where the tail
    (what may name a seller or a buyer: "... to EQT", "... from Intel") starts. A rule of
    another language also stops at its language's words ("pour", "für", "por"), and a
    two-sided one finds no object behind a preposition ("kauft bei TSMC Chips")."""
    stop = _RIGHT_STOP.search(seg.masked, start + 1, end)
    if rule is not None and rule.lang is not None:
        # partners and licences name the other side after "avec" / "mit" / "con"
        grouped = rule.type in _GROUP_TYPES or rule.type == "licensing"
        stops = INTL_GROUP_STOP if grouped else INTL_RIGHT_STOP
        if stops is INTL_RIGHT_STOP and stops.match(seg.masked, start, end):
            return [], start
        other = stops.search(seg.masked, start + 1, end)
        if other is not None and (stop is None or other.start() < stop.start()):
            stop = other
        if rule.left == "seller":
            # "vende su filial Nubia a Brookfield": the buyer follows "a" (the tail's)
            buyer = _SOLD_TO.search(seg.masked, start + 1, end)
            if buyer is not None and (stop is None or buyer.start() < stop.start()):
                stop = buyer
    if (
        stop is not None
        and stop.group(0) == ","
        and rule is not None
        and rule.type in _GROUP_TYPES
        and not (seg.casing.title or seg.casing.caps)
    ):
        listed = _NAME_LIST.match(seg.masked, stop.start(), end)
        if listed is not None:  # "agreements with Vistra, Oklo and TerraPower": every partner
            stop = _RIGHT_STOP.search(seg.masked, listed.end(), end)
    # Skip the stop if nothing has been named yet ("to acquire, for $1B, Foo" is rare).
    limit = stop.start() if stop else end
    found = mentions(seg.names, gz, seg.casing, start, limit)
    # "choose to buy a Mac or iPhone": an object the gazetteer does not know, right after
    # "a" or "an", is a thing of that name, not a company (English only: "a" is an article
    # of Portuguese, "compra a RD Station")
    english = rule is None or rule.lang is None
    thing = found and not found[0].known and _INDEFINITE.fullmatch(seg.names, start, found[0].start)
    if english and thing:
        return [], limit
    # "Abu Dhabi AI firm G42", "Ray-Ban maker EssilorLuxottica": a name followed by a
    # lower-case descriptor and another name only describes the second one.
    found = [
        m
        for i, m in enumerate(found)
        if not (i + 1 < len(found) and _DESCRIPTOR.match(seg.names[m.end : found[i + 1].start]))
    ]
    # "OpenAI Rival Anthropic", "a Perplexity rival": the rival is not the company named
    found = [m for m in found if not _RIVAL.match(seg.names, m.end)]
    group: list[Mention] = []
    for m in found:
        if group and not _JOIN.match(seg.names[group[-1].end : m.start]):
            break
        group.append(m)
    if group and len(group) < len(found):
        return group, group[-1].end  # "sell unit Clarity to EQT for ...": "to EQT" is tail
    return group, limit


# An IPO imagined, not planned: "Why an OpenAI IPO would be a bad idea", "What an Anthropic
# IPO could mean for investors" (a question or an essay about "an X IPO").
_IMAGINED_IPO = re.compile(
    r"^(?i:why|what|how|when|should|could|would|will|can|is|are|does)\b[^.!:;]*?"
    r"\b(?i:an?)\s+(?:(?:[A-Z]|[a-z]+[A-Z])[\w.&'-]*\s+){1,3}IPO\b"
)


def _vetoed(seg: Segment, rule: Rule, match: re.Match[str]) -> bool:
    if seg.hard_cue:
        return True
    if rule.type == "ipo" and _IMAGINED_IPO.search(seg.masked):
        return True
    ignored = IGNORED_CUES.get(rule.type)
    ignored_intl = INTL_IGNORED_CUES.get(rule.type) if seg.casing.lang else None
    for start, cue in seg.cues:
        if ignored is not None and ignored.match(cue):
            continue
        if ignored_intl is not None and ignored_intl.match(cue):
            continue
        if match.start() <= start < match.end():
            continue
        if rule.strong and (start >= match.end() or _FIGURES.match(cue)):
            continue
        if rule.type == "ipo" and start >= match.end() and _FILING_FIGURES.match(cue):
            continue  # "filed for a Nasdaq IPO, reporting $410 million of revenue and a loss"
        return True
    return False


def _party(name: str, role: str, gz: Gazetteer) -> Party:
    return Party(name=name, role=role, slug=gz.slug(name))


def _outside_brackets(found: list[Mention], text: str, lo: int, hi: int) -> list[Mention]:
    """The names before a trigger without those in brackets after a name ("Sketchpad Labs
    (turns whiteboard photos into React apps) raised", "Pickwise (W25) has been acquired"):
    a bracket after the subject describes it."""
    out = found
    for bracket in re.finditer(r"\(([^()]{1,160})\)", text[lo:hi]):
        start, end = lo + bracket.start(), lo + bracket.end()
        if any(m.end <= start for m in out):
            out = [m for m in out if not (start <= m.start and m.end <= end)]
    return out


def _subject(
    rule: Rule, seg: Segment, gz: Gazetteer, lo: int, match: re.Match[str]
) -> list[Mention] | None:
    """The names before the trigger that act; None when the rule's subject is missing."""
    before = mentions(seg.names, gz, seg.casing, lo, match.start())
    if "(" in seg.names[lo : match.start()]:
        before = _outside_brackets(before, seg.names, lo, match.start())
    if rule.left in ("target", "issuer"):
        funders = set(backers(seg.names[lo : match.start()], gz, seg.casing))
        before = [m for m in before if m.name not in funders]  # "Y, backed by X, raises"
    if rule.left == "issuer":  # "X pulls Frankfurt IPO": an exchange is no issuer
        before = [m for m in before if not EXCHANGE_NAME.fullmatch(m.name)]
    if rule.left == "issuer":  # "X hires Goldman for IPO": X, not Goldman
        verb = _ADVISER.search(seg.names, lo, match.start())
        before = [m for m in before if verb is None or m.end <= verb.start()] or before
    aside = _ASIDE.search(seg.names, lo, match.start())
    if aside is not None:  # "X, a unit of Y, acquires": X acts, Y only describes it
        described = [m for m in before if m.end <= aside.start()]
        name = None if described else _described(seg.names, lo, aside)
        if name is not None:  # "Lumen, an Index Ventures portfolio company, acquires"
            described = [Mention(aside.start() - len(name), aside.start(), name, known=False)]
        if described:
            before = described + [m for m in before if m.start >= aside.end()]
    left = _left_group(before, seg.names)
    if rule.plural and len(left) < 2:
        return None  # "X and Y partner on", not "Sequoia partners on"
    if rule.adjacent and not (left and _ADJACENT.match(seg.names[left[-1].end : match.start()])):
        return None  # "X partners on", not "X's trading partners to"
    return left


# An aside between the subject and its verb: ", a unit of Contoso,", ", the startup behind
# Lumen,", ", an Index Ventures portfolio company,", ", founded by former OpenAI researchers,",
# ", based in Lyon,": a description that starts with an article, a possessive or a participle
# ("founded by", "backed by", "based in") and ends at a comma, after which only an adverb or
# an auxiliary comes before the trigger.
_ASIDE = re.compile(
    r",\s+(?:a|an|the|its|one\s+of|(?:co-)?(?:founded|backed|started|run|created|owned|led"
    r"|spun\s+out|incubated)\s+by|(?:based|headquartered)\s+in)\s+[^,;:|]{2,140}?,\s*"
    r"(?:(?:officially|finally|now|also|quietly|reportedly|has|have|is|are|will|said\s+to"
    r"|set\s+to|plans\s+to|agrees\s+to|to)\s+)*$",
    re.IGNORECASE,
)


_COMPANY_NOUN = re.compile(
    r"\b(?:startup|start-up|company|firm|maker|developer|provider|lab|unit|subsidiary|arm"
    r"|spinout|spin-off|platform|group|business|vendor|outfit|venture|supplier|operator)s?\b",
    re.IGNORECASE,
)


# An aside that only a company takes: ", founded by …", ", backed by …", ", based in …".
_PARTICIPLE = re.compile(
    r",\s+(?:(?:co-)?(?:founded|backed|started|created|owned|spun\s+out|incubated)\s+by"
    r"|(?:based|headquartered)\s+in)\b",
    re.IGNORECASE,
)


def _described(names: str, lo: int, aside: re.Match[str]) -> str | None:
    """The name a company aside describes when the gazetteer found none there: the whole
    clause before the aside, by its shape."""
    if _COMPANY_NOUN.search(aside.group(0)) is None and _PARTICIPLE.match(aside.group(0)) is None:
        return None
    return described_name(names[lo : aside.start()])


def _roles(rule: Rule, seg: Segment, gz: Gazetteer, match: re.Match[str]) -> list[Party] | None:
    lo, hi = _clause(seg.masked, match.start(), match.end())
    left = _subject(rule, seg, gz, lo, match)
    if left is None:
        return None
    if rule.paired:
        return _paired(seg, gz, left, match)
    right, limit = _right_group(seg, gz, match.end(), hi, rule)
    tail = seg.names[limit:hi]
    inside = (
        # names inside the trigger, after its verb ("Gets" of "Google Gets X Co-Founders" is none)
        [
            m
            for m in mentions(seg.names, gz, seg.casing, match.start(), match.end())
            if m.start > match.start()
            # (nor the unit word that ends the trigger: "Carve Out Industrial AI Arm")
            and not (
                m.end == match.end()
                and seg.names[m.start : m.end].lower() in _UNIT_WORDS
                and not _STAKE_AFTER.match(seg.names, m.end)
            )
        ]
        if rule.inside
        else []
    )
    generic = _GENERIC.match(seg.text, match.end()) or (
        rule.lang is not None and INTL_GENERIC.match(seg.text, match.end())
    )
    if rule.needs_right and not right and not inside and not generic:
        return None
    if rule.type in _GROUP_TYPES:
        if rule.plural:  # the subject names the partners
            return _dedupe([_party(m.name, "partner", gz) for m in left])
        return _group_parties(seg, gz, lo, limit if rule.type == "partnership" else hi, rule, match)
    parties: list[Party] = [_party(m.name, rule.inside, gz) for m in inside if rule.inside]
    left_role, right_role = rule.left, rule.right
    if (
        rule.name in _SELLS
        and right
        and _TO_BUYER.fullmatch(seg.names, match.end(), right[0].start)
    ):
        right_role = "acquirer"  # "offloads logistics unit to J&T Express": the unit's buyer
    elif (
        rule.name == "sale-of"
        and right
        and _UNIT_TO_BUYER.fullmatch(seg.names, match.end(), right[0].start)
    ):
        right_role = "acquirer"  # "completes sale of legacy analytics unit to Ortega Software"
    if rule.type == "licensing":
        left_role, right_role, left = _licence_roles(rule, seg, gz, lo, match, left, right)
    if left_role and left:
        parties += [_party(m.name, left_role, gz) for m in left]
    elif left_role in ("acquirer", "investor"):
        by = _TAIL_CUES["by"].search(tail)
        if by:
            parties += [
                _party(m.name, left_role, gz) for m in mentions(by.group(1), gz, seg.casing)[:1]
            ]
    if right_role and right:
        parties += [
            _party(
                m.name,
                "seller" if rule.type == "acquisition" and _unit_of(seg, m) else right_role,
                gz,
            )
            for m in right
        ]
    parties += _extra_parties(rule, seg, gz, tail, match)
    if rule.lang is not None and rule.type == "acquisition":
        parties += _intl_tail(rule, seg, gz, tail, parties)
    if rule.inside == "target" and not any(p.role == "target" for p in parties):
        parties += [_party(m.name, "target", gz) for m in _bid_for(seg, gz, match.end(), hi)]
    if (
        rule.strong
        and left_role in ("acquirer", "investor")
        and not any(p.role == left_role for p in parties)
    ):
        return None  # "buy Nvidia stock": nobody is buying a company
    if rule.type == "licensing" and len(left) >= 2 and not right:
        parties = _licence_sides(parties, gz)
    if rule.name == "leads-round" and _LEADS.match(match.group(0)):
        leaders = {m.name for m in left}  # the subject leads, not "… with participation from"
        parties = [
            replace(p, lead=True) if p.role == "investor" and p.name in leaders else p
            for p in parties
        ]
    if rule.name == "sells-stake" and not right and not any(p.role == "acquirer" for p in parties):
        return None  # "SoftBank sells its entire Nvidia stake": shares sold on the market
    if (
        rule.type == "acquisition"
        and left_role == "acquirer"
        and len(left) == 2
        and _BUYOUT_WORD.search(match.group(0))  # not "A and B launch a cloud offer"
        and _AND_ONLY.fullmatch(seg.names, left[0].end, left[1].start)
        and not any(p.role == "target" for p in parties)
    ):
        parties = _pair_as_buyer_and_target(parties, left)
    return _dedupe(parties)


_AND_ONLY = re.compile(r"\s+(?:and|&)\s+")
_BUYOUT_WORD = re.compile(r"\b(?:acquisition|takeover|buyout|purchase)\b", re.IGNORECASE)


def _pair_as_buyer_and_target(parties: list[Party], left: list[Mention]) -> list[Party]:
    """ "Workday and Tallyhawk end talks about a $3bn acquisition": two companies cannot both
    be the buyer of a deal that names no target. The known company buys the unknown one;
    between two of a kind, the first named buys (headlines name the buyer first)."""
    first, second = left
    target = first if second.known and not first.known else second
    return [
        replace(p, role="target") if p.role == "acquirer" and p.name == target.name else p
        for p in parties
    ]


def _licence_sides(parties: list[Party], gz: Gazetteer) -> list[Party]:
    """ "Perplexity and Getty Images sign licensing agreement": of two signers named together,
    the media company licenses its content to the other (one media company, else as read)."""
    media = [p for p in parties if gz.kind(p.name) == "media"]
    if len(media) != 1:
        return parties
    return [replace(p, role="licensor" if p in media else "licensee") for p in parties]


_LEADS = re.compile(r"(?:co-)?(?:lead|led)", re.IGNORECASE)  # "X leads $N round in Y": X leads


_GROUP_TYPES = tuple(k for k, v in DEAL_KINDS.items() if v.together)
# "SoftBank to buy ABB's robotics unit": the company whose unit is bought sells it.
_UNIT = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:unit|division|business|arm|subsidiary|operations)\b", re.I
)


def _unit_of(seg: Segment, m: Mention) -> bool:
    if _UNIT.match(seg.text, m.end) is not None:
        return True
    owned = seg.text[m.end - 2 : m.end] in ("'s", "’s")  # the name took its possessive
    return owned and _UNIT.match("'s" + seg.text[m.end :]) is not None


# A purpose clause after a partnership's trigger: what the partners will do, with what, or
# the company they form.
_PARTNERS_PURPOSE = re.compile(
    r"\s(?:to|will)\s+(?:bring|put|add|integrate|embed|offer|deploy|power|use|make|help"
    r"|deliver|provide|accelerate|advance|train|support|expand|enable|run|host|serve"
    # "… merges with Corvane to form Tidewell Corvane": the company formed is no party
    r"|form|create|become)\b",
    re.IGNORECASE,
)

# What a supply deal supplies, once both partners are named before it.
_SUPPLY_PURPOSE = re.compile(r"\s(?:to|will)\s+(?:supply|manufacture|fabricate)\b", re.I)


def _group_parties(
    seg: Segment, gz: Gazetteer, lo: int, hi: int, rule: Rule, match: re.Match[str]
) -> list[Party]:
    """Partners: every company in the clause up to the end of the object ("X partners with Y
    to bring Z ..." stops at "to"), except those of an aside describing the subject
    (``_ASIDE``); only the known ones when two are known. A name found by
    shape never runs into the trigger ("Monster Partners With SDJ": Monster)."""
    purpose = _PARTNERS_PURPOSE.search(seg.names, match.end(), hi)
    if purpose is not None:
        hi = purpose.start()  # "… sign deal to bring Flux into Photoshop": products, no party
    supply = _SUPPLY_PURPOSE.search(seg.names, match.end(), hi)
    if supply is not None and len(mentions(seg.names, gz, seg.casing, lo, supply.start())) >= 2:
        hi = supply.start()  # "A and B sign deal to supply Instinct GPUs"; not "deal to supply B"
    found = [
        _before_trigger(m, seg.names, gz, match.start())
        for m in mentions(seg.names, gz, seg.casing, lo, hi)
    ]
    aside = _ASIDE.search(seg.names, lo, match.start())
    if aside is not None:  # "Anthropic, backed by Amazon, partners with …": not Amazon
        found = [m for m in found if not aside.start() <= m.start < aside.end()]
    if rule.type == "joint-venture":  # "a Stargate joint venture": the venture, no partner
        found = [m for m in found if not _the_venture(seg.names, m)]
    # Governments are named by shape ("Rwandan Government"): kept beside known companies, and
    # so are the subject and every name of a list after the trigger.
    listed = _NAME_LIST.search(seg.names, match.end(), hi)
    known = [
        m
        for m in found
        if m.known
        or gz.slug(m.name).startswith("government-of-")
        # the subject right before the verb ("Ostmark signs … with Helion, Fervo and Kairos")
        or (
            rule.type == "partnership"
            and m.end < match.start()
            and not seg.names[m.end : match.start()].strip()
            and match.group(0)[:1].islower()
            and not is_person(m.name)
        )
        or (listed is not None and listed.start() <= m.end and m.start < listed.end())
    ]
    chosen = known if len([m for m in known if m.known]) >= 2 else found
    if len(chosen) < 2 and rule.type != "merger":
        return []
    return _dedupe([_party(m.name, "partner", gz) for m in chosen])


# What names the joint venture itself: "a Stargate joint venture", "launching Stargate Norway,
# a joint venture that will …".
_NAMED_VENTURE = re.compile(
    r"(?:\s+[A-Z][\w-]*)?,\s+(?:a|an|the|their|our)\s+(?:new\s+)?(?:joint\s+venture|JV)\b"
)
_ARTICLE_VENTURE = re.compile(r"\s+(?:joint\s+venture|JV)\b")
_ARTICLE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)


def _the_venture(names: str, m: Mention) -> bool:
    """Whether a name is the joint venture itself ("a Stargate joint venture", "Stargate
    Norway, a joint venture"), not "Nokia and Ericsson JV"."""
    if _NAMED_VENTURE.match(names, m.end):
        return True
    return bool(_ARTICLE_VENTURE.match(names, m.end) and _ARTICLE.search(names, 0, m.start))


def _before_trigger(m: Mention, names: str, gz: Gazetteer, start: int) -> Mention:
    if m.known or not m.start < start < m.end:
        return m
    return Mention(m.start, start, gz.canonical(names[m.start : start].strip()), known=False)


def _paired(
    seg: Segment, gz: Gazetteer, left: list[Mention], match: re.Match[str]
) -> list[Party] | None:
    """Partners named as subject and object: "X taps Y for compute", "X selects Y as ..."."""
    obj = mentions(seg.names, gz, seg.casing, match.start("obj"), match.end("obj"))
    parties = _dedupe([_party(m.name, "partner", gz) for m in (*left, *obj[:1])])
    return parties if len(parties) >= 2 else None


def _licence_roles(
    rule: Rule,
    seg: Segment,
    gz: Gazetteer,
    lo: int,
    match: re.Match[str],
    left: list[Mention],
    right: list[Mention],
) -> tuple[str | None, str | None, list[Mention]]:
    hire = _HIRE.search(seg.text[lo : match.start()])
    if hire:  # "X hires Y's founders in licensing deal"
        before = mentions(seg.names, gz, seg.casing, lo, lo + hire.start())
        if before:
            return "licensee", "licensor", [before[-1]]
    left_role, right_role = rule.left, rule.right
    if (
        rule.name.startswith("licensing")
        and left
        and _licenses_out(seg, gz, left[-1], right, _DEAL_NOUN.search(match.group(0)) is not None)
    ):
        left_role, right_role = right_role, left_role
    return left_role, right_role, left


# "… letting OpenAI use its archives", "… allowing Google to train on …": the subject's content
_LETS_USE = re.compile(
    r"\b(?:lett(?:ing|s)|allow(?:ing|s)|giv(?:ing|es)|grant(?:ing|s))\s+(?:[A-Z][\w.&-]*\s+){1,3}"
    r"(?:to\s+)?(?:use|access|train|tap|draw)\b"
)
# The kinds of company that license content *in*: AI labs, big tech, clouds.
_TAKERS = frozenset(("lab", "bigtech", "cloud"))


_DEAL_NOUN = re.compile(r"\b(?:deal|agreement|pact|partnership|arrangement|contract)\b")


def _licenses_out(
    seg: Segment, gz: Gazetteer, subject: Mention, right: list[Mention], noun: bool
) -> bool:
    """Whether the subject of a licensing deal is the licensor: a media company, a subject
    that lets the other use its content, or (``noun``: a licensing deal, not "X licenses
    Y's model") one that is no AI maker signing with one ("Reddit signs AI content licensing
    deal with Google")."""
    kind, other = gz.kind(subject.name), gz.kind(right[0].name) if right else None
    if kind == "media":
        return other != "media"
    if _LETS_USE.search(seg.text):
        return True
    return noun and not _taker(subject.name, kind) and bool(right) and _taker(right[0].name, other)


# What a media company's partnership with an AI maker gives it: its content ("access to
# current and archived content", "Guardian journalism", "a data partnership").
_CONTENT = re.compile(
    r"\b(?:archives?|archived|journalism|articles|(?:news|editorial|published)\s+content"
    r"|content\s+from|access\s+to\s+(?:[\w-]+\s+){0,3}?content|data\s+(?:partnership|api|access))\b",
    re.IGNORECASE,
)


def content_licence(deal: Deal, title: str, text: str, gz: Gazetteer) -> Deal:
    """A partnership of one media company with an AI maker about its content is a licence:
    "News Corp and OpenAI sign multi-year global partnership" ("OpenAI will have access to
    current and archived content from …"): the media company licenses, the other takes."""
    if deal.type == "licensing" and len(deal.parties) == 2:
        return _content_taker(deal, title, text, gz)
    if deal.type != "partnership" or len(deal.parties) != 2:
        return deal
    kinds = [gz.kind(p.name) for p in deal.parties]
    if kinds.count("media") != 1:
        return deal
    other = deal.parties[1 if kinds[0] == "media" else 0]
    if not _taker(other.name, kinds[1 if kinds[0] == "media" else 0]):
        return deal
    if _CONTENT.search(title) is None and _CONTENT.search(text, 0, 600) is None:
        return deal
    parties = tuple(
        replace(p, role="licensor" if k == "media" else "licensee")
        for p, k in zip(deal.parties, kinds)
    )
    return replace(deal, type="licensing", parties=parties, rule=f"{deal.rule}+content")


_CONTENT_LICENCE = re.compile(
    r"\b(?:content|journalism|archives?|articles|news|editorial|publishing|music|catalog(?:ue)?"
    r"|library|images|photos|video|backlist|books|titles|training\s+(?:licen[cs]e|data))\b",
    re.IGNORECASE,
)


def _content_taker(deal: Deal, title: str, text: str, gz: Gazetteer) -> Deal:
    """A content licence between an AI maker and one that is none: the AI maker takes the
    licence, whichever side the sentence named first ("Pressbook signs content licensing
    agreement with OpenAI": Pressbook licenses its journalism to OpenAI)."""
    takers = [_taker(p.name, gz.kind(p.name)) for p in deal.parties]
    if takers.count(True) != 1 or _CONTENT_LICENCE.search(title) is None:
        return deal
    roles = ["licensee" if t else "licensor" for t in takers]
    if [p.role for p in deal.parties] == roles:
        return deal
    parties = tuple(replace(p, role=r) for p, r in zip(deal.parties, roles))
    return replace(deal, parties=parties, rule=f"{deal.rule}+content")


def _taker(name: str, kind: str | None) -> bool:
    """An AI maker: a lab, big tech or cloud of the gazetteer, or a name that says so."""
    return kind in _TAKERS or (kind is None and name.endswith((" AI", " Labs", ".ai")))


def _extra_parties(
    rule: Rule, seg: Segment, gz: Gazetteer, tail: str, match: re.Match[str]
) -> list[Party]:
    extra: list[Party] = []
    if rule.type in ("funding", "investment"):
        leads = lead_backers(seg.names, gz, seg.casing)
        past = backed_names(seg.names, gz, seg.casing)  # "Mubadala-backed MGX": not now
        extra += [
            replace(_party(n, "investor", gz), lead=n in leads)
            for n in backers(seg.names, gz, seg.casing)
            if n not in past
        ]
    if rule.type == "acquisition":
        for word, role in (("from", "seller"), ("to", "acquirer"), ("by", "acquirer")):
            hit = _TAIL_CUES[word].search(tail)
            if hit and word == "to" and _GERUND.search(tail, 0, hit.start()):
                hit = None  # "…, adding data management to Agentforce": a product, no buyer
            if hit:
                extra += [
                    _party(m.name, role, gz)
                    for m in mentions(hit.group(1), gz, seg.casing)[:1]
                    if m.start == 0
                ]
    if rule.type == "licensing":
        hire = _HIRE_WHOM.search(seg.names[: match.start()])
        if hire:
            extra += [
                _party(m.name, "licensor", gz) for m in mentions(hire.group(1), gz, seg.casing)[:1]
            ]
        taken = _TAIL_CUES["from"].search(tail) if rule.right == "licensor" else None
        if taken is not None and taken.start() <= 40:
            # "licenses news archive from the Harrowgate Press": who licenses it out
            extra += [
                _party(m.name, "licensor", gz)
                for m in mentions(taken.group(1), gz, seg.casing)[:1]
                if m.start == 0
            ]
    return extra


def _intl_tail(
    rule: Rule, seg: Segment, gz: Gazetteer, tail: str, parties: list[Party]
) -> list[Party]:
    """Parties an acquisition in another language names after its target: "par Salesforce"
    (the buyer), "von Bar" / "à Bar" after a buying verb (the seller), "an Bar" / "a Bar" after
    a selling one (the buyer). A role already held is not given twice."""
    held = {p.role for p in parties}
    cues = INTL_TAIL_SELL if rule.left == "seller" else INTL_TAIL_BUY
    extra: list[Party] = []
    for cue, role in cues:
        hit = cue.search(tail)
        if hit is None or role in held:
            continue
        found = mentions(hit.group(1), gz, seg.casing)
        if found and found[0].start == 0:
            extra.append(_party(found[0].name, role, gz))
            held.add(role)
    return extra


def _bid_for(seg: Segment, gz: Gazetteer, start: int, end: int) -> list[Mention]:
    """The company right after "for" where the trigger stopped ("drops $20B bid for Figma")."""
    cue = _FOR.match(seg.names, start, end)
    if cue is None:
        return []
    found = mentions(seg.names, gz, seg.casing, cue.end(), end)
    return found[:1] if found and found[0].start == cue.end() else []


def _dedupe(parties: list[Party]) -> list[Party]:
    seen: set[str] = set()
    out = []
    for p in parties:
        if p.slug not in seen:
            seen.add(p.slug)
            out.append(p)
    return out


def _candidates(seg: Segment, strong_only: bool) -> Iterator[tuple[int, int, Rule, re.Match[str]]]:
    """Every match of every rule whose cheap key occurs in the masked text."""
    active = seg.keyed
    if strong_only:
        active &= STRONG_RULES
    while active:  # the set bits, lowest first (in rule order)
        lowest = active & -active
        active ^= lowest
        index = lowest.bit_length() - 1
        rule = RULES[index]
        for match in rule.regex.finditer(seg.masked):
            yield match.start(), index, rule, match


def _match_rules(
    seg: Segment, gz: Gazetteer, strong_only: bool, with_status: bool = True
) -> Deal | None:
    """The first candidate (leftmost, then in rule order) that survives vetoes and finds its
    parties. ``with_status=False`` leaves ``status`` unset (enrichment does not read it)."""
    for _, _, rule, match in sorted(_candidates(seg, strong_only), key=lambda c: (c[0], c[1])):
        if _vetoed(seg, rule, match):
            continue
        parties = _people_out(_roles(rule, seg, gz, match), gz)
        if not parties:
            continue
        if rule.name == "possessive-deal" and _DEAL_NOUN.search(match.group(0)):
            rule, parties = _possessive_deal(rule, parties, gz)
        if (
            rule.name
            in ("possessive-licence", "name-bid", "completes-deal", "possessive-investment")
            and len({p.slug for p in parties}) < 2
        ):
            continue  # "Meta's Llama licence": the terms of its own product's licence
        if (
            rule.name == "merges"
            and _BARE_MERGE.fullmatch(match.group(0))
            and len({p.slug or p.name for p in parties}) < 2
            and len(mentions(seg.names, gz, seg.casing, match.end())) >= 2
        ):
            continue  # "Google merges Brain and DeepMind": its own units, one company
        if rule.name == "debuts-with" and not any(p.role == "target" for p in parties):
            continue  # "the company is launching with backers including …": whose launch?
        if rule.name in ("valued-at", "valuation-to") and not all(
            _private(p, gz) for p in parties if p.role == "target"
        ):
            continue  # "Nvidia valued at $5 trillion": a market value (its lead may be anyone)
        deal = _deal(rule, seg, match, tuple(parties), with_status)
        if rule.name == "signs-deal" and _GRANTS_LICENCE.match(seg.masked, match.end()):
            # "… entered into an agreement with Google to provide a non-exclusive license of
            # our LLM technology": the subject licenses, the other takes the licence
            roles = ["licensor"] + ["licensee"] * (len(deal.parties) - 1)
            parties = [replace(p, role=r) for p, r in zip(deal.parties, roles)]
            deal = replace(deal, type="licensing", parties=tuple(parties))
        return deal
    return None


_GRANTS_LICENCE = re.compile(
    r"\s+with\s+[^,;]{1,60}?\s+to\s+(?:provide|grant|give)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:licen[cs]e|rights)\b",
    re.IGNORECASE,
)


_DEAL_NOUN = re.compile(r"\bdeal$")
_PRIVATE_KINDS = frozenset(("lab", "startup"))


def _private(party: Party, gz: Gazetteer) -> bool:
    """Whether a party may be a company that raises private rounds: a startup or an AI lab
    the gazetteer knows, or a company it does not know."""
    kind = gz.kind(gz.canonical(party.name))
    return kind is None or kind in _PRIVATE_KINDS


# Companies an "X's $N Y deal" does not buy: a big platform is a partner ("Nscale's $14B
# Microsoft deal"), and so is a chipmaker or a cloud unless X is one that buys those
# ("OpenAI's $300B Oracle deal", but "Nvidia's $40B Arm deal"); an AI lab takes an investment
# ("Nvidia's $100B OpenAI deal"); a startup or software company is bought ("Google's $32B
# Wiz deal").
_INFRA_KINDS = frozenset(("chips", "cloud"))
_INFRA_BUYERS = frozenset(("bigtech", "chips"))


def _possessive_deal(rule: Rule, parties: list[Party], gz: Gazetteer) -> tuple[Rule, list[Party]]:
    """``possessive-deal`` ("X's $N Y deal") by what Y (and X) are: an acquisition of a
    startup, a partnership with a platform, chipmaker or cloud, an investment in an AI lab."""
    target = next((p for p in parties if p.role == "target"), None)
    buyer = next((p for p in parties if p.role == "acquirer"), None)
    kind = gz.kind(gz.canonical(target.name)) if target is not None else None
    buyer_kind = gz.kind(gz.canonical(buyer.name)) if buyer is not None else None
    if kind == "bigtech" or (kind in _INFRA_KINDS and buyer_kind not in _INFRA_BUYERS):
        ordered = sorted(parties, key=lambda p: p.role == "target")  # the possessor first
        return replace(rule, type="partnership"), [replace(p, role="partner") for p in ordered]
    if kind == "lab":
        roles = {"acquirer": "investor"}
        return replace(rule, type="investment"), [
            replace(p, role=roles.get(p.role, p.role)) for p in parties
        ]
    return rule, parties


_BARE_MERGE = re.compile(r"merg(?:es|ed)", re.IGNORECASE)
_PEOPLE_ROLES = frozenset(("investor", "acquirer"))  # "… from Jeff Bezos", "Musk buys X"


def _people_out(parties: list[Party] | None, gz: Gazetteer) -> list[Party] | None:
    """The parties without the people the gazetteer does not list ("Perplexity x Cristiano
    Ronaldo"), except investors and buyers: an angel or a buyer who pays is a party."""
    if not parties:
        return parties
    return [
        p
        for p in parties
        if (p.role in _PEOPLE_ROLES or gz.kind(p.name) is not None or not is_person(p.name))
        and not (p.role in _REVIEWED_ROLES and is_reviewer(p.name))
    ]


# A regulator approving, reviewing or suing is no side of the deal it reviews ("The Justice
# Department on Monday approved the acquisition of Time Warner by AT&T": AT&T buys).
_REVIEWED_ROLES = frozenset(("acquirer", "target", "seller", "investor"))
# What is invested in, in lower case (a thing, not a company), then whom it is done with
_INVESTED_WITH = re.compile(r"^\s*(?:[\w$€£¥.,'’-]+\s+){1,7}?with\s+(?:the\s+)?", re.I)


def _invested_with(after: str, parties: tuple[Party, ...]) -> bool:
    """Whether the only target of an investment is named after "with" following a thing
    invested in ("… in AI infrastructure with Fluidstack")."""
    targets = [p for p in parties if p.role == "target"]
    found = _INVESTED_WITH.match(after)
    return (
        len(targets) == 1
        and found is not None
        and after[found.end() :].lower().startswith(targets[0].name.lower())
    )


def _deal(
    rule: Rule,
    seg: Segment,
    match: re.Match[str],
    parties: tuple[Party, ...],
    with_status: bool = True,
) -> Deal:
    amount = next((f.money for f in seg.amounts if f.kind == "deal"), None)
    valuation = next((f.money for f in seg.amounts if f.kind == "valuation"), None)
    foreign = rule.lang is not None or seg.casing.lang is not None
    round_name = round_of(seg.text, foreign)
    deal_type = rule.type
    if rule.name in _SELLS and _STAKE_WORD.search(match.group(0)):
        deal_type, parties = _stake_sale(rule, seg, match, parties)
    if deal_type == "funding" and (
        _IPO.search(seg.masked) or (seg.casing.lang and INTL_IPO.search(seg.masked))
    ):
        deal_type = "ipo"
        parties = tuple(replace(p, role="issuer") for p in parties if p.role == "target")
    if deal_type == "investment" and round_name is not None:
        deal_type = "funding"
    if deal_type == "investment" and _invested_with(seg.text[match.end() :], parties):
        # "is investing $50 billion in American AI infrastructure with Fluidstack": money spent
        # on a thing, built with a partner
        deal_type = "partnership"
        parties = tuple(replace(p, role="partner", lead=False) for p in parties)
    amount, valuation = _value_roles(deal_type, amount, valuation)
    return Deal(
        type=deal_type,
        status=status_of(seg.text, deal_type, foreign) if with_status else None,
        amount=amount,
        valuation=valuation,
        round=round_name if deal_type == "funding" else None,
        parties=parties,
        evidence=seg.text[match.start() : match.end()].strip(),
        rule=rule.name,
    )


_HAS_VALUATION = frozenset(k for k, v in DEAL_KINDS.items() if v.raises_money)


def _value_roles(
    deal_type: str, amount: Money | None, valuation: Money | None
) -> tuple[Money | None, Money | None]:
    """A company valuation only belongs to funding, investment and IPO stories; elsewhere
    "valued at $4B" ("a deal valued at", "a contract the companies value at") is the deal's
    own value."""
    if deal_type in _HAS_VALUATION or valuation is None:
        return amount, valuation
    return amount or valuation, None


def _enrich(deal: Deal, other: Deal | None) -> Deal:
    """Fill facts the headline lacks from the lead sentence about the same deal."""
    if other is None or other.type != deal.type:
        return deal
    names = {p.slug for p in deal.parties}
    parties = deal.parties + tuple(
        p
        for p in other.parties
        if p.slug not in names and p.role not in {q.role for q in deal.parties}
    )
    amount, valuation = _value_roles(
        deal.type, deal.amount or other.amount, deal.valuation or other.valuation
    )
    return replace(
        deal, amount=amount, valuation=valuation, round=deal.round or other.round, parties=parties
    )


# A lead sentence about the deal itself, though it names no party ("The deal is reportedly
# worth more than $250 million", "The venture will invest 7 trillion won").
_ANAPHOR = re.compile(
    r"\b(?:the|its|this|that)\s+(?:[\w-]+\s+){0,2}?(?:deal|round|offering|ipo|listing"
    r"|venture|investment|transaction|agreement|acquisition|takeover|purchase"
    r"|sale|merger|financing|fundraise|raise|contract|partnership|float)\b"
    # "… in a strategic partnership worth more than $900 million"
    r"|\ban?\s+(?:[\w-]+\s+){0,2}?(?:deal|agreement|contract|partnership|transaction)\s+"
    r"(?:worth|valued\s+at)\b",
    re.IGNORECASE,
)
_DEAL_VALUED = re.compile(
    r"\b(?:deal|transaction|acquisition|purchase|takeover|agreement|contract|merger)\s+"
    # "the transaction values Core Scientific at approximately $9 billion": the deal's value;
    # "the deal is worth about $500 million, sources said"
    r"(?:(?:is|was|would\s+be|has\s+been|could\s+be)?\s*(?:reportedly\s+|said\s+to\s+be\s+)?"
    r"(?:valued\s+at|worth)|values\s+(?:[\w.&'’-]+\s+){1,4}?at)\s+"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+|nearly\s+|more\s+than\s+|some\s+"
    r"|up\s+to\s+)?$",
    re.IGNORECASE,
)
_PART_SOLD = re.compile(r"\b(?:stake|majority|minority)\b|\d\s?(?:%|per\s?cent|pct)", re.I)
# An offering's own sentence: "37,500,000 shares … priced at $40.00 per share, raising $1.5
# billion" (the money the listing raises, named with no party)
_SHARES_SOLD = re.compile(r"\bshares\b[^;]{0,120}?\b(?:raising|to\s+raise|raised)\b", re.I)
_PAST_RAISE = re.compile(
    r"\b(?:which|that|who|has|had|previously|already)\s+(?:\w+\s+)?raised\s+"
    r"(?:about\s+|more\s+than\s+|over\s+|nearly\s+)?$",
    re.IGNORECASE,
)


def amount_from_lead(deal: Deal, text: str, rates: Mapping[str, float] | None) -> Deal:
    """The amount of a deal whose headline states none, from the first lead sentence that
    names one of its parties and a deal amount ("Nvidia puts money into X" / "Nvidia
    invested $40 million in X, ..."), when that sentence names no other money."""
    names = [p.name.lower() for p in deal.parties]
    for sentence in lead(text)[:2]:
        if (
            not any(name in sentence.lower() for name in names)
            and not _ANAPHOR.search(sentence)
            and not (deal.type == "ipo" and _SHARES_SOLD.search(sentence))
        ):
            continue
        cleaned = clean(sentence)
        found = scan_amounts(cleaned, rates)
        money = [
            f
            for f in found
            if f.kind == "deal"
            # "the deal is valued at about $600 million": the value of the deal itself
            or (
                f.kind == "valuation"
                and deal.type not in _HAS_VALUATION
                and _DEAL_VALUED.search(cleaned[max(0, f.start - 60) : f.start])
                # "The deal values the unit at $8.75 billion; Intel will keep a 49% stake":
                # the whole is valued, a part is sold
                and not _PART_SOLD.search(cleaned)
            )
        ]
        if deal.type not in ("funding", "ipo"):  # "the startup, which raised $30M from"
            money = [
                f for f in money if not _PAST_RAISE.search(cleaned[max(0, f.start - 30) : f.start])
            ]
        if len(money) == 1:
            amount, valuation = _value_roles(deal.type, money[0].money, deal.valuation)
            return replace(deal, amount=amount, valuation=valuation)
        if found:
            return deal
    return deal


_ROUND_TALK = re.compile(
    r"\b(?:round|led|co-led|co-leads?|participat\w*|invest\w*|backers?|backed"
    r"|joined|funding|financing|rais\w+|series"
    # other languages
    r"|\w*runde|tour|levée|ronda|rodada|men[ée]e?|angeführt|lidera\w*|encabeza\w*|guidat\w*"
    r"|participa\w+|partecipa\w+|Beteiligung|inversores|investidores|investitori)\b",
    re.I,
)


_PARTNER_LIST = re.compile(r"\bpartner(?:ing|ed|s)?\s+with\s+([A-Z].*,.*\b(?:and|&)\s+[A-Z].*)")


def investors_from_lead(
    deal: Deal, text: str, gz: Gazetteer, rates: Mapping[str, float] | None
) -> Deal:
    """The investors of a funding round the lead names and the headline does not: "Accel
    led the round, with participation from GV", "a16z and ICONIQ co-led"."""
    have = {p.slug for p in deal.parties}
    parties = list(deal.parties)
    added: list[Party] = []
    for sentence in lead(text)[:3]:
        listed = _PARTNER_LIST.search(sentence)
        if not _ROUND_TALK.search(sentence) and listed is None:
            continue
        seg = segment_clean(clean(sentence), rates, text)
        found = round_investors(seg.names, gz, seg.casing)
        at = seg.names.find(listed.group(1)) if listed is not None and not found else -1
        if at >= 0:  # a round's post: "We are partnering with A16Z, Blackrock, …, and Vy"
            named = mentions(seg.names, gz, seg.casing, at)
            found = [(m.name, False) for m in named] if len(named) >= 3 else []
        for name, is_lead in found:
            if gz.kind(name) is None and is_person(name):
                continue  # "with participation from Elad Gil": an angel of the round, no party
            party = replace(_party(name, "investor", gz), lead=is_lead)
            if party.slug in have:
                continue
            have.add(party.slug)
            short = _shortened(parties, party)
            if short is None:
                added.append(party)
            else:  # the headline's "Alloy" is the lead's "Alloy Ventures"
                parties[short] = replace(party, lead=party.lead or parties[short].lead)
    if not added and parties == list(deal.parties):
        return deal
    return replace(deal, parties=tuple(parties) + tuple(added))


def _shortened(parties: list[Party], party: Party) -> int | None:
    """Where ``parties`` hold an investor the headline named by the first words of
    ``party``'s name ("Alloy" of "Alloy Ventures", "First" of "First Round Capital")."""
    words = party.name.split()
    for i, other in enumerate(parties):
        mine = other.name.split()
        if other.role == "investor" and len(mine) < len(words) and words[: len(mine)] == mine:
            return i
    return None


# What a partnership headline may stand for when its lead says so ("We're joining forces with
# Pollen Robotics": "Hugging Face has acquired Pollen Robotics").
_TOLD_KINDS = frozenset(("acquisition", "licensing"))
# "Meta's $14B Scale deal, explained": "Meta completed its 49% investment in Scale AI" (a
# headline's "X's $N Y deal" is a purchase only until the lead tells another kind)
_TOLD_KINDS_OF_DEAL = frozenset(("investment", "licensing"))
_TOLD_DEAL_WORD = re.compile(r"invest|stake|licen[cs]", re.IGNORECASE)
_TOLD_WORD = re.compile(r"acqui|licen[cs]|\bbu(?:y|ys|ying|ought)\b|purchas", re.IGNORECASE)


def _told_kind(deal: Deal, text: str, gz: Gazetteer, rates: Mapping[str, float] | None) -> Deal:
    """A partnership headline whose lead's first sentence tells an acquisition or a licence
    between the same two companies is that deal ("Cinder Labs joins forces with Wolters
    Kluwer": "Wolters Kluwer has agreed to acquire Cinder Labs")."""
    kinds = _TOLD_KINDS if deal.type == "partnership" else _TOLD_KINDS_OF_DEAL
    if not (_TOLD_WORD if deal.type == "partnership" else _TOLD_DEAL_WORD).search(text, 0, 400):
        return deal  # no word of those kinds: the lead is not segmented
    for _, seg in lead_segments(text, rates, lambda index: -1, limit=1):
        told = _match_rules(seg, gz, strong_only=False) if seg is not None else None
        if told is None or told.type not in kinds or told.type == deal.type:
            return deal
        if {p.slug for p in told.parties} != {p.slug for p in deal.parties}:
            return deal
        return replace(told, amount=told.amount or deal.amount)
    return deal


# A question headline ("Is Northwind about to buy Quill?", "Could Salesforce buy Fieldstone
# AI?") and a lead that reports the talks it asks about.
_QUESTION = re.compile(
    r"^[^\w]*(?:is|are|will|could|can|has|have|does|did)\s[^?]{3,90}\?\s*$", re.I
)
_TALKS = re.compile(
    r"\b(?:in\s+(?:advanced\s+|early\s+|exclusive\s+)?(?:talks|discussions)|held\s+(?:early\s+)?talks"
    r"|(?:has|have|had)\s+discussed|approached|people\s+(?:familiar|close|briefed|with\s+knowledge)"
    r"|(?:two|three|several|multiple)\s+(?:people|sources|persons)|sources?\s+(?:said|say|says)"
    r"|according\s+to\s+(?:a\s+|two\s+|three\s+)?(?:people|persons?|sources?|a\s+report))\b",
    re.I,
)


def _asked(title: str, text: str, gz: Gazetteer, rates: Mapping[str, float] | None) -> Deal | None:
    """The rumoured deal a question headline asks about, when the lead reports talks (the
    question is then the only non-deal cue of the headline); otherwise None."""
    if not text or not _QUESTION.match(title):
        return None
    if _blocked(segment(title.rstrip().rstrip("?") + ".", None)):
        return None  # "Is it time to buy Nvidia stock after its earnings?": other cues
    said = lead(text)
    for index, seg in lead_segments(text, rates, lambda index: STRONG_RULES if index else -1, 2):
        found = _match_rules(seg, gz, strong_only=index > 0) if seg is not None else None
        if found is not None and _TALKS.search(said[index]):
            return found if found.status != "announced" else replace(found, status="rumoured")
    return None


# A sentence that tells money or a raise of its own: another round, not this one's investors.
_OTHER_ROUND = re.compile(r"[$€£¥₹§]|\b(?:rais\w*|round|funding|valu\w+)\b", re.IGNORECASE)


def _blocked(seg: Segment) -> bool:
    return seg.hard_cue or bool(seg.cues)


def headline_hard_blocked(title: str) -> bool:
    """Whether a headline carries a non-deal cue that holds wherever it is ("How X uses …",
    a lawsuit, a prize): no rewording of it is read as a deal."""
    return bool(title.strip()) and segment(title, None).hard_cue


def headline_blocked(title: str) -> bool:
    """Whether the headline carries a non-deal cue (lawsuit, earnings, launch, ...)."""
    return bool(title.strip()) and _blocked(segment(title, None))


def rules_and_block(
    title: str,
    text: str,
    gz: Gazetteer,
    rates: Mapping[str, float] | None,
    title_case: bool | None = None,
) -> tuple[Deal | None, bool]:
    """The rules' deal, and whether a headline without a deal carries a non-deal cue (then
    the body is not read and the deal is None) or the body tells a deal only as background
    (``_background``, an IPO under a headline about the stock). ``title_case``: whether the
    headline is Title Case, when known from elsewhere (a digest item is, when its digest is)."""
    text = after_headline(title, text)
    head = segment(title, rates, text, title_case) if title.strip() else None
    deal = _match_rules(head, gz, strong_only=False) if head else None
    if head is not None and deal is None and (_blocked(head) or EXPLAINER.search(title)):
        asked = _asked(title, text, gz, rates)
        if asked is not None:
            return asked, False
        return None, True  # a non-deal headline: the body is not read
    if deal is not None:
        enrichers = ENRICHERS.get(deal.type, 0)
        for _, seg in lead_segments(text, rates, lambda index: enrichers, limit=2):
            if seg is not None:
                deal = _enrich(deal, _match_rules(seg, gz, strong_only=True, with_status=False))
        if deal.type == "funding" and text and not any(p.role == "target" for p in deal.parties):
            # "This startup just raised $100 million. Investors include Nvidia": who raised
            # it is in the lead ("Cadenza Robotics' Series A was led by Founders Fund")
            for _, seg in lead_segments(text, rates, lambda index: -1, limit=2):
                told = _match_rules(seg, gz, strong_only=False) if seg is not None else None
                if told is not None and told.type == "funding":
                    deal = _enrich(deal, told)
                    break
        if deal.amount is None and text:
            deal = amount_from_lead(deal, text, rates)
        if deal.type == "funding" and (text or ". " in title):
            # a headline of several sentences (Axios Pro Rata's "… raised $35M in Series B
            # funding. Oak HC/FT led.") tells its investors after the first
            more = " ".join(lead(title)[1:]).rstrip(". ")
            deal = investors_from_lead(deal, f"{more}. {text}" if more else text, gz, rates)
        if text and (deal.type == "partnership" or deal.rule == "possessive-deal"):
            deal = _told_kind(deal, text, gz, rates)
        return deal, False
    past = False
    for index, seg in lead_segments(text, rates, lambda index: STRONG_RULES if index else -1):
        found = _match_rules(seg, gz, strong_only=index > 0) if seg is not None else None
        if found is not None and seg is not None and background_deal(seg.text, found.evidence):
            past = True  # "Verizon, which acquired Yahoo in 2017, …" under a story on email
            continue
        if found is not None and seg is not None and _cut_off(text, seg.text, found.evidence):
            continue  # "… runs in Hadoop JV" (JVM, cut): the last word of a cut excerpt
        if found is not None and found.type == "ipo" and _STOCK_TALK.search(title):
            past = True  # "Slack Stock Has a Compelling Story": the shares, not the listing
            continue
        if found is not None and found.type == "funding":
            # a round the body tells: its investors in the sentences from there ("… raised $27
            # million in Series A funding. Insight Partners led, joined by Bessemer.")
            said = lead(text)[index : index + 3]
            stop = next(
                (n for n, line in enumerate(said[1:], 1) if _OTHER_ROUND.search(line)), None
            )
            found = investors_from_lead(found, " ".join(said[:stop]), gz, rates)
        if found is not None:
            return _title_amount(found, head), False
    return None, past  # a deal told only as the past: nor is the model to add one


def _title_amount(deal: Deal, head: Segment | None) -> Deal:
    """A deal the body told, with no amount of its own, takes the one deal amount of a
    headline that names no deal by the rules ("Wolds AI agrees £500m sale to American buyer":
    "Wolds AI will be bought by Tennant Group")."""
    if deal.amount is not None or head is None:
        return deal
    money = [f.money for f in head.amounts if f.kind == "deal"]
    if len(money) != 1:
        return deal
    return replace(deal, amount=money[0])


# A deal the body tells as the past of a story about something else: in a time clause
# ("after its acquisition of Fox's stake", "since its merger with"), dated as past ("last
# month", "years ago"), or in a relative clause with a year ("Verizon, which acquired Yahoo in
# 2017, will …"; a year alone is no past: a wire's lead dates its own news).
_BACKGROUND_BEFORE = re.compile(
    r"\b(?:after|following|since)\s+(?:(?:its|their|the|his|her)\s+)?(?:[\w'’-]+\s+){0,2}?$"
    r"|\b(?:last\s+(?:year|month|decade)|years?\s+ago)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?:which|who)\s+(?:(?:already|previously|earlier|once)\s+)?$", re.I)
# (not past a clause of its own: "filed for an IPO, reporting $410 million of revenue last year")
_BACKGROUND_AFTER = re.compile(
    r"(?:(?!,\s+\w+ing\b)[^.;:!?]){0,50}?\b(?:years?\s+ago|last\s+(?:year|month|decade))\b",
    re.IGNORECASE,
)
_DATED = re.compile(r"[^.;:!?]{0,50}?\b(?:in|back\s+in)\s+(?:19|20)\d\d\b", re.IGNORECASE)
# A deal done, dated: "bought WhatsApp for $19 billion in 2014", "acquisition of Activision
# closed in 2023" (not a plan: "plans to go public in 2027")
# (passive too: "Amble was acquired by Brisa in 2023")
_DONE = re.compile(r"(?:ed|bought|sold|took\s+over|went\s+public|ed\s+by)$", re.IGNORECASE)
_DONE_AFTER = re.compile(
    r"[^.;:!?]{0,40}?\b(?:closed|completed|finali[sz]ed|was\s+(?:completed|announced|done))\s+"
    r"(?:in|back\s+in)\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
# A company's money so far, not a round: "Orsk has raised $300 million from investors including
# SoftBank", "… has raised $90M to date"; a portfolio: "has invested in dozens of startups"
_SO_FAR_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:now\s+|so\s+far\s+|already\s+)?$", re.I)
_SO_FAR_AFTER = re.compile(
    r"[^.;:!?]{0,40}?\b(?:to\s+date|in\s+total|so\s+far|since\s+(?:its\s+)?(?:founding|launch"
    r"|inception)|from\s+(?:investors|backers)\s+(?:including|such\s+as|like))\b"
    r"|\s*(?:dozens|scores|hundreds|many|several|a\s+number|\d+)\s+(?:of\s+)?(?:other\s+)?"
    r"(?:startups|companies|firms)\b",
    re.IGNORECASE,
)
# A headline about a listed company's stock ("Is Zephyr Stock a Buy?", "Tallow Shares Have
# Room to Run"): an IPO its body recalls is not the story.
_STOCK_TALK = re.compile(r"\b(?:stocks?|shares?|shareholders?)\b", re.IGNORECASE)


def _cut_off(text: str, sentence: str, evidence: str) -> bool:
    """Whether ``evidence`` is the last word of an excerpt cut off mid-sentence (a long
    summary that ends in a letter, not a stop): that word may be half of another."""
    end = text.rstrip()
    return (
        len(end) >= 200
        and end[-1:].isalnum()
        and sentence.rstrip().endswith(evidence)
        and " " not in evidence
    )


def background_deal(sentence: str, evidence: str) -> bool:
    """Whether the body's deal phrase ``evidence`` is told as background (``_BACKGROUND_*``)."""
    at = sentence.find(evidence) if evidence else -1
    if at < 0:
        return False
    before = sentence[max(0, at - 80) : at]
    after = at + len(evidence)
    return bool(
        _BACKGROUND_BEFORE.search(before)
        or _BACKGROUND_AFTER.match(sentence, after)
        or (_RELATIVE.search(before) and _DATED.match(sentence, after))
        or (_DONE.search(evidence) is not None and _DATED.match(sentence, after) is not None)
        or _DONE_AFTER.match(sentence, after) is not None
        or (_SO_FAR_BEFORE.search(before) is not None and _SO_FAR_AFTER.match(sentence, after))
    )


def classify_rules(
    title: str,
    text: str = "",
    *,
    gazetteer: Gazetteer | None = None,
    rates: Mapping[str, float] | None = None,
) -> Deal | None:
    """The deal the rules find in a story, or None (no model involved)."""
    gz = gazetteer if gazetteer is not None else load_gazetteer()
    return rules_and_block(title, text, gz, rates)[0]
