"""The readiness probe behind ``/readyz``: is the database answering, and is the site fresh?

Every serving process (the service process and its web helpers, :mod:`aggregator.web_pool`)
asks the database itself, so they all give the same answer. Ready means: the database
answers, an update cycle has completed, its publish did not fail, and it finished less than
``settings.readiness_max_age`` seconds ago.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Callable

from .models import Settings
from .store import Store, open_store
from .web import Readiness

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class ReadinessProbe:
    """``probe()`` -> :class:`~aggregator.web.Readiness`; opens the database on first use.

    Not thread-safe (like the store): call it from one thread, the event loop's.
    """

    def __init__(self, settings: Settings, clock: Clock = utcnow) -> None:
        self.settings = settings
        self.clock = clock
        self._store: Store | None = None

    def __call__(self) -> Readiness:
        try:
            if self._store is None:
                self._store = open_store(self.settings)
            self._store.scalar("SELECT 1")
            last = self._store.last_run()
        except Exception as exc:  # the database does not answer: not ready
            return Readiness(False, {"database": f"error: {exc}"})
        detail: dict[str, object] = {"database": "ok", "last_cycle": last and last["finished_at"]}
        if last is None:
            return Readiness(False, {**detail, "reason": "no update cycle has completed"})
        age = self.clock() - datetime.fromisoformat(last["finished_at"])
        detail["last_cycle_age_seconds"] = int(age.total_seconds())
        if last.get("publish_error"):
            return Readiness(False, {**detail, "publish_error": last["publish_error"]})
        if age > timedelta(seconds=self.settings.readiness_max_age):
            return Readiness(False, {**detail, "reason": "last update cycle is too old"})
        return Readiness(True, detail)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
