"""Pages for people: index.html and companies/{slug}.html.

Plain HTML5 built from escaped strings: no script, one small inline stylesheet, readable
at 360 px (tables scroll inside their own box). Every piece of story text is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape

from aggregator.models import Company, FeedState, Settings, Story

from ._entry import parties_text
from ._paging import FeedSpec
from ._text import clean, clean_deal, format_money, path_slug, rfc3339, safe_url, utc

STYLE = """body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:0 1rem;
color:#1a1a1a;background:#fff}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
td.n{text-align:right}svg{max-width:100%;height:auto}svg text{font-size:12px;fill:#333}
.bar{fill:#2b6cb0}.axis{stroke:#999}ul{padding-left:1.2rem}a{color:#1a4f8b}
small{color:#555}"""


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _head(title: str, feeds: Sequence[tuple[str, str, str]], root: str = "") -> str:
    links = "".join(
        f'<link rel="alternate" type="{_attr(kind)}" title="{_attr(name)}" href="{_attr(href)}">\n'
        for kind, name, href in feeds
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<link rel="icon" href="{root}favicon.ico">\n'
        f"<title>{escape(title)}</title>\n{links}<style>{STYLE}</style>\n</head>\n"
    )


RowKey = tuple[int, str]  # (story id, its updated time in RFC 3339): one row's version
_ROW = re.compile(rb'<tr data-story="(\d+)" data-updated="([^"<>]+)"[^<>]*>[^\n]*</tr>\n')
_ROW_ORDER = re.compile(r'<tr data-story="(\d+)"[^<>]* data-published="([^"<>]+)"')


def row_key(story_id: int, updated: datetime) -> RowKey:
    return story_id, rfc3339(updated)


def _deal_row(story: Story) -> str:
    """One story's row; it carries the story's id and version, so a later publish can take
    it from this page instead of loading the story again (see :func:`harvest_rows`)."""
    deal = clean_deal(story.deal) if story.deal else None
    title = escape(_one_line(clean(story.title)) or "(untitled)")
    href = safe_url(story.primary.link)
    link = f'<a href="{_attr(href)}">{title}</a>' if href else title
    cells = [
        utc(story.published).date().isoformat(),
        deal.type if deal else "",
        parties_text(deal) if deal else "",
        format_money(deal.amount) if deal else "",
    ]
    tds = "".join(f"<td>{escape(_one_line(c))}</td>" for c in cells)
    outlets = max(story.source_count, len(story.sources))
    story_id, updated = row_key(story.id, story.updated)
    published = rfc3339(story.published)
    return (
        f'<tr data-story="{story_id}" data-updated="{updated}" '
        f'data-published="{published}">{tds}'
        f'<td class="n">{outlets}</td><td>{link}</td></tr>\n'
    )


def _one_line(text: str) -> str:
    """A row is one line of the page (how :func:`harvest_rows` finds it)."""
    return text.replace("\n", " ")


def deal_row(story: Story, memo: dict[RowKey, str]) -> str:
    key = row_key(story.id, story.updated)
    row = memo.get(key)
    if row is None:
        row = memo[key] = _deal_row(story)
    return row


def harvest_rows(page: bytes, memo: dict[RowKey, str]) -> int:
    """Take the deal rows of a page this site wrote (same settings); returns how many."""
    taken = 0
    for found in _ROW.finditer(page):
        try:
            key = (int(found[1]), found[2].decode("ascii"))
            row = found[0].decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            continue
        if key not in memo:
            memo[key] = row
            taken += 1
    return taken


def deals_table(stories: Sequence[Story], memo: dict[RowKey, str] | None = None) -> str:
    """The table of deal rows; ``memo`` keeps rows by story version across pages."""
    memo = {} if memo is None else memo
    return rows_table([deal_row(s, memo) for s in stories])


def news_order(rows: Sequence[str]) -> list[str]:
    """Deal rows by their story's news time, newest first (then the newer story)."""

    def key(row: str) -> tuple[datetime, int]:
        found = _ROW_ORDER.match(row)
        if found is None:
            return datetime.min.replace(tzinfo=UTC), 0
        return utc(datetime.fromisoformat(found[2])), int(found[1])

    return sorted(rows, key=key, reverse=True)


def rows_table(rows: Sequence[str]) -> str:
    """The deals table of ``rows``, newest news first."""
    rows = news_order(rows)
    if not rows:
        return "<p>No deals yet.</p>\n"
    head = (
        "<tr><th>Date</th><th>Type</th><th>Parties</th><th>Amount</th>"
        "<th>Outlets</th><th>Story</th></tr>\n"
    )
    return (
        f'<div class="scroll"><table>\n<thead>{head}</thead>\n'
        f"<tbody>\n{''.join(rows)}</tbody>\n</table></div>\n"
    )


def _feed_item(spec: FeedSpec, prefix: str) -> str:
    name = escape(spec.title)
    return (
        f'<li>{name}: <a href="{_attr(prefix + spec.path)}.atom">Atom</a> · '
        f'<a href="{_attr(prefix + spec.path)}.json">JSON</a></li>\n'
    )


def _feed_lists(specs: Sequence[FeedSpec]) -> str:
    out = []
    for group in ("Main", "Briefs", "Deal types", "Tags", "Alerts"):
        items = "".join(_feed_item(s, "") for s in specs if s.group == group)
        if items:
            out.append(f"<h3>{escape(group)}</h3>\n<ul>\n{items}</ul>\n")
    out.append(
        "<h3>Exports</h3>\n<ul>\n<li>Every deal, one row per story: "
        '<a href="deals.csv">CSV</a> · <a href="deals.ndjson">NDJSON</a></li>\n</ul>\n'
    )
    out.append(
        '<p>All feeds as OPML: <a href="subscriptions.opml">subscriptions.opml</a>; '
        'the outlets we follow: <a href="sources.opml">sources.opml</a>.</p>\n'
    )
    return "".join(out)


def _company_list(companies: Sequence[Company]) -> str:
    if not companies:
        return "<p>No companies yet.</p>\n"
    items = []
    for company in sorted(companies, key=lambda c: (clean(c.name).lower(), c.slug)):
        slug = path_slug(company.slug)
        items.append(
            f'<li><a href="companies/{_attr(slug)}.html">{escape(clean(company.name))}'
            f"</a> <small>({company.deal_count})</small> · "
            f'<a href="companies/{_attr(slug)}.atom">Atom</a></li>\n'
        )
    return f"<ul>\n{''.join(items)}</ul>\n"


def _last_updated(stories: Sequence[Story]) -> str:
    return _last_updated_at(max((utc(s.updated) for s in stories), default=None))


def _last_updated_at(newest: datetime | None) -> str:
    if newest is None:
        return ""
    return (
        f'<p><small>Last update: <time datetime="{rfc3339(newest)}">'
        f"{newest.strftime('%Y-%m-%d %H:%M')} UTC</time></small></p>\n"
    )


def index_page(
    settings: Settings,
    specs: Sequence[FeedSpec],
    latest: Sequence[Story],
    companies: Sequence[Company],
    chart_svg: str,
    rows: dict[RowKey, str] | None = None,
    sources: Sequence[FeedState] = (),
) -> bytes:
    site = clean(settings.site.title) or "AI deals"
    auto = [
        ("application/atom+xml", s.title, s.path + ".atom") for s in specs if s.group != "Companies"
    ]
    auto.insert(1, ("application/feed+json", site, "feed.json"))
    body = (
        f"<body>\n<header><h1>{escape(site)}</h1>\n"
        f"<p>{escape(clean(settings.site.subtitle))}</p>\n{_last_updated(latest)}</header>\n"
        f"<main>\n<h2>Latest deals</h2>\n{deals_table(latest, rows)}"
        f"<h2>Deals per month</h2>\n<figure>{chart_svg}</figure>\n"
        f"<h2>Feeds</h2>\n{_feed_lists(specs)}"
        f"<h2>Companies</h2>\n{_company_list(companies)}"
        f"{_sources_table(sources)}</main>\n</body>\n</html>\n"
    )
    return (_head(site, auto) + body).encode("utf-8")


ERROR_CHARS = 160


def _sources_table(sources: Sequence[FeedState]) -> str:
    """Every source with its status, last success and last error: a page whose feeds all
    fail says so ("failing since …")."""
    if not sources:
        return ""
    failing = sum(1 for s in sources if s.error_count and not s.disabled)
    head = (
        f"<h2>Sources</h2>\n<p>{len(sources)} sources, {failing} failing.</p>\n"
        '<table class="sources">\n<thead><tr><th>source</th><th>status</th>'
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
            f"<tr><td>{escape(clean(s.name))}</td><td>{escape(status)}</td>"
            f"<td>{when}</td><td>{escape(error)}</td></tr>\n"
        )
    return head + "".join(rows) + "</tbody>\n</table>\n"


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "never"
    at = utc(moment)
    return f'<time datetime="{rfc3339(at)}">{at.strftime("%Y-%m-%d %H:%M")}</time>'


def company_page(
    settings: Settings,
    spec: FeedSpec,
    company: Company,
    rows: Sequence[str],
    newest: datetime | None,
) -> bytes:
    """A company's page: its deal rows (newest story first) and the newest story's time."""
    site = clean(settings.site.title) or "AI deals"
    name = clean(company.name) or company.slug
    slug = spec.path.rsplit("/", 1)[-1]
    auto = [
        ("application/atom+xml", spec.title, f"{slug}.atom"),
        ("application/feed+json", spec.title, f"{slug}.json"),
    ]
    body = (
        f'<body>\n<header><p><a href="../index.html">{escape(site)}</a></p>\n'
        f"<h1>{escape(name)}</h1>\n{_last_updated_at(newest)}</header>\n<main>\n"
        f'<p>Follow: <a href="{_attr(slug)}.atom">Atom feed</a> · '
        f'<a href="{_attr(slug)}.json">JSON feed</a></p>\n'
        f"<h2>Deals</h2>\n{rows_table(rows)}</main>\n</body>\n</html>\n"
    )
    return (_head(f"{name}: {site}", auto, root="../") + body).encode("utf-8")
