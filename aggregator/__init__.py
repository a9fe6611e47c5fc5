"""aggregator: follows AI-industry news feeds, merges stories, tags deals, republishes Atom."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

__version__ = "0.1.0"

_ROOT = Path(__file__).parent


@functools.cache
def code_version(*parts: str, root: Path = _ROOT) -> str:
    """The one cache key rule: 16 hex digits naming the code that produces a stored value.

    ``parts`` are paths under the package (``"publish"``, ``"data"``, ``"models.py"``): a
    directory stands for every file directly in it (sources and data files), a file for
    itself. A digest of their names and bytes, read once per process: whatever a cache
    keeps, it keeps with the ``code_version`` of the code that made it, and a value made by
    other code (an upgrade, an edit) is made again. Never the release number: that is not
    bumped when rendering or reading changes. ``root``: another tree (tests).
    """
    digest = hashlib.sha256()
    for part in parts:
        path = root / part
        files = [path]
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.name[0] != ".")
        for file in files:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


# The packages in the order data flows through them, each with the packages it may import.
# Every module may import the kernel (this module, ``models``, ``errors``, ``headlines``) and
# the modules of its own package; a package's private ``_modules`` are imported only inside
# it. A package lists only packages before it, so the graph has no cycle. Nothing imports
# ``runtime`` (the processes) but ``__main__``. Checked by tests/test_layering.py on the
# import statements; drawn in docs/architecture.md.
LAYERS: dict[str, tuple[str, ...]] = {
    "config": (),
    "fetch": (),
    "parse": (),
    "store": (),
    "stories": (),
    "deals": ("config",),  # tag rules are user regexes, compiled as config checks them
    "alerts": (),
    "publish": (),
    "web": (),
    "cycle": ("fetch", "parse", "store", "stories", "deals", "alerts", "publish"),
    "runtime": (
        "config",
        "fetch",
        "parse",
        "store",
        "stories",
        "deals",
        "alerts",
        "publish",
        "web",
        "cycle",
    ),
}
KERNEL = ("models", "errors", "headlines")
