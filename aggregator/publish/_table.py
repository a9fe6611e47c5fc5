"""The deals table: one row per deal story, each row one line of the page.

A row carries its story's id and version (and news time and amount in USD): a row is
made once per story version (:func:`deal_row`; rows of an earlier publish are kept by
``_kept``), and rows are ordered by date or by amount without their stories. Links in a
row are written as from a page one directory down (``../companies/x.html``);
:func:`at_root` turns them into links from ``index.html``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape, unescape
from typing import Any

from aggregator.models import Deal, Money, Party, Story

from ._text import clean, clean_deal, format_money, path_slug, plain_number, rfc3339, safe_url, utc

RowKey = tuple[int, str]  # (story id, its updated time in RFC 3339): one row's version
_ROW_ORDER = re.compile(r'<tr data-story="(\d+)"[^<>]* data-published="([^"<>]+)"')
_ROW_USD = re.compile(r'<tr [^<>]*data-usd="([0-9.]+)"')
_ROW_STORY = re.compile(r'<td class="t"><a href="([^"]*)">([^<]*)</a>')
OUTLETS_SHOWN = 3


def _attr(value: str) -> str:
    return escape(value, quote=True)


def row_key(story_id: int, updated: datetime) -> RowKey:
    return story_id, rfc3339(updated)


def one_line(text: str) -> str:
    """``text`` on one line (each run of white space one space): a row, or a timeline line,
    is one line of its page."""
    return " ".join(text.split())


def usd_of(money: Money | None) -> float | None:
    """The amount in US dollars when it is known (a USD amount is its own value)."""
    if money is None:
        return None
    if money.usd is not None:
        return money.usd
    return money.value if money.currency.upper() == "USD" else None


def round_name(value: str | None) -> str:
    """ "series-b" -> "Series B", "pre-seed" -> "Pre-seed"."""
    words = clean(value).replace("_", "-").split("-")
    if not words or not words[0]:
        return ""
    if words[0].lower() == "series" and len(words) == 2 and len(words[1]) <= 2:
        return f"Series {words[1].upper()}"
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def role_name(party: Party) -> str:
    return "lead investor" if party.lead and party.role == "investor" else party.role


def party_html(party: Party, root: str = "../") -> str:
    """A party's name linking to its company page, and its role; an investor's role links
    to its investor page."""
    name = escape(one_line(party.name))
    slug = path_slug(party.slug) if party.slug else ""
    if not slug:
        return f"{name} <small>{escape(role_name(party))}</small>" if party.role else name
    link = f'<a href="{root}companies/{_attr(slug)}.html">{name}</a>'
    if party.role == "investor":
        role = f'<a href="{root}investors/{_attr(slug)}.html">{escape(role_name(party))}</a>'
        return f"{link} <small>({role})</small>"
    return f"{link} <small>({escape(party.role)})</small>" if party.role else link


def outlets_html(story: Story) -> str:
    """The outlets that reported ``story`` (the primary's first, a few, "+n" for the
    others)."""
    return _outlets(story)


def _outlets(story: Story) -> str:
    names: list[str] = []
    for source in (story.primary, *story.sources):
        name = one_line(clean(source.feed))
        if name and name not in names:
            names.append(name)
    shown = names[:OUTLETS_SHOWN]
    more = max(story.source_count, len(story.sources)) - len(shown)
    text = escape(", ".join(shown))
    if more > 0 and shown:
        text += f" <small>+{more}</small>"
    return text


def _deal_row(story: Story) -> str:
    deal: Deal | None = clean_deal(story.deal) if story.deal else None
    title = escape(one_line(clean(story.title)) or "(untitled)")
    href = safe_url(story.primary.link)
    link = f'<a href="{_attr(href)}">{title}</a>' if href else title
    published = rfc3339(story.published)
    day = utc(story.published).date().isoformat()
    usd = usd_of(deal.amount) if deal else None
    kind = escape(deal.type) if deal else ""
    kind_link = (
        f'<a href="../deals/{_attr(path_slug(deal.type))}.html">{kind}</a>'
        if deal and deal.type
        else kind
    )
    parties = ", ".join(party_html(p) for p in deal.parties) if deal else ""
    cells = [
        f'<td class="d"><time datetime="{published}">{day}</time></td>',
        f'<td class="k">{kind_link}</td>',
        f'<td class="k" data-l="Round">{escape(round_name(deal.round if deal else None))}</td>',
        f'<td class="n" data-l="Amount">{escape(format_money(deal.amount if deal else None))}</td>',
        f'<td class="n" data-l="Valuation">'
        f"{escape(format_money(deal.valuation if deal else None))}</td>",
        f'<td class="k" data-l="Status">{escape(deal.status or "") if deal else ""}</td>',
        f"<td>{parties}</td>",
        f'<td data-l="Outlets">{_outlets(story)}</td>',
        f'<td class="t">{link}</td>',
    ]
    story_id, updated = row_key(story.id, story.updated)
    amount = f' data-usd="{plain_number(round(usd, 2))}"' if usd is not None and usd >= 0 else ""
    return (
        f'<tr data-story="{story_id}" data-updated="{updated}" '
        f'data-published="{published}"{amount}>{"".join(cells)}</tr>\n'
    )


def deal_row(story: Story, memo: dict[RowKey, str]) -> str:
    key = row_key(story.id, story.updated)
    row = memo.get(key)
    if row is None:
        row = memo[key] = _deal_row(story)
    return row


def _news(row: str) -> tuple[datetime, int]:
    found = _ROW_ORDER.match(row)
    if found is None:
        return datetime.min.replace(tzinfo=UTC), 0
    return utc(datetime.fromisoformat(found[2])), int(found[1])


def news_order(rows: Sequence[str]) -> list[str]:
    """Deal rows by their story's news time, newest first (then the newer story)."""
    return sorted(rows, key=_news, reverse=True)


def amount_order(rows: Sequence[str]) -> list[str]:
    """Deal rows by disclosed amount in USD, largest first; rows without one after them,
    newest first."""

    def key(row: str) -> tuple[int, float, datetime, int]:
        found = _ROW_USD.match(row)
        usd = float(found[1]) if found else -1.0
        return (found is not None, usd, *_news(row))

    return sorted(rows, key=key, reverse=True)


HEAD = (
    '<tr><th>Date</th><th>Type</th><th>Round</th><th class="n">Amount</th>'
    '<th class="n">Valuation</th><th>Status</th><th>Parties</th><th>Outlets</th>'
    "<th>Story</th></tr>\n"
)


def rows_table(
    rows: Sequence[str],
    *,
    by_amount: bool = False,
    ordered: bool = False,
    empty: str = "No deals yet.",
) -> str:
    """The deals table of ``rows``: newest news first, or largest first (``by_amount``),
    or as given (``ordered``)."""
    if not ordered:
        rows = amount_order(rows) if by_amount else news_order(rows)
    if not rows:
        return f"<p>{escape(empty)}</p>\n"
    return (
        f'<table class="deals cards">\n<thead>{HEAD}</thead>\n'
        f"<tbody>\n{''.join(rows)}</tbody>\n</table>\n"
    )


def at_root(html_text: str) -> str:
    """Rows (or a table of them) as linked from a page at the site's root. Every link a
    row makes inside the site starts with ``../``; links out are absolute http(s) URLs."""
    return html_text.replace('href="../', 'href="')


def row_articles(rows: Sequence[str], limit: int = 50) -> list[dict[str, Any]]:
    """schema.org NewsArticle of each row (headline, link, date), in order."""
    out: list[dict[str, Any]] = []
    for row in rows[:limit]:
        story, when = _ROW_STORY.search(row), _ROW_ORDER.match(row)
        if story is None or when is None:
            continue
        article: dict[str, Any] = {
            "@type": "NewsArticle",
            "headline": unescape(story[2]),
            "datePublished": when[2],
        }
        if story[1]:
            article["url"] = unescape(story[1])
        out.append(article)
    return out
