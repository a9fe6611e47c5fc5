"""Canonical URLs and safe links: example tables plus hypothesis properties."""

from __future__ import annotations

from random import Random
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aggregator.parse._urls import TRACKING_PARAMS, TRACKING_PREFIXES, canonical_url, safe_link


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # case, default port, userinfo, fragment
        ("HTTP://User:Pw@Example.COM:80/Path?b=2#frag", "http://example.com/Path?b=2"),
        ("https://example.com:443/", "https://example.com/"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("https://example.com.:443/x", "https://example.com/x"),
        # tracking parameters, sorting, blank values kept
        (
            "https://ex.com/a?utm_source=rss&utm_MEDIUM=x&fbclid=1&gclid=2&id=7&a=",
            "https://ex.com/a?a=&id=7",
        ),
        (
            "https://ex.com/a?ref=hn&ref_src=twsrc&mc_cid=1&mc_eid=2&smid=nytcore&z=1&y=2",
            "https://ex.com/a?y=2&z=1",
        ),
        ("https://ex.com/a?UTM_Campaign=x", "https://ex.com/a"),
        # trailing slash, root path, empty path
        ("https://ex.com/a/b/", "https://ex.com/a/b"),
        ("https://ex.com", "https://ex.com/"),
        ("https://ex.com/", "https://ex.com/"),
        # AMP and mobile variants
        ("https://ex.com/2024/story/amp/", "https://ex.com/2024/story"),
        ("https://ex.com/amp/2024/story", "https://ex.com/2024/story"),
        ("https://ex.com/2024/story?amp", "https://ex.com/2024/story"),
        ("https://ex.com/2024/story?amp=1&p=2", "https://ex.com/2024/story?p=2"),
        ("https://ex.com/2024/story.amp.html", "https://ex.com/2024/story.html"),
        ("https://amp.ex.com/story", "https://ex.com/story"),
        ("https://m.ex.com/story", "https://ex.com/story"),
        ("https://mobile.ex.com/story", "https://ex.com/story"),
        ("https://m.com/story", "https://m.com/story"),  # "m." is the whole name
        ("https://amp.dev/story", "https://amp.dev/story"),
        # dot segments, percent-encoding, IDNA
        ("https://ex.com/a/./b/../c", "https://ex.com/a/c"),
        ("https://ex.com/%7euser/%2fx/%e2%82%ac", "https://ex.com/~user/%2Fx/%E2%82%AC"),
        ("https://ex.com/caf\u00e9 menu", "https://ex.com/caf%C3%A9%20menu"),
        ("https://B\u00fccher.DE/x", "https://xn--bcher-kva.de/x"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        # only http(s) survive
        ("ftp://ex.com/x", None),
        ("javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("mailto:a@ex.com", None),
        ("data:text/html,<b>x</b>", None),
        ("", None),
        (None, None),
        ("https://", None),
        ("https://ex.com:99999/x", None),
        ("https://bad host/x", None),
    ],
)
def test_canonical_url_examples(url: str | None, expected: str | None) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("/a/b/", "https://Ex.com/feed.xml", "https://ex.com/a/b"),
        ("story?utm_source=x", "https://ex.com/news/feed", "https://ex.com/news/story"),
        ("//cdn.ex.com/x", "https://ex.com/", "https://cdn.ex.com/x"),
        ("  https://ex.com/x \n", None, "https://ex.com/x"),
        ("/relative", None, None),
        ("/relative", "file:///etc/feed.xml", None),
    ],
)
def test_canonical_url_resolves_against_base(
    url: str, base: str | None, expected: str | None
) -> None:
    assert canonical_url(url, base) == expected


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("/a b", "https://ex.com/feed", "https://ex.com/a%20b"),
        (
            "https://Ex.com/x?utm_source=y#f",
            None,
            "https://Ex.com/x?utm_source=y#f",
        ),  # not canonical
        ("mailto:news@ex.com", None, "mailto:news@ex.com"),
        ("mailto:", None, None),
        ("javascript:alert(1)", "https://ex.com/", None),
        ("  JaVa\tScRiPt:alert(1)", "https://ex.com/", None),
        ("\x01javascript:alert(1)", None, None),
        ("data:text/html;base64,PHNjcmlwdD4=", None, None),
        ("vbscript:msgbox", None, None),
        ('x"><script>', "https://ex.com/", "https://ex.com/x%22%3E%3Cscript%3E"),
        ("/rel", None, None),
        (None, "https://ex.com/", None),
    ],
)
def test_safe_link(url: str | None, base: str | None, expected: str | None) -> None:
    assert safe_link(url, base) == expected


# --------------------------------------------------------------------------- properties

_label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)
_host = st.lists(_label, min_size=1, max_size=4).map(".".join).map(lambda h: h + ".com")
_segment = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="?#"),
    max_size=8,
)
_name = st.one_of(
    st.sampled_from(sorted(TRACKING_PARAMS)),
    st.sampled_from(TRACKING_PREFIXES).flatmap(
        lambda p: st.from_regex(rf"{p}[a-z]{{0,6}}", fullmatch=True)
    ),
    st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True),
)
_param = st.tuples(_name, st.from_regex(r"[A-Za-z0-9._~-]{0,6}", fullmatch=True))


@st.composite
def _urls(draw: st.DrawFn) -> tuple[str, str, list[tuple[str, str]], str]:
    scheme = draw(st.sampled_from(["http", "https"]))
    host = draw(_host)
    path = "/" + "/".join(draw(st.lists(_segment, max_size=4)))
    params = draw(st.lists(_param, max_size=6))
    return scheme, host, params, path


def _build(scheme: str, host: str, params: list[tuple[str, str]], path: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params)
    return f"{scheme}://{host}{path}" + (f"?{query}" if query else "") + "#frag"


@settings(max_examples=150, deadline=None)
@given(_urls())
def test_idempotent_on_structured_urls(parts: tuple[str, str, list[tuple[str, str]], str]) -> None:
    once = canonical_url(_build(*parts))
    assert once is not None
    assert canonical_url(once) == once


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40), st.sampled_from(["http://", "https://", "HTTPS://x.com/", ""]))
def test_idempotent_on_arbitrary_text(tail: str, head: str) -> None:
    once = canonical_url(head + tail)
    if once is not None:
        assert canonical_url(once) == once


@settings(max_examples=100, deadline=None)
@given(_urls())
def test_tracking_params_never_survive(parts: tuple[str, str, list[tuple[str, str]], str]) -> None:
    result = canonical_url(_build(*parts))
    assert result is not None
    query = urlsplit(result).query
    names = [pair.split("=", 1)[0].lower() for pair in query.split("&") if pair]
    assert not [n for n in names if n in TRACKING_PARAMS or n.startswith(TRACKING_PREFIXES)]


@settings(max_examples=100, deadline=None)
@given(_urls(), st.randoms(use_true_random=False))
def test_scheme_and_host_are_case_insensitive(
    parts: tuple[str, str, list[tuple[str, str]], str],
    rnd: Random,
) -> None:
    scheme, host, params, path = parts
    flip = "".join(c.upper() if rnd.random() < 0.5 else c for c in scheme + host)
    mixed_scheme, mixed_host = flip[: len(scheme)], flip[len(scheme) :]
    assert canonical_url(_build(mixed_scheme, mixed_host, params, path)) == canonical_url(
        _build(scheme, host, params, path)
    )


@settings(max_examples=100, deadline=None)
@given(_urls(), st.randoms(use_true_random=False))
def test_parameter_order_does_not_matter(
    parts: tuple[str, str, list[tuple[str, str]], str],
    rnd: Random,
) -> None:
    scheme, host, params, path = parts
    shuffled = list(params)
    rnd.shuffle(shuffled)
    assert canonical_url(_build(scheme, host, shuffled, path)) == canonical_url(
        _build(scheme, host, params, path)
    )
