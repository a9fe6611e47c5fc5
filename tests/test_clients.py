"""The published site against real clients: newsboat (feeds) and headless Chromium (pages).

Each test builds a site with the real pipeline from local feeds, serves it with the real
`aggregator serve` process on 127.0.0.1 and points an unmodified client at it. A missing
client skips the test locally and fails it when CI=true (tests/clients/install.sh).
"""

from __future__ import annotations

import asyncio
import io
import json
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
import yaml
from lxml import etree

from .clients import chromium, png
from .clients.newsboat import Item, Newsboat
from .clients.requirements import require
from .clients.service import Server, aggregator, free_port, get, old_aggregator
from .conftest import FeedServer, rss

ATOM = "{http://www.w3.org/2005/Atom}"
ARTIFACTS = Path(__file__).parent / "artifacts"
EXAMPLES = Path(__file__).parent.parent / "examples"


# --------------------------------------------------------------------------- the site


def _date(hours_ago: float) -> str:
    return format_datetime(datetime.now(UTC) - timedelta(hours=hours_ago), usegmt=True)


def _item(title: str, link: str, text: str, hours_ago: float) -> dict[str, str]:
    return {
        "title": title,
        "link": link,
        "guid": link,
        "description": text,
        "date": _date(hours_ago),
    }


OUTLETS = {
    "Outlet A": [
        _item(
            "Amazon to invest up to $4 billion in Anthropic",
            "https://a.example/2026/amazon-anthropic?utm_source=rss",
            "Amazon will invest up to $4 billion in the AI startup Anthropic.",
            5,
        ),
        _item(
            "Nvidia unveils a faster data-centre chip",
            "https://a.example/nvidia-chip",
            "The new GPU doubles inference throughput, the company said.",
            4,
        ),
    ],
    "Outlet B": [
        _item(
            "Amazon steps up AI race with up to $4 billion deal to invest in Anthropic",
            "https://b.example/news/amazon-steps-up-ai-race",
            "Amazon said it would invest up to $4 billion in Anthropic.",
            4.5,
        ),
        _item(
            "Mistral AI raises EUR 600 million Series B",
            "https://b.example/mistral-b",
            "The Paris startup raised 600 million euros in a Series B round.",
            3,
        ),
    ],
}

# Three reports of one funding round. A and B share too little to be one story; C matches
# both (B above the join threshold, A above the merge threshold), so C's arrival folds B's
# story into A's older one (pipeline: "1 merged").
QUILLON = {
    "Outlet A": _item("Quillon AI raises $120 million", "https://a.example/quillon", "", 3),
    # names no company the round is for: not matched to A by words or by who and what
    "Outlet B": _item(
        "Northwind Capital leads $120 million round", "https://b.example/quillon-northwind", "", 2
    ),
    "Outlet C": _item(
        "Quillon AI raises $120 million in funding led by Northwind Capital",
        "https://c.example/quillon-round",
        "",
        1,
    ),
}


@dataclass
class Site:
    config: Path
    output: Path
    server: Server
    tmp: Path

    def write_config(self, feeds: list[dict[str, object]]) -> None:
        port = int(self.server.base.rsplit(":", 1)[1])
        data = {
            "site": {
                "title": "Client test deals",
                "base_url": f"{self.server.base}/",
                "author": "tests",
                "id_authority": "clients.test,2026",
            },
            "database": "data/test.db",
            "output": "data/site",
            "allow_private_networks": True,
            "server": {"host": "127.0.0.1", "port": port},
            "feeds": feeds,
        }
        self.config.write_text(yaml.safe_dump(data, sort_keys=False))

    def update(self) -> str:
        return aggregator(self.config, "update", "--all")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    port = free_port()
    server = Server(tmp_path / "feeds.yaml", port, tmp_path / "serve.log")
    built = Site(tmp_path / "feeds.yaml", tmp_path / "data" / "site", server, tmp_path)
    try:
        yield built
    finally:
        server.stop()


def _publish_feeds(
    feed_server: FeedServer,
    items: dict[str, list[dict[str, str]]],
) -> list[dict[str, object]]:
    feeds: list[dict[str, object]] = []
    for name, entries in items.items():
        url = feed_server.add(f"/{name[-1].lower()}.xml", rss(name, entries))
        feeds.append({"name": name, "url": url})
    return feeds


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    link: str
    related: tuple[str, ...]


def _served_entries(server: Server, path: str) -> list[Entry]:
    resp = get(server.url(path))
    assert resp.status == 200, path
    root = etree.fromstring(resp.body, etree.XMLParser(resolve_entities=False))
    out = []
    for e in root.findall(f"{ATOM}entry"):
        links = e.findall(f"{ATOM}link")
        alternate = [x.get("href") for x in links if x.get("rel", "alternate") == "alternate"]
        related = tuple(x.get("href") for x in links if x.get("rel") == "related")
        out.append(
            Entry(
                e.findtext(f"{ATOM}id"),
                e.findtext(f"{ATOM}title"),
                alternate[0] if alternate else "",
                related,
            )
        )  # a brief day: none
    return out


def _as_items(entries: list[Entry], feed_url: str) -> set[Item]:
    return {Item(e.id, e.title, e.link, feed_url) for e in entries}


# --------------------------------------------------------------------------- newsboat


@pytest.fixture
def newsboat_bin() -> str:
    return require("newsboat")


@pytest.fixture
def chromium_bin() -> str:
    return require("chromium")


def test_a_missing_client_skips_locally_and_fails_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-such-reader is not installed"):
        require("no-such-reader")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must install it"):
        require("no-such-reader")


def test_newsboat_shows_each_story_once_with_stable_ids(
    site: Site, feed_server: FeedServer, newsboat_bin: str
) -> None:
    site.write_config(_publish_feeds(feed_server, OUTLETS))
    site.update()
    site.server.start()
    everything = _served_entries(site.server, "/all.atom")
    assert len(everything) == 3  # the Amazon/Anthropic reports are one story
    for path in ("/feed.atom", "/all.atom"):
        url = site.server.url(path)
        reader = Newsboat(newsboat_bin, site.tmp / f"newsboat{path.replace('/', '-')}", [url])
        reader.reload()
        expected = _as_items(_served_entries(site.server, path), url)
        assert set(reader.items()) == expected and reader.unread() == len(expected)
        rows = reader.row_count()
        reader.reload()  # downloaded again; now newsboat keeps the validators
        assert all(lm and etag for lm, etag in reader.validators())
        reader.reload()  # conditional GET: 304 Not Modified
        reader.forget_validators()
        reader.reload()  # full download and parse: same ids, no new items
        assert reader.row_count() == rows and set(reader.items()) == expected

    # Both feeds in one profile: newsboat keys its cache on the entry id, so a story in
    # both feeds (same atom:id) is one item, never a duplicate.
    reader = Newsboat(
        newsboat_bin,
        site.tmp / "newsboat-both",
        [site.server.url("/feed.atom"), site.server.url("/all.atom")],
    )
    reader.reload()
    before = set(reader.items())
    assert sorted(i.guid for i in before) == sorted(e.id for e in everything)

    shutil.rmtree(site.output)  # (a) rebuild the site from the database alone
    assert "files written" in aggregator(site.config, "publish")
    reader.forget_validators()
    reader.reload()
    assert reader.row_count() == len(before) and set(reader.items()) == before

    site.server.stop()  # (b) restart the service
    site.server.start()
    reader.forget_validators()
    reader.reload()
    assert reader.row_count() == len(before) and set(reader.items()) == before


def test_newsboat_keeps_one_item_when_stories_merge(
    site: Site, feed_server: FeedServer, newsboat_bin: str
) -> None:
    feeds: dict[str, list[dict[str, str]]] = {"Outlet A": [QUILLON["Outlet A"]]}
    site.write_config(_publish_feeds(feed_server, feeds))
    assert "1 new stories" in site.update()
    site.server.start()
    url = site.server.url("/all.atom")
    reader = Newsboat(newsboat_bin, site.tmp / "newsboat", [url])
    reader.reload()
    (first,) = _served_entries(site.server, "/all.atom")

    feeds["Outlet B"] = [QUILLON["Outlet B"]]  # a second report, not (yet) matched
    site.write_config(_publish_feeds(feed_server, feeds))
    assert "1 new stories, 0 joined, 0 merged" in site.update()
    reader.reload()
    shown = {item.guid for item in reader.items()}
    assert len(shown) == 2 and first.id in shown

    feeds["Outlet C"] = [QUILLON["Outlet C"]]  # the bridge: joins B, merges B into A
    site.write_config(_publish_feeds(feed_server, feeds))
    assert "0 new stories, 1 joined, 1 merged" in site.update()
    (story,) = _served_entries(site.server, "/all.atom")
    assert story.id == first.id  # the older story keeps its id
    assert set(story.related) == {QUILLON["Outlet B"]["link"], QUILLON["Outlet C"]["link"]}
    reader.forget_validators()
    reader.reload()
    assert {item.guid for item in reader.items()} == shown  # no new item for the story
    assert reader.row_count() == 2
    kept = reader.content(first.id)  # updated in place: the joiners show
    assert "Also reported by" in kept and all(link in kept for link in story.related)


# The last commit before stories were dated by their news (migration 0011_news_time): the
# "previous version" whose database and site a reader has already seen.
BEFORE_NEWS_TIME = "621bf76"
ROOT = Path(__file__).resolve().parent.parent


def _previous_version(into: Path) -> Path:
    """The ``aggregator`` package of BEFORE_NEWS_TIME, unpacked with ``git archive``; skips
    without git or that commit (a shallow clone, an unpacked tarball)."""
    try:
        blob = subprocess.run(
            ["git", "-C", str(ROOT), "archive", BEFORE_NEWS_TIME, "aggregator"],
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        pytest.skip(f"git history with commit {BEFORE_NEWS_TIME} is not available")
    into.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        tar.extractall(into, filter="data")
    return into


def _published(server: Server, path: str) -> dict[str, str]:
    resp = get(server.url(path))
    assert resp.status == 200, path
    root = etree.fromstring(resp.body, etree.XMLParser(resolve_entities=False))
    return {
        e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}published")
        for e in root.findall(f"{ATOM}entry")
    }


NEW_ITEM = """    <item>
      <title>Quillon opens a research lab in Tromso</title>
      <link>https://techwire.example/2026/12/01/quillon-tromso-lab</link>
      <guid isPermaLink="false">techwire-90001</guid>
      <pubDate>Tue, 01 Dec 2026 09:00:00 +0000</pubDate>
      <description>The lab will hire forty people this winter.</description>
    </item>
"""


def test_newsboat_sees_nothing_twice_across_the_upgrade(site: Site, newsboat_bin: str) -> None:
    """A reader of a site built by the previous version (every backlog story dated when first
    seen) has read everything; the current code then migrates that database (0011: stories
    dated by their news) and publishes: the reader finds nothing new, nothing twice."""
    old = _previous_version(site.tmp / "previous")
    _demo_site(site)
    served = ["/feed.atom", "/all.atom"]

    old_server = Server(
        site.config,
        int(site.server.base.rsplit(":", 1)[1]),
        site.tmp / "serve-old.log",
        pythonpath=old,
    )
    try:
        assert "files published" in old_aggregator(old, site.config, "update", "--all")
        old_server.start()
        before = {path: _published(old_server, path) for path in served}
        reader = Newsboat(
            newsboat_bin, site.tmp / "newsboat", [old_server.url(path) for path in served]
        )
        reader.reload()
    finally:
        old_server.stop()
    ids = set().union(*(set(entries) for entries in before.values()))
    assert len(ids) >= 10 and reader.unread() == len(ids) == reader.row_count()
    assert len(set(before["/all.atom"].values())) == 1  # all dated by one first sight
    reader.mark_all_read()
    assert reader.unread() == 0

    upgraded = aggregator(site.config, "update", "--all")  # migration 0011 runs
    assert "files published" in upgraded
    assert "files written" in aggregator(site.config, "publish")
    site.server.start()
    after = {path: _published(site.server, path) for path in served}
    assert {p: set(e) for p, e in after.items()} == {p: set(e) for p, e in before.items()}
    assert len(set(after["/all.atom"].values())) > 1  # the upgrade did re-date them
    reader.forget_validators()
    reader.reload()
    guids = [item.guid for item in reader.items()]
    assert reader.unread() == 0
    assert len(guids) == len(set(guids)) == reader.row_count() == len(ids)
    assert set(guids) == ids

    # The reader is still told about what is new: one more report, one unread item.
    feed = site.tmp / "feeds" / "techwire.xml"
    text = feed.read_text()
    feed.write_text(text.replace("    <item>\n", NEW_ITEM + "    <item>\n", 1))
    assert "1 new stories" in site.update()
    reader.reload()
    assert reader.unread() == 1 and reader.row_count() == len(ids) + 1


def test_newsboat_shows_one_brief_item_per_day_across_republishing(
    site: Site, feed_server: FeedServer, newsboat_bin: str
) -> None:
    feeds: dict[str, list[dict[str, str]]] = {"Outlet A": [QUILLON["Outlet A"]]}
    site.write_config(_publish_feeds(feed_server, feeds))
    site.update()
    site.server.start()
    url = site.server.url("/brief.atom")
    reader = Newsboat(newsboat_bin, site.tmp / "newsboat-brief", [url])
    reader.reload()
    (day,) = _served_entries(site.server, "/brief.atom")
    assert {item.guid for item in reader.items()} == {day.id}
    reader.forget_validators()
    reader.reload()  # the same bytes: still one item
    shutil.rmtree(site.output)
    aggregator(site.config, "publish")  # rebuilt from the database
    reader.forget_validators()
    reader.reload()
    assert reader.row_count() == 1
    # a deal of the same day found later updates that day's item in place
    feeds["Outlet B"] = [dict(OUTLETS["Outlet B"][1], date=QUILLON["Outlet A"]["date"])]
    site.write_config(_publish_feeds(feed_server, feeds))
    site.update()
    (again,) = _served_entries(site.server, "/brief.atom")
    assert again.id == day.id and again.title.endswith("(2)")
    reader.forget_validators()
    reader.reload()
    assert reader.row_count() == 1
    assert "Mistral" in reader.content(day.id)


# --------------------------------------------------------------------------- Chromium

PAGE_FACTS = {
    "title": "document.title",
    "alternates": "Array.from(document.querySelectorAll('link[rel~=alternate]'))"
    ".map(l => [l.href, l.type])",
    "rows": "document.querySelectorAll('tbody tr').length",
    "companies": "Array.from(document.querySelectorAll('a[href^=\"companies/\"]'))"
    ".map(a => a.href).filter(h => h.endsWith('.html'))",
    "width": "document.documentElement.scrollWidth",
}


def _demo_site(site: Site) -> None:
    """The offline demo (examples/feeds) built into the test's own directory."""
    shutil.copytree(EXAMPLES / "feeds", site.tmp / "feeds")
    demo = yaml.safe_load((EXAMPLES / "demo.yaml").read_text())
    site.write_config(demo["feeds"])
    data = yaml.safe_load(site.config.read_text())
    for key in ("publish", "stories", "rules"):
        data[key] = demo[key]
    data["site"].update(title=demo["site"]["title"], subtitle=demo["site"]["subtitle"])
    site.config.write_text(yaml.safe_dump(data, sort_keys=False))


Visits = tuple[chromium.PageVisit, list[chromium.PageVisit]]


async def _browse(port: int, urls: list[str]) -> Visits:
    async with chromium.page(port) as tools:
        probe = await chromium.visit(
            tools, "data:text/html,<script>console.error('probe')</script>", {}, False
        )
        blank = await chromium.visit(tools, "about:blank", {})
        visits = [await chromium.visit(tools, url, PAGE_FACTS) for url in urls]
    assert probe.errors and "probe" in probe.errors[0]  # the harness does see errors
    return blank, visits


def _check_screenshot(visit: chromium.PageVisit, blank: bytes, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    path.write_bytes(visit.screenshot)
    info = png.inspect(path.read_bytes())
    assert (info.width, info.height) == (chromium.WIDTH, chromium.HEIGHT)
    # A blank page compresses to almost nothing; text, tables and a chart do not.
    assert path.stat().st_size > max(20_000, 5 * len(blank)), path.stat().st_size


def _check_autodiscovery(alternates: list[list[str]]) -> None:
    assert alternates
    for href, kind in alternates:
        resp = get(href)
        assert resp.status == 200, href
        assert resp.headers.get_content_type() == kind, (href, resp.headers["Content-Type"])
        if kind == "application/atom+xml":
            root = etree.fromstring(resp.body, etree.XMLParser(resolve_entities=False))
            assert root.tag == f"{ATOM}feed", href
        else:
            assert json.loads(resp.body)["version"].startswith("https://jsonfeed.org/"), href


@pytest.mark.browser
def test_chromium_renders_pages_without_errors(site: Site, chromium_bin: str) -> None:
    _demo_site(site)
    site.update()
    site.server.start()
    index = site.server.url("/index.html")
    pages = sorted((site.output / "companies").glob("lumora*.html"))
    assert pages, "the demo's Lumora deals produced no company page"
    company = site.server.url(f"/companies/{pages[0].name}")
    browser = chromium.Browser(chromium_bin, site.tmp / "chromium", site.tmp / "chromium.log")
    try:
        port = browser.start()
        blank, (home, firm) = asyncio.run(_browse(port, [index, company]))
    finally:
        browser.stop()
    for visit in (home, firm):
        assert visit.errors == [], visit.url
        assert visit.values["width"] <= chromium.WIDTH  # nothing overflows the viewport
        _check_autodiscovery(visit.values["alternates"])
    assert home.values["title"] == "AI deals (offline demo)" and home.values["rows"] >= 5
    assert company in home.values["companies"]
    assert firm.values["title"].startswith("Lumora") and firm.values["rows"] >= 1
    kinds = {kind for _, kind in home.values["alternates"]}
    assert kinds == {"application/atom+xml", "application/feed+json"}
    _check_screenshot(home, blank.screenshot, "index.png")
    _check_screenshot(firm, blank.screenshot, "company.png")
