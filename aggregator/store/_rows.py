"""Conversions between rows and the shared dataclasses (no SQL here)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

from ..models import Deal, Entry, EntryDeal, FeedState, Money, Party, Source, StoredEntry


def ts(value: datetime | None) -> str | None:
    """UTC ISO-8601 text that sorts chronologically."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")


def dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def when(value: str) -> datetime:
    """A timestamp of a NOT NULL column."""
    return datetime.fromisoformat(value)


def entry_values(entry: Entry) -> dict[str, Any]:
    return {
        "feed": entry.feed,
        "entry_key": entry.entry_key,
        "guid": entry.guid,
        "link": entry.link,
        "original_link": entry.original_link,
        "title": entry.title,
        "summary": entry.summary,
        "content_html": entry.content_html,
        "author": entry.author,
        "published": ts(entry.published),
        "updated": ts(entry.updated),
        "content_hash": entry.content_hash,
    }


def row_to_entry(row: Mapping[str, Any]) -> Entry:
    return Entry(
        feed=row["feed"],
        entry_key=row["entry_key"],
        guid=row["guid"],
        link=row["link"],
        title=row["title"],
        summary=row["summary"],
        content_html=row["content_html"],
        author=row["author"],
        published=dt(row["published"]),
        updated=dt(row["updated"]),
        content_hash=row["content_hash"],
        original_link=row["original_link"],
    )


def row_to_stored(row: Mapping[str, Any]) -> StoredEntry:
    return StoredEntry(
        id=row["id"],
        entry=row_to_entry(row),
        first_seen=when(row["first_seen"]),
        story_id=row["story_id"],
        feed_title=row["feed"],
    )


def row_to_source(row: Mapping[str, Any]) -> Source:
    return Source(
        entry_id=row["id"],
        feed=row["feed"],
        feed_url=row.get("feed_url"),
        title=row["title"],
        link=row["link"] or row["original_link"],
        published=dt(row["published"]),
        first_seen=when(row["first_seen"]),
    )


_STATE_TIMES = ("last_fetch_at", "last_success_at", "next_fetch_at")


def row_to_state(row: Mapping[str, Any], entry_count: int = 0) -> FeedState:
    return FeedState(
        name=row["name"],
        url=row["url"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_fetch_at=dt(row["last_fetch_at"]),
        last_success_at=dt(row["last_success_at"]),
        last_status=row["last_status"],
        last_error=row["last_error"],
        error_count=row["error_count"] or 0,
        next_fetch_at=dt(row["next_fetch_at"]),
        redirect_url=row["redirect_url"],
        redirect_count=row["redirect_count"] or 0,
        disabled=row["disabled"],
        entry_count=entry_count,
    )


def state_values(state: FeedState) -> dict[str, Any]:
    # By hand, as below: ``asdict``'s deep copy was most of saving a warm cycle's states
    values = {name: getattr(state, name) for name in _STATE_FIELDS}
    for key in _STATE_TIMES:
        values[key] = ts(values[key])
    return values


_STATE_FIELDS = tuple(f.name for f in fields(FeedState) if f.name != "entry_count")


def _money_dict(money: Money | None) -> dict[str, Any] | None:
    if money is None:
        return None
    return {
        "value": money.value,
        "currency": money.currency,
        "qualifier": money.qualifier,
        "high": money.high,
        "usd": money.usd,
        "text": money.text,
    }


def _party_dict(party: Party) -> dict[str, Any]:
    out: dict[str, Any] = {"name": party.name, "role": party.role, "slug": party.slug}
    if party.lead:  # only when set: readings stored before stay equal
        out["lead"] = True
    return out


def _deal_dict(deal: Deal) -> dict[str, Any]:
    # By hand: dataclasses.asdict deep-copies recursively and was 5% of a cold cycle.
    out: dict[str, Any] = {
        "type": deal.type,
        "status": deal.status,
        "amount": _money_dict(deal.amount),
        "valuation": _money_dict(deal.valuation),
        "round": deal.round,
        "parties": [_party_dict(p) for p in deal.parties],
        "evidence": deal.evidence,
        "rule": deal.rule,
    }
    if deal.also:  # only when set: a deal without others is stored as it always was
        out["also"] = [_deal_dict(d) for d in deal.also]
    return out


def deal_to_json(deal: Deal | None) -> str | None:
    return None if deal is None else json.dumps(_deal_dict(deal), sort_keys=True)


def _money(data: Mapping[str, Any] | None) -> Money | None:
    return None if data is None else Money(**data)


def deal_from_json(text: str | None) -> Deal | None:
    return _deal(json.loads(text)) if text else None


def _deal(data: Mapping[str, Any]) -> Deal:
    return Deal(
        type=data["type"],
        status=data.get("status"),
        amount=_money(data.get("amount")),
        valuation=_money(data.get("valuation")),
        round=data.get("round"),
        parties=tuple(Party(**p) for p in data.get("parties", ())),
        evidence=data.get("evidence", ""),
        rule=data.get("rule", ""),
        also=tuple(_deal(d) for d in data.get("also") or ()),  # absent in older rows
    )


def entry_deal_to_json(value: EntryDeal | None) -> str | None:
    if value is None:
        return None
    deal = _deal_dict(value.deal) if value.deal is not None else None
    return json.dumps({"v": value.version, "deal": deal}, sort_keys=True)


def entry_deal_from_json(text: str | None) -> EntryDeal | None:
    if not text:
        return None
    data = json.loads(text)
    deal = data.get("deal")
    return EntryDeal(version=data.get("v", ""), deal=_deal(deal) if deal else None)
