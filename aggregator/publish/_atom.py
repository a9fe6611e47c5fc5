"""Atom documents via feedgen, with the deal extension and RFC 5005 archive markers.

Deal namespace ``https://aggregator.dev/ns/deal/1.0`` (prefix ``deal``), one per deal entry::

    <deal:deal type="investment" status="announced">
      <deal:amount currency="USD" qualifier="up to">4000000000</deal:amount>
      <deal:valuation currency="USD">61500000000</deal:valuation>
      <deal:round>series-b</deal:round>
      <deal:party role="investor" slug="amazon">Amazon</deal:party>
      <deal:evidence>Amazon will invest up to $4 billion in Anthropic</deal:evidence>
    </deal:deal>

followed, for a digest that lists other deals (``Deal.also``), by one more ``<deal:deal
also="true">`` element per other deal, same children, in title order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from feedgen.entry import FeedEntry
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from aggregator.models import Deal, Money, Settings

from ._entry import EntryView, Link, SourceFeed
from ._icon import FAVICON, LOGO
from ._paging import Page
from ._text import clean, plain_number

DEAL_NS = "https://aggregator.dev/ns/deal/1.0"
HISTORY_NS = "http://purl.org/syndication/history/1.0"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # "updated" of a feed with no entries
GENERATOR_URI = "https://aggregator.dev/"


def _d(name: str) -> str:
    return f"{{{DEAL_NS}}}{name}"


class DealFeedExtension(BaseExtension):  # type: ignore[misc]
    def extend_ns(self) -> dict[str, str]:
        return {"deal": DEAL_NS}


class DealEntryExtension(BaseEntryExtension):  # type: ignore[misc]
    """Writes the entry's links, its ``atom:source`` and ``<deal:deal>``.

    Links and source are written here because feedgen 1.0 drops ``rel``/``title`` of entry
    links and cannot give ``atom:source`` an id or a ``rel="self"`` link. Atom elements are
    created without a namespace, like feedgen's own (the root's xmlns applies to them).
    """

    def __init__(self) -> None:
        self.view: EntryView | None = None

    def extend_atom(self, entry: Any) -> Any:
        if self.view is not None:
            for link in self.view.links:
                _add_link(entry, link)
            _add_source(entry, self.view.source)
            if self.view.deal is not None:
                _add_deal(entry, self.view.deal)
                for other in self.view.deal.also:
                    _add_deal(entry, other, also=True)
        return entry


class HistoryFeedExtension(BaseExtension):  # type: ignore[misc]
    """Marks an archive document: ``<fh:archive/>`` (RFC 5005 section 4)."""

    def extend_ns(self) -> dict[str, str]:
        return {"fh": HISTORY_NS}

    def extend_atom(self, feed: Any) -> Any:
        etree.SubElement(feed, f"{{{HISTORY_NS}}}archive")
        return feed


def _add_link(entry: Any, link: Link) -> None:
    elem = etree.SubElement(entry, "link", rel=link.rel, href=link.href)
    if link.title:
        elem.set("title", link.title)


def _add_source(entry: Any, feed: SourceFeed) -> None:
    """``atom:source`` with the feed's id, title, updated and self link (RFC 4287 4.2.11)."""
    source = etree.SubElement(entry, "source")
    etree.SubElement(source, "id").text = feed.id
    etree.SubElement(source, "title").text = feed.title
    etree.SubElement(source, "updated").text = feed.updated.isoformat()
    if feed.self_href:
        etree.SubElement(source, "link", rel="self", href=feed.self_href)


def _add_money(parent: Any, name: str, money: Money | None) -> None:
    if money is None:
        return
    elem = etree.SubElement(parent, _d(name), currency=money.currency)
    if money.qualifier:
        elem.set("qualifier", money.qualifier)
    if money.high is not None:
        elem.set("high", plain_number(money.high))
    if money.usd is not None and money.currency != "USD":
        elem.set("usd", plain_number(money.usd))
    elem.text = plain_number(money.value)


def _add_deal(entry: Any, deal: Deal, also: bool = False) -> None:
    elem = etree.SubElement(entry, _d("deal"), type=deal.type)
    if deal.status:
        elem.set("status", deal.status)
    if also:
        elem.set("also", "true")
    _add_money(elem, "amount", deal.amount)
    _add_money(elem, "valuation", deal.valuation)
    if deal.round:
        etree.SubElement(elem, _d("round")).text = deal.round
    for party in deal.parties:
        node = etree.SubElement(elem, _d("party"), role=party.role)
        if party.slug:
            node.set("slug", party.slug)
        if party.lead:
            node.set("lead", "true")
        node.text = party.name
    if deal.evidence:
        etree.SubElement(elem, _d("evidence")).text = deal.evidence


def _feed_entry(view: EntryView) -> FeedEntry:
    fe = FeedEntry()
    fe.register_extension("deal", DealEntryExtension, atom=True, rss=False)
    fe.id(view.id)
    fe.title(view.title)
    fe.published(view.published)
    fe.updated(view.updated)
    fe.author(name=view.author)
    for cat in view.categories:
        fe.category(term=cat.term, scheme=cat.scheme, **({"label": cat.label} if cat.label else {}))
    if view.summary:
        fe.summary(view.summary, type="text")
    fe.content(view.content_html, type="html")
    fe.deal.view = view
    return fe


_WRAP_OPEN = b"<feed"
_WRAP_CLOSE = b"</feed>\n"


def entry_fragment(view: EntryView) -> bytes:
    """One ``<entry>`` exactly as it appears (indented) inside a feed document.

    feedgen builds the entry; it is serialised inside a stand-in root that declares the
    same ``deal`` prefix as every feed root, so the bytes spliced into any document of this
    site equal what feedgen would have written there.
    """
    root = etree.Element("feed", nsmap={"deal": DEAL_NS})
    root.append(_feed_entry(view).atom_entry())
    data: bytes = etree.tostring(root, pretty_print=True, encoding="UTF-8", xml_declaration=False)
    start = data.index(b">\n") + 2
    return data[start : len(data) - len(_WRAP_CLOSE)]


def _feed_links(gen: FeedGenerator, page: Page, settings: Settings) -> None:
    base = settings.site.base_url
    gen.link(href=base + page.stem + ".atom", rel="self", type="application/atom+xml")
    gen.link(href=base + page.feed.path + ".atom", rel="current", type="application/atom+xml")
    gen.link(href=base + page.feed.html_path, rel="alternate", type="text/html")
    if page.prev_archive:
        gen.link(href=base + page.prev_archive + ".atom", rel="prev-archive")
    if page.next_archive:
        gen.link(href=base + page.next_archive + ".atom", rel="next-archive")
    hub = clean(settings.websub_hub)
    if hub:
        gen.link(href=hub, rel="hub")


def feed_updated(page: Page) -> datetime:
    """Newest entry's ``updated`` (never the wall clock, so bytes stay stable)."""
    return max((e.updated for e in page.entries), default=EPOCH)


def render_atom(page: Page, settings: Settings, feed_id: str, entries: Sequence[bytes]) -> bytes:
    """The Atom document of ``page``: feedgen writes the feed, whose entries (``entries``:
    rendered once per story by ``entry_fragment``) are spliced in before ``</feed>``."""
    gen = FeedGenerator()
    gen.register_extension("deal", DealFeedExtension, BaseEntryExtension, rss=False)
    if page.archive:
        gen.register_extension("history", HistoryFeedExtension, BaseEntryExtension, rss=False)
    gen.id(feed_id)
    gen.title(page.feed.title)
    if clean(settings.site.subtitle):
        gen.subtitle(clean(settings.site.subtitle))
    gen.author(name=clean(settings.site.author) or "aggregator")
    gen.language("en")
    gen.generator("aggregator", uri=GENERATOR_URI)
    gen.updated(feed_updated(page))
    gen.icon(settings.site.base_url + FAVICON)
    gen.logo(settings.site.base_url + LOGO)
    _feed_links(gen, page, settings)
    shell: bytes = gen.atom_str(pretty=True)
    if not shell.endswith(_WRAP_CLOSE):
        raise ValueError("unexpected end of the Atom feed shell")
    return b"".join([shell[: -len(_WRAP_CLOSE)], *entries, _WRAP_CLOSE])
