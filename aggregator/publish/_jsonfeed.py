"""JSON Feed 1.1 documents: the same pages, entries and ids as the Atom documents.

Deal facts travel in the item extension object ``_deal`` (same fields as the Atom
``deal:`` elements; a digest's other deals in its ``also`` list); archive pages carry
``_archive: true``; ``next_url`` points to the next-older archive page (the JSON twin of
Atom's ``prev-archive``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from aggregator.models import Deal, Money, Settings

from ._atom import DEAL_NS
from ._entry import EntryView
from ._icon import FAVICON, ICON
from ._paging import Page
from ._text import clean, json_number, rfc3339

VERSION = "https://jsonfeed.org/version/1.1"


def _money(money: Money | None) -> dict[str, Any] | None:
    if money is None:
        return None
    out: dict[str, Any] = {"value": json_number(money.value), "currency": money.currency}
    if money.qualifier:
        out["qualifier"] = money.qualifier
    if money.high is not None:
        out["high"] = json_number(money.high)
    if money.usd is not None:
        out["usd"] = json_number(money.usd)
    if money.text:
        out["text"] = money.text
    return out


def deal_object(deal: Deal, about: bool = True) -> dict[str, Any]:
    """The ``_deal`` object; ``about=False``: one of its ``also`` deals (no namespace)."""
    out: dict[str, Any] = {
        "about": DEAL_NS if about else None,
        "type": deal.type,
        "status": deal.status,
        "amount": _money(deal.amount),
        "valuation": _money(deal.valuation),
        "round": deal.round,
        "parties": [
            {"name": p.name, "role": p.role, "slug": p.slug, **({"lead": True} if p.lead else {})}
            for p in deal.parties
        ],
        "evidence": deal.evidence or None,
        "also": [deal_object(d, about=False) for d in deal.also] or None,
    }
    return {k: v for k, v in out.items() if v is not None}


def _item(view: EntryView) -> dict[str, Any]:
    item: dict[str, Any] = {"id": view.id}
    if view.url:
        item["url"] = view.url
    item.update(title=view.title, content_html=view.content_html)
    if view.summary:
        item["summary"] = view.summary
    item.update(date_published=rfc3339(view.published), date_modified=rfc3339(view.updated))
    author: dict[str, str] = {"name": view.author}
    if view.source_feed:
        author["url"] = view.source_feed
    item["authors"] = [author]
    tags = [c.label or c.term for c in view.categories]
    if tags:
        item["tags"] = list(dict.fromkeys(tags))
    related = [{"url": ln.href, "title": ln.title} for ln in view.links if ln.rel == "related"]
    if related:
        item["_related"] = [{k: v for k, v in r.items() if v} for r in related]
    if view.deal is not None:
        item["_deal"] = deal_object(view.deal)
    if view.history:
        item["_deal_history"] = [
            {
                "date": rfc3339(fix.at),
                "changes": [
                    {
                        "field": c.field,
                        "from": clean(c.old) or None,
                        "to": clean(c.new),
                        "text": clean(c.text),
                    }
                    for c in fix.changes
                ],
            }
            for fix in view.history
        ]
    return item


def item_fragment(view: EntryView) -> bytes:
    """One item, serialised exactly as it appears inside a feed's ``items`` array."""
    return dumps(_item(view)).encode("utf-8")


def dumps(value: Any) -> str:
    # Compact: the C encoder is ~10x faster than indent=2 on big feeds.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def render_json(page: Page, settings: Settings, feed_id: str, items: Sequence[bytes]) -> bytes:
    """The JSON Feed document of ``page``; its items (``items``: rendered once per story by
    ``item_fragment``) are spliced in pre-serialised. JSON Feed has no feed-level id: the
    Atom one (``feed_id``) is not shown."""
    base = settings.site.base_url
    doc: dict[str, Any] = {
        "version": VERSION,
        "title": page.feed.title,
        "home_page_url": base + page.feed.html_path,
        "feed_url": base + page.stem + ".json",
        "description": clean(settings.site.subtitle),
        "icon": base + ICON,
        "favicon": base + FAVICON,
        "language": "en",
        "authors": [{"name": clean(settings.site.author) or "aggregator"}],
    }
    if page.prev_archive:
        doc["next_url"] = base + page.prev_archive + ".json"
    hub = clean(settings.websub_hub)
    if hub:
        doc["hubs"] = [{"type": "WebSub", "url": hub}]
    if page.archive:
        doc["_archive"] = True
    doc["items"] = []
    shell = dumps(doc)  # "items" is the last key: its "[]}" closes the document
    return shell[:-3].encode("utf-8") + b"[" + b",".join(items) + b"]}\n"
