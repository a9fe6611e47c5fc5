"""User tag rules (keywords / regexes, compiled once) and the curated-feed filter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..errors import ConfigError
from ..models import CurationRules, Deal, TagRule
from ._gazetteer import Gazetteer


@dataclass(frozen=True)
class CompiledTags:
    """Tag rules with one compiled, case-insensitive regex per rule (order kept)."""

    rules: tuple[tuple[str, re.Pattern[str]], ...]


def _pattern(rule: TagRule) -> re.Pattern[str] | None:
    parts = [rf"(?<!\w){re.escape(k.strip())}(?!\w)" for k in rule.keywords if k.strip()]
    parts += [f"(?:{p})" for p in rule.patterns]
    if not parts:
        return None
    try:
        return re.compile("|".join(parts), re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"tag {rule.name!r}: invalid pattern: {exc}", key="tags") from exc


def compile_tag_rules(rules: Sequence[TagRule]) -> CompiledTags:
    """Compile every rule once. Keywords match whole words, case-insensitively; patterns are
    regular expressions matched case-insensitively (use ``(?-i:...)`` for exact case)."""
    compiled = []
    for rule in rules:
        pattern = _pattern(rule)
        if pattern is not None:
            compiled.append((rule.name, pattern))
    return CompiledTags(tuple(compiled))


def match_tags(compiled: CompiledTags, text: str) -> tuple[str, ...]:
    """Names of the rules matching ``text``, in rule order, each once."""
    names: list[str] = []
    for name, pattern in compiled.rules:
        if name not in names and pattern.search(text):
            names.append(name)
    return tuple(names)


def is_curated(deal: Deal | None, tags: Sequence[str], rules: CurationRules,
               gazetteer: Gazetteer) -> bool:
    """Whether a story goes into the curated feed.

    A story with one of ``rules.tags`` always qualifies. Otherwise it must be a deal that
    passes every configured filter: type in ``rules.types``, known USD amount of at least
    ``rules.min_usd``, and one party among ``rules.companies`` (aliases allowed).
    With the default (empty) rules every deal story is curated.
    """
    if rules.tags and set(tags) & set(rules.tags):
        return True
    if deal is None:
        return False
    if deal.status == "denied" and not rules.include_denied:
        return False                    # a denied rumour is news, not a deal to follow
    if rules.types and deal.type not in rules.types:
        return False
    if rules.min_usd is not None:
        usd = deal.amount.usd if deal.amount is not None else None
        if usd is None or usd < rules.min_usd:
            return False
    if rules.companies:
        wanted = {gazetteer.slug(c) for c in rules.companies}
        if not any(p.slug in wanted for p in deal.parties):
            return False
    return True
