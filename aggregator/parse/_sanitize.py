"""HTML sanitising (allow-list, via nh3) and plain-text helpers.

``sanitize_html`` keeps basic text markup, links, lists, tables, images, blockquotes
and code; only ``http``, ``https`` and ``mailto`` URLs survive in ``href``/``src``
(relative URLs are resolved against ``base_url`` first, and dropped when there is no
usable base); every link gets ``rel="noopener noreferrer nofollow"``. Everything else
(scripts, styles, forms, frames, SVG, MathML, event handlers, ``style`` attributes,
comments) is removed.
"""

from __future__ import annotations

import html
import re
from typing import Literal
from urllib.parse import urlsplit

import nh3

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "ALLOWED_URL_SCHEMES",
    "DROPPED_WITH_CONTENT",
    "MAX_NESTING",
    "cap_nesting",
    "clean_text",
    "drop_invisible",
    "html_to_text",
    "plain_line",
    "sanitize_html",
    "truncate",
]

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
        "var",
    }
)

ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title", "hreflang"}),
    "abbr": frozenset({"title"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "ol": frozenset({"start", "reversed"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
}

ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})

#: Removed together with everything inside them (not just the tags).
DROPPED_WITH_CONTENT: frozenset[str] = frozenset(
    {
        "script",
        "style",
        "form",
        "iframe",
        "frame",
        "frameset",
        "object",
        "applet",
        "svg",
        "math",
        "noscript",
        "template",
        "textarea",
        "select",
        "button",
        "title",
        "head",
    }
)

LINK_REL = "noopener noreferrer nofollow"

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BLOCK_START = re.compile(
    r"<(?=(?:br|hr|/?(?:p|div|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|caption|blockquote"
    r"|pre|figure|figcaption|section|article|header|footer|aside|nav))\b)",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")

#: Elements nested deeper than this lose their tags (their text stays) before the HTML
#: parser sees them: its cost grows with the depth at every tag, so 200,000 unclosed
#: ``<div>`` took minutes; capped, the work is linear in the input.
MAX_NESTING = 100
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^<>]*>")
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)


def cap_nesting(html_text: str, limit: int = MAX_NESTING) -> str:
    """``html_text`` with every tag that would open an element deeper than ``limit`` (and
    the end tag closing it) removed; the text between them is kept. Linear in the input;
    a fragment with no more than ``limit`` tags is returned as it is."""
    if html_text.count("<") <= limit:
        return html_text
    depth = excess = 0

    def keep(match: re.Match[str]) -> str:
        nonlocal depth, excess
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID or match.group().endswith("/>"):
            return match.group()
        if not closing:
            if depth >= limit:
                excess += 1
                return ""
            depth += 1
        elif excess:
            excess -= 1
            return ""
        elif depth:
            depth -= 1
        return match.group()

    return _TAG.sub(keep, html_text)


#: Bidi controls (embeddings, overrides, isolates, LRM/RLM) and zero-width characters (space,
#: non-joiner, joiner, word joiner, BOM): invisible, they reorder what a title shows or hide
#: inside a name ("Ac\u200bme" is not "Acme" to a search).
#: A joiner between two emoji (👨‍💻) is kept: there it draws one symbol and hides nothing.
_EMOJI = "\u2600-\u27bf\ufe0f\U0001f000-\U0001faff"
_INVISIBLE = re.compile(
    f"[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
    f"|(?<![{_EMOJI}])\u200d|\u200d(?![{_EMOJI}])"
)
_MARKUP = re.compile(r"<[A-Za-z/!][^<>]*>")


def drop_invisible(s: str) -> str:
    """``s`` without bidi controls and zero-width characters (see ``_INVISIBLE``)."""
    return _INVISIBLE.sub("", s)


def plain_line(s: str) -> str:
    """A title or name as plain text: no bidi or zero-width characters, and no markup even
    when the feed called it plain text (``<script>x</script>Acme`` is "Acme": tags go, and
    script/style content with them), whitespace collapsed."""
    s = drop_invisible(s)
    if "<" in s and _MARKUP.search(s):
        return html_to_text(s)
    return collapse_space(s)


def clean_text(s: str) -> str:
    """Remove characters XML 1.0 forbids: C0 controls except tab/LF/CR, lone surrogates,
    U+FFFE and U+FFFF."""
    return _ILLEGAL_XML.sub("", s)


def _url_policy(
    base_url: str | None,
) -> Literal["deny"] | tuple[Literal["rewrite_with_base"], str]:
    if base_url:
        try:
            parts = urlsplit(base_url)
        except ValueError:
            return "deny"
        if parts.scheme.lower() in ("http", "https") and parts.hostname:
            return ("rewrite_with_base", base_url)
    return "deny"


def _clean(fragment: str, base_url: str | None) -> str:
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
        url_relative=_url_policy(base_url),
    )


def sanitize_html(html_text: str, base_url: str | None = None) -> str:
    """The allow-listed form of an HTML fragment (see module doc)."""
    if not html_text:
        return ""
    return clean_text(_clean(cap_nesting(clean_text(html_text)), base_url))


def html_to_text(html_text: str) -> str:
    """Plain text of an HTML fragment: tags removed (script/style content too),
    entities decoded, whitespace collapsed to single spaces."""
    if not html_text:
        return ""
    spaced = _BLOCK_START.sub(" <", cap_nesting(clean_text(html_text)))
    stripped = nh3.clean(spaced, tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT))
    return collapse_space(html.unescape(stripped))


def collapse_space(s: str) -> str:
    """XML-legal text with runs of whitespace collapsed to one space, trimmed."""
    return _SPACE.sub(" ", clean_text(s)).strip()


def truncate(s: str, n: int) -> str:
    """``s`` cut to at most ``n`` characters; a cut ends with "…", at a word boundary
    when one lies in the last fifth of the kept text."""
    if len(s) <= n:
        return s
    if n <= 1:
        return "…"[: max(n, 0)]
    head = s[: n - 1]
    space = head.rfind(" ")
    if space >= (n - 1) * 4 // 5:
        head = head[:space]
    return head.rstrip() + "…"
