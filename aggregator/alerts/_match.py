"""Does an alert rule match a story's facts?"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..models import AlertRule, Deal


def matches(
    rule: AlertRule, deal: Deal | None, tags: Sequence[str], slug: Callable[[str], str]
) -> bool:
    """Whether a story with ``deal`` and user ``tags`` is one ``rule`` alerts about.

    Only deal stories match. Every filter the rule sets must pass (AND), any item of a list
    will do (OR): type, known USD amount ≥ ``min_usd``, status, a party among
    ``companies`` (any role) and among ``investors`` (role investor), a tag among ``tags``.
    ``slug``: a company name's slug as the deal reader makes it (aliases allowed).
    """
    if deal is None:
        return False
    if rule.types and deal.type not in rule.types:
        return False
    if rule.min_usd is not None:
        usd = deal.amount.usd if deal.amount is not None else None
        if usd is None or usd < rule.min_usd:
            return False
    if rule.statuses and deal.status not in rule.statuses:
        return False
    if rule.companies and not {slug(c) for c in rule.companies} & {p.slug for p in deal.parties}:
        return False
    if rule.investors:
        investors = {p.slug for p in deal.parties if p.role == "investor"}
        if not {slug(c) for c in rule.investors} & investors:
            return False
    return not (rule.tags and not set(rule.tags) & set(tags))
