"""Shared fixtures: a local feed server on 127.0.0.1, a fixed clock, config files."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from aggregator.store import Store

from . import factories
from .factories import NOW as NOW  # the fixed clock, imported from here by many tests


@dataclass
class Resource:
    body: bytes
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a slow server)


class FeedServer:
    """Serves registered bodies with ETag/304 support and counts requests per path."""

    def __init__(self) -> None:
        self.resources: dict[str, Resource] = {}
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (stdlib name)
                server.handle(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str, **kwargs: object) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.resources[path] = Resource(data, **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def handle(self, req: BaseHTTPRequestHandler) -> None:
        with self.lock:
            self.hits[req.path] = self.hits.get(req.path, 0) + 1
        res = self.resources.get(req.path)
        if res is not None and res.delay:
            time.sleep(res.delay)
        if res is None:
            req.send_response(404)
            req.end_headers()
            return
        etag = '"' + hashlib.sha1(res.body).hexdigest() + '"'
        if res.status == 200 and req.headers.get("If-None-Match") == etag:
            req.send_response(304)
            req.send_header("ETag", etag)
            req.end_headers()
            return
        req.send_response(res.status)
        req.send_header("Content-Type", res.content_type)
        req.send_header("Content-Length", str(len(res.body)))
        req.send_header("ETag", etag)
        for name, value in res.headers.items():
            req.send_header(name, value)
        req.end_headers()
        req.wfile.write(res.body)


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def rss(title: str, items: list[dict[str, str]]) -> str:
    """A small RSS 2.0 document; items take title, link, guid, description, date."""
    body = "".join(
        f"<item><title>{i['title']}</title><link>{i['link']}</link>"
        f'<guid isPermaLink="false">{i.get("guid", i["link"])}</guid>'
        f"<description>{i.get('description', '')}</description>"
        f"<pubDate>{i.get('date', 'Tue, 24 Nov 2026 08:00:00 GMT')}</pubDate></item>"
        for i in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://example.com/</link>"
        f"<description>{title}</description>{body}</channel></rss>"
    )


def write_config(tmp_path: Path, feeds: list[dict[str, object]], **extra: object) -> Path:
    import yaml

    data: dict[str, object] = {
        "site": {
            "title": "Test deals",
            "base_url": "http://127.0.0.1:8080/",
            "author": "tests",
            "id_authority": "test.example,2026",
        },
        "database": "data/test.db",
        "output": "data/site",
        "allow_private_networks": True,
        "feeds": feeds,
    }
    data.update(extra)
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """The test database in ``tmp_path`` (see ``factories.store``)."""
    made = factories.store(tmp_path)
    yield made
    made.close()
