"""Private helpers of ``aggregator.config``: YAML node structure and typed value readers.

Every reader has the signature ``(source, node, key) -> value`` and raises ``ConfigError``
naming ``source.file``, the node's line and the dotted ``key``.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from aggregator.config._user_regex import UserRegexError, compile_user_regex
from aggregator.config._yaml import syntax_error
from aggregator.errors import ConfigError
from aggregator.models import CURRENCY_RATES, DEAL_TYPES

# Approximate USD per one unit of each currency; ``currency_rates`` in the file is merged over it.
DEFAULT_CURRENCY_RATES: Mapping[str, float] = CURRENCY_RATES

_NULL = "tag:yaml.org,2002:null"
_DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION_RE = re.compile(r"(?:\d+(?:\.\d+)?[smhd])+")
_AUTHORITY_RE = re.compile(r"[A-Za-z0-9.-]+(?:@[A-Za-z0-9.-]+)?,\d{4}(?:-\d{2}(?:-\d{2})?)?")
_CURRENCY_RE = re.compile(r"[A-Z]{3}")
_KINDS = {ScalarNode: "a single value", SequenceNode: "a list", MappingNode: "a mapping"}

Reader = Callable[["ConfigSource", Node, str], Any]


@dataclass(frozen=True)
class ConfigSource:
    """Where values come from: names the file in errors and anchors relative paths."""

    file: str
    base: Path

    def error(self, node: Node | None, key: str, message: str) -> ConfigError:
        mark = getattr(node, "start_mark", None)
        line = mark.line + 1 if mark is not None else None
        return ConfigError(message, file=self.file, line=line, key=key or None)


def parse_duration(text: str) -> float:
    """Seconds in "45s", "30m", "1h", "1d", "1h30m" or "90"; ValueError otherwise."""
    compact = "".join(text.split()).lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", compact):
        return float(compact)
    if not _DURATION_RE.fullmatch(compact):
        raise ValueError(f"not a duration: {text!r} (use e.g. 45s, 30m, 1h, 1d)")
    parts = re.findall(r"(\d+(?:\.\d+)?)([smhd])", compact)
    return sum(float(n) * _DURATION_UNITS[unit] for n, unit in parts)


# --------------------------------------------------------------------------- YAML structure

MAX_CONFIG_BYTES = 10 << 20  # a larger config file is refused (no file needs it)
MAX_DEPTH = 64  # nesting of YAML collections (a config file needs about 5)
_INT_TAG = "tag:yaml.org,2002:int"
_DECIMAL_RE = re.compile(r"[-+]?[0-9][0-9_]*")
_MAX_DIGITS = 18


def compose(path: Path) -> Node | None:
    text = _read_config(path)
    try:
        _check_depth(text, path)
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        problem = syntax_error(exc, text)
        raise ConfigError(
            f"YAML syntax error: {problem.message}", file=str(path), line=problem.line
        ) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"YAML error: {exc}", file=str(path)) from exc
    except RecursionError as exc:  # _check_depth makes this unreachable; never a traceback
        raise ConfigError("YAML nested too deeply", file=str(path)) from exc


def _read_config(path: Path) -> str:
    """The file's text: a regular file of at most MAX_CONFIG_BYTES (not /dev/zero, a FIFO
    or a directory), read without following it past the limit."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO never blocks
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise ConfigError("not a regular file", file=str(path))
            if info.st_size > MAX_CONFIG_BYTES:
                raise ConfigError(
                    f"config file of {info.st_size} bytes is over the limit "
                    f"of {MAX_CONFIG_BYTES} bytes",
                    file=str(path),
                )
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ConfigError(f"cannot read config file: {reason}", file=str(path)) from exc
    if len(data) > MAX_CONFIG_BYTES:  # it grew while read
        raise ConfigError(
            f"config file is over the limit of {MAX_CONFIG_BYTES} bytes", file=str(path)
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text: {exc.reason}", file=str(path)) from exc


_OPEN = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSE = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _check_depth(text: str, path: Path) -> None:
    """Collections nested deeper than MAX_DEPTH are an error at their line. PyYAML's
    scanner is iterative, its composer recursive: this pass keeps the composer shallow."""
    depth = 0
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        if isinstance(token, _OPEN):
            depth += 1
            if depth > MAX_DEPTH:
                raise ConfigError(
                    f"YAML nested deeper than {MAX_DEPTH} levels",
                    file=str(path),
                    line=token.start_mark.line + 1,
                )
        elif isinstance(token, _CLOSE):
            depth -= 1


def is_null(node: Node | None) -> bool:
    return node is None or (isinstance(node, ScalarNode) and node.tag == _NULL)


def _expect(src: ConfigSource, node: Node, key: str, kind: type[Node]) -> None:
    if not isinstance(node, kind):
        raise src.error(node, key, f"expected {_KINDS[kind]}, got {_KINDS[type(node)]}")


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


def mapping(
    src: ConfigSource, node: Node | None, key: str, allowed: Mapping[str, Any]
) -> dict[str, Node]:
    """Keys → value nodes; unknown or repeated keys are errors (with a suggestion)."""
    if is_null(node):
        return {}
    assert node is not None
    _expect(src, node, key, MappingNode)
    out: dict[str, Node] = {}
    for key_node, value_node in node.value:
        name = str(key_node.value) if isinstance(key_node, ScalarNode) else "?"
        if name not in allowed:
            close = difflib.get_close_matches(name, list(allowed), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "valid keys: " + ", ".join(allowed)
            raise src.error(key_node, _join(key, name), f"unknown key '{name}' ({hint})")
        if name in out:
            raise src.error(key_node, _join(key, name), f"key '{name}' is given twice")
        out[name] = value_node
    return out


def sequence(src: ConfigSource, node: Node | None, key: str) -> list[Node]:
    if is_null(node):
        return []
    assert node is not None
    _expect(src, node, key, SequenceNode)
    return list(node.value)


def read_fields(
    src: ConfigSource, node: Node | None, key: str, spec: Mapping[str, tuple[str, Reader]]
) -> dict[str, Any]:
    """Read a mapping whose keys each map to (settings field, reader)."""
    out: dict[str, Any] = {}
    for name, value in mapping(src, node, key, spec).items():
        field_name, reader = spec[name]
        out[field_name] = reader(src, value, _join(key, name))
    return out


# --------------------------------------------------------------------------- value readers


def _scalar(src: ConfigSource, node: Node, key: str) -> Any:
    _expect(src, node, key, ScalarNode)
    if node.tag == _INT_TAG:
        return _decimal(src, node, key)
    try:
        return SafeConstructor().construct_object(node)
    except (ValueError, OverflowError):
        raise src.error(node, key, f"not a valid value: {str(node.value)[:40]!r}") from None


def as_text(src: ConfigSource, node: Node, key: str) -> str:
    """A string; unquoted numbers/dates/booleans are taken as written (``title: 2026``)."""
    _expect(src, node, key, ScalarNode)
    if is_null(node):
        raise src.error(node, key, "a value is required")
    return str(node.value)


def as_name(src: ConfigSource, node: Node, key: str) -> str:
    value = as_text(src, node, key).strip()
    if not value:
        raise src.error(node, key, "must not be empty")
    return value


def as_integer(minimum: int, maximum: int | None = None) -> Reader:
    def read(src: ConfigSource, node: Node, key: str) -> int:
        value = _decimal(src, node, key)
        if value < minimum or (maximum is not None and value > maximum):
            bound = f"between {minimum} and {maximum}" if maximum is not None else f">= {minimum}"
            raise src.error(node, key, f"must be {bound}, got {value}")
        return value

    return read


def _decimal(src: ConfigSource, node: Node, key: str) -> int:
    """A whole number written in decimal: ``0x1F90``, ``0o17``, ``1:30`` (YAML 1.1 base 60)
    and quoted numbers are refused; a leading zero does not make it octal."""
    _expect(src, node, key, ScalarNode)
    text = str(node.value).strip()
    plain = node.tag == _INT_TAG or getattr(node, "style", None) is None  # not quoted
    if not plain or not _DECIMAL_RE.fullmatch(text):
        raise src.error(node, key, f"expected a whole number in decimal, got {node.value!r}")
    if len(text.replace("_", "").lstrip("+-")) > _MAX_DIGITS:
        raise src.error(node, key, f"number too large: {text[:20]}... ({len(text)} characters)")
    return int(text.replace("_", ""), 10)


def as_number(src: ConfigSource, node: Node, key: str) -> float:
    value = _scalar(src, node, key)
    if isinstance(value, str) and getattr(node, "style", None) is None:  # YAML 1.1 misses 1e8
        value = _float_or_none(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise src.error(node, key, f"expected a number, got {node.value!r}")
    if value < 0:
        raise src.error(node, key, f"must not be negative, got {value}")
    return float(value)


def _float_or_none(text: str) -> float | None:
    try:
        return float(text.replace("_", ""))
    except ValueError:
        return None


def as_amount(src: ConfigSource, node: Node, key: str) -> float:
    """A USD amount: a number, or a string like "100M", "$1.5B", "250k"."""
    value = _scalar(src, node, key)
    match = re.fullmatch(r"\$?\s*([\d.,_]+)\s*([kmb]?)", str(value).strip().lower())
    if isinstance(value, str) and match:
        number = _float_or_none(match[1].replace(",", ""))
        if number is not None:
            return number * {"": 1, "k": 1e3, "m": 1e6, "b": 1e9}[match[2]]
    return as_number(src, node, key)


def as_positive(src: ConfigSource, node: Node, key: str) -> float:
    value = as_number(src, node, key)
    if value <= 0:
        raise src.error(node, key, "must be greater than 0")
    return value


def as_share(src: ConfigSource, node: Node, key: str) -> float:
    """A fraction greater than 0 and at most 1."""
    value = as_number(src, node, key)
    if not 0 < value <= 1:
        raise src.error(node, key, f"must be greater than 0 and at most 1, got {value}")
    return value


def as_boolean(src: ConfigSource, node: Node, key: str) -> bool:
    value = _scalar(src, node, key)
    if not isinstance(value, bool):
        raise src.error(node, key, f"expected true or false, got {node.value!r}")
    return value


def as_duration(src: ConfigSource, node: Node, key: str) -> float:
    value = _scalar(src, node, key)
    if isinstance(value, str):
        try:
            value = parse_duration(value)
        except ValueError as exc:
            raise src.error(node, key, str(exc)) from None
    elif isinstance(value, bool) or not isinstance(value, (int, float)):
        raise src.error(
            node, key, f"expected a duration (45s, 30m, 1h, 1d or seconds), got {node.value!r}"
        )
    if not math.isfinite(value) or value <= 0:
        raise src.error(node, key, f"duration must be greater than 0, got {node.value!r}")
    return float(value)


def as_whole_duration(src: ConfigSource, node: Node, key: str) -> int:
    seconds = round(as_duration(src, node, key))
    if seconds < 1:
        raise src.error(node, key, "duration must be at least 1s")
    return seconds


def as_url(src: ConfigSource, node: Node, key: str) -> str:
    text = as_text(src, node, key).strip()
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise src.error(node, key, f"invalid URL {text!r}: {exc}") from None
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or any(ch.isspace() for ch in text)
    ):
        raise src.error(node, key, f"expected an http:// or https:// URL with a host, got {text!r}")
    if parts.username is not None or parts.password is not None:
        raise src.error(node, key, "credentials in URLs are not supported")
    return text


def as_base_url(src: ConfigSource, node: Node, key: str) -> str:
    url = as_url(src, node, key)
    return url if url.endswith("/") else url + "/"


def as_path(src: ConfigSource, node: Node, key: str) -> Path:
    path = Path(as_name(src, node, key)).expanduser()
    return path if path.is_absolute() else src.base / path


def as_feed_file(src: ConfigSource, node: Node, key: str) -> Path:
    path = as_path(src, node, key)
    if not path.is_file():
        raise src.error(node, key, f"file not found: {path}")
    return path


def as_choice(*options: str) -> Reader:
    def read(src: ConfigSource, node: Node, key: str) -> str:
        value = as_text(src, node, key).strip().lower()
        if value not in options:
            close = difflib.get_close_matches(value, options, n=1, cutoff=0.5)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise src.error(
                node, key, f"must be one of {', '.join(options)}, got {node.value!r}{hint}"
            )
        return value

    return read


def optional(reader: Reader) -> Reader:
    def read(src: ConfigSource, node: Node, key: str) -> Any:
        return None if is_null(node) else reader(src, node, key)

    return read


def list_of(reader: Reader) -> Reader:
    def read(src: ConfigSource, node: Node, key: str) -> tuple[Any, ...]:
        return tuple(
            reader(src, item, f"{key}[{i}]") for i, item in enumerate(sequence(src, node, key))
        )

    return read


as_names = list_of(as_name)
as_deal_types = list_of(as_choice(*DEAL_TYPES))


def as_pattern(src: ConfigSource, node: Node, key: str) -> str:
    pattern = as_text(src, node, key)
    try:
        compile_user_regex(pattern)
    except UserRegexError as exc:
        raise src.error(node, key, f"invalid regular expression {pattern!r}: {exc}") from None
    return pattern


def as_currency_rates(src: ConfigSource, node: Node, key: str) -> dict[str, float]:
    """USD per unit, merged over DEFAULT_CURRENCY_RATES; codes are ISO 4217 (upper case)."""
    given: dict[str, float] = {}
    if not is_null(node):
        _expect(src, node, key, MappingNode)
    for key_node, value_node in node.value if isinstance(node, MappingNode) else ():
        code = str(key_node.value)
        if not isinstance(key_node, ScalarNode) or not _CURRENCY_RE.fullmatch(code):
            raise src.error(
                key_node,
                _join(key, code),
                f"bad currency code {code!r} (use an ISO 4217 code such as EUR)",
            )
        if code in given:
            raise src.error(key_node, _join(key, code), f"key '{code}' is given twice")
        given[code] = as_positive(src, value_node, _join(key, code))
    return {**DEFAULT_CURRENCY_RATES, **given}


def as_id_authority(src: ConfigSource, node: Node, key: str) -> str:
    value = as_name(src, node, key)
    if not _AUTHORITY_RE.fullmatch(value):
        raise src.error(node, key, f"expected 'domain,YYYY' or 'domain,YYYY-MM-DD', got {value!r}")
    return value


def as_env_boolean(src: ConfigSource, node: Node, key: str) -> bool:
    text = str(node.value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise src.error(node, key, f"expected true/false/1/0, got {node.value!r}")
