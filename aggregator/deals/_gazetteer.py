"""The company gazetteer: canonical names, aliases and kinds, indexed once for fast lookup."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from ..errors import ConfigError
from ..models import Party

TOKEN_RE = re.compile(r"[^\W_](?:[\w.&:'’]*[^\W_])?")
_KINDS = ("lab", "bigtech", "chips", "cloud", "software", "startup", "investor", "media", "other")
_LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|PLC|plc|AG|SA|SpA|NV|GmbH|Holdings?)\.?)+$",
    re.IGNORECASE,
)
# Generic endings dropped from the *slug* of a company the gazetteer does not know, so that
# "Lumora", "Lumora AI", "Lumora Labs", "Lumora Technologies" and "Lumora.ai" share one slug.
_SLUG_SUFFIX = re.compile(
    r"(?:(?:,?\s+(?:AI|A\.I\.?|Labs?|Technologies|Inc|Corp|Corporation|Co|Ltd|Limited|LLC|PLC|AG|SA"
    r"|SAS|SpA|NV|BV|GmbH|Holdings?)\.?)|\.ai)+$",
    re.IGNORECASE,
)


def slugify(name: str) -> str:
    """Stable lower-case ASCII slug: "Character.AI" -> "character-ai"."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "company"


def token_key(token: str) -> str:
    """How one token is compared: lower case, possessive removed ("Amazon's" -> "amazon")."""
    return _raw_key(token).lower()


def _raw_key(token: str) -> str:
    if token[-2:] in ("'s", "’s", "'S", "’S"):
        return token[:-2]
    return token


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(m.group(0) for m in TOKEN_RE.finditer(text))


@dataclass(frozen=True)
class Company:
    name: str
    kind: str = "other"
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return slugify(self.name)


@dataclass(frozen=True)
class Mention:
    """A company name found in a text (``known``: it came from the gazetteer)."""

    start: int
    end: int
    name: str
    known: bool = True


@dataclass(frozen=True)
class Gazetteer:
    companies: tuple[Company, ...]
    source: str = "<memory>"
    _fold: Mapping[tuple[str, ...], str] = field(default_factory=dict, repr=False)
    _exact: Mapping[tuple[str, ...], str] = field(default_factory=dict, repr=False)
    _upper: Mapping[tuple[str, ...], str] = field(default_factory=dict, repr=False)
    _kinds: Mapping[str, str] = field(default_factory=dict, repr=False)
    _longest: int = 1

    @classmethod
    def build(cls, companies: tuple[Company, ...], source: str = "<memory>") -> Gazetteer:
        fold: dict[tuple[str, ...], str] = {}
        exact: dict[tuple[str, ...], str] = {}
        upper: dict[tuple[str, ...], str] = {}
        for company in companies:
            for alias in (company.name, *company.aliases):
                if alias not in company.exact and _tokens(alias):
                    fold.setdefault(tuple(token_key(t) for t in _tokens(alias)), company.name)
            for alias in company.exact:
                raw = tuple(_raw_key(t) for t in _tokens(alias))
                exact.setdefault(raw, company.name)
                upper.setdefault(tuple(t.upper() for t in raw), company.name)
        longest = max((len(k) for k in (*fold, *exact)), default=1)
        kinds = {c.name: c.kind for c in companies}
        return cls(companies, source, MappingProxyType(fold), MappingProxyType(exact),
                   MappingProxyType(upper), MappingProxyType(kinds), longest)

    def lookup(self, tokens: tuple[str, ...], caps: bool = False) -> str | None:
        """The canonical name for a token sequence, or None."""
        hit = self._fold.get(tuple(token_key(t) for t in tokens))
        if hit is None:
            raw = tuple(_raw_key(t) for t in tokens)
            hit = self._exact.get(raw)
            if hit is None and caps:
                hit = self._upper.get(tuple(t.upper() for t in raw))
        return hit

    def find(self, text: str, caps: bool = False) -> list[Mention]:
        """Known companies in ``text``, longest alias first, left to right."""
        spans = [(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(text)]
        words = tuple(s[2] for s in spans)
        found: list[Mention] = []
        i = 0
        while i < len(spans):
            for n in range(min(self._longest, len(spans) - i), 0, -1):
                name = self.lookup(words[i:i + n], caps)
                if name is not None:
                    found.append(Mention(spans[i][0], spans[i + n - 1][1], name))
                    i += n
                    break
            else:
                i += 1
        return found

    def canonical(self, name: str) -> str:
        """The gazetteer name for ``name`` (any alias), else the cleaned name itself."""
        cleaned = _LEGAL_SUFFIX.sub("", name.strip()).strip(" ,.")
        for candidate in (name.strip(), cleaned):
            hit = self.lookup(_tokens(candidate), caps=candidate.isupper())
            if hit is not None:
                return hit
        return cleaned or name.strip()

    def kind(self, name: str) -> str | None:
        return self._kinds.get(name)

    def slug(self, name: str) -> str:
        """The party slug for ``name``: a known company's canonical slug, otherwise the slug
        of the name without generic endings (AI, Labs, Technologies, Inc, Ltd, ...)."""
        canonical = self.canonical(name)
        if canonical in self._kinds:
            return slugify(canonical)
        core = _SLUG_SUFFIX.sub("", canonical).strip(" ,.")
        if not core or not _tokens(core):
            return slugify(canonical)
        return slugify(self.canonical(core))


def _company(item: Any, where: str) -> Company:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise ConfigError("each company needs a 'name' string", file=where, key="companies")
    unknown = set(item) - {"name", "aliases", "exact", "kind"}
    if unknown:
        raise ConfigError(f"unknown keys {sorted(unknown)} for {item['name']!r}", file=where,
                          key="companies")
    kind = item.get("kind", "other")
    if kind not in _KINDS:
        raise ConfigError(f"{item['name']!r}: kind must be one of {', '.join(_KINDS)}",
                          file=where, key="kind")
    lists = []
    for key in ("aliases", "exact"):
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{item['name']!r}: {key} must be a list of strings", file=where,
                              key=key)
        lists.append(tuple(str(v) for v in value))
    return Company(item["name"], kind, lists[0], lists[1])


def parse_gazetteer(text: str, where: str = "<memory>") -> Gazetteer:
    """Build a gazetteer from YAML text (``companies:`` list)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", file=where) from exc
    if not isinstance(data, dict) or not isinstance(data.get("companies"), list):
        raise ConfigError("expected a mapping with a 'companies' list", file=where)
    return Gazetteer.build(tuple(_company(c, where) for c in data["companies"]), where)


@lru_cache(maxsize=1)
def _shipped() -> Gazetteer:
    ref = resources.files("aggregator").joinpath("data/companies.yaml")
    return parse_gazetteer(ref.read_text(encoding="utf-8"), "aggregator/data/companies.yaml")


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load a gazetteer file (default: the shipped ``aggregator/data/companies.yaml``)."""
    if path is None:
        return _shipped()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read gazetteer: {exc}", file=str(path)) from exc
    return parse_gazetteer(text, str(path))


def same_company(a: Party, b: Party, gazetteer: Gazetteer | None = None) -> bool:
    """Whether two parties name the same company: equal slugs, or names that normalise to
    the same slug ("Lumora" and "Lumora AI"; "AWS" and "Amazon")."""
    gz = gazetteer if gazetteer is not None else load_gazetteer()
    return a.slug == b.slug or gz.slug(a.name) == gz.slug(b.name)
