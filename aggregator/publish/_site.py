"""Strings the writers together: every feed (head + archives), the OPML files, the pages."""

from __future__ import annotations

from datetime import datetime
from typing import Sequence

from aggregator.models import Facets, Story, StoryQuery

from ._archives import publish_archives
from ._context import Context, feed_id, write_page
from ._html import company_page, index_page
from ._icon import favicon
from ._opml import sources_opml, subscriptions_opml
from ._paging import FeedSpec, feed_specs, head_page
from . import _state
from ._svg import volume_svg

FINGERPRINT_KEY = "_settings"      # in the state file; feed paths never start with "_"

__all__ = ["Context", "feed_id", "publish_all", "publish_head"]


def _unchanged(ctx: Context, spec: FeedSpec, count: int) -> bool:
    """Record this feed's digest; True when it matches the last publish and files exist.

    For a head that will be rendered, its ids go to ``ctx.renderer.wanted`` (the archive
    pass keeps those entries for the heads) and the entries of its last version are offered
    to the renderer (a new archive page holds stories that head listed).
    """
    versions = getattr(ctx.reader, "story_versions", None)
    if versions is None:
        return False
    newest = versions(spec.query, limit=ctx.size)
    sig = _state.digest(ctx.fingerprint, count, newest)
    ctx.current[spec.path] = {"sig": sig}
    files = [f"{spec.path}.atom", f"{spec.path}.json", *_extra(spec)]
    same = ctx.previous.get(spec.path, {}).get("sig") == sig
    if same and all((ctx.writer.root / f).exists() for f in files):
        return True
    ctx.renderer.wanted.update(story_id for story_id, _ in newest)
    _reuse_previous(ctx, spec)
    return False


def _extra(spec: FeedSpec) -> list[str]:
    return [spec.html_path] if spec.company is not None else []


def publish_head(ctx: Context, spec: FeedSpec, count: int, pages: int,
                 skip: bool) -> Sequence[Story] | None:
    """The head document (after the archives, so its prev-archive link resolves).

    Returns None when the feed is unchanged since the last publish (nothing rendered).
    """
    ctx.current.setdefault(spec.path, {})["pages"] = pages
    if skip:
        ctx.writer.unchanged += 2 + len(_extra(spec))
        return None
    stories = ctx.reader.select_stories(spec.query, limit=ctx.size)
    write_page(ctx, head_page(spec, ctx.renderer.many(stories), count, ctx.size))
    return stories


def _reuse_previous(ctx: Context, spec: FeedSpec) -> None:
    """Offer the entries of the head this feed had to the renderer (same settings only)."""
    if ctx.previous.get(FINGERPRINT_KEY) != ctx.fingerprint:
        return
    try:
        atom = (ctx.writer.root / f"{spec.path}.atom").read_bytes()
        json_doc = (ctx.writer.root / f"{spec.path}.json").read_bytes()
    except OSError:
        return
    ctx.renderer.harvest(atom, json_doc)


def publish_all(ctx: Context, now: datetime) -> None:
    facets: Facets = ctx.reader.facets()
    specs = feed_specs(ctx.settings, facets)
    counts = {spec.path: ctx.reader.count_stories(spec.query) for spec in specs}
    skips = {spec.path: _unchanged(ctx, spec, counts[spec.path]) for spec in specs}
    pages = publish_archives(ctx, specs, counts)
    rows: dict[tuple[int, object], str] = {}     # a story's deal row, on every company page
    for spec in specs:
        stories = publish_head(ctx, spec, counts[spec.path], pages[spec.path], skips[spec.path])
        if stories is not None and spec.company is not None:
            ctx.writer.write(spec.html_path,
                             company_page(ctx.settings, spec, spec.company, stories, rows))
    ctx.writer.write("favicon.ico", favicon())
    ctx.writer.write("sources.opml", sources_opml(ctx.settings))
    ctx.writer.write("subscriptions.opml", subscriptions_opml(ctx.settings, specs))
    latest = ctx.reader.select_stories(StoryQuery(deals_only=True), limit=ctx.size)
    chart = volume_svg(ctx.reader.deal_volume_by_month(), now)
    ctx.writer.write("index.html", index_page(ctx.settings, specs, latest,
                                              facets.companies, chart))
    ctx.current[FINGERPRINT_KEY] = ctx.fingerprint
    ctx.writer.write(_state.STATE_FILE, _state.dump(ctx.current))
