"""The window of recent items: inverted index over terms, URL/GUID maps, story membership.

Everything is keyed by entry id; dicts (insertion-ordered) are used as ordered sets so that
iteration, and therefore every decision, is deterministic.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Collection
from dataclasses import dataclass
from typing import TypeVar

from aggregator.models import EventFacts
from aggregator.stories._event import party_keys
from aggregator.stories._text import GENERIC_WEIGHT, Features

MIN_POSTINGS = 20
# A strong term in more items than this many times the rare limit keeps no list of its
# items: only rare terms are looked up, and such a list (a term of every report of a feed
# or a burst) held a third of the window's postings. Its list is made again from the
# items, in their order, once the term is rare again.
UNLISTED_FACTOR = 4


@dataclass(slots=True)
class Slot:
    """One registered item."""

    entry_id: int
    story_id: int
    time: float  # publication time, POSIX seconds
    features: Features
    url: str | None
    guid: str | None
    feed: str = ""
    facts: EventFacts | None = None  # the deal reading's parties, kind, amount, round
    digest: bool = False  # a newsletter title listing several stories


class Window:
    """Items no older than ``span`` seconds before the newest one seen."""

    def __init__(self, span: float, idf_prior: float) -> None:
        self.span = span
        self.idf_prior = idf_prior
        self.slots: dict[int, Slot] = {}
        self.postings: dict[str, int] = {}  # term -> how many items have it
        # term -> the items where it weighs more than a generic word, in the order they came;
        # none for a term in ``unlisted``, too frequent to be looked up (UNLISTED_FACTOR)
        self.strong: dict[str, list[int]] = {}
        self.unlisted: dict[str, None] = {}
        # URL or GUID -> the item having it, or the items (dict) once more than one has it
        self.urls: dict[str, int | dict[int, None]] = {}
        self.guids: dict[str, int | dict[int, None]] = {}
        self.parties: dict[str, dict[int, None]] = {}  # party slug -> items naming it
        self.story_feeds: dict[int, dict[str, int]] = {}  # story -> feed -> its items there
        self.digest_count: dict[int, int] = {}  # story -> roundups in it
        self.members: dict[int, dict[int, None]] = {}
        self.profiles: dict[int, dict[str, float]] = {}  # story -> term -> summed weight
        self.lower: dict[str, int] = {}  # term -> items writing it in lower case
        self.upper: dict[str, int] = {}  # term -> items capitalising it mid-sentence
        self._queue: list[tuple[float, int]] = []
        self.newest = -math.inf

    # ------------------------------------------------------------------ statistics
    def idf(self, term: str) -> float:
        """Rarity of a term in the window (smoothed so that small windows stay sane)."""
        count = self.postings.get(term, 0)
        return math.log((len(self.slots) + self.idf_prior) / (count + 1.0))

    @property
    def rare_limit(self) -> int:
        """Terms in more items than this (2 % of the window, at least 20) are frequent."""
        return max(MIN_POSTINGS, len(self.slots) // 50)

    def frequent(self, term: str) -> bool:
        """Too widespread in the window to count as shared evidence."""
        return self.postings.get(term, 0) > self.rare_limit

    def common(self, term: str) -> bool:
        """Seen in lower case more often than capitalised mid-sentence: not a name."""
        return self.lower.get(term, 0) > self.upper.get(term, 0)

    def weights(self, feats: Features) -> dict[str, float]:
        """An item's term weights times their rarity here."""
        idf = self.idf
        return {t: w * idf(t) for t, w in feats.terms.items()}

    # ------------------------------------------------------------------ changes
    def insert(self, slot: Slot) -> None:
        old = self.slots.get(slot.entry_id)
        if old is not None:
            if old.story_id == slot.story_id:
                return
            self._leave_story(old)
            old.story_id = slot.story_id
            self._join_story(old)
            return
        entry_id = slot.entry_id
        limit = self.rare_limit
        self.slots[entry_id] = slot
        postings, strong, unlisted = self.postings, self.strong, self.unlisted
        cap = UNLISTED_FACTOR * limit
        for term, weight in slot.features.terms.items():
            count = postings[term] = postings.get(term, 0) + 1
            if weight > GENERIC_WEIGHT and term not in unlisted:
                bucket = strong.get(term)
                if bucket is None:
                    strong[term] = [entry_id]
                elif count > cap:
                    del strong[term]
                    unlisted[term] = None
                else:
                    bucket.append(entry_id)
        if unlisted and self.rare_limit != limit:  # a larger window: some may be rare now
            for term in [t for t in unlisted if postings.get(t, 0) <= self.rare_limit]:
                self._relist(term)
        _count(self.lower, slot.features.lower, 1)
        _count(self.upper, slot.features.upper, 1)
        if slot.url:
            _add(self.urls, slot.url, entry_id)
        if slot.guid:
            _add(self.guids, slot.guid, entry_id)
        if slot.facts is not None:
            for party in slot.facts.parties:
                for key in party_keys(party):
                    self.parties.setdefault(key, {})[slot.entry_id] = None
        self._join_story(slot)
        heapq.heappush(self._queue, (slot.time, slot.entry_id))

    def advance(self, time: float) -> None:
        """Move the clock to ``time`` (never backwards) and evict what fell out."""
        if time <= self.newest:
            return
        self.newest = time
        cutoff = time - self.span
        while self._queue and self._queue[0][0] < cutoff:
            _, entry_id = heapq.heappop(self._queue)
            self.remove(entry_id)

    def remove(self, entry_id: int) -> None:
        slot = self.slots.pop(entry_id, None)
        if slot is None:
            return
        postings, strong, unlisted, limit = self.postings, self.strong, self.unlisted, 0
        for term, weight in slot.features.terms.items():
            left = postings[term] - 1
            if left:
                postings[term] = left
            else:
                del postings[term]
            bucket = strong.get(term)
            if bucket is not None:
                if weight > GENERIC_WEIGHT:
                    bucket.remove(entry_id)  # (the oldest items leave first: near the front)
                if not bucket:
                    del strong[term]
            elif term in unlisted:
                limit = limit or self.rare_limit
                if left <= limit:
                    self._relist(term)
        _count(self.lower, slot.features.lower, -1)
        _count(self.upper, slot.features.upper, -1)
        if slot.url:
            _drop(self.urls, slot.url, entry_id)
        if slot.guid:
            _drop(self.guids, slot.guid, entry_id)
        if slot.facts is not None:
            for party in slot.facts.parties:
                for key in party_keys(party):
                    _discard(self.parties, key, entry_id)
        self._leave_story(slot)

    def _relist(self, term: str) -> None:
        """The list of a term's items again, in the window's order (as it would have grown)."""
        del self.unlisted[term]
        bucket = [
            entry_id
            for entry_id, slot in self.slots.items()
            if slot.features.terms.get(term, 0.0) > GENERIC_WEIGHT
        ]
        if bucket:
            self.strong[term] = bucket

    def set_facts(self, entry_id: int, facts: EventFacts | None) -> None:
        slot = self.slots.get(entry_id)
        if slot is None or slot.facts == facts:
            return
        for party in slot.facts.parties if slot.facts is not None else ():
            for key in party_keys(party):
                _discard(self.parties, key, entry_id)
        slot.facts = facts
        for party in facts.parties if facts is not None else ():
            for key in party_keys(party):
                self.parties.setdefault(key, {})[entry_id] = None

    def move_story(self, keep: int, drop: int) -> None:
        for entry_id in list(self.members.get(drop, ())):
            slot = self.slots[entry_id]
            self._leave_story(slot)
            slot.story_id = keep
            self._join_story(slot)

    def closed(self, story: int) -> bool:
        """A digest's story: a roundup is its own story, nothing else joins it."""
        return self.digest_count.get(story, 0) > 0

    def feeds_of(self, story: int) -> set[str]:
        """The feeds that already have an item in ``story``."""
        return set(self.story_feeds.get(story, ()))

    def has_feed(self, story: int, feed: str) -> bool:
        return feed in self.story_feeds.get(story, ())

    def _join_story(self, slot: Slot) -> None:
        self.members.setdefault(slot.story_id, {})[slot.entry_id] = None
        feeds = self.story_feeds.setdefault(slot.story_id, {})
        feeds[slot.feed] = feeds.get(slot.feed, 0) + 1
        if slot.digest:
            self.digest_count[slot.story_id] = self.digest_count.get(slot.story_id, 0) + 1
        terms = slot.features.terms
        profile = self.profiles.get(slot.story_id)
        if profile is None:
            # A story of one item: the item's own terms are its summed weights (each weight
            # is positive, so equal to 0.0 + weight), shared until a second item joins.
            self.profiles[slot.story_id] = terms  # type: ignore[assignment]
            return
        if len(self.members[slot.story_id]) == 2:  # the first item's terms: summed in a copy
            profile = self.profiles[slot.story_id] = dict(profile)
        for term, weight in terms.items():
            summed = profile.get(term)
            profile[term] = 0.0 + weight if summed is None else summed + weight

    def _leave_story(self, slot: Slot) -> None:
        _discard(self.members, slot.story_id, slot.entry_id)
        feeds = self.story_feeds.get(slot.story_id, {})
        if feeds.get(slot.feed, 0) > 1:
            feeds[slot.feed] -= 1
        else:
            feeds.pop(slot.feed, None)
        if slot.digest:
            digests = self.digest_count.get(slot.story_id, 0) - 1
            if digests > 0:
                self.digest_count[slot.story_id] = digests
            else:
                self.digest_count.pop(slot.story_id, None)
        if slot.story_id not in self.members:
            self.profiles.pop(slot.story_id, None)
            self.story_feeds.pop(slot.story_id, None)
            return
        profile = self.profiles[slot.story_id]
        for term, weight in slot.features.terms.items():
            left = profile[term] - weight
            if left > 1e-9:
                profile[term] = left
            else:
                del profile[term]


K = TypeVar("K")


def _discard(table: dict[K, dict[int, None]], key: K, entry_id: int) -> None:
    bucket = table.get(key)
    if bucket is None:
        return
    bucket.pop(entry_id, None)
    if not bucket:
        del table[key]


def _add(table: dict[str, int | dict[int, None]], key: str, entry_id: int) -> None:
    held = table.get(key)
    if held is None:
        table[key] = entry_id
    elif isinstance(held, int):
        table[key] = {held: None, entry_id: None}
    else:
        held[entry_id] = None


def _drop(table: dict[str, int | dict[int, None]], key: str, entry_id: int) -> None:
    held = table.get(key)
    if held is None:
        return
    if isinstance(held, int):
        if held == entry_id:
            del table[key]
        return
    held.pop(entry_id, None)
    if not held:
        del table[key]


def holders(held: int | dict[int, None]) -> tuple[int, ...] | dict[int, None]:
    """The items of a URL or GUID entry (see ``Window.urls``), in the order they came."""
    return (held,) if isinstance(held, int) else held


def _count(table: dict[str, int], terms: Collection[str], step: int) -> None:
    for term in terms:
        left = table.get(term, 0) + step
        if left > 0:
            table[term] = left
        else:
            table.pop(term, None)
