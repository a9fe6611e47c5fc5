"""Runs one hostile case end to end: hostile server -> run_once -> published site.

``Harness(server, workdir)`` builds a baseline once (a good feed and the case feed's
benign past, stored and published), then each ``run(case)`` copies it and runs a real
update cycle in which the case feed turns hostile and the good feed gains an entry.
``CaseResult.problems`` lists every broken promise; an empty list means the case passed.
"""

from __future__ import annotations

import asyncio
import http.client
import logging
import random
import shutil
import socket
import threading
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aggregator.cycle import _pipeline as pipeline
from aggregator.fetch import Fetcher, FetchOptions
from aggregator.models import FeedSettings, Settings, SiteSettings
from aggregator.store import Store

from ..factories import query
from .cases import CANARY, PASSWD_MARK, SENTINEL, Case, FakeResolver, doc, item
from .checks import ILLEGAL_XML, dangers, fragment_problems, invalid_files, leaks, published_files
from .server import Body, HostileServer

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
AUTHORITY = "hostile.test,2026"
GOOD, HOSTILE = "good", "hostile"
ALLOWED = ("127.0.0.1/32",)  # the local server; every other private form stays refused


def fetch_options() -> FetchOptions:
    return FetchOptions(allowed_networks=ALLOWED, allow_private_networks=False)


def good_feed(extra: str | None, cycles: int = 1) -> bytes:
    """The good outlet's feed; in the case's cycle ``n`` (1, 2) it gains entry ``n``."""
    items = [
        item(
            "Anthropic opens a research office in Zurich",
            "https://good.example/base-1",
            guid="good-base-1",
            date="Sun, 22 Nov 2026 09:00:00 GMT",
        ),
        item(
            "Nvidia ships a new inference chip",
            "https://good.example/base-2",
            guid="good-base-2",
            date="Sun, 22 Nov 2026 10:00:00 GMT",
        ),
    ]
    if extra:
        items.insert(
            0,
            item(
                f"Good news after {extra}",
                good_link(extra, 1),
                guid=f"good-{extra}",
                date="Tue, 24 Nov 2026 11:00:00 GMT",
            ),
        )
    if extra and cycles > 1:
        items.insert(
            0,
            item(
                f"Cohere hires a chief scientist ({extra})",
                good_link(extra, 2),
                guid=f"good-{extra}-2",
                date="Tue, 24 Nov 2026 12:30:00 GMT",
            ),
        )
    return doc("".join(items), title="Good outlet")


def good_link(case: str, n: int) -> str:
    return f"https://good.example/{case}" + ("" if n == 1 else f"/{n}")


SECOND = NOW.replace(hour=13)  # the case's second cycle: the case feed is hostile again

PRIOR = doc(
    item(
        "Earlier story from the hostile outlet",
        "https://hostile.example/prior-1",
        guid="prior-1",
        date="Sat, 21 Nov 2026 09:00:00 GMT",
    )
    + item(
        "Another earlier story",
        "https://hostile.example/prior-2",
        guid="prior-2",
        date="Sat, 21 Nov 2026 10:00:00 GMT",
    )
)


@dataclass
class CaseRun:
    """What a case's extra checks look at."""

    case: Case
    server: HostileServer
    settings: Settings
    store: Store
    now: datetime
    outcome: pipeline.FeedOutcome | None
    new_entries: list[dict[str, Any]]
    seconds: float = 0.0
    log: list[str] = field(default_factory=list)  # the cycle's log messages


@dataclass
class CaseResult:
    name: str
    group: str
    outcome: str
    seconds: float
    peak_bytes: int | None
    crashed: str | None = None
    lost: int = 0
    invalid: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    settings: Settings | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.crashed is None


def settings_for(root: Path, good_url: str, hostile_url: str, timeout: float = 10.0) -> Settings:
    feeds = (
        FeedSettings(name=GOOD, url=good_url),
        FeedSettings(name=HOSTILE, url=hostile_url, timeout=timeout),
    )
    return Settings(
        site=SiteSettings(title="Hostile test", id_authority=AUTHORITY),
        feeds=feeds,
        database=root / "db.sqlite",
        output=root / "site",
    )


def cycle(settings: Settings, store: Store, now: datetime = NOW) -> pipeline.RunReport:
    fetcher = Fetcher(fetch_options(), resolver=FakeResolver(), clock=lambda: now)
    return pipeline.run_once(settings, store, fetcher, now, all_feeds=True, rng=random.Random(7))


def entry_rows(store: Store, feed: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM entries" + (" WHERE feed = ?" if feed else "") + " ORDER BY id"
    return query(store, sql, [feed] if feed else [])


def describe(case: Case, outcome: pipeline.FeedOutcome | None, kept: int) -> str:
    if outcome is None:
        return "no outcome"
    if outcome.error_kind == "parse":
        message = (outcome.error or "").removeprefix("parse error: ")
        return "ParseError: " + message.split(": ", 1)[0][:60]
    if outcome.error:
        return f"refused: {outcome.error_kind}"
    if case.entries_in_doc:
        return f"parsed: {kept} of {case.entries_in_doc} kept"
    return f"parsed: {kept} {'entry' if kept == 1 else 'entries'} kept"


class Harness:
    def __init__(self, server: HostileServer, workdir: Path) -> None:
        self.server = server
        self.workdir = workdir
        self.baseline = workdir / "_baseline"
        self._prior: list[tuple[int, str, str]] = []

    def _build_baseline(self) -> None:
        self.server.route("/good/_baseline.xml", Body(good_feed(None)))
        self.server.route("/case/_baseline", Body(PRIOR))
        settings = settings_for(
            self.baseline,
            self.server.url("/good/_baseline.xml"),
            self.server.url("/case/_baseline"),
        )
        with Store(settings.database, id_authority=AUTHORITY) as store:
            report = cycle(settings, store, NOW.replace(hour=6))
            assert report.failed == 0 and report.new_entries == 4, report
            self._prior = [(r["id"], r["feed"], r["entry_key"]) for r in entry_rows(store)]

    def prepare(self, case: Case) -> Settings:
        if not self.baseline.exists():
            self._build_baseline()
        root = self.workdir / case.name
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(self.baseline, root)
        good = self.server.route(f"/good/{case.name}.xml", Body(good_feed(case.name)))
        hostile = self.server.route(f"/case/{case.name}", case.response)
        if case.url:
            hostile = case.url.format(base=self.server.base, port=self.server.port)
        settings = settings_for(root, good, hostile, case.timeout)
        if case.tag_rules:
            settings = replace(settings, tag_rules=case.tag_rules)
        return replace(settings, **dict(case.overrides)) if case.overrides else settings

    def run(self, case: Case, *, trace_memory: bool = False) -> CaseResult:
        settings = self.prepare(case)
        result = CaseResult(case.name, case.group, "", 0.0, None, settings=settings)
        with Store(settings.database, id_authority=AUTHORITY) as store:
            if case.setup is not None:
                case.setup(store)
            if trace_memory:
                tracemalloc.start()
                tracemalloc.reset_peak()
            started = time.perf_counter()
            try:
                with capture_log() as messages:
                    report = cycle(settings, store)
            except Exception as exc:  # the whole point: count it, do not hide it
                result.crashed = f"{type(exc).__name__}: {exc}"
                result.problems.append(f"cycle crashed: {result.crashed}")
                return result
            finally:
                result.seconds = time.perf_counter() - started
                if trace_memory:
                    result.peak_bytes = tracemalloc.get_traced_memory()[1]
                    tracemalloc.stop()
            self._judge(case, settings, store, report, result, messages)
            if result.crashed is None:
                self._second_cycle(case, settings, store, result)
        return result

    def _second_cycle(
        self, case: Case, settings: Settings, store: Store, result: CaseResult
    ) -> None:
        """The next cycle, the case feed as hostile as before: nothing the first one stored
        may stop it (the good feed's next entry is stored and published)."""
        self.server.route(f"/good/{case.name}.xml", Body(good_feed(case.name, 2)))
        try:
            report = cycle(settings, store, SECOND)
        except Exception as exc:
            result.crashed = f"second cycle: {type(exc).__name__}: {exc}"
            result.problems.append(f"second cycle crashed: {result.crashed}")
            return
        outcome = {o.feed: o for o in report.outcomes}.get(GOOD)
        link = good_link(case.name, 2)
        if outcome is None or outcome.error or outcome.new_entries != 1:
            result.problems.append(f"second cycle: the good feed was disturbed: {outcome}")
        elif not any(link in p.read_text("utf-8") for p in settings.output.rglob("*.atom")):
            result.problems.append(f"second cycle: the good feed's entry {link} is not published")
        if report.publish_error:
            result.problems.append(f"second cycle: publish failed: {report.publish_error}")
        unexpected = {
            k: v
            for k, v in report.stage_errors.items()
            if not k.startswith(tuple(case.stage_errors))
        }
        if unexpected:
            result.problems.append(f"second cycle: stages failed: {unexpected}")
        invalid = invalid_files(settings.output)
        result.problems += [f"second cycle: invalid {path}: {why}" for path, why in invalid.items()]
        prior_ids = {p[0] for p in self._prior}
        new = [r for r in entry_rows(store, HOSTILE) if r["id"] not in prior_ids]
        run = CaseRun(
            case,
            self.server,
            settings,
            store,
            SECOND,
            {o.feed: o for o in report.outcomes}.get(HOSTILE),
            new,
        )
        for check in case.after:
            result.problems += [f"second cycle: {p}" for p in check(run)]

    def _judge(
        self,
        case: Case,
        settings: Settings,
        store: Store,
        report: pipeline.RunReport,
        result: CaseResult,
        messages: list[str],
    ) -> None:
        outcomes = {o.feed: o for o in report.outcomes}
        outcome = outcomes.get(HOSTILE)
        prior_ids = {p[0] for p in self._prior}
        new = [r for r in entry_rows(store, HOSTILE) if r["id"] not in prior_ids]
        result.outcome = describe(case, outcome, len(new))
        problems = result.problems
        problems += _outcome_problems(case, outcome, store)
        problems += _good_feed_problems(case, outcomes.get(GOOD), store, settings.output)
        if report.publish_error:
            problems.append(f"publish failed: {report.publish_error}")
        unexpected = {
            k: v
            for k, v in report.stage_errors.items()
            if not k.startswith(tuple(case.stage_errors))
        }
        if unexpected:
            problems.append(f"stages failed: {unexpected}")
        survivors = {(r["id"], r["feed"], r["entry_key"]) for r in entry_rows(store)}
        result.lost = sum(1 for p in self._prior if p not in survivors)
        if result.lost:
            problems.append(f"{result.lost} previously stored entries lost")
        result.invalid = invalid_files(settings.output)
        problems += [f"invalid {path}: {why}" for path, why in result.invalid.items()]
        problems += dangers(settings.output)
        problems += leaks(settings.output, (PASSWD_MARK, "LEAKED-CANARY"))
        problems += _stored_problems(store)
        if self.server.hits_under(CANARY):
            problems.append("a canary URL was requested")
        run = CaseRun(
            case, self.server, settings, store, NOW, outcome, new, result.seconds, messages
        )
        for check in case.checks:
            problems += check(run)


@contextmanager
def capture_log() -> Iterator[list[str]]:
    """The pipeline's log messages (INFO and up) during the block."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("aggregator.cycle._pipeline")
    handler, level = Collect(logging.INFO), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _outcome_problems(case: Case, outcome: pipeline.FeedOutcome | None, store: Store) -> list[str]:
    if outcome is None:
        return ["the hostile feed has no outcome"]
    got = "parsed" if outcome.error is None else (outcome.error_kind or "?")
    if got != case.expect and got not in case.also:
        return [f"expected {case.expect}, got {got}: {outcome.error}"]
    state = store.feed_state(HOSTILE)
    if got != "parsed" and not (state.last_error and state.error_count >= 1):
        return ["the failure is not recorded on the feed row"]
    if got == "parsed" and state.last_error:
        return [f"parsed but the feed row has an error: {state.last_error}"]
    return []


def _good_feed_problems(
    case: Case, outcome: pipeline.FeedOutcome | None, store: Store, site: Path
) -> list[str]:
    if outcome is None or outcome.error or outcome.new_entries != 1:
        return [f"the good feed was disturbed: {outcome}"]
    link = good_link(case.name, 1)
    if not any(link in p.read_text("utf-8") for p in site.rglob("*.atom")):
        return [f"the good feed's new entry {link} is not published"]
    return []


def _stored_problems(store: Store) -> list[str]:
    problems = []
    for row in entry_rows(store):
        for key in ("title", "summary", "author"):
            bad = ILLEGAL_XML.search(row.get(key) or "")
            if bad:
                problems.append(f"stored {key} of entry {row['id']} has {bad.group()!r}")
        for key in ("link", "original_link"):
            value = row.get(key)
            if value and not str(value).startswith(("http://", "https://", "mailto:")):
                problems.append(f"stored {key} {value!r}")
        problems += fragment_problems(row.get("content_html") or "", f"stored entry {row['id']}")
    return problems


# --------------------------------------------------------------------------- serving


@contextmanager
def serving(app: Any) -> Iterator[int]:
    """Run an aiohttp application on 127.0.0.1 (ephemeral port) in a thread."""
    from aggregator.web._app import bound_port, start_server

    loop = asyncio.new_event_loop()
    runner = loop.run_until_complete(start_server(app, "127.0.0.1", 0))
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield bound_port(runner)
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


def get(port: int, target: str) -> tuple[int, list[tuple[str, str]], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", target, headers={"Accept-Encoding": "gzip"})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        conn.close()


def raw_get(port: int, target: bytes) -> tuple[int, bytes]:
    """A request line sent byte for byte (no client-side normalisation of the path)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, body


EXPECTED_HEADERS = frozenset(
    {
        "content-type",
        "content-length",
        "etag",
        "last-modified",
        "cache-control",
        "date",
        "server",
        "vary",
        "content-encoding",
        "x-content-type-options",
        "accept-ranges",
        "access-control-allow-origin",
        "connection",
        "keep-alive",
        "content-security-policy",
        "referrer-policy",
        "link",  # an HTML page's own feeds (its <link rel="alternate"> hrefs)
    }
)


def header_problems(port: int, site: Path) -> list[str]:
    """Every published file served: only the server's own headers, no upstream bytes."""
    problems = []
    for path in published_files(site):
        rel = "/" + str(path.relative_to(site))
        status, headers, _ = get(port, rel)
        if status != 200:
            problems.append(f"{rel}: status {status}")
        for name, value in headers:
            if name.lower() not in EXPECTED_HEADERS:
                problems.append(f"{rel}: unexpected header {name}: {value}")
            if SENTINEL.lower() in (name + value).lower() or "evil" in value.lower():
                problems.append(f"{rel}: upstream bytes in header {name}: {value}")
    return problems


SECRET = b"TOP-SECRET-OUTSIDE-THE-SITE"
TRAVERSALS = [
    b"/../secret.txt",
    b"/../../../../etc/passwd",
    b"/%2e%2e/secret.txt",
    b"/%2e%2e%2fsecret.txt",
    b"/..%2fsecret.txt",
    b"/.%2e/secret.txt",
    b"/%2E%2E/secret.txt",
    b"/..%5csecret.txt",
    b"/%5c..%5csecret.txt",
    b"//etc/passwd",
    b"/%2fetc/passwd",
    b"http://t/../secret.txt",
    b"/leak.atom",
    b"/leakdir/secret.txt",
    b"/leakdir/",
    b"/%00/../secret.txt",
    b"/all.atom%00.txt",
    b"/" + b"..%252f" * 4 + b"secret.txt",
]


def plant_escape_routes(site: Path) -> None:
    """A secret beside the site, and symlinks inside the site that point out of it."""
    secret = site.parent / "secret.txt"
    secret.write_bytes(SECRET)
    (site / "leak.atom").symlink_to(secret)
    (site / "leakdir").symlink_to(site.parent, target_is_directory=True)


def path_problems(port: int) -> list[str]:
    problems = []
    for target in TRAVERSALS:
        status, body = raw_get(port, target)
        if status not in (400, 404) or SECRET in body or PASSWD_MARK.encode() in body:
            problems.append(f"{target.decode()}: status {status}, {len(body)} bytes")
    return problems
