"""Deal volume per month as a static SVG bar chart (no script, scales to any width)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from aggregator.models import Money, MonthVolume

from ._text import clean, format_money

MONTHS = 12
WIDTH, HEIGHT = 600, 220
TOP, BOTTOM, LEFT = 24, 28, 8
_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_window(now: datetime, count: int = MONTHS) -> list[str]:
    """The ``count`` months ending with ``now``'s month, oldest first ("2026-11")."""
    year, month = now.year, now.month
    out = []
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


def _label(month: str) -> str:
    try:
        return _ABBR[int(month[5:7]) - 1]
    except (ValueError, IndexError):
        return month


def _bar(index: int, slot: float, month: str, volume: MonthVolume | None, top: int) -> str:
    deals = volume.deals if volume else 0
    usd = volume.usd if volume else 0.0
    plot = HEIGHT - TOP - BOTTOM
    height = round(plot * deals / top, 1) if top else 0.0
    x = round(LEFT + index * slot + slot * 0.15, 1)
    y = round(TOP + plot - height, 1)
    width = round(slot * 0.7, 1)
    centre = round(x + width / 2, 1)
    amount = format_money(Money(usd, "USD")) if usd else "no amount"
    tip = escape(f"{month}: {deals} deal{'s' if deals != 1 else ''}, {amount} disclosed")
    parts = [
        f"<g><title>{tip}</title>",
        f'<rect x="{x}" y="{y}" width="{width}" height="{height}" class="bar"/>',
        f'<text x="{centre}" y="{HEIGHT - 10}" text-anchor="middle">{escape(_label(month))}</text>',
    ]
    if deals:
        parts.append(
            f'<text x="{centre}" y="{round(y - 4, 1)}" text-anchor="middle">{deals}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def volume_svg(volumes: Sequence[MonthVolume], now: datetime) -> str:
    """Inline ``<svg>`` markup for the months of ``month_window(now)``."""
    by_month = {clean(v.month): v for v in volumes}
    months = month_window(now)
    top = max((by_month[m].deals for m in months if m in by_month), default=0)
    slot = (WIDTH - 2 * LEFT) / len(months)
    total = sum(by_month[m].deals for m in months if m in by_month)
    label = escape(f"Deals per month, {months[0]} to {months[-1]}: {total} in total")
    bars = "".join(_bar(i, slot, m, by_month.get(m), top) for i, m in enumerate(months))
    axis = (
        f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - LEFT}" '
        f'y2="{HEIGHT - BOTTOM}" class="axis"/>'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" aria-label="{label}">'
        f"<title>{label}</title>{axis}{bars}</svg>"
    )
