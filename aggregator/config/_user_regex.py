"""Regular expressions written by the user (tag rules), run in time linear in the text.

A backtracking engine (Python's ``re``) can take exponential time on a pattern such as
``(a+)+$`` against a short title, and no signal interrupts it inside one ``search``. User
patterns are therefore compiled with RE2 (the ``google-re2`` binding): its matching time
grows with the length of the text only, whatever the pattern. RE2 has no look-around and
no back-references; a pattern using them is refused when the configuration is read, as is
a repetition count over :data:`MAX_REPEAT` (RE2's own limit; a count too large to hold
would otherwise be read as literal text). Each pattern is compiled on its own, so inline
flags such as ``(?i)`` and group names never meet another rule's.
"""

from __future__ import annotations

import re
from typing import Protocol

import re2

MAX_REPEAT = 1000
MAX_PATTERN_CHARS = 2_000
_REPEAT = re.compile(r"(?<!\\)\{(\d*)(?:,(\d*))?\}")


class UserRegexError(ValueError):
    """The pattern cannot be used; ``str()`` says why, in words for the config's author."""


class Regex(Protocol):
    """What the callers use of a compiled pattern."""

    def search(self, text: str) -> object | None: ...


def _options() -> re2.Options:
    options = re2.Options()
    options.case_sensitive = False  # tag rules match case-insensitively; (?-i:...) opts out
    options.log_errors = False  # the error is ours to report (file:line: key:)
    return options


def _check_repeats(pattern: str) -> None:
    for match in _REPEAT.finditer(pattern):
        for number in match.groups():
            if number and (len(number) > 4 or int(number) > MAX_REPEAT):
                raise UserRegexError(f"repetition {match.group()} is larger than {MAX_REPEAT}")


def compile_user_regex(pattern: str) -> Regex:
    """``pattern`` compiled for case-insensitive linear-time search; raises
    :class:`UserRegexError` for what RE2 cannot run."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise UserRegexError(f"longer than {MAX_PATTERN_CHARS} characters")
    _check_repeats(pattern)
    try:
        return re2.compile(pattern, _options())  # type: ignore[no-any-return]
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise UserRegexError(f"{reason} (RE2 syntax: no look-around or back-references)") from None


__all__ = ["MAX_REPEAT", "Regex", "UserRegexError", "compile_user_regex"]
