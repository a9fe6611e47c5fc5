"""Finding the story a new item belongs to: exact keys first, then indexed similarity."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from aggregator.models import EventFacts, StoryDecision
from aggregator.stories._event import (
    EVENT_SCORE,
    SAME_EVENT_HOURS,
    describe,
    other_buyers,
    other_rounds,
    party_keys,
    relation,
)
from aggregator.stories._index import Slot, Window, holders
from aggregator.stories._match import (
    ANCHOR_SCORE,
    NAME_HOURS,
    NAME_SCORE,
    POLICY_HOURS,
    PairScore,
    companies_of,
    other_title_party,
    party_conflict,
    rare_name,
    regions_of,
    repeat_conflict,
    same_names,
    same_policy,
    same_subject_event,
    score_pair,
    stage_conflict,
    subject,
    veto,
    word_term,
)
from aggregator.stories._options import StoryOptions
from aggregator.stories._products import same_product
from aggregator.stories._text import (
    AMOUNT_WEIGHT,
    COMPANY_WORDS,
    GENERIC_WEIGHT,
    POLICY,
    Features,
    stem,
)


def global_guid(guid: str | None) -> str | None:
    """GUIDs that can identify an article across feeds (not "123" or "post-7")."""
    if not guid:
        return None
    guid = guid.strip()
    if "://" in guid or guid.startswith(("tag:", "urn:")):
        return guid
    if len(guid) >= 16 and not guid.isdigit():
        return guid
    return None


def exact(
    window: Window,
    entry_id: int,
    url: str | None,
    guid: str | None,
) -> StoryDecision | None:
    """Same canonical URL, then same GUID, as an item already in the window."""
    for rule, table, key in (
        ("same-url", window.urls, url),
        ("same-guid", window.guids, global_guid(guid)),
    ):
        if not key or key not in table:
            continue
        slots = [window.slots[e] for e in holders(table[key])]
        stories = sorted({s.story_id for s in slots})
        first = min((s for s in slots if s.story_id == stories[0]), key=lambda s: s.entry_id)
        return StoryDecision(
            entry_id=entry_id,
            story_id=stories[0],
            rule=rule,
            score=1.0,
            matched_entry_id=first.entry_id,
            merge_story_ids=tuple(stories[1:]),
        )
    return None


def candidates(
    window: Window, feats: Features, time: float, options: StoryOptions
) -> list[tuple[Slot, int]]:
    """Window items within the time span that share a rare term and enough informative ones.

    Only rare terms are looked up and counted: those in at most 2 % of the window (never
    fewer than 20, never more than ``max_postings`` items).
    """
    span = options.window_days * 86400.0
    limit = min(options.max_postings, window.rare_limit)
    informative = [
        t
        for t, w in feats.terms.items()
        if w > GENERIC_WEIGHT and window.postings.get(t, 0) <= limit
    ]
    counts: Counter[int] = Counter()
    slots, strong = window.slots, window.strong
    for term in informative:  # items where the term is informative too (counted in C)
        counts.update(strong.get(term, ()))
    least = options.min_shared_terms
    hits = [(slots[e], count) for e, count in counts.items() if count >= least]
    return [(slot, count) for slot, count in hits if abs(slot.time - time) <= span]


class _Cached:
    """The window's evidence, memoised for one decision."""

    def __init__(self, window: Window) -> None:
        self.window = window
        self.rarity: dict[str, float] = {}
        self.subjects: dict[int, str | None] = {}
        self.widespread: dict[str, bool] = {}
        self.vectors: dict[int, tuple[Features, dict[str, float]]] = {}

    def idf(self, term: str) -> float:
        value = self.rarity.get(term)
        if value is None:
            value = self.rarity[term] = self.window.idf(term)
        return value

    def common(self, term: str) -> bool:
        return self.window.common(term)

    def frequent(self, term: str) -> bool:
        value = self.widespread.get(term)
        if value is None:
            value = self.widespread[term] = self.window.frequent(term)
        return value

    def weights(self, feats: Features) -> dict[str, float]:
        """The item's rarity-weighted terms (memoised: the new item meets many others)."""
        key = id(feats)
        known = self.vectors.get(key)
        if known is None or known[0] is not feats:
            rarity, idf = self.rarity, self.window.idf
            vector = {}
            for term, weight in feats.terms.items():
                value = rarity.get(term)
                if value is None:
                    value = rarity[term] = idf(term)
                vector[term] = weight * value
            known = self.vectors[key] = (feats, vector)
        return known[1]

    def subject(self, slot: Slot) -> str | None:
        if slot.entry_id not in self.subjects:
            self.subjects[slot.entry_id] = subject(slot.features, self)
        return self.subjects[slot.entry_id]


@dataclass(frozen=True)
class Report:
    """Who sent the new item and what its deal reading says. ``update``: its title says it
    updates an earlier post ("UPDATE:", "(updated)")."""

    feed: str = ""
    facts: EventFacts | None = None
    update: bool = False


PARTY_POSTINGS = 50  # a party named by more items of the window proposes no candidates


def _party_candidates(
    window: Window, facts: EventFacts | None, time: float, limit: int
) -> list[tuple[Slot, int]]:
    """Window items published within ``SAME_EVENT_HOURS`` whose deal reading names one of
    the new item's parties; a party named by more than ``limit`` items of the window
    proposes none (its reports are found by their other words, or by a rarer party)."""
    if facts is None:
        return []
    seen: dict[int, None] = {}
    for party in sorted(facts.parties):  # (a frozenset's order changes per process)
        for key in party_keys(party):
            posted = window.parties.get(key, {})
            if len(posted) <= limit:
                seen.update(posted)
    slots, span = window.slots, SAME_EVENT_HOURS * 3600.0
    return [(slots[e], 0) for e in seen if abs(slots[e].time - time) <= span]


def _name_candidates(
    window: Window,
    feats: Features,
    own: str | None,
    time: float,
    idf: _Cached,
    facts: EventFacts | None,
) -> list[tuple[Slot, int]]:
    """Window items that ``rare_name`` could tie to the new item: within ``NAME_HOURS``,
    about the same subject when that is a rare name (not frequent in the window, not a
    common word), naming the same event classes (or some in common) and a deal reading only
    when the new item has one (cheap tests first: most such items are no candidates)."""
    if own is None or idf.frequent(own) or idf.common(own):
        return []
    slots, span = window.slots, NAME_HOURS * 3600.0
    events, deal = feats.events, facts is not None
    out = []
    for entry_id in window.strong.get(own, ()):
        slot = slots[entry_id]
        if abs(slot.time - time) > span or (slot.facts is not None) != deal:
            continue
        theirs = slot.features.events
        if theirs != events and not theirs & events:
            continue
        if idf.subject(slot) == own:
            out.append((slot, NAME_HIT))
    return out


NAME_HIT = -1  # the count of a candidate found by its subject only
COUNTRY_HOURS = 48.0  # a government's plan, reported with its amount and its country


def _country_candidates(
    window: Window, feats: Features, own: str | None, time: float
) -> list[tuple[Slot, int]]:
    """Window items that name the new item's money amount, within ``COUNTRY_HOURS``, when the
    new item names a country and no company (``_match.score_pair`` decides: "UK to spend
    £2bn on national AI supercomputers" / "Britain unveils 2 billion pound plan for AI
    computing" share the amount and nothing else the words can count)."""
    if own is not None or not feats.amounts or not regions_of(feats) or companies_of(feats):
        return []
    slots, span = window.slots, COUNTRY_HOURS * 3600.0
    out = []
    for term, weight in feats.terms.items():
        if weight < AMOUNT_WEIGHT or not term.startswith("$"):
            continue  # (a title's amount)
        for entry_id in window.strong.get(term, ()):
            slot = slots[entry_id]
            if abs(slot.time - time) <= span:
                out.append((slot, 1))
    return out


def _policy_candidates(window: Window, feats: Features, time: float) -> list[tuple[Slot, int]]:
    """Window items within ``POLICY_HOURS`` that name no company and one of the countries of
    the new item, when it names a policy and no company (``_match.same_policy`` decides: "New
    Delhi mandates labels for deepfakes" / "India orders platforms to label AI-generated
    content" share no rare word but "label"). Such titles are few: the window is scanned."""
    if POLICY not in feats.marks or companies_of(feats):
        return []
    mine = regions_of(feats, parents=False)
    if not mine:
        return []
    span = POLICY_HOURS * 3600.0
    out = []
    for slot in window.slots.values():
        other = slot.features
        if abs(slot.time - time) > span or companies_of(other):
            continue
        if mine & regions_of(other, parents=False):
            out.append((slot, 1))
    return out


def _anonymous(a: Features, b: Features, idf: _Cached, options: StoryOptions) -> str | None:
    """A title that names no company ("An Indian edtech startup is cutting 18% of staff")
    is the named report's story only when the two share ``ANONYMOUS_TERMS`` rare words (not
    counting amounts, rounds and event classes: "A startup raises $100M Series B" is anyone's)
    and score the threshold; otherwise the named one's subject vetoes it."""
    pair = score_pair(a, b, idf, options.min_shared_terms, checked=True)
    # not only the amount, round and event: unless one title is in a script whose names we
    # cannot read ("…公司…完成10亿元B轮融资" names its company, in Chinese)
    unread = _other_script(a) or _other_script(b)
    words = sum(unread or word_term(t) for t in pair.shared)
    if pair.score >= options.threshold and words >= ANONYMOUS_TERMS:
        return None
    return "subject-conflict"


ANONYMOUS_TERMS = 3


def _unnamed_partner(facts: EventFacts | None, other: Features) -> bool:
    """A deal between partners (a partnership, a joint venture, a merger: every partner is
    whom it is about) one of which the other report, which has no deal reading and is a
    launch (it names a launch or a product with a version), does not name at all ("Mosaic
    Retail selects Aria Labs to power its shopping assistant" / "Aria Labs' Sonata 3 is
    here"): the words of a company's other news of the day are close, the event is not.
    Titles in a script whose names we cannot read are exempt."""
    if facts is None or len(facts.principal) < 2 or _other_script(other):
        return False
    if "launch" not in other.events and not any(c.isdigit() for p in other.products for c in p):
        return False  # (a reading's partner can be a misread word: "Multibillion-Dollar")
    return not all(_named(slug, other) for slug in facts.principal)


_FUNDED = frozenset({"funding", "investment"})


def _round_beside_a_pact(
    facts: EventFacts | None, funded: Features, other: Features, evidence: _Cached
) -> bool:
    """A company's round (a funding or investment reading with an amount or a round) and a
    report with no deal reading, naming no investment nor amount, whose title names that
    company with another the round's title does not name ("Halcyon AI raises $90M Series B"
    / "Meridian Health taps Halcyon AI for hospital documentation tools"): a company's other
    news of the week, whose words are close (the round's summary may even name the
    customer), is another event."""
    if facts is None or facts.kind not in _FUNDED or (facts.amount is None and not facts.round):
        return False
    if "invest" in other.events or other.amounts or _other_script(other):
        return False
    if not any(_named(slug, other) for slug in facts.principal):
        return False
    return other_title_party(other, funded, facts.parties, evidence)


def _other_rounds(mine: EventFacts, theirs: EventFacts, feats: Features, other: Features) -> bool:
    """Rounds of two companies (``_event.other_rounds``), neither company named anywhere in
    the other report (a reading can miss a party the words still name)."""
    return (
        other_rounds(mine, theirs)
        and not any(_named(s, other) for s in mine.principal)
        and not any(_named(s, feats) for s in theirs.principal)
    )


def _two_buyers(mine: EventFacts, theirs: EventFacts, feats: Features, other: Features) -> bool:
    """Two acquisitions of one target by other buyers (``_event.other_buyers``), neither
    buyer named anywhere in the other report (a report of the rival bid names both)."""
    a, b = other_buyers(mine, theirs)
    return (
        bool(a and b)
        and not any(_named(s, other) for s in a)
        and not any(_named(s, feats) for s in b)
    )


def _named(slug: str, feats: Features) -> bool:
    """Some word of the party's slug (not a company word such as "labs") is a term of the
    report."""
    terms = feats.terms
    return any(
        stem(word) in terms
        for word in slug.split("-")
        if len(word) > 2 and stem(word) not in COMPANY_WORDS
    ) or any(word in terms for word in slug.split("-"))


def _other_script(feats: Features) -> bool:
    """The title has words of a script without capitals (Chinese, Japanese, Korean)."""
    return any(ord(c) >= 0x2E80 for t in feats.terms for c in t[:1])


def _own_story(window: Window, story: int, report: Report) -> bool:
    """The story already has an item of the new item's feed: an outlet does not "also
    report" its own story (only the same item, by URL or GUID, or its update joins)."""
    return bool(report.feed) and not report.update and window.has_feed(story, report.feed)


BRIDGE = 0.6  # a story merge needs the item to score this share of `threshold` with both
HARD = (
    "event-conflict",
    "stage-conflict",
    "amount-conflict",
    "round-conflict",
    "product-conflict",
    "after-conflict",
)


def ranked(
    window: Window, feats: Features, time: float, options: StoryOptions, report: Report = Report()
) -> list[tuple[float, PairScore, Slot]]:
    """Candidate stories, best first (ties: older story), with their best-matching item."""
    idf = _Cached(window)
    by_story: dict[int, dict[int, tuple[Slot, int]]] = {}
    found = candidates(window, feats, time, options)
    found += _party_candidates(window, report.facts, time, PARTY_POSTINGS)
    own = subject(feats, idf)
    found += _name_candidates(window, feats, own, time, idf, report.facts)
    found += _country_candidates(window, feats, own, time)
    found += _policy_candidates(window, feats, time)
    for slot, count in found:
        by_story.setdefault(slot.story_id, {}).setdefault(slot.entry_id, (slot, count))
    out = []
    for story, hits in by_story.items():
        if _own_story(window, story, report) or window.closed(story):
            continue
        judged = _story_score(window, feats, own, list(hits.values()), idf, options, report, time)
        if judged is not None:
            out.append(judged)
    return sorted(out, key=lambda x: (-x[0], x[2].story_id))


def _story_score(
    window: Window,
    feats: Features,
    own: str | None,
    hits: list[tuple[Slot, int]],
    idf: _Cached,
    options: StoryOptions,
    report: Report = Report(),
    time: float = 0.0,
) -> tuple[float, PairScore, Slot] | None:
    """Score of one story: its best items' scores combined, or its centroid's similarity;
    ``EVENT_SCORE`` when the deal readings say one event (``_event.relation``).

    ``own``: the new item's subject. None when most of its matching items veto the new one
    (different event/amount/round, or facts that say another deal).
    """
    matches: list[tuple[PairScore, Slot]] = []
    hard = conflicts = 0
    event: tuple[PairScore, Slot] | None = None
    mine = report.facts
    for slot, count in hits:
        gap = abs(slot.time - time) / 3600.0
        if mine is not None and slot.facts is not None:
            facts = relation(mine, slot.facts, gap)
            if facts == "facts-conflict" or (
                facts == "same-event" and stage_conflict(feats, slot.features)
            ):
                hard += 1  # (one deal read in both, told at two stages: two events)
                continue
            if facts is None and _other_rounds(mine, slot.facts, feats, slot.features):
                hard += 1  # two companies' rounds, neither report naming the other's
                continue
            if facts == "same-event" and _two_buyers(mine, slot.facts, feats, slot.features):
                hard += 1  # one target, two buyers neither report names: two deals
                continue
            if facts == "same-event" and party_conflict(
                feats, slot.features, (own, idf.subject(slot)), idf
            ):
                conflicts += 1  # the words name other parties: the readings missed them
                continue
            if facts == "same-event":
                if event is None or slot.entry_id < event[1].entry_id:  # (in any order)
                    event = (
                        PairScore(EVENT_SCORE, describe(mine, slot.facts, gap), rule="same-event"),
                        slot,
                    )
                continue
        if count == 0:
            continue  # found only through a party the facts do not tie
        if (mine is None) != (slot.facts is None) and _unnamed_partner(
            *((mine, slot.features) if mine is not None else (slot.facts, feats))
        ):
            conflicts += 1  # the deal's other company is not in the report that has no deal
            continue
        if (mine is None) != (slot.facts is None) and _round_beside_a_pact(
            *(
                (mine, feats, slot.features)
                if mine is not None
                else (slot.facts, slot.features, feats)
            ),
            idf,
        ):
            conflicts += 1  # a company's round is not its deal with another company
            continue
        theirs = idf.subject(slot)
        why = veto(feats, slot.features, idf, (own, theirs))
        if why == "subject-conflict" and (own is None or theirs is None):
            why = _anonymous(feats, slot.features, idf, options)
        if why is None and repeat_conflict(feats, slot.features, (time - slot.time) / 3600.0):
            why = "after-conflict"  # the next incident, not the last one
        if why in HARD:
            hard += 1
        elif why is not None:
            conflicts += 1
        else:
            pair = score_pair(feats, slot.features, idf, options.min_shared_terms, checked=True)
            region = same_policy(feats, slot.features, gap)
            if pair.score < ANCHOR_SCORE and region is not None:
                pair = PairScore(ANCHOR_SCORE, (*pair.shared, region), rule="same-policy")
            elif pair.score < ANCHOR_SCORE and same_subject_event(
                feats, slot.features, (own, idf.subject(slot)), gap, idf
            ):
                pair = PairScore(ANCHOR_SCORE, pair.shared or (own or "",), rule="same-subject")
            elif pair.score < ANCHOR_SCORE and same_product(feats, slot.features, gap):
                pair = PairScore(ANCHOR_SCORE, feats.products[:1], rule="same-product")
            elif pair.score < ANCHOR_SCORE and same_names(feats, slot.features, idf, gap):
                pair = PairScore(ANCHOR_SCORE, pair.shared, rule="same-names")
            elif (
                pair.score < options.threshold  # (a burst's pair, whatever its words)
                and own is not None
                and rare_name(feats, slot.features, (own, theirs), idf, gap, (mine, slot.facts))
            ):
                score = max(pair.score, NAME_SCORE)
                pair = PairScore(score, pair.shared or (own,), rule="rare-name")
            if pair.score > 0:
                matches.append((pair, slot))
    ok = len(hits) - hard - conflicts
    named = sum(p.rule == "rare-name" for p, _ in matches)
    if hard and hard >= ok - named:
        return None  # (a shared name alone outvotes no report that says two events)
    if event is None and not any(count for _, count in hits):
        return None  # found through a party only, and the facts say nothing
    if event is not None and not hard:
        best_text = max((p.score for p, _ in matches), default=0.0)
        if best_text < EVENT_SCORE:
            return EVENT_SCORE, event[0], event[1]
    matches.sort(key=lambda ps: (-ps[0].score, ps[1].entry_id))
    miss = 1.0
    for pair, _ in matches[: options.support]:
        miss *= 1.0 - pair.score
    best = 1.0 - miss
    if conflicts < ok and any(count != NAME_HIT for _, count in hits):  # (else no 2 terms)
        story = hits[0][0].story_id
        cen, shared = _centroid(window, feats, story, idf)
        if len(shared) >= options.min_shared_terms and cen > best:
            best = cen
            if not matches:
                anchor = max(hits, key=lambda sc: (sc[1], -sc[0].entry_id))[0]
                matches.append((PairScore(cen, shared), anchor))
    if not matches:
        return None
    return round(best, 6), matches[0][0], matches[0][1]


def _centroid(
    window: Window,
    feats: Features,
    story: int,
    evidence: _Cached,
) -> tuple[float, tuple[str, ...]]:
    """Cosine between the item and the story's mean term vector, and the shared terms."""
    idf = evidence.idf
    profile = window.profiles[story]
    size = len(window.members[story])
    item = evidence.weights(feats)
    dot = 0.0
    shared = []
    for term, weight in item.items():
        mass = profile.get(term)
        if mass:
            dot += weight * mass / size * idf(term)
            if feats.terms[term] > GENERIC_WEIGHT and not evidence.frequent(term):
                shared.append(term)
    if not dot:
        return 0.0, ()
    norm_story = math.sqrt(sum((m / size * idf(t)) ** 2 for t, m in profile.items()))
    norm_item = math.sqrt(sum(w * w for w in item.values()))
    shared.sort(key=lambda t: -item[t])
    return dot / (norm_item * norm_story), tuple(shared)


def similar(
    window: Window,
    entry_id: int,
    feats: Features,
    time: float,
    options: StoryOptions,
    report: Report = Report(),
) -> StoryDecision:
    """Join the most similar story at or above the threshold, else start a new one."""
    ranking = ranked(window, feats, time, options, report)
    burst = _burst(ranking, options)
    if burst is not None:
        ranking = burst
    if not ranking or ranking[0][0] < options.threshold:
        score, shared = (ranking[0][0], ranking[0][1].shared) if ranking else (0.0, ())
        return StoryDecision(
            entry_id=entry_id, story_id=None, rule="new", score=score, shared_terms=shared
        )
    score, pair, slot = ranking[0]
    bar = max(options.threshold, options.merge_threshold)
    feeds = window.feeds_of(slot.story_id) | ({report.feed} if report.feed else set())
    merges = tuple(
        sorted(
            _close_stories(
                window,
                feats,
                slot.story_id,
                [
                    (x >= bar, s.story_id, p.rule == "same-event")
                    for x, p, s in ranking[1:]
                    if x >= BRIDGE * options.threshold and not (window.feeds_of(s.story_id) & feeds)
                ],  # an outlet's own stories stay
                options.story_merge_threshold,
            )
        )
    )
    return StoryDecision(
        entry_id=entry_id,
        story_id=slot.story_id,
        rule=pair.rule,
        score=score,
        shared_terms=pair.shared,
        matched_entry_id=slot.entry_id,
        merge_story_ids=merges,
    )


def _burst(
    ranking: list[tuple[float, PairScore, Slot]], options: StoryOptions
) -> list[tuple[float, PairScore, Slot]] | None:
    """Several stories that the new item meets only by their rare name (``rare-name``, each
    below the threshold) are one burst about it: the item joins the oldest of them with
    their combined score, and the others are offered for merging ("Titanfall review …",
    "Titanfall players on PC …", "Titanfall doesn't display at 1080p …"). None when no
    story reaches the threshold that way, or one reaches it alone."""
    if not ranking or ranking[0][0] >= options.threshold:
        return None
    named = [r for r in ranking if r[1].rule == "rare-name"][: options.support]
    if len(named) < 2:
        return None
    miss = 1.0
    for score, _, _ in named:
        miss *= 1.0 - score
    if 1.0 - miss < options.threshold:
        return None
    first = min(named, key=lambda r: r[2].story_id)
    rest = [(max(r[0], options.merge_threshold), r[1], r[2]) for r in named if r is not first]
    return [(round(1.0 - miss, 6), first[1], first[2]), *rest]


def _vector(profile: dict[str, float], size: int, idf: _Cached) -> dict[str, float]:
    """A story's mean term vector (rarity-weighted), unit length."""
    vec = {t: m / size * idf.idf(t) for t, m in profile.items()}
    norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
    return {t: w / norm for t, w in vec.items()}


def _close_stories(
    window: Window, feats: Features, story: int, others: list[tuple[bool, int, bool]], cut: float
) -> set[int]:
    """Stories to merge into ``story`` once the item joins it.

    ``others``: (the item alone matches it at the merge threshold, story id, the deal
    readings said so). A story merges when so, or when its mean term vector is within ``cut``
    (cosine) of ``story`` plus the item; never when any of its items vetoes the new one on
    event type, amount or round, or when the two stories' first items veto each other
    (subjects included) and the deal readings did not tie them.
    """
    if not others:
        return set()
    idf = _Cached(window)
    profile = dict(window.profiles[story])
    for term, weight in feats.terms.items():
        profile[term] = profile.get(term, 0.0) + weight
    mine = _vector(profile, len(window.members[story]) + 1, idf)
    head = _first(window, story)
    out = set()
    for strong, other, by_facts in others:
        theirs = _vector(window.profiles[other], len(window.members[other]), idf)
        small, big = (theirs, mine) if len(mine) > len(theirs) else (mine, theirs)
        if not strong and sum(w * big.get(t, 0.0) for t, w in small.items()) < cut:
            continue
        first = _first(window, other)
        if not by_facts and veto(head.features, first.features, idf) is not None:
            continue
        if abs(head.time - first.time) > SAME_EVENT_HOURS * 3600.0:
            continue  # (stories begun days apart are two events, whatever joins them later)
        if _readings_conflict(window, story, other) or _partner_launch(window, story, other):
            continue
        members = (window.slots[e].features for e in window.members[other])
        if not any(veto(feats, m, idf) in HARD for m in members):
            out.add(other)
    return out


def _partner_launch(window: Window, story: int, other: int) -> bool:
    """One story's oldest deal reading is a deal between partners and the other story's
    oldest item, without a reading, a launch that does not name every partner (as
    ``_unnamed_partner`` keeps such a report from joining: "Mosaic Retail selects Aria Labs
    to power its shopping assistant" / "Introducing Sonata 3")."""
    for deal, launch in ((story, other), (other, story)):
        read, first = _first_read(window, deal), _first(window, launch)
        if (
            read is not None
            and first.facts is None
            and _unnamed_partner(read.facts, first.features)
        ):
            return True
    return False


def _readings_conflict(window: Window, story: int, other: int) -> bool:
    """The oldest deal readings of the two stories say two events (``facts-conflict``: a
    company's round and its purchase of another two days later, a report of the round
    between them joining the first)."""
    mine, theirs = _first_read(window, story), _first_read(window, other)
    if mine is None or theirs is None or mine.facts is None or theirs.facts is None:
        return False
    gap = abs(mine.time - theirs.time) / 3600.0
    return relation(mine.facts, theirs.facts, gap) == "facts-conflict"


def _first_read(window: Window, story: int) -> Slot | None:
    """The story's oldest item in the window that has a deal reading."""
    read = (window.slots[e] for e in window.members[story])
    return min(
        (s for s in read if s.facts is not None), key=lambda s: (s.time, s.entry_id), default=None
    )


def _first(window: Window, story: int) -> Slot:
    """The story's oldest item still in the window."""
    return min((window.slots[e] for e in window.members[story]), key=lambda s: (s.time, s.entry_id))
