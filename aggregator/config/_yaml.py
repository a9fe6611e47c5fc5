"""Private helper of ``aggregator.config``: a YAML syntax error in plain words, at its line.

PyYAML reports where it *noticed* a problem, which is often far from the cause: a quoted
value left open on line 8 is only noticed at the end of the file, or where the next quote
closes it. ``syntax_error(exc, text)`` gives the line of the cause and says what is wrong
the way a person writing the file thinks of it.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.error import Mark

__all__ = ["YamlProblem", "syntax_error"]


@dataclass(frozen=True)
class YamlProblem:
    line: int | None  # 1-based
    message: str  # after "YAML syntax error: "


def _line(mark: Mark | None) -> int | None:
    return mark.line + 1 if mark is not None else None


def _at_end(mark: Mark | None, text: str) -> bool:
    return mark is not None and not text[mark.index :].strip()


def _multiline(text: str, before: int, quoted: bool) -> yaml.ScalarToken | None:
    """The last value before offset ``before`` that runs over several lines, quoted or
    plain: in a config file that is nearly always a closing quote or a ':' left out."""
    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= before:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and (token.style in ('"', "'")) == quoted
                and token.end_mark.line > token.start_mark.line
            ):
                found = token
    except yaml.YAMLError:
        pass
    return found


def _plain(context: str, problem: str, context_line: int | None) -> str:
    """What the parser's words mean, for the usual mistakes; its own words otherwise."""
    opened = f" opened on line {context_line}" if context_line else ""
    if "quoted scalar" in context and "end of stream" in problem:
        return "a quoted value starts here and is never closed (a closing quote is missing)"
    if "'\\t'" in problem:
        return "a tab character: indent with spaces, not tabs"
    if "cannot start any token" in problem:
        char = problem.split("'")[1] if problem.count("'") >= 2 else "this character"
        return f"a value cannot start with {char!r}: put the value in quotes"
    if "mapping values are not allowed" in problem:
        return (
            "a ': ' inside a value: put the value in quotes, or check the indentation of this line"
        )
    if "could not find expected ':'" in problem:
        return "this line is not 'key: value' (is its ':' missing?)"
    if "expected <block end>" in problem:
        return "the indentation of this line does not match the lines above it"
    if "flow sequence" in context:
        return f"a '['{opened} is not closed by ']' (or a ',' is missing)"
    if "flow mapping" in context:
        return f"a '{{'{opened} is not closed by '}}' (or a ',' is missing)"
    if "undefined alias" in problem:
        return f"{problem.replace('found ', '')}: no anchor '&' of that name comes before it"
    if "unknown escape" in problem:
        return (
            f"{problem.replace('found ', '')} in a double-quoted value: use single "
            "quotes, or write a backslash as \\\\"
        )
    if "duplicate anchor" in context:
        name = context.split("'")[1] if context.count("'") >= 2 else ""
        return f"the anchor '&{name}' is defined again (first on line {context_line})"
    if "another document" in problem:
        return "a second YAML document ('---'): the config file holds one"
    return " ".join(p for p in (context, problem) if p)


def syntax_error(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    context, problem = exc.context or "", exc.problem or ""
    context_line = _line(exc.context_mark)
    # The parser reached the end of the file (an unclosed quote or bracket), or the culprit
    # is the key before the line it stopped at: the cause is where the construct began.
    use_context = exc.context_mark is not None and (
        _at_end(exc.problem_mark, text) or "could not find expected ':'" in problem
    )
    line = context_line if use_context or exc.problem_mark is None else _line(exc.problem_mark)
    message = _plain(context, problem, context_line)
    if exc.problem_mark is not None and "mapping values are not allowed" in problem:
        plain = _multiline(text, exc.problem_mark.index, quoted=False)
        if plain is not None and plain.end_mark.index == exc.problem_mark.index:
            return YamlProblem(
                _line(plain.start_mark),
                f"this line is not 'key: value' (is its ':' missing?): its "
                f"text runs on to line {_line(plain.end_mark)}",
            )
    if exc.problem_mark is not None and not (use_context and "quoted" in context):
        quote = _multiline(text, exc.problem_mark.index, quoted=True)
        if quote is not None:
            return YamlProblem(
                _line(quote.start_mark),
                f"a quoted value starts here and runs on to line "
                f"{_line(quote.end_mark)} (is its closing quote missing?); "
                f"then, at line {line}: {message}",
            )
    return YamlProblem(line, message)
