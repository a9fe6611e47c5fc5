"""deals.csv and deals.ndjson through real cycles: read back with the csv and json modules
they hold what the Atom ``deal:deal`` elements of the same stories say, in news-time order;
the same bytes when published again; nothing read when no deal story changed; a change
rewrites them."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from aggregator.models import FeedSettings, Settings
from aggregator.publish._exports import COLUMNS, join_list, split_list
from aggregator.store import Store

from .. import factories
from ..conftest import NOW, FeedServer, rss

ATOM = "{http://www.w3.org/2005/Atom}"
DEAL = "{https://aggregator.dev/ns/deal/1.0}"
EARLY = "Mon, 23 Nov 2026 10:00:00 GMT"
LATER = "Tue, 24 Nov 2026 08:00:00 GMT"

A_ITEMS = [
    ("Amazon will invest up to $4 billion in Anthropic", "https://a.example/1", LATER),
    (
        "Mistral AI raises €600 million Series B led by General Catalyst",
        "https://a.example/2",
        EARLY,
    ),
    ("OpenAI hires a new head of research", "https://a.example/3", LATER),
]
B_ITEMS = [("Amazon to invest up to $4 billion in Anthropic", "https://b.example/1", LATER)]


def settings_for(tmp_path: Path, server: FeedServer) -> Settings:
    return factories.settings(
        tmp_path,
        FeedSettings(name="Outlet A", url=server.url("/A.xml")),
        FeedSettings(name="Outlet; B", url=server.url("/B.xml")),
    )


def serve(
    server: FeedServer, a: list[tuple[str, str, str]], b: list[tuple[str, str, str]] = B_ITEMS
) -> None:
    for path, items in (("/A.xml", a), ("/B.xml", b)):
        server.add(
            path, rss(path, [{"title": t, "link": link, "date": date} for t, link, date in items])
        )


def cycle(settings: Settings, store: Store, hours: int) -> None:
    factories.cycle(settings, store, NOW + timedelta(hours=hours), all_feeds=True)


def read_csv(site: Path) -> list[dict[str, str]]:
    text = (site / "deals.csv").read_bytes().decode("utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def read_ndjson(site: Path) -> list[dict[str, Any]]:
    lines = (site / "deals.ndjson").read_bytes().decode("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def atom_deals(site: Path) -> dict[str, dict[str, Any]]:
    """What all.atom says of each deal story, by entry id."""
    out = {}
    for entry in etree.fromstring((site / "all.atom").read_bytes()).iter(f"{ATOM}entry"):
        elem = entry.find(f"{DEAL}deal")
        if elem is None:
            continue
        links = [
            link.get("href") for link in entry.iter(f"{ATOM}link") if link.get("rel") == "alternate"
        ]
        out[entry.findtext(f"{ATOM}id")] = {
            "published": entry.findtext(f"{ATOM}published"),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
            "related": [
                link.get("title")
                for link in entry.iter(f"{ATOM}link")
                if link.get("rel") == "related"
            ],
            "url": links[0] if links else None,
            "deal": elem,
        }
    return out


def _money(elem: Any, name: str) -> tuple[str, str, str]:
    """(value, currency, usd) as the Atom element gives them ("" when absent)."""
    node = elem.find(f"{DEAL}{name}")
    if node is None:
        return "", "", ""
    usd = node.get("usd") or (node.text if node.get("currency") == "USD" else "")
    return node.text or "", node.get("currency") or "", usd or ""


def test_exports_say_what_the_atom_deals_say(tmp_path: Path, feed_server: FeedServer) -> None:
    settings = settings_for(tmp_path, feed_server)
    serve(feed_server, A_ITEMS)
    with Store(settings.database) as store:
        cycle(settings, store, 0)
    site = settings.output
    rows, records, atom = read_csv(site), read_ndjson(site), atom_deals(site)
    assert len(rows) == len(records) == len(atom) == 2
    assert [r["story_uri"] for r in rows] == [r["story_uri"] for r in records]
    assert set(r["story_uri"] for r in rows) == set(atom)
    # by news time, then id: the Monday deal first
    assert [r["announced"] for r in records] == sorted(r["announced"] for r in records)
    assert records[0]["announced"] == "2026-11-23T10:00:00Z"
    for row, record in zip(rows, records):
        seen = atom[row["story_uri"]]
        elem = seen["deal"]
        assert row["story_uri"] == record["story_uri"]
        assert row["story_uri"].endswith(f":story/{row['story_id']}")
        assert int(row["story_id"]) == record["story_id"]
        assert row["announced"] == record["announced"]
        assert row["announced"].replace("Z", "+00:00") == seen["published"].replace("Z", "+00:00")
        assert row["type"] == record["type"] == elem.get("type")
        assert row["status"] == (record["status"] or "") == (elem.get("status") or "")
        assert row["round"] == (record["round"] or "") == (elem.findtext(f"{DEAL}round") or "")
        amount = _money(elem, "amount")
        assert (row["amount"], row["currency"], row["amount_usd"]) == amount
        assert record["amount"] == (float(amount[0]) if amount[0] else None)
        assert record["currency"] == (amount[1] or None)
        assert record["amount_usd"] == (float(amount[2]) if amount[2] else None)
        qualifier = elem.find(f"{DEAL}amount").get("qualifier") or ""
        assert row["amount_qualifier"] == (record["amount_qualifier"] or "") == qualifier
        valuation = _money(elem, "valuation")
        assert (row["valuation"], row["valuation_currency"]) == valuation[:2]
        parties = [
            {
                "role": p.get("role"),
                "name": p.text,
                "slug": p.get("slug") or "",
                "lead": p.get("lead") == "true",
            }
            for p in elem.iter(f"{DEAL}party")
        ]
        assert parties and record["parties"] == parties
        assert split_list(row["parties"]) == [f"{p['role']}:{p['name']}" for p in parties]
        leads = [p["name"] for p in parties if p["lead"]]
        assert split_list(row["lead_investors"]) == record["lead_investors"] == leads
        assert row["url"] == (record["url"] or "") == (seen["url"] or "")
        outlets = [seen["author"], *seen["related"]]
        assert split_list(row["outlets"]) == record["outlets"] == outlets
    anthropic = next(r for r in records if r["url"] == "https://a.example/1")
    assert anthropic["type"] == "investment" and anthropic["amount"] == 4e9
    assert anthropic["amount_qualifier"] == "up to"
    assert anthropic["outlets"] == ["Outlet A", "Outlet; B"]  # ";" survives the CSV
    mistral = next(r for r in records if r["url"] == "https://a.example/2")
    assert mistral["currency"] == "EUR" and mistral["lead_investors"] == ["General Catalyst"]
    index = (site / "index.html").read_text()
    assert '<a href="deals.csv">deals.csv</a>' in index
    assert '<a href="deals.ndjson">deals.ndjson</a>' in index


def test_unchanged_deals_are_not_read_and_a_change_rewrites(
    tmp_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_for(tmp_path, feed_server)
    site = settings.output
    serve(feed_server, A_ITEMS, [])
    with Store(settings.database) as store:
        cycle(settings, store, 0)
        before = {n: (site / n).read_bytes() for n in ("deals.csv", "deals.ndjson")}
        stamps = {n: (site / n).stat().st_mtime_ns for n in before}

        def read(self: Store) -> Any:
            raise AssertionError("the deal stories were read though none changed")

        monkeypatch.setattr(Store, "deal_export_rows", read)
        cycle(settings, store, 1)  # nothing new: skipped, same files
        assert {n: (site / n).read_bytes() for n in before} == before
        assert {n: (site / n).stat().st_mtime_ns for n in before} == stamps
        monkeypatch.undo()
        (site / "deals.csv").unlink()  # a file gone: written again
        cycle(settings, store, 2)
        assert {n: (site / n).read_bytes() for n in before} == before
        # another outlet joins a deal story (its updated time moves): rewritten
        serve(feed_server, A_ITEMS, B_ITEMS)
        cycle(settings, store, 3)
        after = read_ndjson(site)
        assert {n: (site / n).read_bytes() for n in before} != before
        assert next(r for r in after if r["url"] == "https://a.example/1")["outlets"] == [
            "Outlet A",
            "Outlet; B",
        ]
        # a new deal: a new row, in news-time order; only its day's rows are read again
        days: list[str | None] = []
        asked: list[Any] = []
        real = Store.deal_export_rows

        def counted(self: Store, day: str | None = None, ids: Any = None) -> Any:
            days.append(day)
            asked.append(ids)
            return real(self, day, ids)

        monkeypatch.setattr(Store, "deal_export_rows", counted)
        serve(
            feed_server,
            [*A_ITEMS, ("Quillon AI raises $120 million Series B", "https://a.example/4", EARLY)],
            B_ITEMS,
        )
        cycle(settings, store, 4)
        assert days == ["2026-11-23"]
        # and of that day, only the new story's row: the others are taken from the files
        assert [len(ids) for ids in asked] == [1]
        monkeypatch.undo()
        again = read_ndjson(site)
        assert len(again) == 3 and len(read_csv(site)) == 3
        assert sum(r["announced"].startswith("2026-11-23") for r in again) == 2  # 1 kept
        assert [(r["announced"], r["story_id"]) for r in again] == sorted(
            (r["announced"], r["story_id"]) for r in again
        )
        # from scratch (no state, no files): the same bytes
        now = {n: (site / n).read_bytes() for n in before}
        for name in (*before, ".publish-state.json"):
            (site / name).unlink()
        cycle(settings, store, 5)
        assert {n: (site / n).read_bytes() for n in before} == now


def test_list_cells_round_trip() -> None:
    items = ["investor:A; B", "target:C\\D", "", "acquirer:E"]
    assert split_list(join_list(items)) == items
    assert join_list(["a", "b"]) == "a;b" and split_list("") == []


def test_a_reader_without_the_export_queries(tmp_path: Path) -> None:
    from tests.fake_reader import publish, sample

    publish(sample(), tmp_path)
    records = read_ndjson(tmp_path)
    assert records and all(r["type"] for r in records)
    assert len(read_csv(tmp_path)) == len(records)


def test_an_older_database_gets_its_deal_days(tmp_path: Path, feed_server: FeedServer) -> None:
    settings = settings_for(tmp_path, feed_server)
    serve(feed_server, A_ITEMS)
    with Store(settings.database) as store:
        cycle(settings, store, 0)
        days = store.deal_export_days()
        assert [day for day, _ in days] == ["2026-11-23", "2026-11-24"]
        with store.write():
            for name in ("insert", "delete", "update_old", "update_new"):
                store.db.execute(f"DROP TRIGGER deal_days_{name}")
            store.db.execute("DROP TABLE deal_days")
            store.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0013_deal_days'")
    with Store(settings.database) as again:
        assert [day for day, _ in again.deal_export_days()] == [day for day, _ in days]
        before = (settings.output / "deals.ndjson").read_bytes()
        cycle(settings, again, 1)  # other counts: the days are read again, same bytes
        assert (settings.output / "deals.ndjson").read_bytes() == before


def test_a_failed_file_assembly_keeps_the_last_state_and_the_next_publish_mends(
    tmp_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copying of the unchanged days' rows runs in a thread while the rest of the site
    is made: when it fails, the publish fails with the error (the state file stays as the
    last publish left it) and the next one writes the files the stories give."""
    from aggregator.deals import format_deal_line
    from aggregator.errors import PublishError
    from aggregator.publish import _write, publish_site

    settings = settings_for(tmp_path, feed_server)
    site = settings.output
    serve(feed_server, A_ITEMS, [])
    newer = [*A_ITEMS, ("Quillon AI raises $120 million Series B", "https://a.example/4", LATER)]
    with Store(settings.database) as store:
        cycle(settings, store, 0)
        state = (site / ".publish-state.json").read_bytes()
        serve(feed_server, newer, [])

        def broken(self: Any, offset: int, length: int) -> None:
            raise PublishError("deals.csv: cannot write: disk full (test)")

        monkeypatch.setattr(_write.Parts, "copy", broken)
        cycle_now = NOW + timedelta(hours=1)
        factories.cycle(settings, store, cycle_now, all_feeds=True, publish=False)
        with pytest.raises(PublishError, match="disk full"):
            publish_site(
                store, settings=settings, out_dir=site, now=cycle_now, deal_line=format_deal_line
            )
        assert (site / ".publish-state.json").read_bytes() == state
        monkeypatch.undo()
        cycle(settings, store, 2)
        got = {n: (site / n).read_bytes() for n in ("deals.csv", "deals.ndjson")}
        assert len(read_ndjson(site)) == 3
        for name in (*got, ".publish-state.json"):
            (site / name).unlink()
        cycle(settings, store, 3)  # from scratch: the same bytes
        assert {n: (site / n).read_bytes() for n in got} == got
