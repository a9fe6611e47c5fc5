"""A tiny RSS server for the container smoke test (loopback only, stdlib only).

Serves one RSS 2.0 document at ``/ai.xml`` whose items carry the titles listed in
``TITLES`` and publication dates of "now", so retention and story windows keep them.
It binds 127.0.0.1 on an ephemeral port and writes that port to ``--port-file`` once it
is listening; it stops on SIGTERM/SIGINT or after ``--lifetime`` seconds, whichever
comes first, so a forgotten server never outlives the test for long.

Usage: python3 feed_server.py --port-file PATH [--lifetime SECONDS]
       python3 feed_server.py --titles      # print the expected titles, one per line
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from xml.sax.saxutils import escape

TITLES = (
    "Lumora AI raises $40 million Series B led by Northwind Ventures",
    "Talon Labs to acquire Stackwise for $120 million",
    "Cortexa signs licensing deal with Meridian Press",
)


def rss_document(now: datetime) -> bytes:
    """The feed: one item per title, newest first, with stable guids and links."""
    items = []
    for number, title in enumerate(TITLES, start=1):
        published = format_datetime(now - timedelta(minutes=10 * number))
        items.append(
            "<item>"
            f"<title>{escape(title)}</title>"
            f"<link>https://smoke.example/news/{number}</link>"
            f'<guid isPermaLink="false">smoke-item-{number}</guid>'
            f"<pubDate>{published}</pubDate>"
            f"<description>{escape(title)}. Smoke-test story number {number}.</description>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>Smoke Wire</title><link>https://smoke.example/</link>"
        "<description>Container smoke-test feed</description>"
        + "".join(items)
        + "</channel></rss>\n"
    ).encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    body = b""

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        if self.path.split("?", 1)[0] != "/ai.xml":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        sys.stderr.write("feed-server: " + (format % args) + "\n")


def serve(port_file: Path, lifetime: float) -> None:
    Handler.body = rss_document(datetime.now(UTC))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    tmp = port_file.with_suffix(".tmp")
    tmp.write_text(f"{server.server_address[1]}\n")
    tmp.replace(port_file)
    stop.wait(lifetime)
    server.shutdown()
    server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port-file", type=Path)
    parser.add_argument("--lifetime", type=float, default=900.0)
    parser.add_argument("--titles", action="store_true")
    args = parser.parse_args()
    if args.titles:
        print("\n".join(TITLES))
        return
    if args.port_file is None:
        parser.error("--port-file is required")
    serve(args.port_file, args.lifetime)


if __name__ == "__main__":
    main()
