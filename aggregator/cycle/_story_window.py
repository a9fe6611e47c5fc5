"""The story index of the recent window, kept in memory between the cycles of one process.

Glue of the pipeline layer (it uses the stories stage and the store). Loading the window
costs time in proportion to the window's size (thousands of entries); a process that runs
cycle after cycle (``aggregator run``) keeps the index it updated in the last cycle and
loads nothing, so a cycle's clustering costs in proportion to its *new* entries only.

The kept index is used only when it is exactly what a fresh load would give:

* the same store object and the same ``story_window_days``;
* no writer changed story membership since this index's last write (the store's story
  generation, bumped by a trigger on every such change, is the one this index saw inside
  its own last write transaction): another process clustering, retention pruning, a
  failed or rolled-back cycle all force a reload;
* every pending item falls inside the window behind the newest item the index holds (an
  entry dated earlier, say a new feed's backlog, needs the items around *its* date loaded);
  the kept index then moves its clock to the first pending item, as a fresh load would.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime, timedelta

from ..models import DATE_FLOOR, EntryDeal, EventFacts, StoryItem
from ..store import Store
from ..stories import StoryIndex, StoryOptions


class StoryWindow:
    """Owns one :class:`StoryIndex` across cycles (one per process; not thread-safe)."""

    def __init__(self) -> None:
        self._index: StoryIndex | None = None
        self._store: Store | None = None
        self._generation: int | None = None
        self.loads = 0  # how many times the window was loaded from the store

    def index_for(
        self, store: Store, options: StoryOptions, pending: Sequence[StoryItem], now: datetime
    ) -> StoryIndex:
        """An index holding the window around ``pending``: the kept one when still exact."""
        index = self._index
        first = min(i.published.timestamp() for i in pending)
        if (
            index is not None
            and self._store is store
            and index.options == options
            and self._generation == store.story_generation()
            and index.covers(first)
        ):
            # a fresh load would start at the first pending item's window: so must this
            index.advance(first)
            return index
        self.invalidate()
        index = load_window(store, options, pending, now)
        self.loads += 1
        self._index, self._store = index, store
        return index

    def saved(self, store: Store) -> None:
        """Call inside the write transaction that made this index's changes, at its end."""
        self._generation = store.story_generation()

    def read_late(self, readings: Sequence[tuple[int, EntryDeal]]) -> None:
        """Deal readings made after their entries were clustered (and saved with them): the
        kept index takes their facts, as a fresh load would read them."""
        if self._index is not None:
            for entry_id, reading in readings:
                self._index.set_facts(entry_id, EventFacts.of(reading.deal))

    def invalidate(self) -> None:
        """Forget the index (the next cycle loads the window again)."""
        self._index = self._store = self._generation = None


def load_window(
    store: Store, options: StoryOptions, pending: Sequence[StoryItem], now: datetime
) -> StoryIndex:
    """A fresh index holding the stored items within the window of each pending item."""
    index = StoryIndex(options)
    window = timedelta(days=options.window_days)
    for start, end in _spans([item.published for item in pending], window):
        for item, story_id, encoded in store.window_items(start, end):
            if item.published > now or item.published < DATE_FLOOR:
                item = dataclasses.replace(
                    item, published=min(max(item.published, DATE_FLOOR), now)
                )
            index.add(item, story_id, encoded)
    return index


def _spans(times: Sequence[datetime], window: timedelta) -> list[tuple[datetime, datetime]]:
    """Merge [t - window, t + window] intervals so each stretch is loaded once."""
    spans: list[tuple[datetime, datetime]] = []
    for t in sorted(times):
        start, end = _shift(t, -window), _shift(t, window)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _shift(t: datetime, delta: timedelta) -> datetime:
    """``t + delta``, held inside what a datetime can hold (a stored year-1 date)."""
    try:
        return t + delta
    except OverflowError:
        edge = datetime.min if delta < timedelta(0) else datetime.max
        return edge.replace(tzinfo=t.tzinfo)


__all__ = ["StoryWindow", "load_window"]
