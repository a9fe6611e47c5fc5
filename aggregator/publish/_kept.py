"""What a publish keeps for the next one: the rendered parts of every document it rendered.

A head document is rendered again when a story joins its feed, but its other entries, the
deal rows of its pages and the lines of a company's timeline are what they were: each
depends only on its story's version (id, updated) and on the settings fingerprint (the
rendering code and the settings that shape output: ``_state.settings_fingerprint``). So
whenever a head, a brief or ``index.html`` is rendered, its parts are kept in
``.publish-cache/{name}.json`` (a dot directory beside ``.publish-state.json``: never
served), written atomically like every file of the site and only when they change, with
the fingerprint they were made under. The next publish that renders that document takes
the parts of unchanged stories from there instead of loading and rendering the stories.
A file made under another fingerprint (other code, other settings), or that cannot be
read, is ignored. Nothing is ever read back from a published document.

One file per document, holding only that document's parts, so a publish reads and writes
the files of the documents it renders and no others (cost per changed feed, not per story
of the store).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from . import _formats
from ._entry import Rendered
from ._text import utc
from ._write import SiteWriter

CACHE_DIR = ".publish-cache"  # in the site directory; a dot directory is never served
INDEX = "_index"  # the parts of index.html (feed paths never start with "_")

Key = tuple[int, str]  # (story id, its version): what a deal row or a timeline line is of


@dataclass(frozen=True)
class Parts:
    """A document's parts: its entries by story URI (each at its ``updated``), deal rows and
    timeline (or portfolio) lines by story version."""

    entries: tuple[tuple[str, Rendered], ...] = ()
    rows: Mapping[Key, str] = field(default_factory=dict)
    lines: Mapping[Key, str] = field(default_factory=dict)


def path_of(name: str) -> str:
    """The site-relative path of document ``name``'s parts (``name``: a feed path)."""
    return f"{CACHE_DIR}/{name}.json"


def is_kept(rel: str) -> bool:
    """Whether a site-relative path is a file of this cache (not a published file)."""
    return rel.startswith(CACHE_DIR + "/")


def load(root: Path, name: str, key: str) -> Parts:
    """The parts kept for ``name`` under fingerprint ``key`` (none when there are none, they
    were made under another key, or the file cannot be read as this module writes it)."""
    data = _read(root, name, key)
    try:
        return Parts(
            entries=tuple((str(uri), _rendered(r)) for uri, *r in data.get("entries", ())),
            rows=_keyed(data.get("rows", ())),
            lines=_keyed(data.get("lines", ())),
        )
    except (TypeError, ValueError):
        return Parts()


def save(writer: SiteWriter, name: str, key: str, parts: Parts) -> None:
    """Keep ``parts`` for ``name`` (written only when the bytes change)."""
    data: dict[str, Any] = {
        "key": key,
        "entries": [[uri, *_plain(r)] for uri, r in parts.entries],
    }
    for part, keyed in (("rows", parts.rows), ("lines", parts.lines)):
        if keyed:
            data[part] = [[i, version, text] for (i, version), text in sorted(keyed.items())]
    writer.write(path_of(name), _dump(data))


def load_periods(root: Path, name: str, key: str) -> dict[str, tuple[str, Rendered]]:
    """A brief's entries kept under ``key``: period -> (the period's digest, its entry)."""
    data = _read(root, name, key)
    try:
        return {str(p): (str(sig), _rendered(r)) for p, sig, *r in data.get("periods", ())}
    except (TypeError, ValueError):
        return {}


def save_periods(
    writer: SiteWriter, name: str, key: str, periods: Iterable[tuple[str, str, Rendered]]
) -> None:
    """Keep a brief's entries: (period, the period's digest, its entry) each."""
    data = {"key": key, "periods": [[p, sig, *_plain(r)] for p, sig, r in periods]}
    writer.write(path_of(name), _dump(data))


def _read(root: Path, name: str, key: str) -> dict[str, Any]:
    try:
        data = json.loads((root / path_of(name)).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("key") != key:
        return {}
    return data


def _dump(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _plain(rendered: Rendered) -> list[Any]:
    texts = {name: part.decode("utf-8") for name, part in rendered.fragments.items()}
    return [rendered.updated.isoformat(), texts]


def _rendered(value: list[Any]) -> Rendered:
    """An entry as :func:`_plain` wrote it, in every format there is now (else ValueError)."""
    updated, texts = value
    if not isinstance(texts, dict) or set(texts) != {f.name for f in _formats.FORMATS}:
        raise ValueError("a kept entry is (updated, its fragment in each format)")
    if not all(isinstance(text, str) for text in texts.values()):
        raise TypeError("a kept fragment is text")
    return Rendered(
        utc(datetime.fromisoformat(updated)),
        {name: text.encode("utf-8") for name, text in texts.items()},
    )


def _keyed(values: Iterable[list[Any]]) -> dict[Key, str]:
    out: dict[Key, str] = {}
    for story_id, version, text in values:
        if (
            not isinstance(story_id, int)
            or not isinstance(version, str)
            or not isinstance(text, str)
        ):
            raise TypeError("a kept row is (story id, version, text)")
        out[(story_id, version)] = text
    return out
