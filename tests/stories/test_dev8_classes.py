"""The false-merge classes `story_events_dev8.jsonl` showed: one sum from one backer to two
companies on one day, told by a title with no event word ("... gets $2B from Nvidia"), and
two pieces of news that followed one deal (an executive leaving, job cuts). Every report is
written for this file."""

from __future__ import annotations

from aggregator.stories._match import party_conflict, subject, two_sequels
from aggregator.stories._text import features

from .test_events import stories

# --------------------------------------------------------------------------- one backer, two firms


def test_one_sum_from_one_backer_to_two_companies_is_two_stories() -> None:
    assert (
        stories(
            "Zenthos Invests $3 Billion in Quorvik Labs",
            "Zenthos puts $3 billion into Quorvik Labs",
            "Zenthos Invests $3 Billion in Velden Cloud",
            "Velden Cloud gets $3B from Zenthos",
            gap=1.5,
        )
        == 2
    )


def test_one_investment_told_both_ways_is_one_story() -> None:
    assert (
        stories(
            "Zenthos Invests $3 Billion in Velden Cloud",
            "Velden Cloud gets $3B from Zenthos",
            "Zenthos puts $3 billion into Velden Cloud",
            gap=1.5,
        )
        == 1
    )


class _Rare:
    """A window that knows every name as rare."""

    def idf(self, term: str) -> float:
        return 5.0

    def common(self, term: str) -> bool:
        return False

    def frequent(self, term: str) -> bool:
        return False

    def weights(self, feats: object) -> dict[str, float]:
        return {}


def test_a_title_without_an_event_word_still_names_its_other_party() -> None:
    a = features("Zenthos Invests $3 Billion in Quorvik Labs", "")
    b = features("Velden Cloud gets $3B from Zenthos", "")
    evidence = _Rare()
    subjects = (subject(a, evidence), subject(b, evidence))
    assert party_conflict(a, b, subjects, evidence)


def test_other_sums_are_left_to_the_amount_rule() -> None:
    a = features("Zenthos puts $3 billion into Quorvik Labs", "")
    b = features("Velden Cloud gets $5B from Zenthos", "")
    evidence = _Rare()
    subjects = (subject(a, evidence), subject(b, evidence))
    assert not party_conflict(a, b, subjects, evidence)  # (the amount veto tells these)


# --------------------------------------------------------------------------- two sequels of a deal


def test_two_pieces_of_news_after_one_deal_are_two_stories() -> None:
    assert (
        stories(
            ("Quillon CEO leaves Marrow weeks after acquisition", "Ada Reyes departs."),
            "Marrow to cut 200 jobs after Quillon deal",
            gap=30.0,
        )
        == 2
    )


def test_one_sequel_told_two_ways_is_one_story() -> None:
    assert (
        stories(
            "Marrow to cut 200 jobs after Quillon deal",
            "Marrow lays off 200 staff after Quillon acquisition",
            gap=2.0,
        )
        == 1
    )


def test_two_sequels_needs_a_deal_behind_both() -> None:
    a = features("Marrow to cut 200 jobs after Quillon deal", "")
    b = features("Quillon CEO leaves Marrow weeks after acquisition", "")
    c = features("Marrow cuts 200 jobs", "")
    assert two_sequels(a, b)
    assert not two_sequels(a, c)  # (only one tells a deal before it)
    assert not two_sequels(a, a)  # (the same events)
