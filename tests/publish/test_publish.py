"""publish: the Atom / JSON feeds, the deal extension, paging and byte stability."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from aggregator.models import Money
from aggregator.publish import DEAL_NS, HISTORY_NS, publish_site, topic_urls
from tests.fake_reader import (
    BASE,
    T0,
    FakeReader,
    deal_line,
    investment,
    publish,
    sample,
    settings,
    story,
)

ATOM = "http://www.w3.org/2005/Atom"
NS = {"a": ATOM, "deal": DEAL_NS, "fh": HISTORY_NS}
RNG = Path(__file__).parents[1] / "data" / "atom.rng"


def parse(path: Path) -> etree._Element:
    return etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False))


def entry(root: etree._Element, story_id: int) -> etree._Element:
    found = root.xpath(f"a:entry[a:id='tag:aggregator.local,2026:story/{story_id}']", namespaces=NS)
    assert found, f"story {story_id} missing"
    return found[0]


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    publish(sample(), tmp_path)
    return tmp_path


def test_every_atom_file_is_valid(site: Path) -> None:
    schema = etree.RelaxNG(etree.parse(str(RNG)))
    files = sorted(site.rglob("*.atom"))
    assert len(files) >= 10
    for path in files:
        assert schema.validate(parse(path).getroottree()), (path, schema.error_log)
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        assert parsed.entries


def test_expected_files(site: Path) -> None:
    for rel in (
        "feed.atom",
        "feed.json",
        "all.atom",
        "all.json",
        "deals/investment.atom",
        "companies/amazon.atom",
        "companies/anthropic.json",
        "tags/chips.atom",
        "sources.opml",
        "subscriptions.opml",
        "index.html",
        "companies/amazon.html",
    ):
        assert (site / rel).is_file(), rel


def test_json_feed_mirrors_atom(site: Path) -> None:
    for atom in sorted(site.rglob("*.atom")):
        doc = json.loads(atom.with_suffix(".json").read_text("utf-8"))
        assert doc["version"] == "https://jsonfeed.org/version/1.1"
        assert doc["title"] and isinstance(doc["items"], list)
        ids = [item["id"] for item in doc["items"]]
        assert len(set(ids)) == len(ids) and all(isinstance(i, str) and i for i in ids)
        assert ids == parse(atom).xpath("a:entry/a:id/text()", namespaces=NS)
        for item in doc["items"]:
            assert item.get("content_html") or item.get("content_text")


def test_json_deal_object(site: Path) -> None:
    items = {i["id"]: i for i in json.loads((site / "all.json").read_text())["items"]}
    deal = items["tag:aggregator.local,2026:story/7"]["_deal"]
    assert deal["type"] == "investment" and deal["status"] == "announced"
    assert deal["amount"] == {
        "value": 4000000000,
        "currency": "USD",
        "qualifier": "up to",
        "usd": 4000000000,
        "text": "up to $4 billion",
    }
    assert isinstance(deal["amount"]["value"], int)
    assert [p["name"] for p in deal["parties"]] == ["Amazon", "Anthropic"]
    assert "_deal" not in items["tag:aggregator.local,2026:story/6"]


def test_deal_element(tmp_path: Path) -> None:
    deal = replace(investment(), valuation=Money(2.5, "EUR", usd=2.7))
    publish(FakeReader([story(1, deal=deal)]), tmp_path)
    elem = entry(parse(tmp_path / "feed.atom"), 1).find(f"{{{DEAL_NS}}}deal")
    assert elem is not None
    assert (elem.get("type"), elem.get("status")) == ("investment", "announced")
    amount = elem.find(f"{{{DEAL_NS}}}amount")
    assert amount is not None and amount.text == "4000000000"
    assert (amount.get("currency"), amount.get("qualifier")) == ("USD", "up to")
    valuation = elem.find(f"{{{DEAL_NS}}}valuation")
    assert valuation is not None and valuation.text == "2.5"
    assert (valuation.get("currency"), valuation.get("usd")) == ("EUR", "2.7")
    assert elem.findtext(f"{{{DEAL_NS}}}round") == "series-b"
    parties = [(p.get("role"), p.text) for p in elem.iterfind(f"{{{DEAL_NS}}}party")]
    assert parties == [("investor", "Amazon"), ("target", "Anthropic")]
    assert "invest up to $4 billion" in (elem.findtext(f"{{{DEAL_NS}}}evidence") or "")
    assert entry(parse(tmp_path / "all.atom"), 1).find(f"{{{DEAL_NS}}}deal") is not None


def test_entry_fields(site: Path) -> None:
    node = entry(parse(site / "archive/all/0.atom"), 3)
    links = {
        (ln.get("rel"), ln.get("href"), ln.get("title")) for ln in node.iterfind(f"{{{ATOM}}}link")
    }
    assert links == {
        ("alternate", "https://wire.example/news/30", None),
        ("related", "https://daily.example/news/31", "Daily"),
        ("related", "https://tech-news.example/news/32", "Tech News"),
    }
    assert node.findtext("a:published", namespaces=NS).startswith("2026-01-05T12:00:00")
    assert node.findtext("a:source/a:title", namespaces=NS) == "Wire"
    assert (
        node.find("a:source/a:link", namespaces=NS).get("href") == "https://wire.example/feed.xml"
    )
    cats = {
        (c.get("scheme"), c.get("term"), c.get("label"))
        for c in node.iterfind(f"{{{ATOM}}}category")
    }
    assert (BASE + "scheme/deal-type", "investment", None) in cats
    assert (BASE + "scheme/company", "amazon", "Amazon") in cats
    assert node.findtext("a:summary", namespaces=NS).startswith("DEAL investment\n")
    content = node.findtext("a:content", namespaces=NS)
    assert "Also reported by" in content and 'href="https://daily.example/news/31"' in content
    assert "<table>" in content and "up to $4B" in content
    tagged = entry(parse(site / "tags/chips.atom"), 5)
    assert (BASE + "scheme/tag", "chips") in {
        (c.get("scheme"), c.get("term")) for c in tagged.iterfind(f"{{{ATOM}}}category")
    }


def test_head_holds_newest_and_links_to_newest_full_archive(site: Path) -> None:
    root = parse(site / "all.atom")
    assert [e.split("/")[-1] for e in root.xpath("a:entry/a:id/text()", namespaces=NS)] == [
        "7",
        "6",
        "5",
    ]
    rels = {ln.get("rel"): ln.get("href") for ln in root.iterfind(f"{{{ATOM}}}link")}
    assert rels["self"] == rels["current"] == BASE + "all.atom"
    assert rels["prev-archive"] == BASE + "archive/all/1.atom"
    assert root.find("fh:archive", namespaces=NS) is None
    assert root.findtext("a:updated", namespaces=NS) == "2026-01-05T16:00:00+00:00"


def test_archive_pages(site: Path) -> None:
    assert not (site / "archive/all/2.atom").exists()  # only 7 stories: 2 full pages
    page = parse(site / "archive/all/1.atom")
    assert page.find("fh:archive", namespaces=NS) is not None
    ids = [e.split("/")[-1] for e in page.xpath("a:entry/a:id/text()", namespaces=NS)]
    assert ids == ["4", "5", "6"]
    rels = {ln.get("rel"): ln.get("href") for ln in page.iterfind(f"{{{ATOM}}}link")}
    assert rels["current"] == BASE + "all.atom"
    assert rels["prev-archive"] == BASE + "archive/all/0.atom"
    assert rels["next-archive"] == BASE + "archive/all/2.atom"
    assert "prev-archive" not in {
        ln.get("rel") for ln in parse(site / "archive/all/0.atom").iterfind(f"{{{ATOM}}}link")
    }


def test_archives_written_once(tmp_path: Path) -> None:
    reader = sample()
    publish(reader, tmp_path)
    page = tmp_path / "archive/all/0.atom"
    before, mtime = page.read_bytes(), page.stat().st_mtime_ns
    reader.replace(story(1, title="Changed later", updated=T0 + timedelta(days=9)))
    reader.add(story(8), story(9))
    report = publish(reader, tmp_path)
    assert page.read_bytes() == before and page.stat().st_mtime_ns == mtime
    assert "archive/all/0.atom" not in report.written
    assert "archive/all/2.atom" in report.written and "all.atom" in report.written
    assert (tmp_path / "archive/all/2.json").exists()


def test_republish_is_byte_identical(tmp_path: Path) -> None:
    reader = sample()
    first = publish(reader, tmp_path)
    snapshot = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    later = publish_site(
        reader,
        settings=settings(),
        out_dir=tmp_path,
        now=T0 + timedelta(days=3),
        deal_line=deal_line,
    )
    assert first.written and later.written == ()
    assert later.unchanged == len(snapshot)
    assert snapshot == {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}


def test_ids_stable_and_update_rewrites_only_heads(tmp_path: Path) -> None:
    reader = sample()
    publish(reader, tmp_path)
    ids = parse(tmp_path / "all.atom").xpath("a:entry/a:id/text()", namespaces=NS)
    reader.replace(
        story(
            7,
            deal=investment(),
            title="Amazon raises its bet",
            outlets=("Wire", "Daily"),
            updated=T0 + timedelta(days=1),
        )
    )
    report = publish(reader, tmp_path)
    assert parse(tmp_path / "all.atom").xpath("a:entry/a:id/text()", namespaces=NS) == ids
    assert {"all.atom", "all.json", "feed.atom", "index.html"} <= set(report.written)
    assert not [p for p in report.written if p.startswith("archive/")]
    assert (
        parse(tmp_path / "all.atom").findtext("a:updated", namespaces=NS).startswith("2026-01-06T")
    )
    assert topic_urls(report, settings())[:2] == [BASE + "feed.atom", BASE + "feed.json"]
    assert not [u for u in topic_urls(report, settings()) if "/archive/" in u]


def test_hostile_and_illegal_characters(tmp_path: Path) -> None:
    title = "<script>alert('x')</script> Evil \x00\x07 & Co"
    hostile = replace(
        story(1, title=title, deal=investment("Bad\x01Corp", "Target")),
        summary="sum\x0bmary </table>",
    )
    hostile = replace(hostile, primary=replace(hostile.primary, link="javascript:alert(1)"))
    publish(FakeReader([hostile]), tmp_path)
    node = entry(parse(tmp_path / "feed.atom"), 1)
    assert node.findtext("a:title", namespaces=NS) == "<script>alert('x')</script> Evil  & Co"
    assert node.find("a:link", namespaces=NS) is None
    assert "javascript:" not in (tmp_path / "feed.atom").read_text()
    assert "</table>" not in node.findtext("a:content", namespaces=NS).split("</table>", 1)[1]
    parsed = feedparser.parse((tmp_path / "feed.atom").read_bytes())
    assert parsed.bozo == 0
    item = json.loads((tmp_path / "feed.json").read_text())["items"][0]
    assert "\x00" not in item["title"] and "url" not in item


def test_empty_site_is_valid(tmp_path: Path) -> None:
    report = publish(FakeReader(), tmp_path)
    assert {"feed.atom", "all.atom", "index.html"} <= set(report.written)
    schema = etree.RelaxNG(etree.parse(str(RNG)))
    assert schema.validate(parse(tmp_path / "feed.atom").getroottree())
    assert feedparser.parse((tmp_path / "all.atom").read_bytes()).bozo == 0
    assert publish(FakeReader(), tmp_path).written == ()
