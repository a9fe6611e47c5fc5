"""What the last publish wrote, so an unchanged feed is not rendered again.

A feed's head document depends only on (the settings that shape output, the number of its
stories, and the id + updated time of its newest ``feed_size`` stories). Their digest is kept
in ``.publish-state.json`` in the site directory (dotfiles are never served); when it matches
and the files are there, the feed is skipped without loading or rendering any story.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from aggregator import __version__
from aggregator.models import Settings

STATE_FILE = ".publish-state.json"
# Bumped when the same story renders to other bytes (a file written by older code must not
# be taken for this code's): 2 = entries dated by news time, atom:source in full.
# 3 = feed icon and logo, deal rows with links to companies and investors.
OUTPUT_VERSION = 3


def settings_fingerprint(settings: Settings) -> str:
    shaping = {
        "version": __version__,
        "output": OUTPUT_VERSION,
        "site": asdict(settings.site),
        "size": settings.feed_size,
        "share": settings.source_share,
        "hub": settings.websub_hub,
        "feeds": [(f.name, f.location, f.priority, f.first_party) for f in settings.feeds],
    }
    return hashlib.sha256(json.dumps(shaping, sort_keys=True, default=str).encode()).hexdigest()


def digest(fingerprint: str, count: int, versions: Sequence[tuple[int, Any]]) -> str:
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
