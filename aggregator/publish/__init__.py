"""publish: stories -> the site directory (the feeds people subscribe to).

Public API::

    publish_site(reader, *, settings, out_dir, now, deal_line) -> PublishReport
    topic_urls(report, settings) -> list[str]      # changed head feeds, for WebSub
    ping_hub(hub_url, topic_urls, *, timeout=10.0) -> list[str]   # error messages
    media_types() -> dict[str, str]    # file suffix -> media type of each output format

Output (see docs/feeds.md): feed, all, deals/{type}, companies/{slug}, investors/{slug},
tags/{tag}, in each output format (``_formats``: Atom, JSON Feed 1.1; ``media_types()``
names their files for the web server); immutable RFC 5005 archive pages under
archive/; sources.opml, subscriptions.opml; the pages index.html, deals/by-amount.html,
deals/{type}.html (+ .by-amount.html), companies/{slug}.html, investors/{slug}.html; the
site's images; deals.csv and deals.ndjson (every deal story), and the marker
``.installation`` (the database's id: see ``_marker``). Files are written
atomically and only when their bytes change; failures raise ``PublishError``.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from aggregator.models import Deal, Settings, StoryReader

from . import _formats, _state
from ._atom import DEAL_NS, HISTORY_NS
from ._formats import media_types
from ._kept import is_kept
from ._marker import MARKER, check_site, marker_bytes
from ._site import Context, Helper, Share, ShareDone, publish_all, publish_share
from ._websub import ping_hub
from ._write import SiteWriter

__all__ = [
    "DEAL_NS",
    "HISTORY_NS",
    "PublishReport",
    "Share",
    "ShareDone",
    "media_types",
    "ping_hub",
    "publish_share_site",
    "publish_site",
    "topic_urls",
]


@dataclass(frozen=True)
class PublishReport:
    written: tuple[str, ...]  # relative paths whose bytes changed
    unchanged: int
    duration: float


def publish_site(
    reader: StoryReader,
    *,
    settings: Settings,
    out_dir: Path,
    now: datetime,
    deal_line: Callable[[Deal], str],
    helper: Helper | None = None,
    complete: bool = False,
) -> PublishReport:
    """Write every feed, archive page, OPML file and page into ``out_dir``.

    Output depends only on the stories, the settings and ``now``'s month (the chart's
    window), so publishing twice with no change writes nothing. ``helper``: submits a
    :class:`Share` of the feeds to another process, which runs :func:`publish_share_site`
    on it (its own reader of the same store) while this one does the rest. Of the changed
    company, company-story and investor feeds already in place, at most
    ``settings.profile_budget`` are rendered and the others wait for the next publishes,
    longest waiting first; ``complete``: every one is rendered.
    """
    started = time.perf_counter()
    installation = reader.installation_id()
    check_site(Path(out_dir), installation, adopt=settings.adopt_site)
    writer = SiteWriter(Path(out_dir))
    try:
        budget = None if complete else settings.profile_budget
        with _older_objects_frozen():
            context = _context(reader, settings, out_dir, deal_line, writer)
            publish_all(context, now, helper, budget)
        writer.write(MARKER, marker_bytes(installation))
    finally:
        writer.sync()
    written = tuple(
        w for w in writer.written if w not in (_state.STATE_FILE, MARKER) and not is_kept(w)
    )
    return PublishReport(
        written=written, unchanged=writer.unchanged, duration=time.perf_counter() - started
    )


@contextlib.contextmanager
def _older_objects_frozen() -> Iterator[None]:
    """The objects there before a publish (a cycle process holds its story index, hundreds
    of thousands of them) are left out of the cyclic garbage collections during it
    (``gc.freeze``): a full collection in the middle of an incremental publish walked them
    all for nothing. They are collected as before once it ends (``gc.unfreeze``); objects
    frozen by someone else already are left as they are."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def publish_share_site(
    reader: StoryReader,
    *,
    settings: Settings,
    out_dir: Path,
    deal_line: Callable[[Deal], str],
    share: Share,
) -> ShareDone:
    """The helper's side of :func:`publish_site`: the feeds of ``share``."""
    writer = SiteWriter(Path(out_dir))
    return publish_share(_context(reader, settings, out_dir, deal_line, writer), share)


def _context(
    reader: StoryReader,
    settings: Settings,
    out_dir: Path,
    deal_line: Callable[[Deal], str],
    writer: SiteWriter,
) -> Context:
    return Context(
        reader,
        settings,
        deal_line,
        writer,
        previous=_state.load(Path(out_dir)),
        fingerprint=_state.settings_fingerprint(settings),
    )


def topic_urls(report: PublishReport, settings: Settings) -> list[str]:
    """Absolute URLs of the head feed documents this publish changed (WebSub topics)."""
    return [
        settings.site.base_url + path
        for path in report.written
        if path.endswith(_formats.suffixes()) and not path.startswith("archive/")
    ]
