"""Deals per month: a table whose every number is visible text (counts and disclosed
amounts, no tooltip), with a bar per month drawn by CSS; from the first month of the
last twelve that had a deal to this month (no run of empty months before it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from aggregator.models import Money, MonthVolume

from ._text import clean, format_money

MONTHS = 12
_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_window(now: datetime, count: int = MONTHS) -> list[str]:
    """The ``count`` months ending with ``now``'s month, oldest first ("2026-11")."""
    year, month = now.year, now.month
    out = []
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


def month_name(month: str) -> str:
    """ "2026-11" -> "Nov 2026"."""
    try:
        return f"{_NAMES[int(month[5:7]) - 1]} {month[:4]}"
    except (ValueError, IndexError):
        return month


def shown_months(volumes: Sequence[MonthVolume], now: datetime) -> list[str]:
    """The months of the chart: of ``month_window(now)``, from the first with a deal to
    the last with one (the empty months between them are shown)."""
    busy = {clean(v.month) for v in volumes if v.deals > 0}
    months = month_window(now)
    marks = [n for n, m in enumerate(months) if m in busy]
    return months[marks[0] : marks[-1] + 1] if marks else []


def months_table(volumes: Sequence[MonthVolume], now: datetime) -> str:
    by_month = {clean(v.month): v for v in volumes}
    months = shown_months(volumes, now)
    if not months:
        return "<p>No deals in the last twelve months.</p>\n"
    top = max(by_month[m].deals for m in months if m in by_month)
    rows = []
    for month in reversed(months):  # newest first, as the tables above
        volume = by_month.get(month)
        deals = volume.deals if volume else 0
        usd = volume.usd if volume else 0.0
        amount = format_money(Money(usd, "USD")) if usd else "none disclosed"
        width = round(100 * deals / top) if top else 0
        rows.append(
            f'<tr><th scope="row"><time datetime="{escape(month)}">'
            f"{escape(month_name(month))}</time></th>"
            f'<td class="n">{deals} deal{"s" if deals != 1 else ""}</td>'
            f'<td class="n">{escape(amount)}</td>'
            f'<td class="bar" aria-hidden="true"><span style="width:{width}%">'
            "</span></td></tr>\n"
        )
    total = sum(by_month[m].deals for m in months if m in by_month)
    dollars = sum(by_month[m].usd for m in months if m in by_month)
    caption = (
        f"{total} deal{'s' if total != 1 else ''} from {month_name(months[0])} to "
        f"{month_name(months[-1])}, {format_money(Money(dollars, 'USD')) or '$0'} "
        "disclosed"
    )
    since = (
        ""
        if months[-1] == month_window(now)[-1]
        else f"<p>The latest deals are from {escape(month_name(months[-1]))}.</p>\n"
    )
    return (
        since + '<table class="months">\n'
        f"<caption>{escape(caption)}</caption>\n<thead><tr><th>Month</th>"
        '<th class="n">Deals</th><th class="n">Disclosed</th><th><span class="m">'
        "deals</span></th></tr></thead>\n<tbody>\n" + "".join(rows) + "</tbody>\n</table>\n"
    )
