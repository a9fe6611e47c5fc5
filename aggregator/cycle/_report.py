"""What an update cycle did: the steps' results, and the one place that adds them up.

Each step of the cycle (``_pipeline``) returns or yields small frozen results; ``assemble``
folds each into the cycle's :class:`RunReport` as it arrives, so a step that fails half way
still counts what it committed before it failed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from ._alerting import AlertCounts


@dataclass(frozen=True)
class FeedOutcome:
    feed: str
    status: int | None
    error: str | None
    error_kind: str | None
    new_entries: int
    elapsed: float


@dataclass
class RunReport:
    started: datetime
    finished: datetime | None = None
    feeds_due: int = 0
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    new_entries: int = 0
    changed_entries: int = 0
    stories_created: int = 0
    stories_joined: int = 0
    stories_merged: int = 0
    stories_updated: int = 0
    story_index: str = ""  # "loaded" from the store, "kept" from the last cycle, or "snapshot"
    published: int = 0
    publish_error: str | None = None
    store_error: str | None = None  # the last failure to write the database in this cycle
    stage_errors: dict[str, str] = field(default_factory=dict)  # stage -> what failed
    publish_seconds: float = 0.0
    alerts: AlertCounts = field(default_factory=AlertCounts)  # fired, corrections, deliveries
    duration: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    outcomes: list[FeedOutcome] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """``dataclasses.asdict`` of the report, made field by field: its recursive deep
        copy of thousands of outcomes cost more than the rest of a warm cycle's storing."""
        data: dict[str, object] = {}
        for name in _REPORT_FIELDS:
            value = getattr(self, name)
            if name == "outcomes":
                value = [{f: getattr(o, f) for f in _OUTCOME_FIELDS} for o in value]
            elif name == "alerts":
                value = dataclasses.asdict(value)
            elif isinstance(value, dict):
                value = dict(value)
            data[name] = value
        return data


_REPORT_FIELDS = tuple(f.name for f in dataclasses.fields(RunReport))
_OUTCOME_FIELDS = tuple(f.name for f in dataclasses.fields(FeedOutcome))


# --------------------------------------------------------------------------- step results


@dataclass(frozen=True)
class FeedStored:
    """One due feed fetched, parsed and stored, or failed: how it counts (``verdict``:
    "fetched", "not_modified" or "failed"), the entries whose text changed, and the
    database's refusal to store it."""

    outcome: FeedOutcome
    verdict: Literal["fetched", "not_modified", "failed"]
    changed_ids: tuple[int, ...] = ()
    store_error: str | None = None


@dataclass(frozen=True)
class IndexUsed:
    """Where the story index the new entries were assigned against came from: "loaded" from
    the store, "snapshot" (the file beside it) or "kept" from the last cycle."""

    source: str


@dataclass(frozen=True)
class Assignment:
    """What assigning a cycle's new entries did: the stories touched, those made in this
    cycle of its entries only (story -> entry ids: their reports need no looking up), and
    how many entries started, joined or merged stories."""

    touched: frozenset[int]
    made: dict[int, list[int]]
    created: int
    joined: int
    merged: int


@dataclass(frozen=True)
class FactsApplied:
    """Stories' facts decided and saved in one transaction: how many changed, what their
    alerts did, and how long recording the alerts took (None: not timed). ``recomputed``:
    the facts of every stored story are now made by the current facts key (the last part
    of a recomputation)."""

    updated: int
    alerts: AlertCounts = field(default_factory=AlertCounts)
    alert_seconds: float | None = None
    recomputed: bool = False


@dataclass(frozen=True)
class FeedLeftOut:
    """A feed whose pending entries break clustering: left unclustered, and why."""

    feed: str
    message: str


@dataclass(frozen=True)
class StageFailed:
    """A stage that failed (``database``: the database refused a write); the cycle went on."""

    stage: str
    message: str
    database: bool = False


@dataclass(frozen=True)
class Published:
    """What publishing the site did: files written, the failure that kept the previous
    files, seconds."""

    written: int
    error: str | None
    seconds: float


Part = (
    FeedStored
    | IndexUsed
    | Assignment
    | FactsApplied
    | FeedLeftOut
    | StageFailed
    | Published
    | AlertCounts
)


def assemble(report: RunReport, part: Part) -> None:
    """Add one step's result to the cycle's report: the one place a report is filled."""
    if isinstance(part, FeedStored):
        if part.verdict == "failed":
            report.failed += 1
        elif part.verdict == "not_modified":
            report.not_modified += 1
        else:
            report.fetched += 1
        report.new_entries += part.outcome.new_entries
        report.changed_entries += len(part.changed_ids)
        if part.store_error is not None:
            report.store_error = part.store_error
        report.outcomes.append(part.outcome)
    elif isinstance(part, IndexUsed):
        report.story_index = part.source
    elif isinstance(part, Assignment):
        report.stories_created += part.created
        report.stories_joined += part.joined
        report.stories_merged += part.merged
    elif isinstance(part, FactsApplied):
        report.stories_updated += part.updated
        report.alerts += part.alerts
        if part.alert_seconds is not None:
            report.timings["alerts"] = part.alert_seconds
    elif isinstance(part, FeedLeftOut):
        report.stage_errors[f"stories:{part.feed}"] = part.message
    elif isinstance(part, StageFailed):
        report.stage_errors[part.stage] = part.message
        if part.database:
            report.store_error = part.message
    elif isinstance(part, Published):
        report.published = part.written
        report.publish_error = part.error
        report.publish_seconds = part.seconds
    else:
        report.alerts += part
