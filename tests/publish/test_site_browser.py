"""The site as a person sees it: real headless Chromium at 360 and 1280 px.

Two sites are built with the real pipeline from local files (the offline demo, and a
selection of the real feeds in bench/data/realfeeds) and served by the real
`aggregator serve` process on 127.0.0.1. Chromium (driven over the DevTools protocol, see
tests/clients/chromium.py) opens the index, the largest-first view, a deal type's page, the
busiest company's page and an investor's page at both widths, and the DOM is checked:
every deal row has a date, a type and a linked company; no element is wider than the
viewport; no date wraps; no console error; nothing is requested from another host; the
same rows with JavaScript disabled; dark colours when the system prefers them; no
navigation when printed. Full-page screenshots go to tests/artifacts/site-*.png.
"""

from __future__ import annotations

import asyncio
import base64
import json
import posixpath
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml
from lxml import html

from ..clients import chromium, png
from ..clients.requirements import require
from ..clients.service import Server, aggregator, free_port, get

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parent.parent.parent
ARTIFACTS = Path(__file__).parent.parent / "artifacts"
REALFEEDS = ROOT / "bench" / "data" / "realfeeds"
# AI newsrooms and blogs (the deals), a wire with other scripts, general news and tech
REAL = (
    "ai_",
    "tech_techcrunch",
    "tech_hackernews",
    "news_livemint",
    "news_bbc-chinese",
    "news_guardian",
)
WIDTHS = (360, 1280)
HEIGHT = 800
SHOT_MAX = 7000  # screenshots stop at this many CSS pixels of page height

DOM_FACTS = r"""(() => {
  const vw = document.documentElement.clientWidth;
  const rows = Array.from(document.querySelectorAll('table.deals tbody tr'));
  const bad = rows.filter(r => {
    const day = r.querySelector('td.d time');
    const kind = r.children[1] ? r.children[1].textContent.trim() : '';
    const company = r.querySelector('a[href*="companies/"][href$=".html"]');
    return !(day && /^\d{4}-\d{2}-\d{2}$/.test(day.textContent) && kind && company);
  }).map(r => r.dataset.story);
  const wide = Array.from(document.querySelectorAll('body *')).filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && (box.right > vw + 0.5 || box.left < -0.5);
  }).slice(0, 5).map(e => `${e.tagName}.${e.className}: ${e.textContent.slice(0, 60)}`);
  const wrapped = Array.from(document.querySelectorAll('time'))
    .filter(t => t.getClientRects().length > 1).map(t => t.textContent);
  return {vw, rows: rows.length, bad, wide, wrapped,
          scroll: document.documentElement.scrollWidth,
          height: document.documentElement.scrollHeight,
          title: document.title,
          background: getComputedStyle(document.body).backgroundColor,
          nav: getComputedStyle(document.querySelector('nav')).display};
})()"""


@dataclass
class Built:
    name: str
    output: Path
    server: Server


def _config(path: Path, port: int, feeds: list[dict[str, Any]], **extra: Any) -> None:
    data = {
        "site": {
            "title": "Browser test deals",
            "base_url": f"http://127.0.0.1:{port}/",
            "author": "tests",
            "id_authority": "browser.test,2026",
        },
        "database": "data/test.db",
        "output": "data/site",
        "server": {"host": "127.0.0.1", "port": port},
        "feeds": feeds,
        **extra,
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def _demo(root: Path, port: int) -> None:
    shutil.copytree(ROOT / "examples" / "feeds", root / "feeds")
    demo = yaml.safe_load((ROOT / "examples" / "demo.yaml").read_text())
    _config(
        root / "feeds.yaml",
        port,
        demo["feeds"],
        **{key: demo[key] for key in ("publish", "stories", "rules")},
    )


def _real(root: Path, port: int) -> None:
    files = sorted(p for p in REALFEEDS.iterdir() if p.name.startswith(REAL))
    feeds = [{"name": p.name.split(".")[0].split("_", 1)[1], "path": str(p)} for p in files]
    _config(root / "feeds.yaml", port, feeds)


@pytest.fixture(scope="module")
def chromium_bin() -> str:
    return require("chromium")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, chromium_bin: str) -> Iterator[list[Built]]:
    built = []
    try:
        for name, make in (("demo", _demo), ("real", _real)):
            root = tmp_path_factory.mktemp(name)
            port = free_port()
            make(root, port)
            aggregator(root / "feeds.yaml", "update", "--all")
            server = Server(root / "feeds.yaml", port, root / "serve.log")
            built.append(Built(name, root / "data" / "site", server))
            server.start()
        yield built
    finally:
        for site in built:
            site.server.stop()


def _pages(site: Built) -> dict[str, str]:
    """The pages to look at: name -> path below the site's root."""
    out = site.output
    types = sorted(p.name for p in (out / "deals").glob("*.html") if "." not in p.stem)
    busiest = max(
        (p for p in (out / "companies").glob("*.html")),
        key=lambda p: (len(html.fromstring(p.read_bytes()).xpath("//ol/li")), p.name),
    )
    investors = sorted((out / "investors").glob("*.html"))
    pages = {
        "index": "index.html",
        "largest": "deals/by-amount.html",
        "type": f"deals/{types[0]}",
        "company": f"companies/{busiest.name}",
    }
    if investors:
        pages["investor"] = f"investors/{investors[0].name}"
    return pages


class Tab:
    """One page target of the browser, with Network events too (every request made)."""

    def __init__(self, tools: chromium.DevTools) -> None:
        self.tools = tools

    async def open(
        self, url: str, width: int, *, scripts: bool = True, media: str = "", dark: bool = False
    ) -> tuple[dict[str, Any], list[str]]:
        tools = self.tools
        await tools.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=HEIGHT,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        await tools.call("Emulation.setScriptExecutionDisabled", value=not scripts)
        features = [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]
        await tools.call("Emulation.setEmulatedMedia", media=media, features=features)
        start = len(tools.events)
        await tools.call("Page.navigate", url=url)
        await tools.wait_for("Page.loadEventFired", timeout=20)
        await tools.drain(0.2)
        answer = await tools.call("Runtime.evaluate", expression=DOM_FACTS, returnByValue=True)
        facts = answer.get("result", {}).get("value") or {}
        events = tools.events[start:]
        facts["errors"] = chromium.errors_in(events)
        requested = [
            e["params"]["request"]["url"]
            for e in events
            if e["method"] == "Network.requestWillBeSent"
        ]
        return facts, requested

    async def dom(self) -> bytes:
        """The document as the browser holds it (read without running page script)."""
        root = await self.tools.call("DOM.getDocument", depth=-1)
        outer = await self.tools.call("DOM.getOuterHTML", nodeId=root["root"]["nodeId"])
        return str(outer["outerHTML"]).encode()

    async def shot(self, width: int, height: int) -> bytes:
        clip = {"x": 0, "y": 0, "width": width, "height": min(height, SHOT_MAX), "scale": 1}
        data = await self.tools.call(
            "Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True
        )
        return base64.b64decode(data["data"])


@dataclass
class Seen:
    site: str
    page: str
    width: int
    facts: dict[str, Any]
    requested: list[str]


async def _look(port: int, sites: list[Built]) -> tuple[list[Seen], dict[str, Any]]:
    seen: list[Seen] = []
    extra: dict[str, Any] = {}
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{port}/json/list") as resp:
            targets = await resp.json(content_type=None)
        target = next(t for t in targets if t.get("type") == "page")
        async with session.ws_connect(
            target["webSocketDebuggerUrl"], max_msg_size=64 * 1024 * 1024
        ) as ws:
            tools = chromium.DevTools(ws)
            for domain in ("Runtime", "Log", "Page", "Network", "DOM"):
                await tools.call(f"{domain}.enable")
            tab = Tab(tools)
            probe, _ = await tab.open(
                "data:text/html,<script>console.error('probe')</script><nav></nav>", 1280
            )
            extra["probe"] = probe["errors"]
            for site in sites:
                for name, path in _pages(site).items():
                    url = site.server.url("/" + path)
                    for width in WIDTHS:
                        facts, requested = await tab.open(url, width)
                        seen.append(Seen(site.name, name, width, facts, requested))
                        if name in ("index", "company", "investor", "type"):
                            ARTIFACTS.mkdir(exist_ok=True)
                            shot = await tab.shot(width, int(facts.get("height") or HEIGHT))
                            (ARTIFACTS / f"site-{site.name}-{name}-{width}.png").write_bytes(shot)
                index = site.server.url("/index.html")
                facts, _ = await tab.open(index, 360, scripts=False)
                extra[f"{site.name}-nojs"] = (facts, html.fromstring(await tab.dom()))
                extra[f"{site.name}-dark"], _ = await tab.open(index, 1280, dark=True)
                extra[f"{site.name}-print"], _ = await tab.open(index, 1280, media="print")
            facts, _ = await tab.open(
                "data:text/html,<title>before</title><nav></nav>"
                "<script>document.title='ran'</script>",
                360,
                scripts=False,
            )
            extra["nojs-probe"] = facts["title"]
    return seen, extra


@pytest.fixture(scope="module")
def looked(
    sites: list[Built],
    chromium_bin: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[Seen], dict[str, Any]]:
    profile = tmp_path_factory.mktemp("chromium")
    browser = chromium.Browser(chromium_bin, profile / "profile", profile / "chromium.log")
    try:
        port = browser.start()
        return asyncio.run(_look(port, sites))
    finally:
        browser.stop()


def test_the_harness_sees_errors_and_can_turn_scripts_off(looked: Any) -> None:
    _, extra = looked
    assert extra["probe"] and "probe" in extra["probe"][0]
    assert extra["nojs-probe"] == "before"


def test_every_page_at_both_widths(looked: Any) -> None:
    seen, _ = looked
    assert {(s.site, s.page) for s in seen} >= {
        (site, page)
        for site in ("demo", "real")
        for page in ("index", "largest", "type", "company", "investor")
    }
    for s in seen:
        where = f"{s.site} {s.page} at {s.width} px"
        facts = s.facts
        assert facts["vw"] == s.width, where
        assert facts["errors"] == [], where
        assert facts["rows"] >= 1, where
        assert facts["bad"] == [], f"{where}: rows without a date, type or company"
        assert facts["wide"] == [] and facts["scroll"] <= s.width, (
            f"{where}: wider than the viewport: {facts['wide']}"
        )
        assert facts["wrapped"] == [], f"{where}: dates wrap: {facts['wrapped'][:3]}"
        base = s.requested[0].split("/", 3)[:3] if s.requested else []
        assert all(u.split("/", 3)[:3] == base or u.startswith("data:") for u in s.requested), (
            f"{where}: requests to another host: {s.requested}"
        )


def test_the_index_lists_the_latest_deals(looked: Any, sites: list[Built]) -> None:
    seen, _ = looked
    for site in sites:
        index = [s for s in seen if s.site == site.name and s.page == "index"]
        table = html.fromstring((site.output / "index.html").read_bytes()).xpath(
            "//table[contains(@class, 'deals')][1]/tbody/tr"
        )
        assert len(table) >= 5, site.name
        # the index holds its latest table, the largest deals and nothing else of rows
        assert all(s.facts["rows"] >= len(table) for s in index)


def test_without_javascript_the_same_page(looked: Any, sites: list[Built]) -> None:
    _, extra = looked
    for site in sites:
        facts, dom = extra[f"{site.name}-nojs"]
        assert facts == {} or facts.get("errors", []) == []
        served = html.fromstring((site.output / "index.html").read_bytes())
        rows = "//table[contains(@class, 'deals')]/tbody/tr"
        assert len(dom.xpath(rows)) == len(served.xpath(rows)) > 0
        assert dom.xpath("//ul[@class='tools']//a/@href") == served.xpath(
            "//ul[@class='tools']//a/@href"
        )


def test_dark_colours_and_print(looked: Any, sites: list[Built]) -> None:
    seen, extra = looked
    for site in sites:
        light = next(s.facts for s in seen if s.site == site.name and s.page == "index")
        assert light["background"] == "rgb(255, 255, 255)" and light["nav"] != "none"
        dark = extra[f"{site.name}-dark"]
        channels = [int(c) for c in dark["background"][4:-1].split(",")]
        assert max(channels) < 64, dark["background"]
        printed = extra[f"{site.name}-print"]
        assert printed["nav"] == "none" and printed["background"] == "rgb(255, 255, 255)"


def test_screenshots_show_the_pages(looked: Any, sites: list[Built]) -> None:
    seen, _ = looked
    shots = sorted(ARTIFACTS.glob("site-*.png"))
    for site in sites:
        for page in ("index", "company"):
            for width in WIDTHS:
                path = ARTIFACTS / f"site-{site.name}-{page}-{width}.png"
                assert path in shots, path
                info = png.inspect(path.read_bytes())
                height = next(
                    s.facts["height"]
                    for s in seen
                    if s.site == site.name and s.page == page and s.width == width
                )
                assert (info.width, info.height) == (width, min(height, SHOT_MAX))
                # text and tables: a screenshot of an empty page compresses to almost nothing
                assert path.stat().st_size > 15 * info.height, path


def test_link_header_and_autodiscovery_agree(sites: list[Built]) -> None:
    for site in sites:
        for path in _pages(site).values():
            resp = get(site.server.url("/" + path))
            assert resp.status == 200
            declared = html.fromstring(resp.body).xpath("//head/link[@rel='alternate']/@href")
            link = resp.headers["Link"]
            assert [part.split(">", 1)[0].lstrip(" <") for part in link.split(", ")] == declared
            for href in declared[:2]:
                feed = site.server.url(
                    "/" + posixpath.normpath(posixpath.join(posixpath.dirname(path), href))
                )
                assert get(feed).status == 200, feed


def test_exports_are_linked_and_parse(sites: list[Built]) -> None:
    for site in sites:
        doc = html.fromstring((site.output / "index.html").read_bytes())
        assert {"deals.csv", "deals.ndjson"} <= set(doc.xpath("//a/@href"))
        lines = (site.output / "deals.ndjson").read_text().splitlines()
        assert lines and all(json.loads(line)["parties"] for line in lines)
