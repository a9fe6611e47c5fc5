"""Small text helpers shared by every writer: XML-safe strings, URLs, numbers, money."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from urllib.parse import urlsplit

from aggregator.models import Deal, Money, Party

# Characters XML 1.0 forbids (C0 controls except TAB/LF/CR, lone surrogates, U+FFFE/FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SLUG_BAD = re.compile(r"[^a-z0-9._-]+")
_SPACE = re.compile(r"\s")

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def clean(text: str | None) -> str:
    """``text`` without characters XML cannot carry (feedgen/lxml raise on them)."""
    if not text:
        return ""
    return _XML_ILLEGAL.sub("", text)


def xml_safe(text: str) -> bool:
    """True when :func:`clean` would leave ``text`` as it is."""
    return _XML_ILLEGAL.search(text) is None


def clean_or_none(text: str | None) -> str | None:
    cleaned = clean(text)
    return cleaned or None


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) URL safe to put in a link, else None."""
    url = clean(url).strip()
    if not url or _SPACE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def path_slug(value: str) -> str:
    """A file-name-safe form of a slug or tag (no separators, no dot-dot)."""
    slug = _SLUG_BAD.sub("-", clean(value).lower()).strip("-.")
    return slug or "untitled"


def utc(moment: datetime) -> datetime:
    """A timezone-aware UTC datetime (naive values are taken as UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def rfc3339(moment: datetime) -> str:
    return utc(moment).isoformat().replace("+00:00", "Z")


def plain_number(value: float) -> str:
    """4e9 -> "4000000000", 1.5 -> "1.5": never exponent notation."""
    if float(value).is_integer():
        return str(int(value))
    text = format(Decimal(repr(float(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def json_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


def finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


def _short(value: float) -> str:
    for scale, suffix in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:.2f}".rstrip("0").rstrip(".") + suffix
    return plain_number(round(value, 2))


def format_money(money: Money | None) -> str:
    """Human form: "up to $4B", "€1-2B", "CNY 500M (≈ $69M)"; "" when unknown."""
    if money is None or not finite(money.value):
        return ""
    symbol = _SYMBOLS.get(money.currency.upper())
    amount = _short(money.value)
    if finite(money.high):
        amount += "-" + _short(money.high or 0.0)
    text = f"{symbol}{amount}" if symbol else f"{money.currency.upper()} {amount}"
    if money.qualifier:
        text = f"{money.qualifier} {text}"
    if money.currency.upper() != "USD" and finite(money.usd):
        text += f" (≈ ${_short(money.usd or 0.0)})"
    return clean(text)


def _clean_money(money: Money | None) -> Money | None:
    if money is None or not finite(money.value):
        return None
    return replace(
        money,
        currency=clean(money.currency).upper() or "USD",
        qualifier=clean_or_none(money.qualifier),
        text=clean(money.text),
        high=money.high if finite(money.high) else None,
        usd=money.usd if finite(money.usd) else None,
    )


def clean_deal(deal: Deal) -> Deal:
    """A copy of ``deal`` whose every string is XML-safe and every number finite."""
    parties = tuple(
        Party(name=clean(p.name), role=clean(p.role), slug=clean(p.slug), lead=p.lead)
        for p in deal.parties
        if clean(p.name)
    )
    return replace(
        deal,
        type=clean(deal.type),
        status=clean_or_none(deal.status),
        amount=_clean_money(deal.amount),
        valuation=_clean_money(deal.valuation),
        round=clean_or_none(deal.round),
        parties=parties,
        evidence=clean(deal.evidence),
        rule=clean(deal.rule),
        also=tuple(clean_deal(d) for d in deal.also),
    )
