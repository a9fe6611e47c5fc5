"""A local hostile HTTP server on 127.0.0.1 (ephemeral port): one path per case.

``HostileServer.route(path, response)`` registers what a path answers; responses are the
small classes below (a body, a redirect, a slow drip, a compression bomb, a lying
Content-Length). Every request is counted per path, so a test can prove that a URL was
never requested (``hits``). Bodies may be callables of the server, for payloads that
need its address (XXE pointing back at the server's own ``/canary/...`` path).
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol

BodySource = bytes | Callable[["HostileServer"], bytes]
MB = 1 << 20


class Response(Protocol):
    def send(self, req: BaseHTTPRequestHandler, server: HostileServer) -> None: ...


def _body(source: BodySource, server: HostileServer) -> bytes:
    return source(server) if callable(source) else source


@dataclass(frozen=True)
class Body:
    """A complete response; ``headers`` are sent verbatim (hostile values included)."""

    data: BodySource
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()

    def send(self, req: BaseHTTPRequestHandler, server: HostileServer) -> None:
        data = _body(self.data, server)
        req.send_response(self.status)
        req.send_header("Content-Type", self.content_type)
        req.send_header("Content-Length", str(len(data)))
        for name, value in self.headers:
            req.send_header(name, value)
        req.end_headers()
        req.wfile.write(data)


@dataclass(frozen=True)
class Redirect:
    """302 to ``location`` (``{base}`` and ``{port}`` are filled in)."""

    location: str
    status: int = 302

    def send(self, req: BaseHTTPRequestHandler, server: HostileServer) -> None:
        req.send_response(self.status)
        req.send_header("Location", self.location.format(base=server.base, port=server.port))
        req.send_header("Content-Length", "0")
        req.end_headers()


@dataclass(frozen=True)
class RedirectLoop:
    """Every request redirects to the same path with a higher counter: never ends."""

    def send(self, req: BaseHTTPRequestHandler, server: HostileServer) -> None:
        path, _, query = req.path.partition("?")
        n = int(query[2:]) + 1 if query.startswith("n=") and query[2:].isdigit() else 1
        req.send_response(302)
        req.send_header("Location", f"{path}?n={n}")
        req.send_header("Content-Length", "0")
        req.end_headers()


@dataclass(frozen=True)
class Drip:
    """Headers at once, then one byte every ``interval`` seconds (for at most ``limit`` s)."""

    data: BodySource
    interval: float = 1.0
    limit: float = 60.0

    def send(self, req: BaseHTTPRequestHandler, server: HostileServer) -> None:
        data = _body(self.data, server)
        req.send_response(200)
        req.send_header("Content-Type", "application/rss+xml")
        req.send_header("Content-Length", str(len(data)))
        req.end_headers()
        deadline = time.monotonic() + self.limit
        for i in range(len(data)):
            if time.monotonic() > deadline or server.stopping.is_set():
                return
            req.wfile.write(data[i : i + 1])
            req.wfile.flush()
            server.stopping.wait(self.interval)


@dataclass(frozen=True)
class Bomb:
    """A body of ``megabytes`` MB of zeros, sent compressed (gzip or deflate)."""

    encoding: str  # "gzip" | "deflate"
    megabytes: int = 1024

    def send(self, req: BaseHTTPRequestHandler, server: HostileServer) -> None:
        data = compressed_zeros(self.encoding, self.megabytes)
        req.send_response(200)
        req.send_header("Content-Type", "application/rss+xml")
        req.send_header("Content-Encoding", self.encoding)
        req.send_header("Content-Length", str(len(data)))
        req.end_headers()
        req.wfile.write(data)


@dataclass(frozen=True)
class LyingLength:
    """Declares ``declared`` bytes of body, sends a little, then closes."""

    declared: int
    data: bytes = b"<?xml version='1.0'?><rss version='2.0'><channel>"

    def send(self, req: BaseHTTPRequestHandler, server: HostileServer) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "application/rss+xml")
        req.send_header("Content-Length", str(self.declared))
        req.end_headers()
        req.wfile.write(self.data)
        req.close_connection = True


@lru_cache(maxsize=4)
def compressed_zeros(encoding: str, megabytes: int) -> bytes:
    """``megabytes`` MB of zeros compressed, built from one repeated 1 MB block.

    A full flush makes each compressed megabyte independent of the previous one, so the
    block can be repeated: a 1 GB bomb costs a megabyte of compression work.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * MB) + compressor.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty final block
    raw = block * megabytes + final
    size = megabytes * MB
    if encoding == "gzip":
        crc = 0
        zero = b"\0" * MB
        for _ in range(megabytes):
            crc = zlib.crc32(zero, crc)
        header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
        return header + raw + crc.to_bytes(4, "little") + (size % (1 << 32)).to_bytes(4, "little")
    if encoding == "deflate":
        adler = 1
        zero = b"\0" * MB
        for _ in range(megabytes):
            adler = zlib.adler32(zero, adler)
        return b"\x78\xda" + raw + adler.to_bytes(4, "big")
    raise ValueError(encoding)


@dataclass
class HostileServer:
    """Threaded HTTP/1.0 server; ``route`` registers responses, ``hits`` counts requests."""

    routes: dict[str, Response] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (stdlib name)
                server._handle(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, response: Response) -> str:
        self.routes[path] = response
        return self.url(path)

    def hits_under(self, prefix: str) -> int:
        with self.lock:
            return sum(n for path, n in self.hits.items() if path.startswith(prefix))

    def _handle(self, req: BaseHTTPRequestHandler) -> None:
        path = req.path.partition("?")[0]
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
        response = self.routes.get(path)
        if response is None:
            Body(
                b"LEAKED-CANARY" if path.startswith("/canary/") else b"not found\n",
                content_type="text/plain",
                status=200 if path.startswith("/canary/") else 404,
            ).send(req, self)
            return
        try:
            response.send(req, self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (cap, deadline): that is the point

    def start(self) -> HostileServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
