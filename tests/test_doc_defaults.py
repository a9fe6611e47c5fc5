"""Every default the docs state is the code's default (a changed default without its docs,
or docs that drift from the code, fail here)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from aggregator.config._load import load_settings, parse_duration, settings_to_dict
from aggregator.deals import DEFAULT_RATES
from aggregator.fetch import FetchOptions
from aggregator.models import CURRENCY_RATES, FeedSettings

DOCS = Path(__file__).resolve().parent.parent / "docs"
ROW = re.compile(r"^\| `([a-z_.\[\]]+)` \| [^|]* \| ([^|]*) \|", re.M)
SIZES = {"KiB": 1024, "MiB": 1024**2}
NOT_A_VALUE = ("required", "—", "none", "every deal story", "shipped table (below)")


def documented(cell: str, actual: Any) -> Any:
    """The value a default cell states, read as the type of ``actual``."""
    cell = re.sub(r"\s*\((all|any|[^)]*\d[^)]*)\)$", "", cell.strip())  # "(3600 s)" notes
    text = cell.strip("`")
    if text in ("null", "none"):
        return None
    if text in ("true", "false"):
        return text == "true"
    if text == "[]":
        return []
    size = re.fullmatch(r"(\d+) (KiB|MiB)", text)
    if size:
        return int(size[1]) * SIZES[size[2]]
    if isinstance(actual, float) or re.fullmatch(r"\d+(\.\d+)? ?[smhd]", text):
        return float(parse_duration(text.replace(" ", ""))) if text[-1] in "smhd" else float(text)
    if isinstance(actual, int) and not isinstance(actual, bool):
        return int(parse_duration(text)) if text[-1] in "smhd" else int(text)
    return text


def code_defaults(tmp_path: Path) -> dict[str, Any]:
    """What an empty feeds.yaml gives, flattened to dotted keys; ``defaults.*`` from the
    feed defaults; paths relative to the file."""
    config = tmp_path / "feeds.yaml"
    config.write_text("{}\n")
    data = settings_to_dict(load_settings(config, env={}))
    flat: dict[str, Any] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict) and prefix != "currency_rates":
            for key, inner in value.items():
                walk(f"{prefix}.{key}" if prefix else key, inner)
        else:
            flat[prefix] = value

    walk("", data)
    for key in ("database", "output"):
        flat[key] = str(Path(flat[key]).relative_to(tmp_path))
    feed = FeedSettings(name="x", url="https://x.example/")
    for key in ("interval", "timeout", "user_agent", "priority", "first_party", "enabled"):
        flat[f"defaults.{key}"] = flat[f"feeds[].{key}"] = getattr(feed, key)
    return flat


def doc_rows(name: str) -> list[tuple[str, str]]:
    return ROW.findall((DOCS / name).read_text())


def test_configuration_md_states_the_code_defaults(tmp_path: Path) -> None:
    code = code_defaults(tmp_path)
    checked, wrong = 0, []
    for key, cell in doc_rows("configuration.md"):
        if (
            key.startswith("AGGREGATOR_")
            or cell.strip() in NOT_A_VALUE
            or cell.strip().startswith("`defaults.")
        ):
            continue
        if key not in code:
            if "[]." in key and not key.startswith("feeds[]"):
                continue  # fields of list items (rules.tags[].keywords): no default
            wrong.append(f"{key}: documented, not a setting")
            continue
        if documented(cell, code[key]) != code[key]:
            wrong.append(f"{key}: docs say {cell.strip()}, code has {code[key]!r}")
        checked += 1
    assert wrong == []
    assert checked >= 35


FETCHING = {  # docs/fetching.md's setting -> FetchOptions field (the library defaults)
    "concurrency": "concurrency",
    "per_host": "per_host",
    "connect_timeout": "connect_timeout",
    "read_timeout": "read_timeout",
    "max_body_bytes": "max_body_bytes",
    "max_redirects": "max_redirects",
    "allow_private_networks": "allow_private_networks",
}


def test_fetching_md_states_the_code_defaults(tmp_path: Path) -> None:
    code = code_defaults(tmp_path)
    text = (DOCS / "fetching.md").read_text().split("## Limits and options", 1)[1]
    text = text.split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| (?:feed )?`(\w+)` \| ([^|]+) \|", text, re.M))
    assert set(FETCHING) | {"timeout", "user_agent"} <= set(rows)
    options = FetchOptions()
    for name, field in FETCHING.items():
        settings_key = name if name == "allow_private_networks" else f"fetch.{name}"
        value = code[settings_key]
        assert documented(rows[name], value) == value, name
        if hasattr(options, field):  # the library's own default agrees too
            assert getattr(options, field) == value, field
    assert documented(rows["timeout"], code["defaults.timeout"]) == code["defaults.timeout"]
    assert rows["user_agent"].strip().strip("`") == code["defaults.user_agent"]


def test_currency_tables_are_the_code_table() -> None:
    text = (DOCS / "configuration.md").read_text()
    shipped = text.split("Shipped currency rates", 1)[1].split("\n\n", 1)[0]
    listed = {
        code: float(rate) for code, rate in re.findall(r"\b([A-Z]{3})\s+(\d+(?:\.\d+)?)", shipped)
    }
    assert listed == dict(CURRENCY_RATES)
    assert dict(DEFAULT_RATES) == dict(CURRENCY_RATES)
    deals_md = (DOCS / "deals.md").read_text()
    codes = deals_md.split("`aggregator.deals.DEFAULT_RATES`:", 1)[1].split(")", 1)[0]
    assert set(re.findall(r"\b[A-Z]{3}\b", codes)) == set(CURRENCY_RATES)


@pytest.mark.parametrize(
    "cell, actual, value",
    [
        ("`1h` (3600 s)", 3600, 3600),
        ("`10485760` (10 MiB)", 0, 10485760),
        ("10 MiB", 0, 10485760),
        ("`null`", None, None),
        ("`[]` (all)", [], []),
        ("`false`", False, False),
        ("`3`", 3.0, 3.0),
        ("`30s`", 30.0, 30.0),
        ("`text`", "text", "text"),
    ],
)
def test_a_default_cell_is_read_as_written(cell: str, actual: Any, value: Any) -> None:
    assert documented(cell, actual) == value
