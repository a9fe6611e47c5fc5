"""An in-memory StoryReader for publish tests, plus small builders of stories and deals."""

from __future__ import annotations

import json
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aggregator.models import (
    AlertEvent,
    Company,
    Deal,
    DealExportRow,
    Facets,
    FeedState,
    Money,
    MonthVolume,
    Party,
    PartyDeal,
    Source,
    Story,
    StoryQuery,
)
from aggregator.publish import PublishReport, publish_site
from aggregator.publish._text import rfc3339

from .factories import PUBLISH_BASE, publish_settings

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _parties(deal: Deal | None) -> list[Party]:
    """The parties of a story's deal and of a digest's other deals (``Deal.also``): each is in
    that company's feeds, as in the store."""
    return [p for d in deal.deals() for p in d.parties] if deal is not None else []


def _matches(story: Story, query: StoryQuery) -> bool:
    deal = story.deal
    parties = _parties(deal)
    checks = [
        query.curated is None or story.curated == query.curated,
        query.deal_type is None
        or (deal is not None and any(d.type == query.deal_type for d in deal.deals())),
        query.company is None or any(p.slug == query.company for p in parties),
        query.investor is None
        or any(p.slug == query.investor and p.role == "investor" for p in parties),
        query.tag is None or query.tag in story.tags,
        not query.deals_only or deal is not None,
        query.about is None
        or any(p.slug == query.about for p in parties)
        or query.about in _subjects(story),
    ]
    return all(checks)


def _subjects(story: Story) -> set[str]:
    """The slugs of the known companies its reports' titles name (as the cycle reads them:
    a name starting with a capital letter)."""
    from aggregator.deals import load_gazetteer

    gazetteer = load_gazetteer()
    found = set()
    for title in {story.title, *(s.title for s in story.sources)}:
        for mention in gazetteer.find(title):
            if title[mention.start : mention.start + 1].isupper():
                found.add(gazetteer.slug(mention.name))
    return found


def _version(story: Story) -> str:
    return story.updated.isoformat()


def _usd(deal: Deal | None) -> float | None:
    amount = deal.amount if deal is not None else None
    if amount is None:
        return None
    if amount.usd is not None:
        return amount.usd
    return amount.value if amount.currency.upper() == "USD" else None


def _day(moment: datetime) -> str:
    return rfc3339(moment)[:10]


@dataclass
class FakeReader:
    """Stories kept in a list; ordering and filtering follow the StoryReader contract, and
    it answers every method of it (``tests/publish/test_reader_protocol.py``)."""

    stored: list[Story] = field(default_factory=list)
    tags: tuple[str, ...] = ()
    installation: str = "fake-installation"

    def add(self, *stories: Story) -> None:
        self.stored.extend(stories)

    def replace(self, story: Story) -> None:
        self.stored = [story if s.id == story.id else s for s in self.stored]

    def installation_id(self) -> str:
        return self.installation

    def select_stories(
        self, query: StoryQuery, *, limit: int, offset: int = 0, oldest_first: bool = False
    ) -> Sequence[Story]:
        chosen = sorted(
            (s for s in self.stored if _matches(s, query)),
            key=lambda s: s.id,
            reverse=not oldest_first,
        )
        return chosen[offset : offset + limit]

    def count_stories(self, query: StoryQuery) -> int:
        return sum(1 for s in self.stored if _matches(s, query))

    def feed_generations(self) -> None:
        return None  # no change counts kept: publish reads every head

    def story_versions(self, query: StoryQuery, *, limit: int) -> Sequence[tuple[int, str]]:
        return [(s.id, _version(s)) for s in self.select_stories(query, limit=limit)]

    def head_versions(
        self, query: StoryQuery, *, limit: int, per_source: int, scan: int
    ) -> Sequence[tuple[int, str]]:
        """As the store: reads ``limit`` stories at a time, newest first, until the places
        are taken or ``scan`` stories are read; at most ``per_source`` of one feed."""
        if per_source >= limit:
            return self.story_versions(query, limit=limit)
        chunks = -(-max(scan, limit) // limit)
        newest = list(self.select_stories(query, limit=chunks * limit))
        picked: list[Story] = []
        held: list[Story] = []
        counts: Counter[str] = Counter()
        for start in range(0, len(newest), limit):
            for story in newest[start : start + limit]:
                if counts[story.primary.feed] < per_source and len(picked) < limit:
                    picked.append(story)
                    counts[story.primary.feed] += 1
                else:
                    held.append(story)
            if len(picked) >= limit:
                break
        picked += held[: limit - len(picked)]
        return sorted(((s.id, _version(s)) for s in picked), reverse=True)

    def stories(self, ids: Sequence[int]) -> Sequence[Story]:
        wanted = set(ids)
        return sorted((s for s in self.stored if s.id in wanted), key=lambda s: s.id)

    def story_uri(self, story_id: int) -> str:
        found = next((s.uri for s in self.stored if s.id == story_id), None)
        return found if found is not None else f"tag:aggregator.local,2026:story/{story_id}"

    def brief_stories(self, days: float) -> Sequence[Story]:
        """Curated deal stories within ``days`` of the newest one's news time."""
        deals = [s for s in self.stored if s.deal is not None]
        if not deals:
            return []
        since = max(s.published for s in deals) - timedelta(days=days)
        return sorted(
            (s for s in deals if s.curated and s.published >= since),
            key=lambda s: (s.published, s.id),
        )

    def brief_versions(self, days: float) -> Sequence[tuple[int, str, str]]:
        return [(s.id, _version(s), s.published.isoformat()) for s in self.brief_stories(days)]

    def brief_stories_of(self, ids: Sequence[int]) -> Sequence[Story]:
        return self.stories(ids)

    def facets(self) -> Facets:
        counts: Counter[str] = Counter()
        investing: Counter[str] = Counter()
        names: dict[str, str] = {}
        for story in self.stored:
            parties = _parties(story.deal)
            for slug in {p.slug for p in parties}:
                counts[slug] += 1
            for slug in {p.slug for p in parties if p.role == "investor"}:
                investing[slug] += 1
            for party in parties:
                names[party.slug] = party.name
        companies = tuple(Company(slug, names[slug], n) for slug, n in sorted(counts.items()))
        investors = tuple(Company(slug, names[slug], n) for slug, n in sorted(investing.items()))
        types = tuple(sorted({d.type for s in self.stored if s.deal for d in s.deal.deals()}))
        used = {t for s in self.stored for t in s.tags}
        return Facets(companies, types, tuple(sorted(used | set(self.tags))), investors)

    def deal_volume_by_month(self) -> Sequence[MonthVolume]:
        deals: Counter[str] = Counter()
        usd: defaultdict[str, float] = defaultdict(float)
        for story in self.stored:
            if story.deal is None:
                continue
            month = story.published.strftime("%Y-%m")
            deals[month] += 1
            amount = story.deal.amount
            if amount is not None:
                usd[month] += amount.usd if amount.usd is not None else amount.value
        return [MonthVolume(m, deals[m], usd[m]) for m in sorted(deals)]

    def largest_deals(self, since: datetime, *, limit: int) -> Sequence[tuple[int, str]]:
        sized = [(_usd(s.deal), s) for s in self.stored if s.published >= since]
        ranked = sorted(
            ((usd, s.id, s) for usd, s in sized if usd is not None and usd > 0), reverse=True
        )
        return [(s.id, _version(s)) for _, _, s in ranked[:limit]]

    def deal_facts(self, ids: Sequence[int]) -> Sequence[PartyDeal]:
        wanted = set(ids)
        listed = sorted(
            (s for s in self.stored if s.id in wanted and s.deal is not None),
            key=lambda s: (s.published, s.id),
        )
        return [
            PartyDeal(s.id, s.published, s.deal, s.title, s.primary.link, rfc3339(s.updated))
            for s in listed
            if s.deal is not None
        ]

    def deal_export_days(self) -> Sequence[tuple[str, int]]:
        """Each day's count stands for the store's count of writes: a number that moves
        whenever a deal story of that day changes (a digest of its stories)."""
        days: defaultdict[str, list[str]] = defaultdict(list)
        for row in self.deal_export_rows():
            days[_day(row.announced)].append(repr(row))
        return [(day, zlib.crc32("\n".join(rows).encode())) for day, rows in sorted(days.items())]

    def deal_export_rows(
        self, day: str | None = None, ids: Sequence[int] | None = None
    ) -> Iterable[DealExportRow]:
        wanted = None if ids is None else set(ids)
        listed = sorted(
            (
                s
                for s in self.stored
                if s.deal is not None
                and (day is None or _day(s.published) == day)
                and (wanted is None or s.id in wanted)
            ),
            key=lambda s: (s.published, s.id),
        )
        for story in listed:
            outlets = [story.primary.feed]
            outlets += [s.feed for s in story.sources if s.feed not in outlets]
            row = DealExportRow(
                id=story.id,
                uri=story.uri,
                announced=story.published,
                deal=json.loads(json.dumps(asdict(story.deal))),  # as stored: JSON
                url=story.primary.link,
                outlets=tuple(outlets),
            )
            # a fake story may change without a new ``updated``: its row's digest instead
            yield replace(row, version=str(zlib.crc32(repr(row).encode())))

    def deal_export_versions(self, day: str) -> Sequence[tuple[int, str]]:
        return [(r.id, r.version) for r in self.deal_export_rows(day)]

    def feed_states(self, *, counts: bool = True) -> Sequence[FeedState]:
        return ()  # a fake knows no feeds

    def alert_events(self, rule: str, *, limit: int) -> Sequence[AlertEvent]:
        return ()  # nor alerts


def source(entry_id: int, outlet: str, *, link: str | None = None, when: datetime = T0) -> Source:
    slug = outlet.lower().replace(" ", "-")
    return Source(
        entry_id=entry_id,
        feed=outlet,
        feed_url=f"https://{slug}.example/feed.xml",
        title=f"{outlet} report {entry_id}",
        link=link or f"https://{slug}.example/news/{entry_id}",
        published=when,
        first_seen=when,
    )


def investment(investor: str = "Amazon", target: str = "Anthropic", value: float = 4e9) -> Deal:
    return Deal(
        type="investment",
        status="announced",
        amount=Money(value, "USD", qualifier="up to", usd=value, text="up to $4 billion"),
        round="series-b",
        parties=(
            Party(investor, "investor", investor.lower()),
            Party(target, "target", target.lower()),
        ),
        evidence=f"{investor} will invest up to $4 billion in {target}",
        rule="invest-in",
    )


def story(
    story_id: int,
    *,
    title: str | None = None,
    deal: Deal | None = None,
    outlets: Sequence[str] = ("Wire",),
    curated: bool | None = None,
    tags: tuple[str, ...] = (),
    updated: datetime | None = None,
    summary: str = "A summary of the story.",
) -> Story:
    when = T0 + timedelta(hours=story_id)
    sources = tuple(source(story_id * 10 + i, name, when=when) for i, name in enumerate(outlets))
    return Story(
        id=story_id,
        uri=f"tag:aggregator.local,2026:story/{story_id}",
        title=title or f"Story number {story_id}",
        summary=summary,
        content_html=f"<p>{summary}</p>",
        primary=sources[0],
        sources=sources,
        published=when,
        updated=updated or when,
        deal=deal,
        tags=tags,
        curated=deal is not None if curated is None else curated,
    )


# --------------------------------------------------------------------------- publish helpers

BASE = PUBLISH_BASE


def deal_line(deal: Deal) -> str:
    return f"DEAL {deal.type}"


settings = publish_settings  # (the publish tests' name for it)


def publish(reader: FakeReader, out: Path, **overrides: object) -> PublishReport:
    return publish_site(
        reader, settings=settings(**overrides), out_dir=out, now=T0, deal_line=deal_line
    )


def sample() -> FakeReader:
    """Seven stories, feed_size 3: odd ids are Amazon -> Anthropic deals; 3 has three outlets."""
    reader = FakeReader(tags=("chips",))
    for i in range(1, 8):
        reader.add(
            story(
                i,
                deal=investment() if i % 2 else None,
                outlets=("Wire", "Daily", "Tech News") if i == 3 else ("Wire",),
                tags=("chips",) if i == 5 else (),
            )
        )
    return reader
