"""config: feeds.yaml (plus ``AGGREGATOR_*`` environment overrides) -> a frozen ``Settings``.

Everything is validated here, once; later stages trust ``Settings``. Private modules:
``_load`` (the file and the environment), ``_values`` (one reader per kind of value),
``_alerts`` (alert rules, delivery, the brief), ``_yaml`` (syntax errors with their line),
``_user_regex`` (user patterns compiled with RE2: linear time, whatever the pattern).
"""

from __future__ import annotations

from ._load import (
    DEFAULT_CURRENCY_RATES,
    ENV_PREFIX,
    ENV_VARIABLES,
    ignored_env,
    load_settings,
    parse_duration,
    served_at,
    settings_to_dict,
)
from ._user_regex import Regex, UserRegexError, compile_user_regex

__all__ = [
    "DEFAULT_CURRENCY_RATES",
    "ENV_PREFIX",
    "ENV_VARIABLES",
    "Regex",
    "UserRegexError",
    "compile_user_regex",
    "ignored_env",
    "load_settings",
    "parse_duration",
    "served_at",
    "settings_to_dict",
]
