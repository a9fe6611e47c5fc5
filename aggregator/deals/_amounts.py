"""Money phrases: "$4B", "up to €1.5 billion", "15.5 mln dlrs", "between $1B and $2B".

``scan_amounts`` finds every money phrase with its position and a *kind*:
``deal`` (the amount of a transaction), ``valuation`` ("at a $5B valuation") or
``other`` (revenue, market cap, fines, per-share prices, ...).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..models import CURRENCY_RATES, Money

# Approximate units of USD per one unit of each currency (override with ``rates``).
DEFAULT_RATES: Mapping[str, float] = CURRENCY_RATES

_PREFIX_CODES: Mapping[str, str] = {
    "$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "hk$": "HKD",
    "s$": "SGD",
    "nz$": "NZD",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "rs": "INR",
    "rs.": "INR",
    "sfr": "CHF",
    "sfr.": "CHF",
    "stg": "GBP",
    "pound(s)": "GBP",
    "dollars": "USD",
    "dollar": "USD",
    "pounds": "GBP",
    "pound": "GBP",
    "euros": "EUR",
    "euro": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "rmb": "CNY",
}
_WORD_CODES: Mapping[str, str] = {
    "dlr": "USD",
    "dlrs": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "u.s. dollars": "USD",
    "us dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "stg": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "won": "KRW",
    "swiss francs": "CHF",
    "francs": "CHF",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "hong kong dollars": "HKD",
    "€": "EUR",
    "£": "GBP",
}
_ISO = "USD|EUR|GBP|JPY|CNY|INR|CHF|CAD|AUD|HKD|SGD|KRW|SEK|NOK|DKK|BRL|NZD|ILS|AED|SAR"
_SCALES: Mapping[str, float] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mio": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
_NUMBER_WORDS: Mapping[str, float] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "fifty": 50,
    "hundred": 100,
    "a": 1,
    "an": 1,
}
_QUALIFIERS: Mapping[str, str] = {
    "up to": "up to",
    "as much as": "up to",
    "as many as": "up to",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "approx": "about",
    "some": "about",
    "circa": "about",
    "an estimated": "about",
    "roughly": "roughly",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "more than": "more than",
    "in excess of": "more than",
    "north of": "more than",
    "above": "more than",
    "over": "over",
    "just over": "over",
    "at least": "at least",
    "less than": "less than",
    "under": "less than",
    "below": "less than",
    "just under": "less than",
    "~": "about",
    "between": "between",
}

_PREFIX = (
    r"(?:US\s?\$|U\.S\.\s?\$|CA?\$|AU?\$|HK\$|S\$|NZ\$|R\$|\$|€|£|¥|₹|₩|Rs\.?(?=\s?\d)"
    r"|SFr\.?|Stg|pound\(s\)|dollars?|pounds?|euros?|yen|yuan|RMB|" + _ISO + r")"
)
_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|twelve|fifteen|twenty|fifty|hundred)"
)
_SCALE = (
    r"(?:[\s-]?(?:thousand|million|mln|mio|mn|billion|bln|bn|trillion|trn|tn|crores?|lakhs?)"
    r"|(?:k|m|b|t)(?![\w$]))"
)
_SUFFIX = (
    r"(?:u\.s\.\s+dollars|us\s+dollars|canadian\s+dollars|australian\s+dollars"
    r"|hong\s+kong\s+dollars|swiss\s+francs|pounds\s+sterling|dlrs?|dollars?|euros?"
    r"|pounds?|sterling|stg|yen|yuan|renminbi|rmb|rupees?|won|francs|€|£|" + _ISO + r")"
)
_QUAL = (
    r"(?:up\s+to|as\s+m(?:uch|any)\s+as|about|around|approximately|approx\.?|some|circa"
    r"|an\s+estimated|roughly|nearly|almost|close\s+to|more\s+than|in\s+excess\s+of"
    r"|north\s+of|above|just\s+over|over|at\s+least|less\s+than|just\s+under|under"
    r"|below|between|~)"
)
_SEP = r"\s*(?:-|–|—|to|and)\s*"

MONEY_RE = re.compile(
    r"(?=[\w$€£¥₹₩~])"  # every phrase starts so: lets the scan skip spaces and punctuation
    rf"(?:(?P<qual>{_QUAL})\s*)?"
    rf"(?:(?P<cp>{_PREFIX})\s?(?P<n1>{_NUM})(?P<s1>{_SCALE})?"
    rf"(?:(?P<sep>{_SEP})(?:{_PREFIX})?\s?(?P<n2>{_NUM})(?P<s2>{_SCALE})?)?"
    rf"|(?P<m1>{_NUM})(?P<t1>{_SCALE})?(?:(?P<sepb>{_SEP})(?P<m2>{_NUM}))?"
    rf"(?P<t2>{_SCALE})?[\s-]?(?P<cs>{_SUFFIX}))"
    r"(?![\w])",
    re.IGNORECASE,
)

_VALUATION_BEFORE = re.compile(
    r"(?:valued\s+(?:it\s+)?at|valuing\s+[\w\s.,'’&-]{0,40}?\bat|valuation\s+(?:of|at|to)"
    r"|(?:post|pre)[- ]money(?:\s+valuation)?(?:\s+of)?|values?\s+[\w\s.'’&-]{0,30}?\bat"
    r"|market\s+value\s+of|now\s+worth|be\s+worth|is\s+worth|was\s+worth)\s*$",
)
_VALUATION_AFTER = re.compile(r"^[\s-]*(?:post-money\s+|pre-money\s+)?valu(?:ation|ed)\b")
_OTHER_BEFORE = re.compile(
    r"(?:revenues?|sales|run[- ]rate|profits?|loss(?:es)?|earnings|income|market\s+(?:cap\w*|value)"
    r"|capex|capital\s+(?:spending|expenditures?)|spend(?:ing)?|budget|debt|fined?|fines|penalty"
    r"|settlement|settle|salary|pay\s+package|bonus|buy-?back|repurchase|dividend|wiping"
    r"|wiped|erased|lost|adds?|added|shed|forecast|guidance|outlook|price\s+(?:band|range)"
    r"|priced|per\s+share)"
    r"(?:\s+(?:fixed|set|of|to|at|by|reaches|reached|hits?|tops|topped|surpass\w*|exceed\w*|from|rose"
    r"|fell|climbs?|jumps?|grew|totall?ed|was|is|nearly|some))*\s*$",
)
_OTHER_AFTER = re.compile(
    r"^\s*(?:(?:a|per)\s+share|in\s+(?:annual\w*\s+|quarterly\s+|recurring\s+)?(?:revenue|sales"
    r"|profit|losses|market\s+value|market\s+cap\w*|capex|capital\s+spending)|(?:of\s+|in\s+)?"
    r"(?:annual\w*\s+)?(?:revenue|run-rate|ARR|sales|profit|net\s+income|loss|market\s+cap\w*"
    r"|capex|buyback|share\s+buyback|share\s+repurchase|fine|penalty|settlement|dividend)\b)",
    re.IGNORECASE,
)


_ROUND_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:round|funding|financing|fundraise|close)\b", re.IGNORECASE
)
_SPACES = re.compile(r"\s+")
_ANY_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen"
    r"|twenty|fifty|hundred)\b",
    re.IGNORECASE,
)


# A money phrase names a currency: one of these occurs (lower case) in any text it matches.
# Texts holding none skip the MONEY_RE scan. Characters that IGNORECASE folds onto an ASCII
# letter ("ſ" ~ s, "K" ~ k, "ı"/"İ" ~ i) disable the shortcut.
_CURRENCY_WORDS = (
    "$",
    "€",
    "£",
    "¥",
    "₹",
    "₩",
    "sfr",
    "stg",
    "pound",
    "dollar",
    "dlr",
    "euro",
    "yen",
    "yuan",
    "rmb",
    "renminbi",
    "rupee",
    "won",
    "franc",
    "sterling",
    *_ISO.lower().split("|"),
)
_RUPEES = re.compile(r"rs\.?\s?\d")  # "Rs 500 crore"
_FOLDED = ("\u017f", "\u212a", "\u0131", "\u0130")


def _may_hold_money(text: str) -> bool:
    if not _ANY_NUMBER.search(text):
        return False
    if not text.isascii() and any(c in text for c in _FOLDED):
        return True
    low = text.lower()
    return any(w in low for w in _CURRENCY_WORDS) or _RUPEES.search(low) is not None


@dataclass(frozen=True)
class Found:
    """One money phrase in a text."""

    money: Money
    start: int
    end: int
    kind: str  # deal | valuation | other


def _number(token: str) -> float:
    low = token.lower()
    if low in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[low])
    return float(token.replace(",", ""))


def _scale(token: str | None) -> float:
    if not token:
        return 1.0
    return _SCALES[token.strip(" -").lower()]


def _currency(match: re.Match[str]) -> str:
    if match.group("cp"):
        key = _SPACES.sub("", match.group("cp").lower())
        return _PREFIX_CODES.get(key, key.upper())
    key = _SPACES.sub(" ", match.group("cs").lower())
    return _WORD_CODES.get(key, key.upper())


def _values(match: re.Match[str]) -> tuple[float, float | None, bool]:
    """(low, high, plausible) of a matched phrase."""
    prefix = bool(match.group("cp"))
    n1, s1 = match.group("n1" if prefix else "m1"), match.group("s1" if prefix else "t1")
    n2, s2 = match.group("n2" if prefix else "m2"), match.group("s2" if prefix else "t2")
    has_digit = n1[0].isdigit()
    if not has_digit and not (s1 or s2):
        return 0.0, None, False  # "some dollars", "one dollar"
    if n2 is None:
        return _number(n1) * _scale(s1 or s2), None, True
    high = _number(n2) * _scale(s2 or s1)
    low = _number(n1) * _scale(s1 or s2)
    return low, high, high > low


def _kind(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 60) : start].lower()
    after = text[end : end + 40]
    if _VALUATION_AFTER.search(after.lower()) or _VALUATION_BEFORE.search(before):
        return "valuation"
    if _OTHER_AFTER.search(after):
        return "other"
    if _OTHER_BEFORE.search(before) and not _ROUND_AFTER.search(after):
        return "other"  # "adds $2B in value", not "adds $100M to its round"
    return "deal"


def _money(match: re.Match[str], rates: Mapping[str, float]) -> Money | None:
    low, high, ok = _values(match)
    if not ok or low <= 0:
        return None
    currency = _currency(match)
    qual = match.group("qual")
    qualifier = _QUALIFIERS.get(_SPACES.sub(" ", qual.lower())) if qual else None
    if qualifier == "between" and high is None:
        return None
    rate = rates.get(currency)
    usd = None if rate is None else (high if qualifier == "up to" and high else low) * rate
    return Money(
        value=low,
        currency=currency,
        qualifier=None if qualifier == "between" else qualifier,
        high=high,
        usd=usd,
        text=match.group(0).strip(),
    )


def scan_amounts(text: str, rates: Mapping[str, float] | None = None) -> list[Found]:
    """Every money phrase in ``text`` with position and kind, left to right."""
    table = DEFAULT_RATES if rates is None else {**DEFAULT_RATES, **rates}
    found: list[Found] = []
    if not _may_hold_money(text):
        return _fractions(text, table) if _FRACTION_KEY.search(text) else found
    pos = 0
    while (match := MONEY_RE.search(text, pos)) is not None:
        pos = match.end()
        sep = match.group("sep") or match.group("sepb")
        qual = (match.group("qual") or "").lower()
        if sep and sep.strip().lower() == "and" and qual != "between":
            # "$1B and $2B" without "between": two amounts; keep only the first here.
            cut = match.start("sep") if match.group("sep") else match.start("sepb")
            trimmed = MONEY_RE.match(text[:cut], match.start())
            pos = cut
            if trimmed is None or trimmed.end() != cut:
                continue
            match = trimmed
        money = _money(match, table)
        if money is not None:
            start, end = match.span()
            kind = _kind(text, start, end)
            if (
                kind == "deal"
                and money.value < 1000
                and not (
                    match.group("s1") or match.group("s2") or match.group("t1") or match.group("t2")
                )
            ):
                kind = "other"  # "$1 Service", "prices IPO at $31": a price
            found.append(Found(money, start, end, kind))
    if _FRACTION_KEY.search(text):
        found = sorted(found + _fractions(text, table), key=lambda f: f.start)
    return found


# "a quarter of a billion euros", "half a billion dollars", "half-billion-euro"
_FRACTION_KEY = re.compile(r"\b(?:quarter|half|third)\b", re.IGNORECASE)
_FRACTION = re.compile(
    r"\b(?:(?:a|one)\s+)?(?P<f>quarter|half|third)(?:\s+of)?[\s-]+(?:a[\s-]+)?(?P<s>million|billion"
    r"|trillion)[\s-]+(?P<c>dollars?|euros?|pounds?|yen|yuan)\b",
    re.IGNORECASE,
)
_FRACTIONS = {"quarter": 0.25, "half": 0.5, "third": 1 / 3}
_FRACTION_CURRENCY = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY"}


def _fractions(text: str, table: Mapping[str, float]) -> list[Found]:
    out = []
    for m in _FRACTION.finditer(text):
        value = _FRACTIONS[m.group("f").lower()] * _scale(m.group("s"))
        currency = _FRACTION_CURRENCY[m.group("c").lower().rstrip("s")]
        rate = table.get(currency)
        money = Money(
            value=value,
            currency=currency,
            usd=None if rate is None else value * rate,
            text=m.group(0),
        )
        out.append(Found(money, m.start(), m.end(), _kind(text, m.start(), m.end())))
    return out


def parse_amounts(text: str, *, rates: Mapping[str, float] | None = None) -> list[Money]:
    """Every money phrase found in ``text``, in order (deal amounts, valuations, others)."""
    return [f.money for f in scan_amounts(text, rates)]
