"""Alerts through real update cycles: local feeds, a real webhook receiver on 127.0.0.1.

The matrix of the issue: a first match alerts once; an outlet joining the story alerts no
one; a fact change alerts once, saying what changed; a receiver down, then up, gets every
alert once; a process killed mid-delivery loses none (the restart sends the same key); the
signature verifies; a rule edited between cycles.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import yaml

from aggregator.cycle import _pipeline as pipeline
from aggregator.fetch import Fetcher
from aggregator.models import (
    AlertDelivery,
    AlertRule,
    Settings,
    WebhookTarget,
)
from aggregator.runtime.service import fetch_options
from aggregator.store import Store

from .. import factories
from ..conftest import NOW, FeedServer, rss
from ..webhook_receiver import Receiver, receiver  # noqa: F401 (fixture)

SECRET = "s3cret"
ROUND = "Robotics startup Figure raises $675 million"
LINK = "https://a.example/figure"


def settings_for(
    tmp_path: Path,
    server: FeedServer,
    rules: tuple[AlertRule, ...],
    feeds: tuple[str, ...] = ("A",),
    **delivery: float,
) -> Settings:
    return factories.settings(
        tmp_path,
        *(factories.feed(f, server, priority=10 - n) for n, f in enumerate(feeds)),
        alerts=rules,
        alert_delivery=AlertDelivery(**{"timeout": 5.0, **delivery}),
    )


def rule(url: str, **kw: object) -> AlertRule:
    values: dict[str, object] = {
        "types": ("funding",),
        "min_usd": 100e6,
        "webhooks": (WebhookTarget(url, "json", SECRET),),
    }
    values.update(kw)
    return AlertRule("big-rounds", **values)  # type: ignore[arg-type]


def cycle(settings: Settings, store: Store, now: datetime) -> pipeline.RunReport:
    return factories.cycle(settings, store, now, all_feeds=True)


def post(server: FeedServer, feed: str, *items: tuple[str, str]) -> None:
    server.add(f"/{feed}.xml", rss(feed, [{"title": t, "link": link} for t, link in items]))


def bodies(receiver: Receiver) -> list[dict[str, object]]:
    return [json.loads(r.body) for r in receiver.requests]


# --------------------------------------------------------------------------- once per event


def test_a_first_match_alerts_once_and_a_joining_outlet_alerts_no_one(
    tmp_path: Path, feed_server: FeedServer, receiver: Receiver, store: Store
) -> None:
    settings = settings_for(tmp_path, feed_server, (rule(receiver.url()),), feeds=("A", "B"))
    post(feed_server, "A", (ROUND, LINK))
    post(feed_server, "B")
    report = cycle(settings, store, NOW)
    assert (report.alerts.fired, report.alerts.delivered) == (1, 1)
    (body,) = bodies(receiver)
    assert body["kind"] == "new" and body["rule"] == "big-rounds" and body["seq"] == 1
    assert body["story"]["title"] == ROUND and body["story"]["url"] == LINK  # type: ignore[index]
    assert body["deal"]["amount"]["usd"] == 675e6  # type: ignore[index]
    assert receiver.keys() == ["tag:test.example,2026:alert/big-rounds/1/1"]
    assert receiver.signed(SECRET)
    # another outlet joins the story with the same facts: no alert
    post(
        feed_server,
        "B",
        ("Robotics startup Figure raises $675 million for humanoids", "https://b.example/figure"),
    )
    report = cycle(settings, store, NOW + timedelta(hours=1))
    assert report.stories_joined == 1 and report.alerts.fired == 0
    cycle(settings, store, NOW + timedelta(hours=2))
    assert len(receiver.requests) == 1


def test_a_fact_change_alerts_once_saying_what_changed(
    tmp_path: Path, feed_server: FeedServer, receiver: Receiver, store: Store
) -> None:
    settings = settings_for(tmp_path, feed_server, (rule(receiver.url()),))
    post(feed_server, "A", (ROUND, LINK))
    cycle(settings, store, NOW)
    post(feed_server, "A", ("Robotics startup Figure raises $700 million", LINK))  # edited
    report = cycle(settings, store, NOW + timedelta(hours=1))
    assert report.changed_entries == 1 and report.alerts.fired == 1
    cycle(settings, store, NOW + timedelta(hours=2))
    _first, second = bodies(receiver)
    assert second["kind"] == "changed" and second["seq"] == 2
    assert second["headline"] == "Changed: amount $675M → $700M"
    assert second["changes"] == [
        {"field": "amount", "from": "$675M", "to": "$700M", "text": "amount $675M → $700M"}
    ]
    assert receiver.keys()[1].endswith("/big-rounds/1/2") and receiver.signed(SECRET)
    (fix,) = store.corrections_of([1])[1]
    assert [c.text for c in fix.changes] == ["amount $675M → $700M"]


def test_a_deal_below_the_threshold_alerts_no_one(
    tmp_path: Path, feed_server: FeedServer, receiver: Receiver, store: Store
) -> None:
    settings = settings_for(tmp_path, feed_server, (rule(receiver.url(), min_usd=1e9),))
    post(
        feed_server,
        "A",
        (ROUND, LINK),
        ("OpenAI signs a cloud deal with Oracle", "https://a.example/2"),
    )
    assert cycle(settings, store, NOW).alerts.fired == 0
    assert receiver.requests == []


# --------------------------------------------------------------------------- nothing lost


def test_a_receiver_down_then_up_gets_every_alert_once(
    tmp_path: Path, feed_server: FeedServer, receiver: Receiver, store: Store
) -> None:
    settings = settings_for(tmp_path, feed_server, (rule(receiver.url()),))
    receiver.status = 500
    post(
        feed_server,
        "A",
        (ROUND, LINK),
        ("Humanoid maker Apptronik raises $350 million", "https://a.example/2"),
    )
    report = cycle(settings, store, NOW)
    assert (report.alerts.fired, report.alerts.retried) == (2, 2)
    fired = set(receiver.keys())
    minute = NOW
    for _ in range(10):  # ten minutes of cycles, the receiver still down
        minute += timedelta(minutes=1)
        cycle(settings, store, minute)
    assert store.delivery_counts()["pending"] == 2
    tries = len(receiver.requests)
    assert 2 < tries < 2 * 11  # retried with backoff, not on every cycle
    receiver.status = 200
    for _ in range(30):
        minute += timedelta(minutes=1)
        cycle(settings, store, minute)
    assert store.delivery_counts() == {"pending": 0, "delivered": 2, "failed": 0, "dropped": 0}
    ok = [r.headers["idempotency-key"] for r in receiver.requests[tries:]]
    assert sorted(ok) == sorted(fired)  # each alert once after the receiver came back
    assert receiver.signed(SECRET)


def test_a_hanging_receiver_times_out_and_is_retried(
    tmp_path: Path, feed_server: FeedServer, receiver: Receiver, store: Store
) -> None:
    settings = settings_for(tmp_path, feed_server, (rule(receiver.url()),), timeout=0.3)
    receiver.hang = True
    post(feed_server, "A", (ROUND, LINK))
    report = cycle(settings, store, NOW)
    assert report.alerts.retried == 1
    (pending,) = store.deliveries(["pending"])
    assert "no answer within 0.3 s" in (pending.last_error or "")
    receiver.hang = False
    receiver.release.set()
    cycle(settings, store, NOW + timedelta(hours=1))
    assert store.delivery_counts()["delivered"] == 1
    assert len(set(receiver.keys())) == 1


def test_a_permanent_refusal_fails_at_once(
    tmp_path: Path, feed_server: FeedServer, receiver: Receiver, store: Store
) -> None:
    settings = settings_for(tmp_path, feed_server, (rule(receiver.url()),))
    receiver.status = 404
    post(feed_server, "A", (ROUND, LINK))
    assert cycle(settings, store, NOW).alerts.failed == 1
    (failed,) = store.deliveries(["failed"])
    assert failed.attempts == 1 and failed.last_error == "HTTP 404 Not Found"
    cycle(settings, store, NOW + timedelta(hours=1))
    assert len(receiver.requests) == 1


def test_a_private_webhook_is_refused_unless_allowed(
    tmp_path: Path, feed_server: FeedServer, receiver: Receiver, store: Store
) -> None:
    settings = settings_for(tmp_path, feed_server, (rule(receiver.url()),))
    post(feed_server, "A", (ROUND, LINK))
    # feeds are served on 127.0.0.1 too: read them first, then refuse the receiver
    cycle(replace(settings, alerts=()), store, NOW)
    post(feed_server, "A", ("Robotics startup Figure raises $700 million", LINK))
    strict = replace(settings, allow_private_networks=False)  # the feeds' fetcher allows it
    report = pipeline.run_once(
        strict, store, Fetcher(fetch_options(settings)), NOW + timedelta(hours=1), all_feeds=True
    )
    assert report.alerts.fired == 1 and report.alerts.failed == 1
    (failed,) = store.deliveries(["failed"])
    assert "loopback" in (failed.last_error or "") and receiver.requests == []


def test_a_big_answer_is_not_read_whole(
    tmp_path: Path, feed_server: FeedServer, receiver: Receiver, store: Store
) -> None:
    settings = settings_for(tmp_path, feed_server, (rule(receiver.url()),), max_response_bytes=100)
    receiver.answer = b"x" * 5_000_000
    post(feed_server, "A", (ROUND, LINK))
    assert cycle(settings, store, NOW).alerts.delivered == 1


# --------------------------------------------------------------------------- rules edited


def test_a_rule_edited_between_cycles(
    tmp_path: Path, feed_server: FeedServer, receiver: Receiver, store: Store
) -> None:
    strict = settings_for(tmp_path, feed_server, (rule(receiver.url(), min_usd=1e9),))
    post(feed_server, "A", (ROUND, LINK))
    assert cycle(strict, store, NOW).alerts.fired == 0
    # lowered threshold: the rule applies to what happens from now on, not to the history
    loose = settings_for(tmp_path, feed_server, (rule(receiver.url()),))
    assert cycle(loose, store, NOW + timedelta(hours=1)).alerts.fired == 0
    post(feed_server, "A", ("Robotics startup Figure raises $700 million", LINK))
    assert cycle(loose, store, NOW + timedelta(hours=2)).alerts.fired == 1
    assert [b["kind"] for b in bodies(receiver)] == ["new"]
    # the webhook removed while a delivery waits: it is dropped, not sent
    receiver.status = 500
    post(feed_server, "A", ("Robotics startup Figure raises $800 million", LINK))
    cycle(loose, store, NOW + timedelta(hours=3))
    silent = settings_for(tmp_path, feed_server, (rule(receiver.url(), webhooks=()),))
    report = cycle(silent, store, NOW + timedelta(hours=4))
    assert report.alerts.dropped == 1 and len(receiver.requests) == 2
    assert store.delivery_counts()["dropped"] == 1


def test_companies_investors_and_status_filters(
    tmp_path: Path, feed_server: FeedServer, receiver: Receiver, store: Store
) -> None:
    url = receiver.url()
    rules = (
        rule(url, companies=("Figure AI",), min_usd=None),
        replace(rule(url, investors=("Nvidia",), min_usd=None), name="nvidia-backed"),
        replace(rule(url, statuses=("completed",), min_usd=None), name="done"),
    )
    settings = settings_for(tmp_path, feed_server, rules)
    post(
        feed_server,
        "A",
        ("Figure raises $700 million in Series B led by Nvidia", LINK),
        ("Humanoid maker Apptronik completes $350 million funding round", "https://a.example/2"),
    )
    cycle(settings, store, NOW)
    fired = sorted((b["rule"], b["story"]["title"]) for b in bodies(receiver))  # type: ignore[index]
    assert fired == [
        ("big-rounds", "Figure raises $700 million in Series B led by Nvidia"),
        ("done", "Humanoid maker Apptronik completes $350 million funding round"),
        ("nvidia-backed", "Figure raises $700 million in Series B led by Nvidia"),
    ]


# --------------------------------------------------------------------------- killed mid-delivery


def test_killed_mid_delivery_loses_nothing_and_resends_the_same_key(
    tmp_path: Path, feed_server: FeedServer, receiver: Receiver
) -> None:
    post(feed_server, "A", (ROUND, LINK))
    config = tmp_path / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "site": {"id_authority": "test.example,2026"},
                "database": "db.sqlite",
                "output": "site",
                "allow_private_networks": True,
                "feeds": [{"name": "A", "url": feed_server.url("/A.xml")}],
                "alerts": [
                    {
                        "name": "big-rounds",
                        "types": ["funding"],
                        "min_amount_usd": "100M",
                        "webhooks": [{"url": receiver.url(), "secret": SECRET}],
                    }
                ],
                "alert_delivery": {"timeout": "60s"},
            }
        )
    )
    receiver.hang = True
    child = subprocess.Popen(
        [sys.executable, "-m", "aggregator", "--config", str(config), "update", "--all"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        assert receiver.arrived.wait(60), "the alert never arrived"
        os.kill(child.pid, signal.SIGKILL)  # mid-delivery: the receiver has the request
    finally:
        child.wait(30)
    receiver.hang = False
    receiver.release.set()
    with Store(tmp_path / "db.sqlite") as store:
        assert store.delivery_counts()["pending"] == 1  # not lost
        settings = replace(
            settings_for(tmp_path, feed_server, (rule(receiver.url()),)),
            database=tmp_path / "db.sqlite",
        )
        report = cycle(settings, store, datetime.now().astimezone())
        assert report.alerts.fired == 0 and report.alerts.delivered == 1
        assert store.delivery_counts()["delivered"] == 1
    first, again = receiver.keys()
    assert first == again  # the same Idempotency-Key
    assert receiver.signed(SECRET) and receiver.requests[0].body == receiver.requests[1].body


# --------------------------------------------------------------------------- published


def test_alert_feeds_and_corrections_are_published(
    tmp_path: Path, feed_server: FeedServer, receiver: Receiver, store: Store
) -> None:
    import feedparser

    settings = settings_for(tmp_path, feed_server, (rule(receiver.url()),))
    post(feed_server, "A", (ROUND, LINK))
    cycle(settings, store, NOW)
    post(feed_server, "A", ("Robotics startup Figure raises $700 million", LINK))
    cycle(settings, store, NOW + timedelta(hours=1))
    site = settings.output
    alerts = feedparser.parse((site / "alerts/big-rounds.atom").read_bytes())
    assert [e.id for e in alerts.entries] == [
        "tag:test.example,2026:alert/big-rounds/1/2",
        "tag:test.example,2026:alert/big-rounds/1/1",
    ]
    assert alerts.entries[0].summary.startswith("Changed: amount $675M → $700M · Funding")
    assert alerts.entries[1].title == f"New deal: {ROUND}"
    curated = feedparser.parse((site / "feed.atom").read_bytes())
    assert "Updated: amount $675M → $700M" in curated.entries[0].summary.splitlines()
    item = json.loads((site / "feed.json").read_text())["items"][0]
    assert item["_deal_history"] == [
        {
            "date": "2026-11-24T13:00:00Z",
            "changes": [
                {"field": "amount", "from": "$675M", "to": "$700M", "text": "amount $675M → $700M"}
            ],
        }
    ]
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    published = pipeline.publish_now(settings, store, NOW + timedelta(hours=2))
    assert published.written == 0  # the same bytes: nothing rewritten
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


# --------------------------------------------------------------------------- inspection


def test_the_alerts_command_and_metrics_show_pending_and_failed(
    tmp_path: Path, feed_server: FeedServer, receiver: Receiver
) -> None:
    from click.testing import CliRunner

    from aggregator.runtime.cli import cli
    from aggregator.runtime.metrics import Metrics
    from aggregator.runtime.worker import cycle_stats

    post(
        feed_server,
        "A",
        (ROUND, LINK),
        ("Humanoid maker Apptronik raises $350 million", "https://a.example/2"),
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "site": {"id_authority": "test.example,2026"},
                "database": "db.sqlite",
                "output": "site",
                "allow_private_networks": True,
                "feeds": [{"name": "A", "url": feed_server.url("/A.xml")}],
                "alerts": [
                    {
                        "name": "big-rounds",
                        "webhooks": [
                            {"url": receiver.url("/gone")},
                            {"url": receiver.url("/down")},
                        ],
                    }
                ],
            }
        )
    )
    receiver.status = 404
    runner = CliRunner()
    assert runner.invoke(cli, ["--config", str(config), "update", "--all"]).exit_code == 0
    with Store(tmp_path / "db.sqlite") as store:
        (delivery,) = store.deliveries(["failed"], 1)
        with store.write():  # one of them: a receiver that is down (pending, retried)
            store.db.execute(
                "UPDATE alert_outbox SET status = 'pending', last_error = 'HTTP 500' WHERE id = ?",
                [delivery.id],
            )
        counts, _ = cycle_stats(store)
    shown = runner.invoke(cli, ["--config", str(config), "alerts"])
    assert shown.exit_code == 0, shown.output
    assert shown.output.splitlines()[0] == "1 pending, 0 delivered, 3 failed, 0 dropped"
    assert "HTTP 404 Not Found" in shown.output and "HTTP 500" in shown.output
    data = json.loads(runner.invoke(cli, ["--config", str(config), "alerts", "--json"]).output)
    assert len(data["deliveries"]) == 4 and data["counts"]["failed"] == 3
    assert {d["key"] for d in data["deliveries"]} == {
        "tag:test.example,2026:alert/big-rounds/1/1",
        "tag:test.example,2026:alert/big-rounds/2/1",
    }
    metrics = Metrics()
    metrics.observe_store(counts, {})
    page = metrics.render()[0].decode()
    assert 'aggregator_alert_deliveries{status="pending"} 1.0' in page
    assert 'aggregator_alert_deliveries{status="failed"} 3.0' in page
