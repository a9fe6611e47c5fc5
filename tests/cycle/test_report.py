"""The cycle's steps return their results; one function adds them up into the report."""

from __future__ import annotations

import ast
from pathlib import Path

from aggregator.cycle import _report
from aggregator.cycle._alerting import AlertCounts
from aggregator.cycle._report import (
    Assignment,
    FactsApplied,
    FeedLeftOut,
    FeedOutcome,
    FeedStored,
    IndexUsed,
    Published,
    RunReport,
    StageFailed,
    assemble,
)

from ..factories import NOW

PIPELINE = Path(_report.__file__).with_name("_pipeline.py")
# run_once and the context managers it wraps its stages in: the only code handed the report
FILLS_THE_REPORT = {"run_once", "_barrier", "_timed", "_retention"}


def test_no_step_is_handed_the_report() -> None:
    tree = ast.parse(PIPELINE.read_text())
    handed = {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        for arg in node.args.args + node.args.kwonlyargs
        if arg.annotation is not None and "RunReport" in ast.unparse(arg.annotation)
    }
    assert handed == FILLS_THE_REPORT - {"run_once"}  # (run_once makes it)
    assert "report." not in "".join(
        ast.get_source_segment(PIPELINE.read_text(), node) or ""
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name not in FILLS_THE_REPORT
    )


def test_assemble_adds_each_result_where_the_report_shows_it() -> None:
    report = RunReport(started=NOW)
    outcome = FeedOutcome("A", 200, None, None, 2, 0.1)
    parts: list[_report.Part] = [
        FeedStored(outcome, "fetched", (7,)),
        FeedStored(FeedOutcome("B", 304, None, None, 0, 0.1), "not_modified"),
        FeedStored(FeedOutcome("C", None, "store error", "store", 0, 0.1), "failed", (), "full"),
        IndexUsed("loaded"),
        Assignment(frozenset({1, 2}), {1: [5]}, created=1, joined=1, merged=0),
        FactsApplied(2, AlertCounts(fired=1, corrections=1), 0.25),
        FeedLeftOut("D", "stories: KeyError: 'x'"),
        StageFailed("retention", "disk full", database=True),
        Published(3, None, 1.5),
        AlertCounts(delivered=1, retried=2),
    ]
    for part in parts:
        assemble(report, part)
    assert (report.fetched, report.not_modified, report.failed) == (1, 1, 1)
    assert (report.new_entries, report.changed_entries) == (2, 1)
    assert [o.feed for o in report.outcomes] == ["A", "B", "C"]
    assert report.story_index == "loaded"
    assert (report.stories_created, report.stories_joined, report.stories_merged) == (1, 1, 0)
    assert report.stories_updated == 2 and report.timings == {"alerts": 0.25}
    assert report.alerts == AlertCounts(fired=1, corrections=1, delivered=1, retried=2)
    assert report.stage_errors == {"stories:D": "stories: KeyError: 'x'", "retention": "disk full"}
    assert report.store_error == "disk full"  # the last refusal of the database
    assert (report.published, report.publish_error, report.publish_seconds) == (3, None, 1.5)
