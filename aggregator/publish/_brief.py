"""``brief.atom`` / ``brief.json``: the deals brief, one entry per day (and, with
``brief.weekly``, ``brief-weekly``: one per ISO week).

A day's entry lists that day's curated deal stories (by news time, in ``brief.timezone``),
one line each: the deal's summary line, linked to the story's primary report. Its id names
the day (``tag:…:brief/2026-11-24``) and never changes; a story that is found late, or
whose facts change, updates the entry of its day. Everything in it comes from the stories,
so publishing again with no change gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from html import escape
from typing import Callable, Sequence
from zoneinfo import ZoneInfo

from aggregator.models import Story, StoryQuery

from ._atom import entry_fragment
from ._context import Context, feed_id, write_page
from ._entry import EntryView, Rendered, SourceFeed
from ._jsonfeed import item_fragment
from ._paging import FeedSpec, Page
from ._text import clean, clean_deal, safe_url, utc

GROUP = "Briefs"
WEEKS = 8                  # week entries in brief-weekly


@dataclass(frozen=True)
class Period:
    key: str               # "2026-11-24" or "2026-W48"
    start: datetime        # UTC
    label: str             # "Tuesday 24 November 2026", "week 48 of 2026"


def brief_specs(ctx: Context) -> list[FeedSpec]:
    site = clean(ctx.settings.site.title) or "AI deals"
    specs = [FeedSpec("brief", f"{site}: daily brief", StoryQuery(), group=GROUP)]
    if ctx.settings.brief.weekly:
        specs.append(FeedSpec("brief-weekly", f"{site}: weekly brief", StoryQuery(),
                              group=GROUP))
    return specs


def publish_briefs(ctx: Context, specs: Sequence[FeedSpec]) -> None:
    select = getattr(ctx.reader, "brief_stories", lambda days: [])   # a reader without it
    brief = ctx.settings.brief
    zone = ZoneInfo(brief.timezone)
    weeks = [s for s in specs if s.path == "brief-weekly"]
    stories = select(7 * (WEEKS + 1) if weeks else brief.days + 1)
    write_page(ctx, _page(ctx, specs[0], stories, lambda d: _day(d, zone), brief.days))
    for spec in weeks:
        write_page(ctx, _page(ctx, spec, stories, lambda d: _week(d, zone), WEEKS))


def _day(moment: datetime, zone: ZoneInfo) -> Period:
    local = utc(moment).astimezone(zone).date()
    start = datetime.combine(local, time(), zone)
    return Period(local.isoformat(), utc(start), f"{local:%A} {local.day} {local:%B %Y}")


def _week(moment: datetime, zone: ZoneInfo) -> Period:
    local = utc(moment).astimezone(zone).date()
    year, week, weekday = local.isocalendar()
    monday = local - timedelta(days=weekday - 1)
    return Period(f"{year}-W{week:02d}", utc(datetime.combine(monday, time(), zone)),
                  f"week {week} of {year} (from {monday.day} {monday:%B})")


def _page(ctx: Context, spec: FeedSpec, stories: Sequence[Story],
          period_of: Callable[[datetime], Period], count: int) -> Page:
    groups: dict[str, tuple[Period, list[Story]]] = {}
    for story in stories:
        period = period_of(story.published)
        groups.setdefault(period.key, (period, []))[1].append(story)
    newest = sorted(groups.values(), key=lambda g: g[0].start, reverse=True)[:count]
    entries = tuple(_rendered(ctx, spec, period, listed) for period, listed in newest)
    return Page(feed=spec, stem=spec.path, entries=entries)


def _rendered(ctx: Context, spec: FeedSpec, period: Period, stories: list[Story]) -> Rendered:
    view = brief_entry(ctx, spec, period, stories)
    return Rendered(updated=view.updated, atom=entry_fragment(view), json=item_fragment(view))


def _line(ctx: Context, story: Story) -> tuple[str, str | None, str]:
    deal = clean_deal(story.deal) if story.deal is not None else None
    line = clean(ctx.deal_line(deal)).strip() if deal is not None else ""
    return line or clean(story.title), safe_url(story.primary.link), clean(story.title)


def _linked(text: str, url: str | None) -> str:
    return f'<a href="{escape(url)}">{escape(text)}</a>' if url else escape(text)


def brief_entry(ctx: Context, spec: FeedSpec, period: Period, stories: list[Story],
                ) -> EntryView:
    settings = ctx.settings
    authority = clean(settings.site.id_authority)
    zone = "" if settings.brief.timezone == "UTC" else f"{settings.brief.timezone}/"
    lines = [_line(ctx, s) for s in stories]
    # a story found late changes the day's entry when it is found (its own ``updated`` is
    # the time of its news, which may be older than the entry)
    updated = max([period.start] + [utc(s.updated) for s in stories]
                  + [utc(s.first_seen) for s in stories if s.first_seen is not None])
    items = "".join(f"<li>{_linked(line, url)} — {escape(title)}</li>"
                    for line, url, title in lines)
    name = "Deals of" if spec.path == "brief" else "Deals of the"
    site = clean(settings.site.title) or "AI deals"
    base = settings.site.base_url
    return EntryView(
        id=f"tag:{authority}:{spec.path}/{zone}{period.key}",
        title=f"{name} {period.label} ({len(stories)})", url=None, links=(),
        published=period.start, updated=updated, author=clean(settings.site.author) or site,
        source=SourceFeed(id=feed_id(settings, spec), title=spec.title, updated=updated,
                          self_href=base + spec.path + ".atom"),
        source_feed=None, categories=(),
        summary="\n".join(f"• {line} — {title}" for line, _, title in lines),
        content_html=f"<ul>{items}</ul>", deal=None)
