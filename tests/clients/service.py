"""The real `aggregator serve` process on 127.0.0.1, and the CLI commands that build its site."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from aggregator.runtime.cli import cli


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def aggregator(config: Path, *args: str) -> str:
    """Run one CLI command in-process (as tests/test_end_to_end.py does); return its output."""
    result = CliRunner().invoke(cli, ["--config", str(config), *args])
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output


def code_of(tree: Path | None, env: dict[str, str]) -> dict[str, Any]:
    """Popen's ``env`` and ``cwd`` to run ``python -m aggregator`` from ``tree`` (None: this
    checkout). The working directory is the tree itself: ``-m`` puts it first on sys.path,
    so neither this checkout nor its editable install can come first."""
    if tree is None:
        return {"env": env}
    return {"env": {**env, "PYTHONPATH": str(tree)}, "cwd": str(tree)}


def old_aggregator(tree: Path, config: Path, *args: str) -> str:
    """Run one CLI command with the ``aggregator`` package of ``tree``; return its output."""
    proc = subprocess.run(
        [sys.executable, "-m", "aggregator", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        stdin=subprocess.DEVNULL,
        **code_of(tree, dict(os.environ)),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


@dataclass(frozen=True)
class Response:
    status: int
    headers: Message
    body: bytes


def get(url: str) -> Response:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return Response(resp.status, resp.headers, resp.read())
    except urllib.error.HTTPError as exc:
        with exc:
            return Response(exc.code, exc.headers, exc.read())


class Server:
    """`python -m aggregator --config CONFIG serve` as a subprocess; start, stop, restart."""

    def __init__(
        self, config: Path, port: int, log: Path, *, pythonpath: Path | None = None
    ) -> None:
        """``pythonpath``: a tree whose ``aggregator`` package is run instead of this one
        (another version's code, e.g. a ``git archive`` of an older commit)."""
        self.config = config
        self.base = f"http://127.0.0.1:{port}"
        self.log = log
        self.pythonpath = pythonpath
        self.proc: subprocess.Popen[bytes] | None = None

    def url(self, path: str) -> str:
        return self.base + path

    def start(self, timeout: float = 20.0) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "aggregator", "--config", str(self.config), "serve"],
                stdout=out,
                stderr=out,
                stdin=subprocess.DEVNULL,
                **code_of(self.pythonpath, {**os.environ, "PYTHONUNBUFFERED": "1"}),
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"serve exited:\n{self.log.read_text()}"
            try:
                if get(self.url("/healthz")).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"serve never became healthy:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
