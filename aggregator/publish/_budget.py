"""Which changed profile feeds one publish renders, and which wait for the next publishes.

A company's feeds (``companies/{slug}``, ``about/{slug}``) and an investor's
(``investors/{slug}``) each come with a page; a burst of deal stories about many companies
changes most of them at once, and rendering them all is most of an incremental publish.
``publish.profile_budget`` bounds how many of those that are already in place (their
files there, a state entry of the last publish) one publish renders; the others keep the
files and the state entry the last publish left them, so they are seen as changed again
next time, and the state entry records since when each has been waiting (``DEFERRED``).
They are rendered longest waiting first (then by path), so each is rendered within
``ceil(waiting / budget)`` publishes whatever keeps changing. A feed never in place (a new
company, a new format's files missing) is always rendered: no link on a page points to a
file that is not there; nor does any feed wait whose files other rendering code or other
settings made (``settings_fingerprint``). The main feeds, deal types, tags, briefs, alerts,
exports and pages of the index are never deferred.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from . import _formats, _kept
from ._context import Context
from ._paging import ABOUT_GROUP, FeedSpec

PROFILE_GROUPS = frozenset({"Companies", ABOUT_GROUP, "Investors"})
DEFERRED = "deferred"  # in a feed's state entry: since when its change waits (ISO time)


def defer(
    ctx: Context,
    specs: Sequence[FeedSpec],
    skips: dict[str, bool],
    now: datetime,
    budget: int | None,
) -> set[str]:
    """The paths of the feeds this publish leaves for later (``budget`` None: none); their
    state entries become the last publish's, with since when they wait."""
    if budget is None:
        return set()
    waiting = [s for s in specs if not skips[s.path] and _in_place(ctx, s)]
    since = now.isoformat()
    waiting.sort(key=lambda s: (str(ctx.previous[s.path].get(DEFERRED, since)), s.path))
    later = waiting[budget:]
    for spec in later:
        entry = dict(ctx.previous[spec.path])
        entry.setdefault(DEFERRED, since)
        ctx.current[spec.path] = entry
        ctx.writer.unchanged += len(_formats.FORMATS) + len(spec.pages)
    return {spec.path for spec in later}


def _in_place(ctx: Context, spec: FeedSpec) -> bool:
    """A profile feed the last publish rendered, whose files are all there."""
    if spec.group not in PROFILE_GROUPS:
        return False
    entry = ctx.previous.get(spec.path)
    if not isinstance(entry, dict) or "sig" not in entry:
        return False
    files = [*_formats.files(spec.path), *spec.pages]
    if not all((ctx.writer.root / name).exists() for name in files):
        return False
    # made by this code with these settings: after an upgrade or a change of the settings that
    # shape output, every file is rendered again at once, none waits in the old bytes
    return _kept.made_under(ctx.writer.root, spec.path, ctx.fingerprint)
