"""One deal rule (a *trigger*): its regular expression, the deal type it means, which side of
the sentence holds which party, and the cheap keys checked before the regex runs.

Shared by the English rules (``_patterns``) and the rules for other languages
(``_patterns_intl``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One trigger. ``left``/``right``: role of the company before/after the trigger."""

    name: str
    type: str
    regex: re.Pattern[str]
    left: str | None
    right: str | None
    strong: bool = True  # verb form; weak (noun) triggers yield to non-deal cues
    needs_right: bool = True  # a party after the trigger is required
    inside: str | None = None  # role of a name inside the trigger ("Musk's $97B bid")
    keys: tuple[str, ...] = ()  # cheap pre-check: one of these must occur (lower case)
    plural: bool = False  # the subject must name two companies ("X and Y partner on")
    paired: bool = False  # partners are the subject and the ``obj`` group, not the clause
    adjacent: bool = False  # the subject stands right before the verb ("X taps", not
    # "X's trading partners to ...")
    lang: str | None = None  # the language of a rule for another language than English
    # ("fr", "de", "es", "pt", "it"): read with that language's stop words and cues


def make_rule(
    name: str,
    type_: str,
    pattern: str,
    left: str | None,
    right: str | None,
    *,
    keys: tuple[str, ...],
    strong: bool = True,
    needs_right: bool = True,
    inside: str | None = None,
    plural: bool = False,
    paired: bool = False,
    adjacent: bool = False,
    lang: str | None = None,
) -> Rule:
    return Rule(
        name,
        type_,
        re.compile(pattern, re.IGNORECASE),
        left,
        right,
        strong,
        needs_right,
        inside,
        keys,
        plural,
        paired,
        adjacent,
        lang,
    )
