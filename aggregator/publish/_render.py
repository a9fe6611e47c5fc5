"""Each story's entry rendered once per publish, whichever feeds and pages list it.

A deal story appears in ``all``, usually ``feed``, its ``deals/{type}`` feed and one feed
per company: rendering it once and splicing the bytes into every document is what keeps a
cold publish linear in the number of stories rather than in stories × feeds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from aggregator.models import Deal, Settings, Story

from . import _formats
from ._entry import Rendered, build_entry
from ._text import clean, utc

MEMO_LIMIT = 16384  # entries kept per publish (for head documents); ~4 KB each (2 formats)
MEMO_BYTES = 48 << 20  # and their memory (an entry of a story with many sources: 10 KB+)


class EntryRenderer:
    """Renders stories into ``Rendered`` entries, remembering the latest ones by version."""

    def __init__(
        self,
        settings: Settings,
        deal_line: Callable[[Deal], str],
        limit: int = MEMO_LIMIT,
        budget: int = MEMO_BYTES,
    ) -> None:
        self.settings = settings
        self.deal_line = deal_line
        self.limit = limit
        self.budget = budget  # bytes of the entries kept, at most (then rendered again)
        self.rendered = 0
        self.wanted: set[int] = set()  # story ids some head document will list
        self._memo: dict[tuple[str, datetime], Rendered] = {}
        self._bytes = 0

    def _keep(self, key: tuple[str, datetime], out: Rendered) -> bool:
        size = sum(len(f) for f in out.fragments.values()) + 200  # UTF-8 bytes and the object
        if len(self._memo) >= self.limit or self._bytes + size > self.budget:
            return False
        self._memo[key] = out
        self._bytes += size
        return True

    def render(self, story: Story, *, keep: bool = True) -> Rendered:
        """``story``'s entry; ``keep``: remember it for later documents of this publish."""
        key = (clean(story.uri), utc(story.updated))
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        view = build_entry(story, self.settings, self.deal_line)
        out = _formats.rendered(view)
        self.rendered += 1
        if keep:
            self._keep(key, out)
        return out

    def known(self, uri: str, updated: datetime) -> Rendered | None:
        """The entry of story ``uri`` at version ``updated``, when rendered or taken."""
        return self._memo.get((clean(uri), utc(updated)))

    def many(self, stories: Iterable[Story], *, keep: bool = True) -> tuple[Rendered, ...]:
        return tuple(self.render(s, keep=keep) for s in stories)

    def take(self, entries: Iterable[tuple[str, Rendered]]) -> int:
        """Remember entries rendered by an earlier publish under the same fingerprint (kept
        by ``_kept``): (story URI, its entry at the version it names). An entry depends only
        on its story's (id, updated), so an unchanged story need not be rendered again when a
        new story joins its feed. Returns how many were taken."""
        taken = 0
        for uri, entry in entries:
            key = (clean(uri), utc(entry.updated))
            if key not in self._memo and self._keep(key, entry):
                taken += 1
        return taken
