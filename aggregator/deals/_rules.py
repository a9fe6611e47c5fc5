"""User tag rules (keywords / regexes, compiled once) and the curated-feed filter."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..config import Regex, UserRegexError, compile_user_regex
from ..errors import ConfigError
from ..models import CurationRules, Deal, TagRule
from ._gazetteer import Gazetteer


@dataclass(frozen=True)
class CompiledTags:
    """Tag rules, each with its compiled matchers (order kept): one regex of the rule's
    keywords (made here, escaped) and one RE2 pattern per user regex."""

    rules: tuple[tuple[str, tuple[Regex, ...]], ...]


def _matchers(rule: TagRule) -> tuple[Regex, ...]:
    words = [rf"(?<!\w){re.escape(k.strip())}(?!\w)" for k in rule.keywords if k.strip()]
    matchers: list[Regex] = [re.compile("|".join(words), re.IGNORECASE)] if words else []
    for pattern in rule.patterns:
        try:
            matchers.append(compile_user_regex(pattern))
        except UserRegexError as exc:
            raise ConfigError(
                f"tag {rule.name!r}: invalid regular expression {pattern!r}: {exc}", key="tags"
            ) from None
    return tuple(matchers)


def compile_tag_rules(rules: Sequence[TagRule]) -> CompiledTags:
    """Compile every rule once. Keywords match whole words, case-insensitively; patterns are
    regular expressions (RE2 syntax, each on its own) matched case-insensitively (use
    ``(?-i:...)`` for exact case)."""
    compiled = []
    for rule in rules:
        matchers = _matchers(rule)
        if matchers:
            compiled.append((rule.name, matchers))
    return CompiledTags(tuple(compiled))


def match_tags(compiled: CompiledTags, text: str) -> tuple[str, ...]:
    """Names of the rules matching ``text``, in rule order, each once."""
    names: list[str] = []
    for name, matchers in compiled.rules:
        if name not in names and any(m.search(text) for m in matchers):
            names.append(name)
    return tuple(names)


def is_curated(
    deal: Deal | None, tags: Sequence[str], rules: CurationRules, gazetteer: Gazetteer
) -> bool:
    """Whether a story goes into the curated feed.

    A story with one of ``rules.tags`` always qualifies. Otherwise it must be a deal that
    passes every configured filter: type in ``rules.types``, known USD amount of at least
    ``rules.min_usd``, and one party among ``rules.companies`` (aliases allowed).
    With the default (empty) rules every deal story is curated. The other deals of a digest
    (``deal.also``) count as the story's deal does: the story qualifies when one of its
    deals passes every filter on its own.
    """
    if rules.tags and set(tags) & set(rules.tags):
        return True
    if deal is None:
        return False
    wanted = {gazetteer.slug(c) for c in rules.companies} if rules.companies else set()
    return any(_passes(d, rules, wanted) for d in deal.deals())


def _passes(deal: Deal, rules: CurationRules, wanted: set[str]) -> bool:
    if deal.status == "denied" and not rules.include_denied:
        return False  # a denied rumour is news, not a deal to follow
    if rules.types and deal.type not in rules.types:
        return False
    if rules.min_usd is not None:
        usd = deal.amount.usd if deal.amount is not None else None
        if usd is None or usd < rules.min_usd:
            return False
    return not rules.companies or any(p.slug in wanted for p in deal.parties)
