"""One update cycle: fetch due feeds → parse → store → stories → deals → publish.

The only place that strings the stages together. Each feed's failure is isolated: it is
recorded on the feed's row and in the report, and the cycle goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from .. import deals as deals_mod
from .. import fetch as policy
from ..errors import ParseError, PublishError, StoreError, describe
from ..fetch import FeedFetcher, LoopFeedFetcher, WebhookSender
from ..models import (
    DATE_FLOOR,
    EntryDeal,
    FeedSettings,
    FeedState,
    FetchRequest,
    FetchResult,
    ParsedFeed,
    Settings,
    StoryItem,
)
from ..parse import ParseLimits, parse_deadline, parse_feed
from ..publish import Share, ShareDone, ping_hub, publish_share_site, publish_site, topic_urls
from ..store import Store
from ..stories import StoryIndex, StoryOptions
from . import _alerting as alerting
from ._alerting import Alerting
from ._report import (
    Assignment,
    FactsApplied,
    FeedLeftOut,
    FeedOutcome,
    FeedStored,
    IndexUsed,
    Part,
    Published,
    RunReport,
    StageFailed,
    assemble,
)
from ._story_facts import StoryFacts, classify_entries, facts_key, publisher_for
from ._story_window import NO_PUBLISHERS, Publishers, StoryWindow, with_publisher

log = logging.getLogger(__name__)


Progress = Callable[[FeedOutcome], None]


@dataclass(frozen=True)
class _Cycle:
    """What every step of one cycle works with."""

    settings: Settings
    store: Store
    now: datetime
    window: StoryWindow
    prepared: list[bool] = dataclasses.field(default_factory=list)  # _prepare_stories ran


@dataclass(frozen=True)
class _Fetching:
    """What the fetch step works with besides the cycle's context."""

    fetcher: FeedFetcher
    executor: Executor | None
    rng: random.Random
    wave: int | None


def run_once(
    settings: Settings,
    store: Store,
    fetcher: FeedFetcher,
    now: datetime,
    *,
    all_feeds: bool = False,
    executor: Executor | None = None,
    progress: Progress | None = None,
    rng: random.Random | None = None,
    publish: bool = True,
    stories: StoryWindow | None = None,
    sender: WebhookSender | None = None,
    wave: int | None = None,
) -> RunReport:
    """Run one update cycle and return what happened.

    ``stories``: the story index kept between cycles by a long-running caller (a fresh one,
    loaded from the store, when None); with a snapshot file, the index is read from it when
    exact and written to it after the stories stage. ``sender``: sends the alerts' webhooks
    (one made from the settings when None); deliveries are sent after publishing. ``wave``: how many
    due feeds are fetched and stored at a time (``fetch_wave`` of ``fetch.concurrency``
    when None).

    Each step returns (or yields, as it commits) its results; this function alone adds
    them to the report (``_report.assemble``).
    """
    clock = time.perf_counter()
    problem = store.file_problem()
    if problem:  # deleted, replaced or truncated under us: nothing is written over it
        raise StoreError(problem)
    report = RunReport(started=now)
    store.sync_feeds(settings.feeds)
    due = due_feeds(settings.feeds, store.feed_states(counts=False), now, all_feeds=all_feeds)
    report.feeds_due = len(due)
    cycle = _Cycle(settings, store, now, stories or StoryWindow())
    edited: list[int] = []  # entries whose text changed: their stories' facts again
    with _timed(report, "fetch_parse_store"), _barrier(report, "fetch"):
        fetching = _Fetching(fetcher, executor, rng or random.Random(), wave)
        for stored in _fetch_and_store(cycle, fetching, due):
            assemble(report, stored)
            edited += stored.changed_ids
            if progress:
                progress(stored.outcome)
    with _timed(report, "stories_deals"):
        with _barrier(report, "facts"):
            for applied in _refresh_facts(cycle):
                assemble(report, applied)
                if applied.recomputed and stories is not None:
                    stories.invalidate()  # every reading may have changed
        with _barrier(report, "stories"):
            for part in _stories_stage(cycle, edited):
                assemble(report, part)
        snapshot: Future[bool] | None = None
        if not cycle.window.keeps():  # one cycle's index, or one too large to keep: saved
            snapshot = cycle.window.persist_soon(store)  # for the next process, while
            cycle.window.invalidate()  # this one publishes; then let go
        cycle.window.drop_prefetch()  # a snapshot read this cycle did not need
    _retention(cycle, report)
    problem = store.file_problem()
    if problem:  # it went while the cycle ran: what was stored is not in the file
        assemble(report, StageFailed("database", problem, database=True))
        log.error("%s; the cycle's writes did not reach that file; nothing is published", problem)
    elif publish:
        with _timed(report, "publish"):
            assemble(report, publish_now(settings, store, now, executor))
    with _timed(report, "deliver"):
        assemble(report, alerting.deliver_due(settings, store, sender, now, rng or random.Random()))
    if snapshot is not None:
        with _barrier(report, "stories"):
            snapshot.result()  # written (or logged as not) before the cycle ends
    report.duration = time.perf_counter() - clock
    report.finished = now + timedelta(seconds=report.duration)
    with _barrier(report, "record"):
        store.record_run(now, report.finished, report.as_dict())
    return report


def _retention(cycle: _Cycle, report: RunReport) -> None:
    """Delete what the retention settings no longer keep: entries older than
    ``retention_days``, and a feed's entries beyond its latest ``retention_per_feed``."""
    settings, store, now = cycle.settings, cycle.store, cycle.now
    if settings.retention_days:
        with _barrier(report, "retention"):
            store.prune(now - timedelta(days=settings.retention_days), now)
    if settings.retention_per_feed:
        with _barrier(report, "retention"):
            for outcome in report.outcomes:  # only a feed that grew can be over its bound
                if outcome.new_entries:
                    trimmed = store.trim_feed(outcome.feed, settings.retention_per_feed, now)
                    if trimmed:
                        log.info(
                            "feed %s: %d entries beyond its latest %d deleted (retention_per_feed)",
                            outcome.feed,
                            trimmed,
                            settings.retention_per_feed,
                        )


@contextlib.contextmanager
def _barrier(report: RunReport, stage: str) -> Iterator[None]:
    """One stage's failure is recorded in the report (and a database failure as the cycle's
    ``store_error``); the stages after it still run, the publish included."""
    try:
        yield
    except StoreError as exc:
        assemble(report, StageFailed(stage, str(exc), database=True))
        log.error("%s: the database refused a write: %s", stage, exc)
    except Exception as exc:  # a bug met by stored data must not stop every later cycle
        assemble(report, StageFailed(stage, describe(exc)))
        log.exception("%s failed; the cycle goes on", stage)


@contextlib.contextmanager
def _timed(report: RunReport, stage: str) -> Iterator[None]:
    clock = time.perf_counter()
    try:
        yield
    finally:
        report.timings[stage] = round(time.perf_counter() - clock, 3)


def due_feeds(
    feeds: Sequence[FeedSettings],
    states: Sequence[FeedState],
    now: datetime,
    *,
    all_feeds: bool = False,
) -> list[tuple[FeedSettings, FeedState]]:
    by_name = {s.name: s for s in states}
    due = []
    for feed in feeds:
        state = by_name[feed.name]
        if not feed.enabled or state.disabled:
            continue
        if all_feeds or policy.is_due(state, now):
            due.append((feed, state))
    return due


def _request(feed: FeedSettings, state: FeedState) -> FetchRequest:
    return FetchRequest(
        feed=feed.name,
        url=(state.url or feed.url) if feed.url else None,
        path=feed.path,
        etag=state.etag,
        last_modified=state.last_modified,
        timeout=feed.timeout,
        user_agent=feed.user_agent,
    )


PARSE_TIME_LIMIT = 30.0  # seconds of one parse in a worker process


@dataclass(frozen=True)
class ParseOutput:
    parsed: ParsedFeed
    deals: tuple[EntryDeal | None, ...]  # one per entry (None: stored already, not read)


def _parse_job(
    result: FetchResult,
    now: datetime,
    max_entries: int,
    rates: Mapping[str, float],
    known: frozenset[str] = frozenset(),
    feed: FeedSettings | None = None,
) -> ParseOutput:
    """Runs in a parse worker: parse the bytes and read the deal of each entry whose content
    hash is not in ``known`` (the CPU-heavy parts), for the publisher ``feed`` names or its
    document's own title and site link do (``publisher_for``)."""
    with parse_deadline(PARSE_TIME_LIMIT, result):
        parsed = parse_feed(
            result.content or b"",
            feed=result.feed,
            url=result.final_url or result.url,
            headers=result.headers,
            now=now,
            limits=ParseLimits(max_entries=max_entries),
        )
        publisher = publisher_for(feed, (parsed.title, parsed.link))
        return ParseOutput(parsed, classify_entries(parsed.entries, rates, known, publisher))


def _fetch_and_store(
    cycle: _Cycle,
    fetching: _Fetching,
    due: list[tuple[FeedSettings, FeedState]],
) -> Iterator[FeedStored]:
    """Fetch, parse and store the due feeds, a wave at a time; each feed's result as it is
    stored. With a fetcher that can fetch on an event loop of the cycle's
    (:class:`~aggregator.fetch.LoopFeedFetcher`, as the service's is), each wave's requests
    are in flight while the wave before it is stored (``_overlapped``)."""
    by_name = {feed.name: feed for feed, _ in due}
    size = fetching.wave or fetch_wave(fetching.fetcher.options.concurrency)
    waves = [due[start : start + size] for start in range(0, len(due), size)]
    if len(waves) > 1 and isinstance(fetching.fetcher, LoopFeedFetcher):
        yield from _overlapped(cycle, fetching.fetcher, fetching, waves, by_name)
        return
    for wave in waves:
        yield from _fetch_and_store_wave(cycle, fetching, wave, by_name)


WAVE_PER_SLOT = 8  # a wave of the fetch is this many requests per slot of fetch.concurrency
MIN_WAVE = 256


def fetch_wave(concurrency: int) -> int:
    """How many due feeds one wave fetches, parses and stores before the next starts: what
    a cycle holds in memory at once (bodies, parse results) is at most two waves' (one
    stored while the next is fetched), whatever the number of due feeds
    (docs/scaling.md)."""
    return max(MIN_WAVE, WAVE_PER_SLOT * concurrency)


_Wave = Sequence[tuple[FeedSettings, FeedState]]


def _submitter(
    cycle: _Cycle,
    fetching: _Fetching,
    parses: dict[str, Future[ParseOutput]],
    by_name: Mapping[str, FeedSettings],
) -> Callable[[FetchResult], None]:
    """The fetch's hook: each body goes to the parse pool as it arrives, overlapping the
    other fetches (``parses``: by feed name, until its result is stored)."""
    settings, store, now, executor = cycle.settings, cycle.store, cycle.now, fetching.executor

    def submit(result: FetchResult) -> None:
        if result.ok:
            _prepare_stories(cycle)
        if result.ok and executor is not None:
            try:
                known = store.content_hashes(result.feed, 2 * settings.max_entries_per_feed)
                parses[result.feed] = executor.submit(
                    _parse_job,
                    result,
                    now,
                    settings.max_entries_per_feed,
                    dict(settings.currency_rates),
                    known,
                    by_name.get(result.feed),
                )
            except (RuntimeError, OSError) as exc:  # broken, shut down, fork server gone: inline
                log.warning("parse pool unavailable (%s); parsing %s inline", exc, result.feed)

    return submit


def _fetch_and_store_wave(
    cycle: _Cycle,
    fetching: _Fetching,
    due: _Wave,
    by_name: Mapping[str, FeedSettings],
) -> Iterator[FeedStored]:
    """One wave: fetch its feeds, parse each as its body arrives, store them in request
    order, then save their states (validators, schedule) at once: a cycle cut short keeps
    every wave it finished, and the next one polls only the feeds still due."""
    parses: dict[str, Future[ParseOutput]] = {}
    submit = _submitter(cycle, fetching, parses, by_name)
    results = fetching.fetcher.fetch_many_sync([_request(f, s) for f, s in due], on_result=submit)
    yield from _store_wave(cycle, fetching, due, results, parses)


def _store_wave(
    cycle: _Cycle,
    fetching: _Fetching,
    due: _Wave,
    results: list[FetchResult],
    parses: dict[str, Future[ParseOutput]],
    ready: Callable[[Future[ParseOutput]], None] | None = None,
) -> Iterator[FeedStored]:
    """Store a fetched wave's results in request order, then save their feeds' states at
    once (``ready``: waits for a feed's parse, while the next wave's fetch goes on)."""
    states: list[tuple[FeedState, str | None, str | None]] = []
    for index, ((feed, state), result) in enumerate(zip(due, results)):
        results[index] = dataclasses.replace(result, content=None)  # stored: drop the body
        parsing = parses.pop(feed.name, None)
        if parsing is not None and ready is not None:
            ready(parsing)
        stored, new_state = _store_result(cycle, feed, state, result, parsing, fetching.rng)
        del result
        states.append(new_state)
        yield stored
    # Entries are committed per feed above; a crash before this line only means this
    # wave's feeds are fetched again next time (idempotent), never that an entry is lost.
    cycle.store.save_feed_states(states)


def _overlapped(
    cycle: _Cycle,
    fetcher: LoopFeedFetcher,
    fetching: _Fetching,
    waves: Sequence[_Wave],
    by_name: Mapping[str, FeedSettings],
) -> Iterator[FeedStored]:
    """The waves on one event loop, each wave's requests in flight while the wave before it
    is stored: the loop runs whenever the storing waits for a parse (and between feeds), so
    the network wait of one wave hides the storing of the other. The order of storing, the
    states saved per wave and what a cut-short cycle keeps are those of one wave at a time;
    at most two waves' results are held at once. Everything runs in this thread (the store
    is used by no other)."""
    parses: dict[str, Future[ParseOutput]] = {}
    submit = _submitter(cycle, fetching, parses, by_name)

    def started(wave: _Wave) -> asyncio.Task[list[FetchResult]]:
        """The wave's fetch, a task of the loop: it runs whenever the loop does."""
        requests = [_request(f, s) for f, s in wave]
        return runner.get_loop().create_task(fetcher.fetch_many(requests, on_result=submit))

    async def parsed(parsing: Future[ParseOutput]) -> None:
        await asyncio.sleep(0)  # the loop handles what arrived for the fetch in flight
        with contextlib.suppress(Exception):  # its error is the feed's, when stored
            await asyncio.wrap_future(parsing)

    async def finished(task: asyncio.Task[list[FetchResult]]) -> list[FetchResult]:
        return await task

    with asyncio.Runner() as runner:
        task = started(waves[0])
        for number, wave in enumerate(waves):
            results = runner.run(finished(task))
            if number + 1 < len(waves):
                task = started(waves[number + 1])
            yield from _store_wave(
                cycle, fetching, wave, results, parses, lambda f: runner.run(parsed(f))
            )


def _prepare_stories(cycle: _Cycle) -> None:
    """At the cycle's first new body: start reading what its stories stage will need and no
    store holds, the story index snapshot and the shipped gazetteer, each in a thread of its
    own while the fetch waits on the network (a cycle where every feed answers 304 reads
    neither); the gazetteer's thread also imports the public-suffix list that names a
    feed's publisher."""
    if cycle.prepared:
        return
    cycle.prepared.append(True)
    options = StoryOptions(window_days=cycle.settings.story_window_days)
    cycle.window.prefetch(cycle.store, options)
    threading.Thread(target=deals_mod.preload, name="gazetteer-read", daemon=True).start()


def _store_result(
    cycle: _Cycle,
    feed: FeedSettings,
    state: FeedState,
    result: FetchResult,
    parsing: Future[ParseOutput] | None,
    rng: random.Random,
) -> tuple[FeedStored, tuple[FeedState, str | None, str | None]]:
    """Parse and store one feed's result; whatever fails is this feed's error (on its row,
    with backoff), and a feed whose entries were not stored keeps its old validators. Also
    the feed's new state, title and site link, to be saved with its wave's."""
    output, new, store_error = None, 0, None
    changed: tuple[int, ...] = ()
    if result.ok:
        output, result = _parse_result(cycle, feed, result, parsing)
    parsed = output.parsed if output else None
    if output is not None and parsed is not None:
        try:
            upserted = cycle.store.upsert_entries(
                feed.name, parsed.entries, cycle.now, output.deals
            )
        except Exception as exc:  # StoreError (disk full ...) or a bug: this feed's failure
            if isinstance(exc, StoreError):
                store_error = str(exc)
            else:
                log.exception("feed %s: storing failed unexpectedly", feed.name)
            result = _failed(result, "store", f"store error: {describe(exc)}")
            parsed = None
        else:
            new, changed = len(upserted.new_ids), tuple(upserted.changed_ids)
            if parsed.warning:
                log.info("feed %s: kept what parsed: %s", feed.name, parsed.warning)
    new_state = policy.apply_outcome(state, result, interval=feed.interval, now=cycle.now, rng=rng)
    if result.error:
        log.warning("feed %s: %s", feed.name, result.error)
    outcome = FeedOutcome(
        feed.name, result.status, result.error, result.error_kind, new, result.elapsed
    )
    stored = FeedStored(outcome, _verdict(result), changed, store_error)
    site = (parsed.title, parsed.link) if parsed else (None, None)
    return stored, (new_state, *site)


def _parse_result(
    cycle: _Cycle,
    feed: FeedSettings,
    result: FetchResult,
    parsing: Future[ParseOutput] | None,
) -> tuple[ParseOutput | None, FetchResult]:
    settings = cycle.settings
    try:
        output = (
            parsing.result()
            if parsing
            else _parse_job(
                result,
                cycle.now,
                settings.max_entries_per_feed,
                settings.currency_rates,
                cycle.store.content_hashes(feed.name, 2 * settings.max_entries_per_feed),
                feed,
            )
        )
        return output, result
    except ParseError as exc:
        return None, _failed(result, "parse", f"parse error: {exc.message}")
    except BrokenProcessPool:
        return None, _failed(result, "parse", "parse error: the parser process died")
    except Exception as exc:  # a bug met by this feed's document: its failure alone
        log.error("feed %s: parsing failed unexpectedly", feed.name, exc_info=exc)
        return None, _failed(result, "internal", f"internal error while parsing: {describe(exc)}")


def _failed(result: FetchResult, kind: str, message: str) -> FetchResult:
    return dataclasses.replace(result, error=message, error_kind=kind)


def _verdict(result: FetchResult) -> Literal["fetched", "not_modified", "failed"]:
    if result.error:
        return "failed"
    if result.not_modified:
        return "not_modified"
    return "fetched"


REFRESH_BATCH = 2_000  # stories whose facts one write of a refresh recomputes


def _refresh_facts(cycle: _Cycle) -> Iterator[FactsApplied]:
    """When the facts key changed (a new deal reader, a feed's publisher, tag or curation
    rules: ``facts_key``), recompute the facts of every stored story, in batches that each
    commit (a result each), then record the key (a last result, ``recomputed``). A store
    with no stories only records it."""
    settings, store, now = cycle.settings, cycle.store, cycle.now
    key = facts_key(settings)
    if store.facts_key() == key:
        return
    facts = StoryFacts.from_settings(settings, store.feed_sites())
    alerts = Alerting.from_settings(settings)
    ids = store.all_live_story_ids()
    for start in range(0, len(ids), REFRESH_BATCH):
        with store.write():
            saved = facts.apply_many(store, ids[start : start + REFRESH_BATCH], now)
            counts = alerts.record(store, saved.previous, now, quiet=True)
        yield FactsApplied(saved.changed, counts)
    with store.write():
        store.set_facts_key(key)
    log.info("story facts recomputed for %d stories (facts key %s)", len(ids), key)
    yield FactsApplied(0, recomputed=True)


def _stories_stage(cycle: _Cycle, edited: Sequence[int] = ()) -> Iterator[Part]:
    """Cluster and tag the pending entries. When that fails for a reason other than the
    database, each feed's pending entries are tried alone (and rolled back); the feeds that
    still fail are left out (their entries stay pending, their rows say why) and the others
    are clustered together, in the order one run would have taken. The pending entries
    are planned by their id, time and feed alone, and read ``ASSIGN_CHUNK`` at a time as
    they are assigned: a cold cycle never holds all its entries' texts at once. Each
    result as it is committed."""
    store = cycle.store
    pending = store.pending_keys()
    try:
        yield from _cluster_and_tag(cycle, pending, edited=edited)
        return
    except StoreError:
        raise
    except Exception as exc:
        log.error(
            "stories: clustering failed (%s); trying each feed alone", describe(exc), exc_info=exc
        )
    pending = store.pending_keys()
    bad: dict[str, str] = {}
    for feed in sorted({feed for _, _, feed in pending}):
        try:
            for _ in _cluster_and_tag(
                cycle, [key for key in pending if key[2] == feed], probe=True
            ):
                pass  # a trial: what it did is rolled back, not reported
        except _Probed:
            pass
        except StoreError:
            raise
        except Exception as exc:  # this feed's stored entries break clustering
            bad[feed] = f"stories: {describe(exc)}"
    for feed, message in bad.items():
        yield FeedLeftOut(feed, message)
        log.error("feed %s: its entries are left unclustered: %s", feed, message)
    if bad:
        with store.write():
            for feed, message in bad.items():
                store.note_feed_error(feed, message)
    yield from _cluster_and_tag(cycle, [key for key in pending if key[2] not in bad], edited=edited)


class _Probed(Exception):
    """Ends a trial clustering: its writes are rolled back."""


def _cluster_and_tag(
    cycle: _Cycle,
    stored: Sequence[tuple[int, datetime, str]],
    *,
    probe: bool = False,
    edited: Sequence[int] = (),
) -> Iterator[Part]:
    """Assign the pending entries (``stored``: id, time, feed) to stories, then decide the
    facts of every story they touched and of those whose reports were edited (``edited``:
    entry ids), with the alerts those facts fire, in one transaction."""
    settings, store, now = cycle.settings, cycle.store, cycle.now
    # A date slightly in the future (allowed by parse) must not push the window ahead, and
    # one stored before dates were bounded must not reach before the floor. Assigned in
    # this order: (bounded time, id).
    pending = sorted((_bounded_time(published, now), entry_id) for entry_id, published, _ in stored)
    touched: set[int] = set()
    made: dict[int, list[int]] = {}
    facts: StoryFacts | None = None
    if pending:
        # each feed's publisher: a newsroom's post that names no one is about it
        facts = StoryFacts.from_settings(settings, store.feed_sites())
        index, source = _index(cycle, pending, facts.publishers)
        yield IndexUsed(source)
        assigned = _assign_to(cycle, index, pending, probe, facts.publishers)
        yield assigned
        touched, made = set(assigned.touched), assigned.made
    touched |= store.stories_of_entries(edited)
    if not touched:
        return
    facts = facts or StoryFacts.from_settings(settings, store.feed_sites())
    with store.write():
        live = sorted(store.live_story_ids(sorted(touched)))
        saved = facts.apply_many(store, live, now, made)
        cycle.window.read_late(saved.late)  # the kept index holds what a fresh load would read
        store.date_new_stories(sorted(made), now)
        # in the same transaction: a story change and its alerts are saved together
        clock = time.perf_counter()
        counts = Alerting.from_settings(settings).record(store, saved.previous, now)
        seconds = round(time.perf_counter() - clock, 3)
    yield FactsApplied(saved.changed, counts, seconds)


def _index(
    cycle: _Cycle, pending: Sequence[tuple[datetime, int]], publishers: Publishers
) -> tuple[StoryIndex, str]:
    """The story index to assign the pending entries against, and where it came from."""
    window = cycle.window
    loads, restores = window.loads, window.restores
    index = window.index_for(
        cycle.store,
        StoryOptions(window_days=cycle.settings.story_window_days),
        [published for published, _ in pending],
        cycle.now,
        publishers,
    )
    source = (
        "loaded" if window.loads > loads else "snapshot" if window.restores > restores else "kept"
    )
    return index, source


def _assign_to(
    cycle: _Cycle,
    index: StoryIndex,
    pending: Sequence[tuple[datetime, int]],
    probe: bool,
    publishers: Publishers,
) -> Assignment:
    try:
        return _assign(cycle.store, index, pending, cycle.now, cycle.window, probe, publishers)
    except BaseException:
        cycle.window.invalidate()  # the index saw changes the rollback undid
        raise


def _bounded_time(published: datetime, now: datetime) -> datetime:
    return now if published > now else DATE_FLOOR if published < DATE_FLOOR else published


def _bounded_item(item: StoryItem, now: datetime) -> StoryItem:
    published = _bounded_time(item.published, now)
    return item if published == item.published else dataclasses.replace(item, published=published)


ASSIGN_CHUNK = 2_000  # pending entries read from the store at a time while assigning


def _assigned_order(
    store: Store,
    pending: Sequence[tuple[datetime, int]],
    now: datetime,
    publishers: Publishers = NO_PUBLISHERS,
) -> Iterator[StoryItem]:
    """The pending items in the order given, read ``ASSIGN_CHUNK`` at a time, each with
    its feed's publisher."""
    for start in range(0, len(pending), ASSIGN_CHUNK):
        chunk = [entry_id for _, entry_id in pending[start : start + ASSIGN_CHUNK]]
        for item in store.story_items(chunk):
            yield with_publisher(_bounded_item(item, now), publishers)


def _assign(
    store: Store,
    index: StoryIndex,
    pending: Sequence[tuple[datetime, int]],
    now: datetime,
    stories: StoryWindow,
    probe: bool = False,
    publishers: Publishers = NO_PUBLISHERS,
) -> Assignment:
    """Assign the pending items ((bounded time, id), in that order) to stories, in one
    transaction."""
    touched: set[int] = set()
    made: dict[int, list[int]] = {}
    created = joined = merged = 0
    with store.write():
        with store.story_writes(now) as writes:
            for item in _assigned_order(store, pending, now, publishers):
                decision = index.assign(item)
                features = index.encoded_features(item)
                if decision.story_id is None:
                    story_id = writes.create(decision, features)
                    made[story_id] = []
                    created += 1
                else:
                    story_id = decision.story_id
                    writes.attach(decision, story_id, features)
                    joined += 1
                if story_id in made:
                    made[story_id].append(item.entry_id)
                for other in decision.merge_story_ids:
                    keep, drop = min(story_id, other), max(story_id, other)
                    writes.merge(keep, drop, item.entry_id)
                    index.merge(keep, drop)
                    merged += 1
                    moved = made.pop(drop, None)
                    if keep in made and moved is not None:
                        made[keep] += moved
                    else:
                        made.pop(keep, None)  # it holds reports of earlier cycles
                    story_id = keep
                index.add(item, story_id)
                touched.add(story_id)
        if probe:
            raise _Probed()
        stories.saved(store)
    return Assignment(frozenset(touched), made, created, joined, merged)


def publish_now(
    settings: Settings,
    store: Store,
    now: datetime,
    executor: Executor | None = None,
    complete: bool = False,
) -> Published:
    """Publish the site; with ``executor`` (the parse pool, idle by now), about half of the
    feeds with work are published by one of its processes at the same time. A failure
    keeps the previous files and is the result's ``error``. ``complete``: no profile feed
    waits for a later publish (``publish.profile_budget`` is for cycles)."""
    clock = time.perf_counter()

    def helper(share: Share) -> Future[ShareDone]:
        assert executor is not None
        return executor.submit(_publish_share, settings, share)

    written, error = 0, None
    try:
        result = publish_site(
            store,
            settings=settings,
            out_dir=settings.output,
            now=now,
            deal_line=deals_mod.format_deal_line,
            helper=helper if executor is not None else None,
            complete=complete,
        )
        written = len(result.written)
        if settings.websub_hub and result.written:
            for problem in ping_hub(settings.websub_hub, topic_urls(result, settings)):
                log.warning("WebSub ping failed: %s", problem)
    except (PublishError, OSError) as exc:
        error = str(exc)
        log.error("publish failed; previous files kept: %s", exc)
    return Published(written, error, time.perf_counter() - clock)


def _publish_share(settings: Settings, share: Share) -> ShareDone:
    """Runs in a pool process: its own read connection, the feeds of ``share``."""
    with Store(settings.database, id_authority=settings.site.id_authority) as store:
        return publish_share_site(
            store,
            settings=settings,
            out_dir=settings.output,
            deal_line=deals_mod.format_deal_line,
            share=share,
        )


__all__ = [
    "FeedOutcome",
    "Published",
    "RunReport",
    "due_feeds",
    "fetch_wave",
    "publish_now",
    "run_once",
]
