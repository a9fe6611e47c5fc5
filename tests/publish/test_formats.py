"""The output formats are one registry (``publish/_formats.py``): a format added there (with
its renderers) is written for every document, kept, listed, linked and served, and no other
module names a format."""

from __future__ import annotations

import gzip
import re
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree

import pytest

from aggregator.models import Settings
from aggregator.publish import _formats, media_types, topic_urls
from aggregator.publish._entry import EntryView
from aggregator.publish._paging import Page
from aggregator.runtime.web_pool import site_app
from tests.fake_reader import investment, publish, sample, settings, story

from ..web.test_web import Ready, _running, request

ATOM = "{http://www.w3.org/2005/Atom}"
ROOT = Path(__file__).resolve().parents[2] / "aggregator"


def _titles_entry(view: EntryView) -> bytes:
    return f"{view.id} {view.title}\n".encode()


def _titles_document(page: Page, settings: Settings, feed_id: str, lines: Sequence[bytes]) -> bytes:
    return f"# {feed_id} {page.feed.title}\n".encode() + b"".join(lines)


TITLES = _formats.Format(
    "titles", "Titles", ".titles", "text/x-titles", _titles_entry, _titles_document
)


def _feeds(site: Path, suffix: str) -> dict[str, bytes]:
    """Every published document of one format, by its path without the suffix."""
    return {
        p.relative_to(site).as_posix().removesuffix(suffix): p.read_bytes()
        for p in sorted(site.rglob(f"*{suffix}"))
        if not p.relative_to(site).as_posix().startswith(".")
    }


def _entry_ids(atom: bytes) -> list[str]:
    return [
        e.findtext(f"{ATOM}id") or "" for e in ElementTree.fromstring(atom).iter(f"{ATOM}entry")
    ]


def test_a_format_added_to_the_registry_is_written_kept_listed_and_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = sample()
    publish(reader, tmp_path / "two")  # the formats there are
    monkeypatch.setattr(_formats, "FORMATS", (*_formats.FORMATS, TITLES))  # the one change
    site = tmp_path / "three"
    publish(reader, site)

    # every head document and archive page, in the new format too, with the same entries
    atom, titles = _feeds(site, ".atom"), _feeds(site, ".titles")
    assert titles.keys() == atom.keys() and any(k.startswith("archive/") for k in titles)
    for stem, data in titles.items():
        head, *lines = data.decode().splitlines()
        feed = stem.removeprefix("archive/").rsplit("/", 1)[0] if "archive/" in stem else stem
        assert head.startswith(f"# tag:deals.example,2026:feed/{feed} "), stem
        assert [line.split(" ", 1)[0] for line in lines] == _entry_ids(atom[stem]), stem
    # the formats there were: the same bytes
    for suffix in (".atom", ".json"):
        assert _feeds(site, suffix) == _feeds(tmp_path / "two", suffix)

    # the pages link it: the feed list, the autodiscovery, the "Follow" links
    index = (site / "index.html").read_text()
    assert '<td><a href="all.titles">Titles</a></td></tr>' in index
    assert 'type="text/x-titles" title="AI deals" href="feed.titles"' in index
    company = (site / "companies/amazon.html").read_text()
    assert 'type="text/x-titles" title="AI deals: Amazon" href="amazon.titles"' in company
    assert '<a href="amazon.titles">Titles feed</a></p>' in company
    for page in ("deals/investment.html", "deals/by-amount.html"):
        assert "Titles feed</a></p>" in (site / page).read_text(), page

    # a new story: its entry is made in every format, the others come from the kept parts
    reader.add(story(8, deal=investment()))
    report = publish(reader, site)
    assert "all.titles" in report.written and "companies/amazon.titles" in report.written
    assert (site / "all.titles").read_text().splitlines()[1].endswith(" Story number 8")
    urls = topic_urls(report, settings())
    assert "https://deals.example/all.titles" in urls
    assert "https://deals.example/all.atom" in urls

    # served with its media type (publish's registry, handed to web as runtime does)
    app = site_app(
        Settings(output=site),
        readiness=Ready(),
        metrics=lambda: (b"", ""),
        feed_types=media_types(),
    )
    with _running(app) as port:
        reply = request(port, "/all.titles", Accept_Encoding="gzip")
        assert reply.status == 200
        assert reply.headers["Content-Type"] == "text/x-titles; charset=utf-8"
        assert gzip.decompress(reply.body) == (site / "all.titles").read_bytes()
        link = request(port, "/companies/amazon.html").headers["Link"]
        assert '<amazon.titles>; rel="alternate"; type="text/x-titles"' in link


def test_a_site_published_before_a_format_was_added_gets_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = sample()
    publish(reader, tmp_path)
    monkeypatch.setattr(_formats, "FORMATS", (*_formats.FORMATS, TITLES))
    before = _feeds(tmp_path, ".atom")
    # every document lacks a file now: each is made again (the parts kept by a publish in
    # two formats are not taken for three), archive pages only in the new format
    report = publish(reader, tmp_path)
    assert _feeds(tmp_path, ".titles").keys() == before.keys()
    assert _feeds(tmp_path, ".atom") == before
    assert all(name.endswith(".titles") for name in report.written if "archive/" in name)
    assert publish(reader, tmp_path).written == ()


def test_no_module_but_the_registry_and_a_format_s_own_names_its_media_type() -> None:
    """Not web, not runtime, not the pages: they ask the registry. (``fetch`` names the
    formats of the feeds we read, in its Accept header: another matter.)"""
    for fmt in _formats.FORMATS:
        own = {
            "publish/_formats.py",
            fmt.document.__module__.split(".", 1)[1].replace(".", "/") + ".py",
        }
        naming = {
            p.relative_to(ROOT).as_posix()
            for p in ROOT.rglob("*.py")
            if p.parent.name != "fetch" and re.search(re.escape(fmt.media_type), p.read_text())
        }
        assert naming <= own, fmt.name
