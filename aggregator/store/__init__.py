"""The store: the only module with SQL (SQLite through sqlite-utils).

One writer at a time: every write runs in ``BEGIN IMMEDIATE`` so the write lock is taken up
front (no lock upgrade deadlocks), WAL lets readers go on meanwhile, and a busy timeout
absorbs short waits. Upserts are idempotent on (feed, entry_key).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..errors import StoreError
from ..models import (
    Entry,
    EntryDeal,
    EventFacts,
    FactRow,
    FeedSettings,
    FeedState,
    Settings,
    StoredEntry,
    StoryItem,
)
from . import _rows, _schema, _story_writes
from ._alerts import AlertStore
from ._stories import StoryStore

BUSY_TIMEOUT_MS = 15_000
_HEADER_BYTES = 100  # an SQLite file is at least its header once written


@dataclass(frozen=True)
class UpsertResult:
    new_ids: tuple[int, ...]
    changed_ids: tuple[int, ...]
    unchanged: int


class Store(AlertStore, StoryStore):
    """Facade over the database. Not thread-safe: one instance per thread."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        id_authority: str = "aggregator.local,2026",
        create: bool = True,
    ) -> None:
        """``create``: False refuses a database file that does not exist (a process that
        joins a running service must never start a fresh, empty database)."""
        self.path = None if path is None else Path(path)
        self.id_authority = id_authority
        self._story_memo = {}
        self._party_memo = {}
        self._identity: tuple[int, int] | None = None
        self._header_fd: int | None = None
        if self.path is not None and not create and not self.path.is_file():
            raise StoreError(
                f"{self.path}: the database file is gone; it is not created "
                "again while the service runs (restore a backup, or restart)"
            )
        try:
            if self.path is None:
                conn = sqlite3.connect(":memory:", check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(
                    str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
                )
            self.db = Database(conn)
            self._configure()
            _schema.migrate(self.db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path or ':memory:'}: cannot open database: {exc}") from exc
        except OSError as exc:  # its directory cannot be made
            raise StoreError(
                f"{self.path}: cannot create the database: {exc.strerror or exc}"
            ) from exc
        if self.path is not None:
            stat = os.stat(self.path)
            self._identity = (stat.st_dev, stat.st_ino)
            # Kept open for the store's life: closing a descriptor of the file would release
            # SQLite's POSIX locks on it, so the header is read through this one.
            self._header_fd = os.open(self.path, os.O_RDONLY)
            self._header_closer = weakref.finalize(self, os.close, self._header_fd)

    def file_problem(self) -> str | None:
        """Why the database file is no longer the one this store opened, or None: it was
        deleted or replaced (another inode), or truncated below a database header. Only
        ``stat`` is used: opening and closing the file in this process would release
        SQLite's POSIX locks on it."""
        if self.path is None or self._identity is None:
            return None
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return f"{self.path}: the database file was deleted while in use"
        except OSError as exc:
            return f"{self.path}: the database file cannot be read: {exc}"
        if (stat.st_dev, stat.st_ino) != self._identity:
            return f"{self.path}: the database file was replaced since it was opened"
        if stat.st_size < _HEADER_BYTES:
            return (
                f"{self.path}: the database file was truncated ({stat.st_size} bytes, "
                "less than a database header)"
            )
        declared = self._declared_size()
        if declared is not None and stat.st_size < declared:
            return (
                f"{self.path}: the database file was truncated ({stat.st_size} bytes, "
                f"its header says {declared})"
            )
        return None

    def _declared_size(self) -> int | None:
        """The file size the database header states (page size × pages at the last
        checkpoint), read through the descriptor kept open; None when it cannot tell."""
        if self._header_fd is None:
            return None
        try:
            header = os.pread(self._header_fd, _HEADER_BYTES, 0)
        except OSError:
            return None
        if len(header) < _HEADER_BYTES or not header.startswith(b"SQLite format 3\0"):
            return None
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(header[28:32], "big")
        # the in-header size is valid only while the change counter matches its stamp
        if header[24:28] != header[92:96]:
            return None
        return page_size * pages

    def _configure(self) -> None:
        self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if self.path is not None:
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")

    def close(self) -> None:
        self.db.close()
        if self._header_fd is not None:
            self._header_closer()
            self._header_fd = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """A write transaction holding the write lock from its first statement."""
        conn = self.db.conn
        if conn.in_transaction:
            raise StoreError("nested write transaction")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: cannot take the write lock: {exc}") from exc
        try:
            yield self.db
            conn.execute("COMMIT")
        except sqlite3.Error as exc:  # disk full, I/O error, a damaged file: the store's
            self._rollback()
            raise StoreError(f"{self.path or ':memory:'}: write failed: {exc}") from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # SQLite may have rolled back already (SQLITE_FULL, SQLITE_IOERR): then there is none
        if self.db.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.db.conn.execute("ROLLBACK")

    def _query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.db.execute(sql, params).fetchone()
        return None if row is None else row[0]

    # ------------------------------------------------------------------ feeds

    def sync_feeds(self, feeds: Sequence[FeedSettings]) -> None:
        """Make sure every configured feed has a row; a changed config URL resets state."""
        with self.write():
            for feed in feeds:
                url = feed.location
                row = self._query("SELECT config_url FROM feeds WHERE name = ?", [feed.name])
                if not row:
                    self.db.execute(
                        "INSERT INTO feeds (name, url, config_url) VALUES (?, ?, ?)",
                        [feed.name, url, url],
                    )
                elif row[0]["config_url"] != url:
                    self.db.execute(
                        "UPDATE feeds SET url = ?, config_url = ?, etag = NULL, "
                        "last_modified = NULL, disabled = NULL, error_count = 0, "
                        "next_fetch_at = NULL, redirect_url = NULL, redirect_count = 0 "
                        "WHERE name = ?",
                        [url, url, feed.name],
                    )

    def feed_states(self, *, counts: bool = True) -> list[FeedState]:
        """Every feed's state; ``counts``: with its number of stored entries (a scan of
        every entry: the update cycle does without)."""
        entries = (
            {
                r["feed"]: r["n"]
                for r in self._query("SELECT feed, count(*) AS n FROM entries GROUP BY feed")
            }
            if counts
            else {}
        )
        return [
            _rows.row_to_state(r, entries.get(r["name"], 0))
            for r in self._query("SELECT * FROM feeds ORDER BY name")
        ]

    def feed_state(self, name: str) -> FeedState:
        rows = self._query("SELECT * FROM feeds WHERE name = ?", [name])
        if not rows:
            raise StoreError(f"unknown feed {name!r}")
        return _rows.row_to_state(rows[0])

    def save_feed_state(
        self, state: FeedState, *, title: str | None = None, site_link: str | None = None
    ) -> None:
        self.save_feed_states([(state, title, site_link)])

    def save_feed_states(self, states: Sequence[tuple[FeedState, str | None, str | None]]) -> None:
        """Every polled feed's new state, in one transaction, with the title and site link
        its document gave (None: keep the stored ones)."""
        self.forget_stories()  # a story's sources show their feed's URL
        with self.write():
            for state, title, site_link in states:
                values = _rows.state_values(state)
                sets = ", ".join(f"{k} = :{k}" for k in values if k != "name")
                if title:
                    sets += ", title = :title"
                    values["title"] = title
                if site_link:
                    sets += ", site_link = :site_link"
                    values["site_link"] = site_link
                self.db.execute(f"UPDATE feeds SET {sets} WHERE name = :name", values)

    def feed_sites(self) -> dict[str, tuple[str | None, str | None]]:
        """Each feed's title and site link as its document last gave them."""
        return {
            r["name"]: (r["title"], r["site_link"])
            for r in self._query("SELECT name, title, site_link FROM feeds")
        }

    def note_feed_error(self, name: str, message: str) -> None:
        """Inside the caller's write: a later stage failed on this feed's stored entries
        (its row says why; its polling schedule is the fetch's business)."""
        self.db.execute("UPDATE feeds SET last_error = ? WHERE name = ?", [message, name])

    def installation_id(self) -> str:
        """The random id of this database (made once, by migration 0010)."""
        return str(self._scalar("SELECT installation_id FROM installation"))

    # ------------------------------------------------------------------ entries

    def upsert_entries(
        self,
        feed: str,
        entries: Sequence[Entry],
        now: datetime,
        deals: Sequence[EntryDeal | None] | None = None,
    ) -> UpsertResult:
        """Store a feed's entries; fetching the same feed twice changes nothing.

        An entry is the same as a stored one when its key matches, or, failing that, when
        its content hash matches (feeds whose GUIDs change on every fetch).
        """
        new, changed, unchanged = [], [], 0
        seen = _rows.ts(now)
        with self.write():
            keys = {e.entry_key for e in entries}
            for n, entry in enumerate(entries):
                deal = _rows.entry_deal_to_json(deals[n]) if deals is not None else None
                row = self._find_entry(entry, keys)
                if row is None:
                    new.append(self._insert_entry(entry, seen, deal))
                elif row["content_hash"] != entry.content_hash:
                    self._update_entry(row["id"], entry, seen, deal)
                    changed.append(row["id"])
                else:
                    unchanged += 1
        return UpsertResult(tuple(new), tuple(changed), unchanged)

    def _find_entry(self, entry: Entry, batch_keys: set[str]) -> dict[str, Any] | None:
        """The stored row this entry is, by key; or, for a feed whose GUIDs changed, the row
        with the same text and link whose old key the feed no longer carries."""
        rows = self._query(
            "SELECT id, content_hash FROM entries WHERE feed = ? AND entry_key = ?",
            [entry.feed, entry.entry_key],
        )
        if rows:
            return rows[0]
        for row in self._query(
            "SELECT id, content_hash, entry_key, link FROM entries "
            "WHERE feed = ? AND content_hash = ? ORDER BY id",
            [entry.feed, entry.content_hash],
        ):
            if row["entry_key"] not in batch_keys and row["link"] == entry.link:
                return row
        return None

    def _insert_entry(self, entry: Entry, seen: str | None, deal: str | None) -> int:
        values = _rows.entry_values(entry)
        values["first_seen"] = seen
        values["deal_json"] = deal
        values["pub_time"] = values["published"] or seen
        cols = ", ".join(values)
        marks = ", ".join(f":{k}" for k in values)
        cursor = self.db.execute(f"INSERT INTO entries ({cols}) VALUES ({marks})", values)
        return int(cursor.lastrowid)  # type: ignore[arg-type]

    def _update_entry(
        self, entry_id: int, entry: Entry, seen: str | None, deal: str | None
    ) -> None:
        """An edited entry: new text, and its story counts as updated."""
        values = _rows.entry_values(entry)
        values["deal_json"] = deal
        for key in ("feed", "entry_key"):
            values.pop(key)
        sets = ", ".join(f"{k} = :{k}" for k in values)
        values["id"] = entry_id
        self.db.execute(f"UPDATE entries SET {sets} WHERE id = :id", values)
        self.db.execute(
            "UPDATE stories SET updated_at = ? WHERE id = "
            "(SELECT story_id FROM entries WHERE id = ?)",
            [seen, entry_id],
        )
        story_id = self._scalar("SELECT story_id FROM entries WHERE id = ?", [entry_id])
        if story_id is not None:
            self.db.execute(_story_writes.EARLIER_NEWS, [entry_id, story_id])

    def stories_of_entries(self, entry_ids: Sequence[int]) -> set[int]:
        """The stories these entries are in (entries not in a story yet: none)."""
        out: set[int] = set()
        for chunk in _story_writes.chunks(entry_ids):
            out.update(
                r[0]
                for r in self.db.execute(
                    "SELECT story_id FROM entries WHERE id IN (SELECT value FROM json_each(?)) "
                    "AND story_id IS NOT NULL",
                    [_story_writes.id_list(chunk)],
                )
            )
        return out

    def entry_fact_rows(self, entry_ids: Sequence[int]) -> dict[int, FactRow]:
        """The fact rows (as :meth:`fact_rows_many` gives them) of these entries, by id:
        for stories whose reports the caller knows (a rowid lookup each)."""
        out: dict[int, FactRow] = {}
        for chunk in _story_writes.chunks(entry_ids):
            for row in self.db.execute(
                "SELECT id, feed, title, summary, pub_time, deal_json "
                "FROM entries WHERE id IN (SELECT value FROM json_each(?))",
                [_story_writes.id_list(chunk)],
            ):
                fact = _fact_row(row)
                out[fact.id] = fact
        return out

    def fact_rows_many(
        self,
        story_ids: Sequence[int],
        limit: int = -1,
    ) -> dict[int, list[FactRow]]:
        """Each story's entries (its first ``limit`` reports; all when negative) for
        deciding its facts, oldest first. A few statements for many stories, each reading
        an index range of the story's first reports."""
        out: dict[int, list[FactRow]] = {story_id: [] for story_id in story_ids}
        for chunk in _story_writes.chunks(story_ids):
            for row in self.db.execute(
                "SELECT e.id, e.feed, e.title, e.summary, e.pub_time, e.deal_json, "
                "e.story_id FROM json_each(?) j JOIN entries e ON e.id IN "
                "(SELECT i.id FROM entries i WHERE i.story_id = j.value "
                "ORDER BY i.pub_time, i.id LIMIT ?)",
                [_story_writes.id_list(chunk), limit],
            ):
                out[row[6]].append(_fact_row(row))
        for rows in out.values():
            rows.sort(key=lambda r: (r.pub_time, r.id))
        return out

    def content_hashes(self, feed: str, limit: int) -> frozenset[str]:
        """Content hashes of the feed's latest ``limit`` stored entries."""
        return frozenset(
            r[0]
            for r in self.db.execute(
                "SELECT content_hash FROM entries WHERE feed = ? ORDER BY id DESC LIMIT ?",
                [feed, limit],
            ).fetchall()
        )

    def save_entry_deal(self, entry_id: int, reading: EntryDeal) -> None:
        """Inside the caller's write: keep a deal reading made after the entry was stored."""
        self.save_entry_deals([(entry_id, reading)])

    def save_entry_deals(self, readings: Sequence[tuple[int, EntryDeal]]) -> None:
        """:meth:`save_entry_deal` of each (entry id, reading)."""
        self.db.conn.executemany(
            "UPDATE entries SET deal_json = ? WHERE id = ?",
            [(_rows.entry_deal_to_json(reading), entry_id) for entry_id, reading in readings],
        )

    def entries(self, ids: Sequence[int]) -> list[StoredEntry]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return [
            _rows.row_to_stored(r)
            for r in self._query(
                f"SELECT * FROM entries WHERE id IN ({marks}) ORDER BY id", list(ids)
            )
        ]

    def pending_items(self, limit: int = 200_000) -> list[StoryItem]:
        """Entries not yet in a story (new ones, or left by an interrupted cycle)."""
        return [
            story_item(r)
            for r in self._query(
                "SELECT id, feed, link, guid, title, summary, pub_time, deal_json FROM entries "
                "WHERE story_id IS NULL ORDER BY pub_time, id LIMIT ?",
                [limit],
            )
        ]

    def pending_keys(self, limit: int = 200_000) -> list[tuple[int, datetime, str]]:
        """(id, time, feed) of each entry not yet in a story, oldest first: what the story
        stage plans its work by before it reads the entries themselves, a part at a time."""
        return [
            (row[0], _rows.when(row[1]), row[2])
            for row in self.db.execute(
                "SELECT id, pub_time, feed FROM entries WHERE story_id IS NULL "
                "ORDER BY pub_time, id LIMIT ?",
                [limit],
            )
        ]

    def story_items(self, ids: Sequence[int]) -> list[StoryItem]:
        """The entries ``ids`` as the story clusterer sees them (as :meth:`pending_items`
        gives them), in the order asked; an id no longer stored is left out."""
        rows = {
            r["id"]: r
            for r in self._query(
                "SELECT id, feed, link, guid, title, summary, pub_time, deal_json FROM entries "
                "WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(list(ids))],
            )
        }
        return [story_item(rows[i]) for i in ids if i in rows]

    def window_items(
        self, start: datetime, end: datetime
    ) -> list[tuple[StoryItem, int, str | None]]:
        """Entries already in stories whose time falls in [start, end], with the story
        clusterer's saved reading of each (None when not saved)."""
        rows = self._query(
            "SELECT id, feed, link, guid, title, summary, pub_time, story_id, story_features, "
            "deal_json FROM entries WHERE pub_time BETWEEN ? AND ? AND story_id IS NOT NULL "
            "ORDER BY pub_time, id",
            [_rows.ts(start), _rows.ts(end)],
        )
        return [(story_item(r), r["story_id"], r["story_features"]) for r in rows]

    def story_generation(self) -> int:
        """Changes whenever any writer changes which story an entry belongs to."""
        return int(self._scalar("SELECT value FROM story_generation"))

    def story_mark(self) -> tuple[int, int]:
        """What the story index of this database was made from: the story generation and
        the largest id of an entry in a story (0 when none). Entries not in a story yet
        (pending) move neither."""
        top = self._scalar(
            "SELECT id FROM entries WHERE +story_id IS NOT NULL ORDER BY id DESC LIMIT 1"
        )
        return self.story_generation(), int(top or 0)

    def entry_count(self) -> int:
        return int(self._scalar("SELECT count(*) FROM entries"))

    def prune(self, before: datetime, now: datetime | None = None) -> int:
        """Delete entries published before ``before`` (retention). Only the stories that had
        such entries are looked at: those left empty are deleted (their parties and tags
        too), the others count their remaining reports and, when ``now`` is given, show as
        updated then (their published entry lists fewer sources)."""
        cut = _rows.ts(before)
        with self.write():
            # (no DISTINCT in SQL: SQLite would then walk the story index, all of it)
            touched = sorted(
                {
                    r[0]
                    for r in self.db.execute(
                        "SELECT story_id FROM entries WHERE pub_time < ?", [cut]
                    ).fetchall()
                    if r[0] is not None
                }
            )
            cursor = self.db.execute("DELETE FROM entries WHERE pub_time < ?", [cut])
            if touched:
                self._after_prune(touched, now)
        return cursor.rowcount

    def trim_feed(self, feed: str, keep: int, now: datetime | None = None) -> int:
        """Delete the feed's entries beyond its ``keep`` most recently stored (retention per
        feed: a feed whose keys all change at every fetch cannot grow without bound). The
        stories that lost entries are treated as :meth:`prune` treats them. Reads the
        feed's index range only: nothing when the feed holds no more than ``keep``."""
        with self.write():
            cut = self._scalar(
                "SELECT id FROM entries WHERE feed = ? ORDER BY id DESC LIMIT 1 OFFSET ?",
                [feed, keep],
            )
            if cut is None:
                return 0
            touched = sorted(
                {
                    r[0]
                    for r in self.db.execute(
                        "SELECT story_id FROM entries WHERE feed = ? AND id <= ?", [feed, cut]
                    )
                    if r[0] is not None
                }
            )
            cursor = self.db.execute("DELETE FROM entries WHERE feed = ? AND id <= ?", [feed, cut])
            if touched:
                self._after_prune(touched, now)
        return cursor.rowcount

    # ------------------------------------------------------------------ maintenance

    def ping(self) -> None:
        """Ask the database a trivial question: raises when it does not answer."""
        self.db.execute("SELECT 1").fetchone()

    def integrity_ok(self) -> bool:
        return bool(self._scalar("PRAGMA integrity_check") == "ok")

    def backup(self, target: Path) -> None:
        """A consistent copy while others write (VACUUM INTO)."""
        target = Path(target)
        if target.exists():
            raise StoreError(f"{target}: already exists; choose a new backup path")
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db.execute("VACUUM INTO ?", [str(target)])
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{target}: backup failed: {exc}") from exc

    def schema_version(self) -> str:
        return _schema.schema_version(self.db)


def story_item(row: dict[str, Any]) -> StoryItem:
    reading = _rows.entry_deal_from_json(row.get("deal_json"))
    return StoryItem(
        entry_id=row["id"],
        feed=row["feed"],
        url=row["link"],
        guid=row["guid"],
        title=row["title"],
        summary=row["summary"],
        published=_rows.when(row["pub_time"]),
        facts=EventFacts.of(reading.deal) if reading is not None else None,
    )


def open_store(settings: Settings, *, create: bool = True) -> Store:
    """The store of ``settings``: its database file and its ``tag:`` authority
    (``create``: see :class:`Store`)."""
    return Store(settings.database, id_authority=settings.site.id_authority, create=create)


def _fact_row(row: Sequence[Any]) -> FactRow:
    """(id, feed, title, summary, pub_time, deal_json, ...) as a FactRow."""
    return FactRow(row[0], row[1], row[2], row[3], row[4], _rows.entry_deal_from_json(row[5]))
