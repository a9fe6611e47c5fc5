"""Tests of aggregator.config: feeds.yaml + AGGREGATOR_* environment → Settings."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from aggregator.config._load import (
    DEFAULT_CURRENCY_RATES,
    ENV_VARIABLES,
    ignored_env,
    load_settings,
    parse_duration,
    served_at,
    settings_to_dict,
)
from aggregator.errors import ConfigError, StoreError
from aggregator.models import (
    DEFAULT_USER_AGENT,
    AlertDelivery,
    AlertRule,
    BriefSettings,
    CurationRules,
    FeedSettings,
    Settings,
    SiteSettings,
    TagRule,
    WebhookTarget,
)
from aggregator.store import Store

ROOT = Path(__file__).resolve().parents[2]

FULL_CONFIG = """\
site:
  title: Deals desk
  base_url: https://deals.example.com/ai
  author: Desk
  subtitle: ""
  id_authority: deals.example.com,2026-01-15
database: state/db.sqlite
output: /srv/site
server: {host: 0.0.0.0, port: 9090, workers: 3}
allow_private_networks: true
defaults: {interval: 2h, timeout: 15s, user_agent: "deals-bot/1.0"}
fetch:
  concurrency: 8
  per_host: 1
  max_body_bytes: 2000000
  max_redirects: 0
  connect_timeout: 5s
  read_timeout: 1m
  max_entries_per_feed: 100
feeds:
  - name: Press
    url: https://press.example.com/feed/
  - name: Newsroom
    url: http://newsroom.example.org:8081/atom.xml?lang=en
    interval: 1d
    timeout: 45
    user_agent: custom/2
    priority: 7
    first_party: true
    enabled: false
  - name: Local
    path: feeds/local.xml
publish: {feed_size: 25, websub_hub: "https://hub.example.net/"}
retention_days: 90
stories: {window_days: 1.5}
rules:
  tags:
    - name: chips
      keywords: [GPU, TPU]
      regex: ['\\bH100\\b']
    - name: policy
      regex: ['(?i)antitrust']
  watchlist: [OpenAI, Anthropic]
  curated:
    min_amount_usd: 250M
    types: [funding, IPO]
    companies: [Anthropic]
    tags: [chips]
currency_rates: {EUR: 1.1, XTS: 2}
log_format: json
readiness_max_age: 90m
alerts:
  - name: big-rounds
    types: [funding]
    min_amount_usd: 100M
    companies: [Anthropic]
    investors: [Google]
    status: [announced, completed]
    tags: [chips]
    webhooks:
      - {url: "https://hooks.example.com/abc", format: json, secret: "change-me"}
      - {url: "https://ntfy.example.net/deals", format: ntfy}
  - name: any-deal
alert_delivery: {timeout: 5s, max_attempts: 4, retry_base: 10s, retry_max: 5m,
                 max_response_bytes: 1000, concurrency: 2}
brief: {days: 7, timezone: Europe/Berlin, weekly: true}
"""


def write(tmp_path: Path, text: str, name: str = "feeds.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def full_config(tmp_path: Path) -> Path:
    write(tmp_path, "<rss version='2.0'><channel/></rss>", "feeds/local.xml")
    return write(tmp_path, FULL_CONFIG)


def without_lines(settings: Settings) -> Settings:
    feeds = tuple(dataclasses.replace(f, line=None) for f in settings.feeds)
    return dataclasses.replace(settings, feeds=feeds, config_file=None)


# --------------------------------------------------------------------------- valid files


def test_full_config_maps_every_key(tmp_path: Path) -> None:
    s = load_settings(full_config(tmp_path), env={})
    assert s.config_file == tmp_path / "feeds.yaml"
    assert s.site == SiteSettings(
        "Deals desk", "https://deals.example.com/ai/", "Desk", "", "deals.example.com,2026-01-15"
    )
    assert (s.database, s.output) == (tmp_path / "state/db.sqlite", Path("/srv/site"))
    assert (s.host, s.port, s.allow_private_networks) == ("0.0.0.0", 9090, True)
    assert s.web_workers == 3
    assert (s.concurrency, s.per_host, s.max_body_bytes, s.max_redirects) == (8, 1, 2000000, 0)
    assert (s.connect_timeout, s.read_timeout, s.max_entries_per_feed) == (5.0, 60.0, 100)
    assert s.feeds[0] == FeedSettings(
        "Press",
        url="https://press.example.com/feed/",
        interval=7200,
        timeout=15.0,
        user_agent="deals-bot/1.0",
        line=21,
    )
    assert s.feeds[1] == FeedSettings(
        "Newsroom",
        url="http://newsroom.example.org:8081/atom.xml?lang=en",
        interval=86400,
        timeout=45.0,
        user_agent="custom/2",
        priority=7,
        first_party=True,
        enabled=False,
        line=23,
    )
    assert s.feeds[2].path == tmp_path / "feeds/local.xml" and s.feeds[2].url is None
    assert (s.feed_size, s.websub_hub, s.retention_days) == (25, "https://hub.example.net/", 90)
    assert s.story_window_days == 1.5
    assert s.tag_rules == (
        TagRule("chips", ("GPU", "TPU"), (r"\bH100\b",)),
        TagRule("policy", (), ("(?i)antitrust",)),
    )
    assert s.watchlist == ("OpenAI", "Anthropic")
    assert s.curation == CurationRules(250e6, ("funding", "ipo"), ("Anthropic",), ("chips",))
    assert s.currency_rates == {**DEFAULT_CURRENCY_RATES, "EUR": 1.1, "XTS": 2.0}
    assert (s.log_format, s.readiness_max_age) == ("json", 5400)
    assert s.alerts == (
        AlertRule(
            "big-rounds",
            ("funding",),
            100e6,
            ("Anthropic",),
            ("Google",),
            ("announced", "completed"),
            ("chips",),
            (
                WebhookTarget("https://hooks.example.com/abc", "json", "change-me"),
                WebhookTarget("https://ntfy.example.net/deals", "ntfy"),
            ),
        ),
        AlertRule("any-deal"),
    )
    assert s.alert_delivery == AlertDelivery(5.0, 4, 10.0, 300.0, 1000, 2)
    assert s.brief == BriefSettings(7, "Europe/Berlin", True)


def test_round_trip_through_settings_to_dict(tmp_path: Path) -> None:
    first = load_settings(full_config(tmp_path), env={})
    data = settings_to_dict(first)
    json.dumps(data)  # JSON-serialisable
    again_path = write(tmp_path / "elsewhere", yaml.safe_dump(data))
    again = load_settings(again_path, env={})
    assert without_lines(again) == without_lines(first)
    assert settings_to_dict(again) == data


def test_empty_file_gives_model_defaults(tmp_path: Path) -> None:
    s = load_settings(write(tmp_path, "# nothing here\n"), env={})
    expected = Settings(
        config_file=tmp_path / "feeds.yaml",
        database=tmp_path / "data/aggregator.db",
        output=tmp_path / "data/site",
        currency_rates=dict(DEFAULT_CURRENCY_RATES),
        site=SiteSettings(base_url_set=False),
    )  # it follows host and port
    assert s == expected


def test_null_sections_are_empty(tmp_path: Path) -> None:
    s = load_settings(write(tmp_path, "site:\nfeeds:\nrules:\n  tags:\ncurrency_rates:\n"), env={})
    assert s.site == SiteSettings(base_url_set=False) and s.feeds == () and s.tag_rules == ()


@pytest.mark.parametrize(
    "text, env, host, port, base_url",
    [
        ("server: {port: 9000}\n", {}, None, None, "http://127.0.0.1:9000/"),
        (
            "server: {host: 0.0.0.0}\n",
            {"AGGREGATOR_PORT": "8181"},
            None,
            None,
            "http://127.0.0.1:8181/",
        ),
        ("{}\n", {}, "::1", 8443, "http://[::1]:8443/"),
        ("{}\n", {}, "192.0.2.7", None, "http://192.0.2.7:8080/"),
        (
            "site: {base_url: 'https://deals.example/'}\n",
            {},
            "0.0.0.0",
            9,
            "https://deals.example/",
        ),
        ("{}\n", {"AGGREGATOR_BASE_URL": "https://env.example"}, None, 9, "https://env.example/"),
    ],
    ids=[
        "file-port",
        "env-port",
        "ipv6-override",
        "host-override",
        "configured",
        "configured-by-env",
    ],
)
def test_base_url_follows_the_served_address_unless_configured(
    tmp_path: Path,
    text: str,
    env: dict[str, str],
    host: str | None,
    port: int | None,
    base_url: str,
) -> None:
    settings = served_at(load_settings(write(tmp_path, text), env=env), host, port)
    assert settings.site.base_url == base_url
    assert host is None or settings.host == host
    assert port is None or settings.port == port


def test_shipped_feeds_yaml_loads() -> None:
    s = load_settings(ROOT / "feeds.yaml", env={})
    assert 15 <= len(s.feeds) <= 30
    assert all(f.url and f.url.startswith("https://") for f in s.feeds)
    assert any(f.first_party for f in s.feeds)
    assert (s.database, s.output) == (ROOT / "data/aggregator.db", ROOT / "data/site")
    assert (s.host, s.port, s.allow_private_networks) == ("127.0.0.1", 8080, False)


def test_commented_rules_example_in_feeds_yaml_is_valid(tmp_path: Path) -> None:
    text = (ROOT / "feeds.yaml").read_text(encoding="utf-8")
    example = text[text.index("# rules:") :]
    uncommented = "\n".join(line[2:] for line in example.splitlines())
    s = load_settings(write(tmp_path, uncommented), env={})
    assert s.tag_rules and s.watchlist and s.curation.min_usd == 100e6
    assert s.currency_rates["EUR"] == 1.08


def test_demo_yaml_loads_local_feeds_only() -> None:
    s = load_settings(ROOT / "examples/demo.yaml", env={})
    assert 3 <= len(s.feeds) <= 4
    assert all(f.url is None and f.path and f.path.is_file() for f in s.feeds)
    assert s.database.parent == s.output.parent == ROOT / "examples/data"


# --------------------------------------------------------------------------- errors


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


FEED = "  - {name: A, url: 'https://a.example/feed'}"

BAD = [
    # (id, yaml text, expected line, expected key, message fragment)
    ("yaml-syntax", lines("site:", "  title: [unclosed", "feeds: []"), 3, None, "YAML syntax"),
    ("yaml-tab", lines("server:", "\tport: 1"), 2, None, "tab character"),
    # An unterminated quote is reported where it opens, not where the parser gave up.
    (
        "yaml-open-quote-to-eof",
        lines(
            "feeds:",
            FEED,
            "  - name: B",
            '    url: "https://b.ex/',
            *(f"  - {{name: C{i}, url: 'https://c{i}.ex/'}}" for i in range(50)),
        ),
        4,
        None,
        "a quoted value starts here and is never closed",
    ),
    (
        "yaml-open-quote-closed-later",
        lines(
            "feeds:",
            '  - name: "A',
            "    url: https://a.ex/",
            '  - name: "B"',
            "    url: https://b.ex/",
        ),
        2,
        None,
        "runs on to line 4 (is its closing quote missing?)",
    ),
    (
        "yaml-missing-colon",
        lines("server:", "  port 8080", "  host: x"),
        2,
        None,
        "is not 'key: value'",
    ),
    (
        "yaml-unclosed-bracket",
        lines("rules:", "  watchlist: [a, b"),
        2,
        None,
        "a '[' opened on line 2 is not closed",
    ),
    (
        "yaml-colon-in-value",
        lines("site:", "  title: Deals: weekly"),
        2,
        None,
        "put the value in quotes",
    ),
    ("top-not-mapping", lines("- a", "- b"), 1, None, "expected a mapping"),
    ("unknown-top", lines("site: {}", "feed: []"), 2, "feed", "did you mean 'feeds'"),
    (
        "unknown-feed-key",
        lines("feeds:", "  - name: A", "    url: https://a.example/", "    intervall: 1h"),
        4,
        "feeds[0].intervall",
        "'interval'",
    ),
    ("unknown-no-hint", lines("server: {colour: red}"), 1, "server.colour", "valid keys: host"),
    ("duplicate-key", lines("server:", "  port: 1", "  port: 2"), 3, "server.port", "twice"),
    ("port-quoted", lines("server:", "  port: '8080'"), 2, "server.port", "whole number"),
    ("port-too-big", lines("server: {port: 70000}"), 1, "server.port", "between 1 and 65535"),
    ("port-zero", lines("server:", "  port: 0"), 2, "server.port", "between 1 and 65535"),
    ("workers-zero", lines("server: {workers: 0}"), 1, "server.workers", "between 1 and 64"),
    (
        "workers-too-many",
        lines("server: {workers: 100000}"),
        1,
        "server.workers",
        "between 1 and 64",
    ),
    ("hex-port", lines("server: {port: 0x1F90}"), 1, "server.port", "in decimal"),
    ("octal-port", lines("server: {port: 0o17}"), 1, "server.port", "in decimal"),
    ("base-60-interval", lines("defaults: {interval: 1:30}"), 1, "defaults.interval", "in decimal"),
    ("hex-timeout", lines("fetch: {read_timeout: 0x10}"), 1, "fetch.read_timeout", "in decimal"),
    (
        "5000-digits",
        lines("fetch: {concurrency: " + "9" * 5000 + "}"),
        1,
        "fetch.concurrency",
        "too large",
    ),
    (
        "5000-digit-number",
        lines("stories: {window_days: " + "9" * 5000 + "}"),
        1,
        "stories.window_days",
        "too large",
    ),
    (
        "database-inside-site",
        lines("output: site", "database: site/db.sqlite"),
        2,
        "database",
        "inside the published site",
    ),
    (
        "database-is-site",
        lines("output: data", "database: data"),
        2,
        "database",
        "inside the published site",
    ),
    (
        "database-under-a-file",
        lines("site: {}", "database: feeds.yaml/sub/x.db"),
        2,
        "database",
        "cannot be created: ",
    ),
    (
        "output-under-a-file",
        lines("output: feeds.yaml/site"),
        1,
        "output",
        "feeds.yaml is not a directory",
    ),
    ("deep-flow-yaml", lines("rules: " + "[" * 500 + "]" * 500), 1, None, "nested deeper"),
    (
        "deep-block-yaml",
        lines("rules:", *("  " * (i + 1) + f"k{i}:" for i in range(500))),
        65,
        None,
        "nested deeper",
    ),
    ("deep-dash-yaml", lines("- " * 3000 + "x"), 1, None, "nested deeper"),
    ("feeds-not-list", lines("feeds:", "  name: A"), 2, "feeds", "expected a list"),
    (
        "feed-not-mapping",
        lines("feeds:", "  - https://a.example/"),
        2,
        "feeds[0]",
        "expected a mapping",
    ),
    (
        "bad-scheme",
        lines("feeds:", FEED, "  - name: B", "    url: ftp://b.example/f"),
        4,
        "feeds[1].url",
        "http:// or https://",
    ),
    (
        "no-host",
        lines("feeds:", "  - name: B", "    url: 'https:///feed'"),
        3,
        "feeds[0].url",
        "with a host",
    ),
    (
        "bad-url-port",
        lines("feeds:", "  - {name: B, url: 'https://b.example:99999/'}"),
        2,
        "feeds[0].url",
        "invalid URL",
    ),
    (
        "credentials",
        lines("feeds:", "  - {name: B, url: 'https://u:p@b.example/'}"),
        2,
        "feeds[0].url",
        "credentials",
    ),
    (
        "url-and-path",
        lines("feeds:", "  - name: B", "    url: https://b.example/", "    path: demo.xml"),
        2,
        "feeds[0]",
        "exactly one of",
    ),
    (
        "neither-url-nor-path",
        lines("feeds:", FEED, "  - name: B", "    priority: 1"),
        3,
        "feeds[1]",
        "exactly one of",
    ),
    (
        "missing-name",
        lines("feeds:", "  - url: https://b.example/"),
        2,
        "feeds[0].name",
        "needs a name",
    ),
    (
        "empty-name",
        lines("feeds:", "  - {name: '  ', url: 'https://b.example/'}"),
        2,
        "feeds[0].name",
        "empty",
    ),
    (
        "duplicate-name",
        lines("feeds:", FEED, "  - name: a", "    url: https://b.example/"),
        3,
        "feeds[1].name",
        "line 2",
    ),
    (
        "duplicate-url",
        lines("feeds:", FEED, "  - name: B", "    url: HTTPS://A.example:443/feed/"),
        4,
        "feeds[1].url",
        "duplicate feed url",
    ),
    (
        "missing-path",
        lines("feeds:", "  - name: B", "    path: nowhere/feed.xml"),
        3,
        "feeds[0].path",
        "file not found",
    ),
    (
        "interval-zero",
        lines("feeds:", "  - name: B", "    url: https://b.example/", "    interval: 0"),
        4,
        "feeds[0].interval",
        "greater than 0",
    ),
    (
        "interval-negative",
        lines("defaults:", "  interval: -5m"),
        2,
        "defaults.interval",
        "not a duration",
    ),
    (
        "interval-word",
        lines("defaults:", "  interval: hourly"),
        2,
        "defaults.interval",
        "not a duration",
    ),
    (
        "interval-subsecond",
        lines("defaults: {interval: 0.2}"),
        1,
        "defaults.interval",
        "at least 1s",
    ),
    ("timeout-zero", lines("defaults:", "  timeout: 0s"), 2, "defaults.timeout", "greater than 0"),
    (
        "timeout-bool",
        lines("fetch:", "  read_timeout: true"),
        2,
        "fetch.read_timeout",
        "expected a duration",
    ),
    (
        "readiness-bad",
        lines("readiness_max_age: 3 hours"),
        1,
        "readiness_max_age",
        "not a duration",
    ),
    (
        "bad-regex",
        lines(
            "rules:",
            "  tags:",
            "    - name: chips",
            "      regex:",
            "        - ok",
            "        - '(unclosed'",
        ),
        6,
        "rules.tags[0].regex[1]",
        "invalid regular expression",
    ),
    (
        "look-behind-regex",
        lines("rules:", "  tags:", "    - name: chips", "      regex:", "        - '(?<=x)a'"),
        5,
        "rules.tags[0].regex[0]",
        "no look-around",
    ),
    (
        "huge-repeat-regex",
        lines(
            "rules:", "  tags:", "    - name: chips", "      regex:", "        - 'a{1,99999999999}'"
        ),
        5,
        "rules.tags[0].regex[0]",
        "larger than 1000",
    ),
    (
        "empty-tag-rule",
        lines("rules:", "  tags:", "    - name: chips"),
        3,
        "rules.tags[0]",
        "at least one keyword",
    ),
    (
        "duplicate-tag",
        lines(
            "rules:", "  tags:", "    - {name: x, keywords: [a]}", "    - {name: X, keywords: [b]}"
        ),
        4,
        "rules.tags[1].name",
        "duplicate tag",
    ),
    (
        "unknown-deal-type",
        lines("rules:", "  curated:", "    types: [funding, aquisition]"),
        3,
        "rules.curated.types[1]",
        "did you mean 'acquisition'",
    ),
    (
        "negative-min-amount",
        lines("rules:", "  curated:", "    min_amount_usd: -5"),
        3,
        "rules.curated.min_amount_usd",
        "negative",
    ),
    (
        "watchlist-not-list",
        lines("rules:", "  watchlist: OpenAI"),
        2,
        "rules.watchlist",
        "expected a list",
    ),
    (
        "bad-currency-code",
        lines("currency_rates:", "  EUR: 1.1", "  euro: 1.1"),
        3,
        "currency_rates.euro",
        "bad currency code",
    ),
    (
        "negative-currency-rate",
        lines("currency_rates:", "  GBP: -1.2"),
        2,
        "currency_rates.GBP",
        "negative",
    ),
    (
        "zero-currency-rate",
        lines("currency_rates: {JPY: 0}"),
        1,
        "currency_rates.JPY",
        "greater than 0",
    ),
    ("negative-concurrency", lines("fetch:", "  concurrency: -1"), 2, "fetch.concurrency", ">= 1"),
    (
        "negative-redirects",
        lines("fetch:", "  max_redirects: -1"),
        2,
        "fetch.max_redirects",
        ">= 0",
    ),
    (
        "float-body-size",
        lines("fetch:", "  max_body_bytes: 1.5"),
        2,
        "fetch.max_body_bytes",
        "whole number",
    ),
    ("negative-retention", lines("retention_days: -3"), 1, "retention_days", ">= 1"),
    ("negative-feed-size", lines("publish:", "  feed_size: -10"), 2, "publish.feed_size", ">= 1"),
    (
        "bad-hub",
        lines("publish:", "  websub_hub: hub.example.com"),
        2,
        "publish.websub_hub",
        "http:// or https://",
    ),
    ("window-zero", lines("stories: {window_days: 0}"), 1, "stories.window_days", "greater than 0"),
    (
        "bad-base-url",
        lines("site:", "  base_url: /relative/"),
        2,
        "site.base_url",
        "http:// or https://",
    ),
    (
        "bad-authority",
        lines("site:", "  id_authority: example.com"),
        2,
        "site.id_authority",
        "domain,YYYY",
    ),
    (
        "bool-as-string",
        lines("allow_private_networks: 'no'"),
        1,
        "allow_private_networks",
        "true or false",
    ),
    ("bad-log-format", lines("log_format: xml"), 1, "log_format", "one of text, json"),
    ("section-is-scalar", lines("fetch: fast"), 1, "fetch", "expected a mapping"),
    ("title-is-list", lines("site:", "  title: [a, b]"), 2, "site.title", "single value"),
    (
        "alert-no-name",
        lines("alerts:", "  - types: [funding]"),
        2,
        "alerts[0].name",
        "needs a name",
    ),
    (
        "alert-bad-name",
        lines("alerts:", "  - name: Big Rounds"),
        2,
        "alerts[0].name",
        "lower-case letters",
    ),
    (
        "alert-duplicate",
        lines("alerts:", "  - name: a", "  - name: a"),
        3,
        "alerts[1].name",
        "duplicate alert name",
    ),
    (
        "alert-unknown-key",
        lines("alerts:", "  - name: a", "    min_amount: 5M"),
        3,
        "alerts[0].min_amount",
        "did you mean 'min_amount_usd'",
    ),
    (
        "alert-bad-type",
        lines("alerts:", "  - name: a", "    types: [fundng]"),
        3,
        "alerts[0].types[0]",
        "did you mean 'funding'",
    ),
    (
        "alert-bad-status",
        lines("alerts:", "  - name: a", "    status: [done]"),
        3,
        "alerts[0].status[0]",
        "one of rumoured",
    ),
    (
        "alert-bad-amount",
        lines("alerts:", "  - {name: a, min_amount_usd: lots}"),
        2,
        "alerts[0].min_amount_usd",
        "expected a number",
    ),
    (
        "webhook-no-url",
        lines("alerts:", "  - name: a", "    webhooks:", "      - {format: json}"),
        4,
        "alerts[0].webhooks[0].url",
        "needs a url",
    ),
    (
        "webhook-bad-url",
        lines("alerts:", "  - name: a", "    webhooks:", "      - {url: 'ftp://h.example/'}"),
        4,
        "alerts[0].webhooks[0].url",
        "http:// or https://",
    ),
    (
        "webhook-bad-format",
        lines(
            "alerts:",
            "  - name: a",
            "    webhooks:",
            "      - url: https://h.example/",
            "        format: slak",
        ),
        5,
        "alerts[0].webhooks[0].format",
        "did you mean 'slack'",
    ),
    (
        "webhook-twice",
        lines(
            "alerts:",
            "  - name: a",
            "    webhooks:",
            "      - {url: 'https://h.example/'}",
            "      - {url: 'https://h.example/'}",
        ),
        5,
        "alerts[0].webhooks[1]",
        "given twice",
    ),
    (
        "delivery-retry-order",
        lines("alert_delivery: {retry_base: 1h, retry_max: 1m}"),
        1,
        "alert_delivery.retry_max",
        "not be shorter",
    ),
    (
        "delivery-attempts",
        lines("alert_delivery:", "  max_attempts: 0"),
        2,
        "alert_delivery.max_attempts",
        "between 1 and 100",
    ),
    (
        "brief-zone",
        lines("brief: {timezone: Mars/Olympus}"),
        1,
        "brief.timezone",
        "unknown time zone",
    ),
    ("brief-days", lines("brief:", "  days: 0"), 2, "brief.days", "between 1 and 366"),
]


@pytest.mark.parametrize(
    ("text", "line", "key", "fragment"), [case[1:] for case in BAD], ids=[case[0] for case in BAD]
)
def test_errors_name_file_line_and_key(
    tmp_path: Path, text: str, line: int, key: str | None, fragment: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={})
    err = caught.value
    assert (err.file, err.line, err.key) == (str(path), line, key)
    assert fragment in err.message
    assert str(err).startswith(f"{path}:{line}: " + (f"{key}: " if key else ""))


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_settings(tmp_path / "absent.yaml", env={})


def test_yaml_error_keeps_its_cause(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, "a: [\n"), env={})
    assert isinstance(caught.value.__cause__, yaml.YAMLError)


# --------------------------------------------------------------------------- environment


def test_env_overrides_are_applied_after_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    env = {
        "AGGREGATOR_DATABASE": "/var/lib/agg/agg.db",
        "AGGREGATOR_OUTPUT": "public",
        "AGGREGATOR_HOST": "0.0.0.0",
        "AGGREGATOR_PORT": "8000",
        "AGGREGATOR_BASE_URL": "https://news.example.com/ai",
        "AGGREGATOR_ALLOW_PRIVATE_NETWORKS": "1",
        "AGGREGATOR_LOG_FORMAT": "JSON",
        "AGGREGATOR_WEB_WORKERS": "4",
        "AGGREGATOR_CONFIG": "ignored-here.yaml",
        "AGGREGATOR_TYPO": "x",
    }
    s = load_settings(full_config(tmp_path / "conf"), env=env)
    assert s.database == Path("/var/lib/agg/agg.db")
    assert s.output == tmp_path / "public"  # relative to the working directory
    assert (s.host, s.port, s.allow_private_networks) == ("0.0.0.0", 8000, True)
    assert s.web_workers == 4
    assert s.site.base_url == "https://news.example.com/ai/"
    assert s.site.title == "Deals desk"  # the rest of the file is kept
    assert s.log_format == "json"
    assert ignored_env(env) == ["AGGREGATOR_TYPO"]


def test_empty_env_variable_means_unset(tmp_path: Path) -> None:
    s = load_settings(write(tmp_path, "server: {port: 9000}\n"), env={"AGGREGATOR_PORT": ""})
    assert s.port == 9000


def test_env_none_reads_os_environ(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGGREGATOR_PORT", "8123")
    assert load_settings(write(tmp_path, ""), env=None).port == 8123


@pytest.mark.parametrize(
    ("variable", "value", "fragment"),
    [
        ("AGGREGATOR_PORT", "http", "whole number"),
        ("AGGREGATOR_PORT", "65536", "between 1 and 65535"),
        ("AGGREGATOR_BASE_URL", "example.com", "http:// or https://"),
        ("AGGREGATOR_ALLOW_PRIVATE_NETWORKS", "maybe", "true/false"),
        ("AGGREGATOR_LOG_FORMAT", "yaml", "one of text, json"),
        ("AGGREGATOR_WEB_WORKERS", "0", "between 1 and 64"),
        ("AGGREGATOR_WEB_WORKERS", "65", "between 1 and 64"),
        ("AGGREGATOR_PORT", "0x1F90", "in decimal"),
        ("AGGREGATOR_PORT", "0o17620", "in decimal"),
        ("AGGREGATOR_PORT", "0_0", "between 1 and 65535"),
        ("AGGREGATOR_PORT", "9" * 5000, "too large"),
        ("AGGREGATOR_DATABASE", "/", "is a directory"),
    ],
)
def test_bad_env_value_names_the_variable(
    tmp_path: Path, variable: str, value: str, fragment: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, ""), env={variable: value})
    err = caught.value
    assert (err.key, err.line, err.file) == (variable, None, "environment")
    assert str(err).startswith(f"environment: {variable}: ") and fragment in err.message


def test_env_numbers_are_decimal(tmp_path: Path) -> None:
    """A leading zero is no octal, underscores group digits."""
    settings = load_settings(write(tmp_path, ""), env={"AGGREGATOR_PORT": "08080"})
    assert settings.port == 8080
    assert load_settings(write(tmp_path, ""), env={"AGGREGATOR_PORT": "8_080"}).port == 8080


def test_env_output_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("not a directory")
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, ""), env={"AGGREGATOR_OUTPUT": str(tmp_path / "site")})
    assert str(caught.value).startswith("environment: AGGREGATOR_OUTPUT: ")
    assert "not a directory" in caught.value.message


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "directory", "over-10-mb"])
def test_config_file_must_be_a_small_regular_file(tmp_path: Path, kind: str) -> None:
    if kind == "dev-zero":
        path = Path("/dev/zero")
    elif kind == "fifo":
        path = tmp_path / "feeds.yaml"
        os.mkfifo(path)  # nobody writes it: reading would block for ever
    elif kind == "directory":
        path = tmp_path / "feeds.yaml"
        path.mkdir()
    else:
        path = tmp_path / "feeds.yaml"
        path.write_bytes(b"# " + b"x" * (10 << 20) + b"\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={})
    assert caught.value.file == str(path)
    assert any(
        word in caught.value.message
        for word in ("not a regular file", "over the limit", "Is a directory")
    ), caught.value


def test_cli_refuses_dev_zero_with_exit_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "aggregator", "config", "check"],
        env={**os.environ, "AGGREGATOR_CONFIG": "/dev/zero"},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 2, result
    assert "/dev/zero: not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_deep_yaml_is_a_file_line_error_with_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, "rules:\n  watchlist: " + "[" * 500 + "]" * 500 + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "aggregator", "--config", str(path), "config", "check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result
    assert f"{path}:2: YAML nested deeper than 64 levels" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_database_that_cannot_be_created_is_one_line_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "passwd"
    blocker.write_text("a file, not a directory\n", encoding="utf-8")
    path = write(tmp_path, lines("feeds:", FEED, f"database: {blocker}/x.db"))
    for command in (["config", "check"], ["update"], ["feeds"]):
        result = subprocess.run(
            [sys.executable, "-m", "aggregator", "--config", str(path), *command],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2, (command, result)
        assert result.stderr == (
            f"config error: {path}:3: database: {blocker}/x.db cannot be "
            f"created: {blocker} is not a directory\n"
        ), command


def test_store_that_cannot_make_its_directory_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot create the database"):
        Store(blocker / "sub" / "x.db")


def test_cli_warns_about_a_misspelt_environment_variable(tmp_path: Path) -> None:
    path = write(tmp_path, lines("feeds:", FEED))
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGGREGATOR_")}
    env.update(
        AGGREGATOR_DATABSE=str(tmp_path / "x.db"),
        AGGREGATOR_NOTHING_LIKE_IT="1",
        AGGREGATOR_PORT="9000",
    )
    result = subprocess.run(
        [sys.executable, "-m", "aggregator", "--config", str(path), "config", "check"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert len(warnings) == 2, result.stderr
    assert (
        "environment: AGGREGATOR_DATABSE is not a variable aggregator reads; it is "
        "ignored (did you mean AGGREGATOR_DATABASE?)"
    ) in warnings[0]
    assert warnings[1].endswith(
        "AGGREGATOR_NOTHING_LIKE_IT is not a variable aggregator reads; it is ignored"
    )


def test_every_env_variable_is_documented() -> None:
    docs = (ROOT / "docs/configuration.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in docs for name in ENV_VARIABLES)


# --------------------------------------------------------------------------- paths


def test_relative_paths_resolve_against_the_config_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "conf", "<feed xmlns='http://www.w3.org/2005/Atom'/>", "x/f.xml")
    write(
        tmp_path / "conf",
        lines("database: ../state/a.db", "output: out", "feeds:", "  - {name: F, path: x/f.xml}"),
    )
    monkeypatch.chdir(tmp_path)  # the cwd must not matter
    s = load_settings(Path("conf/feeds.yaml"), env={})
    assert s.database == tmp_path / "conf/../state/a.db"
    assert s.output == tmp_path / "conf/out"
    assert s.feeds[0].path == tmp_path / "conf/x/f.xml"
    assert s.feeds[0].location == (tmp_path / "conf/x/f.xml").as_uri()
    assert s.config_file == tmp_path / "conf/feeds.yaml"


def test_home_directory_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    s = load_settings(write(tmp_path, "database: ~/agg.db\n"), env={})
    assert s.database == tmp_path / "home/agg.db"


# --------------------------------------------------------------------------- durations


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("45s", 45),
        ("30m", 1800),
        ("1h", 3600),
        ("1d", 86400),
        ("1h30m", 5400),
        ("90", 90),
        (" 2 H ", 7200),
        ("1.5h", 5400),
        ("0.5s", 0.5),
    ],
)
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "h", "1x", "-1h", "1h-", "one hour", "1e3s"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


@pytest.mark.parametrize(
    ("value", "interval", "timeout"),
    [
        ("900", 900, 900.0),
        ("'15m'", 900, 900.0),
        ("1.5", 2, 1.5),
        ("2d", 172800, 172800.0),
    ],
)
def test_durations_in_yaml(tmp_path: Path, value: str, interval: int, timeout: float) -> None:
    s = load_settings(
        write(
            tmp_path,
            f"defaults: {{interval: {value}, timeout: {value}}}\n"
            "feeds: [{name: A, url: 'https://a.example/'}]\n",
        ),
        env={},
    )
    assert (s.feeds[0].interval, s.feeds[0].timeout) == (interval, timeout)
    assert isinstance(s.feeds[0].interval, int)


@pytest.mark.parametrize(
    ("value", "usd"),
    [
        ("1e8", 1e8),
        ("100000000", 1e8),
        ("'$1.5B'", 1.5e9),
        ("250k", 250e3),
        ("100M", 1e8),
        ("null", None),
        ("'1,000,000'", 1e6),
    ],
)
def test_min_amount_forms(tmp_path: Path, value: str, usd: float | None) -> None:
    s = load_settings(write(tmp_path, f"rules: {{curated: {{min_amount_usd: {value}}}}}\n"), env={})
    assert s.curation.min_usd == usd


def test_feed_defaults_apply_only_where_not_overridden(tmp_path: Path) -> None:
    s = load_settings(
        write(
            tmp_path,
            lines(
                "defaults: {interval: 10m, user_agent: 'bot/1'}",
                "feeds:",
                "  - {name: A, url: 'https://a.example/'}",
                "  - {name: B, url: 'https://b.example/', interval: 1h}",
            ),
        ),
        env={},
    )
    assert [(f.interval, f.timeout, f.user_agent) for f in s.feeds] == [
        (600, 30.0, "bot/1"),
        (3600, 30.0, "bot/1"),
    ]
    assert FeedSettings("x").user_agent == DEFAULT_USER_AGENT


# --------------------------------------------------------------------------- documentation


def _keys(value: object, prefix: str = "") -> set[str]:
    """Dotted key paths of a settings_to_dict() result (list items as ``[]``)."""
    if isinstance(value, list):
        return set().union(set(), *(_keys(item, prefix + "[]") for item in value))
    if not isinstance(value, dict) or prefix == "currency_rates":
        return set()
    found: set[str] = set()
    for key, inner in value.items():
        path = f"{prefix}.{key}" if prefix else key
        found |= {path} | _keys(inner, path)
    return found


def test_every_key_is_documented(tmp_path: Path) -> None:
    docs = (ROOT / "docs/configuration.md").read_text(encoding="utf-8")
    keys = _keys(settings_to_dict(load_settings(full_config(tmp_path), env={})))
    keys |= {"defaults.interval", "defaults.timeout", "defaults.user_agent", "feeds[].path"}
    undocumented = sorted(k for k in keys if not re.search(rf"`{re.escape(k)}`", docs))
    assert undocumented == []


def test_first_party_is_true_false_or_left_to_inference(tmp_path: Path) -> None:
    text = """
feeds:
  - {name: OpenAI News, url: "https://openai.com/news/rss.xml"}
  - {name: Ours, url: "https://a.example/feed", first_party: true}
  - {name: Theirs, url: "https://b.example/feed", first_party: false}
"""
    feeds = load_settings(write(tmp_path, text), env={}).feeds
    assert [f.first_party for f in feeds] == [None, True, False]
