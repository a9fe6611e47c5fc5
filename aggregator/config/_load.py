"""Load feeds.yaml (plus ``AGGREGATOR_*`` environment overrides) into a frozen ``Settings``.

The file is read with PyYAML's node API so every value keeps its line: any problem is a
``ConfigError`` naming the file, the line and the dotted key (``feeds[3].url``). Everything is
validated here, once; later stages trust ``Settings``.

Public API: ``load_settings``, ``settings_to_dict``, ``ignored_env``, ``parse_duration``,
``served_at``, ``ENV_PREFIX``, ``ENV_VARIABLES``, ``DEFAULT_CURRENCY_RATES``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from yaml.nodes import Node, ScalarNode
from yaml.resolver import Resolver

from aggregator.config._alerts import alert_delivery, alert_rules, alerts_to_dict, brief
from aggregator.config._values import (
    DEFAULT_CURRENCY_RATES,
    ConfigSource,
    Reader,
    as_amount,
    as_base_url,
    as_boolean,
    as_choice,
    as_currency_rates,
    as_deal_types,
    as_duration,
    as_env_boolean,
    as_feed_file,
    as_id_authority,
    as_integer,
    as_name,
    as_names,
    as_path,
    as_pattern,
    as_positive,
    as_share,
    as_text,
    as_url,
    as_whole_duration,
    compose,
    is_null,
    list_of,
    mapping,
    optional,
    parse_duration,
    read_fields,
    sequence,
)
from aggregator.errors import ConfigError
from aggregator.models import CurationRules, FeedSettings, Settings, SiteSettings, TagRule

__all__ = [
    "DEFAULT_CURRENCY_RATES",
    "ENV_PREFIX",
    "ENV_VARIABLES",
    "ignored_env",
    "load_settings",
    "parse_duration",
    "served_at",
    "settings_to_dict",
]

ENV_PREFIX = "AGGREGATOR_"
ENV_VARIABLES = (
    "AGGREGATOR_CONFIG",
    "AGGREGATOR_DATABASE",
    "AGGREGATOR_OUTPUT",
    "AGGREGATOR_HOST",
    "AGGREGATOR_PORT",
    "AGGREGATOR_BASE_URL",
    "AGGREGATOR_ALLOW_PRIVATE_NETWORKS",
    "AGGREGATOR_LOG_FORMAT",
    "AGGREGATOR_WEB_WORKERS",
)


# --------------------------------------------------------------------------- public API


def load_settings(path: Path, env: Mapping[str, str] | None = None) -> Settings:
    """Read, validate and return the settings of ``path``; ``env`` defaults to os.environ."""
    path = Path(path)
    source = ConfigSource(str(path), path.resolve().parent)
    root = compose(path)
    settings = _build(source, root)
    settings = replace(settings, config_file=path.resolve())
    env = os.environ if env is None else env
    settings = _apply_env(settings, env)
    _check_paths(settings, source, root, env)
    return settings


def settings_to_dict(settings: Settings, *, hide_secrets: bool = False) -> dict[str, Any]:
    """The effective settings in the shape of feeds.yaml (a valid config file again);
    ``hide_secrets``: webhook secrets shown as ``<hidden>`` (to print them)."""
    s = settings
    return {
        "site": {k: v for k, v in asdict(s.site).items() if k != "base_url_set"},
        "database": str(s.database),
        "output": str(s.output),
        "server": {"host": s.host, "port": s.port, "workers": s.web_workers},
        "allow_private_networks": s.allow_private_networks,
        "fetch": {
            "concurrency": s.concurrency,
            "per_host": s.per_host,
            "max_body_bytes": s.max_body_bytes,
            "max_redirects": s.max_redirects,
            "connect_timeout": s.connect_timeout,
            "read_timeout": s.read_timeout,
            "max_entries_per_feed": s.max_entries_per_feed,
        },
        "feeds": [_feed_to_dict(feed) for feed in s.feeds],
        "publish": {
            "feed_size": s.feed_size,
            "source_share": s.source_share,
            "profile_budget": s.profile_budget,
            "websub_hub": s.websub_hub,
            "adopt_site": s.adopt_site,
        },
        "retention_days": s.retention_days,
        "retention_per_feed": s.retention_per_feed,
        "stories": {"window_days": s.story_window_days},
        "rules": {
            "tags": [
                {"name": t.name, "keywords": list(t.keywords), "regex": list(t.patterns)}
                for t in s.tag_rules
            ],
            "watchlist": list(s.watchlist),
            "curated": {
                "min_amount_usd": s.curation.min_usd,
                "types": list(s.curation.types),
                "companies": list(s.curation.companies),
                "tags": list(s.curation.tags),
                "include_denied": s.curation.include_denied,
            },
        },
        "currency_rates": dict(sorted(s.currency_rates.items())),
        "log_format": s.log_format,
        "readiness_max_age": s.readiness_max_age,
        "readiness_feed_failures": s.readiness_feed_failures,
        "alerts": alerts_to_dict(s.alerts, hide_secrets),
        "alert_delivery": asdict(s.alert_delivery),
        "brief": asdict(s.brief),
    }


def ignored_env(env: Mapping[str, str]) -> list[str]:
    """``AGGREGATOR_*`` variables that mean nothing (typos): the CLI may warn about them."""
    return sorted(k for k in env if k.startswith(ENV_PREFIX) and k not in ENV_VARIABLES)


def _feed_to_dict(feed: FeedSettings) -> dict[str, Any]:
    where = {"url": feed.url} if feed.url else {"path": str(feed.path)}
    return {
        "name": feed.name,
        **where,
        "interval": feed.interval,
        "timeout": feed.timeout,
        "user_agent": feed.user_agent,
        "priority": feed.priority,
        # not configured: inferred (deals.publisher_of), so not written either
        **({} if feed.first_party is None else {"first_party": feed.first_party}),
        "enabled": feed.enabled,
        "organization": feed.organization,
    }


# --------------------------------------------------------------------------- sections

_SITE: dict[str, tuple[str, Reader]] = {
    "title": ("title", as_name),
    "base_url": ("base_url", as_base_url),
    "author": ("author", as_name),
    "subtitle": ("subtitle", as_text),
    "id_authority": ("id_authority", as_id_authority),
}
MAX_WEB_WORKERS = 64  # serving processes (each about 45 MB)
_SERVER = {
    "host": ("host", as_name),
    "port": ("port", as_integer(1, 65535)),
    "workers": ("web_workers", as_integer(1, MAX_WEB_WORKERS)),
}
_FETCH: dict[str, tuple[str, Reader]] = {
    "concurrency": ("concurrency", as_integer(1)),
    "per_host": ("per_host", as_integer(1)),
    "max_body_bytes": ("max_body_bytes", as_integer(1)),
    "max_redirects": ("max_redirects", as_integer(0)),
    "connect_timeout": ("connect_timeout", as_duration),
    "read_timeout": ("read_timeout", as_duration),
    "max_entries_per_feed": ("max_entries_per_feed", as_integer(1)),
}
_PUBLISH = {
    "feed_size": ("feed_size", as_integer(1)),
    "source_share": ("source_share", as_share),
    "profile_budget": ("profile_budget", optional(as_integer(1))),
    "adopt_site": ("adopt_site", as_boolean),
    "websub_hub": ("websub_hub", optional(as_url)),
}
_STORIES = {"window_days": ("story_window_days", as_positive)}
_DEFAULTS: dict[str, tuple[str, Reader]] = {
    "interval": ("interval", as_whole_duration),
    "timeout": ("timeout", as_duration),
    "user_agent": ("user_agent", as_name),
}
_FEED: dict[str, tuple[str, Reader]] = {
    "name": ("name", as_name),
    "url": ("url", as_url),
    "path": ("path", as_feed_file),
    **_DEFAULTS,
    "priority": ("priority", as_integer(-1000, 1000)),
    "first_party": ("first_party", as_boolean),
    "enabled": ("enabled", as_boolean),
    "organization": ("organization", optional(as_name)),
}
_TAG = {
    "name": ("name", as_name),
    "keywords": ("keywords", as_names),
    "regex": ("patterns", list_of(as_pattern)),
}
_CURATED: dict[str, tuple[str, Reader]] = {
    "min_amount_usd": ("min_usd", optional(as_amount)),
    "types": ("types", as_deal_types),
    "companies": ("companies", as_names),
    "tags": ("tags", as_names),
    "include_denied": ("include_denied", as_boolean),
}


Handler = Callable[[ConfigSource, Node, str], dict[str, Any]]


def _section(spec: Mapping[str, tuple[str, Reader]]) -> Handler:
    return lambda src, node, key: read_fields(src, node, key, spec)


def _single(field_name: str, reader: Reader) -> Handler:
    return lambda src, node, key: {field_name: reader(src, node, key)}


def _site(src: ConfigSource, node: Node, key: str) -> dict[str, Any]:
    fields = read_fields(src, node, key, _SITE)
    return {"site": SiteSettings(**fields, base_url_set="base_url" in fields)}


def _tag_rules(src: ConfigSource, node: Node, key: str) -> tuple[TagRule, ...]:
    rules: list[TagRule] = []
    for i, item in enumerate(sequence(src, node, key)):
        where = f"{key}[{i}]"
        values = read_fields(src, item, where, _TAG)
        if "name" not in values:
            raise src.error(item, f"{where}.name", "every tag rule needs a name")
        if not values.get("keywords") and not values.get("patterns"):
            raise src.error(item, where, "a tag rule needs at least one keyword or regex")
        if any(rule.name.casefold() == values["name"].casefold() for rule in rules):
            raise src.error(item, f"{where}.name", f"duplicate tag name {values['name']!r}")
        rules.append(TagRule(**values))
    return tuple(rules)


def _rules(src: ConfigSource, node: Node, key: str) -> dict[str, Any]:
    spec: dict[str, tuple[str, Reader]] = {
        "tags": ("tag_rules", _tag_rules),
        "watchlist": ("watchlist", as_names),
        "curated": ("curation", lambda s, n, k: CurationRules(**read_fields(s, n, k, _CURATED))),
    }
    return read_fields(src, node, key, spec)


_TOP: dict[str, Handler] = {
    "site": _site,
    "database": _single("database", as_path),
    "output": _single("output", as_path),
    "server": _section(_SERVER),
    "allow_private_networks": _single("allow_private_networks", as_boolean),
    "defaults": lambda src, node, key: {},  # read by _feeds
    "fetch": _section(_FETCH),
    "feeds": lambda src, node, key: {},  # read by _feeds
    "publish": _section(_PUBLISH),
    "retention_days": _single("retention_days", optional(as_integer(1))),
    "retention_per_feed": _single("retention_per_feed", optional(as_integer(100))),
    "stories": _section(_STORIES),
    "rules": _rules,
    "currency_rates": _single("currency_rates", as_currency_rates),
    "log_format": _single("log_format", as_choice("text", "json")),
    "readiness_max_age": _single("readiness_max_age", as_whole_duration),
    "readiness_feed_failures": _single("readiness_feed_failures", as_integer(1, 1000)),
    "alerts": alert_rules,
    "alert_delivery": alert_delivery,
    "brief": brief,
}


def _build(src: ConfigSource, root: Node | None) -> Settings:
    top = mapping(src, root, "", _TOP)
    values: dict[str, Any] = {
        "database": src.base / Settings.database,
        "output": src.base / Settings.output,
        "currency_rates": dict(DEFAULT_CURRENCY_RATES),
        "site": SiteSettings(base_url_set=False),
    }
    for name, node in top.items():
        values.update(_TOP[name](src, node, name))
    defaults = read_fields(src, top.get("defaults"), "defaults", _DEFAULTS)
    values["feeds"] = _feeds(src, top.get("feeds"), defaults)
    return Settings(**values)


# --------------------------------------------------------------------------- feeds


def _feeds(
    src: ConfigSource, node: Node | None, defaults: dict[str, Any]
) -> tuple[FeedSettings, ...]:
    feeds: list[FeedSettings] = []
    names: dict[str, int] = {}
    places: dict[str, int] = {}
    for i, item in enumerate(sequence(src, node, "feeds")):
        key = f"feeds[{i}]"
        nodes = mapping(src, item, key, _FEED)
        feed = _feed(src, item, key, defaults)
        _unique(src, names, feed.name.casefold(), nodes["name"], f"{key}.name", "feed name")
        where = "url" if feed.url else "path"
        place = _url_identity(feed.url) if feed.url else str(feed.path)
        _unique(src, places, place, nodes[where], f"{key}.{where}", f"feed {where}")
        feeds.append(feed)
    return tuple(feeds)


def _feed(src: ConfigSource, node: Node, key: str, defaults: dict[str, Any]) -> FeedSettings:
    given = mapping(src, node, key, _FEED)
    if "name" not in given:
        raise src.error(node, f"{key}.name", "every feed needs a name")
    if ("url" in given) == ("path" in given):
        raise src.error(node, key, "give exactly one of 'url' or 'path'")
    values = read_fields(src, node, key, _FEED)
    return FeedSettings(**{**defaults, **values, "line": node.start_mark.line + 1})


def _unique(
    src: ConfigSource, seen: dict[str, int], value: str, node: Node, key: str, what: str
) -> None:
    line = node.start_mark.line + 1
    if value in seen:
        raise src.error(node, key, f"duplicate {what} (already used on line {seen[value]})")
    seen[value] = line


def _url_identity(url: str) -> str:
    """Scheme/host case, default ports, fragments and a bare trailing "/" do not matter."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = "" if parts.port in (None, {"http": 80, "https": 443}[scheme]) else f":{parts.port}"
    path = parts.path.rstrip("/") or ""
    query = f"?{parts.query}" if parts.query else ""
    return f"{scheme}://{(parts.hostname or '').lower()}{port}{path}{query}"


# --------------------------------------------------------------------------- paths


def _check_paths(
    settings: Settings, src: ConfigSource, root: Node | None, env: Mapping[str, str]
) -> None:
    """The database is a file outside the published site; the site is a directory; the
    entries kept per feed are at least those one fetch reads."""
    nodes = {}
    if root is not None and not is_null(root):
        nodes = {k.value: v for k, v in root.value if isinstance(k, ScalarNode)}

    def error(key: str, variable: str, message: str) -> ConfigError:
        if env.get(variable, "").strip():
            return ConfigError(message, file="environment", key=variable)
        return src.error(nodes.get(key), key, message)

    per_feed, fetched = settings.retention_per_feed, settings.max_entries_per_feed
    if per_feed is not None and per_feed < fetched:
        raise src.error(
            nodes.get("retention_per_feed"),
            "retention_per_feed",
            f"must be at least fetch.max_entries_per_feed ({fetched}), got "
            f"{per_feed}: entries still in a feed would be stored again",
        )
    database, output = settings.database, settings.output
    if database.is_dir():
        raise error(
            "database", "AGGREGATOR_DATABASE", f"{database} is a directory, not a database file"
        )
    if output.exists() and not output.is_dir():
        raise error("output", "AGGREGATOR_OUTPUT", f"{output} exists and is not a directory")
    for key, variable, path in (
        ("database", "AGGREGATOR_DATABASE", database),
        ("output", "AGGREGATOR_OUTPUT", output),
    ):
        problem = _cannot_create(path)
        if problem:
            raise error(key, variable, f"{path} cannot be created: {problem}")
    site, db = output.resolve(), database.resolve()
    if db == site or site in db.parents:
        raise error(
            "database",
            "AGGREGATOR_DATABASE",
            f"{database} is inside the published site {output}: it would be served",
        )


def _cannot_create(path: Path) -> str | None:
    """Why ``path`` (a file or directory still to be made) can never be created, or None:
    its nearest existing ancestor is not a directory. (Permissions are not judged here:
    the check may run as another user than the service; the store reports them.)"""
    if path.exists():
        return None
    ancestor = path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    return None if ancestor.is_dir() else f"{ancestor} is not a directory"


# --------------------------------------------------------------------------- environment

_ENV: dict[str, tuple[str, Reader]] = {
    "AGGREGATOR_DATABASE": ("database", as_path),
    "AGGREGATOR_OUTPUT": ("output", as_path),
    "AGGREGATOR_HOST": ("host", as_name),
    "AGGREGATOR_PORT": ("port", as_integer(1, 65535)),
    "AGGREGATOR_BASE_URL": ("base_url", as_base_url),
    "AGGREGATOR_ALLOW_PRIVATE_NETWORKS": ("allow_private_networks", as_env_boolean),
    "AGGREGATOR_LOG_FORMAT": ("log_format", as_choice("text", "json")),
    "AGGREGATOR_WEB_WORKERS": ("web_workers", as_integer(1, MAX_WEB_WORKERS)),
}


def _apply_env(settings: Settings, env: Mapping[str, str]) -> Settings:
    """Overrides from the environment (empty = unset); relative paths are from the cwd."""
    src = ConfigSource("environment", Path.cwd())
    changes: dict[str, Any] = {}
    for variable, (field_name, reader) in _ENV.items():
        text = env.get(variable, "").strip()
        if not text:
            continue
        tag = Resolver().resolve(ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
        node = ScalarNode(tag, text)
        changes[field_name] = reader(src, node, variable)
    if "base_url" in changes:
        changes["site"] = replace(
            settings.site, base_url=changes.pop("base_url"), base_url_set=True
        )
    return served_at(replace(settings, **changes))


def served_at(
    settings: Settings,
    host: str | None = None,
    port: int | None = None,
) -> Settings:
    """``settings`` serving on ``host``/``port`` (None: as configured); a ``site.base_url``
    that was not configured follows the address served (a wildcard host: 127.0.0.1)."""
    settings = replace(
        settings,
        host=settings.host if host is None else host,
        port=settings.port if port is None else port,
    )
    if settings.site.base_url_set:
        return settings
    return replace(
        settings, site=replace(settings.site, base_url=served_url(settings.host, settings.port))
    )


def served_url(host: str, port: int) -> str:
    """``http://host:port/`` for a served address, as a browser on this machine reaches it."""
    host = "127.0.0.1" if host in ("", "0.0.0.0") else "::1" if host == "::" else host
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"
