"""What a publish keeps for the next one: the rendered parts of every document it rendered.

A head document is rendered again when a story joins its feed, but its other entries, the
deal rows of its pages and the lines of a company's timeline are what they were: each
depends only on its story's version (id, updated) and on the settings fingerprint (the
rendering code and the settings that shape output: ``_state.settings_fingerprint``). So
whenever a head, a brief or ``index.html`` is rendered, its parts are kept in
``.publish-cache/{name}.parts`` (a dot directory beside ``.publish-state.json``: never
served), written atomically like every file of the site and only when they change, with
the fingerprint they were made under. The next publish that renders that document takes
the parts of unchanged stories from there instead of loading and rendering the stories.
A file made under another fingerprint (other code, other settings) or in other formats, or
that is not whole, is ignored. Nothing is ever read back from a published document.

One file per document, holding only that document's parts, so a publish reads and writes
the files of the documents it renders and no others (cost per changed feed, not per story
of the store). A file is a line of JSON (the key, the formats, each part with the sizes of
its bytes), then those bytes as they are spliced into documents: nothing is parsed or
encoded again (reading the parts back as JSON text cost twice as much as the harvest of
the published files it replaced).
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
    return f"{CACHE_DIR}/{name}.parts"


def is_kept(rel: str) -> bool:
    """Whether a site-relative path is a file of this cache (not a published file)."""
    return rel.startswith(CACHE_DIR + "/")


def load(root: Path, name: str, key: str) -> Parts:
    """The parts kept for ``name`` under fingerprint ``key`` (none when there are none, they
    were made under another key or in other formats, or the file is not as this module
    writes it)."""
    try:
        header, blobs = _read(root, name, key)
        parts = Parts(
            entries=tuple(
                (str(uri), _rendered(updated, blobs, sizes))
                for uri, updated, *sizes in header.get("entries", ())
            ),
            rows=_keyed(header.get("rows", ()), blobs),
            lines=_keyed(header.get("lines", ()), blobs),
        )
        blobs.end()
    except (OSError, TypeError, ValueError, KeyError):
        return Parts()
    return parts


def made_under(root: Path, name: str, key: str) -> bool:
    """Whether ``name``'s kept parts were made under ``key`` in the formats there are now,
    read from the start of the file alone (``_file`` writes the key and the formats first)."""
    prefix = _prefix(key)
    try:
        with (root / path_of(name)).open("rb") as f:
            return f.read(len(prefix)) == prefix
    except OSError:
        return False


def save(writer: SiteWriter, name: str, key: str, parts: Parts) -> None:
    """Keep ``parts`` for ``name`` (written only when the bytes change)."""
    header: dict[str, Any] = {"entries": [[uri, *_sizes(r)] for uri, r in parts.entries]}
    blobs = [blob for _, r in parts.entries for blob in _blobs(r)]
    for part, keyed in (("rows", parts.rows), ("lines", parts.lines)):
        if keyed:
            texts = sorted((k, text.encode("utf-8")) for k, text in keyed.items())
            header[part] = [[i, version, len(text)] for (i, version), text in texts]
            blobs += [text for _, text in texts]
    writer.write(path_of(name), _file(key, header, blobs))


def story_version(updated: datetime) -> str:
    """A story's version as the store's ``updated_at`` text gives it (what a brief line is
    kept by)."""
    return utc(updated).isoformat(timespec="seconds")


def load_periods(
    root: Path, name: str, key: str
) -> tuple[dict[str, tuple[str, Rendered]], dict[Key, str]]:
    """A brief's entries kept under ``key``: period -> (the period's digest, its entry); and
    the lines of its stories by story version."""
    try:
        header, blobs = _read(root, name, key)
        periods = {
            str(period): (str(sig), _rendered(updated, blobs, sizes))
            for period, sig, updated, *sizes in header.get("periods", ())
        }
        lines = _keyed(header.get("lines", ()), blobs)
        blobs.end()
    except (OSError, TypeError, ValueError, KeyError):
        return {}, {}
    return periods, lines


def save_periods(
    writer: SiteWriter,
    name: str,
    key: str,
    periods: Iterable[tuple[str, str, Rendered]],
    lines: Mapping[Key, str] | None = None,
) -> None:
    """Keep a brief's entries: (period, the period's digest, its entry) each, and the lines
    of its stories by story version."""
    listed = list(periods)
    header: dict[str, Any] = {"periods": [[period, sig, *_sizes(r)] for period, sig, r in listed]}
    blobs = [b for *_, r in listed for b in _blobs(r)]
    if lines:
        texts = sorted((k, text.encode("utf-8")) for k, text in lines.items())
        header["lines"] = [[i, version, len(text)] for (i, version), text in texts]
        blobs += [text for _, text in texts]
    writer.write(path_of(name), _file(key, header, blobs))


# A kept file: one line of JSON (the key, the formats, and what each part is with the
# sizes of its bytes), then those bytes one after the other: read back without parsing or
# re-encoding any fragment, and a file cut short is seen (its bytes do not add up).


class _Blobs:
    """The bytes after a kept file's first line, taken in the order they were written."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, size: Any) -> bytes:
        if not isinstance(size, int) or size < 0 or self.at + size > len(self.data):
            raise ValueError("a kept file cut short")
        self.at += size
        return self.data[self.at - size : self.at]

    def end(self) -> None:
        if self.at != len(self.data):
            raise ValueError("a kept file with bytes of nothing")


def _file(key: str, header: dict[str, Any], blobs: list[bytes]) -> bytes:
    head = {"key": key, "formats": [f.name for f in _formats.FORMATS], **header}
    return b"".join([json.dumps(head, separators=(",", ":")).encode("ascii"), b"\n", *blobs])


def _prefix(key: str) -> bytes:
    """How every file ``_file`` makes under ``key`` begins: its key, then its formats."""
    head = {"key": key, "formats": [f.name for f in _formats.FORMATS]}
    return json.dumps(head, separators=(",", ":")).encode("ascii")[:-1] + b","


def _read(root: Path, name: str, key: str) -> tuple[dict[str, Any], _Blobs]:
    """(the header, its bytes) of a kept file made under ``key`` in the formats there are
    now (ValueError otherwise; OSError when it cannot be read)."""
    data = (root / path_of(name)).read_bytes()
    cut = data.find(b"\n")
    header = json.loads(data[:cut]) if cut >= 0 else None
    if not isinstance(header, dict) or header.get("key") != key:
        raise ValueError("kept under another key")
    if header.get("formats") != [f.name for f in _formats.FORMATS]:
        raise ValueError("kept in other formats")
    return header, _Blobs(data[cut + 1 :])


def _sizes(rendered: Rendered) -> list[Any]:
    return [rendered.updated.isoformat(), *(len(b) for b in _blobs(rendered))]


def _blobs(rendered: Rendered) -> list[bytes]:
    return [rendered.fragments[f.name] for f in _formats.FORMATS]


def _rendered(updated: Any, blobs: _Blobs, sizes: list[Any]) -> Rendered:
    names = [f.name for f in _formats.FORMATS]
    if len(sizes) != len(names):
        raise ValueError("a kept entry is its fragment in each format")
    fragments = {name: blobs.take(size) for name, size in zip(names, sizes)}
    return Rendered(utc(datetime.fromisoformat(updated)), fragments)


def _keyed(values: Iterable[list[Any]], blobs: _Blobs) -> dict[Key, str]:
    out: dict[Key, str] = {}
    for story_id, version, size in values:
        if not isinstance(story_id, int) or not isinstance(version, str):
            raise TypeError("a kept row is (story id, version, its size)")
        out[(story_id, version)] = blobs.take(size).decode("utf-8")
    return out
