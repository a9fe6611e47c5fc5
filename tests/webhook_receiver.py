"""A webhook receiver on 127.0.0.1 for the alert tests: records every request, and answers
200, or an error status, or hangs until released, as the test says."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from aggregator.alerts import verify


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes


class Receiver:
    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.status = 200
        self.answer = b'{"ok": true}'
        self.hang = False
        self.arrived = threading.Event()  # set when a request has come in
        self.release = threading.Event()  # a hanging request answers once this is set
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (stdlib name)
                receiver.handle(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def handle(self, req: BaseHTTPRequestHandler) -> None:
        body = req.rfile.read(int(req.headers.get("Content-Length", "0")))
        with self.lock:
            self.requests.append(
                Received(req.path, {k.lower(): v for k, v in req.headers.items()}, body)
            )
        self.arrived.set()
        if self.hang:
            self.release.wait(60)
        try:
            req.send_response(self.status)
            req.send_header("Content-Type", "application/json")
            req.send_header("Content-Length", str(len(self.answer)))
            req.end_headers()
            req.wfile.write(self.answer)
        except OSError:
            pass  # the sender gave up or was killed meanwhile

    def keys(self) -> list[str]:
        return [r.headers["idempotency-key"] for r in self.requests]

    def signed(self, secret: str) -> bool:
        """Every request carries a signature of its body made with ``secret``."""
        return all(
            verify(secret, r.body, r.headers.get("x-aggregator-signature", ""))
            for r in self.requests
        )


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    server.thread.start()
    yield server
    server.release.set()
    server.httpd.shutdown()
    server.httpd.server_close()
