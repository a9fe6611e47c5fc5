"""Private to ``aggregator.config``: the ``alerts``, ``alert_delivery`` and ``brief`` keys.

Same rules as every other key: unknown keys, wrong types and duplicates are ``ConfigError``s
naming the file, the line and the dotted key (``alerts[1].webhooks[0].format``).
"""

from __future__ import annotations

import re
import zoneinfo
from typing import Any

from yaml.nodes import Node

from aggregator.config._values import (
    ConfigSource,
    Reader,
    as_amount,
    as_boolean,
    as_choice,
    as_deal_types,
    as_duration,
    as_integer,
    as_name,
    as_names,
    as_url,
    list_of,
    optional,
    read_fields,
    sequence,
)
from aggregator.models import DEAL_STATUSES, AlertDelivery, AlertRule, BriefSettings, WebhookTarget

WEBHOOK_FORMATS = ("json", "slack", "discord", "ntfy")
SECRET_SHOWN = "<hidden>"  # what the effective settings show of a webhook secret
_RULE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")

_WEBHOOK: dict[str, tuple[str, Reader]] = {
    "url": ("url", as_url),
    "format": ("format", as_choice(*WEBHOOK_FORMATS)),
    "secret": ("secret", optional(as_name)),
}
_DELIVERY: dict[str, tuple[str, Reader]] = {
    "timeout": ("timeout", as_duration),
    "max_attempts": ("max_attempts", as_integer(1, 100)),
    "retry_base": ("retry_base", as_duration),
    "retry_max": ("retry_max", as_duration),
    "max_response_bytes": ("max_response_bytes", as_integer(1)),
    "concurrency": ("concurrency", as_integer(1, 64)),
}


def as_rule_name(src: ConfigSource, node: Node, key: str) -> str:
    name = as_name(src, node, key)
    if not _RULE_NAME.fullmatch(name):
        raise src.error(
            node,
            key,
            f"expected lower-case letters, digits, '-' or '_' (it names "
            f"the file alerts/{{name}}.atom), got {name!r}",
        )
    return name


def _webhooks(src: ConfigSource, node: Node, key: str) -> tuple[WebhookTarget, ...]:
    targets: list[WebhookTarget] = []
    for i, item in enumerate(sequence(src, node, key)):
        where = f"{key}[{i}]"
        values = read_fields(src, item, where, _WEBHOOK)
        if "url" not in values:
            raise src.error(item, f"{where}.url", "every webhook needs a url")
        target = WebhookTarget(**values)
        if any(t.key == target.key for t in targets):
            raise src.error(item, where, f"the same {target.format} webhook is given twice")
        targets.append(target)
    return tuple(targets)


_RULE: dict[str, tuple[str, Reader]] = {
    "name": ("name", as_rule_name),
    "types": ("types", as_deal_types),
    "min_amount_usd": ("min_usd", optional(as_amount)),
    "companies": ("companies", as_names),
    "investors": ("investors", as_names),
    "status": ("statuses", list_of(as_choice(*DEAL_STATUSES))),
    "tags": ("tags", as_names),
    "webhooks": ("webhooks", _webhooks),
}


def alert_rules(src: ConfigSource, node: Node, key: str) -> dict[str, Any]:
    rules: list[AlertRule] = []
    for i, item in enumerate(sequence(src, node, key)):
        where = f"{key}[{i}]"
        values = read_fields(src, item, where, _RULE)
        if "name" not in values:
            raise src.error(item, f"{where}.name", "every alert rule needs a name")
        if any(rule.name == values["name"] for rule in rules):
            raise src.error(item, f"{where}.name", f"duplicate alert name {values['name']!r}")
        rules.append(AlertRule(**values))
    return {"alerts": tuple(rules)}


def alert_delivery(src: ConfigSource, node: Node, key: str) -> dict[str, Any]:
    values = read_fields(src, node, key, _DELIVERY)
    delivery = AlertDelivery(**values)
    if delivery.retry_max < delivery.retry_base:
        raise src.error(node, f"{key}.retry_max", "must not be shorter than retry_base")
    return {"alert_delivery": delivery}


def as_timezone(src: ConfigSource, node: Node, key: str) -> str:
    name = as_name(src, node, key)
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise src.error(
            node,
            key,
            f"unknown time zone {name!r} (use an IANA name such as Europe/Berlin, or UTC)",
        ) from None
    return name


_BRIEF: dict[str, tuple[str, Reader]] = {
    "days": ("days", as_integer(1, 366)),
    "timezone": ("timezone", as_timezone),
    "weekly": ("weekly", as_boolean),
}


def brief(src: ConfigSource, node: Node, key: str) -> dict[str, Any]:
    return {"brief": BriefSettings(**read_fields(src, node, key, _BRIEF))}


def alerts_to_dict(
    rules: tuple[AlertRule, ...],
    hide_secrets: bool = False,
) -> list[dict[str, Any]]:
    """``alerts`` in the shape of feeds.yaml (for ``settings_to_dict``); ``hide_secrets``:
    each webhook secret shown as ``<hidden>``."""
    return [
        {
            "name": r.name,
            "types": list(r.types),
            "min_amount_usd": r.min_usd,
            "companies": list(r.companies),
            "investors": list(r.investors),
            "status": list(r.statuses),
            "tags": list(r.tags),
            "webhooks": [
                {
                    "url": w.url,
                    "format": w.format,
                    "secret": SECRET_SHOWN if w.secret and hide_secrets else w.secret,
                }
                for w in r.webhooks
            ],
        }
        for r in rules
    ]
