"""The frame every HTML page shares: head (feeds, link previews, JSON-LD), style, navigation.

Plain HTML5 from escaped strings, one inline stylesheet and no script: the server's CSP
(``default-src 'none'``) allows no script and no external request, and none is needed.
The JSON-LD block is data (``application/ld+json``), never run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from aggregator.models import Settings

from ._text import clean

STYLE = """:root{color-scheme:light dark;--fg:#1a1a1a;--bg:#fff;--muted:#555;--line:#d8d8d8;
--link:#1a4f8b;--bar:#2b6cb0;--card:#f4f6f8}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--bg:#14161a;--muted:#a3a9b1;
--line:#343940;--link:#8fbaff;--bar:#5b9be8;--card:#1d2026}}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:84rem;padding:0 1rem 2rem;
color:var(--fg);background:var(--bg);overflow-wrap:break-word}
h1{font-size:1.6rem;margin:.4rem 0}h2{font-size:1.25rem;margin:2rem 0 .5rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}a{color:var(--link)}small,.m{color:var(--muted)}
nav ul,.tools{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
.tools{font-size:.9rem}.tools li>b{font-weight:600}
.tools a[aria-current]{font-weight:700;color:var(--fg);text-decoration:none}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.35rem .45rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600}.n{text-align:right;white-space:nowrap}.d,time{white-space:nowrap}
td.t{min-width:14rem;overflow-wrap:anywhere}.k{white-space:nowrap}table.feeds{width:auto}
table.feeds td{padding-right:1.5rem}
.months .bar{width:45%}.months .bar span{display:block;height:.9rem;background:var(--bar);
min-width:2px;margin-top:.2rem}
dl.profile{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.2rem;margin:.5rem 0;
padding:.8rem 1rem;background:var(--card);border-radius:6px}
dl.profile dt{font-weight:600}dl.profile dd{margin:0}
ol.timeline{list-style:none;margin:0;padding:0 0 0 1rem;border-left:2px solid var(--line)}
ol.timeline li{padding:.2rem 0 .6rem}
ol.stories{list-style:none;margin:0;padding:0}ol.stories li{padding:.25rem 0;
border-bottom:1px solid var(--line)}
@media (max-width:52rem){
table.cards,table.cards tbody{display:block}table.cards thead{display:none}
table.cards tr{display:flex;flex-wrap:wrap;gap:0 .7rem;padding:.5rem 0;
border-bottom:1px solid var(--line)}
table.cards td{display:block;border:0;padding:0;text-align:left;min-width:0}
table.cards td.t{order:-1;flex-basis:100%;font-weight:600}
table.cards td[data-l]:not(:empty)::before{content:attr(data-l) ": ";color:var(--muted)}
.months .bar{width:30%}dl.profile{grid-template-columns:1fr}dl.profile dd{margin-bottom:.4rem}}
@media (max-width:30rem){.months .bar,.months thead th:last-child{display:none}
.months .n{white-space:normal}}
@media print{nav,.tools,.skip{display:none}body{max-width:none;color:#000;background:#fff;
font-size:10pt}a{color:#000;text-decoration:none}table{font-size:8.5pt}
tr,li{break-inside:avoid}h2{break-after:avoid}dl.profile{background:none;padding:0}
.months .bar span{background:#555;print-color-adjust:exact}}"""


@dataclass(frozen=True)
class PageMeta:
    """What the head of one page says about it."""

    path: str  # where it is in the site: "companies/x.html"
    title: str  # <title> and og:title
    description: str  # meta description and og:description
    feeds: tuple[tuple[str, str, str], ...] = ()  # (type, title, href) alternates
    json_ld: dict[str, Any] | None = None  # schema.org data about the page

    @property
    def root(self) -> str:
        """The way from this page to the site's root ("" or "../")."""
        return "../" * self.path.count("/")


def _attr(value: str) -> str:
    return escape(value, quote=True)


def json_ld(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` block; "<", ">" and "&" are written as
    \\u escapes, so no text in it can end the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>\n'


def head(settings: Settings, meta: PageMeta) -> str:
    """``<!DOCTYPE html>`` to ``</head>``: feeds for autodiscovery, OpenGraph, JSON-LD."""
    site = clean(settings.site.title) or "AI deals"
    base = settings.site.base_url
    root = meta.root
    links = "".join(
        f'<link rel="alternate" type="{_attr(kind)}" title="{_attr(name)}" href="{_attr(href)}">\n'
        for kind, name, href in meta.feeds
    )
    url = base + ("" if meta.path == "index.html" else meta.path)
    title, text = clean(meta.title), clean(meta.description)
    og = [
        ("og:type", "website"),
        ("og:site_name", site),
        ("og:title", title),
        ("og:description", text),
        ("og:url", url),
        ("og:image", base + "icon.png"),
        ("og:image:width", "512"),
        ("og:image:height", "512"),
        ("og:locale", "en"),
    ]
    tags = "".join(f'<meta property="{k}" content="{_attr(v)}">\n' for k, v in og)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{escape(title)}</title>\n"
        f'<meta name="description" content="{_attr(text)}">\n'
        f'<link rel="canonical" href="{_attr(url)}">\n'
        f'<link rel="icon" href="{root}favicon.ico">\n'
        f'<link rel="icon" type="image/png" sizes="64x64" href="{root}icon-64.png">\n'
        f'{links}{tags}<meta name="twitter:card" content="summary">\n'
        f"{json_ld(meta.json_ld) if meta.json_ld else ''}"
        f"<style>{STYLE}</style>\n</head>\n"
    )


NAV = (
    ("index.html", "Latest deals"),
    ("index.html#largest", "Largest"),
    ("index.html#months", "By month"),
    ("index.html#companies", "Companies"),
    ("index.html#investors", "Investors"),
    ("index.html#feeds", "Feeds and exports"),
)


def nav(root: str, here: str = "") -> str:
    current = ' aria-current="page"'
    items = "".join(
        f'<li><a href="{_attr(root + href)}"{current if href == here else ""}>'
        f"{escape(name)}</a></li>"
        for href, name in NAV
    )
    return f'<nav aria-label="Site"><ul>{items}</ul></nav>\n'


def document(settings: Settings, meta: PageMeta, header: str, main: str) -> bytes:
    """The whole page: head, a header (after the site's name and navigation), main."""
    site = clean(settings.site.title) or "AI deals"
    root = meta.root
    here = meta.path if meta.path == "index.html" else ""
    top = (
        ""
        if meta.path == "index.html"
        else f'<p><a href="{root}index.html">{escape(site)}</a></p>\n'
    )
    body = (
        f"<body>\n<header>\n{top}{header}{nav(root, here)}</header>\n<main>\n{main}"
        "</main>\n</body>\n</html>\n"
    )
    return (head(settings, meta) + body).encode("utf-8")


def item_list(name: str, url: str, items: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """schema.org ItemList of ``items`` (each a NewsArticle or Organization), in order."""
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": name,
        "url": url,
        "numberOfItems": len(items),
        "itemListElement": [
            {"@type": "ListItem", "position": n, "item": item} for n, item in enumerate(items, 1)
        ],
    }
