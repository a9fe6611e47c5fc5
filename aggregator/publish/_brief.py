"""``brief.atom`` / ``brief.json`` (each format): the deals brief, one entry per day (and, with
``brief.weekly``, ``brief-weekly``: one per ISO week).

A day's entry lists that day's curated deal stories (by news time, in ``brief.timezone``),
one line each: the deal's summary line, linked to the story's primary report. Its id names
the day (``tag:…:brief/2026-11-24``) and never changes; a story that is found late, or
whose facts change, updates the entry of its day. Everything in it comes from the stories,
so publishing again with no change gives the same bytes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from html import escape
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from aggregator.models import Story, StoryQuery

from . import _formats, _kept, _state
from ._context import Context, feed_id, write_page
from ._entry import EntryView, Rendered, SourceFeed
from ._paging import FeedSpec, Page
from ._text import clean, clean_deal, safe_url, utc

GROUP = "Briefs"
WEEKS = 8  # week entries in brief-weekly


@dataclass(frozen=True)
class Period:
    key: str  # "2026-11-24" or "2026-W48"
    start: datetime  # UTC
    label: str  # "Tuesday 24 November 2026", "week 48 of 2026"


def brief_specs(ctx: Context) -> list[FeedSpec]:
    site = clean(ctx.settings.site.title) or "AI deals"
    specs = [FeedSpec("brief", f"{site}: daily brief", StoryQuery(), group=GROUP)]
    if ctx.settings.brief.weekly:
        specs.append(FeedSpec("brief-weekly", f"{site}: weekly brief", StoryQuery(), group=GROUP))
    return specs


def publish_briefs(ctx: Context, specs: Sequence[FeedSpec]) -> None:
    brief = ctx.settings.brief
    zone = ZoneInfo(brief.timezone)
    weeks = [s for s in specs if s.path == "brief-weekly"]
    days = 7 * (WEEKS + 1) if weeks else brief.days + 1
    plans: list[tuple[FeedSpec, Callable[[datetime], Period], int]] = [
        (specs[0], lambda d: _day(d, zone), brief.days)
    ]
    plans += [(spec, lambda d: _week(d, zone), WEEKS) for spec in weeks]
    listed = ctx.reader.brief_versions(days)
    for spec, period_of, count in plans:
        _publish_brief(ctx, spec, listed, period_of, count)


def _publish_brief(
    ctx: Context,
    spec: FeedSpec,
    listed: Sequence[tuple[int, str, str]],
    period_of: Callable[[datetime], Period],
    count: int,
) -> None:
    """One brief, rendering only the periods whose stories changed: each period's digest
    (the rendering fingerprint, the brief settings, its stories' (id, updated)) is kept
    with its entry (``_kept``), and an unchanged period's entry is taken from there."""
    groups: dict[str, tuple[Period, list[tuple[int, str]]]] = {}
    for story_id, updated, news in listed:
        period = period_of(datetime.fromisoformat(news))
        groups.setdefault(period.key, (period, []))[1].append((story_id, updated))
    newest = sorted(groups.values(), key=lambda g: g[0].start, reverse=True)[:count]
    brief = ctx.settings.brief
    salt = f"{ctx.fingerprint}|{spec.path}|{brief.days}|{brief.timezone}|{brief.weekly}"
    sigs = {p.key: _state.digest(salt, 0, v) for p, v in newest}
    whole = _state.digest(salt, count, [(k, sigs[k]) for k in sorted(sigs)])
    key = f"{BRIEF_KEY}{spec.path}"
    ctx.current[key] = {"sig": whole}
    files = [ctx.writer.root / name for name in _formats.files(spec.path)]
    if all(f.exists() for f in files) and ctx.previous.get(key, {}).get("sig") == whole:
        ctx.writer.unchanged += len(files) + 1  # and its kept entries
        return  # the same stories at the same versions: same bytes
    old, old_lines = _kept.load_periods(ctx.writer.root, spec.path, ctx.fingerprint)
    lines: dict[tuple[int, str], Line] = {}
    for version, values in old_lines.items():
        with contextlib.suppress(TypeError, ValueError):
            lines[version] = _unsaved(values)

    def kept(period: Period) -> Rendered | None:
        sig, entry = old.get(period.key, ("", None))
        return entry if sig == sigs[period.key] else None

    entries = tuple(kept(p) or _rendered(ctx, spec, p, _lines_of(ctx, v, lines)) for p, v in newest)
    write_page(ctx, Page(feed=spec, stem=spec.path, entries=entries))
    listed_now = {version for _, v in newest for version in v}
    _kept.save_periods(
        ctx.writer,
        spec.path,
        ctx.fingerprint,
        ((p.key, sigs[p.key], entry) for (p, _), entry in zip(newest, entries)),
        {version: _saved(line) for version, line in lines.items() if version in listed_now},
    )


class Line(NamedTuple):
    """A story's line in a brief entry, and the times it brings to the entry's ``updated``:
    all of it depends on the story's version (id, updated) and the settings fingerprint
    alone, so it is kept with the brief's entries and made again only for a new version."""

    text: str
    url: str | None
    title: str
    updated: datetime
    first_seen: datetime | None


def _saved(line: Line) -> list[Any]:
    first = line.first_seen.isoformat() if line.first_seen is not None else None
    return [line.text, line.url, line.title, line.updated.isoformat(), first]


def _unsaved(values: list[Any]) -> Line:
    text, url, title, updated, first = values
    if not all(isinstance(v, str) for v in (text, title, updated)):
        raise TypeError("a kept brief line is its text, link, title and times")
    if url is not None and not isinstance(url, str):
        raise TypeError("a kept brief line's link is text")
    return Line(
        text,
        url,
        title,
        datetime.fromisoformat(updated),
        datetime.fromisoformat(first) if isinstance(first, str) else None,
    )


def _lines_of(
    ctx: Context, versions: Sequence[tuple[int, str]], lines: dict[tuple[int, str], Line]
) -> Iterator[Line]:
    """The lines of the stories at ``versions`` in that order: those kept (``lines``) as
    they are, the others made from their stories (loaded ``LOAD`` at a time, those gone
    left out) and added to ``lines``."""
    missing = [i for i, version in versions if (i, version) not in lines]
    by_id = dict(versions)
    for story in _stories_of(ctx, missing):
        lines[(story.id, by_id[story.id])] = _line(ctx, story)
    for version in versions:
        line = lines.get(version)
        if line is not None:
            yield line


LOAD = 500  # stories of a period loaded at a time: a day of 10,000 feeds lists thousands


def _stories_of(ctx: Context, ids: Sequence[int]) -> Iterator[Story]:
    """The stories ``ids`` in that order (those gone left out), ``LOAD`` at a time: a
    period's entry needs each story's line, never all its stories at once."""
    for start in range(0, len(ids), LOAD):
        chunk = ids[start : start + LOAD]
        loaded = {s.id: s for s in ctx.reader.brief_stories_of(chunk)}
        yield from (loaded[i] for i in chunk if i in loaded)


BRIEF_KEY = "brief:"  # + the brief's path: its digests in the publish state


def _day(moment: datetime, zone: ZoneInfo) -> Period:
    local = utc(moment).astimezone(zone).date()
    start = datetime.combine(local, time(), zone)
    return Period(local.isoformat(), utc(start), f"{local:%A} {local.day} {local:%B %Y}")


def _week(moment: datetime, zone: ZoneInfo) -> Period:
    local = utc(moment).astimezone(zone).date()
    year, week, weekday = local.isocalendar()
    monday = local - timedelta(days=weekday - 1)
    return Period(
        f"{year}-W{week:02d}",
        utc(datetime.combine(monday, time(), zone)),
        f"week {week} of {year} (from {monday.day} {monday:%B})",
    )


def _rendered(ctx: Context, spec: FeedSpec, period: Period, lines: Iterable[Line]) -> Rendered:
    view = brief_entry(ctx, spec, period, lines)
    return _formats.rendered(view)


def _line(ctx: Context, story: Story) -> Line:
    deal = clean_deal(story.deal) if story.deal is not None else None
    line = clean(ctx.deal_line(deal)).strip() if deal is not None else ""
    return Line(
        line or clean(story.title),
        safe_url(story.primary.link),
        clean(story.title),
        utc(story.updated),
        utc(story.first_seen) if story.first_seen is not None else None,
    )


def _linked(text: str, url: str | None) -> str:
    return f'<a href="{escape(url)}">{escape(text)}</a>' if url else escape(text)


def brief_entry(
    ctx: Context,
    spec: FeedSpec,
    period: Period,
    lines: Iterable[Line],
) -> EntryView:
    """The period's entry: a line per story (``lines``, read once, in order)."""
    settings = ctx.settings
    authority = clean(settings.site.id_authority)
    zone = "" if settings.brief.timezone == "UTC" else f"{settings.brief.timezone}/"
    listed: list[Line] = []
    # a story found late changes the day's entry when it is found (its own ``updated`` is
    # the time of its news, which may be older than the entry)
    updated = period.start
    for line in lines:
        listed.append(line)
        updated = max(updated, line.updated)
        if line.first_seen is not None:
            updated = max(updated, line.first_seen)
    items = "".join(
        f"<li>{_linked(line.text, line.url)} — {escape(line.title)}</li>" for line in listed
    )
    name = "Deals of" if spec.path == "brief" else "Deals of the"
    site = clean(settings.site.title) or "AI deals"
    base = settings.site.base_url
    return EntryView(
        id=f"tag:{authority}:{spec.path}/{zone}{period.key}",
        title=f"{name} {period.label} ({len(listed)})",
        url=None,
        links=(),
        published=period.start,
        updated=updated,
        author=clean(settings.site.author) or site,
        source=SourceFeed(
            id=feed_id(settings, spec),
            title=spec.title,
            updated=updated,
            self_href=base + spec.path + ".atom",
        ),
        source_feed=None,
        categories=(),
        summary="\n".join(f"• {line.text} — {line.title}" for line in listed),
        content_html=f"<ul>{items}</ul>",
        deal=None,
    )
