"""alerts: which deal stories an alert rule is about, and what changed since it last fired.

Pure functions over the shared dataclasses (no SQL, no HTTP): the pipeline's glue
(``aggregator.cycle``) reads and writes the state, ``aggregator.fetch`` sends.

Public API::

    matches(rule, deal, tags, slug) -> bool
    FactState.of(deal, money_text) / .to_json() / FactState.from_json(text)
    alert_changes(last, now) -> tuple[FactChange, ...]    # material changes since last alert
    corrections(old, new) -> tuple[FactChange, ...]       # a published deal corrected
    payload(event, target, ...) -> Message                # the webhook request of one format
"""

from __future__ import annotations

from ._diff import FactState, alert_changes, corrections
from ._match import matches
from ._payload import Message, payload, signature, verify

__all__ = [
    "FactState",
    "Message",
    "alert_changes",
    "corrections",
    "matches",
    "payload",
    "signature",
    "verify",
]
