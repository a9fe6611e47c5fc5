"""Headless Chromium driven over the DevTools protocol with aiohttp's websocket client.

No WebDriver: the browser is started with ``--remote-debugging-port=0``, its port is read
from ``DevToolsActivePort`` in the private profile directory, and one page target is driven
with JSON messages. Console messages, uncaught exceptions and browser log entries (failed
loads, CSP violations) are collected for every page visited.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import signal
import subprocess
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
]
WIDTH, HEIGHT = 1280, 900


@dataclass
class PageVisit:
    url: str
    errors: list[str] = field(default_factory=list)  # console errors, exceptions, log
    values: dict[str, Any] = field(default_factory=dict)  # results of evaluated expressions
    screenshot: bytes = b""


class DevTools:
    """One page target: send commands, collect events."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        msg_id = self.next_id
        await self.ws.send_json({"id": msg_id, "method": method, "params": params})
        while True:
            msg = await self._receive()
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return dict(msg.get("result", {}))

    async def wait_for(self, event: str, timeout: float) -> dict[str, Any]:
        seen = len(self.events)
        async with asyncio.timeout(timeout):
            while True:
                for ev in self.events[seen:]:
                    if ev["method"] == event:
                        return ev
                seen = len(self.events)
                await self._receive()

    async def drain(self, seconds: float) -> None:
        """Keep collecting events for a while (late log entries, favicon loads)."""
        try:
            async with asyncio.timeout(seconds):
                while True:
                    await self._receive()
        except TimeoutError:
            pass

    async def _receive(self) -> dict[str, Any]:
        msg = await self.ws.receive()
        if msg.type != aiohttp.WSMsgType.TEXT:
            raise RuntimeError(f"DevTools connection ended: {msg.type}")
        data: dict[str, Any] = json.loads(msg.data)
        if "method" in data:
            self.events.append(data)
        return data


def errors_in(events: list[dict[str, Any]]) -> list[str]:
    """Human-readable console errors, uncaught exceptions and error-level log entries."""
    found = []
    for ev in events:
        params = ev.get("params", {})
        if ev["method"] == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(
                str(a.get("value", a.get("description", ""))) for a in params.get("args", [])
            )
            found.append(f"console.{params['type']}: {text}")
        elif ev["method"] == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            thrown = details.get("exception", {}).get("description") or details.get("text")
            found.append(f"exception: {thrown}")
        elif ev["method"] == "Log.entryAdded" and params["entry"].get("level") == "error":
            entry = params["entry"]
            found.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}")
    return found


class Browser:
    """A headless Chromium process with a private profile; ``visit()`` pages in one tab."""

    def __init__(self, program: str, profile: Path, log: Path) -> None:
        self.program = program
        self.profile = profile
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 20.0) -> int:
        """Launch the browser; return its DevTools port."""
        self.profile.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [
                    self.program,
                    *FLAGS,
                    f"--user-data-dir={self.profile}",
                    f"--window-size={WIDTH},{HEIGHT}",
                    "--remote-debugging-address=127.0.0.1",
                    "--remote-debugging-port=0",
                    "about:blank",
                ],
                stdout=out,
                stderr=out,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"chromium exited:\n{self.log.read_text()}"
            lines = port_file.read_text().split() if port_file.exists() else []
            if lines:
                return int(lines[0])
            time.sleep(0.05)
        raise AssertionError(f"chromium never opened DevTools:\n{self.log.read_text()}")

    def stop(self) -> None:
        """Stop the browser and its helper processes (the session this object started)."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)  # leftover renderer/zygote children
        except ProcessLookupError:
            pass
        self.proc = None


@asynccontextmanager
async def page(port: int) -> AsyncIterator[DevTools]:
    """The browser's first page target, with Runtime/Log/Page events enabled."""
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{port}/json/list") as resp:
            targets = await resp.json(content_type=None)
        target = next(t for t in targets if t.get("type") == "page")
        async with session.ws_connect(
            target["webSocketDebuggerUrl"], max_msg_size=64 * 1024 * 1024
        ) as ws:
            tools = DevTools(ws)
            for domain in ("Runtime", "Log", "Page"):
                await tools.call(f"{domain}.enable")
            await tools.call(
                "Emulation.setDeviceMetricsOverride",
                width=WIDTH,
                height=HEIGHT,
                deviceScaleFactor=1,
                mobile=False,
            )
            yield tools


async def visit(
    tools: DevTools, url: str, expressions: dict[str, str], screenshot: bool = True
) -> PageVisit:
    """Load ``url``, wait for its load event, evaluate ``expressions``, take a screenshot."""
    start = len(tools.events)
    await tools.call("Page.navigate", url=url)
    await tools.wait_for("Page.loadEventFired", timeout=15)
    await tools.drain(0.3)
    result = PageVisit(url)
    for name, expression in expressions.items():
        answer = await tools.call("Runtime.evaluate", expression=expression, returnByValue=True)
        result.values[name] = answer.get("result", {}).get("value")
    if screenshot:
        shot = await tools.call("Page.captureScreenshot", format="png")
        result.screenshot = base64.b64decode(shot["data"])
    result.errors = errors_in(tools.events[start:])
    return result
