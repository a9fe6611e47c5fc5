"""`make hostile`: every hostile case against the local hostile server, as a table.

Runs each case of tests/hostile/cases.py end to end (hostile server -> run_once ->
published site -> checks), then the served-site probes (headers, path traversal), a
publish onto a full disk (os.replace raising ENOSPC), and kill -9 rounds against
`python -m aggregator update --all`. Prints case, outcome, time, peak memory (tracemalloc
peak of this process during the cycle; for subprocess rows the max RSS of the children),
then a computed summary line. Exit status 1 on any crash, lost entry, invalid feed or
failed check.

    python bench/hostile.py [--kill-rounds N] [--case NAME ...] [--seed N]
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from aggregator.publish import _write  # noqa: E402
from aggregator.runtime.service import Service  # noqa: E402
from tests.conftest import FeedServer  # noqa: E402
from tests.hostile import crash  # noqa: E402
from tests.hostile.cases import KNOWN_BUGS, by_name  # noqa: E402
from tests.hostile.checks import invalid_files  # noqa: E402
from tests.hostile.harness import (  # noqa: E402
    TRAVERSALS,
    CaseResult,
    Harness,
    header_problems,
    path_problems,
    plant_escape_routes,
    serving,
)
from tests.hostile.server import HostileServer  # noqa: E402


@dataclass
class Row:
    name: str
    outcome: str
    seconds: float
    memory: str
    ok: bool
    crashes: int = 0
    lost: int = 0
    invalid: int = 0
    problems: tuple[str, ...] = ()


def _mb(n: int | None) -> str:
    return "-" if n is None else f"{n / 1e6:.1f} MB"


def case_rows(harness: Harness, names: list[str]) -> list[Row]:
    rows = []
    for case in by_name(names):
        r: CaseResult = harness.run(case, trace_memory=True)
        rows.append(
            Row(
                case.name,
                r.outcome,
                r.seconds,
                _mb(r.peak_bytes),
                r.ok,
                crashes=int(r.crashed is not None),
                lost=r.lost,
                invalid=len(r.invalid),
                problems=tuple(r.problems),
            )
        )
    return rows


def served_rows(harness: Harness) -> list[Row]:
    result = harness.run(by_name(["hostile-headers"])[0])
    assert result.settings is not None
    site = result.settings.output
    rows = []
    with serving(Service(result.settings).app()) as port:
        started = time.perf_counter()
        problems = header_problems(port, site)
        files = sum(1 for p in site.rglob("*") if p.is_file())
        rows.append(
            Row(
                "served-headers",
                f"{files} files: server's own headers only"
                if not problems
                else f"{len(problems)} bad headers",
                time.perf_counter() - started,
                "-",
                not problems,
                problems=tuple(problems),
            )
        )
        plant_escape_routes(site)
        started = time.perf_counter()
        problems = path_problems(port)
        rows.append(
            Row(
                "path-traversal",
                f"404 for {len(TRAVERSALS) - len(problems)} of {len(TRAVERSALS)} targets",
                time.perf_counter() - started,
                "-",
                not problems,
                problems=tuple(problems),
            )
        )
    return rows


def disk_full_row(workdir: Path) -> Row:
    """Publish onto a full disk (os.replace raising ENOSPC in the site dir, in-process)."""
    with _feed_server() as server:
        farm = crash.Farm(server, feeds=2, per_feed=8)
        farm.advance()
        settings = crash.settings_of(farm.config(workdir / "diskfull"))
        service = Service(settings)
        started = time.perf_counter()
        try:
            service.run_cycle()
            site = settings.output
            before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
            farm.advance()
            real, inside = os.replace, str(site.resolve())

            def full(src: str, dst: str) -> None:
                if str(dst).startswith(inside):
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
                real(src, dst)

            _write.os.replace = full  # type: ignore[assignment]
            try:
                later = datetime.now(UTC) + timedelta(hours=2)  # feeds due again
                service.clock = lambda: later
                report = service.run_cycle()
            finally:
                _write.os.replace = real  # type: ignore[assignment]
            kept = {p: p.read_bytes() for p in before} == before
            invalid = invalid_files(site)
            ready = service.readiness()
        finally:
            service.close()
    ok = bool(report.publish_error) and kept and not invalid and not ready.ready
    outcome = (
        "publish failed, old files kept, /readyz not ready"
        if ok
        else f"publish_error={report.publish_error!r} kept={kept} ready={ready.ready}"
    )
    return Row(
        "disk-full-publish",
        outcome,
        time.perf_counter() - started,
        "-",
        ok,
        invalid=len(invalid),
        problems=tuple(f"invalid {k}" for k in invalid),
    )


@contextmanager
def _feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


def kill_row(workdir: Path, rounds: int, seed: int) -> Row:
    with _feed_server() as server:
        farm = crash.Farm(server, feeds=8, per_feed=25)
        farm.advance()
        config = farm.config(workdir / "kill")
        started = time.perf_counter()
        first = crash.run(config, "update", "--all")
        duration = time.perf_counter() - started
        report = crash.kill_loop(farm, config, rounds, random.Random(seed), duration)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    ok = first.returncode == 0 and not report.problems
    outcome = (
        f"{report.killed} of {report.rounds} killed mid-cycle; integrity ok, next cycle ok"
        if ok
        else f"{len(report.problems)} problems"
    )
    return Row(
        f"kill-9 x{rounds} (seed {seed})",
        outcome,
        report.seconds,
        f"{_mb(rss)} (child RSS)",
        ok,
        crashes=int(first.returncode != 0) + int(report.final_failed),
        lost=report.lost,
        invalid=report.invalid + report.corrupt,
        problems=tuple(report.problems),
    )


def print_table(rows: list[Row]) -> None:
    head = ("case", "outcome", "time", "peak memory", "")
    cells = [head] + [
        (
            r.name,
            r.outcome,
            f"{r.seconds:.2f}s",
            r.memory,
            "ok" if r.ok else ("FAIL (known bug)" if r.name in KNOWN_BUGS else "FAIL"),
        )
        for r in rows
    ]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    line = lambda c: "| " + " | ".join(v.ljust(w) for v, w in zip(c, widths)) + " |"  # noqa: E731
    print(line(cells[0]))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for c in cells[1:]:
        print(line(c))


def summary(rows: list[Row]) -> tuple[str, bool]:
    crashes = sum(r.crashes for r in rows)
    lost = sum(r.lost for r in rows)
    invalid = sum(r.invalid for r in rows)
    failed = [r for r in rows if not r.ok]
    valid = "feeds valid" if invalid == 0 else f"{invalid} feeds invalid"
    text = f"{len(rows)} hostile inputs, {crashes} crashes, {lost} entries lost, {valid}"
    return text, not (crashes or lost or invalid or failed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", action="append", default=[], help="only these cases")
    parser.add_argument("--kill-rounds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=random.randrange(1 << 30))
    args = parser.parse_args(argv)
    logging.getLogger().addHandler(logging.NullHandler())  # per-feed warnings: the table says it
    with HostileServer() as server, tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        harness = Harness(server, workdir)
        rows = case_rows(harness, args.case)
        if not args.case:
            rows += served_rows(harness)
            rows.append(disk_full_row(workdir))
            if args.kill_rounds:
                rows.append(kill_row(workdir, args.kill_rounds, args.seed))
    print_table(rows)
    for row in rows:
        for problem in row.problems[:5]:
            print(f"  {row.name}: {problem}")
    text, ok = summary(rows)
    failed = [r.name for r in rows if not r.ok]
    if failed:
        print(f"failed checks: {', '.join(failed)}")
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
