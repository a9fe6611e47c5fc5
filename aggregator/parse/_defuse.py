"""Make feed bytes harmless before any XML parser sees them.

``defuse(content)`` returns bytes in the same encoding as the input with:

- every ``<!DOCTYPE …>`` of the prolog removed, internal subset included (one inside a
  comment or processing instruction is text and stays, its ``<!`` written ``&lt;!``): no
  entity is declared, so none is expanded (billion laughs, quadratic blow-up) or fetched
  (XXE, external DTD);
- named entity references that XML does not predefine rewritten: HTML names
  (``&nbsp;``) become numeric references, unknown names become literal text
  (``&amp;name;``), so a strict parser still accepts the document;
- numeric character references to characters XML forbids (``&#0;``, ``&#xD800;``,
  ``&#x110000;``, ``&#99999999999;``) replaced by ``&#xFFFD;``;
- raw C0 control characters other than tab, LF and CR removed;
- whitespace before the XML declaration removed (a strict parser rejects it).

CDATA sections are copied unchanged, apart from the control characters. Every step is
a single left-to-right scan (linear time). ASCII-compatible encodings (UTF-8, Latin-1,
windows-125x, GB2312, Shift_JIS, …) are processed byte for byte; UTF-16 and UTF-32
(BOM or ``<``/``<?`` byte pattern) are decoded, processed and re-encoded with a BOM.
"""

from __future__ import annotations

import codecs
import re
from html.entities import html5

__all__ = ["cap_entries", "defuse", "defuse_text"]

_XML_PREDEFINED = frozenset({"amp", "lt", "gt", "quot", "apos"})
_PROLOG_TOKEN = re.compile(r"<!--|<\?|<!DOCTYPE|<[A-Za-z_:]", re.IGNORECASE)
_DTD_TOKEN = re.compile(r"""["'\[\]>]|<!--""")
_REF_OR_CDATA = re.compile(
    r"<!\[CDATA\[.*?(?:\]\]>|\Z)"  # CDATA: copied as is (to its end or EOF)
    r"|&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));"  # numeric character reference
    r"|&([A-Za-z_][A-Za-z0-9_.\-]*);",  # named entity reference
    re.DOTALL,
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL_NOT_ESC = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f]")  # ISO-2022 needs ESC
_ISO_2022 = re.compile(rb"iso-2022", re.IGNORECASE)
_MAX_REF_DIGITS = 8

# (BOM, codec) — longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ZERO_PATTERNS: dict[tuple[bool, ...], tuple[bytes, str]] = {
    (False, True, True, True): (b"", "utf-32-le"),
    (True, True, True, False): (b"", "utf-32-be"),
    (False, True, False, True): (b"", "utf-16-le"),
    (True, False, True, False): (b"", "utf-16-be"),
}


def _wide_encoding(content: bytes) -> tuple[bytes, str] | None:
    """(BOM, codec) for UTF-16/UTF-32 input; None for ASCII-compatible encodings.

    Without a BOM, the zero bytes around the first (ASCII) character give it away.
    """
    for bom, codec in _BOMS:
        if content.startswith(bom):
            return bom, codec
    zeros = tuple(b == 0 for b in content[:4])
    return _ZERO_PATTERNS.get(zeros) if len(zeros) == 4 else None


def _doctype_end(text: str, start: int) -> int:
    """Index just after the DOCTYPE declaration at ``start`` (len(text) if unterminated)."""
    pos, in_subset = start + len("<!DOCTYPE"), False
    while True:
        m = _DTD_TOKEN.search(text, pos)
        if m is None:
            return len(text)
        token, pos = m.group(), m.end()
        if token in ('"', "'"):
            close = text.find(token, pos)
        elif token == "<!--":
            close = text.find("-->", pos)
            close = close + 2 if close >= 0 else -1
        else:
            if token == "[":
                in_subset = True
            elif token == "]":
                in_subset = False
            elif not in_subset:  # ">"
                return pos
            continue
        if close < 0:
            return len(text)
        pos = close + 1


def _strip_doctypes(text: str) -> str:
    """Remove the DOCTYPE declarations of the prolog, in one scan of its markup.

    A ``<!DOCTYPE`` inside a comment or processing instruction is text, not a
    declaration, and stays; only its ``<!`` is written ``&lt;!`` (still plain text
    there), because feedparser's own DOCTYPE and ENTITY filter takes any line starting
    ``<!DOCTYPE`` for a declaration and would cut the comment at its first ``>``. A
    DOCTYPE after the root element starts is left alone (it is not a DTD to any parser,
    and may be text inside CDATA). An unterminated comment or PI ends the prolog: the
    parser sees no declaration after it either.
    """
    parts, keep, pos = [], 0, 0
    while (m := _PROLOG_TOKEN.search(text, pos)) is not None:
        token = m.group()
        if token == "<!--":
            close, width = text.find("-->", m.end()), 3
        elif token == "<?":
            close, width = text.find("?>", m.end()), 2
        elif token[1] == "!":  # <!DOCTYPE
            parts.append(text[keep : m.start()])
            keep = pos = _doctype_end(text, m.start())
            continue
        else:  # the root element
            break
        if close < 0:
            break
        inner = text[m.end() : close]
        if "<!" in inner:
            parts.append(text[keep : m.end()] + inner.replace("<!", "&lt;!"))
            keep = close
        pos = close + width
    parts.append(text[keep:])
    return "".join(parts)


def _legal_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _fix_reference(m: re.Match[str]) -> str:
    hex_digits, dec_digits, name = m.group(1), m.group(2), m.group(3)
    if name is not None:
        if name in _XML_PREDEFINED:
            return m.group()
        chars = html5.get(name + ";")
        if chars is None:
            return "&amp;" + name + ";"
        return "".join(f"&#{ord(c)};" for c in chars)
    digits = hex_digits or dec_digits
    if digits is None:  # CDATA section
        return m.group()
    digits = digits.lstrip("0") or "0"
    if len(digits) > _MAX_REF_DIGITS or not _legal_char(int(digits, 16 if hex_digits else 10)):
        return "&#xFFFD;"
    return m.group()


def defuse_text(text: str, *, keep_escape: bool = False) -> str:
    """The text-level part of :func:`defuse` (the document already decoded)."""
    text = (_CONTROL_NOT_ESC if keep_escape else _CONTROL).sub("", text)
    if text[:1] in (" ", "\t", "\r", "\n") and text.lstrip(" \t\r\n").startswith("<?xml"):
        text = text.lstrip(" \t\r\n")  # whitespace before the XML declaration
    return _REF_OR_CDATA.sub(_fix_reference, _strip_doctypes(text))


def defuse(content: bytes) -> bytes:
    """The document without DTDs, bad references or control characters (see module doc)."""
    wide = _wide_encoding(content)
    if wide is None:
        # Latin-1 maps bytes 1:1 to code points, so this works on the raw bytes: all the
        # markup we touch is ASCII, which every ASCII-compatible encoding leaves alone.
        keep_escape = _ISO_2022.search(content, 0, 1024) is not None
        return defuse_text(content.decode("latin-1"), keep_escape=keep_escape).encode("latin-1")
    bom, codec = wide
    text = content[len(bom) :].decode(codec, errors="replace")
    marker = bom or codecs.lookup(codec).encode("\ufeff")[0]
    return marker + defuse_text(text).encode(codec)


_ENTRY_START = re.compile(rb"<(?:item|entry)[\s>/]")
_ENTRY_END = re.compile(rb"</(?:item|entry)\s*>")


def cap_entries(content: bytes, limit: int) -> tuple[bytes, int]:
    """Cut every ``<item>``/``<entry>`` after the first ``limit`` out of the document.

    Returns the bytes and how many entries were removed. This spares the XML parser
    the work of a document with tens of thousands of entries; it only applies to
    ASCII-compatible encodings (others are capped after parsing).
    """
    if _wide_encoding(content) is not None:
        return content, 0
    count, cut = 0, -1
    for m in _ENTRY_START.finditer(content):
        count += 1
        if count == limit + 1:
            cut = m.start()
    if cut < 0:
        return content, 0
    last_end = -1
    for m in _ENTRY_END.finditer(content, cut):
        last_end = m.end()
    tail = content[last_end:] if last_end >= 0 else b""
    return content[:cut] + tail, count - limit
