"""Local feed server → `aggregator update` → site files → parsed back by strict parsers."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from lxml import etree

from aggregator.runtime.cli import cli

from .conftest import FeedServer, rss, write_config

ATOM = "{http://www.w3.org/2005/Atom}"
DEAL_NS = "https://aggregator.dev/ns/deal/1.0"

STORY = [
    (
        "Outlet A",
        "Amazon to invest up to $4 billion in Anthropic",
        "https://a.example/2026/amazon-anthropic?utm_source=rss&utm_medium=feed",
        "Amazon will invest up to $4 billion in the AI startup Anthropic and take a minority "
        "stake.",
    ),
    (
        "Outlet B",
        "Amazon steps up AI race with up to $4 billion deal to invest in Anthropic",
        "https://b.example/news/amazon-steps-up-ai-race",
        "Amazon said it would invest up to $4 billion in Anthropic, the AI startup.",
    ),
    (
        "Outlet C",
        "Amazon and Anthropic partner with a $4B deal",
        "https://c.example/amazon-anthropic-4b",
        "Amazon will invest up to $4 billion in Anthropic under the agreement.",
    ),
]
OTHER = {
    "Outlet A": (
        "Nvidia unveils a faster data-centre chip",
        "https://a.example/nvidia-chip",
        "The new GPU doubles inference throughput, the company said.",
    ),
    "Outlet B": (
        "Mistral AI raises EUR 600 million Series B",
        "https://b.example/mistral-series-b",
        "The Paris startup raised 600 million euros in a Series B round.",
    ),
}


def _serve(server: FeedServer) -> list[dict[str, object]]:
    feeds = []
    for name, title, link, text in STORY:
        items = [{"title": title, "link": link, "description": text, "guid": link}]
        if name in OTHER:
            t, link, d = OTHER[name]
            items.append({"title": t, "link": link, "description": d, "guid": link})
        url = server.add(f"/{name[-1].lower()}.xml", rss(name, items))
        feeds.append({"name": name, "url": url})
    return feeds


def _update(config: Path) -> None:
    result = CliRunner().invoke(cli, ["--config", str(config), "update", "--all"])
    assert result.exit_code == 0, result.output + repr(result.exception)


def _entries(path: Path) -> list[etree._Element]:
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False)).getroot()
    return root.findall(f"{ATOM}entry")


def test_three_outlets_one_story_and_stable_ids(tmp_path: Path, feed_server: FeedServer) -> None:
    config = write_config(tmp_path, _serve(feed_server))
    _update(config)
    site = tmp_path / "data" / "site"
    entries = _entries(site / "all.atom")
    titles = sorted(e.findtext(f"{ATOM}title") for e in entries)
    assert len(entries) == 3, titles
    story = next(e for e in entries if "Anthropic" in e.findtext(f"{ATOM}title"))
    rels = [link.get("rel", "alternate") for link in story.findall(f"{ATOM}link")]
    assert rels.count("alternate") == 1 and rels.count("related") == 2
    related_titles = {
        link.get("title") for link in story.findall(f"{ATOM}link") if link.get("rel") == "related"
    }
    assert len(related_titles) == 2 and related_titles <= {"Outlet A", "Outlet B", "Outlet C"}
    hrefs = [link.get("href") for link in story.findall(f"{ATOM}link")]
    assert not any("utm_" in (h or "") for h in hrefs)

    parsed = feedparser.parse((site / "all.atom").read_bytes())
    assert parsed.bozo == 0 and len(parsed.entries) == 3
    ids_before = sorted(e.id for e in parsed.entries)
    bytes_before = (site / "all.atom").read_bytes()

    _update(config)  # everything is 304 now: nothing may change
    parsed = feedparser.parse((site / "all.atom").read_bytes())
    assert sorted(e.id for e in parsed.entries) == ids_before
    assert (site / "all.atom").read_bytes() == bytes_before


def test_deal_story_matches_output_contract(tmp_path: Path, feed_server: FeedServer) -> None:
    config = write_config(tmp_path, _serve(feed_server))
    _update(config)
    curated = _entries(tmp_path / "data" / "site" / "feed.atom")
    story = next(e for e in curated if "Anthropic" in e.findtext(f"{ATOM}title"))
    deal = story.find(f"{{{DEAL_NS}}}deal")
    assert deal is not None and deal.get("type") == "investment"
    amount = deal.find(f"{{{DEAL_NS}}}amount")
    assert amount.text == "4000000000" and amount.get("currency") == "USD"
    assert amount.get("qualifier") == "up to"
    parties = {p.get("role"): p.text for p in deal.findall(f"{{{DEAL_NS}}}party")}
    assert parties == {"investor": "Amazon", "target": "Anthropic"}
    terms = {c.get("term") for c in story.findall(f"{ATOM}category")}
    assert {"investment", "Amazon", "Anthropic"} <= terms or {"investment"} <= terms
    summary = story.findtext(f"{ATOM}summary")
    assert summary.startswith("Investment · Amazon → Anthropic · up to $4B")


def test_one_broken_feed_does_not_stop_the_others(tmp_path: Path, feed_server: FeedServer) -> None:
    feeds = _serve(feed_server)
    feeds.append(
        {
            "name": "Broken",
            "url": feed_server.add("/broken.xml", "<html>nope</html>", content_type="text/html"),
        }
    )
    feeds.append({"name": "Gone", "url": feed_server.add("/gone.xml", "", status=410)})
    config = write_config(tmp_path, feeds)
    _update(config)
    assert len(_entries(tmp_path / "data" / "site" / "all.atom")) == 3
    result = CliRunner().invoke(cli, ["--config", str(config), "feeds", "--json"])
    import json

    rows = {r["name"]: r for r in json.loads(result.output)}
    assert "not a feed" in rows["Broken"]["error"].lower() or rows["Broken"]["errors"] == 1
    assert rows["Gone"]["status"] == "410 Gone"
    assert rows["Outlet A"]["entries"] == 2


@pytest.mark.parametrize(
    "bad, message",
    [
        ("feeds: [{name: x}]\n", "feeds"),
        ("feeds:\n  - name: x\n    url: ftp://x\n", "feeds[0].url"),
    ],
)
def test_config_errors_exit_2_naming_line(tmp_path: Path, bad: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(bad)
    import subprocess
    import sys

    from aggregator.runtime.cli import main

    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from aggregator.runtime.cli import main; main()",
            "--config",
            str(path),
            "config",
            "check",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert str(path) in proc.stderr and message in proc.stderr
    assert main  # the entry point exists


def test_feeds_json_gives_the_whole_error_and_times_with_their_zone(tmp_path: Path) -> None:
    import json
    import socket
    from datetime import datetime, timedelta

    from aggregator.store import Store

    with socket.socket() as closed:  # nothing listens there once it is closed
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    url = f"http://127.0.0.1:{port}/a-feed-path-long-enough-for-a-long-error-message.xml"
    config = write_config(tmp_path, [{"name": "Broken", "url": url}])
    _update(config)
    # options after the subcommand, as before it
    result = CliRunner().invoke(cli, ["feeds", "--json", "--config", str(config)])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    with Store(tmp_path / "data" / "test.db") as store:
        error = store.feed_state("Broken").last_error
    assert error and len(error) > 60 and row["error"] == error
    for key in ("last_fetch", "next_fetch"):
        assert datetime.fromisoformat(row[key]).utcoffset() == timedelta(0)
    assert row["last_success"] is None
    table = CliRunner().invoke(cli, ["--config", str(config), "feeds"]).output
    assert error[:60] in table and error not in table
