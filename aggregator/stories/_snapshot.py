"""A story index as a sequence of plain values, and the index again from them.

What a process that did not build the index needs to carry on exactly where the last one
stopped: every item of the window in its order, each table from term, URL, GUID or party to
its items in their order, and each story's members in their order with its summed term
weights as they were summed (a float sum depends on its order, and merges reorder
members). Only the eviction heap is rebuilt (``heapify``: the same items leave in the same
order, by time then id). So the restored index decides as the saved one would have; its
story memberships are checked against its items on the way in.

The values are builtins only (tuples, lists, dicts, frozensets, str, int, float, None):
the caller frames, checks and stores them (``cycle/_story_window.py``). Records hold at most
``CHUNK`` items or stories each, so neither writing nor reading holds a second copy of a
large window at once.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from typing import Any

from aggregator.models import EventFacts
from aggregator.stories._index import Slot, Window
from aggregator.stories._text import Features

FORMAT = 2  # the layout of the records below
CHUNK = 2_000
# the window's tables from a term, URL, GUID or party to its items or their count, in full
TABLES = ("postings", "strong", "unlisted", "urls", "guids", "parties", "lower", "upper")


def records(window: Window, options: tuple[Any, ...]) -> Iterator[object]:
    """The window as records: a head, then items, stories and an end, each a builtin value
    (the index's own dicts, tuples and frozensets, not copies)."""
    yield ("head", FORMAT, options, window.span, window.idf_prior, window.newest, len(window.slots))
    batch: list[tuple[Any, ...]] = []
    for slot in window.slots.values():
        batch.append(_slot(slot))
        if len(batch) == CHUNK:
            yield ("slots", batch)
            batch = []
    if batch:
        yield ("slots", batch)
    for name in TABLES:
        table: dict[Any, Any] = getattr(window, name)
        keys = list(table)
        for start in range(0, len(keys), CHUNK):
            yield ("table", name, [(k, table[k]) for k in keys[start : start + CHUNK]])
    stories = list(window.members)
    for start in range(0, len(stories), CHUNK):
        yield ("stories", [_story(window, story) for story in stories[start : start + CHUNK]])
    yield ("end", len(window.slots), len(stories))


def _story(window: Window, story: int) -> tuple[Any, ...]:
    members = window.members[story]
    profile: Any = window.profiles.get(story, {})
    if len(members) == 1 and profile is window.slots[next(iter(members))].features.terms:
        profile = None  # one item's story: its profile is the item's terms (one dict)
    return (
        story,
        members,
        profile,
        window.story_feeds.get(story, {}),
        window.digest_count.get(story, 0),
    )


def restore(parts: Iterable[object], options: tuple[Any, ...]) -> Window:
    """The window that :func:`records` wrote (ValueError when the records are not that)."""
    it = iter(parts)
    head = next(it, None)
    if not (isinstance(head, tuple) and len(head) == 7 and head[0] == "head"):
        raise ValueError("no head record")
    _, layout, saved_options, span, idf_prior, newest, count = head
    if layout != FORMAT or saved_options != options:
        raise ValueError("another layout or other story options")
    window = Window(span, idf_prior)
    slots, stories = 0, 0
    for part in it:
        if not isinstance(part, tuple) or not part:
            raise ValueError("a record that is not one")
        kind = part[0]
        if kind == "slots":
            for values in part[1]:
                slot = _unslot(values)
                window.slots[slot.entry_id] = slot
                window._queue.append((slot.time, slot.entry_id))
            slots += len(part[1])
        elif kind == "table" and part[1] in TABLES:
            getattr(window, part[1]).update(part[2])
        elif kind == "stories":
            for story, members, profile, feeds, digests in part[1]:
                window.members[story] = members
                if profile is None:
                    profile = window.slots[next(iter(members))].features.terms
                if profile:
                    window.profiles[story] = profile
                if feeds:
                    window.story_feeds[story] = feeds
                if digests:
                    window.digest_count[story] = digests
                stories += 1
        elif kind == "end":
            if part[1:] != (count, stories) or slots != count:
                raise ValueError("records missing")
            _check(window)
            window.newest = newest
            heapq.heapify(window._queue)
            return window
        else:
            raise ValueError(f"unknown record {kind!r}")
    raise ValueError("no end record")


def _slot(slot: Slot) -> tuple[Any, ...]:
    f, facts = slot.features, slot.facts
    return (
        slot.entry_id,
        slot.story_id,
        slot.time,
        (
            f.terms if type(f.terms) is dict else dict(f.terms),
            f.names,
            f.amounts,
            f.all_amounts,
            f.rounds,
            f.events,
            f.lower,
            f.upper,
            f.marked,
            f.approx,
            f.products,
            f.openers,
            f.marks,
            f.background,
        ),
        slot.url,
        slot.guid,
        slot.feed,
        None
        if facts is None
        else (facts.kind, facts.parties, facts.principal, facts.amount, facts.round),
        slot.digest,
    )


def _unslot(values: tuple[Any, ...]) -> Slot:
    entry_id, story_id, time, feats, url, guid, feed, facts, digest = values
    return Slot(
        entry_id,
        story_id,
        time,
        Features(*feats),
        url,
        guid,
        feed,
        None if facts is None else EventFacts(*facts),
        digest,
    )


def _check(window: Window) -> None:
    """Every item is a member of its story and of no other; every story has members."""
    members = 0
    for story, entries in window.members.items():
        if not entries:
            raise ValueError(f"story {story} without members")
        for entry_id in entries:
            slot = window.slots.get(entry_id)
            if slot is None or slot.story_id != story:
                raise ValueError(f"item {entry_id} is not in story {story}")
        members += len(entries)
    if members != len(window.slots):
        raise ValueError("items outside any story")
