"""Missing RFC 5005 archive pages of every feed, each story rendered once.

A page is written once, when full, and never touched again. On a cold build every page
of every feed is missing: the pages are planned for all feeds first (their story ids in
one cheap query per feed), then the stories are loaded in id order, in batches, rendered
once each and dropped into every page that lists them; a page is written as soon as its
last story is in. Memory holds at most the incomplete pages (one per feed at a time).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from . import _formats
from ._context import Context, write_page
from ._entry import Rendered
from ._paging import FeedSpec, archive_page, archive_stem, full_pages

BATCH = 500  # stories loaded per query
FORMATS_KEY = "_formats"  # in the state: the formats the pages counted there are written in


@dataclass
class _Pending:
    spec: FeedSpec
    number: int
    ids: list[int]
    slots: list[Rendered | None] = field(default_factory=list)
    missing: int = 0


def formats() -> list[str]:
    return [f.name for f in _formats.FORMATS]


def done_pages(ctx: Context, spec: FeedSpec) -> int:
    """The feed's archive pages the last publish left in place, in every format there is
    (none when it wrote other formats: then each page's files are looked for, and a page
    gets the files of a new format once)."""
    if ctx.previous.get(FORMATS_KEY) != formats():
        return 0
    return int(ctx.previous.get(spec.path, {}).get("pages", 0))


def todo_pages(ctx: Context, spec: FeedSpec, count: int) -> tuple[int, list[int]]:
    """(full pages the feed has, numbers of those not on disk yet)."""
    done = done_pages(ctx, spec)
    pages = full_pages(count, ctx.size)
    formats = len(_formats.FORMATS)
    ctx.writer.unchanged += formats * min(done, pages)
    todo = []
    for number in range(min(done, pages), pages):
        stem = archive_stem(spec, number)
        if all((ctx.writer.root / name).exists() for name in _formats.files(stem)):
            ctx.writer.unchanged += formats
        else:
            todo.append(number)
    return pages, todo


def publish_archives(
    ctx: Context, specs: Sequence[FeedSpec], counts: dict[str, int]
) -> dict[str, int]:
    """Write every missing full page; returns, per feed, how many pages are in place."""
    done: dict[str, int] = {}
    plans: dict[str, list[int]] = {}
    for spec in specs:
        done[spec.path], todo = todo_pages(ctx, spec, counts[spec.path])
        if todo:
            plans[spec.path] = todo
    if not plans:
        return done
    by_path = {spec.path: spec for spec in specs}
    pending = [
        p for path, todo in plans.items() for p in _plan(ctx, by_path[path], counts[path], todo)
    ]
    failed = _stream(ctx, pending)
    for path, todo in plans.items():
        planned = {p.number for p in pending if p.spec.path == path}
        gaps = [n for n in todo if n not in planned or (path, n) in failed]
        done[path] = min(gaps) if gaps else done[path]
    return done


def _plan(ctx: Context, spec: FeedSpec, count: int, todo: list[int]) -> list[_Pending]:
    """The story ids of each missing page (absolute positions, oldest story first)."""
    first = todo[0]
    versions = ctx.reader.story_versions(spec.query, limit=count - first * ctx.size)
    if ctx.reader.count_stories(spec.query) != count:  # changed meanwhile: next run
        return []
    ids = [story_id for story_id, _ in reversed(versions)]
    out = []
    for number in todo:
        chunk = ids[(number - first) * ctx.size : (number - first + 1) * ctx.size]
        if len(chunk) < ctx.size:
            break
        out.append(_Pending(spec, number, chunk, [None] * ctx.size, ctx.size))
    return out


def _stream(ctx: Context, pending: list[_Pending]) -> set[tuple[str, int]]:
    """Load, render and place every planned story; write pages as they fill up."""
    places: dict[int, list[tuple[_Pending, int]]] = {}
    for page in pending:
        for slot, story_id in enumerate(page.ids):
            places.setdefault(story_id, []).append((page, slot))
    order = sorted(places)
    failed: set[tuple[str, int]] = set()
    for start in range(0, len(order), BATCH):
        batch = order[start : start + BATCH]
        loaded = {s.id: s for s in ctx.reader.stories(batch)}
        for story_id in batch:
            if story_id not in loaded:  # merged or gone since planning: next run
                failed.update((p.spec.path, p.number) for p, _ in places[story_id])
        full = []
        for story_id in batch:
            story = loaded.get(story_id)
            entry = (
                None
                if story is None
                else ctx.renderer.render(story, keep=story.id in ctx.renderer.wanted)
            )
            for page, slot in places.pop(story_id):
                page.slots[slot] = entry
                page.missing -= 1
                if page.missing == 0:
                    full.append(page)
        for page in full:
            if not any(path == page.spec.path and n <= page.number for path, n in failed):
                _write(ctx, page.spec, page.number, tuple(page.slots))  # type: ignore[arg-type]
            page.slots = []
    return failed


def _write(ctx: Context, spec: FeedSpec, number: int, entries: tuple[Rendered, ...]) -> None:
    write_page(ctx, archive_page(spec, number, entries), once=True)
