"""Sentences as the rules read them: cleaned, money masked, keyed to the rules they may fire.

A *segment* is one cleaned sentence (headline or lead sentence) with its money phrases
masked, its capitalisation mode and the bit set of the rules whose cheap keys occur in it.
Rules whose key is absent cannot match, so a lead sentence keyed for no relevant rule is
never segmented at all (the main saving on long summaries).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from types import MappingProxyType

from ._amounts import Found, scan_amounts
from ._lexicon import language, may_be_foreign
from ._parties import Casing, is_caps, is_title, proper_words
from ._patterns import HARD_NON_DEAL, NON_DEAL, RULES, no_deal_event
from ._patterns_intl import INTL_HARD_NON_DEAL, INTL_NON_DEAL
from ._trigger import Rule

_MASK = {"deal": "§", "valuation": "¤", "other": "¦"}
# (an accelerator's batch after a name is no name either: "Tessaron (YC W24) raises …")
_EXCHANGE = (
    r"(?i:NASDAQ(?:\s+GS|\s+GM)?|NYSE(?:\s+American|\s+Arca)?|LSE|AIM|TSXV?|TSX-V|ASX|CSE|OTC(?:QX|QB)?"
    r"|Euronext(?:\s+[A-Z][a-z]+)?|XETRA|SIX|NSE|BSE|HKEX|SGX|KRX|KOSDAQ|TASE|TYO|TSE)"
)
_TICKER = re.compile(
    r"<[A-Z0-9.]{1,8}>|\((?:NASDAQ|NYSE|LSE|TSX)?:?\s?[A-Z.]{1,6}\)"
    # "(Nasdaq: VREO)", "(NYSE: IBM; TSX: IBM)", "(OTCQX: ABCD)"
    rf"|\({_EXCHANGE}\s?:\s?[A-Z0-9.]{{1,7}}(?:\s?[;,]\s?{_EXCHANGE}\s?:\s?[A-Z0-9.]{{1,7}})*\)"
    r"|\((?:YC|Y\s?Combinator)\s+[WSFX]\d{2}\)"
)
# A sentence ends at ". ", "! " or "? " before a capital, but not after an initial ("J.P.
# Morgan", "T. Rowe Price") or a common abbreviation ("Inc.", "Corp.", "Co.", "St.").
_SENTENCE = re.compile(
    r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\bInc\.)(?<!\bCorp\.)(?<!\bCo\.)(?<!\bSt\.)(?<!\bMr\.)"
    # (a newsletter's next item may open with an emoji: "… in Scale AI. 🧠 Why …")
    r"(?<!\bMs\.)(?<!\bDr\.)(?<!\bNo\.)(?<!\bvs\.)\s+(?=[A-ZÀ-ÖØ-Þ\"“\u2600-\u27bf\U0001f000-\U0001faff])"
)


# Each distinct rule key with the bit set of the rules that list it: a text's keys are
# looked up once, not once per rule.
KEY_RULES: tuple[tuple[str, int], ...] = tuple(
    (key, sum(1 << index for index, rule in enumerate(RULES) if key in rule.keys))
    for key in sorted({key for rule in RULES for key in rule.keys})
)


STRONG_RULES = sum(1 << index for index, rule in enumerate(RULES) if rule.strong)
# The rules of other languages (``_patterns_intl``), and the keys only they list.
INTL_BITS = sum(1 << index for index, rule in enumerate(RULES) if rule.lang is not None)
_ENGLISH_KEYS = frozenset(key for rule in RULES if rule.lang is None for key in rule.keys)
_KEYS_EN = tuple((key, bits) for key, bits in KEY_RULES if key in _ENGLISH_KEYS)
_KEYS_INTL = tuple((key, bits) for key, bits in KEY_RULES if key not in _ENGLISH_KEYS)


_Keys = tuple[tuple[str, int], ...]


def _by_trigram(keys: _Keys) -> tuple[_Keys, dict[str, _Keys]]:
    """The keys shorter than three characters, and the others by their first three: a key can
    occur only where its first three characters do, so a text asks only the keys whose first
    three characters it holds (one set intersection instead of a test per key)."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for key, bits in keys:
        if len(key) >= 3:
            groups.setdefault(key[:3], []).append((key, bits))
    short = tuple((key, bits) for key, bits in keys if len(key) < 3)
    return short, {gram: tuple(group) for gram, group in groups.items()}


_SHORT_EN, _TRIGRAMS_EN = _by_trigram(_KEYS_EN)
_SHORT_INTL, _TRIGRAMS_INTL = _by_trigram(_KEYS_INTL)


def _keyed(low: str, grams: set[str], short: _Keys, by_gram: dict[str, _Keys]) -> int:
    active = 0
    for key, bits in short:
        if key in low:
            active |= bits
    for gram in grams.intersection(by_gram):
        for key, bits in by_gram[gram]:
            if key in low:
                active |= bits
    return active


def keyed_rules(low: str) -> int:
    """The bit set of the rules one of whose keys occurs in ``low`` (lower-cased text); a
    rule of another language only when ``may_be_foreign(low)`` (an English sentence is not
    searched for their keys). Masking money only removes text, so the rules keyed in a
    cleaned sentence include those keyed in its masked form: no key there means no
    candidate."""
    grams = {low[i : i + 3] for i in range(len(low) - 2)}
    active = _keyed(low, grams, _SHORT_EN, _TRIGRAMS_EN)
    if not may_be_foreign(low):
        return active & ~INTL_BITS
    return active | _keyed(low, grams, _SHORT_INTL, _TRIGRAMS_INTL)


def rekeyed(low: str, keyed: int) -> int:
    """``keyed_rules(low)`` for a masked text whose cleaned form keyed ``keyed``: only the
    keys of those rules can occur in it."""
    active = 0
    for key, bits in KEY_RULES if keyed & INTL_BITS else _KEYS_EN:
        if bits & keyed and key in low:
            active |= bits
    return active & keyed


@dataclass(frozen=True)
class Segment:
    text: str  # cleaned
    masked: str  # money phrases masked
    names: str  # money phrases blanked out: where company names are looked for
    amounts: tuple[Found, ...]
    casing: Casing
    keyed: int  # bit set of the rules one of whose keys occurs in ``masked``

    @cached_property
    def hard_cue(self) -> bool:
        """A phrase that blocks every deal (lawsuit, fine, loan, buyback, ...); in a sentence
        of another language, also that language's words for them."""
        return _hard_cue(self.masked, self.casing.lang is not None)

    @cached_property
    def cues(self) -> tuple[tuple[int, str], ...]:
        """The non-deal phrases (start, text), computed once for all candidate rules."""
        found = [(m.start(), m.group(0)) for m in NON_DEAL.finditer(self.masked)]
        if self.casing.lang is not None:
            found += [(m.start(), m.group(0)) for m in INTL_NON_DEAL.finditer(self.masked)]
            found.sort()
        return tuple(found)


@lru_cache(maxsize=4096)  # the same sentence is segmented again for the title and the model
def _hard_cue(masked: str, foreign: bool) -> bool:
    """``Segment.hard_cue`` of a masked text, in a sentence of another language or not."""
    if HARD_NON_DEAL.search(masked) is not None or no_deal_event(masked):
        return True
    return foreign and INTL_HARD_NON_DEAL.search(masked) is not None


# (a character every match holds, pattern, replacement), applied in order.
# A wire's or a release service's kicker before the headline: "UPDATE 2-", "REFILE-",
# "EXCLUSIVE-", "Photo Release -- ", "PRESS RELEASE: " (the headline's first word follows)
_KICKER = re.compile(
    r"^(?:(?:(?:UPDATE|REFILE|CORRECTED|CORRECTION|RPT|WRAPUP|EXCLUSIVE|BRIEF|INSIGHT|ANALYSIS"
    r"|FACTBOX|PREVIEW|BUZZ|DEALTALK|TIMELINE)(?:\s\d{1,2})?-(?=[A-Z\d\W]))"
    r"|(?i:photo\s+release|press\s+release|news\s+release)\s*(?:--?|:|–|—)\s*)+"
)
# What a release service or an aggregator writes around the story, which names no party:
# a wire's dateline ("PITTSBURGH, March 3, 2027 /PRNewswire/ --", "BOSTON--(BUSINESS
# WIRE)--", "DENVER, CO / ACCESSWIRE / March 30, 2027 /"), Hacker News' "Article URL: …
# Comments URL: … Points: 12 # Comments: 3" and Reddit's "submitted by /u/x [link] [comments]"
_WIRE = (
    r"(?:/\s*(?:PRNewswire(?:-PRWeb|-FirstCall)?|EINPresswire\.com|CNW|PRWeb)\s*/"
    r"|\(\s*(?:BUSINESS\s+WIRE|GLOBE\s+NEWSWIRE|ACCESSWIRE|ACCESS\s+Newswire|Newsfile\s+Corp\.?"
    r"|Marketwired|PRWEB|PRNewswire|EQS-News)\s*\)"
    r"|/\s*ACCESSWIRE\s*/(?:\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*/?)?)"
)
_BOILERPLATE = re.compile(
    rf"^\s*[^\n]{{0,120}}?{_WIRE}\s*(?:--|—|–)?\s*"
    r"|\bArticle\s+URL:\s*\S+|\bComments\s+URL:\s*\S+|\bPoints:\s*\d+|#\s*Comments:\s*\d+"
    r"|\bsubmitted\s+by\s+/?u/\S+(?:\s+\[link\])?(?:\s+\[comments\])?"
    # an accelerator's batch after a name: "Tandem Labs (YC S25) is joining OpenAI"
    r"|\s*\((?:YC|Y\s+Combinator)\s+[SWFX]\d{2}\)"
)
_BOILERPLATE_MARKS = ("WIRE", "wire", "/", "URL:", "submitted by", "(YC", "(Y Combinator")


def without_boilerplate(text: str) -> str:
    """``text`` without a wire's dateline or an aggregator's link lines (``_BOILERPLATE``)."""
    if not any(mark in text for mark in _BOILERPLATE_MARKS):
        return text
    return _BOILERPLATE.sub(" ", text).strip()


_CLEANUPS = (
    ("", _KICKER, ""),
    ("<", re.compile(r"<([^<>]{1,80})>"), r"\1"),  # Reuters <Company Name>
    ("'", re.compile(r"\s+('(?:s\b|(?=\s)))"), r"\1"),  # tokenised "Vodafone 's"
    ("", re.compile(r"\s+([,.;:!?)])"), r"\1"),
    ("(", re.compile(r"([(])\s+"), r"\1"),
    # "the UK government", "Australian government": the government of a named country
    ("government", re.compile(r"\b([A-Z][\w.]*\s)government\b"), r"\1Government"),
)
# French and Italian elision before a name: "auprès d'ASML" -> "auprès d' ASML", so the name
# is a word of its own ("L'Oréal", with its capital, stays whole); only in a sentence of one of
# those languages ("Cie Francaise d'Electro Chimie" in an English story stays as written).
_ELISION = re.compile(r"(?<![\w'])(d|l|qu|jusqu|lorsqu|dell|all|dall|nell|sull|un)'(?=[A-ZÀ-ÖØ-Þ])")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def clean(text: str) -> str:
    """Tickers and Reuters <Name> brackets removed, quotes straightened, spacing normalised.
    Each substitution runs only when its trigger character is present."""
    if "<" in text or "(" in text:
        text = _TICKER.sub(" ", text)
    text = text.translate(_QUOTES)
    for needed, pattern, replacement in _CLEANUPS:
        if needed in text:
            text = pattern.sub(replacement, text)
    return " ".join(text.split())  # whitespace runs -> one space, ends stripped


def proper(body: str) -> frozenset[str] | None:
    """Words a mixed-case body writes capitalised; None without enough body to tell."""
    if not body or is_caps(body):
        return None
    words = proper_words(clean(body))
    return words if len(words) >= 4 else None  # too little text to learn capitalisation


def segment(
    text: str, rates: Mapping[str, float] | None, body: str = "", title_case: bool | None = None
) -> Segment:
    """``body``: the story text, read for capitalisation (which words are names);
    ``title_case``: whether ``text`` is Title Case, when known (else judged from it)."""
    return segment_clean(clean(text), rates, body, title_case=title_case)


def after_headline(title: str, body: str) -> str:
    """The body without the headline it starts with (many feeds repeat the title as the
    summary: read again, the headline would confirm its own capitals)."""
    if not body or body.lstrip()[:12] != title.lstrip()[:12]:
        return body  # the cheap test: most bodies start otherwise
    head = clean(title)
    if head and clean(body[: len(title) + 40]).startswith(head):
        rest = clean(body)[len(head) :].lstrip(" .:-–—")
        return rest
    return body


def segment_clean(
    cleaned: str,
    rates: Mapping[str, float] | None,
    body: str = "",
    keyed: int | None = None,
    title_case: bool | None = None,
) -> Segment:
    """``keyed``: ``keyed_rules`` of ``cleaned`` when already known (reused without money);
    ``body``: the story body (for capitals: ``Casing``)."""
    lang = language(cleaned)
    if lang == "ro" and "'" in cleaned:
        cleaned = _ELISION.sub(r"\1' ", cleaned)
    found = tuple(scan_amounts(cleaned, rates))
    chars = list(cleaned)
    for f in found:
        chars[f.start : f.end] = _MASK[f.kind] * (f.end - f.start)
    blank = list(cleaned)
    for f in found:
        blank[f.start : f.end] = " " * (f.end - f.start)
    caps = is_caps(cleaned)
    masked = "".join(chars)
    if keyed is None:
        keyed = keyed_rules(masked.lower())
    elif found:
        keyed = rekeyed(masked.lower(), keyed)
    casing = Casing(
        caps,
        proper(body) if caps else None,
        # German capitalises every noun: a German sentence is never Title Case
        title=not caps
        and lang != "de"
        and (is_title(cleaned) if title_case is None else title_case),
        body=body,
        lang=lang,
    )
    return Segment(cleaned, masked, "".join(blank), found, casing, keyed)


def yields(rule: Rule) -> tuple[str, ...]:
    """The deal types a rule can produce (see ``_deal``: funding in an IPO story is an IPO,
    an investment naming a round is funding)."""
    return rule.type, *{"funding": ("ipo",), "investment": ("funding",)}.get(rule.type, ())


# For each deal type, the strong rules that can produce it: a lead sentence keyed for none
# of them cannot enrich a headline deal of that type.
ENRICHERS: Mapping[str, int] = MappingProxyType(
    {
        deal_type: sum(
            1 << index
            for index, rule in enumerate(RULES)
            if rule.strong and deal_type in yields(rule)
        )
        for deal_type in {t for rule in RULES for t in yields(rule)}
    }
)


def lead(text: str, limit: int = 3) -> list[str]:
    """The first ``limit`` sentences of the cleaned text (its first 1,200 characters)."""
    sentences = _SENTENCE.split(clean(text)[:1200])
    return [s for s in sentences[:limit] if s]


def lead_segments(
    text: str, rates: Mapping[str, float] | None, wanted: Callable[[int], int], limit: int = 3
) -> Iterator[tuple[int, Segment | None]]:
    """The lead sentences of ``text`` with their index, segmented only as they are read and
    only when a rule in ``wanted(index)`` is keyed in them (else None: no rule can fire)."""
    for index, sentence in enumerate(lead(text)[:limit] if text else []):
        cleaned = clean(sentence)
        keyed = keyed_rules(cleaned.lower())
        if keyed & wanted(index):
            yield index, segment_clean(cleaned, rates, text, keyed=keyed)
        else:
            yield index, None
