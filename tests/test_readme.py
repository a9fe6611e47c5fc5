"""The README's commands run as written, from a copy of the clone after the quick start.

The copy shares this checkout's virtualenv (the quick start's ``make`` made it) and runs each
command the README shows with the shell it shows (``. .venv/bin/activate`` first), offline:
``AGGREGATOR_CONFIG=examples/demo.yaml`` (the README's own way of choosing a config) reads the
local demo feeds, and ``AGGREGATOR_PORT`` a free port. Left out, with why: ``make run`` (polls
the real feeds), ``make test``/``test-long``/``hostile``/``bench``/``bench-quick`` (this
suite, the hostile suite and the benchmarks themselves), ``make lint`` (CI runs it itself,
before this suite) and the container commands (need docker or podman: tests/container).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
NOT_RUN = {
    "make run",
    "make test",
    "make test-long",
    "make bench",
    "make bench-quick",
    "make hostile",
    "make lint",
}
SERVING = ("aggregator run", "aggregator serve", "make demo-serve")


def shown_commands() -> list[str]:
    """Shell lines of the README's ``sh`` blocks and the first column of its commands
    table (optional ``[...]`` parts once without, once with every one)."""
    out: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line and not line.startswith(("docker", "-e ", "#")):
                out.append(line)
    out += [
        c
        for c in re.findall(r"`((?:make|aggregator) [^`|]+)`", README)  # in the text
        if "[" not in c
    ]
    table = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    for cell in re.findall(r"^\| `(aggregator [^`]+)` \|", table, re.M):
        out.append(re.sub(r"\s*\[[^\]]*\]", "", cell))
        if "[" in cell:
            out.append(re.sub(r"\[([^\]]*)\]", r"\1", cell))
    return list(
        dict.fromkeys(
            c for c in out if c.rstrip("\\").strip() not in NOT_RUN and not c.endswith("\\")
        )
    )


PLACEHOLDERS = {" N": " 3", " ID": " 1", " PATH": " copy-of-the.db", " H": " 127.0.0.1", " S": " 5"}


def literal(command: str, port: int) -> str:
    """The command with its placeholders filled in (P: the free port, URL: our /readyz)."""
    command = command.replace(" URL", f" http://127.0.0.1:{port}/readyz")
    command = re.sub(r" P\b", f" {port}", command)
    for name, value in PLACEHOLDERS.items():
        command = re.sub(rf"{name}\b", value, command)
    return command


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the tracked files (times kept, so make sees its install as done)."""
    if not (ROOT / ".venv" / "bin" / "aggregator").exists():
        pytest.skip("no .venv: run the quick start (make) first")
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if files.returncode != 0:
        pytest.skip("not a git checkout")
    target = tmp_path_factory.mktemp("clone")
    for name in files.stdout.splitlines():
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(ROOT / ".venv")
    # The copy shares the virtualenv: make must never install from the copy into it (that
    # would point this checkout's editable install at a temporary directory).
    stamp = ROOT / ".venv" / ".installed"
    if not stamp.exists():
        pytest.skip("the virtualenv was not made by the quick start (no .venv/.installed)")
    when = stamp.stat().st_mtime_ns  # in nanoseconds: a float may round up past the stamp
    os.utime(target / "pyproject.toml", ns=(when, when))
    return target


def shell(clone: Path, command: str, port: int) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGGREGATOR_")}
    env.update(
        AGGREGATOR_CONFIG="examples/demo.yaml",
        AGGREGATOR_PORT=str(port),
        AGGREGATOR_WEB_WORKERS="1",
        PATH=os.defpath,
    )
    return subprocess.Popen(
        ["bash", "-c", f". .venv/bin/activate && {command}"],
        cwd=clone,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def wait_ready(url: str, proc: subprocess.Popen[str], within: float = 60) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[0]
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never answered")


def test_the_readme_shows_the_commands_this_test_runs() -> None:
    commands = shown_commands()
    assert ". .venv/bin/activate" in commands and "aggregator feeds" in commands
    assert "make demo" in commands and "aggregator stories --explain ID" in commands
    assert "aggregator feeds --json" in commands and "aggregator run" in commands


def test_every_readme_command_runs_as_written(clone: Path) -> None:
    commands = shown_commands()
    # The demo first (the quick start's offline twin): the other commands read its database.
    ordered = sorted(commands, key=lambda c: (c != "make demo", c.startswith("aggregator backup")))
    failed = []
    for command in ordered:
        port = free_port()
        text = literal(command, port)
        if command.startswith("aggregator healthcheck") or command.startswith(SERVING):
            failed += _serving(clone, text, port, command)
            continue
        proc = shell(clone, text, port)
        output = proc.communicate(timeout=300)[0]
        if proc.returncode != 0:
            failed.append(f"{text}: exit {proc.returncode}\n{output}")
        elif command == "make demo":
            assert "make demo-serve" in output  # it says how to look at the demo
            assert (clone / "examples/data/site/index.html").exists()
    assert failed == []


def _serving(clone: Path, text: str, port: int, command: str) -> list[str]:
    """A serving command runs until SIGTERM; ``healthcheck`` needs one running."""
    server = text if command.startswith(SERVING) else "aggregator serve"
    proc = shell(clone, server, port)
    try:
        wait_ready(f"http://127.0.0.1:{port}/healthz", proc)
        if command.startswith("aggregator healthcheck"):
            check = shell(clone, text, port)
            output = check.communicate(timeout=60)[0]
            if check.returncode != 0:
                return [f"{text}: exit {check.returncode}\n{output}"]
        return []
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
