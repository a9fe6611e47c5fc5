"""Strings the writers together: every feed (head + archives), the OPML files, the pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Sequence

from aggregator.models import Deal, Facets, Settings, Story, StoryQuery, StoryReader

from ._atom import render_atom
from ._entry import EntryView, build_entry
from ._html import company_page, index_page
from ._icon import favicon
from ._jsonfeed import render_json
from ._opml import sources_opml, subscriptions_opml
from ._paging import FeedSpec, Page, archive_page, archive_stem, feed_specs, full_pages, head_page
from . import _state
from ._svg import volume_svg
from ._text import clean
from ._write import SiteWriter


@dataclass(frozen=True)
class Context:
    reader: StoryReader
    settings: Settings
    deal_line: Callable[[Deal], str]
    writer: SiteWriter
    previous: dict[str, Any] = field(default_factory=dict)   # digests of the last publish
    current: dict[str, Any] = field(default_factory=dict)
    fingerprint: str = ""

    @property
    def size(self) -> int:
        return max(1, self.settings.feed_size)

    def views(self, stories: Sequence[Story]) -> tuple[EntryView, ...]:
        return tuple(build_entry(s, self.settings, self.deal_line) for s in stories)


def feed_id(settings: Settings, spec: FeedSpec) -> str:
    """The feed-level atom:id: a tag: URI, the same for the head and its archive pages."""
    return f"tag:{clean(settings.site.id_authority)}:feed/{spec.path}"


def _write_page(ctx: Context, page: Page, *, once: bool = False) -> None:
    atom = lambda: render_atom(page, ctx.settings, feed_id(ctx.settings, page.feed))  # noqa: E731
    json = lambda: render_json(page, ctx.settings)  # noqa: E731
    if once:
        ctx.writer.write_once(page.stem + ".atom", atom)
        ctx.writer.write_once(page.stem + ".json", json)
    else:
        ctx.writer.write(page.stem + ".atom", atom())
        ctx.writer.write(page.stem + ".json", json())


def _publish_archives(ctx: Context, spec: FeedSpec, count: int) -> int:
    """Write each missing full archive page; existing pages are never touched."""
    done = int(ctx.previous.get(spec.path, {}).get("pages", 0))
    pages = full_pages(count, ctx.size)
    ctx.writer.unchanged += 2 * min(done, pages)
    for number in range(min(done, pages), pages):
        stem = archive_stem(spec, number)
        files = [ctx.writer.root / f"{stem}.atom", ctx.writer.root / f"{stem}.json"]
        if all(f.exists() for f in files):
            ctx.writer.unchanged += len(files)
            continue
        stories = ctx.reader.select_stories(spec.query, limit=ctx.size, offset=number * ctx.size,
                                            oldest_first=True)
        if len(stories) < ctx.size:     # the store changed under us: wait for the next run
            return number
        _write_page(ctx, archive_page(spec, number, ctx.views(stories)), once=True)
    return pages


def _unchanged(ctx: Context, spec: FeedSpec, count: int, extra: Sequence[str]) -> bool:
    """Record this feed's digest; True when it matches the last publish and files exist."""
    versions = getattr(ctx.reader, "story_versions", None)
    if versions is None:
        return False
    sig = _state.digest(ctx.fingerprint, count, versions(spec.query, limit=ctx.size))
    ctx.current[spec.path] = {"sig": sig}
    files = [f"{spec.path}.atom", f"{spec.path}.json", *extra]
    same = ctx.previous.get(spec.path, {}).get("sig") == sig
    return same and all((ctx.writer.root / f).exists() for f in files)


def publish_feed(ctx: Context, spec: FeedSpec) -> Sequence[Story] | None:
    """Archives first (so the head's prev-archive link resolves), then the head document.

    Returns None when the feed is unchanged since the last publish (nothing rendered).
    """
    count = ctx.reader.count_stories(spec.query)
    pages = _publish_archives(ctx, spec, count)
    extra = [spec.html_path] if spec.company is not None else []
    skip = _unchanged(ctx, spec, count, extra)
    ctx.current.setdefault(spec.path, {})["pages"] = pages
    if skip:
        ctx.writer.unchanged += 2 + len(extra)
        return None
    stories = ctx.reader.select_stories(spec.query, limit=ctx.size)
    _write_page(ctx, head_page(spec, ctx.views(stories), count, ctx.size))
    return stories


def publish_all(ctx: Context, now: datetime) -> None:
    facets: Facets = ctx.reader.facets()
    specs = feed_specs(ctx.settings, facets)
    for spec in specs:
        stories = publish_feed(ctx, spec)
        if stories is not None and spec.company is not None:
            ctx.writer.write(spec.html_path,
                             company_page(ctx.settings, spec, spec.company, stories))
    ctx.writer.write("favicon.ico", favicon())
    ctx.writer.write("sources.opml", sources_opml(ctx.settings))
    ctx.writer.write("subscriptions.opml", subscriptions_opml(ctx.settings, specs))
    latest = ctx.reader.select_stories(StoryQuery(deals_only=True), limit=ctx.size)
    chart = volume_svg(ctx.reader.deal_volume_by_month(), now)
    ctx.writer.write("index.html", index_page(ctx.settings, specs, latest,
                                              facets.companies, chart))
    ctx.writer.write(_state.STATE_FILE, _state.dump(ctx.current))
