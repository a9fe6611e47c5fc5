"""Strings the writers together: every feed (head + archives), the OPML files, the pages."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, NamedTuple

from aggregator.models import Facets, PartyDeal, Story, StoryQuery, feed_key

from . import _formats, _kept, _state
from ._alert_feeds import alert_specs, publish_alert_feeds
from ._archives import FORMATS_KEY, done_pages, formats, publish_archives
from ._brief import brief_key, brief_specs, publish_briefs
from ._budget import DEFERRED, PROFILE_GROUPS, leave, waiting_order
from ._chart import months_table
from ._company import (
    ABOUT_SHOWN,
    About,
    company_page,
    investor_page,
    item_key,
    story_key,
    story_line,
)
from ._context import Context, feed_id, write_page
from ._entry import Rendered
from ._exports import publish_exports
from ._html import IndexParts, amount_index, index_page, type_pages
from ._icon import IMAGES
from ._largest import largest_periods
from ._opml import sources_opml, subscriptions_opml
from ._paging import FeedSpec, feed_specs, head_page
from ._profile import for_party
from ._table import RowKey, deal_row, row_key
from ._text import utc

log = logging.getLogger(__name__)

__all__ = [
    "Context",
    "Share",
    "ShareDone",
    "feed_id",
    "publish_all",
    "publish_head",
    "publish_share",
]


def _salt(ctx: Context, spec: FeedSpec, types: Sequence[str]) -> str:
    """What a feed's digest is made with: the settings, and for a deal type (whose pages
    link every type) the deal types there are."""
    if spec.deal_type is None:
        return ctx.fingerprint
    return ctx.fingerprint + "|" + ",".join(sorted(set(types)))


class _Check(NamedTuple):
    """What a feed's digest is checked with before its head is read."""

    salt: str
    mark: str | None  # see ``_mark``
    there: bool  # all its files in place


def _check(
    ctx: Context,
    spec: FeedSpec,
    count: int,
    types: Sequence[str],
    generations: Mapping[str, int] | None,
) -> _Check | None:
    """None when the feed's digest stands without its head being read (then recorded: the
    feed is unchanged): its change counts (``generations``, read before anything else of
    this publish), its size and the settings are those the last publish recorded with its
    digest, and its files are there. Else what :func:`_digest` reads it with."""
    salt = _salt(ctx, spec, types)
    mark = _mark(spec, salt, count, generations)
    before = ctx.previous.get(spec.path, {})
    files = [*_formats.files(spec.path), *_extra(spec)]
    there = all((ctx.writer.root / f).exists() for f in files)
    if (
        mark is not None
        and there
        and before.get("mark") == mark
        and isinstance(before.get("sig"), str)
        and DEFERRED not in before
    ):
        ctx.current[spec.path] = {"sig": before["sig"], "mark": mark}
        return None
    return _Check(salt, mark, there)


def _digest(ctx: Context, spec: FeedSpec, count: int, check: _Check) -> tuple[bool, list[Any]]:
    """Record the digest of a feed whose head must be read (``check``: what :func:`_check`
    found): (unchanged since the last publish with its files there, the (id, updated) of
    the stories of its head)."""
    before = ctx.previous.get(spec.path, {})
    newest = head_versions(ctx, spec.query)
    sig = _state.digest(check.salt, count, [*newest, *_about_marks(ctx, spec)])
    mark = check.mark
    ctx.current[spec.path] = {"sig": sig, "mark": mark} if mark is not None else {"sig": sig}
    return before.get("sig") == sig and check.there, newest


def _digests(
    ctx: Context,
    specs: Sequence[FeedSpec],
    counts: Mapping[str, int],
    types: Sequence[str],
    generations: Mapping[str, int] | None,
    now: datetime,
    budget: int | None,
) -> tuple[dict[str, bool], dict[str, list[Any]], set[str]]:
    """Every feed's digest (:func:`_digest`): whether it is unchanged, its head's stories,
    and the paths of the feeds left for a later publish by ``budget`` (``_budget``): the
    profile feeds in place that may have changed are read longest waiting first, until
    ``budget`` of them are found changed; the others wait, their heads not read."""
    skips: dict[str, bool] = {}
    newest: dict[str, list[Any]] = {}
    checks: dict[str, _Check] = {}
    for spec in specs:
        check = _check(ctx, spec, counts[spec.path], types, generations)
        if check is None:
            skips[spec.path], newest[spec.path] = True, []
        else:
            checks[spec.path] = check
    moved = [spec for spec in specs if spec.path in checks]
    there = {path for path, check in checks.items() if check.there}
    queue = waiting_order(ctx, moved, now, there) if budget is not None else []
    queued = {spec.path for spec in queue}
    for spec in moved:
        if spec.path not in queued:
            skips[spec.path], newest[spec.path] = _digest(
                ctx, spec, counts[spec.path], checks[spec.path]
            )
    later: set[str] = set()
    rendered = 0
    for spec in queue:
        if budget is not None and rendered >= budget:
            leave(ctx, spec, now)
            later.add(spec.path)
            skips[spec.path], newest[spec.path] = True, []
            continue
        skips[spec.path], newest[spec.path] = _digest(
            ctx, spec, counts[spec.path], checks[spec.path]
        )
        rendered += not skips[spec.path]
    return skips, newest, later


def _mark(
    spec: FeedSpec, salt: str, count: int, generations: Mapping[str, int] | None
) -> str | None:
    """What a feed's digest was made at: the settings, its size and the change counts of it
    and (a company's) of its ``about`` stories; None when its stories have no change count
    (not one published feed, or no counts given)."""
    key = feed_key(spec.query)
    if key is None or generations is None:
        return None
    about = about_query(spec)
    counts = [generations.get(key, 0)]
    if about is not None:
        about_key = feed_key(about)
        if about_key is None:
            return None
        counts.append(generations.get(about_key, 0))
    return _state.digest(salt, count, [("gen", n) for n in counts])


def about_query(spec: FeedSpec) -> StoryQuery | None:
    """The stories a company's page lists besides its deals (None: not a company's page)."""
    if spec.company is None or spec.group == "Investors":
        return None
    return StoryQuery(about=spec.company.slug)


def _about_marks(ctx: Context, spec: FeedSpec) -> list[tuple[str, Any]]:
    """What a company's page shows of its stories, for its digest: their count and the
    (id, updated) of those it lists."""
    query = about_query(spec)
    if query is None:
        return []
    listed = ctx.reader.story_versions(query, limit=ABOUT_SHOWN)
    return [("about", ctx.reader.count_stories(query)), *((f"a{i}", u) for i, u in listed)]


def head_versions(ctx: Context, query: StoryQuery) -> list[Any]:
    """(id, updated) of the stories a head document lists: the newest, with at most
    ``ctx.per_source`` of one feed while others are there."""
    return list(
        ctx.reader.head_versions(
            query, limit=ctx.size, per_source=ctx.per_source, scan=ctx.head_scan
        )
    )


def head_stories(ctx: Context, query: StoryQuery) -> list[Story]:
    """The stories of :func:`head_versions`, newest first, loaded now."""
    ids = [story_id for story_id, _ in head_versions(ctx, query)]
    return sorted(ctx.reader.stories(ids), key=lambda s: s.id, reverse=True)


def _prepare(ctx: Context, spec: FeedSpec, newest: list[Any]) -> None:
    """Before rendering a head: its ids go to ``ctx.renderer.wanted`` (the archive pass keeps
    those entries for the heads), and the parts kept when it was last rendered are offered:
    its entries to the renderer (a new archive page holds stories that head listed), its
    deal rows to ``ctx.rows``, a company's or an investor's lines to ``ctx.lines``."""
    ctx.renderer.wanted.update(story_id for story_id, _ in newest)
    kept = _offer(ctx, spec.path)
    if kept.lines:
        ctx.lines[spec.path] = dict(kept.lines)


def _offer(ctx: Context, name: str) -> _kept.Parts:
    """The parts kept for document ``name`` under this publish's fingerprint; its entries
    go to the renderer and its deal rows to ``ctx.rows``."""
    kept = _kept.load(ctx.writer.root, name, ctx.fingerprint)
    ctx.renderer.take(kept.entries)
    for key, row in kept.rows.items():
        ctx.rows.setdefault(key, row)
    return kept


def _extra(spec: FeedSpec) -> list[str]:
    return list(spec.pages)


def publish_feeds(
    ctx: Context,
    specs: Sequence[FeedSpec],
    counts: dict[str, int],
    skips: dict[str, bool],
    newest: dict[str, list[Any]],
    types: Sequence[str] = (),
) -> None:
    """Archive pages, head documents and the pages of ``specs`` (deal types, companies,
    investors; ``types``: the deal types there are, which a type's pages link)."""
    for spec in specs:
        if not skips[spec.path]:
            _prepare(ctx, spec, newest[spec.path])
    pages = publish_archives(ctx, specs, counts)
    for spec in specs:
        head = publish_head(
            ctx, spec, counts[spec.path], pages[spec.path], skips[spec.path], newest[spec.path]
        )
        if head is None:
            continue
        parts = head.parts
        if spec.pages:
            made, lines = _pages(ctx, spec, head, types)
            for path, data in made.items():
                ctx.writer.write(path, data)
            parts = replace(parts, lines=lines)
        _kept.save(ctx.writer, spec.path, ctx.fingerprint, parts)


def _pages(
    ctx: Context,
    spec: FeedSpec,
    head: Head,
    types: Sequence[str],
) -> tuple[dict[str, bytes], dict[RowKey, str]]:
    """The pages made from a head, and (a company's or an investor's) the lines of its
    timeline or portfolio, by story version."""
    if spec.deal_type is not None:
        return type_pages(ctx.settings, spec, head.rows, head.newest, types), {}
    assert spec.company is not None
    investor = spec.group == "Investors"
    roles = ("investor",) if investor else ()
    deals = [for_party(d, spec.company.slug, roles) for d in deal_facts(ctx, head.ids)]
    items = ctx.lines.pop(spec.path, {})
    shown = {item_key(d) for d in deals}
    if investor:
        page = investor_page(
            ctx.settings, spec, spec.company, head.rows, head.newest, deals, head.total, items
        )
    else:
        about, keys = _about(ctx, spec, items)
        shown |= keys
        page = company_page(
            ctx.settings,
            spec,
            spec.company,
            head.rows,
            head.newest,
            deals,
            head.total,
            items,
            about,
        )
    return {spec.html_path: page}, {k: line for k, line in items.items() if k in shown}


def _about(ctx: Context, spec: FeedSpec, items: dict[RowKey, str]) -> tuple[About, set[RowKey]]:
    """The newest stories about a company (its ``about/{slug}`` feed) as lines of its page:
    a line made at the story's version already (kept with the page) is not made again, else
    the story is loaded; and the keys of the lines shown."""
    query = about_query(spec)
    assert query is not None
    listed = ctx.reader.story_versions(query, limit=ABOUT_SHOWN)
    keys = [story_key(i, utc(datetime.fromisoformat(str(u)))) for i, u in listed]
    missing = [i for (i, _), key in zip(listed, keys) if key not in items]
    for story in ctx.reader.stories(missing) if missing else ():
        items[story_key(story.id, story.updated)] = story_line(story)
    lines = tuple(items[key] for key in keys if key in items)
    return About(lines, ctx.reader.count_stories(query)), set(keys)


def deal_facts(ctx: Context, ids: Sequence[int]) -> list[PartyDeal]:
    """The facts of the deal stories ``ids`` (a head's), by news time then id: what a
    company's or an investor's page shows beside its deals table, so the page changes
    exactly when its head does."""
    return list(ctx.reader.deal_facts(ids))


def publish_share(ctx: Context, share: Share) -> ShareDone:
    """In the helper process: publish the feeds and the briefs of ``share`` as the main
    process would."""
    for spec in share.specs:
        ctx.current[spec.path] = dict(share.sigs[spec.path])
    publish_feeds(ctx, share.specs, share.counts, share.skips, share.newest)
    publish_briefs(ctx, share.briefs)
    ctx.writer.sync()
    keys = [spec.path for spec in share.specs] + [brief_key(spec) for spec in share.briefs]
    return ShareDone(
        {key: ctx.current[key] for key in keys if key in ctx.current},
        tuple(ctx.writer.written),
        ctx.writer.unchanged,
    )


def _split(
    ctx: Context, specs: Sequence[FeedSpec], counts: dict[str, int], skips: dict[str, bool]
) -> tuple[list[FeedSpec], list[FeedSpec]]:
    """Feeds for here and for the helper, about equal in work (stories to render); the
    helper takes only profile feeds (a company's, its stories', an investor's: nothing made
    here needs them), the main, deal-type and tag feeds stay here."""

    def work(spec: FeedSpec) -> int:
        done = done_pages(ctx, spec)
        archive = max(0, counts[spec.path] // ctx.size - done) * ctx.size
        return archive + (0 if skips[spec.path] else ctx.size)

    loads = [0, 0]
    groups: tuple[list[FeedSpec], list[FeedSpec]] = ([], [])
    for spec in sorted(specs, key=lambda s: (s.group in PROFILE_GROUPS, -work(s))):
        side = (
            0 if spec.group not in PROFILE_GROUPS or work(spec) == 0 else int(loads[1] < loads[0])
        )
        groups[side].append(spec)
        loads[side] += work(spec)
    order = {spec.path: n for n, spec in enumerate(specs)}
    return (
        sorted(groups[0], key=lambda s: order[s.path]),
        sorted(groups[1], key=lambda s: order[s.path]),
    )


class Head(NamedTuple):
    """What a published head document listed: the company page shows the same stories."""

    rows: list[str]  # deal rows, newest story first (feeds with pages only)
    newest: datetime | None  # the latest update among them
    total: int = 0  # stories in the feed
    ids: tuple[int, ...] = ()  # the stories listed
    parts: _kept.Parts = _kept.Parts()  # its entries and deal rows, kept for the next publish


def publish_head(
    ctx: Context,
    spec: FeedSpec,
    count: int,
    pages: int,
    skip: bool,
    newest: list[Any],
) -> Head | None:
    """The head document (after the archives, so its prev-archive link resolves).

    Returns None when the feed is unchanged since the last publish (nothing rendered).
    Of the stories of ``newest`` (the (id, updated) this publish recorded for the feed),
    only those whose entry or deal row was neither rendered in this publish nor kept by
    the last one are loaded; when one of them changed since, the head's stories are read
    again and loaded.
    """
    ctx.current.setdefault(spec.path, {})["pages"] = pages
    if skip:
        ctx.writer.unchanged += len(_formats.FORMATS) + len(_extra(spec)) + 1  # + kept parts
        return None
    listed = _from_versions(ctx, spec, newest)
    if listed is None:
        stories = head_stories(ctx, spec.query)
        entries = list(ctx.renderer.many(stories))
        rows = [deal_row(s, ctx.rows) for s in stories] if spec.pages else []
        latest = max((utc(s.updated) for s in stories), default=None)
        ids = tuple(s.id for s in stories)
        uris = [s.uri for s in stories]
        keys = [row_key(s.id, s.updated) for s in stories]
    else:
        entries, rows, latest, uris = listed
        ids = tuple(int(story_id) for story_id, _ in newest)
        keys = [row_key(i, utc(datetime.fromisoformat(str(u)))) for i, u in newest]
    write_page(ctx, head_page(spec, tuple(entries), count, ctx.size))
    parts = _kept.Parts(tuple(zip(uris, entries)), dict(zip(keys, rows)))
    return Head(rows, latest, count, ids, parts)


def _from_versions(
    ctx: Context,
    spec: FeedSpec,
    newest: list[Any],
) -> tuple[list[Rendered], list[str], datetime | None, list[str]] | None:
    """The head's entries (and deal rows, and its stories' URIs) for the stories of
    ``newest``, loading only those not known at their version; None when a story changed
    since ``newest`` was read."""
    uri = ctx.reader.story_uri
    wants_rows = bool(spec.pages)
    versions = [
        (story_id, utc(datetime.fromisoformat(str(updated)))) for story_id, updated in newest
    ]
    known: dict[int, tuple[Rendered | None, str | None]] = {}
    for story_id, updated in versions:
        entry = ctx.renderer.known(uri(story_id), updated)
        row = ctx.rows.get(row_key(story_id, updated)) if wants_rows else ""
        known[story_id] = (entry, row)
    missing = [i for i, (entry, row) in known.items() if entry is None or row is None]
    loaded = {s.id: s for s in ctx.reader.stories(missing)} if missing else {}
    entries, rows = [], []
    for story_id, updated in versions:
        entry, row = known[story_id]
        if entry is None or row is None:
            story = loaded.get(story_id)
            if story is None or utc(story.updated) != updated:
                return None
            entry = entry or ctx.renderer.render(story)
            row = row if row is not None else deal_row(story, ctx.rows)
        entries.append(entry)
        rows.append(row)
    latest = max((updated for _, updated in versions), default=None)
    return entries, rows if wants_rows else [], latest, [uri(i) for i, _ in versions]


@dataclass(frozen=True)
class Share:
    """Feeds one publish hands to another process (see :func:`publish_share`)."""

    specs: tuple[FeedSpec, ...]
    counts: dict[str, int]
    skips: dict[str, bool]
    newest: dict[str, list[Any]]
    sigs: dict[str, dict[str, Any]]  # each feed's state entry (its digest), as recorded here
    briefs: tuple[FeedSpec, ...] = ()  # the briefs, published there too


@dataclass(frozen=True)
class ShareDone:
    """What the other process did: the state entries and files of its feeds."""

    current: dict[str, Any]
    written: tuple[str, ...]
    unchanged: int


Helper = Callable[[Share], "Future[ShareDone]"]


def publish_all(
    ctx: Context, now: datetime, helper: Helper | None = None, budget: int | None = None
) -> None:
    """Every feed, then the pages; ``helper`` (when given) publishes about half of the feeds
    that have work in another process, at the same time; ``budget``: at most that many
    changed profile feeds already in place are rendered, the others wait (``_budget``)."""
    # first: a change after this read moves the counts again (a digest is never taken for
    # newer than what it was made from)
    generations = ctx.reader.feed_generations()
    exports = publish_exports(ctx)  # its file work (if any) goes on while the rest is made
    facets: Facets = ctx.reader.facets()
    specs = feed_specs(ctx.settings, facets)
    counts = {spec.path: ctx.reader.count_stories(spec.query) for spec in specs}
    types = tuple(sorted(set(facets.deal_types)))
    skips, newest, later = _digests(ctx, specs, counts, types, generations, now, budget)
    due = [spec for spec in specs if spec.path not in later]
    mine, theirs = _split(ctx, due, counts, skips) if helper else (due, [])
    sigs = {spec.path: dict(ctx.current[spec.path]) for spec in theirs}
    briefs, alerts = brief_specs(ctx), alert_specs(ctx)
    # the helper (when there is one) takes the briefs too: they need nothing made here
    share = Share(tuple(theirs), counts, skips, newest, sigs, tuple(briefs))
    future = helper(share) if helper is not None else None
    publish_feeds(ctx, mine, counts, skips, newest, types)
    if future is None:
        publish_briefs(ctx, briefs)
    publish_alert_feeds(ctx, alerts)
    listed = specs[:2] + briefs + specs[2:] + alerts
    for name, image in IMAGES.items():
        ctx.writer.write(name, image())
    ctx.writer.write("sources.opml", sources_opml(ctx.settings))
    ctx.writer.write("subscriptions.opml", subscriptions_opml(ctx.settings, listed))
    _offer(ctx, _kept.INDEX)
    latest = head_stories(ctx, StoryQuery(deals_only=True))
    rows = tuple(deal_row(s, ctx.rows) for s in latest)
    newest_update = max((utc(s.updated) for s in latest), default=None)
    periods = largest_periods(ctx, max((utc(s.published) for s in latest), default=utc(now)))
    parts = IndexParts(
        rows=rows,
        newest=newest_update,
        types=types,
        periods=tuple(periods),
        months=months_table(ctx.reader.deal_volume_by_month(), now),
        companies=tuple(facets.companies),
        investors=tuple(facets.investors),
        sources=tuple(ctx.reader.feed_states(counts=False)),
    )
    ctx.writer.write("index.html", index_page(ctx.settings, listed, parts))
    ctx.writer.write("deals/by-amount.html", amount_index(ctx.settings, rows, newest_update, types))
    shown = [(row_key(s.id, s.updated), row) for s, row in zip(latest, rows)]
    shown += [kept for period in periods for kept in zip(period.keys, period.rows)]
    _kept.save(ctx.writer, _kept.INDEX, ctx.fingerprint, _kept.Parts(rows=dict(shown)))
    ctx.current[FORMATS_KEY] = formats()
    if future is not None:
        try:
            done = future.result()
        except Exception as exc:  # the helper failed: do its part here
            log.warning("publish helper failed (%s); publishing its feeds here", exc)
            publish_feeds(ctx, theirs, counts, skips, newest, types)
            publish_briefs(ctx, briefs)
        else:
            ctx.current.update(done.current)
            ctx.writer.written.extend(done.written)
            ctx.writer.unchanged += done.unchanged
    if exports is not None:
        exports.join(ctx.writer)
    ctx.writer.write(_state.STATE_FILE, _state.dump(ctx.current))
