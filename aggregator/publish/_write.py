"""Atomic, change-aware file writes into the site directory.

A file is replaced only when its bytes differ: temp file in the same directory, then
``os.replace``. Readers (and the web server) see either the old or the new file, never a
partial one, whatever happens to the process. Files are not fsynced one by one (that was
13% of a cold cycle); each changed directory is fsynced once at the end, and every page can
be rebuilt from the database by ``aggregator publish``. Any OS failure becomes a
``PublishError`` naming the file.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from aggregator.errors import PublishError

FILE_MODE = 0o644


class SiteWriter:
    """Writes files below ``root`` and remembers which ones changed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: list[str] = []
        self.unchanged = 0
        self._dirty_dirs: set[Path] = set()

    def _target(self, rel: str) -> Path:
        target = self.root / rel
        if ".." in Path(rel).parts or Path(rel).is_absolute():
            raise PublishError(f"{target}: refusing a path outside the site directory")
        return target

    def write(self, rel: str, data: bytes) -> bool:
        """Write ``data`` to ``rel`` unless the file already holds exactly these bytes."""
        target = self._target(rel)
        if _same_bytes(target, data):
            self.unchanged += 1
            return False
        _atomic_write(target, data)
        self._written(rel, target)
        return True

    def write_once(self, rel: str, produce: Callable[[], bytes]) -> bool:
        """Write ``rel`` only when it does not exist yet (immutable archive pages)."""
        target = self._target(rel)
        if target.exists():
            self.unchanged += 1
            return False
        _atomic_write(target, produce())
        self._written(rel, target)
        return True

    def read_range(self, rel: str, offset: int, length: int) -> bytes:
        """``length`` bytes of the file ``rel`` from ``offset`` (fewer at its end)."""
        target = self._target(rel)
        try:
            with open(target, "rb") as handle:
                handle.seek(offset)
                return handle.read(length)
        except OSError as exc:
            raise PublishError(f"{target}: cannot read: {exc}") from exc

    @contextlib.contextmanager
    def parts(self, rel: str, *, compare: bool = True) -> Iterator[Parts]:
        """Replace ``rel`` by what is added to the :class:`Parts` in the block: bytes, or
        ranges of the file as it is now (copied by the kernel where it can), written to a
        temp file as they come (never all in memory) and renamed over ``rel`` when the block
        ends (not when it raises). With ``compare``, a result holding exactly the bytes
        already there is dropped (nothing written)."""
        target = self._target(rel)
        with _temp_beside(target) as (out, tmp):
            with _open_old(target) as old:
                yield Parts(out, old)
            out.close()
            if compare and _same_file(target, tmp):
                self.unchanged += 1
                return
            os.replace(tmp, target)
        self._written(rel, target)

    def _written(self, rel: str, target: Path) -> None:
        self.written.append(rel)
        self._dirty_dirs.add(target.parent)

    def absorb(self, other: SiteWriter) -> None:
        """Count what ``other`` (a writer of the same site, done) wrote as written here."""
        self.written.extend(other.written)
        self.unchanged += other.unchanged
        self._dirty_dirs |= other._dirty_dirs

    def sync(self) -> None:
        """fsync each directory that got a new file, once (makes the renames durable)."""
        for directory in sorted(self._dirty_dirs):
            _fsync_dir(directory)
        self._dirty_dirs.clear()


class Parts:
    """The file :meth:`SiteWriter.parts` is writing: bytes and ranges of the old file."""

    def __init__(self, out: IO[bytes], old: IO[bytes] | None) -> None:
        self._out, self._old = out, old

    def add(self, data: bytes) -> None:
        self._out.write(data)

    def copy(self, offset: int, length: int) -> None:
        """``length`` bytes of the file being replaced, from ``offset``."""
        self._out.flush()
        _copy_range(self._old, self._out, offset, length)


def _same_bytes(target: Path, data: bytes) -> bool:
    try:
        if target.stat().st_size != len(data):
            return False
        return target.read_bytes() == data
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise PublishError(f"{target}: cannot read: {exc}") from exc


@contextlib.contextmanager
def _open_old(target: Path) -> Iterator[IO[bytes] | None]:
    try:
        handle = open(target, "rb")  # noqa: SIM115 - closed by the ``with`` below
    except FileNotFoundError:
        yield None
        return
    with handle:
        yield handle


def _copy_range(old: IO[bytes] | None, out: IO[bytes], offset: int, length: int) -> None:
    """``length`` bytes of ``old`` from ``offset`` appended to ``out`` (already flushed)."""
    if old is None:
        raise OSError("no file to copy a range of")
    done = 0
    while done < length:
        try:
            moved = os.copy_file_range(old.fileno(), out.fileno(), length - done, offset + done)
        except (AttributeError, OSError):
            moved = 0
        if moved <= 0:  # not supported here, or at the end: read and write
            old.seek(offset + done)
            chunk = old.read(min(length - done, 1 << 20))
            if not chunk:
                raise OSError(f"{length - done} bytes short of the range to copy")
            out.write(chunk)
            out.flush()
            moved = len(chunk)
        done += moved


def _same_file(target: Path, other: Path) -> bool:
    try:
        return filecmp.cmp(target, other, shallow=False)
    except FileNotFoundError:
        return False


def _atomic_write(target: Path, data: bytes) -> None:
    with _temp_beside(target) as (handle, tmp):
        handle.write(data)
        handle.close()
        os.replace(tmp, target)


@contextlib.contextmanager
def _temp_beside(target: Path) -> Iterator[tuple[IO[bytes], Path]]:
    """A new temp file beside ``target`` (mode ``FILE_MODE``), open for writing; the caller
    renames it over ``target``, else it is removed. An OSError names the target."""
    tmp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        tmp = Path(name)
        os.chmod(tmp, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            yield handle, tmp
    except OSError as exc:
        raise PublishError(f"{target}: cannot write: {exc}") from exc
    finally:
        if tmp is not None and tmp.exists():
            try:
                tmp.unlink()
            except OSError:
                pass


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (best effort: not every platform can fsync a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
