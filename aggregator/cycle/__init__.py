"""cycle: the glue that runs one update cycle over the stages, in order.

fetch due feeds -> parse (in a process pool) -> store -> stories -> deal facts -> alerts ->
publish. The only package that strings the stages together. Private modules: ``_pipeline``
(the cycle's steps, each returning its results), ``_report`` (those results, and the one
function that adds them up into the cycle's ``RunReport``), ``_story_facts`` (a story's
deal facts from its reports), ``_story_window`` (the story index kept between cycles, and
its snapshot for the next process), ``_alerting`` (alert rules fired and their webhooks
sent).
"""

from __future__ import annotations

from ._pipeline import (
    FeedOutcome,
    Published,
    RunReport,
    due_feeds,
    fetch_wave,
    publish_now,
    run_once,
)
from ._story_window import SNAPSHOT_KEY, StoryWindow, load_window, snapshot_path

__all__ = [
    "SNAPSHOT_KEY",
    "FeedOutcome",
    "Published",
    "RunReport",
    "StoryWindow",
    "due_feeds",
    "fetch_wave",
    "load_window",
    "publish_now",
    "run_once",
    "snapshot_path",
]
