"""One-line human summaries: "Investment · Amazon → Anthropic · up to $4B"."""

from __future__ import annotations

from ..models import DEAL_KINDS, Deal, Money

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩"}
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
_FROM_ROLES = ("investor", "acquirer", "licensee")
_TO_ROLES = ("target", "licensor")


def _scaled(value: float, scale: float | None = None) -> tuple[str, float]:
    for size, _suffix in _SCALES:
        if (scale is None and value >= size) or scale == size:
            return f"{value / size:.2f}".rstrip("0").rstrip("."), size
    return f"{value:,.0f}", 1.0


def format_money(money: Money) -> str:
    """ "$4B", "up to €1.5B", "$1–2B", "CNY 500M"."""
    symbol = _SYMBOLS.get(money.currency)
    low, scale = _scaled(money.value, None if money.high is None else _scaled(money.high)[1])
    suffix = dict((s, x) for s, x in _SCALES).get(scale, "")
    body = low
    if money.high is not None:
        body += "–" + _scaled(money.high, scale)[0]
    body += suffix
    text = f"{symbol}{body}" if symbol else f"{money.currency} {body}"
    return f"{money.qualifier} {text}" if money.qualifier else text


def format_round(name: str) -> str:
    """ "series-b-2" -> "Series B-2", "series-c-extension" -> "Series C extension"."""
    if not name.startswith("series-"):
        return name.capitalize()
    parts = name.split("-")[1:]
    text = "Series " + parts[0].upper()
    for part in parts[1:]:
        text += " extension" if part == "extension" else f"-{part}"
    return text


def _parties(deal: Deal) -> str:
    by_role: dict[str, list[str]] = {}
    for party in deal.parties:
        by_role.setdefault(party.role, []).append(party.name)
    sources = [n for r in _FROM_ROLES for n in by_role.get(r, [])]
    targets = [n for r in _TO_ROLES for n in by_role.get(r, [])]
    others = by_role.get("partner", []) + by_role.get("issuer", [])
    # "Anthropic & Blackstone": a name that holds "&" itself ("Hellman & Friedman") is
    # listed with commas, so that no reader takes it for two partners
    text = (", " if any("&" in n for n in others) else " & ").join(others)
    if sources or targets:
        text = " → ".join(x for x in (", ".join(sources), ", ".join(targets)) if x)
    if by_role.get("seller"):
        text += f" (from {', '.join(by_role['seller'])})"
    return text.strip()


def format_deal_line(deal: Deal) -> str:
    """A compact one-line summary of a deal for feed titles and listings."""
    kind = DEAL_KINDS.get(deal.type)
    head = kind.label if kind else deal.type.replace("-", " ").capitalize()
    if deal.round:
        head += f" ({format_round(deal.round)})"
    parts = [head]
    parties = _parties(deal)
    if parties:
        parts.append(parties)
    if deal.amount is not None:
        amount = format_money(deal.amount)
        if deal.valuation is not None:
            amount += f" at {format_money(deal.valuation)} valuation"
        parts.append(amount)
    elif deal.valuation is not None:
        parts.append(f"{format_money(deal.valuation)} valuation")
    if deal.status and deal.status != "announced":
        parts.append(deal.status)
    return " · ".join(parts)
