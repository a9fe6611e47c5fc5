"""The largest deals of the last 30 days, quarter and year (by disclosed amount in USD).

The periods end with the day (UTC) of the newest deal's news time, not the wall clock, so
the same stories give the same page whenever it is published. The store walks its deals
by amount from the top (``largest_deals``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ._context import Context
from ._table import RowKey, deal_row, row_key
from ._text import utc

PERIODS = (
    ("last30", "Last 30 days", 30),
    ("quarter", "Last quarter (91 days)", 91),
    ("year", "Last year (365 days)", 365),
)
LARGEST = 10


@dataclass(frozen=True)
class Period:
    key: str  # the page anchor: "largest-last30"
    title: str
    since: datetime
    until: datetime
    rows: tuple[str, ...]  # deal rows, largest first
    keys: tuple[RowKey, ...] = ()  # what each row is of (story id, version)


def _start(end: datetime, days: int) -> datetime:
    day = utc(end).replace(hour=0, minute=0, second=0, microsecond=0)
    return day - timedelta(days=days - 1)


def largest_periods(ctx: Context, end: datetime) -> list[Period]:
    """Each period (ending on ``end``'s day) with its largest deals as rows; a row made at
    the story's version already (this publish, or kept by the last one) is not made again,
    else the story is loaded."""
    found = {
        key: ctx.reader.largest_deals(_start(end, days), limit=LARGEST) for key, _, days in PERIODS
    }
    keys: dict[int, RowKey] = {}
    missing = set()
    for versions in found.values():
        for story_id, updated in versions:
            keys[story_id] = row_key(story_id, utc(datetime.fromisoformat(str(updated))))
            if keys[story_id] not in ctx.rows:
                missing.add(story_id)
    for loaded in ctx.reader.stories(sorted(missing)) if missing else ():
        deal_row(loaded, ctx.rows)
    out = []
    for key, title, days in PERIODS:
        shown = tuple(keys[i] for i, _ in found[key] if keys[i] in ctx.rows)
        rows = tuple(ctx.rows[k] for k in shown)
        out.append(Period(f"largest-{key}", title, _start(end, days), utc(end), rows, shown))
    return out
