"""The webhook request of one alert, in each message format, and its signature.

``json`` (the documented schema of docs/alerts.md), ``slack`` (incoming webhook ``text``),
``discord`` (webhook ``content``, mentions disabled), ``ntfy`` (plain-text body with
``Title``, ``Click`` and ``Tags`` headers). Every request carries ``Idempotency-Key`` (the
alert's id: the same on every retry) and, with a secret, ``X-Aggregator-Signature:
sha256=<hex HMAC-SHA256 of the body>``. The body depends only on the alert, so a retry
sends the same bytes with the same signature.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..models import AlertEvent, Deal, Money, WebhookTarget

SCHEMA = "https://aggregator.dev/ns/alert/1"
SIGNATURE_HEADER = "X-Aggregator-Signature"
USER_AGENT = "aggregator-alerts/1"
DISCORD_LIMIT = 2000
NTFY_TITLE_LIMIT = 200


@dataclass(frozen=True)
class Message:
    body: bytes
    headers: dict[str, str]


def signature(secret: str, body: bytes) -> str:
    """The value of ``X-Aggregator-Signature`` for ``body``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str) -> bool:
    """What a receiver does: compare in constant time."""
    return hmac.compare_digest(signature(secret, body), header)


def _money(money: Money | None) -> dict[str, Any] | None:
    if money is None:
        return None
    return {
        "value": money.value,
        "currency": money.currency,
        "qualifier": money.qualifier,
        "high": money.high,
        "usd": money.usd,
    }


def _deal(deal: Deal) -> dict[str, Any]:
    return {
        "type": deal.type,
        "status": deal.status,
        "amount": _money(deal.amount),
        "valuation": _money(deal.valuation),
        "round": deal.round,
        "parties": [{"name": p.name, "role": p.role, "slug": p.slug} for p in deal.parties],
    }


def json_body(event: AlertEvent, deal_line: str) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "id": event.uri,
        "rule": event.rule,
        "kind": event.kind,
        "seq": event.seq,
        "fired_at": event.fired_at.isoformat().replace("+00:00", "Z"),
        "headline": event.headline,
        "deal_line": deal_line,
        "changes": [
            {"field": c.field, "from": c.old or None, "to": c.new, "text": c.text}
            for c in event.changes
        ],
        "story": {
            "id": event.story_uri,
            "title": event.title,
            "url": event.link,
            "outlet": event.outlet,
        },
        "deal": _deal(event.deal),
    }


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack(event: AlertEvent, deal_line: str) -> dict[str, Any]:
    title = _slack_escape(event.title)
    link = f"<{event.link}|{title}>" if event.link else title
    return {
        "text": f"*{_slack_escape(event.headline)}* · {_slack_escape(deal_line)}\n{link}",
        "unfurl_links": False,
    }


def _discord(event: AlertEvent, deal_line: str) -> dict[str, Any]:
    title = event.title.replace("]", ")").replace("[", "(")
    link = f"[{title}](<{event.link}>)" if event.link else title
    text = f"**{event.headline}** · {deal_line}\n{link}"
    return {"content": text[:DISCORD_LIMIT], "allowed_mentions": {"parse": []}}


def _header_text(text: str) -> str:
    """A header value: ASCII as is, else an RFC 2047 encoded word (ntfy decodes them)."""
    text = " ".join(text.split())[:NTFY_TITLE_LIMIT]
    if text.isascii():
        return text
    return "=?UTF-8?B?" + base64.b64encode(text.encode()).decode() + "?="


def payload(
    event: AlertEvent,
    target: WebhookTarget,
    deal_line: Callable[[Deal], str],
) -> Message:
    """The request to send ``event`` to ``target``."""
    line = deal_line(event.deal)
    headers = {"User-Agent": USER_AGENT, "Idempotency-Key": event.uri}
    if target.format == "ntfy":
        body = f"{event.headline} · {line}\n{event.title}".encode()
        headers.update(
            {
                "Content-Type": "text/plain; charset=utf-8",
                "Title": _header_text(f"Deal alert ({event.rule})"),
                "Tags": "moneybag",
            }
        )
        if event.link and event.link.isascii():
            headers["Click"] = event.link
    else:
        shape = {"json": json_body, "slack": _slack, "discord": _discord}[target.format]
        body = json.dumps(
            shape(event, line), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        ).encode()
        headers["Content-Type"] = "application/json"
    if target.secret:
        headers[SIGNATURE_HEADER] = signature(target.secret, body)
    return Message(body, headers)
