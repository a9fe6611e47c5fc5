"""Alerts and corrections of an update cycle (glue of the pipeline layer: it uses the alerts
and deals stages, the store and the webhook sender).

:meth:`Alerting.record` runs inside the write transaction that saved story facts, on the
stories whose facts changed: it records corrections of published deals, and for each alert
rule that matches a story, an alert when the story first matches or its facts changed
materially since the rule last alerted, with one outbox row per webhook target. So a story
change and its alerts are committed together or not at all.

:func:`deliver_due` sends the outbox rows whose time has come and records each outcome:
delivered (2xx), retried later with exponential backoff and jitter, or failed (a permanent
refusal, or ``alert_delivery.max_attempts`` attempts).
"""

from __future__ import annotations

import logging
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import astuple, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from .. import alerts, deals
from ..fetch import SendOptions, WebhookRequest, WebhookSender
from ..models import AlertEvent, AlertFacts, AlertRule, Deal, DeliveryResult, FactChange, Settings
from ..store import Store

log = logging.getLogger(__name__)

DELIVERY_BATCH = 200  # deliveries sent per cycle at most


@dataclass(frozen=True)
class AlertCounts:
    """What a step did with alerts: fired, corrections recorded, deliveries by outcome."""

    fired: int = 0
    corrections: int = 0
    delivered: int = 0
    retried: int = 0
    failed: int = 0
    dropped: int = 0

    def __add__(self, other: AlertCounts) -> AlertCounts:
        return AlertCounts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


@dataclass(frozen=True)
class Alerting:
    rules: tuple[AlertRule, ...]
    gazetteer: Any
    slugs: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings) -> Alerting:
        return cls(settings.alerts, deals.load_gazetteer())

    def slug(self, name: str) -> str:
        if name not in self.slugs:
            self.slugs[name] = self.gazetteer.slug(name)
        return self.slugs[name]

    def record(
        self,
        store: Store,
        previous: Mapping[int, Deal | None],
        now: datetime,
        *,
        quiet: bool = False,
    ) -> AlertCounts:
        """Inside the caller's write: ``previous`` maps each story whose facts changed to
        its former deal; the alerts fired and corrections recorded. ``quiet`` (a
        recomputation of every story's facts, not news): what was alerted is brought up to
        date without alerting, and no correction is recorded."""
        if quiet and not self.rules:
            return AlertCounts()
        # without rules only corrections are looked for: stories that had a deal before
        ids = (
            sorted(previous)
            if self.rules
            else sorted(i for i, deal in previous.items() if deal is not None)
        )
        if not ids:
            return AlertCounts()
        rows = store.alert_facts(ids)
        corrections = 0
        if not quiet:
            fixes = _corrections(rows, previous)
            store.add_corrections(fixes, now)
            corrections = len(fixes)
        fired = self._alerts(store, rows, now, quiet) if self.rules else 0
        return AlertCounts(fired=fired, corrections=corrections)

    def _alerts(
        self,
        store: Store,
        rows: Sequence[AlertFacts],
        now: datetime,
        quiet: bool,
    ) -> int:
        """Record the alerts the rules fire on these stories; how many fired."""
        fired = 0
        states = store.alert_states([r.id for r in rows if r.deal is not None])
        saved: list[tuple[str, int, int, str]] = []
        for row in rows:
            deal = row.deal
            if deal is None:
                continue
            facts = alerts.FactState.of(deal, deals.format_money)
            for rule in self.rules:
                if not alerts.matches(rule, deal, row.tags, self.slug):
                    continue
                state = states.get((rule.name, row.id))
                if state is None and quiet:
                    continue  # first matched by a new reading, not by news: later
                last = alerts.FactState.from_json(state[1]) if state is not None else None
                changes = alerts.alert_changes(last, facts) if last is not None else ()
                if last is not None and not changes:
                    continue
                seq = state[0] if state is not None else 0
                remembered = last.after(facts) if last is not None else facts
                if not quiet:
                    seq += 1
                    store.add_alert(
                        _event(rule, row, deal, seq, changes, now),
                        [t.key for t in rule.webhooks],
                        now,
                    )
                    fired += 1
                saved.append((rule.name, row.id, seq, remembered.to_json()))
        store.save_alert_states(saved)
        return fired


def _corrections(
    rows: Sequence[AlertFacts],
    previous: Mapping[int, Deal | None],
) -> list[tuple[int, tuple[FactChange, ...]]]:
    out = []
    for row in rows:
        old, new = previous.get(row.id), row.deal
        if old is None or new is None:
            continue
        changes = alerts.corrections(
            alerts.FactState.of(old, deals.format_money),
            alerts.FactState.of(new, deals.format_money),
        )
        if changes:
            out.append((row.id, changes))
    return out


def _event(
    rule: AlertRule,
    row: AlertFacts,
    deal: Deal,
    seq: int,
    changes: tuple[FactChange, ...],
    now: datetime,
) -> AlertEvent:
    return AlertEvent(
        id=0,
        rule=rule.name,
        story_id=row.id,
        seq=seq,
        kind="changed" if changes else "new",
        changes=changes,
        deal=deal,
        title=row.title,
        link=row.link,
        outlet=row.outlet,
        outlet_feed=row.feed_url,
        story_uri=row.uri,
        fired_at=now,
    )


# --------------------------------------------------------------------------- delivery


def sender_for(settings: Settings) -> WebhookSender:
    d = settings.alert_delivery
    return WebhookSender(
        SendOptions(
            timeout=d.timeout,
            connect_timeout=min(d.timeout, settings.connect_timeout),
            max_response_bytes=d.max_response_bytes,
            concurrency=d.concurrency,
            allow_private_networks=settings.allow_private_networks,
        )
    )


def backoff(attempts: int, settings: Settings, rng: random.Random) -> float:
    """Seconds before the next attempt after ``attempts`` failed ones: doubling from
    ``retry_base`` up to ``retry_max``, the second half of it random (jitter), so receivers
    coming back are not hit by every sender at once."""
    d = settings.alert_delivery
    delay: float = min(d.retry_max, d.retry_base * 2 ** max(0, attempts - 1))
    return delay / 2 + rng.uniform(0, delay / 2)


def deliver_due(
    settings: Settings,
    store: Store,
    sender: WebhookSender | None,
    now: datetime,
    rng: random.Random,
) -> AlertCounts:
    """Send the deliveries that are due and record what became of each (``sender``: None
    makes one from the settings when there is something to send); how many of each."""
    due = store.due_deliveries(now, DELIVERY_BATCH)
    if not due:
        return AlertCounts()
    outcomes: Counter[str] = Counter()
    targets = {(r.name, t.key): t for r in settings.alerts for t in r.webhooks}
    requests: list[WebhookRequest] = []
    for delivery in due:
        target = targets.get((delivery.event.rule, delivery.target))
        if target is None:
            store.record_delivery(
                DeliveryResult(delivery.id, ok=False, error="webhook no longer configured"),
                "dropped",
                None,
                now,
            )
            outcomes["dropped"] += 1
            continue
        message = alerts.payload(delivery.event, target, deals.format_deal_line)
        requests.append(WebhookRequest(delivery.id, target.url, message.body, message.headers))
    if requests:
        attempts = {d.id: d.attempts for d in due}
        for result in (sender or sender_for(settings)).send_many_sync(requests):
            outcomes[
                _record(settings, store, result, attempts[result.delivery_id] + 1, now, rng)
            ] += 1
    return AlertCounts(
        delivered=outcomes["delivered"],
        retried=outcomes["retried"],
        failed=outcomes["failed"],
        dropped=outcomes["dropped"],
    )


def _record(
    settings: Settings,
    store: Store,
    result: DeliveryResult,
    attempts: int,
    now: datetime,
    rng: random.Random,
) -> str:
    """Record one delivery's outcome: "delivered", "failed" or "retried"."""
    if result.ok:
        store.record_delivery(result, "delivered", None, now)
        return "delivered"
    if result.permanent or attempts >= settings.alert_delivery.max_attempts:
        store.record_delivery(result, "failed", None, now)
        log.warning(
            "alert delivery %d failed for good after %d attempts: %s",
            result.delivery_id,
            attempts,
            result.error,
        )
        return "failed"
    later = now + timedelta(seconds=backoff(attempts, settings, rng))
    if result.retry_after is not None:
        later = max(later, result.retry_after)
    store.record_delivery(result, "pending", later, now)
    log.info(
        "alert delivery %d: %s; retry at %s",
        result.delivery_id,
        result.error,
        later.isoformat(),
    )
    return "retried"
