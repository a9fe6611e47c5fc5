"""Table-driven tests of the per-feed polling policy (aggregator.fetch.is_due, apply_outcome)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from aggregator.fetch._policy import apply_outcome, backoff_delay, is_due
from aggregator.models import FeedState, FetchResult

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
URL = "https://old.example/feed"
NEW = "https://new.example/feed"
HOUR = timedelta(hours=1)
INTERVAL = 1800


def state(**changes: object) -> FeedState:
    return replace(FeedState(name="f", url=URL), **changes)


def result(status: int | None = 200, **changes: object) -> FetchResult:
    base = FetchResult(
        feed="f", url=URL, status=status, content=b"<rss/>" if status == 200 else None
    )
    if status is not None and status >= 400:
        base = replace(base, error=f"HTTP {status}", error_kind="http")
    return replace(base, **changes)


def apply(
    st: FeedState,
    res: FetchResult,
    *,
    interval: int = INTERVAL,
    seed: int = 1,
    confirmations: int = 3,
) -> FeedState:
    return apply_outcome(
        st,
        res,
        interval=interval,
        now=NOW,
        rng=random.Random(seed),
        redirect_confirmations=confirmations,
    )


# ---------------------------------------------------------------------- success


@pytest.mark.parametrize(
    ("res", "etag", "last_modified"),
    [
        (
            result(200, etag='"new"', last_modified="Sun, 01 Mar 2026 10:00:00 GMT"),
            '"new"',
            "Sun, 01 Mar 2026 10:00:00 GMT",
        ),
        (result(200), None, None),  # server dropped its validators
        (result(304, etag='"other"'), '"old"', "Sat, 28 Feb 2026 10:00:00 GMT"),  # kept on 304
    ],
)
def test_success_updates_state(
    res: FetchResult, etag: str | None, last_modified: str | None
) -> None:
    before = state(
        etag='"old"',
        last_modified="Sat, 28 Feb 2026 10:00:00 GMT",
        error_count=4,
        last_error="boom",
    )
    after = apply(before, res)
    assert (after.etag, after.last_modified) == (etag, last_modified)
    assert after.last_fetch_at == NOW and after.last_success_at == NOW
    assert after.last_status == res.status and after.last_error is None
    assert after.error_count == 0
    assert after.next_fetch_at == NOW + timedelta(seconds=INTERVAL)


# ---------------------------------------------------------------------- failures


@pytest.mark.parametrize(
    ("previous_errors", "expected"),
    [
        (0, HOUR),
        (1, 2 * HOUR),
        (2, 4 * HOUR),
        (3, 8 * HOUR),
        (4, 16 * HOUR),
        (5, 24 * HOUR),
        (9, 24 * HOUR),
        (500, 24 * HOUR),
    ],
)
def test_failure_backs_off_exponentially(previous_errors: int, expected: timedelta) -> None:
    before = state(error_count=previous_errors, last_success_at=NOW - HOUR, etag='"keep"')
    failure = result(None, error="connection refused", error_kind="network")
    after = apply(before, failure)
    assert after.error_count == previous_errors + 1
    assert after.last_error == "connection refused" and after.last_status is None
    assert after.last_success_at == NOW - HOUR and after.etag == '"keep"'
    assert after.next_fetch_at is not None
    delay = after.next_fetch_at - NOW
    assert expected * 0.9 <= delay <= min(expected * 1.1, 24 * HOUR)


def test_backoff_jitter_spreads_and_stays_within_ten_percent() -> None:
    delays = {backoff_delay(2, random.Random(seed)) for seed in range(50)}
    assert len(delays) > 40
    assert all(1.8 * HOUR <= d <= 2.2 * HOUR for d in delays)


def test_backoff_never_earlier_than_interval() -> None:
    after = apply(state(), result(500), interval=6 * 3600)
    assert after.next_fetch_at == NOW + 6 * HOUR


@pytest.mark.parametrize(
    ("res", "expected"),
    [
        (result(429, retry_after=NOW + 5 * HOUR), NOW + 5 * HOUR),
        (result(503, retry_after=NOW + 5 * HOUR), NOW + 5 * HOUR),
        (
            result(429, retry_after=NOW + timedelta(seconds=10)),  # sooner than the interval
            NOW + timedelta(seconds=INTERVAL),
        ),
    ],
)
def test_retry_after_honoured(res: FetchResult, expected: datetime) -> None:
    after = apply(state(error_count=3), res)
    assert after.next_fetch_at == expected and after.error_count == 4


def test_429_without_retry_after_backs_off() -> None:
    after = apply(state(), result(429))
    assert after.next_fetch_at is not None and after.next_fetch_at - NOW >= 0.9 * HOUR


def test_410_disables_feed() -> None:
    after = apply(state(), result(410))
    assert after.disabled == "410 Gone" and after.error_count == 1
    assert not is_due(after, NOW + timedelta(days=365))


@pytest.mark.parametrize("status", [404, 500])
def test_other_errors_do_not_disable(status: int) -> None:
    assert apply(state(), result(status)).disabled is None


# ---------------------------------------------------------------------- redirects


def _poll(st: FeedState, target: str | None, *, status: int = 200) -> FeedState:
    return apply(st, result(status, permanent_redirect=target, final_url=target or URL))


def test_permanent_redirect_adopted_after_confirmations() -> None:
    first = _poll(state(), NEW)
    assert (first.url, first.redirect_url, first.redirect_count) == (URL, NEW, 1)
    second = _poll(first, NEW)
    assert (second.url, second.redirect_count) == (URL, 2)
    third = _poll(second, NEW)
    assert (third.url, third.redirect_url, third.redirect_count) == (NEW, None, 0)


@pytest.mark.parametrize("confirmations", [1, 2, 5])
def test_confirmations_are_configurable(confirmations: int) -> None:
    current = state()
    for poll in range(1, confirmations + 1):
        current = apply(current, result(200, permanent_redirect=NEW), confirmations=confirmations)
        assert current.url == (NEW if poll == confirmations else URL)


THIRD = "https://third.example/feed"


@pytest.mark.parametrize(
    ("interruption", "pending"),
    [
        (result(200), (None, 0)),  # no redirect this time
        (result(200, final_url=NEW), (None, 0)),  # 302/307: not permanent
        (result(None, error="timeout", error_kind="timeout"), (None, 0)),  # failed poll
        (result(200, permanent_redirect=THIRD), (THIRD, 1)),  # a different target
    ],
)
def test_poll_without_the_redirect_resets_count(
    interruption: FetchResult, pending: tuple[str | None, int]
) -> None:
    before = _poll(_poll(state(), NEW), NEW)
    assert before.redirect_count == 2
    after = apply(before, interruption)
    assert (after.url, after.redirect_url, after.redirect_count) == (URL, *pending)
    again = _poll(after, NEW)
    assert (again.url, again.redirect_count) == (URL, 1)  # counting starts over


def test_temporary_redirects_never_change_url() -> None:
    current = state()
    for _ in range(10):
        current = apply(current, result(200, final_url=NEW, permanent_redirect=None))
    assert current.url == URL and current.redirect_count == 0


def test_redirect_to_failing_target_not_counted() -> None:
    after = apply(state(), result(404, permanent_redirect=NEW))
    assert after.redirect_count == 0 and after.url == URL


# ---------------------------------------------------------------------- is_due


@pytest.mark.parametrize(
    ("st", "due"),
    [
        (state(), True),  # never fetched
        (state(next_fetch_at=NOW), True),
        (state(next_fetch_at=NOW - HOUR), True),
        (state(next_fetch_at=NOW + timedelta(seconds=1)), False),
        (state(next_fetch_at=NOW - HOUR, disabled="410 Gone"), False),
    ],
)
def test_is_due(st: FeedState, due: bool) -> None:
    assert is_due(st, NOW) is due


def test_is_due_after_success_follows_interval() -> None:
    after = apply(state(), result(200))
    assert not is_due(after, NOW + timedelta(seconds=INTERVAL - 1))
    assert is_due(after, NOW + timedelta(seconds=INTERVAL))
