"""What we say about a story: its primary source, its deal, its tags, whether it is curated.

Glue of the pipeline layer (it uses the deals stage and the store); the decisions themselves
live in ``deals`` (classification, rules) and here only the choice among sources.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from .. import code_version, deals
from ..models import Deal, Entry, EntryDeal, FactRow, FeedSettings, Settings, StoryFactsUpdate
from ..parse import drop_invisible, plain_line
from ..store import Store

# How titles are cleaned before the deal reader sees them (``sanitize.plain_line``): a new
# value reads every stored entry again once (titles stored with markup or invisible
# characters by older code).
READER_INPUT = "plain-line-1"


# Changes whenever the deal rules, model or gazetteer change: stored readings made by another
# version are read again.
CLASSIFIER_VERSION = f"{READER_INPUT}+{code_version('deals', 'data')}"


def reading_version(publisher: str | None) -> str:
    """The version a stored deal reading must carry to be reused: the classifier's, and for
    a first-party feed the publisher it was read for (changing ``organization`` reads again)."""
    return CLASSIFIER_VERSION if not publisher else f"{CLASSIFIER_VERSION}@{publisher}"


def facts_key(settings: Settings) -> str:
    """The key of everything a story's facts are computed from besides its reports: the deal
    reader's version, what each feed's publisher is read from, currency rates, tag, watchlist
    and curation rules. Stored with the facts; a cycle that finds another key recomputes
    them all."""
    parts = {
        "classifier": CLASSIFIER_VERSION,
        "fact_sources": FACT_SOURCES,
        # what each feed's publisher is read from (``publisher_for`` is a function of these and
        # of the shipped gazetteer, which ``CLASSIFIER_VERSION`` holds), not the publisher
        # itself: inferring 10,000 publishers is 0.4 s of every one-shot cycle
        "publishers": sorted(
            (f.name, f.organization or "", repr(f.first_party), f.url or "") for f in settings.feeds
        ),
        "rates": sorted(settings.currency_rates.items()),
        "tags": [repr(t) for t in settings.tag_rules],
        "watchlist": list(settings.watchlist),
        "curation": repr(settings.curation),
        "subjects": SUBJECTS,
    }
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


Site = tuple[str | None, str | None]  # a feed document's own title and site link


def publisher_for(feed: FeedSettings | None, site: Site | None = None) -> str | None:
    """Whose own feed this is (``organization``, else inferred for ``first_party`` feeds and
    for feeds not marked either way, from the configured name and address, else from the
    feed document's own title and site link, ``site``)."""
    if feed is None:
        return None
    return deals.publisher_of(feed.organization, feed.first_party, feed.name, feed.url, site=site)


FACT_SOURCES = 200  # a story's facts are read from its first reports, at most this many
# How a story's subjects are read (the gazetteer's companies its reports' titles name, each
# name starting with a capital letter): a new value reads every story's facts again.
SUBJECTS = "titles-1"
BATCH = 500  # stories whose facts are read and saved together


@dataclass(frozen=True)
class FactsSaved:
    """What deciding some stories' facts saved: how many stories changed, the former deal
    of each changed story (for alerts and corrections), and the deal readings made now and
    saved with their entries (entry id, reading)."""

    changed: int
    previous: Mapping[int, Deal | None]
    late: tuple[tuple[int, EntryDeal], ...]


class _Publishers(Mapping[str, str | None]):
    """Each feed's publisher (``publisher_for``), inferred when a story of that feed is first
    read, not for every configured feed up front: a one-shot cycle that reads 300 entries of
    100 feeds infers 100 publishers, not 10,000."""

    def __init__(self, feeds: Mapping[str, FeedSettings], sites: Mapping[str, Site]) -> None:
        self._feeds = feeds
        self._sites = sites
        self._known: dict[str, str | None] = {}

    def __getitem__(self, name: str) -> str | None:
        if name not in self._known:
            feed = self._feeds[name]  # KeyError for a feed no longer configured
            self._known[name] = publisher_for(feed, self._sites.get(name))
        return self._known[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._feeds)

    def __len__(self) -> int:
        return len(self._feeds)


@dataclass(frozen=True)
class StoryFacts:
    feeds: Mapping[str, FeedSettings]
    gazetteer: Any
    rates: Mapping[str, float]
    tags: Any
    watchlist: tuple[re.Pattern[str], ...]
    settings: Settings
    publishers: Mapping[str, str | None]

    @classmethod
    def from_settings(
        cls, settings: Settings, sites: Mapping[str, Site] | None = None
    ) -> StoryFacts:
        """``sites``: each feed's stored title and site link (``Store.feed_sites``)."""
        sites = sites or {}
        return cls(
            feeds={f.name: f for f in settings.feeds},
            gazetteer=deals.load_gazetteer(),
            rates=dict(settings.currency_rates),
            tags=deals.compile_tag_rules(settings.tag_rules),
            watchlist=tuple(re.compile(rf"\b{re.escape(n)}\b", re.I) for n in settings.watchlist),
            settings=settings,
            publishers=_Publishers({f.name: f for f in settings.feeds}, sites),
        )

    def apply(self, store: Store, story_id: int, now: datetime) -> bool:
        """Recompute and save the facts of one story (inside the caller's write)."""
        return self.apply_many(store, [story_id], now).changed == 1

    def apply_many(
        self,
        store: Store,
        story_ids: Sequence[int],
        now: datetime,
        members: Mapping[int, Sequence[int]] | None = None,
    ) -> FactsSaved:
        """Recompute and save the facts of these stories (inside the caller's write): how
        many changed, their former deals, the readings made now.

        Read from each story's first ``FACT_SOURCES`` reports, so a story that keeps
        growing costs the same each time it is touched; a deal reading missing or made by
        another classifier version is made now and saved with the entry (once). Stories are
        read and saved in batches of ``BATCH``. ``members``: every report of some of the
        stories (story -> entry ids), known to the caller: looked up by entry id.
        """
        members = members or {}
        changed = 0
        previous: dict[int, Deal | None] = {}
        saved: list[tuple[int, EntryDeal]] = []
        for start in range(0, len(story_ids), BATCH):
            chunk = story_ids[start : start + BATCH]
            rows = store.fact_rows_many([s for s in chunk if s not in members], limit=FACT_SOURCES)
            known = store.entry_fact_rows([e for s in chunk if s in members for e in members[s]])
            rows.update(
                (s, first_reports([known[e] for e in members[s] if e in known], FACT_SOURCES))
                for s in chunk
                if s in members
            )
            late: list[tuple[int, EntryDeal]] = []
            updates = [
                u
                for u in (self.decide(story_id, rows[story_id], late) for story_id in chunk)
                if u is not None
            ]
            store.save_entry_deals(late)
            saved += late
            before = store.set_story_facts_many(updates, now)
            changed += len(before)
            previous.update(before)
        return FactsSaved(changed, previous, tuple(saved))

    def decide(
        self, story_id: int, rows: Sequence[FactRow], late: list[tuple[int, EntryDeal]]
    ) -> StoryFactsUpdate | None:
        """The facts of a story from its ``rows`` (None without any); a deal reading made
        now (missing, or by other code) is added to ``late`` (entry id, reading) to be
        saved."""
        if not rows:
            return None
        read = [self.current(row, late) for row in rows]
        primary = choose_primary(read, self.feeds)
        deal = self.deal(read, primary)
        text = " ".join(f"{r.title} {r.summary}" for r in read)
        tags = set(deals.match_tags(self.tags, text))
        if any(p.search(text) for p in self.watchlist):
            tags.add("watchlist")
        curated = deals.is_curated(deal, sorted(tags), self.settings.curation, self.gazetteer)
        return StoryFactsUpdate(
            story_id, primary.id, deal, tuple(sorted(tags)), curated, self.subjects(read)
        )

    def subjects(self, rows: Sequence[FactRow]) -> tuple[tuple[str, str], ...]:
        """(slug, name) of the known companies the titles of ``rows`` name, by slug (the
        smallest name of a slug): "OpenAI" in "OpenAI ships a new model", not "apple" in
        "apple harvest"."""
        found: dict[str, str] = {}
        for row in rows:
            title = plain_line(row.title)
            for mention in self.gazetteer.find(title):
                if not title[mention.start : mention.start + 1].isupper():
                    continue
                slug = self.gazetteer.slug(mention.name)
                found[slug] = min(found.get(slug, mention.name), mention.name)
        return tuple(sorted(found.items()))

    def current(self, row: FactRow, late: list[tuple[int, EntryDeal]]) -> FactRow:
        """``row`` with a reading by this code: the stored one, or one made now (and added
        to ``late``)."""
        version = reading_version(self.publishers.get(row.feed))
        if row.deal is not None and row.deal.version == version:
            return row
        reading = EntryDeal(version, self.entry_deal(row))
        late.append((row.id, reading))
        return replace(row, deal=reading)

    def entry_deal(self, row: FactRow) -> Deal | None:
        """The reading stored with the entry, or a fresh one if missing or from older code."""
        publisher = self.publishers.get(row.feed)
        if row.deal is not None and row.deal.version == reading_version(publisher):
            return row.deal.deal
        return deals.classify(
            plain_line(row.title),
            drop_invisible(row.summary),
            gazetteer=self.gazetteer,
            rates=self.rates,
            publisher=publisher,
        )

    def deal(self, rows: Sequence[FactRow], primary: FactRow) -> Deal | None:
        """The primary source's reading if it sees a deal; else one that two sources agree on."""
        found = {r.id: self.entry_deal(r) for r in rows}
        others = [d for i, d in found.items() if d is not None and i != primary.id]
        base = found[primary.id]
        if base is None:
            # The primary (often a company's own, vaguely titled post) saw no deal: trust the
            # other outlets when two agree, or when one does and the primary's headline has
            # no non-deal cue (a lawsuit, earnings, a launch...).
            votes = Counter(d.type for d in others)
            if not votes:
                return None
            needed = 2 if deals.has_non_deal_cue(primary.title) else 1
            if votes.most_common(1)[0][1] < needed:
                return None
            kind = votes.most_common(1)[0][0]
            base = next(d for d in others if d.type == kind)
        return complete(base, [d for d in others if d.type == base.type])


def first_reports(rows: Sequence[FactRow], limit: int) -> list[FactRow]:
    """The first ``limit`` (all when negative) of a story's fact rows, oldest first."""
    ordered = sorted(rows, key=lambda r: (r.pub_time, r.id))
    return ordered[:limit] if limit >= 0 else ordered


def classify_entries(
    entries: Sequence[Entry],
    rates: Mapping[str, float],
    known: frozenset[str] = frozenset(),
    publisher: str | None = None,
) -> tuple[EntryDeal | None, ...]:
    """Each entry's deal reading (run in the parse workers, next to parsing).

    Entries whose content hash is in ``known`` (stored already, unchanged) are not read:
    None in their place. ``publisher``: the organisation whose own feed this is.
    """
    gazetteer = deals.load_gazetteer()
    version = reading_version(publisher)
    return tuple(
        None
        if e.content_hash in known
        else EntryDeal(
            version,
            deals.classify(
                plain_line(e.title),
                drop_invisible(e.summary),
                gazetteer=gazetteer,
                rates=rates,
                publisher=publisher,
            ),
        )
        for e in entries
    )


def complete(deal: Deal, more: Sequence[Deal]) -> Deal:
    """Fill what the chosen report left out from other reports of the same deal type.

    Outlets name different sides: one says "Quillon AI raises $120M", another "Northwind
    leads funding in Quillon AI". Parties are added (never replaced); amount, valuation,
    round and status are taken only when the chosen report has none.
    """
    parties = list(deal.parties)
    known = {p.slug for p in parties}
    fields: dict[str, Any] = {}
    for other in more:
        for party in other.parties:
            if party.slug not in known:
                parties.append(party)
                known.add(party.slug)
        for name in ("amount", "valuation", "round", "status"):
            if getattr(deal, name) is None and name not in fields and getattr(other, name):
                fields[name] = getattr(other, name)
    if len(parties) == len(deal.parties) and not fields:
        return deal
    return replace(deal, parties=tuple(parties), **fields)


def choose_primary(rows: Sequence[FactRow], feeds: Mapping[str, FeedSettings]) -> FactRow:
    """Highest feed priority, then a first-party source, then the earliest report."""

    def key(row: FactRow) -> tuple[int, int, str, int]:
        feed = feeds.get(row.feed)
        priority = feed.priority if feed else 0
        first_party = 1 if feed and feed.first_party else 0
        return (-priority, -first_party, row.pub_time, row.id)

    return min(rows, key=key)
