"""The company gazetteer: canonical names, aliases and kinds, indexed once for fast lookup."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from ..errors import ConfigError
from ..models import NATIVE_SLUG, Party
from ._lexicon import government_country, is_ordinary

TOKEN_RE = re.compile(r"[^\W_](?:[\w.&:'’]*[^\W_])?")
_KINDS = (
    "lab",
    "bigtech",
    "chips",
    "cloud",
    "software",
    "startup",
    "investor",
    "asset-manager",
    "media",
    "other",
)
# Kinds whose companies invest (an asset manager is an investor whose stakes in listed
# companies are portfolio holdings)
INVESTOR_KINDS = frozenset(("investor", "asset-manager"))
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


_NON_SLUG = re.compile(r"[^a-z0-9]+")


# Chinese, Japanese and Korean script: a name with any of it is slugged whole ("ソフトバンクG")
_NATIVE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def slugify(name: str) -> str:
    """Stable lower-case ASCII slug: "Character.AI" -> "character-ai"."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.replace("&", " and ")
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    if _NATIVE_SCRIPT.search(name) or (not slug and any(c.isalpha() for c in name)):
        # a name in another script ("楽天", "하늘로보틱스"): its punycode, one slug per name
        # (not one "company" for all of them)
        coded = name.strip().lower().encode("punycode").decode("ascii")
        slug = NATIVE_SLUG + _NON_SLUG.sub("-", coded).strip("-")
    return slug or "company"


def token_key(token: str) -> str:
    """How one token is compared: lower case, possessive removed ("Amazon's" -> "amazon")."""
    return _raw_key(token).lower()


def _raw_key(token: str) -> str:
    if token[-2:] in ("'s", "’s", "'S", "’S"):
        return token[:-2]
    return token


_MEMO_SIZE = 4096


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(m.group(0) for m in TOKEN_RE.finditer(text))


@dataclass(frozen=True)
class KnownCompany:
    name: str
    kind: str = "other"
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    # Organisations within this one that go by their own name (a subsidiary, a brand, an
    # abbreviation the company uses: "AWS", "Google DeepMind", "TCS"): a party so named
    # keeps that name and shares this company's slug.
    units: tuple[str, ...] = ()

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
    companies: tuple[KnownCompany, ...]
    source: str = "<memory>"
    _fold: Mapping[tuple[str, ...], str] = field(default_factory=dict, repr=False)
    _exact: Mapping[tuple[str, ...], str] = field(default_factory=dict, repr=False)
    _upper: Mapping[tuple[str, ...], str] = field(default_factory=dict, repr=False)
    _kinds: Mapping[str, str] = field(default_factory=dict, repr=False)
    # unit name -> the company it belongs to
    _parents: Mapping[str, str] = field(default_factory=dict, repr=False)
    _longest: int = 1
    # First tokens of every key of ``_fold`` / ``_exact`` / ``_upper``: a position whose token
    # starts no key is skipped without building any tuple.
    _firsts: tuple[frozenset[str], frozenset[str], frozenset[str]] = (
        frozenset(),
        frozenset(),
        frozenset(),
    )
    # Memo of ``canonical`` and ``slug`` (pure functions of the name): the same names recur
    # in every feed. Bounded: cleared when full. Not part of equality or the repr.
    _memo: dict[tuple[str, str], str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, companies: tuple[KnownCompany, ...], source: str = "<memory>") -> Gazetteer:
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
            for unit in company.units:
                if _tokens(unit):
                    fold.setdefault(tuple(token_key(t) for t in _tokens(unit)), unit)
        longest = max((len(k) for k in (*fold, *exact)), default=1)
        parents = {u: c.name for c in companies for u in c.units}
        kinds = {c.name: c.kind for c in companies} | {
            u: c.kind for c in companies for u in c.units
        }
        firsts = tuple(frozenset(k[0] for k in keys) for keys in (fold, exact, upper))
        return cls(
            companies,
            source,
            MappingProxyType(fold),
            MappingProxyType(exact),
            MappingProxyType(upper),
            MappingProxyType(kinds),
            MappingProxyType(parents),
            longest,
            (firsts[0], firsts[1], firsts[2]),
        )

    def lookup(self, tokens: tuple[str, ...], caps: bool = False) -> str | None:
        """The name a reader is shown for a token sequence (the company's, or its unit's as
        the text names it), or None."""
        if tokens:  # every key starts with one of ``_firsts``
            first = _raw_key(tokens[0])
            if not (
                first.lower() in self._firsts[0]
                or first in self._firsts[1]
                or (caps and first.upper() in self._firsts[2])
            ):
                return None
        hit = self._fold.get(tuple(token_key(t) for t in tokens))
        if hit is None:
            raw = tuple(_raw_key(t) for t in tokens)
            hit = self._exact.get(raw)
            if hit is None and caps:
                hit = self._upper.get(tuple(t.upper() for t in raw))
        return hit

    def find(self, text: str, caps: bool = False) -> list[Mention]:
        """Known companies in ``text``, longest alias first, left to right, each named as
        ``lookup`` names it."""
        spans = [(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(text)]
        raw = [_raw_key(s[2]) for s in spans]
        folded = [r.lower() for r in raw]
        upper = [r.upper() for r in raw] if caps else raw
        first_fold, first_exact, first_upper = self._firsts
        found: list[Mention] = []
        i, count = 0, len(spans)
        while i < count:
            if not (
                folded[i] in first_fold
                or raw[i] in first_exact
                or (caps and upper[i] in first_upper)
            ):
                i += 1  # no key starts with this token: same as no lookup hit
                continue
            for n in range(min(self._longest, count - i), 0, -1):
                name = self._hit(folded, raw, upper, i, n, caps)
                if name is not None:
                    found.append(Mention(spans[i][0], spans[i + n - 1][1], name))
                    i += n
                    break
            else:
                i += 1
        return found

    def _hit(
        self, folded: list[str], raw: list[str], upper: list[str], i: int, n: int, caps: bool
    ) -> str | None:
        """``lookup`` over pre-computed token keys (same order of tables)."""
        hit = self._fold.get(tuple(folded[i : i + n]))
        if hit is None:
            hit = self._exact.get(tuple(raw[i : i + n]))
            if hit is None and caps:
                hit = self._upper.get(tuple(upper[i : i + n]))
        return hit

    def _remember(self, key: tuple[str, str], value: str) -> str:
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = value
        return value

    def canonical(self, name: str) -> str:
        """The gazetteer name for ``name`` (any alias), else the cleaned name itself."""
        hit = self._memo.get(("c", name))
        return hit if hit is not None else self._remember(("c", name), self._canonical(name))

    def _canonical(self, name: str) -> str:
        cleaned = _LEGAL_SUFFIX.sub("", name.strip()).strip(" ,.&")  # "Perrin & Co." -> "Perrin"
        for candidate in (name.strip(), cleaned):
            hit = self.lookup(_tokens(candidate), caps=candidate.isupper())
            if hit is not None:
                return self._parents.get(hit, hit)
        if " " not in cleaned and is_ordinary(cleaned.lower()):
            return name.strip()  # "News Corp", "Thrive Holdings": the ending is the name's
        return cleaned or name.strip()

    def kind(self, name: str) -> str | None:
        return self._kinds.get(name)

    def slug(self, name: str) -> str:
        """The party slug for ``name``: a known company's canonical slug, otherwise the slug
        of the name without generic endings (AI, Labs, Technologies, Inc, Ltd, ...)."""
        hit = self._memo.get(("s", name))
        return hit if hit is not None else self._remember(("s", name), self._slug(name))

    def _slug(self, name: str) -> str:
        canonical = self.canonical(name)
        country = government_country(canonical)
        if country is not None:  # "Australian Government" = "Government of Australia"
            return "government-of-" + slugify(country)
        if canonical in self._kinds:
            return slugify(canonical)
        core = _SLUG_SUFFIX.sub("", canonical).strip(" ,.")
        if not core or not _tokens(core):
            return slugify(canonical)
        return slugify(self.canonical(core))


def _company(item: Any, where: str) -> KnownCompany:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise ConfigError("each company needs a 'name' string", file=where, key="companies")
    unknown = set(item) - {"name", "aliases", "exact", "units", "kind"}
    if unknown:
        raise ConfigError(
            f"unknown keys {sorted(unknown)} for {item['name']!r}", file=where, key="companies"
        )
    kind = item.get("kind", "other")
    if kind not in _KINDS:
        raise ConfigError(
            f"{item['name']!r}: kind must be one of {', '.join(_KINDS)}", file=where, key="kind"
        )
    lists = []
    for key in ("aliases", "exact", "units"):
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(
                f"{item['name']!r}: {key} must be a list of strings", file=where, key=key
            )
        lists.append(tuple(str(v) for v in value))
    return KnownCompany(item["name"], kind, lists[0], lists[1], lists[2])


# libyaml's safe loader where PyYAML was built with it: the same values as
# ``yaml.safe_load``, read in a tenth of the time (the shipped file is read by every
# process that reads deals: about 0.5 s of CPU in pure Python)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_gazetteer(text: str, where: str = "<memory>") -> Gazetteer:
    """Build a gazetteer from YAML text (``companies:`` list)."""
    try:
        data = yaml.load(text, Loader=_LOADER)
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
