"""Story writes of an update cycle, sent in batches (``executemany``).

A cold cycle assigns tens of thousands of entries and sets the facts of as many stories in
two write transactions; one statement per write (about seventeen per entry) was most of
what the store cost. Here the rows are gathered and sent together, in the order they were
made, and whatever has to see them (a merge, the end of the work) sends them first: the
tables end exactly as with one statement at a time (same rows, ids and trigger effects).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import StoreError
from ..models import Deal, Party, StoryDecision, StoryFactsUpdate
from . import _rows

if TYPE_CHECKING:
    import sqlite3

    from ._stories import StoryStore

CHUNK = 500  # stories per read of a batch (the ids go in one JSON parameter)
FLUSH_ROWS = 2_000  # entries whose story writes wait at most before they are sent

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def id_list(ids: Sequence[int]) -> str:
    """A parameter for ``IN (SELECT value FROM json_each(?))``."""
    return json.dumps(list(ids))


class AssignWrites:
    """The creations, joins and merges of one write transaction (see ``Store.story_writes``).

    Story ids are handed out as SQLite would pick them (one more than the largest), so the
    stories' rows can wait in the batch too; nothing else may add stories meanwhile.
    """

    def __init__(self, store: StoryStore, now: datetime) -> None:
        self._store = store
        self._conn: sqlite3.Connection = store.db.conn
        if not self._conn.in_transaction:
            raise StoreError("story writes need the caller's write transaction")
        self._now, self._seen = now, _rows.ts(now)
        self._next_id: int | None = None
        self._stories: list[tuple[int, str | None, str | None, int]] = []
        self._entries: list[tuple[int, str | None, int]] = []
        self._links: list[tuple[Any, ...]] = []
        self._joined: dict[int, None] = {}  # their source_count is counted at the flush
        self._joined_entries: list[tuple[int, int]] = []  # (entry id, story id) joins

    def create(self, decision: StoryDecision, features: str | None = None) -> int:
        """A new story for ``decision``'s entry (``features``: the clusterer's reading of
        it, saved with it when given)."""
        if self._next_id is None:
            self._next_id = (
                int(self._conn.execute("SELECT coalesce(max(id), 0) FROM stories").fetchone()[0])
                + 1
            )
        story_id, self._next_id = self._next_id, self._next_id + 1
        self._stories.append((story_id, self._seen, self._seen, decision.entry_id))
        self._link(story_id, decision, features)
        return story_id

    def attach(
        self,
        decision: StoryDecision,
        story_id: int,
        features: str | None = None,
    ) -> None:
        self._link(story_id, decision, features)
        self._joined[story_id] = None
        self._joined_entries.append((decision.entry_id, story_id))

    def merge(self, keep: int, drop: int, entry_id: int | None) -> None:
        self.flush()
        self._store.merge_stories(keep, drop, self._now, entry_id)

    def _link(self, story_id: int, decision: StoryDecision, features: str | None) -> None:
        if len(self._entries) >= FLUSH_ROWS:  # what waits is bounded, not the whole cycle
            self.flush()
        self._entries.append((story_id, features, decision.entry_id))
        self._links.append(
            (
                story_id,
                decision.entry_id,
                decision.rule,
                decision.score,
                json.dumps(list(decision.shared_terms)),
                decision.matched_entry_id,
                self._seen,
            )
        )

    def flush(self) -> None:
        conn, created = self._conn, self._stories
        if created:
            # news time: the entry's date, never later than now (the story's first sight)
            conn.executemany(
                "INSERT INTO stories (id, created_at, updated_at, primary_entry_id, news_at) "
                "VALUES (?1, ?2, ?3, ?4, min(?2, coalesce((SELECT published FROM entries "
                "WHERE id = ?4), ?2)))",
                created,
            )
        conn.executemany(
            "UPDATE entries SET story_id = ?, "
            "story_features = coalesce(?, story_features) WHERE id = ?",
            self._entries,
        )
        conn.executemany(
            "INSERT INTO story_links (story_id, entry_id, rule, score, shared_terms, "
            "matched_entry_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            self._links,
        )
        # a new story has no facts yet: it is in the full feed only
        conn.executemany(
            "INSERT INTO feed_members (key, story_id) VALUES ('all', ?)",
            [(row[0],) for row in created],
        )
        conn.executemany(
            "UPDATE stories SET updated_at = ?, source_count = "
            "(SELECT count(*) FROM entries WHERE story_id = ?) WHERE id = ?",
            [(self._seen, story_id, story_id) for story_id in self._joined],
        )
        conn.executemany(EARLIER_NEWS, self._joined_entries)
        self._stories, self._entries, self._links, self._joined = [], [], [], {}
        self._joined_entries = []


# A report joins a story, or its date changes: the story's news time moves to the report's
# date when that is earlier (never later: a news time only moves back). Parameters: (entry
# id, story id).
EARLIER_NEWS = (
    "UPDATE stories SET news_at = min(news_at, coalesce((SELECT published FROM entries "
    "WHERE id = ?1), news_at)) WHERE id = ?2"
)


# When a new story's content was last changed: the newest date among its reports (a report's
# updated, else its published), never later than when the story was first seen (created_at)
# nor earlier than its news time (published). First seen when no report has a date.
# A backlog read in one cycle thus keeps the dates its sources gave it, instead of every
# story carrying the same second (the cycle's); an entry's updated stays >= its published.
CONTENT_AT = (
    "max(coalesce(news_at, created_at), min(created_at, coalesce((SELECT "
    "max(coalesce(e.updated, e.published)) FROM entries e WHERE e.story_id = stories.id), "
    "created_at)))"
)


def date_new_stories(conn: sqlite3.Connection, story_ids: Sequence[int], now: datetime) -> None:
    """Give the stories first seen at ``now`` (and not merged away) their content time as
    ``updated_at``; others in ``story_ids`` are left alone."""
    seen = _rows.ts(now)
    for chunk in chunks(story_ids):
        conn.execute(
            f"UPDATE stories SET updated_at = {CONTENT_AT} WHERE id IN (SELECT value FROM "
            "json_each(?1)) AND created_at = ?2 AND updated_at = ?2 AND merged_into IS NULL",
            [id_list(chunk), seen],
        )


def save_facts(
    conn: sqlite3.Connection,
    updates: Sequence[StoryFactsUpdate],
    now: datetime,
) -> dict[int, Deal | None]:
    """Save what was decided about each story; the stories that changed (their
    ``updated_at`` is bumped; the others are left alone), each with the deal (None for
    none) it had before, in the order of ``updates``."""
    if len({u.story_id for u in updates}) != len(updates):
        raise ValueError("one update per story")
    changed: dict[int, Deal | None] = {}
    seen = _rows.ts(now)
    for chunk in chunks(updates):
        found = conn.execute(
            "SELECT id, primary_entry_id, deal_json, tags_json, curated, subjects_json "
            "FROM stories WHERE id IN (SELECT value FROM json_each(?))",
            [id_list([u.story_id for u in chunk])],
        ).fetchall()
        current = {r[0]: (r[1], r[2], r[3], bool(r[4])) for r in found}
        subjects_now = {r[0]: r[5] for r in found}
        rows, parties, tags, members = [], [], [], {}
        about: list[tuple[str | None, int]] = []
        for update in chunk:
            deal, names = update.deal, sorted(set(update.tags))
            deal_json, tags_json = _rows.deal_to_json(deal), json.dumps(names)
            subjects = subjects_json(update.subjects)
            same_facts = current[update.story_id] == (
                update.primary_entry_id,
                deal_json,
                tags_json,
                update.curated,
            )
            if subjects != subjects_now.get(update.story_id):
                # a story's subjects are not in what it publishes: a change of them moves
                # its feeds, not its version (``updated_at``)
                about.append((subjects, update.story_id))
                if same_facts:
                    members[update.story_id] = member_keys(
                        deal, names, update.curated, update.subjects
                    )
            if same_facts:
                continue
            story_id = update.story_id
            changed[story_id] = _rows.deal_from_json(current[story_id][1])
            usd = deal.amount.usd if deal and deal.amount else None
            rows.append(
                (
                    update.primary_entry_id,
                    deal.type if deal else None,
                    usd,
                    deal_json,
                    tags_json,
                    int(update.curated),
                    seen,
                    story_id,
                )
            )
            parties.append(
                (
                    story_id,
                    [(story_id, p.slug, p.name, p.role) for p in _all_parties(deal)],
                )
            )
            tags.append((story_id, [(story_id, tag) for tag in names]))
            members[story_id] = member_keys(deal, names, update.curated, update.subjects)
        conn.executemany("UPDATE stories SET subjects_json = ? WHERE id = ?", about)
        conn.executemany(
            "UPDATE stories SET primary_entry_id = ?, deal_type = ?, deal_usd = ?, "
            "deal_json = ?, tags_json = ?, curated = ?, updated_at = ? WHERE id = ?",
            rows,
        )
        _replace(
            conn,
            "story_parties",
            "INSERT OR IGNORE INTO story_parties VALUES (?, ?, ?, ?)",
            parties,
        )
        _replace(conn, "story_tags", "INSERT INTO story_tags VALUES (?, ?)", tags)
        sync_members(conn, members)
    return changed


def subjects_json(subjects: Sequence[tuple[str, str]]) -> str | None:
    """How a story's subjects are stored (None for none)."""
    return json.dumps([list(s) for s in sorted(subjects)]) if subjects else None


def member_keys(
    deal: Deal | None,
    tags: Sequence[str],
    curated: bool,
    subjects: Sequence[tuple[str, str]] = (),
) -> list[tuple[str, str | None]]:
    """(key, label) of the published feeds a live story with these facts is in (as
    :func:`~aggregator.store._schema.member_rows` gives them)."""
    keys: list[tuple[str, str | None]] = [("all", None)]
    if curated:
        keys.append(("curated", None))
    if deal is not None:
        keys.append(("deals", None))
        keys += [(f"deal:{kind}", None) for kind in dict.fromkeys(d.type for d in deal.deals())]
        parties = _all_parties(deal)
        names: dict[str, str] = {}
        for party in parties:
            names[party.slug] = min(names.get(party.slug, party.name), party.name)
        keys += [(f"company:{slug}", name) for slug, name in names.items()]
        investors: dict[str, str] = {}
        for party in parties:
            if party.role == "investor":
                investors[party.slug] = min(investors.get(party.slug, party.name), party.name)
        keys += [(f"investor:{slug}", name) for slug, name in investors.items()]
    keys += [(f"tag:{tag}", None) for tag in tags]
    about: dict[str, str] = {}
    for slug, name in [*((p.slug, p.name) for p in _all_parties(deal)), *subjects]:
        about[slug] = min(about.get(slug, name), name)
    keys += [(f"about:{slug}", name) for slug, name in about.items()]
    return keys


def _all_parties(deal: Deal | None) -> list[Party]:
    """The parties of a story's deal and of the other deals of its entry (``Deal.also``):
    a company named by any of them is in that company's feeds (``story_parties``)."""
    if deal is None:
        return []
    return [p for d in deal.deals() for p in d.parties]


def _replace(
    conn: sqlite3.Connection,
    table: str,
    insert: str,
    stories: list[tuple[int, list[tuple[Any, ...]]]],
) -> None:
    """Replace each story's rows of ``table``, in order. A story with no rows yet needs no
    DELETE; the inserts wait for the next one that does (so rowids come out the same)."""
    if not stories:
        return
    held = {
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT story_id FROM {table} WHERE story_id IN "
            "(SELECT value FROM json_each(?))",
            [id_list([s for s, _ in stories])],
        )
    }
    waiting: list[tuple[Any, ...]] = []
    for story_id, rows in stories:
        if story_id in held:
            conn.executemany(insert, waiting)
            waiting = []
            conn.execute(f"DELETE FROM {table} WHERE story_id = ?", [story_id])
        waiting += rows
    conn.executemany(insert, waiting)


def sync_members(conn: sqlite3.Connection, wanted: dict[int, list[tuple[str, str | None]]]) -> None:
    """Set which published feeds each story is in (``wanted``: its (key, label) pairs).
    Unchanged members are left alone."""
    if not wanted:
        return
    old: dict[int, set[str]] = {}
    for key, story_id in conn.execute(
        "SELECT key, story_id FROM feed_members WHERE story_id IN (SELECT value FROM json_each(?))",
        [id_list(list(wanted))],
    ):
        old.setdefault(story_id, set()).add(key)
    gone, added = [], []
    for story_id, keys in wanted.items():
        new, had = dict(keys), old.get(story_id, set())
        gone += [(key, story_id) for key in had - new.keys()]
        added += [(key, story_id, new[key]) for key in new.keys() - had]
    conn.executemany("DELETE FROM feed_members WHERE key = ? AND story_id = ?", gone)
    conn.executemany("INSERT INTO feed_members (key, story_id, label) VALUES (?, ?, ?)", added)
