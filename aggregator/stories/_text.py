"""Light text features of one item: stemmed terms, names, money amounts, rounds, event classes.

Nothing here knows about other items; weights that depend on the collection (rarity) are
applied by the index.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, NamedTuple

from aggregator.stories._lexicon import (
    BACKGROUND_WORDS,
    EVENT_AFTER,
    EVENT_BEFORE,
    EVENT_CLASSES,
    EVENT_INFIXES,
    EVENT_SURFACE,
    GENERIC,
    IPO_WORDS,
    IRREGULAR,
    NATIVE_NAMES,
    STOPWORDS,
    dictionary_stems,
)

SUMMARY_CHARS = 400  # only the lead of a summary is read
GENERIC_WEIGHT = 0.25
NAME_WEIGHT = 1.5
AMOUNT_WEIGHT = 2.0
NUMBER_WEIGHT = 0.5
SUMMARY_FACTOR = 0.5
PUBLISHER_WEIGHT = 0.5  # the publisher of a newsroom's post that names no one, as a term
EVENT_WEIGHT = 1.0  # the title's event class as a term ("buys" / "acquired": event:acquire)
EVENT_PREFIX = "event:"
AFTER_PREFIX = "after:"  # a mark: an event class the title names in its background clause
REPEAT = "repeat"  # a mark: the title tells its outage or breach as another of the kind
LEXICON_SIZE = 200_000  # memoised spellings per index before the memo is reset

_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
    # other languages' reports of one deal ("85 millions d'euros", "1 Milliarde Dollar")
    "millions": 1e6,
    "millionen": 1e6,
    "millones": 1e6,
    "milioni": 1e6,
    "milhões": 1e6,
    "mio": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "mrd": 1e9,
    "miliardi": 1e9,
    "bilhões": 1e9,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
    "lakh": 1e5,
    "lakhs": 1e5,
}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Rough US dollars per unit, only to tell whether reports in other currencies name one
# amount ("€120 million" / "$130M"): such amounts match within ``APPROX_TOLERANCE``.
USD_PER = {
    "usd": 1.0,
    "eur": 1.1,
    "gbp": 1.3,
    "jpy": 0.0068,
    "cny": 0.14,
    "hkd": 0.128,
    "inr": 0.012,
    "brl": 0.19,
    "krw": 0.00072,
    "cad": 0.73,
    "aud": 0.66,
    "sgd": 0.75,
    "chf": 1.15,
}
_CURRENCY = {
    "us$": "usd",
    "usd": "usd",
    "$": "usd",
    "dollar": "usd",
    "dollars": "usd",
    "dólares": "usd",
    "dollari": "usd",
    "us-dollar": "usd",
    "€": "eur",
    "eur": "eur",
    "euro": "eur",
    "euros": "eur",
    "£": "gbp",
    "gbp": "gbp",
    "pounds": "gbp",
    "pound": "gbp",
    "¥": "jpy",
    "jpy": "jpy",
    "yen": "jpy",
    "円": "jpy",
    "ドル": "usd",
    "美元": "usd",
    "元": "cny",
    "人民币": "cny",
    "rmb": "cny",
    "cny": "cny",
    "yuan": "cny",
    "港元": "hkd",
    "港币": "hkd",
    "hk$": "hkd",
    "₹": "inr",
    "rs": "inr",
    "rs.": "inr",
    "inr": "inr",
    "r$": "brl",
    "reais": "brl",
    "₩": "krw",
    "krw": "krw",
    "원": "krw",
    "c$": "cad",
    "a$": "aud",
    "s$": "sgd",
    "chf": "chf",
}
# "$4 billion", "$4B", "US$ 2.75bn", "€500m", "$1-2 billion", "$2-billion"
_MONEY_PREFIXED = re.compile(
    r"(?<![\w$€£¥₹₩])(?P<cur>US\$|HK\$|[RACS]\$|USD\s?|\$|€|EUR\s?|£|GBP\s?|¥|JPY\s?"
    r"|RMB\s?|CNY\s?|₹|Rs\.?\s?|INR\s?|₩|KRW\s?|CHF\s?)\s?(?P<n1>" + _NUM + r")"
    r"(?:\s?[-–]\s?(?P<n2>" + _NUM + r"))?"
    r"(?:(?:-(?=[^\W\d_]{5})|\s?)(?P<sc>trillion|billion|million|thousand|crores?|cr|lakhs?"
    r"|millions|millionen"
    r"|millones|milioni|milhões|mio|milliards?|milliarden?|mrd|miliardi|bilhões|tn|bn|mn|mln"
    r"|[kmbt])\b)?",
    re.IGNORECASE,
)
# "4bn", "4 billion dollars", "300 million euros" (no currency sign in front)
_MONEY_BARE = re.compile(
    r"(?<![\w.,])(?P<n1>"
    + _NUM.replace(r"(?:\.\d+)", r"(?:[.,]\d+)")
    + r")\s?(?P<sc>trillion|billion"
    r"|million|tn|bn|mn|mln|millions|millionen|millones|milioni|milhões|mio|milliards?"
    r"|milliarden?|mrd|miliardi|bilhões)(?![\w])\.?"
    r"(?:\s(?:d['’]|de\s|di\s)?(?P<cur>dollars?|euros?|pounds?|yuan|yen|usd|eur|gbp|us-dollar"
    r"|dólares|dollari|reais))?",
    re.IGNORECASE,
)
# "300億円", "10亿元", "46亿港元", "1.38亿美元", "5000억원"
_MONEY_CJK = re.compile(
    r"(?P<n1>" + _NUM + r")\s?(?P<sc>億|亿|万|萬|兆|억)\s?"
    r"(?P<cur>円|元|人民币|港元|港币|美元|ドル|원)"
)
_CJK_SCALES = {"億": 1e8, "亿": 1e8, "万": 1e4, "萬": 1e4, "兆": 1e12, "억": 1e8}
# Where a script changes inside a word ("Kairoに300億円出資"): words split there.
_NATIVE = re.compile("|".join(re.escape(k) for k in sorted(NATIVE_NAMES, key=len, reverse=True)))
_SCRIPT_EDGE = re.compile(
    r"(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])(?=[A-Za-z0-9])"
    r"|(?<=[A-Za-z0-9])(?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])"
)
APPROX_TOLERANCE = 0.15
# Scales of languages that write a dot between thousands ("1.500 millones de dólares")
_FOREIGN_SCALES = frozenset({"millones", "milioni", "milhões", "millionen", "mio"})
_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3})+")
# What each pattern above cannot match without: a cheap look before the costly one
_MAY_PREFIX = re.compile(r"[$€£¥₹₩]|usd|eur|gbp|jpy|rmb|cny|rs|inr|krw|chf", re.IGNORECASE)
_MAY_SCALE = re.compile(r"illion|illon|illiard|iliard|ilh|tn|bn|mn|mln|mio|mrd", re.IGNORECASE)
_ROUND = re.compile(
    r"\b(?:s[eé]ries?\s+(?P<letter>[a-h])|(?P<kind>pre-seed|seed))\b(?!-)"
    r"|(?<![a-z])(?P<cjk>[a-h])\s?[轮輪]|シリーズ\s?(?P<kana>[a-h])\b"
    r"|\b(?:ronda|rodada|runde|tour)\s+(?:de\s+)?(?P<seed>semilla|semente|amorçage)\b",
    re.IGNORECASE,
)
# What makes an amount approximate: "over $400 million" is "$410 million" (matched within
# ``APPROX_TOLERANCE``, as amounts converted from another currency).
_QUALIFIED = re.compile(
    r"(?:\b(?:over|about|around|nearly|almost|roughly|approximately|some|more\s+than|up\s+to"
    r"|at\s+least|as\s+much\s+as|upwards\s+of|plus\s+de|près\s+de|über|rund|más\s+de"
    r"|cerca\s+de|mais\s+de)|~)\s*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_][\w'’&.\-]*")


@dataclass(frozen=True, slots=True)
class Features:
    """What the matcher compares. ``terms`` maps each term to its base weight."""

    terms: Mapping[str, float]
    names: tuple[str, ...]  # capitalised non-generic title words, in order
    amounts: tuple[float, ...]  # money values in the title
    all_amounts: tuple[float, ...]  # money values in title and summary
    rounds: frozenset[str]  # series-a, seed, ... in the title
    events: frozenset[str]  # event classes named in the title
    # (the four word sets below are only iterated and asked ``in``: a window holds each as
    # a sorted tuple, a fifth of a small set's memory; see ``compact``)
    lower: Collection[str] = frozenset()  # terms written in lower case (common words)
    upper: Collection[str] = frozenset()  # capitalised mid-sentence in sentence case (names)
    marked: Collection[str] = frozenset()  # inner capitals (OpenAI, eBay): names
    approx: frozenset[float] = frozenset()  # amounts converted from another currency
    products: tuple[str, ...] = ()  # title name pairs in order: "quill code", "lumen 2"
    openers: Collection[str] = frozenset()  # title names that open a sentence ("Authors sue…")
    marks: frozenset[str] = frozenset()  # the stage a title tells (``STAGES``): "denial", …
    background: Collection[str] = frozenset()  # title names in its background clause
    # ("… two days after Scribe launch": scribe)


_EMPTY: frozenset[Any] = frozenset()
_WEIGHTS: dict[float, float] = {}  # one object per weight value (a handful exist)
_SHARED_WEIGHTS = 4_096


def compact(feats: Features) -> Features:
    """The same features (the same terms and weights in the same order, the same words in
    each set) in less memory, for an item kept in a window: each term's text is one
    interned string, each weight value one float, an empty set the one empty set, and the
    word sets that are only iterated and asked ``in`` are sorted tuples. What an item costs
    is then mostly its own structure, not copies of the same words (a window holds tens of
    thousands of items)."""
    intern, weights = sys.intern, _WEIGHTS

    def weight(w: float) -> float:
        if not w or len(weights) >= _SHARED_WEIGHTS:  # (0.0 and -0.0 are kept apart)
            return w
        return weights.setdefault(w, w)

    return Features(
        terms={intern(t): weight(w) for t, w in feats.terms.items()},
        names=tuple(map(intern, feats.names)),
        amounts=feats.amounts,
        all_amounts=feats.all_amounts,
        rounds=_shared(feats.rounds),
        events=_shared(feats.events),
        lower=_sorted_words(feats.lower),
        upper=_sorted_words(feats.upper),
        marked=_sorted_words(feats.marked),
        approx=feats.approx or _EMPTY,
        products=tuple(map(intern, feats.products)),
        openers=_sorted_words(feats.openers),
        marks=_shared(feats.marks),
        background=_sorted_words(feats.background),
    )


def _sorted_words(words: Collection[str]) -> tuple[str, ...]:
    return tuple(sorted(map(sys.intern, words))) if words else ()


_SETS: dict[frozenset[str], frozenset[str]] = {}  # series and event classes: few sets


def _shared(words: frozenset[str]) -> frozenset[str]:
    if not words:
        return _EMPTY
    if len(_SETS) >= _SHARED_WEIGHTS:
        return words
    return _SETS.setdefault(words, words)


def stem(word: str) -> str:
    """A small suffix stripper: invests/invested/investing/investment -> invest. Accents of
    Latin letters are dropped first (outlets write "Telefónica" and "Telefonica")."""
    if not word.isascii():
        word = fold(word)
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix, keep in (("ments", 4), ("ment", 4), ("ings", 4), ("ing", 3), ("ed", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            return _tidy(word[: -len(suffix)])
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return _tidy(word)


def fold(word: str) -> str:
    """``word`` without the accents of its Latin letters ("telefónica" -> "telefonica",
    "übernimmt" -> "ubernimmt"); a word with letters of other scripts is kept as written
    (a Japanese voiced mark is no accent)."""
    if any(ord(c) >= 0x250 for c in word):
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _tidy(stem_: str) -> str:
    if len(stem_) > 3 and stem_[-1] == stem_[-2] and stem_[-1] not in "lsz":
        stem_ = stem_[:-1]
    if len(stem_) > 4 and stem_.endswith("e"):
        stem_ = stem_[:-1]
    return stem_


_GENERIC_STEMS = frozenset(stem(w) for w in GENERIC) | GENERIC
GENERIC_STEMS = _GENERIC_STEMS  # generic news vocabulary, as stems and as written
_EVENT_STEMS = {
    name: frozenset(stem(w) for w in words) | words for name, words in EVENT_CLASSES.items()
}
# Terms that name an event (never a company: "Welcoming Tomas Reyes" is about Tomas Reyes).
EVENT_TERMS = frozenset().union(*_EVENT_STEMS.values()) | frozenset(
    stem(w) for words in EVENT_SURFACE.values() for w in words
)
_EVENT_AFTER = {(stem(before), stem(word)): event for (before, word), event in EVENT_AFTER.items()}
_AFTER_SECOND = frozenset(word for _, word in _EVENT_AFTER)
_EVENT_BEFORE = {(stem(word), stem(after)): e for (word, after), e in EVENT_BEFORE.items()}
_BEFORE_FIRST = frozenset(word for word, _ in _EVENT_BEFORE)
_LISTING = frozenset({"ipo"})
_BACKGROUND = frozenset(stem(w) for w in BACKGROUND_WORDS)
# A title that only presents a name: "Announcing FLUX.3", "Meet Nova 2", "Say hello to Wren"
_PRESENTING = re.compile(
    r"^(?:Announcing|Meet|Say\s+hello\s+to|Presenting)\s+[A-Z0-9][\w.+-]*(?:\s+[A-Z0-9][\w.+-]*){0,2}"
    r"\s*[.!]?$"
)
# A launch named so in the background clause is another product's ("a smaller model, three
# days after its flagship launch")
_ANOTHER_PRODUCT = frozenset(stem(w) for w in "flagship bigger larger parent sibling".split())
# "two days after …", "weeks after …": a span of time before a background word tells what
# came before, whatever the title named until then ("Mirelle adds Ledger two days after
# Scribe launch")
_SPANS = frozenset(stem(w) for w in ("hours", "days", "weeks", "months", "shortly", "soon"))


def _span_before(words: Sequence[Word], position: int) -> bool:
    """The word before ``position`` is a span of time ("days" of "days after"); read after
    a name only ("A week after Grab, Monsoon signs GoTo" is about GoTo)."""
    return position > 0 and words[position - 1].term in _SPANS


# "raises" names an investment only with money or a round ("Vesper 4 Raises the Bar")
_RAISES = frozenset(stem(w) for w in ("raise", "raises", "raised", "raising")) | frozenset(
    {"raise", "raises", "raised", "raising"}
)
# "buy $1 billion of Orrery chips": an order of goods, not a company
_GOODS = re.compile(
    r"\b(?:buy|buys|buying|purchase|purchases|purchasing)\s+(?:up\s+to\s+|about\s+)?"
    r"(?:US)?[$€£¥]\s?[\d.,]+\s?(?:trillion|billion|million|tn|bn|mn|[bmk])?\s+(?:of|worth)\b",
    re.IGNORECASE,
)
# A cut of staff is a layoff: a verb of cutting and a word for staff in one title
_CUTS = frozenset(
    stem(w)
    for w in """cut cuts cutting slash slashes slashed trim trims trimmed shed sheds eliminate
    eliminates eliminating""".split()
)
# Verbs of taking money in: with an amount in the title, an investment (without one, "lands
# a customer", "secures approval" are not).
_BANKS = frozenset(
    stem(w) for w in "banks bags nabs snags lands secures pockets grabs hauls".split()
)
_BANKED = re.compile(
    r"\b(?:banks|bags|nabs|snags|lands|secures|pockets|grabs|hauls)\s+(?:in\s+)?"
    r"(?:(?:up\s+to|over|about|nearly|almost|more\s+than|another|a\s+further)\s+)?"
    r"(?:US|C|A|S|HK|R)?[$€£¥₹]?\s?(?:\d|half\b)",
    re.IGNORECASE,
)
_STAFF = frozenset(
    stem(w) for w in "staff staffers employees headcount roles positions workers".split()
)


def amount_token(value: float) -> str:
    """One spelling per amount: $4 billion, $4B, 4bn -> "$4b"."""
    for unit, suffix in ((1e12, "t"), (1e9, "b"), (1e6, "m"), (1e3, "k")):
        if value >= unit:
            return f"${value / unit:.3g}{suffix}"
    return f"${value:.3g}"


def _number(text: str) -> float:
    if re.fullmatch(r"\d+,\d{1,2}", text):  # "1,2 milliard": a decimal comma
        return float(text.replace(",", "."))
    return float(text.replace(",", ""))


def _usd(value: float, currency: str | None) -> tuple[float, bool]:
    """``value`` in rough US dollars, and whether it was converted from another currency."""
    code = _CURRENCY.get((currency or "").strip().lower(), "usd")
    if code == "usd":
        return value, False
    return float(f"{value * USD_PER[code]:.4g}"), True


# Dollars of other countries: their own outlets write them with a bare "$" ("Canada to spend
# C$2 billion" / "Ottawa unveils $2B plan"), so such an amount is also read at face value.
_LOCAL_DOLLARS = frozenset({"C$", "A$", "S$", "HK$"})


def _money(text: str) -> tuple[str, list[tuple[float, bool, bool]]]:
    """Amounts in ``text`` as (value in USD, is_money, converted) and the text with them
    blanked out."""
    found: list[tuple[float, bool, bool]] = []

    def prefixed(match: re.Match[str]) -> str:
        scale = _SCALES[match["sc"].lower()] if match["sc"] else 1.0
        rough = _rough(match)
        for group in ("n1", "n2"):
            if match[group]:
                face = _number(match[group]) * scale
                value, converted = _usd(face, match["cur"])
                found.append((value, True, converted or rough))
                if match["cur"].upper() in _LOCAL_DOLLARS:
                    found.append((face, True, True))  # (written "$2B" at home)
        return " "

    def bare(match: re.Match[str]) -> str:
        short = match["sc"].lower() in ("tn", "bn", "mn", "mln", "mio", "mrd")
        number = match["n1"]
        if match["sc"].lower() in _FOREIGN_SCALES and _DOTTED.fullmatch(number):
            number = number.replace(".", "")  # "1.500 millones": a thousands dot
        value, converted = _usd(_number(number) * _SCALES[match["sc"].lower()], match["cur"])
        found.append((value, short or bool(match["cur"]), converted or _rough(match)))
        return " "

    def cjk(match: re.Match[str]) -> str:
        value, converted = _usd(_number(match["n1"]) * _CJK_SCALES[match["sc"]], match["cur"])
        found.append((value, True, converted))
        return " "

    if _MAY_PREFIX.search(text):
        text = _MONEY_PREFIXED.sub(prefixed, text)
    if _MAY_SCALE.search(text):
        text = _MONEY_BARE.sub(bare, text)
    if not text.isascii():
        text = _MONEY_CJK.sub(cjk, text)
    return text, found


def _rough(match: re.Match[str]) -> bool:
    """The amount is qualified ("over $400 million", "about $250 million")."""
    start = match.start()
    return _QUALIFIED.search(match.string, max(0, start - 24), start) is not None


def _rounds(text: str) -> tuple[str, set[str]]:
    found: set[str] = set()

    def repl(match: re.Match[str]) -> str:
        letter = match["letter"] or match["cjk"] or match["kana"]
        if letter:
            found.add(f"series-{letter.lower()}")
        else:
            found.add("seed" if match["seed"] else match["kind"].lower())
        return " "

    return _ROUND.sub(repl, text), found


def _words(text: str) -> list[str]:
    """Surface words: possessives dropped, hyphenated words split, acronym dots removed."""
    out: list[str] = []
    for raw in _WORD.findall(text.replace("’", "'")):
        raw = raw.strip(".'&-")
        if raw[1:2] == "'" and raw[:1] in _ELIDED and raw[2:3].isalpha():
            raw = raw[2:]  # French "l'IA", "d'euros", "s'allie"
        if raw[-2:] in ("'s", "'S"):
            raw = raw[:-2]
        if raw.isalnum():
            out.append(raw)
            continue
        for part in raw.split("-"):
            if not _is_number(part) and _SIZE.fullmatch(part.lower()) is None:  # ("1.5B")
                part = part.replace(".", "")
            part = part.replace("'", "").strip("&")
            if part:
                out.append(part)
    return out


_ELIDED = frozenset("lLdDsSjJnNcC")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _is_number(word: str) -> bool:
    return word[:1].isdigit() and _NUMBER.fullmatch(word) is not None


def _is_name(surface: str, lowered: str, term: str) -> bool:
    if not surface[0].isalpha() or len(surface) < 2:
        return False
    if lowered in STOPWORDS or lowered in _GENERIC_STEMS or term in _GENERIC_STEMS:
        return False
    return surface[0].isupper() or any(c.isupper() for c in surface[1:])


def _marked(surface: str) -> bool:
    """Capitals inside the word (OpenAI, eBay, NYT): a name even in Title Case."""
    return len(surface) > 1 and any(c.isupper() for c in surface[1:])


@dataclass
class _Part:
    terms: dict[str, float]
    names: list[str]
    amounts: list[float]
    rounds: set[str]
    events: set[str]
    lower: set[str]  # seen in lower case: evidence of a common word
    upper: set[str]  # capitalised inside a sentence-case sentence: evidence of a name
    marked: set[str]  # capitals inside the word (OpenAI): a name
    approx: set[float]  # amounts converted from another currency
    products: list[str]  # "quill code", "lumen 2": a name and the name or number after it
    openers: set[str]  # names that open a sentence (capitalised whatever they are)
    background: set[str] = field(default_factory=set)  # names after "after"
    before: set[str] = field(default_factory=set)  # event classes after "after"
    funded: bool = False  # a word other than "raises" named an investment


_SENTENCE = re.compile(r"[:.!?|;]\s+|\s[-–—]\s")
_HALF = re.compile(r"\bhalf[-\s]a[-\s](million|billion|trillion)\b", re.IGNORECASE)
_HAS_ROUND = re.compile(r"s[eé]rie|seed|semilla|semente|amorçage|轮|輪|シリーズ", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_SHARE = re.compile(r"\d\s?%|\bper\s?cent\b|\bstake\b|\d割", re.IGNORECASE)
# "open-sources" as a verb is a launch (one word, so the hyphen does not split it); the
# adjective ("an open-source model") is not
_OPEN_SOURCES = re.compile(r"\b(open)[-\s](sourc(?:es|ed|ing))\b", re.IGNORECASE)


class Word(NamedTuple):
    """What one surface word is, from its spelling alone (memoised in a :data:`Lexicon`)."""

    term: str
    kind: str  # stop, number, generic, marked, name, lower, other
    letters: bool  # alphabetic, 2+ characters (counts for ALL CAPS detection)
    upper: bool  # all capitals
    content: bool  # alphabetic and not a stop word (counts for Title Case)
    cap: bool  # starts with a capital
    events: frozenset[str]  # event classes the word names


# Raw token (as the word pattern finds it) -> the words it holds.
Lexicon = dict[str, tuple[Word, ...]]


def _lookup(raw: str, lexicon: Lexicon) -> tuple[Word, ...]:
    known = lexicon.get(raw)
    if known is None:
        if len(lexicon) >= LEXICON_SIZE:
            lexicon.clear()
        known = lexicon[raw] = tuple(_describe(w) for w in _words(raw))
    return known


def _describe(surface: str) -> Word:
    term, kind = classify(surface)
    lowered = surface.lower()
    alpha = surface.isalpha()
    events = frozenset(
        name for name, stems in _EVENT_STEMS.items() if lowered in stems or term in stems
    ) | frozenset(name for name, words in EVENT_SURFACE.items() if lowered in words)
    if lowered in IPO_WORDS:
        events |= {"ipo"}
    if not surface.isascii():
        events |= {name for infix, name in EVENT_INFIXES.items() if infix in surface}
    return Word(
        term,
        kind,
        alpha and len(surface) > 1,
        surface.isupper(),
        alpha and lowered not in STOPWORDS,
        surface[0].isupper(),
        events,
    )


def _read(text: str, lexicon: Lexicon) -> _Part:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).replace("’", "'")
    money: list[tuple[float, bool, bool]] = []
    rounds: set[str] = set()
    written = text
    if "alf" in text:
        text = _HALF.sub(r"0.5 \1", text)  # "half a billion dollars": $0.5 billion
    if _DIGIT.search(text):
        text, money = _money(text)
    if not text.isascii():
        if _NATIVE.search(text):  # "삼성전자·네이버" -> " Samsung · Naver "
            text = _NATIVE.sub(lambda m: f" {NATIVE_NAMES[m.group(0)]} ", text)
        text = _SCRIPT_EDGE.sub(" ", text)
    if "ourc" in text:
        text = _OPEN_SOURCES.sub(r"\1\2", text)
    if _HAS_ROUND.search(text):
        text, rounds = _rounds(text)
    part = _Part(
        {amount_token(v): AMOUNT_WEIGHT for v, _, _ in money},
        [],
        [v for v, is_money, _ in money if is_money],
        rounds,
        set(),
        set(),
        set(),
        set(),
        {v for v, is_money, converted in money if is_money and converted},
        [],
        set(),
    )
    for name in sorted(rounds):  # a fixed order, not the hash seed's
        part.terms[name] = 1.0
        part.events.add("invest")  # a funding round is an investment
    sentences = []
    get = lexicon.get
    for chunk in _SENTENCE.split(text):
        words: list[Word] = []
        for raw in _WORD.findall(chunk):
            known = get(raw)
            words += known if known is not None else _lookup(raw, lexicon)
        sentences.append(words)
    every = [w for words in sentences for w in words]
    letters = [w.upper for w in every if w.letters]
    caps_ok = len(letters) < 3 or not all(letters)
    content = [w.cap for w in every if w.content]
    # Title Case: (nearly) every content word capitalised, and no verb or noun left in lower
    # case ("Index Ventures leads $100M Series B in Aperture" is a sentence)
    titled = (
        len(content) >= 3
        and sum(content) >= 0.75 * len(content)
        and not any(w.content and not w.cap and len(w.term) > 2 for w in every)
    )
    for words in sentences:
        _collect(part, words, caps_ok, titled)
    if not caps_ok and sentences:
        _caps_subject(part, sentences[0])
    # (the amount right after the verb: "bags Reyna for £600M" is a purchase, "bags €80M" a
    # round)
    if (
        "invest" not in part.events
        and part.amounts
        and _BANKS & part.terms.keys()
        and _BANKED.search(written)
    ):
        part.events.add("invest")
    if "invest" in part.events and not (part.funded or part.amounts or rounds):
        part.events.discard("invest")  # "Vesper 4 Raises the Bar": no money, no round
    if money and "acquire" in part.events and _GOODS.search(written):
        part.events.discard("acquire")  # "to buy $1 billion of Orrery chips": an order
        part.events.add("deal")
    if "layoff" not in part.events and _CUTS & part.terms.keys() and _STAFF & part.terms.keys():
        part.events.add("layoff")  # "slashes 12% of staff", "to cut 300 roles"
    if "acquire" in part.events and _SHARE.search(text):
        part.events.add("invest")  # "to buy 20% of Tanuki": a stake
    if (
        "legal" in part.events
        and _COURTING.search(written)
        and not (_LEGAL_STEMS - {"court"}) & part.terms.keys()
    ):
        part.events.discard("legal")  # "… to court drug researchers": to woo, no suit
    if "ipo" in part.events:
        part.events -= {"ipo", "launch"}  # "jumps in Nasdaq debut after $270 million IPO"
    return part


_KICKERS = frozenset(stem(w) for w in "update refile corrected exclusive brief wrapup rpt".split())


def _caps_subject(part: _Part, words: list[Word]) -> None:
    """An ALL-CAPS wire headline's opening words, up to its first number, event or common
    word, are its subject ("VIREO SEMICONDUCTOR Q4 REVENUE $6.80 BLN VS. $6.45 BLN EST.")."""
    lead: list[str] = []
    for w in words:
        if w.kind in ("stop", "number", "generic") or w.events or not w.letters or len(lead) == 3:
            break
        lead.append(w.term)
    if lead and lead[0] not in _KICKERS:
        part.names.extend(t for t in lead if t not in part.names)


def _collect(part: _Part, words: list[Word], caps_ok: bool, titled: bool) -> None:
    """Add one sentence's words to ``part`` (weights, names, case evidence, events, products)."""
    terms = part.terms
    if caps_ok:
        _products(part.products, words, titled)
        if words and words[0].kind in ("name", "marked"):
            part.openers.add(words[0].term)
    past = False  # after "after" (once an event is named): what came before the event
    for position, (term, kind, _, _, _, _, events) in enumerate(words):
        if term in _AFTER_SECOND and position and (words[position - 1].term, term) in _EVENT_AFTER:
            other = _EVENT_AFTER[words[position - 1].term, term]
            events = frozenset({other}) if other else frozenset()
        if events and term in _BEFORE_FIRST:
            after = next((w.term for w in words[position + 1 :] if w.kind != "stop"), "")
            if (term, after) in _EVENT_BEFORE:
                other = _EVENT_BEFORE[term, after]
                events = frozenset({other}) if other else frozenset()
        if (
            term in _BACKGROUND
            and kind != "name"
            and (part.events or (part.names and _span_before(words, position)))
        ):
            past = True
        if events and "invest" in events and term not in _RAISES:
            part.funded = True
        if events:
            # (an IPO named after "after" still tells that a "debut" is a listing)
            part.events.update(events if not past else events & _LISTING)
            if past:
                before = events - _LISTING
                if position and words[position - 1].term in _ANOTHER_PRODUCT:
                    before -= {"launch"}  # "… days after its flagship launch": another's
                part.before.update(before)
        if kind == "stop":
            continue
        weight = 1.0
        if kind == "number":
            weight = NUMBER_WEIGHT
        elif kind == "generic":
            weight = GENERIC_WEIGHT
        elif caps_ok and (kind == "name" or kind == "marked"):
            if kind == "marked":
                part.marked.add(term)
            if not titled or kind == "marked":
                weight = NAME_WEIGHT
            if not titled and position:
                part.upper.add(term)
            if past:
                part.background.add(term)
            elif term not in part.names:  # (a name in the background clause,
                # "… despite Thomson Reuters suit", is no party of the title)
                part.names.append(term)
        elif caps_ok and not titled and kind == "lower":
            part.lower.add(term)
        if past:  # the background clause ("… two days after Scribe launch") is what came
            weight *= SUMMARY_FACTOR  # before: a summary's weight
        if terms.get(term, 0.0) < weight:
            terms[term] = weight


# "court" as a verb: after "to" or a plural subject and right before its object ("… to
# court drug researchers", "… as cloud firms court local banks"), not the place of a case
# ("takes Okapi to court over unpaid bills", "heads to court", "to court, saying …").
_COURTING = re.compile(
    r"\b(?:to|firms|companies|startups|rivals)\s+court\s+"
    r"(?!(?:over|in|on|for|against|with|after|to|as|the|and|or|by|from|this|next)\b)[a-z]",
    re.IGNORECASE,
)
_LEGAL_STEMS = frozenset(stem(w) for w in EVENT_CLASSES["legal"])


# Second words that make a pair the name of a company, not of a product ("Lumen Labs").
COMPANY_WORDS = frozenset(
    stem(w)
    for w in """
    lab labs ai inc corp co ltd llc plc group holdings technologies technology robotics
    systems capital ventures partners bio therapeutics security analytics health cloud
    compute computing semiconductor semiconductors software networks dynamics research
    """.split()
)


# Words that name a smaller or larger sibling of a product when they follow its name
# ("Sonata 3 Mini", "Cedar 4 Flash"): the product is then the three words, not "sonata 3".
VARIANT_WORDS = frozenset(
    stem(w)
    for w in """
    mini lite light flash nano micro pro max ultra turbo plus air edge small large medium
    instant fast tiny
    """.split()
)


# A model's size written as its version ("Wren 7B", "Wren-70B", "Mixtral 8x7B"): another
# size is another product (money is blanked out before words are read: "$7B" is no size).
_SIZE = re.compile(r"\d+(?:\.\d+)?(?:x\d+)?[bmk]")


def _products(found: list[str], words: list[Word], titled: bool = False) -> None:
    """Pairs of a name and the name or number right after it ("Quill Code", "Lumen 2",
    "Kairo-3"), with a variant word after them when one follows ("Sonata 3 Mini") or, in a
    sentence (not Title Case), a name after a version ("Lumen 3 Vision"): what a product is
    called. Event words and company words do not count, nor, in a sentence with
    a launch word, what comes before it ("Hugging Face launches …"; not for a launch word in
    a script without capitals, which comes last)."""
    # (a launch word in Chinese or Japanese ends its sentence: "Kairo、新AIモデル「Kairo-3」発表")
    start = next(
        (k for k, w in enumerate(words) if "launch" in w.events and ord(w.term[0]) < 0x2E80), 0
    )
    if start and words[start - 1].term in _ANOTHER_PRODUCT:
        start = 0  # ("Orrery's Halo 2 Flash undercuts rivals, days after its flagship launch")

    words = words[start:]
    for k, (first, second) in enumerate(pairwise(words)):
        if first.kind not in ("name", "marked") or first.events or second.events:
            continue
        if (
            second.kind in ("name", "marked", "number")
            or (second.kind == "other" and _SIZE.fullmatch(second.term) is not None)
        ) and second.term not in COMPANY_WORDS:
            pair = f"{first.term} {second.term}"
            after = words[k + 2] if k + 2 < len(words) else None
            if (
                after is not None
                and after.cap
                and second.term not in VARIANT_WORDS
                and (
                    after.term in VARIANT_WORDS
                    # a word capitalised after a version, in a sentence: "Lumen 3 Vision"
                    # (not a name of its own: "iOS 7.1, Tumblr …")
                    or (
                        not titled
                        and second.kind == "number"
                        and after.kind == "name"
                        and after.term in dictionary_stems()
                    )
                )
                and not after.events
                and after.term not in COMPANY_WORDS
            ):
                pair = f"{pair} {after.term}"
            if pair not in found:
                found.append(pair)


def classify(surface: str) -> tuple[str, str]:
    """(term, kind) of a surface word; kinds: stop, number, generic, marked (inner
    capitals), name (capitalised), lower (lower case), other."""
    lowered = surface.lower()
    if lowered in STOPWORDS:
        return lowered, "stop"
    term = stem(lowered)
    if _is_number(lowered):
        return term, "number"
    if term in _GENERIC_STEMS or lowered in _GENERIC_STEMS:
        return term, "generic"
    if _is_name(surface, lowered, term):
        return term, "marked" if _marked(surface) else "name"
    if surface.isalpha() and surface[0].islower():
        return term, "lower"
    return term, "other"


# The stage of a deal a title tells: two reports of one acquisition at other stages (agreed,
# approved, completed) are two events, and so are a rumour and its denial.
STAGE_PATTERNS: dict[str, re.Pattern[str]] = {
    "complete": re.compile(
        r"\b(?:complet(?:es|ed|ion|a)|finali[sz](?:es|ed|e)|closes|closed|closing|wraps\s+up|"
        r"finalisé|finaliza|abgeschlossen|vollzogen)\b",
        re.IGNORECASE,
    ),
    "approval": re.compile(
        r"\b(?:approv(?:es|ed|al)|clears|cleared|green[-\s]?light(?:s|ed)?|sign-off|"
        r"signs\s+off|autorise|genehmigt)\b",
        re.IGNORECASE,
    ),
    "intent": re.compile(
        r"\b(?:to\s+(?:acquire|buy|purchase|combine|merge|take\s+over)|agrees?|agreed|"
        r"agreement|will\s+(?:acquire|buy)|plans?\s+to|is\s+buying|nears?|in\s+talks|"
        r"weighs?|weighing|explor(?:es|ing)|said\s+to|eyes|eyeing|consider(?:s|ing)|"
        r"comprará|rachètera|va\s+racheter)\b",
        re.IGNORECASE,
    ),
    # a listing filed for and a listing priced or traded (weeks apart) are two events:
    # read only in a title naming an IPO or a listing ("Cerulean prices IPO" / "Cerulean
    # soars in Nasdaq debut" are one listing)
    "ipo-filing": re.compile(r"\b(?:files?|filed|filing|[SF]-1|confidentially)\b", re.IGNORECASE),
    "ipo-listing": re.compile(
        r"\b(?:prices|priced|pricing|debut|debuts|begins\s+trading|starts\s+trading|"
        r"(?:shares?|stock)\s+(?:jump|jumps|soar|soars|surge|surges|pop|pops|rise|rises|"
        r"fall|falls|sink|sinks|slide|slides))\b",
        re.IGNORECASE,
    ),
    "denial": re.compile(
        r"\b(?:denies|denied|deny|denying|rules\s+out|ruled\s+out|not\s+in\s+talks|"
        r"no\s+talks|no\s+approach|says\s+it\s+is\s+not|dismisses\s+reports?|"
        r"rejects\s+reports?|dément|démenti|desmiente|dementiert)\b"
        # a deal verb negated: "we're not buying …", "isn't negotiating", "won't sell"
        r"|(?:\bnot|n't|\bnever)\s+(?:\w+\s+)?(?:buy(?:ing)?|acquir(?:e|ing)|sell(?:ing)?|"
        r"merg(?:e|ing)|negotiat(?:e|ing)|in\s+(?:talks|discussions))\b",
        re.IGNORECASE,
    ),
}

_LISTED = re.compile(r"\bIPOs?\b|\bpublic\s+offering|\bgo(?:es|ing)?\s+public\b", re.IGNORECASE)

# Who a headline credits, not what happened: "…, Investors Say", "…, sources said",
# "— report" ("Snowflake Paid About $250 Million for Brindle, Investors Say" names no
# investment).
_ATTRIBUTION = re.compile(
    r"(?:,|\s[-–—])\s*(?:(?:people|sources?|investors?|insiders?|analysts?|executives?|"
    r"officials?|filings?|documents?|reports?|the\s+\w+)\s+)?(?:familiar\s+with\s+\w+\s+)?"
    r"(?:says?|said|show|shows|reports?|reported|claims?)\s*$",
    re.IGNORECASE,
)


# The background clause of a title, which tells what came before ("… Weeks After Denying
# Talks"): a denial there is not the title's (an approval there still tells one: "closes
# … acquisition after regulatory sign-off"). Only after a title's first words.
_BEFORE_BACKGROUND = re.compile(
    r"(?<=\w\s)\s*\b(?:after|following|despite|amid)\b(?=\s)", re.IGNORECASE
)


def stages(title: str, events: Collection[str]) -> frozenset[str]:
    """The stages of a deal or a rumour the title tells (``STAGE_PATTERNS``): an
    acquisition agreed ("to acquire", "agrees to buy", "in talks"), approved ("EU clears …",
    "shareholders approve …") or completed ("completes", "closes … acquisition"); and a
    denial ("Orrery denies report …"), whatever the event; a listing filed for or priced.
    The acquisition stages are read only in a title that names an acquisition ("closes $60M
    Series B" is the round), the listing's in one that names an IPO."""
    listing = _LISTED.search(title) is not None
    told = _BEFORE_BACKGROUND.split(title, 1)[0]  # ("… Weeks After Denying Talks")
    found = frozenset(
        name
        for name, pattern in STAGE_PATTERNS.items()
        if (name == "denial" or (listing if name.startswith("ipo-") else "acquire" in events))
        and pattern.search(told if name == "denial" else title)
    )
    return _shared(found) if found else _EMPTY


# A government's rule, named in a title's own clause (``Features.marks``: "policy"); not an
# event class, as it conflicts with none and a report of one rule often names none ("EU
# proposes delaying parts of AI Act" / "EU moves to delay key AI rules").
POLICY = "policy"
_POLICY = re.compile(
    r"\b(?:laws?|bills?|legislation|regulations?|rules(?!\s+out\b)|mandates?|bans?|decree|"
    r"ley|leyes|loi|lois|gesetz)\b",
    re.IGNORECASE,
)


# An incident told as one more of its kind: "Northvane down AGAIN", "hit by second outage in
# two days", "another breach", "fresh outage" (``Features.marks``: REPEAT).
_REPEAT = re.compile(
    r"\b(?:down|offline|outage|out)\s+(?:\w+\s+)?again\b"
    r"|\b(?:second|another|fresh|third|renewed|new|repeat|latest)\s+(?:\w+\s+)?"
    r"(?:outages?|disruptions?|breach(?:es)?|incidents?|hacks?)\b",
    re.IGNORECASE,
)
_INCIDENTS = frozenset({"outage", "breach"})


def repeat(title: str, events: Collection[str]) -> frozenset[str]:
    """``{REPEAT}`` when the title names an outage or a breach and tells it as one more of
    its kind ("Northvane down AGAIN", "hit by second outage in two days")."""
    if _INCIDENTS.intersection(events) and _REPEAT.search(title):
        return _REPEATED
    return _EMPTY


_REPEATED = frozenset({REPEAT})


def policy(title: str) -> frozenset[str]:
    """``{POLICY}`` when the title names a law, a bill, rules, a mandate or a ban before any
    background clause ("India orders platforms to label AI content" names none; "New Delhi
    mandates labels for deepfakes" does; "Orrery rules out a sale" does not)."""
    told = _BEFORE_BACKGROUND.split(title, 1)[0]
    return _POLICY_MARK if _POLICY.search(told) else _EMPTY


_POLICY_MARK = frozenset({POLICY})


def _publisher_first(head: _Part, publisher: _Part) -> None:
    """Make the publisher the first name of a title that names none of its words."""
    stems = [t for t in publisher.names if t not in COMPANY_WORDS and t not in _GENERIC_STEMS]
    if not stems or any(t in head.names for t in stems):
        return
    name = stems[0]
    head.names.insert(0, name)
    head.marked.add(name)
    head.terms[name] = max(head.terms.get(name, 0.0), PUBLISHER_WEIGHT)


def features(
    title: str, summary: str, lexicon: Lexicon | None = None, publisher: str | None = None
) -> Features:
    """Features of one item: the title counts fully, the summary's lead at half weight.

    ``lexicon`` memoises word classification across calls (the caller owns it).
    ``publisher``: whose own feed the item is from; a title that does not name it is about
    it ("Security incident update" on Copperleaf's newsroom): its name comes first among the
    names, a term weighed as a summary's.
    """
    lexicon = {} if lexicon is None else lexicon
    head = _read(_ATTRIBUTION.sub("", title), lexicon)
    if not head.events and _PRESENTING.match(title):
        head.events.add("launch")  # "Announcing FLUX.3", "Meet Nova 2": a product presented
        opener = stem(title.split()[0].lower())
        head.names[:] = [n for n in head.names if n != opener]
        head.products[:] = [p for p in head.products if not p.startswith(f"{opener} ")]
    if publisher:
        _publisher_first(head, _read(publisher, lexicon))
    body = _read(summary[:SUMMARY_CHARS], lexicon) if summary else None
    terms = dict(head.terms)
    for event in sorted(head.events):  # what happened, however it is worded
        terms[EVENT_PREFIX + event] = EVENT_WEIGHT
    all_amounts = list(head.amounts)
    if body is not None:
        for term, weight in body.terms.items():
            if term not in terms:
                terms[term] = weight * SUMMARY_FACTOR
        all_amounts += body.amounts
    return Features(
        approx=frozenset(head.approx | (body.approx if body else set())),
        products=tuple(head.products),
        openers=frozenset(head.openers),
        terms=terms,
        names=tuple(head.names),
        amounts=tuple(head.amounts),
        all_amounts=tuple(all_amounts),
        rounds=frozenset(head.rounds),
        events=frozenset(head.events),
        lower=frozenset(head.lower | (body.lower if body else set())),
        upper=frozenset(head.upper | (body.upper if body else set())),
        marked=frozenset(head.marked | (body.marked if body else set())),
        marks=stages(title, head.events)
        | {AFTER_PREFIX + e for e in head.before}
        | policy(title)
        | repeat(title, head.events),
        background=frozenset(head.background),
    )
