"""A local feed farm: N feeds x M entries of synthetic AI-industry news, served by aiohttp.

Run it in its own process (so its CPU is not ours) through :class:`Farm`::

    with Farm(FarmConfig(feeds=500, entries=50, latency=0.1)) as farm:
        farm.url(7); farm.tick(0.1); farm.stats(reset=True); farm.reset()

Feeds alternate RSS 2.0 and Atom 1.0, weigh 20-200 KB (log-uniform), share some stories
across outlets (paraphrased headlines, different URLs), and answer conditional GETs
(ETag first, else Last-Modified) with 304. A tick adds new entries to a share of the feeds.
Special feeds after the normal ones: ``big`` huge feeds and ``stall`` feeds that send half a
body and then stall for ``stall_seconds`` (bounded). Bound to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import math
import random
import select
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any
from xml.sax.saxutils import escape

from bench import _util as news
from bench._util import ROOT


@dataclass(frozen=True)
class FarmConfig:
    feeds: int = 500  # normal feeds
    entries: int = 50  # entries per feed
    latency: float = 0.1  # seconds before each answer
    seed: int = 1
    min_kb: int = 20
    max_kb: int = 200
    big: int = 0  # extra huge feeds
    big_bytes: int = 10_000_000
    stall: int = 0  # extra feeds that stall mid-body
    stall_seconds: float = 30.0
    dup_share: float = 0.25  # share of entries that report a shared story
    new_per_tick: int = 3


# --------------------------------------------------------------------------- feed state


@dataclass
class _Item:
    seq: int
    published: float  # epoch seconds
    event: news.Event


class _Feed:
    def __init__(self, index: int, cfg: FarmConfig, rng: random.Random, end: float) -> None:
        self.index, self.cfg = index, cfg
        self.atom = index % 2 == 1
        self.kind = (
            "big" if index >= cfg.feeds + cfg.stall else "stall" if index >= cfg.feeds else "normal"
        )
        size = (
            cfg.big_bytes
            if self.kind == "big"
            else math.exp(rng.uniform(math.log(cfg.min_kb), math.log(cfg.max_kb))) * 1024
        )
        count = cfg.entries if self.kind != "big" else max(cfg.entries, 500)
        self.target = int(size)
        self.entry_bytes = max(100, int(size / count) - 1000)
        self.step = math.exp(rng.uniform(math.log(1200), math.log(43200)))  # 20 min .. 12 h
        self.items = [
            self._item(s, end - (count - 1 - s) * self.step - index % 60, rng) for s in range(count)
        ]
        self.version = 0
        self.render()
        self.entry_bytes = max(100, self.entry_bytes + (self.target - len(self.body)) // count)
        self.render()  # second pass: calibrated to the target size

    def _item(self, seq: int, published: float, rng: random.Random) -> _Item:
        if rng.random() < self.cfg.dup_share:
            per_hour = max(2, (self.cfg.feeds * 2) // 30)
            key = ("shared", int(published // 3600), rng.randrange(per_hour))
        else:
            key = ("own", self.index, seq)
        return _Item(seq, published, news.event(self.cfg.seed, key))

    def add(self, count: int, when: float, tick: int, rng: random.Random) -> None:
        last = self.items[-1].seq
        for n in range(count):
            item = self._item(last + 1 + n, when + n, rng)
            if item.event.key[0] == "shared":  # ticks share stories among the ticked feeds
                item.event = news.event(self.cfg.seed, ("tick", tick, rng.randrange(8)))
            self.items.append(item)
        del self.items[:count]  # same number of entries, oldest dropped
        self.version += 1
        self.render()

    def render(self) -> None:
        self.etag = f'"f{self.index}-v{self.version}"'
        modified = max(i.published for i in self.items)
        self.last_modified = format_datetime(datetime.fromtimestamp(modified, UTC), usegmt=True)
        self.modified = int(modified)
        body = (_atom if self.atom else _rss)(self)
        self.body = body.encode("utf-8")
        self.gzipped = gzip.compress(self.body, compresslevel=1)


def _rss(feed: _Feed) -> str:
    out = [
        f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Outlet {feed.index}</title><link>https://outlet{feed.index}.example/</link>"
        f"<description>AI industry news</description>"
    ]
    for item in reversed(feed.items):
        story = news.story(item.event, feed.index, item.seq, feed.entry_bytes)
        date = format_datetime(datetime.fromtimestamp(item.published, UTC), usegmt=True)
        out.append(
            f"<item><title>{escape(story.title)}</title><link>{story.link}</link>"
            f'<guid isPermaLink="true">{story.link}</guid><pubDate>{date}</pubDate>'
            f"<author>desk@outlet{feed.index}.example (News desk)</author>"
            f"<description>{escape(story.summary)}</description>"
            f'<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"{escape(story.html)}</content:encoded></item>"
        )
    out.append("</channel></rss>\n")
    return "".join(out)


def _atom(feed: _Feed) -> str:
    updated = datetime.fromtimestamp(feed.modified, UTC).isoformat()
    out = [
        f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Outlet {feed.index}</title><id>tag:outlet{feed.index}.example,2026:feed</id>"
        f'<link href="https://outlet{feed.index}.example/"/><updated>{updated}</updated>'
    ]
    for item in reversed(feed.items):
        story = news.story(item.event, feed.index, item.seq, feed.entry_bytes)
        date = datetime.fromtimestamp(item.published, UTC).isoformat()
        out.append(
            f"<entry><title>{escape(story.title)}</title>"
            f'<link href="{escape(story.link)}"/>'
            f"<id>tag:outlet{feed.index}.example,2026:{item.seq}</id>"
            f"<published>{date}</published><updated>{date}</updated>"
            f"<author><name>News desk</name></author>"
            f'<summary>{escape(story.summary)}</summary><content type="html">'
            f"{escape(story.html)}</content></entry>"
        )
    out.append("</feed>\n")
    return "".join(out)


# --------------------------------------------------------------------------- server


class _State:
    def __init__(self, cfg: FarmConfig) -> None:
        self.cfg = cfg
        self.reset()

    def reset(self) -> None:
        rng = random.Random(self.cfg.seed)
        end = time.time() - 300
        total = self.cfg.feeds + self.cfg.stall + self.cfg.big
        self.feeds = [_Feed(i, self.cfg, rng, end) for i in range(total)]
        self.ticks = 0
        self.clear()

    def clear(self) -> None:
        self.counts = {"requests": 0, "ok": 0, "not_modified": 0, "bytes": 0}

    def tick(self, share: float) -> list[int]:
        self.ticks += 1
        rng = random.Random(self.cfg.seed * 1000 + self.ticks)
        normal = range(self.cfg.feeds)
        chosen = sorted(rng.sample(normal, max(1, round(share * len(normal)))))
        for i in chosen:
            self.feeds[i].add(self.cfg.new_per_tick, time.time() - 60, self.ticks, rng)
        return chosen


def _not_modified(request: Any, feed: _Feed) -> bool:
    tags = request.headers.get("If-None-Match")
    if tags is not None:
        return feed.etag in [t.strip() for t in tags.split(",")]
    since = request.headers.get("If-Modified-Since")
    if since:
        try:
            return feed.modified <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False
    return False


def make_app(state: _State) -> Any:
    from aiohttp import web

    async def feed(request: web.Request) -> web.StreamResponse:
        index = int(request.match_info["index"])
        if not 0 <= index < len(state.feeds):
            return web.Response(status=404)
        item = state.feeds[index]
        state.counts["requests"] += 1
        await asyncio.sleep(state.cfg.latency)
        headers = {
            "ETag": item.etag,
            "Last-Modified": item.last_modified,
            "Content-Type": "application/atom+xml"
            if item.atom
            else "application/rss+xml; charset=utf-8",
        }
        if _not_modified(request, item):
            state.counts["not_modified"] += 1
            return web.Response(status=304, headers=headers)
        state.counts["ok"] += 1
        use_gzip = "gzip" in request.headers.get("Accept-Encoding", "") and item.kind != "stall"
        body = item.gzipped if use_gzip else item.body
        if use_gzip:
            headers["Content-Encoding"] = "gzip"
        state.counts["bytes"] += len(body)
        if item.kind == "stall":
            return await _stall(request, headers, body, state.cfg.stall_seconds)
        return web.Response(body=body, headers=headers)

    async def control(request: web.Request) -> web.Response:
        action = request.match_info["action"]
        result: Any = None
        if action == "tick":
            result = state.tick(float(request.query.get("share", "0.1")))
        elif action == "reset":
            state.reset()
        elif action == "stats":
            result = dict(state.counts)
            if request.query.get("reset"):
                state.clear()
        return web.json_response({"result": result})

    app = web.Application()
    app.router.add_get("/feed/{index}", feed)
    app.router.add_post("/_/{action}", control)
    return app


async def _stall(request: Any, headers: dict[str, str], body: bytes, seconds: float) -> Any:
    from aiohttp import web

    response = web.StreamResponse(headers=headers)
    response.content_length = len(body)
    await response.prepare(request)
    await response.write(body[: len(body) // 2])
    await asyncio.sleep(seconds)  # bounded stall, then the rest
    try:
        await response.write(body[len(body) // 2 :])
        await response.write_eof()
    except (ConnectionError, RuntimeError):
        pass
    return response


async def _serve(cfg: FarmConfig) -> None:
    from aiohttp import web

    runner = web.AppRunner(make_app(_State(cfg)), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, backlog=2048)
    await site.start()
    print(f"PORT {runner.addresses[0][1]}", flush=True)
    while sys.stdin.readable():  # ends when the parent closes our stdin
        if not await asyncio.to_thread(sys.stdin.readline):
            break
    await runner.cleanup()


# --------------------------------------------------------------------------- client side


class Farm:
    """Starts the farm in a child process; stops it on exit."""

    def __init__(self, cfg: FarmConfig, *, start_timeout: float = 120.0) -> None:
        self.cfg = cfg
        self.start_timeout = start_timeout
        self.proc: subprocess.Popen[str] | None = None
        self.port = 0

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    @property
    def total_feeds(self) -> int:
        return self.cfg.feeds + self.cfg.stall + self.cfg.big

    def url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.port}/feed/{index}"

    def __enter__(self) -> Farm:
        args = [sys.executable, "-m", "bench.farm", json.dumps(asdict(self.cfg))]
        self.proc = subprocess.Popen(
            args, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.5)
            if ready:
                line = self.proc.stdout.readline()
                if line.startswith("PORT "):
                    self.port = int(line.split()[1])
                    return self
                if not line:
                    break
        self.__exit__()
        raise RuntimeError("the feed farm did not start")

    def __exit__(self, *exc: object) -> None:
        if self.proc is None:
            return
        if self.proc.stdin:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        if self.proc.stdout:
            self.proc.stdout.close()
        self.proc = None

    def _post(self, action: str, query: str = "") -> Any:
        url = f"http://127.0.0.1:{self.port}/_/{action}" + (f"?{query}" if query else "")
        request = urllib.request.Request(url, data=b"", method="POST")
        with urllib.request.urlopen(request, timeout=300) as response:
            return json.loads(response.read())["result"]

    def tick(self, share: float) -> list[int]:
        return list(self._post("tick", f"share={share}"))

    def reset(self) -> None:
        self._post("reset")

    def stats(self, *, reset: bool = False) -> dict[str, int]:
        return dict(self._post("stats", "reset=1" if reset else ""))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="serve the feed farm (prints 'PORT n')")
    parser.add_argument("config", help="FarmConfig fields as JSON")
    args = parser.parse_args(argv)
    asyncio.run(_serve(FarmConfig(**json.loads(args.config))))


if __name__ == "__main__":
    main()
