"""Which feeds exist, and how each is split into a head document and archive pages (RFC 5005).

A feed of ``count`` stories with page size ``size`` has ``count // size`` full archive pages
``archive/<feed>/<n>`` (n = 0, 1, ...; oldest stories first, page n holds stories
``n*size .. n*size+size-1`` in id order). Only full pages are written, each exactly once.
The head document ``<feed>`` holds the newest ``size`` stories and links to the newest
full archive page with ``prev-archive``.
"""

from __future__ import annotations

from dataclasses import dataclass

from aggregator.models import Company, Facets, Settings, StoryQuery

from ._entry import Rendered
from ._text import clean, path_slug

ABOUT_GROUP = "Company stories"  # about/{slug}: every story about a company with a page


@dataclass(frozen=True)
class FeedSpec:
    path: str  # "feed", "deals/ipo", "companies/openai" (no extension)
    title: str
    query: StoryQuery
    html_path: str = "index.html"  # the page for people this feed belongs to
    group: str = "Main"  # heading in subscriptions.opml and index.html
    company: Company | None = None  # set for companies/{slug} and investors/{slug}
    deal_type: str | None = None  # set for deals/{type}

    @property
    def pages(self) -> tuple[str, ...]:
        """The HTML pages made from this feed's head (its deal rows): a company's or an
        investor's page; a deal type's page, newest and largest first."""
        if self.deal_type is not None:
            return (self.html_path, amount_page(self.html_path))
        return (self.html_path,) if self.company is not None else ()


def amount_page(html_path: str) -> str:
    """The page listing the same deals largest first: "deals/ipo.html" ->
    "deals/ipo.by-amount.html" (deal type slugs hold no dot)."""
    return html_path.removesuffix(".html") + ".by-amount.html"


@dataclass(frozen=True)
class Page:
    feed: FeedSpec
    stem: str  # path without extension: "feed" or "archive/feed/3"
    entries: tuple[Rendered, ...]
    archive: bool = False
    prev_archive: str | None = None  # stem of the next-older archive page
    next_archive: str | None = None  # stem of the next-newer archive page


def feed_specs(settings: Settings, facets: Facets) -> list[FeedSpec]:
    site = clean(settings.site.title) or "AI deals"
    specs = [
        FeedSpec("feed", site, StoryQuery(curated=True)),
        FeedSpec("all", f"{site}: all stories", StoryQuery()),
    ]
    for deal_type in sorted(set(facets.deal_types)):
        path = f"deals/{path_slug(deal_type)}"
        specs.append(
            FeedSpec(
                path,
                f"{site}: {clean(deal_type)} deals",
                StoryQuery(deal_type=deal_type),
                html_path=f"{path}.html",
                group="Deal types",
                deal_type=deal_type,
            )
        )
    for company in sorted(facets.companies, key=lambda c: c.slug):
        slug = path_slug(company.slug)
        specs.append(
            FeedSpec(
                f"companies/{slug}",
                f"{site}: {clean(company.name)}",
                StoryQuery(company=company.slug),
                html_path=f"companies/{slug}.html",
                group="Companies",
                company=company,
            )
        )
    for company in sorted(facets.companies, key=lambda c: c.slug):
        slug = path_slug(company.slug)
        specs.append(
            FeedSpec(
                f"about/{slug}",
                f"{site}: {clean(company.name)}: all stories",
                StoryQuery(about=company.slug),
                html_path=f"companies/{slug}.html",
                group=ABOUT_GROUP,
            )
        )
    for company in sorted(facets.investors, key=lambda c: c.slug):
        slug = path_slug(company.slug)
        specs.append(
            FeedSpec(
                f"investors/{slug}",
                f"{site}: {clean(company.name)} investments",
                StoryQuery(investor=company.slug),
                html_path=f"investors/{slug}.html",
                group="Investors",
                company=company,
            )
        )
    # Every tag defined in feeds.yaml has a feed from the start (empty until a story matches).
    for tag in sorted(set(facets.tags) | {rule.name for rule in settings.tag_rules}):
        specs.append(
            FeedSpec(
                f"tags/{path_slug(tag)}",
                f"{site}: tag {clean(tag)}",
                StoryQuery(tag=tag),
                group="Tags",
            )
        )
    return _unique(specs)


def _unique(specs: list[FeedSpec]) -> list[FeedSpec]:
    """Drop later specs whose path collides with an earlier one (two slugs, one file)."""
    seen: set[str] = set()
    out = []
    for spec in specs:
        if spec.path not in seen:
            seen.add(spec.path)
            out.append(spec)
    return out


def full_pages(count: int, size: int) -> int:
    return max(0, count) // size


def archive_stem(feed: FeedSpec, number: int) -> str:
    return f"archive/{feed.path}/{number}"


def head_page(feed: FeedSpec, entries: tuple[Rendered, ...], count: int, size: int) -> Page:
    pages = full_pages(count, size)
    prev = archive_stem(feed, pages - 1) if pages else None
    return Page(feed=feed, stem=feed.path, entries=entries, prev_archive=prev)


def archive_page(feed: FeedSpec, number: int, entries: tuple[Rendered, ...]) -> Page:
    prev = archive_stem(feed, number - 1) if number > 0 else None
    return Page(
        feed=feed,
        stem=archive_stem(feed, number),
        entries=entries,
        archive=True,
        prev_archive=prev,
        next_archive=archive_stem(feed, number + 1),
    )
