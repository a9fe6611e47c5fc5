"""What the last publish wrote, so an unchanged feed is not rendered again.

A feed's head document depends only on (the rendering code and the settings that shape
output, the number of its stories, and the id + updated time of its newest ``feed_size``
stories). Their digest is kept in ``.publish-state.json`` in the site directory (dotfiles
are never served); when it matches and the files are there, the feed is skipped without
loading or rendering any story.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from aggregator import code_version
from aggregator.models import Settings

STATE_FILE = ".publish-state.json"
# The code that turns stories into bytes: publish itself, the deal line it is handed
# (``deals``, its data), the dataclasses and headline shapes it reads. A file written by
# other code is never taken for this code's: every digest below starts from this.
RENDER_CODE = ("publish", "deals", "data", "models.py", "headlines.py")
RENDER_VERSION = code_version(*RENDER_CODE)


def settings_fingerprint(settings: Settings) -> str:
    """The key every publish cache starts from: the rendering code and the settings that
    shape output. Another value renders every head, page, brief and export again."""
    shaping = {
        "code": RENDER_VERSION,
        "site": asdict(settings.site),
        "size": settings.feed_size,
        "share": settings.source_share,
        "hub": settings.websub_hub,
        "feeds": [(f.name, f.location, f.priority, f.first_party) for f in settings.feeds],
    }
    return hashlib.sha256(json.dumps(shaping, sort_keys=True, default=str).encode()).hexdigest()


def digest(fingerprint: str, count: int, versions: Sequence[tuple[int | str, Any]]) -> str:
    text = json.dumps([fingerprint, count, [[i, str(u)] for i, u in versions]])
    return hashlib.sha256(text.encode()).hexdigest()


def load(root: Path) -> dict[str, Any]:
    try:
        data = json.loads((root / STATE_FILE).read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def dump(state: dict[str, Any]) -> bytes:
    return json.dumps(state, sort_keys=True, separators=(",", ":")).encode()
