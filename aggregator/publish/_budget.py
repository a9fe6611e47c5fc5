"""Which changed profile feeds one publish renders, and which wait for the next publishes.

A company's feeds (``companies/{slug}``, ``about/{slug}``) and an investor's
(``investors/{slug}``) each come with a page; a burst of deal stories about many companies
changes most of them at once, and rendering them all is most of an incremental publish.
``publish.profile_budget`` bounds how many of those that are already in place (their
files there, a state entry of the last publish) one publish renders; the others keep the
files and the state entry the last publish left them, so they are seen as changed again
next time, and the state entry records since when each has been waiting (``DEFERRED``).
They are rendered longest waiting first (then by path), so each is rendered within
``ceil(waiting / budget)`` publishes whatever keeps changing. Whether such a feed changed
is known only from its head (its change count moves with every write of one of its
stories, which may leave the head as it was): the heads are read in that order, and once
``budget`` of them were found changed the others wait without being read (a feed that
waits unchanged is found so when its turn comes, and costs no place of the budget; a
publish reads the heads of the feeds it renders, not of the hundreds a burst moved). A
feed never in place (a new
company, a new format's files missing) is always rendered: no link on a page points to a
file that is not there; nor does any feed wait whose files other rendering code or other
settings made (``settings_fingerprint``). The main feeds, deal types, tags, briefs, alerts,
exports and pages of the index are never deferred.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from datetime import datetime

from . import _formats, _kept
from ._context import Context
from ._paging import ABOUT_GROUP, FeedSpec

PROFILE_GROUPS = frozenset({"Companies", ABOUT_GROUP, "Investors"})
DEFERRED = "deferred"  # in a feed's state entry: since when its change waits (ISO time)


def waiting_order(
    ctx: Context, specs: Sequence[FeedSpec], now: datetime, there: Container[str]
) -> list[FeedSpec]:
    """Of ``specs`` (feeds whose digest must be read: their change count moved, or they
    wait; ``there``: the paths of those whose files are all there), the profile feeds in
    place, longest waiting first (then by path): the order in which a publish reads their
    heads and renders those that changed, until ``budget`` of them are rendered."""
    waiting = [s for s in specs if s.path in there and _in_place(ctx, s)]
    since = now.isoformat()
    waiting.sort(key=lambda s: (str(ctx.previous[s.path].get(DEFERRED, since)), s.path))
    return waiting


def leave(ctx: Context, spec: FeedSpec, now: datetime) -> None:
    """Leave ``spec`` for a later publish, its head not read: its state entry becomes the
    last publish's, with since when it waits."""
    entry = dict(ctx.previous[spec.path])
    entry.setdefault(DEFERRED, now.isoformat())
    ctx.current[spec.path] = entry
    ctx.writer.unchanged += len(_formats.FORMATS) + len(spec.pages)


def _in_place(ctx: Context, spec: FeedSpec) -> bool:
    """A profile feed the last publish rendered (its files are there: the caller knows)."""
    if spec.group not in PROFILE_GROUPS:
        return False
    entry = ctx.previous.get(spec.path)
    if not isinstance(entry, dict) or "sig" not in entry:
        return False
    # made by this code with these settings: after an upgrade or a change of the settings that
    # shape output, every file is rendered again at once, none waits in the old bytes
    return _kept.made_under(ctx.writer.root, spec.path, ctx.fingerprint)
