"""What one publish carries around, and how a page becomes its files (one per format)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aggregator.models import Deal, Settings, StoryReader

from . import _formats
from ._paging import FeedSpec, Page
from ._render import EntryRenderer
from ._text import clean
from ._write import SiteWriter


@dataclass(frozen=True)
class Context:
    reader: StoryReader
    settings: Settings
    deal_line: Callable[[Deal], str]
    writer: SiteWriter
    previous: dict[str, Any] = field(default_factory=dict)  # digests of the last publish
    current: dict[str, Any] = field(default_factory=dict)
    fingerprint: str = ""
    renderer: EntryRenderer = field(init=False)
    rows: dict[tuple[int, str], str] = field(default_factory=dict)  # deal rows by version
    # a company's or an investor's timeline (portfolio) lines by version, kept by the last
    # publish: by feed path, until its page is rendered
    lines: dict[str, dict[tuple[int, str], str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "renderer", EntryRenderer(self.settings, self.deal_line))

    @property
    def size(self) -> int:
        return max(1, self.settings.feed_size)

    @property
    def per_source(self) -> int:
        """Stories one feed (the primary source) may hold in a head document."""
        return per_source(self.settings)

    @property
    def head_scan(self) -> int:
        """Newest stories a head document looks through for its fair share: ten documents,
        and at least four fetches' worth of one feed (``fetch.max_entries_per_feed``)."""
        return max(HEAD_SCAN * self.size, 4 * self.settings.max_entries_per_feed)


HEAD_SCAN = 10


def per_source(settings: Settings) -> int:
    """``publish.source_share`` of ``publish.feed_size`` stories, rounded up (at least 1)."""
    size = max(1, settings.feed_size)
    return max(1, min(size, math.ceil(size * settings.source_share - 1e-9)))


def feed_id(settings: Settings, spec: FeedSpec) -> str:
    """The feed-level atom:id: a tag: URI, the same for the head and its archive pages."""
    return f"tag:{clean(settings.site.id_authority)}:feed/{spec.path}"


def write_page(ctx: Context, page: Page, *, once: bool = False) -> None:
    """``{stem}.atom``, ``{stem}.json``: the page in each format (``_formats``); ``once``:
    only the files not there yet (archives)."""
    ident = feed_id(ctx.settings, page.feed)
    for fmt in _formats.FORMATS:

        def render(fmt: _formats.Format = fmt) -> bytes:
            fragments = [entry.fragments[fmt.name] for entry in page.entries]
            return fmt.document(page, ctx.settings, ident, fragments)

        if once:
            ctx.writer.write_once(page.stem + fmt.suffix, render)
        else:
            ctx.writer.write(page.stem + fmt.suffix, render())
