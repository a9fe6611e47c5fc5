"""First-party posts: who "we" is, and reading a post as its publisher would.

A company's own newsroom writes "we", "our" or no subject at all ("Series D Announcement",
"Partnering with Mozilla to ..."). ``publisher_of`` names the organisation behind a feed
(the configured ``organization``, else inferred for ``first_party`` feeds from the feed's
name and its address's registered domain, via tldextract's bundled public-suffix list);
``first_person`` puts that name where the post says "we"/"our", and ``with_subject``
puts it in front of a headline that names no one before its verb.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._gazetteer import TOKEN_RE, Gazetteer, load_gazetteer
from ._lexicon import is_ordinary

_WE = re.compile(r"\b(?:[Ww]e|WE)\b(?:['’](?:re|ve|ll|d))?")
_OUR = re.compile(r"\b(?:[Oo]ur|OUR)\b")
_US = re.compile(r"(?<=\s)us\b")
_OUR_WORD = re.compile(r"\b(?:[Oo]ur|OUR)\s+([A-Z][a-z]+)\b")


def _plain(word: str) -> str:
    """An ordinary word written with a capital after "our" loses it ("our Landmark ...")."""
    return word.lower() if is_ordinary(word.lower()) else word


# Words of a feed's name that say what kind of feed it is, not whose.
_FEED_WORDS = re.compile(
    r"\b(?:the|news|newsroom|blog|blogs|research|engineering|press|releases?|updates?|hub|feed"
    r"|rss|atom|official|company|team|stories|announcements?|posts?|articles?|insights)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _extractor():  # type: ignore[no-untyped-def]
    import tldextract

    # The snapshot bundled with the package: no download, no cache directory.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def preload_domains() -> None:
    """Import tldextract and read its bundled list now, not at the first feed asked about."""
    _extractor()


def registered_name(url: str | None) -> str | None:
    """ "anthropic" for https://www.anthropic.com/news, "aisi" for https://www.aisi.gov.uk."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    parts = _extractor()(url)
    return parts.domain or None


def _title_name(name: str) -> str:
    cleaned = _FEED_WORDS.sub(" ", re.split(r"\s[|–—-]\s|:\s", name)[0])
    return " ".join(cleaned.split()).strip(" ,.")


def publisher_of(
    organization: str | None,
    first_party: bool | None,
    name: str,
    url: str | None,
    gazetteer: Gazetteer | None = None,
    site: tuple[str | None, str | None] | None = None,
) -> str | None:
    """The organisation that publishes a feed, or None for a feed that reports on others:
    ``organization``; else, for a first-party feed, the gazetteer company its name or its
    registered domain names, else its name without feed words, else its domain. When
    ``first_party`` is None (not configured) the feed is first-party when its registered
    domain and its name name the same gazetteer company, one that is no news outlet
    (``https://openai.com/news/rss.xml`` "OpenAI News": OpenAI; TechCrunch: None).
    ``site``: the feed document's own title and site link (``<title>``, ``<link>``), read
    the same way when the configured name and address say nothing (a feed read from a file,
    a mirror or a proxy: "Anthropic News" at https://www.anthropic.com/news)."""
    if organization:
        return organization
    if first_party is False:
        return None
    if first_party is not None:
        return _inferred(name, url) if gazetteer is None else _infer(name, url, gazetteer)
    own = _own_shipped if gazetteer is None else lambda n, u: _own_site(n, u, gazetteer)
    found = own(name, url)  # the shipped gazetteer: the same answer every cycle, memoised
    if found is None and site is not None and site[0] and site[1]:
        found = own(site[0], site[1])
    return found


@lru_cache(maxsize=16_384)
def _own_shipped(name: str, url: str | None) -> str | None:
    """``_own_site`` with the shipped gazetteer, once per feed and process (asked for every
    feed of every cycle: 10,000 feeds cost 0.3 s of CPU each time)."""
    return _own_site(name, url, load_gazetteer())


# Hosts that carry other people's news under a company's domain.
_AGGREGATOR_HOSTS = re.compile(
    r"^https?://(?:[\w-]+\.)*(?:news\.google|news\.yahoo|finance\.yahoo|news\.microsoft"
    r"|msn|feeds\.feedburner|medium|substack|github|youtube|reddit)\.",
    re.IGNORECASE,
)


_NEWSROOM = re.compile(r"\b(?:blog|newsroom|press\s+releases|announcements)\b", re.IGNORECASE)


def _own_site(name: str, url: str | None, gz: Gazetteer) -> str | None:
    """The company whose own site a feed not marked either way is on, or None: the first
    company the feed's name names ("Microsoft AI Blog": Microsoft), no news outlet, when the
    domain names it too ("openai.com") or spells its name ("stability.ai", "x.ai" for xAI);
    or a company the gazetteer does not know, when the feed's name is that company's name
    and a newsroom word and the domain spells it ("Ollama Blog" on ollama.com)."""
    if not url or _AGGREGATOR_HOSTS.match(url):
        return None
    parts = _extractor()(url)
    domain = parts.domain.lower()
    if not domain:
        return None
    spellings = {domain, domain + parts.suffix.replace(".", "").lower()}
    titled = _title_name(name) or name
    named = next(iter(gz.find(titled)), None)
    if named is not None:
        if gz.kind(gz.canonical(named.name)) == "media":
            return None
        site = gz.lookup(tuple(TOKEN_RE.findall(domain)))
        spelled = any(
            len(s) >= 3 and gz.slug(named.name).replace("-", "").startswith(s) for s in spellings
        )
        same = site is not None and gz.canonical(site) == gz.canonical(named.name)
        return named.name if same or spelled else None
    if _NEWSROOM.search(name) and gz.slug(titled).replace("-", "") in spellings:
        return titled
    return None


@lru_cache(maxsize=1024)
def _inferred(name: str, url: str | None) -> str | None:
    return _infer(name, url, load_gazetteer())


def _infer(name: str, url: str | None, gz: Gazetteer) -> str | None:
    titled = _title_name(name)
    domain = registered_name(url)
    for candidate in (titled, domain):
        hit = gz.lookup(tuple(TOKEN_RE.findall(candidate))) if candidate else None
        if hit is not None:
            return hit
    return titled or (domain.capitalize() if domain else None)


def first_person(text: str, publisher: str, verbs: bool = False) -> str:
    """ "we"/"our"/"us" replaced by the publisher's name (its possessive for "our");
    ``verbs``: "we're" and "we'll" keep their verb ("Anthropic is", "Anthropic will")."""
    if not text or not (_WE.search(text) or _OUR.search(text) or " us" in text):
        return text
    text = _OUR_WORD.sub(lambda m: f"{publisher}'s {_plain(m.group(1))}", text)
    text = _OUR.sub(f"{publisher}'s", text)
    text = _WE.sub(lambda m: _we(m.group(0), publisher) if verbs else publisher, text)
    return _US.sub(publisher, text)


_CONTRACTED = {"re": "is", "ll": "will"}


def _we(word: str, publisher: str) -> str:
    """ "We're" -> "Anthropic is", "we'll" -> "Anthropic will": the verb kept, as a headline
    about the publisher would say it ("we've raised" stays "Anthropic raised")."""
    tail = word[3:].lower() if len(word) > 2 and word[2] in "'’" else ""
    return f"{publisher} {_CONTRACTED[tail]}" if tail in _CONTRACTED else publisher


def with_subject(title: str, publisher: str) -> str:
    """The headline with the publisher as its subject ("Partnering with X" -> "Anthropic
    partnering with X"); an ordinary first word loses its capital."""
    first = TOKEN_RE.match(title.strip())
    title = title.strip()
    if title.startswith(publisher) and not title[len(publisher) : len(publisher) + 1].isalnum():
        return title  # "Orbit 7 to be acquired by Teradyne": the publisher is its subject
    if first and first.group(0)[1:].islower() and is_ordinary(first.group(0).lower()):
        title = title[0].lower() + title[1:]
    return f"{publisher} {title}"
