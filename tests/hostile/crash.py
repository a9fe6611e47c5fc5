"""Kill -9 during update cycles: a farm of changing feeds, a killer, and the checks.

``Farm`` serves ``feeds`` RSS feeds from a conftest ``FeedServer``; ``advance()`` makes
each of them gain entries (and edit one) so every cycle has something to write.
``kill_round`` starts ``python -m aggregator --config X update --all`` in its own
process group, SIGKILLs the group after ``delay`` seconds and returns the exit status.
``damage`` lists what a kill broke: integrity, lost entries, invalid published files.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from aggregator.config import load_settings
from aggregator.models import Settings

from ..conftest import FeedServer, rss, write_config
from .checks import invalid_files

REPO = Path(__file__).resolve().parents[2]
EntryIds = set[tuple[int, str, str]]


@dataclass
class Farm:
    server: FeedServer
    feeds: int = 8
    per_feed: int = 25
    generation: int = 0
    names: list[str] = field(default_factory=list)

    def advance(self) -> None:
        """Every feed gains three entries and rewrites the summary of its newest one."""
        self.generation += 1
        g = self.generation
        for f in range(self.feeds):
            start = g * 3
            items = [
                {
                    "title": f"Outlet {f} story {n}: startup {n % 7} raises ${n + 1} million",
                    "link": f"https://farm{f}.example/{n}",
                    "guid": f"farm{f}-{n}",
                    "description": f"Round {g}: the company said it raised money. " * 3,
                    "date": f"Mon, {1 + n % 28:02d} Nov 2026 {n % 24:02d}:00:00 GMT",
                }
                for n in range(start, start + self.per_feed)
            ]
            self.server.add(f"/farm/{f}.xml", rss(f"Outlet {f}", items))

    def config(self, root: Path) -> Path:
        root.mkdir(parents=True, exist_ok=True)
        self.names = [f"outlet-{f}" for f in range(self.feeds)]
        feeds = [
            {"name": name, "url": self.server.url(f"/farm/{f}.xml")}
            for f, name in enumerate(self.names)
        ]
        return write_config(root, feeds)


def settings_of(config: Path) -> Settings:
    return load_settings(config, {})


def command(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "aggregator", "--config", str(config), *args]


def start(config: Path, *args: str) -> subprocess.Popen[bytes]:
    extra = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": str(REPO) + (os.pathsep + extra if extra else "")}
    return subprocess.Popen(
        command(config, *args),
        cwd=config.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def run(config: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    proc = start(config, *args)
    out, err = proc.communicate(timeout=timeout)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def kill_round(config: Path, delay: float) -> int | None:
    """Start an update, SIGKILL its whole process group after ``delay`` s.

    Returns None when it was killed, else the exit status (it finished first).
    """
    proc = start(config, "update", "--all")
    try:
        proc.wait(timeout=delay)
        proc.communicate()
        return proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the update and its parse pool (forked from it)
        proc.communicate()
        return None


def entry_ids(db: Path) -> EntryIds:
    if not db.exists():
        return set()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
        return set(conn.execute("SELECT id, feed, entry_key FROM entries"))


def integrity(db: Path) -> str:
    if not db.exists():
        return "ok"
    conn = sqlite3.connect(db, timeout=30)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@dataclass
class Damage:
    integrity: str = "ok"
    lost: int = 0
    invalid: dict[str, str] = field(default_factory=dict)

    @property
    def none(self) -> bool:
        return self.integrity == "ok" and not self.lost and not self.invalid


def damage(settings: Settings, before: EntryIds) -> Damage:
    after = entry_ids(settings.database)
    site = settings.output
    return Damage(
        integrity(settings.database),
        len(before - after),
        invalid_files(site) if site.exists() else {},
    )


@dataclass
class KillReport:
    rounds: int = 0
    killed: int = 0
    lost: int = 0
    invalid: int = 0
    corrupt: int = 0
    final_failed: bool = False  # the cycle after the kills did not complete
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def kill_loop(
    farm: Farm, config: Path, rounds: int, rng: random.Random, max_delay: float
) -> KillReport:
    """``rounds`` kill -9 rounds, then one cycle that must complete; damage counted."""
    settings = settings_of(config)
    report = KillReport()
    started = time.perf_counter()
    for n in range(rounds):
        farm.advance()
        before = entry_ids(settings.database)
        delay = rng.uniform(0.05, max_delay)
        if kill_round(config, delay) is None:
            report.killed += 1
        report.rounds += 1
        _count(report, damage(settings, before), f"round {n} (kill after {delay:.2f}s)")
    before = entry_ids(settings.database)
    farm.advance()
    final = run(config, "update", "--all")
    if final.returncode != 0:
        report.final_failed = True
        report.problems.append(f"the cycle after the kills failed: {final.stderr[-500:]!r}")
    _count(report, damage(settings, before), "final cycle")
    report.seconds = time.perf_counter() - started
    return report


def _count(report: KillReport, found: Damage, where: str) -> None:
    if found.none:
        return
    report.lost += found.lost
    report.invalid += len(found.invalid)
    report.corrupt += found.integrity != "ok"
    report.problems.append(
        f"{where}: integrity={found.integrity}, lost={found.lost}, invalid={found.invalid}"
    )
