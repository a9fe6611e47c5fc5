"""The check the table-driven deal tests share: a story read as the given deal type with
exactly the given (party, role) pairs, names compared by gazetteer slug; None means no deal."""

from __future__ import annotations

from collections.abc import Iterable

from aggregator.deals import classify, load_gazetteer
from aggregator.models import Deal

GAZ = load_gazetteer()


def check_reading(
    title: str,
    summary: str,
    kind: str | None,
    parties: Iterable[tuple[str, str]],
    publisher: str | None = None,
) -> None:
    deal = classify(title, summary, gazetteer=GAZ, publisher=publisher)
    if kind is None:
        assert deal is None, (title, deal)
        return
    assert deal is not None and deal.type == kind, (title, deal)
    assert {(GAZ.slug(p.name), p.role) for p in deal.parties} == {
        (GAZ.slug(n), r) for n, r in parties
    }, (title, deal.parties)


def roles(deal: Deal) -> set[tuple[str, str]]:
    """The (name, role) pairs of a deal's parties, names as the reader wrote them."""
    return {(p.name, p.role) for p in deal.parties}
