"""Canonical URLs (for identity and de-duplication) and safe links (for republishing).

``canonical_url`` maps every spelling of one article's address to one string:

- resolved against ``base``; only ``http``/``https`` survive;
- scheme and host lower-cased, host IDNA-encoded (a host that is not a valid name
  gives None), trailing dot removed, userinfo,
  default ports and the fragment dropped;
- AMP / mobile variants unified: host prefixes ``amp.``, ``m.``, ``mobile.``; a path
  segment ``amp`` (``/amp/…``, ``…/amp``); ``.amp.html`` -> ``.html``; an ``amp`` query
  parameter;
- tracking parameters removed (``TRACKING_PARAMS`` and ``TRACKING_PREFIXES``), the rest
  sorted;
- dot segments resolved, percent-encoding normalised, trailing slash removed (except
  the root path ``/``).

The function is idempotent: ``canonical_url(canonical_url(u)) == canonical_url(u)``.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, quote, unquote_plus, urljoin, urlsplit, urlunsplit

__all__ = ["TRACKING_PARAMS", "TRACKING_PREFIXES", "canonical_url", "safe_link"]

#: Query parameters (compared case-insensitively) that never identify content.
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        # ad-click identifiers
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "igshid",
        "rb_clickid",
        "s_kwcid",
        # e-mail / marketing automation
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "__hstc",
        "__hssc",
        "__hsfp",
        "hsctatracking",
        "mkt_tok",
        "vero_id",
        "vero_conv",
        "oly_anon_id",
        "oly_enc_id",
        "wickedid",
        # referrers and share buttons
        "ref",
        "ref_src",
        "ref_url",
        "share",
        "smid",
        "sr_share",
        "soc_src",
        "soc_trk",
        # publisher campaign codes
        "cmpid",
        "ocid",
        "ncid",
        "icid",
        "spm",
        "taid",
        "cmp",
        "ito",
        "trk",
        "_ga",
        "_gl",
        "guccounter",
        "guce_referrer",
        "guce_referrer_sig",
        # AMP switch (an AMP variant, not a separate document)
        "amp",
    }
)

#: Parameter-name prefixes (case-insensitive) that are always tracking.
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "pk_", "mtm_", "ns_", "sc_", "at_", "hmb_")

_MOBILE_PREFIXES = ("amp.", "m.", "mobile.")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_HOST_CHARS = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*")
_STRIP_INSIDE = re.compile(r"[\t\n\r]")
_PCT = re.compile(r"%([0-9A-Fa-f]{2})")
_BAD_PCT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_AMP_HTML = re.compile(r"(?:\.amp)+\.html$", re.IGNORECASE)
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = "/?%:@!$'()*+,;=-._~"


def _prepare(url: str | None, base: str | None) -> str | None:
    """Trim like a browser does (outer whitespace/controls, inner tab/CR/LF) and resolve."""
    if not url:
        return None
    url = _STRIP_INSIDE.sub(
        "",
        url.strip(
            "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
            "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18"
            "\x19\x1a\x1b\x1c\x1d\x1e\x1f \t\n\r"
        ),
    )
    if not url:
        return None
    if base:
        try:
            url = urljoin(_STRIP_INSIDE.sub("", base.strip()), url)
        except ValueError:
            return None
    return url


def _norm_pct(text: str, safe: str) -> str:
    """Decode percent-escapes of unreserved characters, upper-case the rest, quote the rest."""

    def fix(m: re.Match[str]) -> str:
        char = chr(int(m.group(1), 16))
        return char if char in _UNRESERVED else "%" + m.group(1).upper()

    text = _PCT.sub(fix, _BAD_PCT.sub("%25", text))
    return quote(text, safe=safe)


def _host(parts: SplitResult) -> str | None:
    host = parts.hostname  # lower-cased, brackets and userinfo removed
    if not host:
        return None
    host = host.rstrip(".")
    if ":" in host:  # IPv6 literal
        return f"[{host}]"
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    if not _HOST_CHARS.fullmatch(host):
        return None
    stripped = True
    while stripped:  # "m.amp.example.com" -> "example.com"
        stripped = False
        for prefix in _MOBILE_PREFIXES:
            rest = host[len(prefix) :]
            if host.startswith(prefix) and "." in rest.strip("."):
                host, stripped = rest, True
    return host or None


def _remove_dot_segments(path: str) -> list[str]:
    out: list[str] = []
    for seg in path.split("/")[1:]:
        if seg == "..":
            if out:
                out.pop()
        elif seg != ".":
            out.append(seg)
    return out


def _path(path: str) -> str:
    path = _norm_pct(path or "/", _PATH_SAFE)
    if not path.startswith("/"):
        path = "/" + path
    segments = [s for s in _remove_dot_segments(path) if s.lower() != "amp"]
    result = "/" + "/".join(segments)
    result = _AMP_HTML.sub(".html", result).rstrip("/")
    return result or "/"


def _is_tracking(name: str) -> bool:
    key = unquote_plus(name).strip().lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def _query(query: str) -> str:
    pairs = []
    for pair in query.split("&"):
        if not pair or _is_tracking(pair.split("=", 1)[0]):
            continue
        pairs.append(_norm_pct(pair, _QUERY_SAFE + "="))
    return "&".join(sorted(pairs))


def canonical_url(url: str | None, base: str | None = None) -> str | None:
    """The canonical form of an http(s) URL, or None when there is none (see module doc)."""
    resolved = _prepare(url, base)
    if resolved is None:
        return None
    try:
        parts = urlsplit(resolved)
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS:
            return None
        host = _host(parts)
        port = parts.port
    except ValueError:  # bad port, bad IPv6 literal
        return None
    if host is None:
        return None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, _path(parts.path), _query(parts.query), ""))


def safe_link(url: str | None, base: str | None = None) -> str | None:
    """The link resolved against ``base`` if it is http(s) or mailto, else None.

    Not canonicalised (the publisher's spelling is kept), but characters that are
    unsafe in markup (spaces, quotes, angle brackets, non-ASCII) are percent-encoded.
    """
    resolved = _prepare(url, base)
    if resolved is None:
        return None
    try:
        parts = urlsplit(resolved)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme == "mailto":
        return resolved if parts.path.strip() else None
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    return quote(resolved, safe="/?#[]%:@!$&'()*+,;=-._~")
