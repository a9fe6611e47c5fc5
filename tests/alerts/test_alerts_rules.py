"""The pure parts of alerts: rule matching, material changes, webhook messages."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from aggregator import deals
from aggregator.alerts import FactState, alert_changes, corrections, matches, payload, verify
from aggregator.models import AlertEvent, AlertRule, Deal, FactChange, Money, Party, WebhookTarget

WHEN = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def deal(
    usd: float | None = 3e9,
    status: str | None = "announced",
    kind: str = "funding",
    *parties: tuple[str, str],
) -> Deal:
    amount = Money(usd, "USD", usd=usd) if usd is not None else None
    named = parties or (("Anthropic", "target"), ("Amazon", "investor"))
    return Deal(
        kind,
        status,
        amount,
        parties=tuple(Party(n, r, n.lower().replace(" ", "-")) for n, r in named),
    )


def state(d: Deal) -> FactState:
    return FactState.of(d, deals.format_money)


def slug(name: str) -> str:
    return name.lower().replace(" ", "-")


@pytest.mark.parametrize(
    ("rule", "hit"),
    [
        (AlertRule("a"), True),
        (AlertRule("a", types=("acquisition",)), False),
        (AlertRule("a", min_usd=1e9), True),
        (AlertRule("a", min_usd=5e9), False),
        (AlertRule("a", companies=("Anthropic",)), True),
        (AlertRule("a", companies=("Meta",)), False),
        (AlertRule("a", investors=("Amazon",)), True),
        (AlertRule("a", investors=("Anthropic",)), False),  # a party, but not an investor
        (AlertRule("a", statuses=("completed",)), False),
        (AlertRule("a", tags=("chips",)), True),
        (AlertRule("a", tags=("policy",)), False),
    ],
)
def test_every_filter_set_must_match(rule: AlertRule, hit: bool) -> None:
    assert matches(rule, deal(), ("chips",), slug) is hit


def test_no_deal_and_unknown_amounts_do_not_match() -> None:
    assert not matches(AlertRule("a"), None, (), slug)
    assert not matches(AlertRule("a", min_usd=1.0), deal(None), (), slug)


def test_only_material_changes_count() -> None:
    base = state(deal())
    assert alert_changes(base, state(deal())) == ()
    same = Deal(
        "funding",
        "announced",
        Money(3e9, "USD", usd=3e9, text="three billion"),
        parties=deal().parties,
        evidence="other words",
        rule="other-rule",
    )
    assert alert_changes(base, state(same)) == ()  # evidence, wording, rule: no news
    assert [c.text for c in alert_changes(base, state(deal(4e9, "completed")))] == [
        "amount $3B → $4B",
        "status announced → completed",
    ]
    assert [c.text for c in alert_changes(base, state(deal(3e9, "announced", "investment")))] == [
        "type funding → investment"
    ]
    more = deal(
        3e9,
        "announced",
        "funding",
        ("Anthropic", "target"),
        ("Amazon", "investor"),
        ("Google", "investor"),
    )
    assert alert_changes(base, state(more)) == (FactChange("party", "", "Google (investor)"),)
    assert FactChange("party", "", "Google (investor)").text == "new party Google (investor)"


def test_a_fact_that_flickers_out_and_back_alerts_once() -> None:
    first = state(deal())
    gone = state(deal(None, None))
    assert alert_changes(first, gone) == ()  # becoming unknown is no news
    remembered = first.after(gone)
    assert alert_changes(remembered, state(deal())) == ()
    assert FactState.from_json(remembered.to_json()) == remembered


def test_a_fact_first_learnt_alerts_but_is_no_correction() -> None:
    unknown, known = state(deal(None)), state(deal(3e9))
    assert [c.text for c in alert_changes(unknown, known)] == ["amount unknown → $3B"]
    assert corrections(unknown, known) == ()
    assert [c.text for c in corrections(known, state(deal(4e9)))] == ["amount $3B → $4B"]


def event(kind: str = "changed") -> AlertEvent:
    changes = (FactChange("amount", "$3B", "$4B"),) if kind == "changed" else ()
    return AlertEvent(
        7,
        "big-rounds",
        12,
        2 if changes else 1,
        kind,
        changes,
        deal(4e9),
        "Amazon <invests> $4B in Anthropic & co",
        "https://news.example/a",
        "Wire",
        "https://news.example/rss",
        "tag:x.example,2026:story/12",
        WHEN,
    )


def test_the_json_message_is_signed_and_keyed() -> None:
    target = WebhookTarget("https://hooks.example/x", "json", "s3cret")
    message = payload(event(), target, deals.format_deal_line)
    body = json.loads(message.body)
    assert message.headers["Idempotency-Key"] == "tag:x.example,2026:alert/big-rounds/12/2"
    assert verify("s3cret", message.body, message.headers["X-Aggregator-Signature"])
    assert not verify("other", message.body, message.headers["X-Aggregator-Signature"])
    assert body["headline"] == "Changed: amount $3B → $4B" and body["seq"] == 2
    assert body["deal"]["parties"][1] == {"name": "Amazon", "role": "investor", "slug": "amazon"}
    assert body["fired_at"] == "2026-11-24T12:00:00Z"
    again = payload(event(), target, deals.format_deal_line)
    assert again == message  # a retry sends the same bytes
    plain = payload(event(), WebhookTarget("https://hooks.example/x"), deals.format_deal_line)
    assert "X-Aggregator-Signature" not in plain.headers


def test_slack_discord_and_ntfy_messages() -> None:
    line = deals.format_deal_line
    slack = json.loads(
        payload(event("new"), WebhookTarget("https://h.example/", "slack"), line).body
    )
    assert slack["text"] == (
        "*New deal* · Funding · Amazon → Anthropic · $4B\n"
        "<https://news.example/a|Amazon &lt;invests&gt; $4B in Anthropic "
        "&amp; co>"
    )
    discord = json.loads(
        payload(event(), WebhookTarget("https://h.example/", "discord"), line).body
    )
    assert discord["allowed_mentions"] == {"parse": []}
    assert discord["content"].startswith("**Changed: amount $3B → $4B** · Funding")
    assert "(<https://news.example/a>)" in discord["content"]
    ntfy = payload(event(), WebhookTarget("https://ntfy.example/deals", "ntfy"), line)
    assert ntfy.body.decode().startswith("Changed: amount $3B → $4B · Funding")
    assert ntfy.headers["Click"] == "https://news.example/a"
    assert ntfy.headers["Title"] == "Deal alert (big-rounds)"
    assert all(value.isascii() for value in ntfy.headers.values())


def test_a_non_ascii_ntfy_title_is_an_encoded_word() -> None:
    from aggregator.alerts._payload import _header_text

    encoded = _header_text("Déal €")
    assert encoded.startswith("=?UTF-8?B?") and encoded.isascii()
    assert base64.b64decode(encoded[10:-2]).decode() == "Déal €"
