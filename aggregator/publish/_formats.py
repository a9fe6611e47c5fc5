"""The output formats: every head document and archive page is written once in each.

One registry, :data:`FORMATS`: what a format is called, its file suffix, its media type
(the server's Content-Type, the pages' ``<link rel="alternate" type=…>``), how pages name
it, and its two renderers: one entry (made once per story, spliced into every document
that lists it) and one document of such entries. Everything that depends on the formats
iterates over it: the feed files a publish writes, skips and counts, the autodiscovery
links and "Follow" links of the pages, the feed list of ``index.html``, the WebSub topics,
the web server's content types (:func:`media_types`, handed to ``web`` by ``runtime``).
The first format is the one a feed is named by where only one URL fits (OPML's
``xmlUrl``, the index's autodiscovery of every feed).

Adding a format: a module with its two renderers, an entry here, its tests, and its line
in docs/feeds.md (docs/architecture.md, "Where a change goes").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from aggregator.models import Settings

from ._atom import entry_fragment, render_atom
from ._entry import EntryView, Rendered
from ._jsonfeed import item_fragment, render_json
from ._paging import Page


@dataclass(frozen=True)
class Format:
    name: str  # the key of its fragment in an entry (``Rendered.fragments``)
    label: str  # how pages name it: "Atom" ("Atom feed")
    suffix: str  # of its files: "feed.atom", "archive/all/0.atom"
    media_type: str  # "application/atom+xml" (served with "; charset=utf-8")
    entry: Callable[[EntryView], bytes]  # one entry, as it appears inside a document
    # the document of a page, given its entries' fragments in this format and the feed id
    document: Callable[[Page, Settings, str, Sequence[bytes]], bytes]


FORMATS: tuple[Format, ...] = (
    Format("atom", "Atom", ".atom", "application/atom+xml", entry_fragment, render_atom),
    Format("json", "JSON", ".json", "application/feed+json", item_fragment, render_json),
)


def rendered(view: EntryView) -> Rendered:
    """An entry in every format."""
    return Rendered(view.updated, {f.name: f.entry(view) for f in FORMATS})


def files(stem: str) -> list[str]:
    """The files of document ``stem`` ("feed", "archive/all/3"), one per format."""
    return [stem + f.suffix for f in FORMATS]


def suffixes() -> tuple[str, ...]:
    return tuple(f.suffix for f in FORMATS)


def media_types() -> dict[str, str]:
    """File suffix -> media type of every format (what the web server serves them as)."""
    return {f.suffix: f.media_type for f in FORMATS}


def alternates(title: str, stem: str) -> tuple[tuple[str, str, str], ...]:
    """A page's autodiscovery links to document ``stem`` (relative to the page): (media
    type, title, href) in each format."""
    return tuple((f.media_type, title, stem + f.suffix) for f in FORMATS)


def follow_links(stem: str) -> str:
    """ "<a href=…>Atom feed</a> · <a href=…>JSON feed</a>" for document ``stem``."""
    return " · ".join(
        f'<a href="{escape(stem + f.suffix, quote=True)}">{escape(f.label)} feed</a>'
        for f in FORMATS
    )


def cells(stem: str) -> str:
    """One table cell per format, each linking to document ``stem`` by its label."""
    return "".join(
        f'<td><a href="{escape(stem + f.suffix, quote=True)}">{escape(f.label)}</a></td>'
        for f in FORMATS
    )
