"""Story clustering: one story per event, however many outlets report it.

The pipeline keeps a :class:`StoryIndex` of the recent window, ``add()``-s the items already
in stories, then for each new item (in publication order) calls ``assign()``, creates or
joins the story it names, folds any ``merge_story_ids`` into the older story with
``merge()``, and ``add()``-s the item. Rules, in order:

* ``same-url`` / ``same-guid``: the canonical URL (or a globally unique GUID) is already in
  the window;
* ``similar``: title and summary share enough rare terms, names and amounts (score at or
  above ``StoryOptions.threshold``) with an item published within ``window_days``, and no
  veto applies (conflicting event types, amounts, funding rounds, or subjects);
* ``new``: otherwise (``score``/``shared_terms`` then describe the nearest miss).

A joined story is also compared with the other matching stories: those whose mean term
vector is close (``story_merge_threshold``) and that no veto separates are named in
``merge_story_ids``.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Iterable, Iterator, Sequence

from aggregator.headlines import is_roundup
from aggregator.models import EventFacts, StoryDecision, StoryItem
from aggregator.stories import _codec, _snapshot
from aggregator.stories._event import UPDATE
from aggregator.stories._index import Slot, Window
from aggregator.stories._lexicon import dictionary_stems
from aggregator.stories._match import score_pair
from aggregator.stories._options import StoryOptions
from aggregator.stories._search import Report, exact, similar
from aggregator.stories._text import COMPANY_WORDS, Features, Lexicon, compact, features, stem

__all__ = ["StoryIndex", "StoryOptions", "cluster"]


def is_digest(title: str) -> bool:
    """A title that lists several stories ("A raises $7B 💰, B ships C 🤖, D buys E"), or
    two ("A and B both raise $300M, C open-sources D": ``_two_stories``)."""
    return is_roundup(title) or _two_stories(title)


_CLAUSES = re.compile(r",\s+")
_BACKERS = re.compile(
    r"\bamong\s+(?:the\s+)?(?:investors|backers)\b|\b(?:investors|backers)\s+include\b",
    re.IGNORECASE,
)


def _two_stories(title: str) -> bool:
    """Two comma-separated clauses, each of three words or more, each opening with a name
    the other does not have and each naming an event of its own: a newsletter's two items,
    not one story ("Quill raises $50M, launches agents" has one subject)."""
    parts = _CLAUSES.split(title)
    if len(parts) != 2 or any(len(p.split()) < 3 or not p[:1].isupper() for p in parts):
        return False
    if _BACKERS.search(parts[1]):
        return False  # who took part in the first: "Varda nabs $150M, NVIDIA among investors"
    if not all(_opens_with_company(p) for p in parts):
        return False
    first, second = (features(p, "") for p in parts)
    if not (first.events and second.events and first.names and second.names):
        return False
    return first.names[0] not in second.terms and second.names[0] not in first.terms


def _opens_with_company(clause: str) -> bool:
    """The clause's first word is a company's name: no dictionary word ("Halden …"; not
    "Buying …", "Its …", "Fresh off …"), or one followed by a company word ("Sable Labs")."""
    words = clause.split()
    head = stem(words[0].lower())
    return head not in dictionary_stems() or stem(words[1].lower()) in COMPANY_WORDS


class StoryIndex:
    """The items of the last ``window_days``, indexed for finding their story."""

    def __init__(self, options: StoryOptions = StoryOptions()) -> None:
        self.options = options
        self._window = Window(options.window_days * 86400.0, options.idf_prior)
        self._last: tuple[StoryItem, Features] | None = None
        self._last_digest: tuple[str, bool] | None = None
        self._lexicon: Lexicon = {}

    def __len__(self) -> int:
        return len(self._window.slots)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._window.slots

    def covers(self, published: float) -> bool:
        """True when an item published at ``published`` (POSIX seconds) is judged against
        the same items here as in an index freshly loaded around it: the index holds
        items and the time is no older than the window behind the newest one."""
        return bool(self._window.slots) and published >= self._window.newest - self._window.span

    def advance(self, published: float) -> None:
        """Move the window's clock to ``published`` (POSIX seconds; never backwards),
        evicting the items that fell out of the window."""
        self._window.advance(published)

    def story_of(self, entry_id: int) -> int | None:
        """The story an item in the window belongs to (None once evicted or unknown)."""
        slot = self._window.slots.get(entry_id)
        return slot.story_id if slot else None

    def add(self, item: StoryItem, story_id: int, encoded: str | None = None) -> None:
        """Register an item that belongs to ``story_id``; evict items that left the window.

        ``encoded``: the item's features as saved by :meth:`encoded_features` (read again
        from the text when missing or made by other code). Adding an item again is a no-op
        (or moves it, if ``story_id`` differs).
        """
        time = item.published.timestamp()
        self._window.advance(time)
        if time < self._window.newest - self._window.span:
            return  # already outside the window
        feats = compact(_codec.decode(encoded) or self._features(item))
        url, guid = item.url, item.guid
        slot = Slot(
            item.entry_id,
            story_id,
            time,
            feats,
            url,
            url if guid == url else guid,  # one string when the GUID is the link
            sys.intern(item.feed),
            item.facts,
            self._digest(item.title),
        )
        self._window.insert(slot)

    def encoded_features(self, item: StoryItem) -> str:
        """The item's features as compact text, to store beside the entry."""
        return _codec.encode(self._features(item))

    def assign(self, item: StoryItem) -> StoryDecision:
        """Decide which story ``item`` joins (``story_id=None``: a new one). Registers nothing."""
        known = self._window.slots.get(item.entry_id)
        if known is not None:
            return StoryDecision(
                entry_id=item.entry_id,
                story_id=known.story_id,
                rule="same-entry",
                score=1.0,
                matched_entry_id=item.entry_id,
            )
        decision = exact(self._window, item.entry_id, item.url, item.guid)
        if decision is not None:
            return decision
        if self._digest(item.title):  # a roundup joins no story (only its own copies)
            return StoryDecision(entry_id=item.entry_id, story_id=None, rule="new-digest")
        return similar(
            self._window,
            item.entry_id,
            self._features(item),
            item.published.timestamp(),
            self.options,
            Report(item.feed, item.facts, bool(UPDATE.search(item.title))),
        )

    def snapshot(self) -> Iterator[object]:
        """The index as records of builtin values (tuples, lists, dicts, frozensets, str,
        int, float, None) for another process: :meth:`restored` makes the same index of
        them, one that decides exactly as this one would."""
        return _snapshot.records(self._window, dataclasses.astuple(self.options))

    @classmethod
    def restored(cls, options: StoryOptions, records: Iterable[object]) -> StoryIndex:
        """The index :meth:`snapshot` wrote (ValueError when ``records`` are not such an
        index of these ``options``)."""
        index = cls(options)
        index._window = _snapshot.restore(records, dataclasses.astuple(options))
        return index

    def set_facts(self, entry_id: int, facts: EventFacts | None) -> None:
        """The deal reading of an item in the window was made (or made again) after it was
        added: its facts are now ``facts``."""
        self._window.set_facts(entry_id, facts)

    def merge(self, keep: int, drop: int) -> None:
        """Story ``drop`` was folded into ``keep``: its items now belong to ``keep``."""
        if keep != drop:
            self._window.move_story(keep, drop)

    def similarity(self, a: StoryItem, b: StoryItem) -> float:
        """Score of two items with the window's term rarities (0.0 when a veto applies)."""
        pair = score_pair(
            self._features(a), self._features(b), self._window, self.options.min_shared_terms
        )
        return pair.score

    def _digest(self, title: str) -> bool:
        """``is_digest`` of the last title asked (assign and add ask for the same item)."""
        if self._last_digest is None or self._last_digest[0] != title:
            self._last_digest = (title, is_digest(title))
        return self._last_digest[1]

    def _features(self, item: StoryItem) -> Features:
        if self._last is not None and (self._last[0] is item or self._last[0] == item):
            return self._last[1]
        feats = features(item.title, item.summary, self._lexicon, item.publisher)
        self._last = (item, feats)
        return feats


def cluster(
    items: Sequence[StoryItem],
    options: StoryOptions = StoryOptions(),
) -> dict[int, int]:
    """entry_id -> story id, assigning ``items`` in publication order as the pipeline does.

    Story ids are 1, 2, ... in order of creation; a merge keeps the smaller id.
    """
    index = StoryIndex(options)
    parent: dict[int, int] = {}
    story_of: dict[int, int] = {}

    def root(story: int) -> int:
        while parent.get(story, story) != story:
            story = parent[story]
        return story

    for item in sorted(items, key=lambda i: (i.published, i.entry_id)):
        decision = index.assign(item)
        story = decision.story_id if decision.story_id is not None else len(parent) + 1
        parent.setdefault(story, story)
        for other in decision.merge_story_ids:
            keep, drop = sorted((root(story), root(other)))
            if keep != drop:
                parent[drop] = keep
                index.merge(keep, drop)
        story = root(story)
        index.add(item, story)
        story_of[item.entry_id] = story
    return {entry_id: root(story) for entry_id, story in story_of.items()}
