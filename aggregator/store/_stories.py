"""Story tables: creation, joins, merges, facts, and the StoryReader queries for publish."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..models import (
    Company,
    Deal,
    DealExportRow,
    Facets,
    MonthVolume,
    PartyDeal,
    RunRecord,
    Source,
    Story,
    StoryDecision,
    StoryFactsUpdate,
    StoryLink,
    StoryMerge,
    StoryQuery,
    feed_key,
)
from . import _rows, _story_writes
from ._schema import member_rows
from ._story_writes import AssignWrites

_MEMBERS_OF = member_rows("s.id = :id")
SOURCES_SHOWN = 50  # reports a published story lists (its count says how many in all)
STORY_MEMO = 5_000  # stories kept in memory between reads (a publish reads each often)
PARTY_MEMO = 50_000  # deal stories kept parsed for company pages between publishes

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlite_utils import Database


@contextlib.contextmanager
def _assign_writes(store: StoryStore, now: datetime) -> Iterator[AssignWrites]:
    writes = AssignWrites(store, now)
    yield writes
    writes.flush()


class StoryStore:
    """Mixin of Store: everything about stories (needs ``rows``, ``write``, ``db``)."""

    db: Database
    id_authority: str = "aggregator.local,2026"
    _story_memo: dict[int, tuple[str, Story]]  # id -> (updated_at, story); set by Store
    _party_memo: dict[int, tuple[tuple[str, str], PartyDeal | None]]  # id -> (version, deal)

    def _query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def write(self) -> AbstractContextManager[Database]:
        raise NotImplementedError

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    # ------------------------------------------------------------------ writes
    # These run inside the caller's write transaction (Store.write()).

    def story_writes(self, now: datetime) -> AbstractContextManager[AssignWrites]:
        """Creations, joins and merges of stories, batched, inside the caller's write: what
        was written is all in the tables when the block ends (not if it raises: the caller's
        transaction is rolled back)."""
        return _assign_writes(self, now)

    def create_story(self, decision: StoryDecision, now: datetime) -> int:
        with self.story_writes(now) as writes:
            return writes.create(decision)

    def _sync_members(
        self,
        story_id: int,
        keys: Sequence[tuple[str, str | None]] | None = None,
    ) -> None:
        """Set which published feeds the story is in: ``keys`` ((key, label) pairs, as
        :func:`~aggregator.store._schema.member_rows` would give), or worked out from the
        tables when None (none once merged away). Unchanged members are left alone."""
        if keys is None:
            keys = [(r[0], r[2]) for r in self.db.execute(_MEMBERS_OF, {"id": story_id})]
        _story_writes.sync_members(self.db.conn, {story_id: list(keys)})

    def attach(self, decision: StoryDecision, story_id: int, now: datetime) -> None:
        with self.story_writes(now) as writes:
            writes.attach(decision, story_id)

    def merge_stories(self, keep: int, drop: int, now: datetime, entry_id: int | None) -> None:
        """Fold story ``drop`` into ``keep``; ``drop`` is never published again."""
        seen = _rows.ts(now)
        self.db.execute("UPDATE entries SET story_id = ? WHERE story_id = ?", [keep, drop])
        self.db.execute("UPDATE story_links SET story_id = ? WHERE story_id = ?", [keep, drop])
        self.db.execute("UPDATE stories SET merged_into = ? WHERE merged_into = ?", [keep, drop])
        self.db.execute(
            "UPDATE stories SET merged_into = ?, updated_at = ? WHERE id = ?", [keep, seen, drop]
        )
        self.db.execute("DELETE FROM story_parties WHERE story_id = ?", [drop])
        self.db.execute("DELETE FROM story_tags WHERE story_id = ?", [drop])
        self.db.execute(
            "INSERT OR REPLACE INTO story_merges (dropped_id, kept_id, entry_id, merged_at) "
            "VALUES (?, ?, ?, ?)",
            [drop, keep, entry_id, seen],
        )
        self.db.execute(
            "UPDATE stories SET updated_at = ?, source_count = "
            "(SELECT count(*) FROM entries WHERE story_id = ?) WHERE id = ?",
            [seen, keep, keep],
        )
        self.db.execute(  # the kept story's news time: the earlier of the two
            "UPDATE stories SET news_at = min(news_at, coalesce((SELECT news_at FROM stories "
            "WHERE id = ?), news_at)) WHERE id = ?",
            [drop, keep],
        )
        self._sync_members(drop)
        self.move_alert_state(keep, drop)

    def move_alert_state(self, keep: int, drop: int) -> None:
        raise NotImplementedError

    def corrections_of(self, story_ids: Sequence[int]) -> dict[int, list[Any]]:
        raise NotImplementedError

    def set_story_facts(
        self,
        story_id: int,
        *,
        primary_entry_id: int,
        deal: Deal | None,
        tags: Sequence[str],
        curated: bool,
        now: datetime,
    ) -> bool:
        """Save what was decided about a story; bumps ``updated`` only when something changed."""
        return bool(
            self.set_story_facts_many(
                [StoryFactsUpdate(story_id, primary_entry_id, deal, tuple(tags), curated)], now
            )
        )

    def set_story_facts_many(
        self,
        updates: Sequence[StoryFactsUpdate],
        now: datetime,
    ) -> dict[int, Deal | None]:
        """:meth:`set_story_facts` for many stories (one update each) in a few statements;
        the stories that changed, each with its former deal."""
        return _story_writes.save_facts(self.db.conn, updates, now)

    def date_new_stories(self, story_ids: Sequence[int], now: datetime) -> None:
        """Stories first seen in the cycle of ``now``: their ``updated`` is when their content
        was last changed, the date of their newest report (see ``_story_writes.CONTENT_AT``),
        not the moment the cycle read them. A story changed after that cycle keeps the
        cycle's time of each change."""
        _story_writes.date_new_stories(self.db.conn, story_ids, now)

    def _after_prune(self, story_ids: Sequence[int], now: datetime | None) -> None:
        """Stories that lost reports to retention: drop the empty ones, recount the rest."""
        ids = json.dumps(list(story_ids))
        empty = (
            "SELECT s.value FROM json_each(?) s WHERE NOT EXISTS "
            "(SELECT 1 FROM entries WHERE story_id = s.value)"
        )
        for table in ("story_parties", "story_tags"):
            self.db.execute(f"DELETE FROM {table} WHERE story_id IN ({empty})", [ids])
        self.db.execute(f"DELETE FROM stories WHERE id IN ({empty}) AND merged_into IS NULL", [ids])
        self.db.execute(
            "UPDATE stories SET source_count = (SELECT count(*) FROM entries "
            "WHERE story_id = stories.id), updated_at = coalesce(?, updated_at) "
            "WHERE id IN (SELECT value FROM json_each(?)) AND merged_into IS NULL",
            [_rows.ts(now) if now is not None else None, ids],
        )

    # ------------------------------------------------------------------ reads

    def story_sources(
        self, story_ids: Sequence[int], limit: int = -1, keep: Sequence[int] = ()
    ) -> dict[int, list[Source]]:
        """The sources of each story, oldest first: every one, or (``limit`` ≥ 0) the first
        ``limit`` of each story plus the entries in ``keep`` (its primary)."""
        if not story_ids:
            return {}
        # Each story's first ``limit`` reports come from a covering index range of their
        # own (a correlated LIMIT), so a story with thousands of reports costs the same as
        # a small one; the primary entries in ``keep`` are added to that set of ids.
        rows = self._query(
            "SELECT e.id, e.feed, e.title, e.link, e.original_link, e.published, e.first_seen, "
            "e.story_id, f.url AS feed_url FROM entries e LEFT JOIN feeds f ON f.name = e.feed "
            "WHERE e.id IN (SELECT x.id FROM json_each(?) s JOIN entries x ON x.id IN "
            "(SELECT id FROM entries WHERE story_id = s.value ORDER BY pub_time, id LIMIT ?) "
            "UNION SELECT value FROM json_each(?)) ORDER BY e.pub_time, e.id",
            [json.dumps(list(story_ids)), limit, json.dumps(list(keep))],
        )
        out: dict[int, list[Source]] = {i: [] for i in story_ids}
        for row in rows:
            if row["story_id"] in out:
                out[row["story_id"]].append(_rows.row_to_source(row))
        return out

    def live_story_id(self, story_id: int) -> int | None:
        """Follow merges to the story that carries ``story_id`` now."""
        seen: set[int] = set()
        while story_id not in seen:
            seen.add(story_id)
            rows = self._query("SELECT merged_into FROM stories WHERE id = ?", [story_id])
            if not rows:
                return None
            if rows[0]["merged_into"] is None:
                return story_id
            story_id = rows[0]["merged_into"]
        return None

    def live_story_ids(self, story_ids: Sequence[int]) -> set[int]:
        """Those of ``story_ids`` that are stories not merged into another."""
        out: set[int] = set()
        for chunk in _story_writes.chunks(story_ids):
            out.update(
                r[0]
                for r in self.db.execute(
                    "SELECT id FROM stories WHERE id IN (SELECT value FROM json_each(?)) "
                    "AND merged_into IS NULL",
                    [_story_writes.id_list(chunk)],
                )
            )
        return out

    def all_live_story_ids(self) -> list[int]:
        """Every story not merged into another, oldest first."""
        return [
            r[0]
            for r in self.db.execute("SELECT id FROM stories WHERE merged_into IS NULL ORDER BY id")
        ]

    def facts_key(self) -> str | None:
        """The key the stored story facts were computed with (None: not recorded)."""
        row = self.db.execute("SELECT key FROM facts_key WHERE id = 1").fetchone()
        return row[0] if row else None

    def set_facts_key(self, key: str) -> None:
        """Record the facts key (inside the caller's write)."""
        self.db.execute(
            "INSERT INTO facts_key (id, key) VALUES (1, ?) "
            "ON CONFLICT (id) DO UPDATE SET key = excluded.key",
            [key],
        )

    def explain(self, story_id: int) -> list[StoryLink]:
        """Why each entry is in the story: rule, score, shared terms, matched entry."""
        return [
            StoryLink(
                entry_id=r["entry_id"],
                feed=r["feed"],
                title=r["title"],
                link=r["link"],
                rule=r["rule"],
                score=r["score"],
                shared_terms=tuple(json.loads(r["shared_terms"])),
                matched_entry_id=r["matched_entry_id"],
                created_at=_when(r["created_at"]),
            )
            for r in self._query(
                "SELECT l.entry_id, e.feed, e.title, e.link, l.rule, l.score, l.shared_terms, "
                "l.matched_entry_id, l.created_at FROM story_links l JOIN entries e "
                "ON e.id = l.entry_id WHERE l.story_id = ? ORDER BY l.id",
                [story_id],
            )
        ]

    def merges_into(self, story_id: int) -> list[StoryMerge]:
        """The stories folded into this one, by id."""
        return [
            StoryMerge(
                kept_id=r["kept_id"],
                dropped_id=r["dropped_id"],
                entry_id=r["entry_id"],
                merged_at=_when(r["merged_at"]),
            )
            for r in self._query(
                "SELECT * FROM story_merges WHERE kept_id = ? ORDER BY dropped_id", [story_id]
            )
        ]

    # ------------------------------------------------------------------ StoryReader

    def _where(self, query: StoryQuery) -> tuple[str, list[Any]]:
        clauses: list[str] = ["s.merged_into IS NULL"]
        params: list[str | int] = []
        if query.curated is not None:
            clauses.append("s.curated = ?")
            params.append(int(query.curated))
        if query.deals_only:
            clauses.append("s.deal_type IS NOT NULL")
        if query.deal_type:  # the deal's type, or another deal's of its entry (``also``)
            clauses.append(
                "(s.deal_type = ? OR EXISTS (SELECT 1 FROM json_each(s.deal_json, '$.also') a "
                "WHERE json_extract(a.value, '$.type') = ?))"
            )
            params += [query.deal_type, query.deal_type]
        if query.company:
            clauses.append("s.id IN (SELECT story_id FROM story_parties WHERE slug = ?)")
            params.append(query.company)
        if query.investor:
            clauses.append(
                "s.id IN (SELECT story_id FROM story_parties WHERE slug = ? AND role = 'investor')"
            )
            params.append(query.investor)
        if query.tag:
            clauses.append("s.id IN (SELECT story_id FROM story_tags WHERE tag = ?)")
            params.append(query.tag)
        if query.about:  # a party of its deals, or a company its titles name
            clauses.append(
                "((s.deal_type IS NOT NULL AND s.id IN "
                "(SELECT story_id FROM story_parties WHERE slug = ?)) OR EXISTS (SELECT 1 FROM "
                "json_each(s.subjects_json) j WHERE json_extract(j.value, '$[0]') = ?))"
            )
            params += [query.about, query.about]
        return " AND ".join(clauses), params

    def story_versions(self, query: StoryQuery, *, limit: int) -> list[tuple[int, str]]:
        """(id, updated) of the newest stories: cheap change detection for publish."""
        return [
            (r["id"], r["updated_at"])
            for r in self._select("s.id, s.updated_at", query, limit=limit, offset=0, order="DESC")
        ]

    def head_versions(
        self,
        query: StoryQuery,
        *,
        limit: int,
        per_source: int,
        scan: int,
    ) -> list[tuple[int, str]]:
        """(id, updated) of a head document's stories, newest first: the newest ``limit``
        stories with at most ``per_source`` of one feed (the primary report's), while
        other stories fill the places. Reads ``limit`` stories at a time, newest first (an
        index range each), and at most ``scan`` stories; places still free then go to the
        newest of the stories held back (a feed with nothing else near it keeps its document
        full)."""
        if per_source >= limit:
            return self.story_versions(query, limit=limit)
        picked: list[tuple[int, str]] = []
        held: list[tuple[int, str]] = []
        counts: dict[str, int] = {}
        for offset in range(0, max(scan, limit), limit):
            rows = self._select(
                "s.id, s.updated_at, (SELECT e.feed FROM entries e WHERE "
                "e.id = s.primary_entry_id) AS source",
                query,
                limit=limit,
                offset=offset,
                order="DESC",
            )
            for row in rows:
                source = row["source"]
                seen = counts.get(source, 0) if source is not None else 0
                if seen < per_source and len(picked) < limit:
                    picked.append((row["id"], row["updated_at"]))
                    if source is not None:
                        counts[source] = seen + 1
                else:
                    held.append((row["id"], row["updated_at"]))
            if len(picked) >= limit or len(rows) < limit:
                break
        picked += held[: limit - len(picked)]
        return sorted(picked, reverse=True)

    def select_stories(
        self, query: StoryQuery, *, limit: int, offset: int = 0, oldest_first: bool = False
    ) -> list[Story]:
        return self.stories_from_rows(
            self._select(
                "s.*", query, limit=limit, offset=offset, order="ASC" if oldest_first else "DESC"
            )
        )

    def _select(
        self, columns: str, query: StoryQuery, *, limit: int, offset: int, order: str
    ) -> list[dict[str, Any]]:
        key = feed_key(query)
        if key is not None:  # one published feed: an index range of its members
            return self._query(
                f"SELECT {columns} FROM feed_members m JOIN stories s ON s.id = m.story_id "
                f"WHERE m.key = ? ORDER BY m.story_id {order} LIMIT ? OFFSET ?",
                [key, limit, offset],
            )
        where, params = self._where(query)
        return self._query(
            f"SELECT {columns} FROM stories s WHERE {where} ORDER BY s.id {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def stories(self, ids: Sequence[int]) -> list[Story]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return self.stories_from_rows(
            self._query(f"SELECT * FROM stories WHERE id IN ({marks}) ORDER BY id", list(ids)),
            keep=False,
        )

    def stories_from_rows(
        self,
        rows: Sequence[dict[str, Any]],
        keep: bool = True,
    ) -> list[Story]:
        """Stories of ``rows`` (rows of ``stories``); with ``keep``, a story loaded before at
        the same ``updated_at`` is taken from memory (every change of a story, its sources or
        its primary text bumps ``updated_at``; the memory is dropped when feeds are saved)."""
        memo = self._story_memo
        if not keep:
            return self._load_stories(rows)
        fresh = [r for r in rows if memo.get(r["id"], ("",))[0] != r["updated_at"]]
        if len(memo) + len(fresh) > STORY_MEMO:
            memo.clear()
        updated = {r["id"]: r["updated_at"] for r in fresh}
        for story in self._load_stories(fresh):
            memo[story.id] = (updated[story.id], story)
        return [
            memo[r["id"]][1]
            for r in rows
            if r["id"] in memo and memo[r["id"]][0] == r["updated_at"]
        ]

    def story_uri(self, story_id: int) -> str:
        """The story's atom:id (a tag: URI), stable for its whole life."""
        return f"tag:{self.id_authority}:story/{story_id}"

    def forget_stories(self) -> None:
        """Drop the stories kept in memory by :meth:`stories_from_rows`."""
        self._story_memo.clear()

    def _load_stories(self, rows: Sequence[dict[str, Any]]) -> list[Story]:
        # a published entry names a story's first SOURCES_SHOWN reports (and its primary)
        sources = self.story_sources(
            [r["id"] for r in rows], SOURCES_SHOWN, [r["primary_entry_id"] for r in rows]
        )
        marks = ",".join("?" * len(rows))
        entries = (
            {
                r["id"]: r
                for r in self._query(
                    f"SELECT id, summary, content_html FROM entries WHERE id IN ({marks})",
                    [r["primary_entry_id"] for r in rows],
                )
            }
            if rows
            else {}
        )
        history = self.corrections_of([r["id"] for r in rows if r["deal_json"]])
        return [
            self._story(
                r,
                sources[r["id"]],
                entries.get(r["primary_entry_id"]),
                tuple(history.get(r["id"], ())),
            )
            for r in rows
            if sources[r["id"]]
        ]

    def _story(
        self,
        row: dict[str, Any],
        sources: list[Source],
        primary_row: dict[str, Any] | None,
        history: tuple[Any, ...] = (),
    ) -> Story:
        primary = next((s for s in sources if s.entry_id == row["primary_entry_id"]), sources[0])
        ordered = (primary, *(s for s in sources if s is not primary))
        return Story(
            id=row["id"],
            uri=self.story_uri(row["id"]),
            title=primary.title,
            summary=(primary_row or {}).get("summary", ""),
            content_html=(primary_row or {}).get("content_html", ""),
            primary=primary,
            sources=ordered,
            published=_rows.when(row["news_at"] or row["created_at"]),
            updated=_rows.when(row["updated_at"]),
            deal=_rows.deal_from_json(row["deal_json"]),
            tags=tuple(json.loads(row["tags_json"] or "[]")),
            curated=bool(row["curated"]),
            source_count=max(int(row["source_count"] or 0), len(sources)),
            history=history,
            first_seen=_rows.dt(row["created_at"]),
        )

    def feed_generations(self) -> dict[str, int]:
        """Each published feed's change count (``feed_generations``, kept by triggers)."""
        return {str(k): int(n) for k, n in self.db.execute("SELECT key, n FROM feed_generations")}

    def count_stories(self, query: StoryQuery) -> int:
        key = feed_key(query)
        if key is not None:
            return int(self._scalar("SELECT n FROM feed_sizes WHERE key = ?", [key]) or 0)
        where, params = self._where(query)
        return int(self._scalar(f"SELECT count(*) FROM stories s WHERE {where}", params))

    def facets(self) -> Facets:
        def keys(kind: str) -> list[dict[str, Any]]:  # kind "company": "company:" ... "company;"
            return self._query(
                "SELECT substr(key, ?) AS value, label, n FROM feed_sizes "
                "WHERE key > ? AND key < ? AND n > 0 ORDER BY key",
                [len(kind) + 2, f"{kind}:", f"{kind};"],
            )

        companies = tuple(Company(r["value"], r["label"], r["n"]) for r in keys("company"))
        types = tuple(r["value"] for r in keys("deal"))
        tags = tuple(r["value"] for r in keys("tag"))
        investors = tuple(Company(r["value"], r["label"], r["n"]) for r in keys("investor"))
        return Facets(companies=companies, deal_types=types, tags=tags, investors=investors)

    def brief_stories(self, days: float) -> list[Story]:
        """The curated deal stories whose news time is within ``days`` of the newest one's,
        in news-time order (what the deals brief lists; index ``stories_deal_news``)."""
        return self.stories_from_rows(self._brief_rows("*", days))

    def brief_versions(self, days: float) -> list[tuple[int, str, str]]:
        """(id, updated, news time) of :meth:`brief_stories`, read without loading them: a
        brief period is rendered again only when these change."""
        return [
            (r["id"], r["updated_at"], r["news_at"])
            for r in self._brief_rows("id, updated_at, news_at", days)
        ]

    def brief_stories_of(self, ids: Sequence[int]) -> list[Story]:
        """The stories of the brief periods that changed (by id, as :meth:`stories`)."""
        return self.stories(ids)

    def _brief_rows(self, columns: str, days: float) -> list[dict[str, Any]]:
        live = "merged_into IS NULL AND deal_type IS NOT NULL"
        newest = self._query(f"SELECT max(news_at) AS t FROM stories WHERE {live}")[0]["t"]
        if newest is None:
            return []
        since = _rows.ts(datetime.fromisoformat(newest) - timedelta(days=days))
        return self._query(
            f"SELECT {columns} FROM stories WHERE {live} AND news_at >= ? "
            "AND curated ORDER BY news_at, id",
            [since],
        )

    def deal_volume_by_month(self) -> list[MonthVolume]:
        """Deal stories and disclosed dollars per month (kept by triggers: migration 0007)."""
        return [
            MonthVolume(r["month"], r["n"], float(r["usd"]))
            for r in self._query("SELECT month, n, usd FROM deal_months WHERE n > 0 ORDER BY month")
        ]

    def largest_deals(self, since: datetime, *, limit: int) -> list[tuple[int, str]]:
        """(id, updated) of the ``limit`` live deal stories with the largest disclosed
        amount (USD) whose news time is ``since`` or later, largest first (then the newer
        story). Each month (UTC) of news time from ``since``'s on (a month with deals has
        rows in ``deal_days``) gives its ``limit`` largest from the top of index
        ``stories_deal_month_usd`` (the first month only those from ``since``), and the
        largest of those are the answer: for a year, a few hundred index entries however
        many deals it holds and however old the largest amounts of the history are."""
        start = _rows.ts(since)
        if start is None:
            return []
        months = [
            str(r[0])
            for r in self.db.execute(
                "SELECT DISTINCT substr(day, 1, 7) FROM deal_days WHERE day >= ?",
                [start[:7]],
            )
        ]
        top = (
            "SELECT id, updated_at, deal_usd FROM stories INDEXED BY stories_deal_month_usd "
            "WHERE substr(news_at, 1, 7) = ? AND merged_into IS NULL "
            "AND deal_type IS NOT NULL AND deal_usd IS NOT NULL AND deal_usd > 0 "
            "AND news_at >= ? ORDER BY deal_usd DESC, id DESC LIMIT ?"
        )
        found: list[tuple[float, int, str]] = []
        for month in months:
            found.extend(
                (float(r[2]), int(r[0]), str(r[1]))
                for r in self.db.execute(top, [month, start, limit])
            )
        found.sort(key=lambda r: (r[0], r[1]), reverse=True)
        return [(story_id, updated) for _, story_id, updated in found[:limit]]

    def deal_facts(self, ids: Sequence[int]) -> list[PartyDeal]:
        """The deal facts, primary title and link of the live deal stories ``ids``, by news
        time then id, as a company's profile and timeline read them (no Story objects).
        Their versions are read first; only stories not read before at that version
        (``updated_at`` and news time) are read and parsed again."""
        if not ids:
            return []
        versions = self.db.execute(
            "SELECT id, updated_at, coalesce(news_at, created_at) FROM stories "
            "WHERE id IN (SELECT value FROM json_each(?)) AND merged_into IS NULL",
            [_story_writes.id_list(list(ids))],
        ).fetchall()
        memo = self._party_memo
        fresh = {
            r[0]: (r[1], r[2]) for r in versions if memo.get(r[0], ((), None))[0] != (r[1], r[2])
        }
        if len(memo) + len(fresh) > PARTY_MEMO:
            memo.clear()
            fresh = {r[0]: (r[1], r[2]) for r in versions}
        if fresh:
            for story_id, deal_json, title, link in self.db.execute(
                "SELECT s.id, s.deal_json, p.title, coalesce(p.link, p.original_link) "
                "FROM stories s LEFT JOIN entries p ON p.id = s.primary_entry_id "
                "WHERE s.id IN (SELECT value FROM json_each(?))",
                [_story_writes.id_list(list(fresh))],
            ):
                deal = _rows.deal_from_json(deal_json)
                version = fresh[story_id]
                memo[story_id] = (
                    version,
                    None
                    if deal is None
                    else PartyDeal(
                        id=story_id,
                        announced=_rows.dt(version[1]),  # type: ignore[arg-type]
                        deal=deal,
                        title=title or "",
                        url=link,
                        updated=version[0],
                    ),
                )
        out = []
        for story_id, updated, news in sorted(versions, key=lambda r: (r[2], r[0])):
            known = memo.get(story_id)
            if known is not None and known[1] is not None and known[0] == (updated, news):
                out.append(known[1])
        return out

    def deal_export_days(self) -> list[tuple[str, int]]:
        """(day, writes so far) of every day (UTC, of news time) that has held a live deal
        story, oldest first (kept by triggers: migration 0013): ``deals.csv`` and
        ``deals.ndjson`` render again only the rows of the days whose count moved."""
        return [
            (r[0], int(r[1])) for r in self.db.execute("SELECT day, n FROM deal_days ORDER BY day")
        ]

    def deal_export_rows(
        self, day: str | None = None, ids: Sequence[int] | None = None
    ) -> Iterator[DealExportRow]:
        """The live deal stories by news time, then id (all, or those of one ``day``; with
        ``ids``, only those), as the exports list them: one query of the columns they need
        (an index range of ``stories_deal_news``), read as it goes; no Story objects."""
        where, params = "", []
        if day is not None:  # "2026-11-24" <= news_at < "2026-11-24~"
            where, params = "AND s.news_at >= ? AND s.news_at < ? ", [day, day + "~"]
        if ids is not None:
            where += "AND s.id IN (SELECT value FROM json_each(?)) "
            params.append(_story_writes.id_list(list(ids)))
        cursor = self.db.execute(
            "SELECT s.id, s.news_at, s.deal_json, coalesce(p.link, p.original_link), p.feed, "
            "(SELECT json_group_array(feed) FROM (SELECT e.feed AS feed FROM entries e "
            "WHERE e.story_id = s.id GROUP BY e.feed ORDER BY min(e.pub_time), min(e.id))), "
            "s.updated_at "
            "FROM stories s LEFT JOIN entries p ON p.id = s.primary_entry_id "
            "WHERE s.merged_into IS NULL AND s.deal_type IS NOT NULL "
            f"AND s.news_at IS NOT NULL {where}ORDER BY s.news_at, s.id",
            params,
        )
        for story_id, news, deal_json, link, primary, outlets_json, updated in cursor:
            if not deal_json:
                continue
            outlets = [o for o in json.loads(outlets_json or "[]") if o is not None]
            if primary is not None:
                outlets = [primary] + [o for o in outlets if o != primary]
            yield DealExportRow(
                id=story_id,
                uri=self.story_uri(story_id),
                announced=_rows.dt(news),  # type: ignore[arg-type]
                deal=json.loads(deal_json),
                url=link,
                outlets=tuple(outlets),
                version=f"{updated}|{news}",
            )

    def deal_export_versions(self, day: str) -> list[tuple[int, str]]:
        """(id, version) of :meth:`deal_export_rows` of ``day``, in its order: the story's
        ``updated_at`` (every change of its facts, sources or primary moves it) and news
        time, from an index range of ``stories_deal_news``."""
        return [
            (int(r[0]), f"{r[1]}|{r[2]}")
            for r in self.db.execute(
                "SELECT id, updated_at, news_at FROM stories INDEXED BY stories_deal_news "
                "WHERE news_at >= ? AND news_at < ? AND merged_into IS NULL "
                "AND deal_type IS NOT NULL AND deal_json IS NOT NULL AND deal_json != '' "
                "ORDER BY news_at, id",
                [day, day + "~"],
            )
        ]

    # ------------------------------------------------------------------ runs

    def record_run(self, started: datetime, finished: datetime, report: dict[str, Any]) -> None:
        with self.write():
            self.db.execute(
                "INSERT INTO runs (started_at, finished_at, report_json) VALUES (?, ?, ?)",
                [_rows.ts(started), _rows.ts(finished), json.dumps(report, default=str)],
            )
            self.db.execute("DELETE FROM runs WHERE id <= (SELECT max(id) - 1000 FROM runs)")

    def last_run(self) -> RunRecord | None:
        """The newest run record (None before the first cycle)."""
        rows = self._query("SELECT * FROM runs ORDER BY id DESC LIMIT 1")
        if not rows:
            return None
        row = rows[0]
        report = json.loads(row["report_json"])
        return RunRecord(
            started_at=_when(row["started_at"]),
            finished_at=_when(row["finished_at"]),
            store_error=report.get("store_error"),
            publish_error=report.get("publish_error"),
            report=report,
        )


def _when(text: str) -> datetime:
    """A NOT NULL timestamp column as the datetime it was written from."""
    return datetime.fromisoformat(text)
