"""One story -> one format-neutral entry (what both the Atom and the JSON writers render)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from html import escape

from aggregator.models import Deal, FactCorrection, Settings, Source, Story

from ._text import clean, clean_deal, format_money, path_slug, safe_url, utc

EXCERPT_CHARS = 600
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Link:
    href: str
    rel: str
    title: str | None = None


@dataclass(frozen=True)
class Category:
    term: str
    scheme: str
    label: str | None = None


@dataclass(frozen=True)
class SourceFeed:
    """The primary outlet's feed, as an entry's ``atom:source`` names it (RFC 4287 4.2.11)."""

    id: str  # its URL; a tag: URI of ours for a local file
    title: str  # the outlet's name
    updated: datetime  # the report's date, else when it was first seen
    self_href: str | None  # where the feed is read (http(s) or file: URI)


@dataclass(frozen=True)
class EntryView:
    id: str
    title: str
    url: str | None  # the primary source's article
    links: tuple[Link, ...]  # alternate first, then related
    published: datetime
    updated: datetime
    author: str  # the primary outlet
    source: SourceFeed
    source_feed: str | None  # the primary outlet's feed URL (http(s) only)
    categories: tuple[Category, ...]
    summary: str
    content_html: str
    deal: Deal | None
    history: tuple[FactCorrection, ...] = ()  # corrections of the deal, oldest first


@dataclass(frozen=True)
class Rendered:
    """One story's entry, serialised once per output format and spliced into every
    document that lists it."""

    updated: datetime  # the entry's ``updated`` (feed-level ``updated``)
    # by format name (``_formats``): the entry as inside a document of that format, UTF-8
    # (Atom: ``  <entry>…</entry>\n`` as inside a feed root; JSON Feed: the item, compact)
    fragments: Mapping[str, bytes]


def build_entry(story: Story, settings: Settings, deal_line: Callable[[Deal], str]) -> EntryView:
    deal = clean_deal(story.deal) if story.deal is not None else None
    history = story.history if deal is not None else ()
    url = safe_url(story.primary.link)
    outlet = clean(story.primary.feed) or "unknown outlet"
    return EntryView(
        id=clean(story.uri),
        title=clean(story.title) or "(untitled)",
        url=url,
        links=_links(story, url),
        published=utc(story.published),
        updated=utc(story.updated),
        author=outlet,
        source=source_feed(story.primary, outlet, settings),
        source_feed=safe_url(story.primary.feed_url),
        categories=_categories(story, deal, settings.site.base_url),
        summary=_summary(story, deal, deal_line, history),
        content_html=_content(story, deal, history, deal_line),
        deal=deal,
        history=history,
    )


def also_line(deal: Deal, deal_line: Callable[[Deal], str]) -> str:
    """ "Also: Funding · DeepSeek · $7.4B; Acquisition · OpenAI → Ona": the other deals of a
    digest, in title order ("" when it lists none)."""
    lines = [line for line in (clean(deal_line(d)).strip() for d in deal.also) if line]
    return "Also: " + "; ".join(lines) if lines else ""


def updated_line(history: tuple[FactCorrection, ...]) -> str:
    """ "Updated: amount $3B → $4B; status announced → completed" ("" without corrections):
    every correction, oldest first, so readers that ignore ``updated`` see it in the text."""
    changes = [clean(change.text) for fix in history for change in fix.changes]
    return "Updated: " + "; ".join(changes) if changes else ""


def source_feed(primary: Source, outlet: str, settings: Settings) -> SourceFeed:
    """``atom:source`` of an entry whose primary report is ``primary``: a feed read over
    http(s) is named by its URL; a local file (``path:``) by a tag: URI of this site's
    authority and the outlet's name, with its file: URI as the self link."""
    url = safe_url(primary.feed_url)
    when = utc(primary.published or primary.first_seen)
    if url is not None:
        return SourceFeed(id=url, title=outlet, updated=when, self_href=url)
    local = clean(primary.feed_url).strip()
    self_href = local if local.startswith("file:") and not _SPACE.search(local) else None
    authority = clean(settings.site.id_authority)
    return SourceFeed(
        id=f"tag:{authority}:source/{path_slug(outlet)}",
        title=outlet,
        updated=when,
        self_href=self_href,
    )


def _others(story: Story) -> list[Source]:
    return [s for s in story.sources if s.entry_id != story.primary.entry_id]


def _links(story: Story, url: str | None) -> tuple[Link, ...]:
    links: list[Link] = [Link(href=url, rel="alternate")] if url else []
    seen = {url}
    for source in _others(story):
        href = safe_url(source.link)
        if href and href not in seen:
            seen.add(href)
            links.append(Link(href=href, rel="related", title=clean(source.feed) or None))
    return tuple(links)


def _categories(story: Story, deal: Deal | None, base_url: str) -> tuple[Category, ...]:
    cats: list[Category] = []
    if deal is not None and deal.type:
        kinds: set[str] = set()
        seen: set[str] = set()
        for one in deal.deals():  # the deal, then a digest's other deals
            if one.type and one.type not in kinds:
                kinds.add(one.type)
                cats.append(Category(one.type, base_url + "scheme/deal-type"))
            for party in one.parties:
                if party.slug and party.slug not in seen:
                    seen.add(party.slug)
                    cats.append(Category(party.slug, base_url + "scheme/company", party.name))
    for tag in story.tags:
        if clean(tag):
            cats.append(Category(clean(tag), base_url + "scheme/tag"))
    return tuple(cats)


def _summary(
    story: Story,
    deal: Deal | None,
    deal_line: Callable[[Deal], str],
    history: tuple[FactCorrection, ...] = (),
) -> str:
    text = clean(story.summary).strip()
    if deal is None:
        return text
    first = clean(deal_line(deal)).strip()
    others = also_line(deal, deal_line)
    if others:
        first += "\n" + others
    fixed = updated_line(history)
    if fixed:
        first += "\n" + fixed
    return f"{first}\n{text}" if text else first


def parties_text(deal: Deal) -> str:
    return ", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in deal.parties)


def _facts(deal: Deal, deal_line: Callable[[Deal], str]) -> str:
    rows = [
        ("Type", deal.type),
        ("Status", deal.status or ""),
        ("Amount", format_money(deal.amount)),
        ("Valuation", format_money(deal.valuation)),
        ("Round", deal.round or ""),
        ("Parties", parties_text(deal)),
        ("Evidence", f"“{deal.evidence}”" if deal.evidence else ""),
        ("Also", also_line(deal, deal_line).removeprefix("Also: ")),
    ]
    cells = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows if v)
    return f"<table>{cells}</table>"


def _outlet_link(source: Source) -> str:
    name = escape(clean(source.feed) or "unknown outlet")
    href = safe_url(source.link)
    return f'<a href="{escape(href)}">{name}</a>' if href else name


def _content(
    story: Story,
    deal: Deal | None,
    history: tuple[FactCorrection, ...],
    deal_line: Callable[[Deal], str],
) -> str:
    parts = [_facts(deal, deal_line)] if deal is not None else []
    if updated_line(history):
        parts.append(f"<p><strong>{escape(updated_line(history))}</strong></p>")
    excerpt = clean(story.summary).strip()
    if len(excerpt) > EXCERPT_CHARS:
        excerpt = excerpt[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " …"
    if excerpt:
        parts.append(f"<p>{escape(excerpt)}</p>")
    line = f"Source: {_outlet_link(story.primary)}."
    others = _others(story)
    more = story.source_count - len(story.sources)
    if others:
        line += " Also reported by " + ", ".join(_outlet_link(s) for s in others)
        line += f" and {more} more." if more > 0 else "."
    parts.append(f"<p>{line}</p>")
    return "".join(parts)
