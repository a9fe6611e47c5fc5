"""The exception tree of the project.

    AggregatorError
    ├── ConfigError        bad feeds.yaml / environment (names file, line, key)
    ├── FeedError          one feed failed (carries the feed name and URL)
    │   ├── FetchError     network / HTTP / policy failure while fetching
    │   └── ParseError     the bytes are not a usable feed
    ├── StoreError         the database refused or is unusable
    ├── PublishError       writing the site failed
    └── CycleStopped       an update cycle ended by SIGTERM (a normal stop, not a fault)

Expected per-feed failures are caught by the pipeline and recorded on the feed's row;
anything outside this tree is a programming error and is allowed to crash.
"""

from __future__ import annotations


class AggregatorError(Exception):
    """Root of every error the project raises on purpose."""


class ConfigError(AggregatorError):
    """Invalid configuration. ``str()`` names the file, line and key."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.key = key
        where = file or "<config>"
        if line is not None:
            where += f":{line}"
        prefix = f"{where}: " + (f"{key}: " if key else "")
        super().__init__(prefix + message)


class FeedError(AggregatorError):
    """A failure that belongs to one feed."""

    def __init__(self, message: str, *, feed: str | None = None, url: str | None = None) -> None:
        self.message = message
        self.feed = feed
        self.url = url
        label = " ".join(p for p in (feed and f"[{feed}]", url) if p)
        super().__init__(f"{label}: {message}" if label else message)


class FetchError(FeedError):
    """The feed could not be fetched (network, HTTP status, size, policy)."""

    def __init__(
        self,
        message: str,
        *,
        kind: str = "network",
        feed: str | None = None,
        url: str | None = None,
    ) -> None:
        self.kind = kind
        super().__init__(message, feed=feed, url=url)


class ParseError(FeedError):
    """The fetched bytes are not a usable feed."""


class StoreError(AggregatorError):
    """The database failed or is unusable (e.g. newer schema than this code)."""


class PublishError(AggregatorError):
    """Writing the published site failed; the previous files are kept."""


class ServeError(AggregatorError):
    """The web server could not start (e.g. its address is in use)."""


MAX_DESCRIPTION = 300  # chars of an exception's description kept on a feed row or a report


def describe(exc: BaseException, limit: int = MAX_DESCRIPTION) -> str:
    """``Type: message`` of an unexpected exception, on one line and at most ``limit``
    chars: what a feed row, a cycle report or ``/readyz`` says about it."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CycleStopped(AggregatorError):
    """The update cycle was stopped by a signal (the service is stopping): its open
    transaction rolled back, nothing is lost. Logged as one line, never as a traceback."""
