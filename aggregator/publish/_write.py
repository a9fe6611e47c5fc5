"""Atomic, change-aware file writes into the site directory.

A file is replaced only when its bytes differ: temp file in the same directory, then
``os.replace``. Readers (and the web server) see either the old or the new file, never a
partial one, whatever happens to the process. Files are not fsynced one by one (that was
13% of a cold cycle); each changed directory is fsynced once at the end, and every page can
be rebuilt from the database by ``aggregator publish``. Any OS failure becomes a ``PublishError`` naming the file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

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
        target = (self.root / rel)
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

    def _written(self, rel: str, target: Path) -> None:
        self.written.append(rel)
        self._dirty_dirs.add(target.parent)

    def sync(self) -> None:
        """fsync each directory that got a new file, once (makes the renames durable)."""
        for directory in sorted(self._dirty_dirs):
            _fsync_dir(directory)
        self._dirty_dirs.clear()


def _same_bytes(target: Path, data: bytes) -> bool:
    try:
        if target.stat().st_size != len(data):
            return False
        return target.read_bytes() == data
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise PublishError(f"{target}: cannot read: {exc}") from exc


def _atomic_write(target: Path, data: bytes) -> None:
    tmp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise PublishError(f"{target}: cannot write: {exc}") from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
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
