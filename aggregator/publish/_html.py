"""index.html and the deal type pages (deals/{type}.html, newest first, and
deals/{type}.by-amount.html, largest first; deals/by-amount.html for the index's table).

Sorting by date or amount and filtering by type are links between these pre-rendered
pages: nothing needs a script or a server. Every piece of story text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from aggregator.models import Company, FeedState, Settings

from . import _formats
from ._largest import Period
from ._page import PageMeta, document, item_list
from ._paging import ABOUT_GROUP, FeedSpec, amount_page
from ._table import amount_order, at_root, news_order, one_line, row_articles, rows_table
from ._text import clean, path_slug, rfc3339, utc

INDEX_AMOUNT = "deals/by-amount.html"  # the index's latest deals, largest first


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _updated(newest: datetime | None) -> str:
    if newest is None:
        return ""
    at = utc(newest)
    return (
        f'<p><small>Last update: <time datetime="{rfc3339(at)}">'
        f"{at.strftime('%Y-%m-%d %H:%M')} UTC</time></small></p>\n"
    )


@dataclass(frozen=True)
class View:
    """Which table a page shows: all deals or one type's, newest or largest first."""

    deal_type: str | None
    by_amount: bool

    @property
    def path(self) -> str:
        if self.deal_type is None:
            return INDEX_AMOUNT if self.by_amount else "index.html"
        page = f"deals/{path_slug(self.deal_type)}.html"
        return amount_page(page) if self.by_amount else page


def tools(view: View, types: Sequence[str], root: str) -> str:
    """Links to the same table sorted the other way, and to each type's table."""

    def link(target: View, text: str) -> str:
        here = ' aria-current="page"' if target == view else ""
        return f'<a href="{_attr(root + target.path)}"{here}>{escape(text)}</a>'

    sort = (
        f"<li><b>Sort:</b> {link(View(view.deal_type, False), 'newest first')} · "
        f"{link(View(view.deal_type, True), 'largest first')}</li>"
    )
    kinds = [link(View(None, view.by_amount), "all")]
    kinds += [link(View(t, view.by_amount), clean(t)) for t in sorted(set(types))]
    return f'<ul class="tools">{sort}<li><b>Type:</b> {" · ".join(kinds)}</li></ul>\n'


def _largest(periods: Sequence[Period]) -> str:
    out = []
    previous: tuple[str, ...] | None = None
    for period in periods:
        out.append(
            f'<h3 id="{_attr(period.key)}">{escape(period.title)} <small>'
            f'<time datetime="{rfc3339(period.since)}">'
            f"{period.since.date().isoformat()}</time> to "
            f'<time datetime="{rfc3339(period.until)}">'
            f"{period.until.date().isoformat()}</time></small></h3>\n"
        )
        if period.rows and period.rows == previous:
            out.append("<p>The same deals as above.</p>\n")
        else:
            out.append(
                rows_table(
                    period.rows,
                    ordered=True,
                    empty="No deal with a disclosed amount in this period.",
                )
            )
        previous = period.rows
    return "".join(out)


def _short(spec: FeedSpec, site: str) -> str:
    title = clean(spec.title)
    if spec.group != "Main":
        title = title.removeprefix(f"{site}: ")
    return title


def _feed_lists(specs: Sequence[FeedSpec], site: str) -> str:
    """One row per feed: its name (linking to its page when it has one), then a link to it
    in each format (Atom, JSON)."""
    out = []
    for group in ("Main", "Briefs", "Deal types", "Tags", "Alerts"):
        rows = []
        for spec in (s for s in specs if s.group == group):
            name = escape(_short(spec, site))
            if spec.html_path != "index.html":
                name = f'<a href="{_attr(spec.html_path)}">{name}</a>'
            rows.append(f"<tr><td>{name}</td>{_formats.cells(spec.path)}</tr>\n")
        if rows:
            out.append(
                f'<h3>{escape(group)}</h3>\n<table class="feeds">\n<tbody>\n'
                f"{''.join(rows)}</tbody>\n</table>\n"
            )
    out.append(
        '<h3 id="exports">Exports</h3>\n<p>Every deal, one row per story: '
        '<a href="deals.csv">deals.csv</a> · <a href="deals.ndjson">deals.ndjson</a>'
        "</p>\n"
    )
    out.append(
        '<p>All feeds as OPML: <a href="subscriptions.opml">subscriptions.opml</a>; '
        'the outlets we follow: <a href="sources.opml">sources.opml</a>.</p>\n'
    )
    return "".join(out)


def _party_list(companies: Sequence[Company], folder: str, empty: str) -> str:
    if not companies:
        return f"<p>{escape(empty)}</p>\n"
    items = []
    for company in sorted(companies, key=lambda c: (clean(c.name).lower(), c.slug)):
        slug = path_slug(company.slug)
        items.append(
            f'<li><a href="{folder}/{_attr(slug)}.html">'
            f"{escape(one_line(clean(company.name)) or slug)}</a> "
            f"<small>({company.deal_count})</small></li>\n"
        )
    return f'<ul class="tools">\n{"".join(items)}</ul>\n'


@dataclass(frozen=True)
class IndexParts:
    """What index.html shows besides its feeds."""

    rows: tuple[str, ...]  # the latest deals (rows), any order
    newest: datetime | None  # the latest update among them
    types: tuple[str, ...]  # deal types present
    periods: tuple[Period, ...]  # the largest deals
    months: str  # the deals-per-month table
    companies: tuple[Company, ...]
    investors: tuple[Company, ...]
    sources: tuple[FeedState, ...]


def index_page(settings: Settings, specs: Sequence[FeedSpec], parts: IndexParts) -> bytes:
    site = clean(settings.site.title) or "AI deals"
    subtitle = clean(settings.site.subtitle)
    # the main feed (the first) in every format, the other feeds in the first format
    listed = [s for s in specs if s.group not in ("Companies", "Investors", ABOUT_GROUP)]
    auto = list(_formats.alternates(listed[0].title, listed[0].path))
    auto += [_formats.alternates(s.title, s.path)[0] for s in listed[1:]]
    view = View(None, False)
    table = rows_table(parts.rows)
    header = f"<h1>{escape(site)}</h1>\n<p>{escape(subtitle)}</p>\n{_updated(parts.newest)}"
    main = (
        f'<h2 id="latest">Latest deals</h2>\n{tools(view, parts.types, "")}'
        f"{at_root(table)}"
        f'<h2 id="largest">Largest deals</h2>\n{at_root(_largest(parts.periods))}'
        f'<h2 id="months">Deals per month</h2>\n{parts.months}'
        f'<h2 id="companies">Companies</h2>\n'
        f"{_party_list(parts.companies, 'companies', 'No companies yet.')}"
        f'<h2 id="investors">Investors</h2>\n'
        f"{_party_list(parts.investors, 'investors', 'No investors yet.')}"
        f'<h2 id="feeds">Feeds and exports</h2>\n{_feed_lists(specs, site)}'
        f"{_sources_table(parts.sources)}"
    )
    articles = row_articles(news_order(parts.rows))
    meta = PageMeta(
        path="index.html",
        title=site,
        description=subtitle or site,
        feeds=tuple(auto),
        json_ld=item_list(f"{site}: latest deals", settings.site.base_url, articles),
    )
    return document(settings, meta, header, main)


def type_pages(
    settings: Settings,
    spec: FeedSpec,
    rows: Sequence[str],
    newest: datetime | None,
    types: Sequence[str],
) -> dict[str, bytes]:
    """A deal type's two pages (newest first, largest first), by path."""
    assert spec.deal_type is not None
    name = clean(spec.deal_type)
    out = {}
    for by_amount in (False, True):
        view = View(spec.deal_type, by_amount)
        out[view.path] = _table_page(
            settings,
            view,
            f"{name} deals",
            rows,
            newest,
            types,
            feed=(spec.title, path_slug(spec.deal_type)),
        )
    return out


def amount_index(
    settings: Settings, rows: Sequence[str], newest: datetime | None, types: Sequence[str]
) -> bytes:
    """deals/by-amount.html: the index's latest deals, largest first."""
    site = clean(settings.site.title) or "AI deals"
    return _table_page(
        settings,
        View(None, True),
        "Latest deals",
        rows,
        newest,
        types,
        feed=(site, "../feed"),
    )


def _table_page(
    settings: Settings,
    view: View,
    name: str,
    rows: Sequence[str],
    newest: datetime | None,
    types: Sequence[str],
    feed: tuple[str, str],
) -> bytes:
    """A page of deal rows; ``feed``: (title, path from the page) of the feed it follows."""
    site = clean(settings.site.title) or "AI deals"
    order = "largest first" if view.by_amount else "newest first"
    title = f"{name[:1].upper()}{name[1:]}, {order}"
    follow = _formats.follow_links(feed[1])
    header = f"<h1>{escape(title)}</h1>\n{_updated(newest)}<p>Follow: {follow}</p>\n"
    table = rows_table(rows, by_amount=view.by_amount)
    main = f"{tools(view, types, '../')}{table}"
    ordered = amount_order(rows) if view.by_amount else news_order(rows)
    meta = PageMeta(
        path=view.path,
        title=f"{title}: {site}",
        description=f"{site}: {len(rows)} {name}, {order}.",
        feeds=_formats.alternates(*feed),
        json_ld=item_list(title, settings.site.base_url + view.path, row_articles(ordered)),
    )
    return document(settings, meta, header, main)


ERROR_CHARS = 160


def _sources_table(sources: Sequence[FeedState]) -> str:
    """Every source with its status, last success and last error: a page whose feeds all
    fail says so ("failing since …")."""
    if not sources:
        return ""
    failing = sum(1 for s in sources if s.error_count and not s.disabled)
    head = (
        f'<h2 id="sources">Sources</h2>\n<p>{len(sources)} sources, {failing} failing.</p>\n'
        '<table class="sources cards">\n<thead><tr><th>source</th><th>status</th>'
        "<th>last success</th><th>last error</th></tr></thead>\n<tbody>\n"
    )
    rows = []
    for s in sources:
        if s.disabled:
            status = f"disabled: {clean(s.disabled)}"
        elif s.error_count:
            status = f"failing ({s.error_count} in a row)"
        elif s.last_success_at is not None:
            status = "ok"
        else:
            status = "not fetched yet"
        when = _when(s.last_success_at)
        error = clean(s.last_error or "")[:ERROR_CHARS] if s.error_count else ""
        rows.append(
            f'<tr><td class="t">{escape(clean(s.name))}</td><td>{escape(status)}</td>'
            f'<td data-l="last success">{when}</td>'
            f'<td data-l="last error">{escape(error)}</td></tr>\n'
        )
    return head + "".join(rows) + "</tbody>\n</table>\n"


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "never"
    at = utc(moment)
    return f'<time datetime="{rfc3339(at)}">{at.strftime("%Y-%m-%d %H:%M")}</time>'
