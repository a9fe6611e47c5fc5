"""Bounds on one parse in a worker process: wall time (SIGALRM) and memory (RLIMIT_AS).

feedparser is pure Python; a pathological document that slips past the defusing could still
burn time or memory. In the parse pool's worker processes each parse gets a deadline and the
process an address-space cap, so such a feed fails alone (ParseError / MemoryError recorded
on its row) instead of stalling the cycle. In the main process (inline parsing) no signal or
limit is touched.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import resource
import signal
import threading
from collections.abc import Iterator
from typing import Any

from ..errors import ParseError

WORKER_MEMORY_LIMIT = 2 * 1024**3  # bytes of address space per parse worker


def _in_worker() -> bool:
    return (
        multiprocessing.parent_process() is not None
        and threading.current_thread() is threading.main_thread()
    )


@contextlib.contextmanager
def parse_deadline(seconds: float, result: Any) -> Iterator[None]:
    if not _in_worker():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise ParseError(
            f"parsing took longer than {seconds:.0f}s", feed=result.feed, url=result.url
        )

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except MemoryError as exc:
        raise ParseError("parsing ran out of memory", feed=result.feed, url=result.url) from exc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def limit_worker_memory(limit: int = WORKER_MEMORY_LIMIT) -> None:
    """Process-pool initializer: cap the worker's address space."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
