"""The readiness probe behind ``/readyz``: is the database answering, and is the site fresh?

Every serving process (the service process and its web helpers, :mod:`aggregator.runtime.web_pool`)
asks the database itself, so they all give the same answer. Ready means: the database
answers and its file is still the one opened (not deleted, replaced or truncated), an update
cycle has completed, it wrote the database and its publish did not fail, and it finished
less than ``settings.readiness_max_age`` seconds ago; and not every feed fetched has failed
its last ``settings.readiness_feed_failures`` fetches (that is the degraded state: offline, or
every source broken). ``faults`` gives what the service itself saw go wrong in its last
cycle (a database that refused even the run record, a cycle that failed): the database
cannot say it when it refuses writes.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta

from ..models import Settings
from ..store import Store, open_store
from ..web import Readiness

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


class ReadinessProbe:
    """``probe()`` -> :class:`~aggregator.web.Readiness`; opens the database on first use.

    Not thread-safe (like the store): call it from one thread, the event loop's.
    """

    def __init__(
        self,
        settings: Settings,
        clock: Clock = utcnow,
        faults: Callable[[], Mapping[str, str]] = dict,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.faults = faults
        self._store: Store | None = None

    def __call__(self) -> Readiness:
        try:
            if self._store is None:
                self._store = open_store(self.settings, create=False)  # never a fresh one
            problem = self._store.file_problem()
            if problem:
                return Readiness(
                    False,
                    {
                        "database": f"error: {problem}",
                        "reason": "the database file is not the one opened",
                    },
                )
            self._store.ping()
            last = self._store.last_run()
        except Exception as exc:  # the database does not answer: not ready
            return Readiness(False, {"database": f"error: {exc}"})
        finished = last.finished_at.isoformat(timespec="seconds") if last else None
        detail: dict[str, object] = {"database": "ok", "last_cycle": finished}
        faults = dict(self.faults())
        if faults:
            return Readiness(False, {**detail, **faults, "reason": "the last update cycle failed"})
        if last is None:
            return Readiness(False, {**detail, "reason": "no update cycle has completed"})
        age = self.clock() - last.finished_at
        detail["last_cycle_age_seconds"] = int(age.total_seconds())
        if last.store_error:
            return Readiness(
                False,
                {
                    **detail,
                    "store_error": last.store_error,
                    "reason": "the last update cycle could not write the database",
                },
            )
        if last.publish_error:
            return Readiness(
                False,
                {
                    **detail,
                    "publish_error": last.publish_error,
                    "reason": "the last publish failed",
                },
            )
        if age > timedelta(seconds=self.settings.readiness_max_age):
            return Readiness(False, {**detail, "reason": "last update cycle is too old"})
        return self._feeds_verdict(detail)

    def _feeds_verdict(self, detail: dict[str, object]) -> Readiness:
        """Degraded (not ready) when every enabled feed that has been fetched failed its
        last ``readiness_feed_failures`` fetches in a row: offline, or all sources broken.
        Reads the feeds table only (one row per feed)."""
        assert self._store is not None
        enabled = {f.name for f in self.settings.feeds if f.enabled}
        states = [
            s
            for s in self._store.feed_states(counts=False)
            if s.name in enabled and s.last_fetch_at is not None and not s.disabled
        ]
        limit = self.settings.readiness_feed_failures
        failing = [s for s in states if s.error_count >= limit]
        detail = {**detail, "feeds_fetched": len(states), "feeds_failing": len(failing)}
        if not states or len(failing) < len(states):
            return Readiness(True, detail)
        latest = max(failing, key=lambda s: s.last_fetch_at or datetime.min)
        fetches = "fetch" if limit == 1 else f"{limit} fetches"
        return Readiness(
            False,
            {
                **detail,
                "feed_error": f"{latest.name}: {latest.last_error}",
                "reason": f"every feed failed its last {fetches} (offline, or all sources failing)",
            },
        )

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


ASK_SECONDS = 2.0  # how long `aggregator feeds` waits for a running service's /readyz


def service_verdict(settings: Settings) -> Readiness | None:
    """The running service's own /readyz answer on ``host:port``, or None when no service of
    ours answers there. Only the service knows a cycle it could not even record (a full
    disk refuses the run record too), so a command that reports health asks it first."""
    host = settings.host if settings.host not in ("", "0.0.0.0", "::") else "127.0.0.1"
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{settings.port}/readyz"
    try:
        with urllib.request.urlopen(url, timeout=ASK_SECONDS) as resp:
            status, body = resp.status, resp.read(65536)
    except urllib.error.HTTPError as exc:
        with exc:
            status, body = exc.code, exc.read(65536)
    except (OSError, ValueError):
        return None
    try:
        detail = json.loads(body)
    except ValueError:
        return None
    if status not in (200, 503) or not isinstance(detail, dict) or "database" not in detail:
        return None  # something else listens there
    return Readiness(status == 200, detail)
