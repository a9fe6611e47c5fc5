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
from ._lexicon import language

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
    "$a": "AUD",  # Australian press: "$A120 million"
    "$c": "CAD",
    "$us": "USD",  # Australian and British press: "$US610m"
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
    "cr": 1e7,
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
    r"(?:US\s?\$|U\.S\.\s?\$|CA?\$|AU?\$|\$(?-i:US|[AC])(?=\d)|HK\$|S\$|NZ\$|R\$|\$|€|£|¥|₹|₩|Rs\.?(?=\s?\d)"
    r"|SFr\.?|Stg|pound\(s\)|dollars?|pounds?|euros?|yen|yuan|RMB|" + _ISO + r")"
)
_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|twelve|fifteen|twenty|fifty|hundred)"
)
_SCALE = (
    r"(?:[\s-]?(?:thousand|million|mln|mio|mn|billion|bln|bn|trillion|trn|tn|crores?|cr(?![\w$])|lakhs?)"
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
    r"(?:valued\s+(?:it\s+|[\w\s.,'’&-]{0,40}?\b)?at(?:\s+(?:more\s+than|over|nearly|about|around))?|valuing\s+[\w\s.,'’&-]{0,40}?\bat|valuation\s+(?:of|at|to)"
    # "as valuation tops A$60b", "valuation hits $300 billion"
    r"|valuation\s+(?:tops|topped|hits|hit|reaches|reached|nears|neared|surpasses|passes|crosses"
    r"|jumps\s+to|soars\s+to|climbs\s+to|rises\s+to)"
    r"|(?:post|pre)[- ]money(?:\s+valuation)?(?:\s+of)?|values?\s+[\w\s.'’&-]{0,30}?\bat"
    r"|market\s+value\s+of|now\s+worth|be\s+worth|is\s+worth|was\s+worth"
    # "denies it is raising at $50B": a round's price, not its size
    r"|rais(?:e|es|ed|ing)\s+(?:(?:new\s+)?(?:money|funds|capital)\s+)?at)\s*$",
)
# "at a $5B valuation", "a $100B-plus valuation"
_VALUATION_AFTER = re.compile(
    r"^[\s-]*(?:plus\s+)?(?:post-money\s+|pre-money\s+)?valu(?:ation|ed)\b"
)
_OTHER_BEFORE = re.compile(
    r"(?:revenues?|sales|run[- ]rate|profits?|loss(?:es)?|earnings|income|market\s+(?:cap\w*|value)"
    r"|capex|capital\s+(?:spending|expenditures?)|spend(?:ing)?|budget|debt|fined?|fines|penalty"
    r"|settlement|settle|salary|pay\s+package|bonus|buy-?back|repurchase|dividend|wiping"
    r"|wiped|erased|lost|adds?|added|shed|forecast|guidance|outlook|price\s+(?:band|range)"
    r"|priced|per\s+share"
    # a past raise in a relative clause: "Halvio, which raised $40M last month, acquires …"
    r"|(?:which|that|who)\s+(?:has\s+|had\s+)?(?:previously\s+|already\s+)?raised)"
    r"(?:\s+(?:fixed|set|of|to|at|by|reaches|reached|hits?|tops|topped|surpass\w*|exceed\w*|from|rose"
    r"|fell|climbs?|jumps?|grew|totall?ed|was|is|nearly|some))*\s*$",
)
_OTHER_AFTER = re.compile(
    r"^\s*(?:(?:a|per)\s+share|in\s+(?:annual\w*\s+|quarterly\s+|recurring\s+)?(?:revenue|sales"
    r"|profit|losses|market\s+value|market\s+cap\w*|capex|capital\s+spending)|(?:of\s+|in\s+)?"
    r"(?:annual\w*\s+)?(?:revenue|run-rate|ARR|sales|profit|net\s+income|loss|market\s+cap\w*"
    r"|capex|buyback|share\s+buyback|share\s+repurchase|fine|penalty|settlement|dividend)\b"
    # a figure reached: "as Claude Code reaches $1B milestone", "passes the $10bn mark"
    r"|(?:[\w-]+\s+)?(?:milestone|mark|threshold)\b)",
    re.IGNORECASE,
)


# Money spent on a supplier's chips or capacity is the deal's: "to spend $50B on Google TPUs",
# "spend $50 billion on US data centres with Fluidstack" (not "spend $80B on data centres")
_SUPPLIER_AFTER = re.compile(
    r"^\s+on\s+(?:(?-i:[A-Z])[\w.&'’-]*(?:['’]s)?\s+(?:[\w-]+\s+)?(?:TPUs?|GPUs?|chips?|capacity"
    r"|compute|cloud|servers?|accelerators?)\b|(?:[\w.&'’-]+\s+){0,3}?(?:chips?|TPUs?|GPUs?|capacity"
    r"|compute|cloud|servers?|data\s+cent(?:er|re)s?|accelerators?)\s+(?:from|with)\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
_ROUND_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:round|funding|financing|fundraise|close|series\s+[a-k])\b", re.IGNORECASE
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


# A bare dollar sign with the country's code after the amount: "$20-million CAD", "$5m AUD".
_DOLLAR_CODE_AFTER = re.compile(r"\s(?-i:(CAD|AUD|NZD|HKD|SGD))\b")


def _currency(match: re.Match[str]) -> str:
    if match.group("cp"):
        key = _SPACES.sub("", match.group("cp").lower())
        if key == "$":
            code = _DOLLAR_CODE_AFTER.match(match.string, match.end())
            if code is not None:
                return code.group(1)
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


def _kind(text: str, start: int, end: int, intl: bool = False) -> str:
    """``intl``: the text may be in another language (``_may_hold_intl``): its words for
    valuations and other figures count too."""
    before = text[max(0, start - 60) : start].lower()
    after = text[end : end + 40]
    if _VALUATION_AFTER.search(after.lower()) or _VALUATION_BEFORE.search(before):
        return "valuation"
    if intl and (_INTL_VALUATION_AFTER.search(after) or _INTL_VALUATION_BEFORE.search(before)):
        return "valuation"
    if _OTHER_AFTER.search(after) or (intl and _INTL_OTHER_AFTER.search(after)):
        return "other"
    if (_OTHER_BEFORE.search(before) or (intl and _INTL_OTHER_BEFORE.search(before))) and not (
        _ROUND_AFTER.search(after) or _SUPPLIER_AFTER.search(after)
    ):
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
    """Every money phrase in ``text`` with position and kind, left to right (in French,
    German, Spanish, Portuguese and Italian too: ``_intl_amounts``)."""
    table = DEFAULT_RATES if rates is None else {**DEFAULT_RATES, **rates}
    intl = _may_hold_intl(text)
    found = _english_amounts(text, table, intl)
    if intl:
        found = _merge(found, _intl_amounts(text, table), text)
    return found


def _english_amounts(text: str, table: Mapping[str, float], intl: bool) -> list[Found]:
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
            kind = _kind(text, start, end, intl)
            if (
                kind == "deal"
                and money.value < 1000
                and not (
                    match.group("s1") or match.group("s2") or match.group("t1") or match.group("t2")
                )
            ):
                kind = "other"  # "$1 Service", "prices IPO at $31": a price
            if kind == "deal" and _VAGUE_BEFORE.search(text, max(0, start - 12), start):
                kind = "other"  # "several hundred million dollars": no sum a reader can use
            found.append(Found(money, start, end, kind))
    if _FRACTION_KEY.search(text):
        found = sorted(found + _fractions(text, table), key=lambda f: f.start)
    return found


_VAGUE_BEFORE = re.compile(r"\b(?:several|a\s+few|many)\s+$", re.IGNORECASE)
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


# ---------------------------------------------------------------- other languages
# "1,7 milliard d'euros", "300 Millionen Dollar", "189 millones de euros", "R$ 200 milhões",
# "20 M€", "1.200 Mio. Euro", "jusqu'à 2 milliards de dollars", "US$ 1,2 bilhão".
# Numbers: a group of three digits after a dot, a comma or a space is thousands ("1.200",
# "1,500", "20 000"); one or two digits after a comma or a dot are decimals ("1,7", "2.5").
_INTL_SCALES: Mapping[str, float] = {
    **{
        w: 1e9
        for w in "milliard milliards md mds mrd mrds milliarde milliarden bilhão bilhões".split()
    },
    **{w: 1e9 for w in "bilhao bilhoes bi miliardo miliardi mld billion billions bn".split()},
    **{
        w: 1e6
        for w in "million millions mio millionen millones millón millon milhão milhões".split()
    },
    **{w: 1e6 for w in "milhao milhoes mi milione milioni mln mn m".split()},
    **{w: 1e3 for w in "mil mila tsd k".split()},
    **{w: 1e12 for w in "billionen billones billón trilhão trilhões".split()},
    "mil millones": 1e9,
    "mil milhões": 1e9,
    "mil milhoes": 1e9,
}
_INTL_CURRENCIES: Mapping[str, str] = {
    **{w: "EUR" for w in ("euro", "euros", "eur", "€")},
    **{
        w: "USD"
        for w in (
            "dollar",
            "dollars",
            "dollars américains",
            "dollars us",
            "us-dollar",
            "dólares",
            "dolares",
            "dólar",
            "dólares estadounidenses",
            "dólares americanos",
            "dollari",
            "usd",
            "$",
            "us$",
            "us-$",
        )
    },
    **{w: "BRL" for w in ("reais", "brl", "r$")},
    **{
        w: "GBP"
        for w in ("libras", "libras esterlinas", "livres sterling", "sterline", "pfund", "£", "gbp")
    },
    **{
        w: "CHF" for w in ("francs suisses", "franken", "francos suizos", "franchi svizzeri", "chf")
    },
    **{w: "JPY" for w in ("yen", "yens", "yenes", "ienes", "jpy", "¥")},
    **{w: "CNY" for w in ("yuan", "yuans", "yuanes", "cny")},
}
# The qualifiers, stored under the English names.
_INTL_QUALIFIERS: Mapping[str, str] = {
    **{w: "up to" for w in ("jusqu'à", "jusqu'a", "jusqu' à", "bis zu", "hasta", "até", "fino a")},
    **{
        w: "about" for w in ("environ", "rund", "etwa", "circa", "cerca de", "alrededor de", "unos")
    },
    **{w: "about" for w in ("unas", "cerca di", "ca.")},
    **{w: "nearly" for w in ("près de", "pres de", "knapp", "fast", "casi", "quase", "quasi")},
    **{w: "more than" for w in ("plus de", "mehr als", "más de", "mas de", "mais de", "oltre")},
    **{w: "less than" for w in ("moins de", "weniger als", "menos de", "meno di")},
    **{w: "between" for w in ("entre", "zwischen", "tra", "fra")},
}
_I_NUM = (
    r"(?:\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
)
_I_SCALE = (
    r"(?:mil\s+millones|mil\s+milh(?:ões|oes)|milliards?|milliarden?|mrd\.?|mrds\.?|mds?\b|bilh(?:ão|ões|ao|oes)"
    r"|miliard[oi]|mld\.?|billions?|bn\b|millions?|millionen|mio\.?|millones|mill[óo]n|milh(?:ão|ões|ao|oes)"
    r"|milion[ei]|mln\.?|mn\b|mil\b|mila\b|tsd\.?|billionen|billones|bill[óo]n|trilh(?:ão|ões)"
    r"|bi\b|mi\b|k\b|m(?=\s?[€$]))"
)
_I_CURRENCY = (
    r"(?:(?:de\s+|d'\s?|d’\s?|di\s+)?(?:euros?|dollars?(?:\s+(?:américains|US))?|US-Dollar"
    r"|d[óo]lares(?:\s+(?:estadounidenses|americanos))?|d[óo]lar|dollari|reais|libras(?:\s+esterlinas)?"
    r"|livres\s+sterling|sterline|Pfund|francs\s+suisses|Franken|francos\s+suizos|franchi\s+svizzeri"
    r"|yens?|yenes|ienes|yuans?|yuanes)|€|US\$|US-\$|R\$|\$|£|¥|EUR|USD|BRL|GBP|CHF|JPY|CNY)"
)
_I_PREFIX = r"(?:US\$|R\$|€|\$|£|USD|EUR|BRL|GBP|CHF)"
_I_QUAL = (
    r"(?:jusqu['’]\s?[àa]|bis\s+zu|hasta|até|fino\s+a|environ|rund|etwa|circa|ca\.|cerca\s+de"
    r"|alrededor\s+de|unos|unas|cerca\s+di|pr[èe]s\s+de|knapp|fast|casi|quase|quasi|plus\s+de"
    r"|mehr\s+als|m[áa]s\s+de|mais\s+de|oltre|moins\s+de|weniger\s+als|menos\s+de"
    r"|meno\s+di|entre|zwischen)"
)
_I_SEP = r"\s*(?:-|–|à|bis|a|et|und|y|e)\s*"
_INTL_MONEY_RE = re.compile(
    r"(?=[\w$€£¥])"
    rf"(?:(?P<qual>{_I_QUAL})\s+)?"
    rf"(?:(?P<cp>{_I_PREFIX})\s?(?P<n1>{_I_NUM})(?:\s?(?P<s1>{_I_SCALE}))?"
    rf"(?:(?P<sep>{_I_SEP})(?:{_I_PREFIX})?\s?(?P<n2>{_I_NUM})(?:\s?(?P<s2>{_I_SCALE}))?)?"
    rf"|(?<![\w.,])(?P<m1>{_I_NUM})(?:\s?(?P<t1>{_I_SCALE}))?(?:(?P<sepb>{_I_SEP})(?P<m2>{_I_NUM}))?"
    rf"(?:\s?(?P<t2>{_I_SCALE}))?\s?(?P<cs>{_I_CURRENCY}))"
    r"(?![\w$€£])",
    re.IGNORECASE,
)
# Texts that may hold such a phrase: a scale or currency word of these languages, or a
# number written in their way ("1,7", "1.200", "20 000").
_INTL_KEYS = (
    "milliard",
    "mrd",
    "md€",
    "mds",
    "m€",
    "k€",
    "mio",
    "millionen",
    "millones",
    "millón",
    "millon",
    "milh",
    "bilh",
    "trilh",
    "milion",
    "miliard",
    " mil ",
    " mila ",
    "tsd",
    "billionen",
    "billones",
    "billón",
    "r$",
    "us$",
    "dólar",
    "dolares",
    "dollari",
    "reais",
    "libras",
    "livres",
    "pfund",
    "franken",
    "sterline",
    "us-dollar",
    "yenes",
    "d'euro",
    "d’euro",
    "millions d",
    "millions de",
    "de dollars",
    "de euro",
    "di euro",
    "de dólares",
)
_INTL_NUMBER_FORM = re.compile(r"\d,\d{1,2}(?!\d)|\d[.\u00a0\u202f ]\d{3}(?!\d)")


def _may_hold_intl(text: str) -> bool:
    """Whether ``text`` may hold a money phrase written the way of another language."""
    if not _ANY_DIGIT.search(text):
        return False
    low = text.lower()
    if any(key in low for key in _INTL_KEYS):
        return True
    return _INTL_NUMBER_FORM.search(text) is not None and any(w in low for w in _CURRENCY_WORDS)


_ANY_DIGIT = re.compile(r"\d")


def _intl_number(token: str) -> float:
    digits = token.replace("\u00a0", " ").replace("\u202f", " ").replace(" ", "")
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return float(digits.replace(thousands, "").replace(decimal, "."))
    for sep in (",", "."):
        if sep in digits:
            if re.fullmatch(rf"\d{{1,3}}(?:\{sep}\d{{3}})+", digits):
                return float(digits.replace(sep, ""))
            return float(digits.replace(sep, "."))
    return float(digits)


def _intl_scale(token: str | None) -> float:
    if not token:
        return 1.0
    key = _SPACES.sub(" ", token.lower().rstrip("."))
    return _INTL_SCALES[key]


_FOREIGN_SCALES = frozenset("m md mds k bi mi mil mila".split())


def _foreign(match: re.Match[str]) -> int:
    """How surely a phrase is written the way of another language: 2 for one of their words
    (scale, currency, qualifier: "milliard", "Dollar", "d'euros", "jusqu'à", "M€"), 1 for a
    number form only ("1,5", "1.500"), 0 for none (the English reading of it stands)."""
    scales = [match.group(k).lower() for k in ("s1", "s2", "t1", "t2") if match.group(k)]
    words = " ".join(scales + [g.lower() for g in (match.group("cs"), match.group("qual")) if g])
    if any(key in f" {words} " for key in _INTL_KEYS) or any(
        s.rstrip(".") in _FOREIGN_SCALES for s in scales
    ):
        return 2
    if match.group("cs") and match.group("cs") in ("Dollar", "Euro", "€"):
        return 2  # "300 Millionen Dollar", "15.000 Euro", "500 000 €"
    if match.group("qual") and _SPACES.sub(" ", match.group("qual").lower()) in _INTL_QUALIFIERS:
        return 2
    numbers = [match.group(k) for k in ("n1", "n2", "m1", "m2") if match.group(k)]
    if any(_INTL_NUMBER_FORM.search(n) or re.search(r"[\s\u00a0\u202f]", n) for n in numbers):
        return 1
    return 0


def _intl_money(match: re.Match[str], rates: Mapping[str, float]) -> Money | None:
    prefix = bool(match.group("cp"))
    n1, n2 = match.group("n1" if prefix else "m1"), match.group("n2" if prefix else "m2")
    s1, s2 = match.group("s1" if prefix else "t1"), match.group("s2" if prefix else "t2")
    currency_word = _SPACES.sub(" ", (match.group("cp") or match.group("cs")).lower())
    currency_word = re.sub(r"^(?:de|di|d['’])\s?", "", currency_word)
    currency = _INTL_CURRENCIES.get(currency_word, currency_word.upper())
    low = _intl_number(n1) * _intl_scale(s1 or s2)
    high = None if n2 is None else _intl_number(n2) * _intl_scale(s2 or s1)
    qual = match.group("qual")
    qualifier = _INTL_QUALIFIERS.get(_SPACES.sub(" ", qual.lower())) if qual else None
    sep = (match.group("sep") or match.group("sepb") or "").strip().lower()
    if high is not None and (
        high <= low or (sep in ("et", "und", "y", "e") and qualifier != "between")
    ):
        return None
    if qualifier == "between" and high is None:
        return None
    if low <= 0:
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


def _intl_amounts(text: str, table: Mapping[str, float]) -> list[Found]:
    """The money phrases of ``text`` written the way of another language."""
    found: list[Found] = []
    pos = 0
    while (match := _INTL_MONEY_RE.search(text, pos)) is not None:
        pos = match.end()
        sep = (match.group("sep") or match.group("sepb") or "").strip().lower()
        qual = _SPACES.sub(" ", (match.group("qual") or "").lower())
        if sep in ("et", "und", "y", "e") and _INTL_QUALIFIERS.get(qual) != "between":
            # "R$ 100 e R$ 200 milhões": two amounts; keep only the first here
            cut = match.start("sep") if match.group("sep") else match.start("sepb")
            trimmed = _INTL_MONEY_RE.match(text[:cut], match.start())
            pos = cut
            if trimmed is None or trimmed.end() != cut:
                continue
            match = trimmed
        if not _foreign(match):
            continue
        money = _intl_money(match, table)
        if money is None:
            continue
        start, end = match.span()
        kind = _kind(text, start, end, intl=True)
        scaled = any(match.group(k) for k in ("s1", "s2", "t1", "t2"))
        if kind == "deal" and money.value < 1000 and not scaled:
            kind = "other"  # "für 35 Euro": a price
        found.append(Found(money, start, end, kind))
    return found


def _merge(english: list[Found], intl: list[Found], text: str) -> list[Found]:
    """Both readings; where they overlap, the longer phrase, and at equal length the other
    language's when it holds one of that language's words or the text is in that language
    ("15.000 Euro" is 15,000 euros, "$1.500 billion" in English 1.5 billion dollars)."""
    out = list(english)
    for f in intl:
        clash = [e for e in out if e.start < f.end and f.start < e.end]
        longer = all(f.end - f.start > e.end - e.start for e in clash)
        equal = all(f.end - f.start >= e.end - e.start for e in clash)
        if longer or (equal and _sure_foreign(f, text)):
            out = [e for e in out if e not in clash] + [f]
    return sorted(out, key=lambda f: f.start)


def _sure_foreign(found: Found, text: str) -> bool:
    match = _INTL_MONEY_RE.match(text, found.start)
    return match is not None and (_foreign(match) == 2 or language(text) is not None)


# The words of these languages for a valuation and for figures that are no deal amount.
_INTL_VALUATION_BEFORE = re.compile(
    r"(?:valoris(?:ée?s?|ant|ation)\s+(?:[\w']+\s+){0,3}?(?:à|de)|valoris[ée]e?\s+à|valorisation\s+de"
    r"|bewerte(?:t|n)\s+(?:[\w-]+\s+){0,3}?(?:mit|bei|auf)|Bewertung\s+(?:von|in\s+Höhe\s+von|auf)"
    r"|valoraci[óo]n\s+de|valorad[ao]s?\s+en|avaliad[ao]s?\s+em|avalia[çc][ãa]o\s+de"
    r"|valutat[ao]\s+(?:a\s+)?|valutazione\s+di|vale(?:ur)?\s+de)\s*$",
    re.IGNORECASE,
)
_INTL_VALUATION_AFTER = re.compile(
    r"^\s*(?:de\s+|di\s+)?(?:valorisation|Bewertung|valoraci[óo]n|avalia[çc][ãa]o|valutazione)\b",
    re.IGNORECASE,
)
_INTL_OTHER_BEFORE = re.compile(
    r"(?:chiffre\s+d['’]\s?affaires|revenus?|b[ée]n[ée]fices?|pertes?|Umsatz|Umsätze|Gewinn|Verlust"
    r"|Erlös(?:e)?|facturaci[óo]n|ingresos|beneficios?|p[ée]rdidas?|faturamento|receitas?|lucro"
    r"|preju[íi]zo|fatturato|ricavi|utile|perdite|capitalisation(?:\s+boursi[èe]re)?|Börsenwert"
    r"|Marktwert|valor\s+de\s+mercado|capitalizzazione|amende|Strafe|Bußgeld|multa|sanzione"
    r"|rachat\s+d['’]\s?actions|Aktienrückkauf|recompra|riacquisto|dette|Schulden|deuda|d[íi]vida"
    r"|debito|pr[êe]t|Kredit|pr[ée]stamo|empr[ée]stimo|prestito|salaire|Gehalt|salario|sal[áa]rio)"
    r"(?:\s+(?:annuel|annuels|de|d['’]|du|des|von|in\s+Höhe\s+von|auf|um|de\s+l['’]\s?ordre\s+de"
    r"|d'environ|anual|anuales|anuais|di|del|della|atteint|a\s+atteint|erreicht|alcanz[óa]"
    r"|chegou\s+a|ha\s+raggiunto|stieg|sank|wuchs|fiel|rose|était|war|fue|foi|è|est|ist|sont"
    r"|sind|son|são|sono))*\s*$",
    re.IGNORECASE,
)
_INTL_OTHER_AFTER = re.compile(
    r"^\s*(?:par\s+action|je\s+Aktie|pro\s+Aktie|por\s+acci[óo]n|por\s+a[çc][ãa]o|per\s+azione"
    r"|(?:de|d['’]|di)\s*(?:chiffre\s+d['’]\s?affaires|revenus?|b[ée]n[ée]fices?|ingresos|facturaci[óo]n"
    r"|beneficios?|faturamento|receitas?|lucro|fatturato|ricavi|utile|dette|deuda|d[íi]vida)"
    r"|Umsatz|Gewinn|Verlust)\b",
    re.IGNORECASE,
)
