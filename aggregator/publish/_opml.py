"""OPML 2.0 outlines: the feeds we read (sources.opml) and the feeds we publish
(subscriptions.opml). No dates inside, so the bytes change only when the lists do."""

from __future__ import annotations

from lxml import etree

from aggregator.models import Settings

from . import _formats
from ._paging import FeedSpec
from ._text import clean, safe_url


def _document(title: str) -> tuple[etree._Element, etree._Element]:
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    return root, etree.SubElement(root, "body")


def _bytes(root: etree._Element) -> bytes:
    data: bytes = etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
    return data


def sources_opml(settings: Settings) -> bytes:
    """Every enabled input feed with an http(s) URL (local files are not listed)."""
    site = clean(settings.site.title) or "AI deals"
    root, body = _document(f"{site}: sources")
    for feed in settings.feeds:
        url = safe_url(feed.url)
        if not feed.enabled or url is None:
            continue
        name = clean(feed.name) or url
        etree.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=url)
    return _bytes(root)


def subscriptions_opml(settings: Settings, specs: list[FeedSpec]) -> bytes:
    """Every published head feed (in the first format: Atom), grouped like the index page."""
    base = settings.site.base_url
    site = clean(settings.site.title) or "AI deals"
    root, body = _document(f"{site}: feeds")
    groups: dict[str, etree._Element] = {}
    for spec in specs:
        if spec.group not in groups:
            groups[spec.group] = etree.SubElement(body, "outline", text=spec.group)
        etree.SubElement(
            groups[spec.group],
            "outline",
            type="rss",
            text=spec.title,
            title=spec.title,
            xmlUrl=base + spec.path + _formats.FORMATS[0].suffix,
            htmlUrl=base + spec.html_path,
        )
    return _bytes(root)
