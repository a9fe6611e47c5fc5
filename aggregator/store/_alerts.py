"""Alert tables: the state of each rule per story, the alerts fired, the delivery outbox, and
the corrections of published deals (migration 0012). Writes run inside the caller's write
transaction, except the delivery outcomes (each their own, short)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..models import (
    AlertEvent,
    AlertFacts,
    Delivery,
    DeliveryResult,
    FactChange,
    FactCorrection,
)
from . import _rows
from ._story_writes import chunks, id_list

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlite_utils import Database

DELIVERY_STATUSES = ("pending", "delivered", "failed", "dropped")


def changes_to_json(changes: Sequence[FactChange]) -> str:
    return json.dumps([[c.field, c.old, c.new] for c in changes], ensure_ascii=False)


def changes_from_json(text: str) -> tuple[FactChange, ...]:
    return tuple(FactChange(*item) for item in json.loads(text))


def _event(row: dict[str, Any]) -> AlertEvent:
    return AlertEvent(
        id=row["id"],
        rule=row["rule"],
        story_id=row["story_id"],
        seq=row["seq"],
        kind=row["kind"],
        changes=changes_from_json(row["changes_json"]),
        deal=_rows.deal_from_json(row["deal_json"]),  # type: ignore[arg-type]
        title=row["title"],
        link=row["link"],
        outlet=row["outlet"],
        outlet_feed=row["outlet_feed"],
        story_uri=row["story_uri"],
        fired_at=_rows.when(row["fired_at"]),
    )


class AlertStore:
    """Mixin of Store: everything about alerts (needs ``rows``, ``write``, ``db``)."""

    db: Database

    def _query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def write(self) -> AbstractContextManager[Database]:
        raise NotImplementedError

    # ------------------------------------------------------------------ deciding

    def alert_facts(self, story_ids: Sequence[int]) -> list[AlertFacts]:
        """For each live story: its deal and tags, its primary report's title, link, outlet
        and the outlet's feed URL, and its URI: what an alert about it says."""
        out: list[AlertFacts] = []
        for chunk in chunks(story_ids):
            for row in self._query(
                "SELECT s.id, s.deal_json, s.tags_json, e.title, "
                "coalesce(e.link, e.original_link) AS link, e.feed AS outlet, f.url AS feed_url "
                "FROM stories s JOIN entries e ON e.id = s.primary_entry_id "
                "LEFT JOIN feeds f ON f.name = e.feed "
                "WHERE s.id IN (SELECT value FROM json_each(?)) AND s.merged_into IS NULL "
                "ORDER BY s.id",
                [id_list(chunk)],
            ):
                out.append(
                    AlertFacts(
                        id=row["id"],
                        deal=_rows.deal_from_json(row["deal_json"]),
                        tags=tuple(json.loads(row["tags_json"] or "[]")),
                        title=row["title"],
                        link=row["link"],
                        outlet=row["outlet"],
                        feed_url=row["feed_url"],
                        uri=self.story_uri(row["id"]),  # type: ignore[attr-defined]
                    )
                )
        return out

    def alert_states(self, story_ids: Sequence[int]) -> dict[tuple[str, int], tuple[int, str]]:
        """(rule, story) -> (alerts fired so far, facts last alerted as JSON)."""
        out: dict[tuple[str, int], tuple[int, str]] = {}
        for chunk in chunks(story_ids):
            for rule, story_id, seq, facts in self.db.execute(
                "SELECT rule, story_id, seq, facts_json FROM alert_state WHERE story_id IN "
                "(SELECT value FROM json_each(?))",
                [id_list(chunk)],
            ):
                out[(rule, story_id)] = (seq, facts)
        return out

    def save_alert_states(self, states: Sequence[tuple[str, int, int, str]]) -> None:
        """(rule, story, seq, facts JSON) rows, inside the caller's write."""
        self.db.conn.executemany(
            "INSERT INTO alert_state (rule, story_id, seq, facts_json) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (rule, story_id) DO UPDATE SET seq = excluded.seq, "
            "facts_json = excluded.facts_json",
            states,
        )

    def add_alert(self, event: AlertEvent, targets: Sequence[str], now: datetime) -> int:
        """Record an alert and queue one delivery per webhook target (inside the caller's
        write: the same transaction as the story change it is about). Its id."""
        cursor = self.db.execute(
            "INSERT INTO alert_events (rule, story_id, seq, kind, changes_json, deal_json, "
            "title, link, outlet, outlet_feed, story_uri, fired_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                event.rule,
                event.story_id,
                event.seq,
                event.kind,
                changes_to_json(event.changes),
                _rows.deal_to_json(event.deal),
                event.title,
                event.link,
                event.outlet,
                event.outlet_feed,
                event.story_uri,
                _rows.ts(event.fired_at),
            ],
        )
        event_id = int(cursor.lastrowid)  # type: ignore[arg-type]
        seen = _rows.ts(now)
        self.db.conn.executemany(
            "INSERT INTO alert_outbox (event_id, target, next_at, created_at) VALUES (?, ?, ?, ?)",
            [(event_id, target, seen, seen) for target in targets],
        )
        return event_id

    def add_corrections(
        self, rows: Sequence[tuple[int, Sequence[FactChange]]], now: datetime
    ) -> None:
        """Corrections of published deals (story, changes), inside the caller's write."""
        self.db.conn.executemany(
            "INSERT INTO story_corrections (story_id, at, changes_json) VALUES (?, ?, ?)",
            [(story_id, _rows.ts(now), changes_to_json(changes)) for story_id, changes in rows],
        )

    def corrections_of(self, story_ids: Sequence[int]) -> dict[int, list[FactCorrection]]:
        out: dict[int, list[FactCorrection]] = {}
        for chunk in chunks(story_ids):
            for story_id, at, changes in self.db.execute(
                "SELECT story_id, at, changes_json FROM story_corrections WHERE story_id IN "
                "(SELECT value FROM json_each(?)) ORDER BY story_id, id",
                [id_list(chunk)],
            ):
                out.setdefault(story_id, []).append(
                    FactCorrection(_rows.when(at), changes_from_json(changes))
                )
        return out

    def move_alert_state(self, keep: int, drop: int) -> None:
        """A merge: the kept story inherits what was alerted and corrected about the
        dropped one (so the same deal does not alert again under the kept story's id)."""
        self.db.execute(
            "INSERT OR IGNORE INTO alert_state (rule, story_id, seq, facts_json) "
            "SELECT rule, ?, seq, facts_json FROM alert_state WHERE story_id = ?",
            [keep, drop],
        )
        self.db.execute(
            "UPDATE story_corrections SET story_id = ? WHERE story_id = ?", [keep, drop]
        )

    # ------------------------------------------------------------------ publishing

    def alert_events(self, rule: str, *, limit: int) -> list[AlertEvent]:
        """The newest alerts of ``rule``, newest first."""
        return [
            _event(r)
            for r in self._query(
                "SELECT * FROM alert_events WHERE rule = ? ORDER BY id DESC LIMIT ?", [rule, limit]
            )
        ]

    def alert_count(self, rule: str) -> int:
        return int(
            self.db.execute("SELECT count(*) FROM alert_events WHERE rule = ?", [rule]).fetchone()[
                0
            ]
        )

    # ------------------------------------------------------------------ delivering

    def due_deliveries(self, now: datetime, limit: int = 200) -> list[Delivery]:
        """Pending deliveries whose time has come, oldest first."""
        return self._deliveries(
            "o.status = 'pending' AND o.next_at <= ?", [_rows.ts(now)], limit, "o.next_at, o.id"
        )

    def deliveries(self, statuses: Sequence[str], limit: int = 100) -> list[Delivery]:
        """Deliveries with one of ``statuses``, newest first."""
        return self._deliveries(
            "o.status IN (SELECT value FROM json_each(?))",
            [json.dumps(list(statuses))],
            limit,
            "o.id DESC",
        )

    def _deliveries(self, where: str, params: list[Any], limit: int, order: str) -> list[Delivery]:
        rows = self._query(
            "SELECT o.id AS delivery_id, o.target, o.status, o.attempts, o.next_at, "
            "o.last_error, o.created_at, e.* FROM alert_outbox o "
            f"JOIN alert_events e ON e.id = o.event_id WHERE {where} ORDER BY {order} LIMIT ?",
            [*params, limit],
        )
        return [
            Delivery(
                id=r["delivery_id"],
                event=_event(r),
                target=r["target"],
                status=r["status"],
                attempts=r["attempts"],
                next_at=_rows.dt(r["next_at"]),
                last_error=r["last_error"],
                created_at=_rows.when(r["created_at"]),
            )
            for r in rows
        ]

    def record_delivery(
        self, result: DeliveryResult, status: str, next_at: datetime | None, now: datetime
    ) -> None:
        """The outcome of one attempt: ``status`` pending (with ``next_at``), delivered,
        failed or dropped."""
        with self.write():
            self.db.execute(
                "UPDATE alert_outbox SET status = ?, attempts = attempts + ?, next_at = "
                "coalesce(?, next_at), last_status = ?, last_error = ?, done_at = ? "
                "WHERE id = ?",
                [
                    status,
                    0 if status == "dropped" else 1,
                    _rows.ts(next_at),
                    result.status,
                    result.error,
                    None if status == "pending" else _rows.ts(now),
                    result.delivery_id,
                ],
            )

    def delivery_counts(self) -> dict[str, int]:
        """Deliveries per status (every status, 0 when none)."""
        counts = dict.fromkeys(DELIVERY_STATUSES, 0)
        counts.update(
            {
                r[0]: r[1]
                for r in self.db.execute(
                    "SELECT status, count(*) FROM alert_outbox GROUP BY status"
                )
            }
        )
        return counts
