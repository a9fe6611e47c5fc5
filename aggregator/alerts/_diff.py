"""Material changes of a deal's facts: amount, status, type, a new party.

Everything else a story's deal carries (the evidence phrase, the rule that read it, the
qualifier's wording, the primary source) may change whenever another outlet joins or the
text is read again; none of that is news, so none of it is compared.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from ..models import Deal, FactChange, Money

UNKNOWN = "unknown"


def _amount_key(money: Money | None) -> str | None:
    """Equal for the same sum however it was written ("$4B", "4 billion dollars")."""
    if money is None:
        return None
    if money.usd is not None:
        return f"USD {money.usd:.3g}"
    return f"{money.currency} {money.value:.3g}"


@dataclass(frozen=True)
class FactState:
    """The material facts of a deal, as last alerted (or published)."""

    type: str
    status: str | None = None
    amount: str | None = None  # as shown ("up to $4B"); None: unknown
    amount_key: str | None = None  # compared (see ``_amount_key``)
    parties: dict[str, str] = field(default_factory=dict)  # slug -> "Name (role)"

    @classmethod
    def of(cls, deal: Deal, money_text: Callable[[Money], str]) -> FactState:
        parties: dict[str, str] = {}
        for party in deal.parties:
            parties.setdefault(party.slug, f"{party.name} ({party.role})")
        return cls(
            type=deal.type,
            status=deal.status,
            amount=money_text(deal.amount) if deal.amount is not None else None,
            amount_key=_amount_key(deal.amount),
            parties=parties,
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "type": self.type,
                "status": self.status,
                "amount": self.amount,
                "amount_key": self.amount_key,
                "parties": self.parties,
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> FactState:
        data = json.loads(text)
        return cls(
            type=data["type"],
            status=data.get("status"),
            amount=data.get("amount"),
            amount_key=data.get("amount_key"),
            parties=dict(data.get("parties") or {}),
        )

    def after(self, now: FactState) -> FactState:
        """The state to remember once ``now`` was alerted: a fact that became unknown keeps
        its last known value, and parties are never forgotten (so a fact that flickers out
        and back, as outlets come and go, does not alert twice)."""
        return FactState(
            type=now.type,
            status=now.status or self.status,
            amount=now.amount if now.amount_key else self.amount,
            amount_key=now.amount_key or self.amount_key,
            parties={**self.parties, **now.parties},
        )


def alert_changes(last: FactState, now: FactState) -> tuple[FactChange, ...]:
    """What changed materially from the last alerted state to ``now``: the type; a status or
    an amount that is known now and differs (a fact becoming unknown is no news); a party
    not named before."""
    changes: list[FactChange] = []
    if now.type != last.type:
        changes.append(FactChange("type", last.type, now.type))
    if now.amount_key is not None and now.amount_key != last.amount_key:
        changes.append(FactChange("amount", last.amount or UNKNOWN, now.amount or UNKNOWN))
    if now.status is not None and now.status != last.status:
        changes.append(FactChange("status", last.status or UNKNOWN, now.status))
    changes += [
        FactChange("party", "", label)
        for slug, label in now.parties.items()
        if slug not in last.parties
    ]
    return tuple(changes)


def corrections(old: FactState, new: FactState) -> tuple[FactChange, ...]:
    """The corrections of a published deal: a fact known before and known now, different
    (a fact first learnt is not a correction); the type; a new party."""
    return tuple(
        c for c in alert_changes(old, new) if c.field in ("type", "party") or c.old != UNKNOWN
    )
