"""Each story's entry rendered once per publish, whichever feeds and pages list it.

A deal story appears in ``all``, usually ``feed``, its ``deals/{type}`` feed and one feed
per company: rendering it once and splicing the bytes into every document is what keeps a
cold publish linear in the number of stories rather than in stories × feeds.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from html import escape
from typing import Any

from aggregator.models import Deal, Settings, Story

from ._atom import entry_fragment
from ._entry import Rendered, build_entry
from ._jsonfeed import dumps, item_fragment
from ._text import clean, utc

_OPEN, _CLOSE = b"  <entry>\n", b"  </entry>\n"

MEMO_LIMIT = 16384  # entries kept per publish (for head documents)
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
        size = sys.getsizeof(out.atom) + sys.getsizeof(out.json)  # (a str may hold 2-4 B/char)
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
        out = Rendered(updated=view.updated, atom=entry_fragment(view), json=item_fragment(view))
        self.rendered += 1
        if keep:
            self._keep(key, out)
        return out

    def known(self, uri: str, updated: datetime) -> Rendered | None:
        """The entry of story ``uri`` at version ``updated``, when rendered or harvested."""
        return self._memo.get((clean(uri), utc(updated)))

    def many(self, stories: Iterable[Story], *, keep: bool = True) -> tuple[Rendered, ...]:
        return tuple(self.render(s, keep=keep) for s in stories)

    def harvest(self, atom: bytes, json_doc: bytes) -> int:
        """Take the entries of a head document this site wrote last time (same settings).

        An entry depends only on its story's (id, updated), so an unchanged story need not
        be rendered again when a new story joins its feed. Both files must list the same
        entries in the same order and re-serialise to exactly their own bytes, else nothing
        is taken. Returns how many entries were taken.
        """
        try:
            loaded = json.loads(json_doc)["items"]
            items = [dumps(item) for item in loaded]
            keys = [_key(item) for item in loaded]
        except (ValueError, KeyError, TypeError):
            return 0
        fragments = split_atom(atom)
        body = ("[" + ",".join(items) + "]}\n").encode("utf-8")
        if len(fragments) != len(items) or not json_doc.endswith(body):
            return 0
        taken = 0
        for key, fragment, item in zip(keys, fragments, items):
            if (
                key not in self._memo
                and _atom_matches(fragment, key)
                and self._keep(key, Rendered(updated=key[1], atom=fragment, json=item))
            ):
                taken += 1
        return taken


def _key(item: dict[str, Any]) -> tuple[str, datetime]:
    return str(item["id"]), utc(datetime.fromisoformat(str(item["date_modified"])))


def split_atom(atom: bytes) -> list[bytes]:
    """The ``<entry>`` fragments of a document this site wrote."""
    out, start = [], atom.find(_OPEN)
    while start >= 0:
        end = atom.find(_CLOSE, start)
        if end < 0:
            return []
        out.append(atom[start : end + len(_CLOSE)])
        start = atom.find(_OPEN, end)
    return out


def _atom_matches(fragment: bytes, key: tuple[str, datetime]) -> bool:
    """The Atom entry carries the same id and updated time as its JSON twin (its own, not
    those of its ``atom:source``)."""
    own = fragment.split(b"<source>", 1)[0]
    ident = f"<id>{escape(key[0], quote=False)}</id>".encode()
    updated = f"<updated>{key[1].isoformat()}</updated>".encode()
    return ident in own and updated in own
