"""Tests of the web stage: a real server on 127.0.0.1 (ephemeral port) in a thread."""

from __future__ import annotations

import asyncio
import gzip
import http.client
import json
import os
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from aiohttp import web as aioweb

from aggregator.publish import media_types
from aggregator.web import _app as web
from aggregator.web import _static
from aggregator.web._app import Readiness, bound_port, make_app, start_server
from aggregator.web._static import FileCache, accepts_gzip, build_entry, lexical_path

SECRET = b"TOP-SECRET-OUTSIDE-THE-SITE"
FEED = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
    + (b"<entry><title>Acme raises $10M</title></entry>" * 400)
    + b"</feed>\n"
)

SITE_FILES: dict[str, bytes] = {
    "feed.atom": FEED,
    "all.atom": FEED,
    "feed.json": b'{"version": "https://jsonfeed.org/version/1.1", "items": []}',
    "sources.opml": b"<opml version='2.0'><body/></opml>",
    "index.html": b"<!doctype html><title>AI deals</title><p>index</p>",
    "deals/index.html": b"<!doctype html><p>deals index</p>",
    "deals/acquisition.atom": b"<feed/>",
    "companies/acme.atom": b"<feed>acme</feed>",
    "archive/index.html": b"<!doctype html><p>archive</p>",
    "archive/2026-01.atom": b"<feed>january</feed>",
    "logo.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
    "sitemap.xml": b"<urlset/>",
    "style.css": b"body { color: black }",
    "robots.txt": b"User-agent: *\n",
    "pixel.png": b"\x89PNG\r\n\x1a\n0000",
    "blob.bin": b"\x00\x01\x02",
    ".hidden": b"dotfile",
    "deals/.secret": b"dotfile",
}


def _write_site(root: Path) -> None:
    for rel, data in SITE_FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (root / "empty").mkdir()


@contextmanager
def _running(app: aioweb.Application) -> Iterator[int]:
    loop = asyncio.new_event_loop()
    runner = loop.run_until_complete(start_server(app, "127.0.0.1", 0))
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield bound_port(runner)
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()


class Ready:
    def __init__(self) -> None:
        self.value = Readiness(ready=True, detail={"last_cycle": "2026-01-01T00:00:00Z"})

    def __call__(self) -> Readiness:
        return self.value


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    (tmp_path / "secret.txt").write_bytes(SECRET)
    (tmp_path / "outdir").mkdir()
    (tmp_path / "outdir" / "secret.txt").write_bytes(SECRET)
    return tmp_path


@pytest.fixture
def site(outside: Path) -> Path:
    root = outside / "site"
    root.mkdir()
    _write_site(root)
    return root


@pytest.fixture
def ready() -> Ready:
    return Ready()


@pytest.fixture
def serve(site: Path, ready: Ready) -> Iterator[Callable[..., int]]:
    """serve(**make_app_kwargs) -> port; servers are stopped after the test."""
    with ExitStack() as stack:

        def start(**kwargs: object) -> int:
            kwargs.setdefault("feed_types", media_types())  # as runtime hands them over
            app = make_app(site, readiness=ready, **kwargs)  # type: ignore[arg-type]
            return stack.enter_context(_running(app))

        yield start


@pytest.fixture
def port(serve: Callable[..., int]) -> int:
    return serve()


class Reply:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body


def request(port: int, path: str, method: str = "GET", **headers: str) -> Reply:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, headers={k.replace("_", "-"): v for k, v in headers.items()})
        resp = conn.getresponse()
        return Reply(resp.status, resp.headers, resp.read())
    finally:
        conn.close()


def raw_request(port: int, target: bytes, method: bytes = b"GET") -> tuple[int, bytes, bytes]:
    """Send a request line verbatim; returns (status, header block, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(method + b" " + target + b" HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), head, body


# --------------------------------------------------------------------------- files


def test_get_file_with_validators_and_cache_headers(port: int) -> None:
    r = request(port, "/feed.atom")
    assert r.status == 200
    assert r.body == FEED
    assert r.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert r.headers["Content-Length"] == str(len(FEED))
    etag = r.headers["ETag"]
    assert etag.startswith('"') and etag.endswith('"') and not etag.startswith("W/")
    assert r.headers["Last-Modified"].endswith("GMT")
    assert r.headers["Cache-Control"] == "public, max-age=300"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Vary"] == "Accept-Encoding"


def test_max_age_is_configurable(serve: Callable[..., int]) -> None:
    r = request(serve(max_age=60), "/feed.atom")
    assert r.headers["Cache-Control"] == "public, max-age=60"


@pytest.mark.parametrize(
    ("path", "ctype"),
    [
        ("/feed.atom", "application/atom+xml; charset=utf-8"),
        ("/deals/acquisition.atom", "application/atom+xml; charset=utf-8"),
        ("/companies/acme.atom", "application/atom+xml; charset=utf-8"),
        ("/feed.json", "application/feed+json; charset=utf-8"),
        ("/sources.opml", "text/x-opml; charset=utf-8"),
        ("/index.html", "text/html; charset=utf-8"),
        ("/logo.svg", "image/svg+xml"),
        ("/sitemap.xml", "application/xml"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/pixel.png", "image/png"),
        ("/blob.bin", "application/octet-stream"),
    ],
)
def test_content_types(port: int, path: str, ctype: str) -> None:
    r = request(port, path)
    assert r.status == 200
    assert r.headers["Content-Type"] == ctype
    assert r.body == SITE_FILES[path[1:]]


def test_html_gets_a_restrictive_csp(port: int) -> None:
    csp = request(port, "/").headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "script-src" not in csp
    assert "frame-ancestors 'none'" in csp


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/", SITE_FILES["index.html"]),
        ("/deals/", SITE_FILES["deals/index.html"]),
        ("/archive/", SITE_FILES["archive/index.html"]),
    ],
)
def test_directory_index(port: int, path: str, body: bytes) -> None:
    r = request(port, path)
    assert (r.status, r.body) == (200, body)
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"


def test_directory_without_slash_redirects_with_clean_location(port: int) -> None:
    r = request(port, "/deals?next=%0d%0aSet-Cookie:%20x")
    assert r.status == 301
    assert r.headers["Location"] == "/deals/"
    assert "Set-Cookie" not in r.headers


def test_redirect_location_is_percent_encoded_ascii(site: Path, port: int) -> None:
    (site / "café deals").mkdir()
    (site / "café deals" / "index.html").write_bytes(b"<p>x</p>")
    r = request(port, "/caf%C3%A9%20deals")
    assert (r.status, r.headers["Location"]) == (301, "/caf%C3%A9%20deals/")
    assert request(port, r.headers["Location"]).body == b"<p>x</p>"


def test_query_string_is_ignored(port: int) -> None:
    assert request(port, "/feed.atom?utm_source=x&a=%0d%0a").body == FEED


@pytest.mark.parametrize("path", ["/empty/", "/empty", "/missing.atom", "/missing/"])
def test_missing_and_index_less_directories_are_404(port: int, path: str) -> None:
    r = request(port, path)
    assert r.status == 404
    assert r.headers["X-Content-Type-Options"] == "nosniff"


# --------------------------------------------------------------------------- conditional


@pytest.mark.parametrize("form", ["{etag}", '"nope", {etag}', "W/{etag}", '"a",W/{etag}', "*"])
def test_if_none_match_gives_304(port: int, form: str) -> None:
    first = request(port, "/feed.atom")
    etag = first.headers["ETag"]
    r = request(port, "/feed.atom", If_None_Match=form.format(etag=etag))
    assert r.status == 304
    assert r.body == b""
    assert r.headers["ETag"] == etag
    assert r.headers["Cache-Control"] == "public, max-age=300"
    assert r.headers["Last-Modified"] == first.headers["Last-Modified"]


def test_if_none_match_mismatch_gives_200(port: int) -> None:
    r = request(port, "/feed.atom", If_None_Match='"something-else", W/"x"')
    assert (r.status, r.body) == (200, FEED)


def test_if_modified_since(port: int) -> None:
    last_modified = request(port, "/feed.atom").headers["Last-Modified"]
    assert request(port, "/feed.atom", If_Modified_Since=last_modified).status == 304
    assert (
        request(
            port,
            "/feed.atom",
            If_Modified_Since="Wed, 01 Jan 2025 00:00:00 GMT",
        ).status
        == 200
    )
    assert request(port, "/feed.atom", If_Modified_Since="not a date").status == 200
    # If-None-Match takes precedence over If-Modified-Since
    assert (
        request(port, "/feed.atom", If_Modified_Since=last_modified, If_None_Match='"other"').status
        == 200
    )


def test_gzip_round_trip_with_distinct_etag(port: int) -> None:
    plain = request(port, "/feed.atom")
    r = request(port, "/feed.atom", Accept_Encoding="gzip, deflate")
    assert r.status == 200
    assert r.headers["Content-Encoding"] == "gzip"
    assert r.headers["Vary"] == "Accept-Encoding"
    assert int(r.headers["Content-Length"]) == len(r.body) < len(FEED)
    assert gzip.decompress(r.body) == FEED
    assert r.headers["ETag"] != plain.headers["ETag"]
    gz_etag = r.headers["ETag"]
    assert request(port, "/feed.atom", Accept_Encoding="gzip", If_None_Match=gz_etag).status == 304
    # the identity ETag does not validate the gzip representation, and vice versa
    assert (
        request(
            port, "/feed.atom", Accept_Encoding="gzip", If_None_Match=plain.headers["ETag"]
        ).status
        == 200
    )
    assert request(port, "/feed.atom", If_None_Match=gz_etag).status == 200


@pytest.mark.parametrize("value", ["gzip;q=0", "identity", "br", ""])
def test_no_gzip_unless_accepted(port: int, value: str) -> None:
    r = request(port, "/feed.atom", Accept_Encoding=value)
    assert "Content-Encoding" not in r.headers
    assert r.body == FEED


def test_head_returns_headers_only(port: int) -> None:
    r = request(port, "/feed.atom", "HEAD")
    assert r.status == 200
    assert r.headers["Content-Length"] == str(len(FEED))
    assert r.headers["ETag"] == request(port, "/feed.atom").headers["ETag"]
    gz = request(port, "/feed.atom", "HEAD", Accept_Encoding="gzip")
    assert gz.headers["Content-Length"] == str(
        len(request(port, "/feed.atom", Accept_Encoding="gzip").body)
    )
    status, head, body = raw_request(port, b"/feed.atom", b"HEAD")
    assert (status, body) == (200, b"")
    assert b"Content-Length: %d" % len(FEED) in head


# --------------------------------------------------------------------------- safety

TRAVERSALS = [
    b"/../secret.txt",
    b"/../../../../etc/passwd",
    b"/deals/../../secret.txt",
    b"/%2e%2e/secret.txt",
    b"/%2E%2E/secret.txt",
    b"/.%2e/secret.txt",
    b"/%2e%2e%2fsecret.txt",
    b"/deals%2f..%2f..%2fsecret.txt",
    b"/deals/..%2f..%2fsecret.txt",
    b"/..%5csecret.txt",
    b"/..\\secret.txt",
    b"/deals\\..\\..\\secret.txt",
    b"//etc/passwd",
    b"/%2fetc/passwd",
    b"/%2Fetc%2Fpasswd",
    b"/feed.atom%00",
    b"/feed.atom%00.html",
    b"/.hidden",
    b"/deals/.secret",
    b"/%2ehidden",
    b"/./feed.atom",
    b"/deals/./index.html",
    b"/%c0%ae%c0%ae/secret.txt",
    b"/feed.atom%0d%0aX-Injected:%20yes",
    b"http://t/../secret.txt",
]


@pytest.mark.parametrize("target", TRAVERSALS, ids=[t.decode() for t in TRAVERSALS])
def test_traversal_forms_are_404(port: int, target: bytes) -> None:
    status, head, body = raw_request(port, target)
    assert status == 404
    assert SECRET not in body
    assert b"X-Injected" not in head


@pytest.mark.parametrize("target", [b"/feed.atom\x00", b"/\x00/../secret.txt", b"/feed.atom\x7f"])
def test_raw_control_bytes_are_rejected(port: int, target: bytes) -> None:
    status, _, body = raw_request(port, target)
    assert status in (400, 404)  # the HTTP parser may refuse the request line itself
    assert SECRET not in body and FEED not in body


@pytest.mark.parametrize(
    "target",
    [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/a/../../b",
        "//etc/passwd",
        "/%2Fetc",
        "/a%5cb",
        "/a\\b",
        "/x%00",
        "/.git/config",
        "/%ff",
        "etc/passwd",
        "/a//b",
        "/a/./b",
    ],
)
def test_lexical_path_rejects_without_filesystem(target: str) -> None:
    assert lexical_path(target) is None


@pytest.mark.parametrize(
    ("target", "rel"),
    [
        ("/", "index.html"),
        ("/deals/", "deals/index.html"),
        ("/feed.atom", "feed.atom"),
        ("/companies/open%20ai.atom", "companies/open ai.atom"),
        ("/archive/2026/01/", "archive/2026/01/index.html"),
    ],
)
def test_lexical_path_accepts(target: str, rel: str) -> None:
    assert lexical_path(target) == rel


def test_symlinks_pointing_outside_are_404(site: Path, outside: Path, port: int) -> None:
    (site / "leak.txt").symlink_to(outside / "secret.txt")
    (outside / "outdir" / "index.html").write_bytes(SECRET)
    (site / "leakdir").symlink_to(outside / "outdir")
    (site / "alias.atom").symlink_to(site / "feed.atom")
    for path in ("/leak.txt", "/leakdir/secret.txt", "/leakdir/", "/leakdir"):
        r = request(port, path)
        assert r.status == 404, path
        assert SECRET not in r.body
    assert request(port, "/alias.atom").body == FEED  # links inside the site are fine


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
@pytest.mark.parametrize("path", ["/feed.atom", "/", "/healthz", "/missing"])
def test_other_methods_are_405(port: int, method: str, path: str) -> None:
    r = request(port, path, method)
    assert r.status == 405
    assert r.headers["Allow"] == "GET, HEAD"


# --------------------------------------------------------------------------- freshness, cache


def test_atomic_replace_serves_new_content_and_etag(site: Path, port: int) -> None:
    old = request(port, "/feed.atom")
    tmp = site / ".feed.atom.tmp"
    tmp.write_bytes(FEED.replace(b"Acme", b"Bcme"))  # same size
    os.replace(tmp, site / "feed.atom")
    new = request(port, "/feed.atom")
    assert new.body == FEED.replace(b"Acme", b"Bcme")
    assert new.headers["ETag"] != old.headers["ETag"]
    assert request(port, "/feed.atom", If_None_Match=old.headers["ETag"]).status == 200
    assert request(port, "/feed.atom", If_None_Match=new.headers["ETag"]).status == 304


def test_cached_file_is_not_reread(monkeypatch: pytest.MonkeyPatch, port: int, site: Path) -> None:
    calls: list[str] = []

    def counting(rel: str, real: str, cache_control: str, ctype: str) -> object:
        calls.append(rel)
        return build_entry(rel, real, cache_control, ctype)

    monkeypatch.setattr(web, "build_entry", counting)
    for _ in range(5):
        assert request(port, "/feed.atom", Accept_Encoding="gzip").status == 200
        assert request(port, "/feed.atom").status == 200
    assert calls == ["feed.atom"]
    (site / "feed.atom").write_bytes(b"<feed>changed and longer</feed>")
    assert request(port, "/feed.atom").body == b"<feed>changed and longer</feed>"
    assert calls == ["feed.atom", "feed.atom"]


def test_file_cache_is_bounded(site: Path) -> None:
    cache = FileCache(max_bytes=3 * len(FEED))
    for i in range(6):
        path = site / f"f{i}.atom"
        path.write_bytes(FEED)
        entry = build_entry(path.name, str(path), "public, max-age=1")
        assert entry is not None
        cache.put(path.name, entry)
        assert cache.total_bytes <= cache.max_bytes
    assert 1 <= len(cache) < 6
    newest = site / "f5.atom"
    assert cache.get("f5.atom", _static.stamp_of(newest.stat())) is not None
    assert cache.get("f0.atom", _static.stamp_of((site / "f0.atom").stat())) is None


def test_large_files_are_streamed_with_metadata_etag(serve: Callable[..., int], site: Path) -> None:
    big = os.urandom(700_000)
    (site / "big.png").write_bytes(big)
    port = serve(max_cached_file=100_000)
    r = request(port, "/big.png", Accept_Encoding="gzip")
    assert (r.status, r.body) == (200, big)
    assert "Content-Encoding" not in r.headers
    assert r.headers["Content-Length"] == str(len(big))
    st = (site / "big.png").stat()
    assert r.headers["ETag"] == f'"{st.st_ino:x}-{st.st_mtime_ns:x}-{st.st_size:x}"'
    assert request(port, "/big.png", If_None_Match=r.headers["ETag"]).status == 304
    head = request(port, "/big.png", "HEAD")
    assert (head.status, head.body, head.headers["Content-Length"]) == (200, b"", str(len(big)))


def test_archive_pages_may_be_immutable(serve: Callable[..., int]) -> None:
    port = serve(archive_max_age=31536000)
    assert request(port, "/archive/2026-01.atom").headers["Cache-Control"] == (
        "public, max-age=31536000, immutable"
    )
    assert request(port, "/archive/").headers["Cache-Control"] == "public, max-age=300"
    assert request(port, "/feed.atom").headers["Cache-Control"] == "public, max-age=300"
    default = serve()
    assert request(default, "/archive/2026-01.atom").headers["Cache-Control"] == (
        "public, max-age=300"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("gzip", True),
        ("deflate, gzip;q=0.5", True),
        ("GZIP", True),
        ("x-gzip", True),
        ("*", True),
        ("gzip;q=0", False),
        ("*;q=0", False),
        ("br", False),
        ("", False),
        ("gzip;q=0, *", False),
        ("identity, *;q=0.1", True),
    ],
)
def test_accepts_gzip(value: str, expected: bool) -> None:
    assert accepts_gzip(value) is expected


# --------------------------------------------------------------------------- probes


def test_healthz(port: int) -> None:
    r = request(port, "/healthz")
    assert (r.status, r.body.strip()) == (200, b"ok")
    assert request(port, "/healthz", "HEAD").status == 200


def test_readyz_follows_readiness(port: int, ready: Ready) -> None:
    r = request(port, "/readyz")
    assert r.status == 200
    assert json.loads(r.body) == {"last_cycle": "2026-01-01T00:00:00Z"}
    assert r.headers["Cache-Control"] == "no-store"
    ready.value = Readiness(ready=False, detail={"reason": "no cycle yet", "feeds": 3})
    r = request(port, "/readyz")
    assert r.status == 503
    assert json.loads(r.body) == {"reason": "no cycle yet", "feeds": 3}
    assert r.headers["Content-Type"].startswith("application/json")


def test_metrics_when_given(serve: Callable[..., int]) -> None:
    port = serve(metrics=lambda: (b"aggregator_up 1\n", "text/plain; version=0.0.4"))
    r = request(port, "/metrics")
    assert (r.status, r.body) == (200, b"aggregator_up 1\n")
    assert r.headers["Content-Type"] == "text/plain; version=0.0.4"


def test_metrics_absent_is_404(port: int) -> None:
    assert request(port, "/metrics").status == 404


def test_probe_names_are_not_served_from_the_site(site: Path, port: int) -> None:
    (site / "healthz").write_bytes(b"from disk")
    assert request(port, "/healthz").body.strip() == b"ok"


def test_start_server_on_port_zero_reports_the_port(site: Path, ready: Ready) -> None:
    async def go() -> None:
        runner = await start_server(make_app(site, readiness=ready), "127.0.0.1", 0)
        try:
            assert bound_port(runner) > 0
        finally:
            await runner.cleanup()

    asyncio.run(go())


def test_negative_max_age_is_rejected(site: Path, ready: Ready) -> None:
    with pytest.raises(ValueError):
        make_app(site, readiness=ready, max_age=-1)
