"""companies/{slug}.html and investors/{slug}.html: a profile, the deal history as a
timeline (or the portfolio), and the latest stories of the party's feed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any

from aggregator.models import Company, Deal, Money, PartyDeal, Settings, Story

from . import _formats
from ._page import PageMeta, document, item_list
from ._paging import FeedSpec
from ._profile import Link, Profile, profile_of
from ._table import (
    one_line,
    outlets_html,
    party_html,
    round_name,
    row_articles,
    rows_table,
    usd_of,
)
from ._text import clean, clean_deal, format_money, path_slug, rfc3339, safe_url, utc

TIMELINE = 50  # deals a timeline (or portfolio) lists: the newest
ABOUT_SHOWN = 30  # stories about a company its page lists: the newest (all in its feed)


@dataclass(frozen=True)
class About:
    """The newest stories about a company, as lines of its page, and how many there are."""

    lines: tuple[str, ...] = ()
    total: int = 0


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _day(moment: datetime) -> str:
    at = utc(moment)
    return f'<time datetime="{rfc3339(at)}">{at.date().isoformat()}</time>'


def _updated(newest: datetime | None) -> str:
    if newest is None:
        return ""
    at = utc(newest)
    return (
        f'<p><small>Last update: <time datetime="{rfc3339(at)}">'
        f"{at.strftime('%Y-%m-%d %H:%M')} UTC</time></small></p>\n"
    )


def _names(links: Sequence[Link], *, leads: bool = False) -> str:
    out = []
    for link in links:
        name = escape(one_line(clean(link.name))) or escape(link.slug)
        item = f'<a href="{_attr(path_slug(link.slug))}.html">{name}</a>'
        notes = (["lead"] if leads and link.lead else []) + (
            [f"{link.deals} deals"] if link.deals > 1 else []
        )
        out.append(item + (f" <small>({', '.join(notes)})</small>" if notes else ""))
    return ", ".join(out)


def _story_link(item: PartyDeal) -> str:
    title = escape(one_line(clean(item.title)) or "(untitled)")
    href = safe_url(item.url)
    return f'<a href="{_attr(href)}">{title}</a>' if href else title


def _money(money: Money | None) -> str:
    return escape(format_money(money))


def _facts(profile: Profile, slug: str, investor_page: bool) -> str:
    rows: list[tuple[str, str]] = []
    if profile.raised_rounds:
        raised = (
            _money(Money(profile.raised_usd, "USD")) if profile.raised_usd else "none disclosed"
        )
        count = profile.raised_rounds
        what = (
            f"{count} deal{'s' if count != 1 else ''}"
            if profile.ipo
            else f"{count} round{'s' if count != 1 else ''}"
        )
        rows.append(("Total disclosed raised", f"{raised} <small>in {what}</small>"))
    if profile.last_round is not None:
        deal = clean_deal(profile.last_round.deal)
        parts = [
            escape(round_name(deal.round) or deal.type),
            _money(deal.amount),
            _day(profile.last_round.announced),
        ]
        rows.append(("Last round", " · ".join(p for p in parts if p)))
    if profile.ipo is not None:
        deal = clean_deal(profile.ipo.deal)
        parts = [escape(deal.status or ""), _money(deal.amount), _day(profile.ipo.announced)]
        rows.append(("IPO", " · ".join(p for p in parts if p)))
    if profile.valuation is not None:
        money, item = profile.valuation
        rows.append(("Last valuation", f"{_money(money)} <small>({_day(item.announced)})</small>"))
    if profile.investors:
        rows.append(("Investors", _names(profile.investors, leads=True)))
    if profile.acquired:
        rows.append(("Acquisitions made", _names(profile.acquired)))
    if profile.acquired_by:
        rows.append(("Acquired by", _names(profile.acquired_by)))
    if profile.partners:
        rows.append(("Partners", _names(profile.partners)))
    if profile.portfolio and not investor_page:
        rows.append(
            (
                "Invests in",
                f'<a href="../investors/{_attr(slug)}.html">'
                f"{len(profile.portfolio)} deal{'s' if len(profile.portfolio) != 1 else ''}"
                "</a>",
            )
        )
    if not rows:
        return ""
    cells = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>\n" for k, v in rows)
    return f'<dl class="profile">\n{cells}</dl>\n'


def _others(deal: Deal, slug: str) -> str:
    return ", ".join(party_html(p) for p in deal.parties if p.slug != slug)


def _older(shown: int, total: int) -> str:
    more = total - shown
    return (
        f"<p><small>And {more} older deal{'s' if more != 1 else ''} (in the feed's "
        "archive).</small></p>\n"
        if more > 0
        else ""
    )


Items = dict[tuple[int, str], str]  # (story id, version) -> its timeline or portfolio line


def item_key(item: PartyDeal) -> tuple[int, str]:
    """What a timeline or portfolio line is of: its story at a version (a line depends on
    nothing else but the page's party)."""
    return item.id, _version(item)


def _version(item: PartyDeal) -> str:
    return escape(one_line(clean(item.updated)), quote=True) or "-"


def _timeline_item(item: PartyDeal, slug: str) -> str:
    deal = clean_deal(item.deal)
    facts = [
        f"<b>{escape(deal.type)}</b>",
        escape(round_name(deal.round)),
        _money(deal.amount),
        escape(deal.status or ""),
    ]
    with_ = _others(deal, slug)
    return (
        f'<li data-deal="{item.id}" data-version="{_version(item)}">{_day(item.announced)}'
        f" · {' · '.join(f for f in facts if f)}{' — ' + with_ if with_ else ''}<br>"
        f"{_story_link(item)}</li>\n"
    )


def _lines(deals: Sequence[PartyDeal], slug: str, items: Items, render: Any) -> list[str]:
    """The line of each deal: from ``items`` when made at its version already, else made
    (and added to ``items``, unless its version is unknown)."""
    out = []
    for item in deals:
        line = items.get(item_key(item)) if item.updated else None
        if line is None:
            line = render(item, slug)
            if item.updated:
                items[item_key(item)] = line
        out.append(line)
    return out


def timeline(
    deals: Sequence[PartyDeal], slug: str, total: int = 0, items: Items | None = None
) -> str:
    """The newest ``TIMELINE`` deals of ``deals`` (oldest first), newest first: date, type,
    round, amount, the other parties, the story; ``total``: how many there are in all (a
    line counts those not shown); ``items``: lines made before, by story version (the
    lines made here are added)."""
    if not deals:
        return "<p>No deals yet.</p>\n"
    shown = list(reversed(deals))[:TIMELINE]
    lines = _lines(shown, slug, {} if items is None else items, _timeline_item)
    return f'<ol class="timeline">\n{"".join(lines)}</ol>\n{_older(len(shown), total)}'


def story_key(story_id: int, updated: datetime) -> tuple[int, str]:
    """What a line of a company's stories is of: its story at a version (kept with the
    page's timeline lines, so marked apart from theirs)."""
    return story_id, "story " + rfc3339(updated)


def story_line(story: Story) -> str:
    """A story about a company on its page: date, the story (its primary report's title,
    linked), its deal type if any, the outlets."""
    title = escape(one_line(clean(story.title)) or "(untitled)")
    href = safe_url(story.primary.link)
    link = f'<a href="{_attr(href)}">{title}</a>' if href else title
    kind = (
        f' · <a href="../deals/{_attr(path_slug(story.deal.type))}.html">'
        f"{escape(clean(story.deal.type))}</a>"
        if story.deal is not None and clean(story.deal.type)
        else ""
    )
    return (
        f'<li data-story="{story.id}">{_day(story.published)} · {link}{kind}'
        f" <small>{outlets_html(story)}</small></li>\n"
    )


def _stories(about: About, slug: str) -> str:
    if not about.lines:
        return "<p>No stories yet.</p>\n"
    more = about.total - len(about.lines)
    older = (
        f'<p><small>And {more} older in <a href="../about/{_attr(slug)}.atom">its feed of '
        "all stories</a>.</small></p>\n"
        if more > 0
        else ""
    )
    return f'<ol class="stories">\n{"".join(about.lines)}</ol>\n{older}'


def _portfolio_row(item: PartyDeal, slug: str) -> str:
    deal = clean_deal(item.deal)
    me = next((p for p in deal.parties if p.slug == slug and p.role == "investor"), None)
    backed = ", ".join(
        party_html(p) for p in deal.parties if p.slug != slug and p.role in ("target", "issuer")
    )
    return (
        f'<tr data-deal="{item.id}" data-version="{_version(item)}">'
        f'<td class="d">{_day(item.announced)}</td><td>{backed}</td>'
        f'<td data-l="Round">{escape(round_name(deal.round) or deal.type)}</td>'
        f'<td class="n" data-l="Amount">{_money(deal.amount)}</td>'
        f'<td data-l="Role">{"lead" if me is not None and me.lead else ""}</td>'
        f'<td class="t">{_story_link(item)}</td></tr>\n'
    )


def portfolio_table(
    deals: Sequence[PartyDeal], slug: str, total: int = 0, items: Items | None = None
) -> str:
    """The deals an investor took part in (``deals``: newest first; ``total`` in all):
    the newest ``TIMELINE``."""
    if not deals:
        return "<p>No investments yet.</p>\n"
    shown = list(deals)[:TIMELINE]
    rows = _lines(shown, slug, {} if items is None else items, _portfolio_row)
    return (
        '<table class="cards">\n<thead><tr><th>Date</th><th>Company</th><th>Round</th>'
        '<th class="n">Amount</th><th>Role</th><th>Story</th></tr></thead>\n<tbody>\n'
        + "".join(rows)
        + "</tbody>\n</table>\n"
        + _older(len(shown), total)
    )


def _meta(
    settings: Settings,
    spec: FeedSpec,
    title: str,
    description: str,
    rows: Sequence[str],
    about: str = "",
) -> PageMeta:
    """``about``: the title of the company's feed of all stories (its page's first
    alternate), when it has one."""
    slug = spec.path.rsplit("/", 1)[-1]
    url = settings.site.base_url + spec.html_path
    feeds = _formats.alternates(about, f"../about/{slug}") if about else ()
    return PageMeta(
        path=spec.html_path,
        title=title,
        description=description,
        feeds=feeds + _formats.alternates(spec.title, slug),
        json_ld=item_list(title, url, row_articles(rows)),
    )


def _follow(slug: str, about: bool = False) -> str:
    if not about:
        return f"<p>Follow: {_formats.follow_links(slug)}</p>\n"
    return (
        f"<p>Follow all stories: {_formats.follow_links(f'../about/{slug}')}; "
        f"its deals: {_formats.follow_links(slug)}</p>\n"
    )


def _scope(shown: int, total: int) -> str:
    """What a profile is read from, when that is not every deal."""
    if total <= shown:
        return ""
    return f"<p><small>From its latest {shown} deals of {total}.</small></p>\n"


def company_page(
    settings: Settings,
    spec: FeedSpec,
    company: Company,
    rows: Sequence[str],
    newest: datetime | None,
    deals: Sequence[PartyDeal],
    total: int = 0,
    items: Items | None = None,
    about: About | None = None,
) -> bytes:
    """A company's page: ``deals`` (its newest deal stories, by news time; ``total`` in
    all) make the profile and the timeline; ``rows`` (its feed's stories) the table of
    its latest deals; ``about``: the newest stories about it (any story naming it, its
    ``about/{slug}`` feed); ``items``: timeline lines made before, by story version (those
    made here are added)."""
    total = max(total, len(deals))
    site = clean(settings.site.title) or "AI deals"
    name = one_line(clean(company.name)) or company.slug
    slug = spec.path.rsplit("/", 1)[-1]
    profile = profile_of(company.slug, deals)
    since = f" since {utc(profile.first).date().isoformat()}" if profile.first else ""
    since = since if total <= len(deals) else ""
    summary = f"{total} deal{'s' if total != 1 else ''}{since}"
    raised = format_money(Money(profile.raised_usd, "USD")) if profile.raised_usd else ""
    description = f"{name}: {summary}" + (f", {raised} disclosed raised" if raised else "") + "."
    about = about or About()
    header = (
        f"<h1>{escape(name)}</h1>\n<p>{escape(summary)}.</p>\n{_updated(newest)}"
        f"{_follow(slug, about=True)}"
    )
    main = (
        f"<h2>Profile</h2>\n{_scope(len(deals), total)}"
        f"{_facts(profile, slug, False) or '<p>No facts yet.</p>'}\n"
        f"<h2>Deal history</h2>\n{timeline(deals, company.slug, total, items)}"
        f"<h2>Latest deals</h2>\n{rows_table(rows)}"
        f'<h2 id="stories">All stories about {escape(name)}</h2>\n{_stories(about, slug)}'
    )
    meta = _meta(settings, spec, f"{name}: {site}", description, rows, f"{spec.title}: all stories")
    return document(settings, meta, header, main)


def investor_page(
    settings: Settings,
    spec: FeedSpec,
    company: Company,
    rows: Sequence[str],
    newest: datetime | None,
    deals: Sequence[PartyDeal],
    total: int = 0,
    items: Items | None = None,
) -> bytes:
    """An investor's page: its portfolio (``deals``: its newest investments, by news time;
    ``total`` in all; ``items``: portfolio lines made before, by story version; those made
    here are added) and its feed's latest stories."""
    total = max(total, len(deals))
    site = clean(settings.site.title) or "AI deals"
    name = one_line(clean(company.name)) or company.slug
    slug = spec.path.rsplit("/", 1)[-1]
    portfolio = profile_of(company.slug, deals).portfolio
    led = sum(
        1
        for d in portfolio
        for p in d.deal.parties
        if p.slug == company.slug and p.role == "investor" and p.lead
    )
    disclosed = sum(max(usd_of(d.deal.amount) or 0.0, 0.0) for d in portfolio)
    summary = (
        f"{total} investment{'s' if total != 1 else ''}"
        + (f", {led} led" if led else "")
        + (
            f", in rounds of {format_money(Money(disclosed, 'USD'))} disclosed in all"
            if disclosed
            else ""
        )
    )
    header = (
        f"<h1>{escape(name)}: investments</h1>\n<p>{escape(summary)}. "
        f'Company page: <a href="../companies/{_attr(slug)}.html">{escape(name)}</a>.'
        f"</p>\n{_updated(newest)}{_follow(slug)}"
    )
    main = (
        f"<h2>Portfolio</h2>\n{_scope(len(portfolio), total)}"
        f"{portfolio_table(portfolio, company.slug, total, items)}"
        f"<h2>Latest stories</h2>\n{rows_table(rows)}"
    )
    meta = _meta(settings, spec, f"{name}: investments: {site}", f"{name}: {summary}.", rows)
    return document(settings, meta, header, main)
