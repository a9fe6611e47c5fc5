"""``brief.atom`` / ``brief.json`` (each format): the deals brief, one entry per day (and, with
``brief.weekly``, ``brief-weekly``: one per ISO week).

A day's entry lists that day's curated deal stories (by news time, in ``brief.timezone``),
one line each: the deal's summary line, linked to the story's primary report. Its id names
the day (``tag:…:brief/2026-11-24``) and never changes; a story that is found late, or
whose facts change, updates the entry of its day. Everything in it comes from the stories,
so publishing again with no change gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from html import escape
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
        _publish_brief(ctx, spec, listed, _memo(period_of, zone), count)


def _memo(period_of: Callable[[datetime], Period], zone: ZoneInfo) -> Callable[[str], Period]:
    """``period_of`` of a stored news time, worked out once per local day (a period
    depends on nothing else; a day of thousands of stories is one)."""
    known: dict[date, Period] = {}

    def of(news: str) -> Period:
        local = utc(datetime.fromisoformat(news)).astimezone(zone).date()
        period = known.get(local)
        if period is None:  # noon: a moment of that day whatever the clocks do that night
            period = known[local] = period_of(datetime.combine(local, time(12), zone))
        return period

    return of


def _publish_brief(
    ctx: Context,
    spec: FeedSpec,
    listed: Sequence[tuple[int, str, str]],
    period_of: Callable[[str], Period],
    count: int,
) -> None:
    """One brief, rendering only the periods whose stories changed: each period's digest
    (the rendering fingerprint, the brief settings, its stories' (id, updated)) is kept
    with its entry (``_kept``), and an unchanged period's entry is taken from there. A
    changed period's entry is made from the lines of its stories, each kept by story
    version (id, updated) with the entry: only the stories with no line at their version
    are loaded."""
    groups: dict[str, tuple[Period, list[tuple[int, str]]]] = {}
    for story_id, updated, news in listed:
        period = period_of(news)
        groups.setdefault(period.key, (period, []))[1].append((story_id, updated))
    newest = sorted(groups.values(), key=lambda g: g[0].start, reverse=True)[:count]
    brief = ctx.settings.brief
    salt = f"{ctx.fingerprint}|{spec.path}|{brief.days}|{brief.timezone}|{brief.weekly}"
    sigs = {p.key: _state.digest(salt, 0, v) for p, v in newest}
    whole = _state.digest(salt, count, [(k, sigs[k]) for k in sorted(sigs)])
    key = brief_key(spec)
    ctx.current[key] = {"sig": whole}
    files = [ctx.writer.root / name for name in _formats.files(spec.path)]
    if all(f.exists() for f in files) and ctx.previous.get(key, {}).get("sig") == whole:
        ctx.writer.unchanged += len(files) + 1  # and its kept entries
        return  # the same stories at the same versions: same bytes
    old, lines = _kept.load_periods(ctx.writer.root, spec.path, ctx.fingerprint)

    def kept(period: Period) -> Rendered | None:
        sig, entry = old.get(period.key, ("", None))
        return entry if sig == sigs[period.key] else None

    entries = tuple(kept(p) or _rendered(ctx, spec, p, _lines(ctx, v, lines)) for p, v in newest)
    write_page(ctx, Page(feed=spec, stem=spec.path, entries=entries))
    shown = {(i, u) for _, v in newest for i, u in v}
    _kept.save_periods(
        ctx.writer,
        spec.path,
        ctx.fingerprint,
        ((p.key, sigs[p.key], entry) for (p, _), entry in zip(newest, entries)),
        {k: line for k, line in lines.items() if k in shown},
    )


LOAD = 500  # stories of a period loaded at a time: a day of 10,000 feeds lists thousands


def _lines(
    ctx: Context, versions: Sequence[tuple[int, str]], kept: dict[_kept.Key, str]
) -> Iterator[Line]:
    """The line of each story of ``versions`` (id, updated), in that order (those gone
    left out): from ``kept`` when made at that version, else from the story, loaded
    ``LOAD`` at a time (a period's entry needs each story's line, never all its stories at
    once); the lines made are added to ``kept``."""
    for start in range(0, len(versions), LOAD):
        chunk = versions[start : start + LOAD]
        missing = [i for i, u in chunk if (i, u) not in kept]
        loaded = {s.id: s for s in ctx.reader.brief_stories_of(missing)} if missing else {}
        for story_id, updated in chunk:
            text = kept.get((story_id, updated))
            if text is None:
                story = loaded.get(story_id)
                if story is None:
                    continue
                line = _line(ctx, story)
                if _kept.story_version(story.updated) == updated:
                    kept[(story_id, updated)] = _encode(line)
                yield line
            else:
                yield _decode(text)


BRIEF_KEY = "brief:"  # + the brief's path: its digests in the publish state


def brief_key(spec: FeedSpec) -> str:
    """The brief's entry in the publish state (its digests)."""
    return f"{BRIEF_KEY}{spec.path}"


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


@dataclass(frozen=True)
class Line:
    """A story's line in a brief entry, and the times it moves the entry's ``updated`` to."""

    text: str
    url: str | None
    title: str
    updated: datetime
    first_seen: datetime | None


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


def _encode(line: Line) -> str:
    seen = line.first_seen.isoformat() if line.first_seen is not None else None
    return json.dumps([line.text, line.url, line.title, line.updated.isoformat(), seen])


def _decode(text: str) -> Line:
    line, url, title, updated, seen = json.loads(text)
    first_seen = datetime.fromisoformat(seen) if seen is not None else None
    return Line(line, url, title, datetime.fromisoformat(updated), first_seen)


def _linked(text: str, url: str | None) -> str:
    return f'<a href="{escape(url)}">{escape(text)}</a>' if url else escape(text)


def brief_entry(
    ctx: Context,
    spec: FeedSpec,
    period: Period,
    stories: Iterable[Line],
) -> EntryView:
    """The period's entry: a line per story (``stories``: their lines, read once, in
    order)."""
    settings = ctx.settings
    authority = clean(settings.site.id_authority)
    zone = "" if settings.brief.timezone == "UTC" else f"{settings.brief.timezone}/"
    lines = []
    # a story found late changes the day's entry when it is found (its own ``updated`` is
    # the time of its news, which may be older than the entry)
    updated = period.start
    for s in stories:
        lines.append((s.text, s.url, s.title))
        updated = max(updated, s.updated)
        if s.first_seen is not None:
            updated = max(updated, s.first_seen)
    items = "".join(
        f"<li>{_linked(line, url)} — {escape(title)}</li>" for line, url, title in lines
    )
    name = "Deals of" if spec.path == "brief" else "Deals of the"
    site = clean(settings.site.title) or "AI deals"
    base = settings.site.base_url
    return EntryView(
        id=f"tag:{authority}:{spec.path}/{zone}{period.key}",
        title=f"{name} {period.label} ({len(lines)})",
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
        summary="\n".join(f"• {line} — {title}" for line, _, title in lines),
        content_html=f"<ul>{items}</ul>",
        deal=None,
    )
