"""Link previews and feed metadata: OpenGraph and JSON-LD on every page, the feeds' icon
and logo, and the server's Link header naming an HTML page's feeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree, html

from aggregator.publish import media_types
from aggregator.publish._page import json_ld
from aggregator.web import feed_links, make_app
from tests.fake_reader import BASE, investment, publish, sample, story

from ..web.test_web import Ready, _running, request

ATOM = "{http://www.w3.org/2005/Atom}"
PAGES = [
    "index.html",
    "deals/by-amount.html",
    "deals/investment.html",
    "deals/investment.by-amount.html",
    "companies/amazon.html",
    "investors/amazon.html",
]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    reader = sample()
    reader.add(story(8, title='Amazon </script><b>"doubles"</b> & more', deal=investment()))
    publish(reader, tmp_path)
    return tmp_path


def _ld(doc: html.HtmlElement) -> dict:
    (block,) = doc.xpath("//script[@type='application/ld+json']")
    return json.loads(block.text)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_preview_and_structured_data(site: Path, path: str) -> None:
    doc = html.fromstring((site / path).read_bytes())
    og = {m.get("property"): m.get("content") for m in doc.xpath("//meta[@property]")}
    assert og["og:url"] == (BASE if path == "index.html" else BASE + path)
    assert og["og:title"] == doc.findtext(".//title") and og["og:description"]
    assert og["og:image"] == BASE + "icon.png" and og["og:type"] == "website"
    assert doc.xpath("//link[@rel='canonical']/@href") == [og["og:url"]]
    data = _ld(doc)
    assert data["@type"] == "ItemList" and data["numberOfItems"] == len(data["itemListElement"])
    rows = doc.xpath("//table[contains(@class, 'deals')][1]/tbody/tr")
    articles = [e["item"] for e in data["itemListElement"]]
    assert articles and all(a["@type"] == "NewsArticle" for a in articles)
    assert [a["url"] for a in articles] == [r.xpath("td[@class='t']/a/@href")[0] for r in rows]
    assert [a["headline"] for a in articles] == [
        r.xpath("td[@class='t']")[0].text_content() for r in rows
    ]
    for kind in ("application/atom+xml", "application/feed+json"):
        for href in doc.xpath(f"//head/link[@rel='alternate'][@type='{kind}']/@href"):
            assert (site / Path(path).parent / href).resolve().is_file(), href


def test_structured_data_cannot_end_its_script(site: Path) -> None:
    text = (site / "index.html").read_text()
    block = text.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block.replace("\\u0026", "")
    headlines = [e["item"]["headline"] for e in json.loads(block)["itemListElement"]]
    assert 'Amazon </script><b>"doubles"</b> & more' in headlines
    assert json.loads(json_ld({"a": "</script>"}).split(">", 1)[1].rsplit("<", 1)[0]) == {
        "a": "</script>"
    }


def test_feeds_carry_icon_and_logo(site: Path) -> None:
    for stem in (
        "feed",
        "companies/amazon",
        "about/amazon",
        "investors/amazon",
        "deals/investment",
    ):
        root = etree.parse(str(site / f"{stem}.atom")).getroot()
        assert root.findtext(f"{ATOM}icon") == BASE + "icon-64.png"
        assert root.findtext(f"{ATOM}logo") == BASE + "logo.png"
        doc = json.loads((site / f"{stem}.json").read_bytes())
        assert (doc["icon"], doc["favicon"]) == (BASE + "icon.png", BASE + "icon-64.png")
    sizes = {}
    for name in ("icon.png", "icon-64.png", "logo.png"):
        data = (site / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"
        sizes[name] = (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big"))
    assert sizes == {"icon.png": (512, 512), "icon-64.png": (64, 64), "logo.png": (256, 128)}


def test_server_names_a_pages_feeds_in_a_link_header(site: Path) -> None:
    with _running(make_app(site, readiness=Ready(), feed_types=media_types())) as port:
        page = request(port, "/companies/amazon.html")
        assert page.status == 200
        assert page.headers["Link"] == (
            '<../about/amazon.atom>; rel="alternate"; type="application/atom+xml", '
            '<../about/amazon.json>; rel="alternate"; type="application/feed+json", '
            '<amazon.atom>; rel="alternate"; '
            'type="application/atom+xml", <amazon.json>; '
            'rel="alternate"; type="application/feed+json"'
        )
        index = request(port, "/", Accept_Encoding="gzip").headers["Link"]
        assert index.startswith(
            '<feed.atom>; rel="alternate"; type="application/atom+xml", '
            '<feed.json>; rel="alternate"; type="application/feed+json"'
        )
        assert "<deals/investment.atom>" in index
        assert request(port, "/feed.atom").headers.get("Link") is None
        assert (
            request(port, "/companies/amazon.html", If_None_Match=page.headers["ETag"]).status
            == 304
        )


def test_link_header_takes_only_safe_alternates() -> None:
    head = (
        b'<head><link rel="alternate" type="application/atom+xml" href="a.atom">'
        b'<link rel="alternate" type="application/atom+xml" href="b>, <evil">'
        b'<link rel="alternate" type="text/html; x" href="c.html">'
        b'<link rel="stylesheet" type="text/css" href="s.css"></head>'
        b'<link rel="alternate" type="application/atom+xml" href="body.atom">'
    )
    assert (
        feed_links(head, "text/html; charset=utf-8")
        == '<a.atom>; rel="alternate"; type="application/atom+xml"'
    )
    assert feed_links(head, "application/atom+xml") == ""
