"""A raise as the topic of a talk ("on raising money") is no raise; a raise still is."""

from __future__ import annotations

import pytest

from tests.deals._reading import check_reading

CASES = [
    ("Podcast: Fennmoor's CEO on raising money in a downturn", None, []),
    ("Quillbarrow founder talks about raising capital twice in a year", None, []),
    ("Fennmoor raises $40 million in Series B funding", "funding", [("Fennmoor", "target")]),
    ("Quillbarrow is raising money at a $2B valuation", "funding", [("Quillbarrow", "target")]),
]


@pytest.mark.parametrize(("title", "kind", "parties"), CASES)
def test_raise_as_topic(title: str, kind: str | None, parties: list[tuple[str, str]]) -> None:
    check_reading(title, "", kind, parties)
