"""Tuning knobs of the story clusterer (defaults measured in bench/stories.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoryOptions:
    """How eagerly items join a story.

    window_days: items further apart in publication time never join; older items are evicted.
    threshold: similarity (0..1) at or above which a new item joins an existing story.
    merge_threshold: a second story matching the item at or above this is reported for merging.
    min_shared_terms: informative terms (not stop/generic words) two items must share.
    support: how many best-matching items of a story combine into its score.
    max_postings: terms found in more window items than this do not propose candidates.
    idf_prior: pseudo-count of items added to the window size in the rarity weight.
    story_merge_threshold: cosine of two stories' mean term vectors (the joined story with
        the new item) at or above which they are reported for merging.
    """

    window_days: float = 3.0
    threshold: float = 0.4
    merge_threshold: float = 0.7
    min_shared_terms: int = 2
    support: int = 3
    max_postings: int = 200
    idf_prior: float = 50.0
    story_merge_threshold: float = 0.35

    def __post_init__(self) -> None:
        if self.window_days <= 0:
            raise ValueError("window_days must be positive")
        if not all(
            0.0 < x <= 1.0
            for x in (self.threshold, self.merge_threshold, self.story_merge_threshold)
        ):
            raise ValueError("thresholds must be in (0, 1]")
        if min(self.min_shared_terms, self.support, self.max_postings) < 1 or self.idf_prior < 1:
            raise ValueError("min_shared_terms, support, max_postings, idf_prior must be >= 1")
