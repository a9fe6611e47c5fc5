"""A private newsboat profile (urls, config, cache, error log) driven with `newsboat -x`."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

CONFIG_TEMPLATE = Path(__file__).with_name("newsboat.conf")


@dataclass(frozen=True)
class Item:
    """One row of newsboat's cache (table rss_item)."""

    guid: str
    title: str
    url: str
    feedurl: str


class Newsboat:
    """newsboat with its own files under ``home``; nothing of the real user's is touched."""

    def __init__(self, program: str, home: Path, urls: list[str]) -> None:
        self.program = program
        self.home = home
        home.mkdir(parents=True, exist_ok=True)
        self.urls_file = home / "urls"
        self.config_file = home / "config"
        self.cache_file = home / "cache.db"
        self.error_log = home / "error.log"
        self.set_urls(urls)
        self.config_file.write_text(
            CONFIG_TEMPLATE.read_text().replace("{error_log}", str(self.error_log))
        )

    def set_urls(self, urls: list[str]) -> None:
        self.urls_file.write_text("".join(f"{url}\n" for url in urls))

    def run(self, *command: str) -> str:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local"),
            "LANG": "C.UTF-8",
            "TERM": "dumb",
        }
        args = [
            self.program,
            "-u",
            str(self.urls_file),
            "-C",
            str(self.config_file),
            "-c",
            str(self.cache_file),
        ]
        for cmd in command:
            args += ["-x", cmd]
        proc = subprocess.run(
            args,
            check=False,
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
            stdin=subprocess.DEVNULL,
        )
        assert proc.returncode == 0, f"newsboat {command}: {proc.stdout}{proc.stderr}"
        return proc.stdout

    def reload(self) -> None:
        """Download every feed; any newsboat error (HTTP, unparsable feed) fails the test."""
        self.run("reload")
        errors = self.error_log.read_text() if self.error_log.exists() else ""
        assert errors == "", f"newsboat reported errors:\n{errors}"

    def unread(self) -> int:
        out = self.run("print-unread")
        match = re.match(r"(\d+) unread articles", out.strip())
        assert match, out
        return int(match.group(1))

    def mark_all_read(self) -> None:
        """What newsboat's "mark all feeds read" stores: every item's unread flag cleared."""
        with sqlite3.connect(self.cache_file) as db:
            db.execute("UPDATE rss_item SET unread = 0 WHERE unread = 1")
        db.close()

    def items(self, feed_url: str | None = None) -> list[Item]:
        sql = "SELECT guid, title, url, feedurl FROM rss_item WHERE deleted = 0"
        params: list[str] = []
        if feed_url is not None:
            sql += " AND feedurl = ?"
            params.append(feed_url)
        with sqlite3.connect(self.cache_file) as db:
            rows = db.execute(sql + " ORDER BY id", params).fetchall()
        db.close()
        return [Item(*row) for row in rows]

    def content(self, guid: str) -> str:
        with sqlite3.connect(self.cache_file) as db:
            (text,) = db.execute("SELECT content FROM rss_item WHERE guid = ?", [guid]).fetchone()
        db.close()
        return str(text)

    def row_count(self) -> int:
        with sqlite3.connect(self.cache_file) as db:
            (count,) = db.execute("SELECT count(*) FROM rss_item").fetchone()
        db.close()
        return int(count)

    def validators(self) -> list[tuple[int, str]]:
        """(Last-Modified, ETag) stored per feed; newsboat keeps them from its 2nd download on."""
        with sqlite3.connect(self.cache_file) as db:
            rows = db.execute("SELECT lastmodified, etag FROM rss_feed").fetchall()
        db.close()
        return [(int(lm), str(etag)) for lm, etag in rows]

    def forget_validators(self) -> None:
        """Drop the stored ETag/Last-Modified so the next reload downloads and parses again."""
        with sqlite3.connect(self.cache_file) as db:
            db.execute("UPDATE rss_feed SET etag = '', lastmodified = 0")
        db.close()
