"""``deals.csv`` and ``deals.ndjson``: every live deal story, one row each, by news time then
id (columns: docs/feeds.md).

The store counts the writes to live deal stories per day of news time (triggers: every
change of a story, its sources or its facts writes its row). Those counts, digested, are
kept in the publish state with where each day's rows are in the two files: when nothing
moved and the files are as they were left, nothing is read. Otherwise only the days whose
count moved are looked at again and the other days' rows are copied from the files. Of a
day looked at, the versions of its rows are read (one index range); the rows whose story
is at the version it had are taken from the files (where each row of each day is, by
story version, is kept in ``.publish-cache/exports/{day}.rows``), and only the others are
read (no Story objects) and made. With no usable last files, every row comes from one
query read as it goes. Everything in them comes from the stories, so the same stories give
the same bytes, however the files were put together.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import groupby
from pathlib import Path
from typing import Any

from aggregator.models import DealExportRow

from ._context import Context
from ._kept import CACHE_DIR
from ._text import clean, finite, json_number, plain_number, rfc3339, safe_url, xml_safe
from ._write import SiteWriter

CSV_FILE = "deals.csv"
NDJSON_FILE = "deals.ndjson"
EXPORTS_KEY = "_exports"  # in the state file (feed paths never start with "_")

COLUMNS = (
    "story_id",
    "story_uri",
    "announced",
    "type",
    "status",
    "round",
    "amount",
    "currency",
    "amount_usd",
    "amount_qualifier",
    "valuation",
    "valuation_currency",
    "parties",
    "lead_investors",
    "url",
    "outlets",
)
HEADER = (",".join(COLUMNS) + "\r\n").encode()
ROWS_DIR = f"{CACHE_DIR}/exports"  # {day}.rows: where each row of the day is in the files

RowIndex = list[tuple[int, str, int, int]]  # (story id, version, CSV length, NDJSON length)


def publish_exports(ctx: Context) -> Assembly | None:
    """Both exports, rendering only the days whose deal stories changed. When the files are
    made from the ones in place (most publishes), what is left after the reads and the
    rendering is file work only (copying the unchanged days' ranges, the renames): it is
    started in a thread and returned, and the caller renders the rest of the site meanwhile
    and then waits for it (:meth:`Assembly.join`); else it is done when this returns."""
    rows_of = ctx.reader.deal_export_rows
    days = list(ctx.reader.deal_export_days())
    salt = ctx.fingerprint
    sig = hashlib.sha256(json.dumps([salt, days]).encode()).hexdigest()
    before = ctx.previous.get(EXPORTS_KEY, {})
    old = _layout(ctx, before, salt)
    ctx.current[EXPORTS_KEY] = {"sig": sig, "salt": salt}
    if old is not None and before.get("sig") == sig:
        ctx.current[EXPORTS_KEY] = before
        ctx.writer.unchanged += 2 + sum(1 for n, _, size, *_ in old.values() if size)
        return None  # no deal story written since: the same rows, the same bytes
    assembly = None
    if old is None or not set(old) <= {day for day, _ in days}:
        layout = _write_all(ctx, days, rows_of)
    else:
        layout, job = _write_changed(ctx, days, rows_of, old)
        assembly = Assembly(ctx.writer.root, job) if job is not None else None
    ctx.current[EXPORTS_KEY]["days"] = layout
    return assembly


class Assembly:
    """The exports' file work, running in a thread with a writer of its own."""

    def __init__(self, root: Path, job: Callable[[SiteWriter], None]) -> None:
        self._writer = SiteWriter(root)
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="exports")
        self._done = pool.submit(job, self._writer)
        pool.shutdown(wait=False)  # its thread ends with the job

    def join(self, writer: SiteWriter) -> None:
        """Wait for the files (a failure is raised here) and count them in ``writer``."""
        self._done.result()
        writer.absorb(self._writer)


Layout = dict[str, tuple[int, int, int, int, int]]  # day -> n, csv at, csv len, nd at, nd len


def _layout(ctx: Context, before: dict[str, Any], salt: str) -> Layout | None:
    """Where each day's rows are in the files the last publish wrote (None when they are not
    there as it left them, or were made with other settings)."""
    if before.get("salt") != salt:
        return None
    out: Layout = {}
    at_csv, at_nd = len(HEADER), 0
    try:
        for day, n, csv_len, nd_len in before["days"]:
            out[str(day)] = (int(n), at_csv, int(csv_len), at_nd, int(nd_len))
            at_csv += int(csv_len)
            at_nd += int(nd_len)
        sizes = [(ctx.writer.root / name).stat().st_size for name in (CSV_FILE, NDJSON_FILE)]
    except (OSError, KeyError, TypeError, ValueError):
        return None
    return out if sizes == [at_csv, at_nd] else None


def _write_all(
    ctx: Context, days: Sequence[tuple[str, int]], rows_of: Callable[..., Iterable[DealExportRow]]
) -> list[list[Any]]:
    """Every row, from one query read as it goes, cut into days as it comes."""
    counts = dict(days)
    layout: list[list[Any]] = []
    with ctx.writer.parts(CSV_FILE) as csv_out, ctx.writer.parts(NDJSON_FILE) as nd_out:
        csv_out.add(HEADER)
        for day, rows in groupby(rows_of(), key=_day):
            csv_data, nd_data, index = _render(rows)
            csv_out.add(csv_data)
            nd_out.add(nd_data)
            layout.append([day, counts.get(day, 0), len(csv_data), len(nd_data)])
            _save_index(ctx, day, index)
    return _with_empty_days(layout, days)


def _write_changed(
    ctx: Context,
    days: Sequence[tuple[str, int]],
    rows_of: Callable[..., Iterable[DealExportRow]],
    old: Layout,
) -> tuple[list[Any], Callable[[SiteWriter], None] | None]:
    """The days whose count moved made again (:func:`_day_again`), the others to be copied
    from the files as they are: the new layout, and the writing of the files (None when the
    days made again give the bytes they had: nothing to write)."""
    fresh: dict[str, tuple[bytes, bytes]] = {}
    same = [day for day, _ in days] == list(old)
    for day, n in days:
        kept = old.get(day)
        if kept is not None and kept[0] == n:
            continue
        before = (
            (
                ctx.writer.read_range(CSV_FILE, kept[1], kept[2]),
                ctx.writer.read_range(NDJSON_FILE, kept[3], kept[4]),
            )
            if kept is not None
            else (b"", b"")
        )
        fresh[day] = _day_again(ctx, day, rows_of, before)
        if kept is None or before != fresh[day]:
            same = False
    layout = [
        [day, n, len(fresh[day][0]), len(fresh[day][1])]
        if day in fresh
        else [day, n, old[day][2], old[day][4]]
        for day, n in days
    ]
    if same:
        ctx.writer.unchanged += 2
        return layout, None
    order = [day for day, _ in days]

    def write(writer: SiteWriter) -> None:
        with (
            writer.parts(CSV_FILE, compare=False) as csv_out,
            writer.parts(NDJSON_FILE, compare=False) as nd_out,
        ):
            csv_out.add(HEADER)
            for day in order:
                if day in fresh:
                    csv_out.add(fresh[day][0])
                    nd_out.add(fresh[day][1])
                else:
                    csv_out.copy(old[day][1], old[day][2])
                    nd_out.copy(old[day][3], old[day][4])

    return layout, write


def _day_again(
    ctx: Context,
    day: str,
    rows_of: Callable[..., Iterable[DealExportRow]],
    before: tuple[bytes, bytes],
) -> tuple[bytes, bytes]:
    """The rows of ``day`` (CSV, NDJSON): each row whose story is at the version it had
    taken from ``before`` (the day's bytes in the files) by the day's kept index, the others
    read and made; the day's new index is kept."""
    kept = _kept_rows(ctx, day, before)
    versions = ctx.reader.deal_export_versions(day)
    missing = [i for i, version in versions if (i, version) not in kept]
    made: dict[int, tuple[bytes, bytes, str]] = {}
    if missing:
        for row in rows_of(day, ids=missing):
            csv_data, nd_data, _ = _render([row])
            made[row.id] = (csv_data, nd_data, row.version)
    csv_parts, nd_parts, index = [], [], []
    for story_id, version in versions:
        found = kept.get((story_id, version))
        if found is None:
            fresh = made.get(story_id)
            if fresh is None:  # gone since its version was read
                continue
            found, version = fresh[:2], fresh[2]
        csv_parts.append(found[0])
        nd_parts.append(found[1])
        index.append((story_id, version, len(found[0]), len(found[1])))
    if index:  # (a day left with no row has no index: its bytes are none)
        _save_index(ctx, day, index)
    return b"".join(csv_parts), b"".join(nd_parts)


def _index_path(day: str) -> str:
    return f"{ROWS_DIR}/{day}.rows"


def _save_index(ctx: Context, day: str, index: RowIndex) -> None:
    data = {"salt": ctx.fingerprint, "rows": index}
    ctx.writer.write(_index_path(day), json.dumps(data, separators=(",", ":")).encode())


def _kept_rows(
    ctx: Context, day: str, before: tuple[bytes, bytes]
) -> dict[tuple[int, str], tuple[bytes, bytes]]:
    """The rows of ``before`` (a day's bytes in the files) by (story id, version), as the
    day's kept index says where each is (none when it is missing, made under another
    fingerprint, or does not add up to the day's bytes)."""
    try:
        data = json.loads((ctx.writer.root / _index_path(day)).read_bytes())
        if data["salt"] != ctx.fingerprint:
            return {}
        out: dict[tuple[int, str], tuple[bytes, bytes]] = {}
        at_csv = at_nd = 0
        for story_id, version, csv_len, nd_len in data["rows"]:
            key = (int(story_id), str(version))
            out[key] = (
                before[0][at_csv : at_csv + int(csv_len)],
                before[1][at_nd : at_nd + int(nd_len)],
            )
            at_csv, at_nd = at_csv + int(csv_len), at_nd + int(nd_len)
    except (OSError, KeyError, TypeError, ValueError):
        return {}
    return out if (at_csv, at_nd) == (len(before[0]), len(before[1])) else {}


def _with_empty_days(
    layout: list[list[Any]],
    days: Sequence[tuple[str, int]],
) -> list[list[Any]]:
    """``layout`` with the counted days that hold no row now (as empty ranges), by day."""
    have = {entry[0] for entry in layout}
    layout += [[day, n, 0, 0] for day, n in days if day not in have]
    return sorted(layout)


def _day(row: DealExportRow) -> str:
    return rfc3339(row.announced)[:10]


def _render(rows: Iterable[DealExportRow]) -> tuple[bytes, bytes, RowIndex]:
    """The CSV rows (no header) and the NDJSON lines of ``rows``, and where each row is."""
    table = io.StringIO()
    out = csv.writer(table, lineterminator="\r\n")
    csv_parts: list[bytes] = []
    nd_parts: list[bytes] = []
    index: RowIndex = []
    for row in rows:
        record = export_record(row)
        out.writerow(_csv_cells(record))
        csv_parts.append(table.getvalue().encode("utf-8"))
        table.seek(0)
        table.truncate()
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        nd_parts.append(line.encode("utf-8"))
        index.append((row.id, row.version, len(csv_parts[-1]), len(nd_parts[-1])))
    return b"".join(csv_parts), b"".join(nd_parts), index


def export_record(row: DealExportRow) -> dict[str, Any]:
    """One NDJSON line (the CSV row holds the same values, lists encoded as in docs); the
    facts as the entry's ``deal:deal`` gives them (XML-safe strings, finite numbers)."""
    deal = row.deal
    texts = [row.uri, deal.get("type"), deal.get("status"), deal.get("round"), *row.outlets]
    parties = deal.get("parties") or ()
    texts += [str(p.get(k) or "") for p in parties for k in ("name", "role", "slug")]
    text = _same if xml_safe("".join(t for t in texts if t)) else clean
    amount, valuation = _money(deal.get("amount"), text), _money(deal.get("valuation"), text)
    listed = [
        {
            "role": text(p.get("role")),
            "name": text(p.get("name")),
            "slug": text(p.get("slug")),
            "lead": bool(p.get("lead")),
        }
        for p in parties
        if text(p.get("name"))
    ]
    return {
        "story_id": row.id,
        "story_uri": text(row.uri),
        "announced": rfc3339(row.announced),
        "type": text(deal.get("type")),
        "status": text(deal.get("status")) or None,
        "round": text(deal.get("round")) or None,
        "amount": amount[0],
        "currency": amount[1],
        "amount_usd": amount[2],
        "amount_qualifier": amount[3],
        "valuation": valuation[0],
        "valuation_currency": valuation[1],
        "parties": listed,
        "lead_investors": [p["name"] for p in listed if p["lead"]],
        "url": safe_url(row.url),
        "outlets": [o for o in map(text, row.outlets) if o],
    }


def _same(value: str | None) -> str:
    return value or ""


_NONE = (None, None, None, None)


def _money(
    data: Mapping[str, Any] | None,
    text: Callable[[str | None], str],
) -> tuple[Any, str | None, Any, str | None]:
    """(value, currency, value in USD, qualifier) as ``deal:amount`` gives them: none for a
    value that is not finite, USD for no currency; the USD value is the given one, else the
    value itself when the currency is USD."""
    if not data or not finite(data.get("value")):
        return _NONE
    currency = text(data.get("currency")).upper() or "USD"
    usd = data.get("usd")
    usd = usd if finite(usd) else (data["value"] if currency == "USD" else None)
    return (
        json_number(data["value"]),
        currency,
        json_number(usd) if usd is not None else None,
        text(data.get("qualifier")) or None,
    )


def _csv_cells(record: dict[str, Any]) -> list[str]:
    cells = []
    for name in COLUMNS:
        value = record[name]
        if value is None:
            cells.append("")
        elif name == "parties":
            cells.append(join_list(f"{p['role']}:{p['name']}" for p in value))
        elif isinstance(value, list):
            cells.append(join_list(value))
        elif isinstance(value, str):
            cells.append(value)
        else:
            cells.append(plain_number(value))
    return cells


def join_list(items: Iterable[str]) -> str:
    """A list in one CSV cell: items separated by ";", a "\\" or ";" inside an item written
    as "\\\\" / "\\;"."""
    return ";".join(i.replace("\\", "\\\\").replace(";", "\\;") for i in items)


def split_list(cell: str) -> list[str]:
    """The items of a cell written by :func:`join_list`."""
    if not cell:
        return []
    items, current, escaped = [], [], False
    for char in cell:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ";":
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return items
