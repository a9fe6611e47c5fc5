"""Checks on a published site: every file valid, nothing active or secret in any of them.

``invalid_files(site)``  -> {relative path: problem} for feeds that a strict reader rejects
``dangers(site)``        -> problems: active content or unsafe URLs that survived
``leaks(site, marks)``   -> problems: a secret string (file contents, canary) was published
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from .cases import SENTINEL

ATOM_NS = "http://www.w3.org/2005/Atom"
RNG = Path(__file__).resolve().parent.parent / "data" / "atom.rng"
ACTIVE_TAGS = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "base",
        "meta",
        "link",
        "svg",
        "math",
        "template",
        "noscript",
        "animate",
        "set",
        "maction",
    }
)
URL_ATTRS = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "srcset",
        "background",
        "poster",
        "data",
        "cite",
        "longdesc",
        "usemap",
        "lowsrc",
        "dynsrc",
        "ping",
        "manifest",
        "codebase",
        "icon",
        "xmlurl",
        "htmlurl",
        "url",
        "uri",
    }
)
TEXT_ATTRS = frozenset({"title", "alt", "text", "label", "content", "name", "term"})
JSON_URL_KEYS = frozenset(
    {
        "url",
        "external_url",
        "image",
        "banner_image",
        "icon",
        "favicon",
        "home_page_url",
        "feed_url",
        "next_url",
        "avatar",
    }
)
BAD_SCHEME = re.compile(r"(?:javascript|vbscript|livescript|data|file):")
_JUNK = re.compile(r"[\x00-\x20\x7f]+")
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _strict_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@lru_cache(maxsize=1)
def _relaxng() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(RNG)))


def published_files(site: Path) -> list[Path]:
    """The files the site serves: not the dotfiles nor what is in a dot directory (the
    publish state, the installation marker, the kept parts of the last publish)."""
    return sorted(
        p
        for p in site.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(site).parts)
    )


# --------------------------------------------------------------------------- validity


def atom_problem(data: bytes) -> str | None:
    try:
        root = etree.fromstring(data, _strict_parser())
    except etree.XMLSyntaxError as exc:
        return f"not well-formed XML: {exc}"
    schema = _relaxng()
    if not schema.validate(root):
        return f"RELAX NG: {schema.error_log.last_error}"
    parsed = feedparser.parse(data)
    if parsed.bozo:
        return f"feedparser bozo: {parsed.get('bozo_exception')}"
    return None


def json_problem(data: bytes) -> str | None:
    try:
        doc = json.loads(data)
    except ValueError as exc:
        return f"not JSON: {exc}"
    if not isinstance(doc, dict) or "version" not in doc or not isinstance(doc.get("items"), list):
        return "not a JSON Feed document"
    return None


def file_problem(path: Path) -> str | None:
    data = path.read_bytes()
    if path.suffix == ".atom":
        return atom_problem(data)
    if path.suffix == ".json":
        return json_problem(data)
    if path.suffix in (".opml", ".xml", ".svg"):
        try:
            etree.fromstring(data, _strict_parser())
        except etree.XMLSyntaxError as exc:
            return f"not well-formed XML: {exc}"
    if path.suffix == ".html" and b"</html>" not in data.lower():
        return "HTML page is not complete"
    return None


def invalid_files(site: Path) -> dict[str, str]:
    """Published files a strict reader rejects (half-written, invalid, not well-formed)."""
    problems = {}
    for path in published_files(site):
        problem = file_problem(path)
        if problem:
            problems[str(path.relative_to(site))] = problem
    return problems


# --------------------------------------------------------------------------- dangers


def _local(name: object) -> str:
    return str(name).rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def _norm_url(value: str) -> str:
    for _ in range(3):
        value = html.unescape(value)
    return _JUNK.sub("", value).lower()


def _bad_url(value: str, fragment: bool) -> bool:
    """A script/file URL; a data: URL too, except the site's own (e.g. an empty icon)."""
    url = _norm_url(value)
    if not BAD_SCHEME.match(url):
        return False
    return fragment or not url.startswith("data:") or SENTINEL.lower() in url


def _carries_payload(el: Any, tag: str) -> bool:
    """Whether one of the site's own active elements carries the sentinel where it could act.
    A page's ``<meta property="og:title" content="...">`` and ``<link rel="alternate"
    title="...">`` quote a headline as text: only a ``http-equiv`` meta (a refresh to a URL)
    or another attribute than a text one acts."""
    if tag in ("meta", "link"):
        names = {_local(a).lower(): v for a, v in el.attrib.items()}
        return any(
            SENTINEL in v and (k not in TEXT_ATTRS or (k == "content" and "http-equiv" in names))
            for k, v in names.items()
        )
    if tag == "script" and (el.get("type") or "").lower() == "application/ld+json":
        try:
            json.loads(el.text or "")  # data that stayed data: it closed no element
        except ValueError:
            return True
        return False
    return SENTINEL in etree.tostring(el, encoding="unicode")


def tree_problems(root: Any, where: str, *, fragment: bool) -> list[str]:
    """Active markup in one parsed tree. ``fragment``: content copied from a feed, where
    no active tag or event handler may appear at all; else only payloads carrying the
    sentinel (the site's own pages have their own markup, e.g. an inline SVG chart)."""
    problems = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = _local(el.tag)
        if tag in ACTIVE_TAGS and (fragment or _carries_payload(el, tag)):
            problems.append(f"{where}: <{tag}> element published")
        for name, value in el.attrib.items():
            attr = _local(name)
            if attr.startswith("on") and (fragment or SENTINEL in value):
                problems.append(f"{where}: event handler {attr}= on <{tag}>")
            elif attr in URL_ATTRS and _bad_url(value, fragment):
                problems.append(f"{where}: {attr}={value!r} on <{tag}>")
            elif attr == "style" and fragment:
                problems.append(f"{where}: style attribute on <{tag}>")
            elif SENTINEL in value and attr not in TEXT_ATTRS:
                problems.append(f"{where}: payload in {attr}= on <{tag}>")
    return problems


def fragment_problems(markup: str, where: str) -> list[str]:
    if not markup.strip():
        return []
    bad = ILLEGAL_XML.search(markup)
    if bad:
        return [f"{where}: character {bad.group()!r} that XML forbids"]
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    return tree_problems(root, where, fragment=True)


def _atom_problems(data: bytes, where: str) -> list[str]:
    root = etree.fromstring(data, _strict_parser())
    problems = tree_problems(root, where, fragment=False)
    for el in root.iter(f"{{{ATOM_NS}}}*"):
        kind = el.get("type", "text")
        if kind == "html":
            problems += fragment_problems(el.text or "", f"{where} <{_local(el.tag)}>")
        elif kind == "xhtml":
            for child in el:
                problems += tree_problems(child, f"{where} <{_local(el.tag)}>", fragment=True)
    return problems


def _walk(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v, key)
    elif isinstance(value, str):
        yield key, value


def _json_problems(data: bytes, where: str) -> list[str]:
    problems = []
    for key, value in _walk(json.loads(data)):
        if key == "content_html":
            problems += fragment_problems(value, f"{where} content_html")
        elif key in JSON_URL_KEYS and BAD_SCHEME.match(_norm_url(value)):
            problems.append(f"{where}: {key}={value!r}")
    return problems


def file_dangers(path: Path, where: str) -> list[str]:
    data = path.read_bytes()
    if path.suffix == ".atom":
        return _atom_problems(data, where)
    if path.suffix == ".json":
        return _json_problems(data, where)
    if path.suffix in (".opml", ".svg", ".xml"):
        return tree_problems(etree.fromstring(data, _strict_parser()), where, fragment=False)
    if path.suffix == ".html":
        return tree_problems(lxml.html.document_fromstring(data), where, fragment=False)
    return []


def dangers(site: Path) -> list[str]:
    """Active content or unsafe URLs anywhere in the published site."""
    problems = []
    for path in published_files(site):
        try:
            problems += file_dangers(path, str(path.relative_to(site)))
        except (etree.XMLSyntaxError, ValueError) as exc:
            problems.append(f"{path.name}: unreadable: {exc}")
    return problems


def leaks(site: Path, marks: tuple[str, ...]) -> list[str]:
    """Published files containing one of ``marks`` (a secret that must never be read)."""
    found = []
    for path in published_files(site):
        text = path.read_bytes().decode("utf-8", "replace")
        found += [f"{path.name}: contains {m!r}" for m in marks if m in text]
    return found
