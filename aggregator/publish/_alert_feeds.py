"""``alerts/{name}.atom``, ``.json`` (each format): one feed per alert rule, one entry per alert.

An entry is made from the alert's own snapshot (what it said when it fired), so it never
changes: its id is the alert's (``tag:…:alert/{rule}/{story}/{n}``), its dates the time it
fired. A feed lists the newest ``publish.feed_size`` alerts of its rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from aggregator.models import AlertEvent, Source, StoryQuery

from . import _formats, _state
from ._context import Context, write_page
from ._entry import Category, EntryView, Link, Rendered, parties_text, source_feed
from ._paging import FeedSpec, Page
from ._text import clean, clean_deal, format_money, path_slug, safe_url, utc

GROUP = "Alerts"


def alert_specs(ctx: Context) -> list[FeedSpec]:
    site = clean(ctx.settings.site.title) or "AI deals"
    return [
        FeedSpec(
            f"alerts/{path_slug(rule.name)}",
            f"{site}: alert {clean(rule.name)}",
            StoryQuery(),
            group=GROUP,
        )
        for rule in ctx.settings.alerts
    ]


def publish_alert_feeds(ctx: Context, specs: Sequence[FeedSpec]) -> None:
    for spec, rule in zip(specs, ctx.settings.alerts):
        newest = list(ctx.reader.alert_events(rule.name, limit=ctx.size))
        sig = _state.digest(ctx.fingerprint, len(newest), [(e.id, e.uri) for e in newest])
        ctx.current[spec.path] = {"sig": sig}
        files = [ctx.writer.root / name for name in _formats.files(spec.path)]
        if ctx.previous.get(spec.path, {}).get("sig") == sig and all(f.exists() for f in files):
            ctx.writer.unchanged += len(files)
            continue
        entries = tuple(_rendered(ctx, e) for e in newest)
        write_page(ctx, Page(feed=spec, stem=spec.path, entries=entries))


def _rendered(ctx: Context, event: AlertEvent) -> Rendered:
    view = alert_entry(ctx, event)
    return _formats.rendered(view)


def alert_entry(ctx: Context, event: AlertEvent) -> EntryView:
    deal = clean_deal(event.deal)
    line = clean(ctx.deal_line(deal)).strip()
    headline = clean(event.headline)
    url = safe_url(event.link)
    outlet = clean(event.outlet) or "unknown outlet"
    fired = utc(event.fired_at)
    primary = Source(
        entry_id=0,
        feed=outlet,
        feed_url=event.outlet_feed,
        title=event.title,
        link=event.link,
        published=None,
        first_seen=fired,
    )
    base = ctx.settings.site.base_url
    cats: list[Category] = [Category(deal.type, base + "scheme/deal-type")]
    cats += [
        Category(p.slug, base + "scheme/company", p.name)
        for p in {p.slug: p for p in deal.parties if p.slug}.values()
    ]
    title = clean(event.title) or "(untitled)"
    return EntryView(
        id=clean(event.uri),
        title=f"{'New deal' if event.kind == 'new' else 'Update'}: {title}",
        url=url,
        links=(Link(url, "alternate"),) if url else (),
        published=fired,
        updated=fired,
        author=outlet,
        source=source_feed(primary, outlet, ctx.settings),
        source_feed=safe_url(event.outlet_feed),
        categories=tuple(cats),
        summary=f"{headline} · {line}",
        content_html=_content(headline, deal, url, title),
        deal=deal,
    )


def _content(headline: str, deal: Any, url: str | None, title: str) -> str:
    rows = [
        ("Type", deal.type),
        ("Status", deal.status or ""),
        ("Amount", format_money(deal.amount)),
        ("Parties", parties_text(deal)),
    ]
    cells = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows if v)
    story = f'<a href="{escape(url)}">{escape(title)}</a>' if url else escape(title)
    return f"<p><strong>{escape(headline)}</strong></p><table>{cells}</table><p>{story}</p>"
