"""The story index of the recent window, kept in memory between the cycles of one process.

Glue of the pipeline layer (it uses the stories stage and the store). Loading the window
costs time in proportion to the window's size (thousands of entries); a process that runs
cycle after cycle (``aggregator run``) keeps the index it updated in the last cycle and
loads nothing, so a cycle's clustering costs in proportion to its *new* entries only.

The kept index is used only when it is exactly what a fresh load would give:

* the same store object and the same ``story_window_days``;
* no writer changed story membership since this index's last write (the store's story
  generation, bumped by a trigger on every such change, is the one this index saw inside
  its own last write transaction): another process clustering, retention pruning, a
  failed or rolled-back cycle all force a reload;
* every pending item falls inside the window behind the newest item the index holds (an
  entry dated earlier, say a new feed's backlog, needs the items around *its* date loaded);
  the kept index then moves its clock to the first pending item, as a fresh load would.

A process that did not keep an index (a one-shot ``aggregator update``, a cycle process
just started) reads the **snapshot** left next to the database instead of loading the
window (``StoryWindow(snapshot=snapshot_path(database))``): the same index, saved as plain
values (``StoryIndex.snapshot``) after the write transaction that made its last changes — at
the end of the stories stage by a one-shot process (``keep=False``), when it stops by a
long-lived one (``keep=True``, whose cycles keep the index in memory). It is used only
under the rule above, and only when its key is this process's:

* the ``code_version`` of the code that makes and reads it (``SNAPSHOT_KEY``: the stories,
  cycle and store packages, the models, the deal reader and its data);
* the database's installation id and schema version (another database, a migration);
* the story generation and the largest id of an entry in a story, read inside the write
  transaction that made the index's last changes (``Store.story_mark``): any writer that
  changed story membership since, or a database restored to another state, makes it stale.

A stale snapshot is not read further: the window is loaded from the store, and the cycle
writes a new snapshot. One that cannot be read (cut short, damaged: every record carries its
length and digest) is ignored with a log line. Written to a temporary file in the same
directory and renamed over the old one, so a reader sees a whole snapshot or the old one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import logging
import marshal
import os
import threading
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from .. import code_version
from ..models import DATE_FLOOR, EntryDeal, EventFacts, StoryItem
from ..store import Store
from ..stories import StoryIndex, StoryOptions

log = logging.getLogger(__name__)

Publishers = Mapping[str, "str | None"]  # feed name -> whose own feed it is
NO_PUBLISHERS: Publishers = {}

# The code that makes a snapshot and decides what it holds: the index and its features, the
# cycle that fills it, the store that reads items and deal readings, the models, and the deal
# reader (a new one reads stored entries again).
SNAPSHOT_KEY = code_version("stories", "cycle", "store", "models.py", "deals", "data")
MAGIC = b"aggregator story index\n"
# The most items a long-lived process keeps in memory between cycles (about 4 KB each): a
# larger window is saved to the snapshot after the stories stage and let go, and the next
# cycle reads it back (docs/scaling.md).
KEEP_ITEMS = 40_000
_DIGEST = 16  # bytes of BLAKE2b per record
_MAX_RECORD = 1 << 30  # a length above this is damage, not a record


def snapshot_path(database: Path) -> Path:
    """Where the story index snapshot of ``database`` is kept: beside it."""
    return database.with_name(database.name + ".story-index")


class StoryWindow:
    """Owns one :class:`StoryIndex` across cycles (one per process; not thread-safe).

    ``snapshot``: the file the index is read from when this process has none, and saved to
    (None: neither). ``keep``: the index stays in memory from cycle to cycle, and is saved
    when the owner calls :meth:`persist` (a long-lived process, as it stops: its cycles pay
    nothing for the file); False: it lives for one cycle, saved to the snapshot at the end
    of its stories stage and let go (a one-shot process, which publishes without it).
    ``keep_items``: a kept index holding more items than this after a stories stage is
    saved and let go as a one-shot process's is (:meth:`keeps`), so that what a long-lived
    process holds between cycles stays bounded.
    """

    def __init__(
        self, snapshot: Path | None = None, *, keep: bool = True, keep_items: int = KEEP_ITEMS
    ) -> None:
        self.snapshot = snapshot
        self.keep = keep
        self.keep_items = keep_items
        self._index: StoryIndex | None = None
        self._store: Store | None = None
        self._mark: tuple[int, int] | None = None
        self._dirty = False  # changed since the snapshot was written
        self.loads = 0  # how many times the window was loaded from the store
        self.restores = 0  # how many times it was read from the snapshot
        # a snapshot read started by prefetch: (the key it was read for, its index)
        self._prefetched: Future[tuple[dict[str, Any], StoryIndex | None]] | None = None

    def index_for(
        self,
        store: Store,
        options: StoryOptions,
        pending: Sequence[datetime],
        now: datetime,
        publishers: Publishers = NO_PUBLISHERS,
    ) -> StoryIndex:
        """An index holding the window around the pending items' times (``pending``): the
        kept one when still exact, else the snapshot's when exact, else one loaded from the
        store (``publishers``: each feed's, for the items whose saved features are stale)."""
        first = min(pending).timestamp()
        if self._index is None and self.snapshot is not None:
            restored = self._restore(store, options)
            if restored is not None:
                self._index, self._store, self._mark = restored, store, store.story_mark()
                self.restores += 1
        index = self._index
        if (
            index is not None
            and self._store is store
            and index.options == options
            and self._mark == store.story_mark()
            and index.covers(first)
        ):
            # a fresh load would start at the first pending item's window: so must this
            index.advance(first)
            return index
        self.invalidate()
        index = load_window(store, options, pending, now, publishers)
        self.loads += 1
        self._index, self._store = index, store
        return index

    def keeps(self) -> bool:
        """Whether the index stays in memory until the next cycle (else the caller saves
        it with :meth:`persist` and lets it go with :meth:`invalidate`)."""
        return self.keep and (self._index is None or len(self._index) <= self.keep_items)

    def saved(self, store: Store) -> None:
        """Call inside the write transaction that made this index's changes, at its end."""
        self._mark = store.story_mark()
        self._dirty = True

    def read_late(self, readings: Sequence[tuple[int, EntryDeal]]) -> None:
        """Deal readings made after their entries were clustered (and saved with them): the
        kept index takes their facts, as a fresh load would read them."""
        if self._index is not None:
            for entry_id, reading in readings:
                self._index.set_facts(entry_id, EventFacts.of(reading.deal))

    def drop_prefetch(self) -> None:
        """Let go of a snapshot read by :meth:`prefetch` that no :meth:`index_for` took
        (a cycle whose new bodies brought no new entry): nothing is held between cycles."""
        self._prefetched = None

    def invalidate(self) -> None:
        """Forget the index (the next cycle loads the window again)."""
        self._index = self._store = self._mark = None
        self._dirty = False

    def persist(self, store: Store) -> bool:
        """Write the snapshot when the index changed since it was written (after the write
        transaction of :meth:`saved` committed). A failure is logged, never raised: the
        next process then loads the window. True when a snapshot was written."""
        return self.persist_soon(store, wait=True).result()

    def persist_soon(self, store: Store, *, wait: bool = False) -> Future[bool]:
        """:meth:`persist`, the file written in a thread of its own (the store is read
        here, not there): a one-shot cycle publishes while its snapshot is written, and
        waits for the returned future before it ends. The index is not changed meanwhile
        (the caller lets it go)."""
        done: Future[bool] = Future()
        index, mark, path = self._index, self._mark, self.snapshot
        if not self._dirty or index is None or mark is None or path is None:
            done.set_result(False)
            return done
        self._dirty = False
        key = _key(store, index.options, mark)

        def write() -> None:
            try:
                done.set_result(_write_snapshot(path, key, index))
            except BaseException as exc:  # SIGTERM while writing: reported to the waiter
                done.set_exception(exc)

        if wait:
            write()
        else:
            threading.Thread(target=write, name="story-snapshot-write", daemon=True).start()
        return done

    def prefetch(self, store: Store, options: StoryOptions) -> None:
        """Start reading the snapshot in a thread of its own, for a later :meth:`index_for`
        of the same ``options``: a cycle calls it when its fetch brings the first new body,
        so the read overlaps the fetch's wait on the network. Nothing to read when an index
        is kept or the snapshot's key is no longer the store's when the index is asked for
        (that call then decides as without a prefetch)."""
        if self._index is not None or self.snapshot is None or self._prefetched is not None:
            return
        key = _key(store, options, store.story_mark())  # the store is read here, not there
        done: Future[tuple[dict[str, Any], StoryIndex | None]] = Future()
        path = self.snapshot

        def read() -> None:
            try:
                done.set_result((key, _read_snapshot(path, key, options)))
            except BaseException as exc:  # reported to index_for, which decides without it
                done.set_exception(exc)

        self._prefetched = done
        threading.Thread(target=read, name="story-snapshot-read", daemon=True).start()

    def _restore(self, store: Store, options: StoryOptions) -> StoryIndex | None:
        """The snapshot's index when its key is this store's now, else None (logged when
        the file is damaged)."""
        assert self.snapshot is not None
        key = _key(store, options, store.story_mark())
        prefetched, self._prefetched = self._prefetched, None
        if prefetched is not None:
            with contextlib.suppress(Exception):
                read_key, index = prefetched.result()
                if read_key == key:
                    return index
        return _read_snapshot(self.snapshot, key, options)


def _read_snapshot(path: Path, key: dict[str, Any], options: StoryOptions) -> StoryIndex | None:
    """The index of the snapshot at ``path`` when its key is ``key``, else None (logged when
    the file is damaged). Reads no store: a thread may run it."""
    try:
        with open(path, "rb") as source, _collector_paused():
            if source.read(len(MAGIC)) != MAGIC:
                raise ValueError("not a story index snapshot")
            records = _read(source)
            if next(records, None) != key:
                log.debug("story index snapshot %s is stale", path)
                return None  # made by other code, of another state or database
            return StoryIndex.restored(options, records)
    except FileNotFoundError:
        return None
    except Exception as exc:  # damaged or cut short: the store has it all anyway
        log.warning(
            "story index snapshot %s ignored (%s: %s); loading the window",
            path,
            type(exc).__name__,
            exc,
        )
        return None


def _write_snapshot(path: Path, key: dict[str, Any], index: StoryIndex) -> bool:
    """Write ``index`` under ``key`` to a temporary file renamed over ``path``; a failure is
    logged and leaves no file (True when written)."""
    _clear_leftovers(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "wb") as out:
            out.write(MAGIC)
            _write(out, key)
            for record in index.snapshot():
                _write(out, record)
        os.replace(temp, path)
    except BaseException as exc:  # a full disk, or SIGTERM while writing: no file left
        with contextlib.suppress(OSError):
            temp.unlink()
        if not isinstance(exc, Exception):
            raise
        log.warning("story index snapshot not written to %s: %s", path, exc)
        return False
    return True


def _clear_leftovers(path: Path) -> None:
    """Remove the temporary files of writers that died writing (killed mid-write): named
    ``.{snapshot}.{pid}.tmp``, each removed when its process is gone."""
    for temp in path.parent.glob(f".{path.name}.*.tmp"):
        pid = temp.name[len(path.name) + 2 : -len(".tmp")]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            with contextlib.suppress(OSError):
                temp.unlink()
        except OSError:  # alive under another user, or not ours to ask: left alone
            pass


def _key(store: Store, options: StoryOptions, mark: tuple[int, int]) -> dict[str, Any]:
    """What a snapshot must have been made from to be used (see the module docstring)."""
    return {
        "code": SNAPSHOT_KEY,
        "installation": store.installation_id(),
        "schema": store.schema_version(),
        "options": dataclasses.astuple(options),
        "mark": mark,
    }


def _write(out: BinaryIO, record: Any) -> None:
    data = marshal.dumps(record, 4)
    out.write(len(data).to_bytes(4, "big"))
    out.write(hashlib.blake2b(data, digest_size=_DIGEST).digest())
    out.write(data)


def _read(source: BinaryIO) -> Iterator[object]:
    """The records of a snapshot, each checked against its digest before it is decoded."""
    while True:
        head = source.read(4 + _DIGEST)
        if not head:
            return
        size = int.from_bytes(head[:4], "big")
        if len(head) < 4 + _DIGEST or size > _MAX_RECORD:
            raise ValueError("a damaged record head")
        data = source.read(size)
        if len(data) != size:
            raise ValueError("cut short")
        if hashlib.blake2b(data, digest_size=_DIGEST).digest() != head[4:]:
            raise ValueError("a record does not match its digest")
        yield marshal.loads(data)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while an index is built: its hundreds of thousands of
    new containers would trigger full collections that find nothing to free (an index holds
    no reference cycles), which cost more than the building itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_window(
    store: Store,
    options: StoryOptions,
    pending: Sequence[datetime],
    now: datetime,
    publishers: Publishers = NO_PUBLISHERS,
) -> StoryIndex:
    """A fresh index holding the stored items within the window of each pending item's
    time (``pending``), each with its feed's publisher (``publishers``: the features saved
    with an item were read with it; stale ones are read again)."""
    index = StoryIndex(options)
    window = timedelta(days=options.window_days)
    with _collector_paused():
        for start, end in _spans(pending, window):
            for item, story_id, encoded in store.window_items(start, end):
                if item.published > now or item.published < DATE_FLOOR:
                    item = dataclasses.replace(
                        item, published=min(max(item.published, DATE_FLOOR), now)
                    )
                index.add(with_publisher(item, publishers), story_id, encoded)
    return index


def with_publisher(item: StoryItem, publishers: Publishers) -> StoryItem:
    """``item`` with its feed's publisher (``StoryItem.publisher``; none for a feed no longer
    configured)."""
    publisher = publishers.get(item.feed)
    return dataclasses.replace(item, publisher=publisher) if publisher else item


def _spans(times: Sequence[datetime], window: timedelta) -> list[tuple[datetime, datetime]]:
    """Merge [t - window, t + window] intervals so each stretch is loaded once."""
    spans: list[tuple[datetime, datetime]] = []
    for t in sorted(times):
        start, end = _shift(t, -window), _shift(t, window)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _shift(t: datetime, delta: timedelta) -> datetime:
    """``t + delta``, held inside what a datetime can hold (a stored year-1 date)."""
    try:
        return t + delta
    except OverflowError:
        edge = datetime.min if delta < timedelta(0) else datetime.max
        return edge.replace(tzinfo=t.tzinfo)


__all__ = [
    "KEEP_ITEMS",
    "NO_PUBLISHERS",
    "SNAPSHOT_KEY",
    "Publishers",
    "StoryWindow",
    "load_window",
    "snapshot_path",
    "with_publisher",
]
